/**
 * Names of a module's operation functions, saying what tells overloads apart before a number does.
 * An operation is named after itself (or its import); when that is taken, after its binding type and
 * itself. Overloads of one operation bound to one type are named together, when the first of them
 * comes in document order:
 * - bound to a collection, beside an overload bound to one entity of the type: the type's plural
 *   (`partsLike` beside `partLike`);
 * - with one binding (or one import) and other parameters (CSDL §12.2.1: a function's overloads differ
 *   by their parameter names): the one with the fewest parameters keeps the plain name, each other
 *   adds `With` and its parameters not every overload has, in declaration order, to the name the
 *   plain one has (`driveItemDeltaWithToken` beside `driveItemDelta`; `imageWithWidthHeight` beside `image`);
 * - a name still taken gets a number, as every function of the module does.
 * Names are chosen over the whole service (request-names.ts): a slice that leaves out an overload
 * (one whose parameter or result is of an excluded type) names the others as the full run does.
 * Overloads are of one kind: an action and a function of one name are named as two operations.
 */
import type { Annotation, Operation, SchemaType } from "../model/types";
import { camel, pascal, plural, type Scope } from "../passes/names";

/** An operation to name: a bound one, or an overload of an import (`importName`). */
export interface NamedOperation {
  op: Operation;
  importName?: string;
  /** The import's own annotations (in line, or by `<Annotations Target="ns.Container/Name">`): its doc comment's. */
  importAnnotations?: readonly Annotation[];
}

/** What one operation of an overload group wants: its own name, or prefixed by its binding type's. */
interface Want {
  entry: NamedOperation;
  own: string;
  prefixed: string | undefined;
  /** The overload whose own name decides for its binding (the one with the fewest parameters). */
  first: boolean;
}

/** What the operations of one overload group (`overloadGroups`) want, the first of each binding first. */
function wantsOf(typeName: (t: SchemaType) => string, group: NamedOperation[]): Want[][] {
  const type = bindingType(group[0].op);
  const bindings = partitionBy(group, (e) => e.op.binding?.type.collection === true);
  return bindings.map((same) => {
    const collection = same[0].op.binding?.type.collection === true;
    // The type's plural only where the same operation is also bound to one entity of it.
    const word = type && (collection && bindings.length > 1 ? plural(camel(typeName(type))) : camel(typeName(type)));
    const first = fewestParameters(same);
    const shared = sharedParameters(same);
    return [first, ...same.filter((x) => x !== first)].map((e) => {
      const suffix = e === first ? "" : `With${e.op.parameters.filter((p) => !shared.has(p.name)).map((p) => pascal(p.name)).join("")}`;
      const own = `${camel(e.importName ?? e.op.name)}${suffix}`;
      return { entry: e, own, prefixed: word === undefined ? undefined : `${word}${pascal(e.op.name)}${suffix}`, first: e === first };
    });
  });
}

/** Every name the operations of one overload group may want (their own, and prefixed). */
export function operationGroupWants(typeName: (t: SchemaType) => string, group: NamedOperation[]): string[] {
  return wantsOf(typeName, group).flat().flatMap((w) => (w.prefixed === undefined ? [w.own] : [w.own, w.prefixed]));
}

/** Claims a name in `scope` for each operation of one overload group (`overloadGroups`), into `names`. */
export function claimOperationGroup(typeName: (t: SchemaType) => string, group: NamedOperation[], scope: Scope, names: Map<NamedOperation, string>): void {
  for (const same of wantsOf(typeName, group)) {
    // An overload's name starts as its plain overload's does, so that the two stand side by side.
    let prefixed = false;
    for (const w of same) {
      if (w.first) prefixed = w.prefixed !== undefined && scope.has(w.own);
      names.set(w.entry, scope.claim(prefixed && w.prefixed !== undefined ? w.prefixed : w.own));
    }
  }
}

/** The entity or complex type an operation is bound to, whose name may tell its function apart. */
function bindingType(op: Operation): SchemaType | undefined {
  const t = op.bound ? op.binding?.type.type : undefined;
  return t && (t.kind === "entity" || t.kind === "complex") ? t : undefined;
}

/** Overloads of one action or function with one binding type (or of one import), in order of their first. */
export function overloadGroups(entries: NamedOperation[]): NamedOperation[][] {
  return partitionBy(entries, overloadKey);
}

/**
 * What the overloads of one operation share: an import's name, else kind, name and binding type. By
 * kind too: an action and a function of one name (Graph's `browse`, bound to `browseSessionBase`)
 * are no overloads of each other (CSDL §12: overloads are of one kind).
 */
export function overloadKey(e: NamedOperation): string {
  return e.importName !== undefined ? `import ${e.importName}` : `${e.op.kind} ${e.op.qualifiedName} ${e.op.binding?.type.type.qualifiedName ?? ""}`;
}

/** The entries split by `key`, each part in document order, the parts in order of their first. */
function partitionBy<T, K>(items: T[], key: (item: T) => K): T[][] {
  const parts = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const part = parts.get(k);
    if (part) part.push(item);
    else parts.set(k, [item]);
  }
  return [...parts.values()];
}

/** The overload with the fewest parameters, the first of them in document order. */
function fewestParameters(same: NamedOperation[]): NamedOperation {
  return same.reduce((a, b) => (b.op.parameters.length < a.op.parameters.length ? b : a));
}

/** The parameter names every overload has. */
function sharedParameters(same: NamedOperation[]): Set<string> {
  const shared = new Set(same[0].op.parameters.map((p) => p.name));
  for (const e of same) {
    const own = new Set(e.op.parameters.map((p) => p.name));
    for (const n of shared) if (!own.has(n)) shared.delete(n);
  }
  return shared;
}
