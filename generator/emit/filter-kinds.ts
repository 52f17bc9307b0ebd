/**
 * The tables a typed filter writes its values by (the runtime's `rt.FilterKinds`): per structured
 * type, the kind of each property whose JavaScript value does not tell its Edm type. A `string` may
 * be a String (quoted), a DateTimeOffset or a Guid (not quoted); a `number` an Int32, an Int16 or a
 * Double (`INF`); an enum's member is written with its type's name (`Ns.Color'Red'`). A complex property
 * refers to its type's table through a function (the tables of a service refer to one another, across
 * modules), a collection of them in an array (`any`/`all` take its items). Navigation properties
 * are not in a typed filter's reach (see README, Typed filters): a complex type's are listed so that
 * the runtime says so. Only a read of a collection refers to a table, so that a bundle without one
 * holds none.
 */
import type { ComplexType, StructuredType, TypeRef } from "../model/types";
import { allNavigation, allProperties } from "../model/rules";
import { laterMembers } from "../model/evolvable-enums";
import { literalKey } from "../passes/names";
import { stringLiteral } from "../string-literal";
import { KEY_LITERALS } from "./request-keys";

/**
 * The Edm types whose JavaScript values tell them (a string is quoted, a number or Boolean written as
 * it is): not listed. A number of a property not listed is held to Int32's range; Int16, Byte and
 * SByte are listed, so that a filter refuses a value out of theirs as a key does (they are few: Graph
 * v1.0's tables grow by 267 bytes, where listing Int32 too would cost 34 KB).
 */
const TOLD = new Set(["String", "Boolean", "Int32"]);


/** One property of a table: a primitive's or an enum's kind (`"DateTimeOffset"`, `"enum:Ns.Color"`, `"enum:Ns.Result:reportOnly"`), or a complex type. */
export type KindEntry = { name: string; kind: string } | { name: string; complex: ComplexType; collection: boolean };

/** The entries of `t`'s table, inherited properties first; empty where a filter needs none. */
export function filterKinds(t: StructuredType): readonly KindEntry[] {
  let list = cache.get(t);
  if (list === undefined) {
    list = [];
    for (const p of allProperties(t)) {
      const kind = kindOf(p.type);
      if (kind !== undefined) list.push(typeof kind === "string" ? { name: p.name, kind } : { name: p.name, complex: kind, collection: p.type.collection });
    }
    // An entity type's navigation properties are no filter's fields at all (`rt.FilterFields` leaves out its `…Navigation`).
    if (t.kind === "complex") for (const n of allNavigation(t)) list.push({ name: n.name, kind: "Navigation" });
    cache.set(t, list);
  }
  return list;
}
const cache = new WeakMap<StructuredType, KindEntry[]>();

function kindOf(ref: TypeRef): string | ComplexType | undefined {
  const t = ref.type;
  if (t.kind === "complex") return t;
  if (t.kind === "enum") {
    // An evolvable enum's members after its sentinel, which a filter names only preferring them (the runtime's `typedQuery` sends that).
    const later = laterMembers(t).map((m) => m.name);
    return `enum:${t.qualifiedName}${later.length ? `:${later.join(",")}` : ""}`;
  }
  const primitive = t.kind === "primitive" ? t : t.kind === "typedef" ? t.underlying : undefined;
  if (!primitive) return "Other";
  if (TOLD.has(primitive.name)) return undefined;
  // The others the runtime's `literal` writes (its key literals' kinds), by name.
  return KEY_LITERALS.has(primitive.name) ? primitive.name : "Other";
}

/**
 * The table's members as written (`endDateTime: "DateTimeOffset"`, `callee: () => EndpointFilterKinds`,
 * `modalities: [rt.plainKinds]`); `nameOf` gives the name of a complex type's table, undefined where it has none.
 */
export function kindMembers(entries: readonly KindEntry[], nameOf: (t: ComplexType) => string | undefined): string[] {
  return entries.map((e) => {
    // A member named as one of Object's (`toString`) takes its contextual type from it, not from the
    // table's index signature: a string or an array there is kept literal with `as const`.
    const fixed = OBJECT_MEMBERS.has(e.name) ? " as const" : "";
    if ("kind" in e) return `${literalKey(e.name)}: ${stringLiteral(e.kind)}${fixed}`;
    const table = nameOf(e.complex);
    const ref = table === undefined ? "rt.plainKinds" : `() => ${table}`;
    return `${literalKey(e.name)}: ${e.collection ? `[${ref}]${fixed}` : ref}`;
  });
}

/** The members of TypeScript's `Object` interface (lib.es5.d.ts), which every object type has. */
const OBJECT_MEMBERS = new Set(["constructor", "toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable"]);
