/**
 * The committed generated/ (both services) and the golden outputs, each with the usage code in
 * test/usage beside it, compile under --strict with TypeScript 5.9 and TypeScript 7, with no
 * diagnostics at all. generated/graph-callrecords compiles in each module mode and project variant
 * the README names (one compiler: see there). So do the test sources (tsconfig.test.json), which
 * ts-jest only transpiles.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fixtureNames, generateFixture, GOLDEN_DIR, listFiles } from "./helpers/fixtures";
import { generateFixture as generateTestOutput } from "./helpers/generated";
import { anyCompiler, BASE_OPTIONS, compiler, REPO, runTsc, runTscEach, runTscProject, STRICT_OPTIONS, tsFiles, type Compiler, type TscProject, type TscResult } from "./helpers/typecheck";
import { STATIC_FILES } from "../generator/emit/emit";
import { augmentsModules } from "./helpers/static-shared";

const SERVICES = ["graph-callrecords", "graph-beta-securitycopilot"];
const USAGE = path.join(__dirname, "usage");
/** The folder, beside the projects, of generated/graph-callrecords' copy with a package.json of `"type": "module"`. */
const ESM_COPY = "graph-callrecords-esm";

let root: string;
/** Folders to compile: copies of generated/<service> and test/golden/<fixture>, each with its usage file. */
const projects: { name: string; dir: string }[] = [];
const files = () => projects.flatMap((p) => tsFiles(p.dir)).filter((f) => !f.endsWith("broken.ts"));

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-typecheck-"));
  for (const svc of SERVICES) {
    const dir = path.join(root, svc);
    fs.cpSync(path.join(REPO, "generated", svc), dir, { recursive: true });
    fs.copyFileSync(path.join(USAGE, `${svc}.ts`), path.join(dir, "usage.ts"));
    projects.push({ name: `generated/${svc}`, dir });
  }
  for (const fixture of fixtureNames()) {
    const dir = path.join(root, `golden-${fixture}`);
    fs.cpSync(path.join(GOLDEN_DIR, fixture), dir, { recursive: true });
    // The runtime files are not kept as goldens; they are the same for every fixture.
    const emitted = generateFixture(fixture);
    for (const f of STATIC_FILES) fs.writeFileSync(path.join(dir, f), emitted.get(f)!);
    fs.copyFileSync(path.join(USAGE, `${fixture}.ts`), path.join(dir, "usage.ts"));
    projects.push({ name: `test/golden/${fixture}`, dir });
  }
  // The runtime modules (~400 KB, the same in every output, importing only each other) are checked
  // once: a project's copy that is the same as generated/graph-callrecords' re-exports that one
  // (which the compiles below check in full). No usage file imports from two projects; a project
  // whose modules augment the runtime's (`declare module`, a 4.01 service) keeps its own, as the
  // augmentation would reach every project sharing them.
  const owner = projects[0].dir;
  if (augmentsModules(owner)) throw new Error("generated/graph-callrecords augments a module: share another project's runtime modules");
  for (const { dir } of projects.slice(1).filter((p) => !augmentsModules(p.dir)))
    for (const f of STATIC_FILES)
      if (fs.readFileSync(path.join(dir, f), "utf8") === fs.readFileSync(path.join(owner, f), "utf8"))
        fs.writeFileSync(path.join(dir, f), `export * from "../${path.basename(owner)}/${f.replace(/\.ts$/, ".js")}";\n`);
  // generated/graph-callrecords as a package's ES modules, for the Node16 program (see the modes below).
  fs.cpSync(owner, path.join(root, ESM_COPY), { recursive: true });
  fs.writeFileSync(path.join(root, ESM_COPY, "package.json"), `${JSON.stringify({ type: "module" })}\n`);
});

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

test("every service and every fixture has a usage file", () => {
  expect(listFiles(USAGE).filter((f) => f.endsWith(".ts")).sort()).toEqual([...SERVICES, ...fixtureNames()].map((n) => `${n}.ts`).sort());
});

test("no generated file disables type checking", () => {
  expect(files().length).toBeGreaterThan(30);
  for (const f of files()) expect(fs.readFileSync(f, "utf8")).not.toMatch(/@ts-(nocheck|ignore|expect-error)/);
});

const COMPILERS: [string, Compiler | { reason: string }][] = [
  ["TypeScript 5.9", compiler("typescript", 5)],
  ["TypeScript 7", compiler("typescript7", 7)],
];

