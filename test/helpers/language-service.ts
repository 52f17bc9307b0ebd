/**
 * TypeScript's own language service (what an editor runs: hover, completions) over one file whose
 * text is given, beside generated modules on disk, for tests of what an editor shows.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

/** The language service an editor would run over `file`, whose text is `text`. */
export function languageService(file: string, text: string): ts.LanguageService {
  const options: ts.CompilerOptions = { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], types: [] };
  const read = (f: string) => (f === file ? text : fs.existsSync(f) ? fs.readFileSync(f, "utf8") : undefined);
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [file],
    getScriptVersion: () => "1",
    getScriptSnapshot: (f) => {
      const t = read(f);
      return t === undefined ? undefined : ts.ScriptSnapshot.fromString(t);
    },
    getCurrentDirectory: () => path.dirname(file),
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => read(f) !== undefined,
    readFile: read,
  };
  return ts.createLanguageService(host);
}
