/**
 * JavaScript values written as literals in a program's source (a request's body, an HTTP client's
 * `params`): objects, arrays, strings (quoted either way, or a template without `${…}`), numbers,
 * `true`, `false`, `null`, and `undefined` (left out of an object, as `JSON.stringify` and the
 * HTTP clients leave it out), with comments and trailing commas. Anything else (a variable, a call,
 * a spread, a computed name) is no literal: the reader gives up there, at once, so that a program
 * of calls nested in each other's arguments is read in linear time. Nesting deeper than
 * `MAX_DEPTH` is given up too (no recursion runs away).
 */
import type { JsText } from "./js-literals";

const MAX_DEPTH = 256;

/** No literal here. */
const NONE = Symbol("none");

/** `undefined` written out (kept apart from NONE: an object leaves its member out). */
const UNDEFINED = Symbol("undefined");

type Read = { value: unknown; end: number };

/** The words that are values. */
const KEYWORDS = new Map<string, unknown>([
  ["true", true],
  ["false", false],
  ["null", null],
  ["undefined", UNDEFINED],
]);

const IDENTIFIER = /[A-Za-z_$][\w$]*/y;
const NUMBER = /[+-]?(?:0[xX][\da-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/y;

/**
 * Where a search for a comment's end last found none (`*\/`, a line end), in which text: from there
 * on, none is searched for again, so that many comments left open are read in linear time.
 */
const unclosed = { text: "", block: Number.POSITIVE_INFINITY, line: Number.POSITIVE_INFINITY };

/** The index of the first character at or after `i` that is neither white space nor in a comment. */
export function skipBlank(text: string, i: number): number {
  if (unclosed.text !== text) Object.assign(unclosed, { text, block: Number.POSITIVE_INFINITY, line: Number.POSITIVE_INFINITY });
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text[i] !== "/") return i;
    const block = text[i + 1] === "*";
    if (!block && text[i + 1] !== "/") return i;
    const from = block ? i + 2 : i;
    const end = from >= (block ? unclosed.block : unclosed.line) ? -1 : text.indexOf(block ? "*/" : "\n", from);
    if (end < 0) {
      if (block) unclosed.block = Math.min(unclosed.block, from);
      else unclosed.line = Math.min(unclosed.line, from);
      return text.length;
    }
    i = end + (block ? 2 : 1);
  }
}

/** The literal value at `at` (blanks before it skipped) and the index after it; undefined where there is none. */
export function readLiteral(js: JsText, at: number): Read | undefined {
  const r = value(js, skipBlank(js.text, at), 0);
  return r.value === NONE ? undefined : { value: r.value === UNDEFINED ? undefined : r.value, end: r.end };
}

/**
 * The number or Boolean literal at `at` (blanks before it skipped: `42`, `-1.5`, `true`) as a
 * template puts it in a string (`String(42)`, so `1e3` is `1000`), and the index after it;
 * undefined for anything else, told by its first character (an object is not read for it).
 */
export function scalarLiteral(js: JsText, at: number): { value: string; end: number } | undefined {
  const i = skipBlank(js.text, at);
  if (!/[-+\d.tf]/.test(js.text[i] ?? "")) return undefined;
  const r = readLiteral(js, i);
  return r && (typeof r.value === "number" || typeof r.value === "boolean") ? { value: String(r.value), end: r.end } : undefined;
}

/** `text` as one literal object or array, as JSON; undefined where it is something else. */
export function literalJson(js: JsText, from: number, to: number): string | undefined {
  const r = readLiteral(js, from);
  if (!r || typeof r.value !== "object" || r.value === null || skipBlank(js.text, r.end) < to) return undefined;
  return JSON.stringify(r.value);
}

function value(js: JsText, i: number, depth: number): Read {
  const text = js.text;
  const c = text[i];
  if (c === "{") return depth < MAX_DEPTH ? object(js, i, depth + 1) : { value: NONE, end: i };
  if (c === "[") return depth < MAX_DEPTH ? array(js, i, depth + 1) : { value: NONE, end: i };
  if (c === '"' || c === "'" || c === "`") return string(js, i);
  IDENTIFIER.lastIndex = i;
  const word = IDENTIFIER.exec(text)?.[0];
  if (word !== undefined) {
    const end = i + word.length;
    return KEYWORDS.has(word) ? { value: KEYWORDS.get(word), end } : { value: NONE, end: i };
  }
  NUMBER.lastIndex = i;
  const number = NUMBER.exec(text)?.[0];
  if (number !== undefined && !/[\w$.]/.test(text[i + number.length] ?? "")) {
    const n = Number(number);
    return Number.isFinite(n) ? { value: n, end: i + number.length } : { value: NONE, end: i };
  }
  return { value: NONE, end: i };
}

function string(js: JsText, i: number): Read {
  // A template with `${…}` is no literal: its value depends on what runs (an escaped `\${` is text);
  // but where js.placeholders says so (a fetch call's body).
  if (js.text[i] === "`" && !js.placeholders)
    for (let k = i + 1; k < js.text.length && js.text[k] !== "`"; k++) {
      if (js.text[k] === "\\") k++;
      else if (js.text[k] === "$" && js.text[k + 1] === "{") return { value: NONE, end: i };
    }
  const literal = js.literal(i);
  return literal ? { value: literal.value, end: literal.end } : { value: NONE, end: i };
}

