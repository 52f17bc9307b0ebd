/**
 * Types that moved between namespaces: `ns1.Foo` in the old version only and `ns2.Foo` in the new
 * one only, of one kind (a namespace renamed, a type moved to another schema). `diff` reports such a
 * type as moved, breaking (the generated type is imported from another module), and compares its
 * members as a kept type's, rather than as one type removed and an unrelated one added; what names it
 * by its new name (a property, parameter, navigation property, set, binding) is compared as unchanged. A simple
 * name that several removed or several added types of that kind share is no move: which went
 * where cannot be told, and they stay removed and added.
 */
import { fileStem } from "../file-names";
import type { ModelSummary } from "./summary";

/** The moved types: old qualified name → new qualified name. */
export function movedTypes(a: ModelSummary, b: ModelSummary): Map<string, string> {
  const simple = (qn: string) => qn.slice(qn.lastIndexOf(".") + 1);
  const only = (from: ModelSummary, other: ModelSummary) => {
    const byName = new Map<string, string[]>();
    for (const [qn, t] of from.types) {
      if (other.types.has(qn)) continue;
      const key = `${t.kind} ${simple(qn)}`;
      const list = byName.get(key);
      if (list) list.push(qn);
      else byName.set(key, [qn]);
    }
    return byName;
  };
  const removed = only(a, b);
  const added = only(b, a);
  const moves = new Map<string, string>();
  for (const [key, from] of removed) {
    const to = added.get(key);
    if (from.length === 1 && to?.length === 1) moves.set(from[0], to[0]);
  }
  return moves;
}

/**
 * The one line `diff` gives a type moved from `from` (in `a`) to `to` (in `b`): the modules code
 * imports it from, as the output names them (`a.types.js` → `b.types.js`, file-names.ts), and, for
 * an entity or complex type whose values may name their type in a body's `@odata.type` (a subtype,
 * or a type with subtypes, in either version: JSON Format §4.5.3), that value's change too.
 */
export function movedDetail(from: string, to: string, a: ModelSummary, b: ModelSummary): string {
  const before = a.types.get(from);
  const after = b.types.get(to);
  const kind = (after ?? before)?.kind ?? "entity";
  const line = `${kind} type moved to ${to}: code importing it from ${typesModule(from)} must import it from ${typesModule(to)}`;
  const typed = (kind === "entity" || kind === "complex") && (before?.baseType !== undefined || after?.baseType !== undefined || hasSubtypes(a, from) || hasSubtypes(b, to));
  return typed ? `${line}, and a body's @odata.type changes from #${from} to #${to}` : line;
}

/** The generated types module of a type's namespace, as an import names it. */
function typesModule(qualifiedName: string): string {
  return `${fileStem(qualifiedName.slice(0, qualifiedName.lastIndexOf(".")))}.types.js`;
}

function hasSubtypes(summary: ModelSummary, name: string): boolean {
  for (const t of summary.types.values()) if (t.baseType === name) return true;
  return false;
}
