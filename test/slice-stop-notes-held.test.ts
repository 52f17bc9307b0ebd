/**
 * The note on where a `**` stopped (ODG305) suggests a pattern through a stop and the path past it
 * that pattern reaches: only a path the slice can hold with the same `--exclude`s. Not through a
 * type an `--exclude` name leaves out (the stop's target or one on the way), nor to an operation the
 * slice leaves out because a type it needs is excluded (ODG304). A type whose base type an
 * `--exclude` names is held when a URL path addresses it (kept with its base type, ODG303), so a
 * path through it is still suggested. Before, each of these suggested a path the slice could not hold.
 */
import { generate } from "../generator/generate";
import { edmx, keyed, schema } from "./helpers/csdl";

const DOC = edmx(
  schema(
    "t",
    `
  ${keyed("directoryObject")}
  <EntityType Name="user" BaseType="t.directoryObject">
    <NavigationProperty Name="drive" Type="t.drive"/>
    <NavigationProperty Name="manager" Type="t.user"/>
    <NavigationProperty Name="events" Type="Collection(t.event)" ContainsTarget="true"/>
  </EntityType>
  ${keyed("drive", `<NavigationProperty Name="owner" Type="t.user"/>`)}
  ${keyed("event")}
  ${keyed("message")}
  <Action Name="sendMail" IsBound="true"><Parameter Name="it" Type="t.user"/><Parameter Name="Message" Type="t.message"/></Action>
  <EntityContainer Name="c">
    <EntitySet Name="users" EntityType="t.user"/>
    <EntitySet Name="drives" EntityType="t.drive"/>
    <Singleton Name="me" Type="t.user"/>
  </EntityContainer>`,
  ),
);

/**
 * DOC, and groups a user is a member of (not contained), whose calendar's events are a type of
 * their own: a type past the stops (memberOf itself among them) that the events pattern does not keep already.
 */
const GROUPS = DOC.replace('<NavigationProperty Name="manager" Type="t.user"/>', '<NavigationProperty Name="manager" Type="t.user"/><NavigationProperty Name="memberOf" Type="Collection(t.group)"/>').replace(
  "<EntityContainer",
  `${keyed("group", '<NavigationProperty Name="calendar" Type="t.calendar" ContainsTarget="true"/>')}
  ${keyed("calendar", '<NavigationProperty Name="events" Type="Collection(t.groupEvent)" ContainsTarget="true"/>')}
  ${keyed("groupEvent")}
  <EntityContainer`,
);

function run(include: string[], exclude: string[] = [], doc = DOC) {
  const r = generate({ inputs: [{ file: "t.xml", content: doc }], include, exclude });
  return { types: [...r.model.types.keys()], diagnostics: r.diagnostics };
}

/** The note on where the first include's `**` stopped, if any. */
function note(include: string[], exclude: string[] = [], doc = DOC): string | undefined {
  return run(include, exclude, doc).diagnostics.find((d) => d.code === "ODG305" && d.message.includes("stops at"))?.message;
}

/** The path past the stop that the note's suggestion reaches, and what it reaches there. */
function reached(text: string): { path: string; reaches: string } {
  const m = /which reaches (?:action |function )?(\S+) \((\/[^)]*)\)\)/.exec(text);
  if (!m) throw new Error(`no suggestion in: ${text}`);
  return { reaches: m[1]!, path: m[2]! };
}

/** The slice holds a path when an --include of it, with the same excludes, is kept whole: no ODG304 warning (no path builder, or the operation left out). */
function expectHeld(path: string, reaches: string, exclude: string[], doc = DOC) {
  const r = run([path], exclude, doc);
  expect(r.diagnostics.filter((d) => d.severity !== "info" && d.code === "ODG304").map((d) => d.message)).toEqual([]);
  if (!/sendMail$/.test(path)) expect(r.types).toContain(reaches);
}

