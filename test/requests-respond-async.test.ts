// Asynchronous requests (Protocol §11.6): a call (or a batch's send()) given `respondAsync` asks
// `Prefer: respond-async`, polls the status monitor a 202 Accepted names, and reads its final
// answer (`application/http`, or 4.01's result with `AsyncResult`) as the direct answer would be.
// Over real HTTP on 127.0.0.1, with the committed Graph callRecords output.
import { startLoopback, type Loopback, type Recorded, type Reply } from "./helpers/loopback";
import { holdTimeouts } from "./helpers/held-timeouts";
import { PATH, body, session } from "./helpers/batch-sessions";
import { getSession, updateSession } from "../generated/graph-callrecords/microsoft.graph.callRecords.requests";
import { validateSession } from "../generated/graph-callrecords/microsoft.graph.callRecords.validators";
import * as rt from "../generated/graph-callrecords/runtime";

let srv: Loopback;
let other: Loopback;
beforeAll(async () => {
  [srv, other] = await Promise.all([startLoopback(), startLoopback()]);
});
afterAll(async () => {
  await Promise.all([srv?.close(), other?.close()]);
});

/** A 202 Accepted naming the status monitor `location`. */
const accepted = (location: string, after?: string): Reply => ({ status: 202, headers: { location, ...(after !== undefined && { "retry-after": after }) } });
/** A status monitor's final answer: `response`, a whole HTTP response, as application/http. */
const asHttp = (response: string): Reply => ({ headers: { "content-type": "application/http" }, body: response });
/** An HTTP response message with a JSON body. */
const message = (status: string, json: unknown) => `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nrequest-id: r-9\r\n\r\n${JSON.stringify(json)}`;
/** A service that answers the first request 202, then the monitor `/m/1` with `polls` in turn (the last one again and again). */
function serve(polls: Reply[], first: Reply = accepted("/m/1", "0")): void {
  let n = 0;
  srv.handle((req) => (req.url.startsWith("/m/") ? polls[Math.min(n++, polls.length - 1)]! : first));
}
const sessionUrl = () => `${srv.url}/${PATH}/s1`;

test("a call asks respond-async, polls the monitor after each Retry-After until it is done, and resolves with the result, checked", async () => {
  // Without Retry-After the wait would be delayMs (10 minutes), cut to maxWaitMs: one poll, 30 s on, rather than two at once.
  const client = rt.createClient({ baseUrl: srv.url, getToken: () => "tok", retry: { delayMs: 600000, maxDelayMs: 600000 } });
  serve([accepted("/m/1", "0"), asHttp(message("200 OK", body("s1")))]);
  const result = await getSession(client, session("s1"), { respondAsync: rt.respondAsync({ maxWaitMs: 30000 }), validate: validateSession, headers: { prefer: "return=minimal" } });
  expect(result).toEqual(body("s1"));
  expect(srv.requests.map((r) => [r.method, r.url])).toEqual([["GET", `/${PATH}/s1`], ["GET", "/m/1"], ["GET", "/m/1"]]);
  const [call, poll] = srv.requests;
  expect(call!.headers.prefer).toBe("respond-async, return=minimal");
  expect([poll!.headers.authorization, poll!.headers.accept, poll!.headers.prefer]).toEqual(["Bearer tok", "application/http, application/json;q=0.9", "return=minimal"]);

  // The result is checked as the direct answer is.
  serve([asHttp(message("200 OK", { ...body("s1"), modalities: ["smell"] }))]);
  await expect(getSession(client, session("s1"), { respondAsync: rt.respondAsync(), validate: validateSession })).rejects.toMatchObject({ name: "ValidationFailedError", message: expect.stringContaining(`GET ${sessionUrl()}: invalid value: /modalities/0`) });
});

test("without Retry-After the polls wait the client's retry.delayMs, doubled; each 202 may name another monitor", async () => {
  const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } });
  serve([accepted("/m/2"), accepted(`${srv.url}/m/3`), asHttp(message("200 OK", body("s1")))], accepted("/m/1"));
  expect(await getSession(client, session("s1"), { respondAsync: rt.respondAsync() })).toEqual(body("s1"));
  expect(srv.requests.map((r) => r.url)).toEqual([`/${PATH}/s1`, "/m/1", "/m/2", "/m/3"]);
});

