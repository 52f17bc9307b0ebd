/**
 * The requests a program makes with an HTTP client whose methods are named for the HTTP methods:
 * axios (`axios.get(url)`, `api.post(url, body)`), Angular's `HttpClient`
 * (`this.http.get<Person[]>(url)`), ky, got, a test's supertest. Each `.get(`, `.post(`, `.put(`,
 * `.patch(` or `.delete(` call whose first argument is a string or template literal that is a URL
 * (a whole one, a path from the service root, or a template that starts with the root's
 * expression, `${base}/People`): so `map.get("key")` and `headers.get("etag")` are passed over. A
 * write's body is kept where the second argument is written as literals.
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
    const comma = /^\s*,\s*(?=[{[])/.exec(text.slice(literal.end, literal.end + 200));
    if (comma && method !== "GET" && method !== "DELETE") {
      const open = literal.end + comma[0].length;
      const close = js.closing(open);
      if (close !== undefined) body = jsonBody(text.slice(open, close + 1));
    }
    out.push({ method, url, at: from + 1, ...(body !== undefined ? { body } : {}) });
    if (out.length >= most) break;
  }
  return out;
}
