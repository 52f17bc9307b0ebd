/**
 * The error messages a slice of the committed callRecords spec (`specs/graph-callrecords.xml`) gives
 * for `--include` and `--exclude` patterns; none when it generates.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GenerationError, type Diagnostic } from "../../generator/diagnostics";
import { generate } from "../../generator/generate";

const SPEC = path.resolve(__dirname, "..", "..", "specs", "graph-callrecords.xml");

export function sliceErrors(include: string[], exclude: string[] = []): string[] {
  try {
    generate({ inputs: [{ file: "graph-callrecords.xml", content: fs.readFileSync(SPEC, "utf8") }], include, exclude });
    return [];
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    return e.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
  }
}

/** The errors a run that must fail gives (a GenerationError's); a run that does not fail fails the test. */
export function errorsOf(run: () => unknown): Diagnostic[] {
  try {
    run();
  } catch (e) {
    if (e instanceof GenerationError) return e.diagnostics.filter((d) => d.severity === "error");
    throw e;
  }
  throw new Error("the run did not fail");
}

/**
 * What a run of one document reports, whether it generates or fails: `code severity path`, sorted,
 * without the slice's summary (ODG305).
 */
export function diagnosticsOf(file: string, content: string, include?: string[]): string[] {
  let list: Diagnostic[];
  try {
    list = generate({ inputs: [{ file, content }], include }).diagnostics;
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    list = e.diagnostics;
  }
  return list.filter((d) => d.code !== "ODG305").map((d) => `${d.code} ${d.severity} ${d.path}`).sort();
}
