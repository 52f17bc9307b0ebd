/**
 * The names of a namespace's request functions (requests-view.ts): its roots, the reading and writing
 * functions of each entity type, its operations, path builders, composable functions' addresses and
 * type casts. They are claimed in one module scope, in that order, a taken name falling back as each
 * kind does (a builder to `settingsOfGroup`, an operation to its binding type's name and its own,
 * then numbers) — and always over the whole service, so that a slice names what it keeps as the full
 * run does, and widening or narrowing it renames nothing.
 *
 * A slice does not read every type's members for that. A claim can only be changed by an earlier
 * one that may want the same name or one of its numbered forms (`log`, `log2`): those are found by
 * name — a builder `groupSettings` only on a type named `group` (or `groupS`, …), or as
 * `…Of` and the type's name — read, and their own rivals in turn; then those claims are replayed in
 * the full run's order.
 */
import { leadsToNavigation } from "./complex-navigation";
import { countSubtypes, isAddressableStream, navigationReacher } from "../model/rules";
import type { ComplexType, EntityContainer, EntitySet, EntityType, Model, Operation, Schema, SchemaType, Singleton, StructuredType } from "../model/types";
import { camel, JS_RESERVED, pascal, plural, Scope, type Names } from "../passes/names";
import { claimOperationGroup, operationGroupWants, overloadKey, type NamedOperation } from "./operation-names";
import { Index, namedOperations, stem, type Group } from "./request-name-index";
import { descendants } from "../passes/slice/paths";

/** The whole service, whose names a slice takes: the full model, and in a lazily built one the readers of members. */
export interface Service {
  model: Model;
  names: Names;
  /** Reads a type's members (model/build's `LazyModel.fill`); absent when every type is read. */
  fill?: (t: SchemaType) => void;
  /** Reads an operation's parameters; false when it is left out instead (`LazyModel.fillOperation`). */
  fillOperation?: (op: Operation) => boolean;
}

/** A function reaching a member of a type: a navigation property, the media (`content`), a stream property, a complex property leading to navigation. */
export type BuilderKind = "nav" | "media" | "stream" | "complex";

export interface Verbs {
  get: string;
  list: string;
  create: string;
  update: string;
  remove: string;
}

/** Names of a module's functions, asked with the elements of the model emitted (a slice's copies too). */
export interface RequestNames {
  root(c: EntityContainer, s: EntitySet | Singleton): string;
  verbs(t: EntityType): Verbs;
  operation(e: NamedOperation): string;
  builder(kind: BuilderKind, owner: StructuredType, member: string): string;
  composable(e: NamedOperation): string;
  cast(t: EntityType): string;
  /** Every name claimed (and those of the functions a slice's module imports, `Imports.useValue`). */
  scope: Scope;
}

/**
 * `edm` is a requests module's namespace import of edm.ts: a function of that name would conflict
 * with it (`rt` is reserved everywhere). A function exported as `then` would make the module's
 * namespace object a thenable (ECMA-262 §27.2.1.3.2): `await import("./ns.requests.js")` would call
 * it rather than give the module, and never settle. One exported as `__proto__` would, compiled to
 * CommonJS (`exports.__proto__ = …`), set the exports object's prototype rather than export it;
 * one named `require` or `exports` would hide CommonJS's own, which the compiled module calls to
 * load its imports (TS2441: the compiler reserves both names at a module's top level).
 */
export const RESERVED = [...JS_RESERVED, "edm", "then", "__proto__", "require", "exports"];

/**
 * The most subtypes a `…Subtypes` map lists (requests-view.ts). The compiler spells out every
 * `Ns.type/property` of a map for each module that names its type: on Graph, `entity`'s 1,145
 * subtypes alone doubled the time tsc takes over all of it; the next largest has 40 (`directoryObject`).
 */
export const MAX_LISTED_SUBTYPES = 200;

/**
 * Whether an entity type has a `…Subtypes` map (and a cast function): it has subtypes, and in the
 * whole service not more than MAX_LISTED_SUBTYPES (a slice keeps `subtypeCount`, so that whether it
 * has one does not depend on the slice).
 */
export function listsSubtypes(t: EntityType): boolean {
  if (t.derived.length === 0) return false;
  let n = subtypeCounts.get(t);
  if (n === undefined) subtypeCounts.set(t, (n = t.subtypeCount ?? countSubtypes(t)));
  return n <= MAX_LISTED_SUBTYPES;
}
const subtypeCounts = new WeakMap<EntityType, number>();

