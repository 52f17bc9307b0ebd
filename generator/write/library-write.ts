/**
 * The library's `writeOutput`: write.ts's write with the CLI's protections around it — the output
 * folder's lock and those of the outputs around it (lock.ts, enclosing-outputs.ts, taken without waiting), a folder of its own (own-folder.ts), the refusals found before anything is written
 * (refusals.ts), and the failures of the file system — each thrown as a GenerationError whose
 * diagnostic is the one the CLI prints (ODG401, ODG402, ODG403); and a file name that is not a
 * plain name in the output folder (`../x.ts`, an absolute path: ODG405, file-name.ts).
 */
import * as path from "node:path";
import { Codes, GenerationError, type Diagnostic, type Place } from "../diagnostics";
import { badFileName } from "./file-name";
import { checkWriteArguments } from "./write-arguments";
import { libraryRecord } from "./library-record";
import { notOwnFolder } from "./own-folder";
import { display } from "./within";
import { enclosingOutputs, innerOutputsLocked, writtenAround } from "./enclosing-outputs";
import { refuseWhileLocked, withOutputLockNow } from "./lock";
import { outputFailure, linkTarget } from "./regenerate";
import { outputRefusals } from "./refusals";
import { recover } from "./stage";
import { OutputConflictError, prepareOutput, writeOutput as writeUnguarded, type WriteOptions, type WriteReport } from "./write";

const WRITING = "writing the output";

export function writeOutput(outDir: string, files: ReadonlyMap<string, string>, options: WriteOptions = {}): WriteReport {
  checkWriteArguments(outDir, files, options);
  // Checked first: a refused name leaves the disk untouched (the lock would make the folder above).
  const given = path.resolve(outDir);
  const at = { file: display(given), line: 0, column: 0, path: "" };
  const named = badNames(files, at);
  if (named.length) throw new GenerationError(named, WRITING);
  // An output folder reached through a symlink is replaced where it really is, as the CLI does.
  const out = linkTarget(given);
  const why = notOwnFolder(given, process.cwd());
  if (why) {
    throw new GenerationError([{ code: Codes.outputUnwritable, severity: "error", message: `cannot write the output: ${at.file} ${why}`, ...at }], WRITING);
  }
  try {
    const record = options.record ?? libraryRecord(given, files);
    // As the CLI does (enclosing-outputs.ts): the outputs around this one locked first, outermost
    // first, then this one; an output inside it that another writer holds refuses the write.
    // An output around it that another writer began to write since the look refuses it too.
    const around = enclosingOutputs(out);
    const write = () => {
      const since = writtenAround(out, around);
      if (since) refuseWhileLocked(since);
      for (const inner of innerOutputsLocked(out)) refuseWhileLocked(inner);
      return writeLocked(out, files, { ...options, record });
    };
    return [...around, out].reduceRight<() => WriteReport>((locked, dir) => () => withOutputLockNow(dir, locked), write)();
  } catch (e) {
    const failure = outputFailure(e, outDir);
    if (failure) throw new GenerationError([failure], WRITING);
    throw e;
  }
}

/** ODG405 for each name of `files` that is not a plain file name in the output folder. */
function badNames(files: ReadonlyMap<string, string>, at: Place): Diagnostic[] {
  const refused: Diagnostic[] = [];
  // Names one file on a file system that ignores case or Unicode normalization (Windows, macOS).
  const seen = new Map<string, string>();
  for (const rel of files.keys()) {
    const folded = typeof rel === "string" ? rel.normalize("NFC").toLowerCase() : "";
    const first = seen.get(folded);
    const why = badFileName(rel) ?? (first === undefined ? undefined : `names the same file as ${JSON.stringify(first)} where case or Unicode normalization is ignored (Windows, macOS)`);
    if (typeof rel === "string" && first === undefined) seen.set(folded, rel);
    if (why) refused.push({ code: Codes.outputBadName, severity: "error", message: `cannot write ${JSON.stringify(rel)}: the name ${why} (nothing was written)`, ...at });
  }
  return refused;
}

function writeLocked(out: string, files: ReadonlyMap<string, string>, options: WriteOptions): WriteReport {
  recover(out);
  const prepared = prepareOutput(out, files, options);
  const refusals = outputRefusals(out, prepared.plan, { permissions: true });
  if (refusals.length) throw new GenerationError(refusals, WRITING);
  try {
    return writeUnguarded(out, files, { ...options, prepared });
  } catch (e) {
    if (!(e instanceof OutputConflictError)) throw e;
    throw new GenerationError(outputRefusals(out, { ...prepared.plan, conflicts: e.files }, { permissions: false }), WRITING);
  }
}
