/**
 * Why a `$filter` literal of a kind a property takes is still no value of any type (url-filter.ts's
 * `literalFits`): a date that is no day of the calendar (`2024-02-30`, `2024-13-01`: URL Conventions'
 * ABNF `dateValue` has months 01-12 and days of the month), a Guid in other groups than 8-4-4-4-12
 * (`guidValue`; url-filter-tokens.ts reads one so), a time of day past 23:59:59 (`25:00`:
 * ABNF `hour` is 00-23, `minute` and `second` 00-59, 60 taken for a leap second), an offset past
 * 23:59, a duration that is no ISO 8601 duration (`duration'xyz'`), a binary value that is no base64
 * (`binary'A'`). Numbers are not checked against the property's range or form: URL Conventions'
 * numeric promotion makes `int32Prop gt 99999999999` (Int64) and `int32Prop eq 1.5` (Decimal)
 * valid comparisons. Each check is linear in the literal's length.
 */
import { daysInMonth, GUID, isCalendarDay, writable } from "./literal-forms";
import type { LiteralKind } from "./url-filter-tokens";

/** An ISO 8601 duration, years and months too (which OData's ABNF `durationValue` has not, and a lenient service may read). */
const ISO_DURATION = /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/i;
const WRITE_TIME = "write one from 00:00 to 23:59:59";
const TIME_RANGES = "hours are 00 to 23, minutes and seconds 00 to 59, 60 for a leap second";

/**
 * Why the literal `text` (its `kind` as the filter's tokens read it; `value`, a quoted string's
 * text) is no value of the Edm type `edm` it is compared with, with what to write; undefined for
 * one that is, or may be.
 */
export function literalFormProblem(kind: LiteralKind, text: string, edm: string, value?: string): string | undefined {
  if (kind === "guid") {
    if (GUID.test(text)) return undefined;
    // A letter g-z in the Guid's groups (url-filter-tokens.ts `WRONG_DIGIT_GUID`): named.
    const wrong = /[g-z]/i.exec(text)?.[0];
    return `${text} is no Guid${wrong ? `: ${wrong} is no hexadecimal digit (0-9, a-f)` : ""}; write 32 hexadecimal digits in groups of 8-4-4-4-12 (0f8fad5b-d9cb-469f-a165-70867728950e)`;
  }
  if (kind === "date") return dateProblem(text);
  if (kind === "time") return timeProblem(text) ? `${text} is no time of day (${TIME_RANGES}); ${WRITE_TIME}` : undefined;
  if (kind === "datetime") return dateTimeProblem(text);
  if (kind === "duration" || (kind === "string" && edm === "Duration")) {
    const inner = kind === "string" ? (value ?? "") : text.slice(text.indexOf("'") + 1, -1);
    return ISO_DURATION.test(inner) ? undefined : `${text} is no duration; write one as duration'P1DT2H30M' (days, then T and hours, minutes, seconds)`;
  }
  if (kind === "binary" && !writable("Binary", text.slice(text.indexOf("'") + 1, -1))) return `${text} is no binary value; write base64url in its quotes, 4 characters a group (binary'AQID')`;
  return undefined;
}

/** What each OData 2 and 3 number suffix marked a literal as (`1.5m`, `10L`). */
const SUFFIXED: Record<string, string> = { m: "Edm.Decimal", d: "Edm.Double", f: "Edm.Single", l: "Edm.Int64" };

/**
 * Why the number literal `text` is no OData 4 literal: a suffix (`1.5m`, `10L`, `1.5d`, `2f`), which
 * OData 2 and 3 wrote for a Decimal, an Int64, a Double or a Single; OData 4's ABNF (`decimalValue`,
 * `doubleValue`, `int64Value`...) has none, a number's type is told by its form alone. Undefined for one
 * without.
 */
export function numberSuffixProblem(text: string): string | undefined {
  const suffix = /[mdfl]$/i.exec(text)?.[0];
  if (suffix === undefined) return undefined;
  return `${text} has the suffix ${suffix} that OData 2 and 3 wrote for an ${SUFFIXED[suffix.toLowerCase()]!}; an OData 4 literal is written without it: ${text.slice(0, -1)}`;
}

/** Why `text` (`2024-02-30`) is no day of the calendar, naming the days its month has; undefined for one that is. */
function dateProblem(text: string): string | undefined {
  if (isCalendarDay(text)) return undefined;
  const [year, month] = text.split("-", 2) as [string, string];
  const m = Number(month);
  if (m < 1 || m > 12) return `${text} is no day of the calendar (its month ${month} is none of 01 to 12); write a month from 01 to 12, year-month-day`;
  const days = daysInMonth(Number(year), m);
  return `${text} is no day of the calendar (${year}-${month} has ${days} days); write a day from ${year}-${month}-01 to ${year}-${month}-${days}`;
}

/** Whether `text` (`25:00`, `08:61:00`) starts with an hour, minute or second out of its range. */
function timeProblem(text: string): boolean {
  const [h, m, s] = text.split(/[:.]/, 3).map(Number) as [number, number, number | undefined];
  return h > 23 || m > 59 || (s !== undefined && s > 60);
}

/** Why `text` (`2024-01-01T25:00:00Z`) is no date and time: its date, its time or its offset; undefined for one that is. */
function dateTimeProblem(text: string): string | undefined {
  const t = text.indexOf("T");
  const date = dateProblem(text.slice(0, t));
  if (date) return `${text} is no date and time: ${date}`;
  const rest = text.slice(t + 1);
  const at = rest.search(/[Z+-]/i);
  const time = at < 0 ? rest : rest.slice(0, at);
  if (timeProblem(time)) return `${text} is no date and time: ${time} is no time of day (${TIME_RANGES}); ${WRITE_TIME}`;
  const offset = at < 0 ? "" : rest.slice(at + 1);
  if (offset !== "" && timeProblem(offset)) return `${text} is no date and time: its offset ${rest.slice(at)} is no offset (hours 00 to 23, minutes 00 to 59); write Z or one from -23:59 to +23:59`;
  return undefined;
}
