/**
 * What odatagen keeps beside an output folder `<out>`, named `.<out>.odatagen-<kind>`: the lock, the
 * staging and backup folders of the atomic swap, and the copies of hand edits. Outside the output,
 * so `--check` and a fresh run never see them; the leading dot keeps them out of `tsc`'s wildcards.
 */
import * as path from "node:path";

export type Beside = "lock" | "staging" | "backup" | "edits";

export function besideOutput(outDir: string, kind: Beside): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.odatagen-${kind}`);
}

/** Whether a folder entry's name is one of those, for an output folder of any name. */
export function isBesideAnOutput(name: string): boolean {
  return /^\..+\.odatagen-(lock|staging|backup|edits)$/.test(name);
}
