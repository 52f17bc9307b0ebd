/** The JSON Schema shipped for editors and the config validator accept the same keys and shapes. */
import * as fs from "node:fs";
import * as path from "node:path";
import { OPTION_KEYS, SERVICE_KEYS, TOP_KEYS, validateConfig } from "../generator/config/validate";
import { scratch } from "./helpers/cli";

const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "odatagen.config.schema.json"), "utf8"));
const service = schema.properties.services.items;

test("the schema lists exactly the keys the validator knows, and forbids others", () => {
  expect(Object.keys(schema.properties).sort()).toEqual([...TOP_KEYS].sort());
  expect(Object.keys(service.properties).sort()).toEqual([...SERVICE_KEYS].sort());
  expect(Object.keys(service.properties.options.properties).sort()).toEqual([...OPTION_KEYS].sort());
  expect([schema.additionalProperties, service.additionalProperties, service.properties.options.additionalProperties]).toEqual([false, false, false]);
  expect(service.required.sort()).toEqual(["input", "out"]);
});

test("the repository's own config references the schema and is valid", () => {
  const config = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "odatagen.config.json"), "utf8"));
  expect(config.$schema).toBe("./odatagen.config.schema.json");
  const r = validateConfig(config, "/project");
  expect(r.ok).toBe(true);
  if (r.ok) expect(r.services.map((s) => [s.name, s.inputs, s.out])).toEqual([
    ["graph-callrecords", ["/project/specs/graph-callrecords.xml"], "/project/generated/graph-callrecords"],
    ["graph-beta-securitycopilot", ["/project/specs/graph-beta-securitycopilot.xml"], "/project/generated/graph-beta-securitycopilot"],
  ]);
});

test("validator: required keys, empty lists and duplicate output folders", () => {
  expect(validateConfig({ services: [] }, "/p")).toEqual({ ok: false, errors: ["services: expected at least one service"] });
  expect(validateConfig({ services: [{}] }, "/p")).toEqual({
    ok: false,
    errors: ["services[0].input: required (a file name or a list of them)", "services[0].out: required (the output folder)"],
  });
  expect(validateConfig({ services: [{ input: "a.xml", out: "x" }, { input: "b.xml", out: "./x" }] }, "/p")).toEqual({
    ok: false,
    errors: ["services[1].out: same output folder as services[0]"],
  });
  expect(validateConfig([], "/p").ok).toBe(false);
});

test("an output folder reached through a symlink is the folder it leads to: two services writing it are refused", () => {
  const dir = scratch();
  fs.mkdirSync(path.join(dir, "gen"));
  fs.symlinkSync("gen", path.join(dir, "link"));
  const real = fs.realpathSync(path.join(dir, "gen"));
  expect(validateConfig({ services: [{ input: "a.xml", out: "gen" }, { input: "b.xml", out: "link" }] }, dir)).toEqual({
    ok: false,
    errors: [`services[1].out: same output folder as services[0] (both are ${real}, through a symlink)`],
  });
  // A folder not made yet below a link is where the link leads too.
  expect(validateConfig({ services: [{ input: "a.xml", out: "gen/x" }, { input: "b.xml", out: "link/x" }] }, dir)).toMatchObject({ ok: false });
});

test("the schema refuses the empty names the validator refuses, so an editor flags them", () => {
  const Ajv = require("ajv") as typeof import("ajv").default;
  const check = new Ajv({ strict: false }).compile(schema);
  const config = (s: object) => ({ services: [{ input: "a.xml", out: "gen", ...s }] });
  for (const bad of [{ name: "" }, { name: "  " }, { input: "" }, { input: ["a.xml", " "] }]) {
    expect([check(config(bad)), validateConfig(config(bad), "/p").ok]).toEqual([false, false]);
  }
  expect([check(config({ name: "calls" })), validateConfig(config({ name: "calls" }), "/p").ok]).toEqual([true, true]);
});

test("a list option takes one string as a list of one (input, include, exclude), in the schema and the validator alike", () => {
  const Ajv = require("ajv") as typeof import("ajv").default;
  const check = new Ajv({ strict: false }).compile(schema);
  const config = { services: [{ input: "a.xml", out: "gen", include: "/security/**", exclude: "microsoft.graph.security.alert" }] };
  expect(check(config)).toBe(true);
  const r = validateConfig(config, "/p");
  expect(r.ok && r.services.map((s) => [s.inputs, s.include, s.exclude])).toEqual([[["/p/a.xml"], ["/security/**"], ["microsoft.graph.security.alert"]]]);
  const bad = { services: [{ input: "a.xml", out: "gen", include: 3, exclude: ["x", false] }] };
  expect(check(bad)).toBe(false);
  expect(validateConfig(bad, "/p")).toEqual({
    ok: false,
    errors: ["services[0].include: expected a string or a list of strings", "services[0].exclude[1]: expected a string"],
  });
});

test("acceptWarnings: the schema takes the well-formed entries the validator takes, and flags the malformed ones it can tell by form", () => {
  const Ajv = require("ajv") as typeof import("ajv").default;
  const check = new Ajv({ strict: false }).compile(schema);
  const config = (acceptWarnings: unknown) => ({ services: [{ input: "a.xml", out: "gen", acceptWarnings }] });
  for (const good of ["ODG108", ["ODG108", "ODG103 API_TEST_SRV.bound*/*", " ODG112 ns.T/**"]])
    expect([check(config(good)), validateConfig(config(good), "/p").ok]).toEqual([true, true]);
  // A code that is not one (by form), an empty glob, an empty entry, a number: both refuse them.
  for (const bad of ["odg108", "ODG108 ", ["ODG108", ""], [12], "108 ns.T"])
    expect([check(config(bad)), validateConfig(config(bad), "/p").ok]).toEqual([false, false]);
  // An error's or a note's code is well formed: only the validator knows it is no warning's.
  expect([check(config("ODG109")), validateConfig(config("ODG109"), "/p").ok]).toEqual([true, false]);
  const r = validateConfig(config("ODG108"), "/p");
  expect(r.ok && r.services[0].acceptWarnings).toEqual(["ODG108"]);
});
