// A failed batch and the calls on it that nothing awaits: run in a child process (bundled with
// esbuild from the committed generated/graph-callrecords) that counts its unhandled rejections,
// against a loopback server in this one.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildSync } from "esbuild";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { body } from "./helpers/batch-sessions";

const OUT = path.resolve(__dirname, "..", "generated", "graph-callrecords");

// What each child program begins with: the calls it makes, its count of unhandled rejections,
// a session's address, a turn of the event loop, and a promise's outcome as text.
const PRELUDE = `import { batch, createClient } from "./runtime.js";
import { communications, cloudCommunicationsCallRecords } from "./microsoft.graph.requests.js";
import { callRecordSessions, deleteSession, getSession, updateSession } from "./microsoft.graph.callRecords.requests.js";
const unhandled = [];
process.on("unhandledRejection", (e) => unhandled.push(e.message));
const session = (id) => callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey("r1")).byKey(id);
const turn = () => new Promise((resolve) => setImmediate(resolve));
const outcome = (p) => p.then(() => "fulfilled", (e) => e.code ?? e.message);`;

// Each round: a call nothing ever awaits, a call awaited only a turn of the event loop after
// send() settled, and a read awaited at once; each round's batch goes to its own path.
const ENTRY = `
${PRELUDE}
async function round(name, format) {
  const b = batch(createClient({ baseUrl: process.env.SERVICE + "/" + name }), { format });
  getSession(b, session("never"));
  deleteSession(b.atomic(), session("never"));
  const later = updateSession(b, session("later"), { modalities: [] });
  const now = getSession(b, session("now"));
  const sent = await outcome(b.send());
  const read = await outcome(now);
  await turn();
  await turn();
  return { sent, read, later: await outcome(later) };
}
async function main() {
  const rounds = { json: await round("bad", "json"), multipart: await round("cut", "multipart"), member: await round("ok", "json") };
  await turn();
  console.log(JSON.stringify({ rounds, unhandled }));
}
main();
`;

// In order, split in $batch requests of 2: s1 fails, s2 fails after it (the service's 424 in the
// JSON form; in the multipart one, the runtime's, as the service stopped at s1 and answered nothing
// after it), s3 is not sent (the runtime's 424). Nothing awaits s1; s2 and s3 are awaited a turn
// after send() settled (Node warns of a rejection it reported that is handled afterwards).
const IN_ORDER = `
${PRELUDE}
async function round(name, format) {
  const b = batch(createClient({ baseUrl: process.env.SERVICE + "/" + name }), { format, inOrder: true, maxRequests: 2 });
  getSession(b, session("s1"));
  const second = getSession(b, session("s2"));
  const later = getSession(b, session("s3"));
  const sent = await outcome(b.send());
  await turn();
  await turn();
  return { sent, second: await outcome(second), later: await outcome(later) };
}
async function main() {
  const rounds = { json: await round("json", "json"), multipart: await round("multipart", "multipart") };
  await turn();
  console.log(JSON.stringify({ rounds, unhandled }));
}
main();
`;

// A call aborted after send(), while the first $batch is in flight, and so left out of the second;
// nothing awaits it. The first then fails: a request of it, in order ("order"), or as a whole ("down").
const ABORTED = `
${PRELUDE}
async function round(name) {
  const stop = new AbortController();
  const b = batch(createClient({ baseUrl: process.env.SERVICE + "/" + name, retry: { maxRetries: 0 } }), { inOrder: true, maxRequests: 2 });
  const awaited = [getSession(b, session("s1")), getSession(b, session("s2"))];
  getSession(b, session("s3"), { signal: stop.signal });
  const sending = outcome(b.send());
  // After send()'s own first turn: the batch is sent, the first $batch in flight.
  setTimeout(() => stop.abort(new Error("stopped " + name)), 0);
  const sent = await sending;
  const calls = await Promise.all(awaited.map(outcome));
  await turn();
  await turn();
  return { sent, calls };
}
async function main() {
  const rounds = { order: await round("order"), down: await round("down") };
  await turn();
  console.log(JSON.stringify({ rounds, unhandled }));
}
main();
`;

