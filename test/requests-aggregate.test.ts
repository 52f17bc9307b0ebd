// rt.aggregate: a collection read with $apply (OData Extension for Data Aggregation 4.0), against
// @sap-ux/fe-mockserver-core, which answers $apply (groupby, aggregate, filter), on 127.0.0.1, and
// against a scripted loopback server for paging, retries and errors. (fetch sends a quote in the
// query as %27, as the URL standard has it.)
import * as path from "node:path";
import { FIXTURES, generateFixture } from "./helpers/generated";
import { startMockServer, type RunningMockServer } from "./helpers/mockserver";
import { startLoopback, type Loopback } from "./helpers/loopback";

const dir = generateFixture("requests/sap-catalog.xml", "aggregate");
type Api = typeof import("./.generated/aggregate/CatalogService.requests");
type Runtime = typeof import("./.generated/aggregate/runtime");
const api: Api = require(path.join(dir, "CatalogService.requests"));
const rt: Runtime = require(path.join(dir, "runtime"));

describe("rt.aggregate against @sap-ux/fe-mockserver-core", () => {
  let server: RunningMockServer;
  let client: ReturnType<Runtime["createClient"]>;

  beforeAll(async () => {
    server = await startMockServer(path.join(FIXTURES, "requests/sap-catalog.xml"), path.join(FIXTURES, "sap-catalog-data"));
    client = rt.createClient({ baseUrl: `${server.serviceRoot}?sap-client=100` });
  });
  afterAll(async () => {
    await server?.close();
  });
  const last = () => server.requests[server.requests.length - 1];

  test("groupby with aggregate: one record per group, with the aliased total", async () => {
    const page = await rt.aggregate(client, api.books(), "groupby((author_ID),aggregate(stock with sum as total))", { orderby: "author_ID" });
    expect(page.value.map(({ author_ID, total }) => [author_ID, total])).toEqual([
      ["a0000000-0000-0000-0000-000000000001", 12],
      ["a0000000-0000-0000-0000-000000000002", 22],
    ]);
    expect(last().url).toBe("/trippin/Books?$apply=groupby((author_ID),aggregate(stock%20with%20sum%20as%20total))&$orderby=author_ID&sap-client=100");
  });

  test("$filter, $orderby, $top and $skip after $apply work on its result", async () => {
    const page = await rt.aggregate(client, api.books(), "filter(IsActiveEntity eq true)/groupby((title))", {
      filter: "title ne 'Nobody'",
      orderby: ["title desc"],
      top: 1,
      skip: 1,
      query: { "sap-language": "EN" },
    });
    expect(page.value.map((r) => r["title"])).toEqual(["Jane Eyre"]);
    expect(last().url).toBe("/trippin/Books?$apply=filter(IsActiveEntity%20eq%20true)/groupby((title))&$filter=title%20ne%20%27Nobody%27&$orderby=title%20desc&$top=1&$skip=1&sap-language=EN&sap-client=100");
  });

  test("a navigation collection can be aggregated too", async () => {
    const authors = api.authors().byKey("a0000000-0000-0000-0000-000000000002");
    const page = await rt.aggregate(client, api.authorsBooks(authors), "aggregate(stock with sum as total)");
    expect(page.value).toEqual([expect.objectContaining({ total: 22 })]);
    expect(last().url).toBe("/trippin/Authors(a0000000-0000-0000-0000-000000000002)/books?$apply=aggregate(stock%20with%20sum%20as%20total)&sap-client=100");
  });
});

describe("rt.aggregate over a scripted loopback server", () => {
  let server: Loopback;
  let client: ReturnType<Runtime["createClient"]>;

  beforeAll(async () => {
    server = await startLoopback();
    client = rt.createClient({ baseUrl: `${server.url}/svc`, headers: { "x-client": "c" }, retry: { delayMs: 1 } });
  });
  afterAll(async () => {
    await server?.close();
  });

  test("$count=true, the call's headers, and next pages read as the first was", async () => {
    server.requests.length = 0;
    server.handle((req) =>
      req.url.includes("$skiptoken")
        ? { body: { value: [{ genre: "b", n: 2 }] } }
        : { body: { "@odata.count": 2, "@odata.nextLink": "Books?$apply=groupby((genre))&$skiptoken=1", value: [{ genre: "a", n: 1 }] } },
    );
    const first = await rt.aggregate(client, api.books(), "groupby((genre),aggregate($count as n))", { count: true, headers: { "x-call": "1" } });
    expect(first["@odata.count"]).toBe(2);
    expect(await rt.collectAll(client, first)).toEqual([{ genre: "a", n: 1 }, { genre: "b", n: 2 }]);
    expect(server.requests.map((r) => [r.url, r.headers["x-client"], r.headers["x-call"]])).toEqual([
      ["/svc/Books?$apply=groupby((genre),aggregate($count%20as%20n))&$count=true", "c", "1"],
      ["/svc/Books?$apply=groupby((genre))&$skiptoken=1", "c", "1"],
    ]);
  });

  test("a 503 is retried as a read's; the service's error rejects as an ODataError", async () => {
    server.requests.length = 0;
    server.handle((_req, i) => (i === 0 ? { status: 503, headers: { "retry-after": "0" } } : { status: 501, body: { error: { code: "NotImplemented", message: "topcount is not supported" } } }));
    const err = await rt.aggregate(client, api.books(), "topcount(2,stock)").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(rt.ODataError);
    expect(err).toMatchObject({ status: 501, code: "NotImplemented", request: `GET ${server.url}/svc/Books?$apply=topcount(2,stock)` });
    expect(server.requests).toHaveLength(2);
  });

  test("validate checks each record; a custom query option may still not start with $", async () => {
    server.handle(() => ({ body: { value: [{ total: "12" }] } }));
    const validate = (v: unknown) => (typeof (v as { total?: unknown }).total === "number" ? { valid: true, errors: [] } : { valid: false, errors: [{ path: "/total", expected: "number", actual: "string", message: "not a number" }] });
    await expect(rt.aggregate(client, api.books(), "aggregate(stock with sum as total)", { validate })).rejects.toMatchObject({ name: "ValidationFailedError" });
    await expect(rt.aggregate(client, api.books(), "aggregate(stock with sum as total)", { query: { $apply: "x" } })).rejects.toThrow(TypeError);
  });
});
