/** Watching a CLI child process: its output as it comes, files it makes, and how it ends. */
import type { ChildProcess } from "node:child_process";
import * as fs from "node:fs";

/** Collects a child's output (stdout and stderr together) and waits for patterns in it. */
export class Output {
  text = "";
  private waiters: { re: RegExp; from: number; resolve: () => void }[] = [];
  constructor(child: ChildProcess) {
    const on = (d: Buffer) => {
      this.text += d.toString();
      this.waiters = this.waiters.filter((w) => (w.re.test(this.text.slice(w.from)) ? (w.resolve(), false) : true));
    };
    child.stdout!.on("data", on);
    child.stderr!.on("data", on);
  }
  /** Waits for `re` to appear after the current end of the output (or after `from`). */
  wait(re: RegExp, timeoutMs = 30000, from = this.text.length): Promise<void> {
    if (re.test(this.text.slice(from))) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`timed out waiting for ${re}; output:\n${this.text}`)), timeoutMs);
      this.waiters.push({ re, from, resolve: () => (clearTimeout(t), resolve()) });
    });
  }
}

/** Resolves once `file` exists (checked every 5 ms), or rejects when the child exits first. */
export function whenExists(file: string, child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      if (fs.existsSync(file)) (clearInterval(poll), resolve());
      else if (child.exitCode !== null) (clearInterval(poll), reject(new Error(`exited (${child.exitCode}) before ${file} appeared`)));
    }, 5);
  });
}

/** How the child ends, with its stderr (stdout is read and dropped unless `output` collects it). */
export function exited(child: ChildProcess, output?: Output): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  if (!output) child.stdout!.resume();
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stderr })));
}
