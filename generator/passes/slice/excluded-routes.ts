/**
 * An `--include` URL path with wildcards whose every path goes through a type an `--exclude` name
 * leaves out (`--include '/me/drive/**' --exclude microsoft.graph.drive`): the slice keeps what the
 * pattern addresses past that type, but without the navigation properties to it, so no path the
 * pattern matches is left to reach them. A wildcard path explores, and an exclude prunes what it
 * finds as asked; but when it prunes every path, the slice is not what the pattern was written for,
 * and a warning says so. One that still matches a path through no excluded type is quiet.
 * (A path without wildcards is warned of at each excluded type on its route: slice.ts `unreachable`.)
 */
import type { Operation, SchemaType, StructuredType } from "../../model/types";
import { selectPaths, type Fill, type PathModel, type PathRoute, type PathSelection, type UnbuiltRoutes } from "./paths";
import type { PathPattern } from "./glob";
import type { Reason } from "./why";

export interface CutOffRoutes {
  /**
   * The excluded types the pattern's paths go through, nearest the root first: each with its first
   * route on the paths none listed before it cuts off, and the `--exclude` that names it.
   */
  through: { type: StructuredType; route: string; by: string }[];
  /** The types the pattern addresses past them (first reached through one) that the slice keeps all the same, in the walk's order. */
  kept: StructuredType[];
}

/**
 * An `--include` URL path with wildcards that matches paths through no excluded type, but reaches
 * some types it keeps only through excluded ones (`--include '/me/**' --exclude microsoft.graph.team`:
 * the schedule below /me/joinedTeams): no path builder reaches them. `through`: the gone types on
 * their routes, nearest the root first; `kept`: those types, addressed or on the way, in the walk's order.
 */
export interface KeptPastExcluded {
  through: { type: StructuredType; route: string; by: string }[];
  kept: StructuredType[];
}

/**
 * For each include path with wildcards that matched, when every path it matches goes through (or
 * ends at) a type an `--exclude` name leaves out and the slice does not keep: those types and what
 * the slice keeps of what it addresses. Walks a pattern again only when the include walk went
 * through such a type at all. `quietly`: runs a walk without reporting the problems of the types it reads.
 */
export function cutOffRoutes(
  includePaths: readonly PathPattern[],
  selection: PathSelection,
  excludePaths: readonly PathPattern[],
  model: PathModel,
  fill: Fill | undefined,
  excludedBy: (t: SchemaType) => string | undefined,
  keep: ReadonlySet<SchemaType>,
  quietly: <T>(f: () => T) => T,
): { cut: Map<PathPattern, CutOffRoutes>; past: Map<PathPattern, KeptPastExcluded> } {
  const cut = new Map<PathPattern, CutOffRoutes>();
  const past = new Map<PathPattern, KeptPastExcluded>();
  const gone = goneBy(keep, excludedBy);
  if (![...selection.onPath].some(gone)) return { cut, past };
  // An operation is no way through: what excludes one is warned of where it is left out (ODG304).
  const shallowFirst = (w: PathSelection) => excludedOnWay(w, gone);
  const walks = new Map<PathPattern, UnbuiltRoutes>();
  for (const p of includePaths) {
    if (!/[*?]/.test(p.text) || selection.unmatched.includes(p.text)) continue;
    // The pattern walked as the slice walked it, saying what it reaches only through gone types.
    const own = quietly(() => selectPaths({ ...model, unbuilt: gone }, [p], excludePaths, fill));
    const only = own.unbuilt!;
    if (only.matched.size) {
      // Every route the walk takes to each type counted: not one on the way to a gone type (/users, to /users/{id}/drive).
      const kept = [...new Set([...own.addressed, ...own.onPath])].filter((t) => keep.has(t) && only.past.has(t));
      if (kept.length) {
        past.set(p, { through: routesPast(only, kept, excludedBy), kept });
        walks.set(p, only);
      }
      continue;
    }
    const gates = shallowFirst(own);
    if (!gates.length) continue;
    // The nearest excluded type on the way; then, while the pattern still matches a path through none
    // listed, the nearest on such a path (a walk records one route a type: /users/{id}/drive's drive
    // is on /groups/{id}/drive too, which /users does not cut off).
    const through: CutOffRoutes["through"] = [];
    for (let w = own; ; ) {
      const next = shallowFirst(w)[0];
      if (!next) break;
      const [type, { path }] = next;
      through.push({ type, route: path, by: excludedBy(type)! });
      const listed = new Set<SchemaType>(through.map((g) => g.type));
      // With every excluded type on the way listed, the walk is the one above that matched nothing.
      if (gates.every(([t]) => listed.has(t))) break;
      const open = (x: StructuredType | Operation) => x.kind === "action" || x.kind === "function" || !listed.has(x as StructuredType);
      w = quietly(() => selectPaths({ ...model, holds: open }, [p], excludePaths, fill));
      if (w.unmatched.length) break;
    }
    // Past a type is what the pattern reaches first through it: not a type on the way to it (/me's user).
    const beyond = (t: StructuredType) => gates.some(([, g]) => own.routes.onPath.get(t)?.path.startsWith(`${g.path}/`));
    cut.set(p, { through, kept: [...own.addressed].filter((t) => keep.has(t) && beyond(t)) });
  }
  // What another include path reaches through no excluded type has a path builder.
  if (past.size && includePaths.length > 1) {
    const all = quietly(() => selectPaths({ ...model, unbuilt: gone }, includePaths, excludePaths, fill)).unbuilt!;
    for (const [p, c] of past) {
      const kept = c.kept.filter((t) => !all.clear.has(t));
      if (kept.length) past.set(p, { through: routesPast(walks.get(p)!, kept, excludedBy), kept });
      else past.delete(p);
    }
  }
  return { cut, past };
}

