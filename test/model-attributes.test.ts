// Attribute values the CSDL XML schema does not allow: each is an ODG102 warning at its element,
// read as the attribute's default (a boolean), left out (a facet) or numbered in order (an enum
// member's value). What the schema does allow, xs:boolean's `1` and `0` included, is read silently.
import { GenerationError, type Diagnostic } from "../generator/diagnostics";
import { generate } from "../generator/generate";
import { build, edmx, entity, schema } from "./helpers/csdl";

const warnings = (body: string) =>
  build(edmx(schema("ns", body))).diagnostics.map((d) => [d.severity, d.code, d.path, d.message, d.line > 0]);

describe("boolean attributes (xs:boolean)", () => {
  test("true, false, 1 and 0, with whitespace around them, are read without a word", () => {
    const { model, diagnostics } = build(edmx(schema("ns", `
      <EntityType Name="a" Abstract=" 1 " OpenType="0" HasStream="true"><Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.Int32" Nullable="0"/><Property Name="n" Type="Edm.String" Nullable="1"/>
      </EntityType>`)));
    expect(diagnostics).toEqual([]);
    const t = entity(model, "ns.a");
    expect([t.abstract, t.open, t.hasStream]).toEqual([true, false, true]);
    expect(t.properties.map((p) => p.type.nullable)).toEqual([false, true]);
  });

  test("anything else is reported at its element and read as the default", () => {
    const body = `
      <EntityType Name="a" Abstract="yes"><Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.Int32" Nullable="false"/>
        <Property Name="n" Type="Edm.String" Nullable="nope"/>
        <NavigationProperty Name="next" Type="ns.a" ContainsTarget="TRUE"/>
      </EntityType>
      <EnumType Name="e" IsFlags="flags"><Member Name="m" Value="1"/></EnumType>`;
    expect(warnings(body)).toEqual([
      ["warning", "ODG102", "ns.e", 'IsFlags="flags" is not a boolean (true, false, 1 or 0); read as false', true],
      ["warning", "ODG102", "ns.a", 'Abstract="yes" is not a boolean (true, false, 1 or 0); read as false', true],
      ["warning", "ODG102", "ns.a/n", 'Nullable="nope" is not a boolean (true, false, 1 or 0); read as true', true],
      ["warning", "ODG102", "ns.a/next", 'ContainsTarget="TRUE" is not a boolean (true, false, 1 or 0); read as false', true],
    ]);
    const t = entity(build(edmx(schema("ns", body))).model, "ns.a");
    expect([t.abstract, t.properties[1]?.type.nullable, t.navigationProperties[0]?.containsTarget]).toEqual([false, true, false]);
  });
});

