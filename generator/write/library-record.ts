/**
 * What the library's `writeOutput` records in the manifest when its caller gives no `record`: the
 * generator (version and fingerprint, fingerprint.ts) and, for files a `generate()` run returned
 * unchanged (run-record.ts), the options and inputs the CLI would record for the same run, so that
 * `odatagen generate` over the same inputs, out folder and options finds the output up to date.
 *
 * An input's `file` is taken as a path from the working folder, as the CLI takes it; one that is
 * not a path only fails to match. A run whose references were followed records the documents they
 * led to and the files they looked for in vain, as the CLI does (regenerate.ts), when its `follow`
 * was that of a follower made by `createFollower` for the run's inputs (the same paths, in order)
 * and used by no run before: else what it read is the caller's to know, and no input is recorded
 * (the CLI then generates again), as for a run given files of requests (`includeRequests`). A run that did not follow references (or whose follower was made
 * `off`) and read a document that has some records `followReferences: false`, which is what it did.
 */
import * as path from "node:path";
import { runRecordOf, type FollowedRecord } from "../run-record";
import { generatorIdentity } from "./fingerprint";
import { followedRecord, optionsRecord, recordedInputPath, sha256, type ManifestInput } from "./manifest";
import type { OutputRecord } from "./write";

export function libraryRecord(outDir: string, files: ReadonlyMap<string, string>): OutputRecord {
  const identity = generatorIdentity();
  const run = runRecordOf(files);
  const follower = run?.follower && sameInputs(run.follower, run.options.inputs) ? run.follower : undefined;
  // Files of requests are given as text, with no `include` entry the CLI would record for them.
  if (!run || (run.followed && !follower) || run.options.includeRequests?.length) return { ...identity, options: optionsRecord({}), inputs: [] };
  const o = run.options;
  const following = follower !== undefined && !follower.off;
  const options = optionsRecord({
    keyAsSegment: o.keyAsSegment, include: o.include, exclude: o.exclude, includeDerived: o.includeDerived,
    includeNavigation: o.includeNavigation, validators: o.validators, requests: o.requests, completeReads: o.completeReads,
    unqualifiedOperations: o.unqualifiedOperations, followReferences: run.references && !following ? false : undefined,
    emit: o.emit, typescript: o.compiler?.version,
  });
  const out = path.resolve(outDir);
  const inputs: ManifestInput[] = o.inputs.map((i) => ({ file: recordedInputPath(out, path.resolve(i.file)), sha256: textDigest(i.content) }));
  if (!following) return { ...identity, options, inputs };
  // As the CLI records them (regenerate.ts).
  const reached = followedRecord(out, follower);
  return { ...identity, options, ...reached, inputs: [...inputs, ...reached.inputs] };
}

/** Whether the follower was made for the run's inputs, as the CLI makes it: the same paths, in order. */
function sameInputs(follower: FollowedRecord, inputs: readonly { file: string }[]): boolean {
  return follower.inputs.length === inputs.length && inputs.every((i, n) => path.resolve(i.file) === follower.inputs[n]);
}

/** write/uptodate.ts's inputDigest of a file holding this text as UTF-8: its line ends as LF. */
function textDigest(text: string): string {
  return sha256(text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text);
}
