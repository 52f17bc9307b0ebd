/**
 * Reports the elements and attributes in CSDL's namespaces that CSDL does not define where they are
 * written (ODG112), with the nearest known name or where a misplaced element belongs. The reader
 * (xml.ts) holds one `UnknownNames` and calls it from its own loops, as it reads each element: no
 * second walk of the tree. The names per element are in csdl-names.ts.
 */
import { Codes, type DiagnosticBag, type SourceRef } from "../diagnostics";
import type { SourceText } from "./source";
import { nearestName, parentsOf, type ElementRule } from "./csdl-names";
import { childNodes, isElementTag, localName, startOf, tagOf, writtenName, type Attributes, type XNode } from "./xml-nodes";
import type { RawSchema } from "./raw";
import { NamespaceScopes, boundUri, type CsdlPrefixes } from "./namespace-scopes";
import { isXmlSpace } from "./xml-space";

/** The XML namespace of CSDL's elements (CSDL XML §2.2), and those of OData V2/V3 CSDL (`…/ado/2009/11/edm`). */
export const EDM_NAMESPACE = "http://docs.oasis-open.org/odata/ns/edm";
export const LEGACY_EDM_NAMESPACE = /^http:\/\/schemas\.microsoft\.com\/ado\/\d{4}\/\d{2}\/edm$/;
/** EDMX's namespace (CSDL XML §2.2), and V2/V3's. */
export const EDMX_NAMESPACE = "http://docs.oasis-open.org/odata/ns/edmx";
export const LEGACY_EDMX_NAMESPACE = /^http:\/\/schemas\.microsoft\.com\/ado\/\d{4}\/\d{2}\/edmx$/;

/** Whether elements in this XML namespace are read as CSDL's (and checked against its names, ODG112). */
function isCsdlNamespace(uri: string): boolean {
  return uri === EDM_NAMESPACE || uri === EDMX_NAMESPACE || LEGACY_EDM_NAMESPACE.test(uri) || LEGACY_EDMX_NAMESPACE.test(uri);
}

export type { CsdlPrefixes } from "./namespace-scopes";

const NO_PREFIXES: CsdlPrefixes = new Set();

/**
 * The ODG112 checks of one reader: which prefixes are CSDL's where it reads, and the reports of
 * unknown attributes and child elements. Offsets are `base` plus the parser's (a deferred block is
 * parsed alone).
 */
export class UnknownNames {
  /** See SourceText.restore: applied to every attribute name and value read. */
  private readonly restore: ((value: string) => string) | undefined;

  constructor(
    readonly source: SourceText,
    readonly diags: DiagnosticBag,
    /** Where the parsed text starts in the source. */
    readonly base = 0,
  ) {
    this.restore = source.restore;
    this.scopes = new NamespaceScopes(this.restore);
    this.nested = source.nestedDeclarations;
  }

  /** The declarations around the elements read (NamespaceScopes). */
  private readonly scopes: NamespaceScopes;
  /** Whether an element inside a schema or include declares a namespace (SourceText.nestedDeclarations): they are followed then. */
  private readonly nested: boolean;

  /**
   * The prefixes ("" for none) of the elements read as CSDL's in the schema being read: each
   * element's children in them that CSDL does not define there are reported (ODG112).
   */
  csdl: CsdlPrefixes = NO_PREFIXES;
  /** The same at the `<edmx:Edmx>` root, for its children and those of its references. */
  edmx: CsdlPrefixes = NO_PREFIXES;
  private readonly schemaPrefixes = new Map<RawSchema, CsdlPrefixes>();

  /**
   * The prefixes ("" for none) of CSDL's elements inside `element`, given the elements around it
   * (`scope`, outermost first, `element` last): those bound there to the EDM or EDMX namespace (or
   * V2/V3's), or to the one `element` is in (a schema read as CSDL from another namespace, ODG005
   * and ODG102). Declarations further in are followed as each element is read (declaredUri). Each
   * question is a lookup or two: nothing is listed or copied per schema.
   */
  csdlPrefixes(scope: readonly XNode[], element: XNode): CsdlPrefixes {
    // The declarations around `element` are made once and shared (NamespaceScopes.through); its own come on top.
    const outer = this.scopes.through(scope.slice(0, -1));
    const mine = this.scopes.ownDeclarations(scope[scope.length - 1]);
    const bound = { get: (prefix: string) => mine?.get(prefix) ?? outer.get(prefix) };
    const tag = tagOf(element);
    const colon = tag.indexOf(":");
    const own = colon < 0 ? "" : tag.slice(0, colon);
    const ownUri = bound.get(own);
    return {
      has: (prefix) => {
        const uri = bound.get(prefix);
        return uri === undefined ? prefix === own : isCsdlNamespace(uri) || uri === ownUri;
      },
      bound,
      ownUri,
    };
  }

