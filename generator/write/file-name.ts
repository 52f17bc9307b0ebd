/**
 * The names a generated file may have: a plain file name at the top of the output folder, one that
 * names the same file on Windows as elsewhere. The model admits only CSDL names, which file-names.ts
 * keeps off Windows' device names, so the CLI's files always are; the library's `writeOutput` takes
 * the caller's map, whose names are checked before anything is touched (ODG405), so that none is
 * written outside the output folder, into a file's alternate data stream (`a.ts:x`, `C:x.ts`), to a
 * device (`con.ts`), or over odatagen's manifest (on a file system that ignores case or, as Windows
 * does, trailing dots and spaces: `.ODATAGEN-MANIFEST.JSON`, `.odatagen-manifest.json.`).
 */
import * as path from "node:path";
import { DEVICE_NAME } from "../file-names";
import { MANIFEST } from "./manifest";

/** Why `rel` cannot name a generated file in the output folder, or undefined when it can. */
export function badFileName(rel: unknown): string | undefined {
  if (typeof rel !== "string") return `is ${rel === null ? "null" : `a ${typeof rel}`}, not a file name (a string)`;
  if (rel === "") return "is empty";
  if (rel.includes("\0")) return "holds a NUL character";
  if (path.posix.isAbsolute(rel) || path.win32.isAbsolute(rel)) return "is an absolute path, not a file name inside the output folder";
  const segments = rel.split(/[\\/]/);
  if (segments.includes("..")) return "leads out of the output folder";
  if (rel === ".") return "is the output folder itself, not a file in it";
  if (segments.length > 1) return "holds a folder (`/` or `\\`); generated files are plain names at the top of the output folder";
  const bad = /[<>:"|?*\x00-\x1f]/.exec(rel);
  if (bad) return `holds ${JSON.stringify(bad[0])}, which Windows does not allow in a file name (\`:\` names a drive or a file's alternate data stream)`;
  if (rel.replace(/[. ]+$/, "").toLowerCase() === MANIFEST.toLowerCase()) return "is odatagen's manifest, which the write makes itself";
  if (/[. ]$/.test(rel)) return "ends with a dot or a space, which Windows drops (another name for the file without them)";
  if (DEVICE_NAME.test(rel.split(".")[0]!.trimEnd())) return `starts with ${JSON.stringify(rel.split(".")[0])}, a device name Windows reserves whatever extensions follow`;
  return undefined;
}
