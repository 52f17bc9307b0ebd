/**
 * CSDL XML §2.2: CSDL's elements are in the EDM namespace (http://docs.oasis-open.org/odata/ns/edm),
 * EDMX's in the EDMX one. An element inside a schema that has a CSDL name but is in another namespace
 * (`<x:EntityType xmlns:x="urn:vendor">`) is another vocabulary's: an ODG102 warning names the
 * namespace it should be in, and it is left out, in a whole run and in a slice's deferred reading
 * alike. One in no namespace is read as CSDL (silently without a prefix, with a warning for a prefix
 * declared nowhere).
 */
import { DiagnosticBag } from "../generator/diagnostics";
import { readBody, readCsdlXml } from "../generator/parse/xml";
import { edmx, schema } from "./helpers/csdl";
import { BIN, scratch } from "./helpers/cli";
import { spawnBounded } from "./helpers/bounded-spawn";
import * as fs from "node:fs";
import * as path from "node:path";

const EDM = "http://docs.oasis-open.org/odata/ns/edm";

function read(body: string, options = {}) {
  const diags = new DiagnosticBag();
  const doc = readCsdlXml("test.xml", edmx(schema("ns", body)), diags, options);
  return { doc, diags, found: () => diags.items.map((d) => [d.code, d.severity, d.line, d.column, d.path, d.message]) };
}

const ignored = (tag: string, parent: string, uri: string, local = tag.slice(tag.indexOf(":") + 1)) =>
  `<${tag}> inside <${parent}> is in namespace ${uri}, not in OData's (${EDM}: CSDL XML §2.2): it is another vocabulary's element with CSDL's name <${local}>, and is ignored, with its content`;

test("an element of another namespace with a CSDL name, by its prefix or its own default namespace, is left out with a warning at it", () => {
  const { doc, found } = read(`<x:EntityType Name="e" xmlns:x="urn:vendor"/>
<ComplexType Name="c" xmlns="urn:vendor"><Property Name="p" Type="Edm.String"/></ComplexType>
<ComplexType Name="d"><v:Property Name="q" Type="Edm.String" xmlns:v="urn:v"/><Property Name="r" Type="Edm.String"/></ComplexType>`);
  const s = doc?.schemas[0];
  expect([s?.entityTypes.map((t) => t.name), s?.complexTypes.map((t) => [t.name, t.properties.map((p) => p.name)])]).toEqual([[], [["d", ["r"]]]]);
  expect(found()).toEqual([
    ["ODG102", "warning", 5, 1, "ns", ignored("x:EntityType", "Schema", "urn:vendor")],
    ["ODG102", "warning", 6, 1, "ns", ignored("ComplexType", "Schema", "urn:vendor")],
    ["ODG102", "warning", 7, 23, "ns.d", ignored("v:Property", "ComplexType", "urn:v")],
  ]);
});

test("an <Annotation> of another namespace, on a property or in an <Annotations> block, is left out too", () => {
  const { doc, found } = read(`<ComplexType Name="c"><Property Name="p" Type="Edm.String"><x:Annotation Term="Core.Description" String="x" xmlns:x="urn:x"/><Annotation Term="Core.Description" String="p"/></Property></ComplexType>
<Annotations Target="ns.c"><Annotation Term="Core.Description" String="c" xmlns="urn:y"/></Annotations>`);
  const s = doc?.schemas[0];
  expect(s?.complexTypes[0].properties[0].annotations.map((a) => a.value)).toEqual([{ kind: "constant", type: "String", value: "p" }]);
  expect(s?.annotationGroups[0].annotations).toEqual([]);
  expect(found().map((d) => [d[2], d[4], d[5]])).toEqual([
    [5, "ns.c/p", ignored("x:Annotation", "Property", "urn:x")],
    [6, "ns.c", ignored("Annotation", "Annotations", "urn:y")],
  ]);
});

test("a prefix declared on the parent element counts, for CSDL's namespace and for another", () => {
  const { doc, found } = read(`<ComplexType Name="c" xmlns:e="${EDM}" xmlns:v="urn:v"><e:Property Name="p" Type="Edm.String"/><v:Property Name="q" Type="Edm.String"/></ComplexType>`);
  expect(doc?.schemas[0].complexTypes[0].properties.map((p) => p.name)).toEqual(["p"]);
  expect(found()).toEqual([["ODG102", "warning", 5, 129, "ns.c", ignored("v:Property", "ComplexType", "urn:v")]]);
});

