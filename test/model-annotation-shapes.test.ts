// The value of a term the generated code reads must be of its type in its vocabulary: a Bool, a
// String, a member of its enum, a record whose members are so. Another kind is a warning (ODG102)
// at the annotation, saying what the generated code does with it; the same in CSDL XML and JSON.
import { DiagnosticBag } from "../generator/diagnostics";
import { buildModel } from "../generator/model/build";
import { readCsdlJson } from "../generator/parse/json";
import { isComputed, isReadOnly } from "../generator/model/rules";
import { rootRestrictions } from "../generator/model/restrictions";
import { build, edmx, entity, property, schema } from "./helpers/csdl";

const REFS = `<edmx:Reference Uri="https://x/Core.xml"><edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/></edmx:Reference>
<edmx:Reference Uri="https://x/Cap.xml"><edmx:Include Namespace="Org.OData.Capabilities.V1" Alias="Capabilities"/></edmx:Reference>\n`;
const xmlDoc = (onProp: string, onSet: string) => edmx(schema("ns", `<EntityType Name="t"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/>
<Property Name="p" Type="Edm.Int32">${onProp}</Property></EntityType>
<EntityContainer Name="c"><EntitySet Name="ts" EntityType="ns.t">${onSet}</EntitySet></EntityContainer>`), REFS);
const jsonDoc = (onProp: Record<string, unknown>, onSet: Record<string, unknown>) => JSON.stringify({
  $Version: "4.01", $EntityContainer: "ns.c",
  $Reference: { "https://x/Core.json": { $Include: [{ $Namespace: "Org.OData.Core.V1", $Alias: "Core" }] }, "https://x/Cap.json": { $Include: [{ $Namespace: "Org.OData.Capabilities.V1", $Alias: "Capabilities" }] } },
  ns: { t: { $Kind: "EntityType", $Key: ["id"], id: { $Type: "Edm.Int32" }, p: { $Type: "Edm.Int32", $Nullable: true, ...onProp } }, c: { $Kind: "EntityContainer", ts: { $Collection: true, $Type: "ns.t", ...onSet } } },
}, null, 1);

function buildJson(text: string) {
  const diags = new DiagnosticBag();
  const doc = readCsdlJson("test.json", text, diags);
  if (!doc) throw new Error(diags.items.map((d) => d.message).join("; "));
  return { model: buildModel([doc], diags), diagnostics: diags.items };
}
const shown = (ds: readonly { severity: string; code: string; path: string; message: string; line: number; column: number }[]) => ds.map((d) => [d.severity, d.code, d.path, d.message]);

