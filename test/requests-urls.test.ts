// URL building of the generated request functions: key literals, reserved characters, both key
// styles, composite keys, containment, bindings, function parameters and query options.
import * as fs from "node:fs";
import * as path from "node:path";
import * as rt from "../templates/static/runtime";
import { GENERATED, generateFixture } from "./helpers/generated";
import { communications, cloudCommunicationsCallRecords } from "../generated/graph-callrecords/microsoft.graph.requests";
import { callRecordSessions, getDirectRoutingCalls, sessionSegments } from "../generated/graph-callrecords/microsoft.graph.callRecords.requests";
import { createClient } from "../generated/graph-callrecords/runtime";

type Api = typeof import("./.generated/urls-parens/Travel.Lite.requests");
const parensDir = generateFixture("trippin-lite.xml", "urls-parens", { keyAsSegment: false });
const parens: Api = require(path.join(parensDir, "Travel.Lite.requests"));
const parensRuntime: typeof import("./.generated/urls-parens/runtime") = require(path.join(parensDir, "runtime"));
const segments: Api = require(path.join(generateFixture("trippin-lite.xml", "urls-segments", { keyAsSegment: true }), "Travel.Lite.requests"));

const client = createClient({ baseUrl: "https://graph.example/v1.0" });

/** The path segments a client (and a server) sees after URL parsing, still percent-encoded. */
const segmentsOf = (p: string) => new URL(`https://host/svc${p}`).pathname.split("/").slice(2);

/** The forms the TypeError of a value that is no literal of these types shows. */
const EXAMPLES: Partial<Record<rt.KeyKind, string>> = {
  Date: "2019-11-01",
  TimeOfDay: "13:20:00",
  DateTimeOffset: "2019-11-01T00:00:00Z",
  Duration: "PT1H30M",
  Guid: "01234567-89ab-cdef-0123-456789abcdef",
};

