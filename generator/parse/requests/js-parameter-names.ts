/**
 * The names a parameter list binds, read without a TypeScript parser: each parameter's name before
 * its `?`, `:` type or `=` default (`(url: string, init = {})` binds `url` and `init`, not
 * `string`), the names a destructuring pattern binds (`({ path, query: { top = 5 }, ...rest }, [a,
 * , b])` binds `path`, `top`, `rest`, `a`, `b`, not the keys `query` nor the default's names), past
 * a rest's `...`, a constructor's `private`/`readonly`, a decorator, and a `this` parameter's type
 * (`this: Window` binds nothing). A type's and a default's words are no names: `(x: typeof del)`
 * does not bind `del`. Brackets are passed over by their pairs (JsText.closing), strings and
 * comments as they are not code, so each character of a list is looked at once, a pattern nested
 * thousands deep read without recursion.
 */
import type { JsText } from "./js-literals";
import { skipBlank } from "./js-values";

const WORD = /[A-Za-z_$][\w$]*/y;
const MODIFIERS = new Set(["public", "private", "protected", "readonly", "override"]);

/** The names the parameter list between the parentheses at `open` and `close` binds, in no particular order. */
export function boundNames(js: JsText, open: number, close: number): string[] {
  return parameterList(js, open, close).names;
}

/**
 * The parameter list between the parentheses at `open` and `close`: each parameter by its position
 * (a `this` parameter, which takes no argument, left out), its name, or `""` for a destructuring
 * pattern (`({ path }, [a])`) or a rest parameter, whose names are in `names` with every other name the list binds
 * (request-helpers.ts and url-functions.ts put a call's arguments in by position).
 */
export function parameterList(js: JsText, open: number, close: number): { positions: string[]; names: string[]; defaults: ({ from: number; to: number } | undefined)[] } {
  const text = js.text;
  const names: string[] = [];
  const positions: string[] = [];
  /** Where each position's default is written (`id = "me"`: from its first character, past a comment before it, to its entry's end). */
  const defaults: ({ from: number; to: number } | undefined)[] = [];
  /** The destructuring patterns met, by their opening bracket, read after the list. */
  const patterns: number[] = [];
  for (let i = open + 1; i < close; i++) {
    i = blank(js, i, close);
    // Decorators (`@Inject() x`) and modifiers (`private readonly x`) before the name.
    for (;;) {
      if (text[i] === "@") {
        i = blank(js, i + 1 + (wordAt(text, i + 1)?.length ?? 0), close);
        if (text[i] === "(") i = blank(js, (js.closing(i) ?? close) + 1, close);
        continue;
      }
      const word = wordAt(text, i);
      if (word === undefined || !MODIFIERS.has(word)) break;
      const next = blank(js, i + word.length, close);
      if (wordAt(text, next) === undefined && text[next] !== "{" && text[next] !== "[") break;
      i = next;
    }
    const rest = text.startsWith("...", i);
    if (rest) i = blank(js, i + 3, close);
    if (i >= close) break;
    // A rest parameter holds the arguments from its place on as an array: no one argument's value.
    const word = wordAt(text, i);
    if (word !== "this") positions.push(rest || text[i] === "{" || text[i] === "[" ? "" : (word ?? ""));
    i = target(js, i, close, names, patterns, "this");
    let from: number | undefined;
    i = entryEnd(js, i, close, true, (at) => (from = at));
    // A default's first character past blanks and comments (`id = /* me */ "me"`).
    if (word !== "this") defaults.push(from === undefined ? undefined : { from: Math.min(skipBlank(text, from), i), to: i });
  }
  while (patterns.length) pattern(js, patterns.pop()!, names, patterns);
  return { positions, names, defaults };
}

/** The names one destructuring pattern (`{ … }` or `[ … ]` at `open`) binds itself; the patterns in it are added to `patterns`. */
function pattern(js: JsText, open: number, names: string[], patterns: number[]): void {
  const text = js.text;
  const close = js.closing(open);
  if (close === undefined) return;
  const object = text[open] === "{";
  for (let i = open + 1; i < close; i++) {
    i = blank(js, i, close);
    if (i >= close || text[i] === ",") continue;
    if (text.startsWith("...", i)) i = blank(js, i + 3, close);
    else if (object) {
      // A key: a name (shorthand, or before `:`), a string or number, a computed `[…]`.
      let key: string | undefined;
      if (text[i] === "[") i = (js.closing(i) ?? close) + 1;
      else if ((key = wordAt(text, i)) !== undefined) i += key.length;
      else while (i < close && (!js.isCode(i) || /[\w.]/.test(text[i]!))) i++;
      i = blank(js, i, close);
      if (text[i] === ":") i = blank(js, i + 1, close);
      else {
        if (key !== undefined) names.push(key);
        i = entryEnd(js, i, close, false);
        continue;
      }
    }
    i = target(js, i, close, names, patterns);
    i = entryEnd(js, i, close, false);
  }
}

/** Reads the binding at `i` (a name, or a pattern kept for later; not `skip`): the index after it. */
function target(js: JsText, i: number, close: number, names: string[], patterns: number[], skip?: string): number {
  const c = js.text[i];
  if (c === "{" || c === "[") {
    const end = js.closing(i);
    if (end === undefined || end > close) return close;
    patterns.push(i);
    return end + 1;
  }
  const word = wordAt(js.text, i);
  if (word === undefined) return i;
  if (word !== skip) names.push(word);
  return i + word.length;
}

/**
 * The index of the `,` that ends the entry at `i` (or `close`): past a `?`, a type (`typed`: its
 * `<…>`'s commas, an arrow's `=>` passed over) and a default, their brackets by their pairs; a
 * typed entry's default is said to `onDefault` (where it starts, after its `=`).
 */
function entryEnd(js: JsText, i: number, close: number, typed: boolean, onDefault?: (at: number) => void): number {
  const text = js.text;
  let inType = false;
  let angles = 0;
  let defaulted = false;
  for (; i < close; i++) {
    if (!js.isCode(i)) continue;
    const c = text[i]!;
    if (c === "(" || c === "[" || c === "{") {
      const end = js.closing(i);
      if (end !== undefined && end < close) i = end;
      continue;
    }
    if (c === "," && angles === 0) return i;
    if (!typed) continue;
    if (c === "=" && angles === 0 && !defaulted && text[i + 1] !== ">" && text[i + 1] !== "=" && text[i - 1] !== "=" && text[i - 1] !== "!") {
      // The default's `=` (after the name, or ending its type): what follows is the default.
      [defaulted, inType] = [true, false];
      onDefault?.(i + 1);
      continue;
    }
    if (c === ":" && angles === 0 && !inType && !defaulted) inType = true;
    else if (!inType) continue;
    else if (c === "<") angles++;
    else if (c === ">" && text[i - 1] !== "=") angles = Math.max(0, angles - 1);
    else if (c === "=" && angles === 0 && text[i + 1] !== ">" && text[i + 1] !== "=" && text[i - 1] !== "=" && text[i - 1] !== "!") inType = false;
  }
  return close;
}

function wordAt(text: string, i: number): string | undefined {
  WORD.lastIndex = i;
  return WORD.exec(text)?.[0];
}

/** The first index from `i` (below `close`) that is code and no blank. */
function blank(js: JsText, i: number, close: number): number {
  while (i < close && (/\s/.test(js.text[i]!) || !js.isCode(i))) i++;
  return i;
}
