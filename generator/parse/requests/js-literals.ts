/**
 * Reading JavaScript (and TypeScript) source as far as a request in it needs: a string or template
 * literal's value, and where a parenthesis, bracket or brace closes, strings, templates and
 * comments skipped. The brackets are paired in one pass over the text, so that a file of many
 * calls (or many left open) is read in linear time. A template literal's `${expression}`s are
 * written as the variables a documentation page writes (`{{name}}`, named as expression-names.ts
 * names an expression: `${user.id}` → `{{id}}`, `${ids[0]}` → `{{ids}}`), for request-variables.ts
 * to read as placeholders.
 */
import { Bindings, type Value } from "./js-bindings";
import { expressionEnd, scalarLiteral, skipBlank } from "./js-values";
import { lastWord, withVariables } from "./request-variables";
import { expressionName } from "./expression-names";
import { endsBody, urlFunction } from "./url-functions";
import { resolveUrl } from "./url-objects";
import { assertionsEnd, castEnd } from "./type-assertions";

/** A request a program's source makes (a `fetch`, an HTTP client's or the Graph client's call): its method, URL, where the URL is written, and what is known of its body and headers. */
export interface CallInCode {
  method: string;
  url: string;
  /** The offset of the URL's first character. */
  at: number;
  body?: string;
  /** The names of the headers it sends, in lower case; undefined where that cannot be told. */
  headers?: string[];
  /** The URL's query may hold more than is read (a `searchParams.set` in a branch, or of a variable). */
  partialQuery?: true;
  /**
   * Where the method may come from other than `method` (which is then what the call names, or
   * GET): the init's spreads after any method it names (`{ ...init }`), or the init given as a
   * name (`fetch(url, init)`, `spread` false). A request helper puts its call's argument in for
   * a parameter of these names (request-helpers.ts); a spread left is said, not guessed, and so is
   * an init given as a name that no `const` object literal or helper's call gives (`unread`: a
   * parameter, a `let`, an import; each name then as written, a helper call's argument's text).
   * With `value`, the name is the method's own expression in an init written in the call (`{
   * method: verb }`): a helper's call gives it as a string literal (`send("/x", "DELETE")`).
   */
  methodFrom?: { names: string[]; spread: boolean; unread?: true; value?: true };
}

/**
 * The URL a call's literal argument at `at` gives: a string's value, or a template's with its
 * `${…}`s as placeholders and one that starts it as the service root (`${root}/me` → `/me`); the
 * file's string constants put in, also where the argument names one or joins them with `+`
 * (`JsText.joined`); `start` is where the URL's text starts.
 */
