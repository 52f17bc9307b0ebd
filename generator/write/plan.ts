/**
 * Compares generated files (in memory) with the output folder on disk: what would be added,
 * changed, left alone or removed. Used by `--check` and `--dry-run` as they are, and by the writer.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { MANIFEST, readManifest, type Manifest } from "./manifest";

export interface Plan {
  added: string[];
  changed: string[];
  unchanged: string[];
  /** Files a previous run wrote (per its manifest) that this run does not produce, still on disk. */
  stale: string[];
  /**
   * Files not written by odatagen (not in the manifest, or there is no manifest) that this run would
   * overwrite: never done, reported instead.
   */
  conflicts: string[];
  /** The previous manifest, if any. */
  previous?: Manifest;
  /** Whether the manifest itself would change. */
  manifestChanged: boolean;
}

export function planOutput(outDir: string, files: ReadonlyMap<string, string>, manifest: string): Plan {
  const previous = readManifest(outDir);
  const wrote = new Set(previous?.files.map((f) => f.path) ?? []);
  const plan: Plan = { added: [], changed: [], unchanged: [], stale: [], conflicts: [], previous, manifestChanged: false };
  for (const [rel, content] of files) {
    const current = readOrUndefined(path.join(outDir, rel));
    if (current === undefined) plan.added.push(rel);
    else if (current.equals(Buffer.from(content, "utf8"))) plan.unchanged.push(rel);
    else {
      plan.changed.push(rel);
      if (!wrote.has(rel)) plan.conflicts.push(rel);
    }
  }
  for (const rel of wrote) if (!files.has(rel) && fs.existsSync(path.join(outDir, rel))) plan.stale.push(rel);
  const oldManifest = readOrUndefined(path.join(outDir, MANIFEST));
  plan.manifestChanged = !oldManifest || oldManifest.toString("utf8") !== manifest;
  return plan;
}

export function readOrUndefined(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}
