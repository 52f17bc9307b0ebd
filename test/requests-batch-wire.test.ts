// What a batch writes into its parts and reads out of them, byte for byte, over real HTTP on
// 127.0.0.1: header values and URLs as fetch would send them alone, and answers whose parts hold
// bytes that are not UTF-8 text.
import { getEventListeners } from "node:events";
import { startLoopback, type Loopback, type Recorded } from "./helpers/loopback";
import { PATH, body, session } from "./helpers/batch-sessions";
import type { Session } from "../generated/graph-callrecords/microsoft.graph.callRecords.types";
import { deleteSession, getSession, updateSession } from "../generated/graph-callrecords/microsoft.graph.callRecords.requests";
import * as rt from "../generated/graph-callrecords/runtime";

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

/** A multipart answer of `parts`, each an `application/http` part holding an HTTP response. */
function answer(...parts: string[]): void {
  srv.handle(() => ({ headers: { "content-type": "multipart/mixed; boundary=b" }, body: `${parts.map((p) => `--b\r\nContent-Type: application/http\r\n\r\n${p}\r\n`).join("")}--b--\r\n` }));
}
const OK = `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(body("s1"))}`;

describe("what a batch writes", () => {
  test.each(["json", "multipart"] as const)("%s: a header value with a line break rejects its call, as fetch does alone, and is not written into the batch", async (format) => {
    const client = rt.createClient({ baseUrl: srv.url });
    const headers = { "x-note": "a\r\n\r\nDELETE communications/callRecords/r1 HTTP/1.1" };
    if (format === "multipart") answer(OK);
    else srv.handle((r) => ({ body: { responses: JSON.parse(r.body).requests.map(({ id }: { id: string }) => ({ id, status: 200, body: body("s1") })) } }));
    const alone = await getSession(client, session("s1"), { headers }).catch((e: unknown) => e);
    expect(alone).toBeInstanceOf(TypeError);
    expect(srv.requests).toHaveLength(0);

    const b = rt.batch(client, { format });
    const calls = Promise.allSettled([getSession(b, session("s0"), { headers }), getSession(b, session("s1"))]);
    await b.send();
    const [refused, kept] = await calls;
    expect(refused.status === "rejected" && refused.reason).toBeInstanceOf(TypeError);
    expect(refused.status === "rejected" && (refused.reason as Error).message).toContain(`GET ${srv.url}/communications/callRecords/r1/sessions/s0: `);
    expect(kept).toEqual({ status: "fulfilled", value: body("s1") });
    expect(srv.requests).toHaveLength(1);
    expect(srv.requests[0]!.body).not.toContain("DELETE");
    expect(srv.requests[0]!.body).not.toContain("/s0");
  });

  test.each(["json", "multipart"] as const)("%s: a path with a space or a character past ASCII is percent-encoded, as fetch sends it alone", async (format) => {
    const client = rt.createClient({ baseUrl: srv.url });
    // Graph's path-based addressing (`/me/drive/root:/My File.txt:`) is written with `rt.at` as it reads.
    const target = rt.at<Session>("/communications/callRecords/r1/sessions/s 1\u00e9\u{1F600}");
    const encoded = "communications/callRecords/r1/sessions/s%201%C3%A9%F0%9F%98%80";
    srv.handle(() => ({ body: body("s1") }));
    await getSession(client, target);
    expect(srv.requests[0]!.url).toBe(`/${encoded}`);

    if (format === "multipart") answer(OK);
    else srv.handle(() => ({ body: { responses: [{ id: "1", status: 200, body: body("s1") }] } }));
    const b = rt.batch(client, { format });
    const read = getSession(b, target);
    await b.send();
    expect(await read).toEqual(body("s1"));
    const sent = srv.requests[0]!.body;
    if (format === "json") expect(JSON.parse(sent).requests[0].url).toBe(encoded);
    else expect(sent).toContain(`\r\nGET ${encoded} HTTP/1.1\r\n`);
  });

  test.each(["json", "multipart"] as const)("%s: a path whose first segment has a colon (rt.byPath below a root) is written after ./, so that it is not read as a URL scheme", async (format) => {
    const client = rt.createClient({ baseUrl: srv.url });
    const target = rt.byPath(rt.at<Session>("/me"), "notes/a b.txt");
    if (format === "multipart") answer(OK, OK);
    else srv.handle((r) => ({ body: { responses: JSON.parse(r.body).requests.map(({ id }: { id: string }) => ({ id, status: 200, body: body("s1") })) } }));
    const b = rt.batch(client, { format });
    const reads = Promise.all([getSession(b, target), getSession(b, session("s1"))]);
    await b.send();
    await reads;
    const sent = srv.requests[0]!.body;
    // Resolved against the service root, `./me:/…:` is the address the call sends alone.
    expect(new URL("./me:/notes/a%20b.txt:", `${srv.url}/`).href).toBe(`${srv.url}/me:/notes/a%20b.txt:`);
    if (format === "json") expect(JSON.parse(sent).requests.map((r: { url: string }) => r.url)).toEqual(["./me:/notes/a%20b.txt:", `${PATH}/s1`]);
    else {
      expect(sent).toContain(`\r\nGET ./me:/notes/a%20b.txt: HTTP/1.1\r\n`);
      expect(sent).toContain(`\r\nGET ${PATH}/s1 HTTP/1.1\r\n`);
    }
  });
});