describe("OData literals (URL Conventions §5.1.1.1)", () => {
  test.each<[rt.KeyKind, rt.KeyValue, string]>([
    ["String", "O'Neil", "'O''Neil'"],
    ["String", "''", "''''''"],
    ["String", "", "''"],
    ["Guid", "9d9b2fa0-efbf-490e-a5e3-bac8f7d47354", "9d9b2fa0-efbf-490e-a5e3-bac8f7d47354"],
    ["Int32", 42, "42"],
    ["Int16", -7, "-7"],
    ["Byte", 255, "255"],
    ["SByte", -128, "-128"],
    ["Int64", 9007199254740993n, "9007199254740993"],
    ["Int64", "9223372036854775807", "9223372036854775807"],
    ["Decimal", "12.50", "12.50"],
    ["Double", 1.5e-7, "1.5e-7"],
    ["Double", NaN, "NaN"],
    ["Single", Infinity, "INF"],
    ["Double", -Infinity, "-INF"],
    // The strings edm.SpecialFloat allows in a parameter or key of these types (ABNF nanInfinity).
    ["Double", "INF", "INF"],
    ["Single", "-INF", "-INF"],
    ["Double", "NaN", "NaN"],
    // A Decimal number is written without an exponent: OData 4.0's decimalValue has none.
    ["Decimal", 1e-7, "0.0000001"],
    ["Decimal", -1.5e-9, "-0.0000000015"],
    ["Decimal", 1.5e21, "1500000000000000000000"],
    ["Decimal", 12.5, "12.5"],
    ["Int64", "-9223372036854775808", "-9223372036854775808"],
    ["Int64", "+0009223372036854775807", "+0009223372036854775807"],
    ["Boolean", false, "false"],
    ["Boolean", true, "true"],
    // ABNF strings are case-insensitive: TRUE and False are boolean literals.
    ["Boolean", "TRUE", "true"],
    ["Boolean", "False", "false"],
    ["Date", "2024-02-29", "2024-02-29"],
    ["Date", "2000-02-29", "2000-02-29"],
    ["Date", "0000-02-29", "0000-02-29"],
    ["DateTimeOffset", "2026-12-31T23:59:59.999-23:59", "2026-12-31T23:59:59.999-23:59"],
    ["TimeOfDay", "00:00", "00:00"],
    ["Date", "2026-11-23", "2026-11-23"],
    // The day a Date begins (in UTC here; in the local zone too: requests-date-zones.test.ts).
    ["Date", new Date("2026-11-23"), "2026-11-23"],
    ["DateTimeOffset", "2026-11-23T10:00:00+01:00", "2026-11-23T10:00:00+01:00"],
    ["DateTimeOffset", new Date("2026-11-23T10:00:00Z"), "2026-11-23T10:00:00.000Z"],
    ["TimeOfDay", "13:20:00.5", "13:20:00.5"],
    // A leap second (ABNF second: 00–59 or 60), as the validators accept it.
    ["TimeOfDay", "23:59:60", "23:59:60"],
    ["TimeOfDay", "23:59:60.25", "23:59:60.25"],
    ["DateTimeOffset", "2016-12-31T23:59:60Z", "2016-12-31T23:59:60Z"],
    ["DateTimeOffset", "2017-01-01T00:59:60+01:00", "2017-01-01T00:59:60+01:00"],
    ["Duration", "P1DT2H", "duration'P1DT2H'"],
    ["Binary", "T0RhdGE", "binary'T0RhdGE'"],
    ["Binary", "a+b/cw==", "binary'a-b_cw=='"],
    ["Guid", "9D9B2FA0-EFBF-490E-A5E3-BAC8F7D47354", "9D9B2FA0-EFBF-490E-A5E3-BAC8F7D47354"],
    ["Duration", "-PT0.5S", "duration'-PT0.5S'"],
    // The ABNF's durationValue letters are case-insensitive, as the validators take them.
    ["Duration", "pt1h", "duration'pt1h'"],
    ["DateTimeOffset", "2026-11-23T10:00Z", "2026-11-23T10:00Z"],
    ["enum:Travel.Lite.Gender", "Female", "Travel.Lite.Gender'Female'"],
    ["enum:Travel.Lite.Gender", "Male,Female", "Travel.Lite.Gender'Male,Female'"],
    // ABNF enumValue has no spaces: those .NET writes after the commas (Enum.ToString) are left out.
    ["enum:Travel.Lite.Gender", "Male, Female", "Travel.Lite.Gender'Male,Female'"],
    ["enum:Travel.Lite.Gender", 1, "Travel.Lite.Gender'1'"],
  ])("%s %p → %s", (kind, value, expected) => {
    expect(rt.literal(kind, value)).toBe(expected);
  });

  test.each<[rt.KeyKind, Date, string]>([
    ["Date", new Date(Date.UTC(-1, 5, 30)), "-0001-06-30"],
    ["DateTimeOffset", new Date(Date.UTC(12000, 0, 2, 3, 4, 5)), "12000-01-02T03:04:05.000Z"],
  ])("%s of a Date %p, its year outside 0–9999, → %s (the ABNF's year, not toISOString's ±YYYYYY)", (kind, value, expected) => {
    expect(rt.literal(kind, value)).toBe(expected);
  });

  test.each<rt.KeyKind>(["Date", "DateTimeOffset", "TimeOfDay"])("an invalid Date for %s is a TypeError naming the parameter, before any request", (kind) => {
    expect(() => rt.literal(kind, new Date("not a date"))).toThrow(new TypeError(`not an Edm.${kind} literal: Invalid Date`));
    expect(() => rt.functionCall("", "ns.f", [["when", kind, new Date("not a date")]])).toThrow(new TypeError(`parameter when of ns.f: not an Edm.${kind} literal: Invalid Date`));
  });

  test("a kind it does not know (from JavaScript, or through any) is a TypeError naming the kinds it takes", () => {
    const loose = rt.literal as (kind: unknown, value?: unknown) => string;
    for (const kind of ["o'neil", "toString", "Edm.String", undefined]) {
      expect(() => loose(kind, "x")).toThrow(new TypeError(`literal: ${String(kind)} is not a kind of literal: String, Guid, Boolean, Double, Single, Duration, Binary, Int16, Int32, Int64, Byte, SByte, Decimal, Date, TimeOfDay, DateTimeOffset, or enum: and an enum type's qualified name`));
    }
    expect(rt.literal("enum:ns.Color", "Red")).toBe("ns.Color'Red'");
  });

  test("an enum value naming no member (empty, or an empty one beside others) is a TypeError; a name the metadata may give that is no identifier is kept, its quote doubled", () => {
    expect(rt.literal("enum:ns.Color", "request-id, two words")).toBe("ns.Color'request-id,two words'");
    expect(rt.literal("enum:ns.Color", "it's")).toBe("ns.Color'it''s'");
    for (const bad of ["", " ", "Red,", ",Red", "Red,,Blue"]) {
      expect(() => rt.literal("enum:ns.Color", bad)).toThrow(new TypeError(`not a value of the enum ns.Color: ${bad} (a member's name or value, or several joined by commas)`));
    }
    expect(() => rt.functionCall("", "F", [["c", "enum:ns.Color", "Red, "]])).toThrow(new TypeError("parameter c of F: not a value of the enum ns.Color: Red,  (a member's name or value, or several joined by commas)"));
    expect(rt.functionCall("", "F", [["c", "enum:ns.Color", "Red, Blue"]])).toBe("/F(c=ns.Color'Red%2CBlue')");
  });

  test("an Int64 given as a number beyond 2^53, which may have lost digits, is refused: 2^53 + 1 would address 2^53", () => {
    expect(() => rt.literal("Int64", 9007199254740993)).toThrow(new TypeError("not an Edm.Int64 literal: the number 9007199254740992 is beyond 2^53 and may have lost digits; give it as a bigint or a string"));
    expect(() => rt.literal("Int64", -(2 ** 60))).toThrow(/beyond 2\^53/);
    expect(rt.literal("Int64", Number.MAX_SAFE_INTEGER)).toBe("9007199254740991");
    expect(rt.literal("Int64", 9007199254740993n)).toBe("9007199254740993");
  });

  test("integer kinds reject what is not a number, so nothing is injected into the key", () => {
    expect(() => rt.literal("Int32", "1)/Secrets(2")).toThrow(/not an Edm.Int32 literal/);
    expect(() => rt.literal("Int64", "")).toThrow(TypeError);
  });

  test.each<[rt.KeyKind, rt.KeyValue, string]>([
    ["Int32", 2 ** 40, "-2147483648..2147483647"],
    ["Int32", "-2147483649", "-2147483648..2147483647"],
    ["Int16", 70000, "-32768..32767"],
    ["Byte", -1, "0..255"],
    ["Byte", 256, "0..255"],
    ["SByte", 300, "-128..127"],
    ["Int64", "9223372036854775808", "-9223372036854775808..9223372036854775807"],
    ["Int64", -9223372036854775809n, "-9223372036854775808..9223372036854775807"],
    ["Int64", "99999999999999999999999", "-9223372036854775808..9223372036854775807"],
  ])("%s %p is out of its type's range (CSDL §4.4): a TypeError before any request", (kind, value, range) => {
    expect(() => rt.literal(kind, value)).toThrow(new TypeError(`not an Edm.${kind} literal: ${String(value)} is out of its range ${range}`));
  });

  test.each<[rt.KeyKind, rt.KeyValue]>([
    ["Int64", 1.5],
    ["Double", "Infinity"],
    ["Decimal", NaN],
    ["Decimal", "INF"],
    ["Int32", "1e3"],
    ["Double", "1)"],
    ["Guid", "9d9b2fa0-efbf-490e-a5e3"],
    ["Guid", "x') or true or ('"],
    ["Duration", "P1D'"],
    ["Duration", "PT"],
    ["Duration", "+PT1H"],
    ["Binary", "ab'cd"],
    // binaryValue: whole groups of 4 characters, the last of 2 or 3 (`==`, `=`).
    ["Binary", "A"],
    ["Binary", "AAAAA"],
    ["Binary", "AA="],
    ["Binary", "AAA=="],
    ["Date", "23.11.2026"],
    ["TimeOfDay", "1:20"],
    ["DateTimeOffset", "2026-11-23T10:00:00"],
    ["Boolean", "yes"],
    ["Boolean", 1],
    ["Boolean", "true'"],
    // Hours 00–23, minutes 00–59, seconds 00–60 (60: a leap second).
    ["TimeOfDay", "24:00"],
    ["TimeOfDay", "99:99"],
    ["TimeOfDay", "12:60"],
    ["TimeOfDay", "12:00:61"],
    ["DateTimeOffset", "2016-12-31T23:59:61Z"],
    ["DateTimeOffset", "2023-01-13T25:61:00Z"],
    ["DateTimeOffset", "2023-01-13T10:00:00+24:00"],
  ])("%s %p is not a literal of its type: a TypeError before any request", (kind, value) => {
    const example = EXAMPLES[kind] ? ` (e.g. ${EXAMPLES[kind]})` : "";
    expect(() => rt.literal(kind, value)).toThrow(new TypeError(`not an Edm.${kind} literal: ${String(value)}${example}`));
  });

  test.each<[rt.KeyKind, string]>([
    ["Date", "2023-02-30"],
    ["Date", "2023-02-29"],
    ["Date", "1900-02-29"],
    ["Date", "2023-04-31"],
    ["Date", "2023-13-01"],
    ["Date", "2023-00-10"],
    ["Date", "2023-01-00"],
    ["DateTimeOffset", "2023-13-45T10:00:00Z"],
    ["DateTimeOffset", "2023-02-30T10:00:00Z"],
  ])("%s %p is no day of the calendar: a TypeError before any request", (kind, value) => {
    expect(() => rt.literal(kind, value)).toThrow(new TypeError(`not an Edm.${kind} literal: ${value} is no day of the calendar`));
  });
});

