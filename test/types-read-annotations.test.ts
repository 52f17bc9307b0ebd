// Instance annotations of an entity as read (JSON Format §20: `@Namespace.Term` and
// `property@Namespace.Term`, Graph's `@microsoft.graph.downloadUrl` on a driveItem) may be read, as
// `unknown`: their terms are not in the metadata. Checked by the real compiler on TripPin.
import { generateFixture } from "./helpers/generated";
import { anyCompiler, compileCases } from "./helpers/typecheck";

const HEAD = `import type { Client } from "./runtime.js";
import { getPerson, listPersons, people, updatePerson } from "./Travel.Lite.requests.js";
export async function use(client: Client): Promise<void> {`;

test("an entity's and a property's instance annotations read as unknown, and the entity still goes back as a body", () => {
  const dir = generateFixture("trippin-lite.xml", "types-read-annotations");
  const lines = [
    `{ const p = await getPerson(client, people().byKey("a")); const url = p["@microsoft.graph.downloadUrl"]; if (typeof url === "string") url.trim(); }`,
    `{ const p = await getPerson(client, people().byKey("a"), { select: ["FirstName"] }); const m: unknown = p["FirstName@Core.Messages"]; void m; }`,
    `{ const page = await listPersons(client, people(), { expand: { BestFriend: { select: ["UserName"] } } }); const a: unknown = page.value[0]?.BestFriend?.["@ns.term"]; void a; }`,
    `{ const p = await getPerson(client, people().byKey("a")); await updatePerson(client, people().byKey("a"), p); }`,
    `{ const p = await getPerson(client, people().byKey("a")); const s: string = p["@microsoft.graph.downloadUrl"]; void s; }`,
  ];
  const messages = compileCases(anyCompiler(), dir, HEAD, lines);
  const said = (i: number) => (messages.get(i) ?? []).map((m) => m.text).join("");
  expect([0, 1, 2, 3].map(said)).toEqual(["", "", "", ""]);
  // `unknown`, not `any`: its value is checked before use.
  expect(said(4)).toMatch(/TS2322: Type 'unknown' is not assignable to type 'string'/);
});
