// The model's diagnostics on a CSDL JSON document name what its author wrote in JSON ($Annotations
// members, $Reference members, $ReturnType, $Nullable: …) and cite CSDL JSON; on its XML twin they keep
// XML's words. Code, place and path are the same for both (model/wording.ts).
import { GenerationError, type Diagnostic } from "../generator/diagnostics";
import { generate } from "../generator/generate";
import { edmx, schema } from "./helpers/csdl";

/** Every diagnostic of a run, thrown or not: code, severity, line:column, path, message. */
function run(file: string, content: string): string[][] {
  let diagnostics: Diagnostic[];
  try {
    diagnostics = generate({ inputs: [{ file, content }] }).diagnostics;
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    diagnostics = e.diagnostics;
  }
  return diagnostics.map((d) => [d.code, d.severity, `${d.line}:${d.column}`, d.path, d.message]);
}

/** A CSDL JSON document: `head` members of the document (a `$Reference`), then schema `n` holding `members`, one a line. */
const json = (members: string[], head = ""): string =>
  `{\n  "$Version": "4.01",${head ? `\n  ${head},` : ""}\n  "n": {\n${members.map((m) => `    ${m}`).join(",\n")}\n  }\n}\n`;

const E = `"e": { "$Kind": "EntityType", "$Key": ["id"], "id": { "$Type": "Edm.Int32" } }`;
const EX = `<EntityType Name="e"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>`;
const T = `"t": { "$Kind": "ComplexType", "p": {} }`;
const TX = `<ComplexType Name="t"><Property Name="p" Type="Edm.String" Nullable="false"/></ComplexType>`;

