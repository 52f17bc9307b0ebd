/**
 * Where a module config (`.mjs`, `.js`, `.cjs`), or a module it imports, breaks JavaScript's
 * grammar. Node 20's `import()` rejects such a file with a SyntaxError that holds no file, line or
 * column (Node prints them only for an uncaught error), so the files are parsed again, without
 * being run, by `node --check` in a child process, which prints `file:line`, the line, and a caret
 * line under the problem: the config first, then the modules it imports by a relative path or a
 * `file:` URL (statically, dynamically or with `require`), breadth first, each once.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** How many files are checked at most (each is a `node --check` process). */
const MAX_FILES = 32;

export interface SyntaxPlace {
  /** The file the error is in: the config, or a module it imports. */
  file: string;
  /** 1-based, the column in UTF-16 units, as every diagnostic's. */
  line: number;
  column: number;
}

/** The syntax error in the config `file` or a module it imports; undefined when `node --check` finds none in them. */
export function moduleSyntaxPlace(file: string): SyntaxPlace | undefined {
  const queue = [path.resolve(file)];
  const seen = new Set<string>(queue);
  for (let k = 0; k < queue.length && k < MAX_FILES; k++) {
    const place = checkFile(queue[k]);
    if (place) return { file: queue[k], ...place };
    for (const imported of relativeImports(queue[k])) {
      if (!seen.has(imported)) {
        seen.add(imported);
        queue.push(imported);
      }
    }
  }
  return undefined;
}

function checkFile(file: string): { line: number; column: number } | undefined {
  const r = spawnSync(process.execPath, ["--check", file], { encoding: "utf8", timeout: 30_000, windowsHide: true });
  if (r.status === 0 || typeof r.stderr !== "string") return undefined;
  const lines = r.stderr.split(/\r?\n/);
  // The first line names the file (its real path) and the line: `/project/odatagen.config.mjs:3`.
  const head = lines[0] ?? "";
  const colon = head.lastIndexOf(":");
  if (colon <= 0 || !/^[1-9]\d*$/.test(head.slice(colon + 1))) return undefined;
  const caret = (lines[2] ?? "").indexOf("^");
  return { line: Number(head.slice(colon + 1)), column: caret === -1 ? 1 : caret + 1 };
}

/** `from "x"`, `import "x"`, `import("x")`, `require("x")`: the specifier. A rough reading (a comment may hold one): it only picks files to check. */
const SPECIFIER = /(?:\bfrom|\bimport|\brequire)\s*(?:\(\s*)?(["'])([^"'\n]+)\1/g; // `\s*\(?\s*` split a run of spaces every way: quadratic

/** The existing files `file` names as modules by a relative path or a `file:` URL. */
function relativeImports(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    // Its query or fragment cut off at the first `?` or `#` (a pattern ending in `.*$` backtracked over every `?` before a CR).
    const cut = m[2].search(/[?#]/);
    const specifier = cut === -1 ? m[2] : m[2].slice(0, cut);
    let target: string;
    if (specifier.startsWith("file:")) {
      try {
        target = (require("node:url") as typeof import("node:url")).fileURLToPath(specifier);
      } catch {
        continue;
      }
    } else if (specifier.startsWith("./") || specifier.startsWith("../") || path.isAbsolute(specifier)) target = path.resolve(path.dirname(file), specifier);
    else continue;
    // `require` may leave the extension out.
    const found = [target, `${target}.js`, `${target}.cjs`, `${target}.mjs`].find((f) => /\.[cm]?js$/.test(f) && isFile(f));
    if (found) out.push(found);
  }
  return out;
}

function isFile(f: string): boolean {
  try {
    return fs.statSync(f).isFile();
  } catch {
    return false;
  }
}