/** A claim of the full run: where it comes in the order of claims, what it may want, how it claims. */
interface Claim {
  /** Position in the full run's order of claims (`order`). */
  order: number;
  /** The names it may claim (each with its numbered forms); for an operation, read when first asked. */
  wants(): string[];
  /** Claims whose names it uses (a composable address its function's). */
  needs?: Claim;
  claim(scope: Scope): void;
}

/** Where a claim comes: its phase (roots, verbs, operations, builders, …), then its element's place and its place within the element's. */
function order(phase: number, at: number, within = 0): number {
  return phase * 2 ** 40 + at * 2 ** 20 + within;
}

/** The request function names of each namespace's module, over `service`; once per namespace. */
export function requestNamer(service: Service): (schema: Schema) => RequestNames {
  const known = new Map<string, RequestNames>();
  return (schema) => {
    let names = known.get(schema.namespace);
    if (!names) known.set(schema.namespace, (names = namesOf(service, schema)));
    return names;
  };
}

/** A type's name and `suffix`, with `_` appended while a type of its namespace (`declared`) has that name: `PersonFilterKinds`. */
export function companion(typeName: string, declared: ReadonlySet<string>, suffix: string): string {
  let name = `${typeName}${suffix}`;
  while (declared.has(name)) name += "_";
  return name;
}

/**
 * The names no request function of `schema`'s module may take: the reserved words, and the module's
 * filter-kinds tables (`XFilterKinds`, constants named after types, reserved for every structured
 * type so that a slice names as the whole run does). A type whose name has no case (`_x`, `名前`)
 * would otherwise give its navigation property `filterKinds` the builder `_xFilterKinds` too.
 */
function reserved(service: Service, schema: Schema): string[] {
  const declared = service.names.declared(schema.namespace);
  const tables = schema.types.filter((t) => t.kind === "entity" || t.kind === "complex").map((t) => companion(service.names.type(t), declared, "FilterKinds"));
  return [...RESERVED, ...tables];
}

function namesOf(service: Service, emitted: Schema): RequestNames {
  const full = service.model.schemas.find((s) => s.namespace === emitted.namespace) ?? emitted;
  // A full run claims everything, and needs no rivals found; a slice the claims of what it emits, and their rivals.
  const whole = full === emitted;
  const claims = new Claims(service, full, !whole);
  const scope = new Scope(reserved(service, full));
  if (whole) claims.claimEverything(scope);
  else {
    claims.of(emitted);
    claims.replay(scope);
  }
  return claims.names(scope);
}

/**
 * What each of `wanted` names among the request functions of `schema`'s module, over the whole
 * service (the inverse of `requestNamer`, for slicing by the functions a program imports): the
 * elements the function needs kept — a root's entity type, the type of a reading or writing
 * function or a cast, a builder's owner and its member's type, an operation. A name no function of
 * the module has is not in the map. The claims that may want each name are found, with their
 * rivals, as a slice finds them (`Claims.of`), and replayed in the full run's order.
 */
export function requestElements(service: Service, schema: Schema, wanted: readonly string[]): Map<string, (SchemaType | Operation)[]> {
  const full = service.model.schemas.find((s) => s.namespace === schema.namespace) ?? schema;
  const claims = new Claims(service, full, true);
  claims.wanting(wanted);
  const scope = new Scope(reserved(service, full));
  claims.replay(scope);
  return claims.elements(new Set(wanted));
}

class Claims {
  private readonly typeName: (t: SchemaType) => string;
  // What was claimed, by the full model's elements (a slice's copies are looked up by their originals).
  private readonly rootResults = new Map<EntitySet | Singleton, string>();
  private readonly verbResults = new Map<EntityType, Verbs>();
  private readonly builderResults = new Map<StructuredType, Map<string, string>>();
  private readonly castResults = new Map<EntityType, string>();
  /** Composable functions' addresses, by their function's name. */
  private readonly refResults = new Map<string, string>();
  private readonly operationResults = new Map<NamedOperation, string>();
  private readonly byElement = new Map<string, Claim>();
  private readonly chosen = new Set<Claim>();
  private readonly stems = new Set<string>();
  private readonly index: Index;
  private readonly leads: (c: ComplexType) => boolean;

