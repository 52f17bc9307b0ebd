/**
 * Builds the resolved model from raw CSDL documents: one pass to declare every named element, one to
 * link references. Problems become diagnostics with the element's path and position.
 */
import { applyAnnotationGroups, qualify, splitTarget } from "./annotation-groups";
import type { SourceText } from "../parse/source";
import { checkBaseChains } from "./base-chains";
import { AppliedAnnotations } from "./applied-annotations";
import { checkAnnotation } from "./annotation-values";
import { checkReferences } from "./references";
import { checkBindings, checkNavigationLinks, KEY_PATH, walkPath, type LinkContext } from "./links";
import { checkAnnotationTarget, type TargetContext } from "./targets";
import { checkFunctionOverloads } from "./overloads";
import { nearestName } from "../nearest-name";
import { meantPrimitive, nearestPrimitive } from "./primitive-hint";
import { Codes, placeOf, type DiagnosticBag, type SourceRef } from "../diagnostics";
import type {
  RawAnnotation,
  RawAnnotationGroup,
  RawDeferrable,
  RawDocument,
  RawEntityContainer,
  RawEnumType,
  RawFacets,
  RawOperation,
  RawParameter,
  RawSchema,
  RawStructuredType,
} from "../parse/raw";
import {
  ENUM_RANGES,
  enumMemberValue,
  isEnumLiteral,
  isLiteralOf,
  isSrid,
  MAX_TEMPORAL_PRECISION,
  TEMPORAL,
  isNamespace,
  isSimpleIdentifier,
  RESERVED_NAMES,
  LEGACY_PRIMITIVES,
  parseTypeName,
  PRIMITIVES,
  readFacets,
  xsBoolean,
} from "./rules";
import type {
  Annotation,
  ComplexType,
  EntityContainer,
  EntityType,
  EnumType,
  Model,
  NavigationBinding,
  NavigationProperty,
  ModelType,
  Operation,
  Parameter,
  PrimitiveName,
  PrimitiveType,
  Property,
  Schema,
  SchemaType,
  StructuredType,
  TypeDefinition,
  TypeRef,
  Facets,
} from "./types";

const primitiveCache = new Map<string, PrimitiveType>();
export function primitive(name: PrimitiveName): PrimitiveType {
  let p = primitiveCache.get(name);
  if (!p) primitiveCache.set(name, (p = { kind: "primitive", name, qualifiedName: `Edm.${name}` }));
  return p;
}

interface Pending {
  raw: RawStructuredType;
  type: StructuredType;
}

export function buildModel(docs: RawDocument[], diags: DiagnosticBag): Model {
  return new ModelBuilder(docs, diags).build();
}

/** A model whose types and operations are shells until `fill` / `fillOperation` completes them. */
export interface LazyModel {
  model: Model;
  /**
   * Reads (`readBody`) and links the members of an entity or complex type, its base types' first,
   * then its key (own, checked against the bases', or inherited) — as `buildModel` does for every
   * type; reads an enum type's members. Idempotent; other types are complete already.
   */
  fill(t: SchemaType): void;
  /**
   * Reads and links an operation's parameters after the first, its return type and annotations.
   * False when the operation is left out instead (a type it names is not defined, ODG103), with the
   * imports left with none of their operations. Idempotent.
   */
  fillOperation(op: Operation): boolean;
  /** Fills the type an annotation target path (`ns.type/member`) starts with. */
  fillTarget(target: string, source?: SourceText): void;
  /** The annotations applied so far (each term and qualifier once per target), for the blocks read later. */
  applied: AppliedAnnotations;
  /**
   * Checks what the filled types' navigation properties and the bindings of the entity sets and
   * singletons of `keep`'s entity types name (links.ts), filling the types they lead to; a binding
   * that leads nowhere is left out. Once, before the slice is copied.
   */
  checkLinks(keep: ReadonlySet<SchemaType>): void;
  /** Reports the blocks whose Target names no element (targets.ts), filling what they lead through. */
  checkTargets(groups: readonly RawAnnotationGroup[]): void;
}

/** An operation (one overload) left out, and why (ModelBuilder.leftOutOperations). */
interface LeftOut {
  kind: Operation["kind"];
  bound: boolean;
  why: string;
  /** Its parameters' names, the binding one's too; undefined when not all are read (lazy mode). */
  parameters: string[] | undefined;
}

/** Characters no element name may hold (see ModelBuilder.identifier). */
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u2028\u2029*]/;

/**
 * Whether a required attribute has a value. The reader reads a missing (or empty) one as "" and
 * reports it (ODG101); the checks that would only echo it (an undefined type "", a name "" twice)
 * are skipped.
 */
function given(value: string): boolean {
  return value !== "";
}

/**
 * For a slice: the model with every entity, complex and enum type a shell (name, base type, flags
 * and subtypes are known; members, key and own annotations are not) and every operation known by
 * its binding parameter only, each filled when the slice needs it. `readBody` completes a raw
 * element whose content was deferred (its `body`). The documents' annotation blocks must be
 * deferred too (they may target members); problems inside an element that is never filled are
 * never reported.
 */
export function buildLazyModel(docs: RawDocument[], diags: DiagnosticBag, readBody: (raw: RawDeferrable) => void): LazyModel {
  const builder = new ModelBuilder(docs, diags, readBody);
  const model = builder.build();
  return {
    model,
    fill: (t) => builder.fill(t),
    fillOperation: (op) => builder.fillOperation(op),
    fillTarget: (target, source) => builder.fillTarget(target, source),
    applied: builder.applied,
    checkLinks: (keep) => builder.checkLinks((t) => keep.has(t)),
    checkTargets: (groups) => builder.checkTargets(groups),
  };
}

class ModelBuilder {
  readonly aliases = new Map<string, string>();
  /** The aliases each document declares (Model.documentAliases). */
  readonly documentAliases = new Map<SourceText, Map<string, string>>();
  readonly types = new Map<string, SchemaType>();
  /** Namespaces that are referenced (edmx:Reference), with the Uri of the first reference to each. */
  readonly referenced = new Map<string, string>();
  /** Namespaces of the schemas the inputs hold. */
  readonly loaded = new Set<string>();
  readonly operations = new Map<string, Operation[]>();
  readonly schemas: Schema[] = [];
  /** Containers another one names in `Extends`, qualified. */
  readonly extendedContainers = new Set<string>();
  /**
   * Work left for "did you mean" suggestions, in names compared: each looks through the types of a
   * namespace, so a document of thousands of misspelt names over thousands of types gets the first
   * ones only (a suggestion is a courtesy; its cost must not grow with the square of the document).
   */
  hintBudget = 50_000;
  /**
   * Operations (overloads) left out because a type they name is declared by no document (operation(),
   * fillOperation()), by qualified name: what each was, and why, for the imports that name them.
   */
  readonly leftOutOperations = new Map<string, LeftOut[]>();
  /** Imports left out with a warning (`ns.Container/Name`): an annotation block that targets one goes with it (checkTargets). */
  readonly leftOutImports = new Set<string>();
  /** Type names by namespace, for suggestions (made on the first one). */
  typesByNamespace: Map<string, SchemaType[]> | undefined;
  /** Types by their name without the namespace, for a suggestion where the namespace was left out (made on the first one). */
  typesByLocalName: Map<string, SchemaType[]> | undefined;
  /** Each namespace by its lower-case form, with where its schema is: one file set per namespace (checkSchemaNames). */
  readonly namespaceKeys = new Map<string, { namespace: string; at: SourceRef }>();
  readonly externalAnnotations = new Map<string, Annotation[]>();
  /** Lazy mode: the types not filled yet, with their raw elements. */
  readonly unfilled = new Map<StructuredType, RawStructuredType>();
  readonly unfilledEnums = new Map<EnumType, RawEnumType>();
  /** Lazy mode: operations left out when they were filled (fillOperation). */
  readonly leftOutFilled = new Set<Operation>();
  /** Lazy mode: operations not filled yet, with their raw elements and how many parameters were read. */
  readonly unfilledOperations = new Map<Operation, { raw: RawOperation; read: number; target: string }>();
  /** memberNames: each structured type's own member names. */
  readonly memberNameSets = new Map<StructuredType, Set<string>>();
  /** Each term and qualifier applied once per target: the element's own first, then the blocks'. */
  readonly applied: AppliedAnnotations;
  /** Operations declared so far: an overload's annotations are its own (`annotations`' target). */
  operationCount = 0;
  /** Navigation properties whose Partner or constraints are checked once every type is linked (checkLinks). */
  readonly linksToCheck: NavigationProperty[] = [];
  /** Types whose key was reported and left out (ownKey): their entity sets are not reported again. */
  readonly keysLeftOut = new Set<EntityType>();
  /** Entity containers by qualified name. */
  readonly containers = new Map<string, EntityContainer>();
  /** The terms the schemas declare, by qualified name (made when the first annotation block is checked). */
  termNames?: Set<string>;

