// Runtime for the generated request functions: the client, typed errors, resource addresses, the
// OData literal and URL encoding they need, paging, retries and concurrency. It uses only the
// platform's `fetch`, `URL`, `AbortSignal` and `setTimeout`, so it runs in Node 18+ and browsers.
import { ValidationFailedError, type ValidationResult } from "./validation.js";

// ---------------------------------------------------------------------------------------------
// Client

export interface RetryPolicy {
  /** Retries after the first attempt (default 3); 0 disables retrying. */
  maxRetries?: number;
  /** Wait before the first retry when the response has no `Retry-After`, doubled per retry (default 1000). */
  delayMs?: number;
  /** Longest wait; a `Retry-After` asking for more gives up and rejects (default 60000). */
  maxDelayMs?: number;
}

export interface ClientOptions {
  /** The service root, e.g. `https://graph.microsoft.com/v1.0`. */
  baseUrl: string;
  /** A `fetch` to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: typeof fetch;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Returns a bearer token for the `Authorization` header; called before every attempt. */
  getToken?: () => string | undefined | Promise<string | undefined>;
  /** Retries of requests answered 429 Too Many Requests or 503 Service Unavailable. */
  retry?: RetryPolicy;
}

export interface Client {
  readonly baseUrl: string;
  readonly options: ClientOptions;
}

export function createClient(options: ClientOptions): Client {
  if (!options || typeof options.baseUrl !== "string") throw new TypeError("createClient: baseUrl is required");
  return { baseUrl: options.baseUrl.replace(/\/+$/, ""), options };
}

/** A generated validator (`validateSession`, …); passing one checks the response before it resolves. */
export type Validator = (value: unknown) => ValidationResult;

export interface RequestOptions {
  signal?: AbortSignal;
  /** Extra headers for this request. */
  headers?: Record<string, string>;
}

export interface ReadOptions extends RequestOptions {
  /** Checks the returned entity (or each entity of a page); rejects with ValidationFailedError. */
  validate?: Validator;
}

export interface WriteOptions extends ReadOptions {
  /** `Prefer: return=representation` asks for the entity back, `return=minimal` for 204 No Content. */
  prefer?: "return=representation" | "return=minimal";
}

export interface ChangeOptions extends WriteOptions {
  /**
   * The entity's `@odata.etag`, sent as `If-Match` (`*` matches any version). Required where the
   * entity set has `Core.OptimisticConcurrency`; taken from the body's `@odata.etag` when absent.
   */
  etag?: string;
}

export interface UpdateOptions extends ChangeOptions {
  /** Replace the whole entity with PUT instead of PATCH. */
  replace?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Typed query options (OData URL Conventions §5.1)

/** Marks a navigation property to `T` whose own navigation properties are described by `N`. */
export interface Nav<T, N> {
  readonly __target?: T;
  readonly __navigation?: N;
}

/** Every property name of `T`, over all members when `T` is a union. */
export type KeysOf<T> = T extends unknown ? keyof T & string : never;

/** The structural property names of `T` (navigation properties `N` and `@` annotations left out). */
export type PropertyName<T, N> = Exclude<KeysOf<T>, keyof N | `@${string}`>;

/** `$orderby` items: a property name with an optional direction, or any other expression. */
export type OrderBy<P extends string> = P | `${P} asc` | `${P} desc` | (string & {});

type NestedOptions<X> = X extends Nav<infer T, infer M> ? QueryParts<T, M, PropertyName<T, M>> : never;

/** `$expand`: navigation property names, or per navigation property nested options. */
export type Expand<N> = readonly (keyof N & string)[] | { readonly [K in keyof N & string]?: true | NestedOptions<N[K]> };

export interface QueryParts<T, N = {}, S extends string = PropertyName<T, N>> {
  select?: readonly S[];
  expand?: Expand<N>;
  filter?: string;
  orderby?: OrderBy<PropertyName<T, N>> | readonly OrderBy<PropertyName<T, N>>[];
  top?: number;
  skip?: number;
  search?: string;
  count?: boolean;
}

export interface QueryOptions<T, N = {}, S extends string = PropertyName<T, N>> extends ReadOptions, QueryParts<T, N, S> {}

/** Control information a service may add to an entity (OData JSON Format §4.5). */
export interface ControlInfo {
  "@odata.etag"?: string;
  "@odata.id"?: string;
  "@odata.editLink"?: string;
  "@odata.context"?: string;
}

/** What a create resolves with: the entity, or nothing when `prefer: "return=minimal"` asked for 204. */
export type Created<T, O> = O extends { prefer: "return=minimal" } ? undefined : T & ControlInfo;

/** The entity as read: all of `T` without `$select`, else only the selected properties (and expanded ones). */
export type Selected<T, S extends string, N = {}> = ([S] extends [never] ? T : T extends unknown ? Pick<T, Extract<S | keyof N | "@odata.type", keyof T>> : never) & ControlInfo;

/** One page of a collection (OData JSON Format §12). */
export interface Page<T> {
  value: T[];
  "@odata.count"?: number;
  "@odata.nextLink"?: string;
  "@odata.context"?: string;
}

// ---------------------------------------------------------------------------------------------
// Errors

/** A non-2xx response, with the service's `{ "error": { code, message, ... } }` when it sent one. */
export class ODataError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly innerError: unknown,
    readonly requestId: string | undefined,
    readonly body: unknown,
  ) {
    super(message);
    this.name = "ODataError";
  }
}

