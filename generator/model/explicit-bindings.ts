/**
 * Operations bound explicitly (Core vocabulary): an overload annotated `Core.RequiresExplicitBinding`
 * is available only on the model elements whose `Core.ExplicitOperationBindings` names it, in
 * addition to the overloads bound to their type without it. Graph binds `add` and `remove` to every
 * collection of sites, and names them only on `group/sites` and `user/followedSites`.
 *
 * How odatagen reads it: a list on an entity type holds at every address of that type or a type
 * derived from it (Graph lists `directoryObject`'s nine on the type); a list on a navigation property,
 * entity set or singleton at its address, and at the members of a collection. An overload whose
 * binding type, or a base type of it, lists it is available wherever its binding type is, and its
 * function takes any address; any other takes only an address that names it (`explicitBindings`),
 * which its builder's type says (`rt.BindsExplicitly<"ns.add">`).
 */
import { Codes, type DiagnosticBag } from "../diagnostics";
import { qualify } from "./annotation-groups";
import { CORE, hasTag } from "./rules";
import type { Annotation, EntitySet, Model, NavigationProperty, Operation, Singleton, StructuredType } from "./types";

const REQUIRES = `${CORE}.RequiresExplicitBinding`;
const LISTS = `${CORE}.ExplicitOperationBindings`;

type Aliases = Pick<Model, "aliases" | "documentAliases">;

/** Whether bound overload `op` is annotated `Core.RequiresExplicitBinding` (true, or no value). */
export function requiresExplicitBinding(op: Operation): boolean {
  return op.bound && op.binding !== undefined && hasTag(op.annotations, REQUIRES);
}

/**
 * The qualified names an element's unqualified `Core.ExplicitOperationBindings` lists (aliases
 * resolved, in the document's own), or undefined where it has none or its value is no list of names.
 */
export function listedOperations(model: Aliases, annotations: readonly Annotation[]): readonly string[] | undefined {
  const a = annotations.find((x) => x.term === LISTS && !x.qualifier);
  if (a?.value?.kind !== "collection") return undefined;
  const names: string[] = [];
  for (const item of a.value.items) if (item.kind === "constant") names.push(qualify(model, item.value.trim(), a.at?.source));
  return names;
}

/** The operations `t` and the types it derives from list (a list on a type holds for its subtypes too). */
function listedOnType(model: Aliases, t: StructuredType): string[] {
  const out: string[] = [];
  for (let b: StructuredType | undefined = t, depth = 0; b && depth < 1000; b = b.baseType, depth++) out.push(...(listedOperations(model, b.annotations) ?? []));
  return out;
}

/**
 * Whether `op`'s function takes only an address that names it: it requires explicit binding, and
 * neither its binding type nor a type that type derives from lists it.
 */
export function bindsExplicitly(model: Model, op: Operation): boolean {
  const known = explicitOf(model).overloads;
  let answer = known.get(op);
  if (answer === undefined) {
    const t = op.binding?.type.type;
    answer = requiresExplicitBinding(op) && !(t && (t.kind === "entity" || t.kind === "complex") && listedOnType(model, t).includes(op.qualifiedName));
    known.set(op, answer);
  }
  return answer;
}

interface Explicit {
  /** The qualified names of the operations some overload of which `bindsExplicitly`. */
  names: ReadonlySet<string>;
  overloads: Map<Operation, boolean>;
}
const cache = new WeakMap<Model, Explicit>();

function explicitOf(model: Model): Explicit {
  let e = cache.get(model);
  if (!e) {
    const names = new Set<string>();
    e = { names, overloads: new Map() };
    cache.set(model, e);
    for (const s of model.schemas) for (const op of s.operations) if (bindsExplicitly(model, op)) names.add(op.qualifiedName);
  }
  return e;
}

/**
 * The explicitly bound operations callable at an address of type `target` reached through an element
 * with `annotations` (a navigation property, entity set or singleton), sorted: those the element or
 * `target` (or a base type) lists, of the ones some overload of which takes only addresses naming it.
 */
export function explicitBindings(model: Model, annotations: readonly Annotation[], target: StructuredType): readonly string[] {
  const { names } = explicitOf(model);
  if (names.size === 0) return [];
  const out = new Set<string>();
  for (const n of [...(listedOperations(model, annotations) ?? []), ...listedOnType(model, target)]) if (names.has(n)) out.add(n);
  return [...out].sort();
}

