/**
 * The constraints of the Validation vocabulary (Org.OData.Validation.V1) a property's values must
 * meet, which the validators check: `Minimum` and `Maximum` (exclusive where annotated with
 * `Exclusive`), `MultipleOf`, `Pattern` (an ECMAScript regular expression), `AllowedValues`, and for a collection
 * `MinItems` and `MaxItems`. Only unqualified annotations: a qualified one applies in a context the
 * qualifier names, which a validator does not know. A value the term cannot take (a `Minimum` that
 * is no number on a number, a pattern no regular expression) is a warning (ODG102) at the
 * annotation, and is not checked.
 */
import { Codes, DiagnosticBag } from "../diagnostics";
import type { RawExpression } from "../parse/raw";
import { NUMERIC_PRIMITIVES, VALIDATION, xsBoolean } from "./rules";
import { qualify } from "./annotation-groups";
import type { Annotation, Model, ModelType, NavigationProperty, Operation, Parameter, PrimitiveName, Property, SchemaType, StructuredType, TypeDefinition } from "./types";

type Aliases = { aliases: ReadonlyMap<string, string>; documentAliases?: Model["documentAliases"]; types: Model["types"] };

/** How a bound compares with a value: as numbers, as instants (`Date.parse`), or as text of one fixed form (a Date, a TimeOfDay). */
export type BoundKind = "number" | "instant" | "text";

export interface Bound {
  /** The bound as a JavaScript literal's value: a number, or text (Int64 and Decimal beyond a double's exact range, dates). */
  value: number | string;
  exclusive: boolean;
}

export interface ValueConstraints {
  kind?: BoundKind;
  minimum?: Bound;
  maximum?: Bound;
  pattern?: string;
  /** The values allowed, as JavaScript values of the property's type. */
  allowed?: (string | number | boolean)[];
  minItems?: number;
  maxItems?: number;
  /** A positive decimal's text. */
  multipleOf?: string;
}


/** The primitive a type's values are of (a type definition's underlying type), or undefined for a structured or enum type. */
function primitiveOf(t: ModelType): PrimitiveName | undefined {
  if (t.kind === "primitive") return t.name;
  if (t.kind === "typedef") return t.underlying.name;
  return undefined;
}

function boundKind(p: PrimitiveName): BoundKind | undefined {
  if (NUMERIC_PRIMITIVES.has(p)) return "number";
  if (p === "DateTimeOffset") return "instant";
  if (p === "Date" || p === "TimeOfDay") return "text";
  return undefined;
}

/**
 * The constraints `annotations` (a property's, then its type definition's: the property's own win)
 * set on values of `type`; undefined when they set none. `path` names the property for warnings.
 */
export function valueConstraints(annotations: readonly Annotation[], type: ModelType, collection: boolean, diags: DiagnosticBag, path: string): ValueConstraints | undefined {
  // The first of a term's annotations that can be checked: a property's own that cannot (a warning)
  // leaves its type definition's to check.
  const first = <T>(name: string, read: (a: Annotation) => T | undefined): T | undefined => {
    for (const a of annotations) {
      if (a.term !== `${VALIDATION}.${name}` || a.qualifier) continue;
      const value = read(a);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const out: ValueConstraints = {};
  const warn = (a: Annotation, message: string) => void diags.add(Codes.invalidAttribute, "warning", `${a.term.slice(VALIDATION.length + 1)} ${message}; it is not checked`, `${path}/@${a.term}`, a.at);
  const primitive = primitiveOf(type);
  const kind = primitive && boundKind(primitive);
  for (const name of ["Minimum", "Maximum"] as const) {
    const bound = first(name, (a) => {
      if (!kind) return warn(a, `applies to numbers, dates and times; ${type.qualifiedName} is none`);
      const value = boundValue(a.value, kind);
      if (value === undefined) return warn(a, `is no ${kind === "number" ? "number" : `${primitive} value`}`);
      const exclusive = a.annotations?.find((n) => n.term === `${VALIDATION}.Exclusive` && !n.qualifier);
      return { value, exclusive: exclusive !== undefined && isTrue(exclusive.value) };
    });
    if (!bound || !kind) continue;
    out.kind = kind;
    if (name === "Minimum") out.minimum = bound;
    else out.maximum = bound;
  }
  const multiple = first("MultipleOf", (a) => {
    const text = a.value?.kind === "constant" ? a.value.value.trim() : "";
    if (kind !== "number") return warn(a, `applies to numbers; ${type.qualifiedName} is none`);
    if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text) || !/[1-9]/.test(text)) return warn(a, "is no positive decimal");
    return text;
  });
  if (multiple !== undefined) out.multipleOf = multiple;
  const pattern = first("Pattern", (a) => {
    const text = a.value?.kind === "constant" && a.value.type === "String" ? a.value.value : undefined;
    if (primitive !== "String") return warn(a, `applies to strings; ${type.qualifiedName} is none`);
    if (text === undefined) return warn(a, "is no string");
    if (!isPattern(text)) return warn(a, `${JSON.stringify(text)} is no ECMAScript regular expression (with the u flag)`);
    return text;
  });
  if (pattern !== undefined) out.pattern = pattern;
  const allowed = first("AllowedValues", (a) => allowedValues(a.value, primitive) ?? warn(a, `is no collection of records with a Value of ${type.qualifiedName}`));
  if (allowed !== undefined) out.allowed = allowed;
  for (const name of ["MinItems", "MaxItems"] as const) {
    const n = first(name, (a) => {
      const count = a.value?.kind === "constant" && /^\d{1,15}$/.test(a.value.value) ? Number(a.value.value) : undefined;
      if (!collection) return warn(a, "applies to collections; this is a single value");
      return count ?? warn(a, "is no count");
    });
    if (n === undefined) continue;
    if (name === "MinItems") out.minItems = n;
    else out.maxItems = n;
  }
  return Object.keys(out).length ? out : undefined;
}