describe("keys in parentheses: /People('…')", () => {
  test.each([
    ["russellwhyte", "/People('russellwhyte')"],
    ["O'Neil", "/People('O''Neil')"],
    ["a/b?c#d'e", "/People('a%2Fb%3Fc%23d''e')"],
    ["../users", "/People('..%2Fusers')"],
    ["50% off & more", "/People('50%25%20off%20%26%20more')"],
    ["Zürich", "/People('Z%C3%BCrich')"],
  ])("%p → %s, one segment", (key, expected) => {
    const p = parens.people().byKey(key).path;
    expect(p).toBe(expected);
    expect(segmentsOf(p)).toHaveLength(1);
  });

  test("Int32 and Guid keys are bare literals", () => {
    expect(parens.personTrips(parens.people().byKey("x")).byKey(7).path).toBe("/People('x')/Trips(7)");
    expect(parens.documents().byKey("9d9b2fa0-efbf-490e-a5e3-bac8f7d47354").path).toBe("/Documents(9d9b2fa0-efbf-490e-a5e3-bac8f7d47354)");
  });

  test("composite keys name every property, in key order", () => {
    expect(parens.bookings().byKey({ AirlineCode: "A'A", BookingNo: 12 }).path).toBe("/Bookings(AirlineCode='A''A',BookingNo=12)");
    expect(segments.bookings().byKey({ AirlineCode: "a/b", BookingNo: 1 }).path).toBe("/Bookings(AirlineCode='a%2Fb',BookingNo=1)");
    expect(() => parens.bookings().byKey({ AirlineCode: "AA" } as never)).toThrow(/BookingNo is missing/);
    expect(() => parens.bookings().byKey("AA" as never)).toThrow(/a key of AirlineCode, BookingNo is required/);
  });
});

