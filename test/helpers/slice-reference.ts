/**
 * The proof used by the slicing tests: `generate()` with slice options (which reads annotation blocks
 * and type contents only as far as the slice needs) must emit exactly what slicing the fully read
 * model emits.
 */
import * as path from "node:path";
import { DiagnosticBag } from "../../generator/diagnostics";
import { emitAll } from "../../generator/emit/emit";
import { generate, type CheckedOptions } from "../../generator/generate";
import { keyAsSegment } from "../../generator/model/capabilities";
import { buildModel } from "../../generator/model/build";
import type { Model } from "../../generator/model/types";
import { readCsdl } from "../../generator/parse/read";
import { assignNames } from "../../generator/passes/names";
import { sliceModel } from "../../generator/passes/slice/slice";

export type SliceOptions = Omit<CheckedOptions, "inputs">;

/** The whole document read, nothing deferred (a caller comparing many slices of one document may read it once). */
export function readFullModel(file: string, content: string): Model {
  const diags = new DiagnosticBag();
  return buildModel([readCsdl(file, content, diags)!], diags);
}

/** The slice as it would be without deferring anything: the whole document read, then sliced. */
export function sliceOfFullModel(file: string, content: string, options: SliceOptions, model = readFullModel(file, content)): Map<string, string> {
  const diags = new DiagnosticBag();
  const sliced = sliceModel(model, options, diags).model;
  const names = assignNames(sliced, diags, model);
  // Its request functions named over the whole model, every type read (generate() reads only the rivals of its names).
  return emitAll(sliced, names, { sources: [path.basename(file)], keyAsSegment: keyAsSegment(sliced) }, { model, names });
}

/** Asserts that generate() slices `content` as slicing the full model does, file by file; returns the files. */
export function expectSameAsFullSlice(file: string, content: string, options: SliceOptions, full?: Model): Map<string, string> {
  const files = generate({ inputs: [{ file, content }], ...options }).files;
  const expected = sliceOfFullModel(file, content, options, full);
  expect([...files.keys()]).toEqual([...expected.keys()]);
  // A file that differs fails as toEqual shows it; the equal ones (nearly all, one per file of each of
  // slice-corpus's slices) are compared by === alone, without a matcher's run each (its error, its stack and
  // jest's walk of the object: 16 of slice-corpus's 40 s of CPU).
  for (const [name, text] of expected) if (files.get(name) !== text) expect({ name, text: files.get(name) }).toEqual({ name, text });
  return files;
}

/** The errors `generate()` reports for `text` (file "t.xml") with these options, as "line:column message". */
export function generationErrors(text: string, options: SliceOptions): string[] {
  try {
    generate({ inputs: [{ file: "t.xml", content: text }], ...options });
  } catch (e) {
    const diagnostics = (e as { diagnostics: { severity: string; line: number; column: number; message: string }[] }).diagnostics;
    return diagnostics.filter((d) => d.severity === "error").map((d) => `${d.line}:${d.column} ${d.message}`);
  }
  return [];
}
