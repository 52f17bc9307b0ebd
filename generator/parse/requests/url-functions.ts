/**
 * A program's small functions that return a URL: `function usersUrl(id: string) { return
 * `${BASE}/users/${id}`; }`, `const usersUrl = (id: string) => `${BASE}/users/${id}`;` (or its body
 * `{ return …; }`; a `const`'s arrow, not a `let`'s), declared once in the file by that name. Its
 * parameters are read as any list is (js-parameter-names.ts: types, defaults, patterns), each
 * argument put in for its parameter by position, a pattern's names placeholders; the body is one
 * `return` statement alone. Anything else (two statements, a method) is no such function: its
 * calls are not read.
 */
import type { JsText } from "./js-literals";
import { skipBlank } from "./js-values";
import { constValues } from "./js-declarations";
import { parameterList } from "./js-parameter-names";

export interface UrlFunction {
  /** Its parameters by position: each one's name, `""` for a destructuring pattern or a rest parameter. */
  params: string[];
  /** The names its patterns bind: no argument's value, each read as a placeholder. */
  destructured: string[];
  /** The index of the returned expression. */
  body: number;
  /** Whether the body is a block (`{ return …; }`), not an arrow's expression. */
  braced: boolean;
}

const FUNCTION = /\bfunction\s+([A-Za-z_$][\w$]*)\s*(?:<[^<>(]*>)?\s*\(/g;
// A `const`'s value (a `let` may be given another function later, `u = (id) => …`), typed or not
// (js-declarations.ts: `const url: (id: string) => string = (id) => …`): the match ends at its `(`.
const ARROW = /(?:<[^<>(]*>)?\s*\(/y;

const found = new WeakMap<JsText, Map<string, UrlFunction | undefined>>();

/** The function `name` of the file where it is such a function; undefined otherwise. */
export function urlFunction(js: JsText, name: string): UrlFunction | undefined {
  let functions = found.get(js);
  if (!functions) {
    functions = new Map();
    // A name given twice is no one function.
    const add = (name: string, f: UrlFunction | undefined) => functions!.set(name, functions!.has(name) ? undefined : f);
    // One written in a comment or a string (an old version left there) is none.
    for (const m of js.text.matchAll(FUNCTION)) if (js.isCode(m.index)) add(m[1]!, functionAt(js, m.index + m[0].length - 1, false));
    for (const c of constValues(js)) {
      ARROW.lastIndex = c.value;
      const m = ARROW.exec(js.text);
      if (m) add(c.name, functionAt(js, c.value + m[0].length - 1, true));
    }
    found.set(js, functions);
  }
  return functions.get(name);
}

/** The function whose parameters open at `open`: its parameters' names and its returned expression. */
function functionAt(js: JsText, open: number, arrow: boolean): UrlFunction | undefined {
  const text = js.text;
  const close = js.closing(open);
  if (close === undefined) return undefined;
  // Its parameters by position, a destructuring pattern's names placeholders (js-parameter-names.ts).
  const { positions: params, names } = parameterList(js, open, close);
  const destructured = names.filter((n) => !params.includes(n));
  // A return type (`): string`), then `=>` for an arrow, then a body or an expression.
  const head = new RegExp(`^\\s*(?::\\s*[\\w$.<>[\\]| ]+)?\\s*${arrow ? "=>\\s*" : "(?=\\{)"}`).exec(text.slice(close + 1, close + 200));
  if (!head) return undefined;
  const start = close + 1 + head[0].length;
  if (text[start] !== "{") return arrow ? { params, destructured, body: start, braced: false } : undefined;
  const ret = /^return\s+/.exec(text.slice(skipBlank(text, start + 1), skipBlank(text, start + 1) + 10));
  return ret ? { params, destructured, body: skipBlank(text, start + 1) + ret[0].length, braced: true } : undefined;
}

/** Whether the returned expression, ending at `end`, is the whole body: `;` (or nothing) and the body's `}` after it, or the arrow's statement's end. */
export function endsBody(js: JsText, f: UrlFunction, end: number): boolean {
  return (f.braced ? /^\s*;?\s*\}/ : /^[ \t]*(?:;|\r?\n|\)|,|$)/).test(js.text.slice(end, end + 40));
}
