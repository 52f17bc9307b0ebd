/**
 * `odatagen url` takes a key's or a function parameter's value only as a literal of its type (URL
 * Conventions' ABNF, as the runtime's `rt.literal` writes one): a whole number within its type's
 * range, a Decimal with an exponent for an OData 4.01 service alone, a Double or Single within its
 * range (neither Infinity nor 0 from a number not 0), a day of the calendar, a time of day's hours
 * 00-23, `binary'…'` for a Binary, a member of the enum (qualified by its namespace or its schema's
 * alias, not another's, in a $filter too; a flags enum's also by a number that combines its members'
 * values), a string's quotes doubled (a function parameter's or a key's in parentheses given
 * without, with a note), `null` as
 * null for a nullable parameter alone (never a key's in parentheses); and
 * refuses the rest, naming the type and the literal. In
 * parentheses, composite, written as a segment, and in a function's parameters; on
 * `test/fixtures/requests/literal-kinds.xml`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { urlCalls } from "../generator/url-calls";
import { enumMembers } from "../generator/emit/literal-forms";
import type { EnumType } from "../generator/model/types";
import { literal } from "../templates/static/runtime";

const FILE = path.join(__dirname, "fixtures", "requests", "literal-kinds.xml");
const FIXTURE = fs.readFileSync(FILE, "utf8");

/** What `odatagen url` answers for each GET path, on the fixture or a variant of its text. */
function answers(paths: readonly string[], content = FIXTURE) {
  return urlCalls({ inputs: [{ file: FILE, content }] }, paths.map((p) => ({ method: "GET", path: p }))).results;
}

