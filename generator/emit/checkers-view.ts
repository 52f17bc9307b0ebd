/**
 * View model for `checkers.ts`: what concerns the whole model, emitted once rather than in every
 * namespace's validators module (where its size would grow with the number of namespaces, and the
 * output with its square): the service (the schema aliases `@odata.type` may use, and its OData version), and `checkerFor`, which finds
 * any type's checker by asking the `namespaceChecker` of the type's namespace. In a slice,
 * `checkerFor` also knows the subtypes it left out below the types it keeps as values: their names
 * give their nearest kept base type's checker, as the validators check their values.
 */
import { stringLiteral } from "../string-literal";
import { quotedKey } from "../passes/names";
import type { EmitContext } from "./context";
import { Imports, moduleSpecifier, type ImportView } from "./imports";
import { assigned } from "./wrap";

export interface CheckersView {
  header: string;
  /** The `namespaceChecker` of every namespace that has types, each under a name of its own. */
  imports: ImportView[];
  /**
   * What follows `=` in `SERVICE`'s declaration: the schema aliases (by alias, the namespace) and
   * the service's OData version, as its metadata says (4.01: a body may bind as `p@bind`); an
   * object literal, a member a line where its line would pass 120 characters, and so the aliases
   * (wrap.ts `assigned`, as Prettier writes it).
   */
  service: string;
  /** Per namespace with types: its name (quoted) and the local name of its `namespaceChecker`. */
  namespaces: { namespace: string; checker: string }[];
  /**
   * In a slice: per kept type with subtypes the slice left out (`omittedSubtypes`), the `case`
   * lines of their names (quoted) and the local name of the kept type's `checkX`. Empty in a full run.
   */
  leftOut: { cases: string; check: string }[];
}

export function checkersView(ctx: EmitContext): CheckersView {
  // `namespaceChecker` itself is reserved, so that every import is named after its namespace.
  const imports = new Imports(["vr", "SERVICE", "checkerFor", "namespaceChecker", "leftOut"], ctx.namespaceLabels);
  const namespaces = ctx.model.schemas
    .filter((s) => s.types.length > 0)
    .map((s) => ({
      namespace: stringLiteral(s.namespace),
      checker: imports.use(moduleSpecifier(s.namespace, "validators"), "namespaceChecker", s.namespace),
    }));
  // After the namespace checkers, so that their names do not depend on what a slice left out.
  const leftOut: CheckersView["leftOut"] = [];
  for (const s of ctx.model.schemas)
    for (const t of s.types) {
      if ((t.kind !== "entity" && t.kind !== "complex") || !t.omittedSubtypes) continue;
      leftOut.push({
        cases: t.omittedSubtypes.map((o) => `    case ${stringLiteral(o.qualifiedName)}:`).join("\n"),
        check: imports.use(moduleSpecifier(t.namespace, "validators"), `check${ctx.names.type(t)}`, t.namespace),
      });
    }
  return {
    header: ctx.header,
    imports: imports.view(() => false),
    service: assigned("export const SERVICE: vr.Service =", serviceLiteral(ctx)),
    namespaces,
    leftOut,
  };
}

/**
 * `SERVICE` on one line: `{ aliases: { "alias": "namespace", … }, version: "4.0" }`, the aliases in
 * code-unit order; then, where the model has type definitions, `definitions: { "ns.Code":
 * "Edm.String", … }` in spec order, each one's underlying type (a `prop@odata.type` may name one on
 * a property of that type: CSDL §11, a type definition specialises it).
 */
function serviceLiteral(ctx: EmitContext): string {
  const aliases = [...ctx.model.aliases.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([a, n]) => `${quotedKey(a)}: ${stringLiteral(n)}`);
  const definitions = ctx.model.schemas.flatMap((s) => s.types.flatMap((t) => (t.kind === "typedef" ? [`${stringLiteral(t.qualifiedName)}: ${stringLiteral(t.underlying.qualifiedName)}`] : [])));
  const more = definitions.length ? `, definitions: { ${definitions.join(", ")} }` : "";
  return `{ aliases: ${aliases.length ? `{ ${aliases.join(", ")} }` : "{}"}, version: ${stringLiteral(ctx.model.odataVersion ?? "4.0")}${more} }`;
}
