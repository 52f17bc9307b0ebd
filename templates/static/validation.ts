// Runtime for the generated validators: the context that collects errors, and checks for OData
// primitive values as the OData JSON Format 4.01 (§7.1) writes them.
//
// Speed by design: a check is a plain function `(value, ctx, key)`. The path of the value being
// checked is kept as a stack of keys in the context and turned into a JSON pointer only when an
// error is reported, so a valid payload is checked without allocating anything.

/** `read`: a value as the service returns it. `create`: a POST body. `update`: a PATCH body. `replace`: a PUT body. */
export type Mode = "read" | "create" | "update" | "replace";
/** The OData version of a service's payloads, as its metadata says: a 4.01 body may bind as `p@bind` (JSON Format 4.01 §4.5). */
export type Version = "4.0" | "4.01";

/**
 * What the generated checkers of one service share (`SERVICE`, in its checkers.ts): its schema
 * aliases, so `@odata.type` may name a type by alias, its OData version, and (where it has any) its
 * type definitions' underlying types, so `prop@odata.type` may name one on a property of that
 * underlying type. A checker hands it to
 * the context as it checks a value's type, so any entry point (`run`, `validateCollection`) checks a
 * body as the service's version allows.
 */
export interface Service {
  readonly aliases: Readonly<Record<string, string>>;
  readonly version: Version;
  /** Each type definition's underlying type, by qualified names (`{ "ns.Code": "Edm.String" }`); absent where the service has none. */
  readonly definitions?: Readonly<Record<string, string>> | undefined;
}

export interface ValidateOptions {
  /** Default `read`. */
  mode?: Mode | undefined;
  /** Unknown properties are errors when true (default), ignored when false. */
  strict?: boolean | undefined;
  /**
   * Whether a value must hold every property it may not leave out: in `read` mode every
   * non-nullable one, in `create` mode those the service cannot fill in, in `replace` mode every
   * non-nullable one a client may change (not a key, `Core.Computed` or `Core.Immutable`). Default
   * false: a service may answer with a default set of properties or with what `$select` asked for
   * (Protocol §11.2.5.1; Graph's `GET /me` does), and may generate keys and other values it has no
   * `Core.Computed` for; then the properties a value has are checked, and absent ones are not
   * errors. In `replace` mode the default is true: a PUT body is the whole entity.
   */
  complete?: boolean | undefined;
  /** Stop after this many errors (default 100). */
  maxErrors?: number | undefined;
  /**
   * How Edm.Int64 and Edm.Decimal are written: `true` as JSON strings (`IEEE754Compatible=true`),
   * `false` as JSON numbers; by default either is accepted.
   */
  ieee754Compatible?: boolean;
  /** How deep values may nest before the validator stops descending (default 512). */
  maxDepth?: number | undefined;
  /**
   * Finds the checker for a type named by `@odata.type` on a dynamic property of an open type: pass
   * `checkerFor` from any generated validators module to check dynamic properties of structured and
   * enum types too (primitive ones are always checked). Not built in, so that a bundle keeps only
   * the validators a program uses.
   */
  types?: Resolver | undefined;
}

/**
 * What a generated guard (`isX(value, options)`, `assertX`) narrows a value of type `T` to, by the
 * options it was given: `T` only when the check guarantees it, a read with `complete: true` (a
 * literal, or options typed `{ complete: true }`); otherwise `Sparse<T>`, since the check lets any
 * property be absent (or, in `create`, `update` and `replace`, leaves keys, computed and immutable
 * properties out). In `update` and `replace` a value of an abstract type may also leave out its
 * `@odata.type`, so it is optional there too.
 */
export type Checked<T, O> = O extends CompleteRead
  ? T
  : O extends ReadOrCreate ? Sparse<T> : Sparse<T, never>;

interface CompleteRead extends ValidateOptions {
  complete: true;
  mode?: "read" | undefined;
}

interface ReadOrCreate extends ValidateOptions {
  mode?: "read" | "create" | undefined;
}

/**
 * `T` with every property optional at every depth (in complex values, collections' items, expanded
 * entities, each member of a union), but those named `K` (`@odata.type` by default), which stay as
 * `T` has them: a union of subtypes still narrows by `@odata.type`.
 */
export type Sparse<T, K = "@odata.type"> = T extends readonly (infer I)[]
  ? Sparse<I, K>[]
  : T extends object
    ? { [P in keyof T as P extends K ? never : P]?: Sparse<T[P], K> } & Pick<T, Extract<keyof T, K>>
    : T;

export interface ValidationError {
  /** JSON pointer to the value (RFC 6901), "" for the root. */
  path: string;
  /** What the metadata expects there, e.g. `Edm.Int32` or `microsoft.graph.callRecords.modality`. */
  expected: string;
  /** What was found: a JSON kind (`string`, `number`, `null`, …) or the offending value. */
  actual: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: readonly ValidationError[];
}

export class ValidationFailedError extends Error {
  readonly errors: readonly ValidationError[];
  /** The request whose response was checked (`GET https://host/svc/People('x')`), as an ODataError names it; "" for a value checked by itself (`assertX`). */
  readonly request: string;
  // Plain fields, not parameter properties: the module stays erasable syntax (Node's type stripping).
  constructor(errors: readonly ValidationError[], request = "") {
    super(`${request ? `${request}: ` : ""}invalid value: ${errors.slice(0, 3).map((e) => `${e.path || "/"} ${e.message}`).join("; ")}${errors.length > 3 ? ` (+${errors.length - 3} more)` : ""}`);
    this.name = "ValidationFailedError";
    this.errors = errors;
    this.request = request;
    Object.defineProperty(this, VALIDATION_FAILED, { value: true });
  }

  /**
   * `instanceof ValidationFailedError` holds for one of any output's validation.ts (two services in
   * one app each have their own copy): it has the brand `Symbol.for("odatagen.ValidationFailedError")`,
   * as an ODataError has its own.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return this === ValidationFailedError ? (value as { [VALIDATION_FAILED]?: unknown } | null)?.[VALIDATION_FAILED] === true : Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/** The brand of a ValidationFailedError, the same in every output's validation.ts (`Symbol.for`). */
const VALIDATION_FAILED = /* @__PURE__ */ Symbol.for("odatagen.ValidationFailedError");

export type Json = Record<string, unknown>;
/** A property name or an array index: where a value sits in its parent. */
export type Key = string | number;
/** Checks `value`, found at `key` below the context's current path. */
export type Checker = (value: unknown, ctx: Context, key: Key) => void;

/** The key of the value a validation starts from (it has no segment in the path). */
export const ROOT = -1;

/** Modes as numbers (`Context.mode`). */
export const READ = 0;
export const CREATE = 1;
export const UPDATE = 2;
export const REPLACE = 3;

/** Property flags: Core.Computed, Core.Immutable, a DefaultValue, Nullable="false" (or key), Nullable; KEY below. */
export const COMPUTED = 1;
export const IMMUTABLE = 2;
export const HAS_DEFAULT = 4;
export const REQUIRED = 8;
export const NULLABLE = 16;
/** A collection whose items may be null. */
export const NULL_ITEMS = 32;
/** A key property: a PUT body may leave it out (the URL names the entity). */
export const KEY = 64;
/** With COMPUTED: a property Core.Permissions makes read-only, reported as that rather than as computed. */
export const READ_ONLY = 128;

/** Collects errors for one validation run; the path of the current value is a stack of keys. */
export class Context {
  mode: number = READ;
  strict = true;
  complete = false;
  /** 0: Int64/Decimal as numbers or strings; 1: strings only (IEEE754Compatible); 2: numbers only. */
  ieee = 0;
  /** Errors found so far (counted even when not recorded). */
  count = 0;
  /** Only count errors, without building them (type guards). */
  quiet = false;
  /**
   * A run of a type guard or an assert function (`isX`, `assertX`), which narrows the value to
   * its type: only the forms the type has pass, `@odata.type` as `#` and the namespace-qualified
   * name, an enum value as member names (see `typeOf`, `checkEnumValue`).
   */
  typed = false;
  errors: ValidationError[] = [];
  depth = 0;
  max = 100;
  maxDepth = 512;
  types: Resolver | undefined = undefined;
  /** In a deep insert: the properties the parent fills in (`tied`), of the object at depth `tiedDepth`. */
  tied: readonly string[] | undefined = undefined;
  tiedDepth = -1;
  /**
   * The service's OData version, as its checkers tell (`typeOf`, `exact`); undefined until one has.
   * A 4.01 body may bind without the `odata.` prefix (`p@bind`, JSON Format 4.01 §4.5); another may
   * not, and the write modes report it.
   */
  version: Version | undefined = undefined;
  /** While `declaredNames` probes a type: its navigation properties, each with what its binding may be. */
  navigation: Map<string, Cardinality> | undefined = undefined;
  /** While `declaredNames` probes a type: each property's checker, type name, flags and whether it is a collection. */
  probe: Map<string, Declared> | undefined = undefined;
  /** The schema aliases of the service being checked, as its checkers tell (`exact`), for a `prop@odata.type` naming a type by alias. */
  aliases: Readonly<Record<string, string>> = NO_ALIASES;
  /** The service's type definitions' underlying types (`Service.definitions`), for a `prop@odata.type` naming one. */
  definitions: Readonly<Record<string, string>> = NO_ALIASES;
  /**
   * The depth of the entity whose id (`@odata.id`, `@id`) a body may hold: the body's own (1), or
   * an entity reference's in a navigation property (`related`). An object at another depth with one
   * is a complex value, which has no entity id (`annotation`).
   */
  entityAt = 1;
  /** The depth at which the object being checked is a deleted entity (`@removed`) that must identify itself (`identified`); -1 for none. */
  removedAt = -1;
  private readonly keys: Key[] = [];

  reset(options: ValidateOptions | undefined, quiet: boolean, typed = false): void {
    this.version = undefined;
    const mode = options?.mode;
    this.mode = mode === undefined || mode === "read" ? READ : mode === "create" ? CREATE : mode === "replace" ? REPLACE : UPDATE;
    this.strict = options?.strict ?? true;
    this.complete = options?.complete ?? this.mode === REPLACE;
    const ieee = options?.ieee754Compatible;
    this.ieee = ieee === undefined ? 0 : ieee ? 1 : 2;
    this.quiet = quiet;
    this.typed = typed;
    this.max = quiet ? 1 : limit(options?.maxErrors, 100);
    this.maxDepth = limit(options?.maxDepth, 512);
    this.types = options?.types;
    this.count = 0;
    this.depth = 0;
    this.tied = undefined;
    this.aliases = NO_ALIASES;
    this.definitions = NO_ALIASES;
    this.entityAt = 1;
    this.removedAt = -1;
  }

  /** True when no more errors are wanted. */
  get full(): boolean {
    return this.count >= this.max;
  }

  /** Reports the value at `key` (below the current path). */
  fail(key: Key, expected: string, value: unknown, message?: string): void {
    if (this.count >= this.max) return;
    this.count++;
    if (this.quiet) return;
    const actual = kindOf(value);
    this.errors.push({ path: this.path(key), expected, actual, message: message ?? `expected ${expected}, got ${actual}` });
  }

  /** The JSON pointer of the value at `key` below the current path. */
  path(key: Key): string {
    let p = "";
    for (let i = 0; i < this.depth; i++) p = segment(p, this.keys[i] as Key);
    return segment(p, key);
  }

  /**
   * Descends into the object or array at `key`; false when values nest deeper than allowed (a
   * cyclic value ends here too) or when enough errors were found.
   */
  enter(key: Key): boolean {
    if (this.count >= this.max) return false;
    if (this.depth >= this.maxDepth) {
      this.fail(key, `a value nested at most ${this.maxDepth} levels deep`, undefined, `nested deeper than ${this.maxDepth} levels (or cyclic)`);
      return false;
    }
    this.keys[this.depth++] = key;
    return true;
  }

  leave(): void {
    this.depth--;
  }

  /**
   * A property that is absent (`undefined`) or null: reports it if its flags do not allow that here.
   * `expected` names its type, or is the checker of its value, whose type is named (`expectedOf`).
   */
  absent(v: unknown, key: string, expected: string | Checker, flags: number): void {
    if (v === undefined) {
      if ((flags & REQUIRED) !== 0 && this.complete && this.mustSend(key, flags)) this.fail(key, named(expected), v, `required property ${key} is missing`);
    } else if (!this.writable(v, key, flags)) {
      return;
    } else if ((flags & NULLABLE) === 0) {
      this.fail(key, named(expected), v, `${key} cannot be null`);
    }
  }

  /**
   * Whether a required property must be there in this mode: always in a read; in a create unless the
   * service fills it in (computed, a default, tied to a deep insert's parent); in a PUT unless a
   * client may not change it (a key, which the URL names, computed or immutable: Protocol §11.4.3),
   * a default or a collection included, since the service resets what a PUT leaves out. A PATCH
   * leaves out what it does not change.
   */
  private mustSend(key: string, flags: number): boolean {
    if (this.mode === READ) return true;
    if (this.mode === CREATE) return (flags & (COMPUTED | HAS_DEFAULT)) === 0 && !this.isTied(key);
    return this.mode === REPLACE && (flags & (COMPUTED | IMMUTABLE | KEY)) === 0;
  }

  /** Whether the property `key` of the object being checked is one a deep insert's parent fills in. */
  private isTied(key: string): boolean {
    return this.tied !== undefined && this.depth === this.tiedDepth && this.tied.includes(key);
  }

