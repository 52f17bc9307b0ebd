/**
 * One writer per output folder: `.<out>.odatagen-lock` beside it, holding the writer's pid. It is
 * never empty: the pid is written to a file of the writer's own beside it, which is then linked to
 * the lock's name (failing when a lock exists), so that another run sees a whole lock or none. A second odatagen (say a prebuild while `--watch` runs) waits for it; a lock left by
 * a killed process (its pid no longer running) is taken over. Recovery and the swap happen under
 * the lock, so one run never removes another's staging folder. (A first run into a folder whose
 * parent does not exist yet runs unlocked: there is nothing to protect and nowhere to put the lock;
 * so does a run into a folder it may not write, which it then refuses.)
 */
import * as fs from "node:fs";
import { randomBytes } from "node:crypto";
import * as path from "node:path";
import { threadId } from "node:worker_threads";
import { besideOutput } from "./beside";
import type { Checkpoint } from "./interrupt";

export function lockFile(outDir: string): string {
  return besideOutput(outDir, "lock");
}

/**
 * Another writer holds the lock. Deleting it is advised only when whether its writer still runs
 * cannot be told: its pid runs, but its start time is not known (not Linux, or a lock without one),
 * so the pid may have been given to another process since. A writer known to run (this process
 * included) is waited for; one known to be gone has had its lock taken over. An empty lock (made by
 * an odatagen before locks were written whole, or left by a crash as one was written) is taken
 * over once EMPTY_LOCK_STALE_MS old, so it is never to be deleted either.
 */
export class OutputLockedError extends Error {
  constructor(readonly pid: number, outDir: string, file: string, ageMs: number, known = true) {
    super(lockedMessage(pid, outDir, file, ageMs, known));
    this.name = "OutputLockedError";
  }
}

function lockedMessage(pid: number, outDir: string, file: string, ageMs: number, known: boolean): string {
  if (!pid)
    return `${outDir} is locked by ${file}, which holds no pid (made ${Math.max(0, Math.round(ageMs))} ms ago: by an older odatagen that is starting, or as a run was killed); try again in a moment: such a lock is taken over once ${EMPTY_LOCK_STALE_MS / 1000} s old`;
  const who = pid === process.pid ? `another writer of this process (pid ${pid})` : `another odatagen (pid ${pid})`;
  if (known) return `${outDir} is being written by ${who}; try again when it is done (lock ${file})`;
  return `${outDir} is being written by ${who}, as far as can be told (pid ${pid} runs, but not whether it is the process that made the lock); if it is not odatagen, delete ${file}`;
}

/**
 * Runs `fn` holding the output folder's lock; waits up to `waitMs` for another writer, calling
 * `waiting` once when it starts to wait. The wait stops at checkpoints (interrupt.ts), so that a
 * signal is let in, and the lock is removed however `fn` ends, an interrupted run's too.
 */
