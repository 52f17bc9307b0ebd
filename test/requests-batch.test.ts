// JSON batch (OData JSON Format 4.01 §19, Graph's `POST /$batch`) over real HTTP on 127.0.0.1: the
// generated functions, unchanged, run on `rt.batch(client)`; `send()` POSTs one request and each
// call settles with its own response. (@sap-ux/fe-mockserver-core answers only multipart batches,
// so there is no mock-server test here.)
import { startLoopback, type Loopback, type Reply } from "./helpers/loopback";
import { PATH, body, session } from "./helpers/batch-sessions";
import { getSession, updateSession } from "../generated/graph-callrecords/microsoft.graph.callRecords.requests";
import * as rt from "../generated/graph-callrecords/runtime";
import { validateSession } from "../generated/graph-callrecords/microsoft.graph.callRecords.validators";

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

/** Answers a `$batch` with `responses` made by `answer` from the requests sent. */
function answering(answer: (requests: { id: string; method: string; url: string }[]) => unknown[]): void {
  srv.handle((r) => ({ body: { responses: answer(JSON.parse(r.body).requests) } }));
}

describe("rt.batch", () => {
  test("a get and an update in one POST $batch: the JSON sent, typed results", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/v1.0`, getToken: () => "tok", headers: { "x-app": "a" } });
    answering(() => [
      { id: "2", status: 204 },
      { id: "1", status: 200, headers: { "content-type": "application/json" }, body: body("s1") },
    ]);
    const b = rt.batch(client);
    const got = getSession(b, session("s1"), { select: ["modalities"], validate: validateSession });
    const updated = updateSession(b, session("s2"), { modalities: ["video"] }, { prefer: "return=minimal" });
    await b.send();
    const s = await got;
    expect(s.modalities).toEqual(["audio"]);
    expect(await updated).toBeUndefined();

    expect(srv.requests).toHaveLength(1);
    const [req] = srv.requests;
    expect([req.method, req.url, req.headers.authorization, req.headers["content-type"], req.headers.accept]).toEqual(["POST", "/v1.0/$batch", "Bearer tok", "application/json", "application/json"]);
    expect(JSON.parse(req.body)).toEqual({
      requests: [
        { id: "1", method: "GET", url: `${PATH}/s1?$select=modalities`, headers: { accept: "application/json", "x-app": "a" } },
        {
          id: "2",
          method: "PATCH",
          url: `${PATH}/s2`,
          headers: { accept: "application/json", "content-type": "application/json", "x-app": "a", prefer: "return=minimal" },
          body: { modalities: ["video"] },
        },
      ],
    });
    // The token goes with the batch only, not into each request of its body.
    expect(req.body).not.toContain("tok");
  });

  test("a failing member rejects alone, with its own ODataError; with maxRetries 0, a 429 is not read again (see requests-batch-throttled.test.ts)", async () => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 0 } });
    answering((requests) =>
      requests.map(({ id }) =>
        id === "1"
          ? { id, status: 404, body: { error: { code: "NotFound", message: "no such session" } } }
          : id === "2"
            ? { id, status: 429, headers: { "retry-after": "7" }, body: { error: { code: "TooManyRequests", message: "slow down" } } }
            : { id, status: 200, body: body("s3") },
      ),
    );
    const b = rt.batch(client);
    const results = Promise.allSettled([getSession(b, session("s1")), getSession(b, session("s2")), getSession(b, session("s3"))]);
    await b.send();
    const [missing, throttled, ok] = await results;
    expect(missing.status === "rejected" && missing.reason).toMatchObject({ name: "ODataError", status: 404, code: "NotFound", message: "no such session", request: `GET ${srv.url}/${PATH}/s1` });
    // Its Retry-After (Graph's, for a request throttled in a batch), for the caller to send it again then.
    expect(throttled.status === "rejected" && throttled.reason).toMatchObject({ status: 429, code: "TooManyRequests", retryAfterMs: 7000 });
    expect(missing.status === "rejected" && missing.reason.retryAfterMs).toBeUndefined();
    expect(ok).toEqual({ status: "fulfilled", value: body("s3") });
    expect(srv.requests).toHaveLength(1);
  });

  test("responses in any order are matched by id; a response missing for a call rejects it", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    answering((requests) => requests.slice(1).reverse().map(({ id, url }) => ({ id, status: 200, body: body(url.split("/").pop()!) })));
    const b = rt.batch(client);
    const calls = ["s0", "s1", "s2", "s3"].map((id) => getSession(b, session(id)));
    const results = Promise.allSettled(calls);
    await b.send();
    const [first, ...rest] = await results;
    expect(first.status === "rejected" && first.reason).toMatchObject({ name: "ODataError", code: "UnreadableBody", message: expect.stringContaining("no response with id 1") });
    expect(rest).toEqual(["s1", "s2", "s3"].map((id) => ({ status: "fulfilled", value: body(id) })));
  });

  test("a response without an id (a service that does not take JSON batches) is named in the message of the call it left without one", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    answering(() => [{ status: 500, body: "Cannot read properties of undefined (reading 'entityType')" }]);
    const b = rt.batch(client);
    const call = getSession(b, session("s1"));
    const result = Promise.allSettled([call]);
    await b.send();
    const [only] = await result;
    expect(only.status === "rejected" && only.reason).toMatchObject({
      code: "UnreadableBody",
      message: `GET ${srv.url}/${PATH}/s1: the $batch response has no response with id 1; it has one without an id, 500 Cannot read properties of undefined (reading 'entityType') (a service that takes only multipart batches may answer so: try format: "multipart")`,
    });
  });

  test("a whole-batch failure rejects send() and every call with the $batch's ODataError", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ status: 400, body: { error: { code: "BadRequest", message: "Invalid batch payload format." } } }));
    const b = rt.batch(client);
    const results = Promise.allSettled([getSession(b, session("s1")), updateSession(b, session("s2"), { modalities: [] })]);
    await expect(b.send()).rejects.toMatchObject({ name: "ODataError", status: 400, request: `POST ${srv.url}/$batch` });
    for (const r of await results) expect(r.status === "rejected" && r.reason).toMatchObject({ status: 400, message: "Invalid batch payload format." });
  });

  test("a call after send() rejects and is not sent; so does a second send()", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    answering((requests) => requests.map(({ id }) => ({ id, status: 200, body: body("s1") })));
    const b = rt.batch(client);
    const first = getSession(b, session("s1"));
    await b.send();
    await first;
    await expect(getSession(b, session("s2"))).rejects.toThrow(`GET ${srv.url}/${PATH}/s2: the batch was already sent`);
    await expect(b.send()).rejects.toThrow("the batch was already sent");
    expect(srv.requests).toHaveLength(1);
  });

  test("inOrder: each request depends on the one before; leadingSlash: URLs as /path", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/v1.0` });
    answering((requests) => requests.map(({ id }) => (id === "1" ? { id, status: 404 } : { id, status: 424 })));
    const b = rt.batch(client, { inOrder: true, leadingSlash: true });
    const results = Promise.allSettled(["s1", "s2", "s3"].map((id) => getSession(b, session(id))));
    await b.send();
    expect(JSON.parse(srv.requests[0].body).requests.map((r: object) => ({ ...r, headers: undefined }))).toEqual([
      { id: "1", method: "GET", url: `/${PATH}/s1` },
      { id: "2", method: "GET", url: `/${PATH}/s2`, dependsOn: ["1"] },
      { id: "3", method: "GET", url: `/${PATH}/s3`, dependsOn: ["2"] },
    ]);
    expect((await results).map((r) => r.status === "rejected" && (r.reason as rt.ODataError).status)).toEqual([404, 424, 424]);
  });
});

