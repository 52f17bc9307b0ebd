/**
 * What the value of each term the generated code reads must be, by its type in its vocabulary (Core,
 * Capabilities): a string, a Bool, a member of an enum, a record whose members are so, a collection
 * of them, a path. A value of another kind (`<Annotation Term="Core.Description" Int="5"/>`,
 * `Insertable` given as `String="no"`, `"@Core.Computed": 1` in CSDL JSON) or an enum member the enum
 * does not have (`Core.Permission/Fly`), a member of another enum (`Capabilities.NavigationType/None`
 * where `Core.Permission` is expected: read by its name), or a record member its record type does not
 * declare (`Insertabl`; vocabulary-records.ts, with a derived type's own members when the record's
 * `Type` names one the model defines) is a warning (ODG102) at the annotation, saying what the
 * generated code does with it (a record member is a note unless its nearest name is one the
 * generated code reads). Checked as each annotation is read (annotation-values.ts), by one
 * lookup of its term: other terms cost nothing more. A qualified annotation is not read, so not
 * checked. A path (`Path`, `PropertyPath`) or a dynamic expression (`If`, `Eq`, …) where a value is
 * expected is valid CSDL whose value the generator cannot know: not reported. Whether a path names a
 * property is checked once the model is linked (property-lists.ts).
 */
import { Codes, type DiagnosticBag, type SourceRef } from "../diagnostics";
import type { RawExpression } from "../parse/raw";
import { nearestName } from "../nearest-name";
import { CAPABILITIES, CORE } from "./rules";
import type { SchemaType, StructuredType } from "./types";
import { qualifiedVocabularyName, VOCABULARY_RECORDS } from "./vocabulary-records";
import { wordingOf } from "./wording";

/** What the checks need of the model: names as the annotation's document writes them, and the types (for a record's derived `Type`). */
export interface ShapeNames {
  /** Replaces a leading alias with its namespace, as the annotation's document declares it. */
  qualify(name: string): string;
  /** The types declared so far; a record whose `Type` is not the term's own is not checked without them. */
  types?: ReadonlyMap<string, SchemaType>;
}

type Shape =
  | { kind: "string"; otherwise: string; nullable?: true }
  | { kind: "bool"; otherwise: string; tag?: string }
  | { kind: "enum"; type: string; members: readonly string[]; flags: boolean; otherwise: string }
  | { kind: "path"; otherwise: string }
  | { kind: "record"; type: string; members: Readonly<Record<string, Shape>> }
  | { kind: "collection"; item: Shape; otherwise?: string };

const text = (what: string): Shape => ({ kind: "string", otherwise: `${what}` });
/** A String its vocabulary declares nullable (Core.Description, a CustomParameter's Description): `<Null/>` is one of its values, read as no text. */
const nullableText = (what: string): Shape => ({ kind: "string", otherwise: `${what}`, nullable: true });
/** A Capabilities Bool: only a Bool constant is read; anything else says nothing, so the request stays allowed. */
const allows = (request: string): Shape => ({ kind: "bool", otherwise: `it is ignored, so ${request} stays allowed` });
const record = (type: string, members: Record<string, Shape>): Shape => ({ kind: "record", type, members });
const collection = (item: Shape, otherwise?: string): Shape => ({ kind: "collection", item, ...(otherwise ? { otherwise } : {}) });
/** A Core.Tag: read as true where the value is the text `true` (rules.ts hasTag), else as false. */
const tag = (term: string): Shape => ({ kind: "bool", otherwise: `${term} is read as false`, tag: term });

