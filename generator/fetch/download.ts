/**
 * One download of a metadata document with Node's `fetch` (`odatagen fetch`): redirects followed
 * (the user's headers to the URL's own origin only),
 * a time limit over the whole answer, a size limit, and each failure said as data: the HTTP status
 * with the start of the body, a network error, the time limit. A URL is shown without the user and
 * password it may hold (`shownUrl`); header values are never part of a message.
 */

import { askedForProxyCredentials, proxyCredentialsHint } from "./proxy-hint";

export interface DownloadOptions {
  /** Header name → value, sent as given (an `Accept` among them replaces the default). */
  headers: ReadonlyMap<string, string>;
  /** JSON (CSDL JSON) rather than XML: the `Accept` header sent unless `headers` has one. */
  json: boolean;
  /** The time limit for the whole answer, in milliseconds. */
  timeoutMs: number;
  /** The most bytes a document may have. */
  maxBytes: number;
  /** Said after a network error or the time limit: a proxy that is set and not used (fetch/proxy-hint.ts). */
  proxyHint?: string;
  /** Said where the proxy asked for credentials (407): how to give them (fetch/proxy-hint.ts). */
  proxyCredentialsHint?: string;
}

export type Downloaded = { ok: true; body: Buffer; url: string; redirected?: string; contentType: string } | { ok: false; problem: string; status?: number };

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

/** The redirects one download follows, as many as `fetch` follows. */
export const MAX_REDIRECTS = 20;

/**
 * `url` without its user and password, and `headers` with them as Basic authentication (as curl
 * sends them; `fetch` refuses such a URL), unless `headers` has an `Authorization` of its own.
 */
export function credentialsAsHeader(url: string, headers: ReadonlyMap<string, string>): { url: string; headers: ReadonlyMap<string, string> } {
  const u = new URL(url);
  if (!u.username && !u.password) return { url, headers };
  const own = new Map(headers);
  if (![...own.keys()].some((n) => n.toLowerCase() === "authorization"))
    own.set("Authorization", `Basic ${Buffer.from(`${unescaped(u.username)}:${unescaped(u.password)}`).toString("base64")}`);
  return { url: shownUrl(url), headers: own };
}

/** A URL's user or password with its %XX decoded; a `%` that starts none (`p%zz`) is sent as written, as curl sends it. */
function unescaped(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export async function download(url: string, options: DownloadOptions): Promise<Downloaded> {
  const shown = shownUrl(url);
  const given = credentialsAsHeader(url, options.headers);
  const headers = new Headers({ Accept: options.json ? ACCEPT_JSON : ACCEPT_XML });
  for (const [name, value] of given.headers) headers.set(name, value);
  const sent = headers.has("Authorization");
  const signal = AbortSignal.timeout(options.timeoutMs);
  const seconds = `${options.timeoutMs / 1000} s`;
  // Redirects are followed here, not by fetch: fetch drops only Authorization (and Cookie) on
  // the way to another origin, and the user's headers (an API key, sap-client) are the service's.
  let at = given.url;
  let sending = headers;
  let response: Response;
  for (let hops = 0; ; hops++) {
    try {
      response = await fetch(at, { headers: sending, redirect: "manual", signal });
    } catch (e) {
      return { ok: false, problem: failure(e, shown, seconds, options) };
    }
    const location = REDIRECTS.has(response.status) ? response.headers.get("location") : null;
    if (location === null) break;
    await response.body?.cancel().catch(() => {});
    const next = URL.canParse(location, at) ? new URL(location, at) : undefined;
    if (!next || !/^https?:$/.test(next.protocol)) return { ok: false, problem: `${shown} redirected to ${JSON.stringify(next ? shownUrl(next.href) : location)}, which is no http: or https: URL fetch can download` };
    // fetch refuses such a URL with a TypeError whose message holds it, the password too.
    if (next.username || next.password) return { ok: false, problem: `${shown} redirected to ${shownUrl(next.href)} with a user and password in the URL, which fetch does not follow (the URL's password is not shown)` };
    if (hops === MAX_REDIRECTS) return { ok: false, problem: `${shown} redirected more than ${MAX_REDIRECTS} times (a redirect loop? the last to ${shownUrl(next.href)})` };
    if (next.origin !== new URL(at).origin && sending === headers) sending = new Headers({ Accept: headers.get("Accept") ?? ACCEPT_XML });
    at = next.href;
  }
  let body: Buffer;
  try {
    body = await readBody(response, options.maxBytes);
  } catch (e) {
    if (e instanceof TooLarge) return { ok: false, problem: `${shown} sent more than ${options.maxBytes.toLocaleString("en-US")} bytes, more than a metadata document odatagen reads` };
    return { ok: false, problem: failure(e, shown, seconds, options) };
  }
  const redirected = at !== given.url ? shownUrl(at) : undefined;
  const final = redirected ? ` (redirected to ${redirected})` : "";
  if (!response.ok) {
    // A redirect to another origin got none: the header was not refused there, it never went.
    const dropped = sent && !sending.has("Authorization");
    const hint =
      response.status !== 401 && response.status !== 403 ? ""
      : dropped ? " (the Authorization header goes to the URL's own origin only, not to where it redirected: fetch that URL)"
      : sent ? " (the Authorization header sent was not accepted)"
      : " (the service wants credentials: send them with --header-from-env Authorization=VARIABLE, or --header 'Authorization: …')";
    return { ok: false, status: response.status, problem: `${shown}${final} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}${hint}${retryAfter(response)}${bodyStart(body)}` };
  }
  return { ok: true, body, url: at, redirected, contentType: response.headers.get("content-type") ?? "" };
}

/** The statuses whose `Location` fetch follows. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * A 429's or 503's `Retry-After`, said: a scheduled job can run again then. RFC 9110 §10.2.3: seconds
 * or an HTTP date; a value of neither form (`soon`) asks for nothing, and is not said.
 */
function retryAfter(response: Response): string {
  const value = response.headers.get("retry-after")?.trim();
  if (!value || (response.status !== 429 && response.status !== 503)) return "";
  const wait = /^\d+$/.test(value) ? `${value} s` : /^[A-Za-z]{3}/.test(value) && !Number.isNaN(Date.parse(value)) ? `until ${value}` : undefined;
  return wait ? `, asking to wait ${wait} (Retry-After)` : "";
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
function failure(e: unknown, shown: string, seconds: string, { proxyHint, proxyCredentialsHint: asked }: DownloadOptions): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  const proxy = proxyHint ? ` (${proxyHint})` : "";
  // fetch's own message is a bare `fetch failed`, its first cause `Request was cancelled.` with the code 0.
  if (askedForProxyCredentials(e)) return `cannot download ${shown}: ${asked ?? proxyCredentialsHint({}, shown)}`;
  if (err.name === "TimeoutError" || err.name === "AbortError") return `${shown} did not answer within ${seconds} (--timeout sets the limit)${proxy}`;
  const cause = err.cause?.code ?? err.cause?.message;
  return `cannot download ${shown}: ${err.message}${cause ? ` (${cause})` : ""}${proxy}`;
}

/** The start of an error answer's body, on one line: the service's words (an OData error's code and message) help most. */
function bodyStart(body: Buffer): string {
  const text = body.subarray(0, 2000).toString("utf8").replace(/\s+/g, " ").trim();
  if (!text) return "";
  return `: ${text.length > 200 ? `${text.slice(0, 199)}…` : text}`;
}
