/**
 * Where a declaration's value starts, past its type annotation: `const get = `, `const get: Getter
 * = `, `const api: { a: (p: string) => Promise<Response>; b: number } = `, `const g: <T =
 * string>(p: string) => Promise<T> = `, an annotation over several lines (`const g: (\n  p: string,\n)
 * => Promise<Response> = `). The annotation is passed over by its brackets: `()`, `[]` and `{}`
 * each at once by the file's pairing (JsText.closing, made once per file, which passes strings,
 * templates and comments: a `"a;b"` literal type, a `{` in a comment), `<>` counted (an arrow's
 * `=>` closes none; a default's `=` inside `<>` gives no value). The `=` that gives the value is
 * the first one outside all of them. An annotation goes on past a line's end where TypeScript's
 * goes on: its last token asks for more (`:`, `|`, `&`, `.`, `?`, `=>`, or a type's keyword,
 * `extends`, `keyof`, `typeof`, `infer`, `readonly`, `unique`, `is`, `new`), or the next line
 * starts with `=`, `|`, `&`, `.`, `?` or `:` (a conditional type's `T extends U` then `? A : B`);
 * else the line's end ends the declaration (`let url: string` then the next statement).
 *
 * Linear on hostile input, however long an annotation (a union of 200 string literals is read):
 * a bracket left open (`const a: {` and the rest of the file) has no partner in the pairing, so
 * the declaration is given up at once, not read to the file's end; a typed declaration met
 * outside the brackets (`const b:`, `let b:`, `var b:`, not a member's `x.let`, as every
 * declaration read starts) ends the reading (a line of `const a: A<const b: A<…` reads
 * each character once, for the declaration before it), so no two declarations' readings at one
 * depth of brackets overlap; and blank lines and comments between two lines of an annotation are
 * passed over once, where the next line is looked at (skipBlank remembers a comment left open).
 */
import type { JsText } from "./js-literals";
import { skipBlank } from "./js-values";

/** A typed declaration, which no annotation holds (a type parameter's `<const T>` is followed by no `:`). */
const DECLARES = /(?:const|let|var)\s+[A-Za-z_$][\w$]*\s*:/y;

/** What a type's last token may be where it goes on at the next line. */
const ASKS_MORE = new Set([":", "|", "&", ".", "?", "=>", "extends", "keyof", "typeof", "infer", "readonly", "unique", "is", "new"]);

/** A word of the annotation (a name, or a keyword of the type's). */
const WORD = /[A-Za-z_$][\w$]*/y;

/**
 * After a declared name (`at` just past it), the index of the `=` that gives its value, or of what
 * ends a declaration without one (`;`, a line's end, the file's end); undefined where something
 * else follows (`,`, `of`, a bracket it does not open, a `>` closing none) or the annotation is
 * not closed within its bound.
 */
export function declarationEnd(js: JsText, at: number): number | undefined {
  const text = js.text;
  let typed = false;
  let angles = 0;
  /** The annotation's last token read (a quote for a string's). */
  let last = "";
  for (let i = at; i < text.length; i++) {
    const c = text[i]!;
    if (!js.isCode(i)) {
      // A string (a literal type) or a comment, passed over; a string is the type's last token.
      const comment = c === "/" && (text[i + 1] === "/" || text[i + 1] === "*");
      while (i + 1 < text.length && !js.isCode(i + 1)) i++;
      if (!comment) last = '"';
      continue;
    }
    if (c === "\n" || c === "\r") {
      if (angles > 0 || ASKS_MORE.has(typed ? last : "")) continue;
      // What the next line starts with, blank lines and comments passed over once.
      const next = skipBlank(text, i);
      if (!startsMore(text[next] ?? "", typed)) return i;
      i = next - 1;
      continue;
    }
    if (c <= " " || (c > "~" && /\s/.test(c))) continue;
    if (!typed) {
      if (c === ":") [typed, last] = [true, ":"];
      else return c === ";" || (c === "=" && !/[=>]/.test(text[i + 1] ?? "")) ? i : undefined;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") {
      const close = js.closing(i);
      if (close === undefined) return undefined;
      [i, last] = [close, text[close]!];
    } else if (c === ")" || c === "]" || c === "}" || (c === "," && angles === 0)) return undefined;
    else if (c === "=" && text[i + 1] === ">") [i, last] = [i + 1, "=>"];
    else if (c === "=" && angles === 0) return text[i + 1] === "=" ? undefined : i;
    else if (c === ";") return angles === 0 ? i : undefined;
    else if (/[A-Za-z_$]/.test(c)) {
      // A word read whole: a keyword at its end, and a declaration at its start as every one read starts (not `x.let`).
      if (/[clv]/.test(c) && text[i - 1] !== "." && ((DECLARES.lastIndex = i), DECLARES.test(text))) return undefined;
      WORD.lastIndex = i;
      last = WORD.exec(text)![0];
      i += last.length - 1;
    } else {
      if (c === "<") angles++;
      else if (c === ">" && angles-- === 0) return undefined;
      last = c;
    }
  }
  return angles === 0 ? text.length : undefined;
}

/** Whether a declaration whose line's last token asks for nothing more goes on at a next line starting with `next`: `=`, or the type's `:` before a type, or `|`, `&`, `.`, `?` or `:` in one (no statement starts so). */
function startsMore(next: string, typed: boolean): boolean {
  return next === "=" || (typed ? next !== "" && "|&.?:".includes(next) : next === ":");
}

/** A `const`, `let` or `var` of a name, not a member's (`x.const`). */
const DECLARED = /(?<![\w$.])(const|let|var)\s+([A-Za-z_$][\w$]*)/g;

/** A `const` in code given a value: where the `const` is, its name and where the name is, and where its value starts (past `=` and white space). */
export interface ConstValue {
  at: number;
  name: string;
  nameAt: number;
  value: number;
}

/** A `const`, `let` or `var` in code given a value, as ConstValue, and which of them it is. */
export interface DeclaredValue extends ConstValue {
  kind: "const" | "let" | "var";
}

const declaredOf = new WeakMap<JsText, DeclaredValue[]>();
const constsOf = new WeakMap<JsText, ConstValue[]>();

/**
 * The `const`s, `let`s and `var`s of `js` given a value, typed or not, in order (made once per
 * file: request helpers, URL functions and objects of helpers read the `const`s; what a call's
 * receiver and arguments are, not-client-calls.ts, all of them).
 */
export function declaredValues(js: JsText): DeclaredValue[] {
  let found = declaredOf.get(js);
  if (found) return found;
  found = [];
  const text = js.text;
  for (const m of text.matchAll(DECLARED)) {
    if (!js.isCode(m.index)) continue;
    const end = declarationEnd(js, m.index + m[0].length);
    if (end === undefined || text[end] !== "=") continue;
    let value = end + 1;
    while (/\s/.test(text[value] ?? "")) value++;
    found.push({ at: m.index, kind: m[1] as DeclaredValue["kind"], name: m[2]!, nameAt: m.index + m[0].length - m[2]!.length, value });
  }
  declaredOf.set(js, found);
  return found;
}

/** The `const`s of `js` given a value (declaredValues'), in order. */
export function constValues(js: JsText): ConstValue[] {
  let found = constsOf.get(js);
  if (!found) constsOf.set(js, (found = declaredValues(js).filter((d) => d.kind === "const")));
  return found;
}
