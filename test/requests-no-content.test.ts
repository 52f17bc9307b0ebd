// 204 No Content, the answer for a null single result (Protocol §9.1.4, §11.2.7, §11.5.4), over real
// HTTP on 127.0.0.1 with the generated client: it resolves null only where the metadata lets the
// result be null (the type says `| null`). Where it does not (an entity by key, a singleton without
// Nullable="true", a navigation property or a ReturnType with Nullable="false", a cast of such an
// address, a non-nullable composable result), the call rejects with ODataError (status 204), rather
// than resolving a null its type does not admit. A create or update with return=minimal and an
// action without a result are not affected: they resolve undefined. A create without return=minimal
// is answered 201 with the entity (Protocol §11.4.2): a 204 to it rejects the same way.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";

const libDir = generateFixture("requests/null-results.xml", "no-content-lib");
const shopDir = generateFixture("requests/nullable-refs.xml", "no-content-shop");
type Runtime = typeof import("./.generated/no-content-lib/runtime");
const lib: typeof import("./.generated/no-content-lib/Lib.requests") = require(path.join(libDir, "Lib.requests"));
const libRt: Runtime = require(path.join(libDir, "runtime"));
const shop: typeof import("./.generated/no-content-shop/Shop.requests") = require(path.join(shopDir, "Shop.requests"));
const shopRt: typeof import("./.generated/no-content-shop/runtime") = require(path.join(shopDir, "runtime"));

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

/** What a call answered 204 must reject with: an ODataError of status 204 naming the request (in `message` and `request`), and the service's request id. */
async function rejects204(call: Promise<unknown>, ODataError: Runtime["ODataError"], request: string, expected = "the metadata says the result cannot be null"): Promise<void> {
  const e: unknown = await call.then(
    (v) => ({ resolved: v }),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ODataError);
  const err = e as InstanceType<Runtime["ODataError"]>;
  const named = request.replace(" /", ` ${srv.url}/`);
  expect({ name: err.name, status: err.status, code: err.code, requestId: err.requestId, body: err.body, request: err.request }).toEqual({ name: "ODataError", status: 204, code: "204", requestId: "rq-1", body: undefined, request: named });
  expect(err.message).toBe(`${named}: 204 No Content, but ${expected}`);
}

const noContent = () => ({ status: 204, headers: { "request-id": "rq-1" } });

