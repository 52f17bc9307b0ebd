// A batch of more calls than one `$batch` may hold (Graph takes 20): `batch(client, { maxRequests })`
// sends them in several `$batch` requests, one after another, over real HTTP on 127.0.0.1, against
// a server that refuses more than its limit as Graph does, and multipart against an OData server we
// did not write (@sap-ux/fe-mockserver-core).
import * as path from "node:path";
import { FIXTURES, generateFixture } from "./helpers/generated";
import { startMockServer, type RunningMockServer } from "./helpers/mockserver";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { body, session } from "./helpers/batch-sessions";
import { getSession, updateSession } from "../generated/graph-callrecords/microsoft.graph.callRecords.requests";
import * as rt from "../generated/graph-callrecords/runtime";

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

interface Sent {
  id: string;
  method: string;
  url: string;
  atomicityGroup?: string;
  dependsOn?: string[];
}

const sentIn = (i: number): Sent[] => JSON.parse(srv.requests[i]!.body).requests;
const ids = (i: number) => sentIn(i).map((r) => r.id);

/** Answers each `$batch` as Graph does: 400 for more than `limit` requests, else each request by `answer` (200 with its session by default). */
function graphLike(limit = 20, answer: (r: Sent) => unknown = (r) => ({ id: r.id, status: 200, body: body(`s${r.id}`) })): void {
  srv.handle((req) => {
    const requests: Sent[] = JSON.parse(req.body).requests;
    if (requests.length > limit) return { status: 400, body: { error: { code: "BadRequest", message: `Number of batch request steps exceeds the maximum of ${limit}.` } } };
    return { body: { responses: requests.map(answer) } };
  });
}

