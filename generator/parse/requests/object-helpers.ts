/**
 * A program's request helpers held in an object literal: `export const graph = { users: { get: (id:
 * string) => client.get(`/users/${id}`) } }`, then `graph.users.get("a")`, or through a namespace
 * import, `api.graph.users.get("a")` (imported-helpers.ts). Each member whose value is an arrow
 * function (`(id) => …`, or `id => …` its lone parameter unparenthesised), a `function` expression or a method (`get(id) { … }`, `async get(id) { … }`) is a helper
 * named by its path, `graph.users.get`; a member that is an object literal is read as well, at any
 * depth up to a bound against hostile nesting (a namespace's call of one is at most MEMBER_DEPTH
 * members deep; an object deeper is not read, and a call of its members is said, `deeper`). Each
 * object is passed over member by member, each value by its brackets, its path no longer than the
 * bound, so objects nested in each other are read in linear time.
 */
import type { JsText } from "./js-literals";
import { expressionEnd, skipBlank } from "./js-values";
import { constValues } from "./js-declarations";
import { routeImports } from "./route-imports";

/** How many members deep a call is read below a name: `api.graph.users.get(` is 3 (a namespace's object's object's member). */
export const MEMBER_DEPTH = 32;

/** A name called, or a name's members (`g.graphGet(`, `api.users.get(`, up to MEMBER_DEPTH deep), not a member's `.name(`. */
export const CALLED = new RegExp(`(?<![\\w$.])([A-Za-z_$][\\w$]*)((?:\\s*\\.\\s*[A-Za-z_$][\\w$]*){0,${MEMBER_DEPTH}})\\s*\\(`, "g");

/** A member that may be a helper: its path, where its parameter list opens (its `(`, or an arrow's lone parameter unparenthesised), whether it is an arrow's; `at` is the `const`'s name. */
export interface MemberFunction {
  name: string;
  at: number;
  open: number;
  arrow: boolean;
}

