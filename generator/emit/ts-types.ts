/**
 * TypeScript type expressions for model types, as the OData JSON format represents values
 * (OData JSON Format 4.01 §7.1: Int64 and Decimal may be strings under IEEE754Compatible; Single and
 * Double may be "INF", "-INF" or "NaN").
 */
import { deprecation, description, isWriteOnly } from "../model/rules";
import type { Annotation, Facets, ModelType, PrimitiveName, SchemaType, TypeRef } from "../model/types";
import type { EmitContext } from "./context";
import { readsAsUnion, usesUnion } from "./context";
import { jsdoc, moduleSpecifier, type Imports } from "./imports";

const PRIMITIVE_TS: Partial<Record<PrimitiveName, string>> = {
  Boolean: "boolean",
  Byte: "number",
  SByte: "number",
  Int16: "number",
  Int32: "number",
  Int64: "number | string",
  Decimal: "number | string",
  Single: "number | edm.SpecialFloat",
  Double: "number | edm.SpecialFloat",
  String: "string",
  Guid: "string",
  Date: "string",
  DateTimeOffset: "string",
  TimeOfDay: "string",
  Duration: "string",
  Binary: "string",
  Stream: "string",
  Untyped: "unknown",
  PrimitiveType: "unknown",
  ComplexType: "Record<string, unknown>",
  EntityType: "Record<string, unknown>",
  AnnotationPath: "string",
  PropertyPath: "string",
  NavigationPropertyPath: "string",
  AnyPropertyPath: "string",
  ModelElementPath: "string",
};

/**
 * The text form of the primitive types JSON writes as strings of a format the TypeScript type
 * (`string`) does not show: the doc comment of a property of such a type names it, as the
 * validators' messages and the runtime's key literals do (`Edm.Duration (ISO 8601, e.g. PT1H30M)`).
 */
const PRIMITIVE_FORM: Partial<Record<PrimitiveName, string>> = {
  DateTimeOffset: "Edm.DateTimeOffset (RFC 3339 text, e.g. 2019-11-01T00:00:00Z)",
  Date: "Edm.Date (e.g. 2019-11-01)",
  TimeOfDay: "Edm.TimeOfDay (e.g. 13:20:00)",
  Duration: "Edm.Duration (ISO 8601, e.g. PT1H30M)",
  Binary: "Edm.Binary (base64url or base64 text)",
};

/**
 * What a doc comment says of a value of `ref`'s primitive type, or undefined: its form
 * (`PRIMITIVE_FORM`) and what its facets allow (`facetLimit`), one parenthesis,
 * `Edm.Binary (base64url or base64 text, up to 16 bytes)`, `Edm.Decimal (up to 9 digits, 2 after the
 * point)`; a collection's limit is its items', `each up to 10 characters`.
 */
export function valueForm(ref: TypeRef): string | undefined {
  if (ref.type.kind !== "primitive") return undefined;
  const form = PRIMITIVE_FORM[ref.type.name];
  const limit = facetLimit(ref.type.name, ref.facets);
  if (!limit) return form;
  const text = `${ref.collection ? "each " : ""}${limit}`;
  return form ? `${form.slice(0, -1)}, ${text})` : `Edm.${ref.type.name} (${text})`;
}

/**
 * What a use's facets allow a value of the primitive type `name`, in words, or undefined where they
 * allow any: `MaxLength` of a string (characters) or binary value (bytes; CSDL §7.2.2, not `max`),
 * `Precision` and `Scale` of a decimal (§7.2.3, §7.2.4: significant digits, and digits after the
 * point; `variable` leaves the split open, `floating` makes it a decimal floating-point number).
 * Precision alone is `up to 9 digits before the point`, what the validators check: CSDL XML's
 * absent Scale is 0, which would allow none after it, but services that leave it out send fractions.
 */
