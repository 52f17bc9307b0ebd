/**
 * `odatagen url --from` on a program that calls axios with a config: `axios({ method, url, data })`,
 * `axios.request({ url, params })`, `client.request({ … })` on an `axios.create` client (a path
 * relative to its baseURL), `axios(url)`. Each is read as the request it sends, its body's names
 * and its params checked against the metadata, through the CLI on a program in a scratch folder.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";

const LITE = path.join(__dirname, "fixtures", "trippin-lite.xml");

/**
 * `url --from app.ts` over `lines`, written to a scratch folder: the `--json` run's requests (`line
 * METHOD url ok|refused`) and what it left unchecked, and a plain run's diagnostics.
 */
async function listed(lines: string[]): Promise<{ requests: string[]; skipped: Record<string, number>; stderr: string }> {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "app.ts"), lines.join("\n"));
  const r = await runCliInProcess(["url", "-i", LITE, "--from", "app.ts", "--json"], dir);
  const json = JSON.parse(r.stdout) as { results: { line: number; method: string; url: string; ok: boolean }[]; skipped: Record<string, number> };
  const plain = await runCliInProcess(["url", "-i", LITE, "--from", "app.ts"], dir);
  return { requests: json.results.map((x) => `${x.line} ${x.method} ${x.url} ${x.ok ? "ok" : "refused"}`), skipped: json.skipped, stderr: plain.stderr };
}

test("axios's config form: each call is a request with its method, URL, data and params; a misspelt body member and segment are refused at their URLs", async () => {
  const lines = [
    'import axios from "axios";',
    'const client = axios.create({ baseURL: "https://example.com/odata" });',
    `export const rename = (id: string) => axios({ method: "patch", url: "/People('" + id + "')", data: { FirstNme: "x" } });`,
    'export const list = () => axios.request({ url: "/People", params: { $select: "FirstName,Agee" } });',
    "export const remove = (id: string) => client.request({ method: \"delete\", url: `Airlines('${id}')` });",
    "export const trips = () => axios(\"/People('a')/Trip\", { method: \"GET\" });",
    "export const dynamic = (method: string) => axios({ method, url: \"/People\" });",
  ];
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "app.ts"), lines.join("\n"));
  const r = await runCliInProcess(["url", "-i", LITE, "--from", "app.ts"], dir);
  const col = (line: number, text: string) => lines[line - 1]!.indexOf(text) + 2;
  expect(r.stderr).toBe(
    `app.ts:3:${col(3, `"/People('"`)}: error ODG601: PATCH /People('{id}'): the body's FirstNme: Travel.Lite.Person has no property FirstNme; did you mean FirstName?\n` +
      `app.ts:4:${col(4, '"/People"')}: error ODG601: GET /People: $select=FirstName,Agee: Travel.Lite.Person has no property Agee; did you mean Age?\n` +
      `app.ts:6:${col(6, `"/People('a')`)}: error ODG601: /People('a')/Trip: Travel.Lite.Person has no navigation property, stream property, subtype or bound action or function named Trip (did you mean /People('a')/Trips?)\n` +
      // The DELETE of client.request (its URL relative to the baseURL); a method that is no literal is a note, not a guessed GET.
      `app.ts:7:${col(7, '"/People"')}: info ODG604: /People: its method comes from method, which is not read; the request is not checked\n` +
      "odatagen: app.ts: 4 requests: 1 made by the generated functions, 3 refused; left unchecked: 1 method from a variable not read\n",
  );
  expect(r.code).toBe(1);
});

