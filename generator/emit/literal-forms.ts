/**
 * What a literal of an Edm type may be in a URL (URL Conventions' ABNF, `primitiveLiteral`), as the
 * runtime's `rt.literal` takes it (templates/static/runtime.ts): whole numbers within their type's
 * range, days of the calendar, an enum's members. Shared by what `odatagen url` checks in a key's or
 * a function parameter's value (emit/url-call.ts) and what a typed filter writes (emit/url-typed-filter.ts).
 */
import type { EnumType, Model, ODataVersion } from "../model/types";
import { nearestName } from "../nearest-name";

/** The ranges of the whole numbers a typed filter takes as a JavaScript number (the runtime's `integral`, CSDL §4.4). */
export const INTEGER_RANGES: Partial<Record<string, readonly [number, number]>> = {
  Byte: [0, 255],
  SByte: [-128, 127],
  Int16: [-32768, 32767],
  Int32: [-2147483648, 2147483647],
};

/** Int64's range, compared as whole numbers of any size (a number cannot tell 2^63 - 1 from 2^63). */
const INT64: readonly [bigint, bigint] = [-(2n ** 63n), 2n ** 63n - 1n];

/** A whole number's digits, as a URL writes them without a `+` sign or leading zeros (ABNF `int64Value`, a member's value). */
const WHOLE = /^-?\d+$/;
/** A number's digits, fraction and exponent (ABNF `decimalValue` of 4.01, `doubleValue` but for `nanInfinity`). */
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
/** A Double's or a Single's infinities and NaN (ABNF `nanInfinity`), as the runtime writes them. */
const NAN_INFINITY = /^(-?INF|NaN)$/;

/**
 * The literals URL Conventions' ABNF spells in one letters' case alone (`null = %s"null"`,
 * `nanInfinity = %s"NaN" / %s"-INF" / %s"INF"`: RFC 7405's case-sensitive strings), by their lower
 * case. Its other quoted words are case-insensitive (RFC 5234 §2.3): `true`, `false`, the prefixes
 * `duration`, `binary`, `geography` and `geometry` are read in any case.
 */
const CASE_SENSITIVE = new Map(["null", "INF", "-INF", "NaN"].map((w) => [w.toLowerCase(), w]));

/**
 * What to say of `text` where it writes `null`, `INF`, `-INF` or `NaN` in other letters' case
 * (`NULL`, `inf`, `-Inf`, `nan`), which the ABNF does not read as that literal: `is no literal:
 * null, INF, -INF and NaN are case-sensitive; did you mean null?`. Undefined for any other text.
 */
export function miscasedProblem(text: string): string | undefined {
  const right = CASE_SENSITIVE.get(text.toLowerCase());
  return right === undefined || right === text ? undefined : `is no literal: null, INF, -INF and NaN are case-sensitive; did you mean ${right}?`;
}

/**
 * Why `text` (a number as a URL writes it, without a `+` sign or leading zeros) is no literal of the
 * number type `edm` the runtime writes: no number (`abc`, `+INF`, `1.e3`); a fraction or an exponent
 * for a whole-number type, or a value beyond its range (`wholeNumberProblem`), a Double's or a
 * Single's too (`floatingProblem`: `1e400`, which JavaScript reads as Infinity); a Decimal's forms
 * (`decimalProblem`: no exponent for an OData 4.0 service); `INF`, `-INF` and `NaN` are a Double's or
 * a Single's. Undefined for one it writes. `version`: the service's OData version (`Model.odataVersion`).
 */
export function numberProblem(text: string, edm: string, version: ODataVersion = "4.01"): string | undefined {
  if (edm === "Decimal") return decimalProblem(text, version);
  if (NUMBER.test(text)) return edm === "Double" || edm === "Single" ? floatingProblem(text, edm) : wholeNumberProblem(text, edm);
  if (edm === "Double" || edm === "Single") return NAN_INFINITY.test(text) ? undefined : miscasedProblem(text) ?? "is no number";
  return "is no number";
}

