/**
 * The signatures of the requests module's functions whose layout depends on the whole line, as
 * Prettier 3 lays them out: an entity's get, list, create, update and delete (`requestParameters`),
 * and an address builder's one parameter and return type (`builderSignature`).
 */
import { brokenType } from "./wrap-code";
import { fits, parameters } from "./wrap";

/** Every entity request function's first parameter. */
export const CLIENT = "client: rt.Client";

/**
 * An entity's request function's parameters between its parentheses, as Prettier writes them: on
 * one line where the signature's line fits (`start`, the column of its `(`, and `after`, the return
 * type and ` {`), else one a line, `params` as given (a long one broken already, its further lines
 * indented: where the line fits, none of them is).
 */
export function requestParameters(start: number, params: readonly string[], after: string): string {
  // Measured before the line is built (few fit), and no string searched but where it may fit.
  let length = 2 * (params.length - 1);
  for (const p of params) length += p.length;
  const one = fits(start + 1 + length + 1 + after.length) && !after.includes("\n") && !params.some((p) => p.includes("\n"));
  // One string joined (wrap.ts `itemLines`' layout): the view holds five a type until it is rendered.
  return one ? params.join(", ") : `\n  ${params.join(",\n  ")},\n`;
}

/**
 * The column of the `(` after `export function name` and its type parameters `typeParams` (what
 * wrap.ts `parameters` wrote for `typeParam`: the same text where it stays on the name's line, else
 * on lines of their own, ending in `>` at column 0).
 */
export function parametersColumn(name: string, typeParam: string, typeParams: string): number {
  return typeParams.length === typeParam.length ? "export function ".length + name.length + typeParam.length + 2 : 1;
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
  // Most types fit after `): `: brokenType is called only for one that breaks.
  // (`params` is `param` where it stays on the line: measured, not searched for a line break.)
  if (params.length === param.length || fits("): ".length + type.length + " {".length)) return { params, type };
  const broken = brokenType(type, "): ".length, 2);
  // `export function name(param): ` and the type's first line.
  const head = "export function ".length + name.length + 1 + param.length + "): ".length;
  return { params: broken.includes("{\n") && fits(head + broken.indexOf("\n")) ? param : params, type: broken };
}
