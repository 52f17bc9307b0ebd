/**
 * `odatagen url --from <program>` follows the re-exports of the modules a program imports its
 * request helpers from: `export { get, del as remove } from "../http"` and `export * from
 * "./more"` in an `index.ts`, module to module; a cycle of re-exports is a note (ODG604), never a hang.
 */
import * as path from "node:path";
import { runCliInProcess } from "./helpers/cli-in-process";
import { program } from "./helpers/scratch-program";

const LITE = path.join(__dirname, "fixtures", "trippin-lite.xml");
const ODATA = 'const ROOT = "https://example.com/odata";';

async function listed(dir: string) {
  const r = await runCliInProcess(["url", "-i", LITE, "--from", "app.ts", "--json"], dir);
  const json = JSON.parse(r.stdout) as { results: { line: number; method: string; url: string }[]; notes?: { line: number; message: string }[]; skipped: Record<string, number> };
  return { requests: json.results.map((x) => `${x.line} ${x.method} ${x.url}`), notes: (json.notes ?? []).map((n) => `${n.line} ${n.message}`), skipped: json.skipped };
}

test("an index's re-exports are followed: named, renamed, `export *`, and through another index", async () => {
  const dir = program({
    "http.ts": [ODATA, "export const get = (p: string) => fetch(ROOT + p);", 'export const del = (p: string) => fetch(ROOT + p, { method: "DELETE" });'],
    "more.ts": [ODATA, 'export const patch = (p: string) => fetch(ROOT + p, { method: "PATCH" });'],
    "api/index.ts": ['export { get, del as remove } from "../http";', 'export * from "../more";'],
    "outer/index.ts": ['export * from "../api";'],
    "app.ts": [
      'import { get, remove, patch } from "./api";',
      'import * as api from "./outer";',
      'get("/People");',
      "remove(\"/People('a')\");",
      'patch("/Airlines(\'b\')");',
      'api.remove("/Airports");',
    ],
  });
  const r = await listed(dir);
  expect(r.requests).toEqual([
    "3 GET https://example.com/odata/People",
    "4 DELETE https://example.com/odata/People('a')",
    "5 PATCH https://example.com/odata/Airlines('b')",
    "6 DELETE https://example.com/odata/Airports",
  ]);
  expect(r.notes).toEqual([]);
});

test("a cycle of re-exports is a note at the import, not a hang; a helper found past a cycle is still read", async () => {
  const dir = program({
    "http.ts": [ODATA, 'export const del = (p: string) => fetch(ROOT + p, { method: "DELETE" });'],
    "a.ts": ['export * from "./b";'],
    "b.ts": ['export * from "./a";', 'export { del } from "./http";'],
    "app.ts": ['import { del, missing } from "./a";', 'del("/People");', 'missing("/Airlines");'],
  });
  const r = await listed(dir);
  expect(r.requests).toEqual(["2 DELETE https://example.com/odata/People"]);
  expect(r.notes).toEqual(["1 ./a (a.ts) re-exports missing in a cycle (a.ts \u2192 b.ts \u2192 a.ts): the calls of missing are not read as requests"]);
  expect(r.skipped).toEqual({ "call of a helper from a module not read": 1 });
});

