// The types of the generated request functions, checked by the real TypeScript compiler: $select
// limited to properties and narrowing the result, $expand limited to navigation properties at every
// level, typed keys and bodies. Each `@ts-expect-error` must meet an error, or tsc reports it unused.
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { generate } from "../generator/generate";
import { GENERATED, generateFixture } from "./helpers/generated";
import { languageService } from "./helpers/language-service";
import { createProgramSharingRuntime } from "./helpers/program";

const CORPUS = path.resolve(__dirname, "..", "..", "shared", "corpus");
const withCorpus = fs.existsSync(CORPUS) ? describe : describe.skip;
if (!fs.existsSync(CORPUS)) console.warn(`requests-types.test.ts: ${CORPUS} is absent; the corpus compile check is skipped`);

const USAGE = `
import * as rt from "./runtime.js";
import { bookings, createPerson, deletePerson, getAirline, getFavoriteAirlineRef, getFriendsTripsRef, getPerson, listPersons, me, people, personFriends, personPhoto, personTrips, tripPlanItems, updatePerson, getNearestAirport, findTrips, shareTrip, resetDataSource } from "./Travel.Lite.requests.js";
import { validatePerson } from "./Travel.Lite.validators.js";
import type { Person } from "./Travel.Lite.types.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {
  const p = await getPerson(client, people().byKey("a"), { select: ["FirstName", "Age"] });
  const first: string = p.FirstName;
  const age: number | null | undefined = p.Age;
  // @ts-expect-error LastName was not selected
  void p.LastName;
  const full = await getPerson(client, people().byKey("a"), { validate: validatePerson });
  const last: string | null | undefined = full.LastName;
  const etag: string | undefined = full["@odata.etag"];

  // One entity takes $select, $expand and $compute; the options of collections are refused (URL Conventions §5.1).
  await getPerson(client, people().byKey("a"), { select: ["FirstName"], expand: ["Trips"], compute: "Age add 1 as Next" });
  // @ts-expect-error $top applies to collections
  await getPerson(client, people().byKey("a"), { top: 1 });
  // @ts-expect-error $filter applies to collections
  await getPerson(client, people().byKey("a"), { filter: "Age gt 1" });
  // @ts-expect-error $count applies to collections
  await getPerson(client, people().byKey("a"), { count: true });
  await listPersons(client, people(), { filter: "Age gt 1", orderby: ["Age desc"], top: 1, skip: 1, count: true, search: "x" });
  // @ts-expect-error not a property of Person
  await getPerson(client, people().byKey("a"), { select: ["Nope"] });
  // @ts-expect-error navigation properties are expanded, not selected
  await getPerson(client, people().byKey("a"), { select: ["Friends"] });

  await getPerson(client, people().byKey("a"), { expand: ["Friends", "Trips"] });
  // @ts-expect-error FirstName is not a navigation property
  await getPerson(client, people().byKey("a"), { expand: ["FirstName"] });
  const deep = await getPerson(client, me(), { select: ["UserName"], expand: { Trips: { select: ["Name"], top: 2, expand: { PlanItems: { select: ["Title"] } } } } });
  const tripName: string | undefined = deep.Trips?.[0]?.Name;
  // @ts-expect-error Title is a property of PlanItem, not of Trip
  await getPerson(client, people().byKey("a"), { expand: { Trips: { select: ["Title"] } } });
  // @ts-expect-error a Trip has no Friends to expand
  await getPerson(client, people().byKey("a"), { expand: { Trips: { expand: { Friends: true } } } });

  const page = await listPersons(client, personFriends(me()), { select: ["UserName"], orderby: ["Age desc", "Home/City"], top: 1, count: true });
  const user: string = page.value[0].UserName;
  const n: number | undefined = page["@odata.count"];
  // @ts-expect-error Age was not selected
  void page.value[0].Age;
  // A link read with the page it came from is typed as that page.
  const round = await rt.readLink(client, "People?$deltatoken=1", { from: page });
  const again: string = round.value[0].UserName;
  // @ts-expect-error Age was not selected in the page it came from
  void round.value[0].Age;
  // With a type argument, as the README writes it, the page it came from may be any page: one of
  // the service's default set, or of selected properties.
  const typed = await rt.readLink<Person>(client, "People?$deltatoken=1", { from: await listPersons(client, people()) });
  const typedName: string = typed.value[0].FirstName;
  const typedFromSelected = await rt.readLink<Person>(client, "People?$deltatoken=1", { from: page });
  const typedAge: number | null | undefined = typedFromSelected.value[0].Age;

  // @ts-expect-error a Trip key is an Int32
  personTrips(people().byKey("a")).byKey("1");
  tripPlanItems(personTrips(people().byKey("a")).byKey(1)).byKey(11);
  bookings().byKey({ AirlineCode: "AA", BookingNo: 1 });
  // @ts-expect-error a Booking key has two parts
  bookings().byKey({ AirlineCode: "AA" });
  // @ts-expect-error a Trip is not a Person
  await getPerson(client, personTrips(people().byKey("a")).byKey(1));

  await updatePerson(client, people().byKey("a"), { Age: 3 }, { etag, prefer: "return=minimal", signal: new AbortController().signal });
  // @ts-expect-error Age is a number
  await updatePerson(client, people().byKey("a"), { Age: "3" }, { etag: "*" });
  // @ts-expect-error a collection is not one entity
  await updatePerson(client, people(), { Age: 3 }, { etag: "*" });
  const cast: rt.EntityRef<Person> = rt.cast<Person>(people().byKey("a"), "Travel.Lite.Person");
  rt.cast<Person, string>(people(), "Travel.Lite.Person").byKey("b");

  const created = await createPerson(client, people(), { UserName: "n", FirstName: "N" });
  const createdName: string = created.UserName;
  const minimal = await createPerson(client, people(), { UserName: "m", FirstName: "M" }, { prefer: "return=minimal" });
  // @ts-expect-error a misspelt option is an error, not an object type of its own
  await createPerson(client, people(), { UserName: "m", FirstName: "M" }, { headers: {}, prefr: "return=minimal" });
  // @ts-expect-error nothing comes back with return=minimal
  void minimal.UserName;
  // A prefer that may be return=minimal (a condition, or options typed with the optional union) may resolve undefined (204).
  const maybe = await createPerson(client, people(), { UserName: "m", FirstName: "M" }, { prefer: Math.random() > 0.5 ? "return=minimal" : "return=representation" });
  // @ts-expect-error undefined when the service answered 204
  void maybe.UserName;
  const maybeName: string | undefined = maybe?.UserName;
  const writeOptions: { prefer?: "return=minimal" | "return=representation" } = {};
  // @ts-expect-error options typed with the union may ask for return=minimal
  void (await createPerson(client, people(), { UserName: "m", FirstName: "M" }, writeOptions)).UserName;
  const asWritten: rt.WriteOptions = {};
  // @ts-expect-error so may any rt.WriteOptions
  void (await createPerson(client, people(), { UserName: "m", FirstName: "M" }, asWritten)).UserName;
  const represented: string = (await createPerson(client, people(), { UserName: "r", FirstName: "R" }, { prefer: "return=representation", signal: undefined })).UserName;
  const noPrefer: string = (await createPerson(client, people(), { UserName: "r", FirstName: "R" }, { headers: {} })).UserName;
  // @ts-expect-error an update may always resolve undefined (204)
  void (await updatePerson(client, people().byKey("a"), { Age: 3 }, { etag: "*", prefer: "return=representation" })).UserName;

  // A delete takes an ETag, custom query options and headers (a preference of its own goes in Prefer there).
  await deletePerson(client, people().byKey("a"), { etag: "*", query: { mode: "soft" }, headers: { Prefer: "odata.track-changes" }, signal: undefined });
  // @ts-expect-error return=minimal and return=representation have no effect on a DELETE (Protocol §8.2.8.7)
  await deletePerson(client, people().byKey("a"), { etag: "*", prefer: "return=minimal" });
  // @ts-expect-error a delete reads nothing back to validate
  await deletePerson(client, people().byKey("a"), { etag: "*", validate: validatePerson });
  // @ts-expect-error nor does a stream's write
  await rt.writeStream(client, rt.stream(people().byKey("a"), "Photo"), new Uint8Array(1), { etag: "*", prefer: "return=minimal" });
  await rt.writeStream(client, rt.stream(people().byKey("a"), "Photo"), new Uint8Array(1), { etag: "*", contentType: "image/png", query: { a: "b" } });
  // It resolves with the entity whose stream it is, where the service answers with one (else undefined).
  const written = await rt.writeStream(client, personPhoto(people().byKey("a")), new Uint8Array(1));
  const writtenName: string | undefined = written?.UserName;
  // @ts-expect-error undefined when the service answered 204
  void written.UserName;

  // An action bound to one entity takes its ETag as read (If-Match); an unbound one has no entity to be conditional on.
  await shareTrip(client, people().byKey("a"), { userName: "b", tripId: 1 }, { etag, signal: undefined });
  // @ts-expect-error an unbound action takes no etag
  await resetDataSource(client, { etag: "*" });

  const airport = await getNearestAirport(client, { lat: 1, lon: 2 });
  // One entity, Nullable absent (CSDL §12.8: nullable): null when the service answers 204.
  const code: string | undefined = airport?.IcaoCode;
  // @ts-expect-error lon is required
  await getNearestAirport(client, { lat: 1 });
  await findTrips(client, { near: { City: "Boise" }, after: null, tags: ["a"] });
  // @ts-expect-error a function's parameters must all be given (null where nullable) unless Core.OptionalParameter
  await findTrips(client, { near: { City: "Boise" }, tags: ["a"] });
  // A function returning entities takes a read's query options, typed as for a read.
  const trips = await findTrips(client, { near: null, after: null, tags: [] }, { select: ["Name"], top: 1 });
  const tripNames: (string | undefined)[] = trips.value.map((t) => t?.Name);
  // Its members are never null (CSDL §12.8: Nullable means nothing for a collection of entities).
  const members: { Name: string }[] = trips.value;
  // @ts-expect-error not a property of Trip
  await findTrips(client, { near: null, after: null, tags: [] }, { select: ["Nope"] });
  // @ts-expect-error Budget was not selected
  void trips.value[0]?.Budget;
  // The key, not selected, may still come (Graph always sends id): there, but optional.
  const tripId: number | undefined = trips.value[0]?.TripId;
  // @ts-expect-error not sure to be there
  const sureTripId: number = trips.value[0]!.TripId;
  // A composable function's result is an address of its type.
  const favourite = await getAirline(client, getFavoriteAirlineRef(people().byKey("a")), { select: ["Name"] });
  const airlineName: string | null | undefined = favourite?.Name;
  // @ts-expect-error an airline is not a person
  await getPerson(client, getFavoriteAirlineRef(people().byKey("a")));
  // @ts-expect-error userName is required
  getFriendsTripsRef(people().byKey("a"), {});
  void [first, age, last, tripName, user, n, again, typedName, typedAge, code, createdName, cast, tripNames, members, airlineName, tripId, sureTripId];
}
`;

