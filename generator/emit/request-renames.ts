/**
 * The ODG201 notes for request functions not named as their element (request-names.ts): an entity
 * set's or singleton's function whose name was taken or reserved (`class2` for a set `class`, `items2`
 * for a set `items` beside a singleton `Items`, which takes `items`), an operation's numbered
 * (`reserve2` for an import `Reserve` beside `reserve`, `listItems2` beside the set `Items`' `listItems`). Capitalising the first letter, and
 * an operation's documented fallbacks (its binding type's name, an overload's `With…`), are the
 * naming rules, not renames.
 */
import type { EntityContainer, EntitySet, SchemaType, Singleton } from "../model/types";
import { camel } from "../passes/names";
import { operationGroupWants, overloadGroups, type NamedOperation } from "./operation-names";
import type { EmitContext } from "./context";

/** Reports each root and operation of the module whose function has a name none of its wants. */
export function reportRequestRenames(
  ctx: EmitContext,
  containers: readonly EntityContainer[],
  roots: ReadonlyMap<EntitySet | Singleton, string>,
  operations: ReadonlyMap<NamedOperation, string>,
): void {
  const renamed = ctx.options.renamed;
  if (!renamed) return;
  for (const c of containers)
    for (const s of [...c.singletons, ...c.entitySets]) {
      const name = roots.get(s);
      const want = camel(s.name);
      if (name !== undefined && name !== want) renamed(`${c.qualifiedName}/${s.name}'s request function is emitted as ${name} (${want} is taken or reserved)`, `${c.qualifiedName}/${s.name}`, s.at);
    }
  const typeName = (t: SchemaType) => ctx.names.type(t);
  for (const group of overloadGroups([...operations.keys()])) {
    const wants = operationGroupWants(typeName, group);
    for (const e of group) {
      const name = operations.get(e);
      if (name === undefined || wants.includes(name)) continue;
      const what = e.importName !== undefined ? `${e.op.qualifiedName}'s request function (import ${e.importName})` : `${e.op.qualifiedName}'s request function`;
      const taken = wants.length === 1 ? `${wants[0]} is` : `${wants.slice(0, -1).join(", ")} and ${wants[wants.length - 1]} are`;
      renamed(`${what} is emitted as ${name} (${taken} taken or reserved)`, e.op.qualifiedName, e.op.at);
    }
  }
}
