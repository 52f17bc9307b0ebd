/**
 * One service, end to end: read its inputs, skip everything if the output is up to date, else
 * generate in memory and write (or, for `--check` and `--dry-run`, only compare). Returns data; the
 * CLI prints it. The generator itself is loaded only when needed, so the up-to-date path stays cheap.
 */
import { Codes, GenerationError, type Diagnostic } from "../diagnostics";
import { isOpenWarning } from "../accept-warnings";
import type { GenerateOptions, GenerateResult } from "../generate";
import type { ResolvedService } from "../config/types";
import { generatorIdentity } from "./fingerprint";
import { followedRecord, optionsRecord, readManifest, recordedInputPath } from "./manifest";
import { createFollower, FOLLOWING_OFF, type Follower } from "./follow";
import { keepModel, type ModelChanges } from "./kept-models";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Plan } from "./plan";
import { noCheckpoint, type Checkpoint } from "./interrupt";
import { OutputLockedError, waitForWriter, withOutputLock } from "./lock";
import { enclosingOutputs, innerOutputsLocked, writtenAround } from "./enclosing-outputs";
import { hasLeftovers, recover, type Recovery } from "./stage";
import { isUpToDate, readInputs, rememberOutput } from "./uptodate";
import { display } from "./within";
import { unreadableDiagnostics } from "./unreadable-inputs";
import { isRequestFile, programModuleRecords, readRequestFiles } from "./request-files";
import type { RequestFile } from "../passes/slice/request-patterns";
import { outputRefusals } from "./refusals";
import { unlistedFiles } from "./unlisted";
import { OutputConflictError, prepareOutput, writeOutputAsync, type WriteReport } from "./write";
import { findTypeScript, loadTypeScript, TypeScriptMissingError, type FoundTypeScript } from "../emit/typescript-api";

export type Mode = "write" | "check" | "dry-run";

export interface RegenerateRequest {
  service: ResolvedService;
  mode: Mode;
  /** Remove stale generated files (default true; `--no-clean` keeps them). */
  removeStale: boolean;
  /** Regenerate even when the manifest says the output is up to date. */
  force: boolean;
  /** With a slice: name patterns to explain (GenerateOptions.why). */
  why?: string[];
  /**
   * `--fail-on-warnings`: a run with warnings fails as one with errors does: nothing is written and
   * the output stays as it was (else the next run would find it up to date and pass).
   */
  failOnWarnings?: boolean;
  /** Told once when the run waits for another odatagen's lock on the output folder. */
  onWait?: (message: string) => void;
  /**
   * Awaited between the run's stages (interrupt.ts): throwing there stops the run with its lock
   * and staging folder removed and the output as it was.
   */
  checkpoint?: Checkpoint;
}

export interface RegenerateOutcome {
  service: ResolvedService;
  /**
   * up-to-date: skipped by the fast path; written: the output was (re)written or already matched;
   * failed: errors in the input, or an output folder the run would refuse (refusals.ts; in every
   * mode, so that check and dry-run predict the write), or warnings under failOnWarnings;
   * checked: compared only (see plan).
   */
  status: "up-to-date" | "written" | "failed" | "checked";
  /** Failed only because of warnings (RegenerateRequest.failOnWarnings). */
  failedOnWarnings?: boolean;
  diagnostics: Diagnostic[];
  plan?: Plan;
  report?: WriteReport;
  /** The generated files (for `--check` diffs). */
  files?: Map<string, string>;
  result?: GenerateResult;
  recovered: Recovery;
  /**
   * After a spec change: what changed in the model since the output that was in the folder (kept-models.ts),
   * or `unknown` when no summary of that output was kept.
   */
  modelChanges?: ModelChanges;
  /** Check and dry-run, and a first write (no manifest before): files in the output folder odatagen did not write (unlisted.ts). */
  unlisted?: string[];
  /**
   * The files the inputs' references led to (absolute; write/follow.ts): those read, and those looked
   * for that were not there. Known once the inputs were read for generating (not on the fast path).
   */
  referenced?: string[];
  /** An interrupted run left a staging or backup folder (only reported by check and dry-run). */
  leftovers: boolean;
  ms: number;
}

