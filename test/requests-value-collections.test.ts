/**
 * A function returning a collection of complex or primitive values (Graph's callRecords
 * `getPstnCalls`) takes a collection's system query options, `rt.ValueListOptions`: `$filter` and
 * `$orderby` as text, `$top`, `$skip`, `$count` (URL Conventions §5.1). The generated function
 * sends them over real HTTP; `odatagen url` prints them as its options, checks the filter against
 * the item type, and refuses what such a collection does not take. On
 * `test/fixtures/requests/value-collections.xml`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { urlCalls } from "../generator/url-calls";
import { generateFixture } from "./helpers/generated";
import { RecordingServer } from "./helpers/recording-server";
import { anyCompiler, runTscWithUse } from "./helpers/typecheck";

const FIXTURE = path.join(__dirname, "fixtures", "requests", "value-collections.xml");
const dir = generateFixture("requests/value-collections.xml", "value-collections");
/* eslint-disable @typescript-eslint/no-require-imports */
const api = require(path.join(dir, "calls.requests")) as typeof import("./.generated/value-collections/calls.requests");
const rt = require(path.join(dir, "runtime")) as typeof import("./.generated/value-collections/runtime");
/* eslint-enable @typescript-eslint/no-require-imports */

test("the function sends $filter, $orderby, $top, $skip and $count after its parameters", async () => {
  const server = new RecordingServer();
  const root = await server.start();
  try {
    const client = rt.createClient({ baseUrl: `${root}/odata` });
    server.json(200, { value: [{ callType: "group" }] });
    const page = await api.getLogs(client, api.records(), { from: "2024-01-01T00:00:00Z" }, { filter: "callType eq 'group'", orderby: ["startDateTime desc"], top: 2, skip: 4, count: true });
    expect(page.value).toEqual([{ callType: "group" }]);
    server.json(200, { value: ["a"] });
    await api.tags(client, { top: 1 });
    expect(server.requests.map((r) => decodeURIComponent(r.url))).toEqual([
      "/odata/records/calls.getLogs(from=2024-01-01T00:00:00Z)?$filter=callType eq 'group'&$orderby=startDateTime desc&$top=2&$skip=4&$count=true",
      "/odata/tags()?$top=1",
    ]);
  } finally {
    await server.stop();
  }
});

test("odatagen url prints them as the function's options, checks the filter against the item type, and refuses $select", () => {
  const asked = [
    "/records/calls.getLogs(from=2024-01-01T00:00:00Z)?$top=2&$filter=callType eq 'group'&$count=true",
    "/tags()?$skip=1&$orderby=$it",
    "/records/calls.getLogs(from=2024-01-01T00:00:00Z)?$filter=nosuch eq 1",
    "/records/calls.getLogs(from=2024-01-01T00:00:00Z)?$select=callType",
  ];
  const read = urlCalls({ inputs: [{ file: FIXTURE, content: fs.readFileSync(FIXTURE, "utf8") }] }, asked.map((p) => ({ path: p })));
  expect(read.results.map((r) => (r.ok ? r.call.call : r.problem))).toEqual([
    'const result = await getLogs(client, target, { from: "2024-01-01T00:00:00Z" }, { top: 2, filter: "callType eq \'group\'", count: true });',
    'const result = await tags(client, { skip: 1, orderby: "$it" });',
    "GET /records/calls.getLogs(from=2024-01-01T00:00:00Z): $filter=nosuch eq 1: calls.logRow has no property nosuch",
    "GET /records/calls.getLogs(from=2024-01-01T00:00:00Z): $select is no option of getLogs, whose result is a collection of values (it takes $filter, $orderby, $top, $skip and $count)",
  ]);
});

test("its options type takes the collection's options and nothing a read of entities takes", () => {
  const r = runTscWithUse(anyCompiler(), dir, [
    'import type { Client } from "./runtime.js";',
    'import { getLogs, records } from "./calls.requests.js";',
    'export const ok = (client: Client) => getLogs(client, records(), { from: "2024-01-01T00:00:00Z" }, { top: 2, filter: "callType eq \'x\'", orderby: "startDateTime", skip: 1, count: false });',
    'export const selected = (client: Client) => getLogs(client, records(), { from: "2024-01-01T00:00:00Z" }, { select: ["callType"] });',
  ]);
  expect(r.output.split("\n").filter((l) => l.includes("error TS")).map((l) => l.replace(/\(\d+,\d+\)/, ""))).toEqual([
    expect.stringMatching(/^use\.ts: error TS2353: Object literal may only specify known properties, and '"?select"?' does not exist in type/),
  ]);
});
