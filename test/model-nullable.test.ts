// CSDL §7.2.1: Nullable defaults to true; on a Collection(...) it speaks of the items.
import { buildOk, edmx, schema, structured, property } from "./helpers/csdl";

const NS = "ns";
function prop(decl: string) {
  const model = buildOk(edmx(schema(NS, `<ComplexType Name="t">${decl}</ComplexType>`)));
  return property(structured(model, "ns.t"), "p");
}

describe("Nullable on properties", () => {
  test.each([
    ["no Nullable attribute", `<Property Name="p" Type="Edm.String"/>`, false, true],
    ["Nullable=\"true\"", `<Property Name="p" Type="Edm.String" Nullable="true"/>`, false, true],
    ["Nullable=\"false\"", `<Property Name="p" Type="Edm.String" Nullable="false"/>`, false, false],
    ["collection, no Nullable: items may be null", `<Property Name="p" Type="Collection(Edm.Int32)"/>`, true, true],
    ["collection, Nullable=\"false\": items never null", `<Property Name="p" Type="Collection(Edm.Int32)" Nullable="false"/>`, true, false],
    ["collection written with spaces", `<Property Name="p" Type=" Collection( Edm.Int32 ) " Nullable="false"/>`, true, false],
  ])("%s", (_label, decl, collection, nullable) => {
    const p = prop(decl);
    expect(p.type.collection).toBe(collection);
    expect(p.type.nullable).toBe(nullable);
    expect(p.type.type).toMatchObject({ kind: "primitive" });
  });

  test("a collection's item type is the type inside Collection(...)", () => {
    expect(prop(`<Property Name="p" Type="Collection(Edm.Guid)"/>`).type.type).toMatchObject({ kind: "primitive", name: "Guid" });
  });

  test("Nullable is read only when written exactly \"false\"", () => {
    // Anything else (including "False") leaves the default; the attribute is an xs:boolean in lower case.
    expect(prop(`<Property Name="p" Type="Edm.String" Nullable="False"/>`).type.nullable).toBe(true);
  });

  test("facets are read alongside nullability", () => {
    const p = prop(`<Property Name="p" Type="Edm.Decimal" Nullable="false" Precision="10" Scale="variable"/>`);
    expect(p.type.facets).toEqual({ precision: 10, scale: "variable" });
    expect(prop(`<Property Name="p" Type="Edm.String" MaxLength="max"/>`).type.facets).toEqual({ maxLength: "max" });
  });

  test("legacy Edm.DateTime is read as Edm.DateTimeOffset", () => {
    expect(prop(`<Property Name="p" Type="Edm.DateTime"/>`).type.type).toMatchObject({ name: "DateTimeOffset" });
  });
});

describe("Nullable on navigation properties (CSDL §8.3)", () => {
  const model = buildOk(edmx(schema(NS, `
    <EntityType Name="e"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/>
      <NavigationProperty Name="one" Type="ns.e"/>
      <NavigationProperty Name="required" Type="ns.e" Nullable="false"/>
      <NavigationProperty Name="many" Type="Collection(ns.e)"/>
    </EntityType>`)));
  const nav = (name: string) => structured(model, "ns.e").navigationProperties.find((n) => n.name === name)!;

  test.each([
    ["one", false, true],
    ["required", false, false],
    ["many", true, false],
  ])("%s: collection=%s nullable=%s", (name, collection, nullable) => {
    expect(nav(name).collection).toBe(collection);
    expect(nav(name).nullable).toBe(nullable);
  });
});

// CSDL 4.01 §13.3.3: a singleton may be null only with Nullable="true" (absent: false).
describe("Nullable on singletons", () => {
  test.each([
    ["no Nullable attribute", "", false],
    ["Nullable=\"true\"", ` Nullable="true"`, true],
    ["Nullable=\"false\"", ` Nullable="false"`, false],
  ])("%s", (_label, attr, nullable) => {
    const body = `<EntityType Name="e"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType><EntityContainer Name="c"><Singleton Name="me" Type="ns.e"${attr}/></EntityContainer>`;
    const model = buildOk(edmx(schema(NS, body)));
    expect(model.schemas[0]!.containers[0]!.singletons[0]).toMatchObject({ name: "me", nullable });
  });
});