type Generate = (o: GenerateOptions) => GenerateResult;

/**
 * The folder an output path that is a symlink leads to (where odatagen writes, and keeps copies of
 * edits beside); else the path. A link to a folder not made yet (a fresh checkout) leads to where
 * that folder goes, which the run makes as it makes any new output folder; a loop of links is left
 * as it is, for the run to refuse (ELOOP).
 */
export function linkTarget(dir: string): string {
  let at = dir;
  for (let links = 0; isLink(at); links++) {
    if (links === MAX_LINKS) return dir;
    try {
      return fs.realpathSync(at);
    } catch {
      at = path.resolve(path.dirname(at), fs.readlinkSync(at));
    }
  }
  return at;
}

/** As many links as Linux follows in one path (its ELOOP limit). */
const MAX_LINKS = 40;

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

export async function regenerate(req: RegenerateRequest): Promise<RegenerateOutcome> {
  // An output folder reached through a symlink is replaced where it really is; the link stays.
  const real = { ...req, service: { ...req.service, out: linkTarget(req.service.out) } };
  const checkpoint = req.checkpoint ?? noCheckpoint;
  const run = async () => ({ ...(await regenerateUnlocked(real, checkpoint)), service: req.service });
  // Holding its own lock, a writer waits for the outputs inside its own that another run writes
  // (one that began before this output had a manifest: enclosing-outputs.ts).
  // An output around this one that another run began to write since the look: none of this run's
  // locks are kept, and it starts over (undefined), that output then locked first.
  const inside = (around: string[]) => async () => {
    if (writtenAround(real.service.out, around)) return undefined;
    for (const dir of innerOutputsLocked(real.service.out)) await waitForWriter(dir, 120000, req.onWait, checkpoint);
    return run();
  };
  // The outputs around this one are locked first (enclosing-outputs.ts), then this one.
  const locked = async (): Promise<RegenerateOutcome> => {
    for (;;) {
      const around = enclosingOutputs(real.service.out);
      const done = await [...around, real.service.out].reduceRight<() => Promise<RegenerateOutcome | undefined>>((inner, dir) => () => withOutputLock(dir, inner, 120000, req.onWait, checkpoint), inside(around))();
      if (done) return done;
    }
  };
  try {
    if (req.mode !== "write") await waitForWriter(real.service.out, 120000, req.onWait, checkpoint);
    return await (req.mode === "write" ? locked() : run());
  } catch (e) {
    const failure = outputFailure(e, req.service.out);
    if (!failure) throw e;
    return { service: req.service, status: "failed", diagnostics: [failure], recovered: "none", leftovers: false, ms: 0 };
  }
}

/** The output folder could not be used: another run holds its lock, or the file system refused (ODG403). */
export function outputFailure(e: unknown, out: string): Diagnostic | undefined {
  const at = { line: 0, column: 0, path: "" };
  if (e instanceof OutputLockedError) return { code: Codes.outputLocked, severity: "error", message: e.message, file: "", ...at };
  const err = e as NodeJS.ErrnoException | undefined;
  if (typeof err?.code !== "string" || typeof err.syscall !== "string") return undefined;
  // A mount point (a container's bind mount) cannot be renamed, and the folder is swapped as a whole.
  const hint = err.code === "EBUSY" && err.syscall === "rename" ? " (is it a mount point? odatagen replaces the output folder as a whole: mount the folder above it, or generate into a folder inside the mount)" : "";
  return { code: Codes.outputUnwritable, severity: "error", message: `cannot write the output: ${err.message}${hint}`, file: display(out), ...at };
}

