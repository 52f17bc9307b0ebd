/**
 * In-process TypeScript programs whose lib files (lib.es2022.d.ts, lib.dom.d.ts, …) are parsed once
 * per test file and shared, as an editor's language service shares them, instead of once per
 * program. A parsed and bound lib file holds nothing of the program that read it (each program's
 * checker keeps its own types), so sharing changes no diagnostic.
 */
import * as path from "node:path";
import ts from "typescript";

const libs = new Map<string, ts.SourceFile>();

/** `ts.createProgram(files, options)`, with the lib files shared. */
export function createProgram(files: readonly string[], options: ts.CompilerOptions): ts.Program {
  const host = ts.createCompilerHost(options);
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
