// ODG112: an element in CSDL's namespace that CSDL does not define inside its parent, or an
// attribute it does not define on its element (unprefixed, or prefixed with CSDL's namespace), is a warning where it is written; other
// namespaces (vendors' elements and attributes) stay silent. Checked in place and in the contents
// a slice reads later (deferred bodies and annotation blocks).
import { readBody, readCsdlXml, readDeferredGroup } from "../generator/parse/xml";
import { DiagnosticBag } from "../generator/diagnostics";
import { generate } from "../generator/generate";
import { nearestName } from "../generator/parse/csdl-names";
import { edmx, schema } from "./helpers/csdl";
import { BIN, scratch } from "./helpers/cli";
import { spawnBounded } from "./helpers/bounded-spawn";
import * as fs from "node:fs";
import * as path from "node:path";

/** The QA report's document: Demo.Person with key Id, Age and Name; complex type Address; container C. */
const PERSON = `      <EntityType Name="Person">
        <Key><PropertyRef Name="Id"/></Key>
        <Property Name="Id" Type="Edm.String" Nullable="false"/>
        <Property Name="Age" Type="Edm.Int32"/>
        <Property Name="Name" Type="Edm.String" MaxLength="40"/>
        <NavigationProperty Name="Friends" Type="Collection(Demo.Person)"/>
      </EntityType>
      <ComplexType Name="Address">
        <Property Name="Street" Type="Edm.String"/>
      </ComplexType>
      <EntityContainer Name="C">
        <EntitySet Name="People" EntityType="Demo.Person">
          <NavigationPropertyBinding Path="Friends" Target="People"/>
        </EntitySet>
      </EntityContainer>`;
const BASE = edmx(schema("Demo", PERSON));

type Row = [code: string, severity: string, line: number, column: number, path: string, message: string];

function report(xml: string): Row[] {
  const diags = new DiagnosticBag();
  readCsdlXml("test.xml", xml, diags);
  return diags.items.map((d) => [d.code, d.severity, d.line, d.column, d.path, d.message]);
}

