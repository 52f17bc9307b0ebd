/**
 * Names one element gives another, checked once every type is linked: a navigation property's
 * `Partner` and `ReferentialConstraint`s (CSDL 4.01 §8.3, §8.5), and the `Path` and `Target` of an entity
 * set's or singleton's `NavigationPropertyBinding`s (§13.4). Each name that leads nowhere is a warning
 * at its element (ODG103; ODG107 for a binding's target): Partner and constraints change no generated
 * code, and a binding that leads nowhere is left out.
 */
import { Codes, type DiagnosticBag, type SourceRef } from "../diagnostics";
import type { EntityContainer, EntitySet, NavigationBinding, NavigationProperty, Property, SchemaType, Singleton, StructuredType } from "./types";
import { wordingOf } from "./wording";

export interface LinkContext {
  diags: DiagnosticBag;
  types: ReadonlyMap<string, SchemaType>;
  /** Replaces a leading alias with its namespace, as the document that holds `at` declares it. */
  qualify(name: string, at: SourceRef): string;
  /** Lazy mode: reads a type's members before they are looked at. */
  fill?(t: StructuredType): void;
  /** Namespaces the inputs hold: a binding to a container of another document is not checked. */
  loaded: ReadonlySet<string>;
  /** Namespaces an `edmx:Reference` includes: a container there, of a document not among the inputs, is not checked. */
  referenced: ReadonlyMap<string, unknown>;
}

export type Member = Property | NavigationProperty;

/** Each type's own members by name, made once per type (a lookup per name, not a scan). */
const ownMembers = new WeakMap<StructuredType, Map<string, Member>>();

/** The member `name` of `t` or of one of its base types (CSDL §6.1.1: a type inherits them). */
export function member(t: StructuredType, name: string, fill?: (t: StructuredType) => void): Member | undefined {
  for (let c: StructuredType | undefined = t; c; c = c.baseType) {
    fill?.(c);
    let own = ownMembers.get(c);
    if (!own) {
      own = new Map<string, Member>();
      for (const m of c.properties) own.set(m.name, m);
      for (const m of c.navigationProperties) own.set(m.name, m);
      ownMembers.set(c, own);
    }
    const m = own.get(name);
    if (m) return m;
  }
  return undefined;
}

/** What a member path may go through: the rules differ by where CSDL writes the path. */
export interface PathRules {
  /** Whether the path may go on past a navigation property (else it ends at one). */
  navigation: boolean;
  /**
   * Where a type cast (a qualified name) may stand: nowhere (a segment with a dot is a member name),
   * before a member (the path ends at a member), or anywhere, last too.
   */
  casts: "none" | "before-member" | "anywhere";
  /** Whether the path may go on through a collection-valued property (else it ends at one). */
  collections: boolean;
}

/** Key paths (CSDL 4.01 §6.5): single-valued properties, through complex ones only. */
export const KEY_PATH: PathRules = { navigation: false, casts: "none", collections: false };
/** A Partner or a constraint's property (CSDL 4.01 §8.3, §8.5): through complex properties and casts to a member. */
export const MEMBER_PATH: PathRules = { navigation: false, casts: "before-member", collections: true };
/** A binding's Path (CSDL §13.4.1) or an annotation target's (§14.1.2): through anything, a cast last too. */
export const NAVIGATION_PATH: PathRules = { navigation: true, casts: "anywhere", collections: true };

/** Why a path leads nowhere, at `segment`; `owner` is the type the segment was looked up in, `previous` the member before it. */
export interface PathProblem {
  problem: "not structured" | "not a type" | "unrelated cast" | "cast last" | "no member" | "navigation" | "collection";
  segment: string;
  owner: StructuredType | undefined;
  previous: Member | undefined;
}

/** Where a path ends: its last member (none when it has only casts), the type that has it, and whether a property on the way is nullable. */
export interface PathEnd {
  problem?: undefined;
  member: Member | undefined;
  owner: StructuredType;
  nullable: boolean;
}

/**
 * Follows member names and type casts from `start` as `rules` allow: each segment is looked up once
 * (member(), per type and name). The last member it names, or why a segment leads nowhere.
 */
export function walkPath(
  ctx: Pick<LinkContext, "types" | "qualify" | "fill">,
  start: StructuredType,
  segments: readonly string[],
  rules: PathRules,
  at: SourceRef | undefined,
): PathEnd | PathProblem {
  let t: StructuredType | undefined = start;
  let owner = start;
  let last: Member | undefined;
  let nullable = false;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (!t) return { problem: "not structured", segment, owner: undefined, previous: last };
    if (rules.casts !== "none" && segment.includes(".")) {
      const cast = ctx.types.get(at ? ctx.qualify(segment, at) : segment);
      if (!cast || (cast.kind !== "entity" && cast.kind !== "complex")) return { problem: "not a type", segment, owner: t, previous: last };
      // CSDL 4.01 §14.4.1.1: a value can be cast to a type derived from its own (to its own or a base type, changing nothing), to no other.
      if (!inOneLine(cast, t)) return { problem: "unrelated cast", segment, owner: t, previous: last };
      if (rules.casts === "before-member" && i === segments.length - 1) return { problem: "cast last", segment, owner: t, previous: last };
      t = cast;
      continue;
    }
    const m = member(t, segment, ctx.fill);
    if (!m) return { problem: "no member", segment, owner: t, previous: last };
    last = m;
    owner = t;
    const more = i < segments.length - 1;
    if (m.kind === "navigation") {
      if (more && !rules.navigation) return { problem: "navigation", segment, owner: t, previous: m };
      t = m.target;
    } else {
      if (more && m.type.collection && !rules.collections) return { problem: "collection", segment, owner: t, previous: m };
      nullable ||= m.type.nullable;
      // Also through a collection of complex values where the rules allow it: a binding's path may
      // go through one (CSDL §13.4.1: the binding applies to every item), as the request emitter follows it.
      t = m.type.type.kind === "complex" ? m.type.type : undefined;
    }
  }
  return { member: last, owner, nullable };
}

