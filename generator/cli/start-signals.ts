/**
 * SIGINT, SIGTERM or SIGHUP before a command takes the signals over (signals.ts): while Node loads
 * odatagen, while the config loads, while a FIFO input waits for its writer. Without a handler the
 * signal's default action ended the process silently; it now ends as an interrupted run does, saying
 * so, exit 130, 143 or 129. Nothing has been written or locked then. Loaded first by bin/odatagen.js, so
 * it imports nothing of odatagen's. A handler of a command's own, where there is one (the config's
 * load), answers instead; `generate` and `--watch` remove these when theirs is set up, as their run
 * may then write, and the other commands as they begin (main.ts): they read a FIFO input blocking,
 * and a handler, which runs only when the event loop turns, would keep the signal from ending that wait.
 */
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

const handlers = new Map<NodeJS.Signals, () => void>();

/** From now until `startedUp()`: a signal no other handler answers ends the process, saying it was interrupted. */
export function stopWhileStarting(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    if (handlers.has(signal)) continue;
    const handler = () => {
      if (process.listenerCount(signal) > 1) return; // a command's own handler answers
      process.stderr.write(`odatagen: interrupted (${signal}); nothing written\n`);
      process.exit(EXIT_CODES[signal]);
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
}

/** The command answers signals itself from now on. */
export function startedUp(): void {
  for (const [signal, handler] of handlers) process.off(signal, handler);
  handlers.clear();
}