/** Line and column of the nth occurrence of `needle` (1-based, as diagnostics give them). */
function at(xml: string, needle: string): [number, number] {
  const offset = xml.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not in the document`);
  return [xml.slice(0, offset).split("\n").length, offset - xml.lastIndexOf("\n", offset - 1)];
}

describe("the QA report's four documents", () => {
  test("the base document is silent", () => {
    expect(report(BASE)).toEqual([]);
  });

  test.each<[string, string, string, string, string]>([
    ["a misspelt element", `<Property Name="Age" Type="Edm.Int32"/>`, `<Propery Name="Age" Type="Edm.Int32"/>`, "<Propery", "Demo.Person"],
    ["a misspelt attribute", `<Property Name="Id" Type="Edm.String" Nullable="false"/>`, `<Property Name="Id" Type="Edm.String" Nulable="false"/>`, "Nulable", "Demo.Person/Id"],
    ["a model element in the container", `<ComplexType Name="Address">\n        <Property Name="Street" Type="Edm.String"/>\n      </ComplexType>\n`, "", "<ComplexType", "Demo.C"],
    ["an unknown element in a key", `<Key>`, `<Key><Bogus/>`, "<Bogus", "Demo.Person/Key"],
  ])("%s", (name, from, to, where, path) => {
    let xml = BASE.replace(from, to);
    if (name === "a model element in the container")
      xml = xml.replace(`<EntityContainer Name="C">`, `<EntityContainer Name="C"><ComplexType Name="Address"><Property Name="Street" Type="Edm.String"/></ComplexType>`);
    const message = {
      "a misspelt element": "<Propery> is not an element CSDL defines inside <EntityType>: it is ignored, with its content (did you mean <Property>?)",
      "a misspelt attribute": "Nulable is not an attribute CSDL defines on <Property>: it is ignored (did you mean Nullable?)",
      "a model element in the container": "<ComplexType> is not an element CSDL defines inside <EntityContainer>: it is ignored, with its content (CSDL defines it inside <Schema>)",
      "an unknown element in a key": "<Bogus> is not an element CSDL defines inside <Key>: it is ignored",
    }[name];
    expect(report(xml)).toEqual([["ODG112", "warning", ...at(xml, where), path, message + (name === "an unknown element in a key" ? ", with its content" : "")]]);
  });

  test("--fail-on-warnings has something to fail on: the warning survives generate()", () => {
    const xml = BASE.replace(`Nullable="false"/>`, `Nulable="false"/>`);
    const r = generate({ inputs: [{ file: "demo.xml", content: xml }] });
    // And what the misspelling does: the key property is read as nullable, which ODG106 says too.
    expect(r.diagnostics.map((d) => d.code)).toEqual(["ODG112", "ODG106"]);
  });
});

describe("every kind of element the reader reads is checked", () => {
  const cases: [string, string, string, string][] = [
    ["schema attribute", `<ComplexType Name="c"/>`, "Namspace", "ns"],
    ["entity type attribute", `<EntityType Name="e" Abstrct="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>`, "Abstrct", "ns.e"],
    ["HasStream on a complex type (entity types only)", `<ComplexType Name="c" HasStream="true"/>`, "HasStream", "ns.c"],
    ["Key in a complex type", `<ComplexType Name="c"><Key><PropertyRef Name="a"/></Key><Property Name="a" Type="Edm.Int32"/></ComplexType>`, "<Key", "ns.c"],
    ["PropertyRef attribute", `<EntityType Name="e"><Key><PropertyRef Name="id" Alis="i"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>`, "Alis", "ns.e/Key"],
    ["navigation property attribute", `<EntityType Name="e"><NavigationProperty Name="n" Type="ns.e" ContainTarget="true"/></EntityType>`, "ContainTarget", "ns.e/n"],
    ["navigation property child", `<EntityType Name="e"><NavigationProperty Name="n" Type="ns.e"><ReferentialConstrain Property="a" ReferencedProperty="b"/></NavigationProperty></EntityType>`, "<ReferentialConstrain", "ns.e/n"],
    ["referential constraint attribute", `<EntityType Name="e"><NavigationProperty Name="n" Type="ns.e"><ReferentialConstraint Property="a" ReferenceProperty="b"/></NavigationProperty></EntityType>`, "ReferenceProperty", "ns.e/n"],
    ["property child", `<ComplexType Name="c"><Property Name="p" Type="Edm.Int32"><Anotation Term="T"/></Property></ComplexType>`, "<Anotation", "ns.c/p"],
    ["enum type attribute", `<EnumType Name="en" IsFlag="true"><Member Name="a"/></EnumType>`, "IsFlag", "ns.en"],
    ["enum type child", `<EnumType Name="en"><Memeber Name="a"/></EnumType>`, "<Memeber", "ns.en"],
    ["enum member attribute", `<EnumType Name="en"><Member Name="a" Vlaue="1"/></EnumType>`, "Vlaue", "ns.en/a"],
    ["type definition attribute (Nullable is not a facet of one)", `<TypeDefinition Name="t" UnderlyingType="Edm.String" Nullable="false"/>`, "Nullable", "ns.t"],
    ["term attribute", `<Term Name="t" Type="Edm.String" AppliesTo="Property" Abstract="true"/>`, "Abstract", "ns.t"],
    ["function attribute", `<Function Name="f" IsComposible="true"><ReturnType Type="Edm.Int32"/></Function>`, "IsComposible", "ns.f"],
    ["function child", `<Function Name="f"><Parameter Name="a" Type="Edm.Int32"/><ReturnTyp Type="Edm.Int32"/></Function>`, "<ReturnTyp", "ns.f"],
    ["parameter attribute", `<Action Name="a"><Parameter Name="p" Type="Edm.Int32" Mode="In"/></Action>`, "Mode", "ns.a/p"],
    ["return type attribute", `<Function Name="f"><ReturnType Type="Edm.Int32" Nulable="false"/></Function>`, "Nulable", "ns.f/$ReturnType"],
    ["container attribute", `<EntityContainer Name="c" Extend="x"/>`, "Extend", "ns.c"],
    ["entity set attribute", `<EntityContainer Name="c"><EntitySet Name="s" EntityType="ns.e" IncludeInServiceDoc="false"/></EntityContainer>`, "IncludeInServiceDoc", "ns.c/s"],
    ["entity set child", `<EntityContainer Name="c"><EntitySet Name="s" EntityType="ns.e"><NavigationBinding Path="a" Target="s"/></EntitySet></EntityContainer>`, "<NavigationBinding", "ns.c/s"],
    ["singleton attribute", `<EntityContainer Name="c"><Singleton Name="s" Type="ns.e" EntityType="ns.e"/></EntityContainer>`, "EntityType", "ns.c/s"],
    ["binding attribute", `<EntityContainer Name="c"><Singleton Name="s" Type="ns.e"><NavigationPropertyBinding Path="a" Target="s" Tagret="x"/></Singleton></EntityContainer>`, "Tagret", "ns.c/s"],
    ["binding child (CSDL gives a binding none)", `<EntityContainer Name="c"><Singleton Name="s" Type="ns.e"><NavigationPropertyBinding Path="a" Target="s"><Annotation Term="T"/></NavigationPropertyBinding></Singleton></EntityContainer>`, "<Annotation", "ns.c/s"],
    ["function import attribute", `<EntityContainer Name="c"><FunctionImport Name="fi" Function="ns.f" IncludeInServiceDocment="true"/></EntityContainer>`, "IncludeInServiceDocment", "ns.c/fi"],
    ["function import child (a V2 parameter)", `<EntityContainer Name="c"><FunctionImport Name="fi" Function="ns.f"><Parameter Name="p" Type="Edm.Int32"/></FunctionImport></EntityContainer>`, "<Parameter", "ns.c/fi"],
    ["action import attribute", `<EntityContainer Name="c"><ActionImport Name="ai" Action="ns.a" IncludeInServiceDocument="true"/></EntityContainer>`, "IncludeInServiceDocument", "ns.c/ai"],
    ["annotations attribute", `<Annotations Target="ns.c" Qualifer="q"><Annotation Term="T"/></Annotations>`, "Qualifer", "ns.c"],
    ["annotations child", `<Annotations Target="ns.c"><Annotation Term="T"/><Anotation Term="U"/></Annotations>`, "<Anotation", "ns.c"],
    ["annotation attribute", `<ComplexType Name="c"><Annotation Term="T" Strng="x"/></ComplexType>`, "Strng", "ns.c/@T"],
    ["annotation child", `<ComplexType Name="c"><Annotation Term="T"><Strng>x</Strng></Annotation></ComplexType>`, "<Strng", "ns.c/@T"],
    ["record child", `<Annotation Term="T"><Record><PropertyVal Property="a" String="x"/></Record></Annotation>`, "<PropertyVal", "ns/@T"],
    ["record attribute", `<Annotation Term="T"><Record Typ="x"/></Annotation>`, "Typ", "ns/@T"],
    ["property value attribute", `<Annotation Term="T"><Record><PropertyValue Property="a" Sting="x"/></Record></Annotation>`, "Sting", "ns/@T"],
    ["collection item", `<Annotation Term="T"><Collection><String>a</String><Strin>b</Strin></Collection></Annotation>`, "<Strin>", "ns/@T"],
    ["operand", `<Annotation Term="T"><Apply Function="odata.concat"><String>a</String><Pth>b</Pth></Apply></Annotation>`, "<Pth", "ns/@T"],
    ["apply attribute", `<Annotation Term="T"><Apply Func="odata.concat"><String>a</String></Apply></Annotation>`, "Func", "ns/@T"],
    ["element inside a constant", `<Annotation Term="T"><String>a<b/></String></Annotation>`, "<b/>", "ns/@T"],
  ];
  test.each(cases)("%s", (_name, body, where, path) => {
    const xml = edmx(schema("ns", body)).replace(`<Schema Namespace="ns"`, _name === "schema attribute" ? `<Schema Namespace="ns" Namspace="x"` : `<Schema Namespace="ns"`);
    const rows = report(xml).filter((r) => r[0] === "ODG112");
    const needle = where.startsWith("<") ? where : ` ${where}=`;
    const [line, column] = at(xml, needle);
    expect(rows.map((r) => [r[2], r[3], r[4]])).toEqual([[line, where.startsWith("<") ? column : column + 1, path]]);
  });

  test("the root, references and DataServices (EDMX)", () => {
    const xml = edmx(schema("ns", `<ComplexType Name="c"/>`),
      `<edmx:Reference Uri="u" Url="v"><edmx:Includ Namespace="x"/><edmx:Include Namespace="y" Alais="z"/><edmx:IncludeAnnotations TermNamespace="t" Target="a"/></edmx:Reference>\n`)
      .replace(`<edmx:DataServices>`, `<edmx:DataServices Version="4.0"><edmx:Shema Namespace="z"/>`)
      .replace(`Version="4.0" xmlns:edmx`, `Version="4.0" Versoin="4" xmlns:edmx`);
    expect(report(xml).map((r) => r[5])).toEqual([
      "Versoin is not an attribute CSDL defines on <Edmx>: it is ignored (did you mean Version?)",
      "Version is not an attribute CSDL defines on <DataServices>: it is ignored",
      "<Shema> is not an element CSDL defines inside <DataServices>: it is ignored, with its content (did you mean <Schema>?)",
      "Url is not an attribute CSDL defines on <Reference>: it is ignored (did you mean Uri?)",
      "<Includ> is not an element CSDL defines inside <Reference>: it is ignored, with its content (did you mean <Include>?)",
      "Alais is not an attribute CSDL defines on <Include>: it is ignored (did you mean Alias?)",
      "Target is not an attribute CSDL defines on <IncludeAnnotations>: it is ignored",
    ]);
  });

  test("a schema with a prefix: its prefix marks CSDL's elements, unprefixed ones are another namespace's", () => {
    const xml = edmx(`<edm:Schema Namespace="ns" xmlns:edm="http://docs.oasis-open.org/odata/ns/edm"><edm:ComplexType Name="c"><edm:Propery Name="a" Type="Edm.Int32"/><Propery Name="b"/></edm:ComplexType></edm:Schema>`);
    expect(report(xml).map((r) => [r[4], r[5]])).toEqual([
      ["ns.c", "<Propery> is not an element CSDL defines inside <ComplexType>: it is ignored, with its content (did you mean <Property>?)"],
    ]);
    expect(report(xml)[0]?.[3]).toBe(at(xml, "<edm:Propery")[1]);
  });

  test("a schema in V2/V3's namespace, read as V4 CSDL: its elements are CSDL's", () => {
    const xml = edmx(schema("ns", `<ComplexType Name="c"><Property Name="a" Type="Edm.Int32" CollectionKind="List"/></ComplexType>`))
      .replace(`xmlns="http://docs.oasis-open.org/odata/ns/edm"`, `xmlns="http://schemas.microsoft.com/ado/2008/09/edm"`);
    expect(report(xml).map((r) => r[0])).toEqual(["ODG005", "ODG112"]);
  });
});