/** [path, the value the call gives (the key in byKey, parameter p), or why the URL is refused]. */
const CASES: readonly (readonly [string, string])[] = [
  // Whole numbers: no fraction or exponent, within the type's range.
  ["/int32s(7)", "7"],
  ["/int32s('7')", "7"],
  ["/int32s(-1.5)", "the key of a lit.byInt32 is an Edm.Int32: -1.5 is no whole number"],
  ["/int32s/-1.5", "the key of a lit.byInt32 is an Edm.Int32: -1.5 is no whole number"],
  ["/int32s(2147483648)", "the key of a lit.byInt32 is an Edm.Int32: 2147483648 is out of its range -2147483648..2147483647"],
  ["/bytes(255)", "255"],
  ["/bytes(256)", "the key of a lit.byByte is an Edm.Byte: 256 is out of its range 0..255"],
  ["/bytes/-1", "the key of a lit.byByte is an Edm.Byte: -1 is out of its range 0..255"],
  ["/sBytes(-128)", "-128"],
  ["/sBytes(128)", "the key of a lit.bySByte is an Edm.SByte: 128 is out of its range -128..127"],
  ["/int16s(-32768)", "-32768"],
  ["/int16s(32768)", "the key of a lit.byInt16 is an Edm.Int16: 32768 is out of its range -32768..32767"],
  ["/int64s(9223372036854775807)", '"9223372036854775807"'],
  ["/int64s(9223372036854775808)", "the key of a lit.byInt64 is an Edm.Int64: 9223372036854775808 is out of its range -9223372036854775808..9223372036854775807"],
  ["/int64s(1e3)", "the key of a lit.byInt64 is an Edm.Int64: 1e3 is no whole number"],
  ["/counts(7)", "7"],
  ["/counts(abc)", "the key of a lit.byCount is an Edm.Int32: abc is no number"],
  ["/pairs(n=1,s='x')", '{ n: 1, s: "x" }'],
  ["/pairs(n=1.5,s='x')", "key property n of a lit.pair is an Edm.Int16: 1.5 is no whole number"],
  ["/fByte(p=256)", "parameter p of lit.fByte is an Edm.Byte: 256 is out of its range 0..255"],
  ["/fSByte(p=-129)", "parameter p of lit.fSByte is an Edm.SByte: -129 is out of its range -128..127"],
  ["/fInt32(p=1.5)", "parameter p of lit.fInt32 is an Edm.Int32: 1.5 is no whole number"],
  // A sign and leading zeros (ABNF [ SIGN ] 1*DIGIT) are taken, and printed as TypeScript writes the
  // number (`007` would be an octal literal, which it refuses).
  ["/int32s(+1)", "1"],
  ["/int32s(007)", "7"],
  ["/int32s/-007", "-7"],
  ["/int32s('+7')", "7"],
  ["/int32s(1.0)", "the key of a lit.byInt32 is an Edm.Int32: 1.0 is no whole number"],
  ["/bytes(+256)", "the key of a lit.byByte is an Edm.Byte: +256 is out of its range 0..255"],
  ["/int64s(+0009007199254740993)", '"9007199254740993"'],
  ["/decimals(+007.5)", "7.5"],
  ["/fDouble(p=007e3)", "7e3"],
  ["/fDouble(p=+INF)", "parameter p of lit.fDouble is an Edm.Double: +INF is no number"],
  // Decimals and floating numbers: an exponent for a Double and a Single; for a Decimal of OData 4.01
  // alone (DECIMALS_4_01 below): 4.0's ABNF decimalValue has none, and the message gives the number
  // without. INF and NaN for Double and Single alone.
  ["/decimals(-1.5)", "-1.5"],
  ["/decimals(1e3)", "the key of a lit.byDecimal is an Edm.Decimal: 1e3 has an exponent, which an Edm.Decimal literal of OData 4.0 has none of (4.01 added it); write it without: 1000"],
  ["/decimals/1.5E-2", "the key of a lit.byDecimal is an Edm.Decimal: 1.5E-2 has an exponent, which an Edm.Decimal literal of OData 4.0 has none of (4.01 added it); write it without: 0.015"],
  ["/fDecimal(p=-2.5e+10)", "parameter p of lit.fDecimal is an Edm.Decimal: -2.5e+10 has an exponent, which an Edm.Decimal literal of OData 4.0 has none of (4.01 added it); write it without: -25000000000"],
  ["/fDecimal(p=12.50e1)", "parameter p of lit.fDecimal is an Edm.Decimal: 12.50e1 has an exponent, which an Edm.Decimal literal of OData 4.0 has none of (4.01 added it); write it without: 125"],
  ["/decimals(1.5e-400)", "the key of a lit.byDecimal is an Edm.Decimal: 1.5e-400 has an exponent, which an Edm.Decimal literal of OData 4.0 has none of (4.01 added it); write it without"],
  ["/decimals(INF)", "the key of a lit.byDecimal is an Edm.Decimal: INF is no decimal number (digits, a fraction and an exponent: -1.5, 1e3, 1.5E-2); INF, -INF and NaN are an Edm.Double's or an Edm.Single's"],
  ["/fDecimal(p=NaN)", "parameter p of lit.fDecimal is an Edm.Decimal: NaN is no decimal number (digits, a fraction and an exponent: -1.5, 1e3, 1.5E-2); INF, -INF and NaN are an Edm.Double's or an Edm.Single's"],
  ["/fDecimal(p=1.e3)", "parameter p of lit.fDecimal is an Edm.Decimal: 1.e3 is no decimal number (digits, a fraction and an exponent: -1.5, 1e3, 1.5E-2)"],
  ["/fDecimal(p=1e)", "parameter p of lit.fDecimal is an Edm.Decimal: 1e is no decimal number (digits, a fraction and an exponent: -1.5, 1e3, 1.5E-2)"],
  ["/fDouble(p=1e3)", "1e3"],
  ["/fDouble(p=-INF)", "-Infinity"],
  ["/fSingle(p=NaN)", "NaN"],
  // Beyond a Double's or a Single's range (IEEE 754): 1e400 is Infinity to JavaScript, which the runtime sends as INF.
  ["/fDouble(p=1e400)", "parameter p of lit.fDouble is an Edm.Double: 1e400 is out of its range -1.7976931348623157e+308..1.7976931348623157e+308"],
  ["/fDouble(p=-1e400)", "parameter p of lit.fDouble is an Edm.Double: -1e400 is out of its range -1.7976931348623157e+308..1.7976931348623157e+308"],
  ["/fDouble(p=1.7976931348623157e308)", "1.7976931348623157e308"],
  ["/fSingle(p=1e39)", "parameter p of lit.fSingle is an Edm.Single: 1e39 is out of its range -3.4028234663852886e+38..3.4028234663852886e+38"],
  ["/fSingle(p=3.4e38)", "3.4e38"],
  ["/fDouble(p=INF)", "Infinity"],
  // INF, -INF and NaN in these letters alone (the ABNF's nanInfinity, %s"INF": case-sensitive).
  ["/fDouble(p=inf)", "parameter p of lit.fDouble is an Edm.Double: inf is no literal: null, INF, -INF and NaN are case-sensitive; did you mean INF?"],
  ["/fDouble(p=-Inf)", "parameter p of lit.fDouble is an Edm.Double: -Inf is no literal: null, INF, -INF and NaN are case-sensitive; did you mean -INF?"],
  ["/fSingle(p=nan)", "parameter p of lit.fSingle is an Edm.Single: nan is no literal: null, INF, -INF and NaN are case-sensitive; did you mean NaN?"],
  // Nearer 0 than a Double's or a Single's least value above 0: it rounds to 0, which the call would send.
  ["/fDouble(p=1e-400)", "parameter p of lit.fDouble is an Edm.Double: 1e-400 is out of its range: it is nearer 0 than 5e-324, the least value above 0 it holds, and would be sent as 0"],
  ["/fDouble(p=-2e-324)", "parameter p of lit.fDouble is an Edm.Double: -2e-324 is out of its range: it is nearer 0 than 5e-324, the least value above 0 it holds, and would be sent as 0"],
  ["/fSingle(p=1e-50)", "parameter p of lit.fSingle is an Edm.Single: 1e-50 is out of its range: it is nearer 0 than 1.401298464324817e-45, the least value above 0 it holds, and would be sent as 0"],
  ["/fDouble(p=5e-324)", "5e-324"],
  ["/fSingle(p=1.5e-45)", "1.5e-45"],
  ["/fDouble(p=0.0e-400)", "0.0e-400"],
  // Dates and times: a day of the calendar, hours 00-23.
  ["/dates(2024-02-29)", '"2024-02-29"'],
  ["/dates(2023-02-29)", "the key of a lit.byDate is an Edm.Date: 2023-02-29 is no day of the calendar"],
  ["/dateTimeOffsets(2024-01-31T23:59:60Z)", '"2024-01-31T23:59:60Z"'],
  ["/dateTimeOffsets(2024-01-31T24:00:00Z)", "the key of a lit.byDateTimeOffset is an Edm.DateTimeOffset: 2024-01-31T24:00:00Z is no date and time (2019-11-01T08:00:00Z)"],
  ["/dateTimeOffsets(2024-13-01T08:00:00Z)", "the key of a lit.byDateTimeOffset is an Edm.DateTimeOffset: 2024-13-01T08:00:00Z is no day of the calendar"],
  ["/timeOfDays(23:59:59.5)", '"23:59:59.5"'],
  ["/timeOfDays/25:00", "the key of a lit.byTimeOfDay is an Edm.TimeOfDay: 25:00 is no time of day (08:00:00)"],
  ["/fTimeOfDay(p=08:60)", "parameter p of lit.fTimeOfDay is an Edm.TimeOfDay: 08:60 is no time of day (08:00:00)"],
  ["/durations(duration'P1D')", '"P1D"'],
  ["/durations('P1D')", '"P1D"'],
  ["/fDuration(p=DURATION'-P1DT2H')", '"-P1DT2H"'],
  ["/fDuration(p=duration'PT')", "parameter p of lit.fDuration is an Edm.Duration: duration'PT' is no duration (P1DT2H)"],
  ["/fDuration(p=duration'P1D)", "parameter p of lit.fDuration is an Edm.Duration: duration'P1D is no duration (P1DT2H)"],
  ["/fDuration(p=durationP1D)", "parameter p of lit.fDuration is an Edm.Duration: durationP1D is no duration (P1DT2H)"],
  // Fractional seconds: 1 to 12 digits (ABNF fractionalSeconds); a year of more than four digits or before 0.
  ["/timeOfDays(08:00:00.123456789012)", '"08:00:00.123456789012"'],
  ["/timeOfDays(08:00:00.1234567890123)", "the key of a lit.byTimeOfDay is an Edm.TimeOfDay: 08:00:00.1234567890123 is no time of day (08:00:00)"],
  ["/dateTimeOffsets(2024-01-01T08:00:00.1234567890123Z)", "the key of a lit.byDateTimeOffset is an Edm.DateTimeOffset: 2024-01-01T08:00:00.1234567890123Z is no date and time (2019-11-01T08:00:00Z)"],
  ["/dates(-0001-01-01)", '"-0001-01-01"'],
  ["/dateTimeOffsets(12024-01-01T08:00:00Z)", '"12024-01-01T08:00:00Z"'],
  ["/booleans(true)", "true"],
  ["/fBoolean(p=TRUE)", "true"],
  ["/booleans(False)", "false"],
  // The ABNF's other words are case-insensitive (RFC 5234): true, false, the binary and duration prefixes.
  ["/booleans(True)", "true"],
  ["/fBinary(p=BINARY'AQID')", '"AQID"'],
  ["/fDuration(p=Duration'P1D')", '"P1D"'],
  ["/booleans('true')", "the key of a lit.byBoolean is an Edm.Boolean: 'true' is no Boolean (true or false)"],
  ["/guids(0f8fad5b-d9cb-469f-a165-70867728950e)", '"0f8fad5b-d9cb-469f-a165-70867728950e"'],
  // Binary: binary'…', base64url.
  ["/fBinary(p=binary'AQID')", '"AQID"'],
  ["/fBinary(p='AQID')", "parameter p of lit.fBinary is an Edm.Binary: 'AQID' is no binary value (binary'AQID', base64url)"],
  ["/fBinary(p=binary'A')", "parameter p of lit.fBinary is an Edm.Binary: binary'A' is no binary value (binary'AQID', base64url)"],
  // Enums: qualified, quoted alone (4.01), as a segment, by value; several for a flags enum alone.
  ["/colors(lit.Color'Green')", '"Green"'],
  ["/colors('Red')", '"Red"'],
  ["/colors/Red", '"Red"'],
  ["/colors('1')", '"Green"'],
  ["/colors('Blue')", "the key of a lit.byColor is a lit.Color: 'Blue' is no member of lit.Color (Red, Green)"],
  ["/colors(other.Color'Red')", "the key of a lit.byColor is a lit.Color: other.Color'Red' is a literal of other.Color, not of lit.Color; write lit.Color'Red'"],
  ["/fColor(p=lit.Color'Red')", '"Red"'],
  ["/fColor(p='Red,Green')", "parameter p of lit.fColor is a lit.Color: 'Red,Green' names several members, and lit.Color is no flags enum"],
  ["/fShades(p=lit.Shades'Light,Dark')", '"Light,Dark"'],
  // ABNF enumValue has no space around a comma (.NET writes one): the message gives the literal without.
  ["/fShades(p='Light, Dark')", "parameter p of lit.fShades is a lit.Shades: 'Light, Dark' has spaces between its members, which an enum literal has none of: 'Light,Dark'"],
  ["/fShades(p=lit.Shades'Light ,Dark')", "parameter p of lit.fShades is a lit.Shades: lit.Shades'Light ,Dark' has spaces between its members, which an enum literal has none of: lit.Shades'Light,Dark'"],
  ["/fShades(p='Light,Blue')", "parameter p of lit.fShades is a lit.Shades: 'Light,Blue' is no member of lit.Shades (Light, Dark)"],
  // Qualified by the schema's alias (ABNF: "an alias is just a single-part namespace").
  ["/colors(Lit.Color'Green')", '"Green"'],
  ["/fShades(p=Lit.Shades'Light,Dark')", '"Light,Dark"'],
  ["/colors(Lit.Shades'Light')", "the key of a lit.byColor is a lit.Color: Lit.Shades'Light' is a literal of Lit.Shades (lit.Shades), not of lit.Color; a literal of lit.Color names its members (Red, Green)"],
  // Another schema's alias, or one whose schema has no such type, names no literal of the enum: the message says what it names and gives the literal.
  ["/colors(Other.Color'Red')", "the key of a lit.byColor is a lit.Color: Other.Color'Red' is a literal of Other.Color, which names no type of the model; write lit.Color'Red'"],
  ["/colors(Oth.Color'Red')", "the key of a lit.byColor is a lit.Color: Oth.Color'Red' is a literal of Oth.Color (other.Color), not of lit.Color; write lit.Color'Red'"],
  ["/fColor(p=Thr.Color'Green')", "parameter p of lit.fColor is a lit.Color: Thr.Color'Green' is a literal of Thr.Color, which names no type of the model; write lit.Color'Green'"],
  // So in a $filter (before, any prefix ending in the enum's name was taken: Thr.Color'Red' was lit.Color's Red).
  ["/colors?$filter=id eq Oth.Color'Red'", "GET /colors: $filter=id eq Oth.Color'Red': id is a lit.Color: Oth.Color'Red' is a literal of Oth.Color (other.Color), not of lit.Color; write lit.Color'Red'"],
  ["/colors?$filter=id eq Thr.Color'Red'", "GET /colors: $filter=id eq Thr.Color'Red': id is a lit.Color: Thr.Color'Red' is a literal of Thr.Color, which names no type of the model; write lit.Color'Red'"],
  ["/colors?$filter=id eq Lit.Color'Red'", 'const result = await listByColors(client, target, { filter: (b) => b.id.eq("Red") });'],
  // A member in other letters' case names none, in a key, a parameter and a $filter alike, each
  // saying the member it nearly names (literal-forms.ts memberHint); a flags list names the part.
  ["/colors('red')", "the key of a lit.byColor is a lit.Color: 'red' is no member of lit.Color (Red, Green); did you mean Red?"],
  ["/colors/GREEN", "the key of a lit.byColor is a lit.Color: GREEN is no member of lit.Color (Red, Green); did you mean Green?"],
  ["/fColor(p=lit.Color'Gren')", "parameter p of lit.fColor is a lit.Color: lit.Color'Gren' is no member of lit.Color (Red, Green); did you mean Green?"],
  ["/fShades(p=lit.Shades'Light,dark')", "parameter p of lit.fShades is a lit.Shades: lit.Shades'Light,dark' is no member of lit.Shades (Light, Dark): dark names none; did you mean Dark?"],
  ["/colors?$filter=id eq 'red'", "GET /colors: $filter=id eq 'red': id is a lit.Color, which has no member red; did you mean Red?"],
  ["/colors?$filter=id eq lit.Color'GREEN'", "GET /colors: $filter=id eq lit.Color'GREEN': id is a lit.Color, which has no member GREEN; did you mean Green?"],
  // The enum's name in other letters' case (case-sensitive, as a type cast is): refused, saying what it nearly names.
  ["/colors(LIT.Color'Red')", "the key of a lit.byColor is a lit.Color: LIT.Color'Red' is a literal of LIT.Color, which names no type of the model; did you mean lit.Color'Red'?"],
  ["/fColor(p=Lit.color'Green')", "parameter p of lit.fColor is a lit.Color: Lit.color'Green' is a literal of Lit.color, which names no type of the model; did you mean Lit.Color'Green'?"],
  ["/colors?$filter=id eq lit.color'Red'", "GET /colors: $filter=id eq lit.color'Red': id is a lit.Color: lit.color'Red' is a literal of lit.color, which names no type of the model; did you mean lit.Color'Red'?"],
  ["/colors(lit.COLOR'Blue')", "the key of a lit.byColor is a lit.Color: lit.COLOR'Blue' is a literal of lit.COLOR, which names no type of the model; did you mean lit.Color? a literal of lit.Color names its members (Red, Green)"],
  ["/fShades(p=Oth.Shades'Light,Dark')", "parameter p of lit.fShades is a lit.Shades: Oth.Shades'Light,Dark' is a literal of Oth.Shades, which names no type of the model; write lit.Shades'Light,Dark'"],
  // A flags enum's value as a number: a combination of its members' values (int64Value; CSDL: bitwise OR).
  ["/fShades(p='3')", '"Light,Dark"'],
  ["/fShades(p=lit.Shades'2')", '"Dark"'],
  ["/fShades(p='1,2')", '"Light,Dark"'],
  ["/fAccess(p='11')", '"ReadWrite,Share"'],
  ["/fAccess(p='9')", '"Read,Share"'],
  ["/fShades(p='4')", "parameter p of lit.fShades is a lit.Shades: '4' is no member of lit.Shades nor a combination of its members' values (Light=1, Dark=2)"],
  ["/fShades(p='0')", "parameter p of lit.fShades is a lit.Shades: '0' is no member of lit.Shades nor a combination of its members' values (Light=1, Dark=2)"],
  ["/fShades(p='-1')", "parameter p of lit.fShades is a lit.Shades: '-1' is no member of lit.Shades nor a combination of its members' values (Light=1, Dark=2)"],
  ["/fAccess(p='12')", "parameter p of lit.fAccess is a lit.Access: '12' is no member of lit.Access nor a combination of its members' values (Read=1, Write=2, ReadWrite=3, Share=8)"],
  ["/colors('3')", "the key of a lit.byColor is a lit.Color: '3' is no member of lit.Color (Red, Green)"],
  // Strings: quotes doubled; another type's literal is none; unquoted as a segment, as Graph's pages write keys.
  ["/strings('it''s')", '"it\'s"'],
  ["/strings/abc", '"abc"'],
  ["/strings('it's')", "the key of a lit.byString is an Edm.String: 'it's' is no string: a quote inside one is doubled ('it''s')"],
  ["/fString(p=duration'P1D')", "parameter p of lit.fString is an Edm.String: duration'P1D' is a literal of another type, no string (in quotes: 'text')"],
  ["/fString(p=lit.Color'Red')", "parameter p of lit.fString is an Edm.String: lit.Color'Red' is a literal of another type, no string (in quotes: 'text')"],
  // A parameter alias: its value is in the query, which the generated functions do not read.
  ["/fString(p=@p)", "parameter p of lit.fString is given by the parameter alias @p, which the generated functions do not take; write its value in its place"],
  // ABNF nullValue: null, not the text 'null'; a key is never null, and these parameters are not nullable (NULLABLE below).
  ["/fString(p=null)", "parameter p of lit.fString is not nullable: null is the null literal, which it does not take (the text null is written quoted: p='null')"],
  // The ABNF's null is lower case alone (%s"null"): NULL is no null literal, and no text without its quotes.
  ["/fInt32(p=NULL)", "parameter p of lit.fInt32: NULL is no literal: null, INF, -INF and NaN are case-sensitive; did you mean null?"],
  ["/fString(p=Null)", "parameter p of lit.fString: Null is no literal: null, INF, -INF and NaN are case-sensitive; did you mean null? (the text Null is written quoted: p='Null')"],
  ["/strings(NULL)", "the key of a lit.byString: NULL is no literal: null, INF, -INF and NaN are case-sensitive; did you mean null? (the text NULL is written quoted: 'NULL')"],
  ["/strings/NULL", '"NULL"'],
  ["/fString(p='null')", '"null"'],
  ["/strings(null)", "the key of a lit.byString is never null: null is the null literal; the text null is written quoted: 'null'"],
  ["/pairs(n=1,s=null)", "key property s of a lit.pair is never null: null is the null literal; the text null is written quoted: 'null'"],
  ["/int32s(null)", "the key of a lit.byInt32 is never null: null is the null literal"],
  ["/colors(null)", "the key of a lit.byColor is never null: null is the null literal"],
  ["/strings('null')", '"null"'],
  // A segment has no quotes: its null is the text.
  ["/strings/null", '"null"'],
  ["/fInt32(p=@p)", "parameter p of lit.fInt32 is given by the parameter alias @p, which the generated functions do not take; write its value in its place"],
];

