// Names chosen to collide with the identifiers odatagen generates (test/helpers/colliding-names.ts):
// every such document either gets diagnostics or generates code that compiles under the strict
// options — one tsc run over all of them. This is how a facet wrapper and an imported check that
// were both `checkStringL10`, and a derived type redeclaring its base's property, were found.
import * as fs from "node:fs";
import * as path from "node:path";
import { GenerationError } from "../generator/diagnostics";
import { generate } from "../generator/generate";
import { collidingNamesDocument } from "./helpers/colliding-names";
import { GENERATED } from "./helpers/generated";
import { compiler, runTsc, type Compiler } from "./helpers/typecheck";

const DOCUMENTS = 40;
const root = path.join(GENERATED, "names-collide");
fs.rmSync(root, { recursive: true, force: true });

const generated: string[] = [];
const refused: string[] = [];
for (let seed = 1; seed <= DOCUMENTS; seed++) {
  const content = collidingNamesDocument(seed);
  try {
    const { files } = generate({ inputs: [{ file: `doc${seed}.xml`, content }] });
    const dir = path.join(root, String(seed));
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text);
    generated.push(dir);
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    refused.push(`${seed}: ${e.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`)[0]}`);
  }
}

test("most documents generate (the rest are refused with a diagnostic, never a crash)", () => {
  expect(generated.length).toBeGreaterThanOrEqual(DOCUMENTS * 0.6);
  for (const r of refused) expect(r).toMatch(/^\d+: ODG\d{3} /);
});

test("what they generate compiles under the strict options", () => {
  const c = [compiler("typescript7", 7), compiler("typescript", 5)].find((x): x is Compiler => !("reason" in x));
  if (!c) throw new Error("no TypeScript compiler runs here");
  const files = generated.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => path.join(dir, f)));
  const r = runTsc(c, root, files);
  expect(r.output).toBe("");
  expect(r.status).toBe(0);
});
