/**
 * `emit: "js"`: the generated modules as JavaScript (ES2022 modules) with a declaration file beside
 * each, made by the project's TypeScript compiler (typescript-api.ts) from the TypeScript the
 * templates wrote. Each module is compiled alone, as a program of that one file, without the type
 * checker (`noCheck`), the standard library or its imports: one parse gives both its JavaScript and
 * its declarations, which the output allows since every export it has is annotated (TypeScript's
 * `isolatedDeclarations` rule). That is what `transpileModule` and `transpileDeclaration` do,
 * byte for byte, with one parse instead of two (a quarter less time on Graph). The static modules
 * (runtime.ts, validation.ts, edm.ts) are declared together, with the standard library, instead:
 * without it their symbol-named members (`static [Symbol.hasInstance]`) come out wrong.
 *
 * The import paths stay as they are (`./runtime.js`): they name the JavaScript files, and TypeScript
 * finds the declarations beside them. A `package.json` saying `"type": "module"` goes with the
 * files, so Node loads them as the ES modules they are in a CommonJS package too.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Codes, GenerationError, type Diagnostic } from "../diagnostics";
import { STATIC_FILES } from "./emit";
import type { CompilerHost, TypeScriptApi, TsDiagnostic } from "./typescript-api";

/** The package.json written with the JavaScript. */
export const MODULE_PACKAGE_JSON = `${JSON.stringify({ type: "module" }, null, 2)}\n`;

/**
 * The files of a run (`name.ts` → text) as JavaScript and declarations (`name.js`, `name.d.ts`),
 * with package.json; any other file is kept as it is. A declaration the compiler cannot make alone
 * is an error (ODG407) naming the module, line and column: odatagen's own output broke the rule.
 */