// The end of a program that defines round(name, format): a round with each batch format, then the
// rejections nothing awaited, two turns later.
const BOTH_FORMATS = `async function main() {
  const rounds = { json: await round("json", "json"), multipart: await round("multipart", "multipart") };
  await turn();
  await turn();
  console.log(JSON.stringify({ rounds, unhandled }));
}
main();`;

// Without inOrder, requests that depend on none: the service answers s2 424 of its own accord (a
// dependency of its own failed, outside the batch). Nothing awaits any call.
const OWN_424 = `
${PRELUDE}
async function round(name, format) {
  const b = batch(createClient({ baseUrl: process.env.SERVICE + "/" + name }), { format });
  getSession(b, session("s1"));
  getSession(b, session("s2"));
  return outcome(b.send());
}
${BOTH_FORMATS}
`;

// A change set of three deletes, answered once for all (the atomicity group's one response, JSON
// Format §19.5; a multipart change set's one part, Protocol §11.7.4). Nothing awaits any call.
const CHANGE_SET = `
${PRELUDE}
async function round(name, format) {
  const b = batch(createClient({ baseUrl: process.env.SERVICE + "/" + name }), { format });
  const changes = b.atomic();
  for (const id of ["s1", "s2", "s3"]) deleteSession(changes, session(id));
  return outcome(b.send());
}
${BOTH_FORMATS}
`;

// In order, split in $batch requests of 3: a change set of two deletes, then s3 (dependsOn the
// change set) in the first, s4 in the second. Nothing awaits any call.
const IN_ORDER_SET = `
${PRELUDE}
async function main() {
  const b = batch(createClient({ baseUrl: process.env.SERVICE }), { inOrder: true, maxRequests: 3 });
  const changes = b.atomic();
  deleteSession(changes, session("d1"));
  deleteSession(changes, session("d2"));
  const third = getSession(b, session("s3"));
  const fourth = getSession(b, session("s4"));
  const sent = await outcome(b.send());
  await turn();
  await turn();
  console.log(JSON.stringify({ sent, third: await outcome(third), fourth: await outcome(fourth), unhandled }));
}
main();
`;

// Calls that fail before their requests go: a GET in a change set (refused when it is made), a
// change naming the entity of that GET, which made no request (refused too), and one naming the
// entity of a call aborted before send() (left out when send() starts). Awaited after send(), as
// the README says, they are no unhandled rejection while the $batch is out; the one nothing awaits
// is reported, once send() settled, as alone. The aborted call rejects at once, as documented.
const BEFORE_SEND = `
${PRELUDE}
async function round(name, format) {
  const b = batch(createClient({ baseUrl: process.env.SERVICE + "/" + name }), { format });
  const sessions = callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey("r1"));
  const changes = b.atomic();
  const refused = getSession(changes, session("e1"));
  const naming = updateSession(changes, changes.created(refused, sessions), { modalities: [] });
  const stop = new AbortController();
  const aborted = updateSession(changes, session("a1"), { modalities: [] }, { signal: stop.signal });
  const abortedOutcome = outcome(aborted);
  const dangling = deleteSession(changes, changes.created(aborted, sessions));
  stop.abort(new Error("stopped " + name));
  getSession(b.atomic(), session("e2"));
  const read = getSession(b, session("s1"));
  const sent = await outcome(b.send());
  return { sent, read: await outcome(read), refused: await outcome(refused), naming: await outcome(naming), aborted: await abortedOutcome, dangling: await outcome(dangling) };
}
${BOTH_FORMATS}
`;

// Split in $batch requests of 2 (Graph takes 20 in one): s1 fails alone in the first, while the
// second, s3's, is still out. The calls are awaited after send(), as the README says: no unhandled
// rejection while the second $batch is out.
const SPLIT = `
${PRELUDE}
async function main() {
  const b = batch(createClient({ baseUrl: process.env.SERVICE }), { maxRequests: 2 });
  const calls = ["s1", "s2", "s3"].map((id) => getSession(b, session(id)));
  const sent = await outcome(b.send());
  const settled = await Promise.all(calls.map(outcome));
  await turn();
  console.log(JSON.stringify({ sent, settled, unhandled }));
}
main();
`;

