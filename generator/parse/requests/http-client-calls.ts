/**
 * The requests a program makes with an HTTP client whose methods are named for the HTTP methods:
 * axios (`axios.get(url)`, `api.post(url, body)`), Angular's `HttpClient`
 * (`this.http.get<Person[]>(url)`), ky, got, a test's supertest. Each `.get(`, `.post(`, `.put(`,
 * `.patch(` or `.delete(` call whose first argument is a string or template literal that is a URL
 * (a whole one, a path from the service root, or a template that starts with the root's
 * expression, `${base}/People`): so `map.get("key")` and `headers.get("etag")` are passed over, and
 * so are a collection's and a server route's calls (not-client-calls.ts). A
 * write's body is kept where the second argument is written as literals, and the query options of
 * the config argument's `params` (axios, Angular's HttpClient) or `searchParams` (ky, got), where
 * written as literals, are added to the URL: `axios.get("/users", { params: { $top: 5 } })` is
 * `GET /users?$top=5`.
 */
import { type CallInCode, JsText, matchesIn, PARAMETER, urlLiteral } from "./js-literals";
import { expressionEnd, literalJson, memberValue, readLiteral, skipBlank } from "./js-values";
import { isCollectionCall, isRoute, receiverWord } from "./not-client-calls";
import { routeImports } from "./route-imports";
import { queryText } from "./url-objects";

/** A method call named for an HTTP method, its type arguments skipped (`get<Person[]>(`), with a literal first. */
const CALL = /\.(get|post|put|patch|delete)\s*(?:<[^<>()]*(?:<[^<>()]*>[^<>()]*)*>)?\s*\(\s*(?=["'`A-Za-z_$])/g;

/** Whether a URL read from a literal is one: a whole URL or a path. */
export const URL_LIKE = /^(\/|[a-z][a-z\d+.-]*:\/\/)/i;

/** Whether `text` calls an HTTP client's method with a literal URL. */
export function hasHttpClientCalls(text: string): boolean {
  return httpClientCalls(text, 1).length > 0;
}

/** The calls of `text` (at most `most`), or of its part from `from` to `to` (a request helper's body, request-helpers.ts). */
export function httpClientCalls(text: string, most = Number.POSITIVE_INFINITY, js = new JsText(text), from = 0, to = text.length): CallInCode[] {
  const out: CallInCode[] = [];
  for (const m of matchesIn(CALL, js, from, to)) {
    const literal = urlLiteral(js, m.index + m[0].length);
    if (!literal || isCollectionCall(js, m.index)) continue;
    // A helper's parameter (request-helpers.ts) is its call's argument: a URL or a path relative to the client's base.
    const url = URL_LIKE.test(literal.url) || literal.url.startsWith(PARAMETER) ? literal.url : relativeToRoot(js, m.index, literal.url);
    if (url === undefined) continue;
    const method = m[1]!.toUpperCase();
    if (isRoute(js, m.index, method, url, literal.end)) continue;
    // A write's body: the second argument, up to the call's closing parenthesis or the next argument.
    let body: string | undefined;
    // The config argument: the second of a GET or DELETE, the third of a write (after its body).
    let config: number | undefined;
    const after = skipBlank(text, literal.end);
    if (text[after] === ",") {
      const second = skipBlank(text, after + 1);
      if (method === "GET" || method === "DELETE") config = text[second] === "{" ? second : undefined;
      else if (routeImports(js).optionsClients.has(receiverWord(text, m.index) ?? "")) {
        // got's and ky's options: the body is their `json` (`got.post(url, { json: { … } })`).
        config = text[second] === "{" ? second : undefined;
        const json = config === undefined ? undefined : memberValue(js, config, ["json"]);
        const end = json === undefined ? undefined : expressionEnd(js, json);
        if (end !== undefined) body = literalJson(js, json!, end);
      } else {
        const end = expressionEnd(js, second);
        if (end !== undefined) {
          if (text[second] === "{" || text[second] === "[") body = literalJson(js, second, end);
          const third = text[end] === "," ? skipBlank(text, end + 1) : -1;
          if (text[third] === "{") config = third;
        }
      }
    }
    const query = config === undefined ? undefined : paramsQuery(js, config);
    const sent = query ? `${url}${url.includes("?") ? "&" : "?"}${query}` : url;
    out.push({ method, url: sent, at: literal.start, ...(body !== undefined ? { body } : {}) });
    if (out.length >= most) break;
  }
  return out;
}

/**
 * A path written relative to a client's base (`api.get("me/messages")` after `const api =
 * ky.create({ prefixUrl: GRAPH })`, as ky requires it, or `axios.create({ baseURL })`'s), as a
 * path from the service root, `/me/messages`: where the receiver is an HTTP client's (made by its
 * `create` or `extend`, or imported from its package), which joins it to its base with a `/`. Any
 * other receiver's `get("key")` is no request (a cache's, a store's).
 */
export function relativeToRoot(js: JsText, dot: number, url: string): string | undefined {
  if (!/^[A-Za-z\d$_][^\s:?#]*(?:[?#]\S*)?$/.test(url)) return undefined;
  return routeImports(js).clients.has(receiverWord(js.text, dot) ?? "") ? `/${url}` : undefined;
}

/**
 * The query the config object at `open` gives in its `params` or `searchParams` (names and values
 * written as literals: strings, numbers, Booleans; `null` and `undefined` left out, as the clients
 * leave them out), as documentation writes one (`$filter=a eq 'x'`, only what would end a name or
 * value percent-encoded); undefined where it has none, or where it is not such a literal (a
 * variable, an array value). The config's members are read one after another, each value passed
 * over by its brackets, so that configs nested in each other are read in linear time.
 */
export function paramsQuery(js: JsText, open: number): string | undefined {
  const at = memberValue(js, open, ["params", "searchParams"]);
  return at === undefined ? undefined : queryOf(readLiteral(js, at)?.value);
}

/** `params`' query: each member a literal string, number or Boolean (null and undefined left out); undefined otherwise. */
function queryOf(params: unknown): string | undefined {
  if (typeof params !== "object" || params === null || Array.isArray(params)) return undefined;
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === null) continue;
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return undefined;
    pairs.push(`${queryText(name, true)}=${queryText(String(value))}`);
  }
  return pairs.join("&") || undefined;
}
