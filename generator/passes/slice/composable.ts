/**
 * What a path may address after a function segment (URL Conventions 4.01 §4.5.1): the result of a
 * composable function (CSDL §12.2: `IsComposable`) that returns entities, addressed as a navigation
 * property's target is (Graph's `…/worksheets/{id}/range(address='A1')/format`). Nothing follows an
 * action, a function that is not composable, one whose result is complex or primitive, or a
 * collection of entities without a key, or one with a parameter a URL gives in a parameter alias
 * (odatagen makes no address builder for those: emit/operation-view.ts `hasComposableAddress`).
 * Shared by the request resolver (resolve-path.ts) and the URL-path walk (paths.ts), so that a
 * slice keeps what `odatagen url` resolves.
 */
import { inParameterAlias } from "../../model/rules";
import type { EntityType, Operation } from "../../model/types";

/** Reads an operation's parameters and result when the model was built lazily (model/build's `LazyModel.fillOperation`). */
export type FillOperation = (op: Operation) => boolean;

/**
 * The entity type (and whether a collection of it) that a composable function returns; undefined for any other operation.
 * `fill`: with a lazily built model, completes a type (its key, own or inherited, is read only then).
 */
export function composedResult(op: Operation, fillOperation?: FillOperation, fill?: (t: EntityType) => void): { type: EntityType; collection: boolean } | undefined {
  if (op.kind !== "function" || !op.composable) return undefined;
  // A lazily built model reads the parameters after the binding one only now (the start tag says
  // whether it is composable), the result too unless it came before them: both are needed here.
  if (fillOperation?.(op) === false) return undefined;
  const ret = op.returnType;
  if (ret?.type.kind === "entity" && ret.collection) fill?.(ret.type);
  if (ret?.type.kind !== "entity" || (ret.collection && !ret.type.key.length) || aliased(op)) return undefined;
  return { type: ret.type, collection: ret.collection };
}

/** The first parameter of `op` that a URL gives as JSON in a parameter alias (model/rules.ts `inParameterAlias`). */
function aliased(op: Operation) {
  return op.parameters.find((p) => inParameterAlias(p.type));
}

/** Why no segment may follow a segment that calls one of `ops` (none of which `composedResult` takes), naming the operation. */
export function nothingAfter(ops: readonly Operation[], segment: string, fillOperation?: FillOperation): string {
  const op = ops.find((o) => o.kind === "function") ?? ops[0];
  if (!op) return `nothing follows ${segment}`;
  const name = op.qualifiedName;
  if (op.kind === "action") return `nothing follows ${segment}: ${name} is an action (URL Conventions §4.5.1: only a composable function's result is addressed further)`;
  if (!op.composable) return `nothing follows ${segment}: ${name} is a function that is not composable (no IsComposable="true" in the metadata), so its result is not addressed further`;
  fillOperation?.(op);
  const ret = op.returnType;
  const none = "odatagen makes no address builder for its result, so nothing can follow it";
  const p = ret?.type.kind === "entity" ? aliased(op) : undefined;
  if (p) return `nothing follows ${segment}: composable function ${name} takes parameter ${p.name} (${p.type.collection ? "a collection of " : ""}${p.type.type.qualifiedName}), which a URL gives as JSON in a parameter alias (${p.name}=@${p.name}, its value in the query): ${none}`;
  if (ret?.type.kind === "entity" && ret.collection && !ret.type.key.length) return `nothing follows ${segment}: composable function ${name} returns a collection of ${ret.type.qualifiedName}, which has no key: ${none}`;
  const kind = ret && ({ complex: "complex", enum: "enumeration", entity: "entity" } as Record<string, string>)[ret.type.kind];
  const what = !ret ? "no known result" : `${ret.collection ? "a collection of " : kind === "enumeration" ? "an " : "a "}${kind ?? "primitive"} ${ret.collection ? "values" : "value"} (${ret.type.qualifiedName})`;
  return `nothing follows ${segment}: composable function ${name} returns ${what}, and odatagen addresses only entities after a function`;
}
