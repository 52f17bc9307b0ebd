/**
 * Reads CSDL JSON (OData CSDL JSON 4.0/4.01) into the raw CSDL the XML reader gives for the same
 * metadata, so the model and everything after it read both alike. Our own JSON reader
 * (json-values.ts) keeps where each member is, for diagnostics at a line and column with the
 * element's path (`ns.type/property`), as for XML.
 *
 * Where JSON and XML differ, the raw form is XML's: `$Collection: true` gives `Collection(T)`, an
 * absent `$Type` `Edm.String` (CSDL JSON §7.2), an absent `$Nullable` "false" where JSON says so
 * (§7.2.1: absent means false, where XML's absent Nullable means true), and booleans and numbers
 * their literal text. `$EntityContainer`, which XML has no attribute for, is kept: it names the
 * service's container. A `$` member given twice in one object is an error (json-duplicates.ts).
 * The whole document is parsed as JSON (the lazy reading of CSDL XML locates elements in the text,
 * which JSON's reader does not); for a slice, `$Annotations` targets are read as CSDL only when
 * it keeps what they annotate (`deferGroups`), as XML's `<Annotations>` blocks are.
 */
import { checkOnDelete } from "./on-delete";
import { errorResponseMessage, GIVE } from "./not-metadata";
import { Codes, type DiagnosticBag, type SourceRef } from "../diagnostics";
import { findJsonSyntaxProblem, type JsonPath } from "../config/json-syntax";
import { nearestName } from "../nearest-name";
import { SourceText, stripBom } from "./source";
import { kindOf, parseJson, type JsonMember, type JsonObject, type JsonValue } from "./json-values";
import { annotationName, annotationOf } from "./json-expressions";
import { repeatedKeywords } from "./json-duplicates";
import type {
  DeferredGroup, RawAnnotation, RawDeferrable, RawAnnotationGroup, RawDocument, RawEntityContainer, RawEnumMember, RawEnumType, RawFacets, RawIncludeAnnotations, RawNavigationBinding,
  RawNavigationProperty, RawOperation, RawOperationImport, RawParameter, RawProperty, RawReference, RawReturnType, RawSchema,
  RawStructuredType, RawTerm, RawTypeDefinition,
} from "./raw";

export { isJsonText } from "./json-text";

const FACETS = ["$MaxLength", "$Precision", "$Scale", "$SRID", "$Unicode"];
/** The `$` members CSDL JSON defines on each object (besides annotations), for ODG112 and its hints. */
const KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  document: ["$Version", "$EntityContainer", "$Reference"],
  reference: ["$Include", "$IncludeAnnotations"],
  include: ["$Namespace", "$Alias"],
  includeAnnotations: ["$TermNamespace", "$Qualifier", "$TargetNamespace"],
  schema: ["$Alias", "$Annotations"],
  EntityType: ["$Kind", "$BaseType", "$Abstract", "$OpenType", "$HasStream", "$Key"],
  ComplexType: ["$Kind", "$BaseType", "$Abstract", "$OpenType"],
  Property: ["$Kind", "$Type", "$Collection", "$Nullable", "$DefaultValue", ...FACETS],
  NavigationProperty: ["$Kind", "$Type", "$Collection", "$Nullable", "$Partner", "$ContainsTarget", "$ReferentialConstraint", "$OnDelete"],
  EnumType: ["$Kind", "$UnderlyingType", "$IsFlags"],
  TypeDefinition: ["$Kind", "$UnderlyingType", ...FACETS],
  Term: ["$Kind", "$Type", "$Collection", "$Nullable", "$DefaultValue", "$BaseTerm", "$AppliesTo", ...FACETS],
  Action: ["$Kind", "$IsBound", "$EntitySetPath", "$Parameter", "$ReturnType"],
  Function: ["$Kind", "$IsBound", "$IsComposable", "$EntitySetPath", "$Parameter", "$ReturnType"],
  Parameter: ["$Name", "$Type", "$Collection", "$Nullable", ...FACETS],
  ReturnType: ["$Type", "$Collection", "$Nullable", ...FACETS],
  EntityContainer: ["$Kind", "$Extends"],
  EntitySet: ["$Collection", "$Type", "$NavigationPropertyBinding", "$IncludeInServiceDocument"],
  Singleton: ["$Type", "$Nullable", "$NavigationPropertyBinding"],
  ActionImport: ["$Action", "$EntitySet"],
  FunctionImport: ["$Function", "$EntitySet", "$IncludeInServiceDocument"],
};
const SCHEMA_KINDS = ["EntityType", "ComplexType", "EnumType", "TypeDefinition", "Term", "EntityContainer", "Action", "Function"];
const MEMBER_KINDS = ["Property", "NavigationProperty"];

/**
 * Parses one CSDL JSON document. Problems are added to `diags`; the result is undefined when the
 * document cannot be read at all (not JSON, not CSDL JSON, not V4, no schema).
 */
export function readCsdlJson(file: string, content: string, diags: DiagnosticBag, defer: { groups?: boolean; problems?: boolean } = {}): RawDocument | undefined {
  const source = new SourceText(file, stripBom(content), "json");
  const parsed = parseJson(source.text);
  if ("problem" in parsed) {
    const { offset, message } = parsed.problem;
    diags.error(Codes.xmlMalformed, `not well-formed JSON: ${message}`, jsonPathAt(source.text, offset) || "(document)", { source, offset });
    return undefined;
  }
  const root = parsed.value;
  const version = root.kind === "object" ? root.members.find((m) => m.name === "$Version") : undefined;
  if (root.kind !== "object" || !version) {
    diags.error(Codes.notCsdl, notCsdlMessage(root, source), "(document)", { source, offset: root.at });
    return undefined;
  }
  for (const { first, again, path } of repeatedKeywords(root)) {
    const { line, column } = source.position(first.at);
    diags.error(Codes.duplicateName, `${again.name} is given twice in one object (first at ${line}:${column}); JSON does not say which one counts: keep one`,
      csdlPath([...path, again.name]) || "(document)", { source, offset: again.at });
  }
  return new JsonCsdlReader(source, diags, defer.groups, defer.problems).document(root, version);
}

