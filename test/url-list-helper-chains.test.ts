/**
 * `odatagen url --from` follows chains of request helpers: a helper calling another with its
 * parameter in the URL, in the same file or in a module (imported by name, as a namespace, `import
 * * as g`, or by `require`), each level's arguments put in; a depth bound and a cycle guard, each a
 * note (ODG604), never a hang.
 */
import * as path from "node:path";
import { runCliInProcess } from "./helpers/cli-in-process";
import { program } from "./helpers/scratch-program";
import { JsText } from "../generator/parse/requests/js-literals";
import { fetchCalls } from "../generator/parse/requests/fetch-calls";
import { helperCalls } from "../generator/parse/requests/helper-chains";

const LITE = path.join(__dirname, "fixtures", "trippin-lite.xml");
const ODATA = 'const ROOT = "https://example.com/odata";';

async function listed(dir: string, from: string) {
  const r = await runCliInProcess(["url", "-i", LITE, "--from", from, "--json"], dir);
  const json = JSON.parse(r.stdout) as { results: { line: number; method: string; url: string }[]; notes?: { line: number; message: string }[] };
  return { requests: json.results.map((x) => `${x.line} ${x.method} ${x.url}`), notes: (json.notes ?? []).map((n) => `${n.line} ${n.message}`) };
}

test("a namespace import's and a require's members are followed: g.graphGet(…), api.remove(…)", async () => {
  const dir = program({
    "graph.ts": [ODATA, "export async function graphGet(path: string) { return (await fetch(ROOT + path)).json(); }", 'export const remove = (path: string) => fetch(ROOT + path, { method: "DELETE" });'],
    "cjs.js": [ODATA, 'function patch(path) { return fetch(ROOT + path, { method: "PATCH" }); }', "module.exports = { patch };"],
    "app.ts": ['import * as g from "./graph.js";', 'const api = require("./cjs");', 'g.graphGet("/People");', "g.remove(\"/Airlines('AA')\");", "api.patch(\"/People('a')\");", 'g.missing("/Airports");'],
  });
  expect((await listed(dir, "app.ts")).requests).toEqual([
    "3 GET https://example.com/odata/People",
    "4 DELETE https://example.com/odata/Airlines('AA')",
    "5 PATCH https://example.com/odata/People('a')",
  ]);
});

test("a helper calling a helper: its parameter put in at each level, in the same file and through a module's own import; the inner calls' placeholders give way", async () => {
  const dir = program({
    "graph.ts": [ODATA, "export const graphGet = (path: string) => fetch(ROOT + path);"],
    "people.ts": ['import { graphGet } from "./graph";', ODATA, "const one = (id: string) => graphGet(`/People('${id}')`);", "export function trips(id: string) { return one(id); }", "export const friends = (id: string, init: RequestInit) => fetch(ROOT + `/People('${id}')/Friends`, init);", "export const unfriend = (id: string) => friends(id, { method: \"DELETE\" });"],
    "app.ts": [
      ODATA,
      "async function odataGet(path: string) { return (await fetch(ROOT + path)).json(); }",
      "const list = (p: string) => odataGet(p);",
      "const person = (id: string) => odataGet(`/People('${id}')`);",
      'list("/Airports");',
      'person("russell");',
      'import { trips, unfriend } from "./people";',
      'trips("scott");',
      'unfriend("kim");',
    ],
  });
  expect(await listed(dir, "app.ts")).toEqual({
    requests: ["5 GET https://example.com/odata/Airports", "6 GET https://example.com/odata/People('russell')", "8 GET https://example.com/odata/People('scott')", "9 DELETE https://example.com/odata/People('kim')/Friends"],
    notes: [],
  });
});

test("helpers calling each other in a cycle, and a chain deeper than the bound: a note at the program's call, the rest read", async () => {
  const chain = [ODATA, "const h12 = (p: string) => fetch(ROOT + p);", ...Array.from({ length: 12 }, (_, k) => `const h${11 - k} = (p: string) => h${12 - k}(p);`), 'h0("/People");', 'h6("/Airports");'];
  const dir = program({
    "a.ts": ['import { b } from "./b";', ODATA, "export const a = (p: string) => { b(p); return fetch(ROOT + p); };", 'a("/People");'],
    "b.ts": ['import { a } from "./a";', 'export const b = (p: string) => a(p + "/Trips");'],
    "chain.ts": chain,
  });
  const cycle = await listed(dir, "a.ts");
  expect(cycle.requests).toEqual(["4 GET https://example.com/odata/People", "4 GET https://example.com/odata/People/Trips"]);
  expect(cycle.notes).toEqual(["4 a: b \u2192 a \u2192 b call each other: the cycle is followed once"]);
  const deep = await listed(dir, "chain.ts");
  expect(deep.requests).toEqual(["16 GET https://example.com/odata/Airports"]);
  expect(deep.notes).toEqual(["15 h0: the helpers it calls go more than 8 deep: those below are not read"]);
});

test("a program of many helper calls, each one request, is read whole: the cap is on requests beyond one a call", () => {
  const text = ['const ROOT = "https://example.com/odata";', "const g = (p: string) => fetch(ROOT + p);", ...Array.from({ length: 10050 }, (_, k) => `g("/People('x${k}')");`)].join("\n");
  const js = new JsText(text);
  const { calls } = helperCalls(js, (j, from, to) => fetchCalls(text, j, from, to));
  expect(calls.length).toBe(10050);
});
