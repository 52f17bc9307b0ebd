/**
 * The TypeScript compiler that `emit: "js"` (javascript.ts) turns the generated modules into
 * JavaScript and declarations with. odatagen does not ship one: it takes the `typescript` package
 * the project has, found from the folders given (the output folder, then the working folder).
 * Finding it reads only its `package.json` (the up-to-date check records its version); loading it
 * (~0.4 s) is left to a run that generates.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Codes, type Diagnostic } from "../diagnostics";
import { typescriptPackages } from "../config/typescript-config";
import type { NativeTypeScript } from "./javascript-native";

/** The oldest TypeScript that emits declarations without checking (`noCheck`, 5.6). */
export const OLDEST_TYPESCRIPT = [5, 6] as const;

/** The parts of the `typescript` module javascript.ts uses, typed loosely enough that any 5.6+ satisfies them. */
export interface TypeScriptApi {
  version: string;
  createCompilerHost(options: Record<string, unknown>): CompilerHost;
  createProgram(rootNames: readonly string[], options: Record<string, unknown>, host: CompilerHost): { emit(): { diagnostics: readonly TsDiagnostic[] } };
  createSourceFile(fileName: string, text: string, languageVersion: unknown, setParentNodes?: boolean): unknown;
  flattenDiagnosticMessageText(message: unknown, newLine: string): string;
  ScriptTarget: { ES2022: number };
  ModuleKind: { ESNext: number };
  ModuleResolutionKind: { Bundler: number };
  NewLineKind: { LineFeed: number };
}

export interface TsDiagnostic {
  code: number;
  messageText: unknown;
  start?: number;
}

export interface CompilerHost {
  readFile(file: string): string | undefined;
  fileExists(file: string): boolean;
  getSourceFile(file: string, languageVersion: unknown, ...rest: unknown[]): unknown;
  writeFile: (file: string, text: string, ...rest: unknown[]) => void;
  getDefaultLibFileName(options: unknown): string;
  useCaseSensitiveFileNames(): boolean;
  getCanonicalFileName(file: string): string;
  getCurrentDirectory(): string;
  getNewLine(): string;
}

/** Where a `typescript` package is, and its version. */
export interface FoundTypeScript {
  /** The package's folder. */
  dir: string;
  version: string;
  /** TypeScript 7: compiled with its native `tsc` (javascript-native.ts), not through an API. */
  native?: NativeTypeScript;
}

/** Why no usable TypeScript was found, said to the user (ODG406). */
export class TypeScriptMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TypeScriptMissingError";
  }

  /** As the run reports it: ODG406 at the `emit` option, in no file. */
  get diagnostic(): Diagnostic {
    return { code: Codes.typescriptMissing, severity: "error", message: this.message, file: "", line: 0, column: 0, path: "emit" };
  }
}

/**
 * The first `typescript` package found from `from` (each a folder, in turn: the project's) that
 * can compile: 5.6 to 6.x through its JavaScript API, or 7 or later through its native `tsc`
 * (whose package has no JavaScript API yet). Only package.json files are read, and whether a 7's
 * `bin/tsc` is there. A TypeScriptMissingError says what was found instead, and what to install.
 */
export function findTypeScript(from: readonly string[]): FoundTypeScript {
  const found = typescriptPackages(from);
  const seen: string[] = [];
  for (const { pkg, version } of found) {
    const dir = path.dirname(pkg);
    const where = `${version || "a typescript package without a version"} at ${dir}`;
    if (usable(version)) return { dir, version };
    const tsc = path.join(dir, "bin", "tsc");
    if (major(version) >= 7) {
      if (fs.existsSync(tsc)) return { dir, version, native: { native: true, version, tsc } };
      seen.push(`${where} (without its bin/tsc)`);
    } else seen.push(where);
  }
  if (!seen.length) throw new TypeScriptMissingError(`emit "js" compiles the generated TypeScript with the project's own compiler, and no typescript package was found from ${from[0] ?? process.cwd()}: install one (npm install --save-dev typescript), ${versionText(OLDEST_TYPESCRIPT)} or later`);
  throw new TypeScriptMissingError(
    `emit "js" needs TypeScript ${versionText(OLDEST_TYPESCRIPT)} or later (5.6–6.x emit declarations without checking, noCheck, through their JavaScript API; 7 through its tsc); found ${seen.join("; ")}: install it as typescript (npm install --save-dev typescript), or emit "ts"`,
  );
}

function major(version: string): number {
  return Number(version.split(".")[0]);
}

/** Whether a TypeScript of this version can compile the output through its JavaScript API (5.6 or later, before 7). */
export function usable(version: string): boolean {
  const [m, minor] = version.split(".").map(Number);
  return m! < 7 && (m! > OLDEST_TYPESCRIPT[0] || (m === OLDEST_TYPESCRIPT[0] && minor! >= OLDEST_TYPESCRIPT[1]));
}

/** Loads the package findTypeScript found; a TypeScriptMissingError when it has no compiler API (TypeScript 7's package has none). */
export function loadTypeScript(found: FoundTypeScript): TypeScriptApi {
  let ts: Partial<TypeScriptApi>;
  try {
    ts = require(found.dir) as Partial<TypeScriptApi>;
  } catch (e) {
    throw new TypeScriptMissingError(`emit "js": TypeScript ${found.version} at ${found.dir} could not be loaded (${(e as Error).message.split("\n")[0]})`);
  }
  if (typeof ts.createProgram !== "function" || typeof ts.createSourceFile !== "function")
    throw new TypeScriptMissingError(`emit "js" uses TypeScript's JavaScript API, which TypeScript ${found.version} at ${found.dir} does not have: install TypeScript ${versionText(OLDEST_TYPESCRIPT)}–6.x as typescript (npm install --save-dev typescript@5.9), or emit "ts"`);
  return ts as TypeScriptApi;
}

function versionText(v: readonly number[]): string {
  return v.join(".");
}
