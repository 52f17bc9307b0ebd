#!/usr/bin/env node
// Each hostile shape (bench/hostile-shapes.js) generated at n and 2n in this process: wall time and
// output size, and their growth. Linear work gives about 2×; a quadratic design gives about 4×.
// Usage: npm run build && node bench/hostile.js [n=1000] [shape name]
"use strict";
const { performance } = require("node:perf_hooks");
const { generate } = require("../dist/generate.js");
const { STATIC_FILES } = require("../dist/emit/emit.js");
const { shapes, document } = require("./hostile-shapes.js");

const n = Number(process.argv[2] ?? 1000);
const run = (shape, k) => {
  const text = document(shape(k));
  const t = performance.now();
  const files = generate({ inputs: [{ file: "h.xml", content: text }] }).files;
  const ms = performance.now() - t;
  let size = 0;
  for (const [f, s] of files) if (!STATIC_FILES.includes(f)) size += s.length;
  return { ms, size, input: text.length };
};
const mb = (x) => `${(x / 1e6).toFixed(2)} MB`;
console.log(`| shape | n | input | output | time | 2n: output | time | growth of output / time |`);
console.log(`|---|---|---|---|---|---|---|---|`);
const only = process.argv[3];
for (const [name, shape] of Object.entries(shapes)) {
  if (only && name !== only) continue;
  const k = name === "deep inheritance" ? Math.ceil(n / 33) : n; // n types in chains of 33
  run(shape, Math.min(k, 20)); // warm up the code paths
  const a = run(shape, k);
  const b = run(shape, 2 * k);
  console.log(`| ${name} | ${k} | ${mb(a.input)} | ${mb(a.size)} | ${a.ms.toFixed(0)} ms | ${mb(b.size)} | ${b.ms.toFixed(0)} ms | ${(b.size / a.size).toFixed(2)}× / ${(b.ms / a.ms).toFixed(2)}× |`);
}
