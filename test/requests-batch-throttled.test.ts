// A GET that a JSON or multipart batch's service answers 429 or 503 (Graph throttles a request
// inside a batch so, with its own Retry-After) is read again alone after that wait, as a GET alone
// would be, the batch's attempt counted against maxRetries; a write, a request of a batch in order
// and a wait past maxDelayMs are not: their calls reject with the answer, as before. Over real HTTP
// on 127.0.0.1, with the committed Graph callRecords output.
import { startLoopback, type Loopback, type Recorded } from "./helpers/loopback";
import { PATH, body, session } from "./helpers/batch-sessions";
import { getSession, updateSession } from "../generated/graph-callrecords/microsoft.graph.callRecords.requests";
import * as rt from "../generated/graph-callrecords/runtime";

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

const slowDown = (after: string) => ({ status: 429, headers: { "retry-after": after }, body: { error: { code: "TooManyRequests", message: "slow down" } } });
/** Answers the `$batch` with `answer` for each request sent in it, and a GET alone with `alone`. */
function serve(answer: (id: string) => unknown, alone: (req: Recorded, i: number) => { status?: number; headers?: Record<string, string>; body?: unknown }): void {
  srv.handle((req, i) => (req.method === "POST" ? { body: { responses: JSON.parse(req.body).requests.map(({ id }: { id: string }) => ({ id, ...(answer(id) as object) })) } } : alone(req, i)));
}

test("a GET answered 429 in the $batch is read again alone after its Retry-After, with the token and its own headers; the others keep their answers", async () => {
  const client = rt.createClient({ baseUrl: `${srv.url}/v1.0`, getToken: () => "tok", headers: { "x-app": "a" } });
  serve((id) => (id === "2" ? slowDown("0") : { status: 200, body: body(`s${id}`) }), () => ({ body: body("s2") }));
  const b = rt.batch(client);
  const calls = [getSession(b, session("s1")), getSession(b, session("s2"), { select: ["modalities"] })];
  await b.send();
  expect(await Promise.all(calls)).toEqual([body("s1"), body("s2")]);
  expect(srv.requests.map((r) => [r.method, r.url])).toEqual([["POST", "/v1.0/$batch"], ["GET", `/v1.0/${PATH}/s2?$select=modalities`]]);
  const again = srv.requests[1]!;
  expect([again.headers.authorization, again.headers["x-app"], again.headers.accept]).toEqual(["Bearer tok", "a", "application/json"]);
});

test("a 503 is read again too, each wait its Retry-After; given up, the call rejects as alone, the $batch's attempt counted", async () => {
  const client = rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 2, delayMs: 1 } });
  const times: number[] = [];
  serve(() => ({ status: 503, headers: { "retry-after": "1" } }), () => (times.push(Date.now()), slowDown("0")));
  const b = rt.batch(client);
  const call = getSession(b, session("s1"));
  const settled = Promise.allSettled([call]);
  const sent = Date.now();
  await b.send();
  const [only] = await settled;
  // The $batch's 503 and two reads alone: maxRetries 2.
  expect(srv.requests.map((r) => r.method)).toEqual(["POST", "GET", "GET"]);
  expect(times[0]! - sent).toBeGreaterThanOrEqual(900);
  expect(only.status === "rejected" && only.reason).toMatchObject({ status: 429, request: `GET ${srv.url}/${PATH}/s1`, message: expect.stringContaining("gave up after 3 attempts (maxRetries 2)") });
});

test("a write answered 429, a GET of a batch in order, a wait past maxDelayMs and maxRetries 0 are not sent again", async () => {
  for (const [options, calls] of [
    [{}, (b: rt.Client) => [updateSession(b, session("s1"), { modalities: ["video"] })]],
    [{ inOrder: true }, (b: rt.Client) => [getSession(b, session("s1"))]],
  ] as const) {
    const client = rt.createClient({ baseUrl: srv.url });
    serve(() => slowDown("0"), () => ({ body: body("s1") }));
    const b = rt.batch(client, options);
    const settled = Promise.allSettled(calls(b));
    await b.send();
    expect((await settled).map((r) => r.status === "rejected" && r.reason.status)).toEqual([429]);
    expect(srv.requests.map((r) => r.method)).toEqual(["POST"]);
  }
  for (const [retry, after] of [[{ maxDelayMs: 1000 }, "5"], [{ maxRetries: 0 }, "0"]] as const) {
    const client = rt.createClient({ baseUrl: srv.url, retry });
    serve(() => slowDown(after), () => ({ body: body("s1") }));
    const b = rt.batch(client);
    const settled = Promise.allSettled([getSession(b, session("s1"))]);
    await b.send();
    expect((await settled).map((r) => r.status === "rejected" && [r.reason.status, r.reason.retryAfterMs])).toEqual([[429, Number(after) * 1000]]);
    expect(srv.requests.map((r) => r.method)).toEqual(["POST"]);
  }
});

test("the call's signal aborted during the wait rejects it at once with the abort's reason, nothing sent again", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  serve(() => slowDown("30"), () => ({ body: body("s1") }));
  const b = rt.batch(client);
  const stop = new AbortController();
  const settled = Promise.allSettled([getSession(b, session("s1"), { signal: stop.signal })]);
  await b.send();
  const reason = new Error("the user left");
  stop.abort(reason);
  expect(await settled).toEqual([{ status: "rejected", reason }]);
  expect(srv.requests.map((r) => r.method)).toEqual(["POST"]);
});

test("a multipart batch's GET answered 429 is read again alone too", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  srv.handle((req) => {
    if (req.method === "GET") return { body: body("s1") };
    const boundary = "batchresponse_1";
    const part = `--${boundary}\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 429 Too Many Requests\r\nRetry-After: 0\r\n\r\n\r\n--${boundary}--\r\n`;
    return { headers: { "content-type": `multipart/mixed; boundary=${boundary}` }, body: part };
  });
  const b = rt.batch(client, { format: "multipart" });
  const call = getSession(b, session("s1"));
  await b.send();
  expect(await call).toEqual(body("s1"));
  expect(srv.requests.map((r) => [r.method, r.url])).toEqual([["POST", "/$batch"], ["GET", `/${PATH}/s1`]]);
});
