// A language server's answer to one request, awaited with a deadline: a server that stops
// answering ends the run (killed, the promise rejected) rather than hanging bench/run.js.
"use strict";

const TIMEOUT_MS = 300_000;

/**
 * Registers `id` in `pending` (id → { resolve, reject }, settled by the client's reader) and
 * resolves with the answer, or rejects after TIMEOUT_MS naming `what`.
 */
function awaitedAnswer(pending, id, what, child) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      child.kill();
      reject(new Error(`no answer to ${what} in ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    const settle = (f) => (value) => {
      clearTimeout(timer);
      f(value);
    };
    pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
  });
}

module.exports = { awaitedAnswer, TIMEOUT_MS };
