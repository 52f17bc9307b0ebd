/**
 * Capabilities `UpdateRestrictions/UpdateMethod` (model/update-method.ts): the update methods an
 * address lists. The builders' doc comments say a method listed alone, and `odatagen url` notes an
 * update sent with a method not listed, above the call (not refused: Graph documents PATCH at some
 * addresses listing PUT alone). On `test/fixtures/requests/update-method.xml`, on CSDL JSON, and on
 * Graph (skipping visibly without ../shared/corpus): a group's team is made with PUT.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { urlCalls, type UrlRequest } from "../generator/url-calls";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";
import { docOf } from "./helpers/doc-of";

const FIXTURE = path.join(__dirname, "fixtures", "requests", "update-method.xml");
const NOTE = "// The service's metadata lists";

function answers(file: string, requests: readonly UrlRequest[], content = fs.readFileSync(file, "utf8")) {
  return urlCalls({ inputs: [{ file, content }] }, requests).results.map((r) => (r.ok ? r.call.code : `refused: ${r.problem}`));
}

/** The note above each call, or "" where there is none. */
function notes(file: string, requests: readonly UrlRequest[], content?: string): string[] {
  return answers(file, requests, content).map((code) => (code.startsWith("refused: ") ? code : code.split("\n").find((l) => l.startsWith(NOTE)) ?? ""));
}

test("odatagen url notes an update sent with a method the address does not list, and none where it lists it, lists both or lists no update method", () => {
  expect(
    notes(FIXTURE, [
      { method: "PATCH", path: "/Groups('g')/team" },
      { method: "PUT", path: "/Groups('g')/team" },
      { method: "PUT", path: "/Groups('g')" },
      { method: "PATCH", path: "/Groups('g')" },
      { method: "PATCH", path: "/Policies('p')" },
      { method: "PATCH", path: "/defaultPolicy" },
      { method: "PUT", path: "/Groups('g')/logs('l')" },
      { method: "PATCH", path: "/Groups('g')/archive" },
    ]),
  ).toEqual([
    `${NOTE} PUT alone for updating here (Capabilities UpdateRestrictions/UpdateMethod): this PATCH may be refused; { replace: true } sends a PUT.`,
    "",
    `${NOTE} PATCH alone for updating here (Capabilities UpdateRestrictions/UpdateMethod): this PUT may be refused; without replace: true it is a PATCH.`,
    "",
    // The type's own list, where its entity set says nothing.
    `${NOTE} PUT alone for updating here (Capabilities UpdateRestrictions/UpdateMethod): this PATCH may be refused; { replace: true } sends a PUT.`,
    // The singleton's own list (both) over its type's (PUT alone).
    "",
    // A list of other methods says nothing of updates.
    "",
    expect.stringMatching(/^refused: PATCH \/Groups\('g'\)\/archive: .*UpdateRestrictions\/Updatable/),
  ]);
  // The note stands right above the call, which is made as it would be without it.
  const [code] = answers(FIXTURE, [{ method: "PATCH", path: "/Groups('g')/team" }]);
  expect(code).toMatch(/\n\/\/ The service's metadata lists PUT alone[^\n]*\nconst result = await updateTeam\(client, target, body\);\n/);
});

test("the builders' doc comments say a method listed alone: a navigation property's, an entity set's, its type's; not where both are listed or updating is forbidden", () => {
  const requests = generate({ inputs: [{ file: FIXTURE, content: fs.readFileSync(FIXTURE, "utf8") }] }).files.get("Um.requests.ts")!;
  const doc = (builder: string) => docOf(requests, builder);
  expect(doc("groupTeam")).toContain(" * The metadata lists PUT alone for updating it (`UpdateRestrictions/UpdateMethod`): give `{ replace: true }`, which sends it with PUT.\n");
  expect(doc("groups")).toContain(" * The metadata lists PATCH alone for updating its members (`UpdateRestrictions/UpdateMethod`): leave out `replace: true`, which would send it with PUT.\n");
  expect(doc("policies")).toContain("The metadata lists PUT alone for updating its members");
  for (const builder of ["defaultPolicy", "groupArchive", "groupLogs"]) expect([builder, doc(builder)]).toEqual([builder, expect.not.stringContaining("UpdateMethod")]);
  expect(doc("groupArchive")).toContain("forbids updating it");
});

test("CSDL JSON: a member name, names separated by commas, and the flags' number", () => {
  const json = (method: unknown) =>
    JSON.stringify({
      $Version: "4.01",
      $EntityContainer: "ns.svc",
      ns: {
        thing: { $Kind: "EntityType", $Key: ["id"], id: {} },
        svc: { $Kind: "EntityContainer", things: { $Collection: true, $Type: "ns.thing", "@Org.OData.Capabilities.V1.UpdateRestrictions": { UpdateMethod: method } } },
      },
    });
  const patch = (content: string) => notes("m.json", [{ method: "PATCH", path: "/things('a')" }], content)[0];
  expect(patch(json("PUT"))).toContain("lists PUT alone");
  expect(patch(json("PATCH,PUT"))).toBe("");
  expect(patch(json(4))).toContain("lists PUT alone");
  expect(patch(json(6))).toBe("");
  expect(patch(json(1))).toBe("");
});

describeWithGraph("Graph's update methods")("Graph's update methods", () => {
  test("a group's team lists PUT alone, the ownerless group policy PATCH alone; a user lists none", () => {
    expect(notes(GRAPH, [{ method: "PATCH", path: "/groups/{id}/team" }, { method: "PUT", path: "/groups/{id}/team" }, { method: "PUT", path: "/policies/ownerlessGroupPolicy" }, { method: "PATCH", path: "/users/{id}" }])).toEqual([
      expect.stringContaining("lists PUT alone"),
      "",
      expect.stringContaining("lists PATCH alone"),
      "",
    ]);
  });
});
