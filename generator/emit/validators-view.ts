/**
 * View model for a namespace's `.validators.ts` module. Each structured type gets `validateX`,
 * `isX`, `assertX` and the building blocks other modules call: `checkX` (picks the type named by
 * `@odata.type`), `exactX` (one known type) and `propsX` (its properties, base first; the names it
 * reads are the names the type knows, see `declaredNames` in templates/static/validation.ts).
 *
 * The generated checks are compact: a type's properties are one sum of `vr.p(…)`/`vr.c(…)` calls,
 * each naming the property and the function that checks its value, so the output stays a few
 * hundred bytes per type; paths are built only when an error is reported (see
 * templates/static/validation.ts).
 */
import { stringLiteral } from "../string-literal";
import { alwaysPresent, deprecation, isAddressableStream, isComputed, isImmutable, isOpen, isReadOnly, isStream, tiedByPartner } from "../model/rules";
import type { EnumType, ModelType, NavigationProperty, PrimitiveType, Property, Schema, SchemaType, StructuredType, TypeDefinition, TypeRef, Facets } from "../model/types";
import type { EmitContext } from "./context";
import { readsAsUnion } from "./context";
import { literalKey, pascal, propertyKey, Scope } from "../passes/names";
import { allowedDerivedTypes, hasOwnConstraints, propertyConstraints, typedefConstraints, type ValueConstraints } from "../model/validation-terms";
import { Imports, jsdoc, moduleSpecifier, type ImportView } from "./imports";
import { NO_TYPES, PROTOTYPE_NAMES, typeName } from "./ts-types";
import { assignedCall, fits, parameters } from "./wrap";
import { brokenExpression } from "./wrap-code";
import { ifStatement, statementHead } from "./wrap-statement";
import { operationValidators } from "./operation-validators";
import { typeKindWords } from "../diff/type-kinds";
import { namedOperation } from "./request-name-index";

export interface ValidatorsView {
  header: string;
  imports: ImportView[];
  /** Whether the module checks `@odata.type`, with the service's aliases and version (`SERVICE`, imported from checkers.ts). */
  usesAliases: boolean;
  /**
   * `value`: what follows `=` in the enum's `checkX` declaration, `vr.enumChecker(…)` with the
   * qualified name, the members and `true` for a flags enum, broken where its line would pass 120
   * characters (wrap.ts `assigned`).
   */
  enums: { doc: string; checkName: string; value: string }[];
  /** `params`: the check's parameters (`v`, `ctx`, `key`), one a line where the signature would pass 120 characters (wrap.ts `parameters`); `call`, its one call, broken likewise. */
  typedefs: { doc: string; checkName: string; params: string; call: string }[];
  wrappers: { name: string; params: string; call: string }[];
  /**
   * In a slice whose types have subtypes it left out: the name of the module's function that checks
   * a value of one as its nearest kept base type (its properties; the ones it adds are let through).
   * "" when there is none.
   */
  leftOut: string;
  /**
   * In a slice with types kept only as a base type, whose subtypes it left out without listing
   * them: the name of the module's function that reports a name no type of the slice matches, "one
   * of its subtypes in this slice" (a subtype left out may be meant). "" when there is none.
   */
  notInSlice: string;
  types: TypeValidatorView[];
  /** The validators of the namespace's operations' parameters and results, each a block of code (operation-validators.ts). */
  operations: string[];
  /**
   * The module's own makers of `validateX`, `isX` and `assertX` (`validator`, `guard`, `asserter`,
   * unless the module has a name of its own so spelled): each type's three are constants made by
   * them. Function declarations, not `vr.guard` itself: the type checker looks an imported name
   * used at a module's top level up through every constant declared before it, which on Graph's
   * 6,600 such constants took it longer than all the rest of the module.
   */
  makers: { validator: string; guard: string; asserter: string };
  /**
   * The module's makers of `exactX` and of a concrete type's `checkX` where it has no subtypes,
   * those it uses (`exactOf`, `exactOpenOf`, `checkOf`, `checkOpenOf`), written out: each returns
   * a closure that reads `SERVICE` when it runs, not when it is made (the module may be loaded
   * before checkers.ts, in their import cycle).
   */
  shapeMakers: string;
  /**
   * `namespaceChecker`'s table, made on its first call: this namespace's checkers by their types'
   * simple names (`name: checkT,` a line, or `{}`), joined here rather than in a template loop
   * (3,800 on Graph); `checkersName`, the module's variable holding it; `namespace`, quoted.
   */
  checkers: string;
  checkersName: string;
  /** The runtime's types as the module names them (`runtimeTypes`). */
  rt: RuntimeTypes;
  namespace: string;
}