describe("keys as segments: /People/…", () => {
  test.each([
    ["russellwhyte", "/People/russellwhyte"],
    ["O'Neil", "/People/O'Neil"],
    ["a/b?c#d'e", "/People/a%2Fb%3Fc%23d'e"],
    ["../users", "/People/..%2Fusers"],
    ["x y", "/People/x%20y"],
    ["john.doe@contoso.com", "/People/john.doe%40contoso.com"],
    ["v1.2", "/People/v1.2"],
  ])("%p → %s, one segment that URL resolution keeps", (key, expected) => {
    const p = segments.people().byKey(key).path;
    expect(p).toBe(expected);
    expect(segmentsOf(p)).toEqual(["People", expected.slice("/People/".length)]);
  });

  test.each([
    ["..", "/People('..')"],
    [".", "/People('.')"],
    ["", "/People('')"],
    ["$count", "/People('%24count')"],
    // Why: after a collection, a qualified name is a type cast (URL Conventions §4.11), and "(" opens a key or a call.
    ["Travel.Lite.Employee", "/People('Travel.Lite.Employee')"],
    ["f(1)", "/People('f(1)')"],
  ])("%p, which a URL parser or the service would misread as a segment, → %s", (key, expected) => {
    const p = segments.people().byKey(key).path;
    expect(p).toBe(expected);
    expect(segmentsOf(p)).toHaveLength(1);
    // Why: WHATWG URL parsing drops "." and resolves ".." even when percent-encoded.
    expect(segmentsOf("/People/%2E%2E")).toEqual([""]);
  });

  // URL Conventions 4.01 §4.3.6: the segment is the key value unquoted (ODATA-799: primitive values
  // without their quotes and what decorates them), so an enum member without its type's name.
  test.each<[string, rt.KeyValue, string, rt.Literal]>([
    ["an enum member", "Female", "/Female", rt.edmEnum("Travel.Lite.Gender")],
    ["a flags enum's members", "Male,Female", "/Male%2CFemale", rt.edmEnum("Travel.Lite.Gender")],
    ["an enum member of a type named beyond ASCII", "Roma", "/Roma", rt.edmEnum("Località.Città")],
    ["a binary value", "T0RhdGE", "/T0RhdGE", rt.edmBinary],
    ["a base64 binary value, as base64url", "a+b/cw==", "/a-b_cw%3D%3D", rt.edmBinary],
    ["a duration", "P1DT2H", "/P1DT2H", rt.edmDuration],
    ["a string with quotes, not doubled", "O''Neil", "/O''Neil", rt.edmString],
    ["an empty binary value, which would be an empty segment", "", "(binary'')", rt.edmBinary],
  ])("%s: %p → %s", (_, key, expected, lit) => {
    expect(rt.segmentKey("k", lit)(key)).toBe(expected);
  });

  test("containment to any depth; non-string keys as literals", () => {
    const item = segments.tripPlanItems(segments.personTrips(segments.people().byKey("russellwhyte")).byKey(1)).byKey(12);
    expect(item.path).toBe("/People/russellwhyte/Trips/1/PlanItems/12");
  });

  test("the Graph seed: /communications/callRecords/{id}/sessions/{id}/segments/{id}", () => {
    const record = cloudCommunicationsCallRecords(communications()).byKey("e523d2ed-2966-4b6b-925b-754a88034cc5");
    const session = callRecordSessions(record).byKey("a/b?c#d'e");
    expect(session.path).toBe("/communications/callRecords/e523d2ed-2966-4b6b-925b-754a88034cc5/sessions/a%2Fb%3Fc%23d'e");
    expect(sessionSegments(session).byKey("../users").path).toBe(
      "/communications/callRecords/e523d2ed-2966-4b6b-925b-754a88034cc5/sessions/a%2Fb%3Fc%23d'e/segments/..%2Fusers",
    );
  });
});

describe("entity sets behind navigation (NavigationPropertyBinding) and concurrency", () => {
  test("Friends of a person lead back to People, which needs If-Match", () => {
    const friend = parens.personFriends(parens.people().byKey("a")).byKey("b");
    expect(friend.path).toBe("/People('a')/Friends('b')");
    expect(friend.entitySet).toBe("People");
    expect(friend.requiresEtag).toBe(true);
    expect(parens.personBestFriend(parens.people().byKey("a")).entitySet).toBe("People");
    // The Me singleton binds Friends only: its BestFriend's entity set is unknown.
    expect(parens.personBestFriend(parens.me()).entitySet).toBeUndefined();
  });

  test("contained trips belong to no entity set of their own; sets without the annotation need no ETag", () => {
    const trip = parens.personTrips(parens.people().byKey("a")).byKey(1);
    expect(trip.requiresEtag).toBe(false);
    expect(parens.airlines().byKey("AA").requiresEtag).toBe(false);
    expect(parens.people().byKey("a").requiresEtag).toBe(true);
    expect(parens.personFriends(parens.me()).byKey("x").requiresEtag).toBe(true);
  });

  test("streams: media resource $value and stream properties", () => {
    expect(parens.documentContent(parens.documents().byKey("9d9b2fa0-efbf-490e-a5e3-bac8f7d47354")).path).toBe(
      "/Documents(9d9b2fa0-efbf-490e-a5e3-bac8f7d47354)/$value",
    );
    expect(parens.personPhoto(parens.me()).path).toBe("/Me/Photo");
  });

  test("a derived-type cast segment, of an entity or a collection (which keeps its key)", () => {
    const person = parensRuntime.cast(parens.people().byKey("a"), "Travel.Lite.Person");
    expect(person.path).toBe("/People('a')/Travel.Lite.Person");
    expect(person.requiresEtag).toBe(true);
    expect(parensRuntime.cast(parens.people(), "Travel.Lite.Person").byKey("b").path).toBe("/People/Travel.Lite.Person('b')");
  });
});

