#!/usr/bin/env node
// Child process for the benchmark: one cold run of the pipeline with the time of each stage.
"use strict";
const { performance } = require("node:perf_hooks");
const fs = require("node:fs");
const marks = {};
let last = 0; // performance.now() counts from process start: the first stage includes Node's startup
const mark = (name) => {
  const now = performance.now();
  marks[name] = now - last;
  last = now;
};
const { readCsdlXml } = require("../dist/parse/xml.js");
const { DiagnosticBag } = require("../dist/diagnostics.js");
const { buildModel } = require("../dist/model/build.js");
const { assignNames } = require("../dist/passes/names.js");
const { keyAsSegment } = require("../dist/model/capabilities.js");
const { emitAll } = require("../dist/emit/emit.js");
const { writeOutput } = require("../dist/write/write.js");
mark("startup+require");
const [file, out] = process.argv.slice(2);
const text = fs.readFileSync(file, "utf8");
mark("read");
const diags = new DiagnosticBag();
const doc = readCsdlXml(file, text, diags);
mark("parse");
const model = buildModel([doc], diags);
mark("model");
const names = assignNames(model, diags);
mark("names");
const files = emitAll(model, names, { sources: [require("node:path").basename(file)], keyAsSegment: keyAsSegment(model) });
mark("emit");
writeOutput(out, files);
mark("write");
fs.writeSync(2, `\nBENCH ${JSON.stringify(marks)}\n`);
