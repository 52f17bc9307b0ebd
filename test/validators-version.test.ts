// The OData version of a service reaches every entry point of its validators, not only the
// generated validateX/isX/assertX: `vr.run`, `vr.test`, `vr.assert` and `validateCollection` given
// a generated checker (`checkX`, or one `checkerFor` finds) check a body as the service's version
// allows (a 4.01 body may bind as `p@bind`, JSON Format 4.01 §4.5; a 4.0 one may not); so does
// `exactX`, run without its type's check. Only `vr.exact` called by one's own code without the
// service does not know the version, and its message says only what is always right. On
// test/fixtures/requests/odata-bind.xml (Version 4.0) and the same document as 4.01.
import * as fs from "node:fs";
import * as path from "node:path";
import { FIXTURES, GENERATED, generateFixture } from "./helpers/generated";

interface Problem {
  path: string;
  message: string;
}
interface Result {
  valid: boolean;
  errors: Problem[];
}
type Options = { mode?: "read" | "create" | "update" | "replace" };
type Checker = (v: unknown, ctx: unknown, key: unknown) => void;
interface Runtime {
  exact(o: unknown, ctx: unknown, key: unknown, props: unknown, type: string, service?: unknown): void;
  run(check: Checker, value: unknown, options?: Options): Result;
  test(check: Checker, value: unknown, options?: Options): boolean;
  assert(check: Checker, value: unknown, options?: Options): void;
  validateCollection(check: Checker, body: unknown, options?: Options): Result;
}
interface Validators {
  checkerFor(name: string): Checker | undefined;
  checkProject: Checker;
  exactProject: Checker;
  propsProject: unknown;
  validateProject(value: unknown, options?: Options): Result;
}

let out40 = "";
let out401 = "";
beforeAll(() => {
  out40 = generateFixture("requests/odata-bind.xml", "validators-version-40");
  const v401 = path.join(GENERATED, "validators-version-v401.xml");
  fs.mkdirSync(GENERATED, { recursive: true });
  fs.writeFileSync(v401, fs.readFileSync(path.join(FIXTURES, "requests/odata-bind.xml"), "utf8").replace('Version="4.0"', 'Version="4.01"'));
  out401 = generateFixture(v401, "validators-version-401");
});

/* eslint-disable @typescript-eslint/no-require-imports */
const load = (dir: string) => ({ vr: require(path.join(dir, "validation")) as Runtime, v: require(path.join(dir, "Bind.validators")) as Validators });

const body = { title: "p", "owner@bind": "People('a')" };
const create: Options = { mode: "create" };

test("a 4.01 output's checker, run by vr.run, vr.test, vr.assert and validateCollection, takes p@bind", () => {
  const { vr, v } = load(out401);
  expect(v.validateProject(body, create).errors).toEqual([]);
  const check = v.checkerFor("Bind.Project") as Checker;
  expect(vr.run(check, body, create).errors).toEqual([]);
  expect(vr.run(v.checkProject, body, create).errors).toEqual([]);
  expect(vr.test(check, body, create)).toBe(true);
  expect(() => vr.assert(check, body, create)).not.toThrow();
  expect(vr.validateCollection(check, { value: [body] }, create).errors).toEqual([]);
});

test("a 4.0 output's checker refuses it everywhere, saying the service is OData 4.0", () => {
  const { vr, v } = load(out40);
  const check = v.checkerFor("Bind.Project") as Checker;
  const message = "owner@bind leaves out the odata. prefix, which only an OData 4.01 payload may (JSON Format 4.01 §4.5); this service is OData 4.0: write owner@odata.bind";
  expect(vr.run(check, body, create).errors.map((e) => [e.path, e.message])).toEqual([["/owner@bind", message]]);
  expect(vr.test(check, body, create)).toBe(false);
  expect(() => vr.assert(check, body, create)).toThrow("this service is OData 4.0");
  expect(vr.validateCollection(check, { value: [body] }, create).errors.map((e) => e.path)).toEqual(["/value/0/owner@bind"]);
});

test("exactX, run without its type's check, knows the version too: a 4.01 output's takes p@bind, a 4.0 one's refuses it naming the version", () => {
  const { vr: vr401, v: v401 } = load(out401);
  expect(vr401.run(v401.exactProject, body, create).errors).toEqual([]);
  expect(vr401.test(v401.exactProject, body, create)).toBe(true);
  const { vr: vr40, v: v40 } = load(out40);
  expect(vr40.run(v40.exactProject, body, create).errors.map((e) => e.message)).toEqual([
    "owner@bind leaves out the odata. prefix, which only an OData 4.01 payload may (JSON Format 4.01 §4.5); this service is OData 4.0: write owner@odata.bind",
  ]);
  // propsX checks the type's properties only: a binding, of either form, is exactX's to check.
  expect(vr40.run(v40.propsProject as Checker, body, create).errors).toEqual([]);
});

test("vr.exact called without the service does not claim a version it does not know", () => {
  for (const dir of [out40, out401]) {
    const { vr, v } = load(dir);
    const own: Checker = (o, ctx, key) => vr.exact(o, ctx, key, v.propsProject, "Bind.Project");
    const messages = vr.run(own, body, create).errors.map((e) => e.message);
    expect(messages).toEqual(["owner@bind leaves out the odata. prefix, which only an OData 4.01 payload may (JSON Format 4.01 §4.5): write owner@odata.bind, which every version takes"]);
  }
});

// `vr.exact` once took `(…, type, service?, hint)`: a JavaScript caller giving a hint sixth had it
// taken as the service, which cleared the version the context knew. The hint is the runtime's own
// now (`untyped`'s), and what is not a service leaves the version as it is.
test("a string given to vr.exact where the service goes does not clear the version the context knows", () => {
  const { vr, v } = load(out40);
  const { SERVICE } = require(path.join(out40, "checkers")) as { SERVICE: unknown };
  const pair: Checker = (o, ctx) => {
    const { a, b } = o as { a: unknown; b: unknown };
    vr.exact(a, ctx, "a", v.propsProject, "Bind.Project", SERVICE);
    vr.exact(b, ctx, "b", v.propsProject, "Bind.Project", " (a hint)");
  };
  const found = vr.run(pair, { a: body, b: body }, create).errors.map((e) => [e.path, e.message]);
  const message = "owner@bind leaves out the odata. prefix, which only an OData 4.01 payload may (JSON Format 4.01 §4.5); this service is OData 4.0: write owner@odata.bind";
  expect(found).toEqual([
    ["/a/owner@bind", message],
    ["/b/owner@bind", message],
  ]);
});
