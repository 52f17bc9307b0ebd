/**
 * CSDL JSON's counterpart of CSDL XML's deferred contents (deferred.ts). The JSON reader reads each
 * element whole; for a slice, `holdBodies` holds back what XML's reader defers of an operation (its
 * parameters after the first, which binds it, its return type and its own annotations, which XML
 * writes after its parameters), of an enum type (its members and own annotations) and of an entity
 * or complex type (its own annotations), so that the model builds them, and reports their problems,
 * only for what the slice keeps, as for the XML twin (model/build.ts, buildLazyModel). The reader's
 * own problems in that content (a member CSDL JSON does not define, an empty name, in a property, a
 * key, a parameter) are held with it. `readHeldBody` hands them back when the slice fills the element.
 */
import type { Diagnostic, DiagnosticBag } from "../diagnostics";
import type { RawDeferrable, RawDocument, RawEnumType, RawOperation, RawStructuredType } from "./raw";

/** What `holdBodies` held back of one element. */
export interface HeldBody {
  held: Pick<RawOperation, "parameters" | "returnType" | "annotations"> | Pick<RawEnumType, "members" | "annotations"> | Pick<RawStructuredType, "annotations">;
  /** The reader's problems in that content (`RawDeferrable.problems`), reported when it is read. */
  problems?: Diagnostic[];
}

/** Holds back the contents of `doc`'s operations and enum types that XML's reader would defer. */
export function holdBodies(doc: RawDocument): void {
  for (const s of doc.schemas) {
    for (const op of [...s.actions, ...s.functions]) {
      // XML defers what follows the first <Parameter> (all of the content without one): without
      // anything there, nothing is deferred.
      if (op.parameters.length < 2 && !op.returnType && !op.annotations.length && !op.problems) continue;
      op.body = { held: { parameters: op.parameters, returnType: op.returnType, annotations: op.annotations }, problems: take(op) };
      op.parameters = op.parameters.slice(0, 1);
      op.returnType = undefined;
      op.annotations = [];
    }
    for (const t of [...s.entityTypes, ...s.complexTypes]) {
      // XML defers a type's whole content; its properties are linked only when the slice fills it
      // anyway (model/build.ts), its own annotations applied when held back.
      if (!t.annotations.length && !t.problems) continue;
      t.body = { held: { annotations: t.annotations }, problems: take(t) };
      t.annotations = [];
    }
    for (const e of s.enumTypes) {
      if (!e.members.length && !e.annotations.length && !e.problems) continue;
      e.body = { held: { members: e.members, annotations: e.annotations }, problems: take(e) };
      e.members = [];
      e.annotations = [];
    }
  }
}

/** The problems the reader held for `raw`, taken from it. */
function take(raw: RawDeferrable): Diagnostic[] | undefined {
  const problems = raw.problems;
  raw.problems = undefined;
  return problems;
}

/**
 * Gives `raw` back what `holdBodies` held of it, its problems into `diags`; false when it holds
 * nothing (an XML element's deferred content, or none).
 */
export function readHeldBody(raw: RawDeferrable, diags: DiagnosticBag): boolean {
  const body = raw.body;
  if (!body || !("held" in body)) return false;
  raw.body = undefined;
  Object.assign(raw, body.held);
  if (body.problems) diags.items.push(...body.problems);
  return true;
}
