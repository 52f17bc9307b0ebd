/**
 * The custom query options a service's metadata names for reading an address (Capabilities
 * vocabulary: `ReadRestrictions/CustomQueryOptions`), and for calling a function
 * (`OperationRestrictions/CustomQueryOptions`): Graph's `calendarView` and an event's `instances`
 * require `startDateTime` and `endDateTime`, and answer 400 without them.
 *
 * Where an address's are read, least specific first, the last that names any winning (as the
 * custom headers are: custom-headers.ts):
 * - the entity type the address holds;
 * - `NavigationRestrictions/RestrictedProperties` of an entity set or singleton, for the navigation
 *   property its path ends at (`calendarView`, `calendar/calendarView`, `calendarGroups/calendars/calendarView`:
 *   a path of any length, each segment a navigation property of the type the one before leads to).
 *   The builder of that navigation property serves every route to it, so it takes the options of
 *   all such paths (they describe what the service needs of the navigation property: Graph writes
 *   the same ones from `users`, `me` and `groups`);
 * - the navigation property's own `NavigationRestrictions/RestrictedProperties` record whose path
 *   is its own name (Graph's form on `event/instances` and `bookingBusiness/calendarView`);
 * - the entity set's, singleton's or navigation property's own `ReadRestrictions`.
 *
 * A name starting with `$` or `@` (Graph's `$format` on a drive item's content) is no custom query
 * option (URL Conventions §5.2), and is not read.
 */
import { bool, member, navigationOf, pathValue, term } from "./restrictions";
import { concreteDescendants } from "./rules";
import type { Annotation, EntitySet, Model, NavigationProperty, Operation, Singleton, StructuredType } from "./types";
import type { RawExpression } from "../parse/raw";

export interface CustomQueryOption {
  name: string;
  description?: string;
  required: boolean;
  /** Where it is read from: `microsoft.graph.GraphService/users: NavigationRestrictions/RestrictedProperties(calendarView)/ReadRestrictions/CustomQueryOptions`. */
  by: string;
}

/** What one layer says: the term (or a record's property) by name. */
type Get = (name: string) => RawExpression | undefined;

interface Layer {
  get: Get;
  /** The element, and the way to the record from it (`NavigationRestrictions/RestrictedProperties(calendarView)/`). */
  by: string;
  within: string;
}

/** The options a `ReadRestrictions` (found by `get`) names, or none. */
function readOptions(layer: Layer): CustomQueryOption[] {
  return optionList(member(layer.get("ReadRestrictions"), "CustomQueryOptions"), `${layer.by}: ${layer.within}ReadRestrictions/CustomQueryOptions`);
}

function optionList(list: RawExpression | undefined, by: string): CustomQueryOption[] {
  if (list?.kind !== "collection") return [];
  const out: CustomQueryOption[] = [];
  for (const item of list.items) {
    const name = text(member(item, "Name"));
    if (!name || name.startsWith("$") || name.startsWith("@")) continue;
    const description = text(member(item, "Description"));
    merge(out, { name, ...(description ? { description } : {}), required: bool(member(item, "Required")) === true, by });
  }
  return out;
}

/** Adds `o` to `list`, where an option of its name is not there yet; else makes that one required where `o` is (an option named twice, or by several paths). */
function merge(list: CustomQueryOption[], o: CustomQueryOption): void {
  const same = list.findIndex((k) => k.name === o.name);
  if (same < 0) list.push(o);
  else if (o.required && !list[same]!.required) list[same] = { ...list[same]!, required: true, by: o.by };
}

function text(e: RawExpression | undefined): string | undefined {
  return e?.kind === "constant" && e.type === "String" && e.value.trim() !== "" ? e.value : undefined;
}

const annotationLayer = (annotations: readonly Annotation[], by: string): Layer => ({ get: (name) => term(annotations, name), by, within: "" });

/** The options of the last of `layers` that names any. */
function lastNaming(layers: readonly (() => CustomQueryOption[])[]): CustomQueryOption[] {
  for (let k = layers.length - 1; k >= 0; k--) {
    const options = layers[k]!();
    if (options.length) return options;
  }
  return [];
}

/** The custom query options of reading an entity set or singleton `root` of container `container`. */
export function rootQueryOptions(containerName: string, root: EntitySet | Singleton): CustomQueryOption[] {
  const type = root.kind === "entitySet" ? root.entityType : root.type;
  return lastNaming([() => readOptions(annotationLayer(type.annotations, type.qualifiedName)), () => readOptions(annotationLayer(root.annotations, `${containerName}/${root.name}`))]);
}

/** The custom query options of reading navigation property `n`'s address. */
export function navigationQueryOptions(model: Model, n: NavigationProperty): CustomQueryOption[] {
  const by = `${n.declaringType.qualifiedName}/${n.name}`;
  return lastNaming([
    () => readOptions(annotationLayer(n.target.annotations, n.target.qualifiedName)),
    // A slice's copy carries what the whole service's roots say (passes/slice/copy.ts).
    () => (n.overService ? [...n.overService.queryOptions] : fromRoots(model).get(n) ?? []),
    () => ownRecord(n, by),
    () => readOptions(annotationLayer(n.annotations, by)),
  ]);
}

