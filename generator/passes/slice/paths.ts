/**
 * URL-path patterns over the service's resource graph (OData URL Conventions 4.01 §4): entity sets
 * and singletons are the first segment, navigation properties (own and inherited) the next ones,
 * a single-valued complex property on the way to a navigation property of its type (§4.6, the ABNF's
 * `complexPath`: Graph's `/identity/conditionalAccess/policies/{id}/grantControls/authenticationStrength`),
 * a qualified type name a cast to a derived type (§4.11), and the name of an action or function
 * bound to the type there (§4.5.1, qualified or not, as services such as Graph accept) a last one.
 *
 * The walk never spells out paths: it runs the pattern as a small automaton over the product of
 * entity types and pattern states, so each (type, state set) pair is visited once, cycles included.
 * Graph's containment tree has over ten thousand paths; its product graph has a few thousand nodes.
 */
import type { EntityContainer, Model, NavigationProperty, Operation, Property, SchemaType, StructuredType } from "../../model/types";
import { isAddressableStream, navigationReacher } from "../../model/rules";
import { nearestName } from "../../nearest-name";
import { composedResult, type FillOperation } from "./composable";
import { accepts, advance, parsePattern, patternFrom, startStates, SYSTEM_SEGMENTS, withNamespaces, withoutKey, type PathPattern, type States } from "./glob";

export interface PathSelection {
  /** Types a pattern matched in full: their API (bound operations) is part of the slice. */
  addressed: Set<StructuredType>;
  /** Types on a route to a match: kept so the path builders can reach the match. */
  onPath: Set<StructuredType>;
  /** Unbound operations imported under a matched name, and bound ones named by a path's last segment. */
  operations: Set<Operation>;
  /** Every pattern that named each operation, by pattern text, in the patterns' order (a left-out one is warned of for each). */
  operationPatterns: Map<Operation, Set<string>>;
  /** How many patterns matched nothing, by pattern text. */
  unmatched: string[];
  /**
   * By include pattern text: where its `**` stopped, at a navigation property that is not contained
   * (glob.ts `advance`) and leads on: one route to each such property, in the walk's order (shortest first).
   */
  stops: Map<string, PatternStop[]>;
  /** For `--why`: the first pattern and route that addressed each type, or led through it, or named each operation. */
  routes: {
    addressed: Map<StructuredType, PathRoute>;
    onPath: Map<StructuredType, PathRoute>;
    operations: Map<Operation, PathRoute>;
  };
  /** Composable functions a route goes on through (composable.ts), with the first route through each: on the way, as `onPath`'s types. */
  throughOperations: Map<Operation, PathRoute>;
  /**
   * With `throughStops` (`selectPaths`): the types a pattern reaches only because its `**` went on
   * below navigation properties that are not contained, with the first such route to each (for `--why`).
   */
  beyond: Map<StructuredType, BeyondStop>;
  /**
   * By include pattern text: the first operation segment the pattern has more after that the walk
   * does not go on through (composable.ts `composedResult`), with the operations it names there.
   */
  notFollowed: Map<string, { segment: string; operations: Operation[] }>;
  /** With `PathModel.unbuilt`: what the walk reaches through no such type, and what only through one (`UnbuiltRoutes`). */
  unbuilt?: UnbuiltRoutes;
}

/**
 * What a walk reaches by routes through no type `PathModel.unbuilt` names, every route it takes
 * counted (not only the first to each type): excluded-routes.ts's note on what a pattern keeps only
 * through an excluded type.
 */
export interface UnbuiltRoutes {
  /** The patterns (by text) that match a path through none. */
  matched: Set<string>;
  /** The types on a route to a match (or matched) that some such route reaches through none. */
  clear: Set<StructuredType>;
  /**
   * The other types on routes to matches, themselves not unbuilt: each with the unbuilt type nearest
   * the root on its first route, and the route to that type there.
   */
  past: Map<StructuredType, { through: StructuredType; route: PathRoute }>;
}

/** Where a pattern's `**` stopped: the route to the navigation property, and the `**`s it stopped (their indexes in the pattern's segments, in order). */
export interface PatternStop {
  route: string;
  stars: number[];
}

/** A route to a type that a pattern's `**` would take but for the navigation properties that are not contained on it. */
export interface BeyondStop extends PathRoute {
  /** The route to each such property on the way, from the root on. */
  stops: string[];
  /** The pattern from the `**` that stopped at the last of them on (`**` in `/education/**`). */
  rest: string;
  /**
   * Whether the `**` that stopped at each is the pattern's last segment, which matches the property
   * as its last one: the slice keeps its target. A `**` with more of the pattern after it (`/users/**`
   * then `/events/**`, at `/users/{id}/drive`) keeps a target only where the rest matches below it.
   */
  keepsTargets: boolean;
}