describe("function parameters (URL Conventions §4.5.1)", () => {
  test("primitive parameters are literals in the call", () => {
    expect(rt.functionCall("", "GetNearestAirport", [["lat", "Double", 34], ["lon", "Double", -118.4]])).toBe("/GetNearestAirport(lat=34,lon=-118.4)");
  });

  test("strings are quoted, doubled and percent-encoded; dates keep their value", () => {
    expect(rt.functionCall("/People('a')", "NS.F", [["q", "String", "it's a/b?c#d&e"], ["at", "DateTimeOffset", "2026-01-02T03:04:05+01:00"]])).toBe(
      "/People('a')/NS.F(q='it''s%20a%2Fb%3Fc%23d%26e',at=2026-01-02T03%3A04%3A05%2B01%3A00)",
    );
  });

  test("complex and collection values go in parameter aliases; null is a literal; undefined is left out", () => {
    expect(
      rt.functionCall("", "FindTrips", [["near", "json", { City: "Boise & co" }], ["after", "DateTimeOffset", null], ["tags", "json", ["a", "b"]], ["x", "Int32", undefined]]),
    ).toBe("/FindTrips(near=@near,after=null,tags=@tags)?@near=%7B%22City%22:%22Boise%20%26%20co%22%7D&@tags=%5B%22a%22,%22b%22%5D");
  });

  // An alias's value is parameterValue = arrayOrObject / commonExpr (URL Conventions ABNF): JSON for
  // an object or array, a literal for a primitive (JSON's "text" is neither).
  test.each<[string, unknown, string]>([
    ["a string", "it's a/b", "'it''s%20a/b'"],
    ["an empty string", "", "''"],
    ["a Date (JSON writes it as a string)", new Date(Date.UTC(2026, 0, 2)), "'2026-01-02T00:00:00.000Z'"],
    ["a number", 1.5, "1.5"],
    ["a large number", 1e21, "1e%2B21"],
    ["NaN", NaN, "NaN"],
    ["Infinity", Infinity, "INF"],
    ["-Infinity", -Infinity, "-INF"],
    ["a bigint", 2n ** 64n, "18446744073709551616"],
    ["a boolean", true, "true"],
    ["an object, whose strings stay JSON's", { s: "a'b" }, "%7B%22s%22:%22a'b%22%7D"],
    ["an array", ["x", NaN], "%5B%22x%22,%22NaN%22%5D"],
  ])("an Edm.Untyped or Edm.PrimitiveType parameter given %s: its alias holds its literal, or JSON for an object or array", (_, value, alias) => {
    expect(rt.functionCall("", "F", [["v", "json", value]])).toBe(`/F(v=@v)?@v=${alias}`);
  });

  test("enum parameters are qualified literals", () => {
    expect(rt.functionCall("", "F", [["g", "enum:Travel.Lite.Gender", "Female"]])).toBe("/F(g=Travel.Lite.Gender'Female')");
  });

  test("a value that is no literal of its parameter's type: the TypeError names the parameter and the operation, and shows the form", () => {
    // Graph's documentation calls getDirectRoutingCalls(fromDateTime=2019-11-01,toDateTime=2019-12-01): dates, where DateTimeOffsets are declared.
    expect(() => getDirectRoutingCalls(client, cloudCommunicationsCallRecords(communications()), { fromDateTime: "2019-11-01T00:00:00Z", toDateTime: "2019-12-01" })).toThrow(
      // Named as the URL names it (this repository's config asks for unqualified operations).
      new TypeError("parameter toDateTime of getDirectRoutingCalls: not an Edm.DateTimeOffset literal: 2019-12-01 (e.g. 2019-11-01T00:00:00Z)"),
    );
    expect(() => rt.functionCall("", "GetNearestAirport", [["lat", "Double", 34], ["lon", "Double", "west"]])).toThrow(new TypeError("parameter lon of GetNearestAirport: not an Edm.Double literal: west"));
    expect(() => rt.functionCall("", "F", [["at", "geography:4326", { type: "Point", coordinates: [1] }]])).toThrow(/^parameter at of F: not a GeoJSON geometry of Edm.Geography/);
  });
});

describe("a key value that is no literal of its type: the TypeError names the key property", () => {
  test.each<[string, () => unknown, string]>([
    ["in parentheses", () => parens.personTrips(parens.people().byKey("x")).byKey(1.5), "key property TripId: not an Edm.Int32 literal: 1.5"],
    ["as a segment", () => segments.personTrips(segments.people().byKey("x")).byKey(1.5), "key property TripId: not an Edm.Int32 literal: 1.5"],
    ["a Guid", () => parens.documents().byKey("9d9b2fa0"), "key property Id: not an Edm.Guid literal: 9d9b2fa0 (e.g. 01234567-89ab-cdef-0123-456789abcdef)"],
    ["in a composite key", () => parens.bookings().byKey({ AirlineCode: "AA", BookingNo: 2 ** 40 }), "key property BookingNo: not an Edm.Int32 literal: 1099511627776 is out of its range -2147483648..2147483647"],
    // Half a surrogate pair: encodeURIComponent threw "URIError: URI malformed", naming nothing.
    ["a string with half a surrogate pair, in parentheses", () => parens.people().byKey("ab\ud800"), "key property UserName: not text a URL can carry: half of a surrogate pair (\\ud800) at index 2"],
    ["the same as a segment", () => segments.people().byKey("\udc00x"), "key property UserName: not text a URL can carry: half of a surrogate pair (\\udc00) at index 0"],
    ["a string parameter", () => rt.functionCall("", "F", [["s", "String", "x\ud83d"]]), "parameter s of F: not text a URL can carry: half of a surrogate pair (\\ud83d) at index 1"],
    ["a query option's value", () => rt.withCustomQuery("/p", { q: "\ud800" }), "not text a URL can carry: half of a surrogate pair (\\ud800) at index 0"],
    ["a custom query option's name", () => rt.withCustomQuery("/p", { "q\udc00": "1" }), "not text a URL can carry: half of a surrogate pair (\\udc00) at index 1"],
  ])("%s", (_, call, message) => {
    expect(call).toThrow(new TypeError(message));
  });
});

test("a whole surrogate pair (an emoji) in a key is written percent-encoded as UTF-8", () => {
  expect(parens.people().byKey("a\u{1F600}").path).toBe("/People('a%F0%9F%98%80')");
  expect(segments.people().byKey("a\u{1F600}").path).toBe("/People/a%F0%9F%98%80");
});