test.each(["json", "multipart"] as const)("a %s $batch follows a same-origin 307 or 308, its body sent again whole (Node's fetch failed: detached ArrayBuffer)", async (format) => {
  const client = rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 0 } });
  for (const status of [307, 308]) {
    srv.handle((r): Reply => {
      if (!r.url.startsWith("/moved")) return { status, headers: { location: "/moved/$batch" } };
      if (format === "json") return { body: { responses: [{ id: "1", status: 200, body: body("s1") }] } };
      const boundary = /boundary=(\S+)/.exec(r.headers["content-type"] ?? "")![1]!;
      return { headers: { "content-type": `multipart/mixed; boundary=${boundary}` }, body: `--${boundary}\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(body("s1"))}\r\n--${boundary}--` };
    });
    const b = rt.batch(client, { format });
    const read = getSession(b, session("s1"));
    await b.send();
    expect(await read).toEqual(body("s1"));
    const [first, moved] = srv.requests;
    expect([first!.url, moved!.url, moved!.body, moved!.headers["content-type"]]).toEqual(["/$batch", "/moved/$batch", first!.body, first!.headers["content-type"]]);
  }
});

describe("a partial JSON batch response", () => {
  test("is read on from its nextLink (JSON Format §19.5) until every call has its response", async () => {
    const client = rt.createClient({ baseUrl: `${srv.url}/v1.0`, getToken: () => "tok" });
    srv.handle((r) =>
      r.url === "/v1.0/$batch"
        ? { headers: { "odata-version": "4.01" }, body: { responses: [{ id: "2", status: 204 }], "@nextLink": "$batch/next?part=2" } }
        : r.url === "/v1.0/$batch/next?part=2"
          ? { body: { responses: [{ id: "1", status: 200, body: body("s1") }], "@odata.nextLink": `${srv.url}/v1.0/$batch/next?part=3` } }
          : { body: { responses: [{ id: "3", status: 404, body: { error: { code: "NotFound", message: "no s3" } } }] } },
    );
    const b = rt.batch(client);
    const results = Promise.allSettled([getSession(b, session("s1")), updateSession(b, session("s2"), { modalities: [] }), getSession(b, session("s3"))]);
    await b.send();
    expect(await results).toEqual([
      { status: "fulfilled", value: body("s1") },
      { status: "fulfilled", value: undefined },
      { status: "rejected", reason: expect.objectContaining({ status: 404, code: "NotFound" }) },
    ]);
    expect(srv.requests.map((r) => [r.method, r.url, r.headers.authorization])).toEqual([
      ["POST", "/v1.0/$batch", "Bearer tok"],
      ["GET", "/v1.0/$batch/next?part=2", "Bearer tok"],
      ["GET", "/v1.0/$batch/next?part=3", "Bearer tok"],
    ]);
  });

  test("a nextLink that leads back to a part already read rejects send() and the calls left without a response", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle((r) => (r.method === "POST" ? { body: { responses: [{ id: "1", status: 204 }], "@odata.nextLink": "next" } } : { body: { responses: [], "@odata.nextLink": "next" } }));
    const b = rt.batch(client);
    const results = Promise.allSettled([updateSession(b, session("s1"), { modalities: [] }), getSession(b, session("s2"))]);
    await expect(b.send()).rejects.toThrow(/nextLink .*next leads back to a part of the \$batch response already read/);
    const [first, second] = await results;
    expect([first.status, second.status]).toEqual(["rejected", "rejected"]);
    expect(srv.requests).toHaveLength(2);
  });

  test("a part after the first is read again after a 429 or 503, as any GET, also where the $batch held writes (they ran once)", async () => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } });
    const busy = (status: number) => ({ status, headers: { "retry-after": "0" }, body: { error: { code: "TooManyRequests", message: "slow down" } } });
    srv.handle((r, i) => (r.method === "POST" ? { body: { responses: [{ id: "1", status: 204 }], "@odata.nextLink": "next" } } : i < 3 ? busy(i === 1 ? 429 : 503) : { body: { responses: [{ id: "2", status: 200, body: body("s2") }] } }));
    const b = rt.batch(client);
    const results = Promise.allSettled([updateSession(b, session("s1"), { modalities: [] }), getSession(b, session("s2"))]);
    await b.send();
    expect((await results).map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(srv.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["POST /$batch", "GET /next", "GET /next", "GET /next"]);
    // Given up, its error says so, not that the $batch held writes.
    srv.handle((r) => (r.method === "POST" ? { body: { responses: [{ id: "1", status: 204 }], "@odata.nextLink": "next" } } : busy(503)));
    const c = rt.batch(rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1, maxRetries: 1 } }));
    const calls = Promise.allSettled([updateSession(c, session("s1"), { modalities: [] }), getSession(c, session("s2"))]);
    await expect(c.send()).rejects.toMatchObject({ status: 503, message: "slow down: gave up after 2 attempts (maxRetries 1)", request: `GET ${srv.url}/next` });
    await calls;
  });
});

test.each(["json", "multipart"] as const)("a %s $batch answered 202 Accepted (respond-async) rejects send() and its calls as a call answered so: status 202, the status monitor in location", async (format) => {
  const client = rt.createClient({ baseUrl: srv.url, headers: { Prefer: "respond-async" } });
  srv.handle(() => ({ status: 202, headers: { location: `${srv.url}/monitor/1` } }));
  const b = rt.batch(client, { format });
  const read = getSession(b, session("s1"));
  const accepted = { name: "ODataError", status: 202, location: `${srv.url}/monitor/1`, message: expect.stringContaining("$batch: 202 Accepted: the service goes on with the request asynchronously") };
  await expect(b.send()).rejects.toMatchObject(accepted);
  await expect(read).rejects.toMatchObject(accepted);
  expect(srv.requests[0]!.headers.prefer).toContain("respond-async");
});