/** A pattern, and one URL path it matched (keys written `{id}`). */
export interface PathRoute {
  pattern: string;
  path: string;
}

interface Node {
  /** An entity type, or a complex type on the way to a navigation property of it. */
  type: StructuredType;
  states: States;
  /** Exclusion patterns' states, one per exclude pattern. */
  excluded: States[];
  /** Nodes that lead here, for the backward pass. */
  from: Node[];
  useful: boolean;
  /** The node this one was first reached from, and the segment that reached it (for `--why`). */
  parent: Node | undefined;
  segment: string;
  /** Whether the segment addresses a collection (an entity set or a collection-valued navigation). */
  collection: boolean;
  /** The segment is a composable function bound to one entity (a key before it on a collection), or to a collection (none). */
  bindsEntity?: boolean;
  /** In a walk through stops: the segment is a navigation property that is not contained where the `**` at this index would have stopped. */
  stopped?: number;
  /** How many segments the route along `parent` has. */
  depth: number;
}

/** A step through a composable function's result (composable.ts): the function, and the nodes before and after it. */
interface Composition {
  /** None for an imported function (`/activeRange()/format`). */
  from: Node | undefined;
  to: Node;
  op: Operation;
  name: string;
}

/**
 * The URL path to a node along the nodes each was first reached from, then `last` (an operation's
 * name, or a navigation property's): `{id}` after a collection that a navigation follows, or an
 * operation bound to one entity.
 */
function routeOf(node: Node, last?: string, lastOnCollection = false): string {
  const parts: string[] = last === undefined ? [] : [last];
  let keyed = last !== undefined && !lastOnCollection;
  for (let n: Node | undefined = node; n; n = n.parent) {
    if (n.collection && keyed) parts.push("{id}");
    parts.push(n.segment);
    // A cast segment (a qualified name) comes before the key; a function bound to one entity after it.
    keyed = n.bindsEntity ?? !n.segment.includes(".");
  }
  return "/" + parts.reverse().join("/");
}

/** A segment a path may take from a type: a navigation property, or a single-valued complex property. */
export interface Step {
  name: string;
  /** The navigation or complex property, declared by the type or a base type of it. */
  member: NavigationProperty | Property;
  type: StructuredType;
  collection: boolean;
  /** A complex property: a way through only where its type leads to navigation properties (`Steps.leads`). */
  complex: boolean;
}

/**
 * What a path may follow from a value of type `t`, own and inherited: its navigation properties,
 * and its single-valued complex properties, a way through where their type leads to navigation
 * properties (a collection of complex values has no addressable members; a complex value that leads
 * nowhere ends the path). Whether one leads is asked only of a step the pattern takes (it reads the
 * complex types on the way).
 */
export class Steps {
  private readonly known = new Map<StructuredType, Step[]>();
  /** Whether a complex property's type leads to navigation properties. */
  readonly leads: (t: StructuredType) => boolean;
  constructor(private readonly fill: Fill | undefined) {
    this.leads = navigationReacher(fill);
  }
  of(t: StructuredType): Step[] {
    let list = this.known.get(t);
    if (!list) {
      this.fill?.(t);
      const own: Step[] = t.navigationProperties.map((n) => ({ name: n.name, member: n, type: n.target, collection: n.collection, complex: false }));
      for (const p of t.properties)
        if (!p.type.collection && p.type.type.kind === "complex") own.push({ name: p.name, member: p, type: p.type.type, collection: false, complex: true });
      list = t.baseType ? [...this.of(t.baseType), ...own] : own;
      this.known.set(t, list);
    }
    return list;
  }
}

/** An operation a pattern named: selected, its first route kept for `--why`, the pattern added to those that named it. */
function namedOperation(result: PathSelection, op: Operation, route: PathRoute): void {
  result.operations.add(op);
  if (!result.routes.operations.has(op)) result.routes.operations.set(op, route);
  const patterns = result.operationPatterns.get(op);
  if (patterns) patterns.add(route.pattern);
  else result.operationPatterns.set(op, new Set([route.pattern]));
}

/**
 * The states of a path pattern after an operation segment written any of the ways a URL may write
 * the operation (`operationSegments`: `sendMail`, `microsoft.graph.sendMail`): each way is the same
 * segment, so an include or exclude written one way matches a path written the other.
 */
function advanceOperation(p: PathPattern, states: States, names: readonly string[]): States {
  let next = 0;
  for (const name of names) next |= advance(p, states, name, true);
  return next;
}

/**
 * The operations bound to the node's type or one of its bases that a last segment written out
 * names, however each pattern writes it; adds them to the result. Whether any did.
 */