describe("Geography and Geometry parameters: primitives, written as literals (URL Conventions §5.1.1.1, ABNF geographyPoint …)", () => {
  const geo: typeof import("./.generated/urls-geo/Geo.requests") = require(path.join(generateFixture("requests/geo-params.xml", "urls-geo"), "Geo.requests"));
  const point = { type: "Point" as const, coordinates: [142.1, 64.1] };
  const square = { type: "Polygon" as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };

  test.each<[string, string, unknown, string]>([
    ["a Point", "geography:4326", point, "geography'SRID=4326;Point(142.1 64.1)'"],
    ["a LineString", "geometry:0", { type: "LineString", coordinates: [[1, 2], [3, -4.5]] }, "geometry'SRID=0;LineString(1 2,3 -4.5)'"],
    ["a Polygon with a hole", "geography:4326", { type: "Polygon", coordinates: [[[0, 0], [4, 0], [4, 4], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 1]]] }, "geography'SRID=4326;Polygon((0 0,4 0,4 4,0 0),(1 1,2 1,2 2,1 1))'"],
    ["a MultiPoint", "geometry:3857", { type: "MultiPoint", coordinates: [[1, 2], [3, 4]] }, "geometry'SRID=3857;MultiPoint((1 2),(3 4))'"],
    ["an empty MultiPoint", "geometry:0", { type: "MultiPoint", coordinates: [] }, "geometry'SRID=0;MultiPoint()'"],
    ["a MultiLineString", "geography:4326", { type: "MultiLineString", coordinates: [[[1, 2], [3, 4]], [[5, 6], [7, 8]]] }, "geography'SRID=4326;MultiLineString((1 2,3 4),(5 6,7 8))'"],
    ["a MultiPolygon", "geography:4326", { type: "MultiPolygon", coordinates: [square.coordinates] }, "geography'SRID=4326;MultiPolygon(((0 0,1 0,1 1,0 0)))'"],
    ["a collection", "geometry:0", { type: "GeometryCollection", geometries: [point, { type: "GeometryCollection", geometries: [square] }] }, "geometry'SRID=0;Collection(Point(142.1 64.1),Collection(Polygon((0 0,1 0,1 1,0 0))))'"],
  ])("%s", (_name, kind, value, want) => {
    expect(rt.geoLiteral(kind, value)).toBe(want);
  });

  test.each<[string, unknown]>([
    ["not GeoJSON", "POINT(1 2)"],
    ["an unknown type", { type: "Circle", coordinates: [1, 2] }],
    ["a position with one number", { type: "Point", coordinates: [1] }],
    ["a position with an altitude (positionLiteral has two)", { type: "Point", coordinates: [1, 2, 3] }],
    ["a coordinate that is not a finite number", { type: "Point", coordinates: [1, "2"] }],
    ["NaN", { type: "Point", coordinates: [NaN, 2] }],
    ["a LineString of positions not in a list", { type: "LineString", coordinates: [1, 2] }],
    ["an empty LineString", { type: "LineString", coordinates: [] }],
    ["an empty ring", { type: "Polygon", coordinates: [[]] }],
    ["a Polygon one level short", { type: "Polygon", coordinates: [[0, 0], [1, 1]] }],
    ["an empty collection", { type: "GeometryCollection", geometries: [] }],
    ["a collection with a bad member", { type: "GeometryCollection", geometries: [{ type: "Point" }] }],
  ])("%s is a TypeError", (_name, value) => {
    expect(() => rt.geoLiteral("geography:4326", value)).toThrow(TypeError);
  });

  test("generated functions write them inline, in the SRID of the facet (a type definition's too), else 4326 or 0 (CSDL §7.2.6), and keep their …Ref builder", () => {
    const params = { at: point, footprint: square, mapped: point, anywhere: point, region: square };
    const near = geo.nearRef(params);
    expect(decodeURIComponent(near.path)).toBe(
      "/Near(at=geography'SRID=4326;Point(142.1 64.1)',footprint=geometry'SRID=0;Polygon((0 0,1 0,1 1,0 0))',mapped=geometry'SRID=3857;Point(142.1 64.1)',anywhere=geography'SRID=4326;Point(142.1 64.1)',region=geography'SRID=4269;Polygon((0 0,1 0,1 1,0 0))')",
    );
    // One segment: what follows the call goes below it (no ?@alias in between).
    expect(near.path).not.toContain("?");
    expect(geo.placeNeighbours(near.byKey("x")).path).toMatch(/\)\('x'\)\/Neighbours$/);
    expect(rt.functionCall("", "Near", [["footprint", "geometry:0", null]])).toBe("/Near(footprint=null)");
    expect(() => geo.nearRef({ ...params, at: { type: "Point", coordinates: [1] } })).toThrow(/not a GeoJSON geometry of Edm.Geography/);
  });
});

