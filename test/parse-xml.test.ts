// The CSDL XML reader over fast-xml-parser's ordered tree: values, order, prefixes, offsets.
import { readBody, readCsdlXml, readDeferredGroup } from "../generator/parse/xml";
import { DiagnosticBag, GenerationError } from "../generator/diagnostics";
import { generate } from "../generator/generate";
import type { RawDocument, RawExpression } from "../generator/parse/raw";
import { edmx, schema } from "./helpers/csdl";
import { BIN, scratch } from "./helpers/cli";
import { spawnBounded } from "./helpers/bounded-spawn";
import * as fs from "node:fs";
import * as path from "node:path";

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
    ["a String's text is all of it: spaces around a CDATA section and at its ends are kept", `<Annotation Term="T"><String> Use <![CDATA[<b> & ]]> tags &amp;&#32;more </String></Annotation>`,
      { kind: "constant", type: "String", value: " Use <b> &  tags & more " }],
    ["text around a comment and a processing instruction keeps its spaces", `<Annotation Term="T"><String>one <!-- c --> two <?pi x > y?> three</String></Annotation>`,
      { kind: "constant", type: "String", value: "one  two  three" }],
    ["CR LF and a lone CR are line feeds in text read around a CDATA section, and in it (XML 1.0 §2.11); &#13; stays a CR", `<Annotation Term="T"><String>a\r\nb <![CDATA[x\r\ny\rz]]> c\rd&#13;e</String></Annotation>`,
      { kind: "constant", type: "String", value: "a\nb x\ny\nz c\nd\re" }],
    ["a path element with a CDATA section", `<Annotation Term="T"><Path x="a>b">a/<![CDATA[b]]>/c</Path></Annotation>`, { kind: "path", type: "Path", value: "a/b/c" }],
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

describe("the text of an expression element", () => {
  // A String is xs:string in CSDL's XML schema (whitespace kept): the spec's odata.concat example
  // (CSDL XML §14.4.4) writes <String> (</String>. The other constants and paths collapse
  // whitespace: XML's (XML 1.0 §2.3 S: space, tab, CR, LF) is trimmed off their ends, nothing else.
  test.each<[string, string, RawExpression]>([
    ["a String of one space", `<String> </String>`, { kind: "constant", type: "String", value: " " }],
    ["a String with a line break and spaces at its ends", `<String>\n  (a)\t</String>`, { kind: "constant", type: "String", value: "\n  (a)\t" }],
    ["a String with no-break spaces at its ends", `<String>\u00a0x\u2003</String>`, { kind: "constant", type: "String", value: "\u00a0x\u2003" }],
    ["an empty String element", `<String/>`, { kind: "constant", type: "String", value: "" }],
    ["an Int with XML whitespace at its ends", `<Int>\n\t 5 \r\n</Int>`, { kind: "constant", type: "Int", value: "5" }],
    ["an Int with a no-break space at its start keeps it (and is not a number)", `<Int>\u00a05</Int>`, { kind: "constant", type: "Int", value: "\u00a05" }],
    ["an EnumMember with a no-break space at its end", `<EnumMember> ns.E/a\u00a0 </EnumMember>`, { kind: "constant", type: "EnumMember", value: "ns.E/a\u00a0" }],
    ["a Path with an ideographic space at its end", `<Path>a/b\u3000</Path>`, { kind: "path", type: "Path", value: "a/b\u3000" }],
  ])("%s", (_name, element, expected) => {
    expect(value(`<Annotation Term="T">${element}</Annotation>`)).toEqual(expected);
  });

  test("the same in a deferred annotation block, and in a document the reader narrows (narrow.ts)", () => {
    const xml = edmx(schema("ns", `<ComplexType Name="c"/><Annotations Target="ns.c"><Annotation Term="T"><Collection><String> “a” </String><Int>\u00a01</Int></Collection></Annotation></Annotations>`));
    const diags = new DiagnosticBag();
    const doc = readCsdlXml("test.xml", xml, diags, { deferAnnotationGroups: true });
    const group = doc?.deferred?.[0];
    expect(group && readDeferredGroup(group, diags)?.annotations[0].value).toEqual({ kind: "collection", items: [
      { kind: "constant", type: "String", value: " “a” " }, { kind: "constant", type: "Int", value: "\u00a01" }] });
    expect(diags.items).toEqual([]);
  });
});

test("text read again around a CDATA section expands the DOCTYPE's entities", () => {
  const xml = edmx(schema("ns", `<ComplexType Name="c"><Annotation Term="T"><String>&n; <![CDATA[&n;]]> &n;</String></Annotation></ComplexType>`))
    .replace("<edmx:Edmx", `<!DOCTYPE edmx:Edmx [<!ENTITY n "N">]>\n<edmx:Edmx`);
  expect(read(xml).doc?.schemas[0].complexTypes[0].annotations[0].value).toEqual({ kind: "constant", type: "String", value: "N &n; N" });
});

