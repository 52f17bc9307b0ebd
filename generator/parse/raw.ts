/**
 * Raw CSDL: the document as written, normalised once at the parse boundary (arrays are always
 * arrays, attributes are strings or undefined). Readers of each input format produce this; nothing
 * after the parse stage touches XML nodes or `any`.
 */
import type { HeldBody } from "./held-bodies";
import type { CsdlPrefixes } from "./namespace-scopes";
import type { Diagnostic, SourceRef } from "../diagnostics";
import type { SourceText } from "./source";

export interface RawNode {
  /** Where the element starts in its file. */
  at: SourceRef;
}

export interface RawDocument {
  file: string;
  version: string;
  references: RawReference[];
  schemas: RawSchema[];
  /**
   * CSDL JSON's `$EntityContainer`: the namespace-qualified name of the service's entity container
   * (XML says it by no attribute: there the service's container is the one read first).
   */
  entityContainer?: { name: string; at: SourceRef };
  /**
   * With `deferAnnotationGroups`: the schemas' `<Annotations>` blocks (CSDL JSON's `$Annotations`
   * targets), not read yet (their schemas' `annotationGroups` are empty); `readDeferredGroup` reads
   * one when it is needed.
   */
  deferred?: DeferredGroup[];
  /**
   * Set when the documents are read (readDocuments) for a document read only because a reference
   * leads to it: the `IncludeAnnotations` of every reference that does, which select the ones of its
   * annotation blocks that apply (model/included-annotations.ts). Absent for an input: all apply.
   */
  includedAnnotations?: RawIncludeAnnotations[];
  /** With `includedAnnotations`: the namespaces of its schemas a reference includes, whose blocks all apply. */
  includedSchemas?: Set<string>;
}

/** A schema's `<Annotations>` block, or a CSDL JSON `$Annotations` target, not read yet. */
export type DeferredGroup = XmlDeferredGroup | JsonDeferredGroup;

/** A CSDL JSON `$Annotations` target, parsed as JSON but not read as CSDL: `read` reads it. */
export interface JsonDeferredGroup {
  source: SourceText;
  /** Its schema's namespace. */
  namespace: string;
  target: string;
  read(): RawAnnotationGroup;
}

/** An `<Annotations>` block of a schema, located but not read. */
export interface XmlDeferredGroup {
  source: SourceText;
  /** The schema's namespace (for diagnostics). */
  namespace: string;
  /** Its Target attribute as written, when the start tag gives it plainly (no character references). */
  target: string | undefined;
  /** The prefixes ("" for none) of CSDL's elements in its schema (see `DeferredBody.csdl`). */
  csdl: CsdlPrefixes;
  start: number;
  end: number;
}

export interface RawReference extends RawNode {
  uri: string;
  includes: RawInclude[];
  /**
   * Its `<edmx:IncludeAnnotations>` elements: which annotation blocks of the document it names apply
   * when that document is followed rather than given (model/included-annotations.ts).
   */
  includeAnnotations: RawIncludeAnnotations[];
  /** Its own annotations (CSDL XML §4.1 allows them): checked as any element's, and then not used. */
  annotations: RawAnnotation[];
  /**
   * Set when the documents are read (generate.ts, readDocuments): the input the reference led to
   * (as shown in diagnostics), when it was followed or names an input; else why it was not followed.
   */
  followedTo?: string;
  notFollowed?: string;
}

/**
 * An `<edmx:IncludeAnnotations>` (CSDL XML §3.5, CSDL JSON §3.5): the annotations of one term
 * namespace, narrowed to one qualifier and to targets in one namespace when those are given.
 * A missing `TermNamespace` is read as "" (ODG101), which selects nothing.
 */
export interface RawIncludeAnnotations extends RawNode {
  termNamespace: string;
  qualifier?: string;
  targetNamespace?: string;
}

/** An `<edmx:Include>`: a namespace of the referenced document, with an optional alias. */
export interface RawInclude extends RawNode {
  namespace: string;
  alias?: string;
  /** Its own annotations (`Core.DefaultNamespace` says something of the namespace it includes). */
  annotations: RawAnnotation[];
}

export interface RawSchema extends RawNode {
  namespace: string;
  alias?: string;
  entityTypes: RawStructuredType[];
  complexTypes: RawStructuredType[];
  enumTypes: RawEnumType[];
  typeDefinitions: RawTypeDefinition[];
  actions: RawOperation[];
  functions: RawOperation[];
  terms: RawTerm[];
  containers: RawEntityContainer[];
  /** `<Annotations Target="...">` blocks. */
  annotationGroups: RawAnnotationGroup[];
  annotations: RawAnnotation[];
}

/** Type facets shared by properties, parameters, return types, terms and type definitions. */
export interface RawFacets {
  nullable?: string;
  maxLength?: string;
  precision?: string;
  scale?: string;
  srid?: string;
  unicode?: string;
}

export interface RawProperty extends RawNode, RawFacets {
  name: string;
  type: string;
  defaultValue?: string;
  annotations: RawAnnotation[];
}

export interface RawNavigationProperty extends RawNode {
  name: string;
  type: string;
  nullable?: string;
  partner?: string;
  containsTarget?: string;
  /** `<ReferentialConstraint>`s: a property of the declaring type, and the target's property it equals. */
  constraints?: RawReferentialConstraint[];
  annotations: RawAnnotation[];
}

/** A `<ReferentialConstraint>` (CSDL §8.5). */
export interface RawReferentialConstraint extends RawNode {
  property: string;
  referencedProperty: string;
}