describe("query options", () => {
  test("all system query options, encoded so that &, # and + stay in their value", () => {
    expect(
      rt.queryString({ select: ["a", "b"], filter: "Name eq 'A&B #1+2'", orderby: ["a desc", "b"], top: 5, skip: 10, search: "blue OR green", count: true }),
    ).toBe("?$select=a,b&$filter=Name%20eq%20'A%26B%20%231%2B2'&$orderby=a%20desc,b&$top=5&$skip=10&$search=blue%20OR%20green&$count=true");
  });

  test("nested $expand with options per level, separated by ;", () => {
    const q = rt.queryString({
      expand: { Trips: { select: ["Name"], top: 2, expand: { PlanItems: { select: ["Title"], filter: "Title ne null" } } }, BestFriend: true },
    } as never);
    expect(decodeURIComponent(q)).toBe("?$expand=Trips($select=Name;$expand=PlanItems($select=Title;$filter=Title ne null);$top=2),BestFriend");
  });

  test("$levels in an expansion, $compute at any level", () => {
    const q = rt.queryString({ compute: "Age add 1 as Next", expand: { Friends: { levels: "max", select: ["UserName"] }, Trips: { compute: "Budget mul 2 as Twice", levels: 2 } } } as never);
    expect(decodeURIComponent(q)).toBe("?$expand=Friends($select=UserName;$levels=max),Trips($compute=Budget mul 2 as Twice;$levels=2)&$compute=Age add 1 as Next");
  });

  test("$expand as a list; empty options are left out", () => {
    expect(rt.queryString({ expand: ["Friends", "Trips"] } as never)).toBe("?$expand=Friends,Trips");
    expect(rt.queryString({ select: [] })).toBe("");
    // `$orderby=` or `$filter=` with nothing after it is no option the ABNF allows: a service answers 400.
    expect(rt.queryString({ orderby: [], filter: "", search: "", compute: "" })).toBe("");
    expect(rt.queryString({ expand: { Trips: { orderby: [], filter: "" } }, orderby: "" } as never)).toBe("?$expand=Trips");
    expect(rt.withQuery("/F(x=@x)?@x=1", { top: 1 })).toBe("/F(x=@x)?@x=1&$top=1");
  });

  test("$top, $skip and $levels are whole numbers (ABNF: digits); another is a TypeError, and nothing is sent", async () => {
    expect(rt.queryString({ top: 0, skip: 9007199254740991 })).toBe("?$top=0&$skip=9007199254740991");
    expect(rt.queryString({ top: -0 })).toBe("?$top=0");
    for (const bad of [-1, 1.5, NaN, Infinity, 1e21]) {
      expect(() => rt.queryString({ top: bad })).toThrow(new TypeError(`top: takes a whole number from 0 to 2^53 - 1, not ${bad}`));
      expect(() => rt.queryString({ skip: bad })).toThrow(new TypeError(`skip: takes a whole number from 0 to 2^53 - 1, not ${bad}`));
    }
    expect(() => rt.queryString({ expand: { Trips: { top: -5 } } } as never)).toThrow("top: takes a whole number from 0 to 2^53 - 1, not -5");
    expect(() => rt.queryString({ expand: { Friends: { levels: 0 } } } as never)).toThrow('levels: takes a whole number from 1 to 2^53 - 1 or "max", not 0');
    expect(decodeURIComponent(rt.queryString({ expand: { Friends: { levels: 3 }, Trips: { levels: "max" } } } as never))).toBe("?$expand=Friends($levels=3),Trips($levels=max)");
    const sent: string[] = [];
    const recording = parensRuntime.createClient({ baseUrl: "https://example.org/odata", fetch: async (url) => (sent.push(String(url)), new Response('{"value":[]}', { headers: { "Content-Type": "application/json" } })) });
    await expect(parens.listPersons(recording, parens.people(), { top: NaN })).rejects.toThrow("top: takes a whole number from 0 to 2^53 - 1, not NaN");
    await expect(parens.listPersons(recording, parens.people(), { skip: 10.5 })).rejects.toThrow("skip: takes a whole number from 0 to 2^53 - 1, not 10.5");
    expect(sent).toEqual([]);
  });
});

test("a typed type cast appends the subtype's qualified name (URL Conventions §4.11), to an entity or a collection", () => {
  const zoo: typeof import("./.generated/urls-casts/zoo.model.requests") = require(path.join(generateFixture("inheritance.xml", "urls-casts"), "zoo.model.requests"));
  expect(zoo.castAnimal(zoo.animals(), "zoo.model.bird").path).toBe("/animals/zoo.model.bird");
  expect(zoo.castAnimal(zoo.animals(), "zoo.model.bird").byKey("5f1d4f5e-0000-4000-8000-000000000001").path).toBe("/animals/zoo.model.bird/5f1d4f5e-0000-4000-8000-000000000001");
  expect(zoo.castBird(zoo.castAnimal(zoo.animals().byKey("5f1d4f5e-0000-4000-8000-000000000001"), "zoo.model.bird"), "zoo.model.parrot").path).toBe("/animals/5f1d4f5e-0000-4000-8000-000000000001/zoo.model.bird/zoo.model.parrot");
});

describe("composable functions (URL Conventions §4.5.1): their result's address, followed further", () => {
  test("an entity result is read with query options, a collection result addressed by key and navigated", () => {
    const airline = parens.getFavoriteAirlineRef(parens.people().byKey("O'Neil"));
    expect(airline.path).toBe("/People('O''Neil')/Travel.Lite.GetFavoriteAirline()");
    expect(rt.withQuery(airline.path, { select: ["Name"] })).toBe("/People('O''Neil')/Travel.Lite.GetFavoriteAirline()?$select=Name");
    const trips = parens.getFriendsTripsRef(parens.people().byKey("a"), { userName: "b/c?d" });
    expect(trips.path).toBe("/People('a')/Travel.Lite.GetFriendsTrips(userName='b%2Fc%3Fd')");
    expect(parens.tripPlanItems(trips.byKey(3)).path).toBe("/People('a')/Travel.Lite.GetFriendsTrips(userName='b%2Fc%3Fd')(3)/PlanItems");
    expect(segments.tripPlanItems(segments.getFriendsTripsRef(segments.people().byKey("a"), { userName: "b" }).byKey(3)).path).toBe("/People/a/Travel.Lite.GetFriendsTrips(userName='b')/3/PlanItems");
    // Which entity set the result is in is not known: no ETag is required of changes through it.
    expect(trips.byKey(3).requiresEtag).toBe(false);
  });
});

