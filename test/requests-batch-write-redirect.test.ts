// A write answered inside a batch (JSON or multipart) with a redirect, as fetch alone follows it: a
// 303 See Other (and a POST's 301 or 302) is read with a GET of its `Location` alone, no body, no
// Content-Type, the token and the client's headers only on the service's own origin; a 307 or 308
// (and a PUT's, PATCH's or DELETE's 301 or 302), which fetch alone would send again with the body,
// is not sent again outside the batch: the call rejects with the status and says so.
// Over real HTTP on 127.0.0.1.
import { startLoopback, type Loopback } from "./helpers/loopback";
import { PATH, body, session } from "./helpers/batch-sessions";
import { callRecordSessions, createSession, updateSession } from "../generated/graph-callrecords/microsoft.graph.callRecords.requests";
import { cloudCommunicationsCallRecords, communications } from "../generated/graph-callrecords/microsoft.graph.requests";
import * as rt from "../generated/graph-callrecords/runtime";

let srv: Loopback;
let other: Loopback;
beforeAll(async () => {
  [srv, other] = await Promise.all([startLoopback(), startLoopback()]);
});
afterAll(async () => {
  await Promise.all([srv?.close(), other?.close()]);
});

type Answer = { status: number; location: string };
const REASONS: Record<number, string> = { 302: "Found", 303: "See Other", 307: "Temporary Redirect", 308: "Permanent Redirect" };
const sessions = () => callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey("r1"));

/** Answers each request of a `$batch` (JSON or multipart) in turn with `answers`; any other request with `elsewhere`. */
function batchAnswers(multipart: boolean, answers: Answer[], elsewhere: object): void {
  srv.handle((req) => {
    if (!req.url.endsWith("/$batch")) return elsewhere;
    if (!multipart) {
      const { requests } = JSON.parse(req.body) as { requests: { id: string }[] };
      return { body: { responses: requests.map((r, i) => ({ id: r.id, status: answers[i]!.status, headers: { location: answers[i]!.location } })) } };
    }
    const parts = answers.map((a) => `--b\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 ${a.status} ${REASONS[a.status]}\r\nLocation: ${a.location}\r\n\r\n\r\n`);
    return { headers: { "content-type": "multipart/mixed; boundary=b" }, body: `${parts.join("")}--b--` };
  });
}

describe.each([["JSON", false], ["multipart", true]])("a %s batch", (_name, multipart) => {
  const format = multipart ? "multipart" : "json";

  test("a PATCH answered 303 resolves with a GET of its Location alone; elsewhere without the token and the client's headers", async () => {
    batchAnswers(multipart, [{ status: 303, location: `${other.url}/moved/s1` }, { status: 303, location: `/v1.0/${PATH}/s2` }], { body: body("s2") });
    other.handle(() => ({ body: body("s1") }));
    const client = rt.createClient({ baseUrl: `${srv.url}/v1.0`, getToken: () => "t0k", headers: { "X-Tenant": "contoso" } });
    const b = rt.batch(client, { format: format as "json" });
    const moved = updateSession(b, session("s1"), { modalities: ["video"] }, { headers: { "X-Call": "1" } });
    const here = updateSession(b, session("s2"), { modalities: ["audio"] });
    await b.send();
    await expect(moved).resolves.toEqual(body("s1"));
    await expect(here).resolves.toEqual(body("s2"));
    const seen = (l: Loopback) => l.requests.filter((r) => !r.url.endsWith("/$batch")).map((r) => [r.method, r.url, r.body, r.headers["content-type"], r.headers.authorization, r.headers["x-tenant"], r.headers["x-call"]]);
    expect(seen(other)).toEqual([["GET", "/moved/s1", "", undefined, undefined, undefined, "1"]]);
    expect(seen(srv)).toEqual([["GET", `/v1.0/${PATH}/s2`, "", undefined, "Bearer t0k", "contoso", undefined]]);
  });

  test("a POST answered 302 is read with a GET of its Location, as fetch alone reads it", async () => {
    batchAnswers(multipart, [{ status: 302, location: `${other.url}/created/s9` }], { status: 404 });
    other.handle(() => ({ body: body("s9") }));
    const b = rt.batch(rt.createClient({ baseUrl: `${srv.url}/v1.0` }), { format: format as "json" });
    const created = createSession(b, sessions(), { modalities: ["audio"] } as never);
    await b.send();
    await expect(created).resolves.toEqual(body("s9"));
    expect(other.requests.map((r) => [r.method, r.url, r.body])).toEqual([["GET", "/created/s9", ""]]);
  });

  test("a PATCH answered 307 or 308 is not sent again outside the batch: it rejects, saying so", async () => {
    batchAnswers(multipart, [{ status: 307, location: `${other.url}/elsewhere/s1` }, { status: 308, location: `${other.url}/elsewhere/s2` }], { status: 404 });
    other.handle(() => ({ status: 500 }));
    const b = rt.batch(rt.createClient({ baseUrl: `${srv.url}/v1.0` }), { format: format as "json" });
    const first = updateSession(b, session("s1"), { modalities: ["video"] }).catch((e: unknown) => e);
    const second = updateSession(b, session("s2"), { modalities: ["video"] }).catch((e: unknown) => e);
    await b.send();
    // A JSON batch's response has no reason phrase (JSON Format §19.5): it has the one fetch gives alone, as a multipart part has its own.
    const status = (n: number) => `${n} ${REASONS[n]}`;
    expect(await first).toMatchObject({
      name: "ODataError",
      status: 307,
      request: `PATCH ${srv.url}/v1.0/${PATH}/s1`,
      message: `${status(307)}: redirected to ${other.url}/elsewhere/s1, where a PATCH of a batch is not sent again alone (alone, fetch would send it there again, its body too): send it outside the batch to follow it`,
    });
    expect(await second).toMatchObject({ status: 308, message: expect.stringContaining(`${status(308)}: redirected to ${other.url}/elsewhere/s2, where a PATCH of a batch is not sent again alone`) });
    expect(other.requests).toHaveLength(0);
  });

  test("a change set one request of which is answered 303 is done: both calls resolve", async () => {
    srv.handle((req) => {
      if (req.url.endsWith("/$batch") && !multipart) {
        const { requests } = JSON.parse(req.body) as { requests: { id: string; atomicityGroup: string }[] };
        const [a, b] = requests;
        return { body: { responses: [{ id: a!.id, atomicityGroup: a!.atomicityGroup, status: 303, headers: { location: `${other.url}/s1` } }, { id: b!.id, atomicityGroup: b!.atomicityGroup, status: 204 }] } };
      }
      if (req.url.endsWith("/$batch")) {
        const answer = (status: string, more: string) => `--cs\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 ${status}\r\n${more}\r\n\r\n`;
        const inner = `${answer("303 See Other", `Location: ${other.url}/s1\r\n`)}${answer("204 No Content", "")}--cs--`;
        return { headers: { "content-type": "multipart/mixed; boundary=b" }, body: `--b\r\nContent-Type: multipart/mixed; boundary=cs\r\n\r\n${inner}\r\n--b--` };
      }
      return { status: 404 };
    });
    other.handle(() => ({ body: body("s1") }));
    const b = rt.batch(rt.createClient({ baseUrl: `${srv.url}/v1.0` }), { format: format as "json" });
    const changes = b.atomic();
    const moved = updateSession(changes, session("s1"), { modalities: ["video"] });
    const plain = updateSession(changes, session("s2"), { modalities: ["video"] });
    await b.send();
    await expect(moved).resolves.toEqual(body("s1"));
    await expect(plain).resolves.toBeUndefined();
  });
});