test("a failed result (404 inside application/http) rejects as the direct answer: the service's ODataError, named by the request", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  serve([asHttp(message("404 Not Found", { error: { code: "itemNotFound", message: "no such session" } }))]);
  const error = await getSession(client, session("s1"), { respondAsync: rt.respondAsync() }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(rt.ODataError);
  expect(error).toMatchObject({ status: 404, code: "itemNotFound", message: "no such session", request: `GET ${sessionUrl()}`, requestId: "r-9" });
});

test("a write asks it too; a service that answers at once, or 202 without a monitor, is read as without it", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  serve([asHttp("HTTP/1.1 204 No Content\r\n\r\n")]);
  await expect(updateSession(client, session("s1"), { modalities: ["video"] }, { respondAsync: rt.respondAsync() })).resolves.toBeUndefined();
  expect(srv.requests.map((r) => [r.method, r.url, r.headers.prefer])).toEqual([["PATCH", `/${PATH}/s1`, "respond-async"], ["GET", "/m/1", undefined]]);

  srv.handle(() => ({ body: body("s1") }));
  expect(await getSession(client, session("s1"), { respondAsync: rt.respondAsync() })).toEqual(body("s1"));
  srv.handle(() => ({ status: 202 }));
  await expect(getSession(client, session("s1"), { respondAsync: rt.respondAsync() })).rejects.toMatchObject({ status: 202, message: expect.stringContaining("202 Accepted: the service goes on") });
  expect(srv.requests).toHaveLength(1);
});

test("a redirect inside the final answer is followed as fetch follows the direct one: its relative Location resolved against the request's URL, not the monitor's", async () => {
  const client = rt.createClient({ baseUrl: srv.url, getToken: () => "tok" });
  /** Answers s1 with a redirect to `s2` (relative), directly or, asked respond-async, through the monitor. */
  const redirecting = (status: string) =>
    srv.handle((req) => {
      if (req.url === `/${PATH}/s2`) return { body: body("s2") };
      if (req.url.startsWith("/m/")) return asHttp(`HTTP/1.1 ${status}\r\nLocation: s2\r\nContent-Length: 0\r\n\r\n`);
      return req.headers.prefer?.includes("respond-async") ? accepted("/m/1", "0") : { status: Number(status.slice(0, 3)), headers: { location: "s2" } };
    });
  redirecting("302 Found");
  expect(await getSession(client, session("s1"))).toEqual(body("s2"));
  expect(srv.requests.map((r) => r.url)).toEqual([`/${PATH}/s1`, `/${PATH}/s2`]);
  redirecting("302 Found");
  expect(await getSession(client, session("s1"), { respondAsync: rt.respondAsync() })).toEqual(body("s2"));
  expect(srv.requests.map((r) => [r.method, r.url, r.headers.authorization, r.headers.prefer])).toEqual([
    ["GET", `/${PATH}/s1`, "Bearer tok", "respond-async"],
    ["GET", "/m/1", "Bearer tok", undefined],
    ["GET", `/${PATH}/s2`, "Bearer tok", undefined],
  ]);

  // A write's 303 See Other: a GET of its Location, without the body or its Content-Type, as fetch reads it.
  redirecting("303 See Other");
  await expect(updateSession(client, session("s1"), { modalities: ["video"] }, { respondAsync: rt.respondAsync() })).resolves.toEqual(body("s2"));
  const seen = srv.requests.at(-1)!;
  expect([seen.method, seen.url, seen.body, seen.headers["content-type"]]).toEqual(["GET", `/${PATH}/s2`, "", undefined]);
  redirecting("303 See Other");
  await expect(updateSession(client, session("s1"), { modalities: ["video"] })).resolves.toEqual(body("s2"));
  expect(srv.requests.map((r) => [r.method, r.url])).toEqual([["PATCH", `/${PATH}/s1`], ["GET", `/${PATH}/s2`]]);

  // To another origin: without the token and credentials, as fetch drops them there.
  const cookied = rt.createClient({ baseUrl: srv.url, getToken: () => "tok", headers: { Cookie: "s=1" } });
  serve([asHttp(`HTTP/1.1 302 Found\r\nLocation: ${other.url}/r/2\r\n\r\n`)]);
  other.handle(() => ({ body: body("s2") }));
  expect(await getSession(cookied, session("s1"), { respondAsync: rt.respondAsync() })).toEqual(body("s2"));
  expect(other.requests.map((r) => [r.url, r.headers.authorization, r.headers.cookie])).toEqual([["/r/2", undefined, undefined]]);
});