  constructor(
    private readonly service: Service,
    private readonly schema: Schema,
    private readonly findRivals: boolean,
  ) {
    this.typeName = (t) => service.names.type(t);
    this.index = new Index(schema, this.typeName, findRivals);
    const fill = service.fill;
    if (!fill) {
      const leading = leadsToNavigation(service.model);
      this.leads = (c) => leading.has(c);
    } else this.leads = navigationReacher(fill);
  }

  /** Every claim of the module, in order (a full run): what `replay` does with the claims of a slice. */
  claimEverything(scope: Scope): void {
    const schema = this.schema;
    for (const c of schema.containers) for (const s of [...c.singletons, ...c.entitySets]) this.rootResults.set(s, scope.claim(camel(s.name)));
    for (const t of schema.types) if (t.kind === "entity") this.claimVerbs(t, scope);
    for (const g of this.index.groups) claimOperationGroup(this.typeName, this.index.read(g, undefined), scope, this.operationResults);
    for (const phase of [3, 4] as const)
      for (const t of schema.types) if (t.kind === "entity" || t.kind === "complex") this.builders(t, phase, (kind, member, want, fallback) => this.claimBuilder(t, kind, member, want, fallback, scope));
    for (const e of namedOperations(schema)) if (e.op.kind === "function" && e.op.composable) this.claimRef(e, scope);
    for (const t of schema.types) if (t.kind === "entity" && listsSubtypes(t)) this.claimCast(t, scope);
  }

  private claimBuilder(t: StructuredType, kind: BuilderKind, member: string, want: string, fallback: string | undefined, scope: Scope): void {
    let own = this.builderResults.get(t);
    if (!own) this.builderResults.set(t, (own = new Map()));
    own.set(builderKey(kind, member), scope.claim(fallback !== undefined && scope.has(want) ? fallback : want));
  }

  private claimCast(t: EntityType, scope: Scope): void {
    this.castResults.set(t, scope.claim(castName(this.typeName(t))));
  }

  private verbNames(t: EntityType): Verbs {
    return verbWants(this.typeName, t);
  }

  private claimVerbs(t: EntityType, scope: Scope): void {
    this.verbResults.set(t, claimVerbs(this.verbNames(t), scope));
  }

  private claimRef(e: NamedOperation, scope: Scope): void {
    const name = this.operationResults.get(e);
    if (name !== undefined) this.refResults.set(name, scope.claim(`${name}Ref`));
  }

  /** The claims of what a slice's module emits, and their rivals. */
  of(emitted: Schema): void {
    const types = this.service.model.types;
    for (const c of emitted.containers) {
      const own = this.schema.containers.find((x) => x.qualifiedName === c.qualifiedName);
      for (const s of [...c.singletons, ...c.entitySets]) {
        const root = own && [...own.singletons, ...own.entitySets].find((x) => x.name === s.name);
        if (own && root) this.choose(this.root(own, root));
      }
    }
    for (const t of emitted.types) {
      const original = types.get(t.qualifiedName);
      if (original) this.ofType(original);
    }
    for (const e of namedOperations(emitted)) {
      const group = this.index.groupOf(e, this.service.fillOperation);
      if (group) this.ofGroup(group);
    }
  }

  /** The claims that may want each of `names`, chosen with their rivals: a slice's `of`, from names rather than elements. */
  wanting(names: readonly string[]): void {
    for (const n of names) {
      const s = stem(n);
      if (this.stems.has(s)) continue;
      this.stems.add(s);
      for (const c of this.rivals(s)) this.choose(c);
    }
  }

  /** The elements the claims replayed gave each of `wanted` to (`requestElements`). */
  elements(wanted: ReadonlySet<string>): Map<string, (SchemaType | Operation)[]> {
    const out = new Map<string, (SchemaType | Operation)[]>();
    const found = (name: string, elements: (SchemaType | Operation)[]) => wanted.has(name) && !out.has(name) && out.set(name, elements);
    for (const [s, name] of this.rootResults) found(name, [s.kind === "entitySet" ? s.entityType : s.type]);
    for (const [t, verbs] of this.verbResults) for (const name of Object.values(verbs)) found(name, [t]);
    // A cast takes the subtypes the slice keeps: all of them.
    for (const [t, name] of this.castResults) found(name, [t, ...descendants(t)]);
    for (const [t, members] of this.builderResults)
      for (const [key, name] of members) {
        const nav = t.navigationProperties.find((n) => n.name === key);
        const p = nav ? undefined : t.properties.find((x) => x.name === key);
        const target = nav ? nav.target : p && p.type.type.kind !== "primitive" ? p.type.type : undefined;
        // A complex property's builder is there for the navigation properties it leads to: their targets too.
        found(name, target ? [t, target, ...(target.kind === "complex" ? this.reached(target) : [])] : [t]);
      }
    const byName = new Map<string, Operation>();
    for (const [e, name] of this.operationResults) {
      byName.set(name, e.op);
      // An import is kept with every overload it names (slice/copy.ts).
      found(name, e.importName === undefined ? [e.op] : this.schema.operations.filter((o) => !o.bound && o.qualifiedName === e.op.qualifiedName));
    }
    for (const [name, ref] of this.refResults) {
      const op = byName.get(name);
      if (op) found(ref, [op]);
    }
    return out;
  }