/** Whether `a` derives from `b`, `b` from `a`, or both are one type. */
function inOneLine(a: StructuredType, b: StructuredType): boolean {
  for (let c: StructuredType | undefined = a; c; c = c.baseType) if (c === b) return true;
  for (let c: StructuredType | undefined = b.baseType; c; c = c.baseType) if (c === a) return true;
  return false;
}

/** What a cast segment that names a type outside the value's line of types (`inOneLine`) is told. */
export function unrelatedCast(end: PathProblem): string {
  return `${end.segment} is not derived from ${end.owner?.qualifiedName}, so no value there can be cast to it`;
}

/** The member a path ends at, if the rules let it reach one. */
function endOf(ctx: LinkContext, start: StructuredType, path: string, rules: PathRules, at: SourceRef | undefined): Member | undefined {
  const end = walkPath(ctx, start, path.split("/"), rules, at);
  return end.problem === undefined ? end.member : undefined;
}

/**
 * CSDL 4.01 §8.3: a Partner is a path from the target type to a navigation property back (through complex
 * properties and type casts, not other navigation properties); §8.5: a constraint's Property is a
 * property of the declaring type, its ReferencedProperty one of the target type.
 */
export function checkNavigationLinks(ctx: LinkContext, n: NavigationProperty): void {
  const path = `${n.declaringType.qualifiedName}/${n.name}`;
  if (n.partner !== undefined && n.partner !== "") {
    const back = endOf(ctx, n.target, n.partner, MEMBER_PATH, n.at);
    const partner = `${wordingOf(n.at).name("Partner")} ${n.partner}`;
    if (n.declaringType.kind === "complex")
      ctx.diags.warning(Codes.undefinedType,
        `${partner} is not allowed on a navigation property of a complex type (CSDL §8.3: only an entity type's navigation property has a partner); it is ignored`,
        path, n.at);
    else if (back?.kind !== "navigation")
      ctx.diags.warning(Codes.undefinedType,
        `${partner} is not a navigation property of ${n.target.qualifiedName} (CSDL §8.3: the partner is a navigation property of the target type); it is ignored`,
        path, n.at);
    else {
      const wrong = partnerMismatch(ctx, n, back);
      if (wrong) ctx.diags.warning(Codes.undefinedType, `${partner} does not lead back: ${wrong}; it is ignored`, path, n.at);
    }
  }
  for (const c of n.constraints) {
    const at = c.at ?? n.at;
    const problems: string[] = [];
    if (c.property !== "" && endOf(ctx, n.declaringType, c.property, MEMBER_PATH, at)?.kind !== "property")
      problems.push(`${wordingOf(at).constraintProperty(c.property)} is not a property of ${n.declaringType.qualifiedName}`);
    if (c.referencedProperty !== "" && endOf(ctx, n.target, c.referencedProperty, MEMBER_PATH, at)?.kind !== "property")
      problems.push(`${wordingOf(at).constraintReferenced(c.referencedProperty)} is not a property of ${n.target.qualifiedName}`);
    if (problems.length)
      ctx.diags.warning(Codes.undefinedType, `${wordingOf(at).name("ReferentialConstraint")}: ${problems.join("; ")} (CSDL §8.5); it is ignored`, path, at);
  }
}

/**
 * CSDL 4.01 §8.3: the partner's type is the declaring entity type or one of its base types, and the
 * partner names this navigation property as its own partner, or names none (as it must where this
 * one is declared on a subtype of its type). Undefined when it does; else why not. A partner whose
 * own Partner leads nowhere is reported at the partner.
 */
function partnerMismatch(ctx: LinkContext, n: NavigationProperty, back: NavigationProperty): string | undefined {
  const home = n.declaringType;
  const where = `${back.declaringType.qualifiedName}/${back.name}`;
  let t: StructuredType | undefined = home;
  while (t && t !== back.target) t = t.baseType;
  if (!t) return `${where} is of type ${back.target.qualifiedName}, not ${home.qualifiedName} or a base type of it (CSDL §8.3)`;
  if (back.partner === undefined || back.partner === "") return undefined;
  const other = endOf(ctx, back.target, back.partner, MEMBER_PATH, back.at);
  if (other?.kind !== "navigation" || other === n) return undefined;
  return `${where} names ${back.partner} as its partner, not ${n.name} (CSDL §8.3: a partner names this navigation property or none)`;
}

