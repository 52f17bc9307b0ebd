// Core.AutoExpand on a navigation property (test/fixtures/requests/auto-expand.xml, as Graph marks
// callRecord/organizer_v2): the service expands it without `$expand`, so a read without `$select`
// is typed with it, as an expansion without options and optional (`rt.AutoExpanded` on its member of
// the `…Navigation` interface); with `$select`, or without the term, it is not there. Both real
// compilers check it; over HTTP, a read that holds it is validated and returned as it came.
import * as path from "node:path";
import { generate } from "../generator/generate";
import * as fs from "node:fs";
import { FIXTURES, generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { expectErrorsWhereMarked, forEachCompiler, markedLines } from "./helpers/typecheck";

const USAGE = `
import * as rt from "./runtime.js";
import { getCallRecord, listCallRecords, records } from "./Calls.requests.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {
  const record = await getCallRecord(client, records().byKey("r1"));
  const organizer: string | undefined = record.organizer?.id;
  const attendees: number | undefined = record.attendees?.length;
  const first: string | undefined = record.attendees?.[0]?.id;
  void [organizer, attendees, first];
  // @ts-expect-error an expansion without options holds no navigation property of its own
  void record.organizer?.manager;
  // @ts-expect-error AutoExpand false
  void record.host;
  // @ts-expect-error no AutoExpand
  void record.notes;
  // @ts-expect-error optional: the service may still leave it out
  const sure: string = record.organizer.id;
  void sure;
  const page = await listCallRecords(client, records());
  const listed: string | undefined = page.value[0]?.organizer?.id;
  void listed;
  const selected = await getCallRecord(client, records().byKey("r1"), { select: ["kind"] });
  // @ts-expect-error with $select, only what it names
  void selected.organizer;
  const expanded = await getCallRecord(client, records().byKey("r1"), { expand: { organizer: { select: ["name"] } } });
  const name: string | null | undefined = expanded.organizer?.name;
  void name;
  // @ts-expect-error expanded with select: as its options say (the key optional), not the auto expansion's default set
  const kept: string = expanded.organizer!.id;
  void kept;
}
`;

forEachCompiler((label, c) => {
  test("a read without $select is typed with the navigation properties the service expands unasked, optional, and nothing else", () => {
    const dir = generateFixture("requests/auto-expand.xml", `auto-expand-${label.replace(/\W+/g, "")}`);
    expectErrorsWhereMarked(c, dir, USAGE);
    expect(markedLines(USAGE)).toHaveLength(6);
  });
});

test("the navigation interface marks them, and a duplicate AutoExpand is a warning (the generated code reads it)", () => {
  const file = path.join(FIXTURES, "requests", "auto-expand.xml");
  const content = fs.readFileSync(file, "utf8");
  const code = generate({ inputs: [{ file, content }] }).files.get("Calls.requests.ts") as string;
  expect(code).toMatch(/ {2}organizer: rt\.Nav<Person, PersonNavigation, \{\}, "id"> & rt\.AutoExpanded;/);
  expect(code).toMatch(/ {2}attendees: rt\.Nav<Person, PersonNavigation, \{\}, "id"> & rt\.AutoExpanded;/);
  expect(code).toMatch(/ {2}host: rt\.Nav<Person, PersonNavigation, \{\}, "id">;/);
  const twice = content.replace('<Annotation Term="Org.OData.Core.V1.AutoExpand"/>', '<Annotation Term="Org.OData.Core.V1.AutoExpand"/><Annotation Term="Org.OData.Core.V1.AutoExpand" Bool="false"/>');
  expect(generate({ inputs: [{ file, content: twice }] }).diagnostics.map((d) => [d.severity, d.code])).toEqual([["warning", "ODG104"]]);
});

describe("over HTTP", () => {
  let srv: Loopback;
  beforeAll(async () => {
    srv = await startLoopback();
  });
  afterAll(async () => {
    await srv?.close();
  });

  test("a read holding the expansion is validated and returned as it came", async () => {
    const dir = generateFixture("requests/auto-expand.xml", "auto-expand-http");
    const calls: typeof import("./.generated/auto-expand-http/Calls.requests") = require(path.join(dir, "Calls.requests"));
    const validators: typeof import("./.generated/auto-expand-http/Calls.validators") = require(path.join(dir, "Calls.validators"));
    const rt: typeof import("./.generated/auto-expand-http/runtime") = require(path.join(dir, "runtime"));
    const body = { id: "r1", kind: "call", organizer: { id: "p1", name: "Ann" }, attendees: [{ id: "p2", name: "Bo" }] };
    srv.handle(() => ({ body }));
    const client = rt.createClient({ baseUrl: srv.url });
    const record = await calls.getCallRecord(client, calls.records().byKey("r1"), { validate: validators.validateCallRecord });
    expect(record.organizer?.name).toBe("Ann");
    expect(record.attendees?.map((a) => a.id)).toEqual(["p2"]);
    expect(srv.requests.map((r) => r.url)).toEqual(["/records('r1')"]);
  });
});

test("odatagen diff: a navigation property no longer expanded unasked breaks the request functions; one newly so does not", () => {
  const { compareSummaries } = require("../generator/diff/compare") as typeof import("../generator/diff/compare");
  const { summarize } = require("../generator/diff/summary") as typeof import("../generator/diff/summary");
  const file = path.join(FIXTURES, "requests", "auto-expand.xml");
  const content = fs.readFileSync(file, "utf8");
  const without = content.replace('<Annotation Term="Org.OData.Core.V1.AutoExpand" Bool="true"/>', "");
  const summary = (text: string) => summarize(generate({ inputs: [{ file, content: text }] }).model);
  const [a, b] = [summary(content), summary(without)];
  const lines = (x: typeof a, y: typeof a) => compareSummaries(x, y).changes.map((c) => `${c.breaking ? "breaking" : "ok"} ${c.path}: ${c.detail}`);
  expect(lines(a, b)).toEqual(["breaking Calls.callRecord/organizer: no longer expanded unasked (Core.AutoExpand): a read without $expand is typed without it"]);
  expect(lines(b, a)).toEqual(["ok Calls.callRecord/organizer: now expanded unasked (Core.AutoExpand): a read without $select is typed with it"]);
  expect(compareSummaries(a, b, { validators: true, requests: false }).breaking).toBe(0);
});