  /** Whether a property with these flags may be sent in this mode; reports it if not. */
  writable(v: unknown, key: string, flags: number): boolean {
    if (this.mode === READ) return true;
    if ((flags & COMPUTED) !== 0) {
      if ((flags & READ_ONLY) !== 0) this.fail(key, "no value (read-only)", v, `${key} is read-only (Core.Permissions) and cannot be sent`);
      else this.fail(key, "no value (computed by the service)", v, `${key} is computed by the service and cannot be sent`);
      return false;
    }
    if (this.mode >= UPDATE && (flags & IMMUTABLE) !== 0) {
      this.fail(key, "no value (immutable)", v, `${key} cannot be changed after creation`);
      return false;
    }
    return true;
  }
}

/** A positive limit from an option (Infinity allowed); the default when absent or not a number. */
function limit(value: number | undefined, otherwise: number): number {
  return typeof value === "number" && value === value ? Math.max(1, value) : otherwise;
}

function segment(path: string, key: Key): string {
  if (typeof key === "number") return key < 0 ? path : `${path}/${key}`;
  return `${path}/${pointer(key)}`;
}

/** The JSON kind of a value for messages; short values are quoted. */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "string":
      return value.length <= 40 ? JSON.stringify(value) : "string";
    case "number":
      return Number.isFinite(value) ? `number ${value}` : `number ${String(value)}`;
    case "object":
      return typeof (value as { toJSON?: unknown }).toJSON === "function" ? `${value instanceof Date ? "a Date" : "an object"} with toJSON(), which JSON.stringify sends instead` : "object";
    default:
      return typeof value;
  }
}

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON pointer segment (RFC 6901 §3): `~` → `~0`, `/` → `~1`. */
export function pointer(name: string): string {
  return name.indexOf("~") === -1 && name.indexOf("/") === -1 ? name : name.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** An own property's value: for names `Object.prototype` also has (`constructor`, `toString`, …). */
export function own(o: Json, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, name) ? o[name] : undefined;
}

// ---- running a check ----

/** The result of every valid run (frozen, shared: a valid run allocates nothing). */
const VALID: ValidationResult = /* @__PURE__ */ Object.freeze({ valid: true, errors: /* @__PURE__ */ Object.freeze([]) as readonly ValidationError[] });

/** One context is reused between runs; a nested run (re-entrancy) gets its own. */
let spare: Context | null = null;

function acquire(options: ValidateOptions | undefined, quiet: boolean, typed: boolean): Context {
  let ctx = spare;
  if (ctx === null) ctx = new Context();
  else spare = null;
  ctx.reset(options, quiet, typed);
  return ctx;
}

function release(ctx: Context): void {
  if (ctx.count !== 0) ctx.errors = [];
  spare = ctx;
}

/**
 * Runs a checker over a value and returns every error found (up to `maxErrors`). Never throws.
 * `typed`: as `assertX` checks, only the forms the value's type has (`Context.typed`). The
 * service's OData version comes with the value's type, from its checker (`Context.version`).
 */
export function run(check: Checker, value: unknown, options?: ValidateOptions, typed = false): ValidationResult {
  const ctx = acquire(options, false, typed);
  try {
    check(value, ctx, ROOT);
  } catch (e) {
    // Defensive: e.g. a stack overflow in a tiny stack, or a throwing getter on a non-JSON object.
    ctx.depth = 0;
    ctx.fail(ROOT, "a value the validator can traverse", value, `validation stopped: ${e instanceof Error ? e.message : String(e)}`);
  }
  const result = ctx.count === 0 ? VALID : { valid: false, errors: ctx.errors };
  release(ctx);
  return result;
}

/** Whether a value passes; stops at the first error and builds no error objects. `typed`: as `isX` checks (`Context.typed`). */
export function test(check: Checker, value: unknown, options?: ValidateOptions, typed = false): boolean {
  const ctx = acquire(options, true, typed);
  let ok: boolean;
  try {
    check(value, ctx, ROOT);
    ok = ctx.count === 0;
  } catch {
    ok = false;
  }
  release(ctx);
  return ok;
}

/** Throws a ValidationFailedError listing the errors unless the value passes. `typed`: as `assertX` checks (`Context.typed`). */
export function assert(check: Checker, value: unknown, options?: ValidateOptions, typed = false): void {
  const r = run(check, value, options, typed);
  if (!r.valid) throw new ValidationFailedError(r.errors);
}

/** A generated `validateX`: every problem of a value, each with its JSON-pointer path. */
export type Validate = (value: unknown, options?: ValidateOptions) => ValidationResult;

/** A generated `isX`: whether a value passes `validateX`; narrows it to `Checked<T, O>`. */
export interface Guard<T> {
  <O extends ValidateOptions = {}>(value: unknown, options?: O): value is Checked<T, O>;
}

/** A generated `assertX`: throws a `ValidationFailedError` unless a value passes `validateX`. */
export interface Assert<T> {
  <O extends ValidateOptions = {}>(value: unknown, options?: O): asserts value is Checked<T, O>;
}

/**
 * Make a module's `validateX`, `isX` and `assertX` from its `checkX`. They are constants of these
 * declared types rather than functions of their own: the type checker then reads one type per
 * entry point, instead of a signature, its parameters and a body to check (see
 * docs/performance-notes.md).
 */
export function validator(check: Checker): Validate {
  return (value, options) => run(check, value, options, false);
}

export function guard<T>(check: Checker): Guard<T> {
  return <O extends ValidateOptions = {}>(value: unknown, options?: O): value is Checked<T, O> => test(check, value, options, true);
}

export function asserter<T>(check: Checker): Assert<T> {
  return <O extends ValidateOptions = {}>(value: unknown, options?: O): asserts value is Checked<T, O> => assert(check, value, options, true);
}

/**
 * Validates a collection response body (OData JSON Format §12: `{ "@odata.context", "value": [...],
 * "@odata.nextLink", … }`), each item with `check` (e.g. a generated `checkSession`); paths are
 * `/value/3/…`.
 */
export function validateCollection(check: Checker, body: unknown, options?: ValidateOptions): ValidationResult {
  return run((v, ctx, key) => collectionBody(v, ctx, key, check), body, options);
}

function collectionBody(v: unknown, ctx: Context, key: Key, check: Checker): void {
  if (!isObject(v)) return ctx.fail(key, "a collection ({ value: [...] })", v);
  if (!ctx.enter(key)) return;
  const value = v["value"];
  if (value === undefined) ctx.fail("value", "an array of items", value, "required property value is missing");
  else items(value, ctx, "value", ctx.mode === READ && !ctx.typed ? orDeltaEntry(check) : check, "an item", false);
  for (const name in v) {
    const at = name.indexOf("@");
    if (at !== -1 && Object.prototype.hasOwnProperty.call(v, name)) annotation(v, ctx, name, at, undefined);
  }
  if (ctx.strict) unknownProperties(v, ctx, COLLECTION_NAMES, "a collection");
  ctx.leave();
}

const COLLECTION_NAMES: ReadonlySet<string> = /* @__PURE__ */ new Set(["value"]);

/** `check` for an item of a read's collection, which may be a delta entry (`deltaEntry`). */
function orDeltaEntry(check: Checker): Checker {
  return (v, ctx, key) => {
    if (!isObject(v) || !removedEntry(v, ctx, key)) {
      if (!isObject(v) || !deltaEntry(v, ctx, key)) check(v, ctx, key);
      return;
    }
    removedEntity(v, ctx, key, check);
  };
}

/**
 * A deleted entity (`removedEntry`) checked with `check`, which must then find its id or key
 * (`identified`); not asked to be whole, with `complete` or not. An entity, which may hold its id
 * (`@id`), also in a body's nested delta (`entityAt`).
 */
function removedEntity(v: Json, ctx: Context, key: Key, check: Checker): void {
  const [complete, entityAt] = [ctx.complete, ctx.entityAt];
  ctx.complete = false;
  // The object's own depth once its checker has entered it (`exact`, `exactOpen`).
  ctx.removedAt = ctx.entityAt = ctx.depth + 1;
  check(v, ctx, key);
  ctx.removedAt = -1;
  ctx.complete = complete;
  ctx.entityAt = entityAt;
}

// ---- structure ----

/**
 * A collection-valued property or value: a JSON array, each item checked; null items only if
 * `nullableItems`. `expected` names the items' type; undefined, the type `check` checks (`expectedOf`).
 */
export function items(v: unknown, ctx: Context, key: Key, check: Checker, expected: string | undefined, nullableItems: boolean): void {
  if (!Array.isArray(v)) return ctx.fail(key, `Collection(${expected ?? expectedOf(check)})`, v);
  if (!ctx.enter(key)) return;
  for (let i = 0; i < v.length; i++) {
    const item = v[i];
    if (item !== null) check(item, ctx, i);
    else if (!nullableItems) ctx.fail(i, expected ?? expectedOf(check), item, "collection items cannot be null");
    if (ctx.count >= ctx.max) break;
  }
  ctx.leave();
}

/**
 * An optional or required single-valued property of a structured type, its value `v` read by the
 * generated code (a plain property access per property, so each read stays monomorphic): checks it
 * with `check` and, by `flags`, that it may be absent, null or sent in this mode; 1 when the object
 * has the property, else 0. `expected` names the type in absence and null errors; the generated code
 * leaves it out where `check` is a structured type's or an enum's, which names it (`expectedOf`).
 */
export function p(v: unknown, ctx: Context, name: string, check: Checker, flags: number = NULLABLE, expected?: string): number {
  // The common case stays small, so the optimiser can inline it where it is called.
  if (v != null && (flags & (COMPUTED | IMMUTABLE)) === 0) {
    check(v, ctx, name);
    return 1;
  }
  return property(v, ctx, name, check, flags, expected);
}

/** `p` for a null or absent value, or a property the mode may forbid. */
function property(v: unknown, ctx: Context, name: string, check: Checker, flags: number, expected: string | undefined): number {
  if (ctx.probe !== undefined) ctx.probe.set(name, { check, expected, flags, many: false });
  if (v != null) {
    if (ctx.mode === READ || ctx.writable(v, name, flags)) check(v, ctx, name);
    return 1;
  }
  if ((flags & (REQUIRED | COMPUTED | IMMUTABLE)) !== 0 || (flags & NULLABLE) === 0) ctx.absent(v, name, expected ?? check, flags);
  return v === undefined ? 0 : 1;
}

/**
 * A stream property (JSON Format 4.01 §4.5.12): a read may hold its value inline, any JSON value; a
 * body may not, as its value is written to its own URL (Protocol §11.4.8.1); 1 when the object has it.
 */
export function stream(v: unknown, ctx: Context, name: string): number {
  return noBodyValue(v, ctx, name, "a stream property", "its value is written to its own URL, not in a body");
}

/**
 * A `Collection(Edm.Stream)` property, which CSDL 4.01 §3.3 does not allow, read as a stream
 * property: any value in a read, none in a body; unlike a stream it has no URL to write it to.
 */
export function streams(v: unknown, ctx: Context, name: string): number {
  return noBodyValue(v, ctx, name, "a collection of streams", "CSDL does not allow one (§3.3), so no body holds its value and it has no URL of its own to write it to");
}

function noBodyValue(v: unknown, ctx: Context, name: string, what: string, why: string): number {
  if (v === undefined) {
    if (ctx.probe !== undefined) ctx.probe.set(name, { check: checkAny, expected: "Edm.Stream", flags: 0, many: what !== "a stream property" });
    return 0;
  }
  if (ctx.mode !== READ) ctx.fail(name, `no value (${what})`, v, `${name} is ${what}: ${why}`);
  return 1;
}

/**
 * A collection-valued property: a JSON array of `expected` values, each checked with `check`; as
 * `p`, the generated code leaves `expected` out where `check` names the type (`expectedOf`).
 */
export function c(v: unknown, ctx: Context, name: string, check: Checker, flags = 0, expected?: string): number {
  if (v != null) {
    if ((flags & (COMPUTED | IMMUTABLE)) === 0 || ctx.mode === READ || ctx.writable(v, name, flags)) {
      items(v, ctx, name, check, expected, (flags & NULL_ITEMS) !== 0);
    }
    return 1;
  }
  if (ctx.probe !== undefined) ctx.probe.set(name, { check, expected, flags, many: true });
  if (v === undefined && (flags & REQUIRED) === 0) return 0;
  // A collection left out of a create is created empty (Protocol §11.4.2), as if it had a default.
  ctx.absent(v, name, `Collection(${expected ?? expectedOf(check)})`, flags | HAS_DEFAULT);
  return v === undefined ? 0 : 1;
}

/** A type's name for a message, given as `expected` or as the checker of its values (`expectedOf`). */
function named(expected: string | Checker): string {
  return typeof expected === "string" ? expected : expectedOf(expected);
}

const expectations = /* @__PURE__ */ new WeakMap<Checker, string>();

/**
 * The type `check` checks, as its messages name it: what it reports expecting of a value that is
 * none (`undefined`). A structured type's checker names its qualified name (`typeOf`), so does an
 * enum's (`checkEnumValue`): the generated `vr.p`, `vr.c`, `vr.nav` and `vr.navs` calls leave the
 * name out for those, and a message about an absent, null or non-array value asks for it here, once
 * per checker (kept in a `WeakMap`).
 */
export function expectedOf(check: Checker): string {
  let expected = expectations.get(check);
  if (expected === undefined) {
    const ctx = new Context();
    check(undefined, ctx, ROOT);
    expected = ctx.errors[0]?.expected ?? "";
    expectations.set(check, expected);
  }
  return expected;
}

/** A type's `propsX`: checks the properties it declares or inherits and counts those present. */
export type Props = (o: Json, ctx: Context) => number;

/** A type's `exactX`: checks an object known to be of exactly that type (`exact`, `exactOpen`). */
export type Exact = (o: Json, ctx: Context, key: Key) => void;

/**
 * An object known to be of one structured type: its properties (`props` counts those present); in
 * strict mode, names it does not declare are errors. `service` (`exactX` hands its own, as it may
 * run without `checkX`) tells the context the OData version; what is not one (a JavaScript caller's
 * string, a hint given where the service goes) leaves the context's version as it is.
 */
export const exact: (o: Json, ctx: Context, key: Key, props: Props, type: string, service?: Service) => void = closed;

/**
 * `exact`, and for `untyped` alone a `hint` ending the message of an unknown name: one function, so
 * that each level of a nested value takes one stack frame here, not two.
 */
function closed(o: Json, ctx: Context, key: Key, props: Props, type: string, service?: Service, hint = ""): void {
  if (service?.version) ctx.version = service.version;
  if (!ctx.enter(key)) return;
  const removed = ctx.removedAt === ctx.depth;
  const found = props(o, ctx);
  // Counting keys is cheap; names are looked at only when there are more keys than properties found
  // (control information and annotations, whose values are checked; in strict mode, unknown names;
  // in a body, `p@odata.bind`).
  if (keyCount(o) !== found + (o["@odata.type"] === undefined ? 0 : 1)) {
    const k = known(props);
    if (service?.aliases) ctx.aliases = service.aliases;
    if (service?.definitions) ctx.definitions = service.definitions;
    members(o, ctx, k, type, hint);
    if (ctx.mode !== READ) bindings(o, ctx, k.navigation);
  }
  ctx.leave();
  if (removed) identified(o, ctx, key, props);
}

