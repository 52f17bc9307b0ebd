// Runtime for the generated request functions: the client, typed errors, resource paths and the
// OData literal and URL encoding they need. No dependencies: it uses the platform's `fetch`.

export interface ClientOptions {
  /** The service root, e.g. `https://graph.microsoft.com/v1.0`. */
  baseUrl: string;
  /** A `fetch` to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: typeof fetch;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Returns a bearer token for the `Authorization` header; called before every request. */
  getToken?: () => string | undefined | Promise<string | undefined>;
}

export interface Client {
  readonly baseUrl: string;
  readonly options: ClientOptions;
}

export function createClient(options: ClientOptions): Client {
  if (!options || typeof options.baseUrl !== "string") throw new TypeError("createClient: baseUrl is required");
  return { baseUrl: options.baseUrl.replace(/\/+$/, ""), options };
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Extra headers for this request. */
  headers?: Record<string, string>;
}

/** `$expand` options: navigation property names, or per property nested options. */
export type Expand<T> = readonly (keyof T & string)[] | { readonly [K in keyof T & string]?: true | QueryParts<Item<T[K]>> };

type Item<V> = V extends readonly (infer I)[] ? I : NonNullable<V>;

/** The typed query options of OData URL Conventions §5.1. */
export interface QueryParts<T> {
  select?: readonly (keyof T & string)[];
  expand?: Expand<T>;
  filter?: string;
  orderby?: string | readonly string[];
  top?: number;
  skip?: number;
  search?: string;
  count?: boolean;
}

export interface QueryOptions<T> extends RequestOptions, QueryParts<T> {}

/** One page of a collection (OData JSON Format §12). */
export interface Page<T> {
  value: T[];
  "@odata.count"?: number;
  "@odata.nextLink"?: string;
  "@odata.context"?: string;
}

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

/** How a key property is written as a literal (OData URL Conventions §5.1.1.1). */
export type KeyKind =
  | "String" | "Guid" | "Int16" | "Int32" | "Int64" | "Byte" | "SByte" | "Decimal" | "Double" | "Single"
  | "Boolean" | "Date" | "DateTimeOffset" | "TimeOfDay" | "Duration" | "Binary" | `enum:${string}`;

/** The key of an entity type: `[property name, literal kind]` per key property. */
export type KeySpec = readonly (readonly [string, KeyKind])[];

export type KeyValue = string | number | bigint | boolean;

/** The address of one entity (OData URL Conventions §4.3). */
export class EntityRef<T> {
  declare readonly __entity?: T;
  constructor(
    readonly path: string,
    readonly keyAsSegment: boolean,
  ) {}

  /** A single-valued navigation property of this entity. */
  nav<U>(name: string): EntityRef<U> {
    return new EntityRef<U>(`${this.path}/${encodeSegment(name)}`, this.keyAsSegment);
  }

  /** A collection-valued navigation property of this entity. */
  collection<U, K>(name: string, key: KeySpec): CollectionRef<U, K> {
    return new CollectionRef<U, K>(`${this.path}/${encodeSegment(name)}`, this.keyAsSegment, key);
  }
}

/** The address of a collection of entities: an entity set or a collection-valued navigation. */
export class CollectionRef<T, K = KeyValue> {
  declare readonly __entity?: T;
  constructor(
    readonly path: string,
    readonly keyAsSegment: boolean,
    readonly key: KeySpec,
  ) {}

  /** One member of the collection by its key (`/set/key` or `/set('key')`, as the service expects). */
  byKey(key: K): EntityRef<T> {
    return new EntityRef<T>(this.path + keySuffix(this.key, key as unknown as KeyValue | Record<string, KeyValue>, this.keyAsSegment), this.keyAsSegment);
  }
}

/** The path of a singleton or entity set under the service root. */
export function root<T>(name: string, keyAsSegment: boolean): EntityRef<T> {
  return new EntityRef<T>(`/${encodeSegment(name)}`, keyAsSegment);
}

export function rootCollection<T, K>(name: string, keyAsSegment: boolean, key: KeySpec): CollectionRef<T, K> {
  return new CollectionRef<T, K>(`/${encodeSegment(name)}`, keyAsSegment, key);
}

/**
 * Percent-encodes one path segment so that it stays one segment: `/`, `?`, `#`, `%` are encoded and
 * a segment of only dots (`.`, `..`) is encoded too, so URL resolution cannot remove it.
 */
export function encodeSegment(text: string): string {
  const s = encodeURIComponent(text);
  return /^\.+$/.test(s) ? s.replace(/\./g, "%2E") : s;
}

/** A value written as an OData literal (URL Conventions §5.1.1.1), not yet percent-encoded. */
export function literal(kind: KeyKind, value: KeyValue): string {
  switch (kind) {
    case "String":
      return `'${String(value).replace(/'/g, "''")}'`;
    case "Boolean":
      return value ? "true" : "false";
    case "Int16": case "Int32": case "Int64": case "Byte": case "SByte": case "Decimal": case "Double": case "Single":
      return String(value);
    case "Duration":
      return `duration'${String(value)}'`;
    case "Binary":
      return `binary'${String(value)}'`;
    case "Guid": case "Date": case "DateTimeOffset": case "TimeOfDay":
      return String(value);
    default:
      return `${kind.slice(5)}'${String(value).replace(/'/g, "''")}'`;
  }
}