/**
 * Why a JSON document is not CSDL JSON, which is one object with a `$Version` member (CSDL JSON
 * 4.01 §4.1). A top-level array is named as such; when one of its items is a CSDL JSON document
 * (a response that wraps the metadata in a list), the message says where it starts.
 */
function notCsdlMessage(root: JsonValue, source: SourceText): string {
  const error = errorResponse(root);
  if (error !== undefined) return errorResponseMessage(error);
  if (root.kind !== "array") return `the input is JSON but not CSDL JSON (it has no $Version member): ${GIVE}`;
  const item = root.items.find((v) => v.kind === "object" && v.members.some((m) => m.name === "$Version"));
  const at = item && source.position(item.at);
  const inside = at ? `; the object at ${at.line}:${at.column} in it is one: give odatagen that object alone` : `: ${GIVE}`;
  return `the input is a JSON array, not CSDL JSON: a CSDL JSON document is one object with a $Version member (CSDL JSON §4.1)${inside}`;
}

/**
 * The code and message of an OData error response (JSON Format §21: `{"error":{"code":…,"message":…}}`,
 * a message also as `{"value":…}` in OData 2.0's form), saved in place of the metadata, else undefined.
 */
function errorResponse(root: JsonValue): string | undefined {
  const member = (v: JsonValue | undefined, name: string) => (v?.kind === "object" ? v.members.find((m) => m.name === name)?.value : undefined);
  const text = (v: JsonValue | undefined): string | undefined => (v?.kind === "string" ? v.value : v?.kind === "object" ? text(member(v, "value")) : undefined);
  const error = member(root, "error");
  if (error?.kind !== "object") return undefined;
  const said = [text(member(error, "code")), text(member(error, "message"))].filter((t): t is string => !!t);
  return said.length ? said.join(": ").slice(0, 300) : "no code or message";
}

/** The CSDL path of the value at an offset of a text that is not JSON (`ns.type/property`). */
function jsonPathAt(text: string, offset: number): string {
  let path: JsonPath = [];
  findJsonSyntaxProblem(text.slice(0, offset + 1), (p, at) => {
    if (at <= offset) path = [...p];
  });
  return csdlPath(path);
}

/**
 * A JSON path as an element path (`ns.type/property`): member names, without an element's `$` members.
 * Inside `$Annotations`, the path starts at the target, which is already qualified (`ns.type/@Term`),
 * as the XML reader writes a path inside `<Annotations Target>`.
 */
function csdlPath(path: JsonPath): string {
  // Member names, without the `$` members of an element (`$Type`: the path names the element), but
  // for an operation's `$ReturnType`, which the reader names so (`ns.F/$ReturnType`).
  const names = path.filter((s, k): s is string => typeof s === "string" && (k === 0 || !s.startsWith("$") || s === "$ReturnType"));
  if (path[1] === "$Annotations" && typeof path[2] === "string" && !path[2].startsWith("$")) return names.slice(1).join("/");
  if (names.length === 0) return "";
  if (names[0].startsWith("$") || names.length === 1) return names.join("/");
  return `${names[0]}.${names.slice(1).join("/")}`;
}

class JsonCsdlReader {
  constructor(readonly source: SourceText, readonly diags: DiagnosticBag, readonly deferGroups = false, readonly holdProblems = false) {}

  /**
   * Runs `read`, a part of `raw` XML's reader defers for a slice (a type's key, properties and
   * annotations, an enum's members, an operation's parameters after its first and its return
   * type); with `holdProblems` what it finds is kept on `raw`, reported when the slice reads it.
   */
  private held<T>(raw: RawDeferrable, read: () => T): T {
    if (!this.holdProblems) return read();
    const before = this.diags.items.length;
    try {
      return read();
    } finally {
      if (this.diags.items.length > before) (raw.problems ??= []).push(...this.diags.items.splice(before));
    }
  }

  /** With `deferGroups`, the `$Annotations` targets, in document order, not read yet. */
  private readonly deferred: DeferredGroup[] = [];

  readonly at = (offset: number): SourceRef => ({ source: this.source, offset });

  document(root: JsonObject, versionMember: JsonMember): RawDocument | undefined {
    const version = this.string(versionMember, "(document)") ?? "";
    // `$Version` is the XML twin's `<edmx:Edmx Version>` (CSDL JSON §4.1): its problems have XML's path,
    // `Edmx`, so that one accepted warning (`ODG005 Edmx`) covers both forms of a document; so have the
    // document's own (an unknown member, no schema), and a schema's empty name XML's `Schema`.
    if (/^[0-3](\.|$)/.test(version.trim())) {
      this.diags.error(Codes.unsupportedInput, `CSDL JSON $Version ${JSON.stringify(version)} is not supported: odatagen reads OData V4 metadata (4.0 or 4.01)`, "Edmx", this.at(versionMember.value.at));
      return undefined;
    }
    if (version !== "4.0" && version !== "4.01")
      this.diags.warning(Codes.unsupportedInput, `$Version ${JSON.stringify(version)} is not one odatagen knows (4.0, 4.01); the document is read by the rules of 4.01`, "Edmx", this.at(versionMember.value.at));
    const references: RawReference[] = [];
    const schemas: RawSchema[] = [];
    let entityContainer: RawDocument["entityContainer"];
    for (const m of root.members) {
      if (m.name === "$Reference") {
        const refs = this.object(m, "$Reference");
        for (const r of refs?.members ?? []) {
          const ref = this.reference(r);
          if (ref) references.push(ref);
        }
      } else if (m.name === "$EntityContainer") {
        const name = this.string(m, "(document)");
        if (name !== undefined) entityContainer = { name, at: this.at(m.value.at) };
      } else if (m.name === "$Version") continue;
      else if (m.name.startsWith("$") || m.name.startsWith("@")) this.unknown(m, "document", "the document", "Edmx");
      else {
        this.named(m, "a schema (a member of the document, named by its namespace)", "Schema");
        const s = this.object(m, m.name);
        if (s) schemas.push(this.schema(m.name, m, s));
      }
    }
    if (schemas.length === 0) {
      this.diags.error(Codes.noSchema, "the document has no schema (a member named by a namespace, whose value is an object)", "Edmx", this.at(root.at));
      return undefined;
    }
    if (entityContainer && !schemas.some((s) => s.containers.some((c) => `${s.namespace}.${c.name}` === entityContainer.name)))
      this.diags.warning(Codes.undefinedType, `$EntityContainer names ${JSON.stringify(entityContainer.name)}, which is no entity container of this document (CSDL JSON §4: the namespace-qualified name of the service's container)${nearContainer(entityContainer.name, schemas)}`, "(document)", entityContainer.at);
    const doc: RawDocument = { file: this.source.file, version, references, schemas, entityContainer };
    if (this.deferGroups) doc.deferred = this.deferred;
    return doc;
  }