describe("what CSDL defines, and other namespaces, stay silent", () => {
  test("CSDL 4.01's additions and everything the reader leaves unread", () => {
    const xml = edmx(schema("ns", `
      <EntityType Name="e" Abstract="false" OpenType="true" HasStream="true">
        <Annotation Term="T" UrlRef="http://x"/>
        <Key><PropertyRef Name="id" Alias="i"/></Key>
        <Property Name="id" Type="Edm.Decimal" Nullable="false" Precision="3" Scale="variable" MaxLength="max" Unicode="false" SRID="0" DefaultValue="1"><Annotation Term="T"/></Property>
        <NavigationProperty Name="n" Type="ns.e" Nullable="true" Partner="n" ContainsTarget="false">
          <ReferentialConstraint Property="id" ReferencedProperty="id"><Annotation Term="T"/></ReferentialConstraint>
          <OnDelete Action="Cascade"><Annotation Term="T"/></OnDelete>
          <Annotation Term="T"/>
        </NavigationProperty>
      </EntityType>
      <ComplexType Name="c" BaseType="ns.b" Abstract="true" OpenType="false"><NavigationProperty Name="n" Type="ns.e"/></ComplexType>
      <EnumType Name="en" UnderlyingType="Edm.Int32" IsFlags="true"><Annotation Term="T"/><Member Name="a" Value="1"><Annotation Term="T"/></Member></EnumType>
      <TypeDefinition Name="td" UnderlyingType="Edm.String" MaxLength="3" Unicode="true" SRID="1" Precision="1" Scale="0"><Annotation Term="T"/></TypeDefinition>
      <Action Name="a" IsBound="true" EntitySetPath="b"><Parameter Name="b" Type="ns.e" Nullable="false" Unicode="false"><Annotation Term="T"/></Parameter><ReturnType Type="Edm.String" Nullable="false" Unicode="false" MaxLength="2"><Annotation Term="T"/></ReturnType><Annotation Term="T"/></Action>
      <Function Name="f" IsBound="false" IsComposable="true"><ReturnType Type="Edm.Int32"/></Function>
      <Term Name="t" Type="Edm.String" BaseTerm="ns.u" Nullable="true" DefaultValue="x" AppliesTo="Property" MaxLength="4"><Annotation Term="T"/></Term>
      <EntityContainer Name="svc" Extends="x.svc">
        <Annotation Term="T"/>
        <EntitySet Name="es" EntityType="ns.e" IncludeInServiceDocument="false"><NavigationPropertyBinding Path="n" Target="es"/><Annotation Term="T"/></EntitySet>
        <Singleton Name="me" Type="ns.e" Nullable="true"><NavigationPropertyBinding Path="n" Target="es"/></Singleton>
        <ActionImport Name="ai" Action="ns.a" EntitySet="es"><Annotation Term="T"/></ActionImport>
        <FunctionImport Name="fi" Function="ns.f" EntitySet="es" IncludeInServiceDocument="true"/>
      </EntityContainer>
      <Annotations Target="ns.e" Qualifier="q">
        <Annotation Term="A" Qualifier="q" Int="1" Bool="true" Date="2020-01-01" DateTimeOffset="2020-01-01T00:00:00Z" Decimal="1" Duration="P1D" EnumMember="a/b" Float="1" Guid="x" Binary="AA" String="s" TimeOfDay="00:00" AnnotationPath="a" ModelElementPath="a" NavigationPropertyPath="a" Path="a" PropertyPath="a"/>
        <Annotation Term="B"><Annotation Term="Nested"/><Record Type="ns.r"><Annotation Term="T"/><PropertyValue Property="a" Path="p"><Annotation Term="T"/></PropertyValue><PropertyValue Property="b"><Null><Annotation Term="T"/></Null></PropertyValue></Record></Annotation>
        <Annotation Term="C"><Collection><Add><Path>a</Path><Int>1</Int></Add><Sub><Int>1</Int><Int>1</Int></Sub><Neg><Int>1</Int></Neg><Mul><Int>1</Int><Int>1</Int></Mul><Div><Int>1</Int><Int>1</Int></Div><DivBy><Int>1</Int><Int>1</Int></DivBy><Mod><Int>1</Int><Int>1</Int></Mod></Collection></Annotation>
        <Annotation Term="D"><If><Annotation Term="T"/><Bool>true</Bool><Cast Type="Edm.String" MaxLength="3"><Path>a</Path></Cast><IsOf Type="Edm.Int32" Precision="1"><Path>a</Path></IsOf></If></Annotation>
        <Annotation Term="E"><Apply Function="odata.fillUriTemplate"><LabeledElement Name="l" String="x"/><LabeledElementReference>ns.l</LabeledElementReference><UrlRef><String>u</String></UrlRef></Apply></Annotation>
        <Annotation Term="F"><And><Or><Eq><Int>1</Int><Int>1</Int></Eq><Ne><Int>1</Int><Int>1</Int></Ne></Or><Not><Has><Path>a</Path><EnumMember>x/y</EnumMember></Has></Not></And></Annotation>
        <Annotation Term="G"><In><Path>a</Path><Collection><Int>1</Int></Collection></In></Annotation>
      </Annotations>`), `<edmx:Reference Uri="u"><edmx:Include Namespace="x" Alias="y"><Annotation Term="T"/></edmx:Include><edmx:IncludeAnnotations TermNamespace="t" Qualifier="q" TargetNamespace="n"/><Annotation Term="T"/></edmx:Reference>\n`)
      .replace(`Version="4.0"`, `Version="4.01"`);
    expect(report(xml)).toEqual([]);
  });

  test("vendors' attributes and elements: sap:, m:, p8:, xml:lang, an element with its own default namespace", () => {
    const xml = edmx(schema("ns", `
      <EntityType Name="e" sap:content-version="1" m:HasStream="true" xml:lang="en" p8:StoreGeneratedPattern="Identity">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.Int32" Nullable="false" sap:label="Id"/>
        <sap:Extra/>
        <Vendor xmlns="urn:vendor"><Anything/></Vendor>
      </EntityType>
      <atom:link rel="self" href="x" xmlns:atom="http://www.w3.org/2005/Atom"/>
      <EntityContainer Name="svc" m:IsDefaultEntityContainer="true"><EntitySet Name="es" EntityType="ns.e" sap:creatable="false"/></EntityContainer>`))
      .replace(`xmlns="http://docs.oasis-open.org/odata/ns/edm"`, `xmlns="http://docs.oasis-open.org/odata/ns/edm" xmlns:sap="http://www.sap.com/Protocols/SAPData" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" xmlns:p8="urn:p8"`);
    expect(report(xml)).toEqual([]);
  });

  test("an element that declares CSDL's namespace on itself is CSDL's", () => {
    const xml = edmx(schema("ns", `<ComplexType Name="c"><v:Propery Name="a" xmlns:v="http://docs.oasis-open.org/odata/ns/edm"/></ComplexType>`));
    expect(report(xml).map((r) => r[5])).toEqual([
      "<Propery> is not an element CSDL defines inside <ComplexType>: it is ignored, with its content (did you mean <Property>?)",
    ]);
  });
});

