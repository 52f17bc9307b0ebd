/**
 * `odatagen url --from` on a program whose fetch init comes through a request helper's parameter
 * (`graphFetch(path, { method: "DELETE" })` with `fetch(BASE + path, init)` inside), or is spread
 * (`{ ...init, method: "POST" }`): the method named is read, and one only a spread that is not
 * read could give is a note (ODG604), the request unchecked, not a guessed GET.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";

const LITE = path.join(__dirname, "fixtures", "trippin-lite.xml");

async function run(lines: string[], json: boolean) {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "app.ts"), lines.join("\n"));
  return runCliInProcess(["url", "-i", LITE, "--from", "app.ts", ...(json ? ["--json"] : [])], dir);
}

const PROGRAM = [
  'const ROOT = "https://example.com/odata";',
  "async function odataFetch(path: string, init?: RequestInit) {",
  "  return (await fetch(ROOT + path, init)).json();",
  "}",
  "function call(path: string, options: RequestInit = {}) {",
  '  return fetch(`${ROOT}${path}`, { ...options, headers: { Accept: "application/json" } });',
  "}",
  "export const drop = (id: string) => odataFetch(`/Airlines('${id}')`, { method: \"DELETE\" });",
  'export const list = () => odataFetch("/Airlines");',
  'export const add = () => call("/People", { method: "POST", body: "{}" });',
  'export const people = () => call("/People");',
  "const defaults: RequestInit = { headers: {} };",
  'export const named = () => fetch(ROOT + "/Airlines", { ...defaults, method: "POST" });',
  'export const unread = () => fetch(ROOT + "/Airports", { ...defaults });',
  'export const after = () => fetch(ROOT + "/Airports", { method: "POST", ...defaults });',
];

test("the method an options helper's call gives, or an init names after a spread, is read; one only an unread spread gives is a note", async () => {
  const r = await run(PROGRAM, true);
  const json = JSON.parse(r.stdout) as { results: { line: number; method: string; url: string; ok: boolean }[]; skipped: Record<string, number> };
  expect(json.results.map((x) => `${x.line} ${x.method} ${x.url} ${x.ok ? "ok" : "refused"}`)).toEqual([
    "8 DELETE https://example.com/odata/Airlines('{id}') ok",
    "9 GET https://example.com/odata/Airlines ok",
    "10 POST https://example.com/odata/People ok",
    "11 GET https://example.com/odata/People ok",
    "13 POST https://example.com/odata/Airlines ok",
  ]);
  expect(json.skipped).toEqual({ "method from a spread not read": 2 });
  const plain = await run(PROGRAM, false);
  expect(plain.stderr).toMatch(/app\.ts:14:\d+: info ODG604: https:\/\/example\.com\/odata\/Airports: its method comes from \.\.\.defaults, which is not read; the request is not checked/);
  expect(plain.stderr).toMatch(/app\.ts:15:\d+: info ODG604: /);
});

test("--include @app.ts keeps what a request whose method only an unread spread gives addresses: its URL is known", async () => {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "app.ts"), ["const defaults: RequestInit = { headers: {} };", 'export const people = () => fetch("https://example.com/odata/People", { ...defaults });', 'export const airlines = () => fetch("https://example.com/odata/Airlines");'].join("\n"));
  const r = await runCliInProcess(["generate", "-i", LITE, "-o", "out", "--include", "@app.ts", "--verbose"], dir);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/app\.ts:2:\d+: info ODG604: https:\/\/example\.com\/odata\/People: its method comes from \.\.\.defaults/);
  const types = fs.readFileSync(path.join(dir, "out", "Travel.Lite.types.ts"), "utf8");
  expect(types).toMatch(/export interface Person\b/);
  expect(types).toMatch(/export interface Airline\b/);
  // A program whose only requests are so (axios's config): read, not said to have no literal URL.
  fs.writeFileSync(path.join(dir, "axios.ts"), ['import axios from "axios";', "const common = { headers: {} };", 'export const people = () => axios({ ...common, url: "https://example.com/odata/People" });'].join("\n"));
  const only = await runCliInProcess(["generate", "-i", LITE, "-o", "out2", "--include", "@axios.ts"], dir);
  expect(only.stderr).not.toMatch(/literal URL/);
  expect(only.code).toBe(0);
  expect(fs.readFileSync(path.join(dir, "out2", "Travel.Lite.types.ts"), "utf8")).toMatch(/export interface Person\b/);
});