/**
 * The members of an object of a closed type that are not the properties `props` found: control
 * information and annotations (`annotation`), and in strict mode names the type does not declare.
 */
function members(o: Json, ctx: Context, k: Known, type: string, hint: string): void {
  for (const name in o) {
    const at = name.indexOf("@");
    if (at === -1 ? !ctx.strict || k.names.has(name) : false) continue;
    if (!Object.prototype.hasOwnProperty.call(o, name)) continue;
    if (at !== -1) annotation(o, ctx, name, at, k);
    else unknownName(o, ctx, name, k.names, type, hint);
    if (ctx.count >= ctx.max) return;
  }
}

/** An object of an open type: its properties, then its dynamic properties (a separate function, so closed types bundle without the checks of dynamic values). */
export function exactOpen(o: Json, ctx: Context, key: Key, props: Props, service?: Service): void {
  if (service !== undefined) {
    ctx.version = service.version;
    ctx.aliases = service.aliases;
    if (service.definitions) ctx.definitions = service.definitions;
  }
  if (!ctx.enter(key)) return;
  const removed = ctx.removedAt === ctx.depth;
  props(o, ctx);
  const k = known(props);
  dynamic(o, ctx, k.names, k);
  if (ctx.mode !== READ) bindings(o, ctx, k.navigation);
  ctx.leave();
  if (removed) identified(o, ctx, key, props);
}

/**
 * The bindings in a body (JSON Format §8.5): `p@odata.bind` (for a 4.01 service also `p@bind`: only
 * a 4.01 payload may leave out the prefix, JSON Format 4.01 §4.5; a 4.0 service's body holding one
 * is reported, naming the prefixed form) names the entities to relate through the navigation property `p` by
 * their ids or URLs, a string for a single-valued one (null, to remove the relationship, for a
 * nullable one) and an array of strings for a collection-valued one. A name `p` that is not a
 * navigation property of the type is reported at that key, with the nearest navigation property.
 * An advertisement of a bound action or function (`#ns.F`), a response's, is reported too.
 */
function bindings(o: Json, ctx: Context, navigation: ReadonlyMap<string, Cardinality>): void {
  for (const name in o) {
    const at = name.indexOf("@");
    if (at === -1 && isAdvertisement(name) && Object.prototype.hasOwnProperty.call(o, name)) {
      ctx.fail(name, "no value (a response's advertisement of a bound action or function)", o[name], `${name} advertises a bound action or function: a response's control information, not a body's`);
      if (ctx.count >= ctx.max) return;
      continue;
    }
    if (at <= 0 || !Object.prototype.hasOwnProperty.call(o, name)) continue;
    const term = name.slice(at + 1);
    if (term !== "odata.bind" && term !== "bind") continue;
    const property = name.slice(0, at);
    const cardinality = navigation.get(property);
    const v = o[name];
    if (term === "bind" && ctx.version !== "4.01") {
      // The version is unknown where no generated checker told it (`vr.exact` of one's own without a service): the prefixed form is right for any.
      const known = ctx.version !== undefined;
      const bound = cardinality === undefined ? nearestName(property, navigation.keys()) : property;
      const fix = bound === undefined ? `, and ${shownName(property)} is not a navigation property` : known ? `: write ${bound}@odata.bind` : `: write ${bound}@odata.bind, which every version takes`;
      ctx.fail(name, bound === undefined ? "a navigation property's binding" : `${bound}@odata.bind`, v, `${name} leaves out the odata. prefix, which only an OData 4.01 payload may (JSON Format 4.01 §4.5)${known ? `; this service is OData ${ctx.version}` : ""}${fix}`);
    } else if (cardinality === undefined) {
      const near = nearestName(property, navigation.keys());
      ctx.fail(name, "a navigation property's binding", v, `${shownName(property)} is not a navigation property${near === undefined ? "" : ` (did you mean ${near}@${term}?)`}`);
    } else if (cardinality !== "many") {
      // JSON Format §8.5: null removes the relationship of a nullable single-valued one.
      if (typeof v !== "string" && !(v === null && cardinality === "nullable")) {
        const what = cardinality === "nullable" ? "an entity's id or URL (a string), or null" : "an entity's id or URL (a string)";
        ctx.fail(name, what, v, `${property} is single-valued: expected ${what}, got ${kindOf(v)}`);
      }
    } else if (!Array.isArray(v)) {
      ctx.fail(name, "an array of entity ids or URLs", v, `${property} is collection-valued: expected an array of entity ids or URLs, got ${kindOf(v)}`);
    } else if (ctx.enter(name)) {
      for (let i = 0; i < v.length && ctx.count < ctx.max; i++) if (typeof v[i] !== "string") ctx.fail(i, "an entity's id or URL (a string)", v[i]);
      ctx.leave();
    }
    if (ctx.count >= ctx.max) return;
  }
}

/** A binding's navigation property name as a message shows it: quoted where it holds characters a name does not. */
function shownName(property: string): string {
  return /^[\w.$-]+$/.test(property) ? property : JSON.stringify(property);
}

/** "Did you mean": the known name nearest to a misspelt one, when it is close: the same but for case, or one or two edits away. */
function nearestName(name: string, known: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = name.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of known) {
    if (candidate.toLowerCase() === lower) return candidate;
    const d = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Edits (insert, delete, replace, swap two neighbours) from a to b; any result ≥ `cap` means "too far". */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] as number) + 1);
      row.push(d);
      if (d < least) least = d;
    }
    // No later row can come back below this one's least (less one, for a swap): already too far.
    if (least > cap) return cap;
    prev2 = prev;
    prev = row;
  }
  return Math.min(prev[b.length] as number, cap);
}

/** What a navigation property's binding may be: one entity (`nullable`: or null), or many. */
export type Cardinality = "one" | "nullable" | "many";

/**
 * A single-valued navigation property: `p`, noted as one while `declaredNames` probes the type. In a
 * body, its value may be an entity reference (`related`); in a read by `validateX`, a 4.01 deleted
 * entity (JSON Format 4.01 §15.4.1: a related single entity that was deleted or removed), checked
 * as one in a collection is (`orDeltaEntry`). Only an expanded value is looked at for `@removed`.
 */
export function nav(v: unknown, ctx: Context, name: string, check: Checker, flags: number = NULLABLE, expected?: string): number {
  if (ctx.navigation !== undefined) ctx.navigation.set(name, (flags & NULLABLE) !== 0 ? "nullable" : "one");
  if (ctx.mode !== READ) return p(v, ctx, name, related(check), flags, expected);
  if (v != null && !ctx.typed && isObject(v) && removedEntry(v, ctx, name)) {
    removedEntity(v, ctx, name, check);
    return 1;
  }
  return p(v, ctx, name, check, flags, expected);
}

/** A collection-valued navigation property: `c`, noted as one while `declaredNames` probes the type. */
export function navs(v: unknown, ctx: Context, name: string, check: Checker, expected?: string): number {
  if (ctx.navigation !== undefined) ctx.navigation.set(name, "many");
  return c(v, ctx, name, ctx.mode === READ ? check : related(check), 0, expected);
}

/**
 * A navigation property a slice left out (its target is not kept): noted as one while
 * `declaredNames` probes the type, so that a body may bind it; an expanded value is counted, not checked.
 */
export function navLeftOut(v: unknown, ctx: Context, name: string, cardinality: Cardinality): number {
  if (ctx.navigation !== undefined) ctx.navigation.set(name, cardinality);
  return v === undefined ? 0 : 1;
}

/** Per checker, its `related` form. */
const referable = /* @__PURE__ */ new WeakMap<Checker, Checker>();

/**
 * `check` for an entity in a body's navigation property, which may be an entity reference (JSON
 * Format 4.01 §8.5: `{ "@id": "Products(42)" }`, 4.0 `@odata.id`) binding an existing entity: its
 * id a string, and any properties beside it checked as a PATCH changes that entity (`update` mode:
 * each optional, `@odata.type` optional, computed and immutable ones refused). In a create (and its
 * deep inserts) a reference holds no properties: a create "MUST NOT contain content for existing
 * related entities" (Protocol §11.4.2), only a PATCH's or a PUT's deep update changes one (§11.4.3.1).
 */
function related(check: Checker): Checker {
  let f = referable.get(check);
  if (f === undefined) {
    f = (v, ctx, key) => {
      const at = isObject(v) ? (v["@id"] !== undefined ? "@id" : v["@odata.id"] !== undefined ? "@odata.id" : undefined) : undefined;
      if (at === undefined) return check(v, ctx, key);
      const o = v as Json;
      if (typeof o[at] !== "string" && ctx.enter(key)) {
        ctx.fail(at, "an entity's id or URL (a string)", o[at]);
        ctx.leave();
      } else if (at === "@id" && ctx.version !== "4.01" && ctx.enter(key)) {
        prefixLessId(ctx, o[at]);
        ctx.leave();
      }
      // Its type, likewise only 4.01's as `@type`, is `typeOf`'s (`typeNamed`), as any body object's.
      if (ctx.mode === CREATE && changes(o, ctx, key, at)) return;
      const [mode, complete, entityAt] = [ctx.mode, ctx.complete, ctx.entityAt];
      ctx.mode = UPDATE;
      ctx.complete = false;
      ctx.entityAt = ctx.depth + 1;
      check(v, ctx, key);
      ctx.mode = mode;
      ctx.complete = complete;
      ctx.entityAt = entityAt;
    };
    referable.set(check, f);
  }
  return f;
}

/**
 * Whether the entity reference `o` of a create's body (its id at `at`) holds properties, bindings
 * (`p@odata.bind`, `p@bind`) or nested deltas (`p@delta`, `p@odata.delta`), each reported: a create
 * relates an existing entity but does not change it, its relationships neither (Protocol §11.4.2).
 */
function changes(o: Json, ctx: Context, key: Key, at: string): boolean {
  let found = false;
  for (const name in o) {
    const changed = changing(name);
    const control = !changed && controlBeside(name, at);
    if (!(control || changed) || !Object.prototype.hasOwnProperty.call(o, name)) continue;
    if (!found && !ctx.enter(key)) return true;
    found = true;
    if (control) {
      ctx.fail(name, "no control information beside " + at, o[name], `an entity reference holds its id, @odata.type and instance annotations alone (JSON Format 4.01 §14): leave ${name} out`);
    } else {
      ctx.fail(name, "no property beside " + at, o[name], `${name} changes the existing entity ${at} names, which a create may relate but not change (Protocol §11.4.2): change it by its own PATCH, or in a PATCH's deep update`);
    }
  }
  if (found) ctx.leave();
  return found;
}

/**
 * Whether `name`, beside a create's entity reference's id `at`, is the entity's control information
 * (`@odata.etag`, 4.01's `@etag`, a second id), which an entity reference does not hold: only its
 * id, its type (`@odata.type`) and instance annotations (`@ns.term`; JSON Format 4.01 §14).
 */
function controlBeside(name: string, at: string): boolean {
  if (name.charCodeAt(0) !== 64 || name === at) return false;
  const term = name.slice(name.startsWith("@odata.") ? 7 : 1);
  return term.indexOf(".") === -1 && term !== "type";
}

/** Whether `name`, beside an entity reference's id, changes that entity: a property, a binding or a nested delta. */
function changing(name: string): boolean {
  const at = name.indexOf("@");
  if (at === -1) return true;
  const term = name.slice(at + 1);
  return at > 0 && (term === "odata.bind" || term === "bind" || term === "odata.delta" || term === "delta");
}

/** What a type's `propsX` reads: the properties it declares or inherits, and which are navigation properties. */
interface Known {
  names: ReadonlySet<string>;
  /** Navigation property → what its binding may be. */
  navigation: ReadonlyMap<string, Cardinality>;
  /** Each property's checker and type (for `prop@odata.type` and `prop@delta`). */
  types: ReadonlyMap<string, Declared>;
  /** The key properties (`KEY`), which a deleted entity without `@id` holds. */
  keys: readonly string[];
}

/** What a type's `propsX` says of one property, noted while `known` probes it. */
interface Declared {
  /** Checks its value (an item's, for a collection). */
  check: Checker;
  /** Its type's name as the generated call gives it, else undefined (the checker names it: `expectedOf`). */
  expected: string | undefined;
  flags: number;
  /** Whether it is collection-valued. */
  many: boolean;
}

/** Per `propsX`, what it reads. */
const declared = /* @__PURE__ */ new WeakMap<Props, Known>();

/**
 * The property names a type declares or inherits, learnt once by running its `propsX` over an
 * object that records every name read from it (`o["name"]`, or `own(o, "name")` for names
 * `Object.prototype` has) and holds none. The generated code so spells each name once per type.
 */
export function declaredNames(props: Props): ReadonlySet<string> {
  return known(props).names;
}

/** `declaredNames` and the navigation properties among them, learnt by one probe. */
function known(props: Props): Known {
  let found = declared.get(props);
  if (found !== undefined) return found;
  const read = new Set<string>();
  const note = (name: string | symbol): undefined => {
    if (typeof name === "string") read.add(name);
    return undefined;
  };
  const probe = new Proxy({}, { get: (_target, name) => note(name), getOwnPropertyDescriptor: (_target, name) => note(name) });
  const ctx = new Context();
  ctx.reset(undefined, true);
  const navigation = (ctx.navigation = new Map());
  const types = (ctx.probe = new Map<string, Declared>());
  props(probe, ctx);
  const keys = [...types].filter(([, d]) => (d.flags & KEY) !== 0).map(([name]) => name);
  declared.set(props, (found = { names: read, navigation, types, keys }));
  return found;
}

/**
 * The type an object names in `@odata.type` (or `@type`), as a qualified name (its URL fragment, an alias
 * replaced by its namespace); undefined when it names none. A value that is not an object is
 * reported as not being a `declared` and gives null; a `@odata.type` that is not a string gives "".
 */
