// A slice leaves out the navigation properties whose targets it does not keep (and the properties of
// an excluded type); a Capabilities path through one of them (Graph's users and me name calendarView,
// calendar/calendarView, … in RestrictedProperties) still names a member of the service. The slice
// does not report it (ODG103), where it reports a path that names no member of the whole service, as
// the whole run does.
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { edmx, schema } from "./helpers/csdl";

const REFS = `<edmx:Reference Uri="https://x/Cap.xml"><edmx:Include Namespace="Org.OData.Capabilities.V1" Alias="Capabilities"/></edmx:Reference>\n`;
const restricted = (p: string) => `<Record><PropertyValue Property="NavigationProperty" NavigationPropertyPath="${p}"/><PropertyValue Property="InsertRestrictions"><Record><PropertyValue Property="Insertable" Bool="false"/></Record></PropertyValue></Record>`;
const CSDL = edmx(schema("ns", `<EntityType Name="user"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>
<NavigationProperty Name="messages" Type="Collection(ns.message)" ContainsTarget="true"/><NavigationProperty Name="calendar" Type="ns.calendar" ContainsTarget="true"/>
<Property Name="home" Type="ns.address"/></EntityType>
<EntityType Name="message"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
<EntityType Name="calendar"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><NavigationProperty Name="calendarView" Type="Collection(ns.event)" ContainsTarget="true"/></EntityType>
<EntityType Name="event"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
<ComplexType Name="address"><Property Name="city" Type="Edm.String"/></ComplexType>
<EntityContainer Name="c"><EntitySet Name="users" EntityType="ns.user"><Annotation Term="Capabilities.NavigationRestrictions"><Record><PropertyValue Property="RestrictedProperties"><Collection>
${["calendar/calendarView", "calendars/calendarView", "messages"].map(restricted).join("")}</Collection></PropertyValue></Record></Annotation>
<Annotation Term="Capabilities.FilterRestrictions"><Record><PropertyValue Property="NonFilterableProperties"><Collection><PropertyPath>home/city</PropertyPath></Collection></PropertyValue></Record></Annotation></EntitySet></EntityContainer>`), REFS);
const warnings = (include?: string[], exclude?: string[]) =>
  generate({ inputs: [{ file: "s.xml", content: CSDL }], include, exclude }).diagnostics.filter((d) => d.code === "ODG103").map((d) => d.path);
const at = (i: number) => `ns.c/users/@Org.OData.Capabilities.V1.NavigationRestrictions/RestrictedProperties/${i}/NavigationProperty`;

describe("a Capabilities path through what a slice leaves out", () => {
  test("a whole run reports only the path that names no member of the service", () => {
    expect(warnings()).toEqual([at(1)]);
  });

  test("a slice that leaves the navigation property out reports the same, not the path through it", () => {
    expect(warnings(["/users/{id}/messages"])).toEqual([at(1)]);
    expect(warnings(["/users"])).toEqual([at(1)]);
  });

  test("a slice that excludes a property's type does not report a path through the property", () => {
    expect(warnings(["/users"], ["ns.address"])).toEqual([at(1)]);
  });

  const graph = path.join(__dirname, "../../shared/corpus/graph-v1.0-clean.xml");
  (fs.existsSync(graph) ? test : test.skip)("Graph v1.0: a slice of a user's messages has no warning on users' and me's RestrictedProperties", () => {
    const result = generate({ inputs: [{ file: graph, content: fs.readFileSync(graph, "utf8") }], include: ["/me/messages", "/users/{id}/messages"] });
    expect(result.diagnostics.filter((d) => d.code === "ODG103" && /RestrictedProperties/.test(d.path ?? "")).map((d) => d.path)).toEqual([]);
  });
});