describe("a failure in a batch", () => {
  // Protocol 4.0 §8.2.8.3: without `odata.continue-on-error` a service answers the first failed
  // request and stops (ASP.NET Web API OData does so since 5.7). This one does too.
  const NOT_FOUND = { status: 404, headers: { "content-type": "application/json" }, body: { error: { code: "NotFound", message: "no s0" } } };
  test.each(["json", "multipart"] as const)("%s: rejects only its call: the batch asks the service to go on after it", async (format) => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle((r) => {
      const goOn = /(^|[,\s])odata\.continue-on-error(?!=false)/.test(String(r.headers.prefer ?? ""));
      const answers = goOn ? [NOT_FOUND, { status: 200, headers: { "content-type": "application/json" }, body: body("s1") }] : [NOT_FOUND];
      if (format === "json") return { body: { responses: answers.map((a, i) => ({ id: String(i + 1), ...a })) } };
      const http = answers.map((a) => `HTTP/1.1 ${a.status} X\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(a.body)}`);
      return { headers: { "content-type": "multipart/mixed; boundary=b" }, body: `${http.map((p) => `--b\r\nContent-Type: application/http\r\n\r\n${p}\r\n`).join("")}--b--\r\n` };
    });
    const b = rt.batch(client, { format });
    const results = Promise.allSettled([getSession(b, session("s0")), getSession(b, session("s1"))]);
    await b.send();
    const [missing, found] = await results;
    expect(missing.status === "rejected" && missing.reason).toMatchObject({ status: 404, code: "NotFound" });
    expect(found).toEqual({ status: "fulfilled", value: body("s1") });

    // `send()`'s own Prefer replaces it (4.01's `=false`) or is sent beside it.
    srv.handle(() => ({ status: 500 }));
    const none = rt.batch(client, { format });
    const settled = Promise.allSettled([getSession(none, session("s0"))]);
    await none.send({ headers: { Prefer: "odata.continue-on-error=false, respond-async" } }).catch(() => undefined);
    await settled;
    expect(srv.requests.at(-1)!.headers.prefer).toBe("odata.continue-on-error=false, respond-async");
  });

  /**
   * A multipart service as Protocol §11.7.4 has it: each GET of a session answered in order, s0 not
   * found; after a failure it goes on only where the batch's Prefer asks, else its error is the last
   * part. `whole`: a 4.0 service that answers the whole $batch with the failed request's status then.
   */
  function stopping(whole = false): void {
    srv.handle((r) => {
      const goOn = /(^|[,\s])odata\.continue-on-error(?!=false)/.test(String(r.headers.prefer ?? ""));
      const ids = [...r.body.matchAll(/^GET \S+\/(s\d) HTTP\/1\.1/gm)].map((m) => m[1]!);
      const failed = ids.indexOf("s0");
      if (whole && !goOn && failed >= 0) return NOT_FOUND;
      const run = goOn || failed < 0 ? ids : ids.slice(0, failed + 1);
      const http = run.map((id) => (id === "s0" ? `HTTP/1.1 404 Not Found\r\n${JSON_TYPE}\r\n\r\n${JSON.stringify(NOT_FOUND.body)}` : `HTTP/1.1 200 OK\r\n${JSON_TYPE}\r\n\r\n${JSON.stringify(body(id))}`));
      return { headers: { "content-type": "multipart/mixed; boundary=b" }, body: `${http.map((p) => `--b\r\nContent-Type: application/http\r\n\r\n${p}\r\n`).join("")}--b--\r\n` };
    });
  }
  const JSON_TYPE = "Content-Type: application/json";
  const CONFLICT = `HTTP/1.1 409 Conflict\r\n${JSON_TYPE}\r\n\r\n${JSON.stringify({ error: { code: "Conflict", message: "rolled back" } })}`;

  /** A multipart batch in order, sent: a read, a change set of two deletes, a read. */
  async function readDeleteTwoRead(client: rt.Client) {
    const b = rt.batch(client, { format: "multipart", inOrder: true });
    const read = getSession(b, session("s1"));
    const changes = b.atomic();
    const removed = [deleteSession(changes, session("d1")), deleteSession(changes, session("d2"))];
    const after = getSession(b, session("s2"));
    await b.send();
    return { read, removed, after };
  }
  /** Each call's outcome: its session's id, or the error's status and code. */
  const outcomes = (calls: Promise<{ id: string }>[]) => Promise.all(calls.map((c) => c.then((s) => s.id, (e: rt.ODataError) => `${e.status} ${e.code}`)));
  const at = (id: string) => `GET ${srv.url}/${PATH}/${id}`;

  test("multipart in order: the batch does not ask the service to go on; it stops at the failure, and the calls after it reject with 424 naming it", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    stopping();
    const b = rt.batch(client, { format: "multipart", inOrder: true });
    const calls = ["s1", "s0", "s2", "s3"].map((id) => getSession(b, session(id)));
    await b.send();
    expect(srv.requests.at(-1)!.headers.prefer).toBeUndefined();
    expect(await outcomes(calls)).toEqual(["s1", "404 NotFound", "424 FailedDependency", "424 FailedDependency"]);
    await expect(calls[3]).rejects.toMatchObject({
      name: "ODataError",
      request: at("s3"),
      message: `${at("s3")}: 424 Failed Dependency: not run, as ${at("s0")}, before it in the $batch, failed and the service stopped there`,
    });

    // send()'s own Prefer wins: asked to go on, the service runs the requests after the failure.
    const asked = rt.batch(client, { format: "multipart", inOrder: true });
    const all = ["s1", "s0", "s2"].map((id) => getSession(asked, session(id)));
    await asked.send({ headers: { Prefer: "odata.continue-on-error" } });
    expect(await outcomes(all)).toEqual(["s1", "404 NotFound", "s2"]);

    // Without inOrder, the batch asks it to go on, as before; and a JSON batch in order asks it too
    // (its service answers 424 to the requests that depend on the failed one).
    const unordered = rt.batch(client, { format: "multipart" });
    const each = ["s1", "s0", "s2"].map((id) => getSession(unordered, session(id)));
    await unordered.send();
    expect(srv.requests.at(-1)!.headers.prefer).toBe("odata.continue-on-error");
    expect(await outcomes(each)).toEqual(["s1", "404 NotFound", "s2"]);
    srv.handle((r) => ({ body: { responses: JSON.parse(r.body).requests.map(({ id }: { id: string }) => ({ id, status: 200, body: body("s1") })) } }));
    const json = rt.batch(client, { inOrder: true });
    const read = getSession(json, session("s1"));
    await json.send();
    await read;
    expect(srv.requests.at(-1)!.headers.prefer).toBe("odata.continue-on-error");
  });

  test("multipart in order: the service stops at a failed change set, answered once; the call after it rejects with 424 naming the change set's first call", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    answer(OK, CONFLICT);
    const { read, removed, after } = await readDeleteTwoRead(client);
    expect(await read).toEqual(body("s1"));
    for (const r of removed) await expect(r).rejects.toMatchObject({ status: 409, code: "Conflict" });
    await expect(after).rejects.toMatchObject({ status: 424, code: "FailedDependency", message: `${at("s2")}: 424 Failed Dependency: not run, as DELETE ${srv.url}/${PATH}/d1, before it in the $batch, failed and the service stopped there` });
  });

  test("multipart in order: the service stops at a change set answered a part each, the second failed; the call after it rejects with 424 naming that one", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    const changeset = ["HTTP/1.1 204 No Content\r\n", CONFLICT].map((m) => `--cs\r\nContent-Type: application/http\r\n\r\n${m}\r\n`).join("");
    srv.handle(() => ({ headers: { "content-type": "multipart/mixed; boundary=b" }, body: `--b\r\nContent-Type: application/http\r\n\r\n${OK}\r\n--b\r\nContent-Type: multipart/mixed; boundary=cs\r\n\r\n${changeset}--cs--\r\n--b--\r\n` }));
    const { read, removed, after } = await readDeleteTwoRead(client);
    expect(await read).toEqual(body("s1"));
    await expect(removed[0]).rejects.toMatchObject({ status: 424, code: "FailedDependency", message: expect.stringContaining(`not done, as DELETE ${srv.url}/${PATH}/d2 in its change set failed`) });
    await expect(removed[1]).rejects.toMatchObject({ status: 409, code: "Conflict" });
    await expect(after).rejects.toMatchObject({ status: 424, code: "FailedDependency", message: `${at("s2")}: 424 Failed Dependency: not run, as DELETE ${srv.url}/${PATH}/d2, before it in the $batch, failed and the service stopped there` });
  });

  test("send()'s Prefer in OData 4.01's spelling, continue-on-error without odata., replaces the batch's own rather than going beside it", async () => {
    const client = rt.createClient({ baseUrl: srv.url, headers: { Prefer: 'odata.include-annotations="*"' } });
    stopping();
    const b = rt.batch(client, { format: "multipart" });
    const calls = outcomes(["s1", "s0", "s2"].map((id) => getSession(b, session(id))));
    await b.send({ headers: { Prefer: 'continue-on-error=false, include-annotations="-*"' } });
    expect(srv.requests.at(-1)!.headers.prefer).toBe('continue-on-error=false, include-annotations="-*"');
    expect(await calls).toEqual(["s1", "404 NotFound", "424 FailedDependency"]);
  });

  test("the client's own headers asking the service to stop are heeded: the batch does not ask it to go on", async () => {
    const client = rt.createClient({ baseUrl: srv.url, headers: { prefer: "odata.continue-on-error=false" } });
    stopping();
    const b = rt.batch(client, { format: "multipart" });
    const calls = outcomes(["s1", "s0", "s2"].map((id) => getSession(b, session(id))));
    await b.send();
    expect(srv.requests.at(-1)!.headers.prefer).toBe("odata.continue-on-error=false");
    expect(await calls).toEqual(["s1", "404 NotFound", "424 FailedDependency"]);
  });

  test("json: a service asked not to go on (continue-on-error=false) that leaves out the requests it did not run: their calls reject with 424 naming the one that failed", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    // JSON Format §19: such a service may omit the responses of the requests it did not process, in any order.
    const answered = { responses: [{ id: "2", ...NOT_FOUND }, { id: "1", status: 200, body: body("s1") }] };
    srv.handle(() => ({ body: answered }));
    const b = rt.batch(client);
    const calls = outcomes(["s1", "s0", "s2", "s3"].map((id) => getSession(b, session(id))));
    await b.send({ headers: { Prefer: "odata.continue-on-error=false" } });
    expect(await calls).toEqual(["s1", "404 NotFound", "424 FailedDependency", "424 FailedDependency"]);
    // In 4.01's spelling too; the message names the first that failed in order.
    const again = rt.batch(client);
    const settled = Promise.allSettled(["s1", "s0", "s2", "s3"].map((id) => getSession(again, session(id))));
    await again.send({ headers: { Prefer: "continue-on-error=false" } });
    const s3 = (await settled)[3]!;
    expect(s3.status === "rejected" && (s3.reason as Error).message).toBe(`${at("s3")}: 424 Failed Dependency: not run, as ${at("s0")} failed and the service, asked not to go on (continue-on-error=false), stopped`);

    // Not asked so, a response left out is the service's fault: UnreadableBody, as before.
    const asked = rt.batch(client);
    const missing = outcomes(["s1", "s0", "s2"].map((id) => getSession(asked, session(id))));
    await asked.send();
    expect(await missing).toEqual(["s1", "404 NotFound", "200 UnreadableBody"]);
  });

  test("multipart in order: a 4.0 service that answers the whole $batch with the failed request's status rejects send() and every call with it", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    stopping(true);
    const b = rt.batch(client, { format: "multipart", inOrder: true });
    const calls = ["s1", "s0", "s2"].map((id) => getSession(b, session(id)));
    await expect(b.send()).rejects.toMatchObject({ name: "ODataError", status: 404, code: "NotFound", message: expect.stringContaining("no s0") });
    expect(await outcomes(calls)).toEqual(["404 NotFound", "404 NotFound", "404 NotFound"]);
    expect(srv.requests.at(-1)!.headers.prefer).toBeUndefined();
  });
});

