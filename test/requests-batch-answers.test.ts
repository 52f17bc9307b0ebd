// Batch answers a call cannot be given as they are (found by fuzzing the runtime's response
// handling over loopback): impossible statuses, a change set's calls answered by another's
// response, parts that are no HTTP response. Each call rejects with its own UnreadableBody saying
// which answer and why, and the others of the batch settle with theirs.
import { startLoopback, type Loopback, type Reply } from "./helpers/loopback";
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

/** A response part: `application/http` with an HTTP response in it. */
function part(status: string, content = "", extra: string[] = []): string {
  return ["Content-Type: application/http", "Content-Transfer-Encoding: binary", ...extra, "", `HTTP/1.1 ${status}`, ...(content ? ["Content-Type: application/json"] : []), "", content].join("\r\n");
}

/** A multipart body of `parts` under `boundary`. */
function mixed(boundary: string, parts: string[]): string {
  return `${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join("")}--${boundary}--`;
}

const multipart = (parts: string[], type = "multipart/mixed; boundary=b1"): Reply => ({ headers: { "content-type": type }, body: mixed("b1", parts) });

/** Two reads of sessions s1 and s2 in one batch answered by `reply`: how each settled. */
async function twoReads(format: "json" | "multipart", reply: Reply): Promise<PromiseSettledResult<unknown>[]> {
  srv.handle(() => reply);
  const b = rt.batch(rt.createClient({ baseUrl: srv.url }), { format });
  const calls = Promise.allSettled([getSession(b, session("s1")), getSession(b, session("s2"))]);
  await b.send();
  return calls;
}

const ok = (id: string) => ({ id, status: 200, headers: { "content-type": "application/json" }, body: body(`s${id}`) });
const unreadable = (id: string, but: string, type = "application/json") => ({
  status: "rejected",
  reason: expect.objectContaining({ name: "ODataError", status: 200, code: "UnreadableBody", request: `GET ${srv.url}/${PATH}/s${id}`, message: `GET ${srv.url}/${PATH}/s${id}: 200 ${type}, but the $batch response cannot answer it: ${but}` }),
});

describe("a status no HTTP response has", () => {
  test.each([
    ["999", 999, "the status 999, not a final HTTP status (a whole number from 200 to 599)"],
    ["0", 0, "the status 0, not a final HTTP status (a whole number from 200 to 599)"],
    ["200.5", 200.5, "the status 200.5, not a final HTTP status (a whole number from 200 to 599)"],
    ['"200 OK"', "200 OK", 'the status "200 OK", not a final HTTP status (a whole number from 200 to 599)'],
    ["missing", undefined, "no status"],
  ])("JSON: a response's status %s rejects its call with UnreadableBody, not Response's RangeError; the other call takes its answer", async (_, status, why) => {
    const [first, second] = await twoReads("json", { body: { responses: [{ ...ok("1"), status }, ok("2")] } });
    expect(first).toEqual(unreadable("1", `its response with id 1 has ${why}`));
    expect(second).toEqual({ status: "fulfilled", value: body("s2") });
  });

  test("JSON: a status of three digits as a string is read as the number", async () => {
    const [first] = await twoReads("json", { body: { responses: [{ ...ok("1"), status: "200" }, ok("2")] } });
    expect(first).toEqual({ status: "fulfilled", value: body("s1") });
  });

  test.each([
    ["999 Weird", "its part 1 has the status 999, not a final HTTP status (a whole number from 200 to 599)"],
    ["100 Continue", "its part 1 has the status 100, not a final HTTP status (a whole number from 200 to 599)"],
  ])("multipart: a part's status line HTTP/1.1 %s rejects its call with UnreadableBody", async (status, why) => {
    const [first, second] = await twoReads("multipart", multipart([part(status, JSON.stringify(body("s1"))), part("200 OK", JSON.stringify(body("s2")))]));
    expect(first).toEqual(unreadable("1", why, "multipart/mixed; boundary=b1"));
    expect(second).toEqual({ status: "fulfilled", value: body("s2") });
  });
});