/** A Tag's value: true when absent, else a Boolean constant's. */
function isTrue(v: RawExpression | undefined): boolean {
  if (!v) return true;
  return v.kind === "constant" && (v.type === "Bool" ? xsBoolean(v.value) === true : v.value === "true");
}

/** A bound's value for `kind`: a number (text where a double would round it), or a date's or time's text. */
function boundValue(v: RawExpression | undefined, kind: BoundKind): number | string | undefined {
  if (v?.kind !== "constant") return undefined;
  const text = v.value.trim();
  if (kind === "number") {
    if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
    const n = Number(text);
    if (!Number.isFinite(n)) return undefined;
    // An integer beyond 2^53, or a decimal with more digits than a double keeps, compared as text (exactly).
    return /^-?\d+$/.test(text) && !Number.isSafeInteger(n) ? text : n;
  }
  if (kind === "instant") return Number.isNaN(Date.parse(text)) ? undefined : text;
  return /^\d{4}-\d{2}-\d{2}$|^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? text : undefined;
}

/** Whether `text` compiles as a regular expression with the u flag (as the validators compile it). */
function isPattern(text: string): boolean {
  try {
    new RegExp(text, "u");
    return true;
  } catch {
    return false;
  }
}

/** `AllowedValues`' values (records with a `Value`), as JavaScript values of the type; undefined when it holds something else. */
function allowedValues(v: RawExpression | undefined, primitive: PrimitiveName | undefined): (string | number | boolean)[] | undefined {
  if (v?.kind !== "collection" || !primitive) return undefined;
  const out: (string | number | boolean)[] = [];
  for (const item of v.items) {
    const value = item.kind === "record" ? item.properties.find((p) => p.name === "Value")?.value : undefined;
    if (value?.kind !== "constant") return undefined;
    if (primitive === "Boolean") {
      const b = xsBoolean(value.value);
      if (b === undefined) return undefined;
      out.push(b);
    } else if (NUMERIC_PRIMITIVES.has(primitive)) {
      const n = Number(value.value);
      if (value.value.trim() === "" || !Number.isFinite(n)) return undefined;
      out.push(Number.isSafeInteger(n) || !/^-?\d+$/.test(value.value.trim()) ? n : value.value.trim());
    } else out.push(value.value);
  }
  return out;
}

/** A Validation term's annotation among `annotations` (the fast test: most elements have none). */
function hasValidationTerm(annotations: readonly Annotation[]): boolean {
  for (const a of annotations) if (a.term.startsWith(`${VALIDATION}.`)) return true;
  return false;
}

/**
 * The constraints on a property's values: its own Validation annotations, and those of its type
 * definition (the property's own win). Problems are not reported here (`checkValueConstraints` does,
 * once a run).
 */
