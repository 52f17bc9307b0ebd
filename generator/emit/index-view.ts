/** View model for `index.ts`: the runtime's public names and a table of the namespace modules. */
import type { EmitContext } from "./context";
import { moduleSpecifier } from "./imports";

export interface IndexView {
  header: string;
  modules: { namespace: string; types: string; validators: string; requests: string }[];
}

export function indexView(ctx: EmitContext): IndexView {
  return {
    header: ctx.header,
    modules: ctx.model.schemas.map((s) => ({
      namespace: s.namespace,
      types: moduleSpecifier(s.namespace, "types"),
      validators: moduleSpecifier(s.namespace, "validators"),
      requests: moduleSpecifier(s.namespace, "requests"),
    })),
  };
}
