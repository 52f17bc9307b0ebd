// Generated request functions for an SAP CAP-style service (test/fixtures/requests/sap-catalog.xml:
// Guid and draft keys, a composite key of Decimal, DateTimeOffset, TimeOfDay and Int64, bound draft
// actions, collection-bound operations, ETags) against @sap-ux/fe-mockserver-core (SAP's own OData V4
// mock server, from npm) on 127.0.0.1. Each test checks what the server parsed, not only the URL.
import * as path from "node:path";
import { FIXTURES, generateFixture } from "./helpers/generated";
import { startMockServer, type RunningMockServer } from "./helpers/mockserver";

const dir = generateFixture("requests/sap-catalog.xml", "mockserver-sap");
type Api = typeof import("./.generated/mockserver-sap/CatalogService.requests");
type Runtime = typeof import("./.generated/mockserver-sap/runtime");
type Validators = typeof import("./.generated/mockserver-sap/CatalogService.validators");
const api: Api = require(path.join(dir, "CatalogService.requests"));
const rt: Runtime = require(path.join(dir, "runtime"));
const validators: Validators = require(path.join(dir, "CatalogService.validators"));

const WUTHERING = "b0000000-0000-0000-0000-000000000001";
const JANE = "b0000000-0000-0000-0000-000000000002";

