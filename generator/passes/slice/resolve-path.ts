/**
 * One URL path as documentation writes a request (`/communications/callRecords/{callRecordId}/sessions/{sessionId}`,
 * keys as `{name}`, as values or in parentheses), resolved segment by segment into the elements it
 * goes through: an entity set, singleton or import first, then keys, navigation properties, complex
 * properties on the way to navigation properties (URL Conventions §4.6), type casts (§4.11), a bound
 * action or function (§4.5.1, qualified, by alias or by name alone), a stream property or the media
 * (`$value`, §4.10), `$count` (§4.8) and `$ref` (§4.4). What a path may take from a type is what
 * the slice's URL-path walker follows (paths.ts `Steps`), and a path that names nothing is respelt
 * by its `suggestPath`.
 */
import { allNavigation, allProperties, isAddressableStream } from "../../model/rules";
import { allowedDerivedTypes } from "../../model/validation-terms";
import type { ComplexType, EntityContainer, EntitySet, EntityType, NavigationProperty, Operation, OperationImport, Property, Singleton, StructuredType } from "../../model/types";
import { nearestName } from "../../nearest-name";
import { withoutKey } from "./glob";
import { composedResult, nothingAfter, type FillOperation } from "./composable";
import { boundOperations, descendants, operationSegments, Steps, suggestPath, type BoundOperations, type Fill, type PathModel } from "./paths";

/** One segment of a resolved path. */
export type RouteStep =
  | { kind: "root"; container: EntityContainer; root: EntitySet | Singleton }
  | { kind: "key"; text: string }
  | { kind: "navigation"; property: NavigationProperty }
  | { kind: "complex"; property: Property }
  | { kind: "cast"; from: EntityType; to: EntityType }
  | { kind: "media"; owner: EntityType }
  | { kind: "stream"; property: Property }
  | { kind: "operation"; operations: Operation[]; args: string | undefined }
  | { kind: "import"; container: EntityContainer; import: OperationImport; args: string | undefined }
  | { kind: "count" }
  | { kind: "ref" }
  /** Graph's addressing by path below an entity (`root:/Documents/Book.xlsx:`): the path between the colons, decoded. */
  | { kind: "path"; text: string };

/** What a resolved path addresses. */
export type Addressed =
  | { kind: "entity"; type: EntityType }
  | { kind: "collection"; type: EntityType }
  | { kind: "complex"; type: ComplexType }
  | { kind: "operation" }
  | { kind: "stream" }
  /** `type`: the type of the entities counted (what `$filter` names), where known. */
  | { kind: "count"; type?: StructuredType }
  /** `collection`: the references of a collection-valued navigation property (`…/members/$ref`), else one entity's. */
  | { kind: "ref"; collection: boolean; type?: StructuredType };

export interface Route {
  /** The path resolved: the text given without its query, and without what came before the service root (`https://…/v1.0`). */
  path: string;
  steps: RouteStep[];
  addressed: Addressed;
}

export type Resolved = { ok: true; route: Route } | { ok: false; problem: string };

/** A walk that failed: why, and the name nearest to the segment that names nothing, if one is close. */
type Failed = { ok: false; problem: string; near?: string | undefined; settled?: true };

/** A segment that names something, but what no respelling of the path mends: no "did you mean" follows it. */
class Settled {
  constructor(readonly problem: string) {}
}

/** A segment that names nothing where it stands, and the nearest name that does. */
class Unknown {
  constructor(
    readonly problem: string,
    readonly near: string | undefined,
  ) {}
}

/** Where the walk stands after a segment. */
interface Place {
  /** The type here; none after an action or function import. */
  type: StructuredType | undefined;
  /** A collection of entities not yet given a key. */
  collection: boolean;
  /** The navigation property that reached this place (through a key and casts), for `$ref`. */
  via: NavigationProperty | undefined;
  /** A stream, an operation, `$count` or `$ref`: nothing follows but `$value` after a stream, or more segments after a composable function (`then`). */
  end?: "stream" | "operation" | "count" | "ref";
  /** After a composable function that returns entities: where the segments after it start (URL Conventions §4.5.1). */
  then?: Place;
  /** After an action or function: the operations the segment names, and the segment (for why nothing follows). */
  called?: { operations: readonly Operation[]; segment: string };
}

