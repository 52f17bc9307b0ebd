// Facet values CSDL does not allow together (§7.2.3 temporal Precision ≤ 12, §7.2.4 Scale ≤ Precision,
// §7.2.6 SRID) and DefaultValues that are no value of their property's type (§7.2.7): each an ODG102
// warning at its element, the value left out so that the validators refuse no valid value.
import { generate } from "../generator/generate";
import { build, edmx, schema, structured } from "./helpers/csdl";

const doc = (body: string) => edmx(schema("ns", `<EnumType Name="color" IsFlags="true"><Member Name="Red" Value="1"/><Member Name="Blue" Value="2"/></EnumType>
  <TypeDefinition Name="count" UnderlyingType="Edm.Int32"/>
  <ComplexType Name="c">${body}</ComplexType>`));
const report = (body: string) => build(doc(body)).diagnostics.map((d) => [d.severity, d.code, d.path, d.message, d.line > 0]);

describe("facets", () => {
  test("values CSDL allows are read silently", () => {
    expect(report(`<Property Name="d" Type="Edm.Decimal" Precision="5" Scale="5"/><Property Name="t" Type="Edm.DateTimeOffset" Precision="12"/>
      <Property Name="g" Type="Edm.GeographyPoint" SRID="4326"/><Property Name="h" Type="Edm.Geometry" SRID="variable"/>`)).toEqual([]);
  });

  test("Scale greater than Precision: Scale is left out, and 0 and 0.001 are valid values again", () => {
    const content = doc(`<Property Name="d" Type="Edm.Decimal" Precision="3" Scale="5"/>`);
    expect(report(`<Property Name="d" Type="Edm.Decimal" Precision="3" Scale="5"/>`)).toEqual([
      ["warning", "ODG102", "ns.c/d", 'Scale="5" is greater than Precision="3" (CSDL §7.2.4: Scale must not exceed Precision); Scale is left out', true],
    ]);
    expect(structured(build(content).model, "ns.c").properties[0].type.facets).toEqual({ precision: 3 });
    expect(generate({ inputs: [{ file: "f.xml", content }] }).files.get("ns.validators.ts")).toContain("vr.checkDecimal(v, ctx, key, 3)");
  });

  test("an SRID that is not an integer or variable, and a temporal Precision over 12, are left out", () => {
    const body = `<Property Name="g" Type="Edm.GeographyPoint" SRID="x"/>
      <Property Name="t" Type="Edm.DateTimeOffset" Precision="13"/><Property Name="u" Type="Edm.TimeOfDay" Precision="20"/>
      <Property Name="v" Type="Edm.Duration" Precision="99"/><Property Name="w" Type="Edm.Decimal" Precision="30"/>`;
    expect(report(body)).toEqual([
      ["warning", "ODG102", "ns.c/g", 'SRID="x" is not a non-negative integer or variable; left out', true],
      ["warning", "ODG102", "ns.c/t", 'Precision="13" is more than Edm.DateTimeOffset allows (12); left out', true],
      ["warning", "ODG102", "ns.c/u", 'Precision="20" is more than Edm.TimeOfDay allows (12); left out', true],
      ["warning", "ODG102", "ns.c/v", 'Precision="99" is more than Edm.Duration allows (12); left out', true],
    ]);
    expect(structured(build(doc(body)).model, "ns.c").properties.map((p) => p.type.facets)).toEqual([{}, {}, {}, {}, { precision: 30 }]);
  });
});

describe("DefaultValue", () => {
  test("a literal of the property's type is kept", () => {
    const body = `<Property Name="i" Type="Edm.Int32" DefaultValue="-7"/><Property Name="b" Type="Edm.Boolean" DefaultValue="false"/>
      <Property Name="g" Type="Edm.Guid" DefaultValue="01234567-89ab-cdef-0123-456789abcdef"/><Property Name="e" Type="ns.color" DefaultValue="Red,Blue"/>
      <Property Name="n" Type="ns.count" DefaultValue="3"/><Property Name="x" Type="Edm.Double" DefaultValue="-INF"/>
      <Property Name="d" Type="Edm.DateTimeOffset" DefaultValue="2012-12-03T07:16:23Z"/><Property Name="p" Type="Edm.Duration" DefaultValue="P1DT2H"/>
      <Property Name="s" Type="Edm.String" DefaultValue="anything"/><Property Name="z" Type="Edm.Boolean" DefaultValue="null"/>`;
    expect(report(body)).toEqual([]);
    expect(structured(build(doc(body)).model, "ns.c").properties.every((p) => p.defaultValue !== undefined)).toBe(true);
  });

  test("another value is a warning at the property and ignored", () => {
    const body = `<Property Name="i" Type="Edm.Int32" DefaultValue="abc"/><Property Name="b" Type="Edm.Boolean" DefaultValue="yes"/>
      <Property Name="g" Type="Edm.Guid" DefaultValue="1234567-89ab-cdef-0123-456789abcdef"/><Property Name="e" Type="ns.color" DefaultValue="Green"/>
      <Property Name="n" Type="ns.count" DefaultValue="3000000000"/><Property Name="z" Type="Edm.Boolean" Nullable="false" DefaultValue="null"/>`;
    expect(report(body)).toEqual([
      ["warning", "ODG102", "ns.c/i", 'DefaultValue="abc" is not a value of Edm.Int32; it is ignored', true],
      ["warning", "ODG102", "ns.c/b", 'DefaultValue="yes" is not a value of Edm.Boolean; it is ignored', true],
      ["warning", "ODG102", "ns.c/g", 'DefaultValue="1234567-89ab-cdef-0123-456789abcdef" is not a value of Edm.Guid; it is ignored', true],
      ["warning", "ODG102", "ns.c/e", 'DefaultValue="Green" is not a value of ns.color; it is ignored', true],
      ["warning", "ODG102", "ns.c/n", 'DefaultValue="3000000000" is not a value of ns.count; it is ignored', true],
      ["warning", "ODG102", "ns.c/z", 'DefaultValue="null" is not a value of Edm.Boolean; it is ignored', true],
    ]);
    expect(structured(build(doc(body)).model, "ns.c").properties.map((p) => p.defaultValue)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
