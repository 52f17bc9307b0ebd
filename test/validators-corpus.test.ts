/**
 * Validators generated from real-world metadata (../shared/corpus, TripPin): inheritance of open
 * complex types in a collection, GeographyPoint with SRID, enums, Int64, expanded navigation.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { completeByDefault } from "./helpers/complete";

const corpus = path.resolve(__dirname, "..", "..", "shared", "corpus");
const trippin = path.join(corpus, "trippin-v4.xml");
const d = fs.existsSync(trippin) ? describe : describe.skip;
if (!fs.existsSync(trippin)) console.warn(`skipping corpus validator tests: ${trippin} not found`);

const NS = "Microsoft.OData.SampleService.Models.TripPin";

d("TripPin (corpus)", () => {
  type Validators = {
    validatePerson: (v: unknown, o?: object) => { valid: boolean; errors: readonly { path: string; message: string }[] };
    isPerson: (v: unknown, o?: object) => boolean;
  };
  let tp: Validators;
  beforeAll(() => {
    const out = generateFixture(trippin, "trippin");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    tp = completeByDefault(require(path.join(out, `${NS}.validators`)) as Validators);
  });

  const person = (extra: Record<string, unknown> = {}) => ({
    "@odata.context": "serviceRoot/$metadata#People/$entity",
    "@odata.id": "serviceRoot/People('russellwhyte')",
    "@odata.etag": 'W/"08DC5A1B5B9C3C1A"',
    UserName: "russellwhyte",
    FirstName: "Russell",
    LastName: "Whyte",
    Emails: ["Russell@example.com", "Russell@contoso.com"],
    AddressInfo: [
      { Address: "187 Suffolk Ln.", City: { CountryRegion: "United States", Name: "Boise", Region: "ID" } },
      {
        "@odata.type": `#${NS}.AirportLocation`,
        Address: "Gate 4",
        City: { CountryRegion: "United States", Name: "Boise", Region: "ID" },
        Loc: { type: "Point", coordinates: [-116.2228, 43.5644], crs: { type: "name", properties: { name: "EPSG:4326" } } },
      },
    ],
    Gender: "Male",
    Concurrency: 635585295719432047,
    Nickname: "Russ",
    ...extra,
  });

  test("a Person as the service returns it, with a derived open location and a dynamic property", () => {
    expect(tp.validatePerson(person())).toEqual({ valid: true, errors: [] });
    expect(tp.isPerson(person({ Friends: [person({ UserName: "scottketchum" })] }))).toBe(true);
  });

  test("defects are found where they are", () => {
    const p = person({ Gender: "Other", Concurrency: "abc" });
    (p.AddressInfo[1] as Record<string, unknown>).Loc = { type: "LineString", coordinates: [[0, 0], [1, 1]] };
    delete (p.AddressInfo[0] as { City: Record<string, unknown> }).City.Region;
    expect(tp.validatePerson(p).errors.map((e) => e.path)).toEqual([
      "/AddressInfo/0/City/Region",
      "/AddressInfo/1/Loc",
      "/Gender",
      "/Concurrency",
    ]);
    expect(tp.validatePerson(person({ Friends: [{ UserName: "x" }] })).errors.map((e) => e.path)).toEqual([
      "/Friends/0/FirstName",
      "/Friends/0/LastName",
      "/Friends/0/Concurrency",
    ]);
  });
});