test("the GET a redirect inside the final answer leads to is retried as the request and the polls are: a 503 with Retry-After, a 504", async () => {
  const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } });
  let tries = 0;
  srv.handle((req) => {
    if (req.url.startsWith("/m/")) return asHttp("HTTP/1.1 303 See Other\r\nLocation: s2\r\nContent-Length: 0\r\n\r\n");
    if (req.url === `/${PATH}/s2`) return [{ status: 503, headers: { "retry-after": "0" } }, { status: 504 }][tries++] ?? { body: body("s2") };
    return accepted("/m/1", "0");
  });
  await expect(updateSession(client, session("s1"), { modalities: ["video"] }, { respondAsync: rt.respondAsync() })).resolves.toEqual(body("s2"));
  expect(srv.requests.map((r) => [r.method, r.url])).toEqual([["PATCH", `/${PATH}/s1`], ["GET", "/m/1"], ["GET", `/${PATH}/s2`], ["GET", `/${PATH}/s2`], ["GET", `/${PATH}/s2`]]);

  // As many times as the client's maxRetries says, then the last answer's error, named by the request.
  srv.handle((req) => (req.url.startsWith("/m/") ? asHttp("HTTP/1.1 302 Found\r\nLocation: s2\r\n\r\n") : req.url === `/${PATH}/s2` ? { status: 503 } : accepted("/m/1", "0")));
  const once = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1, maxRetries: 1 } });
  await expect(getSession(once, session("s1"), { respondAsync: rt.respondAsync() })).rejects.toMatchObject({ status: 503, request: `GET ${sessionUrl()}` });
  expect(srv.requests.map((r) => r.url)).toEqual([`/${PATH}/s1`, "/m/1", `/${PATH}/s2`, `/${PATH}/s2`]);
});

test("a redirect inside the final answer to a Location that is no http: or https: URL (data:) rejects, not read, as fetch fails the direct one", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  const location = `data:application/json,${encodeURIComponent(JSON.stringify(body("s2")))}`;
  // Alone, fetch does not follow it: a request without an answer (sent again, as a GET is).
  srv.handle(() => ({ status: 302, headers: { location } }));
  await expect(getSession(rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 0 } }), session("s1"))).rejects.toThrow(`GET ${sessionUrl()}: fetch failed (URL scheme must be a HTTP(S) scheme)`);
  serve([asHttp(`HTTP/1.1 302 Found\r\nLocation: ${location}\r\n\r\n`)]);
  await expect(getSession(client, session("s1"), { respondAsync: rt.respondAsync() })).rejects.toThrow(
    new TypeError(`GET ${sessionUrl()}: its result is a 302 redirect, with a Location that is no http: or https: URL, which fetch does not follow: ${location}`),
  );
  expect(srv.requests.map((r) => r.url)).toEqual([`/${PATH}/s1`, "/m/1"]);
});

test("a Location that is no URL, or not an http: one, rejects with a TypeError naming it, nothing polled", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  for (const location of ["http://host:99999/m", "file:///etc/passwd"]) {
    srv.handle(() => accepted(location, "0"));
    await expect(getSession(client, session("s1"), { respondAsync: rt.respondAsync() })).rejects.toThrow(new TypeError(`GET ${sessionUrl()}: 202 Accepted, but its status monitor ${location} is no http: or https: URL: not read`));
    expect(srv.requests).toHaveLength(1);
  }
});

