// What a service's metadata forbids (Capabilities InsertRestrictions, UpdateRestrictions,
// DeleteRestrictions, ReadRestrictions, IndexableByKey) is carried by the address builders' types: a create, list,
// read, update or delete the metadata forbids at an address, or a byKey, does not compile, with the marker's
// words in the message; what it allows compiles, and a restricted address still goes wherever an
// address does (navigation, casts, $ref, streams, bound operations, $batch, the runtime's own
// functions); a cast's address does not keep them. `rt.unrestricted` lets a forbidden request through.
// Checked by both real compilers (TypeScript 5.9 and 7): each `@ts-expect-error` must meet an
// error, and the same code without them must report each of those lines, and nothing else.
import { generateFixture } from "./helpers/generated";
import { expectErrorsWhereMarked, forEachCompiler, markedLines } from "./helpers/typecheck";

const USAGE = `
import * as rt from "./runtime.js";
import {
  bookCover, bookDrafts, bookNotes, bookPages, bookReceipts, bookReviews, bookSecret, bookWindow, books, borrow, createBook, createReceipt, createReview,
  deleteBook, deleteReceipt, deleteReview, deleteShelf, featured, getBook, getReview, getShelf, invites, listBooks, listReviews, listShelfs, shelfReceipts,
  shelves, store, storeAisles, storeShelves, updateBook, updateReview, updateShelf,
} from "./Shop.requests.js";
import type { Book } from "./Shop.types.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {
  const book = books().byKey("b1");
  // @ts-expect-error entity set Insertable=false
  await createBook(client, books(), { id: "b2" });
  // @ts-expect-error singleton Updatable=false (an Annotations block)
  await updateBook(client, featured(), { title: "x" });
  // @ts-expect-error navigation property Deletable=false: its members
  await deleteReview(client, bookReviews(book).byKey("r1"));
  // @ts-expect-error entity type Deletable=false, where a navigation property leads to it
  await deleteReceipt(client, bookReceipts(book).byKey("p1"));
  // @ts-expect-error single-valued navigation property Readable=false
  await getReview(client, bookSecret(book));
  // @ts-expect-error ReadByKeyRestrictions/Readable=false: a member by key
  await getReview(client, bookNotes(book).byKey("n1"));
  // @ts-expect-error RestrictedProperties of a singleton whose type one route reaches
  await deleteShelf(client, storeShelves(store()).byKey("s1"));
  // @ts-expect-error entity set Readable=false: its list
  await listShelfs(client, shelves());
  // @ts-expect-error in a batch too
  await deleteReview(rt.batch(client), bookReviews(book).byKey("r1"));
  // @ts-expect-error rt.createMedia is a create too
  await rt.createMedia(client, books(), new Blob([]));
  // @ts-expect-error IndexableByKey=false on a navigation property: no byKey
  bookWindow(book).byKey("w1");
  // @ts-expect-error IndexableByKey=false on an entity set (an Annotations block)
  invites().byKey("i1");
  // @ts-expect-error IndexableByKey=false in RestrictedProperties
  storeAisles(store()).byKey("a1");

  // Allowed: what the metadata does not forbid, true, a Path, Upsertable, a qualified annotation,
  // a more specific true over the type's false, RestrictedProperties on a type several routes reach.
  await listBooks(client, books());
  // A restricted address is as sure as it was: its read is not typed | null.
  const ids: string[] = [(await getBook(client, featured())).id, (await getReview(client, bookReviews(book).byKey("r1"))).id];
  void ids;
  await updateBook(client, book, { title: "x" });
  await deleteBook(client, book);
  await createReview(client, bookReviews(book), { id: "r2" });
  await updateReview(client, bookReviews(book).byKey("r1"), { text: "x" });
  await listReviews(client, bookNotes(book));
  await deleteReview(client, bookDrafts(book).byKey("d1"));
  await updateReview(client, bookDrafts(book).byKey("d1"), { text: "x" });
  await createReview(client, bookDrafts(book), { id: "d2" });
  await deleteReceipt(client, shelfReceipts(shelves().byKey("s1")).byKey("p1"));
  await createReceipt(client, bookReceipts(book), { id: "p2" });
  await deleteShelf(client, shelves().byKey("s1"));
  await updateShelf(client, storeShelves(store()).byKey("s1"), {});

  // The escape hatch, and a restricted address wherever an address goes.
  await createBook(client, rt.unrestricted(books()), { id: "b2" });
  await deleteReview(client, rt.unrestricted(bookReviews(book).byKey("r1")));
  await updateBook(client, rt.unrestricted(featured()), { title: "x" });
  const widened: rt.EntityRef<Book> = featured();
  await updateBook(client, widened, { title: "x" });
  const nullable: rt.EntityRef<Book, null> = bookReviews(book).byKey("r1") as never;
  void nullable;
  bookReviews(featured());
  bookCover(featured());
  await rt.readStream(client, bookCover(featured()));
  await borrow(client, featured());
  await rt.addRef(client, bookReviews(book), bookReviews(book).byKey("r1"));
  await rt.removeRef(client, bookReviews(book).byKey("r1"));
  rt.entityId(client, featured());
  await rt.count(client, books());
  await rt.aggregate(client, shelves(), "aggregate($count as n)");
  await rt.openStream(client, bookCover(featured()));
  await rt.writeStream(client, bookCover(featured()), new Blob([]));
  await rt.createMedia(client, shelves(), new Blob([]));
  await rt.collectAll(client, listBooks(client, books()));
  await rt.read<unknown>(client, bookSecret(book), undefined);
  await rt.update(client, featured(), {}, undefined);
  await rt.remove(client, bookReviews(book).byKey("r1"), undefined);
  await getReview(client, rt.cast<never>(bookSecret(book), "Shop.Review"));
  await listBooks(client, rt.cast<Book, ReturnType<typeof books>>(books(), "Shop.Book"));
  // A collection not indexable by key is listed and created in; IndexableByKey without a value allows.
  await listReviews(client, bookWindow(book));
  await createReview(client, invites(), { id: "i2" });
  await getReview(client, bookPages(book).byKey("p1"));
  await getReview(client, rt.unrestricted(invites()).byKey("i1"));
  // A cast is another address: what the metadata forbids at the one cast is not kept.
  await createBook(client, rt.cast<Book, ReturnType<typeof books>>(books(), "Shop.Book"), {});
  // Readable=false on a collection forbids its list, not a read of a member by key.
  await getShelf(client, shelves().byKey("s1"));
}
`;

