// CSDL 4.01 §8.5: a navigation property's OnDelete action is Cascade, None, SetDefault or SetNull.
// odatagen does not read it, so another value is a note (ODG102, info) at the navigation property,
// in CSDL XML and CSDL JSON alike.
import { generate } from "../generator/generate";
import { edmx, schema } from "./helpers/csdl";

const xml = (onDelete: string) => edmx(schema("ns", `<EntityType Name="t"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/>
<NavigationProperty Name="n" Type="ns.t">${onDelete}</NavigationProperty></EntityType>`));
const json = (onDelete: unknown) => JSON.stringify({ $Version: "4.01", ns: { t: { $Kind: "EntityType", $Key: ["id"], id: { $Type: "Edm.Int32" }, n: { $Kind: "NavigationProperty", $Type: "ns.t", $Nullable: true, $OnDelete: onDelete } } } }, null, 1);
const run = (file: string, content: string) => generate({ inputs: [{ file, content }] }).diagnostics.map((d) => [d.severity, d.code, d.path, d.message, d.line]);

test("an OnDelete action CSDL does not define is a note at the element (XML and JSON)", () => {
  const how = "is not one of Cascade, None, SetDefault, SetNull (CSDL §8.5); odatagen does not read OnDelete, so the generated code is the same";
  expect(run("s.xml", xml(`<OnDelete Action="Explode"/>`))).toEqual([["info", "ODG102", "ns.t/n", `<OnDelete Action="Explode"/> ${how}`, 6]]);
  expect(run("s.json", json("Explode"))).toEqual([["info", "ODG102", "ns.t/n", `$OnDelete: "Explode" ${how}`, 16]]);
});

test.each(["Cascade", "None", "SetDefault", "SetNull"])("%s is silent", (action) => {
  expect(run("s.xml", xml(`<OnDelete Action="${action}"/>`))).toEqual([]);
  expect(run("s.json", json(action))).toEqual([]);
});
