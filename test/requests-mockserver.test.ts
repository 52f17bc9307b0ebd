// Generated request functions against an OData server we did not write: @sap-ux/fe-mockserver-core
// (Apache-2.0, from npm) serving test/fixtures/trippin-lite.xml with in-memory data on 127.0.0.1.
import * as path from "node:path";
import { FIXTURES, generateFixture } from "./helpers/generated";
import { startMockServer, type RunningMockServer } from "./helpers/mockserver";

const dir = generateFixture("trippin-lite.xml", "mockserver", { keyAsSegment: false });
type Api = typeof import("./.generated/mockserver/Travel.Lite.requests");
type Runtime = typeof import("./.generated/mockserver/runtime");
type Validators = typeof import("./.generated/mockserver/Travel.Lite.validators");
const api: Api = require(path.join(dir, "Travel.Lite.requests"));
const rt: Runtime = require(path.join(dir, "runtime"));
const validators: Validators = require(path.join(dir, "Travel.Lite.validators"));

const METADATA = path.join(FIXTURES, "trippin-lite.xml");
const DATA = path.join(FIXTURES, "trippin-lite-data");

describe("request functions against @sap-ux/fe-mockserver-core", () => {
  let server: RunningMockServer;
  let client: ReturnType<Runtime["createClient"]>;

  beforeAll(async () => {
    server = await startMockServer(METADATA, DATA);
    client = rt.createClient({ baseUrl: server.serviceRoot, headers: { "x-test": "1" } });
  });
  afterAll(async () => {
    await server?.close();
  });
  const last = () => server.requests[server.requests.length - 1];

  test("read by key, with the key written as a quoted literal", async () => {
    const p = await api.getPerson(client, api.people().byKey("russellwhyte"));
    expect(p.FirstName).toBe("Russell");
    expect(p.Home?.City).toBe("Boise");
    expect(last()).toMatchObject({ method: "GET", url: "/trippin/People('russellwhyte')" });
    expect(last().headers["x-test"]).toBe("1");
  });

  test("read by composite key", async () => {
    const b = await api.getBooking(client, api.bookings().byKey({ AirlineCode: "MU", BookingNo: 1 }));
    expect(b).toMatchObject({ AirlineCode: "MU", BookingNo: 1, Passenger: "ronaldmundy", Seats: 3 });
    expect(last().url).toBe("/trippin/Bookings(AirlineCode='MU',BookingNo=1)");
  });

  test("a key with a space and non-ASCII characters round-trips", async () => {
    await api.createAirline(client, api.airlines(), { AirlineCode: "Zürich Air", Name: "Umlaut Air" });
    const a = await api.getAirline(client, api.airlines().byKey("Zürich Air"));
    expect(a.Name).toBe("Umlaut Air");
    expect(last().url).toBe("/trippin/Airlines('Z%C3%BCrich%20Air')");
    await api.deleteAirline(client, api.airlines().byKey("Zürich Air"));
  });

  test.skip("key-as-segment addressing (/People/russellwhyte): SERVER LIMITATION, the mock server answers it with the whole People collection; these tests generate with parentheses (key-as-segment URLs are checked in requests-urls.test.ts)", () => {});
  test.skip("a key with a quote (O'B, sent as 'O''B') reads back: SERVER LIMITATION, the mock server does not undo the '' doubling of string literals and answers 404", () => {});
  test("a key with reserved characters (a/b?c#d) round-trips, each percent-encoded inside the literal", async () => {
    await api.createAirline(client, api.airlines(), { AirlineCode: "a/b?c#d", Name: "Reserved Air" });
    const a = await api.getAirline(client, api.airlines().byKey("a/b?c#d"));
    expect(a).toMatchObject({ AirlineCode: "a/b?c#d", Name: "Reserved Air" });
    expect(last().url).toBe("/trippin/Airlines('a%2Fb%3Fc%23d')");
    await api.deleteAirline(client, api.airlines().byKey("a/b?c#d"));
    expect(last()).toMatchObject({ method: "DELETE", url: "/trippin/Airlines('a%2Fb%3Fc%23d')" });
  });

  test.skip("a key with a percent sign (50%, sent as '50%25') reads back: SERVER LIMITATION, the mock server decodes the path twice and answers 500 (URI malformed)", () => {});

  test("list with $filter, $select, $orderby, $top, $skip and $count", async () => {
    const page = await api.listPersons(client, api.people(), {
      filter: "Age gt 30",
      select: ["UserName", "Age"],
      orderby: ["Age desc"],
      top: 3,
      skip: 1,
      count: true,
    });
    // People over 30 by age, descending: Clyde 60, Javier 52, Scott 45, Marshall 41, ...; skip 1, take 3.
    expect(page.value.map((p) => p.UserName)).toEqual(["javieralfred", "scottketchum", "marshallgaray"]);
    expect(page.value.map((p) => p.Age)).toEqual([52, 45, 41]);
    expect(Object.keys(page.value[0]).filter((k) => !k.startsWith("@"))).toEqual(expect.arrayContaining(["UserName", "Age"]));
    expect(page.value[0]).not.toHaveProperty("FirstName");
    expect(page["@odata.count"]).toBe(8);
    expect(last().url).toBe("/trippin/People?$select=UserName,Age&$filter=Age%20gt%2030&$orderby=Age%20desc&$top=3&$skip=1&$count=true");
  });

  test.skip("a typed filter's not beside and (not startswith(LastName,'M') and Age gt 30): SERVER LIMITATION, the mock server reads it as not (… and …), though not binds tighter (URL Conventions §5.1.1.14), and cannot parse (not …) in parentheses", () => {});
  test.skip("a typed filter on an enum property (Gender eq Travel.Lite.Gender'Female'): SERVER LIMITATION, the mock server cannot parse an enum literal with its type's name, which OData 4.0's ABNF requires (the filter is checked in requests-typed-filter.test.ts)", () => {});

  test("typed filters (numbers, text functions, not, in, a lambda over a collection, a complex member): the server answers each with the members that meet it", async () => {
    type Person = NonNullable<Awaited<ReturnType<Api["getPerson"]>>>;
    type Filter = NonNullable<Parameters<Api["listPersons"]>[2]>["filter"];
    const everyone = (await api.listPersons(client, api.people())).value;
    const cases: [Filter, (p: Person) => boolean][] = [
      [(p) => p.FirstName.eq("Russell").or(p.Age.gt(50)), (p) => p.FirstName === "Russell" || (p.Age ?? 0) > 50],
      [(p) => p.Emails.any((e) => e.contains("example")), (p) => (p.Emails ?? []).some((e) => e?.includes("example"))],
      [(p) => p.Emails.any((e) => e.eq("russell@example.com")), (p) => (p.Emails ?? []).includes("russell@example.com")],
      [(p) => p.Home.City.eq("Boise"), (p) => p.Home?.City === "Boise"],
      [(p) => p.LastName.tolower().startswith("m").not(), (p) => !(p.LastName ?? "").toLowerCase().startsWith("m")],
      [(p) => p.Age.in([28, 31, 45]).and(p.Home.City.ne("Boise")), (p) => [28, 31, 45].includes(p.Age ?? 0) && p.Home?.City !== "Boise"],
    ];
    for (const [filter, meets] of cases) {
      const page = await api.listPersons(client, api.people(), { filter });
      const expected = everyone.filter(meets).map((p) => p.UserName);
      // Each filter keeps some people and leaves out others, so that a filter the server ignored would show.
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(everyone.length);
      expect(page.value.map((p) => p.UserName).sort()).toEqual(expected.sort());
    }
    expect(decodeURIComponent(last().url)).toBe("/trippin/People?$filter=(Age eq 28 or Age eq 31 or Age eq 45) and Home/City ne 'Boise'");
  });

  test("$count of a collection, filtered", async () => {
    expect(await rt.count(client, api.people())).toBe(12);
    expect(await rt.count(client, api.people(), { filter: "Gender eq 'Female'" })).toBe(2);
  });

  test("a deep insert whose nested entity keeps the @odata.context it was read with (JSON Format §4.5.1) is accepted; $count of the contained collection, with $filter and $search", async () => {
    const trip = (TripId: number, Name: string, Budget: number) => ({ TripId, Name, Budget });
    // A trip as a read of it has it: its context names where it is (a request may carry it, §4.5.1).
    const read = { "@odata.context": "$metadata#People('counted')/Trips/$entity", ...trip(1, "Ski week", 500) };
    await api.createPerson(client, api.people(), { UserName: "counted", FirstName: "C", Trips: [read, trip(2, "Lake day", 50), trip(3, "Ski weekend", 300)] });
    expect(last()).toMatchObject({ method: "POST", url: "/trippin/People" });
    const trips = api.personTrips(api.people().byKey("counted"));
    expect((await api.getTrip(client, trips.byKey(1))).Name).toBe("Ski week");
    expect(await rt.count(client, trips)).toBe(3);
    expect(await rt.count(client, trips, { filter: "Budget gt 100" })).toBe(2);
    expect(last().url).toBe("/trippin/People('counted')/Trips/$count?$filter=Budget%20gt%20100");
    expect(await rt.count(client, trips, { search: "Lake" })).toBe(1);
    expect(await rt.count(client, trips, { filter: "Budget gt 100", search: "Lake" })).toBe(0);
    await api.deletePerson(client, api.people().byKey("counted"), { etag: "*" });
  });

  test("containment two levels deep: /People('…')/Trips(1)/PlanItems(12)", async () => {
    const trips = await api.listTrips(client, api.personTrips(api.people().byKey("russellwhyte")));
    expect(trips.value.map((t) => t.Name)).toEqual(["Trip in US"]);
    const item = await api.getPlanItem(client, api.tripPlanItems(api.personTrips(api.people().byKey("russellwhyte")).byKey(1)).byKey(12));
    expect(item).toMatchObject({ PlanItemId: 12, Title: "Hotel" });
    expect(last().url).toBe("/trippin/People('russellwhyte')/Trips(1)/PlanItems(12)");
  });

  test("$expand with nested options", async () => {
    const p = await api.getPerson(client, api.people().byKey("russellwhyte"), {
      select: ["UserName"],
      expand: { Trips: { select: ["Name"], expand: { PlanItems: { select: ["Title"], orderby: "Title desc" } } } },
    });
    expect(p.UserName).toBe("russellwhyte");
    expect(p.Trips?.map((t) => t.Name)).toEqual(["Trip in US"]);
    expect(p.Trips?.[0].PlanItems?.map((i) => i.Title)).toEqual(["Hotel", "Flight to Seattle"]);
  });

  test("create, update (PATCH and PUT), then delete", async () => {
    const created = await api.createPerson(client, api.people(), { UserName: "newperson", FirstName: "New", LastName: "Person", Age: 20 });
    expect(created).toMatchObject({ UserName: "newperson", FirstName: "New" });
    expect(last()).toMatchObject({ method: "POST", url: "/trippin/People" });
    const ref = api.people().byKey("newperson");

    // People has Core.OptimisticConcurrency: without an ETag the client refuses before sending.
    await expect(api.updatePerson(client, ref, { Age: 21 })).rejects.toThrow(/optimistic concurrency/);
    await api.updatePerson(client, ref, { Age: 21 }, { etag: "*" });
    expect(last()).toMatchObject({ method: "PATCH", url: "/trippin/People('newperson')" });
    expect(last().headers["if-match"]).toBe("*");
    expect((await api.getPerson(client, ref)).Age).toBe(21);

    await api.updatePerson(client, ref, { UserName: "newperson", FirstName: "Renewed" }, { etag: "*", replace: true });
    expect(last().method).toBe("PUT");
    const replaced = await api.getPerson(client, ref);
    expect(replaced.FirstName).toBe("Renewed");

    await api.deletePerson(client, ref, { etag: "*" });
    expect(last()).toMatchObject({ method: "DELETE", url: "/trippin/People('newperson')" });
    const gone = await api.getPerson(client, ref).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(rt.ODataError);
    expect((gone as InstanceType<Runtime["ODataError"]>).status).toBe(404);
  });

  test.skip("update through containment: SERVER LIMITATION, PATCH /People('…')/Trips(1) fails inside the mock server (this._mockData.filter is not a function) and corrupts its data; the URL is checked in requests-urls.test.ts", async () => {
    const trip = api.personTrips(api.people().byKey("russellwhyte")).byKey(1);
    await api.updateTrip(client, trip, { Budget: 3500 });
    expect(last()).toMatchObject({ method: "PATCH", url: "/trippin/People('russellwhyte')/Trips(1)" });
    expect((await api.getTrip(client, trip)).Budget).toBe(3500);
  });

  test("bound function and bound action get the binding and the parameters", async () => {
    const person = api.people().byKey("russellwhyte");
    await api.getFavoriteAirline(client, person);
    expect(last()).toMatchObject({ method: "GET", url: "/trippin/People('russellwhyte')/Travel.Lite.GetFavoriteAirline()" });
    const echoed = (await api.shareTrip(client, person, { userName: "scottketchum", tripId: 1 })) as unknown as Record<string, unknown>;
    // The mock server's default action implementation echoes the parameters it parsed.
    expect(echoed).toMatchObject({ userName: "scottketchum", tripId: 1 });
    expect(last()).toMatchObject({ method: "POST", url: "/trippin/People('russellwhyte')/Travel.Lite.ShareTrip" });
  });

  test("unbound function import with parameters in the URL", async () => {
    const airport = await api.getNearestAirport(client, { lat: 34, lon: -118.4 });
    expect(airport).toMatchObject({ IcaoCode: "KLAX", IataCode: "LAX" });
    expect(last().url).toBe("/trippin/GetNearestAirport(lat=34,lon=-118.4)");
  });

  test("unbound function with a complex and a collection parameter as parameter aliases", async () => {
    const trips = await api.findTrips(client, { near: { City: "Boise" }, after: "2026-01-02T03:04:05Z", tags: ["ski", "lake"] });
    expect(last().url).toBe(
      '/trippin/FindTrips(near=@near,after=2026-01-02T03%3A04%3A05Z,tags=@tags)?@near=%7B%22City%22:%22Boise%22%7D&@tags=%5B%22ski%22,%22lake%22%5D',
    );
    // The fixture's FindTrips echoes the parameters the server parsed: the literal arrived.
    expect(JSON.parse(trips.value[0]?.Name ?? "{}")).toMatchObject({ after: "2026-01-02T03:04:05Z" });
  });

  test.skip("parameter alias values reach the operation: SERVER LIMITATION, the mock server passes the alias names (@near) instead of resolving ?@near=…", () => {});

  test("$ref: POST …/Friends/$ref with the friend's @odata.id, accepted by the server", async () => {
    const russell = api.people().byKey("russellwhyte");
    await rt.addRef(client, api.personFriends(russell), api.people().byKey("scottketchum"));
    expect(last()).toMatchObject({ method: "POST", url: "/trippin/People('russellwhyte')/Friends/$ref" });
  });

  test.skip("a linked friend is listed under Friends: SERVER LIMITATION, the mock server accepts POST …/Friends/$ref but resolves non-contained navigation without a referential constraint to the parent itself", () => {});
  test.skip("references read with GET …/$ref (rt.readRefs): SERVER LIMITATION, the mock server answers /People/$ref and /People('…')/Friends/$ref with the entities themselves, without @odata.id (Protocol §11.2.8), which readRefs rejects as no entity references", () => {});
  test.skip("a JSON $batch (the runtime's default format): SERVER LIMITATION, the mock server answers each of its requests 500 and without the request's id (JSON Format §19.1); multipart batches work (requests-batch-multipart.test.ts)", () => {});
  test.skip("unlink with DELETE …/Friends/$ref?$id=…: SERVER LIMITATION, the mock server deletes an entity instead of the link (the request is checked in requests-client.test.ts)", () => {});

  test("responses checked by a generated validator when one is passed", async () => {
    const p = await api.getAirport(client, api.airports().byKey("KSFO"), { validate: validators.validateAirport });
    expect(p.IataCode).toBe("SFO");
    // The Person validator rejects an Airport (unknown properties, missing required ones).
    await expect(api.getPerson(client, api.airports().byKey("KSFO") as never, { validate: validators.validatePerson })).rejects.toThrow(/invalid value/);
  });

  test("errors from the server are ODataErrors with status, code and message", async () => {
    const err = await api.getAirline(client, api.airlines().byKey("nope")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(rt.ODataError);
    expect((err as InstanceType<Runtime["ODataError"]>).status).toBe(404);
  });

  test("client-driven paging with $top and $skip walks the whole set in order", async () => {
    // The mock server does not page on its own (no server-driven paging, no odata.maxpagesize):
    // client-driven pages with $top/$skip still walk the whole set in order.
    const seen: string[] = [];
    for (let skip = 0; ; skip += 5) {
      const page = await api.listPersons(client, api.people(), { orderby: "UserName", top: 5, skip, select: ["UserName"] });
      seen.push(...page.value.map((p) => p.UserName));
      if (page.value.length < 5) break;
    }
    expect(seen).toHaveLength(12);
    expect([...seen].sort()).toEqual(seen);
  });

  test.skip("server-driven paging with @odata.nextLink: SERVER LIMITATION, the mock server never sends @odata.nextLink (covered against a loopback server in requests-client.test.ts)", () => {});
});

describe("optimistic concurrency against @sap-ux/fe-mockserver-core with ETags on", () => {
  let server: RunningMockServer;
  let client: ReturnType<Runtime["createClient"]>;

  beforeAll(async () => {
    server = await startMockServer(METADATA, DATA, { validateETag: true });
    client = rt.createClient({ baseUrl: server.serviceRoot });
  });
  afterAll(async () => {
    await server?.close();
  });

  test("an update with the entity's @odata.etag succeeds; a stale one is a 412 ODataError", async () => {
    const ref = api.people().byKey("elainestewart");
    const before = await api.getPerson(client, ref);
    const etag = before["@odata.etag"];
    expect(typeof etag).toBe("string");
    await api.updatePerson(client, ref, { Age: 36 }, { etag });
    expect(server.requests[server.requests.length - 1].headers["if-match"]).toBe(etag);
    expect((await api.getPerson(client, ref)).Age).toBe(36);

    const err = await api.updatePerson(client, ref, { Age: 37 }, { etag: 'W/"stale"' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(rt.ODataError);
    expect((err as InstanceType<Runtime["ODataError"]>).status).toBe(412);
    expect((await api.getPerson(client, ref)).Age).toBe(36);
  });

  test("the ETag is taken from the body's @odata.etag when the caller passes the entity it read", async () => {
    const ref = api.people().byKey("salliesampson");
    const read = await api.getPerson(client, ref);
    await api.updatePerson(client, ref, { ...read, Age: 30 });
    expect(server.requests[server.requests.length - 1].headers["if-match"]).toBe(read["@odata.etag"]);
    expect((await api.getPerson(client, ref)).Age).toBe(30);
  });
});