export interface TypeValidatorView {
  doc: string;
  name: string;
  /** The qualified name for doc comments. */
  qnameText: string;
  guardType: string;
  /** What follows `=` in `validateX`'s, `isX`'s and `assertX`'s declarations: a space or a line break, and the value (`entryPoints`). */
  validate: string;
  guard: string;
  assert: string;
  /** What `checkX`'s doc comment adds where it picks among subtypes by `@odata.type` (else ""): `Checks a \`ns.T\` value, or the subtype…`. */
  dispatchNote: string;
  /**
   * `checkX`'s body: a switch over the qualified name `@odata.type` resolves to, with a case per
   * concrete type accepted here (the type itself also when it is absent), then the abstract ones,
   * which are reported, and a default that reports a name none of them takes; or, where one type is
   * accepted, the one check of it. Written here, as the other per-type choices below, rather than by
   * the template's `#if` blocks: a block helper call costs Handlebars more than building the string
   * (on Graph, ~6 per type over 3,800 types; see docs/performance-notes.md).
   */
  check: string;
  /** The type's qualified name, quoted. */
  qname: string;
  /** Whether the type is open (CSDL §6.3: or derives from an open type): its `exactX` checks dynamic properties. */
  open: boolean;
  /**
   * `checkX`'s declaration with its doc comment: a function with `check` as its body, or, for a
   * concrete type without subtypes (`check` is ""), a constant made by the module's `checkOf`
   * (`checkOpenOf` for an open type) from `propsX` and the qualified name, declared before
   * `validateX`, which reads it (`declarations`).
   */
  checkDecl: string;
  /**
   * `exactX`'s declaration: a constant made by the module's `exactOf` from `propsX` and the
   * qualified name (`exactOpenOf` from `propsX`, for an open type), which hands `SERVICE` to
   * `vr.exact`, as `exactX` may run alone, without `checkX`.
   */
  exactDecl: string;
  /** `checkX`'s parameters where it is a function, one a line where the signature would pass 120 characters (wrap.ts `parameters`), as `propsParams`. */
  checkParams: string;
  /** `propsX`'s parameters, `_`-prefixed where it uses neither (the type declares and inherits no properties). */
  propsParams: string;
  /**
   * What `propsX` returns: its base type's count (or 0) and the expressions checking and counting
   * each property (`vr.p(…)`, `vr.c(…)`), joined by ` + `, laid out as Prettier writes a sum after
   * `return` (`sum`: on its line where it fits, else `(`, a term a line, each ending in ` +`, `)`).
   * Joined here: one string per type renders much faster than a template loop over Graph's 20,000
   * properties.
   */
  props: string;
}

/**
 * The runtime's types as a module names them: in a module with structured types, which uses each of
 * these, imported by name (`import type { Json, … } from "./validation.js"`, `Json: string` rather
 * than `vr.Json`, 3 bytes on each of Graph's ~25,000 uses); else `vr.Json`.
 */
type RuntimeTypes = Record<(typeof RUNTIME_TYPES)[number], string>;
const RUNTIME_TYPES = ["Assert", "Checker", "Context", "Exact", "Guard", "Json", "Validate"] as const;

function runtimeTypes(imports: Imports, structured: boolean): RuntimeTypes {
  const names = {} as RuntimeTypes;
  for (const n of RUNTIME_TYPES) names[n] = structured ? imports.use("./validation.js", n, "validation") : `vr.${n}`;
  return names;
}

/** A checker's parameters (`vr.Checker`). */
function checkParams(rt: RuntimeTypes): string[] {
  return ["v: unknown", `ctx: ${rt.Context}`, "key: vr.Key"];
}

const PRIMITIVE_CHECK: Record<string, string> = {
  Binary: "vr.checkBinary", Boolean: "vr.checkBoolean", Byte: "vr.checkByte", Date: "vr.checkDate",
  DateTimeOffset: "vr.checkDateTimeOffset", Decimal: "vr.checkDecimal", Double: "vr.checkDouble",
  Duration: "vr.checkDuration", Guid: "vr.checkGuid", Int16: "vr.checkInt16", Int32: "vr.checkInt32",
  Int64: "vr.checkInt64", SByte: "vr.checkSByte", Single: "vr.checkSingle", String: "vr.checkString",
  TimeOfDay: "vr.checkTimeOfDay", PrimitiveType: "vr.checkPrimitive",
};


/** Per module: names of the small wrapper functions that fix a primitive check's facets. */
class Wrappers {
  readonly list: { name: string; params: string; call: string }[] = [];
  private readonly byCall = new Map<string, string>();
  /**
   * The module's names (the types' functions and what it imports), so that a wrapper never takes
   * one: `checkStringL10` may also be the check of another namespace's type `StringL10`.
   */
  constructor(
    private readonly names: Scope,
    private readonly rt: RuntimeTypes,
  ) {}
  wrap(name: string, call: string): string {
    const known = this.byCall.get(call);
    if (known) return known;
    const unique = this.names.claim(name, "_");
    this.byCall.set(call, unique);
    this.list.push({ name: unique, params: parameters(`function ${unique}`, checkParams(this.rt), ": void {"), call: brokenExpression(call, 2, 1, "  ") });
    return unique;
  }
}

/** The prefixes of the functions a validators module declares per type, before the type's name (`checkSession`, `validateSession`, …). */
export const TYPE_FUNCTION_PREFIXES: readonly string[] = ["check", "exact", "props", "validate", "is", "assert"];