describe("binding targets: other sets, qualified containers, paths into a containment", () => {
  type Campus = typeof import("./.generated/urls-campus/Uni.Campus.requests");
  const campus: Campus = require(path.join(generateFixture("requests/campus-bindings.xml", "urls-campus", { keyAsSegment: true }), "Uni.Campus.requests"));
  const member = campus.members().byKey("m1");

  test("a target inside a containment (`education/users`): the entities belong to that root, deeper down", () => {
    const klass = campus.educationClasses(campus.education()).byKey(7);
    expect(klass.path).toBe("/education/classes/7");
    const peer = campus.classMembers(klass).byKey("m2");
    expect(peer.path).toBe("/education/classes/7/members/m2");
    expect(peer.entitySet).toBe("education");
    expect(peer.origin.within).toBe("users");
    expect(peer.requiresEtag).toBe(false);
  });

  test("a type-cast segment in the target path adds nothing; navigation goes on from there", () => {
    const klass = campus.memberClasses(member).byKey(1);
    expect(klass.origin).toEqual({ info: expect.objectContaining({ name: "education" }), within: "classes" });
    // classes/members of education binds on: the members of that class are education's users.
    expect(campus.classMembers(klass).byKey("x").origin.within).toBe("users");
  });

  test("a container-qualified target, by namespace or alias, is the set of that container", () => {
    for (const nav of [campus.memberMentor, campus.memberBuddy]) {
      const other = nav(member);
      expect(other.entitySet).toBe("members");
      expect(other.requiresEtag).toBe(true);
    }
  });

  test("a target in a container this service does not declare leaves the set unknown", () => {
    const pen = campus.memberPen(member);
    expect(pen.entitySet).toBeUndefined();
    expect(pen.requiresEtag).toBe(false);
  });

  test("each root names only its own bindings' targets, looked up lazily", () => {
    const source = fs.readFileSync(path.join(GENERATED, "urls-campus", "Uni.Campus.requests.ts"), "utf8");
    // A root's set info on one line where it fits; its bindings a binding a line where one line would pass 120 characters.
    expect(source).toContain('return rt.root({ name: "education", bindings: () => ({ "classes/members": rt.within(education, "users") }) });');
    expect(source).toContain('"classes": rt.within(education, "classes"),\n        "mentor": members,\n');
    expect(source).not.toContain("Elsewhere");
  });

  describe("navigation through complex properties (URL Conventions §4.7)", () => {
    const profile = campus.memberProfile(member);

    test("a complex property is a path step; a navigation bound through its path (profile/advisor) reaches that set", () => {
      expect(profile.path).toBe("/members/m1/profile");
      const advisor = campus.profileAdvisor(profile);
      expect(advisor.path).toBe("/members/m1/profile/advisor");
      expect(advisor.entitySet).toBe("members");
      expect(advisor.requiresEtag).toBe(true);
    });

    test("a navigation contained in a complex value stays in the entity's set, below the property", () => {
      const note = campus.profileNotes(profile).byKey(5);
      expect(note.path).toBe("/members/m1/profile/notes/5");
      expect(note.origin.within).toBe("profile/notes");
      expect(note.entitySet).toBe("members");
      expect(note.requiresEtag).toBe(false);
    });

    test("nested complex values, also one holding its own type; an unbound navigation leaves the set unknown", () => {
      const deskmate = campus.officeDeskmate(campus.profileOffice(profile));
      expect(deskmate.path).toBe("/members/m1/profile/office/deskmate");
      expect(deskmate.entitySet).toBeUndefined();
      const again = campus.profileAdvisor(campus.officeOwner(campus.profileOffice(profile)));
      expect(again.path).toBe("/members/m1/profile/office/owner/advisor");
      // From there on it is an entity like any other.
      expect(campus.memberMentor(again).path).toBe("/members/m1/profile/office/owner/advisor/mentor");
    });

    test("$expand reaches navigation properties through complex properties, collections of them too (URL Conventions §5.1.2)", () => {
      const source = fs.readFileSync(path.join(GENERATED, "urls-campus", "Uni.Campus.requests.ts"), "utf8");
      const body = source.slice(source.indexOf("export interface MemberNavigation {"));
      const paths = [...body.slice(0, body.indexOf("\n}")).matchAll(/^ {2}"?([\w/]+)"?: rt\.Nav/gm)].map((m) => m[1]);
      // Shorter paths first; each complex type once on a path: Office's owner (a Profile again) is not followed from a profile.
      expect(paths).toEqual(["classes", "mentor", "buddy", "pen", "profile/advisor", "profile/notes", "pastProfiles/advisor", "pastProfiles/notes", "profile/office/deskmate", "pastProfiles/office/deskmate"]);
      expect(decodeURIComponent(rt.queryString({ select: ["id"], expand: { "profile/advisor": { select: ["id"] }, "pastProfiles/notes": true } } as never)))
        .toBe("?$select=id&$expand=profile/advisor($select=id),pastProfiles/notes");
    });

    test("no builder for a collection of complex values (its members have no address) or a complex type without navigation", () => {
      const names = Object.keys(campus);
      expect(names).toEqual(expect.arrayContaining(["memberProfile", "profileOffice", "officeOwner", "profileAdvisor", "profileNotes", "officeDeskmate"]));
      expect(names).not.toContain("memberPastProfiles");
      expect(names).not.toContain("memberPlain");
      expect(names.filter((n) => n.startsWith("plain"))).toEqual([]);
    });
  });
});
