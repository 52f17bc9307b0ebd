/**
 * The generated validators type-check under `tsc --strict` (real TypeScript compiler), and the type
 * guards narrow: `isItem(x, { complete: true })` makes `x` an `Item`, `assertItem(x, { complete: true })`
 * too (without `complete`, see test/validators-guards.test.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { generateFixture } from "./helpers/generated";

const out = generateFixture("validation.xml", "compile");

function compile(extra: Record<string, string>, only?: RegExp, flags: ts.CompilerOptions = {}): string[] {
  for (const [f, text] of Object.entries(extra)) fs.writeFileSync(path.join(out, f), text);
  const files = fs.readdirSync(out).filter((f) => f.endsWith(".ts") && (!only || only.test(f))).map((f) => path.join(out, f));
  const program = ts.createProgram(files, {
    ...flags,
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
  });
  for (const f of Object.keys(extra)) fs.rmSync(path.join(out, f));
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !only || !d.file || only.test(d.file.fileName))
    .map((d) => `${d.file ? path.basename(d.file.fileName) + ": " : ""}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

test("generated validators compile under --strict, and the guards narrow", () => {
  const usage = `
import { isItem, assertItem, validateShape } from "./Test.Validation.validators.js";
import type { Item } from "./Test.Validation.types.js";
export function name(x: unknown): string {
  if (isItem(x, { complete: true })) { const i: Item = x; return i.name; }
  assertItem(x, { mode: "read", strict: false, maxErrors: 5, complete: true });
  return x.name;
}
export const first = validateShape({}).errors[0]?.path;
`;
  expect(compile({ "usage.ts": usage })).toEqual([]);
});

test("without the guard the value stays unknown (the check above can fail)", () => {
  const usage = `
import { validateItem } from "./Test.Validation.validators.js";
export function name(x: unknown): string {
  validateItem(x);
  return x.name;
}
`;
  expect(compile({ "usage2.ts": usage }).join("\n")).toMatch(/'x' is of type 'unknown'/);
});

test("the validators and their runtime also compile under the strictest optional checks", () => {
  const strictest: ts.CompilerOptions = {
    noPropertyAccessFromIndexSignature: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noImplicitReturns: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
  };
  expect(compile({}, /(validators|validation)\.ts$/, strictest)).toEqual([]);
});
