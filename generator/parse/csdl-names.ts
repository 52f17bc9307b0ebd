/**
 * The elements and attributes CSDL XML defines, per element (CSDL XML 4.01, §3–§14, and its XML
 * schemas `edmx.xsd`/`edm.xsd`; 4.0 defines a subset, so a 4.0 document that uses a 4.01 name —
 * `Nullable` on a `<Singleton>`, the arithmetic operators, `<Annotation>` inside `<ReturnType>` —
 * is not told about it). The reader checks each element it reads against these sets (ODG112): a
 * misspelt `<Propery>` or `Nulable`, or a `<ComplexType>` inside `<EntityContainer>`, would
 * otherwise be dropped without a word. Only names without a prefix are checked: attributes with one
 * (`sap:label`, `m:HasStream`, `xml:lang`) and elements of other XML namespaces are vendors' own.
 */

export interface ElementRule {
  /** The element's local name, as written in messages (`<EntityType>`). */
  readonly name: string;
  /** Child elements CSDL defines (in its own namespace). */
  readonly children: ReadonlySet<string>;
  /** Attributes (without a prefix) CSDL defines. */
  readonly attributes: ReadonlySet<string>;
}

const FACETS = ["MaxLength", "Precision", "Scale", "SRID", "Unicode"];
/** Constant and path expressions in attribute form (CSDL XML §14.3, §14.4.1), and `UrlRef`. */
const INLINE = ["Binary", "Bool", "Date", "DateTimeOffset", "Decimal", "Duration", "EnumMember", "Float", "Guid", "Int",
  "String", "TimeOfDay", "AnnotationPath", "ModelElementPath", "NavigationPropertyPath", "Path", "PropertyPath", "UrlRef"];
/** Every expression element (CSDL XML §14.4), 4.01's arithmetic operators included. */
const EXPRESSIONS = ["Binary", "Bool", "Date", "DateTimeOffset", "Decimal", "Duration", "EnumMember", "Float", "Guid",
  "Int", "String", "TimeOfDay", "AnnotationPath", "ModelElementPath", "NavigationPropertyPath", "Path", "PropertyPath",
  "Apply", "Cast", "Collection", "If", "Eq", "Ne", "Ge", "Gt", "Le", "Lt", "And", "Or", "Not", "Has", "In", "Add", "Sub",
  "Neg", "Mul", "Div", "DivBy", "Mod", "IsOf", "LabeledElement", "LabeledElementReference", "Null", "Record", "UrlRef"];
/** Expressions whose content is text (constants, paths, `LabeledElementReference`): no child elements. */
const TEXT_EXPRESSIONS = ["Binary", "Bool", "Date", "DateTimeOffset", "Decimal", "Duration", "EnumMember", "Float", "Guid",
  "Int", "String", "TimeOfDay", "AnnotationPath", "ModelElementPath", "NavigationPropertyPath", "Path", "PropertyPath",
  "LabeledElementReference"];
/** Expressions whose operands are child expressions, each optionally annotated. */
const OPERATORS = ["If", "Eq", "Ne", "Ge", "Gt", "Le", "Lt", "And", "Or", "Not", "Has", "In", "Add", "Sub", "Neg", "Mul",
  "Div", "DivBy", "Mod", "UrlRef"];

const rules = new Map<string, ElementRule>();
function define(name: string, children: readonly string[], attributes: readonly string[]): void {
  rules.set(name, { name, children: new Set(children), attributes: new Set(attributes) });
}

// EDMX (CSDL XML §4)
define("Edmx", ["Reference", "DataServices"], ["Version"]);
define("Reference", ["Include", "IncludeAnnotations", "Annotation"], ["Uri"]);
define("Include", ["Annotation"], ["Namespace", "Alias"]);
define("IncludeAnnotations", [], ["TermNamespace", "Qualifier", "TargetNamespace"]);
define("DataServices", ["Schema"], []);
// Schema and its model elements (§5–§13)
define("Schema", ["EntityType", "ComplexType", "EnumType", "TypeDefinition", "Action", "Function", "Term",
  "EntityContainer", "Annotations", "Annotation"], ["Namespace", "Alias"]);
