/**
 * Builds the sliced model: fresh copies of the kept types and operations, with every reference
 * (base types, subtypes, property and navigation types, keys, parameters) pointing at the copies, so
 * later passes see a consistent model and never reach a type outside the slice. A kept type below
 * one kept as a value remembers the names of its subtypes the slice left out (`omittedSubtypes`): a
 * value may still be one of them. A type kept only as a base type (and its kept subtypes of that
 * kind) has no value where one of them could turn up: it only notes that it has some
 * (`unlistedSubtypes`), which keeps a slice of Graph from listing entity's ~1,150 subtypes.
 */
import { Codes, type DiagnosticBag } from "../../diagnostics";
import { resolveBindingTarget } from "../../model/binding-targets";
import { countSubtypes } from "../../model/rules";
import { derivedTypesOverService } from "../../model/validation-terms";
import { rootLayerOf } from "../../model/restrictions";
import { rootOptionsOf } from "../../model/custom-query-options";
import type {
  ComplexType,
  EntityContainer,
  EntitySet,
  EntityType,
  ModelType,
  Model,
  NavigationBinding,
  NavigationProperty,
  OmittedSubtype,
  Operation,
  Parameter,
  Property,
  Schema,
  SchemaType,
  Singleton,
  StructuredType,
  TypeRef,
} from "../../model/types";

/**
 * The kept types a value may be of: those used as values (`asValue`: a property's, parameter's or
 * result's type, …), and the targets of kept navigation properties (an expanded one, a read through
 * it), even where the slice keeps such a type only as a base type of another.
 */
export function valueTypes(keep: ReadonlySet<SchemaType>, asValue: ReadonlySet<SchemaType>): Set<SchemaType> {
  const values = new Set<SchemaType>(asValue);
  for (const t of keep)
    if (t.kind === "entity" || t.kind === "complex") for (const n of t.navigationProperties) if (keep.has(n.target)) values.add(n.target);
  return values;
}

/** What a slice decides over the whole service, as the full run decides it. */
export interface OverService {
  /** The kept concrete complex types whose values the full run writes as their `Any…` union (families.ts). */
  families?: ReadonlySet<StructuredType>;
  /** Why a kept bound operation's name alone is ambiguous, `""` when not (operation-ambiguities.ts). */
  ambiguities?: ReadonlyMap<Operation, string>;
}