/**
 * CSDL §13.4: each binding's Path leads from the entity set's (or singleton's) type, through type
 * casts, complex properties and containment navigation properties, to a navigation property (a type
 * cast may follow it); its Target names an entity set or singleton of this container
 * (`Set`, `Set/contained/path`) or of another (`Namespace.Container/Set`). A binding that does not is
 * reported and left out (the request functions would otherwise follow a navigation property that is
 * not there, or one to nowhere). Returns the bindings kept.
 */
export function checkBindings(
  ctx: LinkContext,
  owner: string,
  type: StructuredType,
  bindings: readonly NavigationBinding[],
  containers: ReadonlyMap<string, EntityContainer>,
  container: EntityContainer,
): NavigationBinding[] {
  const kept: NavigationBinding[] = [];
  const first = new Map<string, NavigationBinding>();
  for (const b of bindings) {
    const at = b.at;
    const path = `${owner}/${b.path}`;
    if (b.path === "" || b.target === "") continue; // reported by the reader
    // CSDL §13.4: a navigation property is bound once on an entity set or singleton (the request
    // functions' binding tables hold one target a path).
    const earlier = first.get(b.path);
    if (earlier) {
      ctx.diags.add(Codes.duplicateName, "warning", `${wordingOf(at).bindingPath(b.path)} is bound twice; the first binding, to ${earlier.target}, is kept and this one, to ${b.target}, left out`, path, at);
      continue;
    }
    const end = at && walkPath(ctx, type, b.path.split("/"), NAVIGATION_PATH, at);
    if (end && (end.problem !== undefined || end.member?.kind !== "navigation")) {
      // A cast to a type outside the value's line names the type, which may well have that member (TripPin's Flight/Airline on People).
      const why = end.problem === "unrelated cast" ? `; ${unrelatedCast(end)}` : "";
      ctx.diags.warning(Codes.undefinedType,
        `${wordingOf(at).bindingPath(b.path)} is not a navigation property of ${type.qualifiedName} (CSDL §13.4.1${why}); the binding is left out`,
        path, at);
      continue;
    }
    const problem = at && bindingTargetProblem(ctx, b.target, at, containers, container);
    if (problem) {
      ctx.diags.warning(Codes.undefinedNavigationTarget, `${wordingOf(at).bindingTarget(b.target)} ${problem}; the binding is left out`, path, at);
      continue;
    }
    first.set(b.path, b);
    kept.push(b);
  }
  return kept;
}

/** Why a binding's Target leads to no entity set or singleton (CSDL §13.4.2); undefined when it does, or may (a container of a document not among the inputs). */
function bindingTargetProblem(ctx: LinkContext, target: string, at: SourceRef, containers: ReadonlyMap<string, EntityContainer>, container: EntityContainer): string | undefined {
  const notThere = "is not an entity set or singleton (CSDL §13.4.2)";
  let segments = target.split("/");
  let c: EntityContainer | undefined = container;
  if (segments.length > 1 && segments[0].includes(".")) {
    const qualified = ctx.qualify(segments[0], at);
    c = containers.get(qualified);
    const ns = qualified.slice(0, qualified.lastIndexOf("."));
    if (!c && ctx.loaded.has(ns)) return notThere;
    // A container of a document that is not among the inputs, which a reference includes: not checked.
    if (!c && ctx.referenced.has(ns)) return undefined;
    // A qualified name names an element of a namespace a document declares or a reference includes (CSDL XML §4.2).
    if (!c) return `names entity container ${qualified}, which no input declares and no reference includes (CSDL §13.4.2: a container-qualified target names a container of the model)`;
    segments = segments.slice(1);
  }
  // A container has the sets and singletons of the one it extends too (CSDL §13.1.2), transitively.
  for (let seen = 0; c && seen < 32; c = c.extends ? containers.get(c.extends) : undefined, seen++) {
    // An entity set or singleton (they have a type); an import is not a binding target.
    if (containerChildren(c).get(segments[0])?.type) return undefined;
    if (c.extends && !containers.has(c.extends)) return ctx.loaded.has(c.extends.slice(0, c.extends.lastIndexOf("."))) ? notThere : undefined;
  }
  return notThere;
}

/** What a container's child names: an entity set or singleton (with its entity type), or an import (neither). */
export interface ContainerChild {
  type?: StructuredType;
  root?: EntitySet | Singleton;
}

/** A container's entity sets, singletons and imports by name, made once per container. */
const children = new WeakMap<EntityContainer, Map<string, ContainerChild>>();
export function containerChildren(c: EntityContainer): Map<string, ContainerChild> {
  let names = children.get(c);
  if (!names) {
    names = new Map<string, ContainerChild>();
    for (const s of c.entitySets) names.set(s.name, { type: s.entityType, root: s });
    for (const s of c.singletons) names.set(s.name, { type: s.type, root: s });
    for (const i of c.imports) names.set(i.name, {});
    children.set(c, names);
  }
  return names;
}
