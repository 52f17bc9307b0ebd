/**
 * A resolved model reduced to what a client sees: types with their properties, navigation
 * properties and enum members; operations with their signatures; entity sets and singletons with
 * their navigation property bindings.
 * Plain data, so two versions of a spec can be compared field by field.
 */
import { ownAlternateKeys, type AlternateKey } from "../model/alternate-keys";
import { alternateKeyTexts } from "./alternate-keys";
import { resolveBindingTarget } from "../model/binding-targets";
import { optimisticConcurrency } from "../model/capabilities";
import { isAddressableStream, isAutoExpanded, isComputed, isImmutable, isReadOnly, isWriteOnly, mayOmit, tiedByPartner } from "../model/rules";
import { acceptableMediaTypes, familyMediaTypes } from "../model/media-types";
import type { ComplexType, EntityContainer, Facets, Model, NavigationBinding, ODataVersion, Operation, Property, TypeRef } from "../model/types";
import { subtypeFamily } from "../emit/context";
import { leadsToNavigation } from "../emit/complex-navigation";
import { typesWithWriteTypes, writeTypeSuffixes } from "../emit/write-types";
import { docHash } from "./docs";
import { urlSummary, type UrlSummary } from "./urls";
import { restrictionSummary, type RestrictionSummary } from "./restrictions";
import { explicitBindingSummary, explicitFlag, type ExplicitBindingSummary } from "./explicit-bindings";
import { queryOptionSummary, requiredQueryOf, type QueryOptionSummary } from "./query-options";
import { allowedDerivedTypes, parameterConstraints, propertyConstraints, returnConstraints, type ValueConstraints } from "../model/validation-terms";

/**
 * The summary's format. 2 records Precision, Scale, SRID and Unicode (`false` only), a type
 * definition's facets and Core.Computed/Core.Immutable; a summary kept by an older version has no
 * `format` (1) and none of those, so they are compared only between two summaries of format 2 or
 * later. 3 adds `urls` and `docs`, compared when both summaries have them, and a complex type's `union`.
 * 4 records an action or function import's doc comment in `docs` (format 3 has none: docs.ts).
 * 5 records, always, each container's namespace and a complex type's `requests` (some summaries of
 * format 4 have them: older.ts).
 * 6 records `restrictions` (Capabilities restrictions at each address builder: restrictions.ts),
 * compared when both summaries have them, and alternate keys (ALTERNATE_KEYS_FORMAT: alternate-keys.ts).
 * 7 records the query options a collection does not support among the `restrictions` (`count`,
 * `filter`, …), compared when both summaries are of format 7 or later (QUERY_RESTRICTIONS_FORMAT).
 * 8 records a property's Validation vocabulary constraints (`constraints`), compared when both
 * summaries are of format 8 or later (CONSTRAINTS_FORMAT).
 * 9 records the types a property's or navigation property's Validation.DerivedTypeConstraint
 * allows (`derivedTypes`), compared when both summaries are of format 9 or later (DERIVED_TYPES_FORMAT).
 * 10 records the overloads bound explicitly (an operation's `explicit`) and what each address builder
 * names (`explicitBindings`: explicit-bindings.ts), a property read-only by its Core.Permissions
 * (`readOnly`), `key` among the `restrictions` (Capabilities.IndexableByKey), and the properties a
 * deep insert through a navigation property may leave out (`tied`) and whether the service expands
 * it unasked (`autoExpand`, Core.AutoExpand), and the custom query options
 * required (`queryOptions`, an operation's `requiredQuery`: query-options.ts), compared when both
 * summaries are of format 10 or later (EXPLICIT_BINDINGS_FORMAT, READ_ONLY_FORMAT,
 * INDEXABLE_BY_KEY_FORMAT, TIED_FORMAT, QUERY_OPTIONS_FORMAT).
 * 11 records the media types a stream property or a media entity type accepts (`mediaTypes`,
 * Core.AcceptableMediaTypes), compared when both summaries are of format 11 or later (MEDIA_TYPES_FORMAT).
 * 12 records a property write-only by its Core.Permissions (`writeOnly`), compared when both
 * summaries are of format 12 or later (WRITE_ONLY_FORMAT).
 * 14 records the Validation vocabulary constraints of an operation's parameters and return type
 * (their uses' `constraints`), compared when both summaries are of format 14 or later
 * (OPERATION_CONSTRAINTS_FORMAT).
 * 15 records a use of a type definition with the constraints checked since a use's own constraint
 * that cannot be checked leaves its type definition's of that term to check (model/validation-terms.ts);
 * before, it hid them, and builds of both rules wrote format 14. So a use of a type definition has
 * its constraints compared when both summaries are of format 15 or later (TYPEDEF_CONSTRAINTS_FORMAT).
 */
