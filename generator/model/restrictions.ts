/**
 * What a service's metadata forbids at an address, from the Capabilities vocabulary
 * (Org.OData.Capabilities.V1): `InsertRestrictions/Insertable`, `UpdateRestrictions/Updatable`,
 * `DeleteRestrictions/Deletable` and `ReadRestrictions/Readable` (with its `ReadByKeyRestrictions`),
 * each `false`. The generated address builders carry it in their types, so that a request the
 * service refuses (405) does not compile (requests-view.ts).
 *
 * Where each is read, least specific first, a later one's explicit value winning:
 * - the entity type the address holds (the terms apply to EntityType as well as to sets);
 * - the entity set or singleton (its own annotation or an `<Annotations Target="ns.Container/Set">`
 *   block's), or the navigation property (`ns.Type/nav`) that the builder follows;
 * - `NavigationRestrictions/RestrictedProperties` of an entity set or singleton, for a navigation
 *   property of its type named by a one-segment path, where that builder serves no other route (no
 *   other set, singleton, navigation property or operation result holds the type or a type of its
 *   family): a builder serving several routes cannot tell which it is on, so it is not restricted.
 *
 * On a collection, `IndexableByKey` false too: its members are not addressed by key (`byKey`).
 *
 * On a collection, the query restrictions too: `CountRestrictions/Countable` (also `/$count`),
 * `FilterRestrictions/Filterable`, `SearchRestrictions/Searchable`, `ExpandRestrictions/Expandable`,
 * `TopSupported`, `SkipSupported`, `SelectSupport/Supported`, `SortRestrictions/Sortable`, each
 * `false` (QUERY_TERMS), which a list, `rt.count` and `rt.readRefs` on the address take.
 *
 * `true`, no annotation, a qualified one, or a value that is not a Bool constant (a `Path`, a
 * dynamic expression) forbid nothing: a client may always try (the vocabulary's words). As for
 * `Capabilities.KeyAsSegmentSupported`, such a value is not reported.
 */
import { xsBoolean, CAPABILITIES } from "./rules";
import type { Annotation, EntityContainer, EntitySet, EntityType, Model, NavigationProperty, Singleton, StructuredType } from "./types";
import type { RawExpression } from "../parse/raw";

/**
 * A request the metadata may forbid: POST to a collection, list it, address its members by key
 * (`IndexableByKey`), read, change or delete one entity; or a query option it does not support on a
 * collection (`QueryRestricted`).
 */
export type Restricted = "insert" | "list" | "read" | "key" | "update" | "delete" | QueryRestricted;

/** A query option the metadata may say a collection does not support, by its name in a read's options. */
export type QueryRestricted = "count" | "filter" | "search" | "expand" | "top" | "skip" | "select" | "orderby";

/** The order restrictions are written in (markers, messages). */
export const RESTRICTED: readonly Restricted[] = ["insert", "list", "read", "key", "update", "delete", "count", "filter", "search", "expand", "top", "skip", "select", "orderby"];

/**
 * Where each query restriction is read: the term, and its Bool property (none for the terms that
 * are a Bool themselves). Each says whether the option is supported at all; their per-property
 * lists (`NonFilterableProperties`, `NonSortableProperties`, `NonExpandableProperties`,
 * `RequiredProperties`, `MaxLevels`) are not read.
 */
const QUERY_TERMS: Readonly<Record<QueryRestricted, readonly [term: string, property?: string]>> = {
  count: ["CountRestrictions", "Countable"],
  filter: ["FilterRestrictions", "Filterable"],
  search: ["SearchRestrictions", "Searchable"],
  expand: ["ExpandRestrictions", "Expandable"],
  top: ["TopSupported"],
  skip: ["SkipSupported"],
  select: ["SelectSupport", "Supported"],
  orderby: ["SortRestrictions", "Sortable"],
};

export function isQueryRestriction(what: Restricted): what is QueryRestricted {
  return what in QUERY_TERMS;
}

export interface Restriction {
  what: Restricted;
  /** The term and property that forbid it: `DeleteRestrictions/Deletable`. */
  term: string;
  /** The element whose annotation says so: `microsoft.graph.security/alerts`, `microsoft.graph.site`. */
  by: string;
}

/** What is said of each request at one element: false forbids, true allows, absent says nothing. */
type Said = Partial<Record<Restricted, { allowed: boolean; term: string }>>;

