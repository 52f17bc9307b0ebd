/**
 * The request helpers a program imports from its own modules (a relative specifier only):
 * `import { graphGet } from "./graph.js"`, `import request from "./request"`, `import { get as
 * graphGet } from "./lib/http"`, `const { graphPost } = require("./graph")`. The module is found as
 * TypeScript finds it for a TypeScript importer (`./graph.js` is `graph.ts` beside it, then
 * `graph.js`; `./http.mjs` is `http.mts`; no extension: `.ts`, `.tsx`, …, then `index.ts`, …) and
 * as Node finds it for a JavaScript one (`graph.js` first; `index.js`), read once however many files import
 * it (ProgramModules), and its helpers are those it declares as a file's own are
 * (request-helpers.ts), or re-exports (`export { get } from "./http"`, `export * from "./http"`,
 * `export { default as get } from "./http"`, `export * as http from "./http"` then `http.get(…)`:
 * reexports.ts); a namespace's members too (`import * as g`, then `g.graphGet(…)`). A
 * module's own imports are read where its helpers call helpers (helper-chains.ts), each module
 * once, so modules importing each other are each read once. A module that cannot be read, or a file importing itself, is a
 * note at the import, never an error: the calls of its names are not read as requests.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { JsText } from "./js-literals";
import { type Helper, helpersOf, topLevel } from "./request-helpers";
import { reexported } from "./reexports";
import { CALLED, deeperObject, deeperWords, objectMembers } from "./object-helpers";
import { importedNames } from "./imported-names";

/** A helper a file imports: its name there, the helper as its module declares it, and the module's text. */
export interface ImportedHelper {
  /** Its name in the importing file: `graphGet`, or a namespace's member, `g.graphGet`. */
  local: string;
  helper: Helper;
  js: JsText;
  /** The module's path. */
  file: string;
}

/** Something about a file's imports that leaves calls unread: where (an offset in the file) and what. */
export interface ImportNote {
  at: number;
  message: string;
  /** How many calls of the names it imports are left unread. */
  calls: number;
  /** Why they are unread: the module (or what it re-exports) cannot be read, or the name is an object's member that is no helper read (none by that name, no function, or an object nested too deep). */
  cause: "module" | "member";
  /** Where the calls of a namespace's members are (`import * as ns`): no reader takes them for a client's call (`ns.get("/x")` on a namespace not read is no request). */
  opens: number[];
}

type Read = { js: JsText } | { problem: string };

/**
 * The modules of a program, each read once by its path: from `known` (the files already read, by
 * their whole paths: a glob's), else from the disk.
 */
export class ProgramModules {
  /** The modules read from the disk (not `known`), each with its bytes as read, in the order read: inputs of the run (write/request-files.ts records them). */
  readonly fromDisk: { file: string; bytes: Buffer }[] = [];
  /** The paths looked at in vain on the way to a module, or to none (no such file, or a folder): one there later is read instead. */
  readonly lookedFor: string[] = [];
  private readonly read = new Map<string, Read>();
  /** Each resolved specifier's answer (a missing module's too: asked again, the disk is not). */
  private readonly resolved = new Map<string, { file: string } & Read>();
  private readonly known: ReadonlyMap<string, string>;

  constructor(known: ReadonlyMap<string, string> = new Map()) {
    this.known = known;
  }

  private readFile(file: string): string | undefined {
    const known = this.known.get(file);
    if (known !== undefined) return known;
    const bytes = readIfFile(file);
    if (bytes === undefined) return void this.lookedFor.push(file);
    this.fromDisk.push({ file, bytes });
    return bytes.toString("utf8");
  }

  /** The module `specifier` names from `file`: its path and text, or why it cannot be read. */
  module(file: string, specifier: string): ({ file: string } & Read) {
    const wanted = path.resolve(path.dirname(file), specifier);
    // A TypeScript file's `./graph.js` is its `graph.ts` first, as TypeScript resolves it; a JavaScript file's is `graph.js`.
    const typescript = TYPESCRIPT.includes(path.extname(file));
    const key = `${typescript ? "ts" : "js"}\u0000${wanted}`;
    let answer = this.resolved.get(key);
    if (!answer) this.resolved.set(key, (answer = this.find(wanted, typescript)));
    return answer;
  }

