/**
 * The note on where a URL path pattern's `**` stopped: at navigation properties that are not
 * contained (glob.ts `advance`), whose targets it keeps but not what lies below them, since their
 * own API is addressed from their entity set.
 */
import { patternFrom, type PathPattern } from "./glob";
import type { BeyondStop, PatternStop } from "./paths";

/**
 * `stops at 12 navigation properties that are not contained (/education/me/user, …, and 9 more): …`,
 * after the pattern as the option names it, for a pattern whose last segment is the `**` that
 * stopped at each: its targets are kept. `stops`: one route to each property (paths.ts `stops`).
 */
export function starStopsMessage(stops: readonly PatternStop[]): string {
  const routes = stops.map((s) => s.route);
  const one = routes.length === 1;
  // The pattern's last `**` goes on below one when the path to it is written out, `**` after it.
  return `stops at ${routes.length} navigation ${one ? "property that is" : "properties that are"} not contained (${listed(routes)}): \`**\` keeps ${one ? "its target" : "their targets"} but does not go on below ${one ? "it" : "them"}; write a path through ${one ? "it" : "one"} out to go on (${routes[0]}/**)`;
}

/** Whether every stop is the pattern's last segment's, a `**` that keeps what it stops at (`starStopsMessage`). */
export function stopsKeepTargets(p: PathPattern, stops: readonly PatternStop[]): boolean {
  return stops.every((s) => s.stars.length === 1 && s.stars[0] === p.segments.length - 1);
}

/** A path past a stop that a pattern through it matches and no include does: what it reaches there (a type's name, or an operation's kind and name), and whether the slice keeps that already. */
export interface PastRoute {
  path: string;
  reaches: string;
  operation: boolean;
  kept: boolean;
}

/** A stop below which the pattern would match more: the pattern through it (`goesOnPast`), and the paths past the stop that pattern matches and no include does, the first to each type or operation it reaches, in the walk's order. */
export interface PastStop {
  route: string;
  pattern: string;
  past: PastRoute[];
}

/**
 * For a pattern with more after the `**` that stopped (`/users/**` then `/events/**`), which keeps a
 * stop's target only where the rest matches below it: `stops at 11 navigation properties that are
 * not contained below which it would match more (…)`, only those (the count is of properties), and
 * the pattern that goes on past one of them, with the path past it and the type it addresses there:
 * of the paths to a type or operation the slice does not keep yet, the one with the fewest segments
 * (the first stop's among equals). `counted`: the slice's kept types are known (a note, not an
 * error), so the note says how many such types the paths past the stops address and how many such
 * operations they name (not what those types would bring along), or, when none
 * does, that going on reaches only what the slice keeps already, rather than suggest a loop back.
 */
export function pastStopsMessage(past: readonly PastStop[], counted: boolean): string {
  const one = past.length === 1;
  const head = `stops at ${past.length} navigation ${one ? "property that is" : "properties that are"} not contained below which it would match more (${listed(past.map((s) => s.route))}): \`**\` does not go on below ${one ? "it" : "them"}`;
  let best: { stop: PastStop; r: PastRoute; length: number } | undefined;
  const fresh = new Map<string, boolean>();
  for (const stop of past)
    for (const r of stop.past) {
      if (r.kept) continue;
      fresh.set(r.reaches, r.operation);
      const length = r.path.split("/").length;
      if (!best || length < best.length) best = { stop, r, length };
    }
  if (!best) return `${head}, where it would reach only types and operations the slice keeps already`;
  const types = [...fresh.values()].filter((op) => !op).length;
  const operations = fresh.size - types;
  // What is counted is what the paths past the stops end at, not what those types would bring along (the types of their properties, …).
  const what = [types ? `address ${types} ${types === 1 ? "type" : "types"}` : "", operations ? `name ${operations} ${operations === 1 ? "operation" : "operations"}` : ""].filter(Boolean).join(" and ");
  const count = counted ? `, past which its paths ${what} the slice does not keep` : "";
  return `${head}${count}; write a path through ${one ? "it" : "one"} out to go on (${best.stop.pattern}, which reaches ${best.r.reaches} (${best.r.path}))`;
}

/**
 * The pattern that goes on below a stop: the route to it written out, then the pattern from a `**`
 * it stopped (the first whose pattern matches past it), with the paths past the stop that it
 * matches and no include does; none when no such pattern does. `select`: the routes a pattern
 * matches that no include does, the first to each type or operation it reaches.
 */
export function goesOnPast(p: PathPattern, stop: PatternStop, select: (pattern: string) => Iterable<PastRoute>): PastStop | undefined {
  for (const star of stop.stars) {
    const pattern = `${stop.route}/${patternFrom(p, p.segments[star] as { from: number })}`;
    const past = [...select(pattern)].filter((r) => r.path.startsWith(`${stop.route}/`));
    if (past.length) return { route: stop.route, pattern, past };
  }
  return undefined;
}

/** Up to three routes, then how many more. */
function listed(routes: readonly string[]): string {
  return routes.slice(0, 3).join(", ") + (routes.length > 3 ? ` and ${routes.length - 3} more` : "");
}

/**
 * For `--why`, of a type left out: `--include /education/** reaches it by … only through a
 * navigation property that is not contained, …, where its `**` stops …`, and the pattern that goes
 * on (`example`, the path to the last such property written out, then the pattern from its `**`),
 * when that pattern reaches the type.
 */
export function beyondStopMessage(b: BeyondStop, include: string, example: string | undefined): string {
  const one = b.stops.length === 1;
  const stops = one ? `a navigation property that is not contained, ${b.stops[0]}` : `navigation properties that are not contained, ${b.stops.slice(0, -1).join(", ")} and ${b.stops[b.stops.length - 1]}`;
  const how = example ? ` (${example})` : "";
  // Only a last `**` keeps what it stops at: one with more of the pattern after it needs that below.
  const keeps = b.keepsTargets ? `it keeps ${one ? "the property's target" : "their targets"} but does not go on below ${one ? "it" : "them"}` : `it does not go on below ${one ? "it" : "them"}`;
  return `${include} reaches it by ${b.path} only through ${stops}, where its \`**\` stops: ${keeps}; write the path through ${one ? "it" : "them"} out to go on${how}`;
}

/** The pattern that goes on below the last stop on the way (`/education/classes/{id}/group/**`). */
export function beyondStopExample(b: BeyondStop): string {
  return `${b.stops[b.stops.length - 1]}/${b.rest}`;
}
