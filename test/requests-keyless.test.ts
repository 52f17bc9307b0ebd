// An entity set whose entity type has no key (test/fixtures/requests/keyless-view.xml: a CAP-style
// view beside a keyed set). CSDL 4.01 §6.5 wants a key of an entity set's type, so ODG106 warns, but the
// collection needs none to be read or posted to: its list and create are generated, over real HTTP
// on 127.0.0.1 here; `byKey` takes no key (`never`, a compile error below, checked by
// typecheck.test.ts) and throws.
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { FIXTURES, generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";

const FIXTURE = path.join(FIXTURES, "requests/keyless-view.xml");
const dir = generateFixture("requests/keyless-view.xml", "keyless");
const api: typeof import("./.generated/keyless/Reports.requests") = require(path.join(dir, "Reports.requests"));
const rt: typeof import("./.generated/keyless/runtime") = require(path.join(dir, "runtime"));

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

test("ODG106 warns at the entity set and says what is generated for it and what is not", () => {
  const { diagnostics } = generate({ inputs: [{ file: FIXTURE, content: fs.readFileSync(FIXTURE, "utf8") }] });
  expect(diagnostics.map((d) => [d.severity, d.code, d.file, d.line, d.column, d.path, d.message])).toEqual([
    [
      "warning",
      "ODG106",
      FIXTURE,
      8,
      9,
      "Reports.EntityContainer/SalesByRegion",
      "entity set SalesByRegion has entity type Reports.SalesByRegion, which has no key (CSDL 4.01 §6.5: an entity set's type has one); list and create are generated for the set, but byKey takes no key, so none of its members is read, updated or deleted on its own",
    ],
  ]);
});

test("the key-less set is read a page at a time, with query options, and its next link followed", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  srv.handle((_r, i) =>
    i === 0
      ? { body: { value: [{ region: "North", total: 12.5 }], "@odata.nextLink": `${srv.url}/SalesByRegion?$skiptoken=1` } }
      : { body: { value: [{ region: "South", total: 3 }] } },
  );
  const first = await api.listSalesByRegions(client, api.salesByRegion(), { select: ["region", "total"], filter: "total gt 1", orderby: "total desc" });
  const region: string | null | undefined = first.value[0].region;
  expect(region).toBe("North");
  const all = await rt.collectAll(client, first);
  expect(all.map((s) => s.region)).toEqual(["North", "South"]);
  expect(srv.requests.map((r) => [r.method, r.url])).toEqual([
    ["GET", "/SalesByRegion?$select=region,total&$filter=total%20gt%201&$orderby=total%20desc"],
    ["GET", "/SalesByRegion?$skiptoken=1"],
  ]);
});

test("an entity is created in the key-less set (POST to the collection, which needs no key)", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  srv.handle(() => ({ status: 201, body: { region: "East", total: 1, orders: 2 } }));
  const created = await api.createSalesByRegion(client, api.salesByRegion(), { region: "East", orders: 2 });
  expect(created.orders).toBe(2);
  expect(srv.requests.map((r) => [r.method, r.url, r.body])).toEqual([["POST", "/SalesByRegion", '{"region":"East","orders":2}']]);
});

test("byKey takes no key: a compile error, and it throws without a request", () => {
  srv.handle(() => ({ status: 404 }));
  // @ts-expect-error the set's entity type has no key (byKey takes never)
  expect(() => api.salesByRegion().byKey("North")).toThrow(/has no key/);
  expect(srv.requests).toHaveLength(0);
});
