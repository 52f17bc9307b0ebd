#!/usr/bin/env node
// Child process for the benchmark: runs the odatagen CLI in this process and reports its wall time
// (from process start, so Node's own startup counts) and peak RSS on stderr, one JSON line.
"use strict";
const { performance } = require("node:perf_hooks");
process.on("exit", (code) => {
  const wallMs = performance.now();
  const maxRssKb = process.resourceUsage().maxRSS;
  require("node:fs").writeSync(2, `\nBENCH ${JSON.stringify({ code, wallMs, maxRssKb })}\n`);
});
require("../dist/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