describe("JSON: an atomicity group's responses", () => {
  /** Updates of s1 and s2 in one change set (ids 1 and 2, atomicityGroup g1) answered by `responses`: how each settled. */
  async function changeSet(responses: object[]): Promise<PromiseSettledResult<unknown>[]> {
    srv.handle(() => ({ body: { responses } }));
    const b = rt.batch(rt.createClient({ baseUrl: srv.url }));
    const changes = b.atomic();
    const calls = Promise.allSettled(["s1", "s2"].map((id) => updateSession(changes, session(id), { modalities: [] }, { prefer: "return=representation" })));
    await b.send();
    return calls;
  }
  const missing = (id: string) => ({
    status: "rejected",
    reason: expect.objectContaining({ code: "UnreadableBody", message: `PATCH ${srv.url}/${PATH}/s${id}: the $batch response has no response with id ${id}` }),
  });

  test("a call without a response of its own does not take another request's 2xx of its group", async () => {
    const [first, second] = await changeSet([{ id: "1", atomicityGroup: "g1", status: 200, body: body("s1") }]);
    expect(first).toEqual({ status: "fulfilled", value: body("s1") });
    expect(second).toEqual(missing("2"));
  });

  test("a 2xx for the group without an id answers none of its calls", async () => {
    expect(await changeSet([{ atomicityGroup: "g1", status: 200, body: body("s1") }])).toEqual([missing("1"), missing("2")]);
  });

  test("a failed group answered once, without an id, rejects each of its calls with that failure", async () => {
    const results = await changeSet([{ atomicityGroup: "g1", status: 409, body: { error: { code: "Conflict", message: "no" } } }]);
    for (const r of results) expect(r).toEqual({ status: "rejected", reason: expect.objectContaining({ status: 409, code: "Conflict", message: "no" }) });
  });

  test("a response whose id is the group's name answers no call of the group", async () => {
    const [first, second] = await changeSet([{ id: "2", atomicityGroup: "g1", status: 200, body: body("s2") }, { id: "g1", status: 500, body: { error: { code: "E", message: "not this" } } }]);
    expect(first).toEqual(missing("1"));
    expect(second).toEqual({ status: "fulfilled", value: body("s2") });
  });
});

describe("multipart: a change set's answers", () => {
  /** Updates of s1 and s2 in one change set (Content-IDs 1 and 2) answered by `parts`: how each settled. */
  async function changeSet(parts: string[]): Promise<PromiseSettledResult<unknown>[]> {
    srv.handle(() => multipart(parts));
    const b = rt.batch(rt.createClient({ baseUrl: srv.url }), { format: "multipart" });
    const changes = b.atomic();
    const calls = Promise.allSettled(["s1", "s2"].map((id) => updateSession(changes, session(id), { modalities: [] }, { prefer: "return=representation" })));
    await b.send();
    return calls;
  }
  const nested = (parts: string[]) => `Content-Type: multipart/mixed; boundary=cs\r\n\r\n${mixed("cs", parts)}`;

  test("one 2xx part for a change set of two requests answers neither: only a failed change set is answered once", async () => {
    const results = await changeSet([part("200 OK", JSON.stringify(body("s1")))]);
    const why = "its part 1 answers a change set of 2 requests with one 200 response, which only a failed change set has (Protocol §11.7.4)";
    expect(results).toEqual(
      ["s1", "s2"].map((id) => ({
        status: "rejected",
        reason: expect.objectContaining({ code: "UnreadableBody", message: `PATCH ${srv.url}/${PATH}/${id}: 200 multipart/mixed; boundary=b1, but the $batch response cannot answer it: ${why}` }),
      })),
    );
    // A failure answered once still rejects each call with it.
    const failed = await changeSet([part("409 Conflict", JSON.stringify({ error: { code: "Conflict", message: "no" } }))]);
    for (const r of failed) expect(r).toEqual({ status: "rejected", reason: expect.objectContaining({ status: 409, code: "Conflict" }) });
  });

  test("a part with a Content-ID goes to the request it names; one without takes the request left, not the first by position", async () => {
    const [first, second] = await changeSet([nested([part("200 OK", JSON.stringify(body("s2")), ["Content-ID: 2"]), part("200 OK", JSON.stringify(body("s1")))])]);
    expect(first).toEqual({ status: "fulfilled", value: body("s1") });
    expect(second).toEqual({ status: "fulfilled", value: body("s2") });
  });

  test("Content-IDs that name no request of the change set (the service's own numbering) are matched in order, as before", async () => {
    const [first, second] = await changeSet([nested([part("200 OK", JSON.stringify(body("s1")), ["Content-ID: 7"]), part("200 OK", JSON.stringify(body("s2")), ["Content-ID: 2"])])]);
    expect(first).toEqual({ status: "fulfilled", value: body("s1") });
    expect(second).toEqual({ status: "fulfilled", value: body("s2") });
  });
});

