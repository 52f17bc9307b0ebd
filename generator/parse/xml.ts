/**
 * Reads CSDL XML (OData 4.0/4.01 `$metadata`) into raw CSDL. Our own scan checks that the text is
 * well-formed; fast-xml-parser then builds its ordered tree (`preserveOrder`), which is normalised
 * here, once, in one pass; element start offsets are kept for diagnostics.
 */
import { checkOnDelete } from "./on-delete";
import { emptyInput, errorResponseMessage, htmlPage, xmlErrorSaid } from "./not-metadata";
import { XMLParser } from "fast-xml-parser";
import { Codes, placeOf, type DiagnosticBag, type SourceRef } from "../diagnostics";
import { SourceText, stripBom } from "./source";
import { elementPathAt } from "./element-path";
import { checkWellFormed } from "./well-formed";
import { normalizedAttributes } from "./attribute-values";
import { EntityExpander, expandReferences } from "./entities";
import { narrowText } from "./narrow";
import { addAttributes } from "./tag-attributes";
import { trimXmlSpace } from "./xml-space";
import { deferredBodies, deferredGroups, maskSpans, mergeSpans } from "./deferred";
import { ruleOf, type ElementRule } from "./csdl-names";
import { EDM_NAMESPACE, EDMX_NAMESPACE, LEGACY_EDM_NAMESPACE, LEGACY_EDMX_NAMESPACE, UnknownNames, type CsdlPrefixes } from "./unknown-names";
import {
  NO_ATTRIBUTES, childNodes, groupChildren, isElementTag, localAttributes, localName, markRenamed, startOf, tagOf, writtenName,
  type Attributes, type XNode,
} from "./xml-nodes";
import type {
  DeferredBody,
  DeferredGroup,
  RawAnnotation,
  RawAnnotationGroup,
  RawDocument,
  RawEntityContainer,
  RawEnumType,
  RawExpression,
  RawFacets,
  RawNavigationBinding,
  RawNavigationProperty,
  RawOperation,
  RawDeferrable,
  RawProperty,
  RawReference,
  RawSchema,
  RawStructuredType,
} from "./raw";

/** Constant expression elements and attributes (CSDL XML §14.3). */
const CONSTANTS = ["String", "Bool", "Int", "Float", "Decimal", "Date", "DateTimeOffset", "Duration", "Guid",
  "TimeOfDay", "EnumMember", "Binary"] as const;
const PATHS = ["Path", "PropertyPath", "NavigationPropertyPath", "AnnotationPath", "ModelElementPath"] as const;
const DYNAMIC = ["If", "Apply", "Cast", "IsOf", "LabeledElement", "LabeledElementReference", "UrlRef", "And",
  "Or", "Not", "Eq", "Ne", "Gt", "Ge", "Lt", "Le", "Has", "In"] as const;

/**
 * Which value an annotation or property value has when it gives several: the first of, in order,
 * each constant and path form as an attribute then as an element, then Record, Collection, Null and
 * the dynamic expressions. The rank of each element form; attribute form k ranks 2k.
 */
const VALUE_ATTRIBUTES: readonly string[] = [...CONSTANTS, ...PATHS];
const ELEMENT_RANK = new Map<string, number>([
  ...VALUE_ATTRIBUTES.map((name, k): [string, number] => [name, 2 * k + 1]),
  ...["Record", "Collection", "Null", ...DYNAMIC].map((name, k): [string, number] => [name, 2 * VALUE_ATTRIBUTES.length + k]),
]);
const CONSTANT_SET: ReadonlySet<string> = new Set(CONSTANTS);
const PATH_SET: ReadonlySet<string> = new Set(PATHS);
const DYNAMIC_SET: ReadonlySet<string> = new Set(DYNAMIC);

/** A line end other than a line feed (XML 1.0 §2.11). */
const LINE_END = /\r\n?/g;

/** Deeper nesting is reported as malformed (fast-xml-parser's own limit is a little higher). */
const MAX_DEPTH = 256;

/** Expands references for the parser, with the DOCTYPE's entities of the document being parsed. */
const entities = new EntityExpander();
let parser: XMLParser | undefined;
function getParser(): XMLParser {
  return (parser ??= new XMLParser({
    preserveOrder: true,
    // Attributes are read from the start tags after it (tag-attributes.ts), as it would read them.
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    captureMetaData: true,
    // Character references (`&#xA;`, `&#233;`), the predefined entities and the DOCTYPE's (entities.ts).
    entityDecoder: entities,
    maxNestedTags: MAX_DEPTH + 8,
    // Callbacks (none here) would get the path as a string: building it costs per element.
    jPath: false,
    // Not `__toString`, a name a document may write: see markRenamed.
    onDangerousProperty: markRenamed,
  }));
}

/** The parser's tree of `text` (well-formed: the scan checked it), with its elements' attributes. */
function parseTree(text: string, declared?: ReadonlyMap<string, string>): XNode[] {
  const nodes = getParser().parse(text) as XNode[];
  addAttributes(nodes, text, declared);
  return nodes;
}

/**
 * Parses one CSDL XML document. Problems are added to `diags`; the result is undefined when the
 * document cannot be read at all (not well-formed, not EDMX, no schema).
 */
export interface ReadOptions {
  /**
   * Locate the schemas' `<Annotations>` blocks without reading them (`RawDocument.deferred`): a
   * slice reads only those that target what it keeps. On Graph they are 40% of the document.
   */
  deferAnnotationGroups?: boolean;
  /**
   * Locate the contents of the schemas' `<EntityType>`, `<ComplexType>` and `<EnumType>` elements,
   * and of their `<Action>`s and `<Function>`s after the first `<Parameter>`, without reading them
   * (`body` on the raw element): start tags are read, the rest only when a slice needs the element
   * (`readBody`). Neither this nor `deferAnnotationGroups` is done when the DOCTYPE declares entities.
   */
  deferBodies?: boolean;
  /**
   * Let the parser read a one-byte copy of a text that has characters above U+00FF (narrow.ts).
   * Default true; false only to compare the two in tests.
   */
  narrow?: boolean;
}