export function validatorsView(ctx: EmitContext, schema: Schema): ValidatorsView {
  const ns = schema.namespace;
  const locals: string[] = ["vr", "SERVICE", "checkerFor", "namespaceChecker"];
  for (const t of schema.types) {
    const n = ctx.names.type(t);
    for (const prefix of TYPE_FUNCTION_PREFIXES) locals.push(`${prefix}${n}`);
  }
  // One scope for the module's own names, its imports and its wrappers.
  const scope = new Scope(locals);
  const imports = new Imports(scope, ctx.namespaceLabels);
  const rt = runtimeTypes(imports, schema.types.some((t) => t.kind === "entity" || t.kind === "complex"));
  const wrappers = new Wrappers(scope, rt);
  const fnName = (t: SchemaType, prefix: string): string => {
    const local = `${prefix}${ctx.names.type(t)}`;
    if (t.namespace === ns) return local;
    return imports.use(moduleSpecifier(t.namespace, "validators"), local, t.namespace);
  };
  const checker = (type: ModelType, facets: Facets): string => {
    if (type.kind === "primitive") return primitiveChecker(type, facets, wrappers);
    if (type.kind === "typedef" && hasFacets(facets)) {
      // Facets on the property add to those of the type definition (CSDL §11.1).
      const call = primitiveCall(type.underlying, { ...facets, ...type.facets });
      return wrappers.wrap(`check${ctx.names.type(type)}${facetSuffix(facets)}`, call ?? `${PRIMITIVE_CHECK[type.underlying.name] ?? "vr.checkAny"}(v, ctx, key)`);
    }
    return fnName(type, "check");
  };
  // An expanded navigation property's checker; in a deep insert, the target's properties its partner
  // ties to this entity may be left out (vr.tied).
  const navChecker = (n: NavigationProperty): string => {
    const check = fnName(n.target, "check");
    const tied = tiedByPartner(n);
    const base = tied.length === 0 ? check : wrappers.wrap(`${check}Under${ctx.names.type(n.declaringType)}`, `vr.tied(${check}, [${tied.map((name) => stringLiteral(name)).join(", ")}], v, ctx, key)`);
    const allowed = allowedDerivedTypes(ctx.model, n);
    return allowed ? derivedChecker(base, allowed, unnamedType(n.target, allowed), `check${ctx.names.type(n.declaringType)}${pascal(n.name)}`, wrappers) : base;
  };

  // The module's check of a value of a subtype a slice left out, named once it is needed.
  let leftOutName = "";
  const leftOut = () => (leftOutName ||= scope.claim("leftOut", "_"));
  let notInSliceName = "";
  const notInSlice = () => (notInSliceName ||= scope.claim("notInSlice", "_"));

  const enums: ValidatorsView["enums"] = [];
  const typedefs: ValidatorsView["typedefs"] = [];
  const types: TypeValidatorView[] = [];
  for (const t of schema.types) {
    if (t.kind === "enum") enums.push(enumView(ctx, t, rt));
    else if (t.kind === "typedef") typedefs.push(typedefView(ctx, t, wrappers, rt));
    else types.push(typeView(ctx, t, rt, fnName, checker, navChecker, imports, leftOut, notInSlice, wrappers));
  }
  const operations = operationValidators(schema.operations, {
    scope,
    requestName: (op) => {
      const e = namedOperation(schema, op);
      return e && ctx.requestNames(schema).operation(e);
    },
    rt,
    constrained: (element, c, name) => (c ? constrainedPropertyChecker(element, c, name, checker, wrappers) : checker(element.type.type, element.type.facets)),
    member: (name, ref, check, c) => memberCalls(name, ref, check, c),
    sum,
    checkParams: checkParams(rt),
    owner: (stem) => {
      const t = schema.types.find((x) => ctx.names.type(x) === stem);
      return t ? `the ${typeKindWords(t.kind)} \`${t.qualifiedName}\`` : ctx.names.typeNames(ns).has(stem) ? `a type of \`${ns}\` this slice leaves out` : undefined;
    },
    // A type's own name only: its companions (`AnyX`, `XValues`) have no functions named after them.
    typeNamed: (stem) => ctx.names.typeNames(ns).has(stem),
    renamed: (message, op) => ctx.options.renamed?.(message, op.qualifiedName, op.at),
  });
  // After the types: their guards' types are imported names of the module by now.
  const makers = { validator: scope.claim("validator", "_"), guard: scope.claim("guard", "_"), asserter: scope.claim("asserter", "_") };
  for (const v of types) entryPoints(v, makers, rt);
  const shapes = { exactOf: scope.claim("exactOf", "_"), exactOpenOf: scope.claim("exactOpenOf", "_"), checkOf: scope.claim("checkOf", "_"), checkOpenOf: scope.claim("checkOpenOf", "_") };
  const used = new Set<ShapeMaker>();
  for (const v of types) declarations(v, shapes, used, rt);
  const shapeMakers = SHAPE_MAKER_ORDER.filter((m) => used.has(m)).map((m) => SHAPE_MAKERS[m](shapes[m], rt)).join("\n\n");
  return {
    header: ctx.header,
    imports: imports.view((from) => from.endsWith(".types.js") || from === "./validation.js"),
    rt,
    usesAliases: types.length > 0,
    enums,
    typedefs,
    wrappers: wrappers.list,
    leftOut: leftOutName,
    notInSlice: notInSliceName,
    types,
    operations,
    makers,
    shapeMakers,
    checkers: checkerTable(schema.types.map((t) => [t.name, `check${ctx.names.type(t)}`])),
    checkersName: scope.claim("checkers", "_"),
    namespace: stringLiteral(ns),
  };
}

/**
 * `namespaceChecker`'s table, an object literal from each type's simple name to its checker, a
 * member a line (indented for the assignment inside the function), the checker on the next line
 * where the member's would pass 120 characters, as Prettier breaks it. A table rather than a
 * `switch` over qualified names: a third of the bytes (on Graph, ~200 KB less), and a lookup rather
 * than up to 3,800 string comparisons.
 */
