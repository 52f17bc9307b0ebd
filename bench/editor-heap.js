// Preloaded into the TypeScript server by bench/editor.js (`node --expose-gc --require`): on SIGUSR2
// it runs a full garbage collection and writes the live heap (what the server's program holds,
// without garbage waiting to be collected) to the file named by ODATAGEN_BENCH_HEAP_FILE.
"use strict";
const fs = require("node:fs");

const file = process.env.ODATAGEN_BENCH_HEAP_FILE;
if (file) {
  process.on("SIGUSR2", () => {
    if (typeof global.gc === "function") global.gc();
    const m = process.memoryUsage();
    fs.writeFileSync(file, JSON.stringify({ heapUsed: m.heapUsed, heapTotal: m.heapTotal, rss: m.rss }));
  });
}
