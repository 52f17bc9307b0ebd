/**
 * `odatagen url [METHOD] <path>` through the CLI's main, on test/fixtures/trippin-lite.xml: the code
 * it prints (and compiles, against that fixture's output), `--json`, a config's services, and the
 * exit codes: 1 for a URL the service does not have or a method its target does not take (as a slice
 * pattern that matches nothing fails generate), 2 for a command line that names no request.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runCliAsync, scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";
import { generateFixture } from "./helpers/generated";
import { anyCompiler, BASE_OPTIONS, runTscCases } from "./helpers/typecheck";

const LITE = path.join(__dirname, "fixtures", "trippin-lite.xml");
// In this process (cli-in-process.ts): each run's answer is the command's, without a child's start
// (~0.5 s of CPU a run, ~30 runs). The binary still answers a request the metadata forbids (exit 1)
// and a command line without a path (exit 2): its exit codes are the command's.
const url = (...args: string[]) => runCliInProcess(["url", "-i", LITE, ...args], scratch());
const urlByBinary = (...args: string[]) => runCliAsync(["url", "-i", LITE, ...args], scratch());

test("prints the imports, the address from the root with the URL's key names, and the call; the code compiles", async () => {
  const r = await url("PATCH", "/People/{userName}/Trips/{tripId}");
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(
    [
      "// PATCH /People/{userName}/Trips/{tripId}: imports relative to the output folder",
      'import { people, personTrips, updateTrip } from "./Travel.Lite.requests.js";',
      "",
      "// client: the client (createClient from ./index.js)",
      "// userName (string): the key of a Travel.Lite.Person",
      "// tripId (number): the key of a Travel.Lite.Trip",
      "// body: the changes (a PATCH body)",
      "const person = people().byKey(userName);",
      "const target = personTrips(person).byKey(tripId);",
      "const result = await updateTrip(client, target, body);",
      "",
    ].join("\n"),
  );
  const dir = generateFixture("trippin-lite.xml", "cli-url");
  const code = r.stdout.split("\n").filter((l) => !l.startsWith("//"));
  const [imports, body] = [code.filter((l) => l.startsWith("import ")), code.filter((l) => l && !l.startsWith("import "))];
  const usage = [
    'import type { Client } from "./index.js";',
    'import type { Patch } from "./runtime.js";',
    'import type { Trip } from "./Travel.Lite.types.js";',
    ...imports,
    "declare const client: Client, userName: string, tripId: number, body: Patch<Trip>;",
    "export async function run() {",
    ...body,
    "  return result;",
    "}",
    "",
  ].join("\n");
  const [checked] = runTscCases(anyCompiler(), [{ from: [dir], usage }], BASE_OPTIONS);
  expect(checked.output).toBe("");
});

test("the request line quoted whole, as copied from a page's HTTP block ('PATCH /path', an HTTP/1.1 after it), is its method and path", async () => {
  const apart = await url("PATCH", "/People/{userName}/Trips/{tripId}");
  const whole = await url("PATCH /People/{userName}/Trips/{tripId}");
  expect(whole.stderr).toBe("");
  expect(whole.code).toBe(0);
  expect(whole.stdout).toBe(apart.stdout);
  const versioned = await url("patch  https://host/svc/People/{userName}/Trips/{tripId} HTTP/1.1");
  expect(versioned.code).toBe(0);
  expect(versioned.stdout).toContain("const result = await updateTrip(client, target, body);");
  const head = await url("HEAD /People");
  expect(head.stderr).toContain("odatagen: url: HEAD is not a method odatagen makes requests with (GET, POST, PATCH, PUT, DELETE)");
  expect(head.code).toBe(2);
});

test("GET is the method when none is given; a composite key written in parentheses is an object", async () => {
  const r = await url("/Bookings(AirlineCode='AA',BookingNo=1)");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('const target = bookings().byKey({ AirlineCode: "AA", BookingNo: 1 });\nconst result = await getBooking(client, target);\n');
});

test("segments after a composable function go on from its result's address builder", async () => {
  const r = await url("/People('x')/TL.GetFriendsTrips(userName='y')/{tripId}/PlanItems");
  expect(r.code).toBe(0);
  // A const for each entity the path goes on from, named after its type: the person, then the trip the function's result holds.
  expect(r.stdout).toContain(
    'const person = people().byKey("x");\nconst trip = getFriendsTripsRef(person, { userName: "y" }).byKey(tripId);\nconst target = tripPlanItems(trip);\nconst result = await listPlanItems(client, target);\n',
  );
});

test("an entity's const takes a number where its type's name is a key's variable", async () => {
  const r = await url("/People/{person}/Trips/{trip}/PlanItems");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("const person2 = people().byKey(person);\nconst trip2 = personTrips(person2).byKey(trip);\nconst target = tripPlanItems(trip2);\n");
});

// Graph's addressing by path (`/me/drive/root:/{path}:`, `…/items/{parent-id}:/{filename}:/content`),
// which no metadata declares: rt.byPath from the entity before the colon (url-calls compiles it on Graph).
test("an address by path is made with byPath, its placeholders variables", async () => {
  const r = await url("/People/{userName}:/Documents/{name}.json:/Friends");
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('import { byPath } from "./index.js";');
  expect(r.stdout).toContain("// name (string): the path of the Travel.Lite.Person below the one before it (each segment is percent-encoded by byPath)");
  expect(r.stdout).toContain(["const person = people().byKey(userName);", "const person2 = byPath(person, `Documents/${name}.json`);", "const target = personFriends(person2);"].join("\n"));
});

// The URL's query (as documentation pages write their examples) becomes the call's options; url-calls
// compiles such calls on Graph.
test("the URL's query becomes the call's options, $expand's nested options too; a name the type lacks is refused", async () => {
  const r = await url("/People/{userName}/Trips?$select=Name&$top=2&$expand=PlanItems($select=PlanItemId)");
  expect(r.stderr).toBe("");
  expect(r.stdout).toContain("// GET /People/{userName}/Trips?$select=Name&$top=2&$expand=PlanItems($select=PlanItemId): imports relative to the output folder\n");
  expect(r.stdout).toContain('const result = await listTrips(client, target, { select: ["Name"], top: 2, expand: { PlanItems: { select: ["PlanItemId"] } } });');
  const wrong = await url("/People/{userName}/Trips?$expand=PlanItems($select=Titel)");
  expect(wrong.stderr).toBe("odatagen: GET /People/{userName}/Trips: $expand=PlanItems($select=Titel): $select=Titel: Travel.Lite.PlanItem has no property Titel; did you mean Title?\n");
  expect(wrong.code).toBe(1);
});

test("--json gives the same answer as data, for editor tooling", async () => {
  const r = await url("--json", "post", "/People/{id}/TL.ShareTrip");
  expect(r.code).toBe(0);
  const [result] = JSON.parse(r.stdout).results;
  expect(result).toMatchObject({
    ok: true,
    method: "POST",
    path: "/People/{id}/TL.ShareTrip",
    function: "shareTrip",
    module: "./Travel.Lite.requests.js",
    imports: [{ module: "./Travel.Lite.requests.js", names: ["people", "shareTrip"] }],
    address: "people().byKey(id)",
    call: "await shareTrip(client, target, params);",
  });
  expect(result.variables.map((v: { name: string }) => v.name)).toEqual(["client", "id", "params"]);
});

test("a config's services: the one that has the URL answers, with its output folder", async () => {
  const dir = scratch();
  fs.copyFileSync(LITE, path.join(dir, "lite.xml"));
  fs.writeFileSync(path.join(dir, "other.xml"), fs.readFileSync(path.join(__dirname, "fixtures", "orders.xml")));
  fs.writeFileSync(path.join(dir, "odatagen.config.json"), JSON.stringify({ services: [{ name: "orders", input: "other.xml", out: "gen/orders" }, { name: "lite", input: "lite.xml", out: "gen/lite" }] }));
  const r = await runCliInProcess(["url", "DELETE", "/Airlines/{code}"], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout.split("\n")[0]).toBe("// DELETE /Airlines/{code}: imports relative to gen/lite/ (lite)");
  expect(r.stdout).toContain("await deleteAirline(client, target);");
});

// The metadata's own warnings are generate's to print (and its --check's, in CI): url, asked for
// one request's call, counts them in one line; a warning its config accepts is not counted.
test("the metadata's warnings: one line counting them, not each; generate --check prints each", async () => {
  const dir = scratch();
  const unknown = (name: string) => `      <Annotations Target="Travel.Lite.${name}"><Annotation Term="Org.OData.Core.V1.Description" String="x"/></Annotations>\n`;
  fs.writeFileSync(path.join(dir, "lite.xml"), fs.readFileSync(LITE, "utf8").replace("</EntityContainer>\n", `</EntityContainer>\n${unknown("Nope")}${unknown("Gone")}`));
  const r = await runCliInProcess(["url", "-i", "lite.xml", "/People"], dir);
  expect(r.stderr).toBe("odatagen: 2 warnings in the metadata (odatagen generate prints them)\n");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("const result = await listPersons(client, target);");
  const check = await runCliInProcess(["generate", "-i", "lite.xml", "-o", "gen", "--check"], dir);
  expect(check.stderr.match(/^lite\.xml:\d+:7: warning ODG103: <Annotations Target="Travel\.Lite\.(Nope|Gone)">/gm)).toHaveLength(2);
  fs.writeFileSync(path.join(dir, "odatagen.config.json"), JSON.stringify({ services: [{ name: "lite", input: "lite.xml", out: "gen", acceptWarnings: ["ODG103 Travel.Lite.Nope"] }] }));
  const accepted = await runCliInProcess(["url", "/People"], dir);
  expect(accepted.stderr).toBe("odatagen: 1 warning in the metadata (odatagen generate prints them)\n");
});

test.each([
  ["a URL the service does not have, with the path that it has", ["GET", "/Peple/{id}"], "odatagen: /Peple: no entity set, singleton or operation import is named Peple (did you mean /People/{id}?)\n"],
  // Not read as /Airlines, an entity set further on: only a path that starts at no root is read from a later one.
  ["a path that names nothing after its root", ["/People/x/Frends/Airlines"], "odatagen: /People/x/Frends: Travel.Lite.Person has no navigation property, stream property, subtype or bound action or function named Frends (did you mean /People/{id}/Friends/{id}?)\n"],
  // A service root in front: what is wrong past it, and the path that is right.
  ["a path below a service root that names nothing", ["/odata/v4/People/{id}/Frends"], "odatagen: /People/{id}/Frends: Travel.Lite.Person has no navigation property, stream property, subtype or bound action or function named Frends (did you mean /People/{id}/Friends?)\n"],
  ["a misspelt root below a service root", ["/odata/v4/Peple"], "odatagen: /Peple: no entity set, singleton or operation import is named Peple (did you mean /People?)\n"],
  ["PATCH on a collection", ["PATCH", "/People"], "odatagen: PATCH /People: PATCH changes one entity; this addresses a collection of Travel.Lite.Person (GET or POST to it, or give a key: …/{id})\n"],
  ["POST on a function", ["POST", "/GetNearestAirport(lat=1,lon=2)"], "odatagen: POST /GetNearestAirport(lat=1,lon=2): GetNearestAirport is a function, called with GET\n"],
  ["GET on an action", ["/ResetDataSource"], "odatagen: GET /ResetDataSource: ResetDataSource is an action, called with POST\n"],
  ["PATCH on a function", ["PATCH", "/GetNearestAirport(lat=1,lon=2)"], "odatagen: PATCH /GetNearestAirport(lat=1,lon=2): GetNearestAirport is a function, called with GET\n"],
  ["DELETE on an action", ["DELETE", "/ResetDataSource"], "odatagen: DELETE /ResetDataSource: ResetDataSource is an action, called with POST\n"],
  // Graph's addressing by path (`/me/drive/items/{parent-id}:/{filename}:/content`) names no item here.
  // A $filter is checked against the type before it is written as the call's filter.
  ["a misspelt property in $filter", ["/People?$filter=FirstNam eq 'Russell'"], "odatagen: GET /People: $filter=FirstNam eq 'Russell': Travel.Lite.Person has no property FirstNam; did you mean FirstName?\n"],
  ["an address by path that names no item", ["PUT", "/People/{id}:"], "odatagen: /People/{id}:: the path (Graph's `…:/path:`) after the colon names no item: give one, such as {id}:/Documents/Book.xlsx: (did you mean /People/{id}?)\n"],
])("%s: exit 1, saying why", async (_, args, message) => {
  const r = await url(...args);
  expect(r.stdout).toBe("");
  expect(r.stderr).toBe(message);
  expect(r.code).toBe(1);
});

// What the service's metadata forbids at the address (Capabilities restrictions): the function
// would not compile on it (requests-types-restrictions), so url says so, exit 1, as for a method
// its target does not take.
test("a request the metadata forbids: exit 1, saying which annotation forbids it and how to send it anyway", async () => {
  const r = await runCliAsync(["url", "-i", path.join(__dirname, "fixtures", "requests", "restrictions.xml"), "DELETE", "/Books/{id}/reviews/{reviewId}"], scratch());
  expect(r.stdout).toBe("");
  expect(r.stderr).toBe(
    "odatagen: DELETE /Books/{id}/reviews/{reviewId}: the service's metadata forbids this request (Capabilities DeleteRestrictions/Deletable is false on Shop.Book/reviews), so deleteReview does not compile on this address; to send it anyway, give deleteReview rt.unrestricted(target)\n",
  );
  expect(r.code).toBe(1);
});

// A system query option in the URL's query that the metadata says the collection does not support
// (Capabilities query restrictions: requests-types-query-restrictions) is refused the same way.
test("a query option the metadata forbids: exit 1, naming the option, the annotation and the way through", async () => {
  const r = await runCliInProcess(["url", "-i", path.join(__dirname, "fixtures", "requests", "query-restrictions.xml"), "GET", "/Books?$count=true"], scratch());
  expect(r.stdout).toBe("");
  expect(r.stderr).toBe(
    "odatagen: GET /Books: the service's metadata forbids $count here (Capabilities CountRestrictions/Countable is false on Lib.c/Books), so listBooks does not compile with it on this address; to send it anyway, give listBooks rt.unrestricted(target)\n",
  );
  expect(r.code).toBe(1);
});

test("answers for the slice the flags give: a path it leaves out is refused with the --include that keeps it", async () => {
  const outside = await url("--include", "/Airlines", "GET", "/People/{id}/Trips");
  expect(outside.stderr).toBe('odatagen: /People/{id}/Trips is not in the slice (its --include and --exclude leave it out): --include "/People/{id}/Trips" keeps it\n');
  expect(outside.code).toBe(1);
  const inside = await url("--include", "/People", "--include", "/Airlines", "GET", "/People/{id}/Trips");
  expect(inside.code).toBe(0);
  expect(inside.stdout).toContain("const result = await listTrips(client, target);");
});

test.each([
  ["no path", [], "url needs a URL path"],
  ["a method odatagen does not make requests with", ["FETCH", "/People"], "url: FETCH is not a method odatagen makes requests with (GET, POST, PATCH, PUT, DELETE)"],
  ["a path without its /", ["People"], "url People: a URL path starts with / (/People), or give the whole URL"],
  ["a wildcard", ["/People/*"], "url /People/*: names one request, without wildcards (keys as {id})"],
  ["a path the shell split", ["GET", "/People/{id}", "extra"], "url takes a method and a URL path, and was given 3 arguments (GET /People/{id} extra)"],
])("%s: a usage error (exit 2)", async (_, args, message) => {
  const r = await (args.length === 0 ? urlByBinary : url)(...args);
  expect(r.stderr).toContain(`odatagen: ${message}`);
  expect(r.code).toBe(2);
});

test("--body: the JSON body's names are checked (from a file with @), as url --from checks a recorded one's; a body that is no JSON is a usage error", async () => {
  const bad = await url("PATCH", "/People('x')", "--body", '{"FirstName":"a","LastNme":"b"}');
  expect(bad.stderr).toBe("odatagen: PATCH /People('x'): the body's LastNme: Travel.Lite.Person has no property LastNme; did you mean LastName?\n");
  expect(bad.code).toBe(1);
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "body.json"), '{"FirstName":"a","Home":{"City":"Lyon"}}');
  const good = await runCliInProcess(["url", "-i", LITE, "PATCH", "/People('x')", "--body", "@body.json"], dir);
  expect(good.stderr).toBe("");
  expect(good.code).toBe(0);
  expect(good.stdout).toContain("await updatePerson(client, target, body");
  const notJson = await url("PATCH", "/People('x')", "--body", "{FirstName:1}");
  expect(notJson.code).toBe(2);
  expect(notJson.stderr).toMatch(/^odatagen: --body: not JSON: /);
  const missing = await url("PATCH", "/People('x')", "--body", "@nowhere.json");
  expect(missing.stderr).toBe("odatagen: --body @nowhere.json: cannot read nowhere.json: ENOENT\n");
  expect(missing.code).toBe(2);
  const both = await url("--from", "r.txt", "--body", "{}");
  expect(both.code).toBe(2);
  expect(both.stderr).toContain("--body is the body of the one request url is given; the requests --from reads bring their own");
});
