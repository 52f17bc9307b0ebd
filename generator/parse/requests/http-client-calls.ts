/**
 * The requests a program makes with an HTTP client whose methods are named for the HTTP methods:
 * axios (`axios.get(url)`, `api.post(url, body)`), Angular's `HttpClient`
 * (`this.http.get<Person[]>(url)`), ky, got, a test's supertest. Each `.get(`, `.post(`, `.put(`,
 * `.patch(` or `.delete(` call whose first argument is a string or template literal that is a URL
 * (a whole one, a path from the service root, or a template that starts with the root's
 * expression, `${base}/People`): so `map.get("key")` and `headers.get("etag")` are passed over. A
 * write's body is kept where the second argument is written as literals, and the query options of
 * the config argument's `params` (axios, Angular's HttpClient) or `searchParams` (ky, got), where
 * written as literals, are added to the URL: `axios.get("/users", { params: { $top: 5 } })` is
 * `GET /users?$top=5`.
 */
import { type CallInCode, jsonBody, JsText, urlLiteral } from "./js-literals";

/** A method call named for an HTTP method, its type arguments skipped (`get<Person[]>(`), with a literal first. */
const CALL = /\.(get|post|put|patch|delete)\s*(?:<[^<>()]*(?:<[^<>()]*>[^<>()]*)*>)?\s*\(\s*(?=["'`])/g;

/** Whether a URL read from a literal is one: a whole URL or a path. */
const URL_LIKE = /^(\/|[a-z][a-z\d+.-]*:\/\/)/i;

/** Whether `text` calls an HTTP client's method with a literal URL. */
export function hasHttpClientCalls(text: string): boolean {
  return httpClientCalls(text, 1).length > 0;
}

export function httpClientCalls(text: string, most = Number.POSITIVE_INFINITY): CallInCode[] {
  const out: CallInCode[] = [];
  const js = new JsText(text);
  for (const m of text.matchAll(CALL)) {
    const from = m.index + m[0].length;
    const literal = urlLiteral(js, from);
    if (!literal || !URL_LIKE.test(literal.url)) continue;
    const { url } = literal;
    const method = m[1]!.toUpperCase();
    // A write's body: the second argument, up to the call's closing parenthesis or the next argument.
    let body: string | undefined;
    // The config argument: the second of a GET or DELETE, the third of a write (after its body).
    let config: number | undefined;
    const comma = /^\s*,\s*(?=[{[])/.exec(text.slice(literal.end, literal.end + 200));
    if (comma && method !== "GET" && method !== "DELETE") {
      const open = literal.end + comma[0].length;
      const close = js.closing(open);
      if (close !== undefined) {
        body = jsonBody(text.slice(open, close + 1));
        const next = /^\s*,\s*(?=\{)/.exec(text.slice(close + 1, close + 200));
        if (next) config = close + 1 + next[0].length;
      }
    } else if (comma && text[literal.end + comma[0].length] === "{") config = literal.end + comma[0].length;
    const query = config === undefined ? undefined : paramsQuery(js, text, config);
    const sent = query ? `${url}${url.includes("?") ? "&" : "?"}${query}` : url;
    out.push({ method, url: sent, at: from + 1, ...(body !== undefined ? { body } : {}) });
    if (out.length >= most) break;
  }
  return out;
}

/** A `params: {` or `searchParams: {` property at the top of a config object. */
const PARAMS = /(?:^\s*|[{,]\s*)["']?(?:params|searchParams)["']?\s*:\s*(?=\{)/g;

/**
 * The query the config object at `open` gives in its `params` or `searchParams` (names and values
 * written as literals: strings, numbers, Booleans), as documentation writes one (`$filter=a eq 'x'`,
 * only what would end a name or value percent-encoded); undefined where it has none, or where one
 * value is not such a literal (an array, a variable).
 */
function paramsQuery(js: JsText, text: string, open: number): string | undefined {
  const close = js.closing(open);
  if (close === undefined) return undefined;
  // Only a property of the config itself counts: the scan goes once through the config, stepping
  // over each bracket pair that closes before the match (so hostile nesting stays linear).
  let i = open + 1;
  for (const m of text.slice(open + 1, close).matchAll(PARAMS)) {
    const at = open + 1 + m.index + m[0].length;
    let nested = false;
    for (; i < at; i++) {
      if (!"{[(".includes(text[i]!)) continue;
      const end = js.closing(i);
      if (end === undefined) continue;
      if (end > at) {
        nested = true;
        break;
      }
      i = end;
    }
    const end = js.closing(at);
    if (nested || end === undefined || end > close) continue;
    const json = jsonBody(text.slice(at, end + 1));
    if (json === undefined) return undefined;
    const params = JSON.parse(json) as Record<string, unknown>;
    const pairs = Object.entries(params).map(([name, value]) => (typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? `${queryText(name, true)}=${queryText(String(value))}` : undefined));
    if (pairs.some((p) => p === undefined)) return undefined;
    return pairs.join("&") || undefined;
  }
  return undefined;
}

/** `text` in a query as documentation writes it: only `%`, `&`, `#`, `+` (a space when read) and, in a name, `=` percent-encoded. */
function queryText(text: string, name = false): string {
  return text.replace(name ? /[%&#+=]/g : /[%&#+]/g, (c) => encodeURIComponent(c));
}