  /** Reports a `$` or `@` member CSDL JSON does not define on an object (`kind`, said as `what`), ODG112. */
  unknown(m: JsonMember, kind: string, what: string, path = "(document)"): void {
    const near = m.name.startsWith("$") ? nearestName(m.name, KEYWORDS[kind] ?? []) : undefined;
    this.diags.warning(Codes.unknownCsdl, `${m.name} is not a member CSDL JSON defines on ${what}: it is ignored${near ? ` (did you mean ${near}?)` : ""}`, path, this.at(m.at));
  }

  /** A member whose value must be a string; another value is reported (ODG102) and read as absent. */
  string(m: JsonMember, path: string): string | undefined {
    if (m.value.kind === "string") return m.value.value;
    this.diags.error(Codes.invalidAttribute, `${shown(m.name)} must be a string, not ${kindOf(m.value)}`, path || "(document)", this.at(m.value.at));
    return undefined;
  }

  object(m: JsonMember, path: string): JsonObject | undefined {
    if (m.value.kind === "object") return m.value;
    this.diags.error(Codes.invalidAttribute, `${shown(m.name)} must be an object, not ${kindOf(m.value)}`, path || "(document)", this.at(m.value.at));
    return undefined;
  }

  array(m: JsonMember, path: string): JsonValue[] {
    if (m.value.kind === "array") return m.value.items;
    this.diags.error(Codes.invalidAttribute, `${shown(m.name)} must be an array, not ${kindOf(m.value)}`, path || "(document)", this.at(m.value.at));
    return [];
  }

  /** A boolean or a number as its literal text ("true", "12"): the model checks it as it checks XML's attribute. */
  literal(m: JsonMember, path: string): string | undefined {
    const v = m.value;
    if (v.kind === "boolean") return String(v.value);
    if (v.kind === "number") return v.text;
    if (v.kind === "string") return v.value;
    if (v.kind === "null") return "null";
    this.diags.error(Codes.invalidAttribute, `${shown(m.name)} must be a ${m.name === "$DefaultValue" ? "primitive value" : "boolean or number"}, not ${kindOf(v)}`, path || "(document)", this.at(v.at));
    return undefined;
  }

  /** A required member that is missing: ODG101, read as "" (as XML's missing attribute). */
  missing(what: string, name: string, path: string, at: number): string {
    this.diags.error(Codes.missingAttribute, `${what} has no ${name} member`, path, this.at(at));
    return "";
  }

  /** A required string member (`$Type`, `$Action`, …): missing or empty is ODG101, as XML's missing or empty attribute; read as "". */
  required(o: JsonObject, name: string, what: string, path: string, at: number): string {
    const x = o.members.find((m) => m.name === name);
    if (!x) return this.missing(what, name, path, at);
    const v = this.string(x, path) ?? "";
    if (x.value.kind === "string" && v === "") this.diags.error(Codes.missingAttribute, `${what} has an empty ${name}`, path, this.at(x.value.at));
    return v;
  }

  /** A member that names an element (a type, a property, a target): an empty name is ODG101, as XML's empty Name attribute. */
  named(m: JsonMember, what: string, path: string): void {
    if (m.name === "") this.diags.error(Codes.missingAttribute, `${what} has an empty name`, path, this.at(m.at));
  }

  reference(r: JsonMember): RawReference | undefined {
    const o = this.object(r, "$Reference");
    if (!o) return undefined;
    this.named(r, "a $Reference member (a document's URI)", "Reference");
    const ref: RawReference = { at: this.at(r.at), uri: r.name, includes: [], includeAnnotations: [], annotations: [] };
    for (const m of o.members) {
      if (m.name === "$Include") {
        for (const item of this.array(m, "Reference/Include")) {
          if (item.kind !== "object") {
            this.diags.error(Codes.invalidAttribute, `an item of $Include must be an object, not ${kindOf(item)}`, "Reference/Include", this.at(item.at));
            continue;
          }
          let alias: string | undefined;
          const annotations: RawAnnotation[] = [];
          for (const x of item.members) {
            if (x.name === "$Alias") alias = this.string(x, "Reference/Include");
            else if (x.name.startsWith("@")) this.annotation(x, "Reference/Include", annotations);
            else if (x.name !== "$Namespace") this.unknown(x, "include", "an $Include", "Reference/Include");
          }
          ref.includes.push({ at: this.at(item.at), namespace: this.required(item, "$Namespace", "an $Include", "Reference/Include", item.at), alias, annotations });
        }
      } else if (m.name === "$IncludeAnnotations") {
        for (const item of this.array(m, "Reference/IncludeAnnotations")) {
          const selection: RawIncludeAnnotations = { at: this.at(item.at), termNamespace: "" };
          if (item.kind === "object")
            for (const x of item.members) {
              if (!KEYWORDS.includeAnnotations.includes(x.name)) this.unknown(x, "includeAnnotations", "an $IncludeAnnotations", "Reference/IncludeAnnotations");
              else if (x.name === "$TermNamespace") selection.termNamespace = this.string(x, "Reference/IncludeAnnotations") ?? "";
              else if (x.name === "$Qualifier") selection.qualifier = this.string(x, "Reference/IncludeAnnotations");
              else selection.targetNamespace = this.string(x, "Reference/IncludeAnnotations");
            }
          ref.includeAnnotations.push(selection);
        }
      } else if (m.name.startsWith("@")) this.annotation(m, "Reference", ref.annotations);
      else this.unknown(m, "reference", "a reference", "Reference");
    }
    return ref;
  }