/** CustomHeaders and CustomQueryOptions items (Capabilities.CustomParameter). */
const CUSTOM_PARAMETER = record("Capabilities.CustomParameter", {
  Name: text("the item is ignored"),
  Description: nullableText("it is ignored"),
  Required: { kind: "bool", otherwise: "it is read as false (not required)" },
  ExampleValues: collection(record("Core.PrimitiveExampleValue", { Description: nullableText("it is ignored") })),
});
const customs = { CustomHeaders: collection(CUSTOM_PARAMETER), CustomQueryOptions: collection(CUSTOM_PARAMETER) };
const PATHS = (list: string): Shape => collection({ kind: "path", otherwise: `the item is ignored (not in the ${list} the doc comments name)` });
const READ_BY_KEY = record("Capabilities.ReadByKeyRestrictionsType", { Readable: allows("reading a member by key"), ...customs });
const RESTRICTIONS: Readonly<Record<string, Shape>> = {
  InsertRestrictions: record("Capabilities.InsertRestrictionsType", { Insertable: allows("inserting"), ...customs }),
  UpdateRestrictions: record("Capabilities.UpdateRestrictionsType", { Updatable: allows("updating"), Upsertable: allows("updating"), ...customs }),
  DeleteRestrictions: record("Capabilities.DeleteRestrictionsType", { Deletable: allows("deleting"), ...customs }),
  ReadRestrictions: record("Capabilities.ReadRestrictionsType", { Readable: allows("reading"), ReadByKeyRestrictions: READ_BY_KEY, ...customs }),
  CountRestrictions: record("Capabilities.CountRestrictionsType", { Countable: allows("$count") }),
  FilterRestrictions: record("Capabilities.FilterRestrictionsType", { Filterable: allows("$filter"), NonFilterableProperties: PATHS("NonFilterableProperties") }),
  SearchRestrictions: record("Capabilities.SearchRestrictionsType", { Searchable: allows("$search") }),
  ExpandRestrictions: record("Capabilities.ExpandRestrictionsType", { Expandable: allows("$expand"), NonExpandableProperties: PATHS("NonExpandableProperties") }),
  SortRestrictions: record("Capabilities.SortRestrictionsType", { Sortable: allows("$orderby"), NonSortableProperties: PATHS("NonSortableProperties") }),
  SelectSupport: record("Capabilities.SelectSupportType", { Supported: allows("$select") }),
  TopSupported: allows("$top"),
  SkipSupported: allows("$skip"),
  IndexableByKey: allows("addressing a member by key"),
};

const PERMISSION_MEMBERS = ["None", "Read", "Write", "ReadWrite"];
const REVISION_KINDS = ["Added", "Modified", "Deprecated"];

/** The shapes of the terms read, by qualified name. */
const SHAPES: ReadonlyMap<string, Shape> = new Map<string, Shape>([
  [`${CORE}.Description`, nullableText("it is read as its text")],
  [`${CORE}.LongDescription`, nullableText("it is read as its text")],
  ...["Computed", "Immutable", "AutoExpand", "RequiresExplicitBinding", "DefaultNamespace"].map((t): [string, Shape] => [`${CORE}.${t}`, tag(`Core.${t}`)]),
  [`${CAPABILITIES}.KeyAsSegmentSupported`, tag("Capabilities.KeyAsSegmentSupported")],
  [`${CORE}.Permissions`, { kind: "enum", type: "Core.Permission", members: PERMISSION_MEMBERS, flags: true, otherwise: "read as no permission named (as if the term were not there: the property may be read and sent)" }],
  [`${CORE}.Revisions`, collection(record("Core.RevisionType", {
    Kind: { kind: "enum", type: "Core.RevisionKind", members: REVISION_KINDS, flags: false, otherwise: "the revision is not read as a deprecation" },
    Description: text("it is read as its text"),
  }))],
  [`${CORE}.AcceptableMediaTypes`, collection(text("it is read as its text"), "it is ignored, so any media type is accepted")],
  ...Object.entries(RESTRICTIONS).map(([name, shape]): [string, Shape] => [`${CAPABILITIES}.${name}`, shape]),
  [`${CAPABILITIES}.NavigationRestrictions`, record("Capabilities.NavigationRestrictionsType", {
    RestrictedProperties: collection(record("Capabilities.NavigationPropertyRestriction", { NavigationProperty: { kind: "path", otherwise: "the item is ignored" }, ...RESTRICTIONS })),
  })],
]);