export function typeOf(v: unknown, ctx: Context, key: Key, declared: string, service: Service): unknown {
  ctx.version = service.version;
  if (!isObject(v) || sentOtherwise(v)) {
    ctx.fail(key, declared, v);
    return null;
  }
  // A delta entry is a response's value itself, or an item of its `value` (see `collectionBody`).
  if (ctx.depth === 0 && ctx.mode === READ && !ctx.typed && deltaEntry(v, ctx, key)) return null;
  // A 4.01 deleted entity holds what identifies it only: validateX does not ask for the rest, but
  // for its id or key (`identified`).
  if (ctx.depth === 0 && ctx.mode === READ && removedEntry(v, ctx, key)) {
    if (!ctx.typed) ctx.complete = false;
    ctx.removedAt = 1;
  }
  // `@type` only when `@odata.type` is absent: a null `@odata.type` names no type, and is reported.
  const prefixed = v["@odata.type"] !== undefined;
  const type = prefixed ? v["@odata.type"] : v["@type"];
  // A guard takes `@odata.type` alone, the member the types declare: 4.01's `@type` is another form,
  // reported, and the value still checked as validateX checks it (else isX would pass `"@type": {}`);
  // a body's where the types refuse it (`typeNamed`).
  if (v["@type"] !== undefined) typeNamed(v, ctx, key, prefixed);
  // Any other value names no type: "" matches none, and wrongType reports it.
  if (typeof type !== "string") return type === undefined ? undefined : "";
  const name = qualified(type, service.aliases);
  // A guard's other form is reported, and the value still checked as the type it names, so that
  // assertX lists what validateX would besides.
  if (ctx.typed && prefixed && !(type.charCodeAt(0) === 35 && type.length === name.length + 1 && type.endsWith(name))) typeForm(ctx, key, type, name);
  return name;
}

/**
 * An object naming its type in `@type`, 4.01's `@odata.type` without the prefix (JSON Format 4.01
 * §4.5). A body's is refused where the types refuse it: beside `@odata.type` (the type named twice,
 * as an entity reference's two ids are refused), in a payload that is not 4.01's (`prefixLess`, as
 * `@id`), and without `#` (§4.5.3: a structured type is named by a URL's fragment, `#ns.T`; only a
 * built-in primitive type's name may go without it); a read's is taken, as its `@id` is. A guard's
 * is refused too, as the types do not declare it (their `@odata.type` is what an `Any…` union
 * compares with), as `typeForm` reports a name's form. The value is still read as the type it
 * names, so the rest is checked as with `@odata.type`.
 */
function typeNamed(o: Json, ctx: Context, key: Key, prefixed: boolean): void {
  const v = o["@type"];
  const body = bodyRefuses(ctx, v, prefixed);
  if (!(body || (ctx.typed && !prefixed)) || !ctx.enter(key)) return;
  if (!body) ctx.fail("@type", "@odata.type", undefined, "@type leaves out the odata. prefix (JSON Format 4.01 §4.5): validateX takes it, but isX and assertX take only @odata.type, the member its type declares");
  else if (prefixed) ctx.fail("@type", "no @type", v, "@odata.type names the type already: leave @type out");
  else if (ctx.version !== "4.01") prefixLess(ctx, "@type", "@odata.type", v);
  else ctx.fail("@type", `"#${v}"`, v, `@type "${v}" ${NO_HASH}`);
  ctx.leave();
}

/**
 * Whether a body (a write mode) refuses an object's `@type` of value `v` (`prefixed`: beside
 * `@odata.type`), reported by `typeNamed`: beside `@odata.type`, in a payload that is not 4.01's
 * (whatever its value: `wrongType` then leaves one that is no string to this report), without `#`.
 */
function bodyRefuses(ctx: Context, v: unknown, prefixed: boolean): boolean {
  return ctx.mode !== READ && (prefixed || ctx.version !== "4.01" || (typeof v === "string" && v.indexOf("#") < 0));
}

/**
 * Whether `JSON.stringify` sends an object as something else: one with a `toJSON` method (a `Date`
 * is sent as a string), whose properties are not what a body holds. A parsed payload has none.
 */
function sentOtherwise(o: Json): boolean {
  return typeof o["toJSON"] === "function";
}

/**
 * An OData 4.0 delta response's entry that is not an entity (JSON Format 4.0 §14.4–14.6; 4.01 §15
 * keeps them for 4.0 payloads): its context (`@odata.context`, or 4.01's `@context`) ends in
 * `/$deletedEntity` (`id`, the entity's id, and `reason`, `changed` or `deleted`, if present; the
 * id may be given as control information instead, `@odata.id` or `@id`, which holds the same entity id,
 * JSON Format §4.5), `/$link` or `/$deletedLink` (`source`, `relationship`, `target`). Its control
 * information is checked as an entity's (`annotation`), and its `@odata.type` is a string. Checked
 * as that entry, not as the entity type, in a read by `validateX`; false for any other object.
 */
function deltaEntry(o: Json, ctx: Context, key: Key): boolean {
  const context = o["@odata.context"] ?? o["@context"];
  if (typeof context !== "string") return false;
  const kind = DELTA_ENTRY.exec(context)?.[1];
  // 4.01 writes its deleted entity (`@removed`) with this context too, for full metadata (§15.3).
  if (kind === undefined || (kind === "deletedEntity" && (o["@removed"] !== undefined || o["@odata.removed"] !== undefined))) return false;
  if (!ctx.enter(key)) return true;
  const names = kind === "deletedEntity" ? DELETED_ENTITY : LINK;
  for (const name of names) {
    const v = own(o, name);
    const expected = name === "reason" ? `"changed" or "deleted"` : name === "relationship" ? "a navigation property's name (a string)" : "an entity's id (a string)";
    if (v === undefined) {
      if (name !== "reason" && !(name === "id" && typeof (o["@odata.id"] ?? o["@id"]) === "string")) ctx.fail(name, expected, v, `required property ${name} is missing`);
    } else if (name === "reason" ? v !== "changed" && v !== "deleted" : typeof v !== "string") {
      ctx.fail(name, expected, v);
    }
  }
  for (const name in o) {
    const at = name.indexOf("@");
    if (at === -1 || !Object.prototype.hasOwnProperty.call(o, name)) continue;
    if (at === 0 && (name === "@odata.type" || name === "@type") && typeof o[name] !== "string") ctx.fail(name, "a type name (a string)", o[name]);
    else annotation(o, ctx, name, at, undefined);
  }
  if (ctx.strict) unknownProperties(o, ctx, names, `a /$${kind} entry`);
  ctx.leave();
  return true;
}

/**
 * An OData 4.01 delta response's deleted entity (JSON Format 4.01 §15.3; Graph's `delta()` sends it):
 * an entity of the type with `@removed` (or `@odata.removed`, the same with its prefix, §4.5), an
 * object whose `reason`, where present, is `changed` or `deleted`, as the types' `ControlInfo` has
 * it. It holds the entity's id or key and may leave out the rest, so a read with `complete` does
 * not ask for it. True when the entry has one, its value checked; false for any other object.
 */
function removedEntry(o: Json, ctx: Context, key: Key): boolean {
  const at = o["@removed"] !== undefined ? "@removed" : o["@odata.removed"] !== undefined ? "@odata.removed" : undefined;
  if (at === undefined) return false;
  const removed = o[at];
  const reason = isObject(removed) ? removed["reason"] : undefined;
  if (isObject(removed) && (reason === undefined || reason === "changed" || reason === "deleted")) return true;
  if (!ctx.enter(key)) return true;
  if (!isObject(removed)) ctx.fail(at, 'an object ({ "reason": "changed" or "deleted" }, or {})', removed);
  else if (ctx.enter(at)) {
    ctx.fail("reason", '"changed" or "deleted"', reason);
    ctx.leave();
  }
  ctx.leave();
  return true;
}

/**
 * A 4.01 deleted entity's identity (JSON Format 4.01 §15.3): control information `id` (`@id`,
 * `@odata.id`), or every key property. Reported at the object when it has neither; an `@id` that
 * is no string is reported by `annotation`.
 */
function identified(o: Json, ctx: Context, key: Key, props: Props): void {
  ctx.removedAt = -1;
  if (typeof (o["@id"] ?? o["@odata.id"]) === "string") return;
  const k = known(props).keys;
  const missing = k.filter((name) => own(o, name) == null);
  if (missing.length === 0) return;
  const keys = k.length === 1 ? `its key ${k[0]}` : `its key (${k.join(", ")})`;
  ctx.fail(key, `@id or ${keys}`, o, `a deleted entity (@removed) holds @id or ${keys} to say which entity it is (JSON Format 4.01 §15.3): ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing`);
}

/**
 * A member whose name has an `@` (JSON Format 4.01 §4.5, §20): control information, whose value is
 * checked, or an instance annotation (`@ns.term`, `prop@ns.term`), taken as it is. `@name` and
 * `prop@name` are 4.01's forms of `@odata.name` and `prop@odata.name`. A link (`nextLink`,
 * `navigationLink`, `mediaReadLink`, ...), an ETag or a context URL is a string; `id` and
 * `mediaContentType` are strings or null (a 4.0 transient entity's id; no stream); `count` a
 * non-negative Edm.Int64, as a number or its digits. `prop@odata.type` names the type `prop` is
 * declared with, or a subtype (`declaredType`), and `prop@delta` holds a nested delta (`deltaItems`).
 * The object's own `@odata.type`, `@removed` and a body's bindings are checked where they are read
 * (`typeOf`, `removedEntry`, `bindings`). `k`: what the object's type declares (none for a collection's body).
 */
function annotation(o: Json, ctx: Context, name: string, at: number, k: Known | undefined): void {
  const v = o[name];
  // An entity reference in a body's navigation property is `related`'s, checked in `update` mode: in a
  // create, the body's own entity holds no id (Protocol §11.4.2); a PATCH's or a PUT's may, which the
  // service ignores (§11.4.3). A complex value has none in any body (JSON Format §4.5.7: an entity's).
  if (at === 0 && ctx.mode !== READ && (name === "@odata.id" || name === "@id")) {
    // An entity's keys tell it from a complex value where the depth does not (a nested delta's members).
    if (ctx.depth !== ctx.entityAt && k !== undefined && k.keys.length === 0) {
      return ctx.fail(name, "no entity id", v, `${name} is an entity's id (JSON Format §4.5.7), and this is a complex value, which has none: leave it out`);
    }
    if (ctx.mode === CREATE) {
      return ctx.fail(name, "no entity id", v, `${name} names an existing entity; a create's body is a new one, whose id the service gives (Protocol §11.4.2): leave it out (to relate an existing entity, bind it in a navigation property)`);
    }
    // The body's own id (an entity reference's is `related`'s): `@id` only in a 4.01 payload.
    if (name === "@id" && ctx.depth === 1 && ctx.version !== "4.01") return prefixLessId(ctx, v);
    if (typeof v !== "string") return ctx.fail(name, "an entity id (a string)", v);
  }
  // A string is what most control information holds (links, ETags, the object's own type): only a
  // count, a property's type and a nested delta need a closer look then.
  if (typeof v === "string" && !name.endsWith("count") && (at === 0 || !(name.endsWith("type") || name.endsWith("delta")))) return;
  let term = name.slice(at + 1);
  const prefixed = term.startsWith("odata.");
  if (prefixed) term = term.slice(6);
  else if (term.indexOf(".") !== -1) return;
  if (at > 0 && k !== undefined && (term === "type" || term === "delta")) {
    const property = name.slice(0, at);
    // 4.01's `prop@type` in a body of a service that is not 4.01's, as the object's own `@type`
    // (`typeNamed`): the types refuse it, whatever its value, which is then not looked at.
    if (term === "type" && !prefixed && ctx.mode !== READ && ctx.version !== "4.01") return prefixLess(ctx, name, `${property}@odata.type`, v);
    const d = k.types.get(property);
    // A dynamic property's type is read by `dynamic`; an unknown one is reported as such. A nested
    // delta beside it, in a body, is not one of a declared navigation property (`undeclaredDelta`).
    if (d === undefined) return term === "delta" && ctx.mode !== READ ? undeclaredDelta(ctx, name, property, v) : undefined;
    if (term === "type") return declaredType(ctx, name, v, property, d);
    return deltaItems(v, ctx, name, property, d, k);
  }
  if (term === "count") {
    if (!(typeof v === "number" ? Number.isInteger(v) && v >= 0 : typeof v === "string" && /^[0-9]+$/.test(v) && int64Text(v))) {
      ctx.fail(name, "a count (a non-negative Edm.Int64: a number, or its digits in a string)", v);
    }
  } else if (term === "id" || term === "mediaContentType") {
    if (v !== null && typeof v !== "string") ctx.fail(name, term === "id" ? "an entity id (a string, or null)" : "a media type (a string, or null)", v);
  } else if (CONTROL_STRINGS.has(term) && typeof v !== "string") {
    ctx.fail(name, term.endsWith("tag") ? "an ETag (a string)" : "a URL (a string)", v);
  }
}

/**
 * An entity id written `@id` in a body of a service that is not OData 4.01 (as a binding's `p@bind`,
 * `bindings`): only a 4.01 payload may leave out the `odata.` prefix (JSON Format 4.01 §4.5).
 */
function prefixLessId(ctx: Context, v: unknown): void {
  prefixLess(ctx, "@id", "@odata.id", v);
}

/** Control information `name` written without the `odata.` prefix (`prefixed`) in a payload that is not OData 4.01's (JSON Format 4.01 §4.5). */
function prefixLess(ctx: Context, name: string, prefixed: string, v: unknown): void {
  const fix = ctx.version !== undefined ? `; this service is OData ${ctx.version}: write ${prefixed}` : `: write ${prefixed}, which every version takes`;
  ctx.fail(name, prefixed, v, `${name} leaves out the odata. prefix, which only an OData 4.01 payload may (JSON Format 4.01 §4.5)${fix}`);
}

/** Control information whose value is a string: the URLs and ETags. */
const CONTROL_STRINGS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  "context", "nextLink", "deltaLink", "editLink", "readLink", "navigationLink", "associationLink",
  "mediaReadLink", "mediaEditLink", "etag", "mediaEtag", "metadataEtag",
]);

/**
 * `prop@odata.type` on a declared property (JSON Format 4.01 §4.5.3: it may appear where it does not
 * contradict the type declared in $metadata): a string naming the declared type, as `#Int32`,
 * `Int32` or `#Edm.Int32` for a primitive type, by namespace or alias (`#ns.T`, `#alias.T`, a
 * metadata URL's fragment) for another, `Collection(...)` for a collection; a type definition's
 * property may name the definition or its underlying type, and a property of a primitive type a
 * type definition of it (which specialises it, CSDL §11: its values are values of that type),
 * which `SERVICE.definitions` lists. A structured or enum property may name a
 * type its checker takes (a subtype of the declared one), a `Geography` or `Geometry` property one
 * of its kinds (`GeographyPoint`), a `PrimitiveType` property any primitive type, an `Untyped` one anything.
 */
