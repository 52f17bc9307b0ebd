/**
 * What moved between namespaces. A type: `ns1.Foo` in the old version only and `ns2.Foo` in the new
 * one only, of one kind (a namespace renamed, a type moved to another schema). `diff` reports such a
 * type as moved, breaking (its generated names are imported from other modules), and compares its
 * members and doc comments as a kept type's, rather than as one type removed and an unrelated one
 * added; what names it by its new name (a property, parameter, navigation property, set, binding) is
 * compared as unchanged. A simple name that several removed or several added types of that kind
 * share is no move: which went where cannot be told, and they stay removed and added. An operation
 * moves so too, and an import or entity set whose container is in another namespace has its
 * generated function in that namespace's requests module.
 */
import { fileStem } from "../file-names";
import { ALL_OUTPUTS, leftOutBecause, type Outputs } from "./outputs";
import { typeKindWords } from "./type-kinds";
import type { ImportSummary, ModelSummary, OperationSummary, TypeSummary } from "./summary";

/** The moved types: old qualified name → new qualified name. */
export function movedTypes(a: ModelSummary, b: ModelSummary): Map<string, string> {
  const simple = (qn: string) => qn.slice(qn.lastIndexOf(".") + 1);
  const only = (from: ModelSummary, other: ModelSummary) => {
    const byName = new Map<string, string[]>();
    for (const [qn, t] of from.types) {
      if (other.types.has(qn)) continue;
      const key = `${t.kind} ${simple(qn)}`;
      const list = byName.get(key);
      if (list) list.push(qn);
      else byName.set(key, [qn]);
    }
    return byName;
  };
  const removed = only(a, b);
  const added = only(b, a);
  const moves = new Map<string, string>();
  for (const [key, from] of removed) {
    const to = added.get(key);
    if (from.length === 1 && to?.length === 1) moves.set(from[0], to[0]);
  }
  return moves;
}

/**
 * The one line `diff` gives a type moved from `from` (in `a`) to `to` (in `b`): the modules code
 * imports its names from, as the output names them (`a.types.js` → `b.types.js`, file-names.ts;
 * `modulesOf`), and, for an entity or complex type whose values may name their type in a body's
 * `@odata.type` (a subtype, or a type with subtypes, in either version: JSON Format §4.5.3), that
 * value's change too; with validators, that `checkerFor` finds its checker by the new name only.
 * `outputs`: the modules the project generates (outputs.ts).
 */
export function movedDetail(from: string, to: string, a: ModelSummary, b: ModelSummary, outputs: Outputs = ALL_OUTPUTS): string {
  const before = a.types.get(from);
  const after = b.types.get(to);
  const kind = (after ?? before)?.kind ?? "entity";
  const line = `${typeKindWords(kind)} moved to ${to}: code importing its names from ${modulesOf(from, before, outputs)} must import them from ${modulesOf(to, after, outputs)}`;
  const typed = (kind === "entity" || kind === "complex") && (before?.baseType !== undefined || after?.baseType !== undefined || hasSubtypes(a, from) || hasSubtypes(b, to));
  const body = typed ? `${line}, and a body's @odata.type changes from #${from} to #${to}` : line;
  // checkers.ts finds a checker by the qualified name given as a string, which no compiler checks.
  return outputs.validators ? `${body}; checkerFor("${from}") finds nothing now: name it "${to}"` : body;
}

/**
 * The generated modules that export a type's names, as imports name them, in one brace list
 * (`a.{types,validators}.js`: `a.types.js` and `a.validators.js`): every kind has its declaration in
 * the types module (an enum's `…Values` too) and a checker in the validators module (`checkX`; an
 * entity or complex type's `validateX`, `isX` and `assertX` too); an entity type has its request
 * functions and `…Navigation` type in the requests module (`getX`, `listXs`, …), and so has a complex
 * type a body writes otherwise (`XInput`) or with path builders (TypeSummary.requests). Only those
 * `outputs` has; the types module alone is named without braces (`a.types.js`).
 */
function modulesOf(qualifiedName: string, t: TypeSummary | undefined, outputs: Outputs): string {
  const stem = fileStem(qualifiedName.slice(0, qualifiedName.lastIndexOf(".")));
  const requests = outputs.requests && (t?.kind === "entity" || t?.requests === true);
  const modules = ["types", ...(outputs.validators ? ["validators"] : []), ...(requests ? ["requests"] : [])];
  return modules.length === 1 ? `${stem}.types.js` : `${stem}.{${modules.join(",")}}.js`;
}

function hasSubtypes(summary: ModelSummary, name: string): boolean {
  for (const t of summary.types.values()) if (t.baseType === name) return true;
  return false;
}

/**
 * Operations that moved between namespaces, as types do: one the old version only has and one the
 * new version only has, of one kind, with the same simple name and binding (a moved binding type
 * named by its new name), unique on both sides; where several share those, also the same parameter
 * names (overloads); else they stay removed and added. Keys as compare.ts matches them, with their
 * parameter names (`ns.f(b.t)[x,y]`); old key → new key.
 */