export function readCsdlXml(file: string, content: string, diags: DiagnosticBag, options: ReadOptions = {}): RawDocument | undefined {
  const source = new SourceText(file, stripBom(content));
  const text = source.text;
  const empty = emptyInput(content);
  if (empty) {
    diags.error(Codes.notCsdl, empty, "(document)", { source, offset: 0 });
    return undefined;
  }
  const html = htmlPage(text);
  if (html) {
    diags.error(Codes.notCsdl, html.message, "(document)", { source, offset: html.at });
    return undefined;
  }
  // fast-xml-parser's parser accepts malformed documents (mismatched or unclosed tags, ...): check
  // first. Both read a one-byte copy of the text when that is exact (narrow.ts).
  const scan = (t: string, spans: number[] | undefined, triples: number[] | undefined) =>
    checkWellFormed(t, { maxDepth: MAX_DEPTH, schemaAnnotations: spans, bodies: triples });
  let spans: number[] | undefined = options.deferAnnotationGroups ? [] : undefined;
  let triples: number[] | undefined = options.deferBodies ? [] : undefined;
  const narrow = options.narrow === false ? undefined : narrowText(text, text !== content);
  let wellFormed = scan(narrow ? narrow.text : text, spans, triples);
  if (narrow && !wellFormed.ok) {
    // A stand-in in a name (where the original may have a name character), or a real error: the
    // original decides, and is what the parser reads then.
    spans = spans && [];
    triples = triples && [];
    wellFormed = scan(text, spans, triples);
  } else if (narrow) {
    source.parsed = narrow.text;
    source.restore = narrow.restore;
  }
  // The parser's text is the one-byte copy (or equal to it): no character above U+00FF.
  const oneByte = narrow !== undefined && source.parsed === narrow.text;
  if (!wellFormed.ok) {
    const { offset, message, unsupported, pathAt } = wellFormed;
    diags.error(Codes.xmlMalformed, `${unsupported ? "XML odatagen does not read" : "not well-formed XML"}: ${message}`, elementPathAt(text, pathAt ?? offset) || "(document)", { source, offset });
    return undefined;
  }
  // A part of the text parsed alone would not know the DOCTYPE's entities: then nothing is deferred.
  const groupSpans = wellFormed.declaresEntities ? undefined : spans;
  const bodies = triples && !wellFormed.declaresEntities ? deferredBodies(triples) : undefined;
  // The parser never reads the DOCTYPE: the scan did, and the entities it declares are expanded by `entities`.
  const doctype = wellFormed.doctype ?? [];
  const masked = mergeSpans(doctype, bodies?.spans.length ? mergeSpans(groupSpans ?? [], bodies.spans) : (groupSpans ?? []));
  let nodes: XNode[];
  try {
    const parsed = masked.length ? maskSpans(source.parsed, masked, oneByte) : source.parsed;
    const declared = wellFormed.entities ?? new Map<string, string>();
    nodes = entities.declared(declared, () => parseTree(parsed, declared));
  } catch (e) {
    diags.error(Codes.xmlMalformed, `cannot read XML: ${(e as Error).message}`, "(document)", { source, offset: 0 });
    return undefined;
  }
  const root = nodes.find((node) => isElementTag(tagOf(node)));
  const rootName = root && localName(tagOf(root));
  if (!root || rootName !== "Edmx") {
    const found = rootName === "error" ? errorResponseMessage(xmlErrorSaid(text)) : `expected an <edmx:Edmx> root element, found ${root ? `<${writtenName(rootName ?? "")}>` : "no element"}`;
    diags.error(Codes.notCsdl, found,
      "(document)", { source, offset: root ? startOf(root) : 0 });
    return undefined;
  }
  source.spacedTags = wellFormed.spacedTags;
  source.nestedDeclarations = wellFormed.nestedDeclarations;
  const r = new Reader(source, diags, wellFormed.prefixedAttributes, 0, wellFormed.entities);
  const [dataServices, references] = groupChildren(root, ["DataServices", "Reference"]);
  const version = r.attr(r.attrs(root), "Version") || undefined;
  if (version === undefined) {
    // CSDL XML §4: Version is required. The document is read as 4.0, the version without it.
    const empty = r.attr(r.attrs(root), "Version") === "";
    diags.warning(Codes.missingAttribute, `<edmx:Edmx> has ${empty ? "an empty" : "no"} Version attribute (CSDL XML §4: it is required, 4.0 or 4.01); the document is read as 4.0`, "Edmx", r.at(root));
  }
  if (version !== undefined && isBeforeV4(version)) {
    // OData V2 and V3 metadata (EDMX 1.0): its elements differ (associations, no Type on navigation
    // properties), so reading it as V4 would give a pile of misleading errors. One error says why.
    const dsv = dataServices.map((d) => r.attr(r.attrs(d), "DataServiceVersion")).find((v) => v !== undefined);
    const what = dsv ? `OData ${dsv.startsWith("3") ? "V3" : "V2"} metadata (EDMX ${version}, DataServiceVersion ${dsv})` : `EDMX ${version} metadata (OData V2 or V3)`;
    diags.error(Codes.unsupportedInput, `${what} is not supported: odatagen reads OData V4 metadata (CSDL XML, EDMX Version 4.0 or 4.01)`, "Edmx", r.at(root));
    return undefined;
  }
  if (version !== undefined && version !== "4.0" && version !== "4.01") {
    // A later version may add what this reader does not know; what it does know is read as 4.01.
    diags.warning(Codes.unsupportedInput, `EDMX Version ${JSON.stringify(version)} is not one odatagen knows (4.0, 4.01); the document is read by the rules of 4.01`, "Edmx", r.at(root));
  }
  r.checkEdmxNamespace(root);
  // From here the document is read as V4 CSDL: names CSDL does not define are reported (ODG112).
  r.names.edmx = r.names.csdlPrefixes([root], root);
  r.names.checkAttributes(root, EDMX, "Edmx", r.names.edmx);
  r.names.checkChildren(root, EDMX, "Edmx", r.names.edmx);
  // Exactly one DataServices (CSDL XML §4); with two, neither is read.
  const schemas = dataServices.length === 1 ? r.schemas(dataServices[0], [root, dataServices[0]]) : [];
  if (schemas.length === 0) {
    diags.error(Codes.noSchema, "the document has no <Schema> inside <edmx:DataServices>", "Edmx", r.at(root));
    return undefined;
  }
  const doc: RawDocument = {
    file,
    version: version ?? "4.0",
    references: references.map((x) => r.reference(x, root)),
    schemas,
  };
  if (groupSpans) doc.deferred = deferredGroups(source, groupSpans, schemas, (s) => r.names.prefixesOf(s));
  if (bodies?.byTag.size) {
    for (const schema of schemas) {
      const csdl = r.names.prefixesOf(schema);
      const kinds: [RawDeferrable[], DeferredBody["element"]][] = [[schema.entityTypes, "EntityType"], [schema.complexTypes, "ComplexType"],
        [schema.enumTypes, "EnumType"], [schema.actions, "Action"], [schema.functions, "Function"]];
      for (const [list, element] of kinds)
        for (const t of list) {
          const span = bodies.byTag.get(t.at.offset);
          if (span) {
            const [start, end] = span;
            t.body = { source, prefixedAttributes: wellFormed.prefixedAttributes, csdl, element, path: `${schema.namespace}.${t.name}`, start, end };
          }
        }
    }
  }
  return doc;
}

