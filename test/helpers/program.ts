/**
 * In-process TypeScript programs whose lib files (lib.es2022.d.ts, lib.dom.d.ts, …) are parsed once
 * per test file and shared, as an editor's language service shares them, instead of once per
 * program. A parsed and bound lib file holds nothing of the program that read it (each program's
 * checker keeps its own types), so sharing changes no diagnostic.
 */
import * as path from "node:path";
import ts from "typescript";
import { STATIC_FILES } from "../../generator/emit/emit";
import { augmentsModules } from "./static-shared";

const libs = new Map<string, ts.SourceFile>();

/** `ts.createProgram(files, options)` (through `host`, TypeScript's own by default), with the lib files shared. */
export function createProgram(files: readonly string[], options: ts.CompilerOptions, host = ts.createCompilerHost(options)): ts.Program {
  const libDir = path.dirname(ts.getDefaultLibFilePath(options));
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (path.dirname(fileName) !== libDir) return read(fileName, languageVersion, onError, shouldCreate);
    const key = `${fileName} ${JSON.stringify(languageVersion)}`;
    let file = libs.get(key);
    if (!file) {
      file = read(fileName, languageVersion, onError, shouldCreate);
      if (file) libs.set(key, file);
    }
    return file;
  };
  return ts.createProgram(files, options, host);
}

/**
 * `createProgram` over several output folders with their runtime modules (STATIC_FILES, ~400 KB, the
 * same in every output) checked once, as test/helpers/static-shared.ts's copies have them, but
 * without copying: the first runtime module read is the program's, and another folder's module of
 * the same name and text is read as `export * from "<the first>"`, so the modules importing it get
 * the same declarations. A module whose text differs stays the folder's own, and so do all of a
 * folder's whose modules augment a module (`declare module`, a 4.01 service). What this gives up is
 * what static-shared.ts says (a runtime object of one output fits another output's functions).
 * `runtime` is the set of the runtime modules checked in place of the others: a diagnostic there is
 * about every folder that shares them.
 */
export function createProgramSharingRuntime(files: readonly string[], options: ts.CompilerOptions): { program: ts.Program; runtime: ReadonlySet<string> } {
  const canonical = new Map<string, { file: string; text: string }>();
  const augments = new Map<string, boolean>();
  const runtime = new Set<string>();
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => {
    const text = readFile(fileName);
    const name = path.basename(fileName);
    if (text === undefined || !STATIC_FILES.includes(name)) return text;
    const dir = path.dirname(fileName);
    if (!augments.has(dir)) augments.set(dir, augmentsModules(dir));
    if (augments.get(dir)) return text;
    const first = canonical.get(name);
    if (!first) {
      canonical.set(name, { file: path.resolve(fileName), text });
      runtime.add(path.resolve(fileName));
      return text;
    }
    if (first.file === path.resolve(fileName) || first.text !== text) return text;
    const to = path.relative(dir, first.file).split(path.sep).join("/").replace(/\.ts$/, ".js");
    return `export * from "${to.startsWith(".") ? to : `./${to}`}";\n`;
  };
  return { program: createProgram(files, options, host), runtime };
}
