/**
 * The note on where a URL path pattern's `**` stopped: at navigation properties that are not
 * contained (glob.ts `advance`), whose targets it keeps but not what lies below them, since their
 * own API is addressed from their entity set.
 */
import type { PathPattern } from "./glob";
import type { BeyondStop } from "./paths";

/**
 * `stops at 12 navigation properties that are not contained (/education/me/user, …, and 9 more): …`,
 * after the pattern as the option names it. `routes`: one route to each property (paths.ts `stops`).
 */
export function starStopsMessage(p: PathPattern, routes: readonly string[]): string {
  const shown = routes.slice(0, 3).join(", ") + (routes.length > 3 ? ` and ${routes.length - 3} more` : "");
  const one = routes.length === 1;
  // A pattern that ends in `**` goes on below one when it is written out, `**` after it.
  const example = p.segments[p.segments.length - 1]?.any ? ` (${routes[0]}/**)` : "";
  return `stops at ${routes.length} navigation ${one ? "property that is" : "properties that are"} not contained (${shown}): \`**\` keeps ${one ? "its target" : "their targets"} but does not go on below ${one ? "it" : "them"}; write a path through ${one ? "it" : "one"} out to go on${example}`;
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