describe("the contents a slice reads later are checked as they are read", () => {
  const xml = edmx(schema("Demo", PERSON.replace(`Nullable="false"/>`, `Nulable="false"/>`)
    + `\n      <EnumType Name="en"><Member Name="a" Valu="1"/></EnumType>`
    + `\n      <Action Name="a" IsBound="true"><Parameter Name="b" Type="Demo.Person"/><Parameter Name="x" Type="Edm.Int32" Nulable="false"/></Action>`
    + `\n      <Annotations Target="Demo.Person"><Annotation Term="T" Strng="x"/></Annotations>`));

  test("deferred bodies and annotation blocks: the same warnings, at the same places, when read", () => {
    const eager = report(xml);
    expect(eager.map((r) => r[5].slice(0, 8))).toEqual(["Nulable ", "Valu is ", "Nulable ", "Strng is"]);
    const diags = new DiagnosticBag();
    const doc = readCsdlXml("test.xml", xml, diags, { deferBodies: true, deferAnnotationGroups: true });
    expect(diags.items).toEqual([]);
    const s = doc!.schemas[0];
    for (const raw of [s.entityTypes[0], s.enumTypes[0], s.actions[0]]) readBody(raw!, diags);
    for (const g of doc!.deferred ?? []) readDeferredGroup(g, diags);
    expect(diags.items.map((d) => [d.code, d.severity, d.line, d.column, d.path, d.message])).toEqual(eager);
  });

  test("a slice links a type whose content has only warnings (the key stays, so no ODG106)", () => {
    const r = generate({ inputs: [{ file: "demo.xml", content: xml }], include: ["/People/**"] });
    // The enum type is not in the slice, so its content is not read; the action bound to Demo.Person is.
    expect(r.diagnostics.filter((d) => d.code === "ODG112").map((d) => d.path)).toEqual(["Demo.Person/Id", "Demo.a/x", "Demo.Person/@T"]);
    // The one other warning is the misspelt Nullable's effect (a nullable key), not a type left without its key.
    expect(r.diagnostics.filter((d) => d.severity === "warning" && d.code !== "ODG112").map((d) => d.message)).toEqual([
      "key property Id of Demo.Person is nullable (CSDL 4.01 §6.5: key properties are not); it is read as not nullable: its interface, its validator and byKey take no null",
    ]);
    expect(r.model.types.get("Demo.Person")).toMatchObject({ key: [{ name: "Id" }] });
  });
});

