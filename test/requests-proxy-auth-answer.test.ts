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

// What tells the 407 apart (Node 20 and 22): fetch's cause is a plain Error made without a message
// (none of its own) and without a code. A streamed body that fails is told by itself: fetch's cause
// is then its error as it is, or one undici makes of another realm's error or of a value (of
// `undefined`, the very Error a 407's is). A lost connection has a code. None of these is named a 407.
/** What `p` rejects with (it must reject). */
const rejected = <E>(p: Promise<unknown>) => p.then(() => Promise.reject(new Error("resolved")), (e: unknown) => e as E);
const failing = (error: unknown) => new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new Uint8Array([1, 2])), pull: () => Promise.reject(error) });

test.each([
  ['new Error("")', () => new Error(""), "fetch failed"],
  ["new Error()", () => new Error(), "fetch failed"],
  ['new Error("disk gone")', () => new Error("disk gone"), "fetch failed (disk gone)"],
  // Of the test's realm, not Node's: undici makes an Error of its name.
  ['new TypeError("")', () => new TypeError(""), "fetch failed (TypeError)"],
  // Values: undici's reason is its own (`Request was cancelled.`), whatever it says.
  ["undefined", () => undefined, undefined],
  ['""', () => "", undefined],
])("a streamed body that fails with %s rejects saying so, not named a 407", async (_name, make, reason) => {
  srv.handle(() => ({ status: 204 }));
  const client = liteRt.createClient({ baseUrl: srv.url });
  const error = await liteRt.writeStream(client, lite.personPhoto(lite.people().byKey("a")), failing(make()), { etag: "*", contentType: "image/png" }).then(
    () => Promise.reject(new Error("resolved")),
    (e: unknown) => e as TypeError,
  );
  expect(error).toBeInstanceOf(TypeError);
  if (reason) expect(error.message).toBe(`PUT ${srv.url}/People('a')/Photo: ${reason}: the stream given as its body failed`);
  expect(error.message.startsWith(`PUT ${srv.url}/People('a')/Photo: fetch failed`)).toBe(true);
  expect(error.message.endsWith(": the stream given as its body failed")).toBe(true);
  // Without the loopback's URL, whose random port may hold the digits 407 (44075).
  expect(error.message.replace(srv.url, "")).not.toContain("407");
});

test("a streamed body's own error is fetch's cause, as it is", async () => {
  srv.handle(() => ({ status: 204 }));
  const cause = new Error("");
  const error = await rejected<{ cause: { cause: unknown } }>(liteRt.writeStream(liteRt.createClient({ baseUrl: srv.url }), lite.personPhoto(lite.people().byKey("a")), failing(cause), { contentType: "image/png", etag: "*" }));
  expect(error.cause.cause).toBe(cause);
});

test("a streamed body whose connection is reset, or refused, is not named a 407", async () => {
  srv.handle(() => ({ reset: true }));
  const client = liteRt.createClient({ baseUrl: srv.url });
  const data = () => new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new Uint8Array([1, 2])), c.close()) });
  const reset = await rejected<Error>(liteRt.writeStream(client, lite.personPhoto(lite.people().byKey("a")), data(), { etag: "*", contentType: "image/png" }));
  expect(reset).toBeInstanceOf(TypeError);
  expect(reset.message).toMatch(new RegExp(`^PUT ${srv.url.replace(/\./g, "\\.")}/People\\('a'\\)/Photo: fetch failed \\(.+\\)$`));
  expect(reset.message.replace(srv.url, "")).not.toMatch(/407|stream given/);
  // A port nothing listens on: the loopback's own, once closed.
  const closed = await startLoopback();
  await closed.close();
  const refused = await rejected<Error>(liteRt.writeStream(liteRt.createClient({ baseUrl: closed.url }), lite.personPhoto(lite.people().byKey("a")), data(), { etag: "*", contentType: "image/png" }));
  expect(refused.message).toBe(`PUT ${closed.url}/People('a')/Photo: fetch failed (connect ECONNREFUSED ${closed.url.slice("http://".length)})`);
});

test("a 407 to a streamed body is still named so", async () => {
  srv.handle(() => proxyAuth);
  const data = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new Uint8Array([1, 2])), c.close()) });
  const client = liteRt.createClient({ baseUrl: srv.url });
  await expect(liteRt.writeStream(client, lite.personPhoto(lite.people().byKey("a")), data, { etag: "*", contentType: "image/png" })).rejects.toThrow(
    "fetch failed, with no reason given: Node's fetch fails so where the answer is a redirect other than 303 (301, 302, 307, 308), which it cannot follow with a streamed body (a Blob it can), or 407 Proxy Authentication Required",
  );
});

test("a fetch of your own that fails with an empty message of its own (not undici's bare Error) is a request without an answer, retried", async () => {
  srv.handle(() => ({ status: 200, body: body("s1") }));
  let calls = 0;
  const client = rt.createClient({
    baseUrl: srv.url,
    retry: { delayMs: 1 },
    fetch: (url, init) => (++calls === 1 ? Promise.reject(new TypeError("fetch failed", { cause: new Error("") })) : fetch(url, init)),
  });
  await expect(getSession(client, session("s1"))).resolves.toEqual(body("s1"));
  expect(calls).toBe(2);
});

test("a streamed body whose request never goes (getToken fails) is left as it was, unread and unlocked, to give again; a locked one rejects naming the request", async () => {
  srv.handle(() => ({ status: 204 }));
  const photo = lite.personPhoto(lite.people().byKey("a"));
  const data = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new Uint8Array([1, 2])), c.close()) });
  const failing = liteRt.createClient({ baseUrl: srv.url, getToken: () => Promise.reject(new Error("no token")) });
  await expect(liteRt.writeStream(failing, photo, data, { etag: "*", contentType: "image/png" })).rejects.toThrow("no token");
  expect(data.locked).toBe(false);
  await expect(liteRt.writeStream(liteRt.createClient({ baseUrl: srv.url }), photo, data, { etag: "*", contentType: "image/png" })).resolves.toBeUndefined();
  expect(srv.requests.map((r) => [r.method, r.url, r.body])).toEqual([["PUT", "/People('a')/Photo", "\x01\x02"]]);
  // Locked by the program: fetch refuses it, and the call's TypeError names the request.
  const locked = new ReadableStream<Uint8Array>();
  locked.getReader();
  await expect(liteRt.writeStream(liteRt.createClient({ baseUrl: srv.url }), photo, locked, { etag: "*", contentType: "image/png" })).rejects.toMatchObject({ name: "TypeError", message: `PUT ${srv.url}/People('a')/Photo: Response body object should not be disturbed or locked` });
});
