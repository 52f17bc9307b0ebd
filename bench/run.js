#!/usr/bin/env node
// `npm run bench`: odatagen on all of Microsoft Graph v1.0, printed as a table. Every figure is the
// median of several runs (BENCH_RUNS, default 5), each in a fresh child process so memory and JIT
// state are clean. `--no-tsc` skips the (slow, single-run) TypeScript compiler timings and the
// editor rows (bench/editor.js: the language servers on a file that uses the output).
"use strict";
const { printTable } = require("./table");
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { CORPUS, GRAPH, doubledGraph, tempDir } = require("./corpus.js");
const { validatorFloor } = require("./validator-floor.js");

const ROOT = path.resolve(__dirname, "..");
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 5);
const WITH_TSC = !process.argv.includes("--no-tsc");
const SLICE = "/communications/callRecords/**";

function main() {
  if (!fs.existsSync(GRAPH)) {
    console.warn(`bench: SKIPPED — ${GRAPH} is absent (the benchmark needs ../shared/corpus).`);
    return;
  }
  if (!fs.existsSync(path.join(ROOT, "dist", "cli", "main.js"))) {
    console.error("bench: build first (npx tsc -p tsconfig.json)");
    process.exitCode = 1;
    return;
  }
  const rows = [];
  const work = tempDir("run");
  const log = (s) => process.stderr.write(s + "\n");
  log(`bench: ${RUNS} runs per figure, load average ${loadavg()} at start`);

  // fast-xml-parser alone and the full generation, interleaved so both see the same conditions.
  const fxp = [];
  const full = [];
  for (let i = 0; i < RUNS; i++) {
    fxp.push(child([path.join(__dirname, "fxp-parse.js"), GRAPH]));
    const out = path.join(work, `full-${i}`);
    full.push(child([path.join(__dirname, "measure.js"), "generate", "-q", "--input", GRAPH, "--out", out]));
  }
  const fullOut = path.join(work, "full-0");
  const fxpParse = median(fxp.map((r) => r.parseMs));
  const fxpWall = median(fxp.map((r) => r.wallMs));
  const fullWall = median(full.map((r) => r.wallMs));
  rows.push(["full Graph v1.0 → all artifacts, wall time (empty output folder)", ms(fullWall), "≤ 1000 ms"]);
  rows.push(["fast-xml-parser alone: parse time / whole process", `${ms(fxpParse)} / ${ms(fxpWall)}`, ""]);
  rows.push(["ratio full ÷ fast-xml-parser parse (÷ its whole process)", `${ratio(fullWall / fxpParse)} (${ratio(fullWall / fxpWall)})`, "≤ 2.2×"]);
  const fullCpu = median(full.map((r) => r.cpuMs));
  const fxpCpu = median(fxp.map((r) => r.cpuMs));
  rows.push(["CPU time (user+sys, all threads): full run / fast-xml-parser process", `${ms(fullCpu)} / ${ms(fxpCpu)} = ${ratio(fullCpu / fxpCpu)}`, ""]);
  rows.push(["peak RSS of the full run", `${mb(median(full.map((r) => r.maxRssKb * 1024)))}`, "≤ 400 MB"]);

  // The prebuild case: `odatagen generate` with a config file, output already up to date.
  const config = path.join(work, "odatagen.config.json");
  fs.writeFileSync(config, JSON.stringify({ services: [{ name: "graph", input: GRAPH, out: fullOut }] }));
  child([path.join(__dirname, "measure.js"), "generate", "-q", "--config", config]);
  const again = [];
  for (let i = 0; i < RUNS; i++) again.push(child([path.join(__dirname, "measure.js"), "generate", "-q", "--config", config]));
  rows.push(["regeneration when nothing changed (`odatagen generate`, config file), folder without node_modules", ms(median(again.map((r) => r.wallMs))), ""]);
  const againInput = [];
  for (let i = 0; i < RUNS; i++) againInput.push(child([path.join(__dirname, "measure.js"), "generate", "-q", "--input", GRAPH, "--out", fullOut]));
  rows.push(["regeneration when nothing changed (--input/--out flags), folder without node_modules", ms(median(againInput.map((r) => r.wallMs))), ""]);
  // `"prebuild": "odatagen generate"` runs in an npm project, which has node_modules: there the stat
  // cache (node_modules/.cache/odatagen) lets unchanged files be trusted by their stat, not re-hashed.
  fs.mkdirSync(path.join(work, "node_modules"), { recursive: true });
  child([path.join(__dirname, "measure.js"), "generate", "-q", "--config", config]);
  const inProject = [];
  for (let i = 0; i < RUNS; i++) inProject.push(child([path.join(__dirname, "measure.js"), "generate", "-q", "--config", config]));
  rows.push(["regeneration when nothing changed, prebuild in an npm project (stat cache in node_modules)", ms(median(inProject.map((r) => r.wallMs))), "≤ 150 ms"]);

  const slices = [];
  let sliceTypes = "";
  for (let i = 0; i < RUNS; i++) {
    const r = child([path.join(__dirname, "measure.js"), "generate", "--input", GRAPH, "--out", path.join(work, `slice-${i}`), "--include", SLICE]);
    slices.push(r);
    sliceTypes = /slice: ([0-9]+ of [0-9]+ types, [0-9]+ of [0-9]+ operations)/.exec(r.stdout)?.[1] ?? "?";
  }
  const sliceWall = median(slices.map((r) => r.wallMs));
  rows.push([`callRecords slice (--include '${SLICE}'), wall time`, ms(sliceWall), "≤ 800 ms"]);
  // The machine's speed drifts between runs; this ratio does not, so it tells a slow run from a slow slice.
  rows.push(["callRecords slice ÷ fast-xml-parser parse (same run)", ratio(sliceWall / fxpParse), ""]);
  rows.push(["callRecords slice keeps", sliceTypes, ""]);
  // A program's sources importing the generated functions they call (`--include @src/**/*.ts`).
  const program = programSources(path.join(work, "program"));
  const byImports = [];
  let importTypes = "";
  for (let i = 0; i < RUNS; i++) {
    const r = child([path.join(__dirname, "measure.js"), "generate", "--input", GRAPH, "--out", path.join(work, `imports-${i}`), "--include", `@${program}/**/*.ts`]);
    byImports.push(r);
    importTypes = /slice: ([0-9]+ of [0-9]+ types, [0-9]+ of [0-9]+ operations)/.exec(r.stdout)?.[1] ?? "?";
  }
  rows.push([`slice by a program's imports (${PROGRAM_FILES.toLocaleString("en-US")} source files, --include @src/**/*.ts), wall time; keeps ${importTypes}`, ms(median(byImports.map((r) => r.wallMs))), ""]);

  const size = tsBytes(fullOut);
  rows.push(["full output size (.ts files)", `${(size.bytes / 1e6).toFixed(2)} MB (${size.bytes.toLocaleString("en-US")} bytes) in ${size.files} files`, "≤ 15 MB"]);

  const doubled = path.join(work, "graph-doubled.xml");
  fs.writeFileSync(doubled, doubledGraph(fs.readFileSync(GRAPH, "utf8")));
  // Each run of the doubled document beside one of the document itself, so that both see the same
  // load: the machine's speed drifts over the minutes since the first rows.
  const twice = [];
  const once = [];
  for (let i = 0; i < RUNS; i++) {
    once.push(child([path.join(__dirname, "measure.js"), "generate", "-q", "--input", GRAPH, "--out", path.join(work, `once-${i}`)]));
    twice.push(child([path.join(__dirname, "measure.js"), "generate", "-q", "--input", doubled, "--out", path.join(work, `double-${i}`)]));
  }
  const twiceWall = median(twice.map((r) => r.wallMs));
  const onceWall = median(once.map((r) => r.wallMs));
  rows.push(["document twice as large (two copies, renamed namespaces), wall time (the document itself, same runs)", `${ms(twiceWall)} (${ms(onceWall)})`, ""]);
  rows.push(["growth: twice the document ÷ once (CPU time)", `${ratio(twiceWall / onceWall)} (${ratio(median(twice.map((r) => r.cpuMs)) / median(once.map((r) => r.cpuMs)))})`, "≤ 2.2×"]);

  const stages = [];
  for (let i = 0; i < RUNS; i++) stages.push(child([path.join(__dirname, "stages.js"), GRAPH, path.join(work, `stages-${i}`)]));
  const names = Object.keys(stages[0]).filter((k) => typeof stages[0][k] === "number");
  rows.push(["where the time goes (in-process, median per stage)", names.map((n) => `${n} ${ms(median(stages.map((s) => s[n])))}`).join(", "), ""]);

  // --emit js: the same run, each module then compiled to JavaScript and declarations (1 run: ~12 s).
  const jsOut = path.join(work, "full-js");
  const js = child([path.join(__dirname, "measure.js"), "generate", "-q", "--input", GRAPH, "--out", jsOut, "--emit", "js"]);
  rows.push(["full Graph v1.0 --emit js (JavaScript + declarations), wall time, peak RSS (1 run)", `${ms(js.wallMs)}, ${mb(js.maxRssKb * 1024)}`, ""]);

  rows.push(["tree-shaken: updateSession + path builders + validateSession, esbuild --bundle --minify", treeShake(fullOut, work), "≤ 8 KB"]);
  const floor = validatorFloor(GRAPH, "microsoft.graph.callRecords.session");
  rows.push([
    "names any complete validateSession must contain (bench/validator-floor.js)",
    `${kb(floor.bytes)} for ${floor.types} types: property names ${kb(floor.properties)}, enum members ${kb(floor.members)}, type names ${kb(floor.typeNames)}`,
    "",
  ]);

  if (WITH_TSC) {
    rows.push(["tsc --noEmit --strict over the full output (1 run)", tscFull(fullOut), ""]);
    // What --no-validators / --no-requests leave for the compiler (the modules a kind imports come along).
    for (const kinds of [["types"], ["types", "requests"], ["types", "validators"]]) {
      rows.push([`tsc --noEmit --strict over the ${kinds.join(" + ")} modules only (1 run)`, tscFull(fullOut, "typescript", kinds), ""]);
    }
    rows.push(["tsc --noEmit --strict over @microsoft/microsoft-graph-types (1 run)", tscGraphTypes(work), ""]);
    // A program that calls updateSession and validateSession, against the --emit js output's declarations.
    for (const skip of [true, false]) rows.push([`tsc --noEmit --strict, a program calling updateSession, against --emit js (skipLibCheck ${skip}; 1 run)`, tscUserProgram(jsOut, work, skip), ""]);
    // What an editor pays: the language servers open a user file of the full output (bench/editor.js).
    for (const [measure, result] of editorRows(fullOut)) rows.push([measure, result, ""]);
    // The same file against the --emit js output's declarations (the full project only).
    for (const [measure, result] of editorRows(jsOut, ["--emit", "js", "--full-only"])) rows.push([measure, result, ""]);
    // TypeScript 7 (the native compiler), when installed as the typescript7 alias.
    if (fs.existsSync(path.join(ROOT, "node_modules", "typescript7", "bin", "tsc"))) {
      rows.push(["TypeScript 7 tsc --noEmit --strict over the full output (1 run)", tscFull(fullOut, "typescript7"), ""]);
    }
  }
  fs.rmSync(work, { recursive: true, force: true });
  print(rows);
  log(`bench: load average ${loadavg()} at end`);
}

