/**
 * A request's JSON body, given to `urlCalls` (as `odatagen url --from` gives a HAR entry's, a curl
 * command's or a documentation page's), checked by its names against the metadata: an entity's and
 * a complex value's members, `@odata.type`, `nav@odata.bind`, a deep insert's entities, an action's
 * parameters; values are not checked. On the fixture `test/fixtures/trippin-lite.xml`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { urlCalls } from "../generator/url-calls";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";

const FIXTURE = path.join(__dirname, "fixtures", "trippin-lite.xml");

function answers(requests: [string, string, unknown][], options: object = {}): string[] {
  const read = urlCalls({ inputs: [{ file: FIXTURE, content: fs.readFileSync(FIXTURE, "utf8") }], ...options }, requests.map(([method, p, body]) => ({ method, path: p, body })));
  return read.results.map((r) => (r.ok ? r.call.call : r.problem));
}

test("a body whose names the metadata has is the call's, whatever its values, its annotations, its subtype's cast (by alias too), its deep insert", () => {
  const made = answers([
    ["PATCH", "/People('x')", { FirstName: "String", Age: "Int32", Home: { City: "Lyon" }, "@odata.etag": "W/\"1\"" }],
    ["POST", "/People", { "@odata.type": "#TL.Person", UserName: "x", "Friends@odata.bind": ["People('y')"], Trips: [{ Name: "x", Budget: 1, PlanItems: [{ Title: "t" }] }] }],
    ["PUT", "/People('x')/Trips(1)", { name: "case is Graph's to read", tripid: 1 }],
    ["POST", "/People('x')/TL.ShareTrip", { userName: "y", TripId: 1 }],
    ["GET", "/People('x')", { Anything: 1 }],
  ]);
  expect(made.filter((a) => !a.includes("await "))).toEqual([]);
});

test("a misspelt name in a body is refused at its path, with the name meant", () => {
  const cases: [string, string, unknown, string][] = [
    ["PATCH", "/People('x')", { FirstName: "a", LastNme: "b" }, "the body's LastNme: Travel.Lite.Person has no property LastNme; did you mean LastName?"],
    ["PATCH", "/People('x')", { Home: { City: "x", Adress: "y" } }, "the body's Home/Adress: Travel.Lite.Location has no property Adress; did you mean Address?"],
    ["POST", "/People", { UserName: "x", "Frends@odata.bind": ["People('y')"] }, "the body's Frends@odata.bind: Travel.Lite.Person has no property Frends; did you mean Friends?"],
    ["POST", "/People", { UserName: "x", "FirstName@odata.bind": "People('y')" }, "the body's FirstName@odata.bind: FirstName is no navigation property of Travel.Lite.Person, which @odata.bind binds"],
    ["POST", "/People", { "@odata.type": "#Travel.Lite.Persn" }, "the body's @odata.type: Travel.Lite.Persn is no type derived from Travel.Lite.Person; did you mean Travel.Lite.Person?"],
    ["POST", "/People", { UserName: "x", Trips: [{ Name: "x" }, { Name: "y", Budgit: 1 }] }, "the body's Trips[1]/Budgit: Travel.Lite.Trip has no property Budgit; did you mean Budget?"],
    ["POST", "/People('x')/TL.ShareTrip", { userName: "y", tripIdd: 1 }, "the body's tripIdd: Travel.Lite.ShareTrip has no parameter tripIdd; did you mean tripId?"],
    ["POST", "/People('x')/TL.ShareTrip", { other: 1 }, "the body's other: Travel.Lite.ShareTrip has no parameter other (it takes userName, tripId)"],
  ];
  expect(answers(cases.map(([m, p, b]) => [m, p, b]))).toEqual(cases.map(([m, p, , why]) => `${m} ${p}: ${why}`));
});

test("an enum value written in other letters' case than its member's is noted above the call with the member meant (as a $filter's is refused); a placeholder, a member as written and a number are not", () => {
  const read = urlCalls({ inputs: [{ file: FIXTURE, content: fs.readFileSync(FIXTURE, "utf8") }] }, [
    { method: "PATCH", path: "/People('x')", body: { Gender: "female" } },
    { method: "POST", path: "/People", body: { UserName: "x", Gender: "Female", Friends: [{ UserName: "y", Gender: "MALE" }] } },
    { method: "PATCH", path: "/People('x')", body: { Gender: "String", FirstName: "female" } },
    { method: "PATCH", path: "/People('x')", body: { Gender: 1 } },
  ]);
  const notes = read.results.map((r) => (r.ok ? r.call.code.split("\n").filter((l) => l.startsWith("// the body's")) : r.problem));
  expect(notes).toEqual([
    ["// the body's Gender: female is no member of Travel.Lite.Gender as the metadata writes it; did you mean Female? The generated type takes Female alone, and the body is sent as written (a service reading members case-sensitively refuses female)."],
    ["// the body's Friends[0]/Gender: MALE is no member of Travel.Lite.Gender as the metadata writes it; did you mean Male? The generated type takes Male alone, and the body is sent as written (a service reading members case-sensitively refuses MALE)."],
    [],
    [],
  ]);
});

test("in a slice, a name the slice may have left out is passed; a near miss of one it kept is not", () => {
  expect(answers([["PATCH", "/People('x')", { Unheard: 1 }], ["PATCH", "/People('x')", { FirstNam: "a" }]], { include: ["/People"] })).toEqual([
    "const result = await updatePerson(client, target, body, { etag });",
    "PATCH /People('x'): the body's FirstNam: Travel.Lite.Person has no property FirstNam; did you mean FirstName?",
  ]);
});

describeWithGraph("url-body Graph v1.0")("Graph v1.0: bodies its documentation writes", () => {
  test("pass by their names, placeholders for values and instance annotations included; a misspelt one does not", () => {
    const read = urlCalls({ inputs: [{ file: GRAPH, content: fs.readFileSync(GRAPH, "utf8") }], acceptWarnings: ["ODG106"] }, [
      { method: "POST", path: "/users", body: { accountEnabled: true, displayName: "Adele Vance", mailNickname: "AdeleV", userPrincipalName: "AdeleV@contoso.com", passwordProfile: { forceChangePasswordNextSignIn: true, password: "x" } } },
      { method: "POST", path: "/me/sendMail", body: { message: { subject: "Lunch?", body: { contentType: "Text", content: "x" }, toRecipients: [{ emailAddress: { address: "a@b.com" } }] }, saveToSentItems: "false" } },
      { method: "POST", path: "/teams", body: { "template@odata.bind": "https://graph.microsoft.com/v1.0/teamsTemplates('standard')", displayName: "Team" } },
      { method: "POST", path: "/me/drive/items/{id}/children", body: { name: "New Folder", folder: {}, "@microsoft.graph.conflictBehavior": "rename" } },
      { method: "PATCH", path: "/communications/callRecords/{callRecordId}/sessions/{sessionId}", body: { "@odata.type": "#microsoft.graph.callRecords.session", modalities: ["String"], caller: { "@odata.type": "microsoft.graph.callRecords.participantEndpoint", userAgent: { headerValue: "x" } } } },
      { method: "POST", path: "/me/sendMail", body: { message: { subject: "x", toRecipients: [{ emailAdress: { address: "a@b.com" } }] } } },
    ]);
    expect(read.results.map((r) => (r.ok ? "made" : r.problem))).toEqual([
      "made",
      "made",
      "made",
      "made",
      "made",
      "POST /me/sendMail: the body's message/toRecipients[0]/emailAdress: microsoft.graph.recipient has no property emailAdress; did you mean emailAddress?",
    ]);
    // The page's "Text" is the member text but for its case: made (Graph takes it), with a note.
    const sent = read.results[1]!;
    expect(sent.ok && sent.call.code.split("\n").find((l) => l.startsWith("// "))).toBe(
      "// the body's message/body/contentType: Text is no member of microsoft.graph.bodyType as the metadata writes it; did you mean text? The generated type takes text alone, and the body is sent as written (a service reading members case-sensitively refuses Text).",
    );
  });
});
