/**
 * A program's helpers that make a request from a parameter: `async function graphGet(path: string)
 * { const res = await fetch(BASE + path); return res.json(); }` then `graphGet("/me/events")`, or
 * `const post = (path: string, json: unknown) => api.post(path, { json })`. Each call of a helper
 * the file declares (a `function`, or a `const`'s arrow function, `(p) => …` or `p => …`; its parameters plain names) is
 * the request its body makes, the call's arguments put in for the parameters the URL reads:
 * `graphGet("/me/events")` is `GET https://graph.microsoft.com/v1.0/me/events`, at the call's
 * argument. A helper's call inside another function is read with its parameters as placeholders
 * (`(id) => graphGet(`/users/${id}`)` is `/users/{id}`); chains of helpers, a helper calling
 * another with its parameter, are followed by helper-chains.ts. A call whose URL argument is not read (a variable) is no request; the helper's own call, its URL
 * made of a parameter, is read as before where the helper is never called with one.
 */
import { type CallInCode, JsText, PARAMETER } from "./js-literals";
import { expressionEnd, skipBlank } from "./js-values";
import { constValues } from "./js-declarations";
import { withVariables } from "./request-variables";
import { parametersOf } from "./js-parameters";
import { parameterList } from "./js-parameter-names";
import { initMethod, namedInitMethod, requestMethodLiteral } from "./init-method";
import { objectMembers } from "./object-helpers";

/** The requests a reader finds between `from` and `to` (fetchCalls, httpClientCalls, …). */
export type CallFinder = (js: JsText, from: number, to: number) => CallInCode[];

export interface Helper {
  name: string;
  /** Its parameters by position: each one's name, `""` for a destructuring pattern or a rest parameter. */
  params: string[];
  /** The names its patterns bind: no argument's value, each read as a placeholder. */
  destructured: string[];
  /** Each position's default's value where it is a literal or a constant read (`id = "me"`, `id = ME`): a call leaving its argument out gives it. */
  defaults: (string | undefined)[];
  /** Where its body starts and ends (a block's braces, or an arrow's expression). */
  from: number;
  to: number;
  /** Where the declaration's name is: no call. */
  at: number;
  /** The parts of its body that are its own, each from and to: the body but the bodies of the helpers declared in it. */
  own: [number, number][];
}