export function javascriptOutput(files: ReadonlyMap<string, string>, ts: TypeScriptApi): Map<string, string> {
  const steps = compiling(files, ts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * javascriptOutput, awaiting `between()` after each module (the CLI's checkpoint, so that Ctrl+C
 * stops a long compile after the module it is in, not after all of Graph's ~10 s).
 */
export async function javascriptOutputAsync(files: ReadonlyMap<string, string>, ts: TypeScriptApi, between: () => Promise<void>): Promise<Map<string, string>> {
  const steps = compiling(files, ts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await between();
  }
}

/** The compile, a module at a time: it yields after each. */
function* compiling(files: ReadonlyMap<string, string>, ts: TypeScriptApi): Generator<undefined, Map<string, string>, undefined> {
  const out = new Map<string, string>();
  const problems: Diagnostic[] = [];
  const statics = [...files.keys()].filter((f) => STATIC_FILES.includes(f));
  const built = precompiled(files, statics);
  const staticDeclarations = built ? new Map(Object.entries(built).map(([f, m]) => [f, m.declarations])) : declareTogether(statics.map((f) => [f, files.get(f)!] as const), ts);
  yield;
  for (const [file, text] of files) {
    if (!file.endsWith(".ts")) {
      out.set(file, text);
      continue;
    }
    const base = file.slice(0, -".ts".length);
    const made = built?.[file] ?? compileAlone(file, text, ts);
    out.set(`${base}.js`, withHeader(text, made.js));
    for (const problem of made.diagnostics) problems.push(declarationProblem(file, text, problem, ts));
    out.set(`${base}.d.ts`, withHeader(text, staticDeclarations.get(file) ?? made.declarations));
    yield;
  }
  if (problems.length) throw new GenerationError(problems, "in the generated code");
  return finished(out);
}

/** The compiled files with package.json, in sorted order (as generate() returns its files); javascript-native.ts's too. */
export function finished(out: Map<string, string>): Map<string, string> {
  out.set("package.json", MODULE_PACKAGE_JSON);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The static modules compiled when odatagen was built (scripts/precompile-static-javascript.js, into
 * dist/static-javascript.json), used when a run has all three and each is the text they were made
 * from: they change only with odatagen, and making them takes a cold run ~0.6 s (the declarations'
 * program reads the standard library). Made with the TypeScript odatagen is built with (5.9, as its
 * lockfile pins it); any other set, or a text that differs (a template edited after the build), is
 * compiled with the project's.
 */
function precompiled(files: ReadonlyMap<string, string>, statics: readonly string[]): Record<string, Compiled> | undefined {
  if (statics.length !== STATIC_FILES.length) return undefined;
  let made: PrecompiledStatics;
  try {
    made = JSON.parse(fs.readFileSync(PRECOMPILED, "utf8")) as PrecompiledStatics;
  } catch {
    return undefined;
  }
  for (const f of statics) if (made.modules[f]?.sha256 !== sha256(files.get(f)!)) return undefined;
  return Object.fromEntries(statics.map((f) => [f, { ...made.modules[f]!, diagnostics: [] }]));
}

/** Where the build writes the precompiled static modules (dist/, beside emit/). */
export const PRECOMPILED = path.join(__dirname, "..", "static-javascript.json");

/** dist/static-javascript.json: each static module's text's SHA-256 and what it compiles to. */
export interface PrecompiledStatics {
  typescript: string;
  modules: Record<string, { sha256: string; js: string; declarations: string }>;
}

/** The static modules of `files` compiled (their declarations together), for the build's PrecompiledStatics. */
export function compileStatics(files: ReadonlyMap<string, string>, ts: TypeScriptApi): PrecompiledStatics {
  const statics = STATIC_FILES.map((f) => [f, files.get(f)!] as const);
  const declarations = declareTogether(statics, ts);
  const modules = Object.fromEntries(statics.map(([f, text]) => [f, { sha256: sha256(text), js: compileAlone(f, text, ts).js, declarations: declarations.get(f) ?? "" }]));
  return { typescript: ts.version, modules };
}

function sha256(text: string): string {
  return (require("node:crypto") as typeof import("node:crypto")).createHash("sha256").update(text).digest("hex");
}

interface Compiled {
  js: string;
  declarations: string;
  diagnostics: readonly TsDiagnostic[];
}

/** One module compiled as a program of its own: its JavaScript, its declarations, and why a declaration could not be made. */
function compileAlone(file: string, text: string, ts: TypeScriptApi): Compiled {
  const options = { ...declarationOptions(ts), isolatedDeclarations: true, isolatedModules: true, noCheck: true, noLib: true, noResolve: true, types: [] };
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, false);
  const made = new Map<string, string>();
  const host: CompilerHost = {
    getSourceFile: (f) => (f === file ? source : undefined),
    writeFile: (f, output) => made.set(f, output),
    getDefaultLibFileName: () => "lib.d.ts",
    useCaseSensitiveFileNames: () => true,
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => "",
    getNewLine: () => "\n",
    fileExists: (f) => f === file,
    readFile: () => undefined,
  };
  const emitted = ts.createProgram([file], options, host).emit();
  const base = file.slice(0, -".ts".length);
  return { js: made.get(`${base}.js`) ?? "", declarations: made.get(`${base}.d.ts`) ?? "", diagnostics: emitted.diagnostics };
}

function jsOptions(ts: TypeScriptApi): Record<string, unknown> {
  return { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, newLine: ts.NewLineKind.LineFeed };
}

function declarationOptions(ts: TypeScriptApi): Record<string, unknown> {
  return { ...jsOptions(ts), declaration: true };
}

/**
 * The declarations of the static modules, made as `tsc --declaration` makes them: one program over
 * them (in memory, under a folder that is not on the disk), the standard library read from the
 * compiler's own files so that `Symbol.hasInstance` is known for the well-known symbol it is, and no
 * type checking (`noCheck`: every declaration is written out in the source).
 */
function declareTogether(modules: readonly (readonly [string, string])[], ts: TypeScriptApi): Map<string, string> {
  const made = new Map<string, string>();
  if (!modules.length) return made;
  const root = path.resolve("/odatagen-static-modules");
  const sources = new Map(modules.map(([file, text]) => [path.join(root, file), text]));
  const options = {
    ...declarationOptions(ts),
    emitDeclarationOnly: true,
    noCheck: true,
    skipLibCheck: true,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts"],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { readFile, fileExists, getSourceFile } = host;
  host.readFile = (f) => sources.get(f) ?? readFile.call(host, f);
  host.fileExists = (f) => sources.has(f) || fileExists.call(host, f);
  host.getSourceFile = (f, version, ...rest) => {
    const text = sources.get(f);
    return text === undefined ? getSourceFile.call(host, f, version, ...rest) : ts.createSourceFile(f, text, version, true);
  };
  host.writeFile = (f, text) => made.set(path.relative(root, f).replace(/\.d\.ts$/, ".ts"), text);
  ts.createProgram([...sources.keys()], options, host).emit();
  return made;
}

/** The `//` lines a module starts with (odatagen's header), put back where the compiler left them out (before a declaration it dropped). */
export function withHeader(source: string, output: string): string {
  const header = /^(\/\/[^\n]*\n)+/.exec(source)?.[0] ?? "";
  return header && !output.startsWith(header) ? header + output : output;
}

function declarationProblem(file: string, text: string, d: TsDiagnostic, ts: TypeScriptApi): Diagnostic {
  const before = text.slice(0, d.start ?? 0);
  const at = { file, line: before.split("\n").length, column: before.length - before.lastIndexOf("\n") };
  return undeclarable(at, ts.version, d.code, ts.flattenDiagnosticMessageText(d.messageText, " "));
}

/** ODG407: a module whose declarations `version` could not make without checking it (the compiler's TS`code` and message), at its place. */
export function undeclarable(at: { file: string; line: number; column: number }, version: string, code: number | string, message: string): Diagnostic {
  const text = `TypeScript ${version} cannot make this module's declarations without checking it (TS${code}: ${message}); emit "ts" meanwhile, and report this to odatagen`;
  return { code: Codes.emitFailed, severity: "error", message: text, ...at, path: "" };
}
