// CSDL 4.01 §6.5: a key property may be a path into a complex property, then it must have an alias;
// §4.4: unknown Edm types and the abstract Edm.EntityType as a navigation target.
import { generate } from "../generator/generate";
import { build, buildOk, edmx, entity, schema } from "./helpers/csdl";
import { xmlToCsdlJson } from "./helpers/csdl-json";

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

describe("a key naming a property that is not there", () => {
  const keyError = (ref: string) =>
    build(edmx(schema("ns", `<EntityType Name="base"><Property Name="Code" Type="Edm.String" Nullable="false"/></EntityType>
      <EntityType Name="order" BaseType="ns.base"><Key>${ref}</Key><Property Name="ID" Type="Edm.Int32" Nullable="false"/></EntityType>`)))
      .diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.path}: ${d.message}`);

  test.each([
    ["another case", `<PropertyRef Name="Id"/>`, "ODG106 ns.order/Key/Id: key property Id is not a property of ns.order (did you mean ID?)"],
    ["a base type's property misspelt", `<PropertyRef Name="Cdoe"/>`, "ODG106 ns.order/Key/Cdoe: key property Cdoe is not a property of ns.order (did you mean Code?)"],
    ["nothing near", `<PropertyRef Name="number"/>`, "ODG106 ns.order/Key/number: key property number is not a property of ns.order"],
  ])("in %s, the error names the property meant", (_, ref, message) => {
    expect(keyError(ref)).toEqual([message]);
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
  test("get and update only: a key-less type is never a member of a collection (CSDL 4.01 §6.5)", () => {
    const { files } = generate({ inputs: [{ file: "s.xml", content: edmx(schema("ns", `
      <EntityType Name="me"><Property Name="name" Type="Edm.String"/></EntityType>
      <EntityContainer Name="c"><Singleton Name="me" Type="ns.me"/></EntityContainer>`)) }] });
    const requests = files.get("ns.requests.ts") ?? "";
    expect(requests).toMatch(/export function getMe\b/);
    expect(requests).toMatch(/export function updateMe\b/);
    expect(requests).not.toMatch(/export function (listMes|createMe)\b/);
  });
});

// CSDL 4.01 §6.5: key properties are single-valued structural properties, not nullable, of an enum type,
// a type definition or Edm.Boolean, Byte, Date, DateTimeOffset, Decimal, Duration, Guid, Int16, Int32,
// Int64, SByte, String or TimeOfDay.
describe("what a key property may be", () => {
  const PROPS = `<Property Name="id" Type="Edm.String" Nullable="false"/><Property Name="home" Type="ns.address" Nullable="false"/>
    <Property Name="score" Type="Edm.Double" Nullable="false"/><Property Name="tags" Type="Collection(Edm.String)" Nullable="false"/>
    <Property Name="photo" Type="Edm.Stream" Nullable="false"/><Property Name="at" Type="Edm.GeographyPoint" Nullable="false"/>
    <Property Name="loose" Type="Edm.Int32"/><Property Name="color" Type="ns.color" Nullable="false"/><Property Name="code" Type="ns.code" Nullable="false"/>
    <Property Name="flag" Type="Edm.Boolean" Nullable="false"/><Property Name="maybeHome" Type="ns.address"/>
    <NavigationProperty Name="friend" Type="ns.person" Nullable="false"/>`;
  const doc = (key: string) => edmx(schema("ns", `<ComplexType Name="address"><Property Name="street" Type="Edm.String" Nullable="false"/></ComplexType>
    <EnumType Name="color"><Member Name="red"/></EnumType><TypeDefinition Name="code" UnderlyingType="Edm.Int64"/>
    <EntityType Name="person"><Key>${key}</Key>${PROPS}</EntityType>
    <EntityContainer Name="svc"><EntitySet Name="people" EntityType="ns.person"/></EntityContainer>`));
  const report = (key: string) => build(doc(key)).diagnostics.map((d) => [d.severity, d.code, d.path, d.message, d.line > 0]);

  test("an enum, a type definition, Edm.Boolean and a path into a non-nullable complex property are read silently", () => {
    expect(report(`<PropertyRef Name="id"/><PropertyRef Name="color"/><PropertyRef Name="code"/><PropertyRef Name="flag"/><PropertyRef Name="home/street" Alias="street"/>`)).toEqual([]);
  });

  test("a complex-typed key property is a warning, and the key is left out: byKey takes never, as for a type without a key", () => {
    expect(report(`<PropertyRef Name="id"/><PropertyRef Name="home"/>`)).toEqual([
      ["warning", "ODG106", "ns.person/Key/home", "key property home of ns.person has complex type ns.address (CSDL 4.01 §6.5: a key is made of primitive properties; one inside it may be a key property, as home/street with an Alias); the key is left out, so the members of its entity sets cannot be addressed by key (byKey takes never)", true],
    ]);
    const requests = generate({ inputs: [{ file: "k.xml", content: doc(`<PropertyRef Name="id"/><PropertyRef Name="home"/>`) }] }).files.get("ns.requests.ts") ?? "";
    expect(requests).toContain("rt.noKey");
    expect(requests).not.toContain(`["home", rt.edmString]`);
  });

  test.each([
    ["Edm.Stream", "photo"],
    ["Edm.GeographyPoint", "at"],
  ])("a key property of type %s has no key literal: a warning, and the key is left out", (type, name) => {
    expect(report(`<PropertyRef Name="${name}"/>`)).toEqual([
      ["warning", "ODG106", `ns.person/Key/${name}`, `key property ${name} of ns.person has type ${type}, which CSDL 4.01 §6.5 does not allow in a key and which has no key literal; the key is left out, so the members of its entity sets cannot be addressed by key (byKey takes never)`, true],
    ]);
  });

  test("an Edm.Double key property is a note (not printed: Northwind's Edm.Single keys are not its users' to change) and kept (the runtime writes its literal)", () => {
    expect(report(`<PropertyRef Name="id"/><PropertyRef Name="score"/>`)).toEqual([
      ["info", "ODG106", "ns.person/Key/score", "key property score of ns.person has type Edm.Double, which CSDL 4.01 §6.5 does not allow in a key (an enum type, a type definition or Edm.Boolean, Byte, Date, DateTimeOffset, Decimal, Duration, Guid, Int16, Int32, Int64, SByte, String or TimeOfDay); it is kept and written as an Edm.Double literal", true],
    ]);
    const requests = generate({ inputs: [{ file: "k.xml", content: doc(`<PropertyRef Name="id"/><PropertyRef Name="score"/>`) }] }).files.get("ns.requests.ts") ?? "";
    expect(requests).toContain(`rt.compositeKey([["id", rt.edmString], ["score", rt.edmDouble]])`);
  });

  test("an Edm.Untyped key property, as written, is a warning in CSDL XML and JSON, and kept as a string key; one read as Edm.Untyped for a type already reported is not reported again", () => {
    const untyped = (type: string, references = "") => edmx(schema("ns", `<EntityType Name="e"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="${type}" Nullable="false"/></EntityType>
      <EntityContainer Name="svc"><EntitySet Name="es" EntityType="ns.e"/></EntityContainer>`), references);
    const message = "key property id of ns.e has type Edm.Untyped, which CSDL 4.01 §6.5 does not allow in a key (an enum type, a type definition or Edm.Boolean, Byte, Date, DateTimeOffset, Decimal, Duration, Guid, Int16, Int32, Int64, SByte, String or TimeOfDay); it is kept and written as a string literal ('…'), so byKey takes a string";
    for (const [file, content] of [["k.xml", untyped("Edm.Untyped")], ["k.json", xmlToCsdlJson("k.xml", untyped("Edm.Untyped"))]]) {
      const { diagnostics, files } = generate({ inputs: [{ file, content }] });
      expect(diagnostics.map((d) => [d.severity, d.code, d.path, d.message, d.line > 0])).toEqual([["warning", "ODG106", "ns.e/Key/id", message, true]]);
      expect(files.get("ns.requests.ts")).toContain(`rt.rootCollection({ name: "es" }, rt.key("id", rt.edmString))`);
    }
    expect(generate({ inputs: [{ file: "k.xml", content: untyped("Edm.Float") }] }).diagnostics.map((d) => d.code)).toEqual(["ODG108"]);
    const referenced = untyped("X.Id", `<edmx:Reference Uri="x.xml"><edmx:Include Namespace="X"/></edmx:Reference>`);
    expect(generate({ inputs: [{ file: "k.xml", content: referenced }] }).diagnostics.map((d) => d.code)).toEqual(["ODG110"]);
  });

  test("a nullable key property (or one inside a nullable complex property) is a warning; the key is typed without null", () => {
    expect(report(`<PropertyRef Name="loose"/><PropertyRef Name="maybeHome/street" Alias="street"/>`)).toEqual([
      ["warning", "ODG106", "ns.person/Key/loose", "key property loose of ns.person is nullable (CSDL 4.01 §6.5: key properties are not); it is read as not nullable: its interface, its validator and byKey take no null", true],
      ["warning", "ODG106", "ns.person/Key/street", "key property maybeHome/street of ns.person is nullable (or a complex property on its path is) (CSDL 4.01 §6.5: key properties are not); it is read as not nullable in the key, so byKey takes no null", true],
    ]);
    const requests = generate({ inputs: [{ file: "k.xml", content: doc(`<PropertyRef Name="loose"/>`) }] }).files.get("ns.requests.ts") ?? "";
    expect(requests).toMatch(/CollectionRef<Person, number>/);
  });

  test("a nullable key property of the type itself is read as not nullable everywhere: the interface and the validator have no null", () => {
    const files = generate({ inputs: [{ file: "k.xml", content: doc(`<PropertyRef Name="loose"/><PropertyRef Name="maybeHome/street" Alias="street"/>`) }] }).files;
    const types = files.get("ns.types.ts") ?? "";
    expect(types).toMatch(/^ {2}loose: number;$/m);
    // The complex property on a path is a value of its own, which may be null where it is no key.
    expect(types).toMatch(/^ {2}maybeHome\?: Address \| null;$/m);
    expect(files.get("ns.validators.ts")).toMatch(/vr\.p\(o\["loose"\], ctx, "loose", vr\.checkInt32, vr\.KEY \| vr\.REQUIRED\)/);
  });

  test("a nullable key property a base type declares stays nullable there, and is read as not nullable in the key", () => {
    const { files, diagnostics } = generate({ inputs: [{ file: "k.xml", content: edmx(schema("ns", `
      <EntityType Name="base" Abstract="true"><Property Name="id" Type="Edm.String"/></EntityType>
      <EntityType Name="item" BaseType="ns.base"><Key><PropertyRef Name="id"/></Key></EntityType>
      <EntityContainer Name="c"><EntitySet Name="items" EntityType="ns.item"/></EntityContainer>`)) }] });
    expect(diagnostics.map((d) => d.message)).toEqual(["key property id of ns.item is nullable (CSDL 4.01 §6.5: key properties are not); it is read as not nullable in the key, so byKey takes no null"]);
    expect(files.get("ns.types.ts")).toMatch(/^ {2}id\?: string \| null;$/m);
    expect(files.get("ns.requests.ts")).toMatch(/CollectionRef<Item, string>/);
  });

  test.each([
    ["a collection", "tags", "key property tags is a collection-valued property of ns.person (CSDL 4.01 §6.5: key properties are single-valued)"],
    ["a navigation property", "friend", "key property friend is a navigation property of ns.person (CSDL 4.01 §6.5: a key is made of primitive properties; a path through a navigation property, which OData 4.01 allows, is not read)"],
    ["a path past a primitive property", "id/x", "key property id/x is not a property of ns.person: id is not of a complex type, so it has no x"],
  ])("%s is an error that says why it cannot be a key property", (_label, name, message) => {
    expect(report(`<PropertyRef Name="${name}" Alias="k"/>`).filter((d) => d[0] === "error")).toEqual([["error", "ODG106", `ns.person/Key/${name}`, message, true]]);
  });
});