/** The options of `n`'s own `NavigationRestrictions/RestrictedProperties` record naming `n` itself (Graph's form). */
function ownRecord(n: NavigationProperty, by: string): CustomQueryOption[] {
  const items = member(term(n.annotations, "NavigationRestrictions"), "RestrictedProperties");
  if (items?.kind !== "collection") return [];
  for (const item of items.items) {
    if (pathValue(member(item, "NavigationProperty")) !== n.name) continue;
    const options = readOptions({ get: (name) => member(item, name), by, within: `NavigationRestrictions/RestrictedProperties(${n.name})/` });
    if (options.length) return options;
  }
  return [];
}

/** What the roots of `model` say of navigation property `n` of it (`fromRoots`), for a slice's copy of `n`. */
export function rootOptionsOf(model: Model, n: NavigationProperty): CustomQueryOption[] {
  return fromRoots(model).get(n) ?? [];
}

const rootsCache = new WeakMap<Model, Map<NavigationProperty, CustomQueryOption[]>>();

/**
 * The options entity sets' and singletons' `RestrictedProperties` give navigation properties, by
 * the navigation property each path ends at: every path's, merged by name (required where any
 * says so), in the order first named.
 */
function fromRoots(model: Model): Map<NavigationProperty, CustomQueryOption[]> {
  let out = rootsCache.get(model);
  if (out) return out;
  out = new Map();
  rootsCache.set(model, out);
  for (const c of model.schemas.flatMap((s) => s.containers))
    for (const root of [...c.entitySets, ...c.singletons]) {
      const items = member(term(root.annotations, "NavigationRestrictions"), "RestrictedProperties");
      if (items?.kind !== "collection") continue;
      const start: StructuredType = root.kind === "entitySet" ? root.entityType : root.type;
      for (const item of items.items) {
        const path = pathValue(member(item, "NavigationProperty"));
        if (path === undefined) continue;
        let type = start;
        let n: NavigationProperty | undefined;
        for (const segment of path.split("/")) {
          n = navigationOf(type, segment);
          if (!n) break;
          type = n.target;
        }
        if (!n) continue;
        const options = readOptions({ get: (name) => member(item, name), by: `${c.qualifiedName}/${root.name}`, within: `NavigationRestrictions/RestrictedProperties(${path})/` });
        if (!options.length) continue;
        const known = out.get(n) ?? [];
        for (const o of options) merge(known, o);
        out.set(n, known);
      }
    }
  return out;
}

/** The custom query options of calling function `op` (`OperationRestrictions/CustomQueryOptions`). */
export function operationQueryOptions(op: Operation): CustomQueryOption[] {
  return optionList(member(term(op.annotations, "OperationRestrictions"), "CustomQueryOptions"), `${op.qualifiedName}: OperationRestrictions/CustomQueryOptions`);
}

/** The names of the required ones, sorted. */
export function requiredNames(options: readonly CustomQueryOption[]): string[] {
  return options.filter((o) => o.required).map((o) => o.name).sort();
}

const needingCache = new WeakMap<Model, Set<StructuredType>>();

/**
 * The entity types some collection address of which (an entity set, a navigation property) requires
 * custom query options, and the types they derive from (whose list functions take such an address
 * too): their list functions infer the type of a call's `query`, and take only an address needing
 * no option it may lack (`rt.QueryGiven<Q>`).
 */
export function queryNeedingTypes(model: Model): ReadonlySet<StructuredType> {
  let out = needingCache.get(model);
  if (out) return out;
  out = new Set();
  needingCache.set(model, out);
  const mark = (t: StructuredType) => {
    for (let x: StructuredType | undefined = t, depth = 0; x && depth < 1000 && !out!.has(x); x = x.baseType, depth++) out!.add(x);
    // An abstract type's collection is typed as its concrete subtypes' union, which their own list functions take too.
    if (t.abstract) for (const d of concreteDescendants(t)) out!.add(d);
  };
  for (const c of model.schemas.flatMap((s) => s.containers)) for (const set of c.entitySets) if (rootQueryOptions(c.qualifiedName, set).some((o) => o.required)) mark(set.entityType);
  for (const t of model.types.values()) {
    if (t.kind !== "entity" && t.kind !== "complex") continue;
    for (const n of t.navigationProperties) if (n.collection && navigationQueryOptions(model, n).some((o) => o.required)) mark(n.target);
  }
  // A composable function's collection of entities, whose address builder (`…Ref`) carries them too.
  for (const s of model.schemas)
    for (const op of s.operations) {
      const ret = op.returnType;
      if (op.kind === "function" && op.composable && ret?.collection && (ret.type.kind === "entity" || ret.type.kind === "complex") && operationQueryOptions(op).some((o) => o.required)) mark(ret.type);
    }
  return out;
}