  constructor(
    readonly docs: RawDocument[],
    readonly diags: DiagnosticBag,
    /** Lazy mode (buildLazyModel): reads a deferred content. */
    readonly readBody?: (raw: RawDeferrable) => void,
  ) {
    this.applied = new AppliedAnnotations(diags);
  }

  build(): Model {
    const namespaces = new Set<string>();
    for (const doc of this.docs) {
      for (const ref of doc.references) for (const inc of ref.includes) namespaces.add(inc.namespace);
      for (const s of doc.schemas) {
        namespaces.add(s.namespace);
        this.loaded.add(s.namespace);
      }
    }
    for (const doc of this.docs) {
      checkReferences(doc, this.diags);
      const local = new Map<string, string>();
      for (const ref of doc.references)
        for (const inc of ref.includes) {
          if (!this.referenced.has(inc.namespace)) this.referenced.set(inc.namespace, ref.uri);
          if (inc.alias !== undefined) this.declareAlias(inc.alias, inc.namespace, namespaces, inc.at, local);
        }
      for (const s of doc.schemas) if (s.alias !== undefined) this.declareAlias(s.alias, s.namespace, namespaces, s.at, local);
      const source = doc.schemas[0]?.at.source;
      if (source) this.documentAliases.set(source, local);
    }
    // Pass 1: declare every type so references may point forward and across schemas.
    const pending: Pending[] = [];
    const rawSchemas: { raw: RawSchema; schema: Schema }[] = [];
    for (const doc of this.docs)
      for (const raw of doc.schemas) {
        this.checkSchemaNames(raw);
        const schema: Schema = {
          namespace: raw.namespace,
          alias: raw.alias,
          types: [],
          operations: [],
          terms: [],
          containers: [],
          file: doc.file,
        };
        this.schemas.push(schema);
        rawSchemas.push({ raw, schema });
        this.declareTypes(raw, schema, pending);
      }
    // Pass 2: link base types, then members.
    for (const p of pending) this.linkBase(p);
    checkBaseChains(pending.map((p) => p.type), this.diags);
    if (this.readBody) {
      for (const p of pending) this.unfilled.set(p.type, p.raw);
    } else {
      for (const p of pending) this.linkMembers(p);
      for (const p of pending) this.checkInheritedNames(p.type);
      for (const p of pending) if (p.type.kind === "entity") this.ownKey(p.type, p.raw);
      for (const p of pending) if (p.type.kind === "entity" && p.raw.key) this.checkKeyNotInherited(p.type, p.raw);
      for (const p of pending) if (p.type.kind === "entity") this.inheritKey(p.type);
    }
    for (const { raw, schema } of rawSchemas) this.declareOperations(raw, schema);
    const service = this.serviceContainers(rawSchemas.flatMap(({ raw, schema }) => raw.containers.map((c) => ({ c, ns: schema.namespace }))));
    for (const { raw, schema } of rawSchemas) {
      for (const t of raw.terms) {
        this.identifier(t.name, "term", `${schema.namespace}.${t.name}`, t.at);
        schema.terms.push({
          name: t.name,
          namespace: schema.namespace,
          qualifiedName: `${schema.namespace}.${t.name}`,
          annotations: this.annotations(t.annotations, `${schema.namespace}.${t.name}`),
          at: t.at,
          type: this.typeRef(t.type, t, `${schema.namespace}.${t.name}`, t.at),
          appliesTo: t.appliesTo ? t.appliesTo.split(/\s+/).filter(Boolean) : [],
          defaultValue: t.defaultValue,
        });
      }
      for (const c of raw.containers) {
        const qualifiedName = `${schema.namespace}.${c.name}`;
        const inService = service.members.has(qualifiedName);
        const container = this.container(c, schema.namespace, inService);
        if (inService) schema.containers.push(container);
        else
          this.diags.warning(Codes.duplicateName,
            `a second entity container ${container.qualifiedName} (CSDL §13: a service has exactly one; ${service.main?.name} at ${placeOf(service.main?.at as SourceRef)} is the service's); it is left out`,
            container.qualifiedName, container.at);
      }
    }
    this.checkServiceNames(this.schemas.flatMap((s) => s.containers));
    if (!this.readBody) this.checkLinks(() => true);
    // The service's container: of those extending each other, the one no other extends (CSDL
    // §13.1.2: the service's own container extends one of a referenced document), whatever the
    // order the inputs were given in.
    const containers = this.schemas.flatMap((s) => s.containers);
    const container = containers.find((c) => c.qualifiedName === service.main?.name) ?? containers[0];
    const model: Model = {
      schemas: this.schemas,
      types: this.types,
      aliases: this.aliases,
      documentAliases: this.documentAliases,
      container,
      externalAnnotations: this.externalAnnotations,
    };
    for (const { raw } of rawSchemas) {
      // Lazy mode with blocks read in place (they were not deferred): a block's target is filled first.
      if (this.readBody) for (const g of raw.annotationGroups) this.fillTarget(g.target, g.at.source);
      this.checkTargets(raw.annotationGroups);
      applyAnnotationGroups(model, raw.annotationGroups, this.applied);
    }
    return model;
  }

  /**
   * Lazy mode: one type's members, as the eager passes would link them. The base comes first, so
   * that its key (own or inherited) is known when this type's key is checked and inherited.
   */
  fill(type: SchemaType): void {
    if (type.kind === "enum") return this.fillEnum(type);
    if (type.kind !== "entity" && type.kind !== "complex") return;
    const raw = this.unfilled.get(type);
    if (!raw) return;
    this.unfilled.delete(type);
    if (type.baseType) this.fill(type.baseType);
    const before = this.diags.items.length;
    this.readBody?.(raw);
    // As when the whole document is read: a content the reader reports an error on is not linked (the run fails
    // anyway); one it only warns about (ODG112) is.
    if (this.diags.hasErrorsSince(before)) return;
    // Its own annotations come before any an annotation block adds (those are applied after fill).
    if (raw.annotations.length) type.annotations.unshift(...this.annotations(raw.annotations, type.qualifiedName));
    this.linkMembers({ raw, type });
    this.checkInheritedNames(type);
    if (type.kind !== "entity") return;
    this.ownKey(type, raw);
    if (raw.key) this.checkKeyNotInherited(type, raw);
    this.inheritKey(type);
  }

  /** Lazy mode: an enum type's members and own annotations. */
  fillEnum(type: EnumType): void {
    const raw = this.unfilledEnums.get(type);
    if (!raw) return;
    this.unfilledEnums.delete(type);
    const before = this.diags.items.length;
    this.readBody?.(raw);
    if (this.diags.hasErrorsSince(before)) return;
    type.members = this.enumMembers(raw, type.qualifiedName, type.underlying);
    // Its own annotations come before any an annotation block adds.
    if (raw.annotations.length) type.annotations.unshift(...this.annotations(raw.annotations, type.qualifiedName));
  }

  /**
   * Lazy mode: an operation's parameters after the first (which was read with the model: it binds
   * a bound operation), its return type and its annotations, in document order.
   */
  fillOperation(op: Operation): boolean {
    const entry = this.unfilledOperations.get(op);
    if (!entry) return !this.leftOutFilled.has(op);
    this.unfilledOperations.delete(op);
    const { raw, read, target } = entry;
    const annotationsRead = raw.annotations.length;
    const before = this.diags.items.length;
    this.readBody?.(raw);
    if (this.diags.hasErrorsSince(before)) return true;
    if (this.undefinedTypes(raw, op.qualifiedName, raw.parameters.slice(read), op.returnType ? undefined : raw.returnType)) {
      this.leftOutFilled.add(op);
      this.leaveOut(new Set([op]));
      this.dropEmptyImports(op);
      return false;
    }
    op.parameters.push(...raw.parameters.slice(read).map((p) => this.parameter(p, op.qualifiedName, target)));
    if (!op.returnType) op.returnType = this.returnType(raw, op.qualifiedName);
    op.annotations.push(...this.annotations(raw.annotations.slice(annotationsRead), target, op.qualifiedName));
    return true;
  }

  /** Lazy mode: fills the type an annotation target path starts with. */
  fillTarget(target: string, source?: SourceText): void {
    const t = this.types.get(splitTarget(this, target, source).head);
    if (t) this.fill(t);
  }

