/**
 * TypeScript's assertions around an expression, which change its type and never its value:
 * `"/Trips" as const`, `"/People" satisfies string`, `url as unknown as string` after it,
 * `<const>"/x"` before it. A constant's string read through them is still that string.
 *
 * The type is read as far as such a type goes: names and member names (`const`, `string`,
 * `ns.Path`), literals, `keyof`, `typeof`, `readonly`, `unique` before one, type arguments
 * (`Record<string, string>`), `[]` and indexed access after one, brackets passed over at once by
 * the file's pairing (`(p: string) => T`, `{ a: string }`, `[A, B]`), joined by `|` or `&`; anything
 * else (a conditional type, `infer`) ends it where it stands, and the expression is then not read
 * on. Type arguments nest at most MAX_DEPTH deep, so that a hostile `as A<A<A<…` is given up, and
 * each reading stops at the first token no type holds (the next statement's word), so that no two
 * readings overlap: a file of many assertions is read in linear time.
 */
import type { JsText } from "./js-literals";
import { skipBlank } from "./js-values";

const MAX_DEPTH = 32;

const WORD = /[A-Za-z_$][\w$]*/y;
const NUMBER = /-?\d[\w.]*/y;
/** A word that asserts after an expression, on its line (TypeScript reads no `as` after a line break). */
const ASSERTS = /[ \t]*(?:as|satisfies)(?![\w$])/y;
const PREFIXES = new Set(["keyof", "typeof", "readonly", "unique"]);

/** The index after the spaces and tabs at `i` (a type goes on within its line, or within its brackets). */
function spaces(text: string, i: number): number {
  while (text[i] === " " || text[i] === "\t") i++;
  return i;
}

/** The index after the type starting at `at` (blanks before it skipped); undefined where none starts there. */
export function typeEnd(js: JsText, at: number, depth = 0): number | undefined {
  const text = js.text;
  if (depth > MAX_DEPTH) return undefined;
  let i = skipBlank(text, at);
  for (;;) {
    // A prefix, then one member of a union or an intersection.
    for (WORD.lastIndex = i; ; WORD.lastIndex = i) {
      const word = WORD.exec(text)?.[0];
      if (word === undefined || !PREFIXES.has(word) || !/\s/.test(text[i + word.length] ?? "")) break;
      i = spaces(text, i + word.length);
    }
    const c = text[i] ?? "";
    if (c === "(" || c === "[" || c === "{") {
      const close = js.closing(i);
      if (close === undefined) return undefined;
      i = close + 1;
      // A function's type: its result's after `=>`.
      const arrow = spaces(text, i);
      if (c === "(" && text.startsWith("=>", arrow)) return typeEnd(js, arrow + 2, depth + 1);
    } else if (c === '"' || c === "'" || c === "`") {
      const literal = js.literal(i);
      if (!literal) return undefined;
      i = literal.end;
    } else {
      WORD.lastIndex = NUMBER.lastIndex = i;
      const token = WORD.exec(text)?.[0] ?? NUMBER.exec(text)?.[0];
      if (token === undefined) return undefined;
      i += token.length;
      // A member's name (`ns.Path`).
      while (text[spaces(text, i)] === "." && ((WORD.lastIndex = spaces(text, spaces(text, i) + 1)), WORD.test(text))) i = WORD.lastIndex;
    }
    // Type arguments and `[]` or an indexed access after it.
    for (let next = spaces(text, i); text[next] === "<" || text[next] === "["; next = spaces(text, i)) {
      if (text[next] === "[") {
        const close = js.closing(next);
        if (close === undefined) return undefined;
        i = close + 1;
        continue;
      }
      let end = typeEnd(js, next + 1, depth + 1);
      while (end !== undefined && text[skipBlank(text, end)] === ",") end = typeEnd(js, skipBlank(text, end) + 1, depth + 1);
      if (end === undefined || text[skipBlank(text, end)] !== ">") return undefined;
      i = skipBlank(text, end) + 1;
    }
    const joint = spaces(text, i);
    if ((text[joint] !== "|" && text[joint] !== "&") || text[joint + 1] === text[joint]) return i;
    i = skipBlank(text, joint + 1);
  }
}

/** The index after the `as T` and `satisfies T` assertions that follow an expression ending at `end`; `end` where none does, or one's type is not read. */
export function assertionsEnd(js: JsText, end: number): number {
  for (;;) {
    ASSERTS.lastIndex = end;
    if (!ASSERTS.test(js.text) || !js.isCode(ASSERTS.lastIndex - 1)) return end;
    const type = typeEnd(js, ASSERTS.lastIndex);
    if (type === undefined) return end;
    end = type;
  }
}

/** The index after an angle-bracket assertion `<T>` at `at` (`<const>"/x"`); undefined where none is there. */
export function castEnd(js: JsText, at: number): number | undefined {
  if (js.text[at] !== "<") return undefined;
  const type = typeEnd(js, at + 1);
  const close = type === undefined ? undefined : skipBlank(js.text, type);
  return close !== undefined && js.text[close] === ">" ? close + 1 : undefined;
}