test("facets that are not a non-negative integer (or max, variable, floating) are reported and left out", () => {
  const { model, diagnostics } = build(edmx(schema("ns", `
    <ComplexType Name="c">
      <Property Name="s" Type="Edm.String" MaxLength="-5"/>
      <Property Name="d" Type="Edm.Decimal" Precision="ten" Scale="2.5"/>
      <Property Name="ok" Type="Edm.Decimal" Precision="10" Scale="variable"/>
      <Property Name="huge" Type="Edm.String" MaxLength="1000000000000000000000"/>
      <Property Name="hex" Type="Edm.String" MaxLength="0x10"/>
      <Property Name="empty" Type="Edm.String" MaxLength=""/>
      <Property Name="exp" Type="Edm.Decimal" Precision="1e3" Scale=" "/>
      <Property Name="spaced" Type="Edm.String" MaxLength=" 12 "/>
    </ComplexType>`)));
  expect(diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([
    ["ODG102", "ns.c/s", 'MaxLength="-5" is not a non-negative integer or max; left out'],
    ["ODG102", "ns.c/d", 'Precision="ten" is not a non-negative integer; left out'],
    ["ODG102", "ns.c/d", 'Scale="2.5" is not a non-negative integer, variable or floating; left out'],
    ["ODG102", "ns.c/huge", 'MaxLength="1000000000000000000000" is more than 9007199254740991 (2^53 − 1), the largest facet odatagen reads; left out'],
    ["ODG102", "ns.c/hex", 'MaxLength="0x10" is not a non-negative integer or max; left out'],
    ["ODG102", "ns.c/empty", 'MaxLength="" is not a non-negative integer or max; left out'],
    ["ODG102", "ns.c/exp", 'Precision="1e3" is not a non-negative integer; left out'],
    ["ODG102", "ns.c/exp", 'Scale="" is not a non-negative integer, variable or floating; left out'],
  ]);
  const c = model.types.get("ns.c");
  expect(c?.kind === "complex" && c.properties.map((p) => p.type.facets)).toEqual([{}, {}, { precision: 10, scale: "variable" }, {}, {}, {}, {}, { maxLength: 12 }]);
});

test("enum member values: an integer the underlying type holds, exactly", () => {
  const body = `
    <EnumType Name="e"><Member Name="a" Value="abc"/><Member Name="b" Value="1.5"/><Member Name="c" Value="2147483648"/><Member Name="d" Value=" 7 "/></EnumType>
    <EnumType Name="big" UnderlyingType="Edm.Int64"><Member Name="x" Value="9007199254740993"/><Member Name="y" Value="99999999999999999999"/></EnumType>`;
  expect(warnings(body).map(([, code, path, message]) => [code, path, message])).toEqual([
    ["ODG102", "ns.e/a", 'Value="abc" is not an integer Edm.Int32 holds (-2147483648 to 2147483647); read as 0'],
    ["ODG102", "ns.e/b", 'Value="1.5" is not an integer Edm.Int32 holds (-2147483648 to 2147483647); read as 1'],
    ["ODG102", "ns.e/c", 'Value="2147483648" is not an integer Edm.Int32 holds (-2147483648 to 2147483647); read as 2147483648'],
    // An Int64 beyond 2^53 is no mistake: it is kept exactly (`exact`), and compared so by the validators and `diff`.
    ["ODG102", "ns.big/y", 'Value="99999999999999999999" is not an integer Edm.Int64 holds (-9223372036854775808 to 9223372036854775807); read as 99999999999999999999'],
  ]);
  const { model } = build(edmx(schema("ns", body)));
  const e = model.types.get("ns.e");
  expect(e?.kind === "enum" && e.members.map((m) => m.value)).toEqual([0, 1, 2147483648, 7]);
  const big = model.types.get("ns.big");
  expect(big?.kind === "enum" && big.members.map((m) => m.exact)).toEqual(["9007199254740993", "99999999999999999999"]);
});

test("an element the reader leaves out does not hide the model's problems: all are reported in one run, without echoes", () => {
  const content = edmx(schema("ns", `
    <ComplexType Name="a">
      <Property Name="x" Type="ns.nope"/>
      <Property Name="w"/>
      <NavigationProperty Name="n" Type=""/>
    </ComplexType>
    <EntityType Name="e"><Key><PropertyRef Name="nokey"/><PropertyRef/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>
    <ComplexType/><ComplexType/><TypeDefinition Name="t"/><Action/><Action/>
    <EntityContainer Name="c"><EntitySet Name="s"/><Singleton Name="g"/><FunctionImport Name="f"/></EntityContainer>`));
  let diagnostics: Diagnostic[] = [];
  try {
    generate({ inputs: [{ file: "p.xml", content }] });
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    diagnostics = e.diagnostics;
  }
  // Each missing attribute is said once, by the reader; the model's own problems follow.
  expect(diagnostics.filter((d) => d.code !== "ODG101").map((d) => [d.code, d.path])).toEqual([
    ["ODG103", "ns.a/x"],
    ["ODG106", "ns.e/Key/nokey"],
  ]);
  expect(diagnostics.filter((d) => d.code === "ODG101")).toHaveLength(11);
  expect(diagnostics.filter((d) => / {2}|"" |\. is /.test(d.message))).toEqual([]);
});

test("generate()'s GenerationError names the first errors in its message, as the CLI prints them, for tools that show only the message", () => {
  const types = Array.from({ length: 5 }, (_, i) => `<ComplexType Name="c${i}"><Property Name="x" Type="ns.nope${i}"/></ComplexType>`).join("\n");
  let error: unknown;
  try {
    generate({ inputs: [{ file: "p.xml", content: edmx(schema("ns", types)) }] });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(GenerationError);
  expect((error as GenerationError).message).toMatch(
    /^5 error\(s\) in the input: p\.xml:\d+:\d+: error ODG103: type ns\.nope0 is not defined \[ns\.c0\/x\]; p\.xml:\d+:\d+: error ODG103: type ns\.nope1 .*; p\.xml:\d+:\d+: error ODG103: type ns\.nope2 .* \(and 2 more\)$/,
  );
});

describe("type names", () => {
  test("a collection of collections is an error at its element, naming the type written (CSDL has no such type)", () => {
    const { errors } = build(edmx(schema("ns", `<ComplexType Name="c">
      <Property Name="grid" Type="Collection(Collection(Edm.Int32))"/>
      <Property Name="ok" Type="Collection(ns.c)"/>
    </ComplexType>
    <Function Name="f"><ReturnType Type=" Collection( Collection(ns.c) ) "/></Function>`)));
    expect(errors.map((d) => [d.code, d.line, d.path, d.message])).toEqual([
      ["ODG102", 6, "ns.c/grid", 'Type="Collection(Collection(Edm.Int32))" is a collection of collections, which CSDL has no type for (the items of a collection are of one type, not collections)'],
      ["ODG102", 9, "ns.f/$ReturnType", 'Type="Collection( Collection(ns.c) )" is a collection of collections, which CSDL has no type for (the items of a collection are of one type, not collections)'],
    ]);
  });

  test("a navigation property's collection of collections is that error too, in XML and in CSDL JSON (not 'type … is not defined')", () => {
    const xml = build(edmx(schema("ns", `<EntityType Name="e"><Key><PropertyRef Name="id"/></Key>
      <Property Name="id" Type="Edm.Int32" Nullable="false"/>
      <NavigationProperty Name="grid" Type="Collection(Collection(ns.e))"/>
    </EntityType>`)));
    expect(xml.errors.map((d) => [d.code, d.line, d.path, d.message])).toEqual([
      ["ODG102", 7, "ns.e/grid", 'Type="Collection(Collection(ns.e))" is a collection of collections, which CSDL has no type for (the items of a collection are of one type, not collections)'],
    ]);
    const json = `{ "$Version": "4.01", "ns": { "e": { "$Kind": "EntityType", "$Key": ["id"], "id": { "$Type": "Edm.Int32" },
      "grid": { "$Kind": "NavigationProperty", "$Type": "Collection(Collection(ns.e))" } } } }`;
    const codes = (content: string) => {
      try {
        return generate({ inputs: [{ file: "p.json", content }] }).diagnostics.filter((d) => d.severity === "error");
      } catch (e) {
        return (e as GenerationError).diagnostics.filter((d) => d.severity === "error");
      }
    };
    expect(codes(json).map((d) => [d.code, d.path])).toEqual([["ODG102", "ns.e/grid"]]);
  });

  test.each(["Edm.Untyped", "Edm.PrimitiveType", "Edm.ComplexType", "Edm.EntityType"])("a type definition of the abstract %s is ODG108 (CSDL 4.01 §11.1: its underlying type is a primitive type), in XML and CSDL JSON", (abstract) => {
    const xml = build(edmx(schema("ns", `<TypeDefinition Name="td" UnderlyingType="${abstract}"/>`)));
    expect(xml.errors.map((d) => [d.code, d.path, d.message])).toEqual([
      ["ODG108", "ns.td", `type definition's underlying type ${abstract} is abstract, not a primitive type a value can have (CSDL 4.01 §11.1)`],
    ]);
    const json = `{ "$Version": "4.01", "ns": { "td": { "$Kind": "TypeDefinition", "$UnderlyingType": "${abstract}" } } }`;
    expect(() => generate({ inputs: [{ file: "p.json", content: json }] })).toThrow(/error ODG108: type definition's underlying type .* is abstract/);
  });
});
