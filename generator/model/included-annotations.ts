/**
 * CSDL XML 4.01 §4.3, CSDL JSON 4.01 §4.3: `edmx:IncludeAnnotations` says which annotations of a
 * referenced document apply — those of a term namespace, narrowed to a qualifier and to targets in
 * a namespace when those are given. odatagen reads it so:
 * - a document given as an input keeps all its annotations, whatever references name it;
 * - a document read only because references lead to it (followed) keeps its model elements with
 *   their own annotations (an element brings its inline annotations, as `edmx:Include` brings the
 *   element), the `<Annotations>` blocks (`$Annotations`) of the schemas a reference includes
 *   (`edmx:Include` brings a schema whole), and of its other schemas' blocks only the annotations
 *   some `IncludeAnnotations` of a reference to it selects: selections union, from every reference.
 * An annotation left out is read (so its syntax is checked) and then neither applied nor checked.
 */
import { Codes, type DiagnosticBag } from "../diagnostics";
import type { RawAnnotationGroup, RawDocument, RawIncludeAnnotations, RawReference } from "../parse/raw";
import { qualify } from "./annotation-groups";
import { isNamespace, isSimpleIdentifier } from "./rules";
import type { Model } from "./types";
import { wordingOf } from "./wording";

/**
 * Gives each followed document (those after the first `inputs`) the selections of the references
 * that lead to it (`RawDocument.includedAnnotations`), each checked: a missing `TermNamespace`
 * (ODG101), a namespace or qualifier that is not one (ODG102: it selects nothing), an alias of the
 * referencing document where a namespace is meant (ODG102: read as its namespace), and a namespace
 * the followed document neither declares nor includes (a note, ODG113: it selects nothing there).
 */
export function selectIncludedAnnotations(docs: readonly RawDocument[], inputs: number, diags: DiagnosticBag): void {
  const byFile = new Map<string, RawDocument>();
  for (const d of docs.slice(inputs)) {
    d.includedAnnotations = [];
    d.includedSchemas = new Set();
    byFile.set(d.file, d);
  }
  for (const doc of docs)
    for (const ref of doc.references) {
      const to = ref.followedTo === undefined ? undefined : byFile.get(ref.followedTo);
      for (const i of ref.includes) to?.includedSchemas?.add(i.namespace);
      for (const raw of ref.includeAnnotations) {
        const selection = checked(raw, doc, diags);
        if (!selection || !to) continue;
        to.includedAnnotations?.push(selection);
        reportUnknownNamespaces(selection, ref, to, diags);
      }
    }
}

/**
 * Block `g` of schema `namespace` of `doc` as it applies: whole for an input, or in a schema a
 * reference includes (`edmx:Include` brings a schema whole, its blocks too); else with the
 * annotations its references select, or undefined when they select none of them.
 */
export function includedGroup(model: Pick<Model, "aliases" | "documentAliases">, doc: RawDocument, g: RawAnnotationGroup, namespace: string): RawAnnotationGroup | undefined {
  const selections = doc.includedAnnotations;
  if (!selections || doc.includedSchemas?.has(namespace)) return g;
  const target = namespaceOf(qualify(model, g.target.split("/")[0].split("(")[0], g.at.source));
  const annotations = g.annotations.filter((a) => {
    const term = namespaceOf(qualify(model, a.term, a.at.source));
    const qualifier = a.qualifier ?? g.qualifier;
    return selections.some((s) => s.termNamespace === term && (s.qualifier === undefined || s.qualifier === qualifier) && (s.targetNamespace === undefined || s.targetNamespace === target));
  });
  if (annotations.length === g.annotations.length) return g;
  return annotations.length ? { ...g, annotations } : undefined;
}

/** `a.b.c` of `a.b.c.Name`. */
function namespaceOf(qualifiedName: string): string {
  const dot = qualifiedName.lastIndexOf(".");
  return dot < 0 ? "" : qualifiedName.slice(0, dot);
}

/** `raw` with its namespaces as the document `doc` means them, or undefined (reported) when it can select nothing. */
function checked(raw: RawIncludeAnnotations, doc: RawDocument, diags: DiagnosticBag): RawIncludeAnnotations | undefined {
  const w = wordingOf(raw.at);
  const path = "Reference/IncludeAnnotations";
  if (raw.termNamespace === "") {
    diags.warning(Codes.missingAttribute, `${w.includeAnnotations} has no ${w.name("TermNamespace")} (${w.includedAnnotations}: it is required); it selects nothing`, path, raw.at);
    return undefined;
  }
  const aliases = new Map<string, string>();
  for (const r of doc.references) for (const i of r.includes) if (i.alias) aliases.set(i.alias, i.namespace);
  for (const s of doc.schemas) if (s.alias) aliases.set(s.alias, s.namespace);
  const namespaceIn = (attribute: string, value: string | undefined): string | undefined | null => {
    if (value === undefined) return undefined;
    const stands = aliases.get(value);
    if (stands !== undefined && !doc.schemas.some((s) => s.namespace === value)) {
      diags.warning(Codes.invalidAttribute, `${w.includeAnnotations}: ${w.value(attribute, value)} is an alias, of ${stands} (${w.includedAnnotations}: it is a namespace); it is read as ${stands}`, path, raw.at);
      return stands;
    }
    if (isNamespace(value)) return value;
    diags.warning(Codes.invalidAttribute, `${w.includeAnnotations}: ${w.value(attribute, value)} is not a namespace (${w.includedAnnotations}: simple identifiers separated by dots); it selects nothing`, path, raw.at);
    return null;
  };
  const termNamespace = namespaceIn("TermNamespace", raw.termNamespace);
  const targetNamespace = namespaceIn("TargetNamespace", raw.targetNamespace);
  if (raw.qualifier !== undefined && !isSimpleIdentifier(raw.qualifier)) {
    diags.warning(Codes.invalidAttribute, `${w.includeAnnotations}: ${w.value("Qualifier", raw.qualifier)} is not a simple identifier (${w.includedAnnotations}); it selects nothing`, path, raw.at);
    return undefined;
  }
  if (!termNamespace || targetNamespace === null) return undefined;
  return { at: raw.at, termNamespace, qualifier: raw.qualifier, targetNamespace };
}

/**
 * A note where a selection names a namespace the followed document `to` neither declares nor
 * includes: no annotation of it can use a term of that namespace or target an element of it.
 */
function reportUnknownNamespaces(s: RawIncludeAnnotations, ref: RawReference, to: RawDocument, diags: DiagnosticBag): void {
  const known = new Set([...to.schemas.map((x) => x.namespace), ...to.references.flatMap((r) => r.includes.map((i) => i.namespace))]);
  const w = wordingOf(s.at);
  for (const [attribute, value] of [["TermNamespace", s.termNamespace], ["TargetNamespace", s.targetNamespace]] as const)
    if (value !== undefined && !known.has(value))
      diags.add(Codes.referenceFollowed, "info", `${w.includeAnnotations} of ${w.reference(ref.uri)} selects nothing: ${ref.followedTo} neither declares nor includes namespace ${value} (its ${w.name(attribute)})`, "Reference/IncludeAnnotations", s.at);
}
