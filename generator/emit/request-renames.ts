/**
 * The ODG201 notes for request functions not named as their element (request-names.ts): an entity
 * set's or singleton's function whose name was taken or reserved (`class2` for a set `class`, `items2`
 * for a set `items` beside a singleton `Items`, which takes `items`), an entity type's reading or
 * writing function numbered (`getItem2` for a type `Item` beside a singleton `getItem`, `listItems2`
 * beside a set `ListItems`), an operation's numbered (`reserve2` for an import `Reserve` beside
 * `reserve`, `listItems2` beside the set `Items`' `listItems`). Capitalising the first letter, and
 * an operation's documented fallbacks (its binding type's name, an overload's `With…`), are the
 * naming rules, not renames.
 */
import type { EntityContainer, EntitySet, EntityType, SchemaType, Singleton } from "../model/types";
import { camel } from "../passes/names";
import { operationGroupWants, overloadGroups, type NamedOperation } from "./operation-names";
import { verbWants, type Verbs } from "./request-names";
import type { EmitContext } from "./context";

/** What a type's reading and writing functions are called in notes, by their key in `Verbs`. */
const VERB_WORDS: Readonly<Record<keyof Verbs, string>> = { get: "get", list: "list", create: "create", update: "update", remove: "delete" };

/**
 * Reports each root, entity type's reading or writing function (`verbs`: the names emitted, "" for
 * one the module has not) and operation of the module whose function has a name none of its wants.
 */
export function reportRequestRenames(
  ctx: EmitContext,
  containers: readonly EntityContainer[],
  roots: ReadonlyMap<EntitySet | Singleton, string>,
  verbs: ReadonlyMap<EntityType, Verbs>,
  operations: ReadonlyMap<NamedOperation, string>,
): void {
  const renamed = ctx.options.renamed;
  if (!renamed) return;
  // The root whose function has each name, to say whose a name is.
  const rootOf = new Map<string, string>();
  for (const c of containers)
    for (const s of [...c.singletons, ...c.entitySets]) {
      const name = roots.get(s);
      const want = camel(s.name);
      if (name !== undefined) rootOf.set(name, `the request function of the ${s.kind === "singleton" ? "singleton" : "entity set"} ${c.qualifiedName}/${s.name}`);
      if (name !== undefined && name !== want) renamed(`${c.qualifiedName}/${s.name}'s request function is emitted as ${name} (${want} is taken or reserved)`, `${c.qualifiedName}/${s.name}`, s.at);
    }
  const typeName = (t: SchemaType) => ctx.names.type(t);
  for (const [t, names] of verbs) {
    const wants = verbWants(typeName, t);
    for (const verb of Object.keys(VERB_WORDS) as (keyof Verbs)[]) {
      const [name, want] = [names[verb], wants[verb]];
      if (name === "" || name === want) continue;
      const owner = rootOf.get(want);
      renamed(`${t.qualifiedName}'s ${VERB_WORDS[verb]} request function is emitted as ${name} (${want} is ${owner ? `taken: ${owner}` : "taken or reserved"})`, t.qualifiedName, t.at);
    }
  }
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
