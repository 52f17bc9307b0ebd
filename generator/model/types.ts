/**
 * The resolved, version-independent model: qualified names, aliases resolved, base types linked,
 * inherited keys known, `Nullable` defaults applied, navigation targets and containment known.
 */
import type { SourceText } from "../parse/source";
import type { SourceRef } from "../diagnostics";
import type { RawExpression } from "../parse/raw";
import type { RootLayer } from "./restrictions";
import type { CustomQueryOption } from "./custom-query-options";

export type PrimitiveName =
  | "Binary" | "Boolean" | "Byte" | "Date" | "DateTimeOffset" | "Decimal" | "Double" | "Duration"
  | "Guid" | "Int16" | "Int32" | "Int64" | "SByte" | "Single" | "Stream" | "String" | "TimeOfDay"
  | "Geography" | "GeographyPoint" | "GeographyLineString" | "GeographyPolygon" | "GeographyMultiPoint"
  | "GeographyMultiLineString" | "GeographyMultiPolygon" | "GeographyCollection"
  | "Geometry" | "GeometryPoint" | "GeometryLineString" | "GeometryPolygon" | "GeometryMultiPoint"
  | "GeometryMultiLineString" | "GeometryMultiPolygon" | "GeometryCollection"
  | "Untyped" | "PrimitiveType" | "ComplexType" | "EntityType" | "AnnotationPath" | "PropertyPath"
  | "NavigationPropertyPath" | "AnyPropertyPath" | "ModelElementPath";

export interface PrimitiveType {
  kind: "primitive";
  name: PrimitiveName;
  qualifiedName: string;
}

export interface Facets {
  maxLength?: number | "max";
  precision?: number;
  scale?: number | "variable" | "floating";
  srid?: string;
  unicode?: boolean;
}

/** A use of a type: by a property, parameter, return type, term or type definition. */
export interface TypeRef {
  type: ModelType;
  collection: boolean;
  /** For a collection, whether its items may be null (CSDL 4.01 §7.2.1). */
  nullable: boolean;
  facets: Facets;
}

export interface Annotation {
  /** Qualified term name with aliases resolved, e.g. `Org.OData.Core.V1.Description`. */
  term: string;
  qualifier?: string;
  value?: RawExpression;
  /** Where the `<Annotation>` is (absent in a model made by hand): what a check of its value points to. */
  at?: SourceRef;
  /** The annotation's own annotations, terms qualified (`Org.OData.Validation.V1.Exclusive` on a `…Minimum`); absent when it has none. */
  annotations?: Annotation[];
}

/** The annotations of a raw annotation, their terms qualified by `qualify`, as an `Annotation` holds them. */
export function nestedAnnotations(raw: { annotations?: readonly { term: string; qualifier?: string; value?: RawExpression; at: SourceRef }[] }, qualify: (term: string, at: SourceRef) => string): Pick<Annotation, "annotations"> {
  if (!raw.annotations?.length) return {};
  return { annotations: raw.annotations.map((n) => ({ term: qualify(n.term, n.at), qualifier: n.qualifier, value: n.value, at: n.at })) };
}

interface Named {
  name: string;
  namespace: string;
  qualifiedName: string;
  annotations: Annotation[];
  at: SourceRef;
}

export interface Property {
  kind: "property";
  name: string;
  type: TypeRef;
  defaultValue?: string;
  annotations: Annotation[];
  declaringType: StructuredType;
  at: SourceRef;
  /**
   * Only in a slice (passes/slice/copy.ts): the qualified names of the types its
   * `Validation.DerivedTypeConstraint` allows, found over the whole service (null: none it checks).
   */
  derivedTypes?: readonly string[] | null;
}

export interface NavigationProperty {
  kind: "navigation";
  name: string;
  target: EntityType;
  collection: boolean;
  nullable: boolean;
  containsTarget: boolean;
  partner?: string;
  /**
   * CSDL §8.5 ReferentialConstraint: properties of the declaring type (`property`, a path) whose
   * values equal the target's `referencedProperty`; the declaring type is the dependent.
   */
  constraints: { property: string; referencedProperty: string; at?: SourceRef }[];
  annotations: Annotation[];
  declaringType: StructuredType;
  at: SourceRef;
  /**
   * Only in a slice (passes/slice/copy.ts): the qualified names of the types its
   * `Validation.DerivedTypeConstraint` allows, found over the whole service (null: none it checks).
   */
  derivedTypes?: readonly string[] | null;
  /**
   * Only in a slice (passes/slice/copy.ts): what the service's entity sets and singletons say of it
   * in `NavigationRestrictions/RestrictedProperties`, found over the whole service (a set the slice
   * leaves out still restricts it, as in the whole run): their restrictions' layer (restrictions.ts;
   * null: none) and custom query options (custom-query-options.ts).
   */
  overService?: { restrictions: RootLayer | null; queryOptions: readonly CustomQueryOption[] };
}

