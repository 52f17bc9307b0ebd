/**
 * A program's fetch call sends its body as programs write it, `body: JSON.stringify({ … })`: that
 * body is read where it is written as literals, so `url --from` checks its names and a `$batch`'s
 * requests are read from it, as a HAR entry's are.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { readRequestList, type RequestList } from "../generator/parse/requests/request-list";
import { FIXTURES_DIR } from "./helpers/fixtures";

function listOf(text: string): RequestList {
  const list = readRequestList(text);
  if (!("requests" in list)) throw new Error(list.problem);
  return list;
}

test("body: JSON.stringify of a literal (a template's ${…}s as placeholders), or a string, is the body; one with a variable, or a string template with ${…}, is none", () => {
  const text = [
    'await fetch(`${root}/People`, { method: "POST", headers, body: JSON.stringify({ UserName: "x", Emails: ["a@x"], /* c */ }) });',
    "await fetch(`${root}/People('a')`, { method: 'PATCH', body: '{\"FirstName\":\"y\"}' });",
    "await fetch(`${root}/People`, { method: 'POST', body: JSON.stringify({ UserName: name }) });",
    "await fetch(`${root}/People`, { method: 'POST', body: JSON.stringify(person) });",
    "await fetch(`${root}/People`, { method: 'POST', body: `{\"UserName\":\"${name}\"}` });",
    "await fetch(`${root}/People`, { method: 'POST', body: JSON.stringify({ UserName: `u-${user.name}` }) });",
  ].join("\n");
  expect(listOf(text).requests.map((r) => [r.method, r.path, r.body])).toEqual([
    ["POST", "/People", '{"UserName":"x","Emails":["a@x"]}'],
    ["PATCH", "/People('a')", '{"FirstName":"y"}'],
    ["POST", "/People", undefined],
    ["POST", "/People", undefined],
    ["POST", "/People", undefined],
    ["POST", "/People", '{"UserName":"u-{name}"}'],
  ]);
});

test("a new Request(…) written in the fetch call is its request: its URL, method and body", () => {
  const text = [
    'await fetch(new Request(`${root}/People`, { method: "POST", body: JSON.stringify({ UserName: "x" }) }));',
    "const r = await fetch( new Request(`${root}/Airlines('AA')`) );",
  ].join("\n");
  expect(listOf(text).requests.map((r) => [r.method, r.path, r.body])).toEqual([
    ["POST", "/People", '{"UserName":"x"}'],
    ["GET", "/Airlines('AA')", undefined],
  ]);
});

test("fetch(new Request(url), init): fetch's init after a Request made without one gives the request's method and body", () => {
  const text = [
    'await fetch(new Request(`${root}/People`), { method: "POST", body: JSON.stringify({ UserName: "x" }) });',
    'await fetch(new Request(`${root}/Airlines(\'AA\')`, { method: "DELETE" }), { signal });',
  ].join("\n");
  expect(listOf(text).requests.map((r) => [r.method, r.path, r.body])).toEqual([
    ["POST", "/People", '{"UserName":"x"}'],
    ["DELETE", "/Airlines('AA')", undefined],
  ]);
});

test("a $batch sent with fetch is read from its body: each of its requests, and --include @program keeps what they address", () => {
  const program = [
    'const res = await fetch("https://host/odata/$batch", {',
    '  method: "POST",',
    "  body: JSON.stringify({ requests: [",
    '    { id: "1", method: "GET", url: "/Airports(\'KSFO\')" },',
    '    { id: "2", method: "DELETE", url: "Airlines(\'AA\')" },',
    "    { id: \"3\", method: \"GET\", url: `/Airlines/${code}` },",
    "  ] }),",
    "});",
  ].join("\n");
  expect(listOf(program).requests.map((r) => [r.method, r.path])).toEqual([["GET", "/Airports('KSFO')"], ["DELETE", "/Airlines('AA')"], ["GET", "/Airlines/{code}"]]);
  const lite = { file: "trippin-lite.xml", content: fs.readFileSync(path.join(FIXTURES_DIR, "trippin-lite.xml"), "utf8") };
  const result = generate({ inputs: [lite], includeRequests: [{ file: "app.ts", content: program }] });
  expect([...result.model.types.keys()].sort()).toEqual(["Travel.Lite.Airline", "Travel.Lite.Airport"]);
});

test("an init given as a name of a const's object literal is read as one written in the call: its method, its body, and its headers where it is JSON", () => {
  const text = [
    'const create = { method: "POST", body: JSON.stringify({ UserName: "x" }) };',
    "await fetch(`${root}/People`, create);",
    'const browser = { "method": "PATCH", "headers": { "If-Match": "*" }, "body": "{\\"FirstName\\":\\"y\\"}" };',
    "await fetch(`${root}/People('a')`, browser);",
    "await fetch(new Request(`${root}/Airlines`), create);",
  ].join("\n");
  expect(listOf(text).requests.map((r) => [r.method, r.path, r.body, r.headers])).toEqual([
    ["POST", "/People", '{"UserName":"x"}', undefined],
    ["PATCH", "/People('a')", '{"FirstName":"y"}', ["if-match"]],
    ["POST", "/Airlines", '{"UserName":"x"}', undefined],
  ]);
});
