// The query options the metadata says a collection does not support (model/restrictions.ts), read
// from the Capabilities vocabulary's CountRestrictions/Countable, FilterRestrictions/Filterable,
// SearchRestrictions/Searchable, ExpandRestrictions/Expandable, TopSupported, SkipSupported,
// SelectSupport/Supported and SortRestrictions/Sortable, each false, in CSDL XML and in CSDL JSON:
// on an entity set (inline, and by an Annotations block through the schema's alias), a
// collection-valued navigation property, an entity type, and a singleton's
// NavigationRestrictions/RestrictedProperties. A set's true over its type's false, a Path, a
// qualified annotation and a single-valued navigation property forbid nothing, and none is reported.
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { xmlToCsdlJson } from "./helpers/csdl-json";
import { restrictionsOf } from "./helpers/restrictions";
import { FIXTURES } from "./helpers/generated";

const XML = fs.readFileSync(path.join(FIXTURES, "requests", "query-restrictions.xml"), "utf8");

const NOTE = ["expand by Lib.Note: ExpandRestrictions/Expandable", "top by Lib.Note: TopSupported", "skip by Lib.Note: SkipSupported"];

const WANT = {
  "Lib.c/Books": ["count by Lib.c/Books: CountRestrictions/Countable"],
  // Filterable false by an Annotations block; Countable a Path, Searchable qualified: nothing.
  "Lib.c/Archive": ["filter by Lib.c/Archive: FilterRestrictions/Filterable"],
  // The type's, but SelectSupport true on the set over the type's false.
  "Lib.c/Notes": [...NOTE, "orderby by Lib.Note: SortRestrictions/Sortable"],
  "Lib.c/shelf": [],
  "Lib.Book/chapters": ["search by Lib.Book/chapters: SearchRestrictions/Searchable"],
  "Lib.Book/notes": [...NOTE, "select by Lib.Note: SelectSupport/Supported", "orderby by Lib.Note: SortRestrictions/Sortable"],
  // Single-valued: a collection's query options do not apply.
  "Lib.Book/cover": [],
  "Lib.Shelf/books": [],
  "Lib.Shelf/bins": [
    "count by Lib.c/shelf: NavigationRestrictions/RestrictedProperties(bins)/CountRestrictions/Countable",
    "top by Lib.c/shelf: NavigationRestrictions/RestrictedProperties(bins)/TopSupported",
  ],
};

describe.each([
  ["query-restrictions.xml", XML],
  ["query-restrictions.json", xmlToCsdlJson("query-restrictions.xml", XML)],
])("Capabilities query restrictions (%s)", (file, content) => {
  const result = generate({ inputs: [{ file, content }] });

  test("each form is read where it applies, the most specific explicit value winning", () => {
    expect(restrictionsOf(result.model)).toEqual(WANT);
  });

  test("forms that forbid nothing are not reported", () => {
    expect(result.diagnostics).toEqual([]);
  });
});

test("the JSON form holds the forms the XML has (a Bool-valued term, a Path, a qualifier, RestrictedProperties)", () => {
  const json = xmlToCsdlJson("query-restrictions.xml", XML);
  for (const form of [`"@Org.OData.Capabilities.V1.TopSupported": false`, `"$Path": "counted"`, `"@Org.OData.Capabilities.V1.SearchRestrictions#Phone"`, `"$NavigationPropertyPath": "bins"`])
    expect(json).toContain(form);
});

test("a slice keeps the query restrictions of what it keeps (--include)", () => {
  const { model, files } = generate({ inputs: [{ file: "q.xml", content: XML }], include: ["/Books", "/shelf/bins", "/Notes"] });
  const kept = restrictionsOf(model);
  expect(kept["Lib.c/Books"]).toEqual(WANT["Lib.c/Books"]);
  expect(kept["Lib.c/Notes"]).toEqual(WANT["Lib.c/Notes"]);
  expect(kept["Lib.Shelf/bins"]).toEqual(WANT["Lib.Shelf/bins"]);
  expect(files.get("Lib.requests.ts")).toContain("export function books(): rt.CollectionRef<Book, string, rt.NoCount> {");
});

test("the per-property lists (NonSortableProperties, NonExpandableProperties) are named in the builder's doc comment, not checked", () => {
  for (const content of [XML, xmlToCsdlJson("query-restrictions.xml", XML)]) {
    const requests = generate({ inputs: [{ file: "q", content }] }).files.get("Lib.requests.ts")!;
    expect(requests).toContain(" * The metadata says that here `$orderby` does not take `title` (not checked).\n */\nexport function books(): ");
    expect(requests).toContain(" * The metadata says that here `$expand` does not take `notes`, `chapters` (not checked).\n */\nexport function shelfBooks(");
    expect(requests.match(/\(not checked\)/g)).toHaveLength(2);
  }
});