test("a namespace re-exported (`export * as http`) and a default export re-exported by name (`export { default as get }`) are followed", async () => {
  const dir = program({
    "http.ts": [ODATA, 'export const del = (p: string) => fetch(ROOT + p, { method: "DELETE" });', "export default function get(p: string) {", "  return fetch(ROOT + p);", "}"],
    "more.ts": [ODATA, 'const patch = (p: string) => fetch(ROOT + p, { method: "PATCH" });', "export default patch;"],
    "index.ts": ['export * as http from "./http";', 'export { default as get } from "./http";', 'export { default as patch, default } from "./more";'],
    "outer.ts": ['export { http as api } from "./index";'],
    "app.ts": [
      'import { http, get, patch } from "./index";',
      'import edit from "./index";',
      'import { api } from "./outer";',
      'http.del("/People");',
      "get(\"/People('a')\");",
      'patch("/Airlines(\'b\')");',
      'edit("/Airports");',
      "api.get(\"/Airlines('c')\");",
    ],
  });
  const r = await listed(dir);
  expect(r.requests).toEqual([
    "4 DELETE https://example.com/odata/People",
    "5 GET https://example.com/odata/People('a')",
    "6 PATCH https://example.com/odata/Airlines('b')",
    "7 PATCH https://example.com/odata/Airports",
    "8 GET https://example.com/odata/Airlines('c')",
  ]);
  expect(r.notes).toEqual([]);
});

test("a re-exported namespace or default that cannot be followed is a note (ODG604), not silence", async () => {
  const dir = program({
    "anon.ts": [ODATA, "export default (p: string) => fetch(ROOT + p);"],
    "made.ts": ["export default makeClient();", "declare function makeClient(): (p: string) => Promise<Response>;"],
    "short.ts": [ODATA, "export default (...p: string[]) => fetch(ROOT + p[0]);"],
    "index.ts": ['export * as gone from "./missing";', 'export { default as made } from "./made";'],
    "app.ts": ['import { gone, made } from "./index";', 'import direct from "./made";', 'import short from "./short";', 'gone.send("/People");', 'made("/Airlines");', 'direct("/Airports");', 'short("/People");'],
  });
  const r = await listed(dir);
  expect(r.requests).toEqual([]);
  expect(r.notes).toEqual([
    "1 ./index (index.ts) re-exports gone from ./missing, which is no file (nor missing.ts, missing.tsx, missing.mts, …): the calls of gone.send are not read as requests",
    "1 ./index (index.ts) re-exports the default export of ./made, no function (makeClient();…): the calls of made are not read as requests",
    "2 ./made (made.ts) exports as its default no function (makeClient();…): the calls of direct are not read as requests",
    "3 ./short (short.ts) exports as its default a function that is no request helper odatagen reads: the calls of short are not read as requests",
  ]);
  expect(r.skipped).toEqual({ "call of a helper from a module not read": 4 });
});

test("anonymous default exports (a function, an arrow, module.exports') and a default export or `export { }` of an imported name are read as helpers", async () => {
  const dir = program({
    "fn.ts": [ODATA, "export default async function (p: string) {", "  return fetch(ROOT + p);", "}"],
    "arrow.ts": [ODATA, 'export default async (p: string) => fetch(ROOT + p, { method: "DELETE" });'],
    "cjs.js": ['const ROOT = "https://example.com/odata";', 'module.exports = (p) => fetch(ROOT + p, { method: "PATCH" });'],
    "h.ts": [ODATA, "export const get = (p: string) => fetch(ROOT + p);"],
    "again.ts": ['import { get } from "./h";', "export default get;"],
    "named.ts": ['import patch from "./cjs";', 'import * as h from "./h";', "export { patch as edit, h };"],
    "index.ts": ['export { default as remove } from "./arrow";'],
    "app.ts": [
      'import list from "./fn";',
      'import { remove } from "./index";',
      'import fetchIt from "./again";',
      'import { edit, h } from "./named";',
      'list("/People");',
      "remove(\"/People('a')\");",
      "fetchIt(\"/Airlines('b')\");",
      'edit("/Airports");',
      "h.get(\"/Airports('c')\");",
    ],
  });
  const r = await listed(dir);
  expect(r.requests).toEqual([
    "5 GET https://example.com/odata/People",
    "6 DELETE https://example.com/odata/People('a')",
    "7 GET https://example.com/odata/Airlines('b')",
    "8 PATCH https://example.com/odata/Airports",
    "9 GET https://example.com/odata/Airports('c')",
  ]);
  expect(r.notes).toEqual([]);
});
