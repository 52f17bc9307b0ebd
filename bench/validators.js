// npm run bench:validators — odatagen's generated validator vs ajv (JSON Schema derived from the
// same metadata, ajv-formats for date/date-time) vs zod 4, on the same callRecords session payloads.
// Prints ops/sec (payload validations per second) and ratios, and the ajv agreement per payload.
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const Ajv = require("ajv");
const addFormats = require("ajv-formats");
const { generate } = require("../dist/generate");
const { loadGenerated } = require("./load-generated");
const { jsonSchemaFor } = require("./odata-json-schema");
const { zodSchemaFor } = require("./odata-zod");
const { payloads } = require("./session-payloads");

const SESSION = "microsoft.graph.callRecords.session";
const spec = path.join(__dirname, "..", "specs", "graph-callrecords.xml");
const { model } = generate({ inputs: [{ file: spec, content: fs.readFileSync(spec, "utf8") }] });
const odata = loadGenerated("graph-callrecords")("microsoft.graph.callRecords.validators");

const schema = jsonSchemaFor(model, SESSION);
const ajvFirst = new Ajv({ strict: false });
const ajvAll = new Ajv({ strict: false, allErrors: true });
addFormats(ajvFirst, ["date", "date-time"]);
addFormats(ajvAll, ["date", "date-time"]);
const ajvCheck = ajvFirst.compile(schema);
const ajvCheckAll = ajvAll.compile(schema);
const zodSchema = zodSchemaFor(model, SESSION);

// The payloads are whole sessions, as the service returns them without $select, and the JSON Schema
// requires what is non-nullable: the validators are asked for the same (`complete`).
const COMPLETE = { complete: true };

// Verdicts: odatagen vs ajv on every payload.
let agree = 0;
let compared = 0;
const disagreements = [];
const deliberate = [];
// The guard takes only the `#ns.T` form of `@odata.type` (README, Validators): a payload in another
// form validateSession takes is left out of the timed sets, where isSession would stop at it early.
const guardRefuses = new Set();
for (const p of payloads) {
  const o = odata.validateSession(p.value, COMPLETE).valid;
  const a = ajvCheck(p.value);
  if (o !== p.valid) throw new Error(`odatagen verdict wrong for "${p.name}"`);
  if (odata.isSession(p.value, COMPLETE) !== o) guardRefuses.add(p);
  if (p.differs) deliberate.push(`  - ${p.name}: odatagen ${o ? "valid" : "invalid"}, ajv ${a ? "valid" : "invalid"}`);
  else {
    compared++;
    if (o === a) agree++;
    else disagreements.push(`  - ${p.name}: odatagen ${o}, ajv ${a}`);
  }
}

const sets = {
  valid: payloads.filter((p) => p.valid && !p.differs && !guardRefuses.has(p)).map((p) => p.value),
  invalid: payloads.filter((p) => !p.valid && !p.differs && !guardRefuses.has(p)).map((p) => p.value),
};
// "all" (every payload once) is not timed on its own: it is derived from the valid and invalid
// rates below, so that it always lies between them (timed separately, noise made it fall outside).

const contenders = {
  "odatagen isSession (first error)": (v) => odata.isSession(v, COMPLETE),
  "odatagen validateSession (all errors)": (v) => odata.validateSession(v, COMPLETE).valid,
  "ajv (first error)": (v) => ajvCheck(v),
  "ajv allErrors": (v) => ajvCheckAll(v),
  "zod 4 safeParse (all issues)": (v) => zodSchema.safeParse(v).success,
};

// Interleaved timed rounds; each result is the median of the rounds (the machine is shared).
const ROUNDS = Number(process.env.BENCH_ROUNDS || 7);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS || 250);
let sink = 0;
// Time is the process's CPU time (process.cpuUsage), so other processes on a shared machine do not
// count against whichever validator happens to run while they are busy.
function cpuMicros() {
  const u = process.cpuUsage();
  return u.user + u.system;
}
function measure(fn, values) {
  let ops = 0;
  const start = cpuMicros();
  let elapsed = 0;
  do {
    for (let r = 0; r < 10; r++) for (let i = 0; i < values.length; i++) if (fn(values[i])) sink++;
    ops += values.length * 10;
    elapsed = cpuMicros() - start;
  } while (elapsed < ROUND_MS * 1000);
  return (ops * 1e6) / elapsed;
}
const results = {};
for (const name of Object.keys(contenders)) results[name] = { valid: [], invalid: [] };
for (const set of Object.keys(sets)) for (const [name, fn] of Object.entries(contenders)) measure(fn, sets[set]); // warm-up
for (let r = 0; r < ROUNDS; r++) {
  for (const set of Object.keys(sets)) for (const [name, fn] of Object.entries(contenders)) results[name][set].push(measure(fn, sets[set]));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ops = {};
// all = payloads per second over the whole set: its CPU time is the valid payloads' time plus the invalid ones'.
const allRate = (valid, invalid) => (sets.valid.length + sets.invalid.length) / (sets.valid.length / valid + sets.invalid.length / invalid);
for (const name of Object.keys(contenders)) {
  const valid = median(results[name].valid);
  const invalid = median(results[name].invalid);
  ops[name] = { valid, invalid, all: allRate(valid, invalid) };
}

const fmt = (n) => Math.round(n).toLocaleString("en-US");
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const peer = {
  "odatagen isSession (first error)": "ajv (first error)",
  "odatagen validateSession (all errors)": "ajv allErrors",
};
const zod = "zod 4 safeParse (all issues)";
const lines = [];
lines.push(`${sets.valid.length} valid + ${sets.invalid.length} invalid microsoft.graph.callRecords.session payloads (full sessions have 2 segments, 2 streams each); node ${process.version}; median of ${ROUNDS} interleaved rounds of ${ROUND_MS} ms CPU time each; ops/s = payload validations per CPU-second`);
lines.push("");
lines.push("| validator | valid ops/s | invalid ops/s | all ops/s | vs ajv (same mode) | vs zod |");
lines.push("|---|---:|---:|---:|---:|---:|");
for (const name of Object.keys(contenders)) {
  const o = ops[name];
  const p = peer[name];
  lines.push(`| ${name} | ${fmt(o.valid)} | ${fmt(o.invalid)} | ${fmt(o.all)} | ${p ? ratio(o.all, ops[p].all) : ""} | ${name === zod ? "" : ratio(o.all, ops[zod].all)} |`);
}
lines.push("");
lines.push(`ajv agreement: ${agree}/${compared} payloads${disagreements.length ? "\n" + disagreements.join("\n") : ""}`);
lines.push(`deliberate differences (not counted):\n${deliberate.join("\n")}`);
if (guardRefuses.size) lines.push(`not timed (isSession takes only "#ns.T" for @odata.type; validateSession takes the other forms):\n${[...guardRefuses].map((p) => `  - ${p.name}`).join("\n")}`);
process.stdout.write(lines.join("\n") + "\n");
if (sink < 0) process.stdout.write("");
if (disagreements.length) process.exitCode = 1;