  private find(wanted: string, typescript: boolean): { file: string } & Read {
    const tried = candidates(wanted, typescript);
    for (const candidate of tried) {
      const known = this.read.get(candidate);
      if (known) return { file: candidate, ...known };
      let text: string | undefined;
      try {
        text = this.readFile(candidate);
      } catch (e) {
        const problem = `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
        this.read.set(candidate, { problem });
        return { file: candidate, problem };
      }
      if (text === undefined) continue;
      const read = { js: new JsText(text.replace(/^\ufeff/, "")) };
      this.read.set(candidate, read);
      return { file: candidate, ...read };
    }
    const others = tried.filter((c) => c !== wanted);
    return { file: wanted, problem: `is no file (nor ${others.slice(0, 3).map((c) => path.relative(path.dirname(wanted), c)).join(", ")}, …)` };
  }
}

/** Each list of files of requests' modules (request-patterns.ts reads a run's list with one), by the list. */
const ofList = new WeakMap<readonly { file: string; content: string }[], ProgramModules>();

/** The modules the programs of `files` (a run's files of requests) are read with, the files themselves known as they were read: new for each run (a list given again is read again), kept as the list's last. */
export function programModulesOf(files: readonly { file: string; content: string }[]): ProgramModules {
  const modules = new ProgramModules(new Map(files.map((f) => [path.resolve(f.file), f.content])));
  ofList.set(files, modules);
  return modules;
}

/** The modules read for `files` by the last run that was given them, if any was (write/request-files.ts records them as its inputs). */
export function programModulesRead(files: readonly { file: string; content: string }[]): ProgramModules | undefined {
  return ofList.get(files);
}

/** A file's bytes; undefined where there is no such file (or it is a folder); throws where it cannot be read. */
function readIfFile(file: string): Buffer | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw e;
  }
  return stat.isFile() ? fs.readFileSync(file) : undefined;
}

const TYPESCRIPT = [".ts", ".tsx", ".mts", ".cts"];
const JAVASCRIPT = [".js", ".jsx", ".mjs", ".cjs"];
/** What TypeScript's resolution (`node16`, `bundler`) reads for a JavaScript specifier: the TypeScript source for it. */
const SOURCE_OF: Record<string, string[]> = { ".js": [".ts", ".tsx"], ".jsx": [".tsx"], ".mjs": [".mts"], ".cjs": [".cts"] };

/**
 * The files a specifier's resolved path may be, in the order they are tried: for a TypeScript
 * importer, the TypeScript source a `.js`, `.jsx`, `.mjs` or `.cjs` specifier stands for, then the
 * file itself, as TypeScript's `node16` and `bundler` resolutions do; for a JavaScript one, the file
 * first (Node's), then that source. Without a script's extension: each extension appended
 * (TypeScript's or JavaScript's first, as the importer is), then the folder's `index` file, then
 * the path itself.
 */
function candidates(wanted: string, typescript: boolean): string[] {
  const ext = path.extname(wanted);
  const base = wanted.slice(0, -ext.length);
  if (TYPESCRIPT.includes(ext)) return [wanted];
  if (JAVASCRIPT.includes(ext)) {
    const sources = SOURCE_OF[ext]!.map((e) => base + e);
    return typescript ? [...sources, wanted] : [wanted, ...sources];
  }
  const order = typescript ? [...TYPESCRIPT, ...JAVASCRIPT] : [...JAVASCRIPT, ...TYPESCRIPT];
  const index = (typescript ? ["index.ts", "index.tsx", "index.js", "index.jsx"] : ["index.js", "index.jsx", "index.ts", "index.tsx"]).map((i) => path.join(wanted, i));
  return [...order.map((e) => wanted + e), ...index, wanted];
}

/** The names called in `js`'s code (`name(`, not a member's `.name(`), and a name's members called (`g.graphGet(`, as `g.graphGet`), each with its calls' parentheses: one pass. */
function calledNames(js: JsText): Map<string, number[]> {
  const names = new Map<string, number[]>();
  for (const m of js.text.matchAll(CALLED)) {
    if (!js.isCode(m.index)) continue;
    const name = m[1]! + m[2]!.replace(/\s+/g, "");
    (names.get(name) ?? names.set(name, []).get(name)!).push(m.index + m[0].length - 1);
  }
  return names;
}

/** A module's helpers by name (made once per module). */
const byName = new WeakMap<JsText, Map<string, Helper>>();
function helpersByName(js: JsText): Map<string, Helper> {
  let found = byName.get(js);
  // Its top-level helpers: one declared in a block is no export.
  if (!found) byName.set(js, (found = new Map(helpersOf(js).filter((h) => topLevel(js, h)).map((h) => [h.name, h]))));
  return found;
}

/** A file's imported helpers, the notes on names not read, and the calls of an imported object's functions that are no helper (`graph.clear()`: no request, no note, no client's call guessed). */
export interface Imported {
  helpers: ImportedHelper[];
  notes: ImportNote[];
  quiet: number[];
}

/**
 * The helpers `js` (the file `file`) imports from its own modules and calls, and notes on the
 * imports whose modules cannot be read (one a module).
 */
export function importedHelpers(js: JsText, file: string, modules: ProgramModules): Imported {
  const known = ofModule.get(js);
  if (known) return known;
  const found = helpersImported(js, file, modules);
  ofModule.set(js, found);
  return found;
}

/** Each file's imported helpers (a module's asked once for each helper of each file that reaches it). */
const ofModule = new WeakMap<JsText, Imported>();

function helpersImported(js: JsText, file: string, modules: ProgramModules): Imported {
  const helpers: ImportedHelper[] = [];
  const notes: ImportNote[] = [];
  const quiet: number[] = [];
  const names = importedNames(js);
  if (!names.length) return { helpers, notes, quiet };
  const called = calledNames(js);
  // The names imported as namespaces only (`import * as ns`), not as a default import's or a whole `require`'s.
  const namespaces = new Set(names.filter((n) => n.name === "*").map((n) => n.local));
  for (const n of names) if (n.name === "default") namespaces.delete(n.local);
  const noted = new Map<string, ImportNote>();
  const self = path.resolve(file);
  for (const n of names) {
    // A namespace's members called: `g.graphGet(` for `import * as g`, or for a name the module re-exports as one (`export * as g from`, `import { g }`).
    const members = n.name !== "default" ? [...called].filter(([name]) => name.startsWith(`${n.local}.`)) : [];
    const opens = [...(n.name === "*" ? [] : (called.get(n.local) ?? [])), ...members.flatMap(([, at]) => at)];
    if (!opens.length) continue;
    const found = modules.module(file, n.specifier);
    if (found.file === self || "problem" in found) {
      // A namespace's (`import * as ns`) member calls are no client's: a named or default import may be one (`import { api } from "./api"; api.get(…)`), read as such.
      const unread = n.name === "*" && namespaces.has(n.local) ? opens : [];
      const seen = noted.get(n.specifier);
      if (seen) {
        seen.calls += opens.length;
        seen.opens.push(...unread);
        continue;
      }
      const why = found.file === self ? `is ${path.basename(file)} itself` : `(${path.relative(path.dirname(self), found.file) || found.file}) ${(found as { problem: string }).problem}`;
      const note: ImportNote = { at: n.at, message: `${n.specifier} ${why}: the calls of ${n.local} are not read as requests`, cause: "module", calls: opens.length, opens: unread };
      noted.set(n.specifier, note);
      notes.push(note);
      continue;
    }
    // A helper the module declares, else its default export's, one it re-exports (`export { get } from "./http"`, `export * from "./http"`) or a re-exported namespace's (`ns.get`): reexports.ts.
    const given = (name: string, local: string, opens: number[]) => {
      const helper = helpersByName(found.js).get(name);
      if (helper) return void helpers.push({ local, helper, js: found.js, file: found.file });
      const through = reexported(found.js, found.file, name, helpersByName, (from, specifier) => modules.module(from, specifier));
      if (through && "helper" in through) helpers.push({ local, ...through });
      else if (through) notes.push({ at: n.at, message: `${n.specifier} (${path.relative(path.dirname(self), found.file) || found.file}) ${through.problem}: the calls of ${local} are not read as requests`, cause: "module", calls: opens.length, opens });
      else if (name.includes(".") && deeperObject(objectMembers(found.js), name) !== undefined && !objectMembers(found.js).objects.has(name.slice(0, name.lastIndexOf(".")))) {
        // A member of an object nested too deep to be read: said, not a client's call guessed.
        notes.push({ at: n.at, message: `${n.specifier} (${path.relative(path.dirname(self), found.file) || found.file}): ${deeperWords(deeperObject(objectMembers(found.js), name)!)}: the calls of ${local} are not read as requests`, cause: "member", calls: opens.length, opens });
      } else if (name.includes(".") && objectMembers(found.js).objects.has(name.slice(0, name.lastIndexOf(".")))) {
        // A member that is a function read but no helper (`clear() {…}`): a call of a function, no note.
        if (objectMembers(found.js).functions.some((f) => f.name === name)) return void quiet.push(...opens);
        // A member that is a client's method of its name (`get: axios.get`): its calls are the client's, read as an HTTP client's.
        if (objectMembers(found.js).clientMethods.has(name)) return;
        // A member of an object the module declares that is no helper read (`get: make("/users")`, a spread's): said, not a client's call guessed.
        notes.push({ at: n.at, message: `${n.specifier} (${path.relative(path.dirname(self), found.file) || found.file}) declares ${name.slice(0, name.lastIndexOf("."))} as an object whose ${name.slice(name.lastIndexOf(".") + 1)} is no request helper odatagen reads: the calls of ${local} are not read as requests`, cause: "member", calls: opens.length, opens });
      }
    };
    for (const [name, at] of members) given(`${n.name === "*" ? "" : `${n.name}.`}${name.slice(n.local.length + 1)}`, name, at);
    if (n.name !== "*" && called.get(n.local)) given(n.name, n.local, called.get(n.local)!);
  }
  return { helpers, notes, quiet };
}