function matchOperations(
  node: Node,
  pattern: PathPattern,
  exclude: readonly PathPattern[],
  bound: BoundIndex,
  result: PathSelection,
): boolean {
  let matched = false;
  for (let t: StructuredType | undefined = node.type; t; t = t.baseType) {
    for (const op of bound.byType.get(t) ?? []) {
      const names = operationSegments(op, bound.aliases);
      // The route writes the operation as the include does.
      const name = names.find((n) => accepts(pattern, advance(pattern, node.states, n, true)));
      if (name === undefined) continue;
      if (exclude.some((p, i) => accepts(p, advanceOperation(p, node.excluded[i], names)))) continue;
      if (bound.holds && !bound.holds(op)) continue;
      namedOperation(result, op, { pattern: pattern.text, path: routeOf(node, name, op.binding?.type.collection) });
      matched = true;
    }
  }
  return matched;
}

/**
 * Whether `name`, a stream property of the node's type (own or inherited, URL Conventions §4.6:
 * `…/Photo`), ends the pattern there, and no exclude pattern ends there. The node's members have
 * been read (`Steps.of`).
 */
function endsInStream(node: Node, name: string, pattern: PathPattern, exclude: readonly PathPattern[]): boolean {
  if (!accepts(pattern, advance(pattern, node.states, name, true))) return false;
  if (exclude.some((p, i) => accepts(p, advance(p, node.excluded[i], name, true)))) return false;
  for (let t: StructuredType | undefined = node.type; t; t = t.baseType) if (t.properties.some((p) => p.name === name && isAddressableStream(p))) return true;
  return false;
}

/** Reads a type's members when the model was built lazily (model/build's `LazyModel.fill`). */
export type Fill = (t: SchemaType) => void;

/** Whether `t` or a base type of it declares a structural property `name`. */
function hasProperty(t: StructuredType, name: string, fill: Fill | undefined): boolean {
  for (let b: StructuredType | undefined = t; b; b = b.baseType) {
    fill?.(b);
    if (b.properties.some((p) => p.name === name)) return true;
  }
  return false;
}

