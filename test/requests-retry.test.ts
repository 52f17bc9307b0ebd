// What the generated client sends again over real HTTP on 127.0.0.1, beyond 429 and 503: a safe
// request (a GET: read, list, next page, $count, function, stream) also on a 504 and on no answer
// (the connection reset or refused); a write (POST, PATCH, PUT, DELETE, an action, $ref) never on
// those, as it may have reached the service; a $batch of reads as a GET. Same backoff, limits, abort
// and messages as 429/503.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { failure } from "./helpers/rejection";
import { startLoopback, type Loopback } from "./helpers/loopback";

const dir = generateFixture("trippin-lite.xml", "client-retry", { keyAsSegment: false });
type Api = typeof import("./.generated/client-retry/Travel.Lite.requests");
type Runtime = typeof import("./.generated/client-retry/runtime");
const api: Api = require(path.join(dir, "Travel.Lite.requests"));
const rt: Runtime = require(path.join(dir, "runtime"));
type ODataError = InstanceType<Runtime["ODataError"]>;
type Client = ReturnType<Runtime["createClient"]>;

const person = (name: string) => ({ UserName: name, FirstName: name.toUpperCase(), Age: 30, Emails: [] });
let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

const a = () => api.people().byKey("a");
/** One call of each kind the runtime sends as a GET. */
const reads: [string, (client: Client) => Promise<unknown>][] = [
  ["an entity", (c) => api.getPerson(c, a())],
  ["a list", (c) => api.listAirlines(c, api.airlines())],
  ["a next page", (c) => rt.readLink(c, "Airlines?$skiptoken=2")],
  ["$count", (c) => rt.count(c, api.airlines())],
  ["a function", (c) => api.getNearestAirport(c, { lat: 1, lon: 2 })],
  ["a stream", (c) => rt.readStream(c, api.personPhoto(a()))],
];
/** One call of each kind of write. */
const writes: [string, string, (client: Client) => Promise<unknown>][] = [
  ["an update", "PATCH", (c) => api.updatePerson(c, a(), { FirstName: "A" }, { etag: "*" })],
  ["a replace", "PUT", (c) => api.updatePerson(c, a(), person("a"), { replace: true, etag: "*" })],
  ["a create", "POST", (c) => api.createAirline(c, api.airlines(), { AirlineCode: "ZZ", Name: "Zed" })],
  ["a delete", "DELETE", (c) => api.deletePerson(c, a(), { etag: "*" })],
  ["an action", "POST", (c) => api.shareTrip(c, a(), { userName: "b", tripId: 1 })],
  ["a $ref", "POST", (c) => rt.addRef(c, api.personFriends(a()), api.people().byKey("b"))],
  ["a stream write", "PUT", (c) => rt.writeStream(c, api.personPhoto(a()), new Uint8Array([1, 2]), { etag: "*" })],
];
/** What a read gets once it gets through: enough of each for its call to resolve. */
const answer = (url: string) =>
  url.endsWith("$count")
    ? { headers: { "content-type": "text/plain" }, body: "3" }
    : url.endsWith("/Photo")
      ? { headers: { "content-type": "image/png" }, body: "png" }
      : url.includes("Airlines")
        ? { body: { value: [] } }
        : { body: person("a") };

