// CSDL 4.01 §8.4: a key property may be a path into a complex property, then it must have an alias;
// §4.4: unknown Edm types and the abstract Edm.EntityType as a navigation target.
import { generate } from "../generator/generate";
import { build, buildOk, edmx, entity, schema } from "./helpers/csdl";

const INFO = `<ComplexType Name="info"><Property Name="ID" Type="Edm.Int32" Nullable="false"/></ComplexType>`;

describe("key property paths", () => {
  const model = buildOk(edmx(schema("ns", `${INFO}
    <EntityType Name="category">
      <Key><PropertyRef Name="Info/ID" Alias="InfoID"/><PropertyRef Name="code"/></Key>
      <Property Name="Info" Type="ns.info" Nullable="false"/>
      <Property Name="code" Type="Edm.String" Nullable="false"/>
    </EntityType>
    <EntityType Name="special" BaseType="ns.category"/>`)));

  test("a path resolves to the complex type's property, and URLs use its alias", () => {
    const t = entity(model, "ns.category");
    expect(t.key.map((k) => `${k.declaringType.name}.${k.name}`)).toEqual(["info.ID", "category.code"]);
    expect(t.keyNames).toEqual(["InfoID", "code"]);
  });

  test("a derived type inherits the key and its URL names", () => {
    expect(entity(model, "ns.special").keyNames).toEqual(["InfoID", "code"]);
  });

  test("the request functions address members by the alias", () => {
    const { files } = generate({ inputs: [{ file: "k.xml", content: edmx(schema("ns", `${INFO}
      <EntityType Name="category"><Key><PropertyRef Name="Info/ID" Alias="InfoID"/></Key><Property Name="Info" Type="ns.info" Nullable="false"/></EntityType>
      <EntityContainer Name="c"><EntitySet Name="categories" EntityType="ns.category"/></EntityContainer>`)) }] });
    expect(files.get("ns.requests.ts")).toContain(`rt.key("InfoID", rt.edmInt32)`);
  });

  test.each([
    ["a path without an alias", `<PropertyRef Name="Info/ID"/>`, "needs an Alias"],
    ["a path to nothing", `<PropertyRef Name="Info/nope" Alias="x"/>`, "is not a property of ns.bad"],
    ["a property named twice", `<PropertyRef Name="code"/><PropertyRef Name="code"/>`, "names code twice"],
    ["an alias that repeats a name", `<PropertyRef Name="code"/><PropertyRef Name="Info/ID" Alias="code"/>`, "names code twice"],
  ])("%s is an error at the key", (_, ref, message) => {
    const { diagnostics } = build(edmx(schema("ns", `${INFO}
      <EntityType Name="bad"><Key>${ref}</Key><Property Name="Info" Type="ns.info" Nullable="false"/><Property Name="code" Type="Edm.String" Nullable="false"/></EntityType>`)));
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "ODG106", path: expect.stringMatching(/^ns\.bad\/Key\//) });
    expect(errors[0].message).toContain(message);
    expect(errors[0].line).toBeGreaterThan(0);
  });
});

describe("types outside the Edm primitives", () => {
  test("an unknown Edm type is a warning at the property, read as Edm.Untyped", () => {
    const { model, diagnostics } = build(edmx(schema("ns", `<ComplexType Name="t"><Property Name="f" Type="Edm.Float"/></ComplexType>`)));
    expect(diagnostics).toEqual([expect.objectContaining({ severity: "warning", code: "ODG108", path: "ns.t/f" })]);
    const t = model.types.get("ns.t");
    expect(t && t.kind === "complex" && t.properties[0].type.type.qualifiedName).toBe("Edm.Untyped");
  });

  test("a navigation property to the abstract Edm.EntityType is left out with a warning", () => {
    const { model, diagnostics } = build(edmx(schema("ns", `<ComplexType Name="t"><NavigationProperty Name="v" Type="Edm.EntityType"/></ComplexType>`)));
    expect(diagnostics).toEqual([expect.objectContaining({ severity: "warning", code: "ODG107", path: "ns.t/v" })]);
    const t = model.types.get("ns.t");
    expect(t && t.kind === "complex" && t.navigationProperties).toEqual([]);
  });
});

describe("entity types without a key", () => {
  test("get and update only: a key-less type is never a member of a collection (CSDL §8.2)", () => {
    const { files } = generate({ inputs: [{ file: "s.xml", content: edmx(schema("ns", `
      <EntityType Name="me"><Property Name="name" Type="Edm.String"/></EntityType>
      <EntityContainer Name="c"><Singleton Name="me" Type="ns.me"/></EntityContainer>`)) }] });
    const requests = files.get("ns.requests.ts") ?? "";
    expect(requests).toMatch(/export function getMe\b/);
    expect(requests).toMatch(/export function updateMe\b/);
    expect(requests).not.toMatch(/export function (listMes|createMe)\b/);
  });
});