describe("reads of one entity answered 204", () => {
  test("null where the address may have nothing there; ODataError where the metadata says something is there", async () => {
    const client = libRt.createClient({ baseUrl: `${srv.url}/svc` });
    const dune = lib.books().byKey("b1");
    srv.handle(noContent);
    // Nullable: a navigation property (Nullable absent or true), a composable function's nullable result.
    await expect(lib.getBook(client, lib.bookSequel(dune))).resolves.toBeNull();
    await expect(lib.getBook(client, lib.bookPrequel(dune), { select: ["title"] })).resolves.toBeNull();
    await expect(lib.getBook(client, lib.latestRef(lib.books()))).resolves.toBeNull();
    await expect(libRt.read(client, libRt.nullable(libRt.at("/Custom/maybe")), undefined)).resolves.toBeNull();
    // Not nullable: a member by key, a navigation property with Nullable="false" (also below a
    // nullable one: with no sequel there is no such resource), a composable function's sure result,
    // a path the builders do not make.
    const E = libRt.ODataError;
    await rejects204(lib.getBook(client, dune), E, "GET /svc/Books('b1')");
    await rejects204(lib.getBook(client, dune, { select: ["title"], expand: ["author"] }), E, "GET /svc/Books('b1')?$select=title&$expand=author");
    await rejects204(lib.getAuthor(client, lib.bookAuthor(dune)), E, "GET /svc/Books('b1')/author");
    await rejects204(lib.getAuthor(client, lib.bookAuthor(lib.bookSequel(dune))), E, "GET /svc/Books('b1')/sequel/author");
    await rejects204(lib.getBook(client, lib.firstRef(lib.books())), E, "GET /svc/Books/Lib.first()");
    await rejects204(libRt.read(client, libRt.at("/Custom/sure"), undefined), E, "GET /svc/Custom/sure");
    // Custom query options are part of the URL named.
    await rejects204(lib.getBook(client, dune, { query: { tenant: "a b" } }), E, "GET /svc/Books('b1')?tenant=a%20b");
    // A body is read as ever, whichever the address.
    srv.handle(() => ({ body: { id: "b1", title: "Dune" } }));
    await expect(lib.getBook(client, dune)).resolves.toEqual({ id: "b1", title: "Dune" });
    await expect(lib.getBook(client, lib.bookSequel(dune))).resolves.toEqual({ id: "b1", title: "Dune" });
  });

  test("singletons and casts: Nullable=\"true\" and the casts of a nullable address are null, the others reject", async () => {
    const client = shopRt.createClient({ baseUrl: srv.url });
    const dune = shop.books().byKey("b1");
    srv.handle(noContent);
    await expect(shop.getBook(client, shop.featured())).resolves.toBeNull();
    await expect(shop.getComic(client, shop.castBook(shop.bookSequel(dune), "Shop.Comic"))).resolves.toBeNull();
    await expect(shop.getBook(client, shopRt.cast(shop.bookSequel(dune), "Shop.Book"))).resolves.toBeNull();
    await expect(shop.getBook(client, shop.castBook(shop.featured(), "Shop.Comic"))).resolves.toBeNull();
    const E = shopRt.ODataError;
    await rejects204(shop.getBook(client, shop.bestseller()), E, "GET /bestseller");
    await rejects204(shop.getBook(client, shop.pick()), E, "GET /pick");
    await rejects204(shop.getComic(client, shop.castBook(dune, "Shop.Comic")), E, "GET /Books('b1')/Shop.Comic");
    await rejects204(shop.getBook(client, shopRt.cast(shop.pick(), "Shop.Book")), E, "GET /pick/Shop.Book");
    // nullable() marks a new address: the one it was given stays sure.
    const sure = shop.books().byKey("b2");
    shopRt.nullable(sure);
    await rejects204(shop.getBook(client, sure), E, "GET /Books('b2')");
    expect(srv.requests.map((r) => r.method)).toEqual(Array(9).fill("GET"));
  });
});

describe("operations answered 204", () => {
  test("a nullable result is null ({ value: null } for a primitive or enum); a ReturnType with Nullable=\"false\" rejects", async () => {
    const client = libRt.createClient({ baseUrl: srv.url });
    srv.handle(noContent);
    await expect(lib.reserve(client, { title: "Dune" })).resolves.toEqual({ value: null });
    await expect(lib.mostRead(client)).resolves.toEqual({ value: null });
    await expect(lib.stats(client)).resolves.toBeNull();
    await expect(lib.pick(client)).resolves.toBeNull();
    await expect(lib.lend(client, { title: "Dune" })).resolves.toBeNull();
    await expect(lib.latest(client, lib.books())).resolves.toBeNull();
    const E = libRt.ODataError;
    await rejects204(lib.shelf(client), E, "GET /shelf()");
    await rejects204(lib.format(client), E, "GET /format()");
    await rejects204(lib.totals(client), E, "GET /totals()");
    await rejects204(lib.surePick(client, { select: ["title"] }), E, "GET /surePick()?$select=title");
    await rejects204(lib.restock(client), E, "POST /restock");
    await rejects204(lib.first(client, lib.books()), E, "GET /Books/Lib.first()");
    const shopClient = shopRt.createClient({ baseUrl: srv.url });
    await rejects204(shop.price(shopClient, shop.books().byKey("b1")), shopRt.ODataError, "GET /Books('b1')/Shop.price()");
    // An action without a result: 204 is its answer.
    await expect(lib.tidy(client)).resolves.toBeUndefined();
    await expect(shop.borrow(shopClient, shop.bookSequel(shop.books().byKey("b1")))).resolves.toBeUndefined();
    // With a body, the body.
    srv.handle(() => ({ body: { "@odata.context": "$metadata#Edm.String", value: "A3" } }));
    await expect(lib.shelf(client)).resolves.toEqual({ "@odata.context": "$metadata#Edm.String", value: "A3" });
    srv.handle(() => ({ body: { loans: 3 } }));
    await expect(lib.totals(client)).resolves.toEqual({ loans: 3 });
  });
});