test("a monitor on another origin is polled without the token and credentials", async () => {
  const client = rt.createClient({ baseUrl: srv.url, getToken: () => "tok", headers: { Cookie: "s=1" } });
  srv.handle(() => accepted(`${other.url}/m/9`, "0"));
  other.handle(() => asHttp(message("200 OK", body("s1"))));
  expect(await getSession(client, session("s1"), { respondAsync: rt.respondAsync() })).toEqual(body("s1"));
  expect(srv.requests[0]!.headers.authorization).toBe("Bearer tok");
  expect(other.requests.map((r) => [r.url, r.headers.authorization, r.headers.cookie])).toEqual([["/m/9", undefined, undefined]]);
});

test("a monitor that answers 200 with its own JSON, no application/http nor AsyncResult, is no result: UnreadableBody, the monitor in location", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  serve([{ body: { status: "running", percentComplete: 50 } }]);
  const error = await getSession(client, session("s1"), { respondAsync: rt.respondAsync() }).catch((e: unknown) => e);
  expect(error).toMatchObject({ status: 200, code: "UnreadableBody", location: `${srv.url}/m/1`, request: `GET ${sessionUrl()}` });
  expect((error as Error).message).toBe(
    `GET ${sessionUrl()}: 200 application/json, but the answer of its status monitor ${srv.url}/m/1 is neither the request's response as application/http nor one with an AsyncResult header (Protocol §11.6): {"status":"running","percentComplete":50}`,
  );
  // application/http that is no HTTP response.
  serve([asHttp("hello")]);
  await expect(getSession(client, session("s1"), { respondAsync: rt.respondAsync() })).rejects.toMatchObject({ code: "UnreadableBody", message: expect.stringContaining("is application/http, but no HTTP response") });
});

test("OData 4.01: a monitor's answer with AsyncResult is the result itself, its status that header's", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  serve([{ headers: { asyncresult: "200" }, body: body("s1") }]);
  expect(await getSession(client, session("s1"), { respondAsync: rt.respondAsync() })).toEqual(body("s1"));
  serve([{ headers: { asyncresult: "404" }, body: { error: { code: "itemNotFound", message: "gone" } } }]);
  await expect(getSession(client, session("s1"), { respondAsync: rt.respondAsync() })).rejects.toMatchObject({ status: 404, code: "itemNotFound", request: `GET ${sessionUrl()}` });
});

test("a monitor that never finishes: the call rejects after maxWaitMs, status 202, naming the monitor; a Retry-After past it rejects at once", async () => {
  const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 5 } });
  serve([accepted("/m/1")], accepted("/m/1"));
  const error = await getSession(client, session("s1"), { respondAsync: rt.respondAsync({ maxWaitMs: 200 }) }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(rt.ODataError);
  expect(error).toMatchObject({ status: 202, code: "202", location: `${srv.url}/m/1`, request: `GET ${sessionUrl()}` });
  expect((error as Error).message).toBe(`GET ${sessionUrl()}: 202 Accepted: the service goes on with the request asynchronously (Protocol §11.6), and not done within maxWaitMs 200 ms; its status monitor is ${srv.url}/m/1`);
  expect(srv.requests.length).toBeGreaterThan(2);

  serve([accepted("/m/1", "3600")]);
  await expect(getSession(client, session("s1"), { respondAsync: rt.respondAsync({ maxWaitMs: 60000 }) })).rejects.toMatchObject({
    status: 202,
    message: expect.stringContaining("its status monitor asks to wait 3600 s (Retry-After), past maxWaitMs 60000 ms"),
  });
  expect(srv.requests.map((r) => r.url)).toEqual([`/${PATH}/s1`, "/m/1"]);
  expect(() => rt.respondAsync({ maxWaitMs: -1 })).toThrow("respondAsync: maxWaitMs -1 is not a number of milliseconds from 0 to 2147483647");
});