test("the same in a type's deferred content (a slice reads what a whole run reads)", () => {
  // Declarations on the type's own start tag count too (it is read in place, its content later).
  const body = `<ComplexType Name="c" xmlns:e="${EDM}" xmlns:w="urn:w"><Property Name="p" Type="Edm.String"/><v:Property Name="q" Type="Edm.String" xmlns:v="urn:v"/>` +
    `<e:Property Name="r" Type="Edm.String"/><w:Property Name="s" Type="Edm.String"/></ComplexType>`;
  const whole = read(body);
  const deferred = read(body, { deferBodies: true });
  const type = deferred.doc!.schemas[0].complexTypes[0];
  expect(type.body).toBeDefined();
  readBody(type, deferred.diags);
  expect(type.properties.map((p) => p.name)).toEqual(whole.doc!.schemas[0].complexTypes[0].properties.map((p) => p.name));
  expect(deferred.found()).toEqual(whole.found());
  expect(whole.doc!.schemas[0].complexTypes[0].properties.map((p) => p.name)).toEqual(["p", "r"]);
  expect(whole.found().map((d) => d[5])).toEqual([ignored("v:Property", "ComplexType", "urn:v"), ignored("w:Property", "ComplexType", "urn:w")]);
});

test("a prefix declared nowhere is read as CSDL, with a warning; an element in no namespace, as before, silently", () => {
  const { doc, found } = read(`<q:ComplexType Name="c"/><ComplexType Name="d" xmlns=""><Property Name="p" Type="Edm.String"/></ComplexType>`);
  expect(doc?.schemas[0].complexTypes.map((t) => [t.name, t.properties.length])).toEqual([["c", 0], ["d", 1]]);
  expect(found()).toEqual([
    ["ODG102", "warning", 5, 1, "ns", `<q:ComplexType> inside <Schema> is in no XML namespace (its prefix q is not declared), not in OData's (${EDM}: CSDL XML §2.2); it is read as CSDL's <ComplexType>`],
  ]);
});

test("vendor elements without a CSDL name stay silent; a schema read from another namespace reads its children in it", () => {
  expect(read(`<ComplexType Name="c"><atom:link xmlns:atom="http://www.w3.org/2005/Atom"/><Vendor xmlns="urn:x"/></ComplexType>`).found()).toEqual([]);
  const diags = new DiagnosticBag();
  const doc = readCsdlXml("test.xml", edmx(schema("ns", `<ComplexType Name="c"><Property Name="p" Type="Edm.String"/></ComplexType>`)).replace(`xmlns="${EDM}"`, `xmlns="urn:wrong"`), diags);
  expect(doc?.schemas[0].complexTypes[0].properties.map((p) => p.name)).toEqual(["p"]);
  expect(diags.items.map((d) => d.message)).toEqual([`<Schema> is in namespace urn:wrong, not in OData's (${EDM}: CSDL XML §2.2); it is read as CSDL`]);
});

test("inside an annotation, an expression element of another namespace is left out with a warning, as its value, a collection item or an operand", () => {
  const { doc, found } = read(`<ComplexType Name="c">
<Annotation Term="Core.Description"><x:String xmlns:x="urn:x">vendor</x:String></Annotation>
<Annotation Term="Core.LongDescription" xmlns:x="urn:x"><x:String>vendor</x:String><String>csdl</String></Annotation>
<Annotation Term="T.c"><Collection><String xmlns="urn:y">vendor</String><String>a</String></Collection></Annotation>
<Annotation Term="T.a"><Apply Function="odata.concat"><x:Path xmlns:x="urn:x">p</x:Path><String>b</String></Apply></Annotation>
</ComplexType>`);
  expect(doc?.schemas[0].complexTypes[0].annotations.map((a) => [a.term, a.value])).toEqual([
    ["Core.Description", undefined],
    ["Core.LongDescription", { kind: "constant", type: "String", value: "csdl" }],
    ["T.c", { kind: "collection", items: [{ kind: "constant", type: "String", value: "a" }] }],
    ["T.a", { kind: "dynamic", name: "Apply", operands: [{ kind: "constant", type: "String", value: "b" }] }],
  ]);
  expect(found().map((d) => [d[0], d[2], d[3], d[4], d[5]])).toEqual([
    ["ODG102", 6, 37, "ns.c/@Core.Description", ignored("x:String", "Annotation", "urn:x")],
    ["ODG102", 7, 57, "ns.c/@Core.LongDescription", ignored("x:String", "Annotation", "urn:x")],
    ["ODG102", 8, 36, "ns.c/@T.c", ignored("String", "Collection", "urn:y")],
    ["ODG102", 9, 55, "ns.c/@T.a", ignored("x:Path", "Apply", "urn:x")],
  ]);
});

