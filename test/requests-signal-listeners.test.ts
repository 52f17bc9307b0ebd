// One long-lived signal shared by many calls (a server's shutdown signal): the runtime listens on it
// once however many calls are in flight, fetch gets a signal of the attempt's own, and a settled
// call leaves no listener on it, so Node never warns `MaxListenersExceededWarning`.
import { getEventListeners } from "node:events";
import type * as http from "node:http";
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";

const dir = generateFixture("trippin-lite.xml", "signal-listeners", { keyAsSegment: false });
type Api = typeof import("./.generated/signal-listeners/Travel.Lite.requests");
type Runtime = typeof import("./.generated/signal-listeners/runtime");
const api: Api = require(path.join(dir, "Travel.Lite.requests"));
const rt: Runtime = require(path.join(dir, "runtime"));

let srv: Loopback;
const warnings: Error[] = [];
const warned = (w: Error) => warnings.push(w);
beforeAll(async () => {
  srv = await startLoopback();
  process.on("warning", warned);
});
afterAll(async () => {
  process.off("warning", warned);
  await srv?.close();
});

const person = { UserName: "a", FirstName: "A", Age: 30, Emails: [] };
const listeners = (signal: AbortSignal) => getEventListeners(signal, "abort").length;
const turn = () => new Promise((r) => setImmediate(r));

/** Answers held until `release()`; `arrived` counts the requests in. */
function holding() {
  const held: http.ServerResponse[] = [];
  srv.handle(() => ({ headers: { "content-type": "application/json" }, write: (res) => held.push(res) }));
  return {
    arrived: () => held.length,
    release: () => held.splice(0).forEach((res) => res.end(JSON.stringify(person))),
  };
}

describe.each([
  ["without timeoutMs", undefined],
  ["with timeoutMs", 60_000],
])("%s", (_name, timeoutMs) => {
  const client = () => rt.createClient({ baseUrl: srv.url, timeoutMs, getToken: () => "t" });

  test("200 sequential calls sharing a signal leave no listener on it", async () => {
    srv.handle(() => ({ body: person }));
    const ac = new AbortController();
    const c = client();
    for (let i = 0; i < 200; i++) await api.getPerson(c, api.people().byKey("a"), { signal: ac.signal });
    await api.deletePerson(c, api.people().byKey("a"), { signal: ac.signal, etag: "*" });
    expect(listeners(ac.signal)).toBe(0);
  });

  test("50 calls in flight on one signal add one listener to it, none once settled, and no warning", async () => {
    const { arrived, release } = holding();
    const ac = new AbortController();
    const c = client();
    const calls = Array.from({ length: 50 }, () => api.getPerson(c, api.people().byKey("a"), { signal: ac.signal }));
    while (arrived() < 50) await turn();
    expect(listeners(ac.signal)).toBe(1);
    release();
    await expect(Promise.all(calls)).resolves.toHaveLength(50);
    expect(listeners(ac.signal)).toBe(0);
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
  });

  test("a fetch of the caller's that throws at once (not a rejection): the call rejects with its error, leaving no listener and no timer", async () => {
    const ac = new AbortController();
    const refused = new RangeError("no fetch here");
    const c = rt.createClient({ baseUrl: srv.url, timeoutMs, fetch: () => { throw refused; } });
    const before = process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    await expect(api.getPerson(c, api.people().byKey("a"), { signal: ac.signal })).rejects.toBe(refused);
    expect(listeners(ac.signal)).toBe(0);
    expect(process.getActiveResourcesInfo().filter((r) => r === "Timeout").length).toBe(before);
  });

  test("an abort still reaches every call in flight, with its reason", async () => {
    const { arrived } = holding();
    const ac = new AbortController();
    const c = client();
    const calls = Array.from({ length: 20 }, () => api.getPerson(c, api.people().byKey("a"), { signal: ac.signal }).catch((e: unknown) => e));
    while (arrived() < 20) await turn();
    const reason = new Error("shutting down");
    ac.abort(reason);
    expect(new Set(await Promise.all(calls))).toEqual(new Set([reason]));
    expect(listeners(ac.signal)).toBe(0);
  });
});

test("a batch of 200 calls sharing a signal adds one listener to it, and none is left once sent", async () => {
  srv.handle((req) => ({ body: { responses: (JSON.parse(req.body) as { requests: { id: string }[] }).requests.map((r) => ({ id: r.id, status: 200, body: person })) } }));
  const ac = new AbortController();
  const b = rt.batch(rt.createClient({ baseUrl: srv.url }));
  const calls = Array.from({ length: 200 }, () => api.getPerson(b, api.people().byKey("a"), { signal: ac.signal }));
  await turn();
  expect(listeners(ac.signal)).toBe(1);
  await b.send({ signal: ac.signal });
  await expect(Promise.all(calls)).resolves.toHaveLength(200);
  expect(listeners(ac.signal)).toBe(0);
});
