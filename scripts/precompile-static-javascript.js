#!/usr/bin/env node
// Build step (after tsc): the static modules (runtime.ts, validation.ts, edm.ts) as `--emit js`
// makes them, into dist/static-javascript.json, so that a run does not compile them again
// (generator/emit/javascript.ts reads it when the texts match). Made with the TypeScript the
// lockfile pins.
"use strict";
const fs = require("node:fs");
const { compileStatics, PRECOMPILED } = require("../dist/emit/javascript.js");
const { STATIC_FILES, STATIC_HEADER } = require("../dist/emit/emit.js");
const { staticFile } = require("../dist/emit/render.js");

const files = new Map(STATIC_FILES.map((f) => [f, `${STATIC_HEADER}\n${staticFile(f)}`]));
fs.writeFileSync(PRECOMPILED, JSON.stringify(compileStatics(files, require("typescript"))) + "\n");
