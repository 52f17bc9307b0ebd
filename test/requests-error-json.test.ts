// Errors as a log writes them: an ODataError's JSON has its message, status, code, request, details
// and body; the TypeError of a call that got no answer has the request in `request`, and its JSON
// its name, message, request and its cause's message.
import * as net from "node:net";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { failure } from "./helpers/rejection";
import { startLoopback, type Loopback } from "./helpers/loopback";

const dir = generateFixture("trippin-lite.xml", "error-json", { keyAsSegment: false });
type Api = typeof import("./.generated/error-json/Travel.Lite.requests");
type Runtime = typeof import("./.generated/error-json/runtime");
const api: Api = require(path.join(dir, "Travel.Lite.requests"));
const rt: Runtime = require(path.join(dir, "runtime"));

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

test("JSON.stringify of an ODataError writes its name, message, status, code, request, requestId, details and body", async () => {
  const body = { error: { code: "BadValue", message: "Age is negative", details: [{ code: "Range", message: "min 0", target: "Age" }] } };
  srv.handle(() => ({ status: 400, headers: { "request-id": "r-1" }, body }));
  const err = await failure(api.getPerson(rt.createClient({ baseUrl: srv.url }), api.people().byKey("a")));
  expect(JSON.parse(JSON.stringify(err))).toEqual({
    name: "ODataError",
    message: "Age is negative",
    status: 400,
    code: "BadValue",
    request: `GET ${srv.url}/People('a')`,
    requestId: "r-1",
    details: [{ code: "Range", message: "min 0", target: "Age" }],
    body,
  });
});

test("a call without an answer (a reset, a timeout) rejects with a TypeError whose `request` names it", async () => {
  srv.handle(() => ({ reset: true }));
  const client = rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 0 } });
  const reset = await failure(api.deletePerson(client, api.people().byKey("a"), { etag: "*" }));
  expect([reset instanceof TypeError, (reset as TypeError & { request?: string }).request]).toEqual([true, `DELETE ${srv.url}/People('a')`]);
  srv.handle(() => ({ delayMs: 60_000, body: {} }));
  const slow = rt.createClient({ baseUrl: srv.url, timeoutMs: 50, retry: { maxRetries: 0 } });
  const timedOut = await failure(api.getPerson(slow, api.people().byKey("a")));
  expect([timedOut instanceof TypeError, (timedOut as TypeError & { request?: string }).request]).toEqual([true, `GET ${srv.url}/People('a')`]);
});

/**
 * A server on loopback that drops each connection as soon as it is made, before a byte is read: a
 * call to it gets no answer, as to a closed port, without the port being freed for another process
 * to take (a closed port could be given to another test's server before the call).
 */
async function dropping(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = net.createServer((socket) => socket.resetAndDestroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test("JSON.stringify of the TypeError of a call that got no answer (a dropped connection, a timeout) writes its name, message, request and its cause's message", async () => {
  const gone = await dropping();
  const dropped = await failure(api.getPerson(rt.createClient({ baseUrl: gone.url, retry: { maxRetries: 0 } }), api.people().byKey("a"))).finally(gone.close);
  // The reason in parentheses is the connection's (ECONNRESET, or "other side closed"), whichever undici saw first.
  expect(dropped.message).toMatch(new RegExp(`^GET ${gone.url.replace(/\./g, "\\.")}/People\\('a'\\): fetch failed \\(.+\\)$`));
  expect(JSON.parse(JSON.stringify(dropped))).toEqual({ name: "TypeError", message: dropped.message, request: `GET ${gone.url}/People('a')`, cause: "fetch failed" });
  srv.handle(() => ({ delayMs: 60_000, body: {} }));
  const slow = rt.createClient({ baseUrl: srv.url, timeoutMs: 50, retry: { maxRetries: 0 } });
  const timedOut = await failure(api.getPerson(slow, api.people().byKey("a")));
  expect(JSON.parse(JSON.stringify(timedOut))).toMatchObject({ name: "TypeError", message: `GET ${srv.url}/People('a'): timed out after 50 ms (the client's timeoutMs)`, request: `GET ${srv.url}/People('a')` });
});
