/**
 * The model's operations (CSDL §12): each action and function overload with its parameters and return
 * type; and those left out because a type they name is declared by no input (ODG103), recorded with
 * why for the imports that name them (build-containers.ts) and for the annotation targets.
 */
import type { ModelBuilder } from "./build";
import { missingTypeHint, primitive, typeRef } from "./build-type-refs";
import { given } from "./given";
import { checkFunctionOverloads } from "./overloads";
import { Codes, type SourceRef } from "../diagnostics";
import type { RawOperation, RawParameter, RawSchema } from "../parse/raw";
import { parseTypeName, xsBoolean } from "./rules";
import type { LeftOutElement, Operation, Parameter, Schema, TypeRef } from "./types";
import { wordingOf } from "./wording";

/** An operation (one overload) left out, and why (ModelBuilder.leftOutOperations). */
export interface LeftOut extends LeftOutElement {
  bound: boolean;
  /** Its parameters' names, the binding one's too; undefined when not all are read (lazy mode). */
  parameters: string[] | undefined;
}

/**
 * Leaves out the function overloads §12.2.1 forbids (overloads.ts, ODG104), recording each by
 * qualified name (ModelBuilder.droppedOverloads) for an annotation target that names one (targets.ts).
 */
export function dropForbiddenOverloads(b: ModelBuilder, functions: readonly Operation[]): void {
  const dropped = checkFunctionOverloads(b.diags, functions);
  for (const op of dropped) {
    const list = b.droppedOverloads.get(op.qualifiedName);
    if (list) list.push(op);
    else b.droppedOverloads.set(op.qualifiedName, [op]);
  }
  leaveOut(b, dropped);
}

/** Takes operations out of the model: their schema, their name's overloads, the imports of them. */
export function leaveOut(b: ModelBuilder, dropped: ReadonlySet<Operation>): void {
  if (dropped.size === 0) return;
  const keep = (list: Operation[]) => list.splice(0, list.length, ...list.filter((op) => !dropped.has(op)));
  for (const s of b.schemas) keep(s.operations);
  for (const list of b.operations.values()) keep(list);
  for (const c of b.containers.values()) for (const i of c.imports) keep(i.operations);
}

export function declareOperations(b: ModelBuilder, raw: RawSchema, schema: Schema): void {
  for (const op of [...raw.actions, ...raw.functions]) {
    const o = operation(b, op, schema.namespace);
    if (o) schema.operations.push(o);
  }
  // CSDL §12.1: actions are overloaded only by the binding parameter's type; unbound ones not at all.
  // Functions also by their parameter names (overloads.ts), which a slice reads only later (checkOverloads).
  if (!b.readBody) dropForbiddenOverloads(b, schema.operations);
  const actions = new Set<string>();
  for (const op of schema.operations) {
    if (op.kind !== "action" || !given(op.name)) continue;
    const bindingType = op.binding?.type;
    const binding = bindingType ? (bindingType.collection ? `Collection(${bindingType.type.qualifiedName})` : bindingType.type.qualifiedName) : "";
    const key = `${op.name}(${binding})`;
    if (actions.has(key)) {
      const what = binding ? `an action ${op.name} bound to ${binding}` : `an unbound action ${op.name}`;
      b.diags.error(Codes.duplicateName, `${schema.namespace} declares ${what} more than once`, op.qualifiedName, op.at);
    }
    actions.add(key);
  }
}

/** A parameter of the operation `qn`; `target` tells its overload from the others (`operation`). */
export function parameter(b: ModelBuilder, p: RawParameter, qn: string, target: string): Parameter {
  const path = `${qn}/${p.name}`;
  b.identifier(p.name, "parameter", path, p.at);
  return { name: p.name, type: typeRef(b, p.type, p, path, p.at), annotations: b.annotations(p.annotations, `${target}/${p.name}`, path) };
}

/** The return type's own annotations (`target`: the overload's, as its parameters' are keyed), where it has some. */
export function returnAnnotations(b: ModelBuilder, op: RawOperation, qn: string, target: string): Pick<Operation, "returnAnnotations"> {
  const raw = op.returnType?.annotations;
  return raw?.length ? { returnAnnotations: b.annotations(raw, `${target}/$ReturnType`, `${qn}/$ReturnType`) } : {};
}

export function returnType(b: ModelBuilder, op: RawOperation, qn: string): TypeRef | undefined {
  const r = op.returnType;
  if (r) return typeRef(b, r.type, r, `${qn}/$ReturnType`, r.at);
  // Lazy mode: the return type may be in the content not read yet (fillOperation reads it).
  if (op.kind !== "function" || (b.readBody && op.body)) return undefined;
  // CSDL §12.2: a function has a return type. Without one, what it returns is not known: unknown, not void.
  b.diags.warning(Codes.missingAttribute, `${wordingOf(op.at).functionWithoutReturnType} (CSDL §12.2: a function must specify one); its result is read as Edm.Untyped`, qn, op.at);
  return { type: primitive("Untyped"), collection: false, nullable: true, facets: {} };
}

