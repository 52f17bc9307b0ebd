/**
 * The validators of a namespace's operations, in its `.validators.ts` module, for the Validation
 * vocabulary constraints on their parameters and return types (model/validation-terms.ts), where an
 * operation has some the validators can check: `validateFParameters` checks the `params` object its
 * request function sends (each constrained parameter, the others pass), and `validateFResult` its
 * result as a request function's `validate` gets it: one value as `{ value: x }`, a collection's
 * items one at a time (a page holds part of the collection: its MinItems and MaxItems are not
 * checked). The request functions check nothing they send, as for an entity's body: a caller checks
 * `params` with the first before the call, and passes the second as `validate`. Where a type's
 * functions have that name (a complex type `FParameters` has `validateFParameters`), the type
 * keeps it and the operation's is numbered (`validateFParameters2`), with an ODG201 note and a
 * sentence of its doc comment naming both.
 */
import type { Annotation, Operation, Parameter, TypeRef } from "../model/types";
import { parameterConstraints, returnConstraints, typedefConstraints, type ValueConstraints } from "../model/validation-terms";
import { pascal, type Scope } from "../passes/names";
import { jsdoc } from "./imports";
import { assignedCall, parameters } from "./wrap";
import { ifStatement } from "./wrap-statement";

/** What the operations' validators need of their module's view (validators-view.ts). */
export interface OperationChecks {
  scope: Scope;
  /** The name of the operation's request function, where the module has one (its stem names the validators: `priceWithB`, `validatePriceWithBParameters`). */
  requestName: (op: Operation) => string | undefined;
  rt: { Json: string; Context: string; Validate: string };
  /** A value's checker, with the constraints `c` on its values (`annotations`: the element's own), as a property's; without, its type's. */
  constrained: (element: { type: TypeRef; annotations: Annotation[] }, c: ValueConstraints | undefined, name: string) => string;
  /** A collection's or a value's checker call (`vr.p`, `vr.c`) and MinItems/MaxItems count, as a property's. */
  member: (name: string, ref: TypeRef, check: string, c: ValueConstraints) => string[];
  /** `propsX`'s sum after `return ` (validators-view.ts `sum`). */
  sum: (first: string, calls: readonly string[]) => string;
  checkParams: string[];
  /** The element of the module whose functions are named after `stem` (`validateX`, `checkX`, `propsX`): a type's words (`the complex type \`N.X\``). */
  owner: (stem: string) => string | undefined;
  /** Whether a type of the namespace is named `stem` in the whole service (`Names.declared`), so that a slice leaving it out numbers as the full run does. */
  typeNamed: (stem: string) => boolean;
  /** Reports a validator numbered because its name was taken (ODG201, at the operation). */
  renamed: (message: string, op: Operation) => void;
}

/** Whether `c` constrains anything a validator checks here: a value, or (`counts`) a collection's count. */
function checkable(c: ValueConstraints | undefined, counts: boolean): c is ValueConstraints {
  if (!c) return false;
  const values = c.minimum !== undefined || c.maximum !== undefined || c.multipleOf !== undefined || c.pattern !== undefined || c.allowed !== undefined;
  return values || (counts && (c.minItems !== undefined || c.maxItems !== undefined));
}

/**
 * Whether values of `ref` are of a type definition whose own constraints its checker checks
 * (`checkX`), even where an annotation of the element's own shadows one of them with a value that
 * cannot be checked (a warning).
 */
function ofConstrainedType(ref: TypeRef): boolean {
  return ref.type.kind === "typedef" && checkable(typedefConstraints(ref.type), false);
}

