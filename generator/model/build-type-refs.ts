/**
 * Uses of a type: a type name resolved (an Edm primitive type, or a schema type by its qualified or
 * alias-qualified name), with a hint for one that names nothing, and the facets of the use (CSDL §7.2).
 */
import type { ModelBuilder } from "./build";
import { given } from "./given";
import { nearestName } from "../nearest-name";
import { meantPrimitive, nearestPrimitive } from "./primitive-hint";
import { Codes, type SourceRef } from "../diagnostics";
import type { RawFacets, RawReference } from "../parse/raw";
import { isSrid, LEGACY_PRIMITIVES, MAX_TEMPORAL_PRECISION, parseTypeName, PRIMITIVES, readFacets, TEMPORAL, UNSAFE_IN_NAME } from "./rules";
import type { Facets, ModelType, PrimitiveName, PrimitiveType, SchemaType, TypeRef } from "./types";
import { wordingOf } from "./wording";

const primitiveCache = new Map<string, PrimitiveType>();
/** The primitive type `Edm.<name>`: one object per name. */
export function primitive(name: PrimitiveName): PrimitiveType {
  let p = primitiveCache.get(name);
  if (!p) primitiveCache.set(name, (p = { kind: "primitive", name, qualifiedName: `Edm.${name}` }));
  return p;
}

/** The primitive type an `Edm.` name names (a V2/V3 one, as Edm.DateTime, as its V4 type: LEGACY_PRIMITIVES); else undefined. */
export function primitiveName(name: string): PrimitiveName | undefined {
  if (!name.startsWith("Edm.")) return undefined;
  const local = name.slice(4);
  if (PRIMITIVES.has(local)) return local as PrimitiveName;
  return LEGACY_PRIMITIVES.get(local);
}

/** Resolves a type name; reports and returns undefined when it names nothing known. */
function resolveType(b: ModelBuilder, rawName: string, path: string, at: SourceRef): ModelType | undefined {
  if (!given(rawName)) return undefined;
  if (rawName.startsWith("Edm.")) {
    const p = primitiveName(rawName);
    if (p) return primitive(p);
    // Services in the wild declare types such as Edm.Float: generate what can be, and say so.
    const near = (b.hintBudget -= PRIMITIVES.size) >= 0 ? nearestPrimitive(rawName.slice(4)) : undefined;
    b.diags.warning(Codes.unknownPrimitive, `${rawName} is not an OData primitive type${near ? ` (did you mean Edm.${near}?)` : ""}; it is read as Edm.Untyped`, path, at);
    return primitive("Untyped");
  }
  const q = b.qualify(rawName, at);
  const t = b.types.get(q);
  if (t) return t;
  const ns = q.slice(0, q.lastIndexOf("."));
  const ref = b.referenced.get(ns);
  if (ref !== undefined && !b.loaded.has(ns)) {
    b.diags.warning(Codes.unresolvedReference,
      `type ${rawName} is in namespace ${ns}, which is referenced (${wordingOf(at).referenceNamed(ref.uri)}) but not among the inputs; it is read as Edm.Untyped. ${unreadReference(ref, ns) ?? "References are not followed: give that document as an input too (--input, or the service's input list)"}`,
      path, at);
    return primitive("Untyped");
  }
  b.diags.error(Codes.undefinedType, `type ${rawName} is not defined${rawName !== q ? ` (read as ${q})` : ""}${missingTypeHint(b, q, undefined, at)}`, path, at);
  return undefined;
}

/**
 * Why the namespace `ns`, which `ref` includes, is among no input: the reference was followed to a
 * document that does not declare it, or was not followed, and why (generate.ts, readDocuments);
 * undefined when references were not followed at all (a `generate()` given no follower).
 */