function keySuffix(spec: KeySpec, key: KeyValue | Record<string, KeyValue>, keyAsSegment: boolean): string {
  if (spec.length === 1) {
    const [name, kind] = spec[0];
    const value = typeof key === "object" && key !== null ? key[name] : key;
    if (value === undefined) throw new TypeError(`key property ${name} is missing`);
    // Key-as-segment (URL Conventions §4.3.6): the value itself, as one segment. "", "." and ".."
    // cannot be one (URL parsers drop or merge them, even as %2E%2E), so they take parentheses.
    const text = kind === "String" ? String(value) : literal(kind, value);
    if (keyAsSegment && !/^\.{0,2}$/.test(text)) return `/${encodeSegment(text)}`;
    return `(${encodeURIComponent(literal(kind, value))})`;
  }
  if (typeof key !== "object" || key === null) throw new TypeError(`a key of ${spec.map(([n]) => n).join(", ")} is required`);
  const parts = spec.map(([name, kind]) => {
    const value = key[name];
    if (value === undefined) throw new TypeError(`key property ${name} is missing`);
    return `${encodeURIComponent(name)}=${encodeURIComponent(literal(kind, value))}`;
  });
  return `(${parts.join(",")})`;
}

/** Query option values: percent-encoded, keeping the characters OData syntax uses readable. */
export function encodeQueryValue(text: string): string {
  return encodeURIComponent(text).replace(/%(2C|24|3A|2F|40|3D|28|29|27)/gi, (m) => decodeURIComponent(m));
}

/** `$select=…&$expand=…` from typed query options. */
export function queryString<T>(q: QueryParts<T> | undefined): string {
  if (!q) return "";
  const parts = queryParts(q as QueryParts<unknown>).map(([k, v]) => `${k}=${encodeQueryValue(v)}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

function queryParts(q: QueryParts<unknown>, nested = false): [string, string][] {
  const out: [string, string][] = [];
  if (q.select && q.select.length) out.push(["$select", q.select.join(",")]);
  if (q.expand) {
    const items = Array.isArray(q.expand)
      ? (q.expand as string[])
      : Object.entries(q.expand as Record<string, true | QueryParts<unknown>>).map(([name, o]) => {
          if (o === true) return name;
          const inner = queryParts(o, true).map(([k, v]) => `${k}=${v}`);
          return inner.length ? `${name}(${inner.join(";")})` : name;
        });
    if (items.length) out.push(["$expand", items.join(",")]);
  }
  if (q.filter !== undefined) out.push(["$filter", q.filter]);
  if (q.orderby !== undefined) out.push(["$orderby", typeof q.orderby === "string" ? q.orderby : q.orderby.join(",")]);
  if (q.top !== undefined) out.push(["$top", String(q.top)]);
  if (q.skip !== undefined) out.push(["$skip", String(q.skip)]);
  if (q.search !== undefined) out.push(["$search", q.search]);
  if (q.count !== undefined) out.push(["$count", q.count ? "true" : "false"]);
  void nested;
  return out;
}

/** Sends a request; resolves with the parsed JSON body (undefined for 204) or rejects with ODataError. */
export async function send<T>(
  client: Client,
  method: string,
  pathAndQuery: string,
  body: unknown,
  options: RequestOptions | undefined,
): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...client.options.headers, ...options?.headers };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const token = client.options.getToken ? await client.options.getToken() : undefined;
  if (token) headers["Authorization"] = `Bearer ${token}`;
  const doFetch = client.options.fetch ?? fetch;
  const response = await doFetch(client.baseUrl + pathAndQuery, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: options?.signal,
  });
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text !== "") {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (!response.ok) throw toError(response, parsed);
  return parsed as T;
}

function toError(response: Response, body: unknown): ODataError {
  const err = typeof body === "object" && body !== null ? (body as { error?: unknown }).error : undefined;
  const e = typeof err === "object" && err !== null ? (err as Record<string, unknown>) : {};
  const inner = e.innerError ?? e.innererror;
  const innerId = typeof inner === "object" && inner !== null ? (inner as Record<string, unknown>)["request-id"] : undefined;
  const requestId = response.headers.get("request-id") ?? response.headers.get("x-ms-request-id") ?? (typeof innerId === "string" ? innerId : undefined);
  const code = typeof e.code === "string" ? e.code : String(response.status);
  const message = typeof e.message === "string" ? e.message : `${response.status} ${response.statusText}`.trim();
  return new ODataError(response.status, code, message, inner, requestId ?? undefined, body);
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
  return `${path}/${name}(${args.join(",")})${aliases.length ? `?${aliases.join("&")}` : ""}`;
}

/** Appends query options to a path that may already have a query. */
export function withQuery<T>(pathAndQuery: string, q: QueryParts<T> | undefined): string {
  const qs = queryString(q);
  if (!qs) return pathAndQuery;
  return pathAndQuery.includes("?") ? `${pathAndQuery}&${qs.slice(1)}` : pathAndQuery + qs;
}
