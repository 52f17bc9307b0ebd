// A scripted HTTP server on 127.0.0.1: each test says how to answer, and every request (method,
// URL, headers, body) is recorded for assertions.
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  raw: Buffer;
}

export interface Reply {
  status?: number;
  /** An array sends the header once per value (`Set-Cookie`). */
  headers?: Record<string, string | string[]>;
  /** An object is sent as JSON; a string or Buffer as is. */
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Reset the connection (TCP RST) instead of answering: fetch rejects, `read ECONNRESET`. */
  reset?: boolean;
  /** Send the status, the headers (with the whole body's Content-Length) and half the body, then close the connection. */
  cut?: boolean;
  /** Writes the body itself after the status and headers (`res.write`, and `res.end` when the test says), instead of `body`. */
  write?: (res: http.ServerResponse) => void;
}

export interface Loopback {
  url: string;
  requests: Recorded[];
  /** Replaces the handler: called per request with the request and its index. */
  handle(fn: (req: Recorded, i: number) => Reply): void;
  close(): Promise<void>;
}

export async function startLoopback(): Promise<Loopback> {
  const requests: Recorded[] = [];
  let handler: (req: Recorded, i: number) => Reply = () => ({ status: 404 });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const rec: Recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), raw: Buffer.concat(chunks) };
      requests.push(rec);
      const reply = handler(rec, requests.length - 1);
      const send = () => {
        if (res.destroyed) return;
        if (reply.reset) return void req.socket.resetAndDestroy();
        const isJson = reply.body !== undefined && typeof reply.body !== "string" && !Buffer.isBuffer(reply.body);
        const body = reply.body === undefined ? undefined : isJson ? JSON.stringify(reply.body) : (reply.body as string | Buffer);
        const cut = reply.cut ? Buffer.from(body ?? "") : undefined;
        res.writeHead(reply.status ?? 200, { ...(isJson ? { "content-type": "application/json" } : {}), ...(cut && { "content-length": String(cut.length) }), ...reply.headers });
        if (cut) return void res.write(cut.subarray(0, cut.length >> 1), () => req.socket.destroy());
        if (reply.write) return reply.write(res);
        res.end(body);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs).unref();
      else send();
    });
  });
  // Idle connections stay open until close(): a test run on a loaded machine may wait longer than
  // Node's 5 s between two requests, and fetch then sends on a connection the server is closing
  // (ECONNRESET, which a request with a body does not retry).
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(fn) {
      handler = fn;
      requests.length = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
