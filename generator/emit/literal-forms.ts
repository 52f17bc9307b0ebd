/**
 * What a literal of an Edm type may be in a URL (URL Conventions' ABNF, `primitiveLiteral`), as the
 * runtime's `rt.literal` takes it (templates/static/runtime.ts): whole numbers within their type's
 * range, days of the calendar, an enum's members. Shared by what `odatagen url` checks in a key's or
 * a function parameter's value (emit/url-call.ts) and what a typed filter writes (emit/url-typed-filter.ts).
 */
import type { EnumType } from "../model/types";

/** The ranges of the whole numbers a typed filter takes as a JavaScript number (the runtime's `integral`, CSDL §4.4). */
export const INTEGER_RANGES: Partial<Record<string, readonly [number, number]>> = {
  Byte: [0, 255],
  SByte: [-128, 127],
  Int16: [-32768, 32767],
  Int32: [-2147483648, 2147483647],
};

/** Int64's range, compared as whole numbers of any size (a number cannot tell 2^63 - 1 from 2^63). */
const INT64: readonly [bigint, bigint] = [-(2n ** 63n), 2n ** 63n - 1n];

/**
 * Why `text` (a number's digits as a URL writes them) is no value of the whole-number type `edm`:
 * a fraction or an exponent (`-1.5`, `1e3`), or beyond the type's range (`256` for a Byte, CSDL
 * §4.4); undefined for one that is, and for any other type.
 */
export function wholeNumberProblem(text: string, edm: string): string | undefined {
  const range = edm === "Int64" ? INT64 : INTEGER_RANGES[edm];
  if (!range) return undefined;
  if (!/^-?\d+$/.test(text)) return "is no whole number";
  const n = BigInt(text);
  return n < BigInt(range[0]) || n > BigInt(range[1]) ? `is out of its range ${range[0]}..${range[1]}` : undefined;
}

/** Whether the date `text` begins with (`2024-02-30…`) is a day of the calendar; true for a text that begins with none. */
export function isCalendarDay(text: string): boolean {
  const day = /^(-?\d+)-(\d\d)-(\d\d)/.exec(text);
  if (!day) return true;
  const d = new Date(0);
  d.setUTCFullYear(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  return d.getUTCMonth() === Number(day[2]) - 1;
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

/** The forms the runtime's literals of these types take (templates/static/runtime.ts, `edmDuration` and `dated`). */
const RUNTIME_FORMS: Partial<Record<string, RegExp>> = {
  Date: /^-?\d{4,}-\d{2}-\d{2}$/,
  TimeOfDay: /^([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d{1,12})?)?$/,
  DateTimeOffset: /^-?\d{4,}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d{1,12})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i,
  Duration: /^-?P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/i,
  Binary: /^(?:[\w-]{4})*(?:[\w-]{2}(?:==)?|[\w-]{3}=?)?$/,
};

/**
 * The member names an enum literal of `type` gives, joined by commas as the enum's TypeScript type
 * takes them, or why it gives none: URL Conventions' ABNF `enum`, the type's qualified name and
 * the members in quotes (`ns.Color'Red'`), or the quotes alone (OData 4.01, `'Red'`); a member
 * named or given by its value (`'1'`), several joined by commas for a flags enum. A key written as
 * a segment (`/colors/Red`) has no quotes.
 */
export function enumMembers(text: string, type: EnumType): string | { problem: string } {
  const m = /^(?:([\w.]+)?'(.*)'|([^']*))$/s.exec(text);
  const prefix = m?.[1];
  const inner = m ? (m[2] ?? m[3] ?? "") : "";
  const known = type.members.map((x) => x.name);
  const listed = known.length > 8 ? `${known.slice(0, 8).join(", ")}, …` : known.join(", ");
  const noMember = { problem: `is no member of ${type.qualifiedName} (${listed})` };
  if (!m) return noMember;
  if (prefix !== undefined && prefix !== type.qualifiedName) return { problem: `is a literal of ${prefix}, not of ${type.qualifiedName}` };
  const parts = inner.split(",");
  if (parts.length > 1 && !type.isFlags) return { problem: `names several members, and ${type.qualifiedName} is no flags enum` };
  const names: string[] = [];
  for (const part of parts) {
    const member = type.members.find((x) => x.name === part) ?? (/^-?\d+$/.test(part) ? type.members.find((x) => x.exact === part.replace(/^(-?)0+(?=\d)/, "$1")) : undefined);
    if (!member) return noMember;
    names.push(member.name);
  }
  return names.join(",");
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