async function regenerateUnlocked(req: RegenerateRequest, checkpoint: Checkpoint): Promise<RegenerateOutcome> {
  const started = process.hrtime.bigint();
  const { service, mode } = req;
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
  const writes = mode === "write";
  const recovered = writes ? recover(service.out) : "none";
  const leftovers = writes ? false : hasLeftovers(service.out);
  const base: Pick<RegenerateOutcome, "service" | "recovered" | "leftovers" | "referenced"> = { service, recovered, leftovers };
  const read = readInputs(service.out, service.inputs);
  if (read.unreadable.length) {
    const placeOf = (file: string) => service.inputPlaces?.[service.inputs.indexOf(file)];
    return { ...base, status: "failed", diagnostics: unreadableDiagnostics(read.unreadable, placeOf), ms: elapsed() };
  }
  const requests = readRequestFiles(service);
  if (!requests.ok) return { ...base, status: "failed", diagnostics: requests.diagnostics, ms: elapsed() };
  // JavaScript output records the compiler's version: another compiler makes the output again.
  let compiler: FoundTypeScript | undefined;
  try {
    if (service.emit === "js") compiler = findTypeScript([service.out, process.cwd()]);
  } catch (e) {
    if (e instanceof TypeScriptMissingError) return { ...base, status: "failed", diagnostics: [e.diagnostic], ms: elapsed() };
    throw e;
  }
  const options = optionsRecord({ ...service, typescript: compiler?.version });
  if (writes && !req.force && isUpToDate(service.out, options, service.inputs, req.removeStale, requests.files.filter((f) => f.glob !== undefined).map((f) => f.file)))
    return { ...base, status: "up-to-date", diagnostics: [], ms: elapsed() };
  const identity = generatorIdentity();
  await checkpoint();

  const { generate } = require("../generate") as typeof import("../generate");
  const follower = createFollower(service.inputs, { off: service.followReferences === false, offReason: FOLLOWING_OFF.generate });
  let result: GenerateResult;
  try {
    const opts = serviceOptions(service, read.contents, follower, requests.files);
    if (req.why) opts.why = req.why;
    // JavaScript is made below, a module at a time, with a checkpoint between them.
    delete opts.emit;
    result = (generate as Generate)(opts);
    if (compiler?.native) {
      await checkpoint();
      const { nativeJavascriptOutputAsync } = require("../emit/javascript-native") as typeof import("../emit/javascript-native");
      result = { ...result, files: await nativeJavascriptOutputAsync(result.files, compiler.native, checkpoint) };
    } else if (compiler) {
      const ts = loadTypeScript(compiler);
      await checkpoint();
      const { javascriptOutputAsync } = require("../emit/javascript") as typeof import("../emit/javascript");
      result = { ...result, files: await javascriptOutputAsync(result.files, ts, checkpoint) };
    }
  } catch (e) {
    if (e instanceof TypeScriptMissingError) return { ...base, status: "failed", diagnostics: [e.diagnostic], ms: elapsed() };
    if (e instanceof GenerationError)
      return { ...base, status: "failed", diagnostics: e.diagnostics, referenced: [...referencedFiles(follower), ...programModuleRecords(service.out, requests.files).files], ms: elapsed() };
    throw e;
  }
  await checkpoint();
  const reached = followedRecord(service.out, follower);
  // The modules a program of the files of requests imports helpers from: inputs too, as the files are.
  const programs = programModuleRecords(service.out, requests.files);
  const lookedFor = [...(reached.lookedFor ?? []), ...programs.lookedFor];
  const record = { ...identity, options, ...reached, ...(lookedFor.length ? { lookedFor } : {}), inputs: [...read.records, ...reached.inputs, ...requests.records, ...programs.inputs] };
  const followed = follower.followed.map((f) => f.file);
  base.referenced = [...referencedFiles(follower), ...programs.files];
  const previous = writes ? readManifest(service.out) : undefined;
  const diagnostics = result.diagnostics;
  const prepared = prepareOutput(service.out, result.files, { record, removeStale: req.removeStale });
  const { plan } = prepared;
  // What would stop the write, found the same way in every mode, so that --dry-run and --check
  // report what the real run would (--check writes nothing and leaves permissions out).
  const refusals = outputRefusals(service.out, plan, { permissions: mode !== "check" });
  if (refusals.length) return { ...base, status: "failed", diagnostics: [...diagnostics, ...refusals], ms: elapsed() };
  if (!writes) {
    // --check and --dry-run show what differs even when --fail-on-warnings fails the run: the exit
    // code comes from the warnings (printOutcomes), the list of stale files is still worth reading.
    const unlisted = unlistedFiles(service.out, plan.previous, result.files);
    return { ...base, status: "checked", diagnostics, plan, files: result.files, result, unlisted, ms: elapsed() };
  }
  if (req.failOnWarnings && diagnostics.some(isOpenWarning))
    return { ...base, status: "failed", failedOnWarnings: true, diagnostics, ms: elapsed() };
  // A first run into a folder that already holds files (`--out src`) names them, once; not a dotfile
  // (a `.gitkeep` in a folder made for the output).
  const unlisted = plan.previous ? undefined : unlistedFiles(service.out, undefined, result.files).filter((f) => !/(^|\/)\./.test(f));
  try {
    const report = await writeOutputAsync(service.out, result.files, { record, removeStale: req.removeStale, prepared }, checkpoint);
    rememberOutput(service.out, [...service.inputs, ...followed], new Map([...read.reads, ...follower.followed.map((f) => [f.file, f] as const)]));
    const specChanged = JSON.stringify(previous?.inputs ?? null) !== JSON.stringify(record.inputs);
    const modelChanges = keepModel(service.out, result, previous, specChanged, { keyAsSegment: service.keyAsSegment, unqualifiedOperations: service.unqualifiedOperations, validators: service.validators, requests: service.requests });
    return { ...base, status: "written", diagnostics, report, files: result.files, result, modelChanges, ...(unlisted?.length && { unlisted }), ms: elapsed() };
  } catch (e) {
    // Only when recovery changed the folder and writeOutput planned again: refused as above.
    if (!(e instanceof OutputConflictError)) throw e;
    return { ...base, status: "failed", diagnostics: [...diagnostics, ...outputRefusals(service.out, { ...plan, conflicts: e.files }, { permissions: false })], ms: elapsed() };
  }
}

