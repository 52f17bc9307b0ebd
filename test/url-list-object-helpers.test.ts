/**
 * `odatagen url --from <program>` reads request helpers held in an object literal, any number of
 * members deep (up to a bound): `export const graph = { people: { get: (id) => fetch(…) } }`, called in its own file
 * (`graph.people.get("a")`), through a named import or a namespace import
 * (`api.graph.people.get("a")`). A member of such an object that is no helper it reads is a note
 * (ODG604) where it is called, never a request guessed from the member's name.
 */
import * as path from "node:path";
import { runCliInProcess } from "./helpers/cli-in-process";
import { program } from "./helpers/scratch-program";

const LITE = path.join(__dirname, "fixtures", "trippin-lite.xml");
const ODATA = 'const ROOT = "https://example.com/odata";';

async function listed(dir: string) {
  const r = await runCliInProcess(["url", "-i", LITE, "--from", "app.ts", "--json"], dir);
  const json = JSON.parse(r.stdout) as { results: { line: number; method: string; url: string }[]; notes?: { line: number; message: string }[] };
  return { requests: json.results.map((x) => `${x.line} ${x.method} ${x.url}`), notes: (json.notes ?? []).map((n) => `${n.line} ${n.message}`) };
}

const HTTP = [
  ODATA,
  "export const graph = {",
  "  list(path: string) { return fetch(ROOT + path); },",
  "  people: {",
  "    get: async function (id: string) { return fetch(`${ROOT}/People('${id}')`); },",
  '    remove: (id: string) => fetch(`${ROOT}/People(\'${id}\')`, { method: "DELETE" }),',
  '    "patch": async (id: string, body: unknown) => fetch(`${ROOT}/People(\'${id}\')`, { method: "PATCH", body: JSON.stringify(body) }),',
  '    odd: makeGetter("/Airlines"),',
  "  },",
  "};",
  "declare function makeGetter(p: string): (p: string) => Promise<Response>;",
];

test("an object's helpers, methods, arrows and function expressions two members deep, are read in their file, through a named import and through a namespace", async () => {
  const dir = program({
    "http.ts": HTTP,
    "app.ts": [
      'import { graph } from "./http";',
      'import * as api from "./http";',
      'graph.list("/Airports");',
      'graph.people.get("a");',
      'api.graph.people.remove("b");',
      'api.graph.people.patch("c", { FirstName: "x" });',
      'export const local = { people: { get: (id: string) => fetch(`https://example.com/odata/People(\'${id}\')`) } };',
      'local.people.get("d");',
    ],
  });
  const r = await listed(dir);
  expect(r.requests).toEqual([
    "3 GET https://example.com/odata/Airports",
    "4 GET https://example.com/odata/People('a')",
    "5 DELETE https://example.com/odata/People('b')",
    "6 PATCH https://example.com/odata/People('c')",
    "8 GET https://example.com/odata/People('d')",
  ]);
  expect(r.notes).toEqual([]);
});

test("a member of such an object that is no helper read is a note where it is called, not an HTTP client's request guessed", async () => {
  const dir = program({
    "http.ts": HTTP,
    "app.ts": [
      'import { graph } from "./http";',
      'import * as api from "./http";',
      'graph.people.odd("/People");',
      'api.graph.people.missing("/People");',
      'const own = { people: { get: makeGetter("/People") } };',
      'own.people.get("/People");',
      "declare function makeGetter(p: string): (p: string) => Promise<Response>;",
    ],
  });
  const r = await listed(dir);
  expect(r.requests).toEqual([]);
  expect(r.notes).toEqual([
    "1 ./http (http.ts) declares graph.people as an object whose odd is no request helper odatagen reads: the calls of graph.people.odd are not read as requests",
    "2 ./http (http.ts) declares graph.people as an object whose missing is no request helper odatagen reads: the calls of api.graph.people.missing are not read as requests",
    "6 own.people.get: own.people is an object whose get is no request helper odatagen reads: the call is not read as a request",
  ]);
});