  /**
   * What names another element (links.ts): the Partner and constraints of the navigation properties
   * linked so far, and the bindings of the entity sets and singletons whose type `checked` accepts.
   */
  checkLinks(checked: (t: EntityType) => boolean): void {
    const ctx: LinkContext = {
      diags: this.diags,
      types: this.types,
      qualify: (name, at) => this.qualify(name, at),
      fill: this.readBody && ((t) => this.fill(t)),
      loaded: this.loaded,
    };
    // Lazy mode: the overloads of the functions the slice filled (the others' parameters are not read).
    if (this.readBody)
      for (const list of this.operations.values())
        if (list.length > 1) this.leaveOut(checkFunctionOverloads(this.diags, list.filter((op) => !this.unfilledOperations.has(op))));
    // Filling a target may link more navigation properties: those are not the slice's, and stay unchecked.
    const navigation = this.linksToCheck.splice(0);
    for (const n of navigation) checkNavigationLinks(ctx, n);
    const keep = (owner: string, type: EntityType, bindings: NavigationBinding[], c: EntityContainer) =>
      bindings.length && checked(type) ? checkBindings(ctx, owner, type, bindings, this.containers, c) : bindings;
    for (const c of this.containers.values()) {
      for (const s of c.entitySets) {
        if (!checked(s.entityType)) continue;
        // CSDL §8.2: the type of an entity set has a key (its members are addressed by it).
        if (this.readBody) this.fill(s.entityType);
        if (s.entityType.key.length === 0 && !this.keyLeftOut(s.entityType))
          this.diags.warning(Codes.badKey, `entity set ${s.name} has entity type ${s.entityType.qualifiedName}, which has no key (CSDL §8.2: an entity set's type has one); its members cannot be addressed by key`, `${c.qualifiedName}/${s.name}`, s.at);
      }
      for (const s of c.entitySets) s.bindings = keep(`${c.qualifiedName}/${s.name}`, s.entityType, s.bindings, c);
      for (const s of c.singletons) s.bindings = keep(`${c.qualifiedName}/${s.name}`, s.type, s.bindings, c);
    }
  }

  /** Reports each `<Annotations>` block whose Target names no element of the inputs' namespaces (targets.ts). */
  checkTargets(groups: readonly RawAnnotationGroup[]): void {
    if (groups.length === 0) return;
    const ctx: TargetContext = {
      diags: this.diags,
      types: this.types,
      qualify: (name, at) => this.qualify(name, at),
      fill: this.readBody && ((t) => this.fill(t)),
      fillEnum: this.readBody && ((t) => this.fill(t)),
      filled: this.readBody && ((op) => !this.unfilledOperations.has(op)),
      loaded: this.loaded,
      containers: this.containers,
      operations: this.operations,
      leftOut: this.leftOutOperations,
      leftOutImports: this.leftOutImports,
      terms: (this.termNames ??= new Set(this.schemas.flatMap((s) => s.terms.map((t) => t.qualifiedName)))),
    };
    for (const g of groups) checkAnnotationTarget(ctx, g);
  }

  /** Whether the type's key, or the key it would inherit, was left out (ownKey), and so reported. */
  keyLeftOut(t: EntityType): boolean {
    for (let c: EntityType | undefined = t; c; c = c.baseType) if (this.keysLeftOut.has(c)) return true;
    return false;
  }

  /** Replaces a leading alias with its namespace (CSDL §5.2: an alias may stand for the namespace). */
  qualify(name: string, at: SourceRef): string {
    return qualify(this, name, at.source);
  }


  /**
   * An element's own annotations; `target` names the element (`ns.type/property`), `path` is how
   * diagnostics name it. A term applied twice with one qualifier applies once (AppliedAnnotations).
   */
  annotations(raw: readonly RawAnnotation[], target: string, path = target): Annotation[] {
    const out: Annotation[] = [];
    for (const a of raw) {
      const term = this.qualify(a.term, a.at);
      if (!checkAnnotation(this.diags, a, term, path)) continue;
      if (this.applied.admit(target, term, a.qualifier, a.at, path)) out.push({ term, qualifier: a.qualifier, value: a.value });
    }
    return out;
  }

  /**
   * CSDL §15.2 makes every schema element's name a simple identifier. Real services stray (Graph has
   * properties named `request-id`), and generated code quotes such names, so only what no quoting
   * makes safe is refused: control characters and line breaks, which would end a comment line, and
   * `*`, which could close a doc comment that names the element. (An empty name was reported by the
   * reader, as a missing or empty attribute.)
   */
  identifier(name: string, what: string, path: string, at: SourceRef): void {
    if (UNSAFE_IN_NAME.test(name))
      this.diags.error(Codes.invalidAttribute, `${what} name ${JSON.stringify(name)} holds a control character, a line break or "*" (CSDL §15.2: names are simple identifiers)`, path, at);
  }

  /**
   * A check that reports a name `owner` declares twice (ODG104), at the later of the two in the
   * document (members are checked kind by kind, properties before navigation properties), naming
   * the line of the first.
   */
  uniqueNames(owner: string): (name: string, at: SourceRef) => void {
    const names = new Map<string, SourceRef>();
    return (name, at) => {
      if (!given(name)) return;
      const first = names.get(name);
      if (!first) {
        names.set(name, at);
        return;
      }
      const [earlier, later] = first.source === at.source && first.offset > at.offset ? [at, first] : [first, at];
      this.diags.error(Codes.duplicateName, `${owner} declares ${name} more than once; the first is at ${placeOf(earlier)}`, `${owner}/${name}`, later);
    };
  }

  declare(schema: Schema, type: SchemaType, path: string): void {
    this.identifier(type.name, "type", path, type.at);
    const first = this.types.get(type.qualifiedName);
    if (first && given(type.name)) {
      // Types are declared kind by kind; the one reported is the later in its document.
      const later = first.at.source === type.at.source && first.at.offset > type.at.offset ? first : type;
      const earlier = later === first ? type : first;
      this.diags.error(Codes.duplicateName, `${type.qualifiedName} is defined more than once; the first is at ${placeOf(earlier.at)}`, path, later.at);
      return;
    }
    this.types.set(type.qualifiedName, type);
    schema.types.push(type);
  }

  declareTypes(raw: RawSchema, schema: Schema, pending: Pending[]): void {
    const ns = raw.namespace;
    const named = (name: string, annotations: RawAnnotation[], at: SourceRef) => ({
      name,
      namespace: ns,
      qualifiedName: `${ns}.${name}`,
      annotations: this.annotations(annotations, `${ns}.${name}`),
      at,
    });
    for (const e of raw.enumTypes) {
      const underlying = this.enumUnderlying(e.underlyingType, `${ns}.${e.name}`, e.at);
      const t: EnumType = {
        kind: "enum",
        ...named(e.name, e.annotations, e.at),
        underlying,
        isFlags: this.flag("IsFlags", e.isFlags, `${ns}.${e.name}`, e.at),
        members: this.enumMembers(e, `${ns}.${e.name}`, underlying),
      };
      this.declare(schema, t, t.qualifiedName);
      if (this.readBody && e.body) this.unfilledEnums.set(t, e);
    }
    for (const d of raw.typeDefinitions) {
      const path = `${ns}.${d.name}`;
      const u = this.primitiveName(d.underlyingType);
      if (!u && given(d.underlyingType)) {
        const near = (this.hintBudget -= PRIMITIVES.size) >= 0 ? meantPrimitive(d.underlyingType) : undefined;
        this.diags.error(Codes.unknownPrimitive, `type definition's underlying type ${d.underlyingType} is not an Edm primitive type${near ? ` (did you mean ${near}?)` : ""}`, path, d.at);
      }
      const t: TypeDefinition = {
        kind: "typedef",
        ...named(d.name, d.annotations, d.at),
        underlying: primitive(u ?? "String"),
        facets: this.facets(d, path, d.at, u),
      };
      this.declare(schema, t, path);
    }
    for (const c of raw.complexTypes) {
      const t: ComplexType = {
        kind: "complex",
        ...named(c.name, c.annotations, c.at),
        abstract: this.flag("Abstract", c.abstract, `${ns}.${c.name}`, c.at),
        open: this.flag("OpenType", c.openType, `${ns}.${c.name}`, c.at),
        derived: [],
        properties: [],
        navigationProperties: [],
      };
      this.declare(schema, t, t.qualifiedName);
      pending.push({ raw: c, type: t });
    }
    for (const e of raw.entityTypes) {
      const t: EntityType = {
        kind: "entity",
        ...named(e.name, e.annotations, e.at),
        abstract: this.flag("Abstract", e.abstract, `${ns}.${e.name}`, e.at),
        open: this.flag("OpenType", e.openType, `${ns}.${e.name}`, e.at),
        hasStream: this.flag("HasStream", e.hasStream, `${ns}.${e.name}`, e.at),
        derived: [],
        properties: [],
        navigationProperties: [],
        key: [],
        keyNames: [],
      };
      this.declare(schema, t, t.qualifiedName);
      pending.push({ raw: e, type: t });
    }
  }