test.each<[string, string[], string | undefined]>([
  ["Propery", ["Key", "Property", "NavigationProperty", "Annotation"], "Property"],
  ["property", ["Property"], "Property"],
  ["Nulable", ["Name", "Type", "Nullable"], "Nullable"],
  ["Tpye", ["Name", "Type"], "Type"],
  ["Bogus", ["PropertyRef"], undefined],
  ["Ab", ["Name", "Type"], undefined],
])("nearest name: %s", (name, known, want) => {
  expect(nearestName(name, known)).toBe(want);
});

describe("names fast-xml-parser stores under another name (toString, hasOwnProperty, valueOf, __defineGetter__, …)", () => {
  test("an element or attribute so named is reported by the name it is written with, where it is written, in place and in a slice", () => {
    const xml = edmx(schema("Demo", `<ComplexType Name="c" toString="x" hasOwnProperty=" y"><hasOwnProperty/><Property Name="p" Type="Edm.String" valueOf="1"/><__toString/></ComplexType>
<toString><valueOf/></toString>
<Annotations Target="Demo.c"><Annotation Term="T" __defineGetter__="z"><Collection><toString/></Collection></Annotation></Annotations>`));
    const unknownElement = (name: string, parent: string) => `<${name}> is not an element CSDL defines inside <${parent}>: it is ignored, with its content`;
    const unknownAttribute = (name: string, element: string) => `${name} is not an attribute CSDL defines on <${element}>: it is ignored`;
    const eager = report(xml);
    expect(eager).toEqual([
      ["ODG112", "warning", ...at(xml, "<toString>"), "Demo", unknownElement("toString", "Schema")],
      ["ODG112", "warning", ...at(xml, "toString="), "Demo.c", unknownAttribute("toString", "ComplexType")],
      ["ODG112", "warning", ...at(xml, "hasOwnProperty="), "Demo.c", unknownAttribute("hasOwnProperty", "ComplexType")],
      ["ODG112", "warning", ...at(xml, "<hasOwnProperty"), "Demo.c", unknownElement("hasOwnProperty", "ComplexType")],
      ["ODG112", "warning", ...at(xml, "<__toString"), "Demo.c", unknownElement("__toString", "ComplexType")],
      ["ODG112", "warning", ...at(xml, "valueOf="), "Demo.c/p", unknownAttribute("valueOf", "Property")],
      ["ODG112", "warning", ...at(xml, "__defineGetter__="), "Demo.c/@T", unknownAttribute("__defineGetter__", "Annotation")],
      ["ODG112", "warning", ...at(xml, "<toString/>"), "Demo.c/@T", `${unknownElement("toString", "Collection")} (did you mean <String>?)`],
    ]);
    const diags = new DiagnosticBag();
    const doc = readCsdlXml("test.xml", xml, diags, { deferBodies: true, deferAnnotationGroups: true });
    readBody(doc!.schemas[0].complexTypes[0], diags);
    for (const g of doc!.deferred ?? []) readDeferredGroup(g, diags);
    expect(diags.items.map((d) => [d.code, d.severity, d.line, d.column, d.path, d.message])).toEqual(eager);
  });

  test("a root element so named is named as written", () => {
    expect(report(`<toString/>`).map((r) => r[5])).toEqual(["expected an <edmx:Edmx> root element, found <toString>"]);
  });
});

