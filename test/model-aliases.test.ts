// CSDL §5.2: a schema's Alias may stand for its namespace in any qualified name, in every schema.
import { build, buildOk, edmx, schema, structured, property, entity } from "./helpers/csdl";
import { DiagnosticBag } from "../generator/diagnostics";
import { readCsdlXml } from "../generator/parse/xml";
import { buildModel } from "../generator/model/build";
import { generate } from "../generator/generate";

describe("alias resolution", () => {
  test.each([
    ["the namespace itself", "ns.target"],
    ["the schema's own alias", "self.target"],
    ["inside Collection(...)", "Collection(self.target)"],
  ])("a property type written with %s resolves to the type", (_label, typeName) => {
    const model = buildOk(edmx(schema("ns", `
      <ComplexType Name="target"><Property Name="x" Type="Edm.Int32"/></ComplexType>
      <ComplexType Name="holder"><Property Name="p" Type="${typeName}"/></ComplexType>`, "self")));
    const p = property(structured(model, "ns.holder"), "p");
    expect(p.type.type).toBe(model.types.get("ns.target"));
  });

  test("an alias declared by another schema resolves across schemas, in both directions", () => {
    const model = buildOk(edmx([
      schema("first.ns", `<ComplexType Name="a"><Property Name="b" Type="two.b"/></ComplexType>`, "one"),
      schema("second.ns", `<ComplexType Name="b"><Property Name="a" Type="one.a"/></ComplexType>`, "two"),
    ]));
    expect(property(structured(model, "first.ns.a"), "b").type.type).toBe(model.types.get("second.ns.b"));
    expect(property(structured(model, "second.ns.b"), "a").type.type).toBe(model.types.get("first.ns.a"));
    expect(model.aliases).toEqual(new Map([["one", "first.ns"], ["two", "second.ns"]]));
  });

  test("an alias may be used for a base type and a navigation target", () => {
    const model = buildOk(edmx(schema("ns", `
      <EntityType Name="base" Abstract="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
      <EntityType Name="derived" BaseType="s.base"><NavigationProperty Name="peer" Type="s.derived"/></EntityType>`, "s")));
    const d = entity(model, "ns.derived");
    expect(d.baseType).toBe(model.types.get("ns.base"));
    expect(d.navigationProperties[0].target).toBe(d);
  });

  // The Graph beta quirk: the schema alias `securityCopilot` (for microsoft.graph.security.securityCopilot)
  // is also the name of an entity type in microsoft.graph. Both must keep their meaning.
  const quirk = edmx([
    schema("microsoft.graph", `
      <EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
      <EntityType Name="security"><NavigationProperty Name="securityCopilot" Type="graph.securityCopilot" ContainsTarget="true"/></EntityType>
      <EntityType Name="securityCopilot" BaseType="graph.entity">
        <NavigationProperty Name="workspaces" Type="Collection(securityCopilot.workspace)" ContainsTarget="true"/>
      </EntityType>
      <EntityContainer Name="GraphService"><Singleton Name="security" Type="microsoft.graph.security"/></EntityContainer>`, "graph"),
    schema("microsoft.graph.security.securityCopilot", `
      <EntityType Name="workspace" BaseType="graph.entity">
        <Property Name="displayName" Type="Edm.String"/>
        <NavigationProperty Name="copilot" Type="microsoft.graph.securityCopilot"/>
      </EntityType>`, "securityCopilot"),
  ]);

  test("securityCopilot quirk: `securityCopilot.workspace` is the aliased schema's type", () => {
    const model = buildOk(quirk);
    const copilot = entity(model, "microsoft.graph.securityCopilot");
    expect(copilot.navigationProperties[0].target.qualifiedName).toBe("microsoft.graph.security.securityCopilot.workspace");
  });

  test("securityCopilot quirk: `graph.securityCopilot` and `microsoft.graph.securityCopilot` name the entity type", () => {
    const model = buildOk(quirk);
    const security = entity(model, "microsoft.graph.security");
    const workspace = entity(model, "microsoft.graph.security.securityCopilot.workspace");
    expect(security.navigationProperties[0].target).toBe(model.types.get("microsoft.graph.securityCopilot"));
    expect(workspace.navigationProperties[0].target).toBe(model.types.get("microsoft.graph.securityCopilot"));
    expect(workspace.key.map((k) => k.name)).toEqual(["id"]);
  });

  test("an alias of an edmx:Include names a namespace that is referenced but not loaded: a warning, read as Edm.Untyped", () => {
    const refs = `<edmx:Reference Uri="https://example.com/other.xml"><edmx:Include Namespace="other.ns" Alias="o"/></edmx:Reference>\n`;
    const b = build(edmx(schema("ns", `<ComplexType Name="t"><Property Name="p" Type="o.thing"/></ComplexType>`), refs));
    expect(b.errors).toEqual([]);
    expect(b.diagnostics).toEqual([expect.objectContaining({ code: "ODG110", severity: "warning", path: "ns.t/p" })]);
    // It names the document to add: references are not followed.
    expect(b.diagnostics[0].message).toBe('type o.thing is in namespace other.ns, which is referenced (edmx:Reference Uri="https://example.com/other.xml") but not among the inputs; it is read as Edm.Untyped. References are not followed: give that document as an input too (--input, or the service\'s input list)');
    expect(property(structured(b.model, "ns.t"), "p").type.type).toMatchObject({ kind: "primitive", name: "Untyped" });
  });

  test("an unknown alias is an undefined type, and the message says how it was read", () => {
    const b = build(edmx(schema("ns", `<ComplexType Name="t"><Property Name="p" Type="self.missing"/></ComplexType>`, "self")));
    expect(b.errors).toEqual([expect.objectContaining({ code: "ODG103", path: "ns.t/p" })]);
    expect(b.errors[0].message).toContain("ns.missing");
  });
});

