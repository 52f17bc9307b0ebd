// An address that may have nothing there (`rt.EntityRef<T, null>`: a nullable navigation property,
// a 4.01 singleton with Nullable="true", `rt.nullable(rt.at<T>(path))`) keeps its `| null` however
// it travels: through a `let`, an annotated variable, a condition, an array or a cast. A sure address
// is a nullable one too, so a nullable address still goes wherever an address does (update,
// navigation, bound operations).
// Checked by both real compilers (TypeScript 5.9 and 7): each `@ts-expect-error` must meet an
// error, and the same code without them must report each of those lines.
import { generateFixture } from "./helpers/generated";
import { expectErrorsWhereMarked, forEachCompiler, markedLines } from "./helpers/typecheck";

const USAGE = `
import * as rt from "./runtime.js";
import { bestseller, bookAuthor, bookCover, bookSequel, books, borrow, castBook, deleteBook, featured, getAuthor, getBook, getComic, pick, price, updateBook } from "./Shop.requests.js";
import type { Book } from "./Shop.types.js";

declare const client: rt.Client;
declare const wanted: boolean;

export async function usage(): Promise<void> {
  const dune = books().byKey("b1");
  // A let holding a sure address takes no nullable one: it must be declared nullable.
  let sure = dune;
  // @ts-expect-error let: a nullable address into a sure variable
  sure = bookSequel(dune);
  let target: rt.EntityRef<Book, null> = dune;
  if (wanted) target = bookSequel(target);
  const viaLet = await getBook(client, target);
  // @ts-expect-error let: nothing may be there
  void viaLet.id;

  // @ts-expect-error annotation: EntityRef<Book> is a sure address
  const annotated: rt.EntityRef<Book> = bookSequel(dune);
  const nullable: rt.EntityRef<Book, null> = bookSequel(dune);
  const viaAnnotation = await getBook(client, nullable);
  // @ts-expect-error annotation: nothing may be there
  void viaAnnotation.id;

  const viaTernary = await getBook(client, wanted ? dune : bookSequel(dune));
  // @ts-expect-error ternary: nothing may be there
  void viaTernary.id;

  const refs = [dune, bookSequel(dune)];
  const viaArray = await getBook(client, refs[0]!);
  // @ts-expect-error array: nothing may be there
  void viaArray.id;

  const viaCast = await getBook(client, rt.cast<Book>(bookSequel(dune), "Shop.Book"));
  // @ts-expect-error rt.cast: nothing may be there
  void viaCast.id;
  // @ts-expect-error rt.cast: the cast of a nullable address is no sure address
  const sureCast: rt.EntityRef<Book> = rt.cast<Book>(bookSequel(dune), "Shop.Book");
  const viaTypedCast = await getBook(client, castBook(bookSequel(dune), "Shop.Comic"));
  // @ts-expect-error typed cast: nothing may be there
  void viaTypedCast.id;

  // A path the builders do not make: nullable where rt.nullable says so; rt.at itself takes no N.
  const viaAt = await getBook(client, rt.nullable(rt.at<Book>("/Books('b1')/Shop.latest()")));
  // @ts-expect-error rt.nullable: nothing may be there
  void viaAt.id;
  // @ts-expect-error rt.at<T, null> is gone: rt.nullable marks the address at run time too
  rt.at<Book, null>("/Books('b1')/Shop.latest()");
  // @ts-expect-error rt.nullable: no sure address
  const sureAt: rt.EntityRef<Book> = rt.nullable(rt.at<Book>("/x"));

  const viaSingleton = await getBook(client, featured());
  // @ts-expect-error singleton with Nullable="true": nothing may be there
  void viaSingleton.id;
  // @ts-expect-error singleton with Nullable="true": no sure address
  const sureFeatured: rt.EntityRef<Book> = featured();

  // Sure addresses stay sure: a member by key, a singleton (Nullable absent or false), a sure cast.
  const ids: string[] = [
    (await getBook(client, dune)).id,
    (await getBook(client, bestseller())).id,
    (await getBook(client, pick())).id,
    (await getBook(client, rt.cast<Book>(dune, "Shop.Book"))).id,
    (await getBook(client, rt.at<Book>("/Books('b1')"))).id,
    (await getComic(client, castBook(dune, "Shop.Comic"))).id,
    (await getAuthor(client, bookAuthor(bookSequel(dune)))).id,
  ];

  // A nullable address goes wherever an address does.
  await updateBook(client, bookSequel(dune), { title: "x" });
  await updateBook(client, featured(), { title: "x" });
  await deleteBook(client, target);
  await borrow(client, bookSequel(dune));
  await price(client, featured());
  bookAuthor(featured());
  bookSequel(bookSequel(dune));
  bookCover(bookSequel(dune));
  await rt.addRef(client, bookSequel(dune), bookSequel(dune));
  await rt.removeRef(client, bookSequel(dune));
  rt.entityId(client, featured());
  await rt.read<unknown>(client, bookSequel(dune), undefined);
  void [annotated, sureCast, sureFeatured, sureAt, ids, sure];
}
`;

forEachCompiler((label, c) => {
  test("a nullable address keeps | null through let, annotation, condition, array and casts, and goes wherever an address does", () => {
    const dir = generateFixture("requests/nullable-refs.xml", `types-null-refs-${label.replace(/\W+/g, "")}`);
    // Each escape route is a type error without its @ts-expect-error, and nothing else is.
    expectErrorsWhereMarked(c, dir, USAGE);
    expect(markedLines(USAGE)).toHaveLength(14);
  });
});
