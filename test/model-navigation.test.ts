// CSDL §8 (navigation properties, containment), §13 (entity container: sets, singletons, bindings, imports).
import { build, buildOk, edmx, entity, schema } from "./helpers/csdl";
import { DiagnosticBag } from "../generator/diagnostics";
import { readCsdlJson } from "../generator/parse/json";
import { buildModel } from "../generator/model/build";

const KEYED = `<Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>`;

const doc = edmx(schema("ns", `
  <EntityType Name="root">${KEYED}
    <NavigationProperty Name="children" Type="Collection(ns.child)" ContainsTarget="true"/>
    <NavigationProperty Name="favourite" Type="ns.child" Partner="owner"/>
  </EntityType>
  <EntityType Name="child">${KEYED}
    <NavigationProperty Name="owner" Type="ns.root" Nullable="false" Partner="favourite"/>
  </EntityType>
  <Function Name="top" IsBound="true"><Parameter Name="bindingParameter" Type="Collection(ns.child)"/><Parameter Name="n" Type="Edm.Int32" Nullable="false"/><ReturnType Type="Collection(ns.child)"/></Function>
  <Action Name="reset"><Parameter Name="all" Type="Edm.Boolean"/></Action>
  <EntityContainer Name="svc">
    <EntitySet Name="roots" EntityType="ns.root"><NavigationPropertyBinding Path="favourite" Target="kids"/></EntitySet>
    <EntitySet Name="kids" EntityType="ns.child"/>
    <Singleton Name="me" Type="ns.root"/>
    <ActionImport Name="resetAll" Action="ns.reset"/>
  </EntityContainer>`, "n"));

describe("navigation properties", () => {
  const model = buildOk(doc);
  const nav = (type: string, name: string) => entity(model, type).navigationProperties.find((n) => n.name === name)!;

  test.each([
    ["ns.root", "children", "ns.child", true, true, undefined],
    ["ns.root", "favourite", "ns.child", false, false, "owner"],
    ["ns.child", "owner", "ns.root", false, false, "favourite"],
  ])("%s/%s → %s (collection %s, contained %s, partner %s)", (type, name, target, collection, contained, partner) => {
    const n = nav(type, name);
    expect(n.target).toBe(model.types.get(target));
    expect(n.collection).toBe(collection);
    expect(n.containsTarget).toBe(contained);
    expect(n.partner).toBe(partner);
    expect(n.declaringType).toBe(model.types.get(type));
  });

  test("a navigation property to a complex type is an error", () => {
    const b = build(edmx(schema("ns", `<ComplexType Name="c"/><EntityType Name="e">${KEYED}<NavigationProperty Name="bad" Type="ns.c"/></EntityType>`)));
    expect(b.errors).toEqual([expect.objectContaining({ code: "ODG107", path: "ns.e/bad" })]);
  });

  test("Nullable on a collection-valued navigation property is an ODG102 warning at it (CSDL 4.01 §8.2), and ignored; a structural collection's stays", () => {
    const xml = edmx(schema("ns", `<EntityType Name="e">${KEYED}
<NavigationProperty Name="many" Type="Collection(ns.e)" Nullable="false"/>
<NavigationProperty Name="more" Type="Collection(ns.e)" Nullable="true"/>
<NavigationProperty Name="one" Type="ns.e" Nullable="false"/>
<Property Name="tags" Type="Collection(Edm.String)" Nullable="false"/></EntityType>`));
    const b = build(xml);
    const message = (v: string) => `Nullable="${v}" on a collection-valued navigation property (CSDL 4.01 §8.2: it must not be specified there; a collection may be empty, it is never null); it is ignored`;
    expect(b.diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.column, d.path, d.message])).toEqual([
      ["ODG102", "warning", "test.xml", 6, 1, "ns.e/many", message("false")],
      ["ODG102", "warning", "test.xml", 7, 1, "ns.e/more", message("true")],
    ]);
    const e = entity(b.model, "ns.e");
    expect(e.navigationProperties.map((n) => [n.name, n.collection, n.nullable])).toEqual([["many", true, false], ["more", true, false], ["one", false, false]]);
  });

  test("$Nullable on a collection-valued navigation property in CSDL JSON is the same warning, in CSDL JSON's words", () => {
    const diags = new DiagnosticBag();
    const json = JSON.stringify({ $Version: "4.01", ns: { e: { $Kind: "EntityType", $Key: ["id"], id: {}, many: { $Kind: "NavigationProperty", $Type: "ns.e", $Collection: true, $Nullable: false } } } });
    const doc = readCsdlJson("test.json", json, diags);
    buildModel([doc!], diags);
    expect(diags.items.map((d) => [d.code, d.severity, d.path, d.message])).toEqual([
      ["ODG102", "warning", "ns.e/many", "$Nullable: false on a collection-valued navigation property (CSDL 4.01 §8.2: it must not be specified there; a collection may be empty, it is never null); it is ignored"],
    ]);
  });

  test("a navigation property to an undefined type is an error", () => {
    const b = build(edmx(schema("ns", `<EntityType Name="e">${KEYED}<NavigationProperty Name="bad" Type="Collection(ns.nothing)"/></EntityType>`)));
    expect(b.errors).toEqual([expect.objectContaining({ code: "ODG103", path: "ns.e/bad" })]);
  });
});

