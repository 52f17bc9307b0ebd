/**
 * What one `<Annotation>` must hold to apply (CSDL XML §14.3): a `Term` (an annotation without one
 * is reported, ODG101, and ignored), and a constant value written as its kind's literal (`Bool` is
 * `true` or `false`, `Int` an integer, …; CSDL XML §14.3.1–14.3.12). A value that is not one is
 * ODG102: a warning for a term the generated code reads (TERMS_READ), saying how it is read; for
 * another term a note, not printed (no generated line depends on it, and the document's users often
 * cannot fix it). A value of another kind than its term's type, or an enum member its enum lacks, is
 * a warning for the terms the generated code reads (term-shapes.ts).
 */
import { Codes, type DiagnosticBag, type SourceRef } from "../diagnostics";
import type { RawAnnotation } from "../parse/raw";
import { isLiteralOf, TERMS_READ, xsBoolean } from "./rules";
import type { PrimitiveName } from "./types";
import { checkShape, hasShape, type ShapeNames } from "./term-shapes";
import { wordingOf } from "./wording";

/** The primitive type of each constant expression with a literal form that can be wrong (CSDL XML §14.3). */
const CONSTANT_TYPES: Readonly<Record<string, PrimitiveName>> = {
  Bool: "Boolean",
  Int: "Int64",
  Float: "Double",
  Decimal: "Decimal",
  Date: "Date",
  DateTimeOffset: "DateTimeOffset",
  Duration: "Duration",
  Guid: "Guid",
  TimeOfDay: "TimeOfDay",
  Binary: "Binary",
};

/**
 * Whether an annotation applies at all; reports what is wrong with it. `term` is its Term,
 * qualified (aliases resolved); `path` names the annotated element; `names` resolves the names its
 * value gives (an enum member's enum, a record's type).
 */
export function checkAnnotation(diags: DiagnosticBag, a: RawAnnotation, term: string, path: string, names: ShapeNames, blockQualifier?: string): boolean {
  if (term === "") {
    diags.warning(Codes.missingAttribute, `<Annotation> has no Term attribute, or an empty one (CSDL XML §14.2: Term is required); the annotation is ignored`, path, a.at);
    return false;
  }
  const v = a.value;
  if (v?.kind === "constant") {
    const type = CONSTANT_TYPES[v.type];
    if (type && !validConstant(v.type, type, v.value)) {
      reportValue(diags, v.type, type, v.value, term, path, a.at);
      return true; // one warning for the value
    }
  }
  // A qualified annotation is not read (term-shapes.ts).
  if ((a.qualifier ?? blockQualifier) === undefined && hasShape(term)) checkShape(diags, term, v, path, a.at, names);
  return true;
}

function validConstant(kind: string, type: PrimitiveName, value: string): boolean {
  // CSDL XML's schema types Bool as xs:boolean: true, false, 1 or 0 (hasTag reads it so).
  return kind === "Bool" ? xsBoolean(value) !== undefined : isLiteralOf(type, value);
}

function reportValue(diags: DiagnosticBag, kind: string, type: PrimitiveName, value: string, term: string, path: string, at: SourceRef): void {
  const read = TERMS_READ.has(term);
  const what = kind === "Bool" ? "a boolean (true, false, 1 or 0)" : `an Edm.${type} literal`;
  // The generated code reads a Boolean term's value only as true or not (rules.ts hasTag).
  const how = !read ? "it is kept as written" : kind === "Bool" ? `${term} is read as false` : `${term} is read with this value as written`;
  diags.add(Codes.invalidAttribute, read ? "warning" : "info", `${wordingOf(at).constant(kind, value)} is not ${what}; ${how}`, path, at);
}