/** The greatest Double and Single (IEEE 754 binary64 and binary32, CSDL §4.4): a value beyond is no literal of them. */
const FLOATING_MAX: Partial<Record<string, number>> = { Double: Number.MAX_VALUE, Single: 3.4028234663852886e38 };
/** The least Double and Single above 0 (IEEE 754's least subnormal numbers): a value nearer 0 rounds to 0. */
const FLOATING_MIN: Partial<Record<string, number>> = { Double: Number.MIN_VALUE, Single: 1.401298464324817e-45 };

/**
 * Why `text` (a number as a URL writes it) is no Double or Single: one beyond the type's range
 * (`1e400`), which JavaScript reads as Infinity and the runtime would send as `INF`, a value the URL
 * did not give (`INF` is written as itself); one not 0 that is nearer 0 than the type's least value
 * (`1e-400`, a Single's `1e-50`), which rounds to 0 and would be sent as `0`. One that rounds to the
 * type's greatest or least value is in range.
 */
function floatingProblem(text: string, edm: string): string | undefined {
  const n = edm === "Single" ? Math.fround(Number(text)) : Number(text);
  const max = FLOATING_MAX[edm] as number;
  if (!Number.isFinite(n)) return `is out of its range ${-max}..${max}`;
  // A digit other than 0 before the exponent: the literal is no 0, which its value has become.
  if (n === 0 && /[1-9]/.test(text.replace(/e.*$/is, ""))) return `is out of its range: it is nearer 0 than ${FLOATING_MIN[edm]}, the least value above 0 it holds, and would be sent as 0`;
  return undefined;
}

/**
 * Why `text` (a number's digits as a URL writes them) is no value of the whole-number type `edm`:
 * a fraction or an exponent (`-1.5`, `1e3`), or beyond the type's range (`256` for a Byte, CSDL
 * §4.4); undefined for one that is, and for any other type.
 */
function wholeNumberProblem(text: string, edm: string): string | undefined {
  const range = edm === "Int64" ? INT64 : INTEGER_RANGES[edm];
  if (!range) return undefined;
  if (!WHOLE.test(text)) return "is no whole number";
  const n = BigInt(text);
  return n < BigInt(range[0]) || n > BigInt(range[1]) ? `is out of its range ${range[0]}..${range[1]}` : undefined;
}

/** Whether the date `text` begins with (`2024-02-30…`) is a day of the calendar; true for a text that begins with none. */
export function isCalendarDay(text: string): boolean {
  const day = /^(-?\d+)-(\d\d)-(\d\d)/.exec(text);
  if (!day) return true;
  const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
  return month >= 1 && month <= 12 && date >= 1 && date <= daysInMonth(year, month);
}

/** How many days the month `month` (1 to 12) of `year` has (the Gregorian calendar's leap years). */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month: the month's last.
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  return last.getUTCDate();
}

/**
 * Whether the runtime writes `text` as a literal of `name` (its `rt.literal` forms): one it would
 * refuse with a TypeError (`duration'P1Y'`, which a lenient service may read, or a 25th hour) leaves
 * the filter as written, for the service to answer.
 */
