/**
 * Saving what `odatagen fetch` downloaded (fetch/fetch-documents.ts): only the files that changed,
 * each written to a temporary file in its folder and renamed over the old one, so that a reader (or a
 * failure half-way) sees the old file or the new, never a part; all are downloaded before any is written.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { PlannedFile } from "./fetch-documents";

/** Whether a planned file differs from the one there. */
export function changed(f: PlannedFile): boolean {
  if (f.content === undefined) return f.old !== undefined;
  return f.old === undefined || !f.old.equals(f.content);
}

/** Writes (or removes) the files that changed; throws the file system's error. */
export function saveChanged(files: readonly PlannedFile[]): void {
  for (const f of files) {
    if (!changed(f)) continue;
    if (f.content === undefined) {
      fs.rmSync(f.file, { force: true });
      continue;
    }
    fs.mkdirSync(path.dirname(f.file), { recursive: true });
    const temp = path.join(path.dirname(f.file), `.${path.basename(f.file)}.${process.pid}.fetch`);
    try {
      fs.writeFileSync(temp, f.content);
      fs.renameSync(temp, f.file);
    } catch (e) {
      fs.rmSync(temp, { force: true });
      throw e;
    }
  }
}