export function urlLiteral(js: JsText, at: number): { url: string; end: number; start: number; partial?: true } | undefined {
  // Where the URL is written: a literal's first character inside its quote, else the expression's.
  const start = /["'`]/.test(js.text[at] ?? "") ? at + 1 : at;
  const joined = js.joined(at);
  if (joined) return { url: withVariables(joined.value, new Map()), end: joined.end, start, ...(joined.partial ? { partial: true } : {}) };
  const literal = js.literal(at);
  if (!literal) return undefined;
  return { url: js.text[at] === "`" ? withVariables(literal.value, new Map()) : literal.value, end: literal.end, start, ...(literal.partial ? { partial: true } : {}) };
}

/**
 * What a request helper's parameter is bound to while its body is read (request-helpers.ts): a
 * mark, `\u2060` + its index + `\u2060`, never written in a URL, for its call's argument to be put in.
 */
export const PARAMETER = "\u2060";

/** Each file's matches of each global pattern matchesIn is asked for, in order (found once). */
const allMatches = new WeakMap<JsText, Map<RegExp, RegExpExecArray[]>>();

/**
 * The matches of the global pattern `re` in `js` that start between `from` and `to`: the file's
 * matches are found once, and each part (a request helper's body) is found among them by a binary
 * search, so that the parts of a file cost no more than its length, not a search to its end each.
 */
export function* matchesIn(re: RegExp, js: JsText, from: number, to: number): Generator<RegExpExecArray> {
  let byPattern = allMatches.get(js);
  if (!byPattern) allMatches.set(js, (byPattern = new Map()));
  let matches = byPattern.get(re);
  if (!matches) byPattern.set(re, (matches = [...js.text.matchAll(re)]));
  let [low, high] = [0, matches.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (matches[mid]!.index < from) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < matches.length && matches[i]!.index < to; i++) yield matches[i]!;
}

/** A member after an operand (`.trim`, `?.id`). */
const MEMBER = /^\??\.\s*[A-Za-z_$][\w$]*/;

/** An operand after `*`, `/` or `%`: unary prefixes, then a name or property path, a number, or (group 1) the opening of a string, template or bracket. */
const UNARY_OPERAND = /^(?:[-+!~]\s*)*(?:[A-Za-z_$][\w$]*(?:\s*\??\.\s*[A-Za-z_$][\w$]*)*|\d[\w.]*|\.\d[\w]*|(["'`([]))/;

/** What after an operand of a join is an operator other than `+` that takes it (a `-`, a comparison, `?`, `&&`, `=`, a tagged template's backtick). */
const STOPS = /[-<>=!&|^?~`]/;

/** What may follow a number or Boolean put in a URL: a `+` joining more, or the expression's end. */
const SCALAR_ENDS = /\s*(?:\+(?![+=])|[),;\]}]|$)/y;

export class JsText {
  /** For each opening bracket (and a template's `${`, at its `{`; a regular expression's first `/`), the index of what closes it; -1 where nothing does. */
  private pairs: Int32Array | undefined;

  /** 1 for each character that is no code: in a string, a template's text, a comment or a regular expression. */
  private inert: Uint8Array | undefined;

  /**
   * Whether js-values.ts reads a template with `${…}`s as a literal, its expressions as the
   * placeholders `literal` writes (`{{id}}`): set while a fetch call's body is read, where a value
   * is sent as written and its names, not its values, are checked.
   */
  placeholders = false;

  /** What the file's names hold where they are read (js-bindings.ts); made when first asked. */
  private bindings: Bindings | undefined;

  /** The parameters of the URL function being read (url-functions.ts), with its call's arguments' values. */
  private bound: Map<string, Value> | undefined;

  /** What a name the file imports from its own modules holds, where it is a string constant there (imported-constants.ts); set where the file's path is known. */
  importedValue: ((name: string) => Value | undefined) | undefined;

  /** How deep URL functions are read in each other (a function calling itself stops). */
  private calls = 0;

  constructor(readonly text: string) {}

  /**
   * What the name `name` holds where it is read at `at`: a parameter of the URL function being read,
   * else the innermost `const` or `let` of the name around it, with its straight-line changes up
   * to there (js-bindings.ts: `const GRAPH = "https://graph.microsoft.com/v1.0"`, `let url = …; url
   * += "?$top=5"`, `const url = new URL(…); url.searchParams.set(…)`); undefined where that is not
   * known for certain.
   */
  valueAt(name: string, at: number): Value | undefined {
    const bound = this.bound?.get(name);
    if (bound) return bound;
    // A name declared outside the URL function is read without its parameters: a constant's
    // `${userId}` is its own placeholder, not the argument of a parameter `userId`.
    const outer = this.bound;
    this.bound = undefined;
    try {
      // A name the file never declares nor takes as a parameter is the import's, if any.
      return this.names().valueAt(name, at) ?? (this.importedValue && !this.names().declares(name) ? this.importedValue(name) : undefined);
    } finally {
      this.bound = outer;
    }
  }

  /** The `{` of the `const` object literal `name` holds where it is read at `at` (js-bindings.ts `objectAt`). */
  objectAt(name: string, at: number): number | undefined {
    return this.names().objectAt(name, at);
  }

  /** Whether `name` is declared in a block around `at`, not at the file's top level, nor (`within`) outside the block at `within` (js-bindings.ts `declaredInBlock`). */
  declaredInBlock(name: string, at: number, within?: number): boolean {
    return this.names().declaredInBlock(name, at, within);
  }

  /** The `{` of the innermost block around `at`; undefined at the file's top level (js-bindings.ts). */
  blockAround(at: number): number | undefined {
    return this.names().blockAround(at);
  }

  /** `read` run with `args` as the values of their names (a request helper's parameters, request-helpers.ts), as a URL function's call binds them. */
  withArguments<T>(args: Map<string, Value>, read: () => T): T {
    const outer = this.bound;
    this.bound = args;
    try {
      return read();
    } finally {
      this.bound = outer;
    }
  }

  /** What the file's names hold (js-bindings.ts), made when first asked. */
  private names(): Bindings {
    return (this.bindings ??= new Bindings(this, (i) => this.expression(i)));
  }

  /**
   * The URL the expression at `at` makes: a literal, or what `joined` reads; in parentheses, and
   * with TypeScript's assertions around it (`"/Trips" as const`, `<const>"/x"`, `url satisfies
   * string`: type-assertions.ts), whose value is the expression's. Parentheses and `<T>` nest at
   * most 16 deep.
   */
  expression(at: number, depth = 0): (Value & { end: number }) | undefined {
    const text = this.text;
    let read: (Value & { end: number }) | undefined;
    if (text[at] === "(" || text[at] === "<") {
      if (depth >= 16) return undefined;
      const close = text[at] === "(" ? this.closing(at) : undefined;
      const from = text[at] === "(" ? at + 1 : castEnd(this, at);
      const inner = from === undefined ? undefined : this.expression(skipBlank(text, from), depth + 1);
      if (!inner) return undefined;
      if (close === undefined) read = text[at] === "<" ? inner : undefined;
      else read = skipBlank(text, inner.end) === close ? { ...inner, end: close + 1 } : undefined;
    } else read = this.joined(at) ?? this.literal(at);
    return read && { ...read, end: assertionsEnd(this, read.end) };
  }

  /** A call's argument at `at` (a request helper's, a URL function's): what `expression` reads, or a number or Boolean literal as a template puts it in (`user(42)`). */
  argument(at: number): (Value & { end: number }) | undefined {
    return this.expression(at) ?? scalarLiteral(this, at);
  }

  /**
   * A URL written as an expression at `at`: a known name (`fetch(url)`), a URL function's call
   * (`usersUrl(id)`), a `new URL(…)`, or literals and names joined with `+` (`GRAPH + "/users/" +
   * userId + "/photo/$value"`, a name that is not known a placeholder; a number or Boolean after a
   * string literal as a template puts it in, `"/Trips(" + 5 + ")"`, where `1 + 2 + "/x"` would
   * add); undefined where it starts with none of them.
   */
  joined(at: number): (Value & { end: number }) | undefined {
    let value = "";
    let partial = false;
    let i = at;
    let [parts, known, strings] = [0, 0, false];
    for (;;) {
      const literal = this.literal(i);
      const scalar = literal || !strings ? undefined : this.scalar(i);
      strings ||= literal !== undefined;
      const read = literal ? { ...literal, constant: true } : (scalar ?? this.part(i));
      if (!read) return undefined;
      // An operand goes on with what binds tighter than `+` (`ID * 2`, `ids[0]`): a placeholder as a template's `${ID * 2}` is; another operator takes the join (`- 2`, `? a : b`): none read.
      const after = this.operandEnd(read.end);
      if (!after) return undefined;
      const part = after.tighter ? { value: `{{${expressionName(this.text.slice(i, after.end)) ?? "value"}}}`, end: after.end } : { ...read, end: after.end };
      parts++;
      if ("constant" in part && part.constant) known++;
      if ("partial" in part && part.partial) partial = true;
      value += part.value;
      if (after.plus !== undefined) {
        i = skipBlank(this.text, after.plus + 1);
        continue;
      }
      // A literal alone is `literal`'s to read; names alone say nothing.
      return known > 0 && (parts > 1 || !literal) ? { value, end: part.end, ...(partial ? { partial: true } : {}) } : undefined;
    }
  }

  /**
   * The part of a URL at `at` that is no literal: `new URL(…)`, a URL function's call, or a name
   * (or property path, `user.id`; a URL's `.href` or `.toString()`): a known name's value, else a
   * placeholder named by its last name (expression-names.ts). `constant` where its value is known.
   */
  private part(at: number): (Value & { end: number; constant?: true }) | undefined {
    const text = this.text;
    const made = /^new\s+URL\s*\(/.exec(text.slice(at, at + 20));
    if (made) {
      // Its `.href` or `.toString()`, the URL's own text.
      const url = this.newUrl(at + made[0].length - 1);
      const suffix = url && /^\s*\.\s*(?:href(?![\w$])|toString\s*\(\s*\))/.exec(text.slice(url.end, url.end + 40));
      return suffix ? { ...url, end: url.end + suffix[0].length } : url;
    }
    const m = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*/.exec(text.slice(at, at + 200));
    if (!m) return undefined;
    let end = at + m[0].length;
    const open = skipBlank(text, end);
    if (text[open] === "(" && !m[0].includes(".")) return this.call(m[0], open);
    let name = m[0];
    const toString = /\.toString$/.test(name) ? /^\s*\(\s*\)/.exec(text.slice(end, end + 20)) : undefined;
    if (toString) [name, end] = [name.slice(0, -".toString".length), end + toString[0].length];
    else if (text[open] === "(") return undefined;
    else if (/\.href$/.test(name)) name = name.slice(0, -".href".length);
    const known = name.includes(".") ? undefined : this.valueAt(name, at);
    return known ? { ...known, end, constant: true } : { value: `{{${expressionName(m[0]) ?? "value"}}}`, end };
  }

  /**
   * Where an operand of a join read up to `end` ends: past what binds tighter than `+` (`*`, `/`,
   * `%`, `**` and their operand, an index's `[…]`, a call's `(…)`, a member's `.name`: `tighter`),
   * and a non-null `!`, which changes nothing; `plus` the index of a `+` that joins more after it.
   * Undefined where another operator takes the join (`"/Trips(" + ID - 2`, `=== x`, `? a : b`,
   * `&&`, `in`), whose value is then no URL of these parts.
   */
  private operandEnd(end: number): { end: number; tighter: boolean; plus?: number } | undefined {
    const text = this.text;
    let tighter = false;
    for (;;) {
      const i = skipBlank(text, end);
      const c = text[i] ?? "";
      if (c === "!" && text[i + 1] !== "=") end = i + 1;
      else if (c === "(" || c === "[") {
        const close = this.closing(i);
        if (close === undefined) return undefined;
        [end, tighter] = [close + 1, true];
      } else if (c === "." || (c === "?" && text[i + 1] === ".")) {
        const member = MEMBER.exec(text.slice(i, i + 200));
        if (!member) return undefined;
        [end, tighter] = [i + member[0].length, true];
      } else if (/[*/%]/.test(c) && text[i + 1] !== "=" && !(c === "*" && text[i + 1] === "*" && text[i + 2] === "=")) {
        // The operand after it, a unary prefix passed over: a name or property path, a number, a string, a bracket.
        const at = skipBlank(text, i + (c === "*" && text[i + 1] === "*" ? 2 : 1));
        const operand = UNARY_OPERAND.exec(text.slice(at, at + 200));
        if (!operand) return undefined;
        let next = at + operand[0].length;
        if (operand[1]) {
          const quoted = "([".includes(operand[1]) ? this.closing(next - 1) : this.literal(next - 1)?.end;
          if (quoted === undefined) return undefined;
          next = "([".includes(operand[1]) ? quoted + 1 : quoted;
        }
        [end, tighter] = [next, true];
      } else if (c === "+" && text[i + 1] !== "+" && text[i + 1] !== "=") return { end, tighter, plus: i };
      else return STOPS.test(c) || /^(?:in|instanceof)(?![\w$])/.test(text.slice(i, i + 11)) ? undefined : { end, tighter };
    }
  }

  /**
   * The number or Boolean literal at `at` as a template puts it in (`5`, `1e3` as `1000`, `true`),
   * where the expression ends after it or goes on with `+`: `5 * 2` is none.
   */
  private scalar(at: number): (Value & { end: number; constant: true }) | undefined {
    const read = scalarLiteral(this, at);
    if (!read) return undefined;
    SCALAR_ENDS.lastIndex = read.end;
    return SCALAR_ENDS.test(this.text) ? { ...read, constant: true } : undefined;
  }

  /** `new URL(input)` or `new URL(input, base)`, its parenthesis at `open` (url-objects.ts). */
  private newUrl(open: number): (Value & { end: number; constant: true }) | undefined {
    const close = this.closing(open);
    const input = this.expression(skipBlank(this.text, open + 1));
    if (close === undefined || !input) return undefined;
    const after = skipBlank(this.text, input.end);
    if (after === close) return { value: input.value, end: close + 1, constant: true };
    const base = this.text[after] === "," ? this.expression(skipBlank(this.text, after + 1)) : undefined;
    const value = base && skipBlank(this.text, base.end) === close ? resolveUrl(input.value, base.value) : undefined;
    return value === undefined ? undefined : { value, end: close + 1, constant: true };
  }

  /** A call of a URL function (url-functions.ts), its parenthesis at `open`: what it returns, its parameters the arguments' values. */
  private call(name: string, open: number): (Value & { end: number; constant: true }) | undefined {
    const f = urlFunction(this, name);
    const close = this.closing(open);
    if (!f || close === undefined || this.calls > 16) return undefined;
    // A parameter of that name around the call is another function, not this one.
    if (this.names().hidden(name, open)) return undefined;
    const args = new Map<string, Value>(f.destructured.map((n) => [n, { value: `{{${n}}}` }]));
    let i = skipBlank(this.text, open + 1);
    for (const param of f.params) {
      const end = i < close ? expressionEnd(this, i) : undefined;
      const read = end === undefined ? undefined : this.argument(i);
      const text = end === undefined ? "" : this.text.slice(i, end);
      args.set(param, read && skipBlank(this.text, read.end) === end ? read : { value: `{{${expressionName(text) ?? param}}}` });
      i = end === undefined || this.text[end] !== "," ? close : skipBlank(this.text, end + 1);
    }
    const outer = this.bound;
    [this.bound, this.calls] = [args, this.calls + 1];
    try {
      const r = this.expression(f.body);
      return r && endsBody(this, f, r.end) ? { value: r.value, end: close + 1, constant: true, ...(r.partial ? { partial: true } : {}) } : undefined;
    } finally {
      [this.bound, this.calls] = [outer, this.calls - 1];
    }
  }

  /** The index of the bracket that closes the one at `open` (`(`, `[`, `{`); undefined where none does. */
  closing(open: number): number | undefined {
    const close = this.paired()[open];
    return close === undefined || close < 0 ? undefined : close;
  }

  /** Whether the character at `at` is code: not in a string, a template's text, a comment or a regular expression. */
  isCode(at: number): boolean {
    this.paired();
    return this.inert![at] === 0;
  }

  /** The end (its last character) of the regular expression starting at `at`; undefined where none starts there. */
  regexEnd(at: number): number | undefined {
    return this.text[at] === "/" ? this.closing(at) : undefined;
  }

  private paired(): Int32Array {
    if (!this.pairs) ({ pairs: this.pairs, inert: this.inert } = pairBrackets(this.text));
    return this.pairs;
  }

  /** The literal starting at `at` (a quote or a backtick): its value and the index after it; undefined where it is not closed (a string on its line). */
  literal(at: number): { value: string; end: number; partial?: true } | undefined {
    const text = this.text;
    const quote = text[at];
    if (quote === '"' || quote === "'") return stringLiteral(text, at);
    if (quote !== "`") return undefined;
    let value = "";
    let partial = false;
    for (let i = at + 1; i < text.length; i++) {
      const c = text[i]!;
      if (c === "`") return { value, end: i + 1, ...(partial ? { partial: true as const } : {}) };
      if (c === "\\") {
        const escape = escaped(text, i);
        if (!escape) return undefined;
        value += escape.value;
        i = escape.end - 1;
      } else if (c === "$" && text[i + 1] === "{") {
        const close = this.closing(i + 1);
        if (close === undefined) return undefined;
        const expression = text.slice(i + 2, close).trim();
        const start = skipBlank(text, i + 2);
        const inner = this.part(start) ?? this.scalar(start);
        // A name's known value or a number's (`${5}`); else a placeholder named as expression-names.ts
        // names it, or a URL function's argument where the expression ends in its parameter's name
        // (`${id}`, `${encodeURIComponent(id)}`; not `${id * 2}`, `${ids[0]}`, whose value is another).
        const word = expressionName(expression) ?? "value";
        const known = inner?.constant && skipBlank(text, assertionsEnd(this, inner.end)) === close;
        // A name whose query may hold more (`${url}` of a URL handed to a helper) makes the template's so.
        if (known && inner.partial) partial = true;
        const argument = lastWord(expression) === word ? this.bound?.get(word) : undefined;
        value += known ? inner!.value : (argument?.value ?? `{{${word}}}`);
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

/** The words after which a `/` starts a regular expression, not a division (`return /x/.test(s)`). */
const BEFORE_EXPRESSION = new Set(["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await"]);

/**
 * Whether a `/` after the code character at `prev` (-1: none) starts a regular expression: after an
 * operator, an opening bracket, `,`, `;`, a block's `}` or a keyword such as `return`, as a
 * tokenizer tells it; after a name, a number, a string, a closing `)` or `]`, or JSX's `<` it
 * divides (or closes an element; so does JSX's `/>`).
 */
function startsRegex(text: string, prev: number, control: number): boolean {
  if (prev < 0) return true;
  const c = text[prev]!;
  if (/[\w$]/.test(c)) {
    let start = prev;
    while (start > prev - 11 && start > 0 && /[\w$]/.test(text[start - 1]!)) start--;
    return BEFORE_EXPRESSION.has(text.slice(start, prev + 1)) && !/[\w$.]/.test(text[start - 1] ?? "");
  }
  // `x++ / 2` divides; JSX's `</p>` closes an element.
  if ((c === "+" || c === "-") && text[prev - 1] === c) return false;
  // TypeScript's non-null `size! / 2` divides (written against what it asserts); `!/re/.test(s)`, `return!/x/` and `if (x)!/x/` do not.
  if (c === "!" && /[\w$)\]]/.test(text[prev - 1] ?? "") && !startsRegex(text, prev - 1, control)) return false;
  // The `)` of `if (x)`, `while (x)`, `for (…)` ends no expression: `if (x) /}/.test(s)` starts one.
  if (c === ")") return prev === control;
  return !/[\]"'`<]/.test(c);
}

/** The words whose `(…)` a statement follows, not an expression: what is before a `(` (16 characters at most). */
const CONTROL = /(?:^|[^\w$.])(?:if|while|for(?:\s+await)?|with)\s*$/;

/**
 * Whether the `(` at `open` is a statement's (`if (`, `while (`, `for await (`, `with (`): the word
 * before it, blanks and comments between (`if /* once *\/ (x)`) passed over, 200 characters at most.
 */
function isStatementParen(text: string, inert: Uint8Array, open: number): boolean {
  let i = open - 1;
  for (const from = Math.max(0, open - 200); i >= from && (inert[i] === 1 || /\s/.test(text[i]!)); ) i--;
  return CONTROL.test(text.slice(Math.max(0, i - 15), i + 1));
}

/** The end (its last flag, or its closing `/`) of the regular expression whose `/` is at `at`, on its line; undefined where the line ends first. */
function regexEnd(text: string, at: number): number | undefined {
  let inClass = false;
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n" || c === "\r") return undefined;
    if (c === "\\") i++;
    else if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (c === "/" && !inClass) {
      while (/[a-z]/i.test(text[i + 1] ?? "")) i++;
      return i;
    }
  }
  return undefined;
}

/**
 * Each bracket's partner, in one pass: code, strings (to their quote or their line's end),
 * comments, regular expressions (told from a division by the code before them, as a tokenizer
 * tells them: `if (/^https?:\/\//.test(s)) {` opens one block), and templates with their
 * `${…}`s, nested as deep as they go (a stack, not recursion). Each character that is no code (in
 * a string, a template's text, a comment or a regular expression) is marked in `inert`; a regular
 * expression's first `/` is paired with its end. A `/` that would start one on a line where an
 * earlier one found no end divides: a line of many is read once.
 */
function pairBrackets(text: string): { pairs: Int32Array; inert: Uint8Array } {
  const pairs = new Int32Array(text.length).fill(-1);
  const inert = new Uint8Array(text.length);
  /** Open brackets and templates: the index of each, and `` ` `` for a template. */
  const stack: { at: number; kind: string }[] = [];
  const OPEN: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
  /** The last code character that is no blank (-1: none yet), and the end of a line where a regular expression found no end. */
  let prev = -1;
  let noRegexUntil = -1;
  /** The last `)` that closes a statement's condition (`if (…)`, `while (…)`, `for (…)`, `with (…)`), after which a `/` starts a regular expression. */
  let control = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (top?.kind === "`") {
      if (c === "\\") inert[i++] = 1;
      else if (c === "`") {
        stack.pop();
        prev = i;
      } else if (c === "$" && text[i + 1] === "{") {
        stack.push({ at: ++i, kind: "{" });
        prev = i;
        continue;
      }
      inert[i] = 1;
      continue;
    }
    const from = i;
    if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c && text[i] !== "\n"; i++) if (text[i] === "\\") i++;
      inert.fill(1, from, Math.min(i + 1, text.length));
      prev = i;
    } else if (c === "`") {
      stack.push({ at: i, kind: "`" });
      inert[i] = 1;
    } else if (c === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
      inert.fill(1, from, i);
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
      inert.fill(1, from, i + 1);
    } else if (c === "/" && text[i + 1] !== ">" && i > noRegexUntil && startsRegex(text, prev, control)) {
      const end = regexEnd(text, i);
      if (end === undefined) {
        const line = text.slice(i).search(/[\r\n]/);
        noRegexUntil = line < 0 ? text.length : i + line;
        prev = i;
        continue;
      }
      pairs[i] = end;
      inert.fill(1, i, end + 1);
      i = prev = end;
    } else {
      if (!/\s/.test(c)) prev = i;
      if (c === "(" || c === "[" || c === "{") stack.push({ at: i, kind: c });
      else if (OPEN[c] && top?.kind === OPEN[c]) {
        // A closing bracket closes the last one opened, where it is of its kind; another is passed over.
        pairs[top.at] = i;
        stack.pop();
        if (c === ")" && isStatementParen(text, inert, top.at)) control = i;
      }
    }
  }
  return { pairs, inert };
}