function declaredType(ctx: Context, name: string, v: unknown, property: string, d: Declared): void {
  if (typeof v !== "string") return ctx.fail(name, "a type name (a string)", v);
  const base = firstName(expectedOf(d.check));
  const own = d.expected === undefined ? base : firstName(d.expected);
  const shown = d.many ? `Collection(${own})` : own;
  const bare = fragment(v);
  const collection = /^Collection\((.*)\)$/.exec(bare);
  if (collection !== null === d.many) {
    const element = collection === null ? bare : (collection[1] as string);
    const named = element.indexOf(".") === -1 ? `Edm.${element}` : qualified(element, ctx.aliases);
    // A type definition named on a property of a primitive type (not itself one) is read as its underlying type.
    const type = own === base && Object.prototype.hasOwnProperty.call(ctx.definitions, named) ? (ctx.definitions[named] as string) : named;
    // An Untyped property's checker takes anything, and names no type.
    if (type === own || type === base || own === "" || own === "Edm.Untyped") return;
    if (base === "Edm.PrimitiveType" ? type.startsWith("Edm.") && type !== "Edm.Untyped" && type !== "Edm.Stream" : base === "Edm.Geography" || base === "Edm.Geometry" ? type.startsWith(base) : !base.startsWith("Edm.") && base !== "" && !type.startsWith("Edm.") && takes(d.check, type, ctx)) return;
  }
  ctx.fail(name, `${shown}${base.startsWith("Edm.") ? "" : " or a subtype"}`, v, `${name} names ${JSON.stringify(v)}, but ${property} is declared as ${shown}`);
}

/** The type name a message's `expected` begins with (`Edm.Date` of `Edm.Date (YYYY-MM-DD)`). */
function firstName(expected: string): string {
  const space = expected.indexOf(" ");
  return space === -1 ? expected : expected.slice(0, space);
}

/** Whether a structured type's (or an enum's) checker takes a value naming `type` in `@odata.type`: the declared type or a concrete subtype of it. */
function takes(check: Checker, type: string, ctx: Context): boolean {
  const probe = new Context();
  probe.reset(undefined, true);
  probe.types = ctx.types;
  check({ "@odata.type": `#${type}` }, probe, ROOT);
  return probe.count === 0;
}

/**
 * A nested delta in a body beside a name that is no declared property (a dynamic property of an
 * open type, or a misspelt navigation property): only a collection-valued navigation property holds
 * one (JSON Format 4.01 §15.4.1), and a 4.0 service's body none at all (Protocol 4.01 §11.4.3.1).
 */
function undeclaredDelta(ctx: Context, name: string, property: string, v: unknown): void {
  if (ctx.version === "4.0") {
    return ctx.fail(name, "no value (a nested delta is OData 4.01)", v, `${name}: a body's nested delta is OData 4.01 (Protocol §11.4.3.1); this service is OData 4.0 (and ${property} is no collection-valued navigation property)`);
  }
  ctx.fail(name, "no value (a nested delta is only on a collection-valued navigation property)", v, `${name}: ${property} is no collection-valued navigation property, which alone may hold a nested delta (JSON Format 4.01 §15.4.1)`);
}

/**
 * A nested delta (JSON Format 4.01 §15.4.1, `prop@delta`, 4.0 spelling `prop@odata.delta`) on a
 * collection-valued navigation property: an array of added or changed entities (which hold what
 * changed: not asked to be complete), entity references (`{ "@id": ... }`) and deleted entities
 * (`@removed`, identified by `@id` or their key); no links, and no null. In a read; and in the body
 * of an update, PATCH or PUT, of a 4.01 service (Protocol 4.01 §11.4.3.1: the related entities
 * added, changed or removed), each entity there as a PATCH writes it (`related`, `UPDATE`). A
 * create's body inserts its related entities whole (§11.4.2.2), and holds none.
 */
function deltaItems(v: unknown, ctx: Context, name: string, property: string, d: Declared, k: Known): void {
  if (k.navigation.get(property) !== "many") {
    return ctx.fail(name, "no value (a nested delta is only on a collection-valued navigation property)", v, `${name}: ${property} is no collection-valued navigation property, which alone may hold a nested delta (JSON Format 4.01 §15.4.1)`);
  }
  const mode = ctx.mode;
  if (mode === CREATE) {
    return ctx.fail(name, `${property} (the related entities, whole)`, v, `${name}: a create's body holds no nested delta: it inserts the related entities whole, as ${property} (Protocol §11.4.2.2); a nested delta changes them in an update (OData 4.01 Protocol §11.4.3.1)`);
  }
  if (mode !== READ && ctx.version === "4.0") {
    return ctx.fail(name, `${property} or ${property}@odata.bind`, v, `${name}: a body's nested delta is OData 4.01 (Protocol §11.4.3.1); this service is OData 4.0: write ${property} or ${property}@odata.bind`);
  }
  const type = expectedOf(d.check);
  if (!Array.isArray(v)) return ctx.fail(name, `an array of ${type} changes (a nested delta)`, v);
  if (!ctx.enter(name)) return;
  const complete = ctx.complete;
  const check = mode === READ ? d.check : related(d.check);
  ctx.complete = false;
  if (mode !== READ) ctx.mode = UPDATE;
  for (let i = 0; i < v.length && ctx.count < ctx.max; i++) {
    const item: unknown = v[i];
    const context = isObject(item) ? (item["@odata.context"] ?? item["@context"]) : undefined;
    const link = typeof context === "string" ? /\/\$(link|deletedLink)$/.exec(context) : null;
    if (link !== null) ctx.fail(i, `an added, changed or deleted ${type}`, item, `a nested delta holds no /$${link[1]} entries (JSON Format 4.01 §15.4.1): the entities themselves say what changed`);
    else if (isObject(item) && removedEntry(item, ctx, i)) removedEntity(item, ctx, i, d.check);
    else if (item === null) ctx.fail(i, `an added, changed or deleted ${type}`, item, "a nested delta holds no null");
    else check(item, ctx, i);
  }
  ctx.mode = mode;
  ctx.complete = complete;
  ctx.leave();
}

const NO_ALIASES: Readonly<Record<string, string>> = /* @__PURE__ */ Object.freeze({});

const DELTA_ENTRY = /\/\$(deletedEntity|link|deletedLink)$/;
const DELETED_ENTITY: ReadonlySet<string> = /* @__PURE__ */ new Set(["id", "reason"]);
const LINK: ReadonlySet<string> = /* @__PURE__ */ new Set(["source", "relationship", "target"]);

/**
 * A guard's value whose `@odata.type` names its type in another form than the `#ns.T` literal its
 * type has: reported, saying which form it is, as the type's literal would not hold it. JSON Format
 * 4.01 §4.5.3 writes a type as a URL fragment, `#ns.T` (`#alias.T`, or after a metadata URL); a
 * service sends `#ns.T`. A name without `#` is no form it defines for a structured type, but
 * OData's .NET reader takes it, and Graph's documentation writes it (validateX takes it too).
 */
function typeForm(ctx: Context, key: Key, type: string, name: string): void {
  if (!ctx.enter(key)) return;
  const hash = type.indexOf("#");
  const form = hash < 0 ? NO_HASH : hash > 0 ? `names ${name} by a URL` : `names ${name} by its schema's alias`;
  const taken = hash < 0 ? "the name without it" : hash > 0 ? "a URL" : "an alias";
  ctx.fail("@odata.type", JSON.stringify(`#${name}`), type, `@odata.type ${JSON.stringify(type)} ${form}: validateX takes ${taken}, but isX and assertX take only "#${name}", the form its type declares`);
  ctx.leave();
}

/** A type name without `#`, which is no form JSON Format 4.01 §4.5.3 gives a structured type: a URL whose fragment names it. */
const NO_HASH = 'has no "#" (JSON Format §4.5.3 writes a type as a URL fragment)';

/**
 * Whether `v` is an object of the type `declared`, which has no subtypes: `@odata.type` absent or
 * naming it. Anything else is reported.
 */
export function isType(v: unknown, ctx: Context, key: Key, declared: string, service: Service, abstract: boolean): v is Json {
  const type = typeOf(v, ctx, key, declared, service);
  if (type === null) return false;
  if ((type === undefined || type === declared) && !abstract) return true;
  // An abstract type's instance in a PATCH body, or a PUT's entity, need not name its type (see `untyped`).
  if (type === undefined && knownType(ctx)) return true;
  wrongType(ctx, key, v as Json, declared, type === declared);
  return false;
}

/**
 * `#ns.Name`, `alias.Name` or `https://host/svc/$metadata#ns.Name` → `ns.Name`. Payloads repeat a few type names many times, so results are
 * kept per alias table (the generated modules share one, in checkers.ts), a few hundred at most: a
 * payload naming ever new types only refills the table.
 */
function qualified(type: string, aliases: Readonly<Record<string, string>>): string {
  let names = qualifiedNames.get(aliases);
  if (names === undefined) qualifiedNames.set(aliases, (names = new Map()));
  let known = names.get(type);
  if (known !== undefined) return known;
  const name = fragment(type);
  const dot = name.lastIndexOf(".");
  known = name;
  if (dot > 0) {
    const ns = name.slice(0, dot);
    if (Object.prototype.hasOwnProperty.call(aliases, ns)) known = `${aliases[ns]}${name.slice(dot)}`;
  }
  if (names.size >= 512) names.clear();
  names.set(type, known);
  return known;
}

const qualifiedNames = /* @__PURE__ */ new WeakMap<Readonly<Record<string, string>>, Map<string, string>>();

/**
 * The type name in an `@odata.type` value, a URI whose fragment names the type (JSON Format §4.5.3):
 * `#ns.T`, or absolute or relative to the context URL, `https://host/svc/$metadata#ns.T`; a value
 * without `#` is read as the name itself (`ns.T`, a built-in primitive's `Int32`).
 */
function fragment(type: string): string {
  const hash = type.indexOf("#");
  return hash === -1 ? type : type.slice(hash + 1);
}

/** Whether a name is control information or an annotation (`@odata.*`, `@ns.term`, `prop@ns.term`). */
function isAnnotation(name: string): boolean {
  return name.indexOf("@") !== -1;
}

/**
 * Whether a member name advertises a bound action or function (JSON Format §16, §17): `#ns.F`,
 * `#ns.F(a,b)` for an overload, a metadata URL ending in `#ns.F`, in 4.01 `Orders#ns.F` for one
 * bound to a collection-valued property. No property's name has a `#` (CSDL's SimpleIdentifier).
 */
function isAdvertisement(name: string): boolean {
  return name.indexOf("#") !== -1;
}

/** A read's advertisement: an object (`{}` with minimal metadata), its `title` and `target`, where present, strings. */
function advertisement(v: unknown, ctx: Context, name: string): void {
  if (!isObject(v)) return ctx.fail(name, "an object (a bound action's or function's advertisement)", v);
  const title = own(v, "title");
  const target = own(v, "target");
  if ((title === undefined || typeof title === "string") && (target === undefined || typeof target === "string")) return;
  if (!ctx.enter(name)) return;
  if (title !== undefined && typeof title !== "string") ctx.fail("title", "a string", title);
  if (target !== undefined && typeof target !== "string") ctx.fail("target", "a URL (a string)", target);
  ctx.leave();
}

/** How many enumerable keys an object has (own, or inherited from a tampered prototype). */
export function keyCount(o: Json): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}

/**
 * Reports properties a type does not declare. Control information and annotations (OData JSON
 * Format §4.5, §20) are always allowed, and in a read, advertisements of bound actions and
 * functions (§16, §17), whose values are checked. A name the type declares in another case (`stringProperty`
 * for SAP's `StringProperty`; JSON names are case-sensitive) gets a hint: `unknown property
 * stringProperty (did you mean StringProperty?)`; else `hint`, the caller's.
 */
export function unknownProperties(o: Json, ctx: Context, known: ReadonlySet<string>, type: string, hint = ""): void {
  for (const name in o) {
    if (known.has(name) || isAnnotation(name) || !Object.prototype.hasOwnProperty.call(o, name)) continue;
    unknownName(o, ctx, name, known, type, hint);
    if (ctx.count >= ctx.max) return;
  }
}

/** `unknownProperties` for one own name that is neither declared nor an annotation. */
function unknownName(o: Json, ctx: Context, name: string, known: ReadonlySet<string>, type: string, hint: string): void {
  // A body's is reported by `bindings`.
  if (isAdvertisement(name)) {
    if (ctx.mode === READ) advertisement(o[name], ctx, name);
    return;
  }
  // A name no identifier could be (empty, spaces, quotes) is quoted, so that the message shows it.
  const shown = /^[\w.@$-]+$/.test(name) ? name : JSON.stringify(name);
  ctx.fail(name, `no property (${type} does not declare ${shown})`, o[name], `unknown property ${shown}${otherCase(name, known) || hint}`);
}

/**
 * ` (did you mean Name?)` when `known` has `name` in another case, else "". Only a name that differs
 * in case: one a few edits away may as well be a property the service added since the metadata.
 */
function otherCase(name: string, known: ReadonlySet<string>): string {
  const lower = name.toLowerCase();
  for (const k of known) if (k.toLowerCase() === lower) return ` (did you mean ${k}?)`;
  return "";
}

/**
 * Reports an object whose `@odata.type` names no type allowed where it stands: not a string, not
 * the declared type or one of its subtypes, or (`abstract`) an abstract type.
 */
export function wrongType(ctx: Context, key: Key, o: Json, declared: string, abstract: boolean): void {
  const at = o["@odata.type"] !== undefined ? "@odata.type" : "@type";
  const type = o[at];
  if (type === undefined) return ctx.fail(key, `a concrete subtype of ${declared}`, type, `${declared} is abstract: @odata.type must name a concrete subtype`);
  // An instance of an abstract type is wrong as a whole: reported at the object, like a missing type.
  if (abstract && typeof type === "string") return ctx.fail(key, `a concrete subtype of ${declared}`, type, `${type} is abstract and cannot be instantiated`);
  // A 4.0 body's `@type` that is no string is reported once, for its missing prefix (`typeNamed`),
  // as a 4.0 body's `@id` or `p@bind` that is no string is.
  if (typeof type !== "string" && at === "@type" && bodyRefuses(ctx, type, false)) return;
  if (!ctx.enter(key)) return;
  if (typeof type !== "string") ctx.fail(at, "a qualified type name", type);
  else ctx.fail(at, `${declared} or a subtype`, type, `${type} is not ${declared} or one of its subtypes`);
  ctx.leave();
}

