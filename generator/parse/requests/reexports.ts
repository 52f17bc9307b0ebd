/**
 * The helper a module gives by a name through its re-exports: `export { get, del as remove } from
 * "./http"` and `export * from "./http"` in an `index.ts` a program imports its helpers from
 * (imported-helpers.ts); a module's default export (`export { default as get } from "./http"`,
 * the function `export default function get(…)` or `export default get` names); and a namespace's
 * members, `export * as http from "./http"` then `http.get(…)` (asked as `http.get`). Followed
 * module to module at most DEPTH re-exports deep, each module and name asked once a lookup
 * (modules re-exporting each other in a diamond are read once); a cycle of re-exports, a chain
 * deeper than the bound, a module that cannot be read and a default export that is no named
 * function (`export default (p) => …`) are said, never followed for ever.
 */
import * as path from "node:path";
import type { JsText } from "./js-literals";
import type { Helper } from "./request-helpers";
import { importedNames } from "./imported-names";

/** How many re-exports deep a name is followed (as helper chains are, helper-chains.ts). */
const DEPTH = 8;

/** A module's re-export: the names it re-exports (each exported name and the module's name for it, `*` for the whole module as a namespace), or all of them (`*`), and from where. */
interface Reexport {
  names: Map<string, string> | "*";
  specifier: string;
}

