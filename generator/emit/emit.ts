/**
 * Emits every artifact for a model: per namespace a `.types.ts`, `.validators.ts` and
 * `.requests.ts` module, plus the runtime helpers they import and an index; with the validators,
 * `checkers.ts` (what concerns the whole model, once). Validators and request functions may be left
 * out (`EmitOptions`); the types never are (both import them).
 */
import type { Model } from "../model/types";
import type { Names } from "../passes/names";
import { createContext, type EmitOptions } from "./context";
import type { Service } from "./request-names";
import { moduleFile } from "./imports";
import { render, staticFile } from "./render";
import { typesView } from "./types-view";
import { validatorsView } from "./validators-view";
import { requestsView } from "./requests-view";
import { indexView } from "./index-view";
import { checkersView } from "./checkers-view";
import { STATIC_HEADER } from "./headers";

export const STATIC_FILES = ["edm.ts", "validation.ts", "runtime.ts"];

/** One generated module would be longer than a JavaScript string can be. */
export class OutputTooLargeError extends Error {
  constructor(readonly file: string) {
    super(`${file} would be longer than the longest string JavaScript can hold (512 MB)`);
    this.name = "OutputTooLargeError";
  }
}

export { STATIC_HEADER } from "./headers";

/** `service`: the whole service, when `model` is a slice of it (createContext). */
export function emitAll(model: Model, names: Names, options: EmitOptions, service?: Service): Map<string, string> {
  const ctx = createContext(model, names, options, service);
  const validators = options.validators !== false;
  const requests = options.requests !== false;
  const out: [string, string][] = [];
  // validation.ts serves the validators and the request functions' `validate` option; runtime.ts the request functions.
  const statics = ["edm.ts", ...(validators || requests ? ["validation.ts"] : []), ...(requests ? ["runtime.ts"] : [])];
  // The same in every output: no input named, so renaming an input leaves them as they are.
  for (const file of statics) out.push([file, `${STATIC_HEADER}\n${staticFile(file)}`]);
  const add = (file: string, template: string, view: () => object) => {
    try {
      out.push([file, render(template, view())]);
    } catch (e) {
      // V8 strings end at 2^29 - 24 characters (about 512 MB): metadata that big is no internal error.
      if (e instanceof RangeError && /Invalid string length/.test(e.message)) throw new OutputTooLargeError(file);
      throw e;
    }
  };
  for (const schema of model.schemas) {
    add(moduleFile(schema.namespace, "types"), "types.ts.hbs", () => typesView(ctx, schema));
    if (validators) add(moduleFile(schema.namespace, "validators"), "validators.ts.hbs", () => validatorsView(ctx, schema));
    if (requests) add(moduleFile(schema.namespace, "requests"), "requests.ts.hbs", () => requestsView(ctx, schema));
  }
  if (validators) add("checkers.ts", "checkers.ts.hbs", () => checkersView(ctx));
  add("index.ts", "index.ts.hbs", () => indexView(ctx));
  out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(out);
}
