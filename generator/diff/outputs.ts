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
  /**
   * Where each module left out was left out, as its lines say it in parentheses: the flag
   * (`--no-requests`) or the config (`requests: false in service api of odatagen.config.json`).
   * Absent for a module, its lines say only that it is not generated (generate's and --watch's
   * model changes, whose options may come from either, and the library's compareSummaries).
   */
  because?: Partial<Record<OptionalModule, string>>;
}

export const ALL_OUTPUTS: Outputs = { validators: true, requests: true };

/** The outputs of a service's options: each generated unless `false`, left out for the reasons in `because`. */
export function outputsOf(options: { validators?: boolean | undefined; requests?: boolean | undefined }, because?: Partial<Record<OptionalModule, string>>): Outputs {
  return { validators: options.validators !== false, requests: options.requests !== false, ...(because ? { because } : {}) };
}

/** Why `modules` are not generated, in parentheses after a space, or "" when `outputs` does not say. */
export function leftOutBecause(modules: readonly OptionalModule[], outputs: Outputs): string {
  const reasons = modules.map((m) => outputs.because?.[m]).filter((r): r is string => r !== undefined);
  // Flags are written as on a command line (`--no-validators --no-requests`), a config's words apart.
  return reasons.length ? ` (${reasons.join(reasons.some((r) => r.includes(" ")) ? "; " : " ")})` : "";
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
 * are not generated (--no-requests)` (`because`'s reason, when it has one). `requestsOnly`: the element (an operation, an entity set, …)
 * has generated code only in the requests module, so without it nothing of it is generated.
 */
export function judge(where: Breaks, requestsOnly: boolean, outputs: Outputs): { breaking: boolean; note: string } {
  if (where === false) return { breaking: false, note: "" };
  // Whatever `where` says: an operation's parameter facets, say, are checked by no validator (the
  // validators check no parameter), so only its request function can break.
  const needed: readonly OptionalModule[] = requestsOnly ? ["requests"] : where === true ? [] : where;
  if (needed.length === 0 || needed.some((m) => outputs[m])) return { breaking: true, note: "" };
  return { breaking: false, note: absent(needed, outputs) };
}

function absent(modules: readonly OptionalModule[], outputs: Outputs): string {
  const what = modules.map((m) => WHAT[m]).join(" and ");
  return `; it breaks only ${what}, which are not generated${leftOutBecause(modules, outputs)}`;
}
