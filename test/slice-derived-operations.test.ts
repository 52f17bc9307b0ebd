/**
 * `--include-derived` selects the subtypes of a selected type: their bound actions and functions
 * come along with what they need, as a selected type's do. Subtypes kept for another reason (of a
 * property's type) bring none.
 */
import { generate } from "../generator/generate";
import { edmx, keyed, schema } from "./helpers/csdl";

const DOC = edmx(
  schema(
    "t",
    `
  ${keyed("directoryObject")}
  <EntityType Name="user" BaseType="t.directoryObject"/>
  <EntityType Name="guest" BaseType="t.user"/>
  <EntityType Name="group" BaseType="t.directoryObject"/>
  ${keyed("team", `<Property Name="owner" Type="t.identity"/>`)}
  <ComplexType Name="identity"><Property Name="id" Type="Edm.String"/></ComplexType>
  <ComplexType Name="userIdentity" BaseType="t.identity"/>
  <ComplexType Name="license"><Property Name="sku" Type="Edm.String"/></ComplexType>
  <ComplexType Name="reminder"><Property Name="at" Type="Edm.DateTimeOffset"/></ComplexType>
  <Function Name="getMemberGroups" IsBound="true"><Parameter Name="it" Type="t.directoryObject"/><ReturnType Type="Collection(Edm.String)"/></Function>
  <Action Name="assignLicense" IsBound="true">
    <Parameter Name="it" Type="t.user"/>
    <Parameter Name="add" Type="Collection(t.license)"/>
    <ReturnType Type="t.user"/>
  </Action>
  <Function Name="reminderView" IsBound="true"><Parameter Name="it" Type="t.guest"/><ReturnType Type="Collection(t.reminder)"/></Function>
  <Action Name="renew" IsBound="true"><Parameter Name="it" Type="t.group"/></Action>
  <Action Name="claim" IsBound="true"><Parameter Name="it" Type="t.userIdentity"/></Action>
  <EntityContainer Name="c">
    <EntitySet Name="directoryObjects" EntityType="t.directoryObject"/>
    <EntitySet Name="teams" EntityType="t.team"/>
  </EntityContainer>`,
  ),
);

function slice(options: { include: string[]; exclude?: string[]; includeDerived?: boolean; why?: string[] }) {
  const r = generate({ inputs: [{ file: "t.xml", content: DOC }], ...options });
  return {
    ops: r.model.schemas.flatMap((s) => s.operations.map((o) => o.name)).sort(),
    types: [...r.model.types.keys()].sort(),
    why: r.slice?.why,
    requests: r.files.get("t.requests.ts") ?? "",
  };
}

describe("--include-derived keeps the operations bound to the subtypes it brings in", () => {
  test("with what they need", () => {
    const s = slice({ include: ["t.directoryObject"], includeDerived: true });
    expect(s.ops).toEqual(["assignLicense", "getMemberGroups", "reminderView", "renew"]);
    expect(s.types).toEqual(["t.directoryObject", "t.group", "t.guest", "t.license", "t.reminder", "t.user"]);
    expect(s.requests).toMatch(/export function assignLicense\(/);
    expect(s.requests).toMatch(/export function reminderView\(/);
  });

  test("by a URL path too", () => {
    expect(slice({ include: ["/directoryObjects"], includeDerived: true }).ops).toEqual(["assignLicense", "getMemberGroups", "reminderView", "renew"]);
  });

  test("not without --include-derived, nor below an excluded subtype", () => {
    expect(slice({ include: ["t.directoryObject"] }).ops).toEqual(["getMemberGroups"]);
    expect(slice({ include: ["t.directoryObject"], exclude: ["t.user"], includeDerived: true }).ops).toEqual(["getMemberGroups", "renew"]);
  });

  test("a subtype of a property's type brings none", () => {
    const s = slice({ include: ["t.team"], includeDerived: true });
    expect(s.types).toContain("t.userIdentity");
    expect(s.ops).toEqual([]);
  });

  test("--why gives the chain through the subtype", () => {
    const why = slice({ include: ["t.directoryObject"], includeDerived: true, why: ["t.reminderView"] }).why;
    expect(why?.[0]?.answers[0]?.chain).toEqual([
      { name: "function t.reminderView", reason: "bound to t.guest, which the slice selects" },
      { name: "t.guest", reason: "a subtype of t.user (--include-derived)" },
      { name: "t.user", reason: "a subtype of t.directoryObject (--include-derived)" },
      { name: "t.directoryObject", reason: "selected by --include t.directoryObject" },
    ]);
  });
});
