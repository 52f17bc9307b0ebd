/**
 * An `include` entry's file of requests given as a glob (`@src/**\/*.ts`: the calls of a program's
 * sources), expanded to the files it matches, in sorted order. `*` and `?` match within a name,
 * `**` any number of folders, `{a,b}` either; a folder named `node_modules`, or one whose name
 * starts with a dot, is entered only where the pattern names it so, and an output folder of
 * odatagen's (the service's own, or one with a manifest) never. Symbolic links to folders are not followed (no cycles), and a walk stops after
 * 100,000 entries.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The file that marks a folder as odatagen's output. */
const MANIFEST = ".odatagen-manifest.json";

/** How many folder entries a glob's walk reads at most. */
const MAX_ENTRIES = 100_000;

/** Whether a file of requests is named by a glob rather than one path. */
export function isGlob(pattern: string): boolean {
  return /[*?{]/.test(pattern);
}

/**
 * The files `pattern` (relative to `base`, or absolute) matches, absolute and sorted, and the folders
 * its walk entered (`generate --watch` watches them for files added); or why it cannot be read. The
 * folders `skip` (a service's own output: its files change with every run) are not entered.
 */
export function expandGlob(base: string, pattern: string, skip: readonly string[] = []): { files: string[]; folders: string[] } | { problem: string } {
  const segments = pattern.replace(/\\/g, "/").split("/");
  const fixed = segments.findIndex((s) => isGlob(s));
  const root = path.resolve(base, ...segments.slice(0, fixed).map((s) => (s === "" ? "/" : s)));
  const rest = segments.slice(fixed);
  // `**` is any number of folders (none too); the other segments are names.
  const source = rest.map((s, k) => (s === "**" ? (k === rest.length - 1 ? ".*" : "(?:[^/]+/)*") : `${segmentSource(s)}${k === rest.length - 1 ? "" : "/"}`)).join("");
  const matcher = new RegExp(`^${source}$`);
  const dotted = rest.some((s) => s.startsWith("."));
  const modules = rest.includes("node_modules");
  const files: string[] = [];
  const folders: string[] = [];
  const skipped = new Set(skip.map((d) => path.resolve(d)));
  let entries = 0;
  const walk = (dir: string, relative: string): string | undefined => {
    let listed: fs.Dirent[];
    try {
      listed = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return undefined; // the root is not there, or a folder cannot be read: nothing below it matches
    }
    folders.push(dir);
    for (const entry of listed) {
      if (++entries > MAX_ENTRIES) return `its walk read more than ${MAX_ENTRIES} entries of ${root}; name a narrower folder`;
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if ((entry.name.startsWith(".") && !dotted) || (entry.name === "node_modules" && !modules)) continue;
        const sub = path.join(dir, entry.name);
        // Any service's output (a folder with odatagen's manifest) is generated code, not a program's.
        if (skipped.has(sub) || fs.existsSync(path.join(sub, MANIFEST))) continue;
        const problem = walk(sub, rel);
        if (problem) return problem;
      } else if (entry.isFile() && matcher.test(rel)) files.push(path.join(dir, entry.name));
    }
    return undefined;
  };
  const problem = walk(root, "");
  return problem ? { problem } : { files: files.sort(), folders };
}

/** One name of a glob as a regular expression's source: `*` and `?` within the name, `{a,b}` either. */
function segmentSource(segment: string): string {
  let out = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "{") {
      const close = segment.indexOf("}", i);
      if (close < 0) out += "\\{";
      else {
        out += `(?:${segment.slice(i + 1, close).split(",").map((a) => a.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|")})`;
        i = close;
      }
    } else out += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return out;
}