/**
 * Diagnostics of one program, each as `<folder>/<file>:<line> <message>` (its text) with the folder
 * of its file ("" for one about no file, or about the runtime modules, which the folders share: see
 * createProgramSharingRuntime). The lib files are shared between programs and not checked
 * (skipLibCheck): the programs hold no other declaration file.
 */
function compileAttributed(files: string[]): { folder: string; text: string }[] {
  const { program, runtime } = createProgramSharingRuntime(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const f = d.file;
    const where = f && d.start !== undefined ? `${path.basename(path.dirname(f.fileName))}/${path.basename(f.fileName)}:${f.getLineAndCharacterOfPosition(d.start).line + 1} ` : "";
    return { folder: f && !runtime.has(path.resolve(f.fileName)) ? path.basename(path.dirname(f.fileName)) : "", text: where + ts.flattenDiagnosticMessageText(d.messageText, "\n") };
  });
}

/**
 * Writes `usage` beside a fixture's generated modules (in `dir`), together with the same code
 * without the `@ts-expect-error` line `wrong` (the compiler must then report that line: the check
 * can fail); returns the two files, to compile.
 */
function writeUsage(fixture: string, dir: string, usage: string, wrong: string): string[] {
  const out = generateFixture(fixture, dir);
  fs.writeFileSync(path.join(out, "usage.ts"), usage);
  fs.writeFileSync(path.join(out, "usage-wrong.ts"), usage.replace(`// @ts-expect-error ${wrong}\n`, ""));
  return [path.join(out, "usage.ts"), path.join(out, "usage-wrong.ts")];
}

