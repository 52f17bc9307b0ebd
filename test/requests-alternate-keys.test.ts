// Alternate keys (Core.AlternateKeys) in the request functions, over real HTTP on 127.0.0.1:
// test/fixtures/requests/alternate-keys.xml declares them inline on a type (a GUID and a string, as
// Graph's application), by an <Annotations> block (a string and an Int64 together), on a base type,
// on an entity set, on a navigation property, and through a complex property with an Alias.
// `byKey({ appId })` writes `(appId=…)` with the value as a literal of its type, in parentheses
// even where the service writes its keys as segments; everything that takes an address takes it.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";

const dir = generateFixture("requests/alternate-keys.xml", "altkeys");
const api: typeof import("./.generated/altkeys/Dir.requests") = require(path.join(dir, "Dir.requests"));
const rt: typeof import("./.generated/altkeys/runtime") = require(path.join(dir, "runtime"));
const segmentDir = generateFixture("requests/alternate-keys.xml", "altkeys-segment", { keyAsSegment: true });
const seg: typeof import("./.generated/altkeys-segment/Dir.requests") = require(path.join(segmentDir, "Dir.requests"));
const segRt: typeof import("./.generated/altkeys-segment/runtime") = require(path.join(segmentDir, "runtime"));

const GUID = "00000003-0000-0000-c000-000000000000";

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});
beforeEach(() => {
  srv.requests.length = 0;
  srv.handle(() => ({ body: { id: "a1" } }));
});

const urls = () => srv.requests.map((r) => [r.method, decodeURIComponent(r.url)]);

test("string, GUID, composite (Int64), inherited, set and navigation alternate keys are written with their names, each value a literal of its type", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  await api.getApplication(client, api.applications().byKey({ appId: GUID }));
  await api.getApplication(client, api.applications().byKey({ uniqueName: "O'Neil app" }));
  await api.getApplication(client, api.applications().byKey("a1"));
  await api.getDevice(client, api.devices().byKey({ vendor: "acme", serial: 9007199254740993n }));
  await api.getDevice(client, api.devices().byKey({ serial: "12", vendor: "x/y" }));
  await api.getBook(client, api.books().byKey({ code: "B-1" }));
  await api.getMember(client, api.members().byKey({ email: "a@b.c" }));
  await api.getMember(client, api.members().byKey({ badgeNumber: 7 }));
  await api.getMember(client, api.applicationOwners(api.applications().byKey({ appId: GUID })).byKey({ userName: "kim" }));
  expect(srv.requests.map((r) => r.url)).toEqual([
    `/applications(appId=${GUID})`,
    "/applications(uniqueName='O''Neil%20app')",
    "/applications('a1')",
    "/devices(vendor='acme',serial=9007199254740993)",
    "/devices(vendor='x%2Fy',serial=12)",
    "/books(code='B-1')",
    "/members(email='a%40b.c')",
    "/members(badgeNumber=7)",
    `/applications(appId=${GUID})/owners(userName='kim')`,
  ]);
});

test("with key-as-segment the key is a segment, an alternate key still in parentheses with its name", async () => {
  const client = segRt.createClient({ baseUrl: srv.url });
  await seg.getApplication(client, seg.applications().byKey("a1"));
  await seg.getApplication(client, seg.applications().byKey({ appId: GUID }));
  await seg.getDevice(client, seg.devices().byKey({ vendor: "acme", serial: 1 }));
  await seg.getMember(client, seg.applicationOwners(seg.applications().byKey({ uniqueName: "x" })).byKey({ userName: "kim" }));
  expect(urls()).toEqual([
    ["GET", "/applications/a1"],
    ["GET", `/applications(appId=${GUID})`],
    ["GET", "/devices(vendor='acme',serial=1)"],
    ["GET", "/applications(uniqueName='x')/owners(userName='kim')"],
  ]);
});

test("update (an upsert with Prefer: create-if-missing), delete, a bound action, $ref and $batch take an entity so addressed", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  const app = api.applications().byKey({ uniqueName: "my-app" });
  srv.handle((r) => (r.method === "PATCH" ? { status: 201, body: { id: "n1", uniqueName: "my-app", displayName: "Mine" } } : r.method === "POST" && r.url.endsWith("$batch") ? { body: { responses: [{ id: "1", status: 204 }] } } : r.method === "POST" ? { body: { value: "secret" } } : { status: 204 }));
  const created = await api.updateApplication(client, app, { displayName: "Mine" }, { headers: { Prefer: "create-if-missing" } });
  expect(created?.id).toBe("n1");
  await api.deleteApplication(client, app);
  expect(await api.addPassword(client, app, { displayName: "k" })).toEqual({ value: "secret" });
  await rt.addRef(client, api.applicationOwners(app), api.members().byKey({ email: "kim@x" }));
  const b = rt.batch(client);
  const removed = api.deleteMember(b, api.members().byKey({ badgeNumber: 3 }));
  await b.send();
  await removed;
  expect(srv.requests.map((r) => [r.method, r.url, r.headers.prefer ?? ""])).toEqual([
    ["PATCH", "/applications(uniqueName='my-app')", "create-if-missing"],
    ["DELETE", "/applications(uniqueName='my-app')", ""],
    ["POST", "/applications(uniqueName='my-app')/Dir.addPassword", ""],
    ["POST", "/applications(uniqueName='my-app')/owners/$ref", ""],
    ["POST", "/$batch", expect.any(String)],
  ]);
  expect(JSON.parse(srv.requests[3].body)).toEqual({ "@odata.id": `${srv.url}/members(email='kim%40x')` });
  expect(JSON.parse(srv.requests[4].body).requests[0]).toMatchObject({ method: "DELETE", url: "members(badgeNumber=3)" });
});

test("an object that is no alternate key is read as the key, which names what is missing", () => {
  // From JavaScript, or through a cast: `{ appId, uniqueName }` is neither alternate key.
  expect(() => api.applications().byKey({ appId: GUID, uniqueName: "x" } as unknown as { appId: string })).toThrow("key property id is missing");
  expect(() => api.applications().byKey({ appId: undefined } as unknown as { appId: string })).toThrow("key property appId is missing");
  expect(() => api.applications().byKey({ appId: "not a guid" })).toThrow(/^key property appId: /);
});
