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
 * without copying: the first folder's runtime modules are the program's, and another folder's whose
 * runtime modules all have the same texts are read as `export * from "<the first's>"`, so the
 * modules importing them get the same declarations. A folder whose runtime modules differ by one
 * module keeps all its own (its same-text modules import its differing one, and mean something else),
 * and so does a folder whose modules augment a module (`declare module`, a 4.01 service). What this
 * gives up is what static-shared.ts says (a runtime object of one output fits another output's
 * functions). `runtime` is the set of the runtime modules checked in place of the others: a
 * diagnostic there is about every folder that shares them.
 */
export function createProgramSharingRuntime(files: readonly string[], options: ts.CompilerOptions): { program: ts.Program; runtime: ReadonlySet<string> } {
  let first: { dir: string; texts: (string | undefined)[] } | undefined;
  const sharing = new Map<string, string | undefined>();
  const runtime = new Set<string>();
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  /** The folder whose runtime modules `dir`'s are read as, if not its own. */
  const sharedFrom = (dir: string): string | undefined => {
    if (sharing.has(dir)) return sharing.get(dir);
    let from: string | undefined;
    if (!augmentsModules(dir)) {
      const texts = STATIC_FILES.map((name) => readFile(path.join(dir, name)));
      if (!first) {
        first = { dir, texts };
        STATIC_FILES.forEach((name, i) => texts[i] !== undefined && runtime.add(path.join(dir, name)));
      } else if (texts.every((t, i) => t === first!.texts[i])) from = first.dir;
    }
    sharing.set(dir, from);
    return from;
  };
  host.readFile = (fileName) => {
    const text = readFile(fileName);
    const name = path.basename(fileName);
    if (text === undefined || !STATIC_FILES.includes(name)) return text;
    const dir = path.resolve(path.dirname(fileName));
    const from = sharedFrom(dir);
    if (from === undefined) return text;
    const to = path.relative(dir, path.join(from, name)).split(path.sep).join("/").replace(/\.ts$/, ".js");
    return `export * from "${to.startsWith(".") ? to : `./${to}`}";\n`;
  };
  return { program: createProgram(files, options, host), runtime };
}
