/**
 * A navigation property's `OnDelete` action (CSDL 4.01 §8.5: `Cascade`, `None`, `SetDefault` or
 * `SetNull`; `<OnDelete Action="…"/>` in CSDL XML, `"$OnDelete": "…"` in CSDL JSON). odatagen does
 * not read it: no generated line depends on it, so another value is a note (ODG102, printed with
 * `--verbose`) at the element, the same in both forms.
 */
import { Codes, type DiagnosticBag, type SourceRef } from "../diagnostics";

const ACTIONS: ReadonlySet<string> = new Set(["Cascade", "None", "SetDefault", "SetNull"]);

/** Reports `action` (as written: `written`) when it is none of CSDL's; `path` names the navigation property. */
export function checkOnDelete(diags: DiagnosticBag, written: string, action: string, path: string, at: SourceRef): void {
  if (ACTIONS.has(action)) return;
  diags.add(Codes.invalidAttribute, "info", `${written} is not one of Cascade, None, SetDefault, SetNull (CSDL §8.5); odatagen does not read OnDelete, so the generated code is the same`, path, at);
}
