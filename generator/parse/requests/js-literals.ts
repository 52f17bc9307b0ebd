/**
 * Reading JavaScript (and TypeScript) source as far as a request in it needs: a string or template
 * literal's value, and where a parenthesis, bracket or brace closes, strings, templates and
 * comments skipped. The brackets are paired in one pass over the text, so that a file of many
 * calls (or many left open) is read in linear time. A template literal's `${expression}`s are
 * written as the variables a documentation page writes (`{{name}}`, named by the expression's
 * last word: `${user.id}` → `{{id}}`), for request-variables.ts to read as placeholders.
 */
import { lastWord, withVariables } from "./request-variables";

/** A request a program's source makes (a `fetch`, an HTTP client's or the Graph client's call): its method, URL, where the URL is written, and what is known of its body and headers. */
export interface CallInCode {
  method: string;
  url: string;
  /** The offset of the URL's first character. */
  at: number;
  body?: string;
  /** The names of the headers it sends, in lower case; undefined where that cannot be told. */
  headers?: string[];
}

/**
 * The URL a call's literal argument at `at` gives: a string's value, or a template's with its
 * `${…}`s as placeholders and one that starts it as the service root (`${root}/me` → `/me`).
 */
export function urlLiteral(js: JsText, at: number): { url: string; end: number } | undefined {
  const literal = js.literal(at);
  if (!literal) return undefined;
  return { url: js.text[at] === "`" ? withVariables(literal.value, new Map()) : literal.value, end: literal.end };
}

export class JsText {
  /** For each opening bracket (and a template's `${`, at its `{`), the index of what closes it; -1 where nothing does. */
  private pairs: Int32Array | undefined;

  constructor(readonly text: string) {}

  /** The index of the bracket that closes the one at `open` (`(`, `[`, `{`); undefined where none does. */
  closing(open: number): number | undefined {
    this.pairs ??= pairBrackets(this.text);
    const close = this.pairs[open];
    return close === undefined || close < 0 ? undefined : close;
  }

  /** The literal starting at `at` (a quote or a backtick): its value and the index after it; undefined where it is not closed (a string on its line). */
  literal(at: number): { value: string; end: number } | undefined {
    const text = this.text;
    const quote = text[at];
    if (quote === '"' || quote === "'") return stringLiteral(text, at);
    if (quote !== "`") return undefined;
    let value = "";
    for (let i = at + 1; i < text.length; i++) {
      const c = text[i]!;
      if (c === "`") return { value, end: i + 1 };
      if (c === "\\") {
        const escape = escaped(text, i);
        if (!escape) return undefined;
        value += escape.value;
        i = escape.end - 1;
      } else if (c === "$" && text[i + 1] === "{") {
        const close = this.closing(i + 1);
        if (close === undefined) return undefined;
        value += `{{${lastWord(text.slice(i + 2, close)) ?? "value"}}}`;
        i = close;
      } else value += c;
    }
    return undefined;
  }
}

/** A quoted string's value, its escapes undone; undefined where it is not closed on its line. */
function stringLiteral(text: string, at: number): { value: string; end: number } | undefined {
  const quote = text[at];
  let value = "";
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === quote) return { value, end: i + 1 };
    if (c === "\n" || c === "\r") return undefined;
    if (c !== "\\") {
      value += c;
      continue;
    }
    const escape = escaped(text, i);
    if (!escape) return undefined;
    value += escape.value;
    i = escape.end - 1;
  }
  return undefined;
}

const SINGLE: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v", "0": "\0" };

/**
 * The escape sequence at `at` (its backslash) as JavaScript reads it in a string or template:
 * `\n`, `\t`, `\x41`, `\u0041`, `\u{1F600}`, a line continuation (nothing), else the character
 * itself; undefined where it is cut short or names no code point.
 */
function escaped(text: string, at: number): { value: string; end: number } | undefined {
  const next = text[at + 1];
  if (next === undefined) return undefined;
  if (next === "\r") return { value: "", end: text[at + 2] === "\n" ? at + 3 : at + 2 };
  if (next === "\n" || next === "\u2028" || next === "\u2029") return { value: "", end: at + 2 };
  const hex = next === "x" ? /^[\da-f]{2}/i.exec(text.slice(at + 2, at + 4)) : next === "u" ? /^(?:\{([\da-f]{1,6})\}|([\da-f]{4}))/i.exec(text.slice(at + 2, at + 10)) : undefined;
  if (hex === null) return undefined;
  if (hex) {
    const code = Number.parseInt(next === "x" ? hex[0] : (hex[1] ?? hex[2]!), 16);
    return code > 0x10ffff ? undefined : { value: String.fromCodePoint(code), end: at + 2 + hex[0].length };
  }
  return { value: Object.hasOwn(SINGLE, next) && !(next === "0" && /\d/.test(text[at + 2] ?? "")) ? SINGLE[next]! : next, end: at + 2 };
}

/**
 * Each bracket's partner, in one pass: code, strings (to their quote or their line's end),
 * comments, and templates with their `${…}`s, nested as deep as they go (a stack, not recursion).
 */
function pairBrackets(text: string): Int32Array {
  const pairs = new Int32Array(text.length).fill(-1);
  /** Open brackets and templates: the index of each, and `` ` `` for a template. */
  const stack: { at: number; kind: string }[] = [];
  const OPEN: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (top?.kind === "`") {
      if (c === "\\") i++;
      else if (c === "`") stack.pop();
      else if (c === "$" && text[i + 1] === "{") stack.push({ at: ++i, kind: "{" });
      continue;
    }
    if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c && text[i] !== "\n"; i++) if (text[i] === "\\") i++;
    } else if (c === "`") stack.push({ at: i, kind: "`" });
    else if (c === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === "(" || c === "[" || c === "{") stack.push({ at: i, kind: c });
    else if (OPEN[c] && top?.kind === OPEN[c]) {
      // A closing bracket closes the last one opened, where it is of its kind; another is passed over.
      pairs[top.at] = i;
      stack.pop();
    }
  }
  return pairs;
}
