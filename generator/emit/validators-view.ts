/**
 * View model for a namespace's `.validators.ts` module. Each structured type gets `validateX`,
 * `isX`, `assertX` and the building blocks other modules call: `checkX` (picks the type named by
 * `@odata.type`), `exactX` (one known type), `propsX` (its properties, base first) and `knownX`.
 */
import { deprecation, isComputed, isImmutable } from "../model/rules";
import type { EnumType, ModelType, PrimitiveType, Schema, SchemaType, StructuredType, TypeDefinition, TypeRef, Facets } from "../model/types";
import type { EmitContext } from "./context";
import { usesUnion } from "./context";
import { Imports, jsdoc, moduleSpecifier, type ImportView } from "./imports";
import { NO_TYPES, typeName } from "./ts-types";

export interface ValidatorsView {
  header: string;
  imports: ImportView[];
  aliases: string;
  enums: { doc: string; checkName: string; setName: string; qname: string; values: string; flags: boolean }[];
  typedefs: { doc: string; checkName: string; call: string }[];
  wrappers: { name: string; call: string }[];
  types: TypeValidatorView[];
}

export interface TypeValidatorView {
  doc: string;
  name: string;
  qname: string;
  /** The qualified name as plain text (qualified names contain no quotes or backslashes). */
  qnameText: string;
  guardType: string;
  abstract: boolean;
  variants: { qname: string; exact: string }[];
  abstractNames: string[];
  checkUnknown: boolean;
  base: string;
  baseKnown: string;
  properties: { helper: string; name: string; check: string; expected: string; required: boolean; nullable: boolean; flags: string }[];
  names: string[];
  hasNames: boolean;
}

const PRIMITIVE_CHECK: Record<string, string> = {
  Binary: "vr.checkBinary", Boolean: "vr.checkBoolean", Byte: "vr.checkByte", Date: "vr.checkDate",
  DateTimeOffset: "vr.checkDateTimeOffset", Decimal: "vr.checkDecimal", Double: "vr.checkDouble",
  Duration: "vr.checkDuration", Guid: "vr.checkGuid", Int16: "vr.checkInt16", Int32: "vr.checkInt32",
  Int64: "vr.checkInt64", SByte: "vr.checkSByte", Single: "vr.checkSingle", String: "vr.checkString",
  TimeOfDay: "vr.checkTimeOfDay",
};

/** Per module: names of the small wrapper functions that fix a primitive check's facets. */
class Wrappers {
  readonly list: { name: string; call: string }[] = [];
  private readonly byCall = new Map<string, string>();
  wrap(name: string, call: string): string {
    const known = this.byCall.get(call);
    if (known) return known;
    this.byCall.set(call, name);
    this.list.push({ name, call });
    return name;
  }
}

export function validatorsView(ctx: EmitContext, schema: Schema): ValidatorsView {
  const ns = schema.namespace;
  const locals: string[] = ["vr", "ALIASES"];
  for (const t of schema.types) {
    const n = ctx.names.type(t);
    locals.push(`check${n}`, `exact${n}`, `props${n}`, `known${n}`, `validate${n}`, `is${n}`, `assert${n}`, `${n}Members`);
  }
  const imports = new Imports(locals);
  const wrappers = new Wrappers();
  const fnName = (t: SchemaType, prefix: string): string => {
    const local = `${prefix}${ctx.names.type(t)}`;
    if (t.namespace === ns) return local;
    return imports.use(moduleSpecifier(t.namespace, "validators"), local, t.namespace);
  };
  const checker = (type: ModelType, facets: Facets): string =>
    type.kind === "primitive" ? primitiveChecker(type, facets, wrappers) : fnName(type, "check");

  const enums: ValidatorsView["enums"] = [];
  const typedefs: ValidatorsView["typedefs"] = [];
  const types: TypeValidatorView[] = [];
  for (const t of schema.types) {
    if (t.kind === "enum") enums.push(enumView(ctx, t));
    else if (t.kind === "typedef") typedefs.push(typedefView(ctx, t, wrappers));
    else types.push(typeView(ctx, t, ns, imports, fnName, checker));
  }
  return {
    header: ctx.header,
    imports: imports.view((from) => from.endsWith(".types.js")),
    aliases: JSON.stringify(Object.fromEntries([...ctx.model.aliases.entries()].sort(([a], [b]) => (a < b ? -1 : 1)))),
    enums,
    typedefs,
    wrappers: wrappers.list,
    types,
  };
}