/**
 * The programs of several describes below, compiled as one program by the file's beforeAll (one
 * program and one checker, which resolves the lib files' global types once, not once per describe).
 * Each describe's diagnostics are those about its own folders' files, and those about no file, in
 * the order the compiler gave them: what a program of its files alone reports (the folders share
 * no module).
 */
let shared: { folder: string; text: string }[] = [];
function diagnosticsOf(...folders: string[]): string[] {
  return shared.filter((d) => d.folder === "" || folders.includes(d.folder)).map((d) => d.text);
}

/** `diagnostics` of a `writeUsage` in `dir`: those of `usage.ts`, and those of the copy without the `wrong` line. */
function byFile(diagnostics: string[], dir: string): { usage: string[]; wrong: string[] } {
  const wrong = `${dir}/usage-wrong.ts`;
  return { usage: diagnostics.filter((d) => !d.startsWith(wrong)), wrong: diagnostics.filter((d) => d.startsWith(wrong)) };
}

describe("types of the generated request functions (tsc --strict, DOM lib, no Node types)", () => {
  let diagnostics: string[];
  beforeAll(() => {
    diagnostics = diagnosticsOf("types", ...COMMITTED);
  });

  test("select narrows, expand is limited to navigation properties, keys and bodies are typed", () => {
    expect(byFile(diagnostics, "types").usage).toEqual([]);
  });

  test("request modules do not import validators (a validator is bundled only where a caller passes one)", () => {
    const dir = path.join(GENERATED, "types");
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".requests.ts") || x === "runtime.ts")) {
      const imports = fs.readFileSync(path.join(dir, f), "utf8").match(/from "[^"]+"/g) ?? [];
      expect(imports.filter((i) => i.includes("validators"))).toEqual([]);
    }
    // The runtime uses one class of validation.ts (the error it throws) and types, nothing else.
    expect(fs.readFileSync(path.join(dir, "runtime.ts"), "utf8")).toContain('import { ValidationFailedError, type ValidateOptions, type ValidationResult } from "./validation.js";');
  });

  test("a wrong use is reported", () => {
    expect(byFile(diagnostics, "types").wrong).toEqual([expect.stringMatching(/Property 'LastName' does not exist/)]);
  });
});

// A read without $select gets the service's default set of properties (Protocol §11.2.5.1), which
// the metadata does not tell: only the key is sure to be there, unless the service returns them all.
const DEFAULT_SET_USAGE = `
import * as rt from "./runtime.js";
import { copyTrip, createPerson, getPerson, listPersons, people, personTrips, updatePerson } from "./Travel.Lite.requests.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {
  const p = await getPerson(client, people().byKey("a"));
  const key: string = p.UserName;
  const maybe: string | undefined = p.FirstName;
  // @ts-expect-error a non-nullable property may be absent from the default set
  const first: string = p.FirstName;
  // @ts-expect-error present, a non-nullable property is never null
  const nulled: string | undefined = p.Age === 1 ? null : p.FirstName;
  const selected = await getPerson(client, people().byKey("a"), { select: ["FirstName"] });
  const named: string = selected.FirstName;
  // The key, not selected, may come anyway (with completeReads too).
  const selectedKey: string | undefined = selected.UserName;
  const page = await listPersons(client, people());
  const listedKey: string = page.value[0].UserName;
  // A delta page's removed entries say so.
  const removed: string | undefined = page.value[0]["@removed"]?.reason;
  // So do entities an action returns.
  const copy = await copyTrip(client, personTrips(people().byKey("a")).byKey(1));
  const copyId: number = copy.TripId;
  // @ts-expect-error an action's result is the service's default set as well
  const copyName: string = copy.Name;
  // Created and updated entities come back as the service's default set too.
  const created = await createPerson(client, people(), { UserName: "n", FirstName: "N" });
  const createdKey: string = created.UserName;
  // @ts-expect-error a created entity's non-nullable property may be absent as well
  const createdFirst: string = created.FirstName;
  const updated = await updatePerson(client, people().byKey("n"), { Age: 3 });
  const updatedFirst: string | undefined = updated?.FirstName;
  void [key, maybe, first, nulled, named, selectedKey, removed, listedKey, createdKey, createdFirst, updatedFirst, copyId, copyName];
}
`;