/** An answer as the tables write it: the call printed, or the problem without the request before it. */
function shown(r: ReturnType<typeof answers>[number], p: string): string {
  return r.ok ? given(r.call.address, r.call.call) : r.problem.replace(`GET ${p}: `, "");
}

/** The value a printed call gives: the key in `byKey(…)`, or parameter p in `{ p: … }`. */
function given(address: string | undefined, call: string): string {
  const key = address === undefined ? undefined : /\.byKey\((.*)\)$/.exec(address)?.[1];
  return key ?? /\{ p: (.*) \}\);$/.exec(call)?.[1] ?? call;
}

/**
 * One test a case of `cases`, named `${label}path: answer`: the answer `odatagen url` gives for the
 * path against `content` (all the table's paths read at once), as `shown` prints it; `also`, more
 * to check of each answer.
 */
function table(label: string, cases: readonly (readonly [string, string])[], content = FIXTURE, also?: (r: ReturnType<typeof answers>[number]) => void) {
  const read = answers(
    cases.map(([p]) => p),
    content,
  );
  test.each(cases.map(([p, want], i) => [p, want, i] as const))(`${label}%s: %s`, (p, want, i) => {
    const r = read[i]!;
    expect(shown(r, p)).toBe(want);
    also?.(r);
  });
}

