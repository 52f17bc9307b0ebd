/**
 * `odatagen url` with `$apply` (OData Extension for Data Aggregation 4.0): the call is
 * `rt.aggregate`, with the transformations as its argument and the options that may follow them;
 * what may not, and `$apply` where no collection is read, are refused. On the fixture
 * `test/fixtures/trippin-lite.xml`; url-calls.test.ts compiles such a call against TripPin.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { urlCalls } from "../generator/url-calls";
import { randomEdits } from "./helpers/random";

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

test("$apply's transformations are checked against the items they read, up to the first that changes what an item is", () => {
  const good = [
    "groupby((Gender),aggregate(Age with average as AverageAge))",
    "filter(Age gt 30 and startswith(FirstName,'R'))/groupby((Gender,Home/City),aggregate($count as Total))",
    "compute(Age mul 2 as Double)/filter(Double gt 60)/orderby(Double desc,LastName)/top(5)",
    "aggregate(Age with sum as Total,Age with Custom.median as Median)",
    "groupby((Gender))/filter(Gender ne null)/orderby(Gender)",
    "topcount(3,Age)/identity",
    "search(Russell)/concat(groupby((Gender)),aggregate($count as N))",
    "Custom.transform(1)/whatever(x)",
    // Through a collection-valued navigation property to its items, as grouping and aggregating may go.
    "groupby((Friends/Gender),aggregate(Trips/Budget with sum as Total))",
  ];
  expect(answers(good.map((a) => ["GET", `/People?$apply=${encodeURIComponent(a)}`])).filter((a) => !a.includes("await aggregate("))).toEqual([]);
  const bad: [string, string][] = [
    ["groupby((Gendr))", "Travel.Lite.Person has no property Gendr; did you mean Gender?"],
    ["groupby((Gender),aggregate(Aeg with sum as Total))", "Travel.Lite.Person has no property Aeg; did you mean Age?"],
    ["aggregate(Age with avg as Mean)", "avg is no aggregation method (sum, min, max, average, countdistinct, or a qualified custom one)"],
    ["aggregate(Age with summ as Total)", "summ is no aggregation method (sum, min, max, average, countdistinct, or a qualified custom one); did you mean sum?"],
    ["filter(Age gt '30')/groupby((Gender))", "Age is an Edm.Int32: '30' is a string; write it unquoted: 30"],
    ["fitler(Age gt 30)", "fitler is no transformation of $apply; did you mean filter?"],
    ["compute(Age mul 2)", "Age mul 2: a computed value is an expression as a name (Price mul Quantity as Total)"],
    ["compute(Age mul 2 as Double)/compute(Doubel add 1 as Triple)", "Travel.Lite.Person has no property Doubel; did you mean Double?"],
    ["compute(Age mul 2 as Double)/filter(Doubel gt 60)", "Travel.Lite.Person has no property Doubel; did you mean Double?"],
    ["orderby(LastNam desc)", "Travel.Lite.Person has no property LastNam; did you mean LastName?"],
    ["topcount(3,Agee)", "Travel.Lite.Person has no property Agee; did you mean Age?"],
    ["groupby(Gender)", "groupby takes its paths in parentheses: groupby((Name),…)"],
    ["groupby((Friends/Gendr))", "Travel.Lite.Person has no property Gendr; did you mean Gender?"],
  ];
  expect(answers(bad.map(([a]) => ["GET", `/People?$apply=${encodeURIComponent(a)}`]))).toEqual(bad.map(([a, why]) => `GET /People: $apply=${a}: ${why}`));
});

test("1,000 seeded random edits of good transformations each get an answer: the call, or a refusal that names $apply, never an exception", () => {
  const good = [
    "groupby((Gender),aggregate(Age with average as AverageAge))",
    "filter(Age gt 30 and startswith(FirstName,'R'))/groupby((Gender,Home/City),aggregate($count as Total))",
    "compute(Age mul 2 as Double)/filter(Double gt 60)/orderby(Double desc,LastName)/top(5)",
    "topcount(3,Age)/identity",
    "concat(groupby((Gender)),aggregate(Age with max as Oldest))",
  ];
  const alphabet = "()/,' $.asgwithum";
  const applies = randomEdits(good, alphabet, 1000, 11);
  const results = answers(applies.map((a) => ["GET", `/People?$apply=${encodeURIComponent(a)}`]));
  const refused = results.filter((r) => !r.includes("await aggregate("));
  expect(refused.filter((r) => !r.startsWith("GET /People: $apply="))).toEqual([]);
  expect(refused.length).toBeGreaterThan(300);
  expect(refused.length).toBeLessThan(1000);
});
