/**
 * What the library's `writeOutput` records in the manifest when its caller gives no `record`: the
 * generator (version and fingerprint, fingerprint.ts) and, for files a `generate()` run returned
 * unchanged (run-record.ts), the options and inputs the CLI would record for the same run, so that
 * `odatagen generate` over the same inputs, out folder and options finds the output up to date.
 *
 * An input's `file` is taken as a path from the working folder, as the CLI takes it; one that is
 * not a path only fails to match. A run whose references were followed by the caller's `follow`
 * records no inputs: what it read is the follower's to know. A run that did not follow references
 * and read a document that has some records `followReferences: false`, which is what it did.
 */
import * as path from "node:path";
import { runRecordOf } from "../run-record";
import { generatorIdentity } from "./fingerprint";
import { optionsRecord, recordedInputPath, sha256 } from "./manifest";
import type { OutputRecord } from "./write";

export function libraryRecord(outDir: string, files: ReadonlyMap<string, string>): OutputRecord {
  const identity = generatorIdentity();
  const run = runRecordOf(files);
  if (!run || run.followed) return { ...identity, options: optionsRecord({}), inputs: [] };
  const o = run.options;
  const options = optionsRecord({
    keyAsSegment: o.keyAsSegment, include: o.include, exclude: o.exclude, includeDerived: o.includeDerived,
    includeNavigation: o.includeNavigation, validators: o.validators, requests: o.requests, completeReads: o.completeReads,
    unqualifiedOperations: o.unqualifiedOperations, followReferences: run.references ? false : undefined,
  });
  const out = path.resolve(outDir);
  const inputs = o.inputs.map((i) => ({ file: recordedInputPath(out, path.resolve(i.file)), sha256: textDigest(i.content) }));
  return { ...identity, options, inputs };
}

/** write/uptodate.ts's inputDigest of a file holding this text as UTF-8: its line ends as LF. */
function textDigest(text: string): string {
  return sha256(text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text);
}
