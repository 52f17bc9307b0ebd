// A change for which the service's metadata requires the header If-Match (Capabilities
// UpdateRestrictions or DeleteRestrictions CustomHeaders, Required: Graph's Planner, which refuses
// a PATCH of /planner/tasks/{id} without it) is refused before anything is sent where no ETag is
// given, as a change of an entity set with Core.OptimisticConcurrency is; given one, in the options
// or as the body's @odata.etag, it is sent as If-Match. Over real HTTP on 127.0.0.1.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";

const dir = generateFixture("requests/required-if-match.xml", "required-if-match", { keyAsSegment: true });
const pl: typeof import("./.generated/required-if-match/Pl.requests") = require(path.join(dir, "Pl.requests"));
const rt: typeof import("./.generated/required-if-match/runtime") = require(path.join(dir, "runtime"));

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

const sent = () => srv.requests.map((r) => [r.method, r.url, r.headers["if-match"] ?? "-"]);
const refused = (request: string) => `${request}: the service's metadata requires If-Match here (Capabilities CustomHeaders): give options.etag (@odata.etag, or "*")`;

test("an update or delete the metadata requires If-Match for is refused without an ETag, and sent with one", async () => {
  const base = `${srv.url}/v1.0`;
  const client = rt.createClient({ baseUrl: base });
  srv.handle(() => ({ status: 204 }));
  const task = pl.plannerTasks(pl.planner()).byKey("t1");
  // Graph's PATCH /planner/tasks/{id} and /planner/tasks/{id}/details, and an entity type's own restriction (every set of it).
  await expect(pl.updateTask(client, task, { title: "x" })).rejects.toThrow(new TypeError(refused(`PATCH ${base}/planner/tasks/t1`)));
  await expect(pl.updateDetails(client, pl.taskDetails(task), { description: "d" })).rejects.toThrow(new TypeError(refused(`PATCH ${base}/planner/tasks/t1/details`)));
  await expect(pl.updatePlan(client, pl.plans().byKey("p1"), { title: "t" }, { replace: true })).rejects.toThrow(new TypeError(refused(`PUT ${base}/plans/p1`)));
  await expect(pl.deleteBucket(client, pl.plannerBuckets(pl.planner()).byKey("b1"))).rejects.toThrow(new TypeError(refused(`DELETE ${base}/planner/buckets/b1`)));
  expect(sent()).toEqual([]);

  // With one: from the options, or the body's own (an entity as read).
  await pl.updateTask(client, task, { title: "x" }, { etag: 'W/"JzEtVGFzayAgQEBAQEBAQEBAQEBAQEBAWCc="' });
  const asRead = { "@odata.etag": 'W/"d1"', description: "d" };
  await pl.updateDetails(client, pl.taskDetails(task), asRead);
  await pl.updatePlan(client, pl.plans().byKey("p1"), { title: "t" }, { etag: "*" });
  await pl.deleteBucket(client, pl.plannerBuckets(pl.planner()).byKey("b1"), { etag: 'W/"b1"' });
  // Not required: a delete where only updates need it, a header the metadata names but does not
  // require, a member's other navigation (the task's details are their own address), the singleton.
  await pl.deleteTask(client, task);
  await pl.updateTask(client, pl.plannerArchived(pl.planner()).byKey("t2"), { title: "y" });
  await pl.updateBucket(client, pl.plannerBuckets(pl.planner()).byKey("b1"), { name: "n" });
  await pl.updatePlanner(client, pl.planner(), {});
  expect(sent()).toEqual([
    ["PATCH", "/v1.0/planner/tasks/t1", 'W/"JzEtVGFzayAgQEBAQEBAQEBAQEBAQEBAWCc="'],
    ["PATCH", "/v1.0/planner/tasks/t1/details", 'W/"d1"'],
    ["PATCH", "/v1.0/plans/p1", "*"],
    ["DELETE", "/v1.0/planner/buckets/b1", 'W/"b1"'],
    ["DELETE", "/v1.0/planner/tasks/t1", "-"],
    ["PATCH", "/v1.0/planner/archived/t2", "-"],
    ["PATCH", "/v1.0/planner/buckets/b1", "-"],
    ["PATCH", "/v1.0/planner", "-"],
  ]);
  // The body's ETag is not sent in the body.
  expect(JSON.parse(srv.requests[1]!.body)).toEqual({ description: "d" });
});

test("in a batch, the refused change rejects and is not sent; the others go", async () => {
  const client = rt.createClient({ baseUrl: `${srv.url}/v1.0` });
  srv.handle((req) => {
    const b = JSON.parse(req.body) as { requests: { id: string }[] };
    return { status: 200, body: { responses: b.requests.map((r) => ({ id: r.id, status: 204 })) } };
  });
  const b = rt.batch(client);
  const task = pl.plannerTasks(pl.planner()).byKey("t1");
  const without = pl.updateTask(b, task, { title: "x" });
  const withEtag = pl.updateTask(b, task, { title: "y" }, { etag: 'W/"e"' });
  await b.send();
  await expect(without).rejects.toThrow(TypeError);
  await expect(withEtag).resolves.toBeUndefined();
  const requests = (JSON.parse(srv.requests[0]!.body) as { requests: { method: string; url: string; headers: Record<string, string> }[] }).requests;
  expect(requests.map((r) => [r.method, r.url, r.headers["if-match"]])).toEqual([["PATCH", "planner/tasks/t1", 'W/"e"']]);
});
