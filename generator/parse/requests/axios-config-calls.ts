/**
 * The requests a program makes with axios's config form: `axios({ method: "patch", url: "/users/"
 * + id, data })`, `axios.request({ url, params })`, `client.request({ method, url })` on a client
 * made by `axios.create(…)`, and `axios(url, { method: "DELETE" })`. The receiver is axios's (a name
 * imported from it, `axios` itself, or one made by `axios.create`: route-imports.ts
 * `configClients`); the config's `url` (or a shorthand `{ url }` naming a constant), its
 * `method` as fetch's init gives one (init-method.ts: GET where it names none and spreads nothing;
 * one only a spread gives is left in `methodFrom`; one written but no literal, `method: verb`, is left there too, said by its expression, not guessed GET), its `data`
 * where written as literals, and its `params` where each is a literal, as for axios's `get`
 * (http-client-calls.ts). A config given as a name (`axios.request(config)`, `axios(url, config)`)
 * is read where it names a `const` object literal (js-bindings.ts `objectAt`), the request at the
 * call; `axios(url, cfg)` with any other name is left in `methodFrom`, said, not guessed GET.
 * A path relative to the client's `baseURL` is one from the service root.
 */
import { type CallInCode, JsText, matchesIn, PARAMETER, urlLiteral } from "./js-literals";
import { expressionEnd, literalJson, memberValue, skipBlank } from "./js-values";
import { paramsQuery, relativeToRoot, URL_LIKE } from "./http-client-calls";
import { routeImports } from "./route-imports";
import { initMethod, unreadMethod } from "./init-method";

/** A name called (`axios(`), or its `request` method (`client.request(`, `this.http.request(`), type arguments skipped. */
const CALL = /(?<![\w$.])(?:this\s*\.\s*)?([A-Za-z_$][\w$]*)(\s*\??\.\s*request)?\s*(?:<[^<>()]*(?:<[^<>()]*>[^<>()]*)*>)?\s*\(\s*(?=[{"'`A-Za-z_$])/g;

/** The calls of `text`, or of its part from `from` to `to` (a request helper's body, request-helpers.ts). */
export function axiosConfigCalls(text: string, js = new JsText(text), from = 0, to = text.length): CallInCode[] {
  if (!mentionsAxios(js)) return [];
  const clients = routeImports(js).configClients;
  const out: CallInCode[] = [];
  for (const m of matchesIn(CALL, js, from, to)) {
    if (!clients.has(m[1]!) || !js.isCode(m.index)) continue;
    let unread: string | undefined;
    const at = m.index + m[0].length;
    const name = m.index + m[0].indexOf(m[1]!) + m[1]!.length;
    let config: number | undefined;
    let literal: ReturnType<typeof urlLiteral>;
    // A config given as a name (`axios.request(config)`, `axios(config)`): a `const`'s object literal, read as one written here.
    const alone = /^([A-Za-z_$][\w$]*)\s*\)/.exec(text.slice(at, at + 200))?.[1];
    const object = alone === undefined ? undefined : js.objectAt(alone, at);
    if (text[at] === "{" || object !== undefined) {
      config = object ?? at;
      const url = memberValue(js, config, ["url"], true);
      literal = url === undefined ? undefined : urlLiteral(js, url);
      const end = literal && skipBlank(text, literal.end);
      if (end === undefined || (text[end] !== "," && text[end] !== "}")) continue;
      // Said where the call is, not where its config is written.
      if (object !== undefined) literal = { ...literal!, start: at };
    } else if (!m[2]) {
      // `axios(url)`, `axios(url, config)`: the URL first.
      literal = urlLiteral(js, at);
      const after = literal && skipBlank(text, literal.end);
      if (after === undefined || (text[after] !== "," && text[after] !== ")")) continue;
      const second = text[after] === "," ? skipBlank(text, after + 1) : -1;
      if (text[second] === "{") config = second;
      else if (second >= 0) {
        // A config by name: a `const`'s object literal; any other name (a parameter a helper's call may give, a `let`, an import) is said, not guessed GET.
        const name = /^([A-Za-z_$][\w$]*)\s*\)/.exec(text.slice(second, second + 200))?.[1];
        if (name !== undefined && name !== "undefined") {
          config = js.objectAt(name, second);
          if (config === undefined) unread = name;
        }
      }
    }
    if (!literal) continue;
    const url = URL_LIKE.test(literal.url) || literal.url.startsWith(PARAMETER) ? literal.url : relativeToRoot(js, name, literal.url);
    if (url === undefined) continue;
    // Read as fetch's init is (init-method.ts): a method only a spread gives (`{ ...common, url }`) is said, not guessed GET.
    const given = config === undefined ? { method: "GET" } : initMethod(js, config);
    // A method written but no literal (`{ method: verb, url }`): said by its expression, not guessed GET.
    const expression = given === undefined && unread === undefined ? unreadMethod(js, config!) : undefined;
    if (given === undefined && unread === undefined && expression === undefined) continue;
    const method = given === undefined || unread !== undefined ? "GET" : "method" in given ? given.method : given.named ?? "GET";
    const data = config === undefined ? undefined : memberValue(js, config, ["data"]);
    const dataEnd = data === undefined ? undefined : expressionEnd(js, data);
    const body = dataEnd === undefined ? undefined : literalJson(js, data!, dataEnd);
    const query = config === undefined ? undefined : paramsQuery(js, config);
    const sent = query ? `${url}${url.includes("?") ? "&" : "?"}${query}` : url;
    out.push({ method, url: sent, at: literal.start, ...(body !== undefined ? { body } : {}), ...(unread !== undefined ? { methodFrom: { names: [unread], spread: false, unread: true } } : expression !== undefined ? { methodFrom: { names: [expression], spread: false, unread: true, value: true } } : given && "spreads" in given ? { methodFrom: { names: given.spreads, spread: true } } : {}) });
  }
  return out;
}

/** Whether the file names axios anywhere (asked once per file). */
const mentions = new WeakMap<JsText, boolean>();
function mentionsAxios(js: JsText): boolean {
  let found = mentions.get(js);
  if (found === undefined) mentions.set(js, (found = /\baxios\b/.test(js.text)));
  return found;
}
