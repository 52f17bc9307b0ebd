/**
 * `odatagen url --from <program>` on requests whose method is written but not as a literal: a
 * fetch's init `{ method: verb }`, `{ method: m.toUpperCase() }`, `{ method }`, and axios's config
 * `{ method: verb, url }`, are a note (ODG604) naming the expression, never a guessed GET; a
 * helper's call giving the method as a string literal (`send("/People", "DELETE")`) gives it.
 */
import * as path from "node:path";
import { runCliInProcess } from "./helpers/cli-in-process";
import { program } from "./helpers/scratch-program";

const LITE = path.join(__dirname, "fixtures", "trippin-lite.xml");
const ODATA = 'const ROOT = "https://example.com/odata";';

async function listed(lines: string[]) {
  const dir = program({ "app.ts": lines });
  const r = await runCliInProcess(["url", "-i", LITE, "--from", "app.ts", "--json"], dir);
  const json = JSON.parse(r.stdout) as { results: { line: number; method: string; url: string }[]; notes?: { line: number; message: string }[]; skipped: Record<string, number> };
  return { requests: json.results.map((x) => `${x.line} ${x.method} ${x.url}`), notes: (json.notes ?? []).map((n) => `${n.line} ${n.message}`), skipped: json.skipped };
}

test("a fetch init whose method is no literal is a note naming it, not a GET", async () => {
  const r = await listed([
    ODATA,
    "export function remove(verb: string, m: string, method: string) {",
    '  fetch(ROOT + "/People", { method: verb });',
    '  fetch(ROOT + "/Airlines", { headers: {}, method: m.toUpperCase() });',
    '  fetch(ROOT + "/Airports", { method });',
    '  return fetch(ROOT + "/People", { method: "DELETE" });',
    "}",
  ]);
  expect(r.requests).toEqual(["6 DELETE https://example.com/odata/People"]);
  expect(r.notes).toEqual([
    "3 https://example.com/odata/People: its method comes from verb, which is not read; the request is not checked",
    "4 https://example.com/odata/Airlines: its method comes from m.toUpperCase(), which is not read; the request is not checked",
    "5 https://example.com/odata/Airports: its method comes from method, which is not read; the request is not checked",
  ]);
  expect(r.skipped).toEqual({ "method from a variable not read": 3 });
});

test("axios's config whose method is no literal is a note naming it, not left out", async () => {
  const r = await listed([
    'import axios from "axios";',
    ODATA,
    'export const send = (verb: string) => axios({ method: verb, url: ROOT + "/People" });',
    'export const get = () => axios({ method: "get", url: ROOT + "/Airlines" });',
  ]);
  expect(r.requests).toEqual(["4 GET https://example.com/odata/Airlines"]);
  expect(r.notes).toEqual(["3 https://example.com/odata/People: its method comes from verb, which is not read; the request is not checked"]);
});

test("a helper's call giving the method as a string literal gives it; any other argument is said", async () => {
  const r = await listed([
    ODATA,
    "const send = (path: string, verb: string) => fetch(ROOT + path, { method: verb });",
    'export const a = () => send("/People", "delete");',
    'export const b = (v: string) => send("/Airlines", v);',
  ]);
  expect(r.requests).toEqual(["3 DELETE https://example.com/odata/People"]);
  expect(r.notes).toEqual(['4 https://example.com/odata/Airlines: its method comes from v, which is not read; the request is not checked']);
});

test("an init changed through a cast, (init as any).method = … or (<any>init)[k] = …, is a note, as init.method = … is; a cast only read changes nothing", async () => {
  const r = await listed([
    ODATA,
    'const a = { method: "GET" };',
    '(a as any).method = "DELETE";',
    "fetch(ROOT + \"/Airlines('a')\", a);",
    'const b = { method: "GET" };',
    '(<any>b)["method"] = "DELETE";',
    "fetch(ROOT + \"/Airlines('b')\", b);",
    'const c = { method: "GET" };',
    '(c satisfies object as { method: string }).method = "DELETE";',
    "fetch(ROOT + \"/Airlines('c')\", c);",
    'const d = { method: "DELETE" };',
    "console.log((d as any).method === \"GET\", (d as any)[0]);",
    "fetch(ROOT + \"/Airlines('d')\", d);",
  ]);
  expect(r.requests).toEqual(["13 DELETE https://example.com/odata/Airlines('d')"]);
  expect(r.notes).toEqual([
    "4 https://example.com/odata/Airlines('a'): its method comes from a, which is not read; the request is not checked",
    "7 https://example.com/odata/Airlines('b'): its method comes from b, which is not read; the request is not checked",
    "10 https://example.com/odata/Airlines('c'): its method comes from c, which is not read; the request is not checked",
  ]);
});