export async function withOutputLock<T>(outDir: string, fn: () => Promise<T>, waitMs: number, waiting: ((message: string) => void) | undefined, checkpoint: Checkpoint): Promise<T> {
  const attempt = lockAttempts(outDir, waitMs, waiting);
  for (;;) {
    await checkpoint();
    const got = attempt();
    if (got === "unlocked") return fn();
    if (got === "locked") break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  try {
    return await fn();
  } finally {
    attempt.release();
  }
}

/**
 * Runs `fn` holding the output folder's lock, taken without waiting (the library's `writeOutput` is
 * synchronous): held by another live writer — another process, or another thread of this one —
 * it throws OutputLockedError and `fn` does not run.
 */
export function withOutputLockNow<T>(outDir: string, fn: () => T): T {
  const file = lockFile(outDir);
  // The files are made: the folder above the output is made now, not by the write, so that the lock
  // has a place (tryLock runs unlocked without it) and two first writes do not both run unlocked.
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch {
    // refused: the write reports it (ODG403)
  }
  const mine = ownToken();
  const got = tryLock(file, mine);
  if (typeof got !== "string") throw new OutputLockedError(got.holder, outDir, file, got.age, got.known);
  if (got === "unlocked") return fn();
  try {
    return fn();
  } finally {
    unlock(file, mine);
  }
}

/**
 * Throws OutputLockedError when another live writer — another process, or another thread of this
 * one — holds `outDir`'s lock, which is not taken (the library's `writeOutput` asks so of the outputs
 * inside its own: enclosing-outputs.ts).
 */
export function refuseWhileLocked(outDir: string): void {
  const held = lockHeld(outDir);
  if (held) throw new OutputLockedError(held.holder, outDir, lockFile(outDir), held.age, held.known);
}

/** Whether another live writer (or this one) holds `outDir`'s lock, which is not taken. */
export function lockHeld(outDir: string): Held | undefined {
  const seen = lockIdentity(lockFile(outDir));
  return seen && heldBy(seen);
}

/**
 * The tries at `outDir`'s lock of one run: each is "locked" (ours now), "unlocked" (run without it)
 * or "wait" (another run holds it; `waiting` is told once). Past `waitMs` a try throws OutputLockedError.
 */
function lockAttempts(outDir: string, waitMs: number, waiting: ((message: string) => void) | undefined) {
  const file = lockFile(outDir);
  const deadline = Date.now() + waitMs;
  const mine = ownToken();
  let told = false;
  const attempt = (): "locked" | "unlocked" | "wait" => {
    const got = tryLock(file, mine);
    if (typeof got === "string") return got;
    if (Date.now() > deadline) throw new OutputLockedError(got.holder, outDir, file, got.age, got.known);
    if (!told) waiting?.(waitMessage(got.holder, outDir, file));
    told = true;
    return "wait";
  };
  return Object.assign(attempt, { release: () => unlock(file, mine) });
}

function waitMessage(holder: number, outDir: string, file: string): string {
  if (!holder) return `waiting: ${outDir} is locked by ${file}, which holds no pid (an older odatagen that is starting, or a run that was killed); it is taken over once ${EMPTY_LOCK_STALE_MS / 1000} s old`;
  return `waiting for pid ${holder}, which is writing ${outDir} (lock ${file})`;
}

/** A lock's holder: its pid (0 for none), how old the lock is, and whether the holder is known to run. */
interface Held {
  holder: number;
  age: number;
  known: boolean;
}

/** One try at the lock: taken, not to be taken here (run unlocked), or held by another run. */
export function tryLock(file: string, mine: string): "locked" | "unlocked" | Held {
  // No parent folder yet: no output to protect, and a failed run must not leave folders behind.
  if (!fs.existsSync(path.dirname(file))) return "unlocked";
  for (;;) {
    const made = makeLock(file, mine);
    if (made !== "exists") return made;
    const seen = lockIdentity(file);
    if (seen === undefined) continue; // released since: try again
    const held = heldBy(seen);
    if (held) return held;
    // Left by a killed run; removed only if it still is the very lock judged (not since released and
    // taken by another writer, whose lock this would remove).
    if (sameLock(lockIdentity(file), seen)) fs.rmSync(file, { force: true });
  }
}

/** Who holds a lock, or undefined when it was left by a run that no longer runs. */
function heldBy(seen: LockIdentity): Held | undefined {
  const [pid, started] = seen.text.split(" ").map(Number);
  // Empty (an older odatagen's, between making it and writing its pid, or a crash in between):
  // taken for a starting run while young, else for a killed one's.
  const holder = Number.isSafeInteger(pid) && pid! > 0 ? pid! : 0;
  const age = ageMs(seen.mtimeMs);
  const state = holder ? alive(holder, started) : age > EMPTY_LOCK_STALE_MS ? "gone" : "unsure";
  return state === "gone" ? undefined : { holder, age, known: state === "runs" };
}

/**
 * Waits, up to `waitMs`, while another run holds the output folder's lock, without taking it:
 * `--check` and `--dry-run` then compare the output that run leaves, not one it is swapping in
 * (the folder briefly absent, its staging folder beside it). `waiting` is told once.
 */
export async function waitForWriter(outDir: string, waitMs: number, waiting: ((message: string) => void) | undefined, checkpoint: Checkpoint): Promise<void> {
  const file = lockFile(outDir);
  const deadline = Date.now() + waitMs;
  for (let told = false; ; told = true) {
    await checkpoint();
    const seen = lockIdentity(file);
    const held = seen && heldBy(seen);
    if (!held || held.holder === process.pid || Date.now() > deadline) return;
    if (!told) waiting?.(waitMessage(held.holder, outDir, file));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Makes the lock holding `mine` in one step: written to a file of this writer's own beside it, then
 * linked to the lock's name, which fails when a lock exists. "unlocked" where no file can be made.
 */
function makeLock(file: string, mine: string): "locked" | "unlocked" | "exists" {
  // Named as odatagen's files beside an output are (beside.ts), so that one left by a crash is not
  // taken for a user's file in an output folder holding this one.
  const tmp = file.replace(/\.odatagen-lock$/, `.${process.pid}-${threadId}-${randomBytes(4).toString("hex")}.odatagen-lock`);
  try {
    fs.writeFileSync(tmp, mine, { flag: "wx" });
  } catch (e) {
    // No lock can be made where the output goes: nor can the output be written there, which the
    // run finds and reports as ODG403 (refusals.ts) as --dry-run does; an up-to-date one is read only.
    if (UNWRITABLE.has((e as NodeJS.ErrnoException).code ?? "")) return "unlocked";
    throw e;
  }
  try {
    fs.linkSync(tmp, file);
    return "locked";
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return "exists";
    // A file system without hard links (some network and FAT ones): the lock made and written in
    // two steps, as before; a run between them sees it empty and waits.
    if (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "ENOSYS") return makeInTwoSteps(file, mine);
    throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function makeInTwoSteps(file: string, mine: string): "locked" | "unlocked" | "exists" {
  try {
    fs.writeFileSync(file, mine, { flag: "wx" });
    return "locked";
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    if (code === "EEXIST") return "exists";
    if (UNWRITABLE.has(code)) return "unlocked";
    throw e;
  }
}

const UNWRITABLE = new Set(["EACCES", "EPERM", "EROFS", "ENOTDIR", "ENOENT"]);

/** Which lock file is there: its text, inode and time; undefined when there is none (unreadable reads as empty). */
interface LockIdentity {
  text: string;
  ino: number;
  mtimeMs: number;
}

function lockIdentity(file: string): LockIdentity | undefined {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return undefined;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    text = "";
  }
  return { text, ino: st.ino, mtimeMs: st.mtimeMs };
}

function sameLock(a: LockIdentity | undefined, b: LockIdentity): boolean {
  return a !== undefined && a.text === b.text && a.ino === b.ino && a.mtimeMs === b.mtimeMs;
}

function unlock(file: string, mine: string): void {
  if (readOr(file, "") === mine) fs.rmSync(file, { force: true });
}

/**
 * What the lock holds: the pid, and on Linux the process's start time (clock ticks since boot), so
 * that a pid used again by another process (pid 1 in every container) is not taken for the writer.
 */
function ownToken(): string {
  const started = startTime(process.pid);
  return started === undefined ? String(process.pid) : `${process.pid} ${started}`;
}

/** Field 22 of /proc/<pid>/stat, after the command name (which may hold spaces and parentheses). */
function startTime(pid: number): number | undefined {
  const stat = readOr(`/proc/${pid}/stat`, "");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const value = Number(fields[19]);
  return stat && Number.isFinite(value) ? value : undefined;
}

/** How long an empty lock (an older odatagen's) is taken for a starting run, before it counts as a killed run's. */
const EMPTY_LOCK_STALE_MS = 2000;

function ageMs(mtimeMs: number): number {
  return Date.now() - mtimeMs;
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return fallback;
  }
}

/**
 * Whether the process that wrote the lock runs: "gone" when its pid does not run or started at
 * another time; "runs" when it is this process, or its pid runs and started when the lock says;
 * "unsure" when its pid runs but a start time to compare is missing (another process may have the pid now).
 */
function alive(pid: number, started: number | undefined): "runs" | "gone" | "unsure" {
  if (pid === process.pid) return started === undefined || started === startTime(pid) ? "runs" : "gone";
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return "gone";
  }
  const now = started === undefined || !Number.isFinite(started) ? undefined : startTime(pid);
  if (now === undefined) return "unsure";
  return now === started ? "runs" : "gone";
}
