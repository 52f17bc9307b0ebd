// CSDL §6.1.1 (BaseType), §6.1.2 (Abstract), §6.5 (a key is declared on the root and inherited).
import { MAX_BASE_DEPTH } from "../generator/model/base-chains";
import { allProperties, concreteDescendants } from "../generator/model/rules";
import { GenerationError } from "../generator/diagnostics";
import { generate } from "../generator/generate";
import { build, buildOk, edmx, entity, schema, structured } from "./helpers/csdl";

const KEYED = `<Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>`;

describe("base types", () => {
  const model = buildOk(edmx(schema("ns", `
    <EntityType Name="root" Abstract="true">${KEYED}</EntityType>
    <EntityType Name="mid" BaseType="ns.root" Abstract="true"><Property Name="m" Type="Edm.Int32"/></EntityType>
    <EntityType Name="leafA" BaseType="ns.mid"><Property Name="a" Type="Edm.Int32"/></EntityType>
    <EntityType Name="leafB" BaseType="ns.mid"><Property Name="b" Type="Edm.Int32"/></EntityType>
    <EntityType Name="forward" BaseType="ns.later"/>
    <EntityType Name="later" BaseType="ns.root"/>`)));

  test("BaseType links to the declared type, and the base lists its direct subtypes in document order", () => {
    expect(entity(model, "ns.leafA").baseType).toBe(model.types.get("ns.mid"));
    expect(entity(model, "ns.mid").derived.map((t) => t.name)).toEqual(["leafA", "leafB"]);
    expect(entity(model, "ns.root").derived.map((t) => t.name)).toEqual(["mid", "later"]);
  });

  test("a base type may be declared after its subtype", () => {
    expect(entity(model, "ns.forward").baseType).toBe(model.types.get("ns.later"));
  });

  test.each([
    ["ns.root", ["id"]],
    ["ns.mid", ["id"]],
    ["ns.leafA", ["id"]],
    ["ns.forward", ["id"]],
  ])("%s has key %j (inherited from the root)", (name, key) => {
    expect(entity(model, name).key.map((k) => k.name)).toEqual(key);
    expect(entity(model, name).key[0]).toBe(entity(model, "ns.root").properties[0]);
  });

  test("allProperties lists inherited properties first", () => {
    expect(allProperties(entity(model, "ns.leafA")).map((p) => p.name)).toEqual(["id", "m", "a"]);
  });

  test("concreteDescendants skips abstract types", () => {
    expect(concreteDescendants(entity(model, "ns.root")).map((t) => t.name)).toEqual(["leafA", "leafB", "later", "forward"]);
  });

  test("Abstract and OpenType are read", () => {
    const m = buildOk(edmx(schema("ns", `<ComplexType Name="c" Abstract="true" OpenType="true"/><ComplexType Name="d"/>`)));
    expect(structured(m, "ns.c")).toMatchObject({ abstract: true, open: true });
    expect(structured(m, "ns.d")).toMatchObject({ abstract: false, open: false });
  });
});

describe("composite keys", () => {
  test("a key lists its properties in PropertyRef order", () => {
    const m = buildOk(edmx(schema("ns", `
      <EntityType Name="line"><Key><PropertyRef Name="orderId"/><PropertyRef Name="lineNo"/></Key>
        <Property Name="lineNo" Type="Edm.Int32" Nullable="false"/><Property Name="orderId" Type="Edm.Guid" Nullable="false"/>
      </EntityType>`)));
    expect(entity(m, "ns.line").key.map((k) => `${k.name}:${(k.type.type as { name: string }).name}`)).toEqual(["orderId:Guid", "lineNo:Int32"]);
  });
});

describe("inheritance errors", () => {
  test.each([
    ["an undefined base type", `<ComplexType Name="a" BaseType="ns.nothing"/>`, "ODG103", "ns.a"],
    ["a complex type deriving from an entity type", `<EntityType Name="e">${KEYED}</EntityType><ComplexType Name="a" BaseType="ns.e"/>`, "ODG105", "ns.a"],
    ["a cycle of base types", `<ComplexType Name="a" BaseType="ns.b"/><ComplexType Name="b" BaseType="ns.a"/>`, "ODG109", "ns.a"],
    ["a derived type declaring its own key", `<EntityType Name="e">${KEYED}</EntityType><EntityType Name="d" BaseType="ns.e">${KEYED.replace(/id/g, "x")}</EntityType>`, "ODG106", "ns.d"],
    ["a key naming no property", `<EntityType Name="e"><Key><PropertyRef Name="nope"/></Key></EntityType>`, "ODG106", "ns.e/Key/nope"],
  ])("%s is reported", (_label, body, code, path) => {
    const b = build(edmx(schema("ns", body)));
    expect(b.errors.map((d) => [d.code, d.path])).toContainEqual([code, path]);
    for (const d of b.errors) expect(d.line).toBeGreaterThan(0);
  });
});

