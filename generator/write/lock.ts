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

export function lockFile(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.odatagen-lock`);
}

export class OutputLockedError extends Error {
  constructor(readonly pid: number, outDir: string) {
    super(`${outDir} is being written by another odatagen (${pid ? `pid ${pid}` : "its lock holds no pid yet"})`);
    this.name = "OutputLockedError";
  }
}

/** Runs `fn` holding the output folder's lock; waits up to `waitMs` for another writer. */
export function withOutputLock<T>(outDir: string, fn: () => T, waitMs = 30000): T {
  const file = lockFile(outDir);
  // No parent folder yet: no output to protect, and a failed run must not leave folders behind.
  if (!fs.existsSync(path.dirname(file))) return fn();
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // No lock can be made where the output goes: nor can the output be written there, which the
      // run finds and reports as ODG403 (refusals.ts) as --dry-run does; an up-to-date one is read only.
      if (code === "EACCES" || code === "EPERM" || code === "EROFS" || code === "ENOTDIR") return fn();
      if (code !== "EEXIST") throw e;
      const holder = Number(readOr(file, ""));
      // Empty: another run created the lock and has not written its pid yet, unless it was killed
      // right between the two, long enough ago.
      const gone = holder ? !alive(holder) : ageMs(file) > EMPTY_LOCK_MS;
      if (gone) {
        fs.rmSync(file, { force: true }); // left by a killed run
        continue;
      }
      if (Date.now() > deadline) throw new OutputLockedError(holder, outDir);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    return fn();
  } finally {
    if (readOr(file, "") === String(process.pid)) fs.rmSync(file, { force: true });
  }
}

/** How long a lock may stay empty before it counts as left by a killed run. */
const EMPTY_LOCK_MS = 2000;

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

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