/** `values`: the kept types a value may be of (`valueTypes`). */
export function copyModel(
  model: Model,
  keep: ReadonlySet<SchemaType>,
  values: ReadonlySet<SchemaType>,
  keepOps: ReadonlySet<Operation>,
  diags: DiagnosticBag,
  overService: OverService = {},
): Model {
  const families = overService.families ?? new Set<StructuredType>();
  const types = new Map<SchemaType, SchemaType>();
  const props = new Map<Property, Property>();
  const ops = new Map<Operation, Operation>();

  // Shells first, so references may point anywhere.
  for (const t of model.types.values()) {
    if (!keep.has(t)) continue;
    if (t.kind === "entity") types.set(t, { ...t, annotations: t.annotations, derived: [], properties: [], navigationProperties: [], key: [] });
    else if (t.kind === "complex") types.set(t, { ...t, derived: [], properties: [], navigationProperties: [] });
    else types.set(t, { ...t });
  }
  const typeOf = <T extends ModelType>(t: T): T => (t.kind === "primitive" ? t : ((types.get(t) as T | undefined) ?? t));
  const ref = (r: TypeRef): TypeRef => {
    const copy = { ...r, type: typeOf(r.type) };
    if (model.untypedStandIns?.has(r)) model.untypedStandIns.add(copy);
    return copy;
  };
  const kept = (t: ModelType) => t.kind === "primitive" || types.has(t);
  // Whether a value may be of `t` or a subtype: `t` or a base type of it is kept as a value.
  const holdsValues = (t: StructuredType) => {
    for (let b: StructuredType | undefined = t; b; b = b.baseType) if (values.has(b)) return true;
    return false;
  };

  for (const [old, copy] of types) {
    if (old.kind !== "entity" && old.kind !== "complex") continue;
    const c = copy as StructuredType;
    if (old.baseType) c.baseType = typeOf(old.baseType) as EntityType & ComplexType;
    c.derived = old.derived.filter((d) => types.has(d)).map((d) => typeOf(d)) as EntityType[] & ComplexType[];
    // A left-out type's subtypes are left out too (a kept type's base types are kept).
    const omitted: OmittedSubtype[] = [];
    const omit = (d: StructuredType) => {
      omitted.push({ qualifiedName: d.qualifiedName, abstract: d.abstract });
      for (const e of d.derived) omit(e);
    };
    for (const d of old.derived) if (!types.has(d)) omit(d);
    // Whether the request functions list its subtypes (a `…Subtypes` map) is decided by them all.
    if (old.derived.length) c.subtypeCount = countSubtypes(old);
    if (old.kind === "complex" && !old.abstract && old.derived.length) c.familyOverService = families.has(old);
    if (omitted.length && holdsValues(old)) c.omittedSubtypes = omitted;
    else if (omitted.length) c.unlistedSubtypes = true;
    for (const p of old.properties) {
      if (!kept(p.type.type)) {
        diags.add(Codes.slicePruned, "info", `${old.qualifiedName}/${p.name} is left out: its type ${p.type.type.qualifiedName} is excluded`, `${old.qualifiedName}/${p.name}`, p.at);
        (c.excludedProperties ??= []).push(p.name);
        continue;
      }
      const derivedTypes = derivedTypesOverService(model, p, diags, `${old.qualifiedName}/${p.name}`);
      const np: Property = { ...p, type: ref(p.type), declaringType: c, ...(derivedTypes !== undefined ? { derivedTypes } : {}) };
      props.set(p, np);
      c.properties.push(np);
    }
    c.navigationProperties = old.navigationProperties
      .filter((n) => types.has(n.target))
      .map((n): NavigationProperty => {
        const derivedTypes = derivedTypesOverService(model, n, diags, `${old.qualifiedName}/${n.name}`);
        // What the service's roots say of it, which a root the slice leaves out says too.
        const overService = { restrictions: rootLayerOf(model, n), queryOptions: rootOptionsOf(model, n) };
        return { ...n, target: typeOf(n.target), declaringType: c, overService, ...(derivedTypes !== undefined ? { derivedTypes } : {}) };
      });
    // Still the service's: a read may expand one, a body bind one.
    const leftOut = old.navigationProperties.filter((n) => !types.has(n.target));
    if (leftOut.length) c.leftOutNavigation = leftOut.map((n) => ({ name: n.name, collection: n.collection, nullable: n.nullable }));
  }
  for (const [old, copy] of types) {
    if (old.kind === "entity") {
      // A key may be a path into a complex property (CSDL 4.01 §6.5): such a leaf is not among the copied own properties.
      (copy as EntityType).key = old.key.map((k) => props.get(k) ?? k);
      (copy as EntityType).keyNames = old.keyNames;
    }
  }

  const param = (p: Parameter): Parameter => ({ ...p, type: ref(p.type) });
  for (const schema of model.schemas)
    for (const op of schema.operations) {
      if (!keepOps.has(op)) continue;
      const ambiguous = overService.ambiguities?.get(op);
      ops.set(op, {
        ...op,
        ...(ambiguous !== undefined ? { ambiguousOverService: ambiguous } : {}),
        binding: op.binding && param(op.binding),
        parameters: op.parameters.map(param),
        returnType: op.returnType && ref(op.returnType),
      });
    }

  // The sets and singletons kept (those of a kept type), of every container: a binding is kept when
  // its target is one of them, read as the request emitter reads it (`Set`, `ns.Container/Set`, a set
  // of an extended container, a path below one, type casts on the way).
  const keptRoots = new Set<EntitySet | Singleton>();
  for (const s of model.schemas)
    for (const c of s.containers) for (const r of [...c.entitySets, ...c.singletons]) if (types.has(r.kind === "entitySet" ? r.entityType : r.type)) keptRoots.add(r);
  const container = (c: EntityContainer): EntityContainer => {
    const bindings = (list: NavigationBinding[]) => list.filter((b) => {
      const place = resolveBindingTarget(model, c, b);
      return place !== undefined && keptRoots.has(place.root);
    });
    const entitySets = c.entitySets.filter((s) => keptRoots.has(s)).map((s) => ({ ...s, entityType: typeOf(s.entityType), bindings: bindings(s.bindings) }));
    const singletons = c.singletons.filter((s) => keptRoots.has(s)).map((s) => ({ ...s, type: typeOf(s.type), bindings: bindings(s.bindings) }));
    return {
      ...c,
      entitySets,
      singletons,
      imports: c.imports
        .filter((i) => i.operations.every((o) => ops.has(o)))
        .map((i) => ({ ...i, operations: i.operations.map((o) => ops.get(o) as Operation) })),
    };
  };

  const schemas: Schema[] = [];
  let first: EntityContainer | undefined;
  for (const s of model.schemas) {
    const copy: Schema = {
      ...s,
      types: s.types.filter((t) => types.has(t)).map((t) => typeOf(t)),
      operations: s.operations.filter((o) => ops.has(o)).map((o) => ops.get(o) as Operation),
      terms: s.terms.filter((t) => kept(t.type.type)).map((t) => ({ ...t, type: ref(t.type) })),
      containers: s.containers.map((c) => {
        const nc = container(c);
        if (c === model.container) first = nc;
        return nc;
      }),
    };
    const empty = copy.types.length === 0 && copy.operations.length === 0 &&
      copy.containers.every((c) => c.entitySets.length + c.singletons.length + c.imports.length === 0);
    if (!empty) schemas.push(copy);
  }
  return {
    schemas,
    types: new Map([...types.values()].map((t) => [t.qualifiedName, t])),
    aliases: model.aliases,
    documentAliases: model.documentAliases,
    container: first,
    odataVersion: model.odataVersion,
    externalAnnotations: model.externalAnnotations,
    includeAnnotations: model.includeAnnotations,
    untypedStandIns: model.untypedStandIns,
  };
}
