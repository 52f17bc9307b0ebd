/**
 * What `odatagen url --from <program>` says of the requests it could not read (ODG604 notes): in
 * `--json` too (`notes`, and a count under `skipped`), a spread named once however often it is
 * written, and a fetch's init given as a name read where a `const` object literal holds it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";

const LITE = path.join(__dirname, "fixtures", "trippin-lite.xml");

interface Listed {
  results: { line: number; method: string; url: string; ok: boolean }[];
  skipped: Record<string, number>;
  notes: { file: string; line: number; column: number; code: string; message: string }[];
}

async function run(lines: string[], json: boolean) {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "app.ts"), lines.join("\n"));
  return runCliInProcess(["url", "-i", LITE, "--from", "app.ts", ...(json ? ["--json"] : [])], dir);
}

test("--json holds the notes, with their places, and counts the calls a module that cannot be read leaves unread", async () => {
  const program = [
    'import { graphGet, graphPost } from "./graph.js";',
    'export const people = () => graphGet("/People");',
    'export const airlines = () => graphGet("/Airlines");',
    'export const add = () => graphPost("/People");',
    'export const airports = () => fetch("https://example.com/odata/Airports");',
  ];
  const r = await run(program, true);
  const json = JSON.parse(r.stdout) as Listed;
  expect(json.results.map((x) => `${x.line} ${x.method} ${x.url}`)).toEqual(["5 GET https://example.com/odata/Airports"]);
  expect(json.notes).toEqual([{ file: "app.ts", line: 1, column: 38, code: "ODG604", message: expect.stringMatching(/^\.\/graph\.js \(graph\.js\) is no file .*: the calls of graphGet are not read as requests$/) }]);
  expect(json.skipped).toEqual({ "call of a helper from a module not read": 3 });
  // Without notes, the list is empty.
  const none = JSON.parse((await run(['export const airports = () => fetch("https://example.com/odata/Airports");'], true)).stdout) as Listed;
  expect(none.notes).toEqual([]);
});

test("a program whose only requests go through a module that cannot be read: the summary counts them, with no hint on a list's lines", async () => {
  const r = await run(['import { graphGet } from "./graph.js";', 'export const people = () => graphGet("/People");'], false);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^odatagen: app\.ts: no request to check; left unchecked: 1 call of a helper from a module not read$/m);
  expect(r.stderr).not.toMatch(/a line is \[METHOD\]/);
});

test("a spread note names each spread once, the first five, and says how many more", async () => {
  const spreads = [...Array(10_000).fill("...defaults, ...headers"), ...Array.from({ length: 8 }, (_, i) => `...more${i}`)].join(", ");
  const r = await run(["const defaults = {}, headers = {};", `export const people = () => fetch("https://example.com/odata/People", { ${spreads} });`], false);
  const note = /^app\.ts:2:\d+: info ODG604: (.*)$/m.exec(r.stderr)?.[1];
  expect(note).toBe("https://example.com/odata/People: its method comes from ...defaults, ...headers, ...more0, ...more1, ...more2 and 5 more, which are not read; the request is not checked");
  const one = await run(["const defaults = {};", 'export const people = () => fetch("https://example.com/odata/People", { ...defaults, ...defaults });'], false);
  expect(one.stderr).toMatch(/its method comes from \.\.\.defaults, which is not read;/);
});

test("a fetch's init given as a name: a const's object literal gives its method; a let, a parameter or an import is a note, as a spread is", async () => {
  const program = [
    'import { shared } from "./options";',
    'const ROOT = "https://example.com/odata";',
    'const post = { method: "POST", body: "{}" };',
    "const plain: RequestInit = { headers: {} };",
    "const common = { headers: {} };",
    "const spread = { ...common };",
    'let later: RequestInit = { method: "DELETE" };',
    "async function odataFetch(path: string, init?: RequestInit) {",
    "  return (await fetch(ROOT + path, init)).json();",
    "}",
    'export const add = () => fetch(ROOT + "/People", post);',
    'export const list = () => fetch(ROOT + "/People", plain);',
    'export const bySpread = () => fetch(ROOT + "/People", spread);',
    'export const byLet = () => fetch(ROOT + "/Airlines", later);',
    'export const byArgument = (options: RequestInit) => fetch(ROOT + "/Airlines", options);',
    'export const imported = () => fetch(ROOT + "/Airlines", shared);',
    'export const helperConst = () => odataFetch("/Airports", post);',
    'export const helperLet = () => odataFetch("/Airports", later);',
    'export const helperNone = () => odataFetch("/Airports");',
    "const changed: RequestInit = {};",
    'changed.method = "PUT";',
    'export const byChanged = () => fetch(ROOT + "/People", changed);',
  ];
  const r = await run(program, true);
  const json = JSON.parse(r.stdout) as Listed;
  expect(json.results.map((x) => `${x.line} ${x.method} ${x.url}`)).toEqual([
    "11 POST https://example.com/odata/People",
    "12 GET https://example.com/odata/People",
    "17 POST https://example.com/odata/Airports",
    "19 GET https://example.com/odata/Airports",
  ]);
  expect(json.notes.map((n) => `${n.line} ${n.message.replace(/^\S+: /, "")}`)).toEqual([
    "13 its method comes from ...common, which is not read; the request is not checked",
    "14 its method comes from later, which is not read; the request is not checked",
    "15 its method comes from options, which is not read; the request is not checked",
    "16 its method comes from shared, which is not read; the request is not checked",
    "18 its method comes from later, which is not read; the request is not checked",
    "22 its method comes from changed, which is not read; the request is not checked",
  ]);
  expect(json.skipped).toEqual({ "method from a spread not read": 1, "method from a variable not read": 5 });
});