/** EDMX versions before 4.0: 1.0 (OData V2 and V3), and the Entity Framework's 2.0 and 3.0. */
function isBeforeV4(version: string): boolean {
  return /^[0-3](\.|$)/.test(version.trim());
}

/**
 * Reads a deferred content into its raw element: a type's members (key, properties, navigation
 * properties, annotations), an enum's members and annotations, an operation's parameters after the
 * first, return type and annotations. Offsets, lines and columns are those in its file. Reading it
 * twice does nothing.
 */
export function readBody(raw: RawDeferrable, diags: DiagnosticBag): void {
  const body = raw.body;
  if (!body || "held" in body) return;
  raw.body = undefined;
  // The element's start tag, read in place, gives its content the namespaces it declares (UnknownNames.isCsdlChild).
  const declared = Object.fromEntries(normalizedAttributes(body.source.parsed, raw.at.offset));
  const content: XNode = { "#content": parseTree(body.source.parsed.slice(body.start, body.end)), ":@": declared };
  const reader = new Reader(body.source, diags, body.prefixedAttributes, body.start);
  reader.names.csdl = body.csdl;
  const rule = ruleOf(body.element);
  if ("kind" in raw) {
    // An operation. Its first parameter and anything before it were read in place: what follows comes after them.
    const rest = reader.operationContent(content, body.path, rule);
    raw.parameters.push(...rest.parameters);
    raw.returnType ??= rest.returnType;
    raw.annotations.push(...rest.annotations);
  } else if ("members" in raw) Object.assign(raw, reader.enumContent(content, body.path)); // an enum type
  else Object.assign(raw, reader.members(content, body.path, rule)); // an entity or complex type
}

/** Reads one deferred `<Annotations>` block (its offsets, lines and columns are those in its file). */
export function readDeferredGroup(group: DeferredGroup, diags: DiagnosticBag): RawAnnotationGroup | undefined {
  if ("read" in group) return group.read();
  const nodes = parseTree(group.source.parsed.slice(group.start, group.end));
  const node = nodes.find((n) => isElementTag(tagOf(n)));
  if (!node) return undefined;
  // Attributes may be prefixed anywhere in the document: read them by local name here (cheap, one block).
  const reader = new Reader(group.source, diags, true, group.start);
  reader.names.csdl = group.csdl;
  return reader.annotationGroup(node, group.namespace);
}

const EDMX = ruleOf("Edmx");
const REFERENCE = ruleOf("Reference");
const INCLUDE = ruleOf("Include");
const INCLUDE_ANNOTATIONS = ruleOf("IncludeAnnotations");
const DATA_SERVICES = ruleOf("DataServices");
const SCHEMA = ruleOf("Schema");
const TYPE_DEFINITION = ruleOf("TypeDefinition");
const TERM = ruleOf("Term");
const ANNOTATIONS = ruleOf("Annotations");
const KEY = ruleOf("Key");
const PROPERTY_REF = ruleOf("PropertyRef");
const PROPERTY = ruleOf("Property");
const NAVIGATION_PROPERTY = ruleOf("NavigationProperty");
const REFERENTIAL_CONSTRAINT = ruleOf("ReferentialConstraint");
const ENUM_TYPE = ruleOf("EnumType");
const MEMBER = ruleOf("Member");
const PARAMETER = ruleOf("Parameter");
const RETURN_TYPE = ruleOf("ReturnType");
const ENTITY_CONTAINER = ruleOf("EntityContainer");
const ENTITY_SET = ruleOf("EntitySet");
const SINGLETON = ruleOf("Singleton");
const NAVIGATION_PROPERTY_BINDING = ruleOf("NavigationPropertyBinding");
const ACTION_IMPORT = ruleOf("ActionImport");
const FUNCTION_IMPORT = ruleOf("FunctionImport");
const ANNOTATION = ruleOf("Annotation");
const COLLECTION = ruleOf("Collection");
const NULL = ruleOf("Null");
/** The rules of the expression elements, by name. */
const EXPRESSION_RULES = new Map<string, ElementRule>([...ANNOTATION.children].filter((name) => name !== "Annotation").map((name) => [name, ruleOf(name)]));
const RECORD = ruleOf("Record");
const PROPERTY_VALUE = ruleOf("PropertyValue");

const SCHEMA_CHILDREN = ["EntityType", "ComplexType", "EnumType", "TypeDefinition", "Action", "Function", "Term",
  "EntityContainer", "Annotations", "Annotation"] as const;
const STRUCTURED_CHILDREN = ["Key", "Property", "NavigationProperty", "Annotation"] as const;
const OPERATION_CHILDREN = ["Parameter", "ReturnType", "Annotation"] as const;
const CONTAINER_CHILDREN = ["EntitySet", "Singleton", "ActionImport", "FunctionImport", "Annotation"] as const;
const SOURCE_CHILDREN = ["NavigationPropertyBinding", "Annotation"] as const;

/**
 * Turns the elements of the ordered tree into raw CSDL. Each element's children are grouped by name
 * in one pass (groupChildren), then read kind by kind; missing required attributes are reported,
 * and names CSDL does not define there through `names` (unknown-names.ts, ODG112).
 */
class Reader {
  /** See SourceText.restore: applied to every attribute value and text read. */
  private readonly restore: ((value: string) => string) | undefined;
  /** Reports the names CSDL does not define where they are written (ODG112), and knows CSDL's prefixes. */
  readonly names: UnknownNames;

  constructor(
    readonly source: SourceText,
    readonly diags: DiagnosticBag,
    /** Whether attributes must be read by local name (some attribute has a prefix). */
    readonly prefixedAttributes: boolean,
    /** Where the parsed text starts in the source (a deferred block is parsed alone). */
    readonly base = 0,
    /** The entities the DOCTYPE declares (nothing is deferred when it declares any). */
    readonly entities?: ReadonlyMap<string, string>,
  ) {
    this.restore = source.restore;
    this.names = new UnknownNames(source, diags, base);
  }

  /**
   * An element's children with the given local names (groupChildren): another child in CSDL's
   * namespace (`prefixes`) that CSDL does not define there is reported (ODG112).
   */
  children(n: XNode, names: readonly string[], rule: ElementRule, path: string, prefixes?: CsdlPrefixes): (readonly XNode[])[] {
    // The element the reporter below is for: no closure per element on this hot path (it does not re-enter).
    this.parent = rule;
    this.parentNode = n;
    this.parentPath = path;
    this.parentPrefixes = prefixes;
    // A <Schema>'s own namespace is checked apart (checkSchemaNamespace): it is read in any.
    return groupChildren(n, names, this.reportOther, rule === DATA_SERVICES ? undefined : this.acceptChild);
  }