function toError(response: Response, body: unknown): ODataError {
  const o = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const err = typeof o.error === "object" && o.error !== null ? (o.error as Record<string, unknown>) : o;
  const inner = err.innerError ?? err.innererror;
  const innerId = typeof inner === "object" && inner !== null ? (inner as Record<string, unknown>)["request-id"] : undefined;
  const requestId =
    response.headers.get("request-id") ?? response.headers.get("x-ms-request-id") ?? (typeof innerId === "string" ? innerId : undefined);
  const code = typeof err.code === "string" || typeof err.code === "number" ? String(err.code) : String(response.status);
  const message =
    typeof err.message === "string" ? err.message : typeof body === "string" && body ? body : `${response.status} ${response.statusText}`.trim();
  return new ODataError(response.status, code, message, inner, requestId ?? undefined, body);
}

// ---------------------------------------------------------------------------------------------
// Addresses

/** How a key property or parameter is written as a literal (OData URL Conventions §5.1.1.1). */
export type KeyKind =
  | "String" | "Guid" | "Int16" | "Int32" | "Int64" | "Byte" | "SByte" | "Decimal" | "Double" | "Single"
  | "Boolean" | "Date" | "DateTimeOffset" | "TimeOfDay" | "Duration" | "Binary" | `enum:${string}`;

/** The key of an entity type: `[property name, literal kind]` per key property. */
export type KeySpec = readonly (readonly [string, KeyKind])[];

export type KeyValue = string | number | bigint | boolean | Date;

/** Per entity set or singleton: optimistic concurrency, and where non-contained navigation leads. */
export interface SetInfo {
  /** `Core.OptimisticConcurrency`: changes need `If-Match`. */
  etag?: boolean;
  /** NavigationPropertyBinding: path (through containment) → target entity set or singleton. */
  bindings?: Readonly<Record<string, string>>;
}

/** What the generated module knows about its service's entity container. */
export interface Service {
  keyAsSegment: boolean;
  sets: Readonly<Record<string, SetInfo>>;
}

/** Where a resource sits: its entity set and the containment path from that set's entities. */
interface Origin {
  service: Service;
  set?: string;
  /** Containment path below the set's entity, e.g. `Trips/PlanItems`. */
  within: string;
}

abstract class Ref {
  constructor(
    readonly path: string,
    protected readonly origin: Origin,
  ) {}

  /** Whether changing entities here needs `If-Match` (the entity set has `Core.OptimisticConcurrency`). */
  get requiresEtag(): boolean {
    const set = this.origin.set;
    return set !== undefined && !this.origin.within && this.origin.service.sets[set]?.etag === true;
  }