  schema(ns: string, m: JsonMember, o: JsonObject): RawSchema {
    const schema: RawSchema = {
      at: this.at(m.at), namespace: ns, entityTypes: [], complexTypes: [], enumTypes: [], typeDefinitions: [], actions: [],
      functions: [], terms: [], containers: [], annotationGroups: [], annotations: [],
    };
    const p = (name: string) => `${ns}.${name}`;
    for (const x of o.members) {
      const name = x.name;
      this.named(x, "a schema element", ns);
      if (name === "$Alias") schema.alias = this.string(x, ns);
      else if (name === "$Annotations") this.annotationGroups(x, ns, schema.annotationGroups);
      else if (name.startsWith("@")) this.annotation(x, ns, schema.annotations);
      else if (name.startsWith("$")) this.unknown(x, "schema", "a schema", ns);
      else if (x.value.kind === "array") {
        for (const overload of x.value.items) {
          const op = this.operation(name, overload, ns);
          if (op) (op.kind === "action" ? schema.actions : schema.functions).push(op);
        }
      } else {
        const e = this.object(x, p(name));
        if (!e) continue;
        const kind = this.kind(x, e, p(name), SCHEMA_KINDS, "a schema", undefined);
        if (kind === "EntityType" || kind === "ComplexType") (kind === "EntityType" ? schema.entityTypes : schema.complexTypes).push(this.structured(x, e, kind, ns));
        else if (kind === "EnumType") schema.enumTypes.push(this.enumType(x, e, ns));
        else if (kind === "TypeDefinition") schema.typeDefinitions.push(this.typeDefinition(x, e, ns));
        else if (kind === "Term") schema.terms.push(this.term(x, e, ns));
        else if (kind === "EntityContainer") schema.containers.push(this.container(x, e, ns));
        else if (kind === "Action" || kind === "Function")
          this.diags.error(Codes.invalidAttribute, `${name} is an ${kind} written as an object: CSDL JSON writes an operation as an array of its overloads`, p(name), this.at(x.at));
      }
    }
    return schema;
  }

  /**
   * An element's `$Kind`: one of `kinds`, or `otherwise` when absent (a property's default). A
   * missing required one is ODG101; one CSDL JSON does not define there is ODG112, and the element ignored.
   */
  kind(m: JsonMember, o: JsonObject, path: string, kinds: readonly string[], where: string, otherwise: string | undefined): string | undefined {
    const k = o.members.find((x) => x.name === "$Kind");
    if (!k) {
      if (otherwise === undefined) this.missing(`${m.name}`, "$Kind", path, m.at);
      return otherwise;
    }
    const kind = this.string(k, path);
    if (kind === undefined) return undefined;
    if (kinds.includes(kind)) return kind;
    const near = nearestName(kind, kinds);
    const known = [...SCHEMA_KINDS, ...MEMBER_KINDS, "EntitySet", "Singleton", "ActionImport", "FunctionImport"].includes(kind);
    this.diags.warning(Codes.unknownCsdl, `$Kind ${JSON.stringify(kind)} is not a kind CSDL JSON defines inside ${where}: ${m.name} is ignored${known ? "" : near ? ` (did you mean ${near}?)` : ""}`, path, this.at(k.value.at));
    return undefined;
  }

  /** Reads an `@Term#Qualifier` member into `into`; an annotation's own, `@A@B`, into the annotation `@A`'s (one level). */
  annotation(m: JsonMember, path: string, into: RawAnnotation[], name = m.name): void {
    const second = name.indexOf("@", 1);
    // `@Validation.Minimum@Validation.Exclusive` annotates the annotation `@Validation.Minimum` of the
    // same object (CSDL JSON §14.3), written before or after it; one of an annotation not there is not read.
    if (second > 0) {
      const outer = name.slice(0, second);
      const inner = annotationName(name.slice(second));
      const nested = inner && inner.term !== "" && !name.slice(second + 1).includes("@") ? annotationOf(name.slice(second), m, this.at) : undefined;
      if (!nested) return;
      const owner = this.annotationIndex.get(into)?.get(outer.slice(1));
      if (owner) (owner.annotations ??= []).push(nested);
      else {
        const pending = this.pendingNested.get(into) ?? this.pendingNested.set(into, new Map()).get(into)!;
        (pending.get(outer.slice(1)) ?? pending.set(outer.slice(1), []).get(outer.slice(1))!).push(nested);
      }
      return;
    }
    const parts = annotationName(name);
    if (!parts) return;
    if (parts.term === "") {
      this.diags.warning(Codes.missingAttribute, `${name} names no term; the annotation is ignored`, path, this.at(m.at));
      return;
    }
    const a = annotationOf(name, m, this.at);
    if (!a) return;
    const key = annotationKey(a);
    const waiting = this.pendingNested.get(into)?.get(key);
    if (waiting) a.annotations = waiting;
    into.push(a);
    // By its `Term#Qualifier`, for the annotations of it that follow (a map: an element may have thousands).
    const index = this.annotationIndex.get(into) ?? this.annotationIndex.set(into, new Map()).get(into)!;
    if (!index.has(key)) index.set(key, a);
  }