/**
 * Validation.DerivedTypeConstraint on a property or navigation property: a value whose `@odata.type`
 * names a type outside `allowed` (qualified names: the types the constraint lists, and their
 * subtypes) is reported at its `@odata.type`, and not checked further; any other value is checked
 * with `check`. Where the constraint leaves out the declared type itself (`declared`, given where it
 * is concrete), a value without `@odata.type` is of that type (JSON Format §4.5.3: a payload names a
 * derived type's): reported at the value, in a read, a create and a PUT, whose nested value
 * replaces what was there; not in a PATCH, which changes an entity (or merges into a complex value)
 * the service already has, of its own type; nor an entity reference (`@odata.id`, `@id`), which
 * names an existing entity. (An abstract declared type needs a name anyway: `untyped`.)
 */
export function derivedType(v: unknown, ctx: Context, key: Key, check: Checker, service: Service, allowed: readonly string[], declared?: string): void {
  const at = isObject(v) ? (v["@odata.type"] !== undefined ? "@odata.type" : v["@type"] !== undefined ? "@type" : undefined) : undefined;
  if (at === undefined && declared !== undefined && isObject(v) && ctx.mode !== UPDATE && v["@odata.id"] === undefined && v["@id"] === undefined) {
    const list = allowed.join(", ");
    return ctx.fail(key, `one of ${list}`, v, `without @odata.type the value is a ${declared}, which its Validation.DerivedTypeConstraint leaves out: name one of ${list}`);
  }
  const type = at === undefined ? undefined : (v as Json)[at];
  if (at === undefined || typeof type !== "string" || allowed.includes(qualified(type, service.aliases))) return check(v, ctx, key);
  if (!ctx.enter(key)) return;
  const list = allowed.join(", ");
  ctx.fail(at, `one of ${list}`, type, `${type} is not one of the types its Validation.DerivedTypeConstraint allows (${list})`);
  ctx.leave();
}

/**
 * An entity of a deep insert through a navigation property whose partner ties the entity's `names`
 * to the parent by a referential constraint: checked with `check`, those properties may be left out
 * in create mode, since the service sets them from the parent (Protocol §11.4.2).
 */
export function tied(check: Checker, names: readonly string[], v: unknown, ctx: Context, key: Key): void {
  const [outer, outerDepth] = [ctx.tied, ctx.tiedDepth];
  ctx.tied = names;
  // The entity's properties are checked one level below the key it is found at.
  ctx.tiedDepth = ctx.depth + 1;
  check(v, ctx, key);
  ctx.tied = outer;
  ctx.tiedDepth = outerDepth;
}

/**
 * An object without `@odata.type` where the abstract type `declared` is expected: wrong, except in
 * update mode and at the root of a PUT body. A PATCH body changes an instance the service knows, of
 * a concrete type, and so does a PUT to the entity. The entity itself (the body's root) may then
 * hold what `declared` declares, read as that type, as OData .NET reads it by the URL's type: a
 * concrete subtype's own property needs `@odata.type` naming the subtype (JSON Format §4.5.3), and
 * without it is, in strict mode, an unknown property (not strict, anything else is taken, bindings too). A complex value nested in a PATCH body is
 * checked for the properties `declared` has, any others accepted (they may be the concrete type's
 * own). A value nested in a PUT body replaces what was there: it names its type.
 */
export function untyped(o: Json, ctx: Context, key: Key, props: Props, declared: string): void {
  if (!knownType(ctx)) return wrongType(ctx, key, o, declared, false);
  if (ctx.depth === 0 && ctx.strict) return closed(o, ctx, key, props, declared, undefined, ` (a subtype's? name the subtype in @odata.type: without it the body is read as ${declared})`);
  if (!ctx.enter(key)) return;
  props(o, ctx);
  // The body's own id, which `closed` reads with the rest of its control information.
  if (ctx.depth === 1 && o["@id"] !== undefined) annotation(o, ctx, "@id", 0, undefined);
  ctx.leave();
}

/** Whether the value being checked is of a type the service knows already: any value of a PATCH body, a PUT body's entity. */
function knownType(ctx: Context): boolean {
  return ctx.mode === UPDATE || (ctx.mode === REPLACE && ctx.depth === 0);
}

/** Finds the checker for a type name as `@odata.type` writes it (with or without `#`, by alias or namespace). */
export type Resolver = (typeName: string) => Checker | undefined;

/**
 * Dynamic properties of an open type (CSDL §6.3): a value is checked when its type is known, from
 * `name@odata.type` or, for an object, its own `@odata.type` (OData 4.01 payloads may leave out the
 * `odata.` prefix: `name@type`, `@type`); otherwise any JSON value is accepted.
 */
export function dynamicProperties(o: Json, ctx: Context, known: ReadonlySet<string>): void {
  dynamic(o, ctx, known, undefined);
}

/** `dynamicProperties`; given what the type declares (`k`), its control information and annotations are checked as well (`annotation`). */
function dynamic(o: Json, ctx: Context, known: ReadonlySet<string>, k: Known | undefined): void {
  let annotated = -1; // whether o has any `name@odata.type` key: -1 not looked yet, 0 no, 1 yes
  for (const name in o) {
    if (known.has(name) || !Object.prototype.hasOwnProperty.call(o, name)) continue;
    const sign = name.indexOf("@");
    if (sign !== -1) {
      if (k !== undefined) annotation(o, ctx, name, sign, k);
      if (ctx.count >= ctx.max) return;
      continue;
    }
    const v = o[name];
    // A body's is reported by `bindings`.
    if (isAdvertisement(name)) {
      if (ctx.mode === READ) advertisement(v, ctx, name);
      continue;
    }
    if (v === null) continue;
    let type: unknown = undefined;
    let at: string = name;
    if (annotated === -1) annotated = hasTypeAnnotations(o) ? 1 : 0;
    if (annotated === 1 && Object.prototype.hasOwnProperty.call(o, `${name}@odata.type`)) {
      at = `${name}@odata.type`;
      type = o[at];
    } else if (annotated === 1 && Object.prototype.hasOwnProperty.call(o, `${name}@type`)) {
      at = `${name}@type`;
      type = o[at];
    } else if (isObject(v)) {
      // The object's own: a null one names no type, and is reported, as on a declared property's value.
      at = v["@odata.type"] !== undefined ? "@odata.type" : "@type";
      type = v[at];
    }
    if (type === undefined) continue;
    if (typeof type !== "string") {
      if (at.indexOf("@") > 0) ctx.fail(at, "a type name in @odata.type", type);
      else if (ctx.enter(name)) {
        ctx.fail(at, "a type name in @odata.type", type);
        ctx.leave();
      }
      continue;
    }
    checkTyped(v, ctx, name, type);
    if (ctx.count >= ctx.max) return;
  }
}

/** Whether some key is a `name@odata.type` (or, OData 4.01, `name@type`) annotation. */
function hasTypeAnnotations(o: Json): boolean {
  for (const k in o) if (k.indexOf("@") > 0 && (k.endsWith("@odata.type") || k.endsWith("@type"))) return true;
  return false;
}

function checkTyped(v: unknown, ctx: Context, key: Key, type: string): void {
  const bare = fragment(type);
  const collection = /^Collection\((.*)\)$/.exec(bare);
  const name = collection ? (collection[1] as string) : bare;
  const check = primitiveChecker(name) ?? (ctx.types === undefined ? checkAny : ctx.types(name));
  if (check === undefined) return ctx.fail(key, "a type the metadata defines", type, `unknown type ${name}`);
  if (collection) items(v, ctx, key, check, name, true);
  else check(v, ctx, key);
}

/**
 * A namespace module's `namespaceChecker`: the checker `table` has, by its type's simple name, for
 * `qualifiedName` when that names a type of `namespace` (its namespace, a dot, a simple name);
 * undefined for any other name (of another namespace, or one `Object.prototype` has).
 */
export function inNamespace(table: Readonly<Record<string, Checker>>, namespace: string, qualifiedName: string): Checker | undefined {
  const n = namespace.length;
  if (qualifiedName.charCodeAt(n) !== 46 || !qualifiedName.startsWith(namespace)) return undefined;
  return own(table, qualifiedName.slice(n + 1)) as Checker | undefined;
}

/** The qualified type name in an `@odata.type` value: its fragment (`#ns.T`, `…/$metadata#ns.T`), an alias replaced by its namespace. */
export function typeNameOf(value: string, aliases: Readonly<Record<string, string>>): string {
  let name = fragment(value);
  const collection = /^Collection\((.*)\)$/.exec(name);
  if (collection) name = collection[1] as string;
  const dot = name.lastIndexOf(".");
  if (dot > 0) {
    const ns = name.slice(0, dot);
    if (Object.prototype.hasOwnProperty.call(aliases, ns)) name = `${aliases[ns]}${name.slice(dot)}`;
  }
  return collection ? `Collection(${name})` : name;
}

/** A primitive type's checker by name; in `@odata.type` the `Edm.` prefix may be left out (JSON Format §4.5.3). */
export function primitiveChecker(name: string): Checker | undefined {
  switch (name.startsWith("Edm.") ? name.slice(4) : name) {
    case "Binary": return checkBinary;
    case "Boolean": return checkBoolean;
    case "Byte": return checkByte;
    case "Date": return checkDate;
    case "DateTimeOffset": return checkDateTimeOffset;
    case "Decimal": return checkDecimal;
    case "Double": return checkDouble;
    case "Duration": return checkDuration;
    case "Guid": return checkGuid;
    case "Int16": return checkInt16;
    case "Int32": return checkInt32;
    case "Int64": return checkInt64;
    case "SByte": return checkSByte;
    case "Single": return checkSingle;
    case "String": return checkString;
    case "TimeOfDay": return checkTimeOfDay;
    case "Stream": case "Untyped": return checkAny;
    case "PrimitiveType": return checkPrimitive;
    default: {
      const geo = /^Geo(graphy|metry)(|Point|LineString|Polygon|MultiPoint|MultiLineString|MultiPolygon|Collection)$/.exec(name.startsWith("Edm.") ? name.slice(4) : name);
      if (!geo) return undefined;
      const kind = geo[2] as string;
      const full = `Edm.Geo${geo[1]}${kind}`;
      return (v, ctx, key) => checkGeo(v, ctx, key, kind, full);
    }
  }
}

/**
 * The checker of an enum type, from its members' names and values as the metadata declares them (a
 * value beyond ±2^53, an Int64's, as its digits in a string, since a number would round it). A
 * member name passes at once; anything else goes to `checkEnumValue`.
 */
export function enumChecker(name: string, members: Readonly<Record<string, number | string>>, flags = false): Checker {
  const known: ReadonlyMap<string, number | string> = new Map(Object.entries(members));
  return (v, ctx, key) => {
    if (typeof v !== "string" || !known.has(v)) checkEnumValue(v, ctx, key, name, known, flags);
  };
}

/** An enum value (JSON Format §7.1, URL ABNF `enumValue`): a member name, or a member's value as a string; flags enums take comma-separated lists. */
export function checkEnumValue(v: unknown, ctx: Context, key: Key, name: string, members: ReadonlyMap<string, number | string>, flags: boolean): void {
  if (typeof v !== "string") return ctx.fail(key, name, v);
  if (members.has(v)) return;
  // A guard takes member names only, what the enum's type holds (a flags value: names, comma-separated).
  if (ctx.typed) {
    if (flags && v.split(/, ?/).every((part) => members.has(part))) return;
    if (enumValue(v, members, flags)) return ctx.fail(key, `${name} member names`, v, `${JSON.stringify(v)} gives ${name} by value, not by member name, the form its type has: validateX takes it, isX and assertX do not`);
  } else if (enumValue(v, members, flags)) return;
  ctx.fail(key, name, v, `${JSON.stringify(v)} is not ${flags ? "a comma-separated list of members" : "a member"} of ${name}`);
}

/**
 * ABNF `enumValue = singleEnumValue *( COMMA singleEnumValue )`, each a member name or a member
 * value (`int64Value`, sign allowed), compared exactly, as integers (an Int64 beyond 2^53 too); more
 * than one only for a flags enum, whose numbers must set member bits only.
 */
function enumValue(v: string, members: ReadonlyMap<string, number | string>, flags: boolean): boolean {
  if (!flags) {
    if (!INT_TEXT.test(v)) return false;
    const n = BigInt(v);
    for (const value of members.values()) if (BigInt(value) === n) return true;
    return false;
  }
  // JSON Format §7.1 has no space after the comma; .NET services (ASP.NET Core OData) write one.
  for (const part of v.split(/, ?/)) if (!members.has(part) && !(INT_TEXT.test(part) && flagBits(BigInt(part), members))) return false;
  return true;
}

/** Whether every bit set in a flags enum's value `n` belongs to a member. */
function flagBits(n: bigint, members: ReadonlyMap<string, number | string>): boolean {
  if (n < 0) return false;
  let rest = n;
  for (const value of members.values()) if (BigInt(value) > 0) rest &= ~BigInt(value);
  return rest === BigInt(0);
}

// ---- primitive values (OData JSON Format 4.01 §7.1; lexical forms from the ABNF of OData URL Conventions) ----
// Each is a plain function declaration so generated modules can refer to them across import cycles.

/** Edm.Untyped and Edm.Stream: any JSON value is accepted. */
export function checkAny(_v: unknown, _ctx: Context, _key: Key): void {}

/** Edm.PrimitiveType, the abstract type of every primitive: a string, number or boolean, or a GeoJSON value of any kind. */
export function checkPrimitive(v: unknown, ctx: Context, key: Key): void {
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return;
  if (isObject(v) && typeof v["type"] === "string") return checkGeo(v, ctx, key, "", "Edm.PrimitiveType");
  ctx.fail(key, "Edm.PrimitiveType (a string, number, boolean or GeoJSON value)", v);
}

