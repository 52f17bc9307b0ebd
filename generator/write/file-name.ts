/**
 * The names a generated file may have: a plain file name at the top of the output folder. The model
 * admits only CSDL names, so the CLI's files always are; the library's `writeOutput` takes the
 * caller's map, whose names are checked before anything is touched (ODG405), so that none is
 * written outside the output folder or over odatagen's manifest.
 */
import * as path from "node:path";
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
  if (rel === MANIFEST) return "is odatagen's manifest, which the write makes itself";
  return undefined;
}