  private parentNode: XNode = {};
  private readonly acceptChild = (child: XNode, tag: string): boolean =>
    this.isCsdlChild(child, tag, this.parentNode, this.parentPrefixes ?? this.names.csdl, this.parent as ElementRule, this.parentPath);

  /**
   * Whether a child of `parent` (`rule`, `path`) of a name CSDL defines there is CSDL's
   * (UnknownNames.isCsdlChild, which reports one that is not); at once when it is unprefixed, in a
   * default namespace that is CSDL's, neither it nor its parent declares another, and no element
   * inside a schema or include declares a namespace (then the elements around it may).
   */
  private isCsdlChild(child: XNode, tag: string, parent: XNode, prefixes: CsdlPrefixes, rule: ElementRule, path: string): boolean {
    if (!this.source.nestedDeclarations && tag.indexOf(":") < 0 && prefixes.has("") && (child[":@"] as Attributes | undefined)?.xmlns === undefined &&
      (parent[":@"] as Attributes | undefined)?.xmlns === undefined) return true;
    return this.names.isCsdlChild(child, tag, parent, prefixes, rule, path);
  }

  private parent: ElementRule | undefined;
  private parentPath = "";
  private parentPrefixes: CsdlPrefixes | undefined;
  private readonly reportOther = (child: XNode, tag: string, local: string): void => {
    const rule = this.parent as ElementRule;
    if (!rule.children.has(local)) this.names.unknownChild(child, tag, local, this.parentNode, rule, this.parentPath, this.parentPrefixes);
  };

  at(node: XNode): SourceRef {
    return { source: this.source, offset: this.base + startOf(node) };
  }

  attrs(node: XNode): Attributes {
    const raw = node[":@"] as Attributes | undefined;
    if (raw === undefined) return NO_ATTRIBUTES;
    const spaced = this.source.spacedTags;
    if (spaced !== undefined && spaced.has(this.base + startOf(node))) return this.normalized(node, raw);
    return this.prefixedAttributes ? localAttributes(raw) : raw;
  }

  /**
   * Attribute values as XML 1.0 §3.3.3 reads them, made once per element: see attribute-values.ts.
   * A `String` or `DefaultValue` (`xs:string` in CSDL's XML schema) keeps spaces at its ends; every
   * other attribute's type there (names, paths, booleans, numbers) collapses whitespace, so XML's
   * whitespace is trimmed off its ends (in linear time: xml-space.ts).
   */
  private readonly normalizedByNode = new WeakMap<XNode, Attributes>();
  private normalized(node: XNode, raw: Attributes): Attributes {
    let out = this.normalizedByNode.get(node);
    if (out) return out;
    const read: Attributes = {};
    for (const [name, value] of normalizedAttributes(this.source.parsed, this.base + startOf(node), this.entities)) {
      const local = localName(name);
      read[name] = local === "String" || local === "DefaultValue" ? value : trimXmlSpace(value);
    }
    out = this.prefixedAttributes ? localAttributes({ ...raw, ...read }) : { ...raw, ...read };
    this.normalizedByNode.set(node, out);
    return out;
  }

  attr(attrs: Attributes, name: string): string | undefined {
    const v = attrs[name];
    if (typeof v !== "string") return undefined;
    return this.restore ? this.restore(v) : v;
  }

  /** A required attribute; a missing one is reported and read as "". */
  req(node: XNode, attrs: Attributes, name: string, element: string, path: string): string {
    const v = attrs[name];
    if (typeof v === "string" && v !== "") return this.restore ? this.restore(v) : v;
    this.diags.error(Codes.missingAttribute, v === "" ? `<${element}> has an empty ${name} attribute` : `<${element}> has no ${name} attribute`, path, this.at(node));
    return "";
  }

  facets(a: Attributes): RawFacets {
    return {
      nullable: this.attr(a, "Nullable"),
      maxLength: this.attr(a, "MaxLength"),
      precision: this.attr(a, "Precision"),
      scale: this.attr(a, "Scale"),
      srid: this.attr(a, "SRID"),
      unicode: this.attr(a, "Unicode"),
    };
  }

  /**
   * An `<edmx:Reference>` (a child of `root`). Its own `<Annotation>`s (CSDL XML §4.1) and an
   * `<edmx:Include>`'s (§4.2: `edm:Annotation` elements) are read with the namespaces declared
   * around them: one of another XML namespace is reported and left out, as in a schema, and so is an
   * expression element of one in them.
   */
  reference(n: XNode, root: XNode): RawReference {
    const a = this.attrs(n);
    this.names.checkAttributes(n, REFERENCE, "Reference", this.names.edmx);
    // Its <Annotation>s are read apart (referenceAnnotations), with the prefixes of EDM's namespace.
    const [includes, includeAnnotations] = this.children(n, ["Include", "IncludeAnnotations"], REFERENCE, "Reference", this.names.edmx);
    return {
      at: this.at(n),
      uri: this.req(n, a, "Uri", "edmx:Reference", "Reference"),
      includes: includes.map((i) => {
        const ia = this.attrs(i);
        this.names.checkAttributes(i, INCLUDE, "Reference/Include", this.names.edmx);
        const annotations = this.referenceAnnotations(i, [root, n, i], INCLUDE, "Reference/Include");
        return { at: this.at(i), namespace: this.req(i, ia, "Namespace", "edmx:Include", "Reference/Include"), alias: this.attr(ia, "Alias"), annotations };
      }),
      includeAnnotations: includeAnnotations.map((i) => {
        this.names.checkAttributes(i, INCLUDE_ANNOTATIONS, "Reference/IncludeAnnotations", this.names.edmx);
        this.names.checkChildren(i, INCLUDE_ANNOTATIONS, "Reference/IncludeAnnotations", this.names.edmx);
        const ia = this.attrs(i);
        return { at: this.at(i), termNamespace: this.attr(ia, "TermNamespace") ?? "", qualifier: this.attr(ia, "Qualifier"), targetNamespace: this.attr(ia, "TargetNamespace") };
      }),
      annotations: this.referenceAnnotations(n, [root, n], REFERENCE, "Reference"),
    };
  }

  /**
   * The `<Annotation>`s of an `<edmx:Reference>` or `<edmx:Include>` (`n`, the last of `scope`, the
   * elements from the root to it), by the namespaces declared there. Another child CSDL does not
   * define inside an include is reported (ODG112); a reference's others are read by `reference`.
   */
  private referenceAnnotations(n: XNode, scope: readonly XNode[], rule: ElementRule, path: string): RawAnnotation[] {
    const annotations: RawAnnotation[] = [];
    const outer = this.names.csdl;
    this.names.csdl = this.names.csdlPrefixes(scope, n);
    for (const child of childNodes(n)) {
      const tag = tagOf(child);
      const local = localName(tag);
      if (local === "Annotation") {
        if (this.isCsdlChild(child, tag, n, this.names.csdl, rule, path)) annotations.push(this.annotation(child, path));
      } else if (rule === INCLUDE) this.names.unknownChild(child, tag, local, n, rule, path, this.names.edmx);
    }
    this.names.csdl = outer;
    return annotations;
  }

