// Entities as read, sent back in a body, over real HTTP on 127.0.0.1: the read-only control
// information a read carries (ETags, edit, read and media links, a navigation property's links,
// counts and next links; JSON Format §4.5.4–§4.5.12) is left out at every depth, in the entities of a
// deep insert or update and in complex values, of a create's, an update's and an action's body. What
// names an entity stays: `@odata.id` below the top (a reference, §8.5, §18), `@odata.context` where
// a read nests it (§4.5.1), `@odata.type`, annotations. test/fixtures/requests/read-info.xml.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";

const dir = generateFixture("requests/read-info.xml", "read-info");
type Api = typeof import("./.generated/read-info/Shop.requests");
type Runtime = typeof import("./.generated/read-info/runtime");
const api: Api = require(path.join(dir, "Shop.requests"));
const rt: Runtime = require(path.join(dir, "runtime"));

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

/** An order with its items and customer expanded, as a 4.01 service writes it with full metadata (without the `odata.` prefix). */
const READ = {
  "@context": "$metadata#Orders(items(),customer())/$entity",
  "@etag": 'W/"o1"',
  "@id": "Orders(1)",
  "@editLink": "Orders(1)",
  id: 1,
  note: "first",
  shipTo: { city: "Oulu", "country@navigationLink": "Orders(1)/shipTo/country", "country@associationLink": "Orders(1)/shipTo/country/$ref" },
  "items@count": 2,
  "items@navigationLink": "Orders(1)/items",
  "items@etag": 'W/"c"',
  items: [{ "@id": "Orders(1)/items(1)", "@etag": 'W/"i1"', "@editLink": "Orders(1)/items(1)", "@type": "#Shop.Item", "@Org.Custom.note": "kept", id: 1, sku: "a" }],
  "items@nextLink": "Orders(1)/items?$skiptoken=1",
  customer: { "@context": "$metadata#Customers/$entity", "@id": "Customers('c')", "@etag": 'W/"c1"', "@readLink": "Customers('c')", "@mediaReadLink": "Customers('c')/$value", id: "c", name: "C" },
};

/** What is left of `READ`, as the client has read it, below the top of a body. */
const ITEMS = [{ "@odata.id": "Orders(1)/items(1)", "@odata.type": "#Shop.Item", "@Org.Custom.note": "kept", id: 1, sku: "a" }];
const CUSTOMER = { "@odata.context": "$metadata#Customers/$entity", "@odata.id": "Customers('c')", id: "c", name: "C" };

/** The order as the client reads it (the prefix added, JSON Format §4.5), from a 4.01 service. */
async function readOrder(client: ReturnType<Runtime["createClient"]>) {
  srv.handle(() => ({ headers: { "OData-Version": "4.01" }, body: READ }));
  return api.getOrder(client, api.orders().byKey(1), { expand: ["items", "customer"] });
}

/** The JSON body of the last request. */
const lastBody = () => JSON.parse(srv.requests[srv.requests.length - 1]!.body) as unknown;

test("an update of an order read with $expand: nested entities and complex values lose their read-only control information", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  const order = await readOrder(client);
  srv.handle(() => ({ status: 204 }));
  await api.updateOrder(client, api.orders().byKey(1), order as never);
  const patch = srv.requests[srv.requests.length - 1]!;
  expect([patch.method, patch.headers["if-match"]]).toEqual(["PATCH", 'W/"o1"']);
  expect(lastBody()).toEqual({ id: 1, note: "first", shipTo: { city: "Oulu" }, items: ITEMS, customer: CUSTOMER });
});

test("a create (a copy with a deep insert) sends the same, at every depth; a Date and a bigint nested stay as they are", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  const order = await readOrder(client);
  srv.handle(() => ({ status: 201, body: { id: 2 } }));
  const added = new Date(Date.UTC(2024, 0, 5));
  const items = [{ ...order.items[0], added }];
  await api.createOrder(client, api.orders(), { ...order, items, note: 9007199254740993n } as never);
  expect(srv.requests[srv.requests.length - 1]!.body).toContain('"note":9007199254740993');
  expect(lastBody()).toEqual({ id: 1, note: 9007199254740993, shipTo: { city: "Oulu" }, items: [{ ...ITEMS[0], added: "2024-01-05T00:00:00.000Z" }], customer: CUSTOMER });
});

test("an action's entity and complex parameters as read: each value without its read-only control information and its own context; its id stays (§18)", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  const order = await readOrder(client);
  srv.handle(() => ({ status: 204 }));
  const address = { "@odata.context": "$metadata#Shop.Address", city: "Turku", "country@odata.navigationLink": "Countries('FI')", "country@odata.bind": "Countries('FI')" };
  await api.resubmit(client, { order: order as never, addresses: [order.shipTo!, address as never] });
  expect(lastBody()).toEqual({
    order: { "@odata.id": "Orders(1)", id: 1, note: "first", shipTo: { city: "Oulu" }, items: ITEMS, customer: CUSTOMER },
    addresses: [{ city: "Oulu" }, { city: "Turku", "country@odata.bind": "Countries('FI')" }],
  });
});
