/**
 * The only stage that writes to the disk: compares generated files with what is there, writes only
 * what changed (so unchanged files keep their mtime), and removes stale files that a previous run
 * wrote — as recorded in the manifest — never a file odatagen did not create.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const MANIFEST = ".odatagen-manifest.json";

export interface WriteReport {
  written: string[];
  unchanged: string[];
  removed: string[];
}

interface Manifest {
  generator: "odatagen";
  files: string[];
}

export function readManifest(outDir: string): string[] {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST), "utf8")) as Partial<Manifest>;
    return Array.isArray(m.files) ? m.files.filter((f): f is string => typeof f === "string" && isInside(f)) : [];
  } catch {
    return [];
  }
}

/** A manifest entry must name a file inside the output folder. */
function isInside(rel: string): boolean {
  return !path.isAbsolute(rel) && !rel.split(/[\\/]/).includes("..");
}

export function writeOutput(outDir: string, files: ReadonlyMap<string, string>): WriteReport {
  const report: WriteReport = { written: [], unchanged: [], removed: [] };
  const previous = readManifest(outDir);
  fs.mkdirSync(outDir, { recursive: true });
  for (const [rel, content] of files) {
    const target = path.join(outDir, rel);
    let current: string | undefined;
    try {
      current = fs.readFileSync(target, "utf8");
    } catch {
      current = undefined;
    }
    if (current === content) {
      report.unchanged.push(rel);
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, target);
    report.written.push(rel);
  }
  for (const rel of previous) {
    if (files.has(rel)) continue;
    try {
      fs.unlinkSync(path.join(outDir, rel));
      report.removed.push(rel);
    } catch {
      // already gone
    }
  }
  const manifest: Manifest = { generator: "odatagen", files: [...files.keys()] };
  const text = JSON.stringify(manifest, null, 2) + "\n";
  const manifestPath = path.join(outDir, MANIFEST);
  let old: string | undefined;
  try {
    old = fs.readFileSync(manifestPath, "utf8");
  } catch {
    old = undefined;
  }
  if (old !== text) fs.writeFileSync(manifestPath, text);
  return report;
}
