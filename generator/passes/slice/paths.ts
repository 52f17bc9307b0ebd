/**
 * URL-path patterns over the service's resource graph (OData URL Conventions 4.01 §4): entity sets
 * and singletons are the first segment, navigation properties (own and inherited) the next ones,
 * and a qualified type name a cast to a derived type (§4.11).
 *
 * The walk never spells out paths: it runs the pattern as a small automaton over the product of
 * entity types and pattern states, so each (type, state set) pair is visited once, cycles included.
 * Graph's containment tree has over ten thousand paths; its product graph has a few thousand nodes.
 */
import type { EntityContainer, EntityType, NavigationProperty, Operation, SchemaType } from "../../model/types";
import { accepts, advance, startStates, type PathPattern, type States } from "./glob";

export interface PathSelection {
  /** Types a pattern matched in full: their API (bound operations) is part of the slice. */
  addressed: Set<EntityType>;
  /** Types on a route to a match: kept so the path builders can reach the match. */
  onPath: Set<EntityType>;
  /** Unbound operations imported under a matched name. */
  operations: Set<Operation>;
  /** How many patterns matched nothing, by pattern text. */
  unmatched: string[];
}

interface Node {
  type: EntityType;
  states: States;
  /** Exclusion patterns' states, one per exclude pattern. */
  excluded: States[];
  /** Nodes that lead here, for the backward pass. */
  from: Node[];
  useful: boolean;
}

/** Navigation properties a path can follow from an entity of type `t`: its own and its bases'. */
function navigationsOf(t: EntityType, cache: Map<EntityType, NavigationProperty[]>, fill: Fill | undefined): NavigationProperty[] {
  let list = cache.get(t);
  if (!list) {
    fill?.(t);
    list = t.baseType ? [...navigationsOf(t.baseType, cache, fill), ...t.navigationProperties] : t.navigationProperties;
    cache.set(t, list);
  }
  return list;
}

/** Reads a type's members when the model was built lazily (model/build's `LazyModel.fill`). */
export type Fill = (t: SchemaType) => void;

function descendants(t: EntityType): EntityType[] {
  const out: EntityType[] = [];
  const visit = (c: EntityType) => {
    for (const d of c.derived as EntityType[]) {
      out.push(d);
      visit(d);
    }
  };
  visit(t);
  return out;
}

function hasCastSegment(p: PathPattern): boolean {
  return p.segments.some((s) => !s.any && s.literal !== undefined && s.literal.includes("."));
}

export function selectPaths(
  container: EntityContainer | undefined,
  include: readonly PathPattern[],
  exclude: readonly PathPattern[],
  fill?: Fill,
): PathSelection {
  const result: PathSelection = { addressed: new Set(), onPath: new Set(), operations: new Set(), unmatched: [] };
  if (!container) {
    result.unmatched.push(...include.map((p) => p.text));
    return result;
  }
  const navCache = new Map<EntityType, NavigationProperty[]>();
  const casts = include.some(hasCastSegment) || exclude.some(hasCastSegment);
  for (const pattern of include) {
    const before = result.addressed.size + result.operations.size;
    walk(container, pattern, exclude, navCache, casts, result, fill);
    if (result.addressed.size + result.operations.size === before) result.unmatched.push(pattern.text);
  }
  return result;
}

function walk(
  container: EntityContainer,
  pattern: PathPattern,
  exclude: readonly PathPattern[],
  navCache: Map<EntityType, NavigationProperty[]>,
  casts: boolean,
  result: PathSelection,
  fill: Fill | undefined,
): void {
  const nodes = new Map<string, Node>();
  const accepting: Node[] = [];
  const queue: Node[] = [];
  const excludeStart = exclude.map((p) => startStates(p));

  /** The node reached by segment `name` from `from` (or from the root), unless excluded or dead. */
  const step = (from: Node | undefined, type: EntityType, name: string, isCast: boolean): Node | undefined => {
    const states = advance(pattern, from ? from.states : startStates(pattern), name, isCast);
    if (states === 0) return undefined;
    const excluded = exclude.map((p, i) => advance(p, from ? from.excluded[i] : excludeStart[i], name, isCast));
    if (exclude.some((p, i) => accepts(p, excluded[i]))) return undefined;
    const key = `${type.qualifiedName} ${states} ${excluded.join(",")}`;
    let node = nodes.get(key);
    if (!node) {
      node = { type, states, excluded, from: [], useful: false };
      nodes.set(key, node);
      queue.push(node);
      if (accepts(pattern, states)) accepting.push(node);
    }
    if (from) node.from.push(from);
    return node;
  };

  const roots: [string, EntityType][] = [
    ...container.entitySets.map((s): [string, EntityType] => [s.name, s.entityType]),
    ...container.singletons.map((s): [string, EntityType] => [s.name, s.type]),
  ];
  for (const [name, type] of roots) {
    step(undefined, type, name, false);
  }
  for (const imp of container.imports) {
    if (accepts(pattern, advance(pattern, startStates(pattern), imp.name, false))) {
      for (const op of imp.operations) result.operations.add(op);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    for (const nav of navigationsOf(node.type, navCache, fill)) step(node, nav.target, nav.name, false);
    if (casts) for (const d of descendants(node.type)) step(node, d, d.qualifiedName, true);
  }

  // Backward: a node is useful when a match lies at or beneath it.
  const stack = [...accepting];
  for (const n of stack) n.useful = true;
  while (stack.length) {
    const n = stack.pop() as Node;
    for (const f of n.from) {
      if (!f.useful) {
        f.useful = true;
        stack.push(f);
      }
    }
  }
  for (const n of accepting) result.addressed.add(n.type);
  for (const n of nodes.values()) if (n.useful) result.onPath.add(n.type);
}
