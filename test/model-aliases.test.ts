// CSDL §5.2: a schema's Alias may stand for its namespace in any qualified name, in every schema.
import { build, buildOk, edmx, schema, structured, property, entity } from "./helpers/csdl";

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
    ["a control character", `<ComplexType Name="c"><Property Name="a\tb" Type="Edm.String"/></ComplexType>`, "ns.c/a\tb"],
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
    expect(errors(schema("x", `<ComplexType Name="a"/>`), schema("x", `<ComplexType Name="b"/>`))).toEqual([["ODG104", "x", "namespace x is declared by two schemas"]]);
    expect(errors(schema("Ab", `<ComplexType Name="a"/>`), schema("aB", `<ComplexType Name="b"/>`))).toEqual([
      ["ODG104", "aB", "namespace aB differs only in case from namespace Ab: their generated files would be one file on macOS and Windows"],
    ]);
  });
});