  /** Keeps the CSDL prefixes in force (`csdl`) for a schema just read, for its deferred contents. */
  rememberSchema(schema: RawSchema): void {
    this.schemaPrefixes.set(schema, this.csdl);
  }

  /** The CSDL prefixes of a schema this reader read (for its deferred contents). */
  prefixesOf(schema: RawSchema): CsdlPrefixes {
    return this.schemaPrefixes.get(schema) ?? this.csdl;
  }

  /**
   * Reports each attribute that CSDL does not define on the element (ODG112), at its place in the
   * start tag: one without a prefix, and one whose prefix is bound to one of CSDL's namespaces
   * (`edm:Nulable`; attributes are read by local name, so `edm:Nullable` is `Nullable`), by the
   * declarations on the element and around it, else those of `prefixes`' scope. One of another
   * namespace is a vendor's (`sap:label`) and stays silent. The tag is read once for all of them, so
   * an element with thousands of unknown attributes costs linear time.
   */
  checkAttributes(n: XNode, rule: ElementRule, path: string, prefixes: CsdlPrefixes = this.csdl): void {
    const raw = n[":@"] as Attributes | undefined;
    if (raw === undefined) return;
    let unknown: string[] | undefined;
    for (const key in raw) {
      const colon = key.indexOf(":");
      const known = colon < 0 ? key === "xmlns" || rule.attributes.has(key) : !this.inCsdlNamespace(n, key.slice(0, colon), prefixes) || rule.attributes.has(key.slice(colon + 1));
      if (!known) (unknown ??= []).push(writtenName(this.restore ? this.restore(key) : key));
    }
    if (unknown === undefined) return;
    const start = this.base + startOf(n);
    const offsets = attributeOffsets(this.source.text, start, new Set(unknown));
    for (const name of unknown) {
      const near = nearestName(localName(name), rule.attributes);
      this.diags.warning(Codes.unknownCsdl, `${name} is not an attribute CSDL defines on <${rule.name}>: it is ignored${near ? ` (did you mean ${near}?)` : ""}`,
        path, { source: this.source, offset: offsets.get(name) ?? start });
    }
  }

  /**
   * Reports the children of an element that CSDL does not define there (for an element whose
   * children are not read), in the elements `prefixes` names as CSDL's (by default `csdl`).
   */
  checkChildren(n: XNode, rule: ElementRule, path: string, prefixes: CsdlPrefixes = this.csdl): void {
    for (const child of childNodes(n)) {
      const tag = tagOf(child);
      const local = localName(tag);
      if (!rule.children.has(local)) this.unknownChild(child, tag, local, n, rule, path, prefixes);
    }
  }

  /**
   * Reports a child (tag `tag`, local name `local`) that CSDL does not define inside its element
   * (`parent`, `rule`, named by `path`), if it is an element in CSDL's namespace (`prefixes`, by default `csdl`).
   */
  unknownChild(child: XNode, tag: string, local: string, parent: XNode, rule: ElementRule, path: string, prefixes: CsdlPrefixes = this.csdl): void {
    if (!isElementTag(tag) || !this.inCsdl(child, tag, parent, prefixes)) return;
    const name = writtenName(local);
    // A CSDL element in the wrong place says where it belongs; another name, the nearest one that fits here.
    const where = parentsOf(name);
    const near = where.length ? undefined : nearestName(name, rule.children);
    const hint = where.length > 0 && where.length <= 3 ? ` (CSDL defines it inside ${where.map((w) => `<${w}>`).join(" or ")})`
      : near ? ` (did you mean <${near}>?)` : "";
    this.diags.warning(Codes.unknownCsdl, `<${name}> is not an element CSDL defines inside <${rule.name}>: it is ignored, with its content${hint}`, path, this.at(child));
  }

