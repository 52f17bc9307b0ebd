/**
 * What a Graph SDK chain names that only the metadata tells (passes/slice/resolve-sdk-path.ts): an
 * operation of a second namespace by the SDK's builder name (`acmeAuditRunQuery`), a function's
 * builder with parameters (`viewBetweenWithStartDateTimeWithEndDateTime(start, end)`) with its
 * parameters spelt as the metadata spells them, and a media entity's `content`, which the SDK sends
 * as `$value` (a stream property named `content` stays one). Checked by `odatagen url --from` and
 * kept by a slice of the program's requests (`--include @file`), on
 * `test/fixtures/requests/sdk-names.xml`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { readRequestList } from "../generator/parse/requests/request-list";
import { BIN, scratch } from "./helpers/cli";
import { spawnLimited } from "./helpers/spawn-limited";

const FIXTURE = path.join(__dirname, "fixtures", "requests", "sdk-names.xml");

const PROGRAM = [
  'import { createGraphServiceClient } from "@microsoft/msgraph-sdk";',
  "const client = createGraphServiceClient(adapter);",
  "export async function run(personId: string, start: string, end: string) {",
  '  await client.directory.acmeAuditRunQuery.post({ query: "rows" });',
  "  await client.people.byPersonId(personId).photo.content.get();",
  '  await client.people.byPersonId(personId).files.byFileId("f").content.get();',
  "  await client.people.byPersonId(personId).viewBetweenWithStartDateTimeWithEndDateTime(start, end).get();",
  '  await client.directory.acmeAuditRunQueries.post({ query: "rows" });',
  "}",
].join("\n");

test("a function's builder with parameters is read as its call, each argument a literal's value or the variable it reads; a chain through a builder not read (withUrl, a name without a With… for each argument) is counted as left unchecked", () => {
  const text = [
    "const client = createGraphServiceClient(adapter);",
    "await client.users.byUserId(u).reminderViewWithStartDateTimeWithEndDateTime(\"it's\", range.end).get();",
    "await client.reports.getTeamsUserActivityCountsWithPeriod(7).get();",
    'await client.applicationsWithAppId("abc").get();',
    "await client.me.getScheduleWithRange(1, 2).get();",
    "await client.users.withUrl(next).get();",
    "await client.users.withUrl(next).byUserId(u).messages.post({});",
    "const later = client.users.withUrl(next);",
    // The old Graph client's call on a client of that name is not the SDK's.
    'await client.api("/me").get();',
  ].join("\n");
  expect(readRequestList(text)).toEqual({
    requests: [
      expect.objectContaining({ method: "GET", path: "/users/{u}/reminderView(startDateTime='it%27%27s',endDateTime={end})", sdkNames: true }),
      expect.objectContaining({ method: "GET", path: "/reports/getTeamsUserActivityCounts(period=7)", sdkNames: true }),
      // An alternate key's builder is read the same way: the key in parentheses, by its name.
      expect.objectContaining({ method: "GET", path: "/applications(appId='abc')", sdkNames: true }),
      // Read as the old Graph client's call it is, not counted as an SDK chain left unread.
      expect.objectContaining({ method: "GET", path: "/me", partialQuery: true }),
    ],
    // Chains that send a request through a builder not read are left unchecked, said so by the builder's name.
    skipped: new Map([
      ["Graph SDK chain through getScheduleWithRange", 1],
      ["Graph SDK chains through withUrl", 2],
    ]),
  });
});

test("odatagen url --from reads an operation of another namespace, a function's parameters and a media entity's content as the SDK sends them", async () => {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "acme.ts"), PROGRAM);
  const r = await spawnLimited(process.execPath, [BIN, "url", "-i", FIXTURE, "--from", "acme.ts", "--json"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" }, timeoutMs: 0 });
  const results = (JSON.parse(r.stdout) as { results: { line: number; ok: boolean; call?: { path: string; function: string }; problem?: string }[] }).results;
  expect(results.map((x) => [x.line, x.ok ? `${x.call!.function} ${x.call!.path}` : x.problem])).toEqual([
    [4, "runQuery /directory/acme.audit.runQuery"],
    [5, "readStream /people/{personId}/photo/$value"],
    [6, "readStream /people/{personId}/files/f/content"],
    [7, "viewBetween /people/{personId}/viewBetween(StartDateTime={start},EndDateTime={end})"],
    [8, "/directory/acmeAuditRunQueries: acme.Directory has no navigation property, stream property, subtype or bound action or function named acmeAuditRunQueries"],
  ]);
  expect(r.status).toBe(1);
  // The same path written as a URL is no SDK chain: the service has no segment named so.
  fs.writeFileSync(path.join(dir, "list.txt"), "POST /directory/acmeAuditRunQuery\nGET /people/p/photo/content\n");
  const list = await spawnLimited(process.execPath, [BIN, "url", "-i", FIXTURE, "--from", "list.txt"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" }, timeoutMs: 0 });
  expect(list.stderr).toContain("2 requests: 0 made by the generated functions, 2 refused");
});

test("a slice of the program's requests keeps the other namespace's action, the function and the media entity", () => {
  const result = generate({ inputs: [{ file: "sdk-names.xml", content: fs.readFileSync(FIXTURE, "utf8") }], includeRequests: [{ file: "acme.ts", content: PROGRAM }] });
  const requests = [...result.files].filter(([file]) => file.endsWith(".requests.ts")).map(([, content]) => content).join("\n");
  for (const name of ["runQuery", "viewBetween"]) expect(requests).toMatch(new RegExp(`export function ${name}\\b`));
  expect([...result.model.types.keys()].sort()).toEqual(["acme.Directory", "acme.File", "acme.Person", "acme.Photo", "acme.audit.QueryResult"]);
  expect(result.diagnostics.filter((d) => d.severity === "warning").map((d) => `${d.line}: ${d.message}`)).toEqual([
    "8: POST /directory/acmeAuditRunQueries: /directory/acmeAuditRunQueries: acme.Directory has no navigation property, stream property, subtype or bound action or function named acmeAuditRunQueries; the slice does not keep it",
  ]);
});