function checkerTable(entries: readonly (readonly [string, string])[]): string {
  if (entries.length === 0) return "{}";
  const member = ([name, check]: readonly [string, string]) => {
    const key = literalKey(name);
    return fits(4 + key.length + 2 + check.length + 1) ? `    ${key}: ${check},\n` : `    ${key}:\n      ${check},\n`;
  };
  return `{\n${entries.map(member).join("")}  }`;
}

/**
 * What follows `=` in a type's `validateX`, `isX` and `assertX` declarations: on the same line, or
 * on the next, indented, where the line would pass 120 characters (wrap.ts `assigned`).
 */
function entryPoints(v: TypeValidatorView, makers: ValidatorsView["makers"], rt: RuntimeTypes): void {
  const check = [`check${v.name}`];
  v.validate = assignedCall(`export const validate${v.name}: ${rt.Validate} =`, makers.validator, check);
  v.guard = assignedCall(`export const is${v.name}: ${rt.Guard}<${v.guardType}> =`, makers.guard, check);
  v.assert = assignedCall(`export const assert${v.name}: ${rt.Assert}<${v.guardType}> =`, makers.asserter, check);
}

type ShapeMaker = "exactOf" | "exactOpenOf" | "checkOf" | "checkOpenOf";
const SHAPE_MAKER_ORDER: readonly ShapeMaker[] = ["exactOf", "exactOpenOf", "checkOf", "checkOpenOf"];

/** The makers' declarations, given the names the module has for them. */
const SHAPE_MAKERS: Record<ShapeMaker, (name: string, rt: RuntimeTypes) => string> = {
  exactOf: (name, rt) => `function ${name}(props: vr.Props, type: string): ${rt.Exact} {
  return (o, ctx, key) => vr.exact(o, ctx, key, props, type, SERVICE);
}`,
  exactOpenOf: (name, rt) => `function ${name}(props: vr.Props): ${rt.Exact} {
  return (o, ctx, key) => vr.exactOpen(o, ctx, key, props, SERVICE);
}`,
  checkOf: (name, rt) => `function ${name}(props: vr.Props, type: string): ${rt.Checker} {
  return (v, ctx, key) => {
    if (vr.isType(v, ctx, key, type, SERVICE, false)) vr.exact(v, ctx, key, props, type, SERVICE);
  };
}`,
  checkOpenOf: (name, rt) => `function ${name}(props: vr.Props, type: string): ${rt.Checker} {
  return (v, ctx, key) => {
    if (vr.isType(v, ctx, key, type, SERVICE, false)) vr.exactOpen(v, ctx, key, props, SERVICE);
  };
}`,
};

/**
 * A type's `checkX` and `exactX` declarations (`checkDecl`, `exactDecl`), naming the makers they
 * use in `used`. `checkX`'s doc comment says what it takes; `exactX`, a building block, has none.
 */
function declarations(v: TypeValidatorView, names: Record<ShapeMaker, string>, used: Set<ShapeMaker>, rt: RuntimeTypes): void {
  const doc = `/** Checks a \`${v.qnameText}\` value${v.dispatchNote}. */\n`;
  if (v.check) {
    v.checkDecl = `${doc}export function check${v.name}(${v.checkParams}): void {\n${v.check}\n}`;
  } else {
    const maker: ShapeMaker = v.open ? "checkOpenOf" : "checkOf";
    used.add(maker);
    const head = `export const check${v.name}: ${rt.Checker} =`;
    v.checkDecl = `${doc}${head}${assignedCall(head, names[maker], [`props${v.name}`, v.qname])};`;
  }
  const maker: ShapeMaker = v.open ? "exactOpenOf" : "exactOf";
  used.add(maker);
  const head = `export const exact${v.name}: ${rt.Exact} =`;
  v.exactDecl = `${head}${assignedCall(head, names[maker], v.open ? [`props${v.name}`] : [`props${v.name}`, v.qname])};`;
}

/**
 * A checker of a property's values that checks its Validation vocabulary constraints after its type
 * (`vr.constrained`); `base` alone where the constraints are on the collection only (MinItems, MaxItems).
 */
function constrainedChecker(base: string, c: ValueConstraints, name: string, wrappers: Wrappers): string {
  const call = constrainedCall(base, c);
  return call ? wrappers.wrap(name, call) : base;
}

/**
 * A property's checker, with the Validation constraints `c` on its values (its own and its type
 * definition's: its own win). A type definition's checker (`checkX`) checks that one's own: the
 * property uses it as it is where it adds none and no facets, and otherwise checks `c` after the
 * underlying type, so that no constraint is checked twice.
 */
function constrainedPropertyChecker(p: Pick<Property, "type" | "annotations">, c: ValueConstraints, name: string, checker: (type: ModelType, facets: Facets) => string, wrappers: Wrappers): string {
  const t = p.type.type;
  const own = t.kind === "typedef" ? typedefConstraints(t) : undefined;
  // With facets of the property's own, `checker` checks the underlying type, not the definition's checkX.
  if (t.kind !== "typedef" || !own || !checksValues(own) || hasFacets(p.type.facets)) return constrainedChecker(checker(t, p.type.facets), c, name, wrappers);
  if (!hasOwnConstraints(p)) return checker(t, p.type.facets);
  return constrainedChecker(primitiveChecker(t.underlying, t.facets, wrappers), c, name, wrappers);
}

