/**
 * The words a diagnostic uses for what the user wrote, in the form the document is written in:
 * CSDL XML's elements and attributes (`<Annotations Target="x">`, `Nullable="maybe"`) or CSDL
 * JSON's members (`$Annotations` member "x", `$Nullable: "maybe"`). Each message is written once,
 * with these words; its code, place and path are the same for both forms.
 */
import type { SourceRef } from "../diagnostics";

export interface Wording {
  /** An attribute (member) with the value written: `Nullable="maybe"`, `$Nullable: "maybe"`. */
  value(attribute: string, value: string): string;
  /** A type as written, `Collection(T)` in the raw form: `Type="Collection(T)"`, `$Collection: true with $Type: "T"`. */
  type(raw: string): string;
  /** An attribute's (member's) name: `Partner`, `$Partner`. */
  name(attribute: string): string;
  /** An enum member's value as written: `Value="300"`, `"Red": 300`. */
  memberValue(member: string, value: string): string;
  /** A navigation property binding's path and its target: `NavigationPropertyBinding Path p`, `$NavigationPropertyBinding member "p"`. */
  bindingPath(path: string): string;
  bindingTarget(target: string): string;
  /** A referential constraint's property and referenced property. */
  constraintProperty(property: string): string;
  constraintReferenced(property: string): string;
  /** A schema's namespace, as its name is written: `Namespace` (an attribute), `namespace` (a member's name). */
  namespace: string;
  /** What makes a property a navigation property. */
  navigationProperty: string;
  /** A key property path that needs an alias, and how one is given. */
  keyAlias(path: string): string;
  /** An annotation's constant value as written: `Bool="maybe"`, `$Binary: "!"`. */
  constant(kind: string, value: string): string;
  /** An annotations block, by its target: `<Annotations Target="x">`, `$Annotations member "x"`. */
  annotations(target: string): string;
  /** A reference, by its URI: `<edmx:Reference Uri="u">`, `$Reference member "u"`. */
  reference(uri: string): string;
  /** A reference named in passing (ODG110): `edmx:Reference Uri="u"`, `$Reference member "u"`. */
  referenceNamed(uri: string): string;
  /** Why a reference must include something, with its section. */
  includesSomething: string;
  /** Why two references may not have one URI, with its section. */
  oneUri: string;
  /** An include of a reference. */
  include: string;
  /** Why a namespace is included once, with its section. */
  includedOnce: string;
  /** An include of annotations: `<edmx:IncludeAnnotations>`, `an $IncludeAnnotations item`. */
  includeAnnotations: string;
  /** The section that says which annotations a reference includes. */
  includedAnnotations: string;
  /** A function without a return type. */
  functionWithoutReturnType: string;
  /** The values a boolean takes. */
  booleans: string;
  /** A term applied with a qualifier: `Core.Description with Qualifier q`, `Core.Description#q`. */
  qualified(term: string, qualifier: string): string;
}

const XML: Wording = {
  value: (attribute, value) => `${attribute}=${JSON.stringify(value)}`,
  type: (raw) => `Type=${JSON.stringify(raw)}`,
  name: (attribute) => attribute,
  memberValue: (_member, value) => `Value=${JSON.stringify(value)}`,
  bindingPath: (path) => `NavigationPropertyBinding Path ${path}`,
  bindingTarget: (target) => `NavigationPropertyBinding Target ${target}`,
  constraintProperty: (property) => `Property ${property}`,
  constraintReferenced: (property) => `ReferencedProperty ${property}`,
  namespace: "Namespace",
  navigationProperty: "a NavigationProperty",
  keyAlias: (path) => `key property path ${path} needs an Alias`,
  constant: (kind, value) => `${kind}=${JSON.stringify(value)}`,
  annotations: (target) => `<Annotations Target="${target}">`,
  reference: (uri) => `<edmx:Reference Uri=${JSON.stringify(uri)}>`,
  referenceNamed: (uri) => `edmx:Reference Uri=${JSON.stringify(uri)}`,
  includesSomething: "CSDL XML §4.1: it must hold an edmx:Include or edmx:IncludeAnnotations",
  oneUri: "CSDL XML §4.1: two references may not have one Uri",
  include: "<edmx:Include>",
  includedOnce: "CSDL XML §4.2: a namespace is included once",
  includeAnnotations: "<edmx:IncludeAnnotations>",
  includedAnnotations: "CSDL XML §4.3",
  functionWithoutReturnType: "<Function> has no <ReturnType>",
  booleans: "true, false, 1 or 0",
  qualified: (term, qualifier) => `${term} with Qualifier ${qualifier}`,
};

const JSON_WORDS: Wording = {
  value: (attribute, value) => `$${attribute}: ${jsonValue(value)}`,
  type: (raw) => {
    const item = /^Collection\((.*)\)$/.exec(raw)?.[1];
    return item === undefined ? `$Type: ${JSON.stringify(raw)}` : `$Collection: true with $Type: ${JSON.stringify(item)}`;
  },
  name: (attribute) => `$${attribute}`,
  memberValue: (member, value) => `${JSON.stringify(member)}: ${jsonValue(value)}`,
  bindingPath: (path) => `$NavigationPropertyBinding member ${JSON.stringify(path)}`,
  bindingTarget: (target) => `$NavigationPropertyBinding target ${JSON.stringify(target)}`,
  constraintProperty: (property) => `member ${JSON.stringify(property)}`,
  constraintReferenced: (property) => `its value ${JSON.stringify(property)}`,
  namespace: "namespace",
  navigationProperty: `"$Kind": "NavigationProperty"`,
  keyAlias: (path) => `key property path ${path} needs an alias: write it in $Key as an object naming one, { ${JSON.stringify(path.split("/").pop())}: ${JSON.stringify(path)} }`,
  // CSDL JSON writes a constant as a JSON value of its kind; only $Binary's text can be malformed.
  constant: (kind, value) => (kind === "Binary" ? `$Binary: ${JSON.stringify(value)}` : `the ${kind} value ${jsonValue(value)}`),
  annotations: (target) => `$Annotations member ${JSON.stringify(target)}`,
  reference: (uri) => `$Reference member ${JSON.stringify(uri)}`,
  referenceNamed: (uri) => `$Reference member ${JSON.stringify(uri)}`,
  includesSomething: "CSDL JSON §4: it must have $Include or $IncludeAnnotations",
  oneUri: "CSDL JSON §4: two references may not have one URI",
  include: "$Include",
  includedOnce: "CSDL JSON §4: a namespace is included once",
  includeAnnotations: "an $IncludeAnnotations item",
  includedAnnotations: "CSDL JSON §4.3",
  functionWithoutReturnType: "a function has no $ReturnType",
  booleans: "true or false",
  qualified: (term, qualifier) => `${term}#${qualifier}`,
};

/** The words for the document `at` is in (XML's where no place is known). */
export function wordingOf(at: SourceRef | undefined): Wording {
  return at?.source.format === "json" ? JSON_WORDS : XML;
}

/**
 * A raw value as CSDL JSON wrote it: the reader keeps a number's or a boolean's literal text, and a
 * string's value, which is quoted here.
 */
function jsonValue(value: string): string {
  return /^(-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?|true|false|null)$/.test(value) ? value : JSON.stringify(value);
}
