/**
 * What the metadata forbids at each address builder (model/restrictions.ts): requests, and a
 * collection's query options (`$count`, `$filter`, …), as the generated request functions' types carry it: a restriction added makes calls that compiled fail (breaking,
 * for the request functions only); one removed lets more compile (not breaking).
 */
import { isQueryRestriction, navigationRestrictions, rootRestrictions, RESTRICTED, type Restricted } from "../model/restrictions";
import type { EntityContainer, EntitySet, Model, NavigationProperty, Singleton, StructuredType } from "../model/types";

/** The requests forbidden at each builder with any, by its element: `ns.Container/Set`, `ns.Type/nav`. */
export type RestrictionSummary = Record<string, Restricted[]>;

export function restrictionSummary(model: Model): RestrictionSummary {
  return perBuilder(model, (c, root) => rootRestrictions(model, c, root).map((r) => r.what), (t, n) => navigationRestrictions(model, t, n).map((r) => r.what));
}

/**
 * What `ofRoot` and `ofNavigation` say of each address builder, by its element (`ns.Container/Set`,
 * `ns.Type/nav`), where they say anything: the summaries of what the builders' types carry.
 */
export function perBuilder<T>(
  model: Model,
  ofRoot: (c: EntityContainer, root: EntitySet | Singleton) => readonly T[],
  ofNavigation: (t: StructuredType, n: NavigationProperty) => readonly T[],
): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  const put = (key: string, list: readonly T[]) => {
    if (list.length) out[key] = [...list];
  };
  for (const c of model.schemas.flatMap((s) => s.containers)) for (const root of [...c.entitySets, ...c.singletons]) put(`${c.qualifiedName}/${root.name}`, ofRoot(c, root));
  for (const t of model.types.values()) if (t.kind === "entity" || t.kind === "complex") for (const n of t.navigationProperties) put(`${t.qualifiedName}/${n.name}`, ofNavigation(t, n));
  return out;
}

const WORDS: Readonly<Record<Restricted, string>> = {
  insert: "create",
  list: "list",
  read: "read",
  key: "addressing members by key",
  update: "update",
  delete: "delete",
  count: "$count",
  filter: "$filter",
  search: "$search",
  expand: "$expand",
  top: "$top",
  skip: "$skip",
  select: "$select",
  orderby: "$orderby",
};

/** Each builder whose restrictions changed: its element, the line's words, and whether it breaks (one was added). */
export function restrictionChanges(a: RestrictionSummary, b: RestrictionSummary, queries = true, keys = true): [path: string, detail: string, breaking: boolean][] {
  const out: [string, string, boolean][] = [];
  // Without `queries` (a summary older than format 7 records none), the requests only; without
  // `keys` (one older than format 10 records no IndexableByKey), not `key`.
  const compared = RESTRICTED.filter((r) => (queries || !isQueryRestriction(r)) && (keys || r !== "key"));
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const before = new Set(a[key] ?? []);
    const after = new Set(b[key] ?? []);
    const added = compared.filter((r) => after.has(r) && !before.has(r));
    const removed = compared.filter((r) => before.has(r) && !after.has(r));
    const list = (rs: Restricted[]) => rs.map((r) => WORDS[r]).join(", ");
    if (added.length) out.push([key, `the metadata now forbids ${list(added)} here (Capabilities restrictions): such calls no longer compile`, true]);
    if (removed.length) out.push([key, `the metadata no longer forbids ${list(removed)} here (Capabilities restrictions)`, false]);
  }
  return out;
}