  /** The targets of the navigation properties a complex type has, and those its complex properties lead to, and the types on the way. */
  private reached(c: ComplexType): SchemaType[] {
    const seen = new Set<SchemaType>([c]);
    const out: SchemaType[] = [];
    const work: ComplexType[] = [c];
    for (let t = work.pop(); t; t = work.pop()) {
      this.service.fill?.(t);
      for (const n of t.navigationProperties) if (!seen.has(n.target)) [seen.add(n.target), out.push(n.target)];
      for (const p of t.properties) {
        const x = p.type.type;
        if (x.kind === "complex" && !seen.has(x) && this.leads(x)) [seen.add(x), out.push(x), work.push(x)];
      }
    }
    return out;
  }

  /** The chosen claims, in the full run's order. */
  replay(scope: Scope): void {
    for (const c of [...this.chosen].sort((a, b) => a.order - b.order)) c.claim(scope);
  }

  /** The names claimed, asked with the elements of the model emitted; one not claimed (never in a slice of the service) is claimed after them. */
  names(scope: Scope): RequestNames {
    const types = this.service.model.types;
    const original = <T extends SchemaType>(t: T): T => (this.findRivals ? ((types.get(t.qualifiedName) as T | undefined) ?? t) : t);
    const originalRoot = (c: EntityContainer, s: EntitySet | Singleton) => {
      if (!this.findRivals) return s;
      const own = this.schema.containers.find((x) => x.qualifiedName === c.qualifiedName);
      return (own && [...own.singletons, ...own.entitySets].find((x) => x.name === s.name)) ?? s;
    };
    const operation = (e: NamedOperation) => {
      // The full run's own entries; a slice's copies are found in their group.
      const own = this.operationResults.get(e);
      if (own !== undefined) return own;
      const group = this.index.groupOf(e, this.service.fillOperation);
      const entry = group?.entries.find((x) => sameOperation(x, e));
      return entry && this.operationResults.get(entry);
    };
    return {
      root: (c, s) => this.rootResults.get(originalRoot(c, s)) ?? missing(camel(s.name), scope),
      verbs: (t) => this.verbResults.get(original(t)) ?? claimVerbs(this.verbNames(t), scope),
      operation: (e) => operation(e) ?? missing(camel(e.importName ?? e.op.name), scope),
      builder: (kind, owner, member) =>
        this.builderResults.get(original(owner))?.get(builderKey(kind, member)) ?? missing(`${camel(this.typeName(owner))}${pascal(member)}`, scope),
      composable: (e) => {
        const name = operation(e);
        return (name !== undefined && this.refResults.get(name)) || missing(`${name}Ref`, scope);
      },
      cast: (t) => this.castResults.get(original(t)) ?? missing(castName(this.typeName(t)), scope),
      scope,
    };
  }

  /** Adds a claim, and (in a slice) every claim that may want one of its names, transitively. */
  private choose(claim: Claim): void {
    const work = [claim];
    for (let c = work.pop(); c; c = work.pop()) {
      if (this.chosen.has(c)) continue;
      this.chosen.add(c);
      if (c.needs) work.push(c.needs);
      if (!this.findRivals) continue;
      for (const want of c.wants()) {
        const s = stem(want);
        if (this.stems.has(s)) continue;
        this.stems.add(s);
        work.push(...this.rivals(s));
      }
    }
  }

