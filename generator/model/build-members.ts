/**
 * Linking the entity and complex types once every type is declared: each type's base type, then its
 * properties and navigation properties (their types resolved, their names unique across the type and
 * its bases, their default values checked).
 */
import type { ModelBuilder } from "./build";
import { collectionOfCollections, missingTypeHint, typeRef } from "./build-type-refs";
import type { Pending } from "./build-types";
import { given } from "./given";
import { Codes, type SourceRef } from "../diagnostics";
import { isEnumLiteral, isLiteralOf, isStreamType, parseTypeName } from "./rules";
import type { ComplexType, EntityType, NavigationProperty, StructuredType, TypeRef } from "./types";
import { wordingOf } from "./wording";

export function linkBase(b: ModelBuilder, { raw, type }: Pending): void {
  if (!raw.baseType) return;
  const path = type.qualifiedName;
  const base = b.types.get(b.qualify(raw.baseType, raw.at));
  if (!base) {
    b.diags.error(Codes.undefinedType, `base type ${raw.baseType} is not defined${missingTypeHint(b, b.qualify(raw.baseType, raw.at), [type.kind], raw.at)}`, path, raw.at);
    return;
  }
  if (base.kind !== type.kind) {
    b.diags.error(Codes.badBaseType, `base type ${raw.baseType} is not ${type.kind === "entity" ? "an entity" : "a complex"} type`, path, raw.at);
    return;
  }
  type.baseType = base as EntityType & ComplexType;
  base.derived.push(type as EntityType & ComplexType);
}

/**
 * A member's name is unique within its type and all of its base types (CSDL 4.01 §7, §8): a
 * derived type cannot declare a property or navigation property again (ODG104). Each is reported
 * at the nearest base type that declares it. Bases are linked (and their names collected) first.
 */
export function checkInheritedNames(b: ModelBuilder, type: StructuredType): void {
  const own = type.baseType ? [...type.properties, ...type.navigationProperties] : [];
  const reported = new Set<string>();
  for (let base = type.baseType; base && reported.size < own.length; base = base.baseType) {
    const names = memberNames(b, base);
    for (const m of own) {
      if (!names.has(m.name) || reported.has(m.name)) continue;
      reported.add(m.name);
      b.diags.error(
        Codes.duplicateName,
        `${type.qualifiedName} declares ${m.name}, which its base type ${base.qualifiedName} declares too (CSDL §7.1: a name is unique across a type and its base types)`,
        `${type.qualifiedName}/${m.name}`,
        m.at,
      );
    }
  }
}

/** The names of the members a structured type declares itself, computed once per type. */
function memberNames(b: ModelBuilder, t: StructuredType): ReadonlySet<string> {
  let names = b.memberNameSets.get(t);
  if (!names) b.memberNameSets.set(t, (names = new Set([...t.properties, ...t.navigationProperties].map((m) => m.name))));
  return names;
}

export function linkMembers(b: ModelBuilder, { raw, type }: Pending): void {
  const owner = type.qualifiedName;
  const declared = b.uniqueNames(owner);
  const unique = (name: string, at: SourceRef) => {
    b.identifier(name, "property", `${owner}/${name}`, at);
    declared(name, at);
  };
  for (const p of raw.properties) {
    const path = `${owner}/${p.name}`;
    unique(p.name, p.at);
    const ref = typeRef(b, p.type, p, path, p.at);
    if (ref.type.kind === "entity") {
      b.diags.error(Codes.invalidAttribute, `structural property cannot have entity type ${p.type}; use ${wordingOf(p.at).navigationProperty}`, path, p.at);
    }
    if (ref.collection && isStreamType(ref.type)) {
      b.diags.warning(Codes.invalidAttribute, `${wordingOf(p.at).type(p.type)} is a collection of streams (CSDL 4.01 §3.3: Edm.Stream, or a type definition of it, cannot be used in collections); read as a stream property: never required, any value in a read, none in a body`, path, p.at);
    }
    type.properties.push({
      kind: "property",
      name: p.name,
      type: ref,
      defaultValue: defaultValue(b, p.defaultValue, ref, path, p.at),
      annotations: b.annotations(p.annotations, path),
      declaringType: type,
      at: p.at,
    });
  }
  for (const n of raw.navigationProperties) {
    const path = `${owner}/${n.name}`;
    unique(n.name, n.at);
    const { name, collection } = parseTypeName(n.type);
    if (name === "Edm.EntityType") {
      // CSDL §4.4.1: the abstract Edm.EntityType may be a navigation target; there is no type to address.
      b.diags.warning(Codes.undefinedNavigationTarget, `navigation property to the abstract Edm.EntityType is left out`, path, n.at);
      continue;
    }
    if (!given(name) || collectionOfCollections(b, n.type, path, n.at)) continue;
    const target = b.types.get(b.qualify(name, n.at));
    if (!target || target.kind !== "entity") {
      b.diags.error(
        target ? Codes.undefinedNavigationTarget : Codes.undefinedType,
        target ? `navigation property type ${n.type} is not an entity type` : `type ${n.type} is not defined${missingTypeHint(b, b.qualify(name, n.at), ["entity"], n.at)}`,
        path,
        n.at,
      );
      continue;
    }
    if (collection && n.nullable !== undefined) {
      // CSDL 4.01 §8.2: Nullable must not be specified on a collection-valued navigation property.
      b.diags.warning(Codes.invalidAttribute, `${wordingOf(n.at).value("Nullable", n.nullable)} on a collection-valued navigation property (CSDL 4.01 §8.2: it must not be specified there; a collection may be empty, it is never null); it is ignored`, path, n.at);
    }
    const nav: NavigationProperty = {
      kind: "navigation",
      name: n.name,
      target,
      collection,
      // CSDL 4.01 §8.2: Nullable defaults to true; a collection is never null (it may be empty).
      nullable: !collection && b.flag("Nullable", n.nullable, path, n.at, true),
      containsTarget: b.flag("ContainsTarget", n.containsTarget, path, n.at),
      partner: n.partner,
      constraints: n.constraints?.map((c) => ({ property: c.property, referencedProperty: c.referencedProperty, at: c.at })) ?? [],
      annotations: b.annotations(n.annotations, path),
      declaringType: type,
      at: n.at,
    };
    type.navigationProperties.push(nav);
    if (n.partner !== undefined || n.constraints) b.linksToCheck.push(nav);
  }
}

/**
 * CSDL §7.2.7: a DefaultValue is a literal of the property's type (an enum's member names, a type
 * definition's underlying type); another is reported and ignored.
 */
function defaultValue(b: ModelBuilder, raw: string | undefined, ref: TypeRef, path: string, at: SourceRef): string | undefined {
  // `null` (CSDL JSON's $DefaultValue may be null) says what a nullable property's absence says already.
  if (raw === undefined || ref.collection || (ref.nullable && raw.trim() === "null")) return raw;
  const t = ref.type;
  let ok = true;
  if (t.kind === "primitive") ok = isLiteralOf(t.name, raw);
  else if (t.kind === "typedef") ok = isLiteralOf(t.underlying.name, raw);
  else if (t.kind === "enum") {
    if (b.readBody) b.fill(t);
    ok = isEnumLiteral(t.members, t.isFlags, raw);
  }
  if (ok) return raw;
  b.diags.warning(Codes.invalidAttribute, `${wordingOf(at).value("DefaultValue", raw)} is not a value of ${t.qualifiedName}; it is ignored`, path, at);
  return undefined;
}