export const SUMMARY_FORMAT = 15;

/** The summary format from which a use of a type definition records constraints by one rule (its own that cannot be checked hide none of its type definition's). */
export const TYPEDEF_CONSTRAINTS_FORMAT = 15;

/** The summary format whose operations' parameter and return uses hold their Validation vocabulary constraints. */
export const OPERATION_CONSTRAINTS_FORMAT = 14;

/** The summary format that records the write types of an entity or complex type (`writeTypes`). */
export const WRITE_TYPES_FORMAT = 13;

/** The summary format that records a property write-only by its Core.Permissions. */
export const WRITE_ONLY_FORMAT = 12;

/** The summary format that records the media types a stream accepts. */
export const MEDIA_TYPES_FORMAT = 11;

/** The summary format that records operations bound explicitly and the addresses naming them. */
export const EXPLICIT_BINDINGS_FORMAT = 10;

/** The summary format that records a property read-only by its Core.Permissions. */
export const READ_ONLY_FORMAT = 10;

/** The summary format whose `restrictions` hold `key` (Capabilities.IndexableByKey false). */
export const INDEXABLE_BY_KEY_FORMAT = 10;

/** The summary format whose navigation properties hold `tied`. */
export const TIED_FORMAT = 10;

/** The summary format that records the custom query options required. */
export const QUERY_OPTIONS_FORMAT = 10;

/** `{ tied }` where a deep insert may leave properties out, else nothing. */
function withTied(names: readonly string[]): { tied?: string[] } {
  return names.length ? { tied: [...names] } : {};
}

/** The summary format whose properties and navigation properties hold what their Validation.DerivedTypeConstraint allows. */
export const DERIVED_TYPES_FORMAT = 9;

/** The summary format whose property uses hold their Validation vocabulary constraints. */
export const CONSTRAINTS_FORMAT = 8;

/** The summary format whose `restrictions` hold the query restrictions. */
export const QUERY_RESTRICTIONS_FORMAT = 7;

/** The facets a use of a type declares (CSDL §7.2); MaxLength is in every format. */
export interface FacetSummary {
  /** A number; `max` only in summaries kept by older versions (now left out, as no MaxLength). */
  maxLength?: number | "max";
  precision?: number;
  scale?: number | "variable" | "floating";
  srid?: string;
  unicode?: false;
}

export interface TypeUse extends FacetSummary {
  /** Qualified type name, e.g. `Edm.String` or `microsoft.graph.user`. */
  type: string;
  collection: boolean;
  nullable: boolean;
  /** A property annotated Core.Computed, Core.Immutable (format 2). */
  computed?: true;
  /** A property read-only by its Core.Permissions (`Read` alone), which the validators refuse in bodies as a computed one (format 10). */
  readOnly?: true;
  /** A property write-only by its Core.Permissions (`Write` alone), which reads do not hold: optional in the read type (format 12). */
  writeOnly?: true;
  /** A property's Validation vocabulary constraints, as the validators check them (format 8); an operation parameter's or return type's (format 14). */
  constraints?: ValueConstraints;
  /** The types a property's Validation.DerivedTypeConstraint allows (format 9). */
  derivedTypes?: string[];
  /** The media types a stream property accepts (Core.AcceptableMediaTypes, format 11). */
  mediaTypes?: string[];
  immutable?: true;
  /**
   * A property with a DefaultValue (a create may leave it out of a complex value). Absent in
   * summaries kept by older versions, which are only ever the old side of a comparison: only the
   * new side's is read (added-property.ts), so no format change.
   */
  defaultValue?: true;
}