export interface StructuredTypeBase extends Named {
  abstract: boolean;
  open: boolean;
  baseType?: StructuredType;
  /** Direct subtypes, in document order. */
  derived: StructuredType[];
  /**
   * Only in a slice (passes/slice/copy.ts), and only when there are some: the subtypes the slice
   * left out whose nearest kept base type is this one, each with its own subtypes, in document
   * order. A value may still be of one of them; the validators check it as this type. Listed only
   * when this type or a base type of it is kept as a value (see `unlistedSubtypes`).
   */
  omittedSubtypes?: OmittedSubtype[];
  /**
   * Only in a slice: `true` when the slice left out subtypes of this type without listing them, as
   * it is kept only as a base type (no value in the slice is declared as it or a base type of it).
   * Its validators then name "its subtypes in this slice".
   */
  unlistedSubtypes?: true;
  /**
   * Only in a slice, for a type with subtypes: how many it has in the whole service, directly or not
   * (whether the request functions list them does not depend on the slice).
   */
  subtypeCount?: number;
  /**
   * Only in a slice, for a concrete complex type with subtypes: whether the full run writes its
   * values as its `Any…` union (emit/context.ts `subtypeFamily`, decided over the whole service).
   */
  familyOverService?: boolean;
  /**
   * Only in a slice, and only when there are some: the names of the properties declared on this type
   * that the slice left out because an `--exclude` removes their type. The service still sends them:
   * the validators let them through unchecked.
   */
  excludedProperties?: string[];
  /**
   * Only in a slice, and only when there are some: the navigation properties declared on this type
   * that the slice left out because it does not keep their target. A read may still expand them and
   * a body bind them (`manager@odata.bind`): the validators check a binding's form, not an expanded value.
   */
  leftOutNavigation?: LeftOutNavigation[];
  /** Declared on this type only. */
  properties: Property[];
  navigationProperties: NavigationProperty[];
}

/** A subtype a slice left out, by the name `@odata.type` gives it. */
/** A navigation property a slice left out: its name and what a binding of it may be. */
export interface LeftOutNavigation {
  name: string;
  collection: boolean;
  nullable: boolean;
}

export interface OmittedSubtype {
  qualifiedName: string;
  abstract: boolean;
}

export interface EntityType extends StructuredTypeBase {
  kind: "entity";
  baseType?: EntityType;
  hasStream: boolean;
  /** The key, own or inherited (CSDL 4.01 §6.5); empty when the type has none. */
  key: Property[];
  /**
   * The name each key property has in URLs, in the order of `key`: its name, or the alias a key
   * declared as a path into a complex property must have (CSDL 4.01 §6.5, `Info/ID` as `InfoID`).
   */
  keyNames: string[];
}

export interface ComplexType extends StructuredTypeBase {
  kind: "complex";
  baseType?: ComplexType;
}

export type StructuredType = EntityType | ComplexType;

export interface EnumMember {
  name: string;
  /** The value as a number: beyond ±2^53 (an Int64's), the nearest one JavaScript holds; `exact` has its digits. */
  value: number;
  /** The value's decimal digits, exactly (`9007199254740993`, which `value` rounds to …992). */
  exact: string;
  annotations: Annotation[];
}

export interface EnumType extends Named {
  kind: "enum";
  underlying: PrimitiveName;
  isFlags: boolean;
  members: EnumMember[];
}

export interface TypeDefinition extends Named {
  kind: "typedef";
  underlying: PrimitiveType;
  facets: Facets;
}

export type SchemaType = StructuredType | EnumType | TypeDefinition;
export type ModelType = PrimitiveType | SchemaType;

export interface Parameter {
  name: string;
  type: TypeRef;
  annotations: Annotation[];
}

export interface Operation extends Named {
  kind: "action" | "function";
  bound: boolean;
  composable: boolean;
  /** The first parameter of a bound operation. */
  binding?: Parameter;
  /** Parameters other than the binding parameter. */
  parameters: Parameter[];
  returnType?: TypeRef;
  /** The return type's own annotations (in line, or by `<Annotations Target="ns.f/$ReturnType">`); absent when it has none. */
  returnAnnotations?: Annotation[];
  entitySetPath?: string;
  /**
   * Only in a slice, for a bound operation that may be named alone in URLs: why its name alone is
   * ambiguous over the whole service (emit/operation-segment.ts), `""` when it is not.
   */
  ambiguousOverService?: string;
}