describe("operations answered 202 Accepted without a body", () => {
  test("a call that reads a result rejects (status 202) naming the status monitor; one without a result resolves", async () => {
    const client = libRt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ status: 202, headers: { "request-id": "rq-2", location: `${srv.url}/monitor/7` } }));
    const e = await lib.lend(client, { title: "Dune" }).then(
      () => undefined,
      (err: unknown) => err as InstanceType<Runtime["ODataError"]>,
    );
    expect(e).toBeInstanceOf(libRt.ODataError);
    expect({ status: e!.status, code: e!.code, requestId: e!.requestId, request: e!.request }).toEqual({ status: 202, code: "202", requestId: "rq-2", request: `POST ${srv.url}/lend` });
    expect(e!.message).toBe(`POST ${srv.url}/lend: 202 Accepted: the service goes on with the request asynchronously, so its result is not in the answer (Protocol §11.6); its status monitor is ${srv.url}/monitor/7`);
    await expect(lib.pick(client)).rejects.toThrow(`GET ${srv.url}/pick(): 202 Accepted: the service goes on with the request asynchronously, so its result is not in the answer (Protocol §11.6); its status monitor is ${srv.url}/monitor/7`);
    srv.handle(() => ({ status: 202 }));
    await expect(lib.listBooks(client, lib.books())).rejects.toThrow(`GET ${srv.url}/Books: 202 Accepted: the service goes on with the request asynchronously, so its result is not in the answer (Protocol §11.6)`);
    // Nothing is read: an action without a result, an update.
    await expect(lib.tidy(client)).resolves.toBeUndefined();
  });

  test("the status monitor is the error's `location`, as the service wrote it, for the caller to poll (Graph's driveItem copy, POST /teams)", async () => {
    const client = libRt.createClient({ baseUrl: srv.url });
    const failure = (p: Promise<unknown>) => p.then(() => undefined, (err: unknown) => err as InstanceType<Runtime["ODataError"]>);
    // An absolute URL on another host (copy's monitor), and a path from the service root (a team's operation).
    srv.handle(() => ({ status: 202, headers: { location: "https://contoso.sharepoint.com/_api/v2.0/monitor/4A34" } }));
    expect((await failure(lib.lend(client, { title: "Dune" })))?.location).toBe("https://contoso.sharepoint.com/_api/v2.0/monitor/4A34");
    srv.handle(() => ({ status: 202, headers: { location: "/teams('t1')/operations('o1')", "content-location": "/teams('t1')" } }));
    expect((await failure(lib.pick(client)))?.location).toBe("/teams('t1')/operations('o1')");
    // Without one, and on any other error: undefined.
    srv.handle(() => ({ status: 202 }));
    expect((await failure(lib.pick(client)))?.location).toBeUndefined();
    srv.handle(() => ({ status: 404, headers: { location: `${srv.url}/elsewhere` }, body: { error: { code: "NotFound", message: "gone" } } }));
    const notFound = await failure(lib.pick(client));
    expect([notFound?.status, notFound?.location]).toEqual([404, undefined]);
  });
});

describe("pages answered 204", () => {
  test("a collection read, a next page and a stored link reject: a page has a `value`", async () => {
    const client = libRt.createClient({ baseUrl: `${srv.url}/svc` });
    const E = libRt.ODataError;
    const page = "a collection was expected (a page with `value`)";
    srv.handle(noContent);
    await rejects204(lib.listBooks(client, lib.books(), { top: 2 }), E, "GET /svc/Books?$top=2", page);
    await rejects204(libRt.readLink(client, `${srv.url}/svc/Books?$deltatoken=7`), E, "GET /svc/Books?$deltatoken=7", page);
    srv.handle((req) => (req.url.includes("skiptoken") ? noContent() : { body: { value: [{ id: "b1" }], "@odata.nextLink": `${srv.url}/svc/Books?$skiptoken=2` } }));
    await rejects204(libRt.collectAll(client, lib.listBooks(client, lib.books())), E, "GET /svc/Books?$skiptoken=2", page);
  });
});