export function propertyConstraints(p: Pick<Property, "annotations" | "type">): ValueConstraints | undefined {
  const t = p.type.type;
  const inherited = t.kind === "typedef" && hasValidationTerm(t.annotations);
  if (!inherited && !hasValidationTerm(p.annotations)) return undefined;
  return valueConstraints(inherited ? [...p.annotations, ...t.annotations] : p.annotations, t, p.type.collection, new DiagnosticBag(), "");
}

/** The constraints on an operation parameter's values, as on a property's (`propertyConstraints`). */
export const parameterConstraints: (p: Parameter) => ValueConstraints | undefined = propertyConstraints;

/** The constraints on an operation's result (its return type's annotations, and its type definition's), as on a property's; undefined without a result. */
export function returnConstraints(op: Operation): ValueConstraints | undefined {
  return op.returnType && propertyConstraints({ annotations: op.returnAnnotations ?? [], type: op.returnType });
}

/**
 * The constraints a type definition's own Validation annotations set, which its checker (`checkX`)
 * checks wherever a value of it is checked; undefined when they set none.
 */
export function typedefConstraints(t: TypeDefinition): ValueConstraints | undefined {
  return hasValidationTerm(t.annotations) ? valueConstraints(t.annotations, t, false, new DiagnosticBag(), t.qualifiedName) : undefined;
}

/** Whether a property sets constraints of its own that can be checked (not only through its type definition). */
export function hasOwnConstraints(p: Pick<Property, "annotations" | "type">): boolean {
  return hasValidationTerm(p.annotations) && valueConstraints(p.annotations, p.type.type, p.type.collection, new DiagnosticBag(), "") !== undefined;
}

/**
 * `Validation.DerivedTypeConstraint` on a property or navigation property of structured type
 * `declared`: the types its values may be, those identical to or derived from both `declared` and a
 * listed type (the vocabulary: a listed type that is neither is ignored), in the order of
 * `declared`'s descendants; undefined where it is absent or qualified, or allows every one. A name
 * no type of the model has is a note (ODG102, to `diags`), and is ignored; a value that is no list
 * of names, or a list that leaves no type, is a warning, and the constraint is not checked.
 */
export function derivedTypeConstraint(model: Aliases, annotations: readonly Annotation[], declared: ModelType, diags: DiagnosticBag | undefined, path: string): SchemaType[] | undefined {
  const a = annotations.find((x) => x.term === DERIVED_TYPE_CONSTRAINT && !x.qualifier);
  if (!a || (declared.kind !== "entity" && declared.kind !== "complex")) return undefined;
  const warn = (message: string) => diags?.add(Codes.invalidAttribute, "warning", `DerivedTypeConstraint ${message}; it is not checked`, `${path}/@${a.term}`, a.at);
  if (a.value?.kind !== "collection") return warn("is no collection of qualified type names"), undefined;
  const listed = new Set<string>();
  for (const item of a.value.items) {
    if (item.kind !== "constant") return warn("is no collection of qualified type names"), undefined;
    const name = qualify(model, item.value.trim(), a.at?.source);
    // Edm's abstract types (Edm.EntityType) hold every type of their kind.
    if (name.startsWith("Edm.")) listed.add(name);
    // The vocabulary ignores a listed type not derived from the declared one; one the model lacks (Graph
    // v1.0 lists beta's types) is not, and a note says so.
    else if (!model.types.has(name)) diags?.add(Codes.invalidAttribute, "info", `DerivedTypeConstraint names ${JSON.stringify(item.value)}, no type of the model; that name is ignored`, `${path}/@${a.term}`, a.at);
    else listed.add(name);
  }
  const edm = declared.kind === "entity" ? "Edm.EntityType" : "Edm.ComplexType";
  if (listed.has(edm) || listed.has("Edm.Untyped")) return undefined;
  const all = descendantsOf(declared);
  const allowed: SchemaType[] = [];
  for (const t of all) {
    for (let b: StructuredType | undefined = t; b; b = b.baseType) {
      if (!listed.has(b.qualifiedName)) continue;
      allowed.push(t);
      break;
    }
  }
  if (!allowed.length) return warn(`allows no type derived from ${declared.qualifiedName}`), undefined;
  return allowed.length === all.length ? undefined : allowed;
}

