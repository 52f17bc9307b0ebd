/**
 * An unbound operation that no function or action import of the old version calls has no generated
 * code: the request functions call an unbound operation through its imports only (URL Conventions
 * §4.5.3, operation-view.ts), so its removal or any change of its signature breaks no client.
 * moved.ts says the same of its move (`movedOperationDetail`).
 */
import type { ModelSummary, OperationSummary } from "./summary";

/** `key`: the operation's key in the old summary (`d.lone()`, or with parameter names when overloaded). */
export function uncalled(o: OperationSummary, key: string, before: ModelSummary): boolean {
  // Unknown (undefined) in a summary kept by an older version: judged as before.
  if (o.binding !== undefined || before.imports === undefined) return false;
  const name = key.slice(0, key.indexOf("("));
  return ![...before.imports.values()].some((i) => i.operation === name);
}

/** The words a line about such an operation ends with. */
export const uncalledWords = (o: OperationSummary) => `: no generated code names it (an unbound ${o.kind} is called through its imports, and none calls it)`;