  /** The entity set or singleton these entities belong to, when the metadata tells. */
  get entitySet(): string | undefined {
    return this.origin.set;
  }

  protected follow(name: string, contained: boolean): Origin {
    const { service, set, within } = this.origin;
    const path = within ? `${within}/${name}` : name;
    const bound = set !== undefined ? service.sets[set]?.bindings?.[path] : undefined;
    if (bound !== undefined) return { service, set: bound.replace(/^.*\//, ""), within: "" };
    return contained && set !== undefined ? { service, set, within: path } : { service, within: "" };
  }
}

/** The address of one entity (OData URL Conventions §4.3). */
export class EntityRef<T> extends Ref {
  declare readonly __entity?: T;

  /** A single-valued navigation property of this entity. */
  nav<U>(name: string, contained = false): EntityRef<U> {
    return new EntityRef<U>(`${this.path}/${encodeSegment(name)}`, this.follow(name, contained));
  }

  /** A collection-valued navigation property of this entity. */
  collection<U, K>(name: string, key: KeySpec, contained = false): CollectionRef<U, K> {
    return new CollectionRef<U, K>(`${this.path}/${encodeSegment(name)}`, this.follow(name, contained), key);
  }

  /** A stream property of this entity (`…/Photo`), or with no name the media resource (`…/$value`). */
  stream(name?: string): StreamRef {
    return { path: `${this.path}/${name === undefined ? "$value" : encodeSegment(name)}` };
  }

  /** This entity seen as a derived type (`…/Namespace.Type`, URL Conventions §4.11). */
  cast<U>(qualifiedName: string): EntityRef<U> {
    return new EntityRef<U>(`${this.path}/${encodeSegment(qualifiedName)}`, this.origin);
  }
}

/** The address of a collection of entities: an entity set or a collection-valued navigation. */
export class CollectionRef<T, K = KeyValue> extends Ref {
  declare readonly __entity?: T;
  constructor(
    path: string,
    origin: Origin,
    readonly key: KeySpec,
  ) {
    super(path, origin);
  }

  /** One member of the collection by its key (`/set/key` or `/set('key')`, as the service expects). */
  byKey(key: K): EntityRef<T> {
    const suffix = keySuffix(this.key, key as unknown as KeyValue | Record<string, KeyValue>, this.origin.service.keyAsSegment);
    return new EntityRef<T>(this.path + suffix, this.origin);
  }

  /** The members of this collection that are of a derived type (`…/Namespace.Type`). */
  cast<U>(qualifiedName: string, key: KeySpec = this.key): CollectionRef<U, K> {
    return new CollectionRef<U, K>(`${this.path}/${encodeSegment(qualifiedName)}`, this.origin, key);
  }
}

/** The address of a stream: a media entity's `$value` or a stream property. */
export interface StreamRef {
  readonly path: string;
}

/** The singleton or entity set `name` under the service root. */
export function root<T>(service: Service, name: string): EntityRef<T> {
  return new EntityRef<T>(`/${encodeSegment(name)}`, { service, set: name, within: "" });
}

export function rootCollection<T, K>(service: Service, name: string, key: KeySpec): CollectionRef<T, K> {
  return new CollectionRef<T, K>(`/${encodeSegment(name)}`, { service, set: name, within: "" }, key);
}

/**
 * Percent-encodes one path segment so that it stays one segment: `/`, `?`, `#`, `%` are encoded.
 * (`.` and `..` cannot be protected by encoding: URL parsers treat `%2E%2E` as `..`; keys avoid them.)
 */
export function encodeSegment(text: string): string {
  return encodeURIComponent(text);
}

/** A value written as an OData literal (URL Conventions §5.1.1.1), not yet percent-encoded. */
export function literal(kind: KeyKind, value: KeyValue): string {
  const text = value instanceof Date ? dateText(kind, value) : String(value);
  switch (kind) {
    case "String":
      return `'${text.replace(/'/g, "''")}'`;
    case "Boolean":
      return value === true || text === "true" ? "true" : "false";
    case "Int16": case "Int32": case "Int64": case "Byte": case "SByte": case "Decimal":
      if (!/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) throw new TypeError(`not an Edm.${kind} literal: ${text}`);
      return text;
    case "Double": case "Single":
      return Number.isNaN(value) ? "NaN" : value === Infinity ? "INF" : value === -Infinity ? "-INF" : text;
    case "Duration":
      return `duration'${text}'`;
    case "Binary":
      return `binary'${text}'`;
    case "Guid": case "Date": case "DateTimeOffset": case "TimeOfDay":
      return text;
    default:
      return `${kind.slice(5)}'${text.replace(/'/g, "''")}'`;
  }
}

function dateText(kind: KeyKind, d: Date): string {
  const iso = d.toISOString();
  return kind === "Date" ? iso.slice(0, 10) : kind === "TimeOfDay" ? iso.slice(11, 23) : iso;
}

function keySuffix(spec: KeySpec, key: KeyValue | Record<string, KeyValue>, keyAsSegment: boolean): string {
  if (spec.length === 1) {
    const [name, kind] = spec[0];
    const value = typeof key === "object" && key !== null && !(key instanceof Date) ? key[name] : key;
    if (value === undefined || value === null) throw new TypeError(`key property ${name} is missing`);
    // Key-as-segment (URL Conventions §4.3.6): the value itself as one segment, strings unquoted.
    // Values a URL parser or the service would read as something else (".", "..", also when
    // percent-encoded; "" and "$…") use parentheses, which every service understands.
    const text = kind === "String" ? String(value) : literal(kind, value);
    if (keyAsSegment && !/^(\.{1,2}|\$.*|)$/.test(text)) return `/${encodeSegment(text)}`;
    return `(${encodeURIComponent(literal(kind, value))})`;
  }
  if (typeof key !== "object" || key === null || key instanceof Date) throw new TypeError(`a key of ${spec.map(([n]) => n).join(", ")} is required`);
  const parts = spec.map(([name, kind]) => {
    const value = key[name];
    if (value === undefined || value === null) throw new TypeError(`key property ${name} is missing`);
    return `${encodeURIComponent(name)}=${encodeURIComponent(literal(kind, value))}`;
  });
  return `(${parts.join(",")})`;
}

/** How an operation parameter is written in a URL: as a literal, or as JSON in a parameter alias. */
export type ParamKind = KeyKind | "json";

/**
 * The URL of a function call (URL Conventions §4.5.1): `name(a=1,b=@b)?@b=<json>`. Parameters
 * left undefined are omitted; complex and collection values go in parameter aliases.
 */
export function functionCall(path: string, name: string, params: readonly (readonly [string, ParamKind, unknown])[]): string {
  const args: string[] = [];
  const aliases: string[] = [];
  for (const [p, kind, value] of params) {
    if (value === undefined) continue;
    if (value === null) args.push(`${p}=null`);
    else if (kind === "json") {
      args.push(`${p}=@${p}`);
      aliases.push(`@${p}=${encodeQueryValue(JSON.stringify(value))}`);
    } else args.push(`${p}=${encodeURIComponent(literal(kind, value as KeyValue))}`);
  }
  return `${path}/${encodeSegment(name)}(${args.join(",")})${aliases.length ? `?${aliases.join("&")}` : ""}`;
}

// ---------------------------------------------------------------------------------------------
// Query strings

/** Query option values: percent-encoded, keeping the characters OData syntax uses readable. */
export function encodeQueryValue(text: string): string {
  return encodeURIComponent(text).replace(/%(2C|24|3A|2F|40|3D|28|29|27)/gi, (m) => decodeURIComponent(m));
}

/** `?$select=…&$expand=…` from typed query options. */
export function queryString(q: QueryParts<unknown, unknown, string> | undefined): string {
  if (!q) return "";
  const parts = queryParts(q).map(([k, v]) => `${k}=${encodeQueryValue(v)}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

function queryParts(q: QueryParts<unknown, unknown, string>): [string, string][] {
  const out: [string, string][] = [];
  if (q.select && q.select.length) out.push(["$select", q.select.join(",")]);
  if (q.expand) {
    const items = Array.isArray(q.expand)
      ? (q.expand as string[])
      : Object.entries(q.expand as Record<string, true | QueryParts<unknown, unknown, string> | undefined>)
          .filter(([, o]) => o !== undefined)
          .map(([name, o]) => {
            const inner = o === true || o === undefined ? [] : queryParts(o).map(([k, v]) => `${k}=${v}`);
            return inner.length ? `${name}(${inner.join(";")})` : name;
          });
    if (items.length) out.push(["$expand", items.join(",")]);
  }
  if (q.filter !== undefined) out.push(["$filter", q.filter]);
  if (q.orderby !== undefined) out.push(["$orderby", typeof q.orderby === "string" ? q.orderby : (q.orderby as string[]).join(",")]);
  if (q.top !== undefined) out.push(["$top", String(q.top)]);
  if (q.skip !== undefined) out.push(["$skip", String(q.skip)]);
  if (q.search !== undefined) out.push(["$search", q.search]);
  if (q.count !== undefined) out.push(["$count", q.count ? "true" : "false"]);
  return out;
}

/** Appends query options to a path that may already have a query. */
export function withQuery(pathAndQuery: string, q: QueryParts<unknown, unknown, string> | undefined): string {
  const qs = queryString(q);
  if (!qs) return pathAndQuery;
  return pathAndQuery.includes("?") ? `${pathAndQuery}&${qs.slice(1)}` : pathAndQuery + qs;
}

// ---------------------------------------------------------------------------------------------
// Sending

/** What `execute` does with a response body. */
type Expect = "json" | "page" | "text" | "blob";

interface Exchange {
  method: string;
  /** A path under the service root, or an absolute URL (a next link). */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  expect?: Expect;
}

/** Sends a request; resolves with the parsed JSON body (undefined for 204) or rejects with ODataError. */
export async function send<T>(
  client: Client,
  method: string,
  pathAndQuery: string,
  body: unknown,
  options: ReadOptions | undefined,
  expect: Expect = "json",
): Promise<T> {
  return execute<T>(client, { method, url: pathAndQuery, body, expect }, options);
}

/** GET of an entity (or a page of a collection) with query options. */
export async function read<T>(client: Client, target: Ref, options: QueryOptions<unknown, unknown, string> | undefined, page = false): Promise<T> {
  return execute<T>(client, { method: "GET", url: withQuery(target.path, options), expect: page ? "page" : "json" }, options);
}

/** POST of a new entity into a collection. */
export async function create<T>(client: Client, target: CollectionRef<unknown, unknown>, body: unknown, options: WriteOptions | undefined): Promise<T> {
  return execute<T>(client, { method: "POST", url: target.path, body, headers: preferHeader(options) }, options);
}

/** PATCH (or PUT with `replace`) of an entity, with `If-Match` where concurrency control applies. */
export async function update<T>(client: Client, target: EntityRef<unknown>, body: unknown, options: UpdateOptions | undefined): Promise<T> {
  const headers = { ...preferHeader(options), ...ifMatch(target, options, body) };
  return execute<T>(client, { method: options?.replace ? "PUT" : "PATCH", url: target.path, body: withoutReadInfo(body), headers }, options);
}

/** DELETE of an entity, with `If-Match` where concurrency control applies. */
export async function remove(client: Client, target: EntityRef<unknown>, options: ChangeOptions | undefined): Promise<void> {
  await execute<unknown>(client, { method: "DELETE", url: target.path, headers: ifMatch(target, options, undefined) }, options);
}

/** A body made from an entity as read: the read-only control information stays out of the request. */
function withoutReadInfo(body: unknown): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (!/^@odata\.(context|etag|metadataEtag)$/.test(k)) out[k] = v;
  return out;
}

function preferHeader(options: WriteOptions | undefined): Record<string, string> {
  return options?.prefer ? { Prefer: options.prefer } : {};
}

function ifMatch(target: Ref, options: ChangeOptions | undefined, body: unknown): Record<string, string> {
  const fromBody = typeof body === "object" && body !== null ? (body as ControlInfo)["@odata.etag"] : undefined;
  const etag = options?.etag ?? fromBody;
  if (etag !== undefined) return { "If-Match": etag };
  if (target.requiresEtag)
    throw new TypeError(`${target.path}: the entity set uses optimistic concurrency; pass options.etag (the entity's @odata.etag, or "*")`);
  return {};
}

async function execute<T>(client: Client, x: Exchange, options: ReadOptions | undefined): Promise<T> {
  const headers: Record<string, string> = { Accept: x.expect === "blob" ? "*/*" : "application/json", ...client.options.headers, ...x.headers, ...options?.headers };
  const body = encodeBody(x.body, headers);
  const url = /^[a-z][a-z0-9+.-]*:/i.test(x.url) ? x.url : client.baseUrl + x.url;
  const sameOrigin = new URL(url).origin === new URL(client.baseUrl).origin;
  const doFetch = client.options.fetch ?? fetch;
  const policy = client.options.retry ?? {};
  const maxRetries = policy.maxRetries ?? 3;
  for (let attempt = 0; ; attempt++) {
    const token = sameOrigin && client.options.getToken ? await client.options.getToken() : undefined;
    const response = await doFetch(url, {
      method: x.method,
      headers: token ? { ...headers, Authorization: `Bearer ${token}` } : headers,
      body,
      signal: options?.signal,
    });
    if ((response.status === 429 || response.status === 503) && attempt < maxRetries) {
      const wait = retryDelay(response.headers.get("retry-after"), attempt, policy);
      if (wait !== undefined) {
        await response.arrayBuffer().catch(() => undefined);
        await sleep(wait, options?.signal);
        continue;
      }
    }
    if (!response.ok) throw toError(response, await parseBody(response));
    if (x.expect === "blob") return (await response.blob()) as T;
    const parsed = await parseBody(response);
    if (x.expect === "text") return (typeof parsed === "string" ? parsed : JSON.stringify(parsed)) as T;
    if (options?.validate && parsed !== undefined) check(options.validate, parsed, x.expect === "page");
    return parsed as T;
  }
}

function encodeBody(body: unknown, headers: Record<string, string>): RequestInit["body"] {
  if (body === undefined) return undefined;
  if (typeof Blob !== "undefined" && body instanceof Blob) return body;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return body as RequestInit["body"];
  headers["Content-Type"] ??= "application/json";
  return JSON.stringify(body, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

async function parseBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function check(validate: Validator, value: unknown, page: boolean): void {
  const items = page && typeof value === "object" && value !== null && Array.isArray((value as Page<unknown>).value) ? (value as Page<unknown>).value : [value];
  for (const [i, item] of items.entries()) {
    const result = validate(item);
    if (!result.valid) {
      const prefix = page ? `/value/${i}` : "";
      throw new ValidationFailedError(result.errors.map((e) => ({ ...e, path: prefix + e.path })));
    }
  }
}

/** Milliseconds to wait before retry `attempt`, or undefined when the service asks for longer than allowed. */
export function retryDelay(retryAfter: string | null, attempt: number, policy: RetryPolicy = {}, now = Date.now()): number | undefined {
  const max = policy.maxDelayMs ?? 60000;
  let ms: number;
  if (retryAfter !== null && /^\s*\d+\s*$/.test(retryAfter)) ms = Number(retryAfter) * 1000;
  else if (retryAfter !== null && !Number.isNaN(Date.parse(retryAfter))) ms = Math.max(0, Date.parse(retryAfter) - now);
  else return Math.min(max, (policy.delayMs ?? 1000) * 2 ** attempt);
  return ms > max ? undefined : ms;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

// ---------------------------------------------------------------------------------------------
// Collections: paging and counting

/** The pages of a collection, following `@odata.nextLink` from a first page (`listPeople(...)`). */
export async function* pages<T>(client: Client, first: Page<T> | Promise<Page<T>>, options?: ReadOptions): AsyncGenerator<Page<T>, void, undefined> {
  let page: Page<T> | undefined = await first;
  while (page) {
    yield page;
    const next: string | undefined = page["@odata.nextLink"];
    page = next ? await execute<Page<T>>(client, { method: "GET", url: new URL(next, `${client.baseUrl}/`).href, expect: "page" }, options) : undefined;
  }
}

/** Every entity of a collection, page after page. */
export async function* items<T>(client: Client, first: Page<T> | Promise<Page<T>>, options?: ReadOptions): AsyncGenerator<T, void, undefined> {
  for await (const page of pages(client, first, options)) yield* page.value;
}

/** All entities of a collection in one array (follows every next link). */
export async function collectAll<T>(client: Client, first: Page<T> | Promise<Page<T>>, options?: ReadOptions): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items(client, first, options)) out.push(item);
  return out;
}

/** `GET …/$count` (URL Conventions §4.8): the number of entities, optionally filtered. */
export async function count(
  client: Client,
  target: CollectionRef<unknown, unknown>,
  options?: RequestOptions & { filter?: string; search?: string },
): Promise<number> {
  const text = await execute<string>(client, { method: "GET", url: withQuery(`${target.path}/$count`, { filter: options?.filter, search: options?.search }), headers: { Accept: "text/plain" }, expect: "text" }, options);
  const n = Number(text.trim());
  if (!Number.isInteger(n)) throw new TypeError(`${target.path}/$count: not a count: ${text.slice(0, 40)}`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Streams and references

/** Reads a stream (`$value` of a media entity, or a stream property) as a Blob. */
export function readStream(client: Client, target: StreamRef, options?: RequestOptions): Promise<Blob> {
  return execute<Blob>(client, { method: "GET", url: target.path, expect: "blob" }, options);
}

/** Replaces a stream with PUT; `contentType` defaults to the Blob's type, else application/octet-stream. */
export async function writeStream(
  client: Client,
  target: StreamRef,
  data: Blob | ArrayBuffer | Uint8Array,
  options?: ChangeOptions & { contentType?: string },
): Promise<void> {
  const type = options?.contentType ?? (typeof Blob !== "undefined" && data instanceof Blob && data.type ? data.type : "application/octet-stream");
  const headers: Record<string, string> = { "Content-Type": type };
  if (options?.etag !== undefined) headers["If-Match"] = options.etag;
  await execute<unknown>(client, { method: "PUT", url: target.path, body: data, headers }, options);
}

/** The `@odata.id` of an entity: its absolute URL. */
export function entityId(client: Client, target: EntityRef<unknown>): string {
  return client.baseUrl + target.path;
}

/**
 * Links an entity through a navigation property (URL Conventions §4.4): POST `…/Friends/$ref` adds
 * to a collection; PUT `…/BestFriend/$ref` sets a single-valued one.
 */
export async function addRef<T>(client: Client, nav: CollectionRef<T, unknown> | EntityRef<T>, target: EntityRef<T>, options?: RequestOptions): Promise<void> {
  const method = nav instanceof CollectionRef ? "POST" : "PUT";
  await execute<unknown>(client, { method, url: `${nav.path}/$ref`, body: { "@odata.id": entityId(client, target) } }, options);
}

/**
 * Unlinks: DELETE `…/Friends/$ref?$id=…` removes `target` from a collection-valued navigation
 * property; DELETE `…/BestFriend/$ref` clears a single-valued one (leave `target` out).
 */
export async function removeRef<T>(client: Client, nav: CollectionRef<T, unknown> | EntityRef<T>, target?: EntityRef<T>, options?: RequestOptions): Promise<void> {
  if (nav instanceof CollectionRef && !target) throw new TypeError("removeRef: which entity to unlink from a collection?");
  const url = `${nav.path}/$ref${target ? `?$id=${encodeQueryValue(entityId(client, target))}` : ""}`;
  await execute<unknown>(client, { method: "DELETE", url }, options);
}
