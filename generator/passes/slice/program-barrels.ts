/**
 * A program's barrels, for slicing by its imports (imported-elements.ts): `src/graph.ts` holding
 * `export * from "./generated/microsoft.graph.requests.js"` re-exports the generated module's names
 * without naming them, and `import { updateSession } from "./graph.js"` in another file of the
 * program names one. What a file imports from a barrel is read as imported from every generated
 * module the barrel re-exports whole, itself or through the program's other barrels
 * (`export * from "./calls/index.js"`). Only relative specifiers, resolved as TypeScript resolves
 * them between the program's own files: `./graph.js` is `graph.ts` (or `graph.tsx`, `.mts`, `.js`…),
 * `./calls` a file of that name or the folder's `index`; a path alias of a tsconfig is not read.
 */
import * as path from "node:path";

export interface Barrels {
  /** The program's file (by its name as given) that a relative `specifier`, written in `file`, names; undefined for any other. */
  resolve(file: string, specifier: string): string | undefined;
  /** The specifiers of the generated modules whose every name `file` re-exports, directly or through other barrels of the program. */
  reexported(file: string): readonly string[];
  /** The barrels that names imported from `files` come through: those files, and the program's files they re-export whole, at any depth. */
  through(files: Iterable<string>): Set<string>;
}

/** What a file of the program re-exports whole (`export * from "…"`), and where its names are. */
export interface BarrelFile {
  file: string;
  reexports: readonly { specifier: string }[];
}

/** An import's ending, and the source files TypeScript reads for it. */
const SOURCE_OF: Readonly<Record<string, readonly string[]>> = {
  ".js": [".ts", ".tsx", ".js"],
  ".jsx": [".tsx", ".jsx"],
  ".mjs": [".mts", ".mjs"],
  ".cjs": [".cts", ".cjs"],
};
const WITHOUT_ENDING = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

/**
 * The barrels among `files`. `generated(specifier)` tells a generated module's specifier (its key:
 * `microsoft.graph requests`), undefined for any other. Each generated module is followed back
 * through the files that re-export it, once: linear in the program's re-exports for each module.
 */
export function programBarrels(files: readonly BarrelFile[], generated: (specifier: string) => string | undefined): Barrels {
  const byPath = new Map<string, string>();
  for (const f of files) if (!byPath.has(path.resolve(f.file))) byPath.set(path.resolve(f.file), f.file);
  const resolve = (file: string, specifier: string): string | undefined => {
    if (!/^\.\.?(?:\/|$)/.test(specifier)) return undefined;
    const base = path.resolve(path.dirname(file), specifier);
    const ending = path.extname(base);
    const stem = base.slice(0, base.length - ending.length);
    const candidates = [
      ...(SOURCE_OF[ending] ?? []).map((e) => stem + e),
      base,
      ...WITHOUT_ENDING.map((e) => base + e),
      ...WITHOUT_ENDING.map((e) => path.join(base, `index${e}`)),
    ];
    for (const c of candidates) {
      const found = byPath.get(c);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  // Per generated module (by key): its specifiers as written, and the files re-exporting it directly.
  const modules = new Map<string, { specifier: string; files: string[] }>();
  // Per file, the files that re-export it whole, and those it re-exports.
  const reexportedBy = new Map<string, string[]>();
  const reexporting = new Map<string, string[]>();
  for (const f of files)
    for (const r of f.reexports) {
      const key = generated(r.specifier);
      if (key !== undefined) {
        const m = modules.get(key) ?? modules.set(key, { specifier: r.specifier, files: [] }).get(key)!;
        m.files.push(f.file);
        continue;
      }
      const target = resolve(f.file, r.specifier);
      if (target === undefined || target === f.file) continue;
      (reexportedBy.get(target) ?? reexportedBy.set(target, []).get(target)!).push(f.file);
      (reexporting.get(f.file) ?? reexporting.set(f.file, []).get(f.file)!).push(target);
    }
  const reached = new Map<string, string[]>();
  for (const { specifier, files: direct } of modules.values())
    for (const file of follow(direct, reexportedBy)) (reached.get(file) ?? reached.set(file, []).get(file)!).push(specifier);
  return { resolve, reexported: (file) => reached.get(file) ?? [], through: (files) => follow(files, reexporting) };
}

/** `from`, and every file the `edges` lead to from them, each once. */
function follow(from: Iterable<string>, edges: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>();
  const queue = [...from];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of edges.get(file) ?? []) if (!seen.has(next)) queue.push(next);
  }
  return seen;
}
