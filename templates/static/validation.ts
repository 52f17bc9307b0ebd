// Runtime for the generated validators: the context that collects errors, and checks for OData
// primitive values as the OData JSON Format 4.01 (§7.1) writes them.

/** `read`: a value as the service returns it. `create`: a POST body. `update`: a PATCH body. */
export type Mode = "read" | "create" | "update";

export interface ValidateOptions {
  /** Default `read`. */
  mode?: Mode;
  /** Unknown properties are errors when true (default), ignored when false. */
  strict?: boolean;
  /** Stop after this many errors (default 100). */
  maxErrors?: number;
  /** Int64 and Decimal are JSON strings (`IEEE754Compatible=true`); default: numbers or strings. */
  ieee754Compatible?: boolean;
  /** How deep values may nest before the validator stops descending (default 512). */
  maxDepth?: number;
}

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
  errors: ValidationError[];
}

export class ValidationFailedError extends Error {
  constructor(readonly errors: ValidationError[]) {
    super(`invalid value: ${errors.slice(0, 3).map((e) => `${e.path || "/"} ${e.message}`).join("; ")}${errors.length > 3 ? ` (+${errors.length - 3} more)` : ""}`);
    this.name = "ValidationFailedError";
  }
}

export type Json = Record<string, unknown>;
export type Checker = (value: unknown, path: string, ctx: Context) => void;

/** Collects errors for one validation run. */
export class Context {
  readonly errors: ValidationError[] = [];
  readonly mode: Mode;
  readonly strict: boolean;
  readonly ieee754: boolean;
  private readonly max: number;
  private readonly maxDepth: number;
  private depth = 0;
  /** Stop as soon as one error is found (type guards). */
  readonly firstOnly: boolean;

  constructor(options: ValidateOptions | undefined, firstOnly = false) {
    this.mode = options?.mode ?? "read";
    this.strict = options?.strict ?? true;
    this.ieee754 = options?.ieee754Compatible ?? false;
    this.max = firstOnly ? 1 : Math.max(1, options?.maxErrors ?? 100);
    this.maxDepth = options?.maxDepth ?? 512;
    this.firstOnly = firstOnly;
  }

  /** True when no more errors are wanted. */
  get full(): boolean {
    return this.errors.length >= this.max;
  }

  fail(path: string, expected: string, value: unknown, message?: string): void {
    if (this.errors.length >= this.max) return;
    const actual = kindOf(value);
    this.errors.push({ path, expected, actual, message: message ?? `expected ${expected}, got ${actual}` });
  }

  /** Enters a nested object; false (with an error) when values nest deeper than allowed. */
  enter(path: string): boolean {
    if (this.depth >= this.maxDepth) {
      this.fail(path, "a value nested at most " + this.maxDepth + " deep", undefined, `nesting deeper than ${this.maxDepth} levels`);
      return false;
    }
    this.depth++;
    return true;
  }

  leave(): void {
    this.depth--;
  }