/** Resolves `text`, a URL path; a full URL or one with the service root in front (`/v1.0/me`) is read from the first segment that names a root. */
export function resolvePath(text: string, model: PathModel, fill?: Fill): Resolved {
  const path = text.trim().replace(/[?#].*$/s, "");
  const below = path.replace(/^[a-z][a-z\d+.-]*:\/\/[^/]*/i, "");
  const segments = below.split(/[/\\]/).filter((s) => s !== "");
  if (!segments.length) return { ok: false, problem: `${text.trim()} names no resource: give a URL path, such as /${firstRoot(model) ?? "People"}` };
  const walker = new Walker(model, fill);
  let failed = walker.resolve(segments);
  if (failed.ok) return failed;
  if (failed.settled) return { ok: false, problem: failed.problem };
  let from = 0;
  // A root in front of the service's (`/v1.0/…`, `https://graph.microsoft.com/beta/…`): the path from
  // the first root. Only when the path does not start at one: `/me/contactz/…` is not `/contacts/…`.
  for (let k = 1; k < segments.length && !walker.namesRoot(segments[0]); k++) {
    if (!walker.namesRoot(segments[k])) continue;
    const tail = walker.resolve(segments.slice(k));
    if (tail.ok) return tail;
    if (tail.settled) return { ok: false, problem: tail.problem };
    // What is wrong further on (`/v1.0/me/frends`) says more than that `v1.0` is no root.
    if (from === 0) [failed, from] = [tail, k];
  }
  // The slice's respelling of the path (of a tail, as the slice's hints try them, where it starts at
  // no root: `/odata/v4/Peple`), else the nearest name at the segment that names nothing.
  const tails = walker.namesRoot(segments[0]) ? 1 : segments.length;
  for (let k = from; k < tails; k++) {
    const tried = `/${segments.slice(k).join("/")}`;
    const near = suggestPath(tried, model, [], fill);
    if (near === undefined || near === tried) continue;
    // The segment blamed is the tail's, whose respelling this is: `/v1.0/usres` blames `usres`, not `v1.0`.
    const blamed = k === from ? failed : walker.resolve(segments.slice(k));
    return { ok: false, problem: `${blamed.ok ? failed.problem : blamed.problem} (did you mean ${near}?)` };
  }
  return { ok: false, problem: failed.near ? `${failed.problem}; did you mean ${failed.near}?` : failed.problem };
}

function firstRoot(model: PathModel): string | undefined {
  const c = model.containers[0];
  return c?.entitySets[0]?.name ?? c?.singletons[0]?.name;
}

/** The service's own resources at its root (Protocol §11.7, §11.1.2), which no request function addresses: what does. */
const SERVICE_RESOURCES = new Map([
  ["$batch", "$batch is the service's batch resource: calls made on rt.batch(client) go in one $batch request, sent by its send()"],
  ["$metadata", "$metadata is the service's metadata document, which odatagen reads (odatagen fetch downloads it)"],
]);

class Walker {
  private readonly steps: Steps;
  private readonly bound: BoundOperations;
  /** The namespaces that hold types, read once a segment may name one (`qualifiedHere`). */
  private namespaces: Set<string> | undefined;

  constructor(
    private readonly model: PathModel,
    private readonly fill: Fill | undefined,
  ) {
    this.steps = new Steps(fill);
    this.bound = boundOperations(model.operations);
  }

  namesRoot(raw: string): boolean {
    const name = withoutKey(decoded(raw));
    return this.model.containers.some((c) => [...c.entitySets, ...c.singletons, ...c.imports].some((x) => x.name === name));
  }

  resolve(segments: readonly string[]): { ok: true; route: Route } | Failed {
    const steps: RouteStep[] = [];
    let place: Place | undefined;
    const shown = (k: number) => `/${segments.slice(0, k + 1).join("/")}`;
    for (let k = 0; k < segments.length; k++) {
      const raw = decoded(segments[k]);
      const byPath = place !== undefined && raw.length > 1 && raw.endsWith(":");
      const next = place ? this.after(place, byPath ? raw.slice(0, -1) : raw, steps) : this.root(raw, steps);
      if (typeof next === "string") return { ok: false, problem: `${shown(k)}: ${next}` };
      if (next instanceof Unknown) return { ok: false, problem: `${shown(k)}: ${next.problem}`, near: next.near };
      if (next instanceof Settled) return { ok: false, problem: `${shown(k)}: ${next.problem}`, settled: true };
      place = next;
      if (byPath) {
        const end = this.byPath(place, segments, k, steps);
        if (typeof end === "string") return { ok: false, problem: `${shown(k)}: ${end}` };
        // Another entity of the same type, reached by no navigation property (no `$ref` follows it).
        place = { ...place, via: undefined };
        k = end;
      }
    }
    if (!place) return { ok: false, problem: "no segment" };
    return { ok: true, route: { path: `/${segments.join("/")}`, steps, addressed: addressedAt(place) } };
  }

  /** The first segment: an entity set (and a key in parentheses), a singleton, or an action or function import. */
  private root(raw: string, out: RouteStep[]): Place | Unknown | string {
    const name = withoutKey(raw);
    const key = raw.slice(name.length);
    for (const container of this.model.containers) {
      const set = container.entitySets.find((s) => s.name === name);
      if (set) {
        out.push({ kind: "root", container, root: set });
        if (key) out.push({ kind: "key", text: key });
        return { type: set.entityType, collection: !key, via: undefined };
      }
      const single = container.singletons.find((s) => s.name === name);
      if (single) {
        if (key) return `singleton ${name} is one entity: it takes no key`;
        out.push({ kind: "root", container, root: single });
        return { type: single.type, collection: false, via: undefined };
      }
      const imp = container.imports.find((i) => i.name === name);
      if (imp) {
        out.push({ kind: "import", container, import: imp, args: key || undefined });
        return { type: undefined, collection: false, via: undefined, end: "operation", then: composed(imp.operations, this.model.fillOperation, this.fill), called: { operations: imp.operations, segment: name } };
      }
    }
    const resource = SERVICE_RESOURCES.get(name);
    if (resource) return resource;
    const names = this.model.containers.flatMap((c) => [...c.entitySets, ...c.singletons, ...c.imports].map((x) => x.name));
    return new Unknown(`no entity set, singleton or operation import is named ${name}`, nearestName(name, names));
  }

  /**
   * Graph's addressing by path (`…/items/{parent-id}:/{filename}:`, `…/root:/folder/Book.xlsx:`): the
   * segments after `k` (whose `:` follows the entity the path starts from, at `place`) up to the next
   * that ends in `:`, or to the end (Graph takes `…/root:/folder/Book.xlsx` without the second colon
   * where nothing follows). No segment of OData's, and none the metadata declares: `rt.byPath` makes
   * it. Returns the index of the path's last segment, or why there is no path here.
   */
  private byPath(place: Place, segments: readonly string[], k: number, out: RouteStep[]): number | string {
    if (place.end || place.collection || !place.type || place.type.kind !== "entity") {
      return "a path between colons (Graph's `…:/path:`) addresses an entity below one entity, such as a drive item below a folder's (`…/root:/…:`, `…/items/{id}:/…:`)";
    }
    let end = k + 1;
    while (end < segments.length - 1 && !decoded(segments[end]).endsWith(":")) end++;
    const parts = segments.slice(k + 1, end + 1).map(decoded);
    if (parts.length) parts[parts.length - 1] = parts[parts.length - 1].replace(/:$/, "");
    if (!parts.length) return `the path (Graph's \`…:/path:\`) after the colon names no item: give one, such as ${segments[k]}/Documents/Book.xlsx:`;
    const bad = parts.find((p) => p === "" || p === "." || p === "..");
    if (bad !== undefined) return `the path (Graph's \`…:/path:\`) ${parts.join("/")} has ${bad ? `a ${bad} segment` : "an empty segment"}, which rt.byPath refuses: a service would read another item`;
    out.push({ kind: "path", text: parts.join("/") });
    return end;
  }

  /** A segment after the first. */
  private after(place: Place, raw: string, out: RouteStep[]): Place | Unknown | Settled | string {
    if (place.end === "operation" && place.then) return this.after(place.then, raw, out);
    const t = place.type;
    if (place.end || !t) {
      if (place.end === "stream" && raw === "$value") return place;
      if (place.called) return nothingAfter(place.called.operations, place.called.segment, this.model.fillOperation);
      const what = { stream: "a stream", operation: "an action or function", count: "$count", ref: "$ref" }[place.end ?? "operation"];
      return `nothing follows ${what} here`;
    }
    if (raw === "$count") {
      if (!place.collection) return "$count counts a collection; this is one entity";
      out.push({ kind: "count" });
      return { ...place, end: "count" };
    }
    if (raw === "$ref") {
      if (!place.via) return "$ref follows a navigation property (…/members/$ref, …/members/{id}/$ref, …/manager/$ref)";
      out.push({ kind: "ref" });
      return { ...place, end: "ref" };
    }
    if (raw === "$value") {
      if (place.collection || t.kind !== "entity" || !isMedia(t)) return `$value reads a media entity's stream; ${t.qualifiedName} is no media entity (HasStream)`;
      out.push({ kind: "media", owner: mediaOwner(t) });
      return { ...place, end: "stream" };
    }
    if (/^\{[^}]*\}$/.test(raw)) {
      if (!place.collection) return `a key, but ${t.qualifiedName} here is one entity, not a collection`;
      out.push({ kind: "key", text: raw });
      return { ...place, collection: false };
    }
    const name = withoutKey(raw);
    const args = raw.slice(name.length) || undefined;
    const cast = this.cast(t, name);
    if (cast) {
      // A key may follow a cast of a collection directly (URL Conventions ABNF: `collectionNavigation`).
      if (args && !place.collection) return `a type cast (${name}) of one entity takes no parentheses`;
      const allowed = place.via && allowedDerivedTypes(this.model, place.via);
      const names = allowed && new Set(allowed);
      // Its values are of the allowed types only: a cast none of them is, or derives from, selects none.
      if (allowed && names && ![cast, ...descendants(cast)].some((d) => names.has(d.qualifiedName)))
        return new Settled(`${place.via!.name} holds only ${allowed.join(", ")} values (Validation.DerivedTypeConstraint): a cast to ${cast.qualifiedName} selects none`);
      out.push({ kind: "cast", from: t as EntityType, to: cast });
      if (args) out.push({ kind: "key", text: args });
      return { ...place, type: cast, collection: place.collection && !args };
    }
    // A cast to the type itself or to a base type of it selects every value: the address without it.
    if ((!args || place.collection) && this.castToOwnOrBase(t, name)) {
      if (args) out.push({ kind: "key", text: args });
      return { ...place, collection: place.collection && !args };
    }
    const ops = shadowedByMember(t, name, args, place.collection) ? [] : this.operations(t, name, place.collection);
    if (ops.length) {
      out.push({ kind: "operation", operations: ops, args });
      return { ...place, end: "operation", then: composed(ops, this.model.fillOperation, this.fill), called: { operations: ops, segment: name } };
    }
    const step = this.steps.of(t).find((s) => s.name === name);
    const stream = t.kind === "entity" ? allProperties(t).find((p) => p.name === name && isAddressableStream(p)) : undefined;
    if (place.collection) {
      // Graph's `/sites/root` is the key value root, which a key written as a segment cannot tell
      // from the navigation property; parentheses can.
      if (step || stream) return `${t.qualifiedName} here is a collection: a key comes before ${name} (…/{id}/${name})${args ? "" : `; if ${name} is a key value, write it in parentheses: …('${name}')`}`;
      if (args) return new Unknown(`no action or function bound to a collection of ${t.qualifiedName} is named ${name}`, this.nearOperation(t, name, true));
      // A name qualified by a namespace of the service is a type cast or an operation, never a key
      // value: the service would read it as such, and answer for the type (URL Conventions §4.11).
      if (this.qualifiedHere(name)) {
        const near = nearestName(name, this.namesAfter(t, true));
        return new Settled(`${t.qualifiedName} has no subtype or bound action or function named ${name}${near ? `; did you mean ${near}?` : ""}`);
      }
      // A key written as a value, as Graph's documentation writes its examples (`/workspaces/default`).
      out.push({ kind: "key", text: raw });
      return { ...place, collection: false };
    }
    if (stream) {
      if (args) return `stream property ${name} takes no parentheses`;
      out.push({ kind: "stream", property: stream });
      return { ...place, end: "stream" };
    }
    if (step && step.member.kind === "navigation") {
      const n = step.member;
      out.push({ kind: "navigation", property: n });
      if (args) {
        if (!n.collection) return `navigation property ${name} addresses one entity: it takes no key`;
        out.push({ kind: "key", text: args });
      }
      return { type: n.target, collection: n.collection && !args, via: n };
    }
    if (step && step.complex && this.steps.leads(step.type)) {
      if (args) return `complex property ${name} takes no parentheses`;
      out.push({ kind: "complex", property: step.member as Property });
      return { type: step.type, collection: false, via: undefined };
    }
    const property = allProperties(t).find((p) => p.name === name);
    if (property) return `${name} is a property of ${t.qualifiedName} that leads to no navigation property: no function addresses it alone; read it with the ${t.qualifiedName}'s, selecting it (select: [${JSON.stringify(name)}])`;
    return new Unknown(`${t.qualifiedName} has no navigation property, stream property, subtype or bound action or function named ${name}`, nearestName(name, this.namesAfter(t, place.collection)));
  }

  /** The subtype a cast segment names (by namespace or alias), if any. */
  private cast(t: StructuredType, name: string): EntityType | undefined {
    if (t.kind !== "entity" || !name.includes(".")) return undefined;
    const dot = name.lastIndexOf(".");
    const namespace = this.model.aliases.get(name.slice(0, dot));
    const qualified = namespace === undefined ? name : `${namespace}${name.slice(dot)}`;
    return descendants(t).find((d): d is EntityType => d.qualifiedName === qualified && d.kind === "entity");
  }

  /** Whether `name` (qualified, by namespace or alias) is entity type `t` or a base type of it. */
  private castToOwnOrBase(t: StructuredType, name: string): boolean {
    const dot = name.lastIndexOf(".");
    if (t.kind !== "entity" || dot <= 0) return false;
    const qualified = `${this.model.aliases.get(name.slice(0, dot)) ?? name.slice(0, dot)}${name.slice(dot)}`;
    for (let b: StructuredType | undefined = t; b; b = b.baseType) if (b.qualifiedName === qualified) return true;
    return false;
  }

  /** Whether `name` is a schema's namespace or alias followed by a name (`microsoft.graph.user`, `graph.user`). */
  private qualifiedHere(name: string): boolean {
    const dot = name.lastIndexOf(".");
    if (dot <= 0 || !/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name.slice(dot + 1))) return false;
    const prefix = name.slice(0, dot);
    this.namespaces ??= new Set([...this.model.types.keys()].map((q) => q.slice(0, q.lastIndexOf("."))));
    return this.model.aliases.has(prefix) || this.namespaces.has(prefix);
  }

  /** The operations bound to `t` or a base type of it (to a collection of them when `collection`) that a segment names. */
  private operations(t: StructuredType, name: string, collection: boolean): Operation[] {
    const found: Operation[] = [];
    for (let b: StructuredType | undefined = t; b; b = b.baseType)
      for (const op of this.bound.get(b) ?? []) if ((op.binding?.type.collection ?? false) === collection && operationSegments(op, this.model.aliases).includes(name)) found.push(op);
    return found;
  }

  private nearOperation(t: StructuredType, name: string, collection: boolean): string | undefined {
    const names: string[] = [];
    for (let b: StructuredType | undefined = t; b; b = b.baseType) for (const op of this.bound.get(b) ?? []) if ((op.binding?.type.collection ?? false) === collection) names.push(op.name);
    return nearestName(name, names);
  }

  /** Every name a segment may have after a place: navigation, complex and stream properties, subtypes, bound operations. */
  private namesAfter(t: StructuredType, collection: boolean): string[] {
    const names = this.steps.of(t).map((s) => s.name);
    if (t.kind === "entity") names.push(...allProperties(t).filter(isAddressableStream).map((p) => p.name));
    names.push(...descendants(t).map((d) => d.qualifiedName));
    for (let b: StructuredType | undefined = t; b; b = b.baseType)
      for (const op of this.bound.get(b) ?? []) if ((op.binding?.type.collection ?? false) === collection) names.push(...operationSegments(op, this.model.aliases));
    return names;
  }
}

