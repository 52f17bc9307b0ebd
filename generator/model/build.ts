/**
 * Builds the resolved model from raw CSDL documents: one pass to declare every named element, one to
 * link references. Problems become diagnostics with the element's path and position.
 *
 * This file holds the builder's state and its pipeline (`build`, and the lazy mode's `fill*`); each
 * step is a function taking the builder, in a file named for what it builds: build-schemas.ts,
 * build-types.ts, build-members.ts, keys.ts, build-type-refs.ts, build-operations.ts and
 * build-containers.ts.
 */
import { reportSchemaNameClashes } from "./schema-names";
import { applyAnnotationGroups, qualify, splitTarget } from "./annotation-groups";
import type { SourceText } from "../parse/source";
import { checkBaseChains } from "./base-chains";
import { AppliedAnnotations } from "./applied-annotations";
import { checkAnnotation } from "./annotation-values";
import { checkReferences } from "./references";
import { includedGroup } from "./included-annotations";
import { checkBindings, checkNavigationLinks, type LinkContext } from "./links";
import { checkAnnotationTarget, type TargetContext } from "./targets";
import type { Overloads } from "./operation-targets";
import { checkKeyNotInherited, inheritKey, keyLeftOut, ownKey } from "./keys";
import { given } from "./given";
import { typeRef } from "./build-type-refs";
import { declareTypes, enumMembers, reportRedeclared, type Pending } from "./build-types";
import { checkInheritedNames, linkBase, linkMembers } from "./build-members";
import { declareOperations, dropEmptyImports, dropForbiddenOverloads, leaveOut, parameter, returnAnnotations, returnType, undefinedTypes, type LeftOut } from "./build-operations";
import { checkServiceNames, entityContainer, serviceContainers } from "./build-containers";
import { checkIncludeNames, checkSchemaNames, declareAlias } from "./build-schemas";
import { serviceVersion } from "./service-version";
import { Codes, placeOf, type DiagnosticBag, type SourceRef } from "../diagnostics";
import type {
  RawAnnotation,
  RawAnnotationGroup,
  RawDeferrable,
  RawDocument,
  RawEnumType,
  RawOperation,
  RawReference,
  RawSchema,
  RawStructuredType,
} from "../parse/raw";
import { AT_IN_NAME, isSimpleIdentifier, LONE_SURROGATE, UNSAFE_IN_NAME, xsBoolean } from "./rules";
import { unseenProblem } from "../unseen-characters";
import type {
  Annotation,
  EntityContainer,
  EntityType,
  EnumType,
  LeftOutElement,
  Model,
  NavigationBinding,
  NavigationProperty,
  Operation,
  Schema,
  SchemaType,
  StructuredType,
  TypeRef,
} from "./types";
import { nestedAnnotations } from "./types";
import { wordingOf } from "./wording";

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
  /** The overloads the blocks read later may target (applyAnnotationGroups). */
  overloads: Overloads;
  /**
   * Checks what the filled types' navigation properties and the bindings of the entity sets and
   * singletons of `keep`'s entity types name (links.ts), filling the types they lead to; a binding
   * that leads nowhere is left out. Once, before the slice is copied.
   */
  checkLinks(keep: ReadonlySet<SchemaType>): void;
  /**
   * Leaves out the filled function overloads §12.2.1 forbids (ODG104). Once, when the slice's
   * operations are filled, before the annotation blocks are checked (checkTargets), so that one
   * naming an overload of a kept function is checked as in a whole run (a left-out overload's, ODG103).
   */
  checkOverloads(): void;
  /** Reports the blocks whose Target names no element (targets.ts), filling what they lead through. */
  checkTargets(groups: readonly RawAnnotationGroup[]): void;
}

/**
 * For a slice: the model with every entity, complex and enum type a shell (name, base type, flags
 * and subtypes are known; members, key and own annotations are not) and every operation known by
 * its binding parameter only, each filled when the slice needs it. `readBody` completes a raw
 * element whose content was deferred (its `body`). The documents' annotation blocks, deferred or
 * read in place (CSDL JSON's), are not applied: the slice applies those it needs (they may target
 * members); problems inside an element that is never filled are never reported.
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
    overloads: builder.overloads(),
    checkLinks: (keep) => builder.checkLinks((t) => keep.has(t)),
    checkOverloads: () => builder.checkOverloads(),
    checkTargets: (groups) => builder.checkTargets(groups),
  };
}

/**
 * What the build knows so far (types, aliases, operations, containers, what was left out), and the
 * few readers every step uses: `qualify`, `annotations`, `identifier`, `uniqueNames`, `flag`, `fill`.
 */
