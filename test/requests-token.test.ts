// The client's `getToken` is part of each attempt: it is given the attempt's signal, and a token
// that does not come is ended by `timeoutMs` (a request without an answer) or by the call's signal.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { failure } from "./helpers/rejection";
import { startLoopback, type Loopback } from "./helpers/loopback";

const dir = generateFixture("trippin-lite.xml", "client-token", { keyAsSegment: false });
type Api = typeof import("./.generated/client-token/Travel.Lite.requests");
type Runtime = typeof import("./.generated/client-token/runtime");
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

/** A getToken that never answers, and the signals it was given. */
function stuck() {
  const signals: AbortSignal[] = [];
  const getToken = ({ signal }: { signal: AbortSignal }) => {
    signals.push(signal);
    return new Promise<string>(() => {});
  };
  return { signals, getToken };
}

test("a token that does not come within timeoutMs is an attempt without an answer: a GET is tried again, then rejects", async () => {
  srv.handle(() => ({ body: person }));
  const { signals, getToken } = stuck();
  const c = rt.createClient({ baseUrl: srv.url, timeoutMs: 100, getToken, retry: { maxRetries: 1, delayMs: 1 } });
  const err = await failure(api.getPerson(c, a()));
  expect(err).toBeInstanceOf(TypeError);
  expect(err.message).toBe(`GET ${srv.url}/People('a'): waiting for getToken: timed out after 100 ms (the client's timeoutMs): gave up after 2 attempts (maxRetries 1)`);
  expect(signals.map((s) => s.aborted)).toEqual([true, true]);
  expect(srv.requests).toHaveLength(0);
});

test("the call's signal ends the wait for a token with its reason, and aborts the signal getToken was given", async () => {
  const { signals, getToken } = stuck();
  const c = rt.createClient({ baseUrl: srv.url, getToken });
  const ac = new AbortController();
  const reason = new Error("shutting down");
  const call = api.getPerson(c, a(), { signal: ac.signal });
  await new Promise((r) => setImmediate(r));
  expect(signals).toHaveLength(1);
  ac.abort(reason);
  await expect(call).rejects.toBe(reason);
  expect(signals[0].aborted).toBe(true);
  expect(signals[0].reason).toBe(reason);
});

test("a getToken that takes no argument, or throws, works as before", async () => {
  srv.handle(() => ({ body: person }));
  const before = srv.requests.length;
  await expect(api.getPerson(rt.createClient({ baseUrl: srv.url, getToken: () => "t1" }), a())).resolves.toMatchObject({ UserName: "a" });
  expect(srv.requests[before].headers.authorization).toBe("Bearer t1");
  const denied = new Error("no consent");
  const throwing = rt.createClient({ baseUrl: srv.url, timeoutMs: 1000, getToken: () => { throw denied; } });
  await expect(api.getPerson(throwing, a())).rejects.toBe(denied);
  expect(srv.requests).toHaveLength(before + 1);
});
