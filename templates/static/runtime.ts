// Runtime for the generated request functions: the client, typed errors, resource addresses, the
// OData literal and URL encoding they need, paging, retries and concurrency. It uses only the
// platform's `fetch`, `URL`, `AbortController` and `setTimeout`, so it runs in Node 18+ and browsers.
//
// Written for tree-shaking: standalone functions rather than methods (a bundler never drops a
// method), a key literal writer per Edm type, query options, paging, $count, $ref and streams each
// reached only from the functions that use them. An update bundles addresses, sending (headers,
// retries, ODataError) and the JSON body handling, nothing else: the IEEE754 count walk is called
// by the reads' receivers, and a next link's origin check by paging, not by `parseBody` or `execute`.
import { ValidationFailedError, type ValidateOptions, type ValidationResult } from "./validation.js";

// ---------------------------------------------------------------------------------------------
// Client

export interface RetryPolicy {
  /** Retries after the first attempt (default 3); 0 disables retrying. */
  maxRetries?: number | undefined;
  /** Wait before the first retry when the response has no `Retry-After`, doubled per retry (default 1000). */
  delayMs?: number | undefined;
  /** Longest wait, up to 2147483647 (setTimeout's); a `Retry-After` asking for more gives up and rejects (default 60000). */
  maxDelayMs?: number | undefined;
}

export interface ClientOptions {
  /** The service root, e.g. `https://graph.microsoft.com/v1.0`, or relative to the page's address (`/odata`). */
  baseUrl: string;
  /** A `fetch` to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: typeof fetch | undefined;
  /** Headers sent with every request; they replace the defaults (`Accept`, `Content-Type`) of the same name, in any case. */
  headers?: Record<string, string> | undefined;
  /**
   * Returns a bearer token for the `Authorization` header; called before every attempt, with the
   * attempt's `signal`. The wait for it is part of the attempt: `timeoutMs` and the call's signal end it.
   */
  getToken?: ((attempt: { readonly signal: AbortSignal }) => string | undefined | Promise<string | undefined>) | undefined;
  /** Retries of requests answered 429 or 503, and of a GET answered 504 or not at all (a reset). */
  retry?: RetryPolicy | undefined;
  /**
   * How long each attempt may take to be answered, its body read (a stream's: its head), in ms; then
   * it is given up as a request without an answer, a TypeError naming it (`GET https://…: timed out
   * after 30000 ms (the client's timeoutMs)`): a GET is sent again, as `retry` says. Default none.
   */
  timeoutMs?: number | undefined;
  /**
   * Asks the service for Edm.Int64 and Edm.Decimal values as JSON strings, which keep every digit
   * (OData JSON Format §3.2): `;IEEE754Compatible=true` on the JSON `Accept` and `Content-Type`.
   * Validators given as `validate` are then told so (`ieee754Compatible: true`): a number there
   * is an error. Default false: JSON numbers, which lose digits beyond 2^53.
   */
  ieee754Compatible?: boolean | undefined;
}

export interface Client {
  readonly baseUrl: string;
  readonly options: ClientOptions;
  /** The query `baseUrl` was given with (`sap-client=100`), sent with every request the client addresses. */
  readonly rootQuery?: string | undefined;
}

export function createClient(options: ClientOptions): Client {
  if (!options || typeof options.baseUrl !== "string") throw new TypeError("createClient: baseUrl is required");
  // A fragment would swallow every path appended to the root.
  const root = options.baseUrl;
  if (root.includes("#")) throw new TypeError(`createClient: baseUrl ${root} has a fragment; give the service root without it (${root.slice(0, root.indexOf("#"))})`);
  // A host without its scheme would fail only at the first request: `localhost:8080/odata` reads as
  // the scheme `localhost:`, and a relative root, where no page resolves it (Node) and no fetch of the
  // caller's knows where it goes, reaches `fetch` as it is, which cannot parse it.
  if (/^[a-z\d-]+(?:\.[a-z\d-]+)*:\d+(?:[/?]|$)/i.test(root)) throw new TypeError(`createClient: baseUrl ${root} has no scheme; give it as http://${root} or https://${root}`);
  if (options.fetch === undefined && !/^[a-z][a-z\d+.-]*:/i.test(root) && (globalThis as { location?: unknown }).location === undefined) {
    const host = /^[a-z\d-]+(?:\.[a-z\d-]+)+(?:[/?]|$)/i.test(root) ? `; did you mean https://${root}?` : "";
    throw new TypeError(`createClient: baseUrl ${root} is relative, and there is no page to resolve it against: give an absolute URL, or a fetch that knows where it goes${host}`);
  }
  // A query (SAP's `?sap-client=100`) is kept apart and sent with every request: paths go before it.
  const q = root.indexOf("?");
  const rootQuery = q < 0 ? "" : root.slice(q + 1);
  for (const part of rootQuery.split("&")) {
    if (/^[$@]/.test(part)) throw new TypeError(`createClient: baseUrl ${root} has ${part.split("=")[0]} in its query; system query options and parameter aliases go with each request`);
  }
  // The slashes it ends with are dropped by a loop: a pattern for them tried every `/` of a run.
  let end = q < 0 ? root.length : q;
  while (end > 0 && root.charCodeAt(end - 1) === 47) end--;
  // setTimeout fires at once for a delay past 2^31 - 1 ms.
  checkTimeout("createClient", options.timeoutMs);
  // So would a retry's wait: a Retry-After of 25 days under a maxDelayMs past it was sent again at once.
  checkTimeout("createClient", options.retry?.delayMs, "retry.delayMs");
  checkTimeout("createClient", options.retry?.maxDelayMs, "retry.maxDelayMs");
  return { baseUrl: root.slice(0, end), options, ...(rootQuery && { rootQuery }) };
}

/**
 * A `timeoutMs` (the client's, a call's) from 1 to 2^31 - 1, or a retry's wait (`name`) from 0:
 * setTimeout fires at once for a longer delay.
 */
function checkTimeout(who: string, ms: number | undefined, name = "timeoutMs"): void {
  const from = name === "timeoutMs" ? 1 : 0;
  if (ms !== undefined && !((from ? ms > 0 : ms >= 0) && ms <= 0x7fffffff)) throw new TypeError(`${who}: ${name} ${ms} is not a number of milliseconds from ${from} to 2147483647`);
}

/**
 * A generated validator (`validateSession`, …); passing one checks the response before it resolves.
 * A client with `ieee754Compatible` gives it `{ ieee754Compatible: true }`.
 */
export type Validator = (value: unknown, options?: ValidatorOptions) => ValidationResult;

/** What a client tells a `Validator`: only `ieee754Compatible`, so a validator of another generated folder fits too. */
export type ValidatorOptions = Pick<ValidateOptions, "ieee754Compatible">;

export interface RequestOptions {
  signal?: AbortSignal | undefined;
  /** How long each attempt of this call may take, in ms, instead of the client's `timeoutMs` (see there). */
  timeoutMs?: number | undefined;
  /** Extra headers for this request; they replace the client's and the defaults of the same name, in any case. */
  headers?: Record<string, string> | undefined;
  /**
   * Asks the service to run the request asynchronously (`Prefer: respond-async`, Protocol §11.6) and
   * waits for its result: `respondAsync({ maxWaitMs })`. A 202 Accepted's status monitor is polled,
   * and its final answer read as the direct answer would be. In a batch, `send()`'s only: a batched
   * call given one rejects (a TypeError), as a service ignores it on a request inside a `$batch`.
   */
  respondAsync?: AsyncWait | undefined;
}

export interface ReadOptions extends RequestOptions {
  /** Checks the returned entity (or each entity of a page); rejects with ValidationFailedError. */
  validate?: Validator | undefined;
  /**
   * Custom query options (URL Conventions §5.2), sent as `name=value` after the others: Graph's
   * `calendarView` takes `{ startDateTime, endDateTime }` so. A name may not start with `$` (the
   * system query options have their own fields) or `@` (parameter aliases).
   */
  query?: Readonly<Record<string, string>> | undefined;
}

/**
 * The options of a function returning a collection of complex or primitive values: a read's, and
 * the system query options any collection takes (URL Conventions §5.1): `$filter` and `$orderby` as
 * text (`"callType eq 'group'"`), `$top`, `$skip` and `$count`. Graph's `getPstnCalls(…)` takes
 * `{ top: 100 }` so.
 */
export interface ValueListOptions extends ReadOptions {
  filter?: string | undefined;
  orderby?: string | readonly string[] | undefined;
  top?: number | undefined;
  skip?: number | undefined;
  count?: boolean | undefined;
}

/**
 * The options of an action bound to one entity. `etag`: the entity's `@odata.etag` (`*` matches any
 * version), sent as `If-Match`, so that the action runs only on the version read (Protocol §11.5.5.1,
 * §11.4.1.1); a service that requires it answers 428 Precondition Required without it. Not required
 * here, even where the set has `Core.OptimisticConcurrency`, which speaks of changes to the entity.
 */
export interface ActionOptions extends ReadOptions {
  etag?: string | undefined;
}

/** `P`: what `prefer` may be; a generated `createX` infers it from its options, to type its result (`Created`). */
export interface WriteOptions<P extends "return=representation" | "return=minimal" | undefined = "return=representation" | "return=minimal" | undefined> extends ReadOptions {
  /** `Prefer: return=representation` asks for the entity back, `return=minimal` for 204 No Content. */
  prefer?: P;
}

export interface ChangeOptions extends WriteOptions {
  /**
   * The entity's `@odata.etag`, sent as `If-Match` (`*` matches any version). Required where the
   * entity set has `Core.OptimisticConcurrency`; taken from the body's `@odata.etag` when absent.
   */
  etag?: string | undefined;
}

/**
 * The options of a delete: `etag`, sent as `If-Match` (required where the entity set has
 * `Core.OptimisticConcurrency`; `*` matches any version), and custom `query` options. No `prefer`:
 * `return=representation` and `return=minimal` have no effect on a DELETE (Protocol §8.2.8.7), so
 * any other preference (`odata.track-changes`, a service's own) goes in `headers` as `Prefer`; no
 * `validate`: a delete reads nothing back.
 */
export interface DeleteOptions extends RequestOptions, Pick<ChangeOptions, "etag" | "query"> {}

/**
 * The options of `readStream` and `openStream`: custom `query` options (Graph converts a file with
 * `…/content?format=pdf`, and OneNote's page content takes `?includeIDs=true`).
 */
export interface StreamReadOptions extends RequestOptions, Pick<ReadOptions, "query"> {}

/**
 * The options of `writeStream`: a delete's (`etag`, `query`), and the media's `contentType`; what
 * the service answers with is `writeStream`'s result. `M`: the media types the stream's metadata
 * accepts (`StreamRef`).
 */
export interface StreamWriteOptions<M extends string = string> extends DeleteOptions {
  /** The media's type, sent as `Content-Type`: default the Blob's, else application/octet-stream. */
  contentType?: M | undefined;
}

/** `R`: what `replace` may be; a generated `updateX` infers it from its options, to type the body (`UpdateBody`). */
export interface UpdateOptions<R extends boolean | undefined = boolean | undefined> extends ChangeOptions {
  /** Replace the whole entity with PUT instead of PATCH. */
  replace?: R;
}

// ---------------------------------------------------------------------------------------------
// Typed query options (OData URL Conventions §5.1)

/**
 * Marks a navigation property to `T` whose own navigation properties are described by `N`, its
 * subtypes by `C`, and what an expansion of it without `select` holds by `K`: the key properties of
 * the service's default set (see `Selected`), or `Whole` for the whole entity. `W`: the navigation
 * properties an entity of it in a body may bind and insert into: `N`, or where subtypes of `T` add
 * some, `N` and theirs (`…WriteNav`, `interface ItemWriteNav extends ItemNavigation, BookNavigation {}`);
 * each entity has only its own type's among them, so it gets those (`Related`). `B`: where `T` is a
 * concrete type whose subtypes `C` lists, those of them an entity of it in a body may be, named by
 * `@odata.type` (`…SubtypeBodies`, see `SubtypeBodies`); else `{}`. `O`: `false` where the navigation
 * property's Validation.DerivedTypeConstraint leaves out `T` itself, so that a create's or a PUT's
 * entity is one of `B`'s, named (`Related`, `Replacing`); else `boolean`, which a `Nav` of either
 * kind matches where a type asks for fewer arguments (`X extends Nav<infer T, infer M, …>`: a `true`
 * there would match no `false` one). (Not constrained to `boolean`: checking the constraint cost
 * Graph v1.0's output 2,100 type instantiations.)
 */
export interface Nav<T, N, C = {}, K = Whole, W = N, B = {}, O = boolean> {
  readonly __target?: T;
  readonly __navigation?: N;
  readonly __subtypes?: C;
  readonly __keys?: K;
  readonly __written?: W;
  readonly __bodies?: B;
  readonly __own?: O;
}

/**
 * Marks a member of a `…Navigation` interface whose navigation property the service expands without
 * `$expand` (`Core.AutoExpand`: Graph's `callRecord/organizer_v2`): a read without `$select` has it,
 * as an expansion without options holds it (optional: a service may still leave it out). Types only.
 */
export interface AutoExpanded {
  readonly __autoExpanded: true;
}

/** For `Nav`: an expansion without `select` holds the whole entity (generation option `completeReads`). */
export interface Whole {
  readonly __whole: true;
}

/**
 * The structural properties `$select` and `$orderby` may name (navigation properties `N` and `@`
 * annotations left out): those of `T`, or, when `T` is a type and its subtypes, the ones they all
 * have. A subtype's own property is named behind its type cast, `Ns.book/pages` (URL Conventions
 * §5.1.3; unqualified, a service refuses it), for the subtypes `C` lists by qualified name.
 */
export type PropertyName<T, N, C = {}> = Exclude<DeclaredKeys<T> & string, keyof N | `@${string}`> | CastPath<C> | (string extends keyof T ? DynamicName : never);

/**
 * The declared properties of `T`: an open type's index signature left out, so that editors offer
 * them. A type without an index signature (most) is taken as it is: filtering its keys through a
 * mapped type made the compiler build that type for every entity (see docs/performance-notes.md).
 */
type DeclaredKeys<T> = string extends keyof T ? OpenKeys<T> : number extends keyof T ? OpenKeys<T> : keyof T;
type OpenKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: unknown };

/**
 * A dynamic property of an open type (Graph's `extension_{appId}_{name}`), named in `select` through
 * `dynamic(name)`: any name, unchecked. The declared properties are checked, and editors offer them.
 */
export type DynamicName = string & { readonly __dynamic: true };

/** `select: ["id", rt.dynamic("extension_abc_colour")]`: a dynamic property of an open type. */
export function dynamic(name: string): DynamicName {
  return name as DynamicName;
}

/** `Ns.book/pages`: a property of one of the subtypes `C` lists, behind its type cast. */
export type CastPath<C> = C extends AnyTypeCast ? `${string}.${string}/${string}` : { [Q in keyof C & string]: `${Q}/${Exclude<DeclaredKeys<C[Q]> & string, `@${string}`>}` }[keyof C & string];

/**
 * Stands for the subtypes of a type that has very many (Graph's `entity`: 1,145), which are not
 * listed: spelling out every `Ns.type/property` of them would make the compiler do that work for
 * every module that names the type. A type cast to any name is taken then, unchecked.
 */
export interface AnyTypeCast {
  readonly __anyTypeCast: true;
}
/**
 * `AnyTypeCast` of an abstract type: an entity of it nested in a create's or a PUT's body names its
 * type in `@odata.type` (`Named`), as where its subtypes are listed.
 */
export interface AnyAbstractCast extends AnyTypeCast {
  readonly __abstract: true;
}

/** The properties `S` selects behind a type cast to a type `T` is (the type itself or one it derives from). */
type CastSelected<T, S extends string, C> = C extends AnyTypeCast
  ? T extends { "@odata.type"?: `#${infer Q}` } ? (S extends `${Q}/${infer K}` ? K : never) : never
  : { [Q in keyof C & string]: T extends C[Q] ? (S extends `${Q}/${infer K}` ? K : never) : never }[keyof C & string];

/** `$orderby` items: a property name with an optional direction, or any other expression. */
export type OrderBy<P extends string> = P | `${P} asc` | `${P} desc` | (string & {});

type NestedOptions<X> = X extends Nav<infer T, infer M, infer C, unknown, unknown> ? QueryParts<T, M, PropertyName<T, M, C>, C> & ExpandOnly : never;

/** Options only an expansion takes: `$levels`, how deep to expand a navigation property to its own type (URL Conventions §5.1.2). */
interface ExpandOnly {
  /** `$levels` (§5.1.2): expand a recursive navigation property (`Friends` of a `Person`) this many levels deep, or `"max"`; the result is typed as deep (up to 8; deeper, a number not known and `"max"` to any depth). */
  levels?: number | "max" | undefined;
}

/** `$expand`: navigation property names (and the paths `N` lists: `a/nav` through a complex property, `Ns.subtype/nav` behind a type cast), or per name nested options. */
export type Expand<N> = [keyof N] extends [never] ? readonly [] : readonly (keyof N & string)[] | { readonly [K in keyof N & string]?: true | NestedOptions<N[K]> | undefined };

/** The query options a read of one entity takes (URL Conventions §5.1): the others apply to collections. */
export interface EntityParts<S extends string, E> {
  /** `$select` (URL Conventions §5.1.3): the properties to read, `["FirstName", "Age"]`; the result has only these and the key. */
  select?: readonly S[] | undefined;
  /** `$expand` (§5.1.2): navigation properties read along, each `true` or with options of its own, `{ Trips: { select: ["Name"] } }`; a subtype's behind its type cast, `"Ns.subtype/nav"`. */
  expand?: E | undefined;
  /** `$compute` (new in OData 4.01's URL Conventions): `"Price mul Quantity as Total"`; the result type does not show computed properties. */
  compute?: string | undefined;
}

export interface QueryParts<T, N = {}, S extends string = PropertyName<T, N>, C = {}, E = Expand<N>, F = string> extends EntityParts<S, E> {
  /**
   * `$filter` (§5.1.1): an expression in OData's syntax, sent as written (percent-encoded), `"Age gt 30"`
   * (`rt.literal("String", name)` quotes a value); on a read of a collection also typed, `(p) => p.Age.gt(30)`
   * (`rt.TypedFilter`), each value written as its property's literal.
   */
  filter?: F | undefined;
  /** `$orderby` (§5.1.4): a property, or several, each with `asc` (the default) or `desc`: `["Age desc", "UserName"]`. */
  orderby?: OrderBy<PropertyName<T, N, C>> | readonly OrderBy<PropertyName<T, N, C>>[] | undefined;
  /** `$top` (§5.1.5): at most this many items. A service may page: the rest follow `@odata.nextLink` (`rt.pages`, `rt.collectAll`). */
  top?: number | undefined;
  /** `$skip` (§5.1.5): leaves out this many items first. */
  skip?: number | undefined;
  /** `$search` (§5.1.7): a free-text search expression, as the service defines it. */
  search?: string | undefined;
  /** `$count=true` (§5.1.6): the page's `@odata.count` (an expanded collection's `Trips@odata.count`) has the number of items that match, all pages together. */
  count?: boolean | undefined;
}

export interface QueryOptions<T, N = {}, S extends string = PropertyName<T, N>, C = {}, E = Expand<N>> extends ReadOptions, QueryParts<T, N, S, C, E, string | TypedFilter<T, N>> {}

/**
 * The options of a read whose `$expand` is inferred as `E` (so that the result type follows it):
 * inferred, an object is not checked for names it should not have, so `KnownOnly` makes each name
 * that is no navigation property (`{ Trips: true, Frends: true }`), at any level, an error.
 */
export type ReadQuery<T, N, S extends string, C, E> = QueryOptions<T, N, S, C, E & KnownOnly<E, N>>;

/**
 * The same for a read of one entity (`getSession`): `$select`, `$expand` and `$compute` only, since
 * `$filter`, `$orderby`, `$top`, `$skip`, `$search` and `$count` apply to collections (URL
 * Conventions §5.1; a service answers them on one entity with 400).
 */
export interface ReadOneQuery<N, S extends string, E> extends ReadOptions, EntityParts<S, E & KnownOnly<E, N>> {}

/**
 * `$expand` of the type `E` names only navigation properties of `N`, at every level: for a function
 * of your own that passes an inferred `E` on (`expand: E & rt.KnownOnly<E, N>`).
 */
export type KnownOnly<E, N> = E extends readonly unknown[] ? unknown : { [K in keyof E]: K extends keyof N ? KnownNested<E[K], N[K]> : never };

type KnownNested<O, X> = O extends true ? unknown : X extends Nav<unknown, infer M, unknown, unknown, unknown> ? { [P in keyof O]: P extends "expand" ? KnownOnly<O[P], M> : P extends keyof QueryParts<unknown> | keyof ExpandOnly ? unknown : never } : unknown;

/** Control information a service may add to an entity (OData JSON Format §4.5). */
export interface ControlInfo {
  /** In a delta response, an entity removed from the collection (OData 4.01 JSON delta format; Graph's `delta()`): then only its key is sure to be there. */
  "@removed"?: { reason?: "changed" | "deleted" | undefined };
  "@odata.etag"?: string;
  "@odata.id"?: string;
  "@odata.editLink"?: string;
  /** The URL to read the entity by, where it is not its id (JSON Format §4.5.9). */
  "@odata.readLink"?: string;
  "@odata.context"?: string;
  /** The same in an OData 4.01 payload, which may leave out the `odata.` prefix (JSON Format 4.01 §4.5; the runtime reads `@etag` too). */
  "@etag"?: string;
  "@id"?: string;
  "@editLink"?: string;
  "@readLink"?: string;
  "@context"?: string;
  /** A media entity's (`HasStream`) media: the URL to read it, the URL to change it, its content type and its ETag (JSON Format §4.5.8–§4.5.11). */
  "@odata.mediaReadLink"?: string;
  "@odata.mediaEditLink"?: string;
  "@odata.mediaContentType"?: string;
  "@odata.mediaEtag"?: string;
  /** The same of a stream property `p` (`Photo@odata.mediaReadLink`), whose value the entity does not hold; in 4.01 also without `odata.` (`@mediaReadLink`). */
  readonly [media: `${string}@${"odata." | ""}media${"ReadLink" | "EditLink" | "ContentType" | "Etag"}`]: string | undefined;
  /**
   * A navigation property `p`'s URLs (JSON Format §4.5.11): `p@odata.navigationLink` to read the related
   * entities, `p@odata.associationLink` to their references; of an expanded collection, the next
   * page's, `p@odata.nextLink` (§4.5.5), and how many there are, `p@odata.count` (§4.5.4); in 4.01
   * also without `odata.` (`p@navigationLink`).
   */
  readonly [link: `${string}@${"odata." | ""}${"navigationLink" | "associationLink" | "nextLink"}`]: string | undefined;
  readonly [count: `${string}@${"odata." | ""}count`]: number | undefined;
  /** An instance annotation of the entity or of its property `p` (`@Namespace.Term`, `p@Namespace.Term`; JSON Format §20): any JSON value, as its term is not in the metadata (Graph's `@microsoft.graph.downloadUrl`). */
  readonly [annotation: `${string}@${string}.${string}`]: unknown;
}

/**
 * A PATCH's body (Protocol §11.4.3): PATCH changes what it names and leaves the rest as it is, in a
 * complex value too, so every property is optional at every depth: `{ failureInfo: { reason } }`
 * changes the reason alone. A collection (its items complete) and a geography or geometry value
 * replace the whole value, as a primitive does. A related entity (a navigation property named in
 * `N`, the entity's `…Navigation` type) is partial too, a collection's each: a deep update applies
 * PATCH semantics to each nested entity (OData 4.01 Protocol §11.4.3.1). (`replace: true`, a PUT,
 * sends the whole entity: `Replacement`.) A subtype's value in the `Any…` union of a concrete complex
 * type names its type in a PATCH too: without `@odata.type` it is the declared type's (`Typed` false).
 * An abstract type's may leave it out: a PATCH changes a value whose type the service knows. The
 * body, each related entity and each complex value `Annotated`, but a value of a type with subtypes
 * (an `Any…` union: its members each doubled would no longer take a value typed by the interface).
 */
export type Patch<T, N = {}> = Annotated<{ [K in keyof T]?: K extends keyof N ? Related<T[K], N[K], false> : PatchValue<Exact<T[K]>> } & Bindings<T, N> & BodyDeltas<T, N> & EntityId & TypePrefixLess<T>>;
/**
 * The entity's id an update's body (a PATCH's, `Patch`; a PUT's, `Replacement`) and each entity in
 * it may hold, `@odata.id`, for a 4.01 service (`PayloadFormat`) also `@id` (JSON Format §4.5.7;
 * only a 4.01 payload may leave out the prefix, JSON Format 4.01 §4.5): the service ignores it, as
 * the URL names the entity (Protocol §11.4.3), and the validators' `update` and `replace` modes take
 * it (a string). A create's body holds none (`NewEntity`); a complex value none either.
 */
type EntityId = { [K in "@odata.id" | IdPrefixLess]?: string };
/** `@id` for a 4.01 service, else nothing: a 4.0 body's editor offers `@odata.id` alone. */
type IdPrefixLess = PayloadFormat extends { prefixLess: true } ? "@id" : never;
type PatchValue<V, Typed = [Extract<V, object>] extends [{ "@odata.type": unknown }] ? true : false, Lone = OneMember<Extract<V, object>>> = V extends readonly unknown[] | GeoValue
  ? V
  : V extends object
    ? [Lone] extends [true]
      ? Annotated<PatchObject<V, Typed>>
      : PatchObject<V, Typed>
    : V;
/**
 * A property's type `V` as a body writes it: an `Edm.Int64` or `Edm.Decimal` (`number | string`), and
 * each item of a collection of them, also as a bigint, which the runtime writes with all its digits (a JSON number; a string with
 * `ieee754Compatible`). Other types as they are.
 */
type Exact<V> = ExactItem<V> | ([V] extends [readonly (infer I)[] | null | undefined] ? ExactItem<I>[] : never);
type ExactItem<V> = string extends V ? (number extends V ? V | bigint : V) : V;
type PatchObject<V, Typed> = { [K in keyof V]?: PatchValue<Exact<V[K]>> } & (Typed extends false ? (V extends { "@odata.type": infer L } ? { "@odata.type": L } : {}) : {});
/**
 * A value nested in a create's or a PUT's body, `V` as the body's type has it: a complex value, and
 * each of a collection of them, `Annotated` at every depth, but a value of a type with subtypes (an
 * `Any…` union: its members each doubled would no longer take a value typed by the interface, which
 * TypeScript relates to them member by member of its `@odata.type`); a primitive value, a geography
 * or geometry value and a collection of them as they are.
 */
type Nested<V, Lone = OneMember<Extract<V, object>>> = V extends (infer I)[]
  ? [I] extends [object] ? Nested<I>[] : V
  : V extends GeoValue
    ? V
    : V extends object
      ? [Lone] extends [true]
        ? Annotated<Complex<V>>
        : Complex<V>
      : V;
/** A complex value of a create's or a PUT's body, its properties `Nested`. */
type Complex<V> = { [K in keyof V]: Nested<Exact<V[K]>> };
/**
 * An operation's complex parameter value `V` (JSON Format §18), and each of a collection of them:
 * `Annotated` at its top, an abstract type's `Any…` union too (which takes no value typed by an
 * interface anyway), and each complex value nested in it as in a create's body (`Nested`).
 */
export type Argument<V> = Annotated<Complex<V>>;
/** `true` where `O` is one object type, not a union (an `Any…` union of a complex type's subtypes). */
type OneMember<O, A = O> = O extends unknown ? ([A] extends [O] ? true : false) : never;

/**
 * An object of a body, `B`, that may also hold instance annotations (JSON Format §18, §20),
 * `@Namespace.Term` or `property@Namespace.Term` with any value (Graph's
 * `"@microsoft.graph.conflictBehavior": "rename"`). A union, not `B & Annotations`: a value typed by
 * an interface has no index signature, and still fits. At the top of a body (a create's, `Patch`,
 * `Replacement`), of its related entities, of each complex value nested in them (`PatchValue`,
 * `Nested`) but an `Any…` union's, and of an action's complex parameter value and those in it (`Argument`).
 */
export type Annotated<B> = B | (B & Annotations);

/**
 * Instance annotations' names, `…@` and a qualified term, but not `@odata.…`, control information: a
 * body holds what its type declares (`@odata.type`, `p@odata.bind`), `@odata.tpye` is an excess
 * property. So a namespace or alias starting with a lowercase `o` needs two dots (`@org.example.t`;
 * not `@ox.t`: telling it from `@odata.t` would cost the compiler more patterns).
 */
export type Annotations = { [name: `${string}@${AnnotationStart}${string}.${string}`]: unknown };
type AnnotationStart = Exclude<Lower, "o"> | Uppercase<Lower> | "_" | `o${string}.${string}`;
type Lower = "a" | "b" | "c" | "d" | "e" | "f" | "g" | "h" | "i" | "j" | "k" | "l" | "m" | "n" | "o" | "p" | "q" | "r" | "s" | "t" | "u" | "v" | "w" | "x" | "y" | "z";

/**
 * A navigation property's value `V` in a body, `M` its `Nav` (which names the navigation properties
 * its entities may have in a body, `W`, and the target's subtypes): each entity as a create (`C`) or
 * a PATCH writes it, or a `Reference` to an existing one. Each member of a union of subtypes (`I`)
 * separately, so that its bindings are those of the navigation properties its own type has. In a
 * PATCH each also as `I` itself, whole, which its `Patch` takes anyway: so a value typed by an
 * `Any…` union of many subtypes (Graph's `entity`: 1054) relates to it member by member, each to
 * itself, where the compiler would compare each member with every member's `Patch` and give up
 * (TS2859, "Excessive complexity"). Where the target is a concrete type with subtypes (`Nav`'s `B`),
 * also each of those, its `@odata.type` required, and the declared type's entity without their
 * own properties and bindings (`NotSubtype`): a subtype's property is typed by its own type alone.
 * Where the navigation property's Validation.DerivedTypeConstraint leaves out the declared type
 * (`Nav`'s `O`), a create's entity is one of those subtypes only, as the validators want: one
 * without `@odata.type` would be of the declared type, and one naming another type is none of
 * `B`'s. A PATCH's related entity may still be the declared type's without a name (the entity the
 * service has keeps its type), as the validators take it.
 */
type Related<V, M, C extends boolean> = M extends Nav<infer T, infer N, infer S, unknown, infer W, infer B, infer O>
  ? V extends readonly (infer I)[]
    ? (ReferenceTo<T, S> | Own<O, C, Declared<Each<I, W, Named<T, S>, C>, I, N, W, SubtypeBodies<B, C>, T>> | Subtyped<SubtypeBodies<B, C>, W, C>)[]
    : V extends object
      ? ReferenceTo<T, S> | Own<O, C, Declared<Each<V, W, Named<T, S>, C>, V, N, W, SubtypeBodies<B, C>, T>> | Subtyped<SubtypeBodies<B, C>, W, C>
      : V
  : V;
/** The declared type's entity `E` in a body, where it may be there: not in a create's or a PUT's (`C`) through a navigation property whose constraint leaves its type out (`O` false). */
type Own<O, C extends boolean, E> = C extends true ? ([O] extends [false] ? never : E) : E;
type Each<I, W, Typed extends boolean, C extends boolean> = I extends unknown ? (C extends true ? Inserted<I, W, Typed> : Patch<I, W> | I) : never;
/**
 * Each subtype's entity of a concrete target (`SubtypeBodies`) as a create (`C`) or a PATCH writes
 * it, its `@odata.type` required in both (`WithType`): a PATCH's related entity without it is the
 * declared type's, whose validator refuses a subtype's property (a PATCH of an abstract type's
 * entity, `Each`, may leave it out).
 */
type Subtyped<X, W, C extends boolean> = X extends unknown ? (C extends true ? Inserted<X, W, true> : WithType<Patch<X, W>> | X) : never;
/**
 * The subtypes of a navigation property's concrete target (`Nav`'s `B`, a `…SubtypeBodies` map by
 * qualified name: each subtype's write type, or its create's and update's where they differ) as a
 * create (`C`) or an update writes them, each with its `@odata.type`, `#` and the name it is listed
 * by; never for a target without.
 */
type SubtypeBodies<B, C extends boolean> = { [K in keyof B & string]: (B[K] extends { create: infer X; update: infer Y } ? (C extends true ? X : Y) : B[K]) & { "@odata.type": `#${K}` } }[keyof B & string];
/** The write type of the subtype `B` lists by the name `Q`, as a create (`C`) or an update writes it. */
type SubtypeBody<B, Q extends keyof B, C extends boolean> = B[Q] extends { create: infer X; update: infer Y } ? (C extends true ? X : Y) : B[Q];
/**
 * `Q` where it is one name, all of `All`, else never: a body whose `@odata.type` may be one of several
 * names (a value typed by the read interface of a subtype with subtypes of its own, `"#ns.a" | "#ns.b"`)
 * is checked as the type's own, as it was before a body could be a subtype's.
 */
type OneName<Q, All> = [All] extends [Q] ? Q : never;

/**
 * A create's body through a set or navigation property of a concrete entity type with subtypes, `D`
 * its own body: where its `@odata.type` names one of the subtypes `B` lists (a `…SubtypeBodies` map;
 * `Q`, the name, inferred from it), that subtype's create body alone (`CreateBody`: its own
 * properties typed, its computed ones left out, the navigation properties it has among `W`'s), so
 * that a value typed by the subtype's read interface is taken or refused as the subtype's own
 * create takes it, and a message names the property at fault (intersected with `D`, a union
 * (`Annotated`) as the subtype's body is, a compiler's message about such a value ended at the
 * member it tried last, `Annotations`: "Index signature ... is missing in type 'Group'"). Else `D`
 * itself (`Q` is `""`, the declared type's name, or another: see `NamedOneOf`): a body that names
 * no subtype is checked as before, and a subtype's property in it is an excess property. `Q` is
 * inferred from the `@odata.type` beside the branches (`#${Q}`, or any name `D` takes, so that it
 * narrows nothing): inside them alone, a compiler widened a literal body's `"#ns.Sub"` to `string`
 * where `D` names literals (`BookCreateInput`), and checked it as `D`. Through an address that holds
 * only the subtypes `H` (`MayHold<H>`), a body naming another type (or none) is checked as
 * `HeldOnly<H>`, whose message ends at the names allowed there, for a value typed by an interface
 * (`const d: Device`) too.
 */
export type SubtypeCreate<D, B, W, Q extends string, H extends string = never> = [Q] extends [Held<H>] ? { "@odata.type"?: `#${Q}` | NameOf<D> } & SubtypeCreateOf<D, B, W, Q, Q> : HeldOnly<H>;
/** The subtype's create body where `Q` is one of `B`'s names, else `D`. */
type SubtypeCreateOf<D, B, W, Q extends string, All> = Q extends keyof B & OneName<Q, All> ? CreateBody<SubtypeBody<B, Q, true>, W> : D;
/** The names a body `D` takes in `@odata.type`. */
type NameOf<D> = D extends { "@odata.type"?: infer N } ? Exclude<N, undefined> : never;
/** The subtypes an address holds, `H` (`HeldCreate`), or any where it names none. */
type Held<H> = [H] extends [never] ? string : H;
/**
 * A create's body of a type the address does not hold (`HeldCreate`): its `@odata.type` one of
 * those it holds, and any properties, so that the compiler refuses it for its `@odata.type` alone,
 * naming the ones allowed there (with the subtype's body, whose `@odata.type` is none of those, the
 * intersection was `never`, and the message `Type 'string' is not assignable to type 'never'`).
 */
type HeldOnly<H extends string> = { "@odata.type": `#${NotInferred<H>}` } & { readonly [name: string]: unknown };
/**
 * What a create's or an update's body of an entity type with no base type but with subtypes (whose
 * interface declares `` `#${string}` ``) adds to its own, `D` of `SubtypeCreate` and
 * `SubtypeUpdate`: where the name it gives in `@odata.type`, `Q`, is none of `N` (the type's own,
 * its listed subtypes', and in a slice those of the concrete subtypes it left out), its
 * `@odata.type` must be one of them, as the validator refuses another. A name the compiler knows
 * only as a `string` (a value typed by the read interface, `` `#${string}` ``) is taken, as before.
 * (A type with a base type needs none: its interface's literals hold its names.)
 */
export type NamedOneOf<Q extends string, N extends string> = Q extends N | "" ? unknown : string extends Q ? unknown : { "@odata.type"?: `#${N}` };

/**
 * What a create's body through an address that holds only the subtypes `H` (`HoldsOnly`, from its
 * navigation property's Validation.DerivedTypeConstraint; `MayHold<H>` infers them) adds to
 * `SubtypeCreate`: its `@odata.type`, `Q`, must name one of them (`H` inferred from the address
 * alone), as the service makes only those
 * there (Graph's `createDirectoryObject(client, groupMembers(group), { "@odata.type":
 * "#microsoft.graph.administrativeUnit" })` does not compile); a body naming none is the declared type's, which
 * is not among them either; a body that may be of several types (`Q` a union) names only allowed
 * ones. Nothing where the address holds any subtype (`H` never). The generated creates no longer
 * put it in `SubtypeCreate`'s `D`, which `SubtypeCreate` uses only where `Q` is one of `H`, and
 * where it was `unknown`: `HeldOnly<H>` checks the rest; kept for code that names it.
 */
export type HeldCreate<Q extends string, H extends string> = [H] extends [never] ? unknown : [Q] extends [H] ? unknown : { "@odata.type": `#${NotInferred<H>}` };

/**
 * An update's body through a set or navigation property of a concrete entity type with subtypes, `D`
 * its own (`UpdateBody`), as `SubtypeCreate` has a create's: where its `@odata.type` names a subtype
 * `B` lists (`Q`), also that subtype's PATCH body, or with `replace: true` (`R`) its PUT body, its keys
 * `K` optional (`Replacement`). A PATCH names the entity's own type, which it does not change.
 */
export type SubtypeUpdate<D, B, W, R, K extends PropertyKey, Q extends string> = D & SubtypeUpdateOf<B, W, R, K, Q, Q>;
type SubtypeUpdateOf<B, W, R, K extends PropertyKey, Q extends string, All> = Q extends keyof B & OneName<Q, All>
  ? (true extends R ? Replacement<SubtypeBody<B, Q, false>, K, never, W> : Patch<SubtypeBody<B, Q, false>, W>) & { "@odata.type"?: `#${Q}` }
  : unknown;
