/**
 * Finds and loads the config file: `odatagen.config.json`, `.mjs` or `.ts` (first found, in that
 * order) or the file named with `--config`.
 *
 * A `.ts` config is stripped of its types by Node where the running Node can (22.13+, 23.2+),
 * else transpiled with the `typescript` package (typescript-config.ts), into a temporary `.mjs`
 * file beside the config, so that its imports resolve as they would from the config itself, then
 * imported and deleted: read as an ES module, whatever the nearest package.json's `type` says.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { unreadableReason, type Place } from "../diagnostics";
import { SourceText, stripBom } from "../parse/source";
import { utf16Reason } from "../parse/decode";
import { findJsonSyntaxProblem, jsonKeyOffsets, jsonRepeatedKeys, jsonValueOffsets } from "./json-syntax";
import { validateConfig } from "./validate";
import { moduleOffset } from "./module-places";
import { keepTranspiled, readTranspiled, transpiledKey } from "./transpiled-cache";
import type { ResolvedService } from "./types";
import { ConfigSyntaxError } from "./syntax-error";
import { display } from "../write/within";
import { findTypescript, isMissingExport, isStripError, nodeRefusal, nodeTypeStripper, transpileWithTypescript, typescriptPackages, type TypeStripper } from "./typescript-config";

export { ConfigSyntaxError };

export const CONFIG_NAMES = ["odatagen.config.json", "odatagen.config.mjs", "odatagen.config.ts"];

export type LoadResult =
  | { ok: true; file: string; services: ResolvedService[] }
  | { ok: false; file?: string; errors: string[] };

/** The config file to use: `explicit` if given, else the first of CONFIG_NAMES found in `dir`. */
export function findConfig(dir: string, explicit?: string): string | undefined {
  if (explicit) return path.resolve(dir, explicit);
  for (const name of CONFIG_NAMES) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

/** The config file of the nearest folder above `dir` that has one (not read: only pointed to). */
export function configAbove(dir: string): string | undefined {
  for (let at = path.resolve(dir); path.dirname(at) !== at; ) {
    at = path.dirname(at);
    const found = findConfig(at);
    if (found) return found;
  }
  return undefined;
}

export async function loadConfig(file: string): Promise<LoadResult> {
  const shown = display(file);
  let read: ConfigValue;
  try {
    read = await readConfigValue(file);
  } catch (e) {
    if (!(e instanceof ConfigSyntaxError)) return { ok: false, file, errors: [`${shown}: ${(e as Error).message}`] };
    // A syntax error in a module the config imports is reported at its own place, naming the config.
    const where = e.file === undefined || path.resolve(e.file) === path.resolve(file) ? shown : display(e.file);
    return { ok: false, file, errors: [`${where}:${e.line}:${e.column}: ${e.message}${where === shown ? "" : ` (in a module the config ${shown} imports)`}`] };
  }
  // A JSON config's values and keys have a line and column; a module config's (.mjs, .ts) keys
  // where its text tells one place (module-places.ts), else only their path.
  let offsets: Map<string, number> | undefined;
  let keyOffsets: Map<string, number> | undefined;
  const json = read.json === undefined ? undefined : new SourceText(shown, read.json);
  const module = read.module === undefined ? undefined : new SourceText(shown, read.module);
  const source = json ?? module;
  const services = (read.value as { services?: unknown } | null)?.services;
  const count = Array.isArray(services) ? services.length : 0;
  const placeOf = (at: string, key = false): Place => {
    const offset = json
      ? (key ? (keyOffsets ??= jsonKeyOffsets(json.text)) : (offsets ??= jsonValueOffsets(json.text))).get(at)
      : module && moduleOffset(module.text, at, count, key);
    const { line, column } = source && offset !== undefined ? source.position(offset) : { line: 0, column: 0 };
    return { file: shown, line, column, path: at };
  };
  const checked = validateConfig(read.value, path.dirname(file), placeOf);
  const repeated = json ? jsonRepeatedKeys(json.text) : [];
  if (!checked.ok || repeated.length) {
    if (!source) return { ok: false, file, errors: (checked.ok ? [] : checked.errors).map((m) => `${shown}: ${m}`) };
    // In the order they are written in the file (the validator finds them level by level); a
    // stable sort keeps the validator's order for two at one place.
    const placed = (checked.ok ? [] : checked.errors).map((m) => ({ m, at: placeOfError(m, placeOf) }));
    for (const r of repeated) {
      const first = source.position(r.first);
      placed.push({ m: `${r.path}: named twice (first at ${first.line}:${first.column}), and JSON keeps only the last; write it once`, at: { ...source.position(r.offset), file: shown, path: r.path } });
    }
    const order = (a?: Place, b?: Place) => (!a || !b ? Number(!a) - Number(!b) : a.line - b.line || a.column - b.column);
    placed.sort((x, y) => order(x.at, y.at));
    return { ok: false, file, errors: placed.map(({ m, at }) => `${shown}${at ? `:${at.line}:${at.column}` : ""}: ${m}`) };
  }
  return { ok: true, file, services: checked.services };
}

/**
 * Where a config error is about, from the element path it starts with (`services[0].out: expected
 * a string`; `(root)` is the whole document): the value, or for an unknown key the key itself; for
 * a key that is missing (`services[0].input: required`), the object it is missing from. Undefined
 * when the message names no place.
 */
function placeOfError(message: string, placeOf: (at: string, key?: boolean) => Place): Place | undefined {
  for (let end = message.indexOf(": "); end !== -1; end = message.indexOf(": ", end + 1)) {
    const at = message.slice(0, end);
    const place = placeOf(at === "(root)" ? "" : at, message.startsWith("unknown key", end + 2));
    if (place.line > 0) return place;
  }
  // No prefix is written in the file: the nearest enclosing value that is (`services[0]`).
  const first = message.indexOf(": ");
  let at = first === -1 ? "" : message.slice(0, first);
  while (at !== "") {
    const parent = at.replace(/(\.[^.[\]]*|\[\d+\])$/, "");
    if (parent === at) break;
    at = parent;
    const place = placeOf(at);
    if (place.line > 0) return place;
  }
  return undefined;
}

/**
 * Parses a JSON config without validating it (used by the fast path too). A byte-order mark, which
 * some editors write and JSON.parse refuses, is skipped, as it is in metadata.
 */
export function parseJsonConfig(text: string): unknown {
  const json = stripBom(text);
  try {
    return JSON.parse(json);
  } catch (e) {
    const found = findJsonSyntaxProblem(json);
    if (!found) throw new Error(`not valid JSON: ${(e as Error).message}`);
    const { line, column } = new SourceText("", json).position(found.offset);
    throw new ConfigSyntaxError(`not valid JSON: ${found.message}`, line, column);
  }
}

/** A config's value, and for a JSON config its text (without a byte-order mark), where its values have places. */
interface ConfigValue {
  value: unknown;
  json?: string;
  /** A module config's (`.mjs`, `.ts`) text, where its keys are looked for (module-places.ts). */
  module?: string;
}

let loads = 0;

/** node:url is loaded only for module configs. */
function pathToFileURL(file: string): URL {
  return (require("node:url") as typeof import("node:url")).pathToFileURL(file);
}

async function readConfigValue(file: string): Promise<ConfigValue> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new Error(`cannot read the config file: ${unreadableReason(e)}`);
  }
  // Node reads a module as UTF-8, and so does odatagen a JSON config: UTF-16 would fail as a syntax error at its first byte.
  const utf16 = utf16Reason(bytes);
  if (utf16) throw new Error(`the config file is not UTF-8: ${utf16}`);
  const text = bytes.toString("utf8");
  const ext = path.extname(file);
  if (ext === ".json") return { value: parseJsonConfig(text), json: stripBom(text) };
  // The query makes `--watch` see an edited module config: import() caches modules by URL.
  if (ext === ".mjs" || ext === ".js" || ext === ".cjs") {
    let mod: { default?: unknown };
    try {
      mod = await importSettled(`${pathToFileURL(file).href}?v=${++loads}`, file);
    } catch (e) {
      // Node 20 gives a syntax error no file, line or column: `node --check` finds them, in the config or a module it imports.
      const at = e instanceof SyntaxError ? (require("./module-syntax") as typeof import("./module-syntax")).moduleSyntaxPlace(file) : undefined;
      if (at) throw new ConfigSyntaxError(e instanceof Error ? e.message : String(e), at.line, at.column, at.file);
      throw e;
    }
    return { value: defaultExport(mod), module: text };
  }
  if (ext === ".ts" || ext === ".mts") return { value: await loadTsConfig(file, text), module: text };
  throw new Error(`unsupported config file type "${ext}" (use .json, .mjs or .ts)`);
}