describe("multipart: a part that is no HTTP response", () => {
  const s1 = JSON.stringify(body("s1"));
  const s2 = part("200 OK", JSON.stringify(body("s2")));
  const plain = "Content-Type: application/http\r\n";
  test.each([
    ["a blank line before the status line", `${plain}\r\n\r\nHTTP/1.1 200 OK\r\n${"Content-Type: application/json"}\r\n\r\n${s1}`, "is not an HTTP response: a blank line comes before its status line"],
    ["no blank line after the part's header fields", `${plain}HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${s1}`, "is not an HTTP response: its status line is among its header fields (there is no blank line after them)"],
    ["a status line in lower case", `${plain}\r\nhttp/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${s1}`, "is not an HTTP response: its first line is no status line (HTTP/1.1, a three-digit status, its reason): http/1.1 200 OK"],
    ["a status of four digits (was read as 200)", `${plain}\r\nHTTP/1.1 2000 OK\r\nContent-Type: application/json\r\n\r\n${s1}`, "is not an HTTP response: its first line is no status line (HTTP/1.1, a three-digit status, its reason): HTTP/1.1 2000 OK"],
    ["a header field whose name is no token among the part's own", `${plain}Bad Name: x\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${s1}`, "has a header field no part can have: Bad Name: x"],
  ])("%s: its call rejects saying so (it had 'no response with id 1', or the whole batch failed); the other call takes its answer", async (_, first, why) => {
    const [one, two] = await twoReads("multipart", multipart([first, s2]));
    expect(one).toEqual(unreadable("1", `its part 1 ${why}`, "multipart/mixed; boundary=b1"));
    expect(two).toEqual({ status: "fulfilled", value: body("s2") });
  });

  test("a change set inside a change set is said to be one", async () => {
    srv.handle(() => multipart([`Content-Type: multipart/mixed; boundary=cs\r\n\r\n${mixed("cs", [`Content-Type: multipart/mixed; boundary=cs2\r\n\r\n${mixed("cs2", [part("200 OK", s1, ["Content-ID: 1"])])}`])}`]));
    const b = rt.batch(rt.createClient({ baseUrl: srv.url }), { format: "multipart" });
    const updated = updateSession(b.atomic(), session("s1"), { modalities: [] });
    await b.send();
    await expect(updated).rejects.toMatchObject({
      code: "UnreadableBody",
      message: `PATCH ${srv.url}/${PATH}/s1: 200 multipart/mixed; boundary=b1, but the $batch response cannot answer it: part 1 of the change set in its part 1 is not an HTTP response: it is a multipart body inside a change set, which holds application/http parts only`,
    });
  });

  test.each([
    ["multipart/mixed; xboundary=zz; boundary=b1", "a parameter whose name ends in boundary is not it"],
    ['multipart/mixed; foo="x; boundary=zz"; boundary=b1', "nor is boundary= inside another's quoted value"],
    ['multipart/mixed; BOUNDARY="b\\1"', "a quoted boundary's escapes are taken off; parameter names are case-insensitive"],
  ])("the boundary of %s is b1: %s", async (type) => {
    const results = await twoReads("multipart", multipart([part("200 OK", s1), s2], type));
    expect(results).toEqual([
      { status: "fulfilled", value: body("s1") },
      { status: "fulfilled", value: body("s2") },
    ]);
  });
});
