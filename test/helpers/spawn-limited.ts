/**
 * Child processes run without blocking the test file, so that tests written with `test.concurrent`
 * overlap their CLI runs; at most LIMIT of them run at once per test file (the machine has 2 cores,
 * and jest's two workers each run a file).
 */
import { spawn, type StdioOptions } from "node:child_process";

const LIMIT = 2;
let running = 0;
const waiting: (() => void)[] = [];

function acquire(): Promise<void> {
  if (running < LIMIT) {
    running++;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

/** Hands the slot to the next waiting run, if any. */
function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

export interface Spawned {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface SpawnLimitedOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Written to standard input, which is then closed (as `spawnSync` does: closed and empty without it). */
  input?: string;
  /** Replaces the default ["pipe", "pipe", "pipe"]; stdout and stderr must stay "pipe". */
  stdio?: StdioOptions;
  /** Killed (SIGKILL) after this long; 0 for no limit. 60 s unless given. */
  timeoutMs?: number;
  /** Runs the child as this user and group. */
  uid?: number;
  gid?: number;
}

/** Runs `command` as `spawnSync` would (UTF-8 output, status and signal), without blocking. */
export async function spawnLimited(command: string, args: readonly string[], options: SpawnLimitedOptions): Promise<Spawned> {
  await acquire();
  try {
    return await new Promise<Spawned>((resolve, reject) => {
      const child = spawn(command, args, {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: options.stdio ?? ["pipe", "pipe", "pipe"],
        timeout: options.timeoutMs ?? 60000,
        killSignal: "SIGKILL",
        ...(options.uid === undefined ? {} : { uid: options.uid }),
        ...(options.gid === undefined ? {} : { gid: options.gid }),
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout!.on("data", (d: Buffer) => out.push(d));
      child.stderr!.on("data", (d: Buffer) => err.push(d));
      child.stdin?.on("error", () => {}); // a child that exits before reading its input
      child.stdin?.end(options.input ?? "");
      child.on("error", reject);
      child.on("close", (status, signal) =>
        resolve({ status, signal, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }),
      );
    });
  } finally {
    release();
  }
}
