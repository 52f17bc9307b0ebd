/**
 * CSDL §14.1.2 (XML §14.2.1): an `<Annotations>` block's Target is a path to a model element — a
 * schema, a type or one of its members (through complex and navigation properties and type casts),
 * an enum member, a term, an operation (`ns.f`, or one overload, `ns.f(ns.t)`), its parameters or
 * `$ReturnType`, the entity container, or one of its entity sets, singletons and imports (and from a
 * set, a path into its type). A target in a namespace the inputs define that names none of these is
 * a warning at the block (ODG103): a typo there silently drops the annotations (a `Core.Computed`,
 * say). A target in another namespace (a referenced vocabulary, a document not among the inputs) is
 * not checked. Each lookup is one map look-up per segment (types, containers, operations, members).
 */
import { Codes, placeOf, type SourceRef } from "../diagnostics";
import type { RawAnnotationGroup } from "../parse/raw";
import { containerChildren, NAVIGATION_PATH, unrelatedCast, walkPath, type LinkContext } from "./links";
import { namesOverload, operationHead, parameterOf, qualifiedType } from "./operation-targets";
import { TERMS_READ } from "./rules";
import type { EntityContainer, EnumType, Operation, StructuredType } from "./types";
import { wordingOf } from "./wording";

export interface TargetContext extends LinkContext {
  containers: ReadonlyMap<string, EntityContainer>;
  operations: ReadonlyMap<string, readonly Operation[]>;
  terms: ReadonlySet<string>;
  /** Lazy mode: whether an operation's parameters after the binding one are read (else its parameter names are not checked). */
  filled?(op: Operation): boolean;
  /** Lazy mode: reads an enum type's members. */
  fillEnum?(t: EnumType): void;
  /**
   * Operations (overloads) left out with a warning, a type they name not being defined: by qualified
   * name, each one's parameter names (undefined when not all are read, in lazy mode).
   */
  leftOut: ReadonlyMap<string, readonly { parameters: readonly string[] | undefined }[]>;
  /** Function overloads left out for a first one's parameter names (ODG104), by qualified name. */
  droppedOverloads: ReadonlyMap<string, readonly Operation[]>;
  /** Imports left out with a warning (`ns.Container/Name`). */
  leftOutImports: { has(target: string): boolean };
}

export function checkAnnotationTarget(ctx: TargetContext, g: RawAnnotationGroup): void {
  const target = g.target;
  if (target === "") return; // reported by the reader
  const slash = firstSlash(target);
  const head = slash < 0 ? target : target.slice(0, slash);
  const rest = slash < 0 ? [] : target.slice(slash + 1).split("/");
  const paren = head.indexOf("(");
  const name = paren < 0 ? head : head.slice(0, paren);
  // The schema itself, by namespace or alias.
  if (rest.length === 0 && paren < 0 && ctx.loaded.has(ctx.qualify(`${name}.x`, g.at).slice(0, -2))) return;
  const qn = ctx.qualify(name, g.at);
  const dot = qn.lastIndexOf(".");
  if (dot < 0 || !ctx.loaded.has(qn.slice(0, dot))) return;
  const problem = resolve(ctx, qn, rest, g.at, operationHead(head).signature);
  if (problem === undefined) return;
  // A warning where the lost annotations change the generated code; else a note (Graph v1.0 has six
  // such blocks, all capability restrictions no generated line reads, which its users cannot fix).
  const read = g.annotations.some((a) => TERMS_READ.has(ctx.qualify(a.term, a.at)));
  ctx.diags.add(Codes.undefinedType, read ? "warning" : "info",
    `${wordingOf(g.at).annotations(target)} names no element of the model (${problem}); its annotations are ignored`, target, g.at);
}