/** RegenerateOutcome.referenced. */
function referencedFiles(follower: Follower): string[] {
  return [...follower.followed.map((f) => f.file), ...follower.lookedFor];
}

/** What `generate()` is given for a service of the config (or of `--input`): its documents as read, its options, the follower of their references, the files of requests its `include` names. */
export function serviceOptions(service: ResolvedService, inputs: GenerateOptions["inputs"], follower: Follower, requests: RequestFile[] = []): GenerateOptions {
  const opts: GenerateOptions = { inputs, keyAsSegment: service.keyAsSegment };
  if (service.unqualifiedOperations !== undefined) opts.unqualifiedOperations = service.unqualifiedOperations;
  // `@file` entries name files of requests (read by the caller, readRequestFiles): the rest are patterns.
  const patterns = (service.include ?? []).flatMap((p, k) => (isRequestFile(p) ? [] : [{ p, at: service.includePlaces?.[k] }]));
  if (service.include) opts.include = patterns.map((x) => x.p);
  if (service.exclude) opts.exclude = service.exclude;
  if (service.includePlaces) opts.includePlaces = patterns.map((x) => x.at);
  if (requests.length) opts.includeRequests = requests;
  if (service.excludePlaces) opts.excludePlaces = service.excludePlaces;
  if (service.includeDerived) opts.includeDerived = true;
  if (service.includeNavigation) opts.includeNavigation = true;
  if (service.validators === false) opts.validators = false;
  if (service.requests === false) opts.requests = false;
  if (service.completeReads) opts.completeReads = true;
  if (service.emit === "js") opts.emit = "js";
  if (service.acceptWarnings?.length) opts.acceptWarnings = service.acceptWarnings;
  if (service.acceptWarningPlaces) opts.acceptWarningPlaces = service.acceptWarningPlaces;
  opts.follow = follower.follow;
  return opts;
}
