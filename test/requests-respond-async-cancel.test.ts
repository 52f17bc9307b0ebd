// respondAsync's cancelOnAbort DELETE, which no one waits for, has one bound, its retries and their
// waits included: run in a child process (bundled with esbuild from the committed
// generated/graph-callrecords) against a loopback server in this one that answers the DELETE 503,
// then never. The child has nothing else to do: it exits once the DELETE is given up.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildSync } from "esbuild";
import { startLoopback, type Loopback, type Reply } from "./helpers/loopback";
import { PATH } from "./helpers/batch-sessions";

const OUT = path.resolve(__dirname, "..", "generated", "graph-callrecords");

// The call polls its status monitor, and its signal aborts as the first poll is answered; the call's
// timeoutMs (2 s, room for two loopback round trips on a loaded machine) is the DELETE's bound.
const ENTRY = `
import { createClient, respondAsync } from "./runtime.js";
import { communications, cloudCommunicationsCallRecords } from "./microsoft.graph.requests.js";
import { callRecordSessions, getSession } from "./microsoft.graph.callRecords.requests.js";
const stop = new AbortController();
const polled = async (url, init) => {
  const answer = await fetch(url, init);
  if (String(url).endsWith("/m/1") && init.method === "GET") stop.abort(new Error("left"));
  return answer;
};
const client = createClient({ baseUrl: process.env.SERVICE, fetch: polled });
const session = callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey("r1")).byKey("s1");
getSession(client, session, { signal: stop.signal, timeoutMs: 2000, respondAsync: respondAsync({ cancelOnAbort: true }) }).then(
  () => console.log("resolved"),
  (e) => console.log(e.message),
);
`;

let srv: Loopback;
let dir: string;
beforeAll(async () => {
  srv = await startLoopback();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-async-cancel-"));
});
afterAll(async () => {
  await srv?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs ENTRY in a child `node`; its output and exit code once it exits. */
function runChild(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const file = path.join(dir, "entry.cjs");
  const built = buildSync({ stdin: { contents: ENTRY, resolveDir: OUT, sourcefile: "entry.js", loader: "js" }, bundle: true, platform: "node", format: "cjs", write: false, logLevel: "silent" });
  fs.writeFileSync(file, built.outputFiles[0]!.text);
  const child = spawn(process.execPath, [file], { env: { ...process.env, SERVICE: srv.url }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

test("cancelOnAbort's DELETE is given up once its bound (the call's timeoutMs) is past, its retries and their waits included: a 503 asking for a wait past it is not sent again", async () => {
  let deletes = 0;
  srv.handle((req): Reply => {
    if (req.method !== "DELETE") return { status: 202, headers: { location: "/m/1", "retry-after": "0" } };
    deletes++;
    // A 503 at once is sent again within the bound; then a 503 asking for 3 s, more than the 2 s
    // bound; a third DELETE, were it sent, would never be answered.
    if (deletes === 1) return { status: 503, headers: { "retry-after": "0" } };
    if (deletes === 2) return { status: 503, headers: { "retry-after": "3" } };
    return { write: () => {} };
  });
  // The child exits: nothing holds it once the DELETE is given up.
  const { code, stdout, stderr } = await runChild();
  expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: "left\n", stderr: "" });
  // By then, the DELETE went twice, the second 503's wait cut short by the bound.
  expect(srv.requests.map((r) => [r.method, r.url])).toEqual([
    ["GET", `/${PATH}/s1`],
    ["GET", "/m/1"],
    ["DELETE", "/m/1"],
    ["DELETE", "/m/1"],
  ]);
}, 60000);
