/**
 * Which generated modules a project has (`generate --no-validators`, `--no-requests`, or the
 * config's `options.validators` / `requests`), so that `diff` names only those modules and calls a
 * change breaking only when it breaks one of them. The types module is always generated.
 */

/** The optional modules of an output: `<ns>.validators.ts` and `<ns>.requests.ts`. */
export type OptionalModule = "validators" | "requests";

export interface Outputs {
  validators: boolean;
  requests: boolean;
}

export const ALL_OUTPUTS: Outputs = { validators: true, requests: true };

/** The outputs of a service's options: each generated unless `false`. */
export function outputsOf(options: { validators?: boolean; requests?: boolean }): Outputs {
  return { validators: options.validators !== false, requests: options.requests !== false };
}

/**
 * Where a breaking change breaks: `true` for the types module (always generated), else the optional
 * modules it breaks (any one of them generated makes it breaking).
 */
export type Breaks = boolean | readonly OptionalModule[];

const WHAT: Record<OptionalModule, string> = { validators: "the validators", requests: "the request functions" };

/**
 * Whether a change that breaks `where` breaks this output, and, when it breaks only modules the
 * output does not have, the words added to its line: `; it breaks only the request functions, which
 * are not generated (--no-requests)`. `requestsOnly`: the element (an operation, an entity set, …)
 * has generated code only in the requests module, so without it nothing of it is generated.
 */
export function judge(where: Breaks, requestsOnly: boolean, outputs: Outputs): { breaking: boolean; note: string } {
  if (where === false) return { breaking: false, note: "" };
  const modules: readonly OptionalModule[] = requestsOnly ? ["requests"] : where === true ? [] : where;
  if (modules.length === 0) return { breaking: true, note: "" };
  if (requestsOnly && !outputs.requests) return { breaking: false, note: absent(["requests"]) };
  const needed = where === true ? modules : where;
  if (needed.some((m) => outputs[m])) return { breaking: true, note: "" };
  return { breaking: false, note: absent(needed) };
}

function absent(modules: readonly OptionalModule[]): string {
  const what = modules.map((m) => WHAT[m]).join(" and ");
  return `; it breaks only ${what}, which are not generated (${modules.map((m) => `--no-${m}`).join(" ")})`;
}
