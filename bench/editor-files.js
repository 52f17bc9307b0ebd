#!/usr/bin/env node
// `node --expose-gc bench/editor-files.js <output folder>`: what each generated module costs an editor's
// TypeScript server before any checking. Every .ts file of the folder is parsed as tsserver parses it
// (TypeScript 5.9, JSDoc parsed in full, which quick info needs) and bound; the table gives each
// module's size, parse and bind time, syntax nodes, and the live heap its tree and symbols hold
// (measured after a full garbage collection, files kept alive together as in a program).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const ts = require("typescript");

function main() {
  const dir = process.argv[2];
  if (!dir || !fs.existsSync(dir)) {
    console.error("usage: node --expose-gc bench/editor-files.js <output folder>");
    process.exitCode = 1;
    return;
  }
  if (typeof global.gc !== "function") {
    console.error("bench/editor-files: run with node --expose-gc (the heap is measured after a full collection)");
    process.exitCode = 1;
    return;
  }
  const options = { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext };
  const kept = [];
  const rows = [];
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).sort()) {
    const text = fs.readFileSync(path.join(dir, name), "utf8");
    global.gc();
    const before = process.memoryUsage().heapUsed;
    const t0 = process.hrtime.bigint();
    const file = ts.createSourceFile(path.join(dir, name), text, { languageVersion: ts.ScriptTarget.ES2022, jsDocParsingMode: ts.JSDocParsingMode.ParseAll }, true);
    const t1 = process.hrtime.bigint();
    ts.bindSourceFile(file, options);
    const t2 = process.hrtime.bigint();
    kept.push(file);
    global.gc();
    const heap = process.memoryUsage().heapUsed - before;
    rows.push({ name, bytes: text.length, parseMs: Number(t1 - t0) / 1e6, bindMs: Number(t2 - t1) / 1e6, nodes: file.nodeCount, heap, symbols: file.symbolCount });
  }
  rows.sort((a, b) => b.heap - a.heap);
  const total = (k) => rows.reduce((s, r) => s + r[k], 0);
  const line = (r) =>
    [r.name.padEnd(58), `${(r.bytes / 1e6).toFixed(2)} MB`.padStart(9), `${Math.round(r.parseMs)} ms`.padStart(8), `${Math.round(r.bindMs)} ms`.padStart(8), String(r.nodes).padStart(9), String(r.symbols).padStart(8), `${Math.round(r.heap / 1e6)} MB`.padStart(7)].join(" ");
  console.log(["module".padEnd(58), "size".padStart(9), "parse".padStart(8), "bind".padStart(8), "nodes".padStart(9), "symbols".padStart(8), "heap".padStart(7)].join(" "));
  for (const r of rows) console.log(line(r));
  console.log(line({ name: "all", bytes: total("bytes"), parseMs: total("parseMs"), bindMs: total("bindMs"), nodes: total("nodes"), symbols: total("symbols"), heap: total("heap") }));
  return kept.length;
}

main();