test("without Retry-After the last poll goes at the deadline, its wait cut to the time left, rather than the call giving up at the last doubled delay before it", async () => {
  // Polls after 200, 400 and 800 ms (1400 in all); the next doubled delay, 1600 ms, would pass maxWaitMs: the 4th poll goes at 2000.
  const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 200, maxDelayMs: 60000 } });
  serve([accepted("/m/1"), accepted("/m/1"), accepted("/m/1"), asHttp(message("200 OK", body("s1")))], accepted("/m/1"));
  await expect(getSession(client, session("s1"), { respondAsync: rt.respondAsync({ maxWaitMs: 2000 }) })).resolves.toEqual(body("s1"));
  expect(srv.requests.map((r) => r.url)).toEqual([`/${PATH}/s1`, "/m/1", "/m/1", "/m/1", "/m/1"]);

  // Still 202 at the deadline: the call rejects after that poll, not done within maxWaitMs.
  serve([accepted("/m/1")], accepted("/m/1"));
  await expect(getSession(client, session("s1"), { respondAsync: rt.respondAsync({ maxWaitMs: 2000 }) })).rejects.toMatchObject({ status: 202, message: expect.stringContaining("not done within maxWaitMs 2000 ms") });
  expect(srv.requests.map((r) => r.url)).toEqual([`/${PATH}/s1`, "/m/1", "/m/1", "/m/1", "/m/1"]);

  // The last poll has one attempt's time past the deadline (here the call's timeoutMs): a monitor that never answers it is not waited for beyond.
  let polls = 0;
  srv.handle((req) => (!req.url.startsWith("/m/") ? accepted("/m/1") : polls++ < 3 ? accepted("/m/1") : { write: () => {} }));
  await expect(getSession(client, session("s1"), { timeoutMs: 300, respondAsync: rt.respondAsync({ maxWaitMs: 2000 }) })).rejects.toMatchObject({ status: 202, message: expect.stringContaining("not done within maxWaitMs 2000 ms") });
  expect(polls).toBeGreaterThanOrEqual(4);
});

test("a poll a Retry-After led to shortly before the deadline has one attempt's time past it, as the last poll has: its answer, coming after the deadline, is read", async () => {
  // Retry-After: 0 sends the first poll at once, well within maxWaitMs 300; the monitor answers it 800 ms later, past the deadline.
  const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 600000, maxDelayMs: 600000 } });
  serve([{ ...asHttp(message("200 OK", body("s1"))), delayMs: 800 }]);
  await expect(getSession(client, session("s1"), { timeoutMs: 5000, respondAsync: rt.respondAsync({ maxWaitMs: 300 }) })).resolves.toEqual(body("s1"));
  expect(srv.requests.map((r) => r.url)).toEqual([`/${PATH}/s1`, "/m/1"]);

  // Still 202 when that answer comes: the call rejects, not done, without another poll past the deadline.
  serve([{ ...accepted("/m/1", "0"), delayMs: 800 }]);
  await expect(getSession(client, session("s1"), { timeoutMs: 5000, respondAsync: rt.respondAsync({ maxWaitMs: 300 }) })).rejects.toMatchObject({ status: 202, message: expect.stringContaining("not done within maxWaitMs 300 ms") });
  expect(srv.requests.map((r) => r.url)).toEqual([`/${PATH}/s1`, "/m/1"]);
});

test("a poll's retry waits no further than the deadline: a 503 whose Retry-After ends past it ends the call at the deadline, not done, not sent again", async () => {
  // The first poll goes at once (Retry-After: 0), well within maxWaitMs 300; its 503 asks for 2 s (within maxDelayMs), past the deadline.
  const client = rt.createClient({ baseUrl: srv.url });
  serve([{ status: 503, headers: { "retry-after": "2" }, body: { error: { code: "busy", message: "busy" } } }, asHttp(message("200 OK", body("s1")))]);
  await expect(getSession(client, session("s1"), { respondAsync: rt.respondAsync({ maxWaitMs: 300 }) })).rejects.toMatchObject({ status: 202, location: `${srv.url}/m/1`, message: expect.stringContaining("not done within maxWaitMs 300 ms") });
  expect(srv.requests.map((r) => r.url)).toEqual([`/${PATH}/s1`, "/m/1"]);

  // A 500 answered to a poll after the deadline is the call's error as it stands, not read as the deadline's.
  serve([{ status: 500, body: { error: { code: "boom", message: "boom" } }, delayMs: 500 }]);
  await expect(getSession(client, session("s1"), { respondAsync: rt.respondAsync({ maxWaitMs: 300 }) })).rejects.toMatchObject({ status: 500, code: "boom" });
});

