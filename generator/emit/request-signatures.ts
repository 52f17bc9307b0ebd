/**
 * The signatures of the requests module's functions whose layout depends on the whole line, as
 * Prettier 3 lays them out: an entity's get, list, create, update and delete (`requestParameters`),
 * and an address builder's one parameter and return type (`builderSignature`).
 */
import { brokenType } from "./wrap-code";
import { fits, itemLines, parameters } from "./wrap";

/** Every entity request function's first parameter. */
export const CLIENT = "client: rt.Client";

/**
 * An entity's request function's parameters between its parentheses, as Prettier writes them: on
 * one line where the signature's line fits (`before`, the text before `(`, its last line, and
 * `after`, the return type and ` {`), else one a line, `params` as given (a long one broken
 * already, its further lines indented: where the line fits, none of them is).
 */
export function requestParameters(before: string, params: readonly string[], after: string): string {
  const one = params.join(", ");
  const start = before.length - before.lastIndexOf("\n") - 1;
  return fits(start + one.length + 2 + after.length) && !one.includes("\n") && !after.includes("\n") ? one : itemLines(params);
}

/**
 * An address builder's parameter (`parent: …`) and return type, as Prettier writes a function of
 * one parameter: on one line where it fits; else the parameter on a line of its own and the type
 * after `): `, its type arguments one a line where that line would pass 120 characters (a
 * composite key's `rt.CollectionRef<T, { … }>`); but where the type's object type of keys spans
 * lines, the parameter stays on the name's line up to `): rt.CollectionRef<` (Prettier groups the
 * only parameter apart from a return type that must break).
 */
export function builderSignature(name: string, parent: string, type: string): { params: string; type: string } {
  const param = `parent: ${parent}`;
  const params = parameters(`export function ${name}`, [param], `: ${type} {`);
  if (!params.includes("\n")) return { params, type };
  const broken = brokenType(type, "): ".length, 2);
  const head = `export function ${name}(${param}): `.length;
  return { params: broken.includes("{\n") && fits(head + broken.indexOf("\n")) ? param : params, type: broken };
}