describe("the stop note suggests only paths the slice can hold", () => {
  test("no path to an operation left out because a type it needs is excluded", () => {
    const alone = note(["/me/**/sendMail"]);
    // The action past the stops is the one /me/sendMail names, kept already: said so, no pattern suggested.
    expect(alone).toContain("(/me/drive, /me/manager): `**` does not go on below them, where it would reach only types and operations the slice keeps already");
    expectHeld("/me/drive/owner/sendMail", "t.sendMail", []);
    // Every path below the stops reaches only the action, which the excluded message type cuts: no note.
    expect(note(["/me/**/sendMail"], ["t.message"])).toBeUndefined();
  });

  test("no path through a stop whose target is excluded", () => {
    expect(note(["/me/**/events/**"])).toContain("stops at 2 navigation properties that are not contained below which it would match more (/me/drive, /me/manager)");
    // The path the note suggested before: no path builder reaches it with t.drive left out.
    expect(run(["/me/drive/owner/events"], ["t.drive"]).diagnostics.some((d) => d.code === "ODG304" && d.severity === "warning")).toBe(true);
    const text = note(["/me/**/events/**"], ["t.drive"])!;
    expect(text).toContain("stops at 1 navigation property that is not contained below which it would match more (/me/manager)");
    expect(text).not.toContain("/me/drive");
    // With groups' calendars' events past the stops and drives excluded: the suggestion is a path the slice holds.
    const groups = note(["/me/**/events/**"], ["t.drive"], GROUPS)!;
    expect(groups).toContain("stops at 2 navigation properties that are not contained below which it would match more (/me/manager, /me/memberOf)");
    const { path, reaches } = reached(groups);
    expect(path).toBe("/me/memberOf/{id}/calendar/events");
    expectHeld(path, reaches, ["t.drive"], GROUPS);
  });

  test("a last `**` that keeps its stops' targets names no stop whose target is excluded", () => {
    expect(note(["/me/**"])).toContain("stops at 2 navigation properties that are not contained (/me/drive, /me/manager)");
    expect(note(["/me/**"], ["t.drive"])).toContain("stops at 1 navigation property that is not contained (/me/manager): `**` keeps its target but does not go on below it; write a path through it out to go on (/me/manager/**)");
    // Below an excluded singleton's type nothing is held: no note.
    expect(note(["/me/**"], ["t.user"])).toBeUndefined();
  });

  test("a path through a type whose base type is excluded is held, so still suggested", () => {
    // Every path past /me/drive goes through its owner, a user: the stop is named.
    const text = note(["/me/**/events/**"], ["t.directoryObject"], GROUPS)!;
    expect(text).toContain("stops at 3 navigation properties that are not contained below which it would match more (/me/drive, /me/manager, /me/memberOf)");
    expectHeld("/me/drive/owner/memberOf/{id}/calendar/events", "t.groupEvent", ["t.directoryObject"], GROUPS);
    expect(run(["/me/drive/**/events/**"], ["t.directoryObject"]).types).toEqual(expect.arrayContaining(["t.user", "t.event", "t.directoryObject"]));
  });
});

/** `--why` on a type past a stop: it suggests the path through the stop only where the slice can hold it with the same --excludes. */
const BELOW_DRIVE = edmx(
  schema(
    "t",
    `
  ${keyed("user", `<NavigationProperty Name="drive" Type="t.drive"/>`)}
  ${keyed("drive", `<NavigationProperty Name="items" Type="Collection(t.item)" ContainsTarget="true"/>`)}
  ${keyed("item")}
  <EntityContainer Name="c">
    <Singleton Name="me" Type="t.user"/>
  </EntityContainer>`,
  ),
);

function whyItem(exclude: string[]): string {
  const r = generate({ inputs: [{ file: "t.xml", content: BELOW_DRIVE }], include: ["/me/**"], exclude, why: ["t.item"] });
  return (r.slice?.why ?? []).flatMap((w) => w.answers.flatMap((a) => a.chain.map((c) => c.reason))).join("\n");
}

test("--why names no path through a stop whose target an --exclude leaves out", () => {
  expect(whyItem([])).toContain("--include /me/** reaches it by /me/drive/items only through a navigation property that is not contained, /me/drive");
  expect(whyItem([])).toContain("write the path through it out to go on (/me/drive/**)");
  // With t.drive excluded, no path builder reaches /me/drive/items (ODG304): the answer names no path through it.
  const r = generate({ inputs: [{ file: "t.xml", content: BELOW_DRIVE }], include: ["/me/drive/items"], exclude: ["t.drive"] });
  expect(r.diagnostics.some((d) => d.code === "ODG304" && d.severity === "warning")).toBe(true);
  expect(whyItem(["t.drive"])).not.toContain("/me/drive");
});
