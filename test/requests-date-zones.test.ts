// A `Date` given for an `Edm.Date` key or parameter, in several time zones: the day it begins, in
// the local zone (`new Date(2024, 0, 5)`, as a date picker gives it) or in UTC (`new Date("2024-01-05")`);
// a `Date` with a time of day is a TypeError. For an `Edm.TimeOfDay`, any `Date` is a TypeError, in
// every zone: which time of day an instant is depends on the zone. The runtime runs in a child
// process per zone (`TZ`), transpiled from templates/static, so the jest worker's own zone is left alone.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ts from "typescript";
import { spawnBounded } from "./helpers/bounded-spawn";

const STATIC = path.resolve(__dirname, "..", "templates", "static");

/** Each case: a Date made in the child's zone (an expression over `local`, `utc`), what it is written as, or the error. */
const CASES: [string, string][] = [
  ["local midnight", "new Date(2024, 0, 5)"],
  ["UTC midnight, as ISO date text parses", 'new Date("2024-01-05")'],
  ["local midnight on the last day of a year", "new Date(2023, 11, 31)"],
  ["a local day whose midnight a DST change skips (Sao Paulo, 2018-11-04 begins at 01:00)", "new Date(2018, 10, 4)"],
  ["local midnight of the year 5 (not 1905)", "local(5, 0, 1)"],
  ["local midnight beyond 9999", "local(12000, 0, 2)"],
  ["UTC midnight before the year 0", "utc(-1, 5, 30)"],
  ["a local time of day", "new Date(2024, 0, 5, 13, 20)"],
  ["a UTC time of day", 'new Date("2024-01-05T10:30:00Z")'],
  ["one millisecond after local midnight", "new Date(2024, 0, 5, 0, 0, 0, 1)"],
];

