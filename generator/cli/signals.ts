/**
 * SIGINT (Ctrl+C), SIGTERM and SIGHUP (a terminal closed) during `generate` and `generate --watch`
 * (and while `fetch` downloads, and while `diff --config` loads the config: stopWhileLoadingConfig).
 * The first is noted when
 * Node can see it — at once while the run waits, else when its step in progress (generating a large
 * document, the swap) ends — and acted on at the run's next checkpoint (write/interrupt.ts), which
 * removes the run's lock and staging folder and leaves the output as it was. A second one matters
 * only where the run waits on something that is not a checkpoint (watch's config reload, which runs
 * the user's `.mjs`/`.ts` config): the caller may then stop the process at once (stopNow).
 * The exit code is the shells' convention for a process ended by the signal.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { configBeingLoaded } from "../config/load";
import { InterruptedError, type Checkpoint } from "../write/interrupt";
import { EXIT_INPUT } from "./exit-codes";
import { startedUp } from "./start-signals";
import { err } from "./style";

const SIGNAL_EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** The signals a run answers by stopping cleanly (their default action would leave its lock and staging folder behind). */
export const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** The exit code of a run stopped by `signal`. */
export function signalExitCode(signal: NodeJS.Signals): number {
  return SIGNAL_EXIT_CODES[signal] ?? EXIT_INPUT;
}

export interface InterruptListener {
  /** Lets a signal that has arrived be noted (one turn of the event loop), then throws InterruptedError if one has. */
  checkpoint: Checkpoint;
  /** The signal noted so far, if any. */
  received(): NodeJS.Signals | undefined;
  /** Stops listening: the signals' default action (ending the process) applies again. */
  stop(): void;
}

/** Said when the first signal arrives during a run; `again`: a second one would stop it at once. */
export function stoppingNotice(again = false): void {
  err.print(`odatagen: stopping at the next safe point${again ? " (Ctrl+C again to stop now)" : ""}`);
}

/**
 * Listens for SIGINT, SIGTERM and SIGHUP. The first one calls `onFirst` (by default: says it is stopping);
 * a later one calls `onSecond`, if given (else the run is already stopping: nothing to add).
 */
export function listenForInterrupt(onFirst: (signal: NodeJS.Signals) => void = () => stoppingNotice(), onSecond?: (signal: NodeJS.Signals) => void): InterruptListener {
  let received: NodeJS.Signals | undefined;
  const handlers = STOP_SIGNALS.map((signal) => {
    const handler = () => {
      if (received) return onSecond?.(signal);
      received = signal;
      onFirst(signal);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  startedUp(); // this run's handlers answer from now on (start-signals.ts)
  return {
    async checkpoint() {
      await new Promise((resolve) => setImmediate(resolve));
      if (received) throw new InterruptedError(received);
    },
    received: () => received,
    stop() {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
}

/** Ends the process at once, saying why (`what`: what was going on, and that nothing was written). */
export function stopNow(signal: NodeJS.Signals, what: string): never {
  err.print(`odatagen: stopped now (${signal} again) ${what}`);
  process.exit(signalExitCode(signal));
}

/**
 * Until the returned function is called: Ctrl+C, SIGTERM or SIGHUP ends the process as an interrupted run
 * does, saying so (`odatagen: interrupted (SIGINT); <what()>`), after `cleanUp`. The handler runs
 * only when the event loop turns, so a synchronous step in progress (writing a file and renaming
 * it) is finished first: what it describes is the state at the moment it runs.
 */
export function stopOnSignal(what: () => string, cleanUp: () => void = () => {}): () => void {
  const handlers = STOP_SIGNALS.map((signal) => {
    const handler = () => {
      cleanUp();
      err.print(`odatagen: interrupted (${signal})${what()}`);
      process.exit(signalExitCode(signal));
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}

/**
 * Until the returned function is called: Ctrl+C, SIGTERM or SIGHUP ends the process as an interrupted run
 * does, saying so, and removes the temporary `.mjs` of a `.ts` config being loaded (a config's
 * top-level `await`s can make loading it long; nothing has been written yet).
 */
export function stopWhileLoadingConfig(): () => void {
  return stopOnSignal(
    () => {
      const at = configBeingLoaded();
      return `${at ? ` while loading the config ${path.basename(at.file)}` : ""}; nothing written`;
    },
    () => {
      const at = configBeingLoaded();
      if (at?.tmp) fs.rmSync(at.tmp, { force: true });
    },
  );
}
