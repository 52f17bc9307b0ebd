/**
 * Where a NavigationPropertyBinding's Target leads (CSDL §13.4.2): `Set`, `Namespace.Container/Set`
 * (or with the namespace's alias), or a path into a containment below a set or singleton
 * (`education/classes`, type casts on the way). A container holds the sets and singletons of the one
 * it extends too (CSDL §13.1.2, transitively), so `Set` or `Namespace.Container/Set` may name one
 * declared there, in another namespace. One reading for the generated client (the request emitter)
 * and for `odatagen diff` (the summary), so what diff compares is what the client follows.
 */
import { qualify } from "./annotation-groups";
import { containerChildren } from "./links";
import type { EntityContainer, EntitySet, Model, NavigationBinding, Singleton } from "./types";

export interface BindingPlace {
  /** The container that declares the set or singleton (one `c` extends, or `c` itself). */
  container: EntityContainer;
  root: EntitySet | Singleton;
  /** The containment path below it, type casts left out ("" at the set itself). */
  within: string;
}

type Containers = Pick<Model, "schemas" | "aliases" | "documentAliases">;

/** At most this many containers on an `Extends` chain (as the model's checks, links.ts). */
const MAX_EXTENDS = 32;

/**
 * The place `b` (a binding of a set or singleton of container `c`) leads to; undefined when its
 * target names no entity set or singleton of a container of the model (one of a document that is
 * not among the inputs, or named through an alias only another document declares).
 */
export function resolveBindingTarget(model: Containers, c: EntityContainer, b: NavigationBinding): BindingPlace | undefined {
  let segments = b.target.split("/");
  let container: EntityContainer | undefined = c;
  if (segments.length > 1 && segments[0].includes(".")) {
    // An alias the binding's document declares (CSDL XML §4.2), as the model reads its names.
    container = containerNamed(model, qualify(model, segments[0], b.at?.source));
    segments = segments.slice(1);
  }
  let root: EntitySet | Singleton | undefined;
  for (let seen = 0; container && seen < MAX_EXTENDS; seen++) {
    root = containerChildren(container).get(segments[0])?.root;
    if (root || !container.extends) break;
    container = containerNamed(model, container.extends);
  }
  if (!container || !root) return undefined;
  let within = "";
  for (let i = 1; i < segments.length; i++) if (!segments[i].includes(".")) within = within ? `${within}/${segments[i]}` : segments[i];
  return { container, root, within };
}

/** The model's container of that qualified name (a service has one or a few: no index needed). */
function containerNamed(model: Containers, qualifiedName: string): EntityContainer | undefined {
  for (const s of model.schemas) for (const x of s.containers) if (x.qualifiedName === qualifiedName) return x;
  return undefined;
}
