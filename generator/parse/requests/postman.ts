/**
 * The requests of a Postman collection (format 2.0 and 2.1, what Postman's "Export" writes: Graph's
 * published collection is one), each at the line and column of its URL, named by its folders and
 * its name (`Users / Get a user`). Variables are read as Postman reads them: the collection's own
 * (`variable`) are put in; one it does not define (an environment's, `{{UserId}}`) is a
 * placeholder, `{UserId}`, as documentation writes one, and one that starts the URL
 * (`{{baseUrl}}/me`) stands for the service root. A path variable (`/users/:id`) is a placeholder
 * too. Each request keeps its body (`raw` mode) and the names of the headers it sends; the
 * responses a collection saves are examples, not answers, and are not read.
 */
import type { JsonPath } from "../../config/json-syntax";
import type { ListedRequest } from "./request-list";
import { withVariables } from "./request-variables";

/** Whether a parsed JSON document is a Postman collection: its `info.schema` says so, or it has items and no HAR log. */
export function isPostmanCollection(doc: unknown): boolean {
  const d = doc as { info?: { schema?: unknown }; item?: unknown; log?: unknown } | null;
  if (typeof d?.info?.schema === "string" && /getpostman\.com/.test(d.info.schema)) return true;
  return Array.isArray(d?.item) && d?.log === undefined;
}

interface PostmanRequest {
  method?: unknown;
  url?: unknown;
  header?: unknown;
  body?: { mode?: unknown; raw?: unknown; disabled?: unknown };
}

interface PostmanItem {
  name?: unknown;
  item?: unknown;
  request?: unknown;
}

/**
 * The collection's requests, in its order (a folder's in place), each with `at` naming it, and how
 * many folders nested deeper than 64 were left unread.
 * `urlAt(path)` gives where the value at a JSON path starts (its opening quote), where known.
 */
export function postmanRequests(doc: unknown, urlAt: (path: JsonPath) => { line: number; column: number } | undefined): { requests: ListedRequest[]; tooDeep: number } {
  const variables = new Map<string, string>();
  const listed = (doc as { variable?: unknown }).variable;
  if (Array.isArray(listed)) {
    for (const v of listed as ({ key?: unknown; value?: unknown; disabled?: unknown } | null)[]) {
      if (typeof v?.key === "string" && typeof v.value === "string" && v.value && v.disabled !== true) variables.set(v.key, v.value);
    }
  }
  const requests: ListedRequest[] = [];
  let tooDeep = 0;
  // Depth first, in document order, without recursion; folders nested deeper than MAX_FOLDERS
  // (a hostile collection's: each request names its folders) are counted, not read.
  const stack: { items: unknown[]; at: number; path: JsonPath; names: string[] }[] = [];
  const top = (doc as { item?: unknown }).item;
  if (Array.isArray(top)) stack.push({ items: top, at: 0, path: ["item"], names: [] });
  while (stack.length) {
    const level = stack[stack.length - 1]!;
    if (level.at >= level.items.length) {
      stack.pop();
      continue;
    }
    const index = level.at++;
    const item = level.items[index] as PostmanItem | null;
    const path = [...level.path, index];
    const name = typeof item?.name === "string" && item.name.trim() ? item.name.trim() : `item ${index + 1}`;
    if (Array.isArray(item?.item)) {
      if (stack.length >= MAX_FOLDERS) tooDeep++;
      else stack.push({ items: item.item, at: 0, path: [...path, "item"], names: [...level.names, name] });
      continue;
    }
    if (item?.request === undefined) continue;
    requests.push(requestOf(item.request, [...path, "request"], [...level.names, name].join(" / "), variables, urlAt));
  }
  return { requests, tooDeep };
}

/** How deep folders may nest (Postman's own interface shows a handful of levels). */
const MAX_FOLDERS = 64;

/** The longest JSON path to a request's URL in folders that deep: `item`, its index, per level, then `request`, `url`, `raw`. */
export const POSTMAN_PATH_DEPTH = 2 * (MAX_FOLDERS + 1) + 3;

function requestOf(given: unknown, path: JsonPath, at: string, variables: ReadonlyMap<string, string>, urlAt: (path: JsonPath) => { line: number; column: number } | undefined): ListedRequest {
  // A request may be a URL alone (format 2.x allows a string), read with GET.
  const request: PostmanRequest = typeof given === "string" ? { url: given } : ((given ?? {}) as PostmanRequest);
  const method = typeof request.method === "string" ? request.method.toUpperCase() : "GET";
  const url = request.url as string | UrlObject | undefined;
  const raw = typeof url === "string" ? url : typeof url?.raw === "string" ? url.raw : typeof url === "object" && url !== null ? fromParts(url) : undefined;
  const place = (typeof given === "string" ? urlAt(path) : typeof url === "object" && url !== null && typeof url.raw === "string" ? urlAt([...path, "url", "raw"]) : urlAt([...path, "url"])) ?? { line: 0, column: 0 };
  if (raw === undefined || !raw.trim()) return { method, path: "", ...place, at, problem: "the request has no url" };
  const headers = Array.isArray(request.header)
    ? (request.header as ({ key?: unknown; disabled?: unknown } | null)[]).flatMap((h) => (typeof h?.key === "string" && h.disabled !== true ? [h.key.toLowerCase()] : []))
    : undefined;
  const body = request.body?.mode === "raw" && typeof request.body.raw === "string" && request.body.raw.trim() && request.body.disabled !== true ? request.body.raw : undefined;
  return { method, path: withVariables(raw.trim(), variables, true), ...place, at, ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}) };
}

/** A request's `url` as an object (format 2.0 may leave out `raw`). */
interface UrlObject {
  raw?: unknown;
  protocol?: unknown;
  host?: unknown;
  path?: unknown;
  query?: unknown;
}

/** A URL put together from its parts, where an object gives no `raw`: `protocol://host/path?query`; undefined where it has no host or path. */
function fromParts(url: UrlObject): string | undefined {
  const joined = (x: unknown, by: string) => (typeof x === "string" ? x : Array.isArray(x) ? x.filter((p): p is string => typeof p === "string").join(by) : "");
  const host = joined(url.host, ".");
  const path = joined(url.path, "/").replace(/^\/+/, "");
  if (!host && !path) return undefined;
  const query = Array.isArray(url.query)
    ? (url.query as ({ key?: unknown; value?: unknown; disabled?: unknown } | null)[]).flatMap((q) => (typeof q?.key === "string" && q.disabled !== true ? [typeof q.value === "string" ? `${q.key}=${q.value}` : q.key] : [])).join("&")
    : "";
  // A host that is a variable alone (`{{baseUrl}}`) stands for the root, scheme and all.
  const protocol = typeof url.protocol === "string" && url.protocol ? url.protocol : /^\{\{[^{}]+\}\}$/.test(host) ? "" : "https";
  const origin = host ? (protocol ? `${protocol}://${host}` : host) : "";
  return `${origin}/${path}${query ? `?${query}` : ""}`;
}
