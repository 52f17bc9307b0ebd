// A slice reads an entity type's content when it keeps the type (buildLazyModel's fill). One whose
// content the reader reports an error in (a second <Key>, a <Property> without Name, a CSDL JSON
// property with an empty name) was left unlinked: its other problems went unsaid, and its entity set
// was warned of as having no key (ODG106), a warning of odatagen's own making. A slice now reports
// what the whole run reports for the type.
import { generate, GenerationError, type Diagnostic } from "../generator";
import { edmx, schema } from "./helpers/csdl";

function diagnostics(file: string, content: string, include?: string[]): Diagnostic[] {
  try {
    generate({ inputs: [{ file, content }], ...(include ? { include } : {}) });
  } catch (e) {
    if (e instanceof GenerationError) return e.diagnostics;
    throw e;
  }
  throw new Error("generated");
}
const shown = (list: Diagnostic[]) => list.filter((d) => d.severity !== "info").map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message} [${d.path}]`);

const CONTAINER = `<EntityContainer Name="C"><EntitySet Name="ts" EntityType="r.t"/></EntityContainer>`;
const ID = `<Property Name="id" Type="Edm.String" Nullable="false"/>`;
// Each type's content has a second problem, a type no one defines (ODG108), that a slice hid.
const NOPE = `<Property Name="x" Type="Edm.Nope"/>`;

test.each([
  ["a second <Key>", "a.xml", edmx(schema("r", `<EntityType Name="t"><Key><PropertyRef Name="id"/></Key><Key><PropertyRef Name="id"/></Key>${ID}${NOPE}</EntityType>\n${CONTAINER}`)), "ODG104"],
  ["a <Property> without Name", "a.xml", edmx(schema("r", `<EntityType Name="t"><Key><PropertyRef Name="id"/></Key>${ID}<Property Type="Edm.String"/>${NOPE}</EntityType>\n${CONTAINER}`)), "ODG101"],
  ["a CSDL JSON property with an empty name", "a.json", `{ "$Version": "4.01",
  "r": { "t": { "$Kind": "EntityType", "$Key": ["id"], "id": {}, "": {}, "x": { "$Type": "Edm.Nope" } },
    "C": { "$Kind": "EntityContainer", "ts": { "$Collection": true, "$Type": "r.t" } } } }`, "ODG101"],
])("%s: a slice reports what the whole run does, and no keyless entity set", (_, file, content, code) => {
  const whole = shown(diagnostics(file, content));
  expect(whole).toEqual([expect.stringContaining(`error ${code} `), expect.stringMatching(/ warning ODG108 Edm\.Nope is not an OData primitive type/)]);
  expect(shown(diagnostics(file, content, ["r.t"]))).toEqual(whole);
  expect(shown(diagnostics(file, content, ["/ts"]))).toEqual(whole);
});

test("an enum type's content with an error: a slice reads its members as the whole run does", () => {
  const xml = edmx(schema("r", `<EnumType Name="e"><Member Name="a"/><Member/><Member Name="b" Value="x"/></EnumType>
<ComplexType Name="c"><Property Name="p" Type="r.e" DefaultValue="zz"/></ComplexType>`));
  const whole = shown(diagnostics("a.xml", xml));
  expect(whole).toEqual([
    expect.stringContaining("error ODG101 <Member> has no Name attribute [r.e]"),
    expect.stringContaining('warning ODG102 Value="x" is not an integer'),
    expect.stringContaining('warning ODG102 DefaultValue="zz" is not a value of r.e'),
  ]);
  expect(shown(diagnostics("a.xml", xml, ["r.c"]))).toEqual(whole);
});
