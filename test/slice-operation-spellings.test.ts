/**
 * A bound operation's segment may be written unqualified or qualified (`/me/sendMail`,
 * `/me/t.sendMail`, or by the schema's alias): every --include and --exclude path matches it
 * written any of these ways, so two patterns that write it differently behave as the same one
 * written twice. Before, an exclude or another include counted only when it wrote the name as the
 * include did. The notes on where a `**` stopped (ODG305) leave out the paths to an operation or
 * type an --exclude name leaves out.
 */
import { generate } from "../generator/generate";
import { edmx, keyed, schema } from "./helpers/csdl";
import { errorsOf } from "./helpers/slice-errors";

const DOC = edmx(
  schema(
    "t",
    `
  ${keyed(
    "user",
    `<NavigationProperty Name="drive" Type="t.drive"/>
    <NavigationProperty Name="manager" Type="t.user"/>
    <NavigationProperty Name="sheets" Type="Collection(t.sheet)" ContainsTarget="true"/>`,
  )}
  ${keyed("drive", `<NavigationProperty Name="owner" Type="t.user"/>`)}
  ${keyed("sheet", `<NavigationProperty Name="format" Type="t.format" ContainsTarget="true"/>`)}
  ${keyed("range", `<NavigationProperty Name="format" Type="t.format" ContainsTarget="true"/>`)}
  ${keyed("format")}
  <Action Name="sendMail" IsBound="true"><Parameter Name="it" Type="t.user"/></Action>
  <Function Name="usedRange" IsBound="true" IsComposable="true"><Parameter Name="it" Type="t.sheet"/><ReturnType Type="t.range"/></Function>
  <EntityContainer Name="c">
    <EntitySet Name="users" EntityType="t.user"/>
    <EntitySet Name="drives" EntityType="t.drive"/>
    <Singleton Name="me" Type="t.user"/>
  </EntityContainer>`,
    "a",
  ),
);

function slice(include: string[], exclude: string[] = []) {
  const r = generate({ inputs: [{ file: "t.xml", content: DOC }], include, exclude });
  return { types: [...r.model.types.keys()].sort(), notes: r.diagnostics.filter((d) => d.code === "ODG305").map((d) => d.message) };
}

const failure = (include: string[], exclude: string[]) => errorsOf(() => slice(include, exclude)).map((d) => d.message.replace(/--exclude \S+/, "--exclude X"));

describe("a bound operation written unqualified or qualified", () => {
  test("an --exclude path written the other way leaves out what the --include path names", () => {
    const once = failure(["/me/sendMail"], ["/me/sendMail"]);
    expect(once).toHaveLength(1);
    expect(once[0]).toContain("matches only URL paths that --exclude X leaves out");
    expect(failure(["/me/sendMail"], ["/me/t.sendMail"])).toEqual(once);
    expect(failure(["/me/sendMail"], ["/me/a.sendMail"])).toEqual(once);
    expect(failure(["/me/t.sendMail"], ["/me/sendMail"])).toEqual(failure(["/me/t.sendMail"], ["/me/t.sendMail"]));
  });

  test("an --exclude path written the other way cuts a path through a composable function", () => {
    const include = ["/me/sheets/{id}/usedRange/format"];
    expect(slice(include).types).toContain("t.range");
    const once = failure(include, ["/me/sheets/{id}/usedRange/**"]);
    expect(once).toHaveLength(1);
    expect(once[0]).toContain("matches only URL paths that --exclude X leaves out");
    expect(failure(include, ["/me/sheets/{id}/t.usedRange/**"])).toEqual(once);
    expect(failure(include, ["/me/sheets/{id}/a.usedRange/format"])).toEqual(once);
    const qualified = ["/me/sheets/{id}/t.usedRange/format"];
    expect(failure(qualified, ["/me/sheets/{id}/usedRange/**"])).toEqual(failure(qualified, ["/me/sheets/{id}/t.usedRange/**"]));
  });

  test("a stop note leaves out the stops below which another include, written the other way, names the operation", () => {
    const alone = slice(["/me/**/sendMail"]).notes[0];
    expect(alone).toContain("stops at 2 navigation properties that are not contained below which it would match more (/me/drive, /me/manager)");
    const same = slice(["/me/**/sendMail", "/me/drive/**/sendMail"]).notes[0];
    expect(same).toContain("stops at 1 navigation property that is not contained below which it would match more (/me/manager)");
    expect(slice(["/me/**/sendMail", "/me/drive/**/t.sendMail"]).notes[0]).toBe(same);
    expect(slice(["/me/**/t.sendMail", "/me/drive/**/sendMail"]).notes[0]).toBe(slice(["/me/**/t.sendMail", "/me/drive/**/t.sendMail"]).notes[0]);
  });
});

describe("a stop note and an --exclude name", () => {
  test("the paths to an operation the --exclude names are left out of the note and its suggestion", () => {
    // Past /me/drive and /me/manager the action is the one /me/sendMail names: kept already, so no pattern is suggested.
    expect(slice(["/me/**/sendMail"]).notes[0]).toContain("stops at 2 navigation properties that are not contained below which it would match more (/me/drive, /me/manager): `**` does not go on below them, where it would reach only types and operations the slice keeps already");
    const { notes } = slice(["/me/**/sendMail"], ["t.sendMail"]);
    expect(notes.some((n) => n.includes("stops at"))).toBe(false);
    expect(notes.some((n) => n.includes("/me/drive"))).toBe(false);
  });

  test("as are the paths to a type it names", () => {
    expect(slice(["/me/**/format"]).notes[0]).toContain("stops at 1 navigation property that is not contained below which it would match more (/me/manager)");
    expect(slice(["/me/**/format"], ["t.format"]).notes.some((n) => n.includes("stops at"))).toBe(false);
  });
});
