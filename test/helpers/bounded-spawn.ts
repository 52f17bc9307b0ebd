/**
 * Compiler runs as children with a bound on their life that holds even if the jest worker that
 * started them dies. `spawnSync`'s own `timeout` is enforced by the parent: a worker killed while it
 * waits (a run stopped by hand, a crashed worker) leaves its compiler running, and a TypeScript 7
 * check caught in a pathological type has grown to 14 GB that way. Where coreutils' `timeout` is on
 * the PATH, it runs the command and kills it (SIGKILL: a looping TypeScript 7 check ignores SIGTERM)
 * when the time is up, whoever is left waiting.
 */
import { spawnSync, type SpawnSyncOptionsWithStringEncoding, type SpawnSyncReturns } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** coreutils' `timeout`, where the PATH has it (Linux; macOS with coreutils as `gtimeout` is not looked for). */
const TIMEOUT = (process.env.PATH ?? "")
  .split(path.delimiter)
  .map((dir) => path.join(dir, "timeout"))
  .find((file) => process.platform !== "win32" && fs.existsSync(file));

/**
 * Runs `command` like `spawnSync`, killed with SIGKILL after `timeoutMs` even if this process is
 * gone by then. A run cut short reports `error` (ETIMEDOUT) and a null status, as `spawnSync` does.
 */
export function spawnBounded(
  command: string,
  args: readonly string[],
  timeoutMs: number,
  options: Omit<SpawnSyncOptionsWithStringEncoding, "timeout" | "killSignal"> = { encoding: "utf8" },
): SpawnSyncReturns<string> {
  // The parent's own timeout stays as a backstop, a little later than the child's.
  const parentSide = { ...options, timeout: timeoutMs + 5000, killSignal: "SIGKILL" as const };
  if (!TIMEOUT) return spawnSync(command, args, { ...parentSide, timeout: timeoutMs });
  const seconds = Math.max(1, Math.ceil(timeoutMs / 1000));
  const started = Date.now();
  const r = spawnSync(TIMEOUT, ["-s", "KILL", `${seconds}s`, command, ...args], parentSide);
  // With SIGKILL, `timeout` kills itself the same way once the command is dead (status 128 + 9 to a shell).
  const killed = r.signal === "SIGKILL" || r.status === 137;
  if (killed && !r.error && Date.now() - started >= seconds * 1000) {
    return { ...r, status: null, signal: "SIGKILL", error: Object.assign(new Error(`spawnSync ${command} ETIMEDOUT`), { code: "ETIMEDOUT" }) };
  }
  return r;
}