/**
 * The declared type's entity in a body, `E` (`I` as the body writes it), where its type has
 * subtypes `X` (`SubtypeBodies`): without the properties only they declare and without the bindings of
 * the navigation properties only they have (`W`'s, not `N`'s), so that a value with one is checked
 * against the subtype its `@odata.type` names; of an open type too, whose index signature took them
 * (with any value), and also naming no type (`Unnamed`). `E` itself where there are none.
 */
type Declared<E, I, N, W, X, T> = [X] extends [never] ? E : (E & NotSubtype<Exclude<KeysOf<X>, DeclaredKeys<I>>, Exclude<keyof W, keyof N> & string>) | Unnamed<E, I, Exclude<keyof W, keyof N> & string, Exclude<TypeNames<T>, TypeNames<X>>>;
type NotSubtype<P extends PropertyKey, L extends string> = { [K in P | `${L}@odata.bind` | PrefixLess<L>]?: never };
/**
 * The declared type's entity `E` naming no type or its own (`Q`: the names of the navigation
 * property's type `T` that are no subtype's), where the type is open (`I` has an index signature):
 * a subtype's property name there is a dynamic property, of any value, as the validators take it;
 * but not the binding of a subtype's navigation property (`L`), which the validators refuse on the
 * declared type ("manager is not a navigation property"). One that names a subtype is `Declared`'s
 * other member, without the subtypes' properties, so that it is checked against that subtype's
 * entity alone.
 */
type Unnamed<E, I, L extends string, Q> = string extends keyof I ? E & { "@odata.type"?: Q } & { [K in `${L}@odata.bind` | PrefixLess<L>]?: never } : never;
/** The properties each member of a union declares, without an open type's index signature (whose `keyof` is `string`). */
type KeysOf<X> = X extends unknown ? DeclaredKeys<X> : never;
/**
 * An entity of a deep insert, as a create's body at the top: partial, its `@odata.type` required
 * where the declared type is abstract (`Typed`, `Named`). Without an id (`NewEntity`): an object with one
 * is a `Reference`, which in a create names an existing entity and holds nothing else.
 */
type Inserted<I, N, Typed extends boolean> = Typed extends true ? WithType<CreateBody<I, N>> & NewEntity : CreateBody<I, N> & NewEntity;
/**
 * What an entity a create inserts may not hold: an id, `@id` or `@odata.id`, which names an existing
 * entity, and a create relates one but does not change it (Protocol §11.4.2). So a value with an id
 * is checked as a `Reference` alone, and a property beside the id is an excess property.
 */
type NewEntity = { "@id"?: never; "@odata.id"?: never };
/**
 * Whether an entity of a navigation property's target, `T` as a read has it and `S` its subtypes
 * (`Nav`'s), names its type in a create's or a PUT's body: where the type is abstract, its read
 * type `SubtypeOf<…>` (each member names its type) or, for one with very many subtypes (Graph's
 * `entity`), not listed, `AnyAbstractCast`. There a value whose `@odata.type` may be left out (a
 * value typed by the interface's `Any…` union) fails on that property, each member of its union at
 * once, not member by member against every subtype's body (TS2859, "Excessive complexity").
 */
type Named<T, S> = [T] extends [{ "@odata.type": string }] ? true : [S] extends [AnyAbstractCast] ? true : false;

/**
 * An entity reference in a body's navigation property (JSON Format 4.01 §8.5, §4.5.7): it binds the
 * existing entity it names, as `p@odata.bind` does in 4.0 (4.01 clients must not send
 * `@odata.bind`). Its id is `@odata.id`; for a 4.01 service (`PayloadFormat`) also `@id`, without
 * the prefix, which only a 4.01 payload may leave out (JSON Format 4.01 §4.5); one of them, not
 * both (the validators refuse a second id). An entity reference with properties too (`{
 * "@odata.id": "Products(57)", Name: "Widgets" }`) also changes that entity, as a PATCH does; the
 * validators' write modes check those properties so. `Annotated`: beside its id and type, an entity
 * reference may hold instance annotations, but no other control information (JSON Format 4.01 §14).
 */
export type Reference = Annotated<PayloadFormat extends { prefixLess: true } ? { "@id": string; "@odata.id"?: never } | { "@odata.id": string; "@id"?: never } : { "@odata.id": string }>;
/**
 * A `Reference` to an entity of a type with subtypes, which may name its type (`Q`: the `#ns.T`
 * names of the navigation property's type and subtypes), as the validators take it; for a 4.01
 * service (`PayloadFormat`) also as `@type`, without the prefix (JSON Format 4.01 §4.5), which a
 * 4.0 service's validators refuse there; one of them, not both (the validators refuse a second name).
 */
export type TypedReference<Q extends string> = Annotated<
  PayloadFormat extends { prefixLess: true }
    ? ({ "@id": string; "@odata.id"?: never } | { "@odata.id": string; "@id"?: never }) & ({ "@odata.type"?: Q; "@type"?: never } | { "@type"?: Q; "@odata.type"?: never })
    : { "@odata.id": string; "@odata.type"?: Q }
>;
/**
 * The reference of a navigation property's entity, `T` as a read has it and `S` its subtypes
 * (`Nav`'s): a `TypedReference`, which may name its type (one without subtypes its own: the
 * validators take `{ "@odata.id": "People('x')", "@odata.type": "#ns.Person" }`), `Reference`
 * where `T` declares no names. So every member of the union a body's
 * entity is checked against (`Related`, `Replacing`) has `@odata.type`, and a compiler's message
 * about a misspelt one names all the names it may be (`'"#zoo.model.bird" | "#zoo.model.parrot" |
 * "#zoo.model.fish"'`); with a member without it, TypeScript checked the value against one member
 * alone, the last of those that tie, and named only that one's.
 */
type ReferenceTo<T, S> = keyof S extends never ? ([TypeNames<T>] extends [never] ? Reference : TypedReference<TypeNames<T>>) : TypedReference<TypeNames<T>>;
/** The `#ns.T` names a value of `T` (a union of types) may give in `@odata.type`. */
type TypeNames<T> = T extends { "@odata.type"?: infer Q extends string } ? Q : never;
/** What GeoJSON values (edm.ts) have in common: replaced whole, not merged. */
type GeoValue = { type: "Point" | "LineString" | "Polygon" | "MultiPoint" | "MultiLineString" | "MultiPolygon" | "GeometryCollection" };

/**
 * A PUT's body (Protocol §11.4.3): the whole entity, since the service resets each property the
 * body leaves out to its default (a nullable one to null). As a create sends it, but complete: `T`
 * without the properties `X` a client may not change (`Core.Computed`, `Core.Immutable`: the service
 * ignores them), the keys `K` optional (the URL names the entity); every other property as `T` has
 * it: a non-nullable one (a collection, one with a default value) required, a nullable one and a
 * navigation property optional (a relationship the body does not name is left as it is), complex
 * values whole (`Nested`); the bindings of `N`'s navigation properties (`Bindings`); `Annotated`. Plain mapped types, so that a compiler's message names them (`Replacement<Item, …>`)
 * rather than spelling out the object type. (A generated `updateX` passes the entity's write type,
 * `ItemUpdateInput`, without what a client may not change at every depth, and only the keys as `K`.)
 */
export type Replacement<T, K extends PropertyKey = never, X extends PropertyKey = never, N = {}> = Annotated<Replaced<T, K | X, N> & OnlyKeys<T, Exclude<K, X>> & Bindings<T, N> & BodyDeltas<T, N> & EntityId & TypePrefixLess<T>>;
/** `T` without the properties `K`; a navigation property `N` names holds its entities as `Replacing` writes them. */
type Replaced<T, K extends PropertyKey, N> = { [P in keyof T as P extends K ? never : P]: P extends keyof N ? Replacing<T[P], N[P]> : Nested<Exact<T[P]>> };
/**
 * A related entity in a PUT (`V`, `M` its `Nav`): whole, as `Replacement` has it, its keys (`K`)
 * optional, its `@odata.type` required where the declared type is abstract (the validators' `replace`
 * mode wants it below the top: the value replaces what was there), one of `B`'s alone where the
 * constraint leaves out the declared type (`Own`); or a `Reference`.
 */
type Replacing<V, M> = M extends Nav<infer T, infer D, infer S, infer K, infer N, infer B, infer O>
  ? V extends readonly (infer I)[]
    ? (ReferenceTo<T, S> | Own<O, true, Declared<ReplacedEntity<I, N, Named<T, S>, K extends PropertyKey ? K : never>, I, D, N, SubtypeBodies<B, false>, T>> | ReplacedEntity<SubtypeBodies<B, false>, N, true, K extends PropertyKey ? K : never>)[]
    : V extends object
      ? ReferenceTo<T, S> | Own<O, true, Declared<ReplacedEntity<V, N, Named<T, S>, K extends PropertyKey ? K : never>, V, D, N, SubtypeBodies<B, false>, T>> | ReplacedEntity<SubtypeBodies<B, false>, N, true, K extends PropertyKey ? K : never>
      : V
  : V;
type ReplacedEntity<I, N, Typed extends boolean, K extends PropertyKey> = I extends unknown ? (Typed extends true ? WithType<Replacement<I, K, never, N>> : Replacement<I, K, never, N>) : never;
/** The properties `K` of `T`, optional. */
type OnlyKeys<T, K extends PropertyKey> = { [P in keyof T as P extends K ? P : never]?: Exact<T[P]> };

/**
 * A create's body: every property may be left out (the service fills in defaults and the keys it
 * makes); those it computes (`X`) may not be given. For each member of a union, and keeping an open
 * type's declared properties beside its index signature (which `Omit` would not); a deep insert's
 * entities as `CreateBody` has them. (A generated `createX` takes `Partial` of the entity's write
 * type, `Partial<ItemCreateInput>`, or `CreateBody` of it, which is this at every depth.)
 */
export type Creation<T, X extends PropertyKey, N = {}> = CreateBody<WithoutKeys<T, X>, N>;

/**
 * A create's body of `T` (its write type), `N` its `…Navigation` type: every property optional, and
 * the entities of a deep insert (the navigation properties `N` names) each so too, as a create's body
 * is at the top: a nested entity may leave out what the service fills in (keys it makes, defaults),
 * and names its type in `@odata.type` where the declared type is abstract (`WithType`); each
 * entity and each complex value (`Nested`) `Annotated`. A generated `createX` takes it where the entity has navigation properties,
 * else `New`.
 */
export type CreateBody<T, N = {}> = Annotated<{ [K in keyof T]?: K extends keyof N ? Related<T[K], N[K], true> : Nested<Exact<T[K]>> } & Bindings<T, N> & TypePrefixLess<T>>;
/** A create's body of an entity type without navigation properties, `CreateBody<T>`, named short: the generated code has hundreds. */
export type New<T> = CreateBody<T>;

/**
 * The bindings a body may hold (JSON Format §8.5): `p@odata.bind` for each navigation property `p`
 * that `N` (the entity's `…Navigation` type) names (not its paths, `a/nav` and `Ns.type/nav`, which
 * an open type's index signature would let `keyof T` take), relating the entities it names by id or URL: an
 * array of them for a collection-valued `p`, one for a single-valued one, or null (which removes the
 * relationship) for a nullable one. For a service of OData 4.01 (`PayloadFormat`) also `p@bind`, without
 * the prefix, which only a 4.01 payload may leave out (JSON Format 4.01 §4.5). (A misspelt `p` is an
 * excess property, except on an open type, whose index signature takes any name: there the
 * validators' write modes report it.)
 */
export type Bindings<T, N> = { [K in Plain<keyof N> & keyof T & string as `${K}@odata.bind` | PrefixLess<K>]?: NonNullable<T[K]> extends readonly unknown[] ? string[] : null extends T[K] ? string | null : string };

/**
 * An update's nested deltas, for a 4.01 service (Protocol 4.01 §11.4.3.1; JSON Format 4.01 §15.4.1):
 * `nav@delta` of a collection-valued navigation property `nav` (or `nav@odata.delta`, the prefixed
 * form, which a 4.01 payload may write too, JSON Format 4.01 §4.5, and the validators take) lists
 * the related entities to add or change (as a PATCH writes each), references to relate (`{ "@id":
 * "People('b')" }`), and those to remove (`Removing`). Nothing for a 4.0 service, whose body binds (`nav@odata.bind`) instead.
 */
type BodyDeltas<T, N> = PayloadFormat extends { prefixLess: true }
  ? { [K in Plain<keyof N> & keyof T & string as NonNullable<T[K]> extends readonly unknown[] ? `${K}@delta` | `${K}@odata.delta` : never]?: BodyDeltaItem<T[K], N[K]>[] }
  : unknown;
type BodyDeltaItem<V, M> = M extends Nav<infer T, unknown, infer S, infer K, infer W>
  ? V extends readonly (infer I)[] ? ReferenceTo<T, S> | Each<I, W, Named<T, S>, false> | Removing<I, K> : never
  : never;
/**
 * A related entity an update's nested delta removes (`@removed`): `reason: "deleted"` deletes it,
 * else it leaves the collection; its key `K` or its `@id` says which it is.
 */
type Removing<I, K> = { "@removed": { reason?: "changed" | "deleted" }; "@odata.type"?: string } & (Pick<I, Extract<K, keyof I>> | { "@id": string } | { "@odata.id": string });

/**
 * An entity's own type in a body (a create's, a PATCH's, a PUT's, and each entity in them), `T` its
 * type, for a 4.01 service (`PayloadFormat`) also as `@type`, without the prefix (JSON Format 4.01
 * §4.5): one of the two names, not both (the validators refuse a second name), and one of those `T`
 * declares in `@odata.type`. Nothing for a 4.0 service, whose validators refuse `@type` in a body.
 */
type TypePrefixLess<T> = PayloadFormat extends { prefixLess: true } ? { "@type"?: never } | { "@type"?: TypeNames<T>; "@odata.type"?: never } : unknown;

/** `p@bind` for a 4.01 service, else nothing: a 4.0 body's editor offers `p@odata.bind` alone. */
type PrefixLess<K extends string> = PayloadFormat extends { prefixLess: true } ? `${K}@bind` : never;

/**
 * What the service's payloads may write, by its metadata's OData version: empty for 4.0; the
 * request modules of a 4.01 service's output add `prefixLess: true` (control information and
 * bindings without the `odata.` prefix, JSON Format 4.01 §4.5), each output to its own copy of this
 * module, so that this text stays the same for every service.
 */
export interface PayloadFormat {}

/**
 * A create's body of an abstract entity type (`B`, a union of its subtypes' bodies): each member with
 * its `@odata.type` required (`TypeNamed` and the member's own, `"#ns.circle"`), which names the type
 * the service is to make (JSON Format §4.5.3), as the validators' `create` mode asks. It comes
 * first, so that a message about a value that may leave it out ends at it.
 */
export type WithType<B> = TypeNamed & B;

/** What `WithType` adds to each member. */
export interface TypeNamed {
  "@odata.type": string;
}

/**
 * `T` as a body writes it, in a generated write type (`ItemCreateInput`, `ItemUpdateInput`): without the
 * properties `X` a client may not send there (`Core.Computed`; in an update `Core.Immutable` too),
 * and the properties `O` names typed as `O` has them: the values nested in `T` as a body writes
 * them (a complex value without its computed properties, a deep insert's entities). Every other
 * property as `T` has it, `?` included; for each member of a union, an open type's index signature kept.
 * (A create's write type of a complex type leaves out here, too, the collections and properties with
 * a default value a create may leave out, and declares them again optional.)
 */
export type Written<T, X extends PropertyKey, O = {}> = { [P in keyof T as P extends X ? never : P]: P extends keyof O ? O[P] : T[P] };

/**
 * An update's body, by what its options' `replace` may be (`R`): a PATCH's, `Patch<T, N>`; with
 * `replace: true`, a PUT's, `P`: by default `Replacement<T, K, X, N>` for each member of a union (an
 * abstract type's subtypes, each whole), not to be given. A `replace` that only may be true (a
 * `boolean`, options typed `UpdateOptions`) takes the whole entity too: the call may replace it.
 * (The generated functions infer `R` alone, not the type of the whole options, so that a misspelt
 * option is still an error.) `P` is worked out where the type is written, with `T` known, rather than
 * in the branch: a union's distribution there, generic in `T`, made TypeScript 7 relate a PUT's body
 * to a PATCH's structurally, at every depth, whenever it compared two `UpdateBody`s generic in `R`
 * (a function of the caller's passing its options on: 20–45 s and 1.5 GB for one call).
 */
export type UpdateBody<T, R, K extends PropertyKey = never, X extends PropertyKey = never, N = {}, P = Replacements<T, K, X, N>> = true extends R ? P : Patch<T, N>;
/** `Replacement<T, K, X, N>` for each member of a union `T`. */
type Replacements<T, K extends PropertyKey, X extends PropertyKey, N> = T extends unknown ? Replacement<T, K, X, N> : never;

/**
 * What a create resolves with: the entity, or nothing when `prefer: "return=minimal"` asked for 204
 * (Protocol §11.4.2). A `prefer` that only may be `"return=minimal"` (a condition, options typed
 * `WriteOptions` or with the optional union) may bring either: the entity or `undefined`.
 */
export type Created<T, O> = O extends { prefer: "return=minimal" } ? undefined : "return=minimal" extends O[Extract<"prefer", keyof O>] ? (T & ControlInfo) | undefined : T & ControlInfo;

/**
 * The entity as read. With `$select` (`S`), the selected properties as declared, and the key
 * properties `K` maybe (a service may add them; Graph always does). Without, the service's default
 * set of properties, which the metadata does not tell (Protocol §11.2.5.1; Graph leaves out many
 * non-nullable ones): `DefaultSet<T, K>`, only the key sure to be there — or all of `T` when `K` is
 * `Whole` (the generation option `completeReads`: the service returns every property). Navigation
 * properties are there only as `$expand` (`E`) asks, each read as its own options say; one expanded
 * through a complex property, `a/nav`, keeps the whole of `a`. (The expansions and control
 * information are in both branches, not beside the condition: so a signature's `Selected` with its
 * own `S` stays one deferred type until a call chooses `S`, instead of an intersection the compiler
 * builds for every read function.) A cast path `Ns.type/p` in `S` is a property only of the types it
 * applies to (`CastSelected`, `SubtypeSelected`), never one named by the path, which an open type's
 * index signature would otherwise let `Pick` take.
 */
export type Selected<T, S extends string, N = {}, C = {}, K = Whole, E = never> = [S] extends [never]
  ? ([CastKey<ExpandKeys<E>>] extends [never] ? WithoutNavigation<Whole extends K ? T : DefaultSet<T, K & string>, keyof N | CastTail<keyof N>> : CastRead<T, N, C, K, E>) & AutoExpansions<T, N, E> & Expanded<T, N, E> & ControlInfo
  : (T extends unknown ? Chosen<T, Extract<Exclude<S, `${string}/${string}`> | CastSelected<T, S, C> | ComplexHeads<ExpandKeys<E>> | "@odata.type", keyof T>, AllNames<T, N> extends S ? true : false> & MaybeKey<T, K> & SubtypeSelected<T, S, C> & DynamicSelected<S> & CastExpanded<T, N, C, E> : never) & Expanded<T, N, E> & ControlInfo;

/**
 * An entry of a delta response (Protocol §11.3: Graph's `delta()` functions), read as `Selected` has
 * it but for the collection-valued navigation properties `$expand` names (or, Graph's form,
 * `$select`): each may come as a nested delta, `nav@delta` (JSON Format 4.01 §15.4.1), whose items
 * are the related entities added or changed (holding what changed: a default set, the key sure) and
 * the removed ones (`Removal`, with `@removed`); or as the whole collection, `nav`. Both optional: an
 * entry holds what changed. `S` may name such a navigation property (`$select=members`).
 */
export type DeltaSelected<T, S extends string, N = {}, C = {}, K = Whole, E = never, A = Many<T, N> & (S | ExpandKeys<E>)> = [A] extends [never]
  ? Selected<T, S, N, C, K, E>
  : WithoutKeys<Selected<T, DeltaSelect<S, A, K>, N, C, K, E>, A & PropertyKey> & Partial<Pick<Expanded<T, N, E>, A & keyof Expanded<T, N, E>>> & NestedDeltas<T, N, E, A>;

/** What a delta function's `$select` may name: the structural properties and the collection-valued navigation properties (Graph's `members`). */
export type DeltaPropertyName<T, N, C = {}> = PropertyName<T, N, C> | Many<T, N>;

/** The collection-valued navigation properties of `T` (`N` its `...Navigation`). */
type Many<T, N> = { [P in keyof N & keyof T]-?: NonNullable<T[P]> extends readonly unknown[] ? P : never }[keyof N & keyof T] & string;

/** `S` without the navigation properties `A`; the key `K` where that leaves nothing of a `$select` that named some. */
type DeltaSelect<S extends string, A, K> = [S] extends [never] ? never : [Exclude<S, A>] extends [never] ? Exclude<K, Whole> & string : Exclude<S, A>;

/** `nav@delta` of each collection-valued navigation property `A`: its items as `$expand` reads them, or removals. */
type NestedDeltas<T, N, E, A> = { [P in A & keyof N & keyof T & string as `${P}@delta`]?: DeltaItem<N[P], ExpandOptions<E, P>>[] };

/** An item of a nested delta: an entity added or changed, read as the expansion's options `O` say (no `@removed`), or one removed. */
type DeltaItem<X, O> = X extends Nav<infer U, infer M, infer C, infer K, unknown>
  ? (ExpandedEntity<U, M, C, Exclude<K, Whole>, O, never> & { "@removed"?: undefined }) | Removal<U, K>
  : never;

/**
 * An entity removed from a collection in a delta payload (JSON Format 4.01 §15.3; Graph's `{
 * "@odata.type": "#microsoft.graph.user", "id": "...", "@removed": { "reason": "deleted" } }`):
 * `reason` is `"deleted"` where the entity itself was, `"changed"` where it only left the collection;
 * its key `K` says which it was. `item["@removed"]` tells it from an added or changed one.
 */
export type Removal<U, K = never> = { readonly "@removed": { reason?: "changed" | "deleted" | undefined } } & Pick<U, Extract<K, keyof U>> & ControlInfo;

/** Of the names `A`, those behind a type cast: `Ns.type/nav` (a complex property's name, the head of `a/nav`, has no dot). */
type CastKey<A> = Extract<A, `${string}.${string}/${string}`>;

/** `nav` of each `Ns.type/nav`. */
type CastTail<A> = A extends `${string}.${string}/${infer K}` ? K : never;

/**
 * A read without `$select` whose `$expand` names a navigation property behind a type cast: each type
 * `T` may be as `WithoutNavigation` has it, its subtypes' navigation properties left out too (there
 * only as `$expand` asks), and those expanded on the types the cast applies to (`CastExpanded`).
 */
type CastRead<T, N, C, K, E> = T extends unknown ? WithoutNavigation<Whole extends K ? T : DefaultSet<T, K & string>, keyof N | CastTail<keyof N>> & CastExpanded<T, N, C, E> : never;

/**
 * The navigation properties `$expand` names behind a cast to a type `T` is (the type itself or one it
 * derives from: `microsoft.graph.eventMessage/event` on an `eventMessage` or an
 * `eventMessageRequest`), each as `nav`, read as its nested options say: there when the entity is of
 * that type. Without a map of the subtypes (`AnyTypeCast`) the navigation interface lists none.
 */
type CastExpanded<T, N, C, E> = [CastKey<ExpandKeys<E>>] extends [never] ? unknown : C extends AnyTypeCast ? unknown : Expansions<T, N, E, CastFor<T, CastKey<ExpandKeys<E>> & keyof N, C>>;

/** Of the cast paths `A`, those whose type `T` is. */
type CastFor<T, A, C> = A extends `${infer Q}/${string}` ? (Q extends keyof C ? (T extends C[Q] ? A : never) : never) : never;

/** The expansions `A` of `T` (cast paths), each named as its navigation property (`nav`); those a literal `$expand` names present, as `Expanded` has them. */
type Expansions<T, N, E, A> = Present<{ [P in A & SureKeys<E> & keyof N as CastTail<P>]: ExpandedValue<T[CastTail<P> & keyof T], N[P], ExpandOptions<E, P>, CastTail<P>> }> &
  Present<{ [P in Exclude<A, SureKeys<E>> & keyof N as CastTail<P>]?: ExpandedValue<T[CastTail<P> & keyof T], N[P], ExpandOptions<E, P>, CastTail<P>> }> &
  Present<{ [P in A & string as NonNullable<T[CastTail<P> & keyof T]> extends readonly unknown[] ? `${CastTail<P>}@odata.count` : never]?: number }> &
  Present<{ [P in A & string as NonNullable<T[CastTail<P> & keyof T]> extends readonly unknown[] ? `${CastTail<P>}@odata.nextLink` : never]?: string }>;

/** The declared structural properties of `T`: what a `select` typed only as `PropertyName` (not a literal list) may name. */
type AllNames<T, N> = Exclude<DeclaredKeys<T> & string, keyof N | `@${string}`>;

/** The selected properties; all optional when `select` is not a literal list (a variable of type `QueryOptions`), which may name any. */
type Chosen<T, P extends keyof T, Wide extends boolean> = Wide extends true ? Partial<Pick<T, P>> : Pick<T, P>;

/** The key properties beside a `$select` that did not name them: a service may send them anyway. */
type MaybeKey<T, K> = [Extract<K, keyof T>] extends [never] ? unknown : Partial<Pick<T, Extract<K, keyof T>>>;

/**
 * `X`, or `unknown` where it has no properties: an intersection drops `unknown`, so a read's type
 * (what an editor shows on its result, and a compiler's message about it) holds no `& {}` for the
 * parts a call leaves empty. (`{}` and `unknown` are alike in an intersection of object types.)
 */
type Present<X> = [keyof X] extends [never] ? unknown : X;

/** Dynamic properties selected: any name may be there. */
type DynamicSelected<S> = [Extract<S, DynamicName>] extends [never] ? unknown : { readonly [name: string]: unknown };

/**
 * `Omit` for each member of a union (a mapped type over `keyof T` maps each member of a union apart),
 * keeping an open type's declared properties beside its index signature.
 */
type WithoutKeys<T, K extends PropertyKey> = { [P in keyof T as P extends K ? never : P]: T[P] };

/**
 * A read's properties without the navigation properties `K` (there only as `$expand` asks):
 * `WithoutKeys<T, K>`, or `T` itself where the type has none, so that a hover on the read (an
 * entity expanded to a type without navigation properties) shows no `WithoutKeys<…, never>`.
 */
type WithoutNavigation<T, K extends PropertyKey> = [K] extends [never] ? T : WithoutKeys<T, K>;

/** The navigation properties (or `a/nav` paths) `$expand` names, as a list or as the keys of an object. */
type ExpandKeys<E> = E extends readonly (infer K)[] ? K : keyof E;

/** `a` of each `a/nav`. */
type ComplexHeads<K> = K extends `${infer H}/${string}` ? (H extends `${string}.${string}` ? never : H) : never;

/** Of the names `A`, the navigation properties themselves: not `a/nav` nor `Ns.type/nav` (which an open type's index signature would let `keyof T` take). */
type Plain<A> = Exclude<A, `${string}/${string}`>;

/** The navigation properties of `N` marked `AutoExpanded`. */
type AutoKeys<N> = { [K in keyof N]-?: N[K] extends AutoExpanded ? K : never }[keyof N];

/**
 * The navigation properties the service expands unasked (`AutoExpanded`), in a read without
 * `$select`: each as an expansion without options, optional; one `$expand` names is as it says (`Expanded`).
 */
type AutoExpansions<T, N, E> = [AutoKeys<N>] extends [never] ? unknown : Present<{ [K in Exclude<AutoKeys<N>, Plain<ExpandKeys<E>>> & keyof T]?: ExpandedValue<T[K], N[K], true, K> }>;

/** The expanded navigation properties of `T`: each read as its nested options say. */
type Expanded<T, N, E> = [E] extends [never] ? unknown : Present<{ [K in Plain<SureKeys<E>> & keyof N & keyof T]: ExpandedValue<T[K], N[K], ExpandOptions<E, K>, K> }> & Present<{ [K in Plain<Exclude<ExpandKeys<E>, SureKeys<E>>> & keyof N & keyof T]?: ExpandedValue<T[K], N[K], ExpandOptions<E, K>, K> }> & PagedExpansions<T, N, Plain<ExpandKeys<E>>>;

/** An expanded collection's count (nested `count: true`) and, where the service pages it (Graph: 20 members), its next link. */
type PagedExpansions<T, N, A> = Present<{ [K in A & keyof N & keyof T & string as NonNullable<T[K]> extends readonly unknown[] ? `${K}@odata.count` : never]?: number }> & Present<{ [K in A & keyof N & keyof T & string as NonNullable<T[K]> extends readonly unknown[] ? `${K}@odata.nextLink` : never]?: string }>;

/**
 * The expansions sure to be made: those a literal `$expand` names. One typed only as `Expand<N>` (a
 * variable of type `QueryOptions`) may name any or none, so their properties are optional.
 */
type SureKeys<E> = Exclude<ExpandKeys<E>, NotSure<E, ExpandKeys<E>>>;

/** Of the names `A`, those some alternative of `E` (`cond ? ["Trips"] : []`) does not surely expand. */
type NotSure<E, A> = E extends unknown ? Exclude<A, SureIn<E>> : never;

type SureIn<E> = E extends readonly unknown[] ? (number extends E["length"] ? never : E[number]) : { [K in keyof E]-?: {} extends Pick<E, K> ? never : undefined extends E[K] ? never : K }[keyof E];

type ExpandOptions<E, K> = E extends readonly unknown[] ? true : E[K & keyof E];

/** A collection of entities, or one entity (`null` where the navigation property is nullable). */
type ExpandedValue<V, X, O, Name> = X extends Nav<infer U, infer M, infer C, infer K, unknown>
  ? NonNullable<V> extends readonly unknown[] ? ExpandedEntity<U, M, C, K, O, Name>[] : ExpandedEntity<U, M, C, K, O, Name> | (null extends V ? null : never)
  : never;

/** An expanded entity, read as its options `O` say; with `levels`, the same navigation property `Name` again below it (`LevelExpand`). */
type ExpandedEntity<U, M, C, K, O, Name> = Selected<U, O extends { readonly select?: readonly (infer P)[] | undefined } ? (P extends string ? P : never) : never, M, C, K, LevelExpand<O extends { readonly expand?: infer F } ? F : never, O, Name, M>>;

/**
 * The expansions `F` of an entity expanded with `$levels` (URL Conventions §5.1.3: each level with
 * the same options), and `Name` expanded again below it, one level fewer (`LevelsBelow`): optional
 * there, as a chain may end sooner. Where the target type does not declare `Name` but subtypes do
 * (Graph's `manager`, a `directoryObject` declared by `user` and `orgContact`), it is expanded
 * behind their casts (`Ns.user/manager`), on the entities of those types.
 */
type LevelExpand<F, O, Name, M> = O extends { readonly levels: infer L }
  ? [LevelsBelow<L>] extends [never] ? F : [LevelKeys<M, Name>] extends [never] ? F : WithExpansion<F, { readonly [P in LevelKeys<M, Name>]?: NextLevel<O, LevelsBelow<L>> }>
  : F;

/** `Name` in the navigation properties `M`, or else the subtypes' `Ns.type/Name`. */
type LevelKeys<M, Name> = Name extends keyof M ? Name : Extract<keyof M, `${string}.${string}/${Name & string}`>;

/**
 * How many levels below one that has `levels: L`: a literal from 2 to 8 one fewer; above 8, a number
 * not known (`number`) and `"max"` as `"max"`, to any depth; 1 (or less, or undefined) none.
 */
type LevelsBelow<L> = L extends keyof LevelsDown ? LevelsDown[L] : L extends 0 | 1 | undefined ? never : "max";
interface LevelsDown { 2: 1; 3: 2; 4: 3; 5: 4; 6: 5; 7: 6; 8: 7 }

/** The options `O` a level below: the same, with `levels: L`. */
type NextLevel<O, L> = L extends "max" ? O : { [P in keyof O]: P extends "levels" ? L : O[P] };

/** The expansions `F` (a list, an object or none) and those of `X`, in place of what `F` says of the same names: a list's names are `true`, sure where the list is a literal one (as `SureIn` reads it). */
type WithExpansion<F, X> = [F] extends [never] ? X : F extends readonly (infer A)[] ? (number extends F["length"] ? { readonly [P in A & string]?: true } : { readonly [P in A & string]: true }) & X : WithoutKeys<F, keyof X> & X;

/**
 * The properties `S` selects behind a cast to a type derived from `T` (`Ns.user/displayName` read
 * through a `directoryObject`): present when the entity is of that type, so optional. Without a map
 * of the subtypes (`AnyTypeCast`) their types are not known.
 */
type SubtypeSelected<T, S extends string, C> = [Extract<S, `${string}/${string}`>] extends [never] ? unknown : C extends AnyTypeCast
  ? Present<{ [P in S as P extends `${string}/${infer K}` ? K : never]?: unknown }>
  : Present<{ [P in S as P extends `${infer Q}/${infer K}` ? (Q extends keyof C ? (C[Q] extends T ? K : never) : never) : never]?: P extends `${infer Q}/${infer K}` ? (Q extends keyof C ? (K extends keyof C[Q] ? C[Q][K] : never) : never) : never }>;

/**
 * What a read of a concrete type `T` (qualified name `Q`) that has subtypes `C` holds: one member per
 * type, told apart by `@odata.type`, which a subtype's value always has (JSON Format §4.5.3). So
 * `m["@odata.type"] === "#microsoft.graph.user"` makes a group's member a user.
 */
export type OneOf<T, Q extends string, C> = (T & { "@odata.type"?: `#${Q}` }) | SubtypeOf<C>;

/**
 * What a read of an abstract type with subtypes `C` holds: one member per subtype, each with its own
 * `@odata.type` (always there: the declared type is abstract, JSON Format §4.5.3).
 */
export type SubtypeOf<C> = { [K in keyof C & string]: C[K] & { "@odata.type": `#${K}` } }[keyof C & string];

/**
 * `OneOf<T, Q, C>`, or where the address read holds only the subtypes `H` (`HoldsOnly`, from its
 * Validation.DerivedTypeConstraint) one member per such subtype: `listDirectoryObjects(client,
 * groupMembers(group))` reads users, groups, devices, … and no other directory object. `never`: any.
 */
export type OneOfHeld<T, Q extends string, C, H extends string> = [H] extends [never] ? OneOf<T, Q, C> : SubtypeOf<Pick<C, H & keyof C>>;

/** `SubtypeOf<C>` for an abstract type, narrowed to the subtypes `H` as `OneOfHeld` is. */
export type SubtypeOfHeld<C, H extends string> = SubtypeOf<[H] extends [never] ? C : Pick<C, H & keyof C>>;

/** `T` as a service's default set: the key properties `K` present, any other property maybe absent. */
export type DefaultSet<T, K extends string = never> = T extends unknown ? Partial<T> & Pick<T, Extract<K, keyof T>> : never;

/** One page of a collection (OData JSON Format §12); a 4.01 page's `@count`, `@nextLink`, … are read under these names. */
export interface Page<T> {
  value: T[];
  "@odata.count"?: number;
  "@odata.nextLink"?: string;
  /** On the last page of a delta response: where the next round of changes will be read (Protocol §11.3). */
  "@odata.deltaLink"?: string;
  "@odata.context"?: string;
}

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * A response the call cannot resolve with: a non-2xx one, with the service's `{ "error": { code,
 * message, ... } }` when it sent one (else its text, cut short in `message`, in `body` to 1 MiB); a
 * 204 No Content where the metadata says the result cannot be null (status and code 204, the
 * request in the message); or a 2xx whose body the call cannot read (code `UnreadableBody`, see
 * `unreadable`). `request` names the request that failed, `GET https://host/svc/People('x')`, also
 * where `message` is the service's own.
 */
export class ODataError extends Error {
  declare readonly status: number;
  declare readonly code: string;
  /** The error's `innerError` object (JSON Format §21.1: always an object), as the service sent it: Graph's `date` and `request-id`; else undefined. */
  declare readonly innerError: Readonly<Record<string, unknown>> | undefined;
  declare readonly requestId: string | undefined;
  declare readonly body: unknown;
  /** The method and URL of the request answered so (the URL as sent: a relative `baseUrl` stays relative). */
  declare readonly request: string;
  /** What the error is about, when the service names it (a property, a query option): the error body's `target`. */
  declare readonly target: string | undefined;
  /** The service's more specific errors, such as one per invalid property: the error body's `details` (JSON Format §21.1), else empty. */
  declare readonly details: readonly ODataErrorDetail[];
  /**
   * How long the answer's `Retry-After` asked to wait, in milliseconds (0 for a date past), where it
   * had one the client reads (seconds, or an HTTP date): a 429 or 503 given up on, or answered to a
   * request inside a `$batch`, which is not retried, so that the caller may send it again then.
   */
  declare readonly retryAfterMs?: number;
  /**
   * The answer's `WWW-Authenticate` header, where it had one (RFC 9110 §11.6.1: a 401's challenge):
   * Graph's continuous access evaluation answers a revoked token so, with the `claims` to ask the
   * identity platform for in the next token (`error="insufficient_claims", claims="eyJhY2Nl…"`).
   */
  declare readonly wwwAuthenticate?: string;
  /**
   * A 202 Accepted's status monitor (Protocol §11.6: its `Location` header, as the service wrote it),
   * where the call reads a result the service has not made yet: poll it for the outcome. Graph's
   * driveItem `copy` gives an absolute URL on another host, read without the token; its `POST
   * /teams` a path from the service root, `/teams('{id}')/operations('{id}')` (`rt.at(e.location)`).
   */
  declare readonly location?: string;

  /** `request` may be left out where no request was made (an error made up in a test): it is then "". `target` and `details` are read from `body`. */
  constructor(status: number, code: string, message: string, innerError: unknown, requestId: string | undefined, body: unknown, request = "") {
    super(message);
    Object.defineProperty(this, ODATA_ERROR, { value: true });
    const { target, details } = errorObject(body);
    Object.assign(this, {
      name: "ODataError", status, code, innerError: record(innerError), requestId, body, request,
      target: str(target),
      details: Array.isArray(details) ? details.filter(record).map(errorDetail) : [],
    });
  }