  /** The claims that may want a name whose stem is `s`. */
  private rivals(s: string): Claim[] {
    const out: Claim[] = [];
    const fill = this.service.fill;
    const want = (c: Claim) => c.wants().some((w) => stem(w) === s);
    for (const r of this.index.roots.get(s) ?? []) out.push(this.root(r.c, r.s));
    // `get`, `create`, `update`, `delete`, `cast` and a type's name; `list` and its plural (which may be the name itself).
    for (const verb of ["get", "create", "update", "delete", "cast"])
      if (s.startsWith(verb)) for (const t of this.index.named(s.slice(verb.length))) if (t.kind === "entity") out.push(verb === "cast" ? this.castClaim(t) : this.verbClaim(t));
    if (s.startsWith("list")) {
      const many = s.slice(4);
      for (const one of new Set([many, many.slice(0, -1), many.slice(0, -2), `${many.slice(0, -3)}y`].map(stem)))
        for (const t of this.index.named(one)) if (t.kind === "entity" && `list${plural(pascal(this.typeName(t)))}` === s) out.push(this.verbClaim(t));
    }
    // An operation's name, bare or after a binding type's, and with `With…` after it.
    const bases = [s];
    for (let i = s.indexOf("With", 1); i > 0; i = s.indexOf("With", i + 1)) bases.push(stem(s.slice(0, i)));
    const refs = s.endsWith("Ref") ? [stem(s.slice(0, -3))] : [];
    for (let i = refs[0]?.indexOf("With", 1) ?? -1; i > 0; i = refs[0].indexOf("With", i + 1)) refs.push(stem(refs[0].slice(0, i)));
    for (const b of bases) for (const g of this.index.operations.get(b) ?? []) out.push(this.groupClaim(g));
    for (const b of refs) for (const g of this.index.operations.get(b) ?? []) for (const c of this.composableClaims(g)) if (want(c)) out.push(c);
    // A builder: `ownerMember`, its owner's name a start of it, or `memberOfOwner`.
    const owners = new Set<StructuredType>();
    // Only the starts as long as some type's name: every start of a long name was quadratic in its length.
    for (const j of this.index.camelLengths) if (j < s.length) for (const t of this.index.camelNamed(s.slice(0, j), this.typeName)) owners.add(t);
    for (let i = s.indexOf("Of", 1); i > 0; i = s.indexOf("Of", i + 1)) for (const t of this.index.named(s.slice(i + 2))) owners.add(t);
    for (const t of owners) {
      fill?.(t);
      for (const c of this.builderClaims(t)) if (want(c)) out.push(c);
    }
    return out;
  }

  private ofType(t: SchemaType): void {
    if (t.kind !== "entity" && t.kind !== "complex") return;
    this.service.fill?.(t);
    if (t.kind === "entity") {
      this.choose(this.verbClaim(t));
      if (listsSubtypes(t)) this.choose(this.castClaim(t));
    }
    for (const c of this.builderClaims(t)) this.choose(c);
  }

  private ofGroup(g: Group): void {
    this.choose(this.groupClaim(g));
    for (const c of this.composableClaims(g)) this.choose(c);
  }

  /** One claim per element, made once. */
  private once(key: string, make: () => Claim): Claim {
    let c = this.byElement.get(key);
    if (!c) this.byElement.set(key, (c = make()));
    return c;
  }

  private simple(key: string, at: number, wants: string[], claim: (scope: Scope) => void): Claim {
    return this.once(key, () => ({ order: at, wants: () => wants, claim }));
  }

  private root(c: EntityContainer, s: EntitySet | Singleton): Claim {
    const want = camel(s.name);
    return this.simple(`root ${c.qualifiedName}/${s.name}`, order(0, this.index.rootOrder.get(s) ?? 0), [want], (scope) => this.rootResults.set(s, scope.claim(want)));
  }

  /** Reading and writing functions: list and create are set aside for a type without a key too (whether it has collections depends on the slice). */
  private verbClaim(t: EntityType): Claim {
    return this.once(`verbs ${t.qualifiedName}`, () => ({
      order: order(1, this.index.typeOrder.get(t) ?? 0),
      wants: () => Object.values(this.verbNames(t)),
      claim: (scope) => this.claimVerbs(t, scope),
    }));
  }

  private castClaim(t: EntityType): Claim {
    return this.simple(`cast ${t.qualifiedName}`, order(6, this.index.typeOrder.get(t) ?? 0), [castName(this.typeName(t))], (scope) => this.claimCast(t, scope));
  }