// A call's own timeoutMs runs out while its $batch is out: awaited after send(), as the README says.
const OWN_TIMEOUT = `
${PRELUDE}
async function main() {
  const b = batch(createClient({ baseUrl: process.env.SERVICE }));
  const slow = getSession(b, session("s1"), { timeoutMs: 50 });
  const read = getSession(b, session("s2"));
  const sent = await outcome(b.send());
  const settled = [await outcome(slow), await outcome(read)];
  await turn();
  console.log(JSON.stringify({ sent, settled, unhandled }));
}
main();
`;

let srv: Loopback;
let dir: string;
beforeAll(async () => {
  srv = await startLoopback();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-batch-unhandled-"));
});
afterAll(async () => {
  await srv?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `entry` in a child `node` with `flags`; its output and exit code. */
function runChild(flags: string[], entry = ENTRY): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const file = path.join(dir, "entry.cjs");
  const built = buildSync({ stdin: { contents: entry, resolveDir: OUT, sourcefile: "entry.js", loader: "js" }, bundle: true, platform: "node", format: "cjs", write: false, logLevel: "silent" });
  fs.writeFileSync(file, built.outputFiles[0]!.text);
  const child = spawn(process.execPath, [...flags, file], { env: { ...process.env, SERVICE: srv.url }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

test("a failed batch leaves no unhandled rejection for calls nothing awaits; a call awaited later still rejects with the batch's error", async () => {
  srv.handle((r) => {
    // A whole-batch failure per format: 400 for JSON, a multipart answer cut short (UnreadableBody).
    if (r.url.startsWith("/bad/")) return { status: 400, body: { error: { code: "BadRequest", message: "bad batch" } } };
    if (r.url.startsWith("/cut/")) return { headers: { "content-type": "multipart/mixed; boundary=b" }, body: "--b\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 200 OK\r\n" };
    // The batch succeeds; one of its requests fails alone.
    const requests: { id: string; url: string }[] = JSON.parse(r.body).requests;
    return { body: { responses: requests.map(({ id, url }) => (url.endsWith("/never") && id === "1" ? { id, status: 404, body: { error: { code: "NotFound", message: "no session never" } } } : { id, status: 200, body: body("s1") })) } };
  });
  const { code, stdout, stderr } = await runChild([]);
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  const { rounds, unhandled } = JSON.parse(stdout) as { rounds: Record<string, unknown>; unhandled: string[] };
  expect(rounds).toEqual({
    json: { sent: "BadRequest", read: "BadRequest", later: "BadRequest" },
    multipart: { sent: "UnreadableBody", read: "UnreadableBody", later: "UnreadableBody" },
    member: { sent: "fulfilled", read: "fulfilled", later: "fulfilled" },
  });
  // A request of a batch that went through, failing alone where nothing awaits it, is still reported.
  expect(unhandled).toEqual(["no session never"]);
});

test("under --unhandled-rejections=strict, a failed batch whose calls nothing awaits does not end the process", async () => {
  srv.handle(() => ({ status: 503, headers: { "retry-after": "0" }, body: { error: { code: "Unavailable", message: "down" } } }));
  const { code, stdout, stderr } = await runChild(["--unhandled-rejections=strict"]);
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  expect(JSON.parse(stdout).rounds.json).toEqual({ sent: "Unavailable", read: "Unavailable", later: "Unavailable" });
});

test("in order, a call that fails only as an earlier one did (424, the service's or for a $batch not sent) is no unhandled rejection; the one that failed is", async () => {
  const notFound = { error: { code: "NotFound", message: "no session s1" } };
  srv.handle((r) => {
    if (r.url.startsWith("/json/")) {
      const requests: { id: string }[] = JSON.parse(r.body).requests;
      return { body: { responses: requests.map(({ id }) => (id === "1" ? { id, status: 404, body: notFound } : { id, status: 424, body: { error: { code: "FailedDependency", message: "failed dependency" } } })) } };
    }
    // Multipart: the batch asks no continue-on-error; the service stops at the failure, its error the
    // last part (Protocol §11.7.4), and answers nothing for s2.
    const part = ["Content-Type: application/http", "", "HTTP/1.1 404 Not Found", "Content-Type: application/json", "", JSON.stringify(notFound)].join("\r\n");
    return { headers: { "content-type": "multipart/mixed; boundary=b" }, body: `--b\r\n${part}\r\n--b--` };
  });
  const { code, stdout, stderr } = await runChild([], IN_ORDER);
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  const { rounds, unhandled } = JSON.parse(stdout) as { rounds: Record<string, unknown>; unhandled: string[] };
  const failed = { sent: "fulfilled", second: "FailedDependency", later: "FailedDependency" };
  expect(rounds).toEqual({ json: failed, multipart: failed });
  // The $batch requests after the failure were not sent; only the JSON one asked to go on.
  expect(srv.requests.map((r) => [r.url, r.headers.prefer])).toEqual([
    ["/json/$batch", "odata.continue-on-error"],
    ["/multipart/$batch", undefined],
  ]);
  expect(unhandled).toEqual(["no session s1", "no session s1"]);
});

test("a call aborted after send() is not marked handled later, when the $batch before it fails: its own abort is reported once, and no warning follows", async () => {
  srv.handle((r) => {
    if (r.url.startsWith("/down/")) return { delayMs: 20, status: 500, body: { error: { code: "InternalServerError", message: "down" } } };
    const requests: { id: string }[] = JSON.parse(r.body).requests;
    return { delayMs: 20, body: { responses: requests.map(({ id }) => (id === "1" ? { id, status: 404, body: { error: { code: "NotFound", message: "no session s1" } } } : { id, status: 424, body: { error: { code: "FailedDependency", message: "failed dependency" } } })) } };
  });
  const { code, stdout, stderr } = await runChild([], ABORTED);
  // Node warns (PromiseRejectionHandledWarning) where a rejection it reported is handled afterwards.
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  const { rounds, unhandled } = JSON.parse(stdout) as { rounds: Record<string, unknown>; unhandled: string[] };
  expect(rounds).toEqual({
    order: { sent: "fulfilled", calls: ["NotFound", "FailedDependency"] },
    down: { sent: "InternalServerError", calls: ["InternalServerError", "InternalServerError"] },
  });
  expect(unhandled).toEqual(["stopped order", "stopped down"]);
  expect(srv.requests.map((r) => r.url)).toEqual(["/order/$batch", "/down/$batch"]);
});

test("a 424 the service answers to a request that depends on none of the batch is that call's own failure: where nothing awaits it, an unhandled rejection", async () => {
  const failed = { error: { code: "FailedDependency", message: "the ledger is down" } };
  srv.handle((r) => {
    if (r.url.startsWith("/json/")) {
      const requests: { id: string; url: string; dependsOn?: string[] }[] = JSON.parse(r.body).requests;
      expect(requests.map((q) => q.dependsOn)).toEqual([undefined, undefined]);
      return { body: { responses: requests.map(({ id, url }) => (url.endsWith("/s2") ? { id, status: 424, body: failed } : { id, status: 200, body: body("s1") })) } };
    }
    const lines = [...r.body.matchAll(/^GET \S+\/(s\d) HTTP\/1\.1/gm)].map((m) => m[1]!);
    const part = (id: string) => ["Content-Type: application/http", "", id === "s2" ? "HTTP/1.1 424 Failed Dependency" : "HTTP/1.1 200 OK", "Content-Type: application/json", "", JSON.stringify(id === "s2" ? failed : body(id))].join("\r\n");
    return { headers: { "content-type": "multipart/mixed; boundary=b" }, body: `${lines.map((id) => `--b\r\n${part(id)}\r\n`).join("")}--b--` };
  });
  const { code, stdout, stderr } = await runChild([], OWN_424);
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  const { rounds, unhandled } = JSON.parse(stdout) as { rounds: Record<string, unknown>; unhandled: string[] };
  expect(rounds).toEqual({ json: "fulfilled", multipart: "fulfilled" });
  // No call of the batch failed before it: nothing else reports this failure.
  expect(unhandled).toEqual(["the ledger is down", "the ledger is down"]);
});

test("a change set answered once for all its requests is one failure: one unhandled rejection where nothing awaits its calls", async () => {
  const conflict = { error: { code: "Conflict", message: "the change set was rolled back" } };
  srv.handle((r) => {
    if (r.url.startsWith("/json/")) {
      const requests: { atomicityGroup: string }[] = JSON.parse(r.body).requests;
      return { body: { responses: [{ atomicityGroup: requests[0]!.atomicityGroup, status: 409, body: conflict }] } };
    }
    const part = ["Content-Type: application/http", "", "HTTP/1.1 409 Conflict", "Content-Type: application/json", "", JSON.stringify(conflict)].join("\r\n");
    return { headers: { "content-type": "multipart/mixed; boundary=b" }, body: `--b\r\n${part}\r\n--b--` };
  });
  const { code, stdout, stderr } = await runChild([], CHANGE_SET);
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  const { rounds, unhandled } = JSON.parse(stdout) as { rounds: Record<string, unknown>; unhandled: string[] };
  expect(rounds).toEqual({ json: "fulfilled", multipart: "fulfilled" });
  expect(unhandled).toEqual(["the change set was rolled back", "the change set was rolled back"]);
});

test("in order, a change set answered once, then a request the service answers 424, the answers in reverse order: one unhandled rejection", async () => {
  const conflict = { error: { code: "Conflict", message: "the change set was rolled back" } };
  srv.handle((r) => {
    const requests: { id: string; atomicityGroup?: string; dependsOn?: string[] }[] = JSON.parse(r.body).requests;
    const group = requests[0]!.atomicityGroup!;
    // s3 depends on the change set, by its name.
    expect(requests[2]!.dependsOn).toEqual([group]);
    return { body: { responses: [{ id: requests[2]!.id, status: 424, body: { error: { code: "FailedDependency", message: "failed dependency" } } }, { atomicityGroup: group, status: 409, body: conflict }] } };
  });
  const { code, stdout, stderr } = await runChild([], IN_ORDER_SET);
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  expect(JSON.parse(stdout)).toEqual({ sent: "fulfilled", third: "FailedDependency", fourth: "FailedDependency", unhandled: ["the change set was rolled back"] });
  // The second $batch was not sent.
  expect(srv.requests.map((r) => r.url)).toEqual(["/$batch"]);
});

test("a change set answered a response each, one failed and the others 2xx or 424, is one failure: one unhandled rejection where nothing awaits its calls", async () => {
  const conflict = { error: { code: "Conflict", message: "the change set was rolled back" } };
  const failed = { error: { code: "FailedDependency", message: "not run" } };
  // s1 answered 204 (rolled back, Protocol §11.7.3), s2 409, s3 the service's 424.
  const answers = [{ status: 204 }, { status: 409, body: conflict }, { status: 424, body: failed }];
  srv.handle((r) => {
    if (r.url.startsWith("/json/")) {
      const requests: { id: string; atomicityGroup: string }[] = JSON.parse(r.body).requests;
      return { body: { responses: requests.map(({ id, atomicityGroup }, i) => ({ id, atomicityGroup, ...answers[i] })) } };
    }
    const status = { 204: "204 No Content", 409: "409 Conflict", 424: "424 Failed Dependency" };
    const parts = answers.map((a) => ["Content-Type: application/http", "", `HTTP/1.1 ${status[a.status as keyof typeof status]}`, ...(a.body ? ["Content-Type: application/json", "", JSON.stringify(a.body)] : ["", ""])].join("\r\n"));
    const changeset = `Content-Type: multipart/mixed; boundary=cs\r\n\r\n${parts.map((p) => `--cs\r\n${p}\r\n`).join("")}--cs--`;
    return { headers: { "content-type": "multipart/mixed; boundary=b" }, body: `--b\r\n${changeset}\r\n--b--` };
  });
  const { code, stdout, stderr } = await runChild([], CHANGE_SET);
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  const { rounds, unhandled } = JSON.parse(stdout) as { rounds: Record<string, unknown>; unhandled: string[] };
  expect(rounds).toEqual({ json: "fulfilled", multipart: "fulfilled" });
  expect(unhandled).toEqual(["the change set was rolled back", "the change set was rolled back"]);
});

test("a call that fails before its request goes rejects when send() settles: awaited after send(), no unhandled rejection while the $batch is out", async () => {
  srv.handle((r) => {
    if (r.url.startsWith("/json/")) {
      const requests: { id: string }[] = JSON.parse(r.body).requests;
      return { delayMs: 20, body: { responses: requests.map(({ id }) => ({ id, status: 200, body: body("s1") })) } };
    }
    const part = ["Content-Type: application/http", "", "HTTP/1.1 200 OK", "Content-Type: application/json", "", JSON.stringify(body("s1"))].join("\r\n");
    return { delayMs: 20, headers: { "content-type": "multipart/mixed; boundary=b" }, body: `--b\r\n${part}\r\n--b--` };
  });
  const { code, stdout, stderr } = await runChild([], BEFORE_SEND);
  // Node warns (PromiseRejectionHandledWarning) where a rejection it reported is handled afterwards.
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  const { rounds, unhandled } = JSON.parse(stdout) as { rounds: Record<string, Record<string, string>>; unhandled: string[] };
  for (const round of Object.values(rounds)) {
    expect(round.sent).toBe("fulfilled");
    expect(round.read).toBe("fulfilled");
    expect(round.refused).toMatch(/^GET \S+\/e1: a GET cannot go in a change set$/);
    expect(round.naming).toMatch(/^PATCH \S+\/\$1: \$1 names no request made before it in its change set$/);
    expect(round.aborted).toMatch(/^stopped (json|multipart)$/);
    expect(round.dangling).toMatch(/^DELETE \S+\/\$3: \$3 names the entity of PATCH \S+\/a1, which left the batch before send\(\); this call is left out too$/);
  }
  // The GET nothing awaits, reported once per round, after send() settled.
  expect(unhandled.map((m) => m.replace(/^GET \S+\//, ""))).toEqual(["e2: a GET cannot go in a change set", "e2: a GET cannot go in a change set"]);
});

test("split in several $batch requests, a call that failed in an earlier one rejects when send() settles: awaited after send(), no unhandled rejection while a later $batch is out", async () => {
  srv.handle((r) => {
    const requests: { id: string; url: string }[] = JSON.parse(r.body).requests;
    const second = requests.some((q) => q.url.endsWith("/s3"));
    return { delayMs: second ? 50 : 0, body: { responses: requests.map(({ id, url }) => (url.endsWith("/s1") ? { id, status: 404, body: { error: { code: "NotFound", message: "no session s1" } } } : { id, status: 200, body: body("s1") })) } };
  });
  const { code, stdout, stderr } = await runChild([], SPLIT);
  // Without the wait for send(), Node ends the process at s1's rejection (its default, throw).
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  expect(JSON.parse(stdout)).toEqual({ sent: "fulfilled", settled: ["NotFound", "fulfilled", "fulfilled"], unhandled: [] });
  expect(srv.requests.map((r) => r.url)).toEqual(["/$batch", "/$batch"]);
});

test("a call whose own timeoutMs runs out while its $batch is out rejects when send() settles, as another failure of its own: no unhandled rejection before", async () => {
  srv.handle((r) => ({ delayMs: 300, body: { responses: (JSON.parse(r.body).requests as { id: string }[]).map(({ id }) => ({ id, status: 200, body: body("s1") })) } }));
  const { code, stdout, stderr } = await runChild([], OWN_TIMEOUT);
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  const { sent, settled, unhandled } = JSON.parse(stdout) as { sent: string; settled: string[]; unhandled: string[] };
  expect([sent, settled[0]?.replace(/^GET \S+\//, ""), settled[1], unhandled]).toEqual(["fulfilled", "s1: timed out after 50 ms (the call's timeoutMs)", "fulfilled", []]);
});