describe("the client's preferences in a batch (Protocol §8.2.8)", () => {
  const PREFER = 'return=minimal, odata.maxpagesize=50, odata.track-changes, respond-async, odata.include-annotations="*"';
  /** The `prefer` of each request in the $batch request's body, in order (undefined where it has none). */
  function inner(format: "json" | "multipart", sent: string): (string | undefined)[] {
    if (format === "json") return JSON.parse(sent).requests.map((r: { headers: Record<string, string> }) => r.headers.prefer);
    return sent.split(/^(?=GET |PATCH )/m).slice(1).map((p) => /^prefer: ([^\r\n]*)/m.exec(p.split("\r\n\r\n")[0]!)?.[1]);
  }
  function answers(format: "json" | "multipart"): void {
    if (format === "multipart") answer(OK, "HTTP/1.1 204 No Content\r\n");
    else srv.handle((r) => ({ body: { responses: JSON.parse(r.body).requests.map(({ id, method }: { id: string; method: string }) => (method === "GET" ? { id, status: 200, body: body("s1") } : { id, status: 204 })) } }));
  }

  test.each(["json", "multipart"] as const)("%s: return, maxpagesize and track-changes go into each request and not onto the $batch request; respond-async and continue-on-error onto the $batch request only; others to both", async (format) => {
    const client = rt.createClient({ baseUrl: srv.url, headers: { Prefer: PREFER } });
    answers(format);
    const b = rt.batch(client, { format });
    const calls = [getSession(b, session("s1")), updateSession(b, session("s2"), { modalities: [] }, { prefer: "return=representation" })];
    await b.send();
    await Promise.all(calls);
    const [req] = srv.requests.slice(-1) as [Recorded];
    expect(req.headers.prefer).toBe('respond-async, odata.include-annotations="*", odata.continue-on-error');
    // The call's own preference replaces the client's of the same name, as alone.
    expect(inner(format, req.body)).toEqual(['return=minimal, odata.maxpagesize=50, odata.track-changes, odata.include-annotations="*"', 'odata.maxpagesize=50, odata.track-changes, odata.include-annotations="*", return=representation']);

    // The client's continue-on-error=false stops the batch, and is not written into its requests.
    const stopping = rt.createClient({ baseUrl: srv.url, headers: { Prefer: "odata.continue-on-error=false, odata.maxpagesize=50" } });
    answers(format);
    const c = rt.batch(stopping, { format });
    const read = getSession(c, session("s1"));
    await c.send();
    await read;
    expect(srv.requests.at(-1)!.headers.prefer).toBe("odata.continue-on-error=false");
    expect(inner(format, srv.requests.at(-1)!.body)).toEqual(["odata.maxpagesize=50"]);
  });

  test.each(["json", "multipart"] as const)("%s: send()'s own Prefer is the $batch request's, as given; a client with no preference of the requests' sends none in them", async (format) => {
    const client = rt.createClient({ baseUrl: srv.url, headers: { Prefer: "odata.maxpagesize=50" } });
    answers(format);
    const b = rt.batch(client, { format });
    const read = getSession(b, session("s1"));
    await b.send({ headers: { Prefer: "odata.maxpagesize=10" } });
    await read;
    expect(srv.requests.at(-1)!.headers.prefer).toBe("odata.continue-on-error, odata.maxpagesize=10");
    expect(inner(format, srv.requests.at(-1)!.body)).toEqual(["odata.maxpagesize=50"]);

    const plain = rt.createClient({ baseUrl: srv.url, headers: { Prefer: "respond-async" } });
    answers(format);
    const c = rt.batch(plain, { format });
    const other = getSession(c, session("s1"));
    await c.send();
    await other;
    expect(srv.requests.at(-1)!.headers.prefer).toBe("respond-async, odata.continue-on-error");
    expect(inner(format, srv.requests.at(-1)!.body)).toEqual([undefined]);
  });
});