export interface TypeSummary {
  kind: "entity" | "complex" | "enum" | "typedef";
  baseType?: string;
  abstract?: boolean;
  open?: boolean;
  properties: Map<string, TypeUse>;
  /** `alternateKeys`: a collection-valued one's own (diff/alternate-keys.ts), where it declares some (format 6). */
  /** `tied`: the target's properties a deep insert through it may leave out (its partner's referential constraint, format 10; rules.ts tiedByPartner). */
  navigation: Map<string, { target: string; collection: boolean; nullable: boolean; containsTarget: boolean; alternateKeys?: string[]; derivedTypes?: string[]; tied?: string[]; autoExpand?: true }>;
  /** Enum members' values; beyond ±2^53, their exact digits. */
  members: Map<string, number | string>;
  isFlags?: boolean;
  underlying?: string;
  /** A type definition's facets (format 2). */
  facets?: FacetSummary;
  /**
   * An entity type's key as its URLs name it (aliases for paths), where the type declares it; a
   * derived type's inherited key is its base type's. Absent in summaries kept by older versions.
   */
  key?: string[];
  /** The alternate keys the entity type declares (diff/alternate-keys.ts), where it declares some (format 6). */
  alternateKeys?: string[];
  /** Whether the entity type declares HasStream (a media entity); absent in older summaries. */
  hasStream?: boolean;
  /** The media types a media entity type's stream accepts (Core.AcceptableMediaTypes, format 11). */
  mediaTypes?: string[];
  /**
   * A concrete complex type with subtypes whose nested values are its `Any…` union (emit/context.ts
   * subtypeFamily): `true`; `false` when they are typed as the type alone (format 3).
   */
  union?: boolean;
  /**
   * A complex type its namespace's requests module has names of (`requestsNames`): `true`; absent
   * otherwise and in summaries kept by older versions. An entity type always has some.
   */
  requests?: true;
  /**
   * How its write types in the requests module are named after it (emit/write-types.ts
   * writeTypeSuffixes: `Input`, or `CreateInput` and `UpdateInput`); absent where it has none
   * (format 13), and unknown in summaries kept by older versions.
   */
  writeTypes?: string[];
}

export interface OperationSummary {
  kind: "action" | "function";
  /** Binding parameter type, for bound operations. */
  binding?: string;
  /** `optional`: the caller may leave it out (absent in summaries kept by older versions). */
  parameters: { name: string; use: TypeUse; optional?: boolean }[];
  returns?: TypeUse;
  /** Its function takes only an address whose metadata names it (format 10; explicit-bindings.ts). */
  explicit?: true;
  /** The custom query options a function requires (format 10; query-options.ts). */
  requiredQuery?: string[];
}