  /** Annotations of annotations read before the annotation they annotate, by the list it goes into and its `Term#Qualifier`. */
  private readonly pendingNested = new WeakMap<RawAnnotation[], Map<string, RawAnnotation[]>>();
  /** Each list's annotations by their `Term#Qualifier` (the first of each). */
  private readonly annotationIndex = new WeakMap<RawAnnotation[], Map<string, RawAnnotation>>();

  /** A schema's `$Annotations` targets, read into `out`, or with `deferGroups` kept to be read when needed. */
  annotationGroups(m: JsonMember, ns: string, out: RawAnnotationGroup[]): void {
    const o = this.object(m, ns);
    for (const g of o?.members ?? []) {
      if (this.deferGroups && g.name) this.deferred.push({ source: this.source, namespace: ns, target: g.name, read: () => this.annotationGroup(g, ns) });
      else out.push(this.annotationGroup(g, ns));
    }
  }

  annotationGroup(g: JsonMember, ns: string): RawAnnotationGroup {
    const target = g.name;
    this.named(g, "an $Annotations member (a target path)", ns);
    const annotations: RawAnnotation[] = [];
    const body = this.object(g, target || ns);
    for (const x of body?.members ?? []) {
      if (x.name.startsWith("@")) this.annotation(x, target || ns, annotations);
      else this.unknown(x, "annotations", "an $Annotations target", target || ns);
    }
    return { at: this.at(g.at), target, annotations };
  }

  /** `$Type` with `$Collection` as XML writes it (`Collection(T)`); absent, `otherwise` (Edm.String) or a missing member. */
  typeOf(o: JsonObject, what: string, path: string, otherwise: string | undefined, at = o.at): { type: string; collection: boolean } {
    let type: string | undefined;
    let collection = false;
    let seen = false;
    for (const x of o.members) {
      if (x.name === "$Type") {
        seen = true;
        type = this.string(x, path) ?? "";
        if (type === "" && x.value.kind === "string") this.diags.error(Codes.missingAttribute, `${what} has an empty $Type`, path, this.at(x.value.at));
      } else if (x.name === "$Collection") collection = x.value.kind === "boolean" ? x.value.value : this.literal(x, path) === "true";
    }
    if (!seen) type = otherwise ?? this.missing(what, "$Type", path, at);
    // `Collection(T)` is XML's form: as a $Type it would be read as a collection silently.
    const wrapped = type?.startsWith("Collection(") ? /^Collection\((.*)\)$/.exec(type.trim()) : null;
    if (wrapped && type !== undefined) {
      const item = wrapped[1].trim();
      const at$ = o.members.find((x) => x.name === "$Type")?.value.at ?? at;
      this.diags.warning(Codes.invalidAttribute,
        `$Type: ${JSON.stringify(type)} is not a qualified type name (CSDL JSON writes a collection as $Collection: true); read as $Type: ${JSON.stringify(item)} with $Collection: true`,
        path, this.at(at$));
      return { type: `Collection(${item})`, collection: true };
    }
    return { type: collection && type ? `Collection(${type})` : (type as string), collection };
  }

  /**
   * `$Nullable` and the facets. An absent `$Nullable` is false in CSDL JSON (§7.2.1, also for the
   * items of a collection), so it is given as "false"; where CSDL JSON has no default (a collection
   * navigation property), undefined.
   */
  facets(o: JsonObject, path: string, nullableDefault: "false" | undefined): RawFacets {
    const f: RawFacets = { nullable: nullableDefault };
    for (const x of o.members) {
      switch (x.name) {
        case "$Nullable": f.nullable = this.literal(x, path); break;
        case "$MaxLength": f.maxLength = this.literal(x, path); break;
        case "$Precision": f.precision = this.literal(x, path); break;
        case "$Scale": f.scale = this.literal(x, path); break;
        case "$SRID": f.srid = this.literal(x, path); break;
        case "$Unicode": f.unicode = this.literal(x, path); break;
      }
    }
    return f;
  }

  /**
   * `$Type`, `$Nullable` and the facets, as XML writes them for the same element (see `asXmlFacets`).
   * `nullableDefault` is "false" where CSDL JSON's absent `$Nullable` means false (§7.2.1, also for
   * the items of a collection); undefined where it has no default (a collection navigation property).
   */
  typed(o: JsonObject, what: string, path: string, nullableDefault: "false" | undefined): RawFacets & { type: string } {
    const { type } = this.typeOf(o, what, path, "Edm.String");
    return { type, ...asXmlFacets(type, this.facets(o, path, nullableDefault)) };
  }

  /** Checks an element's own members: `$` members against `kind`'s, `@` members read into `annotations`. */
  own(o: JsonObject, kind: string, what: string, path: string, annotations: RawAnnotation[]): void {
    const allowed = KEYWORDS[kind];
    for (const x of o.members) {
      if (x.name.startsWith("@")) this.annotation(x, path, annotations);
      // `$OnDelete@Core.Description` annotates a member's value: not read, as XML's annotations of `<OnDelete>` are not.
      else if (x.name.startsWith("$") && !allowed.includes(annotated(x.name))) this.unknown(x, kind, what, path);
    }
  }

  /**
   * `$DefaultValue` as its literal text; `null`, which CSDL JSON may write, is no default value
   * (CSDL §7.2.7: then none is assumed), not the text "null" (a String property's default "null").
   */
  defaultValue(o: JsonObject, path: string): string | undefined {
    const x = o.members.find((m) => m.name === "$DefaultValue");
    return x && x.value.kind !== "null" ? this.literal(x, path) : undefined;
  }