/** Runs a Node child; returns its `BENCH {...}` report, stdout, and the parent-side wall time. */
/** How many source files the program sliced by its imports has. */
const PROGRAM_FILES = 2000;

/**
 * A program of PROGRAM_FILES files under `dir`/src, each importing one of Graph's request functions
 * and the user type from the generated modules (as a program on odatagen's output does); `dir`/src.
 */
function programSources(dir) {
  const names = ["listUsers", "getUser", "userMessages", "getMessage", "listMessages", "groupMembers", "listGroups", "getDrive", "driveItems", "getDriveItem", "userEvents", "listEvents", "updateEvent", "createMessage", "sendMail", "updateSession"];
  const src = path.join(dir, "src");
  fs.mkdirSync(src, { recursive: true });
  for (let i = 0; i < PROGRAM_FILES; i++) {
    const name = names[i % names.length];
    const module = name === "updateSession" ? "microsoft.graph.callRecords" : "microsoft.graph";
    const text = `import { ${name} } from "../graph/${module}.requests.js";\nimport type { User } from "../graph/microsoft.graph.types.js";\nexport const use${i} = (u: User) => [${name}, u];\n`;
    fs.writeFileSync(path.join(src, `file${i}.ts`), text);
  }
  return src;
}

function child(args) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const line = /BENCH (\{.*\})/.exec(r.stderr ?? "");
  if (r.status !== 0 || !line) throw new Error(`bench child failed: ${args.join(" ")}\n${r.stderr}`);
  return { ...JSON.parse(line[1]), stdout: r.stdout };
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function tsBytes(dir) {
  let bytes = 0;
  let files = 0;
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith(".ts")) continue;
    bytes += fs.statSync(path.join(dir, f)).size;
    files++;
  }
  return { bytes, files };
}

