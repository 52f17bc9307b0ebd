/**
 * Where a module config (`.mjs`, `.js`, `.cjs`) breaks JavaScript's grammar. Node 20's `import()`
 * rejects such a file with a SyntaxError that holds no line or column (Node prints them only for an
 * uncaught error), so the file is parsed again, without being run, by `node --check` in a child
 * process, which prints `file:line`, the line, and a caret line under the problem.
 */
import { spawnSync } from "node:child_process";

/** The 1-based line and column (in UTF-16 units, as every diagnostic's) of the syntax error in `file`; undefined when `node --check` finds none there. */
export function moduleSyntaxPlace(file: string): { line: number; column: number } | undefined {
  const r = spawnSync(process.execPath, ["--check", file], { encoding: "utf8", timeout: 30_000, windowsHide: true });
  if (r.status === 0 || typeof r.stderr !== "string") return undefined;
  const lines = r.stderr.split(/\r?\n/);
  // The first line names the file (its real path) and the line: `/project/odatagen.config.mjs:3`.
  const head = lines[0] ?? "";
  const colon = head.lastIndexOf(":");
  if (colon <= 0 || !/^[1-9]\d*$/.test(head.slice(colon + 1))) return undefined;
  const caret = (lines[2] ?? "").indexOf("^");
  return { line: Number(head.slice(colon + 1)), column: caret === -1 ? 1 : caret + 1 };
}