describe("an SAP CAP-style service against @sap-ux/fe-mockserver-core", () => {
  let server: RunningMockServer;
  let client: ReturnType<Runtime["createClient"]>;

  beforeAll(async () => {
    server = await startMockServer(path.join(FIXTURES, "requests/sap-catalog.xml"), path.join(FIXTURES, "sap-catalog-data"), { validateETag: true });
    client = rt.createClient({ baseUrl: `${server.serviceRoot}?sap-client=100` });
  });
  afterAll(async () => {
    await server?.close();
  });
  const last = () => server.requests[server.requests.length - 1];

  test("a draft key (Guid and Boolean) finds the active entity and its draft apart", async () => {
    const active = await api.getBooks(client, api.books().byKey({ ID: JANE, IsActiveEntity: true }), { select: ["title"], validate: validators.validateBooks });
    const draft = await api.getBooks(client, api.books().byKey({ ID: JANE, IsActiveEntity: false }), { select: ["title"] });
    expect([active.title, draft.title]).toEqual(["Jane Eyre", "Jane Eyre (draft)"]);
    expect(last().url).toBe(`/trippin/Books(ID=${JANE},IsActiveEntity=false)?$select=title&sap-client=100`);
  });

  test("a composite key of Decimal, DateTimeOffset with an offset, TimeOfDay and Int64 (a bigint) reads back", async () => {
    const p = await api.getPrices(client, api.prices().byKey({ amount: 12.5, validFrom: "2024-01-01T10:00:00+01:00", at: "13:20:00", big: 42n }));
    expect(p.note).toBe("lunch");
    expect(last().url).toBe("/trippin/Prices(amount=12.5,validFrom=2024-01-01T10%3A00%3A00%2B01%3A00,at=13%3A20%3A00,big=42)?sap-client=100");
  });

  test("$filter on a Decimal, $expand of the author, $count", async () => {
    const page = await api.listBooks(client, api.books(), {
      filter: "IsActiveEntity eq true and price lt 12",
      select: ["title", "price"],
      expand: { author: { select: ["name"] } },
      count: true,
      validate: validators.validateBooks,
    });
    expect(page.value.map((b) => [b.title, b.price, b.author?.name])).toEqual([["Wuthering Heights", 11.11, "Emily Brontë"]]);
    expect(page["@odata.count"]).toBe(1);
  });

  test("a bound action on the draft's key reaches that entity; one on the active entity, with its parameter", async () => {
    const activated = await api.draftActivate(client, api.books().byKey({ ID: JANE, IsActiveEntity: false }));
    expect(activated).toMatchObject({ ID: JANE, IsActiveEntity: false, title: "Jane Eyre (draft)" });
    expect(last()).toMatchObject({ method: "POST", url: `/trippin/Books(ID=${JANE},IsActiveEntity=false)/CatalogService.draftActivate?sap-client=100` });
    const edited = await api.draftEdit(client, api.books().byKey({ ID: WUTHERING, IsActiveEntity: true }), { PreserveChanges: true });
    expect(edited).toMatchObject({ ID: WUTHERING, IsActiveEntity: true });
  });

  test("a function bound to the collection gets its Decimal parameter, with $select after it", async () => {
    const page = await api.cheapest(client, api.books(), { max: "12.00" }, { select: ["title"] });
    expect(page.value.map((b) => b.title).sort()).toEqual(["Wuthering Heights"]);
    expect(last().url).toBe("/trippin/Books/CatalogService.cheapest(max=12.00)?$select=title&sap-client=100");
    await api.discount(client, api.books(), { percent: 10 });
    expect(last()).toMatchObject({ method: "POST", url: "/trippin/Books/CatalogService.discount?sap-client=100" });
  });

  test("an unbound function's Guid, Decimal, Date, DateTimeOffset, Int64 and enum parameters arrive as their values", async () => {
    const r = await api.quote(client, { book: WUTHERING, amount: 0.0000001, on: "2024-02-29", at: "2024-01-01T10:00:00+01:00", big: "42", genre: "Drama" });
    expect(JSON.parse(r.value ?? "")).toEqual({ book: WUTHERING, amount: 0.0000001, on: "2024-02-29", at: "2024-01-01T10:00:00+01:00", big: 42, genre: "CatalogService.Genre'Drama'" });
    expect(last().url).toBe(`/trippin/quote(book=${WUTHERING},amount=0.0000001,on=2024-02-29,at=2024-01-01T10%3A00%3A00%2B01%3A00,big=42,genre=CatalogService.Genre'Drama')?sap-client=100`);
  });

  test("an unbound action's body: a Decimal as a string, nullable parameters left out", async () => {
    const r = await api.submitOrder(client, { book: WUTHERING, price: "9.99" });
    expect(JSON.parse(String(r.value))).toEqual({ book: WUTHERING, price: "9.99" });
  });

  test("create, then update with the ETag the read returned; a stale one is a 412", async () => {
    const created = await api.createAuthors(client, api.authors(), { ID: "a0000000-0000-0000-0000-000000000009", name: "Anne Brontë", born: "1820-01-17" });
    expect(created).toMatchObject({ ID: "a0000000-0000-0000-0000-000000000009", born: "1820-01-17" });

    const ref = api.books().byKey({ ID: WUTHERING, IsActiveEntity: true });
    const read = await api.getBooks(client, ref);
    await api.updateBooks(client, ref, { stock: 5 }, { etag: read["@odata.etag"] as string });
    expect(last().headers["if-match"]).toBe(read["@odata.etag"]);
    const err = await api.updateBooks(client, ref, { stock: 6 }, { etag: read["@odata.etag"] as string }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 412 });
    expect((await api.getBooks(client, ref, { select: ["stock"] })).stock).toBe(5);
  });

  test("a bound action with the ETag the read returned sends it as If-Match", async () => {
    const ref = api.books().byKey({ ID: JANE, IsActiveEntity: true });
    const read = await api.getBooks(client, ref);
    expect(read["@odata.etag"]).toBeDefined();
    const edited = await api.draftEdit(client, ref, { PreserveChanges: true }, { etag: read["@odata.etag"] });
    expect(edited).toMatchObject({ ID: JANE, IsActiveEntity: true });
    expect(last()).toMatchObject({ method: "POST", url: `/trippin/Books(ID=${JANE},IsActiveEntity=true)/CatalogService.draftEdit?sap-client=100` });
    expect(last().headers["if-match"]).toBe(read["@odata.etag"]);
  });

  test.skip("a bound action with a stale If-Match is a 412, without one a 428: SERVER LIMITATION, the mock server checks If-Match only where it changes an entity (PATCH, PUT), not for an action (the header's arrival is checked above)", () => {});
  test.skip("a deep insert's book is then found in Books and under its author: SERVER LIMITATION, the mock server answers the create with it but keeps it nowhere a read finds it (deep-insert bodies are checked in requests-nested-writes.test.ts)", () => {});
  test.skip("If-Match: * updates whatever the entity's ETag: SERVER LIMITATION, with validateETag the mock server answers 412 to * (RFC 9110 §13.1.1: * matches any current representation)", () => {});
  test.skip("a key of an enum type (Genre'Drama'), and an enum literal in $filter: SERVER LIMITATION, the mock server answers 404 to the key and 500 (a parse error) to the $filter", () => {});
  test.skip("ieee754Compatible: true reads Decimal and Int64 as strings: SERVER LIMITATION, the mock server says IEEE754Compatible=true in its Content-Type on every answer but writes the values as numbers (the validators report them: requests-client.test.ts)", () => {});
});
