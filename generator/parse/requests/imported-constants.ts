/**
 * The string constants a program imports from its own modules: `import { PEOPLE } from
 * "./config"` then `` fetch(`${PEOPLE}('x')`) ``, where config.ts has `export const PEOPLE =
 * "/People"` (or `` `${ROOT}/People` ``, `"/People" as const`, a `const` it exports with `export {
 * PEOPLE }`), or re-exports it (`export * from "./config"`, `export { PEOPLE } from "./config"`:
 * reexports.ts). The module is found as an imported helper's is (imported-helpers.ts
 * ProgramModules: `./config.js` is `config.ts`, a folder its `index.ts`), and the constant is read
 * there as a file's own are (js-bindings.ts), its own imported constants followed in turn. A name
 * the file declares or takes as a parameter anywhere is its own, never the import's. A module not
 * found, a constant that is no string (a number, an object, a call), and a constant made of itself
 * through modules importing each other give no value: the name stays a placeholder. Followed at
 * most DEPTH modules deep, each module's constant read once.
 */
import type { JsText } from "./js-literals";
import type { Value } from "./js-bindings";
import { constValues, type ConstValue } from "./js-declarations";
import { importedNames } from "./imported-names";
import { reexported } from "./reexports";
import type { ProgramModules } from "./imported-helpers";

/** How many modules deep a constant made of imported constants is followed. */
const DEPTH = 8;

/** Each module's top-level `const`s by name (made once a module). */
const constsOf = new WeakMap<JsText, Map<string, ConstValue>>();
function topLevelConsts(js: JsText): Map<string, ConstValue> {
  let found = constsOf.get(js);
  if (!found) constsOf.set(js, (found = new Map(constValues(js).filter((c) => js.blockAround(c.at) === undefined).map((c) => [c.name, c]))));
  return found;
}

/** Each module's constants read so far, by name (null: no value). */
const valuesOf = new WeakMap<JsText, Map<string, Value | null>>();
/** The modules' constants being read, one inside another: a cycle, or a chain deeper than DEPTH, stops there. */
const reading: string[] = [];

/** Lets `js` (the file `file`) read the string constants it imports from its own modules where its names are read (JsText.importedValue). */
export function linkImportedConstants(js: JsText, file: string, modules: ProgramModules): void {
  if (js.importedValue) return;
  const names = importedNames(js).filter((n) => n.name !== "*");
  if (!names.length) return;
  const byLocal = new Map(names.map((n) => [n.local, n]));
  const values = new Map<string, Value | null>();
  js.importedValue = (local) => {
    const n = byLocal.get(local);
    if (!n) return undefined;
    let value = values.get(local);
    if (value === undefined) values.set(local, (value = importedValue(file, n.specifier, n.name, modules) ?? null));
    return value ?? undefined;
  };
}

/** The value of the string constant the module `specifier` (imported by `file`) exports as `name`, declared there or re-exported. */
function importedValue(file: string, specifier: string, name: string, modules: ProgramModules): Value | undefined {
  const found = modules.module(file, specifier);
  if ("problem" in found) return undefined;
  const given = reexported(found.js, found.file, name, topLevelConsts, (from, s) => modules.module(from, s));
  if (!given || !("helper" in given)) return undefined;
  const { js, file: where, helper: constant } = given;
  const key = `${where}\u0000${constant.name}`;
  let known = valuesOf.get(js);
  if (!known) valuesOf.set(js, (known = new Map()));
  const seen = known.get(constant.name);
  if (seen !== undefined) return seen ?? undefined;
  if (reading.includes(key) || reading.length >= DEPTH) return undefined;
  reading.push(key);
  try {
    linkImportedConstants(js, where, modules);
    const value = js.valueAt(constant.name, js.text.length) ?? null;
    known.set(constant.name, value);
    return value ?? undefined;
  } finally {
    reading.pop();
  }
}