test("what a failed download saves in place of the metadata is named: an HTML page with its title, an XML error response with its code and message", () => {
  const page = `<!DOCTYPE html>\n<html><head><title>Sign in\n  to your account</title></head><body>401<br></body></html>`;
  expect(report(page)).toEqual([["ODG003", "error", 1, 1, "(document)", `the input is an HTML page ("Sign in to your account"), not metadata: a sign-in or error page saved in place of the service's $metadata? Give odatagen a CSDL XML or CSDL JSON document ($metadata)`]]);
  expect(report(`<?xml version="1.0"?>\n<!-- a comment -->\n<HTML lang="en"><body/></HTML>`).map((r) => r.slice(0, 4).concat(r[5]))).toEqual([["ODG003", "error", 3, 1, "the input is an HTML page, not metadata: a sign-in or error page saved in place of the service's $metadata? Give odatagen a CSDL XML or CSDL JSON document ($metadata)"]]);
  // An empty file: what a download that failed before its body leaves.
  const empty = (what: string) => `the input is empty (${what}), not metadata: a download that saved nothing? Give odatagen a CSDL XML or CSDL JSON document ($metadata)`;
  expect(report("")).toEqual([["ODG003", "error", 1, 1, "(document)", empty("no bytes")]]);
  expect(report("\uFEFF \r\n\t\n")).toEqual([["ODG003", "error", 1, 1, "(document)", empty("white space only")]]);
  expect(report("\uFEFF")).toEqual([["ODG003", "error", 1, 1, "(document)", empty("a byte-order mark only")]]);
  const sap = `<?xml version="1.0" encoding="utf-8"?><error xmlns="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><code>/IWBEP/CM_MGW_RT/020</code><message xml:lang="en">Resource not found for segment</message></error>`;
  expect(report(sap).map((r) => r[5])).toEqual(["the input is an OData error response, not metadata (/IWBEP/CM_MGW_RT/020: Resource not found for segment): the service refused the request for its $metadata; give odatagen a CSDL XML or CSDL JSON document ($metadata)"]);
  // A licence header of many comments before the root is read in one pass (a pattern of repeated
  // comments backtracked exponentially: 25 such lines took 55 s, each one more doubling it).
  const licence = Array.from({ length: 60 }, () => "<!-- Licensed under the Apache License, Version 2.0 (the \"License\"); -->").join("\n");
  expect(report(`<?xml version="1.0"?>\n${licence}\n<html><body/></html>`).map((r) => r[2])).toEqual([62]);
  expect(report(`<?xml version="1.0"?>\n${licence}\n<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"/>`).map((r) => r[5])).not.toContainEqual(expect.stringContaining("HTML page"));
  // An element named html further in is no page.
  expect(report(`<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><html/></edmx:Edmx>`).map((r) => r[5])).not.toContainEqual(expect.stringContaining("HTML page"));
});