forEachCompiler((label, c) => {
  test("a request the metadata forbids at an address does not compile; what it allows does, restricted addresses go wherever an address does", () => {
    const dir = generateFixture("requests/restrictions.xml", `types-restrictions-${label.replace(/\W+/g, "")}`);
    const r = expectErrorsWhereMarked(c, dir, USAGE);
    expect(markedLines(USAGE)).toHaveLength(13);
    // The message names what is forbidden and the way through (TypeScript 5.9 prints the chain; 7 may shorten it).
    if (label === "TypeScript 5.9") {
      expect(r.output).toContain("Argument of type 'EntityRef<Review, never, NoDelete>' is not assignable to parameter of type 'EntityRef<Review, null, Deletable>'.");
      expect(r.output).toContain(`Type '"the service's metadata forbids deleting here (Capabilities.DeleteRestrictions); rt.unrestricted(target) sends it anyway"' is not assignable to type 'undefined'.`);
      expect(r.output).toContain(`"the service's metadata forbids creating here (Capabilities.InsertRestrictions); rt.unrestricted(target) sends it anyway"`);
      expect(r.output).toContain("The 'this' context of type 'CollectionRef<Review, string, NoKey>' is not assignable to method's 'this' of type 'CollectionRef<Review, string, Indexable>'.");
      expect(r.output).toContain(`"the service's metadata forbids addressing a member by key here (Capabilities.IndexableByKey); rt.unrestricted(target) sends it anyway"`);
    }
  });
});