export function term(annotations: readonly Annotation[], name: string): RawExpression | undefined {
  if (annotations.length === 0) return undefined;
  const full = `${CAPABILITIES}.${name}`;
  return annotations.find((a) => a.term === full && !a.qualifier)?.value;
}

export function member(record: RawExpression | undefined, name: string): RawExpression | undefined {
  return record?.kind === "record" ? record.properties.find((p) => p.name === name)?.value : undefined;
}

/**
 * A path a term's member holds (a `NavigationPropertyPath`, a `PropertyPath`): the path expression's
 * text, or a String constant's, which is how CSDL JSON writes it (CSDL JSON 4.01, sections
 * "Navigation Property Path" and "Property Path": such a path is a plain string, the term's type
 * saying what it is; its examples write `"NonUpdatableNavigationProperties": ["Supplier"]`; some
 * writers use `{"$NavigationPropertyPath": …}`, read as a path expression). Anything else says nothing.
 */
export function pathValue(e: RawExpression | undefined): string | undefined {
  return e?.kind === "path" || (e?.kind === "constant" && e.type === "String") ? e.value : undefined;
}

/** A Bool constant's value; anything else (absent, a Path, a dynamic expression) says nothing. */
export function bool(e: RawExpression | undefined): boolean | undefined {
  return e?.kind === "constant" && e.type === "Bool" ? xsBoolean(e.value) : undefined;
}

/**
 * What the four restriction records (as found by `get`) say. `collection`: the address is a
 * collection, whose `Readable` is about listing it, and `ReadByKeyRestrictions/Readable` about
 * reading its members (Readable false alone does not forbid that: Graph's `/places` is not
 * listed, but its members are read by key).
 */
function said(get: (name: string) => RawExpression | undefined, collection: boolean, within?: string): Said {
  within ??= ""; // not a default value: see emit/wrap-code.ts brokenType
  const out: Said = {};
  const put = (what: Restricted, value: boolean | undefined, termName: string) => {
    if (value !== undefined) out[what] = { allowed: value, term: within + termName };
  };
  if (collection) put("insert", bool(member(get("InsertRestrictions"), "Insertable")), "InsertRestrictions/Insertable");
  const update = get("UpdateRestrictions");
  // Updatable false but Upsertable true: a PATCH or PUT to the address may still create (upsert),
  // and the update function is the one that sends it.
  if (bool(member(update, "Upsertable")) !== true) put("update", bool(member(update, "Updatable")), "UpdateRestrictions/Updatable");
  put("delete", bool(member(get("DeleteRestrictions"), "Deletable")), "DeleteRestrictions/Deletable");
  const read = get("ReadRestrictions");
  const readable = bool(member(read, "Readable"));
  if (collection) {
    put("list", readable, "ReadRestrictions/Readable");
    put("read", bool(member(member(read, "ReadByKeyRestrictions"), "Readable")), "ReadRestrictions/ReadByKeyRestrictions/Readable");
    // Capabilities.IndexableByKey (a Tag: present without a value, it allows): false, no member is
    // addressed by key (Graph's calendarView, a window of events whose members are read at /events).
    put("key", bool(get("IndexableByKey")), "IndexableByKey");
  } else put("read", readable, "ReadRestrictions/Readable");
  // A collection's query options (a list's, a count's, a $ref read's). One entity's `$select` and
  // `$expand` are not restricted: a collection's restrictions are its members' too (`byKey`), and
  // the vocabulary says nothing of a member read by key.
  if (collection)
    for (const [what, [termName, property]] of Object.entries(QUERY_TERMS) as [QueryRestricted, readonly [string, string?]][]) {
      const value = get(termName);
      put(what, bool(property ? member(value, property) : value), property ? `${termName}/${property}` : termName);
    }
  return out;
}

/** The restrictions left after each layer (least specific first) has said what it says. */
function combine(layers: readonly { by: string; said: Said }[]): Restriction[] {
  const last: Partial<Record<Restricted, Restriction | undefined>> = {};
  for (const layer of layers)
    for (const what of RESTRICTED) {
      const s = layer.said[what];
      if (s) last[what] = s.allowed ? undefined : { what, term: s.term, by: layer.by };
    }
  return RESTRICTED.flatMap((what) => last[what] ?? []);
}

