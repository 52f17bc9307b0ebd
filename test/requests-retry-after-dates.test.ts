// A Retry-After HTTP date (RFC 9110 §5.6.7), read by the generated runtime's own parser rather than
// Date.parse (which ECMAScript leaves to each engine for these forms): the three forms, a two-digit
// year placed by the RFC's 50-year rule, and values out of range ignored. `retryDelay` is given a
// fixed `now`; the last test goes over real HTTP on 127.0.0.1 with the committed Graph callRecords output.
import { startLoopback, type Loopback } from "./helpers/loopback";
import { session } from "./helpers/batch-sessions";
import { getSession } from "../generated/graph-callrecords/microsoft.graph.callRecords.requests";
import * as rt from "../generated/graph-callrecords/runtime";

/** The wait a Retry-After `value` asks for at `now`, without a limit; 200 (the policy's delay) where it is ignored. */
const waited = (value: string, now: number) => rt.retryDelay(value, 1, { delayMs: 100, maxDelayMs: Infinity }, now);
const YEAR_2026 = Date.UTC(2026, 0, 1);

test("the three forms, in any case, GMT or UTC, give the same instant; a leap second is the next minute's start", () => {
  for (const form of [
    "Thu, 01 Jan 2026 00:00:07 GMT",
    "Thursday, 01-Jan-26 00:00:07 GMT",
    "Thu Jan  1 00:00:07 2026",
    "thu, 01 JAN 2026 00:00:07 utc",
    "Thu, 1 Jan 2026 0:00:07 GMT",
  ]) {
    expect([form, waited(form, YEAR_2026)]).toEqual([form, 7000]);
  }
  // RFC 9110 §5.6.7: 23:59:60, a leap second (V8's Date.parse reads it as 23:59:00, a minute past).
  expect(waited("Wed, 31 Dec 2025 23:59:60 GMT", Date.UTC(2025, 11, 31, 23, 59, 50))).toBe(10000);
});

test("a two-digit year more than 50 years on is the most recent past year with those digits; up to 50 years on, it is ahead", () => {
  // At the start of 2026: 60 is 2060 (Date.parse in V8 has 1960, a wait of 0).
  expect(waited("Thursday, 01-Jan-60 00:00:00 GMT", YEAR_2026)).toBe(Date.UTC(2060, 0, 1) - YEAR_2026);
  // 50 years on exactly is ahead; a second more is 1976, past.
  expect(waited("Wednesday, 01-Jan-76 00:00:00 GMT", YEAR_2026)).toBe(Date.UTC(2076, 0, 1) - YEAR_2026);
  expect(waited("Thursday, 01-Jan-76 00:00:01 GMT", YEAR_2026)).toBe(0);
  expect(waited("Tuesday, 31-Dec-75 23:59:59 GMT", YEAR_2026)).toBe(Date.UTC(2075, 11, 31, 23, 59, 59) - YEAR_2026);
  expect(waited("Friday, 01-Jan-99 00:00:00 GMT", YEAR_2026)).toBe(0);
  // Late in the century, into the next one: at mid-2090, 05 is 2105 (V8: 2005), 40 is 2140 up to 50 years on.
  const mid2090 = Date.UTC(2090, 5, 1);
  expect(waited("Thursday, 01-Jan-05 00:00:00 GMT", mid2090)).toBe(Date.UTC(2105, 0, 1) - mid2090);
  expect(waited("Wednesday, 01-Jun-40 00:00:00 GMT", mid2090)).toBe(Date.UTC(2140, 5, 1) - mid2090);
  expect(waited("Wednesday, 01-Jun-40 00:00:01 GMT", mid2090)).toBe(0);
  // The same in the other forms, where a sender writes two digits there.
  expect(waited("Thu, 01 Jan 60 00:00:00 GMT", YEAR_2026)).toBe(Date.UTC(2060, 0, 1) - YEAR_2026);
  // Four digits are the year as written, even below 100: the year 60 is long past, not 2060.
  expect(waited("Sat, 01 Jan 0060 00:00:00 GMT", YEAR_2026)).toBe(0);
  expect(waited("Mon, 01 Jan 0099 00:00:00 GMT", mid2090)).toBe(0);
});

test("a day past its month's last, a time out of range, or a name that is none is no date: ignored, the policy's delay applies", () => {
  for (const odd of [
    "Sat, 30 Feb 2027 00:00:00 GMT",
    "Mon, 29 Feb 2027 00:00:00 GMT",
    "Tue, 31 Nov 2026 00:00:00 GMT",
    "Fri, 00 Jan 2027 00:00:00 GMT",
    "Fri, 01 Jan 2027 24:00:00 GMT",
    "Fri, 01 Jan 2027 25:00:00 GMT",
    "Fri, 01 Jan 2027 00:60:00 GMT",
    "Fri, 01 Jan 2027 00:00:61 GMT",
    "Fri, 01 Jax 2027 00:00:00 GMT",
    "Fri, 01 anf 2027 00:00:00 GMT",
    "Fry, 01 Jan 2027 00:00:00 GMT",
    "Fridays, 01-Jan-27 00:00:00 GMT",
    "Sunday, 30-Feb-27 00:00:00 GMT",
    "Sat Feb 30 00:00:00 2027",
    "Fri Jan  1 00:00:00 2027 GMT",
  ]) {
    expect([odd, waited(odd, YEAR_2026)]).toEqual([odd, 200]);
  }
  // A leap year's February 29th is a day.
  expect(waited("Tue, 29 Feb 2028 00:00:00 GMT", YEAR_2026)).toBe(Date.UTC(2028, 1, 29) - YEAR_2026);
});

describe("over HTTP", () => {
  let srv: Loopback;
  beforeAll(async () => {
    srv = await startLoopback();
  });
  afterAll(async () => {
    await srv?.close();
  });

  test("a 503's RFC 850 date with a two-digit year decades on is not waited for; one out of range is ignored", async () => {
    const client = rt.createClient({ baseUrl: srv.url, retry: { maxRetries: 1, delayMs: 1 } });
    const answered = async (after: string) => {
      srv.handle(() => ({ status: 503, headers: { "retry-after": after }, body: { error: { code: "busy", message: "busy" } } }));
      const error = (await getSession(client, session("s1")).catch((e: unknown) => e)) as InstanceType<typeof rt.ODataError>;
      return [error.retryAfterMs, error.message, srv.requests.length];
    };
    // 2060 (as it has been since 2010), decades on: past maxDelayMs, sent once.
    const before = Date.now();
    const [asked, message, sent] = await answered("Saturday, 06-Nov-60 00:00:00 GMT");
    const after = Date.now();
    expect([message, sent]).toEqual([expect.stringMatching(/^busy: the service asked to wait \d+ s \(Retry-After\), more than maxDelayMs 60 s: not retried$/), 1]);
    // The time until then, as the client read it between `before` and `after`.
    const until = Date.UTC(2060, 10, 6);
    expect(asked).toBeGreaterThanOrEqual(until - after);
    expect(asked).toBeLessThanOrEqual(until - before);
    // February 30th: no date, as if there were none (delayMs), and no retryAfterMs.
    expect(await answered("Mon, 30 Feb 2099 00:00:00 GMT")).toEqual([undefined, "busy: gave up after 2 attempts (maxRetries 1)", 2]);
  });
});
