/**
 * Every primitive type and facet, table-driven: each row is a property of the fixture's
 * `Test.Validation.Primitives` complex type, a value, and whether OData accepts it there
 * (OData JSON Format 4.01 §7.1, lexical forms from the OData ABNF, CSDL facets §7.2).
 */
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";

const out = generateFixture("validation.xml", "primitives");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tv: typeof import("./.generated/primitives/Test.Validation.validators") = require(path.join(out, "Test.Validation.validators"));

type Row = [property: string, value: unknown, valid: boolean];

const rows: Row[] = [
  // Edm.String, MaxLength (counted in characters, not UTF-16 units)
  ["str", "", true], ["str", "any text", true], ["str", 5, false], ["str", true, false], ["str", {}, false], ["str", [], false],
  ["str5", "abcde", true], ["str5", "abcdef", false], ["str5", "😀😀😀😀😀", true], ["str5", "😀😀😀😀😀😀", false],
  ["strMax", "x".repeat(10000), true],
  // Edm.Boolean
  ["bool", true, true], ["bool", false, true], ["bool", "true", false], ["bool", 0, false],
  // Edm.Byte 0..255
  ["byte", 0, true], ["byte", 255, true], ["byte", 256, false], ["byte", -1, false], ["byte", 1.5, false], ["byte", "1", false],
  // Edm.SByte -128..127
  ["sbyte", -128, true], ["sbyte", 127, true], ["sbyte", 128, false], ["sbyte", -129, false],
  // Edm.Int16
  ["int16", -32768, true], ["int16", 32767, true], ["int16", 32768, false], ["int16", -32769, false],
  // Edm.Int32 ±2^31
  ["int32", 0, true], ["int32", -2147483648, true], ["int32", 2147483647, true], ["int32", 2147483648, false], ["int32", -2147483649, false],
  ["int32", 1.5, false], ["int32", "1", false], ["int32", 1e10, false],
  // Edm.Int64: numbers or (IEEE754Compatible) strings, 64-bit range
  ["int64", 9007199254740991, true], ["int64", -9007199254740991, true], ["int64", 1.5, false],
  ["int64", "9223372036854775807", true], ["int64", "-9223372036854775808", true], ["int64", "9223372036854775808", false],
  ["int64", "-9223372036854775809", false], ["int64", "0009223372036854775", true], ["int64", "00009223372036854775807", false], ["int64", "+42", true], ["int64", "12a", false], ["int64", "", false],
  ["int64", 9.3e18, false],
  // The extremes as JSON.parse reads them (9223372036854775807 becomes 2^63): a read takes them
  ["int64", JSON.parse("9223372036854775807"), true], ["int64", JSON.parse("-9223372036854775808"), true], ["int64", 2 ** 63 + 2048, false],
  // Edm.Decimal, unconstrained and with Precision/Scale
  ["dec", 1.25, true], ["dec", "1.25", true], ["dec", "-1e5", true], ["dec", "1.", false], ["dec", "abc", false], ["dec", "INF", false],
  ["dec52", 123.45, true], ["dec52", "-999.99", true], ["dec52", 1.234, false], ["dec52", 1234.5, false], ["dec52", "1000", false], ["dec52", "1.50", true],
  // Precision without Scale: the digits before the point only (see README, Validators)
  ["decP5", 12345.678, true], ["decP5", "-99999.5", true], ["decP5", 123456, false], ["decP5", "123456.1", false],
  ["decVar", 12345, true], ["decVar", 1.2345, true], ["decVar", 123.456, false], ["decVar", 123456, false],
  ["dec30", 999, true], ["dec30", "-999", true], ["dec30", 1.5, false], ["dec30", 1000, false],
  // digits counted on the value an exponent gives: 100e-2 is 1, 0.0001e4 is 1, 0.5e-1 is 0.05
  ["dec30", "100e-2", true], ["dec30", "1000e-1", true], ["dec30", "0.0001e4", true], ["dec30", "0.0001e7", false], ["dec52", "0.5e-1", true], ["dec52", "0.5e-2", false],
  ["decFloat", "1.234567e300", true], ["decFloat", 12345678, false], ["decFloat", "INF", true], ["decFloat", "NaN", true],
  // Edm.Single / Edm.Double, incl. INF, -INF, NaN
  ["double", 1.5, true], ["double", -1e308, true], ["double", "INF", true], ["double", "-INF", true], ["double", "NaN", true],
  ["double", "inf", false], ["double", "1.5", false], ["double", Infinity, false], ["double", NaN, false],
  ["single", 3.4e38, true], ["single", 3.5e38, false], ["single", "-INF", true], ["single", "Infinity", false],
  // float32's largest value as .NET and Java write it (rounds to it; above it as a double), and the
  // largest double that still rounds to it; half-way to 2^128 rounds to Infinity
  ["single", JSON.parse("3.4028235E+38"), true], ["single", JSON.parse("-3.4028235E+38"), true],
  ["single", 3.4028235677973362e38, true], ["single", 3.4028235677973366e38, false], ["single", -3.4028235677973366e38, false],
  // Edm.Guid
  ["guid", "01234567-89ab-cdef-0123-456789ABCDEF", true], ["guid", "01234567-89ab-cdef-0123-456789abcde", false],
  ["guid", "0123456789abcdef0123456789abcdef", false], ["guid", "g1234567-89ab-cdef-0123-456789abcdef", false], ["guid", "{01234567-89ab-cdef-0123-456789abcdef}", false],
  // Edm.Date: real calendar days, Feb 29 only in leap years
  ["date", "2024-02-29", true], ["date", "2023-02-29", false], ["date", "2000-02-29", true], ["date", "1900-02-29", false],
  ["date", "2024-04-31", false], ["date", "2024-12-31", true], ["date", "2024-13-01", false], ["date", "2024-00-10", false], ["date", "2024-01-00", false],
  ["date", "0000-01-01", true], ["date", "-0001-12-31", true], ["date", "12024-01-01", true], ["date", "02024-01-01", false], ["date", "24-01-01", false],
  ["date", "2024-1-01", false], ["date", "2024-01-01T00:00:00Z", false],
  // Edm.TimeOfDay, Precision only where declared
  ["time", "00:00", true], ["time", "23:59:59", true], ["time", "23:59:59.123456789012", true], ["time", "23:59:59.1234567890123", false],
  ["time", "24:00:00", false], ["time", "12:60", false], ["time", "12:00:00.", false], ["time", "1:00", false],
  // a leap second (ABNF: second = zeroToFiftyNine / "60")
  ["time", "23:59:60", true], ["time", "23:59:60.5", true], ["time", "12:00:61", false], ["time", "12:00:70", false],
  ["time3", "12:00:00.123", true], ["time3", "12:00:00.1234", false],
  // Edm.DateTimeOffset: RFC 3339 shapes, -00:00, seconds optional, Precision only where declared
  ["dto", "2024-02-29T12:30:00Z", true], ["dto", "2023-02-29T12:30:00Z", false], ["dto", "2024-06-01T12:30:00.1234567Z", true],
  ["dto", "2024-06-01T12:30:00-00:00", true], ["dto", "2024-06-01T12:30:00+14:00", true], ["dto", "2024-06-01T12:30Z", true],
  ["dto", "2024-06-01t12:30:00z", true], ["dto", "2024-06-01T12:30:00", false], ["dto", "2024-06-01 12:30:00Z", false],
  ["dto", "2024-06-01T12:30:00+0100", false], ["dto", "2024-06-01T24:00:00Z", false], ["dto", "2024-06-01T12:30:00+24:00", false],
  ["dto", "2024-06-01", false], ["dto", 1717245000000, false], ["dto", "2016-12-31T23:59:60Z", true], ["dto", "2016-12-31T23:59:61Z", false],
  ["dto0", "2024-06-01T12:30:00Z", true], ["dto0", "2024-06-01T12:30:00.1Z", false],
  ["dto3", "2024-06-01T12:30:00.123+02:00", true], ["dto3", "2024-06-01T12:30:00.1234567Z", false],
  // Edm.Duration: ISO 8601 day-time durations
  ["dur", "PT0S", true], ["dur", "P1D", true], ["dur", "P1DT2H3M4.5S", true], ["dur", "-PT1H", true], ["dur", "PT1H30M", true], ["dur", "PT0.0000001S", true],
  ["dur", "P", false], ["dur", "PT", false], ["dur", "P1DT", false], ["dur", "P1Y", false], ["dur", "P1M", false], ["dur", "PT1M1H", false], ["dur", "PT1.S", false],
  ["dur", "1H", false],
  // the ABNF's durationValue: its letters are quoted strings, case-insensitive (RFC 5234 §2.3; it marks case-sensitive ones %s, RFC 7405)
  ["dur", "pt1h", true], ["dur", "p1d", true], ["dur", "P1dT2h3m4.5s", true], ["dur", "-pt1h30m", true], ["dur", "pt", false],
  // its sign is the ABNF's SIGN, "+" or "-" (a JSON string writes neither percent-encoded)
  ["dur", "+PT1H", true], ["dur", "+P1D", true], ["dur", "+", false], ["dur", "+-P1D", false], ["dur", "-+P1D", false], ["dur", "%2BP1D", false], ["dur", "+PT", false],
  ["dur0", "PT10S", true], ["dur0", "PT1.5S", false], ["dur0", "pt1.5s", false],
  // Edm.Binary: base64url (or base64), padding optional, unused bits zero
  ["bin", "", true], ["bin", "AQID", true], ["bin", "-_8", true], ["bin", "AQ", true], ["bin", "AQ==", true], ["bin", "AQI", true], ["bin", "AQI=", true],
  ["bin", "AR", false], ["bin", "A", false], ["bin", "AQ=", false], ["bin", "AQ*=", false],
  // base64 as Graph writes it (RFC 4648 §4 alphabet), e.g. a GIF attachment's contentBytes
  ["bin", "+/8=", true], ["bin", "R0lGODdhEAYEAA7/AAAAAP+8Aw==", true], ["bin", "+/8", true], ["bin", "+/9", false], ["bin", "AQID====", false], ["bin", 12, false],
  // MaxLength counts bytes (3 per 4 characters, padding left out); "max" sets no limit
  ["bin2", "AQI", true], ["bin2", "AQI=", true], ["bin2", "-_8", true], ["bin2", "", true], ["bin2", "AAAA", false], ["bin2", "AQID", false], ["bin2", "AQIDBA==", false],
  ["binMax", "A".repeat(40000), true],
  // Edm.PrimitiveType: any primitive value (string, number, boolean, GeoJSON), not an array or another object
  ["anyPrimitive", "x", true], ["anyPrimitive", 1.5, true], ["anyPrimitive", false, true], ["anyPrimitive", { type: "Point", coordinates: [1, 2] }, true],
  ["anyPrimitive", [1, [2]], false], ["anyPrimitive", { a: { b: 1 } }, false], ["anyPrimitive", { type: "Point", coordinates: "x" }, false],
  // Edm.Untyped accepts anything
  ["untyped", { any: [1, "x", null] }, true], ["untyped", 1, true], ["untyped", "x", true],
  // Geography / Geometry as GeoJSON
  ["geo", { type: "Point", coordinates: [1, 2] }, true], ["geo", { type: "LineString", coordinates: [[1, 2], [3, 4]] }, true], ["geo", { type: "Blob" }, false],
  ["geoPoint", { type: "Point", coordinates: [1, 2, 3] }, true], ["geoPoint", { type: "Point", coordinates: [1] }, false], ["geoPoint", { type: "LineString", coordinates: [[1, 2], [3, 4]] }, false],
  ["geoPoint", { type: "Point", coordinates: [1, 2], crs: { type: "name", properties: { name: "EPSG:4326" } } }, true], ["geoPoint", [1, 2], false],
  ["geoLine", { type: "LineString", coordinates: [[1, 2]] }, false],
  ["geomPolygon", { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }, true], ["geomPolygon", { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }, false],
  ["geomMultiPoint", { type: "MultiPoint", coordinates: [[0, 0], [1, 1]] }, true], ["geomMultiPoint", { type: "MultiPoint", coordinates: [[0, "a"]] }, false],
  ["geomCollection", { type: "GeometryCollection", geometries: [{ type: "Point", coordinates: [1, 2] }] }, true],
  ["geomCollection", { type: "GeometryCollection", geometries: [{ type: "Point", coordinates: "x" }] }, false], ["geomCollection", { type: "GeometryCollection" }, false],
  // "Collection" is the Edm type's name only; GeoJSON's type is "GeometryCollection"
  ["geomCollection", { type: "Collection", geometries: [] }, false], ["geo", { type: "Collection", geometries: [] }, false], ["anyPrimitive", { type: "Collection", geometries: [] }, false],
  // type definitions: underlying type and facets, from the definition and from the property
  ["code", "abc", true], ["code", "abcd", false], ["code", 1, false],
  ["text4", "abcd", true], ["text4", "abcde", false],
  ["money", 1234.56, true], ["money", 12345.6, false], ["money", 1.234, false],
  // enums: member names, flags as comma-separated members, or member values as strings
  ["color", "Red", true], ["color", "Blue", true], ["color", "red", false], ["color", "Purple", false], ["color", 0, false], ["color", "1", true], ["color", "7", false], ["color", "Red,Blue", false],
  ["perms", "Read", true], ["perms", "Read,Write", true], ["perms", "Read,Write,Execute", true], ["perms", "Read,Delete", false],
  // JSON Format §7.1 writes no space after the comma; ASP.NET Core OData writes one (.NET's Enum.ToString()), accepted
  ["perms", "Read, Write", true], ["perms", "Read,  Write", false], ["perms", " Read", false], ["perms", "Read ,Write", false],
  ["perms", "Read,", false], ["perms", "7", true], ["perms", "8", false], ["perms", "", false],
  // ABNF enumValue: each item a member or a member value (int64Value, sign allowed), mixed in a flags list
  // Int64 members beyond 2^53 are compared exactly, digit by digit, not as the numbers JavaScript rounds them to
  ["huge", "Odd", true], ["huge", "9007199254740993", true], ["huge", "+009007199254740993", true], ["huge", "9007199254740992", false], ["huge", "9007199254740994", false],
  ["huge", "9223372036854775807", true], ["huge", "9223372036854775808", false], ["huge", "-9223372036854775808", true], ["huge", "1", true], ["huge", "-0", false],
  ["hugeFlags", "High,Low", true], ["hugeFlags", "4611686018427387904", true], ["hugeFlags", "4611686018427387905", true], ["hugeFlags", "Low,4611686018427387904", true],
  ["hugeFlags", "4611686018427387906", false], ["hugeFlags", "9223372036854775808", false], ["hugeFlags", "2", false],
  ["color", "+1", true], ["color", "+7", false], ["perms", "Read,4", true], ["perms", "1,2", true], ["perms", "Read, 6", true], ["perms", "Read,8", false], ["perms", "Read,-1", false],
];

