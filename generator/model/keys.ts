/**
 * Entity keys (CSDL 4.01 §6.5): the key a type declares itself, checked property by property,
 * and the one it inherits from its base types.
 */
import type { ModelBuilder } from "./build";
import { given } from "./given";
import { KEY_PATH, walkPath } from "./links";
import { nearestName } from "../nearest-name";
import { Codes, type DiagnosticBag } from "../diagnostics";
import type { RawStructuredType } from "../parse/raw";
import type { EntityType, Property, SchemaType, StructuredType, TypeRef } from "./types";
import { wordingOf } from "./wording";

/**
 * CSDL 4.01 §6.5: a type may declare a key only if it does not inherit one, so a key may sit below
 * an abstract key-less base (Graph's `policyDeletableItem`, `workflowBase`). Runs after every own key is read.
 */
export function checkKeyNotInherited(diags: DiagnosticBag, t: EntityType, raw: RawStructuredType): void {
  for (let c = t.baseType; c; c = c.baseType) {
    if (c.key.length) {
      diags.error(Codes.badKey, `${t.qualifiedName} declares a key but inherits one from ${c.qualifiedName}`, t.qualifiedName, raw.at);
      return;
    }
  }
}

/**
 * CSDL 4.01 §6.5: the key properties a type declares itself (derived types inherit them later). A key
 * property is a single-valued structural property (a path through complex properties, §6.5, needs an
 * Alias), named once; these are errors (and an entity set of the type is not warned of as keyless
 * for the key properties they leave out, keysLeftOut: the error says it). CSDL 4.01 §6.5 also makes
 * it non-nullable and of an enum type, a type definition or one of KEY_TYPES: each other is a
 * warning at the PropertyRef. A nullable one is read as not nullable (the type's own property everywhere; one on a path or of a base type in
 * the key only, as byKey takes it); `Edm.Double`, `Single` and `Binary`
 * are kept (the runtime writes their literals); a key with a property of a type that has no key
 * literal (a complex type would be written `'[object Object]'`, a stream or spatial value not at
 * all) is left out, as for a type without a key: its entity sets are generated with `rt.noKey`.
 */
export function ownKey(b: ModelBuilder, t: EntityType, raw: RawStructuredType): void {
  if (!raw.key) return;
  let unusable = false;
  const refused = () => b.keysLeftOut.add(t);
  for (const k of raw.key) {
    if (!given(k.name)) continue;
    const path = `${t.qualifiedName}/Key/${k.alias ?? k.name}`;
    const found = keyProperty(t, k.name, b.readBody && ((s) => b.fill(s)));
    if (typeof found === "string") {
      b.diags.error(Codes.badKey, `key property ${k.name} ${found}`, `${t.qualifiedName}/Key/${k.name}`, k.at);
      refused();
    } else if (k.name.includes("/") && !k.alias) {
      b.diags.error(Codes.badKey, `${wordingOf(k.at).keyAlias(k.name)} (CSDL 4.01 §6.5)`, `${t.qualifiedName}/Key/${k.name}`, k.at);
      refused();
    } else if (t.keyNames.includes(k.alias ?? k.name)) {
      // Each key property is named once in the key's URL form, `(id=1,rev=2)`.
      b.diags.error(Codes.badKey, `the key of ${t.qualifiedName} names ${k.alias ?? k.name} twice`, path, k.at);
      refused();
    } else {
      const problem = keyTypeProblem(found.property, b.untypedStandIns);
      if (problem === "no literal") {
        unusable = true;
        const type = found.property.type.type;
        const why = type.kind === "complex"
          ? `has complex type ${type.qualifiedName} (CSDL 4.01 §6.5: a key is made of primitive properties; one inside it may be a key property, as ${k.name}/${type.properties[0]?.name ?? "…"} with an Alias)`
          : `has type ${type.qualifiedName}, which CSDL 4.01 §6.5 does not allow in a key and which has no key literal`;
        b.diags.warning(Codes.badKey,
          `key property ${k.name} of ${t.qualifiedName} ${why}; the key is left out, so the members of its entity sets cannot be addressed by key (byKey takes never)`,
          path, k.at);
      } else if (problem === "untyped") {
        // A warning, not a note: Edm.Untyped says nothing of the key's values, so byKey's string may be the wrong literal.
        b.diags.warning(Codes.badKey,
          `key property ${k.name} of ${t.qualifiedName} has type Edm.Untyped, which CSDL 4.01 §6.5 does not allow in a key (${KEY_TYPES_TEXT}); it is kept and written as a string literal ('…'), so byKey takes a string`,
          path, k.at);
      } else if (problem === "not allowed") {
        // A note, not printed: the output is right, and users of a public service (Northwind's
        // Edm.Single keys) cannot change its metadata, as with Graph's duplicate annotations.
        b.diags.add(Codes.badKey, "info",
          `key property ${k.name} of ${t.qualifiedName} has type ${found.property.type.type.qualifiedName}, which CSDL 4.01 §6.5 does not allow in a key (${KEY_TYPES_TEXT}); it is kept and written as an ${keyUnderlying(found.property)} literal`,
          path, k.at);
      }
      if (found.nullable) {
        // The type's own property is read as the key property it is: never null, in the interface
        // and the validators too (an entity with a null key has no address). A path's complex
        // property, or a base type's property, is shared with values that are no key: only the key
        // reads it so.
        const own = !k.name.includes("/") && found.property.declaringType === t;
        if (own) found.property.type.nullable = false;
        b.diags.warning(Codes.badKey,
          `key property ${k.name} of ${t.qualifiedName} is nullable${k.name.includes("/") ? " (or a complex property on its path is)" : ""} (CSDL 4.01 §6.5: key properties are not); ${own ? "it is read as not nullable: its interface, its validator and byKey take no null" : "it is read as not nullable in the key, so byKey takes no null"}`,
          path, k.at);
      }
      t.key.push(found.property);
      t.keyNames.push(k.alias ?? k.name);
    }
  }
  if (unusable) {
    t.key = [];
    t.keyNames = [];
    b.keysLeftOut.add(t);
  }
}