  /** The `<Schema>` elements of `<edmx:DataServices>`; `ancestors` are the elements around them, outermost first. */
  schemas(dataServices: XNode, ancestors: readonly XNode[]): RawSchema[] {
    this.names.checkAttributes(dataServices, DATA_SERVICES, "Edmx/DataServices", this.names.edmx);
    this.names.csdl = this.names.edmx;
    return this.children(dataServices, ["Schema"], DATA_SERVICES, "Edmx/DataServices")[0].map((s) => {
      this.checkSchemaNamespace(s, ancestors);
      this.names.csdl = this.names.csdlPrefixes([...ancestors, s], s);
      const schema = this.schema(s);
      this.names.rememberSchema(schema);
      return schema;
    });
  }

  /**
   * A `<Schema>` is an element of the OData EDM namespace (CSDL XML §2.2). One in the namespace of
   * OData V2/V3 CSDL (as SAP's generators write around V4 content) is read as V4 CSDL with an
   * ODG005 warning; one in any other namespace, or none, with an ODG102 warning.
   */
  checkSchemaNamespace(n: XNode, ancestors: readonly XNode[]): void {
    const tag = tagOf(n);
    const colon = tag.indexOf(":");
    const declaration = colon < 0 ? "xmlns" : `xmlns:${tag.slice(0, colon)}`;
    let uri: string | undefined;
    for (const e of [n, ...[...ancestors].reverse()]) {
      const v = (e[":@"] as Attributes | undefined)?.[declaration];
      if (typeof v === "string") {
        uri = this.restore ? this.restore(v) : v;
        break;
      }
    }
    if (uri === EDM_NAMESPACE) return;
    const name = this.attr(this.attrs(n), "Namespace") ?? "Schema";
    if (uri !== undefined && LEGACY_EDM_NAMESPACE.test(uri))
      this.diags.warning(Codes.unsupportedInput, `<Schema> is in the namespace of OData V2/V3 CSDL (${uri}), not OData V4's (${EDM_NAMESPACE}); it is read as OData V4 CSDL`, name, this.at(n));
    else
      this.diags.warning(Codes.invalidAttribute, `<Schema> is ${uri ? `in namespace ${uri}` : "in no XML namespace"}, not in OData's (${EDM_NAMESPACE}: CSDL XML §2.2); it is read as CSDL`, name, this.at(n));
  }

  /**
   * CSDL XML §2.2: `<edmx:Edmx>` is in EDMX's namespace (http://docs.oasis-open.org/odata/ns/edmx).
   * A V4 document whose root is in V2/V3's (`…/ado/2007/06/edmx`, as SAP's generators write), in
   * another (a typo) or in none is read as EDMX all the same, with an ODG005 or ODG102 warning at
   * the root's start tag: what it holds is read by its local names either way. (EDMX 1.0 documents
   * are refused before this, ODG005.)
   */
  checkEdmxNamespace(root: XNode): void {
    const tag = tagOf(root);
    const colon = tag.indexOf(":");
    const v = (root[":@"] as Attributes | undefined)?.[colon < 0 ? "xmlns" : `xmlns:${tag.slice(0, colon)}`];
    const uri = typeof v === "string" ? (this.restore ? this.restore(v) : v) : undefined;
    if (uri === EDMX_NAMESPACE) return;
    const element = `<${tag}>`;
    if (uri !== undefined && LEGACY_EDMX_NAMESPACE.test(uri))
      this.diags.warning(Codes.unsupportedInput, `${element} is in the namespace of OData V2/V3's EDMX (${uri}), not OData V4's (${EDMX_NAMESPACE}); it is read as OData V4 EDMX`, "Edmx", this.at(root));
    else
      this.diags.warning(Codes.invalidAttribute, `${element} is ${uri ? `in namespace ${uri}` : colon < 0 ? "in no XML namespace" : `in no XML namespace (its prefix ${tag.slice(0, colon)} is not declared)`}, not in OData's EDMX namespace (${EDMX_NAMESPACE}: CSDL XML §2.2); it is read as EDMX`, "Edmx", this.at(root));
  }

  schema(n: XNode): RawSchema {
    const a = this.attrs(n);
    const ns = this.req(n, a, "Namespace", "Schema", "Schema");
    const p = (name: string) => `${ns}.${name}`;
    this.names.checkAttributes(n, SCHEMA, ns);
    const [entityTypes, complexTypes, enumTypes, typeDefinitions, actions, functions, terms, containers,
      annotationGroups, annotations] = this.children(n, SCHEMA_CHILDREN, SCHEMA, ns);
    return {
      at: this.at(n),
      namespace: ns,
      alias: this.attr(a, "Alias"),
      entityTypes: entityTypes.map((x) => this.structured(x, "EntityType", ns)),
      complexTypes: complexTypes.map((x) => this.structured(x, "ComplexType", ns)),
      enumTypes: enumTypes.map((x) => this.enumType(x, ns)),
      typeDefinitions: typeDefinitions.map((x) => {
        const xa = this.attrs(x);
        const name = this.req(x, xa, "Name", "TypeDefinition", ns);
        this.names.checkAttributes(x, TYPE_DEFINITION, p(name));
        return {
          at: this.at(x),
          name,
          underlyingType: this.req(x, xa, "UnderlyingType", "TypeDefinition", p(name)),
          ...this.facets(xa),
          annotations: this.annotations(x, TYPE_DEFINITION, p(name)),
        };
      }),
      actions: actions.map((x) => this.operation(x, "action", ns)),
      functions: functions.map((x) => this.operation(x, "function", ns)),
      terms: terms.map((x) => {
        const xa = this.attrs(x);
        const name = this.req(x, xa, "Name", "Term", ns);
        this.names.checkAttributes(x, TERM, p(name));
        return {
          at: this.at(x),
          name,
          type: this.req(x, xa, "Type", "Term", p(name)),
          baseTerm: this.attr(xa, "BaseTerm"),
          appliesTo: this.attr(xa, "AppliesTo"),
          defaultValue: this.attr(xa, "DefaultValue"),
          ...this.facets(xa),
          annotations: this.annotations(x, TERM, p(name)),
        };
      }),
      containers: containers.map((x) => this.container(x, ns)),
      annotationGroups: annotationGroups.map((x) => this.annotationGroup(x, ns)),
      annotations: annotations.map((x) => this.annotation(x, ns)),
    };
  }