  /**
   * `instanceof ODataError` holds for an ODataError of any output's runtime (two services in one
   * app each have their own copy): it has the brand `Symbol.for("odatagen.ODataError")`.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return this === ODataError ? (value as { [ODATA_ERROR]?: unknown } | null)?.[ODATA_ERROR] === true : Function.prototype[Symbol.hasInstance].call(this, value);
  }

  /** What `JSON.stringify` writes of it (a log line): `message` is no enumerable property, so it would be left out. */
  toJSON(): Record<string, unknown> {
    const { name, message, status, code, request, requestId, details, body } = this;
    return { name, message, status, code, request, requestId, details, body };
  }
}

/** The brand of an ODataError, the same in every output's runtime (`Symbol.for`). */
const ODATA_ERROR = /* @__PURE__ */ Symbol.for("odatagen.ODataError");

/** One of an error's `details`: `code` and `message` as the service gave them (a number as text), and its `target` if it names one. */
export interface ODataErrorDetail {
  code: string;
  message: string;
  target?: string;
}

function errorDetail({ code, message, target }: Record<string, unknown>): ODataErrorDetail {
  return { code: typeof code === "number" ? String(code) : str(code) ?? "", message: str(message) ?? "", ...(typeof target === "string" && { target }) };
}

/** `value` when it is a string, else undefined. */
function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The object an error body describes the error with: its `error` (JSON Format §21.1), else the body itself. */
function errorObject(body: unknown): Record<string, unknown> {
  return record(record(body)?.["error"]) ?? record(body) ?? {};
}

/** `value` as a JSON object, or undefined when it is not one (an array is not). */
function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * The error of a non-2xx answer to `request` (`GET https://…`), with what its body tells. Its message
 * is the service's: an OData error's `message` as it is (JSON Format §21.1); from a body of another
 * shape, its own `message` or else its whole text (`{"error":"invalid_token"}`, a proxy's HTML page,
 * an OData error whose `message` is no string: OData V2's `{ lang, value }`), as an `excerpt`;
 * without a body, the status. A body `cut` (`headOf`) has the message say so after it.
 */
function toError(request: string, answer: Answer, cut?: string): ODataError {
  const [response, text] = answer;
  const { status } = response;
  const body = parseBody(answer);
  const err = errorObject(body);
  const { code, message } = err;
  const inner = err["innerError"] ?? err["innererror"];
  const said = (record(record(body)?.["error"]) && str(message)) ?? (excerpt(str(message) ?? str(body) ?? text) || undefined);
  const error = new ODataError(
    status,
    typeof code === "string" || typeof code === "number" ? String(code) : String(status),
    (said ?? `${status} ${response.statusText}`.trim()) + (cut ? `: its body ${cut}` : ""),
    inner,
    requestIdOf(response, inner),
    body,
    request,
  );
  const wait = retryAfterMs(response.headers.get("retry-after"), Date.now());
  if (wait !== undefined) Object.assign(error, { retryAfterMs: wait });
  const challenge = response.headers.get("www-authenticate");
  if (challenge) Object.assign(error, { wwwAuthenticate: challenge });
  return error;
}

/**
 * The service's id of the request, for a support request: Graph's `request-id` header, SAP CAP's
 * `X-Correlation-ID` (CAP answers every request with it), else the error body's `innerError`'s
 * `request-id`. (SAP Gateway sends no such header: its transaction id stays in `innerError`.)
 */
function requestIdOf(response: Response, inner?: unknown): string | undefined {
  const { headers } = response;
  return str(headers.get("request-id") ?? headers.get("x-ms-request-id") ?? headers.get("x-correlation-id") ?? record(inner)?.["request-id"]);
}

/**
 * No result where the metadata says the result cannot be null (an entity by key, a singleton or
 * navigation property that is not nullable, an operation's `Nullable="false"` result): a 204 No
 * Content, or JSON `null` (`body`: the body `null`, or `{ "value": null }` for one primitive value).
 * The call rejects, rather than resolving a null its type does not admit, with an ODataError, as
 * for any answer it cannot resolve with: callers already catch it, and it carries the status and
 * the service's request id, which a support request needs (a TypeError, as `items` reports a page
 * without `value`, would carry neither). A 204 has status and code 204; JSON `null` is an
 * `unreadable` body: `GET https://…/surePick(): 200 application/json, but the body is null, and the
 * metadata says the result cannot be null`.
 */
function noContent(response: Response, request: string, expected = "the metadata says the result cannot be null", body?: unknown): ODataError {
  const text = JSON.stringify(body);
  if (response.status !== 204) return unreadable(response, request, text, "", `the body is ${excerpt(text)}, and ${expected}`);
  return new ODataError(204, "204", `${request}: 204 No Content, but ${expected}`, undefined, requestIdOf(response), undefined, request);
}

/**
 * A 202 Accepted without a body where a result is read (Protocol §9.1.3, §11.6: Graph answers its
 * driveItem `copy` so): the service goes on with the request by itself, so the result is not in the
 * answer. The call rejects (status and code 202) with a message that names the status monitor the
 * service gives in `Location`, where the outcome is to be read, and has it as `location`, rather
 * than calling the body unreadable.
 */
function accepted(response: Response, request: string): ODataError {
  const monitor = response.headers.get("location");
  const where = monitor ? `; its status monitor is ${monitor}` : "";
  const error = new ODataError(202, "202", `${request}: 202 Accepted: the service goes on with the request asynchronously, so its result is not in the answer (Protocol §11.6)${where}`, undefined, requestIdOf(response), "", request);
  return monitor ? Object.assign(error, { location: monitor }) : error;
}

/**
 * A 2xx whose body is not what the call reads (`what`: JSON, an object, a count), or is empty where a value
 * is expected: an HTML sign-in page from a proxy, a truncated body. The call rejects with an
 * ODataError (the response's status, code `UnreadableBody`, the text in `body`, to its first
 * `ERROR_BODY_CAP` characters as an error answer's: a 20 MB page is not kept) rather than
 * resolving the text typed as the result: `GET https://…/Books('b1'): 200 text/html, but the body
 * is not JSON: <!DOCTYPE html>…`.
 */
function unreadable(response: Response, request: string, text: string, what: string, but = `the body is ${text ? `not ${what}: ${excerpt(text)}` : "empty"}`): ODataError {
  const { status } = response;
  const type = response.headers.get("content-type") ?? "without Content-Type";
  const body = text.length > ERROR_BODY_CAP ? detached(text.slice(0, ERROR_BODY_CAP)) : text;
  return new ODataError(status, "UnreadableBody", `${request}: ${status} ${type}, but ${but}`, undefined, requestIdOf(response), body, request);
}

/**
 * A copy of `part`, a slice of a longer text, that does not keep that text alive: V8 keeps a slice
 * (of 13 characters or more) as a view into the whole, so the first MiB of a 20 MB page, or a
 * message's 200 characters of it, would hold the 20 MB for as long as the error is kept (a log, a
 * retry, an error tracker). A JSON round trip makes a flat copy (a lone surrogate kept), in time
 * linear in its length, paid only when an error is made.
 */
function detached(part: string): string {
  return JSON.parse(JSON.stringify(part)) as string;
}

/**
 * A body's text for a message: on one line, its first 200 characters and its whole length when
 * longer (the text stays in `body`); a character outside the BMP is not cut in half. A run of
 * whitespace, control characters (a terminal's escapes, NUL) and bidirectional overrides is one
 * space, so a service's text cannot forge lines or reorder a log's. Only the first 1,000
 * characters are looked at, however long the body, and the excerpt of a long one is `detached` from it.
 */
function excerpt(text: string): string {
  const line = text.slice(0, 1000).replace(/[\s\0-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, " ").trim();
  return line.length > 200 || text.length > 1000 ? detached(`${line.slice(0, 200).replace(/[\ud800-\udbff]$/, "")}... (${text.length} characters)`) : line;
}

// ---------------------------------------------------------------------------------------------
// Key and parameter literals (OData URL Conventions §5.1.1.1)
//
// One small function per Edm type: the generated key specs name the ones they need
// (`rt.key("id", rt.edmString)`), so a bundle holds only those; `literal` picks one by name.

export type KeyValue = string | number | bigint | boolean | Date;

/** Writes a value as an OData literal of one Edm type, not yet percent-encoded. */
export type Literal = (value: KeyValue) => string;

/** How a key property or parameter is written as a literal, by name (`literal`, `functionCall`). */
export type KeyKind =
  | "String" | "Guid" | "Int16" | "Int32" | "Int64" | "Byte" | "SByte" | "Decimal" | "Double" | "Single"
  | "Boolean" | "Date" | "DateTimeOffset" | "TimeOfDay" | "Duration" | "Binary" | `enum:${string}`;

/** `'O''Neil'`: quoted, quotes doubled. */
export const edmString: Literal = (value) => `'${wholeText(String(value)).replace(/'/g, "''")}'`;

/**
 * `text`, unless it holds half of a surrogate pair: no URL can carry that (UTF-8 has no bytes for
 * it; `encodeURIComponent` would throw a URIError that names no value), so it is a TypeError here.
 */
function wholeText(text: string): string {
  // Left to right, a whole pair is one match and a half alone another: the first half alone throws.
  text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (half, i: number) => {
    if (half.length > 1) return half;
    throw new TypeError(`not text a URL can carry: half of a surrogate pair (\\u${half.charCodeAt(0).toString(16)}) at index ${i}`);
  });
  return text;
}
/** `true`, `false`, or those strings in any case (ABNF strings are case-insensitive); anything else is a TypeError. */
export const edmBoolean: Literal = (value) => ofForm("Boolean", String(value), /^(true|false)$/i).toLowerCase();
/** Numbers, and `"INF"`, `"-INF"`, `"NaN"` as `edm.SpecialFloat` names them (the ABNF's `nanInfinity`). */
export const edmDouble: Literal = (value) =>
  Number.isNaN(value) ? "NaN" : value === Infinity ? "INF" : value === -Infinity ? "-INF" : ofForm("Double", String(value), DOUBLE);
export const edmSingle: Literal = edmDouble;

/** A literal of an enum type: `Namespace.Gender'Female'` (flags: `'Male,Female'`). */
export function edmEnum(qualifiedName: string): Literal {
  return (value) => {
    // ABNF enumValue: names or values joined by commas, no spaces; the spaces .NET writes after them
    // (`Red, Blue`) are left out. A name the metadata gives that is no identifier (`request-id`, `it's`)
    // is kept, a quote doubled as in a string, since the service declares it; an empty one is no member.
    const members = wholeText(String(value)).split(",").map((member) => member.trim());
    if (members.some((member) => member === "")) throw new TypeError(`not a value of the enum ${qualifiedName}: ${String(value)} (a member's name or value, or several joined by commas)`);
    return `${qualifiedName}'${members.join(",").replace(/'/g, "''")}'`;
  };
}

/**
 * `text` when it has the form of the Edm type's literal (URL Conventions §5.1.1.1, its ABNF), else a
 * TypeError: the value is written into a URL, so nothing but such a literal may reach it. `example`
 * shows the form where a value of another form is easily taken for one (Graph's documentation
 * writes a date, `fromDateTime=2019-11-01`, where a DateTimeOffset is declared).
 */
function ofForm(kind: string, text: string, form: RegExp, example?: string): string {
  if (!form.test(text)) throw new TypeError(`not an Edm.${kind} literal: ${text}${example ? ` (e.g. ${example})` : ""}`);
  return text;
}

/** Literals of one form, each checked, with a prefix and quotes where the ABNF has them (`duration'P1D'`). */
function formed(kind: string, form: RegExp, prefix = "", example?: string): Literal {
  return (value) => {
    const text = ofForm(kind, String(value), form, example);
    return prefix ? `${prefix}'${text}'` : text;
  };
}
const DECIMAL = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const DOUBLE = /^([+-]?\d+(\.\d+)?([eE][+-]?\d+)?|NaN|-?INF)$/;

const INTEGER = /^[+-]?\d+$/;

/** Integers of one Edm type: digits only, within the type's range (CSDL §4.4), else a TypeError. */
function integral(kind: string, min: number, max: number): Literal {
  return (value) => {
    const text = ofForm(kind, String(value), INTEGER);
    const n = Number(text);
    if (n < min || n > max) throw new TypeError(`not an Edm.${kind} literal: ${text} is out of its range ${min}..${max}`);
    return text;
  };
}
export const edmInt16: Literal = /* @__PURE__ */ integral("Int16", -32768, 32767);
export const edmInt32: Literal = /* @__PURE__ */ integral("Int32", -2147483648, 2147483647);
export const edmByte: Literal = /* @__PURE__ */ integral("Byte", 0, 255);
export const edmSByte: Literal = /* @__PURE__ */ integral("SByte", -128, 127);
/** Compared as text: a number cannot tell 2^63 - 1 from 2^63. */
export const edmInt64: Literal = (value) => {
  const text = ofForm("Int64", String(value), INTEGER);
  // 2^53 + 1 is 2^53 as a number: it would address another entity.
  if (typeof value === "number" && !Number.isSafeInteger(value)) throw new TypeError(`not an Edm.Int64 literal: the number ${text} is beyond 2^53 and may have lost digits; give it as a bigint or a string`);
  const digits = text.replace(/^[+-]?0*/, "");
  const limit = text.startsWith("-") ? "9223372036854775808" : "9223372036854775807";
  if (digits.length > 19 || (digits.length === 19 && digits > limit)) {
    throw new TypeError(`not an Edm.Int64 literal: ${text} is out of its range -9223372036854775808..9223372036854775807`);
  }
  return text;
};

/**
 * A decimal: a string as given (of the literal's form), a number without an exponent (`1e-7` is
 * `0.0000001`), since OData 4.0's `decimalValue` has none.
 */
export const edmDecimal: Literal = (value) => ofForm("Decimal", typeof value === "number" ? plainNumber(value) : String(value), DECIMAL);

/** A finite number's text without an exponent: `1e-7` → `0.0000001`, `1e21` → `1000000000000000000000`. */
function plainNumber(n: number): string {
  const text = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, whole, fraction = "", exponent] = m as unknown as [string, string, string, string | undefined, string];
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
export const edmGuid: Literal = /* @__PURE__ */ formed("Guid", /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i, "", "01234567-89ab-cdef-0123-456789abcdef");
export const edmDuration: Literal = /* @__PURE__ */ formed("Duration", /^-?P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/i, "duration", "PT1H30M");
/** base64url (`-` and `_`) in whole groups of 4 characters, but the last, of 2 (`==`) or 3 (`=`): the ABNF's `binaryValue`. */
const base64url = /* @__PURE__ */ formed("Binary", /^(?:[\w-]{4})*(?:[\w-]{2}(?:==)?|[\w-]{3}=?)?$/, "binary");
/** A base64 value (`+`, `/`) is written as base64url. */
export const edmBinary: Literal = (value) => base64url(String(value).replace(/\+/g, "-").replace(/\//g, "_"));

/**
 * Dates and times: for a `Date`, the day it begins (`part` 0, see `dayOf`), no time of day (`part`
 * 1: a TypeError, see `timeOf`), else its ISO text, in UTC; or a string of the literal's form, its
 * hours 00–23, minutes 00–59 and seconds 00–60 (60: a leap second, as the ABNF's `second` and the
 * validators allow; the forms say so), its day one of the calendar (no
 * 2023-02-30: the `Date` the platform has tells, as the validators' `scanDate` does by hand). An
 * invalid `Date` is a TypeError, as another value of no literal's form is; a year beyond 9999 or
 * before 0 is written as the ABNF's `year` (`12000`, `-0001`), not as `toISOString`'s six digits
 * with a sign.
 */
function dated(kind: string, form: RegExp, example: string, part?: 0 | 1): Literal {
  return (value) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) throw new TypeError(`not an Edm.${kind} literal: Invalid Date`);
      if (part === 0) return dayOf(value, example);
      if (part === 1) throw timeOf(value, example);
      return value.toISOString().replace(/^([+-])0*(\d{4,})/, (_, sign: string, year: string) => (sign === "-" ? "-" : "") + year);
    }
    const text = ofForm(kind, String(value), form, example);
    const [, y, m, d] = /^(-?\d+)-(\d\d)-(\d\d)/.exec(text) ?? [];
    const day = new Date(0);
    if (y) day.setUTCFullYear(+y, +m! - 1, +d!);
    if (y && day.getUTCMonth() !== +m! - 1) throw new TypeError(`not an Edm.${kind} literal: ${text} is no day of the calendar`);
    return text;
  };
}
/**
 * The day a `Date` given for an `Edm.Date` stands for: the day it begins, in the local time zone
 * (`new Date(2024, 0, 5)`, as a date picker makes it) or in UTC (`new Date("2024-01-05")`, as ISO
 * date text parses); the two agree where the zone is UTC. A `Date` that begins no day, either way,
 * has a time of day, and which day it means depends on a zone: a TypeError, rather than a day the
 * caller may not have meant (its UTC day is the day before a local midnight east of Greenwich).
 */
function dayOf(value: Date, example: string): string {
  const start = new Date(value.getTime());
  start.setHours(0, 0, 0, 0);
  if (start.getTime() === value.getTime()) return dayText(value.getFullYear(), value.getMonth(), value.getDate());
  if (value.getTime() % 86400000 === 0) return dayText(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate());
  throw new TypeError(`not an Edm.Date literal: the Date ${value.toISOString()} has a time of day (it begins no day, here or in UTC); give the day as text (e.g. ${example})`);
}

/**
 * A `Date` given for an `Edm.TimeOfDay`: a TypeError. A `Date` is an instant, and which time of day
 * it is depends on a zone (`new Date(2024, 0, 5, 13, 20)` made in Helsinki is 11:20 in UTC);
 * unlike an `Edm.Date`'s midnight, no value tells which zone the caller meant, so the
 * same call would send another time in another zone. The time of day is given as text.
 */
function timeOf(value: Date, example: string): TypeError {
  return new TypeError(`not an Edm.TimeOfDay literal: the Date ${value.toISOString()} is an instant, whose time of day depends on the time zone; give the time of day as text (e.g. ${example})`);
}

/** `2024-01-05`, the year as the ABNF's `year`: four digits or more, `-0001` before the year 0. */
function dayText(year: number, month: number, day: number): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${year < 0 ? "-" : ""}${String(Math.abs(year)).padStart(4, "0")}-${two(month + 1)}-${two(day)}`;
}

export const edmDate: Literal = /* @__PURE__ */ dated("Date", /^-?\d{4,}-\d{2}-\d{2}$/, "2019-11-01", 0);
export const edmTimeOfDay: Literal = /* @__PURE__ */ dated("TimeOfDay", /^([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d{1,12})?)?$/, "13:20:00", 1);
export const edmDateTimeOffset: Literal = /* @__PURE__ */ dated("DateTimeOffset", /^-?\d{4,}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d{1,12})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i, "2019-11-01T00:00:00Z");

const LITERALS: Record<Exclude<KeyKind, `enum:${string}`>, Literal> = {
  String: edmString, Guid: edmGuid, Boolean: edmBoolean, Double: edmDouble, Single: edmSingle, Duration: edmDuration, Binary: edmBinary,
  Int16: edmInt16, Int32: edmInt32, Int64: edmInt64, Byte: edmByte, SByte: edmSByte, Decimal: edmDecimal,
  Date: edmDate, TimeOfDay: edmTimeOfDay, DateTimeOffset: edmDateTimeOffset,
};

/** A value written as an OData literal of the Edm type `kind`, not yet percent-encoded. */
export function literal(kind: KeyKind, value: KeyValue): string {
  if (typeof kind === "string" && kind.startsWith("enum:")) return edmEnum(kind.slice(5))(value);
  // From JavaScript, or through `any`: a kind LITERALS does not have is named, not called.
  if (typeof kind !== "string" || !Object.prototype.hasOwnProperty.call(LITERALS, kind)) throw new TypeError(`literal: ${String(kind)} is not a kind of literal: ${Object.keys(LITERALS).join(", ")}, or enum: and an enum type's qualified name`);
  return LITERALS[kind as Exclude<KeyKind, `enum:${string}`>](value);
}

// ---------------------------------------------------------------------------------------------
// Addresses

/**
 * Writes the key of an entity type after a collection's path: `('a')`, `/a` with key-as-segment,
 * `(A='a',B=1)` for a composite key. Made by `key`, `segmentKey` or `compositeKey` in the
 * generated modules, which know the service's key style.
 */
export type KeySpec = (key: unknown) => string;

/** A root function of a generated module (an entity set or singleton): `people`, `me`. */
export type Root = () => { readonly origin: Origin };

/**
 * What a root function knows about its entity set or singleton: optimistic concurrency, and where
 * non-contained navigation leads. Each root carries only its own, so a bundle holds only the roots
 * it uses and those their bindings lead to.
 */
export interface SetInfo {
  /** The entity set or singleton; absent where the metadata does not tell which set an entity is in. */
  name?: string;
  /** `Core.OptimisticConcurrency`: changes need `If-Match`. */
  etag?: boolean;
  /** The changes for which the metadata requires the header `If-Match` (Capabilities `CustomHeaders`), at the set or singleton (`Origin.ifMatch`). */
  ifMatch?: readonly Change[];
  /**
   * NavigationPropertyBinding: path (through containment) → the target's root function, or
   * `within(root, path)` for a target inside a containment (`education/classes`). A function, so that
   * the targets are looked up only when navigation follows them.
   */
  bindings?: () => Readonly<Record<string, Root>>;
}

/**
 * What the service's metadata forbids at an address (the Capabilities vocabulary's
 * `InsertRestrictions`, `UpdateRestrictions`, `DeleteRestrictions`, `ReadRestrictions`, and on a
 * collection the query options it does not support: `NoCount`, `NoFilter`, …): the third
 * type argument of `EntityRef` and `CollectionRef`, `{}` where nothing is forbidden. A builder whose
 * target the metadata restricts returns, say, `CollectionRef<Alert, string, NoDelete>`; `deleteAlert`
 * takes an `EntityRef<Alert, null, Deletable>`, so that its call on a member does not compile, with
 * the marker's words in the message. Types only: nothing of it exists at run time.
 */
export interface Forbidden {
  readonly insert?: string;
  readonly list?: string;
  readonly read?: string;
  readonly key?: string;
  readonly update?: string;
  readonly delete?: string;
  readonly count?: string;
  readonly filter?: string;
  readonly search?: string;
  readonly expand?: string;
  readonly top?: string;
  readonly skip?: string;
  readonly select?: string;
  readonly orderby?: string;
  /** The custom query options a read here requires (`NeedsQuery`). */
  readonly needsQuery?: string;
  /** The explicitly bound operations the metadata names here (`BindsExplicitly`): not a restriction, the one thing this type says an address allows. */
  readonly explicitlyBinds?: { readonly [operation: string]: true };
  /** The only subtypes this address holds (`HoldsOnly`): not a restriction, what a read here is typed with. */
  readonly holds?: string;
}

/**
 * A collection whose values are only of the subtypes `N` of its declared type (qualified names), as
 * its navigation property's `Validation.DerivedTypeConstraint` allows: Graph's `groupMembers(group)`
 * is a `CollectionRef<DirectoryObject, string, HoldsOnly<"microsoft.graph.user" | …>>`, whose list
 * and members' reads are typed with those subtypes only (`OneOfHeld`). `byKey` hands it on to its
 * members; a cast does not. Types only: nothing of it exists at run time.
 */
export interface HoldsOnly<N extends string> {
  readonly holds: N;
}

/** Infers `H` of `OneOfHeld` from an address: what its `HoldsOnly` names, else nothing (`never`). */
export type MayHold<H extends string> = Forbidden & { readonly holds?: H };

/**
 * An address where the metadata names the operations `N` in `Core.ExplicitOperationBindings`: an
 * overload of one that requires explicit binding (`Core.RequiresExplicitBinding`) is called only at
 * such an address. Graph binds `add` to every collection of sites and names it only at a group's
 * `sites` and a user's `followedSites`: `groupSites(group)` is typed
 * `CollectionRef<Site, string, BindsExplicitly<"microsoft.graph.add" | "microsoft.graph.remove">>`,
 * and `siteAdd` takes a `CollectionRef<Site, unknown, BindsExplicitly<"microsoft.graph.add">>`, so that
 * its call on `/sites` does not compile. A collection hands it on to its members (`byKey`), a cast
 * does not; `unrestricted(target)` calls it anywhere. Types only: nothing of it exists at run time.
 */
export interface BindsExplicitly<N extends string> {
  readonly explicitlyBinds: { readonly [K in N]: true };
}

/**
 * A collection whose metadata requires the custom query options `N` for reading it
 * (`ReadRestrictions/CustomQueryOptions` with `Required`): Graph's `userCalendarView(me())` is a
 * `CollectionRef<Event, string, … & NeedsQuery<"endDateTime" | "startDateTime">>`, and `listEvents`
 * or `count` on it compiles only with `{ query: { startDateTime, endDateTime } }` (`QueryGiven`).
 * Types only: nothing of it exists at run time.
 */
export interface NeedsQuery<N extends string> {
  readonly needsQuery: QueryNeeded<N>;
}

/** The words a compiler message shows for a required custom query option `N` left out. */
export type QueryNeeded<N extends string> = N extends string ? `the service's metadata requires the custom query option ${N} here (Capabilities CustomQueryOptions): give { query: { ${N}: … } }` : never;

/**
 * An address a read whose custom query options are `Q` (their object's type) may be sent to: every
 * option its metadata requires is one `Q` surely has (`NeedsQuery`; an optional member may be left
 * out, a `Record<string, string>` may have any). `Q` is what the options give (`QueryNames<Q>`),
 * never what the address needs.
 */
export type QueryGiven<Q extends object> = Forbidden & { readonly needsQuery?: QueryNeeded<NotInferred<SureNames<Q>>> };

/** The names an object of type `Q` surely has: its required members; any name where it has an index signature. */
type SureNames<Q> = string extends keyof Q ? string : { [K in keyof Q]-?: {} extends Pick<Q, K> ? never : K }[keyof Q] & string;

/**
 * Options whose `query` holds the custom query options `N` an operation's metadata requires
 * (`OperationRestrictions/CustomQueryOptions`): Graph's `delta` of events takes
 * `RequiredQuery<"endDateTime" | "startDateTime">`.
 */
export type RequiredQuery<N extends string> = { readonly query: { readonly [K in N]: string } };

/** Infers `Q` of `QueryGiven<Q>` from the options given: their `query`'s type. */
export type QueryNames<Q extends object> = { readonly query?: Q | undefined };

/** What `unrestricted` types its address with: nothing forbidden, every explicitly bound operation allowed (`never` is every list). */
export interface Unrestricted {
  readonly explicitlyBinds: never;
}

/** The metadata forbids POST to this collection (`InsertRestrictions/Insertable` false). */
export interface NoInsert {
  readonly insert: "the service's metadata forbids creating here (Capabilities.InsertRestrictions); rt.unrestricted(target) sends it anyway";
}
/** The metadata forbids listing this collection (`ReadRestrictions/Readable` false). */
export interface NoList {
  readonly list: "the service's metadata forbids listing here (Capabilities.ReadRestrictions); rt.unrestricted(target) sends it anyway";
}
/** The metadata forbids reading this entity, or a collection's members by key (`ReadRestrictions/Readable`, `ReadByKeyRestrictions/Readable` false). */
export interface NoRead {
  readonly read: "the service's metadata forbids reading here (Capabilities.ReadRestrictions); rt.unrestricted(target) sends it anyway";
}
/** The metadata says this collection's members are not addressed by key (`IndexableByKey` false): `byKey` does not compile on it. */
export interface NoKey {
  readonly key: "the service's metadata forbids addressing a member by key here (Capabilities.IndexableByKey); rt.unrestricted(target) sends it anyway";
}
/** The metadata forbids PATCH and PUT here (`UpdateRestrictions/Updatable` false). */
export interface NoUpdate {
  readonly update: "the service's metadata forbids updating here (Capabilities.UpdateRestrictions); rt.unrestricted(target) sends it anyway";
}
/** The metadata forbids DELETE here (`DeleteRestrictions/Deletable` false). */
export interface NoDelete {
  readonly delete: "the service's metadata forbids deleting here (Capabilities.DeleteRestrictions); rt.unrestricted(target) sends it anyway";
}

/** The metadata says this collection does not support `$count`, nor `/$count` (`CountRestrictions/Countable` false). */
export interface NoCount {
  readonly count: "the service's metadata forbids $count here (Capabilities.CountRestrictions); rt.unrestricted(target) sends it anyway";
}
/** The metadata says this collection does not support `$filter` (`FilterRestrictions/Filterable` false). */
export interface NoFilter {
  readonly filter: "the service's metadata forbids $filter here (Capabilities.FilterRestrictions); rt.unrestricted(target) sends it anyway";
}
/** The metadata says this collection does not support `$search` (`SearchRestrictions/Searchable` false). */
export interface NoSearch {
  readonly search: "the service's metadata forbids $search here (Capabilities.SearchRestrictions); rt.unrestricted(target) sends it anyway";
}
/** The metadata says this collection does not support `$expand` (`ExpandRestrictions/Expandable` false). */
export interface NoExpand {
  readonly expand: "the service's metadata forbids $expand here (Capabilities.ExpandRestrictions); rt.unrestricted(target) sends it anyway";
}
/** The metadata says this collection does not support `$top` (`TopSupported` false). */
export interface NoTop {
  readonly top: "the service's metadata forbids $top here (Capabilities.TopSupported); rt.unrestricted(target) sends it anyway";
}
/** The metadata says this collection does not support `$skip` (`SkipSupported` false). */
export interface NoSkip {
  readonly skip: "the service's metadata forbids $skip here (Capabilities.SkipSupported); rt.unrestricted(target) sends it anyway";
}
/** The metadata says this collection does not support `$select` (`SelectSupport/Supported` false). */
export interface NoSelect {
  readonly select: "the service's metadata forbids $select here (Capabilities.SelectSupport); rt.unrestricted(target) sends it anyway";
}
/** The metadata says this collection does not support `$orderby` (`SortRestrictions/Sortable` false). */
export interface NoOrderBy {
  readonly orderby: "the service's metadata forbids $orderby here (Capabilities.SortRestrictions); rt.unrestricted(target) sends it anyway";
}

/** The names a read's options may have (`O` of the functions below, inferred from the options given). */
export type OptionName = keyof QueryOptions<unknown>;

/**
 * An address the query options named `O` may be sent to: none of them is forbidden there (`NoCount`,
 * `NoFilter`, …). A list of a type some address restricts, `count` and `readRefs` take their
 * target as `CollectionRef<T, K, QueryTarget<O>>`, `O` the names in the options given
 * (`OptionNames<O>`), so that `{ count: true }` does not compile on an address with `NoCount`.
 * `O` is what the options name, never what the address forbids: `NotInferred<O>`.
 */
export type QueryTarget<O extends string> = Forbidden & { readonly [K in NotInferred<O> & keyof Forbidden]?: never };

/**
 * `T`, where TypeScript infers no type argument from it (what TypeScript 5.4's `NoInfer` does: a
 * conditional type it cannot resolve before inference; the generated code keeps to TypeScript 5.0).
 */
type NotInferred<T> = [T][T extends unknown ? 0 : never];

/** Infers `O` of `QueryTarget<O>` from the options given: the names they have. */
export type OptionNames<O extends string> = { readonly [K in O]?: unknown };

/** An address a create may be sent to: its metadata does not forbid it (`NoInsert`). */
export interface Insertable extends Forbidden {
  readonly insert?: never;
}
/** An address a list may be sent to (not `NoList`). */
export interface Listable extends Forbidden {
  readonly list?: never;
}
/** An address a read may be sent to (not `NoRead`). */
export interface Readable extends Forbidden {
  readonly read?: never;
}
/** An address an update (PATCH or PUT) may be sent to (not `NoUpdate`). */
export interface Updatable extends Forbidden {
  readonly update?: never;
}
/** An address a delete may be sent to (not `NoDelete`). */
export interface Deletable extends Forbidden {
  readonly delete?: never;
}
/** A collection whose members are addressed by key (not `NoKey`): what `byKey` is called on. */
export interface Indexable extends Forbidden {
  readonly key?: never;
}

/** Where a resource sits: its entity set (or singleton) and the containment path below the set's entity. */
export interface Origin {
  readonly info: SetInfo;
  /**
   * Containment path below the set's entity, e.g. `Trips/PlanItems`, with the complex properties on
   * the way (`profile/notes`); empty at the set itself.
   */
  readonly within: string;
  /**
   * The changes for which the metadata requires `If-Match` at this address and its members
   * (Capabilities `UpdateRestrictions`/`DeleteRestrictions` `CustomHeaders`, `Required`: Graph's
   * Planner), where the entity set does not already (`Core.OptimisticConcurrency`).
   */
  readonly ifMatch?: readonly Change[] | undefined;
}

/** A change that may need `If-Match`. */
export type Change = "update" | "delete";

abstract class Ref {
  declare readonly path: string;
  declare readonly origin: Origin;

  constructor(path: string, origin: Origin) {
    this.path = path;
    this.origin = origin;
  }

  /** Whether changing entities here needs `If-Match` (the entity set has `Core.OptimisticConcurrency`). */
  get requiresEtag(): boolean {
    return !this.origin.within && this.origin.info.etag === true;
  }

  /** The entity set or singleton these entities belong to, when the metadata tells. */
  get entitySet(): string | undefined {
    return this.origin.info.name;
  }
}

/**
 * The address of one entity (OData URL Conventions §4.3). `N` is `null` where there may be no
 * entity there: a nullable single-valued navigation property (CSDL 4.01 §8.2: Nullable absent or true),
 * a nullable singleton (CSDL 4.01 §13.3.3) or a composable function's nullable result, whose read a
 * service answers 204 No Content when nothing is related (Protocol §11.2.7); a read of it is typed
 * `… | null`, and resolves `null`. Such an address is made by `nullable`, which also marks it so at
 * run time (`nullable: true`). Else `N` is `never`: the address is sure to hold an entity, and a
 * read answered 204 rejects with an `ODataError` of status 204.
 *
 * A sure address is an `EntityRef<T, null>` too, not the other way round: a nullable one kept in
 * an `EntityRef<T>` variable, or passed where one is expected, is a type error, and a union of
 * both (a condition, an array) is nullable. What takes any address (update, delete, navigation,
 * `$ref`, casts, streams, bound operations) takes an `EntityRef<T, null>`.
 *
 * `F` is what the service's metadata forbids here (`Forbidden`: `NoUpdate`, `NoDelete`, …), `{}`
 * where nothing is; an address with restrictions is one without them too, and the request
 * functions take only the addresses that allow their request (`Deletable`, …).
 */
export class EntityRef<T, N extends null = never, F extends Forbidden = {}> extends Ref {
  declare readonly __entity?: T;
  /** Whether there may be nothing there, so that a read answered 204 No Content resolves `null` (set by `nullable`). */
  declare readonly nullable?: true;
  /** Carries `N` for the type checker (no run-time cost), covariantly: `never` is a subtype of `null`. */
  declare readonly __empty?: N;
  /** Carries what the metadata forbids here (`Forbidden`; no run-time cost), covariantly: a restricted address is an unrestricted one too. */
  declare readonly __forbidden?: F;
  /** Tells an entity from a collection for the type checker (no run-time cost). */
  declare private readonly single: true;
}

/**
 * The address of a collection of entities: an entity set or a collection-valued navigation. `F`:
 * what the metadata forbids here (`Forbidden`), and at its members, which `byKey` hands it on to.
 */
export class CollectionRef<T, K = KeyValue, F extends Forbidden = {}> extends Ref {
  declare readonly __entity?: T;
  /** Carries `F` for the type checker (no run-time cost). */
  declare readonly __forbidden?: F;
  declare readonly key: KeySpec;

  constructor(path: string, origin: Origin, key: KeySpec) {
    super(path, origin);
    this.key = key;
  }

  /**
   * One member of the collection by its key (`/set/key` or `/set('key')`, as the service expects).
   * Not on a collection whose metadata says its members are not addressed by key (`NoKey`).
   */
  byKey(this: CollectionRef<T, K, Indexable>, key: K): EntityRef<T, never, F> {
    return new EntityRef<T, never, F>(this.path + this.key(key), this.origin);
  }
}

/**
 * The address of a complex property's value (`…/address`, URL Conventions §4.7): the step towards a
 * complex type's navigation properties (`…/grantControls/authenticationStrength`).
 */
export class ComplexRef<T> extends Ref {
  declare readonly __complex?: T;
  /** Tells a complex value from an entity for the type checker (no run-time cost). */
  declare private readonly complexValue: true;
}

/**
 * The address of a stream: a media entity's `$value` or a stream property. `T` is the entity whose
 * stream it is, which a service may answer a `writeStream` with (Graph answers a drive item's
 * upload with the item). `M`: the media types its metadata accepts (`Core.AcceptableMediaTypes`,
 * `accepts`), what `writeStream`'s `contentType` takes: Graph's `bannerLogo` of an organization's
 * branding is a `StreamRef<OrganizationalBrandingLocalization, "image/bmp" | "image/jpg" | …>`.
 */
export interface StreamRef<T = unknown, M extends string = string> {
  readonly path: string;
  /** Carries `T` for the type checker (no run-time cost). */
  readonly __entity?: T;
  /** Carries `M` for the type checker (no run-time cost). */
  readonly __media?: M;
  /** The media types the metadata accepts here, which `writeStream` checks before sending; absent: any. */
  readonly accepts?: readonly string[];
}

/** The singleton `info.name` under the service root (`nullable(root(…))` where it is nullable, CSDL 4.01 §13.3.3). */
export function root<T, F extends Forbidden = {}>(info: SetInfo): EntityRef<T, never, F> {
  return new EntityRef<T, never, F>(`/${encodeURIComponent(info.name ?? "")}`, { info, within: "", ifMatch: info.ifMatch });
}

/** The entity set `info.name` under the service root. */
export function rootCollection<T, K, F extends Forbidden = {}>(info: SetInfo, key: KeySpec): CollectionRef<T, K, F> {
  return new CollectionRef<T, K, F>(`/${encodeURIComponent(info.name ?? "")}`, { info, within: "", ifMatch: info.ifMatch }, key);
}

/** A single-valued navigation property of an entity or of a complex value (`nullable(nav(…))` where it is nullable, CSDL 4.01 §8.2). */
export function nav<U, F extends Forbidden = {}>(parent: EntityRef<unknown, null> | ComplexRef<unknown>, name: string, contained = false, ifMatch?: readonly Change[]): EntityRef<U, never, F> {
  return new EntityRef<U, never, F>(`${parent.path}/${encodeURIComponent(name)}`, follow(parent, name, contained, ifMatch));
}

