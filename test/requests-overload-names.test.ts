// Overloads of one operation are named by what tells them apart (operation-names.ts): a collection
// binding beside a single one by the type's plural, overloads of one binding by `With` and the
// parameters not all of them have, the one with the fewest keeping the plain name; a number only
// when that name is taken too. Each name is called here and must send its own overload's URL.
import * as fs from "node:fs";
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { anyCompiler, runTsc, tsFiles } from "./helpers/typecheck";

const dir = generateFixture("requests/overload-names.xml", "overload-names");
const source = fs.readFileSync(path.join(dir, "Over.requests.ts"), "utf8");
type Api = typeof import("./.generated/overload-names/Over.requests");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const api: Api = require(path.join(dir, "Over.requests"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rt = require(path.join(dir, "runtime")) as typeof import("./.generated/overload-names/runtime");

/** The doc comment's last line above each exported function, by function name. */
function docs(): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of source.matchAll(/\/\*\* (.*?) \*\/\nexport function (\w+)/g)) found.set(m[2], m[1]);
  return found;
}

/** A client answering every request with `{ "value": ... }`, recording the URLs (decoded). */
function recording(): { client: ReturnType<typeof rt.createClient>; urls: string[] } {
  const urls: string[] = [];
  const fetch = async (url: string | URL | Request) => {
    urls.push(decodeURIComponent(String(url)).replace("http://svc.test", ""));
    return new Response(JSON.stringify({ value: [] }), { status: 200, headers: { "Content-Type": "application/json" } });
  };
  return { client: rt.createClient({ baseUrl: "http://svc.test", fetch }), urls };
}

test("bound to a collection beside an overload bound to one entity: the type's plural", async () => {
  expect([...docs()].filter(([, doc]) => doc.startsWith("Action `Over.like`"))).toEqual([
    ["like", "Action `Over.like`, bound to `Over.person`."],
    ["partsLike", "Action `Over.like`, bound to a collection of `Over.part`."],
    ["partLike", "Action `Over.like`, bound to `Over.part`."],
    ["categoryLike", "Action `Over.like`, bound to `Over.category`."],
    ["categoriesLike", "Action `Over.like`, bound to a collection of `Over.category`."],
    // No overload bound to one folder: the type's own name.
    ["folderLike", "Action `Over.like`, bound to a collection of `Over.folder`."],
  ]);
  const { client, urls } = recording();
  await api.partsLike(client, api.parts());
  await api.partLike(client, api.parts().byKey("p"));
  await api.categoriesLike(client, api.categories());
  expect(urls).toEqual(["/parts/Over.like", "/parts('p')/Over.like", "/categories/Over.like"]);
});

test("overloads of one binding: the fewest parameters keep the name, the others add With and the parameters not all have", async () => {
  const names = [...docs()].filter(([, doc]) => /`Over\.(delta|image|find|report)`/.test(doc)).map(([name]) => name);
  // In document order; `folderDelta` takes its type's name because `delta` is the people's, and its overload follows it.
  expect(names).toEqual(["delta", "folderDeltaWithToken", "folderDelta", "imageWithWidthHeight", "image", "imageWithWidth", "find", "findWithD", "report", "reportWithPeriod"]);
  const { client, urls } = recording();
  const folder = api.folders().byKey("f");
  const chart = api.charts().byKey("c");
  await api.folderDelta(client, folder);
  await api.folderDeltaWithToken(client, folder, { token: "t" });
  await api.image(client, chart);
  await api.imageWithWidth(client, chart, { width: 1 });
  await api.imageWithWidthHeight(client, chart, { width: 1, height: 2 });
  await api.findWithD(client, chart, { a: "x", d: 3 });
  await api.reportWithPeriod(client, chart, { period: "D7" });
  expect(urls).toEqual([
    "/folders('f')/Over.delta()",
    "/folders('f')/Over.delta(token='t')",
    "/charts('c')/Over.image()",
    "/charts('c')/Over.image(width=1)",
    "/charts('c')/Over.image(width=1,height=2)",
    "/charts('c')/Over.find(a='x',d=3)",
    "/charts('c')/Over.report(period='D7')",
  ]);
});

test("an action and a function of one name and binding are no overloads: the action keeps the name, the function takes its type's", async () => {
  expect([...docs()].filter(([, doc]) => /`Over\.browse`/.test(doc))).toEqual([
    ["browse", "Action `Over.browse`, bound to `Over.sheet`."],
    ["sheetBrowse", "Function `Over.browse`, bound to `Over.sheet`."],
  ]);
  const { client, urls } = recording();
  await api.browse(client, api.sheets().byKey("s"), { itemKey: "k", filter: null });
  await api.sheetBrowse(client, api.sheets().byKey("s"), { token: "t" });
  expect(urls).toEqual(["/sheets('s')/Over.browse", "/sheets('s')/Over.browse(token='t')"]);
});

test("an import's overloads are named the same way", async () => {
  const { client, urls } = recording();
  await api.search(client, { text: "a" });
  await api.searchWithTop(client, { text: "a", top: 5 });
  expect(urls).toEqual(["/search(text='a')", "/search(text='a',top=5)"]);
});

test("a composable overload's address builder is named as its function is, plus Ref", () => {
  expect(decodeURIComponent(api.rangeWithAddressRef(api.sheets().byKey("s"), { address: "A1:B2" }).path)).toBe("/sheets('s')/Over.range(address='A1:B2')");
  expect(api.rangeRef(api.sheets().byKey("s")).path).toBe("/sheets('s')/Over.range()");
});

test("a name still taken gets a number", async () => {
  // `size` and `Size` both read `WithSize`.
  expect([...docs().keys()].filter((n) => n.startsWith("grow"))).toEqual(["grow", "growWithSize", "growWithSize2"]);
  const { client, urls } = recording();
  await api.growWithSize2(client, api.charts().byKey("c"), { Size: 4 });
  expect(urls).toEqual(["/charts('c')/Over.grow(Size=4)"]);
});

test("the output compiles under the strict options", () => {
  const c = anyCompiler();
  const r = runTsc(c, dir, tsFiles(dir));
  expect(r.output).toBe("");
  expect(r.status).toBe(0);
});