  result(): ValidationResult {
    return { valid: this.errors.length === 0, errors: this.errors };
  }
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
      return Number.isFinite(value) ? `number ${value}` : "number";
    case "object":
      return "object";
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

/** Runs a checker over a value and returns every error found. Never throws on JSON input. */
export function run(check: Checker, value: unknown, options?: ValidateOptions): ValidationResult {
  const ctx = new Context(options);
  try {
    check(value, "", ctx);
  } catch (e) {
    // A stack overflow on pathological input (e.g. cyclic objects through open properties).
    ctx.fail("", "a value the validator can traverse", value, `validation stopped: ${(e as Error).message}`);
  }
  return ctx.result();
}

/** Whether a value passes; stops at the first error. */
export function test(check: Checker, value: unknown, options?: ValidateOptions): boolean {
  const ctx = new Context(options, true);
  try {
    check(value, "", ctx);
  } catch {
    return false;
  }
  return ctx.errors.length === 0;
}

/** Throws a ValidationFailedError listing the errors unless the value passes. */
export function assert(check: Checker, value: unknown, options?: ValidateOptions): void {
  const r = run(check, value, options);
  if (!r.valid) throw new ValidationFailedError(r.errors);
}

/** Property flags: Core.Computed, Core.Immutable, and a DefaultValue (not required on create). */
export const COMPUTED = 1;
export const IMMUTABLE = 2;
export const HAS_DEFAULT = 4;

/**
 * Checks one property of an object. `required` (Nullable="false") applies in `read` mode, and in
 * `create` mode unless the service computes or defaults the value; `nullable` allows `null`.
 * Computed properties are rejected in `create` and `update`, immutable ones in `update`.
 */
export function prop(
  o: Json,
  name: string,
  path: string,
  ctx: Context,
  check: Checker,
  expected: string,
  required: boolean,
  nullable: boolean,
  flags: number,
): void {
  const v = o[name];
  if (v === undefined) {
    if (required && (ctx.mode === "read" || (ctx.mode === "create" && (flags & (COMPUTED | HAS_DEFAULT)) === 0))) {
      ctx.fail(`${path}/${pointer(name)}`, expected, v, `required property ${name} is missing`);
    }
    return;
  }
  if (flags !== 0 && ctx.mode !== "read") {
    if ((flags & COMPUTED) !== 0) return ctx.fail(`${path}/${pointer(name)}`, "no value (computed by the service)", v, `${name} is computed by the service and cannot be sent`);
    if (ctx.mode === "update" && (flags & IMMUTABLE) !== 0) return ctx.fail(`${path}/${pointer(name)}`, "no value (immutable)", v, `${name} cannot be changed after creation`);
  }
  if (v === null) {
    if (!nullable) ctx.fail(`${path}/${pointer(name)}`, expected, v, `${name} cannot be null`);
    return;
  }
  check(v, `${path}/${pointer(name)}`, ctx);
}

/** Like `prop`, for a collection-valued property: a JSON array, each item checked; null items only if `nullableItems`. */
export function items(
  o: Json,
  name: string,
  path: string,
  ctx: Context,
  check: Checker,
  expected: string,
  required: boolean,
  nullableItems: boolean,
  flags: number,
): void {
  const v = o[name];
  if (v === undefined) return prop(o, name, path, ctx, check, expected, required, false, flags);
  if (flags !== 0 && ctx.mode !== "read" && ((flags & COMPUTED) !== 0 || (ctx.mode === "update" && (flags & IMMUTABLE) !== 0))) {
    return prop(o, name, path, ctx, check, expected, required, false, flags);
  }
  const here = `${path}/${pointer(name)}`;
  if (!Array.isArray(v)) return ctx.fail(here, `Collection(${expected})`, v);
  for (let i = 0; i < v.length; i++) {
    const item = v[i];
    if (item === null) {
      if (!nullableItems) ctx.fail(`${here}/${i}`, expected, item, "collection items cannot be null");
    } else check(item, `${here}/${i}`, ctx);
    if (ctx.full) return;
  }
}

/**
 * Reports properties a type does not declare. Control information and annotations (`@odata.*`,
 * `@ns.term`, `prop@ns.term`) are always allowed (OData JSON Format §4.5, §20).
 */
export function unknownProperties(o: Json, path: string, ctx: Context, known: (name: string) => boolean, type: string): void {
  for (const name in o) {
    if (!Object.prototype.hasOwnProperty.call(o, name)) continue;
    if (name.indexOf("@") !== -1 || known(name)) continue;
    ctx.fail(`${path}/${pointer(name)}`, `no property (${type} does not declare ${name})`, o[name], `unknown property ${name}`);
    if (ctx.full) return;
  }
}

/** The qualified type name in an `@odata.type` value: `#` removed, an alias replaced by its namespace. */
export function typeNameOf(value: string, aliases: Readonly<Record<string, string>>): string {
  const name = value.charCodeAt(0) === 35 /* # */ ? value.slice(1) : value;
  const dot = name.lastIndexOf(".");
  if (dot > 0) {
    const ns = name.slice(0, dot);
    if (Object.prototype.hasOwnProperty.call(aliases, ns)) return `${aliases[ns]}${name.slice(dot)}`;
  }
  return name;
}

// ---- primitive values (OData JSON Format 4.01 §7.1, ABNF of OData URL Conventions) ----
// Each is a plain function so generated modules can refer to them across import cycles.

export function checkString(v: unknown, path: string, ctx: Context, maxLength?: number): void {
  if (typeof v !== "string") return ctx.fail(path, "Edm.String", v);
  if (maxLength !== undefined && v.length > maxLength) ctx.fail(path, `Edm.String of at most ${maxLength} characters`, v, `longer than MaxLength ${maxLength} (${v.length} characters)`);
}

export function checkBoolean(v: unknown, path: string, ctx: Context): void {
  if (typeof v !== "boolean") ctx.fail(path, "Edm.Boolean", v);
}

function integer(v: unknown, path: string, ctx: Context, name: string, min: number, max: number): void {
  if (typeof v !== "number" || !Number.isInteger(v)) return ctx.fail(path, name, v);
  if (v < min || v > max) ctx.fail(path, name, v, `${v} is outside the range of ${name} (${min} to ${max})`);
}

export function checkByte(v: unknown, path: string, ctx: Context): void {
  integer(v, path, ctx, "Edm.Byte", 0, 255);
}
export function checkSByte(v: unknown, path: string, ctx: Context): void {
  integer(v, path, ctx, "Edm.SByte", -128, 127);
}
export function checkInt16(v: unknown, path: string, ctx: Context): void {
  integer(v, path, ctx, "Edm.Int16", -32768, 32767);
}
export function checkInt32(v: unknown, path: string, ctx: Context): void {
  if (typeof v === "number" && (v | 0) === v) return;
  integer(v, path, ctx, "Edm.Int32", -2147483648, 2147483647);
}

const INT_TEXT = /^[+-]?[0-9]+$/;
const INT64_DIGITS = "9223372036854775807";

/** Edm.Int64: a JSON number, or a string of digits (always under IEEE754Compatible). */
export function checkInt64(v: unknown, path: string, ctx: Context): void {
  if (typeof v === "number") {
    if (ctx.ieee754) return ctx.fail(path, "Edm.Int64 as a string (IEEE754Compatible)", v);
    if (!Number.isInteger(v)) ctx.fail(path, "Edm.Int64", v);
    return;
  }
  if (typeof v === "string" && INT_TEXT.test(v)) {
    const negative = v.charCodeAt(0) === 45;
    const digits = v.replace(/^[+-]?0*/, "");
    const limit = negative ? "9223372036854775808" : INT64_DIGITS;
    if (digits.length > 19 || (digits.length === 19 && digits > limit)) ctx.fail(path, "Edm.Int64", v, `${v} is outside the range of Edm.Int64`);
    return;
  }
  ctx.fail(path, "Edm.Int64", v);
}

const DECIMAL_TEXT = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/;

/** Edm.Decimal with optional Precision and Scale (CSDL §7.2.3–7.2.4). */
export function checkDecimal(v: unknown, path: string, ctx: Context, precision?: number, scale?: number): void {
  let text: string;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return ctx.fail(path, "Edm.Decimal", v);
    if (ctx.ieee754) return ctx.fail(path, "Edm.Decimal as a string (IEEE754Compatible)", v);
    text = String(v);
  } else if (typeof v === "string" && DECIMAL_TEXT.test(v)) text = v;
  else return ctx.fail(path, "Edm.Decimal", v);
  if (precision === undefined && scale === undefined) return;
  const digits = decimalDigits(text);
  if (scale !== undefined && digits.fraction > scale) return ctx.fail(path, `Edm.Decimal with Scale ${scale}`, v, `${digits.fraction} digits after the point; Scale allows ${scale}`);
  if (precision !== undefined && digits.integer + digits.fraction > precision) ctx.fail(path, `Edm.Decimal with Precision ${precision}`, v, `${digits.integer + digits.fraction} significant digits; Precision allows ${precision}`);
}

