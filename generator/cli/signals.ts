/**
 * SIGINT (Ctrl+C) and SIGTERM during `generate`: noted when they arrive, acted on at the run's next
 * checkpoint (write/interrupt.ts), which removes the run's lock and staging folder and leaves the
 * output as it was. The exit code is the shells' convention for a process ended by the signal.
 */
import { InterruptedError, type Checkpoint } from "../write/interrupt";

export const SIGNAL_EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export interface InterruptListener {
  /** Lets a signal that has arrived be noted (one turn of the event loop), then throws InterruptedError if one has. */
  checkpoint: Checkpoint;
  /** The signal noted so far, if any. */
  received(): NodeJS.Signals | undefined;
  /** Stops listening: the signals' default action (ending the process) applies again. */
  stop(): void;
}

export function listenForInterrupt(onSignal?: (signal: NodeJS.Signals) => void): InterruptListener {
  let received: NodeJS.Signals | undefined;
  const handlers = (["SIGINT", "SIGTERM"] as const).map((signal) => {
    const handler = () => {
      received ??= signal;
      onSignal?.(signal);
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
