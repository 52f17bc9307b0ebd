// What an editor shows when the cursor is on an argument of a generated request function: the doc
// comments of the query options and of an operation's parameters, read through TypeScript's own
// language service (as VS Code's hover does) over the trippin-lite fixture.
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { generateFixture } from "./helpers/generated";
import { languageService } from "./helpers/language-service";

const USAGE = `
import * as rt from "./runtime.js";
import { createPerson, findTrips, getPerson, listPersons, people, updatePerson } from "./Travel.Lite.requests.js";

declare const client: rt.Client;

export async function use() {
  await listPersons(client, people(), { select: ["UserName"], filter: "Age gt 30", orderby: "Age desc", top: 5, skip: 5, count: true, expand: { Friends: true } });
  await findTrips(client, { near: null, after: "2026-01-01T00:00:00Z", tags: [] });
  const one = people().byKey("u");
  await getPerson(client, one);
  await createPerson(client, people(), { UserName: "u" });
  await updatePerson(client, one, { Age: 1 });
}

export const called = [rt.readPage, rt.read, rt.create, rt.update, rt.remove];
`;

describe("hover documentation of a request function's arguments", () => {
  const dir = generateFixture("trippin-lite.xml", "editor-docs", { keyAsSegment: false });
  const file = path.join(dir, "usage.ts");
  fs.writeFileSync(file, USAGE);
  const service = languageService(file, USAGE);
  /** The documentation an editor shows for the name at the first `name:` after `marker`. */
  const hover = (marker: string, name: string) => ts.displayPartsToString(service.getQuickInfoAtPosition(file, USAGE.indexOf(`${name}:`, USAGE.indexOf(marker)) + 1)?.documentation);

  test.each([
    ["select", "`$select` (URL Conventions §5.1.3)"],
    ["filter", "`$filter` (§5.1.1): an expression in OData's syntax, sent as written"],
    ["orderby", "`$orderby` (§5.1.4)"],
    ["top", "`$top` (§5.1.5)"],
    ["skip", "`$skip` (§5.1.5)"],
    ["count", "`$count=true` (§5.1.6)"],
    ["expand", "`$expand` (§5.1.2)"],
  ])("the query option %s says what it sends", (name, doc) => {
    expect(hover("listPersons(", name)).toContain(doc);
  });

  test("an operation's date parameter names the form its literal takes", () => {
    expect(hover("findTrips(", "after")).toBe("Edm.DateTimeOffset (RFC 3339 text, e.g. 2019-11-01T00:00:00Z)");
  });

  // A request function's doc comment says the request and names the runtime function it calls,
  // whose doc comment (one place, not a copy per type) tells what it resolves with.
  const docOf = (at: number) => ts.displayPartsToString(service.getQuickInfoAtPosition(file, at)?.documentation).replace(/\s+/g, " ");
  test.each([
    ["listPersons(", "readPage", "follow `@odata.nextLink` with `pages` or `collectAll`"],
    ["getPerson(", "read", "resolves with the selected properties, else the service's default set"],
    ["createPerson(", "create", "resolves with the created entity (its default set)"],
    ["updatePerson(", "update", "with `replace: true`, PUT of `body`, the whole entity"],
  ])("the doc of %s names rt.%s, whose doc tells what it resolves with", (call, runtime, said) => {
    expect(docOf(USAGE.indexOf(call) + 1)).toMatch(new RegExp(`^[^\`]+ \`[\\w.]+\`[^(]* \\([A-Z]+[^)]*\`rt\\.${runtime}\`\\)\\.$`));
    expect(docOf(USAGE.indexOf(`rt.${runtime},`) + 3)).toContain(said);
  });
});
