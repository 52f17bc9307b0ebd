/**
 * What `odatagen fetch` checks of a downloaded document: that it is CSDL (not a sign-in page, an
 * error answer or anything else), and which of its `http:`/`https:` references it needs: those whose
 * types it uses (a property's, a base type, a navigation target…), which `generate` would otherwise
 * read as `Edm.Untyped` (ODG110) or refuse (ODG103). A reference used only for its terms (the
 * vocabularies: Core, Capabilities, SAP's Common, UI…) is not needed: the generated code reads the
 * annotations it uses by the term's name, and a vocabulary read as an input would be generated too.
 */
import { Codes, DiagnosticBag, GenerationError } from "../diagnostics";
import { readModel } from "../generate";
import { htmlPage } from "../parse/not-metadata";
import { readCsdl } from "../parse/read";
import type { InputFile } from "../read-documents";

/**
 * `text`, downloaded from `shown`, read as CSDL: the Uris of its references as written (in order,
 * each once), or why it is not a metadata document to save.
 */
export interface Downloaded {
  uris: string[];
  /** Each Uri → the namespaces its references include. */
  includes: Map<string, string[]>;
  /** The namespaces the document's schemas declare. */
  declares: string[];
}

export function readDownloaded(text: string, shown: string): Downloaded | { problem: string } {
  const html = htmlPage(text);
  if (html) {
    const title = /\("([^"]*)"\)/.exec(html.message.slice(0, html.message.indexOf(", not metadata")))?.[1];
    return { problem: `${shown} answered with an HTML page${title ? ` ("${title}")` : ""}, not metadata: a sign-in or error page? The service may want credentials (--header, --header-from-env), or the URL may not be its $metadata` };
  }
  const diags = new DiagnosticBag();
  const doc = readCsdl(shown, text, diags);
  if (!doc) {
    const first = diags.items.find((d) => d.severity === "error");
    return { problem: `${shown} answered with something that is not CSDL XML or CSDL JSON${first ? ` (${first.code}${first.line ? ` at line ${first.line}` : ""}: ${first.message})` : ""}` };
  }
  const uris: string[] = [];
  const includes = new Map<string, string[]>();
  for (const ref of doc.references) {
    if (!ref.uri) continue;
    if (!uris.includes(ref.uri)) uris.push(ref.uri);
    includes.set(ref.uri, [...(includes.get(ref.uri) ?? []), ...ref.includes.map((i) => i.namespace)]);
  }
  return { uris, includes, declares: doc.schemas.map((s) => s.namespace) };
}

/**
 * Of `uris` (references of `docs`, as written), those whose types the documents use: the references
 * `generate` would say are missing (ODG110, ODG103) when reading `docs` without them.
 */
export function neededReferences(docs: readonly InputFile[], uris: readonly string[]): string[] {
  const diags = new DiagnosticBag();
  try {
    readModel(docs, diags);
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
  }
  const missing = diags.items.filter((d) => d.code === Codes.unresolvedReference || d.code === Codes.undefinedType).map((d) => d.message);
  return uris.filter((uri) => missing.some((m) => m.includes(JSON.stringify(uri))));
}
