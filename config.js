// `import { defineConfig } from "odatagen/config.js"`: the config's types and defineConfig alone.
// Its declarations (config.d.ts) name no type of Node's, as the library's ("odatagen") do.
"use strict";
module.exports = require("./dist/config/define-config.js");
