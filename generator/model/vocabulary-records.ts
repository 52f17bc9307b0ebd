/**
 * The members of the vocabulary record types whose values the generated code reads (term-shapes.ts),
 * as OData Vocabularies 4.0 (CSPRD02, 2024) declares them, inherited members included: a record of
 * one of these types may give any of them, and a member none declares (`Insertabl`) is a mistake.
 * By the name the shapes use (`Capabilities.InsertRestrictionsType`); `qualifiedVocabularyName`
 * gives the qualified one, which a record's `Type` is compared with.
 */
import { CAPABILITIES, CORE } from "./rules";

const REQUEST = ["Permissions", "CustomHeaders", "CustomQueryOptions", "Description", "LongDescription", "ErrorResponses"];
const READ = ["Readable", ...REQUEST];

export const VOCABULARY_RECORDS: ReadonlyMap<string, readonly string[]> = new Map([
  ["Capabilities.InsertRestrictionsType", ["Insertable", "MaxLevels", "TypecastSegmentSupported", "QueryOptions", ...REQUEST, "NonInsertableProperties", "NonInsertableNavigationProperties", "RequiredProperties"]],
  ["Capabilities.UpdateRestrictionsType", ["Updatable", "Upsertable", "DeltaUpdateSupported", "UpdateMethod", "FilterSegmentSupported", "TypecastSegmentSupported", "MaxLevels", "QueryOptions", ...REQUEST, "NonUpdatableProperties", "NonUpdatableNavigationProperties", "RequiredProperties"]],
  ["Capabilities.DeleteRestrictionsType", ["Deletable", "MaxLevels", "FilterSegmentSupported", "TypecastSegmentSupported", ...REQUEST, "NonDeletableNavigationProperties"]],
  ["Capabilities.ReadRestrictionsType", [...READ, "TypecastSegmentSupported", "ReadByKeyRestrictions"]],
  ["Capabilities.ReadByKeyRestrictionsType", READ],
  ["Capabilities.CountRestrictionsType", ["Countable", "NonCountableProperties", "NonCountableNavigationProperties"]],
  ["Capabilities.FilterRestrictionsType", ["Filterable", "RequiresFilter", "MaxLevels", "RequiredProperties", "NonFilterableProperties", "FilterExpressionRestrictions"]],
  ["Capabilities.SearchRestrictionsType", ["Searchable", "UnsupportedExpressions"]],
  ["Capabilities.ExpandRestrictionsType", ["Expandable", "StreamsExpandable", "MaxLevels", "NonExpandableProperties", "NonExpandableStreamProperties"]],
  ["Capabilities.SortRestrictionsType", ["Sortable", "AscendingOnlyProperties", "DescendingOnlyProperties", "NonSortableProperties"]],
  ["Capabilities.SelectSupportType", ["Supported", "InstanceAnnotationsSupported", "Expandable", "Filterable", "Searchable", "TopSupported", "SkipSupported", "ComputeSupported", "Countable", "Sortable"]],
  ["Capabilities.NavigationRestrictionsType", ["Navigability", "RestrictedProperties"]],
  ["Capabilities.NavigationPropertyRestriction", ["NavigationProperty", "Navigability", "FilterFunctions", "FilterRestrictions", "SearchRestrictions", "SortRestrictions", "TopSupported",
    "SkipSupported", "SelectSupport", "IndexableByKey", "InsertRestrictions", "DeepInsertSupport", "UpdateRestrictions", "DeepUpdateSupport", "DeleteRestrictions", "OptimisticConcurrencyControl", "ReadRestrictions"]],
  ["Capabilities.CustomParameter", ["Name", "Description", "DocumentationURL", "Required", "ExampleValues"]],
  ["Core.PrimitiveExampleValue", ["Description", "Value"]],
  ["Core.RevisionType", ["Version", "Kind", "Description"]],
]);

/** `Capabilities.X` or `Core.X` with its namespace: `Org.OData.Capabilities.V1.X`. */
export function qualifiedVocabularyName(name: string): string {
  const dot = name.indexOf(".");
  const namespace = name.slice(0, dot) === "Core" ? CORE : CAPABILITIES;
  return `${namespace}${name.slice(dot)}`;
}
