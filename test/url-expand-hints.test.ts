/**
 * `odatagen url` on `$expand=nav/$ref` and `$expand=nav/$count`, which the typed options do not
 * take: refused with the options or function that read the same (`$select` of the key, `readRefs`,
 * `$count=true;$top=0`), and a type cast after a navigation property (`messages/Ns.eventMessage`),
 * with the ways through. On the fixtures `test/fixtures/trippin-lite.xml` and `requests/cast-expand.xml`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { urlCalls } from "../generator/url-calls";

function answers(paths: readonly string[], fixture = "trippin-lite.xml"): string[] {
  const file = path.join(__dirname, "fixtures", fixture);
  const read = urlCalls({ inputs: [{ file, content: fs.readFileSync(file, "utf8") }] }, paths.map((p) => ({ method: "GET", path: p })));
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

test("a type cast after a navigation property in $expand is refused with the ways through; a misspelt one with did-you-mean", () => {
  expect(answers(["/mailFolders?$expand=messages/mail.model.eventMessage", "/mailFolders?$expand=messages/mail.model.eventMesage($select=subject)", "/mailFolders/{id}/messages/mail.model.eventMessage"], "requests/cast-expand.xml")).toEqual([
    'GET /mailFolders: $expand=messages/mail.model.eventMessage: messages/mail.model.eventMessage: a type cast after a navigation property, which the typed options do not take: expand messages and tell the entities apart by @odata.type ("#mail.model.eventMessage"), or read them from their own address, …/messages/mail.model.eventMessage',
    "GET /mailFolders: $expand=messages/mail.model.eventMesage($select=subject): messages/mail.model.eventMesage: mail.model.eventMesage is no type derived from mail.model.message; did you mean mail.model.eventMessage?",
    "const result = await listEventMessages(client, target);",
  ]);
});
