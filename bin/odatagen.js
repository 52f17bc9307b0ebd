#!/usr/bin/env node
"use strict";
require("../dist/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e) => {
    process.stderr.write(`odatagen: internal error: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 70;
  });
