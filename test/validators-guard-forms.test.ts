// A guard (`isX`) and an asserter (`assertX`) narrow a value to its type, so they take only the
// forms the type has: `@odata.type` as `#` and the namespace-qualified name (the literal an `Any…`
// union compares with), and an enum value as member names (its string-literal union). `validateX`
// takes the other forms OData JSON allows (JSON Format 4.01 §4.5.3: a URL whose fragment names the
// type, alias-qualified, `@type` without the prefix; §7.1: an enum value by its member's value, "1").
// The compiler shows what the types claim; running the guards shows they hold no other value.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { anyCompiler, compileCases } from "./helpers/typecheck";

const dir = generateFixture("validation.xml", "guard-forms");

test("the narrowed types hold member names and #ns.T literals only", () => {
  const head = `import { isItem } from "./Test.Validation.validators.js";
export function use(x: unknown): void {`;
  const lines = [
    `if (isItem(x) && x.status !== undefined) { switch (x.status) { case "Red": case "Green": case "Blue": break; default: { const n: never = x.status; void n; } } }`,
    `if (isItem(x) && x.shape) { const s = x.shape; switch (s["@odata.type"]) { case "#Test.Validation.Circle": case "#Test.Validation.Triangle": case "#Test.Other.Hexagon": break; default: { const n: never = s; void n; } } }`,
    `if (isItem(x) && x.status !== undefined) { const n: number = x.status; void n; }`,
  ];
  const messages = compileCases(anyCompiler(), dir, head, lines);
  const said = (i: number) => (messages.get(i) ?? []).map((m) => m.text).join("");
  expect([0, 1].map(said)).toEqual(["", ""]);
  expect(said(2)).toMatch(/TS2322/);
});

interface Result {
  valid: boolean;
  errors: { path: string; message: string }[];
}
/* eslint-disable @typescript-eslint/no-require-imports */
const tv = require(path.join(dir, "Test.Validation.validators")) as {
  validateItem(v: unknown): Result;
  isItem(v: unknown): boolean;
  assertItem(v: unknown): void;
};

const circle = { label: "c", radius: 1 };
const CASES: [what: string, value: Record<string, unknown>, message: string][] = [
  ["an enum value by number", { status: "1" }, `/status "1" gives Test.Validation.Color by value, not by member name, the form its type has: validateX takes it, isX and assertX do not`],
  ["a flags value with a number", { primitives: { perms: "Read,2" } }, `/primitives/perms "Read,2" gives Test.Validation.Permission by value, not by member name, the form its type has: validateX takes it, isX and assertX do not`],
  ["@odata.type without #", { shape: { "@odata.type": "Test.Validation.Circle", ...circle } }, `/shape/@odata.type @odata.type "Test.Validation.Circle" has no "#" (JSON Format §4.5.3 writes a type as a URL fragment): validateX takes the name without it, but isX and assertX take only "#Test.Validation.Circle", the form its type declares`],
  ["@odata.type by alias without #", { shape: { "@odata.type": "tv.Circle", ...circle } }, `/shape/@odata.type @odata.type "tv.Circle" has no "#" (JSON Format §4.5.3 writes a type as a URL fragment): validateX takes the name without it, but isX and assertX take only "#Test.Validation.Circle", the form its type declares`],
  ["@odata.type by alias", { shape: { "@odata.type": "#tv.Circle", ...circle } }, `/shape/@odata.type @odata.type "#tv.Circle" names Test.Validation.Circle by its schema's alias: validateX takes an alias, but isX and assertX take only "#Test.Validation.Circle", the form its type declares`],
  ["@odata.type as a URL", { shape: { "@odata.type": "https://example.com/$metadata#Test.Validation.Circle", ...circle } }, `/shape/@odata.type @odata.type "https://example.com/$metadata#Test.Validation.Circle" names Test.Validation.Circle by a URL: validateX takes a URL, but isX and assertX take only "#Test.Validation.Circle", the form its type declares`],
  ["@type for @odata.type", { shape: { "@type": "#Test.Validation.Circle", ...circle } }, `/shape/@type @type leaves out the odata. prefix (JSON Format 4.01 §4.5): validateX takes it, but isX and assertX take only @odata.type, the member its type declares`],
];

test.each(CASES)("%s: validateItem takes it, isItem and assertItem do not, saying why", (_what, value, message) => {
  expect(tv.validateItem(value).errors).toEqual([]);
  expect(tv.isItem(value)).toBe(false);
  let thrown: unknown;
  try {
    tv.assertItem(value);
  } catch (e) {
    thrown = e;
  }
  expect((thrown as { errors: { path: string; message: string }[] }).errors.map((e) => `${e.path} ${e.message}`)).toEqual([message]);
});

// A guard never takes what validateX refuses: a 4.01 `@type` is checked as validateX checks it (it
// names no type, or another one), besides being reported as a form the guard does not take.
test("a @type validateItem refuses, isItem and assertItem refuse too, assertItem saying what validateItem says", () => {
  const values = [{ id: 1, "@type": {} }, { id: 1, "@type": "#Test.Validation.Person" }, { shape: { "@type": "#Test.Validation.Nope", ...circle } }, { shape: { "@type": 5 } }];
  const said = (value: unknown): string[] => {
    try {
      tv.assertItem(value);
    } catch (e) {
      return (e as { errors: { path: string; message: string }[] }).errors.map((x) => `${x.path} ${x.message}`);
    }
    return [];
  };
  for (const value of values) {
    const errors = tv.validateItem(value).errors.map((x) => `${x.path} ${x.message}`);
    expect(errors).not.toEqual([]);
    expect(tv.isItem(value)).toBe(false);
    expect(said(value)).toEqual([expect.stringMatching(/@type leaves out the odata\. prefix/), ...errors]);
  }
});

// A type without subtypes (`Item`) declares `@odata.type` as its `#ns.T` literal, the one form its guard
// takes; a root type with subtypes (`Person`, `Shape`) as `#${string}`, which no `ns.T` or URL fits.
test("an interface's @odata.type has the #ns.T form its guard takes", () => {
  const head = `import type { Item, Person } from "./Test.Validation.types.js";
import { isItem } from "./Test.Validation.validators.js";
export function use(x: unknown, item: Item): void {`;
  const lines = [
    `if (isItem(x)) { const t: "#Test.Validation.Item" | undefined = x["@odata.type"]; void t; }`,
    `{ const p: Person = { id: "g", "@odata.type": "#Test.Validation.Employee" }; void p; }`,
    `{ const i: Item = { ...item, "@odata.type": "Test.Validation.Item" }; void i; }`,
    `{ const i: Item = { ...item, "@odata.type": "#Test.Validation.Person" }; void i; }`,
    `{ const p: Person = { id: "g", "@odata.type": "https://example.com/$metadata#Test.Validation.Employee" }; void p; }`,
  ];
  const messages = compileCases(anyCompiler(), dir, head, lines);
  const said = (i: number) => (messages.get(i) ?? []).map((m) => m.text).join("");
  expect([0, 1].map(said)).toEqual(["", ""]);
  for (const i of [2, 3, 4]) expect(said(i)).toMatch(/TS2322/);
});

test("the forms the types have pass the guard", () => {
  for (const value of [{ status: "Green" }, { primitives: { perms: "Read,Write" } }, { primitives: { perms: "Read, Write" } }, { shape: { "@odata.type": "#Test.Validation.Circle", ...circle } }]) {
    expect(tv.isItem(value)).toBe(true);
    expect(() => tv.assertItem(value)).not.toThrow();
  }
});
