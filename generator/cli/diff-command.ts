/** `odatagen diff <old> <new>`: model changes between two versions of a spec, breaking or not. */
import { GenerationError } from "../diagnostics";
import { compareSummaries } from "../diff/compare";
import { loadSummary } from "../diff/load";
import { EXIT_INPUT, EXIT_OK } from "./exit-codes";
import { err, out, printDiagnostics } from "./style";

export function runDiff(args: { old: string; new: string; json: boolean; "fail-on-breaking": boolean }): number {
  let result;
  try {
    result = compareSummaries(loadSummary([args.old]), loadSummary([args.new]));
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    printDiagnostics(e.diagnostics);
    return EXIT_INPUT;
  }
  if (args.json) out.print(JSON.stringify(result, null, 2));
  else {
    const s = out.style;
    for (const c of result.changes)
      out.print(`${c.breaking ? s.red("breaking") : s.green("ok      ")}  ${c.kind.padEnd(7)} ${c.element.padEnd(19)} ${c.path}: ${c.detail}`);
    out.print(`${result.changes.length} change(s), ${result.breaking} breaking; suggested bump: ${s.bold(result.bump)}`);
  }
  if (result.breaking && args["fail-on-breaking"]) {
    err.print("odatagen: breaking changes (--fail-on-breaking)");
    return EXIT_INPUT;
  }
  return EXIT_OK;
}
