/**
 * `odatagen url --from` on a program whose requests go through a helper of its own: a function (or a
 * `const`'s arrow) whose parameter becomes the URL of its fetch or HTTP client call. Each call of
 * the helper is the request, its argument put in, at the call; one level deep. Through the CLI on
 * a program in a scratch folder.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";
import { JsText } from "../generator/parse/requests/js-literals";
import { fetchCalls } from "../generator/parse/requests/fetch-calls";
import { helperCalls } from "../generator/parse/requests/helper-chains";

const LITE = path.join(__dirname, "fixtures", "trippin-lite.xml");

async function results(lines: string[]): Promise<{ code: number | null; requests: string[] }> {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "app.ts"), lines.join("\n"));
  const r = await runCliInProcess(["url", "-i", LITE, "--from", "app.ts", "--json"], dir);
  const json = JSON.parse(r.stdout) as { results: { line: number; column: number; method: string; url: string; ok: boolean }[] };
  return { code: r.code, requests: json.results.map((x) => `${x.line}:${x.column} ${x.method} ${x.url} ${x.ok ? "ok" : "refused"}`) };
}

test("a helper's calls are its requests, each argument put in for the parameter its fetch's URL reads, at the call; a call with a variable is none", async () => {
  const lines = [
    'const ROOT = "https://example.com/odata";',
    "async function odataGet(path: string) {",
    '  const res = await fetch(ROOT + path, { headers: { Accept: "application/json" } });',
    "  return res.json();",
    "}",
    'const remove = (path: string) => fetch(`${ROOT}${path}`, { method: "DELETE" });',
    'export const people = () => odataGet("/People?$select=FirstName,Agee");',
    "export const trips = (id: string) => odataGet(`/People('${id}')/Trip`);",
    "export const drop = (id: string) => remove(`/Airlines('${id}')`);",
    "export const unknown = (p: string) => odataGet(p);",
    'const AIRPORTS = "/Airports";',
    "export const airports = () => odataGet(AIRPORTS);",
  ];
  const col = (line: number, text: string) => lines[line - 1]!.indexOf(text) + 2;
  expect(await results(lines)).toEqual({
    code: 1,
    requests: [
      `7:${col(7, '"/People')} GET https://example.com/odata/People?$select=FirstName,Agee refused`,
      `8:${col(8, "`/People")} GET https://example.com/odata/People('{id}')/Trip refused`,
      `9:${col(9, "`/Airlines")} DELETE https://example.com/odata/Airlines('{id}') ok`,
      // A constant as the argument: its value.
      `12:${col(12, "AIRPORTS)") - 1} GET https://example.com/odata/Airports ok`,
    ],
  });
});

test("a helper around an HTTP client's call: a path relative to a ky client's prefixUrl, a body by the client's options", async () => {
  const lines = [
    'import ky from "ky";',
    'const api = ky.create({ prefixUrl: "https://example.com/odata" });',
    "function post(path: string, json: unknown) {",
    "  return api.post(path, { json }).json();",
    "}",
    'export const add = () => post("People", { UserName: "u" });',
    "export const copy = (id: number) => post(`People('u')/Trips(${id})/Travel.Lite.CopyTrip`, {});",
  ];
  const col = (line: number, text: string) => lines[line - 1]!.indexOf(text) + 2;
  expect(await results(lines)).toEqual({
    code: 0,
    requests: [`6:${col(6, '"People')} POST /People ok`, `7:${col(7, "`People")} POST /People('u')/Trips({id})/Travel.Lite.CopyTrip ok`],
  });
});

test("helpers declared in each other: each part of the file is read for one helper, so a file of helpers nested deep costs its length", () => {
  // h0(p) { fetch(B + p); h1(q) { fetch(B + q); h2(q) { … } } }: 40 deep, each calling the next.
  const depth = 40;
  let text = 'const B = "https://example.com/odata";\n';
  for (let k = 0; k < depth; k++) text += `function h${k}(p${k}: string) {\n  fetch(B + p${k});\n  h${k + 1}("/People");\n`;
  text += "}\n".repeat(depth);
  const js = new JsText(text);
  let read = 0;
  const { calls } = helperCalls(js, (j, from, to) => {
    read += to - from;
    return fetchCalls(text, j, from, to);
  });
  // The parts read are apart: together no longer than the file (nested, each helper read all those inside it: ~20 times the file).
  expect(read).toBeLessThanOrEqual(text.length);
  // Each helper's fetch, at the call of it in the helper around it.
  expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(Array.from({ length: depth - 1 }, () => "GET https://example.com/odata/People"));
});

test("a helper whose body declares its parameter again or assigns it is none: its call is read as its body says", async () => {
  const lines = [
    'const ROOT = "https://example.com/odata";',
    "function inBlock(path: string) {",
    "  {",
    '    const path = "/Airports";',
    "    return fetch(ROOT + path);",
    "  }",
    "}",
    'inBlock("/People");',
    "function assigned(path: string) {",
    '  path = "/Airlines";',
    "  return fetch(ROOT + path);",
    "}",
    'assigned("/People");',
    "function inner(path: string) {",
    "  const get = (path: string) => fetch(ROOT + path);",
    '  return get("/Airlines");',
    "}",
    'inner("/People");',
  ];
  const col = (line: number, text: string) => lines[line - 1]!.indexOf(text) + 2;
  expect(await results(lines)).toEqual({
    code: 1,
    requests: [
      // The constant in the block, not the argument.
      `5:${col(5, "ROOT +") - 1} GET https://example.com/odata/Airports ok`,
      // A parameter assigned: not known, as before the helpers were read.
      `11:${col(11, "ROOT +") - 1} GET https://example.com/odata{path} refused`,
      // The inner arrow is the helper, called with "/Airlines".
      `16:${col(16, '"/Airlines')} GET https://example.com/odata/Airlines ok`,
    ],
  });
});

test("helpers and URL functions whose parameters have defaults, object types or destructuring are read; a pattern's names are placeholders, not names of the same outside", async () => {
  const r = await results([
    'const ROOT = "https://example.com/odata";',
    'const id = "outer";',
    "async function graphGet(path: string, { top }: { top?: number } = {}) {",
    "  return (await fetch(ROOT + path)).json();",
    "}",
    'const remove = (path: string, opts: { force?: boolean } = { force: false }, ...rest: unknown[]) => fetch(ROOT + path, { method: "DELETE" });',
    'function personUrl(key: string, set = "People") {',
    "  return `${ROOT}/${set}('${key}')`;",
    "}",
    "const tripsUrl = ({ id }: { id: string }, trip: string) => `${ROOT}/People('${id}')/Trips(${trip})`;",
    'graphGet("/Airlines", { top: 5 });',
    "remove(\"/Airports('x')\");",
    'fetch(personUrl("russell", "People"));',
    'fetch(tripsUrl({ id: "a" }, "3"));',
  ]);
  expect(r.requests).toEqual([
    "11:11 GET https://example.com/odata/Airlines ok",
    "12:9 DELETE https://example.com/odata/Airports('x') ok",
    "13:7 GET https://example.com/odata/People('russell') ok",
    "14:7 GET https://example.com/odata/People('{id}')/Trips(3) ok",
  ]);
});

test("a call leaving out an argument whose parameter has a default, a literal or a constant, gives the default's value; another default stays a placeholder", async () => {
  const r = await results([
    'const ROOT = "https://example.com/odata";',
    'const ME = "russell";',
    'function person(id = "scott", set: string = "People") { return fetch(`${ROOT}/${set}(\'${id}\')`); }',
    "const airline = async (code: string = ME.length ? \"AA\" : \"BA\") => fetch(`${ROOT}/Airlines('${code}')`);",
    "export const trips = (id: string = ME, top = 5) => fetch(`${ROOT}/People('${id}')/Trips?$top=${top}`);",
    "person();",
    'person(undefined, "Airlines");',
    'person("a");',
    "airline();",
    "trips();",
    'trips("b");',
  ]);
  // The helper's own URL made of its parameters is read where no call gives one (airline's default is no constant).
  expect(r.requests).toEqual([
    "4:74 GET https://example.com/odata/Airlines('{code}') ok",
    "6:8 GET https://example.com/odata/People('scott') ok",
    "7:8 GET https://example.com/odata/Airlines('scott') ok",
    "8:9 GET https://example.com/odata/People('a') ok",
    "10:7 GET https://example.com/odata/People('russell')/Trips?$top=5 ok",
    "11:8 GET https://example.com/odata/People('b')/Trips?$top=5 ok",
  ]);
});

test("a default whose string holds a parameter's name is a literal all the same; one that reads a parameter in code is not", async () => {
  const r = await results([
    'const ROOT = "https://example.com/odata";',
    'function people(UserName = "russell", select = "UserName,Age") { return fetch(`${ROOT}/People(\'${UserName}\')?$select=${select}`); }',
    "function airline(code: string, set = `${code}s`) { return fetch(`${ROOT}/Airlines('${code}')/${set}`); }",
    "people();",
    'airline("AA");',
  ]);
  // people() gives both defaults (the words in "UserName,Age" are no names); airline's default reads its parameter: the helper's own URL.
  expect(r.requests).toEqual(["3:66 GET https://example.com/odata/Airlines('{code}')/{set} refused", "4:8 GET https://example.com/odata/People('russell')?$select=UserName,Age ok"]);
});

test("a typed const is a helper as an untyped one is, its annotation a function type or a name (a URL function and an object of helpers too); a typed const given no function is none", async () => {
  const r = await results([
    'const ROOT = "https://example.com/odata";',
    "type Getter = (p: string) => Promise<Response>;",
    "declare function makeGetter(root: string): Getter;",
    "const one: (p: string) => Promise<Response> = p => fetch(ROOT + p);",
    "const two: Getter = async (p: string) => fetch(ROOT + p);",
    "const three = (p: string): Promise<Response> => fetch(ROOT + p);",
    "const api: { people: (p: string) => Promise<Response>, top?: number } = { people: (p) => fetch(ROOT + p) };",
    "const airport: (code: string) => string = (code) => `${ROOT}/Airports('${code}')`;",
    "const made: Getter = makeGetter(ROOT);",
    'one("/People");',
    'two("/Airlines");',
    'three("/Airports");',
    "api.people(\"/People('russell')\");",
    'fetch(airport("KSEA"));',
    'made("/Nothing");',
  ]);
  // made is no function the file declares: its call is none of the file's requests.
  expect(r.requests).toEqual([
    "10:6 GET https://example.com/odata/People ok",
    "11:6 GET https://example.com/odata/Airlines ok",
    "12:8 GET https://example.com/odata/Airports ok",
    "13:13 GET https://example.com/odata/People('russell') ok",
    "14:7 GET https://example.com/odata/Airports('KSEA') ok",
  ]);
});

test("a number or Boolean argument is read as a template puts it in, a literal or a const's; a let's is not", async () => {
  const r = await results([
    'const ROOT = "https://example.com/odata";',
    "const top = (n: number) => fetch(`${ROOT}/People?$top=${n}`);",
    "function trip(id: number) { return fetch(`${ROOT}/People('a')/Trips(${id})`); }",
    "const tripUrl = (id: number) => `${ROOT}/People('b')/Trips(${id})`;",
    "const count = (on: boolean) => fetch(`${ROOT}/Airlines?$count=${on}`);",
    "const PAGE = 1e1;",
    "let page = 0;",
    "top(5);",
    "trip(42);",
    "fetch(tripUrl(7));",
    "count(true);",
    "top(PAGE);",
    "top(page);",
    "trip(false);",
    "fetch(`${ROOT}/People?$skip=${PAGE}`);",
    "page++;",
  ]);
  // top(page) reads a let: no request. A Boolean key is refused as any wrong key is.
  expect(r.requests).toEqual([
    "8:5 GET https://example.com/odata/People?$top=5 ok",
    "9:6 GET https://example.com/odata/People('a')/Trips(42) ok",
    "10:7 GET https://example.com/odata/People('b')/Trips(7) ok",
    "11:7 GET https://example.com/odata/Airlines?$count=true ok",
    "12:5 GET https://example.com/odata/People?$top=10 ok",
    "14:6 GET https://example.com/odata/People('a')/Trips(false) refused",
    "15:8 GET https://example.com/odata/People?$skip=10 ok",
  ]);
});

test("a default after a comment is read as one without: a block comment or a line's; a comment naming a parameter is no name, and a call after one is still no default read", async () => {
  const r = await results([
    'const ROOT = "https://example.com/odata";',
    'const ME = "russell";',
    'const root = (p = /* the people */ "/People") => fetch(ROOT + p);',
    "const airlines = (p = // the airlines",
    '  "/Airlines") => fetch(ROOT + p);',
    "function trips(id: string = /* ME */ ME, top = /* few */ 5) { return fetch(`${ROOT}/People('${id}')/Trips?$top=${top}`); }",
    'const named = (top: number, p = /* top */ "/Airports") => fetch(ROOT + p);',
    "const picked = (code = /* picked */ pick()) => fetch(`${ROOT}/Airlines('${code}')`);",
    "root();",
    "airlines();",
    "trips();",
    "named(1);",
    "picked();",
  ]);
  // picked's default is a call: its own URL made of its parameter is read in its call's place.
  expect(r.requests).toEqual([
    "8:55 GET https://example.com/odata/Airlines('{code}') ok",
    "9:6 GET https://example.com/odata/People ok",
    "10:10 GET https://example.com/odata/Airlines ok",
    "11:7 GET https://example.com/odata/People('russell')/Trips?$top=5 ok",
    "12:7 GET https://example.com/odata/Airports ok",
  ]);
});

test("a const's literal whose statement goes on at the next line is not its value: no `;` is inserted before an operator, a member or a call", async () => {
  const r = await results([
    'const ROOT = "https://example.com/odata";',
    "const TOP = 5",
    "  * 2;",
    "const ON = true",
    "  ? 1 : 2;",
    'const P = "/Airports" // the airports',
    '  + "(\'KSEA\')";',
    "const SKIP = 3",
    "fetch(`${ROOT}/People?$top=${TOP}&$skip=${SKIP}`);",
    "fetch(`${ROOT}/Airlines?$top=${ON}`);",
    "fetch(ROOT + P);",
  ]);
  // TOP is 10 and ON 1 when run: each read as a placeholder, not as its first literal; SKIP's line ends its statement;
  // P's `+` after a comment joins its next line's literal, as JavaScript does (before, {P}, refused).
  expect(r.requests).toEqual([
    "9:8 GET https://example.com/odata/People?$top={TOP}&$skip=3 ok",
    "10:8 GET https://example.com/odata/Airlines?$top={ON} ok",
    "11:7 GET https://example.com/odata/Airports('KSEA') ok",
  ]);
});
