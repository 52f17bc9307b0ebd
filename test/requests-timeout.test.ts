// The client's `timeoutMs` over real HTTP on 127.0.0.1: an attempt not answered (its body not read,
// a stream's head not come) in time is a request without an answer, a TypeError naming it; a GET is
// sent again as `retry` says, a write is not; the call's own signal still aborts with its reason.
import { getEventListeners } from "node:events";
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { failure } from "./helpers/rejection";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { holdTimeouts, type HeldTimeouts } from "./helpers/held-timeouts";

const dir = generateFixture("trippin-lite.xml", "client-timeout", { keyAsSegment: false });
type Api = typeof import("./.generated/client-timeout/Travel.Lite.requests");
type Runtime = typeof import("./.generated/client-timeout/runtime");
const api: Api = require(path.join(dir, "Travel.Lite.requests"));
const rt: Runtime = require(path.join(dir, "runtime"));

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

const a = () => api.people().byKey("a");
const person = { UserName: "a", FirstName: "A", Age: 30, Emails: [] };
/** An answer that does not come (within any test's time). */
const never = { delayMs: 60_000, body: person };
const client = (timeoutMs: number, maxRetries = 1) => rt.createClient({ baseUrl: srv.url, timeoutMs, retry: { maxRetries, delayMs: 1 } });

// The tests whose outcome turns on when the limit passes (after the server has a request, after an
// answer's head has come) hold the runtime's 150 ms timers and let them run out at that moment
// (helpers/held-timeouts.ts): on a loaded machine a real 150 ms could pass before the head came.
// The others, whose answer never comes, run on real time.
let clock: HeldTimeouts | undefined;
afterEach(() => {
  clock?.release();
  clock = undefined;
});
/** A client whose attempts' 150 ms run out only when the test says (`clock.fire()`). */
function heldClient(maxRetries = 1, fetchFn?: typeof fetch) {
  clock = holdTimeouts(150);
  return rt.createClient({ baseUrl: srv.url, timeoutMs: 150, retry: { maxRetries, delayMs: 1 }, ...(fetchFn && { fetch: fetchFn }) });
}
/** fetch, whose attempt's time runs out just after its answer's head has come (once the call is reading the body). */
const headThenTimeout: typeof fetch = async (url, init) => {
  const response = await fetch(url, init);
  setImmediate(() => clock!.fire());
  return response;
};

test("a GET not answered in time is sent again, then rejects naming the request, the limit and the attempts", async () => {
  // Each attempt's time runs out once the server has it: on a loaded machine a real 150 ms could
  // pass before the server (on this same event loop) had read the request.
  const sent: string[] = [];
  const counting: typeof fetch = (url, init) => (sent.push(String(url)), fetch(url, init));
  const c = heldClient(1, counting);
  srv.handle(() => (clock!.fire(), never));
  const err = await failure(api.getPerson(c, a()));
  expect(err).toBeInstanceOf(TypeError);
  expect(err.message).toBe(`GET ${srv.url}/People('a'): timed out after 150 ms (the client's timeoutMs): gave up after 2 attempts (maxRetries 1)`);
  expect(err.cause).toMatchObject({ name: "TimeoutError" });
  expect(sent).toEqual([`${srv.url}/People('a')`, `${srv.url}/People('a')`]);
  expect(srv.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["GET /People('a')", "GET /People('a')"]);
});

test("a caller's fetch that does not heed the signal: the call settles all the same, timed out or aborted", async () => {
  srv.handle(() => never);
  const deaf: typeof fetch = (url, init) => fetch(url, { ...init, signal: null });
  const c = rt.createClient({ baseUrl: srv.url, timeoutMs: 150, retry: { maxRetries: 1, delayMs: 1 }, fetch: deaf });
  const err = await failure(api.getPerson(c, a()));
  expect(err.message).toBe(`GET ${srv.url}/People('a'): timed out after 150 ms (the client's timeoutMs): gave up after 2 attempts (maxRetries 1)`);
  const ac = new AbortController();
  const reason = new Error("user left");
  setTimeout(() => ac.abort(reason), 20);
  await expect(api.getPerson(rt.createClient({ baseUrl: srv.url, fetch: deaf }), a(), { signal: ac.signal })).rejects.toBe(reason);
}, 30_000);

test("a GET answered in time on its second attempt resolves", async () => {
  const c = heldClient();
  // The first attempt's time runs out once the server has it; the second's never does.
  srv.handle((_r, i) => (i === 0 ? (clock!.fire(), never) : { body: person }));
  await expect(api.getPerson(c, a())).resolves.toMatchObject({ UserName: "a" });
  expect(srv.requests).toHaveLength(2);
  expect(clock!.made()).toBe(2);
});