  /** A boolean `$` member's literal text, or undefined when absent. */
  flag(o: JsonObject, name: string, path: string): string | undefined {
    const x = o.members.find((m) => m.name === name);
    return x && this.literal(x, path);
  }

  text(o: JsonObject, name: string, path: string): string | undefined {
    const x = o.members.find((m) => m.name === name);
    return x && this.string(x, path);
  }

  structured(m: JsonMember, o: JsonObject, kind: "EntityType" | "ComplexType", ns: string): RawStructuredType {
    const path = `${ns}.${m.name}`;
    const t: RawStructuredType = {
      at: this.at(m.at), name: m.name, baseType: this.text(o, "$BaseType", path), abstract: this.flag(o, "$Abstract", path),
      openType: this.flag(o, "$OpenType", path), hasStream: kind === "EntityType" ? this.flag(o, "$HasStream", path) : undefined,
      properties: [], navigationProperties: [], annotations: [],
    };
    const what = kind === "EntityType" ? "an entity type" : "a complex type";
    for (const x of o.members) {
      if (x.name.startsWith("@")) this.held(t, () => this.annotation(x, path, t.annotations));
      else if (x.name === "$Key" && kind === "EntityType") t.key = this.held(t, () => this.key(x, `${path}/Key`));
      else if (x.name.startsWith("$")) {
        if (!KEYWORDS[kind].includes(annotated(x.name))) this.unknown(x, kind, what, path);
      } else if (x.name.includes("@")) this.held(t, () => this.unknown(x, kind, what, path));
      else this.held(t, () => this.member(x, kind, t, path));
    }
    return t;
  }

  /** A property or navigation property `x` of type `t`. */
  member(x: JsonMember, kind: "EntityType" | "ComplexType", t: RawStructuredType, path: string): void {
    this.named(x, "a property", path);
    const p = this.object(x, `${path}/${x.name}`);
    if (!p) return;
    const k = this.kind(x, p, `${path}/${x.name}`, MEMBER_KINDS, kind === "EntityType" ? "an entity type" : "a complex type", "Property");
    if (k === "Property") t.properties.push(this.property(x, p, path));
    else if (k === "NavigationProperty") t.navigationProperties.push(this.navigation(x, p, path));
  }

  key(m: JsonMember, path: string): RawStructuredType["key"] {
    const out: NonNullable<RawStructuredType["key"]> = [];
    for (const item of this.array(m, path)) {
      const name = item.kind === "string" ? item.value : item.kind === "object" && item.members.length === 1 && item.members[0].value.kind === "string" ? item.members[0].value.value : undefined;
      if (name === "") this.diags.error(Codes.missingAttribute, "an item of $Key names no property (an empty string)", path, this.at(item.at));
      if (item.kind === "string") out.push({ name: item.value, at: this.at(item.at) });
      else if (item.kind === "object" && item.members.length === 1 && item.members[0].value.kind === "string")
        out.push({ name: item.members[0].value.value, alias: item.members[0].name, at: this.at(item.at) });
      else this.diags.error(Codes.invalidAttribute, `an item of $Key must be a property name or an object { alias: path }, not ${kindOf(item)}`, path, this.at(item.at));
    }
    return out;
  }

  property(m: JsonMember, o: JsonObject, typePath: string): RawProperty {
    const path = `${typePath}/${m.name}`;
    const annotations: RawAnnotation[] = [];
    this.own(o, "Property", "a property", path, annotations);
    const typed = this.typed(o, m.name, path, "false");
    const x = o.members.find((y) => y.name === "$DefaultValue");
    // As XML's DefaultValue="null" on a property that is not nullable (the model reports that one).
    if (x?.value.kind === "null" && typed.nullable === "false" && !typed.type.startsWith("Collection("))
      this.diags.warning(Codes.invalidAttribute, `$DefaultValue is null, which ${m.name} (not nullable) cannot hold; it is ignored`, path, this.at(x.value.at));
    return { at: this.at(m.at), name: m.name, ...typed, defaultValue: this.defaultValue(o, path), annotations };
  }

  navigation(m: JsonMember, o: JsonObject, typePath: string): RawNavigationProperty {
    const path = `${typePath}/${m.name}`;
    const annotations: RawAnnotation[] = [];
    this.own(o, "NavigationProperty", "a navigation property", path, annotations);
    const { type, collection } = this.typeOf(o, m.name, path, undefined, m.at);
    const nav: RawNavigationProperty = {
      at: this.at(m.at), name: m.name, type, nullable: this.facets(o, path, collection ? undefined : "false").nullable,
      partner: this.text(o, "$Partner", path), containsTarget: this.flag(o, "$ContainsTarget", path), annotations,
    };
    const onDelete = o.members.find((y) => y.name === "$OnDelete");
    if (onDelete?.value.kind === "string") checkOnDelete(this.diags, `$OnDelete: ${JSON.stringify(onDelete.value.value)}`, onDelete.value.value, path, this.at(onDelete.value.at));
    const rc = o.members.find((y) => y.name === "$ReferentialConstraint");
    const constraints = rc && this.object(rc, path);
    if (constraints) {
      nav.constraints = [];
      for (const c of constraints.members) {
        if (c.name.includes("@")) continue; // an annotation of a constraint (`property@Term`): not read, as in XML
        const referencedProperty = this.string(c, path);
        if (referencedProperty !== undefined) nav.constraints.push({ at: this.at(c.at), property: c.name, referencedProperty });
      }
    }
    return nav;
  }