describe("a value of the wrong kind for the term's type", () => {
  test("Core.Description given an Int is read as its text, with a warning at the annotation (XML and JSON)", () => {
    const x = build(xmlDoc(`<Annotation Term="Core.Description" Int="5"/>`, ""));
    expect(shown(x.diagnostics)).toEqual([["warning", "ODG102", "ns.t/p/@Org.OData.Core.V1.Description", `Org.OData.Core.V1.Description: Int="5" is not a String; it is read as its text`]]);
    expect(x.diagnostics[0]).toMatchObject({ line: 8, column: 37 }) // the <Annotation> on the <Property> line;
    const j = buildJson(jsonDoc({ "@Core.Description": 5 }, {}));
    expect(shown(j.diagnostics)).toEqual([["warning", "ODG102", "ns.t/p/@Org.OData.Core.V1.Description", `Org.OData.Core.V1.Description: the Int value 5 is not a String; it is read as its text`]]);
    expect(j.diagnostics[0]!.line).toBeGreaterThan(0);
  });

  test("a Tag given a String or an Int says how it is read", () => {
    const x = build(xmlDoc(`<Annotation Term="Core.Computed" String="yes"/>`, ""));
    expect(isComputed(property(entity(x.model, "ns.t"), "p"))).toBe(false);
    expect(shown(x.diagnostics)).toEqual([["warning", "ODG102", "ns.t/p/@Org.OData.Core.V1.Computed", `Org.OData.Core.V1.Computed: String="yes" is not a Bool; Core.Computed is read as false`]]);
    const j = buildJson(jsonDoc({ "@Core.Immutable": "true" }, {}));
    expect(shown(j.diagnostics)).toEqual([["warning", "ODG102", "ns.t/p/@Org.OData.Core.V1.Immutable", `Org.OData.Core.V1.Immutable: the String value "true" is not a Bool; Core.Immutable is read as true`]]);
  });

  test("a restriction's Bool given as a String is ignored, the request allowed (XML and JSON alike)", () => {
    const x = build(xmlDoc("", `<Annotation Term="Capabilities.InsertRestrictions"><Record><PropertyValue Property="Insertable" String="no"/></Record></Annotation>`));
    const j = buildJson(jsonDoc({}, { "@Capabilities.InsertRestrictions": { Insertable: "no" } }));
    const c = x.model.schemas[0]!.containers[0]!;
    expect(rootRestrictions(x.model, c, c.entitySets[0]!)).toEqual([]);
    const path = "ns.c/ts/@Org.OData.Capabilities.V1.InsertRestrictions/Insertable";
    expect(shown(x.diagnostics)).toEqual([["warning", "ODG102", path, `Org.OData.Capabilities.V1.InsertRestrictions/Insertable: String="no" is not a Bool; it is ignored, so inserting stays allowed`]]);
    expect(shown(j.diagnostics)).toEqual([["warning", "ODG102", path, `Org.OData.Capabilities.V1.InsertRestrictions/Insertable: the String value "no" is not a Bool; it is ignored, so inserting stays allowed`]]);
  });

  test("a restriction term given a Bool rather than a record, and a custom header's members", () => {
    expect(shown(build(xmlDoc("", `<Annotation Term="Capabilities.DeleteRestrictions" Bool="false"/>
      <Annotation Term="Capabilities.ReadRestrictions"><Record><PropertyValue Property="CustomHeaders"><Collection><Record><PropertyValue Property="Name" Int="5"/><PropertyValue Property="Required" String="yes"/></Record></Collection></PropertyValue></Record></Annotation>`)).diagnostics)).toEqual([
      ["warning", "ODG102", "ns.c/ts/@Org.OData.Capabilities.V1.DeleteRestrictions", `Org.OData.Capabilities.V1.DeleteRestrictions: Bool="false" is not a record (Capabilities.DeleteRestrictionsType); it is ignored`],
      ["warning", "ODG102", "ns.c/ts/@Org.OData.Capabilities.V1.ReadRestrictions/CustomHeaders/0/Name", `Org.OData.Capabilities.V1.ReadRestrictions/CustomHeaders/0/Name: Int="5" is not a String; the item is ignored`],
      ["warning", "ODG102", "ns.c/ts/@Org.OData.Capabilities.V1.ReadRestrictions/CustomHeaders/0/Required", `Org.OData.Capabilities.V1.ReadRestrictions/CustomHeaders/0/Required: String="yes" is not a Bool; it is read as false (not required)`],
    ]);
  });

  test("null where the vocabulary declares the value nullable (Core.Description, a custom header's Description) is silent; where not, a warning", () => {
    expect(build(xmlDoc(`<Annotation Term="Core.Description"><Null/></Annotation><Annotation Term="Core.LongDescription"><Null/></Annotation>`,
      `<Annotation Term="Capabilities.ReadRestrictions"><Record><PropertyValue Property="CustomHeaders"><Collection><Record><PropertyValue Property="Name" String="h"/><PropertyValue Property="Description"><Null/></PropertyValue></Record></Collection></PropertyValue></Record></Annotation>`)).diagnostics).toEqual([]);
    expect(buildJson(jsonDoc({ "@Core.Description": null }, {})).diagnostics).toEqual([]);
    expect(shown(build(xmlDoc(`<Annotation Term="Core.AcceptableMediaTypes"><Collection><Null/></Collection></Annotation>`, "")).diagnostics)).toEqual([
      ["warning", "ODG102", "ns.t/p/@Org.OData.Core.V1.AcceptableMediaTypes/0", "Org.OData.Core.V1.AcceptableMediaTypes/0: null is not a String; it is ignored"],
    ]);
  });

  test("a path or a dynamic expression, a qualified annotation, and a term not read are not reported", () => {
    expect(build(xmlDoc(`<Annotation Term="Core.Computed" Path="id"/><Annotation Term="Core.Description" Qualifier="q" Int="5"/><Annotation Term="Core.Example" Int="5"/>`,
      `<Annotation Term="Capabilities.InsertRestrictions"><Record><PropertyValue Property="Insertable"><If><Bool>true</Bool><Bool>false</Bool><Bool>true</Bool></If></PropertyValue></Record></Annotation>`)).diagnostics).toEqual([]);
  });
});

