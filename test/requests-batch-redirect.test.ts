// A GET answered inside a JSON batch with a redirect is followed, as fetch follows one alone: Graph
// answers a drive item's `content` in a $batch with 302 and the pre-authenticated download in
// `Location`, on another host. The call gets what that URL answers (the media, or its error), read
// without the token or the client's headers, and read again after a 429 or 503 as a GET alone is;
// a redirected request is no failure for those after it.
// Over real HTTP on 127.0.0.1.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";

const dir = generateFixture("trippin-lite.xml", "batch-redirect", { keyAsSegment: false });
const api: typeof import("./.generated/batch-redirect/Travel.Lite.requests") = require(path.join(dir, "Travel.Lite.requests"));
const rt: typeof import("./.generated/batch-redirect/runtime") = require(path.join(dir, "runtime"));

let srv: Loopback;
let files: Loopback;
beforeAll(async () => {
  [srv, files] = await Promise.all([startLoopback(), startLoopback()]);
});
afterAll(async () => {
  await Promise.all([srv?.close(), files?.close()]);
});

type Sent = { id: string; method: string; url: string };
/** Answers each batched request with `reply(request)`, by id, and any other request with `other`. */
function batchAnswers(reply: (r: Sent) => object, other: object = { status: 404 }): void {
  srv.handle((req) => {
    if (!req.url.endsWith("/$batch")) return other;
    const { requests } = JSON.parse(req.body) as { requests: Sent[] };
    return { status: 200, body: { responses: requests.map((r) => ({ id: r.id, ...reply(r) })) } };
  });
}

test("a stream read answered 302 in a batch resolves with the download, read without the token", async () => {
  const client = rt.createClient({ baseUrl: `${srv.url}/v1.0`, getToken: () => "t0k", headers: { "X-Tenant": "contoso" } });
  batchAnswers((r) => (r.url.endsWith("/Photo") ? { status: 302, headers: { Location: `${files.url}/download/photo.jpg?tempauth=eyJ0eXAi` }, body: null } : { status: 200, headers: { "content-type": "application/json" }, body: { UserName: "a" } }));
  files.handle(() => ({ status: 200, headers: { "content-type": "image/jpeg" }, body: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) }));
  const b = rt.batch(client, { inOrder: true });
  const photo = rt.readStream(b, api.personPhoto(api.people().byKey("a")), { headers: { Range: "bytes=0-3", Authorization: "Bearer own" } });
  const after = api.getPerson(b, api.people().byKey("a"), { select: ["UserName"] });
  await b.send();
  const [read, next] = await Promise.allSettled([photo, after]);
  const blob = read.status === "fulfilled" ? read.value : new Blob([]);
  expect([read.status, blob.type, [...new Uint8Array(await blob.arrayBuffer())]]).toEqual(["fulfilled", "image/jpeg", [0xff, 0xd8, 0xff, 0xd9]]);
  // The request after it ran: a redirect is no failure (inOrder would have answered it 424).
  expect(next).toMatchObject({ status: "fulfilled", value: { UserName: "a" } });
  // The call's own Range goes along, as fetch keeps it; no credentials, the call's or the client's, nor the client's headers.
  expect(files.requests.map((r) => [r.method, r.url, r.headers.authorization, r.headers["x-tenant"], r.headers.accept, r.headers.range])).toEqual([["GET", "/download/photo.jpg?tempauth=eyJ0eXAi", undefined, undefined, "*/*", "bytes=0-3"]]);
});

