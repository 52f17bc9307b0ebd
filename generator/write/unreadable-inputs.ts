/**
 * ODG001 for the inputs that could not be read. An input a config names is reported where the
 * config names it (`odatagen.config.json:4:16: error ODG001: cannot read input spec.xlm: … [services[0].input]`),
 * one given by `--input` or to `diff` at its own name; a missing one suggests a file of a near
 * name in its folder (`did you mean spec.xml?`).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Codes, type Diagnostic, type Place } from "../diagnostics";
import { nearestName } from "../nearest-name";
import { type UnreadableInput } from "./uptodate";
import { display } from "./within";

/** `placeOf`: where the config names an input, by its absolute path; undefined for one it does not name. */
export function unreadableDiagnostics(unreadable: readonly UnreadableInput[], placeOf?: (file: string) => Place | undefined, what = "input"): Diagnostic[] {
  return unreadable.map((u) => {
    const at = placeOf?.(u.file);
    const near = u.missing ? nearFile(u.file) : undefined;
    const elsewhere = u.missing && !near && !at ? whereNpmWasRun(u.file) : undefined;
    const reason = `${u.reason}${near ? `; did you mean ${display(near)}?` : ""}${elsewhere ?? ""}`;
    const base = { code: Codes.fileUnreadable, severity: "error" as const };
    if (at) return { ...base, message: `cannot read ${what} ${display(u.file)}: ${reason}`, ...at };
    return { ...base, message: `cannot read ${what}: ${reason}`, file: display(u.file), line: 0, column: 0, path: "" };
  });
}

/**
 * For an input missing where odatagen looked but there from the folder npm was run in: npm runs
 * scripts and `npx` in the package's folder (the one with package.json), so a path given from a
 * folder below it (or from a workspace's root, `INIT_CWD`) is looked for in the wrong place.
 */
function whereNpmWasRun(file: string): string | undefined {
  const from = process.env.INIT_CWD;
  if (!from || path.resolve(from) === process.cwd()) return undefined;
  const given = path.relative(process.cwd(), file);
  if (path.isAbsolute(given) || !fs.existsSync(path.resolve(from, given))) return undefined;
  return `; npm ran odatagen in ${process.cwd()} (the package's folder), and it is in ${path.resolve(from)}, where the command was given: give its path from the package's folder (${path.relative(process.cwd(), path.resolve(from, given))})`;
}

/** A file in the folder of a missing one whose name is near its name (a typo, another case), if any. */
function nearFile(file: string): string | undefined {
  const dir = path.dirname(file);
  let names: string[];
  try {
    names = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => !e.isDirectory()).map((e) => e.name);
  } catch {
    return undefined; // the folder is missing too, or cannot be listed
  }
  const near = nearestName(path.basename(file), names);
  return near === undefined ? undefined : path.join(dir, near);
}
