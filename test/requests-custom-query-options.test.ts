// Custom query options the metadata requires (test/fixtures/requests/custom-query-options.xml, in
// the forms Graph writes for calendarView, an event's instances and the delta of events): the
// builder's type carries them (`rt.NeedsQuery<…>`), and a list or count of it compiles only with
// them in `query` (both real compilers); a function whose OperationRestrictions requires some takes
// its options with them (`rt.RequiredQuery<…>`). The requests go over HTTP to 127.0.0.1, the doc
// comments name every option, and `odatagen url` refuses a URL without them.
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { navigationQueryOptions, queryNeedingTypes, rootQueryOptions } from "../generator/model/custom-query-options";
import { urlCalls } from "../generator/url-calls";
import { runCliAsync, scratch } from "./helpers/cli";
import { FIXTURES, generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { expectErrorsWhereMarked, forEachCompiler, markedLines } from "./helpers/typecheck";
import { docOf } from "./helpers/doc-of";

const FIXTURE = path.join(FIXTURES, "requests", "custom-query-options.xml");
const inputs = [{ file: FIXTURE, content: fs.readFileSync(FIXTURE, "utf8") }];

test("the model reads them where Graph writes them: an entity set's paths of one and two segments, a navigation property's own record, a set's own", () => {
  const { model } = generate({ inputs });
  const type = (name: string) => model.types.get(`Cal.${name}`) as import("../generator/model/types").EntityType;
  const nav = (t: string, n: string) => type(t).navigationProperties.find((x) => x.name === n)!;
  const said = (options: ReturnType<typeof rootQueryOptions>) => options.map((o) => `${o.name}${o.required ? "!" : ""} by ${o.by}`);
  expect(said(navigationQueryOptions(model, nav("user", "calendarView")))).toEqual([
    "startDateTime! by Cal.svc/users: NavigationRestrictions/RestrictedProperties(calendarView)/ReadRestrictions/CustomQueryOptions",
    "endDateTime! by Cal.svc/users: NavigationRestrictions/RestrictedProperties(calendarView)/ReadRestrictions/CustomQueryOptions",
  ]);
  expect(said(navigationQueryOptions(model, nav("calendar", "calendarView")))).toEqual([
    "startDateTime! by Cal.svc/users: NavigationRestrictions/RestrictedProperties(calendar/calendarView)/ReadRestrictions/CustomQueryOptions",
    "endDateTime! by Cal.svc/users: NavigationRestrictions/RestrictedProperties(calendar/calendarView)/ReadRestrictions/CustomQueryOptions",
  ]);
  expect(said(navigationQueryOptions(model, nav("event", "instances")))).toEqual([
    "startDateTime! by Cal.event/instances: NavigationRestrictions/RestrictedProperties(instances)/ReadRestrictions/CustomQueryOptions",
    "endDateTime! by Cal.event/instances: NavigationRestrictions/RestrictedProperties(instances)/ReadRestrictions/CustomQueryOptions",
  ]);
  expect(navigationQueryOptions(model, nav("user", "events"))).toEqual([]);
  const container = model.schemas[0]!.containers[0]!;
  // `$format` is a system query option, not a custom one.
  expect(said(rootQueryOptions(container.qualifiedName, container.entitySets.find((s) => s.name === "windows")!))).toEqual([
    "from! by Cal.svc/windows: ReadRestrictions/CustomQueryOptions",
    "tz by Cal.svc/windows: ReadRestrictions/CustomQueryOptions",
  ]);
  expect([...queryNeedingTypes(model)].map((t) => t.qualifiedName)).toEqual(["Cal.event"]);
});

const USAGE = `
import * as rt from "./runtime.js";
import { calendarCalendarView, delta, deltaRef, eventInstances, listEvents, me, userCalendar, userCalendarView, userEvents, windows } from "./Cal.requests.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {
  const range = { startDateTime: "2026-01-01T00:00:00Z", endDateTime: "2026-01-08T00:00:00Z" };
  // @ts-expect-error calendarView requires startDateTime and endDateTime
  await listEvents(client, userCalendarView(me()));
  // @ts-expect-error one of them is not enough
  await listEvents(client, userCalendarView(me()), { query: { startDateTime: "2026-01-01T00:00:00Z" } });
  // @ts-expect-error a path of two segments
  await listEvents(client, calendarCalendarView(userCalendar(me())), { top: 5 });
  // @ts-expect-error the navigation property's own record
  await listEvents(client, eventInstances(userEvents(me()).byKey("e1")));
  // @ts-expect-error an entity set's own ReadRestrictions
  await listEvents(client, windows(), { query: { tz: "UTC" } });
  // @ts-expect-error a count of it too
  await rt.count(client, userCalendarView(me()));
  // @ts-expect-error a function whose OperationRestrictions requires them
  await delta(client, userEvents(me()));
  // @ts-expect-error the collection its address builder makes, read
  await listEvents(client, deltaRef(userEvents(me())));
  // @ts-expect-error an option that may be absent is no option given
  await listEvents(client, userCalendarView(me()), { query: { ...range, ...(Date.now() > 0 ? { startDateTime: "x" } : {}), endDateTime: "y", startDateTime: undefined as unknown as string } as { startDateTime?: string; endDateTime: string } });
  // @ts-expect-error $ref reads of it too
  await rt.readRefs(client, userCalendarView(me()));

  await listEvents(client, userCalendarView(me()), { query: range, top: 5, select: ["subject"] });
  await listEvents(client, calendarCalendarView(userCalendar(me())), { query: { ...range, extra: "x" } });
  await listEvents(client, eventInstances(userEvents(me()).byKey("e1")), { query: range });
  await listEvents(client, windows(), { query: { from: "2026" } });
  await rt.count(client, userCalendarView(me()), { query: range });
  await delta(client, userEvents(me()), { query: range });
  await delta(client, userEvents(me()), { query: { ...range, changeType: "created" } });
  await listEvents(client, deltaRef(userEvents(me())), { query: range });
  await rt.readRefs(client, userCalendarView(me()), { query: range });
  // What needs none takes none; an address given through rt.unrestricted is not checked.
  await listEvents(client, userEvents(me()));
  await listEvents(client, rt.unrestricted(userCalendarView(me())));
  const loose: Record<string, string> = {};
  await listEvents(client, userCalendarView(me()), { query: loose });
}
`;

forEachCompiler((label, c) => {
  test("a list or count of an address that requires custom query options compiles only with them; so does a function that requires some", () => {
    const dir = generateFixture("requests/custom-query-options.xml", `custom-query-options-${label.replace(/\W+/g, "")}`);
    const r = expectErrorsWhereMarked(c, dir, USAGE);
    expect(markedLines(USAGE)).toHaveLength(10);
    if (label === "TypeScript 5.9")
      expect(r.output).toContain(
        `Type '"the service's metadata requires the custom query option endDateTime here (Capabilities CustomQueryOptions): give { query: { endDateTime: … } }"' is not assignable to type '"the service's metadata requires the custom query option startDateTime here (Capabilities CustomQueryOptions): give { query: { startDateTime: … } }"'.`,
      );
  });
});

test("the doc comments name every custom query option, required or not, and where the metadata says it", () => {
  const code = generate({ inputs }).files.get("Cal.requests.ts") as string;
  const doc = (fn: string) => docOf(code, fn);
  expect(doc("userCalendarView")).toContain(
    "The metadata requires the custom query option `startDateTime` for reading here (`Cal.svc/users: NavigationRestrictions/RestrictedProperties(calendarView)/ReadRestrictions/CustomQueryOptions`): The start of the window. Give it in `query`: `{ query: { startDateTime: ... } }`.",
  );
  expect(doc("windows")).toContain("The metadata names the custom query option `tz` for reading here (`Cal.svc/windows: ReadRestrictions/CustomQueryOptions`): A time zone.\n");
  expect(doc("delta")).toContain("The metadata names the custom query option `changeType` for calling it (`Cal.delta: OperationRestrictions/CustomQueryOptions`): created, updated or deleted.");
  expect(doc("userEvents")).not.toContain("custom query option");
});

describe("over HTTP", () => {
  let srv: Loopback;
  beforeAll(async () => {
    srv = await startLoopback();
  });
  afterAll(async () => {
    await srv?.close();
  });

  test("the options are sent after the others", async () => {
    const dir = generateFixture("requests/custom-query-options.xml", "custom-query-options-http");
    const cal: typeof import("./.generated/custom-query-options-http/Cal.requests") = require(path.join(dir, "Cal.requests"));
    const rt: typeof import("./.generated/custom-query-options-http/runtime") = require(path.join(dir, "runtime"));
    srv.handle((r) => (r.url.includes("$count") ? { body: "3", headers: { "Content-Type": "text/plain" } } : { body: { value: [] } }));
    const client = rt.createClient({ baseUrl: srv.url });
    const range = { startDateTime: "2026-01-01T00:00:00Z", endDateTime: "2026-01-08T00:00:00Z" };
    await cal.listEvents(client, cal.userCalendarView(cal.me()), { query: range, top: 5 });
    expect(await rt.count(client, cal.userCalendarView(cal.me()), { query: range })).toBe(3);
    await cal.delta(client, cal.userEvents(cal.me()), { query: range });
    expect(srv.requests.map((r) => r.url)).toEqual([
      "/me/calendarView?$top=5&startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-01-08T00:00:00Z",
      "/me/calendarView/$count?startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-01-08T00:00:00Z",
      "/me/events/Cal.delta()?startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-01-08T00:00:00Z",
    ]);
  });
});

test("odatagen url refuses a URL that leaves a required custom query option out, naming where the metadata requires it", () => {
  const { results } = urlCalls({ inputs }, [
    { path: "/me/calendarView" },
    { path: "/me/calendarView?startDateTime=a&endDateTime=b&$top=2" },
    { path: "/users/{id}/calendar/calendarView/$count?startDateTime=a" },
    { path: "/me/events/Cal.delta()" },
    { path: "/me/events/Cal.delta()?startDateTime=a&endDateTime=b" },
    { path: "/windows?tz=UTC" },
  ]);
  expect(results.map((r) => (r.ok ? r.call.call : r.problem))).toEqual([
    "GET /me/calendarView: the service's metadata requires the custom query options startDateTime, endDateTime for reading here (Capabilities Cal.svc/users: NavigationRestrictions/RestrictedProperties(calendarView)/ReadRestrictions/CustomQueryOptions), so listEvents does not compile without them: give startDateTime=…&endDateTime=… in the URL's query",
    "const result = await listEvents(client, target, { top: 2, query: { startDateTime: \"a\", endDateTime: \"b\" } });",
    "GET /users/{id}/calendar/calendarView/$count: the service's metadata requires the custom query option endDateTime for reading here (Capabilities Cal.svc/users: NavigationRestrictions/RestrictedProperties(calendar/calendarView)/ReadRestrictions/CustomQueryOptions), so count does not compile without it: give endDateTime=… in the URL's query",
    "GET /me/events/Cal.delta(): the service's metadata requires the custom query options startDateTime, endDateTime for calling it (Capabilities Cal.delta: OperationRestrictions/CustomQueryOptions), so delta does not compile without them: give startDateTime=…&endDateTime=… in the URL's query",
    "const result = await delta(client, target, { query: { startDateTime: \"a\", endDateTime: \"b\" } });",
    "GET /windows: the service's metadata requires the custom query option from for reading here (Capabilities Cal.svc/windows: ReadRestrictions/CustomQueryOptions), so listEvents does not compile without it: give from=… in the URL's query",
  ]);
});

test("a slice that leaves out an entity set whose RestrictedProperties name a kept navigation property reads them as the whole run does", () => {
  // admins (of a subtype of user) requires the options at calendarView; users forbids creating
  // there, which the whole run does not apply, as two routes reach the user family's builder.
  const restricted = (path: string, record: string) =>
    `<Annotation Term="Org.OData.Capabilities.V1.NavigationRestrictions"><Record><PropertyValue Property="RestrictedProperties"><Collection><Record>` +
    `<PropertyValue Property="NavigationProperty"><PropertyPath>${path}</PropertyPath></PropertyValue>${record}</Record></Collection></PropertyValue></Record></Annotation>`;
  const required = `<PropertyValue Property="ReadRestrictions"><Record><PropertyValue Property="CustomQueryOptions"><Collection><Record><PropertyValue Property="Name" String="startDateTime"/><PropertyValue Property="Required" Bool="true"/></Record></Collection></PropertyValue></Record></PropertyValue>`;
  const noInsert = `<PropertyValue Property="InsertRestrictions"><Record><PropertyValue Property="Insertable" Bool="false"/></Record></PropertyValue>`;
  const xml =
    `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices><Schema Namespace="Q" xmlns="http://docs.oasis-open.org/odata/ns/edm">` +
    `<EntityType Name="user"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><NavigationProperty Name="calendarView" Type="Collection(Q.event)" ContainsTarget="true"/></EntityType>` +
    `<EntityType Name="admin" BaseType="Q.user"><Property Name="level" Type="Edm.Int32"/></EntityType>` +
    `<EntityType Name="event"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>` +
    `<EntityContainer Name="svc"><EntitySet Name="users" EntityType="Q.user">${restricted("calendarView", noInsert)}</EntitySet>` +
    `<EntitySet Name="admins" EntityType="Q.admin">${restricted("calendarView", required)}</EntitySet></EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`;
  const inputs = [{ file: "q.xml", content: xml }];
  const include = ["/users/{id}/calendarView"];
  const sliced = generate({ inputs, include });
  expect(sliced.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const requests = sliced.files.get("Q.requests.ts")!;
  expect(requests).not.toContain("export function admins(");
  const whole = generate({ inputs }).files.get("Q.requests.ts")!;
  const builder = (code: string) => /export function userCalendarView\([^)]*\): ([^{]*) \{/.exec(code)?.[1];
  expect(builder(whole)).toBe('rt.CollectionRef<Event, string, rt.NeedsQuery<"startDateTime">>');
  expect(builder(requests)).toBe(builder(whole));
  const { results } = urlCalls({ inputs, include }, [{ path: "/users/{id}/calendarView" }, { method: "POST", path: "/users/{id}/calendarView" }]);
  expect(results.map((r) => (r.ok ? r.call.function : r.problem))).toEqual([
    expect.stringContaining("GET /users/{id}/calendarView: the service's metadata requires the custom query option startDateTime for reading here (Capabilities Q.svc/admins: NavigationRestrictions/RestrictedProperties(calendarView)"),
    "createEvent",
  ]);
});

test("odatagen diff reports a custom query option newly required as breaking (the request functions only), one no longer required as not; not with a summary of format 9", () => {
  const { compareSummaries } = require("../generator/diff/compare") as typeof import("../generator/diff/compare");
  const { summarize } = require("../generator/diff/summary") as typeof import("../generator/diff/summary");
  const xml = inputs[0]!.content;
  // The users set's calendarView and the delta function no longer require their options.
  const loose = xml.replace(/(<PropertyValue Property="Name" String="(?:startDateTime|endDateTime)"\/>\s*<PropertyValue Property="Description" String="The (?:start|end) of the window"\/>\s*<PropertyValue Property="Required" Bool=")true/g, "$1false");
  const looser = loose.replace(/(<Function Name="delta"[\s\S]*?)<PropertyValue Property="Required" Bool="true"\/>/, "$1");
  expect(looser).not.toBe(xml);
  const summary = (content: string) => summarize(generate({ inputs: [{ file: "c.xml", content }] }).model);
  const [strict, lax] = [summary(xml), summary(looser)];
  const lines = (a: typeof strict, b: typeof strict, outputs?: { validators: boolean; requests: boolean }) => compareSummaries(a, b, outputs).changes.map((c) => `${c.breaking ? "breaking" : "ok"} ${c.path}: ${c.detail}`);
  expect(lines(lax, strict)).toEqual([
    "breaking Cal.delta(Collection(Cal.event)): the metadata now requires the custom query option startDateTime to call it (CustomQueryOptions): calls without it no longer compile",
    "breaking Cal.user/calendarView: the metadata now requires the custom query options endDateTime, startDateTime here (CustomQueryOptions): calls without them no longer compile",
  ]);
  expect(lines(strict, lax)).toEqual([
    "ok Cal.delta(Collection(Cal.event)): the metadata no longer requires the custom query option startDateTime to call it (CustomQueryOptions)",
    "ok Cal.user/calendarView: the metadata no longer requires the custom query options endDateTime, startDateTime here (CustomQueryOptions)",
  ]);
  expect(compareSummaries(lax, strict, { validators: true, requests: false }).breaking).toBe(0);
  // An action's too; a new entity set's are no change of their own (its addition is reported).
  const action = '<Action Name="ping" IsBound="true"><Parameter Name="it" Type="Cal.event"/>$</Action>';
  const required = '<Annotation Term="Org.OData.Capabilities.V1.OperationRestrictions"><Record><PropertyValue Property="CustomQueryOptions"><Collection><Record><PropertyValue Property="Name" String="aq"/><PropertyValue Property="Required" Bool="true"/></Record></Collection></PropertyValue></Record></Annotation>';
  const withAction = (annotation: string) => xml.replace('<EntityContainer Name="svc">', `${action.replace("$", annotation)}<EntityContainer Name="svc">`);
  expect(lines(summary(withAction("")), summary(withAction(required)))).toEqual([
    "breaking Cal.ping(Cal.event): the metadata now requires the custom query option aq to call it (CustomQueryOptions): calls without it no longer compile",
  ]);
  const newSet = xml.replace('<Singleton Name="me"', '<EntitySet Name="later" EntityType="Cal.event"><Annotation Term="Org.OData.Capabilities.V1.ReadRestrictions"><Record><PropertyValue Property="CustomQueryOptions"><Collection><Record><PropertyValue Property="Name" String="x"/><PropertyValue Property="Required" Bool="true"/></Record></Collection></PropertyValue></Record></Annotation></EntitySet><Singleton Name="me"');
  expect(lines(strict, summary(newSet))).toEqual(["ok later: entity set added"]);
  expect(compareSummaries({ ...lax, format: 9 }, strict).changes).toEqual([]);
});

test("odatagen url --from: a program's Graph client call, which may add the options through .query(), is not refused for leaving them out of its URL; a fetch's whole URL is", async () => {
  const dir = scratch();
  fs.writeFileSync(
    path.join(dir, "calendar.ts"),
    [
      "export async function week(client: any, start: string, end: string) {",
      '  await client.api("/me/calendarView").query({ startDateTime: start, endDateTime: end }).get();',
      "  await fetch(`${root}/me/calendarView?startDateTime=${start}`);",
      "}",
      "",
    ].join("\n"),
  );
  const r = await runCliAsync(["url", "-i", FIXTURE, "--from", "calendar.ts"], dir);
  expect(r.code).toBe(1);
  expect(r.stderr.trim().split("\n").filter((l) => l.includes("ODG601"))).toEqual([
    "calendar.ts:3:16: error ODG601: GET /me/calendarView: the service's metadata requires the custom query option endDateTime for reading here (Capabilities Cal.svc/users: NavigationRestrictions/RestrictedProperties(calendarView)/ReadRestrictions/CustomQueryOptions), so listEvents does not compile without it: give endDateTime=… in the URL's query",
  ]);
});
