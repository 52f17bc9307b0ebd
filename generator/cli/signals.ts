/**
 * SIGINT (Ctrl+C) and SIGTERM during `generate`. The first is said at once ("stopping at the next
 * safe point") and acted on at the run's next checkpoint (write/interrupt.ts), which removes the
 * run's lock and staging folder and leaves the output as it was. A second one ends the process as
 * soon as it is seen, after removing the lock and staging folder synchronously (write/hard-stop.ts).
 * Either is seen between the run's steps: a synchronous step (generating a large document, the
 * swap) runs to its end first. The exit code is the shells' convention for a process ended by the signal.
 */
import { InterruptedError, type Checkpoint } from "../write/interrupt";
import { hardStop } from "../write/hard-stop";
import { err } from "./style";

export const SIGNAL_EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export interface InterruptListener {
  /** Lets a signal that has arrived be noted (one turn of the event loop), then throws InterruptedError if one has. */
  checkpoint: Checkpoint;
  /** The signal noted so far, if any. */
  received(): NodeJS.Signals | undefined;
  /** Stops listening: the signals' default action (ending the process) applies again. */
  stop(): void;
}

/** Said when the first signal arrives during a run. */
export function stoppingNotice(): void {
  err.print("odatagen: stopping at the next safe point (Ctrl+C again to stop now)");
}

/**
 * Listens for SIGINT and SIGTERM. The first one calls `onFirst` (by default: says it is stopping);
 * a second one stops the process at once.
 */
export function listenForInterrupt(onFirst: (signal: NodeJS.Signals) => void = stoppingNotice): InterruptListener {
  let received: NodeJS.Signals | undefined;
  const handlers = (["SIGINT", "SIGTERM"] as const).map((signal) => {
    const handler = () => {
      if (received) return stopNow(signal);
      received = signal;
      onFirst(signal);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
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

/** The second signal: the run's lock and staging folder removed, then the process ended. */
function stopNow(signal: NodeJS.Signals): never {
  hardStop();
  err.print(`odatagen: stopped now (${signal} again); the output being written was left as it was`);
  process.exit(SIGNAL_EXIT_CODES[signal] ?? 130);
}
