/** Reads one version of a service (its CSDL documents) into a model summary, as `generate` reads its inputs. */
import { DiagnosticBag, GenerationError, type Diagnostic } from "../diagnostics";
import { readModel } from "../generate";
import { readInputFiles } from "../write/uptodate";
import { unreadableDiagnostics } from "../write/unreadable-inputs";
import { createFollower, FOLLOWING_OFF } from "../write/follow";
import { isSliced, sliceModel, type SliceOptions } from "../passes/slice/slice";
import { summarize, type ModelSummary } from "./summary";

/**
 * The documents of one version, read and resolved together (a main document and those its
 * `edmx:Reference`s name), following the references to local files as `generate` does (each
 * version from its own files' folders), unless `follow.off` (`diff --no-follow-references`). Throws GenerationError with every problem found when a file
 * cannot be read or has errors; adds the warnings to `warnings` (such as ODG110, a referenced
 * document that is neither among `files` nor followed).
 */
export function loadSummary(files: string[], warnings?: Diagnostic[], follow: { off?: boolean } = {}): ModelSummary {
  return loadVersion(files, follow).summary(undefined, warnings);
}

/** One version read (throws as `loadSummary` does), to be summarised whole or sliced. */
export interface LoadedVersion {
  /**
   * The summary of the whole model, or of the slice `slice` keeps; adds the warnings to `warnings`,
   * and the slice's errors to `sliceErrors` (a pattern that matches nothing in this version is one:
   * the caller decides, knowing the other version).
   */
  summary(slice: SliceOptions | undefined, warnings?: Diagnostic[], sliceErrors?: Diagnostic[]): ModelSummary;
}

export function loadVersion(files: string[], follow: { off?: boolean } = {}): LoadedVersion {
  const read = readInputFiles(files);
  if (read.unreadable.length) throw new GenerationError(unreadableDiagnostics(read.unreadable));
  const diags = new DiagnosticBag();
  const model = readModel(read.contents, diags, createFollower(files, { off: follow.off, offReason: FOLLOWING_OFF.diff }).follow);
  if (diags.hasErrors) throw new GenerationError(diags.items);
  return {
    summary(slice, warnings, sliceErrors) {
      warnings?.push(...diags.items.filter((d) => d.severity === "warning"));
      if (!slice || !isSliced(slice)) return summarize(model);
      const sliceDiags = new DiagnosticBag();
      const requested = slice.includeRequests?.length
        ? (require("../passes/slice/request-patterns") as typeof import("../passes/slice/request-patterns")).withRequestPatterns(slice, model, undefined, sliceDiags)
        : slice;
      const kept = sliceModel(model, requested, sliceDiags).model;
      warnings?.push(...sliceDiags.items.filter((d) => d.severity === "warning"));
      sliceErrors?.push(...sliceDiags.items.filter((d) => d.severity === "error"));
      const summary = summarize(kept);
      // An abstract one is left out: no response names it (its `@odata.type` is not among those allowed, emit/context.ts).
      summary.leftOutSubtypes = new Map();
      for (const t of kept.schemas.flatMap((x) => x.types))
        if (t.kind === "entity" || t.kind === "complex")
          for (const o of t.omittedSubtypes ?? []) if (!o.abstract) summary.leftOutSubtypes.set(o.qualifiedName, t.qualifiedName);
      summary.wholeModelTypes = new Map();
      for (const t of model.schemas.flatMap((x) => x.types))
        if (t.kind === "entity" || t.kind === "complex") summary.wholeModelTypes.set(t.qualifiedName, { baseType: t.baseType?.qualifiedName, abstract: t.abstract });
      return summary;
    },
  };
}
