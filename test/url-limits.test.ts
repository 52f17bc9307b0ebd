/**
 * `odatagen url` (urlCalls) refuses a collection's `$filter`, `$orderby` or `$expand` that names a
 * property its Capabilities lists say it does not take (`NonFilterableProperties`,
 * `NonSortableProperties`, `NonExpandableProperties`; emit/url-limits.ts), on the fixture
 * `test/fixtures/requests/query-restrictions.xml` and on Graph's `chats` (skipping visibly without
 * ../shared/corpus). A member read by key has no such lists.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { limitedProperty } from "../generator/emit/url-limits";
import { urlCalls } from "../generator/url-calls";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";

function answers(file: string, paths: readonly string[]): string[] {
  const read = urlCalls({ inputs: [{ file, content: fs.readFileSync(file, "utf8") }], acceptWarnings: ["ODG106"] }, paths.map((p) => ({ path: p })));
  return read.results.map((r) => (r.ok ? "ok" : r.problem));
}

test("a set's NonSortableProperties and a navigation property's NonExpandableProperties refuse what they list; other names, and a member read by key, pass", () => {
  const file = path.join(__dirname, "fixtures", "requests", "query-restrictions.xml");
  expect(answers(file, ["/Books?$orderby=title desc", "/Books?$orderby=id,title", "/Books?$orderby=id", "/Archive?$orderby=title", "/shelf/books?$expand=notes", "/shelf/books?$expand=cover($select=id)", "/shelf/books('b')?$expand=notes"])).toEqual([
    "GET /Books: $orderby names title, which the service's metadata says it does not take here (Capabilities SortRestrictions/NonSortableProperties: title)",
    "GET /Books: $orderby names title, which the service's metadata says it does not take here (Capabilities SortRestrictions/NonSortableProperties: title)",
    "ok",
    "ok",
    "GET /shelf/books: $expand names notes, which the service's metadata says it does not take here (Capabilities ExpandRestrictions/NonExpandableProperties: notes, chapters)",
    "ok",
    "ok",
  ]);
});

test("$filter: each member path, $it/ and lambdas' paths too; a path below a listed one; a literal or a function of the same name is none", () => {
  const limits = { filter: ["title", "info/isbn"] };
  expect(limitedProperty("$filter=startswith(title,'a')", limits)).toBe("$filter names title, which the service's metadata says it does not take here (Capabilities FilterRestrictions/NonFilterableProperties: title, info/isbn)");
  expect(limitedProperty("$filter=$it/info/isbn eq '1'", limits)).toMatch(/^\$filter names info\/isbn,/);
  expect(limitedProperty("$filter=title/length eq 1", limits)).toMatch(/^\$filter names title\/length,/);
  expect(limitedProperty("$filter=id eq 'title' and info/pages gt 2", limits)).toBeUndefined();
  expect(limitedProperty("$filter=length(id) gt 1", { filter: ["length"] })).toBeUndefined();
  expect(limitedProperty("$filter=notes/any(n:n/text eq 'a')", { filter: ["notes"] })).toMatch(/^\$filter names notes,/);
  expect(limitedProperty("$filter=id eq 'x'&$orderby=title", limits)).toBeUndefined();
  expect(limitedProperty("$filter=title eq 'a", limits)).toBeUndefined();
});

describeWithGraph("Graph's NonExpandableProperties")("Graph's chats", () => {
  test("$expand=messages is refused as its metadata lists it; members passes, and so does a chat read by key", () => {
    expect(answers(GRAPH, ["/chats?$expand=messages", "/chats?$expand=members", "/chats/19:abc?$expand=messages"])).toEqual([
      "GET /chats: $expand names messages, which the service's metadata says it does not take here (Capabilities ExpandRestrictions/NonExpandableProperties: installedApps, messages, permissionGrants, tabs, targetedMessages)",
      "ok",
      "ok",
    ]);
  });
});
