/**
 * Well-formedness check (fast-xml-parser's XMLValidator) of a document, run on a worker thread while
 * the main thread parses the same text, so a large document costs one pass of wall time, not two.
 * Small documents are checked in place: a worker costs more than it saves on them.
 */
import { XMLValidator } from "fast-xml-parser";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";

export interface XmlError {
  line: number;
  col: number;
  msg: string;
}

/** Documents at least this long (in characters) are checked on a worker thread. */
export const WORKER_THRESHOLD = 512 * 1024;

const OPTIONS = { allowBooleanAttributes: false };

function check(text: string): XmlError | undefined {
  const r = XMLValidator.validate(text, OPTIONS);
  return r === true ? undefined : { line: r.err.line, col: r.err.col, msg: r.err.msg };
}

const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
let err = null;
try {
  const { XMLValidator } = require(workerData.fxp);
  const r = XMLValidator.validate(workerData.text, workerData.options);
  if (r !== true) err = { line: r.err.line, col: r.err.col, msg: r.err.msg };
} catch (e) {
  err = { line: 0, col: 0, msg: String(e && e.message || e) };
}
workerData.port.postMessage(err);
Atomics.store(workerData.flag, 0, 1);
Atomics.notify(workerData.flag, 0);
`;

/**
 * Starts checking `text`; the returned function waits for and returns the verdict (undefined when
 * the document is well-formed). Falls back to checking in place if no worker can be started.
 */
export function startWellFormedCheck(text: string): () => XmlError | undefined {
  if (text.length < WORKER_THRESHOLD) {
    const verdict = check(text);
    return () => verdict;
  }
  let worker: Worker;
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { text, options: OPTIONS, fxp: require.resolve("fast-xml-parser"), port: port2, flag },
      transferList: [port2],
    });
  } catch {
    port1.close();
    const verdict = check(text);
    return () => verdict;
  }
  worker.unref();
  worker.on("error", () => undefined);
  return () => {
    // The worker signals through shared memory, so waiting needs no turn of the event loop. A worker
    // that could not run never signals: after the grace period the text is checked here instead.
    const deadline = Date.now() + GRACE_MS;
    while (Atomics.load(flag, 0) === 0 && Date.now() < deadline) Atomics.wait(flag, 0, 0, 100);
    const received = Atomics.load(flag, 0) === 1 ? receiveMessageOnPort(port1) : undefined;
    port1.close();
    if (!received) {
      void worker.terminate();
      return check(text);
    }
    return (received.message as XmlError | null) ?? undefined;
  };
}

/** How long to wait for a worker's verdict before checking in place (only slower, never wrong). */
const GRACE_MS = 20_000;