export interface ModelSummary {
  /** SUMMARY_FORMAT when written by this version; absent in summaries kept by older versions. */
  format?: number;
  types: Map<string, TypeSummary>;
  /** Keyed by `name(bindingType)` plus, for overloaded functions, their parameter names. */
  operations: Map<string, OperationSummary>;
  /** Entity sets and singletons of the service's containers (one, or those extending each other): name → entity type. */
  entrySets: Map<string, EntrySetSummary>;
  /**
   * Function and action imports of the service's containers: name → the operation they call (each is a
   * generated function). Absent in summaries kept by older versions.
   */
  imports?: Map<string, ImportSummary>;
  /** The URL forms the generated client uses (format 3). */
  urls?: UrlSummary;
  /** The service's OData version (version.ts: whether a body may bind as `p@bind`); absent in older summaries. */
  version?: ODataVersion;
  /** What the metadata forbids at each address builder (format 6; restrictions.ts); absent in older summaries. */
  restrictions?: RestrictionSummary;
  /** The explicitly bound operations each address builder names (format 10; explicit-bindings.ts); absent in older summaries. */
  explicitBindings?: ExplicitBindingSummary;
  /** The custom query options each collection's builder requires for a read (format 10; query-options.ts); absent in older summaries. */
  queryOptions?: QueryOptionSummary;
  /**
   * The doc comment of each described type, property, navigation property, operation, parameter,
   * entity set and singleton, by path (`ns.T/p`, `ns.f(ns.T)/x`), as a short hash (format 3).
   */
  docs?: Record<string, string>;
  /**
   * Only in `diff`'s summary of a slice (load.ts): each subtype the slice left out below a type it
   * keeps as a value (`omittedSubtypes`), by name → that nearest kept base type; not an abstract one.
   * A response may still carry one (`@odata.type`), which the slice's validators check as that base type.
   */
  leftOutSubtypes?: Map<string, string>;
  /**
   * Only in `diff`'s summary of a slice (load.ts): every entity and complex type of the whole model
   * the slice was cut from, kept or not, with its base type and whether it is abstract, so that a
   * left-out subtype new to the slice is told from one new to the service.
   */
  wholeModelTypes?: Map<string, { baseType?: string; abstract: boolean }>;
}

export interface ImportSummary {
  kind: "action import" | "function import";
  operation: string;
  /**
   * The namespace of the container declaring it, whose requests module has its generated function
   * (as an entity set's or singleton's); absent in summaries kept by older versions.
   */
  namespace?: string;
}

export interface EntrySetSummary {
  kind: "entity set" | "singleton";
  type: string;
  /** As ImportSummary's: the namespace whose requests module has its generated function; absent in older summaries. */
  namespace?: string;
  /** An entity set whose changes need an ETag (Core.OptimisticConcurrency); absent in older summaries. */
  etag?: boolean;
  /** The alternate keys an entity set declares for its members (diff/alternate-keys.ts), where it declares some (format 6). */
  alternateKeys?: string[];
  /**
   * NavigationPropertyBindings: path → target as the generated client follows it (bindingTarget in
   * requests-view.ts): `Set`, or `Set/path` into a containment, the container and type casts left
   * out; a target the client does not follow is kept as written. Absent
   * in summaries kept by older versions.
   */
  bindings?: Record<string, string>;
  /**
   * A singleton that may be null (CSDL 4.01 §13.3.3 `Nullable="true"`: its reads are typed `| null`);
   * absent for entity sets and in summaries kept by older versions.
   */
  nullable?: boolean;
}

export function use(t: TypeRef): TypeUse {
  return { type: t.type.qualifiedName, collection: t.collection, nullable: t.nullable, ...facetSummary(t.facets) };
}

/** The facets worth keeping: those declared, Unicode only when false (its default is true). */
/** A property's use, with the Core terms the generated validators read (validators-view.ts). */
function propertyUse(model: Model, p: Property): TypeUse {
  const u = use(p.type);
  if (isComputed(p)) u.computed = true;
  if (isReadOnly(p)) u.readOnly = true;
  if (isWriteOnly(p)) u.writeOnly = true;
  if (isImmutable(p)) u.immutable = true;
  if (p.defaultValue !== undefined) u.defaultValue = true;
  const constraints = propertyConstraints(p);
  if (constraints) u.constraints = constraints;
  const derived = allowedDerivedTypes(model, p);
  if (derived) u.derivedTypes = [...derived];
  const media = isAddressableStream(p) ? acceptableMediaTypes(p) : undefined;
  if (media) u.mediaTypes = media;
  return u;
}