describe.each(COMPILERS)("%s", (label, c) => {
  if ("reason" in c) {
    console.warn(`SKIPPED: ${label} type check: ${c.reason}`);
    test.skip(`${label}: ${c.reason}`, () => undefined);
    return;
  }

  // One compile: everything must be clean except one deliberately broken file, which shows the
  // check is live (a compile that saw nothing would pass too). With the lib files checked too, as a
  // project without skipLibCheck has them (the other checks skip them: see BASE_OPTIONS). And with
  // isolatedDeclarations, as a library that publishes the generated code emits its declarations.
  test(`generated/ and the goldens, --strict and isolatedDeclarations: zero diagnostics (${c.version})`, () => {
    const broken = path.join(root, "graph-callrecords", "broken.ts");
    fs.writeFileSync(broken, `import type { Session } from "./microsoft.graph.callRecords.types.js";\nexport const s: Session = { id: "x", endDateTime: "", startDateTime: "", modalities: ["String"] };\n`);
    try {
      const r = runTsc(c, root, [...files(), broken], { ...STRICT_OPTIONS, skipLibCheck: false, declaration: true, isolatedDeclarations: true });
      const lines = r.output.split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^graph-callrecords\/broken\.ts\(2,\d+\): error TS2322: Type '"String"' is not assignable to type 'Modality'/);
      expect(r.status).not.toBe(0);
    } finally {
      fs.rmSync(broken);
    }
  });
});

/**
 * The module modes and project variants the README says the generated code drops into, each a
 * program over generated/graph-callrecords (its runtime modules included: most of what the variants
 * change is how the runtime's bodies check) and its usage file. What each is for:
 * - The modules import each other as `./x.js` (ESM style): the README names the resolution modes
 *   that take that, besides NodeNext (the main compile's): Node16, and Bundler with ESNext or
 *   Preserve. Node16's copy of the folder has a package.json with `"type": "module"`, so its modules
 *   are ES modules, where a relative import must name its `.js` file (TS2835) and `import.meta` is
 *   allowed; the other Node programs' folder has none, so they are CommonJS, as in a package
 *   without `"type"` (the README says both work), where `import.meta` is refused (TS1470).
 * - A project that is not strict (no strictNullChecks: `x === undefined` narrows nothing there),
 *   as its own sources are checked with its options (not the usage file, whose narrowing of an
 *   `undefined` is written for --strict).
 * - A Node project with `@types/node` for `fetch` and no DOM library.
 * - One on the ES2020 library (the default of `"target": "ES2020"`).
 * One compiler checks them: TypeScript 7 where it runs (a tenth of 5.9's CPU here: the six
 * programs ~2 s, against ~21 s for 5.9's checker), else 5.9. What a mode or variant can break is
 * module resolution and syntax, the lib files and strictness, which the two compilers judge alike:
 * each fault these programs were added for (a bare `x === undefined` narrowing, an ES2022 or DOM-only
 * API, `import.meta`, an import without `.js`) was reported by both, with the same code on the same
 * line. TypeScript 5.9 still checks every output in the main compile above.
 */
describe("module modes and project variants", () => {
  const MODES = [
    ["Node16", "Node16", "strict, ES modules"],
    ["ESNext", "Bundler", "strict"],
    ["Preserve", "Bundler", "strict"],
    ["ESNext", "Bundler", "not strict"],
    ["NodeNext", "NodeNext", "@types/node, no DOM"],
    ["ESNext", "Bundler", "ES2020 library"],
  ];
  const VARIANTS: Record<string, object> = {
    strict: STRICT_OPTIONS,
    "strict, ES modules": STRICT_OPTIONS,
    "not strict": { ...BASE_OPTIONS, strict: false },
    "@types/node, no DOM": { ...STRICT_OPTIONS, lib: ["ES2022"], types: ["node"], typeRoots: [path.join(REPO, "node_modules", "@types")] },
    "ES2020 library": { ...STRICT_OPTIONS, lib: ["ES2020", "DOM"] },
  };
  // The modes compile in one tsc run (`tsc -b`, each mode its own program), made by the first
  // test that asks; if that run fails as a whole, each test compiles alone.
  let modes: TscResult[] | "alone" | undefined;
  const project = (module: string, moduleResolution: string, variant: string): TscProject => ({
    files: tsFiles(path.join(root, variant === "strict, ES modules" ? ESM_COPY : "graph-callrecords")).filter((f) => variant !== "not strict" || path.basename(f) !== "usage.ts"),
    compilerOptions: { ...VARIANTS[variant], module, moduleResolution },
  });
  test.each(MODES)("generated/graph-callrecords compiles with module %s, moduleResolution %s, %s", (module, moduleResolution, variant) => {
    const c = anyCompiler();
    if (!modes) {
      try {
        modes = runTscEach(c, root, MODES.map(([m, r, s]) => project(m, r, s)));
      } catch {
        modes = "alone";
      }
    }
    const own = project(module, moduleResolution, variant);
    const r = modes === "alone" ? runTsc(c, root, [...own.files], own.compilerOptions) : modes[MODES.findIndex(([m, x, s]) => m === module && x === moduleResolution && s === variant)];
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  });
});

