/**
 * The path segment naming a bound action or function: its qualified name (`microsoft.graph.sendMail`,
 * as OData 4.0 requires), or its name alone (`sendMail`) where the operation's namespace is a default
 * namespace (Core.DefaultNamespace, OData 4.01) or the `unqualifiedOperations` option asks for it,
 * unless the name alone could be read as something else there.
 */
import { defaultNamespaces } from "../model/capabilities";
import type { Model, Operation, StructuredType } from "../model/types";
import type { EmitContext } from "./context";

export interface OperationSegment {
  /** The segment, not yet percent-encoded. */
  name: string;
  /** Why the segment stays qualified though the name alone was asked for (a sentence for its doc comment). */
  qualifiedBecause?: string;
}

/** Per model: its default namespaces and its bound operations by binding (`collection type`). */
interface Index {
  defaults: Set<string>;
  bound: Map<string, Operation[]>;
}

const indexes = new WeakMap<Model, Index>();

function indexOf(model: Model): Index {
  let index = indexes.get(model);
  if (index) return index;
  const bound = new Map<string, Operation[]>();
  for (const s of model.schemas)
    for (const op of s.operations) {
      if (!op.bound || !op.binding) continue;
      const key = bindingKey(op.binding.type.collection, op.binding.type.type.qualifiedName);
      const list = bound.get(key);
      if (list) list.push(op);
      else bound.set(key, [op]);
    }
  indexes.set(model, (index = { defaults: defaultNamespaces(model), bound }));
  return index;
}

function bindingKey(collection: boolean, type: string): string {
  return `${collection ? "Collection" : "One"} ${type}`;
}

/** The segment of bound operation `op` (see the file's comment). */
export function boundSegment(ctx: EmitContext, op: Operation): OperationSegment {
  const index = indexOf(ctx.model);
  const asked = ctx.options.unqualifiedOperations ?? index.defaults.has(op.namespace);
  if (!asked || !op.binding) return { name: op.qualifiedName };
  // In a slice, as decided over the whole service (passes/slice/operation-ambiguities.ts).
  const why = op.ambiguousOverService !== undefined ? op.ambiguousOverService || undefined : ambiguity(index, op);
  return why ? { name: op.qualifiedName, qualifiedBecause: why } : { name: op.name };
}

/** Why `op`'s name alone could name something else in `model` (`ambiguity`), or undefined. */
export function operationAmbiguity(model: Model, op: Operation): string | undefined {
  return ambiguity(indexOf(model), op);
}

/**
 * Why `op`'s name alone could name something else after its binding parameter's resource, or
 * undefined. The resource may be of the binding type or, after a type cast, of any of its subtypes,
 * and operations bound to a base type apply to it too: so the whole family is looked at.
 * - One entity or complex value: a structural or navigation property of that name, which a service
 *   reads first (Core.DefaultNamespace's description asks modelers to avoid such names). After a
 *   collection a property cannot follow (URL Conventions §4.3: a key, a cast, `$count`, an operation
 *   can), so there it does not count.
 * - A subtype of that name: the segment could be read as a type cast (types of a default namespace
 *   may be named without it too).
 * - An operation of that name in another namespace bound to the same kind of resource of the family:
 *   the name alone does not say which.
 */
function ambiguity(index: Index, op: Operation): string | undefined {
  const binding = op.binding?.type;
  if (!binding) return undefined;
  const t = binding.type;
  // The binding type, its base types and (`below`) its subtypes.
  const family: { qualifiedName: string; type?: StructuredType; below?: true }[] = [];
  if (t.kind === "entity" || t.kind === "complex") {
    for (let b = t.baseType; b; b = b.baseType) family.push({ qualifiedName: b.qualifiedName, type: b });
    family.push({ qualifiedName: t.qualifiedName, type: t });
    const visit = (d: StructuredType) => {
      family.push({ qualifiedName: d.qualifiedName, type: d, below: true });
      d.derived.forEach(visit);
    };
    t.derived.forEach(visit);
  } else family.push({ qualifiedName: t.qualifiedName });
  const stays = "Named qualified in the URL, not by its name alone:";
  if (!binding.collection)
    for (const { type } of family) {
      const member = type && [...type.properties, ...type.navigationProperties].find((p) => p.name === op.name);
      if (type && member)
        return `${stays} \`${type.qualifiedName}\` has a ${member.kind === "navigation" ? "navigation " : ""}property \`${op.name}\`, which a service reads first.`;
    }
  const cast = family.find((f) => f.below && f.type?.name === op.name);
  if (cast) return `${stays} it would read as a type cast to subtype \`${cast.qualifiedName}\`.`;
  for (const f of family) {
    const other = index.bound.get(bindingKey(binding.collection, f.qualifiedName))?.find((o) => o.name === op.name && o.namespace !== op.namespace);
    if (other) return `${stays} \`${other.qualifiedName}\` is bound to ${binding.collection ? "a collection of " : ""}\`${f.qualifiedName}\` too.`;
  }
  return undefined;
}