/** A collection-valued navigation property of an entity or of a complex value. `ifMatch`: the changes of its members the metadata requires `If-Match` for. */
export function collection<U, K, F extends Forbidden = {}>(parent: EntityRef<unknown, null> | ComplexRef<unknown>, name: string, key: KeySpec, contained = false, ifMatch?: readonly Change[]): CollectionRef<U, K, F> {
  return new CollectionRef<U, K, F>(`${parent.path}/${encodeURIComponent(name)}`, follow(parent, name, contained, ifMatch), key);
}

/**
 * A single-valued complex property of an entity or of a complex value. Its path below the entity
 * (`grantControls`) is part of the binding paths of the navigation properties reached through it.
 */
export function complex<U>(parent: EntityRef<unknown, null> | ComplexRef<unknown>, name: string): ComplexRef<U> {
  const { info, within } = parent.origin;
  return new ComplexRef<U>(`${parent.path}/${encodeURIComponent(name)}`, { info, within: within ? `${within}/${name}` : name });
}

/** Where navigation from `parent` through `name` leads: a bound entity set, deeper into a containment, or unknown. */
function follow(parent: EntityRef<unknown, null> | ComplexRef<unknown>, name: string, contained: boolean, ifMatch: readonly Change[] | undefined): Origin {
  const { info, within } = parent.origin;
  const path = within ? `${within}/${name}` : name;
  const table = info.bindings?.();
  // Its own entries only: a navigation property may be named `constructor` or `toString`.
  const bound = table && Object.prototype.hasOwnProperty.call(table, path) ? table[path] : undefined;
  const origin: Origin = bound ? bound().origin : contained && info.name !== undefined ? { info, within: path } : { info: {}, within: "" };
  return ifMatch ? { ...origin, ifMatch } : origin;
}

/**
 * An entity at a path the builders do not make: the result of a composable function
 * (`…/range(address='A1:B2')`, URL Conventions §4.5.1), or a service's own addressing, such as
 * Graph's `/me/drive/root:/Book.xlsx:` (which `byPath` makes from the folder's address, typed and
 * encoded). More segments, a read or a bound operation can follow it.
 * `path` is used as given (percent-encode what a segment needs; a query goes in a call's options).
 * Which entity set it is in is not known, so no binding is followed from it and no ETag is
 * required. Where nothing may be there (a composable function's nullable result),
 * `nullable(at<U>(path))`: a read of it is typed `… | null`.
 */
export function at<U>(path: string): EntityRef<U> {
  return new EntityRef<U>(belowRoot(path), { info: {}, within: "" });
}

/**
 * The entity at `path` below `target`, by the service's addressing by path, which no metadata
 * declares: Graph's drive items, `byPath(driveRoot(userDrive(me())), "Documents/Book 1.xlsx")` for
 * `/me/drive/root:/Documents/Book%201.xlsx:`, and `byPath(driveItems(drive).byKey(folderId), name)`
 * for `…/items/{parent-id}:/{filename}:`. Each segment of `path` (split at `/`; one at each end is
 * ignored) is percent-encoded as `encodeURIComponent` does. The entity is of `target`'s type, and
 * more segments, a read, an update, a stream or a bound operation can follow it: `…:/content` after
 * `driveItemContent(…)`. An empty segment, `.` or `..` throws a `TypeError`: a service would read
 * another item (the parent, or the same), not fail. What `target`'s metadata forbids is not kept:
 * it is another entity.
 */
export function byPath<U>(target: EntityRef<U, null>, path: string): EntityRef<U> {
  const segments = path.replace(/^\/|\/$/g, "").split("/");
  const bad = segments.find((s) => s === "" || s === "." || s === "..");
  if (bad !== undefined) throw new TypeError(`byPath: ${JSON.stringify(path)} has ${bad ? `a ${bad} segment` : "an empty segment"}; give a path of names, such as "Documents/Book.xlsx"`);
  return new EntityRef<U>(`${target.path}:/${segments.map(encodeURIComponent).join("/")}:`, { info: {}, within: "" });
}

/**
 * `target` as an address that may have nothing there (see `EntityRef`): a read answered 204 No
 * Content resolves `null`, and is typed `… | null`. Without it, such a read rejects (ODataError,
 * status 204): the metadata says there is something there. `target` itself is left as it is.
 */
export function nullable<U, F extends Forbidden = {}>(target: EntityRef<U, null, F>): EntityRef<U, null, F> {
  return Object.assign(new EntityRef<U, null, F>(target.path, target.origin), { nullable: true as const });
}

/**
 * `target` typed as an address the metadata forbids nothing at (`Forbidden`), and where it names
 * every explicitly bound operation (`BindsExplicitly`): for a request the service's metadata says it
 * refuses, which it may take all the same (the Capabilities vocabulary lets a client try), or an
 * operation it binds elsewhere. `deleteAlert(client, rt.unrestricted(alerts(security()).byKey(id)))`.
 * The same object: nothing changes at run time. A stream's address is copied without the media
 * types its metadata accepts (`StreamRef`), for media of another type, which `writeStream` then sends.
 */
export function unrestricted<U, N extends null>(target: EntityRef<U, N, Forbidden>): EntityRef<U, N, Unrestricted>;
export function unrestricted<U, K>(target: CollectionRef<U, K, Forbidden>): CollectionRef<U, K, Unrestricted>;
export function unrestricted<T>(target: StreamRef<T, string>): StreamRef<T>;
export function unrestricted(
  target: EntityRef<unknown, null> | CollectionRef<unknown, unknown> | StreamRef,
): EntityRef<unknown, null, Unrestricted> | CollectionRef<unknown, unknown, Unrestricted> | StreamRef {
  if (!(target instanceof Ref)) return { path: target.path };
  return target as EntityRef<unknown, null, Unrestricted> | CollectionRef<unknown, unknown, Unrestricted>;
}

/** A collection at a path the builders do not make (see `at`): members are addressed by `key`. */
export function collectionAt<U, K, F extends Forbidden = {}>(path: string, key: KeySpec): CollectionRef<U, K, F> {
  return new CollectionRef<U, K, F>(belowRoot(path), { info: {}, within: "" }, key);
}

function belowRoot(path: string): string {
  if (!path.startsWith("/")) throw new TypeError(`${JSON.stringify(path)}: a path below the service root starts with /`);
  // A `#` would end the URL there (a fragment is never sent): `/me/drive/root:/Book #1.xlsx:` would
  // read the folder `/Book `. Nothing after it can have been meant, so it is refused, as a bad key is.
  if (path.includes("#")) throw new TypeError(`${JSON.stringify(path)}: a # would end the URL there (nothing after it is sent); percent-encode it as %23 (encodeURIComponent on the segment)`);
  // A `?` would start the query there: a key, navigation, cast, `/$count` or bound operation added
  // to the path would land in it (URL Conventions §4: they extend the resource path).
  if (path.includes("?")) throw new TypeError(`${JSON.stringify(path)}: a ? would start the URL's query there; percent-encode it as %3F, and give query options in the call's options`);
  return path;
}

/** A binding target inside a containment: `within(education, "classes")` for `education/classes`. */
export function within(target: Root, path: string): Root {
  return () => ({ origin: { info: target().origin.info, within: path } });
}

/**
 * A stream property of an entity (`…/Photo`), or with no name its media resource (`…/$value`);
 * `accepts`: the media types its metadata accepts (`StreamRef`), which `writeStream` checks.
 */
export function stream<T, M extends string = string>(parent: EntityRef<T, null>, name?: string, accepts?: readonly string[]): StreamRef<T, M> {
  const path = `${parent.path}/${name === undefined ? "$value" : encodeURIComponent(name)}`;
  return accepts ? { path, accepts } : { path };
}

/**
 * An entity, or the members of a collection, seen as a derived type (`…/Namespace.Type`, URL
 * Conventions §4.11). The cast of an address that may have nothing there may have nothing there.
 */
export function cast<U>(target: EntityRef<unknown>, qualifiedName: string): EntityRef<U>;
export function cast<U>(target: EntityRef<unknown, null>, qualifiedName: string): EntityRef<U, null>;
export function cast<U, K>(target: CollectionRef<unknown, K>, qualifiedName: string, key?: KeySpec): CollectionRef<U, K>;
/**
 * Either address (a generated typed cast's body hands on its union), as `CastRef` makes it. Given
 * its type arguments, both: `cast<Bird>(collection, …)` alone still matches no overload, rather
 * than making an address that may be either.
 */
export function cast<U, R extends EntityRef<unknown, null> | CollectionRef<unknown, unknown>>(target: R, qualifiedName: string, key?: KeySpec): CastRef<R, U>;
export function cast<U>(target: EntityRef<unknown, null> | CollectionRef<unknown, unknown>, qualifiedName: string, key?: KeySpec): EntityRef<U, null> | CollectionRef<U, unknown> {
  const path = `${target.path}/${encodeURIComponent(qualifiedName)}`;
  if (target instanceof CollectionRef) return new CollectionRef(path, target.origin, key ?? target.key);
  const ref = new EntityRef<U, null>(path, target.origin);
  return target.nullable ? nullable(ref) : ref;
}

/**
 * The address a generated typed cast (`castAnimal(target, "zoo.bird")`) makes of `R`, seen as `U`:
 * a collection keeps its key's type `K`, an entity whether it may be absent (`N`), as `cast` does.
 * What the metadata forbids at `R` (`Forbidden`) is not kept: its restrictions are written for the
 * address itself, and a service may take at the cast what it refuses there (Graph lists
 * `/places/microsoft.graph.room`, not `/places`).
 */
export type CastRef<R, U> = R extends CollectionRef<unknown, infer K> ? CollectionRef<U, K> : R extends EntityRef<unknown, infer N> ? EntityRef<U, N> : never;

/**
 * Percent-encodes one path segment so that it stays one segment: `/`, `?`, `#`, `%` are encoded.
 * (`.` and `..` cannot be protected by encoding: URL parsers treat `%2E%2E` as `..`; keys avoid them.)
 */
export function encodeSegment(text: string): string {
  return encodeURIComponent(text);
}

/**
 * `value` written with `lit`; a value that is no literal of its type is a TypeError naming what it is
 * for (`what`: `key property id`, `parameter fromDateTime of ns.getCalls`), since a call may write several.
 */
function named(lit: Literal, value: KeyValue, what: string): string {
  try {
    return lit(value);
  } catch (e) {
    throw e instanceof TypeError ? new TypeError(`${what}: ${e.message}`) : e;
  }
}

/** The value of key property `name`: the key itself for a single-property key given as a scalar. */
function keyValue(given: unknown, name: string, scalar: boolean): KeyValue {
  const value = typeof given === "object" && given !== null && !(given instanceof Date) ? (given as Record<string, unknown>)[name] : scalar ? given : undefined;
  if (value === undefined || value === null) throw new TypeError(`key property ${name} is missing`);
  return value as KeyValue;
}

/** A key of one property in parentheses, written with `lit`: `('a')`, `(7)`. */
export function key(name: string, lit: Literal): KeySpec {
  return (given) => `(${encodeURIComponent(named(lit, keyValue(given, name, true), `key property ${name}`))})`;
}

