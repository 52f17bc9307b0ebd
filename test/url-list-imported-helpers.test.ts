/**
 * `odatagen url --from` and `--include @file` on a program whose request helpers are in another of
 * its modules: `import { graphGet } from "./graph.js"` (or `require`), the module read once, one
 * level. A module that cannot be read, or a file importing itself, is a note (ODG604), never an
 * error; modules importing each other are each read once.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { startCli, writeJson } from "./helpers/cli";
import { Output } from "./helpers/child";
import { runCliInProcess } from "./helpers/cli-in-process";
import { program } from "./helpers/scratch-program";
import { generate } from "../generator/index";

const LITE = path.join(__dirname, "fixtures", "trippin-lite.xml");

async function results(dir: string, from: string) {
  const r = await runCliInProcess(["url", "-i", LITE, "--from", from, "--json"], dir);
  const json = JSON.parse(r.stdout) as { results: { line: number; method: string; url: string; ok: boolean }[] };
  return { code: r.code, requests: json.results.map((x) => `${x.line} ${x.method} ${x.url} ${x.ok ? "ok" : "refused"}`), stderr: r.stderr };
}

const ODATA = 'const ROOT = "https://example.com/odata";';

test("a helper imported from the program's own module is followed: ESM with a .js specifier for a .ts file, an alias, a default export, and require", async () => {
  const dir = program({
    "src/graph.ts": [ODATA, "export async function odataGet(path: string) {", "  return (await fetch(ROOT + path)).json();", "}", "export const remove = (path: string) => fetch(`${ROOT}${path}`, { method: \"DELETE\" });"],
    "src/request.ts": [ODATA, "export default function request(path: string) {", '  return fetch(ROOT + path, { method: "POST", body: "{}" });', "}"],
    "src/cjs.js": [ODATA, "function patch(path) {", '  return fetch(ROOT + path, { method: "PATCH" });', "}", "module.exports = { patch };"],
    "src/app.ts": [
      'import { odataGet, remove as drop } from "./graph.js";',
      'import request from "./request";',
      'const { patch } = require("./cjs");',
      'export const people = () => odataGet("/People");',
      "export const airline = (id: string) => drop(`/Airlines('${id}')`);",
      'export const add = () => request("/People");',
      "export const edit = (id: string) => patch(`/People('${id}')`);",
      'export const typo = () => odataGet("/Peple");',
    ],
  });
  expect(await results(dir, "src/app.ts")).toEqual({
    code: 1,
    requests: [
      "4 GET https://example.com/odata/People ok",
      "5 DELETE https://example.com/odata/Airlines('{id}') ok",
      "6 POST https://example.com/odata/People ok",
      "7 PATCH https://example.com/odata/People('{id}') ok",
      "8 GET https://example.com/odata/Peple refused",
    ],
    stderr: expect.any(String),
  });
});

test("an arrow whose lone parameter is unparenthesised (p => …) is a helper as (p) => … is: a default export, a const, an object's member, async too", async () => {
  const dir = program({
    "get.ts": [ODATA, "export default p => fetch(ROOT + p);"],
    "remove.js": [ODATA, 'module.exports = async path => fetch(ROOT + path, { method: "DELETE" });'],
    "app.ts": [
      'import get from "./get";',
      'import remove from "./remove.js";',
      ODATA,
      "const person = id => fetch(`${ROOT}/People('${id}')`);",
      'export const api = { airline: async code => fetch(`${ROOT}/Airlines(\'${code}\')`), trips: { of: id => fetch(`${ROOT}/People(\'${id}\')/Trips`) } };',
      'get("/Airports");',
      "remove(\"/People('a')\");",
      'person("b");',
      'api.airline("AA");',
      'api.trips.of("c");',
    ],
  });
  expect(await results(dir, "app.ts")).toEqual({
    code: 0,
    requests: [
      "6 GET https://example.com/odata/Airports ok",
      "7 DELETE https://example.com/odata/People('a') ok",
      "8 GET https://example.com/odata/People('b') ok",
      "9 GET https://example.com/odata/Airlines('AA') ok",
      "10 GET https://example.com/odata/People('c')/Trips ok",
    ],
    stderr: expect.not.stringMatching(/ODG604/),
  });
});

test("a helper a function declares by the name of an imported one is that name's only inside the function: elsewhere the call is the imported helper's", async () => {
  const dir = program({
    "src/http.ts": [ODATA, "export const del = (path: string) => fetch(ROOT + path, { method: \"DELETE\" });"],
    "src/app.ts": [
      'import { del } from "./http";',
      ODATA,
      "del(\"/Airlines('a')\");",
      "export function edit() {",
      '  const del = (p: string) => fetch(ROOT + p, { method: "PATCH" });',
      "  return del(\"/People('b')\");",
      "}",
      "del(\"/Airlines('c')\");",
    ],
  });
  expect((await results(dir, "src/app.ts")).requests).toEqual([
    "3 DELETE https://example.com/odata/Airlines('a') ok",
    "6 PATCH https://example.com/odata/People('b') ok",
    "8 DELETE https://example.com/odata/Airlines('c') ok",
  ]);
});

test("a parameter or local variable named as an imported helper is not the helper in its scope: its calls there are no request", async () => {
  const dir = program({
    "src/http.ts": [ODATA, 'export const del = (path: string) => fetch(ROOT + path, { method: "DELETE" });'],
    "src/app.ts": [
      'import { del } from "./http";',
      'import * as h from "./http";',
      "export function run(del: (p: string) => void, h: { del(p: string): void }) {",
      "  del(\"/Airlines('a')\");",
      "  h.del(\"/Airlines('b')\");",
      "}",
      "export const each = (ids: string[]) => ids.forEach((del) => del(\"/People('c')\"));",
      "export function later() {",
      "  let del = console.log;",
      "  del(\"/People('d')\");",
      "}",
      "del(\"/Airports('e')\");",
      "h.del(\"/Airports('f')\");",
    ],
  });
  expect((await results(dir, "src/app.ts")).requests).toEqual([
    "12 DELETE https://example.com/odata/Airports('e') ok",
    "13 DELETE https://example.com/odata/Airports('f') ok",
  ]);
});

test("a module that cannot be read, a file importing itself: a note at the import, the rest read; modules importing each other are each read once", async () => {
  const dir = program({
    "a.ts": ['import { bGet } from "./b";', 'import { gone } from "./missing.js";', 'import { self } from "./a";', ODATA, "export const self = () => 1;", 'bGet("/Airports");', 'gone("/People");', "self();"],
    "b.ts": ['import { ROOT } from "./a";', "export const bGet = (path: string) => fetch(ROOT + path);", ODATA],
  });
  const r = await results(dir, "a.ts");
  expect(r.requests).toEqual(["6 GET https://example.com/odata/Airports ok"]);
  expect(r.code).toBe(0);
  const plain = await runCliInProcess(["url", "-i", LITE, "--from", "a.ts"], dir);
  expect(plain.stderr).toMatch(/a\.ts:2:23: info ODG604: \.\/missing\.js \(missing\.js\) is no file \(nor missing\.ts, missing\.tsx, …\): the calls of gone are not read as requests/);
  expect(plain.stderr).toMatch(/a\.ts:3:23: info ODG604: \.\/a is a\.ts itself: the calls of self are not read as requests/);
});

test("--include @app.ts keeps what the imported helper's calls address", async () => {
  const dir = program({
    "graph.ts": [ODATA, "export const odataGet = (path: string) => fetch(ROOT + path);"],
    "app.ts": ['import { odataGet } from "./graph";', 'odataGet("/Airlines");'],
  });
  const r = await runCliInProcess(["generate", "-i", LITE, "-o", "out", "--include", "@app.ts"], dir);
  expect(r.stderr).not.toMatch(/ODG30[78]/);
  expect(r.code).toBe(0);
  const types = fs.readFileSync(path.join(dir, "out", "Travel.Lite.types.ts"), "utf8");
  expect(types).toMatch(/export interface Airline\b/);
  expect(types).not.toMatch(/export interface Person\b/);
});

/** A helper whose body reads its first parameter, or (`second`) its second: a change of graph.ts alone that changes what app.ts's call addresses. */
const helperReading = (second: boolean) => [ODATA, `export const odataGet = (path: string, other: string) => fetch(ROOT + ${second ? "other" : "path"});`];
const APP = ['import { odataGet } from "./graph.js";', 'odataGet("/Airlines", "/People");'];
/** Whether the slice keeps Person (GET /People keeps it; GET /Airlines does not). */
const keepsPerson = (file: string) => /export interface Person\b/.test(fs.readFileSync(file, "utf8"));

