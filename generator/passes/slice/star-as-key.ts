// A `*` between two segments of a URL path pattern matches one navigation property: keys are
// ignored (`/groups/{id}/members` and `/groups/members` are one pattern). People and documentation
// write it for a key, though (`/groups/*/members`, `/teams/*/channels/*/messages`), where it then
// reads as a navigation property: Graph's `/groups/*/members` addresses a group's `team/members`,
// not its `members`. This finds the pattern with each such `*` written `{id}`, for the did-you-mean
// of a pattern that matches nothing and for the warning on one that matches elsewhere.
import { parsePattern, type PathPattern } from "./glob";
import type { Operation, SchemaType } from "../../model/types";
import { selectPaths, type Fill, type PathModel } from "./paths";

/** `text` with each `*` before its last segment written `{id}`, or undefined when it has none. */
export function starsAsKeys(text: string): string | undefined {
  const parts = text.split("/");
  let last = parts.length - 1;
  while (last > 0 && parts[last] === "") last--;
  if (!parts.some((s, i) => s === "*" && i < last)) return undefined;
  return parts.map((s, i) => (s === "*" && i < last ? "{id}" : s)).join("/");
}

/** What a pattern's `*` read as keys addresses: the path written so, when it matches. */
export function starsAsKeysMatch(model: PathModel, text: string, exclude: readonly PathPattern[], fill?: Fill): string | undefined {
  const alt = starsAsKeys(text);
  const p = alt === undefined ? undefined : parsePattern(alt);
  return p?.kind === "path" && selectPaths(model, [p], exclude, fill).unmatched.length === 0 ? alt : undefined;
}

/**
 * For a pattern that matched: when its `*`s written `{id}` address a type or name an operation that
 * no include selects (`selected`: by a path or by name), that path and one route the pattern did take (for the warning).
 */
export function starsMissedKeys(
  model: PathModel,
  p: PathPattern,
  exclude: readonly PathPattern[],
  selected: { addressed: ReadonlySet<SchemaType>; operations: ReadonlySet<Operation> },
  fill?: Fill,
): { asKeys: string; took: string } | undefined {
  const alt = starsAsKeysMatch(model, p.text, exclude, fill);
  const q = alt === undefined ? undefined : parsePattern(alt);
  if (alt === undefined || q?.kind !== "path") return undefined;
  const asKeys = selectPaths(model, [q], exclude, fill);
  const missed = [...asKeys.addressed].some((t) => !selected.addressed.has(t)) || [...asKeys.operations].some((o) => !selected.operations.has(o));
  if (!missed) return undefined;
  const asWritten = selectPaths(model, [p], exclude, fill);
  const route = [...asWritten.routes.addressed.values(), ...asWritten.routes.operations.values()][0];
  return { asKeys: alt, took: route?.path ?? p.text };
}
