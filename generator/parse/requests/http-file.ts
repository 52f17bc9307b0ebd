/**
 * The requests of an HTTP file (`.http`, `.rest`), as VS Code's REST Client, JetBrains' HTTP Client
 * and Visual Studio write them: requests separated by `###` lines (the text after one names the
 * request, as `# @name x` does), each a request line (`PATCH {{graph}}/me HTTP/1.1`, or a URL
 * alone for GET; its query may go on over lines that start with `?` or `&`), its headers, a blank
 * line and its body; `#` and `//` comments; file variables (`@graph = https://…`) put in where
 * the URL names them, the others read as placeholders (request-variables.ts).
 */
import { isRequestMethod, notRequestMethod } from "../../request-methods";
import type { ListedRequest, RequestList } from "./request-list";
import { withVariables } from "./request-variables";

const SEPARATOR = /^\s*###/;
const VARIABLE = /^\s*@([A-Za-z_][\w.-]*)\s*=(.*)$/;
const COMMENT = /^\s*(#|\/\/)/;
const HEADER = /^\s*([A-Za-z][\w-]*)\s*:(?!\/\/)/;
/** A request line: a method and a URL (whole, a path, or starting with a variable; its query may hold spaces, which the client encodes), or a URL alone. */
const REQUEST = /^(\s*)(?:([A-Za-z]+)\s+)?((?:[a-z][a-z\d+.-]*:\/\/|\/|\{\{)(?:.*?\S)?)(?:\s+HTTP\/\d(?:\.\d)?)?\s*$/i;

/**
 * Whether `text` is an HTTP file rather than a list of one request a line: it has a file
 * variable, a `###` separator before a request, a request line that names a `{{variable}}`, or one
 * followed by a header. (A list with curl commands is a list.)
 */
export function isHttpFile(text: string): boolean {
  if (/^[ \t]*curl\s/m.test(text)) return false;
  const lines = text.split(/\r?\n/);
  let separated = false;
  return lines.some((line, i) => {
    if (VARIABLE.test(line)) return true;
    const request = REQUEST.exec(line);
    if (!request) return void (separated ||= SEPARATOR.test(line));
    // A separator before a request, a variable in one, or a header after one.
    return separated || request[3]!.includes("{{") || (HEADER.test(lines[i + 1] ?? "") && !REQUEST.test(lines[i + 1]!));
  });
}

/** The file's requests, each at its URL's line and column, with its body and its headers' names. */
export function httpFileRequests(text: string): RequestList {
  const lines = text.split(/\r?\n/);
  const variables = new Map<string, string>();
  for (const line of lines) {
    const v = VARIABLE.exec(line);
    if (v) variables.set(v[1]!, v[2]!.trim());
  }
  const requests: ListedRequest[] = [];
  let state: "before" | "query" | "headers" | "body" = "before";
  let name: string | undefined;
  let current: { request: ListedRequest; url: string; headers: string[]; body: string[] } | undefined;
  const finish = () => {
    if (current) {
      const body = bodyOf(current.body, variables);
      const { request } = current;
      request.path = withVariables(current.url, variables);
      if (body !== undefined) request.body = body;
      if (current.headers.length) request.headers = current.headers;
      requests.push(request);
    }
    [current, state, name] = [undefined, "before", undefined];
  };
  lines.forEach((line, i) => {
    if (SEPARATOR.test(line)) {
      finish();
      name = line.replace(SEPARATOR, "").replace(/^#+/, "").trim() || undefined;
      return;
    }
    // A request line right after another's (a list with ### headings): a request of its own.
    if ((state === "query" || state === "headers") && REQUEST.test(line) && !HEADER.test(line)) finish();
    if (state === "before") {
      const named = /^\s*(?:#|\/\/)\s*@name\s+(\S+)/.exec(line);
      if (named) name = named[1];
      if (!line.trim() || COMMENT.test(line) || VARIABLE.test(line)) return;
      const r = REQUEST.exec(line);
      const at = name ? { at: name } : {};
      if (!r) {
        requests.push({ method: "", path: line.trim(), line: i + 1, column: line.search(/\S/) + 1, ...at, problem: `${line.trim()} is no request line: a request is [METHOD] <url> [HTTP/1.1], then its headers, a blank line and its body` });
        state = "body"; // the rest, up to the next ###, is this request's
        return;
      }
      const method = (r[2] ?? "GET").toUpperCase();
      const column = line.indexOf(r[3]!, r[1]!.length + (r[2]?.length ?? 0)) + 1;
      const request: ListedRequest = { method, path: r[3]!, line: i + 1, column, ...at, ...(isRequestMethod(method) ? {} : { problem: notRequestMethod(method) }) };
      current = { request, url: r[3]!, headers: [], body: [] };
      state = "query";
      return;
    }
    if (state === "query" || state === "headers") {
      if (state === "query" && /^\s*[?&]/.test(line)) return void (current && (current.url += line.trim()));
      if (!line.trim()) return void (state = "body");
      if (COMMENT.test(line)) return;
      state = "headers";
      const header = HEADER.exec(line);
      if (header && current) current.headers.push(header[1]!.toLowerCase());
      return;
    }
    current?.body.push(line);
  });
  finish();
  return { requests, skipped: new Map() };
}

/**
 * A request's body: its lines up to the next request, less a response handler (`> {% … %}`,
 * `> ./handler.js`) or a response reference (`<> ./previous.json`) after it, with the file's
 * variables put in; none for a body read from a file (`< ./body.json`) or an empty one.
 */
function bodyOf(lines: readonly string[], variables: ReadonlyMap<string, string>): string | undefined {
  const kept = [...lines];
  while (kept.length && (!kept[kept.length - 1]!.trim() || /^\s*(<>|>>?!?)\s/.test(kept[kept.length - 1]!) || /%}\s*$/.test(kept[kept.length - 1]!))) {
    // A handler's script spans lines, from `> {%` to `%}`.
    const last = kept.pop()!;
    if (/%}\s*$/.test(last) && !/^\s*>\s*\{%/.test(last)) while (kept.length && !/^\s*>\s*\{%/.test(kept.pop()!));
  }
  const text = kept.join("\n").trim();
  if (!text || /^<\s/.test(text)) return undefined;
  return text.replace(/\{\{([^{}]+)\}\}/g, (whole, name: string) => variables.get(name.trim()) ?? whole);
}