describe("a connection reset", () => {
  test.each(reads)("%s (a GET) is sent again, and then resolves", async (_kind, call) => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } });
    srv.handle((r, i) => (i < 2 ? { reset: true } : answer(r.url)));
    await expect(call(client)).resolves.toBeDefined();
    expect(srv.requests).toHaveLength(3);
    expect(new Set(srv.requests.map((r) => `${r.method} ${r.url}`)).size).toBe(1);
  });

  test.each(writes)("%s (%s) is not sent again: it may have reached the service; a GET in its place is", async (_kind, method, call) => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } });
    srv.handle((r, i) => (r.method === "GET" && i > 1 ? answer(r.url) : { reset: true }));
    const err = await failure(call(client));
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toMatch(new RegExp(`^${method} http://127\\.0\\.0\\.1:\\d+/\\S+: fetch failed \\(read ECONNRESET\\)$`));
    expect(err.cause).toMatchObject({ name: "TypeError", message: "fetch failed" });
    expect(srv.requests.map((r) => r.method)).toEqual([method]);
    await api.getPerson(client, a());
    expect(srv.requests.map((r) => r.method)).toEqual([method, "GET", "GET"]);
  });

  test("a write's reset after a 429 retry names the attempt it came on, as another error does", async () => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } });
    srv.handle((_r, i) => (i === 0 ? { status: 429 } : { reset: true }));
    const err = await failure(api.updatePerson(client, a(), { FirstName: "A" }, { etag: "*" }));
    expect(err.message).toBe(`PATCH ${srv.url}/People('a'): fetch failed (read ECONNRESET): on attempt 2, after 1 retry`);
    expect(srv.requests).toHaveLength(2);
  });

  test("once the retries run out, the TypeError names the request, the reason and the attempts; fetch's error is its cause", async () => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 2, delayMs: 1 } });
    srv.handle(() => ({ reset: true }));
    const err = await failure(api.getPerson(client, a()));
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toBe(`GET ${srv.url}/People('a'): fetch failed (read ECONNRESET): gave up after 3 attempts (maxRetries 2)`);
    expect(err.cause).toMatchObject({ name: "TypeError", message: "fetch failed", cause: { code: "ECONNRESET" } });
    expect(srv.requests).toHaveLength(3);
  });

  test("another error after a reset names the attempt it came on", async () => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } });
    srv.handle((_r, i) => (i === 0 ? { reset: true } : { status: 404, body: { error: { code: "NotFound", message: "no such person" } } }));
    const err = (await failure(api.getPerson(client, a()))) as unknown as ODataError;
    expect([err.status, err.message]).toEqual([404, "no such person: on attempt 2, after 1 retry"]);
  });

  test("an abort while waiting to send it again rejects at once with the signal's reason", async () => {
    const ac = new AbortController();
    // Aborted once fetch has rejected, while the client waits its minute to send the request again.
    const abortAfter = (e: unknown) => (setTimeout(() => ac.abort(new Error("user left")), 20), Promise.reject(e));
    const client = rt.createClient({ baseUrl: srv.url, fetch: (url, init) => fetch(url, init).catch(abortAfter), retry: { delayMs: 60000 } });
    srv.handle(() => ({ reset: true }));
    await expect(api.listAirlines(client, api.airlines(), { signal: ac.signal })).rejects.toThrow("user left");
    expect(srv.requests).toHaveLength(1);
  });

  test("maxRetries: 0 turns it off: the reset a default client gets past rejects at once", async () => {
    srv.handle((r, i) => (i === 0 ? { reset: true } : answer(r.url)));
    await expect(api.getPerson(rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } }), a())).resolves.toMatchObject({ UserName: "a" });
    expect(srv.requests).toHaveLength(2);
    srv.handle((r, i) => (i === 0 ? { reset: true } : answer(r.url)));
    const err = await failure(api.getPerson(rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 0 } }), a()));
    expect(err.message).toBe(`GET ${srv.url}/People('a'): fetch failed (read ECONNRESET)`);
    expect(srv.requests).toHaveLength(1);
  });
});