describe("a read without select: the service's default set (tsc --strict)", () => {
  test("only the key is sure to be present; selected properties are as declared", () => {
    const diagnostics = diagnosticsOf("default-set");
    expect(byFile(diagnostics, "default-set").usage).toEqual([]);
    expect(byFile(diagnostics, "default-set").wrong).toEqual([expect.stringMatching(/Type 'string \| undefined' is not assignable to type 'string'/)]);
  });

  test("with completeReads, the whole entity", () => {
    expect(diagnosticsOf("complete-reads")).toEqual([]);
  });
});

// $expand in the result type: the expanded navigation properties are there, each read as its nested
// options say (its own select, default set and expand); the others are not.
const EXPAND_USAGE = `
import * as rt from "./runtime.js";
import { getPerson, listPersons, people, findTrips, type PersonNavigation } from "./Travel.Lite.requests.js";
import type { Person } from "./Travel.Lite.types.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {
  const p = await getPerson(client, people().byKey("a"), { select: ["UserName"], expand: { Trips: { select: ["Name"], expand: { PlanItems: { select: ["Title"] } } }, BestFriend: true } });
  const tripNames: string[] = p.Trips.map((t) => t.Name);
  const titles: (string | null | undefined)[] = p.Trips.flatMap((t) => t.PlanItems.map((i) => i.Title));
  const friendKey: string | undefined = p.BestFriend?.UserName;
  const friendFirst: string | undefined = p.BestFriend?.FirstName;
  // @ts-expect-error Friends was not expanded
  void p.Friends;
  // @ts-expect-error a trip's Budget was not selected
  void p.Trips[0]?.Budget;
  // @ts-expect-error a nullable single-valued navigation property may be null
  void p.BestFriend.UserName;
  // Without select: the default set, and the listed expansions, each its target's default set.
  const listed = await listPersons(client, people(), { expand: ["Trips"] });
  const tripKey: number | undefined = listed.value[0]?.Trips[0]?.TripId;
  const budget: number | "INF" | "-INF" | "NaN" | null | undefined = listed.value[0]?.Trips[0]?.Budget;
  // @ts-expect-error nothing expanded it
  void listed.value[0]?.Friends;
  // @ts-expect-error a trip's plan items were not expanded
  void listed.value[0]?.Trips[0]?.PlanItems;
  const plain = await getPerson(client, people().byKey("a"));
  // @ts-expect-error a navigation property is not read without $expand
  void plain.Trips;
  const trips = await findTrips(client, { near: null, after: null, tags: [] }, { expand: { PlanItems: { select: ["Title"] } } });
  const planned: (string | null | undefined)[] | undefined = trips.value[0]?.PlanItems.map((i) => i.Title);
  // Options in a variable typed QueryOptions may expand any navigation property or none: each is optional.
  const wide: rt.QueryOptions<Person, PersonNavigation> = { expand: ["Trips"] };
  const w = await getPerson(client, people().byKey("a"), wide);
  const maybeTrips: unknown[] | undefined = w.Trips;
  // @ts-expect-error Trips may not have been expanded
  const sureTrips: unknown[] = w.Trips;
  // The same for select: a QueryOptions variable may select any property, or few.
  const narrow: rt.QueryOptions<Person, PersonNavigation> = { select: ["LastName"] };
  const n = await getPerson(client, people().byKey("a"), narrow);
  // @ts-expect-error FirstName may not have been selected
  const sureFirst: string = n.FirstName;
  // An expansion in only one alternative of a condition may not have been made.
  const c = await getPerson(client, people().byKey("a"), { expand: Math.random() > 0.5 ? ["Trips"] : [] });
  // @ts-expect-error Trips may not have been expanded
  const condTrips: unknown[] = c.Trips;
  // Nor one whose options may be undefined (the request leaves it out then).
  const u = await getPerson(client, people().byKey("a"), { expand: { Trips: Math.random() > 0.5 ? true : undefined } });
  // @ts-expect-error Trips may not have been expanded
  const undefTrips: unknown[] = u.Trips;
  // @ts-expect-error orderBy is no query option (misspelt next to a right one, it would be left out of the URL)
  await getPerson(client, people().byKey("a"), { expand: { Trips: { top: 5, orderBy: "Name" } } });
  // $levels: the same navigation property again, level below level, until the chain ends.
  const chain = await getPerson(client, people().byKey("a"), { expand: { BestFriend: { levels: "max", select: ["UserName"] } } });
  const second: string | undefined = chain.BestFriend?.BestFriend?.BestFriend?.UserName;
  // An expanded collection's count and next link.
  const counted = await getPerson(client, people().byKey("a"), { expand: { Trips: { count: true } } });
  const tripCount: number | undefined = counted["Trips@odata.count"];
  const tripNext: string | undefined = counted["Trips@odata.nextLink"];
  void [second, tripCount, tripNext];
  // $levels only in an expansion; $compute anywhere.
  await getPerson(client, people().byKey("a"), { compute: "Age add 1 as Next", expand: { Friends: { levels: "max" } } });
  // @ts-expect-error $levels belongs to an expansion
  await getPerson(client, people().byKey("a"), { levels: 2 });
  // Inferred, $expand is still checked for names that are no navigation property, at every level.
  // @ts-expect-error Frends is no navigation property
  await getPerson(client, people().byKey("a"), { expand: { Trips: true, Frends: true } });
  // @ts-expect-error nor, below Trips, is Tripz
  await getPerson(client, people().byKey("a"), { expand: { Trips: { expand: { PlanItems: true, Tripz: true } } } });
  void [tripNames, titles, friendKey, friendFirst, tripKey, budget, planned, maybeTrips, sureTrips, sureFirst, condTrips, undefTrips];
}
`;