test("a config's method is read as fetch's init's is: one named after a spread is read, one only a spread gives is a note (ODG604), not a guessed GET", async () => {
  const lines = [
    'import axios from "axios";',
    'const ROOT = "https://example.com/odata";',
    "const common = { headers: {} };",
    'export const airports = () => axios({ ...common, url: ROOT + "/Airports" });',
    'export const add = () => axios({ ...common, method: "post", url: ROOT + "/People" });',
    'export const drop = () => axios.request({ method: "delete", ...common, url: ROOT + "/Airlines(\'a\')" });',
    "function send(path: string, config: object = {}) {",
    "  return axios({ ...config, url: ROOT + path });",
    "}",
    'export const addAirline = () => send("/Airlines", { method: "post" });',
    'export const airlines = () => send("/Airlines");',
  ];
  const { requests, skipped, stderr } = await listed(lines);
  expect(requests).toEqual([
    "5 POST https://example.com/odata/People ok",
    "10 POST https://example.com/odata/Airlines ok",
    "11 GET https://example.com/odata/Airlines ok",
  ]);
  expect(skipped).toEqual({ "method from a spread not read": 2 });
  expect(stderr).toMatch(/^app\.ts:4:\d+: info ODG604: https:\/\/example\.com\/odata\/Airports: its method comes from \.\.\.common, which is not read; the request is not checked$/m);
  expect(stderr).toMatch(/^app\.ts:6:\d+: info ODG604: https:\/\/example\.com\/odata\/Airlines\('a'\): its method comes from \.\.\.common/m);
});

test("a config given as a name: a const's object literal is read as one written in the call (method, url, data), at the call; any other name is a note (ODG604), not a guessed GET", async () => {
  const lines = [
    'import axios from "axios";',
    'const ROOT = "https://example.com/odata";',
    'const client = axios.create({ baseURL: "https://example.com/odata" });',
    "export function drop(id: string) {",
    '  const config = { method: "delete" };',
    "  return axios(`${ROOT}/Airlines('${id}')`, config);",
    "}",
    "const rename = { method: \"patch\", url: ROOT + \"/People('x')\", data: { FirstNme: \"A\" } };",
    "axios.request(rename);",
    "const remove = { method: \"delete\", url: \"Airports('LAX')\" };",
    "client.request(remove);",
    "export const send = (cfg: object) => axios(ROOT + \"/People\", cfg);",
    "function call(path: string, config: object) { return axios(ROOT + path, config); }",
    "const del = { method: \"delete\" };",
    "call(\"/People('q')\", del);",
  ];
  const { requests, skipped, stderr } = await listed(lines);
  expect(requests).toEqual([
    "6 DELETE https://example.com/odata/Airlines('{id}') ok",
    // The data's misspelt member is checked, at the call.
    "9 PATCH https://example.com/odata/People('x') refused",
    "11 DELETE /Airports('LAX') ok",
    "15 DELETE https://example.com/odata/People('q') ok",
  ]);
  expect(skipped).toEqual({ "method from a variable not read": 1 });
  expect(stderr).toMatch(/^app\.ts:9:15: error ODG601: PATCH \/People\('x'\): the body's FirstNme/m);
  expect(stderr).toMatch(/^app\.ts:12:\d+: info ODG604: https:\/\/example\.com\/odata\/People: its method comes from cfg, which is not read; the request is not checked$/m);
});

test("a config or fetch init changed after its declaration by a computed member, Object.assign or delete is not read as its literal: a note (ODG604), not the literal's method", async () => {
  const lines = [
    'import axios from "axios";',
    'const ROOT = "https://example.com/odata";',
    'const a = { method: "get" };',
    'a["method"] = "delete";',
    "axios(ROOT + \"/Airlines('a')\", a);",
    "const b = { method: \"GET\" };",
    'Object.assign(b, { method: "DELETE" });',
    "fetch(ROOT + \"/Airlines('b')\", b);",
    'const c = { method: "DELETE" };',
    "delete c.method;",
    "fetch(ROOT + \"/Airlines('c')\", c);",
    // Read, changed nowhere: an index of another name, an Object.assign of a copy.
    'const d = { method: "DELETE" };',
    "const list = [d]; list[0] = d; const e = Object.assign({}, d);",
    "fetch(ROOT + \"/Airlines('d')\", d);",
  ];
  const { requests, skipped, stderr } = await listed(lines);
  expect(requests).toEqual(["14 DELETE https://example.com/odata/Airlines('d') ok"]);
  expect(skipped).toEqual({ "method from a variable not read": 3 });
  for (const [line, name] of [[5, "a"], [8, "b"], [11, "c"]] as const) expect(stderr).toMatch(new RegExp(`^app\\.ts:${line}:\\d+: info ODG604: .*its method comes from ${name}, which is not read`, "m"));
});
