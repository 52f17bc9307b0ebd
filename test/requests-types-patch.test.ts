// A create's body is Partial<T> without the properties the service computes (Core.Computed), as the
// validators' "create" mode has it. A PUT's body (replace: true) is the whole entity (rt.Replacement),
// as the validators' "replace" mode has it. An update's body is typed rt.Patch<T> (Protocol §11.4.3): PATCH leaves alone what it does not name,
// in a complex value too, so nested complex properties are optional at every depth, as the
// validators' "update" mode has them; a collection and a geography value still replace the whole
// value, so their items are complete. Checked by the real compiler (TypeScript 5.9 and 7) against
// the committed generated/graph-callrecords, the Graph seed's output.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { forEachCompiler, REPO, runTscCases, type Compiler, type TscResult } from "./helpers/typecheck";

/** The committed output of Graph's callRecords seed. */
const CALL_RECORDS = path.join(REPO, "generated", "graph-callrecords");

const USAGE = `
import * as rt from "./runtime.js";
import { at, nullable, type Patch } from "./index.js";
import { cloudCommunicationsCallRecords, communications } from "./microsoft.graph.requests.js";
import { callRecordSessions, updateSession } from "./microsoft.graph.callRecords.requests.js";
import { validateSession } from "./microsoft.graph.callRecords.validators.js";
import type { Session } from "./microsoft.graph.callRecords.types.js";

declare const client: rt.Client;
const session = callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey("c1")).byKey("s1");

export async function usage(): Promise<void> {
  // A reason alone: failureInfo's required stage is left as it is.
  await updateSession(client, session, { failureInfo: { reason: "network" } });
  // Deeper: the caller's user agent, as the Update session page's body has it.
  await updateSession(client, session, { caller: { userAgent: { "@odata.type": "#microsoft.graph.callRecords.clientUserAgent", headerValue: "RTCC/7.0", applicationVersion: "1.0" } } });
  // The validators agree in "update" mode.
  const body: Patch<Session> = { failureInfo: { reason: "network" } };
  // index.js has what a user writes by hand: a nullable address of their own.
  const maybe: rt.EntityRef<Session, null> = nullable(at<Session>("/communications/callRecords/c1/sessions/s1"));
  void maybe;
  void validateSession(body, { mode: "update" });
  // @ts-expect-error still a string
  await updateSession(client, session, { failureInfo: { reason: 7 } });
  // @ts-expect-error not a property of failureInfo
  await updateSession(client, session, { failureInfo: { cause: "x" } });
  // A related entity (segments, a navigation property) is partial: a deep update PATCHes each (OData 4.01 §11.4.3.1).
  await updateSession(client, session, { segments: [{ endDateTime: "2026-01-01T00:00:00Z" }] });
  // @ts-expect-error its properties keep their types
  await updateSession(client, session, { segments: [{ endDateTime: 7 }] });
}
`;

const CREATE_USAGE = `
import * as rt from "./runtime.js";
import type { Creation } from "./index.js";
import { createItem, items } from "./Test.Validation.requests.js";
import type { Item } from "./Test.Validation.types.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {
  await createItem(client, items(), { name: "n" });
  // The body's type is named where the other runtime types are (index.js).
  const body: Creation<Item, "id" | "created"> = { name: "n" };
  await createItem(client, items(), body);
  // @ts-expect-error created is computed by the service (Core.Computed)
  await createItem(client, items(), { name: "n", created: "2026-01-01T00:00:00Z" });
  // @ts-expect-error so is the key, id
  await createItem(client, items(), { id: 1, name: "n" });
}
`;