function decimalDigits(text: string): { integer: number; fraction: number } {
  const m = /^[+-]?([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(text);
  if (!m) return { integer: 0, fraction: 0 };
  let int = m[1];
  let frac = m[2] ?? "";
  const exp = m[3] ? Number(m[3]) : 0;
  if (exp > 0) {
    int = int + frac.slice(0, exp).padEnd(exp, "0");
    frac = frac.slice(exp);
  } else if (exp < 0) {
    const all = int.padStart(-exp, "0");
    frac = all.slice(all.length + exp) + frac;
    int = all.slice(0, all.length + exp);
  }
  return { integer: int.replace(/^0+/, "").length, fraction: frac.replace(/0+$/, "").length };
}

/** Edm.Single and Edm.Double: a JSON number, or "INF", "-INF", "NaN". */
export function checkDouble(v: unknown, path: string, ctx: Context): void {
  if (typeof v === "number" || v === "INF" || v === "-INF" || v === "NaN") return;
  ctx.fail(path, "Edm.Double", v);
}
export function checkSingle(v: unknown, path: string, ctx: Context): void {
  if (typeof v === "number" || v === "INF" || v === "-INF" || v === "NaN") return;
  ctx.fail(path, "Edm.Single", v);
}

const GUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
export function checkGuid(v: unknown, path: string, ctx: Context): void {
  if (typeof v !== "string" || !GUID.test(v)) ctx.fail(path, "Edm.Guid", v);
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function realDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

const DATE = /^(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})$/;
export function checkDate(v: unknown, path: string, ctx: Context): void {
  const m = typeof v === "string" ? DATE.exec(v) : null;
  if (!m || !realDate(Number(m[1]), Number(m[2]), Number(m[3]))) ctx.fail(path, "Edm.Date (YYYY-MM-DD)", v);
}

const TIME = /^([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9])(?:\.([0-9]+))?)?$/;
export function checkTimeOfDay(v: unknown, path: string, ctx: Context, precision?: number): void {
  const m = typeof v === "string" ? TIME.exec(v) : null;
  if (!m) return ctx.fail(path, "Edm.TimeOfDay (hh:mm:ss.fff)", v);
  if (precision !== undefined && m[4] !== undefined && m[4].length > precision) ctx.fail(path, `Edm.TimeOfDay with Precision ${precision}`, v, `${m[4].length} fractional digits; Precision allows ${precision}`);
}

const DATE_TIME =
  /^(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})T([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9])(?:\.([0-9]+))?)?(Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$/i;

/** RFC 3339 date-time with offset; fractional-second Precision enforced only where the metadata declares it. */
export function checkDateTimeOffset(v: unknown, path: string, ctx: Context, precision?: number): void {
  const m = typeof v === "string" ? DATE_TIME.exec(v) : null;
  if (!m || !realDate(Number(m[1]), Number(m[2]), Number(m[3]))) return ctx.fail(path, "Edm.DateTimeOffset (RFC 3339)", v);
  if (precision !== undefined && m[7] !== undefined && m[7].length > precision) ctx.fail(path, `Edm.DateTimeOffset with Precision ${precision}`, v, `${m[7].length} fractional digits; Precision allows ${precision}`);
}

const DURATION = /^-?P(?=[0-9T])(?:([0-9]+)D)?(?:T(?=[0-9])(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+(?:\.[0-9]+)?)S)?)?$/;
/** ISO 8601 day-time duration as OData writes it: `P1DT2H3M4.5S`, `PT0S`, `-P1D`. */
export function checkDuration(v: unknown, path: string, ctx: Context): void {
  if (typeof v !== "string" || !DURATION.test(v)) ctx.fail(path, "Edm.Duration (ISO 8601, e.g. PT1H30M)", v);
}