describe("an <edmx:Include>'s annotations (CSDL XML §4.2: edm:Annotation elements)", () => {
  const withInclude = (content: string, declarations = "") => {
    const diags = new DiagnosticBag();
    const reference = `<edmx:Reference Uri="http://example.org/core.xml"><edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"${declarations}>${content}</edmx:Include></edmx:Reference>`;
    const doc = readCsdlXml("test.xml", edmx(schema("ns", ""), `${reference}\n`), diags);
    return {
      annotations: doc?.references[0].includes[0].annotations.map((a) => [a.term, a.value]),
      found: diags.items.map((d) => [d.code, d.line, d.column, d.path, d.message]),
      /** The column of `text` in the reference's line. */
      column: (text: string) => reference.indexOf(text) + 1,
    };
  };

  test("in no namespace (as the spec's example writes it) or in EDM's, they are read", () => {
    const { annotations, found } = withInclude(`<Annotation Term="Core.DefaultNamespace"/><e:Annotation Term="Core.Description" String="d" xmlns:e="${EDM}"/>`);
    expect(annotations).toEqual([["Core.DefaultNamespace", undefined], ["Core.Description", { kind: "constant", type: "String", value: "d" }]]);
    expect(found).toEqual([]);
  });

  test("one of another namespace is left out with a warning, and so is an expression element of one in them", () => {
    const { annotations, found, column } = withInclude(`<v:Annotation Term="Core.DefaultNamespace" xmlns:v="urn:v"/><Annotation Term="Core.Description"><v:String xmlns:v="urn:v">x</v:String></Annotation>`);
    expect(annotations).toEqual([["Core.Description", undefined]]);
    expect(found).toEqual([
      ["ODG102", 3, column("<v:Annotation"), "Reference/Include", ignored("v:Annotation", "Include", "urn:v")],
      ["ODG102", 3, column("<v:String"), "Reference/Include/@Core.Description", ignored("v:String", "Annotation", "urn:v")],
    ]);
  });

  test("one in a default namespace declared on the include is read by it: left out in another, its names checked in EDM's", () => {
    expect(withInclude(`<Annotation Term="Core.DefaultNamespace"/>`, ` xmlns="urn:v"`).annotations).toEqual([]);
    const { annotations, found } = withInclude(`<Annotation Term="Core.Description" Strng="x"><Sting>y</Sting></Annotation>`, ` xmlns="${EDM}"`);
    expect(annotations).toEqual([["Core.Description", undefined]]);
    expect(found.map((d) => [d[0], d[3], d[4]])).toEqual([
      ["ODG112", "Reference/Include/@Core.Description", "Strng is not an attribute CSDL defines on <Annotation>: it is ignored (did you mean String?)"],
      ["ODG112", "Reference/Include/@Core.Description", "<Sting> is not an element CSDL defines inside <Annotation>: it is ignored, with its content (did you mean <String>?)"],
    ]);
  });
});

