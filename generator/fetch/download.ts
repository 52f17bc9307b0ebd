/**
 * One download of a metadata document with Node's `fetch` (`odatagen fetch`): redirects followed,
 * a time limit over the whole answer, a size limit, and each failure said as data: the HTTP status
 * with the start of the body, a network error, the time limit. A URL is shown without the user and
 * password it may hold (`shownUrl`); header values are never part of a message.
 */

export interface DownloadOptions {
  /** Header name → value, sent as given (an `Accept` among them replaces the default). */
  headers: ReadonlyMap<string, string>;
  /** JSON (CSDL JSON) rather than XML: the `Accept` header sent unless `headers` has one. */
  json: boolean;
  /** The time limit for the whole answer, in milliseconds. */
  timeoutMs: number;
  /** The most bytes a document may have. */
  maxBytes: number;
}

export type Downloaded = { ok: true; body: Buffer; url: string; contentType: string } | { ok: false; problem: string; status?: number };

export const ACCEPT_XML = "application/xml";
export const ACCEPT_JSON = "application/json";

/** `url` as messages show it: without a user and password (`https://user:secret@host/…` → `https://host/…`). */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    return u.href;
  } catch {
    return url;
  }
}

export async function download(url: string, options: DownloadOptions): Promise<Downloaded> {
  const shown = shownUrl(url);
  const headers = new Headers();
  let target = url;
  const u = new URL(url);
  // fetch refuses a URL with credentials: they become Basic authentication, as curl sends them.
  if (u.username || u.password) {
    headers.set("Authorization", `Basic ${Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString("base64")}`);
    target = shown;
  }
  headers.set("Accept", options.json ? ACCEPT_JSON : ACCEPT_XML);
  for (const [name, value] of options.headers) headers.set(name, value);
  const signal = AbortSignal.timeout(options.timeoutMs);
  const seconds = `${options.timeoutMs / 1000} s`;
  let response: Response;
  try {
    response = await fetch(target, { headers, redirect: "follow", signal });
  } catch (e) {
    return { ok: false, problem: failure(e, shown, seconds) };
  }
  let body: Buffer;
  try {
    body = await readBody(response, options.maxBytes);
  } catch (e) {
    if (e instanceof TooLarge) return { ok: false, problem: `${shown} sent more than ${options.maxBytes.toLocaleString("en-US")} bytes, more than a metadata document odatagen reads` };
    return { ok: false, problem: failure(e, shown, seconds) };
  }
  const final = response.url && response.url !== target ? ` (redirected to ${shownUrl(response.url)})` : "";
  if (!response.ok) {
    const sent = headers.has("Authorization");
    const hint = response.status !== 401 && response.status !== 403 ? "" : sent ? " (the Authorization header sent was not accepted)" : " (the service wants credentials: send them with --header-from-env Authorization=VARIABLE, or --header 'Authorization: …')";
    return { ok: false, status: response.status, problem: `${shown}${final} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}${hint}${bodyStart(body)}` };
  }
  return { ok: true, body, url: response.url || target, contentType: response.headers.get("content-type") ?? "" };
}

class TooLarge extends Error {}

async function readBody(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get("content-length"));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new TooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A network error or the time limit, as one sentence. */
function failure(e: unknown, shown: string, seconds: string): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === "TimeoutError" || err.name === "AbortError") return `${shown} did not answer within ${seconds} (--timeout sets the limit)`;
  const cause = err.cause?.code ?? err.cause?.message;
  return `cannot download ${shown}: ${err.message}${cause ? ` (${cause})` : ""}`;
}

/** The start of an error answer's body, on one line: the service's words (an OData error's code and message) help most. */
function bodyStart(body: Buffer): string {
  const text = body.subarray(0, 2000).toString("utf8").replace(/\s+/g, " ").trim();
  if (!text) return "";
  return `: ${text.length > 200 ? `${text.slice(0, 199)}…` : text}`;
}
