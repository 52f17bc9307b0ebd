/**
 * A real HTTP server on loopback that records every request and answers with whatever the test
 * queued (default: 204 No Content).
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface Recorded {
  method: string;
  /** The request target exactly as it arrived (path and query, still percent-encoded). */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export class RecordingServer {
  readonly requests: Recorded[] = [];
  private readonly replies: Reply[] = [];
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      this.requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const reply = this.replies.shift() ?? { status: 204 };
      // No keep-alive: the client's connection pool holds nothing open once the tests end.
      res.setHeader("Connection", "close");
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body);
    });
  });

  /** Listens on 127.0.0.1 on a free port. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
  }

  /** The next response. */
  reply(r: Reply): void {
    this.replies.push(r);
  }

  json(status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.reply({ status, headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
  }

  last(): Recorded {
    const r = this.requests[this.requests.length - 1];
    if (!r) throw new Error("no request was received");
    return r;
  }
}