export function facetLimit(name: PrimitiveName, f: Facets): string | undefined {
  if (name === "String" || name === "Binary") return typeof f.maxLength === "number" ? `up to ${count(f.maxLength, name === "String" ? "character" : "byte")}` : undefined;
  if (name !== "Decimal") return undefined;
  const { precision, scale } = f;
  if (scale === "floating") return `floating point${precision === undefined ? "" : `, up to ${count(precision, "significant digit")}`}`;
  if (precision === undefined) return typeof scale === "number" ? (scale ? `up to ${count(scale, "digit")} after the point` : "no digits after the point") : undefined;
  if (typeof scale === "number") return `up to ${count(precision, "digit")}, ${scale || "none"} after the point`;
  return `up to ${count(precision, "digit")}${scale === undefined ? " before the point" : ""}`;
}

/** `1 byte`, `16 bytes`. */
function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/**
 * The doc comment of a member holding a value (a property in the types module, an operation's
 * parameter in its `params` type): its description, the text form of a date, time, duration or
 * binary value and what its facets allow (`valueForm`), and its deprecation.
 */
export function memberDoc(member: { annotations: Annotation[]; type: TypeRef }, allowed?: readonly string[]): string {
  const deprecated = deprecation(member.annotations);
  const writeOnly = isWriteOnly(member) ? "Write-only (Core.Permissions Write): reads do not hold it." : undefined;
  return jsdoc("  ", [description(member.annotations), valueForm(member.type), allowed && derivedTypesDoc(allowed), writeOnly, deprecated && `@deprecated ${deprecated}`]);
}

/** A doc comment's line on what a Validation.DerivedTypeConstraint allows (model/validation-terms.ts `allowedDerivedTypes`). */
export function derivedTypesDoc(allowed: readonly string[]): string {
  const names = allowed.map((n) => `\`${n}\``);
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}` : names[0];
  return `Only ${list} values (Validation.DerivedTypeConstraint).`;
}

export function primitiveTs(name: PrimitiveName): string {
  const direct = PRIMITIVE_TS[name];
  if (direct) return direct;
  // Geography*/Geometry*: GeoJSON (OData JSON Format §7.1).
  const kind = name.replace(/^Geo(graphy|metry)/, "");
  return `edm.Geo${kind || "Json"}`;
}

/** Whether a type expression needs the `edm` helper types. */
export function needsEdm(ts: string): boolean {
  return ts.includes("edm.");
}

/** Pass as `namespace` when writing a module that declares no types (validators, requests): every type is imported. */
export const NO_TYPES = "";

/** The name to use for a schema type in the types module of `namespace`, importing it if needed. */
export function typeName(ctx: EmitContext, t: SchemaType, namespace: string, imports: Imports, union = false): string {
  const local = union ? `Any${ctx.names.type(t)}` : ctx.names.type(t);
  if (t.namespace === namespace) return local;
  return imports.use(moduleSpecifier(t.namespace, "types"), local, t.namespace);
}

/** The value type of a single (non-collection) value of `type`; `read`: as a read holds it (see `readRefType`). */
function valueType(ctx: EmitContext, type: ModelType, namespace: string, imports: Imports, read = false): string {
  if (type.kind === "primitive") return primitiveTs(type.name);
  return typeName(ctx, type, namespace, imports, read ? readsAsUnion(ctx, type) : usesUnion(ctx, type));
}

/** The full type of a property/parameter/return value, `null` included where the model allows it. */
export function refType(ctx: EmitContext, ref: TypeRef, namespace: string, imports: Imports): string {
  return withCollection(valueType(ctx, ref.type, namespace, imports), ref);
}

/**
 * As `refType`, for a value a read holds (a property, an operation's result): a concrete complex
 * type with subtypes as its `Any…` union too (`subtypeFamily`), so that `@odata.type` narrows it.
 * (A parameter keeps `refType`: a value typed as the base type is what a caller has.)
 */
export function readRefType(ctx: EmitContext, ref: TypeRef, namespace: string, imports: Imports): string {
  return withCollection(valueType(ctx, ref.type, namespace, imports, true), ref);
}

function withCollection(item: string, ref: TypeRef): string {
  if (ref.collection) {
    const it = ref.nullable ? `${item} | null` : item;
    return /[ |&]/.test(it) ? `(${it})[]` : `${it}[]`;
  }
  return item;
}

/**
 * Names `Object.prototype` has (`constructor`, `toString`, …): a property or parameter so named is
 * read as an own property only, so an inherited member never counts as its value.
 */
export const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));
