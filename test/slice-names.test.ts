/**
 * A slice names each type it keeps as the full run does: names are chosen over every type of the
 * service, so a type whose name clashes with a left-out one's keeps its number, and code written
 * against the full output compiles against a slice (and the other way round).
 */
import { generate } from "../generator/generate";
import { keyed } from "./helpers/csdl";

const CSDL = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="t" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <ComplexType Name="item"><Property Name="a" Type="Edm.String"/></ComplexType>
      <ComplexType Name="Item"><Property Name="b" Type="Edm.String"/></ComplexType>
      <EnumType Name="state"><Member Name="on"/></EnumType>
      <ComplexType Name="stateValues"><Property Name="c" Type="Edm.String"/></ComplexType>
      ${keyed("order", `
        <Property Name="item" Type="t.Item"/>
        <Property Name="values" Type="t.stateValues"/>
      `)}
      ${keyed("person", `<NavigationProperty Name="orders" Type="Collection(t.order)"/>`)}
      <ComplexType Name="personNavigation"><Property Name="d" Type="Edm.String"/></ComplexType>
      <EntityContainer Name="c"><EntitySet Name="orders" EntityType="t.order"/><EntitySet Name="people" EntityType="t.person"/></EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

const run = (include?: string[]) => generate({ inputs: [{ file: "names.xml", content: CSDL }], include });
const declared = (types: string) => [...types.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]).sort();

describe("a slice names the types it keeps as the full run does", () => {
  test("a type whose name a left-out type took first keeps its number", () => {
    const full = run().files.get("t.types.ts") ?? "";
    expect(full).toMatch(/export interface Item2 \{/);
    expect(full).toMatch(/export interface StateValues2 \{/);
    const slice = run(["/orders"]);
    const types = slice.files.get("t.types.ts") ?? "";
    expect([...slice.model.types.keys()].sort()).toEqual(["t.Item", "t.order", "t.stateValues"]);
    expect(declared(types)).toEqual(expect.arrayContaining(["Item2", "Order", "StateValues2"]));
    expect(declared(types)).not.toContain("Item");
    expect(types).toMatch(/item\?: Item2 \| null;/);
    // The requests and validators use the same names.
    expect(slice.files.get("t.validators.ts")).toMatch(/validateItem2\b/);
  });

  test("a name derived from a type's avoids the left-out types' names too", () => {
    const full = run().files.get("t.requests.ts") ?? "";
    expect(full).toMatch(/export interface PersonNavigation_ \{/);
    const slice = run(["/people"]);
    expect(slice.model.types.has("t.personNavigation")).toBe(false);
    expect(slice.files.get("t.requests.ts")).toMatch(/export interface PersonNavigation_ \{/);
  });

  test("the renames reported are those of the kept types", () => {
    const notes = run(["/orders"]).diagnostics.filter((d) => d.code === "ODG201").map((d) => d.path);
    expect(notes.sort()).toEqual(["t.Item", "t.stateValues"]);
  });
});