/** The same helper as JavaScript (graph.js). */
const helperReadingJs = (second: boolean) => helperReading(second).join("\n").replace(/: string/g, "");

test("--include @app.ts records the module it imports a helper from, and the one looked for before it: a change to either alone makes the slice again", async () => {
  // Only graph.js: graph.ts, which a TypeScript file's ./graph.js names first, is looked for in vain.
  const dir = program({ "graph.js": [helperReadingJs(false)], "app.ts": APP });
  const generate = () => runCliInProcess(["generate", "-i", LITE, "-o", "out", "--include", "@app.ts"], dir);
  const types = path.join(dir, "out", "Travel.Lite.types.ts");
  expect((await generate()).code).toBe(0);
  expect(keepsPerson(types)).toBe(false);
  expect((await generate()).stdout).toMatch(/up to date/);
  // graph.js alone changes: its helper now requests its second argument.
  fs.writeFileSync(path.join(dir, "graph.js"), helperReadingJs(true));
  const changed = await generate();
  expect(changed.stdout).not.toMatch(/up to date/);
  expect(keepsPerson(types)).toBe(true);
  expect((await generate()).stdout).toMatch(/up to date/);
  // A graph.ts beside it now (./graph.js in a TypeScript file names it first): read instead.
  fs.writeFileSync(path.join(dir, "graph.ts"), helperReading(false).join("\n"));
  const added = await generate();
  expect(added.stdout).not.toMatch(/up to date/);
  expect(keepsPerson(types)).toBe(false);
});

