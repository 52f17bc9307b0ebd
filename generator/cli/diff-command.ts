/** `odatagen diff`: model changes between two versions of a service's CSDL, breaking or not. */
import { GenerationError, type Diagnostic } from "../diagnostics";
import { compareSummaries } from "../diff/compare";
import { loadSummary } from "../diff/load";
import { versionLabel, versionWarnings } from "./diff-warnings";
import { EXIT_INPUT, EXIT_OK } from "./exit-codes";
import { changeLines, changeSummary } from "./model-changes";
import { err, out, printDiagnostics, SHOWN_DIAGNOSTICS } from "./style";

export interface DiffArgs {
  /** The documents of each version, read together as `generate --input` reads them. */
  old: string[];
  new: string[];
  json: boolean;
  "fail-on-breaking": boolean;
  /** Read the local documents each version's references name (true), or only the documents given. */
  "follow-references": boolean;
  /** Print every error and warning, not the first SHOWN_DIAGNOSTICS. */
  verbose?: boolean;
}

export function runDiff(args: DiffArgs): number {
  let result;
  const oldWarnings: Diagnostic[] = [];
  const newWarnings: Diagnostic[] = [];
  const follow = { off: !args["follow-references"] };
  try {
    result = compareSummaries(loadSummary(args.old, oldWarnings, follow), loadSummary(args.new, newWarnings, follow));
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    // Notes (severity info) describe metadata whose reading is right; diff does not print them.
    printDiagnostics(e.diagnostics.filter((d) => d.severity !== "info"), shown(args));
    // A program reading --json gets JSON either way: no changes, and the problems that stopped it.
    if (args.json) out.print(JSON.stringify({ errors: e.diagnostics.filter((d) => d.severity === "error") }, null, 2));
    return EXIT_INPUT;
  }
  // A version missing a referenced document has its types read as Edm.Untyped (ODG110): say so,
  // once for a warning both versions have, naming the version it is of.
  const warnings = versionWarnings(oldWarnings, newWarnings);
  const labels = new Map(warnings.map((w) => [w.diagnostic, versionLabel(w)]));
  printDiagnostics(warnings.map((w) => w.diagnostic), { labelOf: (d) => labels.get(d) ?? "", ...shown(args) });
  if (args.json) out.print(JSON.stringify(result, null, 2));
  else {
    const s = out.style;
    for (const line of changeLines(result, s)) out.print(line);
    out.print(changeSummary(result, s));
  }
  if (result.breaking && args["fail-on-breaking"]) {
    err.print("odatagen: breaking changes (--fail-on-breaking)");
    return EXIT_INPUT;
  }
  return EXIT_OK;
}

/** At most SHOWN_DIAGNOSTICS lines of problems, or all of them with --verbose. */
function shown(args: DiffArgs): { limit?: number; rest?: string } {
  return args.verbose ? {} : { limit: SHOWN_DIAGNOSTICS, rest: "--verbose prints them all" };
}