describe("an enum member the term's enum does not have", () => {
  test("Core.Permissions with Fly is read as naming no permission (XML and JSON)", () => {
    const x = build(xmlDoc(`<Annotation Term="Core.Permissions" EnumMember="Core.Permission/Fly"/>`, ""));
    expect(isReadOnly(property(entity(x.model, "ns.t"), "p"))).toBe(false);
    const how = "read as no permission named (as if the term were not there: the property may be read and sent)";
    expect(shown(x.diagnostics)).toEqual([["warning", "ODG102", "ns.t/p/@Org.OData.Core.V1.Permissions", `Org.OData.Core.V1.Permissions: Core.Permission/Fly is not a member of Core.Permission (None, Read, Write, ReadWrite); ${how}`]]);
    expect(shown(buildJson(jsonDoc({ "@Core.Permissions": "Fly" }, {})).diagnostics)).toEqual([["warning", "ODG102", "ns.t/p/@Org.OData.Core.V1.Permissions", `Org.OData.Core.V1.Permissions: Fly is not a member of Core.Permission (None, Read, Write, ReadWrite); ${how}`]]);
  });

  test("beside a member that exists, it is ignored and the others read", () => {
    const x = build(xmlDoc(`<Annotation Term="Core.Permissions" EnumMember="Core.Permission/Read Core.Permission/Fly"/>`, ""));
    expect(isReadOnly(property(entity(x.model, "ns.t"), "p"))).toBe(true);
    expect(shown(buildJson(jsonDoc({ "@Core.Permissions": "Read,Fly" }, {})).diagnostics)).toEqual([["warning", "ODG102", "ns.t/p/@Org.OData.Core.V1.Permissions", `Org.OData.Core.V1.Permissions: Fly is not a member of Core.Permission (None, Read, Write, ReadWrite); it is ignored, the others read`]]);
  });

  test("valid members, flags and numbers are silent", () => {
    expect(build(xmlDoc(`<Annotation Term="Core.Permissions" EnumMember="Core.Permission/Read Core.Permission/Write"/>`, "")).diagnostics).toEqual([]);
    expect(buildJson(jsonDoc({ "@Core.Permissions": "Read,Write" }, { "@Core.Revisions": [{ Kind: "Deprecated", Description: "old" }] })).diagnostics).toEqual([]);
    expect(buildJson(jsonDoc({ "@Core.Permissions": 1 }, {})).diagnostics).toEqual([]);
  });
});

describe("a member of another enum", () => {
  test("Core.Permissions given Capabilities.NavigationType/None is read by the name, with a warning saying which enum the term expects", () => {
    const x = build(xmlDoc(`<Annotation Term="Core.Permissions" EnumMember="Capabilities.NavigationType/None Core.Permission/Read"/>`, ""));
    expect(isReadOnly(property(entity(x.model, "ns.t"), "p"))).toBe(true);
    expect(shown(x.diagnostics)).toEqual([["warning", "ODG102", "ns.t/p/@Org.OData.Core.V1.Permissions",
      "Org.OData.Core.V1.Permissions: Capabilities.NavigationType/None names the enum Capabilities.NavigationType, not Core.Permission, the enum the term expects; it is read as Core.Permission/None"]]);
    expect(x.diagnostics[0]).toMatchObject({ line: 8 });
  });

  test("a Core.Revisions Kind of a model's own enum, and one whose name is not Core.Permission's, say which enum is expected", () => {
    const x = build(xmlDoc(`<Annotation Term="Core.Revisions"><Collection><Record><PropertyValue Property="Kind" EnumMember="ns.Phase/Deprecated"/><PropertyValue Property="Description" String="old"/></Record></Collection></Annotation>
      <Annotation Term="Core.Permissions" EnumMember="Capabilities.SearchExpressions/none"/>`, ""));
    expect(shown(x.diagnostics)).toEqual([
      ["warning", "ODG102", "ns.t/p/@Org.OData.Core.V1.Revisions/0/Kind", "Org.OData.Core.V1.Revisions/0/Kind: ns.Phase/Deprecated names the enum ns.Phase, not Core.RevisionKind, the enum the term expects; it is read as Core.RevisionKind/Deprecated"],
      ["warning", "ODG102", "ns.t/p/@Org.OData.Core.V1.Permissions", "Org.OData.Core.V1.Permissions: Capabilities.SearchExpressions/none is not a member of Core.Permission (None, Read, Write, ReadWrite); read as no permission named (as if the term were not there: the property may be read and sent)"],
    ]);
  });

  test("the expected enum by an alias the document does not declare says so, not that it is another enum of the same name", () => {
    const refs = `<edmx:Reference Uri="https://x/Core.xml"><edmx:Include Namespace="Org.OData.Core.V1"/></edmx:Reference>\n`;
    const doc = edmx(schema("ns", `<EntityType Name="t"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/>
<Property Name="p" Type="Edm.Int32"><Annotation Term="Org.OData.Core.V1.Permissions" EnumMember="Core.Permission/Read"/></Property></EntityType>`), refs);
    const x = build(doc);
    expect(isReadOnly(property(entity(x.model, "ns.t"), "p"))).toBe(true);
    expect(shown(x.diagnostics)).toEqual([["warning", "ODG102", "ns.t/p/@Org.OData.Core.V1.Permissions",
      "Org.OData.Core.V1.Permissions: Core.Permission/Read names the enum Core.Permission, not Org.OData.Core.V1.Permission (Core is no alias of Org.OData.Core.V1 in this document), the enum the term expects; it is read as Core.Permission/Read"]]);
  });

  test("the enum by its namespace or its alias is silent; CSDL JSON names no enum, only the member", () => {
    expect(build(xmlDoc(`<Annotation Term="Core.Permissions" EnumMember="Org.OData.Core.V1.Permission/Read Core.Permission/Write"/>`, "")).diagnostics).toEqual([]);
    expect(buildJson(jsonDoc({ "@Core.Permissions": "None" }, { "@Core.Revisions": [{ Kind: "Deprecated", Description: "old" }] })).diagnostics).toEqual([]);
  });
});

