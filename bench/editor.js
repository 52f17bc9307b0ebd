#!/usr/bin/env node
// `node bench/editor.js`: what an editor pays for the full Graph v1.0 output. A project folder holds
// a strict tsconfig.json, the output of `odatagen generate` on all of Graph, and one user file that
// updates a call record's session (README's example) and validates the body. The real language
// servers open that file as an editor does and are asked for its semantic diagnostics, a completion
// inside the update body's object literal and the quick info of `updateSession`:
//   - TypeScript 5.9's tsserver (node_modules/typescript/lib/tsserver.js), its JSON protocol on stdio;
//   - TypeScript 7's `tsc --lsp --stdio` (the Language Server Protocol), when it is installed;
//   - for comparison, the same user code against @microsoft/microsoft-graph-types (types only).
// Memory: the server process's peak and current RSS (VmHWM, VmRSS of /proc/<pid>/status, read after
// the last request); for tsserver also its live heap, after a full GC (bench/editor-heap.js).
// The same user file against the callRecords slice (--include '/communications/callRecords/**') shows
// what slicing saves. Options: --runs N (default 1: each run starts a fresh server), --keep (keep
// the project folders), --log (tsserver's verbose log into each project folder), --out-dir DIR (use
// an existing full output), --emit js (the output as JavaScript with declarations: both odatagen
// projects are generated with it), --full-only (only the full output's project: no slice, no
// types package), --json (one `EDITOR [...]` line of rows, for bench/run.js).
"use strict";
const { printTable } = require("./table");
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { GRAPH, tempDir } = require("./corpus.js");
const { startTsserver } = require("./tsserver-client.js");
const { startLsp } = require("./lsp-client.js");

const ROOT = path.resolve(__dirname, "..");
const TS7 = path.join(ROOT, "node_modules", "@typescript", "typescript-linux-x64", "lib", "tsc");
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const RUNS = Math.max(1, Number(option("--runs")) || 1);
const SLICE = "/communications/callRecords/**";
const EMIT = option("--emit") ? ["--emit", option("--emit")] : [];

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: "es2022",
    module: "nodenext",
    moduleResolution: "nodenext",
    lib: ["es2022", "dom"],
    types: [],
    noEmit: true,
  },
};

// `|` marks where the completion is asked (inside the body's object literal); `updateSession`'s
// call is where the quick info is asked.
const ODATAGEN_USER = `import { createClient } from "./graph/runtime.js";
import { communications, cloudCommunicationsCallRecords } from "./graph/microsoft.graph.requests.js";
import { callRecordSessions, updateSession } from "./graph/microsoft.graph.callRecords.requests.js";
import type { Patch } from "./graph/runtime.js";
import type { Session } from "./graph/microsoft.graph.callRecords.types.js";
import { validateSession } from "./graph/microsoft.graph.callRecords.validators.js";

declare const callRecordId: string, sessionId: string;

const client = createClient({ baseUrl: "https://graph.microsoft.com/v1.0", getToken: async () => "<access token>" });
const body: Patch<Session> = {
  modalities: ["audio"],
  failureInfo: { reason: "Reason value" },
  |
};
const check = validateSession(body, { mode: "update" });
if (!check.valid) console.error(check.errors);
const session = callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey(callRecordId)).byKey(sessionId);
export const updated = await updateSession(client, session, body);
`;

/** Typed at the completion's place before the second diagnostics: a property of the session. */
const EDIT = "isTest: true,";

const GRAPH_TYPES_USER = `import type { CallRecords } from "@microsoft/microsoft-graph-types";

declare const callRecordId: string, sessionId: string;

const body: Partial<CallRecords.Session> = {
  modalities: ["audio"],
  failureInfo: { reason: "Reason value" },
  |
};
export async function updateSession(id: string, sid: string, value: Partial<CallRecords.Session>): Promise<CallRecords.Session> {
  const r = await fetch(\`https://graph.microsoft.com/v1.0/communications/callRecords/\${id}/sessions/\${sid}\`, { method: "PATCH", body: JSON.stringify(value) });
  return (await r.json()) as CallRecords.Session;
}
export const updated = await updateSession(callRecordId, sessionId, body);
`;