// A PUT (replace: true) resets what its body leaves out (Protocol §11.4.3): the body is the whole
// entity. Item: name, status (with a default) and the collections tags and shapes are required; id
// and created are computed, code immutable (none may be sent); the rest is nullable or navigation.
const REPLACE_USAGE = `
import * as rt from "./runtime.js";
import { basketLines, items, updateItem, updateLine } from "./Test.Validation.requests.js";
import type { Item } from "./Test.Validation.types.js";
import { validateItem } from "./Test.Validation.validators.js";

declare const client: rt.Client;
declare const whole: Item;
declare const read: rt.DefaultSet<Item, "id">;
declare const maybe: boolean;
declare const options: rt.UpdateOptions;
declare const patchOptions: rt.ChangeOptions;
const item = items().byKey(1);
const line = basketLines(rt.at<import("./Test.Validation.types.js").Basket>("/Baskets(1)")).byKey({ basketId: 1, no: 2 });
const body = { name: "n", status: "Red" as const, tags: [] as string[], shapes: [] as never[] };
const widened = { replace: false };

async function save<R extends boolean | undefined = undefined>(body: Parameters<typeof updateItem<R>>[2], options?: rt.UpdateOptions<R>): Promise<void> {
  await updateItem(client, item, body, options);
}

export async function usage(): Promise<void> {
  await updateItem(client, item, { name: "n", status: "Red", tags: [], shapes: [{ "@odata.type": "#Test.Validation.Circle", label: "c", radius: 1 }] }, { replace: true });
  await updateItem(client, item, { ...body, scores: [1, null], address: null }, { replace: true, etag: "*", prefer: "return=minimal" });
  // An entity read whole may go back as it is (what may not be sent is ignored by the service).
  await updateItem(client, item, whole, { replace: true });
  void validateItem(body, { mode: "replace" });
  // @ts-expect-error a default set (a read without completeReads) may lack what the PUT would reset
  await updateItem(client, item, read, { replace: true });
  // @ts-expect-error the required name is missing
  await updateItem(client, item, { status: "Red", tags: [], shapes: [] }, { replace: true });
  // @ts-expect-error a collection too: a PUT would empty it
  await updateItem(client, item, { name: "n", status: "Red", shapes: [] }, { replace: true });
  // @ts-expect-error computed by the service
  await updateItem(client, item, { ...body, created: "2026-01-01T00:00:00Z" }, { replace: true });
  // @ts-expect-error immutable
  await updateItem(client, item, { ...body, code: "abc" }, { replace: true });
  // @ts-expect-error a complex value replaces the whole value: the circle's radius
  await updateItem(client, item, { ...body, shapes: [{ "@odata.type": "#Test.Validation.Circle", label: "c" }] }, { replace: true });
  // @ts-expect-error a replace that may be true may be a PUT
  await updateItem(client, item, { name: "n" }, { replace: maybe });
  // @ts-expect-error so may options typed UpdateOptions
  await updateItem(client, item, { name: "n" }, options);
  // @ts-expect-error a misspelt option is an error, not a PATCH for a PUT
  await updateItem(client, item, whole, { etag: "*", replce: true });
  // @ts-expect-error so is one beside replace
  await updateItem(client, item, { name: "n" }, { replace: false, prefr: "return=minimal" });
  // A PATCH: without replace, with replace: false, options without it, or none given.
  await updateItem(client, item, { name: "n" });
  await updateItem(client, item, { name: "n" }, { replace: false, etag: "*" });
  await updateItem(client, item, { name: "n" }, patchOptions);
  await updateItem(client, item, { name: "n" }, undefined);
  await updateItem(client, item, { name: "n" }, { replace: false } satisfies rt.UpdateOptions);
  const patch = { replace: false } as const;
  await updateItem(client, item, { name: "n" }, patch);
  // @ts-expect-error options in a variable: TypeScript widens replace: false to boolean, which may be true
  await updateItem(client, item, { name: "n" }, widened);
  // A function that passes its options on: the body's type follows them.
  await save({ name: "n" });
  await save({ name: "n" }, { etag: "*" });
  await save(whole, { replace: true });
  // @ts-expect-error a PUT through it takes the whole entity too
  await save({ name: "n" }, { replace: true });
  // Keys may be left out of a PUT (the URL names the entity) or given.
  await updateLine(client, line, {}, { replace: true });
  await updateLine(client, line, { basketId: 1, no: 2 }, { replace: true });
}
`;

// Graph's session (the committed generated/graph-callrecords): a PUT names every non-nullable property.
const SESSION_USAGE = `
import * as rt from "./runtime.js";
import { cloudCommunicationsCallRecords, communications } from "./microsoft.graph.requests.js";
import { callRecordSessions, updateSession } from "./microsoft.graph.callRecords.requests.js";
import type { Session } from "./microsoft.graph.callRecords.types.js";

declare const client: rt.Client;
declare const whole: Session;
const session = callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey("c1")).byKey("s1");
const times = { startDateTime: "2026-01-01T10:00:00Z", endDateTime: "2026-01-01T11:00:00Z" };

export async function usage(): Promise<void> {
  await updateSession(client, session, { ...times, modalities: ["audio"] }, { replace: true });
  await updateSession(client, session, { ...whole, modalities: ["video"] }, { replace: true });
  // @ts-expect-error a PATCH-sized body would reset the times and modalities
  await updateSession(client, session, { isTest: true }, { replace: true });
  // @ts-expect-error failureInfo replaces the whole value: its stage is required
  await updateSession(client, session, { ...times, modalities: ["audio"], failureInfo: { reason: "network" } }, { replace: true });
  await updateSession(client, session, { failureInfo: { reason: "network" } });
}
`;

