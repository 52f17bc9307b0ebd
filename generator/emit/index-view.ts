/** View model for `index.ts`: the runtime's public names and a table of the namespace modules. */
import type { EmitContext } from "./context";
import { moduleSpecifier } from "./imports";

export interface IndexView {
  header: string;
  /** What the namespace modules hold, in words. */
  what: string;
  /** Per namespace, its modules as quoted specifiers. */
  modules: { namespace: string; list: string }[];
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
    runtime: requests,
    validation: validators || requests,
    checkers: validators,
  };
}
