/**
 * `generate` with the common flags, read without loading yargs (about 40 ms of every run's start).
 * The grammar is deliberately small: each flag in its long or one-letter form, at most once, values
 * as separate arguments that do not start with `-`. Anything else (`--help`, `--out=x`, a repeated
 * flag, a typo, `--quiet false`, another command) returns undefined and yargs parses it, with its
 * messages. For what it accepts the result is what yargs gives runGenerate (test/cli-quick-args).
 */
import type { GenerateArgs } from "./generate-command";

type ValueFlag = "input" | "out" | "config" | "service" | "include" | "exclude";
type BooleanFlag = "check" | "watch" | "dry-run" | "clean" | "force" | "fail-on-warnings" | "quiet" | "verbose" | "key-as-segment" | "unqualified-operations" | "include-derived" | "include-navigation" | "validators" | "requests" | "complete-reads" | "follow-references";

/** Flags taking values; true for the array ones (which take every value up to the next flag). */
const VALUES: Record<string, [ValueFlag, boolean]> = {
  "--input": ["input", true], "-i": ["input", true],
  "--out": ["out", false], "-o": ["out", false],
  "--config": ["config", false], "-c": ["config", false],
  "--service": ["service", true], "-s": ["service", true],
  "--include": ["include", true],
  "--exclude": ["exclude", true],
};

const BOOLEANS: Record<string, [BooleanFlag, boolean]> = {
  "--check": ["check", true],
  "--watch": ["watch", true], "-w": ["watch", true],
  "--dry-run": ["dry-run", true],
  "--clean": ["clean", true], "--no-clean": ["clean", false],
  "--force": ["force", true],
  "--fail-on-warnings": ["fail-on-warnings", true],
  "--quiet": ["quiet", true], "-q": ["quiet", true],
  "--verbose": ["verbose", true],
  "--key-as-segment": ["key-as-segment", true], "--no-key-as-segment": ["key-as-segment", false],
  "--unqualified-operations": ["unqualified-operations", true], "--no-unqualified-operations": ["unqualified-operations", false],
  "--include-derived": ["include-derived", true],
  "--include-navigation": ["include-navigation", true],
  "--validators": ["validators", true], "--no-validators": ["validators", false],
  "--requests": ["requests", true], "--no-requests": ["requests", false],
  "--complete-reads": ["complete-reads", true], "--no-complete-reads": ["complete-reads", false],
  "--follow-references": ["follow-references", true], "--no-follow-references": ["follow-references", false],
};

export function quickGenerateArgs(argv: readonly string[]): GenerateArgs | undefined {
  if (argv[0] !== "generate") return undefined;
  const args: GenerateArgs = { check: false, watch: false, "dry-run": false, clean: true, force: false, "fail-on-warnings": false, quiet: false, verbose: false };
  const seen = new Set<string>();
  const isValue = (a: string | undefined): a is string => a !== undefined && a !== "" && !a.startsWith("-");
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const value = VALUES[a];
    const flag = BOOLEANS[a];
    const name = value?.[0] ?? flag?.[0];
    if (!name || seen.has(name)) return undefined;
    seen.add(name);
    if (flag) {
      args[flag[0]] = flag[1];
      continue;
    }
    if (!isValue(argv[i + 1])) return undefined;
    if (!value[1]) {
      (args as unknown as Record<string, string>)[name] = argv[++i];
      continue;
    }
    const list: string[] = [];
    while (isValue(argv[i + 1])) list.push(argv[++i]);
    (args as unknown as Record<string, string[]>)[name] = list;
  }
  return args;
}
