/**
 * `createProgramSharingRuntime` (test/helpers/program.ts) reports the diagnostics a program of the
 * folders as they are reports: it shares a folder's runtime modules only where that changes none.
 * So does test/helpers/static-shared.ts's `mirrorSharingStatic`, which copies the folders.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ts from "typescript";
import { createProgram, createProgramSharingRuntime } from "./helpers/program";
import { mirrorSharingStatic } from "./helpers/static-shared";

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts"],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: [],
};

// Stand-ins for runtime.ts, validation.ts and edm.ts, importing only each other.
const RUNTIME: Record<string, string> = {
  "runtime.ts": 'import { check } from "./validation.js";\nexport const ok: boolean = check(1);\n',
  "validation.ts": 'import type { Int } from "./edm.js";\nexport function check(n: Int): boolean { return n > 0; }\n',
  "edm.ts": "export type Int = number;\n",
  "usage.ts": 'import { ok } from "./runtime.js";\nexport const y: boolean = ok;\n',
};

let work: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-sharing-"));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

/** Writes an output folder `dir` (RUNTIME, `own` in place of its files); its files. */
function output(dir: string, own: Record<string, string> = {}): string[] {
  return Object.entries({ ...RUNTIME, ...own }).map(([f, text]) => {
    fs.mkdirSync(path.join(work, dir), { recursive: true });
    fs.writeFileSync(path.join(work, dir, f), text);
    return path.join(work, dir, f);
  });
}

/** Each diagnostic as `<folder>/<file>:<line> <code>`, sorted. */
function diagnostics(program: ts.Program): string[] {
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? path.relative(work, d.file.fileName) : ""}:${d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0} TS${d.code}`)
    .sort();
}

test("an output whose edm.ts differs by its text reports the error its own validation.ts then has, as a program of the folders as they are does", () => {
  const files = [...output("a"), ...output("b", { "edm.ts": "export type Int = string;\n" })];
  const whole = diagnostics(createProgram(files, OPTIONS));
  expect(whole).toEqual(["b/runtime.ts:2 TS2345", "b/validation.ts:2 TS2365"]);
  expect(diagnostics(createProgramSharingRuntime(files, OPTIONS).program)).toEqual(whole);
});

test("outputs whose runtime modules are the same share the first's, and report what a program of them as they are reports", () => {
  const files = [...output("a"), ...output("b", { "usage.ts": 'import { ok } from "./runtime.js";\nexport const y: string = ok;\n' })];
  const { program, runtime } = createProgramSharingRuntime(files, OPTIONS);
  expect([...runtime].map((f) => path.relative(work, f)).sort()).toEqual(["a/edm.ts", "a/runtime.ts", "a/validation.ts"]);
  expect(program.getSourceFile(path.join(work, "b", "runtime.ts"))?.text).toBe('export * from "../a/runtime.js";\n');
  expect(diagnostics(program)).toEqual(diagnostics(createProgram(files, OPTIONS)));
  expect(diagnostics(program)).toEqual(["b/usage.ts:2 TS2322"]);
});

test("mirrorSharingStatic keeps all of an output's runtime modules its own where one differs, so the copies report what the folders as they are report", () => {
  const files = [...output("a"), ...output("b", { "edm.ts": "export type Int = string;\n" })];
  const whole = diagnostics(createProgram(files, OPTIONS));
  const mirrored = mirrorSharingStatic([path.join(work, "a"), path.join(work, "b")], path.join(work, "m"));
  // The copies' folders are numbered in the order given: 0 is a, 1 is b.
  const named = diagnostics(createProgram(mirrored, OPTIONS)).map((d) => d.replace(/^m\/0\//, "a/").replace(/^m\/1\//, "b/"));
  expect(named).toEqual(whole);
  expect(fs.readFileSync(path.join(work, "m", "1", "validation.ts"), "utf8")).toBe(RUNTIME["validation.ts"]);
});
