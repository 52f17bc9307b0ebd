// Streams declared otherwise than as `Edm.Stream` on a single-valued property. CSDL 4.01 §3.3 lets a
// type definition have `Edm.Stream` as its underlying type, and a property of that type is a stream
// property as an `Edm.Stream` one is: `unknown`, optional, in no body type, its own URL builder. It
// says `Edm.Stream` cannot be used in collections: a `Collection(Edm.Stream)` property is a warning
// (ODG102) at its element, and is read as a stream property too, so that its type, its guard and the
// validators' write modes agree. Checked by the real compiler, and by running the validators.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { build, edmx, keyed, schema } from "./helpers/csdl";
import { generateFixture } from "./helpers/generated";
import { anyCompiler, compileCases } from "./helpers/typecheck";

const XML = edmx(schema("Test.Streams", `
  <TypeDefinition Name="Blob" UnderlyingType="Edm.Stream" />
  ${keyed("Album", `
    <Property Name="cover" Type="Test.Streams.Blob" Nullable="false" />
    <Property Name="tracks" Type="Collection(Edm.Stream)" Nullable="false" />
    <Property Name="scans" Type="Collection(Test.Streams.Blob)" />
    <Property Name="title" Type="Edm.String" />`)}
  <EntityContainer Name="Container">
    <EntitySet Name="Albums" EntityType="Test.Streams.Album" />
  </EntityContainer>`));

const specDir = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-streams-"));
const file = path.join(specDir, "streams.xml");
fs.writeFileSync(file, XML);
const dir = generateFixture(file, "types-stream-collections");
afterAll(() => fs.rmSync(specDir, { recursive: true, force: true }));

test("a collection of streams is a warning at its element; a type definition of Edm.Stream is not", () => {
  const line = (name: string) => XML.split("\n").findIndex((l) => l.includes(`Name="${name}"`)) + 1;
  const said = build(XML, "streams.xml").diagnostics.map((d) => `${d.severity} ${d.code} ${d.line} [${d.path}] ${d.message}`);
  expect(said).toEqual([
    `warning ODG102 ${line("tracks")} [Test.Streams.Album/tracks] Type="Collection(Edm.Stream)" is a collection of streams (CSDL 4.01 §3.3: Edm.Stream, or a type definition of it, cannot be used in collections); read as a stream property: never required, any value in a read, none in a body`,
    `warning ODG102 ${line("scans")} [Test.Streams.Album/scans] Type="Collection(Test.Streams.Blob)" is a collection of streams (CSDL 4.01 §3.3: Edm.Stream, or a type definition of it, cannot be used in collections); read as a stream property: never required, any value in a read, none in a body`,
  ]);
});

const HEAD = `import type { Client } from "./runtime.js";
import type { Album } from "./Test.Streams.types.js";
import { isAlbum } from "./Test.Streams.validators.js";
import { albumCover, albums, createAlbum, getAlbum, updateAlbum } from "./Test.Streams.requests.js";
export async function use(client: Client, x: unknown): Promise<void> {`;

test("they read as unknown, are never required, and are no member of a body", () => {
  const lines = [
    `{ const a: Album = { id: "a" }; const v: unknown[] = [a.cover, a.tracks, a.scans]; void v; }`,
    `if (isAlbum(x)) { const v: unknown = x.tracks; void v; }`,
    `{ await createAlbum(client, albums(), { id: "a", title: "t" }); await updateAlbum(client, albums().byKey("a"), { title: "u" }); void albumCover(albums().byKey("a")); }`,
    `if (isAlbum(x)) { const t: string[] = x.tracks; void t; }`,
    `{ const a = await getAlbum(client, albums().byKey("a")); const c: string = a.cover; void c; }`,
    `{ await createAlbum(client, albums(), { id: "a", tracks: ["aGk="] }); }`,
    `{ await updateAlbum(client, albums().byKey("a"), { cover: "aGk=" }); }`,
    `{ await updateAlbum(client, albums().byKey("a"), { scans: null }); }`,
  ];
  const messages = compileCases(anyCompiler(), dir, HEAD, lines);
  const said = (i: number) => (messages.get(i) ?? []).map((m) => m.text).join("");
  expect([0, 1, 2].map(said)).toEqual(["", "", ""]);
  for (const i of [3, 4]) expect(said(i)).toMatch(/TS2322: Type 'unknown' is not assignable/);
  expect(said(5)).toMatch(/'tracks' does not exist/);
  expect(said(6)).toMatch(/'cover' does not exist/);
  expect(said(7)).toMatch(/'scans' does not exist/);
});

interface Result {
  valid: boolean;
  errors: { path: string; message: string }[];
}
/* eslint-disable @typescript-eslint/no-require-imports */
const ts = require(path.join(dir, "Test.Streams.validators")) as { validateAlbum(v: unknown, o?: object): Result; isAlbum(v: unknown): boolean };

test("the validators take any value of them in a read, require none, and refuse them in a body", () => {
  expect(ts.validateAlbum({ id: "a" }, { complete: true }).errors).toEqual([]);
  const read = { id: "a", cover: { any: "json" }, tracks: [{ not: "a string" }], scans: "x" };
  expect(ts.validateAlbum(read).errors).toEqual([]);
  expect(ts.isAlbum(read)).toBe(true);
  for (const mode of ["create", "update", "replace"]) {
    expect(ts.validateAlbum({ id: "a", cover: "aGk=", tracks: ["aGk="], scans: ["aGk="] }, { mode }).errors.map((e) => `${e.path} ${e.message}`)).toEqual([
      "/cover cover is a stream property: its value is written to its own URL, not in a body",
      "/tracks tracks is a collection of streams: CSDL does not allow one (§3.3), so no body holds its value and it has no URL of its own to write it to",
      "/scans scans is a collection of streams: CSDL does not allow one (§3.3), so no body holds its value and it has no URL of its own to write it to",
    ]);
  }
});