  enumType(m: JsonMember, o: JsonObject, ns: string): RawEnumType {
    const path = `${ns}.${m.name}`;
    const e: RawEnumType = {
      at: this.at(m.at), name: m.name, underlyingType: this.text(o, "$UnderlyingType", path), isFlags: this.flag(o, "$IsFlags", path),
      members: [], annotations: [],
    };
    const byName = new Map<string, RawEnumMember>();
    const memberAnnotations: JsonMember[] = [];
    for (const x of o.members) {
      if (x.name.startsWith("@")) this.held(e, () => this.annotation(x, path, e.annotations));
      else if (x.name.startsWith("$")) {
        if (!KEYWORDS.EnumType.includes(annotated(x.name))) this.unknown(x, "EnumType", "an enum type", path);
      } else if (x.name.includes("@")) memberAnnotations.push(x);
      else this.held(e, () => {
        const v = x.value;
        if (v.kind !== "number" && v.kind !== "string") {
          this.diags.error(Codes.invalidAttribute, `enum member ${x.name} must have a number as its value, not ${kindOf(v)}`, `${path}/${x.name}`, this.at(v.at));
          return;
        }
        this.named(x, "an enum member", path);
        const member = { at: this.at(x.at), name: x.name, value: v.kind === "number" ? v.text : v.value, annotations: [] };
        e.members.push(member);
        if (!byName.has(x.name)) byName.set(x.name, member);
      });
    }
    // `Member@Term`: an annotation of a member, before or after it (JSON's members have no order).
    for (const x of memberAnnotations)
      this.held(e, () => {
        const at = x.name.indexOf("@");
        const member = byName.get(x.name.slice(0, at));
        if (member) this.annotation(x, `${path}/${member.name}`, member.annotations, x.name.slice(at));
        else this.unknown(x, "EnumType", "an enum type (it annotates no member of the type)", path);
      });
    return e;
  }

  typeDefinition(m: JsonMember, o: JsonObject, ns: string): RawTypeDefinition {
    const path = `${ns}.${m.name}`;
    const annotations: RawAnnotation[] = [];
    this.own(o, "TypeDefinition", "a type definition", path, annotations);
    const underlyingType = this.required(o, "$UnderlyingType", m.name, path, m.at);
    const { nullable: _, ...facets } = asXmlFacets(underlyingType, this.facets(o, path, undefined));
    return { at: this.at(m.at), name: m.name, underlyingType, ...facets, annotations,
    };
  }

  term(m: JsonMember, o: JsonObject, ns: string): RawTerm {
    const path = `${ns}.${m.name}`;
    const annotations: RawAnnotation[] = [];
    this.own(o, "Term", "a term", path, annotations);
    const applies = o.members.find((y) => y.name === "$AppliesTo");
    return {
      at: this.at(m.at), name: m.name, ...this.typed(o, m.name, path, "false"), baseTerm: this.text(o, "$BaseTerm", path),
      appliesTo: applies && this.array(applies, path).map((v) => (v.kind === "string" ? v.value : "")).filter(Boolean).join(" "),
      defaultValue: this.defaultValue(o, path), annotations,
    };
  }

  operation(name: string, v: JsonValue, ns: string): RawOperation | undefined {
    const path = `${ns}.${name}`;
    if (v.kind !== "object") {
      this.diags.error(Codes.invalidAttribute, `an overload of ${name} must be an object, not ${kindOf(v)}`, path, this.at(v.at));
      return undefined;
    }
    const self: JsonMember = { name, at: v.at, value: v };
    const kind = this.kind(self, v, path, ["Action", "Function"], "an array of overloads", undefined);
    if (kind !== "Action" && kind !== "Function") return undefined;
    const op: RawOperation = {
      at: this.at(v.at), kind: kind === "Action" ? "action" : "function", name, isBound: this.flag(v, "$IsBound", path),
      isComposable: kind === "Function" ? this.flag(v, "$IsComposable", path) : undefined, entitySetPath: this.text(v, "$EntitySetPath", path),
      parameters: [], annotations: [],
    };
    this.own(v, kind, kind === "Action" ? "an action" : "a function", path, op.annotations);
    for (const x of v.members) {
      // The first parameter binds a bound operation and is read by every run, as XML's reader reads it.
      if (x.name === "$Parameter") for (const [i, p] of this.array(x, path).entries()) {
        const param = i === 0 ? this.parameter(p, path) : this.held(op, () => this.parameter(p, path));
        if (param) op.parameters.push(param);
      } else if (x.name === "$ReturnType") op.returnType = this.held(op, () => this.returnType(x, `${path}/$ReturnType`));
    }
    return op;
  }

  parameter(v: JsonValue, opPath: string): RawParameter | undefined {
    if (v.kind !== "object") {
      this.diags.error(Codes.invalidAttribute, `a parameter must be an object, not ${kindOf(v)}`, opPath, this.at(v.at));
      return undefined;
    }
    const name = this.required(v, "$Name", "a parameter", opPath, v.at);
    const path = `${opPath}/${name || "?"}`;
    const annotations: RawAnnotation[] = [];
    this.own(v, "Parameter", "a parameter", path, annotations);
    return { at: this.at(v.at), name, ...this.typed(v, "a parameter", path, "false"), annotations };
  }

  returnType(m: JsonMember, path: string): RawReturnType | undefined {
    const o = this.object(m, path);
    if (!o) return undefined;
    const annotations: RawAnnotation[] = [];
    this.own(o, "ReturnType", "a return type", path, annotations);
    return { at: this.at(m.at), ...this.typed(o, "$ReturnType", path, "false"), annotations };
  }

