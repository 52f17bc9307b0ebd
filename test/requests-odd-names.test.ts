// Names the generated code must quote rather than trust: names real services use although CSDL
// wants simple identifiers (Graph's `request-id`), names of Object.prototype's members, and names
// with quotes, backticks, dollars, backslashes, slashes and `&`. The output compiles under every
// option the typecheck test uses, a parameter named `constructor` is never read from the prototype,
// and no name changes the shape of a request URL.
import * as fs from "node:fs";
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { anyCompiler, runTsc, tsFiles } from "./helpers/typecheck";

const dir = generateFixture("requests/odd-names.xml", "odd-names", { keyAsSegment: false });

test("the output compiles under the strict options", () => {
  const c = anyCompiler();
  const r = runTsc(c, dir, tsFiles(dir));
  expect(r.output).toBe("");
  expect(r.status).toBe(0);
});

type Fn = (client: unknown, target: unknown, params?: Record<string, unknown>) => Promise<unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const api = require(path.join(dir, "Odd.Names.requests")) as Record<string, Fn> & { things: () => { byKey(k: string): unknown } };

/** A client whose fetch answers every request with `{ "value": "x" }` and records the URLs. */
function recordingClient(): { client: unknown; urls: string[] } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const rt = require(path.join(dir, "runtime")) as { createClient(o: object): unknown };
  const urls: string[] = [];
  const fetch = async (url: string) => {
    urls.push(url);
    return new Response(JSON.stringify({ value: "x" }), { status: 200, headers: { "Content-Type": "application/json" } });
  };
  return { client: rt.createClient({ baseUrl: "http://svc.test", fetch }), urls };
}

test("a singleton named then gets then2(): a module exporting then is a thenable, which await import() would call", async () => {
  expect(Object.keys(api)).not.toContain("then");
  expect(typeof api.then2).toBe("function");
  // What `await import()` does with the module's exports: resolves to them, as they are no thenable.
  await expect(Promise.resolve(api)).resolves.toBe(api);
});

test("an entity set named __proto__ gets __proto__2(): compiled to CommonJS, exports.__proto__ = … sets the module's prototype instead of exporting", async () => {
  // The module's prototype is an Object.prototype (of the realm jest loads it in), not a function.
  expect(typeof Object.getPrototypeOf(api)).toBe("object");
  expect(Object.getPrototypeOf(Object.getPrototypeOf(api))).toBeNull();
  expect(Object.keys(api)).toContain("__proto__2");
  const { client, urls } = recordingClient();
  const set = (api.__proto__2 as unknown as () => { byKey(k: string): unknown })();
  await api.getThing(client, set.byKey("a"));
  expect(urls).toEqual(["http://svc.test/__proto__('a')"]);
});

test("a navigation property named constructor follows no binding, one named __proto__ its own: their addresses, and one from them, are built", async () => {
  const { client, urls } = recordingClient();
  const nav = api as unknown as Record<string, (parent: unknown) => { path: string }>;
  const one = api.things().byKey("a");
  // Bound: `next` leads to `things`, whose own `next` is bound again.
  expect(nav.thingNext!(nav.thingNext!(one)).path).toBe("/things('a')/next/next");
  // Not bound (the table's prototype has a `constructor`, which is no binding).
  const odd = nav.thingConstructor!(one);
  expect(odd.path).toBe("/things('a')/constructor");
  expect(nav.thingNext!(odd).path).toBe("/things('a')/constructor/next");
  await api.getThing(client, nav.thingNext!(odd));
  expect(urls).toEqual(["http://svc.test/things('a')/constructor/next"]);
  // One named __proto__ is bound (the table's key is its own, not the literal's prototype).
  const origin = (ref: unknown) => (ref as { origin: { info: { name?: string } } }).origin.info.name;
  expect(origin(nav.thing__proto__!(one))).toBe("things");
  expect(origin(nav.thingNext!(one))).toBe("things");
  expect(origin(odd)).toBeUndefined();
});

test("a parameter named constructor is sent only when given", async () => {
  const { client, urls } = recordingClient();
  await api.find(client, api.things().byKey("a"), {});
  await api.find(client, api.things().byKey("a"), { constructor: "c", "back`tick": "b" });
  expect(urls.map(decodeURIComponent)).toEqual([
    "http://svc.test/things('a')/Odd.Names.find()",
    "http://svc.test/things('a')/Odd.Names.find(constructor='c',back`tick='b')",
  ]);
});

test("a parameter named constructor is read as an own property, written without parentheses Prettier would take off", () => {
  const text = fs.readFileSync(path.join(dir, "Odd.Names.requests.ts"), "utf8");
  expect(text).toContain('["constructor", "String", Object.hasOwn(params, "constructor") ? params["constructor"] : undefined],');
});

test("names with '/', '&' or '=' are percent-encoded in the URL, not read as its structure", async () => {
  const { client, urls } = recordingClient();
  const action = Object.keys(api).find((k) => /^go/.test(k))!;
  await api[action](client, api.things().byKey("a"));
  await api.where(client, api.things().byKey("a"), { "a&b=c": "v" });
  expect(urls).toEqual([
    "http://svc.test/things('a')/Odd.Names.go%2F..%2Fadmin",
    "http://svc.test/things('a')/Odd.Names.where(a%26b%3Dc='v')",
  ]);
});