const ENUMS: ReadonlySet<string> = new Set(["color", "perms", "huge", "hugeFlags"]);

describe("primitive values by type and facet", () => {
  test.each(rows)("%s = %j → valid %s", (property, value, valid) => {
    const result = tv.validatePrimitives({ [property]: value });
    // One error, at the property (or, for GeoJSON collections, inside it).
    expect(result.errors.map((e) => e.path.replace(/^(\/[^/]+)\/.*$/, "$1"))).toEqual(valid ? [] : [`/${property}`]);
    expect(result.valid).toBe(valid);
    // A guard takes an enum's value by member name only, the form its type has (validators-guard-forms.test.ts).
    const byValue = ENUMS.has(property) && /[0-9]/.test(String(value));
    expect(tv.isPrimitives({ [property]: value })).toBe(valid && !byValue);
  });

  test("null is accepted for a nullable property of any type", () => {
    for (const [property] of rows) expect(tv.validatePrimitives({ [property]: null }).valid).toBe(true);
  });

  test("IEEE754Compatible: true asks for strings, false for numbers, unset accepts both", () => {
    expect(tv.isPrimitives({ int64: "12", dec: "1.5" }, { ieee754Compatible: true })).toBe(true);
    expect(tv.validatePrimitives({ int64: 12, dec: 1.5 }, { ieee754Compatible: true }).errors.map((e) => [e.path, e.expected])).toEqual([
      ["/int64", "Edm.Int64 as a string (IEEE754Compatible=true)"],
      ["/dec", "Edm.Decimal as a string (IEEE754Compatible=true)"],
    ]);
    expect(tv.isPrimitives({ int64: 12, dec: 1.5 }, { ieee754Compatible: false })).toBe(true);
    expect(tv.validatePrimitives({ int64: "12", dec: "1.5" }, { ieee754Compatible: false }).errors.map((e) => e.path)).toEqual(["/int64", "/dec"]);
    expect(tv.isPrimitives({ int64: "12", dec: 1.5 })).toBe(true);
  });

  test("a body's Int64 number beyond 2^53 is refused (its digits are lost), a read's is not", () => {
    const big = JSON.parse("9007199254740993"); // read as 9007199254740992
    for (const mode of ["create", "update", "replace"] as const)
      expect(tv.validatePrimitives({ int64: big }, { mode }).errors.map((e) => e.message)).toEqual(["9007199254740992 is beyond 2^53, where a number loses digits: write it as a bigint or, with ieee754Compatible, a string"]);
    expect(tv.validatePrimitives({ int64: 9007199254740991 }, { mode: "create" }).valid).toBe(true);
    expect(tv.validatePrimitives({ int64: "9007199254740993" }, { mode: "create" }).valid).toBe(true);
    expect(tv.validatePrimitives({ int64: big }).valid).toBe(true);
  });

  test("a body's bigint is an Int64 (in range) or a Decimal (its digits within Precision), as the runtime writes it exactly", () => {
    const messages = (value: object, options?: object) => tv.validatePrimitives(value, options).errors.map((e) => [e.path, e.message]);
    const huge = BigInt("9007199254740993");
    for (const mode of ["create", "update", "replace"] as const) {
      expect(messages({ int64: huge, dec: huge, dec52: BigInt(999), decP5: BigInt(-99999), dec30: BigInt(999) }, { mode, complete: false })).toEqual([]);
      // Written as a string with ieee754Compatible, as a number without: either way all its digits.
      expect(messages({ int64: huge, dec: huge }, { mode, ieee754Compatible: true })).toEqual([]);
      expect(messages({ int64: huge, dec: huge }, { mode, ieee754Compatible: false })).toEqual([]);
      expect(messages({ int64: BigInt("9223372036854775807") }, { mode })).toEqual([]);
      expect(messages({ int64: BigInt("-9223372036854775808") }, { mode })).toEqual([]);
      expect(messages({ int64: BigInt("9223372036854775808"), dec52: BigInt(1000), decP5: BigInt(123456) }, { mode })).toEqual([
        ["/int64", "9223372036854775808 is outside the range of Edm.Int64"],
        ["/dec52", "4 digits before the point; Precision 5 with Scale 2 allows 3"],
        ["/decP5", "6 digits before the point; Precision 5 without Scale allows 5"],
      ]);
      expect(messages({ int64: BigInt("-9223372036854775809") }, { mode })).toEqual([["/int64", "-9223372036854775809 is outside the range of Edm.Int64"]]);
    }
    // A read's JSON holds no bigint, and the guards narrow to the read type (number or string): refused there.
    expect(tv.validatePrimitives({ int64: huge, dec: huge }).errors.map((e) => [e.path, e.expected, e.actual])).toEqual([
      ["/int64", "Edm.Int64", "bigint"],
      ["/dec", "Edm.Decimal", "bigint"],
    ]);
    expect(tv.isPrimitives({ int64: huge }, { mode: "create" })).toBe(false);
  });

  test("a Decimal's digits are counted in one pass, however many zeros a service's value holds", async () => {
    // A pattern for the trailing zeros tried every position of the run of zeros inside the digits:
    // 6–12 s for each of these values, past this test's time limit (a hang guard: it takes milliseconds).
    const facets = (value: object) => tv.validatePrimitives(value).errors.map((e) => [e.path, e.message]);
    const found = facets({ decP5: `1${"0".repeat(60_000)}1`, dec30: `1.${"0".repeat(60_000)}1` });
    await new Promise((resolve) => setTimeout(resolve, 0)); // the time limit, if passed, fires first
    expect(found).toEqual([
      ["/decP5", "60002 digits before the point; Precision 5 without Scale allows 5"],
      ["/dec30", "60001 digits after the point; Scale allows 0"],
    ]);
  }, 5_000);

  test("errors say what was expected and what was found", () => {
    const [e] = tv.validatePrimitives({ int32: 2147483648 }).errors;
    expect(e).toEqual({ path: "/int32", expected: "Edm.Int32", actual: "number 2147483648", message: "2147483648 is outside the range of Edm.Int32 (-2147483648 to 2147483647)" });
    const [f] = tv.validatePrimitives({ date: "2023-02-29" }).errors;
    expect(f).toMatchObject({ path: "/date", expected: "Edm.Date (YYYY-MM-DD)", actual: '"2023-02-29"' });
    // SAP services write Scale="0" and Precision="0" often: one digit is "1 digit", and a Decimal says what its facets allow.
    const facets = (value: object) => tv.validatePrimitives(value).errors.map((e) => [e.path, e.expected, e.message]);
    expect(facets({ dec30: 1.5, dec52: 1234.5, decP5: 123456, decVar: 123.456, decFloat: 12345678, dto0: "2024-06-01T12:30:00.1Z", dur0: "PT1.5S", time3: "12:00:00.1234" })).toEqual([
      ["/dec52", "Edm.Decimal with Precision 5 and Scale 2", "4 digits before the point; Precision 5 with Scale 2 allows 3"],
      ["/decVar", "Edm.Decimal with Precision 5 and Scale variable", "6 digits; Precision 5 allows 5"],
      ["/decP5", "Edm.Decimal with Precision 5", "6 digits before the point; Precision 5 without Scale allows 5"],
      ["/decFloat", "Edm.Decimal with Precision 7", "8 significant digits; Precision allows 7"],
      ["/dec30", "Edm.Decimal with Scale 0", "1 digit after the point; Scale allows 0"],
      ["/time3", "Edm.TimeOfDay with Precision 3", "4 fractional digits; Precision allows 3"],
      ["/dto0", "Edm.DateTimeOffset with Precision 0", "1 fractional digit; Precision allows 0"],
      ["/dur0", "Edm.Duration with Precision 0", "1 fractional digit; Precision allows 0"],
    ]);
    // A date of the right form whose day is past its month's end says so, rather than that the form is wrong.
    const messages = (value: object) => tv.validatePrimitives(value).errors.map((e) => [e.path, e.message]);
    expect(messages({ date: "2023-02-29", dto: "2024-04-31T10:00:00+02:00" })).toEqual([
      ["/date", "no day of the calendar: 2023-02 has 28 days"],
      ["/dto", "no day of the calendar: 2024-04 has 30 days"],
    ]);
    expect(messages({ date: "2024-13-01", dto: "2023-02-30T25:00:00Z" })).toEqual([
      ["/date", 'expected Edm.Date (YYYY-MM-DD), got "2024-13-01"'],
      ["/dto", 'expected Edm.DateTimeOffset (RFC 3339), got "2023-02-30T25:00:00Z"'],
    ]);
    const [g] = tv.validatePrimitives({ color: "Purple" }).errors;
    expect(g).toMatchObject({ expected: "Test.Validation.Color", message: '"Purple" is not a member of Test.Validation.Color' });
  });
});
