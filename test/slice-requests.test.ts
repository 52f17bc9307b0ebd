/**
 * A slice of what a program's requests use (`generate({ includeRequests })`, the CLI's
 * `--include @file`): each request kept as the URL-path pattern of what it addresses and what its
 * `$expand` names (passes/slice/request-patterns.ts). What it keeps is what those requests need:
 * `urlCalls` over the slice makes every one of them, and it keeps little else. Requests that name
 * nothing in the service are warnings at their line and column; other hosts' are left out with a note.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate, type GenerateOptions } from "../generator/generate";
import { GenerationError, type Diagnostic } from "../generator/diagnostics";
import { urlCalls } from "../generator/url-calls";
import { errorsOf } from "./helpers/slice-errors";
import { FIXTURES_DIR, GRAPH, describeWithGraph } from "./helpers/fixtures";
import { randomEdits } from "./helpers/random";
import { describeWithSeeds, SEEDS_DIR } from "./helpers/seeds";

const LITE = { file: "trippin-lite.xml", content: fs.readFileSync(path.join(FIXTURES_DIR, "trippin-lite.xml"), "utf8") };

function sliced(requests: string, file = "requests.txt", more: Partial<GenerateOptions> = {}) {
  const options: GenerateOptions = { inputs: [LITE], includeRequests: [{ file, content: requests }], ...more };
  return { options, result: generate(options) };
}

const typeNames = (r: ReturnType<typeof generate>) => [...r.model.types.keys()].sort();
const shown = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`;

test("a request's path keeps what that path keeps, and no more", () => {
  const { result } = sliced("GET /Airports('KSFO')\n");
  expect(typeNames(result)).toEqual(["Travel.Lite.Airport"]);
  // As the same path given to --include.
  const byPattern = generate({ inputs: [LITE], include: "/Airports/{id}" });
  expect(typeNames(result)).toEqual(typeNames(byPattern));
  expect([...result.files.keys()]).toEqual([...byPattern.files.keys()]);
  expect(result.files.get("Travel.Lite.requests.ts")).toBe(byPattern.files.get("Travel.Lite.requests.ts"));
  expect(result.files.has("Travel.Lite.requests.ts")).toBe(true);
});

test("a Postman collection slices as the same requests in a list do; --why names the line of the request", () => {
  const collection = JSON.stringify({
    info: { name: "TripPin", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    item: [{ name: "Airports", item: [{ name: "Get one", request: { method: "GET", url: { raw: "{{baseUrl}}/Airports/:code", host: ["{{baseUrl}}"], path: ["Airports", ":code"] } } }] }, { name: "Airlines", request: "{{baseUrl}}/Airlines?$top=2" }],
  }, null, 2);
  const { result } = sliced(collection, "trippin.postman_collection.json", { why: "Travel.Lite.Airport" });
  const list = sliced("GET /Airports/{code}\nGET /Airlines?$top=2\n").result;
  expect(typeNames(result)).toEqual(typeNames(list));
  expect(result.files.get("Travel.Lite.requests.ts")).toBe(list.files.get("Travel.Lite.requests.ts"));
  expect(result.files.has("Travel.Lite.requests.ts")).toBe(true);
  const line = collection.split("\n").findIndex((l) => l.includes('"raw": "{{baseUrl}}/Airports')) + 1;
  expect(result.slice?.why?.[0]?.answers[0]?.chain.map((c) => c.reason)).toEqual([`addressed by /Airports (--include @trippin.postman_collection.json, its request at line ${line})`]);
});

test("an HTTP file slices as the same requests in a list do", () => {
  const http = "@root = https://trips.example/odata\n### one\nGET {{root}}/Airports/{{code}}\nAccept: application/json\n\n###\n{{root}}/Airlines\n  ?$top=2\n";
  const { result } = sliced(http, "trippin.http");
  const list = sliced("GET /Airports/{code}\nGET /Airlines?$top=2\n").result;
  expect(typeNames(result)).toEqual(typeNames(list));
  expect(result.files.get("Travel.Lite.requests.ts")).toBe(list.files.get("Travel.Lite.requests.ts"));
  expect(result.files.has("Travel.Lite.requests.ts")).toBe(true);
});

test("--why names the request a kept type comes from; a pattern also given as one stays the user's own", () => {
  const why = (include?: string) => sliced("GET /Airlines\nGET /Airports('KSFO')\n", "app.log", { why: "Travel.Lite.Airport", ...(include ? { include } : {}) }).result.slice?.why?.[0]?.answers[0]?.chain.map((c) => c.reason);
  expect(why()).toEqual(["addressed by /Airports (--include @app.log, its request at line 2)"]);
  expect(why("/Airports/{id}")).toEqual(["addressed by /Airports (--include /Airports/{id})"]);
});

test("every request of the file is made by the slice's functions: navigation, keys, casts, bound operations, imports, $count, $ref, $value", () => {
  const requests = [
    "GET /People('russell')/Trips(3)/PlanItems?$top=5",
    "GET /Me/BestFriend",
    "POST /People('russell')/Trips(3)/TL.CopyTrip",
    "GET /Me/TL.GetFavoriteAirline()",
    "GET /GetNearestAirport(lat=33,lon=-118)",
    "GET /Airlines/$count",
    "PUT /People('a')/BestFriend/$ref",
    "GET /Documents(6f1c2a4e-93b7-4c1e-9d2a-0b5e8f7a1c3d)/$value",
  ];
  const { options, result } = sliced(requests.join("\n"));
  expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  const answers = urlCalls(options, requests.map((line) => ({ method: line.split(" ")[0], path: line.split(" ")[1] })));
  expect(answers.results.filter((a) => !a.ok)).toEqual([]);
  // Booking is reached by no request.
  expect(typeNames(result)).not.toContain("Travel.Lite.Booking");
  expect(typeNames(result)).toEqual(expect.arrayContaining(["Travel.Lite.Person", "Travel.Lite.Trip", "Travel.Lite.PlanItem", "Travel.Lite.Airport", "Travel.Lite.Airline", "Travel.Lite.Document"]));
  expect([...result.model.schemas.flatMap((s) => s.operations.map((o) => o.name))].sort()).toEqual(expect.arrayContaining(["CopyTrip", "GetFavoriteAirline", "GetNearestAirport"]));
});

test("$expand keeps the navigation targets it names, nested ones too, so that the typed options take them", () => {
  // A name the service lacks (the service answered 400): a warning, and the rest is kept.
  const misspelt = sliced("GET /Me?$expand=Trips($expand=PlanItemz),Friendz,BestFriend\n").result;
  expect(misspelt.diagnostics.filter((d) => d.code === "ODG308").map(shown)).toEqual([
    "requests.txt:1:5: warning ODG308: GET /Me?$expand=Trips($expand=PlanItemz),Friendz,BestFriend: its $expand: /Me/Trips/{id}/PlanItemz: Travel.Lite.Trip has no navigation property, stream property, subtype or bound action or function named PlanItemz (did you mean /Me/Trips/{id}/PlanItems?) (and 1 more of its $expand's names); the slice does not keep them",
  ]);
  expect(typeNames(misspelt)).toContain("Travel.Lite.Trip");

  const plain = sliced("GET /Me\n").result;
  expect(typeNames(plain)).not.toContain("Travel.Lite.PlanItem");
  const url = "/Me?$expand=Trips($expand=PlanItems($select=Title);$top=2)";
  const { options, result } = sliced(`GET ${url}\n`);
  expect(typeNames(result)).toEqual(expect.arrayContaining(["Travel.Lite.Trip", "Travel.Lite.PlanItem"]));
  const [answer] = urlCalls(options, [{ path: url }]).results;
  expect(answer.ok && answer.call.call).toContain('expand: { Trips: { expand: { PlanItems: { select: ["Title"] } }, top: 2 } }');

  // Below a single-valued navigation property no key comes before what is expanded (/Me/BestFriend/Trips).
  const single = sliced("GET /Me?$expand=BestFriend($expand=Trips($expand=PlanItems))\n").result;
  expect(single.diagnostics.filter((d) => d.code === "ODG308").map(shown)).toEqual([]);
  expect(typeNames(single)).toEqual(expect.arrayContaining(["Travel.Lite.Trip", "Travel.Lite.PlanItem"]));

  // Nested deeper than a path pattern goes: one warning, and what the levels above keep.
  let deep = "Trips";
  for (let i = 0; i < 3000; i++) deep = `Friends($expand=${deep})`;
  const nested = sliced(`GET /People?$expand=${deep}\n`).result;
  expect(nested.diagnostics.filter((d) => d.code === "ODG308").map(shown)).toEqual([expect.stringMatching(/^requests\.txt:1:5: warning ODG308: GET \/People\?\$expand=Friends\(.{100,}\.\.\.: its \$expand goes deeper than a URL path pattern does \(30 segments\); the slice keeps what the levels above reach$/)]);
  expect(typeNames(nested)).toContain("Travel.Lite.Person");
});

test("a subtype a request's body names by @odata.type (by its alias too) is kept; the path alone keeps none", () => {
  const shop = { file: "url-filter.xml", content: fs.readFileSync(path.join(FIXTURES_DIR, "requests", "url-filter.xml"), "utf8") };
  const run = (text: string) => generate({ inputs: [shop], includeRequests: [{ file: "requests.sh", content: text }] });
  const plain = run("curl -X POST https://shop.example/odata/orders -d '{\"paid\":false}'\n");
  expect(typeNames(plain)).not.toContain("shop.model.giftOrder");
  const gift = run("curl -X POST https://shop.example/odata/orders -H 'Content-Type: application/json' -d '{\"@odata.type\":\"#shop.giftOrder\",\"message\":\"hi\"}'\n");
  expect(typeNames(gift)).toContain("shop.model.giftOrder");
  expect(gift.files.get("shop.model.validators.ts")).toMatch(/giftOrder/);
  // A name the service lacks keeps nothing, and fails nothing.
  expect(typeNames(run("curl -X POST https://shop.example/odata/orders -d '{\"@odata.type\":\"#shop.nothing\"}'\n"))).toEqual(typeNames(plain));
});

test("hostile files: a body nested 100,000 deep or with 300,000 items, 20,000 requests to other hosts: each read, in time linear in its size", () => {
  const shop = { file: "url-filter.xml", content: fs.readFileSync(path.join(FIXTURES_DIR, "requests", "url-filter.xml"), "utf8") };
  const deep = `${"[".repeat(100000)}{"@odata.type":"#shop.giftOrder"}${"]".repeat(100000)}`;
  const wide = `[${Array.from({ length: 300000 }, () => "1").join(",")},{"@odata.type":"#shop.giftOrder"}]`;
  const elsewhere = Array.from({ length: 20000 }, (_, i) => `GET https://cdn${i % 50}.example/app${i}.js`).join("\n");
  const har = JSON.stringify({ log: { entries: [deep, wide].map((text) => ({ request: { method: "POST", url: "https://shop.example/odata/orders", postData: { text } } })) } });
  const run = (content: string) => generate({ inputs: [shop], includeRequests: [{ file: "a.har", content }] });
  expect(typeNames(run(har))).toContain("shop.model.giftOrder");
  const hosts = run(`GET https://shop.example/odata/orders\n${elsewhere}`);
  expect(hosts.diagnostics.filter((d) => d.code === "ODG308")).toEqual([]);
  expect(hosts.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/^a\.har: 20000 requests to https:\/\/cdn0\.example, https:\/\/cdn1\.example, https:\/\/cdn2\.example and others left out/));
});

test("a request that names nothing in the service is a warning at its line and column; another host's is left out, in a note", () => {
  const text = [
    "GET https://trips.example/odata/People('a')",
    "GET https://trips.example/odata/Peple",
    "GET https://login.example/authorize?client_id=1",
    "GET https://cdn.example/app.js",
  ].join("\n");
  const { result } = sliced(text, "app.log");
  expect(result.diagnostics.filter((d) => d.code === "ODG308" || d.code === "ODG305").map(shown)).toEqual([
    "app.log:2:5: warning ODG308: GET https://trips.example/odata/Peple: /Peple: no entity set, singleton or operation import is named Peple (did you mean /People?); the slice does not keep it",
    "app.log:0:0: info ODG305: app.log: 2 requests to https://login.example, https://cdn.example left out (not the service's host, https://trips.example)",
    expect.stringMatching(/^:0:0: info ODG305: slice keeps /),
  ]);
});

test("a file whose requests name nothing, or that holds none, fails the run at its place", () => {
  expect(errorsOf(() => sliced("GET /Peple\n", "a.txt")).map(shown)).toEqual(["a.txt:0:0: error ODG302: --include @a.txt: none of its requests names anything in the service"]);
  expect(errorsOf(() => sliced("# nothing yet\n", "b.txt")).map(shown)).toEqual([expect.stringMatching(/^b\.txt:0:0: error ODG302: --include @b\.txt: it has no request/)]);
  expect(errorsOf(() => sliced("FETCH /People\n", "d.txt")).map(shown)).toEqual(["d.txt:0:0: error ODG302: --include @d.txt: it has no request that can be read (line 1: FETCH is not a method odatagen makes requests with (GET, POST, PATCH, PUT, DELETE))"]);
  // A HAR file that is no JSON: where it stops being JSON.
  expect(errorsOf(() => sliced('{ "log": { "entries": [ }', "c.har")).map(shown)).toEqual([expect.stringMatching(/^c\.har:1:25: error ODG307: c\.har holds no requests to slice by: /)]);
  // An exclude takes no file of requests.
  expect(errorsOf(() => generate({ inputs: [LITE], include: "/Me", exclude: "@app.har" })).map(shown)).toEqual([":0:0: error ODG301: --exclude @app.har: a file of requests (@file) keeps what its requests address, as an include; an exclude takes names and URL paths"]);
  // From a config: at the include entry that names the file.
  const place = { file: "odatagen.config.json", line: 4, column: 18, path: "services[0].include[0]" };
  const errors = errorsOf(() => generate({ inputs: [LITE], includeRequests: [{ file: "a.txt", content: "GET /Peple\n", place }] }));
  expect(errors.map(shown)).toEqual(["odatagen.config.json:4:18: error ODG302: --include @a.txt: none of its requests names anything in the service"]);
});

test("generate() takes files of requests as text: an include @file or a malformed entry is a TypeError", () => {
  expect(() => generate({ inputs: [LITE], include: ["/Me", "@requests.har"] })).toThrow(/include\[1\] "@requests.har" names a file of requests, which generate\(\) does not read: give its text as includeRequests/);
  expect(() => generate({ inputs: [LITE], includeRequests: [{ file: "a.txt" }] } as unknown as GenerateOptions)).toThrow(/includeRequests\[0\] takes a file of requests, \{ file: string, content: string \}/);
  expect(() => generate({ inputs: [LITE], includeRequests: "GET /Me" } as unknown as GenerateOptions)).toThrow(/includeRequests takes a list of files of requests/);
});

test("400 seeded random edits of request lists each give a slice or diagnostics, never an exception", () => {
  const good = ["GET /People('a')/Trips?$expand=PlanItems($expand=Trip)", "POST /People('a')/Trips(1)/TL.ShareTrip", "GET https://x.example/odata/Airports/$count", '{"log":{"entries":[{"request":{"method":"GET","url":"https://x.example/Me"}}]}}'];
  for (const text of randomEdits(good, "/()$?=&,;{}'\"@.:", 400, 56)) {
    try {
      sliced(text);
    } catch (e) {
      if (!(e instanceof GenerationError)) throw new Error(`${JSON.stringify(text)}: ${(e as Error).stack}`);
      expect(e.diagnostics.some((d) => d.severity === "error")).toBe(true);
    }
  }
});

describeWithGraph("slicing Graph by requests")("slicing Graph by requests", () => {
  test("the callRecords session requests keep the session and what it needs, fewer types than the path pattern", () => {
    const graph = { file: "graph.xml", content: fs.readFileSync(GRAPH, "utf8") };
    const requests = "PATCH https://graph.microsoft.com/v1.0/communications/callRecords/{callRecordId}/sessions/{sessionId}\nGET https://graph.microsoft.com/v1.0/communications/callRecords/e523d2ed?$expand=sessions($expand=segments)\n";
    const options: GenerateOptions = { inputs: [graph], includeRequests: [{ file: "session.txt", content: requests }] };
    const result = generate(options);
    const names = typeNames(result);
    expect(names).toEqual(expect.arrayContaining(["microsoft.graph.callRecords.session", "microsoft.graph.callRecords.segment", "microsoft.graph.callRecords.callRecord"]));
    expect(result.files.get("microsoft.graph.callRecords.requests.ts")).toMatch(/export function updateSession</);
    const byPath = generate({ inputs: [graph], include: "/communications/callRecords/**" });
    expect(names.length).toBeLessThan(byPath.model.types.size);
    const answers = urlCalls(options, requests.trim().split("\n").map((l) => ({ method: l.split(" ")[0], path: l.split(" ")[1] })));
    expect(answers.results.filter((a) => !a.ok)).toEqual([]);
  });
});

/**
 * Slicing Graph by a file of requests for the callRecords sessions (a list and a session's
 * update): it keeps the session and its updateSession, and urlCalls over the slice makes each of
 * `made` (the file's requests as odatagen reads them).
 */
