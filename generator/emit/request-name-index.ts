/**
 * What request-names.ts looks rivals up in, over every element of one namespace's schema of the full
 * model: its roots, entity and complex types by name, and its operations' overload groups by the
 * names they want; each element's place in the order of claims.
 */
import type { EntityContainer, EntitySet, Schema, SchemaType, Singleton, StructuredType } from "../model/types";
import { camel, pascal, plural } from "../passes/names";
import { overloadKey, type NamedOperation } from "./operation-names";

/** Reads an operation's parameters; false when it is left out instead (`LazyModel.fillOperation`). */
type FillOperation = ((op: NamedOperation["op"]) => boolean) | undefined;

/** A name without its trailing digits: the names a claim of it may end with share it (`log`, `log2`). */
export function stem(name: string): string {
  // A loop from the end: a pattern for the trailing digits tried every digit of a run inside the name.
  let end = name.length;
  for (let c = name.charCodeAt(end - 1); c >= 48 && c <= 57; c = name.charCodeAt(end - 1)) end--;
  return end === name.length ? name : name.slice(0, end);
}

/** The overloads of one operation (or one import's), as operation-names.ts groups them. */
export interface Group {
  key: string;
  entries: NamedOperation[];
  /** Where its first comes among the module's operations. */
  first: number;
}

/** What finding rivals by name needs, over every element of the full schema; built once per module. */
export class Index {
  readonly groups: Group[] = [];
  private readonly groupByKey = new Map<string, Group>();
  readonly entryOrder = new Map<NamedOperation, number>();
  readonly typeOrder = new Map<SchemaType, number>();
  readonly rootOrder = new Map<EntitySet | Singleton, number>();
  readonly roots = new Map<string, { c: EntityContainer; s: EntitySet | Singleton }[]>();
  /** Operation groups by the stems of their names without `With…`: own, and after the binding type's name. */
  readonly operations = new Map<string, Group[]>();
  /** Entity and complex types by their name's stem (`Names.type`, in Pascal case already). */
  private readonly byName = new Map<string, StructuredType[]>();
  private readonly filled = new Set<Group>();
  /** The lengths of the entity and complex types' names in camel case, ascending: the only lengths `camelNamed` finds anything at. */
  readonly camelLengths: readonly number[] = [];

  /** `rivals`: whether rivals are to be found (a slice); a full run needs only the groups. */
  constructor(schema: Schema, typeName: (t: SchemaType) => string, rivals = true) {
    const add = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    namedOperations(schema).forEach((e, i) => {
      const key = overloadKey(e);
      let g = this.groupByKey.get(key);
      if (!g) {
        this.groupByKey.set(key, (g = { key, entries: [], first: i }));
        this.groups.push(g);
        if (rivals) {
          const b = e.op.bound ? e.op.binding?.type.type : undefined;
          const words = b && (b.kind === "entity" || b.kind === "complex") ? [camel(typeName(b)), plural(camel(typeName(b)))] : [];
          const stems = new Set([camel(e.importName ?? e.op.name), ...words.map((w) => `${w}${pascal(e.op.name)}`)].map(stem));
          for (const s of stems) add(this.operations, s, g);
        }
      }
      g.entries.push(e);
      if (rivals) this.entryOrder.set(e, i);
    });
    if (!rivals) return;
    let r = 0;
    for (const c of schema.containers)
      for (const s of [...c.singletons, ...c.entitySets]) {
        this.rootOrder.set(s, r++);
        add(this.roots, stem(camel(s.name)), { c, s });
      }
    const lengths = new Set<number>();
    schema.types.forEach((t, i) => {
      this.typeOrder.set(t, i);
      if (t.kind !== "entity" && t.kind !== "complex") return;
      add(this.byName, stem(typeName(t)), t);
      lengths.add(camel(typeName(t)).length);
    });
    this.camelLengths = [...lengths].sort((a, b) => a - b);
  }

  /** The entity and complex types whose name's stem is `s` (after `Of`, a verb, `cast`). */
  named(s: string): readonly StructuredType[] {
    return this.byName.get(s) ?? [];
  }

  /** The entity and complex types whose name in camel case is `s` (a builder's name starts with it). */
  camelNamed(s: string, typeName: (t: SchemaType) => string): StructuredType[] {
    return this.named(stem(pascal(s))).filter((t) => camel(typeName(t)) === s);
  }

  /** The group of an operation of the emitted model (its copy in a slice), read. */
  groupOf(e: NamedOperation, fillOperation: FillOperation): Group | undefined {
    const g = this.groupByKey.get(overloadKey(e));
    if (g) this.read(g, fillOperation);
    return g;
  }

  /** The group's operations, read (their parameters name them); those left out when read dropped. */
  read(g: Group, fillOperation: FillOperation): NamedOperation[] {
    if (!this.filled.has(g)) {
      this.filled.add(g);
      if (fillOperation) g.entries = g.entries.filter((e) => fillOperation(e.op));
    }
    return g.entries;
  }
}

/** A module's operations as requests-view.ts names them: bound ones, then the imports' overloads (once per schema). */
export function namedOperations(schema: Schema): readonly NamedOperation[] {
  let named = namedCache.get(schema);
  if (!named) {
    named = schema.operations.filter((op) => op.bound).map((op) => ({ op }));
    for (const c of schema.containers) for (const imp of c.imports) for (const op of imp.operations) named.push({ op, importName: imp.name, importAnnotations: imp.annotations });
    namedCache.set(schema, named);
  }
  return named;
}
const namedCache = new WeakMap<Schema, NamedOperation[]>();

/**
 * `op`'s entry among `namedOperations(schema)` (the first: an operation imported twice has two), by
 * a lookup built once per schema rather than a walk of the list per operation (validators-view.ts
 * asks for each operation whose parameters or result it checks).
 */
export function namedOperation(schema: Schema, op: NamedOperation["op"]): NamedOperation | undefined {
  let byOp = entryCache.get(schema);
  if (!byOp) {
    byOp = new Map();
    for (const e of namedOperations(schema)) if (!byOp.has(e.op)) byOp.set(e.op, e);
    entryCache.set(schema, byOp);
  }
  return byOp.get(op);
}
const entryCache = new WeakMap<Schema, Map<NamedOperation["op"], NamedOperation>>();
