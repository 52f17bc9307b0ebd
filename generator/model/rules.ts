/**
 * OData rules as small pure functions, each citing the section of the CSDL specification it applies.
 * (OASIS OData CSDL XML 4.01, referred to as "CSDL".)
 */
import type { Annotation, Facets, NavigationProperty, Operation, Parameter, PrimitiveName, ModelType, Property, StructuredType, TypeRef } from "./types";
import type { RawExpression, RawFacets } from "../parse/raw";

/**
 * Whether a function's parameter has no literal form in a URL path, so that a URL gives it as JSON
 * in a parameter alias (`spec=@s`, the value in the query, URL Conventions §4.5.1): a collection, a
 * complex or entity value, or a value of an abstract, untyped or stream type or a path (Edm.Untyped,
 * Edm.PrimitiveType, Edm.ComplexType, Edm.EntityType, Edm.Stream, Edm.*Path).
 */
export function inParameterAlias(ref: TypeRef): boolean {
  if (ref.collection) return true;
  const t = ref.type;
  const primitive = t.kind === "primitive" ? t : t.kind === "typedef" ? t.underlying : undefined;
  if (!primitive) return t.kind !== "enum";
  return /^(Untyped|Stream|PrimitiveType|ComplexType|EntityType)/.test(primitive.name) || primitive.name.endsWith("Path");
}

/**
 * The value of a boolean attribute, typed `xs:boolean` in the CSDL XML schema: `true` or `1`, `false`
 * or `0`, with whitespace around it allowed; undefined for anything else (the model reports it).
 */
export function xsBoolean(raw: string): boolean | undefined {
  const v = raw.trim();
  return v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : undefined;
}

/** CSDL §7.2.2–7.2.5: facet values, with `max`, `variable` and `floating` kept as words (`Unicode`, a boolean, is read with the others by the model). */
export function readFacets(raw: RawFacets): Facets {
  const f: Facets = {};
  if (raw.maxLength !== undefined) f.maxLength = raw.maxLength.toLowerCase() === "max" ? "max" : toInt(raw.maxLength);
  if (raw.precision !== undefined) f.precision = toInt(raw.precision);
  if (raw.scale !== undefined) {
    const s = raw.scale.toLowerCase();
    f.scale = s === "variable" || s === "floating" ? s : toInt(raw.scale);
  }
  if (raw.srid !== undefined) f.srid = raw.srid;
  return f;
}

/**
 * CSDL 4.01 §7.2.6: the SRID a Geography or Geometry value is in: the `SRID` facet where it is a
 * number; "If no value is specified, the attribute defaults to 0 for Geometry types or 4326 for
 * Geography types" (also taken for `variable`, where the metadata names none).
 */
export function spatialReference(primitive: PrimitiveName, facets: Facets): number {
  const given = facets.srid !== undefined && /^\d+$/.test(facets.srid.trim()) ? Number(facets.srid) : undefined;
  return given ?? (primitive.startsWith("Geography") ? 4326 : 0);
}

/**
 * A facet's integer: a non-negative one that a double holds exactly (at most 2^53 − 1, which no
 * length, precision or scale reaches; the emitted code names a facet by its digits, `checkStringL50`),
 * written in decimal digits (`Number` would also read `0x10`, `1e3`, and `""` as 0).
 */
