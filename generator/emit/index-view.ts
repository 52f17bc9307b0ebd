/** View model for `index.ts`: the runtime's public names and a table of the namespace modules. */
import type { EmitContext } from "./context";
import type { EntityContainer, Schema } from "../model/types";
import { moduleSpecifier } from "./imports";

/** How many of a container's builders its line in the index names before "and N more". */
const NAMED_ROOTS = 3;

export interface IndexView {
  header: string;
  /** What the namespace modules hold, in words. */
  what: string;
  /** Per namespace, its modules as quoted specifiers. */
  modules: { namespace: string; list: string }[];
  /**
   * Where the entity container's builders are, one line a container, where the service has more than
   * one namespace: its namespace need not be its types' (Northwind's `ODataWebExperimental.Northwind.Model`,
   * ASP.NET Core OData's `Default`), and `customers` missing from the types' requests module says nothing more.
   */
  containers: string[];
  /** Whether runtime.ts (request functions) and validation.ts (validators, or the requests' `validate` option) are emitted. */
  runtime: boolean;
  validation: boolean;
  /**
   * Whether checkers.ts is emitted (with the validators). The index names it but does not re-export
   * `checkerFor`: that would make importing the index load every validators module (8 MB on Graph).
   */
  checkers: boolean;
}

export function indexView(ctx: EmitContext): IndexView {
  const validators = ctx.options.validators !== false;
  const requests = ctx.options.requests !== false;
  const artifacts = (["types", ...(validators ? ["validators"] : []), ...(requests ? ["requests"] : [])]) as ("types" | "validators" | "requests")[];
  const words = ["types", validators && "validators", requests && "request functions"].filter((w): w is string => !!w);
  return {
    header: ctx.header,
    what: words.length === 3 ? "types, validators and request functions" : words.join(" and "),
    modules: ctx.model.schemas.map((s) => ({
      namespace: s.namespace,
      list: artifacts.map((a) => `"${moduleSpecifier(s.namespace, a)}"`).join(", "),
    })),
    containers: requests && ctx.model.schemas.length > 1 ? ctx.model.schemas.flatMap((s) => s.containers.map((c) => containerLine(ctx, s, c))).filter((l): l is string => !!l) : [],
    runtime: requests,
    validation: validators || requests,
    checkers: validators,
  };
}

/** `Entity container NorthwindEntities: its entity sets (categories(), … and 23 more) are in "./ns.requests.js"` (and singletons, and imports, where it has them), or undefined for an empty container. */
function containerLine(ctx: EmitContext, schema: Schema, c: EntityContainer): string | undefined {
  const names = ctx.requestNames(schema);
  const roots = [...c.entitySets, ...c.singletons].map((r) => `${names.root(c, r)}()`);
  const kinds = [c.entitySets.length > 0 && "entity sets", c.singletons.length > 0 && "singletons"].filter((k): k is string => !!k);
  const parts = [
    roots.length > 0 && `${kinds.join(" and ")} (${roots.slice(0, NAMED_ROOTS).join(", ")}${roots.length > NAMED_ROOTS ? ` and ${roots.length - NAMED_ROOTS} more` : ""})`,
    c.imports.length > 0 && "imports",
  ].filter((p): p is string => !!p);
  if (parts.length === 0) return undefined;
  return `Entity container ${c.name}: its ${parts.join(" and ")} are in "${moduleSpecifier(schema.namespace, "requests")}".`;
}