/** The declarations of the operations' validators, in the operations' order, each its own block of code. */
export function operationValidators(ops: readonly Operation[], k: OperationChecks): string[] {
  const out: string[] = [];
  // The operations' stems so far, by the words for what each checks: a later one numbered after it says so.
  const ours = new Map<string, string>();
  // `stem`, numbered where taken, with the ODG201 note and the doc comment's sentence saying whose the wanted name is.
  const claim = (op: Operation, want: string, part: "parameters" | "result", what: string): { stem: string; why: string } => {
    const stem = claimStem(k.scope, want, k.typeNamed);
    ours.set(stem, `the ${part} of ${what}`);
    if (stem === want) return { stem, why: "" };
    const owner = ours.get(want) ?? k.owner(want) ?? "another element of this module";
    const why = `\`validate${want}\` is taken: the functions of ${owner} are named after \`${want}\``;
    k.renamed(`the validator of ${op.qualifiedName}'s ${part} is emitted as validate${stem} (${why.replace(/`/g, "")})`, op);
    return { stem, why: ` (This one is numbered: ${why}.)` };
  };
  // How many operations have each name: one of several is an overload (counted once, not by walking the list per operation).
  const named = new Map<string, number>();
  for (const op of ops) named.set(op.qualifiedName, (named.get(op.qualifiedName) ?? 0) + 1);
  for (const op of ops) {
    // An overload by its parameters (CSDL §12.2.1: a function's overloads differ in their names).
    const overloaded = named.get(op.qualifiedName)! > 1;
    const name = overloaded ? `${op.qualifiedName}(${op.parameters.map((p) => p.name).join(", ")})` : op.qualifiedName;
    // Overloads bound to an entity type and to a collection of it differ by their binding alone.
    const binding = op.bound && op.binding ? `, bound to ${op.binding.type.collection ? "a collection of " : ""}\`${op.binding.type.type.qualifiedName}\`` : "";
    const what = `${op.kind} \`${name}\`${binding}`;
    // A parameter's own constraints, and its type definition's (checked by that one's checkX).
    const checked = op.parameters.flatMap((p): { p: Parameter; c: ValueConstraints | undefined }[] => {
      const c = parameterConstraints(p);
      return checkable(c, p.type.collection) ? [{ p, c }] : ofConstrainedType(p.type) ? [{ p, c: undefined }] : [];
    });
    if (checked.length) {
      const { stem, why } = claim(op, `${pascal(k.requestName(op) ?? op.name)}Parameters`, "parameters", what);
      const calls = checked.flatMap(({ p, c }) => k.member(p.name, p.type, k.constrained(p, c, `check${stem}${pascal(p.name)}`), c ?? {}));
      const names = checked.map((x) => `\`${x.p.name}\``).join(", ");
      const doc = jsdoc("", [prose(`Checks the parameters of ${what} (the \`params\` of its request function) against their Validation vocabulary constraints: ${names}. Other members pass unchecked.${why}`)]);
      out.push(entry(doc, stem, k, calls));
    }
    const ret = op.returnType;
    const rc = ret && returnConstraints(op);
    if (ret && (checkable(rc, false) || ofConstrainedType(ret))) {
      const { stem, why } = claim(op, `${pascal(k.requestName(op) ?? op.name)}Result`, "result", what);
      const value = k.constrained({ type: { ...ret, collection: false }, annotations: op.returnAnnotations ?? [] }, rc, `check${stem}${ret.collection ? "Item" : "Value"}`);
      const doc = jsdoc("", [
        prose(
          ret.collection
            ? `Checks an item of the result of ${what}, as a request function's \`validate\` gets it, against its return type's Validation vocabulary constraints (not MinItems or MaxItems: a page holds part of the collection).${why}`
            : `Checks the result of ${what}, \`{ value: x }\` as a request function's \`validate\` gets it, against its return type's Validation vocabulary constraints.${why}`,
        ),
      ]);
      if (!ret.collection) out.push(entry(doc, stem, k, k.member("value", { ...ret, collection: false }, value, {})));
      // A page's items one by one: a null one passes where the return type's items may be null (Nullable, CSDL §12.8).
      else if (!ret.nullable) out.push(`${doc}${validator(stem, k, value)}`);
      else out.push(`${doc}${validator(stem, k, `check${stem}`)}\n\nfunction check${stem}(${parameters(`function check${stem}`, k.checkParams, ": void {")}): void {\n  ${ifStatement("v !== null", `${value}(v, ctx, key)`, "  ")}\n}`);
    }
  }
  return out;
}

/** `validateX`'s declaration, made from the checker `check`. */
function validator(stem: string, k: OperationChecks, check: string): string {
  const head = `export const validate${stem}: ${k.rt.Validate} =`;
  return `${head}${assignedCall(head, "vr.validator", [check])};`;
}

/** `validateX`, `checkX` (an object) and `propsX` for the stem `X`. */
function entry(doc: string, stem: string, k: OperationChecks, calls: readonly string[]): string {
  const check = `check${stem}`;
  return [
    `${doc}${validator(stem, k, check)}`,
    // An object of no declared type (no `@odata.type` to read), whose members `propsX` checks, the others passing.
    `function ${check}(${parameters(`function ${check}`, k.checkParams, ": void {")}): void {
  if (!vr.isObject(v)) return ctx.fail(key, "an object", v);
  if (!ctx.enter(key)) return;
  props${stem}(v, ctx);
  ctx.leave();
}`,
    `function props${stem}(${parameters(`function props${stem}`, [`o: ${k.rt.Json}`, `ctx: ${k.rt.Context}`], ": number {")}): number {\n  return ${k.sum("0", calls)};\n}`,
  ].join("\n\n");
}

/**
 * `want`, numbered where the module has a `validate`, `check` or `props` function of it already (an
 * overload's, a type's), or a type of the service is named so (whose functions a slice may leave out).
 */
function claimStem(scope: Scope, want: string, typeNamed: (stem: string) => boolean): string {
  let stem = want;
  for (let i = 2; typeNamed(stem) || ["validate", "check", "props"].some((p) => scope.has(`${p}${stem}`)); i++) stem = `${want}${i}`;
  for (const p of ["validate", "check", "props"]) scope.claim(`${p}${stem}`);
  return stem;
}

/** `text` in lines of at most 100 characters (a doc comment's), broken between words. */
function prose(text: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > 100) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join("\n");
}
