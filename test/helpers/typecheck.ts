/**
 * Type checks with the real compilers: TypeScript 5.9 through its API, and TypeScript 7 (the native
 * port, installed as the `typescript7` alias) through its `tsc` binary.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import ts from "typescript";

export const REPO = path.resolve(__dirname, "..", "..");

/**
 * The options generated code must compile under: --strict, NodeNext modules (so every relative
 * import must name its `.js` file), ES2022 plus DOM for `fetch`, and no @types packages (the
 * generated code has no dependencies).
 */
export const STRICT_OPTIONS = {
  strict: true,
  noEmit: true,
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  lib: ["ES2022", "DOM"],
  types: [] as string[],
  skipLibCheck: false,
  isolatedModules: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
} as const;

export interface Problem {
  file: string;
  line: number;
  message: string;
}

/** Compiles `files` with TypeScript 5.9 and returns every diagnostic, syntactic to semantic. */
export function compileWithApi(files: string[]): Problem[] {
  const parsed = ts.convertCompilerOptionsFromJson(STRICT_OPTIONS, REPO);
  if (parsed.errors.length) throw new Error(ts.flattenDiagnosticMessageText(parsed.errors[0].messageText, "\n"));
  const program = ts.createProgram(files, parsed.options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    return {
      file: d.file ? path.relative(REPO, d.file.fileName) : "",
      line: pos ? pos.line + 1 : 0,
      message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
    };
  });
}

/** Where the TypeScript 7 `tsc` launcher is, or why it cannot run here. */
export function ts7(): { tsc: string; version: string } | { reason: string } {
  const tsc = path.join(REPO, "node_modules", "typescript7", "bin", "tsc");
  if (!fs.existsSync(tsc)) return { reason: "the typescript7 devDependency is not installed (npm install)" };
  const r = spawnSync(process.execPath, [tsc, "--version"], { encoding: "utf8", timeout: 60000 });
  if (r.status !== 0 || !/Version 7\./.test(r.stdout)) {
    return { reason: `typescript7's tsc does not run here (${(r.stderr || r.stdout || String(r.error)).trim().split("\n")[0]})` };
  }
  return { tsc, version: r.stdout.trim() };
}

/**
 * Runs TypeScript 7's tsc over `files` with STRICT_OPTIONS from a tsconfig written in `dir` (the
 * paths it prints are relative to it); returns its exit code and output.
 */
export function compileWithTs7(tsc: string, dir: string, files: string[]): { status: number | null; output: string } {
  const config = path.join(dir, "tsconfig.ts7.json");
  fs.writeFileSync(config, JSON.stringify({ compilerOptions: STRICT_OPTIONS, files }, null, 2));
  try {
    const r = spawnSync(process.execPath, [tsc, "-p", config, "--pretty", "false"], { cwd: dir, encoding: "utf8", timeout: 120000 });
    return { status: r.status, output: `${r.stdout}${r.stderr}${r.error ? String(r.error) : ""}` };
  } finally {
    fs.rmSync(config);
  }
}

/** Every `.ts` file in a directory (not recursive), absolute, sorted. */
export function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).sort().map((f) => path.join(dir, f));
}