async function main() {
  if (!fs.existsSync(GRAPH)) {
    console.warn(`bench/editor: SKIPPED — ${GRAPH} is absent (the benchmark needs ../shared/corpus).`);
    return;
  }
  if (!fs.existsSync(path.join(ROOT, "dist", "cli", "main.js"))) {
    console.error("bench/editor: build first (npm run build)");
    process.exitCode = 1;
    return;
  }
  const work = tempDir("editor");
  const odatagen = path.join(work, "odatagen");
  const given = option("--out-dir");
  if (given) fs.cpSync(path.resolve(given), path.join(odatagen, "graph"), { recursive: true }); // a copy: a link would put the files outside the project's package.json
  else generate(path.join(odatagen, "graph"), EMIT);
  const full = `odatagen, full Graph v1.0${EMIT.length ? ` (--emit ${EMIT[1]})` : ""}`;
  const cases = [[full, odatagen, project(odatagen, ODATAGEN_USER)]];
  if (!flag("--full-only")) {
    const sliceDir = path.join(work, "odatagen-slice");
    generate(path.join(sliceDir, "graph"), ["--include", SLICE, ...EMIT]);
    const typesDir = path.join(work, "graph-types");
    cases.push([`odatagen, callRecords slice${EMIT.length ? ` (--emit ${EMIT[1]})` : ""}`, sliceDir, project(sliceDir, ODATAGEN_USER)], ["@microsoft/microsoft-graph-types", typesDir, project(typesDir, GRAPH_TYPES_USER)]);
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(typesDir, "node_modules"), "dir");
  }

  const rows = [];
  for (const [name, dir, file] of cases) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await tsserverRun(dir, file, flag("--log") && i === 0));
    rows.push(row(`TypeScript 5.9 tsserver: ${name}`, runs));
  }
  if (fs.existsSync(TS7)) {
    for (const [name, dir, file] of cases) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await lspRun(dir, file));
      rows.push(row(`TypeScript 7 tsc --lsp --stdio: ${name}`, runs));
    }
  } else {
    console.warn(`bench/editor: TypeScript 7 rows skipped (${TS7} is absent).`);
  }
  if (flag("--json")) console.log(`EDITOR ${JSON.stringify(rows)}`);
  else print(rows);
  if (flag("--keep")) console.log(`\nproject folders kept in ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}

function makeDir(dir) {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function generate(out, extra = []) {
  const args = [path.join(ROOT, "bin", "odatagen.js"), "generate", "-q", "--input", GRAPH, "--out", out, "--accept-warning", "ODG106", ...extra];
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`odatagen generate failed (exit ${r.status}):\n${r.stderr}`);
}

/** Writes tsconfig.json and the user file (its `|` marker removed); returns the file and the marker's position. */
function project(dir, source) {
  makeDir(dir);
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2) + "\n");
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module", private: true }) + "\n");
  const marker = source.indexOf("|");
  const text = source.slice(0, marker) + source.slice(marker + 1);
  const file = path.join(dir, "app.ts");
  fs.writeFileSync(file, text);
  const quick = text.lastIndexOf("updateSession(");
  return { file, text, completion: position(text, marker), quickInfo: position(text, quick + 2) };
}

/** 0-based line and character of an offset (the user files are ASCII, so characters are UTF-16 units). */
function position(text, offset) {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

async function tsserverRun(dir, { file, text, completion, quickInfo }, log) {
  const memoryFile = path.join(dir, "heap.json");
  fs.rmSync(memoryFile, { force: true });
  const server = startTsserver({ cwd: dir, memoryFile, logFile: log ? path.join(dir, "tsserver.log") : undefined });
  const at = (p) => ({ file, line: p.line + 1, offset: p.character + 1 });
  const started = now();
  await server.request("open", { file, fileContent: text, projectRootPath: dir }, { expectResponse: false });
  const info = await server.request("projectInfo", { file, needFileNameList: true });
  const opened = now();
  const diagnostics = await server.request("semanticDiagnosticsSync", { file });
  const diagnosed = now();
  const completions = await server.request("completionInfo", { ...at(completion), includeExternalModuleExports: false });
  const completed = now();
  const quick = await server.request("quickinfo", at(quickInfo));
  const quickDone = now();
  // An edit, as typing makes: a property added to the body, then the file's diagnostics again.
  const c = at(completion);
  await server.request("change", { ...c, endLine: c.line, endOffset: c.offset, insertString: EDIT }, { expectResponse: false });
  const edited = await server.request("semanticDiagnosticsSync", { file });
  const editDone = now();
  const status = procStatus(server.pid);
  process.kill(server.pid, "SIGUSR2");
  const heap = await waitForJson(memoryFile);
  await server.stop();
  return {
    openMs: opened - started,
    diagnosticsMs: diagnosed - started,
    completionMs: completed - diagnosed,
    quickInfoMs: quickDone - completed,
    editMs: editDone - quickDone,
    ...status,
    heapBytes: heap?.heapUsed,
    files: info.fileNames.length,
    diagnostics: [...diagnostics, ...edited].map((d) => d.text),
    completions: completions?.entries?.length ?? 0,
    quickInfo: quick?.displayString ?? "",
  };
}

async function lspRun(dir, { file, text, completion, quickInfo }) {
  const server = startLsp(TS7, ["--lsp", "--stdio"], { cwd: dir });
  const uri = `file://${file}`;
  const started = now();
  await server.request("initialize", {
    processId: process.pid,
    rootUri: `file://${dir}`,
    workspaceFolders: [{ uri: `file://${dir}`, name: path.basename(dir) }],
    capabilities: { textDocument: { diagnostic: { dynamicRegistration: false }, completion: {}, hover: { contentFormat: ["plaintext"] } } },
  });
  server.notify("initialized", {});
  server.notify("textDocument/didOpen", { textDocument: { uri, languageId: "typescript", version: 1, text } });
  const diagnostics = await server.request("textDocument/diagnostic", { textDocument: { uri } });
  const diagnosed = now();
  const completions = await server.request("textDocument/completion", { textDocument: { uri }, position: completion });
  const completed = now();
  const hover = await server.request("textDocument/hover", { textDocument: { uri }, position: quickInfo });
  const quickDone = now();
  const range = { start: completion, end: completion };
  server.notify("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ range, text: EDIT }] });
  const edited = await server.request("textDocument/diagnostic", { textDocument: { uri } });
  const editDone = now();
  const status = procStatus(server.pid);
  await server.stop();
  const items = Array.isArray(completions) ? completions : completions?.items ?? [];
  const contents = hover?.contents;
  return {
    diagnosticsMs: diagnosed - started,
    completionMs: completed - diagnosed,
    quickInfoMs: quickDone - completed,
    editMs: editDone - quickDone,
    ...status,
    diagnostics: [...(diagnostics?.items ?? []), ...(edited?.items ?? [])].map((d) => d.message),
    completions: items.length,
    quickInfo: typeof contents === "string" ? contents : contents?.value ?? "",
  };
}

/** Peak and current resident set of a live process (Linux), in bytes. */
function procStatus(pid) {
  let text = "";
  try {
    text = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return {};
  }
  const kb = (name) => Number(new RegExp(`^${name}:\\s+([0-9]+) kB`, "m").exec(text)?.[1]) * 1024 || undefined;
  return { peakRss: kb("VmHWM"), rss: kb("VmRSS") };
}

async function waitForJson(file) {
  for (let i = 0; i < 600; i++) {
    if (fs.existsSync(file)) {
      try {
        return JSON.parse(fs.readFileSync(file, "utf8"));
      } catch {
        // being written
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}

function median(xs) {
  const s = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
  if (s.length === 0) return undefined;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const ms = (x) => (x === undefined ? "—" : `${Math.round(x)} ms`);
const mb = (x) => (x === undefined ? "—" : `${Math.round(x / 1e6)} MB`);

function row(name, runs) {
  const m = (key) => median(runs.map((r) => r[key]));
  const first = runs[0];
  const errors = first.diagnostics.length;
  return [
    name,
    first.files === undefined ? "" : String(first.files),
    first.openMs === undefined ? "—" : ms(m("openMs")),
    ms(m("diagnosticsMs")) + (errors ? ` (${errors} errors! first: ${first.diagnostics[0]})` : ""),
    `${ms(m("completionMs"))} (${first.completions} items)`,
    ms(m("quickInfoMs")) + (/updateSession/.test(first.quickInfo) ? "" : " (no quick info!)"),
    ms(m("editMs")),
    `${mb(m("peakRss"))} / ${mb(m("rss"))}`,
    mb(m("heapBytes")),
  ];
}

function print(rows) {
  const header = ["server: project", "files", "project loaded", "first semantic diagnostics", "completion", "quick info", "diagnostics after an edit", "peak / current RSS", "live heap"];
  printTable(header, rows);
  const load = require("node:os").loadavg().map((x) => x.toFixed(2)).join(" ");
  console.log(`\n(${RUNS} run(s) per row, medians, each with a fresh server; times from opening the file; node ${process.version}; load average ${load})`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