test("generate --watch regenerates when a module app.ts imports a helper from changes", async () => {
  const dir = program({ "graph.ts": helperReading(false), "app.ts": APP });
  fs.copyFileSync(LITE, path.join(dir, "trippin.xml"));
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "trips", input: "trippin.xml", out: "gen", include: "@app.ts" }] });
  const child = startCli(["generate", "--watch"], dir, { ODATAGEN_WATCH_DEBOUNCE_MS: "100" });
  try {
    const out = new Output(child);
    await out.wait(/watching \d+ file\(s\)/, 30000, 0);
    const types = path.join(dir, "gen", "Travel.Lite.types.ts");
    expect(keepsPerson(types)).toBe(false);
    const mark = out.text.length;
    fs.writeFileSync(path.join(dir, "graph.ts"), helperReading(true).join("\n"));
    await out.wait(/regenerated in \d+ ms/, 30000, mark);
    expect(out.text.slice(mark)).toMatch(/changed: graph\.ts/);
    expect(keepsPerson(types)).toBe(true);
  } finally {
    child.kill("SIGKILL");
  }
});

test("a namespace from a module that cannot be read: its member calls are the note's, not guessed an HTTP client's requests", async () => {
  const dir = program({
    "app.ts": [
      'import * as api from "./missing";',
      'import * as self from "./app";',
      'api.get("/People");',
      "api.users.delete(\"/People('a')\");",
      'self.patch("/Airlines");',
      ODATA,
      'fetch(ROOT + "/Airports");',
    ],
  });
  const r = await results(dir, "app.ts");
  expect(r.requests).toEqual(["7 GET https://example.com/odata/Airports ok"]);
  const json = JSON.parse((await runCliInProcess(["url", "-i", LITE, "--from", "app.ts", "--json"], dir)).stdout) as { skipped: Record<string, number>; notes: { line: number; message: string }[] };
  expect(json.skipped).toEqual({ "call of a helper from a module not read": 3 });
  expect(json.notes.map((n) => `${n.line} ${n.message}`)).toEqual([
    "1 ./missing (missing) is no file (nor missing.ts, missing.tsx, missing.mts, …): the calls of api are not read as requests",
    "2 ./app is app.ts itself: the calls of self are not read as requests",
  ]);
});

test("a program whose only requests go through a module that cannot be read: the note says why, not that it has no literal URL", async () => {
  const dir = program({ "app.ts": ['import { graphGet } from "./graph.js";', 'export const people = () => graphGet("/People");'] });
  const listed = await runCliInProcess(["url", "-i", LITE, "--from", "app.ts"], dir);
  expect(listed.code).toBe(1);
  expect(listed.stderr).toMatch(/^app\.ts:1:27: info ODG604: \.\/graph\.js \(graph\.js\) is no file/m);
  expect(listed.stderr).not.toMatch(/literal URL/);
  const sliced = await runCliInProcess(["generate", "-i", LITE, "-o", "out", "--include", "@app.ts"], dir);
  expect(sliced.code).toBe(1);
  expect(sliced.stderr).toMatch(/error ODG302: --include @app\.ts: it has no request that can be read \(line 1: \.\/graph\.js \(graph\.js\) is no file/);
});

test("generate() given the same files of requests again reads the imported module again: a change to graph.ts between runs is seen", () => {
  const dir = program({ "graph.ts": helperReading(false), "app.ts": APP });
  const includeRequests = [{ file: path.join(dir, "app.ts"), content: APP.join("\n") }];
  const inputs = [{ file: LITE, content: fs.readFileSync(LITE, "utf8") }];
  const personKept = () => /export interface Person\b/.test(generate({ inputs, includeRequests }).files.get("Travel.Lite.types.ts")!);
  expect(personKept()).toBe(false);
  fs.writeFileSync(path.join(dir, "graph.ts"), helperReading(true).join("\n"));
  expect(personKept()).toBe(true);
});

test("generate() given a program's text reads the modules it imports helpers from on the disk, beside `file`: a relative one from the working folder", () => {
  const inputs = [{ file: LITE, content: fs.readFileSync(LITE, "utf8") }];
  const kept = (includeRequests: { file: string; content: string }[]) => {
    const types = generate({ inputs, includeRequests }).files.get("Travel.Lite.types.ts")!;
    return ["Person", "Airline"].filter((t) => new RegExp(`export interface ${t}\\b`).test(types));
  };
  const dir = program({ "graph.ts": helperReading(false) });
  const other = program({ "graph.ts": helperReading(true) });
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    expect(kept([{ file: "app.ts", content: APP.join("\n") }])).toEqual(["Airline"]);
    expect(kept([{ file: path.join(other, "app.ts"), content: APP.join("\n") }])).toContain("Person");
  } finally {
    process.chdir(cwd);
  }
});
