// A stream property (`Edm.Stream`, TripPin's `Person.Photo`) as JSON Format 4.01 §4.5.12 and
// Protocol §11.4.8 have it: a read holds at most its media links, or its value inline when asked
// for, any JSON value, so its type is `unknown` and never required; a body never holds it (its
// value is written to its own URL), so a create's, a PATCH's and a PUT's body types leave it out and
// the validators' write modes refuse it. Checked by the real compiler, and by running the validators.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { anyCompiler, compileCases } from "./helpers/typecheck";

const dir = generateFixture("trippin-lite.xml", "types-stream-properties");

const HEAD = `import type { Client } from "./runtime.js";
import { createPerson, getPerson, people, updatePerson } from "./Travel.Lite.requests.js";
export async function use(client: Client): Promise<void> {`;

test("a stream property reads as unknown and is no member of a create's, a PATCH's or a PUT's body", () => {
  const lines = [
    `{ const p = await getPerson(client, people().byKey("a")); const v: unknown = p.Photo; void v; }`,
    `{ const p = await getPerson(client, people().byKey("a")); await updatePerson(client, people().byKey("a"), p); await updatePerson(client, people().byKey("a"), { FirstName: "x" }); }`,
    `{ await createPerson(client, people(), { UserName: "a", FirstName: "b", LastName: "c" }); }`,
    `{ const p = await getPerson(client, people().byKey("a")); const s: string | null | undefined = p.Photo; void s; }`,
    `{ await createPerson(client, people(), { UserName: "a", FirstName: "b", LastName: "c", Photo: "aGk=" }); }`,
    `{ await updatePerson(client, people().byKey("a"), { Photo: "aGk=" }); }`,
    `{ await updatePerson(client, people().byKey("a"), { UserName: "a", FirstName: "b", LastName: "c", Photo: null }, { replace: true }); }`,
  ];
  const messages = compileCases(anyCompiler(), dir, HEAD, lines);
  const said = (i: number) => (messages.get(i) ?? []).map((m) => m.text).join("");
  expect([0, 1, 2].map(said)).toEqual(["", "", ""]);
  expect(said(3)).toMatch(/TS2322: Type 'unknown' is not assignable/);
  for (const i of [4, 5, 6]) expect(said(i)).toMatch(/TS2353: Object literal may only specify known properties, and 'Photo' does not exist/);
});

interface Result {
  valid: boolean;
  errors: { path: string; message: string }[];
}
/* eslint-disable @typescript-eslint/no-require-imports */
const tl = require(path.join(dir, "Travel.Lite.validators")) as { validatePerson(v: unknown, o?: object): Result };

test("the validators take a stream's inline value in a read and refuse it in a body", () => {
  const person = { UserName: "a", FirstName: "b", LastName: "c" };
  expect(tl.validatePerson({ ...person, Photo: { any: "json" } }).valid).toBe(true);
  expect(tl.validatePerson({ ...person, Photo: "aGk=", "Photo@odata.mediaContentType": "image/png" }).valid).toBe(true);
  for (const mode of ["create", "update", "replace"]) {
    expect(tl.validatePerson({ ...person, Photo: "aGk=" }, { mode }).errors.map((e) => `${e.path} ${e.message}`))
      .toEqual(["/Photo Photo is a stream property: its value is written to its own URL, not in a body"]);
    expect(tl.validatePerson(person, { mode }).valid).toBe(true);
  }
});