/** What entity type `t`'s own annotations say, as a collection's or a single entity's: kept per type, as every address of it asks. */
function typeLayer(t: EntityType, collection: boolean): { by: string; said: Said } {
  let known = typeLayers.get(t);
  if (!known) typeLayers.set(t, (known = [undefined, undefined]));
  const i = collection ? 1 : 0;
  return (known[i] ??= { by: t.qualifiedName, said: said((name) => term(t.annotations, name), collection) });
}
const typeLayers = new WeakMap<EntityType, [{ by: string; said: Said } | undefined, { by: string; said: Said } | undefined]>();

/** What the metadata forbids at an entity set (`collection`) or singleton, and through `byKey` at a set's members. */
export function rootRestrictions(model: Model, container: EntityContainer, root: EntitySet | Singleton): Restriction[] {
  const collection = root.kind === "entitySet";
  const type = root.kind === "entitySet" ? root.entityType : root.type;
  return combine([typeLayer(type, collection), { by: `${container.qualifiedName}/${root.name}`, said: said((name) => term(root.annotations, name), collection) }]);
}

/** What the metadata forbids at the collection or entity navigation property `n` of `t` leads to. */
export function navigationRestrictions(model: Model, t: StructuredType, n: NavigationProperty): Restriction[] {
  // Asked of its declaring type (builders, restrictedTypes, diff) it is kept; of another (a subtype's view), made anew.
  if (t !== n.declaringType) return navigationRestrictionsOf(model, t, n);
  let known = navigationCache.get(model);
  if (!known) navigationCache.set(model, (known = new Map()));
  let restrictions = known.get(n);
  if (!restrictions) known.set(n, (restrictions = navigationRestrictionsOf(model, t, n)));
  return restrictions;
}

/** navigationRestrictions' answers, per model. */
const navigationCache = new WeakMap<Model, Map<NavigationProperty, Restriction[]>>();

function navigationRestrictionsOf(model: Model, t: StructuredType, n: NavigationProperty): Restriction[] {
  const layers = [typeLayer(n.target, n.collection), { by: `${t.qualifiedName}/${n.name}`, said: said((name) => term(n.annotations, name), n.collection) }];
  // A slice's copy carries what the whole service's roots say (passes/slice/copy.ts).
  const restricted = n.overService ? n.overService.restrictions : restrictedProperties(model).get(n);
  if (restricted) layers.push(restricted);
  return combine(layers);
}

/** What one element says of a navigation property's address (`NavigationRestrictions/RestrictedProperties` of a root). */
export interface RootLayer {
  by: string;
  said: Said;
}

/** What the roots of `model` say of navigation property `n` of it (`restrictedProperties`), for a slice's copy of `n`; null: nothing. */
export function rootLayerOf(model: Model, n: NavigationProperty): RootLayer | null {
  return restrictedProperties(model).get(n) ?? null;
}

/**
 * `NavigationRestrictions/RestrictedProperties` that a navigation builder can carry: one-segment
 * paths from an entity set or singleton whose type no other route reaches. Computed once a model.
 */
const restrictedCache = new WeakMap<Model, Map<NavigationProperty, RootLayer>>();

function restrictedProperties(model: Model): Map<NavigationProperty, RootLayer> {
  let out = restrictedCache.get(model);
  if (out) return out;
  out = new Map();
  restrictedCache.set(model, out);
  let routes: Map<StructuredType, number> | undefined;
  for (const c of model.schemas.flatMap((s) => s.containers))
    for (const root of [...c.entitySets, ...c.singletons]) {
      const items = member(term(root.annotations, "NavigationRestrictions"), "RestrictedProperties");
      if (items?.kind !== "collection") continue;
      const type = root.kind === "entitySet" ? root.entityType : root.type;
      for (const item of items.items) {
        const path = pathValue(member(item, "NavigationProperty"));
        if (path === undefined || path.includes("/")) continue;
        const n = navigationOf(type, path);
        if (!n) continue;
        const s = said((name) => member(item, name), n.collection, `NavigationRestrictions/RestrictedProperties(${n.name})/`);
        if (Object.keys(s).length === 0) continue;
        routes ??= routeCounts(model);
        // The builder serves every entity of its declaring type's family: only one route may reach it.
        if (familyRoutes(n.declaringType, routes) !== 1) continue;
        out.set(n, { by: `${c.qualifiedName}/${root.name}`, said: s });
      }
    }
  return out;
}

/** The navigation property `name` of `t` or a type it derives from. */
export function navigationOf(t: StructuredType, name: string): NavigationProperty | undefined {
  for (let x: StructuredType | undefined = t; x; x = x.baseType) {
    const n = x.navigationProperties.find((p) => p.name === name);
    if (n) return n;
  }
  return undefined;
}

