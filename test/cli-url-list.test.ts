/**
 * `odatagen url --from <file>` through the CLI (its main in this process; the binary for standard
 * input): the requests a program sent, from a server's access log (the generated client over real
 * HTTP on loopback), a HAR file and a list, each checked against the metadata as `odatagen url`
 * checks one; each refusal with its file, line and column, exit 1 when any is refused; `--base`,
 * `--json`, standard input, a config's services, usage errors.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { BIN, scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";
import { FIXTURES, generateFixture } from "./helpers/generated";
import { startMockServer } from "./helpers/mockserver";
import { RecordingServer } from "./helpers/recording-server";
import { spawnLimited } from "./helpers/spawn-limited";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";

const FIXTURE = path.join(__dirname, "fixtures", "requests", "url-filter.xml");
const LITE = path.join(__dirname, "fixtures", "trippin-lite.xml");

/**
 * `odatagen url …` run by the CLI's main in this process (cli-in-process.ts, ~0.5 s of CPU less a
 * run); with `input`, what standard input holds, by the real binary, whose stdin it is.
 */
async function cli(args: string[], cwd: string, input?: string) {
  if (input === undefined) return runCliInProcess(["url", ...args], cwd);
  const r = await spawnLimited(process.execPath, [BIN, "url", ...args], { cwd, env: { ...process.env, NO_COLOR: "1" }, timeoutMs: 0, input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes `lines` to a new file `name` in a scratch folder; its folder and path. */
function written(name: string, text: string): { dir: string; file: string } {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, name), text);
  return { dir, file: name };
}

test("a server's access log of what the generated client sent over HTTP: the misspelt filters are refused at their lines, exit 1", async () => {
  const dir = generateFixture("requests/url-filter.xml", "cli-url-list");
  /* eslint-disable @typescript-eslint/no-require-imports */
  const api = require(path.join(dir, "shop.model.requests")) as typeof import("./.generated/cli-url-list/shop.model.requests");
  const rt = require(path.join(dir, "runtime")) as typeof import("./.generated/cli-url-list/runtime");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const server = new RecordingServer();
  const root = await server.start();
  try {
    const client = rt.createClient({ baseUrl: `${root}/odata/v4` });
    const none = () => server.json(200, { value: [] });
    none();
    await api.listOrders(client, api.orders(), { filter: "status eq 'shipped' and lines/any(l:l/quantity gt 1)", top: 5 });
    none();
    await api.listOrders(client, api.orders(), { filter: "placedDateTime ge '2024-01-31T08:00:00Z'" });
    server.reply({ status: 200, headers: { "Content-Type": "text/plain" }, body: "0" });
    await rt.count(client, api.orders(), { filter: "piad eq true" });
    none();
    await api.listOrders(client, api.orders(), { filter: "status eq 'shipped' and lines/any(l:l/quantity gt 1)", top: 5 });
  } finally {
    await server.stop();
  }
  // What a server's logger writes (Common Log Format): the request line as it arrived.
  const log = server.requests.map((r, i) => `127.0.0.1 - - [05/Dec/2026:10:00:0${i} +0000] "${r.method} ${r.url} HTTP/1.1" 200 -`).join("\n");
  const { dir: cwd, file } = written("access.log", `${log}\n`);
  const r = await cli(["-i", FIXTURE, "--from", file], cwd);
  const column = log.split("\n")[1].indexOf("/odata") + 1;
  expect(r.stderr).toBe(
    [
      `access.log:2:${column}: error ODG601: GET /orders: $filter=placedDateTime ge '2024-01-31T08:00:00Z': placedDateTime is an Edm.DateTimeOffset: '2024-01-31T08:00:00Z' is a string; write it unquoted: 2024-01-31T08:00:00Z`,
      `access.log:3:${column}: error ODG601: GET /orders/$count: $filter=piad eq true: shop.model.order has no property piad; did you mean paid?`,
      "odatagen: access.log: 4 requests, 3 different: 1 made by the generated functions, 2 refused",
      "",
    ].join("\n"),
  );
  expect(r.stdout).toBe("");
  expect(r.code).toBe(1);
});

test("a list whose requests the service all has exits 0, saying how many; standard input is read with -", async () => {
  const text = ["GET /People?$filter=FirstName eq 'Russell'&$top=2", "/People('russellwhyte')/Trips", "PATCH /People('russellwhyte')/Trips(7)", "GET /People?$filter=FirstName eq 'Russell'&$top=2"].join("\n");
  const { dir, file } = written("requests.txt", text);
  const fromFile = await cli(["-i", LITE, "--from", file], dir);
  expect(fromFile.stderr).toBe("odatagen: requests.txt: 4 requests, 3 different: 3 made by the generated functions, 0 refused\n");
  expect(fromFile.code).toBe(0);
  const fromStdin = await cli(["-i", LITE, "--from", "-"], dir, `${text}\nGET /People?$filter=FirstNam eq 'Russell'\n`);
  expect(fromStdin.stderr).toBe(
    "<stdin>:5:5: error ODG601: GET /People: $filter=FirstNam eq 'Russell': Travel.Lite.Person has no property FirstNam; did you mean FirstName?\n" +
      "odatagen: <stdin>: 5 requests, 4 different: 3 made by the generated functions, 1 refused\n",
  );
  expect(fromStdin.code).toBe(1);
});

test("a HAR file with --base: the sign-in's and the page's requests and the browser's OPTIONS are left unchecked; --json gives each answer", async () => {
  const root = "https://trips.example/odata/v4";
  const entries = [
    ["OPTIONS", `${root}/People`],
    ["POST", "https://login.example/oauth2/token"],
    ["GET", `${root}/People?$select=FirstName,LastNam`],
    ["GET", "https://trips.example/app/index.html"],
    ["DELETE", `${root}/Airlines('AA')`],
    ["GET", `${root}/People?$select=FirstName,LastNam`],
  ].map(([method, url]) => ({ request: { method, url, httpVersion: "HTTP/2", headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 }, response: { status: 200 } }));
  const text = JSON.stringify({ log: { version: "1.2", creator: { name: "test", version: "1" }, entries } }, null, 2);
  const { dir, file } = written("session.har", text);
  const lines = text.split("\n");
  const line = lines.findIndex((l) => l.includes("LastNam")) + 1;
  const copy = lines.length - [...lines].reverse().findIndex((l) => l.includes("LastNam"));
  const column = lines[line - 1].indexOf("https") + 1;
  const r = await cli(["-i", LITE, "--from", file, "--base", root], dir);
  expect(r.stderr).toBe(
    `session.har:${line}:${column}: error ODG601: GET /People: $select=FirstName,LastNam: Travel.Lite.Person has no property LastNam; did you mean LastName?; the service answered 200 (is the metadata older than the service?) (also at line ${copy}) [log.entries[2]]\n` +
      "odatagen: session.har: 3 requests, 2 different: 1 made by the generated functions, 1 refused; left unchecked: 1 OPTIONS, 2 not under https://trips.example/odata/v4\n",
  );
  expect(r.code).toBe(1);
  const json = await cli(["-i", LITE, "--from", file, "--base", root, "--json"], dir);
  expect(json.code).toBe(1);
  const answer = JSON.parse(json.stdout) as { file: string; results: { line: number; at: string; method: string; url: string; ok: boolean; problem?: string; call?: { call: string }; also?: unknown[] }[]; skipped: Record<string, number> };
  expect(answer.file).toBe("session.har");
  expect(answer.skipped).toEqual({ OPTIONS: 1, "not under https://trips.example/odata/v4": 2 });
  expect(answer.results.map((x) => [x.at, x.method, x.url, x.ok, x.problem ?? x.call?.call, x.also?.length ?? 0])).toEqual([
    ["log.entries[2]", "GET", "/People?$select=FirstName,LastNam", false, "GET /People: $select=FirstName,LastNam: Travel.Lite.Person has no property LastNam; did you mean LastName?", 1],
    ["log.entries[4]", "DELETE", "/Airlines('AA')", true, "await deleteAirline(client, target);", 0],
  ]);
});

test("a HAR file's answers: a request the generated functions make that the service answered 400 is a warning with the service's message; other answers say nothing", async () => {
  const root = "https://trips.example/odata/v4";
  const error = JSON.stringify({ error: { code: "BadRequest", message: "The query specified in the URI is not valid. $orderby is not supported on Gender." } });
  const entries = [
    [`${root}/People?$orderby=Gender`, 400, "Bad Request", error],
    [`${root}/People('nobody')`, 404, "Not Found", ""],
    [`${root}/Airlines`, 0, "", ""],
  ].map(([url, status, statusText, text]) => ({ request: { method: "GET", url, headers: [] }, response: { status, statusText, content: { mimeType: "application/json", text } } }));
  const text = JSON.stringify({ log: { version: "1.2", entries } }, null, 2);
  const { dir, file } = written("answers.har", text);
  const line = text.split("\n").findIndex((l) => l.includes("orderby")) + 1;
  const r = await cli(["-i", LITE, "--from", file, "--base", root], dir);
  expect(r.stderr).toBe(
    `answers.har:${line}:19: warning ODG602: GET /People?$orderby=Gender: the service answered 400 Bad Request (odatagen makes the request, as the metadata allows it): The query specified in the URI is not valid. $orderby is not supported on Gender. [log.entries[0]]\n` +
      "odatagen: answers.har: 3 requests: 3 made by the generated functions, 0 refused\n",
  );
  expect(r.code).toBe(0);
  const json = JSON.parse((await cli(["-i", LITE, "--from", file, "--base", root, "--json"], dir)).stdout) as { results: { answered?: unknown }[] };
  expect(json.results.map((x) => x.answered)).toEqual([{ status: 400, statusText: "Bad Request", message: "The query specified in the URI is not valid. $orderby is not supported on Gender." }, { status: 404, statusText: "Not Found" }, undefined]);
});

test("a multipart $batch the generated client sent to an OData server we did not write, recorded as a HAR file: each request with its own answer", async () => {
  // @sap-ux/fe-mockserver-core answers multipart batches; a fetch of our own records what went and came back, as a browser's HAR file does.
  const server = await startMockServer(LITE, path.join(FIXTURES, "trippin-lite-data"));
  const entries: unknown[] = [];
  const recording: typeof fetch = async (input, init) => {
    const answer = await fetch(input, init);
    const sent = init?.body instanceof Uint8Array ? new TextDecoder().decode(init.body) : String(init?.body ?? "");
    const headers = Object.entries((init?.headers ?? {}) as Record<string, string>).map(([name, value]) => ({ name, value }));
    entries.push({ request: { method: init?.method ?? "GET", url: String(input), headers, postData: { mimeType: headers.find((h) => /^content-type$/i.test(h.name))?.value, text: sent } }, response: { status: answer.status, statusText: answer.statusText, content: { text: await answer.clone().text() } } });
    return answer;
  };
  try {
    const dir = generateFixture("trippin-lite.xml", "cli-url-list-batch", { keyAsSegment: false });
    const api = require(path.join(dir, "Travel.Lite.requests"));
    const rt = require(path.join(dir, "runtime"));
    const b = rt.batch(rt.createClient({ baseUrl: server.serviceRoot, fetch: recording }), { format: "multipart" });
    const calls = [
      api.listPersons(b, api.people(), { filter: "contains(FirstName,'a')", top: 1 }),
      api.getPerson(b, api.people().byKey("nobody")),
      // A misspelt name, which the types would refuse: the program is plain JavaScript here.
      api.listPersons(b, api.people(), { orderby: ["LastNme"] }),
    ];
    calls.push(api.updatePerson(b.atomic(), api.people().byKey("russellwhyte"), { FirstName: "R" }, { etag: "*" }));
    await b.send();
    await Promise.allSettled(calls);
  } finally {
    await server.close();
  }
  expect(entries).toHaveLength(1);
  const { dir, file } = written("batch.har", JSON.stringify({ log: { version: "1.2", entries } }, null, 2));
  const r = await cli(["-i", LITE, "--from", file, "--base", server.serviceRoot, "--json"], dir);
  const json = JSON.parse(r.stdout) as { results: { method: string; url: string; ok: boolean; answered?: { status: number } }[] };
  expect(json.results.map((x) => [x.method, x.url, x.ok, x.answered?.status])).toEqual([
    ["GET", "/People?$filter=contains(FirstName,'a')&$top=1", true, 200],
    ["GET", "/People('nobody')", true, 404],
    ["GET", "/People?$orderby=LastNme", false, 200],
    ["PATCH", "/People('russellwhyte')", true, 200],
  ]);
  // The refusal the server answered with success says so.
  expect((await cli(["-i", LITE, "--from", file, "--base", server.serviceRoot], dir)).stderr).toMatch(/error ODG601: GET \/People: \$orderby=LastNme: .*; the service answered 200 OK \(is the metadata older than the service\?\) \[log\.entries\[0\], its request 3\]/);
});

test("a Postman collection: each request checked, a refusal at its URL's line and column, named by its folders and name", async () => {
  const collection = {
    info: { name: "TripPin", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    variable: [{ key: "root", value: "https://trips.example/odata/v4" }],
    item: [
      { name: "People", item: [{ name: "Adults", request: { method: "GET", url: { raw: "{{root}}/People?$filter=Age gt 18&$orderby=LastNme" } } }, { name: "Rename", request: { method: "PATCH", url: { raw: "{{root}}/People/:userName" }, body: { mode: "raw", raw: '{"FirstName":"R"}' } } }] },
      { name: "Airlines", request: "{{root}}/Airlines" },
    ],
  };
  const text = JSON.stringify(collection, null, 2);
  const { dir, file } = written("trippin.postman_collection.json", text);
  const lines = text.split("\n");
  const line = lines.findIndex((l) => l.includes("LastNme")) + 1;
  const r = await cli(["-i", LITE, "--from", file, "--base", "https://trips.example/odata/v4"], dir);
  expect(r.stderr).toBe(
    `trippin.postman_collection.json:${line}:${lines[line - 1]!.indexOf("{{root}}") + 1}: error ODG601: GET /People: $orderby=LastNme: Travel.Lite.Person has no property LastNme; did you mean LastName? [People / Adults]\n` +
      "odatagen: trippin.postman_collection.json: 3 requests: 2 made by the generated functions, 1 refused\n",
  );
  expect(r.code).toBe(1);
});

test("an HTTP file (.http): each request checked, a refusal at its URL's line and column, named by its ### line", async () => {
  const text = ["@root = https://trips.example/odata/v4", "", "### Adults", "GET {{root}}/People?$filter=Age gt 18&$orderby=LastNme HTTP/1.1", "Accept: application/json", "", "###", "PATCH {{root}}/People('{{user}}')", "Content-Type: application/json", "", '{ "FirstName": "R" }', ""].join("\n");
  const { dir, file } = written("trippin.http", text);
  const r = await cli(["-i", LITE, "--from", file, "--base", "https://trips.example/odata/v4"], dir);
  expect(r.stderr).toBe(
    "trippin.http:4:5: error ODG601: GET /People: $orderby=LastNme: Travel.Lite.Person has no property LastNme; did you mean LastName? [Adults]\n" +
      "odatagen: trippin.http: 2 requests: 1 made by the generated functions, 1 refused\n",
  );
  expect(r.code).toBe(1);
});

test("a program's source: its Graph client api calls and fetch calls checked, a refusal at its literal's line and column", async () => {
  const text = [
    "export async function adults(client: Client, root: string) {",
    "  const people = await client.api(\"/People\").filter(\"Age gt 18\").select([\"FirstName\", \"LastNme\"]).get();",
    "  await fetch(`${root}/People('${people.value[0].UserName}')`, { method: \"DELETE\" });",
    "}",
  ].join("\n");
  const { dir, file } = written("people.ts", text);
  const r = await cli(["-i", LITE, "--from", file], dir);
  expect(r.stderr).toBe(
    `people.ts:2:${text.split("\n")[1]!.indexOf('"/People"') + 2}: error ODG601: GET /People: $select=FirstName,LastNme: Travel.Lite.Person has no property LastNme; did you mean LastName?\n` +
      "odatagen: people.ts: 2 requests: 1 made by the generated functions, 1 refused\n",
  );
  expect(r.code).toBe(1);
});

test("a program's HTTP client calls: the query options of their params are checked as the URL's own", async () => {
  const text = ["export async function adults(root: string) {", '  return axios.get(`${root}/People`, { params: { $filter: "Age gt 18", $select: "FirstName,LastNme" } });', "}"].join("\n");
  const { dir, file } = written("people.ts", text);
  const r = await cli(["-i", LITE, "--from", file], dir);
  expect(r.stderr).toBe(
    `people.ts:2:${text.split("\n")[1]!.indexOf("`") + 2}: error ODG601: GET /People: $select=FirstName,LastNme: Travel.Lite.Person has no property LastNme; did you mean LastName?\n` +
      "odatagen: people.ts: 1 request: 0 made by the generated functions, 1 refused\n",
  );
  expect(r.code).toBe(1);
});

describeWithGraph("a Graph SDK program")("a program using Microsoft's Graph SDK (Kiota's request builders)", () => {
  test("each chain is checked as its URL: the seed's session update, a calendar view with its options, a security action, a photo's content and a function with parameters pass; a misspelt segment and a calendar view without its options are refused at their client", async () => {
    const text = [
      'import { createGraphServiceClient } from "@microsoft/msgraph-sdk";',
      "const client = createGraphServiceClient(adapter);",
      "export async function run(callRecordId: string, sessionId: string) {",
      '  await client.communications.callRecords.byCallRecordId(callRecordId).sessions.bySessionId(sessionId).patch({ modalities: ["audio"] });',
      '  await client.me.calendarView.get({ queryParameters: { startDateTime: "2026-01-01T00:00:00Z", endDateTime: "2026-01-02T00:00:00Z", select: ["subject"] } });',
      "  await client.me.messags.get();",
      '  await client.me.calendarView.get({ queryParameters: { select: ["subject"] } });',
      '  await client.security.microsoftGraphSecurityRunHuntingQuery.post({ query: "DeviceEvents | take 1" });',
      "  await client.me.photo.content.get();",
      "  await client.users.byUserId(callRecordId).reminderViewWithStartDateTimeWithEndDateTime(start, end).get();",
      "}",
    ].join("\n");
    const { dir, file } = written("graph.ts", text);
    const r = await cli(["-i", GRAPH, "--from", file], dir);
    const lines = r.stderr.split("\n").filter((l) => l.startsWith("graph.ts:"));
    expect(lines).toEqual([
      "graph.ts:6:9: error ODG601: /me/messags: microsoft.graph.user has no navigation property, stream property, subtype or bound action or function named messags (did you mean /me/messages?)",
      expect.stringMatching(/^graph\.ts:7:9: error ODG601: GET \/me\/calendarView: the service's metadata requires the custom query options (startDateTime, endDateTime|endDateTime, startDateTime) for reading here/),
    ]);
    expect(r.stderr).toContain("odatagen: graph.ts: 7 requests: 5 made by the generated functions, 2 refused");
    expect(r.code).toBe(1);
  });
});

test("headers the metadata names for a request: one the service refused without says so; one it requires, sent without, is a warning (HAR and curl)", async () => {
  const root = "https://people.example/odata";
  const error = JSON.stringify({ error: { code: "BadRequest", message: "$count needs a consistency level." } });
  const entries = [
    ["GET", `${root}/People?$count=true`, 400, ["Accept"], error],
    ["PATCH", `${root}/People('a')`, 200, ["Content-Type"], ""],
    ["PATCH", `${root}/People('b')`, 204, ["Content-Type", "if-match"], ""],
  ].map(([method, url, status, names, text]) => ({ request: { method, url, headers: (names as string[]).map((name) => ({ name, value: "x" })), postData: method === "PATCH" ? { text: "{}" } : undefined }, response: { status, content: { text } } }));
  const text = JSON.stringify({ log: { version: "1.2", entries } }, null, 2);
  const { dir, file } = written("headers.har", text);
  const headersFixture = path.join(__dirname, "fixtures", "requests", "custom-headers.xml");
  const lines = text.split("\n");
  const at = (needle: string) => `${lines.findIndex((l) => l.includes(needle)) + 1}:19`;
  const r = await cli(["-i", headersFixture, "--from", file, "--base", root], dir);
  expect(r.stderr).toBe(
    `headers.har:${at("$count")}: warning ODG602: GET /People?$count=true: the service answered 400 (odatagen makes the request, as the metadata allows it): $count needs a consistency level.; it sent no ConsistencyLevel header, which the service's metadata names for this request [log.entries[0]]\n` +
      `headers.har:${at("People('a')")}: warning ODG603: PATCH /People('a'): sent without the header If-Match, which the service's metadata requires for this request (Capabilities UpdateRestrictions/CustomHeaders): ETag value. [log.entries[1]]\n` +
      "odatagen: headers.har: 3 requests: 3 made by the generated functions, 0 refused\n",
  );
  expect(r.code).toBe(0);
  fs.writeFileSync(path.join(dir, "calls.sh"), `curl -X PATCH "${root}/People('c')" -H 'Content-Type: application/json' -d '{}'\ncurl -X PATCH "${root}/People('d')" -H 'If-Match: *' -d '{}'\n`);
  const curl = await cli(["-i", headersFixture, "--from", "calls.sh", "--base", root], dir);
  expect(curl.stderr).toBe("calls.sh:1:16: warning ODG603: PATCH /People('c'): sent without the header If-Match, which the service's metadata requires for this request (Capabilities UpdateRestrictions/CustomHeaders): ETag value.\nodatagen: calls.sh: 2 requests: 2 made by the generated functions, 0 refused\n");
});

test("a config's services: a request is made by the service that has it; one neither has says what each lacks", async () => {
  const dir = scratch();
  fs.copyFileSync(LITE, path.join(dir, "lite.xml"));
  fs.copyFileSync(FIXTURE, path.join(dir, "shop.xml"));
  fs.writeFileSync(path.join(dir, "odatagen.config.json"), JSON.stringify({ services: [{ name: "shop", input: "shop.xml", out: "gen/shop" }, { name: "lite", input: "lite.xml", out: "gen/lite" }] }));
  fs.writeFileSync(path.join(dir, "requests.txt"), "GET /orders?$top=1\nGET /People\nGET /Peple\n");
  const r = await cli(["--from", "requests.txt"], dir);
  expect(r.stderr).toBe(
    "requests.txt:3:5: error ODG601: shop: /Peple: no entity set, singleton or operation import is named Peple; lite: /Peple: no entity set, singleton or operation import is named Peple (did you mean /People?)\n" +
      "odatagen: requests.txt: 3 requests: 2 made by the generated functions, 1 refused\n",
  );
  expect(r.code).toBe(1);
});

test.each([
  ["a method or path beside --from", ["GET", "/People", "--from", "r.txt"], 2, "url --from reads the requests from r.txt; give no method or path beside it (GET /People)"],
  ["--base without --from", ["/People", "--base", "https://x/odata"], 2, "--base is the service root of the requests --from reads; give --from <file> (a HAR file, or one request a line)"],
  ["a --base that is no whole URL", ["--from", "r.txt", "--base", "/odata"], 2, "--base /odata: the service root as a whole URL (https://graph.microsoft.com/v1.0)"],
  ["a second --base that is no whole URL", ["--from", "r.txt", "--base", "https://x/odata", "--base", "beta"], 2, "--base beta: the service root as a whole URL (https://graph.microsoft.com/v1.0)"],
  ["--from twice", ["--from", "r.txt", "--from", "s.txt"], 2, '--from was given twice ("r.txt", "s.txt"); give it once'],
])("usage: %s exits 2", async (_what, args, code, message) => {
  const r = await cli(["-i", LITE, ...args], scratch());
  expect(r.code).toBe(code);
  expect(r.stderr).toContain(message);
});

test.each([
  ["a file that is not there", null, 2, "odatagen: cannot read requests.txt: ENOENT\n"],
  ["an empty file", "# nothing yet\n\n", 1, "odatagen: requests.txt: no request to check (a line is [METHOD] <url>; a HAR file lists them in log.entries)\n"],
  ["a HAR file that is no JSON", '{\n  "log": { "entries": [\n    { "request": } ] } }', 1, "odatagen: requests.txt:3:18: not JSON, as a HAR file or a Postman collection is: expected a value, found '}'\n"],
])("%s: said, with its exit code", async (_what, text, code, stderr) => {
  const dir = scratch();
  if (text !== null) fs.writeFileSync(path.join(dir, "requests.txt"), text);
  const r = await cli(["-i", LITE, "--from", "requests.txt"], dir);
  expect(r.stderr).toBe(stderr);
  expect(r.code).toBe(code);
});

test("a $batch in a HAR file: each of its requests is checked, refused at the $batch's URL with its place in the batch", async () => {
  const root = "https://trips.example/odata/v4";
  const batch = { requests: [{ id: "1", method: "GET", url: "People('russellwhyte')/Trips" }, { id: "2", method: "GET", url: "People?$orderby=LastNme" }, { id: "3", method: "PATCH", url: "People('russellwhyte')", body: { FirstNme: "R" } }] };
  const text = JSON.stringify({ log: { entries: [{ request: { method: "POST", url: `${root}/$batch`, postData: { mimeType: "application/json", text: JSON.stringify(batch) } } }] } }, null, 2);
  const { dir, file } = written("batch.har", text);
  const lines = text.split("\n");
  const line = lines.findIndex((l) => l.includes("$batch")) + 1;
  const r = await cli(["-i", LITE, "--from", file, "--base", root], dir);
  expect(r.stderr).toBe(
    `batch.har:${line}:${lines[line - 1].indexOf("https") + 1}: error ODG601: GET /People: $orderby=LastNme: Travel.Lite.Person has no property LastNme; did you mean LastName? [log.entries[0], its request 2]\n` +
      `batch.har:${line}:${lines[line - 1].indexOf("https") + 1}: error ODG601: PATCH /People('russellwhyte'): the body's FirstNme: Travel.Lite.Person has no property FirstNme; did you mean FirstName? [log.entries[0], its request 3]\n` +
      "odatagen: batch.har: 3 requests: 1 made by the generated functions, 2 refused\n",
  );
  expect(r.code).toBe(1);
});

test("a recorded body's misspelt name is refused at its request; its values are not checked, and the same URL with another body is another request", async () => {
  const root = "https://trips.example/odata/v4";
  const entries = [
    { request: { method: "PATCH", url: `${root}/People('russellwhyte')`, postData: { mimeType: "application/json", text: '{"FirstName":"Russell","Age":"not a number"}' } } },
    { request: { method: "PATCH", url: `${root}/People('russellwhyte')`, postData: { mimeType: "application/json", text: '{"FirstName":"Russell","Hom":{"City":"Lyon"}}' } } },
  ];
  const text = JSON.stringify({ log: { entries } }, null, 2);
  const { dir, file } = written("edits.har", text);
  const lines = text.split("\n");
  const line = lines.findIndex((l, i) => i > lines.findIndex((x) => x.includes("not a number")) && l.includes(`"url"`)) + 1;
  const r = await cli(["-i", LITE, "--from", file, "--base", root], dir);
  expect(r.stderr).toBe(
    `edits.har:${line}:${lines[line - 1].indexOf("https") + 1}: error ODG601: PATCH /People('russellwhyte'): the body's Hom: Travel.Lite.Person has no property Hom; did you mean Home? [log.entries[1]]\n` +
      "odatagen: edits.har: 2 requests: 1 made by the generated functions, 1 refused\n",
  );
  expect(r.code).toBe(1);
});