/**
 * A checker of values whose `@odata.type` must name one of the `allowed` types (Validation.DerivedTypeConstraint), checked with `base`;
 * `declared`, where a value without `@odata.type` is of a type the constraint leaves out (`unnamedType`), makes it name one.
 */
function derivedChecker(base: string, allowed: readonly string[], declared: string | undefined, name: string, wrappers: Wrappers): string {
  const unnamed = declared === undefined ? "" : `, ${stringLiteral(declared)}`;
  return wrappers.wrap(name, `vr.derivedType(v, ctx, key, ${base}, SERVICE, [${allowed.map(stringLiteral).join(", ")}]${unnamed})`);
}

/**
 * The declared type `t` of a property or navigation property whose Validation.DerivedTypeConstraint allows only `allowed`, where
 * a value of it without `@odata.type` is of a type the constraint leaves out (JSON Format §4.5.3): `t` concrete and not allowed.
 * Undefined otherwise: an abstract type's value names its type anyway (`vr.untyped`).
 */
function unnamedType(t: ModelType, allowed: readonly string[]): string | undefined {
  if ((t.kind !== "entity" && t.kind !== "complex") || t.abstract || allowed.includes(t.qualifiedName)) return undefined;
  return t.qualifiedName;
}

/** Whether `c` constrains values (what `constrainedCall` checks), not only a collection's count. */
function checksValues(c: ValueConstraints): boolean {
  return c.minimum !== undefined || c.maximum !== undefined || c.multipleOf !== undefined || c.pattern !== undefined || c.allowed !== undefined;
}

/** The call (`v`, `ctx`, `key` in scope) that checks a value with `base`, then against `c`'s constraints on values; undefined when `c` has none. */
function constrainedCall(base: string, c: ValueConstraints): string | undefined {
  const fields: string[] = [];
  if (c.kind && (c.minimum || c.maximum)) fields.push(`kind: ${stringLiteral(c.kind)}`);
  const value = (v: number | string) => (typeof v === "number" ? String(v) : stringLiteral(v));
  if (c.minimum) fields.push(`min: ${value(c.minimum.value)}`, ...(c.minimum.exclusive ? ["minExclusive: true"] : []));
  if (c.maximum) fields.push(`max: ${value(c.maximum.value)}`, ...(c.maximum.exclusive ? ["maxExclusive: true"] : []));
  if (c.multipleOf !== undefined) fields.push(`multipleOf: ${stringLiteral(c.multipleOf)}`);
  if (c.pattern !== undefined) fields.push(`pattern: new RegExp(${stringLiteral(c.pattern)}, "u")`);
  if (c.allowed) fields.push(`allowed: [${c.allowed.map((a) => (typeof a === "string" ? stringLiteral(a) : String(a))).join(", ")}]`);
  return fields.length ? `vr.constrained(v, ctx, key, ${base}, { ${fields.join(", ")} })` : undefined;
}

function hasFacets(f: Facets): boolean {
  return typeof f.maxLength === "number" || typeof f.precision === "number" || f.scale !== undefined;
}

function facetSuffix(f: Facets): string {
  return [typeof f.maxLength === "number" && `L${f.maxLength}`, typeof f.precision === "number" && `P${f.precision}`, f.scale !== undefined && `S${f.scale}`]
    .filter(Boolean)
    .join("");
}

/** The call a primitive's facets need (`v`, `ctx`, `key` in scope), or undefined when none apply. */
function primitiveCall(t: PrimitiveType, f: Facets): string | undefined {
  const n = t.name;
  // MaxLength: a String's characters, a Binary's bytes; "max" sets no limit.
  if ((n === "String" || n === "Binary") && typeof f.maxLength === "number") return `vr.check${n}(v, ctx, key, ${f.maxLength})`;
  if (n === "Decimal" && (typeof f.precision === "number" || f.scale !== undefined)) {
    const p = typeof f.precision === "number" ? String(f.precision) : "undefined";
    const s = f.scale === undefined ? "" : `, ${JSON.stringify(f.scale)}`;
    return `vr.checkDecimal(v, ctx, key, ${p}${s})`;
  }
  if ((n === "DateTimeOffset" || n === "TimeOfDay" || n === "Duration") && typeof f.precision === "number") {
    return `vr.check${n}(v, ctx, key, ${f.precision})`;
  }
  const geo = n.startsWith("Geo") ? /^Geo(graphy|metry)(.*)$/.exec(n) : null;
  if (geo) return `vr.checkGeo(v, ctx, key, ${stringLiteral(geo[2])}, "Edm.${n}")`;
  return undefined;
}

function primitiveChecker(t: PrimitiveType, f: Facets, wrappers: Wrappers): string {
  const call = primitiveCall(t, f);
  if (call) return wrappers.wrap(`check${t.name}${facetSuffix(f)}`, call);
  return PRIMITIVE_CHECK[t.name] ?? "vr.checkAny";
}

