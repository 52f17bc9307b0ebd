/**
 * The names a program's functions take as parameters, and where they hide a declaration of the same
 * name around them (js-bindings.ts): a function's or method's `(url: string) { … }`, a `catch (url)
 * { … }`, an arrow's `(url) => …` or `url => …`. A body in braces is the block the names are
 * declared in; an arrow's expression body (`links.map((url) => fetch(url))`) is a range of its own,
 * up to the `,`, `;` or closing bracket after it. A list's names are those it binds
 * (js-parameter-names.ts): not a type's nor a default's words.
 */
import type { JsText } from "./js-literals";
import { skipBlank } from "./js-values";
import { boundNames } from "./js-parameter-names";

export interface Parameters {
  /** Each parameter's name and the `{` of the body it is declared in. */
  inBlocks: { name: string; block: number }[];
  /** Each name's arrow expression bodies: their starts in order, and the furthest end of those up to each. */
  inExpressions: Map<string, { starts: number[]; ends: number[] }>;
}

const NOT_FUNCTIONS = new Set(["if", "for", "while", "switch", "with", "return", "typeof", "await", "in", "of", "new", "delete", "void"]);

/** The parameters of the program's functions (one pass over its parentheses and `=>`s, made once per file: js-bindings.ts and request-helpers.ts ask). */
export function parametersOf(js: JsText): Parameters {
  let found = known.get(js);
  if (!found) known.set(js, (found = findParameters(js)));
  return found;
}
const known = new WeakMap<JsText, Parameters>();

function findParameters(js: JsText): Parameters {
  const text = js.text;
  const found: Parameters = { inBlocks: [], inExpressions: new Map() };
  /** Each arrow's expression body: where it starts and the names it takes; its end found once all are known (expressionEnds). */
  const expressions: { body: number; names: string[] }[] = [];
  const bind = (names: string[], bodyAt: number) => {
    const body = skipBlank(text, bodyAt);
    if (text[body] === "{" && js.closing(body) !== undefined) for (const name of names) found.inBlocks.push({ name, block: body });
    else expressions.push({ body, names });
  };
  for (let open = text.indexOf("("); open >= 0; open = text.indexOf("(", open + 1)) {
    const close = js.closing(open);
    if (close === undefined) continue;
    const after = /^\s*(?::[^={};]{0,200})?(=>|\{)/.exec(text.slice(close + 1, close + 240));
    if (!after) continue;
    // A `(…) {` is a function's, a method's or a catch's, not an `if`'s or a loop's.
    const before = /([A-Za-z_$][\w$]*)\s*(?:<[^<>()]{0,100}>)?\s*$/.exec(text.slice(Math.max(0, open - 120), open))?.[1];
    if (after[1] === "{" && (before === undefined || NOT_FUNCTIONS.has(before))) continue;
    bind(boundNames(js, open, close), close + 1 + after[0].length - (after[1] === "{" ? 1 : 0));
  }
  for (const m of text.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)\s*=>/g)) if (!NOT_FUNCTIONS.has(m[1]!)) bind([m[1]!], m.index + m[0].length);
  const ends = expressionEnds(js, expressions.map((e) => e.body));
  for (const { body, names } of expressions) {
    for (const name of names) {
      const ranges = found.inExpressions.get(name) ?? { starts: [], ends: [] };
      ranges.starts.push(body);
      ranges.ends.push(ends.get(body)!);
      found.inExpressions.set(name, ranges);
    }
  }
  for (const [name, { starts, ends }] of found.inExpressions) {
    const order = starts.map((_, k) => k).sort((a, b) => starts[a]! - starts[b]!);
    let furthest = -1;
    found.inExpressions.set(name, { starts: order.map((k) => starts[k]!), ends: order.map((k) => (furthest = Math.max(furthest, ends[k]!))) });
  }
  return found;
}

/** Whether `at` is in one of a name's arrow expression bodies (binary search). */
export function hiddenAt(ranges: { starts: number[]; ends: number[] } | undefined, at: number): boolean {
  if (!ranges) return false;
  let [lo, hi] = [0, ranges.starts.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges.starts[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && ranges.ends[lo - 1]! > at;
}

/**
 * The end of each arrow expression body starting at one of `starts`: the `,`, `;` or closing bracket
 * after it, its own brackets and strings passed over. A body met while reading another's, outside
 * the brackets passed over (`const a = (p) => p` then `const b = (q) => q` with no `;`, or `p => q
 * => …`), ends where that one does: it is not read again. So each character is read for one body,
 * the innermost one around it (a file of 10,000 arrows left without `;` is read once, not 10,000
 * times to its end).
 */
function expressionEnds(js: JsText, starts: readonly number[]): Map<number, number> {
  const text = js.text;
  const ends = new Map<number, number>();
  const pending = new Set(starts);
  for (const start of [...pending].sort((a, b) => a - b)) {
    if (ends.has(start)) continue;
    const met: number[] = [];
    let i = start;
    while (i < text.length) {
      if (pending.has(i)) met.push(i);
      const c = text[i]!;
      if (c === "," || c === ";" || c === ")" || c === "]" || c === "}") break;
      const close = c === "(" || c === "[" || c === "{" ? js.closing(i) : undefined;
      i = close !== undefined ? close + 1 : c === '"' || c === "'" || c === "`" ? literalEnd(js, i) : i + 1;
    }
    for (const at of met) ends.set(at, i);
  }
  return ends;
}

/** The index after the string or template at `at` (its `${…}`s passed over by their braces), without reading its value. */
function literalEnd(js: JsText, at: number): number {
  const text = js.text;
  const quote = text[at];
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === quote) return i + 1;
    if (c === "\\") i++;
    else if (c === "\n" && quote !== "`") return i;
    else if (quote === "`" && c === "$" && text[i + 1] === "{") i = js.closing(i + 1) ?? text.length;
  }
  return text.length;
}