describe("a $batch answered 429 or 503 as a whole", () => {
  // A service that ran DELETE s1 and then answered the whole $batch with the status of the GET after
  // it (503), as a 4.0 service that stops at a failure may: sent again, the DELETE would run again.
  const busy = { status: 503, headers: { "retry-after": "0" }, body: { error: { code: "ServiceUnavailable", message: "busy" } } };
  function answers(format: "json" | "multipart"): void {
    srv.handle((r, i) => {
      if (i === 0) return busy;
      if (format === "json") return { body: { responses: JSON.parse(r.body).requests.map(({ id }: { id: string }) => ({ id, status: 200, body: body("s1") })) } };
      const parts = [...r.body.matchAll(/^(GET|DELETE) /gm)].map((m) => (m[1] === "GET" ? OK : "HTTP/1.1 204 No Content\r\n"));
      return { headers: { "content-type": "multipart/mixed; boundary=b" }, body: `${parts.map((p) => `--b\r\nContent-Type: application/http\r\n\r\n${p}\r\n`).join("")}--b--\r\n` };
    });
  }

  test.each(["json", "multipart"] as const)("%s: one holding a write is not sent again; one of reads only is", async (format) => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { delayMs: 1 } });
    answers(format);
    const b = rt.batch(client, { format, inOrder: true });
    const calls = Promise.allSettled([deleteSession(b, session("s1")), getSession(b, session("s0"))]);
    const sent = await b.send().catch((e: unknown) => e);
    expect(sent).toMatchObject({ status: 503, message: expect.stringContaining("busy: not retried, as the $batch held writes, which the service may have run before it answered so") });
    expect((await calls).map((c) => c.status === "rejected" && c.reason)).toEqual([sent, sent]);
    expect(srv.requests).toHaveLength(1);

    answers(format);
    const reads = rt.batch(client, { format });
    const read = getSession(reads, session("s1"));
    await reads.send();
    expect(await read).toEqual(body("s1"));
    expect(srv.requests).toHaveLength(2);
  });
});

