/**
 * The service's OData version (its metadata's `Version`, model/service-version.ts) decides whether a
 * body may bind without the `odata.` prefix (`p@bind`, JSON Format 4.01 §4.5): the generated body
 * types offer it and the validators take it only for 4.01. So 4.01 → 4.0 breaks code that writes
 * `p@bind`, and 4.0 → 4.01 gives it a second spelling; where the model has no navigation property,
 * no body can bind and nothing but the version changed.
 */
import { ALL_OUTPUTS, type Outputs } from "./outputs";
import type { ModelSummary } from "./summary";

/** The version change as `[path, detail, breaking, adds]`; compared when both summaries record it. */
export function versionChange(a: ModelSummary, b: ModelSummary, outputs: Outputs = ALL_OUTPUTS): [string, string, boolean, boolean] | undefined {
  if (a.version === undefined || b.version === undefined || a.version === b.version) return undefined;
  const was = `was ${a.version}, now ${b.version}`;
  // The side that offers p@bind: the old one for 4.01 → 4.0, the new one for 4.0 → 4.01.
  if (!binds(b.version === "4.0" ? a : b)) return ["Version", `${was} (no navigation property: no body binds)`, false, false];
  if (b.version === "4.0")
    return ["Version", `${was}: a body's binding without the odata. prefix (p@bind) ${refused(outputs)}; write p@odata.bind`, true, false];
  return ["Version", `${was}: a body may also bind as p@bind, without the odata. prefix (JSON Format 4.01 §4.5)`, false, true];
}

/** What refuses `p@bind`: the body types of the requests module (it no longer compiles) and the validators, as generated. */
function refused(outputs: Outputs): string {
  if (outputs.requests === outputs.validators) return "no longer compiles and the validators refuse it";
  return outputs.requests ? "no longer compiles" : "is refused by the validators";
}

/** Whether a body can hold a binding: some entity type has a navigation property. */
function binds(s: ModelSummary): boolean {
  for (const t of s.types.values()) if (t.kind === "entity" && t.navigation.size > 0) return true;
  return false;
}