/** The term's qualified name. */
const DERIVED_TYPE_CONSTRAINT = `${VALIDATION}.DerivedTypeConstraint`;

/**
 * The qualified names of the types a property's or navigation property's values may be, by its
 * `Validation.DerivedTypeConstraint`; undefined where it checks none. A slice's copy has them found
 * over the whole service (`derivedTypes`); elsewhere they are found in `model`.
 */
export function allowedDerivedTypes(model: Aliases, p: Property | NavigationProperty): readonly string[] | undefined {
  if (p.derivedTypes !== undefined) return p.derivedTypes ?? undefined;
  if (!p.annotations.some((a) => a.term === DERIVED_TYPE_CONSTRAINT)) return undefined;
  // Asked for by each emitter and the summary: found once a property.
  if (allowedCache.has(p)) return allowedCache.get(p);
  const found = derivedTypeConstraint(model, p.annotations, declaredType(p), undefined, "")?.map((t) => t.qualifiedName);
  allowedCache.set(p, found);
  return found;
}
const allowedCache = new WeakMap<Property | NavigationProperty, readonly string[] | undefined>();

/**
 * For a slice's copy of `p` (passes/slice/copy.ts): its `derivedTypes`, found over the whole service
 * `model` (problems reported to `diags` at `path`); undefined where `p` has no such constraint.
 */
export function derivedTypesOverService(model: Aliases, p: Property | NavigationProperty, diags: DiagnosticBag, path: string): readonly string[] | null | undefined {
  if (!p.annotations.some((a) => a.term === DERIVED_TYPE_CONSTRAINT)) return undefined;
  return derivedTypeConstraint(model, p.annotations, declaredType(p), diags, path)?.map((t) => t.qualifiedName) ?? null;
}

/** The type a property's or navigation property's values are declared as. */
function declaredType(p: Property | NavigationProperty): ModelType {
  return p.kind === "navigation" ? p.target : p.type.type;
}

/** `t` and every type derived from it, each once (a cycle of base types, reported elsewhere, ends the walk). */
function descendantsOf(t: StructuredType): StructuredType[] {
  const out = [t];
  const seen = new Set(out);
  for (let i = 0; i < out.length; i++)
    for (const d of out[i]!.derived ?? []) {
      if (seen.has(d)) continue;
      seen.add(d);
      out.push(d);
    }
  return out;
}

/**
 * Reports what is wrong with the model's Validation annotations (ODG102, at each): on properties,
 * type definitions, and operations' parameters and return types (at `ns.f/p`, `ns.f/$ReturnType`).
 */
export function checkValueConstraints(model: Model, diags: DiagnosticBag): void {
  // An <Annotations Target="ns.f/p"> block applies to each overload with a parameter p: its problem is said once.
  const ops = new DiagnosticBag();
  for (const s of model.schemas)
    for (const op of s.operations) {
      for (const p of op.parameters) if (hasValidationTerm(p.annotations)) valueConstraints(p.annotations, p.type.type, p.type.collection, ops, `${op.qualifiedName}/${p.name}`);
      if (op.returnType && op.returnAnnotations && hasValidationTerm(op.returnAnnotations)) valueConstraints(op.returnAnnotations, op.returnType.type, op.returnType.collection, ops, `${op.qualifiedName}/$ReturnType`);
    }
  const said = new Set<string>();
  for (const d of ops.items) {
    const key = JSON.stringify([d.file, d.line, d.column, d.path, d.message]);
    if (!said.has(key)) diags.items.push(d);
    said.add(key);
  }
  for (const t of model.types.values()) {
    if (t.kind === "typedef" && hasValidationTerm(t.annotations)) valueConstraints(t.annotations, t, false, diags, t.qualifiedName);
    if (t.kind !== "entity" && t.kind !== "complex") continue;
    for (const p of t.properties) if (hasValidationTerm(p.annotations)) valueConstraints(p.annotations, p.type.type, p.type.collection, diags, `${t.qualifiedName}/${p.name}`);
    // A slice's copies were checked over the whole service (passes/slice/copy.ts).
    for (const p of [...t.properties, ...t.navigationProperties])
      if (p.derivedTypes === undefined && hasValidationTerm(p.annotations)) derivedTypeConstraint(model, p.annotations, declaredType(p), diags, `${t.qualifiedName}/${p.name}`);
  }
}
