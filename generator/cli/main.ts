/**
 * The command line: a thin shell over the library. The only place that prints or sets the exit code.
 *
 * Exit codes: 0 ok; 1 problems in the input (or warnings with --fail-on-warnings), or stale output
 * under --check; 2 bad usage or config; 3 breaking changes under `diff --fail-on-breaking`.
 *
 * A plain `generate` whose output is up to date is answered by fast.ts before yargs or the
 * generator are loaded; a `generate` with only the common flags is read by quick-args.ts without
 * yargs; everything else is required on demand.
 */
import { dashArgumentProblem, withStdinFlags } from "./dash-argument";
import { EXIT_USAGE } from "./exit-codes";
import { tryFastPath } from "./fast";
import { quickGenerateArgs } from "./quick-args";
import { startedUp } from "./start-signals";

export { EXIT_OK, EXIT_INPUT, EXIT_USAGE } from "./exit-codes";

/**
 * Runs the command line `argv`; its exit code. `tuneCompiler: false` leaves V8's settings alone, for
 * a process that runs more than this one command (the tests' in-process runs, test/helpers/cli-in-process.ts).
 */
export async function main(given: string[], tuneCompiler = true): Promise<number> {
  const argv = withStdinFlags(given);
  const fast = tryFastPath(argv);
  if (fast !== undefined) return fast;
  const dash = dashArgumentProblem(argv.slice(1));
  if (dash) {
    process.stderr.write(`odatagen: ${dash}\nRun \`odatagen --help\` for usage.\n`);
    return EXIT_USAGE;
  }
  if (tuneCompiler) tuneCompilerForOneRun();
  // Only `generate` reads its FIFO inputs by the event loop (write/read-pipe.ts), so that a signal
  // while it waits is answered: the other commands read theirs blocking, where only the signal's
  // default action can end the wait, so they go without the start-up handler.
  if (argv[0] !== "generate") startedUp();
  const quick = quickGenerateArgs(argv);
  if (quick) return (require("./generate-command") as typeof import("./generate-command")).runGenerate(quick);
  const { parseCommandLine } = require("./commands") as typeof import("./commands");
  return parseCommandLine(argv);
}

/**
 * Tunes V8's optimizing compiler (TurboFan) for the rest of this process (the CLI's own: a program
 * that imports the generator keeps its V8 settings). A generation is too short for TurboFan's usual
 * bets to pay, and its background threads share the machine's cores with the main thread and the
 * garbage collector's helpers (see docs/performance-notes.md and compilerFlags).
 */
function tuneCompilerForOneRun(): void {
  const v8 = require("node:v8") as typeof import("node:v8");
  // One call per flag: V8 stops at a flag it does not know and ignores the rest.
  for (const flag of compilerFlags(process.versions.v8, process.execArgv)) v8.setFlagsFromString(flag);
}

/**
 * The V8 flags the CLI sets for a V8 of `version` (`process.versions.v8`), leaving out any the user
 * chose on the command line (`node --turbo-inlining …`; NODE_OPTIONS takes no such V8 flag). On
 * V8 11 (Node 20), where they were measured:
 * - no inlining: on Graph, V8's background compiler threads did nearly as much work as the main
 *   thread (5.3 against 6.0 billion instructions under Valgrind); without inlining they do 43% less,
 *   and the main thread the same;
 * - a function is optimized after 12 rounds of its interrupt budget rather than 3: the functions
 *   that run only briefly stay in V8's baseline tiers instead of each costing a compile job (on
 *   Graph, compiling went from 2.1 to 1.0 billion instructions, the whole run from 7.4 to 6.7).
 * None on a later V8: V8 12 (Node 22) dropped the second flag (setting it printed "unrecognized
 * flag" on every run and made V8 ignore the flags after it), and on Node 24 (V8 13, which tiers up
 * through Maglev) no inlining gained nothing (Graph, 10 interleaved runs each: 1.52 against 1.50 s
 * wall, CPU 1.47 against 1.42 s; single-threaded under Valgrind 6.69 against 7.25 billion
 * instructions, 8% more work). The flags apply to what is compiled from here on; the output does
 * not depend on them.
 */
export function compilerFlags(version: string, execArgv: readonly string[]): string[] {
  if (Number.parseInt(version, 10) > 11) return [];
  const own = (flag: RegExp) => execArgv.some((a) => flag.test(a));
  const flags: string[] = [];
  if (!own(/turbo[-_]inlining/)) flags.push("--no-turbo-inlining");
  if (!own(/ticks[-_]before[-_]optimization/)) flags.push(`--ticks-before-optimization=${TICKS_BEFORE_OPTIMIZATION}`);
  return flags;
}

/** V8's default is 3 (see compilerFlags). */
const TICKS_BEFORE_OPTIMIZATION = 12;
