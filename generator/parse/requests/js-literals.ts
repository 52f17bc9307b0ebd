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
 * `${…}`s as placeholders and one that starts it as the service root (`${root}/me` → `/me`); the
 * file's string constants put in, also where the argument names one or joins them with `+`
 * (`JsText.joined`); `start` is where the URL's text starts.
 */
export function urlLiteral(js: JsText, at: number): { url: string; end: number; start: number } | undefined {
  // Where the URL is written: a literal's first character inside its quote, else the expression's.
  const start = /["'`]/.test(js.text[at] ?? "") ? at + 1 : at;
  const joined = js.joined(at);
  if (joined) return { url: withVariables(joined.value, new Map()), end: joined.end, start };
  const literal = js.literal(at);
  if (!literal) return undefined;
  return { url: js.text[at] === "`" ? withVariables(literal.value, new Map()) : literal.value, end: literal.end, start };
}

export class JsText {
  /** For each opening bracket (and a template's `${`, at its `{`), the index of what closes it; -1 where nothing does. */
  private pairs: Int32Array | undefined;

  /**
   * Whether js-values.ts reads a template with `${…}`s as a literal, its expressions as the
   * placeholders `literal` writes (`{{id}}`): set while a fetch call's body is read, where a value
   * is sent as written and its names, not its values, are checked.
   */
  placeholders = false;

  /** The string constants the file declares, by name (see `constant`); made when first asked. */
  private constants: Map<string, string> | undefined;

  constructor(readonly text: string) {}

  /**
   * The value of the string constant `name`: a `const` the file declares once, and no `let` or `var`
   * of that name, as a string or template literal (`const GRAPH = "https://graph.microsoft.com/v1.0"`,
   * `const url = `${GRAPH}/users/${id}``, a template's `${…}`s read as `literal` reads them, a
   * constant declared before it put in); undefined for any other name.
   */
  constant(name: string): string | undefined {
    if (!this.constants) {
      this.constants = new Map();
      const declared = new Map<string, number>();
      for (const m of this.text.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)/g)) declared.set(m[1]!, (declared.get(m[1]!) ?? 0) + 1);
      for (const m of this.text.matchAll(/\bconst\s+([A-Za-z_$][\w$]*)\s*(?::\s*string\s*)?=\s*(?=["'`])/g)) {
        if (declared.get(m[1]!) !== 1) continue;
        const value = this.literal(m.index + m[0].length);
        // Only a literal that is the whole initializer (`const a = "x" + y` is not known).
        if (value && /^\s*(;|\r?\n|$)/.test(this.text.slice(value.end, value.end + 2))) this.constants.set(m[1]!, value.value);
      }
    }
    return this.constants.get(name);
  }

  /**
   * A URL written as an expression at `at`: a constant's name (`fetch(url)`), or literals and
   * names joined with `+` (`GRAPH + "/users/" + userId + "/photo/$value"`, a name that
   * is no constant a placeholder); undefined where it starts with neither.
   */
  joined(at: number): { value: string; end: number } | undefined {
    let value = "";
    let i = at;
    let [parts, known] = [0, 0];
    for (;;) {
      const literal = this.literal(i);
      const part = literal ? { ...literal, constant: true } : this.name(i);
      if (!part) return undefined;
      parts++;
      if (part.constant) known++;
      value += part.value;
      const plus = /^\s*\+\s*/.exec(this.text.slice(part.end, part.end + 40));
      if (plus) {
        i = part.end + plus[0].length;
        continue;
      }
      // A literal alone is `literal`'s to read; names alone say nothing.
      return known > 0 && (parts > 1 || !literal) ? { value, end: part.end } : undefined;
    }
  }

  /** The name (or property path, `user.id`) at `at`: a constant's value, else a placeholder named by its last word. */
  private name(at: number): { value: string; end: number; constant?: true } | undefined {
    const m = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*/.exec(this.text.slice(at, at + 200));
    if (!m) return undefined;
    const known = this.constant(m[0]);
    return known !== undefined ? { value: known, end: at + m[0].length, constant: true } : { value: `{{${lastWord(m[0]) ?? "value"}}}`, end: at + m[0].length };
  }

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
        const expression = text.slice(i + 2, close).trim();
        value += this.constant(expression) ?? `{{${lastWord(expression) ?? "value"}}}`;
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
