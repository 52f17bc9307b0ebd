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
  withoutInlining();
  const quick = quickGenerateArgs(argv);
  if (quick) return (require("./generate-command") as typeof import("./generate-command")).runGenerate(quick);
  const { parseCommandLine } = require("./commands") as typeof import("./commands");
  return parseCommandLine(argv);
}

/**
 * Turns off TurboFan's inlining for the rest of this process (the CLI's own: a program that imports
 * the generator keeps its V8 settings). A generation is too short for inlining to pay: on Graph,
 * V8's background compiler threads did nearly as much work as the main thread (5.3 against 6.0
 * billion instructions under Valgrind); without inlining they do 43% less, and the main thread the
 * same. Those threads share the machine's cores with the main thread and the garbage collector's
 * helpers (see docs/performance-notes.md). The flag applies to code compiled from here on; the
 * output does not depend on it.
 */
function withoutInlining(): void {
  // A choice of the user's own (`node --turbo-inlining …`; NODE_OPTIONS takes no such V8 flag) is kept.
  if (process.execArgv.some((a) => /turbo[-_]inlining/.test(a))) return;
  (require("node:v8") as typeof import("node:v8")).setFlagsFromString("--no-turbo-inlining");
}
