/**
 * Service capabilities read from the Capabilities vocabulary (Org.OData.Capabilities.V1).
 */
import { CAPABILITIES, hasTag } from "./rules";
import type { Model } from "./types";

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
