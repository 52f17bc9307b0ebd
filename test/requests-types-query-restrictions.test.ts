// The query options the metadata says a collection does not support (Capabilities CountRestrictions,
// FilterRestrictions, SearchRestrictions, ExpandRestrictions, TopSupported, SkipSupported,
// SelectSupport, SortRestrictions) are carried by the address builders' types, as the request
// restrictions are: a list, `rt.count` (and `/$count`) and `rt.readRefs` given such an option on
// such an address does not compile, with the marker's words in the message (the option, the term,
// the way through); the other options, the other addresses and `rt.unrestricted` compile as before,
// as does a read of one entity (its `$select` and `$expand` are not restricted). Checked by both
// real compilers (TypeScript 5.9 and 7): each `@ts-expect-error` must meet an error, and the same
// code without them must report each of those lines, and nothing else.
import { generateFixture } from "./helpers/generated";
import { expectErrorsWhereMarked, forEachCompiler, markedLines } from "./helpers/typecheck";

const USAGE = `
import * as rt from "./runtime.js";
import {
  archive, bookChapters, bookNotes, books, getBook, getNote, listBins, listBooks, listChapters, listNotes, notes, shelf, shelfBins, shelfBooks,
} from "./Lib.requests.js";

declare const client: rt.Client;

export async function usage(signal: AbortSignal): Promise<void> {
  const book = books().byKey("b1");
  // @ts-expect-error entity set Countable=false
  await listBooks(client, books(), { count: true });
  // @ts-expect-error entity set Filterable=false, by an Annotations block
  await listBooks(client, archive(), { filter: "title eq 'x'", top: 5 });
  // @ts-expect-error navigation property Searchable=false
  await listChapters(client, bookChapters(book), { search: "x" });
  // @ts-expect-error entity type TopSupported=false (a Bool-valued term)
  await listNotes(client, bookNotes(book), { top: 1 });
  // @ts-expect-error entity type SkipSupported=false
  await listNotes(client, notes(), { skip: 1 });
  // @ts-expect-error entity type SelectSupport/Supported=false
  await listNotes(client, bookNotes(book), { select: ["text"] });
  // @ts-expect-error entity type SortRestrictions/Sortable=false
  await listNotes(client, notes(), { orderby: "text" });
  // @ts-expect-error entity type ExpandRestrictions/Expandable=false
  await listNotes(client, notes(), { expand: [] });
  // @ts-expect-error RestrictedProperties of a singleton: Countable=false
  await listBins(client, shelfBins(shelf()), { count: true });
  // @ts-expect-error RestrictedProperties: TopSupported=false, among allowed options
  await listBins(client, shelfBins(shelf()), { filter: "id eq 'x'", top: 5, signal });
  // @ts-expect-error the page rt.collectAll follows is the list's
  await rt.collectAll(client, listBooks(client, books(), { count: true }));
  // @ts-expect-error /$count where Countable=false
  await rt.count(client, books());
  // @ts-expect-error rt.count's filter where Filterable=false
  await rt.count(client, archive(), { filter: "title eq 'x'" });
  // @ts-expect-error $ref read with $count where Countable=false
  await rt.readRefs(client, shelfBins(shelf()), { count: true });
  // @ts-expect-error a name that is no option is still refused as before ("did you mean"), where no option is forbidden
  await listBooks(client, shelfBooks(shelf()), { cuont: true });

  // Allowed: the options the metadata does not forbid there, true over the type's false, a Path, a
  // qualified annotation, other addresses of the same type, and the escape hatch.
  await listBooks(client, books(), { top: 5, filter: "title eq 'x'", select: ["title"], expand: ["chapters"], orderby: "title", search: "x", skip: 1, signal });
  const page = await listBooks(client, books(), { select: ["title"] });
  const title: string | null | undefined = page.value[0]?.title;
  void title;
  await listBooks(client, archive(), { count: true, search: "x" });
  await listBooks(client, shelfBooks(shelf()), { count: true, filter: "title eq 'x'" });
  await listBooks(client, rt.unrestricted(books()), { count: true });
  await listBooks(client, books());
  await listNotes(client, notes(), { select: ["text"], count: true, filter: "text eq 'x'" });
  await listChapters(client, bookChapters(book), { filter: "id eq 'x'", count: true });
  await rt.collectAll(client, listBooks(client, books(), { top: 5 }));
  for await (const item of rt.items(client, listNotes(client, notes(), { select: ["text"] }))) void item;
  await rt.count(client, archive());
  await rt.count(client, books().byKey("b1") as never);
  await rt.count(client, rt.unrestricted(books()));
  await rt.count(client, bookChapters(book), { filter: "id eq 'x'" });
  await rt.readRefs(client, shelfBins(shelf()), { filter: "id eq 'x'" });
  await rt.readRefs(client, shelfBooks(shelf()), { count: true, top: 2 });
  // A read of one entity: $select and $expand are not restricted (a collection's are its members' too).
  await getNote(client, bookNotes(book).byKey("n1"), { select: ["text"] });
  await getBook(client, books().byKey("b1"), { select: ["title"], expand: ["notes"] });
}
`;

forEachCompiler((label, c) => {
  test("a query option the metadata forbids on a collection does not compile; what it allows does", () => {
    const dir = generateFixture("requests/query-restrictions.xml", `types-query-restrictions-${label.replace(/\W+/g, "")}`);
    const r = expectErrorsWhereMarked(c, dir, USAGE);
    expect(markedLines(USAGE)).toHaveLength(15);
    // The message names the option, the term and the way through (both compilers print the chain).
    expect(r.output).toContain(`Type '"the service's metadata forbids $count here (Capabilities.CountRestrictions); rt.unrestricted(target) sends it anyway"' is not assignable to type 'undefined'.`);
    for (const words of ["$filter here (Capabilities.FilterRestrictions)", "$search here (Capabilities.SearchRestrictions)", "$top here (Capabilities.TopSupported)", "$skip here (Capabilities.SkipSupported)", "$select here (Capabilities.SelectSupport)", "$orderby here (Capabilities.SortRestrictions)", "$expand here (Capabilities.ExpandRestrictions)"])
      expect(r.output).toContain(`"the service's metadata forbids ${words}; rt.unrestricted(target) sends it anyway"`);
    expect(r.output).toContain("'cuont' does not exist");
  });
});
