/**
 * One writer per output folder: `.<out>.odatagen-lock` beside it, created exclusively and holding the
 * writer's pid. A second odatagen (say a prebuild while `--watch` runs) waits for it; a lock left by
 * a killed process (its pid no longer running) is taken over. Recovery and the swap happen under
 * the lock, so one run never removes another's staging folder. (A first run into a folder whose
 * parent does not exist yet runs unlocked: there is nothing to protect and nowhere to put the lock;
 * so does a run into a folder it may not write, which it then refuses.)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { besideOutput } from "./beside";
import type { Checkpoint } from "./interrupt";

export function lockFile(outDir: string): string {
  return besideOutput(outDir, "lock");
}

/**
 * Another writer holds the lock. Deleting the lock is advised only for an old one holding a pid
 * (a pid used again by a process that is not odatagen): an empty lock is always young (an old one is
 * taken over, tryLock), that of a run between creating it and writing its pid, and deleting it
 * would let two runs write at once.
 */
export class OutputLockedError extends Error {
  constructor(readonly pid: number, outDir: string, file: string, ageMs: number) {
    super(lockedMessage(pid, outDir, file, ageMs));
    this.name = "OutputLockedError";
  }
}

function lockedMessage(pid: number, outDir: string, file: string, ageMs: number): string {
  if (!pid)
    return `${outDir} is being written by another odatagen that is just starting (its lock ${file}, made ${Math.max(0, Math.round(ageMs))} ms ago, holds no pid yet); try again in a moment, and do not delete the lock: that would let both runs write at once`;
  const who = pid === process.pid ? `another writer of this process (pid ${pid})` : `another odatagen (pid ${pid})`;
  const advice = ageMs > YOUNG_LOCK_MS ? `if none is running, delete ${file}` : `try again when it is done (lock ${file})`;
  return `${outDir} is being written by ${who}; ${advice}`;
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
  if (typeof got !== "string") throw new OutputLockedError(got.holder, outDir, file, got.age);
  if (got === "unlocked") return fn();
  try {
    return fn();
  } finally {
    unlock(file, mine);
  }
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
    if (Date.now() > deadline) throw new OutputLockedError(got.holder, outDir, file, got.age);
    if (!told) waiting?.(waitMessage(got.holder, outDir, file));
    told = true;
    return "wait";
  };
  return Object.assign(attempt, { release: () => unlock(file, mine) });
}

function waitMessage(holder: number, outDir: string, file: string): string {
  if (!holder) return `waiting for another odatagen, which is starting to write ${outDir} (lock ${file}, holding no pid yet)`;
  return `waiting for pid ${holder}, which is writing ${outDir} (lock ${file})`;
}

/** One try at the lock: taken, not to be taken here (run unlocked), or held by another run. */
function tryLock(file: string, mine: string): "locked" | "unlocked" | { holder: number; age: number } {
  // No parent folder yet: no output to protect, and a failed run must not leave folders behind.
  if (!fs.existsSync(path.dirname(file))) return "unlocked";
  for (;;) {
    try {
      fs.writeFileSync(file, mine, { flag: "wx" });
      return "locked";
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // No lock can be made where the output goes: nor can the output be written there, which the
      // run finds and reports as ODG403 (refusals.ts) as --dry-run does; an up-to-date one is read only.
      if (code === "EACCES" || code === "EPERM" || code === "EROFS" || code === "ENOTDIR" || code === "ENOENT") return "unlocked";
      if (code !== "EEXIST") throw e;
      const held = readLock(file);
      if (held === undefined) continue; // released since: try again
      const [pid, started] = held.split(" ").map(Number);
      // Empty (or unreadable, or no pid): another run created the lock and has not written its pid
      // yet, unless it was killed right between the two, long enough ago.
      const holder = Number.isSafeInteger(pid) && pid! > 0 ? pid! : 0;
      const age = ageMs(file);
      const gone = holder ? !alive(holder, started) : age > YOUNG_LOCK_MS;
      if (!gone) return { holder, age };
      // Left by a killed run; removed only if it still is that run's (not since released and taken
      // by another writer, whose lock this would remove).
      if (readLock(file) === held) fs.rmSync(file, { force: true });
    }
  }
}

/** The lock's text, or undefined when there is no lock (any other failure reads as empty). */
function readLock(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ENOENT" ? undefined : "";
  }
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

/**
 * How long a lock may stay empty before it counts as left by a killed run; a lock holding a pid is
 * worth deleting by hand (OutputLockedError) only once it is older.
 */
const YOUNG_LOCK_MS = 2000;

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return fallback;
  }
}

/** Whether the process that wrote the lock runs: its pid does, and (when both are known) started when it did. */
function alive(pid: number, started: number | undefined): boolean {
  if (pid === process.pid) return started === undefined || started === startTime(pid);
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const now = started === undefined ? undefined : startTime(pid);
  return now === undefined || now === started;
}
