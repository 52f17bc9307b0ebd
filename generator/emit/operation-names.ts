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
 * The plural and the `With` part depend only on those overloads, which a slice keeps or drops with
 * their binding type, but for one whose parameter or result is of an excluded type: that one is
 * left out, and the others are named as if it were not declared.
 * Overloads are of one kind: an action and a function of one name are named as two operations.
 */
import type { Operation, SchemaType } from "../model/types";
import { camel, pascal, plural, type Scope } from "../passes/names";
import type { EmitContext } from "./context";

/** An operation to name: a bound one, or an overload of an import (`importName`). */
export interface NamedOperation {
  op: Operation;
  importName?: string;
}

/** Claims a name in `scope` for each operation (document order, overloads together), by operation. */
export function claimOperationNames(ctx: EmitContext, entries: NamedOperation[], scope: Scope): Map<NamedOperation, string> {
  const names = new Map<NamedOperation, string>();
  for (const group of overloadGroups(entries)) {
    const type = bindingType(group[0].op);
    const bindings = partitionBy(group, (e) => e.op.binding?.type.collection === true);
    for (const same of bindings) {
      const collection = same[0].op.binding?.type.collection === true;
      // The type's plural only where the same operation is also bound to one entity of it.
      const word = type && (collection && bindings.length > 1 ? plural(camel(ctx.names.type(type))) : camel(ctx.names.type(type)));
      const first = fewestParameters(same);
      const shared = sharedParameters(same);
      let prefixed = false;
      for (const e of [first, ...same.filter((x) => x !== first)]) {
        const suffix = e === first ? "" : `With${e.op.parameters.filter((p) => !shared.has(p.name)).map((p) => pascal(p.name)).join("")}`;
        const own = `${camel(e.importName ?? e.op.name)}${suffix}`;
        // An overload's name starts as its plain overload's does, so that the two stand side by side.
        if (e === first) prefixed = word !== undefined && scope.has(own);
        names.set(e, scope.claim(prefixed ? `${word}${pascal(e.op.name)}${suffix}` : own));
      }
    }
  }
  return names;
}

/** The entity or complex type an operation is bound to, whose name may tell its function apart. */
function bindingType(op: Operation): SchemaType | undefined {
  const t = op.bound ? op.binding?.type.type : undefined;
  return t && (t.kind === "entity" || t.kind === "complex") ? t : undefined;
}

/** Overloads of one action or function with one binding type (or of one import), in order of their first. */
function overloadGroups(entries: NamedOperation[]): NamedOperation[][] {
  // By kind too: an action and a function of one name (Graph's `browse`, bound to
  // `browseSessionBase`) are no overloads of each other (CSDL §12: overloads are of one kind).
  return partitionBy(entries, (e) =>
    e.importName !== undefined ? `import ${e.importName}` : `${e.op.kind} ${e.op.qualifiedName} ${e.op.binding?.type.type.qualifiedName ?? ""}`,
  );
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