export function movedOperations(gone: [string, OperationSummary][], fresh: [string, OperationSummary][]): Map<string, string> {
  const moves = new Map<string, string>();
  const match = (from: [string, OperationSummary][], to: [string, OperationSummary][], parameters: boolean) => {
    const added = byName(to, parameters);
    for (const [name, keys] of byName(from, parameters)) {
      const there = added.get(name);
      if (keys.length === 1 && there?.length === 1) moves.set(keys[0], there[0]);
    }
  };
  match(gone, fresh, false);
  const taken = new Set(moves.values());
  match(gone.filter(([key]) => !moves.has(key)), fresh.filter(([key]) => !taken.has(key)), true);
  return moves;
}

/** Operations by kind, simple name and binding (`action go()`), and parameter names if `parameters`. */
function byName(list: [string, OperationSummary][], parameters: boolean): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, o] of list) {
    const open = key.indexOf("(");
    // The binding in parentheses, then the parameter names in brackets (no type name holds a `[`).
    const bracket = key.indexOf("[", open);
    const rest = parameters || bracket < 0 ? key.slice(open) : key.slice(open, bracket);
    const name = `${o.kind} ${simpleName(key.slice(0, open))}${rest}`;
    const same = out.get(name);
    if (same) same.push(key);
    else out.set(name, [key]);
  }
  return out;
}

/**
 * The one line of a moved operation that no import covers (an import that calls it in both versions
 * says what changed for its callers: `importChange`). A bound one's generated function is in its
 * namespace's requests module, and moves with it; an unbound one has none of its own (it is called
 * through its imports, URL Conventions §4.5.3). Without the request functions no generated code names either.
 */
export function movedOperationDetail(from: string, to: string, o: OperationSummary, outputs: Outputs = ALL_OUTPUTS): [string, boolean] {
  // Its binding is the same, or the moved type's new name: the new qualified name says where it went.
  const name = to.slice(0, to.indexOf("("));
  if (!outputs.requests) {
    const why = leftOutBecause(["requests"], outputs).slice(2, -1);
    return [`${o.kind} moved to ${name}: no generated code names it (the request functions are not generated${why ? `: ${why}` : ""})`, false];
  }
  if (o.binding === undefined) return [`${o.kind} moved to ${name}: no generated code names it (an unbound ${o.kind} is called through its imports, and none calls it)`, false];
  return [`${o.kind} moved to ${name}: code importing its function from ${requestsModule(from)} must import it from ${requestsModule(to)}`, true];
}

/**
 * An import both versions have under its name, when what its generated function is changed: it calls
 * another operation (breaking), or its operation moved to another namespace (`moves`: old qualified
 * name → new; its function, named after the import, and its URL stay, and its signature is compared
 * at the operation), or its container is now in another namespace, whose requests module has the function
 * (breaking: its import changes). One line; undefined when nothing changed.
 */
export function importChange(ia: ImportSummary, ib: ImportSummary, moves: ReadonlyMap<string, string>): [string, boolean] | undefined {
  const module = containerMove(ia.namespace, ib.namespace);
  const kind = ia.kind === "action import" ? "action" : "function";
  if (ib.kind === ia.kind && ib.operation !== ia.operation && moves.get(ia.operation) === ib.operation)
    return module ? [`its ${kind} moved from ${ia.operation} to ${ib.operation}; ${module}`, true] : [`its ${kind} moved from ${ia.operation} to ${ib.operation}: its generated function and its URL stay as they were`, false];
  if (ib.kind !== ia.kind || ib.operation !== ia.operation) return [`was ${ia.kind} of ${ia.operation}, now ${ib.kind} of ${ib.operation}${module ? `; ${module}` : ""}`, true];
  return module ? [module, true] : undefined;
}

/**
 * An entity set's, singleton's or import's container in another namespace (each version's namespace,
 * unknown in a summary kept by an older version): its generated function is in that namespace's
 * requests module, so code importing it must import it from there.
 */
export function containerMove(before: string | undefined, after: string | undefined): string | undefined {
  if (before === undefined || after === undefined || before === after) return undefined;
  return `code importing its function from ${fileStem(before)}.requests.js must import it from ${fileStem(after)}.requests.js (its container is now in ${after})`;
}

/** The requests module of an operation's namespace (`ns.f(ns.t)` or `ns.f`), as an import names it. */
function requestsModule(key: string): string {
  const open = key.indexOf("(");
  const qn = open < 0 ? key : key.slice(0, open);
  return `${fileStem(qn.slice(0, qn.lastIndexOf(".")))}.requests.js`;
}

function simpleName(qn: string): string {
  return qn.slice(qn.lastIndexOf(".") + 1);
}
