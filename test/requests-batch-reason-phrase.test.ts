// A multipart batch part's status line is read as fetch reads one alone: its reason phrase as UTF-8
// (`HTTP/1.1 404 Nicht gefunden – Eintrag`), which a call's error without a body has for its
// message, not as Latin-1 (`Nicht gefunden â€“ Eintrag`); a byte that is no UTF-8 as U+FFFD, as fetch
// reads it alone (`Gel\xf6scht` in Latin-1 is `Gel\ufffdscht`).
// Over real HTTP on 127.0.0.1.
import * as http from "node:http";
import * as net from "node:net";
import type { AddressInfo } from "node:net";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { body, session } from "./helpers/batch-sessions";
import { deleteSession, getSession, updateSession } from "../generated/graph-callrecords/microsoft.graph.callRecords.requests";
import * as rt from "../generated/graph-callrecords/runtime";

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

const REASON = "Nicht gefunden \u2013 Eintrag";

/** A multipart answer of `parts` (each an HTTP response's bytes: status line, headers, body) under boundary `b`. */
function multipart(parts: Buffer[]): Buffer {
  const head = Buffer.from("--b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
  return Buffer.concat([...parts.flatMap((p) => [head, p, Buffer.from("\r\n")]), Buffer.from("--b--")]);
}

const rejection = (p: Promise<unknown>) => p.then(() => Promise.reject(new Error("resolved")), (e: unknown) => e as InstanceType<typeof rt.ODataError>);

test("a part's UTF-8 reason phrase is the message of its call's error, as alone; one in Latin-1 has U+FFFD for its byte past U+007F, as alone", async () => {
  srv.handle(() => ({
    headers: { "content-type": "multipart/mixed; boundary=b" },
    body: multipart([Buffer.from(`HTTP/1.1 404 ${REASON}\r\n\r\n`, "utf8"), Buffer.from("HTTP/1.1 410 Gel\xf6scht\r\n\r\n", "latin1"), Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(body("s3"))}`)]),
  }));
  const b = rt.batch(rt.createClient({ baseUrl: srv.url }), { format: "multipart" });
  const missing = rejection(getSession(b, session("s1")));
  const gone = rejection(getSession(b, session("s2")));
  const found = getSession(b, session("s3"));
  await b.send();
  expect([(await missing).status, (await missing).message]).toEqual([404, `404 ${REASON}`]);
  expect([(await gone).status, (await gone).message]).toEqual([410, "410 Gel\ufffdscht"]);
  await expect(found).resolves.toEqual(body("s3"));

  // Alone, fetch reads the same status line so.
  const raw = await rawServer(`HTTP/1.1 404 ${REASON}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  try {
    const alone = await rejection(getSession(rt.createClient({ baseUrl: raw.url }), session("s1")));
    expect(alone.message).toBe((await missing).message);
  } finally {
    await raw.close();
  }
  const latin1 = await rawServer(Buffer.from("HTTP/1.1 410 Gel\xf6scht\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", "latin1"));
  try {
    const alone = await rejection(getSession(rt.createClient({ baseUrl: latin1.url }), session("s2")));
    expect([alone.status, alone.message]).toEqual([(await gone).status, (await gone).message]);
  } finally {
    await latin1.close();
  }
});

test("a batched read redirected to an answer with a UTF-8 reason phrase resolves, as alone", async () => {
  const text = JSON.stringify(body("s1"));
  const raw = await rawServer(`HTTP/1.1 200 Gefunden \u2713\r\nContent-Type: application/json\r\nContent-Length: ${text.length}\r\nConnection: close\r\n\r\n${text}`);
  try {
    srv.handle(() => ({ headers: { "content-type": "multipart/mixed; boundary=b" }, body: multipart([Buffer.from(`HTTP/1.1 302 Found\r\nLocation: ${raw.url}/s1\r\n\r\n`)]) }));
    const b = rt.batch(rt.createClient({ baseUrl: srv.url }), { format: "multipart" });
    const read = getSession(b, session("s1"));
    await b.send();
    await expect(read).resolves.toEqual(body("s1"));
  } finally {
    await raw.close();
  }
});

/** A server on 127.0.0.1 that answers every request with `answer`, a string's bytes as UTF-8 (a status line Node's own server would not write). */
async function rawServer(answer: string | Buffer): Promise<{ url: string; close: () => Promise<unknown> }> {
  const raw = net.createServer((c) => c.once("data", () => c.end(typeof answer === "string" ? Buffer.from(answer, "utf8") : answer)));
  await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(raw.address() as AddressInfo).port}`, close: () => new Promise((resolve) => raw.close(resolve)) };
}

test("a change set answered once with a UTF-8 reason phrase: each of its calls has it", async () => {
  srv.handle(() => ({ headers: { "content-type": "multipart/mixed; boundary=b" }, body: multipart([Buffer.from(`HTTP/1.1 404 ${REASON}\r\n\r\n`, "utf8")]) }));
  const b = rt.batch(rt.createClient({ baseUrl: srv.url }), { format: "multipart" });
  const changes = b.atomic();
  const updated = rejection(updateSession(changes, session("s1"), { modalities: [] }));
  const deleted = rejection(deleteSession(changes, session("s2")));
  await b.send();
  expect([(await updated).message, (await deleted).message]).toEqual([`404 ${REASON}`, `404 ${REASON}`]);
});

test("a batched read answered 503 with a UTF-8 reason phrase and a Retry-After past maxDelayMs, not read again: its message has the reason phrase", async () => {
  srv.handle(() => ({ headers: { "content-type": "multipart/mixed; boundary=b" }, body: multipart([Buffer.from(`HTTP/1.1 503 ${REASON}\r\nRetry-After: 3600\r\n\r\n`, "utf8")]) }));
  const b = rt.batch(rt.createClient({ baseUrl: srv.url }), { format: "multipart" });
  const read = rejection(getSession(b, session("s1")));
  await b.send();
  expect([(await read).status, (await read).message]).toEqual([503, `503 ${REASON}: the service asked to wait 3600 s (Retry-After), more than maxDelayMs 60 s: not retried`]);
});

test("a part's reason phrase holding a line or paragraph separator gives way to the standard one, as one with a control character does", async () => {
  srv.handle(() => ({
    headers: { "content-type": "multipart/mixed; boundary=b" },
    body: multipart([Buffer.from("HTTP/1.1 404 Nicht\u2028gefunden\r\n\r\n", "utf8"), Buffer.from("HTTP/1.1 410 Weg\u2029da\r\n\r\n", "utf8")]),
  }));
  const b = rt.batch(rt.createClient({ baseUrl: srv.url }), { format: "multipart" });
  const missing = rejection(getSession(b, session("s1")));
  const gone = rejection(getSession(b, session("s2")));
  await b.send();
  expect((await missing).message).toBe("404 Not Found");
  expect((await gone).message).toBe("410 Gone");
});

test("a JSON batch's response, which has only its status, has the reason phrase fetch gives the same answer alone, for every status a call rejects with (418 I'm a Teapot, 451, 510, ...)", async () => {
  const client = rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 0 } });
  // Node's server writes its reason phrase for each status it knows (one it does not, 420, as `unknown`, left out). A 407 alone
  // is Node's fetch's own failure, which hands over no response (requests-proxy-auth-answer).
  const statuses = Object.keys(http.STATUS_CODES).map(Number).filter((s) => s >= 300 && s < 600 && s !== 407);
  // Alone: each status answered without a body, its Location left out (a redirect without one is not followed).
  srv.handle((req) => ({ status: Number(req.url.slice(req.url.lastIndexOf("/") + 2)) }));
  const alone = await Promise.all(statuses.map((s) => rejection(getSession(client, session(`s${s}`))).then((e) => e.message)));
  // In one JSON batch, each request answered with the status its session's key names.
  srv.handle((req) => ({ body: { responses: JSON.parse(req.body).requests.map((r: { id: string; url: string }) => ({ id: r.id, status: Number(r.url.slice(r.url.lastIndexOf("/") + 2)) })) } }));
  const b = rt.batch(client);
  const batched = Promise.all(statuses.map((s) => rejection(getSession(b, session(`s${s}`))).then((e) => e.message)));
  await b.send();
  expect(await batched).toEqual(alone);
  expect(alone[statuses.indexOf(418)]).toBe("418 I'm a Teapot");
});
