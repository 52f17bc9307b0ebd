// Compiles a generated service folder (TypeScript, "./x.js" imports) to CommonJS under
// bench/.build/<name>/ with the TypeScript compiler's transpiler, and returns a loader for its modules.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const ts = require("typescript");

function loadGenerated(name) {
  const src = path.join(__dirname, "..", "generated", name);
  const out = path.join(__dirname, ".build", name);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  for (const f of fs.readdirSync(src)) {
    if (!f.endsWith(".ts")) continue;
    const { outputText } = ts.transpileModule(fs.readFileSync(path.join(src, f), "utf8"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
      fileName: f,
    });
    fs.writeFileSync(path.join(out, f.replace(/\.ts$/, ".js")), outputText);
  }
  return (module) => require(path.join(out, `${module}.js`));
}

module.exports = { loadGenerated };
