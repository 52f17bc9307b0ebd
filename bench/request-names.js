#!/usr/bin/env node
// The request functions' namer alone (generator/emit/request-names.ts), over every namespace of a
// document: its first run (as a generation runs it, its code not yet optimized) and the median of
// the runs after it. `node bench/request-names.js <metadata.xml> [runs]`, after `npm run build`.
"use strict";
const fs = require("node:fs");
const { readCsdlXml } = require("../dist/parse/xml.js");
const { DiagnosticBag } = require("../dist/diagnostics.js");
const { buildModel } = require("../dist/model/build.js");
const { assignNames } = require("../dist/passes/names.js");
const { requestNamer } = require("../dist/emit/request-names.js");

const [file, runsArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bench/request-names.js <metadata.xml> [runs]");
  process.exit(2);
}
const diags = new DiagnosticBag();
const model = buildModel([readCsdlXml(file, fs.readFileSync(file, "utf8"), diags)], diags);
const names = assignNames(model, diags);
const times = [];
for (let r = 0; r < Number(runsArg ?? 20); r++) {
  const start = process.hrtime.bigint();
  const namer = requestNamer({ model, names });
  // What requests-view.ts asks first of each module: its roots and each entity type's verbs.
  for (const schema of model.schemas) {
    const n = namer(schema);
    for (const c of schema.containers) for (const s of [...c.singletons, ...c.entitySets]) n.root(c, s);
    for (const t of schema.types) if (t.kind === "entity") n.verbs(t);
  }
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const rest = times.slice(1).sort((a, b) => a - b);
console.log(`request names over ${model.schemas.length} namespaces: first run ${times[0].toFixed(1)} ms, then median ${rest[rest.length >> 1].toFixed(1)} ms (${rest.length} runs)`);
