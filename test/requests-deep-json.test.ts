// A body nested deeper than the stack goes (JSON.parse takes 200,000 levels; a recursive walk of
// 5,000 overflows): the walks a read makes over it (OData 4.01's renaming of control information,
// IEEE754Compatible counts, a JSON batch's bodies) use no recursion, so the call resolves, or
// rejects with its ODataError, never with `RangeError: Maximum call stack size exceeded`.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";

const dir = generateFixture("trippin-lite.xml", "deep-json", { keyAsSegment: false });
type Api = typeof import("./.generated/deep-json/Travel.Lite.requests");
type Runtime = typeof import("./.generated/deep-json/runtime");
const api: Api = require(path.join(dir, "Travel.Lite.requests"));
const rt: Runtime = require(path.join(dir, "runtime"));

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

const DEPTH = 20_000;
/** `inner` inside DEPTH arrays. */
const nested = (inner: string) => `${"[".repeat(DEPTH)}${inner}${"]".repeat(DEPTH)}`;
/** What is DEPTH arrays down in `value`. */
function bottom(value: unknown): unknown {
  let v = value;
  for (let i = 0; i < DEPTH; i++) v = (v as unknown[])[0];
  return v;
}
const person = (client: ReturnType<Runtime["createClient"]>) => api.getPerson(client, api.people().byKey("a"));

test("OData 4.01: control information is renamed at every depth, the names in their order, __proto__ kept as a name", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  srv.handle(() => ({ headers: { "content-type": "application/json", "odata-version": "4.01" }, body: `{"UserName":"a","X":${nested('{"a":1,"@count":2,"__proto__":{"@etag":"e"},"b":3}')}}` }));
  const got = (await person(client)) as unknown as { X: unknown };
  const deep = bottom(got.X) as Record<string, unknown>;
  expect(Object.keys(deep)).toEqual(["a", "@odata.count", "__proto__", "b"]);
  expect(Object.getPrototypeOf(deep)).toBe(Object.prototype);
  expect(Object.getOwnPropertyDescriptor(deep, "__proto__")?.value).toEqual({ "@odata.etag": "e" });
});

test("IEEE754Compatible: a count as a string is read as a number at every depth", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  srv.handle(() => ({ headers: { "content-type": "application/json;IEEE754Compatible=true" }, body: `{"UserName":"a","X":${nested('{"Trips@odata.count":"3"}')}}` }));
  const got = (await person(client)) as unknown as { X: unknown };
  expect(bottom(got.X)).toEqual({ "Trips@odata.count": 3 });
});

test("an OData 4.01 error body nested so deep is still the service's ODataError", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  srv.handle(() => ({ status: 400, headers: { "content-type": "application/json", "odata-version": "4.01" }, body: `{"error":{"code":"E","message":"m","innererror":{"x":${nested("1")}}}}` }));
  await expect(person(client)).rejects.toMatchObject({ name: "ODataError", status: 400, code: "E", message: "m" });
});

test("a page without value nested so deep rejects as no page (UnreadableBody), its text kept", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  const text = `{"items":${nested("1")}}`;
  srv.handle(() => ({ headers: { "content-type": "application/json" }, body: text }));
  await expect(api.listPersons(client, api.people())).rejects.toMatchObject({ name: "ODataError", code: "UnreadableBody", body: text });
});

test("a JSON batch: a response whose body is nested too deep to write again rejects its call alone", async () => {
  const client = rt.createClient({ baseUrl: srv.url });
  const ok = '{"id":"2","status":200,"headers":{"content-type":"application/json"},"body":{"UserName":"b"}}';
  srv.handle(() => ({ headers: { "content-type": "application/json" }, body: `{"responses":[{"id":"1","status":200,"headers":{"content-type":"application/json"},"body":{"UserName":"a","X":${nested("1")}}},${ok}]}` }));
  const b = rt.batch(client);
  const calls = Promise.allSettled([api.getPerson(b, api.people().byKey("a")), api.getPerson(b, api.people().byKey("b"))]);
  await b.send();
  const [first, second] = await calls;
  expect(first.status === "rejected" && first.reason).toMatchObject({ name: "ODataError", code: "UnreadableBody", message: expect.stringContaining("but the $batch response cannot answer it: its response with id 1 has a body nested too deep to read: Maximum call stack size exceeded") });
  expect(second).toEqual({ status: "fulfilled", value: { UserName: "b" } });
});