  enumMembers(e: RawEnumType, qualifiedName: string, underlying: PrimitiveName): EnumType["members"] {
    const unique = this.uniqueNames(qualifiedName);
    const [min, max] = ENUM_RANGES[underlying] ?? ENUM_RANGES.Int64!;
    return e.members.map((m, i) => {
      const path = `${qualifiedName}/${m.name}`;
      this.identifier(m.name, "enum member", path, m.at);
      unique(m.name, m.at);
      const value = enumMemberValue(m.value, i);
      if (m.value !== undefined) {
        // CSDL §10.2: an integer the underlying type holds.
        const integer = /^\s*[+-]?[0-9]+\s*$/.test(m.value) ? BigInt(m.value.trim()) : undefined;
        if (integer === undefined || integer < min || integer > max) {
          this.diags.warning(Codes.invalidAttribute, `Value=${JSON.stringify(m.value)} is not an integer Edm.${underlying} holds (${min} to ${max}); read as ${value}`, path, m.at);
        } else if (!Number.isSafeInteger(value)) {
          this.diags.warning(Codes.invalidAttribute, `Value=${JSON.stringify(m.value)} is beyond the integers JavaScript holds exactly (±2^53); read as ${value}`, path, m.at);
        }
      }
      return { name: m.name, value, annotations: this.annotations(m.annotations, path) };
    });
  }

  enumUnderlying(raw: string | undefined, path: string, at: SourceRef): PrimitiveName {
    if (raw === undefined) return "Int32";
    const p = this.primitiveName(raw);
    if (p === "Byte" || p === "SByte" || p === "Int16" || p === "Int32" || p === "Int64") return p;
    this.diags.error(Codes.invalidAttribute, `enum underlying type must be Edm.Byte, SByte, Int16, Int32 or Int64, not ${raw}`, path, at);
    return "Int32";
  }

  primitiveName(name: string): PrimitiveName | undefined {
    if (!name.startsWith("Edm.")) return undefined;
    const local = name.slice(4);
    if (PRIMITIVES.has(local)) return local as PrimitiveName;
    return LEGACY_PRIMITIVES.get(local);
  }

  /** Resolves a type name; reports and returns undefined when it names nothing known. */
  resolveType(rawName: string, path: string, at: SourceRef): ModelType | undefined {
    if (!given(rawName)) return undefined;
    if (rawName.startsWith("Edm.")) {
      const p = this.primitiveName(rawName);
      if (p) return primitive(p);
      // Services in the wild declare types such as Edm.Float: generate what can be, and say so.
      const near = (this.hintBudget -= PRIMITIVES.size) >= 0 ? nearestPrimitive(rawName.slice(4)) : undefined;
      this.diags.warning(Codes.unknownPrimitive, `${rawName} is not an OData primitive type${near ? ` (did you mean Edm.${near}?)` : ""}; it is read as Edm.Untyped`, path, at);
      return primitive("Untyped");
    }
    const q = this.qualify(rawName, at);
    const t = this.types.get(q);
    if (t) return t;
    const ns = q.slice(0, q.lastIndexOf("."));
    const uri = this.referenced.get(ns);
    if (uri !== undefined && !this.loaded.has(ns)) {
      // odatagen reads the documents it is given; it does not fetch or open a reference's Uri.
      this.diags.warning(Codes.unresolvedReference,
        `type ${rawName} is in namespace ${ns}, which is referenced (edmx:Reference Uri=${JSON.stringify(uri)}) but not among the inputs; it is read as Edm.Untyped. References are not followed: give that document as an input too (--input, or the service's input list)`,
        path, at);
      return primitive("Untyped");
    }
    this.diags.error(Codes.undefinedType, `type ${rawName} is not defined${rawName !== q ? ` (read as ${q})` : ""}${this.missingTypeHint(q)}`, path, at);
    return undefined;
  }

  /**
   * Why the qualified name `q` names no type, for the message that says so: its namespace is one a
   * document references but the inputs do not hold (references are not followed), or a type of its
   * namespace, of one of `kinds` (any when absent), is spelt nearly so ("did you mean"). "" when
   * neither.
   */
  missingTypeHint(q: string, kinds?: readonly SchemaType["kind"][]): string {
    const dot = q.lastIndexOf(".");
    const ns = q.slice(0, Math.max(dot, 0));
    const uri = this.referenced.get(ns);
    if (dot >= 0 && uri !== undefined && !this.loaded.has(ns))
      return `: namespace ${ns} is referenced (edmx:Reference Uri=${JSON.stringify(uri)}) but not among the inputs; references are not followed: give that document as an input too`;
    // Without its namespace: a schema's type of that name (`Text` for `ns.Text`), else a primitive type's.
    const declared = dot < 0 ? this.typesNamed(q, kinds) : [];
    if (declared.length) return ` (did you mean ${declared.join(" or ")}?)`;
    // Where a primitive type may stand: `edm.Boolean`, or `Boolean` without its namespace.
    const edm = !kinds && (dot < 0 || ns.toLowerCase() === "edm") && (this.hintBudget -= PRIMITIVES.size) >= 0 ? meantPrimitive(q) : undefined;
    if (edm !== undefined) return ` (did you mean ${edm}?)`;
    if (dot < 0) return "";
    const local = q.slice(dot + 1);
    if (local.length < 3 || this.hintBudget <= 0) return ""; // one edit from almost any short name; or no work left
    this.typesByNamespace ??= groupTypes(this.types.values(), (t) => t.namespace);
    const all = this.typesByNamespace.get(ns) ?? [];
    // The budget counts the names looked at, the filtered-out ones too.
    if ((this.hintBudget -= all.length) < 0) return "";
    const candidates = kinds ? all.filter((t) => kinds.includes(t.kind)) : all;
    const near = nearestName(local, candidates.map((t) => t.name));
    return near ? ` (did you mean ${ns}.${near}?)` : "";
  }

  /** The qualified names of the types named `local` in any namespace (of one of `kinds`, any when absent). */
  typesNamed(local: string, kinds?: readonly SchemaType["kind"][]): string[] {
    this.typesByLocalName ??= groupTypes(this.types.values(), (t) => t.name);
    const named = this.typesByLocalName.get(local) ?? [];
    return named.filter((t) => !kinds || kinds.includes(t.kind)).map((t) => t.qualifiedName);
  }

  typeRef(rawType: string, facets: RawFacets, path: string, at: SourceRef): TypeRef {
    const { name, collection } = parseTypeName(rawType);
    const type = this.resolveType(name, path, at) ?? primitive("Untyped");
    // CSDL §7.2.1: Nullable defaults to true; for a collection it speaks of the items.
    const underlying = type.kind === "primitive" ? type.name : type.kind === "typedef" ? type.underlying.name : undefined;
    return { type, collection, nullable: this.flag("Nullable", facets.nullable, path, at, true), facets: this.facets(facets, path, at, underlying) };
  }

  /**
   * A boolean attribute (`xs:boolean`: true, false, 1 or 0); any other value is reported and read as
   * the attribute's default, `otherwise`.
   */
  flag(name: string, raw: string | undefined, path: string, at: SourceRef, otherwise = false): boolean {
    if (raw === undefined) return otherwise;
    const value = xsBoolean(raw);
    if (value !== undefined) return value;
    this.diags.warning(Codes.invalidAttribute, `${name}=${JSON.stringify(raw)} is not a boolean (true, false, 1 or 0); read as ${otherwise}`, path, at);
    return otherwise;
  }

  /**
   * CSDL §7.2: the facets of a use of `type` (a primitive type's name); a value that is not one the
   * facet takes is reported and left out.
   */
  facets(raw: RawFacets, path: string, at: SourceRef, type?: PrimitiveName): Facets {
    const f = readFacets(raw);
    const dropped = (name: string, value: string | undefined, kept: unknown) => {
      if (value !== undefined && kept === undefined)
        this.diags.warning(Codes.invalidAttribute, `${name}=${JSON.stringify(value)} is not a non-negative integer${name === "Precision" ? "" : name === "Scale" ? ", variable or floating" : " or max"}; left out`, path, at);
    };
    dropped("MaxLength", raw.maxLength, f.maxLength);
    dropped("Precision", raw.precision, f.precision);
    dropped("Scale", raw.scale, f.scale);
    if (raw.srid !== undefined && !isSrid(raw.srid)) {
      this.diags.warning(Codes.invalidAttribute, `SRID=${JSON.stringify(raw.srid)} is not a non-negative integer or variable; left out`, path, at);
      delete f.srid;
    }
    // CSDL §7.2.3: a temporal type's Precision is at most 12 fractional-second digits.
    if (f.precision !== undefined && f.precision > MAX_TEMPORAL_PRECISION && type !== undefined && TEMPORAL.has(type)) {
      this.diags.warning(Codes.invalidAttribute, `Precision=${JSON.stringify(raw.precision)} is more than Edm.${type} allows (${MAX_TEMPORAL_PRECISION}); left out`, path, at);
      delete f.precision;
    }
    // CSDL §7.2.4: Scale is at most Precision. Either could be the mistake; without Scale the
    // validators check the digits before the point against Precision and refuse no valid value.
    if (typeof f.scale === "number" && f.precision !== undefined && f.scale > f.precision) {
      this.diags.warning(Codes.invalidAttribute, `Scale=${JSON.stringify(raw.scale)} is greater than Precision=${JSON.stringify(raw.precision)} (CSDL §7.2.4: Scale must not exceed Precision); Scale is left out`, path, at);
      delete f.scale;
    }
    if (raw.unicode !== undefined) f.unicode = this.flag("Unicode", raw.unicode, path, at, true);
    return f;
  }