test("an element with 100,000 unknown attributes (1 MB) is reported attribute by attribute, not a hang: the real CLI, bounded", () => {
  // Each attribute's place was looked for from the start of the tag: 8,000 took 4 s, 100,000 about ten
  // minutes. A child process, so that the old behaviour fails here rather than hanging jest.
  // --verbose: every diagnostic is printed (without it, the first 100).
  const n = 100_000;
  const xml = edmx(schema("ns", `<ComplexType Name="c"><Property Name="p" Type="Edm.String" ${Array.from({ length: n }, (_, k) => `a${k}="1"`).join(" ")}/></ComplexType>`));
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "h.xml"), xml);
  const r = spawnBounded(process.execPath, [BIN, "generate", "-i", "h.xml", "-o", "out", "--verbose"], 90_000, { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } });
  expect(r.error).toBeUndefined();
  expect(r.status).toBe(0);
  const lines = r.stderr.split("\n").filter((l) => l.includes("ODG112"));
  expect(lines.length).toBe(n);
  const line = (k: number) => `h.xml:${at(xml, ` a${k}=`).map((v, i) => (i === 1 ? v + 1 : v)).join(":")}: warning ODG112: a${k} is not an attribute CSDL defines on <Property>: it is ignored [ns.c/p]`;
  expect([lines[0], lines[n - 1]]).toEqual([line(0), line(n - 1)]);
});

