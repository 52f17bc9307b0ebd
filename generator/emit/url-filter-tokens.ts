/**
 * The tokens of a `$filter` or `$orderby` expression as a URL writes it (URL Conventions §5.1.1,
 * the ABNF's `commonExpr`): member paths (`from/emailAddress/address`, `microsoft.graph.user/id`,
 * `members/$count`), literals by their kind (`true`, `false` and `null` too), parameter aliases and
 * punctuation. Words such as `eq` or `not` come as one-segment paths; which they are depends on
 * where they stand (`url-filter.ts`).
 */
import { NUMERIC_PRIMITIVES } from "../model/rules";

/** The Edm number types, by their names without `Edm.` (a URL writes each as a number, unquoted). */
export const NUMBERS: ReadonlySet<string> = NUMERIC_PRIMITIVES;

/** What a literal is, as far as a comparison with a property cares. */
export type LiteralKind =
  | "string" | "number" | "boolean" | "null" | "guid" | "date" | "datetime" | "time" | "duration" | "binary" | "enum" | "other";

export type Token =
  /** Segments joined by `/`, each an identifier, a qualified name or `$count`/`$it`/`$this`/`$root`. */
  | { t: "path"; segments: string[]; at: number }
  /**
   * `enumType` and `value` for `Ns.Color'Red'`; `value` for a quoted string too; `broken` for a
   * Guid written wrong: in other groups than 8-4-4-4-12, or with a letter g-z among its digits
   * (`GUID_GROUPS`, `BROKEN_GUID`).
   */
  | { t: "literal"; kind: LiteralKind; text: string; at: number; enumType?: string; value?: string; broken?: true }
  | { t: "alias"; at: number }
  /** A documentation page's placeholder for a value, `{start}` (a quoted one, `'{id}'`, is a string literal). */
  | { t: "placeholder"; name: string; text: string; at: number }
  | { t: "punct"; text: string; at: number };

const GUID = /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![\w-])/y;
const DATETIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?(?![\w:.])/y;
const DATE = /\d{4}-\d{2}-\d{2}(?![\w:.-])/y;
const TIME = /\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?![\w:.])/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[mMdDfFlL]?(?![\w.])/y;
/**
 * Letters and digits in groups joined by three dashes or more, as a Guid's, that no Guid is: a
 * Guid written wrong, a digit short or a group too long (`0f8fad5b-d9cb-469f-a165-70867728950`),
 * its first group digits alone (`1234567-d9cb-…`), or with a letter g-z among its digits
 * (`…-70867728950g`, `f8fad5b-…-70867728950z`); its message names the Guid's form. Else its
 * digits would be a number and a path (`has no property f8fad5b`). No other literal has three
 * dashes unquoted, nor a name one; a date and time has its colons. The groups' lengths and number
 * are bounded, so that text of many dashes is read in linear time.
 */
const GUID_GROUPS = /[0-9A-Za-z]{1,40}(?:-[0-9A-Za-z]{1,40}){3,7}(?![\w.:-])/y;
/**
 * Hexadecimal digits with one or two dashes, and a letter a-f after a digit (`0f8fad5b-d9cb-469f`),
 * that no other literal and no path is: a Guid cut short. Two dashes and digits alone are no Guid
 * (a date written wrong, `2024-1-05`).
 */