function toInt(s: string): number | undefined {
  if (!/^\s*\+?\d+\s*$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** CSDL §3.3: `Collection(T)` wraps the item type name. */
/** CSDL §15.2 SimpleIdentifier: a letter or underscore, then up to 127 letters, digits or underscores (Unicode). */
const SIMPLE_IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]{0,127}$/u;

export function isSimpleIdentifier(name: string): boolean {
  return SIMPLE_IDENTIFIER.test(name);
}

/** CSDL §5.1, §5.2: names no namespace or alias may take. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(["Edm", "odata", "System", "Transient"]);

/** CSDL §15.1 Namespace: simple identifiers separated by dots, at most 511 characters. */
export function isNamespace(name: string): boolean {
  return name.length <= 511 && name.split(".").every(isSimpleIdentifier);
}

export function parseTypeName(raw: string): { name: string; collection: boolean } {
  const m = /^Collection\((.+)\)$/.exec(raw.trim());
  return m ? { name: m[1].trim(), collection: true } : { name: raw.trim(), collection: false };
}

/** CSDL §10.2: enum member values default to 0, 1, 2, … in document order when none is given. */
export function enumMemberValue(raw: string | undefined, index: number): number {
  if (raw === undefined) return index;
  const n = Number(raw);
  return Number.isInteger(n) ? n : index;
}

/** The values each integer type an enum may have as its underlying type holds (CSDL §10.1, §4.4). */
export const ENUM_RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  Byte: [0n, 255n],
  SByte: [-128n, 127n],
  Int16: [-32768n, 32767n],
  Int32: [-2147483648n, 2147483647n],
  Int64: [-(2n ** 63n), 2n ** 63n - 1n],
};

/** CSDL §4.4: the primitive types of the `Edm` namespace. */
export const PRIMITIVES: ReadonlySet<string> = new Set<PrimitiveName>([
  "Binary", "Boolean", "Byte", "Date", "DateTimeOffset", "Decimal", "Double", "Duration", "Guid", "Int16",
  "Int32", "Int64", "SByte", "Single", "Stream", "String", "TimeOfDay", "Geography", "GeographyPoint",
  "GeographyLineString", "GeographyPolygon", "GeographyMultiPoint", "GeographyMultiLineString",
  "GeographyMultiPolygon", "GeographyCollection", "Geometry", "GeometryPoint", "GeometryLineString",
  "GeometryPolygon", "GeometryMultiPoint", "GeometryMultiLineString", "GeometryMultiPolygon",
  "GeometryCollection", "Untyped", "PrimitiveType", "ComplexType", "EntityType", "AnnotationPath",
  "PropertyPath", "NavigationPropertyPath", "AnyPropertyPath", "ModelElementPath",
]);

/**
 * CSDL 4.01 §3.3 and §11.1: the abstract types, which no type definition has as its underlying type
 * (that is a concrete primitive type: Edm.PrimitiveType "cannot be used as the underlying type of a
 * type definition", and Edm.Untyped, Edm.ComplexType and Edm.EntityType are not primitive).
 */
export const ABSTRACT_TYPES: ReadonlySet<string> = new Set<PrimitiveName>(["Untyped", "PrimitiveType", "ComplexType", "EntityType"]);

/** Edm.DateTime (OData V2/V3) is read as Edm.DateTimeOffset and Edm.Time as Edm.Duration. */
export const LEGACY_PRIMITIVES: ReadonlyMap<string, PrimitiveName> = new Map<string, PrimitiveName>([
  ["DateTime", "DateTimeOffset"],
  ["Time", "Duration"],
]);

export const CORE = "Org.OData.Core.V1";
/** The numeric primitive types (their values compare as numbers). */
export const NUMERIC_PRIMITIVES: ReadonlySet<string> = new Set(["Byte", "SByte", "Int16", "Int32", "Int64", "Decimal", "Single", "Double"]);
/** The Validation vocabulary (validation-terms.ts). */
export const VALIDATION = "Org.OData.Validation.V1";
// The terms read for every element, spelled out once (not rebuilt per comparison).
const DESCRIPTION = `${CORE}.Description`;
const LONG_DESCRIPTION = `${CORE}.LongDescription`;
const COMPUTED = `${CORE}.Computed`;
const IMMUTABLE = `${CORE}.Immutable`;
const REVISIONS = `${CORE}.Revisions`;
const OPTIONAL_PARAMETER = `${CORE}.OptionalParameter`;
const PERMISSIONS = `${CORE}.Permissions`;
const AUTO_EXPAND = `${CORE}.AutoExpand`;
export const CAPABILITIES = "Org.OData.Capabilities.V1";

