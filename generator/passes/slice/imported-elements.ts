/**
 * `--include @src/**\/*.ts` over a program that calls odatagen's own output: what the names it
 * imports from a generated namespace module (`./graph/microsoft.graph.callRecords.requests.js`:
 * `updateSession`, `callRecordSessions`; `….types.js`: `Session`; `….validators.js`:
 * `validateSession`) need kept, found over the whole service — so the prebuild run generates just
 * what the program uses, and a function it starts to import is there at the next run. A module is
 * known by its file name (`<namespace>.types`, `.validators`, `.requests`, as file-names.ts names
 * them), wherever the output folder is. The file's string literals that name a type (`"#microsoft.graph.user"`
 * compared with `@odata.type`, a cast's `"microsoft.graph.eventMessage"`, a select's
 * `"zoo.model.fish/depth"`) keep that type too.
 */
import { DiagnosticBag, type Place } from "../../diagnostics";
import { fileStem } from "../../file-names";
import { qualify } from "../../model/annotation-groups";
import type { Model, Operation, Schema, SchemaType } from "../../model/types";
import { companionNames, assignNames, type Names } from "../names";
import { requestElements, type Service } from "../../emit/request-names";
import { TYPE_FUNCTION_PREFIXES } from "../../emit/validators-view";
import type { ModuleImports } from "../../parse/requests/module-imports";
import { SourceText } from "../../parse/source";
import { descendants } from "./paths";
import { programBarrels, type Barrels } from "./program-barrels";

/** An element a program's import keeps, and why (for `--why`). */
export interface ImportedElement {
  element: SchemaType | Operation;
  /** `updateSession, imported at src/calls.ts:3:10`; `the string "#microsoft.graph.user" at src/calls.ts:9:31`. */
  origin: string;
  place: Place;
}

/** The longest name looked up among a module's exports. */
const MAX_NAME = 5_000;

/** The suffixes of a requests module's types and tables (requests-view.ts's `companionName`s, write-types.ts's inputs), after a type's name. */
const REQUEST_SUFFIXES = ["Navigation", "WriteNav", "SubtypeBodies", "Subtypes", "FilterKinds", "LeftOut", "CreateInput", "UpdateInput", "Input"];

/** A file of a program, and what it imports (module-imports.ts). */
export interface ProgramFile {
  file: string;
  text: string;
  imports: ModuleImports;
}

/** What one file's imports keep, and the names it imports from a generated module of the service that no export of it has (a misspelling, or another version's). */
export interface FileImports {
  elements: ImportedElement[];
  unknown: { name: string; module: string; place: Place }[];
  /** `export * from` a generated module: its names are re-exported unnamed, and what imports them from this file is not read. */
  reexported: { module: string; place: Place }[];
  /** A barrel that re-exports generated modules whole, which other files of the program import names from: read through them. */
  barrel: boolean;
}

export interface ImportReader {
  /** What each file's imports keep, each at its place in its file; the request functions of all of them looked up at once. */
  readAll(files: readonly ProgramFile[]): FileImports[];
}