  container(m: JsonMember, o: JsonObject, ns: string): RawEntityContainer {
    const path = `${ns}.${m.name}`;
    const c: RawEntityContainer = {
      at: this.at(m.at), name: m.name, extends: this.text(o, "$Extends", path), entitySets: [], singletons: [], imports: [], annotations: [],
    };
    for (const x of o.members) {
      if (x.name.startsWith("@")) this.annotation(x, path, c.annotations);
      else if (x.name.startsWith("$")) {
        if (!KEYWORDS.EntityContainer.includes(annotated(x.name))) this.unknown(x, "EntityContainer", "an entity container", path);
      } else {
        this.named(x, "an entity set, singleton or import", path);
        const child = this.object(x, `${path}/${x.name}`);
        if (child) this.containerChild(x, child, path, c);
      }
    }
    // The XML reader lists action imports before function imports (each kind in document order);
    // so do we, or a container that mixes them would generate its request functions in another order.
    c.imports = [...c.imports.filter((x) => x.kind === "action"), ...c.imports.filter((x) => x.kind === "function")];
    return c;
  }

  /** An entity set (`$Collection: true`), a singleton (`$Type`), or an action or function import (`$Action`, `$Function`). */
  containerChild(m: JsonMember, o: JsonObject, containerPath: string, c: RawEntityContainer): void {
    const path = `${containerPath}/${m.name}`;
    const has = (name: string) => o.members.some((x) => x.name === name);
    const annotations: RawAnnotation[] = [];
    if (has("$Action") || has("$Function")) {
      const action = has("$Action");
      this.own(o, action ? "ActionImport" : "FunctionImport", action ? "an action import" : "a function import", path, annotations);
      const imp: RawOperationImport = {
        at: this.at(m.at), kind: action ? "action" : "function", name: m.name,
        operation: this.required(o, action ? "$Action" : "$Function", m.name, path, m.at), entitySet: this.text(o, "$EntitySet", path),
        includeInServiceDocument: action ? undefined : this.flag(o, "$IncludeInServiceDocument", path), annotations,
      };
      c.imports.push(imp);
    } else if (has("$Collection")) {
      this.own(o, "EntitySet", "an entity set", path, annotations);
      // CSDL JSON §13.2: an entity set's $Collection is the literal true; a singleton has none.
      const collection = o.members.find((x) => x.name === "$Collection")!;
      if (!(collection.value.kind === "boolean" && collection.value.value)) {
        this.diags.error(Codes.invalidAttribute, `an entity set's $Collection must be true, not ${kindOf(collection.value)} (a singleton has no $Collection)`, path, this.at(collection.value.at));
      }
      c.entitySets.push({
        at: this.at(m.at), name: m.name, entityType: this.required(o, "$Type", m.name, path, m.at),
        includeInServiceDocument: this.flag(o, "$IncludeInServiceDocument", path), bindings: this.bindings(o, path), annotations,
      });
    } else if (has("$Type")) {
      this.own(o, "Singleton", "a singleton", path, annotations);
      c.singletons.push({
        at: this.at(m.at), name: m.name, type: this.required(o, "$Type", m.name, path, m.at), nullable: this.flag(o, "$Nullable", path),
        bindings: this.bindings(o, path), annotations,
      });
    } else {
      this.diags.warning(Codes.unknownCsdl, `${m.name} is none of the children CSDL JSON defines inside an entity container (an entity set has $Collection and $Type, a singleton $Type, an import $Action or $Function): it is ignored`, path, this.at(m.at));
    }
  }

  bindings(o: JsonObject, path: string): RawNavigationBinding[] {
    const m = o.members.find((x) => x.name === "$NavigationPropertyBinding");
    const b = m && this.object(m, path);
    const out: RawNavigationBinding[] = [];
    for (const x of b?.members ?? []) {
      const target = this.string(x, path);
      if (target !== undefined) out.push({ at: this.at(x.at), path: x.name, target });
    }
    return out;
  }
}

/** `; did you mean …?` with the document's container nearest to `name`, or "". */
function nearContainer(name: string, schemas: readonly RawSchema[]): string {
  const near = nearestName(name, schemas.flatMap((s) => s.containers.map((c) => `${s.namespace}.${c.name}`)));
  return near ? `; did you mean ${near}?` : "";
}

/** A member's name as a message shows it: `""` for an empty one. */
function shown(name: string): string {
  return name === "" ? '""' : name;
}

/** The member an annotation member names (`$OnDelete` of `$OnDelete@Core.Description`); a name without `@` itself. */
function annotated(name: string): string {
  const at = name.indexOf("@");
  return at < 0 ? name : name.slice(0, at);
}

const TEMPORAL = new Set(["Edm.DateTimeOffset", "Edm.TimeOfDay", "Edm.Duration"]);

/**
 * The facets of an element of a primitive type as CSDL XML writes them, so both forms read alike:
 * where the two leave out different defaults, JSON's is written and XML's left out. Decimal's
 * `$Scale` is `variable` when absent in JSON (§7.2.4) and 0 when absent in XML; a temporal type's
 * Precision is 0 when absent in both, as is Geometry's SRID (Geography's 4326); Unicode is true.
 * A `$Scale` of 0 is read as XML's absent Scale, which the validators read leniently (services
 * that leave Scale out send fractions): JSON cannot tell a 0 written on purpose from XML's default
 * carried over, and a validator must not refuse a service's data.
 */
export function asXmlFacets(type: string, f: RawFacets): RawFacets {
  const t = type.startsWith("Collection(") ? type.slice(11, -1) : type;
  if (t === "Edm.Decimal") {
    if (f.scale === undefined) f.scale = "variable";
    else if (f.scale === "0") f.scale = undefined;
  }
  if (f.precision === "0" && TEMPORAL.has(t)) f.precision = undefined;
  if (f.srid !== undefined && ((f.srid === "0" && t.startsWith("Edm.Geometry")) || (f.srid === "4326" && t.startsWith("Edm.Geography")))) f.srid = undefined;
  if (f.unicode === "true") f.unicode = undefined;
  return f;
}

/** An annotation's `Term#Qualifier`, as a CSDL JSON member names it (less its `@`). */
function annotationKey(a: RawAnnotation): string {
  return a.qualifier === undefined ? a.term : `${a.term}#${a.qualifier}`;
}
