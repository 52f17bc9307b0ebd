/**
 * Generated files edited by hand. The manifest records the hash and size of each file as odatagen
 * wrote it; a file on disk that no longer has them was edited since. A run that is about to
 * overwrite or remove such a file keeps a copy first, as `<file>.orig` in `.<out>.odatagen-edits/`
 * beside the output folder (where the lock and the staging folder go): outside the output, so
 * `--check` never sees it, in a folder whose name starts with a dot (TypeScript's `include`
 * wildcards skip those), and with a suffix no compiler, linter or bundler takes for source.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { besideOutput } from "./beside";
import { sha256, type Manifest } from "./manifest";
import { StatCache } from "./statcache";

export function editsDir(outDir: string): string {
  return besideOutput(outDir, "edits");
}

/**
 * The files among `candidates` (paths the manifest lists) whose content on disk is not what
 * odatagen wrote. `read` gives a file's bytes when the caller has them already. Only the files a
 * run would overwrite or remove are asked about, so a no-change run hashes nothing here; a hash
 * the stat cache holds for an unchanged stat is trusted, as the up-to-date check trusts it. A file
 * that differs from what was written only in CRLF line ends (a Windows checkout) is not edited.
 */
export function findEdited(outDir: string, previous: Manifest, candidates: readonly string[], read: (rel: string) => Buffer | undefined): string[] {
  const recorded = new Map(previous.files.map((f) => [f.path, f]));
  let cache: StatCache | undefined;
  const edited: string[] = [];
  for (const rel of candidates) {
    const rec = recorded.get(rel);
    // The first manifest format recorded no hash: nothing to tell an edit by.
    if (!rec || !rec.sha256 || rec.size < 0) continue;
    const file = path.join(outDir, rel);
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      continue; // gone: nothing to overwrite
    }
    if (st.size === rec.size) {
      cache ??= StatCache.forOutput(outDir);
      if (cache.lookup(file, st) === rec.sha256) continue;
    }
    const bytes = read(rel);
    if (bytes === undefined) continue;
    if (bytes.length === rec.size && sha256(bytes) === rec.sha256) continue;
    if (bytes.includes("\r\n")) {
      const lf = Buffer.from(bytes.toString("utf8").replace(/\r\n/g, "\n"), "utf8");
      if (lf.length === rec.size && sha256(lf) === rec.sha256) continue;
    }
    edited.push(rel);
  }
  return edited.sort();
}

/** An edited file a run overwrote or removed, and where its copy is kept. */
export interface KeptEdit {
  file: string;
  /** The copy's path. */
  copy: string;
  /** Removed (no longer generated) rather than overwritten. */
  removed: boolean;
}

/**
 * Copies each edited file into the edits folder, keeping its mtime. A copy already there with the
 * same bytes is used again; one with other bytes (an earlier edit) is kept too, the new copy
 * numbered (`edm.ts.2.orig`): nothing an edit held is lost.
 */
export function keepEdits(outDir: string, edited: readonly string[], removed: ReadonlySet<string>): KeptEdit[] {
  if (!edited.length) return [];
  const dir = editsDir(outDir);
  fs.mkdirSync(dir, { recursive: true });
  return edited.map((rel) => {
    const from = path.join(outDir, rel);
    const bytes = fs.readFileSync(from);
    for (let n = 1; ; n++) {
      const copy = path.join(dir, n === 1 ? `${rel}.orig` : `${rel}.${n}.orig`);
      let existing: Buffer | undefined;
      try {
        existing = fs.readFileSync(copy);
      } catch {
        existing = undefined;
      }
      if (existing?.equals(bytes)) return { file: rel, copy, removed: removed.has(rel) };
      if (existing !== undefined) continue;
      fs.writeFileSync(copy, bytes);
      const st = fs.statSync(from);
      fs.utimesSync(copy, st.atime, st.mtime);
      return { file: rel, copy, removed: removed.has(rel) };
    }
  });
}
