/**
 * The command line: a thin shell over the library. The only place that prints or sets the exit code.
 *
 * Exit codes: 0 ok; 1 problems in the input (or warnings with --fail-on-warnings), or stale output
 * under --check, or breaking changes under `diff --fail-on-breaking`; 2 bad usage or config.
 *
 * A plain `generate` whose output is up to date is answered by fast.ts before yargs or the
 * generator are loaded; a `generate` with only the common flags is read by quick-args.ts without
 * yargs; everything else is required on demand.
 */
import { tryFastPath } from "./fast";
import { quickGenerateArgs } from "./quick-args";

export { EXIT_OK, EXIT_INPUT, EXIT_USAGE } from "./exit-codes";

export async function main(argv: string[]): Promise<number> {
  const fast = tryFastPath(argv);
  if (fast !== undefined) return fast;
  const quick = quickGenerateArgs(argv);
  if (quick) return (require("./generate-command") as typeof import("./generate-command")).runGenerate(quick);
  const { parseCommandLine } = require("./commands") as typeof import("./commands");
  return parseCommandLine(argv);
}
