/**
 * Runs an odatagen command in the test's own process: the command line read by yargs
 * (generator/cli/commands.ts) and the command run, as bin/odatagen.js runs them, but without a
 * child process, whose start (node, then dist/ and yargs loaded again) costs ~0.5 s a run. For
 * files that run dozens of small commands (`diff` on two tiny documents); what only the real
 * binary does (its start-up, exit codes set on the process, signals) is tested with runCli.
 */
import { parseCommandLine } from "../../generator/cli/commands";
import type { CliResult } from "./cli";

/**
 * The command's exit code and what it printed, run with `cwd` as the working folder and NO_COLOR
 * set (as runCli runs the CLI). Runs one command at a time: the working folder and the output
 * streams are the process's own. Not for --help or --version, which yargs answers by ending the
 * process (the jest worker here).
 */
export async function runCliInProcess(args: string[], cwd: string): Promise<CliResult> {
  if (args.some((a) => /^(--help|-h|--version)(=|$)/.test(a))) throw new Error(`runCliInProcess: yargs ends the process for ${args.join(" ")}: use runCli`);
  const written = { stdout: "", stderr: "" };
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  const capture = (stream: "stdout" | "stderr") =>
    ((chunk: string | Uint8Array) => {
      written[stream] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      return true;
    }) as typeof process.stdout.write;
  const before = { cwd: process.cwd(), noColor: process.env.NO_COLOR, forceColor: process.env.FORCE_COLOR };
  process.chdir(cwd);
  process.env.NO_COLOR = "1";
  delete process.env.FORCE_COLOR;
  process.stdout.write = capture("stdout");
  process.stderr.write = capture("stderr");
  try {
    const code = await parseCommandLine(args);
    return { code, ...written };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
    process.chdir(before.cwd);
    restore("NO_COLOR", before.noColor);
    restore("FORCE_COLOR", before.forceColor);
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