describe("a record member its record type does not declare", () => {
  const insert = (members: string) => `<Annotation Term="Capabilities.InsertRestrictions"><Record>${members}</Record></Annotation>`;
  const path = "ns.c/ts/@Org.OData.Capabilities.V1.InsertRestrictions/Insertabl";
  const message = "Org.OData.Capabilities.V1.InsertRestrictions: Insertabl is not a member of Capabilities.InsertRestrictionsType (did you mean Insertable?); it is ignored";

  test("InsertRestrictions with Insertabl is a warning at the annotation with the nearest member (XML and JSON)", () => {
    const x = build(xmlDoc("", insert(`<PropertyValue Property="Insertabl" Bool="false"/>`)));
    const c = x.model.schemas[0]!.containers[0]!;
    expect(rootRestrictions(x.model, c, c.entitySets[0]!)).toEqual([]);
    expect(shown(x.diagnostics)).toEqual([["warning", "ODG102", path, message]]);
    expect(x.diagnostics[0]).toMatchObject({ line: 9 }); // the <Annotation> on the <EntitySet> line
    const j = buildJson(jsonDoc({}, { "@Capabilities.InsertRestrictions": { Insertabl: false } }));
    expect(shown(j.diagnostics)).toEqual([["warning", "ODG102", path, message]]);
    expect(j.diagnostics[0]!.line).toBeGreaterThan(0);
  });

  test("members the vocabulary declares that the generated code does not read, and annotations on the record, are silent", () => {
    expect(build(xmlDoc("", insert(`<Annotation Term="Core.Description" String="x"/><PropertyValue Property="Description" String="d"/><PropertyValue Property="MaxLevels" Int="2"/>
      <PropertyValue Property="NonInsertableProperties"><Collection><PropertyPath>p</PropertyPath></Collection></PropertyValue>`))).diagnostics).toEqual([]);
    expect(buildJson(jsonDoc({}, { "@Capabilities.InsertRestrictions": { "@Core.Description": "x", "Insertable@Core.Description": "y", Insertable: false, ErrorResponses: [] } })).diagnostics).toEqual([]);
  });

  test("inside a restricted navigation property and a custom header, each at its member's path; a note where the nearest member is not read", () => {
    const nav = `<Annotation Term="Capabilities.NavigationRestrictions"><Record><PropertyValue Property="RestrictedProperties"><Collection><Record>
      <PropertyValue Property="NavigationProperty" NavigationPropertyPath="p"/><PropertyValue Property="Navigabilty" EnumMember="Capabilities.NavigationType/None"/>
      <PropertyValue Property="ReadRestrictions"><Record><PropertyValue Property="CustomHeaders"><Collection><Record><PropertyValue Property="Nmae" String="h"/></Record></Collection></PropertyValue></Record></PropertyValue>
      </Record></Collection></PropertyValue></Record></Annotation>`;
    const n = "Org.OData.Capabilities.V1.NavigationRestrictions/RestrictedProperties/0";
    const expected = [
      // A note: the generated code does not read Navigability.
      ["info", "ODG102", `ns.c/ts/@${n}/Navigabilty`, `${n}: Navigabilty is not a member of Capabilities.NavigationPropertyRestriction (did you mean Navigability?); it is ignored (no generated line depends on it)`],
      ["warning", "ODG102", `ns.c/ts/@${n}/ReadRestrictions/CustomHeaders/0/Nmae`, `${n}/ReadRestrictions/CustomHeaders/0: Nmae is not a member of Capabilities.CustomParameter (did you mean Name?); it is ignored`],
    ];
    expect(shown(build(xmlDoc("", nav)).diagnostics)).toEqual(expected);
    expect(shown(buildJson(jsonDoc({}, { "@Capabilities.NavigationRestrictions": { RestrictedProperties: [{ NavigationProperty: "p", Navigabilty: "None", ReadRestrictions: { CustomHeaders: [{ Nmae: "h" }] } }] } })).diagnostics)).toEqual(expected);
  });

  test("a record typed as the term's own type is checked; one of a type derived from it adds that type's members; one of a type the model lacks is not checked", () => {
    expect(shown(build(xmlDoc("", insert(`<PropertyValue Property="Insertabl" Bool="false"/>`).replace("<Record>", `<Record Type="Capabilities.InsertRestrictionsType">`))).diagnostics)).toEqual([["warning", "ODG102", path, message]]);
    expect(build(xmlDoc("", insert(`<PropertyValue Property="Extra" Bool="true"/>`).replace("<Record>", `<Record Type="ns.Unknown">`))).diagnostics).toEqual([]);
    // The vocabulary among the inputs, as a type deriving from its record type needs.
    const vocabulary = schema("Org.OData.Capabilities.V1", `<ComplexType Name="InsertRestrictionsType"><Property Name="Insertable" Type="Edm.Boolean"/><Property Name="Later" Type="Edm.Boolean"/></ComplexType>`, "Capabilities");
    const own = schema("ns", `<ComplexType Name="MyInsert" BaseType="Capabilities.InsertRestrictionsType"><Property Name="Extra" Type="Edm.Boolean"/></ComplexType>
<EntityType Name="t"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>
<EntityContainer Name="c"><EntitySet Name="ts" EntityType="ns.t"><Annotation Term="Capabilities.InsertRestrictions"><Record Type="ns.MyInsert">
<PropertyValue Property="Extra" Bool="true"/><PropertyValue Property="Later" Bool="true"/><PropertyValue Property="MaxLevels" Int="1"/><PropertyValue Property="Insertabl" Bool="false"/></Record></Annotation></EntitySet></EntityContainer>`);
    const derived = `Org.OData.Capabilities.V1.InsertRestrictions: Insertabl is not a member of ns.MyInsert (did you mean Insertable?); it is ignored`;
    expect(shown(build(edmx([vocabulary, own])).diagnostics)).toEqual([["warning", "ODG102", path, derived]]);
    const j = buildJson(JSON.stringify({
      $Version: "4.01", $EntityContainer: "ns.c",
      "Org.OData.Capabilities.V1": { $Alias: "Capabilities", InsertRestrictionsType: { $Kind: "ComplexType", Insertable: { $Type: "Edm.Boolean", $Nullable: true }, Later: { $Type: "Edm.Boolean", $Nullable: true } } },
      ns: {
        MyInsert: { $Kind: "ComplexType", $BaseType: "Capabilities.InsertRestrictionsType", Extra: { $Type: "Edm.Boolean", $Nullable: true } },
        t: { $Kind: "EntityType", $Key: ["id"], id: { $Type: "Edm.Int32" } },
        c: { $Kind: "EntityContainer", ts: { $Collection: true, $Type: "ns.t", "@Capabilities.InsertRestrictions": { "@type": "#ns.MyInsert", Extra: true, Later: true, MaxLevels: 1, Insertabl: false } } },
      },
    }));
    expect(shown(j.diagnostics)).toEqual([["warning", "ODG102", path, derived]]);
  });
});
