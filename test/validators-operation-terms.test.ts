/**
 * The Validation vocabulary on operations (test/fixtures/operation-constraints.xml): each constrained
 * parameter checked by `validateXParameters` (the `params` a request function takes), the result by
 * `validateXResult` (as a request function's `validate` gets it, also through a call), the messages,
 * warnings at `ns.f/p` and `ns.f/$ReturnType`, and CSDL JSON read as CSDL XML is.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { FIXTURES_DIR } from "./helpers/fixtures";
import { generate } from "../generator/generate";
import { generateFixture } from "./helpers/generated";

const out = generateFixture("operation-constraints.xml", "operation-terms");
type Validators = typeof import("./.generated/operation-terms/Terms.Ops.validators");
type Api = typeof import("./.generated/operation-terms/Terms.Ops.requests");
type Runtime = typeof import("./.generated/operation-terms/runtime");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tv: Validators = require(path.join(out, "Terms.Ops.validators"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const api: Api = require(path.join(out, "Terms.Ops.requests"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rt: Runtime = require(path.join(out, "runtime"));

const errors = (r: { errors: readonly { path: string; message: string }[] }) => r.errors.map((e) => `${e.path}: ${e.message}`);

type Row = [parameter: string, value: unknown, valid: boolean];
const rows: Row[] = [
  // Minimum 1, Maximum 10 exclusive
  ["qty", 1, true], ["qty", 9, true], ["qty", 0, false], ["qty", 10, false], ["qty", "5", false],
  // Pattern
  ["code", "ABC", true], ["code", "abc", false], ["code", null, true],
  // AllowedValues on each item, MaxItems 2
  ["sizes", ["S", "M"], true], ["sizes", ["L"], false], ["sizes", ["S", "M", "S"], false], ["sizes", [], true],
  // A parameter of a type definition with Minimum 0 and Maximum 100
  ["share", 100, true], ["share", 101, false],
  // MultipleOf 0.5 on a Decimal
  ["step", "1.5", true], ["step", 0.25, false],
  // A qualified Minimum checks nothing; a parameter without constraints is not looked at
  ["draft", 1, true], ["plain", 5, true],
];

describe("an operation's parameters against their Validation constraints (validateXParameters)", () => {
  test.each(rows)("%s = %j → valid %s", (name, value, valid) => {
    const result = tv.validateReserveParameters({ qty: 2, [name]: value });
    expect(result.errors.map((e) => e.path.replace(/^(\/[^/]+)\/\d+$/, "$1"))).toEqual(valid ? [] : [`/${name}`]);
  });

  test("messages as for a property's, at the parameter (and the item) that breaks its constraint", () => {
    expect(errors(tv.validateReserveParameters({ qty: 10, code: "x", sizes: ["S", "L", "M"], share: -1, step: "0.7" }))).toEqual([
      "/qty: not less than its exclusive Validation.Maximum 10",
      "/code: not matching its Validation.Pattern ^[A-Z]{3}$",
      '/sizes/1: not one of its Validation.AllowedValues ("S", "M")',
      "/sizes: 3 items, more than its Validation.MaxItems 2",
      "/share: less than its Validation.Minimum 0",
      "/step: not a multiple of its Validation.MultipleOf 0.5",
    ]);
    expect(errors(tv.validateReserveParameters([1]))).toEqual([": expected an object, got array"]);
    // A function's overloads: each its own, named as its request function is (priceWithB).
    expect(errors(tv.validatePriceParameters({ a: -1 }))).toEqual(["/a: less than its Validation.Minimum 0"]);
    expect(errors(tv.validatePriceWithBParameters({ a: 0, b: [] }))).toEqual(["/b: 0 items, fewer than its Validation.MinItems 1"]);
    expect(errors(tv.validateStockParameters({ sku: "12a" }))).toEqual(["/sku: not matching its Validation.Pattern ^[0-9]+$"]);
  });

  test("only an operation with constraints gets validators; a qualified annotation is not checked", () => {
    const text = fs.readFileSync(path.join(out, "Terms.Ops.validators.ts"), "utf8");
    expect(Object.keys(tv).filter((k) => /^validate.*(Parameters|Result)$/.test(k)).sort()).toEqual([
      "validateBrokenParameters", "validateDiscountResult", "validatePriceParameters", "validatePriceWithBParameters", "validateReserveParameters", "validateReserveResult", "validateStockParameters", "validateStockResult",
    ]);
    expect(text).not.toContain('"draft"');
    expect(text).not.toContain('"plain"');
  });
});

describe("an operation's result against its return type's constraints (validateXResult)", () => {
  test("one value as `{ value }`, a collection's items one by one, a return type annotated by an <Annotations> block", () => {
    expect(errors(tv.validateReserveResult({ value: 0 }))).toEqual([]);
    expect(errors(tv.validateReserveResult({ value: -1 }))).toEqual(["/value: less than its Validation.Minimum 0"]);
    expect(errors(tv.validateStockResult("2.5"))).toEqual([]);
    expect(errors(tv.validateStockResult(0.2))).toEqual([": not a multiple of its Validation.MultipleOf 0.5"]);
    expect(errors(tv.validateDiscountResult({ value: 0.5 }))).toEqual([]);
    expect(errors(tv.validateDiscountResult({ value: 1 }))).toEqual(["/value: not less than its exclusive Validation.Maximum 1"]);
  });

  test("passed as a request function's `validate`: a result that breaks a constraint rejects", async () => {
    const answer = (body: unknown) =>
      rt.createClient({ baseUrl: "https://example.invalid/svc", fetch: async () => new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } }) });
    await expect(api.reserve(answer({ value: 3 }), { qty: 1 }, { validate: tv.validateReserveResult })).resolves.toEqual({ value: 3 });
    await expect(api.reserve(answer({ value: -3 }), { qty: 1 }, { validate: tv.validateReserveResult })).rejects.toThrow("/value less than its Validation.Minimum 0");
    await expect(api.stock(answer({ value: [1, "1.7"] }), { sku: "1" }, { validate: tv.validateStockResult })).rejects.toThrow("/value/1");
    // Its items may be null (ReturnType Nullable absent: true), as a nullable collection property's.
    await expect(api.stock(answer({ value: [null, "1.5"] }), { sku: "1" }, { validate: tv.validateStockResult })).resolves.toEqual({ value: [null, "1.5"] });
  });
});

describe("reading the annotations", () => {
  test("what cannot be checked is a warning at the parameter's or return type's annotation", () => {
    const r = generate({ inputs: [{ file: "operation-constraints.xml", content: fs.readFileSync(path.join(FIXTURES_DIR, "operation-constraints.xml"), "utf8") }] });
    expect(r.diagnostics.filter((d) => d.code === "ODG102").map((d) => `${d.severity} ${d.line} ${d.path}: ${d.message}`)).toEqual([
      "warning 65 Terms.Ops.Broken/flag/@Org.OData.Validation.V1.Minimum: Minimum applies to numbers, dates and times; Edm.Boolean is none; it is not checked",
      "warning 66 Terms.Ops.Broken/capped/@Org.OData.Validation.V1.Maximum: Maximum is no number; it is not checked",
      "warning 67 Terms.Ops.Broken/$ReturnType/@Org.OData.Validation.V1.MaxItems: MaxItems applies to collections; this is a single value; it is not checked",
    ]);
    expect(r.files.get("Terms.Ops.validators.ts")).not.toContain("validateBrokenResult");
    // The type definition's own constraints are checked where its value is, as for a property.
    expect(errors(tv.validateBrokenParameters({ flag: false, capped: 101 }))).toEqual(["/capped: greater than its Validation.Maximum 100"]);
  });

  test("a block's constraint that cannot be checked is one warning at the block's annotation, for all the overloads it applies to", () => {
    const xml = `<?xml version="1.0"?>
<edmx:Edmx Version="4.01" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm">
<Function Name="F"><Parameter Name="p" Type="Edm.Int32"/><ReturnType Type="Edm.Int32"/></Function>
<Function Name="F"><Parameter Name="p" Type="Edm.Int32"/><Parameter Name="q" Type="Edm.Int32"/><ReturnType Type="Edm.Int32"/></Function>
<Annotations Target="N.F/p"><Annotation Term="Org.OData.Validation.V1.Minimum" String="x"/></Annotations>
<Annotations Target="N.F/$ReturnType"><Annotation Term="Org.OData.Validation.V1.Pattern" String="^a"/></Annotations>
<EntityContainer Name="C"><FunctionImport Name="F" Function="N.F"/></EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`;
    const r = generate({ inputs: [{ file: "n.xml", content: xml }] });
    expect(r.diagnostics.filter((d) => d.code === "ODG102").map((d) => `${d.file}:${d.line}:${d.column} ${d.path}: ${d.message}`)).toEqual([
      "n.xml:6:29 N.F/p/@Org.OData.Validation.V1.Minimum: Minimum is no number; it is not checked",
      "n.xml:7:39 N.F/$ReturnType/@Org.OData.Validation.V1.Pattern: Pattern applies to strings; Edm.Int32 is none; it is not checked",
    ]);
  });

  test("overloads bound to an entity type and to a collection of it: each doc comment names its binding", () => {
    const xml = `<?xml version="1.0"?>
<edmx:Edmx Version="4.01" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm">
<EntityType Name="Item"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>
<Function Name="H" IsBound="true"><Parameter Name="it" Type="N.Item"/><Parameter Name="n" Type="Edm.Int32"><Annotation Term="Org.OData.Validation.V1.Minimum" Int="1"/></Parameter><ReturnType Type="Edm.Int32"/></Function>
<Function Name="H" IsBound="true"><Parameter Name="it" Type="Collection(N.Item)"/><Parameter Name="n" Type="Edm.Int32"><Annotation Term="Org.OData.Validation.V1.Minimum" Int="2"/></Parameter><ReturnType Type="Edm.Int32"/></Function>
<EntityContainer Name="C"><EntitySet Name="Items" EntityType="N.Item"/></EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`;
    const text = (generate({ inputs: [{ file: "n.xml", content: xml }] }).files.get("N.validators.ts") ?? "").replace(/\n \* /g, " ");
    expect(text).toMatch(/function `N.H\(n\)`, bound to `N.Item` \(the `params`[^/]*\/\s*export const validateHParameters\b/);
    expect(text).toMatch(/function `N.H\(n\)`, bound to a collection of `N.Item` \(the `params`[^/]*\/\s*export const validateItemsHParameters\b/);
  });

  test("CSDL JSON: in line (Exclusive nested) and by $Annotations on `$ReturnType`, as CSDL XML", () => {
    const json = {
      $Version: "4.01",
      N: {
        F: [{
          $Kind: "Function",
          $Parameter: [{ $Name: "p", $Type: "Edm.Int32", "@Org.OData.Validation.V1.Minimum": 0, "@Org.OData.Validation.V1.Minimum@Org.OData.Validation.V1.Exclusive": true }],
          $ReturnType: { $Type: "Edm.Int32", "@Org.OData.Validation.V1.Maximum": 9 },
        }],
        G: [{ $Kind: "Function", $ReturnType: { $Collection: true, $Type: "Edm.String", $Nullable: true } }],
        $Annotations: { "N.G/$ReturnType": { "@Org.OData.Validation.V1.Pattern": "^a" } },
        C: { $Kind: "EntityContainer", F: { $Function: "N.F" }, G: { $Function: "N.G" } },
      },
    };
    const xml = `<?xml version="1.0"?>
<edmx:Edmx Version="4.01" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm">
<Function Name="F"><Parameter Name="p" Type="Edm.Int32"><Annotation Term="Org.OData.Validation.V1.Minimum" Int="0"><Annotation Term="Org.OData.Validation.V1.Exclusive"/></Annotation></Parameter>
<ReturnType Type="Edm.Int32"><Annotation Term="Org.OData.Validation.V1.Maximum" Int="9"/></ReturnType></Function>
<Function Name="G"><ReturnType Type="Collection(Edm.String)"/></Function>
<Annotations Target="N.G/$ReturnType"><Annotation Term="Org.OData.Validation.V1.Pattern" String="^a"/></Annotations>
<EntityContainer Name="C"><FunctionImport Name="F" Function="N.F"/><FunctionImport Name="G" Function="N.G"/></EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`;
    const body = (file: string, content: string) => {
      const text = generate({ inputs: [{ file, content }] }).files.get("N.validators.ts") ?? "";
      return text.slice(text.indexOf("\n"));
    };
    const fromJson = body("n.json", JSON.stringify(json));
    expect(fromJson).toBe(body("n.xml", xml));
    expect(fromJson).toContain("export const validateFParameters");
    expect(fromJson).toContain('{ kind: "number", min: 0, minExclusive: true }');
    expect(fromJson).toContain('{ kind: "number", max: 9 }');
    expect(fromJson).toContain('pattern: new RegExp("^a", "u")');
  });
});