test("$expand in the result type: expanded navigation properties as their nested options say, and only those", () => {
  const diagnostics = diagnosticsOf("types-expand");
  expect(byFile(diagnostics, "types-expand").usage).toEqual([]);
  expect(byFile(diagnostics, "types-expand").wrong).toEqual([expect.stringMatching(/Property 'Friends' does not exist/)]);
});

// A single result the metadata lets be null (Nullable absent or true) is typed `| null`: a read of a
// single-valued navigation property (204 when nothing is related), an operation's entity or complex
// value. Nullable="false" is not; nor is the top level only: `$select`/`$expand` still type what is read.
const NULL_USAGE = `
import * as rt from "./runtime.js";
import { bookAuthor, bookPrequel, bookSequel, books, firstRef, getAuthor, getBook, latest, latestRef, lend, listBooks, pick, restock, stats, surePick, totals, updateBook } from "./Lib.requests.js";
import type { Stats } from "./Lib.types.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {
  const dune = books().byKey("b1");
  const sequel = await getBook(client, bookSequel(dune), { select: ["title"], expand: { author: { select: ["name"] } } });
  // @ts-expect-error nothing may be related
  void sequel.title;
  const sequelTitle: string | undefined = sequel?.title;
  // Only the top level may be null: the expanded author (Nullable="false") is there.
  const sequelAuthor: string | undefined = sequel?.author.name;
  const prequel = await getBook(client, bookPrequel(dune));
  const prequelId: string | undefined = prequel?.id;
  // @ts-expect-error Nullable="true" says so too
  const surePrequel: string = prequel.id;
  // Nullable="false": the author is there.
  const author = await getAuthor(client, bookAuthor(dune), { select: ["name"] });
  const authorName: string = author.name;
  // A set's member, read by key, is not null (not found is a 404).
  const byKey = await getBook(client, dune, { select: ["title"] });
  const byKeyTitle: string = byKey.title;
  // A nullable navigation's address goes wherever an address does.
  await updateBook(client, bookSequel(dune), { title: "x" });
  await rt.addRef(client, bookPrequel(dune), dune);
  const further = await getBook(client, bookSequel(bookPrequel(dune)));
  const furtherId: string | undefined = further?.id;
  // A composable function's result: nullable unless Nullable="false".
  const last = await getBook(client, latestRef(books()), { select: ["title"] });
  const lastTitle: string | undefined = last?.title;
  const firstTitle: string = (await getBook(client, firstRef(books()), { select: ["title"] })).title;
  // Operations: an entity or complex value that may be null.
  const picked = await pick(client, { select: ["title"] });
  const pickedTitle: string | undefined = picked?.title;
  const sure: string = (await surePick(client, { select: ["title"] })).title;
  const lent = await lend(client, { title: "Dune" });
  const lentId: string | undefined = lent?.id;
  const restocked: string = (await restock(client)).id;
  const s: Stats | null = await stats(client);
  const t: Stats = await totals(client);
  const newest = await latest(client, books());
  const newestId: string | undefined = newest?.id;
  // Lists are pages, never null.
  const page = await listBooks(client, books());
  const listed: string = page.value[0]!.id;
  void [sequelTitle, sequelAuthor, prequelId, surePrequel, authorName, byKeyTitle, furtherId, lastTitle, firstTitle, pickedTitle, sure, lentId, restocked, s, t, newestId, listed];
}
`;

test("a single result that may be null is typed | null; Nullable=\"false\" is not", () => {
  const diagnostics = diagnosticsOf("types-null");
  expect(byFile(diagnostics, "types-null").usage).toEqual([]);
  expect(byFile(diagnostics, "types-null").wrong).toEqual([expect.stringMatching(/'sequel' is possibly 'null'/)]);
});

// An open type's $select takes its dynamic properties (any name), and editors still offer its
// declared ones (the index signature no longer swallows them into plain string).
const OPEN_USAGE = `
import * as rt from "./runtime.js";
import { bags, getBag, listBags } from "./Test.Validation.requests.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {
  const bag = await getBag(client, bags().byKey("b"), { select: ["id", rt.dynamic("extension_abc_colour")] });
  // Naming every declared property reads like a select that may name any: each optional.
  const id: string | undefined = bag.id;
  const colour: unknown = bag["extension_abc_colour"];
  // @ts-expect-error a misspelt declared property, as on any other type
  await getBag(client, bags().byKey("b"), { select: ["idd"] });
  // Without select, the default set keeps the declared properties beside the index signature.
  const plain = await getBag(client, bags().byKey("b"));
  const plainId: string = plain.id;
  // @ts-expect-error a Bag has no navigation property to expand
  await getBag(client, bags().byKey("b"), { expand: ["bogus"] });
  void [id, colour, plainId];
  await listBags(client, bags(), { select: [""], orderby: [""] });
}
`;

/** The names an editor offers at the first `""` after `marker` in `file` (the real language service). */
function completions(file: string, text: string, marker: string): string[] {
  const at = text.indexOf('""', text.indexOf(marker)) + 1;
  return (languageService(file, text).getCompletionsAtPosition(file, at, {})?.entries ?? []).map((e) => e.name);
}

test("an open type's select checks its declared properties, which editors offer, and takes dynamic ones through rt.dynamic", () => {
  const file = path.join(GENERATED, "types-open", "usage.ts");
  expect(diagnosticsOf("types-open")).toEqual([expect.stringMatching(/types-open\/usage.ts:20 Type '""' is not assignable/)]);
  expect(completions(file, OPEN_USAGE, "select: [\"\"")).toEqual(["id"]);
  expect(completions(file, OPEN_USAGE, "orderby: [\"\"")).toContain("id");
});

