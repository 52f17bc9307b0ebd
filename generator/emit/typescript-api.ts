/**
 * The TypeScript compiler that `emit: "js"` (javascript.ts) turns the generated modules into
 * JavaScript and declarations with. odatagen does not ship one: it takes the `typescript` package
 * the project has, found from the folders given (the output folder, then the working folder).
 * Finding it reads only its `package.json` (the up-to-date check records its version); loading it
 * (~0.4 s) is left to a run that generates.
 */
import * as path from "node:path";
import { typescriptPackages } from "../config/typescript-config";

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
}

/** Why no usable TypeScript was found, said to the user (ODG406). */
export class TypeScriptMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TypeScriptMissingError";
  }
}

/**
 * The first `typescript` package found from `from` (each a folder, in turn: the project's) that
 * can compile: 5.6 or later, before 7 (TypeScript 7's package has no JavaScript API yet). Only
 * package.json files are read. A TypeScriptMissingError says what was found instead,
 * and what to install.
 */
export function findTypeScript(from: readonly string[]): FoundTypeScript {
  const found = typescriptPackages(from);
  for (const { pkg, version } of found) if (usable(version)) return { dir: path.dirname(pkg), version };
  const seen = found.map(({ pkg, version }) => `${version || "a typescript package without a version"} at ${path.dirname(pkg)}`);
  if (!seen.length) throw new TypeScriptMissingError(`emit "js" compiles the generated TypeScript with the project's own compiler, and no typescript package was found from ${from[0] ?? process.cwd()}: install one (npm install --save-dev typescript), ${versionText(OLDEST_TYPESCRIPT)} or later`);
  const native = found.some(({ version }) => major(version) >= 7);
  throw new TypeScriptMissingError(
    `emit "js" needs TypeScript ${versionText(OLDEST_TYPESCRIPT)}–6.x, whose JavaScript API emits declarations without checking (noCheck); found ${seen.join("; ")}${native ? " (TypeScript 7's package has no JavaScript API yet)" : ""}: install it as typescript (npm install --save-dev typescript@5.9), or emit "ts"`,
  );
}

function major(version: string): number {
  return Number(version.split(".")[0]);
}

/** Whether a TypeScript of this version can compile the output (5.6 or later, before 7). */
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
