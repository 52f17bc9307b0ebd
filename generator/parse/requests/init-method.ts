/**
 * The method a `fetch` init object (or an axios config) gives, read member by member: the last
 * `method: "…"` written, unless a spread after it may give another (`{ method: "POST", ...init }`);
 * a spread before it is passed over (`{ ...init, method: "POST" }` is a POST). Where no method is
 * named and a spread is (`{ ...defaults }`), the spreads are what gives it.
 */
import type { JsText } from "./js-literals";
import { expressionEnd, memberValue, skipBlank } from "./js-values";

export type InitMethod =
  /** Named, or GET where neither a method nor a spread is written. */
  | { method: string }
  /** What may give it: the spreads after the last method named (each its expression's text), and that method, if any. */
  | { spreads: string[]; named?: string }
  /** Named but not as a literal (`{ method }`, `method: verb`). */
  | undefined;

const NAME = /[A-Za-z_$][\w$]*/y;

/** The method the object literal at `open` gives; undefined where it is written but not read. */
export function initMethod(js: JsText, open: number, none = "GET"): InitMethod {
  const text = js.text;
  const close = js.closing(open);
  if (close === undefined) return undefined;
  let named: string | undefined = none;
  let explicit = false;
  let spreads: string[] = [];
  for (let i = skipBlank(text, open + 1); i < close; ) {
    let end: number | undefined;
    if (text.startsWith("...", i)) {
      end = expressionEnd(js, i + 3);
      if (end === undefined) return undefined;
      spreads.push(text.slice(i + 3, end).trim());
    } else {
      let name: string | undefined;
      if (text[i] === '"' || text[i] === "'") {
        const literal = js.literal(i);
        [name, i] = literal ? [literal.value, literal.end] : [undefined, i];
      } else {
        NAME.lastIndex = i;
        name = NAME.exec(text)?.[0];
        if (name !== undefined) i += name.length;
      }
      i = skipBlank(text, i);
      if (text[i] === ":" && name !== "method") i++;
      if (name === "method") {
        if (text[i] !== ":") return undefined;
        const at = skipBlank(text, i + 1);
        const literal = /["'`]/.test(text[at] ?? "") ? js.literal(at) : undefined;
        if (!literal || !/^[a-z]+$/i.test(literal.value)) return undefined;
        [named, explicit, spreads] = [literal.value.toUpperCase(), true, []];
        i = at;
      }
      end = expressionEnd(js, i);
      if (end === undefined) return undefined;
    }
    if (text[end] !== ",") break;
    i = skipBlank(text, end + 1);
  }
  if (!spreads.length) return { method: named };
  return explicit ? { spreads, named } : { spreads };
}

/**
 * What an init given as a name gives (`fetch(url, init)`, a helper's `odataFetch("/x", opts)`):
 * the method of the `const` object literal it names in the file (`const init = { method: "POST" }`,
 * read as written there); undefined where it is not read (a parameter, a `let`, an import, a
 * `const` changed after, `init.method = …`).
 */
export function namedInitMethod(js: JsText, name: string, at: number, none = "GET"): InitMethod {
  const open = js.objectAt(name, at);
  return open === undefined ? undefined : initMethod(js, open, none);
}

/**
 * The text of the method the object literal at `open` names but not as a literal (`method: verb`,
 * `method: m.toUpperCase()`, `{ method }`): what a note says the method comes from (a request
 * whose method is not read is said, never guessed GET); undefined where it names none, or names
 * it as a literal (`method: "POST"`, read by `initMethod`).
 */
export function unreadMethod(js: JsText, open: number): string | undefined {
  const at = memberValue(js, open, ["method"], true);
  if (at === undefined) return undefined;
  const end = expressionEnd(js, at);
  const literal = /["'`]/.test(js.text[at] ?? "") ? js.literal(at) : undefined;
  if (literal && end !== undefined && skipBlank(js.text, literal.end) === end && !js.text.slice(at, literal.end).includes("${")) return undefined;
  return js.text.slice(at, end ?? at + 60).trim().replace(/\s+/g, " ") || undefined;
}

/** The method a string literal at `at` names where it is the whole expression and letters only (`"delete"` → DELETE); undefined for anything else. */
export function requestMethodLiteral(js: JsText, at: number): string | undefined {
  const literal = /["'`]/.test(js.text[at] ?? "") ? js.literal(at) : undefined;
  if (!literal || !/^[a-z]+$/i.test(literal.value) || js.text.slice(at, literal.end).includes("${")) return undefined;
  return skipBlank(js.text, literal.end) === expressionEnd(js, at) ? literal.value.toUpperCase() : undefined;
}
