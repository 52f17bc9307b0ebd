/**
 * The requests a program makes with the Microsoft Graph JavaScript client
 * (`@microsoft/microsoft-graph-client`): `client.api("/me/messages").select(["subject"]).top(5).get()`.
 * Each `.api(…)` call whose argument is a string or template literal is a request to that path
 * (below the service root and its version, which the client puts before it), with the query its
 * chained calls add (`select`, `expand`, `filter`, `orderby`, `search`, `top`, `skip`, `count`),
 * the headers they name (`header`, `headers`), and the method of the call that sends it (`get`,
 * `post`, `put`, `patch`, `update`, `delete`, `del`, `getStream`, `putStream`; GET where the chain
 * ends without one). A body is kept where it is written as JSON. Arguments that are not literals
 * are left out: the request is checked without them.
 */
import { type CallInCode, JsText, urlLiteral } from "./js-literals";
import { literalJson } from "./js-values";
import { lastWord } from "./request-variables";

const API = /\.api\(\s*(?=["'`A-Za-z_$])/g;

/** The client's methods that send the request, with the HTTP method each sends. */
const SENDS: Record<string, string> = { get: "GET", getStream: "GET", post: "POST", put: "PUT", putStream: "PUT", patch: "PATCH", update: "PATCH", delete: "DELETE", del: "DELETE" };

/** The chained calls that add a system query option, by the option they add. */
const OPTIONS: Record<string, string> = { select: "$select", expand: "$expand", orderby: "$orderby", filter: "$filter", search: "$search", top: "$top", skip: "$skip", count: "$count", skipToken: "$skipToken" };

/** Whether `text` calls the Graph client's `api` with a literal. */
export function hasGraphClientCalls(text: string): boolean {
  return /\.api\(\s*["'`]/.test(text) || (/\.api\(\s*[A-Za-z_$]/.test(text) && graphClientCalls(text).length > 0);
}

export function graphClientCalls(text: string): CallInCode[] {
  const out: CallInCode[] = [];
  const js = new JsText(text);
  for (const m of text.matchAll(API)) {
    const from = m.index + m[0].length;
    const literal = urlLiteral(js, from);
    if (!literal || !/^\s*\)/.test(text.slice(literal.end, literal.end + 100))) continue;
    const path = literal.url.trim();
    const query: string[] = [];
    const headers: string[] = [];
    let method = "GET";
    let body: string | undefined;
    // The chain: `.name(arguments)` after `.api(…)`, over lines and comments, up to what is not one.
    let at = text.indexOf(")", literal.end) + 1;
    for (let calls = 0; calls < 100; calls++) {
      const link = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*\.\s*([A-Za-z_$][\w$]*)\s*\(/.exec(text.slice(at, at + 4096));
      if (!link) break;
      const open = at + link[0].length - 1;
      const close = js.closing(open);
      if (close === undefined) break;
      const name = link[1]!;
      const args = text.slice(open + 1, close).trim();
      at = close + 1;
      if (SENDS[name]) {
        method = SENDS[name]!;
        if (method !== "GET" && method !== "DELETE" && args) body = literalJson(js, open + 1, close);
        break;
      }
      const option = OPTIONS[name];
      const value = option && optionValue(name, new JsText(args));
      if (option && value !== undefined) query.push(`${option}=${value}`);
      if (name === "header") {
        const header = new JsText(args).literal(0);
        if (header) headers.push(header.value.toLowerCase());
      }
      if (name === "headers") headers.push(...[...args.matchAll(/(?:^|[{,])\s*["'`]?([A-Za-z][\w-]*)["'`]?\s*:/g)].map((h) => h[1]!.toLowerCase()));
    }
    const url = query.length ? `${path}${path.includes("?") ? "&" : "?"}${query.join("&")}` : path;
    out.push({ method, url, at: literal.start, ...(body !== undefined ? { body } : {}), headers });
  }
  return out;
}

/**
 * A query option's value from its call's arguments: a string or template literal as written, an
 * array of them joined by commas (`select(["subject", "from"])`), a number for `top` and `skip`,
 * `true` for `count` (its default); undefined where the argument is not a literal.
 */
function optionValue(name: string, js: JsText): string | undefined {
  const args = js.text;
  if (name === "count") return args === "" || args === "true" ? "true" : undefined;
  if (name === "top" || name === "skip") return /^\d+$/.test(args) ? args : undefined;
  if (args.startsWith("[")) {
    const items: string[] = [];
    const space = /\s*,?\s*/y;
    let i = 1;
    for (;;) {
      space.lastIndex = i;
      i += space.exec(args)![0].length;
      if (args[i] === "]") break;
      const item = js.literal(i);
      if (!item) return undefined;
      items.push(placeholders(item.value));
      i = item.end;
    }
    return items.length ? items.join(",") : undefined;
  }
  const literal = js.literal(0);
  return literal && literal.end === args.length ? placeholders(literal.value) : undefined;
}

/** A template literal's `{{name}}`s as the placeholders a filter takes (`{name}`). */
function placeholders(value: string): string {
  return value.replace(/\{\{([^{}]+)\}\}/g, (_, name: string) => `{${lastWord(name) ?? "value"}}`);
}
