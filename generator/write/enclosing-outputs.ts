/**
 * The output folders that hold an output folder (a config whose service writes `gen/x` and another
 * `gen/x/inner`). Writing the outer one replaces it as a whole, the inner one carried over as it was
 * when staged: an inner output swapped in meanwhile, by another process (a prebuild while `--watch`
 * runs), would be put back to its old files by the outer swap. So a run takes the locks of the
 * outputs around its own, outermost first, before its own: it then waits while an outer one is being
 * written, and an outer writer waits for it (lock.ts). The order is the same in every run, so two
 * runs cannot wait for each other.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { lockFile } from "./lock";
import { MANIFEST } from "./manifest";

/** The folders above `outDir` that are an output (they hold a manifest) or are being written (their lock is there), outermost first. */
export function enclosingOutputs(outDir: string): string[] {
  const found: string[] = [];
  for (let dir = path.dirname(outDir); path.dirname(dir) !== dir; dir = path.dirname(dir))
    if (fs.existsSync(path.join(dir, MANIFEST)) || fs.existsSync(lockFile(dir))) found.unshift(dir);
  return found;
}