describe("schema names", () => {
  const errors = (...schemas: string[]) => build(edmx(schemas.join("\n"))).errors.map((d) => [d.code, d.path, d.message]);

  test.each([
    ["a path", "../../x"],
    ["a slash", "a/b"],
    ["an empty segment", "a..b"],
    ["a space", "a b"],
  ])("a namespace with %s is ODG102 (it would name files outside the output folder)", (_label, ns) => {
    expect(errors(schema(ns, `<ComplexType Name="c"/>`))).toEqual([["ODG102", ns, `Namespace ${JSON.stringify(ns)} is not simple identifiers separated by dots (CSDL §5.1)`]]);
  });

  test("a namespace too long for its files' names (255 bytes with .validators.ts) is ODG102 where it is declared, not a write error", () => {
    const long = Array.from({ length: 25 }, (_, i) => `Segment${String(i).padStart(2, "0")}`).join(".");
    expect(Buffer.byteLength(long)).toBe(249);
    expect(errors(schema(long, `<ComplexType Name="c"/>`))).toEqual([
      ["ODG102", long, `Namespace ${long.slice(0, 40)}… is 249 bytes long: its generated files (….validators.ts) would have names longer than the 255 bytes a file system allows; at most 241`],
    ]);
    const fits = long.slice(0, 241);
    expect(errors(schema(fits.endsWith(".") ? fits.slice(0, -1) : fits, `<ComplexType Name="c"/>`))).toEqual([]);
  });

  test.each([
    ["an alias that is also another namespace", [schema("A", `<ComplexType Name="c"/>`, "B"), schema("B", `<ComplexType Name="c"/>`)], ["ODG104", "A", "alias B of A is also the name of a namespace"]],
    ["one alias for two namespaces", [schema("A", `<ComplexType Name="c"/>`, "S"), schema("B", `<ComplexType Name="d"/>`, "S")], ["ODG104", "B", "alias S stands for both A and B"]],
    ["a reserved alias", [schema("A", `<ComplexType Name="c"/>`, "Edm")], ["ODG102", "A", "Alias Edm is a reserved name (CSDL §5.2: not Edm, odata, System or Transient)"]],
    ["a reserved namespace", [schema("odata", `<ComplexType Name="c"/>`)], ["ODG102", "odata", "Namespace odata is a reserved name (CSDL §5.1: not Edm, odata, System or Transient)"]],
  ])("%s is reported, so that no qualified name means two types", (_label, schemas, want) => {
    expect(errors(...schemas)).toEqual([want]);
  });

  test("an alias equal to its own namespace, or declared twice for the same one, is fine", () => {
    expect(errors(schema("A", `<ComplexType Name="c"/>`, "A"))).toEqual([]);
    const include = `<edmx:Reference Uri="core.xml"><edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/></edmx:Reference>`;
    expect(build(edmx([schema("Org.OData.Core.V1", `<ComplexType Name="c"/>`, "Core")], include)).errors).toEqual([]);
  });

  test.each([
    ["a star, which could close a doc comment", `<ComplexType Name="c"><Property Name="a*/b" Type="Edm.String"/></ComplexType>`, "ns.c/a*/b"],
    // A literal tab in an attribute is a space (XML 1.0 §3.3.3); a character reference keeps it.
    ["a control character", `<ComplexType Name="c"><Property Name="a&#9;b" Type="Edm.String"/></ComplexType>`, "ns.c/a\tb"],
    ["a star in a type name", `<ComplexType Name="c*"/>`, "ns.c*"],
    ["a star in an enum member", `<EnumType Name="e"><Member Name="m*"/></EnumType>`, "ns.e/m*"],
  ])("a name with %s is ODG102", (_label, body, path) => {
    expect(errors(schema("ns", body)).map(([code, p]) => [code, p])).toEqual([["ODG102", path]]);
  });

  test("names real services use although CSDL wants simple identifiers (Graph's request-id) are read", () => {
    expect(errors(schema("ns", `<ComplexType Name="c"><Property Name="request-id" Type="Edm.String"/><Property Name="we&quot;ird\`$" Type="Edm.String"/></ComplexType>`))).toEqual([]);
  });

  const KEYED = `<Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>`;
  test.each([
    ["two entity sets of one name", `<EntityType Name="e">${KEYED}</EntityType><EntityContainer Name="c"><EntitySet Name="s" EntityType="ns.e"/><EntitySet Name="s" EntityType="ns.e"/></EntityContainer>`, "ns.c/s"],
    ["an entity set and a singleton of one name", `<EntityType Name="e">${KEYED}</EntityType><EntityContainer Name="c"><EntitySet Name="s" EntityType="ns.e"/><Singleton Name="s" Type="ns.e"/></EntityContainer>`, "ns.c/s"],
    ["two enum members of one name", `<EnumType Name="en"><Member Name="a" Value="0"/><Member Name="a" Value="1"/></EnumType>`, "ns.en/a"],
    ["two parameters of one name", `<Function Name="f"><Parameter Name="p" Type="Edm.String"/><Parameter Name="p" Type="Edm.Int32"/><ReturnType Type="Edm.String"/></Function>`, "ns.f/p"],
    ["two unbound actions of one name (CSDL §12.1)", `<Action Name="reset"/><Action Name="reset"><Parameter Name="p" Type="Edm.String"/></Action>`, "ns.reset"],
    ["two actions of one name bound to one type", `<EntityType Name="e">${KEYED}</EntityType><Action Name="a" IsBound="true"><Parameter Name="b" Type="ns.e"/></Action><Action Name="a" IsBound="true"><Parameter Name="x" Type="ns.e"/></Action>`, "ns.a"],
  ])("%s is ODG104 (the generated code would declare it twice)", (_label, body, path) => {
    expect(errors(schema("ns", body)).map(([code, p]) => [code, p])).toEqual([["ODG104", path]]);
  });

  test("actions of one name bound to different types, or to a type and a collection of it, are overloads", () => {
    const actions = `<EntityType Name="e">${KEYED}</EntityType><EntityType Name="f">${KEYED}</EntityType>` +
      ["ns.e", "ns.f", "Collection(ns.e)"].map((t) => `<Action Name="a" IsBound="true"><Parameter Name="b" Type="${t}"/></Action>`).join("") + `<Action Name="a"/>`;
    expect(errors(schema("ns", actions))).toEqual([]);
  });

  test("Unicode letters and underscores are simple identifiers", () => {
    expect(errors(schema("Über._ñ.a1", `<ComplexType Name="c"/>`))).toEqual([]);
  });

  test("two schemas of one namespace, or of namespaces differing only in case, are ODG104 (their files would be one)", () => {
    expect(errors(schema("x", `<ComplexType Name="a"/>`), schema("x", `<ComplexType Name="b"/>`))).toEqual([["ODG104", "x", "namespace x is declared by two schemas; the first is at test.xml:4"]]);
    expect(errors(schema("Ab", `<ComplexType Name="a"/>`), schema("aB", `<ComplexType Name="b"/>`))).toEqual([
      ["ODG104", "aB", "namespace aB differs only in case from namespace Ab (at test.xml:4): their generated files would be one file on macOS and Windows"],
    ]);
  });

  test("a type defined twice is reported at the later one, naming where the first is", () => {
    const d = build(edmx(schema("x", `<ComplexType Name="a"/>\n<EntityType Name="a"/>`))).errors.map((e) => [e.code, e.line, e.message]);
    expect(d).toEqual([["ODG104", 6, "x.a is defined more than once; the first is at test.xml:5"]]);
  });

  test("a type defined three times, of kinds read in another order, is reported once at each later one, naming the first", () => {
    const three = `<ComplexType Name="a"/>\n<EntityType Name="a"/>\n<EnumType Name="a"/>`;
    const d = build(edmx(schema("x", three))).errors.map((e) => [e.code, e.line, e.message]);
    expect(d).toEqual([
      ["ODG104", 6, "x.a is defined more than once; the first is at test.xml:5"],
      ["ODG104", 7, "x.a is defined more than once; the first is at test.xml:5"],
    ]);
  });

  test("a member declared twice is reported at the later one, naming where the first is (a navigation property before a property of its name too)", () => {
    const members = `<EntityType Name="e">${KEYED}\n<NavigationProperty Name="p" Type="x.e"/>\n<Property Name="p" Type="Edm.String"/>\n</EntityType>\n<EnumType Name="c">\n<Member Name="red"/>\n<Member Name="red"/>\n</EnumType>`;
    const d = build(edmx(schema("x", members))).errors.map((e) => [e.code, e.line, e.message]);
    expect(d).toEqual([
      ["ODG104", 11, "x.c declares red more than once; the first is at test.xml:10"],
      ["ODG104", 7, "x.e declares p more than once; the first is at test.xml:6"],
    ]);
  });
});

