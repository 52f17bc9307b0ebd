/**
 * Annotations in CSDL JSON (CSDL JSON 4.01 §14): members named `@Term` or `@Term#Qualifier` on the
 * annotated element (`name@Term` for an enum member or a constraint, which are not objects), and
 * their values, read into the raw expressions the XML reader gives. JSON does not say which kind of
 * constant a string is (a Date, a Guid, an enum member): strings are `String` constants, numbers
 * `Int` (integers Edm.Int64 holds), `Decimal` (larger integers) or `Float`, booleans `Bool`. An
 * annotation on an annotation (`@A@B`) is read by json.ts's reader into the annotation `@A`.
 */
import type { RawAnnotation, RawExpression } from "./raw";
import type { JsonMember, JsonObject, JsonValue } from "./json-values";
import type { SourceRef } from "../diagnostics";

const PATHS = ["Path", "PropertyPath", "NavigationPropertyPath", "AnnotationPath", "ModelElementPath"];
/** The dynamic expressions the XML reader keeps (by name, with their operands); the arithmetic ones it drops. */
const DYNAMIC = ["If", "Apply", "Cast", "IsOf", "LabeledElement", "LabeledElementReference", "UrlRef", "And", "Or", "Not",
  "Eq", "Ne", "Gt", "Ge", "Lt", "Le", "Has", "In"];
const ARITHMETIC = ["Add", "Sub", "Neg", "Mul", "Div", "DivBy", "Mod"];
const PATH_SET: ReadonlySet<string> = new Set(PATHS.map((p) => `$${p}`));
const DYNAMIC_SET: ReadonlySet<string> = new Set(DYNAMIC.map((d) => `$${d}`));
const ARITHMETIC_SET: ReadonlySet<string> = new Set(ARITHMETIC.map((d) => `$${d}`));

/** An annotation member's name split: `@Core.Description#short` → term and qualifier; undefined for `@A@B` (an annotation's own). */
export function annotationName(name: string): { term: string; qualifier?: string } | undefined {
  const body = name.slice(1);
  if (body.includes("@")) return undefined;
  const hash = body.indexOf("#");
  return hash < 0 ? { term: body } : { term: body.slice(0, hash), qualifier: body.slice(hash + 1) };
}

/** A raw annotation from a member named `@Term#Qualifier` (or the `@…` part of `name@…`, given as `name`). */
export function annotationOf(name: string, m: JsonMember, at: (offset: number) => SourceRef): RawAnnotation | undefined {
  const parts = annotationName(name);
  if (!parts) return undefined;
  return { at: at(m.at), term: parts.term, qualifier: parts.qualifier, value: expression(m.value) };
}

/** An expression (CSDL JSON §14.4); undefined for one the XML reader does not read either. */
export function expression(v: JsonValue): RawExpression | undefined {
  switch (v.kind) {
    case "string":
      return { kind: "constant", type: "String", value: v.value };
    case "number":
      return { kind: "constant", type: numberType(v.text), value: v.text };
    case "boolean":
      return { kind: "constant", type: "Bool", value: String(v.value) };
    case "null":
      return { kind: "null" };
    case "array":
      return { kind: "collection", items: items(v.items) };
    case "object":
      return objectExpression(v);
  }
}

const INT64_MAX = 9223372036854775807n;

/**
 * A number's constant kind: `Float` with a fraction or exponent, `Int` for an integer Edm.Int64
 * holds, else `Decimal` (an integer of a Decimal term; as `Int` it would be reported as out of range).
 */
function numberType(text: string): "Float" | "Int" | "Decimal" {
  if (/[.eE]/.test(text)) return "Float";
  const n = BigInt(text);
  return n > INT64_MAX || n < -INT64_MAX - 1n ? "Decimal" : "Int";
}

function items(values: readonly JsonValue[]): RawExpression[] {
  const out: RawExpression[] = [];
  for (const v of values) {
    const x = expression(v);
    if (x) out.push(x);
  }
  return out;
}

/** An object: a path, a `$Binary` or `$Null`, a dynamic expression (by its `$` member), else a record. */
function objectExpression(o: JsonObject): RawExpression | undefined {
  for (const m of o.members) {
    const name = m.name;
    if (name[0] !== "$") continue;
    if (PATH_SET.has(name)) return { kind: "path", type: name.slice(1), value: m.value.kind === "string" ? m.value.value : "" };
    if (name === "$Binary") return { kind: "constant", type: "Binary", value: m.value.kind === "string" ? m.value.value : "" };
    if (name === "$Null") return { kind: "null" };
    if (DYNAMIC_SET.has(name)) return { kind: "dynamic", name: name.slice(1), operands: operands(m.value) };
    if (ARITHMETIC_SET.has(name)) return undefined;
  }
  return record(o);
}

/** A dynamic expression's operands: an array's items, or one operand (`$Not`, `$Cast`, …); a string names (LabeledElementReference) or is a function (Apply's own). */
function operands(v: JsonValue): RawExpression[] {
  if (v.kind === "array") return items(v.items);
  if (v.kind === "string") return [];
  const x = expression(v);
  return x ? [x] : [];
}

/** A record (CSDL JSON §14.4.11): its type from `@type` (after the `#`), its property values; annotations are not kept. */
function record(o: JsonObject): RawExpression {
  let type: string | undefined;
  const properties: { name: string; value: RawExpression }[] = [];
  for (const m of o.members) {
    if (m.name === "@type" || m.name === "@odata.type") {
      if (m.value.kind === "string") type = m.value.value.slice(m.value.value.lastIndexOf("#") + 1);
      continue;
    }
    if (m.name.includes("@") || m.name[0] === "$") continue;
    properties.push({ name: m.name, value: expression(m.value) ?? { kind: "null" } });
  }
  return { kind: "record", type, properties };
}
