/**
 * What `odatagen url` reads a segment as, where a name could mean two things: a navigation or
 * structural property of the entity and a bound operation of that name alone (the property, which
 * a service reads first), and a name qualified by the service's namespace after a collection (a type
 * cast, never a key value). On `test/fixtures/requests/operation-segments.xml` and
 * `requests/cast-expand.xml`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { urlCalls } from "../generator/url-calls";

function answers(fixture: string, requests: readonly [string, string][]): string[] {
  const file = path.join(__dirname, "fixtures", fixture);
  const read = urlCalls({ inputs: [{ file, content: fs.readFileSync(file, "utf8") }] }, requests.map(([method, p]) => ({ method, path: p })));
  return read.results.map((r) => (r.ok ? `${r.call.address ?? ""} ${r.call.call}` : r.problem));
}

test("a name alone that is a navigation property of the entity is the navigation property, not the bound action of that name", () => {
  expect(
    answers("requests/operation-segments.xml", [
      ["POST", "/users('u1')/messages"],
      ["GET", "/users('u1')/messages"],
      ["DELETE", "/users('u1')/messages('m1')"],
      ["POST", "/users('u1')/Mail.Svc.messages"],
    ]),
  ).toEqual([
    "userMessages(users().byKey(\"u1\")) const result = await createMessage(client, target, body);",
    "userMessages(users().byKey(\"u1\")) const result = await listMessages(client, target);",
    "userMessages(users().byKey(\"u1\")).byKey(\"m1\") await deleteMessage(client, target);",
    "users().byKey(\"u1\") await messages(client, target);",
  ]);
});

test("a name alone that is a structural property is the property; with parentheses it is the function", () => {
  expect(
    answers("requests/operation-segments.xml", [
      ["GET", "/users('u1')/displayName"],
      ["GET", "/users('u1')/displayName()"],
    ]),
  ).toEqual([
    "/users('u1')/displayName: displayName is a property of Mail.Svc.user that leads to no navigation property: no function addresses it alone; read it with the Mail.Svc.user's, selecting it (select: [\"displayName\"])",
    "users().byKey(\"u1\") const result = await displayName(client, target);",
  ]);
});

test("a qualified name after a collection that names no subtype is refused, not read as a key value", () => {
  expect(
    answers("requests/cast-expand.xml", [
      ["GET", "/mailFolders/f1/messages/mail.model.eventMesage"],
      ["GET", "/mailFolders/f1/messages/mail.model.eventMessage"],
      ["GET", "/mailFolders/f1/messages/mail.model.1"],
    ]),
  ).toEqual([
    "/mailFolders/f1/messages/mail.model.eventMesage: mail.model.message has no subtype or bound action or function named mail.model.eventMesage; did you mean mail.model.eventMessage?",
    expect.stringContaining("castMessage("),
    expect.stringContaining('.byKey("mail.model.1")'),
  ]);
  // A cast to the declared type itself selects every value: the address without it.
  expect(answers("requests/cast-expand.xml", [["GET", "/mailFolders/f1/messages/mail.model.message"]])).toEqual(['mailFolderMessages(mailFolders().byKey("f1")) const result = await listMessages(client, target);']);
});

test("a key in parentheses right after a collection's type cast addresses a member of that type", () => {
  expect(
    answers("requests/media-types.xml", [
      ["GET", "/Photos/Mt.Scan('x')"],
      ["GET", "/Photos/Mt.Scan('x')/$value"],
      ["GET", "/Photos('y')/Mt.Scan('x')"],
    ]),
  ).toEqual([
    'castPhoto(photos(), "Mt.Scan").byKey("x") const result = await getScan(client, target);',
    'photoContent(castPhoto(photos(), "Mt.Scan").byKey("x")) const result = await readStream(client, target);',
    "/Photos('y')/Mt.Scan('x'): a type cast (Mt.Scan) of one entity takes no parentheses",
  ]);
});