/** Key texts that `segmentKey` writes in parentheses (see there); a qualified name's letters may be any beyond ASCII. */
const MISREAD_SEGMENT = /^(\.{1,2}|\$.*|)$|^[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*(\.[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)+$|\(/;

/**
 * A key of one property as a path segment (URL Conventions §4.3.6, `Capabilities.KeyAsSegmentSupported`):
 * the key value unquoted, so a literal written in quotes (a string, an enum member, binary, a
 * duration) without them and what goes before them, its doubled quotes single: `O'Neil`, `Red`,
 * `T0RhdGE`, `P1D`. Values a URL parser or the service would read as something else (".", "..", also
 * when percent-encoded; "" and "$…"; a qualified name such as `ns.Employee`, a type cast there;
 * anything with `(`, a key or a call) use parentheses and the whole literal, which every service understands.
 */
export function segmentKey(name: string, lit: Literal): KeySpec {
  return (given) => {
    const literal = named(lit, keyValue(given, name, true), `key property ${name}`);
    const quoted = QUOTED.exec(literal);
    const text = quoted ? quoted[1]!.replace(/''/g, "'") : literal;
    return MISREAD_SEGMENT.test(text) ? `(${encodeURIComponent(literal)})` : `/${encodeURIComponent(text)}`;
  };
}
/** A literal in quotes, with the prefix of its type where it has one: `'a'`, `ns.Color'Red'`, `Località.Città'Roma'`, `binary'…'`. */
const QUOTED = /^[^']*'([^]*)'$/;

/**
 * The key writer of an entity type without a key (CSDL 4.01 §6.5 wants one of an entity set's type; odatagen
 * warns, ODG106): its collections are typed `CollectionRef<T, never>`, and `byKey` throws.
 */
export const noKey: KeySpec = () => {
  throw new TypeError("the entity type has no key: members of this collection cannot be addressed by key");
};

/** A key of several properties, each with its literal: `(AirlineCode='AA',BookingNo=1)`, in key order. */
export function compositeKey(parts: readonly (readonly [string, Literal])[]): KeySpec {
  return (given) => {
    if (typeof given !== "object" || given === null || given instanceof Date) throw new TypeError(`a key of ${parts.map(([n]) => n).join(", ")} is required`);
    return `(${parts.map(([name, lit]) => `${encodeURIComponent(name)}=${encodeURIComponent(named(lit, keyValue(given, name, false), `key property ${name}`))}`).join(",")})`;
  };
}

/**
 * A key writer that also takes the alternate keys of `keys` (Core.AlternateKeys, URL Conventions
 * §4.3.6): an object with exactly one's names, `{ appId: "…" }`, is written as that key, always in
 * parentheses with its names, `(appId='…')`, whatever the service's key style; anything else goes to `primary`.
 */
export function alternateKeys(primary: KeySpec, keys: readonly (readonly (readonly [string, Literal])[])[]): KeySpec {
  const named = keys.map((parts) => [parts.map(([n]) => n).sort().join("\n"), compositeKey(parts)] as const);
  return (given) => {
    const names = typeof given === "object" && given !== null && Object.keys(given).sort().join("\n");
    return (named.find(([n]) => n === names)?.[1] ?? primary)(given);
  };
}

/**
 * How an operation parameter is written in a URL: as a literal, a Geography or Geometry literal in
 * its SRID (`geography:4326`), or as JSON in a parameter alias.
 */
export type ParamKind = KeyKind | `${"geography" | "geometry"}:${number}` | "json";

/** The GeoJSON types a literal can be written of, with how deep their `coordinates` are lists (a Point's and MultiPoint's made one deeper, below). */
const GEO_TYPES = ["Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon"];
const GEO_DEPTHS = [1, 1, 2, 2, 2, 3];

/**
 * A Geography or Geometry value (GeoJSON, `edm.GeoJson`) as a literal (URL Conventions ABNF
 * `geographyPoint` …): `geography'SRID=4326;Point(142.1 64.1)'`, `geometry'SRID=0;Polygon((0 0,1 0,1 1,0 0))'`,
 * `MultiPoint((1 2),(3 4))`, `Collection(Point(1 2),…)`. A position is two finite numbers
 * (`positionLiteral`: longitude, then latitude); a list holds one or more, a Multi…'s own list none
 * or more. Anything else is a TypeError, as for the other literals.
 */
export function geoLiteral(kind: string, value: unknown): string {
  const [prefix, srid] = kind.split(":");
  const text = (g: unknown): string => {
    const { type, coordinates: c, geometries } = record(g) ?? {};
    const fail = (): never => {
      throw new TypeError(`not a GeoJSON geometry of Edm.${prefix === "geography" ? "Geography" : "Geometry"}: ${JSON.stringify(g)}`);
    };
    const list = (v: unknown, depth: number, empty = false): string =>
      depth === 0
        ? (Array.isArray(v) && v.length === 2 && v.every(Number.isFinite) ? v.join(" ") : fail())
        : Array.isArray(v) && (empty || v.length) ? `(${v.map((x) => list(x, depth - 1)).join(",")})` : fail();
    if (type === "GeometryCollection") return Array.isArray(geometries) && geometries.length ? `Collection(${geometries.map(text).join(",")})` : fail();
    const i = GEO_TYPES.indexOf(type as string);
    if (i < 0) fail();
    return `${type}${list(type === "Point" ? [c] : type === "MultiPoint" && Array.isArray(c) ? c.map((p) => [p]) : c, GEO_DEPTHS[i]!, i > 2)}`;
  };
  return `${prefix}'SRID=${srid};${text(value)}'`;
}

/**
 * The URL of a function call (URL Conventions §4.5.1): `name(a=1,b=@b)?@b=<json>`. Parameters
 * left undefined are omitted; complex and collection values go in parameter aliases, as do values
 * of untyped parameters (`aliasValue`).
 */
export function functionCall(path: string, operation: string, params: readonly (readonly [string, ParamKind, unknown])[]): string {
  const args: string[] = [];
  const aliases: string[] = [];
  for (const [name, kind, value] of params) {
    if (value === undefined) continue;
    const p = encodeURIComponent(name);
    if (value === null) args.push(`${p}=null`);
    else if (kind === "json") {
      args.push(`${p}=@${p}`);
      aliases.push(`@${p}=${encodeQueryValue(aliasValue(value))}`);
    } else {
      const write = (v: KeyValue) => (kind.startsWith("geo") ? geoLiteral(kind, v) : literal(kind as KeyKind, v));
      args.push(`${p}=${encodeURIComponent(named(write, value as KeyValue, `parameter ${name} of ${operation}`))}`);
    }
  }
  return `${path}/${encodeURIComponent(operation)}(${args.join(",")})${aliases.length ? `?${aliases.join("&")}` : ""}`;
}

/**
 * A parameter alias's value (URL Conventions ABNF: `parameterValue = arrayOrObject / commonExpr`):
 * JSON for an object or array (a complex or collection value); a primitive given for an
 * `Edm.Untyped` or `Edm.PrimitiveType` parameter as its literal, since JSON's `"text"` is neither:
 * a string, or what JSON writes as one (a `Date`), `'text'`, and `NaN`, `INF`, `-INF` unquoted.
 */
function aliasValue(value: unknown): string {
  if (typeof value === "number") return edmDouble(value);
  const json = jsonText(value);
  return json.startsWith('"') ? edmString(JSON.parse(json) as string) : json;
}

// ---------------------------------------------------------------------------------------------
// Typed filters (URL Conventions §5.1.1)

/**
 * How a typed filter writes a property's values: the Edm type of a primitive whose JavaScript value
 * does not tell it (a `string` may be a String, a DateTimeOffset or a Guid; a `number` an Int32 or a
 * Double), an enum type (`enum:` and its qualified name, then, for an evolvable enum, `:` and the
 * members after its `unknownFutureValue`, comma-separated), a complex property's own kinds (`() =>
 * kinds`; in an array for a collection), a navigation property (`"Navigation"`) or a value a filter
 * compares with null only (`"Other"`: Edm.Untyped, Geography, Geometry). A property not listed is a
 * String, Boolean or Int32, whose value tells how it is written (a number within Int32's range).
 */
export type FilterKind = KeyKind | "Navigation" | "Other" | KindsOf | readonly [KindsOf];

/** A structured type's `FilterKinds`, looked up when a filter reaches it (the generated tables refer to one another). */
export type KindsOf = () => FilterKinds;

/** The kinds of a structured type's properties, by name (`SessionFilterKinds` in the generated requests modules). */
export interface FilterKinds {
  readonly [property: string]: FilterKind;
}

/** The kinds of a complex type none of whose properties needs one. */
export const plainKinds: KindsOf = () => ({});

/**
 * A Boolean expression of a typed filter: a comparison (`p.Age.gt(30)`), a function
 * (`p.Name.contains("a")`), a lambda (`p.Emails.any((e) => e.endswith("@example.com"))`), or
 * conditions joined by `and`, `or` and `not`, parenthesized where OData's precedence needs it.
 */
export class Condition {
  /** The expression, as `$filter` takes it (not yet percent-encoded). */
  readonly text: string;
  /**
   * By URL Conventions §5.1.1's precedence (`not` binds tightest, then comparisons, `and`, `or`):
   * 0 a call or a lambda, 1 a `not`, 2 a comparison, 3 an `and`, 4 an `or`.
   */
  readonly level: 0 | 1 | 2 | 3 | 4;

  constructor(text: string, level: 0 | 1 | 2 | 3 | 4 = 2) {
    this.text = text;
    this.level = level;
  }

  and(...others: Condition[]): Condition {
    return and(this, ...others);
  }

  or(...others: Condition[]): Condition {
    return or(this, ...others);
  }

  not(): Condition {
    return not(this);
  }

  toString(): string {
    return this.text;
  }
}

/** The conditions all true (`a and b`); none is `true`. */
export function and(...conditions: Condition[]): Condition {
  return joined("and", 3, conditions, "true");
}

/** Any of the conditions true (`a or b`); none is `false`. */
export function or(...conditions: Condition[]): Condition {
  return joined("or", 4, conditions, "false");
}

/** The condition false: `not (a eq 1)`; `not contains(…)` needs no parentheses of its own. */
export function not(condition: Condition): Condition {
  return new Condition(`not ${grouped(conditionOf(condition, "not"), 1)}`, 1);
}

function joined(operator: "and" | "or", level: 3 | 4, conditions: Condition[], none: string): Condition {
  const list = conditions.map((c) => conditionOf(c, operator));
  if (list.length === 0) return new Condition(none, 0);
  if (list.length === 1) return list[0]!;
  // `and` binds tighter than `or`: an `or` inside an `and` is parenthesized, the other way not.
  return new Condition(list.map((c) => grouped(c, level)).join(` ${operator} `), level);
}

/** `c` as written inside an expression of `level`: in parentheses where it binds less tightly. */
function grouped(c: Condition, level: number): string {
  return c.level > level ? `(${c.text})` : c.text;
}

function conditionOf(value: unknown, where: string): Condition {
  if (value instanceof Condition) return value;
  throw new TypeError(`a typed filter's ${where} takes conditions (p.Age.gt(30)), not ${typeof value === "boolean" ? `the boolean ${String(value)}: compare a property` : typeof value}`);
}

/**
 * A typed filter: given the properties of the collection's type, it returns the condition its
 * members are to meet. `(p) => p.Age.gt(30).and(p.Gender.eq("Female"))` is `Age gt 30 and Gender
 * eq Ns.Gender'Female'`: each value written as the literal of the property's Edm type (a `Date` or
 * ISO text for a DateTimeOffset, unquoted; a quoted String), checked as a key's is.
 */
export type TypedFilter<T, N = {}> = (fields: FilterFields<T, N>) => Condition;

/**
 * The properties a typed filter compares: `T`'s structural properties (not its navigation
 * properties `N`, nor control information), each by its value's type: text, an enum, a number, a
 * Boolean, a complex value's own properties, or a collection (`any`, `all`).
 */
export type FilterFields<T, N = {}> = { readonly [K in Exclude<DeclaredKeys<T> & string, keyof N | `@${string}`>]-?: FilterFieldOf<Exclude<T[K], null | undefined>> } & (string extends keyof T ? FilterDynamic : unknown);

/**
 * An open type's dynamic property (Graph's `extension_{appId}_{name}`), by name, unchecked:
 * `u.$dynamic("extension_abc_costCentre").eq("4711")`. Its value is written as it is (a string
 * quoted, a number or Boolean as it is): the metadata does not tell its type. (No declared property
 * can be named `$dynamic`: CSDL's names start with a letter or `_`.)
 */
export interface FilterDynamic {
  $dynamic(name: string): FilterTerm<string | number | boolean> & Pick<FilterText, "contains" | "startswith" | "endswith" | "tolower" | "toupper" | "trim" | "length">;
}

/** A property of type `V` in a typed filter (what `FilterFields` maps each one to). */
export type FilterFieldOf<V> = [V] extends [readonly (infer E)[]]
  ? FilterCollection<Exclude<E, null | undefined>>
  : [V] extends [string]
    ? string extends V
      ? FilterText
      : FilterEnum<V>
    : [V] extends [boolean]
      ? FilterTerm<boolean>
      : [V] extends [number | string | bigint]
        ? FilterTerm<V>
        : [V] extends [object]
          ? FilterFields<V>
          : FilterTerm<V>;

/**
 * A value in a typed filter: a property, a lambda's item or a function of one (`p.Name.tolower()`),
 * compared with a value of its type, null, or another of its type (`p.End.gt(p.Start)`).
 */
export interface FilterTerm<X> {
  /** Types only: what the term holds. */
  readonly __term?: X;
  /** `eq` (URL Conventions §5.1.1.1.1): equal to the value, or `null`. */
  eq(value: X | FilterTerm<X> | null): Condition;
  /** `ne`: not equal to the value, or not `null`. */
  ne(value: X | FilterTerm<X> | null): Condition;
  /** `gt`: greater than the value. */
  gt(value: X | FilterTerm<X>): Condition;
  /** `ge`: greater than or equal to the value. */
  ge(value: X | FilterTerm<X>): Condition;
  /** `lt`: less than the value. */
  lt(value: X | FilterTerm<X>): Condition;
  /** `le`: less than or equal to the value. */
  le(value: X | FilterTerm<X>): Condition;
  /** Equal to one of the values: `(A eq 1 or A eq 2)` (OData 4.0 has no `in`); none is `false`. */
  in(values: readonly X[]): Condition;
}

/**
 * A text property (a String; a DateTimeOffset, Date, TimeOfDay, Duration, Guid or Binary too, whose
 * values are text in TypeScript; the runtime knows which, and writes each as its literal: a `Date`
 * is taken for a DateTimeOffset or a Date). The string functions are for a String, the date and
 * time functions for the dates and times: on another a TypeError.
 */
export interface FilterText extends FilterTerm<string | Date> {
  /** `contains(p,'…')` (URL Conventions §5.1.1.5.1): holds the text. */
  contains(text: string | FilterTerm<string | Date>): Condition;
  /** `startswith(p,'…')`: begins with the text. */
  startswith(text: string | FilterTerm<string | Date>): Condition;
  /** `endswith(p,'…')`: ends with the text. */
  endswith(text: string | FilterTerm<string | Date>): Condition;
  /** `tolower(p)`, to compare: `p.Name.tolower().eq("ann")`. */
  tolower(): FilterText;
  /** `toupper(p)`, to compare. */
  toupper(): FilterText;
  /** `trim(p)`: without leading and trailing white space, to compare. */
  trim(): FilterText;
  /** `length(p)`: the number of characters, to compare: `p.Name.length().gt(3)`. */
  length(): FilterTerm<number>;
  /** `year(p)` of a Date or a DateTimeOffset (URL Conventions §5.1.1.8), to compare: `p.Born.year().lt(2000)`; on another a TypeError. */
  year(): FilterTerm<number>;
  /** `month(p)` (1–12) of a Date or a DateTimeOffset. */
  month(): FilterTerm<number>;
  /** `day(p)` (1–31) of a Date or a DateTimeOffset. */
  day(): FilterTerm<number>;
  /** `hour(p)` (0–23) of a DateTimeOffset or a TimeOfDay. */
  hour(): FilterTerm<number>;
  /** `minute(p)` of a DateTimeOffset or a TimeOfDay. */
  minute(): FilterTerm<number>;
  /** `second(p)` of a DateTimeOffset or a TimeOfDay. */
  second(): FilterTerm<number>;
}

/** An enum property: its members, and `has` for a flags enum (`Style has Ns.Color'Red'`). */
export interface FilterEnum<X> extends FilterTerm<X> {
  /** `has` (URL Conventions §5.1.1.1.10): a flags value that includes the member. */
  has(member: X): Condition;
}

/** A collection property: `any` (with no test: not empty) and `all` of its items. */
export interface FilterCollection<E> {
  /** `p/any(x1:…)` (URL Conventions §5.1.1.13.1): some item meets the test; with none, `p/any()`: the collection is not empty. */
  any(test?: (item: FilterFieldOf<E>) => Condition): Condition;
  /** `p/all(x1:…)`: every item meets the test (an empty collection too). */
  all(test: (item: FilterFieldOf<E>) => Condition): Condition;
  /** `p/$count` (URL Conventions §5.1.1.10): the number of items, to compare: `p.Emails.count().eq(0)`. */
  count(): FilterTerm<number>;
}

/**
 * A collection's query options with a typed filter written as `$filter`'s text by `kinds` (its
 * type's table), others as they are: what a list and a function returning a collection send. Apart
 * from `withQuery`, so that a read of one entity, which takes no filter, bundles none of it. A
 * filter naming a member after an evolvable enum's `unknownFutureValue` (Microsoft Graph's) adds
 * `Prefer: include-unknown-enum-members` to the options' headers: without it the service refuses it.
 */
export function typedQuery<Q extends object | undefined>(q: Q, kinds?: FilterKinds): Q {
  const filter = (q as { filter?: unknown } | undefined)?.filter;
  if (typeof filter !== "function") return q;
  const { text, later } = writeFilter(filter as (fields: never) => unknown, kinds);
  const headers = later ? { headers: mergeHeaders((q as ReadOptions).headers, { Prefer: INCLUDE_UNKNOWN }) } : {};
  return { ...q, filter: text, ...headers };
}

/**
 * A write's options, with `Prefer: include-unknown-enum-members` added to their headers where its
 * body names a member after an evolvable enum's `unknownFutureValue` (Microsoft Graph's): without it
 * the service refuses the request. `later` gives, by the name of the property (or an action's
 * parameter) that may hold one, at any depth of the body, those members joined by commas; a flags
 * value (`"a,b"`) and a collection's items are each read. The generated create, update and action
 * functions pass it where their body may name such a member.
 */
export function preferLater<O extends RequestOptions | undefined>(options: O, body: unknown, later: Readonly<Record<string, string>>): O {
  if (!namesLater(body, later, 0)) return options;
  return { ...options, headers: mergeHeaders(options?.headers, { Prefer: INCLUDE_UNKNOWN }) } as O;
}

/** Whether `value`, a body or a value in it, names a member `later` lists under the name holding it (`preferLater`). */
function namesLater(value: unknown, later: Readonly<Record<string, string>>, depth: number): boolean {
  if (typeof value !== "object" || value === null || depth > 64) return false;
  if (Array.isArray(value)) return value.some((item) => namesLater(item, later, depth + 1));
  for (const [name, item] of Object.entries(value)) {
    const members = Object.prototype.hasOwnProperty.call(later, name) ? later[name]!.toLowerCase().split(",") : undefined;
    const named = (v: unknown) => typeof v === "string" && v.split(",").some((m) => members!.includes(m.trim().toLowerCase()));
    if (members && (Array.isArray(item) ? item.some(named) : named(item))) return true;
    if (namesLater(item, later, depth + 1)) return true;
  }
  return false;
}

/** The `$filter` text of a typed filter over a type whose kinds are `kinds` (`typedQuery`). */
export function filterText(filter: (fields: never) => unknown, kinds: FilterKinds | undefined): string {
  return writeFilter(filter, kinds).text;
}

/** The preference a request naming a member after an evolvable enum's `unknownFutureValue` must send. */
const INCLUDE_UNKNOWN = "include-unknown-enum-members";

/** Whether the filter being written names a member after an evolvable enum's sentinel (set by `enumLiteral`). */
let namesLaterMember = false;

/** A typed filter's text, and whether it names a member after an evolvable enum's sentinel. */
function writeFilter(filter: (fields: never) => unknown, kinds: FilterKinds | undefined): { text: string; later: boolean } {
  const outer = namesLaterMember;
  namesLaterMember = false;
  try {
    const text = conditionOf(filter(fieldsOf(kinds ?? {}, "", 0) as never), "function").text;
    return { text, later: namesLaterMember };
  } finally {
    namesLaterMember = outer;
  }
}

/** An enum member's literal by a table's kind (`enum:Ns.Result`, `enum:Ns.Result:reportOnly,…`; see `FilterKind`). */
function enumLiteral(kind: `enum:${string}`, value: unknown): string {
  const [, name, later] = kind.split(":");
  if (later && typeof value === "string" && value.split(",").some((m) => later.split(",").includes(m.trim()))) namesLaterMember = true;
  return literal(`enum:${name!}`, value as KeyValue);
}

/** The properties of a structured value at `prefix` (`""`, `Home/`, a lambda's `x/`), made as they are named. */
function fieldsOf(kinds: FilterKinds, prefix: string, depth: number): object {
  return new Proxy(Object.create(null) as object, {
    get: (_, name) => {
      if (typeof name !== "string") return undefined;
      if (name === "$dynamic") return (dynamicName: string) => new Term(`${prefix}${dynamicName}`, DYNAMIC, depth);
      const kind = Object.prototype.hasOwnProperty.call(kinds, name) ? kinds[name] : undefined;
      return typeof kind === "function" ? fieldsOf(kind(), `${prefix}${name}/`, depth) : new Term(`${prefix}${name}`, kind, depth);
    },
  });
}

/** What every `FilterTerm` is at run time: its text, the kind of its values, and how many lambdas it is inside. */
class Term {
  readonly text: string;
  /** Its kind in the table; undefined where the table lists none (a String, Boolean or Int32); DYNAMIC for a dynamic property. */
  readonly kind: FilterKind | typeof DYNAMIC | undefined;
  readonly depth: number;

  constructor(text: string, kind: FilterKind | typeof DYNAMIC | undefined, depth: number) {
    this.text = text;
    this.kind = kind;
    this.depth = depth;
  }

  eq(value: unknown): Condition {
    return this.compare("eq", value);
  }
  ne(value: unknown): Condition {
    return this.compare("ne", value);
  }
  gt(value: unknown): Condition {
    return this.compare("gt", value);
  }
  ge(value: unknown): Condition {
    return this.compare("ge", value);
  }
  lt(value: unknown): Condition {
    return this.compare("lt", value);
  }
  le(value: unknown): Condition {
    return this.compare("le", value);
  }
  in(values: readonly unknown[]): Condition {
    if (!Array.isArray(values)) throw new TypeError(`${this.text} in: takes an array of values, not ${typeof values}`);
    // Not spread into `or(…)`: a list of any length (a spread of 200,000 arguments overflows the stack).
    return joined("or", 4, values.map((v) => this.compare("eq", v)), "false");
  }
  has(member: unknown): Condition {
    if (typeof this.kind !== "string" || !this.kind.startsWith("enum:")) throw new TypeError(`${this.text} has: only an enum property has members`);
    return new Condition(`${this.text} has ${this.value(member)}`);
  }
  contains(text: unknown): Condition {
    return this.call("contains", text);
  }
  startswith(text: unknown): Condition {
    return this.call("startswith", text);
  }
  endswith(text: unknown): Condition {
    return this.call("endswith", text);
  }
  tolower(): Term {
    return new Term(`tolower(${this.stringText("tolower")})`, undefined, this.depth);
  }
  toupper(): Term {
    return new Term(`toupper(${this.stringText("toupper")})`, undefined, this.depth);
  }
  trim(): Term {
    return new Term(`trim(${this.stringText("trim")})`, undefined, this.depth);
  }
  length(): Term {
    return new Term(`length(${this.stringText("length")})`, undefined, this.depth);
  }
  year(): Term {
    return this.part("year", DAYS);
  }
  month(): Term {
    return this.part("month", DAYS);
  }
  day(): Term {
    return this.part("day", DAYS);
  }
  hour(): Term {
    return this.part("hour", TIMES);
  }
  minute(): Term {
    return this.part("minute", TIMES);
  }
  second(): Term {
    return this.part("second", TIMES);
  }
  any(test?: (item: never) => unknown): Condition {
    return this.lambda("any", test);
  }
  all(test: (item: never) => unknown): Condition {
    if (typeof test !== "function") throw new TypeError(`${this.text}/all: takes a test of each item`);
    return this.lambda("all", test);
  }
  count(): Term {
    // An Edm.Int64 (URL Conventions §5.1.1.10): beyond Int32's range, as a property not listed is not.
    return new Term(`${this.text}/$count`, "Int64", this.depth);
  }

  private compare(operator: string, value: unknown): Condition {
    return new Condition(`${this.text} ${operator} ${this.value(value)}`);
  }

  private call(name: string, text: unknown): Condition {
    return new Condition(`${name}(${this.stringText(name)},${this.value(text)})`, 0);
  }

  /** The term where a string function takes it: a String only (a date or a Guid is no text to OData). */
  /** A date or time function's whole number (`year(Born)`), of a property of one of `kinds` (URL Conventions §5.1.1.8). */
  private part(name: string, kinds: readonly string[]): Term {
    if (typeof this.kind !== "string" || !kinds.includes(this.kind)) throw new TypeError(`${name}(${this.text}): takes an Edm.${kinds.join(" or an Edm.")}, and ${this.text} is ${this.kind === undefined ? "a String, Boolean or whole number" : kindName(this.kind)}`);
    return new Term(`${name}(${this.text})`, undefined, this.depth);
  }

  private stringText(name: string): string {
    if (this.kind !== undefined && this.kind !== "String" && this.kind !== DYNAMIC) throw new TypeError(`${name}(${this.text}): a string function takes a String, and ${this.text} is ${kindName(this.kind)}`);
    return this.text;
  }

  /** `value` as the right side: null, another term, or a literal of this term's kind. */
  private value(value: unknown): string {
    if (value === null) return "null";
    if (value instanceof Term) return value.text;
    const kind = this.kind;
    if (kind === undefined) return plainLiteral(this.text, value);
    if (kind === DYNAMIC) return dynamicLiteral(this.text, value);
    if (typeof kind !== "string") throw new TypeError(`${this.text}: a structured value is compared with null only`);
    if (kind === "Navigation" || kind === "Other") throw new TypeError(`${this.text}: ${kindName(kind)} is compared with null only`);
    // Refused as a key's value is, naming the property: `i16: not an Edm.Int16 literal: 40000 is out of its range …`.
    return named((v) => (kind.startsWith("enum:") ? enumLiteral(kind as `enum:${string}`, v) : literal(kind, v)), value as KeyValue, this.text);
  }

  private lambda(operator: "any" | "all", test: ((item: never) => unknown) | undefined): Condition {
    if (test === undefined) return new Condition(`${this.text}/any()`, 0);
    // Numbered by depth (`x1`, within it `x2`): a name such as `x` would be a word of many a literal,
    // which a service's naive lambda code may take for the variable (the SAP mock server does).
    const variable = `x${this.depth + 1}`;
    const kind = this.kind;
    const inner = Array.isArray(kind) ? fieldsOf((kind[0] as KindsOf)(), `${variable}/`, this.depth + 1) : new Term(variable, kind, this.depth + 1);
    return new Condition(`${this.text}/${operator}(${variable}:${conditionOf(test(inner as never), operator).text})`, 0);
  }
}

/** The kind of a dynamic property's term (`$dynamic`), whose type the metadata does not tell. */
const DYNAMIC = "(dynamic)";

/** A dynamic property's value: a string quoted, a finite number or a Boolean as it is. */
function dynamicLiteral(term: string, value: unknown): string {
  if (typeof value === "string") return edmString(value);
  if (typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) return String(value);
  throw new TypeError(`${term}: a dynamic property is compared with a string, a finite number or a Boolean, not ${typeof value === "number" ? String(value) : typeof value}`);
}

/** What `year`, `month` and `day` take; `hour`, `minute` and `second`. */
const DAYS = ["Date", "DateTimeOffset"];
const TIMES = ["DateTimeOffset", "TimeOfDay"];

/**
 * A value of a property no table lists: a String, Boolean or Int32, as the value is; a whole number
 * out of Int32's range is refused as a key's is (no such property holds it: a wrong property or unit).
 */
function plainLiteral(term: string, value: unknown): string {
  if (typeof value === "string") return edmString(value);
  if (typeof value === "boolean") return String(value);
  if (typeof value === "bigint" || (typeof value === "number" && Number.isInteger(value))) return named(edmInt32, value, term);
  throw new TypeError(`${term}: not a value of its type: ${value instanceof Date ? `a Date (${term} is no date)` : typeof value === "number" ? String(value) : typeof value}`);
}

function kindName(kind: FilterKind | typeof DYNAMIC): string {
  if (kind === DYNAMIC) return "a dynamic property, whose type the metadata does not tell";
  if (kind === "Navigation") return "a navigation property";
  if (kind === "Other") return "a value of no literal (Edm.Untyped, Geography or Geometry)";
  if (typeof kind !== "string") return "a structured value";
  return kind.startsWith("enum:") ? `an enum (${kind.split(":")[1]!})` : `an Edm.${kind}`;
}

// ---------------------------------------------------------------------------------------------
// Query strings

/** Query option values: percent-encoded, keeping the characters OData syntax uses readable. */
export function encodeQueryValue(text: string): string {
  return encodeURIComponent(wholeText(text)).replace(/%(2C|24|3A|2F|40|3D|28|29|27)/gi, (m) => decodeURIComponent(m));
}

/**
 * Query options as the functions that write them take them: any typed options are these (a read's
 * `$expand` is inferred, `unknown` here, so that checking a call does not expand every type it names).
 */
type AnyQuery = QueryParts<unknown, unknown, string, unknown, unknown>;

/** `?$select=…&$expand=…` from typed query options. */
export function queryString(q: AnyQuery | undefined): string {
  if (!q) return "";
  const parts = queryParts(q).map(([k, v]) => `${k}=${encodeQueryValue(v)}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

function queryParts(q: AnyQuery): [string, string][] {
  const out: [string, string][] = [];
  if (q.select && q.select.length) out.push(["$select", q.select.join(",")]);
  if (q.expand) {
    const items = Array.isArray(q.expand)
      ? (q.expand as string[])
      : Object.entries(q.expand as Record<string, true | AnyQuery | undefined>)
          .filter(([, o]) => o !== undefined)
          .map(([name, o]) => {
            const inner = o === true || o === undefined ? [] : queryParts(o).map(([k, v]) => `${k}=${v}`);
            return inner.length ? `${name}(${inner.join(";")})` : name;
          });
    if (items.length) out.push(["$expand", items.join(",")]);
  }
  // An empty expression (`filter: ""`, `orderby: []`) is left out, as an empty `select` is: `$filter=` is no option.
  // A typed filter is written by `withQuery`, which knows the type's kinds; not inside `$expand`, whose types it does not know.
  if (typeof q.filter === "function") throw new TypeError("a typed filter (a function) is taken by a read of a collection; inside $expand, write the filter as a string");
  if (q.filter) out.push(["$filter", q.filter]);
  const orderby = typeof q.orderby === "string" ? q.orderby : q.orderby?.join(",");
  if (orderby) out.push(["$orderby", orderby]);
  if (q.top !== undefined) out.push(["$top", wholeNumber("top", q.top, 0)]);
  if (q.skip !== undefined) out.push(["$skip", wholeNumber("skip", q.skip, 0)]);
  if (q.search) out.push(["$search", q.search]);
  if (q.count !== undefined) out.push(["$count", q.count ? "true" : "false"]);
  if (q.compute) out.push(["$compute", q.compute]);
  const levels = (q as ExpandOnly).levels;
  if (levels !== undefined) out.push(["$levels", levels === "max" ? levels : wholeNumber("levels", levels, 1)]);
  return out;
}

/**
 * `$top`, `$skip` (ABNF: digits) and `$levels` (a number from 1, or `max`) as their digits; -1, 1.5,
 * NaN, Infinity or 1e21 (which `String` writes `1e+21`) is a TypeError before anything is sent.
 */
function wholeNumber(option: string, value: unknown, least: 0 | 1): string {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= least) return String(value);
  throw new TypeError(`${option}: takes a whole number from ${least} to 2^53 - 1${least ? ' or "max"' : ""}, not ${typeof value === "number" ? String(value) : JSON.stringify(value)}`);
}

/** Appends query options to a path that may already have a query (a typed filter written first by `typedQuery`). */
export function withQuery(pathAndQuery: string, q: object | undefined): string {
  const qs = queryString(q as AnyQuery | undefined); // `object`: see `read`
  if (!qs) return pathAndQuery;
  return pathAndQuery.includes("?") ? `${pathAndQuery}&${qs.slice(1)}` : pathAndQuery + qs;
}

/** `pathAndQuery` with the custom query options `query` (ReadOptions.query) after its own. */
export function withCustomQuery(pathAndQuery: string, query: Readonly<Record<string, string>> | undefined): string {
  if (!query) return pathAndQuery;
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (name === "" || name.startsWith("$") || name.startsWith("@")) throw new TypeError(`custom query option ${JSON.stringify(name)}: a name may not be empty or start with $ or @ (URL Conventions §5.2)`);
    parts.push(`${encodeURIComponent(wholeText(name))}=${encodeQueryValue(String(value))}`);
  }
  if (!parts.length) return pathAndQuery;
  return `${pathAndQuery}${pathAndQuery.includes("?") ? "&" : "?"}${parts.join("&")}`;
}

/**
 * The URL of `pathAndQuery` (from the service root): after the root, with the query the client's
 * `baseUrl` was given with after its own options, but the options a call names itself, which replace
 * the client's (next links are not addressed so: the service writes them).
 */
function addressed(client: Client, pathAndQuery: string): string {
  const url = client.baseUrl + pathAndQuery;
  if (!client.rootQuery) return url;
  const named = url.split(/[?&]/).slice(1).map(optionName);
  const kept = client.rootQuery.split("&").filter((part) => part && !named.includes(optionName(part)));
  return kept.length ? `${url}${url.includes("?") ? "&" : "?"}${kept.join("&")}` : url;
}
const optionName = (part: string) => part.split("=")[0];

// ---------------------------------------------------------------------------------------------
// Sending

interface Exchange {
  method: string;
  /** The URL as `fetch` gets it: a path under the service root, made whole by `addressed`, or a link a service wrote (`linked`). */
  url: string;
  /** A JSON body. */
  json?: unknown;
  /** A binary body (`writeStream`), or a `$batch`'s text. */
  data?: MediaBody | string;
  headers?: Record<string, string>;
  /**
   * For a link to another origin (`linked`): takes the credentials out of the headers, and no token
   * is asked for. Only paging passes it, so that an update does not bundle it.
   */
  elsewhere?: (headers: Record<string, string>) => Record<string, string>;
  /** How errors name the request, where not as `${method} ${url}`: a batched GET's redirect as the GET redirected, as fetch alone names it. */
  named?: string;
  /** A POST that only reads (a `$batch` of GETs): sent again as a GET is, after a 504 or no answer. */
  reads?: boolean;
  /** The attempts made before (a batched GET answered 429 or 503 in its `$batch`): counted against `maxRetries`. */
  tried?: number;
  /** What the waits between its attempts heed, where not the call's signal: a status monitor's deadline (`monitored`), past which a poll's attempt under way goes on, but no retry waits. */
  waits?: AbortSignal;
}

/**
 * Sends a request; resolves with the parsed JSON body (undefined for 204) or rejects with ODataError.
 * With `page`, the body is a collection (`{ value: [...] }`), whose items `validate` checks one by one.
 * One result is an object (see `receiveOne`), and a null one comes as 204 No Content (Protocol
 * §9.1.4, §11.5.4) or JSON `null`: with `"value"`, the result is one nullable primitive
 * (`{ value: x }`, JSON Format §11), and null resolves `{ value: null }`; with `"single"`, it is one
 * nullable entity or complex value, and null resolves `null`; with `"sure"` (an entity or complex
 * value) or `"sureValue"` (a primitive), it cannot be null, and null rejects (ODataError).
 */
export const send: typeof sendDirect = /* @__PURE__ */ held(sendDirect);
async function sendDirect<T>(client: Client, method: string, pathAndQuery: string, body: unknown, options: ActionOptions | undefined, page: boolean | "value" | "sureValue" | "single" | "sure" = false): Promise<T> {
  const url = addressed(client, withCustomQuery(pathAndQuery, options?.query));
  // An action's parameters: each value (an entity or complex value as read) without read-only control information.
  const answer = await execute(client, { method, url, json: withoutReadInfoIn(body), headers: condition(options) }, options, asText);
  const request = `${method} ${url}`;
  if (page === true) return receivePage<T>(client, answer, options, request);
  // Without a result (an action that returns nothing), a body is not read as one.
  if (!page) return receive<T>(client, answer, options);
  const value = page === "value" || page === "sureValue";
  return receiveOne<T>(client, answer, options, request, value ? A_VALUE : AN_OBJECT, page.startsWith("sure") ? undefined : value ? { value: null } : null);
}

/**
 * Calls an operation whose result is a stream (`Edm.Stream`, as Graph's usage reports are): resolves
 * with its media as a Blob, whatever its type (a redirect to a download is followed, as fetch does).
 */
export const sendForStream: typeof sendForStreamDirect = /* @__PURE__ */ held(sendForStreamDirect);
async function sendForStreamDirect(client: Client, method: string, pathAndQuery: string, body: unknown, options: ActionOptions | undefined): Promise<Blob> {
  const [, media] = await execute(client, { method, url: addressed(client, withCustomQuery(pathAndQuery, options?.query)), json: withoutReadInfoIn(body), headers: { Accept: "*/*", ...condition(options) } }, options, asBlob);
  return media;
}

/** A bound action's `If-Match`, from `options.etag` (`ActionOptions`). */
function condition(options: ActionOptions | undefined): Record<string, string> {
  return options?.etag !== undefined ? { "If-Match": options.etag } : {};
}

/**
 * GET of an entity with query options (each type's `getX` calls it): resolves with the selected
 * properties, else the service's default set. One entity answered 204 No Content (or JSON `null`)
 * is null where the address may have nothing there (an `EntityRef<T, null>`, made by `nullable`:
 * Protocol §11.2.7, a single-valued navigation property with nothing related); elsewhere it rejects
 * (ODataError). A body that is no JSON object rejects (`UnreadableBody`).
 */
export const read: typeof readDirect = /* @__PURE__ */ held(readDirect);
async function readDirect<T>(client: Client, target: EntityRef<unknown, null> | CollectionRef<unknown, unknown>, given: object | undefined): Promise<T> {
  const [answer, request, options] = await get(client, target, given);
  return receiveOne<T>(client, answer, options, request, AN_OBJECT, (target as EntityRef<unknown, null>).nullable ? null : undefined);
}

/**
 * GET of a page of a collection with query options (each type's `listXs` calls it); follow
 * `@odata.nextLink` with `pages` or `collectAll`. `read`'s twin, apart so that a get does not
 * bundle the page reader.
 */
export const readPage: typeof readPageDirect = /* @__PURE__ */ held(readPageDirect);
async function readPageDirect<T>(client: Client, target: CollectionRef<unknown, unknown>, given: object | undefined, kinds?: FilterKinds): Promise<T> {
  const [answer, request, options] = await get(client, target, typedQuery(given, kinds));
  return receivePage<T>(client, answer, options, request);
}

/** Sends `read`'s and `readPage`'s GET: its answer, the request as errors name it, and the options. */
async function get(client: Client, target: EntityRef<unknown, null> | CollectionRef<unknown, unknown>, given: object | undefined): Promise<[Answer, string, (ReadOptions & AnyQuery) | undefined]> {
  // Typed `object`: the generated functions pass their typed options, and comparing those with
  // `AnyQuery` in each function would make the compiler work out every type's property names.
  const options = given as (ReadOptions & AnyQuery) | undefined;
  const url = addressed(client, withCustomQuery(withQuery(target.path, options), options?.query));
  return [await execute(client, { method: "GET", url }, options, asText), `GET ${url}`, options];
}

/**
 * POST of a new entity into a collection (each type's `createX` calls it): resolves with the created
 * entity (its default set); an empty answer is undefined only with `prefer: "return=minimal"`.
 * Without it (Protocol §11.4.2: a create is answered 201 with the entity), a 204 No Content rejects
 * (`noContent`), as the type, which then promises the entity, does not admit undefined; the
 * message names the entity's address when the answer gives it (`OData-EntityId` or `Location`).
 */
export const create: typeof createDirect = /* @__PURE__ */ held(createDirect);
async function createDirect<T>(client: Client, target: CollectionRef<unknown, unknown>, body: unknown, options: WriteOptions | undefined): Promise<T> {
  const url = addressed(client, withCustomQuery(target.path, options?.query));
  const answer = await execute(client, { method: "POST", url, json: withoutReadInfo(body, WHOLE_READ_INFO), headers: prefer(options) }, options, asText);
  const [response] = answer;
  const request = `POST ${url}`;
  const minimal = options?.prefer === "return=minimal";
  if (response.status === 204 && !minimal) {
    // The entity may have been made all the same: the service says where (Protocol §8.3.3, §9.1.4).
    const at = response.headers.get("odata-entityid") ?? response.headers.get("location");
    throw noContent(response, request, `the created entity was expected: return=minimal was not asked for (Protocol §11.4.2)${at ? `; the service says it created ${at}, so sending it again may make a second one` : ""}`);
  }
  return receive<T>(client, answer, options, request, minimal);
}

/**
 * PATCH of an entity (each type's `updateX` calls it), which changes the properties in `body`; with
 * `replace: true`, PUT of `body`, the whole entity. `If-Match` is sent where concurrency control
 * applies. Resolves with the entity when the service returns it, else undefined (204).
 */
export const update: typeof updateDirect = /* @__PURE__ */ held(updateDirect);
async function updateDirect<T>(client: Client, target: EntityRef<unknown, null>, body: unknown, options: UpdateOptions | undefined): Promise<T> {
  const method = options?.replace ? "PUT" : "PATCH";
  const url = addressed(client, withCustomQuery(target.path, options?.query));
  const headers = { ...prefer(options), ...ifMatch(target, "update", options, body, `${method} ${url}`) };
  const answer = await execute(client, { method, url, json: withoutReadInfo(body, WHOLE_READ_INFO), headers }, options, asText);
  return receive<T>(client, answer, options, `${method} ${url}`, true);
}

/** DELETE of an entity, with `If-Match` where concurrency control applies. */
export const remove: typeof removeDirect = /* @__PURE__ */ held(removeDirect);
async function removeDirect(client: Client, target: EntityRef<unknown, null>, options: DeleteOptions | undefined): Promise<void> {
  const url = addressed(client, withCustomQuery(target.path, options?.query));
  await execute(client, { method: "DELETE", url, headers: ifMatch(target, "delete", options, undefined, `DELETE ${url}`) }, options);
}

/**
 * A body made from entities as read, without the control information that only a response carries
 * or that a request's payload is ignored in (JSON Format §4.5.4–§4.5.12: ETags, edit and read links,
 * media links, a property's navigation and association links, counts, next and delta links), in
 * either form (4.0's `@odata.etag`, 4.01's `@etag`): at every depth, in the entities of a deep
 * insert or update (§8.4, §8.5) and in complex values, so that a read with `$expand` can be sent
 * back. `also`: what goes too at this level (not below it): at the top of a create's or update's
 * body its context and id (`WHOLE_READ_INFO`: the request's URL names the entity), at the top of an
 * action's parameter value (each item of a collection) its context (`CONTEXT`: the read's own, a
 * base for that response's relative URLs). Below, `@odata.id` (`@id`) stays, as it binds an
 * existing entity (§8.5, `Reference`; an entity-typed action parameter, §18), and so does
 * `@odata.context`, which a response nests where it tells an entity's set, as a request must
 * (§4.5.1). `@odata.type`, `p@odata.bind` and annotations stay everywhere. Only plain objects and
 * arrays are walked: a `Date` or a bigint is left as it is. An `Edm.Untyped` value's objects too: they
 * are structural values (§7.5), where these names are control information as well, not data.
 */
function withoutReadInfo(value: unknown, also?: RegExp): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutReadInfo(item, also));
  if (!plainObject(value)) return value;
  const kept = Object.entries(value).filter(([k]) => !READ_ONLY_INFO.test(k) && !also?.test(k));
  return Object.fromEntries(kept.map(([k, v]) => [k, withoutReadInfo(v)]));
}
const READ_ONLY_INFO =
  /^(@(odata\.)?(etag|metadataEtag|editLink|readLink|mediaEditLink|mediaReadLink|mediaContentType|mediaEtag)|[^@]+@(odata\.)?(etag|navigationLink|associationLink|count|nextLink|deltaLink|mediaEditLink|mediaReadLink|mediaContentType|mediaEtag))$/;
const WHOLE_READ_INFO = /^@(odata\.)?(context|id)$/;
const CONTEXT = /^@(odata\.)?context$/;

/** An action's parameters (`{ name: value }`), each value as `withoutReadInfo` has it. */
function withoutReadInfoIn(parameters: unknown): unknown {
  if (!plainObject(parameters)) return parameters;
  return Object.fromEntries(Object.entries(parameters).map(([name, value]) => [name, withoutReadInfo(value, CONTEXT)]));
}

/** An object made by JSON or a literal (of any realm), not an instance of a class such as `Date`, whose JSON its class writes. */
function plainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function prefer(options: WriteOptions | undefined): Record<string, string> {
  return options?.prefer ? { Prefer: options.prefer } : {};
}

/**
 * The `If-Match` of a change: `options.etag`, else the body's ETag (an entity as read), else, where
 * the entity set requires one (`Core.OptimisticConcurrency`) or the metadata requires the header at
 * the address (`Origin.ifMatch`), `*` for an entity an earlier request of
 * the batch's change set creates (`$1`, `ChangeSet.created`): its ETag comes only in that request's
 * answer, which the client does not have yet, and `*` matches the version just made (RFC 9110
 * §13.1.1). Any other entity of such a set without an ETag is a TypeError, before anything is sent.
 */
function ifMatch(target: EntityRef<unknown, null>, change: Change, options: { etag?: string | undefined } | undefined, body: unknown, request: string): Record<string, string> {
  // An entity as read: `@etag` where it did not come through a client (4.01, JSON Format §4.5.10).
  const etag = options?.etag ?? ((record(body)?.["@odata.etag"] ?? record(body)?.["@etag"]) as string | undefined);
  if (etag !== undefined) return { "If-Match": etag };
  const required = target.origin.ifMatch?.includes(change) === true;
  if (!target.requiresEtag && !required) return {};
  if (CREATED.test(target.path)) return { "If-Match": "*" };
  const why = required ? "the service's metadata requires If-Match here (Capabilities CustomHeaders): give" : "optimistic concurrency needs";
  throw new TypeError(`${request}: ${why} options.etag (@odata.etag, or "*")`);
}
/** The path of an entity a batch's change set creates (`ChangeSet.created`), seen as itself or as a derived type (`/$1/ns.Type`). */
const CREATED = /^\/\$\d+(\/[\w%]+(\.[\w%]+)+)?$/;

/**
 * `n`, or for `NaN`, `Infinity` and `-Infinity`, which JSON has no number for (`JSON.stringify`
 * writes `null`), the strings JSON Format §7.1 writes them as: `"NaN"`, `"INF"`, `"-INF"`.
 */
function specialFloat(n: number): number | string {
  return Number.isFinite(n) ? n : Number.isNaN(n) ? "NaN" : n > 0 ? "INF" : "-INF";
}

/**
 * A body as JSON text (`NaN`, `Infinity` and `-Infinity` as `specialFloat` writes them), a bigint (an Int64 or Decimal given exactly) with all its digits: a JSON
 * number, or with `ieee754Compatible` a string (JSON Format §3.2). `JSON.stringify` writes no bigint:
 * each is written as its digits in quotes, and for a number the body is written again with a marker
 * before them (`"~123"`), whose quoted form then leaves the digits bare. The marker (`~`, `~~`, …)
 * occurs nowhere in the first text, so no string of the body can be taken for one. A body without a
 * bigint is written once.
 */
function jsonText(value: unknown, asStrings?: boolean): string {
  let mark: string | undefined;
  const write = () => JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? (mark ??= "") + v : typeof v === "number" ? specialFloat(v) : v));
  const text = write();
  if (mark == null || asStrings) return text;
  for (mark = "~"; text.includes(mark); ) mark += "~";
  return write().replace(RegExp(`"${mark}(-?\\d+)"`, "g"), "$1");
}

/** A 2xx response and its body, read to the end by `execute` with the call's reader (`asText`, `asBlob`, a multipart batch's `arrayBuffer()`). */
type Answer<B = string> = [response: Response, body: B];

/** Reads a body as text, as JSON and `$count` are read (a hand-made answer of a caller's `fetch` may have no other reader). */
const asText = (response: Response): Promise<string> => response.text();
/** Reads a body as a Blob, as media is read. */
const asBlob = (response: Response): Promise<Blob> => response.blob();

/**
 * Sends a request, retrying 429 and 503 as the client's policy says, and for a GET also a 504 and
 * no answer; resolves with a 2xx response, rejects with ODataError for any other. A call that reads
 * the body passes its reader (`read`), which is called here, within the retries: a connection lost
 * before the body's end is a request without an answer (a TypeError naming it; a GET is sent
 * again), not fetch's bare `TypeError: terminated` where the body is parsed. Only the reader
 * of the response's own object is called, so a caller's `fetch` may answer with any object that has it.
 */
async function execute<B = undefined>(client: Client, x: Exchange, options: RequestOptions | undefined, read?: (response: Response) => Promise<B>): Promise<Answer<B>> {
  const later = options?.respondAsync;
  const send = (c: Client, headers?: Record<string, string>, reads?: boolean) => exchange(c, { ...x, ...(headers && { headers: mergeHeaders(x.headers, headers) }), ...(reads && { reads }) }, options, read);
  // A batched call's own is refused by `respondAsync` (a $batch is answered as one whole: `send()` takes it).
  return later ? (later.follow(client, x.named ?? `${x.method} ${x.url}`, x.url, options, send) as Promise<Answer<B>>) : send(client);
}

/** One request, sent and retried as `execute` says, without asking `respond-async`. */
async function exchange<B = undefined>(client: Client, x: Exchange, options: RequestOptions | undefined, read?: (response: Response) => Promise<B>): Promise<Answer<B>> {
  const { options: { fetch: doFetch = fetch, getToken, retry = {}, headers: common, ieee754Compatible } } = client;
  const json = x.json !== undefined;
  const media = `application/json${ieee754Compatible ? ";IEEE754Compatible=true" : ""}`;
  const defaults = { Accept: media, ...(json && { "Content-Type": media }) };
  const body = json ? jsonText(x.json, ieee754Compatible) : (x.data as RequestInit["body"]);
  const { url, elsewhere, method } = x;
  const request = x.named ?? `${method} ${url}`;
  const own = options?.timeoutMs;
  checkTimeout(request, own);
  const timeoutMs = own ?? client.options.timeoutMs;
  const max = retry.maxRetries ?? 3;
  // A write may have reached the service before its answer was lost: only a read is sent again then.
  const safe = x.reads || method === "GET" || method === "HEAD";
  // The token goes only to the service's origin, not to a next link elsewhere; nor do credentials
  // given as headers (the client's or the call's), which a next page is read with too.
  const merged = mergeHeaders(defaults, common, x.headers, options?.headers);
  const headers = elsewhere ? elsewhere(merged) : merged;
  for (let attempt = x.tried ?? 0; ; attempt++) {
    // Each attempt has a signal of its own, linked to the call's: fetch's listener goes with it.
    const limit = deadline(options?.signal, timeoutMs, own ? "call" : "client");
    const { signal } = limit;
    const init: RequestInit = { method, headers, signal };
    // Set only when there is one: under exactOptionalPropertyTypes, RequestInit takes no `undefined`.
    if (body !== undefined) init.body = body;
    // The token is waited for within the attempt: a timeout is one without an answer; an abort, or getToken's own error, rejects.
    const asked = elsewhere || !getToken ? undefined : Promise.resolve().then(() => getToken({ signal }));
    const token = asked && (await until(asked, signal).catch((e: unknown) => {
      limit.clear();
      if (limit.passed()) return unanswered(e, request, init, limit, ": waiting for getToken");
      throw e;
    }));
    if (typeof token === "string" && token) init.headers = mergeHeaders(headers, { Authorization: `Bearer ${token}` });
    // No answer is `unanswered`'s TypeError (an abort, or a request fetch refused to send, rejects).
    // A caller's fetch that throws rather than rejects is a rejection too: the attempt's clock and listener are let go of.
    const sent = token instanceof TypeError ? token : new Promise<Response>((ok) => ok(doFetch(url, init)));
    // An answer that comes after the call gave up on it (a caller's fetch that does not heed the signal) is let go of.
    const fetched = sent instanceof TypeError ? sent : await until(sent, signal).catch((e: unknown) => (sent.then(discard, () => {}), unanswered(e, request, init, limit)));
    // The status came, so a write was done: the message says so (sending it again could repeat it).
    const content = read && !(fetched instanceof TypeError) && fetched.ok ? await until(read(fetched), signal).catch((e: unknown) => unanswered(e, request, init, limit, `: answered ${fetched.status}, its body cut short`)) : undefined;
    const response = content instanceof TypeError ? content : fetched;
    const failed = response instanceof TypeError;
    // An error answer's body, in the attempt's time too: read, not cancelled, so that the connection
    // can carry a next attempt (a cancelled body's is closed), but to 1 MiB at most (`headOf`).
    const head = failed || response.ok ? undefined : await headOf(response);
    limit.clear();
    const status = failed ? 0 : response.status;
    const after = failed ? null : response.headers.get("retry-after");
    const transient = status === 429 || status === 503 || (safe && (failed || status === 504));
    const retryable = transient && attempt < max;
    const wait = retryable ? retryDelay(after, attempt, retry) : undefined;
    if (wait === undefined) {
      if (!failed && response.ok) {
        if (!read) discard(response);
        return [response, content as B];
      }
      const error = failed ? response : toError(request, ...head!);
      // Retryable, but the service asked for a longer wait than allowed.
      if (retryable) error.message += notWaited(after, retry);
      if (attempt > 0) error.message += attempts(attempt, transient && !retryable, max);
      throw error;
    }
    await sleep(wait, x.waits ?? options?.signal);
  }
}

/** Cancels a body the call does not read (a delete's, `$ref`'s): its connection is let go of now, not at GC. */
function discard(response: Response): void {
  void response.body?.cancel?.().catch(() => {});
}

/**
 * `p`, or a rejection with the signal's reason once it aborts: a caller's `fetch` may not heed the
 * signal, and the call settles all the same (what that fetch goes on doing is its own).
 */
function until<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  return new Promise<T>((resolve, reject) => {
    const stop = onAbort(signal, () => reject(signal.reason));
    p.then(resolve, reject).finally(stop);
  });
}

/**
 * Calls `fn` once `signal` aborts (at once if it has); returns what stops listening. However many
 * calls wait on one signal (a server's shutdown signal), it has one listener, `aborted`, while any
 * does, and none once they are done: Node warns past 10 listeners on a signal.
 */
function onAbort(signal: AbortSignal | undefined, fn: () => void): () => void {
  if (!signal || signal.aborted) {
    if (signal) fn();
    return () => {};
  }
  let waiting = WAITING.get(signal);
  if (!waiting) {
    WAITING.set(signal, (waiting = new Set()));
    signal.addEventListener("abort", aborted, { once: true });
  }
  const all = waiting.add(fn);
  return () => {
    if (all.delete(fn) && !all.size && WAITING.get(signal) === all) {
      WAITING.delete(signal);
      signal.removeEventListener("abort", aborted);
    }
  };
}

/** What waits on each signal (`onAbort`). */
const WAITING = /* @__PURE__ */ new WeakMap<AbortSignal, Set<() => void>>();

/** The one listener `onAbort` adds to a signal: calls what waits on it. */
function aborted(this: AbortSignal): void {
  const waiting = WAITING.get(this);
  WAITING.delete(this);
  waiting?.forEach((fn) => fn());
}

/** What `deadline` aborts with when its time runs out: a batched call's own timeoutMs is no abort by its signal (see `batch`). */
const TIMED_OUT = /* @__PURE__ */ new WeakSet<object>();

/** An attempt's signal: the call's, and aborted `ms` (if given) after it starts; `clear` stops the clock, and lets go of the call's signal. */
interface Deadline {
  readonly signal: AbortSignal;
  readonly ms: number | undefined;
  /** Whose `timeoutMs` it is: the client's, or the call's own. */
  readonly whose: string;
  /** Whether the time ran out (not the call's signal). */
  passed(): boolean;
  clear(): void;
}

function deadline(signal: AbortSignal | undefined, ms: number | undefined, whose = "client"): Deadline {
  const ac = new AbortController();
  let passed = false;
  const timer =
    ms &&
    setTimeout(() => {
      if (ac.signal.aborted) return;
      passed = true;
      const reason = new DOMException(`timed out after ${ms} ms`, "TimeoutError");
      TIMED_OUT.add(reason);
      ac.abort(reason);
    }, ms);
  const stop = onAbort(signal, () => ac.abort(signal?.reason));
  const clear = () => {
    clearTimeout(timer);
    stop();
  };
  return { signal: ac.signal, ms, whose, passed: () => passed, clear };
}

/** How much of an error answer's body is read (`headOf`): an OData error is a few KB. */
const ERROR_BODY_CAP = 1 << 20;

/**
 * An error answer and the text of its body, read through its stream to at most `ERROR_BODY_CAP`
 * bytes and the rest cancelled, so that a proxy's endless or huge answer is not held in memory (a
 * character split at the cap is left out); and what cut the body, if anything did: `cut at 1 MiB`,
 * or `cut short: terminated (other side closed)`, with what came before. An answer without a
 * stream (a caller's `fetch` may answer with an object that has only `text()`) is read whole.
 */
async function headOf(response: Response): Promise<[Answer, string?]> {
  let text = "";
  try {
    const reader = response.body?.getReader?.();
    if (!reader) return [[response, await response.text()]];
    const decoder = new TextDecoder();
    for (let size = 0, chunk; !(chunk = await reader.read()).done; ) {
      const room = ERROR_BODY_CAP - size;
      size += chunk.value.length;
      text += decoder.decode(chunk.value.subarray(0, room), { stream: true });
      if (size > ERROR_BODY_CAP) {
        reader.cancel().catch(() => {});
        return [[response, text], "cut at 1 MiB"];
      }
    }
    return [[response, text + decoder.decode()]];
  } catch (e) {
    return [[response, text], `cut short: ${why(e)}`];
  }
}

/**
 * `headers` for a request to another origin than the service's (a next link on another host):
 * without those that carry credentials, as `fetch` drops them on a redirect to another origin: an
 * `Authorization` given in the client's or the call's `headers` would otherwise go wherever a
 * response's `@odata.nextLink` points.
 */
function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !/^(authorization|proxy-authorization|cookie)$/i.test(name)));
}

/**
 * A request that got no answer (no connection, a host name that does not resolve, a reset): fetch's
 * TypeError (`fetch failed`, its reason in `cause`), again as a TypeError whose message names the
 * request and the reason, `GET https://…: fetch failed (connect ECONNREFUSED 127.0.0.1:443)`, the
 * original in `cause`. Thrown, so not sent again: that TypeError where fetch refused to send the
 * request, which sending again cannot mend (a header it cannot send, with a line break or a
 * character past U+00FF, an invalid name: checked here as fetch does, in any context; a
 * URL Node's fetch cannot parse, a relative one: undici's reason is then a TypeError, a lost connection's an Error with a code;
 * a URL with credentials, a port fetch blocks); an
 * abort, and an error of a `fetch` of the caller's that is no TypeError, as they are. An attempt
 * past the client's `timeoutMs` is one without an answer: `GET https://…: timed out after 30000 ms
 * (the client's timeoutMs)`. `when` says at what point of the attempt (`: waiting for getToken`); the
 * TypeError has the request (`GET https://…`) in `request` too, as an ODataError has.
 */
function unanswered(error: unknown, request: string, init: RequestInit, limit?: Deadline, when = ""): TypeError {
  limit?.clear();
  if (limit?.passed()) return new NoAnswer(`${request}${when}: timed out after ${limit.ms} ms (the ${limit.whose}'s timeoutMs)`, error, request);
  // By name: fetch's error may come from another realm (a VM context, a test runner's sandbox).
  const { name, cause } = (record(error) ?? {}) as { name?: unknown; cause?: unknown };
  // A NoAnswer names its request already (a batched GET's redirect, followed with its own retries).
  if (init.signal?.aborted || name !== "TypeError" || error instanceof NoAnswer) throw error;
  // Node's fetch (undici) fails with a bare Error where the answer is a 407 Proxy Authentication
  // Required: the Fetch standard makes one a network error where there is no window to ask for the
  // proxy's credentials in, and its status is not handed over. Sent again, it would be answered so
  // again. So too where a streamed body is redirected (a 301, 302, 307 or 308; not a 303, which
  // drops the body): it cannot send it again, and checks so before a POST's 301 or 302 would become
  // a GET. Its cause (Node 20 and 22) is a plain Error made without a message (none of its own, as
  // `new Error("")` has) and without a code, where undici's other failures are its own errors with a
  // code (`UND_ERR_SOCKET`), the system's have one (`ECONNRESET`, `ENOTFOUND`), and a reason has a
  // message (`bad port`). A streamed body that failed is told by itself (`watched`), whatever it
  // failed with: its error as it is (`new Error("")`), or one undici makes of another realm's error,
  // or of a value (`undefined` becomes the very Error a 407's is).
  if (FAILED_BODIES.has(init.body as object)) throw new NoAnswer(`${request}${when}: ${why(error)}: the stream given as its body failed`, error, request);
  const failed = record(cause);
  const bare = failed?.["name"] === "Error" && failed["message"] === "" && !Object.prototype.hasOwnProperty.call(failed, "message") && failed["code"] === undefined;
  const streamed = typeof record(init.body)?.["getReader"] === "function" ? "a redirect other than 303 (301, 302, 307, 308), which it cannot follow with a streamed body (a Blob it can), or " : "";
  if (bare) throw new NoAnswer(`${request}${when}: ${why(error)}, with no reason given: Node's fetch fails so where the answer is ${streamed}407 Proxy Authentication Required (the service, or a proxy on the way, asks for proxy credentials), whose response it does not hand over; not sent again`, error, request);
  const failure = new NoAnswer(`${request}${when}: ${why(error)}`, error, request);
  // Refused before it went too: a URL holding credentials (`http://user:pw@host/`, which the Fetch
  // standard's Request refuses with a TypeError of its own), and a port fetch blocks (its `bad port`).
  if (failed?.["name"] === "TypeError" || failed?.["message"] === "bad port" || /^\S+ [a-z][\w+.-]*:\/\/[^/?#@\s]*@/i.test(request)) throw failure;
  for (const [n, v] of Object.entries(init.headers as Record<string, string>)) if (refused(n, v)) throw failure;
  return failure;
}

/**
 * The TypeError of a request that got no answer (`unanswered`): the request in `request`, fetch's
 * error in `cause`. `JSON.stringify` writes its `name`, `message`, `request` and its cause's message
 * (`cause`), as an ODataError's `toJSON` does: an Error's own `name` and `message` are not
 * enumerable, so a log line would have had the request only.
 */
class NoAnswer extends TypeError {
  declare readonly request: string;

  constructor(message: string, cause: unknown, request: string) {
    super(message);
    Object.assign(this, { cause, request });
  }

  toJSON(): Record<string, unknown> {
    const { name, message, request } = this;
    const cause = record((this as { cause?: unknown }).cause)?.["message"];
    return { name, message, request, ...(typeof cause === "string" && cause && { cause }) };
  }
}

/**
 * Whether `fetch` refuses a header, checked as the Fetch standard says (not with `new Headers`,
 * which a context may not have): a name is a token; a value, trimmed of spaces, tabs and line
 * breaks, holds no CR, LF or NUL, and no character is past U+00FF. In one pass over the value
 * (a pattern for a line break between two other characters backtracks over a long run of them).
 */
function refused(name: string, value: string): boolean {
  if (!/^[\w!#$%&'*+.^`|~-]+$/.test(name) || /[^\0-\xff]/.test(value)) return true;
  const space = (i: number) => /[\t\n\r ]/.test(value.charAt(i));
  let start = 0;
  let end = value.length;
  while (start < end && space(start)) start++;
  while (end > start && space(end - 1)) end--;
  return /[\0\r\n]/.test(value.slice(start, end));
}

/** An error's message, and its cause's after it: `terminated (other side closed)`. */
function why(error: unknown): string {
  const { message, cause } = (record(error) ?? {}) as { message?: unknown; cause?: unknown };
  const text = record(cause)?.["message"];
  return `${String(message)}${typeof text === "string" && text ? ` (${text})` : ""}`;
}

/**
 * What a failure after retries adds to the message: `: gave up after 4 attempts (maxRetries 3)` when
 * the retries ran out on what is retried, else which attempt failed (`: on attempt 2, after 1 retry`).
 */
function attempts(attempt: number, gaveUp: boolean, maxRetries: number): string {
  const n = attempt + 1;
  if (gaveUp) return `: gave up after ${n} attempts (maxRetries ${maxRetries})`;
  return `: on attempt ${n}, after ${attempt} ${attempt === 1 ? "retry" : "retries"}`;
}

/** Stands for the page's address where there is none (Node); `unlocated` takes it off again. */
const NO_PAGE = "http://no-page.invalid";

/**
 * `url` resolved against `base` (if given), which is itself resolved against the page's address:
 * in a browser, `baseUrl: "/odata"` is on the page's own origin. Without a page, a relative URL
 * resolves against the stand-in `NO_PAGE`, whose origin then stands for the service's.
 */
function locate(url: string, base?: string): URL {
  // An absolute URL needs no page (and where reading `location` throws, it is not read).
  if (/^[a-z][a-z\d+.-]*:/i.test(url)) return new URL(url);
  const page = (globalThis as { location?: { href?: string } }).location?.href ?? `${NO_PAGE}/`;
  return new URL(url, base === undefined ? page : locate(base));
}

/** `url` as `fetch` gets it: relative again where `locate` had only the stand-in for a page. */
function unlocated(url: string): string {
  return url.startsWith(`${NO_PAGE}/`) ? url.slice(NO_PAGE.length) : url;
}

/**
 * Header records merged in order into one plain record. Header names are case-insensitive (RFC 9110
 * §5.1): a later `accept` replaces an earlier `Accept` (its spelling is kept) rather than being sent
 * beside it, which `fetch` would join into one invalid `a, b` value.
 */
function mergeHeaders(...layers: (Record<string, string> | undefined)[]): Record<string, string> {
  const merged: Record<string, string> = {};
  const spelling = new Map<string, string>();
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer ?? {})) {
      const lower = name.toLowerCase();
      const earlier = spelling.get(lower);
      const joined = earlier !== undefined && lower === "prefer" ? joinPreferences(merged[earlier] ?? "", value) : value;
      if (earlier !== undefined) delete merged[earlier];
      spelling.set(lower, name);
      merged[name] = joined;
    }
  }
  return merged;
}

/**
 * `Prefer` is a list (RFC 7240 §2): `return=minimal` from `prefer` and Graph's
 * `outlook.timezone="…"` from `headers` are both sent. A later layer's preference of the same name
 * replaces an earlier one's; OData 4.01's names without `odata.` (`continue-on-error`, Protocol
 * §8.2.8) are those of 4.0 with it, so `continue-on-error=false` replaces the batch's own
 * `odata.continue-on-error` rather than being sent beside it, which a service may take either of.
 */
function joinPreferences(earlier: string, later: string): string {
  const list = (text: string) => preferenceItems(text).map((p) => p.trim()).filter((p) => p !== "");
  const added = list(later);
  const replaced = new Set(added.map(preferenceName));
  return [...list(earlier).filter((p) => !replaced.has(preferenceName(p))), ...added].join(", ");
}

/** A `Prefer` item's name, lower case, OData's without `odata.` (see `joinPreferences`). */
function preferenceName(item: string): string {
  return (/^[^=;\s]+/.exec(item.trim())?.[0] ?? item).toLowerCase().replace(ODATA_PREFIXED, "$1");
}

/** The `continue-on-error` items (either spelling, either way) of the `Prefer` values in `headers`. */
function onErrorPreferences(headers: Record<string, string> | undefined): string[] {
  return Object.entries(headers ?? {}).flatMap(([k, v]) => (k.toLowerCase() === "prefer" ? preferenceItems(v).map((p) => p.trim()).filter((p) => preferenceName(p) === "continue-on-error") : []));
}

/**
 * Protocol §8.2.8: where a client's preferences go in a batch. `continue-on-error` and `respond-async`
 * are the `$batch` request's: the first "SHOULD NOT be applied to individual requests within a
 * batch", the second "applies to the batch request as a whole and not to individual requests".
 */
const BATCH_PREFERENCES = /^(continue-on-error|respond-async)$/;

/**
 * Protocol §8.2.8: `return`, `maxpagesize` and `track-changes` are each request's: each "SHOULD NOT
 * be applied to a batch request, but MAY be applied to individual requests within a batch" (and
 * `return` on the batch request itself SHOULD get a 4xx). Any other preference goes to both: most
 * mean the same either way (`include-annotations` on the batch request is inherited by its requests;
 * `wait` and `callback` are the batch's there and a request's in it), and one a service defines (Graph's
 * `outlook.timezone`) goes where it always went.
 */
const REQUEST_PREFERENCES = /^(return|maxpagesize|track-changes)$/;

/** `headers` (a client's) without the preferences whose names (`preferenceName`) match `names`; a `Prefer` left empty is left out. */
function withoutPreferences(headers: Record<string, string> | undefined, names: RegExp): Record<string, string> | undefined {
  if (!headers) return headers;
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const items = name.toLowerCase() === "prefer" ? preferenceItems(value).map((p) => p.trim()).filter((p) => p !== "") : [];
    const left = items.filter((p) => !names.test(preferenceName(p)));
    // Written as it was unless a preference went (a value with nothing to take out is kept byte for byte).
    if (left.length === items.length) kept[name] = value;
    else if (left.length) kept[name] = left.join(", ");
  }
  return kept;
}

/** Protocol §8.2.8: the preferences OData 4.0 named with `odata.` and 4.01 names without it too. */
const ODATA_PREFIXED = /^odata\.(allow-entityreferences|callback|continue-on-error|include-annotations|maxpagesize|track-changes)$/;

/**
 * A `Prefer` value's items: split at commas outside quoted strings (`"…"`, with `\\` escapes). A `"`
 * never closed is dropped and ends an item. One pass: a pattern for it scanned to the end from each
 * such `"` (quadratic); here a scan that fails marks every `"` before where it failed as unclosed too,
 * as each of those is an escaped one that scan passed.
 */
function preferenceItems(text: string): string[] {
  const items: string[] = [];
  let item = "";
  let failedBefore = -1;
  const flush = () => {
    if (item !== "") items.push(item);
    item = "";
  };
  /** The end of the quoted string opened at `i`, or -1 (none: a line break or the end after `\\`, or no `"`). */
  const closing = (i: number) => {
    if (i < failedBefore) return -1;
    let j = i + 1;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === '"') return j + 1;
      if (c === "\\") {
        if (j + 1 >= text.length || /[\n\r\u2028\u2029]/.test(text[j + 1]!)) break;
        j++;
      }
    }
    failedBefore = j;
    return -1;
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    const end = c === '"' ? closing(i) : -1;
    if (end > 0) {
      item += text.slice(i, end);
      i = end;
      continue;
    }
    if (c === "," || c === '"') flush();
    else item += c;
    i++;
  }
  flush();
  return items;
}

/**
 * The body as JSON, undefined when empty. An error's body that is not JSON is its text. A result's
 * (`request`, `GET https://…`, given) rejects (`unreadable`) when it is not JSON, and when it is
 * empty, unless it may be (`optional`: an update, a create with `return=minimal`) or is a 204; and,
 * with `shape`, when it is JSON of another shape (`null`, no result, is the caller's to judge). A
 * payload of OData 4.01 or later has its control information with the `odata.` prefix, as the types
 * name it (see `prefixed`).
 */
function parseBody([response, text]: Answer, request?: string, optional?: boolean, shape?: typeof AN_OBJECT | typeof A_VALUE): unknown {
  if (!text && response.status === 202 && request && !optional) throw accepted(response, request);
  let body: unknown;
  try {
    // JSON.parse("") throws: an empty body where a value is expected.
    body = text || (request && !optional && response.status !== 204) ? JSON.parse(text) : undefined;
  } catch {
    if (request) throw unreadable(response, request, text, "JSON");
    return text;
  }
  const o = record(body);
  if (shape && body != null && !(o && (shape === AN_OBJECT || "value" in o))) throw unreadable(response, request!, text, shape);
  return parseFloat(response.headers.get("odata-version") ?? "") > 4 ? prefixed(body) : body;
}

/**
 * IEEE754Compatible=true (asked for by the client, or said by the response's Content-Type) has the
 * service write `@odata.count` as a string too (JSON Format §3.2): a page's, and an expanded
 * collection's (`Trips@odata.count`) at every depth. Each is read back as the number the types
 * promise (`Page<T>`, `Selected`), in place. Only reads call it (`receiveOne`, `receivePage`): a
 * count comes with `$count` and `$expand`, which writes do not send, so an update does not bundle it.
 * The parameter's value may be quoted (RFC 9110 §5.6.6: `IEEE754Compatible="true"` is the same).
 * Without it, a page's own count written as a string all the same is read so too (only the top of
 * the body is looked at then). A count that is no digits, or more than a number holds exactly
 * (2^53 - 1, as `count` refuses), rejects the read (`request`), `UnreadableBody`.
 */
function withCounts(client: Client, answer: Answer, request: string, body: unknown): unknown {
  const ieee = client.options.ieee754Compatible || /;\s*IEEE754Compatible\s*=\s*("?)true\1\s*(;|$)/i.test(answer[0].headers.get("content-type") ?? "");
  const o = record(body);
  const bad = ieee ? countsAsNumbers(body) : o && typeof o["@odata.count"] === "string" ? countAsNumber(o, "@odata.count") : undefined;
  if (bad) throw unreadable(answer[0], request, answer[1], "", `its ${bad}, not a count a number holds exactly (digits, up to 2^53 - 1)`);
  return body;
}

/**
 * Walks `value` with a list of its objects still to see, not recursion (`JSON.parse` takes a body
 * nested 200,000 deep, which the stack does not); returns the first count it cannot read, if any.
 */
function countsAsNumbers(value: unknown): string | undefined {
  for (const waiting = [value]; waiting.length; ) {
    const o = waiting.pop();
    if (typeof o !== "object" || o === null) continue;
    // An array's entries too: its indexes end in no `@odata.count`.
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === "object" && v !== null) waiting.push(v);
      else if (typeof v === "string" && k.endsWith("@odata.count")) {
        const bad = countAsNumber(o as Record<string, unknown>, k);
        if (bad) return bad;
      }
    }
  }
  return undefined;
}

/** `o[k]`, a count written as a string, as the number, in place; else what it is, for the message (`@odata.count is "1e3"`). */
function countAsNumber(o: Record<string, unknown>, k: string): string | undefined {
  const v = o[k] as string;
  const n = /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) return `${k} is ${excerpt(JSON.stringify(v))}`;
  o[k] = n;
  return undefined;
}

/**
 * The shapes of a single result (JSON Format §5, §7, §11): an entity or complex value is a JSON
 * object; one primitive or enum value is wrapped, `{ "value": … }`.
 */
const AN_OBJECT = "an object";
const A_VALUE = "an object with `value`";

/**
 * JSON Format 4.01 §4.5: a payload with `OData-Version: 4.01` or later SHOULD write control
 * information without the `odata.` prefix (`@nextLink`, `@count`, `@etag`, `Trips@count`), and a
 * 4.01 consumer MUST read both forms (§21, conformance 8.a). So, once on receipt and at every depth
 * (expanded entities, complex values), a name of §4.5's control information (`@nextLink`,
 * `Trips@count`; an annotation such as `@Core.Description` is not one) gets the prefix. `@removed`
 * keeps its name: the types name it so, as Graph writes it. A 4.0 payload is not walked. Inside an
 * `Edm.Untyped` value, a JSON-LD `@context`/`@type`/`@id` is renamed too: the runtime does not know
 * the model.
 */
function prefixed(value: unknown): unknown {
  // A copy, made with a list of the objects still to fill, not recursion: `JSON.parse` takes a body
  // nested 200,000 deep, which the stack does not. Each object's copy is made empty where its
  // parent's is filled (so that the order of the names is kept), and filled when its turn comes.
  const waiting: [from: unknown[] | Record<string, unknown>, to: unknown[] | Record<string, unknown>][] = [];
  const copy = (v: unknown): unknown => {
    const from = Array.isArray(v) ? (v as unknown[]) : record(v);
    if (!from) return v;
    const to = Array.isArray(from) ? [] : {};
    waiting.push([from, to]);
    return to;
  };
  const top = copy(value);
  for (let next; (next = waiting.pop()); ) {
    const [from, to] = next;
    if (Array.isArray(from)) for (const v of from) (to as unknown[]).push(copy(v));
    else {
      for (const [k, v] of Object.entries(from)) {
        // As Object.fromEntries and JSON.parse make it: `__proto__` is a name like any other (set, it would be the prototype).
        if (k === "__proto__") Object.defineProperty(to, k, { value: copy(v), writable: true, enumerable: true, configurable: true });
        else (to as Record<string, unknown>)[CONTROL_INFO.test(k) ? k.replace("@", "@odata.") : k] = copy(v);
      }
    }
  }
  return top;
}
/** The control information JSON Format 4.01 §4.5 names (not any `@word`: `user@contoso` in an untyped value is data). */
const CONTROL_INFO =
  /@(context|metadataEtag|type|count|nextLink|deltaLink|id|editLink|readLink|etag|navigationLink|associationLink|mediaEditLink|mediaReadLink|mediaContentType|mediaEtag)$/;

/**
 * The JSON body of a response, checked with `options.validate`: with `request` (see `parseBody`), an
 * entity (a create's or update's answer), which is an object, or nothing where it may be (`optional`);
 * without, whatever it is (an action without a result: not read as one).
 */
function receive<T>(client: Client, answer: Answer, options: ReadOptions | undefined, request?: string, optional?: boolean): T {
  const body = parseBody(answer, request, optional, request ? AN_OBJECT : undefined);
  const [response] = answer;
  if (request && body === null) throw unreadable(response, request, "null", AN_OBJECT);
  return checked(body, options?.validate, validateOptions(client), "", request) as T;
}

/**
 * One result (the answer to `request`), checked with `options.validate`: an entity or complex value,
 * or with `shape` A_VALUE one primitive or enum value. None (204 No Content, JSON `null`, a `value`
 * that is `null`; Protocol §9.1.4, §11.2.7, §11.5.4) resolves `none` where the result may be null
 * (`null`, `{ value: null }`); where it cannot (`none` undefined), the call rejects (`noContent`).
 */
function receiveOne<T>(client: Client, answer: Answer, options: ReadOptions | undefined, request: string, shape: typeof AN_OBJECT | typeof A_VALUE, none?: null | { value: null }): T {
  const [response] = answer;
  const body = withCounts(client, answer, request, parseBody(answer, request, false, shape));
  if (body == null || (shape === A_VALUE && record(body)!["value"] === null)) {
    if (none === undefined) throw noContent(response, request, undefined, body);
    if (body == null) return none as T;
  }
  return checked(body, options?.validate, validateOptions(client), "", request) as T;
}

/**
 * How a page was read, kept on the page (not enumerable: not part of its JSON): the URL it was read
 * from, the base of its relative links (see `linkBase`), and the options, so that `pages`, `items`
 * and `collectAll` read the next pages as the first was read: with its headers (Graph's
 * `ConsistencyLevel: eventual`), its `validate` and its `signal`.
 */
const READ_WITH = Symbol("odatagen.readWith");
interface ReadWith {
  at: string;
  options: ReadOptions | undefined;
}

/**
 * A page of a collection (the answer to `request`), each entity checked with `options.validate`
 * (errors point into the page: `/value/3/…`). A 204 No Content, which has no `value`, rejects
 * (ODataError, status 204), as a body that is not JSON does.
 */
function receivePage<T>(client: Client, answer: Answer, options: ReadOptions | undefined, request: string): T {
  const [response] = answer;
  if (response.status === 204) throw noContent(response, request, "a collection was expected (a page with `value`)");
  const page = withCounts(client, answer, request, parseBody(answer, request));
  // `at`: the request's URL, after its method.
  const read: ReadWith = { at: request.slice(request.indexOf(" ") + 1), options };
  if (record(page)) Object.defineProperty(page, READ_WITH, { value: read, enumerable: false });
  const items = record(page)?.["value"];
  // JSON Format §12: a collection's items are in `value`; a body without it is no page.
  if (!Array.isArray(items)) throw unreadable(response, request, answer[1], "a collection (a page with a `value` array)");
  // §4.5.5: a next link is a URL. Another value (5, {}, true) would be followed as `.../5`, and 0 or
  // false would end the paging unsaid (null is none).
  const next = record(page)!["@odata.nextLink"];
  if (next != null && typeof next !== "string") throw unreadable(response, request, answer[1], "", `its @odata.nextLink is ${excerpt(JSON.stringify(next))}, not a URL (a string)`);
  const how = validateOptions(client);
  items.forEach((item, i) => checked(item, options?.validate, how, `/value/${i}`, request));
  return page as T;
}

/** What validators are told: Int64 and Decimal as strings where the client asked the service for them. */
function validateOptions(client: Client): ValidatorOptions | undefined {
  return client.options.ieee754Compatible ? { ieee754Compatible: true } : undefined;
}

/**
 * `value`, once `validate` accepts it; else rejects with ValidationFailedError (`prefix` before each
 * error's path; `request`, the request answered with it, in its message and `request`).
 */
function checked(value: unknown, validate: Validator | undefined, how: ValidatorOptions | undefined, prefix = "", request?: string): unknown {
  const result = validate && value !== undefined ? validate(value, how) : undefined;
  if (result && !result.valid) throw new ValidationFailedError(result.errors.map((e) => ({ ...e, path: prefix + e.path })), request);
  return value;
}

/**
 * An HTTP date (RFC 9110 §5.6.7), whole, in any case: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`),
 * RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`), asctime (`Sun Nov  6 08:49:37 1994`, which `httpDate`
 * rewrites as the first before matching), all GMT (UTC too). A value cut short (`Mon, 1`), without its zone, or with a
 * name or time out of range (`25:00:00`) is none; so is a day past its month's last (`Feb 30`).
 */
const HTTP_DATE = /^(?:mon|tue|wed|thu|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day),? (\d\d?)[ -]([a-z]{3})[ -](\d\d(?:\d\d)?) ([01]?\d|2[0-3]):([0-5]\d):([0-5]\d|60) (?:gmt|utc)$/;

/**
 * The instant (ms) of an HTTP date (`HTTP_DATE`), else NaN; `now` places a two-digit year. Read
 * here, not by Date.parse, which ECMAScript leaves to each engine for these forms (V8 reads `60`
 * as 1960, where RFC 9110 has had 2060 since 2010).
 */
function httpDate(text: string, now: number): number {
  // asctime (`sun nov  6 08:49:37 1994`) is rewritten as IMF-fixdate (`sun, 6 nov 1994 08:49:37 gmt`)
  // first, so one pattern reads the three forms. No match: no month (below), and NaN.
  const [, day, name, digits, hour, minute, second] = HTTP_DATE.exec(text.toLowerCase().replace(/^(\w+) (\w+) +(\d+) (\S+) (\d+)$/, "$1, $3 $2 $5 $4 gmt")) || [];
  // -1 (no month's name, none at all) or a match across two names (`anf`) is no whole month.
  const month = "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(name!) / 3;
  const at = (year: number, s = +second!) => Date.UTC(year, month, +day!, +hour!, +minute!, s);
  let year = +digits!;
  // RFC 9110 §5.6.7: a two-digit year more than 50 years on is the most recent past year with those
  // digits: the latest year of theirs whose date, 50 years on, is not after now (from 19xx on; a now
  // past Date's range ends it, NaN). Four digits are the year as written: `0060` is long past (Date.UTC reads 1960).
  if (digits?.length === 2) for (year += 1900; at(year + 50) <= now; ) year += 100;
  // Its day, checked without second 60 (a leap second, §5.6.7), which a month's last day ends with.
  return month % 1 || new Date(at(year, 0)).getUTCDate() !== +day! ? NaN : at(year);
}

/** Milliseconds to wait before retry `attempt`, or undefined when the service asks for longer than allowed. */
export function retryDelay(retryAfter: string | null, attempt: number, policy: RetryPolicy = {}, now: number = Date.now()): number | undefined {
  const max = policy.maxDelayMs ?? 60000;
  const ms = retryAfterMs(retryAfter, now);
  if (ms === undefined) return Math.min(max, (policy.delayMs ?? 1000) * 2 ** attempt);
  return ms > max ? undefined : ms;
}

/** The wait a `Retry-After` value asks for, in milliseconds (0 for a date past), or undefined for none or one of neither form. */
function retryAfterMs(retryAfter: string | null, now: number): number | undefined {
  // Retry-After (RFC 9110 §10.2.3): seconds, or an HTTP date. Any other value is ignored, as if
  // there were none: `Date.parse` would read `1.5` or `-1` as a day long past, and the retry would follow at once.
  const text = retryAfter?.trim() ?? "";
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : httpDate(text, now) - now;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/** Why an answer a retry was left for is not retried: its `Retry-After` asks for a longer wait than `maxDelayMs` (retryDelay without a limit tells how long). */
function notWaited(after: string | null, retry: RetryPolicy = {}): string {
  return `: the service asked to wait ${Math.ceil(retryDelay(after, 0, { maxDelayMs: Infinity })! / 1000)} s (Retry-After), more than maxDelayMs ${(retry.maxDelayMs ?? 60000) / 1000} s: not retried`;
}

/** Waits `ms`; an abort of `signal` rejects at once. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      resolve();
    }, ms);
    const stop = onAbort(signal, () => {
      clearTimeout(timer);
      reject(signal?.reason);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Asynchronous requests (Protocol §11.6): `respondAsync`, bundled only where a program calls it

/** What `respondAsync` takes. */
export interface AsyncOptions {
  /**
   * How long to wait for the result, in ms, from the service's 202 Accepted on, the polls of its
   * status monitor and the waits between them included (default 300000: five minutes; up to
   * 2147483647). Past it, or where a `Retry-After` asks to wait past it, the call rejects with an
   * ODataError of status and code 202 whose `location` is the status monitor (the service goes on).
   * Without a `Retry-After`, the last poll goes at the deadline, its wait cut to the time left. A
   * poll under way at the deadline, whichever wait led to it, may take one attempt's time past it
   * (the call's `timeoutMs`, else the client's, else 10 s), but no wait between its retries does.
   */
  maxWaitMs?: number | undefined;
  /**
   * Where the call's signal aborts while it waits: DELETE the status monitor, which asks the service
   * to cancel the request (Protocol §11.6), sent without waiting for its answer, but given up after
   * the call's `timeoutMs`, else the client's, else 10 s, its retries (a 429's or 503's) and their waits
   * included. Default false: the service goes on with it.
   */
  cancelOnAbort?: boolean | undefined;
}

/** A wait for the result of a request the service runs asynchronously: made by `respondAsync`, given as a call's (or `send()`'s) `respondAsync`. */
export interface AsyncWait {
  /**
   * Sends `request` (`POST https://…`, to `url`) with `send`, asking `respond-async`, and resolves
   * with its final answer and body as `send` reads them (from its status monitor where it answers
   * 202 Accepted; `reads`: `send` sends a read, a redirect's GET, retried as a GET is). The runtime
   * calls it; a program need not.
   */
  readonly follow: (client: Client, request: string, url: string, options: RequestOptions | undefined, send: (client: Client, headers?: Record<string, string>, reads?: boolean) => Promise<[Response, unknown]>) => Promise<[Response, unknown]>;
}

/**
 * `respondAsync` for a call's options: the request goes with `Prefer: respond-async`, and where the
 * service answers 202 Accepted with a status monitor (`Location`), the monitor is polled (GET) after
 * each `Retry-After`, else after the client's `retry.delayMs` doubled per poll (to `maxDelayMs`),
 * following the `Location` of each 202 it answers; its final answer, the request's whole response
 * as `application/http` (or, OData 4.01, the response itself with an `AsyncResult` header), is then
 * the call's answer: read, checked and rejected (an ODataError naming the request) as the direct
 * answer would be.
 */
export function respondAsync(options: AsyncOptions = {}): AsyncWait {
  checkTimeout("respondAsync", options.maxWaitMs, "maxWaitMs");
  return {
    follow: async (client, request, url, given, send) => {
      // Protocol §8.2.8.8: a service ignores respond-async on a request inside a $batch; it is the $batch's.
      if (HOLD in client) throw new TypeError(`${request}: respondAsync is not a batched call's own: a service ignores respond-async on a request inside a $batch (Protocol §8.2.8.8); give it to the batch's send({ respondAsync })`);
      const answer = await send(client, { Prefer: "respond-async" });
      const [response] = answer;
      // Answered at once (the service may ignore the preference), or with no status monitor: as without it.
      if (response.status !== 202 || !response.headers.get("location")) return answer;
      const final = await monitored(client, response, request, url, given, options);
      // The result read as the direct answer would be: the same reader, the same errors, named by the request.
      const to = resultRedirect(final, request, url);
      if (!to) return send({ ...client, options: { ...client.options, fetch: () => Promise.resolve(final), getToken: undefined, retry: { maxRetries: 0 } } });
      // A redirect inside it, followed as fetch follows the direct answer's: a GET of its Location, without
      // a body or the headers that describe one; the token and credentials only on the service's origin;
      // retried as the client retries a GET (its 429, 503, 504, no answer), as the polls are.
      const own = to.origin === locate(client.baseUrl).origin;
      const fetched = (_: unknown, init?: RequestInit) => {
        const headers = Object.entries((init?.headers ?? {}) as Record<string, string>).filter(([name]) => !/^content-(type|encoding|language|location|length)$/i.test(name));
        const get: RequestInit = { method: "GET", headers: own ? Object.fromEntries(headers) : withoutCredentials(Object.fromEntries(headers)), signal: init?.signal ?? null };
        return (client.options.fetch ?? fetch)(unlocated(to.href), get);
      };
      return send({ ...client, options: { ...client.options, fetch: fetched, getToken: own ? client.options.getToken : undefined } }, undefined, true);
    },
  };
}

/**
 * Where a status monitor's final answer redirects as `fetch` would follow the direct answer with a
 * GET (RFC 9110 §15.4; Fetch standard: a GET's any redirect, a POST's 301, 302 or 303, any other's
 * 303): its `Location`, resolved against the request's URL (`url`), not the monitor's. Another
 * redirect (a write's 307, which fetch sends again with its body) is the call's error, as it stands.
 */
function resultRedirect(final: Response, request: string, url: string): URL | undefined {
  const method = request.slice(0, request.indexOf(" "));
  const location = final.headers.get("location");
  if (location === null || !followedByGet(method, final.status)) return undefined;
  let to: URL;
  try {
    to = locate(location, url);
  } catch (e) {
    throw Object.assign(new TypeError(`${request}: its result is a ${final.status} redirect, with a Location that is no URL: ${excerpt(location)}`), { cause: e });
  }
  // Fetch standard: a redirect to a scheme other than http: or https: (data:, blob:) is a network error, not read.
  if (!/^https?:$/.test(to.protocol)) throw new TypeError(`${request}: its result is a ${final.status} redirect, with a Location that is no http: or https: URL, which fetch does not follow: ${excerpt(location)}`);
  return to;
}

/**
 * How long, in ms, a request made at the end of a wait for a status monitor may take where neither
 * the call nor the client has a `timeoutMs`: the last poll (sent at the deadline), cancelOnAbort's DELETE.
 */
const PAST_WAIT_MS = 10000;

/** Polls the status monitor of `accepted` (see `respondAsync`) until it answers other than 202. */
async function monitored(client: Client, accepted: Response, request: string, url: string, given: RequestOptions | undefined, wait: AsyncOptions): Promise<Response> {
  const { retry = {} } = client.options;
  const max = wait.maxWaitMs ?? 300000;
  const end = Date.now() + max;
  let monitor = monitorAt(accepted, url, request);
  // maxWaitMs 0 waits for nothing: not even a poll, which no deadline (`deadline` sets none for 0) would bound.
  if (!max) throw notDone(accepted, request, monitor, max);
  let after = accepted.headers.get("retry-after");
  // The monitor's requests: the call's headers and timeoutMs; the token and credentials only to the service's origin.
  const to = (method: string, headers?: Record<string, string>): Exchange => {
    const x: Exchange = { method, url: unlocated(monitor), ...(headers && { headers }) };
    if (locate(monitor).origin !== locate(client.baseUrl).origin) x.elsewhere = withoutCredentials;
    return x;
  };
  const own = { timeoutMs: given?.timeoutMs, headers: given?.headers };
  // A request made at the deadline or after it: a poll's time past it, and the DELETE's.
  const past = own.timeoutMs ?? client.options.timeoutMs ?? PAST_WAIT_MS;
  // No wait passes the deadline (`waits`: a poll's retry waits too); a poll under way at it, whichever wait led to it, has one attempt's time past it.
  const limit = deadline(given?.signal, Math.min(max + past, 0x7fffffff));
  const waits = deadline(limit.signal, max);
  try {
    for (let poll = 0, last = false; ; poll++) {
      const asked = retryAfterMs(after, Date.now());
      const left = end - Date.now();
      // Still 202 after the poll that went at the deadline, or once past it: not done.
      if (last || left <= 0) throw notDone(accepted, request, monitor, max);
      // A Retry-After past maxWaitMs is not waited for (nor polled before it asks): the call rejects at once.
      if (asked !== undefined && asked > left) throw notDone(accepted, request, monitor, max, asked);
      const ms = asked ?? Math.min(retry.maxDelayMs ?? 60000, (retry.delayMs ?? 1000) * 2 ** poll, left);
      // The runtime's own delay is cut to the time left: the last poll goes at the deadline.
      last = asked === undefined && ms === left;
      await sleep(ms, limit.signal);
      // Protocol §11.6: asked for application/http, a 4.0 service answers the result so; a 4.01 one may answer it itself, with AsyncResult.
      const [response, bytes] = await exchange(client, { ...to("GET", { Accept: "application/http, application/json;q=0.9" }), waits: waits.signal }, { ...own, signal: limit.signal }, (r) => r.arrayBuffer());
      if (response.status !== 202) return asyncResult(response, bytes, request, unlocated(monitor));
      // Each 202 names the monitor again, maybe another (§11.6).
      monitor = monitorAt(response, monitor, request);
      after = response.headers.get("retry-after");
    }
  } catch (e) {
    if (limit.passed() || (waits.passed() && e === waits.signal.reason)) throw notDone(accepted, request, monitor, max);
    // Not waited for, but bounded once, its retries (a 429's or 503's) and their waits included, as the polls are by
    // maxWaitMs: a service that never answers it, or answers 503 and then nothing, holds no connection
    // (nor a Node process) open for longer.
    if (given?.signal?.aborted && wait.cancelOnAbort) {
      const bound = deadline(undefined, past);
      exchange(client, to("DELETE"), { headers: own.headers, signal: bound.signal }).catch(() => {}).finally(bound.clear);
    }
    throw e;
  } finally {
    waits.clear();
    limit.clear();
  }
}

/**
 * The status monitor a 202 names (`Location`, resolved against `base`; where a monitor's 202 names
 * none, `base`, the same one), without its fragment; a TypeError where it is no http: or https: URL,
 * rather than URL's bare `Invalid URL` or a `file:` read.
 */
function monitorAt(answer: Response, base: string, request: string): string {
  const location = answer.headers.get("location") ?? base;
  let url: URL | undefined;
  try {
    url = locate(location, base);
  } catch {
    // Said below.
  }
  if (!url || !/^https?:$/.test(url.protocol)) throw new TypeError(`${request}: 202 Accepted, but its status monitor ${excerpt(location)} is no http: or https: URL: not read`);
  url.hash = "";
  return url.href;
}

/** The ODataError of a wait past `maxWaitMs` (`asked`: the wait a Retry-After asks for past it): status and code 202, the monitor in `location`. */
function notDone(accepted: Response, request: string, monitor: string, max: number, asked?: number): ODataError {
  const at = unlocated(monitor);
  const why = asked !== undefined ? `its status monitor asks to wait ${Math.ceil(asked / 1000)} s (Retry-After), past` : "not done within";
  const error = new ODataError(202, "202", `${request}: 202 Accepted: the service goes on with the request asynchronously (Protocol §11.6), and ${why} maxWaitMs ${max} ms; its status monitor is ${at}`, undefined, requestIdOf(accepted), "", request);
  return Object.assign(error, { location: at });
}

/**
 * The request's response in a status monitor's final answer (Protocol §11.6): its body, as
 * `application/http` (a status line, header fields, the body), else the answer itself where an
 * `AsyncResult` header gives the request's status (4.01). An answer of neither form (a 200 with the
 * monitor's own JSON, as Graph's long-running operations answer) is no result: the call rejects,
 * `UnreadableBody`, the monitor in `location`, rather than resolve that JSON as the result.
 */
function asyncResult(response: Response, bytes: ArrayBuffer, request: string, monitor: string): Response {
  const what = `the answer of its status monitor ${monitor}`;
  const status = response.headers.get("asyncresult");
  let answer: unknown;
  try {
    if (/^\s*application\/http\s*(;|$)/i.test(response.headers.get("content-type") ?? "")) answer = httpAnswer(byteString(new Uint8Array(bytes)), what) ?? new UnreadableAnswer(`${what} is application/http, but no HTTP response (a status line, header fields, a blank line, the body)`);
    else if (status !== null) {
      const headers = headersOf(response.headers);
      headers.delete("asyncresult");
      answer = answered(status.trim(), headers, bytes, what);
    }
  } catch (e) {
    answer = e;
  }
  if (answer instanceof Response) return answer;
  const text = new TextDecoder().decode(bytes);
  const why = answer instanceof UnreadableAnswer ? answer.why : `${what} is neither the request's response as application/http nor one with an AsyncResult header (Protocol §11.6)${text ? `: ${excerpt(text)}` : ""}`;
  throw Object.assign(unreadable(response, request, text, "", why), { location: monitor });
}

// ---------------------------------------------------------------------------------------------
// Collections: paging and counting

/** The pages of a collection, following `@odata.nextLink` from a first page (`listPeople(...)`). */
export async function* pages<T>(client: Client, first: Page<T> | Promise<Page<T>>, options?: ReadOptions): AsyncGenerator<Page<T>, void, undefined> {
  let page: Page<T> | undefined = await first;
  // Without options of its own, as the first page was read (its headers, validate and signal).
  const read = (page as { [READ_WITH]?: ReadWith } | undefined)?.[READ_WITH];
  options ??= read?.options;
  // A service that links back to a page already read would otherwise be followed forever. In
  // constant memory (Brent's cycle detection): each link is compared with the first page's URL,
  // where the client read it (resolved as a link to it would be), with the page's own (a page that
  // links to itself, the commonest loop, is found at once), and with one saved link, saved after 1,
  // 3, 7, 15… links; a loop is found before the pages read are 3 times the distinct ones.
  const start = read && locate(read.at).href;
  let saved = start;
  let current = start;
  for (let steps = 1; page; steps++) {
    yield page;
    const next: string | undefined = page["@odata.nextLink"];
    if (!next) return;
    const url = resolveLink(client, "@odata.nextLink", next, page);
    if (url === saved || url === start || url === current) throw new TypeError(`@odata.nextLink ${unlocated(url)} leads back to a page already read: the service's paging loops`);
    if (!(steps & (steps + 1))) saved = url;
    current = url;
    page = await linked<Page<T>>(client, url, options);
  }
}

/**
 * The URL a page's relative links resolve against (JSON Format §4.3): the page's context URL, itself
 * resolved against the URL the page was read from; without one, that URL. RFC 3986 resolution drops
 * the context URL's `$metadata#…`, so `$metadata#People('a')/Trips` answering `…/People('a')/Trips`
 * makes `Trips?$skiptoken=2` `…/People('a')/Trips?$skiptoken=2`. A page the client did not read
 * stands for an answer from the service root.
 */
function linkBase(client: Client, page: Page<unknown>): string {
  const from = (page as { [READ_WITH]?: ReadWith })[READ_WITH]?.at ?? `${client.baseUrl}/`;
  const context = page["@odata.context"];
  return typeof context === "string" ? locate(context, from).href : locate(from).href;
}

/**
 * `link` (`what` says which: `@odata.nextLink`) resolved as a link in `page` (`linkBase`), else
 * against the service root, without its fragment: `fetch` never sends one, so `People?$skip=1#f1`
 * and `#f2` are the same page (and `pages` sees a loop through them). Where that gives no URL (a
 * context URL `https://host:99999/…`), a TypeError naming the link, the page's URL and its context
 * URL, not URL's bare `Invalid URL`.
 */
function resolveLink(client: Client, what: string, link: string, page: Page<unknown> | undefined): string {
  const at = (page as { [READ_WITH]?: ReadWith } | undefined)?.[READ_WITH]?.at;
  const context = page?.["@odata.context"];
  const of = () => `${at === undefined ? "" : ` of the page from ${at}`}${typeof context === "string" ? `, whose @odata.context is ${context},` : ""}`;
  let url: URL;
  try {
    url = locate(link, page ? linkBase(client, page) : `${client.baseUrl}/`);
  } catch (e) {
    throw new TypeError(`${what} ${link}${of()} resolves to no URL: ${(e as Error).message}`);
  }
  // Only a web address (or one of the service's own scheme) is read: a `data:` link would be taken
  // for a page, and a `file:` or `javascript:` one tried again and again as a request without an answer.
  if (!/^https?:$/.test(url.protocol) && url.protocol !== locate(client.baseUrl).protocol) {
    throw new TypeError(`${what} ${excerpt(link)}${of()} is a ${url.protocol} URL, not an http: or https: one: not read`);
  }
  url.hash = "";
  return url.href;
}

/**
 * Reads the page a stored link names: a delta response's `@odata.deltaLink` kept until the next
 * round (Protocol §11.3), or a `@odata.nextLink`. A relative link resolves as it does on `from`, the
 * page it came from (see `linkBase`), else against the service root. `T` is what the link's
 * collection holds, inferred from `from` (the next round of a delta is typed as the round before),
 * or given (`readLink<User>`), when `from` may be any page (`Page<unknown>`: a page of the default
 * set or of selected properties is no `Page<User>`); the page's items are checked with `validate`,
 * and `pages`, `items` and `collectAll` go on from it.
 */
export const readLink: typeof readLinkDirect = /* @__PURE__ */ held(readLinkDirect);
async function readLinkDirect<T>(client: Client, link: string, options?: ReadOptions & { from?: Page<T> | Page<unknown> | undefined }): Promise<Page<T>> {
  // The page read keeps its options for its next pages, but not `from`: a delta loop that passes
  // each round's last page would otherwise keep every round before it.
  const { from, ...read } = options ?? {};
  return linked<Page<T>>(client, resolveLink(client, "link", link, from), read);
}

/**
 * GET of the page at `url`, a link a service wrote (resolved by `locate`): the token goes only to the
 * service's origin, and credentials given as headers (the client's or the call's, which a next page
 * is read with too) stay off any other.
 */
async function linked<T>(client: Client, url: string, options: ReadOptions | undefined): Promise<T> {
  const elsewhere = locate(url).origin === locate(client.baseUrl).origin ? undefined : withoutCredentials;
  const x: Exchange = { method: "GET", url: unlocated(url) };
  if (elsewhere) x.elsewhere = elsewhere;
  return receivePage<T>(client, await execute(client, x, options, asText), options, `GET ${x.url}`);
}

/** Every entity of a collection, page after page. */
export async function* items<T>(client: Client, first: Page<T> | Promise<Page<T>>, options?: ReadOptions): AsyncGenerator<T, void, undefined> {
  for await (const page of pages(client, first, options)) {
    if (!Array.isArray(page.value)) throw new TypeError("a collection page without a \"value\" array: not a collection response");
    yield* page.value;
  }
}

/** All entities of a collection in one array (follows every next link). */
export async function collectAll<T>(client: Client, first: Page<T> | Promise<Page<T>>, options?: ReadOptions): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items(client, first, options)) out.push(item);
  return out;
}

/**
 * `GET …/$count` (URL Conventions §4.8): the number of entities, optionally filtered or searched, and
 * with custom `query` options (Graph's `calendarView` needs its `startDateTime` and `endDateTime`).
 * No `$top`, `$skip`, `$orderby` or `$expand`, which the count must not be affected by. Not on an
 * address whose metadata forbids `$count` (`NoCount`), nor with an option it forbids (`QueryTarget`).
 */
export const count: typeof countDirect = /* @__PURE__ */ held(countDirect);
/** The options of `count`: a request's, custom `query` options, `filter` and `search`. */
export type CountOptions = RequestOptions & Pick<ReadOptions, "query"> & { filter?: string | undefined; search?: string | undefined };
async function countDirect<O extends keyof CountOptions = never, Q extends object = {}>(
  client: Client,
  target: CollectionRef<unknown, unknown, QueryTarget<O | "count"> & QueryGiven<Q>>,
  options?: CountOptions & OptionNames<O> & QueryNames<Q>,
): Promise<number> {
  const url = addressed(client, withCustomQuery(withQuery(`${target.path}/$count`, { filter: options?.filter, search: options?.search }), options?.query));
  const [response, text] = await execute(client, { method: "GET", url, headers: { Accept: "text/plain" } }, options, asText);
  // Digits only: Number("") is 0, Number("0x1f") 31; and exact: 99999999999999999999 would be 1e20.
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n)) throw unreadable(response, `GET ${url}`, text, n ? "a count a number holds exactly (up to 2^53 - 1)" : "a count");
  return n;
}

