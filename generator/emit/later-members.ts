/**
 * The tables writes name evolvable enums' later members by (model/evolvable-enums.ts): the members
 * after a sentinel that a write's body may name, by the property or parameter holding them,
 * `{ productFamily: "azureCommunicationServices", … }`. A write whose body may name one passes
 * `rt.preferLater(options, body, table)`, so that the runtime adds `Prefer:
 * include-unknown-enum-members` when the body names one; elsewhere `options`.
 *
 * One table for the body of each set of entity types reaching the same members
 * (`laterTableOwner`), `export const SessionLaterMembers = { … };`, defined once in the requests
 * module of its owner's namespace and imported by the writes of other modules: Graph's `entity`
 * and `directoryObject` reach thousands of properties through their subtypes, and 338 creates and
 * updates, of four namespaces, name the same 21.8 KB table. A write holds only what its body may
 * reach, and a bundle only the tables of the writes it keeps. An action whose parameters reach
 * what no entity type's body does writes its own table in its call.
 */
import { literalKey } from "../passes/names";
import { stringLiteral } from "../string-literal";
import { objectLiteral } from "./wrap";
import { brokenProperty } from "./wrap-code";

/** The options a write passes: `rt.preferLater(…)` naming `table` (an identifier or a literal) where it has one, else `options`. */
export function preferLaterOptions(options: string, body: string, table: string | undefined): string {
  return table === undefined ? options : `rt.preferLater(${options}, ${body}, ${table})`;
}

/** A table's members, `name: "a,b"`, in its (the names') order. */
function members(table: ReadonlyMap<string, string>, indent: string): string[] {
  return [...table].map(([name, list]) => brokenProperty(`${literalKey(name)}: ${stringLiteral(list)}`, indent));
}

/** The object literal of a table defined in a module (`export const {name} = {literal};`). */
export function laterTableLiteral(name: string, table: ReadonlyMap<string, string>): string {
  return objectLiteral(`export const ${name} = `, members(table, "  "), ";");
}

/** A table written in its write's call, on one line (the call's wrapping breaks it). */
export function inlineLaterTable(table: ReadonlyMap<string, string>): string {
  return `{ ${[...table].map(([name, list]) => `${literalKey(name)}: ${stringLiteral(list)}`).join(", ")} }`;
}