const BROKEN_GUID = /[0-9A-Fa-f]{1,40}(?:-[0-9A-Fa-f]{1,40}){1,2}(?![\w.:-])/y;
/** A segment: an identifier, dotted for a qualified name, or `$` and a name. */
const SEGMENT = /\$?[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]*(?:\.[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]*)*/uy;
/** `{name}`, as documentation writes a value to fill in (not a JSON object, which starts `{"`). */
const PLACEHOLDER = /\{[^{}"'\s][^{}"']*\}/y;
const PREFIXED: Record<string, LiteralKind> = { duration: "duration", binary: "binary", x: "binary", geography: "other", geometry: "other" };

/** The tokens of `text`, or why it cannot be read (a quote not closed), with the column. */
export function tokens(text: string): Token[] | string {
  const out: Token[] = [];
  let i = 0;
  /**
   * A literal `re` matches at `i` (one `needs` matches, where given), taken as a token of `kind`;
   * `broken`, a Guid written wrong.
   */
  const literal = (kind: LiteralKind, re: RegExp, broken?: { needs?: RegExp }): boolean => {
    const m = match(re, text, i);
    if (m === undefined || (broken?.needs !== undefined && !broken.needs.test(m))) return false;
    out.push({ t: "literal", kind, text: m, at: i, ...(broken ? { broken: true as const } : {}) });
    i += m.length;
    return true;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    const at = i;
    if (c === "'") {
      const end = quoteEnd(text, i);
      if (end < 0) return unclosed(at);
      out.push({ t: "literal", kind: "string", text: text.slice(at, end), at, value: text.slice(at + 1, end - 1).replace(/''/g, "'") });
      i = end;
      continue;
    }
    if (c === '"') {
      // A JSON string, inside an array or object literal (`in ["a","b"]`, OData 4.01).
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      if (j >= text.length) return `the double quote at column ${at + 1} is not closed`;
      out.push({ t: "literal", kind: "other", text: text.slice(at, j + 1), at });
      i = j + 1;
      continue;
    }
    if (c === "{") {
      const placeholder = match(PLACEHOLDER, text, i);
      if (placeholder !== undefined) {
        out.push({ t: "placeholder", name: placeholder.slice(1, -1), text: placeholder, at });
        i += placeholder.length;
        continue;
      }
    }
    if (c === "@") {
      const name = match(SEGMENT, text, i + 1) ?? "";
      out.push({ t: "alias", at });
      i += 1 + name.length;
      continue;
    }
    const digit = (c >= "0" && c <= "9") || c === "-";
    if ((digit || (c >= "a" && c <= "f") || (c >= "A" && c <= "F")) && literal("guid", GUID)) continue;
    const hex = (digit || (c >= "a" && c <= "f") || (c >= "A" && c <= "F")) && c !== "-";
    if (hex && literal("guid", GUID_GROUPS, {})) continue;
    if (digit && literal("datetime", DATETIME)) {
      // `…T08:00:00+01:00` in a query whose + was read as a space (as a browser reads it).
      const offset = /^ (\d{2}:\d{2})(?![\d:])/.exec(text.slice(i, i + 7));
      if (offset && !/(Z|[+-]\d{2}:\d{2})$/.test(text.slice(at, i))) {
        return `the date and time at column ${at + 1} is followed by a space and ${offset[1]}: a + in a URL's query is a space; write its offset as %2B${offset[1]} (or Z)`;
      }
      continue;
    }
    if (digit && (literal("date", DATE) || literal("time", TIME) || literal("number", NUMBER))) continue;
    if (hex && digit && literal("guid", BROKEN_GUID, { needs: /[a-f]/i })) continue;
    const segment = match(SEGMENT, text, i);
    if (segment !== undefined) {
      i += segment.length;
      if (text[i] === "'") {
        const end = quoteEnd(text, i);
        if (end < 0) return unclosed(i);
        const value = text.slice(i + 1, end - 1).replace(/''/g, "'");
        const kind = PREFIXED[segment.toLowerCase()];
        out.push(kind ? { t: "literal", kind, text: text.slice(at, end), at } : { t: "literal", kind: "enum", text: text.slice(at, end), at, enumType: segment, value });
        i = end;
        continue;
      }
      const segments = [segment];
      while (text[i] === "/") {
        const next = match(SEGMENT, text, i + 1);
        if (next === undefined) break;
        segments.push(next);
        i += 1 + next.length;
      }
      const word = segments.length === 1 ? segment.toLowerCase() : "";
      if (word === "true" || word === "false" || word === "null") out.push({ t: "literal", kind: word === "null" ? "null" : "boolean", text: segment, at });
      else out.push({ t: "path", segments, at });
      continue;
    }
    out.push({ t: "punct", text: c, at });
    i++;
  }
  return out;
}

function unclosed(at: number): string {
  return `the quote at column ${at + 1} is not closed (a quote inside a string is written twice: 'O''Neil')`;
}

/** What the sticky `re` matches at `from`. */
function match(re: RegExp, text: string, from: number): string | undefined {
  re.lastIndex = from;
  return re.exec(text)?.[0];
}

/** The index after the quoted string starting at `from` (a doubled quote inside it), or -1 when it is not closed. */
function quoteEnd(text: string, from: number): number {
  let j = from + 1;
  for (;;) {
    const q = text.indexOf("'", j);
    if (q < 0) return -1;
    if (text[q + 1] === "'") {
      j = q + 2;
      continue;
    }
    return q + 1;
  }
}

/** `text` split at `sep` outside parentheses and quotes, each item trimmed, empty ones left out. */
export function listItems(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === "(") depth++;
    else if (!quoted && c === ")") depth--;
    else if (!quoted && depth === 0 && c === sep) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== "");
}