/** CSDL 4.01 §6.5: a type without a key of its own has the key of its nearest base type that has one. */
export function inheritKey(t: EntityType): void {
  for (let c = t.baseType; c && t.key.length === 0; c = c.baseType)
    if (c.key.length) {
      t.key = c.key;
      t.keyNames = c.keyNames;
    }
}

/** Whether the type's key, or the key it would inherit, was left out (ownKey), and so reported. */
export function keyLeftOut(keysLeftOut: ReadonlySet<EntityType>, t: EntityType): boolean {
  for (let c: EntityType | undefined = t; c; c = c.baseType) if (keysLeftOut.has(c)) return true;
  return false;
}

/**
 * The property a key names: a property of the type or its bases, or (CSDL 4.01 §6.5) a path
 * through complex-typed, single-valued properties to a primitive one, such as `Info/ID`; with
 * whether it, or a complex property on its path, is nullable. Else why it cannot be a key property.
 * The path is walked as links.ts walks every member path (walkPath, KEY_PATH: one look-up per segment).
 */
export function keyProperty(t: EntityType, name: string, fill?: (t: StructuredType) => void): { property: Property; nullable: boolean } | string {
  const end = walkPath({ types: NO_TYPES, qualify: (n) => n, fill }, t, name.split("/"), KEY_PATH, undefined);
  const owner = end.owner?.qualifiedName;
  switch (end.problem) {
    case "not structured":
      return `is not a property of ${t.qualifiedName}: ${end.previous?.name} is not of a complex type, so it has no ${end.segment}`;
    case "no member": {
      // Keys are often written in another case than the property (`Id` for `ID`): name the near one.
      const near = end.owner && nearestName(end.segment, structuralNames(end.owner));
      const hint = near ? ` (did you mean ${near}?)` : "";
      return `is not a property of ${t.qualifiedName}${end.owner === t ? "" : `: ${owner} has no property ${end.segment}`}${hint}`;
    }
    case "navigation":
      return navigationInKey(owner);
    case "collection":
      return collectionInKey(owner);
    case undefined:
      if (end.member?.kind === "navigation") return navigationInKey(end.owner.qualifiedName);
      if (end.member?.type.collection) return collectionInKey(end.owner.qualifiedName);
      if (end.member) return { property: end.member, nullable: end.nullable };
  }
  return `is not a property of ${t.qualifiedName}`;
}

const NO_TYPES: ReadonlyMap<string, SchemaType> = new Map();

/** The structural properties a type declares or inherits (a key is made of these). */
function structuralNames(t: StructuredType): string[] {
  const names: string[] = [];
  for (let c: StructuredType | undefined = t; c; c = c.baseType) for (const p of c.properties) names.push(p.name);
  return names;
}
const navigationInKey = (owner: string | undefined) =>
  `is a navigation property of ${owner} (CSDL 4.01 §6.5: a key is made of primitive properties; a path through a navigation property, which OData 4.01 allows, is not read)`;
const collectionInKey = (owner: string | undefined) => `is a collection-valued property of ${owner} (CSDL 4.01 §6.5: key properties are single-valued)`;

/**
 * CSDL 4.01 §6.5: key properties are of an enum type, or of one of these primitive types or a type
 * definition of one.
 */
const KEY_TYPES: ReadonlySet<string> = new Set(["Boolean", "Byte", "Date", "DateTimeOffset", "Decimal", "Duration", "Guid", "Int16", "Int32", "Int64", "SByte", "String", "TimeOfDay"]);
export const KEY_TYPES_TEXT = "an enum type, a type definition or Edm.Boolean, Byte, Date, DateTimeOffset, Decimal, Duration, Guid, Int16, Int32, Int64, SByte, String or TimeOfDay";
/** Types CSDL does not allow in a key whose literals the runtime writes all the same (request-keys.ts). */
const KEY_LITERALS_BEYOND: ReadonlySet<string> = new Set(["Double", "Single", "Binary"]);

function keyUnderlying(p: Property): string {
  const t = p.type.type;
  return t.kind === "typedef" ? t.underlying.qualifiedName : t.qualifiedName;
}

/**
 * Whether a key property's type is one CSDL allows, one it does not but the runtime can write
 * ("untyped" for Edm.Untyped as written, which is written as a string), or one with no key literal.
 * `standIns` are the uses read as Edm.Untyped in place of a type already reported (an unknown Edm
 * type, one from a document not among the inputs): their key is written as a string and not reported
 * again; without it (a model made by hand, alternate keys read for the emitters), every Edm.Untyped is taken so.
 */
export function keyTypeProblem(p: Property, standIns?: WeakSet<TypeRef>): undefined | "not allowed" | "untyped" | "no literal" {
  const t = p.type.type;
  if (t.kind === "enum") return undefined;
  const name = t.kind === "primitive" ? t.name : t.kind === "typedef" ? t.underlying.name : undefined;
  if (name === undefined) return "no literal";
  if (name === "Untyped") return t.kind === "primitive" && standIns && !standIns.has(p.type) ? "untyped" : undefined;
  if (KEY_TYPES.has(name)) return undefined;
  return KEY_LITERALS_BEYOND.has(name) ? "not allowed" : "no literal";
}