describe("entity container", () => {
  const model = buildOk(doc);
  const c = model.container!;

  test("entity sets, singletons and their bindings resolve to entity types", () => {
    expect(c.qualifiedName).toBe("ns.svc");
    expect(c.entitySets.map((s) => [s.name, s.entityType.qualifiedName, s.bindings.map((b) => ({ path: b.path, target: b.target }))])).toEqual([
      ["roots", "ns.root", [{ path: "favourite", target: "kids" }]],
      ["kids", "ns.child", []],
    ]);
    expect(c.singletons.map((s) => [s.name, s.type.qualifiedName])).toEqual([["me", "ns.root"]]);
  });

  test("operation imports name their unbound operation", () => {
    expect(c.imports.map((i) => [i.kind, i.name, i.operations.map((o) => o.qualifiedName)])).toEqual([["actionImport", "resetAll", ["ns.reset"]]]);
  });

  test("a bound function separates its binding parameter from its parameters", () => {
    const top = model.schemas[0].operations.find((o) => o.name === "top")!;
    expect(top.kind).toBe("function");
    expect(top.bound).toBe(true);
    expect(top.binding?.type).toMatchObject({ collection: true, type: model.types.get("ns.child") });
    expect(top.parameters.map((p) => [p.name, p.type.nullable])).toEqual([["n", false]]);
    expect(top.returnType).toMatchObject({ collection: true, type: model.types.get("ns.child") });
  });

  test("an entity set of an undefined type is an error at the set's path", () => {
    const b = build(edmx(schema("ns", `<EntityContainer Name="svc"><EntitySet Name="xs" EntityType="ns.x"/></EntityContainer>`)));
    expect(b.errors).toEqual([expect.objectContaining({ code: "ODG103", path: "ns.svc/xs" })]);
  });

  test("an import of a bound action, or of none, is a warning, and the import is left out (the action stays, bound)", () => {
    const b = build(edmx(schema("ns", `<EntityType Name="e">${KEYED}</EntityType>
      <Action Name="go" IsBound="true"><Parameter Name="it" Type="ns.e"/></Action>
      <EntityContainer Name="svc"><ActionImport Name="goNow" Action="ns.go"/></EntityContainer>`)));
    expect(b.errors).toEqual([]);
    expect(b.diagnostics.map((d) => [d.severity, d.code, d.path, d.message])).toEqual([
      ["warning", "ODG103", "ns.svc/goNow", "action ns.go is bound; an import names an unbound one (CSDL §13.5, §13.6), so the import is left out (call it through what it is bound to)"],
    ]);
    expect(b.model.container?.imports.map((i) => i.name)).toEqual([]);
    expect(b.model.schemas[0].operations.map((o) => o.name)).toEqual(["go"]);
    const none = build(edmx(schema("ns", `<EntityType Name="e">${KEYED}</EntityType><Action Name="run"/><Action Name="go" IsBound="true"><Parameter Name="it" Type="ns.e"/></Action>
      <EntityContainer Name="svc"><ActionImport Name="goNow" Action="ns.gone"/><ActionImport Name="runNow" Action="run"/><ActionImport Name="goThen" Action="go"/></EntityContainer>`)));
    expect(none.errors).toEqual([]);
    expect(none.diagnostics.map((d) => [d.severity, d.code, d.path, d.message])).toEqual([
      ["warning", "ODG103", "ns.svc/goNow", "action ns.gone is not defined; the import is left out"],
      ["warning", "ODG103", "ns.svc/runNow", "action run is not defined (an import names its action qualified: ns.run?); the import is left out"],
      ["warning", "ODG103", "ns.svc/goThen", "action go is not defined (ns.go is bound: no import can name it); the import is left out"],
    ]);
    expect(none.model.container?.imports.map((i) => i.name)).toEqual([]);
  });

  test("an operation bound to a type no document declares is a warning, and the operation is left out", () => {
    const b = build(edmx(schema("ns", `<EntityType Name="thing">${KEYED}</EntityType>
      <Action Name="poke" IsBound="true"><Parameter Name="it" Type="ns.thingy"/></Action>
      <Function Name="peek" IsBound="true"><Parameter Name="it" Type="Collection(ns.thing)"/><ReturnType Type="Edm.String"/></Function>
      <EntityContainer Name="svc"><ActionImport Name="pokeNow" Action="ns.poke"/></EntityContainer>`)));
    expect(b.errors).toEqual([]);
    expect(b.diagnostics.map((d) => [d.severity, d.code, d.path, d.message])).toEqual([
      ["warning", "ODG103", "ns.poke/it", "action ns.poke is bound to ns.thingy, which is not defined (did you mean ns.thing?); the action is left out"],
      ["warning", "ODG103", "ns.svc/pokeNow", "action ns.poke was left out (bound to a type that is not defined); the import is left out too"],
    ]);
    expect(b.model.schemas[0].operations.map((o) => o.name)).toEqual(["peek"]);
  });

  test("an import naming without its namespace an operation that was left out says which it meant (SAP Cloud SDK's API_TEST_SRV)", () => {
    // Bound to the entity set's name rather than its type, as SAP's test service has it, and imported by the bare name.
    const b = build(edmx(schema("ns", `<EntityType Name="thingType">${KEYED}</EntityType>
      <Function Name="peek" IsBound="true"><Parameter Name="it" Type="ns.things"/><ReturnType Type="Edm.String"/></Function>
      <Action Name="poke"><Parameter Name="p" Type="ns.missing"/></Action>
      <EntityContainer Name="svc"><EntitySet Name="things" EntityType="ns.thingType"/>
        <FunctionImport Name="peek" Function="peek"/><ActionImport Name="poke" Action="poke"/></EntityContainer>`)));
    expect(b.errors).toEqual([]);
    expect(b.diagnostics.filter((d) => d.path.startsWith("ns.svc/")).map((d) => d.message)).toEqual([
      "action poke is not defined (an import names its action qualified: ns.poke?); the import is left out",
      "function peek is not defined (ns.peek is bound: no import can name it); the import is left out",
    ]);
  });

  test("a type named as an entity set or singleton is, is reported with the set's entity type (SAP Cloud SDK's API_TEST_SRV)", () => {
    const b = build(edmx(schema("ns", `<EntityType Name="thingType">${KEYED}<NavigationProperty Name="boss" Type="n.me"/></EntityType>
      <Function Name="peek" IsBound="true"><Parameter Name="it" Type="ns.things"/><ReturnType Type="Edm.String"/></Function>
      <EntityContainer Name="svc"><EntitySet Name="things" EntityType="n.thingType"/><Singleton Name="me" Type="ns.thingType"/></EntityContainer>`, "n")));
    expect(b.diagnostics.map((d) => [d.severity, d.path, d.message])).toEqual([
      ["error", "ns.thingType/boss", "type n.me is not defined (ns.me is a singleton, not a type: did you mean its type, ns.thingType?)"],
      ["warning", "ns.peek/it", "function ns.peek is bound to ns.things, which is not defined (ns.things is an entity set, not a type: did you mean its entity type, ns.thingType?); the function is left out"],
    ]);
  });
});