/** `export { a, b as c } from "./m"`, `export * from "./m"`, `export * as ns from "./m"` (not `export type`). */
const REEXPORT = /(?<![\w$.])export\s+(?!type\s)(?:\{([^{}]*)\}|\*(?:\s*as\s+([A-Za-z_$][\w$]*))?)\s*from\s*(["'])(\.{1,2}\/[^"'\n]*)\3/g;

const ofModule = new WeakMap<JsText, Reexport[]>();

/** A module's re-exports, in the order written (read once a module). */
function reexportsOf(js: JsText): Reexport[] {
  let found = ofModule.get(js);
  if (found) return found;
  found = [];
  for (const m of js.text.matchAll(REEXPORT)) {
    if (!js.isCode(m.index)) continue;
    if (m[1] === undefined) {
      found.push({ names: m[2] === undefined ? "*" : new Map([[m[2], "*"]]), specifier: m[4]! });
      continue;
    }
    const names = new Map<string, string>();
    for (const entry of m[1].split(",")) {
      const [name, as] = entry.trim().split(/\s+as\s+/).map((p) => p.trim());
      if (!name || /^type\s/.test(name) || !/^[A-Za-z_$][\w$]*$/.test(name)) continue;
      const exported = as ?? name;
      if (/^[A-Za-z_$][\w$]*$/.test(exported)) names.set(exported, name);
    }
    found.push({ names, specifier: m[4]! });
  }
  // An imported name exported again: `import { get } from "./h"; export default get;`, `export { get as send };`.
  const imports = importedNames(js);
  if (imports.length) {
    const exported: [string, string][] = [];
    const d = defaultOf(js);
    if (d && "name" in d) exported.push(["default", d.name]);
    for (const m of js.text.matchAll(LOCAL_EXPORT)) {
      if (!js.isCode(m.index)) continue;
      for (const entry of m[1]!.split(",")) {
        const [local, as] = entry.trim().split(/\s+as\s+/).map((p) => p.trim());
        if (local && /^[A-Za-z_$][\w$]*$/.test(local) && /^[A-Za-z_$][\w$]*$/.test(as ?? local)) exported.push([as ?? local, local]);
      }
    }
    // A default import is the module's `default` and its namespace: the default is what a call of it calls.
    const byLocal = new Map<string, { name: string; specifier: string }>();
    for (const n of imports) if (n.name !== "*" || !byLocal.has(n.local)) byLocal.set(n.local, n);
    for (const [name, local] of exported) {
      const i = byLocal.get(local);
      if (i) found.push({ names: new Map([[name, i.name]]), specifier: i.specifier });
    }
  }
  ofModule.set(js, found);
  return found;
}

/** `export { a, b as c };` (no `from`: the module's own names, or names it imports). */
const LOCAL_EXPORT = /(?<![\w$.])export\s*\{([^{}]*)\}(?!\s*from\b)/g;

/** A module as the program's modules give it: its path and text, or why it cannot be read. */
export type ModuleAt = (file: string, specifier: string) => { file: string } & ({ js: JsText } | { problem: string });

/** What a module gives by a name through its re-exports (a helper, or an exported constant's value: imported-constants.ts), the module declaring it, or why following stopped. */
export type Reexported<T = Helper> = { helper: T; js: JsText; file: string } | { problem: string } | undefined;

/** An anonymous function or arrow after `export default`: `function (p) {`, `async (p) =>`, `p =>`. */
const ANONYMOUS = /^(?:async\s+)?(?:function\s*\*?\s*(?:<[^<>(]*>)?\s*\(|(?:<[^<>(]*>)?\s*\(|[A-Za-z_$][\w$]*\s*=>)/;

/**
 * The name a module's default export (or `module.exports`) gives a function it declares: `export
 * default function request(`, `export default request`, `module.exports = graphGet`; `default`
 * for an anonymous function or arrow (`export default function (p) {…}`, `export default (p) =>
 * …`: request-helpers.ts reads it by that name); a problem where it is something else that may be
 * called (a call's value); undefined where the module has none (or a class).
 */
export function defaultOf(js: JsText): { name: string; anonymous?: true } | { problem: string } | undefined {
  for (const m of js.text.matchAll(/(?<![\w$.])(?:export\s+default|module\.exports\s*=)\s*/g)) {
    if (!js.isCode(m.index)) continue;
    const rest = js.text.slice(m.index + m[0].length, m.index + m[0].length + 200);
    const named = /^(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)|^([A-Za-z_$][\w$]*)\s*(?:;|\r?\n|$)/.exec(rest);
    const name = named?.[1] ?? named?.[2];
    if (name === "class" || /^(?:abstract\s+)?class\b|^\{/.test(rest)) return undefined;
    if (name !== undefined && name !== "function" && name !== "async") return { name };
    // An anonymous function or arrow: the helper request-helpers.ts names `default`, where it is one.
    if (ANONYMOUS.test(rest)) return { name: "default", anonymous: true };
    return { problem: `no function (${rest.split("\n")[0]!.slice(0, 40).trim()}…)` };
  }
  return undefined;
}

/**
 * The helper the module `js` (the file `file`) gives by `name` (`default` for its default export,
 * `ns.get` for a member of a namespace it re-exports) that it does not declare by that name (`own`
 * gives a module's own helpers by name); undefined where none gives it, a problem where following
 * stopped (a cycle, the depth bound, a module that cannot be read, a default that is no function, or an
 * anonymous one that is no helper read).
 */
export function reexported<T = Helper>(js: JsText, file: string, name: string, own: (js: JsText) => ReadonlyMap<string, T>, moduleAt: ModuleAt): Reexported<T> {
  const asked = new Set<string>();
  const stack: string[] = [];
  let problem: string | undefined;
  /** The helper a module declares by `name`, or names as its default export. */
  const declared = (js: JsText, file: string, name: string, via?: string): { helper: T; js: JsText; file: string } | undefined => {
    let local: string | undefined = name;
    if (name === "default") {
      const d = defaultOf(js);
      if (d && "problem" in d) problem ??= via === undefined ? `exports as its default ${d.problem}` : `re-exports the default export of ${via}, ${d.problem}`;
      local = d && "name" in d ? d.name : undefined;
      if (d && "anonymous" in d && !own(js).get("default")) problem ??= `${via === undefined ? "exports as its default" : `re-exports the default export of ${via},`} a function that is no request helper odatagen reads`;
    }
    const helper = local === undefined ? undefined : own(js).get(local);
    return helper ? { helper, js, file } : undefined;
  };
  const follow = (js: JsText, file: string, name: string, depth: number): { helper: T; js: JsText; file: string } | undefined => {
    // `ns.get`: the member `get` of what the module exports as `ns`.
    const dot = name.indexOf(".");
    const [head, member] = dot < 0 ? [name, undefined] : [name.slice(0, dot), name.slice(dot + 1)];
    for (const r of reexportsOf(js)) {
      const original = r.names === "*" ? (head === "default" ? undefined : head) : r.names.get(head);
      if (original === undefined) continue;
      // A namespace's member is the module's own name; a namespace itself is no helper.
      const wanted = original === "*" ? member : member === undefined ? original : `${original}.${member}`;
      if (wanted === undefined) continue;
      const found = moduleAt(file, r.specifier);
      const key = `${found.file}\u0000${wanted}`;
      if (stack.includes(key)) {
        problem ??= `re-exports ${wanted} in a cycle (${[...stack.slice(stack.indexOf(key)), key].map((k) => path.basename(k.split("\u0000")[0]!)).join(" \u2192 ")})`;
        continue;
      }
      if ("problem" in found) {
        problem ??= `re-exports ${original === "*" ? head : original} from ${r.specifier}, which ${found.problem}`;
        continue;
      }
      if (asked.has(key)) continue;
      asked.add(key);
      const helper = declared(found.js, found.file, wanted, r.specifier);
      if (helper) return helper;
      if (depth === 0) {
        problem ??= `re-exports ${wanted} more than ${DEPTH} modules deep`;
        continue;
      }
      stack.push(key);
      try {
        const deeper = follow(found.js, found.file, wanted, depth - 1);
        if (deeper) return deeper;
      } finally {
        stack.pop();
      }
    }
    return undefined;
  };
  stack.push(`${path.resolve(file)}\u0000${name}`);
  return declared(js, file, name) ?? follow(js, file, name, DEPTH - 1) ?? (problem !== undefined ? { problem } : undefined);
}