/** The bindings of a navigation property's address (`explicitBindings`). */
export function navigationBindings(model: Model, n: NavigationProperty): readonly string[] {
  return explicitBindings(model, n.annotations, n.target);
}

/** The bindings of an entity set's or singleton's address (`explicitBindings`). */
export function rootBindings(model: Model, root: EntitySet | Singleton): readonly string[] {
  return explicitBindings(model, root.annotations, root.kind === "entitySet" ? root.entityType : root.type);
}

/**
 * Where the model names the explicitly bound operation `name`, for its function's doc comment and
 * `odatagen url`: `microsoft.graph.group/sites` (a navigation property), `ns.Container/set`, or
 * `ns.type` (its addresses and its subtypes'), in the model's order.
 */
export function namedAt(model: Model, name: string): readonly string[] {
  let places = placesCache.get(model);
  if (!places) placesCache.set(model, (places = placesOf(model)));
  return places.get(name) ?? [];
}
const placesCache = new WeakMap<Model, Map<string, string[]>>();

function placesOf(model: Model): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const { names } = explicitOf(model);
  if (names.size === 0) return out;
  const add = (annotations: readonly Annotation[], place: string) => {
    for (const n of listedOperations(model, annotations) ?? []) {
      if (!names.has(n)) continue;
      const list = out.get(n);
      if (!list) out.set(n, [place]);
      else if (!list.includes(place)) list.push(place);
    }
  };
  forEachNaming(model, add);
  return out;
}

/**
 * Calls `visit` with the annotations and path of each element `Core.ExplicitOperationBindings`
 * may be on: structured types, their navigation properties, entity sets and singletons.
 */
function forEachNaming(model: Model, visit: (annotations: readonly Annotation[], path: string) => void): void {
  for (const s of model.schemas) {
    for (const t of s.types) {
      if (t.kind !== "entity" && t.kind !== "complex") continue;
      visit(t.annotations, t.qualifiedName);
      for (const n of t.navigationProperties) visit(n.annotations, `${t.qualifiedName}/${n.name}`);
    }
    for (const c of s.containers) for (const r of [...c.entitySets, ...c.singletons]) visit(r.annotations, `${c.qualifiedName}/${r.name}`);
  }
}

/**
 * Reports (ODG102, at the annotation) a `Core.ExplicitOperationBindings` that is no list of names
 * (ignored, a warning), a name no operation of the model has (a note), and an overload bound
 * explicitly that no element of the model names (a note: its function takes only an address given
 * through `rt.unrestricted`). Not for a slice: the elements naming an operation may be left out.
 */
export function checkExplicitBindings(model: Model, diags: DiagnosticBag): void {
  const operations = new Set<string>();
  for (const s of model.schemas) for (const op of s.operations) operations.add(op.qualifiedName);
  const check = (annotations: readonly Annotation[], path: string) => {
    const a = annotations.find((x) => x.term === LISTS && !x.qualifier);
    if (!a) return;
    const names = listedOperations(model, annotations);
    const items = a.value?.kind === "collection" ? a.value.items : undefined;
    if (!names || !items || items.some((i) => i.kind !== "constant")) {
      diags.add(Codes.invalidAttribute, "warning", "ExplicitOperationBindings is no collection of qualified operation names; it is ignored", `${path}/@${a.term}`, a.at);
      return;
    }
    for (const [k, n] of names.entries())
      if (!operations.has(n)) diags.add(Codes.invalidAttribute, "info", `ExplicitOperationBindings names ${JSON.stringify((items[k] as { value: string }).value)}, no operation of the model; that name is ignored`, `${path}/@${a.term}`, a.at);
  };
  forEachNaming(model, check);
  const told = new Set<string>();
  for (const s of model.schemas)
    for (const op of s.operations) {
      if (told.has(op.qualifiedName) || !bindsExplicitly(model, op) || namedAt(model, op.qualifiedName).length) continue;
      told.add(op.qualifiedName);
      const a = op.annotations.find((x) => x.term === REQUIRES);
      diags.add(
        Codes.invalidAttribute,
        "info",
        `${op.qualifiedName} requires explicit binding (Core.RequiresExplicitBinding), and no element of the metadata names it in Core.ExplicitOperationBindings: its function takes only an address given through rt.unrestricted(target)`,
        `${op.qualifiedName}/@${REQUIRES}`,
        a?.at ?? op.at,
      );
    }
}
