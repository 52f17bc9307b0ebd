/**
 * Emits every artifact for a model: per namespace a `.types.ts`, `.validators.ts` and
 * `.requests.ts` module, plus the runtime helpers they import and an index; with the validators,
 * `checkers.ts` (what concerns the whole model, once). Validators and request functions may be left
 * out (`EmitOptions`); the types never are (both import them).
 */
import type { Model } from "../model/types";
import type { Names } from "../passes/names";
import { createContext, type EmitOptions } from "./context";
import { moduleFile } from "./imports";
import { render, staticFile } from "./render";
import { typesView } from "./types-view";
import { validatorsView } from "./validators-view";
import { requestsView } from "./requests-view";
import { indexView } from "./index-view";
import { checkersView } from "./checkers-view";

export const STATIC_FILES = ["edm.ts", "validation.ts", "runtime.ts"];

export function emitAll(model: Model, names: Names, options: EmitOptions): Map<string, string> {
  const ctx = createContext(model, names, options);
  const validators = options.validators !== false;
  const requests = options.requests !== false;
  const out: [string, string][] = [];
  // validation.ts serves the validators and the request functions' `validate` option; runtime.ts the request functions.
  const statics = ["edm.ts", ...(validators || requests ? ["validation.ts"] : []), ...(requests ? ["runtime.ts"] : [])];
  for (const file of statics) out.push([file, `${ctx.header}\n${staticFile(file)}`]);
  for (const schema of model.schemas) {
    out.push([moduleFile(schema.namespace, "types"), render("types.ts.hbs", typesView(ctx, schema))]);
    if (validators) out.push([moduleFile(schema.namespace, "validators"), render("validators.ts.hbs", validatorsView(ctx, schema))]);
    if (requests) out.push([moduleFile(schema.namespace, "requests"), render("requests.ts.hbs", requestsView(ctx, schema))]);
  }
  if (validators) out.push(["checkers.ts", render("checkers.ts.hbs", checkersView(ctx))]);
  out.push(["index.ts", render("index.ts.hbs", indexView(ctx))]);
  out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(out);
}
