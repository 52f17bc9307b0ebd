/**
 * What a path may address after a function segment (URL Conventions 4.01 §4.5.1): the result of a
 * composable function (CSDL §12.2: `IsComposable`) that returns entities, addressed as a navigation
 * property's target is (Graph's `…/worksheets/{id}/range(address='A1')/format`). Nothing follows an
 * action, a function that is not composable, or one whose result is complex or primitive (odatagen
 * makes no address builder for those). Shared by the request resolver (resolve-path.ts) and the
 * URL-path walk (paths.ts), so that a slice keeps what `odatagen url` resolves.
 */
import type { EntityType, Operation } from "../../model/types";

/** Reads an operation's parameters and result when the model was built lazily (model/build's `LazyModel.fillOperation`). */
export type FillOperation = (op: Operation) => boolean;

/** The entity type (and whether a collection of it) that a composable function returns; undefined for any other operation. */
export function composedResult(op: Operation, fillOperation?: FillOperation): { type: EntityType; collection: boolean } | undefined {
  if (op.kind !== "function" || !op.composable) return undefined;
  // A lazily built model reads the result only now: the start tag says whether it is composable.
  if (!op.returnType && fillOperation?.(op) === false) return undefined;
  const ret = op.returnType;
  return ret?.type.kind === "entity" ? { type: ret.type, collection: ret.collection } : undefined;
}

/** Why no segment may follow a segment that calls one of `ops` (none of which `composedResult` takes), naming the operation. */
export function nothingAfter(ops: readonly Operation[], segment: string, fillOperation?: FillOperation): string {
  const op = ops.find((o) => o.kind === "function") ?? ops[0];
  if (!op) return `nothing follows ${segment}`;
  const name = op.qualifiedName;
  if (op.kind === "action") return `nothing follows ${segment}: ${name} is an action (URL Conventions §4.5.1: only a composable function's result is addressed further)`;
  if (!op.composable) return `nothing follows ${segment}: ${name} is a function that is not composable (no IsComposable="true" in the metadata), so its result is not addressed further`;
  if (!op.returnType) fillOperation?.(op);
  const ret = op.returnType;
  const kind = ret && ({ complex: "complex", enum: "enumeration", entity: "entity" } as Record<string, string>)[ret.type.kind];
  const what = !ret ? "no known result" : `${ret.collection ? "a collection of " : kind === "enumeration" ? "an " : "a "}${kind ?? "primitive"} ${ret.collection ? "values" : "value"} (${ret.type.qualifiedName})`;
  return `nothing follows ${segment}: composable function ${name} returns ${what}, and odatagen addresses only entities after a function`;
}
