/**
 * Files in an output folder that odatagen did not write: neither the manifest lists them nor does
 * this run generate them. They are the user's (a README, a hand-written helper): never removed or
 * overwritten, and not compared by `--check`, which only names them, so that a file left there by
 * mistake is seen. Odatagen's own are not named: another output folder inside this one (a service
 * whose `out` is below this one's, with its own manifest, which its own check compares), and the
 * folders and lock odatagen keeps beside such an output (`.<out>.odatagen-edits` and the like).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { isBesideAnOutput } from "./beside";
import { MANIFEST, type Manifest } from "./manifest";

/** Their paths (relative, `/`-separated, sorted); folders are looked into, links are not followed. */
export function unlistedFiles(outDir: string, previous: Manifest | undefined, files: ReadonlyMap<string, string>): string[] {
  const known = new Set([MANIFEST, ...(previous?.files.map((f) => f.path) ?? []), ...files.keys()]);
  const found: string[] = [];
  const walk = (rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(outDir, rel), { withFileTypes: true });
    } catch {
      return; // no output folder yet, or one that cannot be read (refusals.ts says so where it matters)
    }
    // Another output folder inside this one: odatagen wrote it, for another service.
    if (rel && entries.some((e) => e.name === MANIFEST && e.isFile())) return;
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (isBesideAnOutput(e.name)) continue;
      if (e.isDirectory()) walk(r);
      else if (!known.has(r)) found.push(r);
    }
  };
  walk("");
  return found.sort();
}