table("", CASES);

/** The fixture as an OData 4.01 service's: its Decimals take an exponent (ABNF 4.01 decimalValue), written as their text. */
const DECIMALS_4_01: readonly (readonly [string, string])[] = [
  ["/decimals(1e3)", '"1e3"'],
  ["/decimals/1.5E-2", '"1.5E-2"'],
  ["/fDecimal(p=-2.5e+10)", '"-2.5e+10"'],
  ["/decimals(1.5e-400)", '"1.5e-400"'],
  ["/decimals(INF)", "the key of a lit.byDecimal is an Edm.Decimal: INF is no decimal number (digits, a fraction and an exponent: -1.5, 1e3, 1.5E-2); INF, -INF and NaN are an Edm.Double's or an Edm.Single's"],
];

table("OData 4.01: ", DECIMALS_4_01, FIXTURE.replace('edmx:Edmx Version="4.0"', 'edmx:Edmx Version="4.01"'));

/** The fixture with its parameters nullable: `null` is null, as the function sends it (`p=null`). */
const NULLABLE: readonly (readonly [string, string])[] = [
  ["/fString(p=null)", "null"],
  ["/fString(p=Null)", "parameter p of lit.fString: Null is no literal: null, INF, -INF and NaN are case-sensitive; did you mean null? (the text Null is written quoted: p='Null')"],
  ["/fString(p='null')", '"null"'],
  ["/fColor(p=null)", "null"],
  ["/fInt32(p=null)", "null"],
  ["/fDate(p=null)", "null"],
];

