/**
 * Declaring a schema's types, so that references may point forward and across schemas: enum types
 * with their members, type definitions, and entity and complex types whose bases and members are
 * linked once every type is declared (build-members.ts).
 */
import type { ModelBuilder } from "./build";
import { facets, primitive, primitiveName } from "./build-type-refs";
import { given } from "./given";
import { meantPrimitive } from "./primitive-hint";
import { Codes, placeOf, type SourceRef } from "../diagnostics";
import type { RawAnnotation, RawEnumType, RawSchema, RawStructuredType } from "../parse/raw";
import { ABSTRACT_TYPES, ENUM_RANGES, enumMemberValue, PRIMITIVES } from "./rules";
import type { ComplexType, EntityType, EnumType, PrimitiveName, Schema, SchemaType, StructuredType, TypeDefinition } from "./types";
import { wordingOf } from "./wording";

/** An entity or complex type declared, with its raw element: its base and members are linked later. */
export interface Pending {
  raw: RawStructuredType;
  type: StructuredType;
}

function declareType(b: ModelBuilder, schema: Schema, type: SchemaType, path: string): void {
  b.identifier(type.name, "type", path, type.at);
  const first = b.types.get(type.qualifiedName);
  if (first && given(type.name)) {
    // Types are declared kind by kind, so which is first in the documents is known only once all
    // are (reportRedeclared).
    const list = b.redeclared.get(type.qualifiedName);
    if (list) list.push(type.at);
    else b.redeclared.set(type.qualifiedName, [first.at, type.at]);
    return;
  }
  b.types.set(type.qualifiedName, type);
  schema.types.push(type);
}

/**
 * Each type defined more than once (declareType) is reported at every definition after the first
 * in the documents (the inputs in the order given, each in text order), naming the first.
 */
export function reportRedeclared(b: ModelBuilder): void {
  if (b.redeclared.size === 0) return;
  const order = new Map(b.docs.map((d, i) => [d.schemas[0]?.at.source, i]));
  for (const [name, places] of b.redeclared) {
    const sorted = [...places].sort((x, y) => (order.get(x.source) ?? 0) - (order.get(y.source) ?? 0) || x.offset - y.offset);
    for (const at of sorted.slice(1))
      b.diags.error(Codes.duplicateName, `${name} is defined more than once; the first is at ${placeOf(sorted[0])}`, name, at);
  }
}

export function declareTypes(b: ModelBuilder, raw: RawSchema, schema: Schema, pending: Pending[]): void {
  const ns = raw.namespace;
  const named = (name: string, annotations: RawAnnotation[], at: SourceRef) => ({
    name,
    namespace: ns,
    qualifiedName: `${ns}.${name}`,
    annotations: b.annotations(annotations, `${ns}.${name}`),
    at,
  });
  for (const e of raw.enumTypes) {
    const underlying = enumUnderlying(b, e.underlyingType, `${ns}.${e.name}`, e.at);
    const t: EnumType = {
      kind: "enum",
      ...named(e.name, e.annotations, e.at),
      underlying,
      isFlags: b.flag("IsFlags", e.isFlags, `${ns}.${e.name}`, e.at),
      members: enumMembers(b, e, `${ns}.${e.name}`, underlying),
    };
    declareType(b, schema, t, t.qualifiedName);
    if (b.readBody && e.body) b.unfilledEnums.set(t, e);
  }
  for (const d of raw.typeDefinitions) {
    const path = `${ns}.${d.name}`;
    const u = primitiveName(d.underlyingType);
    if (!u && given(d.underlyingType)) {
      const near = (b.hintBudget -= PRIMITIVES.size) >= 0 ? meantPrimitive(d.underlyingType) : undefined;
      b.diags.error(Codes.unknownPrimitive, `type definition's underlying type ${d.underlyingType} is not an Edm primitive type${near ? ` (did you mean ${near}?)` : ""}`, path, d.at);
    }
    if (u && ABSTRACT_TYPES.has(u))
      b.diags.error(Codes.unknownPrimitive, `type definition's underlying type ${d.underlyingType} is abstract, not a primitive type a value can have (CSDL 4.01 §11.1)`, path, d.at);
    const t: TypeDefinition = {
      kind: "typedef",
      ...named(d.name, d.annotations, d.at),
      underlying: primitive(u ?? "String"),
      facets: facets(b, d, path, d.at, u),
    };
    declareType(b, schema, t, path);
  }
  for (const c of raw.complexTypes) {
    const t: ComplexType = {
      kind: "complex",
      ...named(c.name, c.annotations, c.at),
      abstract: b.flag("Abstract", c.abstract, `${ns}.${c.name}`, c.at),
      open: b.flag("OpenType", c.openType, `${ns}.${c.name}`, c.at),
      derived: [],
      properties: [],
      navigationProperties: [],
    };
    declareType(b, schema, t, t.qualifiedName);
    pending.push({ raw: c, type: t });
  }
  for (const e of raw.entityTypes) {
    const t: EntityType = {
      kind: "entity",
      ...named(e.name, e.annotations, e.at),
      abstract: b.flag("Abstract", e.abstract, `${ns}.${e.name}`, e.at),
      open: b.flag("OpenType", e.openType, `${ns}.${e.name}`, e.at),
      hasStream: b.flag("HasStream", e.hasStream, `${ns}.${e.name}`, e.at),
      derived: [],
      properties: [],
      navigationProperties: [],
      key: [],
      keyNames: [],
    };
    declareType(b, schema, t, t.qualifiedName);
    pending.push({ raw: e, type: t });
  }
}

export function enumMembers(b: ModelBuilder, e: RawEnumType, qualifiedName: string, underlying: PrimitiveName): EnumType["members"] {
  const unique = b.uniqueNames(qualifiedName);
  const [min, max] = ENUM_RANGES[underlying] ?? ENUM_RANGES.Int64!;
  return e.members.map((m, i) => {
    const path = `${qualifiedName}/${m.name}`;
    b.identifier(m.name, "enum member", path, m.at);
    unique(m.name, m.at);
    const value = enumMemberValue(m.value, i);
    // CSDL §10.2: an integer the underlying type holds; kept exactly, also beyond ±2^53.
    const integer = m.value !== undefined && /^\s*[+-]?[0-9]+\s*$/.test(m.value) ? BigInt(m.value.trim()) : undefined;
    if (m.value !== undefined && (integer === undefined || integer < min || integer > max)) {
      b.diags.warning(Codes.invalidAttribute, `${wordingOf(m.at).memberValue(m.name, m.value)} is not an integer Edm.${underlying} holds (${min} to ${max}); read as ${integer ?? value}`, path, m.at);
    }
    return { name: m.name, value, exact: String(integer ?? value), annotations: b.annotations(m.annotations, path) };
  });
}

function enumUnderlying(b: ModelBuilder, raw: string | undefined, path: string, at: SourceRef): PrimitiveName {
  if (raw === undefined) return "Int32";
  const p = primitiveName(raw);
  if (p === "Byte" || p === "SByte" || p === "Int16" || p === "Int32" || p === "Int64") return p;
  b.diags.error(Codes.invalidAttribute, `enum underlying type must be Edm.Byte, SByte, Int16, Int32 or Int64, not ${raw}`, path, at);
  return "Int32";
}
