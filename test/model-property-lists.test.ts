// The Capabilities lists of property paths the generated code reads (NonFilterableProperties,
// NonSortableProperties, NonExpandableProperties; a RestrictedProperties' NavigationProperty) must
// name members of the type they speak of: a path naming none is a warning (ODG103) at the annotation,
// the same in CSDL XML and CSDL JSON.
import { generate } from "../generator/generate";
import { edmx, schema } from "./helpers/csdl";

const REFS = `<edmx:Reference Uri="https://x/Cap.xml"><edmx:Include Namespace="Org.OData.Capabilities.V1" Alias="Capabilities"/></edmx:Reference>\n`;
const TYPE = `<EntityType Name="t"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/><Property Name="name" Type="Edm.String"/>
<Property Name="home" Type="ns.address"/><NavigationProperty Name="friends" Type="Collection(ns.t)"/></EntityType><ComplexType Name="address"><Property Name="city" Type="Edm.String"/></ComplexType>
<ComplexType Name="office" BaseType="ns.address"><NavigationProperty Name="boss" Type="ns.t"/></ComplexType>`;
const xml = (onSet: string) => edmx(schema("ns", `${TYPE}<EntityContainer Name="c"><EntitySet Name="ts" EntityType="ns.t">${onSet}</EntitySet></EntityContainer>`), REFS);
const json = (onSet: Record<string, unknown>) => JSON.stringify({
  $Version: "4.01", $EntityContainer: "ns.c",
  $Reference: { "https://x/Cap.json": { $Include: [{ $Namespace: "Org.OData.Capabilities.V1", $Alias: "Capabilities" }] } },
  ns: {
    t: { $Kind: "EntityType", $Key: ["id"], id: { $Type: "Edm.Int32" }, name: { $Nullable: true }, home: { $Type: "ns.address", $Nullable: true }, friends: { $Kind: "NavigationProperty", $Type: "ns.t", $Collection: true } },
    address: { $Kind: "ComplexType", city: { $Nullable: true } },
    office: { $Kind: "ComplexType", $BaseType: "ns.address", boss: { $Kind: "NavigationProperty", $Type: "ns.t", $Nullable: true } },
    c: { $Kind: "EntityContainer", ts: { $Collection: true, $Type: "ns.t", ...onSet } },
  },
}, null, 1);
const run = (file: string, content: string) =>
  generate({ inputs: [{ file, content }] }).diagnostics.filter((d) => d.severity !== "info").map((d) => [d.severity, d.code, d.path, d.message, d.line > 0]);
const sort = (list: string) => `<Annotation Term="Capabilities.SortRestrictions"><Record><PropertyValue Property="NonSortableProperties"><Collection>${list}</Collection></PropertyValue></Record></Annotation>`;

