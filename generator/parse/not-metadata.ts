/**
 * What an input is when it is not metadata but what a failed download leaves in its place: an OData
 * error response (JSON Format §21, or its XML form, SAP Gateway's too) or an HTML page (a sign-in or
 * error page). The messages say so, with the service's own words where it gave some.
 */

const GIVE = "give odatagen a CSDL XML or CSDL JSON document ($metadata)";

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
 * An HTML page (`<!DOCTYPE html>` or an `<html>` root, after any XML declaration, comments and white
 * space): where it starts, and its title (from the first 64 KB, shortened), else undefined.
 */
export function htmlPage(text: string): { at: number; message: string } | undefined {
  const start = /^\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--[\s\S]{0,2000}?-->\s*)*(?=<(?:!doctype\s+html|html)[\s>])/i.exec(text.slice(0, 4096));
  if (!start) return undefined;
  const found = /<title[^>]{0,200}>([^<]{0,200})/i.exec(text.slice(0, 65536))?.[1]?.replace(/\s+/g, " ").trim() ?? "";
  const title = found.length > 80 ? `${found.slice(0, 79)}…` : found;
  return { at: start[0].length, message: `the input is an HTML page${title ? ` ("${title}")` : ""}, not metadata: a sign-in or error page saved in place of the service's $metadata? ${GIVE[0]!.toUpperCase()}${GIVE.slice(1)}` };
}
