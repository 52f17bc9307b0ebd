/**
 * The note on where a URL path pattern's `**` stopped: at navigation properties that are not
 * contained (glob.ts `advance`), whose targets it keeps but not what lies below them, since their
 * own API is addressed from their entity set.
 */
import type { PathPattern } from "./glob";

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