describe("a prefixed attribute named __proto__, constructor or prototype (attributes are read by local name)", () => {
  const EDM = "http://docs.oasis-open.org/odata/ns/edm";
  const body = (attrs: string) => `<EntityType Name="e" ${attrs}><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false" ${attrs}/></EntityType>
<EntityContainer Name="c"><EntitySet Name="es" EntityType="ns.e"/></EntityContainer>
<Annotations Target="ns.e"><Annotation Term="Core.Description" String="d" ${attrs}/></Annotations>`;
  const doc = (attrs: string) => edmx(schema("ns", body(attrs))).replace(`xmlns="${EDM}"`, `xmlns="${EDM}" xmlns:x="urn:vendor" xmlns:edm="${EDM}"`);
  const names = ["__proto__", "constructor", "prototype"];

  test("in another namespace: ignored like any vendor's attribute, silently, and the output is the one without it", () => {
    const xml = doc(names.map((n) => `x:${n}="1"`).join(" "));
    expect(report(xml)).toEqual([]);
    const plain = generate({ inputs: [{ file: "test.xml", content: doc("") }] });
    const prefixed = generate({ inputs: [{ file: "test.xml", content: xml }] });
    expect(prefixed.diagnostics).toEqual(plain.diagnostics);
    expect(prefixed.files).toEqual(plain.files);
  });

  test("in CSDL's namespace: reported as an attribute CSDL does not define (ODG112), as written, where it is written, in place and in a slice", () => {
    const xml = doc(`edm:__proto__="1" edm:Nulable="true" edm:Nullable="false"`).replace(`<EntitySet Name="es"`, `<EntitySet Name="es" v:constructor="1" xmlns:v="${EDM}" x:prototype="1"`);
    const unknownAttribute = (name: string, element: string, near = "") => `${name} is not an attribute CSDL defines on <${element}>: it is ignored${near}`;
    const nth = (needle: string, n: number) => {
      let offset = -1;
      for (let k = 0; k <= n; k++) offset = xml.indexOf(needle, offset + 1);
      return at(xml.slice(0, offset) + "\u0000" + xml.slice(offset), "\u0000");
    };
    const eager = report(xml);
    expect(eager).toEqual([
      ["ODG112", "warning", ...nth("edm:__proto__", 0), "ns.e", unknownAttribute("edm:__proto__", "EntityType")],
      ["ODG112", "warning", ...nth("edm:Nulable", 0), "ns.e", unknownAttribute("edm:Nulable", "EntityType")],
      ["ODG112", "warning", ...nth("edm:Nullable", 0), "ns.e", unknownAttribute("edm:Nullable", "EntityType")],
      ["ODG112", "warning", ...nth("edm:__proto__", 1), "ns.e/id", unknownAttribute("edm:__proto__", "Property")],
      ["ODG112", "warning", ...nth("edm:Nulable", 1), "ns.e/id", unknownAttribute("edm:Nulable", "Property", " (did you mean Nullable?)")],
      ["ODG112", "warning", ...at(xml, "v:constructor"), "ns.c/es", unknownAttribute("v:constructor", "EntitySet")],
      ["ODG112", "warning", ...nth("edm:__proto__", 2), "ns.e/@Core.Description", unknownAttribute("edm:__proto__", "Annotation")],
      ["ODG112", "warning", ...nth("edm:Nulable", 2), "ns.e/@Core.Description", unknownAttribute("edm:Nulable", "Annotation")],
      ["ODG112", "warning", ...nth("edm:Nullable", 2), "ns.e/@Core.Description", unknownAttribute("edm:Nullable", "Annotation")],
    ]);
    // Declared only around the schema (no element inside it declares a namespace): the same.
    expect(report(doc(`edm:prototype="1"`)).map((r) => r[5])).toEqual(["EntityType", "Property", "Annotation"].map((e) => unknownAttribute("edm:prototype", e)));
    const diags = new DiagnosticBag();
    const deferred = readCsdlXml("test.xml", xml, diags, { deferBodies: true, deferAnnotationGroups: true });
    readBody(deferred!.schemas[0].entityTypes[0], diags);
    for (const g of deferred!.deferred ?? []) readDeferredGroup(g, diags);
    expect(diags.items.map((d) => [d.code, d.severity, d.line, d.column, d.path, d.message]).sort()).toEqual([...eager].sort());
  });

  test("without a prefix: refused where it is written (ODG002), as the XML parser refuses it", () => {
    const xml = doc(`prototype="1"`);
    expect(report(xml)).toEqual([["ODG002", "error", ...at(xml, "prototype="), "ns", "XML odatagen does not read: an attribute named 'prototype': the XML parser odatagen uses refuses the names __proto__, constructor and prototype"]]);
  });
});