  annotationGroup(x: XNode, ns: string): RawAnnotationGroup {
    const xa = this.attrs(x);
    const target = this.req(x, xa, "Target", "Annotations", ns);
    this.names.checkAttributes(x, ANNOTATIONS, target || ns);
    return {
      at: this.at(x),
      target,
      qualifier: this.attr(xa, "Qualifier"),
      annotations: this.annotations(x, ANNOTATIONS, target || ns),
    };
  }

  structured(n: XNode, element: "EntityType" | "ComplexType", ns: string): RawStructuredType {
    const a = this.attrs(n);
    const name = this.req(n, a, "Name", element, ns);
    const rule = ruleOf(element);
    this.names.checkAttributes(n, rule, `${ns}.${name}`);
    return {
      at: this.at(n),
      name,
      baseType: this.attr(a, "BaseType"),
      abstract: this.attr(a, "Abstract"),
      openType: this.attr(a, "OpenType"),
      hasStream: this.attr(a, "HasStream"),
      ...this.members(n, `${ns}.${name}`, rule),
    };
  }

  /** The members among a structured type's children (`path` is the type's qualified name). */
  members(n: XNode, path: string, rule: ElementRule): Pick<RawStructuredType, "key" | "properties" | "navigationProperties" | "annotations"> {
    const [keys, properties, navigationProperties, annotations] = this.children(n, STRUCTURED_CHILDREN, rule, path);
    // A complex type has no key (CSDL §9): one is read but nothing uses it.
    if (!rule.children.has("Key")) for (const k of keys) this.names.unknownChild(k, tagOf(k), "Key", n, rule, path);
    else this.atMostOne(keys, "Key", `${path}/Key`, "an entity type has at most one key (CSDL XML 4.01 §6.5); which one the service means is not known");
    return {
      key: keys.length > 0
        ? this.children(keys[0], ["PropertyRef"], KEY, `${path}/Key`)[0].map((k) => {
            const ka = this.attrs(k);
            this.names.checkAttributes(k, PROPERTY_REF, `${path}/Key`);
            return { name: this.req(k, ka, "Name", "PropertyRef", `${path}/Key`), alias: this.attr(ka, "Alias"), at: this.at(k) };
          })
        : undefined,
      properties: properties.map((x): RawProperty => {
        const xa = this.attrs(x);
        const propertyPath = `${path}/${this.attr(xa, "Name") ?? "?"}`;
        this.names.checkAttributes(x, PROPERTY, propertyPath);
        return {
          at: this.at(x),
          name: this.req(x, xa, "Name", "Property", path),
          type: this.req(x, xa, "Type", "Property", propertyPath),
          defaultValue: this.attr(xa, "DefaultValue"),
          ...this.facets(xa),
          annotations: this.annotations(x, PROPERTY, propertyPath),
        };
      }),
      navigationProperties: navigationProperties.map((x) => {
        const xa = this.attrs(x);
        const navPath = `${path}/${this.attr(xa, "Name") ?? "?"}`;
        this.names.checkAttributes(x, NAVIGATION_PROPERTY, navPath);
        const [constraints, navAnnotations, onDelete] = this.children(x, ["ReferentialConstraint", "Annotation", "OnDelete"], NAVIGATION_PROPERTY, navPath);
        for (const od of onDelete) {
          const action = this.attr(this.attrs(od), "Action");
          if (action !== undefined) checkOnDelete(this.diags, `<OnDelete Action=${JSON.stringify(action)}/>`, action, navPath, this.at(od));
        }
        const nav: RawNavigationProperty = {
          at: this.at(x),
          name: this.req(x, xa, "Name", "NavigationProperty", path),
          type: this.req(x, xa, "Type", "NavigationProperty", navPath),
          nullable: this.attr(xa, "Nullable"),
          partner: this.attr(xa, "Partner"),
          containsTarget: this.attr(xa, "ContainsTarget"),
          annotations: navAnnotations.map((y) => this.annotation(y, navPath)),
        };
        if (constraints.length) {
          nav.constraints = constraints.map((c) => {
            const ca = this.attrs(c);
            this.names.checkAttributes(c, REFERENTIAL_CONSTRAINT, navPath);
            return {
              at: this.at(c),
              property: this.req(c, ca, "Property", "ReferentialConstraint", navPath),
              referencedProperty: this.req(c, ca, "ReferencedProperty", "ReferentialConstraint", navPath),
            };
          });
        }
        return nav;
      }),
      annotations: annotations.map((x) => this.annotation(x, path)),
    };
  }

  enumType(n: XNode, ns: string): RawEnumType {
    const a = this.attrs(n);
    const name = this.req(n, a, "Name", "EnumType", ns);
    this.names.checkAttributes(n, ENUM_TYPE, `${ns}.${name}`);
    return {
      at: this.at(n),
      name,
      underlyingType: this.attr(a, "UnderlyingType"),
      isFlags: this.attr(a, "IsFlags"),
      ...this.enumContent(n, `${ns}.${name}`),
    };
  }

  /** An enum type's members and annotations (`path` is its qualified name). */
  enumContent(n: XNode, path: string): Pick<RawEnumType, "members" | "annotations"> {
    const [members, annotations] = this.children(n, ["Member", "Annotation"], ENUM_TYPE, path);
    return {
      members: members.map((m) => {
        const ma = this.attrs(m);
        const memberPath = `${path}/${this.attr(ma, "Name") ?? "?"}`;
        this.names.checkAttributes(m, MEMBER, memberPath);
        return {
          at: this.at(m),
          name: this.req(m, ma, "Name", "Member", path),
          value: this.attr(ma, "Value"),
          annotations: this.annotations(m, MEMBER, memberPath),
        };
      }),
      annotations: annotations.map((x) => this.annotation(x, path)),
    };
  }

  operation(n: XNode, kind: "action" | "function", ns: string): RawOperation {
    const a = this.attrs(n);
    const name = this.req(n, a, "Name", kind === "action" ? "Action" : "Function", ns);
    const rule = ruleOf(kind === "action" ? "Action" : "Function");
    this.names.checkAttributes(n, rule, `${ns}.${name}`);
    return {
      at: this.at(n),
      kind,
      name,
      isBound: this.attr(a, "IsBound"),
      isComposable: this.attr(a, "IsComposable"),
      entitySetPath: this.attr(a, "EntitySetPath"),
      ...this.operationContent(n, `${ns}.${name}`, rule),
    };
  }

