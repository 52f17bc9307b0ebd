/**
 * Reads CSDL XML (OData 4.0/4.01 `$metadata`) into raw CSDL. fast-xml-parser's untyped output is
 * normalised here, once; element start offsets are kept for diagnostics.
 */
import { XMLParser } from "fast-xml-parser";
import { Codes, type DiagnosticBag, type SourceRef } from "../diagnostics";
import { SourceText, stripBom } from "./source";
import { startWellFormedCheck } from "./well-formed";
import { elementPathAt } from "./element-path";
import type {
  RawAnnotation,
  RawAnnotationGroup,
  RawDocument,
  RawEntityContainer,
  RawEnumType,
  RawExpression,
  RawFacets,
  RawNavigationBinding,
  RawOperation,
  RawProperty,
  RawReference,
  RawSchema,
  RawStructuredType,
} from "./raw";

/** Elements that may repeat: always read as arrays. */
const REPEATED = new Set([
  "Reference", "Include", "IncludeAnnotations", "Schema", "EntityType", "ComplexType", "EnumType",
  "TypeDefinition", "Action", "Function", "Term", "EntityContainer", "Annotations", "Annotation",
  "Property", "NavigationProperty", "PropertyRef", "Member", "Parameter", "ReturnType", "EntitySet",
  "Singleton", "ActionImport", "FunctionImport", "NavigationPropertyBinding", "ReferentialConstraint",
  "OnDelete", "PropertyValue", "Record", "Collection", "String", "Path", "Bool", "Int", "Float",
  "Decimal", "Date", "DateTimeOffset", "Duration", "Guid", "TimeOfDay", "EnumMember", "Binary",
  "PropertyPath", "NavigationPropertyPath", "AnnotationPath", "ModelElementPath", "Null", "If", "Apply",
  "Cast", "IsOf", "LabeledElement", "LabeledElementReference", "UrlRef", "And", "Or", "Not", "Eq", "Ne",
  "Gt", "Ge", "Lt", "Le", "Has", "In",
]);

/** Constant expression elements and attributes (CSDL XML §14.3). */
const CONSTANTS = ["String", "Bool", "Int", "Float", "Decimal", "Date", "DateTimeOffset", "Duration", "Guid",
  "TimeOfDay", "EnumMember", "Binary"] as const;
const PATHS = ["Path", "PropertyPath", "NavigationPropertyPath", "AnnotationPath", "ModelElementPath"] as const;
const DYNAMIC = ["If", "Apply", "Cast", "IsOf", "LabeledElement", "LabeledElementReference", "UrlRef", "And",
  "Or", "Not", "Eq", "Ne", "Gt", "Ge", "Lt", "Le", "Has", "In"] as const;

type XNode = Record<string, unknown>;

let parser: XMLParser | undefined;
function getParser(): XMLParser {
  return (parser ??= new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    removeNSPrefix: true,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
    captureMetaData: true,
    maxNestedTags: 256,
    isArray: (name) => REPEATED.has(name),
  }));
}
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/**
 * Parses one CSDL XML document. Problems are added to `diags`; the result is undefined when the
 * document cannot be read at all (not well-formed, not EDMX, no schema).
 */
export function readCsdlXml(file: string, content: string, diags: DiagnosticBag): RawDocument | undefined {
  const source = new SourceText(file, stripBom(content));
  const text = source.text;
  // The well-formedness check runs beside the parse; a malformed document's parse is discarded.
  const wellFormed = startWellFormedCheck(text);
  let root: XNode | undefined;
  let parseError: Error | undefined;
  try {
    root = getParser().parse(text) as XNode;
  } catch (e) {
    parseError = e as Error;
  }
  const malformed = wellFormed();
  if (malformed) {
    const { line, col, msg } = malformed;
    const offset = source.offsetOf(Number(line) || 1, Number(col) || 1);
    diags.error(Codes.xmlMalformed, `not well-formed XML: ${msg}`, elementPathAt(text, offset) || "(document)", { source, offset });
    return undefined;
  }
  if (!root) {
    diags.error(Codes.xmlMalformed, `cannot read XML: ${parseError?.message}`, "", { source, offset: 0 });
    return undefined;
  }
  const edmx = root["Edmx"];
  if (!isNode(edmx)) {
    const first = Object.keys(root).find((k) => !k.startsWith("?"));
    diags.error(Codes.notCsdl, `expected an <edmx:Edmx> root element, found ${first ? `<${first}>` : "no element"}`,
      "", { source, offset: 0 });
    return undefined;
  }
  const r = new Reader(source, diags);
  const at = r.at(edmx);
  const dataServices = edmx["DataServices"];
  const schemas = isNode(dataServices) ? r.list(dataServices, "Schema").map((s) => r.schema(s)) : [];
  if (schemas.length === 0) {
    diags.error(Codes.noSchema, "the document has no <Schema> inside <edmx:DataServices>", "Edmx", at);
    return undefined;
  }
  return {
    file,
    version: str(edmx["@Version"]) ?? "4.0",
    references: r.list(edmx, "Reference").map((x) => r.reference(x)),
    schemas,
  };
}