/**
 * The terms whose values change the generated code. A term applied twice is a warning only for
 * these: for another term the generated code is the same whichever value is kept.
 */
export const TERMS_READ: ReadonlySet<string> = new Set([
  DESCRIPTION, LONG_DESCRIPTION, COMPUTED, IMMUTABLE, REVISIONS, OPTIONAL_PARAMETER, PERMISSIONS, AUTO_EXPAND, `${CORE}.AcceptableMediaTypes`,
  `${CORE}.OptimisticConcurrency`, `${CORE}.RequiresExplicitBinding`, `${CAPABILITIES}.KeyAsSegmentSupported`, `${CORE}.DefaultNamespace`, `${CORE}.AlternateKeys`,
  ...["Minimum", "Maximum", "Pattern", "AllowedValues", "MinItems", "MaxItems", "MultipleOf"].map((t) => `${VALIDATION}.${t}`),
]);

/** The string value of an annotation, when it is a constant. */
function stringValue(e: RawExpression | undefined): string | undefined {
  return e && e.kind === "constant" ? e.value : undefined;
}

/**
 * Core.Description / Core.LongDescription (Org.OData.Core.V1): the text for a doc comment. One loop
 * and no intermediate arrays: it runs for every type, property and navigation property.
 */
export function description(annotations: readonly Annotation[]): string | undefined {
  let short: Annotation | undefined;
  let long: Annotation | undefined;
  for (const a of annotations) {
    if (a.qualifier) continue;
    if (a.term === DESCRIPTION) short ??= a;
    else if (a.term === LONG_DESCRIPTION) long ??= a;
  }
  const d = text(short);
  const l = text(long);
  return d && l ? `${d}\n\n${l}` : d || l;
}

/**
 * An annotation's constant value unless it is blank, without blank lines at its start: a `<String>`
 * element's value is all its text, and one written on the lines between its tags starts with a line
 * break, which a doc comment does not want (the emitter drops the trailing ones).
 */
function text(a: Annotation | undefined): string | undefined {
  const s = stringValue(a?.value);
  return s && s.trim() !== "" ? s.replace(LEADING_BLANK_LINES, "") : undefined;
}
const LEADING_BLANK_LINES = /^(?:[ \t]*\r?\n)+/;

/**
 * A Boolean term applies when present without a value or with value `true` (Core vocabulary, Tag
 * type); `Bool` is xs:boolean in CSDL XML's schema, so `1` is true too. Any other value (reported by
 * annotation-values.ts) reads as false.
 */
export function hasTag(annotations: readonly Annotation[], term: string): boolean {
  const a = annotations.find((x) => x.term === term && !x.qualifier);
  if (!a) return false;
  if (!a.value) return true;
  if (a.value.kind !== "constant") return false;
  return a.value.type === "Bool" ? xsBoolean(a.value.value) === true : a.value.value === "true";
}

/** Core.Computed: the service computes the value; clients do not send it. */
export function isComputed(p: Property): boolean {
  return hasTag(p.annotations, COMPUTED);
}

/**
 * Core.Permissions `Read` alone on a property (Graph's "This property is read-only"): clients read it
 * and do not send it, as a computed one. `ReadWrite`, or `Write` beside `Read`, may be sent.
 */
export function isReadOnly(p: Property): boolean {
  return permissions(p.annotations) === 1;
}

/**
 * Core.Permissions `Write` alone (Graph's engagement conversations' `creationMode`): clients may send
 * it, and reads do not hold it, so it is optional in the read type and in a read's validation
 * whatever its Nullable (`alwaysPresent`).
 */
export function isWriteOnly(member: { annotations: readonly Annotation[] }): boolean {
  return permissions(member.annotations) === 2;
}