describe("writes answered 204 are not affected", () => {
  test("create with return=minimal, update and delete resolve undefined", async () => {
    const client = shopRt.createClient({ baseUrl: srv.url });
    srv.handle(noContent);
    await expect(shop.createBook(client, shop.books(), { id: "b9", title: "New" }, { prefer: "return=minimal" })).resolves.toBeUndefined();
    await expect(shop.updateBook(client, shop.books().byKey("b9"), { title: "Newer" }, { prefer: "return=minimal" })).resolves.toBeUndefined();
    await expect(shop.updateBook(client, shop.pick(), { title: "Newer" })).resolves.toBeUndefined();
    await expect(shop.updateBook(client, shop.featured(), { title: "Newer" })).resolves.toBeUndefined();
    await expect(shop.deleteBook(client, shop.books().byKey("b9"))).resolves.toBeUndefined();
    expect(srv.requests.map((r) => `${r.method} ${r.url} ${r.headers.prefer ?? ""}`)).toEqual([
      "POST /Books return=minimal",
      "PATCH /Books('b9') return=minimal",
      "PATCH /pick ",
      "PATCH /featured ",
      "DELETE /Books('b9') ",
    ]);
  });
});

describe("a create answered 204 without return=minimal", () => {
  const created = "the created entity was expected: return=minimal was not asked for (Protocol §11.4.2)";

  test("rejects with ODataError (status 204): its type promises the entity", async () => {
    const client = shopRt.createClient({ baseUrl: srv.url });
    const E = shopRt.ODataError;
    srv.handle(noContent);
    await rejects204(shop.createBook(client, shop.books(), { id: "b9", title: "New" }), E, "POST /Books", created);
    await rejects204(shop.createBook(client, shop.books(), { id: "b9" }, { prefer: "return=representation" }), E, "POST /Books", created);
    // A prefer that may be return=minimal (typed `| undefined`) but is not, this time.
    const maybe = (minimal: boolean): { prefer: "return=minimal" | "return=representation" } => ({ prefer: minimal ? "return=minimal" : "return=representation" });
    await rejects204(shop.createBook(client, shop.books(), { id: "b9" }, maybe(false)), E, "POST /Books", created);
    // Where it is: nothing was asked for, and nothing comes.
    const none: { id?: string } | undefined = await shop.createBook(client, shop.books(), { id: "b9" }, maybe(true));
    expect(none).toBeUndefined();
    expect(srv.requests.map((r) => `${r.method} ${r.url} ${r.headers.prefer ?? ""}`)).toEqual([
      "POST /Books ",
      "POST /Books return=representation",
      "POST /Books return=representation",
      "POST /Books return=minimal",
    ]);
  });

  test("the rejection names the entity's address when the answer gives it: the create may have happened", async () => {
    const client = shopRt.createClient({ baseUrl: srv.url });
    const E = shopRt.ODataError;
    const at = (headers: Record<string, string>) => () => ({ status: 204, headers: { "request-id": "rq-1", ...headers } });
    const made = (where: string) => `${created}; the service says it created ${where}, so sending it again may make a second one`;
    srv.handle(at({ location: `${srv.url}/Books('b9')` }));
    await rejects204(shop.createBook(client, shop.books(), { id: "b9" }), E, "POST /Books", made(`${srv.url}/Books('b9')`));
    // OData-EntityId names the entity itself; Location may name where to read it.
    srv.handle(at({ location: `${srv.url}/Books('b9')?x=1`, "odata-entityid": `${srv.url}/Books('b9')` }));
    await rejects204(shop.createBook(client, shop.books(), { id: "b9" }), E, "POST /Books", made(`${srv.url}/Books('b9')`));
  });

  test("201 with the entity resolves it, with or without return=minimal asked for", async () => {
    const client = shopRt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ status: 201, body: { id: "b9", title: "New" } }));
    await expect(shop.createBook(client, shop.books(), { id: "b9", title: "New" })).resolves.toEqual({ id: "b9", title: "New" });
    await expect(shop.createBook(client, shop.books(), { id: "b9" }, { prefer: "return=representation" })).resolves.toEqual({ id: "b9", title: "New" });
  });
});