table("nullable parameters: ", NULLABLE, FIXTURE.replace(/(<Parameter Name="p" Type="[\w.]+") Nullable="false"/g, "$1"), (r) => {
  // No note: null is a literal, no string without its quotes.
  if (r.ok) expect(r.call.code).not.toContain("// p:");
});

test("a function parameter's string without its quotes (as Graph's pages write some) is taken, with a note above the call giving it quoted, as the function sends it", () => {
  const paths = ["/fString(p=abc)", "/fString(p=7)", "/fString(p='abc')", "/fString(p={s})", "/fString(p='null')", `/fString(p=${"x".repeat(100000)})`];
  const [bare, number, quoted, placeholder, nul, long] = answers(paths);
  if (!bare?.ok || !number?.ok || !quoted?.ok || !placeholder?.ok || !nul?.ok || !long?.ok) throw new Error("refused");
  expect(bare.call.call).toBe('const result = await fString(client, { p: "abc" });');
  expect(bare.call.code).toContain("\n// p: the URL's abc is a string without its quotes, as Graph's pages write some; a URL writes one in quotes, p='abc', and so does the function.\nconst result");
  expect(number.call.code).toContain("a URL writes one in quotes, p='7', and so does the function.");
  // What the note says the function sends, the runtime writes.
  expect(literal("String", "abc")).toBe("'abc'");
  // Quoted (the text null too), or a placeholder: no note.
  for (const r of [quoted, placeholder, nul]) expect(r.call.code).not.toContain("// p: the URL's");
  expect(long.call.code).toContain(`p='${"x".repeat(100000)}'`);
});