function enumView(ctx: EmitContext, t: EnumType, rt: RuntimeTypes): ValidatorsView["enums"][number] {
  const n = ctx.names.type(t);
  const qname = stringLiteral(t.qualifiedName);
  const members = t.members.map((m) => `${literalKey(m.name)}: ${Number.isSafeInteger(m.value) ? m.value : stringLiteral(m.exact)}`);
  const object = members.length ? `{ ${members.join(", ")} }` : "{}";
  return {
    doc: jsdoc("", [`Checks a \`${t.qualifiedName}\` ${t.isFlags ? "value: member names, comma-separated" : "member name"}.`]),
    checkName: `check${n}`,
    // Prettier hugs the members object by the parentheses only as the last argument (not before a flags enum's `true`).
    value: assignedCall(`export const check${n}: ${rt.Checker} =`, "vr.enumChecker", t.isFlags ? [qname, object, "true"] : [qname, object]),
  };
}

function typedefView(ctx: EmitContext, t: TypeDefinition, wrappers: Wrappers, rt: RuntimeTypes): ValidatorsView["typedefs"][number] {
  const constraints = typedefConstraints(t);
  const call = (constraints && constrainedCall(primitiveChecker(t.underlying, t.facets, wrappers), constraints)) ?? primitiveCall(t.underlying, t.facets);
  const checkName = `check${ctx.names.type(t)}`;
  return {
    doc: jsdoc("", [`Checks a \`${t.qualifiedName}\` value (${t.underlying.qualifiedName}).`]),
    checkName,
    params: parameters(`export function ${checkName}`, checkParams(rt), ": void {"),
    call: brokenExpression(call ?? `${primitiveChecker(t.underlying, t.facets, wrappers)}(v, ctx, key)`, 2, 1, "  "),
  };
}

/** A property read on `o`: a plain property access (monomorphic at each site), or an own-property read for a name `Object.prototype` has. */
function load(name: string): string {
  if (PROTOTYPE_NAMES.has(name)) return `vr.own(o, ${stringLiteral(name)})`;
  // Brackets, so the code also compiles under noPropertyAccessFromIndexSignature (`o` is a record).
  return `o[${stringLiteral(name)}]`;
}

/**
 * Whether the checker of a value of `type` names the type in its messages, as `vr.p` and `vr.c`
 * would name it (`vr.expectedOf`: what it reports expecting of a value that is none): their calls
 * then leave the name out. A structured type's `checkX` and an enum's report its qualified name;
 * so do the checkers of the primitive types in `NAMED_PRIMITIVES`, with or without facets (test:
 * validators-expected). The others name more (`Edm.Date (YYYY-MM-DD)`), and a type definition's
 * names its underlying type.
 */
function namesItself(type: ModelType): boolean {
  if (type.kind === "primitive") return NAMED_PRIMITIVES.has(type.name);
  return type.kind === "entity" || type.kind === "complex" || type.kind === "enum";
}

/** The primitive types whose checkers report `Edm.Name` itself for a value that is none. */
export const NAMED_PRIMITIVES: ReadonlySet<string> = new Set(["Boolean", "Byte", "Decimal", "Double", "Guid", "Int16", "Int32", "Int64", "SByte", "Single", "String"]);

/**
 * The calls checking one member `name` of an object of no declared type (an operation's parameter,
 * a result's `value`) with `check`, absent or null allowed, as a property's (`vr.p`, `vr.c`), and a
 * collection's MinItems and MaxItems (`vr.itemCount`).
 */
function memberCalls(name: string, ref: TypeRef, check: string, c: ValueConstraints): string[] {
  const qn = namesItself(ref.type) ? "" : `, ${stringLiteral(ref.type.qualifiedName)}`;
  const head = `${load(name)}, ctx, ${stringLiteral(name)}, ${check}`;
  if (!ref.collection) return [`vr.p(${head}${qn ? `, vr.NULLABLE${qn}` : ""})`];
  const flags = ref.nullable ? "vr.NULL_ITEMS" : "0";
  const calls = [`vr.c(${head}${flags === "0" && !qn ? "" : `, ${flags}`}${qn})`];
  if (c.minItems !== undefined || c.maxItems !== undefined) calls.push(`vr.itemCount(${load(name)}, ctx, ${stringLiteral(name)}, ${c.minItems ?? 0}, ${c.maxItems ?? "Infinity"})`);
  return calls;
}

function flagExpr(flags: (string | false)[]): string {
  const set = flags.filter((f): f is string => !!f);
  return set.length ? set.join(" | ") : "0";
}

