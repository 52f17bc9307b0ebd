/**
 * The TypeScript compiler that `emit: "js"` (javascript.ts) turns the generated modules into
 * JavaScript and declarations with. odatagen does not ship one: it takes the `typescript` package
 * the project has, found from the folders given (the working folder first), else its own if it
 * has one. Finding it reads only its `package.json` (the up-to-date check records its version);
 * loading it (~0.4 s) is left to a run that generates.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The oldest TypeScript whose API has `transpileDeclaration` and `noCheck` (5.5). */
export const OLDEST_TYPESCRIPT = [5, 5] as const;

/** The parts of the `typescript` module javascript.ts uses, typed loosely enough that any 5.5+ satisfies them. */
export interface TypeScriptApi {
  version: string;
  transpileModule(input: string, options: { compilerOptions: Record<string, unknown>; fileName?: string; reportDiagnostics?: boolean }): TranspileOutput;
  transpileDeclaration(input: string, options: { compilerOptions: Record<string, unknown>; fileName?: string; reportDiagnostics?: boolean }): TranspileOutput;
  createCompilerHost(options: Record<string, unknown>): CompilerHost;
  createProgram(rootNames: readonly string[], options: Record<string, unknown>, host: CompilerHost): { emit(): { diagnostics: readonly TsDiagnostic[] } };
  createSourceFile(fileName: string, text: string, languageVersion: unknown, setParentNodes?: boolean): unknown;
  flattenDiagnosticMessageText(message: unknown, newLine: string): string;
  ScriptTarget: { ES2022: number };
  ModuleKind: { ESNext: number };
  ModuleResolutionKind: { Bundler: number };
  NewLineKind: { LineFeed: number };
}

export interface TranspileOutput {
  outputText: string;
  diagnostics?: readonly TsDiagnostic[];
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
 * The `typescript` package Node would load from the first of `from` that has one (each a folder),
 * else from odatagen's own folder; a TypeScriptMissingError says what was found instead, and what
 * to install.
 */
export function findTypeScript(from: readonly string[]): FoundTypeScript {
  let manifest: string | undefined;
  for (const dir of [...from, __dirname]) {
    try {
      manifest = require.resolve("typescript/package.json", { paths: [dir] });
      break;
    } catch {
      // not there; the next folder
    }
  }
  if (!manifest) throw new TypeScriptMissingError(`emit "js" compiles the generated TypeScript with the project's own compiler, and no typescript package was found from ${from[0] ?? process.cwd()}: install one (npm install --save-dev typescript), ${versionText(OLDEST_TYPESCRIPT)} or later`);
  const dir = path.dirname(manifest);
  let version = "";
  try {
    version = String((JSON.parse(fs.readFileSync(manifest, "utf8")) as { version?: unknown }).version ?? "");
  } catch {
    // read as no version below
  }
  const [major, minor] = version.split(".").map(Number);
  if (!(major! > OLDEST_TYPESCRIPT[0] || (major === OLDEST_TYPESCRIPT[0] && minor! >= OLDEST_TYPESCRIPT[1])))
    throw new TypeScriptMissingError(`emit "js" needs TypeScript ${versionText(OLDEST_TYPESCRIPT)} or later (its transpileDeclaration); found ${version || "a typescript package without a version"} at ${dir}`);
  return { dir, version };
}

/** Loads the package findTypeScript found; a TypeScriptMissingError when it has no compiler API (TypeScript 7's package has none). */
export function loadTypeScript(found: FoundTypeScript): TypeScriptApi {
  let ts: Partial<TypeScriptApi>;
  try {
    ts = require(found.dir) as Partial<TypeScriptApi>;
  } catch (e) {
    throw new TypeScriptMissingError(`emit "js": TypeScript ${found.version} at ${found.dir} could not be loaded (${(e as Error).message.split("\n")[0]})`);
  }
  if (typeof ts.transpileDeclaration !== "function" || typeof ts.transpileModule !== "function" || typeof ts.createProgram !== "function")
    throw new TypeScriptMissingError(
      `emit "js" uses TypeScript's JavaScript API, which TypeScript ${found.version} at ${found.dir} does not have${found.version.startsWith("7.") ? " (TypeScript 7's package has none yet)" : ""}: install TypeScript 5.5–6.x as typescript (npm install --save-dev typescript@5.9), or emit "ts"`,
    );
  return ts as TypeScriptApi;
}

function versionText(v: readonly number[]): string {
  return v.join(".");
}