test("the download's error is the call's; a JSON read redirected by a relative Location is followed there", async () => {
  const client = rt.createClient({ baseUrl: `${srv.url}/v1.0` });
  // The 303's target is on the service's host.
  batchAnswers((r) => (r.url.endsWith("/Photo") ? { status: 302, headers: { location: `${files.url}/gone` } } : { status: 303, headers: { location: "/moved/People('b')" } }), { status: 200, body: { UserName: "b" } });
  files.handle(() => ({ status: 404, body: { error: { code: "itemNotFound", message: "The resource could not be found." } } }));
  const b = rt.batch(client);
  const photo = rt.readStream(b, api.personPhoto(api.people().byKey("a")));
  const person = api.getPerson(b, api.people().byKey("a"));
  await b.send();
  const [read, moved] = await Promise.allSettled([photo, person]);
  expect(read).toMatchObject({ status: "rejected", reason: { name: "ODataError", status: 404, code: "itemNotFound" } });
  expect(moved).toMatchObject({ status: "fulfilled", value: { UserName: "b" } });
  expect(srv.requests.map((r) => [r.method, r.url, r.headers.accept])).toEqual([["POST", "/v1.0/$batch", "application/json"], ["GET", "/moved/People('b')", "application/json"]]);
});

test("a redirect to a Location that is no URL, or a fetch that throws on it, fails that call only", async () => {
  batchAnswers((r) => (r.url.endsWith("/Photo") ? { status: 302, headers: { Location: "http://[bad" }, body: null } : { status: 200, headers: { "content-type": "application/json" }, body: { UserName: "a" } }));
  const b = rt.batch(rt.createClient({ baseUrl: `${srv.url}/v1.0` }));
  const photo = rt.readStream(b, api.personPhoto(api.people().byKey("a")));
  const after = api.getPerson(b, api.people().byKey("a"), { select: ["UserName"] });
  await expect(b.send()).resolves.toBeUndefined();
  const [read, next] = await Promise.allSettled([photo, after]);
  // The request named once (before, twice: `GET …/Photo: GET …/Photo: answered 302 …`).
  expect(read).toMatchObject({ status: "rejected", reason: { name: "TypeError", message: `GET ${srv.url}/v1.0/People('a')/Photo: answered 302 in the $batch, with a Location that is no URL: "http://[bad"` } });
  expect(next).toMatchObject({ status: "fulfilled", value: { UserName: "a" } });
  // A Location that is no http: or https: URL: fetch alone does not follow it (a network error), nor is it read here.
  const data = "data:image/png;base64,iVBORw0KGgo=";
  batchAnswers((r) => (r.url.endsWith("/Photo") ? { status: 302, headers: { Location: data }, body: null } : { status: 200, headers: { "content-type": "application/json" }, body: { UserName: "a" } }));
  const d = rt.batch(rt.createClient({ baseUrl: `${srv.url}/v1.0` }));
  const photo3 = rt.readStream(d, api.personPhoto(api.people().byKey("a")));
  await expect(d.send()).resolves.toBeUndefined();
  await expect(photo3).rejects.toThrow(new TypeError(`GET ${srv.url}/v1.0/People('a')/Photo: answered 302 in the $batch, with a Location that is no http: or https: URL, which fetch does not follow: "${data}"`));
  // A caller's fetch that throws (rather than rejects) on the download.
  batchAnswers((r) => (r.url.endsWith("/Photo") ? { status: 302, headers: { Location: `${files.url}/x` }, body: null } : { status: 200, headers: { "content-type": "application/json" }, body: { UserName: "a" } }));
  const thrown = new Error("no downloads here");
  const only = ((url: string, init: RequestInit) => {
    if (String(url).startsWith(files.url)) throw thrown;
    return fetch(url, init);
  }) as typeof fetch;
  const c = rt.batch(rt.createClient({ baseUrl: `${srv.url}/v1.0`, fetch: only }));
  const photo2 = rt.readStream(c, api.personPhoto(api.people().byKey("a")));
  const after2 = api.getPerson(c, api.people().byKey("a"), { select: ["UserName"] });
  await expect(c.send()).resolves.toBeUndefined();
  const [read2, next2] = await Promise.allSettled([photo2, after2]);
  expect(read2).toMatchObject({ status: "rejected", reason: thrown });
  expect(next2).toMatchObject({ status: "fulfilled", value: { UserName: "a" } });
});

