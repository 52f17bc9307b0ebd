/**
 * quick-args.ts reads common `generate` command lines without yargs: for each it accepts, the
 * arguments must be exactly those yargs hands to runGenerate; anything else goes to yargs.
 */
import * as generateCommand from "../generator/cli/generate-command";
import type { GenerateArgs } from "../generator/cli/generate-command";
import { parseCommandLine } from "../generator/cli/commands";
import { quickGenerateArgs } from "../generator/cli/quick-args";

const KEYS: (keyof GenerateArgs)[] = [
  "input", "out", "config", "service", "include", "exclude", "include-derived", "include-navigation",
  "key-as-segment", "unqualified-operations", "validators", "requests", "complete-reads", "check", "watch", "dry-run", "clean", "force", "fail-on-warnings", "quiet", "verbose",
];

/** What yargs passes to runGenerate for `argv`, limited to the flags runGenerate reads. */
async function viaYargs(argv: string[]): Promise<Partial<GenerateArgs>> {
  const spy = jest.spyOn(generateCommand, "runGenerate").mockResolvedValue(0);
  try {
    expect(await parseCommandLine(argv)).toBe(0);
    expect(spy).toHaveBeenCalledTimes(1);
    return pick(spy.mock.calls[0][0]);
  } finally {
    spy.mockRestore();
  }
}

function pick(args: GenerateArgs): Partial<GenerateArgs> {
  const out: Record<string, unknown> = {};
  for (const k of KEYS) if (args[k] !== undefined) out[k] = args[k];
  return out as Partial<GenerateArgs>;
}

describe("quickGenerateArgs()", () => {
  const accepted = [
    ["generate"],
    ["generate", "--input", "graph.xml", "--out", "/tmp/graph"],
    ["generate", "-i", "a.xml", "b.xml", "-o", "out", "-q"],
    ["generate", "--out", "out", "--input", "a.xml", "--quiet", "--force", "--no-clean"],
    ["generate", "--check", "--fail-on-warnings", "--config", "odatagen.config.json", "--service", "graph", "other"],
    ["generate", "-c", "cfg.json", "-s", "one", "--dry-run", "--clean"],
    ["generate", "-i", "g.xml", "-o", "o", "--include", "/communications/callRecords/**", "microsoft.graph.user", "--exclude", "microsoft.graph.security.*"],
    ["generate", "-i", "g.xml", "-o", "o", "--include-derived", "--include-navigation", "--key-as-segment"],
    ["generate", "-i", "g.xml", "-o", "o", "--no-key-as-segment"],
    ["generate", "-i", "g.xml", "-o", "o", "--unqualified-operations", "--key-as-segment"],
    ["generate", "--no-unqualified-operations"],
    ["generate", "-i", "g.xml", "-o", "o", "--no-validators", "--requests"],
    ["generate", "--no-requests", "--validators", "-q"],
    ["generate", "-i", "g.xml", "-o", "o", "--verbose"],
    ["generate", "--complete-reads"],
    ["generate", "-i", "g.xml", "-o", "o", "--no-complete-reads"],
    ["generate", "-i", "123", "-o", "true"],
  ];
  it.each(accepted.map((a) => [a.join(" "), a]))("reads `%s` as yargs does", async (_, argv) => {
    const quick = quickGenerateArgs(argv as string[]);
    expect(quick).toBeDefined();
    expect(pick(quick!)).toEqual(await viaYargs(argv as string[]));
  });

  const declined = [
    ["diff", "a.xml", "b.xml"],
    ["generate", "--help"],
    ["generate", "--version"],
    ["generate", "--out=o", "-i", "a.xml"],
    ["generate", "-i", "a.xml", "-i", "b.xml", "-o", "o"],
    ["generate", "-o", "a", "-o", "b"],
    ["generate", "-i", "a.xml", "-o", "a", "--out", "b"],
    ["generate", "-c", "x.json", "-c", "x.json"],
    ["generate", "-i", "a.xml", "-o", "o", "--include"],
    ["generate", "-i", "a.xml", "--exclude", "-o", "o"],
    ["generate", "-s"],
    ["generate", "--clean", "--no-clean"],
    ["generate", "--quiet", "false"],
    ["generate", "-i", "a.xml", "-o"],
    ["generate", "-o", "", "-i", "a.xml"],
    ["generate", "-o", "o", "-i", "-1"],
    ["generate", "stray"],
    ["generate", "-qw"],
    ["generate", "--dryRun"],
    ["generate", "--unknown"],
    ["generate", "--", "-i"],
  ];
  it.each(declined.map((a) => [a.join(" "), a]))("leaves `%s` to yargs", (_, argv) => {
    expect(quickGenerateArgs(argv as string[])).toBeUndefined();
  });
});
