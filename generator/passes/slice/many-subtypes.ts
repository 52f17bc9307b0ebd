/**
 * An abstract entity type with more subtypes than the request functions list (MAX_LISTED_SUBTYPES
 * over the whole service: Graph's `entity`, with 1,145): kept as a value, it does not bring its
 * concrete subtypes along, as other abstract types do. Its reads have no `…Subtypes` map or cast
 * function anyway; the subtypes it leaves out are remembered by name like a concrete type's
 * (copy.ts `omittedSubtypes`): the validators check such a value as its nearest kept base type, and
 * the `Any…` union types it as the abstract type with its name. Otherwise a slice that reaches one
 * such entity (`/me/**`, through `/me/insights/shared/{id}/lastSharedMethod`) keeps most of Graph.
 */
import { listsSubtypes } from "../../emit/request-names";
import { countSubtypes } from "../../model/rules";
import type { SchemaType, StructuredType } from "../../model/types";
import { optionName, type NamedBy } from "../../option-names";

/**
 * Whether the slice leaves out the subtypes of `t`, kept as a value, that nothing else keeps (an
 * abstract type with none, Graph's `attackSimulationRoot`, has nothing to leave out).
 */
export function leavesOutSubtypes(t: StructuredType): boolean {
  return t.kind === "entity" && t.abstract && t.derived.length > 0 && !listsSubtypes(t);
}

/** The note (ODG305) on such a type: what its left-out subtypes are checked as, and how to keep them. */
export function manySubtypesNote(t: StructuredType, keep: ReadonlySet<SchemaType>, namedBy: NamedBy | undefined): string {
  const n = t.subtypeCount ?? countSubtypes(t);
  // A kept type's base types are kept: the kept subtypes are found below kept ones.
  let keptBelow = 0;
  const stack = t.derived.filter((d) => keep.has(d));
  for (let d = stack.pop(); d; d = stack.pop()) {
    keptBelow++;
    stack.push(...d.derived.filter((e) => keep.has(e)));
  }
  return (
    `${t.qualifiedName} is abstract and has ${n} subtypes, more than the request functions list: the slice keeps ${keptBelow} of them (those it needs otherwise) ` +
    `and leaves out the others, whose values the validators check as their nearest kept base type; ${optionName("includeDerived", namedBy)} keeps them`
  );
}