const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;
/** Edm.Binary: base64url (RFC 4648 §5), padding optional. */
export function checkBinary(v: unknown, path: string, ctx: Context): void {
  if (typeof v !== "string" || !BASE64URL.test(v) || v.replace(/=+$/, "").length % 4 === 1) ctx.fail(path, "Edm.Binary (base64url)", v);
}

/** Edm.Untyped and Edm.Stream: any JSON value is accepted. */
export function checkAny(_v: unknown, _path: string, _ctx: Context): void {}

/** GeoJSON (RFC 7946) as OData writes Geography and Geometry values; `kind` "" accepts any GeoJSON type. */
export function checkGeo(v: unknown, path: string, ctx: Context, kind: string, name: string): void {
  if (!isObject(v) || typeof v.type !== "string") return ctx.fail(path, `${name} (GeoJSON)`, v);
  if (kind !== "" && v.type !== kind) return ctx.fail(`${path}/type`, `${name} (GeoJSON ${kind})`, v.type, `GeoJSON type ${String(v.type)}, expected ${kind}`);
  if (v.type === "GeometryCollection") {
    if (!Array.isArray(v.geometries)) ctx.fail(`${path}/geometries`, "array of GeoJSON geometries", v.geometries);
  } else if (!Array.isArray(v.coordinates)) ctx.fail(`${path}/coordinates`, "GeoJSON coordinates", v.coordinates);
}

/** An enum value by member name (OData JSON Format §7.1); flags enums take comma-separated names. */
export function checkEnum(v: unknown, path: string, ctx: Context, name: string, members: ReadonlySet<string>, flags: boolean): void {
  if (typeof v !== "string") return ctx.fail(path, name, v);
  if (members.has(v)) return;
  if (flags && v.indexOf(",") !== -1 && v.split(",").every((m) => members.has(m.trim()))) return;
  ctx.fail(path, name, v, `${JSON.stringify(v)} is not a member of ${name}`);
}
