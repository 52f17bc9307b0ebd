/**
 * An abstract entity or complex type with more subtypes than the request functions list
 * (MAX_LISTED_SUBTYPES over the whole service: Graph's `entity`, with 1,145, and
 * `security.auditData`, a complex type with 392): kept as a value, it does not bring its concrete
 * subtypes along, as other abstract types do. An entity type's reads have no `…Subtypes` map or
 * cast function anyway; the subtypes it leaves out are remembered by name like a concrete type's
 * (copy.ts `omittedSubtypes`): the validators check such a value as its nearest kept base type, and
 * the `Any…` union types it as the abstract type with its name. Otherwise a slice that reaches one
 * such type keeps most of Graph: `/me/**` reaches `entity` through
 * `/me/insights/shared/{id}/lastSharedMethod`, `/security/**` `auditData` through an audit log
 * record's `auditData`.
 */
import { MAX_LISTED_SUBTYPES } from "../../emit/request-names";
import { countSubtypes } from "../../model/rules";
import type { SchemaType, StructuredType } from "../../model/types";
import { optionName, type NamedBy } from "../../option-names";

/**
 * Whether the slice leaves out the subtypes of `t`, kept as a value, that nothing else keeps: `t` is
 * abstract and has more than MAX_LISTED_SUBTYPES subtypes (an abstract type with none has nothing
 * to leave out).
 */
export function leavesOutSubtypes(t: StructuredType): boolean {
  return t.abstract && countSubtypes(t, MAX_LISTED_SUBTYPES) > MAX_LISTED_SUBTYPES;
}

/** How ODG305's note and `--why` say why such a type's subtypes are left out. */
export function manySubtypesReason(t: StructuredType): string {
  const n = t.subtypeCount ?? countSubtypes(t);
  const more = t.kind === "entity" ? "more than the request functions list" : `more than a slice brings along (${MAX_LISTED_SUBTYPES}, as for an entity type)`;
  return `${t.qualifiedName} is abstract and has ${n} subtypes, ${more}`;
}

/**
 * The note (ODG305) on such a type: what its left-out subtypes are checked as, and how to keep them;
 * none when the slice keeps them all (`--include 'microsoft.graph.security.*'` names auditData's).
 */
export function manySubtypesNote(t: StructuredType, keep: ReadonlySet<SchemaType>, namedBy: NamedBy | undefined): string | undefined {
  // A kept type's base types are kept: the kept subtypes are found below kept ones.
  let keptBelow = 0;
  const stack = t.derived.filter((d) => keep.has(d));
  for (let d = stack.pop(); d; d = stack.pop()) {
    keptBelow++;
    stack.push(...d.derived.filter((e) => keep.has(e)));
  }
  if (keptBelow === (t.subtypeCount ?? countSubtypes(t))) return undefined;
  // None kept: the union of its concrete subtypes is still written, of their names alone.
  if (keptBelow === 0) {
    const name = t.qualifiedName;
    return (
      `${manySubtypesReason(t)}: the slice keeps none of them (none is needed otherwise): the validators check their values as ${name}, ` +
      `and its Any… union types them as ${name} with their @odata.type; ${optionName("includeDerived", namedBy)} keeps them`
    );
  }
  return (
    `${manySubtypesReason(t)}: the slice keeps ${keptBelow} of them (those it needs otherwise) ` +
    `and leaves out the others, whose values the validators check as their nearest kept base type; ${optionName("includeDerived", namedBy)} keeps them`
  );
}