test("maxWaitMs 0 waits for nothing: the call rejects at the 202, naming the monitor, which is not polled (a monitor that never answers holds nothing)", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  // The monitor sends its head and never its body.
  serve([{ headers: { "content-type": "application/http" }, write: (res) => void res.write("HTTP/1.1 200 OK\r\n") }]);
  await expect(getSession(client, session("s1"), { respondAsync: rt.respondAsync({ maxWaitMs: 0 }) })).rejects.toMatchObject({
    status: 202,
    location: `${srv.url}/m/1`,
    message: `GET ${sessionUrl()}: 202 Accepted: the service goes on with the request asynchronously (Protocol §11.6), and not done within maxWaitMs 0 ms; its status monitor is ${srv.url}/m/1`,
  });
  expect(srv.requests.map((r) => r.url)).toEqual([`/${PATH}/s1`]);
});

test("an abort while polling rejects with the abort's reason; with cancelOnAbort the monitor is DELETEd", async () => {
  // Without cancelOnAbort, nothing is sent after the abort (the methods fetch was called with).
  const methods: string[] = [];
  const counted = rt.createClient({ baseUrl: srv.url, fetch: (url, init) => (methods.push(init?.method ?? "GET"), fetch(url, init)) });
  const early = new AbortController();
  srv.handle((req) => (req.url === "/m/1" && early.abort(new Error("left")), accepted("/m/1", req.url === "/m/1" ? "60" : "0")));
  await expect(getSession(counted, session("s1"), { signal: early.signal, respondAsync: rt.respondAsync() })).rejects.toThrow("left");
  await new Promise((resolve) => setImmediate(resolve));
  expect(methods).toEqual(["GET", "GET"]);

  const client = rt.createClient({ baseUrl: srv.url, getToken: () => "tok" });
  const stop = new AbortController();
  const reason = new Error("the user left");
  let deleted: (req: Recorded) => void = () => {};
  const deletion = new Promise<Recorded>((resolve) => (deleted = resolve));
  srv.handle((req) => {
    if (req.method === "DELETE") return deleted(req), { status: 204 };
    // The first poll aborts the call; the monitor asks it to wait a minute more.
    if (req.url === "/m/1") stop.abort(reason);
    return accepted("/m/1", req.url === "/m/1" ? "60" : "0");
  });
  const call = getSession(client, session("s1"), { signal: stop.signal, respondAsync: rt.respondAsync({ cancelOnAbort: true }) });
  await expect(call).rejects.toBe(reason);
  const cancel = await deletion;
  expect([cancel.url, cancel.headers.authorization]).toEqual(["/m/1", "Bearer tok"]);
});

test("cancelOnAbort's DELETE, which no one waits for, is given up after 10 s where neither the call nor the client has a timeoutMs: a monitor that never answers it holds no connection", async () => {
  // The runtime's 10 s timers are held (test/helpers/held-timeouts.ts) and run once the server has
  // the DELETE: the connection is open until then, and closes when they run, not 10 s of real time later.
  const clock = holdTimeouts(10000);
  try {
    const client = rt.createClient({ baseUrl: srv.url });
    const stop = new AbortController();
    let closed: () => void = () => {};
    let isClosed = false;
    const released = new Promise<void>((resolve) => (closed = resolve)).then(() => void (isClosed = true));
    let deleted: () => void = () => {};
    const deleting = new Promise<void>((resolve) => (deleted = resolve));
    srv.handle((req) => {
      // The DELETE is never answered: its connection closes only when the client gives it up.
      if (req.method === "DELETE") return { write: (res) => void (res.on("close", closed), deleted()) };
      if (req.url === "/m/1") stop.abort(new Error("left"));
      return accepted("/m/1", req.url === "/m/1" ? "60" : "0");
    });
    await expect(getSession(client, session("s1"), { signal: stop.signal, respondAsync: rt.respondAsync({ cancelOnAbort: true }) })).rejects.toThrow("left");
    await deleting;
    await new Promise((resolve) => setImmediate(resolve));
    expect(isClosed).toBe(false);
    // The DELETE's bound, the one 10 s timer made.
    expect(clock.fire()).toBe(1);
    await released;
    expect(srv.requests.map((r) => [r.method, r.url])).toEqual([["GET", `/${PATH}/s1`], ["GET", "/m/1"], ["DELETE", "/m/1"]]);
  } finally {
    clock.release();
  }
}, 60000);

