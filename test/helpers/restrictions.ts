/**
 * What the model says is forbidden at every address builder (model/restrictions.ts), for the model
 * tests of the Capabilities restrictions: `what by element: term`, by the builder's element (an
 * entity set or singleton as `Container/name`, a navigation property as `Type/name`).
 */
import { navigationRestrictions, rootRestrictions } from "../../generator/model/restrictions";
import type { EntityType, Model } from "../../generator/model/types";

export function restrictionsOf(model: Model): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const show = (rs: ReturnType<typeof rootRestrictions>) => rs.map((r) => `${r.what} by ${r.by}: ${r.term}`);
  for (const c of model.schemas.flatMap((s) => s.containers))
    for (const root of [...c.entitySets, ...c.singletons]) out[`${c.qualifiedName}/${root.name}`] = show(rootRestrictions(model, c, root));
  for (const t of model.types.values())
    if (t.kind === "entity") for (const n of (t as EntityType).navigationProperties) out[`${t.qualifiedName}/${n.name}`] = show(navigationRestrictions(model, t, n));
  return out;
}