  /**
   * CSDL §3.4, §5.2: an alias stands for one namespace; it is not another namespace's name, nor one
   * of the reserved names. Otherwise a qualified name could mean two types.
   */
  declareAlias(alias: string, namespace: string, namespaces: ReadonlySet<string>, at: SourceRef, local: Map<string, string>): void {
    const known = local.get(alias);
    if (RESERVED_NAMES.has(alias))
      this.diags.error(Codes.invalidAttribute, `Alias ${alias} is a reserved name (CSDL §5.2: not Edm, odata, System or Transient)`, namespace, at);
    else if (known !== undefined && known !== namespace)
      this.diags.error(Codes.duplicateName, `alias ${alias} stands for both ${known} and ${namespace}`, namespace, at);
    else if (alias !== namespace && namespaces.has(alias))
      this.diags.error(Codes.duplicateName, `alias ${alias} of ${namespace} is also the name of a namespace`, namespace, at);
    local.set(alias, namespace);
    // Another document may give the alias another meaning (§4.2): the first one serves payloads and URLs.
    if (!this.aliases.has(alias)) this.aliases.set(alias, namespace);
  }

  /**
   * CSDL §5.1: a namespace is dot-separated simple identifiers, an alias one simple identifier. Both
   * name generated modules and identifiers: anything else (`../x`, `a/b`) could write outside the
   * output folder.
   */
  checkSchemaNames(raw: RawSchema): void {
    if (RESERVED_NAMES.has(raw.namespace))
      this.diags.error(Codes.invalidAttribute, `Namespace ${raw.namespace} is a reserved name (CSDL §5.1: not Edm, odata, System or Transient)`, raw.namespace, raw.at);
    else if (raw.namespace && !isNamespace(raw.namespace))
      this.diags.error(Codes.invalidAttribute, `Namespace ${JSON.stringify(raw.namespace)} is not simple identifiers separated by dots (CSDL §5.1)`, raw.namespace, raw.at);
    // Its longest file, `<namespace>.validators.ts`, must fit the 255 bytes most file systems allow a name.
    const bytes = Buffer.byteLength(raw.namespace);
    if (bytes > MAX_FILE_NAME - LONGEST_SUFFIX.length)
      this.diags.error(Codes.invalidAttribute, `Namespace ${raw.namespace.slice(0, 40)}… is ${bytes} bytes long: its generated files (…${LONGEST_SUFFIX}) would have names longer than the ${MAX_FILE_NAME} bytes a file system allows; at most ${MAX_FILE_NAME - LONGEST_SUFFIX.length}`, raw.namespace, raw.at);
    if (raw.alias !== undefined && !RESERVED_NAMES.has(raw.alias) && !isSimpleIdentifier(raw.alias))
      this.diags.error(Codes.invalidAttribute, `Alias ${JSON.stringify(raw.alias)} is not a simple identifier (CSDL §5.2)`, raw.namespace, raw.at);
    // Each namespace has its own generated files: a second schema of one namespace would replace the
    // first's, and on case-insensitive file systems (macOS, Windows) so would one differing in case.
    const key = raw.namespace.toLowerCase();
    const first = this.namespaceKeys.get(key);
    if (first === undefined) this.namespaceKeys.set(key, { namespace: raw.namespace, at: raw.at });
    else if (raw.namespace)
      this.diags.error(
        Codes.duplicateName,
        first.namespace === raw.namespace
          ? `namespace ${raw.namespace} is declared by two schemas; the first is at ${placeOf(first.at)}`
          : `namespace ${raw.namespace} differs only in case from namespace ${first.namespace} (at ${placeOf(first.at)}): their generated files would be one file on macOS and Windows`,
        raw.namespace,
        raw.at,
      );
  }

  linkBase({ raw, type }: Pending): void {
    if (!raw.baseType) return;
    const path = type.qualifiedName;
    const base = this.types.get(this.qualify(raw.baseType, raw.at));
    if (!base) {
      this.diags.error(Codes.undefinedType, `base type ${raw.baseType} is not defined${this.missingTypeHint(this.qualify(raw.baseType, raw.at), [type.kind])}`, path, raw.at);
      return;
    }
    if (base.kind !== type.kind) {
      this.diags.error(Codes.badBaseType, `base type ${raw.baseType} is not ${type.kind === "entity" ? "an entity" : "a complex"} type`, path, raw.at);
      return;
    }
    type.baseType = base as EntityType & ComplexType;
    base.derived.push(type as EntityType & ComplexType);
  }

  /**
   * A member's name is unique within its type and all of its base types (CSDL 4.01 §7.1, §8.1): a
   * derived type cannot declare a property or navigation property again (ODG104). Each is reported
   * at the nearest base type that declares it. Bases are linked (and their names collected) first.
   */
  checkInheritedNames(type: StructuredType): void {
    const own = type.baseType ? [...type.properties, ...type.navigationProperties] : [];
    const reported = new Set<string>();
    for (let base = type.baseType; base && reported.size < own.length; base = base.baseType) {
      const names = this.memberNames(base);
      for (const m of own) {
        if (!names.has(m.name) || reported.has(m.name)) continue;
        reported.add(m.name);
        this.diags.error(
          Codes.duplicateName,
          `${type.qualifiedName} declares ${m.name}, which its base type ${base.qualifiedName} declares too (CSDL §7.1: a name is unique across a type and its base types)`,
          `${type.qualifiedName}/${m.name}`,
          m.at,
        );
      }
    }
  }

  /** The names of the members a structured type declares itself, computed once per type. */
  memberNames(t: StructuredType): ReadonlySet<string> {
    let names = this.memberNameSets.get(t);
    if (!names) this.memberNameSets.set(t, (names = new Set([...t.properties, ...t.navigationProperties].map((m) => m.name))));
    return names;
  }

  linkMembers({ raw, type }: Pending): void {
    const owner = type.qualifiedName;
    const declared = this.uniqueNames(owner);
    const unique = (name: string, at: SourceRef) => {
      this.identifier(name, "property", `${owner}/${name}`, at);
      declared(name, at);
    };
    for (const p of raw.properties) {
      const path = `${owner}/${p.name}`;
      unique(p.name, p.at);
      const ref = this.typeRef(p.type, p, path, p.at);
      if (ref.type.kind === "entity") {
        this.diags.error(Codes.invalidAttribute, `structural property cannot have entity type ${p.type}; use a NavigationProperty`, path, p.at);
      }
      type.properties.push({
        kind: "property",
        name: p.name,
        type: ref,
        defaultValue: this.defaultValue(p.defaultValue, ref, path, p.at),
        annotations: this.annotations(p.annotations, path),
        declaringType: type,
        at: p.at,
      });
    }
    for (const n of raw.navigationProperties) {
      const path = `${owner}/${n.name}`;
      unique(n.name, n.at);
      const { name, collection } = parseTypeName(n.type);
      if (name === "Edm.EntityType") {
        // CSDL §4.4.1: the abstract Edm.EntityType may be a navigation target; there is no type to address.
        this.diags.warning(Codes.undefinedNavigationTarget, `navigation property to the abstract Edm.EntityType is left out`, path, n.at);
        continue;
      }
      if (!given(name)) continue;
      const target = this.types.get(this.qualify(name, n.at));
      if (!target || target.kind !== "entity") {
        this.diags.error(
          target ? Codes.undefinedNavigationTarget : Codes.undefinedType,
          target ? `navigation property type ${n.type} is not an entity type` : `type ${n.type} is not defined${this.missingTypeHint(this.qualify(name, n.at), ["entity"])}`,
          path,
          n.at,
        );
        continue;
      }
      const nav: NavigationProperty = {
        kind: "navigation",
        name: n.name,
        target,
        collection,
        // CSDL §8.3: Nullable defaults to true; a collection is never null (it may be empty).
        nullable: this.flag("Nullable", n.nullable, path, n.at, true) && !collection,
        containsTarget: this.flag("ContainsTarget", n.containsTarget, path, n.at),
        partner: n.partner,
        constraints: n.constraints?.map((c) => ({ property: c.property, referencedProperty: c.referencedProperty, at: c.at })) ?? [],
        annotations: this.annotations(n.annotations, path),
        declaringType: type,
        at: n.at,
      };
      type.navigationProperties.push(nav);
      if (n.partner !== undefined || n.constraints) this.linksToCheck.push(nav);
    }
  }