/**
 * The gone types nearest the root on the first routes to `kept`'s (every route to each goes through
 * one), each with its route there: nearest the root first, in `kept`'s order among equals.
 */
function routesPast(only: UnbuiltRoutes, kept: readonly StructuredType[], excludedBy: (t: SchemaType) => string | undefined): KeptPastExcluded["through"] {
  const gates = new Map<StructuredType, string>();
  for (const t of kept) {
    const g = only.past.get(t)!;
    if (!gates.has(g.through)) gates.set(g.through, g.route.path);
  }
  return [...gates].sort(([, a], [, b]) => depth(a) - depth(b)).map(([type, route]) => ({ type, route, by: excludedBy(type)! }));
}

/** A type an `--exclude` name leaves out and the slice does not keep: no path builder goes through it. */
export type Gone = (t: SchemaType) => boolean;

export function goneBy(keep: ReadonlySet<SchemaType>, excludedBy: (t: SchemaType) => string | undefined): Gone {
  return (t) => !keep.has(t) && excludedBy(t) !== undefined;
}

/**
 * The gone types on a walk's way (`routes.onPath`), nearest the root first (by the segments of the
 * first route through each; in the walk's order among equals), each with that route.
 */
export function excludedOnWay(w: PathSelection, gone: Gone): [StructuredType, PathRoute][] {
  return [...w.routes.onPath].filter(([t]) => gone(t)).sort(([, a], [, b]) => depth(a.path) - depth(b.path));
}

/**
 * For `--why`: a path reason of `x` again, with the route `open` (the include paths walked through no
 * gone type) found to it: of the same kind when there is one (addressed, on the way, named), else
 * the other of a type's two.
 */
export function openReason(x: SchemaType | Operation, r: Reason, open: PathSelection): Reason | undefined {
  if (x.kind === "action" || x.kind === "function") {
    const route = open.routes.operations.get(x);
    return r.kind === "named" && route ? { kind: "named", route } : undefined;
  }
  const addressed = open.routes.addressed.get(x as StructuredType);
  const onPath = open.routes.onPath.get(x as StructuredType);
  if (r.kind === "addressed" || r.kind === "onPath") {
    const [first, second] = r.kind === "addressed" ? [addressed, onPath] : [onPath, addressed];
    if (first) return { kind: r.kind, route: first };
    if (second) return { kind: r.kind === "addressed" ? "onPath" : "addressed", route: second };
  }
  return undefined;
}

function depth(path: string): number {
  return path.split("/").length;
}

/**
 * `every URL path it matches goes through microsoft.graph.drive (/me/drive), which --exclude
 * microsoft.graph.drive leaves out: …`, after the pattern as the option names it.
 */
export function cutOffMessage(c: CutOffRoutes, exclude: string): string {
  const gates = c.through.map((g) => `${g.type.qualifiedName} (${g.route})`);
  const bys = [...new Set(c.through.map((g) => g.by))];
  const one = c.through.length === 1;
  const names = one ? c.through[0]!.type.qualifiedName : "them";
  const kept = c.kept.length
    ? `the slice keeps the ${c.kept.length === 1 ? "type" : `${c.kept.length} types`} it addresses past ${one ? "it" : "them"} (${listed(c.kept.map((t) => t.qualifiedName))}), but not the navigation properties to ${names}, so no path builder reaches ${c.kept.length === 1 ? "it" : "them"} by a path the pattern matches`
    : "the slice keeps none of the types it addresses";
  return `matches URL paths only through ${listed(gates, true)}, which ${exclude} ${bys.join(" and ")} ${bys.length === 1 ? "leaves" : "leave"} out: ${kept}`;
}

/**
 * `reaches 19 types the slice keeps only by URL paths through microsoft.graph.team (/me/joinedTeams),
 * which --exclude microsoft.graph.team leaves out: …`, after the pattern as the option names it.
 */
export function keptPastMessage(c: KeptPastExcluded, exclude: string): string {
  const gates = c.through.map((g) => `${g.type.qualifiedName} (${g.route})`);
  const bys = [...new Set(c.through.map((g) => g.by))];
  const one = c.kept.length === 1;
  return `reaches ${one ? "1 type" : `${c.kept.length} types`} the slice keeps (${listed(c.kept.map((t) => t.qualifiedName))}) only by URL paths through ${listed(gates, true)}, which ${exclude} ${bys.join(" and ")} ${bys.length === 1 ? "leaves" : "leave"} out: no path builder reaches ${one ? "it" : "them"}`;
}

/** Up to three names, then how many more; `and`: two or three joined by "and" at the end. */
function listed(names: readonly string[], and = false): string {
  if (names.length > 3) return `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
  return and && names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names.join(", ");
}
