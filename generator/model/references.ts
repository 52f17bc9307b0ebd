/**
 * CSDL XML 4.01 §4.1–4.3: a document's `<edmx:Reference>` elements. Those to local files are
 * followed when the documents are read (write/follow.ts, generate.ts); the rules checked here change
 * nothing generated, so each problem is a warning. Aliases of includes are checked with the schemas'
 * (build-schemas.ts, declareAlias).
 */
import { Codes, placeOf, type DiagnosticBag, type SourceRef } from "../diagnostics";
import type { RawDocument } from "../parse/raw";
import { wordingOf } from "./wording";

export function checkReferences(doc: RawDocument, diags: DiagnosticBag): void {
  if (doc.references.length === 0) return;
  const uris = new Map<string, SourceRef>();
  const included = new Map<string, SourceRef>();
  const declared = new Set(doc.schemas.map((s) => s.namespace));
  for (const ref of doc.references) {
    const uri = JSON.stringify(ref.uri);
    const w = wordingOf(ref.at);
    if (ref.includes.length === 0 && ref.includeAnnotations.length === 0)
      diags.warning(Codes.invalidAttribute, `${w.reference(ref.uri)} includes nothing (${w.includesSomething})`, "Reference", ref.at);
    const sameUri = uris.get(ref.uri);
    if (sameUri) diags.warning(Codes.duplicateName, `a second ${w.reference(ref.uri)}; the first is at ${placeOf(sameUri)} (${w.oneUri})`, "Reference", ref.at);
    else if (ref.uri) uris.set(ref.uri, ref.at);
    for (const inc of ref.includes) {
      if (!inc.namespace) continue;
      const first = included.get(inc.namespace);
      if (first)
        diags.warning(Codes.duplicateName, `namespace ${inc.namespace} is included twice; the first ${w.include} is at ${placeOf(first)} (${w.includedOnce})`, inc.namespace, inc.at);
      else if (declared.has(inc.namespace))
        diags.warning(Codes.duplicateName, `namespace ${inc.namespace} is included from ${uri} and declared by a schema of this document, which is what is read (CSDL §5: a namespace is unique in a document)`, inc.namespace, inc.at);
      if (!first) included.set(inc.namespace, inc.at);
    }
  }
}
