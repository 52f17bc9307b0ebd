/**
 * CSDL XML §14.2.1 (CSDL JSON §14.2): an annotation target that names an operation names all its
 * overloads (`ns.f`) or one (`ns.f(…)`): a bound action by its binding parameter's type
 * (`ns.a(ns.t)`), an unbound action by `()`, a function by all its parameter types in order
 * (`ns.f(ns.t,Edm.String)`). Graph names an action by all its parameter types too
 * (`microsoft.graph.assignUserToDevice(microsoft.graph.windowsAutopilotDeviceIdentity, Edm.String, Edm.String)`,
 * spaces after the commas), which names one overload as surely: both are read. A type may be an
 * alias's (`self.t`) and a collection (`Collection(ns.t)`).
 */
import type { RawAnnotationGroup } from "../parse/raw";
import type { AppliedAnnotations } from "./applied-annotations";
import { checkAnnotation } from "./annotation-values";
import { nestedAnnotations, type Operation, type SchemaType, type TypeRef } from "./types";

/** A target's operation part (before any `/`): its name and the overload's parameter types, when it names one. */
export interface OperationHead {
  name: string;
  /** The types in the parentheses, as written (trimmed); undefined for `ns.f`, all overloads. */
  signature: string[] | undefined;
}

export function operationHead(head: string): OperationHead {
  const paren = head.indexOf("(");
  if (paren < 0 || !head.endsWith(")")) return { name: head, signature: undefined };
  const inner = head.slice(paren + 1, -1).trim();
  return { name: head.slice(0, paren), signature: inner === "" ? [] : signatureTypes(inner) };
}

/**
 * The types of a signature (`ns.t, Collection(ns.u)`), split at the commas outside `Collection(…)`,
 * each trimmed. A type's name is no string: a quote or backtick in it (CSDL wants simple
 * identifiers, but odatagen takes a name such as `back\`tick`) is a character like any other.
 */
function signatureTypes(inner: string): string[] {
  const types: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === "(") depth++;
    else if (inner[i] === ")") depth--;
    else if (inner[i] === "," && depth === 0) {
      types.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  types.push(inner.slice(start).trim());
  return types;
}

function typeName(t: TypeRef): string {
  return t.collection ? `Collection(${t.type.qualifiedName})` : t.type.qualifiedName;
}

/** A signature's type name with its namespace alias resolved (`Collection(self.t)` → `Collection(ns.t)`). */
export function qualifiedType(name: string, qualify: (name: string) => string): string {
  const m = /^Collection\((.*)\)$/.exec(name);
  return m ? `Collection(${qualify(m[1].trim())})` : qualify(name);
}

/**
 * Whether `signature` (of `operationHead`) names the overload `op`: undefined names every overload;
 * else the types of all its parameters, or for an action those of its binding parameter (none: unbound).
 */
export function namesOverload(op: Operation, signature: readonly string[] | undefined, qualify: (name: string) => string): boolean {
  if (signature === undefined) return true;
  const given = signature.map((t) => qualifiedType(t, qualify));
  const binding = op.binding ? [typeName(op.binding.type)] : [];
  const all = [...binding, ...op.parameters.map((p) => typeName(p.type))];
  const same = (types: readonly string[]) => types.length === given.length && types.every((t, k) => t === given[k]);
  return same(all) || (op.kind === "action" && same(binding));
}

/** The parameter `name` of `op`, the binding one too. */
export function parameterOf(op: Operation, name: string): Operation["parameters"][number] | undefined {
  return op.binding?.name === name ? op.binding : op.parameters.find((p) => p.name === name);
}

/** The overloads an annotation block may target, for `applyAnnotationGroups` (ModelBuilder.overloads). */
export interface Overloads {
  /** By qualified name. */
  operations: ReadonlyMap<string, readonly Operation[]>;
  /** The target an overload's own annotations were applied under: overloads share a name, not their annotations. */
  keyOf(op: Operation): string;
  /** Lazy mode: whether an overload's parameters are read. One that is not is outside the slice and gets none. */
  filled?(op: Operation): boolean;
}

/**
 * Adds a block's annotations to the overloads it targets (`ns.f`, `ns.f(…)`) or to a parameter of
 * them (`ns.f/p`, `ns.f(…)/p`), as the inline ones are: each term and qualifier once per overload or
 * parameter, the element's own first (AppliedAnnotations), or to their return type (`ns.f/$ReturnType`,
 * Operation.returnAnnotations). False when the target names no operation, or a part of one the
 * generator reads nothing of (an annotation).
 */
export function applyToOverloads(g: RawAnnotationGroup, overloads: Overloads, applied: AppliedAnnotations, qualify: (name: string) => string, types?: ReadonlyMap<string, SchemaType>): boolean {
  const slash = g.target.indexOf("/");
  const head = operationHead(slash < 0 ? g.target : g.target.slice(0, slash));
  const param = slash < 0 ? undefined : g.target.slice(slash + 1);
  // A parameter, or the result (`$ReturnType`: its annotations are the return type's, Operation.returnAnnotations).
  const result = param === "$ReturnType";
  if (param !== undefined && !result && !/^[^/@$]+$/.test(param)) return false;
  const qn = qualify(head.name);
  const list = overloads.operations.get(qn);
  if (!list) return false;
  // An overload not named, or no such parameter, is reported by checkAnnotationTarget (ODG103).
  const named = list.filter((op) => (overloads.filled?.(op) ?? true) && namesOverload(op, head.signature, qualify));
  const path = param === undefined ? qn : `${qn}/${param}`;
  for (const a of g.annotations) {
    const term = qualify(a.term);
    if (!checkAnnotation(applied.diags, a, term, g.target, { qualify, types }, g.qualifier)) continue;
    const qualifier = a.qualifier ?? g.qualifier;
    for (const op of named) {
      const element = param === undefined ? op : result ? (op.returnType && { annotations: (op.returnAnnotations ??= []) }) : parameterOf(op, param);
      if (!element) continue;
      const key = param === undefined ? overloads.keyOf(op) : `${overloads.keyOf(op)}/${param}`;
      if (applied.admit(key, term, qualifier, a.at, path)) element.annotations.push({ term, qualifier, value: a.value, at: a.at, ...nestedAnnotations(a, (n) => qualify(n)) });
    }
  }
  return true;
}