// An open type's interface has an index signature beside its declared properties: a PUT's body keeps
// them (required ones required), and takes dynamic properties. An abstract type's update takes any
// of its subtypes, whole, without what the service computes on any of them (a circle's area).
const OPEN_AND_SUBTYPES_USAGE = `
import * as rt from "./runtime.js";
import { createNote, createShape, notes, shapes, updateNote, updateShape } from "./Put.requests.js";

declare const client: rt.Client;
const note = notes().byKey("n1");
const shape = shapes().byKey("s1");

export async function usage(): Promise<void> {
  await updateNote(client, note, { text: "t" }, { replace: true });
  await updateNote(client, note, { text: "t", tag: null, extension_costCentre: "42" }, { replace: true });
  // @ts-expect-error the required text is missing
  await updateNote(client, note, { tag: "x" }, { replace: true });
  // @ts-expect-error text is a string
  await updateNote(client, note, { text: 5 }, { replace: true });
  await updateNote(client, note, { tag: "x" });
  await updateShape(client, shape, { "@odata.type": "#Put.Circle", label: "l", radius: 1 }, { replace: true });
  await updateShape(client, shape, { "@odata.type": "#Put.Square", label: "l", side: 2 }, { replace: true });
  // @ts-expect-error a circle's radius is missing
  await updateShape(client, shape, { "@odata.type": "#Put.Circle", label: "l" }, { replace: true });
  // @ts-expect-error a circle's area is computed
  await updateShape(client, shape, { "@odata.type": "#Put.Circle", label: "l", radius: 1, area: 3 }, { replace: true });
  // A create's body (rt.Creation) keeps them too: the open type's declared properties, each subtype's own.
  await createNote(client, notes(), { text: "t", extension_costCentre: "42" });
  // @ts-expect-error text is a string
  await createNote(client, notes(), { text: 5 });
  await createShape(client, shapes(), { "@odata.type": "#Put.Circle", label: "l", radius: 1 });
  await createShape(client, shapes(), { "@odata.type": "#Put.Square", side: 2 });
  // @ts-expect-error a square has no radius
  await createShape(client, shapes(), { "@odata.type": "#Put.Square", radius: 2 });
  // @ts-expect-error a circle's area is computed
  await createShape(client, shapes(), { "@odata.type": "#Put.Circle", radius: 1, area: 3 });
  // @ts-expect-error a create of an abstract type names the subtype to make, as the validator asks
  await createShape(client, shapes(), { label: "l" });
  // @ts-expect-error so does an empty one
  await createShape(client, shapes(), {});
}
`;

// The validators' create mode asks a body of an abstract type for its @odata.type, as its type does.
test("the validator refuses a create of an abstract type that does not name its subtype", () => {
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  const v = require(path.join(put, "Put.validators")) as { validateShape: (x: unknown, o: object) => { errors: { path: string; message: string }[] } };
  expect(v.validateShape({ label: "l" }, { mode: "create" }).errors.map((e) => e.message)).toEqual([expect.stringContaining("@odata.type must name a concrete subtype")]);
  expect(v.validateShape({ "@odata.type": "#Put.Square", label: "l" }, { mode: "create" }).errors).toEqual([]);
});

// What a user reads when a body is wrong: the body's type by its name (Replacement<ItemUpdateInput, …>,
// CreateBody<ItemCreateInput, …>, Patch<ItemUpdateInput, …>: the write types are interfaces, so their names
// stay), not spelt out as an object type with "... 4 more ..." in the middle. An abstract type's PUT
// names each subtype's replacement.
const WRONG_BODIES = `
import * as rt from "./runtime.js";
import { createItem, items, updateItem } from "./Test.Validation.requests.js";
import { createShape, shapes, updateShape } from "./Put.requests.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {
  await updateItem(client, items().byKey(1), { name: "n" }, { replace: true });
  await updateItem(client, items().byKey(1), { name: "n", status: "Red", tags: [], shapes: [], created: "x" }, { replace: true });
  await createItem(client, items(), { created: "x" });
  await updateShape(client, shapes().byKey("s1"), { "@odata.type": "#Put.Circle", label: "l" }, { replace: true });
  await updateItem(client, items().byKey(1), { nmae: "n" });
  await createShape(client, shapes(), { label: "l" });
}
`;