// CSDL XML §4.2: "An alias is only valid within the document in which it is declared; a referencing
// document may define its own aliases for included schemas." `Alias="self"` is the spec's own example.
describe("aliases belong to the document that declares them", () => {
  const main = edmx(schema("Main.Model", `
      <ComplexType Name="Person"><Property Name="home" Type="sh.Point"/><Property Name="friend" Type="self.Person"/></ComplexType>`, "self"),
  `<edmx:Reference Uri="shared.xml"><edmx:Include Namespace="Shared.Types" Alias="sh"/></edmx:Reference>\n`);
  const shared = edmx(schema("Shared.Types", `
      <ComplexType Name="Point"><Property Name="next" Type="self.Point"/></ComplexType>
      <Annotations Target="self.Point"><Annotation Term="Org.OData.Core.V1.Description" String="A point, described by its own document"/></Annotations>`, "self"));
  const buildAll = (...docs: [string, string][]) => {
    const diags = new DiagnosticBag();
    const raw = docs.map(([file, xml]) => readCsdlXml(file, xml, diags)!);
    return { model: buildModel(raw, diags), diagnostics: diags.items };
  };

  test.each([
    ["main first", [["main.xml", main], ["shared.xml", shared]] as [string, string][]],
    ["shared first", [["shared.xml", shared], ["main.xml", main]] as [string, string][]],
  ])("two documents that each call themselves self (%s)", (_label, docs) => {
    const { model, diagnostics } = buildAll(...docs);
    expect(diagnostics).toEqual([]);
    expect(property(structured(model, "Main.Model.Person"), "friend").type.type).toBe(model.types.get("Main.Model.Person"));
    expect(property(structured(model, "Main.Model.Person"), "home").type.type).toBe(model.types.get("Shared.Types.Point"));
    expect(property(structured(model, "Shared.Types.Point"), "next").type.type).toBe(model.types.get("Shared.Types.Point"));
    // An annotation block's target and terms are read with its own document's aliases.
    expect(model.types.get("Shared.Types.Point")!.annotations).toEqual([expect.objectContaining({ term: "Org.OData.Core.V1.Description" })]);
    expect(model.types.get("Main.Model.Person")!.annotations).toEqual([]);
  });

  test("an alias only another document declares is not one here (ODG103)", () => {
    const other = edmx(schema("Other.Ns", `<ComplexType Name="Holder"><Property Name="p" Type="sh.Point"/></ComplexType>`));
    const { diagnostics } = buildAll(["main.xml", main], ["shared.xml", shared], ["other.xml", other]);
    expect(diagnostics.map((d) => [d.code, d.file, d.path, d.message])).toEqual([["ODG103", "other.xml", "Other.Ns.Holder/p", "type sh.Point is not defined"]]);
  });

  test("a type missing from a referenced namespace that is among the inputs is undefined (ODG103), not a reference left unread", () => {
    const { diagnostics } = buildAll(["main.xml", main.replace("sh.Point", "sh.Nowhere")], ["shared.xml", shared]);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([["ODG103", "type sh.Nowhere is not defined (read as Shared.Types.Nowhere)"]]);
  });

  test("one alias for two namespaces in one document is still an error (ODG104)", () => {
    const twice = edmx([schema("A.Ns", `<ComplexType Name="a"/>`, "x"), schema("B.Ns", `<ComplexType Name="b"/>`, "x")]);
    const { diagnostics } = buildAll(["twice.xml", twice]);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([["ODG104", "alias x stands for both A.Ns and B.Ns"]]);
  });

  test("a slice reads deferred annotation blocks with their own document's aliases", () => {
    const result = generate({ inputs: [{ file: "main.xml", content: main }, { file: "shared.xml", content: shared }], include: ["Shared.Types.Point"] });
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(result.files.get("Shared.Types.types.ts")).toContain("A point, described by its own document");
  });
});