function unreadReference(ref: RawReference, ns: string): string | undefined {
  if (ref.followedTo !== undefined) return `The reference leads to ${ref.followedTo}, which declares no schema ${ns}`;
  if (ref.notFollowed !== undefined) return `The reference is not followed: ${ref.notFollowed}`;
  return undefined;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * Why the qualified name `q` names no type, for the message that says so: its namespace is one a
 * document references but the inputs do not hold (with why the reference brought no document), or a type of its
 * namespace, of one of `kinds` (any when absent), is spelt nearly so ("did you mean"). "" when
 * neither. `at`, where the name is written, says whether to name the reference as XML or JSON writes it.
 */
export function missingTypeHint(b: ModelBuilder, q: string, kinds?: readonly SchemaType["kind"][], at?: SourceRef): string {
  const dot = q.lastIndexOf(".");
  const ns = q.slice(0, Math.max(dot, 0));
  const ref = b.referenced.get(ns);
  if (dot >= 0 && ref !== undefined && !b.loaded.has(ns))
    return `: namespace ${ns} is referenced (${wordingOf(at).referenceNamed(ref.uri)}) but not among the inputs; ${lowerFirst(unreadReference(ref, ns) ?? "References are not followed: give that document as an input too")}`;
  // Without its namespace: a schema's type of that name (`Text` for `ns.Text`), else a primitive type's.
  const declared = dot < 0 ? typesNamed(b, q, kinds) : [];
  if (declared.length) return ` (did you mean ${declared.join(" or ")}?)`;
  // Where a primitive type may stand: `edm.Boolean`, or `Boolean` without its namespace.
  const edm = !kinds && (dot < 0 || ns.toLowerCase() === "edm") && (b.hintBudget -= PRIMITIVES.size) >= 0 ? meantPrimitive(q) : undefined;
  if (edm !== undefined) return ` (did you mean ${edm}?)`;
  if (dot < 0) return "";
  const member = !kinds || kinds.includes("entity") ? containerMemberHint(b, q) : "";
  if (member) return member;
  const local = q.slice(dot + 1);
  if (local.length < 3 || b.hintBudget <= 0) return ""; // one edit from almost any short name; or no work left
  b.typesByNamespace ??= groupTypes(b.types.values(), (t) => t.namespace);
  const all = b.typesByNamespace.get(ns) ?? [];
  // The budget counts the names looked at, the filtered-out ones too.
  if ((b.hintBudget -= all.length) < 0) return "";
  // A name reported as unsafe (ODG102) is no fix to suggest.
  const candidates = all.filter((t) => (!kinds || kinds.includes(t.kind)) && !UNSAFE_IN_NAME.test(t.name));
  const near = nearestName(local, candidates.map((t) => t.name));
  return near ? ` (did you mean ${ns}.${near}?)` : "";
}

/**
 * For `ns.name`, where `name` is an entity set or singleton of a container of namespace `ns`
 * rather than a type: the type meant, its set's or singleton's (SAP's `API_TEST_SRV` binds
 * operations to `API_TEST_SRV.A_TestEntity`, its entity set of `API_TEST_SRV.A_TestEntityType`).
 */
function containerMemberHint(b: ModelBuilder, q: string): string {
  if (!b.containerMembers) {
    b.containerMembers = new Map();
    for (const doc of b.docs)
      for (const s of doc.schemas)
        for (const c of s.containers) {
          for (const e of c.entitySets) b.containerMembers.set(`${s.namespace}.${e.name}`, { what: "an entity set", type: b.qualify(e.entityType, e.at) });
          for (const e of c.singletons) b.containerMembers.set(`${s.namespace}.${e.name}`, { what: "a singleton", type: b.qualify(e.type, e.at) });
        }
  }
  const m = b.containerMembers.get(q);
  return m && b.types.has(m.type) ? ` (${q} is ${m.what}, not a type: did you mean its ${m.what === "a singleton" ? "" : "entity "}type, ${m.type}?)` : "";
}

/** The qualified names of the types named `local` in any namespace (of one of `kinds`, any when absent). */
function typesNamed(b: ModelBuilder, local: string, kinds?: readonly SchemaType["kind"][]): string[] {
  b.typesByLocalName ??= groupTypes(b.types.values(), (t) => t.name);
  const named = b.typesByLocalName.get(local) ?? [];
  return named.filter((t) => !kinds || kinds.includes(t.kind)).map((t) => t.qualifiedName);
}

/** A collection of collections (`Collection(Collection(T))`), which CSDL has no type for: reported, true. */
export function collectionOfCollections(b: ModelBuilder, rawType: string, path: string, at: SourceRef): boolean {
  const { name, collection } = parseTypeName(rawType);
  if (!collection || !parseTypeName(name).collection) return false;
  b.diags.error(Codes.invalidAttribute, `${wordingOf(at).type(rawType)} is a collection of collections, which CSDL has no type for (the items of a collection are of one type, not collections)`, path, at);
  return true;
}

export function typeRef(b: ModelBuilder, rawType: string, rawFacets: RawFacets, path: string, at: SourceRef): TypeRef {
  const { name, collection } = parseTypeName(rawType);
  const nested = collectionOfCollections(b, rawType, path, at);
  const type = (nested ? undefined : resolveType(b, name, path, at)) ?? primitive("Untyped");
  // CSDL §7.2.1: Nullable defaults to true; for a collection it speaks of the items.
  const underlying = type.kind === "primitive" ? type.name : type.kind === "typedef" ? type.underlying.name : undefined;
  const ref = { type, collection, nullable: b.flag("Nullable", rawFacets.nullable, path, at, true), facets: facets(b, rawFacets, path, at, underlying) };
  if (underlying === "Untyped" && type.kind === "primitive" && primitiveName(name) !== "Untyped") b.untypedStandIns.add(ref);
  return ref;
}

/**
 * CSDL §7.2: the facets of a use of `type` (a primitive type's name); a value that is not one the
 * facet takes is reported and left out.
 */
export function facets(b: ModelBuilder, raw: RawFacets, path: string, at: SourceRef, type?: PrimitiveName): Facets {
  const f = readFacets(raw);
  const w = wordingOf(at);
  const dropped = (name: string, value: string | undefined, kept: unknown) => {
    if (value === undefined || kept !== undefined) return;
    // Digits, but more than a double holds exactly: no facet value is meant so.
    if (/^\s*\+?\d+\s*$/.test(value) && Number(value) > Number.MAX_SAFE_INTEGER)
      b.diags.warning(Codes.invalidAttribute, `${w.value(name, value)} is more than 9007199254740991 (2^53 − 1), the largest facet odatagen reads; left out`, path, at);
    else b.diags.warning(Codes.invalidAttribute, `${w.value(name, value)} is not a non-negative integer${name === "Precision" ? "" : name === "Scale" ? ", variable or floating" : " or max"}; left out`, path, at);
  };
  dropped("MaxLength", raw.maxLength, f.maxLength);
  dropped("Precision", raw.precision, f.precision);
  dropped("Scale", raw.scale, f.scale);
  if (raw.srid !== undefined && !isSrid(raw.srid)) {
    b.diags.warning(Codes.invalidAttribute, `${w.value("SRID", raw.srid)} is not a non-negative integer or variable; left out`, path, at);
    delete f.srid;
  }
  // CSDL §7.2.3: a temporal type's Precision is at most 12 fractional-second digits.
  if (f.precision !== undefined && f.precision > MAX_TEMPORAL_PRECISION && type !== undefined && TEMPORAL.has(type)) {
    b.diags.warning(Codes.invalidAttribute, `${w.value("Precision", raw.precision ?? "")} is more than Edm.${type} allows (${MAX_TEMPORAL_PRECISION}); left out`, path, at);
    delete f.precision;
  }
  // CSDL §7.2.4: Scale is at most Precision. Either could be the mistake; without Scale the
  // validators check the digits before the point against Precision and refuse no valid value.
  if (typeof f.scale === "number" && f.precision !== undefined && f.scale > f.precision) {
    b.diags.warning(Codes.invalidAttribute, `${w.value("Scale", raw.scale ?? "")} is greater than ${w.value("Precision", raw.precision ?? "")} (CSDL §7.2.4: Scale must not exceed Precision); ${w.name("Scale")} is left out`, path, at);
    delete f.scale;
  }
  if (raw.unicode !== undefined) f.unicode = b.flag("Unicode", raw.unicode, path, at, true);
  return f;
}

/** Types grouped by a key (their namespace, their name), in model order. */
function groupTypes(types: Iterable<SchemaType>, key: (t: SchemaType) => string): Map<string, SchemaType[]> {
  const groups = new Map<string, SchemaType[]>();
  for (const t of types) {
    const list = groups.get(key(t));
    if (list) list.push(t);
    else groups.set(key(t), [t]);
  }
  return groups;
}
