/**
 * A URL path copied from Graph's documentation may end in a stream property:
 * `GET /me/drive/items/{item-id}/content` reads a drive item's file (URL Conventions §4.6, a
 * property's own URL). Such a pattern selects the entity whose stream it is, as a last `$value`
 * does, so its builder (`driveItemContent` on Graph) is generated.
 */
import { GenerationError } from "../generator/diagnostics";
import { generate } from "../generator/generate";

const XML = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="D" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
      <EntityType Name="user" BaseType="D.entity">
        <Property Name="displayName" Type="Edm.String" />
        <NavigationProperty Name="drive" Type="D.drive" ContainsTarget="true" />
      </EntityType>
      <EntityType Name="drive" BaseType="D.entity">
        <NavigationProperty Name="items" Type="Collection(D.driveItem)" ContainsTarget="true" />
      </EntityType>
      <EntityType Name="baseItem" BaseType="D.entity"><Property Name="content" Type="Edm.Stream" /></EntityType>
      <EntityType Name="driveItem" BaseType="D.baseItem">
        <Property Name="name" Type="Edm.String" />
        <Property Name="thumbnails" Type="Collection(Edm.Stream)" />
      </EntityType>
      <EntityContainer Name="C"><Singleton Name="me" Type="D.user" /></EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

function run(include: string[], exclude: string[] = []) {
  const r = generate({ inputs: [{ file: "d.xml", content: XML }], include, exclude });
  const requests = r.files.get("D.requests.ts") ?? "";
  return { types: [...r.model.types.keys()].sort(), requests };
}

function errors(include: string[]): string[] {
  try {
    generate({ inputs: [{ file: "d.xml", content: XML }], include });
    return [];
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    return e.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
  }
}

describe("a URL path pattern ending in a stream property", () => {
  test("selects what the path before it does, with the stream's builder (an inherited stream property too)", () => {
    const withStream = run(["/me/drive/items/{item-id}/content"]);
    expect(withStream.types).toEqual(run(["/me/drive/items/{id}"]).types);
    expect(withStream.types).toContain("D.driveItem");
    // Declared by the base type, so its builder takes any of its subtypes.
    expect(withStream.requests).toMatch(/export function baseItemContent\(parent: rt\.EntityRef<BaseItem, null>\): rt\.StreamRef<BaseItem>/);
  });

  test("Graph's addressing by path, as its documentation writes uploads and downloads, selects what the path without it does", () => {
    const byId = run(["/me/drive/items/{id}/content"]).types;
    expect(run(["/me/drive/items/{parent-id}:/{filename}:/content"]).types).toEqual(byId);
    expect(run(["/me/drive/items/{item-id}:/Documents/Book 1.xlsx:/content"]).types).toEqual(byId);
    // Without the closing colon, the rest is the path.
    expect(run(["/me/drive/items/{item-id}:/Documents/Book.xlsx"]).types).toEqual(run(["/me/drive/items/{id}"]).types);
    expect(errors(["/me/drive/itemz/{item-id}:/Book.xlsx:/content"])).toEqual([expect.stringMatching(/^--include \/me\/drive\/itemz\/\{item-id\}:\/Book.xlsx:\/content matches no URL path of the service/)]);
  });

  test("a misspelt stream property, a collection of streams or a wildcard names nothing", () => {
    for (const p of ["/me/drive/items/{id}/contnt", "/me/drive/items/{id}/thumbnails", "/me/drive/items/{id}/cont*"])
      expect(errors([p])).toEqual([expect.stringMatching(new RegExp(`^--include ${p.replace(/[{}*]/g, "\\$&")} matches no URL path of the service`))]);
  });

  test("an --exclude of that stream path leaves it unmatched", () => {
    expect(() => run(["/me/drive/items/{id}/content"], ["/me/drive/items/{id}/content"])).toThrow(GenerationError);
  });
});