  /**
   * CSDL §7.2.7: a DefaultValue is a literal of the property's type (an enum's member names, a type
   * definition's underlying type); another is reported and ignored.
   */
  defaultValue(raw: string | undefined, ref: TypeRef, path: string, at: SourceRef): string | undefined {
    // `null` (CSDL JSON's $DefaultValue may be null) says what a nullable property's absence says already.
    if (raw === undefined || ref.collection || (ref.nullable && raw.trim() === "null")) return raw;
    const t = ref.type;
    let ok = true;
    if (t.kind === "primitive") ok = isLiteralOf(t.name, raw);
    else if (t.kind === "typedef") ok = isLiteralOf(t.underlying.name, raw);
    else if (t.kind === "enum") {
      if (this.readBody) this.fill(t);
      ok = isEnumLiteral(t.members, t.isFlags, raw);
    }
    if (ok) return raw;
    this.diags.warning(Codes.invalidAttribute, `DefaultValue=${JSON.stringify(raw)} is not a value of ${t.qualifiedName}; it is ignored`, path, at);
    return undefined;
  }

  /**
   * CSDL 4.01 §8.2: a type may declare a key only if it does not inherit one, so a key may sit below
   * an abstract key-less base (Graph's `policyDeletableItem`, `workflowBase`). Runs after every own key is read.
   */
  checkKeyNotInherited(t: EntityType, raw: RawStructuredType): void {
    for (let c = t.baseType; c; c = c.baseType) {
      if (c.key.length) {
        this.diags.error(Codes.badKey, `${t.qualifiedName} declares a key but inherits one from ${c.qualifiedName}`, t.qualifiedName, raw.at);
        return;
      }
    }
  }

  /**
   * CSDL §8.2: the key properties a type declares itself (derived types inherit them later). A key
   * property is a single-valued structural property (a path through complex properties, §8.4, needs an
   * Alias), named once; these are errors. CSDL 4.01 §8.2 also makes it non-nullable and of an enum type,
   * a type definition or one of KEY_TYPES: each other is a warning at the PropertyRef. A nullable one
   * is read as not nullable in the key (byKey takes no null); `Edm.Double`, `Single` and `Binary`
   * are kept (the runtime writes their literals); a key with a property of a type that has no key
   * literal (a complex type would be written `'[object Object]'`, a stream or spatial value not at
   * all) is left out, as for a type without a key: its entity sets are generated with `rt.noKey`.
   */
  ownKey(t: EntityType, raw: RawStructuredType): void {
    if (!raw.key) return;
    let unusable = false;
    for (const k of raw.key) {
      if (!given(k.name)) continue;
      const path = `${t.qualifiedName}/Key/${k.alias ?? k.name}`;
      const found = keyProperty(t, k.name, this.readBody && ((s) => this.fill(s)));
      if (typeof found === "string") {
        this.diags.error(Codes.badKey, `key property ${k.name} ${found}`, `${t.qualifiedName}/Key/${k.name}`, k.at);
      } else if (k.name.includes("/") && !k.alias) {
        this.diags.error(Codes.badKey, `key property path ${k.name} needs an Alias (CSDL §8.4)`, `${t.qualifiedName}/Key/${k.name}`, k.at);
      } else if (t.keyNames.includes(k.alias ?? k.name)) {
        // Each key property is named once in the key's URL form, `(id=1,rev=2)`.
        this.diags.error(Codes.badKey, `the key of ${t.qualifiedName} names ${k.alias ?? k.name} twice`, path, k.at);
      } else {
        const problem = keyTypeProblem(found.property);
        if (problem === "no literal") {
          unusable = true;
          const type = found.property.type.type;
          const why = type.kind === "complex"
            ? `has complex type ${type.qualifiedName} (CSDL §8.2: a key is made of primitive properties; one inside it may be a key property, as ${k.name}/${type.properties[0]?.name ?? "…"} with an Alias)`
            : `has type ${type.qualifiedName}, which CSDL §8.2 does not allow in a key and which has no key literal`;
          this.diags.warning(Codes.badKey,
            `key property ${k.name} of ${t.qualifiedName} ${why}; the key is left out, so the members of its entity sets cannot be addressed by key (byKey takes never)`,
            path, k.at);
        } else if (problem === "not allowed") {
          // A note, not printed: the output is right, and users of a public service (Northwind's
          // Edm.Single keys) cannot change its metadata, as with Graph's duplicate annotations.
          this.diags.add(Codes.badKey, "info",
            `key property ${k.name} of ${t.qualifiedName} has type ${found.property.type.type.qualifiedName}, which CSDL §8.2 does not allow in a key (${KEY_TYPES_TEXT}); it is kept and written as an ${keyUnderlying(found.property)} literal`,
            path, k.at);
        }
        if (found.nullable)
          this.diags.warning(Codes.badKey,
            `key property ${k.name} of ${t.qualifiedName} is nullable${k.name.includes("/") ? " (or a complex property on its path is)" : ""} (CSDL §8.2: key properties are not); it is read as not nullable in the key, so byKey takes no null`,
            path, k.at);
        t.key.push(found.property);
        t.keyNames.push(k.alias ?? k.name);
      }
    }
    if (unusable) {
      t.key = [];
      t.keyNames = [];
      this.keysLeftOut.add(t);
    }
  }

  inheritKey(t: EntityType): void {
    for (let c = t.baseType; c && t.key.length === 0; c = c.baseType)
      if (c.key.length) {
        t.key = c.key;
        t.keyNames = c.keyNames;
      }
  }

  /** Takes operations out of the model: their schema, their name's overloads, the imports of them. */
  leaveOut(dropped: ReadonlySet<Operation>): void {
    if (dropped.size === 0) return;
    const keep = (list: Operation[]) => list.splice(0, list.length, ...list.filter((op) => !dropped.has(op)));
    for (const s of this.schemas) keep(s.operations);
    for (const list of this.operations.values()) keep(list);
    for (const c of this.containers.values()) for (const i of c.imports) keep(i.operations);
  }

  declareOperations(raw: RawSchema, schema: Schema): void {
    for (const op of [...raw.actions, ...raw.functions]) {
      const o = this.operation(op, schema.namespace);
      if (o) schema.operations.push(o);
    }
    // CSDL §12.1: actions are overloaded only by the binding parameter's type; unbound ones not at all.
    // Functions also by their parameter names (overloads.ts), which a slice reads only later (checkLinks).
    if (!this.readBody) this.leaveOut(checkFunctionOverloads(this.diags, schema.operations));
    const actions = new Set<string>();
    for (const op of schema.operations) {
      if (op.kind !== "action" || !given(op.name)) continue;
      const b = op.binding?.type;
      const binding = b ? (b.collection ? `Collection(${b.type.qualifiedName})` : b.type.qualifiedName) : "";
      const key = `${op.name}(${binding})`;
      if (actions.has(key)) {
        const what = binding ? `an action ${op.name} bound to ${binding}` : `an unbound action ${op.name}`;
        this.diags.error(Codes.duplicateName, `${schema.namespace} declares ${what} more than once`, op.qualifiedName, op.at);
      }
      actions.add(key);
    }
  }

  /** A parameter of the operation `qn`; `target` tells its overload from the others (`operation`). */
  parameter(p: RawParameter, qn: string, target: string): Parameter {
    const path = `${qn}/${p.name}`;
    this.identifier(p.name, "parameter", path, p.at);
    return { name: p.name, type: this.typeRef(p.type, p, path, p.at), annotations: this.annotations(p.annotations, `${target}/${p.name}`, path) };
  }

  returnType(op: RawOperation, qn: string): TypeRef | undefined {
    const r = op.returnType;
    if (r) return this.typeRef(r.type, r, `${qn}/$ReturnType`, r.at);
    // Lazy mode: the return type may be in the content not read yet (fillOperation reads it).
    if (op.kind !== "function" || (this.readBody && op.body)) return undefined;
    // CSDL §12.2: a function has a return type. Without one, what it returns is not known: unknown, not void.
    this.diags.warning(Codes.missingAttribute, `<Function> has no <ReturnType> (CSDL §12.2: a function must specify one); its result is read as Edm.Untyped`, qn, op.at);
    return { type: primitive("Untyped"), collection: false, nullable: true, facets: {} };
  }

