/**
 * TypeScript's own language service (what an editor runs: hover, completions) over one file whose
 * text is given, beside generated modules on disk, for tests of what an editor shows.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

/**
 * The parsed files (TypeScript's lib files above all: lib.dom.d.ts alone is ~0.4 s of CPU to parse
 * and bind) shared by the services of one test file, as an editor's services share them. A file's
 * version is a hash of its text, so a file whose text changed is read again, never taken stale.
 */
const registry = ts.createDocumentRegistry();

/** The services made, by file and text: asking twice about the same text reuses the program and its checker. */
const services = new Map<string, ts.LanguageService>();

/** The language service an editor would run over `file`, whose text is `text`. */
export function languageService(file: string, text: string): ts.LanguageService {
  const key = `${file}\0${text}`;
  let service = services.get(key);
  if (!service) {
    service = createService(file, text);
    services.set(key, service);
  }
  return service;
}

function createService(file: string, text: string): ts.LanguageService {
  const options: ts.CompilerOptions = { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], types: [] };
  const read = (f: string) => (f === file ? text : fs.existsSync(f) ? fs.readFileSync(f, "utf8") : undefined);
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [file],
    getScriptVersion: (f) => createHash("sha1").update(read(f) ?? "").digest("hex"),
    getScriptSnapshot: (f) => {
      const t = read(f);
      return t === undefined ? undefined : ts.ScriptSnapshot.fromString(t);
    },
    getCurrentDirectory: () => path.dirname(file),
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => read(f) !== undefined,
    readFile: read,
  };
  return ts.createLanguageService(host, registry);
}