describe("declarations further up inside a schema count for every element below them (XML Namespaces 1.0 §6)", () => {
  /** The column of the `n`th (from 0) `needle` in `line`. */
  const column = (line: string, needle: string, n = 0) => {
    let at = line.indexOf(needle);
    for (let k = 0; k < n; k++) at = line.indexOf(needle, at + 1);
    return at + 1;
  };

  test("a prefix declared on an <Annotations> block, an <Annotation> or a <Record> is followed down to a nested expression", () => {
    const a = `<Annotations Target="ns.c" xmlns:x="urn:x"><Annotation Term="T.a"><Collection><x:String>vendor</x:String><String>a</String></Collection></Annotation></Annotations>`;
    const b = `<Annotations Target="ns.c" Qualifier="q"><Annotation Term="T.b" xmlns:x="urn:x"><Record><PropertyValue Property="p"><x:String>vendor</x:String></PropertyValue><PropertyValue Property="r" String="r"/></Record></Annotation></Annotations>`;
    const c = `<Annotations Target="ns.c" Qualifier="r"><Annotation Term="T.c"><Record xmlns:x="urn:x"><PropertyValue Property="p"><Collection><x:Int>1</x:Int><Int>2</Int></Collection></PropertyValue></Record></Annotation></Annotations>`;
    const { doc, found } = read(`<ComplexType Name="c"/>\n${a}\n${b}\n${c}`);
    expect(doc!.schemas[0].annotationGroups.map((g) => g.annotations.map((x) => x.value))).toEqual([
      [{ kind: "collection", items: [{ kind: "constant", type: "String", value: "a" }] }],
      [{ kind: "record", type: undefined, properties: [{ name: "p", value: { kind: "null" } }, { name: "r", value: { kind: "constant", type: "String", value: "r" } }] }],
      [{ kind: "record", type: undefined, properties: [{ name: "p", value: { kind: "collection", items: [{ kind: "constant", type: "Int", value: "2" }] } }] }],
    ]);
    expect(found().map((d) => [d[0], d[2], d[3], d[4], d[5]])).toEqual([
      ["ODG102", 6, column(a, "<x:String"), "ns.c/@T.a", ignored("x:String", "Collection", "urn:x")],
      ["ODG102", 7, column(b, "<x:String"), "ns.c/@T.b", ignored("x:String", "PropertyValue", "urn:x")],
      ["ODG102", 8, column(c, "<x:Int"), "ns.c/@T.c", ignored("x:Int", "Collection", "urn:x")],
    ]);
  });

  test("a default namespace declared further up holds below, until one further in declares EDM's again or takes it away (xmlns=\"\")", () => {
    const a = `<Annotations Target="ns.c"><e:Annotation Term="T.a" xmlns:e="${EDM}" xmlns="urn:y"><e:Collection><String>vendor</String><String xmlns="${EDM}">a</String>` +
      `<e:Record xmlns=""><PropertyValue Property="p" String="b"/></e:Record><e:Collection xmlns="${EDM}"><e:Collection><String>c</String></e:Collection></e:Collection></e:Collection></e:Annotation></Annotations>`;
    const { doc, found } = read(`<ComplexType Name="c"/>\n${a}`);
    expect(doc!.schemas[0].annotationGroups[0].annotations[0].value).toEqual({ kind: "collection", items: [
      { kind: "constant", type: "String", value: "a" },
      { kind: "record", type: undefined, properties: [{ name: "p", value: { kind: "constant", type: "String", value: "b" } }] },
      { kind: "collection", items: [{ kind: "collection", items: [{ kind: "constant", type: "String", value: "c" }] }] },
    ] });
    expect(found().map((d) => [d[0], d[2], d[3], d[4], d[5]])).toEqual([["ODG102", 6, column(a, "<String>"), "ns.c/@T.a", ignored("String", "Collection", "urn:y")]]);
  });

  test("in an <edmx:Reference>'s own annotations too (CSDL XML §4.1): a prefix declared on one holds in its nested expressions", () => {
    const diags = new DiagnosticBag();
    const reference = `<edmx:Reference Uri="http://example.org/core.xml"><edmx:Include Namespace="Org.OData.Core.V1"/><Annotation Term="T.a" xmlns:x="urn:x"><Collection><x:String>v</x:String><String>a</String></Collection></Annotation></edmx:Reference>`;
    const doc = readCsdlXml("test.xml", edmx(schema("ns", ""), `${reference}\n`), diags);
    expect(doc?.references[0].annotations.map((a) => [a.term, a.value])).toEqual([["T.a", { kind: "collection", items: [{ kind: "constant", type: "String", value: "a" }] }]]);
    expect(diags.items.map((d) => [d.code, d.line, d.column, d.path, d.message])).toEqual([
      ["ODG102", 3, column(reference, "<x:String"), "Reference/@T.a", ignored("x:String", "Collection", "urn:x")],
    ]);
  });

  test("a prefix bound to EDM's namespace further up makes a misspelt element an unknown CSDL one (ODG112), in a whole run and a slice", () => {
    const body = `<ComplexType Name="c" xmlns:e="${EDM}"><Property Name="p" Type="Edm.String"><Annotation Term="T.a"><Collection><e:Strin>x</e:Strin></Collection></Annotation></Property></ComplexType>`;
    const whole = read(body);
    expect(whole.found()).toEqual([["ODG112", "warning", 5, column(body, "<e:Strin"), "ns.c/p/@T.a", "<Strin> is not an element CSDL defines inside <Collection>: it is ignored, with its content (did you mean <String>?)"]]);
    const deferred = read(body, { deferBodies: true });
    readBody(deferred.doc!.schemas[0].complexTypes[0], deferred.diags);
    expect(deferred.found()).toEqual(whole.found());
  });
});

