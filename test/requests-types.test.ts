// The types of the generated request functions, checked by the real TypeScript compiler: $select
// limited to properties and narrowing the result, $expand limited to navigation properties at every
// level, typed keys and bodies. Each `@ts-expect-error` must meet an error, or tsc reports it unused.
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { generateFixture } from "./helpers/generated";

const USAGE = `
import * as rt from "./runtime.js";
import { bookings, getPerson, listPersons, me, people, personFriends, personTrips, tripPlanItems, updatePerson, getNearestAirport, findTrips } from "./Travel.Lite.requests.js";
import { validatePerson } from "./Travel.Lite.validators.js";

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

  const airport = await getNearestAirport(client, { lat: 1, lon: 2 });
  const code: string = airport.IcaoCode;
  // @ts-expect-error lon is required
  await getNearestAirport(client, { lat: 1 });
  await findTrips(client, { near: { City: "Boise" }, tags: ["a"] });
  void [first, age, last, tripName, user, n, code];
}
`;

function compile(files: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
    noUnusedLocals: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1} ` : "";
    return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
  });
}

describe("types of the generated request functions (tsc --strict, DOM lib, no Node types)", () => {
  test("select narrows, expand is limited to navigation properties, keys and bodies are typed", () => {
    const dir = generateFixture("trippin-lite.xml", "types");
    fs.writeFileSync(path.join(dir, "usage.ts"), USAGE);
    expect(compile([path.join(dir, "usage.ts")])).toEqual([]);
  });

  test("a wrong use is reported (the check above can fail)", () => {
    const dir = generateFixture("trippin-lite.xml", "types-wrong");
    fs.writeFileSync(path.join(dir, "usage.ts"), USAGE.replace('// @ts-expect-error LastName was not selected\n', ""));
    expect(compile([path.join(dir, "usage.ts")]).join("\n")).toMatch(/Property 'LastName' does not exist/);
  });

  test("the committed generated/ services compile", () => {
    const root = path.resolve(__dirname, "..", "generated");
    const files = fs.readdirSync(root).flatMap((s) => fs.readdirSync(path.join(root, s)).filter((f) => f.endsWith(".ts")).map((f) => path.join(root, s, f)));
    expect(compile(files)).toEqual([]);
  });
});