/**
 * Whether segment `name` after one entity of type `t` names a member of it rather than a bound
 * operation of that name alone: a navigation property (with a key in parentheses too), or a
 * structural property where no parentheses follow. A service reads the member first (Core.DefaultNamespace's
 * description; operation-segment.ts qualifies such operations for that reason).
 */
function shadowedByMember(t: StructuredType, name: string, args: string | undefined, collection: boolean): boolean {
  if (collection || name.includes(".")) return false;
  return allNavigation(t).some((n) => n.name === name) || (args === undefined && allProperties(t).some((p) => p.name === name));
}

/** Where segments after a composable function returning entities start (the first such overload's result), if one is among `ops`. */
function composed(ops: readonly Operation[], fillOperation: FillOperation | undefined, fill: Fill | undefined): Place | undefined {
  for (const op of ops) {
    const ret = composedResult(op, fillOperation, fill);
    if (ret) return { type: ret.type, collection: ret.collection, via: undefined };
  }
  return undefined;
}

function addressedAt(place: Place): Addressed {
  switch (place.end) {
    case "operation":
      return { kind: "operation" };
    case "stream":
      return { kind: "stream" };
    case "count":
      return { kind: "count", type: place.type };
    case "ref":
      return { kind: "ref", collection: place.collection, type: place.type };
  }
  if (!place.type) return { kind: "operation" };
  if (place.type.kind === "complex") return { kind: "complex", type: place.type };
  return place.collection ? { kind: "collection", type: place.type } : { kind: "entity", type: place.type };
}

/** A media entity type: `HasStream`, own or inherited. */
export function isMedia(t: EntityType): boolean {
  for (let b: EntityType | undefined = t; b; b = b.baseType) if (b.hasStream) return true;
  return false;
}

/** The type whose builder reads a media entity's stream: the topmost base type that has the stream (requests-view.ts makes it there). */
function mediaOwner(t: EntityType): EntityType {
  let owner = t;
  while (!owner.hasStream && owner.baseType) owner = owner.baseType;
  while (owner.baseType?.hasStream) owner = owner.baseType;
  return owner;
}

/** A segment percent-decoded, as a URL copied from a browser has it; left as it is where it is no valid encoding. */
function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