/** `u` with the Validation vocabulary constraints `c`, where there are some. */
function constrained(u: TypeUse, c: ValueConstraints | undefined): TypeUse {
  return c ? { ...u, constraints: c } : u;
}

/** `{ derivedTypes }` where a Validation.DerivedTypeConstraint allows some types only, else nothing. */
function withDerivedTypes(allowed: readonly string[] | undefined): { derivedTypes?: string[] } {
  return allowed ? { derivedTypes: [...allowed] } : {};
}

function facetSummary(f: Facets): FacetSummary {
  const s: FacetSummary = {};
  // `max` is no limit, as no MaxLength is (JSON CSDL writes none): the generated code is the same.
  if (typeof f.maxLength === "number") s.maxLength = f.maxLength;
  if (f.precision !== undefined) s.precision = f.precision;
  if (f.scale !== undefined) s.scale = f.scale;
  if (f.srid !== undefined) s.srid = f.srid;
  if (f.unicode === false) s.unicode = false;
  return s;
}

/**
 * `options`: the URL options `generate` was given (each, absent, read from the spec); `diff` gives none.
 */
export function summarize(model: Model, options: { keyAsSegment?: boolean; unqualifiedOperations?: boolean } = {}): ModelSummary {
  const types = new Map<string, TypeSummary>();
  const operations = new Map<string, OperationSummary>();
  const docs: Record<string, string> = {};
  const doc = (path: string, annotations: Parameters<typeof docHash>[0]) => {
    const h = docHash(annotations);
    // Defined, not assigned: an entity set may be named `__proto__`.
    if (h !== undefined) Object.defineProperty(docs, path, { value: h, enumerable: true, writable: true, configurable: true });
  };
  for (const schema of model.schemas) {
    for (const t of schema.types) {
      const s: TypeSummary = { kind: t.kind, properties: new Map(), navigation: new Map(), members: new Map() };
      doc(t.qualifiedName, t.annotations);
      if (t.kind === "entity" || t.kind === "complex") {
        s.baseType = t.baseType?.qualifiedName;
        s.abstract = t.abstract;
        s.open = t.open;
        if (t.kind === "complex" && !t.abstract && t.derived.length > 0) s.union = subtypeFamily(t).length > 0;
        if (t.kind === "complex" && requestsNames(model, t)) s.requests = true;
        const written = writeTypeSuffixes(model, t);
        if (written.length) s.writeTypes = written;
        if (t.kind === "entity") {
          // Declared here, not inherited (a change to a base type's key is reported once, there).
          s.key = t.baseType?.key.length ? [] : [...t.keyNames];
          s.hasStream = t.hasStream && !t.baseType?.hasStream;
          const media = s.hasStream ? familyMediaTypes(t) : undefined;
          if (media) s.mediaTypes = media;
          const alternate = alternateKeyTexts(ownAlternateKeys(t, t.annotations, t.qualifiedName));
          if (alternate) s.alternateKeys = alternate;
        }
        for (const p of t.properties) {
          s.properties.set(p.name, propertyUse(model, p));
          doc(`${t.qualifiedName}/${p.name}`, p.annotations);
        }
        for (const n of t.navigationProperties) doc(`${t.qualifiedName}/${n.name}`, n.annotations);
        for (const n of t.navigationProperties)
          s.navigation.set(n.name, {
            target: n.target.qualifiedName, collection: n.collection, nullable: n.nullable, containsTarget: n.containsTarget,
            ...withAlternateKeys(n.collection ? ownAlternateKeys(n.target, n.annotations, `${t.qualifiedName}/${n.name}`) : []),
            ...withDerivedTypes(allowedDerivedTypes(model, n)),
            ...withTied(tiedByPartner(n)),
            ...(isAutoExpanded(n) ? { autoExpand: true as const } : {}),
          });
      } else if (t.kind === "enum") {
        s.isFlags = t.isFlags;
        s.underlying = t.underlying;
        for (const m of t.members) s.members.set(m.name, Number.isSafeInteger(m.value) ? m.value : m.exact);
      } else {
        s.underlying = t.underlying.qualifiedName;
        s.facets = facetSummary(t.facets);
      }
      types.set(t.qualifiedName, s);
    }
    const counts = new Map<string, number>();
    for (const op of schema.operations) counts.set(baseKey(op), (counts.get(baseKey(op)) ?? 0) + 1);
    for (const op of schema.operations) {
      const key = counts.get(baseKey(op))! > 1 ? `${baseKey(op)}[${op.parameters.map((p) => p.name).join(",")}]` : baseKey(op);
      doc(key, op.annotations);
      for (const p of op.parameters) doc(`${key}/${p.name}`, p.annotations);
      operations.set(key, {
        kind: op.kind,
        binding: op.binding ? typeLabel(use(op.binding.type)) : undefined,
        parameters: op.parameters.map((p) => ({ name: p.name, use: constrained(use(p.type), parameterConstraints(p)), optional: mayOmit(op.kind, p) })),
        returns: op.returnType ? constrained(use(op.returnType), returnConstraints(op)) : undefined,
        ...explicitFlag(model, op),
        ...requiredQueryOf(op),
      });
    }
  }
  // The sets, singletons and imports of every container the service has, all generated: the first
  // one read and those it extends or that extend it (CSDL §13.1.2), addressed at the same root.
  const entrySets = new Map<string, EntrySetSummary>();
  for (const c of model.schemas.flatMap((s) => s.containers)) {
    for (const es of c.entitySets) {
      if (entrySets.has(es.name)) continue;
      entrySets.set(es.name, {
        kind: "entity set", type: es.entityType.qualifiedName, namespace: c.namespace, etag: optimisticConcurrency(model, c, es), bindings: bindings(model, c, es.bindings),
        ...withAlternateKeys(ownAlternateKeys(es.entityType, es.annotations, `${c.qualifiedName}/${es.name}`)),
      });
      doc(es.name, es.annotations);
    }
    for (const s of c.singletons) {
      if (entrySets.has(s.name)) continue;
      entrySets.set(s.name, { kind: "singleton", type: s.type.qualifiedName, namespace: c.namespace, nullable: s.nullable, bindings: bindings(model, c, s.bindings) });
      doc(s.name, s.annotations);
    }
  }
  const imports = new Map<string, ImportSummary>();
  for (const c of model.schemas.flatMap((s) => s.containers))
    for (const i of c.imports)
      if (i.operations[0] && !imports.has(i.name)) {
        imports.set(i.name, { kind: i.kind === "actionImport" ? "action import" : "function import", operation: i.operations[0].qualifiedName, namespace: c.namespace });
        // Its description is its generated function's doc comment (operation-view.ts).
        doc(i.name, i.annotations);
      }
  return { format: SUMMARY_FORMAT, types, operations, entrySets, imports, urls: urlSummary(model, options), docs, version: model.odataVersion ?? "4.0", restrictions: restrictionSummary(model), explicitBindings: explicitBindingSummary(model), queryOptions: queryOptionSummary(model) };
}

