/**
 * Why a run would not write its output folder, found before anything is written: a hand-written
 * file where a generated one goes (ODG401), or a folder the file system would refuse (ODG403: a file
 * where the folder or one above it should be, no permission, a read-only file system). The real run
 * stops on them; `--dry-run` and `--check` report the same diagnostics, so they predict it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Codes, type Diagnostic } from "../diagnostics";
import type { Plan } from "./plan";
import { display } from "./uptodate";

export interface RefusalOptions {
  /**
   * Also check permissions (write access where the staging folder and the lock go, read access to
   * the old output). `--check` leaves them out: it writes nothing, and a CI checkout may be read-only.
   */
  permissions: boolean;
}

/** The diagnostics of everything that would stop writing `plan` into `outDir`; empty when nothing would. */
export function outputRefusals(outDir: string, plan: Plan, options: RefusalOptions): Diagnostic[] {
  const at = { line: 0, column: 0, path: "" };
  const refusals: Diagnostic[] = plan.conflicts.map((f) => ({
    code: Codes.outputConflict, severity: "error",
    message: `${f} exists and was not written by odatagen; move it away (nothing was written)`,
    file: display(path.join(outDir, f)), ...at,
  }));
  // A run with nothing to write leaves the folder alone (write.ts): the file system has no say.
  const writes = plan.added.length + plan.changed.length + plan.stale.length > 0 || plan.manifestChanged;
  const refused = writes ? folderRefusal(outDir, options) : undefined;
  if (refused) refusals.push({ code: Codes.outputUnwritable, severity: "error", message: `cannot write the output: ${refused}`, file: display(outDir), ...at });
  return refusals;
}

/**
 * What the file system would refuse when the output is assembled beside `outDir` and swapped in
 * (stage.ts): the first existing path from `outDir` up must be a folder, writable where the staging
 * folder is made (the parent, or the nearest existing folder above it, which `mkdir -p` starts from),
 * and an existing output must be readable (its unchanged files are linked into the new one).
 */
export function folderRefusal(outDir: string, options: RefusalOptions): string | undefined {
  let existing = outDir;
  for (;;) {
    let st: fs.Stats;
    try {
      st = fs.statSync(existing);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const up = path.dirname(existing);
      // ENOTDIR: a file on the way up, which the next step finds.
      if ((code === "ENOENT" || code === "ENOTDIR") && up !== existing) {
        existing = up;
        continue;
      }
      return (e as Error).message;
    }
    if (!st.isDirectory()) return `${display(existing)} is a file, not a folder`;
    break;
  }
  if (!options.permissions) return undefined;
  const { R_OK, W_OK, X_OK } = fs.constants;
  if (existing === outDir) return denied(outDir, R_OK | X_OK, "read") ?? denied(path.dirname(outDir), W_OK | X_OK, "write in");
  return denied(existing, W_OK | X_OK, "write in");
}

function denied(dir: string, mode: number, what: string): string | undefined {
  try {
    fs.accessSync(dir, mode);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EROFS") return `${display(dir)} is on a read-only file system`;
    if (code === "EACCES" || code === "EPERM") return `no permission to ${what} ${display(dir)}`;
    return (e as Error).message;
  }
}