/**
 * A member's Core.Permissions as the flags' number (Read 1, Write 2, ReadWrite 3, None 0);
 * undefined where it has none. The value is a flags member list, `Core.Permission/Read` in CSDL XML
 * (with the namespace or its alias, several separated by spaces), `"Read"` in CSDL JSON (several by
 * commas), or its number.
 */
function permissions(annotations: readonly Annotation[]): number | undefined {
  const a = annotations.find((x) => x.term === PERMISSIONS && !x.qualifier);
  if (a?.value?.kind !== "constant") return undefined;
  const text = a.value.value.trim();
  if (/^\d+$/.test(text)) return Number(text) & 3;
  return text.split(/[\s,]+/).reduce((n, m) => n | (PERMISSION_FLAGS.get(m.slice(m.lastIndexOf("/") + 1)) ?? 0), 0);
}

const PERMISSION_FLAGS = new Map([["None", 0], ["Read", 1], ["Write", 2], ["ReadWrite", 3]]);

/** Core.AutoExpand on a navigation property: the service expands it without `$expand`. */
export function isAutoExpanded(n: NavigationProperty): boolean {
  return hasTag(n.annotations, AUTO_EXPAND);
}

/** Core.Immutable: a value may be given on create but not changed afterwards. */
export function isImmutable(p: Property): boolean {
  return hasTag(p.annotations, IMMUTABLE);
}

/**
 * Whether a caller may leave a parameter out. Any parameter annotated Core.OptionalParameter (CSDL,
 * Parameter; its value, a record with an informative DefaultValue, does not matter); for an action also
 * a nullable one, which the service then reads as null (Protocol §11.5.5.1). A function's other
 * parameters must be given, as null where the parameter is nullable (§11.5.4.1.1).
 */
export function mayOmit(kind: Operation["kind"], p: Parameter): boolean {
  if (kind === "action" && p.type.nullable) return true;
  return p.annotations.some((a) => a.term === OPTIONAL_PARAMETER && !a.qualifier);
}

/**
 * Whether a structural property is always in a payload that holds its type. A value is never null, and
 * so always there, only when Nullable="false" (for a collection that speaks of its items, and the
 * collection itself is then always there too: CSDL §7.2.1), and a key is always there. A stream
 * property never is, whatever its Nullable: its value is read from its own URL and a payload carries
 * at most its `@odata.mediaReadLink` and other control information (JSON Format, Stream Property);
 * nor is a write-only one (Core.Permissions `Write` alone), which reads do not hold.
 */
export function alwaysPresent(p: Property, isKey: boolean): boolean {
  if (isStream(p)) return false;
  return isKey || (!p.type.nullable && !isWriteOnly(p));
}

/**
 * Whether `p` is a stream property: typed `Edm.Stream`, or a type definition of it (CSDL 4.01 §3.3
 * allows both). A read holds at most its media links (JSON Format 4.01 §4.5.12), or, asked for
 * inline, its value: JSON for a JSON media type, else a string. A body never holds it: its value is
 * written to its own URL (Protocol §11.4.8.1). A collection of streams, which CSDL does not allow
 * (a warning where it is declared, `linkMembers`), is read so too: nothing says what a payload holds.
 */
export function isStream(p: Property): boolean {
  return isStreamType(p.type.type);
}

/** Whether values of `t` are streams: `Edm.Stream`, or a type definition whose underlying type it is. */
export function isStreamType(t: ModelType): boolean {
  return t.kind === "primitive" ? t.name === "Stream" : t.kind === "typedef" && t.underlying.name === "Stream";
}

/** Whether `p` is a single-valued stream property, which has its own URL (`.../Photo`). */
export function isAddressableStream(p: Property): boolean {
  return !p.type.collection && isStreamType(p.type.type);
}

/**
 * The properties of `n`'s target that a deep insert through `n` may leave out: those the target's
 * partner navigation property ties to the entity `n` starts from by a referential constraint
 * (Protocol §11.4.2: the service sets them from the principal). Simple names only; a constraint on
 * a path into a complex property is left to the service.
 */