test("the run counts the calls of objects' members that are no helper read (imported or the file's own, a nested-too-deep one's too) apart from those of a module not read", async () => {
  const dir = program({
    "http.ts": [...HTTP, `export const tall = ${"{ a: ".repeat(31)}{ get: (id: string) => fetch(ROOT + id) }${" }".repeat(31)};`],
    "app.ts": [
      'import { graph, tall } from "./http";',
      'import { gone } from "./missing";',
      'graph.people.odd("/People");',
      'graph.people.odd("/Airlines");',
      `tall${".a".repeat(31)}.get("/People");`,
      'const own = { people: { get: makeGetter("/People") } };',
      'own.people.get("/People");',
      'own.people.missing("/People");',
      'gone("/People");',
      "declare function makeGetter(p: string): (p: string) => Promise<Response>;",
    ],
  });
  const r = await runCliInProcess(["url", "-i", LITE, "--from", "app.ts", "--json"], dir);
  const json = JSON.parse(r.stdout) as { results: unknown[]; skipped: Record<string, number>; notes: unknown[] };
  expect(json.results).toEqual([]);
  expect(json.notes).toHaveLength(5);
  expect(json.skipped).toEqual({ "call of a helper from a module not read": 1, "call of an object's member that is no helper read": 5 });
  const text = await runCliInProcess(["url", "-i", LITE, "--from", "app.ts"], dir);
  expect(text.stderr).toMatch(/^odatagen: app\.ts: no request to check; left unchecked: 1 call of a helper from a module not read, 5 call of an object's member that is no helper read$/m);
});

test("a member whose value is a known client's method of its own name (get: axios.get) is the client's: its calls are read as an HTTP client's; another name or method stays a note", async () => {
  const dir = program({
    "api.ts": ['import axios from "axios";', "export const api = { get: axios.get, load: axios.get };"],
    "app.ts": [
      'import axios from "axios";',
      'import ky from "ky";',
      'import { api } from "./api";',
      'const ROOT = "https://example.com/odata";',
      "const odata = ky.create({ prefixUrl: ROOT });",
      "const own = { get: axios.get, delete: odata.delete, post: axios.delete };",
      'own.get(ROOT + "/People");',
      "own.delete(ROOT + \"/Airlines('AA')\");",
      'api.get(ROOT + "/Airports");',
      'api.load(ROOT + "/People");',
      'own.post(ROOT + "/People");',
    ],
  });
  const r = await listed(dir);
  expect(r.requests).toEqual(["7 GET https://example.com/odata/People", "8 DELETE https://example.com/odata/Airlines('AA')", "9 GET https://example.com/odata/Airports"]);
  expect(r.notes).toEqual([
    "3 ./api (api.ts) declares api as an object whose load is no request helper odatagen reads: the calls of api.load are not read as requests",
    "11 own.post: own is an object whose post is no request helper odatagen reads: the call is not read as a request",
  ]);
});

test("an object's helpers are read any number of members deep, in their file, through a named import and through a namespace", async () => {
  const dir = program({
    "http.ts": [
      ODATA,
      "export const api = { v1: { travel: { people: { one: { get: (id: string) => fetch(`${ROOT}/People('${id}')`) } } } } };",
      `export const tall = ${"{ a: ".repeat(31)}{ get: (id: string) => fetch(ROOT + id) }${" }".repeat(31)};`,
    ],
    "app.ts": [
      'import { api, tall } from "./http";',
      'import * as ns from "./http";',
      'api.v1.travel.people.one.get("a");',
      'ns.api.v1.travel.people.one.get("b");',
      "const own = { a: { b: { c: { d: { e: { remove: (id: string) => fetch(`https://example.com/odata/Airlines('${id}')`, { method: \"DELETE\" }) } } } } } };",
      'own.a.b.c.d.e.remove("c");',
      `tall${".a".repeat(31)}.get("/People");`,
    ],
  });
  const r = await listed(dir);
  expect(r.requests).toEqual(["3 GET https://example.com/odata/People('a')", "4 GET https://example.com/odata/People('b')", "6 DELETE https://example.com/odata/Airlines('c')"]);
  // An object nested past the bound in an imported module: said at the import, not a client's GET guessed.
  expect(r.notes).toEqual([`1 ./http (http.ts): tall${".a".repeat(31)} is an object nested more than 30 objects deep in its const, whose members are not read: the calls of tall${".a".repeat(31)}.get are not read as requests`]);
});

test("objects nested 20,000 deep, a helper at each level, are read to the bound and a call below it is a note, in linear time", async () => {
  const level = "{ get: (p: string) => fetch(ROOT + p), a: ";
  const deep = `export const deep = ${level.repeat(20000)}1${" }".repeat(20000)};`;
  const r = await listed(program({ "app.ts": [ODATA, deep, `deep${".a".repeat(30)}.get("/People");`, `deep${".a".repeat(31)}.get("/Airlines");`] }));
  // The helpers not called are read as their own requests, their URL made of the parameter; the call 30 objects deep is read, the one 31 deep is said.
  expect(r.requests).toEqual(["2 GET https://example.com/odata{p}", "3 GET https://example.com/odata/People"]);
  expect(r.notes).toEqual([`4 deep${".a".repeat(31)}.get: deep${".a".repeat(31)} is an object nested more than 30 objects deep in its const, whose members are not read: the call is not read as a request`]);
});

test("objects nested 20,000 deep and 5,000 helpers wide are read, not hung on", async () => {
  const deep = `export const deep = ${"{ a: ".repeat(20000)}1${" }".repeat(20000)};`;
  const wide = `export const wide = { ${Array.from({ length: 5000 }, (_, k) => `m${k}: (p: string) => fetch(ROOT + p)`).join(", ")} };`;
  const r = await listed(program({ "app.ts": [ODATA, deep, wide, 'wide.m4999("/People");'] }));
  // The helpers not called are read as their own requests, their URL made of the parameter (as a `const`'s arrow is).
  expect(r.requests).toEqual(["3 GET https://example.com/odata{p}", "4 GET https://example.com/odata/People"]);
});

test("a member that is a function read but no helper (no parameter named) is a call of a function: no note, no request guessed", async () => {
  const STORE = [
    ODATA,
    "export const store = {",
    "  clear() { return 0; },",
    "  get: (...args: string[]) => fetch(ROOT + args[0]),",
    "  log: console.log,",
    "};",
  ];
  const dir = program({
    "store.ts": STORE,
    "app.ts": [
      'import { store } from "./store";',
      "store.clear();",
      'store.get("/People");',
      'export const own = { cache: { reset() { return 0; }, get: (...keys: string[]) => keys[0] } };',
      "own.cache.reset();",
      'own.cache.get("/Airlines");',
      'store.log("/Airports");',
    ],
  });
  const r = await listed(dir);
  expect(r.requests).toEqual([]);
  // A member whose value is not read (`console.log`) is still said.
  expect(r.notes).toEqual(["1 ./store (store.ts) declares store as an object whose log is no request helper odatagen reads: the calls of store.log are not read as requests"]);
});

test("an object declared in a block (a test's mock) is no object of its name outside the block: a client's calls there are read", async () => {
  const dir = program({
    "app.ts": [
      'import axios from "axios";',
      "const client = axios.create();",
      "function mocked() {",
      '  const client = { get: makeGetter("/x") };',
      "  return client;",
      "}",
      'client.get("https://example.com/odata/People");',
      "declare function makeGetter(p: string): (p: string) => Promise<Response>;",
    ],
  });
  const r = await listed(dir);
  expect(r.requests).toEqual(["7 GET https://example.com/odata/People"]);
  expect(r.notes).toEqual([]);
});
