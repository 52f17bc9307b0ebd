/**
 * Service capabilities read from the Capabilities vocabulary (Org.OData.Capabilities.V1).
 */
import { CAPABILITIES, CORE, hasTag } from "./rules";
import type { EntityContainer, EntitySet, Model } from "./types";

/**
 * Capabilities.KeyAsSegmentSupported on the entity container: the service accepts keys as path
 * segments (`/users/42`, OData URL Conventions 4.01 §4.3.6) as Microsoft Graph does.
 */
export function keyAsSegment(model: Model): boolean {
  const c = model.container;
  if (!c) return false;
  const term = `${CAPABILITIES}.KeyAsSegmentSupported`;
  return hasTag(c.annotations, term) || hasTag(model.externalAnnotations.get(c.qualifiedName) ?? [], term);
}

/**
 * Core.OptimisticConcurrency on an entity set (Core vocabulary): changing its entities needs an ETag
 * in `If-Match`. Present at all means it applies (an empty collection only hides how the ETag is made).
 */
export function optimisticConcurrency(model: Model, container: EntityContainer, set: EntitySet): boolean {
  const term = `${CORE}.OptimisticConcurrency`;
  const external = model.externalAnnotations.get(`${container.qualifiedName}/${set.name}`) ?? [];
  return [...set.annotations, ...external].some((a) => a.term === term && !a.qualifier);
}

/**
 * The namespaces of the schemas annotated `Core.DefaultNamespace` (Core vocabulary: functions,
 * actions and types in such a namespace may be named in URLs without namespace or alias), inline,
 * by an `<Annotations>` block targeting the namespace or its alias, or on an `edmx:Include` of the
 * namespace in any input (the term applies to Schema and Include).
 */
export function defaultNamespaces(model: Model): Set<string> {
  const term = `${CORE}.DefaultNamespace`;
  const out = new Set<string>();
  for (const s of model.schemas) {
    const external = [s.namespace, s.alias].flatMap((target) => (target === undefined ? [] : (model.externalAnnotations.get(target) ?? [])));
    const included = model.includeAnnotations?.get(s.namespace) ?? [];
    if (hasTag(s.annotations, term) || hasTag(external, term) || included.some((a) => hasTag([a], term))) out.add(s.namespace);
  }
  return out;
}