export function writable(name: string, text: string): boolean {
  const form = RUNTIME_FORMS[name];
  // base64 (`+`, `/`) is written as base64url, as the runtime's `edmBinary` writes it.
  if (form && !form.test(name === "Binary" ? text.replace(/\+/g, "-").replace(/\//g, "_") : text)) return false;
  return isCalendarDay(text);
}

/**
 * What to say of a date and time in a URL that has no offset, which `odatagen url` takes as Graph's
 * pages write one (`getPstnCalls(fromDateTime=2024-01-01,…)`, `…T08:00:00`) and the runtime's
 * `edmDateTimeOffset` refuses (a TypeError before sending): it names no zone, so the value the
 * service reads is the user's to choose (`2024-01-01T00:00:00Z` is midnight UTC, which the service
 * may not take it for). Undefined for one the runtime writes, and for text of another form.
 */
export function offsetNote(text: string): string | undefined {
  const at = /^-?\d{4,}-\d{2}-\d{2}(T[\d:.]+)?$/i.exec(text);
  if (!at || writable("DateTimeOffset", text)) return undefined;
  const full = at[1] ? `${text}Z` : `${text}T00:00:00Z`;
  const given = at[1] ? "a date and time without an offset" : "a date alone";
  return `the URL's ${text} is ${given}, which names no zone; the function takes a date and time with its offset and refuses ${text} (a TypeError before sending): choose the instant meant, e.g. ${full} for UTC.`;
}

/**
 * What to say of a function parameter's string given without quotes (`f(s=abc)`), which `odatagen
 * url` takes as Graph's pages write some: URL Conventions' ABNF gives a function parameter as a
 * parameter alias (`@s`) or a primitive literal, and a string literal is in quotes (`s='abc'`, a
 * quote inside doubled), as the function sends it. Undefined for a quoted one and for `null` (ABNF
 * `nullValue`); a parameter alias and a placeholder (`{s}`) are the caller's to leave out.
 */
export function unquotedNote(text: string, name: string): string | undefined {
  if (/^'.*'$/s.test(text) || /^null$/i.test(text)) return undefined;
  return `the URL's ${text} is a string without its quotes, as Graph's pages write some; a URL writes one in quotes, ${name}='${text.replace(/'/g, "''")}', and so does the function.`;
}

/** A Guid as URL Conventions' ABNF `guidValue` and the runtime's `edmGuid` write one: 32 hexadecimal digits, 8-4-4-4-12. */
export const GUID = /^[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}$/;
/** A time of day as the runtime's literals write one: hours 00-23, minutes 00-59, seconds 00-60 (a leap second), up to 12 digits of fraction. */
export const TIME_OF_DAY = "([01]\\d|2[0-3]):[0-5]\\d(:([0-5]\\d|60)(\\.\\d{1,12})?)?";
/** A date as the runtime's literals write one: a year of four digits or more (a sign before it), a month and a day. */
export const DATE = "-?\\d{4,}-\\d{2}-\\d{2}";
/** An offset from UTC: `Z`, or hours 00-23 and minutes with a sign. */
export const OFFSET = "(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)";

/** The forms the runtime's literals of these types take (templates/static/runtime.ts, `edmDuration` and `dated`). */
export const RUNTIME_FORMS: Partial<Record<string, RegExp>> = {
  Date: new RegExp(`^${DATE}$`),
  TimeOfDay: new RegExp(`^${TIME_OF_DAY}$`),
  DateTimeOffset: new RegExp(`^${DATE}T${TIME_OF_DAY}${OFFSET}$`, "i"),
  Duration: /^-?P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/i,
  Binary: /^(?:[\w-]{4})*(?:[\w-]{2}(?:==)?|[\w-]{3}=?)?$/,
};

/**
 * The member names an enum literal of `type` gives, joined by commas as the enum's TypeScript type
 * takes them, or why it gives none: URL Conventions' ABNF `enumLiteral`, the type's qualified name
 * and the members in quotes (`ns.Color'Red'`; the name qualified by an alias of its schema too,
 * `Alias.Color'Red'`: the ABNF's `namespace` is one, "an alias is just a single-part namespace"),
 * or the quotes alone (OData 4.01, `'Red'`); a member named or given by its value (`'1'`), several
 * joined by commas for a flags enum, whose value may also be a combination of its members' values
 * (`'3'` for Red = 1 and Green = 2: `singleEnumValue` is a member's name or an `int64Value`; CSDL
 * §10.2, a flags enum's value is the bitwise OR of its members'). A key written as a segment
 * (`/colors/Red`) has no quotes. A prefix that names another type, or none, is refused, giving the
 * literal to write (`enumPrefixProblem`).
 * `model`: its aliases (alias → namespace) and types.
 */
export function enumMembers(text: string, type: EnumType, model: EnumNames = NO_NAMES): string | { problem: string } {
  const m = /^(?:([\w.]+)?'(.*)'|([^']*))$/s.exec(text);
  const prefix = m?.[1];
  const inner = m ? (m[2] ?? m[3] ?? "") : "";
  const noMembers = `is no member of ${type.qualifiedName} (${listed(type.members.map((x) => x.name))})`;
  if (!m) return { problem: noMembers };
  const wrong = prefix === undefined ? undefined : enumPrefixProblem(prefix, inner, type, model);
  if (wrong) return { problem: wrong };
  const parts = inner.split(",");
  // The part that names none, and the member it nearly names, as a $filter's says (`memberHint`).
  const noMember = (part: string) => {
    const hint = memberHint(part, type);
    return { problem: `${noMembers}${hint && parts.length > 1 ? `: ${part} names none` : ""}${hint}` };
  };
  if (parts.length > 1 && !type.isFlags) return { problem: `names several members, and ${type.qualifiedName} is no flags enum` };
  // ABNF enumValue: `singleEnumValue *( COMMA singleEnumValue )`, no space around a comma (.NET writes one).
  if (parts.length > 1 && parts.some((p) => p !== p.trim())) {
    const joined = parts.map((p) => p.trim()).join(",");
    return { problem: `has spaces between its members, which an enum literal has none of: ${m[2] === undefined ? joined : `${prefix ?? ""}'${joined}'`}` };
  }
  // The members by name and by value, the first of each (as `find` took them), so that a literal of
  // many parts on an enum of many members is read in linear time.
  const byName = new Map<string, string>();
  const byExact = new Map<string, string>();
  for (const x of type.members) {
    if (!byName.has(x.name)) byName.set(x.name, x.name);
    if (!byExact.has(x.exact)) byExact.set(x.exact, x.name);
  }
  const names = new Set<string>();
  // Each number's members found once (a literal may repeat one many times), the members sorted once.
  const combinations = new Map<string, string[] | null>();
  let sorted: FlagValue[] | undefined;
  const combine = (number: string) => {
    if (!combinations.has(number)) combinations.set(number, flagsMembers(BigInt(number), type, (sorted ??= flagValues(type))));
    return combinations.get(number) as string[] | null;
  };
  for (const part of parts) {
    const number = WHOLE.test(part) ? part.replace(/^(-?)0+(?=\d)/, "$1") : undefined;
    const member = byName.get(part) ?? (number !== undefined ? byExact.get(number) : undefined);
    const combined = member === undefined && number !== undefined && type.isFlags ? combine(number) : undefined;
    if (combined === null) return { problem: `is no member of ${type.qualifiedName} nor a combination of its members' values (${listed(type.members.map((x) => `${x.name}=${x.exact}`))})` };
    if (member === undefined && !combined) return noMember(part);
    for (const name of member !== undefined ? [member] : combined ?? []) names.add(name);
  }
  return [...names].join(",");
}

/**
 * The member of the enum `type` that `written`, which names none as the metadata writes them (the
 * ABNF's `enumerationMember` is an identifier of the model, case-sensitive), nearly names: the same
 * but for its letters' case, or an edit or two away (`nearestName`); `caseOnly`, the same but for its
 * case alone. Undefined where none is. One rule for a key's, a parameter's, a $filter's and a body's
 * enumeration value.
 */
export function nearestMember(written: string, type: EnumType, caseOnly = false): string | undefined {
  const names = type.members.map((m) => m.name);
  // Members differing only by case (`Red`, `RED`): the one whose letters' case `written` keeps most of (`rED`: RED).
  const lower = written.toLowerCase();
  const sameLetters = names.filter((n) => n.toLowerCase() === lower);
  if (sameLetters.length > 1) return sameLetters.reduce((best, n) => (caseDifferences(n, written) < caseDifferences(best, written) ? n : best));
  const near = nearestName(written, names);
  return near !== undefined && (!caseOnly || near.toLowerCase() === written.toLowerCase()) ? near : undefined;
}

/** How many of the characters of `a` and `b`, the same but for case, differ in case. */
function caseDifferences(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

/** `; did you mean high?` where `written` nearly names a member of `type` (`nearestMember`); else empty. */
export function memberHint(written: string, type: EnumType): string {
  const near = nearestMember(written, type);
  return near === undefined ? "" : `; did you mean ${near}?`;
}

/** The first eight of `items`, joined by commas, and an ellipsis where there are more. */
function listed(items: readonly string[]): string {
  return items.length > 8 ? `${items.slice(0, 8).join(", ")}, …` : items.join(", ");
}

/** What an enum literal's prefix may name: the model's aliases (alias → namespace) and its types by qualified name. */
export type EnumNames = Pick<Model, "aliases" | "types">;
const NO_NAMES: EnumNames = { aliases: new Map(), types: new Map() };

/**
 * Why `prefix` (`Alias.Color` in `Alias.Color'Red'`) does not qualify a literal of the enum `type`:
 * the ABNF's `enumLiteral` is the enum's own qualified name, by its schema's namespace or alias
 * (`lit.Color`, `Lit.Color`), not another type's (`other.Color`; `Oth.Color`, another schema's
 * alias) nor a name of no type (`Nope.Color`; an alias whose schema has no `Color`). The problem
 * says what the prefix names and the literal to write, where the text in its quotes (`inner`, as
 * the URL writes it) names members of the type; else the members. Undefined for the enum's own.
 */
export function enumPrefixProblem(prefix: string, inner: string, type: EnumType, names: EnumNames): string | undefined {
  const named = unaliased(prefix, names.aliases);
  if (named === type.qualifiedName) return undefined;
  const what = names.types.has(named) ? `is a literal of ${named === prefix ? prefix : `${prefix} (${named})`}, not of ${type.qualifiedName}` : `is a literal of ${prefix}, which names no type of the model`;
  const fits = typeof enumMembers(`'${inner}'`, type, names) === "string";
  // A prefix that names the enum but for its letters' case (type casts are case-sensitive too).
  const near = names.types.has(named) ? undefined : caseVariant(prefix, type, names.aliases);
  if (near !== undefined) return `${what}; did you mean ${fits ? `${near}'${inner}'` : near}?${fits ? "" : ` ${membersOf(type)}`}`;
  return `${what}; ${fits ? `write ${type.qualifiedName}'${inner}'` : membersOf(type)}`;
}

/** What a literal of the enum `type` names: `a literal of ns.Color names its members (Red, Green)`. */
function membersOf(type: EnumType): string {
  return `a literal of ${type.qualifiedName} names its members (${listed(type.members.map((x) => x.name))})`;
}

/**
 * The name of the enum `type`, by its namespace or an alias of it (`aliases`: alias → namespace),
 * that `prefix` writes in other letters' case (`Microsoft.Graph.importance`,
 * `microsoft.graph.Importance`), by the qualifier it writes where that is one; undefined where none is.
 */
function caseVariant(prefix: string, type: EnumType, aliases: ReadonlyMap<string, string>): string | undefined {
  const dot = type.qualifiedName.lastIndexOf(".");
  const namespace = type.qualifiedName.slice(0, dot);
  const written = prefix.toLowerCase();
  const qualifiers = [namespace, ...[...aliases].filter(([, ns]) => ns === namespace).map(([alias]) => alias)];
  // The qualifier as written first (`Lit.color` is `Lit.Color`, not `lit.Color`).
  const asWritten = prefix.slice(0, prefix.lastIndexOf("."));
  const forms = [...qualifiers.filter((q) => q === asWritten), ...qualifiers].map((q) => `${q}${type.qualifiedName.slice(dot)}`);
  return forms.find((f) => f.toLowerCase() === written);
}

/** A qualified name with its namespace's alias replaced by the namespace (`Alias.Color` → `ns.Color`). */
function unaliased(qualified: string, aliases: ReadonlyMap<string, string>): string {
  const dot = qualified.lastIndexOf(".");
  const namespace = dot < 0 ? undefined : aliases.get(qualified.slice(0, dot));
  return namespace === undefined ? qualified : `${namespace}${qualified.slice(dot)}`;
}

/** A flags enum's member and its value. */
interface FlagValue {
  readonly name: string;
  readonly value: bigint;
}

/** The members of the flags enum `type` whose values are above 0, the greatest first (flagsMembers takes them so). */
function flagValues(type: EnumType): FlagValue[] {
  const byValue = type.members.map((x) => ({ name: x.name, value: BigInt(x.exact) })).filter((x) => x.value > 0n);
  return byValue.sort((a, b) => (a.value < b.value ? 1 : a.value > b.value ? -1 : 0));
}

/**
 * The members of the flags enum `type` whose values, OR-ed, are `value` (in the order declared; a
 * member whose value is a combination of others' is taken before them), or null where none are: a
 * negative value, one with a bit no member has, and 0 where no member is 0.
 */
function flagsMembers(value: bigint, type: EnumType, byValue: readonly FlagValue[]): string[] | null {
  if (value <= 0n) return null;
  const taken = new Set<string>();
  let covered = 0n;
  for (const x of byValue) {
    if ((x.value & value) === x.value && (x.value & ~covered) !== 0n) {
      taken.add(x.name);
      covered |= x.value;
    }
  }
  return covered === value ? type.members.filter((x) => taken.has(x.name)).map((x) => x.name) : null;
}

/**
 * Why `text` is no Edm.Decimal literal the runtime writes (its `edmDecimal`): URL Conventions 4.01's
 * ABNF `decimalValue` has digits, a fraction and an exponent (`-1.5`, `1e3`, `1.5E-2`) and
 * `nanInfinity`, which the runtime refuses for a Decimal (a TypeError before sending): it writes
 * them for a Double or a Single alone. OData 4.0's ABNF (§7, Literal Data Values: `decimalValue =
 * [SIGN] 1*DIGIT ["." 1*DIGIT]`; the exponent was its `doubleValue`'s) has no exponent: for a 4.0
 * service (`version`) one is refused, with the number written without (`1e3`: `1000`). Undefined
 * for a literal it writes.
 */
function decimalProblem(text: string, version: ODataVersion): string | undefined {
  if (NUMBER.test(text) && (version !== "4.0" || !/e/i.test(text))) return undefined;
  if (NUMBER.test(text)) {
    const plain = withoutExponent(text);
    return `has an exponent, which an Edm.Decimal literal of OData 4.0 has none of (4.01 added it); write it without${plain === undefined ? "" : `: ${plain}`}`;
  }
  const form = "digits, a fraction and an exponent: -1.5, 1e3, 1.5E-2";
  return NAN_INFINITY.test(text) ? `is no decimal number (${form}); INF, -INF and NaN are an Edm.Double's or an Edm.Single's` : `is no decimal number (${form})`;
}

/** The most digits `withoutExponent` writes: a longer number is left for the user to write. */
const PLAIN_DIGITS = 60;

/**
 * A number's literal with an exponent (`-1.5E-2`) written without one (`-0.015`), its digits as
 * given (no rounding); undefined for one that would take more than `PLAIN_DIGITS` digits (`1e400`).
 */
function withoutExponent(text: string): string | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]?\d+)$/i.exec(text);
  if (!m) return text;
  const [, sign, whole, fraction = "", exponent] = m as unknown as [string, string, string, string | undefined, string];
  const digits = whole + fraction;
  const shift = Number(exponent);
  if (!Number.isSafeInteger(shift) || digits.length + Math.abs(shift) > PLAIN_DIGITS) return undefined;
  const point = whole.length + shift;
  const padded = point <= 0 ? "0".repeat(1 - point) + digits : point >= digits.length ? digits + "0".repeat(point - digits.length) : digits;
  const at = Math.max(point, 1);
  const before = padded.slice(0, at).replace(/^0+(?=\d)/, "");
  const after = padded.slice(at).replace(/0+$/, "");
  return `${sign}${before}${after ? `.${after}` : ""}`;
}

/**
 * Why a value given for an Edm.String is no string literal (URL Conventions' ABNF `string`): a
 * literal of another type, by its prefix (`duration'P1D'`, `binary'AQID'`, `ns.Color'Red'`), or
 * a quote inside a quoted one left single (`'it's'`: `'it''s'`). A value written without quotes,
 * as a key segment or Graph's documentation writes one (`/users/{id}`, `/workspaces/default`), is
 * taken as it is.
 */
export function stringProblem(text: string): string | undefined {
  if (/^(duration|binary|x|geography|geometry|[A-Za-z_]\w*(\.[A-Za-z_]\w*)+)'.*'$/is.test(text)) return "is a literal of another type, no string (in quotes: 'text')";
  if (/^'.*'$/s.test(text) && text.slice(1, -1).replace(/''/g, "").includes("'")) return "is no string: a quote inside one is doubled ('it''s')";
  return undefined;
}