test("a batch's send({ respondAsync }) asks it for the $batch, and its calls take the parts of the final answer", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  srv.handle((req) => {
    if (req.method === "POST") return accepted("/m/1", "0");
    const responses = [{ id: "1", status: 200, body: body("s1") }, { id: "2", status: 404, body: { error: { code: "itemNotFound", message: "no s2" } } }];
    return asHttp(message("200 OK", { responses }));
  });
  const b = rt.batch(client);
  const calls = Promise.allSettled([getSession(b, session("s1")), getSession(b, session("s2"))]);
  await b.send({ respondAsync: rt.respondAsync() });
  const [one, two] = await calls;
  expect(one).toEqual({ status: "fulfilled", value: body("s1") });
  expect(two.status === "rejected" && two.reason).toMatchObject({ status: 404, message: "no s2" });
  expect(srv.requests.map((r) => [r.method, r.url])).toEqual([["POST", "/$batch"], ["GET", "/m/1"]]);
  expect(srv.requests[0]!.headers.prefer).toBe("odata.continue-on-error, respond-async");
  expect(JSON.parse(srv.requests[0]!.body).requests.map((r: { headers?: Record<string, string> }) => r.headers?.["prefer"])).toEqual([undefined, undefined]);
});

test("a JSON batch's partial result via respond-async: the rest is read from its nextLink with a plain GET, without Prefer: respond-async", async () => {
  const client = rt.createClient({ baseUrl: srv.url, getToken: () => "tok" });
  srv.handle((req) => {
    if (req.method === "POST") return accepted("/m/1", "0");
    if (req.url === "/m/1") return asHttp(message("200 OK", { responses: [{ id: "1", status: 200, body: body("s1") }], "@odata.nextLink": "/rest/1" }));
    // A service asked respond-async here would make the rest of the responses another asynchronous job.
    return req.headers.prefer?.includes("respond-async") ? accepted("/m/2", "0") : { body: { responses: [{ id: "2", status: 200, body: body("s2") }] } };
  });
  const b = rt.batch(client);
  const calls = Promise.allSettled([getSession(b, session("s1")), getSession(b, session("s2"))]);
  await b.send({ respondAsync: rt.respondAsync(), headers: { prefer: "return=minimal" } });
  expect(await calls).toEqual([{ status: "fulfilled", value: body("s1") }, { status: "fulfilled", value: body("s2") }]);
  expect(srv.requests.map((r) => [r.method, r.url, r.headers.prefer, r.headers.authorization])).toEqual([
    ["POST", "/$batch", "odata.continue-on-error, respond-async, return=minimal", "Bearer tok"],
    ["GET", "/m/1", "return=minimal", "Bearer tok"],
    ["GET", "/rest/1", "return=minimal", "Bearer tok"],
  ]);
});

