/**
 * The navigation properties `$expand` reaches through complex properties (URL Conventions §5.1.2:
 * `grantControls/authenticationStrength`), for an entity type's `…Navigation` type: which complex
 * types lead to navigation properties, and the bounded paths through them.
 */
import { allNavigation } from "../model/rules";
import type { ComplexType, Model, NavigationProperty, Property, StructuredType } from "../model/types";

/**
 * The complex types that have navigation properties, their own or inherited, or reach some through
 * their single-valued complex properties (a collection of complex values has no addressable
 * members). Worked backwards from the types with navigation properties, so that types containing
 * each other are answered right; once per model.
 */
const LEADING = new WeakMap<Model, ReadonlySet<ComplexType>>();
/** As LEADING, through collections of complex values too: what `$expand` may go through (URL Conventions §5.1.2). */
const LEADING_EXPAND = new WeakMap<Model, ReadonlySet<ComplexType>>();
export function leadsToNavigation(model: Model, collections = false): ReadonlySet<ComplexType> {
  const cache = collections ? LEADING_EXPAND : LEADING;
  const known = cache.get(model);
  if (known) return known;
  // Who leads wherever a type leads: its subtypes (they inherit) and the holders of single-valued properties of it.
  const before = new Map<ComplexType, ComplexType[]>();
  const edge = (from: ComplexType, to: ComplexType) => {
    const list = before.get(to);
    if (list) list.push(from);
    else before.set(to, [from]);
  };
  const leading = new Set<ComplexType>();
  const work: ComplexType[] = [];
  for (const schema of model.schemas)
    for (const t of schema.types) {
      if (t.kind !== "complex") continue;
      if (t.baseType) edge(t, t.baseType);
      for (const p of t.properties) if ((collections || !p.type.collection) && p.type.type.kind === "complex") edge(t, p.type.type);
      if (t.navigationProperties.length > 0) {
        leading.add(t);
        work.push(t);
      }
    }
  for (let t = work.pop(); t; t = work.pop())
    for (const from of before.get(t) ?? [])
      if (!leading.has(from)) {
        leading.add(from);
        work.push(from);
      }
  cache.set(model, leading);
  return leading;
}

/** At most this many complex properties on the way to a navigation property in `$expand` (`a/b/c/nav`). */
export const MAX_COMPLEX_DEPTH = 3;
/** At most this many such paths per entity type (Graph's most is 3): each is a line in its `…Navigation` type. */
export const MAX_COMPLEX_PATHS = 32;

/**
 * The navigation properties `$expand` reaches through the complex properties of `t` (own and
 * inherited, collections too): `grantControls/authenticationStrength`. Shorter paths first; a path
 * goes through each complex type at most once, through at most MAX_COMPLEX_DEPTH complex
 * properties, and there are at most MAX_COMPLEX_PATHS. The work per type is bounded as well (the
 * properties that lead anywhere are listed once per type, and at most 8 × MAX_COMPLEX_PATHS of
 * them are looked at), so that metadata made to multiply paths stays linear.
 */
export function complexNavigationPaths(t: StructuredType, leading: (c: StructuredType) => Property[]): [string, NavigationProperty][] {
  const out: [string, NavigationProperty][] = [];
  let budget = 8 * MAX_COMPLEX_PATHS;
  let level: { type: StructuredType; prefix: string; seen: ComplexType[] }[] = [{ type: t, prefix: "", seen: [] }];
  for (let depth = 1; depth <= MAX_COMPLEX_DEPTH && level.length; depth++) {
    const next: typeof level = [];
    for (const { type, prefix, seen } of level)
      for (const p of leading(type)) {
        if (budget-- === 0) return out;
        const v = p.type.type as ComplexType;
        if (seen.includes(v)) continue;
        const path = prefix + p.name;
        for (const n of allNavigation(v)) {
          if (out.length === MAX_COMPLEX_PATHS) return out;
          out.push([`${path}/${n.name}`, n]);
        }
        if (next.length < MAX_COMPLEX_PATHS) next.push({ type: v, prefix: `${path}/`, seen: [...seen, v] });
      }
    level = next;
  }
  return out;
}

/** The properties of a type (own and inherited, base first) whose complex type leads to navigation properties; listed once per type. */
export function leadingProperties(leads: ReadonlySet<ComplexType>): (t: StructuredType) => Property[] {
  const known = new Map<StructuredType, Property[]>();
  const of = (t: StructuredType): Property[] => {
    let list = known.get(t);
    if (list) return list;
    const own = t.properties.filter((p) => p.type.type.kind === "complex" && leads.has(p.type.type));
    list = t.baseType ? [...of(t.baseType), ...own] : own;
    known.set(t, list);
    return list;
  };
  return of;
}
