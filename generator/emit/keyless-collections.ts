/**
 * Entity types without a key that are still read as collections: CSDL 4.01 §6.5 wants a key of an entity
 * set's type (ODG106 warns), but real services (SAP CAP views) have such sets, and their collection
 * needs no key to be listed or posted to.
 */
import type { EntityType, Model } from "../model/types";

const KEYLESS = new WeakMap<Model, ReadonlySet<EntityType>>();

/**
 * The key-less entity types that are an entity set's type or a collection-valued navigation
 * property's target, and their subtypes (reached through a type cast of such a collection).
 */
export function keylessCollections(model: Model): ReadonlySet<EntityType> {
  const known = KEYLESS.get(model);
  if (known) return known;
  const found = new Set<EntityType>();
  const add = (t: EntityType) => {
    if (t.key.length > 0 || found.has(t)) return;
    found.add(t);
    for (const d of t.derived) if (d.kind === "entity") add(d);
  };
  for (const schema of model.schemas) {
    for (const c of schema.containers) for (const s of c.entitySets) add(s.entityType);
    for (const t of schema.types)
      if (t.kind === "entity" || t.kind === "complex") for (const n of t.navigationProperties) if (n.collection) add(n.target);
  }
  KEYLESS.set(model, found);
  return found;
}
