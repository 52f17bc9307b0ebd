/**
 * Saving what `odatagen fetch` downloaded (fetch/fetch-documents.ts): only the files that changed,
 * each written to a temporary file in its folder and renamed over the old one, so that a reader (or a
 * failure half-way) sees the old file or the new, never a part; all are downloaded before any is
 * written, and all written to their temporary files before any is renamed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { PlannedFile } from "./fetch-documents";

/** Whether a planned file differs from the one there. */
export function changed(f: PlannedFile): boolean {
  if (f.content === undefined) return f.old !== undefined;
  return f.old === undefined || !f.old.equals(f.content);
}

/**
 * Writes (or removes) the files that changed; throws the file system's error. Every new content is
 * written to its temporary file first, and only then are they renamed into place: a write that fails
 * (no space, a folder where a file goes) leaves every file as it was, and removes the temporary ones.
 */
export function saveChanged(files: readonly PlannedFile[]): void {
  const temps: { temp: string; file: string }[] = [];
  try {
    for (const f of files) {
      if (!changed(f) || f.content === undefined) continue;
      fs.mkdirSync(path.dirname(f.file), { recursive: true });
      const temp = path.join(path.dirname(f.file), `.${path.basename(f.file)}.${process.pid}.fetch`);
      temps.push({ temp, file: f.file });
      fs.writeFileSync(temp, f.content);
    }
  } catch (e) {
    for (const { temp } of temps) fs.rmSync(temp, { force: true });
    throw ownPath(e, temps);
  }
  for (const [i, { temp, file }] of temps.entries()) {
    try {
      fs.renameSync(temp, file);
    } catch (e) {
      for (const t of temps.slice(i)) fs.rmSync(t.temp, { force: true });
      throw ownPath(e, temps);
    }
  }
  for (const f of files) if (changed(f) && f.content === undefined) fs.rmSync(f.file, { force: true });
}

/** The file system's error with the file the user named in place of its temporary file, which is gone. */
function ownPath(e: unknown, temps: readonly { temp: string; file: string }[]): unknown {
  const err = e as NodeJS.ErrnoException;
  const own = temps.find((t) => t.temp === err.path)?.file;
  if (own) {
    err.message = err.message.split(", ")[0];
    err.path = own;
  }
  return e;
}