function expectCallRecordsSlice(file: string, content: string, made: readonly { method: string; path: string; body?: string }[]): void {
  const graph = { file: "graph.xml", content: fs.readFileSync(GRAPH, "utf8") };
  const options: GenerateOptions = { inputs: [graph], includeRequests: [{ file, content }] };
  const result = generate(options);
  expect(result.diagnostics.filter((d) => d.severity === "warning" || d.severity === "error")).toEqual([]);
  expect(typeNames(result)).toEqual(expect.arrayContaining(["microsoft.graph.callRecords.session", "microsoft.graph.callRecords.segment"]));
  expect(result.files.get("microsoft.graph.callRecords.requests.ts")).toMatch(/export function updateSession</);
  const answers = urlCalls(options, made);
  expect(answers.results.map((a) => (a.ok ? a.call.call : a.problem))).toEqual([expect.stringMatching(/^const result = await listSessions\(/), expect.stringMatching(/^const result = await updateSession\(/)]);
}

describeWithGraph("slicing Graph by a program's Graph client calls")("slicing Graph by a program's Graph client calls", () => {
  test("a program that calls Graph with @microsoft/microsoft-graph-client keeps what its calls address, and urlCalls makes each", () => {
    const program = [
      'import { Client } from "@microsoft/microsoft-graph-client";',
      "export async function sessions(client: Client, id: string) {",
      "  return client.api(`/communications/callRecords/${id}/sessions`).expand(\"segments\").top(10).get();",
      "}",
      "export async function markTest(client: Client, id: string, sessionId: string) {",
      "  await client.api(`/communications/callRecords/${id}/sessions/${sessionId}`).patch({ isTest: true });",
      "}",
    ].join("\n");
    expectCallRecordsSlice("calls.ts", program, [
      { method: "GET", path: "/communications/callRecords/{id}/sessions?$expand=segments&$top=10" },
      { method: "PATCH", path: "/communications/callRecords/{id}/sessions/{sessionId}", body: '{"isTest":true}' },
    ]);
  });
});

describeWithGraph("slicing Graph by a Postman collection")("slicing Graph by a Postman collection", () => {
  test("a collection of callRecords requests, written with variables as Graph's own collection is, keeps the session and its updateSession; urlCalls makes each request", () => {
    const collection = {
      info: { name: "Call records", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      variable: [{ key: "graph", value: "https://graph.microsoft.com/v1.0" }],
      item: [
        { name: "List sessions", request: { method: "GET", header: [], url: { raw: "{{graph}}/communications/callRecords/{{CallRecordId}}/sessions?$expand=segments" } } },
        { name: "Update session", request: { method: "PATCH", url: { raw: "{{graph}}/communications/callRecords/{{CallRecordId}}/sessions/{{SessionId}}" }, body: { mode: "raw", raw: '{\n  "isTest": true\n}' } } },
      ],
    };
    expectCallRecordsSlice("callrecords.postman_collection.json", JSON.stringify(collection, null, 2), [
      { method: "GET", path: "https://graph.microsoft.com/v1.0/communications/callRecords/{CallRecordId}/sessions?$expand=segments" },
      { method: "PATCH", path: "https://graph.microsoft.com/v1.0/communications/callRecords/{CallRecordId}/sessions/{SessionId}", body: '{"isTest":true}' },
    ]);
  });
});

const PAGE = "000_d62b62a72e170c75.txt";
(fs.existsSync(GRAPH) ? describeWithSeeds(PAGE) : describeWithGraph("slicing Graph by a reference page"))("slicing Graph by its reference page", () => {
  test("the callRecords update-session page keeps the session, its updateSession and the types of its properties", () => {
    const graph = { file: "graph.xml", content: fs.readFileSync(GRAPH, "utf8") };
    const page = { file: PAGE, content: fs.readFileSync(path.join(SEEDS_DIR, PAGE), "utf8") };
    const result = generate({ inputs: [graph], includeRequests: [page] });
    expect(result.diagnostics.filter((d) => d.severity === "warning")).toEqual([]);
    const names = typeNames(result);
    expect(names).toEqual(expect.arrayContaining(["microsoft.graph.callRecords.session", "microsoft.graph.callRecords.endpoint", "microsoft.graph.callRecords.userAgent", "microsoft.graph.callRecords.failureInfo"]));
    expect(result.files.get("microsoft.graph.callRecords.requests.ts")).toMatch(/export function updateSession</);
    // The session's own address keeps no operation, and not the rest of Graph.
    expect(result.slice).toMatchObject({ operations: 0 });
    expect(names.length).toBeLessThan(40);
  });
});
