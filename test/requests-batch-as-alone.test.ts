// A call inside a batch (JSON or multipart, the batch's other request answered 200) rejects as it
// would alone: the same message and ODataError fields. The same GET is sent alone, then in each
// form of batch, to a loopback service answering its request the same way. Over real HTTP on
// 127.0.0.1, with the committed Graph callRecords output.
import { STATUS_CODES } from "node:http";
import { startLoopback, type Loopback, type Reply } from "./helpers/loopback";
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

interface Answer {
  status: number;
  /** A multipart part's reason phrase, else Node's (a JSON batch's response has none; the loopback service alone writes Node's). */
  reason?: string;
  headers?: Record<string, string>;
  body?: { error: { code: string; message: string } };
}

/** A `$batch` answer: session s1's 200, then `answer` to the call's request (id 2), in the batch's format. */
function batchAnswer(multipart: boolean, answer: Answer): Reply {
  const headers = { ...(answer.body && { "content-type": "application/json" }), ...answer.headers };
  const content = answer.body ? JSON.stringify(answer.body) : "";
  if (!multipart) {
    const responses = [{ id: "1", status: 200, body: body("s1") }, { id: "2", status: answer.status, headers, ...(answer.body && { body: answer.body }) }];
    return { body: { responses } };
  }
  const part = (status: string, fields: Record<string, string>, text: string) =>
    ["--b", "Content-Type: application/http", "", `HTTP/1.1 ${status}`, ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`), "", text].join("\r\n");
  const parts = [part("200 OK", { "content-type": "application/json" }, JSON.stringify(body("s1"))), part(`${answer.status} ${answer.reason ?? STATUS_CODES[answer.status]}`, headers, content)];
  return { headers: { "content-type": "multipart/mixed; boundary=b" }, body: `${parts.join("\r\n")}\r\n--b--` };
}

/** What a GET of session s2 rejects with, alone and in each form of batch, each of its requests answered `answer`. */
async function rejections(answer: Answer, retry?: rt.RetryPolicy): Promise<Record<string, unknown>> {
  const got: Record<string, unknown> = {};
  for (const form of ["alone", "json", "multipart"] as const) {
    srv.handle((req) => (req.url.endsWith("$batch") ? batchAnswer(form === "multipart", answer) : { status: answer.status, headers: answer.headers, body: answer.body }));
    const client = rt.createClient({ baseUrl: srv.url, ...(retry && { retry }) });
    if (form === "alone") {
      got[form] = await getSession(client, session("s2")).catch((e: unknown) => e);
      continue;
    }
    const b = rt.batch(client, form === "multipart" ? { format: "multipart" } : {});
    const other = getSession(b, session("s1"));
    const call = getSession(b, session("s2")).catch((e: unknown) => e);
    await b.send();
    await expect(other).resolves.toEqual(body("s1"));
    got[form] = await call;
  }
  return got;
}

/** The fields a caller reads of the error. */
const fields = (e: unknown) => {
  const { name, message, status, code, request, retryAfterMs, wwwAuthenticate } = e as rt.ODataError;
  return { name, message, status, code, request, retryAfter: retryAfterMs === undefined ? undefined : Math.round(retryAfterMs / 1000), wwwAuthenticate };
};

const slowDown = { error: { code: "TooManyRequests", message: "slow down" } };

test("a GET answered 429 or 503 whose Retry-After passes maxDelayMs says so, as alone", async () => {
  for (const answer of [
    { status: 429, headers: { "retry-after": "5" }, body: slowDown },
    { status: 503, headers: { "retry-after": "120" }, body: { error: { code: "ServiceUnavailable", message: "down for maintenance" } } },
  ]) {
    const got = await rejections(answer, { maxDelayMs: 1000 });
    expect(fields(got["alone"]).message).toMatch(/: the service asked to wait (5|120) s \(Retry-After\), more than maxDelayMs 1 s: not retried$/);
    expect([fields(got["json"]), fields(got["multipart"])]).toEqual([fields(got["alone"]), fields(got["alone"])]);
  }
});

test("a GET answered 504 is read again alone, as a GET alone is sent again; given up, the same message", async () => {
  const gatewayTimeout = { status: 504, body: { error: { code: "GatewayTimeout", message: "upstream timed out" } } };
  const got = await rejections(gatewayTimeout, { maxRetries: 1, delayMs: 1 });
  expect(fields(got["alone"])).toMatchObject({ status: 504, message: "upstream timed out: gave up after 2 attempts (maxRetries 1)" });
  expect([fields(got["json"]), fields(got["multipart"])]).toEqual([fields(got["alone"]), fields(got["alone"])]);
  // The batch's attempt and one read alone, in each form.
  expect(srv.requests.map((r) => r.method)).toEqual(["POST", "GET"]);
});

test("an error answer without a body has its status and reason phrase as message, as alone (a multipart part's own phrase)", async () => {
  // Graph answers a locked file 423; 414, 431 and 505 are proxies' and servers' own. (Not 407, which
  // Node's fetch takes for a proxy's and rejects with no answer.)
  const statuses = [404, 412, 402, 411, 414, 416, 417, 421, 423, 425, 426, 431, 505, 507, 511];
  for (const answer of [...statuses.map((status) => ({ status })), { status: 401, headers: { "www-authenticate": 'Bearer error="invalid_token"' } }, { status: 502 }]) {
    const got = await rejections(answer);
    expect(fields(got["alone"]).message).toMatch(/^\d{3} [A-Z]/);
    expect([fields(got["json"]), fields(got["multipart"])]).toEqual([fields(got["alone"]), fields(got["alone"])]);
  }
  // A multipart part's own reason phrase is its message, as a status line's is alone; a JSON batch's
  // response has none: the standard one is given.
  const got = await rejections({ status: 404, reason: "Gone Fishing" });
  expect([got["json"], got["multipart"]].map((e) => fields(e).message)).toEqual(["404 Not Found", "404 Gone Fishing"]);
});

test("a GET answered 304 Not Modified with a body (which a 304 has none of) rejects with the 304, as alone: its batch's answer is no unreadable one", async () => {
  // Alone, Node's server writes no body for a 304 and fetch reads none; in a batch the part holds one.
  const got = await rejections({ status: 304, headers: { etag: 'W/"1"' }, body: { error: { code: "NotModified", message: "not modified" } } });
  expect(fields(got["alone"])).toMatchObject({ status: 304, message: "304 Not Modified" });
  expect([fields(got["json"]), fields(got["multipart"])]).toEqual([fields(got["alone"]), fields(got["alone"])]);
});

test("an update answered 205 Reset Content with a body resolves as alone, the body (which a 205 has none of) left out", async () => {
  const content = JSON.stringify(body("s1"));
  const results: Record<string, unknown> = {};
  for (const form of ["alone", "json", "multipart"] as const) {
    srv.handle((req) => {
      if (!req.url.endsWith("$batch")) return { status: 205, headers: { "content-type": "application/json" }, body: content };
      if (form === "json") return { body: { responses: [{ id: "1", status: 205, headers: { "content-type": "application/json" }, body: body("s1") }] } };
      const part = ["--b", "Content-Type: application/http", "", "HTTP/1.1 205 Reset Content", "Content-Type: application/json", "", content].join("\r\n");
      return { headers: { "content-type": "multipart/mixed; boundary=b" }, body: `${part}\r\n--b--` };
    });
    const client = rt.createClient({ baseUrl: srv.url });
    if (form === "alone") {
      results[form] = await updateSession(client, session("s1"), { modalities: [] }).catch((e: unknown) => fields(e));
      continue;
    }
    const b = rt.batch(client, form === "multipart" ? { format: "multipart" } : {});
    const update = updateSession(b, session("s1"), { modalities: [] }).catch((e: unknown) => fields(e));
    await b.send();
    results[form] = await update;
  }
  expect(results).toEqual({ alone: undefined, json: undefined, multipart: undefined });
});