function operation(b: ModelBuilder, op: RawOperation, ns: string): Operation | undefined {
  const qn = `${ns}.${op.name}`;
  b.identifier(op.name, op.kind, qn, op.at);
  const isBound = xsBoolean(op.isBound ?? "");
  const binding = isBound ? op.parameters[0] : undefined;
  const bindingType = binding && undefinedType(b, binding.type, binding.at);
  if (binding && bindingType) {
    // Bound to a type no document declares: nothing could be addressed to call it through, so it is
    // left out (the service's users cannot mend its metadata; --fail-on-warnings stops the run).
    b.diags.warning(Codes.undefinedType,
      `${op.kind} ${qn} is bound to ${binding.type}, which is not defined${missingTypeHint(b, bindingType, undefined, binding.at)}; the ${op.kind} is left out`,
      `${qn}/${binding.name}`, binding.at);
    recordLeftOut(b, qn, op, { kind: op.kind, bound: true, why: "bound to a type that is not defined" });
    return undefined;
  }
  // The other parameters and the result, as far as they are read (lazy mode: the rest in fillOperation).
  if (undefinedTypes(b, op, qn, op.parameters.slice(binding ? 1 : 0), op.returnType)) return undefined;
  const unique = b.uniqueNames(qn);
  for (const p of op.parameters) unique(p.name, p.at);
  // Overloads share a name, and each has annotations of its own: they are told apart by number.
  const target = `${qn}\u0000${b.operationCount++}`;
  const params: Parameter[] = op.parameters.map((p) => parameter(b, p, qn, target));
  const bound = b.flag("IsBound", op.isBound, qn, op.at);
  if (bound && params.length === 0) {
    b.diags.error(Codes.invalidAttribute, `bound ${op.kind} ${qn} has no binding parameter`, qn, op.at);
  }
  const result: Operation = {
    kind: op.kind,
    name: op.name,
    namespace: ns,
    qualifiedName: qn,
    annotations: b.annotations(op.annotations, target, qn),
    at: op.at,
    bound,
    composable: b.flag("IsComposable", op.isComposable, qn, op.at),
    binding: bound ? params[0] : undefined,
    parameters: bound ? params.slice(1) : params,
    returnType: returnType(b, op, qn),
    ...returnAnnotations(b, op, qn, target),
    entitySetPath: op.entitySetPath,
  };
  b.overloadKeys.set(result, target);
  if (b.readBody && op.body) b.unfilledOperations.set(result, { raw: op, read: op.parameters.length, target });
  const list = b.operations.get(qn);
  if (list) list.push(result);
  else b.operations.set(qn, [result]);
  return result;
}

/**
 * The qualified name `rawType` (`ns.t` or `Collection(ns.t)`) names when no input declares that
 * type; undefined for a type that is declared, an `Edm.` one (an unknown one is ODG108's) or one of
 * a namespace referenced but not among the inputs (ODG110's, read as Edm.Untyped).
 */
function undefinedType(b: ModelBuilder, rawType: string, at: SourceRef): string | undefined {
  if (!given(rawType)) return undefined;
  const { name, collection } = parseTypeName(rawType);
  // A collection of collections is no type at all, whatever its items: typeRef reports it.
  if (name.startsWith("Edm.") || (collection && parseTypeName(name).collection)) return undefined;
  const q = b.qualify(name, at);
  const ns = q.slice(0, q.lastIndexOf("."));
  if (b.types.has(q) || (b.referenced.has(ns) && !b.loaded.has(ns))) return undefined;
  return q;
}

/**
 * Reports each of `params` (not the binding parameter) and the `result` of the operation `qn`
 * whose type no input declares (ODG103) and, when there is one, records the operation (this
 * overload) as left out and returns true: it could be neither called with typed arguments nor its
 * answer read, and the service's users cannot mend its metadata (--fail-on-warnings stops the run).
 */