  /**
   * The builders of a type's members, as requests-view.ts emits them (the type read), in order: phase
   * 3 an entity type's navigation properties, media and stream properties; phase 4 complex
   * properties leading to navigation properties, and a complex type's navigation properties.
   */
  private builders(t: StructuredType, phase: 3 | 4, f: (kind: BuilderKind, member: string, want: string, fallback: string) => void): void {
    const owner = camel(this.typeName(t));
    const builder = (kind: BuilderKind, member: string) => f(kind, member, `${owner}${pascal(member)}`, `${camel(member)}Of${pascal(owner)}`);
    if (phase === 3) {
      if (t.kind !== "entity") return;
      for (const n of t.navigationProperties) builder("nav", n.name);
      if (t.hasStream && !t.baseType?.hasStream) builder("media", "content");
      for (const p of t.properties) if (isAddressableStream(p)) builder("stream", p.name);
      return;
    }
    for (const p of t.properties) if (!p.type.collection && p.type.type.kind === "complex" && this.leads(p.type.type)) builder("complex", p.name);
    if (t.kind === "complex") for (const n of t.navigationProperties) builder("nav", n.name);
  }

  private builderClaims(t: StructuredType): Claim[] {
    const at = this.index.typeOrder.get(t) ?? 0;
    const out: Claim[] = [];
    for (const phase of [3, 4] as const) {
      let j = 0;
      this.builders(t, phase, (kind, member, want, fallback) =>
        out.push(this.simple(`${kind} ${t.qualifiedName}/${member}`, order(phase, at, j++), [want, fallback], (scope) => this.claimBuilder(t, kind, member, want, fallback, scope))),
      );
    }
    return out;
  }

  /** The overloads of one operation, named together (operation-names.ts); read first. */
  private groupClaim(g: Group): Claim {
    return this.once(`group ${g.key}`, () => {
      let entries: NamedOperation[] | undefined;
      const read = () => (entries ??= this.index.read(g, this.service.fillOperation));
      return {
        order: order(2, g.first),
        wants: () => (read().length ? operationGroupWants(this.typeName, read()) : []),
        claim: (scope) => {
          if (read().length) claimOperationGroup(this.typeName, read(), scope, this.operationResults);
        },
      };
    });
  }

  /**
   * The address of each composable function of a group (`rangeRef`): set aside for every composable
   * function, whether or not its parameters and result let requests-view.ts write one.
   */
  private composableClaims(g: Group): Claim[] {
    return g.entries
      .filter((e) => e.op.kind === "function" && e.op.composable)
      .map((e) =>
        this.once(`ref ${g.key} ${g.entries.indexOf(e)}`, () => {
          const group = this.groupClaim(g);
          return {
            order: order(5, this.index.entryOrder.get(e) ?? 0),
            needs: group,
            wants: () => group.wants().map((w) => `${w}Ref`),
            claim: (scope) => this.claimRef(e, scope),
          };
        }),
      );
  }
}

/** Whether two entries name one operation: the same, or a slice's copy of it (same binding and parameters). */
function sameOperation(a: NamedOperation, b: NamedOperation): boolean {
  if (a.op === b.op) return a.importName === b.importName;
  return (
    a.importName === b.importName &&
    overloadKey(a) === overloadKey(b) &&
    (a.op.binding?.type.collection ?? false) === (b.op.binding?.type.collection ?? false) &&
    a.op.parameters.map((p) => p.name).join(",") === b.op.parameters.map((p) => p.name).join(",")
  );
}

/** A builder's member among its owner's: a property's or navigation property's name, which are unique in a type (CSDL §6.1), or the media's. */
function builderKey(kind: BuilderKind, member: string): string {
  return kind === "media" ? "@media" : member;
}

/** The names a type's reading and writing functions want, in the order they are claimed. */
export function verbWants(typeName: (t: SchemaType) => string, t: EntityType): Verbs {
  const base = pascal(typeName(t));
  return { get: `get${base}`, list: `list${plural(base)}`, create: `create${base}`, update: `update${base}`, remove: `delete${base}` };
}

function castName(typeName: string): string {
  return `cast${pascal(typeName)}`;
}

/** Claims the reading and writing functions' names, in order. */
function claimVerbs(want: Verbs, scope: Scope): Verbs {
  return { get: scope.claim(want.get), list: scope.claim(want.list), create: scope.claim(want.create), update: scope.claim(want.update), remove: scope.claim(want.remove) };
}

/** A name the replay did not make (an element the full service lacks, which a slice never has): claimed after the others. */
function missing(want: string, scope: Scope): string {
  return scope.claim(want);
}