/** [what, a CSDL JSON document, its XML twin]: each makes the diagnostics below. */
const cases: [string, string, string][] = [
  ["annotations target", json([T, `"$Annotations": { "n.t/nope": { "@Org.OData.Core.V1.Computed": true } }`]),
    edmx(schema("n", `${TX}\n<Annotations Target="n.t/nope"><Annotation Term="Org.OData.Core.V1.Computed"/></Annotations>`))],
  ["reference includes nothing", json([T], `"$Reference": { "empty.json": {}, "core.json": { "$Include": [{ "$Namespace": "Org.OData.Core.V1" }] } }`),
    edmx(schema("n", TX), `<edmx:Reference Uri="empty.json"></edmx:Reference>\n<edmx:Reference Uri="core.json"><edmx:Include Namespace="Org.OData.Core.V1"/></edmx:Reference>\n`)],
  ["second reference, include twice", json([T], `"$Reference": { "a.json": { "$Include": [{ "$Namespace": "o.ns" }, { "$Namespace": "o.ns" }] }, "a.json": { "$Include": [{ "$Namespace": "p.ns" }] } }`),
    edmx(schema("n", TX), `<edmx:Reference Uri="a.json"><edmx:Include Namespace="o.ns"/><edmx:Include Namespace="o.ns"/></edmx:Reference>\n<edmx:Reference Uri="a.json"><edmx:Include Namespace="p.ns"/></edmx:Reference>\n`)],
  ["function without return type; referenced type", json([`"f": [{ "$Kind": "Function" }]`, `"g": [{ "$Kind": "Function", "$ReturnType": { "$Type": "o.Thing" } }]`, `"b": { "$Kind": "ComplexType", "$BaseType": "o.Base" }`], `"$Reference": { "o.json": { "$Include": [{ "$Namespace": "o" }] } }`),
    edmx(schema("n", `<Function Name="f"/>\n<Function Name="g"><ReturnType Type="o.Thing"/></Function>\n<ComplexType Name="b" BaseType="o.Base"/>`), `<edmx:Reference Uri="o.json"><edmx:Include Namespace="o"/></edmx:Reference>\n`)],
  ["a term applied twice with a qualifier", json([`"t": { "$Kind": "ComplexType", "p": {}, "@Org.OData.Core.V1.Description#q": "a" }`, `"$Annotations": { "n.t": { "@Org.OData.Core.V1.Description#q": "b" } }`]),
    edmx(schema("n", `<ComplexType Name="t"><Property Name="p" Type="Edm.String" Nullable="false"/><Annotation Term="Org.OData.Core.V1.Description" Qualifier="q" String="a"/></ComplexType>\n<Annotations Target="n.t"><Annotation Term="Org.OData.Core.V1.Description" Qualifier="q" String="b"/></Annotations>`))],
  ["booleans and facets", json([`"t": { "$Kind": "ComplexType", "$Abstract": "yes", "a": { "$MaxLength": -1 }, "b": { "$Type": "Edm.Geography", "$SRID": "x" }, "c": { "$Type": "Edm.DateTimeOffset", "$Precision": 13 }, "d": { "$Type": "Edm.Decimal", "$Precision": 2, "$Scale": 5 }, "i": { "$Type": "Edm.Int32", "$DefaultValue": "abc" } }`]),
    edmx(schema("n", `<ComplexType Name="t" Abstract="yes"><Property Name="a" Type="Edm.String" Nullable="false" MaxLength="-1"/><Property Name="b" Type="Edm.Geography" Nullable="false" SRID="x"/><Property Name="c" Type="Edm.DateTimeOffset" Nullable="false" Precision="13"/><Property Name="d" Type="Edm.Decimal" Nullable="false" Precision="2" Scale="5"/><Property Name="i" Type="Edm.Int32" Nullable="false" DefaultValue="abc"/></ComplexType>`))],
  ["enum value", json([`"k": { "$Kind": "EnumType", "$UnderlyingType": "Edm.Byte", "A": 300, "B": 1 }`]),
    edmx(schema("n", `<EnumType Name="k" UnderlyingType="Edm.Byte"><Member Name="A" Value="300"/><Member Name="B" Value="1"/></EnumType>`))],
  ["navigation links", json([E, `"o": { "$Kind": "EntityType", "$Key": ["id"], "id": { "$Type": "Edm.Int32" }, "eid": { "$Type": "Edm.Int32" }, "x": { "$Kind": "NavigationProperty", "$Type": "n.e", "$Partner": "nope", "$ReferentialConstraint": { "eidd": "idd" } }, "y": { "$Type": "n.e" } }`,
      `"C": { "$Kind": "EntityContainer", "os": { "$Collection": true, "$Type": "n.o", "$NavigationPropertyBinding": { "z": "es", "x": "nowhere" } }, "es": { "$Collection": true, "$Type": "n.e" }, "fi": { "$Function": "n.f", "$EntitySet": "nos" } }`,
      `"f": [{ "$Kind": "Function", "$ReturnType": { "$Type": "n.e" } }]`]),
    edmx(schema("n", `${EX}\n<EntityType Name="o"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/><Property Name="eid" Type="Edm.Int32" Nullable="false"/><NavigationProperty Name="x" Type="n.e" Nullable="false" Partner="nope"><ReferentialConstraint Property="eidd" ReferencedProperty="idd"/></NavigationProperty><Property Name="y" Type="n.e" Nullable="false"/></EntityType>
<EntityContainer Name="C"><EntitySet Name="os" EntityType="n.o"><NavigationPropertyBinding Path="z" Target="es"/><NavigationPropertyBinding Path="x" Target="nowhere"/></EntitySet><EntitySet Name="es" EntityType="n.e"/><FunctionImport Name="fi" Function="n.f" EntitySet="nos"/></EntityContainer>
<Function Name="f"><ReturnType Type="n.e" Nullable="false"/></Function>`))],
  ["key alias, namespace and alias names, Binary", `{\n  "$Version": "4.01",\n  "odata": { "$Alias": "Edm" },\n  "n": {\n    "$Alias": "a b",\n    "c": { "$Kind": "ComplexType", "id": { "$Type": "Edm.Int32" } },\n    "k": { "$Kind": "EntityType", "$Key": ["c/id"], "c": { "$Type": "n.c" }, "@Org.OData.Core.V1.Description": { "$Binary": "!!" } }\n  }\n}\n`,
    edmx([`<Schema Namespace="odata" Alias="Edm" xmlns="http://docs.oasis-open.org/odata/ns/edm"/>`, `<Schema Namespace="n" Alias="a b" xmlns="http://docs.oasis-open.org/odata/ns/edm">\n<ComplexType Name="c"><Property Name="id" Type="Edm.Int32" Nullable="false"/></ComplexType>\n<EntityType Name="k"><Key><PropertyRef Name="c/id"/></Key><Property Name="c" Type="n.c" Nullable="false"/><Annotation Term="Org.OData.Core.V1.Description"><Binary>!!</Binary></Annotation></EntityType>\n</Schema>`])],
  ["the document: a member CSDL does not define", json([T], `"$Colour": "blue"`), edmx(schema("n", TX)).replace(`Version="4.0"`, `Version="4.0" Colour="blue"`)],
  ["the document: a schema with an empty name", json([T], `"": { "u": { "$Kind": "ComplexType" } }`), edmx([schema("", `<ComplexType Name="u"/>`), schema("n", TX)])],
  ["the document: no schema", `{\n  "$Version": "4.01"\n}\n`, edmx([])],
];

