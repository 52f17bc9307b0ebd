/**
 * The note on where a `**` with more of the pattern after it stopped (ODG305) suggests a pattern
 * through one stop: the one whose path past it reaches a type or operation the slice does not keep
 * yet, the shortest such path, and says how many such types and operations lie past the stops. Where
 * every path past them reaches only what the slice keeps, it says so and suggests nothing. Before,
 * it suggested the first path past the first stop, often a loop back to a type the slice kept
 * (Graph's `/users/**` then `/events/**` suggested `/users/{id}/drive/createdByUser/events`).
 */
import * as fs from "node:fs";
import { generate } from "../generator/generate";
import { edmx, keyed, schema } from "./helpers/csdl";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";

// Past /me/drive (the first stop) lie the owner's events, which /me/events keeps already, and a
// list's calendar's events, a type of their own; past /me/group, by a shorter path, a group's.
const DOC = edmx(
  schema(
    "t",
    `
  ${keyed(
    "user",
    `<NavigationProperty Name="drive" Type="t.drive"/>
    <NavigationProperty Name="manager" Type="t.user"/>
    <NavigationProperty Name="group" Type="t.group"/>
    <NavigationProperty Name="events" Type="Collection(t.event)" ContainsTarget="true"/>`,
  )}
  ${keyed(
    "drive",
    `<NavigationProperty Name="owner" Type="t.user"/>
    <NavigationProperty Name="list" Type="t.list" ContainsTarget="true"/>`,
  )}
  ${keyed("list", `<NavigationProperty Name="calendar" Type="t.listCalendar" ContainsTarget="true"/>`)}
  ${keyed("listCalendar", `<NavigationProperty Name="events" Type="Collection(t.listEvent)" ContainsTarget="true"/>`)}
  ${keyed("group", `<NavigationProperty Name="calendar" Type="t.groupCalendar" ContainsTarget="true"/>`)}
  ${keyed("groupCalendar", `<NavigationProperty Name="events" Type="Collection(t.groupEvent)" ContainsTarget="true"/>`)}
  ${keyed("event")}
  ${keyed("listEvent")}
  ${keyed("groupEvent")}
  <Action Name="accept" IsBound="true"><Parameter Name="it" Type="t.event"/></Action>
  <Action Name="accept" IsBound="true"><Parameter Name="it" Type="t.groupEvent"/></Action>
  <EntityContainer Name="c">
    <Singleton Name="me" Type="t.user"/>
  </EntityContainer>`,
  ),
);

function note(include: string[], content = DOC, file = "t.xml"): string | undefined {
  const r = generate({ inputs: [{ file, content }], include });
  return r.diagnostics.find((d) => d.code === "ODG305" && d.message.startsWith(`--include ${include[0]} stops at`))?.message;
}

describe("the stop note suggests a way to what the slice does not keep yet", () => {
  test("the shortest path to a type the slice does not keep, not the first stop's way back to one it keeps, with how many such types lie past the stops", () => {
    expect(note(["/me/**/events/**"])).toBe(
      "--include /me/**/events/** stops at 3 navigation properties that are not contained below which it would match more (/me/drive, /me/manager, /me/group): " +
        "`**` does not go on below them, past which its paths address 2 types the slice does not keep; write a path through one out to go on (/me/group/**/events/**, which reaches t.groupEvent (/me/group/calendar/events))",
    );
    // The suggestion keeps what it says it reaches.
    expect(generate({ inputs: [{ file: "t.xml", content: DOC }], include: ["/me/group/**/events/**"] }).model.types.has("t.groupEvent")).toBe(true);
  });

  test("an operation the slice does not keep: an overload bound to a type past a stop, not the manager's events' one", () => {
    expect(note(["/me/**/accept"])).toBe(
      "--include /me/**/accept stops at 2 navigation properties that are not contained below which it would match more (/me/manager, /me/group): " +
        "`**` does not go on below them, past which its paths name 1 operation the slice does not keep; write a path through one out to go on (/me/group/**/accept, which reaches action t.accept (/me/group/calendar/events/{id}/accept))",
    );
  });

  test("where every path past the stops reaches what the slice keeps, it says so and suggests no loop back", () => {
    // Another include keeps the groups' and lists' events: past the stops lie only the owner's and the manager's, the events /me/events keeps.
    const text = note(["/me/**/events/**", "/me/group/calendar/events", "/me/drive/list/calendar/events"]);
    expect(text).toContain("stops at 2 navigation properties that are not contained below which it would match more (/me/drive, /me/manager): `**` does not go on below them, where it would reach only types and operations the slice keeps already");
    expect(text).not.toContain("write a path");
  });
});

describeWithGraph("the stop notes on Graph v1.0's loops back through a creator")("on Graph v1.0, a stop note suggests no loop back to what the slice keeps", () => {
  // Each suggested a path back through a drive's createdByUser to the type or action the slice kept.
  test.each(["/users/**/events/**", "/me/**/sendMail", "/groups/**/messages/**"])("%s", (include) => {
    const text = note([include], fs.readFileSync(GRAPH, "utf8"), "graph.xml");
    expect(text).toMatch(/^--include \S+ stops at \d+ navigation properties that are not contained below which it would match more \(.*\): `\*\*` does not go on below them, where it would reach only types and operations the slice keeps already$/);
  });
});
