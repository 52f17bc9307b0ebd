/**
 * Operations bound explicitly (model/explicit-bindings.ts), as the generated request functions'
 * types carry them: an overload that now requires explicit binding, or an address builder that no
 * longer names an operation, makes calls that compiled fail (breaking, for the request functions
 * only); the other way round lets more compile (not breaking). Compared when both summaries are of
 * EXPLICIT_BINDINGS_FORMAT or later.
 */
import { bindsExplicitly, navigationBindings, rootBindings } from "../model/explicit-bindings";
import type { Model, Operation } from "../model/types";
import { perBuilder } from "./restrictions";

/** The names each address builder with any names, by its element: `ns.Container/Set`, `ns.Type/nav`. */
export type ExplicitBindingSummary = Record<string, string[]>;

export function explicitBindingSummary(model: Model): ExplicitBindingSummary {
  return perBuilder(model, (_, root) => rootBindings(model, root), (_, n) => navigationBindings(model, n));
}

/** `{ explicit: true }` for an overload whose function takes only an address naming it, else nothing (OperationSummary.explicit). */
export function explicitFlag(model: Model, op: Operation): { explicit?: true } {
  return op.bound && bindsExplicitly(model, op) ? { explicit: true } : {};
}

/** Each address builder whose names changed: its element, the line's words, and whether it breaks (one was taken away). */
export function explicitBindingChanges(a: ExplicitBindingSummary, b: ExplicitBindingSummary): [path: string, detail: string, breaking: boolean][] {
  const out: [string, string, boolean][] = [];
  const list = (names: readonly string[]) => names.join(", ");
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const before = a[key] ?? [];
    const after = b[key] ?? [];
    const removed = before.filter((n) => !after.includes(n));
    const added = after.filter((n) => !before.includes(n));
    if (removed.length) out.push([key, `the metadata no longer names ${list(removed)} here (Core.ExplicitOperationBindings): calls of ${removed.length > 1 ? "them" : "it"} here no longer compile`, true]);
    if (added.length) out.push([key, `the metadata now names ${list(added)} here (Core.ExplicitOperationBindings)`, false]);
  }
  return out;
}

/** How an overload's explicit binding changed, or undefined: [detail, breaking]. */
export function explicitOperationChange(a: { explicit?: true }, b: { explicit?: true }): [detail: string, breaking: boolean] | undefined {
  if (!a.explicit && b.explicit) return ["now requires explicit binding (Core.RequiresExplicitBinding): its function takes only an address whose metadata names it", true];
  if (a.explicit && !b.explicit) return ["no longer requires explicit binding (Core.RequiresExplicitBinding): its function takes any address of its binding type", false];
  return undefined;
}