test("a redirect to the service's own origin is followed with the token and the client's headers, as fetch alone keeps them there", async () => {
  srv.handle((req) => {
    if (req.url.endsWith("/$batch")) {
      const { requests } = JSON.parse(req.body) as { requests: Sent[] };
      return { status: 200, body: { responses: requests.map((r) => ({ id: r.id, status: 302, headers: { location: "/v1.0/People('b')" } })) } };
    }
    return req.headers.authorization === "Bearer t0k" ? { status: 200, body: { UserName: "b" } } : { status: 401, body: { error: { code: "InvalidAuthenticationToken", message: "no token" } } };
  });
  const b = rt.batch(rt.createClient({ baseUrl: `${srv.url}/v1.0`, getToken: () => "t0k", headers: { "X-Tenant": "contoso" } }));
  const person = api.getPerson(b, api.people().byKey("a"));
  await b.send();
  await expect(person).resolves.toMatchObject({ UserName: "b" });
  expect(srv.requests.slice(-1).map((r) => [r.method, r.url, r.headers.authorization, r.headers["x-tenant"]])).toEqual([["GET", "/v1.0/People('b')", "Bearer t0k", "contoso"]]);
  // A client that authenticates by its headers keeps its Authorization there too.
  const keyed = rt.batch(rt.createClient({ baseUrl: `${srv.url}/v1.0`, headers: { Authorization: "Bearer t0k" } }));
  const again = api.getPerson(keyed, api.people().byKey("a"));
  await keyed.send();
  await expect(again).resolves.toMatchObject({ UserName: "b" });
});

test("a header the call gives over one of the client's goes along, and of a Prefer the call's preferences only", async () => {
  const client = rt.createClient({ baseUrl: `${srv.url}/v1.0`, headers: { Prefer: 'outlook.timezone="UTC"', "X-Tenant": "contoso", "X-Region": "eu" } });
  batchAnswers(() => ({ status: 302, headers: { Location: `${files.url}/download/photo.jpg` }, body: null }));
  files.handle(() => ({ status: 200, headers: { "content-type": "image/jpeg" }, body: Buffer.from([0xff]) }));
  const b = rt.batch(client);
  const photo = rt.readStream(b, api.personPhoto(api.people().byKey("a")), { headers: { Range: "bytes=0-0", Prefer: "odata.maxpagesize=5", "X-Tenant": "fabrikam" } });
  await b.send();
  await photo;
  expect(files.requests.slice(-1).map((r) => [r.headers.range, r.headers.prefer, r.headers["x-tenant"], r.headers["x-region"]])).toEqual([["bytes=0-0", "odata.maxpagesize=5", "fabrikam", undefined]]);
});

test("a download answered 429 or 503 is read again after its Retry-After, as a GET alone is; given up, the call ends as alone, named by its own request", async () => {
  const client = rt.createClient({ baseUrl: `${srv.url}/v1.0`, retry: { delayMs: 10 } });
  const slow = (status: number) => ({ status, headers: { "Retry-After": "0" }, body: { error: { code: "TooManyRequests", message: "slow down" } } });
  const jpeg = { status: 200, headers: { "content-type": "image/jpeg" }, body: Buffer.from([0xff, 0xd9]) };
  batchAnswers(() => ({ status: 302, headers: { Location: `${files.url}/download/photo.jpg?tempauth=eyJ0eXAi` }, body: null }));
  files.handle((_req, i) => (i === 0 ? slow(429) : i === 1 ? slow(503) : jpeg));
  const b = rt.batch(client);
  const photo = rt.readStream(b, api.personPhoto(api.people().byKey("a")));
  await b.send();
  await expect(photo.then((blob) => blob.size)).resolves.toBe(2);
  expect(files.requests.map((r) => r.url)).toEqual(Array(3).fill("/download/photo.jpg?tempauth=eyJ0eXAi"));
  // Answered 503 every time: the retries run out as they do alone (fetch follows the redirect there).
  files.handle(() => slow(503));
  const c = rt.batch(client);
  const batched = rt.readStream(c, api.personPhoto(api.people().byKey("a")));
  await c.send();
  const failure = (p: Promise<unknown>) => p.then(() => Promise.reject(new Error("resolved")), (e: unknown) => e as InstanceType<typeof rt.ODataError>);
  const inside = await failure(batched);
  srv.handle(() => ({ status: 302, headers: { Location: `${files.url}/download/photo.jpg?tempauth=eyJ0eXAi` } }));
  const alone = await failure(rt.readStream(client, api.personPhoto(api.people().byKey("a"))));
  const ending = (e: InstanceType<typeof rt.ODataError>) => [e.name, e.status, e.code, e.message, e.request, e.retryAfterMs];
  expect(ending(inside)).toEqual(ending(alone));
  expect(ending(inside)).toEqual(["ODataError", 503, "TooManyRequests", "slow down: gave up after 4 attempts (maxRetries 3)", `GET ${srv.url}/v1.0/People('a')/Photo`, 0]);
});

