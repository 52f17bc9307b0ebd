/**
 * `odatagen url` (urlCalls) says the headers a service's metadata names for a request
 * (Capabilities `CustomHeaders`, model/custom-headers.ts): as `headers` of the call, and as a
 * comment above it in `code` that says how to send it. On the fixture
 * `test/fixtures/requests/custom-headers.xml`, and on Graph (skipping visibly without
 * ../shared/corpus): its `ConsistencyLevel` for `$search` on users, Planner's required `If-Match`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { urlCalls, type UrlRequest } from "../generator/url-calls";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";
import { docOf } from "./helpers/doc-of";

function calls(file: string, requests: readonly UrlRequest[]) {
  const read = urlCalls({ inputs: [{ file, content: fs.readFileSync(file, "utf8") }], acceptWarnings: ["ODG106"] }, requests);
  return read.results.map((r) => {
    if (!r.ok) throw new Error(r.problem);
    return r.call;
  });
}

test("each request reads its own record's headers: a list's and a count's ReadRestrictions, a member's ReadByKeyRestrictions, the type's UpdateRestrictions, a navigation property's own over its target's", () => {
  const file = path.join(__dirname, "fixtures", "requests", "custom-headers.xml");
  const answered = calls(file, [
    { path: "/People?$count=true" },
    { path: "/People/$count" },
    { path: "/People('a')" },
    { method: "PATCH", path: "/People('a')" },
    { method: "DELETE", path: "/People('a')/notes('n')" },
    { method: "DELETE", path: "/Notes('n')" },
    { method: "POST", path: "/People" },
    { path: "/Notes" },
  ]);
  expect(answered.map((c) => (c.headers ?? []).map((h) => `${h.name}${h.required ? " (required)" : ""} by ${h.by}`))).toEqual([
    ["ConsistencyLevel by ReadRestrictions/CustomHeaders"],
    ["ConsistencyLevel by ReadRestrictions/CustomHeaders"],
    ["X-Key by ReadRestrictions/ReadByKeyRestrictions/CustomHeaders"],
    ["If-Match (required) by UpdateRestrictions/CustomHeaders"],
    ["X-Reason (required) by DeleteRestrictions/CustomHeaders"],
    ["X-Note by DeleteRestrictions/CustomHeaders"],
    [],
    [],
  ]);
  expect(answered[0]!.code).toContain(
    '// The service\'s metadata names the header ConsistencyLevel for this request (Capabilities ReadRestrictions/CustomHeaders): Indicates the requested consistency level. For example "eventual": $search and $count queries need it. Send it in the options: headers: { ConsistencyLevel: "eventual" }.\nconst result = await listPersons(',
  );
  expect(answered[3]!.code).toContain("// The service's metadata requires the header If-Match for this request (Capabilities UpdateRestrictions/CustomHeaders): ETag value. The function sends it from its options' etag (the entity's @odata.etag), else from the body's @odata.etag, and refuses the request without either (a TypeError, before sending).\n");
  expect(answered[4]!.code).toContain('headers: { "X-Reason": "…" }');
  expect(answered[6]!.code).not.toContain("// The service's metadata");
});

describeWithGraph("Graph's custom headers")("Graph's custom headers", () => {
  test("ConsistencyLevel on a search of users, If-Match on an update of a Planner task's details; none on a user read by key", () => {
    const [search, details, user] = calls(GRAPH, [{ path: '/users?$search="displayName:wa"&$count=true' }, { method: "PATCH", path: "/planner/tasks/{id}/details" }, { path: "/users/{id}" }]);
    expect(search!.headers?.map((h) => [h.name, h.example?.value])).toEqual([["ConsistencyLevel", "eventual"]]);
    expect(details!.headers?.map((h) => [h.name, h.required])).toEqual([["If-Match", true]]);
    expect(user!.headers).toBeUndefined();
  });
});

test("the builders' doc comments say the same headers, for each request they are named for", () => {
  const file = path.join(__dirname, "fixtures", "requests", "custom-headers.xml");
  const requests = generate({ inputs: [{ file, content: fs.readFileSync(file, "utf8") }] }).files.get("Hd.requests.ts")!;
  const doc = (builder: string) => docOf(requests, builder);
  expect(doc("people")).toContain(
    " * The metadata names the header `ConsistencyLevel` for reading here (`ReadRestrictions/CustomHeaders`): Indicates the requested consistency level. For example `eventual`: $search and $count queries need it.\n" +
      " * The metadata names the header `X-Key` for reading a member here (`ReadRestrictions/ReadByKeyRestrictions/CustomHeaders`).\n" +
      " * The metadata requires the header `If-Match` for updating here (`UpdateRestrictions/CustomHeaders`): ETag value.\n",
  );
  expect(doc("people")).not.toContain("X-Phone");
  expect(doc("personNotes")).toContain("The metadata requires the header `X-Reason` for deleting here (`DeleteRestrictions/CustomHeaders`).");
  expect(doc("notes")).toContain("The metadata names the header `X-Note` for deleting here (`DeleteRestrictions/CustomHeaders`).");
});
