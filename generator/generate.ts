/**
 * The pipeline: parse → model → passes → emit. `generate()` returns the files to write; it reads
 * nothing from and writes nothing to the disk (the CLI and `write/` do that).
 */
import { DiagnosticBag, GenerationError, type Diagnostic } from "./diagnostics";
import { readCsdlXml } from "./parse/xml";
import type { RawDocument } from "./parse/raw";
import { buildModel } from "./model/build";
import type { Model } from "./model/types";
import { assignNames } from "./passes/names";
import { isSliced, sliceModel, type SliceSummary } from "./passes/slice/slice";
import { keyAsSegment } from "./model/capabilities";
import { emitAll } from "./emit/emit";

export interface InputFile {
  /** The path as the user gave it; shown in diagnostics and in the generated header. */
  file: string;
  content: string;
}

export interface GenerateOptions {
  inputs: InputFile[];
  /** URL key style; by default read from `Capabilities.KeyAsSegmentSupported`, else parentheses. */
  keyAsSegment?: boolean;
  /**
   * Slicing (passes/slice): patterns for what to keep — qualified-name globs
   * (`microsoft.graph.callRecords.*`, `microsoft.graph.user`), namespaces, or URL-path globs
   * (`/communications/callRecords/**`). None keeps everything.
   */
  include?: string[];
  /** Patterns for what to leave out of the slice (same forms as `include`). */
  exclude?: string[];
  /** With a slice: also keep every subtype of a selected type. */
  includeDerived?: boolean;
  /** With a slice: also keep navigation targets, transitively. */
  includeNavigation?: boolean;
}

export interface GenerateResult {
  /** Output path (relative to the output folder) → content, in sorted order. */
  files: Map<string, string>;
  /** Warnings and notes (errors throw a GenerationError instead). */
  diagnostics: Diagnostic[];
  model: Model;
  /** What the slice kept, when `include` or `exclude` was given. */
  slice?: SliceSummary;
}

export function generate(options: GenerateOptions): GenerateResult {
  const diags = new DiagnosticBag();
  const docs: RawDocument[] = [];
  for (const input of options.inputs) {
    const doc = readCsdlXml(input.file, input.content, diags);
    if (doc) docs.push(doc);
  }
  if (diags.hasErrors) throw new GenerationError(diags.items);
  const full = buildModel(docs, diags);
  if (diags.hasErrors) throw new GenerationError(diags.items);
  const sliced = isSliced(options) ? sliceModel(full, options, diags) : undefined;
  if (diags.hasErrors) throw new GenerationError(diags.items);
  const model = sliced ? sliced.model : full;
  const names = assignNames(model, diags);
  const files = emitAll(model, names, {
    sources: options.inputs.map((i) => baseName(i.file)),
    keyAsSegment: options.keyAsSegment ?? keyAsSegment(model),
  });
  return { files, diagnostics: diags.items, model, slice: sliced?.summary };
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, "");
}