/** Bundles an entry importing `names` from the full output; returns the minified size. */
function bundle(outDir, work, name, imports) {
  const entry = path.join(work, `${name}.ts`);
  const lines = Object.entries(imports).map(([mod, names]) => `export { ${names.join(", ")} } from ${JSON.stringify(path.join(outDir, mod))};`);
  fs.writeFileSync(entry, lines.join("\n") + "\n");
  const outfile = path.join(work, `${name}.js`);
  try {
    require("esbuild").buildSync({ entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "neutral", outfile, logLevel: "silent" });
  } catch (e) {
    return `esbuild failed: ${String(e.message).split("\n")[0]}`;
  }
  return `${(fs.statSync(outfile).size / 1024).toFixed(1)} KB`;
}

function treeShake(outDir, work) {
  const requests = {
    "microsoft.graph.requests.js": ["communications", "cloudCommunicationsCallRecords"],
    "microsoft.graph.callRecords.requests.js": ["callRecordSessions", "updateSession"],
  };
  const all = bundle(outDir, work, "treeshake-all", { ...requests, "microsoft.graph.callRecords.validators.js": ["validateSession"] });
  const only = bundle(outDir, work, "treeshake-requests", requests);
  return `${all} (request functions alone: ${only})`;
}

function tsc(args, pkg = "typescript") {
  const bin = path.join(ROOT, "node_modules", pkg, "bin", "tsc");
  const started = process.hrtime.bigint();
  // cwd: a folder without tsconfig.json (TypeScript 7 refuses files on the command line beside one).
  // --extendedDiagnostics prints the compiler's memory: what an editor's TypeScript server holds for these files.
  const r = spawnSync(process.execPath, ["--max-old-space-size=8192", bin, "--extendedDiagnostics", ...args], { cwd: path.dirname(args[args.length - 1]), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  const errors = r.stdout.split("\n").filter((l) => /error TS/.test(l));
  const memory = /Memory used:\s+([0-9]+)K/.exec(r.stdout);
  const used = memory ? `, compiler memory ${Math.round(Number(memory[1]) / 1024)} MB` : "";
  return `${ms(wall)}${used}${r.status === 0 ? "" : ` (exit ${r.status}, ${errors.length} errors, first: ${errors[0] ?? r.stderr.trim()})`}`;
}

const TSC_FLAGS = ["--noEmit", "--strict", "--target", "es2022", "--lib", "es2022,dom", "--module", "nodenext", "--moduleResolution", "nodenext"];

/** `kinds`: only these namespace modules (plus edm.ts, which they import; runtime.ts and validation.ts when imported). */
function tscFull(outDir, pkg, kinds) {
  const wanted = (f) => !kinds || f === "edm.ts" || kinds.some((k) => f.endsWith(`.${k}.ts`));
  const files = fs.readdirSync(outDir).filter((f) => f.endsWith(".ts") && wanted(f)).map((f) => path.join(outDir, f));
  return tsc([...TSC_FLAGS, "--skipLibCheck", ...files], pkg);
}

/** The types-only package is checked as a dependency is: its .d.ts checked too (no skipLibCheck). */
function tscGraphTypes(work) {
  const dir = path.join(work, "graph-types");
  fs.mkdirSync(dir);
  const file = path.join(dir, "use.ts");
  fs.writeFileSync(
    file,
    `import type { CallRecords } from "@microsoft/microsoft-graph-types";\nexport const s: CallRecords.Session = { id: "x" };\n`,
  );
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return tsc([...TSC_FLAGS, "--skipDefaultLibCheck", file]);
}

/** tsc over a program that calls updateSession and validateSession from `outDir` (its modules reached through the imports). */
function tscUserProgram(outDir, work, skipLibCheck) {
  const dir = path.join(work, "user-program");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  const rel = (mod) => JSON.stringify(`${path.relative(dir, outDir)}/${mod}`);
  const file = path.join(dir, "app.ts");
  fs.writeFileSync(
    file,
    [
      `import { createClient } from ${rel("index.js")};`,
      `import { communications, cloudCommunicationsCallRecords } from ${rel("microsoft.graph.requests.js")};`,
      `import { callRecordSessions, updateSession } from ${rel("microsoft.graph.callRecords.requests.js")};`,
      `import { validateSession } from ${rel("microsoft.graph.callRecords.validators.js")};`,
      `const client = createClient({ baseUrl: "https://graph.microsoft.com/v1.0", getToken: async () => "t" });`,
      `const target = callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey("r")).byKey("s");`,
      `export const check = validateSession({ isTest: true }, { mode: "update" });`,
      `export const updated = await updateSession(client, target, { isTest: true });`,
      "",
    ].join("\n"),
  );
  return tsc([...TSC_FLAGS, ...(skipLibCheck ? ["--skipLibCheck"] : []), file]);
}

/** bench/editor.js on the full output (and the callRecords slice, the types package): one row per server and project. */
function editorRows(outDir, extra = []) {
  const r = spawnSync(process.execPath, [path.join(__dirname, "editor.js"), "--json", "--out-dir", outDir, ...extra], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const line = /EDITOR (\[.*\])/.exec(r.stdout ?? "");
  if (r.status !== 0 || !line) return [["editor (bench/editor.js)", `failed (exit ${r.status}): ${(r.stderr ?? "").trim().split("\n")[0]}`]];
  return JSON.parse(line[1]).map(([name, , , diagnostics, completion, quickInfo, edit, memory, heap]) => [
    `editor, ${name}: open a file calling updateSession (1 run)`,
    `first semantic diagnostics ${diagnostics}, completion ${completion}, quick info ${quickInfo}, after an edit ${edit}, peak/current RSS ${memory}${heap === "—" ? "" : `, live heap ${heap}`}`,
  ]);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const ms = (x) => `${Math.round(x)} ms`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const ratio = (x) => `${x.toFixed(2)}×`;
const loadavg = () => require("node:os").loadavg().map((x) => x.toFixed(2)).join(" ");

function print(rows) {
  const header = ["measure", "result", "target"];
  printTable(header, rows);
  console.log(`\n(${RUNS} runs per figure, medians; node ${process.version}; ${require("node:os").cpus().length} CPUs; corpus ${CORPUS})`);
}

main();
