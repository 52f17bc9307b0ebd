/**
 * The only stage that writes to the disk. Compares generated files with what is there; when
 * anything differs, assembles the new output beside the old and swaps it in atomically (stage.ts).
 * Files whose content did not change are not rewritten (they keep their mtime). Stale files — ones
 * a previous run wrote, per the manifest, that this run does not produce — are removed (unless
 * `removeStale` is false); a file odatagen did not write is never removed or overwritten.
 */
import { badFileName } from "./file-name";
import { manifestFiles, manifestText, optionsRecord, type Manifest, type ManifestInput, type ManifestOptions } from "./manifest";
import { planOutput, type Plan } from "./plan";
import type { Checkpoint } from "./interrupt";
import { discardStaging, recover, stageOutput, swapIn, type StageInput, type Staged } from "./stage";
import { keepEdits, type KeptEdit } from "./edits";

export { MANIFEST, readManifest } from "./manifest";

export interface WriteReport {
  written: string[];
  unchanged: string[];
  removed: string[];
  /** Stale generated files left in place because `removeStale` was false. */
  kept: string[];
  /** Files edited by hand since the last run that this one overwrote or removed, and where their copies are. */
  edited: KeptEdit[];
  /**
   * The manifest, when writing it is worth saying: it was missing (from an output already there)
   * or unreadable, or it was all that changed (new input paths, generator or options that generate the same files). Else undefined.
   */
  manifest?: ManifestWrite;
}

export type ManifestWrite = { kind: "missing" } | { kind: "unreadable"; reason: string } | { kind: "updated" };

/** What the manifest records about how the output was produced. */
export interface OutputRecord {
  version: string;
  fingerprint: string;
  options: ManifestOptions;
  inputs: ManifestInput[];
  /** Manifest.lookedFor. */
  lookedFor?: string[] | undefined;
}

export interface WriteOptions {
  /** What the manifest records about how the output was produced (the CLI's run; the library's writeOutput records its generate() run by default, library-record.ts; else empty). */
  record?: OutputRecord | undefined;
  /** Remove stale generated files (default true). */
  removeStale?: boolean | undefined;
}

/** WriteOptions, with the plan and manifest `prepareOutput` made with them when the caller already has them. */
export interface PreparedWriteOptions extends WriteOptions {
  prepared?: { plan: Plan; manifest: string };
}

/** Thrown when generated files would overwrite files odatagen did not write. Nothing is written. */
export class OutputConflictError extends Error {
  constructor(readonly files: string[]) {
    super(`would overwrite file(s) odatagen did not write: ${files.join(", ")}`);
    this.name = "OutputConflictError";
  }
}

/** The manifest text and plan for writing `files` to `outDir`, without writing anything. */
export function prepareOutput(outDir: string, files: ReadonlyMap<string, string>, options: WriteOptions = {}): { plan: Plan; manifest: string } {
  // The model admits only CSDL names, so generated files are plain names in the output folder;
  // should anything else ever reach here, nothing is written rather than something outside it.
  // (The library's writeOutput reports these as ODG405 before it gets here: library-write.ts.)
  for (const rel of files.keys()) {
    const why = badFileName(rel);
    if (why) throw new Error(`refusing to write ${JSON.stringify(rel)}: not a file name inside the output folder (it ${why})`);
  }
  const record = options.record ?? { version: "", fingerprint: "", options: optionsRecord({}), inputs: [] };
  const entries = manifestFiles(files);
  const draft: Manifest = { generator: "odatagen", ...record, files: entries };
  let plan = planOutput(outDir, files, manifestText(draft));
  if (options.removeStale === false && plan.stale.length && plan.previous) {
    const kept = new Set(plan.stale);
    draft.files = [...entries, ...plan.previous.files.filter((f) => kept.has(f.path)).map((f) => ({ ...f, stale: true }))];
    plan = planOutput(outDir, files, manifestText(draft));
  }
  return { plan, manifest: manifestText(draft) };
}

export function writeOutput(outDir: string, files: ReadonlyMap<string, string>, options: PreparedWriteOptions = {}): WriteReport {
  const { report, input, edited } = planWrite(outDir, files, options);
  if (!input) return report;
  return finishWrite(outDir, stageOutput(outDir, input), report, edited, input.drop);
}

/**
 * writeOutput with a checkpoint between staging and swapping in: an interrupted run (interrupt.ts)
 * removes its staging folder and leaves the old output as it was.
 */
export async function writeOutputAsync(outDir: string, files: ReadonlyMap<string, string>, options: PreparedWriteOptions, checkpoint: Checkpoint): Promise<WriteReport> {
  const { report, input, edited } = planWrite(outDir, files, options);
  if (!input) return report;
  const staged = stageOutput(outDir, input);
  try {
    await checkpoint();
  } catch (e) {
    discardStaging(outDir, staged);
    throw e;
  }
  return finishWrite(outDir, staged, report, edited, input.drop);
}

/**
 * Keeps copies of the edited files the staged output replaces, then swaps it in. The copies are
 * made once nothing can stop the swap short of a failure of the file system, so an interrupted run
 * leaves none; a copy that cannot be made stops the run with the old output as it was.
 */
function finishWrite(outDir: string, staged: Staged, report: WriteReport, edited: string[], removed: ReadonlySet<string>): WriteReport {
  try {
    report.edited = keepEdits(outDir, edited, removed);
  } catch (e) {
    discardStaging(outDir, staged);
    throw e;
  }
  swapIn(outDir, staged);
  return report;
}

/**
 * What writeOutput would report, what it stages (nothing when the output is already right), and
 * which edited files it would overwrite or remove.
 */
function planWrite(outDir: string, files: ReadonlyMap<string, string>, options: PreparedWriteOptions): { report: WriteReport; input?: StageInput; edited: string[] } {
  const recovered = recover(outDir);
  const { plan, manifest } = options.prepared && recovered === "none" ? options.prepared : prepareOutput(outDir, files, options);
  if (plan.conflicts.length) throw new OutputConflictError(plan.conflicts);
  const removeStale = options.removeStale ?? true;
  const report: WriteReport = {
    written: [...plan.added, ...plan.changed].sort(),
    unchanged: plan.unchanged,
    removed: removeStale ? plan.stale : [],
    kept: removeStale ? [] : plan.stale,
    edited: [],
  };
  if (!report.written.length && !report.removed.length && !plan.manifestChanged) return { report, edited: [] };
  // A missing manifest is worth saying where an output was there without it, not on a first run
  // into a folder made beforehand (empty, or holding only the user's files).
  const hadOutput = plan.unchanged.length > 0 || plan.changed.length > 0;
  if (plan.manifestProblem && (plan.manifestProblem.kind !== "missing" || hadOutput)) report.manifest = plan.manifestProblem;
  else if (!report.written.length && !report.removed.length) report.manifest = { kind: "updated" };
  const replaced = new Set([...plan.changed, ...report.removed]);
  const edited = plan.edited.filter((f) => replaced.has(f));
  return { report, input: { files, unchanged: new Set(plan.unchanged), drop: new Set(report.removed), manifest }, edited };
}