/**
 * `import(url)`, or an error where the module never finishes loading: a top-level `await` of a
 * promise nothing settles leaves Node nothing to do, and it would exit 0, having done nothing.
 */
async function importSettled(url: string, file: string, tmp?: string): Promise<{ default?: unknown }> {
  let idle = () => {};
  const stalled = new Promise<never>((_, reject) => {
    idle = () => reject(new Error("the config module never finished loading: a top-level await in it (or in a module it imports) waits for a promise that nothing settles"));
  });
  process.once("beforeExit", idle);
  const mine = (loading = { file, tmp });
  try {
    return await Promise.race([import(url) as Promise<{ default?: unknown }>, stalled]);
  } finally {
    process.off("beforeExit", idle);
    if (loading === mine) loading = undefined;
  }
}

/** The module config being imported, and a `.ts` config's temporary `.mjs`, while one is (`configBeingLoaded`). */
let loading: { file: string; tmp?: string | undefined } | undefined;

/**
 * The config module being imported now, if any, and its temporary `.mjs` (a `.ts` config's): the
 * CLI, stopped by Ctrl+C while a config's top-level `await`s hold it, removes that file and says
 * which config it was loading.
 */
export function configBeingLoaded(): { file: string; tmp?: string | undefined } | undefined {
  return loading;
}