const FUNCTION = /(?<![\w$.])(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*(?:<[^<>(]*>)?\s*\(/g;
/** A `const`'s value (js-declarations.ts: typed or not) that is an arrow: `(`, or its lone parameter unparenthesised, `async p =>`; the match ends at the `(` or at the parameter's end (BARE). */
const ARROW = /(?:async\s+)?(?:(?:<[^<>(]*>)?\s*\(|[A-Za-z_$][\w$]*(?=\s*=>))/y;
const DEFAULT = /(?<![\w$.])(?:export\s+default\s+|module\.exports\s*=\s*)(?:async\s+)?(?:(function\s*\*?\s*)?(?:<[^<>(]*>)?\s*\(|[A-Za-z_$][\w$]*(?=\s*=>))/g;
/** An arrow's lone parameter without parentheses, at its first character: `p` of `p => …`. */
const BARE = /[A-Za-z_$][\w$]*(?=\s*=>)/y;

/** The helpers of `js`: functions with plain parameters (made once per file). */
const found = new WeakMap<JsText, Helper[]>();

/** The helpers `js` declares (imported-helpers.ts asks for a module's). */
export function helpersOf(js: JsText): Helper[] {
  let helpers = found.get(js);
  if (helpers) return helpers;
  const declared: Helper[] = [];
  const names = new Map<string, number>();
  const add = (name: string, at: number, open: number, arrow: boolean) => {
    const scoped = scopedName(js, name, at);
    names.set(scoped, (names.get(scoped) ?? 0) + 1);
    const h = helperAt(js, name, at, open, arrow);
    if (h) declared.push(h);
  };
  for (const m of js.text.matchAll(FUNCTION)) if (js.isCode(m.index)) add(m[1]!, m.index, paramsAt(m.index + m[0].length, m[0]), false);
  for (const c of constValues(js)) {
    ARROW.lastIndex = c.value;
    const m = ARROW.exec(js.text);
    if (m) add(c.name, c.at, paramsAt(c.value + m[0].length, m[0]), true);
  }
  // An anonymous default export, `export default function (path) {…}`, `export default (p) => …`, `module.exports = (p) => …`: the helper `default` (reexports.ts).
  for (const m of js.text.matchAll(DEFAULT)) if (js.isCode(m.index)) add("default", m.index, paramsAt(m.index + m[0].length, m[0]), !m[1]);
  // An object literal's members: `const graph = { users: { get: (id) => … } }` is `graph.users.get` (object-helpers.ts).
  for (const f of objectMembers(js).functions) add(f.name, f.at, f.open, f.arrow);
  // A name declared twice in one block is no one helper (one in each of two blocks is each's in its block: helper-chains.ts); nor is one whose parameter its body declares again or assigns.
  helpers = declared.filter((h) => names.get(scopedName(js, h.name, h.at)) === 1);
  const hidden = hidingPlaces(js, new Set(helpers.flatMap((h) => h.params.filter((p) => p !== ""))));
  helpers = helpers.filter((h) => !h.params.some((p) => p !== "" && someBetween(hidden.get(p), h.from, h.to)));
  ownParts(helpers);
  found.set(js, helpers);
  return helpers;
}

/** Where a declaration's match (FUNCTION, ARROW, DEFAULT: its text, ending at `end`) has its parameters: its last character, the `(`; or where its unparenthesised parameter starts. */
function paramsAt(end: number, matched: string): number {
  return matched.endsWith("(") ? end - 1 : end - /[A-Za-z_$][\w$]*$/.exec(matched)![0].length;
}

/** A helper's name and the block it is declared in (its `{`; none at the file's top level): a name is one helper's in its block. */
function scopedName(js: JsText, name: string, at: number): string {
  return `${name}\u0000${js.blockAround(at) ?? ""}`;
}

/** Whether `helper` is declared at the file's top level (a module exports only those). */
export function topLevel(js: JsText, helper: Helper): boolean {
  return js.blockAround(helper.at) === undefined;
}

/** A `const`, `let` or `var` of a name, or an assignment to it (`path = …`, `path += …`, `path++`). */
const HIDING = /(?<![\w$.])(?:(?:const|let|var)\s+([A-Za-z_$][\w$]*)|(?:\+\+|--)\s*([A-Za-z_$][\w$]*)|([A-Za-z_$][\w$]*)\s*(?:(?:\*\*|<<|>>>?|\?\?|\|\||&&|[-+*/%&|^])?=(?![=>])|\+\+|--))/g;

/**
 * Where each of `names` is declared again or assigned in code (one pass over the file), and where
 * a function's body taking a parameter of that name starts (js-parameters.ts): inside a helper's
 * body, its parameter there is another name, or another value, than its call's argument.
 */
function hidingPlaces(js: JsText, names: ReadonlySet<string>): Map<string, number[]> {
  const places = new Map<string, number[]>();
  const add = (name: string, at: number) => {
    if (names.has(name)) (places.get(name) ?? places.set(name, []).get(name)!).push(at);
  };
  if (!names.size) return places;
  for (const m of js.text.matchAll(HIDING)) if (js.isCode(m.index)) add((m[1] ?? m[2] ?? m[3])!, m.index);
  const parameters = parametersOf(js);
  for (const { name, block } of parameters.inBlocks) add(name, block);
  for (const name of names) for (const start of parameters.inExpressions.get(name)?.starts ?? []) add(name, start);
  for (const list of places.values()) list.sort((a, b) => a - b);
  return places;
}

/** Whether one of the sorted `places` is strictly between `from` and `to` (a binary search: 7,000 helpers of one parameter name each cost a search, not a pass). */
function someBetween(places: readonly number[] | undefined, from: number, to: number): boolean {
  if (!places) return false;
  let [low, high] = [0, places.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (places[mid]! <= from) low = mid + 1;
    else high = mid;
  }
  return low < places.length && places[low]! < to;
}

/**
 * Each helper's own parts: its body but the bodies of the helpers declared directly in it, whose
 * calls are theirs. So a call is read for one helper, not for each around it (helpers nested 3,000
 * deep read each call once, not 3,000 times).
 */
function ownParts(helpers: Helper[]): void {
  helpers.sort((a, b) => a.from - b.from);
  const open: Helper[] = [];
  for (const h of helpers) {
    while (open.length && open[open.length - 1]!.to < h.from) open.pop();
    const parent = open[open.length - 1];
    if (parent && h.to <= parent.to) {
      const last = parent.own[parent.own.length - 1]!;
      parent.own.push([h.to, last[1]]);
      last[1] = h.from;
    }
    open.push(h);
  }
}

/** The helper whose parameter list opens at `open` (its `(`; or an arrow's lone parameter unparenthesised, `p => …`, read as `(p) => …` is). */
function helperAt(js: JsText, name: string, at: number, open: number, arrow: boolean): Helper | undefined {
  const text = js.text;
  if (text[open] !== "(") {
    BARE.lastIndex = open;
    const param = arrow ? BARE.exec(text)?.[0] : undefined;
    if (param === undefined) return undefined;
    const from = skipBlank(text, text.indexOf("=>", open + param.length) + 2);
    return withBody(js, { name, params: [param], destructured: [], defaults: [undefined], at }, from);
  }
  const close = js.closing(open);
  if (close === undefined) return undefined;
  // Its parameters by position (a destructuring pattern's `""`, its names unknown: js-parameter-names.ts); one at least named.
  const { positions: params, names, defaults: written } = parameterList(js, open, close);
  if (!params.some((p) => p !== "")) return undefined;
  const destructured = names.filter((n) => !params.includes(n));
  const defaults = written.map((d, k) => (d && params[k] !== "" ? defaultValue(js, d, names) : undefined));
  // A return type (`): Promise<unknown>`), then `=>` for an arrow, then a body or an expression.
  const head = new RegExp(`^\\s*(?::\\s*[\\w$.<>[\\]| ]+)?\\s*${arrow ? "=>\\s*" : "(?=\\{)"}`).exec(text.slice(close + 1, close + 200));
  if (!head) return undefined;
  return withBody(js, { name, params, destructured, defaults, at }, close + 1 + head[0].length);
}

/** A helper whose body starts at `from`: a block to its brace's close, or an arrow's expression to its end. */
function withBody(js: JsText, helper: Omit<Helper, "from" | "to" | "own">, from: number): Helper | undefined {
  const to = js.text[from] === "{" ? js.closing(from) : statementEnd(js, from);
  return to === undefined ? undefined : { ...helper, from, to, own: [[from, to]] };
}

/**
 * A parameter's default's value (written from `from` to `to`) where it is a literal or a constant
 * the reader knows, whole (`"me"`, `5`, `ME`, `` `${ROOT_ID}` ``); undefined for anything else: a name
 * the list binds (`(a, b = a)`), a call, an expression with a placeholder.
 */
function defaultValue(js: JsText, written: { from: number; to: number }, bound: readonly string[]): string | undefined {
  // A name in code (a string's or a comment's words are no names: `select = "id"` beside a parameter `id`).
  const words = [...js.text.slice(written.from, written.to).matchAll(/(?<![\w$])[A-Za-z_$][\w$]*/g)].filter((w) => js.isCode(written.from + w.index));
  if (words.some((w) => bound.includes(w[0]))) return undefined;
  // Read with no helper's arguments bound: a constant of the file, never a mark; a number or a Boolean (`top = 5`) as an argument's.
  const read = js.withArguments(new Map(), () => js.argument(written.from));
  if (!read || read.partial || skipBlank(js.text, read.end) !== written.to || read.value.includes("{") || read.value.includes(PARAMETER)) return undefined;
  return read.value;
}

/** A call's arguments (the parenthesis at `open`) for `helper`'s parameters, a default's value where the call leaves its argument out or gives `undefined`. */
export function helperArguments(js: JsText, open: number, helper: Helper): ReturnType<typeof argumentsAt> {
  const args = argumentsAt(js, open, helper.params.length);
  if (!args) return undefined;
  helper.defaults.forEach((value, k) => {
    if (value === undefined) return;
    const at = args.starts[k];
    if (at === undefined || (/^undefined(?![\w$])/.test(js.text.slice(at, at + 10)) && skipBlank(js.text, at + 9) === expressionEnd(js, at))) args.values[k] = value;
  });
  return args;
}

/** The end of an arrow's expression body at `i`: a `;`, a line's end, or a bracket closing around it, outside its own brackets, strings and comments. */
function statementEnd(js: JsText, i: number): number | undefined {
  const text = js.text;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (!js.isCode(i)) continue;
    if (c === ";" || c === "\n" || c === "," || c === ")" || c === "]" || c === "}") return i;
    if (c === "(" || c === "[" || c === "{") {
      const close = js.closing(i);
      if (close === undefined) return undefined;
      i = close;
    }
  }
  return text.length;
}

/** The requests `find` reads in a helper's own body whose URL reads one of its parameters (each a mark, PARAMETER). */
export function innerCalls(js: JsText, helper: Helper, find: CallFinder): CallInCode[] {
  return js.withArguments(marksOf(helper), () => helper.own.flatMap(([from, to]) => find(js, from, to))).filter((c) => c.url.includes(PARAMETER));
}

/** A helper's parameters as the marks a URL read in its body holds for them; a pattern's names as placeholders (not a name of the same outside). */
export function marksOf(helper: Helper): Map<string, { value: string }> {
  const marks = new Map(helper.destructured.map((n) => [n, { value: `{{${n}}}` }]));
  helper.params.forEach((p, i) => p !== "" && marks.set(p, { value: `${PARAMETER}${i}${PARAMETER}` }));
  return marks;
}

/**
 * The method of a helper's call whose fetch takes its init, or spreads it, from a parameter
 * (`fetch(BASE + path, init)`, `{ ...options, headers }`): the object literal its call gives there
 * names it (`graphFetch("/me/events/1", { method: "DELETE" })`), a later one over an earlier; none
 * given, the fetch's own. What is still unread is left in `methodFrom`.
 */
export function methodThrough(js: JsText, call: CallInCode, helper: Helper, starts: readonly number[]): Pick<CallInCode, "method" | "methodFrom"> {
  let method = call.method;
  let unread: string[] = [];
  let spread = call.methodFrom!.spread;
  let said = call.methodFrom!.unread === true;
  for (const name of call.methodFrom!.names) {
    const k = name === "" ? -1 : helper.params.indexOf(name);
    if (k < 0) {
      unread.push(name);
      continue;
    }
    const at = starts[k];
    if (at === undefined) continue;
    if (call.methodFrom!.value) {
      // The method itself as the parameter (`{ method: verb }`): a string literal given reads it (`send("/x", "DELETE")`).
      const given = requestMethodLiteral(js, at);
      if (given !== undefined) [method, unread] = [given, []];
      else [unread, said] = [[...unread, argumentText(js, at)], true];
      continue;
    }
    // An object literal, or a name of one (`odataFetch("/x", opts)` after `const opts = { method: "POST" }`).
    const word = /^[A-Za-z_$][\w$]*(?![\w$])/.exec(js.text.slice(at, at + 200))?.[0];
    if (word === "undefined") continue;
    const named = word !== undefined && skipBlank(js.text, at + word.length) === expressionEnd(js, at) ? namedInitMethod(js, word, at, "") : undefined;
    const given = js.text[at] === "{" ? initMethod(js, at, "") : named;
    if (given && "method" in given) {
      if (given.method) [method, unread] = [given.method, []];
    } else if (given) {
      // Its spreads may give the method: said as spreads (`...common`).
      if (given.named) [method, unread] = [given.named, given.spreads];
      else unread.push(...given.spreads);
      spread = true;
    } else {
      // Not read: said by the argument's text (`opts`), not guessed GET.
      unread.push(argumentText(js, at));
      said = true;
    }
  }
  const from = { names: unread, spread, ...(said && !spread ? { unread: true as const } : {}), ...(call.methodFrom!.value ? { value: true as const } : {}) };
  return { method, ...(unread.length ? { methodFrom: from } : { methodFrom: undefined }) };
}

/** An argument's text, at most 60 characters of it (a note names it). */
function argumentText(js: JsText, at: number): string {
  const text = js.text.slice(at, expressionEnd(js, at) ?? at).trim().replace(/\s+/g, " ");
  return text.length > 60 ? `${text.slice(0, 59)}\u2026` : text;
}

/** The values of a call's arguments (the parenthesis at `open`), by position; undefined for one not read; `at` where the first is written, `starts` where each is. */
export function argumentsAt(js: JsText, open: number, count: number): { values: (string | undefined)[]; at: number; starts: number[] } | undefined {
  const text = js.text;
  const close = js.closing(open);
  if (close === undefined) return undefined;
  const values: (string | undefined)[] = [];
  const starts: number[] = [];
  let i = skipBlank(text, open + 1);
  const first = /["'`]/.test(text[i] ?? "") ? i + 1 : i;
  for (let k = 0; k < count && i < close; k++) {
    const end = expressionEnd(js, i);
    if (end === undefined || end === i) break;
    starts.push(i);
    const read = js.argument(i);
    values.push(read && skipBlank(text, read.end) === end ? withVariables(read.value, new Map()) : undefined);
    if (text[end] !== ",") break;
    i = skipBlank(text, end + 1);
  }
  return { values, at: first, starts };
}

/** A parameter's mark in a URL read from a helper's body: its index between two PARAMETERs. */
const MARK = new RegExp(`${PARAMETER}(\\d+)${PARAMETER}`, "g");

/** `url` with each parameter's mark replaced by its argument's value; undefined where one it reads has none. */
export function substituted(url: string, args: { values: (string | undefined)[] }): string | undefined {
  let unread = false;
  const out = url.replace(MARK, (_, n: string, offset: number) => {
    const value = args.values[Number(n)];
    if (value === undefined) {
      unread = true;
      return "";
    }
    // A path relative to a client's base where the parameter starts the URL (`api.get(path)`, ky's `prefixUrl`).
    if (offset === 0) return /^(?:\/|[a-z][a-z\d+.-]*:\/\/)/i.test(value) ? value : `/${value}`;
    // `${BASE}/${path}` given "/me": one slash.
    return url[offset - 1] === "/" && value.startsWith("/") ? value.slice(1) : value;
  });
  return unread ? undefined : out;
}