function typeView(
  ctx: EmitContext,
  t: StructuredType,
  rt: RuntimeTypes,
  fnName: (t: SchemaType, prefix: string) => string,
  checker: (type: ModelType, facets: Facets) => string,
  navChecker: (n: NavigationProperty) => string,
  imports: Imports,
  leftOut: () => string,
  notInSlice: () => string,
  wrappers: Wrappers,
): TypeValidatorView {
  const name = ctx.names.type(t);
  // Every subtype, named by @odata.type, is accepted where this type is declared (CSDL §6.1.1).
  const qname = stringLiteral(t.qualifiedName);
  const cases: string[] = [];
  const abstractCases: string[] = [];
  // In a slice: subtypes it left out, each checked as its nearest kept base type (c): leniently, or
  // as that type when it is open (the properties a subtype adds are dynamic properties of it).
  const omittedCases: string[] = [];
  // In a slice: whether some type here has subtypes the slice left out without listing them.
  let unlisted = false;
  const visit = (c: StructuredType) => {
    if (c.unlistedSubtypes) unlisted = true;
    if (c.abstract) abstractCases.push(`    case ${c === t ? qname : stringLiteral(c.qualifiedName)}:`);
    else if (c === t) cases.push(`    case undefined:\n    case ${qname}:\n${caseReturn(`exact${name}(o, ctx, key)`)}`);
    else cases.push(`    case ${stringLiteral(c.qualifiedName)}:\n${caseReturn(`${fnName(c, "exact")}(o, ctx, key)`)}`);
    const omitted = c.omittedSubtypes ?? [];
    for (const o of omitted) if (o.abstract) abstractCases.push(`    case ${stringLiteral(o.qualifiedName)}:`);
    const concrete = omitted.filter((o) => !o.abstract).map((o) => `    case ${stringLiteral(o.qualifiedName)}:`);
    if (concrete.length) {
      const check = isOpen(c) ? `${fnName(c, "exact")}(o, ctx, key)` : `${leftOut()}(o, ctx, key, ${fnName(c, "props")})`;
      omittedCases.push(...concrete, caseReturn(check));
    }
    for (const d of c.derived) visit(d);
  };
  visit(t);
  // After the kept types, so that their cases are tried first.
  cases.push(...omittedCases);
  const dispatch = cases.length + abstractCases.length > 1;
  // No @odata.type where an abstract type is declared: wrong, except in a PATCH body (vr.untyped).
  if (t.abstract) cases.unshift(`    case undefined:\n${caseReturn(`vr.untyped(o, ctx, key, props${name}, ${qname})`)}`);
  if (abstractCases.length) cases.push(...abstractCases, caseReturn(`vr.wrongType(ctx, key, o, ${qname}, true)`));
  const keyNames = new Set(t.kind === "entity" ? t.key.map((k) => k.name) : []);
  /** The collections' MinItems and MaxItems (Validation vocabulary), after the properties' calls. */
  const counts: string[] = [];
  const calls = t.properties.map((p) => {
    // A collection of streams (CSDL forbids it, ODG102) is read as a stream, but has no URL of its own.
    if (isStream(p)) return `vr.${isAddressableStream(p) ? "stream" : "streams"}(${load(p.name)}, ctx, ${stringLiteral(p.name)})`;
    const required = alwaysPresent(p, keyNames.has(p.name));
    // A key may be left out of a PUT body (vr.KEY): the URL names the entity.
    // Read-only by Core.Permissions: not sent, as a computed property, and told apart in messages.
    const readOnly = !isComputed(p) && isReadOnly(p);
    const mode = [(isComputed(p) || readOnly) && "vr.COMPUTED", readOnly && "vr.READ_ONLY", isImmutable(p) && "vr.IMMUTABLE", t.kind === "entity" && t.key.includes(p) && "vr.KEY"].filter((x): x is string => !!x);
    const constraints = propertyConstraints(p);
    const valueCheck = constraints ? constrainedPropertyChecker(p, constraints, `check${name}${pascal(p.name)}`, checker, wrappers) : checker(p.type.type, p.type.facets);
    const allowed = allowedDerivedTypes(ctx.model, p);
    const check = allowed ? derivedChecker(valueCheck, allowed, unnamedType(p.type.type, allowed), `check${name}${pascal(p.name)}`, wrappers) : valueCheck;
    const key = stringLiteral(p.name);
    if (p.type.collection && (constraints?.minItems !== undefined || constraints?.maxItems !== undefined)) {
      counts.push(`vr.itemCount(${load(p.name)}, ctx, ${key}, ${constraints.minItems ?? 0}, ${constraints.maxItems ?? "Infinity"})`);
    }
    // The type's name for messages, unless its checker gives it (vr.expectedOf).
    const qn = namesItself(p.type.type) ? "" : `, ${stringLiteral(p.type.type.qualifiedName)}`;
    const head = `${load(p.name)}, ctx, ${key}, ${check}`;
    if (p.type.collection) {
      const flags = flagExpr([...mode, p.defaultValue !== undefined && "vr.HAS_DEFAULT", required && "vr.REQUIRED", p.type.nullable && "vr.NULL_ITEMS"]);
      return `vr.c(${head}${flags === "0" && !qn ? "" : `, ${flags}`}${qn})`;
    }
    // Nothing to say about absence or null: the defaults (nullable, optional) apply. A type
    // definition's name is still given: its checker names the underlying type, and a
    // `code@odata.type` may name the definition (vr.declaredType).
    if (!required && p.type.nullable && mode.length === 0 && p.type.type.kind !== "typedef") return `vr.p(${head})`;
    const flags = [...mode, p.defaultValue !== undefined && "vr.HAS_DEFAULT", required && "vr.REQUIRED", p.type.nullable && "vr.NULLABLE"];
    return `vr.p(${head}, ${flagExpr(flags)}${qn})`;
  });
  calls.push(...counts);
  // Left out of a slice with its excluded type, but still sent: counted (so known), not checked.
  for (const name of t.excludedProperties ?? []) calls.push(`(${load(name)} === undefined ? 0 : 1)`);
  for (const n of t.navigationProperties) {
    // An expanded navigation property (or a deep insert) holds entities of the target type. Never
    // required (expanded only on request), but null only where the metadata allows it.
    const check = navChecker(n);
    // The target's checker names it for messages (vr.expectedOf).
    const head = `${load(n.name)}, ctx, ${stringLiteral(n.name)}, ${check}`;
    // vr.nav and vr.navs tell the runtime which names are navigation properties (for `p@odata.bind`).
    if (n.collection) calls.push(`vr.navs(${head})`);
    else if (n.nullable) calls.push(`vr.nav(${head})`);
    else calls.push(`vr.nav(${head}, 0)`);
  }
  // Left out of a slice with its target, but still the service's: a binding's form is checked, an expanded value is not.
  for (const n of t.leftOutNavigation ?? []) {
    const cardinality = n.collection ? "many" : n.nullable ? "nullable" : "one";
    calls.push(`vr.navLeftOut(${load(n.name)}, ctx, ${stringLiteral(n.name)}, ${stringLiteral(cardinality)})`);
  }
  // A concrete complex type's guard passes its subtypes' values too: its `Any…` union, which narrows by `@odata.type`.
  const guard = typeName(ctx, t, NO_TYPES, imports, readsAsUnion(ctx, t));
  const wrongType = unlisted ? `${notInSlice()}(ctx, key, o, ${qname})` : `vr.wrongType(ctx, key, o, ${qname}, false)`;
  const base = t.baseType ? `${fnName(t.baseType, "props")}(o, ctx)` : "";
  return {
    doc: jsdoc("", [
      `Validates a \`${t.qualifiedName}\`: every problem, with its JSON-pointer path.`,
      deprecation(t.annotations) && `@deprecated ${deprecation(t.annotations)}`,
    ]),
    name,
    qnameText: t.qualifiedName,
    guardType: guard,
    validate: "",
    guard: "",
    assert: "",
    dispatchNote: dispatch ? ", or the subtype its `@odata.type` names" : "",
    // A concrete type without subtypes: a constant, made by the module's `checkOf` (see `declarations`).
    // `o`: the value, read by a case only where `vr.typeOf` found an object (it gives null for any other).
    check: dispatch
      ? `  const o = v as ${rt.Json};\n  ${statementHead("switch", `vr.typeOf(v, ctx, key, ${qname}, SERVICE)`, 2, "  ")} {\n${cases.join("\n")}\n    case null:\n      return;\n    default:\n${caseReturn(wrongType)}\n  }`
      : t.abstract
        ? `  ${ifStatement(`vr.isType(v, ctx, key, ${qname}, SERVICE, true)`, `exact${name}(v, ctx, key)`, "  ")}`
        : "",
    qname,
    open: isOpen(t),
    checkDecl: "",
    exactDecl: "",
    checkParams: parameters(`export function check${name}`, checkParams(rt), ": void {"),
    // A property left out with its excluded type is only counted: `ctx` is then read by the others alone.
    propsParams: parameters(`export function props${name}`, [`${calls.length > 0 || t.baseType ? "o" : "_o"}: ${rt.Json}`, `${calls.length > (t.excludedProperties?.length ?? 0) || t.baseType ? "ctx" : "_ctx"}: ${rt.Context}`], ": number {"),
    props: calls.length > 0 ? sum(base || "0", calls) : base && !fits("  return ".length + base.length + 1) ? brokenExpression(base, "  return ".length, 1, "  ") : base || "0",
  };
}

