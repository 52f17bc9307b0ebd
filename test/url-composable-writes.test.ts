/**
 * A PATCH, PUT or DELETE of the one entity a composable function returns (Graph's Excel API:
 * `PATCH …/worksheets/{id}/range(address='A1:B2')`, URL Conventions §4.5.1), at the address its
 * `…Ref` builder makes, as a write to a navigation property's entity is made
 * (test/fixtures/requests/composable-writes.xml): the generated functions send it over HTTP to
 * 127.0.0.1, `odatagen url` prints them, and a function that is not composable, or returns a
 * collection or a complex or primitive value, is still called with GET only.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { urlCalls, type UrlCall } from "../generator/url-calls";
import { FIXTURES, generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { runPrinted } from "./helpers/printed-code";

const SPEC = path.join(FIXTURES, "requests", "composable-writes.xml");
const dir = generateFixture("requests/composable-writes.xml", "composable-writes");
type Requests = typeof import("./.generated/composable-writes/Book.Svc.requests");
type Runtime = typeof import("./.generated/composable-writes/runtime");
/* eslint-disable @typescript-eslint/no-require-imports */
const api = require(path.join(dir, "Book.Svc.requests")) as Requests;
const rt = require(path.join(dir, "runtime")) as Runtime;
/* eslint-enable @typescript-eslint/no-require-imports */

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

/** What `odatagen url` answers for `method` and `url` over the fixture. */
function answer(method: string, url: string) {
  return urlCalls({ inputs: [{ file: SPEC, content: fs.readFileSync(SPEC, "utf8") }] }, [{ method, path: url }]).results[0]!;
}

describe("the generated functions write through a composable function's result", () => {
  test("update and delete of the result, and of a navigation property below it, without the set's restrictions or ETag", async () => {
    srv.handle(() => ({ status: 204 }));
    const client = rt.createClient({ baseUrl: `${srv.url}/v1.0` });
    const sheet = api.worksheets().byKey("s1");
    const range = api.rangeWithAddressRef(sheet, { address: "A1:B2" });
    await api.updateWorkbookRange(client, range, { values: [[1]] });
    await api.updateWorkbookRange(client, api.usedRangeRef(sheet), { id: "r", address: "A1", values: null }, { replace: true });
    await api.updateRangeFormat(client, api.workbookRangeFormat(range), { columnWidth: 20 });
    await api.deleteWorkbookRange(client, api.rangeRef(sheet));
    await api.deleteRangeFormat(client, api.workbookRangeFormat(range));
    await api.updateWorkbookRange(client, api.activeRangeRef(), { address: "C3" });
    expect(srv.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ["PATCH", "/v1.0/worksheets('s1')/Book.Svc.range(address='A1%3AB2')", '{"values":[[1]]}'],
      ["PUT", "/v1.0/worksheets('s1')/Book.Svc.usedRange()", '{"id":"r","address":"A1","values":null}'],
      ["PATCH", "/v1.0/worksheets('s1')/Book.Svc.range(address='A1%3AB2')/format", '{"columnWidth":20}'],
      ["DELETE", "/v1.0/worksheets('s1')/Book.Svc.range()", ""],
      ["DELETE", "/v1.0/worksheets('s1')/Book.Svc.range(address='A1%3AB2')/format", ""],
      ["PATCH", "/v1.0/activeRange()", '{"address":"C3"}'],
    ]);
  });
});

describe("odatagen url: PATCH, PUT and DELETE of a composable function's single-entity result", () => {
  test.each<[string, string, string, string]>([
    ["PATCH", "/worksheets/{id}/range(address='A1:B2')", 'rangeWithAddressRef(worksheet, { address: "A1:B2" })', "await updateWorkbookRange(client, target, body)"],
    // The overload is chosen by the parameters the URL names; the alias and no namespace are read too.
    ["PUT", "/worksheets/{id}/book.range()", "rangeRef(worksheet)", "await updateWorkbookRange(client, target, body, { replace: true })"],
    ["DELETE", "/worksheets('s1')/usedRange()", "usedRangeRef(worksheet)", "await deleteWorkbookRange(client, target)"],
    ["PATCH", "/worksheets/{id}/range(address='A1')/format", 'workbookRangeFormat(rangeWithAddressRef(worksheet, { address: "A1" }))', "await updateRangeFormat(client, target, body)"],
    ["DELETE", "/worksheets/{id}/range(address='A1')/format", 'workbookRangeFormat(rangeWithAddressRef(worksheet, { address: "A1" }))', "await deleteRangeFormat(client, target)"],
    ["PATCH", "/activeRange()", "activeRangeRef()", "await updateWorkbookRange(client, target, body)"],
  ])("%s %s", (method, url, address, call) => {
    const r = answer(method, url);
    if (!r.ok) throw new Error(r.problem);
    const target = r.call.code.split("\n").find((l) => l.startsWith("const target = "));
    expect([target, r.call.call.replace(/^const result = /, "")]).toEqual([`const target = ${address};`, `${call};`]);
    // The worksheets' restrictions and optimistic concurrency are the set's, not the result's.
    expect(r.call.variables.map((v) => v.name)).not.toContain("etag");
  });

  test("the printed code sends the request", async () => {
    const r = answer("PATCH", "/worksheets/{id}/range(address='A1:B2')");
    if (!r.ok) throw new Error(r.problem);
    srv.handle(() => ({ status: 204 }));
    const before = srv.requests.length;
    await run(r.call, { id: "s1", body: { values: [[2]] } });
    expect(srv.requests.slice(before).map((x) => [x.method, x.url, x.body])).toEqual([["PATCH", "/v1.0/worksheets('s1')/Book.Svc.range(address='A1%3AB2')", '{"values":[[2]]}']]);
  });

  test.each([
    ["PATCH", "/worksheets/{id}/lastCell()", "lastCell is a function, called with GET"],
    ["PATCH", "/worksheets/{id}/rows()", "rows is a function, called with GET"],
    ["DELETE", "/worksheets/{id}/dimensions()", "dimensions is a function, called with GET"],
    ["PUT", "/worksheets/{id}/cellCount()", "cellCount is a function, called with GET"],
    ["POST", "/worksheets/{id}/range(address='A1')", "range is a function, called with GET"],
    ["PATCH", "/worksheets/{id}/rangeAt(spec=@s)", "no address builder for what Book.Svc.rangeAt returns (a composable function's, whose parameters are all written in the path): nothing can follow it"],
    // The set's own restrictions still hold at the worksheet.
    ["PATCH", "/worksheets/{id}", "the service's metadata forbids this request (Capabilities UpdateRestrictions/Updatable is false on Book.Svc.Container/worksheets), so updateWorksheet does not compile on this address; to send it anyway, give updateWorksheet rt.unrestricted(target)"],
  ])("%s %s is refused", (method, url, why) => {
    expect(answer(method, url)).toEqual({ ok: false, problem: `${method} ${url}: ${why}`, addressed: true });
  });
});

/** Runs the printed code with `values` for its variables, its client on the loopback service. */
function run(c: UrlCall, values: Record<string, unknown>): Promise<void> {
  return runPrinted(c, { "./Book.Svc.requests.js": api, "./index.js": rt }, rt.createClient({ baseUrl: `${srv.url}/v1.0` }), values);
}