/** What each case reports, in JSON's words and in XML's: the same codes, severities and paths, each at its own line:column. */
const want: Record<string, { json: string[][]; xml: string[][] }> = {
  "annotations target": {
    json: [
      ["ODG103","warning","5:23","n.t/nope","$Annotations member \"n.t/nope\" names no element of the model (n.t has no property or navigation property nope); its annotations are ignored"],
    ],
    xml: [
      ["ODG103","warning","6:1","n.t/nope","<Annotations Target=\"n.t/nope\"> names no element of the model (n.t has no property or navigation property nope); its annotations are ignored"],
    ],
  },
  "reference includes nothing": {
    json: [
      ["ODG102","warning","3:19","Reference","$Reference member \"empty.json\" includes nothing (CSDL JSON §4: it must have $Include or $IncludeAnnotations)"],
    ],
    xml: [
      ["ODG102","warning","3:1","Reference","<edmx:Reference Uri=\"empty.json\"> includes nothing (CSDL XML §4.1: it must hold an edmx:Include or edmx:IncludeAnnotations)"],
    ],
  },
  "second reference, include twice": {
    json: [
      ["ODG104","warning","3:70","o.ns","namespace o.ns is included twice; the first $Include is at in.json:3 (CSDL JSON §4: a namespace is included once)"],
      ["ODG104","warning","3:99","Reference","a second $Reference member \"a.json\"; the first is at in.json:3 (CSDL JSON §4: two references may not have one URI)"],
    ],
    xml: [
      ["ODG104","warning","3:62","o.ns","namespace o.ns is included twice; the first <edmx:Include> is at in.xml:3 (CSDL XML §4.2: a namespace is included once)"],
      ["ODG104","warning","4:1","Reference","a second <edmx:Reference Uri=\"a.json\">; the first is at in.xml:3 (CSDL XML §4.1: two references may not have one Uri)"],
    ],
  },
  "function without return type; referenced type": {
    json: [
      ["ODG103","error","7:5","n.b","base type o.Base is not defined: namespace o is referenced ($Reference member \"o.json\") but not among the inputs; references are not followed: give that document as an input too"],
      ["ODG101","warning","5:11","n.f","a function has no $ReturnType (CSDL §12.2: a function must specify one); its result is read as Edm.Untyped"],
      ["ODG110","warning","6:34","n.g/$ReturnType","type o.Thing is in namespace o, which is referenced ($Reference member \"o.json\") but not among the inputs; it is read as Edm.Untyped. References are not followed: give that document as an input too (--input, or the service's input list)"],
    ],
    xml: [
      ["ODG103","error","8:1","n.b","base type o.Base is not defined: namespace o is referenced (edmx:Reference Uri=\"o.json\") but not among the inputs; references are not followed: give that document as an input too"],
      ["ODG101","warning","6:1","n.f","<Function> has no <ReturnType> (CSDL §12.2: a function must specify one); its result is read as Edm.Untyped"],
      ["ODG110","warning","7:20","n.g/$ReturnType","type o.Thing is in namespace o, which is referenced (edmx:Reference Uri=\"o.json\") but not among the inputs; it is read as Edm.Untyped. References are not followed: give that document as an input too (--input, or the service's input list)"],
    ],
  },
  "a term applied twice with a qualifier": {
    json: [
      ["ODG104","warning","5:32","n.t","Org.OData.Core.V1.Description#q is applied to n.t twice (CSDL §3.6: once per term and qualifier); the first, at in.json:4, is kept and this one ignored"],
    ],
    xml: [
      ["ODG104","warning","6:27","n.t","Org.OData.Core.V1.Description with Qualifier q is applied to n.t twice (CSDL §3.6: once per term and qualifier); the first, at in.xml:5, is kept and this one ignored"],
    ],
  },
  "booleans and facets": {
    json: [
      ["ODG102","warning","4:5","n.t","$Abstract: \"yes\" is not a boolean (true or false); read as false"],
      ["ODG102","warning","4:56","n.t/a","$MaxLength: -1 is not a non-negative integer or max; left out"],
      ["ODG102","warning","4:83","n.t/b","$SRID: \"x\" is not a non-negative integer or variable; left out"],
      ["ODG102","warning","4:132","n.t/c","$Precision: 13 is more than Edm.DateTimeOffset allows (12); left out"],
      ["ODG102","warning","4:190","n.t/d","$Scale: 5 is greater than $Precision: 2 (CSDL §7.2.4: Scale must not exceed Precision); $Scale is left out"],
      ["ODG102","warning","4:253","n.t/i","$DefaultValue: \"abc\" is not a value of Edm.Int32; it is ignored"],
    ],
    xml: [
      ["ODG102","warning","5:1","n.t","Abstract=\"yes\" is not a boolean (true, false, 1 or 0); read as false"],
      ["ODG102","warning","5:38","n.t/a","MaxLength=\"-1\" is not a non-negative integer or max; left out"],
      ["ODG102","warning","5:108","n.t/b","SRID=\"x\" is not a non-negative integer or variable; left out"],
      ["ODG102","warning","5:175","n.t/c","Precision=\"13\" is more than Edm.DateTimeOffset allows (12); left out"],
      ["ODG102","warning","5:253","n.t/d","Scale=\"5\" is greater than Precision=\"2\" (CSDL §7.2.4: Scale must not exceed Precision); Scale is left out"],
      ["ODG102","warning","5:333","n.t/i","DefaultValue=\"abc\" is not a value of Edm.Int32; it is ignored"],
    ],
  },
  "enum value": {
    json: [
      ["ODG102","warning","4:64","n.k/A","\"A\": 300 is not an integer Edm.Byte holds (0 to 255); read as 300"],
    ],
    xml: [
      ["ODG102","warning","5:46","n.k/A","Value=\"300\" is not an integer Edm.Byte holds (0 to 255); read as 300"],
    ],
  },
  "navigation links": {
    json: [
      ["ODG102","error","5:237","n.o/y","structural property cannot have entity type n.e; use \"$Kind\": \"NavigationProperty\""],
      ["ODG103","warning","6:195","n.C/fi","$EntitySet nos is not an entity set of n.C; it is ignored"],
      ["ODG103","warning","5:116","n.o/x","$Partner nope is not a navigation property of n.e (CSDL §8.3: the partner is a navigation property of the target type); it is ignored"],
      ["ODG103","warning","5:218","n.o/x","$ReferentialConstraint: member \"eidd\" is not a property of n.o; its value \"idd\" is not a property of n.e (CSDL §8.5); it is ignored"],
      ["ODG103","warning","6:117","n.C/os/z","$NavigationPropertyBinding member \"z\" is not a navigation property of n.o (CSDL §13.4.1); the binding is left out"],
      ["ODG107","warning","6:128","n.C/os/x","$NavigationPropertyBinding target \"nowhere\" is not an entity set or singleton (CSDL §13.4.2); the binding is left out"],
    ],
    xml: [
      ["ODG102","error","6:326","n.o/y","structural property cannot have entity type n.e; use a NavigationProperty"],
      ["ODG103","warning","7:219","n.C/fi","EntitySet nos is not an entity set of n.C; it is ignored"],
      ["ODG103","warning","6:168","n.o/x","Partner nope is not a navigation property of n.e (CSDL §8.3: the partner is a navigation property of the target type); it is ignored"],
      ["ODG103","warning","6:240","n.o/x","ReferentialConstraint: Property eidd is not a property of n.o; ReferencedProperty idd is not a property of n.e (CSDL §8.5); it is ignored"],
      ["ODG103","warning","7:65","n.C/os/z","NavigationPropertyBinding Path z is not a navigation property of n.o (CSDL §13.4.1); the binding is left out"],
      ["ODG107","warning","7:114","n.C/os/x","NavigationPropertyBinding Target nowhere is not an entity set or singleton (CSDL §13.4.2); the binding is left out"],
    ],
  },
  "key alias, namespace and alias names, Binary": {
    json: [
      ["ODG102","error","3:3","odata","$Alias Edm is a reserved name (CSDL §5.2: not Edm, odata, System or Transient)"],
      ["ODG102","error","3:3","odata","namespace odata is a reserved name (CSDL §5.1: not Edm, odata, System or Transient)"],
      ["ODG102","error","4:3","n","$Alias \"a b\" is not a simple identifier (CSDL §5.2)"],
      ["ODG102","warning","7:78","n.k","$Binary: \"!!\" is not an Edm.Binary literal; Org.OData.Core.V1.Description is read with this value as written"],
      ["ODG106","error","7:44","n.k/Key/c/id","key property path c/id needs an alias: write it in $Key as an object naming one, { \"id\": \"c/id\" } (CSDL 4.01 §6.5)"],
    ],
    xml: [
      ["ODG102","error","4:1","odata","Alias Edm is a reserved name (CSDL §5.2: not Edm, odata, System or Transient)"],
      ["ODG102","error","4:1","odata","Namespace odata is a reserved name (CSDL §5.1: not Edm, odata, System or Transient)"],
      ["ODG102","error","5:1","n","Alias \"a b\" is not a simple identifier (CSDL §5.2)"],
      ["ODG102","warning","7:107","n.k","Binary=\"!!\" is not an Edm.Binary literal; Org.OData.Core.V1.Description is read with this value as written"],
      ["ODG106","error","7:27","n.k/Key/c/id","key property path c/id needs an Alias (CSDL 4.01 §6.5)"],
    ],
  },
  // The document's own problems have the XML twin's paths, Edmx and Schema, not (document): one
  // accepted warning (`ODG112 Edmx`) covers both forms.
  "the document: a member CSDL does not define": {
    json: [["ODG112","warning","3:3","Edmx","$Colour is not a member CSDL JSON defines on the document: it is ignored"]],
    xml: [["ODG112","warning","2:26","Edmx","Colour is not an attribute CSDL defines on <Edmx>: it is ignored"]],
  },
  "the document: a schema with an empty name": {
    json: [["ODG101","error","3:3","Schema","a schema (a member of the document, named by its namespace) has an empty name"]],
    xml: [["ODG101","error","4:1","Schema","<Schema> has an empty Namespace attribute"]],
  },
  "the document: no schema": {
    json: [["ODG004","error","1:1","Edmx","the document has no schema (a member named by a namespace, whose value is an object)"]],
    xml: [["ODG004","error","2:1","Edmx","the document has no <Schema> inside <edmx:DataServices>"]],
  },
};

describe("a CSDL JSON document's diagnostics name what it wrote; its XML twin's keep XML's words", () => {
  test.each(cases)("%s", (name, jsonText, xmlText) => {
    const fromJson = run("in.json", jsonText);
    const fromXml = run("in.xml", xmlText);
    expect(fromJson).toEqual(want[name].json);
    expect(fromXml).toEqual(want[name].xml);
    // One diagnostic for one mistake, whichever form: only the words (and where in the text) differ.
    expect(fromJson.map(([code, severity, , path]) => [code, severity, path])).toEqual(fromXml.map(([code, severity, , path]) => [code, severity, path]));
  });

  test("no message on a JSON document names an XML element or attribute", () => {
    for (const [name, jsonText] of cases)
      for (const [, , , , message] of run("in.json", jsonText)) expect([name, message]).not.toEqual([name, expect.stringMatching(/<[A-Za-z:]+[ >]|[A-Z][A-Za-z]*="|edmx:|CSDL XML/)]);
  });
});