export function checkString(v: unknown, ctx: Context, key: Key, maxLength?: number): void {
  if (typeof v !== "string") return ctx.fail(key, "Edm.String", v);
  // MaxLength counts characters (code points), not UTF-16 units.
  if (maxLength !== undefined && v.length > maxLength && codePoints(v) > maxLength) {
    ctx.fail(key, `Edm.String of at most ${maxLength} characters`, v, `longer than MaxLength ${maxLength} (${codePoints(v)} characters)`);
  }
}

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      const d = s.charCodeAt(i + 1);
      n++;
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/**
 * What the Validation vocabulary (Org.OData.Validation.V1) asks of a property's values, beyond its
 * type: `min`/`max` (`Minimum`/`Maximum`, exclusive where `Exclusive`), compared as numbers
 * (`kind` "number": a bound given as text is an integer beyond 2^53, compared exactly), instants
 * ("instant") or text of one form ("text": a Date, a TimeOfDay); `pattern` (`Pattern`), which a
 * string must match; `allowed` (`AllowedValues`).
 */
export interface Constraints {
  readonly kind?: "number" | "instant" | "text";
  readonly min?: number | string;
  readonly minExclusive?: boolean;
  readonly max?: number | string;
  readonly maxExclusive?: boolean;
  readonly pattern?: RegExp;
  readonly allowed?: readonly (string | number | boolean)[];
  /** `MultipleOf`, a positive decimal as text: the value divided by it is a whole number, computed exactly. */
  readonly multipleOf?: string;
}

/** A value `check` finds of its type, checked against the constraints `c` too (reported once its type is right). */
export function constrained(v: unknown, ctx: Context, key: Key, check: Checker, c: Constraints): void {
  const before = ctx.count;
  check(v, ctx, key);
  if (ctx.count !== before || v === null || v === undefined) return;
  const expected = expectedOf(check);
  if (c.min !== undefined) {
    const d = compareBound(v, c.min, c.kind);
    if (d !== undefined && (d < 0 || (d === 0 && c.minExclusive))) {
      const words = c.minExclusive ? ["greater than", "not greater than its exclusive"] : ["at least", "less than its"];
      ctx.fail(key, `${expected} ${words[0]} ${c.min}`, v, `${words[1]} Validation.Minimum ${c.min}`);
    }
  }
  if (c.max !== undefined) {
    const d = compareBound(v, c.max, c.kind);
    if (d !== undefined && (d > 0 || (d === 0 && c.maxExclusive))) {
      const words = c.maxExclusive ? ["less than", "not less than its exclusive"] : ["at most", "greater than its"];
      ctx.fail(key, `${expected} ${words[0]} ${c.max}`, v, `${words[1]} Validation.Maximum ${c.max}`);
    }
  }
  if (c.pattern && typeof v === "string" && !c.pattern.test(v)) {
    ctx.fail(key, `${expected} matching ${c.pattern.source}`, v, `not matching its Validation.Pattern ${c.pattern.source}`);
  }
  if (c.multipleOf !== undefined && (typeof v === "number" || typeof v === "string") && isMultiple(v, c.multipleOf) === false) {
    ctx.fail(key, `${expected}, a multiple of ${c.multipleOf}`, v, `not a multiple of its Validation.MultipleOf ${c.multipleOf}`);
  }
  if (c.allowed && !c.allowed.some((a) => a === v || (typeof a === "number" && typeof v === "string" && v.trim() !== "" && Number(v) === a) || (typeof a === "string" && typeof v === "number" && Number(a) === v))) {
    const list = c.allowed.map((a) => JSON.stringify(a)).join(", ");
    ctx.fail(key, `${expected}, one of ${list}`, v, `not one of its Validation.AllowedValues (${list})`);
  }
}

/**
 * How `v` compares with `bound` (negative: less), or undefined where they do not compare (a value
 * of another form, which its type's check reported). Integers as text compare exactly (BigInt).
 */
function compareBound(v: unknown, bound: number | string, kind: Constraints["kind"]): number | undefined {
  if (kind === "number") {
    if (typeof v !== "number" && typeof v !== "string") return undefined;
    const whole = /^-?\d+$/;
    if (typeof bound === "string" || (typeof v === "string" && whole.test(v) && !Number.isSafeInteger(Number(v)))) {
      const a = String(v);
      const b = String(bound);
      if (whole.test(a) && whole.test(b)) {
        const x = BigInt(a);
        const y = BigInt(b);
        return x < y ? -1 : x > y ? 1 : 0;
      }
    }
    const x = Number(v);
    const y = Number(bound);
    return Number.isNaN(x) ? undefined : x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof v !== "string" || typeof bound !== "string") return undefined;
  if (kind === "instant") {
    const x = Date.parse(v);
    const y = Date.parse(bound);
    return Number.isNaN(x) || Number.isNaN(y) ? undefined : x < y ? -1 : x > y ? 1 : 0;
  }
  return v < bound ? -1 : v > bound ? 1 : 0;
}

/**
 * A decimal number's digits and scale (`1.25` → 125n, 2), exponent applied; undefined for text that
 * is no finite decimal, or longer than 1,000 characters (not checked: a megabyte of digits would
 * cost seconds as a BigInt).
 */
function decimalParts(text: string): { digits: bigint; scale: number } | undefined {
  if (text.length > 1000) return undefined;
  const m = DECIMAL_PARTS.exec(text);
  const exponent = Number(m?.[4] ?? 0);
  if (!m || (m[2] === "" && !m[3]) || Math.abs(exponent) > 9999) return undefined;
  const fraction = m[3] ?? "";
  let digits = BigInt(`${m[1] === "-" ? "-" : ""}${m[2] || "0"}${fraction}`);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits, scale };
}

/** Whether `v` is a whole multiple of `m` (both decimals), exactly; undefined where `v` is no number. */
function isMultiple(v: number | string, m: string): boolean | undefined {
  if (typeof v === "number" && !Number.isFinite(v)) return undefined;
  const a = decimalParts(typeof v === "number" ? String(v) : v.trim());
  const b = decimalParts(m);
  if (!a || !b || b.digits === 0n) return undefined;
  const scale = Math.max(a.scale, b.scale);
  const x = a.digits * 10n ** BigInt(scale - a.scale);
  const y = b.digits * 10n ** BigInt(scale - b.scale);
  return x % y === 0n;
}

/** A collection's `MinItems` and `MaxItems` (Validation vocabulary); 0, as it adds no property to the count. */
export function itemCount(v: unknown, ctx: Context, key: Key, min: number, max: number): number {
  if (!Array.isArray(v)) return 0;
  if (v.length < min) ctx.fail(key, `a collection of at least ${min} items`, v, `${v.length} items, fewer than its Validation.MinItems ${min}`);
  if (v.length > max) ctx.fail(key, `a collection of at most ${max} items`, v, `${v.length} items, more than its Validation.MaxItems ${max}`);
  return 0;
}

export function checkBoolean(v: unknown, ctx: Context, key: Key): void {
  if (typeof v !== "boolean") ctx.fail(key, "Edm.Boolean", v);
}

function integer(v: unknown, ctx: Context, key: Key, name: string, min: number, max: number): void {
  if (typeof v !== "number" || !Number.isInteger(v)) return ctx.fail(key, name, v);
  if (v < min || v > max) ctx.fail(key, name, v, `${v} is outside the range of ${name} (${min} to ${max})`);
}

export function checkByte(v: unknown, ctx: Context, key: Key): void {
  if (typeof v === "number" && (v & 255) === v) return;
  integer(v, ctx, key, "Edm.Byte", 0, 255);
}
export function checkSByte(v: unknown, ctx: Context, key: Key): void {
  if (typeof v === "number" && (v << 24) >> 24 === v) return;
  integer(v, ctx, key, "Edm.SByte", -128, 127);
}
export function checkInt16(v: unknown, ctx: Context, key: Key): void {
  if (typeof v === "number" && (v << 16) >> 16 === v) return;
  integer(v, ctx, key, "Edm.Int16", -32768, 32767);
}
export function checkInt32(v: unknown, ctx: Context, key: Key): void {
  if (typeof v === "number" && (v | 0) === v) return;
  integer(v, ctx, key, "Edm.Int32", -2147483648, 2147483647);
}

/** Whether integer text fits 64 bits (ABNF `int64Value`: [sign] 1*19DIGIT), compared as digit strings. */
function int64Text(s: string): boolean {
  const negative = s.charCodeAt(0) === 45;
  const digits = negative || s.charCodeAt(0) === 43 ? s.slice(1) : s;
  if (digits.length < 19) return true;
  if (digits.length > 19) return false;
  return digits <= (negative ? "9223372036854775808" : "9223372036854775807");
}

const INT_TEXT = /^[+-]?[0-9]+$/;

/**
 * Whether `v` is a bigint this run takes: a body's (`create`, `update`, `replace`), which the runtime
 * writes with all its digits; not a read's, whose JSON holds none, nor a guard's, whose type has none.
 */
function bodyBigint(v: unknown, ctx: Context): v is bigint {
  return typeof v === "bigint" && ctx.mode !== READ && !ctx.typed;
}

/** Edm.Int64: a JSON number, or a string of digits (the form IEEE754Compatible=true asks for); in a body, a bigint. */
export function checkInt64(v: unknown, ctx: Context, key: Key): void {
  if (bodyBigint(v, ctx)) {
    if (!int64Text(String(v))) ctx.fail(key, "Edm.Int64", v, `${v} is outside the range of Edm.Int64`);
    return;
  }
  if (typeof v === "number") {
    if (ctx.ieee === 1) return ctx.fail(key, "Edm.Int64 as a string (IEEE754Compatible=true)", v);
    if (!Number.isInteger(v)) return ctx.fail(key, "Edm.Int64", v);
    // 2^63 is what JSON.parse makes of 9223372036854775807, the largest Int64: a read takes it.
    if (v > 9223372036854775808 || v < -9223372036854775808) return ctx.fail(key, "Edm.Int64", v, `${v} is outside the range of Edm.Int64`);
    // Beyond 2^53 a number has lost digits; in a body the service would get others than meant.
    if (ctx.mode !== READ && !Number.isSafeInteger(v)) ctx.fail(key, "Edm.Int64", v, `${v} is beyond 2^53, where a number loses digits: write it as a bigint or, with ieee754Compatible, a string`);
    return;
  }
  if (typeof v === "string" && ctx.ieee !== 2 && INT_TEXT.test(v)) {
    if (!int64Text(v)) ctx.fail(key, "Edm.Int64", v, `${v} is outside the range of Edm.Int64`);
    return;
  }
  ctx.fail(key, ctx.ieee === 2 ? "Edm.Int64 as a number" : "Edm.Int64", v);
}

const DECIMAL_TEXT = /^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
/** A decimal text's sign, digits before and after the point, and exponent (`decimalDigits`, `decimalParts`). */
const DECIMAL_PARTS = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/;

/**
 * Edm.Decimal with optional Precision and Scale (CSDL §7.2.3–7.2.4): Precision is the number of
 * significant digits, an integer Scale the digits allowed right of the point (so at most
 * Precision − Scale left of it), `variable` any split of Precision digits, `floating` a decimal
 * floating-point number of Precision significant digits (which may also be "INF", "-INF", "NaN").
 * Precision without Scale limits the digits before the point only (CSDL XML's absent Scale is 0,
 * but services that leave it out send fractions). In a body, a bigint is taken as an integer.
 */
export function checkDecimal(v: unknown, ctx: Context, key: Key, precision?: number, scale?: number | "variable" | "floating"): void {
  let text: string;
  if (bodyBigint(v, ctx)) {
    text = String(v);
  } else if (typeof v === "number") {
    if (ctx.ieee === 1) return ctx.fail(key, "Edm.Decimal as a string (IEEE754Compatible=true)", v);
    if (!Number.isFinite(v)) return ctx.fail(key, "Edm.Decimal", v);
    if (precision === undefined && scale === undefined) return;
    text = String(v);
  } else if (typeof v === "string" && ctx.ieee !== 2 && DECIMAL_TEXT.test(v)) {
    text = v;
  } else if (scale === "floating" && (v === "INF" || v === "-INF" || v === "NaN")) {
    return;
  } else return ctx.fail(key, ctx.ieee === 2 ? "Edm.Decimal as a number" : "Edm.Decimal", v);
  if (precision === undefined && scale === undefined) return;
  const d = decimalDigits(text);
  if (scale === "floating") {
    if (precision !== undefined && d.significant > precision) ctx.fail(key, `Edm.Decimal with Precision ${precision}`, v, `${digits(d.significant, "significant ")}; Precision allows ${precision}`);
    return;
  }
  if (typeof scale === "number" && d.fraction > scale) return ctx.fail(key, `Edm.Decimal with Scale ${scale}`, v, `${digits(d.fraction)} after the point; Scale allows ${scale}`);
  if (precision === undefined) return;
  const intAllowed = typeof scale === "number" ? precision - scale : precision;
  const expected = `Edm.Decimal with Precision ${precision}${scale !== undefined ? ` and Scale ${scale}` : ""}`;
  if (scale === "variable") {
    if (d.integer + d.fraction > precision) ctx.fail(key, expected, v, `${digits(d.integer + d.fraction)}; Precision ${precision} allows ${precision}`);
  } else if (d.integer > intAllowed) {
    ctx.fail(key, expected, v, `${digits(d.integer)} before the point; Precision ${precision} ${scale !== undefined ? `with Scale ${scale}` : "without Scale"} allows ${intAllowed}`);
  }
}

/** `1 digit`, `3 digits` (`kind`: `fractional `): what a facet's message counts. */
function digits(n: number, kind = ""): string {
  return `${n} ${kind}digit${n === 1 ? "" : "s"}`;
}

/**
 * Digits before and after the point of a decimal text's value, exponent applied, without leading
 * or trailing zeros (`100e-2` is 1, `0.0001e4` is 1, `1.50` is 1.5).
 */
function decimalDigits(text: string): { integer: number; fraction: number; significant: number } {
  const m = DECIMAL_PARTS.exec(text);
  if (!m) return { integer: 0, fraction: 0, significant: 0 };
  const all = (m[2] ?? "") + (m[3] ?? "");
  const first = all.search(/[1-9]/);
  if (first < 0) return { integer: 0, fraction: 0, significant: 0 };
  // Trailing zeros counted off by hand: `/0+$/` tries every position of a run of zeros inside the digits.
  let end = all.length;
  while (all.charCodeAt(end - 1) === 48) end--;
  // The point's position in `all`, moved by the exponent.
  const point = (m[2] ?? "").length + (m[4] ? Number(m[4]) : 0);
  return { integer: Math.max(0, point - first), fraction: Math.max(0, end - point), significant: end - first };
}

