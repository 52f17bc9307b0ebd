// A read entity's links (JSON Format §4.5.9, §4.5.11): `@odata.readLink`, a navigation property's
// `Trips@odata.navigationLink` and `Trips@odata.associationLink`, and an expanded collection's
// `Trips@odata.nextLink` are strings, `Trips@odata.count` a number, with or without $select, in an
// expanded entity too; so is control information without the `odata.` prefix, as OData 4.01
// payloads may write it (`@etag`, `Trips@navigationLink`). Checked by the real compiler on TripPin.
import { generateFixture } from "./helpers/generated";
import { anyCompiler, compileCases } from "./helpers/typecheck";

const HEAD = `import type { Client } from "./runtime.js";
import { getPerson, listPersons, people } from "./Travel.Lite.requests.js";
export async function use(client: Client): Promise<void> {`;

test("readLink, navigationLink, associationLink and an expanded collection's nextLink are strings, its count a number", () => {
  const dir = generateFixture("trippin-lite.xml", "types-link-control");
  const lines = [
    `{ const p = await getPerson(client, people().byKey("a")); const read: string | undefined = p["@odata.readLink"]; read?.trim(); }`,
    `{ const p = await getPerson(client, people().byKey("a"), { select: ["UserName"] }); const l: (string | undefined)[] = [p["Trips@odata.navigationLink"], p["BestFriend@odata.associationLink"]]; l.at(0)?.trim(); }`,
    `{ const p = await getPerson(client, people().byKey("a"), { expand: { Trips: true } }); const next: string | undefined = p["Trips@odata.nextLink"]; const n: number | undefined = p["Trips@odata.count"]; next?.trim(); n?.toFixed(); }`,
    `{ const page = await listPersons(client, people(), { expand: { BestFriend: true } }); const l: string | undefined = page.value[0]?.BestFriend?.["Trips@odata.navigationLink"]; l?.trim(); }`,
    `{ const p = await getPerson(client, people().byKey("a")); const l: (string | undefined)[] = [p["@etag"], p["@id"], p["@readLink"], p["@editLink"], p["@context"], p["Trips@navigationLink"], p["Photo@mediaReadLink"]]; const n: number | undefined = p["Trips@count"]; l.at(0)?.trim(); n?.toFixed(); }`,
    `{ const p = await getPerson(client, people().byKey("a")); const n: number | undefined = p["Trips@odata.navigationLink"]; n?.toFixed(); }`,
    `{ const p = await getPerson(client, people().byKey("a")); const s: string | undefined = p["Trips@odata.count"]; s?.trim(); }`,
  ];
  const messages = compileCases(anyCompiler(), dir, HEAD, lines);
  const said = (i: number) => (messages.get(i) ?? []).map((m) => m.text).join("");
  expect([0, 1, 2, 3, 4].map(said)).toEqual(["", "", "", "", ""]);
  // Typed, not `unknown` or `any`.
  expect(said(5)).toMatch(/TS2322: Type 'string \| undefined' is not assignable to type 'number \| undefined'/);
  expect(said(6)).toMatch(/TS2322: Type 'number \| undefined' is not assignable to type 'string \| undefined'/);
});
