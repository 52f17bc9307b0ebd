// A 407 Proxy Authentication Required sent by the service itself (no proxy on the way): Node's fetch
// (undici) hands over no response for it (the Fetch standard makes it a network error where there
// is no window to ask for credentials in) and rejects with a bare `fetch failed`, whose cause has
// no message. The call says what that means, and does not send it again as a request that got no answer.
// Over real HTTP on 127.0.0.1.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { body, session } from "./helpers/batch-sessions";
import { getSession } from "../generated/graph-callrecords/microsoft.graph.callRecords.requests";
import * as rt from "../generated/graph-callrecords/runtime";

const dir = generateFixture("trippin-lite.xml", "proxy-auth-answer", { keyAsSegment: false });
const lite: typeof import("./.generated/proxy-auth-answer/Travel.Lite.requests") = require(path.join(dir, "Travel.Lite.requests"));
const liteRt: typeof import("./.generated/proxy-auth-answer/runtime") = require(path.join(dir, "runtime"));

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

const proxyAuth = { status: 407, headers: { "Proxy-Authenticate": 'Basic realm="corp"' }, body: { error: { code: "ProxyAuth", message: "credentials, please" } } };

test("a GET answered 407 rejects once with a TypeError that names the 407, fetch's error its cause", async () => {
  srv.handle(() => proxyAuth);
  const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } });
  const error = await getSession(client, session("s1")).then(() => Promise.reject(new Error("resolved")), (e: unknown) => e as TypeError & { request: string; cause: Error });
  expect(error).toBeInstanceOf(TypeError);
  expect(error.message).toBe(
    `GET ${srv.url}/communications/callRecords/r1/sessions/s1: fetch failed, with no reason given: Node's fetch fails so where the answer is 407 Proxy Authentication Required (the service, or a proxy on the way, asks for proxy credentials), whose response it does not hand over; not sent again`,
  );
  expect([error.request, error.cause.message]).toEqual([`GET ${srv.url}/communications/callRecords/r1/sessions/s1`, "fetch failed"]);
  expect(srv.requests).toHaveLength(1);
});

test("a $batch of reads answered 407 rejects send() so, not sent again; a refused connection is still retried", async () => {
  srv.handle(() => proxyAuth);
  const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } });
  const b = rt.batch(client);
  const read = getSession(b, session("s1")).catch((e: unknown) => e);
  await expect(b.send()).rejects.toThrow(`POST ${srv.url}/$batch: fetch failed, with no reason given: Node's fetch fails so where the answer is 407`);
  expect(await read).toBeInstanceOf(TypeError);
  expect(srv.requests).toHaveLength(1);
  // A request that got no answer (a reset) is sent again, as before.
  srv.handle((_req, i) => (i === 0 ? { reset: true } : { status: 200, body: body("s1") }));
  await expect(getSession(client, session("s1"))).resolves.toEqual(body("s1"));
  expect(srv.requests).toHaveLength(2);
});

test.each([301, 302, 307, 308])("a streamed body redirected with a %i, which Node's fetch fails with the same bare error, is named too", async (status) => {
  srv.handle(() => ({ status, headers: { Location: "/elsewhere" } }));
  const data = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new Uint8Array([1, 2])), c.close()) });
  const client = liteRt.createClient({ baseUrl: srv.url });
  await expect(liteRt.writeStream(client, lite.personPhoto(lite.people().byKey("a")), data, { etag: "*", contentType: "image/png" })).rejects.toThrow(
    "fetch failed, with no reason given: Node's fetch fails so where the answer is a redirect other than 303 (301, 302, 307, 308), which it cannot follow with a streamed body (a Blob it can), or 407 Proxy Authentication Required",
  );
  expect(srv.requests).toHaveLength(1);
});
