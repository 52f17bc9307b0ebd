/**
 * What a collection's `$filter`, `$orderby` and `$expand` may not name, by the Capabilities
 * vocabulary's lists (`FilterRestrictions/NonFilterableProperties`,
 * `SortRestrictions/NonSortableProperties`, `ExpandRestrictions/NonExpandableProperties`, read by
 * model/restrictions.ts `propertyLimits`), checked on a URL's query: a service that publishes them
 * answers such a request with an error. The generated types do not check them (the builder's doc
 * comment says them); `odatagen url` does.
 */
import type { PropertyLimits } from "../model/restrictions";
import { listItems, tokens } from "./url-filter-tokens";
import { queryOption } from "./url-query";

const LIST_NAMES: Record<keyof PropertyLimits, string> = {
  filter: "FilterRestrictions/NonFilterableProperties",
  orderby: "SortRestrictions/NonSortableProperties",
  expand: "ExpandRestrictions/NonExpandableProperties",
};

/** The first property `query` names where the metadata's lists say the collection does not take it, said; or undefined. */
export function limitedProperty(query: string, limits: PropertyLimits): string | undefined {
  for (const option of Object.keys(LIST_NAMES) as (keyof PropertyLimits)[]) {
    const listed = limits[option];
    if (!listed?.length) continue;
    const value = queryOption(query, option);
    if (value === undefined) continue;
    const hit = namedPaths(option, value).find((used) => listed.some((n) => used === n || used.startsWith(`${n}/`)));
    if (hit !== undefined)
      return `$${option} names ${hit}, which the service's metadata says it does not take here (Capabilities ${LIST_NAMES[option]}: ${listed.join(", ")})`;
  }
  return undefined;
}

/** The property paths an option's value names at its top level: `$expand`'s items, `$orderby`'s, `$filter`'s member paths (`$it/` left off). */
function namedPaths(option: keyof PropertyLimits, value: string): string[] {
  if (option === "expand") return listItems(value, ",").map((item) => item.replace(/\(.*$/s, "").trim());
  if (option === "orderby") return listItems(value, ",").map((item) => item.trim().split(/\s+/)[0] ?? "");
  const read = tokens(value);
  if (typeof read === "string") return [];
  const paths: string[] = [];
  read.forEach((t, k) => {
    if (t.t !== "path") return;
    const next = read[k + 1];
    const called = next?.t === "punct" && next.text === "(";
    // A function's name is no property; a lambda's collection (`notes/any(…)`) is.
    const segments = called ? (/^(any|all)$/.test(t.segments[t.segments.length - 1] ?? "") ? t.segments.slice(0, -1) : []) : t.segments;
    if (segments.length) paths.push(segments.join("/").replace(/^\$it\//, ""));
  });
  return paths;
}
