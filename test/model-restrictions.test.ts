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
import { navigationRestrictions, rootRestrictions } from "../generator/model/restrictions";
import type { EntityType, Model } from "../generator/model/types";
import { xmlToCsdlJson } from "./helpers/csdl-json";
import { FIXTURES } from "./helpers/generated";

const FILE = path.join(FIXTURES, "requests", "restrictions.xml");
const XML = fs.readFileSync(FILE, "utf8");

/** Every builder's restrictions, as `what by term`, by the builder's element. */
function restrictionsOf(model: Model): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const show = (rs: ReturnType<typeof rootRestrictions>) => rs.map((r) => `${r.what} by ${r.by}: ${r.term}`);
  for (const c of model.schemas.flatMap((s) => s.containers))
    for (const root of [...c.entitySets, ...c.singletons]) out[`${c.qualifiedName}/${root.name}`] = show(rootRestrictions(model, c, root));
  for (const t of model.types.values())
    if (t.kind === "entity") for (const n of (t as EntityType).navigationProperties) out[`${t.qualifiedName}/${n.name}`] = show(navigationRestrictions(model, t, n));
  return out;
}

const WANT = {
  "Shop.c/Books": ["insert by Shop.c/Books: InsertRestrictions/Insertable"],
  // Its list; a member by key may be read.
  "Shop.c/Shelves": ["list by Shop.c/Shelves: ReadRestrictions/Readable"],
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
  // The navigation property's Deletable true over its type's false.
  "Shop.Shelf/receipts": [],
  "Shop.Store/shelves": ["delete by Shop.c/store: NavigationRestrictions/RestrictedProperties(shelves)/DeleteRestrictions/Deletable"],
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
