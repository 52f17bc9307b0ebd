// Names that are no CSDL simple identifier (§15.2: a letter or `_`, then letters, digits or `_`):
// `10`, `request-id` (Graph's), `a b`, `$weird`. Each is a note (ODG102, severity info) at the
// element, as other mistakes of a service's metadata that leave the output right and that its users
// cannot change; the generated code quotes the name or gives it an identifier, compiles under the
// strict options, and its validators read the names as written.
import * as fs from "node:fs";
import * as path from "node:path";
import { build, edmx, schema } from "./helpers/csdl";
import { FIXTURES, generateFixture } from "./helpers/generated";
import { anyCompiler, runTsc, tsFiles } from "./helpers/typecheck";

test("a name that is no simple identifier is a note at its element; a simple identifier is none", () => {
  const b = build(edmx(schema("ns", `<ComplexType Name="c">
  <Property Name="request-id" Type="Edm.String"/>
  <Property Name="ünïcode_1" Type="Edm.String"/>
</ComplexType>
<EnumType Name="e"><Member Name="10"/><Member Name="ok"/></EnumType>`)));
  expect(b.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.path}: ${d.message}`)).toEqual([
    `9:20 info ODG102 ns.e/10: enum member name "10" is not a simple identifier (CSDL §15.2: a letter or "_", then letters, digits or "_", at most 128); read as written, the generated code quoting it or giving it an identifier`,
    `6:3 info ODG102 ns.c/request-id: property name "request-id" is not a simple identifier (CSDL §15.2: a letter or "_", then letters, digits or "_", at most 128); read as written, the generated code quoting it or giving it an identifier`,
  ]);
});

test("every kind of element so named is noted, and the generated code compiles and checks the names as written", () => {
  const b = build(fs.readFileSync(path.join(FIXTURES, "names", "odd-names.xml"), "utf8"));
  expect(b.errors).toEqual([]);
  expect(b.diagnostics.filter((d) => d.code === "ODG102").map((d) => d.path).sort()).toEqual([
    "odd.level/10", "odd.level/x-y", "odd.9flags", "odd.9flags/1st", "odd.9flags/2nd", "odd.10x", "odd.10x/10", "odd.10x/a b", "odd.10x/é-1",
    "odd.my-thing", "odd.my-thing/key-1", "odd.my-thing/10", "odd.my-thing/$weird", "odd.my-thing/my-nav", "odd.my-thing/2kids",
    "odd.do-it", "odd.do-it/this-one", "odd.do-it/p-1", "odd.9get", "odd.9get/p 2", "odd.c-1", "odd.c-1/my-set", "odd.c-1/1me",
  ].sort());
  expect(b.diagnostics.every((d) => d.severity === "info")).toBe(true);
  const dir = generateFixture("names/odd-names.xml", "model-identifiers");
  expect(runTsc(anyCompiler(), dir, tsFiles(dir)).output).toBe("");
  /* eslint-disable @typescript-eslint/no-require-imports */
  const v = require(path.join(dir, "odd.validators")) as { validateMy_thing(v: unknown): { errors: { path: string }[] } };
  const value = { "key-1": "k", "10": { "10": 5, "a b": "10", "é-1": "1st,2nd" }, $weird: "w", "2kids": [] };
  expect(v.validateMy_thing(value).errors).toEqual([]);
  expect(v.validateMy_thing({ ...value, "10": { "10": "five", "a b": "11" } }).errors.map((e) => e.path)).toEqual(["/10/10", "/10/a b"]);
});