/**
 * `propsX`'s sum of `first` (its base type's count, or 0) and `calls` after `  return `, as
 * Prettier 3 writes a sum there: on the line where `return …;` fits; else in parentheses, `return (`,
 * on the next line, indented four, where it fits there; else a term a line, each but the last
 * followed by ` +`, and `  )`. A call whose own line would pass 120 characters, the base type's
 * count among them, is broken an argument a line (wrap-code.ts `brokenExpression`); where the base
 * type's count breaks so and one term follows it, that term is on the line of its `)` where it fits.
 */
function sum(first: string, calls: readonly string[]): string {
  // Measured before any string is built, and joined once (no string a term: Graph has 20,000 terms).
  const last = calls.length - 1;
  let length = first.length;
  for (const c of calls) length += 3 + c.length;
  if (fits("  return ".length + length + 1)) return `${first} + ${calls.join(" + ")}`;
  if (fits(4 + length)) return `(\n    ${first} + ${calls.join(" + ")}\n  )`;
  const lines = calls.map((c, i) => (fits(4 + c.length + (i < last ? 2 : 0)) ? c : brokenExpression(c, 4, i < last ? 2 : 0, "    ")));
  // The base type's count too (`propsBase(o, ctx)`, of a name of 108 or more characters).
  if (fits(4 + first.length + 2)) return `(\n    ${first} +\n    ${lines.join(" +\n    ")}\n  )`;
  const head = brokenExpression(first, 4, 2, "    ");
  // A sum of two terms: Prettier keeps ` + term` on the line of the first one's `)` where it fits there.
  if (calls.length === 1 && fits("    ) + ".length + calls[0].length)) return `(\n    ${head} + ${calls[0]}\n  )`;
  return `(\n    ${head} +\n    ${lines.join(" +\n    ")}\n  )`;
}

/**
 * `return value;` in a case of `checkX`'s switch, a call whose line would pass 120 characters an
 * argument a line (wrap-code.ts `brokenExpression`).
 */
function caseReturn(value: string): string {
  const line = `      return ${value};`;
  // Measured here first: a type's switch has a case per subtype (all entity types under `entity`).
  return fits(line.length) ? line : `      return ${brokenExpression(value, 13, 1, "      ")};`;
}