test("a string key in parentheses without its quotes (/strings(abc)) is taken with the same note; a segment's (/strings/abc), quoted or a placeholder gets none", () => {
  const paths = ["/strings(abc)", "/pairs(n=1,s=it's)", "/strings/abc", "/strings('abc')", "/strings({id})"];
  const [bare, pair, segment, quoted, placeholder] = answers(paths);
  if (!bare?.ok || !pair?.ok || !segment?.ok || !quoted?.ok || !placeholder?.ok) throw new Error("refused");
  expect(bare.call.address).toBe('strings().byKey("abc")');
  expect(bare.call.code).toContain("\n// id: the URL's abc is a string without its quotes, as Graph's pages write some; a URL writes one in quotes, id='abc', and so does the function.\n");
  expect(pair.call.code).toContain("// s: the URL's it's is a string without its quotes, as Graph's pages write some; a URL writes one in quotes, s='it''s', and so does the function.");
  for (const r of [segment, quoted, placeholder]) expect(r.call.code).not.toContain("without its quotes");
});

test("a date and time without its offset (a date alone, as Graph's pages write one) is a variable to choose, with a note saying why: the function refuses the URL's text", () => {
  const paths = ["/dateTimeOffsets(2024-01-01)", "/fDateTimeOffset(p=2024-01-01T08:00)", "/fDateTimeOffset(p=2024-01-01T08:00:00-05:00)"];
  const [key, param, full] = answers(paths);
  if (!key?.ok || !param?.ok || !full?.ok) throw new Error("refused");
  expect(key.call.address).toMatch(/\.byKey\(id\)$/);
  expect(key.call.variables).toContainEqual({ name: "id", what: "the key of a lit.byDateTimeOffset, a date and time with its offset (the URL's 2024-01-01 has none)", type: "string" });
  expect(key.call.code).toContain("\n// id: the URL's 2024-01-01 is a date alone, which names no zone; the function takes a date and time with its offset and refuses 2024-01-01 (a TypeError before sending): choose the instant meant, e.g. 2024-01-01T00:00:00Z for UTC.\n");
  expect(param.call.call).toBe("const result = await fDateTimeOffset(client, { p });");
  expect(param.call.code).toContain("// p: the URL's 2024-01-01T08:00 is a date and time without an offset, which names no zone; the function takes a date and time with its offset and refuses 2024-01-01T08:00 (a TypeError before sending): choose the instant meant, e.g. 2024-01-01T08:00Z for UTC.");
  // What the note says, the runtime does: it refuses each as written and writes each example.
  expect(() => literal("DateTimeOffset", "2024-01-01")).toThrow(TypeError);
  expect(() => literal("DateTimeOffset", "2024-01-01T08:00")).toThrow(TypeError);
  expect([literal("DateTimeOffset", "2024-01-01T00:00:00Z"), literal("DateTimeOffset", "2024-01-01T08:00Z")]).toEqual(["2024-01-01T00:00:00Z", "2024-01-01T08:00Z"]);
  // With its offset, the value is printed as it is, without a note.
  expect(full.call.call).toBe('const result = await fDateTimeOffset(client, { p: "2024-01-01T08:00:00-05:00" });');
  expect(full.call.code).not.toContain("// p:");
});

test("a flags enum's literal of many parts on an enum of many members is read in linear time", () => {
  // 10,000 members, a literal naming each and then the combination 3 (M0 | M1) 10,000 times: each
  // part was looked up in every member, and each number combined from all of them again (16 s).
  const type = { kind: "enum", qualifiedName: "x.E", isFlags: true, members: Array.from({ length: 10000 }, (_, i) => ({ name: `M${i}`, exact: String(2n ** BigInt(i % 62)) })) } as unknown as EnumType;
  const started = performance.now();
  expect(enumMembers(`'${type.members.map((x) => x.name).join(",")}'`, type)).toBe(type.members.map((x) => x.name).join(","));
  expect(enumMembers(`'${Array.from({ length: 10000 }, () => "3").join(",")}'`, type)).toBe("M0,M1");
  expect(performance.now() - started).toBeLessThan(2000);
});