  /** An operation's parameters, return type and annotations (`path` is its qualified name). */
  operationContent(n: XNode, path: string, rule: ElementRule): Pick<RawOperation, "parameters" | "returnType" | "annotations"> {
    const [parameters, returnTypes, annotations] = this.children(n, OPERATION_CHILDREN, rule, path);
    this.atMostOne(returnTypes, "ReturnType", `${path}/$ReturnType`, "an action or function returns at most one type (CSDL XML 4.01 §12.8); which one the service means is not known");
    const ret = returnTypes[0];
    const retAttrs = ret && this.attrs(ret);
    if (ret) this.names.checkAttributes(ret, RETURN_TYPE, `${path}/$ReturnType`);
    return {
      parameters: parameters.map((p) => {
        const pa = this.attrs(p);
        const parameterPath = `${path}/${this.attr(pa, "Name") ?? "?"}`;
        this.names.checkAttributes(p, PARAMETER, parameterPath);
        return {
          at: this.at(p),
          name: this.req(p, pa, "Name", "Parameter", path),
          type: this.req(p, pa, "Type", "Parameter", parameterPath),
          ...this.facets(pa),
          annotations: this.annotations(p, PARAMETER, parameterPath),
        };
      }),
      returnType: ret && retAttrs
        ? {
            at: this.at(ret),
            type: this.req(ret, retAttrs, "Type", "ReturnType", `${path}/$ReturnType`),
            ...this.facets(retAttrs),
            annotations: this.annotations(ret, RETURN_TYPE, `${path}/$ReturnType`),
          }
        : undefined,
      annotations: annotations.map((x) => this.annotation(x, path)),
    };
  }

  /**
   * CSDL lets an element hold at most one of some children (a `<Key>`, a `<ReturnType>`): each one
   * after the first is an error at its place, rather than left out unsaid, as a member given twice
   * in one CSDL JSON object is.
   */
  atMostOne(children: readonly XNode[], element: string, path: string, why: string): void {
    for (const again of children.slice(1)) {
      this.diags.error(Codes.duplicateName, `a second <${element}>, the first at ${placeOf(this.at(children[0]!))}: ${why}; keep one`, path, this.at(again));
    }
  }

  bindings(bindings: readonly XNode[], path: string): RawNavigationBinding[] {
    return bindings.map((b) => {
      const ba = this.attrs(b);
      this.names.checkAttributes(b, NAVIGATION_PROPERTY_BINDING, path);
      this.names.checkChildren(b, NAVIGATION_PROPERTY_BINDING, path);
      return {
        at: this.at(b),
        path: this.req(b, ba, "Path", "NavigationPropertyBinding", path),
        target: this.req(b, ba, "Target", "NavigationPropertyBinding", path),
      };
    });
  }

  container(n: XNode, ns: string): RawEntityContainer {
    const a = this.attrs(n);
    const name = this.req(n, a, "Name", "EntityContainer", ns);
    const path = `${ns}.${name}`;
    this.names.checkAttributes(n, ENTITY_CONTAINER, path);
    const [entitySets, singletons, actionImports, functionImports, annotations] = this.children(n, CONTAINER_CHILDREN, ENTITY_CONTAINER, path);
    const imports = (list: readonly XNode[], tag: "ActionImport" | "FunctionImport", kind: "action" | "function") =>
      list.map((x) => {
        const xa = this.attrs(x);
        const importPath = `${path}/${this.attr(xa, "Name") ?? "?"}`;
        const rule = kind === "action" ? ACTION_IMPORT : FUNCTION_IMPORT;
        this.names.checkAttributes(x, rule, importPath);
        return {
          at: this.at(x),
          kind,
          name: this.req(x, xa, "Name", tag, path),
          operation: this.req(x, xa, kind === "action" ? "Action" : "Function", tag, importPath),
          entitySet: this.attr(xa, "EntitySet"),
          includeInServiceDocument: this.attr(xa, "IncludeInServiceDocument"),
          annotations: this.annotations(x, rule, importPath),
        };
      });
    return {
      at: this.at(n),
      name,
      extends: this.attr(a, "Extends"),
      entitySets: entitySets.map((x) => {
        const xa = this.attrs(x);
        const setName = this.req(x, xa, "Name", "EntitySet", path);
        this.names.checkAttributes(x, ENTITY_SET, `${path}/${setName}`);
        const [bindings, setAnnotations] = this.children(x, SOURCE_CHILDREN, ENTITY_SET, `${path}/${setName}`);
        return {
          at: this.at(x),
          name: setName,
          entityType: this.req(x, xa, "EntityType", "EntitySet", `${path}/${setName}`),
          includeInServiceDocument: this.attr(xa, "IncludeInServiceDocument"),
          bindings: this.bindings(bindings, `${path}/${setName}`),
          annotations: setAnnotations.map((y) => this.annotation(y, `${path}/${setName}`)),
        };
      }),
      singletons: singletons.map((x) => {
        const xa = this.attrs(x);
        const sName = this.req(x, xa, "Name", "Singleton", path);
        this.names.checkAttributes(x, SINGLETON, `${path}/${sName}`);
        const [bindings, singletonAnnotations] = this.children(x, SOURCE_CHILDREN, SINGLETON, `${path}/${sName}`);
        return {
          at: this.at(x),
          name: sName,
          type: this.req(x, xa, "Type", "Singleton", `${path}/${sName}`),
          nullable: this.attr(xa, "Nullable"),
          bindings: this.bindings(bindings, `${path}/${sName}`),
          annotations: singletonAnnotations.map((y) => this.annotation(y, `${path}/${sName}`)),
        };
      }),
      imports: [...imports(actionImports, "ActionImport", "action"), ...imports(functionImports, "FunctionImport", "function")],
      annotations: annotations.map((x) => this.annotation(x, path)),
    };
  }

  /**
   * The `<Annotation>` children of an element (`rule`) that has no other children to read; `path`
   * names the element. Another child CSDL does not define there is reported (ODG112). `children`
   * with one name, in a loop of its own: on every property of a 3.5 MB document, grouping first
   * made parsing measurably slower.
   */
  annotations(n: XNode, rule: ElementRule, path: string): RawAnnotation[] {
    const out: RawAnnotation[] = [];
    for (const child of childNodes(n)) {
      const tag = tagOf(child);
      const local = localName(tag);
      if (local === "Annotation") {
        if (this.isCsdlChild(child, tag, n, this.names.csdl, rule, path)) out.push(this.annotation(child, path));
      } else if (!rule.children.has(local)) this.names.unknownChild(child, tag, local, n, rule, path);
    }
    return out;
  }

  /** An `<Annotation>` of the element `path` names (diagnostics name it `path/@Term`, as a CSDL target path does). */
  annotation(n: XNode, path: string): RawAnnotation {
    const a = this.attrs(n);
    const term = this.attr(a, "Term") ?? "";
    const at = `${path}/@${term}`;
    this.names.checkAttributes(n, ANNOTATION, at);
    const raw: RawAnnotation = {
      at: this.at(n),
      term,
      qualifier: this.attr(a, "Qualifier"),
      value: this.expression(n, a, ANNOTATION, at),
    };
    // Annotations of the annotation (CSDL §14.3: an `<Annotation>` may contain `<Annotation>`s).
    for (const child of childNodes(n)) {
      const tag = tagOf(child);
      if (localName(tag) === "Annotation" && this.isCsdlChild(child, tag, n, this.names.csdl, ANNOTATION, at)) (raw.annotations ??= []).push(this.annotation(child, at));
    }
    return raw;
  }