test("a schema that declares 40,000 prefixes, with 40,000 elements of another namespace, is read in linear time: the real CLI, bounded", () => {
  // Whether another namespace was one a CSDL prefix is bound to was asked of each prefix in turn, for
  // each such element: 16,000 of each took 23 s, 32,000 a minute and a half. A child process, so that
  // the old behaviour fails here rather than hanging jest.
  // --verbose: every diagnostic is printed (without it, the first 100).
  const n = 40_000;
  const declarations = Array.from({ length: n }, (_, k) => `xmlns:p${k}="${EDM}"`).join(" ");
  const xml = edmx(schema("ns", `<ComplexType Name="c"/>${`<v:ComplexType Name="c" xmlns:v="urn:v"/>`.repeat(n)}`)).replace(`xmlns="${EDM}"`, `xmlns="${EDM}" ${declarations}`);
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "h.xml"), xml);
  const r = spawnBounded(process.execPath, [BIN, "generate", "-i", "h.xml", "-o", "out", "--verbose"], 90_000, { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } });
  expect(r.error).toBeUndefined();
  expect(r.status).toBe(0);
  const lines = r.stderr.split("\n").filter((l) => l.includes("ODG102"));
  expect(lines.length).toBe(n);
  expect(lines[n - 1]).toBe(`h.xml:5:${xml.split("\n")[4].lastIndexOf("<v:ComplexType") + 1}: warning ODG102: ${ignored("v:ComplexType", "Schema", "urn:v")} [ns]`);
});

test("16,000 schemas under a root that declares 16,000 prefixes are read in linear time: the built reader in a child process, bounded", () => {
  // Each schema's prefixes were made from a copy of every declaration around it: 8,000 of each took
  // 38 s to read. A child process, so that the old behaviour fails here rather than hanging jest.
  const n = 16_000;
  const declarations = Array.from({ length: n }, (_, k) => `xmlns:p${k}="urn:p${k}"`).join(" ");
  const xml = edmx(Array.from({ length: n }, (_, k) => schema(`n${k}`, k === n - 1 ? `<v:ComplexType Name="c" xmlns:v="urn:p7"/>` : ""))).replace("<edmx:Edmx ", `<edmx:Edmx ${declarations} `);
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "h.xml"), xml);
  const reader = path.join(path.dirname(BIN), "..", "dist", "parse", "xml.js");
  const script = `const { readCsdlXml } = require(${JSON.stringify(reader)}); const { DiagnosticBag } = require(${JSON.stringify(path.join(path.dirname(reader), "..", "diagnostics.js"))});
const diags = new DiagnosticBag(); const doc = readCsdlXml("h.xml", require("fs").readFileSync("h.xml", "utf8"), diags);
console.log(JSON.stringify([doc.schemas.length, diags.items.map((d) => [d.code, d.line, d.path, d.message])]));`;
  const r = spawnBounded(process.execPath, ["-e", script], 60_000, { cwd: dir, encoding: "utf8" });
  expect(r.error).toBeUndefined();
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual([n, [["ODG102", 3 * n + 2, `n${n - 1}`, ignored("v:ComplexType", "Schema", "urn:p7")]]]);
});
