// The OData version of a service reaches every entry point of its validators, not only the
// generated validateX/isX/assertX: `vr.run`, `vr.test`, `vr.assert` and `validateCollection` given
// a generated checker (`checkX`, or one `checkerFor` finds) check a body as the service's version
// allows (a 4.01 body may bind as `p@bind`, JSON Format 4.01 §4.5; a 4.0 one may not). A checker
// of the output's building blocks run without its type (`exactX`) does not know the version, and its
// message says only what is always right. On test/fixtures/requests/odata-bind.xml (Version 4.0)
// and the same document as 4.01.
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
  run(check: Checker, value: unknown, options?: Options): Result;
  test(check: Checker, value: unknown, options?: Options): boolean;
  assert(check: Checker, value: unknown, options?: Options): void;
  validateCollection(check: Checker, body: unknown, options?: Options): Result;
}
interface Validators {
  checkerFor(name: string): Checker | undefined;
  checkProject: Checker;
  exactProject: Checker;
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

test("a checker run without its type (exactX) does not claim a version it does not know", () => {
  for (const dir of [out40, out401]) {
    const { vr, v } = load(dir);
    const messages = vr.run(v.exactProject, body, create).errors.map((e) => e.message);
    expect(messages).toEqual(["owner@bind leaves out the odata. prefix, which only an OData 4.01 payload may (JSON Format 4.01 §4.5): write owner@odata.bind, which every version takes"]);
  }
});