  /**
   * The value of an annotation or property value (`rule`): an attribute form or a child element (CSDL XML
   * §14.3–14.4); when it gives several, the one of lowest rank (see ELEMENT_RANK). An expression
   * element of another XML namespace (`<x:String xmlns:x="urn:vendor">`) is reported and left out
   * (isCsdlChild, CSDL XML §2.2), as elsewhere.
   */
  expression(n: XNode, a: Attributes, rule: ElementRule, path: string): RawExpression | undefined {
    let best: XNode | undefined;
    let bestName = "";
    let bestRank = Infinity;
    for (const child of childNodes(n)) {
      const tag = tagOf(child);
      const name = localName(tag);
      const rank = ELEMENT_RANK.get(name);
      if (rank === undefined) {
        if (!rule.children.has(name)) this.names.unknownChild(child, tag, name, n, rule, path);
      } else if (this.isCsdlChild(child, tag, n, this.names.csdl, rule, path) && rank < bestRank) {
        best = child;
        bestName = name;
        bestRank = rank;
      }
    }
    for (let k = 0; k < VALUE_ATTRIBUTES.length && 2 * k < bestRank; k++) {
      const type = VALUE_ATTRIBUTES[k];
      const value = this.attr(a, type);
      if (value !== undefined) return { kind: k < CONSTANTS.length ? "constant" : "path", type, value };
    }
    return best && this.item(best, bestName, path);
  }

  /**
   * An expression written as an element: a collection item, an operand, or a value's element form
   * (undefined for one this reader does not read); `path` names the annotation it is in.
   */
  item(n: XNode, name: string, path: string): RawExpression | undefined {
    const rule = EXPRESSION_RULES.get(name);
    if (rule) this.names.checkAttributes(n, rule, path);
    if (CONSTANT_SET.has(name)) return { kind: "constant", type: name, value: this.textIn(n, name, rule, path) };
    if (PATH_SET.has(name)) return { kind: "path", type: name, value: this.textIn(n, name, rule, path) };
    if (name === "Record") return this.record(n, path);
    if (name === "Collection") return { kind: "collection", items: this.items(n, COLLECTION, path) };
    if (name === "Null") {
      this.names.checkChildren(n, NULL, path);
      return { kind: "null" };
    }
    if (rule && DYNAMIC_SET.has(name)) return { kind: "dynamic", name, operands: this.items(n, rule, path) };
    return undefined;
  }

  /**
   * The text of a constant or path expression (`name`), read from the document (wholeText). A
   * `String`'s is all of its text: `xs:string` in CSDL's XML schema keeps whitespace, and the spec's
   * own `odata.concat` example writes `<String> (</String>` (CSDL XML §14.4.4). Any other's (a
   * number, boolean, date, enum member or path, whose schema types collapse whitespace) has XML's
   * whitespace (XML 1.0 §2.3 `S`: space, tab, CR, LF) trimmed off its ends, and only that: not a
   * no-break space, which the parser's trim takes too. A child element is reported (ODG112); the
   * parser's reading of the text (its runs joined) stands then.
   */
  textIn(n: XNode, name: string, rule: ElementRule | undefined, path: string): string {
    let element = false;
    for (const child of childNodes(n)) {
      const tag = tagOf(child);
      if (!isElementTag(tag)) continue;
      element = true;
      if (rule) this.names.unknownChild(child, tag, localName(tag), n, rule, path);
    }
    let out = element ? undefined : this.wholeText(this.base + startOf(n), name !== "String");
    if (out === undefined) {
      out = "";
      for (const child of childNodes(n)) if (typeof child["#text"] === "string") out += child["#text"];
    }
    return this.restore ? this.restore(out) : out;
  }

  /**
   * The content of the element whose start tag is at `start`, read from the document: text with its
   * references expanded and CDATA sections as written, line ends as XML reads them (a line feed),
   * comments and processing instructions left out; with `trim`, XML's whitespace trimmed off its
   * ends. Undefined when an element is inside.
   */
  private wholeText(start: number, trim: boolean): string | undefined {
    const t = this.source.parsed;
    let i = start + 1;
    for (let quote = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e) break;
    }
    if (t.charCodeAt(i - 1) === 0x2f) return ""; // an empty-element tag, `<String/>`
    let out = "";
    for (i++; ;) {
      const lt = t.indexOf("<", i);
      if (lt < 0) return undefined;
      // XML 1.0 §2.11: a CR LF pair or a lone CR in the document is a line feed (one written `&#13;` stays a CR).
      out += expandReferences(t.slice(i, lt).replace(LINE_END, "\n"), this.entities);
      if (t.startsWith("<![CDATA[", lt)) {
        const end = t.indexOf("]]>", lt + 9);
        out += t.slice(lt + 9, end).replace(LINE_END, "\n");
        i = end + 3;
      } else if (t.startsWith("<!--", lt)) i = t.indexOf("-->", lt + 4) + 3;
      else if (t.startsWith("<?", lt)) i = t.indexOf("?>", lt + 2) + 2;
      else if (!t.startsWith("</", lt)) return undefined;
      else return trim ? trimXmlSpace(out) : out;
    }
  }

  record(n: XNode, path: string): RawExpression {
    return {
      kind: "record",
      type: this.attr(this.attrs(n), "Type"),
      properties: this.children(n, ["PropertyValue"], RECORD, path)[0].map((pv) => {
        const pa = this.attrs(pv);
        this.names.checkAttributes(pv, PROPERTY_VALUE, path);
        return { name: this.attr(pa, "Property") ?? "", value: this.expression(pv, pa, PROPERTY_VALUE, path) ?? { kind: "null" } };
      }),
    };
  }

  /** The expressions among an element's (`rule`) children, in document order (collection items, operands). */
  items(n: XNode, rule: ElementRule, path: string): RawExpression[] {
    const out: RawExpression[] = [];
    for (const child of childNodes(n)) {
      const tag = tagOf(child);
      if (!isElementTag(tag)) continue;
      const local = localName(tag);
      // An expression element of another XML namespace is that vocabulary's: reported and left out.
      if (ELEMENT_RANK.has(local) && !this.isCsdlChild(child, tag, n, this.names.csdl, rule, path)) continue;
      const x = this.item(child, local, path);
      if (x) out.push(x);
      else if (!rule.children.has(local)) this.names.unknownChild(child, tag, local, n, rule, path);
    }
    return out;
  }
}
