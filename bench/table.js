// A benchmark's table as Markdown, its columns padded to their widest cell.
"use strict";

function printTable(header, rows) {
  const all = [header, ...rows];
  const width = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(width[i])).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${width.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of rows) console.log(line(r));
}

module.exports = { printTable };
