/**
 * A FIFO input (`-i <(curl …)`, a `mkfifo` one, `/dev/stdin` fed by a pipe), read to its end
 * without blocking the process: opened with O_NONBLOCK (which does not wait for a writer) and read
 * as a socket is, by the event loop. A read that waits for a writer then lets a SIGINT, SIGTERM or SIGHUP
 * handler run, and the process can exit (a blocking open would hold the main thread, or the thread
 * pool, which the process's exit waits for, until a writer came). On Linux a FIFO that never had a
 * writer is not at its end: the read waits for one, as a blocking one does.
 */
import * as fs from "node:fs";

/** The bytes of the FIFO `file` (`/dev/stdin`: descriptor 0); `limit` bytes at most, else `tooLarge()` is thrown. */
export function readFifo(file: string, limit: number, tooLarge: () => Error): Promise<Buffer> {
  const fd = file === "/dev/stdin" ? 0 : fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  return new Promise((resolve, reject) => {
    // node:net is loaded here, not with this module: a run that reads no FIFO does without it.
    const net = require("node:net") as typeof import("node:net");
    const socket = new net.Socket({ fd, readable: true, writable: false });
    const chunks: Buffer[] = [];
    let total = 0;
    socket.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total <= limit) return void chunks.push(chunk);
      socket.destroy();
      reject(tooLarge());
    });
    socket.on("end", () => resolve(Buffer.concat(chunks, total)));
    socket.on("error", reject);
  });
}
