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
    "index.ts": ['export * as gone from "./missing";', 'export { default as anon } from "./anon";'],
    "app.ts": ['import { gone, anon } from "./index";', 'import direct from "./anon";', 'gone.send("/People");', 'anon("/Airlines");', 'direct("/Airports");'],
  });
  const r = await listed(dir);
  expect(r.requests).toEqual([]);
  expect(r.notes).toEqual([
    "1 ./index (index.ts) re-exports gone from ./missing, which is no file (nor missing.ts, missing.tsx, missing.mts, …): the calls of gone.send are not read as requests",
    "1 ./index (index.ts) re-exports the default export of ./anon, no named function ((p: string) => fetch(ROOT + p);…): the calls of anon are not read as requests",
    "2 ./anon (anon.ts) exports as its default no named function ((p: string) => fetch(ROOT + p);…): the calls of direct are not read as requests",
  ]);
  expect(r.skipped).toEqual({ "call of a helper from a module not read": 3 });
});