  operation(op: RawOperation, ns: string): Operation | undefined {
    const qn = `${ns}.${op.name}`;
    this.identifier(op.name, op.kind, qn, op.at);
    const isBound = xsBoolean(op.isBound ?? "");
    const binding = isBound ? op.parameters[0] : undefined;
    const bindingType = binding && this.undefinedType(binding.type, binding.at);
    if (binding && bindingType) {
      // Bound to a type no document declares: nothing could be addressed to call it through, so it is
      // left out (the service's users cannot mend its metadata; --fail-on-warnings stops the run).
      this.diags.warning(Codes.undefinedType,
        `${op.kind} ${qn} is bound to ${binding.type}, which is not defined${this.missingTypeHint(bindingType)}; the ${op.kind} is left out`,
        `${qn}/${binding.name}`, binding.at);
      this.recordLeftOut(qn, op, { kind: op.kind, bound: true, why: "bound to a type that is not defined" });
      return undefined;
    }
    // The other parameters and the result, as far as they are read (lazy mode: the rest in fillOperation).
    if (this.undefinedTypes(op, qn, op.parameters.slice(binding ? 1 : 0), op.returnType)) return undefined;
    const unique = this.uniqueNames(qn);
    for (const p of op.parameters) unique(p.name, p.at);
    // Overloads share a name, and each has annotations of its own: they are told apart by number.
    const target = `${qn}\u0000${this.operationCount++}`;
    const params: Parameter[] = op.parameters.map((p) => this.parameter(p, qn, target));
    const bound = this.flag("IsBound", op.isBound, qn, op.at);
    if (bound && params.length === 0) {
      this.diags.error(Codes.invalidAttribute, `bound ${op.kind} ${qn} has no binding parameter`, qn, op.at);
    }
    const result: Operation = {
      kind: op.kind,
      name: op.name,
      namespace: ns,
      qualifiedName: qn,
      annotations: this.annotations(op.annotations, target, qn),
      at: op.at,
      bound,
      composable: this.flag("IsComposable", op.isComposable, qn, op.at),
      binding: bound ? params[0] : undefined,
      parameters: bound ? params.slice(1) : params,
      returnType: this.returnType(op, qn),
      entitySetPath: op.entitySetPath,
    };
    if (this.readBody && op.body) this.unfilledOperations.set(result, { raw: op, read: op.parameters.length, target });
    const list = this.operations.get(qn);
    if (list) list.push(result);
    else this.operations.set(qn, [result]);
    return result;
  }

  /**
   * The service's containers (CSDL 4.01 §13: a service has exactly one, §13.1.2: and those it
   * extends, however far). The first container read, and every container linked to it by `Extends`,
   * either way, in whatever order the documents came: a base read first is linked to its extenders
   * as well as they are to it. The others are left out. `main` is the one no other extends: the
   * service's own, which names the key style (its base is usually in a referenced document).
   */
  serviceContainers(all: { c: RawEntityContainer; ns: string }[]): { members: Set<string>; main?: { name: string; at: SourceRef } } {
    const links = all.map(({ c, ns }) => ({ name: `${ns}.${c.name}`, base: c.extends ? this.qualify(c.extends, c.at) : undefined, at: c.at }));
    const members = new Set<string>(links.length ? [links[0].name] : []);
    for (let grown = true; grown; ) {
      grown = false;
      for (const { name, base } of links) {
        if (!base || members.has(name) === members.has(base)) continue;
        members.add(members.has(name) ? base : name);
        grown = true;
      }
    }
    for (const { name, base } of links) if (base && members.has(name)) this.extendedContainers.add(base);
    return { members, main: links.find((l) => members.has(l.name) && !this.extendedContainers.has(l.name)) ?? links[0] };
  }

  /**
   * The qualified name `rawType` (`ns.t` or `Collection(ns.t)`) names when no input declares that
   * type; undefined for a type that is declared, an `Edm.` one (an unknown one is ODG108's) or one of
   * a namespace referenced but not among the inputs (ODG110's, read as Edm.Untyped).
   */
  undefinedType(rawType: string, at: SourceRef): string | undefined {
    if (!given(rawType)) return undefined;
    const name = parseTypeName(rawType).name;
    if (name.startsWith("Edm.")) return undefined;
    const q = this.qualify(name, at);
    const ns = q.slice(0, q.lastIndexOf("."));
    if (this.types.has(q) || (this.referenced.has(ns) && !this.loaded.has(ns))) return undefined;
    return q;
  }

  /**
   * Reports each of `params` (not the binding parameter) and the `result` of the operation `qn`
   * whose type no input declares (ODG103) and, when there is one, records the operation (this
   * overload) as left out and returns true: it could be neither called with typed arguments nor its
   * answer read, and the service's users cannot mend its metadata (--fail-on-warnings stops the run).
   */
  undefinedTypes(op: RawOperation, qn: string, params: readonly RawParameter[], result: RawOperation["returnType"]): boolean {
    const why: string[] = [];
    for (const p of params) {
      const q = this.undefinedType(p.type, p.at);
      if (!q) continue;
      this.diags.warning(Codes.undefinedType,
        `parameter ${p.name} of ${op.kind} ${qn} is of type ${p.type}, which is not defined${this.missingTypeHint(q)}; the ${op.kind} is left out`,
        `${qn}/${p.name}`, p.at);
      why.push(`the type of parameter ${p.name}`);
    }
    const q = result && this.undefinedType(result.type, result.at);
    if (result && q) {
      this.diags.warning(Codes.undefinedType,
        `${op.kind} ${qn} returns ${result.type}, which is not defined${this.missingTypeHint(q)}; the ${op.kind} is left out`,
        `${qn}/$ReturnType`, result.at);
      why.push("the return type");
    }
    if (why.length === 0) return false;
    const what = why.length > 1 ? `${why.slice(0, -1).join(", ")} and ${why[why.length - 1]} are` : `${why[0]} is`;
    this.recordLeftOut(qn, op, { kind: op.kind, bound: xsBoolean(op.isBound ?? "") === true, why: `${what} not defined` });
    return true;
  }

  /** Notes an operation (overload) left out, for the imports that name it (leftOutImport) and the annotation targets (checkTargets). */
  recordLeftOut(qn: string, raw: RawOperation, why: Omit<LeftOut, "parameters">): void {
    // Lazy mode: a body not read yet holds more parameters.
    const entry: LeftOut = { ...why, parameters: raw.body ? undefined : raw.parameters.map((p) => p.name) };
    const list = this.leftOutOperations.get(qn);
    if (list) list.push(entry);
    else this.leftOutOperations.set(qn, [entry]);
  }

  /** The warning for an import of `kind` that names `name` (qualified: `qn`), whose operation was left out; undefined when none was. */
  leftOutImport(kind: Operation["kind"], name: string, qn: string, unboundOnly: boolean): string | undefined {
    const all = (this.leftOutOperations.get(qn) ?? []).filter((l) => l.kind === kind);
    // An unbound overload is the one an import could have named (CSDL §13.5, §13.6).
    const left = all.find((l) => !l.bound) ?? (unboundOnly ? undefined : all[0]);
    return left && `${kind} ${name} was left out (${left.why}); the import is left out too`;
  }

  /**
   * Lazy mode: `op` was left out after the imports were read (fillOperation); an import of it that
   * has no operation left is left out too, with a warning (as one is when it is read).
   */
  dropEmptyImports(op: Operation): void {
    for (const c of this.containers.values()) {
      const empty = c.imports.filter((i) => i.operations.length === 0);
      if (empty.length === 0) continue;
      c.imports = c.imports.filter((i) => i.operations.length > 0);
      const message = this.leftOutImport(op.kind, op.qualifiedName, op.qualifiedName, false) as string;
      for (const i of empty) {
        this.diags.warning(Codes.undefinedType, message, `${c.qualifiedName}/${i.name}`, i.at);
        this.leftOutImports.add(`${c.qualifiedName}/${i.name}`);
      }
    }
  }

  /** For an import naming an operation without its namespace: the qualified names it may have meant (CSDL §13.5.1: an import names it qualified). */
  unqualifiedHint(name: string, kind: Operation["kind"]): string {
    if (name.includes(".")) return "";
    const unbound: string[] = [];
    const bound: string[] = [];
    for (const [qn, ops] of this.operations) {
      if (!qn.endsWith(`.${name}`)) continue;
      if (ops.some((o) => o.kind === kind && !o.bound)) unbound.push(qn);
      else if (ops.some((o) => o.kind === kind)) bound.push(qn);
    }
    if (unbound.length) return ` (an import names its ${kind} qualified: ${unbound.join(" or ")}?)`;
    return bound.length ? ` (${bound.join(" and ")} ${bound.length > 1 ? "are" : "is"} bound: no import can name ${bound.length > 1 ? "them" : "it"})` : "";
  }

  /**
   * CSDL 4.01 §13.1.2: a container includes the sets, singletons and imports of the one it extends,
   * so the service's containers share one set of names: two children of one name would both be
   * `/Name` (each container's own names are checked where it is read).
   */
  checkServiceNames(containers: EntityContainer[]): void {
    if (containers.length < 2) return;
    const seen = new Map<string, EntityContainer>();
    for (const c of containers)
      for (const x of [...c.entitySets, ...c.singletons, ...c.imports]) {
        if (!given(x.name)) continue;
        const other = seen.get(x.name);
        if (!other) seen.set(x.name, c);
        else if (other !== c)
          this.diags.error(Codes.duplicateName,
            `${x.name} is declared by ${other.qualifiedName} and by ${c.qualifiedName}: the containers of one service (Extends, CSDL §13.1.2) share one set of names, and both would be /${x.name}`,
            `${c.qualifiedName}/${x.name}`, x.at);
      }
  }

