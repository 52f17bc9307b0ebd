// A read entity's media control information (JSON Format §4.5.8–§4.5.11): a media entity's
// `@odata.mediaReadLink`, `…EditLink`, `…ContentType` and `…Etag`, and a stream property's
// `Photo@odata.mediaReadLink` and the rest, are typed as the strings they are, with `$select` or
// without, in an expanded entity too. Checked by the real compiler on TripPin's media entity
// (`Document`) and stream property (`Person.Photo`).
import { generateFixture } from "./helpers/generated";
import { anyCompiler, compileCases } from "./helpers/typecheck";

const HEAD = `import type { Client } from "./runtime.js";
import { documents, getDocument, getPerson, listPersons, people } from "./Travel.Lite.requests.js";
export async function use(client: Client): Promise<void> {`;

test("media links of a media entity and of a stream property are strings, with or without $select", () => {
  const dir = generateFixture("trippin-lite.xml", "types-media-links");
  const lines = [
    `{ const d = await getDocument(client, documents().byKey("00000000-0000-0000-0000-000000000001")); const read: string | undefined = d["@odata.mediaReadLink"]; read?.trim(); }`,
    `{ const d = await getDocument(client, documents().byKey("00000000-0000-0000-0000-000000000001"), { select: ["Title"] }); const m: (string | undefined)[] = [d["@odata.mediaEditLink"], d["@odata.mediaContentType"], d["@odata.mediaEtag"]]; m.at(0); }`,
    `{ const p = await getPerson(client, people().byKey("a"), { select: ["Photo"] }); const link: string | undefined = p["Photo@odata.mediaReadLink"]; link?.trim(); }`,
    `{ const page = await listPersons(client, people(), { expand: { BestFriend: { select: ["UserName"] } } }); const t: string | undefined = page.value[0]?.BestFriend?.["Photo@odata.mediaContentType"]; t?.trim(); }`,
    `{ const d = await getDocument(client, documents().byKey("00000000-0000-0000-0000-000000000001")); const n: number | undefined = d["@odata.mediaReadLink"]; n?.toFixed(); }`,
  ];
  const messages = compileCases(anyCompiler(), dir, HEAD, lines);
  const said = (i: number) => (messages.get(i) ?? []).map((m) => m.text).join("");
  expect([0, 1, 2, 3].map(said)).toEqual(["", "", "", ""]);
  // Typed, not `any`: a link is no number.
  expect(said(4)).toMatch(/TS2322: Type 'string \| undefined' is not assignable to type 'number \| undefined'/);
});