// Which parameters a caller may leave out (OData Protocol §11.5.4.1.1, §11.5.5.1): a function's only
// when annotated Core.OptionalParameter, an action's also when nullable (the service reads null).
const PARAMS_USAGE = `
import * as rt from "./runtime.js";
import { cancel, orders, reopen, search } from "./shop.requests.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {
  await search(client, orders(), { text: null });
  await search(client, orders(), { text: "late", limit: 5 });
  // @ts-expect-error a function's nullable parameter must be given (null is a value)
  await search(client, orders(), { limit: 5 });
  // @ts-expect-error a function's nullable parameter must be given, so params is required
  await search(client, orders());
  // @ts-expect-error an optional parameter that is not nullable takes no null
  await search(client, orders(), { text: null, limit: null });
  await cancel(client, orders().byKey(1));
  await cancel(client, orders().byKey(1), { reason: null });
  await reopen(client, orders().byKey(1));
  // @ts-expect-error an optional parameter that is not nullable takes no null
  await reopen(client, orders().byKey(1), { note: null });
}
`;

describe("which operation parameters may be left out (tsc --strict)", () => {
  let diagnostics: string[];
  beforeAll(() => {
    diagnostics = diagnosticsOf("types-params");
  });

  test("a function's nullable parameters are required, Core.OptionalParameter ones and an action's nullable ones are not", () => {
    expect(byFile(diagnostics, "types-params").usage).toEqual([]);
    expect(byFile(diagnostics, "types-params").wrong).toEqual([expect.stringMatching(/Property '"?text"?' is missing/)]);
  });
});

const COMPLEX_USAGE = `
import * as rt from "./runtime.js";
import { getMember, getNote, members, memberProfile, profileAdvisor, profileNotes, profileOffice, officeDeskmate } from "./Uni.Campus.requests.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {
  const profile = memberProfile(members().byKey("m1"));
  const advisor = await getMember(client, profileAdvisor(profile), { select: ["id"] });
  void advisor?.id;
  await getNote(client, profileNotes(profile).byKey(5));
  await getMember(client, officeDeskmate(profileOffice(profile)));
  // @ts-expect-error a note key is an Int32
  profileNotes(profile).byKey("5");
  // @ts-expect-error a complex value is not an entity: it has no get of its own here
  await getMember(client, profile);

  // $expand through complex properties: the result keeps the complex property the path starts with.
  const m = await getMember(client, members().byKey("m1"), { select: ["id"], expand: { "profile/advisor": { select: ["id"] }, "pastProfiles/office/deskmate": true } });
  const advisorOfM: string | undefined = m.profile.advisor?.id;
  void m.pastProfiles;
  void advisorOfM;
  await getMember(client, members().byKey("m1"), { expand: ["profile/notes"] });
  // @ts-expect-error a plain complex value leads to no navigation property
  await getMember(client, members().byKey("m1"), { expand: ["plain/text"] });
  // @ts-expect-error motto is a property of a profile, not a navigation property
  await getMember(client, members().byKey("m1"), { expand: ["profile/motto"] });
}
`;

