/**
 * `odatagen url` checks a key's value against its Edm type where the service would refuse it: a
 * Guid key that is no Guid, a number key that is no number (in a composite key and an alternate
 * key too), and a function's parameter the same way. A number written quoted (`Trips('7')`) is the
 * number. On the fixtures
 * `test/fixtures/trippin-lite.xml`, `requests/url-filter.xml` and `requests/alternate-keys.xml`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { urlCalls } from "../generator/url-calls";

function answers(fixture: string, paths: readonly string[]): string[] {
  const file = path.join(__dirname, "fixtures", fixture);
  const read = urlCalls({ inputs: [{ file, content: fs.readFileSync(file, "utf8") }] }, paths.map((p) => ({ method: "GET", path: p })));
  return read.results.map((r) => (r.ok ? (r.call.address ?? "") : r.problem));
}

test("a number key takes a number, quoted or not, and refuses what is none", () => {
  expect(answers("trippin-lite.xml", ["/People('x')/Trips(7)", "/People('x')/Trips('7')", "/People('x')/Trips(seven)", "/Bookings(AirlineCode='AA',BookingNo=12)", "/Bookings(AirlineCode='AA',BookingNo=x12)"])).toEqual([
    'personTrips(people().byKey("x")).byKey(7)',
    'personTrips(people().byKey("x")).byKey(7)',
    "GET /People('x')/Trips(seven): the key of a Travel.Lite.Trip is an Edm.Int32: seven is no number",
    'bookings().byKey({ AirlineCode: "AA", BookingNo: 12 })',
    "GET /Bookings(AirlineCode='AA',BookingNo=x12): key property BookingNo of a Travel.Lite.Booking is an Edm.Int32: x12 is no number",
  ]);
});

test("a Guid key, and a Guid alternate key, take a Guid and refuse what is none", () => {
  expect(answers("requests/url-filter.xml", ["/customers/0f8fad5b-d9cb-469f-a165-70867728950e", "/customers('0f8fad5b-d9cb-469f-a165-70867728950e')", "/customers/abc", "/customers/{id}"])).toEqual([
    'customers().byKey("0f8fad5b-d9cb-469f-a165-70867728950e")',
    'customers().byKey("0f8fad5b-d9cb-469f-a165-70867728950e")',
    "GET /customers/abc: the key of a shop.model.customer is an Edm.Guid: abc is no Guid (32 hexadecimal digits, 8-4-4-4-12)",
    "customers().byKey(id)",
  ]);
  expect(answers("requests/alternate-keys.xml", ["/applications(appId=0f8fad5b-d9cb-469f-a165-70867728950e)", "/applications(appId='my-app')"])).toEqual([
    'applications().byKey({ appId: "0f8fad5b-d9cb-469f-a165-70867728950e" })',
    "GET /applications(appId='my-app'): alternate key property appId of a Dir.application is an Edm.Guid: 'my-app' is no Guid (32 hexadecimal digits, 8-4-4-4-12)",
  ]);
});

test("a function's parameter in the path is checked as a key is: a number that is no number refused, a quoted one the number", () => {
  const file = path.join(__dirname, "fixtures", "trippin-lite.xml");
  const read = urlCalls({ inputs: [{ file, content: fs.readFileSync(file, "utf8") }] }, ["/GetNearestAirport(lat=abc,lon=-118)", "/GetNearestAirport(lat='33',lon=-118.5)", "/GetNearestAirport(lat={lat},lon=0)", "/People('x')/TL.GetFriendsTrips(userName='y')/{tripId}/PlanItems"].map((p) => ({ method: "GET", path: p })));
  expect(read.results.map((r) => (r.ok ? r.call.call : r.problem))).toEqual([
    "GET /GetNearestAirport(lat=abc,lon=-118): parameter lat of Travel.Lite.GetNearestAirport is an Edm.Double: abc is no number",
    "const result = await getNearestAirport(client, { lat: 33, lon: -118.5 });",
    "const result = await getNearestAirport(client, { lat: lat, lon: 0 });",
    "const result = await listPlanItems(client, target);",
  ]);
});

test("a function's date, date and time, time of day, duration and Boolean parameters take their URL forms, and refuse what is none", () => {
  const file = path.join(__dirname, "fixtures", "requests", "function-values.xml");
  const good = [
    "/shifts(day=2024-01-31,after=2024-01-31T08:00:00Z,start=08:30,length=duration'PT8H',open=true)",
    // A date alone for a date and time, as Graph's documentation writes one (a variable to choose: the function takes
    // a date and time with its offset); an offset percent-encoded; a duration quoted.
    "/shifts(day=2024-01-31,after=2024-01-31,start=08:30:00.5,length='P1DT2H',open=false)",
    "/shifts(day=2024-01-31,after=2024-01-31T08:00:00%2B01:00,start={start},length=PT8H,open={open})",
  ];
  const bad: [string, string][] = [
    ["day=31.01.2024,after=2024-01-31,start=08:30,length=PT8H,open=true", "parameter day of rota.shifts is an Edm.Date: 31.01.2024 is no date (2019-11-01)"],
    ["day=2024-01-31,after=yesterday,start=08:30,length=PT8H,open=true", "parameter after of rota.shifts is an Edm.DateTimeOffset: yesterday is no date and time (2019-11-01T08:00:00Z)"],
    ["day=2024-01-31,after=2024-01-31,start=8am,length=PT8H,open=true", "parameter start of rota.shifts is an Edm.TimeOfDay: 8am is no time of day (08:00:00)"],
    ["day=2024-01-31,after=2024-01-31,start=08:30,length=8h,open=true", "parameter length of rota.shifts is an Edm.Duration: 8h is no duration (P1DT2H)"],
    ["day=2024-01-31,after=2024-01-31,start=08:30,length=PT8H,open=yes", "parameter open of rota.shifts is an Edm.Boolean: yes is no Boolean (true or false)"],
    ["day=2024-01-31,after=2024-01-31,start=08:30,length=PT8H,open='true'", "parameter open of rota.shifts is an Edm.Boolean: 'true' is no Boolean (true or false)"],
  ];
  const read = urlCalls({ inputs: [{ file, content: fs.readFileSync(file, "utf8") }] }, [...good, ...bad.map(([p]) => `/shifts(${p})`)].map((p) => ({ method: "GET", path: p })));
  expect(read.results.map((r) => (r.ok ? r.call.call : r.problem))).toEqual([
    'const result = await shifts(client, { day: "2024-01-31", after: "2024-01-31T08:00:00Z", start: "08:30", length: "PT8H", open: true });',
    'const result = await shifts(client, { day: "2024-01-31", after, start: "08:30:00.5", length: "P1DT2H", open: false });',
    'const result = await shifts(client, { day: "2024-01-31", after: "2024-01-31T08:00:00+01:00", start: start, length: "PT8H", open: open });',
    ...bad.map(([p, why]) => `GET /shifts(${p}): ${why}`),
  ]);
});

test("a function's parameters the URL leaves out are variables of their own, in the overload that takes the names it gives", () => {
  const file = path.join(__dirname, "fixtures", "requests", "overload-names.xml");
  const paths = ["/charts(1)/Over.find(a='x')", "/charts(1)/Over.find(d=2)"];
  const read = urlCalls({ inputs: [{ file, content: fs.readFileSync(file, "utf8") }] }, paths.map((p) => ({ method: "GET", path: p })));
  expect(read.results.map((r) => (r.ok ? [r.call.call, r.call.variables.map((v) => `${v.name}: ${v.type ?? "?"}`)] : r.problem))).toEqual([
    ['const result = await find(client, target, { a: "x", b });', ["client: ?", "b: string"]],
    ["const result = await findWithD(client, target, { a, d: 2 });", ["client: ?", "a: string"]],
  ]);
});