let validation = "";
let put = "";
beforeAll(() => {
  validation = generateFixture("validation.xml", "requests-types-patch");
  put = generateFixture("requests/put-bodies.xml", "requests-types-patch-put");
});

/** Compiles without a diagnostic: each `@ts-expect-error` line is one. */
function expectClean(r: TscResult): void {
  expect(r.output).toBe("");
  expect(r.status).toBe(0);
}

type Usage = "update" | "create" | "replace" | "session" | "openAndSubtypes" | "wrongBodies";

/**
 * tsc (STRICT_OPTIONS) over each usage beside a copy of the generated modules it imports: all in
 * one program per compiler, checked by the first test that asks; each test reads its own file's
 * diagnostics.
 */
const checked = new Map<Compiler, Map<Usage, TscResult>>();
function check(c: Compiler, usage: Usage): TscResult {
  let results = checked.get(c);
  if (!results) {
    const cases: [Usage, string[], string][] = [
      ["update", [CALL_RECORDS], USAGE],
      ["create", [validation], CREATE_USAGE],
      ["replace", [validation], REPLACE_USAGE],
      ["session", [CALL_RECORDS], SESSION_USAGE],
      ["openAndSubtypes", [put], OPEN_AND_SUBTYPES_USAGE],
      ["wrongBodies", [validation, put], WRONG_BODIES],
    ];
    const r = runTscCases(c, cases.map(([, from, text]) => ({ from, usage: text })));
    results = new Map(cases.map(([name], i) => [name, r[i]]));
    checked.set(c, results);
  }
  return results.get(usage)!;
}

forEachCompiler((label, c) => {
  describe(label, () => {
    test("nested complex values in an update body are partial; wrong types, unknown names and incomplete collection items are errors", () => {
      expectClean(check(c, "update"));
    });

    test("a create's body leaves out the properties the service computes", () => {
      expectClean(check(c, "create"));
    });

    test("a PUT's body is the whole entity: required properties (with a default, collections) required, keys optional, computed and immutable ones left out", () => {
      expectClean(check(c, "replace"));
    });

    test("Graph's session: a PUT's body names every non-nullable property, a complex value whole", () => {
      expectClean(check(c, "session"));
    });

    test("a PUT's and a create's body of an open type keep its declared properties; of an abstract type, any subtype (a PUT's whole)", () => {
      expectClean(check(c, "openAndSubtypes"));
    });

    test("an error about a wrong body names the body's type", () => {
      const r = check(c, "wrongBodies");
      const first = r.output.split("\n").filter((l) => l.startsWith("usage.ts"));
      // Union members are printed in the compiler's order (TypeScript 7 may shorten the second to "...").
      expect(first).toEqual([
        expect.stringMatching(/^usage\.ts\(9,.*type 'Replacement<ItemUpdateInput, never, never, ItemNavigation>'/),
        expect.stringMatching(/^usage\.ts\(10,.*'created' does not exist in type 'Replacement<ItemUpdateInput, never, never, ItemNavigation>'/),
        expect.stringMatching(/^usage\.ts\(11,.*'created' does not exist in type 'CreateBody<ItemCreateInput, ItemNavigation>'/),
        expect.stringMatching(/^usage\.ts\(12,.*type 'Replacement<(Square|CircleInput), "id", never, \{\}> \| Replacement<((Square|CircleInput), "id", never, \{\}|\.\.\.)>'/),
        expect.stringMatching(/^usage\.ts\(13,.*'nmae' does not exist in type 'Patch<ItemUpdateInput, ItemNavigation>'/),
        // An abstract type's create: its body as the signature names it (the subtypes' bodies), and
        // below, the @odata.type it lacks.
        expect.stringMatching(/^usage\.ts\(14,.*type 'WithType<New<(CircleInput|Square)> \| New<(CircleInput|Square)>>'/),
      ]);
      expect(r.output).toMatch(/Property '"@odata\.type"' is missing in type '\{ label: string; \}' but required in type 'TypeNamed'/);
    });
  });
});