/**
 * Removes the temporary `.mjs` files of `.ts` configs (`.odatagen.config.<pid>.<ms>.mjs`) that a
 * process killed while loading one left beside `file` (SIGKILL, which no handler sees): those of
 * processes no longer running.
 */
function sweepLeftModules(file: string): void {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file, path.extname(file))}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".mjs")) continue;
    const m = /^(\d+)\.\d+\.mjs$/.exec(name.slice(prefix.length));
    if (!m || Number(m[1]) === process.pid || running(Number(m[1]))) continue;
    fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Whether a process of this id runs (one of another user's counts, though it cannot be signalled). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Loads a `.ts` config: its types stripped by Node where it can (`module.stripTypeScriptTypes`,
 * Node 22.13+ and 23.2+), else transpiled by a `typescript` package, into a temporary `.mjs` beside
 * the config, imported and deleted. Node's stripping takes only erasable syntax and keeps every
 * import, so a config it refuses (an `enum`), or whose import of a type without `type` then fails
 * to link (nothing of it has run), is transpiled by TypeScript where there is one, as before;
 * without one, Node's reason is the error. The JavaScript is kept for the next run of the same
 * config (transpiled-cache.ts), so a run with nothing changed loads no compiler.
 */
export async function loadTsConfig(file: string, text: string, strip: TypeStripper | undefined = nodeTypeStripper()): Promise<unknown> {
  const dirs = [path.dirname(file), __dirname];
  const key = transpiledKey(file, text, typescriptPackages(dirs), strip !== undefined);
  const kept = readTranspiled(file, key);
  if (kept !== undefined) return importTranspiled(file, kept);
  const transpiled = () => {
    const js = transpileWithTypescript(findTypescript(dirs), file, text);
    keepTranspiled(file, key, js);
    return js;
  };
  if (!strip) return importTranspiled(file, transpiled());
  let refused: unknown;
  try {
    const stripped = strip(text);
    const value = await importTranspiled(file, stripped);
    keepTranspiled(file, key, stripped);
    return value;
  } catch (e) {
    if (!isStripError(e) && !isMissingExport(e)) throw e;
    refused = e;
  }
  let js: string;
  try {
    js = transpiled();
  } catch (e) {
    if (e instanceof ConfigSyntaxError) throw e;
    throw new Error(nodeRefusal(refused));
  }
  return importTranspiled(file, js);
}

/** Imports a `.ts` config's JavaScript from a temporary `.mjs` beside it, so that its imports resolve as the config's. */
async function importTranspiled(file: string, js: string): Promise<unknown> {
  sweepLeftModules(file);
  const tmp = path.join(path.dirname(file), `.${path.basename(file, path.extname(file))}.${process.pid}.${Date.now()}.mjs`);
  fs.writeFileSync(tmp, js);
  try {
    return defaultExport(await importSettled(pathToFileURL(tmp).href, file, tmp));
  } catch (e) {
    // The transpiled config parses (TypeScript or Node checked it): a syntax error is in a module it imports.
    const at = e instanceof SyntaxError ? (require("./module-syntax") as typeof import("./module-syntax")).moduleSyntaxPlace(tmp) : undefined;
    if (at && at.file !== path.resolve(tmp)) throw new ConfigSyntaxError(e instanceof Error ? e.message : String(e), at.line, at.column, at.file);
    throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function defaultExport(mod: { default?: unknown }): unknown {
  if (mod.default === undefined) throw new Error("the config module has no default export (export default defineConfig({ ... }))");
  return mod.default;
}
