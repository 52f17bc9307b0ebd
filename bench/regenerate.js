#!/usr/bin/env node
/**
 * Regeneration benchmark (issue 6): the prebuild case — `odatagen generate` when nothing changed —
 * timed as a user sees it (wall time of the whole CLI process, startup included), against a full
 * generation and against `node -e 0` (Node's own startup on this machine).
 *
 * Input: full Microsoft Graph v1.0 from ../shared/corpus when present (with the four derived entity
 * types that redeclare a key stripped of it, in a temporary copy, until the generator accepts them),
 * else this repository's specs. Run: `npx tsc -p tsconfig.json && node bench/regenerate.js [runs]`.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const bin = path.join(root, "bin", "odatagen.js");
const runs = Number(process.argv[2] || 9);
const corpus = path.resolve(root, "..", "shared", "corpus", "graph-v1.0-clean.xml");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-bench-"));
// A project folder has node_modules/, where odatagen keeps its stat cache (node_modules/.cache/odatagen).
fs.mkdirSync(path.join(dir, "node_modules"));

let label;
if (fs.existsSync(corpus)) {
  label = "full Graph v1.0";
  let xml = fs.readFileSync(corpus, "utf8");
  const once = spawnSync(process.execPath, [bin, "generate", "-i", corpus, "-o", path.join(dir, "probe"), "--quiet"], { encoding: "utf8" });
  if (once.status !== 0 && /ODG106/.test(once.stderr)) {
    xml = xml.replace(/(<EntityType\b[^>]*\bBaseType="[^"]*"[^>]*>)\s*<Key>[\s\S]*?<\/Key>/g, "$1");
  }
  fs.writeFileSync(path.join(dir, "graph.xml"), xml);
  fs.writeFileSync(path.join(dir, "odatagen.config.json"), JSON.stringify({ services: [{ name: "graph", input: "graph.xml", out: "gen" }] }));
} else {
  label = "this repository's specs (../shared/corpus absent)";
  for (const f of fs.readdirSync(path.join(root, "specs"))) fs.copyFileSync(path.join(root, "specs", f), path.join(dir, f));
  const services = fs.readdirSync(dir).filter((f) => f.endsWith(".xml")).map((f) => ({ name: f, input: f, out: `gen/${f}` }));
  fs.writeFileSync(path.join(dir, "odatagen.config.json"), JSON.stringify({ services }));
}

function time(args, cwd = dir) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stderr}`);
  return { ms, stdout: r.stdout };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const sample = (n, args) => median(Array.from({ length: n }, () => time(args).ms));

const full = sample(3, [bin, "generate", "--force", "--quiet"]);
const check = sample(3, [bin, "generate", "--check", "--quiet"]);
time([bin, "generate", "--quiet"]); // leaves the stat cache warm, as the previous build would have
const noChange = [];
const inProcess = [];
for (let i = 0; i < runs; i++) {
  const r = time([bin, "generate"]);
  const m = /up to date \((\d+) ms\)/.exec(r.stdout);
  if (!m) throw new Error(`not answered by the fast path: ${r.stdout}`);
  noChange.push(r.ms);
  inProcess.push(Number(m[1]));
}
const nodeStartup = sample(runs, ["-e", "0"]);
let bytes = 0;
let files = 0;
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    if (e.isDirectory()) walk(path.join(d, e.name));
    else (bytes += fs.statSync(path.join(d, e.name)).size), files++;
  }
};
walk(path.join(dir, "gen"));

const rows = [
  ["full generation (`generate --force`)", full],
  ["`generate --check` (regenerates in memory, compares)", check],
  ["no-change regeneration (`generate`, prebuild case)", median(noChange)],
  ["`node -e 0` (Node startup alone)", nodeStartup],
];
console.log(`Regeneration, ${label}: ${files} files, ${(bytes / 1e6).toFixed(1)} MB of output; median wall time of the whole process`);
console.log("| measure | ms |");
console.log("|---|---|");
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(0)} |`);
console.log(`| no-change regeneration minus Node startup | ${(median(noChange) - nodeStartup).toFixed(0)} |`);
console.log(`| no-change regeneration, odatagen's own work as it reports it (config, manifest, stats/hashes) | ${median(inProcess).toFixed(0)} |`);
console.log(`(load average ${os.loadavg().map((l) => l.toFixed(1)).join(", ")} on ${os.cpus().length} cores)`);
fs.rmSync(dir, { recursive: true, force: true });
