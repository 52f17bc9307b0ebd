/**
 * What a `generate()` run made its files from, kept beside the files map it returned, so that the
 * library's `writeOutput` (write/library-record.ts) can record in the manifest what the CLI records
 * (its options and inputs) and the CLI can then find that output up to date. Kept by the map's
 * identity, and given back only while the map holds what generate() put in it: a map the caller
 * changed is not what those options and inputs generate.
 *
 * A run given the `follow` of a follower made by `createFollower` (write/follow.ts), which registers
 * it here, keeps what that follower read and looked for, when no run had used it before: then all of
 * it is this run's (generate() is synchronous, so no other run calls it meanwhile).
 */
import type { CheckedOptions, FollowReference } from "./generate";

/** What a follower made by createFollower keeps, as it keeps it (its lists grow as it follows). */
export interface FollowLog {
  /** The paths it was given, resolved when it was made. */
  inputs: readonly string[];
  /** Made with `off`: it follows nothing. */
  off: boolean;
  /** How many times its `follow` was called. */
  calls: number;
  /** The files it read (absolute) with their inputDigest, in the order read. */
  followed: readonly { file: string; sha256: string }[];
  /** The files it looked for in vain (absolute). */
  lookedFor: readonly string[];
}

/** A follower's log as a run left it (copied): what that run read and looked for. */
export type FollowedRecord = Omit<FollowLog, "calls">;

export interface RunRecord {
  /** The options given, as checked (patterns as lists). */
  options: CheckedOptions;
  /** The documents' texts were read with references followed by the caller's `follow`. */
  followed: boolean;
  /** Some document read has an `edmx:Reference`. */
  references: boolean;
  /** `follow` was a follower of createFollower's that no earlier run had used: what it did in this run. */
  follower?: FollowedRecord;
}

const runs = new WeakMap<ReadonlyMap<string, string>, { entries: [string, string][]; record: RunRecord }>();
const followers = new WeakMap<FollowReference, FollowLog>();

/** Called by createFollower: `log` is what its `follow` did so far. */
export function registerFollower(follow: FollowReference, log: FollowLog): void {
  followers.set(follow, log);
}

/**
 * Taken as a run starts: the log of its follower when createFollower made it and no run has called
 * it yet (a follower used before knows files an earlier run read, which this run is told are known
 * and does not read), else undefined.
 */
export function unusedFollower(follow: FollowReference | undefined): FollowLog | undefined {
  const log = follow && followers.get(follow);
  return log && log.calls === 0 ? log : undefined;
}

/** `follower`: unusedFollower's answer as the run started. */
export function rememberRun(files: ReadonlyMap<string, string>, options: CheckedOptions, references: boolean, follower?: FollowLog): void {
  // The inputs are copied: a caller may reuse its list for the next run (the texts are not copied).
  const given = { ...options, inputs: options.inputs.map((i) => ({ file: i.file, content: i.content })) };
  const record: RunRecord = { options: given, followed: options.follow !== undefined, references };
  // Copied now: the follower's lists grow if the caller uses it again.
  if (follower)
    record.follower = { inputs: follower.inputs, off: follower.off, followed: follower.followed.map((f) => ({ file: f.file, sha256: f.sha256 })), lookedFor: [...follower.lookedFor] };
  runs.set(files, { entries: [...files], record });
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