const CHILD = `
const rt = require("./runtime.js");
const local = (y, m, d) => { const x = new Date(2000, 0, 1); x.setFullYear(y, m, d); return x; };
const utc = (y, m, d) => { const x = new Date(0); x.setUTCFullYear(y, m, d); return x; };
const cases = ${JSON.stringify(CASES.map(([, expr]) => expr))};
const out = cases.map((expr) => {
  const value = eval(expr);
  try {
    return [rt.literal("Date", value), rt.functionCall("", "F", [["day", "Date", value]])];
  } catch (e) {
    return ["TypeError: " + e.message];
  }
});
// The same Dates for an Edm.TimeOfDay: a literal, a parameter, a key.
const times = cases.map((expr) => {
  const value = eval(expr);
  return [() => rt.literal("TimeOfDay", value), () => rt.functionCall("", "F", [["at", "TimeOfDay", value]]), () => rt.key("at", rt.edmTimeOfDay)(value)].map((write) => {
    try {
      return write();
    } catch (e) {
      return e.constructor.name + ": " + e.message;
    }
  });
});
process.stdout.write(JSON.stringify({ out, times }));
`;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-zones-"));
  for (const f of fs.readdirSync(STATIC).filter((x) => x.endsWith(".ts"))) {
    const js = ts.transpileModule(fs.readFileSync(path.join(STATIC, f), "utf8"), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    fs.writeFileSync(path.join(dir, f.replace(/\.ts$/, ".js")), js);
  }
  fs.writeFileSync(path.join(dir, "child.js"), CHILD);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Written = Record<string, string[]> & { times: Record<string, string[]> };
const zones = new Map<string, Written>();

/** What each case writes in the zone `tz`, by case name: for an Edm.Date, and for an Edm.TimeOfDay (`times`). One child per zone. */
function inZone(tz: string): Written {
  const known = zones.get(tz);
  if (known) return known;
  const r = spawnBounded(process.execPath, ["child.js"], 60000, { cwd: dir, encoding: "utf8", env: { ...process.env, TZ: tz } });
  if (r.status !== 0) throw new Error(`the child in ${tz} failed: ${r.stderr || String(r.error)}`);
  const { out, times } = JSON.parse(r.stdout) as { out: string[][]; times: string[][] };
  const byName = (lists: string[][]) => Object.fromEntries(CASES.map(([name], i) => [name, lists[i]!]));
  const written = Object.assign(byName(out), { times: byName(times) });
  zones.set(tz, written);
  return written;
}

const day = (text: string) => [text, `/F(day=${text})`];
const timeOfDay = (iso: string) => [`TypeError: not an Edm.Date literal: the Date ${iso} has a time of day (it begins no day, here or in UTC); give the day as text (e.g. 2019-11-01)`];

describe.each([
  ["UTC", "Z"],
  ["Europe/Helsinki", "+02:00"],
  ["America/New_York", "-05:00"],
  ["Pacific/Kiritimati", "+14:00"],
])("TZ=%s (%s in January)", (tz) => {
  let written: Record<string, string[]>;
  beforeAll(() => {
    written = inZone(tz);
  });

  test.each([
    ["local midnight", "2024-01-05"],
    ["UTC midnight, as ISO date text parses", "2024-01-05"],
    ["local midnight on the last day of a year", "2023-12-31"],
    ["local midnight of the year 5 (not 1905)", "0005-01-01"],
    ["local midnight beyond 9999", "12000-01-02"],
    ["UTC midnight before the year 0", "-0001-06-30"],
  ])("%s → %s, the day it begins", (name, text) => {
    expect(written[name]).toEqual(day(text));
  });

  test("a Date with a time of day is a TypeError: which day it means depends on a zone", () => {
    // The message shows the Date's ISO text (UTC): a local time of day is shown as it is in UTC there.
    expect(written["a UTC time of day"]).toEqual(timeOfDay("2024-01-05T10:30:00.000Z"));
    if (tz === "UTC") {
      expect(written["a local time of day"]).toEqual(timeOfDay("2024-01-05T13:20:00.000Z"));
      expect(written["one millisecond after local midnight"]).toEqual(timeOfDay("2024-01-05T00:00:00.001Z"));
    } else {
      expect(written["a local time of day"]?.[0]).toMatch(/^TypeError: not an Edm.Date literal: the Date 2024-01-0[45]T\d\d:20:00.000Z has a time of day/);
      expect(written["one millisecond after local midnight"]?.[0]).toMatch(/^TypeError: not an Edm.Date literal: the Date 2024-01-0[45]T\d\d:00:00.001Z has a time of day/);
    }
  });
});

describe.each(["UTC", "Europe/Helsinki", "America/New_York", "Pacific/Kiritimati", "America/Sao_Paulo"])("TZ=%s: a Date for an Edm.TimeOfDay", (tz) => {
  test("is a TypeError, whichever time it has: its time of day depends on a zone, so no zone's would be sure to be the one meant", () => {
    const { times } = inZone(tz);
    for (const [name] of CASES) {
      const [asLiteral, asParameter, asKey] = times[name]!;
      expect(asLiteral).toMatch(/^TypeError: not an Edm\.TimeOfDay literal: the Date \S+Z is an instant, whose time of day depends on the time zone; give the time of day as text \(e\.g\. 13:20:00\)$/);
      expect(asParameter).toBe(`TypeError: parameter at of F: ${asLiteral!.slice("TypeError: ".length)}`);
      expect(asKey).toBe(`TypeError: key property at: ${asLiteral!.slice("TypeError: ".length)}`);
    }
    expect(times["a UTC time of day"]![0]).toContain("the Date 2024-01-05T10:30:00.000Z is an instant");
  });
});

test("TZ=America/Sao_Paulo: a day whose midnight a DST change skipped begins at 01:00, and is that day", () => {
  expect(inZone("America/Sao_Paulo")["a local day whose midnight a DST change skips (Sao Paulo, 2018-11-04 begins at 01:00)"]).toEqual(day("2018-11-04"));
});