function isNode(x: unknown): x is XNode {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function str(x: unknown): string | undefined {
  return typeof x === "string" ? x : undefined;
}

class Reader {
  constructor(
    readonly source: SourceText,
    readonly diags: DiagnosticBag,
  ) {}

  at(node: XNode): SourceRef {
    const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
    return { source: this.source, offset: meta?.startIndex ?? 0 };
  }

  /** Child elements with this tag, as nodes (an empty element reads as ""; it becomes `{}`). */
  list(node: XNode, tag: string): XNode[] {
    const v = node[tag];
    if (v === undefined) return [];
    const arr = Array.isArray(v) ? v : [v];
    return arr.map((x) => (isNode(x) ? x : typeof x === "string" && x !== "" ? { "#text": x } : {}));
  }

  /** A required attribute; a missing one is reported and read as "". */
  req(node: XNode, attr: string, element: string, path: string): string {
    const v = str(node["@" + attr]);
    if (v === undefined) {
      this.diags.error(Codes.missingAttribute, `<${element}> has no ${attr} attribute`, path, this.at(node));
      return "";
    }
    return v;
  }

  facets(n: XNode): RawFacets {
    return {
      nullable: str(n["@Nullable"]),
      maxLength: str(n["@MaxLength"]),
      precision: str(n["@Precision"]),
      scale: str(n["@Scale"]),
      srid: str(n["@SRID"]),
      unicode: str(n["@Unicode"]),
    };
  }

  reference(n: XNode): RawReference {
    return {
      at: this.at(n),
      uri: this.req(n, "Uri", "edmx:Reference", "Reference"),
      includes: this.list(n, "Include").map((i) => ({
        namespace: this.req(i, "Namespace", "edmx:Include", "Reference/Include"),
        alias: str(i["@Alias"]),
      })),
    };
  }

  schema(n: XNode): RawSchema {
    const ns = this.req(n, "Namespace", "Schema", "Schema");
    const p = (name: string) => `${ns}.${name}`;
    return {
      at: this.at(n),
      namespace: ns,
      alias: str(n["@Alias"]),
      entityTypes: this.list(n, "EntityType").map((x) => this.structured(x, "EntityType", ns)),
      complexTypes: this.list(n, "ComplexType").map((x) => this.structured(x, "ComplexType", ns)),
      enumTypes: this.list(n, "EnumType").map((x) => this.enumType(x, ns)),
      typeDefinitions: this.list(n, "TypeDefinition").map((x) => {
        const name = this.req(x, "Name", "TypeDefinition", ns);
        return {
          at: this.at(x),
          name,
          underlyingType: this.req(x, "UnderlyingType", "TypeDefinition", p(name)),
          ...this.facets(x),
          annotations: this.annotations(x),
        };
      }),
      actions: this.list(n, "Action").map((x) => this.operation(x, "action", ns)),
      functions: this.list(n, "Function").map((x) => this.operation(x, "function", ns)),
      terms: this.list(n, "Term").map((x) => {
        const name = this.req(x, "Name", "Term", ns);
        return {
          at: this.at(x),
          name,
          type: this.req(x, "Type", "Term", p(name)),
          baseTerm: str(x["@BaseTerm"]),
          appliesTo: str(x["@AppliesTo"]),
          defaultValue: str(x["@DefaultValue"]),
          ...this.facets(x),
          annotations: this.annotations(x),
        };
      }),
      containers: this.list(n, "EntityContainer").map((x) => this.container(x, ns)),
      annotationGroups: this.list(n, "Annotations").map((x): RawAnnotationGroup => ({
        at: this.at(x),
        target: this.req(x, "Target", "Annotations", ns),
        qualifier: str(x["@Qualifier"]),
        annotations: this.annotations(x),
      })),
      annotations: this.annotations(n),
    };
  }

  structured(n: XNode, element: string, ns: string): RawStructuredType {
    const name = this.req(n, "Name", element, ns);
    const path = `${ns}.${name}`;
    const keyNode = this.list(n, "Key")[0];
    return {
      at: this.at(n),
      name,
      baseType: str(n["@BaseType"]),
      abstract: str(n["@Abstract"]),
      openType: str(n["@OpenType"]),
      hasStream: str(n["@HasStream"]),
      key: keyNode
        ? this.list(keyNode, "PropertyRef").map((k) => ({
            name: this.req(k, "Name", "PropertyRef", `${path}/Key`),
            alias: str(k["@Alias"]),
            at: this.at(k),
          }))
        : undefined,
      properties: this.list(n, "Property").map((x): RawProperty => ({
        at: this.at(x),
        name: this.req(x, "Name", "Property", path),
        type: this.req(x, "Type", "Property", `${path}/${str(x["@Name"]) ?? "?"}`),
        defaultValue: str(x["@DefaultValue"]),
        ...this.facets(x),
        annotations: this.annotations(x),
      })),
      navigationProperties: this.list(n, "NavigationProperty").map((x) => ({
        at: this.at(x),
        name: this.req(x, "Name", "NavigationProperty", path),
        type: this.req(x, "Type", "NavigationProperty", `${path}/${str(x["@Name"]) ?? "?"}`),
        nullable: str(x["@Nullable"]),
        partner: str(x["@Partner"]),
        containsTarget: str(x["@ContainsTarget"]),
        annotations: this.annotations(x),
      })),
      annotations: this.annotations(n),
    };
  }

  enumType(n: XNode, ns: string): RawEnumType {
    const name = this.req(n, "Name", "EnumType", ns);
    return {
      at: this.at(n),
      name,
      underlyingType: str(n["@UnderlyingType"]),
      isFlags: str(n["@IsFlags"]),
      members: this.list(n, "Member").map((m) => ({
        at: this.at(m),
        name: this.req(m, "Name", "Member", `${ns}.${name}`),
        value: str(m["@Value"]),
        annotations: this.annotations(m),
      })),
      annotations: this.annotations(n),
    };
  }

  operation(n: XNode, kind: "action" | "function", ns: string): RawOperation {
    const name = this.req(n, "Name", kind === "action" ? "Action" : "Function", ns);
    const path = `${ns}.${name}`;
    const ret = this.list(n, "ReturnType")[0];
    return {
      at: this.at(n),
      kind,
      name,
      isBound: str(n["@IsBound"]),
      isComposable: str(n["@IsComposable"]),
      entitySetPath: str(n["@EntitySetPath"]),
      parameters: this.list(n, "Parameter").map((p) => ({
        at: this.at(p),
        name: this.req(p, "Name", "Parameter", path),
        type: this.req(p, "Type", "Parameter", `${path}/${str(p["@Name"]) ?? "?"}`),
        ...this.facets(p),
        annotations: this.annotations(p),
      })),
      returnType: ret
        ? { at: this.at(ret), type: this.req(ret, "Type", "ReturnType", `${path}/$ReturnType`), ...this.facets(ret) }
        : undefined,
      annotations: this.annotations(n),
    };
  }

  bindings(n: XNode, path: string): RawNavigationBinding[] {
    return this.list(n, "NavigationPropertyBinding").map((b) => ({
      at: this.at(b),
      path: this.req(b, "Path", "NavigationPropertyBinding", path),
      target: this.req(b, "Target", "NavigationPropertyBinding", path),
    }));
  }

  container(n: XNode, ns: string): RawEntityContainer {
    const name = this.req(n, "Name", "EntityContainer", ns);
    const path = `${ns}.${name}`;
    const imports = (tag: "ActionImport" | "FunctionImport", kind: "action" | "function") =>
      this.list(n, tag).map((x) => ({
        at: this.at(x),
        kind,
        name: this.req(x, "Name", tag, path),
        operation: this.req(x, kind === "action" ? "Action" : "Function", tag, `${path}/${str(x["@Name"]) ?? "?"}`),
        entitySet: str(x["@EntitySet"]),
        includeInServiceDocument: str(x["@IncludeInServiceDocument"]),
        annotations: this.annotations(x),
      }));
    return {
      at: this.at(n),
      name,
      extends: str(n["@Extends"]),
      entitySets: this.list(n, "EntitySet").map((x) => {
        const setName = this.req(x, "Name", "EntitySet", path);
        return {
          at: this.at(x),
          name: setName,
          entityType: this.req(x, "EntityType", "EntitySet", `${path}/${setName}`),
          includeInServiceDocument: str(x["@IncludeInServiceDocument"]),
          bindings: this.bindings(x, `${path}/${setName}`),
          annotations: this.annotations(x),
        };
      }),
      singletons: this.list(n, "Singleton").map((x) => {
        const sName = this.req(x, "Name", "Singleton", path);
        return {
          at: this.at(x),
          name: sName,
          type: this.req(x, "Type", "Singleton", `${path}/${sName}`),
          bindings: this.bindings(x, `${path}/${sName}`),
          annotations: this.annotations(x),
        };
      }),
      imports: [...imports("ActionImport", "action"), ...imports("FunctionImport", "function")],
      annotations: this.annotations(n),
    };
  }

  annotations(n: XNode): RawAnnotation[] {
    const items = n["Annotation"];
    if (items === undefined) return [];
    return this.list(n, "Annotation").map((a) => ({
      at: this.at(a),
      term: str(a["@Term"]) ?? "",
      qualifier: str(a["@Qualifier"]),
      value: this.expression(a),
    }));
  }

  /** The value of an annotation or property value: an attribute form or a child element (CSDL XML §14.3–14.4). */
  expression(n: XNode): RawExpression | undefined {
    for (const c of CONSTANTS) {
      const attr = str(n["@" + c]);
      if (attr !== undefined) return { kind: "constant", type: c, value: attr };
      const el = n[c];
      if (el !== undefined) return this.constantElement(c, el);
    }
    for (const p of PATHS) {
      const attr = str(n["@" + p]);
      if (attr !== undefined) return { kind: "path", type: p, value: attr };
      const el = n[p];
      if (el !== undefined) return { kind: "path", type: p, value: text(first(el)) };
    }
    const rec = this.list(n, "Record")[0];
    if (rec) return this.record(rec);
    const coll = this.list(n, "Collection")[0];
    if (coll) return this.collection(coll);
    if (n["Null"] !== undefined) return { kind: "null" };
    for (const d of DYNAMIC) {
      const el = this.list(n, d)[0];
      if (el) return { kind: "dynamic", name: d, operands: this.operands(el) };
    }
    return undefined;
  }

  constantElement(type: string, el: unknown): RawExpression {
    return { kind: "constant", type, value: text(first(el)) };
  }

  record(r: XNode): RawExpression {
    return {
      kind: "record",
      type: str(r["@Type"]),
      properties: this.list(r, "PropertyValue").map((pv) => ({
        name: str(pv["@Property"]) ?? "",
        value: this.expression(pv) ?? { kind: "null" },
      })),
    };
  }

  /** Collection items; without `preserveOrder` items of different kinds are grouped by kind. */
  collection(c: XNode): RawExpression {
    const items: RawExpression[] = [];
    for (const key of Object.keys(c)) {
      if (key.startsWith("@") || key === "#text") continue;
      for (const item of this.list(c, key)) {
        const wrapped: XNode = { [key]: [item] };
        const e = this.expression(wrapped);
        if (e) items.push(e);
      }
    }
    return { kind: "collection", items };
  }

  operands(el: XNode): RawExpression[] {
    const out: RawExpression[] = [];
    for (const key of Object.keys(el)) {
      if (key.startsWith("@") || key === "#text") continue;
      for (const item of this.list(el, key)) {
        const e = this.expression({ [key]: [item] });
        if (e) out.push(e);
      }
    }
    return out;
  }
}

function first(x: unknown): unknown {
  return Array.isArray(x) ? x[0] : x;
}

function text(x: unknown): string {
  if (typeof x === "string") return x;
  if (isNode(x) && typeof x["#text"] === "string") return x["#text"];
  return "";
}
