/**
 * What a `generate()` run made its files from, kept beside the files map it returned, so that the
 * library's `writeOutput` (write/library-write.ts) can record in the manifest what the CLI records
 * (its options and inputs) and the CLI can then find that output up to date. Kept by the map's
 * identity, and given back only while the map holds what generate() put in it: a map the caller
 * changed is not what those options and inputs generate.
 */
import type { CheckedOptions } from "./generate";

export interface RunRecord {
  /** The options given, as checked (patterns as lists). */
  options: CheckedOptions;
  /** The documents' texts were read with references followed by the caller's `follow`. */
  followed: boolean;
  /** Some document read has an `edmx:Reference`. */
  references: boolean;
}

const runs = new WeakMap<ReadonlyMap<string, string>, { entries: [string, string][]; record: RunRecord }>();

export function rememberRun(files: ReadonlyMap<string, string>, options: CheckedOptions, references: boolean): void {
  // The inputs are copied: a caller may reuse its list for the next run (the texts are not copied).
  const given = { ...options, inputs: options.inputs.map((i) => ({ file: i.file, content: i.content })) };
  runs.set(files, { entries: [...files], record: { options: given, followed: options.follow !== undefined, references } });
}

/** How `files` was generated, when generate() returned it and it holds what it held then. */
export function runRecordOf(files: ReadonlyMap<string, string>): RunRecord | undefined {
  const run = runs.get(files);
  if (!run || run.entries.length !== files.size) return undefined;
  let i = 0;
  for (const [name, content] of files) {
    const [was, text] = run.entries[i++];
    if (name !== was || content !== text) return undefined;
  }
  return run.record;
}