export function undefinedTypes(b: ModelBuilder, op: RawOperation, qn: string, params: readonly RawParameter[], result: RawOperation["returnType"]): boolean {
  const why: string[] = [];
  for (const p of params) {
    const q = undefinedType(b, p.type, p.at);
    if (!q) continue;
    b.diags.warning(Codes.undefinedType,
      `parameter ${p.name} of ${op.kind} ${qn} is of type ${p.type}, which is not defined${missingTypeHint(b, q, undefined, p.at)}; the ${op.kind} is left out`,
      `${qn}/${p.name}`, p.at);
    why.push(`the type of parameter ${p.name}`);
  }
  const q = result && undefinedType(b, result.type, result.at);
  if (result && q) {
    b.diags.warning(Codes.undefinedType,
      `${op.kind} ${qn} returns ${result.type}, which is not defined${missingTypeHint(b, q, undefined, result.at)}; the ${op.kind} is left out`,
      `${qn}/$ReturnType`, result.at);
    why.push("the return type");
  }
  if (why.length === 0) return false;
  const what = why.length > 1 ? `${why.slice(0, -1).join(", ")} and ${why[why.length - 1]} are` : `${why[0]} is`;
  recordLeftOut(b, qn, op, { kind: op.kind, bound: xsBoolean(op.isBound ?? "") === true, why: `${what} not defined` });
  return true;
}

/** Notes an operation (overload) left out, for the imports that name it (leftOutImport) and the annotation targets (checkTargets). */
function recordLeftOut(b: ModelBuilder, qn: string, raw: RawOperation, why: Omit<LeftOut, "parameters" | "at">): void {
  // Lazy mode: a body not read yet holds more parameters.
  const entry: LeftOut = { ...why, at: raw.at, parameters: raw.body ? undefined : raw.parameters.map((p) => p.name) };
  const list = b.leftOutOperations.get(qn);
  if (list) list.push(entry);
  else b.leftOutOperations.set(qn, [entry]);
}

/** The warning for an import of `kind` that names `name` (qualified: `qn`), whose operation was left out; undefined when none was. */
export function leftOutImport(b: ModelBuilder, kind: Operation["kind"], name: string, qn: string, unboundOnly: boolean): string | undefined {
  const left = leftOutOverload(b, kind, qn, unboundOnly);
  return left && `${kind} ${name} was left out (${left.why}); the import is left out too`;
}

/** Why an import of `kind` naming `qn` is left out, as a clause, when its operation was; undefined when none was. */
export function leftOutImportWhy(b: ModelBuilder, kind: Operation["kind"], qn: string, unboundOnly: boolean): string | undefined {
  const left = leftOutOverload(b, kind, qn, unboundOnly);
  return left && `its ${kind} ${qn} is left out (${left.why})`;
}

function leftOutOverload(b: ModelBuilder, kind: Operation["kind"], qn: string, unboundOnly: boolean): LeftOut | undefined {
  const all = (b.leftOutOperations.get(qn) ?? []).filter((l) => l.kind === kind);
  // An unbound overload is the one an import could have named (CSDL §13.5, §13.6).
  return all.find((l) => !l.bound) ?? (unboundOnly ? undefined : all[0]);
}

/**
 * Lazy mode: `op` was left out after the imports were read (fillOperation); an import of it that
 * has no operation left is left out too, with a warning (as one is when it is read).
 */
export function dropEmptyImports(b: ModelBuilder, op: Operation): void {
  for (const c of b.containers.values()) {
    const empty = c.imports.filter((i) => i.operations.length === 0);
    if (empty.length === 0) continue;
    c.imports = c.imports.filter((i) => i.operations.length > 0);
    const message = leftOutImport(b, op.kind, op.qualifiedName, op.qualifiedName, false) as string;
    const why = leftOutImportWhy(b, op.kind, op.qualifiedName, false) as string;
    for (const i of empty) {
      b.diags.warning(Codes.undefinedType, message, `${c.qualifiedName}/${i.name}`, i.at);
      b.leftOutImports.set(`${c.qualifiedName}/${i.name}`, { kind: op.kind, why, at: i.at });
    }
  }
}

/**
 * For an import naming an operation without its namespace: the qualified names it may have meant
 * (CSDL §13.5.1: an import names it qualified), those of operations left out too (a type they name
 * is not defined), which the document declares all the same.
 */
export function unqualifiedHint(b: ModelBuilder, name: string, kind: Operation["kind"]): string {
  if (name.includes(".")) return "";
  const unbound: string[] = [];
  const bound: string[] = [];
  const suffix = `.${name}`;
  const names = new Set([...b.operations.keys(), ...b.leftOutOperations.keys()].filter((qn) => qn.endsWith(suffix)));
  for (const qn of names) {
    const ops: readonly { kind: Operation["kind"]; bound: boolean }[] = [...(b.operations.get(qn) ?? []), ...(b.leftOutOperations.get(qn) ?? [])];
    if (ops.some((o) => o.kind === kind && !o.bound)) unbound.push(qn);
    else if (ops.some((o) => o.kind === kind)) bound.push(qn);
  }
  if (unbound.length) return ` (an import names its ${kind} qualified: ${unbound.join(" or ")}?)`;
  return bound.length ? ` (${bound.join(" and ")} ${bound.length > 1 ? "are" : "is"} bound: no import can name ${bound.length > 1 ? "them" : "it"})` : "";
}