/**
 * Whether a complex type has names in its namespace's requests module (requests-view.ts): a write
 * type (`XInput`, where a body writes it otherwise), a path builder of a navigation property of its
 * own, or of a single-valued complex property whose type leads to navigation properties.
 */
function requestsNames(model: Model, t: ComplexType): boolean {
  if (t.navigationProperties.length > 0 || typesWithWriteTypes(model).has(t)) return true;
  const leads = leadsToNavigation(model);
  return t.properties.some((p) => !p.type.collection && p.type.type.kind === "complex" && leads.has(p.type.type));
}

/**
 * A set's bindings by path, each target as the generated client follows it (EntrySetSummary.bindings):
 * `Set` or `Set/contained/path` in a container of the service (resolveBindingTarget, which the request
 * emitter uses too), else the target as written (one the client does not follow).
 */
function bindings(model: Model, c: EntityContainer, list: NavigationBinding[]): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const b of [...list].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))) {
    const place = resolveBindingTarget(model, c, b);
    // Defined, not assigned: a path named `__proto__` is a key like any other.
    Object.defineProperty(byPath, b.path, { value: !place ? b.target : place.within ? `${place.root.name}/${place.within}` : place.root.name, enumerable: true, writable: true, configurable: true });
  }
  return byPath;
}

