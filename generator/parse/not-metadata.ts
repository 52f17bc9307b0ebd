/**
 * What an input is when it is not metadata but what a failed download leaves in its place: an OData
 * error response (JSON Format §21, or its XML form, SAP Gateway's too) or an HTML page (a sign-in or
 * error page). The messages say so, with the service's own words where it gave some.
 */

/** What every message about an input that is not metadata ends with. */
export const GIVE = "give odatagen a CSDL XML or CSDL JSON document ($metadata)";

/** The message for an error response whose code and message are `said` (`"code: message"`). */
export function errorResponseMessage(said: string): string {
  return `the input is an OData error response, not metadata (${said}): the service refused the request for its $metadata; ${GIVE}`;
}

/** The code and message of an XML error response (`<error><code>…</code><message>…</message></error>`), from its first 64 KB. */
export function xmlErrorSaid(text: string): string {
  const part = (name: string) => new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]{0,200}>([^<]{0,300})<`).exec(text.slice(0, 65536))?.[1]?.trim();
  return [part("code"), part("message")].filter((t): t is string => !!t).join(": ") || "no code or message";
}

/**
 * An input with nothing in it, no bytes, a byte-order mark alone or only white space (as a download
 * that failed before its body, or a redirect saved by `curl -o` without `-L`, leaves it), read as
 * decoded with its byte-order mark: the message, else undefined.
 */
export function emptyInput(content: string): string | undefined {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  if (/[^ \t\r\n]/.test(text)) return undefined;
  const what = text.length ? "white space only" : content.length ? "a byte-order mark only" : "no bytes";
  return `the input is empty (${what}), not metadata: a download that saved nothing? ${GIVE[0]!.toUpperCase()}${GIVE.slice(1)}`;
}

/**
 * An HTML page (`<!DOCTYPE html>` or an `<html>` root, after any XML declaration, comments and white
 * space, within the first 4 KB): where it starts, and its title (from the first 64 KB, shortened),
 * else undefined. Read by a scan, not one regular expression: a pattern of repeated comments
 * backtracked exponentially on a licence header of many comment lines (25 took 55 s).
 */
export function htmlPage(text: string): { at: number; message: string } | undefined {
  const head = text.slice(0, 4096);
  const blank = (from: number) => from + (/^\s*/.exec(head.slice(from))?.[0].length ?? 0);
  let at = blank(0);
  if (head.startsWith("<?xml", at)) {
    const end = head.indexOf("?>", at);
    if (end < 0) return undefined;
    at = blank(end + 2);
  }
  while (head.startsWith("<!--", at)) {
    const end = head.indexOf("-->", at + 4);
    if (end < 0) return undefined;
    at = blank(end + 3);
  }
  if (!/^<(?:!doctype\s+html|html)[\s>]/i.test(head.slice(at, at + 20))) return undefined;
  const found = /<title[^>]{0,200}>([^<]{0,200})/i.exec(text.slice(0, 65536))?.[1]?.replace(/\s+/g, " ").trim() ?? "";
  const title = found.length > 80 ? `${found.slice(0, 79)}…` : found;
  return { at, message: `the input is an HTML page${title ? ` ("${title}")` : ""}, not metadata: a sign-in or error page saved in place of the service's $metadata? ${GIVE[0]!.toUpperCase()}${GIVE.slice(1)}` };
}
