/**
 * Atomic replacement of an output folder. The new output is assembled in a staging folder beside
 * it — unchanged files and files odatagen did not write are hard-linked in (same inode, so their
 * bytes and mtime stay), new and changed files written — then swapped in by two renames:
 *
 *   out → .out.odatagen-backup,  .out.odatagen-staging → out,  then the backup is removed.
 *
 * A process killed at any moment leaves either the old folder untouched, or the new one complete,
 * or (between the two renames) no `out` but a complete backup. `recover()` — run before every write
 * — puts the backup back in that last case and removes leftovers otherwise, so the next run starts
 * from the complete old or complete new output. Safe against a killed process; not a substitute
 * for fsync against power loss.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { besideOutput, isBesideAnOutput } from "./beside";
import { MANIFEST } from "./manifest";
import { testGate } from "./test-gate";

export function stagingDir(outDir: string): string {
  return besideOutput(outDir, "staging");
}

export function backupDir(outDir: string): string {
  return besideOutput(outDir, "backup");
}

export type Recovery = "none" | "restored-backup" | "removed-leftovers";

/** Brings an output folder back to a complete state after an interrupted run. */
export function recover(outDir: string): Recovery {
  const backup = backupDir(outDir);
  const staging = stagingDir(outDir);
  let result: Recovery = "none";
  if (fs.existsSync(backup)) {
    if (fs.existsSync(outDir)) {
      removeTree(backup);
      result = "removed-leftovers";
    } else {
      fs.renameSync(backup, outDir);
      result = "restored-backup";
    }
  }
  if (fs.existsSync(staging)) {
    removeTree(staging);
    if (result === "none") result = "removed-leftovers";
  }
  return result;
}

/** True when an interrupted run left a backup or staging folder behind. */
export function hasLeftovers(outDir: string): boolean {
  return fs.existsSync(backupDir(outDir)) || fs.existsSync(stagingDir(outDir));
}

export interface StageInput {
  /** Files to write (all generated files; unchanged ones are linked, not rewritten). */
  files: ReadonlyMap<string, string>;
  /** Generated files whose content on disk is already right. */
  unchanged: ReadonlySet<string>;
  /** Files of the old output to leave out (stale generated files being removed). */
  drop: ReadonlySet<string>;
  manifest: string;
}

/**
 * Builds the new output in a staging folder and swaps it in. When the file system refuses a step
 * (no space, no permission, `out` not a folder), the error is thrown with the old output in place:
 * the staging folder is removed, and a backup already moved aside is moved back.
 */
export function replaceOutput(outDir: string, input: StageInput): void {
  swapIn(outDir, stageOutput(outDir, input));
}

/** What stageOutput built: the staging folder, and whether an old output is there to be swapped out. */
export interface Staged {
  outExists: boolean;
  /** The first of the folders above the output this run made, if any: removed again when the staging folder is discarded. */
  madeParent?: string;
}

/** The first half of replaceOutput: the new output, complete in the staging folder; the old one untouched. */
export function stageOutput(outDir: string, input: StageInput): Staged {
  const staging = stagingDir(outDir);
  removeTree(staging);
  const madeParent = fs.mkdirSync(path.dirname(outDir), { recursive: true });
  const outExists = fs.existsSync(outDir);
  try {
    fs.mkdirSync(staging);
    stage(outDir, staging, outExists, input);
  } catch (e) {
    discardStaging(outDir, { outExists, madeParent });
    throw e;
  }
  return { outExists, madeParent };
}

/**
 * Removes a staging folder stageOutput built that will not be swapped in (an interrupted or failed
 * run's), and the folders above the output it made for it: a run that writes nothing leaves no
 * folders behind. Only empty ones are removed (another run may have put something there since).
 */
export function discardStaging(outDir: string, staged: Staged): void {
  removeTree(stagingDir(outDir));
  if (!staged.madeParent) return;
  for (let dir = path.dirname(outDir); ; dir = path.dirname(dir)) {
    try {
      fs.rmdirSync(dir);
    } catch {
      return;
    }
    if (dir === staged.madeParent || path.dirname(dir) === dir) return;
  }
}

/** The second half of replaceOutput: the two renames, then the backup removed. */
export function swapIn(outDir: string, staged: Staged): void {
  const staging = stagingDir(outDir);
  const backup = backupDir(outDir);
  if (!staged.outExists) {
    try {
      return fs.renameSync(staging, outDir);
    } catch (e) {
      discardStaging(outDir, staged);
      throw e;
    }
  }
  try {
    fs.renameSync(outDir, backup);
  } catch (e) {
    removeTree(staging);
    throw e;
  }
  holdAtSwapGate();
  pause(swapDelay);
  try {
    fs.renameSync(staging, outDir);
  } catch (e) {
    fs.renameSync(backup, outDir);
    removeTree(staging);
    throw e;
  }
  pause(swapDelay);
  removeTree(backup);
}