describe("the client's timeoutMs in a batch", () => {
  test("bounds each attempt of the $batch request, as alone, not the call: made before a late send(), through a Retry-After, it resolves", async () => {
    const client = rt.createClient({ baseUrl: srv.url, timeoutMs: 400 });
    srv.handle((r, i) => (i === 0 ? { status: 429, headers: { "retry-after": "1" } } : { body: { responses: JSON.parse(r.body).requests.map(({ id }: { id: string }) => ({ id, status: 200, body: body("s1") })) } }));
    const b = rt.batch(client);
    const calls = Promise.allSettled([getSession(b, session("s1"))]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await b.send();
    expect(await calls).toEqual([{ status: "fulfilled", value: body("s1") }]);
    expect(srv.requests.map((r) => JSON.parse(r.body).requests.length)).toEqual([1, 1]);
    // An attempt of the $batch that takes longer is one without an answer, as alone.
    srv.handle(() => ({ delayMs: 1000, body: { responses: [] } }));
    const slow = rt.batch(rt.createClient({ baseUrl: srv.url, timeoutMs: 400, retry: { maxRetries: 0 } }));
    const call = getSession(slow, session("s1")).catch((e: unknown) => e);
    const sent = await slow.send().catch((e: unknown) => e);
    expect([sent instanceof TypeError, (sent as Error).message, await call]).toEqual([true, `POST ${srv.url}/$batch: timed out after 400 ms (the client's timeoutMs)`, sent]);
  });
});

describe("what a JSON batch reads", () => {
  test("a media body is base64url (JSON Format §19.5) and its call gets the bytes; a text's body is its text", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    const media = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10, 0x80, 0x7f, 0xfb]);
    const text = "line 1\r\nline 2 \u00e9";
    srv.handle(() => ({
      body: {
        responses: [
          { id: "1", status: 200, headers: { "content-type": "image/jpeg" }, body: media.toString("base64url") },
          { id: "2", status: 200, headers: { "content-type": "text/plain" }, body: text },
          { id: "3", status: 200, headers: { "content-type": "image/png" }, body: "not base64url!" },
        ],
      },
    }));
    const b = rt.batch(client);
    const results = Promise.allSettled([rt.readStream(b, rt.stream(session("s1"), "photo")), rt.readStream(b, rt.stream(session("s1"), "note")), rt.readStream(b, rt.stream(session("s1"), "photo"))]);
    await b.send();
    const [photo, note, broken] = await results;
    expect(photo.status === "fulfilled" && [Buffer.from(await photo.value.arrayBuffer()), photo.value.type]).toEqual([media, "image/jpeg"]);
    expect(note.status === "fulfilled" && (await note.value.text())).toBe(text);
    expect(broken.status === "rejected" && broken.reason).toMatchObject({ name: "ODataError", code: "UnreadableBody", message: expect.stringContaining("its response with id 3 has a body of image/png that is not base64url") });
  });
});