test("a download on the service's own origin is read again with a new token; the call's signal ends the wait at once, sending nothing more", async () => {
  let n = 0;
  srv.handle((req, i) => {
    if (req.url.endsWith("/$batch")) return { status: 200, body: { responses: [{ id: "1", status: 302, headers: { location: "/v1.0/People('b')" } }] } };
    return i === 1 ? { status: 429, headers: { "retry-after": "0" } } : { status: 200, body: { UserName: "b" } };
  });
  const client = rt.createClient({ baseUrl: `${srv.url}/v1.0`, getToken: () => `t${++n}` });
  const b = rt.batch(client);
  const person = api.getPerson(b, api.people().byKey("a"));
  await b.send();
  await expect(person).resolves.toMatchObject({ UserName: "b" });
  expect(srv.requests.map((r) => [r.url, r.headers.authorization])).toEqual([["/v1.0/$batch", "Bearer t1"], ["/v1.0/People('b')", "Bearer t2"], ["/v1.0/People('b')", "Bearer t3"]]);
  batchAnswers(() => ({ status: 302, headers: { Location: `${files.url}/download/photo.jpg` }, body: null }));
  files.handle(() => ({ status: 429, headers: { "Retry-After": "30" } }));
  const ac = new AbortController();
  const reason = new Error("the user left");
  const c = rt.batch(client);
  const photo = rt.readStream(c, api.personPhoto(api.people().byKey("a")), { signal: ac.signal });
  await c.send();
  while (files.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  const started = Date.now();
  ac.abort(reason);
  await expect(photo).rejects.toBe(reason);
  expect(Date.now() - started).toBeLessThan(1000);
  expect(files.requests).toHaveLength(1);
});

test("a JSON read redirected to an address answering 204 No Content rejects as alone: the metadata says it cannot be null", async () => {
  const client = rt.createClient({ baseUrl: `${srv.url}/v1.0` });
  batchAnswers(() => ({ status: 302, headers: { Location: `${files.url}/empty` }, body: null }));
  files.handle(() => ({ status: 204 }));
  const b = rt.batch(client);
  const person = api.getPerson(b, api.people().byKey("a")).catch((e: unknown) => e);
  await b.send();
  srv.handle(() => ({ status: 302, headers: { Location: `${files.url}/empty` } }));
  const alone = await api.getPerson(client, api.people().byKey("a")).catch((e: unknown) => e);
  expect(await person).toMatchObject({ name: "ODataError", status: 204, message: (alone as Error).message });
});

test("a caller's fetch that answers the download with an object having text() alone, as it may alone, resolves the call", async () => {
  batchAnswers(() => ({ status: 302, headers: { location: `${files.url}/moved` } }));
  // A hand-made answer with `text()` and `headers.get` only: what a call alone reads JSON with.
  const answer = { ok: true, status: 200, statusText: "OK", headers: { get: (n: string) => (n === "content-type" ? "application/json" : null) }, text: async () => JSON.stringify({ UserName: "b" }) };
  const fetch = (url: string | URL | Request, init?: RequestInit) => (String(url).endsWith("/$batch") ? globalThis.fetch(url, init) : Promise.resolve(answer as unknown as Response));
  const b = rt.batch(rt.createClient({ baseUrl: `${srv.url}/v1.0`, fetch, retry: { maxRetries: 0 } }));
  const person = api.getPerson(b, api.people().byKey("a"));
  await b.send();
  await expect(person).resolves.toMatchObject({ UserName: "b" });
});
