/**
 * CSDL 4.01 §12.2.1 (Function Overloads). The overloads of a function that share its binding (the
 * binding parameter's type, or none: unbound) MUST differ by the unordered set of their (non-binding)
 * parameter names, MUST differ by the ordered list of their parameter types, and MUST specify the same
 * return type. A URL names a function and its parameters, never their types (URL Conventions
 * §4.5.4.1, `/f(x=1)`): two overloads with one set of names would be two generated functions that
 * call one URL: the later one is left out (a warning, ODG104: the metadata is a service's, which its
 * users cannot fix; the service can only ever answer one of them); the other two rules change no URL
 * and are warnings too. Each is reported at the later overload, naming the first.
 * One map lookup per overload and rule.
 */
import { Codes, placeOf, type DiagnosticBag } from "../diagnostics";
import type { Operation, TypeRef } from "./types";

function typeName(t: TypeRef): string {
  return t.collection ? `Collection(${t.type.qualifiedName})` : t.type.qualifiedName;
}

/** Reports the overloads §12.2.1 forbids; returns those to leave out (a later one with a first one's parameter names). */
export function checkFunctionOverloads(diags: DiagnosticBag, functions: Iterable<Operation>): Set<Operation> {
  const dropped = new Set<Operation>();
  const names = new Map<string, Operation>();
  const types = new Map<string, Operation>();
  const returns = new Map<string, Operation>();
  for (const f of functions) {
    if (f.kind !== "function" || f.name === "") continue;
    const binding = f.binding ? typeName(f.binding.type) : "";
    const group = `${f.qualifiedName}(${binding})`;
    const what = binding ? `function ${f.qualifiedName} bound to ${binding}` : `unbound function ${f.qualifiedName}`;
    const paramNames = f.parameters.map((p) => p.name).sort();
    const nameKey = `${group}\u0000${paramNames.join("\u0000")}`;
    const first = names.get(nameKey);
    if (first) {
      diags.warning(Codes.duplicateName,
        `${what} has two overloads with the parameters (${paramNames.join(", ")}) (CSDL §12.2.1: overloads differ by their ${binding ? "non-binding " : ""}parameter names; a URL names only those); the first is at ${placeOf(first.at)}; this one is left out`,
        f.qualifiedName, f.at);
      dropped.add(f);
      continue;
    }
    names.set(nameKey, f);
    const paramTypes = f.parameters.map((p) => typeName(p.type)).join(", ");
    const typeKey = `${group}\u0000${paramTypes}`;
    const sameTypes = types.get(typeKey);
    if (sameTypes)
      diags.warning(Codes.duplicateName,
        `${what} has two overloads with the parameter types (${paramTypes}) in this order (CSDL §12.2.1: overloads differ by the types of their parameters too); the first is at ${placeOf(sameTypes.at)}`,
        f.qualifiedName, f.at);
    else types.set(typeKey, f);
    if (!f.returnType) continue;
    const other = returns.get(group);
    if (!other?.returnType) returns.set(group, f);
    else if (typeName(other.returnType) !== typeName(f.returnType))
      diags.warning(Codes.duplicateName,
        `${what} returns ${typeName(f.returnType)} here and ${typeName(other.returnType)} in the overload at ${placeOf(other.at)} (CSDL §12.2.1: its overloads specify the same return type)`,
        f.qualifiedName, f.at);
  }
  return dropped;
}
