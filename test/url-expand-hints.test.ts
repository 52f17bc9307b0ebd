/**
 * `odatagen url` on `$expand=nav/$ref` and `$expand=nav/$count`, which the typed options do not
 * take: refused with the options or function that read the same (`$select` of the key, `readRefs`,
 * `$count=true;$top=0`). On the fixture `test/fixtures/trippin-lite.xml`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { urlCalls } from "../generator/url-calls";

const FIXTURE = path.join(__dirname, "fixtures", "trippin-lite.xml");

function answers(paths: readonly string[]): string[] {
  const read = urlCalls({ inputs: [{ file: FIXTURE, content: fs.readFileSync(FIXTURE, "utf8") }] }, paths.map((p) => ({ method: "GET", path: p })));
  return read.results.map((r) => (r.ok ? r.call.call : r.problem));
}

test("references or a count alone in $expand are refused with what reads them; what is suggested is taken", () => {
  expect(answers(["/People?$expand=Friends/$ref", "/People?$expand=BestFriend/$ref", "/People?$expand=BestFriend/$count", "/People?$expand=Friends/$count", "/People/{id}/Trips?$expand=PlanItems/$count", "/People?$expand=Friends($select=UserName)", "/People?$expand=Friends($count=true;$top=0)"])).toEqual([
    "GET /People: $expand=Friends/$ref: Friends/$ref: the typed options do not expand references alone; $expand=Friends($select=UserName) reads each one's key, and readRefs on the builder of Friends reads the references",
    "GET /People: $expand=BestFriend/$ref: BestFriend/$ref: the typed options do not expand references alone; $expand=BestFriend($select=UserName) reads its key, and readRef on the builder of BestFriend reads the reference",
    "GET /People: $expand=BestFriend/$count: BestFriend/$count: BestFriend is no collection, so it has no count",
    "GET /People: $expand=Friends/$count: Friends/$count: the typed options do not expand a count alone (OData 4.01); $expand=Friends($count=true;$top=0) reads Friends@odata.count",
    "GET /People/{id}/Trips: $expand=PlanItems/$count: PlanItems/$count: the typed options do not expand a count alone (OData 4.01); $expand=PlanItems($count=true;$top=0) reads PlanItems@odata.count",
    'const result = await listPersons(client, target, { expand: { Friends: { select: ["UserName"] } } });',
    "const result = await listPersons(client, target, { expand: { Friends: { count: true, top: 0 } } });",
  ]);
});