  /**
   * Whether a child that CSDL defines inside its element (`parent`, `rule`, named by `path`), by its
   * local name, is read as CSDL's: it is not when its own declarations or those of the elements
   * around it (declaredUri), else the scope's (`prefixes`), put it in another namespace (`<x:EntityType xmlns:x="urn:vendor">`,
   * `<Property xmlns="urn:vendor">`): an element of another vocabulary that has a CSDL name. That
   * is reported (ODG102, naming the namespace it should be in, CSDL XML §2.2) and left out. One in
   * no namespace is CSDL's (nothing else can claim it), silently when it has no prefix, as before;
   * with a prefix declared nowhere, with a warning.
   */
  isCsdlChild(child: XNode, tag: string, parent: XNode, prefixes: CsdlPrefixes, rule: ElementRule, path: string): boolean {
    const colon = tag.indexOf(":");
    const prefix = colon < 0 ? "" : tag.slice(0, colon);
    const declared = this.declaredUri(child, parent, prefix);
    let uri: string | undefined;
    if (declared !== undefined) uri = declared;
    else if (prefixes.has(prefix)) return true;
    else uri = prefixes.bound?.get(prefix);
    if (uri === "" || (uri === undefined && prefix === "") || (uri !== undefined && this.readAsCsdl(uri, prefixes))) return true;
    const local = tag.slice(colon + 1);
    const expected = rule.name === "Reference" && local !== "Annotation" ? EDMX_NAMESPACE : EDM_NAMESPACE;
    if (uri === undefined) {
      this.diags.warning(Codes.invalidAttribute, `<${tag}> inside <${rule.name}> is in no XML namespace (its prefix ${prefix} is not declared), not in OData's (${expected}: CSDL XML §2.2); it is read as CSDL's <${local}>`, path, this.at(child));
      return true;
    }
    this.diags.warning(Codes.invalidAttribute, `<${tag}> inside <${rule.name}> is in namespace ${uri}, not in OData's (${expected}: CSDL XML §2.2): it is another vocabulary's element with CSDL's name <${local}>, and is ignored, with its content`, path, this.at(child));
    return false;
  }

  /**
   * Whether elements in this namespace are read as CSDL's where `prefixes` are: CSDL's, or the one a
   * schema read as CSDL is in. One lookup: a schema may declare thousands of prefixes.
   */
  private readAsCsdl(uri: string, prefixes: CsdlPrefixes): boolean {
    return isCsdlNamespace(uri) || uri === prefixes.ownUri;
  }

  /**
   * The URI an element's prefix ("" for none) is bound to by its own declarations or those of the
   * elements around it inside the schema or include (its parent's, and further out: XML Namespaces
   * 1.0 §6); undefined when none of them binds it (the schema's or include's scope decides then).
   */
  private declaredUri(child: XNode, parent: XNode, prefix: string): string | undefined {
    if (this.nested) return boundUri(this.scopes.at(child, parent), prefix);
    // No element inside a schema or include declares anything: only a schema's or include's own declarations, as its child's parent.
    const declaration = prefix === "" ? "xmlns" : `xmlns:${prefix}`;
    const v = (child[":@"] as Attributes | undefined)?.[declaration] ?? (parent[":@"] as Attributes | undefined)?.[declaration];
    return typeof v === "string" ? (this.restore ? this.restore(v) : v) : undefined;
  }

  /** Whether an element (a child of `parent`) is in one of CSDL's namespaces: by the declarations around it, else by its prefix. */
  private inCsdl(child: XNode, tag: string, parent: XNode, prefixes: CsdlPrefixes): boolean {
    const colon = tag.indexOf(":");
    const prefix = colon < 0 ? "" : tag.slice(0, colon);
    const uri = this.declaredUri(child, parent, prefix);
    if (uri !== undefined) return isCsdlNamespace(uri);
    return prefixes.has(prefix);
  }

  /** Whether an attribute prefix (not `xmlns`) on `n` is bound to one of CSDL's namespaces. */
  private inCsdlNamespace(n: XNode, prefix: string, prefixes: CsdlPrefixes): boolean {
    if (prefix === "xmlns" || prefix === "xml") return false;
    const uri = (this.nested ? boundUri(this.scopes.known(n), prefix) : undefined) ?? this.scopes.ownDeclarations(n)?.get(prefix) ?? prefixes.bound?.get(prefix);
    return uri !== undefined && isCsdlNamespace(uri);
  }

  private at(node: XNode): SourceRef {
    return { source: this.source, offset: this.base + startOf(node) };
  }
}

/**
 * Where each of `names` is written in the start tag at `start`, in one pass over the tag: an
 * attribute's name follows whitespace outside a quoted value, and ends at whitespace or `=`.
 */
function attributeOffsets(text: string, start: number, names: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  let quote = "";
  for (let i = start + 1; i < text.length && out.size < names.size; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") break;
    else if (isXmlSpace(text.charCodeAt(i)) && i + 1 < text.length && !isXmlSpace(text.charCodeAt(i + 1))) {
      let end = i + 1;
      while (end < text.length && !isXmlSpace(text.charCodeAt(end)) && text[end] !== "=" && text[end] !== ">" && text[end] !== "/") end++;
      const name = text.slice(i + 1, end);
      if (names.has(name) && !out.has(name)) out.set(name, i + 1);
      i = end - 1;
    }
  }
  return out;
}