test("a write not answered in time is not sent again: it may have reached the service", async () => {
  // Its time runs out once the server has it (a write sent again would be timed out the same way).
  const c = heldClient(3);
  srv.handle(() => (clock!.fire(), never));
  const err = await failure(api.updatePerson(c, a(), { FirstName: "B" }, { etag: "*" }));
  expect(err.message).toBe(`PATCH ${srv.url}/People('a'): timed out after 150 ms (the client's timeoutMs)`);
  expect(srv.requests.map((r) => r.method)).toEqual(["PATCH"]);
});

test("a body that stops coming counts: the head alone is no answer", async () => {
  srv.handle(() => ({ headers: { "content-type": "application/json" }, write: (res) => res.write(`{"UserName":`) }));
  const err = await failure(api.getPerson(heldClient(0, headThenTimeout), a()));
  expect(err.message).toBe(`GET ${srv.url}/People('a'): answered 200, its body cut short: timed out after 150 ms (the client's timeoutMs)`);
});

test("an error answer's body that stops coming counts too, and the service's error says so", async () => {
  srv.handle(() => ({ status: 404, headers: { "content-type": "application/json" }, write: (res) => res.write(`{"error":`) }));
  const err = await failure(api.getPerson(heldClient(0, headThenTimeout), a()));
  expect([(err as unknown as { status: number }).status, err.message]).toEqual([404, `{"error":: its body cut short: timed out after 150 ms`]);
});

test("a stream's limit is its head: a body slower than timeoutMs comes whole", async () => {
  let rest: (() => void) | undefined;
  srv.handle(() => ({
    headers: { "content-type": "image/png" },
    write: (res) => {
      res.write("a");
      rest = () => res.end("b");
    },
  }));
  const opened = await rt.openStream(heldClient(), api.personPhoto(a()));
  // The time runs out once the head has come, then the rest of the body comes.
  clock!.fire();
  rest!();
  expect(await new Response(opened.body).text()).toBe("ab");
  expect(clock!.made()).toBe(1);
});

test("the call's own signal still aborts with its reason", async () => {
  const ac = new AbortController();
  const reason = new Error("user left");
  // Aborted once the server has the request (20 ms after the call could be before it, under load).
  srv.handle(() => (ac.abort(reason), never));
  await expect(api.getPerson(client(60_000), a(), { signal: ac.signal })).rejects.toBe(reason);
  expect(srv.requests).toHaveLength(1);
});

test("each attempt's clock is stopped once it is answered, and lets go of the call's signal", async () => {
  const timers: unknown[] = [];
  const stopped: unknown[] = [];
  const set = jest.spyOn(global, "setTimeout").mockImplementation(((fn: () => void, ms?: number) => {
    const t = { fn, ms };
    timers.push(t);
    return t;
  }) as unknown as typeof setTimeout);
  const clear = jest.spyOn(global, "clearTimeout").mockImplementation(((t: unknown) => void stopped.push(t)) as typeof clearTimeout);
  try {
    const ac = new AbortController();
    const answered = async () => new Response(JSON.stringify(person), { headers: { "content-type": "application/json" } });
    const c = rt.createClient({ baseUrl: "https://svc.example", timeoutMs: 30_000, fetch: answered });
    await api.getPerson(c, a(), { signal: ac.signal });
    expect(timers.map((t) => (t as { ms: number }).ms)).toEqual([30_000]);
    expect(stopped).toEqual(timers);
    expect(getEventListeners(ac.signal, "abort")).toHaveLength(0);
  } finally {
    set.mockRestore();
    clear.mockRestore();
  }
});

test.each([0, -1, Number.NaN, 2 ** 31])("createClient refuses timeoutMs %p", (timeoutMs) => {
  expect(() => rt.createClient({ baseUrl: "https://svc.example", timeoutMs })).toThrow(`createClient: timeoutMs ${timeoutMs} is not a number of milliseconds from 1 to 2147483647`);
});

describe("a call's own timeoutMs", () => {
  test("bounds each attempt of that call, in a client without one, and replaces the client's", async () => {
    srv.handle(() => never);
    const none = rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 0 } });
    const err = await failure(api.getPerson(none, a(), { timeoutMs: 100 }));
    expect(err.message).toBe(`GET ${srv.url}/People('a'): timed out after 100 ms (the call's timeoutMs)`);
    const long = await failure(api.deletePerson(client(60_000, 0), a(), { etag: "*", timeoutMs: 100 }));
    expect(long.message).toBe(`DELETE ${srv.url}/People('a'): timed out after 100 ms (the call's timeoutMs)`);
  });

  test("one that is not from 1 to 2147483647 rejects the call, naming it, before anything is sent", async () => {
    const sent = srv.requests.length;
    for (const bad of [0, -1, Number.NaN, 2 ** 31]) {
      const err = await failure(api.getPerson(client(150), a(), { timeoutMs: bad }));
      expect([err instanceof TypeError, err.message]).toEqual([true, `GET ${srv.url}/People('a'): timeoutMs ${bad} is not a number of milliseconds from 1 to 2147483647`]);
    }
    expect(srv.requests).toHaveLength(sent);
  });
});