describe("chains of base types", () => {
  /** `n` complex types c0 … c(n-1), each deriving from the next, so c0 has n-1 base types. */
  const chain = (n: number, last = "") =>
    Array.from({ length: n }, (_, i) => `<ComplexType Name="c${i}"${i < n - 1 ? ` BaseType="ns.c${i + 1}"` : last}/>`).join("\n");
  const errors = (body: string) => build(edmx(schema("ns", body))).errors.map((d) => `${d.code} ${d.path} ${d.line > 0}`);

  test(`a chain of ${MAX_BASE_DEPTH} base types is read as it is`, () => {
    const m = buildOk(edmx(schema("ns", chain(MAX_BASE_DEPTH + 1))));
    let depth = 0;
    for (let c = structured(m, "ns.c0").baseType; c; c = c.baseType) depth++;
    expect(depth).toBe(MAX_BASE_DEPTH);
  });

  test("one more base type is reported once, at the type with one too many", () => {
    expect(errors(chain(MAX_BASE_DEPTH + 2))).toEqual(["ODG111 ns.c0 true"]);
  });

  test("a chain thousands deep gives one error, not one per type below the limit", () => {
    // c0 … c4999: only c(4999 - 33) is the first with 33 base types; those below are not reported again.
    expect(errors(chain(5000))).toEqual([`ODG111 ns.c${5000 - 1 - (MAX_BASE_DEPTH + 1)} true`]);
  });

  test("a cycle is reported once, naming its members; a type deriving from it is not a cycle", () => {
    const b = build(edmx(schema("ns", `${chain(3, ` BaseType="ns.c0"`)}<ComplexType Name="below" BaseType="ns.c1"/>`)));
    expect(b.errors.map((d) => [d.code, d.path, d.message])).toEqual([["ODG109", "ns.c0", "ns.c0 derives from itself: ns.c0 → ns.c1 → ns.c2 → ns.c0"]]);
  });

  test("a long cycle is named by its first members and its length", () => {
    const b = build(edmx(schema("ns", chain(5000, ` BaseType="ns.c0"`))));
    expect(b.errors.map((d) => d.message)).toEqual(["ns.c0 derives from itself: ns.c0 → ns.c1 → ns.c2 → ns.c3 → … (5000 types)"]);
  });
});

describe("a member name is unique across a type and its base types (CSDL 4.01 §7, §8)", () => {
  const BODY = `
    <EntityType Name="root">${KEYED}<Property Name="p" Type="Edm.String"/></EntityType>
    <EntityType Name="mid" BaseType="ns.root"><Property Name="p" Type="Edm.Int32"/><Property Name="m" Type="Edm.Int32"/></EntityType>
    <EntityType Name="leaf" BaseType="ns.mid"><Property Name="p" Type="Edm.Boolean"/><NavigationProperty Name="m" Type="ns.root"/><Property Name="own" Type="Edm.String"/></EntityType>
    <EntityType Name="sibling">${KEYED}<Property Name="p" Type="Edm.String"/></EntityType>
    <ComplexType Name="c"><Property Name="x" Type="Edm.String"/></ComplexType>
    <ComplexType Name="d" BaseType="ns.c"><Property Name="x" Type="Edm.Int32"/></ComplexType>
    <EntityContainer Name="s"><EntitySet Name="leaves" EntityType="ns.leaf"/></EntityContainer>`;

  test("a derived type that declares a base type's member again is reported at that member, against the nearest base", () => {
    const b = build(edmx(schema("ns", BODY)));
    expect(b.errors.map((d) => [d.code, d.path, d.message, d.line > 0]).sort()).toEqual([
      ["ODG104", "ns.mid/p", "ns.mid declares p, which its base type ns.root declares too (CSDL §7.1: a name is unique across a type and its base types)", true],
      ["ODG104", "ns.leaf/p", "ns.leaf declares p, which its base type ns.mid declares too (CSDL §7.1: a name is unique across a type and its base types)", true],
      ["ODG104", "ns.leaf/m", "ns.leaf declares m, which its base type ns.mid declares too (CSDL §7.1: a name is unique across a type and its base types)", true],
      ["ODG104", "ns.d/x", "ns.d declares x, which its base type ns.c declares too (CSDL §7.1: a name is unique across a type and its base types)", true],
    ].sort());
  });

  test("a slice reports it for the types it reads", () => {
    let error: unknown;
    try {
      generate({ inputs: [{ file: "n.xml", content: edmx(schema("ns", BODY)) }], include: ["ns.leaf"] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GenerationError);
    expect((error as GenerationError).diagnostics.filter((d) => d.severity === "error").map((d) => d.path).sort()).toEqual(["ns.leaf/m", "ns.leaf/p", "ns.mid/p"]);
  });

  test("types that do not derive from each other may share member names", () => {
    expect(build(edmx(schema("ns", `<ComplexType Name="c"><Property Name="x" Type="Edm.String"/></ComplexType><ComplexType Name="e"><Property Name="x" Type="Edm.Int32"/></ComplexType><ComplexType Name="f" BaseType="ns.c"><Property Name="y" Type="Edm.Int32"/></ComplexType>`))).errors).toEqual([]);
  });
});
