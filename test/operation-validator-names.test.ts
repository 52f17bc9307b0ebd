/**
 * An operation's validators named as a type's functions are (test/fixtures/names/operation-validator-names.xml):
 * the type keeps `validateReserveParameters`, the operation's is `validateReserveParameters2`, each
 * wired to what it checks, and the rename is an ODG201 note naming both and a sentence of the doc comment.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { FIXTURES, generateFixture } from "./helpers/generated";
import { generate } from "../generator/generate";

const out = generateFixture("names/operation-validator-names.xml", "operation-validator-names");
type Validators = typeof import("./.generated/operation-validator-names/Names.Ops.validators");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const v: Validators = require(path.join(out, "Names.Ops.validators"));
const errors = (r: { errors: readonly { path: string; message: string }[] }) => r.errors.map((e) => `${e.path}: ${e.message}`);

test("the type keeps its validator; the operation's, numbered, checks the operation's parameters and result", () => {
  // What a caller of the unnumbered name would get: the complex type's check.
  expect(errors(v.validateReserveParameters({ qty: 0 }))).toEqual(["/qty: unknown property qty"]);
  expect(errors(v.validateReserveParameters2({ qty: 0 }))).toEqual(["/qty: less than its Validation.Minimum 1"]);
  expect(errors(v.validateReserveParameters2({ qty: 1 }))).toEqual([]);
  expect(errors(v.validateReserveResult({ value: -1 }))).toEqual(["/value: less than its Validation.Minimum 0"]);
  // An enum's functions (checkStockResult) take the name from the function's result validator too.
  expect(errors(v.validateStockResult2({ value: 10 }))).toEqual(["/value: greater than its Validation.Maximum 9"]);
});

test("each numbered validator is an ODG201 note naming the operation, the type and both names, and its doc comment says why", () => {
  const file = path.join(FIXTURES, "names", "operation-validator-names.xml");
  const r = generate({ inputs: [{ file, content: fs.readFileSync(file, "utf8") }] });
  expect(r.diagnostics.filter((d) => d.code === "ODG201").map((d) => `${d.path} ${d.severity}: ${d.message}`)).toEqual([
    "Names.Ops.reserve info: the validator of Names.Ops.reserve's parameters is emitted as validateReserveParameters2 (validateReserveParameters is taken: the functions of the complex type Names.Ops.ReserveParameters are named after ReserveParameters)",
    "Names.Ops.stock info: the validator of Names.Ops.stock's result is emitted as validateStockResult2 (validateStockResult is taken: the functions of the enum type Names.Ops.StockResult are named after StockResult)",
  ]);
  expect(r.files.get("Names.Ops.validators.ts")).toContain("(This one is numbered:\n * `validateReserveParameters` is taken: the functions of the complex type\n * `Names.Ops.ReserveParameters` are named after `ReserveParameters`.)");
});

test("a slice leaving the type out numbers the operation's validator as the full run does, and says why", () => {
  const file = path.join(FIXTURES, "names", "operation-validator-names.xml");
  const r = generate({ inputs: [{ file, content: fs.readFileSync(file, "utf8") }], include: "Names.Ops.reserve" });
  expect(r.files.get("Names.Ops.validators.ts")).toMatch(/export const validateReserveParameters2\b/);
  expect(r.files.get("Names.Ops.validators.ts")).not.toMatch(/export const validateReserveParameters\b/);
  expect(r.diagnostics.filter((d) => d.code === "ODG201").map((d) => d.message)).toEqual([
    "the validator of Names.Ops.reserve's parameters is emitted as validateReserveParameters2 (validateReserveParameters is taken: the functions of a type of Names.Ops this slice leaves out are named after ReserveParameters)",
  ]);
});

test("a type's companion name (AnyThingParameters, of a complex type ThingParameters) numbers no operation's validator: no type's functions have it", () => {
  const doc = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm">
  <ComplexType Name="ThingParameters"><Property Name="note" Type="Edm.String"/></ComplexType>
  <Action Name="anyThing"><Parameter Name="qty" Type="Edm.Int32" Nullable="false"><Annotation Term="Org.OData.Validation.V1.Minimum" Int="1"/></Parameter></Action>
  <EntityContainer Name="C"><ActionImport Name="anyThing" Action="N.anyThing"/></EntityContainer>
</Schema></edmx:DataServices></edmx:Edmx>`;
  const r = generate({ inputs: [{ file: "n.xml", content: doc }] });
  expect(r.files.get("N.validators.ts")).toMatch(/export const validateAnyThingParameters\b/);
  expect(r.diagnostics.filter((d) => d.code === "ODG201").map((d) => d.message)).toEqual([]);
});