test("a batched call given its own respondAsync rejects with a TypeError (a service ignores respond-async inside a $batch), its request left out; the others go", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  srv.handle(() => ({ body: { responses: [{ id: "3", status: 200, body: body("s2") }] } }));
  const b = rt.batch(client);
  const own = getSession(b, session("s1"), { respondAsync: rt.respondAsync() });
  const atomic = b.atomic();
  const inSet = updateSession(atomic, session("s3"), { modalities: ["video"] }, { respondAsync: rt.respondAsync() });
  const other = getSession(b, session("s2"));
  const settled = Promise.allSettled([own, inSet, other]);
  await b.send();
  const [one, two, three] = await settled;
  expect(one.status === "rejected" && one.reason).toEqual(new TypeError(`GET ${sessionUrl()}: respondAsync is not a batched call's own: a service ignores respond-async on a request inside a $batch (Protocol §8.2.8.8); give it to the batch's send({ respondAsync })`));
  expect(two.status === "rejected" && two.reason).toMatchObject({ name: "TypeError", message: expect.stringContaining(`PATCH ${srv.url}/${PATH}/s3: respondAsync is not a batched call's own`) });
  expect(three).toEqual({ status: "fulfilled", value: body("s2") });
  expect(srv.requests.map((r) => [r.method, r.url, r.headers.prefer])).toEqual([["POST", "/$batch", "odata.continue-on-error"]]);
  expect(JSON.parse(srv.requests[0]!.body).requests.map((r: { id: string; url: string }) => [r.id, r.url])).toEqual([["3", `${PATH}/s2`]]);
});

test("a multipart batch via respond-async: the final answer's multipart body, its boundary in the inner Content-Type", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  const boundary = "batchresponse_7";
  const multipart = `--${boundary}\r\nContent-Type: application/http\r\n\r\n${message("200 OK", body("s1"))}\r\n--${boundary}--\r\n`;
  srv.handle((req) => (req.method === "POST" ? accepted("/m/1", "0") : asHttp(`HTTP/1.1 200 OK\r\nContent-Type: multipart/mixed; boundary=${boundary}\r\n\r\n${multipart}`)));
  const b = rt.batch(client, { format: "multipart" });
  const call = getSession(b, session("s1"));
  await b.send({ respondAsync: rt.respondAsync() });
  expect(await call).toEqual(body("s1"));
});

test("a batch holding a write: its $batch goes once, but the status monitor's polls (GETs) are retried as any", async () => {
  const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } });
  let polls = 0;
  srv.handle((req) => {
    if (req.method === "POST") return accepted("/m/1", "0");
    if (polls++ === 0) return { status: 503, headers: { "retry-after": "0" } };
    return asHttp(message("200 OK", { responses: [{ id: "1", status: 204 }] }));
  });
  const b = rt.batch(client);
  const update = updateSession(b, session("s1"), { modalities: ["video"] });
  await b.send({ respondAsync: rt.respondAsync() });
  await expect(update).resolves.toBeUndefined();
  expect(srv.requests.map((r) => [r.method, r.url])).toEqual([["POST", "/$batch"], ["GET", "/m/1"], ["GET", "/m/1"]]);

  // A redirect inside the final answer: its GET is retried as a GET, after a 504 too.
  let tries = 0;
  srv.handle((req) => {
    if (req.method === "POST") return accepted("/m/1", "0");
    if (req.url === "/m/1") return asHttp("HTTP/1.1 303 See Other\r\nLocation: /r/1\r\n\r\n");
    return tries++ === 0 ? { status: 504 } : { body: { responses: [{ id: "1", status: 204 }] } };
  });
  const redirected = rt.batch(client);
  const changed = updateSession(redirected, session("s1"), { modalities: ["video"] });
  await redirected.send({ respondAsync: rt.respondAsync() });
  await expect(changed).resolves.toBeUndefined();
  expect(srv.requests.map((r) => [r.method, r.url])).toEqual([["POST", "/$batch"], ["GET", "/m/1"], ["GET", "/r/1"], ["GET", "/r/1"]]);

  // The $batch itself answered 503 is still not sent again.
  srv.handle(() => ({ status: 503, headers: { "retry-after": "0" } }));
  const b2 = rt.batch(client);
  const again = updateSession(b2, session("s1"), { modalities: ["video"] }).catch((e: unknown) => e);
  await expect(b2.send({ respondAsync: rt.respondAsync() })).rejects.toMatchObject({ status: 503, message: expect.stringContaining("not retried, as the $batch held writes") });
  await again;
  expect(srv.requests.map((r) => r.method)).toEqual(["POST"]);
});
