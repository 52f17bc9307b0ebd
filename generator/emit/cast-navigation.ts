/**
 * The navigation properties `$expand` reaches behind a type cast (URL Conventions §5.1.2:
 * `$expand=microsoft.graph.eventMessage/event` on a message), for an entity type's `…Navigation`
 * type and for `odatagen url`.
 */
import type { EntityType, NavigationProperty, StructuredType } from "../model/types";
import { descendants } from "../passes/slice/paths";
import { listsSubtypes } from "./request-names";

/**
 * The navigation properties `t`'s subtypes add, each as `Ns.subtype/nav` behind the subtype that
 * declares it: for each subtype, depth first in document order, the ones it declares. A subtype's
 * subtype that inherits one is reached by that cast too (its entities are of that type), so it is
 * not listed again: each type lists as many paths as its subtypes declare navigation properties,
 * not as many as they have (a chain of 32 types, each declaring one, gives 32 paths at its root, not
 * 528). Only for a type whose subtypes a `…Subtypes` map lists: one with more (Graph's `entity`)
 * takes no typed cast.
 */
export function castNavigationPaths(t: EntityType): [string, NavigationProperty][] {
  if (!listsSubtypes(t)) return [];
  const out: [string, NavigationProperty][] = [];
  for (const d of descendants(t)) for (const n of d.navigationProperties) out.push([`${d.qualifiedName}/${n.name}`, n]);
  return out;
}

/** The subtype between `t` (excluded) and `sub` (included) that declares the navigation property `name`, if one does. */
export function declaringSubtype(t: StructuredType, sub: StructuredType, name: string): StructuredType | undefined {
  for (let c: StructuredType | undefined = sub; c && c !== t; c = c.baseType) if (c.navigationProperties.some((n) => n.name === name)) return c;
  return undefined;
}