/** Whether the term's values are checked here (one lookup). */
export function hasShape(term: string): boolean {
  return SHAPES.has(term);
}

/**
 * Reports where the value `v` of an unqualified annotation of a term read is not of its term's type.
 * `path` names the annotated element; the diagnostic's path is `path/@Term/member/index`.
 */
export function checkShape(diags: DiagnosticBag, term: string, v: RawExpression | undefined, path: string, at: SourceRef, names: ShapeNames): void {
  const shape = SHAPES.get(term);
  // No value: a Tag (Core.Computed) applies; for another type the term is not read. Not reported (as before).
  if (shape && v) check(diags, shape, v, `${path}/@${term}`, term, at, names);
}

function check(diags: DiagnosticBag, shape: Shape, v: RawExpression, where: string, what: string, at: SourceRef, names: ShapeNames): void {
  // A path or a dynamic expression is valid wherever a value is; its value is not known here.
  if ((v.kind === "path" && shape.kind !== "path") || v.kind === "dynamic") return;
  const w = at.source.format === "json" ? JSON_CONSTANT : wordingOf(at);
  const report = (message: string) => diags.add(Codes.invalidAttribute, "warning", message, where, at);
  switch (shape.kind) {
    case "record":
      if (v.kind !== "record") return report(`${what}: ${written(v, w)} is not a record (${shape.type}); it is ignored`);
      {
        const declared = recordMembers(shape, v.type, names);
        for (const p of v.properties) {
          const inner = shape.members[p.name];
          if (inner) check(diags, inner, p.value, `${where}/${p.name}`, `${what}/${p.name}`, at, names);
          else if (declared && !declared.has(p.name)) {
            // A warning where it is likely a member the generated code reads, misspelt (its value is then
            // lost); else a note: nothing read is lost (Graph v1.0 gives Core.Revisions a Date and a
            // RemovalDate, and NavigationRestrictions a Referenceable, which no vocabulary declares).
            const near = nearestName(p.name, declared);
            const read = near !== undefined && shape.members[near] !== undefined;
            diags.add(Codes.invalidAttribute, read ? "warning" : "info",
              `${what}: ${p.name} is not a member of ${v.type ?? shape.type}${near ? ` (did you mean ${near}?)` : ""}; it is ignored${read ? "" : " (no generated line depends on it)"}`, `${where}/${p.name}`, at);
          }
        }
      }
      return;
    case "collection":
      if (v.kind !== "collection") return report(`${what}: ${written(v, w)} is not a collection; ${shape.otherwise ?? "it is ignored"}`);
      v.items.forEach((item, i) => check(diags, shape.item, item, `${where}/${i}`, `${what}/${i}`, at, names));
      return;
    case "string":
      if (v.kind === "null" && shape.nullable) return;
      if (v.kind !== "constant" || v.type !== "String") report(`${what}: ${written(v, w)} is not a String; ${v.kind === "constant" ? shape.otherwise : "it is ignored"}`);
      return;
    case "bool":
      if (v.kind !== "constant" || v.type !== "Bool")
        report(`${what}: ${written(v, w)} is not a Bool; ${shape.tag && v.kind === "constant" && v.value === "true" ? `${shape.tag} is read as true` : shape.otherwise}`);
      return;
    case "path":
      if (v.kind !== "path" && !(v.kind === "constant" && v.type === "String")) report(`${what}: ${written(v, w)} is not a path; ${shape.otherwise}`);
      return;
    case "enum": {
      // XML: `Core.Permission/Read`, several separated by spaces; JSON: `"Read"`, several by commas; or the number.
      const isNumber = v.kind === "constant" && (v.type === "Int" || /^\s*\d+\s*$/.test(v.value));
      if (v.kind !== "constant" || !(v.type === "EnumMember" || v.type === "String" || isNumber)) return report(`${what}: ${written(v, w)} is not a member of ${shape.type}; ${shape.otherwise}`);
      if (isNumber) return;
      const listed = v.value.trim().split(/[\s,]+/).filter((s) => s !== "");
      if (!shape.flags && listed.length > 1) return report(`${what}: ${written(v, w)} names several members, and ${shape.type} is not a flags enum; ${shape.otherwise}`);
      const unknown = listed.filter((n) => !shape.members.includes(n.slice(n.lastIndexOf("/") + 1)));
      if (unknown.length)
        report(`${what}: ${unknown.join(", ")} ${unknown.length > 1 ? "are not members" : "is not a member"} of ${shape.type} (${shape.members.join(", ")}); ${listed.length > unknown.length && shape.flags ? `${unknown.length > 1 ? "they are" : "it is"} ignored, the others read` : shape.otherwise}`);
      // XML names the enum (`Capabilities.NavigationType/None`): one of another enum is read by its member's name.
      const expected = qualifiedVocabularyName(shape.type);
      for (const n of listed) {
        const slash = n.lastIndexOf("/");
        const written = n.slice(0, slash);
        if (slash < 0 || unknown.includes(n) || names.qualify(written) === expected) continue;
        // Written as the shapes name the expected enum (`Core.Permission`), where the document declares no such alias.
        const enumNamed = written === shape.type ? `${written}, not ${expected} (${written.slice(0, written.indexOf("."))} is no alias of ${expected.slice(0, expected.lastIndexOf("."))} in this document)` : `${written}, not ${shape.type}`;
        report(`${what}: ${n} names the enum ${enumNamed}, the enum the term expects; it is read as ${shape.type}/${n.slice(slash + 1)}`);
      }
      return;
    }
  }
}