describe("a path in a Capabilities list that names no member", () => {
  test("NonSortableProperties naming no property is a warning at the annotation, with the nearest name (XML and JSON)", () => {
    const expected = [["warning", "ODG103", "ns.c/ts/@Org.OData.Capabilities.V1.SortRestrictions/NonSortableProperties/1",
      "nmae names no property of ns.t (ns.t has no property or navigation property nmae (did you mean name?)); it is listed as written in the doc comments, where it limits nothing", true]];
    expect(run("s.xml", xml(sort(`<PropertyPath>name</PropertyPath><PropertyPath>nmae</PropertyPath>`)))).toEqual(expected);
    expect(run("s.json", json({ "@Capabilities.SortRestrictions": { NonSortableProperties: ["name", "nmae"] } }))).toEqual(expected);
  });

  test("NonExpandableProperties must end at a navigation property; NonFilterableProperties may go through a complex property", () => {
    expect(run("s.xml", xml(`<Annotation Term="Capabilities.ExpandRestrictions"><Record><PropertyValue Property="NonExpandableProperties"><Collection><NavigationPropertyPath>name</NavigationPropertyPath><NavigationPropertyPath>friends</NavigationPropertyPath></Collection></PropertyValue></Record></Annotation>
      <Annotation Term="Capabilities.FilterRestrictions"><Record><PropertyValue Property="NonFilterableProperties"><Collection><PropertyPath>home/city</PropertyPath><PropertyPath>home/town</PropertyPath></Collection></PropertyValue></Record></Annotation>`))).toEqual([
      ["warning", "ODG103", "ns.c/ts/@Org.OData.Capabilities.V1.ExpandRestrictions/NonExpandableProperties/0", "name names no navigation property of ns.t (it does not end at a navigation property); it is listed as written in the doc comments, where it limits nothing", true],
      ["warning", "ODG103", "ns.c/ts/@Org.OData.Capabilities.V1.FilterRestrictions/NonFilterableProperties/1", "home/town names no property of ns.t (ns.address has no property or navigation property town); it is listed as written in the doc comments, where it limits nothing", true],
    ]);
  });

  test("on an open type, a name it does not declare at the path's end is a dynamic property, not reported; through it, or in NonExpandableProperties, it is", () => {
    const open = (content: string) => content.replace('<EntityType Name="t">', '<EntityType Name="t" OpenType="true">').replace('<ComplexType Name="address">', '<ComplexType Name="address" OpenType="true">');
    const filter = (list: string) => `<Annotation Term="Capabilities.FilterRestrictions"><Record><PropertyValue Property="NonFilterableProperties"><Collection>${list}</Collection></PropertyValue></Record></Annotation>`;
    expect(run("s.xml", open(xml(sort(`<PropertyPath>nickname</PropertyPath>`) + filter(`<PropertyPath>home/town</PropertyPath><PropertyPath>extra/city</PropertyPath>`))))).toEqual([
      ["warning", "ODG103", "ns.c/ts/@Org.OData.Capabilities.V1.FilterRestrictions/NonFilterableProperties/1", "extra/city names no property of ns.t (ns.t has no property or navigation property extra); it is listed as written in the doc comments, where it limits nothing", true],
    ]);
    expect(run("s.xml", open(xml(`<Annotation Term="Capabilities.ExpandRestrictions"><Record><PropertyValue Property="NonExpandableProperties"><Collection><NavigationPropertyPath>pals</NavigationPropertyPath></Collection></PropertyValue></Record></Annotation>`))).map((d) => d[2])).toEqual(["ns.c/ts/@Org.OData.Capabilities.V1.ExpandRestrictions/NonExpandableProperties/0"]);
  });

  test("a RestrictedProperties item naming no navigation property is ignored, with a warning, at its first segment that names no member or at its end (XML and JSON)", () => {
    const restricted = (nav: string) => `<Record><PropertyValue Property="NavigationProperty" NavigationPropertyPath="${nav}"/><PropertyValue Property="InsertRestrictions"><Record><PropertyValue Property="Insertable" Bool="false"/></Record></PropertyValue></Record>`;
    const paths = ["frends", "friends/friends", "home/ns.office/boss", "friends/frends", "home/ns.office/bos", "home/ns.offise/boss", "home/city", "name/friends", "friends/ns.office/boss"];
    const at = (i: number) => `ns.c/ts/@Org.OData.Capabilities.V1.NavigationRestrictions/RestrictedProperties/${i}/NavigationProperty`;
    const expected = [
      ["warning", "ODG103", at(0), "frends names no navigation property of ns.t (ns.t has no property or navigation property frends (did you mean friends?)); its restrictions are ignored", true],
      ["warning", "ODG103", at(3), "friends/frends names no navigation property of ns.t (ns.t has no property or navigation property frends (did you mean friends?)); its restrictions are ignored", true],
      ["warning", "ODG103", at(4), "home/ns.office/bos names no navigation property of ns.t (ns.office has no property or navigation property bos (did you mean boss?)); its restrictions are ignored", true],
      ["warning", "ODG103", at(5), "home/ns.offise/boss names no navigation property of ns.t (ns.offise is not an entity or complex type); its restrictions are ignored", true],
      ["warning", "ODG103", at(6), "home/city names no navigation property of ns.t (it does not end at a navigation property); its restrictions are ignored", true],
      ["warning", "ODG103", at(7), "name/friends names no navigation property of ns.t (friends follows name, which is not of a structured type); its restrictions are ignored", true],
      // A cast to a type outside the value's own line of types (an entity to a complex type).
      ["warning", "ODG103", at(8), "friends/ns.office/boss names no navigation property of ns.t (ns.office is not derived from ns.t, so no value there can be cast to it); its restrictions are ignored", true],
    ];
    expect(run("s.xml", xml(`<Annotation Term="Capabilities.NavigationRestrictions"><Record><PropertyValue Property="RestrictedProperties"><Collection>${paths.map(restricted).join("")}</Collection></PropertyValue></Record></Annotation>`))).toEqual(expected);
    expect(run("s.json", json({ "@Capabilities.NavigationRestrictions": { RestrictedProperties: paths.map((p) => ({ NavigationProperty: p, InsertRestrictions: { Insertable: false } })) } }))).toEqual(expected);
  });
});
