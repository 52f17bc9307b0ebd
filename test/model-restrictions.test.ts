// What the metadata forbids at each address builder (model/restrictions.ts), read from the
// Capabilities vocabulary's InsertRestrictions, UpdateRestrictions, DeleteRestrictions and
// ReadRestrictions in each form, in CSDL XML and in CSDL JSON: on an entity set and a singleton
// (inline, and by an Annotations block through the schema's alias), a navigation property
// (collection and single-valued), an entity type, ReadByKeyRestrictions, and a singleton's
// NavigationRestrictions/RestrictedProperties. True, a Path, Upsertable, a qualified annotation and a
// RestrictedProperties path on a type several routes reach forbid nothing, and none is reported.
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { edmx, schema } from "./helpers/csdl";
import { xmlToCsdlJson } from "./helpers/csdl-json";
import { restrictionsOf } from "./helpers/restrictions";
import { FIXTURES } from "./helpers/generated";

const FILE = path.join(FIXTURES, "requests", "restrictions.xml");
const XML = fs.readFileSync(FILE, "utf8");

const WANT = {
  "Shop.c/Books": ["insert by Shop.c/Books: InsertRestrictions/Insertable"],
  // Its list; a member by key may be read.
  "Shop.c/Shelves": ["list by Shop.c/Shelves: ReadRestrictions/Readable"],
  "Shop.c/Invites": ["key by Shop.c/Invites: IndexableByKey"],
  "Shop.c/featured": ["update by Shop.c/featured: UpdateRestrictions/Updatable"],
  "Shop.c/store": [],
  // The block's Insertable true says nothing against; RestrictedProperties of Books (Updatable
  // false) is not taken: a Book is also the singleton featured, and this builder serves both.
  "Shop.Book/reviews": ["delete by Shop.Book/reviews: DeleteRestrictions/Deletable"],
  "Shop.Book/receipts": ["delete by Shop.Receipt: DeleteRestrictions/Deletable"],
  "Shop.Book/secret": ["read by Shop.Book/secret: ReadRestrictions/Readable"],
  "Shop.Book/notes": ["read by Shop.Book/notes: ReadRestrictions/ReadByKeyRestrictions/Readable"],
  // A Path, Updatable false with Upsertable true, a qualified annotation.
  "Shop.Book/drafts": [],
  "Shop.Book/window": ["key by Shop.Book/window: IndexableByKey"],
  // IndexableByKey with no value is true.
  "Shop.Book/pages": [],
  // The navigation property's Deletable true over its type's false.
  "Shop.Shelf/receipts": [],
  "Shop.Store/shelves": ["delete by Shop.c/store: NavigationRestrictions/RestrictedProperties(shelves)/DeleteRestrictions/Deletable"],
  "Shop.Store/aisles": ["key by Shop.c/store: NavigationRestrictions/RestrictedProperties(aisles)/IndexableByKey"],
};

describe.each([
  ["restrictions.xml", XML],
  ["restrictions.json", xmlToCsdlJson("restrictions.xml", XML)],
])("Capabilities restrictions (%s)", (file, content) => {
  const result = generate({ inputs: [{ file, content }] });

  test("each form is read where it applies, the most specific explicit value winning", () => {
    expect(restrictionsOf(result.model)).toEqual(WANT);
  });

  test("forms that forbid nothing are not reported", () => {
    expect(result.diagnostics).toEqual([]);
  });
});

test("the JSON form holds the forms the XML has (a Path, a qualifier, RestrictedProperties' paths)", () => {
  const json = xmlToCsdlJson("restrictions.xml", XML);
  for (const form of [`"$Path": "canDelete"`, `"@Org.OData.Capabilities.V1.InsertRestrictions#Phone"`, `"$NavigationPropertyPath": "shelves"`, `"S.c/featured"`]) expect(json).toContain(form);
});

test("a request function names the addresses it takes only where some address of its type, or of a subtype, is restricted", () => {
  const xml = edmx(
    schema(
      "Z",
      `<EntityType Name="animal" Abstract="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
<EntityType Name="bird" BaseType="Z.animal"/>
<EntityType Name="fish" BaseType="Z.animal"/>
<EntityType Name="keeper"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>
  <NavigationProperty Name="birds" Type="Collection(Z.bird)"><Annotation Term="Org.OData.Capabilities.V1.DeleteRestrictions"><Record><PropertyValue Property="Deletable" Bool="false"/></Record></Annotation></NavigationProperty>
  <NavigationProperty Name="fish" Type="Collection(Z.fish)"/>
</EntityType>
<EntityContainer Name="c"><EntitySet Name="keepers" EntityType="Z.keeper"/></EntityContainer>`,
    ),
  );
  const { files } = generate({ inputs: [{ file: "zoo.xml", content: xml }] });
  const requests = files.get("Z.requests.ts")!;
  const deleteTarget = (fn: string) => new RegExp(`export function ${fn}\\(\\s*client: rt\\.Client,\\s*target: ([^\\n]*),`).exec(requests)?.[1];
  // birds is restricted: bird's delete, and animal's (a bird's address goes where an animal's does), say Deletable.
  expect(deleteTarget("deleteBird")).toBe("rt.EntityRef<Bird, null, rt.Deletable>");
  expect(deleteTarget("deleteAnimal")).toBe("rt.EntityRef<AnyAnimal, null, rt.Deletable>");
  // No address of a fish or a keeper is restricted: their functions are as they were.
  expect(deleteTarget("deleteFish")).toBe("rt.EntityRef<Fish, null>");
  expect(deleteTarget("deleteKeeper")).toBe("rt.EntityRef<Keeper, null>");
  expect(requests).not.toMatch(/rt\.(Updatable|Insertable|Readable|Listable)\b/);
});