/**
 * The options that may follow `$apply` (OData Extension for Data Aggregation 4.0, CS02 §3.15:
 * `$apply` is evaluated first, the others on its result, so they name its properties: `total`, not
 * `price`). No `select`, `expand`, `search` or `compute`: the transformations say what each item has
 * (`groupby`, `aggregate`, `expand(…)`, `search(…)`, `compute(…)`).
 */
export interface AggregateOptions extends ReadOptions {
  /** `$filter` on the transformed items: `"total gt 100"`. */
  filter?: string | undefined;
  /** `$orderby` on the transformed items: `["total desc", "author"]`. */
  orderby?: string | readonly string[] | undefined;
  /** `$top`: at most this many items (a service may page them: `rt.pages`, `rt.collectAll`). */
  top?: number | undefined;
  /** `$skip`: leaves out this many items first. */
  skip?: number | undefined;
  /** `$count=true`: the page's `@odata.count` is the number of transformed items, all pages together. */
  count?: boolean | undefined;
}

/**
 * `GET …?$apply=…` (OData Extension for Data Aggregation 4.0): reads a collection transformed by
 * `apply`, written in the extension's syntax and sent as written (percent-encoded):
 * `aggregate(client, books(), "groupby((author_ID),aggregate(price with sum as total))")`. Its items
 * are plain records, since their shape is the transformation's: check them (`validate`, or by hand)
 * before trusting a property's type. Paging, errors, headers and retries are a list read's.
 */
