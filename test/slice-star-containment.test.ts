/**
 * A `**` in a URL path pattern goes on across contained navigation properties (CSDL 4.01 §8.4
 * `ContainsTarget`: the target lives under the path) but not below one that is not contained: such a
 * property may be the last segment a `**` matches (its target is kept, with its bound operations),
 * and the target's own API is addressed from its entity set. Segments written out (`*` included) are
 * followed, and where a `**` stopped is said once per pattern, as a note (ODG305).
 */
import { generate } from "../generator/generate";
import { edmx, keyed, schema } from "./helpers/csdl";
import { expectSameAsFullSlice, generationErrors } from "./helpers/slice-reference";

const CSDL = edmx(
  schema(
    "t",
    `
    ${keyed("user", `
      <NavigationProperty Name="manager" Type="t.user"/>
      <NavigationProperty Name="messages" Type="Collection(t.message)" ContainsTarget="true"/>
      <NavigationProperty Name="drive" Type="t.drive"/>
      <NavigationProperty Name="photo" Type="t.photo"/>
    `)}
    ${keyed("message", `
      <NavigationProperty Name="from" Type="t.user"/>
      <NavigationProperty Name="attachments" Type="Collection(t.attachment)" ContainsTarget="true"/>
    `)}
    ${keyed("attachment", `<NavigationProperty Name="owner" Type="t.user"/>`)}
    ${keyed("photo")}
    ${keyed("drive", `<NavigationProperty Name="items" Type="Collection(t.item)" ContainsTarget="true"/>`)}
    ${keyed("item", `
      <NavigationProperty Name="workbook" Type="t.workbook" ContainsTarget="true"/>
      <NavigationProperty Name="createdBy" Type="t.user"/>
    `)}
    ${keyed("workbook")}
    <Action Name="send" IsBound="true"><Parameter Name="it" Type="t.message"/></Action>
    <Function Name="recent" IsBound="true"><Parameter Name="it" Type="t.drive"/><ReturnType Type="Collection(Edm.String)"/></Function>
    <Action Name="preview" IsBound="true"><Parameter Name="it" Type="t.item"/></Action>
    <EntityContainer Name="c">
      <Singleton Name="me" Type="t.user"/>
      <EntitySet Name="users" EntityType="t.user"/>
      <EntitySet Name="drives" EntityType="t.drive"/>
    </EntityContainer>`,
  ),
);

const run = (include: string[], exclude: string[] = []) => generate({ inputs: [{ file: "t.xml", content: CSDL }], include, exclude });
const kept = (include: string[], exclude: string[] = []) => [...run(include, exclude).model.types.keys()].sort();
const operations = (include: string[]) => run(include).model.schemas.flatMap((s) => s.operations.map((op) => op.name)).sort();
const notes = (include: string[]) =>
  run(include)
    .diagnostics.filter((d) => d.code === "ODG305" && !d.message.startsWith("slice keeps"))
    .map((d) => `${d.path}: ${d.message}`);

describe("`**` stops at navigation that is not contained", () => {
  test("it goes on across contained navigation, and keeps the target of one that is not contained, not what lies below it", () => {
    // The drive (not contained) is kept, with its bound function; its items (contained in the drive) are not.
    expect(kept(["/me/**"])).toEqual(["t.attachment", "t.drive", "t.message", "t.photo", "t.user"]);
    expect(operations(["/me/**"])).toEqual(["recent", "send"]);
    expectSameAsFullSlice("t.xml", CSDL, { include: ["/me/**"] });
  });

  test("a segment written out is followed, by a name or by `*`, and the `**` after it walks on by the same rule", () => {
    expect(kept(["/me/drive/**"])).toEqual(["t.drive", "t.item", "t.user", "t.workbook"]);
    expect(operations(["/me/drive/**"])).toEqual(["preview", "recent"]);
    expect(kept(["/me/*/**"])).toContain("t.workbook");
    // `**` may end at the drive: `items` is written out after it.
    expect(kept(["/me/**/items"])).toEqual(["t.drive", "t.item", "t.user"]);
    // From the drive's entity set, its own API.
    expect(kept(["/drives/**"])).toEqual(["t.drive", "t.item", "t.user", "t.workbook"]);
  });

  test("an --exclude's `**` stops there too: one written through the property cuts below it", () => {
    expect(generationErrors(CSDL, { include: ["/me/drive/**"], exclude: ["/me/**/workbook"] })).toEqual(["0:0 --exclude /me/**/workbook matches no URL path of the service"]);
    expect(kept(["/me/drive/**"], ["/me/drive/**/workbook"])).not.toContain("t.workbook");
  });

  test("where a pattern's `**` stopped is said once, with up to three of the properties and the path that goes on", () => {
    expect(notes(["/me/**"])).toEqual([
      "/me/**: --include /me/** stops at 4 navigation properties that are not contained (/me/manager, /me/drive, /me/messages/{id}/from and 1 more): " +
        "`**` keeps their targets but does not go on below them; write a path through one out to go on (/me/manager/**)",
    ]);
    // A target with nothing below it (the photo) is no stop; one property, however many paths reach it.
    expect(notes(["/me/messages/**"])).toEqual([
      "/me/messages/**: --include /me/messages/** stops at 2 navigation properties that are not contained (/me/messages/{id}/from, /me/messages/{id}/attachments/{id}/owner): " +
        "`**` keeps their targets but does not go on below them; write a path through one out to go on (/me/messages/{id}/from/**)",
    ]);
    expect(notes(["/me/drive/items/{id}/**"])).toEqual([
      "/me/drive/items/{id}/**: --include /me/drive/items/{id}/** stops at 1 navigation property that is not contained (/me/drive/items/{id}/createdBy): " +
        "`**` keeps its target but does not go on below it; write a path through it out to go on (/me/drive/items/{id}/createdBy/**)",
    ]);
    expect(notes(["/me/drive/items/{id}/workbook"])).toEqual([]);
  });

  test("a pattern that matches nothing because its `**` stopped says so, in its error", () => {
    expect(generationErrors(CSDL, { include: ["/me/**/workbook"] })).toEqual([
      "0:0 --include /me/**/workbook matches no URL path of the service: its `**` stops at 4 navigation properties that are not contained " +
        "(/me/manager, /me/drive, /me/messages/{id}/from and 1 more): `**` keeps their targets but does not go on below them; write a path through one out to go on",
    ]);
    expect(kept(["/me/drive/**/workbook"])).toEqual(["t.drive", "t.item", "t.user", "t.workbook"]);
  });
});