describe("a connection lost before the end of a success's body", () => {
  /** The answer `answer` gives, cut halfway through its body. */
  const cut = (url: string) => ({ ...answer(url), cut: true });
  const trip = { TripId: 1, Name: "t" };
  /** Each write whose answer's body is read, and the 2xx it gets. */
  const reading: [string, string, (client: Client) => Promise<unknown>, { status?: number; body: unknown }][] = [
    ["a create", "POST", (c) => api.createAirline(c, api.airlines(), { AirlineCode: "ZZ", Name: "Zed" }), { status: 201, body: { AirlineCode: "ZZ", Name: "Zed" } }],
    ["an update", "PATCH", (c) => api.updatePerson(c, a(), { FirstName: "A" }, { etag: "*", prefer: "return=representation" }), { body: person("a") }],
    ["an action", "POST", (c) => api.copyTrip(c, api.personTrips(a()).byKey(1)), { body: trip }],
    ["a media create", "POST", (c) => rt.createMedia(c, api.documents(), new Uint8Array([1, 2])), { status: 201, body: { Id: 1 } }],
    ["a batch holding a write", "POST", (c) => sendBatch(c), { body: { responses: [{ id: "1", status: 204 }] } }],
  ];
  /** A JSON batch of one write (one of reads only is sent again: see "a $batch" below). */
  async function sendBatch(client: Client): Promise<unknown> {
    const b = rt.batch(client);
    const got = api.deletePerson(b, a(), { etag: "*" });
    got.catch(() => {});
    await b.send();
    return got;
  }
  const sameUrl = (url: string) => url.replace(/\./g, "\\.");

  test.each(reads)("%s (a GET) is sent again, and then resolves", async (_kind, call) => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } });
    srv.handle((r, i) => (i < 2 ? cut(r.url) : answer(r.url)));
    await expect(call(client)).resolves.toBeDefined();
    expect(srv.requests).toHaveLength(3);
    expect(new Set(srv.requests.map((r) => `${r.method} ${r.url}`)).size).toBe(1);
  });

  test.each(reading)("%s (%s) is not sent again, and rejects with a TypeError naming the request, the status it got and the reason", async (_kind, method, call, reply) => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } });
    srv.handle(() => ({ ...reply, cut: true }));
    const err = await failure(call(client));
    expect(err).toBeInstanceOf(TypeError);
    // The status came: the write was done, which the message tells (sending it again could repeat it).
    expect(err.message).toMatch(new RegExp(`^${method} ${sameUrl(srv.url)}/\\S+: answered ${reply.status ?? 200}, its body cut short: terminated \\(.+\\)$`));
    expect(err.cause).toMatchObject({ name: "TypeError", message: "terminated" });
    expect(srv.requests.map((r) => r.method)).toEqual([method]);
  });

  test("once the retries run out, the TypeError names the request and the attempts", async () => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 1, delayMs: 1 } });
    srv.handle((r) => cut(r.url));
    const err = await failure(api.getPerson(client, a()));
    expect(err.message).toMatch(new RegExp(`^GET ${sameUrl(srv.url)}/People\\('a'\\): answered 200, its body cut short: terminated \\(.+\\): gave up after 2 attempts \\(maxRetries 1\\)$`));
    expect(srv.requests).toHaveLength(2);
  });

  test("an error answer whose body is cut short is the service's error, its message what came and that the body was cut short", async () => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } });
    srv.handle(() => ({ status: 500, body: { error: { code: "Boom", message: "the database is down" } }, cut: true }));
    const read = (await failure(api.getPerson(client, a()))) as unknown as ODataError;
    expect(read).toBeInstanceOf(rt.ODataError);
    // Half the JSON came: not an OData error, so its excerpt.
    expect([read.status, read.code, read.body, read.request]).toEqual([500, "500", '{"error":{"code":"Boom","mess', `GET ${srv.url}/People('a')`]);
    expect(read.message).toMatch(/^\{"error":\{"code":"Boom","mess: its body cut short: terminated \(.+\)$/);
    expect(srv.requests).toHaveLength(1);
    srv.handle(() => ({ status: 412, body: "the ETag is not current", cut: true }));
    const write = (await failure(api.updatePerson(client, a(), { FirstName: "A" }, { etag: "W/1" }))) as unknown as ODataError;
    expect([write.status, write.request]).toEqual([412, `PATCH ${srv.url}/People('a')`]);
    expect(write.message).toMatch(/^the ETag is: its body cut short: terminated \(.+\)$/);
  });

  test("a caller's fetch whose answer reads its body only through text(): a read that fails is the same lost answer", async () => {
    let calls = 0;
    const body = JSON.stringify(person("a"));
    const handMade = async () => ({
      ok: true, status: 200, statusText: "OK", headers: new Headers({ "content-type": "application/json" }),
      text: async () => (calls++ === 0 ? Promise.reject(new TypeError("terminated")) : body),
    });
    const client = rt.createClient({ baseUrl: "https://svc.example", fetch: handMade as unknown as typeof fetch, retry: { delayMs: 1 } });
    await expect(api.getPerson(client, a())).resolves.toMatchObject({ UserName: "a" });
    expect(calls).toBe(2);
  });
});

