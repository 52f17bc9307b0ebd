/**
 * The namespace declarations in scope at an element inside a schema or an `<edmx:Include>`, made by
 * the elements between it and there (XML Namespaces 1.0 §6: a declaration holds for the element it
 * is on and all its content, unless one further in declares the same prefix again; `xmlns=""` takes
 * the default namespace away). Those on the schema or include and around it are the reader's
 * CsdlPrefixes (unknown-names.ts); these come on top of them.
 *
 * Each element that declares something gets one link holding only its own declarations, and points
 * to the link of the nearest element around it that declares something: no map is copied, so many
 * declarations cost linear time. A lookup walks at most as many links as elements are nested.
 * The declarations around the schemas and includes themselves (`through`) are made once per
 * element and shared by all the schemas below it.
 */
import type { Attributes, XNode } from "./xml-nodes";

/**
 * The prefixes ("" for none) of CSDL's elements where a reader reads (UnknownNames.csdlPrefixes):
 * `has` says whether one is, `bound` gives the namespace each prefix is bound to there, and
 * `ownUri` is the namespace read as CSDL's besides CSDL's own. A deferred content is read with
 * the same, so a slice reads what a whole run does. Asked, not listed: a document may declare
 * thousands of prefixes, and each schema has its own.
 */
export interface CsdlPrefixes {
  has(prefix: string): boolean;
  readonly bound?: { get(prefix: string): string | undefined };
  /** The namespace, besides CSDL's own, whose elements are read as CSDL's (the one a schema read as CSDL is in). */
  readonly ownUri?: string;
}

/** An element's own declarations (prefix, "" for the default namespace → URI, "" for none), and those around it. */
export interface Declarations {
  readonly own: ReadonlyMap<string, string>;
  readonly outer: Declarations | undefined;
}

/** The URI bound to `prefix` ("" for the default namespace) by the declarations, or undefined when none binds it. */
export function boundUri(declarations: Declarations | undefined, prefix: string): string | undefined {
  for (let d = declarations; d !== undefined; d = d.outer) {
    const uri = d.own.get(prefix);
    if (uri !== undefined) return uri;
  }
  return undefined;
}

const NONE: ReadonlyMap<string, string> = new Map();

/** The declarations each element read so far is in, by element (null: none below the schema or include). */
export class NamespaceScopes {
  private readonly byElement = new WeakMap<XNode, Declarations | null>();

  constructor(
    /** See SourceText.restore: applied to every declared URI. */
    private readonly restore: ((value: string) => string) | undefined,
  ) {}

  /**
   * The declarations in scope at `element`, a child of `parent`: its own on top of its parent's. A
   * parent not met before is a schema's child read in place, or the stand-in of a deferred content
   * that carries its element's start tag (xml.ts readBody): only its own declarations count there.
   */
  at(element: XNode, parent: XNode): Declarations | undefined {
    const known = this.byElement.get(element);
    if (known !== undefined) return known ?? undefined;
    const outer = this.of(parent);
    const own = this.ownDeclarations(element);
    const declarations = own ? { own, outer } : outer;
    this.byElement.set(element, declarations ?? null);
    return declarations;
  }

  /** The declarations `element` was found in by `at` (undefined when it was not asked, or none). */
  known(element: XNode): Declarations | undefined {
    return this.byElement.get(element) ?? undefined;
  }

  private of(element: XNode): Declarations | undefined {
    const known = this.byElement.get(element);
    if (known !== undefined) return known ?? undefined;
    const own = this.ownDeclarations(element);
    const declarations = own && { own, outer: undefined };
    this.byElement.set(element, declarations ?? null);
    return declarations;
  }

  /**
   * The declarations in force inside the last of `elements` (the elements from the root down to it),
   * made once per element and shared by all below it: many schemas under a root that declares many
   * prefixes cost no copy each.
   */
  through(elements: readonly XNode[]): ReadonlyMap<string, string> {
    let bound: ReadonlyMap<string, string> = NONE;
    for (const e of elements) {
      const known = this.throughElement.get(e);
      if (known) {
        bound = known;
        continue;
      }
      const own = this.ownDeclarations(e);
      if (own) bound = new Map([...bound, ...own]);
      this.throughElement.set(e, bound);
    }
    return bound;
  }

  private readonly throughElement = new WeakMap<XNode, ReadonlyMap<string, string>>();

  /** The namespaces an element's start tag declares, by prefix ("" for `xmlns`); undefined when it declares none. */
  ownDeclarations(element: XNode): Map<string, string> | undefined {
    const raw = element[":@"] as Attributes | undefined;
    if (raw === undefined) return undefined;
    let own: Map<string, string> | undefined;
    for (const key in raw) {
      const v = raw[key];
      if (typeof v !== "string" || key.charCodeAt(0) !== 0x78 /* x */ || !key.startsWith("xmlns")) continue;
      if (key.length === 5) (own ??= new Map()).set("", this.restore ? this.restore(v) : v);
      else if (key.charCodeAt(5) === 0x3a /* : */) (own ??= new Map()).set(key.slice(6), this.restore ? this.restore(v) : v);
    }
    return own;
  }
}
