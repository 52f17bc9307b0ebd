/**
 * The requests of `fetch` calls, as a browser's "Copy as fetch" and "Copy all as fetch" write them:
 * `fetch("https://…/me", { "headers": {…}, "body": "{\"displayName\":\"x\"}", "method": "PATCH" });`.
 * Each call's URL (a string literal, or a template literal, as a program writes one: its `${…}`s
 * read as placeholders, the file's string constants put in; or such constants and literals joined
 * with `+`), with where it starts, its method (GET when the options name none), its
 * body's text and its headers' names.
 */
import { type CallInCode, JsText, matchesIn, urlLiteral } from "./js-literals";
import { expressionEnd, literalJson, memberValue, skipBlank } from "./js-values";
import { initMethod, unreadMethod } from "./init-method";

/**
 * A `fetch(` call; its first argument is read where it is a string or template literal, or a
 * `new Request(…)` written there, its URL and init read as the call's (`fetch(new Request(url, {
 * method: "POST" }))`).
 */
const CALL = /\bfetch\(\s*(?:new\s+Request\(\s*)?/g;

/** Whether `text` holds a fetch call with a literal URL (or one made of the file's constants, js-literals.ts `joined`), in code: not in a comment or a string. */
export function hasFetchCalls(text: string, js = new JsText(text)): boolean {
  for (const m of text.matchAll(/\bfetch\(\s*["'`]/g)) if (js.isCode(m.index)) return true;
  return /\bfetch\(\s*[A-Za-z_$]/.test(text) && fetchCalls(text, js).length > 0;
}

/** The fetch calls of `text`, or of its part from `from` to `to` (a request helper's body, request-helpers.ts). */
export function fetchCalls(text: string, js = new JsText(text), from = 0, to = text.length): CallInCode[] {
  const out: CallInCode[] = [];
  for (const m of matchesIn(CALL, js, from, to)) {
    // `fetch("…")` in a comment, a string or a template's text is no call.
    if (!js.isCode(m.index)) continue;
    const literal = urlLiteral(js, m.index + m[0].length);
    if (!literal) continue;
    const { url } = literal;
    // The init after the URL; for a `new Request(url)` without one, fetch's own (`fetch(new Request(url), { method: "POST" })`).
    const comma = (m[0].includes("Request") ? /^\s*(?:\)\s*)?,\s*\{/ : /^\s*,\s*\{/).exec(text.slice(literal.end, literal.end + 200));
    // The init given as a name (`fetch(url, init)`): a `const`'s object literal (js-bindings.ts `objectAt`), read as one written in the call is.
    const given = comma ? null : (m[0].includes("Request") ? /^(\s*(?:\)\s*)?,\s*)([A-Za-z_$][\w$]*)\s*\)/ : /^(\s*,\s*)([A-Za-z_$][\w$]*)\s*\)/).exec(text.slice(literal.end, literal.end + 200));
    const named = given && given[2] !== "undefined" ? js.objectAt(given[2]!, literal.end + given[1]!.length) : undefined;
    const open = comma ? literal.end + comma[0].length - 1 : named;
    const close = open === undefined ? undefined : js.closing(open);
    const init = open !== undefined && close !== undefined ? text.slice(open, close + 1) : undefined;
    const options = init === undefined ? undefined : parsed(init);
    // A program's init read member by member (init-method.ts): a spread may give the method.
    const members = init !== undefined && !options ? initMethod(js, open!) : undefined;
    let method = typeof options?.method === "string" ? options.method.toUpperCase() : (members && "method" in members ? members.method : members?.named) ?? (comma ? /["']?method["']?\s*:\s*["'`](\w+)["'`]/.exec(init ?? "")?.[1]?.toUpperCase() : undefined) ?? "GET";
    let methodFrom: CallInCode["methodFrom"] = members && "spreads" in members ? { names: members.spreads, spread: true } : undefined;
    // A name that is no such `const` (a parameter, a `let`, an import), or one whose method is no literal: a helper's call may
    // give it, its parameter (request-helpers.ts); what none gives is said, not guessed GET.
    if (given && given[2] !== "undefined" && (named === undefined || (!options && !members))) [method, methodFrom] = ["GET", { names: [given[2]!], spread: false, unread: true }];
    // An init written in the call whose method is no literal (`{ method: verb }`): said by its expression, not guessed GET.
    const expression = comma && !options && !members ? unreadMethod(js, open!) : undefined;
    if (expression !== undefined) [method, methodFrom] = ["GET", { names: [expression], spread: false, unread: true, value: true }];
    // Its headers' names where its options are JSON, as a browser writes them (none named: none sent).
    const headers = options === undefined ? undefined : typeof options.headers === "object" && options.headers !== null ? Object.keys(options.headers).map((k) => k.toLowerCase()) : [];
    const body = typeof options?.body === "string" ? options.body : init === undefined || options ? undefined : programBody(js, open!);
    out.push({ method, url, at: literal.start, ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}), ...(literal.partial ? { partialQuery: true } : {}), ...(methodFrom ? { methodFrom } : {}) });
  }
  return out;
}

/**
 * The body of a program's options object at `open`, as a program writes it: `body:
 * JSON.stringify({ … })` of a literal (a template's `${…}`s in it read as placeholders, `{userId}`;
 * a variable makes it none), or a string literal without `${…}`; undefined for anything else.
 */
function programBody(js: JsText, open: number): string | undefined {
  const at = memberValue(js, open, ["body"]);
  if (at === undefined) return undefined;
  const stringify = /^JSON\.stringify\(\s*/.exec(js.text.slice(at, at + 40));
  if (!stringify) {
    const literal = /["'`]/.test(js.text[at] ?? "") ? js.literal(at) : undefined;
    return literal && !js.text.slice(at, literal.end).includes("${") ? literal.value : undefined;
  }
  const from = at + stringify[0].length;
  const end = expressionEnd(js, from);
  if (end === undefined || js.text[skipBlank(js.text, end)] !== ")") return undefined;
  // A template's `${…}`s as placeholders (`/users/{userId}/manager` in a $batch's request).
  js.placeholders = true;
  try {
    return literalJson(js, from, end)?.replace(/\{\{([^{}"]+)\}\}/g, "{$1}");
  } finally {
    js.placeholders = false;
  }
}

/** The options object as JSON reads it (a browser writes its keys quoted); undefined where it is other JavaScript. */
function parsed(object: string): { method?: unknown; body?: unknown; headers?: unknown } | undefined {
  try {
    return JSON.parse(object) as { method?: unknown; body?: unknown; headers?: unknown };
  } catch {
    return undefined;
  }
}