export interface NavigationBinding {
  path: string;
  target: string;
  /** Where the `<NavigationPropertyBinding>` is (absent in a model made by hand). */
  at?: SourceRef;
}

export interface EntitySet {
  kind: "entitySet";
  name: string;
  entityType: EntityType;
  includeInServiceDocument: boolean;
  bindings: NavigationBinding[];
  annotations: Annotation[];
  at: SourceRef;
}

export interface Singleton {
  kind: "singleton";
  name: string;
  type: EntityType;
  /** CSDL 4.01 §13.3.3: `Nullable="true"`, the singleton may be null (a read of it answered 204); absent, false. */
  nullable: boolean;
  bindings: NavigationBinding[];
  annotations: Annotation[];
  at: SourceRef;
}

export interface OperationImport {
  kind: "actionImport" | "functionImport";
  name: string;
  /** Overloads of the imported operation (functions can be overloaded). */
  operations: Operation[];
  entitySet?: string;
  annotations: Annotation[];
  at: SourceRef;
}

export interface EntityContainer extends Named {
  /** The container it extends (CSDL §13.1.2), qualified, when it names one. */
  extends?: string;
  entitySets: EntitySet[];
  singletons: Singleton[];
  imports: OperationImport[];
}

export interface Term extends Named {
  type: TypeRef;
  appliesTo: string[];
  defaultValue?: string;
}

export interface Schema {
  namespace: string;
  alias?: string;
  /** Its own annotations (`<Schema><Annotation>`); those of `<Annotations Target="ns">` are in `externalAnnotations`. */
  annotations: Annotation[];
  /** Types in document order. */
  types: SchemaType[];
  operations: Operation[];
  terms: Term[];
  containers: EntityContainer[];
  /** The input file this schema came from. */
  file: string;
}

/**
 * An operation overload or an import the model left out with a warning (ODG103: a type it names,
 * or the operation an import names, is not defined): where it is written, and why.
 */
export interface LeftOutElement {
  kind: Operation["kind"];
  /** Why, as a clause: `the return type is not defined`. */
  why: string;
  at: SourceRef;
}

/** What the model left out with a warning (ODG103), for a slice pattern that names it. */
export interface LeftOutElements {
  /** Operation overloads, by qualified name. */
  operations: ReadonlyMap<string, readonly LeftOutElement[]>;
  /** Imports, by `ns.Container/Name`. */
  imports: ReadonlyMap<string, LeftOutElement>;
}

/** An OData version a payload follows: 4.0, or 4.01 (JSON Format 4.01 §4.5: control information may leave out `odata.`). */
export type ODataVersion = "4.0" | "4.01";

export interface Model {
  schemas: Schema[];
  /** Every schema type by qualified name. */
  types: Map<string, SchemaType>;
  /**
   * Alias → namespace, over all schemas and includes (the first document's meaning where two
   * documents give one alias two): what payloads' `@odata.type` and URL segments may use.
   */
  aliases: Map<string, string>;
  /**
   * Alias → namespace in each document (by its text): the aliases its schemas and its includes
   * declare, the only ones its names may use (CSDL XML §4.2: an alias is valid only in the document
   * that declares it). Absent in a model made by hand: `aliases` then serves.
   */
  documentAliases?: Map<SourceText, Map<string, string>>;
  /** The service's entity container (the first one found), if any. */
  container?: EntityContainer;
  /**
   * The OData version of the service's metadata document (`serviceVersion`): what its payloads may
   * write. Absent (a model made by hand) means 4.0.
   */
  odataVersion?: ODataVersion;
  /** Annotations targeting model elements from `<Annotations Target>` blocks, by normalized target. */
  externalAnnotations: Map<string, Annotation[]>;
  /**
   * The annotations of the inputs' `edmx:Include`s, by the namespace included (`Core.DefaultNamespace`
   * applies to Schema and Include). Absent in a model made by hand.
   */
  includeAnnotations?: Map<string, Annotation[]>;
  /** The operations and imports left out with a warning (ODG103). Absent in a model made by hand. */
  leftOut?: LeftOutElements;
  /**
   * Uses read as Edm.Untyped in place of a type already reported (ODG108, ODG110), not Edm.Untyped as
   * written (a slice's copies too): what a key or an alternate key may not be (keyTypeProblem). Absent in a model made by hand.
   */
  untypedStandIns?: WeakSet<TypeRef>;
}
