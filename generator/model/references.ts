/**
 * CSDL XML 4.01 §4.1–4.3: a document's `<edmx:Reference>` elements. odatagen does not follow them
 * (it reads the documents it is given, ODG110), so a broken reference changes nothing it generates:
 * each problem is a warning. Aliases of includes are checked with the schemas' (build-schemas.ts, declareAlias).
 */
import { Codes, placeOf, type DiagnosticBag, type SourceRef } from "../diagnostics";
import type { RawDocument } from "../parse/raw";

export function checkReferences(doc: RawDocument, diags: DiagnosticBag): void {
  if (doc.references.length === 0) return;
  const uris = new Map<string, SourceRef>();
  const included = new Map<string, SourceRef>();
  const declared = new Set(doc.schemas.map((s) => s.namespace));
  for (const ref of doc.references) {
    const uri = JSON.stringify(ref.uri);
    if (ref.includes.length === 0 && ref.includeAnnotations.length === 0)
      diags.warning(Codes.invalidAttribute, `<edmx:Reference Uri=${uri}> includes nothing (CSDL XML §4.1: it must hold an edmx:Include or edmx:IncludeAnnotations)`, "Reference", ref.at);
    const sameUri = uris.get(ref.uri);
    if (sameUri) diags.warning(Codes.duplicateName, `a second <edmx:Reference Uri=${uri}>; the first is at ${placeOf(sameUri)} (CSDL XML §4.1: two references may not have one Uri)`, "Reference", ref.at);
    else if (ref.uri) uris.set(ref.uri, ref.at);
    for (const inc of ref.includes) {
      if (!inc.namespace) continue;
      const first = included.get(inc.namespace);
      if (first)
        diags.warning(Codes.duplicateName, `namespace ${inc.namespace} is included twice; the first <edmx:Include> is at ${placeOf(first)} (CSDL XML §4.2: a namespace is included once)`, inc.namespace, inc.at);
      else if (declared.has(inc.namespace))
        diags.warning(Codes.duplicateName, `namespace ${inc.namespace} is included from ${uri} and declared by a schema of this document, which is what is read (CSDL §5: a namespace is unique in a document)`, inc.namespace, inc.at);
      if (!first) included.set(inc.namespace, inc.at);
    }
  }
}