/**
 * The members a record of `shape`'s type may give: its vocabulary type's (vocabulary-records.ts), those
 * the generated code reads, and, where the model defines the type (the vocabulary is an input), its
 * members too. A record whose `Type` names a type derived from it (CSDL §14.4.11 allows one) adds
 * that type's own members and its bases' up to it. Undefined, so not checked, where the `Type` names
 * another type, or one the model does not define, or one whose members are not read yet (a slice's).
 */
function recordMembers(shape: Extract<Shape, { kind: "record" }>, type: string | undefined, names: ShapeNames): Set<string> | undefined {
  const expected = qualifiedVocabularyName(shape.type);
  const out = new Set([...(VOCABULARY_RECORDS.get(shape.type) ?? []), ...Object.keys(shape.members)]);
  const add = (t: StructuredType | undefined, stop?: StructuredType) => {
    for (let c = t; c && c !== stop; c = c.baseType) for (const m of [...c.properties, ...c.navigationProperties]) out.add(m.name);
  };
  const own = names.types?.get(expected);
  if (own?.kind === "complex" || own?.kind === "entity") add(own);
  if (type === undefined || names.qualify(type) === expected) return out;
  const derived = names.types?.get(names.qualify(type));
  if (derived?.kind !== "complex" && derived?.kind !== "entity") return undefined;
  for (let c: StructuredType | undefined = derived; c; c = c.baseType) {
    if (c.qualifiedName === expected) {
      add(derived, c);
      return out;
    }
    if (c.properties.length + c.navigationProperties.length === 0) return undefined; // not read yet, or adds nothing: not checked
  }
  return undefined;
}

/** CSDL JSON's constants: a string is quoted (`"true"` is no Bool), a number or a boolean is not. */
const JSON_CONSTANT = { constant: (kind: string, value: string) => (kind === "Binary" ? `$Binary: ${JSON.stringify(value)}` : `the ${kind} value ${kind === "String" ? JSON.stringify(value) : value}`) };

/** A value as written, for a message: `Int="5"`, `the Int value 5`, `a record`. */
function written(v: RawExpression, w: Pick<ReturnType<typeof wordingOf>, "constant">): string {
  switch (v.kind) {
    case "constant":
      return w.constant(v.type, v.value);
    case "record":
      return "a record";
    case "collection":
      return "a collection";
    case "null":
      return "null";
    case "path":
      return `the ${v.type} ${JSON.stringify(v.value)}`;
    case "dynamic":
      return `the ${v.name} expression`;
  }
}
