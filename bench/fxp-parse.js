#!/usr/bin/env node
// Child process for the benchmark: fast-xml-parser alone, parsing a file once (a cold process, as the
// CLI is). Reports the parse time and the whole process's wall time.
"use strict";
const { performance } = require("node:perf_hooks");
const fs = require("node:fs");
const { XMLParser } = require("fast-xml-parser");
const text = fs.readFileSync(process.argv[2], "utf8");
const t0 = performance.now();
new XMLParser({ ignoreAttributes: false }).parse(text);
const parseMs = performance.now() - t0;
process.on("exit", () => {
  fs.writeSync(2, `\nBENCH ${JSON.stringify({ parseMs, wallMs: performance.now(), maxRssKb: process.resourceUsage().maxRSS })}\n`);
});
