/**
 * The helper a module gives by a name through its re-exports: `export { get, del as remove } from
 * "./http"` and `export * from "./http"` in an `index.ts` a program imports its helpers from
 * (imported-helpers.ts). Followed module to module at most DEPTH re-exports deep, each module and
 * name asked once a lookup (modules re-exporting each other in a diamond are read once); a cycle
 * of re-exports, a chain deeper than the bound, and a module that cannot be read are said, never
 * followed for ever.
 */
import * as path from "node:path";
import type { JsText } from "./js-literals";
import type { Helper } from "./request-helpers";

/** How many re-exports deep a name is followed (as helper chains are, helper-chains.ts). */
const DEPTH = 8;

/** A module's re-export: the names it re-exports (each exported name and the module's name for it), or all of them (`*`), and from where. */
interface Reexport {
  names: Map<string, string> | "*";
  specifier: string;
}

/** `export { a, b as c } from "./m"`, `export * from "./m"` (not `export type`, nor `export * as ns`). */
const REEXPORT = /(?<![\w$.])export\s+(?!type\s)(?:\{([^{}]*)\}|\*(?!\s*as\s))\s*from\s*(["'])(\.{1,2}\/[^"'\n]*)\2/g;

const ofModule = new WeakMap<JsText, Reexport[]>();

/** A module's re-exports, in the order written (read once a module). */
function reexportsOf(js: JsText): Reexport[] {
  let found = ofModule.get(js);
  if (found) return found;
  found = [];
  for (const m of js.text.matchAll(REEXPORT)) {
    if (!js.isCode(m.index)) continue;
    if (m[1] === undefined) {
      found.push({ names: "*", specifier: m[3]! });
      continue;
    }
    const names = new Map<string, string>();
    for (const entry of m[1].split(",")) {
      const [name, as] = entry.trim().split(/\s+as\s+/).map((p) => p.trim());
      if (!name || /^type\s/.test(name) || !/^[A-Za-z_$][\w$]*$/.test(name)) continue;
      const exported = as ?? name;
      if (/^[A-Za-z_$][\w$]*$/.test(exported)) names.set(exported, name);
    }
    found.push({ names, specifier: m[3]! });
  }
  ofModule.set(js, found);
  return found;
}

/** A module as the program's modules give it: its path and text, or why it cannot be read. */
export type ModuleAt = (file: string, specifier: string) => { file: string } & ({ js: JsText } | { problem: string });

export type Reexported = { helper: Helper; js: JsText; file: string } | { problem: string } | undefined;

/**
 * The helper the module `js` (the file `file`) gives by `name` through its re-exports (`own` gives
 * a module's own helpers by name); undefined where none gives it, a problem where following them
 * stopped (a cycle, the depth bound, a module that cannot be read).
 */
export function reexported(js: JsText, file: string, name: string, own: (js: JsText) => ReadonlyMap<string, Helper>, moduleAt: ModuleAt): Reexported {
  const asked = new Set<string>();
  const stack: string[] = [];
  let problem: string | undefined;
  const follow = (js: JsText, file: string, name: string, depth: number): { helper: Helper; js: JsText; file: string } | undefined => {
    for (const r of reexportsOf(js)) {
      const original = r.names === "*" ? (name === "default" ? undefined : name) : r.names.get(name);
      if (original === undefined) continue;
      const found = moduleAt(file, r.specifier);
      const key = `${found.file}\u0000${original}`;
      if (stack.includes(key)) {
        problem ??= `re-exports ${original} in a cycle (${[...stack.slice(stack.indexOf(key)), key].map((k) => path.basename(k.split("\u0000")[0]!)).join(" \u2192 ")})`;
        continue;
      }
      if ("problem" in found) {
        problem ??= `re-exports ${original} from ${r.specifier}, which ${found.problem}`;
        continue;
      }
      if (asked.has(key)) continue;
      asked.add(key);
      const helper = own(found.js).get(original);
      if (helper) return { helper, js: found.js, file: found.file };
      if (depth === 0) {
        problem ??= `re-exports ${original} more than ${DEPTH} modules deep`;
        continue;
      }
      stack.push(key);
      try {
        const deeper = follow(found.js, found.file, original, depth - 1);
        if (deeper) return deeper;
      } finally {
        stack.pop();
      }
    }
    return undefined;
  };
  stack.push(`${path.resolve(file)}\u0000${name}`);
  return follow(js, file, name, DEPTH - 1) ?? (problem !== undefined ? { problem } : undefined);
}
