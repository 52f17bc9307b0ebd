/**
 * Runs an odatagen command in the test's own process: the command line read and the command run
 * by the CLI's `main` (generator/cli/main.ts: the prebuild fast path, the quick reading of a
 * common `generate`, else yargs), as bin/odatagen.js runs them, but without a child process, whose
 * start (node, then dist/ and yargs loaded again) costs ~0.3 s of CPU a run. For files that run
 * dozens of small commands (`diff` on two tiny documents, `generate` of a bad document); what only
 * the real binary does (its start-up, exit codes set on the process, signals, V8's flags, the
 * generator's fingerprint of dist/ in manifests) is tested with runCli.
 *
 * The generator runs from its sources here, so a manifest written in-process records another
 * fingerprint than one the binary writes: a test should not mix the two on one output folder.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "../../generator/cli/main";
import { ROOT, scratch, type CliResult } from "./cli";

/** The end of the last run started: runs wait for it, one at a time (test.concurrent tests may share a file). */
let last: Promise<unknown> = Promise.resolve();

/**
 * The command's exit code and what it printed, run with `cwd` as the working folder, NO_COLOR set
 * and `env`'s variables set over the process's own (as runCli runs the CLI; all of them put back
 * after the run). Runs one command at a time, a run started while another is going waiting for it:
 * the working folder, the environment and the output streams are the process's own. Not for --help
 * or --version, which yargs answers by ending the process (the jest worker here), nor for what
 * Node itself reads from the environment at start-up (NODE_OPTIONS, NODE_USE_ENV_PROXY): use runCli.
 */
export async function runCliInProcess(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return runInTurn(main, "runCliInProcess", args, cwd, env);
}

/**
 * runCliInProcess over the build, `dist/cli/main.js`, which bin/odatagen.js loads: the code the
 * binary runs, with the build's files beside it, so a manifest it writes records the binary's
 * fingerprint (the binary's next run finds it up to date) and `--emit js` takes the static modules'
 * precompiled JavaScript (`dist/static-javascript.json`) instead of compiling them again. What is
 * not the CLI's `main` (bin/odatagen.js's handling of closed pipes and terminals, signals while it
 * starts, the exit code set on a process) still needs runCli.
 */
export async function runBuiltCliInProcess(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  const built = require(path.join(ROOT, "dist", "cli", "main.js")) as typeof import("../../generator/cli/main");
  return runInTurn(built.main, "runBuiltCliInProcess", args, cwd, env);
}

function runInTurn(run: typeof main, name: string, args: string[], cwd: string, env: Record<string, string>): Promise<CliResult> {
  if (args.some((a) => /^(--help|-h|--version)(=|$)/.test(a))) throw new Error(`${name}: yargs ends the process for ${args.join(" ")}: use runCli`);
  const done = last.then(() => runNow(run, args, cwd, env));
  last = done.catch(() => undefined);
  return done;
}

async function runNow(run: typeof main, args: string[], cwd: string, env: Record<string, string>): Promise<CliResult> {
  const written = { stdout: "", stderr: "" };
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  const capture = (stream: "stdout" | "stderr") =>
    ((chunk: string | Uint8Array) => {
      written[stream] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      return true;
    }) as typeof process.stdout.write;
  const before = { cwd: process.cwd(), noColor: process.env.NO_COLOR, forceColor: process.env.FORCE_COLOR };
  const given = Object.entries(env).map(([name, value]) => [name, process.env[name], value] as const);
  process.chdir(cwd);
  process.env.NO_COLOR = "1";
  delete process.env.FORCE_COLOR;
  for (const [name, , value] of given) process.env[name] = value;
  process.stdout.write = capture("stdout");
  process.stderr.write = capture("stderr");
  try {
    const code = await run(args, false);
    return { code, ...written };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
    process.chdir(before.cwd);
    for (const [name, old] of given.reverse()) restore(name, old);
    restore("NO_COLOR", before.noColor);
    restore("FORCE_COLOR", before.forceColor);
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/**
 * Writes the documents into a scratch folder and generates them as one service (in the order
 * given), in this process: what the CLI printed, and its diagnostics' lines.
 */
export async function generateDocs(docs: [string, string][], extra: string[] = []) {
  const dir = scratch();
  for (const [file, xml] of docs) fs.writeFileSync(path.join(dir, file), xml);
  const r = await runCliInProcess(["generate", "-i", ...docs.map(([f]) => f), "-o", "out", "-q", ...extra], dir);
  const read = (file: string) => fs.readFileSync(path.join(dir, "out", file), "utf8");
  return { ...r, lines: r.stderr.trim().split("\n").filter((l) => l && !l.startsWith("odatagen:")), read };
}