define("EntityType", ["Key", "Property", "NavigationProperty", "Annotation"], ["Name", "BaseType", "Abstract", "OpenType", "HasStream"]);
define("ComplexType", ["Property", "NavigationProperty", "Annotation"], ["Name", "BaseType", "Abstract", "OpenType"]);
define("Key", ["PropertyRef"], []);
define("PropertyRef", [], ["Name", "Alias"]);
define("Property", ["Annotation"], ["Name", "Type", "Nullable", "DefaultValue", ...FACETS]);
define("NavigationProperty", ["ReferentialConstraint", "OnDelete", "Annotation"], ["Name", "Type", "Nullable", "Partner", "ContainsTarget"]);
define("ReferentialConstraint", ["Annotation"], ["Property", "ReferencedProperty"]);
define("OnDelete", ["Annotation"], ["Action"]);
define("EnumType", ["Member", "Annotation"], ["Name", "UnderlyingType", "IsFlags"]);
define("Member", ["Annotation"], ["Name", "Value"]);
define("TypeDefinition", ["Annotation"], ["Name", "UnderlyingType", ...FACETS]);
define("Action", ["Parameter", "ReturnType", "Annotation"], ["Name", "IsBound", "EntitySetPath"]);
define("Function", ["Parameter", "ReturnType", "Annotation"], ["Name", "IsBound", "IsComposable", "EntitySetPath"]);
define("Parameter", ["Annotation"], ["Name", "Type", "Nullable", ...FACETS]);
define("ReturnType", ["Annotation"], ["Type", "Nullable", ...FACETS]);
define("EntityContainer", ["EntitySet", "Singleton", "ActionImport", "FunctionImport", "Annotation"], ["Name", "Extends"]);
define("EntitySet", ["NavigationPropertyBinding", "Annotation"], ["Name", "EntityType", "IncludeInServiceDocument"]);
define("Singleton", ["NavigationPropertyBinding", "Annotation"], ["Name", "Type", "Nullable"]);
define("NavigationPropertyBinding", [], ["Path", "Target"]);
define("ActionImport", ["Annotation"], ["Name", "Action", "EntitySet"]);
define("FunctionImport", ["Annotation"], ["Name", "Function", "EntitySet", "IncludeInServiceDocument"]);
define("Term", ["Annotation"], ["Name", "Type", "BaseTerm", "Nullable", "DefaultValue", "AppliesTo", ...FACETS]);
// Annotations and expressions (§14)
define("Annotations", ["Annotation"], ["Target", "Qualifier"]);
define("Annotation", ["Annotation", ...EXPRESSIONS], ["Term", "Qualifier", ...INLINE]);
for (const name of TEXT_EXPRESSIONS) define(name, [], []);
for (const name of OPERATORS) define(name, ["Annotation", ...EXPRESSIONS], []);
define("Apply", ["Annotation", ...EXPRESSIONS], ["Function"]);
define("Cast", ["Annotation", ...EXPRESSIONS], ["Type", ...FACETS]);
define("IsOf", ["Annotation", ...EXPRESSIONS], ["Type", ...FACETS]);
define("Collection", EXPRESSIONS, []);
define("LabeledElement", ["Annotation", ...EXPRESSIONS], ["Name", ...INLINE]);
define("Null", ["Annotation"], []);
define("Record", ["PropertyValue", "Annotation"], ["Type"]);
define("PropertyValue", ["Annotation", ...EXPRESSIONS], ["Property", ...INLINE]);

/** The rule of a CSDL element, by its local name. */
export function ruleOf(name: string): ElementRule {
  const rule = rules.get(name);
  if (!rule) throw new Error(`no CSDL rule for <${name}>`);
  return rule;
}

/** The elements a CSDL element may appear in (`ComplexType` → `Schema`), for a misplaced one. */
export function parentsOf(name: string): string[] {
  const out: string[] = [];
  for (const rule of rules.values()) if (rule.children.has(name) && !EXPRESSIONS.includes(rule.name)) out.push(rule.name);
  return out;
}

export { nearestName } from "../nearest-name";