describe("a caller's fetch whose answers read their bodies only through text()", () => {
  test("a 503 is sent again (its body is read through text() before the wait), then resolves", async () => {
    const body = JSON.stringify(person("a"));
    const asked: string[] = [];
    const handMade = async (url: string) => {
      asked.push(url);
      const [ok, status, statusText] = asked.length === 1 ? [false, 503, "Service Unavailable"] : [true, 200, "OK"];
      return { ok, status, statusText, headers: new Headers({ "content-type": "application/json" }), text: async () => (ok ? body : "busy") };
    };
    const client = rt.createClient({ baseUrl: "https://svc.example", fetch: handMade as unknown as typeof fetch, retry: { delayMs: 1 } });
    await expect(api.getPerson(client, a())).resolves.toMatchObject({ UserName: "a" });
    expect(asked).toEqual(["https://svc.example/People('a')", "https://svc.example/People('a')"]);
  });

  test("an error answer whose text() rejects is the service's error, its message saying the body was cut short", async () => {
    const handMade = async () => ({ ok: false, status: 500, statusText: "Internal Server Error", headers: new Headers(), text: () => Promise.reject(new TypeError("terminated")) });
    const client = rt.createClient({ baseUrl: "https://svc.example", fetch: handMade as unknown as typeof fetch });
    const err = (await failure(api.getPerson(client, a()))) as unknown as ODataError;
    expect([err.status, err.message]).toEqual([500, "500 Internal Server Error: its body cut short: terminated"]);
  });

  test("a JSON $batch's answer is read through text() too", async () => {
    const body = JSON.stringify({ responses: [{ id: "1", status: 200, headers: { "content-type": "application/json" }, body: person("a") }] });
    const handMade = async () => ({ ok: true, status: 200, statusText: "OK", headers: new Headers({ "content-type": "application/json" }), text: async () => body });
    const b = rt.batch(rt.createClient({ baseUrl: "https://svc.example", fetch: handMade as unknown as typeof fetch }));
    const got = api.getPerson(b, a());
    await b.send();
    await expect(got).resolves.toMatchObject({ UserName: "a" });
  });
});

describe("504 Gateway Timeout", () => {
  const timeout = { status: 504, body: { error: { code: "GatewayTimeout", message: "the backend did not answer" } } };

  test("a GET is sent again (its Retry-After honoured) and resolves; a PATCH is not", async () => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 60000 } });
    srv.handle((r, i) => (i === 0 ? { ...timeout, headers: { "retry-after": "0" } } : answer(r.url)));
    await expect(api.getPerson(client, a())).resolves.toMatchObject({ UserName: "a" });
    expect(srv.requests).toHaveLength(2);
    srv.handle(() => timeout);
    const err = (await failure(api.updatePerson(client, a(), { FirstName: "A" }, { etag: "*" }))) as unknown as ODataError;
    expect([err.status, err.code, err.message, err.request]).toEqual([504, "GatewayTimeout", "the backend did not answer", `PATCH ${srv.url}/People('a')`]);
    expect(srv.requests).toHaveLength(1);
  });

  test("once the retries run out, the service's error says so; maxRetries: 0 sends it once", async () => {
    srv.handle(() => timeout);
    const err = (await failure(api.listAirlines(rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 1, delayMs: 1 } }), api.airlines()))) as unknown as ODataError;
    expect([err.status, err.message]).toEqual([504, "the backend did not answer: gave up after 2 attempts (maxRetries 1)"]);
    expect(srv.requests).toHaveLength(2);
    srv.handle((r, i) => (i === 0 ? timeout : answer(r.url)));
    const once = (await failure(api.listAirlines(rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 0 } }), api.airlines()))) as unknown as ODataError;
    expect([once.status, once.message]).toEqual([504, "the backend did not answer"]);
    expect(srv.requests).toHaveLength(1);
  });
});