const KEY = /(?:async\s+)?(?:get\s+|set\s+)?([A-Za-z_$][\w$]*|"[^"\n]*"|'[^'\n]*')\s*/y;
const VALUE_FUNCTION = /(?:async\s+)?(?:function\s*\*?\s*(?:[A-Za-z_$][\w$]*)?\s*)?(?:<[^<>(]*>)?\s*\(/y;
/** A member's value that is an HTTP client's method by its name: `axios.get`, `ky . post`. */
const CLIENT_METHOD = /([A-Za-z_$][\w$]*)\s*\.\s*(get|post|put|patch|delete)(?![\w$])/y;
/** The HTTP clients every file may name without an import (a script's global, a package's default). */
const KNOWN_CLIENTS = ["axios", "ky", "got"];

/** An arrow whose lone parameter is unparenthesised, `p => …`, `async p => …`: the match ends before the parameter. */
const VALUE_BARE = /(?:async\s+)?(?=[A-Za-z_$][\w$]*\s*=>)/y;

/**
 * The functions of `js`'s `const` object literals by their paths, and the paths of the top-level
 * objects read (`graph`, `graph.users`): a call of a member of one of those that is no such
 * function is said, not guessed (helper-chains.ts, imported-helpers.ts).
 */
export function objectMembers(js: JsText): ObjectMembers {
  let found = known.get(js);
  if (found) return found;
  found = { functions: [], objects: new Set(), deeper: new Set(), clientMethods: new Set() };
  const text = js.text;
  // `const graph = {`, `export const graph: Api = {`, `const graph: { get: (p: string) => Promise<Response>; top?: number } = {` (js-declarations.ts).
  for (const c of constValues(js)) {
    if (text[c.value] !== "{") continue;
    const at = c.nameAt;
    // A block's object (a function's local, a test's mock) is no object of its name outside the block: its calls there are not said.
    const local = js.blockAround(c.at) !== undefined;
    const stack: { path: string; open: number; depth: number }[] = [{ path: c.name, open: c.value, depth: 0 }];
    while (stack.length) {
      const { path, open, depth } = stack.pop()!;
      const close = js.closing(open);
      if (close === undefined) continue;
      if (!local) found.objects.add(path);
      for (let i = skipBlank(text, open + 1); i < close; i = skipBlank(text, i + 1)) {
        KEY.lastIndex = i;
        const key = KEY.exec(text);
        const name = key?.[1]?.replace(/^["']|["']$/g, "");
        const after = key ? i + key[0].length : i;
        if (key && name !== undefined && /^[A-Za-z_$][\w$]*$/.test(name)) {
          const member = `${path}.${name}`;
          if (text[after] === "(" || text[after] === "<") {
            // A method: `get(id) { … }`, `async get<T>(id) { … }`.
            const open = text.indexOf("(", after);
            if (open >= 0) found.functions.push({ name: member, at, open, arrow: false });
          } else if (text[after] === ":") {
            const value = skipBlank(text, after + 1);
            VALUE_FUNCTION.lastIndex = value;
            const fn = VALUE_FUNCTION.exec(text);
            VALUE_BARE.lastIndex = value;
            const bare = fn ? null : VALUE_BARE.exec(text);
            // An object's member is called through a namespace one member deeper than its path: at most MEMBER_DEPTH.
            if (text[value] === "{" && depth + 2 < MEMBER_DEPTH) stack.push({ path: member, open: value, depth: depth + 1 });
            else if (text[value] === "{") {
              if (!local) found.deeper.add(member);
            } else if (fn) found.functions.push({ name: member, at, open: value + fn[0].length - 1, arrow: !/function/.test(fn[0]) });
            else if (bare) found.functions.push({ name: member, at, open: value + bare[0].length, arrow: true });
            else if (clientMethod(js, value, name)) found.clientMethods.add(member);
          }
        }
        // To the member's end: the `,` after it (its value's brackets passed over), or the object's close.
        const end = expressionEnd(js, after);
        if (end === undefined || end >= close) break;
        i = text[end] === "," ? end : close;
        if (text[end] !== ",") break;
      }
    }
  }
  known.set(js, found);
  return found;
}
const known = new WeakMap<JsText, ObjectMembers>();

/**
 * Whether the value at `at`, whole, is a client's method of the member's own name (`get: axios.get`,
 * `post: api.post` with `api = axios.create(…)`): the client is axios, ky, got or one the file
 * imports or makes (route-imports.ts). Another name (`load: axios.get`), another method (`get:
 * axios.delete`) or anything more (`get: axios.get.bind(axios)`) is not.
 */
function clientMethod(js: JsText, at: number, key: string): boolean {
  CLIENT_METHOD.lastIndex = at;
  const m = CLIENT_METHOD.exec(js.text);
  if (!m || m[2] !== key || expressionEnd(js, at) !== skipBlank(js.text, at + m[0].length)) return false;
  return KNOWN_CLIENTS.includes(m[1]!) || routeImports(js).clients.has(m[1]!);
}

/**
 * A file's `const` objects' functions, the paths of its top-level objects read, those of the
 * objects nested too deep to be read (`deeper`), and the members that are a client's method of
 * their own name (`clientMethods`: `api.get` of `{ get: axios.get }`, whose calls are the client's,
 * read as an HTTP client's call is).
 */
export interface ObjectMembers {
  functions: MemberFunction[];
  objects: Set<string>;
  deeper: Set<string>;
  clientMethods: Set<string>;
}

/** The object of `path`'s (`deep.a.b.get`) that is nested too deep to be read (`deep.a.b`, or one around it), if one is. */
export function deeperObject(members: ObjectMembers, path: string): string | undefined {
  if (!members.deeper.size) return undefined;
  for (let dot = path.indexOf("."); dot >= 0; dot = path.indexOf(".", dot + 1)) if (members.deeper.has(path.slice(0, dot))) return path.slice(0, dot);
  return undefined;
}

/** What a note says of an object nested too deep to be read. */
export function deeperWords(object: string): string {
  return `${object} is an object nested more than ${MEMBER_DEPTH - 2} objects deep in its const, whose members are not read`;
}
