/**
 * The navigation properties `$expand` reaches behind a type cast (URL Conventions §5.1.2:
 * `$expand=microsoft.graph.eventMessage/event` on a message), for an entity type's `…Navigation`
 * type and for `odatagen url`.
 */
import { allNavigation } from "../model/rules";
import type { EntityType, NavigationProperty } from "../model/types";
import { descendants } from "../passes/slice/paths";
import { listsSubtypes } from "./request-names";

/**
 * The navigation properties of `t`'s subtypes that `t` does not have, each as `Ns.subtype/nav`: for
 * each subtype, depth first in document order, its navigation properties, inherited ones included
 * (a subtype's subtype is named with its own cast too, as the service takes it). Only for a type
 * whose subtypes a `…Subtypes` map lists: one with more (Graph's `entity`) takes no typed cast.
 */
export function castNavigationPaths(t: EntityType): [string, NavigationProperty][] {
  if (!listsSubtypes(t)) return [];
  const own = new Set(allNavigation(t));
  const out: [string, NavigationProperty][] = [];
  for (const d of descendants(t)) for (const n of allNavigation(d)) if (!own.has(n)) out.push([`${d.qualifiedName}/${n.name}`, n]);
  return out;
}
