// The generated property checks name a value's type only where its checker does not: `vr.p`,
// `vr.c`, `vr.nav` and `vr.navs` ask `vr.expectedOf(check)` for the name in a message about an
// absent, null or non-array value. These tests hold the runtime to what the generator assumes
// (validators-view.ts `namesItself`): a structured type's and an enum's checker report the type's
// qualified name for a value that is none, and so do the checkers of `NAMED_PRIMITIVES`, with or
// without facets; and `namespaceChecker`, a table of simple names, finds exactly the namespace's
// types (`vr.inNamespace`). On test/fixtures/validation.xml.
import * as path from "node:path";
import { NAMED_PRIMITIVES } from "../generator/emit/validators-view";
import { generateFixture } from "./helpers/generated";

type Checker = (v: unknown, ctx: unknown, key: unknown) => void;
interface Result {
  valid: boolean;
  errors: { path: string; expected: string; message: string }[];
}
type Runtime = Record<string, unknown> & { expectedOf(check: Checker): string };
type Validators = Record<string, unknown> & { namespaceChecker(name: string): Checker | undefined };

let dir = "";
beforeAll(() => {
  dir = generateFixture("validation.xml", "validators-expected");
});

/* eslint-disable @typescript-eslint/no-require-imports */
const load = () => ({
  vr: require(path.join(dir, "validation")) as Runtime,
  v: require(path.join(dir, "Test.Validation.validators")) as Validators,
  text: require("node:fs").readFileSync(path.join(dir, "Test.Validation.validators.ts"), "utf8") as string,
});

test("each primitive checker whose calls name no type reports exactly its Edm name for a value that is none", () => {
  const { vr } = load();
  expect(NAMED_PRIMITIVES.size).toBeGreaterThan(0);
  for (const name of NAMED_PRIMITIVES) expect([name, vr.expectedOf(vr[`check${name}`] as Checker)]).toEqual([name, `Edm.${name}`]);
  // With facets too: the value is refused as no Edm.String (Edm.Decimal) before its length (digits) is looked at.
  expect(vr.expectedOf((v, ctx, key) => (vr.checkString as (...a: unknown[]) => void)(v, ctx, key, 5))).toBe("Edm.String");
  expect(vr.expectedOf((v, ctx, key) => (vr.checkDecimal as (...a: unknown[]) => void)(v, ctx, key, 5, 2))).toBe("Edm.Decimal");
});

test("a structured type's checker, with or without subtypes, and an enum's report the type's qualified name", () => {
  const { vr, v } = load();
  expect(vr.expectedOf(v.checkItem as Checker)).toBe("Test.Validation.Item");
  expect(vr.expectedOf(v.checkShape as Checker)).toBe("Test.Validation.Shape");
  expect(vr.expectedOf(v.checkPerson as Checker)).toBe("Test.Validation.Person");
  expect(vr.expectedOf(v.checkColor as Checker)).toBe("Test.Validation.Color");
  expect(vr.expectedOf(v.checkPermission as Checker)).toBe("Test.Validation.Permission");
});

test("the calls leave out the names their checkers give, and the messages still name the types", () => {
  const { v, text } = load();
  expect(text).toContain('vr.p(o["status"], ctx, "status", checkColor, vr.HAS_DEFAULT | vr.REQUIRED)');
  expect(text).toContain('vr.c(o["shapes"], ctx, "shapes", checkShape, vr.REQUIRED)');
  expect(text).toContain('vr.nav(o["owner"], ctx, "owner", checkPerson, 0)');
  // A date's checker says more than its name (`Edm.Date (YYYY-MM-DD)`): its calls still name it.
  expect(text).toMatch(/vr\.p\(o\["\w+"\], ctx, "\w+", vr\.checkDateTimeOffset, [^)]*"Edm\.DateTimeOffset"\)/);
  const validateItem = v.validateItem as (value: unknown, options?: unknown) => Result;
  const errors = validateItem({ id: 1, name: "n", created: "2024-01-01T00:00:00Z", status: null, tags: null, shapes: 5, owner: null }).errors;
  const by = (p: string) => errors.find((e) => e.path === p);
  expect(by("/status")?.expected).toBe("Test.Validation.Color");
  expect(by("/status")?.message).toBe("status cannot be null");
  expect(by("/tags")?.expected).toBe("Collection(Edm.String)");
  expect(by("/shapes")?.expected).toBe("Collection(Test.Validation.Shape)");
  expect(by("/owner")?.expected).toBe("Test.Validation.Person");
  expect(by("/owner")?.message).toBe("owner cannot be null");
});

test("namespaceChecker finds the namespace's types by qualified name, and nothing else", () => {
  const { v } = load();
  expect(v.namespaceChecker("Test.Validation.Item")).toBe(v.checkItem);
  expect(v.namespaceChecker("Test.Validation.Color")).toBe(v.checkColor);
  expect(v.namespaceChecker("Test.Validation.Shape")).toBe(v.checkShape);
  for (const name of [
    "Test.Validation.constructor",
    "Test.Validation.__proto__",
    "Test.Validation.toString",
    "Test.Validation.hasOwnProperty",
    "Test.Validation.Item.x",
    "Test.Validation.",
    "Test.Validation",
    "Test.ValidationItem",
    "Test.Other.Address",
    "Test.Item",
    "Item",
    "",
  ]) {
    expect([name, v.namespaceChecker(name)]).toEqual([name, undefined]);
  }
});