export function descendants(t: StructuredType): StructuredType[] {
  const out: StructuredType[] = [];
  const visit = (c: StructuredType) => {
    for (const d of c.derived) {
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

/** Operations by the entity or complex type their binding parameter names (single or collection). */
export type BoundOperations = Map<StructuredType, Operation[]>;

/** What matching a bound operation segment needs: the operations by binding type, the schema aliases, and (lazily built) reading a function's result. */
interface BoundIndex {
  byType: BoundOperations;
  aliases: ReadonlyMap<string, string>;
  fillOperation?: FillOperation | undefined;
  /** With a lazily built model: completes a type (a composable function's result, for its key). */
  fill?: Fill | undefined;
  /** Only what a slice can hold is matched or gone through (`PathModel.holds`). */
  holds?: Holds | undefined;
}

/** A composable function a path goes on through: as the pattern writes it (`name`), every way a URL may (`names`), and what it returns. */
interface Composed {
  op: Operation;
  name: string;
  names: readonly string[];
  type: StructuredType;
  collection: boolean;
}

/**
 * The composable functions bound to the node's type or a base of it that a literal segment of the
 * pattern names with more of the pattern to come, and the entities they return: the walk goes on
 * through them as through a navigation property (URL Conventions §4.5.1). A pattern that ends at
 * the function names only the function (`matchOperations`).
 */
function compositions(node: Node, pattern: PathPattern, bound: BoundIndex, notFollowed: (op: Operation, name: string, states: States) => void): Composed[] {
  const out: Composed[] = [];
  const end = 1 << pattern.segments.length;
  for (let t: StructuredType | undefined = node.type; t; t = t.baseType) {
    for (const op of bound.byType.get(t) ?? []) {
      const names = operationSegments(op, bound.aliases);
      const name = names.find((n) => (advance(pattern, node.states, n, true) & ~end) !== 0);
      if (name === undefined || (bound.holds && !bound.holds(op))) continue;
      const result = composedResult(op, bound.fillOperation, bound.fill);
      if (result) out.push({ op, name, names, ...result });
      else notFollowed(op, name, advance(pattern, node.states, name, true));
    }
  }
  return out;
}

export function boundOperations(operations: readonly Operation[]): BoundOperations {
  const out: BoundOperations = new Map();
  for (const op of operations) {
    const t = op.binding?.type.type;
    if (t?.kind !== "entity" && t?.kind !== "complex") continue;
    const list = out.get(t);
    if (list) list.push(op);
    else out.set(t, [op]);
  }
  return out;
}

/** The names a URL may give a bound operation: unqualified, qualified, and by its schema's alias. */
export function operationSegments(op: Operation, aliases: ReadonlyMap<string, string>): string[] {
  const names = [op.name, op.qualifiedName];
  for (const [alias, ns] of aliases) if (ns === op.namespace) names.push(`${alias}.${op.name}`);
  return names;
}

/** What the walk needs of the model. */
export interface PathModel {
  /** The service's containers: one, or those extending each other (CSDL §13.1.2), whose sets are all under the service root. */
  containers: readonly EntityContainer[];
  /** Every operation of the model (bound ones may end a path). */
  operations: readonly Operation[];
  aliases: ReadonlyMap<string, string>;
  /** Every type, and each document's aliases: what a navigation property's Validation.DerivedTypeConstraint names. */
  types: Model["types"];
  documentAliases?: Model["documentAliases"];
  /** With a lazily built model: reads a composable function's result, which a path may go on through (composable.ts). */
  fillOperation?: FillOperation;
  /**
   * What a slice can hold (`Holds`), when the walk is to name only such paths: the walks behind the
   * notes on where a `**` stopped, which suggest a pattern (slice.ts `stopsText`).
   */
  holds?: Holds;
  /**
   * Types no path builder goes through (an `--exclude` name leaves them out): the walk goes through
   * them all the same, and says what it reaches only through one (`PathSelection.unbuilt`).
   */
  unbuilt?: (t: StructuredType) => boolean;
}

/**
 * Whether a slice can hold a type or operation: one it cannot (an `--exclude` name leaves it out, or
 * an operation a type it needs) is no way through for the walk, and no match.
 */
export type Holds = (x: StructuredType | Operation) => boolean;

/** The path model of a model: its containers, operations, aliases and types. */
export function pathModel(model: Model): PathModel {
  return {
    containers: model.schemas.flatMap((s) => s.containers),
    operations: model.schemas.flatMap((s) => s.operations),
    aliases: model.aliases,
    types: model.types,
    ...(model.documentAliases ? { documentAliases: model.documentAliases } : {}),
  };
}

/**
 * What the include patterns select. `throughStops`: each include's `**` goes on below navigation
 * properties that are not contained, and `beyond` says what it then reaches only that way (`--why`).
 * `matchedAlready`: patterns whose matches are none of the includes' (a path one of them matches is
 * not matched again), though the walk goes on below them, as it does not below an exclude's.
 */
export function selectPaths(
  model: PathModel,
  includeAsWritten: readonly PathPattern[],
  excludeAsWritten: readonly PathPattern[],
  fill?: Fill,
  throughStops = false,
  matchedAlready: readonly PathPattern[] = [],
): PathSelection {
  const { containers } = model;
  const include = includeAsWritten.map((p) => withNamespaces(p, model.aliases));
  // The exclude patterns, then those that only unmatch (`cuts`: how many cut the walk).
  const exclude = [...excludeAsWritten, ...matchedAlready].map((p) => withNamespaces(p, model.aliases));
  const cuts = excludeAsWritten.length;
  const routes = { addressed: new Map(), onPath: new Map(), operations: new Map() };
  const result: PathSelection = { addressed: new Set(), onPath: new Set(), operations: new Set(), operationPatterns: new Map(), unmatched: [], stops: new Map(), routes, throughOperations: new Map(), beyond: new Map(), notFollowed: new Map() };
  if (!containers.length) {
    result.unmatched.push(...include.map((p) => p.text));
    return result;
  }
  const steps = new Steps(fill);
  const casts = include.some(hasCastSegment) || exclude.slice(0, cuts).some(hasCastSegment);
  // A bound operation is matched only by a segment that names it (like a cast): wildcards keep
  // matching navigation properties, whose types bring their bound operations along anyway.
  const bound: BoundIndex | undefined = include.some((p) => p.segments.some((seg) => !seg.any && seg.literal !== undefined))
    ? { byType: boundOperations(model.operations), aliases: model.aliases, fillOperation: model.fillOperation, fill, holds: model.holds }
    : undefined;
  if (model.unbuilt) result.unbuilt = { matched: new Set(), clear: new Set(), past: new Map() };
  for (const pattern of include) {
    if (!walk(containers, pattern, exclude, cuts, steps, casts, bound, result, throughStops, model.holds, model.unbuilt)) result.unmatched.push(pattern.text);
  }
  // A type one pattern reaches through no unbuilt type is reached so, whatever another one does.
  if (result.unbuilt) for (const t of result.unbuilt.clear) result.unbuilt.past.delete(t);
  return result;
}

/**
 * Runs one pattern and adds what it selects to `result`. Whether it matched anything (a pattern
 * selecting only what an earlier one did matched all the same).
 */
function walk(
  containers: readonly EntityContainer[],
  pattern: PathPattern,
  exclude: readonly PathPattern[],
  cuts: number,
  steps: Steps,
  casts: boolean,
  bound: BoundIndex | undefined,
  result: PathSelection,
  throughStops: boolean,
  holds: Holds | undefined,
  unbuilt?: (t: StructuredType) => boolean,
): boolean {
  const nodes = new Map<string, Node>();
  const accepting: Node[] = [];
  /** Nodes where a matched bound operation ends the path: on the route, not addressed themselves. */
  const operationRoutes: Node[] = [];
  /** Steps through composable functions: each function is kept where a match lies beyond it. */
  const composed: Composition[] = [];
  const queue: Node[] = [];
  /**
   * Through stops: the nodes first reached across a stop, walked once the queue is done, so that
   * each node's first route crosses as few stops as any (a 0-1 breadth-first walk); one reached
   * without a stop before then is moved to the queue, by that route.
   */
  const deferred = new Set<Node>();
  /**
   * Through stops: the nodes reached across as many stops as those the walk is at, not walked yet
   * (`pending`); one reached by a route with fewer segments through no more stops takes it, in the queue.
   */
  const waiting = new Set<Node>();
  const excludeStart = exclude.map((p) => startStates(p));
  // A last segment written out may name a stream property (Graph's `/me/drive/items/{id}/content`):
  // the path addresses the entity's stream, so it selects the entity, as a last `$value` does.
  const last = pattern.segments[pattern.segments.length - 1];
  const streamName = last && !last.any ? last.literal : undefined;

  /** The first operation segment with more of the pattern after it that the walk does not go on through. */
  let notFollowed: { segment: string; operations: Operation[] } | undefined;
  /** `states`: the pattern's after the segment; one that may end there asks for nothing after an action or a function that is not composable (`…/lastCell/**`). */
  const blocked = (op: Operation, name: string, states: States) => {
    if (accepts(pattern, states) && !(op.kind === "function" && op.composable)) return;
    notFollowed ??= { segment: name, operations: [] };
    if (notFollowed.segment === name && !notFollowed.operations.includes(op)) notFollowed.operations.push(op);
  };

  /** Where the pattern's `**` stopped: a route to each navigation property that is not contained (`advance`). */
  const stops = new Map<NavigationProperty, PatternStop>();

  /** The node reached by segment `name` from `from` (or from the root), unless excluded or dead. */
  /** `complex`: the segment is a complex property, a way through only where its type leads to navigation properties. */
  /** `bindsEntity`: the segment is a composable function, bound to one entity or not. */
  /** `leaves`: a navigation property that is not contained, past which a `**` does not go (`advance`). */
  /** `names`: a bound function's every way of being written (`advanceOperation`), `name` among them. */
  const step = (from: Node | undefined, type: StructuredType, name: string, isCast: boolean, collection: boolean, complex = false, bindsEntity?: boolean, leaves?: NavigationProperty, names?: readonly string[]): Node | undefined => {
    if (holds && !holds(type)) return undefined;
    const before = from ? from.states : startStates(pattern);
    const next = (p: PathPattern, states: States) => (names ? advanceOperation(p, states, names) : advance(p, states, name, isCast, leaves !== undefined));
    // The states past the segment where a `**` stops at it (`advance`), and, walking through stops, where it goes on.
    const kept = next(pattern, before);
    const through = throughStops && leaves ? advance(pattern, before, name, isCast) : kept;
    if (through === 0 || (complex && !steps.leads(type))) return undefined;
    const excluded = exclude.map((p, i) => next(p, from ? from.excluded[i] : excludeStart[i]));
    if (exclude.some((p, i) => i < cuts && accepts(p, excluded[i]))) return undefined;
    const reach = (states: States, stopped: boolean): Node => {
      const key = `${type.qualifiedName} ${states} ${excluded.join(",")}`;
      let node = nodes.get(key);
      if (!node) {
        node = { type, states, excluded, from: [], useful: false, parent: from, segment: name, collection, depth: (from?.depth ?? 0) + 1, ...(bindsEntity === undefined ? {} : { bindsEntity }) };
        nodes.set(key, node);
        if (stopped) {
          // The `**` (its state) that the navigation property that is not contained stopped.
          const cut = states & ~kept;
          node.stopped = Math.log2(cut & -cut);
          deferred.add(node);
        } else queue.push(node);
        if (accepts(pattern, states) && !exclude.some((p, i) => accepts(p, excluded[i]))) accepting.push(node);
      } else if (!stopped && (deferred.has(node) || (waiting.has(node) && (from?.depth ?? 0) + 1 < node.depth))) {
        // Deferred, now reached without a stop (or waiting, now by a shorter route): by this route, in the queue.
        Object.assign(node, { parent: from, segment: name, collection, stopped: undefined, depth: (from?.depth ?? 0) + 1 });
        if (bindsEntity === undefined) delete node.bindsEntity;
        else node.bindsEntity = bindsEntity;
        deferred.delete(node);
        waiting.delete(node);
        queue.push(node);
      }
      if (from) node.from.push(from);
      return node;
    };
    // Through stops, the states a stop keeps go on without one (`/me/**/items/**` past `/me/drive`: its
    // `items`), and all of them, the cut `**` too, only across the stop: a route crosses a stop only
    // where the states it keeps lead nowhere the route goes.
    const node = kept === 0 ? undefined : reach(kept, false);
    const across = through === kept ? undefined : reach(through, true);
    // A `**` that would have gone on below, to a type that leads somewhere: said once per pattern (slice.ts).
    const cut = from && leaves && !stops.has(leaves) ? advance(pattern, from.states, name, isCast) & ~kept : 0;
    if (cut && steps.of(type).some((s) => !s.complex || steps.leads(s.type)))
      stops.set(leaves!, { route: routeOf(from!, name), stars: pattern.segments.flatMap((seg, i) => (seg.any && cut & (1 << i) ? [i] : [])) });
    return node ?? across;
  };

  for (const container of containers) {
    for (const s of container.entitySets) step(undefined, s.entityType, s.name, false, true);
    for (const s of container.singletons) step(undefined, s.type, s.name, false, false);
  }
  let imported = false;
  for (const imp of containers.flatMap((c) => c.imports)) {
    // An import an --exclude path names is left out, as a set or singleton is.
    const named = exclude.map((p, i) => accepts(p, advance(p, excludeStart[i], imp.name, false)));
    if (named.some((x, i) => x && i < cuts)) continue;
    const states = advance(pattern, startStates(pattern), imp.name, false);
    if (accepts(pattern, states) && !named.includes(true)) {
      for (const op of imp.operations) {
        if (holds && !holds(op)) continue;
        namedOperation(result, op, { pattern: pattern.text, path: `/${imp.name}` });
      }
      imported = true;
    }
    if (bound && (advance(pattern, startStates(pattern), imp.name, true) & ~(1 << pattern.segments.length)) !== 0) {
      // The path goes on through what an imported composable function returns (its name written out).
      let followed = false;
      for (const op of imp.operations) {
        if (holds && !holds(op)) continue;
        const r = composedResult(op, bound.fillOperation, bound.fill);
        const to = r && step(undefined, r.type, imp.name, true, r.collection, false, false);
        if (to) composed.push({ from: undefined, to, op, name: imp.name });
        followed = r !== undefined;
        if (r) break;
      }
      if (!followed) for (const op of imp.operations) blocked(op, imp.name, advance(pattern, startStates(pattern), imp.name, true));
    }
  }
  // Through stops, the nodes reached across one more stop (`deferred`, in the order they were found)
  // are taken in with the queue by depth, so that each node's first route has the fewest segments
  // among those through the fewest stops: appended at once, a node far down one of them went before
  // the nodes one segment below a nearer one, and its routes were the first found. One of them
  // reached by a shorter route through as many stops before it is walked takes that route (`waiting`).
  let pending: Node[] = [];
  for (let i = 0, p = 0; ; ) {
    let node: Node;
    if (p < pending.length && (i === queue.length || pending[p]!.depth <= queue[i]!.depth)) {
      node = pending[p++]!;
      // Taken into the queue by a shorter route, and walked there.
      if (!waiting.delete(node)) continue;
    } else if (i < queue.length) node = queue[i++]!;
    else if (deferred.size) {
      pending = [...deferred].sort((a, b) => a.depth - b.depth);
      for (const n of pending) waiting.add(n);
      deferred.clear();
      p = 0;
      continue;
    } else break;
    for (const s of steps.of(node.type)) step(node, s.type, s.name, false, s.collection, s.complex, undefined, s.member.kind === "navigation" && !s.member.containsTarget ? s.member : undefined);
    if (casts) for (const d of descendants(node.type)) step(node, d, d.qualifiedName, true, node.collection);
    if (bound && matchOperations(node, pattern, exclude, bound, result)) operationRoutes.push(node);
    // A function's name is matched only as written out, as a cast's is (`advance`'s isCast).
    for (const c of bound ? compositions(node, pattern, bound, blocked) : []) {
      const to = step(node, c.type, c.name, true, c.collection, false, !c.op.binding?.type.collection, undefined, c.names);
      if (to) composed.push({ from: node, to, op: c.op, name: c.name });
    }
    if (streamName !== undefined && !accepting.includes(node) && endsInStream(node, streamName, pattern, exclude)) accepting.push(node);
  }

  // Backward: a node is useful when a match lies at or beneath it.
  const stack = [...accepting, ...operationRoutes];
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
  for (const c of composed) {
    if (!c.to.useful) continue;
    const route = { pattern: pattern.text, path: c.from ? routeOf(c.from, c.name, c.op.binding?.type.collection) : `/${c.name}` };
    namedOperation(result, c.op, route);
    if (!result.throughOperations.has(c.op)) result.throughOperations.set(c.op, route);
  }
  for (const n of accepting) {
    result.addressed.add(n.type);
    if (!result.routes.addressed.has(n.type)) result.routes.addressed.set(n.type, { pattern: pattern.text, path: routeOf(n) });
  }
  if (stops.size) result.stops.set(pattern.text, [...stops.values()]);
  // Said only of a segment the walk went on through nowhere (an overload, or one bound to another type, may compose).
  const unfollowed = notFollowed;
  if (unfollowed && !composed.some((c) => c.name === unfollowed.segment && c.to.useful)) result.notFollowed.set(pattern.text, unfollowed);
  if (throughStops) beyondStops(pattern, nodes.values(), result.beyond);
  for (const n of nodes.values()) {
    if (!n.useful) continue;
    result.onPath.add(n.type);
    if (!result.routes.onPath.has(n.type)) result.routes.onPath.set(n.type, { pattern: pattern.text, path: routeOf(n) });
  }
  if (unbuilt && result.unbuilt) {
    const clear = clearNodes(nodes.values(), unbuilt);
    if (imported || [...accepting, ...operationRoutes].some((n) => clear.has(n))) result.unbuilt.matched.add(pattern.text);
    for (const n of nodes.values()) {
      if (!n.useful || unbuilt(n.type)) continue;
      if (clear.has(n)) result.unbuilt.clear.add(n.type);
      else if (!result.unbuilt.past.has(n.type)) {
        // Every route here goes through an unbuilt type, so the first one does: the one nearest the root on it.
        let gate = n;
        for (let m: Node | undefined = n; m; m = m.parent) if (unbuilt(m.type)) gate = m;
        result.unbuilt.past.set(n.type, { through: gate.type, route: { pattern: pattern.text, path: routeOf(gate) } });
      }
    }
  }
  return accepting.length > 0 || operationRoutes.length > 0 || imported;
}

/**
 * The nodes some route reaches from the root through no node of an unbuilt type: one pass forward
 * along the edges the walk recorded (`Node.from`), each node and edge once.
 */
function clearNodes(nodes: Iterable<Node>, unbuilt: (t: StructuredType) => boolean): Set<Node> {
  const next = new Map<Node, Node[]>();
  const stack: Node[] = [];
  for (const n of nodes) {
    if (!n.parent && !unbuilt(n.type)) stack.push(n);
    for (const f of n.from) {
      const list = next.get(f);
      if (list) list.push(n);
      else next.set(f, [n]);
    }
  }
  const clear = new Set(stack);
  while (stack.length) {
    for (const n of next.get(stack.pop()!) ?? []) {
      if (clear.has(n) || unbuilt(n.type)) continue;
      clear.add(n);
      stack.push(n);
    }
  }
  return clear;
}

/** Adds to `beyond` the types the useful nodes reach through a stop of the pattern's `**` (`Node.stopped`), not there yet. */
function beyondStops(pattern: PathPattern, nodes: Iterable<Node>, beyond: Map<StructuredType, BeyondStop>): void {
  const end = pattern.segments[pattern.segments.length - 1];
  for (const n of nodes) {
    if (!n.useful || beyond.has(n.type)) continue;
    // A stop at the node's own segment is one too: a `**` that matches the property as its last
    // segment reaches the type by a node without one (`step` makes that one first), and keeps it.
    const stops: Node[] = [];
    for (let m: Node | undefined = n; m; m = m.parent) if (m.stopped !== undefined) stops.push(m);
    const last = stops[0];
    const star = last && pattern.segments[last.stopped!];
    if (!star?.any) continue;
    const keepsTargets = stops.every((m) => pattern.segments[m.stopped!] === end);
    beyond.set(n.type, { pattern: pattern.text, path: routeOf(n), stops: stops.reverse().map((m) => routeOf(m)), rest: patternFrom(pattern, star), keepsTargets });
  }
}

/**
 * A URL path pattern that matches nothing, respelt: each literal segment that names nothing where
 * it stands (an entity set or singleton first, then a navigation property, a cast or a bound
 * operation) replaced by the nearest name that does (`nearestName`: case, or an edit or two away),
 * as long as that pattern then matches. Key segments and predicates are kept as written; a segment
 * with a wildcard other than `*` ends the respelling (the rest is kept as written). A segment that
 * names nothing and is near no name, right after one that addresses a collection, is a key written
 * as a value, as Graph's documentation writes URLs (`/workspaces/default/sessions/ecdfb9b3-…`):
 * it becomes `{id}`.
 */
export function suggestPath(text: string, model: PathModel, exclude: readonly PathPattern[], fill?: Fill): string | undefined {
  const parts = text.trim().split("/");
  // A last `$ref`, `$count` or `$value` is kept as written (glob.ts's pathSegments skips it).
  let end = parts.length;
  while (end > 0 && parts[end - 1] === "") end--;
  if (parts.slice(0, end).filter((p) => p !== "").length > 1 && SYSTEM_SEGMENTS.has(parts[end - 1])) end--;
  const steps = new Steps(fill);
  const bound = boundOperations(model.operations);
  /** Where the walk stands: the root (undefined) or the types reached. */
  let here: Set<StructuredType> | undefined;
  let changed = false;
  /** Whether the walk stands on a collection not yet given a key (a key may come next). */
  let keyable = false;
  for (let k = 0; k < end; k++) {
    const raw = parts[k];
    if (raw === "") continue;
    if (/^\{[^}]*\}$/.test(raw)) {
      keyable = false;
      continue;
    }
    // A key in parentheses written as a segment of its own (`/Photos/('x')`), not after its set's name.
    if (keyable && /^\(.*\)$/.test(raw)) {
      parts[k] = "{id}";
      keyable = false;
      changed = true;
      continue;
    }
    const seg = withoutKey(raw);
    const key = raw.slice(seg.length);
    // What each name reaches from here (undefined: an operation, which ends the path), and which
    // of them address a collection.
    const names = new Map<string, StructuredType[]>();
    const collections = new Set<string>();
    const add = (name: string, t?: StructuredType, collection = false) => {
      const list = names.get(name) ?? [];
      if (t) list.push(t);
      names.set(name, list);
      if (collection) collections.add(name);
    };
    if (!here) {
      for (const c of model.containers) {
        for (const s of c.entitySets) add(s.name, s.entityType, true);
        for (const s of c.singletons) add(s.name, s.type);
        for (const imp of c.imports) add(imp.name);
      }
    } else
      for (const t of here) {
        for (const n of steps.of(t)) if (!n.complex || steps.leads(n.type)) add(n.name, n.type, n.collection);
        for (const d of descendants(t)) add(d.qualifiedName, d);
        // An operation bound to a collection follows a collection, one bound to an entity an entity;
        // the path goes on after a composable function's entities (composable.ts).
        for (let b: StructuredType | undefined = t; b; b = b.baseType)
          for (const op of bound.get(b) ?? []) {
            if (op.binding?.type.collection !== keyable) continue;
            const result = composedResult(op, model.fillOperation, fill);
            for (const name of operationSegments(op, model.aliases)) add(name, result?.type, result?.collection);
          }
      }
    if (seg === "*") {
      here = new Set([...names.entries()].filter(([name]) => !name.includes(".")).flatMap(([, ts]) => ts));
      // A last `*` after a collection whose type has no navigation property to match (`/Photos/*`)
      // can only have been meant as a key.
      if (keyable && here.size === 0 && k === end - 1) {
        parts[k] = "{id}";
        changed = true;
      }
      // Not a key after it: in `/a/*/b`, a `b` that names nothing is more likely a `*` meant as a key.
      keyable = false;
      continue;
    }
    if (/[*?]/.test(seg)) break;
    let name = seg;
    // A structural property, as a request reads one (`/Airports/{id}/Location`, `…/displayName`), is
    // no step of a path pattern: the pattern that keeps it addresses the entity before it.
    if (!names.has(seg) && here && !key && [...here].some((t) => hasProperty(t, seg, fill))) {
      parts.splice(k);
      changed = true;
      break;
    }
    if (!names.has(seg)) {
      const near = nearestName(seg, names.keys());
      if (near === undefined) {
        if (!keyable || key) return undefined;
        parts[k] = "{id}";
        keyable = false;
        changed = true;
        continue;
      }
      parts[k] = near + key;
      name = near;
      changed = true;
    }
    // A cast keeps the walk on what it stood on: a collection stays one.
    keyable = name.includes(".") && names.get(name)?.length ? keyable : collections.has(name) && !key;
    here = new Set(names.get(name));
  }
  if (!changed) return undefined;
  const suggestion = parts.join("/");
  const p = parsePattern(suggestion);
  return p.kind === "path" && selectPaths(model, [p], exclude, fill).unmatched.length === 0 ? suggestion : undefined;
}
