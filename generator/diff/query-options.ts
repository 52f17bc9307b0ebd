/**
 * The custom query options the metadata requires (model/custom-query-options.ts), as the generated
 * request functions' types carry them: one newly required at an address builder, or by a function,
 * makes calls without it fail to compile (breaking, for the request functions only); one no longer
 * required is not breaking. Compared when both summaries are of QUERY_OPTIONS_FORMAT or later.
 */
import { navigationQueryOptions, operationQueryOptions, requiredNames, rootQueryOptions } from "../model/custom-query-options";
import type { Model, Operation } from "../model/types";
import { perBuilder } from "./restrictions";

/** The names each address builder with any requires, by its element: `ns.Container/Set`, `ns.Type/nav`. */
export type QueryOptionSummary = Record<string, string[]>;

export function queryOptionSummary(model: Model): QueryOptionSummary {
  return perBuilder(
    model,
    (c, root) => (root.kind === "entitySet" ? requiredNames(rootQueryOptions(c.qualifiedName, root)) : []),
    (_, n) => (n.collection ? requiredNames(navigationQueryOptions(model, n)) : []),
  );
}

/** `{ requiredQuery }` for an operation that requires custom query options (as its function's options do), else nothing (OperationSummary.requiredQuery). */
export function requiredQueryOf(op: Operation): { requiredQuery?: string[] } {
  const names = requiredNames(operationQueryOptions(op));
  return names.length ? { requiredQuery: names } : {};
}

/** What changed between two lists of required names (`where`: "here", "to call it"): [detail, breaking] lines. */
export function requiredQueryChanges(before: readonly string[] = [], after: readonly string[] = [], where: string): [detail: string, breaking: boolean][] {
  const added = after.filter((n) => !before.includes(n));
  const removed = before.filter((n) => !after.includes(n));
  const out: [string, boolean][] = [];
  const s = (list: readonly string[]) => (list.length > 1 ? "s" : "");
  if (added.length) out.push([`the metadata now requires the custom query option${s(added)} ${added.join(", ")} ${where} (CustomQueryOptions): calls without ${added.length > 1 ? "them" : "it"} no longer compile`, true]);
  if (removed.length) out.push([`the metadata no longer requires the custom query option${s(removed)} ${removed.join(", ")} ${where} (CustomQueryOptions)`, false]);
  return out;
}