export const aggregate: typeof aggregateDirect = /* @__PURE__ */ held(aggregateDirect);
async function aggregateDirect(client: Client, target: CollectionRef<unknown, unknown>, apply: string, options?: AggregateOptions): Promise<Page<Record<string, unknown>>> {
  const { filter, orderby, top, skip, count } = options ?? {};
  const path = `${target.path}${target.path.includes("?") ? "&" : "?"}$apply=${encodeQueryValue(apply)}`;
  const url = addressed(client, withCustomQuery(withQuery(path, { filter, orderby, top, skip, count }), options?.query));
  return receivePage<Page<Record<string, unknown>>>(client, await execute(client, { method: "GET", url }, options, asText), options, `GET ${url}`);
}

// ---------------------------------------------------------------------------------------------
// Streams and references

/** Reads a stream (`$value` of a media entity, or a stream property) as a Blob, whole; `openStream` hands it out as it comes. */
export const readStream: typeof readStreamDirect = /* @__PURE__ */ held(readStreamDirect);
async function readStreamDirect(client: Client, target: StreamRef, options?: StreamReadOptions): Promise<Blob> {
  const [, media] = await execute(client, { method: "GET", url: addressed(client, withCustomQuery(target.path, options?.query)), headers: { Accept: "*/*" } }, options, asBlob);
  return media;
}

/** A stream as `openStream` resolves it, and what the answer's headers say of it. */
export interface Media {
  /**
   * The media, not yet read, as `fetch` gives it (in Node, `Readable.fromWeb(body)` makes a Node
   * stream of it): read it to its end or cancel it, else it holds its connection. A connection lost
   * in it errors it with a TypeError naming the request (`GET https://…: answered 200, its body cut
   * short: terminated (other side closed)`), not sent again; an abort, with the signal's reason (and
   * the connection closes, even through a caller's fetch that does not heed the signal).
   */
  readonly body: ReadableStream<Uint8Array>;
  readonly contentType: string | undefined;
  /** Its bytes, where the service said (`Content-Length` of a body not compressed). */
  readonly length: number | undefined;
  readonly etag: string | undefined;
}

/**
 * Reads a stream without holding it: resolves once the status and headers have come, with the body
 * as a `ReadableStream`. Until then it is `readStream`, with the same errors and retries.
 */
export const openStream: typeof openStreamDirect = /* @__PURE__ */ held(openStreamDirect);
async function openStreamDirect(client: Client, target: StreamRef, options?: StreamReadOptions): Promise<Media> {
  const url = addressed(client, withCustomQuery(target.path, options?.query));
  // A caller's fetch may answer with an object that has no stream: its media is then read whole, as `readStream` would.
  const read = async (r: Response) => flowing(r, r.body === undefined ? (await r.blob()).stream() : r.body, `GET ${url}`, options?.signal);
  const [response, body] = await execute(client, { method: "GET", url, headers: { Accept: "*/*" } }, options, read);
  const { headers } = response;
  const length = headers.get("content-length") ?? "";
  return {
    body,
    contentType: headers.get("content-type") ?? undefined,
    length: /^\d+$/.test(length) && !headers.get("content-encoding") ? Number(length) : undefined,
    etag: headers.get("etag") ?? undefined,
  };
}

/**
 * `response`'s body, `source` (none: an empty one), as a stream whose errors name `request`, but an
 * abort's. An abort errors it with the signal's reason and cancels `source` itself, so the
 * connection closes even under a caller's fetch that does not heed the signal.
 */
function flowing(response: Response, source: ReadableStream<Uint8Array> | null, request: string, signal: AbortSignal | undefined): ReadableStream<Uint8Array> {
  const reader = (source ?? new Blob([]).stream()).getReader();
  let done = (): void => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      done = onAbort(signal, () => {
        controller.error(signal?.reason);
        reader.cancel(signal?.reason).catch(() => {});
      });
    },
    async pull(controller) {
      try {
        const chunk = await reader.read();
        if (signal?.aborted) return;
        if (chunk.done) {
          done();
          controller.close();
        } else controller.enqueue(chunk.value);
      } catch (e) {
        done();
        controller.error(signal?.aborted ? signal.reason : Object.assign(new TypeError(`${request}: answered ${response.status}, its body cut short: ${why(e)}`), { cause: e }));
      }
    },
    cancel(reason) {
      done();
      return reader.cancel(reason);
    },
  });
}

/**
 * Replaces a stream with PUT; `contentType` defaults to the Blob's type, else application/octet-stream.
 * Where the stream's metadata lists the media types it accepts (`StreamRef`'s `accepts`), media of
 * another type rejects with a TypeError before anything is sent (types compared without case or
 * parameters; `image/*` takes any image).
 * A `ReadableStream` is sent chunked as it is read (in Node, `Readable.toWeb(readable)` makes one),
 * and never again: a 429 or 503 rejects, saying so. In a browser only Chromium sends one, and only
 * over HTTP/2: give a Blob there (a `File` is read from disk as it is sent). Resolves with the
 * entity the service answers with, a JSON body (Graph's drive item, with the `id` a new file got),
 * else undefined (204 No Content, or a body that is not JSON).
 */
export async function writeStream<T, M extends string = string>(
  client: Client,
  target: StreamRef<T, M>,
  data: MediaBody,
  options?: StreamWriteOptions<NotInferred<M>>,
): Promise<(T & ControlInfo) | undefined> {
  const type = mediaType(data, options);
  const headers: Record<string, string> = { "Content-Type": type };
  if (options?.etag !== undefined) headers["If-Match"] = options.etag;
  const url = addressed(client, withCustomQuery(target.path, options?.query));
  const accepts = target.accepts;
  if (accepts && !acceptsMedia(accepts, type))
    throw new TypeError(`PUT ${url}: the media is ${type}; the service's metadata accepts ${accepts.join(", ")} here (Core.AcceptableMediaTypes): give one as contentType; rt.unrestricted(target) sends another`);
  const answer = await sendMedia(client, { method: "PUT", url, data, headers }, options, asText);
  if (!answer[1] || !/^application\/json\b/i.test(answer[0].headers.get("content-type") ?? "")) return undefined;
  return receive<T & ControlInfo>(client, answer, undefined, `PUT ${url}`, true);
}

/** A media body: bytes, or a stream read as it is sent. */
export type MediaBody = Blob | ArrayBuffer | Uint8Array | ReadableStream<Uint8Array>;

/** Whether media type `type` is one of `accepts`: compared without case or parameters, `image/*` taking any `image/…`. */
function acceptsMedia(accepts: readonly string[], type: string): boolean {
  const essence = (m: string) => m.split(";", 1)[0]!.replace(/^[ \t]+|[ \t]+$/g, "").toLowerCase();
  const given = essence(type);
  // A media type is `type/subtype` (RFC 9110 §8.3.1): anything else is none of them.
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(given)) return false;
  return accepts.some((a) => {
    const e = essence(a);
    return e === given || (e.endsWith("/*") && given.startsWith(e.slice(0, -1)));
  });
}

/** The streamed bodies (`watched`) whose stream failed: fetch then fails, with its error, or one undici makes of it, as its cause. */
const FAILED_BODIES = /* @__PURE__ */ new WeakSet<object>();

/**
 * `data`, read through a stream of its own that is noted in `FAILED_BODIES` when `data` fails, so
 * that `unanswered` tells the stream's failure from the service's answer (a 407 fails with a bare
 * Error as a stream's `new Error("")` would). `data` is locked only at fetch's first read (no chunk
 * is read ahead: high-water mark 0), so a request that never goes (getToken failed) leaves it as it
 * was, to give again. As it is where there is no ReadableStream to make one, and where it is locked
 * already: fetch refuses it then (`Response body object should not be disturbed or locked`).
 */
function watched(data: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  if (typeof ReadableStream !== "function" || data.locked) return data;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  const body: ReadableStream<Uint8Array> = new ReadableStream<Uint8Array>(
    {
      pull: (controller) =>
        (reader ??= data.getReader()).read().then(
          (chunk) => (chunk.done ? controller.close() : controller.enqueue(chunk.value)),
          (e: unknown) => {
            FAILED_BODIES.add(body);
            throw e;
          },
        ),
      cancel: (reason) => (reader ? reader.cancel(reason) : data.cancel(reason)),
    },
    { highWaterMark: 0 },
  );
  return body;
}

/** `contentType`, else the Blob's type, else application/octet-stream. */
function mediaType(data: MediaBody, options: { contentType?: string | undefined } | undefined): string {
  return options?.contentType ?? (typeof Blob !== "undefined" && data instanceof Blob && data.type ? data.type : "application/octet-stream");
}

/**
 * Sends a media body as `execute` does, but a stream (told by its reader: it may be of another
 * realm) only once, with `duplex`, which Node's fetch wants for it: a 429 or 503 rejects, saying so.
 */
async function sendMedia<B>(client: Client, x: Exchange & { data: MediaBody }, options: RequestOptions | undefined, read?: (response: Response) => Promise<B>): Promise<Answer<B>> {
  // Bytes go as a Blob of them: Node's fetch (undici) cannot send an ArrayBuffer or typed array
  // again on a 307 or 308 redirect (`Cannot perform ArrayBuffer.prototype.slice on a detached
  // ArrayBuffer`), a Blob it can. (Where there is no Blob, they go as they are.)
  const bytes = !("getReader" in x.data) && !(typeof Blob === "function" && x.data instanceof Blob);
  if (bytes && typeof Blob === "function") return execute(client, { ...x, data: new Blob([x.data] as ConstructorParameters<typeof Blob>[0]) }, options, read);
  if (!("getReader" in x.data)) return execute(client, x, options, read);
  const { fetch: doFetch = fetch, retry } = client.options;
  const once: Client = { ...client, options: { ...client.options, fetch: (url, init) => doFetch(url, { ...init, duplex: "half" } as RequestInit), retry: { maxRetries: 0 } } };
  return execute(once, { ...x, data: watched(x.data) }, options, read).catch((e: unknown) => {
    if (e instanceof ODataError && (e.status === 429 || e.status === 503) && retry?.maxRetries !== 0) e.message += ": not retried, as its body was a stream";
    throw e;
  });
}

/**
 * Creates a media entity (Protocol §11.4.7.1: a `HasStream` type, TripPin's `Photo`): POSTs the
 * media itself to the collection, with its type as `Content-Type` (`contentType`, else the Blob's,
 * else application/octet-stream). The service makes the entity around it and answers with it
 * (201), or with nothing to `prefer: "return=minimal"`, which resolves undefined; set its other
 * properties with an update. (`createX` POSTs a JSON body, which such a service would store as
 * the media.) A `ReadableStream` is sent as `writeStream` sends one: chunked, and only once. Not
 * to a collection whose metadata forbids creating in it (`NoInsert`), as `createX`.
 */
export async function createMedia<T>(
  client: Client,
  target: CollectionRef<T, unknown, Insertable>,
  data: MediaBody,
  options?: WriteOptions & { contentType?: string | undefined },
): Promise<(T & ControlInfo) | undefined> {
  const url = addressed(client, withCustomQuery(target.path, options?.query));
  const answer = await sendMedia(client, { method: "POST", url, data, headers: { "Content-Type": mediaType(data, options), ...prefer(options) } }, options, asText);
  return receive<(T & ControlInfo) | undefined>(client, answer, options, `POST ${url}`, true);
}

/** The `@odata.id` of an entity: its absolute URL (`$1` for an entity a batch's change set creates, `ChangeSet.created`). */
export function entityId(client: Client, target: EntityRef<unknown, null>): string {
  return /^\/\$\d+$/.test(target.path) ? target.path.slice(1) : client.baseUrl + target.path;
}

/**
 * Links an entity through a navigation property (URL Conventions §4.4): POST `…/Friends/$ref` adds
 * to a collection; PUT `…/BestFriend/$ref` sets a single-valued one.
 */
export const addRef: typeof addRefDirect = /* @__PURE__ */ held(addRefDirect);
async function addRefDirect<T>(client: Client, nav: CollectionRef<T, unknown> | EntityRef<T, null>, target: EntityRef<T, null>, options?: RequestOptions): Promise<void> {
  const method = nav instanceof CollectionRef ? "POST" : "PUT";
  await execute(client, { method, url: addressed(client, `${nav.path}/$ref`), json: { "@odata.id": entityId(client, target) } }, options);
}

/**
 * Unlinks: DELETE `…/Friends/$ref?$id=…` removes `target` from a collection-valued navigation
 * property; DELETE `…/BestFriend/$ref` clears a single-valued one (leave `target` out), and
 * `removeRef(client, friends.byKey(k))` removes one member by its own address, `…/Friends/k/$ref`
 * (Graph's `DELETE /groups/{id}/members/{id}/$ref`).
 */
export const removeRef: typeof removeRefDirect = /* @__PURE__ */ held(removeRefDirect);
async function removeRefDirect<T>(client: Client, nav: CollectionRef<T, unknown> | EntityRef<T, null>, target?: EntityRef<T, null>, options?: RequestOptions): Promise<void> {
  if (nav instanceof CollectionRef && !target) throw new TypeError("removeRef: which entity to unlink from a collection?");
  const url = `${nav.path}/$ref${target ? `?$id=${encodeQueryValue(entityId(client, target))}` : ""}`;
  await execute(client, { method: "DELETE", url: addressed(client, url) }, options);
}

/**
 * An entity's reference, as a `$ref` read answers it (Protocol §11.2.8, JSON Format 4.01 §14): its
 * `@odata.id`, and its `@odata.type` where the service names a subtype. (4.01's `@id` is read as
 * `@odata.id`.)
 */
export interface EntityReference {
  "@odata.id": string;
  "@odata.type"?: string;
}

/**
 * The options of `readRefs`: the query options that choose and order a collection's members
 * (URL Conventions §5.1), not those that shape them (`select`, `expand`, `compute`).
 */
export type RefsOptions<T> = RequestOptions & Pick<ReadOptions, "query"> & Pick<QueryParts<T>, "filter" | "orderby" | "top" | "skip" | "search" | "count">;

/**
 * GET `…/members/$ref` (Protocol §11.2.8, URL Conventions §4.4): the references of the entities a
 * collection-valued navigation property (or an entity set) holds, a page of `{ "@odata.id": … }`
 * that `pages`, `items` and `collectAll` follow as any page; `filter`, `orderby`, `top`, `skip`,
 * `search` and `count` choose them. Graph's `GET /groups/{id}/members/$ref`:
 * `readRefs(client, groupMembers(group))`. An option the metadata forbids on the address (`QueryTarget`) does not compile.
 */
export const readRefs: typeof readRefsDirect = /* @__PURE__ */ held(readRefsDirect);
async function readRefsDirect<T, O extends keyof RefsOptions<T> = never, Q extends object = {}>(
  client: Client,
  target: CollectionRef<T, unknown, QueryTarget<O> & QueryGiven<Q>>,
  options?: RefsOptions<T> & OptionNames<O> & QueryNames<Q>,
): Promise<Page<EntityReference>> {
  const { filter, orderby, top, skip, search, count } = options ?? {};
  const url = addressed(client, withCustomQuery(withQuery(`${target.path}/$ref`, { filter, orderby, top, skip, search, count }), options?.query));
  const answer = await execute(client, { method: "GET", url }, options, asText);
  const page = receivePage<Page<EntityReference>>(client, answer, options, `GET ${url}`);
  page.value.forEach((item, i) => {
    if (typeof record(item)?.["@odata.id"] !== "string") throw unreadable(answer[0], `GET ${url}`, shown(item), `an entity reference (an object with "@odata.id") at /value/${i}`);
  });
  return page;
}

/**
 * GET `…/manager/$ref`: the reference of the entity a single-valued navigation property leads to;
 * `null` where the address may have nothing there (`nullable`: 204 No Content), as `read` has it.
 */
export const readRef: typeof readRefDirect = /* @__PURE__ */ held(readRefDirect);
async function readRefDirect<N extends null>(client: Client, target: EntityRef<unknown, N>, options?: RequestOptions): Promise<EntityReference | N> {
  const url = addressed(client, `${target.path}/$ref`);
  const answer = await execute(client, { method: "GET", url }, options, asText);
  const ref = receiveOne<EntityReference | N>(client, answer, undefined, `GET ${url}`, AN_OBJECT, target.nullable ? null : undefined);
  if (ref !== null && typeof record(ref)?.["@odata.id"] !== "string") throw unreadable(answer[0], `GET ${url}`, shown(ref), 'an entity reference (an object with "@odata.id")');
  return ref;
}

// ---------------------------------------------------------------------------------------------
// Batch: JSON (OData JSON Format 4.01 §19) or multipart (OData Protocol 4.0 §11.7)

/** A client whose calls wait for `send()`, which sends them in one request. */
export interface Batch extends Client {
  /** POSTs `$batch` (with `options`' headers and signal) and settles each call with its response; rejects, as every call does, if the batch fails. */
  send(options?: RequestOptions): Promise<void>;
  /** A client whose calls go in one change set (`atomicityGroup`): they succeed or fail together. Writes and actions only: a GET rejects. */
  atomic(): ChangeSet;
}

/** A batch's change set: a client whose calls succeed or fail together. */
export interface ChangeSet extends Client {
  /**
   * The entity that `call`, an earlier call on this change set, creates (or answers with), as an
   * address in `set` (its type, its bindings): `$<id>` (Protocol §11.7.3.1, its Content-ID; JSON
   * Format §19.2, its `id`, which the requests naming it depend on). Later calls of this change set
   * take it as a target (`$1`, `$1/members`), and `entityId` writes it as `$1` for `@odata.id` and
   * `@odata.bind`. A request naming it outside this change set rejects.
   */
  created<T>(call: Promise<unknown>, set: CollectionRef<T, unknown>): EntityRef<T>;
}

export interface BatchOptions {
  /** `"multipart"`: the `multipart/mixed` batch of OData 4.0 (SAP Gateway, SAP CAP); default `"json"`. */
  format?: "json" | "multipart" | undefined;
  /**
   * Each request runs after the one before, and only if it succeeded (JSON's `dependsOn`; else it is
   * answered 424). Multipart: the service runs a `$batch` in order anyway; not asked to go on after a
   * failure, it stops there, and the calls after it reject with 424; a split batch's later `$batch`
   * requests are not sent (424).
   */
  inOrder?: boolean | undefined;
  /**
   * At most this many requests in one `$batch` (Graph takes 20): more are sent in several `$batch`
   * requests, one after another, a change set never split. Default: all in one.
   */
  maxRequests?: number | undefined;
  /**
   * JSON: URLs as `/users`, Graph's documented form, rather than `users` (relative to the service
   * root). Multipart: request lines as absolute paths with the service's path (`/v1.0/users`) and a
   * `Host` header, rather than relative to the service root.
   */
  leadingSlash?: boolean | undefined;
}

/**
 * `relative` (to the service root) as a reference that stays a path: RFC 3986 §4.2 reads a first
 * segment with a colon as a scheme (`byPath(me(), "a.txt")` is `me:/a.txt:`, the scheme `me:`), and
 * `./` in front keeps it a path.
 */
function pathReference(relative: string): string {
  return /^[^/?#]*:/.test(relative) ? `./${relative}` : relative;
}

interface Member {
  id: string;
  /** The change set it is in. */
  group: string | undefined;
  method: string;
  /** Relative to the service root (or as `leadingSlash` has it). */
  url: string;
  /** Lower case. */
  headers: Record<string, string>;
  /** JSON, as serialized: a number keeps every digit. */
  body: string | undefined;
  request: string;
  /** Its call's attempt's signal (timeoutMs, the call's signal): a redirect it is answered with is followed under it. */
  signal: AbortSignal | undefined;
  /** The promise of the call that made it (`held`). */
  owner: Owner;
  /** The ids of the requests of its change set whose entities it names (`$1`). */
  names: string[];
  /** Answered with a 2xx (set when its `$batch` is answered), and its change set, if any, did not fail. */
  ok?: boolean;
  /** Answered with a 2xx in a change set that failed: the request of it that failed (see `post`). */
  undone?: Member;
  /** Its call's signal was aborted after send(): a split batch's later `$batch` leaves it out (outside a change set). */
  aborted?: boolean;
  /** Every `$<id>` its URL starts with or its body has as a string, a request of its change set or not. */
  mentions: string[];
  done: (response: Response) => void;
  fail: (error: unknown) => void;
}

/** A call of the generated functions on a batch: its promise, and the id of its request, numbered as the call starts. */
interface Owner {
  call?: Promise<unknown>;
  id?: string;
  /** Its signal was aborted: it rejects at once, with the reason; any other failure waits for send() to settle (see `hold` in `batch`). */
  aborted?: boolean;
}

/** On a batch's clients: runs a call (see `held`) with a client whose requests know the call's promise. */
const HOLD = Symbol("batch call");
interface Holder {
  [HOLD]?: <R>(client: Client, run: (client: Client) => Promise<R>) => Promise<R>;
}

/**
 * `call`, a request function whose first parameter is the client, as it is; on a batch's client it
 * runs through the batch, which so knows the promise each request belongs to and marks it handled
 * when the whole batch fails (`send()` rejects with that error) or it fails only as an earlier one
 * did (a 424 to a request whose dependency failed, a change set's one answer to its later calls, the
 * other calls of a change set one request of which failed, a call left unanswered by a multipart
 * service that stopped at a failure), which that one's call reports: a call whose caller never
 * awaits it is then no unhandled rejection. A caller who awaits it still gets the error. Each is
 * written `export const f: typeof fDirect = held(fDirect)`: typed so, a library built on this
 * module can emit declarations under `isolatedDeclarations`.
 */
function held<F extends (client: Client, ...rest: never[]) => Promise<unknown>>(call: F): F {
  const run = call as unknown as (...args: unknown[]) => Promise<unknown>;
  return ((client: Client, ...rest: unknown[]) => {
    const hold = (client as Holder)[HOLD];
    return hold ? hold(client, (inner) => run(inner, ...rest)) : run(client, ...rest);
  }) as unknown as F;
}

/**
 * A client on which the generated functions record their requests (JSON bodies only) rather than
 * send them. `send()` POSTs them as one `$batch`, URLs relative to the service root, with the
 * client's token, headers and retries; each call settles with its own response, as if sent alone,
 * a failure rejecting only it (not retried). A call's `signal` aborted before `send()` leaves it out.
 */
export function batch(client: Client, options: BatchOptions = {}): Batch {
  const max = options.maxRequests ?? Infinity;
  if (!(Number.isInteger(max) && max >= 1) && max !== Infinity) throw new TypeError(`batch: maxRequests must be a whole number of 1 or more, not ${String(options.maxRequests)}`);
  const members: Member[] = [];
  /** The requests that left the batch before send() (an aborted signal, a dangling `$1`), by id. */
  const left = new Map<string, Member>();
  /** The change set of each call made on the batch, by the id of its request. */
  const groupOf = new Map<string, string | undefined>();
  const multipart = options.format === "multipart";
  let sent = false;
  let count = 0;
  let groups = 0;
  const recorder = (group: string | undefined, owner?: Owner) => (url: unknown, init?: RequestInit) =>
    new Promise<Response>((done, fail) => {
      const { method = "GET", headers, body, signal } = init ?? {};
      const request = `${method} ${url}`;
      if (sent) throw new Error(`${request}: the batch was already sent`);
      if (body != null && typeof body !== "string") throw new Error(`${request}: a batch takes only JSON bodies`);
      const text = typeof body === "string" ? body : undefined;
      // Protocol §11.7.3: a change set holds data modification requests and action invocations.
      if (group && method === "GET") throw new Error(`${request}: a GET cannot go in a change set`);
      sendable(headers, request);
      // Aborted already: it rejects at once with the reason, as one aborted later does.
      if (signal?.aborted && owner) owner.aborted = true;
      signal?.throwIfAborted();
      const root = asSent(`${client.baseUrl}/`);
      const whole = asSent(String(url));
      const relative = whole.startsWith(root) ? whole.slice(root.length) : undefined;
      // A Content-ID reference (`$1/segments`) is written as it is, relative to the batch.
      const named = relative && /^\$(\d+)(?=[/?]|$)/.exec(relative)?.[1];
      const mentioned = Array.from(String(text ?? "").matchAll(/"\$(\d+)"/g), (n) => n[1]!);
      if (named && !nameable(named, group)) throw new Error(`${request}: $${named} names no request made before it in its change set`);
      const [at, host] = named ? [relative] : multipart && options.leadingSlash ? fromHost(whole) : [relative === undefined ? whole : options.leadingSlash ? `/${relative}` : pathReference(relative)];
      // Named in the body too (`"@odata.id": "$3"`): JSON's `dependsOn` keeps it after that one.
      const names = [...new Set([named, ...mentioned])].filter((n): n is string => !!n && nameable(n, group));
      const lower = Object.fromEntries([...(host ? [["host", host]] : []), ...Object.entries(headers as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v])]);
      // Before send() the call leaves the batch; after, it rejects, though the service may still run it:
      // at once where its signal aborted it, when send() settles where its own timeoutMs ran out.
      const abort = () => {
        m.owner.aborted = !TIMED_OUT.has(signal?.reason);
        if (!sent) {
          members.splice(members.indexOf(m), 1);
          left.set(m.id, m);
        } else m.aborted = true;
        m.fail(signal?.reason);
      };
      // Settled, the call lets go of its signal (one signal may serve a page's every call).
      const settle = <A>(to: (a: A) => void) => (a: A) => (signal?.removeEventListener("abort", abort), to(a));
      const own = owner ?? {};
      const m: Member = { id: (own.id ??= String(++count)), group, method, url: at, headers: lower, body: text, request, signal: signal ?? undefined, owner: own, names, mentions: named ? [named, ...mentioned] : mentioned, done: settle(done), fail: settle(fail) };
      members.push(m);
      signal?.addEventListener("abort", abort, { once: true });
    });
  /**
   * Settles as send() does: the calls that failed (see `hold`), before their requests went or by
   * their answers, reject then, but for those aborted by their signals, which rejected at once.
   */
  let settled = (): void => {};
  const sendSettled = new Promise<void>((resolve) => (settled = resolve));
  const send = async (sendOptions?: RequestOptions) => {
    // A call reaches `fetch` some microtasks after it starts: those started before send() get there.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (sent) throw new Error("the batch was already sent");
    sent = true;
    try {
      await sendAll(sendOptions);
    } finally {
      settled();
    }
  };
  const sendAll = async (sendOptions: RequestOptions | undefined) => {
    withoutDangling();
    if (!members.length) return;
    // A change set's requests go together, where its first one was.
    const units: Member[][] = [];
    for (const m of members) {
      const unit = m.group && units.find((u) => u[0]!.group === m.group);
      if (unit) unit.push(m);
      else units.push([m]);
    }
    const chunks = inChunks(units, max);
    // The requests left out so far (their calls aborted before their $batch went): not counted as the batch's.
    let out = 0;
    for (let i = 0; i < chunks.length; i++) {
      // A call aborted since send() is not sent, unless its change set is (it goes whole).
      const chunk = chunks[i]!.filter((u) => u[0]!.group || !u[0]!.aborted);
      out += chunks[i]!.flat().length - chunk.flat().length;
      if (!chunk.length) continue;
      try {
        await post(chunk, sendOptions, chunks.length > 1 ? members.length - out : 0);
      } catch (e) {
        // send() rejects with it: a call nothing awaits is no unhandled rejection too.
        const rest = chunks.slice(i + 1).flat(2);
        for (const m of [...chunk.flat(), ...rest]) handled(m);
        for (const m of chunk.flat()) m.fail(e);
        // send() aborted: they reject with the abort's reason, as a call aborted before send() does.
        const aborted = sendOptions?.signal?.aborted && e === sendOptions.signal.reason;
        for (const m of rest) m.fail(aborted ? e : Object.assign(new Error(`${m.request}: not sent, as an earlier $batch of this batch failed`), { cause: e }));
        throw e;
      }
      // In order, a failure answers every request after it 424, in the $batch requests after it too
      // (whether or not the service heeded `dependsOn`, or, multipart, went on after it); they name
      // the one that failed (the first, those after it in its $batch being answered by the service),
      // and are marked handled, as the service's 424s are (`post`).
      const failed = options.inOrder && i + 1 < chunks.length && chunk.flat().find((m) => !m.ok && !m.undone);
      if (failed) {
        for (const m of chunks.slice(i + 1).flat(2)) dependencyFailed(m, `not sent, as ${failed.request}, before it in order, failed`);
        return;
      }
    }
  };
  /** POSTs `units` as one `$batch` and settles their calls; `all`, where the batch is split, how many requests it holds in all (else 0). */
  const post = async (units: Member[][], sendOptions: RequestOptions | undefined, all: number) => {
    const url = addressed(client, "/$batch");
    const request = `POST ${url}`;
    const boundary = `batch_${Math.random().toString(36).slice(2)}`;
    const [type, text] = multipart ? [`multipart/mixed; boundary=${boundary}`, multipartBody(units, boundary)] : ["application/json", jsonBody(units, options.inOrder)];
    // Protocol §8.2.8.3: else the service stops at the first failure, and the calls after it have no
    // answer. A multipart batch in order asks no such thing: its service runs the requests in order,
    // and stopping is what inOrder asks (a JSON one's service answers 424 to those depending on it).
    // The client's own headers answering it win, as send()'s do (they come after these).
    const goOn = !(multipart && options.inOrder) && onErrorPreferences(client.options.headers).length === 0 && { Prefer: "odata.continue-on-error" };
    const headers = { "Content-Type": type, ...goOn, ...(multipart && { Accept: "multipart/mixed" }) };
    // As text: Node's fetch (undici) cannot send a typed array again on a 307 or 308 redirect (`Cannot
    // perform ArrayBuffer.prototype.slice on a detached ArrayBuffer`); the Content-Type above is kept.
    const count = units.reduce((n, u) => n + u.length, 0);
    // A $batch holding a write is sent once: its 429 or 503 may be the status of a request that failed
    // after writes before it ran (a service that stopped there and answered the whole $batch with it),
    // and sent again they would run again. One of reads only is retried as a GET is (a 504, no answer too).
    const writes = units.some((u) => u.some((m) => m.method !== "GET"));
    const sending: Exchange = { method: "POST", url, data: text, headers, reads: !writes };
    // The client's preferences that are each request's went into the requests; not onto the $batch
    // request too (see REQUEST_PREFERENCES). send()'s own headers are the $batch request's, as given.
    const via: Client = { ...client, options: { ...client.options, headers: withoutPreferences(client.options.headers, REQUEST_PREFERENCES) } };
    // The parts of a JSON answer after the first (`jsonParts`) are GETs, retried as any, the writes having run once.
    const once: Client = writes ? { ...via, options: { ...via.options, retry: { ...client.options.retry, maxRetries: 0 } } } : via;
    // Asked respond-async, only the $batch goes once: its status monitor's polls are GETs, which run
    // no write again, retried as any (a 503 there would fail calls whose writes the service runs).
    const later = writes ? sendOptions?.respondAsync : undefined;
    const [sender, sent] = later
      ? [via, { ...sendOptions, respondAsync: { follow: (_: Client, r: string, u: string, o: RequestOptions | undefined, send: Parameters<AsyncWait["follow"]>[4]) => later.follow(via, r, u, o, (c, h, reads) => send(c === via ? once : c, h, reads)) } }]
      : [once, sendOptions];
    // A multipart answer is read as bytes (see `multipartAnswers`), a JSON one as text.
    const [response, answers] = await (multipart
      ? execute(sender, sending, sent, (r) => r.arrayBuffer()).then(([r, bytes]) => [r, multipartAnswers(r, bytes, request, units)] as const)
      : execute(sender, sending, sent, asText).then(async (answer) => [answer[0], await jsonParts(via, answer, request, sendOptions)] as const)
    ).catch((e: unknown) => {
      if (writes && e instanceof ODataError && e.request === request && (e.status === 429 || e.status === 503) && client.options.retry?.maxRetries !== 0) {
        e.message += ": not retried, as the $batch held writes, which the service may have run before it answered so";
      }
      // Graph answers 400 to more than 20 requests.
      if (e instanceof ODataError && e.status === 400 && max === Infinity && count > 20) e.message += `: the $batch held ${count} requests; a service may take fewer in one (Graph: 20), and batch(client, { maxRequests: 20 }) sends them in several`;
      // Only a change set goes in a $batch of more (inChunks).
      else if (e instanceof ODataError && e.status === 400 && count > max) e.message += `: the $batch held a change set of ${count} requests, more than maxRequests (${max}); a change set is never split`;
      // Only to the runtime's own errors: an abort's reason or getToken's error is the caller's object
      // (and a DOMException's message cannot be set).
      else if ((e instanceof ODataError || e instanceof NoAnswer) && all) e.message += ` (a $batch of ${count} of the batch's ${all} requests)`;
      throw e;
    });
    const answerOf = (m: Member) => answers.get(m.id) ?? (answers.get(GROUPS) as Map<unknown, unknown> | undefined)?.get(m.group);
    for (const m of units.flat()) {
      const answer = answerOf(m);
      m.ok = answer instanceof Response && (answer.ok || redirected(m, answer));
    }
    // Protocol §11.7.3: a service "MUST successfully process and apply all the requests in the change
    // set or else apply none of them" (4.01 §11.7: an atomicity group's members "MUST either all
    // succeed, or all fail"). Where it answers each of a change set's requests rather than once (a
    // nested multipart's part each, a JSON response each) and one failed, it applied none: those
    // answered 2xx fail too, naming the one that failed (the first not answered 424, else the first).
    // The service's 424s to the others are that failure too (`handled` below).
    const failedWith = (m: Member) => (m.ok ? undefined : (answerOf(m) as Response | undefined)?.status);
    const alike = new Set<Member>();
    for (const unit of units) {
      const failures = unit[0]!.group ? unit.filter((m) => answerOf(m) instanceof Response && !m.ok) : [];
      const cause = failures.find((m) => failedWith(m) !== 424) ?? failures[0];
      if (!cause) continue;
      for (const m of failures) if (m !== cause && failedWith(m) === 424 && failedWith(cause) !== 424) alike.add(m);
      for (const m of unit) if (m.ok) (m.ok = false), (m.undone = cause);
    }
    // The requests (by id) and change sets (by name) of this $batch that failed.
    const failed = new Set(units.flat().flatMap((m) => (m.ok ? [] : [m.id, m.group])));
    const depending = multipart ? undefined : dependsOn(units, options.inOrder);
    // Protocol §11.7.4: a multipart batch's service not asked to go on (inOrder, or the client's or
    // `send()`'s Prefer) stops at a failure, whose error is its last part; the calls after it, left
    // without an answer, fail as it did: a 424 naming it, marked handled, as the service's 424s are.
    const last = units.map((u) => u.some((m) => answerOf(m) !== undefined)).lastIndexOf(true);
    // JSON Format §19: asked not to go on (`continue-on-error=false`, the caller's), a JSON batch's
    // service may leave out the responses of the requests it did not run once one failed, in any
    // order: their calls fail so too, naming the first that failed.
    const unanswered = multipart ? [] : units.flat().filter((m) => answerOf(m) === undefined);
    const toldToStop = unanswered.length > 0 && onErrorPreferences(mergeHeaders(client.options.headers, headers, sendOptions?.headers)).some((p) => /=\s*"?false"?\s*(;|$)/i.test(p));
    const stopped = multipart ? units[last]?.find((m) => !m.ok && !m.undone) : toldToStop ? units.flat().find((m) => !m.ok && !m.undone && answerOf(m) !== undefined) : undefined;
    const unrun = new Set(!stopped ? [] : multipart ? units.slice(last + 1).flat() : unanswered);
    const where = multipart ? ", before it in the $batch, failed and the service stopped there" : " failed and the service, asked not to go on (continue-on-error=false), stopped";
    // The failed answers given to a call so far.
    const given = new Set<unknown>();
    for (const m of units.flat()) {
      if (stopped && unrun.has(m)) {
        dependencyFailed(m, `not run, as ${stopped.request}${where}`, requestIdOf(response));
        continue;
      }
      const answer = answerOf(m);
      // Its change set failed at another request, whose call reports it: a 424 naming that one.
      if (m.undone) {
        dependencyFailed(m, `not done, as ${m.undone.request} in its change set failed (a change set is done whole or not at all; this request was answered ${(answer as Response).status})`, requestIdOf(response));
        continue;
      }
      // A 424 to a request whose dependency (JSON's dependsOn) failed is that failure, which that one's
      // call reports: no unhandled rejection of its own; so is one to a request of a change set whose
      // other request failed otherwise. Any other 424 (multipart has no dependsOn) is the request's own
      // failure, as alone. A change set's one answer for all is reported by its first call.
      if (alike.has(m) || (answer instanceof Response && answer.status === 424 && depending?.get(m)?.some((d) => failed.has(d)))) handled(m);
      else if (!m.ok && answer !== undefined && given.has(answer)) handled(m);
      if (!m.ok) given.add(answer);
      if (answer instanceof Response && redirected(m, answer)) followed(client, answer, m).then(m.done, m.fail);
      else if (answer instanceof Response && resendable(m, answer)) notResent(m, cloned(answer)).catch(m.fail);
      else if (answer instanceof Response && !options.inOrder && transient(client, m, answer)) readAgain(client, answer, m).then(m.done, m.fail);
      else if (answer instanceof Response) m.done(cloned(answer));
      else if (answer instanceof UnreadableAnswer) m.fail(unreadable(response, m.request, answer.text, "", `the $batch response cannot answer it: ${answer.why}`));
      else m.fail(answer ?? new ODataError(response.status, "UnreadableBody", `${m.request}: the $batch response has no response with id ${m.id}${unnamed(answers)}`, undefined, requestIdOf(response), undefined, m.request));
    }
  };
  /**
   * Marks a call's rejection handled (see `held`); not one aborted after send(), which rejected with
   * the abort's reason then, as alone: marked later, Node would warn that it was handled late.
   */
  const handled = (m: Member) => m.aborted || m.owner.call?.catch(() => {});
  /** `m` fails as another request did: a 424 saying `why`, marked handled, as that one's call reports the failure. */
  const dependencyFailed = (m: Member, why: string, requestId?: string) => {
    handled(m);
    m.fail(new ODataError(424, "FailedDependency", `${m.request}: 424 Failed Dependency: ${why}`, undefined, requestId, undefined, m.request));
  };
  /** Protocol §11.7.3.1: a request names an entity of an earlier request of its own change set. */
  const nameable = (id: string, group: string | undefined) => !!group && members.some((m) => m.id === id && m.group === group);
  /**
   * Before send(): a request that names the entity of a call of its change set (`$1`, in its URL or
   * body) that is not in the batch (its signal was aborted, or it made no request: a GET, a
   * TypeError) would name no request. It is left out and rejects with an Error that says so; so
   * are, in turn, those that name its entity.
   */
  const withoutDangling = (): void => {
    for (let again = true; again; ) {
      again = false;
      const ids = new Set(members.map((m) => m.id));
      for (const m of members.slice()) {
        const missing = m.mentions.find((n) => m.group !== undefined && groupOf.get(n) === m.group && !ids.has(n));
        if (missing === undefined) continue;
        const gone = left.get(missing);
        members.splice(members.indexOf(m), 1);
        left.set(m.id, m);
        ids.delete(m.id);
        m.fail(new Error(`${m.request}: $${missing} names the entity of ${gone ? `${gone.request}, which left the batch before send()` : `call ${missing} of its change set, which made no request`}; this call is left out too`));
        again = true;
      }
    }
  };
  // The client's preferences that are the $batch request's are not written into its requests (see BATCH_PREFERENCES).
  // The client's timeoutMs bounds each attempt of the $batch request (and of a redirect's download),
  // as alone: on the call, its clock would run from the call on, through send()'s wait and the retries.
  const recording = (c: Client, group: string | undefined, owner?: Owner): Client => ({
    ...c,
    options: { ...c.options, headers: withoutPreferences(c.options.headers, BATCH_PREFERENCES), fetch: recorder(group, owner), getToken: undefined, retry: { maxRetries: 0 }, timeoutMs: undefined },
  });
  const on = (group?: string, owners: Owner[] = []): Client & Holder => {
    // A call that fails rejects when send() settles: before its request goes (a TypeError before
    // anything is recorded, such as an ETag it needs or a GET in a change set; a `$1` naming a request
    // left out), or by its answer in a $batch while a later $batch of a split batch is still out.
    // Awaited after send(), as the calls are, it is then no unhandled rejection while a $batch is out.
    // One aborted by its signal rejects at once.
    const hold = <R>(c: Client, run: (client: Client) => Promise<R>) => {
      const owner: Owner = { id: String(++count) };
      owners.push(owner);
      groupOf.set(owner.id!, group);
      const call = run(recording(c, group, owner));
      return (owner.call = call.catch((e: unknown) => (owner.aborted ? Promise.reject(e) : sendSettled.then(() => Promise.reject(e)))));
    };
    return { ...recording(client, group), [HOLD]: hold };
  };
  const atomic = (): ChangeSet => {
    const owners: Owner[] = [];
    const created = <T>(call: Promise<unknown>, set: CollectionRef<T, unknown>) => {
      const owner = owners.find((o) => o.call === call);
      if (!owner) throw new TypeError("created: the call is not one made on this change set");
      return new EntityRef<T>(`/$${owner.id}`, set.origin);
    };
    return { ...on(`g${++groups}`, owners), created };
  };
  return { ...on(), send, atomic };
}