export class ModelBuilder {
  readonly aliases = new Map<string, string>();
  /** The aliases each document declares (Model.documentAliases). */
  readonly documentAliases = new Map<SourceText, Map<string, string>>();
  readonly types = new Map<string, SchemaType>();
  /** Namespaces that are referenced (edmx:Reference), with the first reference to each. */
  readonly referenced = new Map<string, RawReference>();
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
  /** Function overloads left out for a first one's parameter names (ODG104, overloads.ts), by qualified name. */
  readonly droppedOverloads = new Map<string, Operation[]>();
  /**
   * Imports left out with a warning (`ns.Container/Name`), and why: an annotation block that targets
   * one goes with it (checkTargets); a slice pattern that names one says so.
   */
  readonly leftOutImports = new Map<string, LeftOutElement>();
  /** Entity sets and singletons by `namespace.name`, with their type, for suggestions where a type was meant (made on the first one). */
  containerMembers: Map<string, { what: string; type: string }> | undefined;
  /** Type names by namespace, for suggestions (made on the first one). */
  typesByNamespace: Map<string, SchemaType[]> | undefined;
  /** Types by their name without the namespace, for a suggestion where the namespace was left out (made on the first one). */
  typesByLocalName: Map<string, SchemaType[]> | undefined;
  /** Each namespace by its lower-case form, with where its schema is: one file set per namespace (checkSchemaNames). */
  readonly namespaceKeys = new Map<string, { namespace: string; at: SourceRef }>();
  readonly externalAnnotations = new Map<string, Annotation[]>();
  /** Model.includeAnnotations. */
  readonly includeAnnotations = new Map<string, Annotation[]>();
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
  /** Each overload's own annotations' target (`annotations`), for the blocks that target it. */
  readonly overloadKeys = new Map<Operation, string>();
  /** Navigation properties whose Partner or constraints are checked once every type is linked (checkLinks). */
  readonly linksToCheck: NavigationProperty[] = [];
  /**
   * Uses read as Edm.Untyped in place of a type already reported (an unknown Edm type, ODG108; one of
   * a namespace not among the inputs, ODG110): not Edm.Untyped as written, which a key may not be (ownKey).
   */
  readonly untypedStandIns = new WeakSet<TypeRef>();
  /** Types whose key, or a key property, was reported and left out (ownKey): their entity sets are not reported again. */
  readonly keysLeftOut = new Set<EntityType>();
  /** Types defined more than once, by qualified name: where each definition is (reportRedeclared). */
  readonly redeclared = new Map<string, SourceRef[]>();
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
    for (const doc of this.docs) for (const s of doc.schemas) this.loaded.add(s.namespace);
    for (const doc of this.docs) {
      checkReferences(doc, this.diags);
      const local = new Map<string, string>();
      const namespaces = new Set([...doc.references.flatMap((r) => r.includes.map((i) => i.namespace)), ...doc.schemas.map((s) => s.namespace)]);
      for (const ref of doc.references)
        for (const inc of ref.includes) {
          checkIncludeNames(this, inc);
          if (!this.referenced.has(inc.namespace)) this.referenced.set(inc.namespace, ref);
          if (inc.alias !== undefined) declareAlias(this, inc.alias, inc.namespace, namespaces, inc.at, local);
        }
      for (const s of doc.schemas) if (s.alias !== undefined) declareAlias(this, s.alias, s.namespace, namespaces, s.at, local);
      const source = doc.schemas[0]?.at.source;
      if (source) this.documentAliases.set(source, local);
    }
    // A reference's and an include's annotations, once the aliases they may use are known; each is its own target.
    for (const doc of this.docs)
      for (const ref of doc.references) {
        // A reference's own say something of the document it names, which odatagen does not read: checked, then not kept.
        if (ref.annotations.length) this.annotations(ref.annotations, `\u0000${doc.file}\u0000${ref.at.offset}`, "Reference");
        for (const inc of ref.includes) {
          if (inc.annotations.length === 0) continue;
          const own = this.annotations(inc.annotations, `\u0000${doc.file}\u0000${inc.at.offset}`, "Reference/Include");
          const list = this.includeAnnotations.get(inc.namespace);
          if (list) list.push(...own);
          else this.includeAnnotations.set(inc.namespace, own);
        }
      }
    // Pass 1: declare every type so references may point forward and across schemas.
    const pending: Pending[] = [];
    const rawSchemas: { raw: RawSchema; schema: Schema; doc: RawDocument }[] = [];
    for (const doc of this.docs)
      for (const raw of doc.schemas) {
        checkSchemaNames(this, raw);
        const schema: Schema = {
          namespace: raw.namespace,
          alias: raw.alias,
          annotations: this.annotations(raw.annotations, raw.namespace),
          types: [],
          operations: [],
          terms: [],
          containers: [],
          file: doc.file,
        };
        this.schemas.push(schema);
        rawSchemas.push({ raw, schema, doc });
        declareTypes(this, raw, schema, pending);
      }
    reportRedeclared(this);
    reportSchemaNameClashes(this, rawSchemas.map((r) => r.raw));
    // Pass 2: link base types, then members.
    for (const p of pending) linkBase(this, p);
    checkBaseChains(pending.map((p) => p.type), this.diags);
    if (this.readBody) {
      for (const p of pending) this.unfilled.set(p.type, p.raw);
    } else {
      for (const p of pending) linkMembers(this, p);
      for (const p of pending) checkInheritedNames(this, p.type);
      for (const p of pending) if (p.type.kind === "entity") ownKey(this, p.type, p.raw);
      for (const p of pending) if (p.type.kind === "entity" && p.raw.key) checkKeyNotInherited(this.diags, p.type, p.raw);
      for (const p of pending) if (p.type.kind === "entity") inheritKey(p.type);
    }
    for (const { raw, schema } of rawSchemas) declareOperations(this, raw, schema);
    const named = this.docs.find((d) => d.entityContainer)?.entityContainer?.name;
    const service = serviceContainers(this, rawSchemas.flatMap(({ raw, schema }) => raw.containers.map((c) => ({ c, ns: schema.namespace }))), named);
    for (const { raw, schema } of rawSchemas) {
      for (const t of raw.terms) {
        this.identifier(t.name, "term", `${schema.namespace}.${t.name}`, t.at);
        schema.terms.push({
          name: t.name,
          namespace: schema.namespace,
          qualifiedName: `${schema.namespace}.${t.name}`,
          annotations: this.annotations(t.annotations, `${schema.namespace}.${t.name}`),
          at: t.at,
          type: typeRef(this, t.type, t, `${schema.namespace}.${t.name}`, t.at),
          appliesTo: t.appliesTo ? t.appliesTo.split(/\s+/).filter(Boolean) : [],
          defaultValue: t.defaultValue,
        });
      }
      for (const c of raw.containers) {
        const qualifiedName = `${schema.namespace}.${c.name}`;
        const inService = service.members.has(qualifiedName);
        const container = entityContainer(this, c, schema.namespace, inService);
        if (inService) schema.containers.push(container);
        else
          this.diags.warning(Codes.duplicateName,
            `a second entity container ${container.qualifiedName} (CSDL §13: a service has exactly one; ${service.main?.name} at ${placeOf(service.main?.at as SourceRef)} is the service's); it is left out`,
            container.qualifiedName, container.at);
      }
    }
    checkServiceNames(this.diags, this.schemas.flatMap((s) => s.containers));
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
      odataVersion: serviceVersion(this.docs, container?.qualifiedName),
      externalAnnotations: this.externalAnnotations,
      includeAnnotations: this.includeAnnotations,
      leftOut: { operations: this.leftOutOperations, imports: this.leftOutImports },
      untypedStandIns: this.untypedStandIns,
    };
    // Lazy mode: the blocks read in place (CSDL JSON's, or XML's when nothing was deferred) wait, as
    // the deferred ones do, for the slice to know what it keeps (generate.ts, readDeferred).
    if (this.readBody) return model;
    for (const { raw, doc } of rawSchemas) {
      const groups = raw.annotationGroups.flatMap((g) => includedGroup(model, doc, g, raw.namespace) ?? []);
      this.checkTargets(groups);
      applyAnnotationGroups(model, groups, this.applied, this.overloads());
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
    // Annotations the type had when declared were applied then (a CSDL JSON type's: JSON's reader defers nothing).
    const declared = raw.annotations;
    this.readBody?.(raw);
    // Linked even when the reader reported an error in its content (a second <Key>, a <Property>
    // without Name), as a whole run links what the reader made of it: else the slice would hide the
    // type's other problems and warn of a key it only did not read (ODG106 "which has no key").
    // Its own annotations come before any an annotation block adds (those are applied after fill).
    if (raw.annotations !== declared && raw.annotations.length) type.annotations.unshift(...this.annotations(raw.annotations, type.qualifiedName));
    linkMembers(this, { raw, type });
    checkInheritedNames(this, type);
    if (type.kind !== "entity") return;
    ownKey(this, type, raw);
    if (raw.key) checkKeyNotInherited(this.diags, type, raw);
    inheritKey(type);
  }

  /** Lazy mode: an enum type's members and own annotations. */
  fillEnum(type: EnumType): void {
    const raw = this.unfilledEnums.get(type);
    if (!raw) return;
    this.unfilledEnums.delete(type);
    // Read even after an error in its content, as a whole run reads it (fill).
    this.readBody?.(raw);
    type.members = enumMembers(this, raw, type.qualifiedName, type.underlying);
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
    if (undefinedTypes(this, raw, op.qualifiedName, raw.parameters.slice(read), op.returnType ? undefined : raw.returnType)) {
      this.leftOutFilled.add(op);
      leaveOut(this, new Set([op]));
      dropEmptyImports(this, op);
      return false;
    }
    // Names unique over all its parameters, as a whole run checks them (build-operations.ts).
    const unique = this.uniqueNames(op.qualifiedName);
    for (const p of raw.parameters) unique(p.name, p.at);
    if (this.diags.hasErrorsSince(before)) return true;
    op.parameters.push(...raw.parameters.slice(read).map((p) => parameter(this, p, op.qualifiedName, target)));
    if (!op.returnType) Object.assign(op, { returnType: returnType(this, raw, op.qualifiedName), ...returnAnnotations(this, raw, op.qualifiedName, target) });
    op.annotations.push(...this.annotations(raw.annotations.slice(annotationsRead), target, op.qualifiedName));
    return true;
  }

  /** Lazy mode: fills the type an annotation target path starts with. */
  fillTarget(target: string, source?: SourceText): void {
    const t = this.types.get(splitTarget(this, target, source).head);
    if (t) this.fill(t);
    // An operation's parameters and return type too (its overloads', whatever signature the target
    // names): a CSDL JSON operation's are held back for a slice (parse/held-bodies.ts).
    const ops = this.operations.get(splitTarget(this, target.replace(/\(.*?\)/, ""), source).head);
    for (const op of ops ?? []) this.fillOperation(op);
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
      referenced: this.referenced,
    };
    // Filling a target may link more navigation properties: those are not the slice's, and stay unchecked.
    const navigation = this.linksToCheck.splice(0);
    for (const n of navigation) checkNavigationLinks(ctx, n);
    const keep = (owner: string, type: EntityType, bindings: NavigationBinding[], c: EntityContainer) =>
      bindings.length && checked(type) ? checkBindings(ctx, owner, type, bindings, this.containers, c) : bindings;
    for (const c of this.containers.values()) {
      for (const s of c.entitySets) {
        if (!checked(s.entityType)) continue;
        // CSDL 4.01 §6.5: the type of an entity set has a key (its members are addressed by it).
        if (this.readBody) this.fill(s.entityType);
        if (s.entityType.key.length === 0 && !keyLeftOut(this.keysLeftOut, s.entityType))
          this.diags.warning(Codes.badKey, `entity set ${s.name} has entity type ${s.entityType.qualifiedName}, which has no key (CSDL 4.01 §6.5: an entity set's type has one); list and create are generated for the set, but byKey takes no key, so none of its members is read, updated or deleted on its own`, `${c.qualifiedName}/${s.name}`, s.at);
      }
      for (const s of c.entitySets) s.bindings = keep(`${c.qualifiedName}/${s.name}`, s.entityType, s.bindings, c);
      for (const s of c.singletons) s.bindings = keep(`${c.qualifiedName}/${s.name}`, s.type, s.bindings, c);
    }
  }

  /**
   * Lazy mode: leaves out the overloads of the functions the slice filled that §12.2.1 forbids (ODG104;
   * the others' parameters are not read). Before the annotation blocks are checked: a block naming
   * an overload of a kept function, left out or not, is then reported as in a run over the whole
   * document (ODG103).
   */
  checkOverloads(): void {
    for (const list of this.operations.values())
      if (list.length > 1) dropForbiddenOverloads(this, list.filter((op) => !this.unfilledOperations.has(op)));
  }

  /** The overloads an annotation block may target; in lazy mode, those filled only get its annotations. */
  overloads(): Overloads {
    return {
      operations: this.operations,
      keyOf: (op) => this.overloadKeys.get(op) ?? op.qualifiedName,
      filled: this.readBody && ((op) => !this.unfilledOperations.has(op)),
    };
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
      referenced: this.referenced,
      containers: this.containers,
      operations: this.operations,
      leftOut: this.leftOutOperations,
      droppedOverloads: this.droppedOverloads,
      leftOutImports: this.leftOutImports,
      terms: (this.termNames ??= new Set(this.schemas.flatMap((s) => s.terms.map((t) => t.qualifiedName)))),
    };
    for (const g of groups) checkAnnotationTarget(ctx, g);
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
      if (!checkAnnotation(this.diags, a, term, path, { qualify: (n) => this.qualify(n, a.at), types: this.types })) continue;
      if (this.applied.admit(target, term, a.qualifier, a.at, path)) out.push({ term, qualifier: a.qualifier, value: a.value, at: a.at, ...nestedAnnotations(a, (n, at) => this.qualify(n, at)) });
    }
    return out;
  }

  /**
   * CSDL §15.2 makes every schema element's name a simple identifier. Real services stray (Graph has
   * properties named `request-id`), and generated code quotes such names, so only what no quoting
   * makes safe is refused: control characters and line breaks, which would end a comment line, and
   * `*`, which could close a doc comment that names the element; and half of a surrogate pair,
   * which is no character (a URL cannot encode it: `encodeURIComponent` throws). Any other name that
   * is no simple identifier (`10`, `request-id`) is a note: the metadata is not as CSDL has it, but
   * the output is right, and the service's users cannot change its names. (An empty name was
   * reported by the reader, as a missing or empty attribute.)
   */
  identifier(name: string, what: string, path: string, at: SourceRef): void {
    if (UNSAFE_IN_NAME.test(name))
      this.diags.error(Codes.invalidAttribute, `${what} name ${JSON.stringify(name)} holds a control character, a line break or "*" (CSDL §15.2: names are simple identifiers)`, path, at);
    else if (AT_IN_NAME.test(name))
      this.diags.error(Codes.invalidAttribute, `${what} name ${JSON.stringify(name)} holds "@", which a JSON payload reads as the start of an annotation's name (JSON Format §20; CSDL §15.2: names are simple identifiers)`, path, at);
    else if (unseenProblem(name))
      this.diags.error(Codes.invalidAttribute, `${what} name ${JSON.stringify(name)} holds ${unseenProblem(name)} (CSDL §15.2: names are simple identifiers)`, path, at);
    else if (LONE_SURROGATE.test(name))
      this.diags.error(Codes.invalidAttribute, `${what} name ${JSON.stringify(name)} holds half of a UTF-16 surrogate pair, which is no Unicode character (CSDL §15.2: names are simple identifiers)`, path, at);
    else if (name !== "" && !isSimpleIdentifier(name))
      this.diags.add(Codes.invalidAttribute, "info", `${what} name ${JSON.stringify(name)} is not a simple identifier (CSDL §15.2: a letter or "_", then letters, digits or "_", at most 128); read as written, the generated code quoting it or giving it an identifier`, path, at);
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

  /**
   * A boolean attribute (`xs:boolean`: true, false, 1 or 0); any other value is reported and read as
   * the attribute's default, `otherwise`.
   */
  flag(name: string, raw: string | undefined, path: string, at: SourceRef, otherwise = false): boolean {
    if (raw === undefined) return otherwise;
    const value = xsBoolean(raw);
    if (value !== undefined) return value;
    this.diags.warning(Codes.invalidAttribute, `${wordingOf(at).value(name, raw)} is not a boolean (${wordingOf(at).booleans}); read as ${otherwise}`, path, at);
    return otherwise;
  }
}