export function tiedByPartner(n: NavigationProperty): string[] {
  if (n.partner === undefined) return [];
  for (let t: StructuredType | undefined = n.target; t; t = t.baseType) {
    const back = t.navigationProperties.find((x) => x.name === n.partner);
    if (back) return back.constraints.map((c) => c.property).filter((p) => !p.includes("/"));
  }
  return [];
}

/**
 * Core.Revisions with Kind Deprecated: the reason text, for `@deprecated`. Kind is an enum member:
 * `Core.RevisionKind/Deprecated` in XML, `Deprecated` or its value `2` in CSDL JSON (§14.3.7: the
 * symbolic or the numeric value; RevisionKind's members are Added 0, Modified 1, Deprecated 2).
 */
export function deprecation(annotations: readonly Annotation[]): string | undefined {
  if (annotations.length === 0) return undefined;
  const a = annotations.find((x) => x.term === REVISIONS);
  if (!a?.value || a.value.kind !== "collection") return undefined;
  for (const item of a.value.items) {
    if (item.kind !== "record") continue;
    const kind = item.properties.find((p) => p.name === "Kind")?.value;
    if (kind?.kind === "constant" && (/Deprecated$/.test(kind.value) || kind.value.trim() === "2")) {
      const d = item.properties.find((p) => p.name === "Description")?.value;
      return stringValue(d) ?? "deprecated";
    }
  }
  return undefined;
}

/** All properties of a structured type, inherited first (CSDL §6.1.1: a derived type inherits them). */
export function allProperties(t: StructuredType): Property[] {
  return inherited(t, (c) => c.properties);
}

/**
 * `members` of `t` and of its base types, base first, in one array (no chain of types, no array per
 * type: the emitters ask for every type, and for every navigation property's target).
 */
function inherited<T>(t: StructuredType, members: (c: StructuredType) => readonly T[]): T[] {
  const out: T[] = t.baseType ? inherited(t.baseType, members) : [];
  for (const m of members(t)) out.push(m);
  return out;
}

/** CSDL §6.3: a type derived from an open type is open too. */
export function isOpen(t: StructuredType): boolean {
  for (let c: StructuredType | undefined = t; c; c = c.baseType) if (c.open) return true;
  return false;
}

/** Navigation properties of a type and its base types, base first (CSDL 4.01 §6.1: they are inherited). */

export function allNavigation(t: StructuredType): NavigationProperty[] {
  return inherited(t, (c) => c.navigationProperties);
}

/**
 * Whether a structured type leads to navigation properties: it or a type it reaches through its base
 * types and single-valued complex properties has some (what a URL path or a path builder may go
 * through to one, URL Conventions §4.6). Worked forwards from each type asked about, reading the
 * types on the way with `fill` (a lazily built model's), each answer kept.
 */
export function navigationReacher(fill?: (t: StructuredType) => void): (t: StructuredType) => boolean {
  const known = new Map<StructuredType, boolean>();
  return (start) => {
    const cached = known.get(start);
    if (cached !== undefined) return cached;
    const seen = new Set<StructuredType>([start]);
    const stack = [start];
    let found = false;
    for (let c = stack.pop(); c && !found; c = stack.pop()) {
      fill?.(c);
      if (c.navigationProperties.length > 0 || known.get(c) === true) found = true;
      const next: StructuredType[] = [];
      if (c.baseType) next.push(c.baseType);
      for (const p of c.properties) if (!p.type.collection && p.type.type.kind === "complex") next.push(p.type.type);
      for (const n of next)
        if (!seen.has(n)) {
          seen.add(n);
          stack.push(n);
        }
    }
    // Nothing found: no type on the way leads anywhere either.
    if (!found) for (const c of seen) known.set(c, false);
    known.set(start, found);
    return found;
  };
}

/**
 * How many types derive from `t`, directly or not; counted only up to `upTo + 1` where given (so that
 * asking whether each of a chain of thousands of types has more than `upTo` is not quadratic).
 */