function baseKey(op: Operation): string {
  return op.binding ? `${op.qualifiedName}(${typeLabel(use(op.binding.type))})` : `${op.qualifiedName}()`;
}

export function typeLabel(u: TypeUse): string {
  const t = typeof u.maxLength === "number" ? `${u.type}(${u.maxLength})` : u.type;
  return u.collection ? `Collection(${t})` : t;
}

type Obj<T> = Record<string, T>;
interface TypeJson extends Omit<TypeSummary, "properties" | "navigation" | "members"> {
  properties: Obj<TypeUse>;
  navigation: Obj<{ target: string; collection: boolean; nullable: boolean; containsTarget: boolean }>;
  members: Obj<number | string>;
}
interface SummaryJson {
  format?: number;
  types: Obj<TypeJson>;
  operations: Obj<OperationSummary>;
  entrySets: Obj<EntrySetSummary>;
  imports?: Obj<ImportSummary>;
  urls?: UrlSummary;
  docs?: Obj<string>;
  version?: ODataVersion;
  restrictions?: RestrictionSummary;
  explicitBindings?: ExplicitBindingSummary;
  queryOptions?: QueryOptionSummary;
}

/** A summary as JSON text (kept between runs to report what a spec change changed). */
/** `{ alternateKeys }` where there are some, else nothing (a summary records none by leaving it out). */
function withAlternateKeys(keys: readonly AlternateKey[]): { alternateKeys?: string[] } {
  const texts = alternateKeyTexts(keys);
  return texts ? { alternateKeys: texts } : {};
}

export function summaryToJson(s: ModelSummary): string {
  const types: Obj<TypeJson> = {};
  for (const [k, t] of s.types)
    types[k] = { ...t, properties: Object.fromEntries(t.properties), navigation: Object.fromEntries(t.navigation), members: Object.fromEntries(t.members) };
  const json: SummaryJson = { format: s.format, types, operations: Object.fromEntries(s.operations), entrySets: Object.fromEntries(s.entrySets) };
  if (s.imports) json.imports = Object.fromEntries(s.imports);
  if (s.urls) json.urls = s.urls;
  if (s.docs) json.docs = s.docs;
  if (s.version) json.version = s.version;
  if (s.restrictions) json.restrictions = s.restrictions;
  if (s.explicitBindings) json.explicitBindings = s.explicitBindings;
  if (s.queryOptions) json.queryOptions = s.queryOptions;
  return JSON.stringify(json);
}

export function summaryFromJson(text: string): ModelSummary {
  const j = JSON.parse(text) as SummaryJson;
  const types = new Map<string, TypeSummary>();
  for (const [k, t] of Object.entries(j.types))
    types.set(k, { ...t, properties: new Map(Object.entries(t.properties)), navigation: new Map(Object.entries(t.navigation)), members: new Map(Object.entries(t.members)) });
  const summary: ModelSummary = { format: j.format, types, operations: new Map(Object.entries(j.operations)), entrySets: new Map(Object.entries(j.entrySets)) };
  if (j.imports) summary.imports = new Map(Object.entries(j.imports));
  if (j.urls) summary.urls = j.urls;
  if (j.docs) summary.docs = j.docs;
  if (j.version) summary.version = j.version;
  if (j.restrictions) summary.restrictions = j.restrictions;
  if (j.explicitBindings) summary.explicitBindings = j.explicitBindings;
  if (j.queryOptions) summary.queryOptions = j.queryOptions;
  return summary;
}