describe("batch(client, { maxRequests })", () => {
  test("45 calls go as $batch requests of 20, 20 and 5, one after another; every call gets its own answer", async () => {
    // One $batch at a time: each is answered only after a wait, and a second arriving meanwhile would be counted.
    let inFlight = 0;
    let most = 0;
    srv.handle((req) => {
      inFlight++;
      most = Math.max(most, inFlight);
      const requests: Sent[] = JSON.parse(req.body).requests;
      const text = JSON.stringify(requests.length > 20 ? { error: { code: "BadRequest", message: "too many" } } : { responses: requests.map((r) => ({ id: r.id, status: 200, body: body(`s${r.id}`) })) });
      return {
        status: requests.length > 20 ? 400 : 200,
        headers: { "content-type": "application/json" },
        write: (res) => setTimeout(() => (inFlight--, res.end(text)), 30),
      };
    });
    const b = rt.batch(rt.createClient({ baseUrl: srv.url }), { maxRequests: 20 });
    const calls = Array.from({ length: 45 }, (_, i) => getSession(b, session(`s${i + 1}`)));
    await b.send();
    const results = await Promise.all(calls);
    expect(results.map((s) => s.id)).toEqual(Array.from({ length: 45 }, (_, i) => `s${i + 1}`));
    expect(srv.requests.map((r) => [r.method, r.url])).toEqual(Array(3).fill(["POST", "/$batch"]));
    expect([ids(0), ids(1), ids(2)].map((l) => [l[0], l.length])).toEqual([["1", 20], ["21", 20], ["41", 5]]);
    expect(most).toBe(1);
  });

  test("without maxRequests, 25 calls go in one $batch; Graph's 400 says how to split them", async () => {
    graphLike();
    const b = rt.batch(rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } }));
    const calls = Promise.allSettled(Array.from({ length: 25 }, (_, i) => getSession(b, session(`s${i}`))));
    const sent = b.send();
    await expect(sent).rejects.toMatchObject({ status: 400, code: "BadRequest" });
    await expect(sent).rejects.toThrow(/exceeds the maximum of 20\.: the \$batch held 25 requests; .*batch\(client, \{ maxRequests: 20 \}\) sends them in several/);
    expect((await calls).every((c) => c.status === "rejected" && c.reason.status === 400)).toBe(true);
    expect(srv.requests).toHaveLength(1);
  });

  test("a change set is never split: it goes whole into the next $batch", async () => {
    graphLike(3, (r) => ({ id: r.id, status: 204 }));
    const b = rt.batch(rt.createClient({ baseUrl: srv.url }), { maxRequests: 3 });
    const changes = b.atomic();
    const calls = [
      updateSession(b, session("a"), { modalities: ["audio"] }),
      updateSession(b, session("b"), { modalities: ["audio"] }),
      updateSession(changes, session("c"), { modalities: ["video"] }),
      updateSession(changes, session("d"), { modalities: ["video"] }),
      updateSession(b, session("e"), { modalities: ["audio"] }),
    ];
    await b.send();
    await Promise.all(calls);
    expect([ids(0), ids(1)]).toEqual([["1", "2"], ["3", "4", "5"]]);
    expect(sentIn(1).map((r) => r.atomicityGroup)).toEqual(["g1", "g1", undefined]);
  });

  test("in order: the first request of a later $batch depends on nothing sent before; a failure stops the ones after it with 424", async () => {
    // All succeed: ids chain within each $batch only (a `dependsOn` naming another $batch's request is refused by the service).
    graphLike(2);
    let b = rt.batch(rt.createClient({ baseUrl: srv.url }), { maxRequests: 2, inOrder: true });
    let calls = Promise.allSettled([1, 2, 3].map((i) => getSession(b, session(`s${i}`))));
    await b.send();
    expect((await calls).map((c) => c.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
    expect([sentIn(0).map((r) => r.dependsOn), sentIn(1).map((r) => r.dependsOn)]).toEqual([[undefined, ["1"]], [undefined]]);

    // The second fails: the calls of the $batch requests after it are not sent and reject with 424.
    graphLike(2, (r) => (r.id === "2" ? { id: r.id, status: 404, body: { error: { code: "NotFound", message: "no such session" } } } : { id: r.id, status: 200, body: body("s") }));
    b = rt.batch(rt.createClient({ baseUrl: srv.url }), { maxRequests: 2, inOrder: true });
    calls = Promise.allSettled([1, 2, 3, 4, 5].map((i) => getSession(b, session(`s${i}`))));
    await b.send();
    const settled = await calls;
    expect(settled.map((c) => (c.status === "rejected" ? c.reason.status : 200))).toEqual([200, 404, 424, 424, 424]);
    expect(settled[3]).toMatchObject({ reason: { name: "ODataError", code: "FailedDependency", message: `GET ${srv.url}/communications/callRecords/r1/sessions/s4: 424 Failed Dependency: not sent, as GET ${srv.url}/communications/callRecords/r1/sessions/s2, before it in order, failed` } });
    expect(srv.requests).toHaveLength(1);
  });

  test("a $batch that fails rejects send() and its calls; those of later ones are not sent and say so", async () => {
    srv.handle((req, i) => (i === 1 ? { status: 500, body: { error: { code: "InternalServerError", message: "down" } } } : { body: { responses: JSON.parse(req.body).requests.map((r: Sent) => ({ id: r.id, status: 200, body: body("s") })) } }));
    const b = rt.batch(rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 0 } }), { maxRequests: 2 });
    const calls = Promise.allSettled([1, 2, 3, 4, 5].map((i) => getSession(b, session(`s${i}`))));
    const sent = b.send();
    await expect(sent).rejects.toMatchObject({ status: 500, message: expect.stringMatching(/^down.*\(a \$batch of 2 of the batch's 5 requests\)$/) });
    const settled = await calls;
    expect(settled.map((c) => c.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected", "rejected"]);
    const [, , failed, alsoFailed, unsent] = settled.map((c) => (c.status === "rejected" ? c.reason : undefined));
    expect(failed).toMatchObject({ status: 500 });
    expect(alsoFailed).toBe(failed);
    expect(unsent).toMatchObject({ message: `GET ${srv.url}/communications/callRecords/r1/sessions/s5: not sent, as an earlier $batch of this batch failed` });
    expect(unsent.cause).toBe(failed);
    expect(srv.requests).toHaveLength(2);
  });

  test("a failed $batch's message counts the batch's requests that were sent or to be, not those left out as their calls were aborted", async () => {
    // s3 is aborted while the first $batch is in flight: the second holds s4 alone, and fails.
    const stop = new AbortController();
    srv.handle((req, i) => {
      if (i === 0) stop.abort();
      return i === 1 ? { status: 500, body: { error: { code: "InternalServerError", message: "down" } } } : { body: { responses: JSON.parse(req.body).requests.map((r: Sent) => ({ id: r.id, status: 200, body: body("s") })) } };
    });
    const b = rt.batch(rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 0 } }), { maxRequests: 2 });
    const calls = Promise.allSettled([1, 2, 3, 4, 5].map((i) => getSession(b, session(`s${i}`), i === 3 ? { signal: stop.signal } : undefined)));
    await expect(b.send()).rejects.toMatchObject({ status: 500, message: expect.stringMatching(/^down.*\(a \$batch of 1 of the batch's 4 requests\)$/) });
    expect((await calls).map((c) => (c.status === "rejected" ? (c.reason.status ?? c.reason.name) : 200))).toEqual([200, 200, "AbortError", 500, "Error"]);
    expect(ids(1)).toEqual(["4"]);
  });

  test("a change set of more requests than maxRequests goes alone; the service's 400 to it says that it is never split", async () => {
    graphLike(2);
    const b = rt.batch(rt.createClient({ baseUrl: srv.url }), { maxRequests: 2 });
    const changes = b.atomic();
    const calls = Promise.allSettled([
      getSession(b, session("s1")),
      ...["a", "b", "c"].map((s) => updateSession(changes, session(s), { modalities: [] })),
      getSession(b, session("s5")),
    ]);
    await expect(b.send()).rejects.toThrow(/exceeds the maximum of 2\.: the \$batch held a change set of 3 requests, more than maxRequests \(2\); a change set is never split$/);
    expect((await calls).map((c) => (c.status === "rejected" ? c.reason.status ?? "not sent" : c.status))).toEqual(["fulfilled", 400, 400, 400, "not sent"]);
    expect(srv.requests).toHaveLength(2);
    expect(ids(1)).toEqual(["2", "3", "4"]);
  });

  test("in order, the later $batch requests' 424 names the request that failed, not one the service answered 424 after it", async () => {
    // The first of a $batch fails; the service answers the one after it 424, as dependsOn asks.
    graphLike(2, (r) => (r.id === "1" ? { id: r.id, status: 404, body: { error: { code: "NotFound", message: "no such session" } } } : { id: r.id, status: 424, body: { error: { code: "FailedDependency", message: "failed dependency" } } }));
    const b = rt.batch(rt.createClient({ baseUrl: srv.url }), { maxRequests: 2, inOrder: true });
    const calls = Promise.all([1, 2, 3].map((i) => getSession(b, session(`s${i}`)).then(() => undefined, (e: rt.ODataError) => e)));
    await b.send();
    const settled = await calls;
    expect(settled.map((e) => e?.status)).toEqual([404, 424, 424]);
    expect(settled[2]!.message).toBe(`GET ${srv.url}/communications/callRecords/r1/sessions/s3: 424 Failed Dependency: not sent, as GET ${srv.url}/communications/callRecords/r1/sessions/s1, before it in order, failed`);
  });

  test("in order, after a change set answered a response each, one failed and one 2xx, the later $batch requests' 424 names the one that failed", async () => {
    const conflict = { error: { code: "Conflict", message: "rolled back" } };
    graphLike(2, (r) => ({ id: r.id, atomicityGroup: r.atomicityGroup, ...(r.id === "2" ? { status: 409, body: conflict } : { status: 204 }) }));
    const b = rt.batch(rt.createClient({ baseUrl: srv.url }), { maxRequests: 2, inOrder: true });
    const changes = b.atomic();
    const calls = Promise.all([updateSession(changes, session("s1"), { modalities: [] }), updateSession(changes, session("s2"), { modalities: [] }), getSession(b, session("s3"))].map((c) => c.then(() => undefined, (e: rt.ODataError) => e)));
    await b.send();
    const settled = await calls;
    expect(settled.map((e) => e?.status)).toEqual([424, 409, 424]);
    expect(settled[2]!.message).toBe(`GET ${srv.url}/communications/callRecords/r1/sessions/s3: 424 Failed Dependency: not sent, as PATCH ${srv.url}/communications/callRecords/r1/sessions/s2, before it in order, failed`);
    expect(srv.requests).toHaveLength(1);
  });

  test("in order, a failure stops the later $batch requests even where the service ran the requests after it in its $batch", async () => {
    // A service that does not heed dependsOn: the first fails, the second succeeds all the same.
    graphLike(2, (r) => (r.id === "1" ? { id: r.id, status: 404, body: { error: { code: "NotFound", message: "no such session" } } } : { id: r.id, status: 200, body: body("s") }));
    const b = rt.batch(rt.createClient({ baseUrl: srv.url }), { maxRequests: 2, inOrder: true });
    const calls = Promise.allSettled([1, 2, 3].map((i) => getSession(b, session(`s${i}`))));
    await b.send();
    expect((await calls).map((c) => (c.status === "rejected" ? c.reason.status : 200))).toEqual([404, 200, 424]);
    expect(srv.requests).toHaveLength(1);
  });

  test("multipart in order: a failed request stops the later $batch requests, whose calls reject with 424 naming it", async () => {
    // Each part answered in order, the service going on after a failure (continue-on-error): s2 is not found.
    const asked: string[][] = [];
    srv.handle((req) => {
      const sessions = [...req.body.matchAll(/^GET \S+\/(s\d) HTTP\/1\.1/gm)].map((m) => m[1]!);
      asked.push(sessions);
      const part = (id: string) => {
        const [status, json] = id === "s2" ? ["404 Not Found", { error: { code: "NotFound", message: "no such session" } }] : ["200 OK", body(id)];
        return `--b\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 ${status}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(json)}\r\n`;
      };
      return { headers: { "content-type": "multipart/mixed; boundary=b" }, body: `${sessions.map(part).join("")}--b--` };
    });
    const b = rt.batch(rt.createClient({ baseUrl: srv.url }), { format: "multipart", maxRequests: 2, inOrder: true });
    const calls = Promise.allSettled([1, 2, 3, 4, 5].map((i) => getSession(b, session(`s${i}`))));
    await b.send();
    const settled = await calls;
    expect(settled.map((c) => (c.status === "rejected" ? c.reason.status : 200))).toEqual([200, 404, 424, 424, 424]);
    expect(settled[4]).toMatchObject({ reason: { name: "ODataError", code: "FailedDependency", message: `GET ${srv.url}/communications/callRecords/r1/sessions/s5: 424 Failed Dependency: not sent, as GET ${srv.url}/communications/callRecords/r1/sessions/s2, before it in order, failed` } });
    expect(asked).toEqual([["s1", "s2"]]);

    // Without inOrder, the later $batch requests go all the same.
    asked.length = 0;
    const unordered = rt.batch(rt.createClient({ baseUrl: srv.url }), { format: "multipart", maxRequests: 2 });
    const all = Promise.allSettled([1, 2, 3, 4, 5].map((i) => getSession(unordered, session(`s${i}`))));
    await unordered.send();
    expect((await all).map((c) => (c.status === "rejected" ? c.reason.status : 200))).toEqual([200, 404, 200, 200, 200]);
    expect(asked).toEqual([["s1", "s2"], ["s3", "s4"], ["s5"]]);
  });

  test("a 429 to the second $batch is retried, that $batch alone; every call settles with its own answer", async () => {
    srv.handle((req, i) => (i === 1 ? { status: 429, headers: { "retry-after": "0" }, body: { error: { code: "TooManyRequests", message: "slow down" } } } : { body: { responses: JSON.parse(req.body).requests.map((r: Sent) => ({ id: r.id, status: 200, body: body(`s${r.id}`) })) } }));
    const b = rt.batch(rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } }), { maxRequests: 2 });
    const calls = Promise.all([1, 2, 3, 4, 5].map((i) => getSession(b, session(`s${i}`))));
    await b.send();
    expect((await calls).map((s) => s.id)).toEqual(["s1", "s2", "s3", "s4", "s5"]);
    expect([0, 1, 2, 3].map(ids)).toEqual([["1", "2"], ["3", "4"], ["3", "4"], ["5"]]);
  });

  test("send({ signal }) aborted: send() and every call not answered reject with the abort's reason as it is", async () => {
    // A reason whose message cannot be changed, as a DOMException's (Node's AbortError) cannot.
    const reason = Object.freeze(new Error("cancelled by the user"));
    const stop = new AbortController();
    srv.handle((req) => (stop.abort(reason), { delayMs: 50, body: { responses: JSON.parse(req.body).requests.map((r: Sent) => ({ id: r.id, status: 200, body: body("s") })) } }));
    const b = rt.batch(rt.createClient({ baseUrl: srv.url }), { maxRequests: 2 });
    const calls = Promise.allSettled([1, 2, 3].map((i) => getSession(b, session(`s${i}`))));
    await expect(b.send({ signal: stop.signal })).rejects.toBe(reason);
    // Those of the $batch in flight and those not sent alike, as a call aborted before send(): a caller ignoring its own aborts knows them all.
    const reasons = (await calls).map((c) => (c.status === "rejected" ? c.reason : undefined));
    expect(reasons.map((r) => r === reason)).toEqual([true, true, true]);
    expect(reason.message).toBe("cancelled by the user");
    expect(srv.requests).toHaveLength(1);
  });

  test("a call aborted after send() whose $batch has not gone is left out of it, unless it is in a change set", async () => {
    const stop = new AbortController();
    srv.handle((req, i) => (i === 0 && stop.abort(), { delayMs: 20, body: { responses: JSON.parse(req.body).requests.map((r: Sent) => ({ id: r.id, status: r.method === "GET" ? 200 : 204, body: r.method === "GET" ? body("s") : undefined })) } }));
    const b = rt.batch(rt.createClient({ baseUrl: srv.url }), { maxRequests: 2 });
    const changes = b.atomic();
    const signal = stop.signal;
    const calls = Promise.allSettled([
      ...[1, 2, 3, 4].map((i) => getSession(b, session(`s${i}`))),
      updateSession(b, session("s5"), { modalities: [] }, { signal }),
      updateSession(changes, session("s6"), { modalities: [] }, { signal }),
      updateSession(changes, session("s7"), { modalities: [] }),
    ]);
    await b.send();
    expect((await calls).map((c) => (c.status === "rejected" ? c.reason.name : c.status))).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled", "AbortError", "AbortError", "fulfilled"]);
    // Its change set goes whole: the service runs them together.
    expect([ids(0), ids(1), ids(2)]).toEqual([["1", "2"], ["3", "4"], ["6", "7"]]);
  });

  test.each([0, -1, 2.5, Number.NaN])("maxRequests %p is refused when the batch is made", (maxRequests) => {
    expect(() => rt.batch(rt.createClient({ baseUrl: srv.url }), { maxRequests })).toThrow(new TypeError(`batch: maxRequests must be a whole number of 1 or more, not ${maxRequests}`));
  });
});

// An OData server we did not write: @sap-ux/fe-mockserver-core answers multipart batches only.
const dir = generateFixture("trippin-lite.xml", "batch-split", { keyAsSegment: false });
type Api = typeof import("./.generated/batch-split/Travel.Lite.requests");
type Runtime = typeof import("./.generated/batch-split/runtime");
const api: Api = require(path.join(dir, "Travel.Lite.requests"));
const mrt: Runtime = require(path.join(dir, "runtime"));

describe("a split multipart batch against @sap-ux/fe-mockserver-core", () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await startMockServer(path.join(FIXTURES, "trippin-lite.xml"), path.join(FIXTURES, "trippin-lite-data"));
  });
  afterAll(async () => {
    await server?.close();
  });

  test("five reads and a change set, at most 2 requests a $batch: four POST $batch, each call its own person", async () => {
    const client = mrt.createClient({ baseUrl: server.serviceRoot });
    const b = mrt.batch(client, { format: "multipart", maxRequests: 2 });
    const names = ["russellwhyte", "scottketchum", "ronaldmundy", "javieralfred", "willieashmore"];
    const reads = names.map((n) => api.getPerson(b, api.people().byKey(n), { select: ["UserName"] }));
    const changes = b.atomic();
    const renamed = [
      api.updatePerson(changes, api.people().byKey("clydeguess"), { FirstName: "Clyde2" }, { prefer: "return=representation", etag: "*" }),
      api.updatePerson(changes, api.people().byKey("keithpinckney"), { FirstName: "Keith2" }, { prefer: "return=representation", etag: "*" }),
    ];
    await b.send();
    expect((await Promise.all(reads)).map((p) => p.UserName)).toEqual(names);
    expect((await Promise.all(renamed)).map((p) => p?.FirstName)).toEqual(["Clyde2", "Keith2"]);
    // Reads 1–2, 3–4, 5 alone (the change set's two do not fit beside it), then the change set.
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(Array(4).fill("POST /trippin/$batch"));
    expect((await api.getPerson(client, api.people().byKey("keithpinckney"))).FirstName).toBe("Keith2");
  });
});