/** How many addresses each entity type is reached by: entity sets, singletons, navigation properties, operation results. */
function routeCounts(model: Model): Map<StructuredType, number> {
  const counts = new Map<StructuredType, number>();
  const count = (t: StructuredType) => counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const s of model.schemas) {
    for (const c of s.containers) {
      for (const e of c.entitySets) count(e.entityType);
      for (const e of c.singletons) count(e.type);
    }
    for (const t of s.types) if (t.kind === "entity" || t.kind === "complex") for (const n of t.navigationProperties) count(n.target);
    for (const op of s.operations) if (op.returnType?.type.kind === "entity") count(op.returnType.type);
  }
  return counts;
}

/** The routes reaching `t`, its base types or its subtypes (a cast leads between them). */
function familyRoutes(t: StructuredType, counts: Map<StructuredType, number>): number {
  let total = 0;
  for (let x = t.baseType; x; x = x.baseType) total += counts.get(x) ?? 0;
  const down = [t];
  while (down.length) {
    const x = down.pop() as StructuredType;
    total += counts.get(x) ?? 0;
    down.push(...x.derived);
  }
  return total;
}

/**
 * The properties a collection's `$filter`, `$orderby` or `$expand` does not take, by the query
 * restrictions' lists (`FilterRestrictions/NonFilterableProperties`,
 * `SortRestrictions/NonSortableProperties`, `ExpandRestrictions/NonExpandableProperties`): the
 * address's own list, else its entity type's. Said in the builder's doc comment, not checked by
 * the types. (`FilterRestrictions/RequiredProperties` and `ExpandRestrictions/MaxLevels` are not read.)
 */
export type PropertyLimits = Partial<Record<"filter" | "orderby" | "expand", string[]>>;

const LISTS = [
  ["filter", "FilterRestrictions", "NonFilterableProperties"],
  ["orderby", "SortRestrictions", "NonSortableProperties"],
  ["expand", "ExpandRestrictions", "NonExpandableProperties"],
] as const;

/** `own` annotations of a collection address (an entity set's, a navigation property's) over those of its entity type `type`. */
export function propertyLimits(type: StructuredType, own: readonly Annotation[]): PropertyLimits {
  const out: PropertyLimits = {};
  for (const [option, termName, list] of LISTS) {
    const paths = pathList(member(term(own, termName), list)) ?? pathList(member(term(type.annotations, termName), list));
    if (paths?.length) out[option] = paths;
  }
  return out;
}

function pathList(e: RawExpression | undefined): string[] | undefined {
  return e?.kind === "collection" ? e.items.flatMap((i) => pathValue(i) ?? []) : undefined;
}

const restrictedTypesCache = new WeakMap<Model, Map<StructuredType, Set<Restricted>>>();

/**
 * For each entity type, the requests (and query options) the metadata forbids at some address
 * builder of it or of a subtype (an address of a subtype goes where one of its base type does).
 * Only a request function of such a type says which addresses it takes
 * (`rt.EntityRef<T, null, rt.Deletable>`, a list's `rt.QueryTarget<O>`): another
 * type's cannot be handed a restricted address, so its signature stays as it was. Computed once a model.
 */
export function restrictedTypes(model: Model): Map<StructuredType, Set<Restricted>> {
  let out = restrictedTypesCache.get(model);
  if (out) return out;
  out = new Map();
  restrictedTypesCache.set(model, out);
  const mark = (target: StructuredType, restrictions: readonly Restriction[]) => {
    for (let x: StructuredType | undefined = target; x; x = x.baseType) {
      let set = out!.get(x);
      if (!set) out!.set(x, (set = new Set()));
      for (const r of restrictions) set.add(r.what);
    }
  };
  for (const c of model.schemas.flatMap((s) => s.containers))
    for (const root of [...c.entitySets, ...c.singletons]) {
      const restrictions = rootRestrictions(model, c, root);
      if (restrictions.length) mark(root.kind === "entitySet" ? root.entityType : root.type, restrictions);
    }
  for (const t of model.types.values()) {
    if (t.kind !== "entity" && t.kind !== "complex") continue;
    for (const n of t.navigationProperties) {
      const restrictions = navigationRestrictions(model, t, n);
      if (restrictions.length) mark(n.target, restrictions);
    }
  }
  return out;
}
