// The CSDL XML reader over fast-xml-parser's ordered tree: values, order, prefixes, offsets.
import { readCsdlXml } from "../generator/parse/xml";
import { DiagnosticBag } from "../generator/diagnostics";
import type { RawDocument, RawExpression } from "../generator/parse/raw";
import { edmx, schema } from "./helpers/csdl";

function read(xml: string): { doc: RawDocument | undefined; diags: DiagnosticBag } {
  const diags = new DiagnosticBag();
  return { doc: readCsdlXml("test.xml", xml, diags), diags };
}

/** The value of the one annotation on the one complex type. */
function value(annotation: string): RawExpression | undefined {
  const { doc } = read(edmx(schema("ns", `<ComplexType Name="c">${annotation}</ComplexType>`)));
  return doc?.schemas[0].complexTypes[0].annotations[0].value;
}

describe("annotation values", () => {
  test.each<[string, string, RawExpression | undefined]>([
    ["attribute form", `<Annotation Term="T" Bool="true"/>`, { kind: "constant", type: "Bool", value: "true" }],
    ["element form, text with CDATA and entities", `<Annotation Term="T"><String>a &amp; b<![CDATA[<c>]]></String></Annotation>`,
      { kind: "constant", type: "String", value: "a & b<c>" }],
    ["character references in an attribute (Graph ends descriptions with &#xD;&#xA;)", `<Annotation Term="T" String="a&#xD;&#xA;b&#233;&#x1F600;&amp;"/>`,
      { kind: "constant", type: "String", value: "a\r\nbé😀&" }],
    ["character references in element text", `<Annotation Term="T"><String>x&#10;y &#169;</String></Annotation>`, { kind: "constant", type: "String", value: "x\ny ©" }],
    ["path element", `<Annotation Term="T"><PropertyPath>a/b</PropertyPath></Annotation>`, { kind: "path", type: "PropertyPath", value: "a/b" }],
    ["a String attribute ranks before a Bool element", `<Annotation Term="T" String="s"><Bool>true</Bool></Annotation>`,
      { kind: "constant", type: "String", value: "s" }],
    ["a String element ranks before a Bool attribute", `<Annotation Term="T" Bool="true"><String>s</String></Annotation>`,
      { kind: "constant", type: "String", value: "s" }],
    ["a nested annotation is not the value", `<Annotation Term="T"><Annotation Term="U"/><Null/></Annotation>`, { kind: "null" }],
    ["no value", `<Annotation Term="T"/>`, undefined],
    ["collection items in document order", `<Annotation Term="T"><Collection><String>a</String><Path>p</Path><String>b</String><Null/></Collection></Annotation>`,
      { kind: "collection", items: [
        { kind: "constant", type: "String", value: "a" },
        { kind: "path", type: "Path", value: "p" },
        { kind: "constant", type: "String", value: "b" },
        { kind: "null" },
      ] }],
    ["operands in document order", `<Annotation Term="T"><Apply Function="odata.concat"><String>(</String><Path>n</Path><String>)</String></Apply></Annotation>`,
      { kind: "dynamic", name: "Apply", operands: [
        { kind: "constant", type: "String", value: "(" },
        { kind: "path", type: "Path", value: "n" },
        { kind: "constant", type: "String", value: ")" },
      ] }],
    ["record", `<Annotation Term="T"><Record Type="R"><PropertyValue Property="a" Int="1"/><PropertyValue Property="b"/></Record></Annotation>`,
      { kind: "record", type: "R", properties: [
        { name: "a", value: { kind: "constant", type: "Int", value: "1" } },
        { name: "b", value: { kind: "null" } },
      ] }],
  ])("%s", (_name, annotation, expected) => {
    expect(value(annotation)).toEqual(expected);
  });
});

test("prefixed attributes are read by their local name (EDMX 1.0 m:HasStream)", () => {
  const { doc } = read(edmx(schema("ns",
    `<EntityType Name="e" m:HasStream="true" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32"/></EntityType>`)));
  expect(doc?.schemas[0].entityTypes[0].hasStream).toBe("true");
});

test("elements keep their start offsets, also those without attributes", () => {
  const xml = edmx(schema("ns", `<EntityType Name="e"><Key><PropertyRef/></Key></EntityType>`));
  const { diags } = read(xml);
  const missing = diags.items.find((d) => d.code === "ODG101");
  expect(missing?.message).toBe("<PropertyRef> has no Name attribute");
  const offset = xml.indexOf("<PropertyRef");
  const line = xml.slice(0, offset).split("\n").length;
  expect([missing?.line, missing?.column]).toEqual([line, offset - xml.lastIndexOf("\n", offset - 1)]);
});

describe("documents that are not CSDL", () => {
  test.each([
    ["another root element", `<root/>`, "ODG003", "expected an <edmx:Edmx> root element, found <root>"],
    ["no DataServices", `<edmx:Edmx Version="4.0" xmlns:edmx="x"/>`, "ODG004", "the document has no <Schema> inside <edmx:DataServices>"],
    ["two DataServices", `<edmx:Edmx Version="4.0" xmlns:edmx="x"><edmx:DataServices><Schema Namespace="a"/></edmx:DataServices><edmx:DataServices/></edmx:Edmx>`,
      "ODG004", "the document has no <Schema> inside <edmx:DataServices>"],
  ])("%s", (_name, xml, code, message) => {
    const { doc, diags } = read(xml);
    expect(doc).toBeUndefined();
    expect(diags.items.map((d) => [d.code, d.message])).toEqual([[code, message]]);
  });
});
