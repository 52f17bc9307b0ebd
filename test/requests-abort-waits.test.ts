// An abort during a wait the runtime makes (between retries, between a status monitor's polls, before
// a batched GET is read again alone) ends it at once: the call rejects with the signal's reason, and
// no timer is left behind. Each program runs in a child process (bundled with esbuild from the
// committed generated/graph-callrecords) against a loopback server in this one, every wait asked
// for 30 s: a child that exits well before that left no timer keeping Node alive.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildSync } from "esbuild";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { spawnLimited } from "./helpers/spawn-limited";

const OUT = path.resolve(__dirname, "..", "generated", "graph-callrecords");

// The call waits; its fetch aborts the signal 50 ms after each answer, which the wait has begun by
// (were it not, the abort would still end it). What the child prints: whether the call rejected with
// the signal's reason, and the requests it sent.
const CHILD = `import { batch, createClient, respondAsync } from "./runtime.js";
import { communications, cloudCommunicationsCallRecords } from "./microsoft.graph.requests.js";
import { callRecordSessions, getSession } from "./microsoft.graph.callRecords.requests.js";
const session = callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey("r1")).byKey("s1");
const stop = new AbortController();
const reason = new Error("the user left");
let sent = 0;
const client = createClient({
  baseUrl: process.env.SERVICE,
  retry: { delayMs: 30000 },
  fetch: (url, init) => (sent++, fetch(url, init).then((r) => (setTimeout(() => stop.abort(reason), 50), r))),
});
const options = { signal: stop.signal };
let call;
if (process.env.WAIT === "batch") {
  const b = batch(client);
  call = getSession(b, session, options);
  b.send().catch(() => {});
} else {
  call = getSession(client, session, process.env.WAIT === "poll" ? { ...options, respondAsync: respondAsync({ maxWaitMs: 60000 }) } : options);
}
call.then(
  () => console.log(JSON.stringify({ resolved: true })),
  (e) => console.log(JSON.stringify({ reason: e === reason, sent })),
);
`;

let srv: Loopback;
let file: string;
beforeAll(async () => {
  srv = await startLoopback();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-abort-waits-"));
  file = path.join(dir, "child.cjs");
  const built = buildSync({ stdin: { contents: CHILD, resolveDir: OUT, sourcefile: "child.js", loader: "js" }, bundle: true, platform: "node", format: "cjs", write: false, logLevel: "silent" });
  fs.writeFileSync(file, built.outputFiles[0]!.text);
});
afterAll(async () => {
  await srv?.close();
  if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

const busy = { status: 503, headers: { "retry-after": "30" }, body: { error: { code: "busy", message: "busy" } } };

test.each([
  ["between retries: a 503 with Retry-After: 30", "retry", () => busy],
  ["between a status monitor's polls: a 202 with Retry-After: 30", "poll", () => ({ status: 202, headers: { location: "/m/1", "retry-after": "30" } })],
  [
    "before a batched GET answered 429 inside the $batch is read again alone, after its Retry-After: 30",
    "batch",
    () => ({ body: { responses: [{ id: "1", status: 429, headers: { "retry-after": "30" }, body: { error: { code: "busy", message: "busy" } } }] } }),
  ],
])("an abort %s ends the wait at once with the signal's reason, and the process exits, no timer left", async (_, wait, answer) => {
  srv.handle(answer);
  // Killed after 20 s, before any 30 s wait would end: a timer left behind shows as a kill, not a slow pass.
  const r = await spawnLimited(process.execPath, [file], { cwd: path.dirname(file), env: { ...process.env, SERVICE: srv.url, WAIT: wait }, timeoutMs: 20000 });
  expect([r.status, r.signal, r.stderr]).toEqual([0, null, ""]);
  expect(JSON.parse(r.stdout)).toEqual({ reason: true, sent: 1 });
  expect(srv.requests).toHaveLength(1);
});