describe("navigation through complex properties", () => {
  let diagnostics: string[];
  beforeAll(() => {
    diagnostics = diagnosticsOf("types-complex");
  });

  test("complex property steps and complex types' navigation builders are typed", () => {
    expect(byFile(diagnostics, "types-complex").usage).toEqual([]);
  });

  test("a complex value's address is not an entity's", () => {
    expect(byFile(diagnostics, "types-complex").wrong).toEqual([expect.stringMatching(/ComplexRef<Profile>' is not assignable to parameter of type 'EntityRef<Member, null, \{\}>'/)]);
  });
});

const INHERITANCE_USAGE = `
import * as rt from "./runtime.js";
import { animals, castAnimal, getAnimal, getBird, getKeeper, keepers, listAnimals, listBirds } from "./zoo.model.requests.js";
import type { Bird } from "./zoo.model.types.js";

declare const client: rt.Client;
const birdRef = rt.cast<Bird>(animals().byKey("5f1d4f5e-0000-4000-8000-000000000001"), "zoo.model.bird");

export async function usage(): Promise<void> {
  // What every animal has is selected by name; a subtype's own property behind its type cast.
  const page = await listAnimals(client, animals(), { select: ["name", "zoo.model.fish/depth"], orderby: ["name desc", "zoo.model.bird/wingspan"] });
  for (const a of page.value) {
    const name: string = a.name;
    if (a["@odata.type"] === "#zoo.model.fish") {
      const depth: string | number | null | undefined = a.depth;
      void depth;
    }
    void name;
  }
  // A cast to bird reaches its subtypes too: a parrot has the wingspan selected.
  const birds = await listAnimals(client, animals(), { select: ["name", "zoo.model.bird/wingspan"] });
  for (const b of birds.value) if (b["@odata.type"] === "#zoo.model.parrot") void b.wingspan;
  // Nested options take casts too.
  await getKeeper(client, keepers().byKey("k1"), { expand: { favourite: { select: ["zoo.model.parrot/words"] } } });
  const one = await getAnimal(client, animals().byKey("5f1d4f5e-0000-4000-8000-000000000001"), { select: ["born"] });
  void one.born;
  // @ts-expect-error no such type: a cast names a subtype of the set's type
  await listAnimals(client, animals(), { select: ["zoo.model.birb/wingspan"] });
  // @ts-expect-error no such property on that subtype
  await listAnimals(client, animals(), { select: ["zoo.model.fish/wingspan"] });
  // @ts-expect-error keepers have no subtypes to cast to
  await getKeeper(client, keepers().byKey("k1"), { select: ["zoo.model.keeper/name"] });
  // @ts-expect-error wingspan is a bird's: unqualified, the service refuses it
  await listAnimals(client, animals(), { select: ["wingspan"] });
  // Read through a concrete base type, the result is a bird or a parrot, told apart by @odata.type;
  // a parrot has the property selected behind its cast.
  const bird = await getBird(client, birdRef, { select: ["name", "zoo.model.parrot/words"] });
  const birdName: string = bird.name;
  const words: number | undefined = bird["@odata.type"] === "#zoo.model.parrot" ? bird.words : undefined;
  // @ts-expect-error only a parrot has words: the bird may not be one
  void bird.words;
  // A typed type cast: the set's members that are birds, read as birds.
  const birdPage = await listBirds(client, castAnimal(animals(), "zoo.model.bird"), { select: ["wingspan"] });
  const span: unknown = birdPage.value[0]?.wingspan;
  // @ts-expect-error no such subtype of animal
  castAnimal(animals(), "zoo.model.birb");
  void span;
  // An abstract type's read is its subtypes, each told apart by @odata.type, a subtype of a subtype too.
  const zoo2 = await listAnimals(client, animals(), { select: ["name", "zoo.model.parrot/words"] });
  for (const a of zoo2.value) if (a["@odata.type"] === "#zoo.model.parrot") { const w: number = a.words; void w; }
  const zoo3 = await listAnimals(client, animals());
  for (const a of zoo3.value) if (a["@odata.type"] === "#zoo.model.parrot") { const w: number | undefined = a.words; void w; }
  // Without select, the same: each member its type's default set.
  const any = await getBird(client, birdRef);
  const anyWords: number | undefined = any["@odata.type"] === "#zoo.model.parrot" ? any.words : undefined;
  void [words, birdName, anyWords];
}
`;

describe("$select and $orderby over a type with subtypes", () => {
  let diagnostics: string[];
  beforeAll(() => {
    diagnostics = diagnosticsOf("types-casts");
  });

  test("the base type's properties by name, a subtype's behind its type cast, which narrows with @odata.type", () => {
    expect(byFile(diagnostics, "types-casts").usage).toEqual([]);
  });

  test("a subtype's property without the cast is refused", () => {
    expect(byFile(diagnostics, "types-casts").wrong).toEqual([expect.stringMatching(/Type '"wingspan"' is not assignable/)]);
  });
});

/** Writes the generated modules of a service with a type of many subtypes, and a usage of them, to types-many-subtypes; returns its requests module. */
function writeManySubtypes(): string | undefined {
  const subtypes = (n: number, base: string) => Array.from({ length: n }, (_, i) => `<EntityType Name="${base}${i}" BaseType="n.${base}"><Property Name="p${i}" Type="Edm.Int32"/></EntityType>`).join("");
  const KEYED = `<Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>`;
  const content = `<?xml version="1.0"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
  <Schema Namespace="n" xmlns="http://docs.oasis-open.org/odata/ns/edm">
    <EntityType Name="big">${KEYED}</EntityType>${subtypes(201, "big")}
    <EntityType Name="small" OpenType="true">${KEYED}</EntityType>${subtypes(3, "small")}
    <EntityContainer Name="c"><EntitySet Name="bigs" EntityType="n.big"/><EntitySet Name="smalls" EntityType="n.small"/></EntityContainer>
  </Schema>
</edmx:DataServices></edmx:Edmx>`;
  const dir = path.join(GENERATED, "types-many-subtypes");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const { files } = generate({ inputs: [{ file: "many.xml", content }] });
  for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text);
  const usage = `
import * as rt from "./runtime.js";
import { bigs, listBigs, listSmalls, smalls } from "./n.requests.js";
declare const client: rt.Client;
export async function usage(): Promise<void> {
  const page = await listBigs(client, bigs(), { select: ["id", "n.big7/p7", "n.nope/whatever"] });
  void page.value[0]?.id;
  // A subtype's property behind an unchecked cast is there, of a type not known.
  const p7: unknown = page.value[0]?.p7;
  void p7;
  await listSmalls(client, smalls(), { select: ["id", "n.small2/p2"] });
  // @ts-expect-error small's subtypes are listed, and have no p9 (open as they are, like Graph's user)
  await listSmalls(client, smalls(), { select: ["n.small2/p9"] });
}
`;
  fs.writeFileSync(path.join(dir, "usage.ts"), usage);
  return files.get("n.requests.ts");
}

let manyRequests: string | undefined;
test("a type with more subtypes than a map lists takes any type cast, unchecked, and a map-listed one checks them", () => {
  expect(manyRequests).not.toContain("interface BigSubtypes");
  expect(manyRequests).toContain("interface SmallSubtypes");
  expect(diagnosticsOf("types-many-subtypes")).toEqual([]);
});

// Entity types named like the request functions' type parameters (`S` selects, `O` holds create's
// options): the parameters take another name, so they do not hide the types.
const LETTERS = `<?xml version="1.0"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
  <Schema Namespace="n" xmlns="http://docs.oasis-open.org/odata/ns/edm">
    <EntityType Name="S"><Key><PropertyRef Name="Id"/></Key><Property Name="Id" Type="Edm.String" Nullable="false"/><Property Name="Size" Type="Edm.Int32"/></EntityType>
    <EntityType Name="O"><Key><PropertyRef Name="Id"/></Key><Property Name="Id" Type="Edm.String" Nullable="false"/></EntityType>
    <EntityContainer Name="c"><EntitySet Name="Ss" EntityType="n.S"/><EntitySet Name="Os" EntityType="n.O"/></EntityContainer>
  </Schema>
</edmx:DataServices></edmx:Edmx>`;
const LETTERS_USAGE = `
import * as rt from "./runtime.js";
import { createO, getS, listSs, os, ss } from "./n.requests.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {
  const s = await getS(client, ss().byKey("a"), { select: ["Size"] });
  const size: number | null | undefined = s.Size;
  // @ts-expect-error the key was not selected: it may come, or not
  const id: string = s.Id;
  const page = await listSs(client, ss(), { select: ["Id"] });
  const created = await createO(client, os(), { Id: "x" }, { prefer: "return=minimal" });
  const none: undefined = created;
  void [size, page, none, id];
}
`;

/** Writes the generated modules of LETTERS, LETTERS_USAGE and its copy without its `@ts-expect-error` line to types-letters; returns the two. */
function writeLetters(): string[] {
  const dir = path.join(GENERATED, "types-letters");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const { files } = generate({ inputs: [{ file: "letters.xml", content: LETTERS }] });
  for (const [name, content] of files) fs.writeFileSync(path.join(dir, name), content);
  fs.writeFileSync(path.join(dir, "usage.ts"), LETTERS_USAGE);
  fs.writeFileSync(path.join(dir, "usage-wrong.ts"), LETTERS_USAGE.replace("// @ts-expect-error the key was not selected: it may come, or not\n", ""));
  return [path.join(dir, "usage.ts"), path.join(dir, "usage-wrong.ts")];
}

test("entity types named S and O: the request functions' type parameters do not hide them", () => {
  const diagnostics = diagnosticsOf("types-letters");
  expect(byFile(diagnostics, "types-letters").usage).toEqual([]);
  expect(byFile(diagnostics, "types-letters").wrong).toEqual([expect.stringMatching(/Type 'string \| undefined' is not assignable to type 'string'/)]);
});

// The SAP Cloud SDK test service has mistakes of its own (imports of no operation, operations bound to
// an undefined type): they are left out with warnings, and the rest compiles.
const SPECS = ["trippin-v4.xml", "oasis-containment-v4.xml", "northwind-v4.xml", "aspnetcore-library-v4.xml", "odata-csdl-example.xml", "sap-cloud-sdk-api-test-srv-v4.edmx"];

withCorpus("generated modules of corpus services compile (tsc --strict)", () => {
  test.each(SPECS)("%s", (spec) => {
    expect(diagnosticsOf(`corpus-${spec.replace(/\W/g, "-")}`).filter((d) => d.startsWith(`corpus-${spec.replace(/\W/g, "-")}/`))).toEqual([]);
  });
});

/** The folders of generated/ (committed output), compiled with the first describe's usage. */
const COMMITTED_ROOT = path.resolve(__dirname, "..", "generated");
const COMMITTED = fs.readdirSync(COMMITTED_ROOT);

beforeAll(() => {
  const files: string[] = [];
  files.push(...writeUsage("trippin-lite.xml", "types", USAGE, "LastName was not selected"));
  files.push(...COMMITTED.flatMap((s) => fs.readdirSync(path.join(COMMITTED_ROOT, s)).filter((f) => f.endsWith(".ts")).map((f) => path.join(COMMITTED_ROOT, s, f))));
  files.push(...writeUsage("trippin-lite.xml", "default-set", DEFAULT_SET_USAGE, "a non-nullable property may be absent from the default set"));
  const reads = generateFixture("trippin-lite.xml", "complete-reads", { completeReads: true });
  const usage = DEFAULT_SET_USAGE.replace("// @ts-expect-error a non-nullable property may be absent from the default set\n", "").replace("// @ts-expect-error a created entity's non-nullable property may be absent as well\n", "").replace("// @ts-expect-error an action's result is the service's default set as well\n", "");
  fs.writeFileSync(path.join(reads, "usage.ts"), usage);
  files.push(path.join(reads, "usage.ts"));
  files.push(...writeUsage("trippin-lite.xml", "types-expand", EXPAND_USAGE, "Friends was not expanded"));
  files.push(...writeUsage("requests/null-results.xml", "types-null", NULL_USAGE, "nothing may be related"));
  files.push(...writeUsage("orders.xml", "types-params", PARAMS_USAGE, "a function's nullable parameter must be given (null is a value)"));
  files.push(...writeUsage("requests/campus-bindings.xml", "types-complex", COMPLEX_USAGE, "a complex value is not an entity: it has no get of its own here"));
  files.push(...writeUsage("inheritance.xml", "types-casts", INHERITANCE_USAGE, "wingspan is a bird's: unqualified, the service refuses it"));
  const open = generateFixture("validation.xml", "types-open");
  fs.writeFileSync(path.join(open, "usage.ts"), OPEN_USAGE);
  files.push(path.join(open, "usage.ts"));
  manyRequests = writeManySubtypes();
  files.push(path.join(GENERATED, "types-many-subtypes", "usage.ts"));
  files.push(...writeLetters());
  if (fs.existsSync(CORPUS)) {
    for (const spec of SPECS) {
      const file = path.join(CORPUS, spec);
      const out = generate({ inputs: [{ file, content: fs.readFileSync(file, "utf8") }] }).files;
      const dir = path.join(GENERATED, `corpus-${spec.replace(/\W/g, "-")}`);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      for (const [name, content] of out) fs.writeFileSync(path.join(dir, name), content);
      files.push(...[...out.keys()].map((f) => path.join(dir, f)));
    }
  }
  shared = compileAttributed(files);
});