// Either compiler will do for the tests; TypeScript 7 is several times faster, 5.9 the fallback.
test("the test sources (and the generated code they import) type-check with tsconfig.test.json", () => {
  const c = anyCompiler();
  // Test files take types from fixture output under test/.generated/<tag>, which each file writes when
  // it runs; write them here too, so this check does not depend on the order jest runs files in.
  // Only missing ones: rewriting a folder another jest worker is loading could pull it from under it.
  const outputs: Record<string, [fixture: string | string[], options?: { keyAsSegment?: boolean; unqualifiedOperations?: boolean }]> = {
    client: ["trippin-lite.xml", { keyAsSegment: false }],
    mockserver: ["trippin-lite.xml", { keyAsSegment: false }],
    "batch-multipart": ["trippin-lite.xml", { keyAsSegment: false }],
    "batch-split": ["trippin-lite.xml", { keyAsSegment: false }],
    "mockserver-sap": ["requests/sap-catalog.xml"],
    aggregate: ["requests/sap-catalog.xml"],
    csrf: ["requests/sap-catalog.xml"],
    "urls-parens": ["trippin-lite.xml", { keyAsSegment: false }],
    hostile: ["validation.xml"],
    primitives: ["validation.xml"],
    structure: ["validation.xml"],
    "control-information": ["validation.xml"],
    delta: ["validation.xml"],
    "urls-campus": ["requests/campus-bindings.xml", { keyAsSegment: true }],
    "client-retry": ["trippin-lite.xml", { keyAsSegment: false }],
    "client-streams": ["trippin-lite.xml", { keyAsSegment: false }],
    "client-timeout": ["trippin-lite.xml", { keyAsSegment: false }],
    "client-token": ["trippin-lite.xml", { keyAsSegment: false }],
    "signal-listeners": ["trippin-lite.xml", { keyAsSegment: false }],
    "unread-bodies": ["trippin-lite.xml", { keyAsSegment: false }],
    "paging-loops": ["trippin-lite.xml", { keyAsSegment: false }],
    "error-json": ["trippin-lite.xml", { keyAsSegment: false }],
    "client-error-body": ["trippin-lite.xml", { keyAsSegment: false }],
    "relative-links": ["trippin-lite.xml", { keyAsSegment: false }],
    "deep-json": ["trippin-lite.xml", { keyAsSegment: false }],
    "client-stream": ["requests/stream-result.xml"],
    "client-null": ["requests/null-results.xml"],
    "no-content-lib": ["requests/null-results.xml"],
    "no-content-shop": ["requests/nullable-refs.xml"],
    "bodies-lib": ["requests/null-results.xml"],
    "bodies-untyped": ["requests/untyped-results.xml"],
    annotations: ["requests/drive-annotations.xml"],
    "nested-writes": ["requests/nested-writes.xml"],
    "urls-geo": ["requests/geo-params.xml"],
    "overload-names": ["requests/overload-names.xml"],
    "builder-names": ["requests/builder-names.xml"],
    "urls-casts": ["inheritance.xml"],
    "omitted-full": ["slice/omitted-subtypes.xml"],
    extends: [["requests/extends/sales.xml", "requests/extends/catalog.xml"]],
    "big-numbers": ["requests/big-numbers.xml"],
    "url-big-numbers": ["requests/big-numbers.xml"],
    "value-collections": ["requests/value-collections.xml"],
    "evolvable-enums": ["requests/evolvable-enums.xml"],
    "read-info": ["requests/read-info.xml"],
    "batch-references": ["trippin-lite.xml"],
    keyless: ["requests/keyless-view.xml"],
    altkeys: ["requests/alternate-keys.xml"],
    "altkeys-segment": ["requests/alternate-keys.xml", { keyAsSegment: true }],
    "opsegs-default": ["requests/operation-segments.xml"],
    "opsegs-unqualified": ["requests/operation-segments.xml", { unqualifiedOperations: true }],
    "url-calls-requests": ["trippin-lite.xml"],
    "composable-writes": ["requests/composable-writes.xml"],
    "slice-composable": ["requests/composable-slice.xml", { keyAsSegment: true, unqualifiedOperations: true }],
    "cast-expand": ["requests/cast-expand.xml"],
    levels: ["requests/cast-expand.xml"],
    "typed-filter": ["requests/typed-filter.xml"],
    "url-typed-filter": ["requests/url-filter.xml"],
    "validation-terms": ["constraints.xml"],
    "operation-terms": ["operation-constraints.xml"],
    "operation-validator-names": ["names/operation-validator-names.xml"],
    "read-only": ["requests/read-only.xml"],
    "explicit-bindings-http": ["requests/explicit-bindings.xml"],
    "custom-query-options-http": ["requests/custom-query-options.xml"],
    "auto-expand-http": ["requests/auto-expand.xml"],
    "media-types-http": ["requests/media-types.xml"],
    "held-subtypes-http": ["requests/held-subtypes.xml"],
    "url-check-sent": ["requests/url-filter.xml"],
    "cli-url-list": ["requests/url-filter.xml"],
    "required-if-match": ["requests/required-if-match.xml", { keyAsSegment: true }],
    "auth-challenge": ["trippin-lite.xml", { keyAsSegment: false }],
    "batch-redirect": ["trippin-lite.xml", { keyAsSegment: false }],
    "proxy-auth-answer": ["trippin-lite.xml", { keyAsSegment: false }],
    "delta-reads-http": ["requests/delta.xml"],
    "alias-types": ["requests/alias-types.xml"],
  };
  // Every output a test file imports types from is in the list above (else this check would pass
  // or fail by the order jest runs files in).
  const imported = new Set<string>();
  for (const f of fs.readdirSync(path.join(REPO, "test")).filter((x) => x.endsWith(".ts")))
    for (const m of fs.readFileSync(path.join(REPO, "test", f), "utf8").matchAll(/\.\/\.generated\/([\w-]+)\//g)) imported.add(m[1]);
  expect([...imported].filter((tag) => !(tag in outputs))).toEqual([]);
  const missing = (tag: string) => !fs.existsSync(path.join(REPO, "test", ".generated", tag));
  for (const [tag, [fixture, options]] of Object.entries(outputs)) if (missing(tag)) generateTestOutput(fixture, tag, options);
  const mirror = sharedStaticMirror(Object.keys(outputs));
  try {
    const r = runTscProject(c, path.join(mirror, "tsconfig.test.json"));
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  } finally {
    fs.rmSync(mirror, { recursive: true, force: true });
  }
});

/**
 * A copy of the repository's tsconfig.test.json project in a scratch folder, to check the test
 * sources in: the repository's other files and folders (generator/, generated/, node_modules/, ...)
 * linked, test/ copied, and each output in test/.generated that they import (`tags`) copied with
 * its runtime modules (STATIC_FILES, the same in every output) taken from one copy of them: each
 * output's own becomes `export * from "../static-shared/<module>.js"`, and its other modules import
 * that copy. So the compiler checks the runtime once rather than once for each of the ~75 outputs
 * (~400 KB each: 720,000 lines in all, 270,000 so), the same declarations. A runtime module that
 * differs from the first output's stays the output's own. What this gives up: with separate copies,
 * an object of a runtime class with private members from one output did not fit another output's
 * function; with one copy it does. No test mixes two outputs' runtime objects (jest would fail it).
 */
function sharedStaticMirror(tags: readonly string[]): string {
  const mirror = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-test-sources-"));
  try {
    const copied = ["tsconfig.json", "tsconfig.test.json", "package.json"];
    for (const f of copied) fs.copyFileSync(path.join(REPO, f), path.join(mirror, f));
    for (const e of fs.readdirSync(REPO, { withFileTypes: true })) {
      if (!copied.includes(e.name) && e.name !== "test" && e.name !== ".git") fs.symlinkSync(path.join(REPO, e.name), path.join(mirror, e.name), e.isDirectory() ? "dir" : "file");
    }
    const generated = path.join(REPO, "test", ".generated");
    fs.cpSync(path.join(REPO, "test"), path.join(mirror, "test"), { recursive: true, filter: (f) => f !== generated });
    const shared = path.join(mirror, "test", ".generated", "static-shared");
    fs.mkdirSync(shared, { recursive: true });
    const canonical = new Map<string, string>();
    for (const tag of tags) {
      const from = path.join(generated, tag);
      const to = path.join(mirror, "test", ".generated", tag);
      fs.mkdirSync(to);
      const texts = new Map(fs.readdirSync(from).map((f) => [f, fs.readFileSync(path.join(from, f), "utf8")]));
      const sharedHere = new Set<string>();
      for (const f of STATIC_FILES) {
        const text = texts.get(f);
        if (text === undefined) continue;
        if (!canonical.has(f)) {
          canonical.set(f, text);
          fs.writeFileSync(path.join(shared, f), text);
        }
        if (canonical.get(f) === text) sharedHere.add(f.replace(/\.ts$/, ""));
      }
      for (const [f, text] of texts) {
        const module = f.replace(/\.ts$/, "");
        const own = sharedHere.has(module)
          ? `export * from "../static-shared/${module}.js";\n`
          : text.replace(/"\.\/([\w-]+)\.js"/g, (whole, m: string) => (sharedHere.has(m) ? `"../static-shared/${m}.js"` : whole));
        fs.writeFileSync(path.join(to, f), own);
      }
    }
  } catch (e) {
    // A mirror half built (a tag rewritten meanwhile by another worker, a full disk) is not left behind.
    fs.rmSync(mirror, { recursive: true, force: true });
    throw e;
  }
  return mirror;
}