/** A reader of imports over the whole `model` (lazily built: `fill` and `fillOperation` read what the names need). */
export function importReader(model: Model, fill?: (t: SchemaType) => void, fillOperation?: (op: Operation) => boolean): ImportReader {
  const modules = new Map<string, Schema>();
  for (const s of model.schemas) modules.set(fileStem(s.namespace), s);
  let names: Names | undefined;
  /** Per namespace, its types by name and by their companions' names (`AnyX`, `XValues`: `companion`). */
  const typeNames = new Map<Schema, Map<string, { t: SchemaType; companion: boolean }>>();
  const typesOf = (schema: Schema) => {
    let map = typeNames.get(schema);
    if (!map) {
      // Names chosen as a full run chooses them (a slice names its types so too); what they report is the run's own business.
      names ??= assignNames(model, new DiagnosticBag(), model);
      map = new Map();
      for (const t of schema.types) {
        const n = names.type(t);
        map.set(n, { t, companion: false });
        for (const c of companionNames(t, n)) if (!map.has(c)) map.set(c, { t, companion: true });
      }
      typeNames.set(schema, map);
    }
    return map;
  };
  /**
   * The types a name is derived from: itself, a companion (`AnyX`, `XValues`), with a validator's
   * prefix or a requests module's suffix (and the `_`s that keep it apart); every one that fits,
   * since keeping one more type costs less than leaving out one a program needs.
   */
  const typesNamed = (schema: Schema, name: string): SchemaType[] => {
    const map = typesOf(schema);
    const bare = name.replace(/_+$/, "");
    const out = new Set<SchemaType>();
    const add = (n: string, all: boolean) => {
      const found = map.get(n);
      if (!found) return;
      const t = found.t;
      out.add(t);
      // A map of subtypes, or a union of a type's (`AnyX`), lists those the slice keeps: all of them.
      if (all && (t.kind === "entity" || t.kind === "complex")) for (const d of descendants(t)) out.add(d);
    };
    for (const n of new Set([name, bare])) add(n, map.get(n)?.companion === true && n.startsWith("Any"));
    for (const p of TYPE_FUNCTION_PREFIXES) if (bare.startsWith(p) && bare.length > p.length) add(bare.slice(p.length), false);
    for (const x of REQUEST_SUFFIXES) if (bare.endsWith(x) && bare.length > x.length) add(bare.slice(0, -x.length), x === "Subtypes" || x === "WriteNav" || x === "SubtypeBodies");
    return [...out];
  };
  const service = (): Service => ({ model, names: (names ??= assignNames(model, new DiagnosticBag(), model)), ...(fill ? { fill } : {}), ...(fillOperation ? { fillOperation } : {}) });
  /** Per namespace, what each request function name looked up keeps (undefined: no function of the module). */
  const resolved = new Map<Schema, Map<string, (SchemaType | Operation)[] | undefined>>();
  /**
   * `functions`' elements, looked up together: one lookup's cost is mostly its namespace's index,
   * made once per lookup (2,000 files of a program looked up one by one took seconds).
   */
  const lookUp = (schema: Schema, functions: Iterable<string>) => {
    const cache = resolved.get(schema) ?? resolved.set(schema, new Map()).get(schema)!;
    const missing = [...new Set(functions)].filter((n) => !cache.has(n));
    if (missing.length) {
      const found = requestElements(service(), schema, missing);
      for (const n of missing) cache.set(n, found.get(n));
    }
    return cache;
  };
  const schemaOf = (specifier: string) => {
    const module = moduleOf(specifier);
    const schema = module && modules.get(module.stem);
    return schema && { schema, artifact: module.artifact };
  };
  /** The generated modules a name imported by `specifier` in `file` comes from: the module itself, or those a barrel of the program re-exports whole (`via` it). */
  const sourcesOf = (barrels: Barrels, file: string, specifier: string) => {
    const found = schemaOf(specifier);
    if (found) return [{ ...found, via: undefined }];
    const barrel = barrels.resolve(file, specifier);
    if (barrel === undefined) return [];
    return barrels.reexported(barrel).flatMap((s) => {
      const through = schemaOf(s);
      return through ? [{ ...through, via: barrel }] : [];
    });
  };
  const read = (barrels: Barrels, importedBarrels: ReadonlySet<string>, { file, text, imports }: ProgramFile): FileImports => {
    const out: ImportedElement[] = [];
    const unknown: FileImports["unknown"] = [];
    const source = new SourceText(file, text);
    const place = (at: number): Place => ({ file, ...source.position(at), path: "" });
    // Names by module, and each name's first place; `via`, the barrel a name came through where no import names the module itself.
    const wanted = new Map<Schema, Map<string, { at: number; via: string | undefined }>>();
    for (const n of imports.names)
      for (const found of sourcesOf(barrels, file, n.specifier)) {
        // No generated name is this long (CSDL's names have at most 128 characters): not looked up,
        // since finding a name's rivals takes time in its length times its `Of`s and `With`s.
        if (n.name.length > MAX_NAME) {
          if (!found.via) unknown.push({ name: `${n.name.slice(0, 40)}…`, module: `${fileStem(found.schema.namespace)}.${found.artifact}.js`, place: place(n.at) });
          continue;
        }
        const { schema, artifact, via } = found;
        const key = `${artifact} ${n.name}`;
        const own = wanted.get(schema) ?? wanted.set(schema, new Map()).get(schema)!;
        const before = own.get(key);
        if (!before) own.set(key, { at: n.at, via });
        else if (before.via && !via) own.set(key, { at: n.at, via });
      }
    for (const [schema, own] of wanted) {
      const functions: string[] = [];
      const keep = (name: string, { at, via }: { at: number; via: string | undefined }, elements: readonly (SchemaType | Operation)[]) => {
        const where = place(at);
        const origin = `${name}, imported at ${file}:${where.line}:${where.column}${via ? ` through ${via}` : ""}`;
        for (const element of elements) out.push({ element, origin, place: where });
      };
      // A name a barrel may export of its own is no generated module's to report.
      const notFound = (name: string, artifact: string, { at, via }: { at: number; via: string | undefined }) => {
        if (!via) unknown.push({ name, module: `${fileStem(schema.namespace)}.${artifact}.js`, place: place(at) });
      };
      const typed = new Set<string>();
      for (const [key, where] of own) {
        const [artifact, name] = key.split(" ") as [string, string];
        if (artifact === "requests") functions.push(name);
        const types = typesNamed(schema, name);
        if (types.length) [keep(name, where, types), typed.add(key)];
        // The validators' checker of the whole namespace names no type.
        else if (artifact !== "requests" && !(artifact === "validators" && name === "namespaceChecker")) notFound(name, artifact, where);
      }
      if (!functions.length) continue;
      const found = lookUp(schema, functions);
      for (const name of functions) {
        const elements = found.get(name);
        const where = own.get(`requests ${name}`)!;
        if (elements) keep(name, where, elements);
        else if (!typed.has(`requests ${name}`)) notFound(name, "requests", where);
      }
    }
    // String literals naming a type, only in a file that imports generated modules.
    if (wanted.size)
      for (const s of imports.strings) {
        const name = /^#?([A-Za-z_][\w.]*?)(?:\/|$)/.exec(s.value)?.[1];
        if (!name || !name.includes(".")) continue;
        const t = model.types.get(qualify(model, name));
        const where = place(s.at);
        if (t) out.push({ element: t, origin: `the string ${JSON.stringify(s.value)} at ${file}:${where.line}:${where.column}`, place: where });
      }
    unknown.sort((a, b) => a.place.line - b.place.line || a.place.column - b.place.column);
    // A barrel another file of the program imports from is read through that import.
    const reexported = importedBarrels.has(file) ? [] : imports.reexports.flatMap((r) => {
      const found = schemaOf(r.specifier);
      return found ? [{ module: `${fileStem(found.schema.namespace)}.${found.artifact}.js`, place: place(r.at) }] : [];
    });
    return { elements: out, unknown, reexported, barrel: importedBarrels.has(file) && barrels.reexported(file).length > 0 };
  };
  return {
    readAll(files) {
      const barrels = programBarrels(
        files.map((f) => ({ file: f.file, reexports: f.imports.reexports })),
        (specifier) => {
          const found = schemaOf(specifier);
          return found && `${found.schema.namespace} ${found.artifact}`;
        },
      );
      const functions = new Map<Schema, string[]>();
      // The barrels other files import names from.
      const imported = new Set<string>();
      for (const f of files)
        for (const n of f.imports.names) {
          if (!schemaOf(n.specifier)) {
            const barrel = barrels.resolve(f.file, n.specifier);
            if (barrel !== undefined && barrel !== f.file) imported.add(barrel);
          }
          if (n.name.length > MAX_NAME) continue;
          for (const found of sourcesOf(barrels, f.file, n.specifier))
            if (found.artifact === "requests") (functions.get(found.schema) ?? functions.set(found.schema, []).get(found.schema)!).push(n.name);
        }
      for (const [schema, names] of functions) lookUp(schema, names);
      const through = barrels.through(imported);
      return files.map((f) => read(barrels, through, f));
    },
  };
}

/** A generated namespace module's stem and artifact, from a specifier (`../graph/microsoft.graph.requests.js`); undefined for any other. */
function moduleOf(specifier: string): { stem: string; artifact: string } | undefined {
  const file = specifier.slice(specifier.lastIndexOf("/") + 1).replace(/\.(?:d\.)?[cm]?[jt]sx?$/, "");
  const m = /^(.+)\.(types|validators|requests)$/.exec(file);
  return m ? { stem: m[1]!, artifact: m[2]! } : undefined;
}