function object(js: JsText, open: number, depth: number): Read {
  const text = js.text;
  const out: Record<string, unknown> = {};
  let i = skipBlank(text, open + 1);
  while (text[i] !== "}") {
    let name: string | undefined;
    const c = text[i];
    if (c === '"' || c === "'") {
      const literal = js.literal(i);
      if (!literal) return { value: NONE, end: i };
      [name, i] = [literal.value, literal.end];
    } else {
      IDENTIFIER.lastIndex = i;
      NUMBER.lastIndex = i;
      const word = IDENTIFIER.exec(text)?.[0];
      // A number as a name is the number's text (`0x10: …` is "16"); a sign makes no name.
      const number = word === undefined && !/[+-]/.test(text[i] ?? "") ? NUMBER.exec(text)?.[0] : undefined;
      if (word === undefined && number === undefined) return { value: NONE, end: i };
      [name, i] = word !== undefined ? [word, i + word.length] : [String(Number(number)), i + number!.length];
    }
    i = skipBlank(text, i);
    if (text[i] !== ":") return { value: NONE, end: i };
    const v = value(js, skipBlank(text, i + 1), depth);
    if (v.value === NONE) return v;
    // As a JSON object's member (a `__proto__` one too), never the prototype.
    if (v.value !== UNDEFINED) Object.defineProperty(out, name, { value: v.value, enumerable: true, writable: true, configurable: true });
    i = skipBlank(text, v.end);
    if (text[i] === ",") i = skipBlank(text, i + 1);
    else if (text[i] !== "}") return { value: NONE, end: i };
  }
  return { value: out, end: i + 1 };
}

function array(js: JsText, open: number, depth: number): Read {
  const text = js.text;
  const out: unknown[] = [];
  let i = skipBlank(text, open + 1);
  while (text[i] !== "]") {
    const v = value(js, i, depth);
    if (v.value === NONE) return v;
    out.push(v.value === UNDEFINED ? null : v.value);
    i = skipBlank(text, v.end);
    if (text[i] === ",") i = skipBlank(text, i + 1);
    else if (text[i] !== "]") return { value: NONE, end: i };
  }
  return { value: out, end: i + 1 };
}

/**
 * The end of the expression starting at `i` (blanks skipped): the index of the `,` or closing
 * bracket after it, its own brackets, strings, regular expressions and comments passed over; undefined where a bracket
 * or string in it is not closed.
 */
export function expressionEnd(js: JsText, i: number): number | undefined {
  const text = js.text;
  for (i = skipBlank(text, i); i < text.length; i = skipBlank(text, i)) {
    const c = text[i]!;
    if (c === "," || c === ")" || c === "]" || c === "}") return i;
    if (c === "(" || c === "[" || c === "{") {
      const close = js.closing(i);
      if (close === undefined) return undefined;
      i = close + 1;
    } else if (c === '"' || c === "'" || c === "`") {
      const literal = js.literal(i);
      if (!literal) return undefined;
      i = literal.end;
    } else if (c === "/" && js.regexEnd(i) !== undefined) i = js.regexEnd(i)! + 1;
    else i++;
  }
  return undefined;
}

const MEMBER_NAME = /[A-Za-z_$][\w$]*/y;

/**
 * The index of the value of the first member named one of `names` at the top of the object literal
 * at `open` (`{ headers, params: { … } }` → the `{` after `params:`); undefined where there is none,
 * or where the object is not written out as far as it (a member that is no `name: value`, a spread,
 * passes over; with `shorthand`, a member written as a name alone, `{ url }`, is that name's value
 * at its name). The members are read one after another, each value passed over by its brackets, so
 * that objects nested in calls nested in objects are read in linear time.
 */
export function memberValue(js: JsText, open: number, names: readonly string[], shorthand = false): number | undefined {
  const text = js.text;
  for (let i = skipBlank(text, open + 1); i < text.length && text[i] !== "}"; ) {
    // A member's name (none for a spread or a computed name, whose value is passed over).
    let name: string | undefined;
    if (text[i] === '"' || text[i] === "'") {
      const literal = js.literal(i);
      if (!literal) return undefined;
      [name, i] = [literal.value, literal.end];
    } else {
      MEMBER_NAME.lastIndex = i;
      name = MEMBER_NAME.exec(text)?.[0];
      if (name !== undefined) i += name.length;
    }
    const start = i - (name?.length ?? 0);
    const bare = name !== undefined && text[start] !== '"' && text[i - 1] !== '"' && text[i - 1] !== "'";
    i = skipBlank(text, i);
    // `{ url, method }`: the member's value is the name itself, where asked for.
    if (shorthand && bare && names.includes(name!) && (text[i] === "," || text[i] === "}")) return start;
    if (name !== undefined && text[i] === ":") {
      i = skipBlank(text, i + 1);
      if (names.includes(name)) return i;
    }
    const end = expressionEnd(js, i);
    if (end === undefined || text[end] !== ",") return undefined;
    i = skipBlank(text, end + 1);
  }
  return undefined;
}