describe("what a multipart batch reads", () => {
  test("a part's body is taken byte for byte: a stream's bytes that are not UTF-8, a text's CRLF; a header value's bytes as fetch reads them", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    const media = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x80, 0x9f, 0xff, 0x0d, 0x0a]);
    const text = "line 1\r\nline 2 \u00e9\r\n";
    const http = (type: string, content: Buffer, extra = "") => Buffer.concat([Buffer.from(`--b\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: ${type}\r\n${extra}\r\n`), content, Buffer.from("\r\n")]);
    srv.handle(() => ({
      headers: { "content-type": "multipart/mixed; boundary=b" },
      body: Buffer.concat([http("image/png", media), http("text/plain", Buffer.from(text)), http("application/json", Buffer.from(JSON.stringify(body("s1"))), "x-name: \u{1F600}\r\n"), Buffer.from("--b--\r\n")]),
    }));
    const b = rt.batch(client, { format: "multipart" });
    const results = Promise.allSettled([rt.readStream(b, rt.stream(session("s1"), "photo")), rt.readStream(b, rt.stream(session("s1"), "note")), getSession(b, session("s1"))]);
    await b.send();
    const [photo, note, read] = await results;
    expect(photo.status === "fulfilled" && Buffer.from(await photo.value.arrayBuffer())).toEqual(media);
    expect(note.status === "fulfilled" && (await note.value.text())).toBe(text);
    expect(read).toEqual({ status: "fulfilled", value: body("s1") });
  });

  test("a header field folded onto a second line (RFC 5322 §2.2.3, HTTP's obs-fold) is read as one", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    const inner = [`HTTP/1.1 200 OK\r\nContent-Type:\r\n application/json\r\nx-note: a\r\n\tb\r\n\r\n${JSON.stringify(body("s2"))}`, "HTTP/1.1 204 No Content\r\n"];
    const changeset = inner.map((m, i) => `--cs\r\nContent-Type: application/http\r\nContent-ID:\r\n  ${i + 1}\r\n\r\n${m}\r\n`).join("");
    srv.handle(() => ({ headers: { "content-type": "multipart/mixed; boundary=b" }, body: `--b\r\nContent-Type: multipart/mixed;\r\n\tboundary=cs\r\n\r\n${changeset}--cs--\r\n--b--\r\n` }));
    const b = rt.batch(client, { format: "multipart" });
    const changes = b.atomic();
    const results = Promise.allSettled([updateSession(changes, session("s2"), { modalities: [] }, { prefer: "return=representation" }), deleteSession(changes, session("s3"))]);
    await b.send();
    expect(await results).toEqual([
      { status: "fulfilled", value: body("s2") },
      { status: "fulfilled", value: undefined },
    ]);
  });

  test("a change set's answers go to its own calls only: by Content-ID (also as RFC 2045's <…>), in order where the service numbered them itself", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    for (const ids of [["1", "2"], ["<3>", "<2>"]]) {
      const inner = [`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(body("s2"))}`, "HTTP/1.1 204 No Content\r\n"];
      // With <…>, the answers come out of order, named.
      const order = ids[0] === "<3>" ? [1, 0] : [0, 1];
      const changeset = order.map((k, i) => `--cs\r\nContent-Type: application/http\r\nContent-ID: ${ids[i]}\r\n\r\n${inner[k]}\r\n`).join("");
      srv.handle(() => ({ headers: { "content-type": "multipart/mixed; boundary=b" }, body: `--b\r\nContent-Type: application/http\r\n\r\n${OK}\r\n--b\r\nContent-Type: multipart/mixed; boundary=cs\r\n\r\n${changeset}--cs--\r\n--b--\r\n` }));
      const b = rt.batch(client, { format: "multipart" });
      const changes = b.atomic();
      const results = Promise.allSettled([getSession(b, session("s1")), updateSession(changes, session("s2"), { modalities: [] }, { prefer: "return=representation" }), deleteSession(changes, session("s3"))]);
      await b.send();
      expect(await results).toEqual([
        { status: "fulfilled", value: body("s1") },
        { status: "fulfilled", value: body("s2") },
        { status: "fulfilled", value: undefined },
      ]);
    }
  });
});

test("a call's signal keeps no listener of the batch's once the call has settled", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  // One signal for the page's life, given to every call.
  const page = new AbortController();
  for (const format of ["json", "multipart"] as const) {
    if (format === "multipart") answer(OK, OK);
    else srv.handle(() => ({ body: { responses: ["1", "2"].map((id) => ({ id, status: 200, body: body("s1") })) } }));
    const before = getEventListeners(page.signal, "abort").length;
    const b = rt.batch(client, { format });
    const calls = [getSession(b, session("s1"), { signal: page.signal }), getSession(b, session("s1"), { signal: page.signal })];
    await b.send();
    await Promise.all(calls);
    expect(getEventListeners(page.signal, "abort")).toHaveLength(before);
  }
});