function primitiveChecker(t: PrimitiveType, f: Facets, wrappers: Wrappers): string {
  const n = t.name;
  if (n === "String" && typeof f.maxLength === "number") return wrappers.wrap(`checkString${f.maxLength}`, `vr.checkString(v, path, ctx, ${f.maxLength})`);
  if (n === "Decimal" && (typeof f.precision === "number" || typeof f.scale === "number")) {
    const p = typeof f.precision === "number" ? f.precision : undefined;
    const s = typeof f.scale === "number" ? f.scale : undefined;
    return wrappers.wrap(`checkDecimal${p ?? "_"}_${s ?? "_"}`, `vr.checkDecimal(v, path, ctx, ${p}, ${s})`);
  }
  if ((n === "DateTimeOffset" || n === "TimeOfDay") && typeof f.precision === "number") {
    return wrappers.wrap(`check${n}${f.precision}`, `vr.check${n}(v, path, ctx, ${f.precision})`);
  }
  const direct = PRIMITIVE_CHECK[n];
  if (direct) return direct;
  const geo = /^Geo(graphy|metry)(.*)$/.exec(n);
  if (geo) return wrappers.wrap(`check${n}`, `vr.checkGeo(v, path, ctx, ${JSON.stringify(geo[2])}, "Edm.${n}")`);
  return "vr.checkAny";
}

function expected(ref: TypeRef): string {
  return JSON.stringify(ref.type.qualifiedName);
}

function enumView(ctx: EmitContext, t: EnumType): ValidatorsView["enums"][number] {
  const n = ctx.names.type(t);
  return {
    doc: jsdoc("", [`Checks a \`${t.qualifiedName}\` value: ${t.isFlags ? "member names, comma-separated" : "a member name"}.`]),
    checkName: `check${n}`,
    setName: `${n}Members`,
    qname: JSON.stringify(t.qualifiedName),
    values: t.members.map((m) => JSON.stringify(m.name)).join(", "),
    flags: t.isFlags,
  };
}

function typedefView(ctx: EmitContext, t: TypeDefinition, wrappers: Wrappers): ValidatorsView["typedefs"][number] {
  const inner = primitiveChecker(t.underlying, t.facets, wrappers);
  return {
    doc: jsdoc("", [`Checks a \`${t.qualifiedName}\` value (${t.underlying.qualifiedName}).`]),
    checkName: `check${ctx.names.type(t)}`,
    call: `${inner}(v, path, ctx)`,
  };
}

function typeView(
  ctx: EmitContext,
  t: StructuredType,
  ns: string,
  imports: Imports,
  fnName: (t: SchemaType, prefix: string) => string,
  checker: (type: ModelType, facets: Facets) => string,
): TypeValidatorView {
  const name = ctx.names.type(t);
  // Every subtype, named by @odata.type, is accepted where this type is declared (CSDL §6.1.1).
  const variants: TypeValidatorView["variants"] = [];
  const abstractNames: string[] = [];
  const visit = (c: StructuredType) => {
    if (c.abstract) abstractNames.push(JSON.stringify(c.qualifiedName));
    else variants.push({ qname: JSON.stringify(c.qualifiedName), exact: fnName(c, "exact") });
    for (const d of c.derived) visit(d);
  };
  visit(t);
  const keyNames = new Set(t.kind === "entity" ? t.key.map((k) => k.name) : []);
  const properties: TypeValidatorView["properties"] = t.properties.map((p) => {
    const flags = [isComputed(p) && "vr.COMPUTED", isImmutable(p) && "vr.IMMUTABLE", p.defaultValue !== undefined && "vr.HAS_DEFAULT"].filter(Boolean);
    return {
      helper: p.type.collection ? "items" : "prop",
      name: JSON.stringify(p.name),
      check: checker(p.type.type, p.type.facets),
      expected: expected(p.type),
      required: !p.type.nullable || keyNames.has(p.name),
      nullable: p.type.nullable,
      flags: flags.length ? flags.join(" | ") : "0",
    };
  });
  for (const n of t.navigationProperties) {
    properties.push({
      helper: n.collection ? "items" : "prop",
      name: JSON.stringify(n.name),
      check: fnName(n.target, "check"),
      expected: JSON.stringify(n.target.qualifiedName),
      required: false,
      nullable: n.collection ? false : n.nullable,
      flags: "0",
    });
  }
  const open = isOpen(t);
  const guard = typeName(ctx, t, NO_TYPES, imports, usesUnion(ctx, t));
  return {
    doc: jsdoc("", [
      `Validates a \`${t.qualifiedName}\` value and returns every problem with its JSON-pointer path.`,
      deprecation(t.annotations) && `@deprecated ${deprecation(t.annotations)}`,
    ]),
    name,
    qname: JSON.stringify(t.qualifiedName),
    qnameText: t.qualifiedName.replace(/["\\`$]/g, "_"),
    guardType: guard,
    abstract: t.abstract,
    variants,
    abstractNames,
    checkUnknown: !open,
    base: t.baseType ? fnName(t.baseType, "props") : "",
    baseKnown: t.baseType ? fnName(t.baseType, "known") : "",
    properties,
    names: [...t.properties, ...t.navigationProperties].map((p) => JSON.stringify(p.name)),
    hasNames: t.properties.length + t.navigationProperties.length > 0,
  };
}

/** CSDL §6.3: a type derived from an open type is open too. */
function isOpen(t: StructuredType): boolean {
  for (let c: StructuredType | undefined = t; c; c = c.baseType) if (c.open) return true;
  return false;
}
