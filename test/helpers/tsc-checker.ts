/**
 * A TypeScript 5.9 checker that stays up for the life of the jest worker: one child process
 * (`tsc-checker/server.js`) that loads `typescript` once and answers each check with what `tsc -p
 * <config> --noEmit --pretty false` prints and exits with, keeping the parsed and bound SourceFiles
 * of unchanged files (TypeScript's lib files, generated modules) for the next check. Spawning `tsc`
 * costs ~2 s of CPU before it reads a line of ours (loading typescript.js, parsing and binding
 * lib.es2022 and lib.dom); a check here costs what is new in it.
 *
 * The checker is a child so that the compiler's heap stays out of the jest worker; a worker thread
 * (`tsc-checker/pipe.js`) talks to it, so that this side can wait for an answer synchronously
 * (Atomics.wait, with a timeout), as the helpers of typecheck.ts return their results.
 */
import * as path from "node:path";
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from "node:worker_threads";

/** What the checker answers: tsc's output and status, or why tsc must be spawned instead. */
export type CheckAnswer =
  | { status: number | null; output: string; parsed: number; reused: number; runtimeReused?: number }
  | { fallback: string };

export interface CheckerStats {
  /** SourceFiles kept, and the characters of text they hold. */
  files: number;
  chars: number;
  maxChars: number;
  /** Their keys (path, then the options they were made with), least recently used first. */
  keys: string[];
}

/** The most text the checker keeps parsed: the lib files (lib.es2022 and lib.dom, ~3 MB) and a few dozen outputs' generated modules. */
export const DEFAULT_MAX_CHARS = 16_000_000;

export interface CheckerOptions {
  /** The `typescript` package folder to load. */
  typescript: string;
  maxChars?: number;
  /** How long a check may run before the checker is killed (and the check answers a timeout). */
  timeoutMs?: number;
}

type Answer = { id: number; exited?: string; signal?: string | null } & Partial<CheckerStats> & Record<string, unknown>;

export class TscChecker {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly wake: Int32Array;
  private readonly timeoutMs: number;
  private nextId = 0;
  private exited: string | undefined;

  constructor(options: CheckerOptions) {
    this.timeoutMs = options.timeoutMs ?? 240000;
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.wake = new Int32Array(new SharedArrayBuffer(8));
    const args = [options.typescript, String(options.maxChars ?? DEFAULT_MAX_CHARS), String(this.timeoutMs)];
    this.worker = new Worker(path.join(__dirname, "tsc-checker", "pipe.js"), {
      workerData: { port: port2, signal: this.wake.buffer, server: path.join(__dirname, "tsc-checker", "server.js"), args },
      transferList: [port2],
    });
    // Neither the thread nor the checker keeps the jest worker alive: when it exits, the thread
    // goes, the checker's stdin closes, and the checker exits.
    this.worker.unref();
    this.port.unref();
  }

  /** Whether the checker has exited (it was killed after a timeout, or failed); a new one is then needed. */
  get alive(): boolean {
    return this.exited === undefined;
  }

  /** What `tsc -p config --noEmit --pretty false` (without `--noEmit` where `noEmitFlag` is false) run in `cwd` answers. */
  check(cwd: string, config: string, noEmitFlag = true): CheckAnswer {
    const a = this.ask({ cwd, config, noEmitFlag });
    if (a.timedOut !== undefined) return { status: null, output: String(a.timedOut), parsed: 0, reused: 0 };
    // Killed: by its own watchdog, at timeoutMs (a check that hangs fails its test, as a spawned tsc would).
    if (a.signal === "SIGKILL") return { status: null, output: `Error: the TypeScript 5.9 checker ETIMEDOUT (${this.timeoutMs} ms)`, parsed: 0, reused: 0 };
    if (a.exited !== undefined) return { fallback: a.exited };
    if (typeof a.fallback === "string") return { fallback: a.fallback };
    return { status: a.status as number, output: a.output as string, parsed: a.parsed as number, reused: a.reused as number, runtimeReused: (a.runtimeReused as number | undefined) ?? 0 };
  }

  /** The checker's kept SourceFiles. */
  stats(): CheckerStats {
    const a = this.ask({ stats: true });
    if (a.exited !== undefined || a.timedOut !== undefined) throw new Error(String(a.exited ?? a.timedOut));
    return a.stats as CheckerStats;
  }

  /** Ends the thread, and with it the checker. */
  close(): Promise<number> {
    return this.worker.terminate();
  }

  private ask(request: object): Answer {
    if (this.exited !== undefined) return { id: -1, exited: this.exited };
    const id = this.nextId++;
    this.port.postMessage({ id, ...request });
    const deadline = Date.now() + this.timeoutMs + 5000;
    for (;;) {
      const seen = Atomics.load(this.wake, 0);
      const m = receiveMessageOnPort(this.port);
      if (m) {
        const a = m.message as Answer;
        if (a.exited !== undefined) {
          this.exited = a.exited;
          return a;
        }
        if (a.id === id) return a;
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        // The checker kills itself at timeoutMs; this is the backstop, a little later.
        const pid = Atomics.load(this.wake, 1);
        try {
          if (pid > 0) process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
        this.exited = `the TypeScript 5.9 checker ETIMEDOUT`;
        return { id, timedOut: `Error: the TypeScript 5.9 checker ETIMEDOUT (${this.timeoutMs} ms)` };
      }
      Atomics.wait(this.wake, 0, seen, left);
    }
  }

  /** The checker's process id (for its CPU time). */
  get pid(): number {
    return Atomics.load(this.wake, 1);
  }
}

/** Where `sharedChecker` keeps the worker's checkers (test/setup/cpu-per-file.js reads their CPU time). */
export const SHARED_SLOT = Symbol.for("odatagen.tscChecker");

/**
 * The jest worker's checker for `typescript` (started on first use). Kept on node's `Worker` class,
 * an object every test file of a jest worker shares (jest gives each file its own module registry
 * and globals, but node's own modules are the worker's), so the files a worker runs share one
 * checker.
 */
export function sharedChecker(typescript: string): TscChecker {
  const holder = Worker as unknown as Record<symbol, Map<string, TscChecker> | undefined>;
  const checkers = (holder[SHARED_SLOT] ??= new Map<string, TscChecker>());
  let c = checkers.get(typescript);
  if (!c || !c.alive) {
    c = new TscChecker({ typescript });
    checkers.set(typescript, c);
  }
  return c;
}
