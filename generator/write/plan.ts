/**
 * Compares generated files (in memory) with the output folder on disk: what would be added,
 * changed, left alone or removed. Used by `--check` and `--dry-run` as they are, and by the writer.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { MANIFEST, readManifest, type Manifest } from "./manifest";
import { findEdited } from "./edits";

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
  /**
   * Files among `changed` and `stale` that were edited since odatagen wrote them (their content is
   * not what the manifest recorded): the run keeps a copy before it overwrites or removes them.
   */
  edited: string[];
  /** The previous manifest, if any. */
  previous?: Manifest;
  /** Whether the manifest itself would change. */
  manifestChanged: boolean;
  /**
   * An output folder that exists without a manifest odatagen can read: the run writes one, so
   * `--check` counts it as a difference and `--dry-run` lists it.
   */
  manifestProblem?: ManifestProblem;
}

/** Why an existing output folder has no manifest to read: none there, or one that is not JSON or not odatagen's. */
export type ManifestProblem = { kind: "missing" } | { kind: "unreadable"; reason: string };

export function planOutput(outDir: string, files: ReadonlyMap<string, string>, manifest: string): Plan {
  const previous = readManifest(outDir);
  const wrote = new Set(previous?.files.map((f) => f.path) ?? []);
  const plan: Plan = { added: [], changed: [], unchanged: [], stale: [], conflicts: [], edited: [], previous, manifestChanged: false };
  const changedBytes = new Map<string, Buffer>();
  for (const [rel, content] of files) {
    const current = readOrUndefined(path.join(outDir, rel));
    if (current === undefined) plan.added.push(rel);
    else if (current.equals(Buffer.from(content, "utf8"))) plan.unchanged.push(rel);
    else {
      plan.changed.push(rel);
      if (wrote.has(rel)) changedBytes.set(rel, current);
      else plan.conflicts.push(rel);
    }
  }
  for (const rel of wrote) if (!files.has(rel) && fs.existsSync(path.join(outDir, rel))) plan.stale.push(rel);
  if (previous)
    plan.edited = findEdited(outDir, previous, [...changedBytes.keys(), ...plan.stale], (rel) => changedBytes.get(rel) ?? readOrUndefined(path.join(outDir, rel)));
  const oldManifest = readOrUndefined(path.join(outDir, MANIFEST));
  plan.manifestChanged = !oldManifest || oldManifest.toString("utf8") !== manifest;
  if (!previous && fs.existsSync(outDir)) plan.manifestProblem = manifestProblem(outDir, oldManifest);
  return plan;
}

/** Why `readManifest` found nothing in an existing output folder, given the manifest's bytes (if it could read them). */
function manifestProblem(outDir: string, bytes: Buffer | undefined): ManifestProblem {
  const file = path.join(outDir, MANIFEST);
  if (bytes === undefined) {
    try {
      fs.statSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return { kind: "missing" };
    }
    return { kind: "unreadable", reason: "cannot be read" };
  }
  try {
    JSON.parse(bytes.toString("utf8"));
  } catch {
    return { kind: "unreadable", reason: "not JSON" };
  }
  return { kind: "unreadable", reason: "not a manifest odatagen wrote" };
}

export function readOrUndefined(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}