/** Why `qn` (with an overload's `signature`) followed by `rest` names nothing; undefined when it names an element. */
function resolve(ctx: TargetContext, qn: string, rest: readonly string[], at: SourceRef, signature: readonly string[] | undefined): string | undefined {
  const more = rest.length > 0 && !isAnnotationSegment(rest[0]);
  const t = ctx.types.get(qn);
  if (t) {
    if (!more) return undefined;
    if (t.kind === "entity" || t.kind === "complex") return walk(ctx, t, rest, at);
    if (t.kind === "enum") {
      ctx.fillEnum?.(t);
      if (t.members.some((m) => m.name === rest[0]) && (rest.length === 1 || isAnnotationSegment(rest[1]))) return undefined;
      return `${qn} has no member ${rest[0]}`;
    }
    return `${qn} is a type definition, which has no members`;
  }
  const c = ctx.containers.get(qn);
  if (c) {
    if (!more) return undefined;
    // Its own child, or one of a container it extends, however far (CSDL §13.1.2: it includes them).
    let child = containerChildren(c).get(rest[0]);
    // An import left out was reported where it is declared: its annotations go with it, unreported
    // (also when named through a container extending that one).
    let leftOut = ctx.leftOutImports.has(`${qn}/${rest[0]}`);
    const seen = new Set([c]);
    for (let base = c.extends ? ctx.containers.get(c.extends) : undefined; !child && !leftOut && base && !seen.has(base); base = base.extends ? ctx.containers.get(base.extends) : undefined) {
      seen.add(base);
      child = containerChildren(base).get(rest[0]);
      leftOut = ctx.leftOutImports.has(`${base.qualifiedName}/${rest[0]}`);
    }
    if (!child) return leftOut ? undefined : `${qn} has no entity set, singleton or import ${rest[0]}`;
    if (rest.length === 1 || child.type === undefined) return undefined;
    return walk(ctx, child.type, rest.slice(1), at);
  }
  // An operation (overload) left out was reported where it is declared: the annotations of it and of
  // its parameters go with it, unreported; a parameter no overload has is still a typo.
  const ops = ctx.operations.get(qn) ?? [];
  const leftOut = ctx.leftOut.get(qn) ?? [];
  if (ops.length + leftOut.length > 0) {
    // The overloads the target names (operation-targets.ts); one whose parameters are not read (lazy
    // mode) or one left out may be it.
    const unread = (op: Operation) => ctx.filled !== undefined && !ctx.filled(op);
    const qualify = (n: string) => ctx.qualify(n, at);
    const named = ops.filter((op) => unread(op) || namesOverload(op, signature, qualify));
    if (named.length === 0 && leftOut.length === 0) return noOverload(ctx, qn, signature ?? [], qualify);
    // CSDL §12.8: an operation without a ReturnType returns nothing, so no annotation of it applies.
    if (rest[0] === "$ReturnType")
      return named.some((op) => unread(op) || op.returnType) || leftOut.length > 0 ? undefined : `${signature ? "that overload" : qn} has no return type`;
    if (!more) return undefined;
    if (named.some((op) => unread(op) || parameterOf(op, rest[0]))) return undefined;
    if (leftOut.some((l) => l.parameters === undefined || l.parameters.includes(rest[0]))) return undefined;
    return `${qn} has no parameter ${rest[0]}`;
  }
  if (ctx.terms.has(qn)) return more ? `${qn} is a term, which has no members` : undefined;
  return `${qn} is not defined`;
}

/**
 * Why `ns.f(…)` names no overload of `qn`, in the resolved form (`T.f(T.item)`; the message begins
 * with the target as written, `<Annotations Target="self.f(self.item)">`): none has those types, or
 * the one that has them was left out (ODG104, at its place).
 */
function noOverload(ctx: TargetContext, qn: string, signature: readonly string[], qualify: (name: string) => string): string {
  const resolved = `${qn}(${signature.map((t) => qualifiedType(t, qualify)).join(", ")})`;
  const dropped = ctx.droppedOverloads.get(qn)?.find((op) => namesOverload(op, signature, qualify));
  if (dropped) return `${resolved} is the overload at ${placeOf(dropped.at)}, left out by ODG104 as an earlier overload of ${qn} has its parameter names`;
  return `no overload of ${qn} is ${resolved}: a function's is named by all its parameter types, an action's by its binding parameter's type`;
}

/** Follows member names and type casts from `t` (up to an annotation segment); why a segment leads nowhere, or undefined. */
function walk(ctx: TargetContext, start: StructuredType, segments: readonly string[], at: SourceRef): string | undefined {
  const annotation = segments.findIndex(isAnnotationSegment);
  const end = walkPath(ctx, start, annotation < 0 ? segments : segments.slice(0, annotation), NAVIGATION_PATH, at);
  switch (end.problem) {
    case undefined:
      return undefined;
    case "not structured":
      return `${end.segment} follows a property that is not of a structured type`;
    case "no member":
      return `${end.owner?.qualifiedName} has no property or navigation property ${end.segment}`;
    case "unrelated cast":
      return unrelatedCast(end);
    default: // "not a type": the others are not problems under NAVIGATION_PATH
      return `${end.segment} is not an entity or complex type`;
  }
}

/** A segment that names an annotation (`@Core.Description`) or another term-relative part: not checked. */
function isAnnotationSegment(segment: string): boolean {
  return segment.startsWith("@") || (segment.startsWith("$") && segment !== "");
}

/** The first `/` outside an overload's parentheses (`ns.f(Collection(ns.t))/p`). */
function firstSlash(target: string): number {
  let depth = 0;
  for (let i = 0; i < target.length; i++) {
    const ch = target[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "/" && depth === 0) return i;
  }
  return -1;
}