export function countSubtypes(t: StructuredType, upTo = Infinity): number {
  let n = 0;
  const stack: StructuredType[] = [...t.derived];
  for (let c = stack.pop(); c; c = stack.pop()) {
    if (++n > upTo) return n;
    stack.push(...c.derived);
  }
  return n;
}

/** Every non-abstract descendant of a type (itself included when concrete), depth first in document order. */
export function concreteDescendants(t: StructuredType): StructuredType[] {
  const out: StructuredType[] = [];
  const visit = (c: StructuredType) => {
    if (!c.abstract) out.push(c);
    for (const d of c.derived) visit(d);
  };
  visit(t);
  return out;
}

/** CSDL §7.2.3: the most fractional-second digits a temporal type's Precision may ask for. */
export const MAX_TEMPORAL_PRECISION = 12;
export const TEMPORAL: ReadonlySet<string> = new Set(["DateTimeOffset", "TimeOfDay", "Duration"]);

/** CSDL §7.2.6: an SRID is a non-negative integer or `variable`. */
export function isSrid(raw: string): boolean {
  return /^\s*\d+\s*$/.test(raw) || raw.trim().toLowerCase() === "variable";
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const TIME = "([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?";
const DATE = "-?\\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])";
const LITERALS: Readonly<Record<string, RegExp>> = {
  Boolean: /^(true|false|1|0)$/i,
  Decimal: DECIMAL,
  Double: /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|-?INF|NaN)$/,
  Single: /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|-?INF|NaN)$/,
  Guid: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  Date: new RegExp(`^${DATE}$`),
  DateTimeOffset: new RegExp(`^${DATE}T${TIME}([Zz]|[+-]([01]\\d|2[0-3]):[0-5]\\d)$`),
  TimeOfDay: new RegExp(`^${TIME}$`),
  Duration: /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/,
  Binary: /^[A-Za-z0-9+/_-]*={0,2}$/,
};

/**
 * Whether `raw` is a literal of a primitive type, as a `DefaultValue` must be (CSDL §7.2.7; the
 * forms of CSDL XML's constant expressions, §14.3): integers in their type's range, decimals,
 * `INF`/`NaN` for floating-point types, Guids, dates and times, durations, base64url binary. Types
 * without a literal form that matters here (strings, streams, spatial, untyped) take any value.
 */
export function isLiteralOf(type: PrimitiveName, raw: string): boolean {
  const v = raw.trim();
  const range = ENUM_RANGES[type];
  if (range) {
    if (!/^[+-]?\d+$/.test(v)) return false;
    const n = BigInt(v);
    return n >= range[0] && n <= range[1];
  }
  const form = LITERALS[type];
  return form ? form.test(v) : true;
}

/**
 * Whether `raw` is a value of an enum type: member names, or for flags several separated by commas
 * (CSDL XML §14.3.8), or an integer (the member's value, which some services write).
 */
export function isEnumLiteral(members: readonly { name: string }[], isFlags: boolean, raw: string): boolean {
  const quoted = /^[\w.]+'(.*)'$/.exec(raw.trim()); // the URL form, ns.Color'Red'
  const v = quoted ? quoted[1].trim() : raw.trim();
  if (/^[+-]?\d+$/.test(v)) return true;
  const names = new Set(members.map((m) => m.name));
  const parts = v.split(isFlags ? /\s*,\s*|\s+/ : /(?!)/);
  return parts.every((p) => names.has(p.includes("/") ? p.slice(p.lastIndexOf("/") + 1) : p));
}

/** Characters no element name may hold (see ModelBuilder.identifier). */
export const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u2028\u2029*]/;

/** `@`, which a JSON payload reads as the start of an annotation's name (`Name@Core.Description`; JSON Format §20). */
export const AT_IN_NAME = /@/;

/** Half of a UTF-16 surrogate pair without its other half: no Unicode character (CSDL JSON's `\ud800` escape can write one). */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