/** Edm.Double: a JSON number, or "INF", "-INF", "NaN". */
export function checkDouble(v: unknown, ctx: Context, key: Key): void {
  if (typeof v === "number") {
    if (v - v !== 0) ctx.fail(key, "Edm.Double", v, `${String(v)} is not a JSON number; write "INF", "-INF" or "NaN"`);
    return;
  }
  if (v === "INF" || v === "-INF" || v === "NaN") return;
  ctx.fail(key, "Edm.Double", v);
}

/**
 * Edm.Single: as Edm.Double, within the range of an IEEE 754 binary32: the number must round to a
 * finite float32. A comparison with float32's largest value as a double would reject the shortest
 * text that writes it, `3.4028235E+38` (what .NET and Java write for `float.MaxValue`).
 */
export function checkSingle(v: unknown, ctx: Context, key: Key): void {
  if (typeof v === "number") {
    if (v - v !== 0) ctx.fail(key, "Edm.Single", v, `${String(v)} is not a JSON number; write "INF", "-INF" or "NaN"`);
    else if (!Number.isFinite(Math.fround(v))) ctx.fail(key, "Edm.Single", v, `${v} is outside the range of Edm.Single`);
    return;
  }
  if (v === "INF" || v === "-INF" || v === "NaN") return;
  ctx.fail(key, "Edm.Single", v);
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
}

/** Edm.Guid: 8-4-4-4-12 hexadecimal digits. */
export function checkGuid(v: unknown, ctx: Context, key: Key): void {
  if (typeof v === "string" && v.length === 36) {
    let ok = true;
    for (let i = 0; i < 36; i++) {
      const c = v.charCodeAt(i);
      if (i === 8 || i === 13 || i === 18 || i === 23 ? c !== 45 : !isHex(c)) {
        ok = false;
        break;
      }
    }
    if (ok) return;
  }
  ctx.fail(key, "Edm.Guid", v);
}

// -- temporal values: small scanners over char codes; each returns the index after what it read, or -1 --

/** Two digits at i as a number, or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysIn(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** `year "-" month "-" day` with a real calendar day; year = [-] (0 3DIGIT / 1-9 3*DIGIT). */
function scanDate(s: string, i: number): number {
  let negative = false;
  if (s.charCodeAt(i) === 45) {
    negative = true;
    i++;
  }
  const start = i;
  let year = 0;
  for (;;) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) break;
    year = year * 10 + c;
    i++;
  }
  const n = i - start;
  if (n < 4 || (n > 4 && s.charCodeAt(start) === 48) || n > 15) return -1;
  if (s.charCodeAt(i) !== 45 || s.charCodeAt(i + 3) !== 45) return -1;
  const month = two(s, i + 1);
  const day = two(s, i + 4);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(negative ? -year : year, month)) return -1;
  return i + 6;
}

/** Fractional-second digits read by the last scanTime/scanDuration. */
let fraction = 0;

/** `hour ":" minute [ ":" second [ "." 1*12DIGIT ] ]`; second 00–59 or 60, a leap second (ABNF `second`). */
function scanTime(s: string, i: number): number {
  fraction = 0;
  const h = two(s, i);
  if (h < 0 || h > 23 || s.charCodeAt(i + 2) !== 58) return -1;
  const m = two(s, i + 3);
  if (m < 0 || m > 59) return -1;
  i += 5;
  if (s.charCodeAt(i) !== 58) return i;
  const sec = two(s, i + 1);
  if (sec < 0 || sec > 60) return -1;
  i += 3;
  if (s.charCodeAt(i) !== 46) return i;
  i++;
  const start = i;
  for (let c = s.charCodeAt(i); c >= 48 && c <= 57; c = s.charCodeAt(++i));
  fraction = i - start;
  return fraction >= 1 && fraction <= 12 ? i : -1;
}

export function checkDate(v: unknown, ctx: Context, key: Key): void {
  if (typeof v === "string" && isDate(v)) return;
  ctx.fail(key, "Edm.Date (YYYY-MM-DD)", v, ctx.quiet ? undefined : pastMonthEnd(v, isDate));
}

function isDate(v: string): boolean {
  return scanDate(v, 0) === v.length;
}

/**
 * The message for a date (or a date and time) of the right form but for its day, past its month's
 * end (`2023-02-29`): `no day of the calendar: 2023-02 has 28 days`, since the expected form is the
 * form it has. Undefined for anything else, which is reported by the form it lacks. Only an error's
 * message runs this: `valid` tells whether the text would pass with the day 01.
 */
function pastMonthEnd(v: unknown, valid: (text: string) => boolean): string | undefined {
  if (typeof v !== "string") return undefined;
  const m = /^(-?\d+)-(\d\d)-(\d\d)/.exec(v);
  if (!m || Number(m[3]) <= 28 || !valid(`${m[1]}-${m[2]}-01${v.slice(m[0].length)}`)) return undefined;
  return `no day of the calendar: ${m[1]}-${m[2]} has ${daysIn(Number(m[1]), Number(m[2]))} days`;
}

export function checkTimeOfDay(v: unknown, ctx: Context, key: Key, precision?: number): void {
  if (typeof v !== "string" || scanTime(v, 0) !== v.length) return ctx.fail(key, "Edm.TimeOfDay (hh:mm:ss.fff)", v);
  if (precision !== undefined && fraction > precision) ctx.fail(key, `Edm.TimeOfDay with Precision ${precision}`, v, `${digits(fraction, "fractional ")}; Precision allows ${precision}`);
}

/**
 * Edm.DateTimeOffset: `date "T" time ( "Z" / sign hh ":" mm )` (RFC 3339; seconds optional as the
 * OData ABNF allows, `-00:00` allowed). Fractional-second Precision is enforced only where declared.
 */
export function checkDateTimeOffset(v: unknown, ctx: Context, key: Key, precision?: number): void {
  if (typeof v === "string" && isDateTimeOffset(v)) {
    if (precision !== undefined && fraction > precision) ctx.fail(key, `Edm.DateTimeOffset with Precision ${precision}`, v, `${digits(fraction, "fractional ")}; Precision allows ${precision}`);
    return;
  }
  ctx.fail(key, "Edm.DateTimeOffset (RFC 3339)", v, ctx.quiet ? undefined : pastMonthEnd(v, isDateTimeOffset));
}

/** Whether `v` is a DateTimeOffset's text; `fraction` then holds its fractional-second digits. */
function isDateTimeOffset(v: string): boolean {
  let i = scanDate(v, 0);
  if (i > 0 && (v.charCodeAt(i) | 32) === 116 /* T */ && (i = scanTime(v, i + 1)) > 0) {
    const c = v.charCodeAt(i);
    if ((c | 32) === 122 /* Z */) return i + 1 === v.length;
    if (c === 43 || c === 45) {
      const h = two(v, i + 1);
      const m = two(v, i + 4);
      return h >= 0 && h <= 23 && v.charCodeAt(i + 3) === 58 && m >= 0 && m <= 59 && i + 6 === v.length;
    }
  }
  return false;
}

/** Digits at i; returns the index after them (i itself when there are none). */
function scanDigits(s: string, i: number): number {
  for (let c = s.charCodeAt(i); c >= 48 && c <= 57; c = s.charCodeAt(++i));
  return i;
}

/**
 * ABNF `durationValue`, `[SIGN] "P" [n "D"] [ "T" [n "H"] [n "M"] [n ["." n] "S"] ]`, with at least
 * one component, and one after "T", as XML Schema's dayTimeDuration, which it approximates, asks
 * (`P1DT2H3M4.5S`, `PT0S`, `-P1D`). `SIGN` is `+` or `-` (the ABNF's `%2B`, `%2D` are a URL's
 * forms), so `+P1D` is taken too. Its letters are ABNF quoted strings, which match either case
 * (RFC 5234 §2.3; the ABNF marks case-sensitive ones `%s`, RFC 7405): `pt1h` is taken too.
 */
function scanDuration(s: string): boolean {
  fraction = 0;
  const sign = s.charCodeAt(0);
  let i = sign === 45 /* - */ || sign === 43 /* + */ ? 1 : 0;
  if ((s.charCodeAt(i) | 32) !== 112 /* p */) return false;
  i++;
  let parts = 0;
  let j = scanDigits(s, i);
  if (j > i) {
    if ((s.charCodeAt(j) | 32) !== 100 /* d */) return false;
    i = j + 1;
    parts++;
  }
  if (i === s.length) return parts > 0;
  if ((s.charCodeAt(i) | 32) !== 116 /* t */) return false;
  i++;
  let unit = 0; // H, M, S must come in this order
  let timeParts = 0;
  while (i < s.length) {
    j = scanDigits(s, i);
    if (j === i) return false;
    let c = s.charCodeAt(j) | 32;
    if (c === 46 /* . */) {
      const k = scanDigits(s, j + 1);
      if (k === j + 1 || (s.charCodeAt(k) | 32) !== 115) return false;
      fraction = k - j - 1;
      j = k;
      c = 115;
    }
    const u = c === 104 /* h */ ? 1 : c === 109 /* m */ ? 2 : c === 115 /* s */ ? 3 : 0;
    if (u <= unit) return false;
    unit = u;
    timeParts++;
    i = j + 1;
  }
  return timeParts > 0;
}

export function checkDuration(v: unknown, ctx: Context, key: Key, precision?: number): void {
  if (typeof v !== "string" || !scanDuration(v)) return ctx.fail(key, "Edm.Duration (ISO 8601, e.g. PT1H30M)", v);
  if (precision !== undefined && fraction > precision) ctx.fail(key, `Edm.Duration with Precision ${precision}`, v, `${digits(fraction, "fractional ")}; Precision allows ${precision}`);
}

/** 0–63 for a base64url character, or a base64 one (`+`, `/`), -1 otherwise. */
function base64url(c: number): number {
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 71;
  if (c >= 48 && c <= 57) return c + 4;
  return c === 45 || c === 43 ? 62 : c === 95 || c === 47 ? 63 : -1;
}

/**
 * Edm.Binary: base64url (RFC 4648 §5) as the OData ABNF `binaryValue` writes it: padding optional,
 * and the unused bits of the last character zero. The base64 alphabet (`+`, `/`, RFC 4648 §4) is
 * taken too: Microsoft Graph and other .NET services write it, and a response validator must not
 * refuse their data. `MaxLength` counts the bytes it writes (CSDL §7.2.2).
 */
export function checkBinary(v: unknown, ctx: Context, key: Key, maxLength?: number): void {
  if (typeof v === "string") {
    let end = v.length;
    let pad = 0;
    while (end > 0 && pad < 2 && v.charCodeAt(end - 1) === 61) {
      end--;
      pad++;
    }
    const rest = end % 4;
    let ok = rest !== 1 && (pad === 0 || pad === 4 - rest);
    for (let i = 0; ok && i < end; i++) if (base64url(v.charCodeAt(i)) < 0) ok = false;
    if (ok && rest !== 0) {
      const last = base64url(v.charCodeAt(end - 1));
      ok = rest === 2 ? (last & 15) === 0 : (last & 3) === 0;
    }
    if (ok) {
      // MaxLength counts bytes: 3 per 4 characters, padding left out.
      const bytes = (end >> 2) * 3 + (rest === 0 ? 0 : rest - 1);
      if (maxLength !== undefined && bytes > maxLength) ctx.fail(key, `Edm.Binary of at most ${maxLength} bytes`, v, `longer than MaxLength ${maxLength} (${bytes} bytes)`);
      return;
    }
  }
  ctx.fail(key, "Edm.Binary (base64url or base64)", v);
}

// -- GeoJSON (RFC 7946) as OData writes Geography and Geometry values (JSON Format §7.1) --

function isPosition(p: unknown): boolean {
  if (!Array.isArray(p) || p.length < 2) return false;
  for (let i = 0; i < p.length; i++) if (typeof p[i] !== "number" || !Number.isFinite(p[i])) return false;
  return true;
}

function positions(c: unknown, min: number, ring: boolean): boolean {
  if (!Array.isArray(c) || c.length < min) return false;
  for (let i = 0; i < c.length; i++) if (!isPosition(c[i])) return false;
  if (ring) {
    const a = c[0] as number[];
    const b = c[c.length - 1] as number[];
    if (a.length !== b.length || a.some((x, i) => x !== b[i])) return false;
  }
  return true;
}

function every(c: unknown, test: (x: unknown) => boolean): boolean {
  if (!Array.isArray(c)) return false;
  for (let i = 0; i < c.length; i++) if (!test(c[i])) return false;
  return true;
}

function polygon(c: unknown): boolean {
  return every(c, (r) => positions(r, 4, true));
}

function coordinates(type: string, c: unknown): boolean {
  switch (type) {
    case "Point": return isPosition(c);
    case "LineString": return positions(c, 2, false);
    case "Polygon": return polygon(c);
    case "MultiPoint": return every(c, isPosition);
    case "MultiLineString": return every(c, (l) => positions(l, 2, false));
    case "MultiPolygon": return every(c, polygon);
    default: return false;
  }
}

/** `kind` "" accepts any GeoJSON type (Edm.Geography, Edm.Geometry). */
export function checkGeo(v: unknown, ctx: Context, key: Key, kind: string, name: string): void {
  const geoType = isObject(v) ? v["type"] : undefined;
  if (!isObject(v) || typeof geoType !== "string") return ctx.fail(key, `${name} (GeoJSON)`, v);
  // GeoJSON names a collection "GeometryCollection"; "Collection" is only the Edm type's suffix and names nothing.
  const type = geoType === "GeometryCollection" ? "Collection" : geoType === "Collection" ? "" : geoType;
  const want = kind === "Collection" ? "GeometryCollection" : kind;
  if (kind !== "" && type !== kind) return ctx.fail(key, `${name} (GeoJSON ${want})`, geoType, `GeoJSON type ${geoType}, expected ${want}`);
  if (type === "Collection") {
    const g = v["geometries"];
    if (!Array.isArray(g)) return ctx.fail(key, `${name} (GeoJSON GeometryCollection with geometries)`, g, "geometries must be an array");
    if (!ctx.enter(key)) return;
    if (ctx.enter("geometries")) {
      for (let i = 0; i < g.length && ctx.count < ctx.max; i++) checkGeo(g[i], ctx, i, "", name);
      ctx.leave();
    }
    ctx.leave();
    return;
  }
  const c = v["coordinates"];
  if (!coordinates(type, c)) ctx.fail(key, `${name} (GeoJSON ${geoType} coordinates)`, c, `invalid coordinates for a GeoJSON ${geoType}`);
}
