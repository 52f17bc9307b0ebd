/**
 * What a program's `new URL(input, base)` and its URL's `searchParams` calls make of a URL, as
 * text (its `{{name}}` placeholders kept as written): the WHATWG URL Standard's resolution of a
 * reference against a base (an absolute input as it is; `/path` from the base's origin; `?query`
 * and `#fragment` on the base's path; another path beside the base's last segment, `.` and `..`
 * segments removed), and `set`, `append` and `delete` of a query parameter, written as documentation
 * writes a query (`$select=id`, only what would end a name or value percent-encoded).
 */

const ABSOLUTE = /^[a-z][a-z\d+.-]*:/i;
const ORIGIN = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i;

/** `input` resolved against `base`, as `new URL(input, base)` does; undefined where the base is no absolute URL. */
export function resolveUrl(input: string, base: string): string | undefined {
  if (ABSOLUTE.test(input)) return input;
  const origin = ORIGIN.exec(base)?.[0];
  if (origin === undefined) return undefined;
  const withoutFragment = base.replace(/#.*$/s, "");
  if (input.startsWith("#")) return withoutFragment + input;
  const path = withoutFragment.replace(/\?.*$/s, "");
  if (input.startsWith("?")) return path + input;
  if (input.startsWith("//")) return /^[^:]+:/.exec(base)![0] + input;
  const [pathPart, rest] = splitQuery(input);
  const joined = pathPart.startsWith("/") ? pathPart : path.slice(origin.length).replace(/[^/]*$/, "") + pathPart;
  return origin + withoutDots(joined.startsWith("/") ? joined : `/${joined}`) + rest;
}

/** A URL's query changed by `searchParams.set`, `append` or `delete` of `name` (with `value`). */
export function changeQuery(url: string, change: "set" | "append" | "delete", name: string, value = ""): string {
  const [path, rest] = splitQuery(url);
  const fragment = /#.*$/s.exec(rest)?.[0] ?? "";
  const pairs = rest.slice(1, rest.length - fragment.length).split("&").filter(Boolean);
  const written = `${queryText(name, true)}=${queryText(value)}`;
  const same = (pair: string) => pair.split("=")[0] === queryText(name, true);
  let out = pairs;
  if (change === "append") out = [...pairs, written];
  else {
    const first = pairs.findIndex(same);
    out = pairs.filter((p) => !same(p));
    if (change === "set") out.splice(first < 0 ? out.length : first, 0, written);
  }
  return `${path}${out.length ? `?${out.join("&")}` : ""}${fragment}`;
}

/** `text` in a query as documentation writes it: only `%`, `&`, `#`, `+` (a space when read) and, in a name, `=` percent-encoded. */
export function queryText(text: string, name = false): string {
  return text.replace(name ? /[%&#+=]/g : /[%&#+]/g, (c) => encodeURIComponent(c));
}

/** A URL's path and the rest (`?…`, `#…`). */
function splitQuery(url: string): [string, string] {
  const at = url.search(/[?#]/);
  return at < 0 ? [url, ""] : [url.slice(0, at), url.slice(at)];
}

/** A path with its `.` and `..` segments removed (RFC 3986 §5.2.4). */
function withoutDots(path: string): string {
  const out: string[] = [];
  const segments = path.split("/").slice(1);
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === "..") {
      if (out.length > 0) out.pop();
      if (last) out.push("");
    } else if (segment === ".") {
      if (last) out.push("");
    } else out.push(segment);
  });
  return `/${out.join("/")}`;
}
