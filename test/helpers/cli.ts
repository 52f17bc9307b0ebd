/** Runs the real CLI (bin/odatagen.js, over dist/) as a child process, in a scratch folder. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnLimited } from "./spawn-limited";

export const ROOT = path.resolve(__dirname, "..", "..");
export const BIN = path.join(ROOT, "bin", "odatagen.js");
export const SPECS = path.join(ROOT, "specs");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const quietEnv = (env: Record<string, string> = {}) => ({ ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...env });

export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: quietEnv(env), encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** runCli without blocking, for tests run with `test.concurrent`: at most two CLI runs at once per file (spawn-limited.ts). */
export async function runCliAsync(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  const r = await spawnLimited(process.execPath, [BIN, ...args], { cwd, env: quietEnv(env), timeoutMs: 0 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function startCli(args: string[], cwd: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd, env: quietEnv(env), stdio: ["ignore", "pipe", "pipe"] });
}

const scratchDirs: string[] = [];

/**
 * A new empty folder under the system's temporary folder, removed when the test file ends (a test
 * run should not leave thousands of folders behind in /tmp).
 */
export function scratch(prefix = "odatagen-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

// Jest evaluates this module once per test file, so the hook belongs to the file that imported it.
if (typeof afterAll === "function") {
  afterAll(() => {
    for (const dir of scratchDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
}

/** Every file under `dir` (relative path → bytes), hidden files included. */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out.set(r, fs.readFileSync(path.join(dir, r)));
    }
  };
  walk("");
  return out;
}

export function sameTree(a: Map<string, Buffer>, b: Map<string, Buffer>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (!b.get(k)?.equals(v)) return false;
  return true;
}

/** Writes a config file naming services in `dir`. */
export function writeJson(file: string, value: unknown): void {
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

/** Copies a spec from specs/ into `dir`, optionally editing its text. */
export function copySpec(name: string, dir: string, edit: (text: string) => string = (t) => t, as = name): string {
  const target = path.join(dir, as);
  fs.writeFileSync(target, edit(fs.readFileSync(path.join(SPECS, name), "utf8")));
  return target;
}

/** `line:column` where the `nth` (0-based) occurrence of `needle` starts in `text`. */
export function where(text: string, needle: string, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} (#${nth}) is not in the text`);
  const before = text.slice(0, at).split("\n");
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

/**
 * A project of two services whose outputs nest (`out/x` and `out/x/inner`): callRecords outside,
 * the Security Copilot excerpt inside. Nothing generated yet.
 */
export function nestedOutputsProject(): string {
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir, (t) => t, "outer.xml");
  copySpec("graph-beta-securitycopilot.xml", dir, (t) => t, "inner.xml");
  writeJson(path.join(dir, "odatagen.config.json"), {
    services: [
      { name: "outer", input: "outer.xml", out: "out/x" },
      { name: "inner", input: "inner.xml", out: "out/x/inner" },
    ],
  });
  return dir;
}

/** The inner service's spec with a property more (`isRetried`), to tell its new output from its old. */
export function withRetried(text: string): string {
  return text.replace('<Property Name="isCancelled"', '<Property Name="isRetried" Type="Edm.Boolean" />\n        <Property Name="isCancelled"');
}