describe("attribute values are normalized as XML 1.0 §3.3.3 says", () => {
  /** The one complex type, and the warnings, of a schema holding `body`. */
  function typeOf(body: string) {
    const { doc, diags } = read(edmx(schema("ns", body)));
    return { type: doc?.schemas[0].complexTypes[0], warnings: diags.items.map((d) => [d.code, d.line, d.column, d.path, d.message]) };
  }

  test.each<[string, string, string]>([
    ["a literal tab, line feed and CR LF are each a space", "a\tb\nc\r\nd", "a b c d"],
    ["a lone CR is a space", "a\rb", "a b"],
    ["character references stay the characters they name", "a&#9;b&#10;c&#13;&#10;d&#xA;", "a\tb\nc\r\nd\n"],
    ["spaces at the ends are kept", "  two spaces each side  ", "  two spaces each side  "],
    ["a line break at an end is a space, kept", "\nx\t", " x "],
    ["only spaces", "   ", "   "],
    ["a no-break space at an end is not XML whitespace", "x\u00a0", "x\u00a0"],
    ["a referenced space at an end", "&#32;x&#x20;", " x "],
  ])("in a String annotation: %s", (_name, written, value) => {
    const { type, warnings } = typeOf(`<ComplexType Name="c"><Annotation Term="Core.Description" String="${written}"/></ComplexType>`);
    expect(type?.annotations[0].value).toEqual({ kind: "constant", type: "String", value });
    expect(warnings).toEqual([]);
  });

  test("a reference to a DOCTYPE entity expands to its value normalized the same way (XML 1.0 §3.3.3), line ends in it read as line feeds (§2.11)", () => {
    const xml = edmx(schema("ns", `<ComplexType Name="c"><Property Name="p" Type="Edm.String" DefaultValue="&e;"/><Property Name="&n;" Type="Edm.String"/>` +
      `<Annotation Term="Core.Description" String="[&e;]"/><Annotation Term="Core.LongDescription"><String>&e;</String></Annotation></ComplexType>`))
      .replace("<edmx:Edmx", `<!DOCTYPE edmx:Edmx [<!ENTITY e "a\tb\r\nc\rd\ne"><!ENTITY n " q\n">]>\n<edmx:Edmx`);
    const { doc, diags } = read(xml);
    const type = doc?.schemas[0].complexTypes[0];
    expect([type?.properties.map((p) => [p.name, p.defaultValue]), type?.annotations.map((a) => a.value)]).toEqual([
      [["p", "a b c d e"], ["q", undefined]],
      [{ kind: "constant", type: "String", value: "[a b c d e]" }, { kind: "constant", type: "String", value: "a\tb\nc\nd\ne" }],
    ]);
    expect(diags.items).toEqual([]);
  });

  test("a value with a long run of spaces inside (1 MB) is read, not a hang: the real CLI, bounded, reports it", () => {
    // Its ends were trimmed by a regular expression (/ +$/) that tried each position of the run: 100,000
    // spaces took 36 s, a megabyte hours. A child process, so that the old behaviour fails here rather than hanging jest.
    const dir = scratch();
    fs.writeFileSync(path.join(dir, "h.xml"), edmx(schema("ns", `<ComplexType Name="c"><Property Name="p" Type="Edm.String" MaxLength="\t1${" ".repeat(1_000_000)}2 "/></ComplexType>`)));
    const r = spawnBounded(process.execPath, [BIN, "generate", "-i", "h.xml", "-o", "out"], 90_000, { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^h\.xml:\d+:\d+: warning ODG102: MaxLength="1 {20}/m);
  });

  test("a DefaultValue keeps its spaces", () => {
    const { type, warnings } = typeOf(`<ComplexType Name="c"><Property Name="p" Type="Edm.String" DefaultValue=" \t"/></ComplexType>`);
    expect(type?.properties[0].defaultValue).toBe("  ");
    expect(warnings).toEqual([]);
  });

  test("any other attribute (a name, type, path, boolean or number: CSDL's XML schema collapses their whitespace) is read without spaces at its ends, silently", () => {
    const body = `<ComplexType Name=" c">\n<Property Name="p"\n Type="Edm.String\n"/><Property Name="q" Type="Edm.Int32" MaxLength="\t1"/><Property Name="r\tx" Type="Edm.String"/></ComplexType>`;
    const { type, warnings } = typeOf(body);
    expect([type?.name, type?.properties.map((p) => [p.name, p.type, p.maxLength])]).toEqual(["c", [["p", "Edm.String", undefined], ["q", "Edm.Int32", "1"], ["r x", "Edm.String", undefined]]]);
    expect(warnings).toEqual([]);
  });

  test("in a deferred type body and a deferred annotation block too", () => {
    const xml = edmx(schema("ns", `<ComplexType Name="c"><Property Name="p" Type="Edm.String" DefaultValue="a\nb"/></ComplexType>
<Annotations Target="ns.c"><Annotation Term="Core.Description" String="x\ty"/></Annotations>`));
    const diags = new DiagnosticBag();
    const doc = readCsdlXml("test.xml", xml, diags, { deferBodies: true, deferAnnotationGroups: true });
    const type = doc?.schemas[0].complexTypes[0];
    expect(type?.body).toBeDefined();
    readBody(type!, diags);
    expect(type?.properties[0].defaultValue).toBe("a b");
    const group = doc?.deferred?.[0];
    expect(group && readDeferredGroup(group, diags)?.annotations[0].value).toEqual({ kind: "constant", type: "String", value: "x y" });
    expect(diags.items).toEqual([]);
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
    ["no DataServices", `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"/>`, "ODG004", "the document has no <Schema> inside <edmx:DataServices>"],
    ["two DataServices", `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices><Schema Namespace="a"/></edmx:DataServices><edmx:DataServices/></edmx:Edmx>`,
      "ODG004", "the document has no <Schema> inside <edmx:DataServices>"],
  ])("%s", (_name, xml, code, message) => {
    const { doc, diags } = read(xml);
    expect(doc).toBeUndefined();
    expect(diags.items.map((d) => [d.code, d.message])).toEqual([[code, message]]);
  });
});

test("another root element is reported with the document's path, (document), as in CSDL JSON", () => {
  const { diags } = read(`<?xml version="1.0"?>\n<root/>`);
  expect(diags.items.map((d) => [d.code, d.file, d.line, d.column, d.path])).toEqual([["ODG003", "test.xml", 2, 1, "(document)"]]);
});

describe("input that is not CSDL XML is said once, in words, where it shows", () => {
  const V2 = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx">
  <edmx:DataServices xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" m:DataServiceVersion="DSV">
    <Schema Namespace="demo" xmlns="http://schemas.microsoft.com/ado/2008/09/edm">
      <EntityType Name="p"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/>
        <NavigationProperty Name="c" Relationship="demo.p_c" FromRole="p" ToRole="c"/></EntityType>
      <EntityContainer Name="c" m:IsDefaultEntityContainer="true"><FunctionImport Name="f" ReturnType="Edm.Int32" m:HttpMethod="GET"/></EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;
  test.each([
    ["OData V2 (EDMX 1.0)", V2.replace("DSV", "2.0"), "ODG005", 2, 1,
      "OData V2 metadata (EDMX 1.0, DataServiceVersion 2.0) is not supported: odatagen reads OData V4 metadata (CSDL XML, EDMX Version 4.0 or 4.01)"],
    ["OData V3 (EDMX 1.0)", V2.replace("DSV", "3.0"), "ODG005", 2, 1,
      "OData V3 metadata (EDMX 1.0, DataServiceVersion 3.0) is not supported: odatagen reads OData V4 metadata (CSDL XML, EDMX Version 4.0 or 4.01)"],
    ["EDMX 1.0 without a DataServiceVersion", V2.replace(' m:DataServiceVersion="DSV"', ""), "ODG005", 2, 1,
      "EDMX 1.0 metadata (OData V2 or V3) is not supported: odatagen reads OData V4 metadata (CSDL XML, EDMX Version 4.0 or 4.01)"],
    ["another root element, on line 2", `<?xml version="1.0"?>\n  <root><a/></root>\n`, "ODG003", 2, 3, "expected an <edmx:Edmx> root element, found <root>"],
  ])("%s", (_name, text, code, line, column, message) => {
    const { doc, diags } = read(text);
    expect(doc).toBeUndefined();
    expect(diags.items.map((d) => [d.code, d.severity, d.line, d.column, d.message])).toEqual([[code, "error", line, column, message]]);
  });

  test("EDMX 4.0 and 4.01 are read", () => {
    for (const v of ['Version="4.0"', 'Version="4.01"']) {
      const { doc, diags } = read(edmx(schema("ns", `<ComplexType Name="c"/>`)).replace(/Version="4\.0"/, v));
      expect([v, diags.items]).toEqual([v, []]);
      expect(doc?.schemas[0].namespace).toBe("ns");
    }
  });

  test("a missing or empty Version (required, CSDL XML §4) is an ODG101 warning at the root, read as 4.0", () => {
    for (const [v, what] of [["", "no"], ['Version=""', "an empty"]]) {
      const { doc, diags } = read(edmx(schema("ns", `<ComplexType Name="c"/>`)).replace(/Version="4\.0"/, v));
      expect(doc?.version).toBe("4.0");
      expect(diags.items.map((d) => [d.code, d.severity, d.line, d.column, d.path, d.message])).toEqual([
        ["ODG101", "warning", 2, 1, "Edmx", `<edmx:Edmx> has ${what} Version attribute (CSDL XML §4: it is required, 4.0 or 4.01); the document is read as 4.0`],
      ]);
    }
  });

  test("a <Schema> outside OData's EDM namespace is a warning at the schema, and read", () => {
    const doc = (xmlns: string) => edmx(schema("ns", `<ComplexType Name="c"/>`)).replace(`xmlns="http://docs.oasis-open.org/odata/ns/edm"`, xmlns);
    const report = (xmlns: string) => read(doc(xmlns)).diags.items.map((d) => [d.code, d.severity, d.line, d.path, d.message]);
    // Declared on the schema, on an ancestor, or with a prefix: all the same to XML.
    expect(report(`xmlns:e="x"`).length).toBe(1);
    expect(read(doc("").replace(`<edmx:Edmx `, `<edmx:Edmx xmlns="http://docs.oasis-open.org/odata/ns/edm" `)).diags.items).toEqual([]);
    expect(read(doc(`xmlns:edm="http://docs.oasis-open.org/odata/ns/edm"`).replace("<Schema", "<edm:Schema").replace("</Schema>", "</edm:Schema>")).diags.items).toEqual([]);
    expect(report(`xmlns="http://schemas.microsoft.com/ado/2008/09/edm"`)).toEqual([
      ["ODG005", "warning", 4, "ns", "<Schema> is in the namespace of OData V2/V3 CSDL (http://schemas.microsoft.com/ado/2008/09/edm), not OData V4's (http://docs.oasis-open.org/odata/ns/edm); it is read as OData V4 CSDL"],
    ]);
    expect(report(`xmlns="http://www.w3.org/2001/XMLSchema"`)).toEqual([
      ["ODG102", "warning", 4, "ns", "<Schema> is in namespace http://www.w3.org/2001/XMLSchema, not in OData's (http://docs.oasis-open.org/odata/ns/edm: CSDL XML §2.2); it is read as CSDL"],
    ]);
    expect(report("")).toEqual([
      ["ODG102", "warning", 4, "ns", "<Schema> is in no XML namespace, not in OData's (http://docs.oasis-open.org/odata/ns/edm: CSDL XML §2.2); it is read as CSDL"],
    ]);
    expect(read(doc("")).doc?.schemas[0].complexTypes.map((c) => c.name)).toEqual(["c"]);
  });

  test("a later or unknown EDMX Version is read as 4.01, with a warning at the root", () => {
    for (const v of ["4.02", "5.0", "9.9"]) {
      const { doc, diags } = read(edmx(schema("ns", `<ComplexType Name="c"/>`)).replace(/Version="4\.0"/, `Version="${v}"`));
      expect(doc?.schemas[0].namespace).toBe("ns");
      expect(diags.items.map((d) => [d.code, d.severity, d.line, d.message])).toEqual([
        ["ODG005", "warning", 2, `EDMX Version "${v}" is not one odatagen knows (4.0, 4.01); the document is read by the rules of 4.01`],
      ]);
    }
  });
});

describe("an element or attribute named __proto__, constructor or prototype (fast-xml-parser refuses them)", () => {
  const body = `<EntityType Name="e"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><constructor/></EntityType>
<EntityContainer Name="c"><EntitySet Name="es" EntityType="ns.e"/></EntityContainer>`;

  test.each([
    ["an element in a type's content", body, "<constructor", "an element named 'constructor'", "ns.e"],
    ["an attribute", `<ComplexType Name="c" prototype="x"/>`, "prototype=", "an attribute named 'prototype'", "ns"],
    ["an element in a schema", `<__proto__/>`, "<__proto__", "an element named '__proto__'", "ns"],
  ])("%s is refused at its name, with its element path", (_name, content, at, what, path) => {
    const xml = edmx(schema("ns", content));
    const { diags } = read(xml);
    const offset = xml.indexOf(at) + (at.startsWith("<") ? 1 : 0);
    const line = xml.slice(0, offset).split("\n").length;
    expect(diags.items.map((d) => [d.code, d.line, d.column, d.path, d.message])).toEqual([
      ["ODG002", line, offset - xml.lastIndexOf("\n", offset - 1), path,
        `XML odatagen does not read: ${what}: the XML parser odatagen uses refuses the names __proto__, constructor and prototype`],
    ]);
  });

  test("in a slice, whose types' content is parsed later, it is the same diagnostic, not an exception", () => {
    let thrown: unknown;
    try {
      generate({ inputs: [{ file: "s.xml", content: edmx(schema("ns", body)) }], include: ["/es/**"] });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(GenerationError);
    expect((thrown as GenerationError).diagnostics.map((d) => [d.code, d.path])).toEqual([["ODG002", "ns.e"]]);
  });
});
