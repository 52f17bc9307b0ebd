/**
 * Whether one path is in a folder, from `path.relative`: the relative path leads out of the folder
 * only when its whole first segment is `..` (or, on Windows, when it is on another drive). A name
 * that merely starts with two dots (`..shared.xml`, `...xml`, a folder `..work`) is inside.
 */
import * as path from "node:path";

/** Whether `rel` (a result of `path.relative(folder, file)`) leads out of `folder`. */
export function leadsOut(rel: string): boolean {
  return rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

/** Whether `file` is `dir` itself or in it (or below it). */
export function within(file: string, dir: string): boolean {
  return !leadsOut(path.relative(dir, file));
}

/**
 * A path as messages show it (an input, an output folder, the config): relative to the working
 * folder (`cwd`) when inside it, else absolute, so that no name climbs out with `../../..` (`-c /dev/null`).
 */
export function display(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  if (rel === "") return ".";
  return leadsOut(rel) ? path.resolve(file) : rel;
}