/**
 * `url` as `fetch` sends it: what a URL cannot hold as it is (a space, a control character, a
 * character past ASCII, as in a path given to `at`) percent-encoded as UTF-8, half of a surrogate
 * pair as U+FFFD, as the URL parser writes them. A space would otherwise end a multipart part's
 * request line early.
 */
function asSent(url: string): string {
  const whole = (run: string) => run.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (c) => (c.length > 1 ? c : "\uFFFD"));
  return url.replace(/[^\x21-\x7e]+/g, (run) => encodeURIComponent(whole(run)));
}

/**
 * Protocol §11.7.2: a multipart request line's absolute path goes from the host's root (the service's
 * own path, `/v1.0/users`), the host named by a `Host` header; a `baseUrl` on the page's origin
 * takes the page's host, and none where there is no page (Node).
 */
function fromHost(url: string): [string, string | undefined] {
  const origin = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i.exec(url)?.[0];
  const located = locate(url);
  const host = located.origin === NO_PAGE ? undefined : located.host;
  // As written where it can be (the URL parser would encode a query's `'`).
  const path = origin ? url.slice(origin.length) : url.startsWith("/") ? url : located.href.slice(located.origin.length);
  return [path || "/", host];
}

/**
 * Throws, as `fetch` would for the call alone, where `headers` holds what no request can send (a
 * value with a line break or a character past U+00FF): written into a multipart batch, a line
 * break would start another header or another request.
 */
function sendable(headers: unknown, request: string): void {
  try {
    new Headers(headers as Record<string, string>);
  } catch (e) {
    throw Object.assign(new TypeError(`${request}: ${(e as Error).message}`), { cause: e });
  }
}

/**
 * `units` (a request alone, or a change set's) in runs of at most `max` requests, in order; a change
 * set is never split: one of more than `max` requests goes alone.
 */
function inChunks(units: Member[][], max: number): Member[][][] {
  const chunks: Member[][][] = [];
  let size = 0;
  for (const unit of units) {
    if (!chunks.length || size + unit.length > max) chunks.push([]), (size = 0);
    chunks[chunks.length - 1]!.push(unit);
    size += unit.length;
  }
  return chunks;
}

/** §19.1: each request's `dependsOn` in a JSON `$batch` of `units` (see `jsonBody`): ids of requests, names of change sets. */
function dependsOn(units: Member[][], inOrder: boolean | undefined): Map<Member, string[]> {
  const depending = new Map<Member, string[]>();
  units.forEach((unit, i) => {
    const before = units[i - 1];
    const after = inOrder && before ? [before[0]!.group ?? before[0]!.id] : [];
    for (const m of unit) depending.set(m, [...after, ...m.names]);
  });
  return depending;
}

/**
 * §19.1: `requests`, a change set's adjacent, with `atomicityGroup`; `inOrder` has each depend on
 * the one (or group) before, and one that names another's entity (`$1`, §19.2) depends on it.
 */
function jsonBody(units: Member[][], inOrder: boolean | undefined): string {
  const depending = dependsOn(units, inOrder);
  const requests = units.flat().map((m) => {
    const { id, group, method, url, headers, body } = m;
    const dependsOn = depending.get(m)!;
    const json = JSON.stringify({ id, method, url, headers, ...(group && { atomicityGroup: group }), ...(dependsOn.length && { dependsOn }) });
    return `${json.slice(0, -1)}${body == null ? "" : `,"body":${body}`}}`;
  });
  return `{"requests":[${requests.join(",")}]}`;
}

/**
 * §19.5: each response object by its `id`, and a failed atomicity group's (which may be answered once)
 * by its name, in a map of their own under GROUPS; an answer that cannot be a Response is an UnreadableAnswer.
 */
function jsonAnswers(answer: Answer, request: string, byId = new Map<unknown, unknown>([[GROUPS, new Map()]])): Map<unknown, unknown> {
  const [response] = answer;
  const body = parseBody(answer, request, false, AN_OBJECT);
  const list = record(body)?.["responses"];
  if (!Array.isArray(list)) throw unreadable(response, request, answer[1], "a batch response (`responses`)");
  // A partial result's link to the rest (see `jsonParts`): a JSON batch is 4.01, with or without `odata.`.
  const next = record(body)?.["@odata.nextLink"] ?? record(body)?.["@nextLink"];
  if (next != null && typeof next !== "string") throw unreadable(response, request, answer[1], "", `its @odata.nextLink is ${excerpt(shown(next))}, not a URL (a string)`);
  byId.set(NEXT, next);
  const groups = byId.get(GROUPS) as Map<unknown, unknown>;
  for (const a of list.map(record)) {
    if (!a) continue;
    let answer: unknown;
    const what = `its response${a["id"] == null ? "" : ` with id ${excerpt(String(a["id"]))}`}`;
    try {
      const headers = new Headers(record(a["headers"]) as Record<string, string> | undefined);
      // §19.5: JSON for a JSON media type (or none), the text for a text/* one, base64url for any other.
      const type = headers.get("content-type") ?? "";
      const raw = typeof a["body"] === "string" ? a["body"] : undefined;
      const media = raw !== undefined && !!type && !/^(text\/|application\/([\w.-]+\+)?json\s*(;|$))/i.test(type);
      const text = raw !== undefined && /^text\//i.test(type);
      answer = answered(a["status"], headers, a["body"] == null ? "" : media ? base64urlBytes(raw, type, what) : text ? raw : written(a["body"], what), what);
    } catch (e) {
      answer = new UnreadableAnswer(e instanceof UnreadableAnswer ? e.why : `${what} has headers no response can have: ${excerpt(why(e))}`, shown(a));
    }
    const group = a["atomicityGroup"];
    if (a["id"] != null && !byId.has(a["id"])) byId.set(a["id"], answer);
    // A failed atomicity group may be answered once, for all its requests (§19.5: by its name, without
    // an id): the calls of the group without a response of their own take its failure. A 2xx answers
    // its own request only (with an id; without one, none).
    if (group != null && !(answer instanceof Response && answer.ok) && !groups.has(group)) groups.set(group, answer);
    // A service that does not take JSON batches may answer with one response and no id: kept for the message.
    if (a["id"] == null && a["atomicityGroup"] == null && !byId.has(UNNAMED)) byId.set(UNNAMED, `${String(a["status"])} ${excerpt(typeof a["body"] === "string" ? a["body"] : shown(a["body"] ?? ""))}`);
  }
  return byId;
}

/**
 * §19.5: a JSON batch response "MAY be a partial result containing the nextLink control information";
 * the rest of the responses are read from that link (GET, as a page's next link is: the token only to
 * the service's origin; without `Prefer: respond-async`, which send()'s `respondAsync` asks of the
 * `$batch` request only), and on from each part's link, resolved against the URL of the part it is in.
 * A link back to a part already read is a TypeError, not followed forever.
 */
async function jsonParts(client: Client, first: Answer, request: string, options: RequestOptions | undefined): Promise<Map<unknown, unknown>> {
  const answers = jsonAnswers(first, request);
  let at = first[0].url || request.slice(request.indexOf(" ") + 1);
  const read = new Set([locate(at).href]);
  for (let next = answers.get(NEXT); typeof next === "string"; next = answers.get(NEXT)) {
    const url = locate(next, at);
    url.hash = "";
    if (read.has(url.href)) throw new TypeError(`${request}: its nextLink ${unlocated(url.href)} leads back to a part of the $batch response already read: the service's paging loops`);
    read.add(url.href);
    const x: Exchange = { method: "GET", url: unlocated(url.href) };
    if (url.origin !== locate(client.baseUrl).origin) x.elsewhere = withoutCredentials;
    // Without respond-async, asked of the $batch only (sent, its service goes on with it: §19.5).
    const part = await exchange(client, x, options, asText);
    at = part[0].url || url.href;
    jsonAnswers(part, `GET ${x.url}`, answers);
  }
  return answers;
}

/** A JSON batch response's body of a media `type` that is neither JSON nor text: its bytes, from base64url (§19.5; base64's `+` and `/` are taken too); other text is an UnreadableAnswer. */
function base64urlBytes(body: string, type: string, what: string): ArrayBuffer {
  if (!/^[\w+/-]*={0,2}$/.test(body) || body.replace(/=+$/, "").length % 4 === 1) throw new UnreadableAnswer(`${what} has a body of ${excerpt(type)} that is not base64url: ${excerpt(body)}`);
  const bytes = atob(body.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, ""));
  return Uint8Array.from(bytes, (c) => c.charCodeAt(0)).buffer as ArrayBuffer;
}

/** A JSON batch response's `body` as JSON text again, as its call reads it; one nested too deep for `JSON.stringify` is an UnreadableAnswer. */
function written(body: unknown, what: string): string {
  try {
    return JSON.stringify(body);
  } catch (e) {
    throw new UnreadableAnswer(`${what} has a body nested too deep to read: ${excerpt(why(e))}`);
  }
}

/** `value` as JSON for a message, or a note where it is nested too deep for `JSON.stringify`. */
function shown(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return "(JSON nested too deep to show)";
  }
}

const UNNAMED = /* @__PURE__ */ Symbol("a response without an id");
/** Where `jsonAnswers` keeps a partial result's nextLink (§19.5). */
const NEXT = /* @__PURE__ */ Symbol("the next part of a JSON batch response");
/** Where `jsonAnswers` keeps the failed atomicity groups' answers, by name: apart from the ids, which a service may spell as a group's name. */
const GROUPS = /* @__PURE__ */ Symbol("atomicity groups");

/** What a batch answer holds without an id, for the message of a call it has no response for (JSON batches only). */
function unnamed(answers: Map<unknown, unknown>): string {
  const first = answers.get(UNNAMED);
  return first === undefined ? "" : `; it has one without an id, ${first} (a service that takes only multipart batches may answer so: try format: "multipart")`;
}

/**
 * Whether a batched request was answered with a redirect that `fetch` alone follows with a GET of its
 * `Location` (RFC 9110 §15.4; Fetch standard, HTTP-redirect fetch): a GET's any, a write's 303 See
 * Other (the write done, its outcome there), a POST's 301 or 302.
 */
function redirected(m: Member, answer: Response): boolean {
  return followedByGet(m.method, answer.status) && answer.headers.has("location");
}

/**
 * Whether `fetch` follows a request of `method` answered `status` with a GET of its `Location`
 * (RFC 9110 §15.4; Fetch standard, HTTP-redirect fetch): a GET's any redirect, a POST's 301, 302 or
 * 303, any other's 303 See Other.
 */
function followedByGet(method: string, status: number): boolean {
  const get = method === "GET" ? [301, 302, 303, 307, 308] : method === "POST" ? [301, 302, 303] : [303];
  return get.includes(status);
}

/**
 * Whether a batched write was answered with a redirect that `fetch` alone follows by sending it again,
 * its method and body, to its `Location` (a 307 or 308, a PUT's, PATCH's or DELETE's 301 or 302):
 * not done so outside the batch, where it would run after the batch's other requests, its change
 * set's too; its call rejects with the answer, saying so (`notResent`).
 */
function resendable(m: Member, answer: Response): boolean {
  return m.method !== "GET" && [301, 302, 307, 308].includes(answer.status) && !redirected(m, answer) && answer.headers.has("location");
}

/** The error of a write answered so (`resendable`): the answer's, with where it was sent and why the call did not follow. */
async function notResent(m: Member, answer: Response): Promise<never> {
  const error = toError(m.request, ...(await headOf(answer)));
  error.message += `: redirected to ${answer.headers.get("location")}, where a ${m.method} of a batch is not sent again alone (alone, fetch would send it there again, its body too): send it outside the batch to follow it`;
  throw error;
}

/**
 * Whether a batched GET outside a change set was answered as a GET alone is sent again after: 429 or
 * 503 (Graph throttles a request inside a batch so, with its own `Retry-After`), or 504, with
 * retries left (`readAgain`). Not in order, where the requests after it failed with it (424).
 */
function transient(client: Client, m: Member, answer: Response): boolean {
  return m.method === "GET" && !m.group && [429, 503, 504].includes(answer.status) && (client.options.retry?.maxRetries ?? 3) > 0;
}

/**
 * A transient answer to a GET (see `transient`), read again alone after its wait (its `Retry-After`,
 * else `delayMs`), the batch's attempt counted as its first; where the wait passes `maxDelayMs`, its
 * call rejects with the answer's error saying so, as alone.
 */
async function readAgain(client: Client, answer: Response, m: Member): Promise<Response> {
  const { retry } = client.options;
  const after = answer.headers.get("retry-after");
  const wait = retryDelay(after, 0, retry);
  if (wait === undefined) {
    const error = toError(m.request, ...(await headOf(cloned(answer))));
    error.message += notWaited(after, retry);
    throw error;
  }
  await sleep(wait, m.signal);
  return alone(client, m, locate(m.request.slice(m.method.length + 1)), 1);
}

/**
 * A GET answered inside a batch with a redirect, followed as `fetch` follows one alone: Graph answers
 * a drive item's `content` so, with a pre-authenticated download on another host in `Location`. It is
 * read with the client's `fetch` and the request's own headers (`Accept`, `Range`, `Prefer`), without
 * the client's, and without credentials but on the service's own origin (where `fetch` alone would
 * keep the request's `Authorization`: it drops it only on a redirect to another origin; the token
 * then), under the call's signal; retried as a GET alone is (its 429 or 503 waits its own
 * `Retry-After`), each attempt within the client's timeoutMs; its answer, or the error it ends with, is the call's.
 */
async function followed(client: Client, answer: Response, m: Member): Promise<Response> {
  // Async, so that a Location that is no URL, or a caller's fetch that throws, rejects this call only.
  const location = answer.headers.get("location")!;
  let url: URL;
  try {
    url = locate(location, m.request.slice(m.method.length + 1));
  } catch (e) {
    // A NoAnswer, as it names its request already (`unanswered` names any other TypeError's again).
    throw new NoAnswer(`${m.request}: answered ${answer.status} in the $batch, with a Location that is no URL: ${JSON.stringify(location)}`, e, m.request);
  }
  // Fetch standard: a redirect to a scheme other than http: or https: (data:, blob:) is a network error, not read.
  if (!/^https?:$/.test(url.protocol)) throw new NoAnswer(`${m.request}: answered ${answer.status} in the $batch, with a Location that is no http: or https: URL, which fetch does not follow: ${JSON.stringify(location)}`, undefined, m.request);
  return alone(client, m, url, 0);
}

/** `m`'s GET of `url` sent alone (a redirect's `Location`, or its own URL again), with the headers `followed` says; `tried`, the attempts made before. */
async function alone(client: Client, m: Member, url: URL, tried: number): Promise<Response> {
  // On the service's own origin, the request's headers as fetch keeps them on a redirect (the
  // client's and the call's, credentials too), and the token. On another, the call's own headers
  // (`Range`, `Prefer`) without credentials, and not the client's (a batched request has them too,
  // merged with the call's): a header the call gives over one of the client's goes, and of a
  // `Prefer` the call's preferences, not the client's. Never the batch's `host`.
  const own = url.origin === locate(client.baseUrl).origin;
  const clients = new Map(own ? [] : Object.entries(client.options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(own ? m.headers : withoutCredentials(m.headers))) {
    const common = clients.get(name);
    // A write's redirect is read with a GET without its body, so without the headers that describe
    // one, as fetch drops them (Fetch standard: its request-body-header names).
    if (name === "host" || value === common || (m.method !== "GET" && /^content-(type|encoding|language|location|length)$/.test(name))) continue;
    if (name === "prefer" && common !== undefined) {
      const theirs = new Set(preferenceItems(common).map((p) => p.trim()));
      const mine = preferenceItems(value).map((p) => p.trim()).filter((p) => p !== "" && !theirs.has(p));
      if (mine.length) headers[name] = mine.join(", ");
    } else headers[name] = value;
  }
  headers["accept"] ??= "*/*";
  // Sent as a GET alone is, retries too (a 429 or 503 with its Retry-After, a 504, no answer), each
  // attempt with a new token and within the client's timeoutMs, its body too (read here, whole).
  const { getToken } = client.options;
  const by: Client = { ...client, options: { ...client.options, headers: undefined, getToken: own && headers["authorization"] === undefined ? getToken : undefined } };
  const [response, bytes] = await execute(by, { method: "GET", url: unlocated(url.href), headers, named: m.request, tried }, { signal: m.signal }, asWhole);
  // No body for a 204 (which a Response with one cannot have), as none came.
  const empty = typeof bytes === "string" ? !bytes : !bytes.size;
  const { status, statusText } = response;
  return withReason(new Response(empty ? null : bytes, { status, statusText: latin1(statusText) ? statusText : "", headers: headersOf(response.headers) }), statusText);
}

/**
 * Reads a body whole with what the answer has: `blob()`, else `text()` (a caller's `fetch` may
 * answer with any object that has the call's own reader, `text()` for JSON; see `execute`).
 */
const asWhole = (response: Response): Promise<Blob | string> => (typeof response.blob === "function" ? response.blob() : response.text());

/** The headers the runtime reads of a 2xx answer, copied from one that has only `get` (a hand-made answer); all of a `Headers`. */
function headersOf(given: Headers): Headers {
  if (typeof given.forEach === "function") return new Headers(given);
  const copy = new Headers();
  for (const name of ["content-type", "content-length", "content-encoding", "etag", "odata-version", "request-id", "x-ms-request-id", "x-correlation-id"]) {
    const value = given.get(name);
    if (value != null) copy.set(name, value);
  }
  return copy;
}

/**
 * A batched request's response, as `fetch` would have given it: without a body for a 204, 205 or
 * 304, which has none (RFC 9110 §15.3.5, §15.3.6, §15.4.5; fetch's null body statuses, which a
 * `Response` with one cannot have), whatever the part holds after its head; `what` names
 * it in the batch's answer (`its response with id 1`). A status that is not a final HTTP status, a
 * whole number from 200 to 599 (`999`, `200.5`, `"200 OK"`, none; a multipart part's `100
 * Continue`), is an UnreadableAnswer, not `Response`'s RangeError.
 */
function answered(status: unknown, headers: Headers, body: string | ArrayBuffer, what: string, reason?: string): Response {
  // JSON Format §19.5's `status` is a number; three digits as a string are taken too.
  const code = typeof status === "string" && /^\d{3}$/.test(status) ? Number(status) : status;
  if (typeof code !== "number" || !Number.isInteger(code) || code < 200 || code > 599) {
    throw new UnreadableAnswer(`${what} has ${status === undefined ? "no status" : `the status ${excerpt(String(JSON.stringify(status)))}, not a final HTTP status (a whole number from 200 to 599)`}`);
  }
  const empty = typeof body === "string" ? !body : !body.byteLength;
  // The status's reason phrase, which an error without a body has for its message (`404 Not Found`),
  // as alone: a multipart part's own where it has one (no control character, no line or paragraph
  // separator, which would split a log's line, no bidirectional override), else the standard one.
  const statusText = reason && /^[\t\x20-\x7e\xa0-\u2027\u202f-\u2065\u206a-\uffff]+$/.test(reason) ? reason : REASONS[code] ?? "";
  return withReason(new Response(empty || code === 204 || code === 205 || code === 304 ? null : body, { status: code, statusText: latin1(statusText) ? statusText : "", headers }), statusText);
}

/** Whether `new Response` takes `text` as a `statusText` (a ByteString: U+0000 to U+00FF only). */
function latin1(text: string): boolean {
  return /^[\0-\xff]*$/.test(text);
}

/**
 * `response`, its `statusText` `reason`: a reason phrase `new Response` does not take (a character
 * past U+00FF, as fetch reads a UTF-8 status line: `Nicht gefunden \u2013 Eintrag`) is set on the
 * response itself, as fetch's own responses have it.
 */
function withReason(response: Response, reason: string): Response {
  return response.statusText === reason ? response : Object.defineProperty(response, "statusText", { value: reason });
}

/** A copy of a batched answer (one a change set's calls share), its reason phrase too (see `withReason`). */
function cloned(answer: Response): Response {
  return withReason(answer.clone(), answer.statusText);
}

/**
 * A status line's reason phrase, read as bytes (`byteString`), as UTF-8, as fetch reads one: a
 * byte that is no UTF-8 is U+FFFD (`Gel\xf6scht` in Latin-1 is `Gel\ufffdscht`), as fetch has it.
 */
function utf8(bytes: string): string {
  return new TextDecoder().decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)));
}

/**
 * The reason phrases of the statuses a call can reject with (3xx to 5xx) as Node's HTTP server writes
 * them, for a batched answer that has none (JSON Format §19.5 writes the status alone): its call's
 * message is then what `fetch` gives for the same answer alone (`418 I'm a Teapot`, `413 Payload Too
 * Large`). A status Node has no phrase for (`420`, which it writes as `unknown`) has none here.
 */
const REASONS: Record<number, string> = {
  300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified", 305: "Use Proxy", 307: "Temporary Redirect",
  308: "Permanent Redirect", 400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
  406: "Not Acceptable", 407: "Proxy Authentication Required", 408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required",
  412: "Precondition Failed", 413: "Payload Too Large", 414: "URI Too Long", 415: "Unsupported Media Type", 416: "Range Not Satisfiable",
  417: "Expectation Failed", 418: "I'm a Teapot", 421: "Misdirected Request", 422: "Unprocessable Entity", 423: "Locked", 424: "Failed Dependency",
  425: "Too Early", 426: "Upgrade Required", 428: "Precondition Required", 429: "Too Many Requests", 431: "Request Header Fields Too Large",
  451: "Unavailable For Legal Reasons", 500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
  504: "Gateway Timeout", 505: "HTTP Version Not Supported", 506: "Variant Also Negotiates", 507: "Insufficient Storage", 508: "Loop Detected",
  509: "Bandwidth Limit Exceeded", 510: "Not Extended", 511: "Network Authentication Required",
};

/**
 * The answer a batch's response gives a request that cannot be read as an HTTP response: `why` says
 * which it is and what is wrong with it (`its part 2 has the status 999, ...`), `text` is its text.
 * The request's call rejects with an ODataError, `UnreadableBody`, saying so (see `post`).
 */
class UnreadableAnswer {
  declare readonly why: string;
  declare readonly text: string;

  constructor(why: string, text = "") {
    Object.assign(this, { why, text });
  }
}

/** §11.7.2: one `application/http` part per request, a change set as a nested `multipart/mixed` whose parts have a `Content-ID`. */
function multipartBody(units: Member[][], boundary: string): string {
  const mixed = (b: string, parts: string[]) => `${parts.map((p) => `--${b}\r\n${p}\r\n`).join("")}--${b}--`;
  const part = ({ id, group, method, url, headers, body }: Member) =>
    `Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n${group ? `Content-ID: ${id}\r\n` : ""}\r\n` +
    `${method} ${url} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n${body ?? ""}`;
  const changeset = (unit: Member[]) => `changeset_${boundary.slice(6)}_${unit[0]!.group}`;
  return `${mixed(boundary, units.map((u) => (u[0]!.group ? `Content-Type: multipart/mixed; boundary=${changeset(u)}\r\n\r\n${mixed(changeset(u), u.map(part))}` : part(u[0]!))))}\r\n`;
}

/**
 * §11.7.4: the responses in the order of the requests; a change set's as a nested multipart, matched
 * to its own calls by `Content-ID` (else in order), or, where it failed, one response for all its requests. Read as
 * bytes, one character each (`byteString`), so that a body that is no UTF-8 text (a stream's media)
 * or has CRLF line ends is given to its call as sent.
 */
function multipartAnswers(response: Response, body: ArrayBuffer, request: string, units: Member[][]): Map<unknown, unknown> {
  const bytes = new Uint8Array(body);
  // Asked to (`respond-async`), the service goes on with the $batch by itself: as any call answered so.
  if (response.status === 202 && !bytes.byteLength) throw accepted(response, request);
  const byId = new Map<unknown, unknown>();
  try {
    const parts = multiparts(byteString(bytes), response.headers.get("content-type"));
    if (!parts) throw new TypeError();
    parts.forEach((part, i) => {
      const unit = units[i] ?? [];
      const [headers, content, bad] = entity(part);
      const inner = bad === undefined ? multiparts(content, headers.get("content-type")) : undefined;
      // One answer for a change set (its failure, §11.7.4): the same one for each of its calls. A
      // 2xx cannot be that: it answers a change set of one request only, not one of more.
      const one = inner ? undefined : partAnswer(part, `its part ${i + 1}`, false);
      if (!inner) {
        const none = unit.length > 1 && one instanceof Response && one.ok && new UnreadableAnswer(`its part ${i + 1} answers a change set of ${unit.length} requests with one ${one.status} response, which only a failed change set has (Protocol §11.7.4)`, content);
        for (const m of unit) byId.set(m.id, none || one);
      } else {
        // Only to calls of this change set: by Content-ID (RFC 2045's `<…>` taken off) where those
        // given each name a different one of them, the parts without one taking the others in order;
        // else in order (a service that numbers them itself must not answer another part's call).
        const answers = inner.map(entity);
        const named = answers.map(([h]) => h.get("content-id")?.replace(/^<(.*)>$/, "$1"));
        const given = named.filter((id) => id !== undefined);
        const byName = given.every((id, j) => unit.some((m) => m.id === id) && given.indexOf(id) === j);
        const rest = unit.filter((m) => !byName || !given.includes(m.id));
        const read = inner.map((p, j) => partAnswer(p, `part ${j + 1} of the change set in its part ${i + 1}`, true));
        read.forEach((answer, j) => {
          const id = byName && named[j] !== undefined ? named[j] : rest.shift()?.id;
          if (id !== undefined) byId.set(id, answer);
        });
        // A failed change set answered by its failed requests only (ASP.NET Core OData's form): each
        // of its calls left without an answer rejects with that failure, the same answer, as with one for all.
        const failed = answers.findIndex(([, c]) => Number(statusOf(c)?.[1]) >= 400);
        if (failed >= 0) for (const m of unit) if (!byId.has(m.id)) byId.set(m.id, read[failed]);
      }
    });
  } catch {
    throw unreadable(response, request, new TextDecoder().decode(bytes), "a multipart batch response");
  }
  return byId;
}

/**
 * The answer of a multipart batch response's part (`what` names it: `its part 2`; `nested`, in a
 * change set): its HTTP response, else an UnreadableAnswer saying why the part is none (a header
 * field no part can have, a blank line before the status line, none after the part's header fields,
 * a change set inside a change set), rather than leaving its call without an answer.
 */
function partAnswer(part: string, what: string, nested: boolean): unknown {
  const [headers, content, bad] = entity(part);
  const not = (why: string) => new UnreadableAnswer(`${what} is not an HTTP response: ${why}`, part);
  if (bad !== undefined) return new UnreadableAnswer(`${what} has a header field no part can have: ${excerpt(bad)}`, part);
  if (/^\s*multipart\//i.test(headers.get("content-type") ?? "")) {
    return not(nested ? "it is a multipart body inside a change set, which holds application/http parts only" : "its multipart body (a change set's) has no boundary, or no close delimiter");
  }
  const answer = httpAnswer(content, what);
  if (answer !== undefined) return answer;
  const head = part.slice(0, part.length - content.length);
  if (/^(\r?\n)+HTTP\//.test(content)) return not("a blank line comes before its status line");
  if (/(^|\n)HTTP\/[^\r\n]*\r?\n/.test(head)) return not("its status line is among its header fields (there is no blank line after them)");
  const first = excerpt(/^[^\r\n]*/.exec(content)![0]);
  return not(first ? `its first line is no status line (HTTP/1.1, a three-digit status, its reason): ${first}` : "nothing follows its header fields");
}

/** `bytes` as a string of one character (U+0000 to U+00FF) a byte, as HTTP's header values are read. */
function byteString(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...Array.from(bytes.subarray(i, i + 0x8000)));
  return text;
}

/**
 * The parts of a `multipart/mixed` body (RFC 2046 §5.1.1), each as it is between its delimiter line
 * and the line break before the next (which belongs to the delimiter), or undefined if it is not one
 * or has no close delimiter. A delimiter line may end in white space; line ends may be CRLF or LF.
 */
function multiparts(text: string, type: string | null): string[] | undefined {
  const boundary = /^\s*multipart\/mixed\s*(;|$)/i.test(type ?? "") ? parameters(type!).get("boundary") : undefined;
  if (!boundary) return undefined;
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let from: number | undefined;
  for (let at = 0; at < text.length; ) {
    const next = text.indexOf("\n", at);
    const end = next < 0 ? text.length : next + 1;
    const line = text.slice(at, end).trimEnd();
    if (line === delimiter || line === `${delimiter}--`) {
      if (from !== undefined) parts.push(text.slice(from, Math.max(from, at - (text.startsWith("\r\n", at - 2) ? 2 : 1))));
      if (line !== delimiter) return parts;
      from = end;
    }
    at = end;
  }
  return undefined;
}

/**
 * The parameters of a media type (`multipart/mixed; boundary="a b"`, RFC 9110 §5.6.6), by name in
 * lower case (the first of a name given twice): a value a token or a quoted string (its `\` escapes
 * taken off). Each is found after a `;`, so `xboundary=zz` is no `boundary`, nor is a `;` in a
 * quoted value the start of one.
 */
function parameters(type: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name, quoted, token] of type.matchAll(/;\s*([^\s;=]+)\s*(?:=\s*(?:"((?:[^"\\]|\\[\s\S])*)"|([^;]*)))?/g)) {
    const key = name!.toLowerCase();
    if (!found.has(key)) found.set(key, quoted === undefined ? (token ?? "").trim() : quoted.replace(/\\([\s\S])/g, "$1"));
  }
  return found;
}

/**
 * A part's (or message's) header fields and the body after the first empty line, as it is. A field
 * folded onto lines that start with white space (RFC 5322 §2.2.3; HTTP's obs-fold, RFC 9112 §5.2)
 * is one field. A line `Headers` refuses (a name that is no token) is left out, and the first such
 * is `bad`: a part's error, not the whole batch's.
 */
function entity(text: string): [headers: Headers, body: string, bad: string | undefined] {
  const blank = /^\r?\n|\r?\n\r?\n/.exec(text);
  const headers = new Headers();
  let bad: string | undefined;
  for (const line of text.slice(0, blank ? blank.index : text.length).split(/\r?\n(?![ \t])/)) {
    const colon = line.indexOf(":");
    try {
      if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).replace(/\r?\n[ \t]+/g, " ").trim());
    } catch {
      // A name that is no token, a value with NUL: the first such line, for its part's error alone.
      bad ??= line;
    }
  }
  return [headers, blank ? text.slice(blank.index + blank[0].length) : "", bad];
}

/** The status code of an HTTP response message's status line (RFC 9112 §4: three digits, then a space or the line's end), if it has one. */
const statusOf = (message: string) => /^HTTP\/\d(?:\.\d)? (\d{3})(?=[ \r\n]|$) ?([^\r\n]*)/.exec(message);

/**
 * An `application/http` part's response (`HTTP/1.1 200 OK`, headers, body; a byte string), else
 * undefined, or an UnreadableAnswer saying why it is none (`what` names the part).
 */
function httpAnswer(message: string, what: string): unknown {
  const [, status, reason] = statusOf(message) ?? [];
  try {
    if (!status) return undefined;
    const [headers, body, bad] = entity(message.slice(message.indexOf("\n") + 1));
    if (bad !== undefined) return new UnreadableAnswer(`${what} has a header field no response can have: ${excerpt(bad)}`, message);
    // A new buffer holding just these bytes (an ArrayBuffer is a body to every lib's typings).
    return answered(Number(status), headers, Uint8Array.from(body, (c) => c.charCodeAt(0)).buffer as ArrayBuffer, what, reason && utf8(reason));
  } catch (e) {
    return new UnreadableAnswer(e instanceof UnreadableAnswer ? e.why : `${what} has headers no response can have: ${excerpt(why(e))}`, message);
  }
}