export interface RawStructuredType extends RawNode {
  name: string;
  baseType?: string;
  abstract?: string;
  openType?: string;
  hasStream?: string;
  /** Names in `<Key><PropertyRef Name=".." Alias=".."/></Key>`; undefined when there is no Key. */
  key?: { name: string; alias?: string; at: SourceRef }[];
  properties: RawProperty[];
  navigationProperties: RawNavigationProperty[];
  annotations: RawAnnotation[];
  /**
   * With `deferBodies`: the element's content, not read yet (key, properties, navigation
   * properties and annotations are empty until `readBody` reads it).
   */
  body?: DeferredBody | HeldBody;
  /**
   * CSDL JSON, for a slice: the problems its reader found in what XML's reader would defer of this
   * element (held-bodies.ts), reported only when the slice reads it, as the XML twin's are.
   */
  problems?: Diagnostic[];
}

/** A raw element whose content may be deferred (`ReadOptions.deferBodies`) and read later (`readBody`). */
export type RawDeferrable = RawStructuredType | RawEnumType | RawOperation;

/** The content of a schema's type or operation, located but not read (see `ReadOptions.deferBodies`). */
export interface DeferredBody {
  source: SourceText;
  /** Whether attributes must be read by local name (some attribute in the document has a prefix). */
  prefixedAttributes: boolean;
  /**
   * The prefixes ("" for none) its schema's CSDL elements have, for the names CSDL does not define
   * to be reported as they are when read in place (ODG112).
   */
  csdl: CsdlPrefixes;
  /** Which element it is the content of. */
  element: "EntityType" | "ComplexType" | "EnumType" | "Action" | "Function";
  /** The type's qualified name (for diagnostics). */
  path: string;
  start: number;
  end: number;
}

export interface RawEnumMember extends RawNode {
  name: string;
  value?: string;
  annotations: RawAnnotation[];
}

export interface RawEnumType extends RawNode {
  name: string;
  underlyingType?: string;
  isFlags?: string;
  members: RawEnumMember[];
  annotations: RawAnnotation[];
  /** With `deferBodies`: the members and annotations, not read yet (empty until `readBody`; CSDL JSON's held, held-bodies.ts). */
  body?: DeferredBody | HeldBody;
  /** As `RawStructuredType.problems`. */
  problems?: Diagnostic[];
}

export interface RawTypeDefinition extends RawNode, RawFacets {
  name: string;
  underlyingType: string;
  annotations: RawAnnotation[];
}

export interface RawParameter extends RawNode, RawFacets {
  name: string;
  type: string;
  annotations: RawAnnotation[];
}

export interface RawReturnType extends RawNode, RawFacets {
  type: string;
  /** Its own annotations (`<ReturnType><Annotation …/></ReturnType>`, `"$ReturnType": { "@Term": … }`). */
  annotations?: RawAnnotation[];
}

export interface RawOperation extends RawNode {
  kind: "action" | "function";
  name: string;
  isBound?: string;
  isComposable?: string;
  entitySetPath?: string;
  parameters: RawParameter[];
  returnType?: RawReturnType;
  annotations: RawAnnotation[];
  /**
   * With `deferBodies`: the content after the first `<Parameter>` (the binding parameter of a bound
   * operation, read in place), not read yet; `readBody` appends what it holds (CSDL JSON's: held, held-bodies.ts).
   */
  body?: DeferredBody | HeldBody;
  /** As `RawStructuredType.problems`. */
  problems?: Diagnostic[];
}

export interface RawTerm extends RawNode, RawFacets {
  name: string;
  type: string;
  baseTerm?: string;
  appliesTo?: string;
  defaultValue?: string;
  annotations: RawAnnotation[];
}

export interface RawNavigationBinding extends RawNode {
  path: string;
  target: string;
}

export interface RawEntitySet extends RawNode {
  name: string;
  entityType: string;
  includeInServiceDocument?: string;
  bindings: RawNavigationBinding[];
  annotations: RawAnnotation[];
}

export interface RawSingleton extends RawNode {
  name: string;
  type: string;
  /** CSDL 4.01 §13.3.3: whether the singleton may be null (absent: false). */
  nullable?: string;
  bindings: RawNavigationBinding[];
  annotations: RawAnnotation[];
}

export interface RawOperationImport extends RawNode {
  kind: "action" | "function";
  name: string;
  operation: string;
  entitySet?: string;
  includeInServiceDocument?: string;
  annotations: RawAnnotation[];
}

export interface RawEntityContainer extends RawNode {
  name: string;
  extends?: string;
  entitySets: RawEntitySet[];
  singletons: RawSingleton[];
  imports: RawOperationImport[];
  annotations: RawAnnotation[];
}

/**
 * An annotation value, kept structurally: constants, paths, records and collections. Dynamic
 * expressions (`If`, `Apply`, ...) are kept by name with their operands.
 */
export type RawExpression =
  | { kind: "constant"; type: string; value: string }
  | { kind: "path"; type: string; value: string }
  | { kind: "record"; type?: string; properties: { name: string; value: RawExpression }[] }
  | { kind: "collection"; items: RawExpression[] }
  | { kind: "null" }
  | { kind: "dynamic"; name: string; operands: RawExpression[] };

export interface RawAnnotation extends RawNode {
  term: string;
  qualifier?: string;
  /** Undefined when the annotation has no value (a Boolean term then means `true`). */
  value?: RawExpression;
  /** The annotations of the annotation itself (`Validation.Exclusive` on a `Validation.Minimum`); absent when it has none. */
  annotations?: RawAnnotation[];
}

export interface RawAnnotationGroup extends RawNode {
  target: string;
  qualifier?: string;
  annotations: RawAnnotation[];
}