  /** An entity container; `register` makes it one the links and annotation targets may name. */
  container(c: RawEntityContainer, ns: string, register = true): EntityContainer {
    const qn = `${ns}.${c.name}`;
    this.identifier(c.name, "entity container", qn, c.at);
    // CSDL §13: entity sets, singletons and operation imports share one set of names.
    const unique = this.uniqueNames(qn);
    for (const x of [...c.entitySets, ...c.singletons, ...c.imports]) {
      this.identifier(x.name, "container child", `${qn}/${x.name}`, x.at);
      unique(x.name, x.at);
    }
    const entityType = (name: string, path: string, at: SourceRef): EntityType | undefined => {
      const t = this.types.get(this.qualify(name, at));
      if (t?.kind === "entity") return t;
      if (given(name)) this.diags.error(t ? Codes.undefinedNavigationTarget : Codes.undefinedType,
        t ? `${name} is not an entity type` : `type ${name} is not defined`, path, at);
      return undefined;
    };
    const result: EntityContainer = {
      name: c.name,
      namespace: ns,
      qualifiedName: qn,
      ...(c.extends && { extends: this.qualify(c.extends, c.at) }),
      annotations: this.annotations(c.annotations, qn),
      at: c.at,
      entitySets: [],
      singletons: [],
      imports: [],
    };
    for (const s of c.entitySets) {
      const t = entityType(s.entityType, `${qn}/${s.name}`, s.at);
      if (!t) continue;
      result.entitySets.push({
        kind: "entitySet",
        name: s.name,
        entityType: t,
        includeInServiceDocument: s.includeInServiceDocument !== "false",
        bindings: s.bindings.map((b) => ({ path: b.path, target: b.target, at: b.at })),
        annotations: this.annotations(s.annotations, `${qn}/${s.name}`),
        at: s.at,
      });
    }
    for (const s of c.singletons) {
      const t = entityType(s.type, `${qn}/${s.name}`, s.at);
      if (!t) continue;
      result.singletons.push({
        kind: "singleton",
        name: s.name,
        type: t,
        nullable: this.flag("Nullable", s.nullable, `${qn}/${s.name}`, s.at),
        bindings: s.bindings.map((b) => ({ path: b.path, target: b.target, at: b.at })),
        annotations: this.annotations(s.annotations, `${qn}/${s.name}`),
        at: s.at,
      });
    }
    // A 4.01 path may start at a singleton too (`Me/Friends`).
    const sets = new Set([...c.entitySets, ...c.singletons].map((s) => s.name));
    for (const i of c.imports) {
      const operation = this.qualify(i.operation, i.at);
      const named = this.operations.get(operation)?.filter((o) => o.kind === i.kind);
      const ops = named?.filter((o) => !o.bound);
      if (!ops || ops.length === 0) {
        // An operation left out (a type it names is not defined): the import could not be called either.
        const leftOut = this.leftOutImport(i.kind, i.operation, operation, Boolean(named?.length));
        if (leftOut) this.diags.warning(Codes.undefinedType, leftOut, `${qn}/${i.name}`, i.at);
        // Only bound overloads: the import cannot be called, but the operation can, through its
        // binding; leaving the import out loses nothing, so a slice or a whole run need not fail.
        else if (named?.length) this.diags.warning(Codes.undefinedType, `${i.kind} ${i.operation} is bound; an import names an unbound one (CSDL §13.5, §13.6), so the import is left out (call it through what it is bound to)`, `${qn}/${i.name}`, i.at);
        // One that names no operation at all: there is nothing to call, so leaving it out loses
        // nothing either (the service's users cannot mend its metadata; --fail-on-warnings stops).
        else if (given(i.operation))
          this.diags.warning(Codes.undefinedType, `${i.kind} ${i.operation} is not defined${this.unqualifiedHint(i.operation, i.kind)}; the import is left out`, `${qn}/${i.name}`, i.at);
        this.leftOutImports.add(`${qn}/${i.name}`);
        continue;
      }
      // CSDL §13.6.3, §13.6.4: EntitySet names an entity set of the container (or, in 4.01, a path
      // from one); the generated code does not use it, so one that names nothing is only reported.
      let entitySet = i.entitySet;
      const segments = entitySet?.split("/") ?? [];
      // `Ns.Container/Set`: another container's set is not checked here (it may be in a document not among the inputs).
      const elsewhere = segments.length > 1 && segments[0].includes(".") && this.qualify(segments[0], i.at) !== qn;
      if (entitySet && !elsewhere && !sets.has(segments.length > 1 && segments[0].includes(".") ? segments[1] : segments[0])) {
        this.diags.warning(Codes.undefinedType, `EntitySet ${entitySet} is not an entity set of ${qn}; it is ignored`, `${qn}/${i.name}`, i.at);
        entitySet = undefined;
      }
      result.imports.push({
        kind: i.kind === "action" ? "actionImport" : "functionImport",
        name: i.name,
        operations: ops,
        entitySet,
        annotations: this.annotations(i.annotations, `${qn}/${i.name}`),
        at: i.at,
      });
    }
    if (register) this.containers.set(qn, result);
    return result;
  }
}

/**
 * The property a key names: a property of the type or its bases, or (CSDL 4.01 §8.4) a path
 * through complex-typed, single-valued properties to a primitive one, such as `Info/ID`; with
 * whether it, or a complex property on its path, is nullable. Else why it cannot be a key property.
 * The path is walked as links.ts walks every member path (walkPath, KEY_PATH: one look-up per segment).
 */
function keyProperty(t: EntityType, name: string, fill?: (t: StructuredType) => void): { property: Property; nullable: boolean } | string {
  const end = walkPath({ types: NO_TYPES, qualify: (n) => n, fill }, t, name.split("/"), KEY_PATH, undefined);
  const owner = end.owner?.qualifiedName;
  switch (end.problem) {
    case "not structured":
      return `is not a property of ${t.qualifiedName}: ${end.previous?.name} is not of a complex type, so it has no ${end.segment}`;
    case "no member":
      return `is not a property of ${t.qualifiedName}${end.owner === t ? "" : `: ${owner} has no property ${end.segment}`}`;
    case "navigation":
      return navigationInKey(owner);
    case "collection":
      return collectionInKey(owner);
    case undefined:
      if (end.member?.kind === "navigation") return navigationInKey(end.owner.qualifiedName);
      if (end.member?.type.collection) return collectionInKey(end.owner.qualifiedName);
      if (end.member) return { property: end.member, nullable: end.nullable };
  }
  return `is not a property of ${t.qualifiedName}`;
}

const NO_TYPES: ReadonlyMap<string, SchemaType> = new Map();
const navigationInKey = (owner: string | undefined) =>
  `is a navigation property of ${owner} (CSDL §8.2: a key is made of primitive properties; a path through a navigation property, which OData 4.01 allows, is not read)`;
const collectionInKey = (owner: string | undefined) => `is a collection-valued property of ${owner} (CSDL §8.2: key properties are single-valued)`;

/**
 * CSDL 4.01 §8.2: key properties are of an enum type, or of one of these primitive types or a type
 * definition of one.
 */
const MAX_FILE_NAME = 255;
const LONGEST_SUFFIX = ".validators.ts";
const KEY_TYPES: ReadonlySet<string> = new Set(["Boolean", "Byte", "Date", "DateTimeOffset", "Decimal", "Duration", "Guid", "Int16", "Int32", "Int64", "SByte", "String", "TimeOfDay"]);
const KEY_TYPES_TEXT = "an enum type, a type definition or Edm.Boolean, Byte, Date, DateTimeOffset, Decimal, Duration, Guid, Int16, Int32, Int64, SByte, String or TimeOfDay";
/** Types CSDL does not allow in a key whose literals the runtime writes all the same (request-keys.ts). */
const KEY_LITERALS_BEYOND: ReadonlySet<string> = new Set(["Double", "Single", "Binary"]);

function keyUnderlying(p: Property): string {
  const t = p.type.type;
  return t.kind === "typedef" ? t.underlying.qualifiedName : t.qualifiedName;
}

/** Whether a key property's type is one CSDL allows, one it does not but the runtime can write, or one with no key literal. */
function keyTypeProblem(p: Property): undefined | "not allowed" | "no literal" {
  const t = p.type.type;
  if (t.kind === "enum") return undefined;
  const name = t.kind === "primitive" ? t.name : t.kind === "typedef" ? t.underlying.name : undefined;
  if (name === undefined) return "no literal";
  // Edm.Untyped stands for a type already reported (an unknown Edm type, one from a document not
  // among the inputs): its key is written as a string, as before, and not reported again.
  if (KEY_TYPES.has(name) || name === "Untyped") return undefined;
  return KEY_LITERALS_BEYOND.has(name) ? "not allowed" : "no literal";
}

/** Types grouped by a key (their namespace, their name), in model order. */
function groupTypes(types: Iterable<SchemaType>, key: (t: SchemaType) => string): Map<string, SchemaType[]> {
  const groups = new Map<string, SchemaType[]>();
  for (const t of types) {
    const list = groups.get(key(t));
    if (list) list.push(t);
    else groups.set(key(t), [t]);
  }
  return groups;
}
