// The generated client needs only what a browser has: bundled for the browser platform (esbuild
// fails on any Node built-in) and run in a bare VM context holding just browser-style globals
// (fetch, URL, setTimeout), it makes the Graph seed call.
import * as path from "node:path";
import * as vm from "node:vm";
import { buildSync } from "esbuild";

const OUT = path.resolve(__dirname, "..", "generated", "graph-callrecords");

const ENTRY = `
import { createClient } from "./runtime.js";
import { communications } from "./microsoft.graph.requests.js";
import { cloudCommunicationsCallRecords } from "./microsoft.graph.requests.js";
import { callRecordSessions, updateSession } from "./microsoft.graph.callRecords.requests.js";
import { validateSession } from "./microsoft.graph.callRecords.validators.js";
export async function run(fetch) {
  const client = createClient({ baseUrl: "https://graph.example/v1.0", fetch, getToken: () => "t0k" });
  const ref = callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey("cr 1")).byKey("s/1");
  const updated = await updateSession(client, ref, { isTest: true });
  return { updated, check: validateSession({ modalities: ["audio"] }, { mode: "update" }).valid };
}
`;

function bundle(): string {
  const r = buildSync({
    stdin: { contents: ENTRY, resolveDir: OUT, sourcefile: "entry.js", loader: "js" },
    bundle: true,
    platform: "browser",
    format: "iife",
    globalName: "app",
    write: false,
    logLevel: "silent",
  });
  return r.outputFiles[0].text;
}

test("bundles for the browser platform without any Node built-in", () => {
  const code = bundle();
  expect(code).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\b/);
});

test("runs the seed PATCH in a context with browser globals only", async () => {
  const sent: { url: string; method: string; headers: Record<string, string>; body: string }[] = [];
  const fakeFetch = async (url: string, init: { method: string; headers: Record<string, string>; body: string }) => {
    sent.push({ url, method: init.method, headers: init.headers, body: init.body });
    const body = JSON.stringify({ id: "s/1", isTest: true });
    return { ok: true, status: 200, statusText: "OK", headers: { get: (n: string) => (n.toLowerCase() === "content-type" ? "application/json" : null) }, text: async () => body, arrayBuffer: async () => new ArrayBuffer(0) };
  };
  const context = vm.createContext({ URL, setTimeout, clearTimeout, Promise, JSON, encodeURIComponent, decodeURIComponent });
  vm.runInContext(bundle(), context);
  const app = (context as { app: { run(f: unknown): Promise<{ updated: unknown; check: boolean }> } }).app;
  const result = await app.run(fakeFetch);
  expect(sent).toHaveLength(1);
  expect(sent[0].method).toBe("PATCH");
  expect(sent[0].url).toBe("https://graph.example/v1.0/communications/callRecords/cr%201/sessions/s%2F1");
  expect(sent[0].headers.Authorization).toBe("Bearer t0k");
  expect(JSON.parse(sent[0].body)).toEqual({ isTest: true });
  expect(result.updated).toEqual({ id: "s/1", isTest: true });
  expect(result.check).toBe(true);
});