function stage(outDir: string, staging: string, outExists: boolean, input: StageInput): void {
  const folders: string[] = [];
  if (outExists) carryOver(outDir, staging, "", input, folders);
  for (const [rel, content] of input.files) {
    if (input.unchanged.has(rel) && outExists) continue; // linked by carryOver
    const target = path.join(staging, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
    pause();
  }
  fs.writeFileSync(path.join(staging, MANIFEST), input.manifest);
  pause();
  if (!outExists) return;
  // The folders are new ones: give them the old ones' permissions, owner and times (a private
  // folder of the user's stays private), deepest first, each after its content is in place.
  for (const rel of folders.reverse()) keepFolderMetadata(path.join(outDir, rel), path.join(staging, rel), true);
  keepFolderMetadata(outDir, staging, false);
}

/** Links into `staging` everything in the old output that the new one keeps as it is; `folders` receives the folders it made. */
function carryOver(from: string, to: string, rel: string, input: StageInput, folders: string[]): void {
  for (const e of fs.readdirSync(path.join(from, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    const src = path.join(from, r);
    const dst = path.join(to, r);
    if (e.isDirectory()) {
      fs.mkdirSync(dst, { recursive: true });
      folders.push(r);
      carryOver(from, to, r, input, folders);
      continue;
    }
    if (r === MANIFEST || input.drop.has(r)) continue;
    // The lock of an output inside this one belongs to the writer holding it now (one that, having
    // locked it after this run looked, lets it go: enclosing-outputs.ts); a copy would outlive it.
    if (e.name.endsWith(".odatagen-lock") && isBesideAnOutput(e.name)) continue;
    if (input.files.has(r) && !input.unchanged.has(r)) continue; // rewritten
    if (e.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(src), dst);
    else linkOrCopy(src, dst);
    pause();
  }
}

/**
 * Removes a folder odatagen made (a staging folder, or a backup of the output). A folder in it that is
 * not writable (a user's `0555` output, its mode kept) would refuse its entries' removal: each such
 * folder this process owns is made writable first, then removal is tried again.
 */
function removeTree(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "EACCES" && code !== "EPERM") throw e;
    writable(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function writable(dir: string): void {
  const st = fs.lstatSync(dir);
  if (!st.isDirectory()) return;
  if ((st.mode & 0o200) === 0 && st.uid === process.getuid?.()) fs.chmodSync(dir, (st.mode & 0o7777) | 0o700);
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) writable(path.join(dir, e.name));
}

/**
 * `to` gets `from`'s mode (sticky and set-id bits too) and, where this process may, its owner;
 * with `times`, its access and modification times as well.
 */
function keepFolderMetadata(from: string, to: string, times: boolean): void {
  const st = fs.statSync(from);
  if (st.uid !== process.getuid?.() || st.gid !== process.getgid?.()) {
    try {
      fs.chownSync(to, st.uid, st.gid);
    } catch {
      // Only root may give a folder away; the folder is then this user's, as any new one would be.
    }
  }
  fs.chmodSync(to, st.mode & 0o7777);
  if (times) fs.utimesSync(to, st.atime, st.mtime);
}

function linkOrCopy(src: string, dst: string): void {
  try {
    fs.linkSync(src, dst);
  } catch {
    fs.copyFileSync(src, dst);
    const st = fs.statSync(src);
    fs.utimesSync(dst, st.atime, st.mtime);
  }
}

/**
 * Fault injection for the crash-safety tests: `ODATAGEN_TEST_WRITE_DELAY_MS` pauses between the
 * steps above so that a test's SIGKILL can land inside the swap; `ODATAGEN_TEST_SWAP_DELAY_MS`
 * (default: the same) pauses between the swap's renames alone. Unset, they cost nothing.
 */
const delay = Number(process.env.ODATAGEN_TEST_WRITE_DELAY_MS ?? 0);
const swapDelay = Number(process.env.ODATAGEN_TEST_SWAP_DELAY_MS ?? delay);
function pause(ms = delay): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Test-only, for the crash-safety tests: with `ODATAGEN_TEST_SWAP_GATE` set to a file name, the
 * first swap of the process makes that file between its two renames (the old output moved aside
 * to the backup, the new one not yet in place) and waits until the file is removed, so that a test
 * acts in that window for as long as it needs, then lets the writer go (rather than a fixed pause).
 * Unset, it costs nothing.
 */
const holdAtSwapGate = testGate("ODATAGEN_TEST_SWAP_GATE");
