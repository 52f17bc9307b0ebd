/**
 * The committed generated/ (both services) and the golden outputs, each with the usage code in
 * test/usage beside it, compile under --strict with TypeScript 5.9 and TypeScript 7, with no
 * diagnostics at all.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fixtureNames, generateFixture, GOLDEN_DIR, listFiles } from "./helpers/fixtures";
import { compileWithApi, compileWithTs7, REPO, ts7, tsFiles, type Problem } from "./helpers/typecheck";
import { STATIC_FILES } from "../generator/emit/emit";
import ts from "typescript";

const SERVICES = ["graph-callrecords", "graph-beta-securitycopilot"];
const USAGE = path.join(__dirname, "usage");

let root: string;
/** Folders to compile: copies of generated/<service> and test/golden/<fixture>, each with its usage file. */
const projects: { name: string; dir: string }[] = [];

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
});

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

function show(problems: Problem[]): string {
  return problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join("\n");
}

test("every service and every fixture has a usage file", () => {
  expect(listFiles(USAGE).filter((f) => f.endsWith(".ts")).sort()).toEqual([...SERVICES, ...fixtureNames()].map((n) => `${n}.ts`).sort());
});

test("no generated file disables type checking", () => {
  for (const { dir } of projects)
    for (const f of tsFiles(dir)) expect(fs.readFileSync(f, "utf8")).not.toMatch(/@ts-(nocheck|ignore|expect-error)/);
});

test("TypeScript 5.9 --strict: zero diagnostics", () => {
  const files = projects.flatMap((p) => tsFiles(p.dir));
  expect(files.length).toBeGreaterThan(30);
  const problems = compileWithApi(files).map((p) => ({ ...p, file: p.file.replace(/^.*odatagen-typecheck-[^/]+\//, "") }));
  expect(show(problems)).toBe("");
});

const native = ts7();
if ("reason" in native) console.warn(`SKIPPED: TypeScript 7 type check: ${native.reason}`);
(("tsc" in native) ? test : test.skip)(`TypeScript 7 (${"version" in native ? native.version : "not available"}) --strict: zero diagnostics`, () => {
  if (!("tsc" in native)) return;
  const files = projects.flatMap((p) => tsFiles(p.dir));
  const r = compileWithTs7(native.tsc, root, files);
  expect(r.output).toBe("");
  expect(r.status).toBe(0);
});

test("the type check fails on a type error (the check is live)", () => {
  const dir = path.join(root, "graph-callrecords");
  const broken = path.join(dir, "broken.ts");
  fs.writeFileSync(broken, `import type { Session } from "./microsoft.graph.callRecords.types.js";\nexport const s: Session = { id: "x", modalities: ["String"] };\n`);
  try {
    const problems = compileWithApi([broken]);
    expect(problems.map((p) => p.line)).toEqual([2]);
    expect(problems[0].message).toMatch(/"String"/);
    if ("tsc" in native) {
      const r = compileWithTs7(native.tsc, root, [broken]);
      expect(r.status).not.toBe(0);
      expect(r.output).toMatch(/broken\.ts\(2,/);
    }
  } finally {
    fs.rmSync(broken);
  }
});

test("the test sources (and the generated code they import) type-check with tsconfig.test.json", () => {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(REPO, "tsconfig.test.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!config) throw new Error("tsconfig.test.json not read");
  const program = ts.createProgram(config.fileNames, config.options);
  const problems = ts.getPreEmitDiagnostics(program).map((d) => {
    const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${d.file ? path.relative(REPO, d.file.fileName) : ""}:${pos}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
  expect(config.fileNames.some((f) => f.endsWith("seed-requests.test.ts"))).toBe(true);
  expect(problems.join("\n")).toBe("");
});
