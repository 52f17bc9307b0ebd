/**
 * `odatagen url` with `$apply` (OData Extension for Data Aggregation 4.0): the call is
 * `rt.aggregate`, with the transformations as its argument and the options that may follow them;
 * what may not, and `$apply` where no collection is read, are refused. On the fixture
 * `test/fixtures/trippin-lite.xml`; url-calls.test.ts compiles such a call against TripPin.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { urlCalls } from "../generator/url-calls";

const FIXTURE = path.join(__dirname, "fixtures", "trippin-lite.xml");

function answers(requests: [string, string][]): string[] {
  const read = urlCalls({ inputs: [{ file: FIXTURE, content: fs.readFileSync(FIXTURE, "utf8") }] }, requests.map(([method, p]) => ({ method, path: p })));
  return read.results.map((r) => (r.ok ? `${r.call.imports.map((i) => `${i.module}: ${i.names.join(", ")}`).join("; ")} | ${r.call.call}` : r.problem));
}

test("$apply is rt.aggregate's argument, a placeholder a variable; the options after it name the transformed items, unchecked against the type", () => {
  expect(
    answers([
      ["GET", "/People?$apply=groupby((Gender),aggregate(Age with average as AverageAge))&$orderby=AverageAge desc&$top=3"],
      ["GET", "/People?$apply={apply}&$count=true&$skip=2&tenant=x"],
      ["GET", "/People/{id}/Friends?$apply=filter(Age gt 30)/groupby((Gender))&$filter=Gender ne null"],
    ]),
  ).toEqual([
    './Travel.Lite.requests.js: people; ./index.js: aggregate | const result = await aggregate(client, target, "groupby((Gender),aggregate(Age with average as AverageAge))", { orderby: "AverageAge desc", top: 3 });',
    './Travel.Lite.requests.js: people; ./index.js: aggregate | const result = await aggregate(client, target, apply, { count: true, skip: 2, query: { tenant: "x" } });',
    './Travel.Lite.requests.js: people, personFriends; ./index.js: aggregate | const result = await aggregate(client, target, "filter(Age gt 30)/groupby((Gender))", { filter: "Gender ne null" });',
  ]);
});

test("what does not follow $apply, and $apply where no collection is read, are refused", () => {
  expect(
    answers([
      ["GET", "/People?$apply=groupby((Gender))&$select=Gender"],
      ["GET", "/People?$apply=groupby((Gender))&$expand=Friends"],
      ["GET", "/People/{id}?$apply=groupby((Gender))"],
      ["POST", "/People?$apply=groupby((Gender))"],
    ]),
  ).toEqual([
    "GET /People: $select does not follow $apply in aggregate (it takes $filter, $orderby, $top, $skip and $count; the transformations say what each item has: expand(…), compute(…), search(…))",
    "GET /People: $expand does not follow $apply in aggregate (it takes $filter, $orderby, $top, $skip and $count; the transformations say what each item has: expand(…), compute(…), search(…))",
    "GET /People/{id}: $apply is no option of getPerson: $apply transforms a collection, which rt.aggregate reads",
    "POST /People: $apply is no option of createPerson: $apply transforms a collection, which rt.aggregate reads",
  ]);
});
