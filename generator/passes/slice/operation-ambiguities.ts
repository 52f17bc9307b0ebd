/**
 * Whether a bound operation's URL segment may be its name alone (emit/operation-segment.ts: a
 * default namespace, or `unqualifiedOperations`) is decided over the whole service, as the full run
 * decides it: an operation of that name in another namespace, a property or a subtype of that name
 * that the slice leaves out still makes the name alone ambiguous at the service, which may run the
 * other operation. So a slice sends the segment the full run sends.
 */
import { defaultNamespaces } from "../../model/capabilities";
import type { Model, Operation } from "../../model/types";
import { operationAmbiguity } from "../../emit/operation-segment";
import { descendants, type Fill } from "./paths";

/**
 * For each kept bound operation that may be named alone: why its name alone is ambiguous over the
 * whole service, `""` when it is not. The binding type's family is read (`fill`) for the check.
 */
export function ambiguitiesOverService(model: Model, keepOps: ReadonlySet<Operation>, unqualified: boolean | undefined, fill: Fill | undefined): Map<Operation, string> {
  const out = new Map<Operation, string>();
  const defaults = defaultNamespaces(model);
  for (const op of keepOps) {
    if (!op.bound || !op.binding || !(unqualified ?? defaults.has(op.namespace))) continue;
    const t = op.binding.type.type;
    // Properties count only after a single value (operation-segment.ts), so only then are they read.
    if (fill && !op.binding.type.collection && (t.kind === "entity" || t.kind === "complex")) {
      for (let b: typeof t | undefined = t; b; b = b.baseType) fill(b);
      for (const d of descendants(t)) fill(d);
    }
    out.set(op, operationAmbiguity(model, op) ?? "");
  }
  return out;
}
