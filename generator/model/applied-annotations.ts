/**
 * CSDL 4.01 §3.6: "A model element MUST NOT specify more than one annotation for a given combination
 * of term and qualifier." When one does, odatagen keeps the first it reads — an element's own
 * annotations before any `<Annotations>` block's, blocks in document order, documents in the order
 * given — and reports each later one (ODG104: a warning for a term whose value the generated code
 * depends on, else a note that is not printed). One map lookup per annotation.
 */
import { Codes, placeOf, type DiagnosticBag, type SourceRef } from "../diagnostics";
import { TERMS_READ } from "./rules";
import { wordingOf } from "./wording";

export class AppliedAnnotations {
  /** `target term#qualifier` → where it was first applied. */
  private readonly first = new Map<string, SourceRef>();

  constructor(readonly diags: DiagnosticBag) {}

  /**
   * Whether an annotation applies: true the first time `term` (qualified, aliases resolved) with
   * `qualifier` is applied to `target`; a later one is reported at `at` and does not apply. `target`
   * names the element (`ns.type/property`); `path`, shown in the message, defaults to it.
   */
  admit(target: string, term: string, qualifier: string | undefined, at: SourceRef, path = target): boolean {
    const key = `${target}\u0000${term}\u0000${qualifier ?? ""}`;
    const first = this.first.get(key);
    if (first === undefined) {
      this.first.set(key, at);
      return true;
    }
    const what = qualifier === undefined ? term : wordingOf(at).qualified(term, qualifier);
    // A warning where it changes the generated code; else a note (Graph gives 11 capability
    // restrictions twice, which no generated line depends on and its users cannot fix).
    this.diags.add(Codes.duplicateName, TERMS_READ.has(term) ? "warning" : "info",
      `${what} is applied to ${path} twice (CSDL §3.6: once per term and qualifier); the first, at ${placeOf(first)}, is kept and this one ignored`,
      path, at);
    return false;
  }
}