describe("a $batch", () => {
  const batchAnswer = (r: { body: string }) => ({ body: { responses: JSON.parse(r.body).requests.map(({ id }: { id: string }) => ({ id, status: 200, body: person("a") })) } });

  test("of reads only is sent again after a reset, a 504 or an answer cut short, as its GETs alone would be; one holding a write is not", async () => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } });
    srv.handle((r, i) => (i === 0 ? { reset: true } : i === 1 ? { status: 504 } : i === 2 ? { ...batchAnswer(r), cut: true } : batchAnswer(r)));
    const b = rt.batch(client);
    const reads = Promise.allSettled([api.getPerson(b, a()), api.getPerson(b, api.people().byKey("b"))]);
    await b.send();
    expect((await reads).map((c) => c.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(srv.requests.map((r) => r.url)).toEqual(Array(4).fill("/$batch"));
    expect(new Set(srv.requests.map((r) => r.body)).size).toBe(1);
    srv.handle((r, i) => (i === 0 ? { reset: true } : batchAnswer(r)));
    const w = rt.batch(client);
    const calls = Promise.allSettled([api.getPerson(w, a()), api.deletePerson(w, a(), { etag: "*" })]);
    const sent = await w.send().catch((e: unknown) => e);
    expect([sent instanceof TypeError, (sent as Error).message]).toEqual([true, expect.stringMatching(/^POST .*\/\$batch: fetch failed/)]);
    expect((await calls).map((c) => c.status === "rejected" && c.reason)).toEqual([sent, sent]);
    expect(srv.requests).toHaveLength(1);
  });
});

describe("a request fetch refuses to send", () => {
  /** A client whose fetch is Node's, counting its calls. */
  const counting = (options: Partial<Parameters<Runtime["createClient"]>[0]>) => {
    const calls: string[] = [];
    const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 }, ...options, fetch: (url, init) => (calls.push(String(url)), fetch(url, init)) });
    return { client, calls };
  };

  test.each([
    ["a header value with a line break", { headers: { "X-Note": "a\nb" } }, /: Headers\.append: "a\nb" is an invalid header value\.$/],
    ["a token past U+00FF", { getToken: () => "t€" }, /: Cannot convert argument to a ByteString/],
    ["a URL Node's fetch cannot parse", { baseUrl: "http://[odata" }, /^GET http:\/\/\[odata\/People\('a'\): Failed to parse URL from http:\/\/\[odata\/People\('a'\) \(Invalid URL\)$/],
    ["a URL with credentials", { baseUrl: "http://u:p@127.0.0.1:9" }, /^GET http:\/\/u:p@127\.0\.0\.1:9\/People\('a'\): Request cannot be constructed from a URL that includes credentials/],
    ["a port fetch blocks", { baseUrl: "http://127.0.0.1:6000" }, /^GET http:\/\/127\.0\.0\.1:6000\/People\('a'\): fetch failed \(bad port\)$/],
  ])("%s: a GET rejects at once, not sent again, as sending again cannot mend it", async (_kind, options, message) => {
    srv.handle((r) => answer(r.url));
    const { client, calls } = counting(options);
    const err = await failure(api.getPerson(client, a()));
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toMatch(message);
    expect(calls).toHaveLength(1);
    expect(srv.requests).toHaveLength(0);
  });

  test("a reset through the same counting fetch is still sent again", async () => {
    srv.handle((r, i) => (i === 0 ? { reset: true } : answer(r.url)));
    const { client, calls } = counting({});
    await expect(api.getPerson(client, a())).resolves.toMatchObject({ UserName: "a" });
    expect(calls).toHaveLength(2);
  });
});
