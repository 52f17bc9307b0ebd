/**
 * The Validation vocabulary (Org.OData.Validation.V1) in the validators: each value of the fixture's
 * `Item` against the constraints its property declares (test/fixtures/constraints.xml), the
 * messages, nested `Exclusive` annotations in CSDL XML and JSON, and warnings for what cannot be
 * checked (ODG102, the constraint left out).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { FIXTURES_DIR } from "./helpers/fixtures";
import { resolvePath } from "../generator/passes/slice/resolve-path";
import { pathModel } from "../generator/passes/slice/paths";
import { generate } from "../generator/generate";
import { generateFixture } from "./helpers/generated";

const out = generateFixture("constraints.xml", "validation-terms");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tv: typeof import("./.generated/validation-terms/Terms.Shop.validators") = require(path.join(out, "Terms.Shop.validators"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tc: typeof import("./.generated/validation-terms/checkers") = require(path.join(out, "checkers"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vr: typeof import("./.generated/validation-terms/validation") = require(path.join(out, "validation"));

type Row = [property: string, value: unknown, valid: boolean];

const rows: Row[] = [
  // Minimum 0 (inclusive), on a Decimal as a number or a string
  ["quantity", 0, true], ["quantity", 12.5, true], ["quantity", "0.00", true], ["quantity", -0.01, false], ["quantity", "-1", false],
  // Minimum 0 exclusive, Maximum 1 with Exclusive false (inclusive)
  ["epsilon", 0, false], ["epsilon", 1e-9, true], ["epsilon", 1, true], ["epsilon", 1.0000001, false], ["epsilon", "NaN", true],
  // Pattern on a property, and on its type definition
  ["email", "a@b.cd", true], ["email", "nobody", false],
  ["ean", "4006381333931", true], ["ean", "400638133393", false], ["ean", "400638133393x", false],
  // Minimum 0 and Maximum 100 on a type definition; a property of it with a Maximum 50 of its own (the property's wins)
  ["discount", 0, true], ["discount", 100, true], ["discount", 101, false], ["discount", -1, false],
  ["share", 50, true], ["share", 51, false], ["share", 101, false], ["share", -1, false],
  // AllowedValues
  ["size", "S", true], ["size", "M", true], ["size", "L", false], ["size", "s", false],
  // MaxItems 2 and a Pattern on each item
  ["tags", ["a", "b"], true], ["tags", ["a", "b", "c"], false], ["tags", ["a", "B"], false], ["tags", [], true],
  // Maximum beyond 2^53 on an Int64, compared exactly (as a string it is exact)
  ["serial", "9007199254740993", true], ["serial", "9007199254740994", false], ["serial", 9007199254740992, true],
  // A Date's maximum, compared as its text
  ["day", "2030-12-31", true], ["day", "2031-01-01", false],
  // MinItems 1, Minimum 1 and Maximum 10 on each item
  ["scores", [1, 10], true], ["scores", [], false], ["scores", [0], false], ["scores", [11], false],
  // MultipleOf 2 on an Int64 (a digit string beyond 2^53 too), and 0.05 on a Decimal, exactly (0.15 is no double's multiple of 0.05, but a decimal's)
  ["even", 4, true], ["even", 3, false], ["even", "9007199254740994", true], ["even", "9007199254740995", false], ["even", 0, true], ["even", -6, true],
  ["price", 0.15, true], ["price", "19.95", true], ["price", 0.07, false], ["price", "1e-1", true], ["price", "1.23E-1", false], ["price", "1.25e1", true],
  // A DateTimeOffset's minimum, compared as instants (any offset)
  ["since", "2020-01-01T00:00:00Z", true], ["since", "2020-01-01T01:00:00+02:00", false], ["since", "2019-12-31T23:00:00-01:00", true],
];

describe("values against the Validation vocabulary's constraints", () => {
  test.each(rows)("%s = %j → valid %s", (property, value, valid) => {
    const result = tv.validateItem({ id: 1, [property]: value });
    // One error, at the property or at the item of it that breaks the constraint.
    expect(result.errors.map((e) => e.path.replace(/^(\/[^/]+)\/\d+$/, "$1"))).toEqual(valid ? [] : [`/${property}`]);
    expect(tv.isItem({ id: 1, [property]: value })).toBe(valid);
  });

  test("messages name the constraint and its bound; a value of the wrong type is reported once, as before", () => {
    const messages = (o: object) => tv.validateItem({ id: 1, ...o }).errors.map((e) => `${e.path}: ${e.message}`);
    expect(messages({ quantity: -1, epsilon: 0, email: "x", size: "L", tags: ["a", "b", "c"], serial: "9007199254740994", since: "2019-01-01T00:00:00Z" })).toEqual([
      "/quantity: less than its Validation.Minimum 0",
      "/epsilon: not greater than its exclusive Validation.Minimum 0",
      "/email: not matching its Validation.Pattern ^.+@.+\\..+$",
      '/size: not one of its Validation.AllowedValues ("S", "M")',
      "/serial: greater than its Validation.Maximum 9007199254740993",
      "/since: less than its Validation.Minimum 2020-01-01T00:00:00Z",
      "/tags: 3 items, more than its Validation.MaxItems 2",
    ]);
    expect(messages({ even: 3, price: "0.07" })).toEqual(["/even: not a multiple of its Validation.MultipleOf 2", "/price: not a multiple of its Validation.MultipleOf 0.05"]);
    expect(messages({ quantity: "abc", size: 5 })).toEqual(['/quantity: expected Edm.Decimal, got "abc"', "/size: expected Edm.String, got number 5"]);
    // Each constraint once, whether the type definition's checker or the property's checks it.
    expect(messages({ discount: 101, share: -1 })).toEqual(["/discount: greater than its Validation.Maximum 100", "/share: less than its Validation.Minimum 0"]);
    const [error] = tv.validateItem({ id: 1, epsilon: 2 }).errors;
    expect(error?.expected).toBe("Edm.Double at most 1");
  });
});

test("a type definition's checker checks its own constraints (checkerFor), a property of it once each", () => {
  const check = (typeName: string, value: unknown) => vr.run(tc.checkerFor(typeName)!, value).errors.map((e) => e.message);
  expect(check("Terms.Shop.Ean", "4006381333931")).toEqual([]);
  expect(check("Terms.Shop.Ean", "12")).toEqual(["not matching its Validation.Pattern ^[0-9]{13}$"]);
  expect(check("Terms.Shop.Percent", 101)).toEqual(["greater than its Validation.Maximum 100"]);
  expect(check("Terms.Shop.Percent", 7)).toEqual([]);
});

describe("Validation.DerivedTypeConstraint", () => {
  const errors = (o: object, options?: { mode: "update" }) => tv.validateItem({ id: 1, ...o }, options).errors.map((e) => `${e.path}: ${e.message}`);

  test("a complex property's and a navigation property's values: the listed types and their subtypes pass, any other is reported once", () => {
    expect(errors({ payment: { "@odata.type": "#Terms.Shop.Card", last4: "1234" } })).toEqual([]);
    expect(errors({ payment: { "@odata.type": "#Shop.GiftCard", code: "x" } })).toEqual([]);
    expect(errors({ payment: { "@odata.type": "#Terms.Shop.Transfer", iban: "DE00" } })).toEqual([
      "/payment/@odata.type: #Terms.Shop.Transfer is not one of the types its Validation.DerivedTypeConstraint allows (Terms.Shop.Card, Terms.Shop.Voucher, Terms.Shop.GiftCard)",
    ]);
    // Not a subtype at all: the constraint's one error, not also the declared type's.
    expect(errors({ payment: { "@odata.type": "#Terms.Shop.Nothing" } })).toHaveLength(1);
    // An allowed type's value is checked as that type.
    expect(errors({ payment: { "@odata.type": "#Terms.Shop.Card", last4: 4 } })).toEqual(["/payment/last4: expected Edm.String, got number 4"]);
    expect(errors({ owners: [{ "@odata.type": "#Terms.Shop.Person", id: 1 }, { "@odata.type": "#Terms.Shop.Company", id: 2 }, { id: 3 }] })).toEqual([
      "/owners/1/@odata.type: #Terms.Shop.Company is not one of the types its Validation.DerivedTypeConstraint allows (Terms.Shop.Person)",
      // Without @odata.type, a Party (JSON Format §4.5.3), which the constraint leaves out; a PATCH's is the entity the service has.
      "/owners/2: without @odata.type the value is a Terms.Shop.Party, which its Validation.DerivedTypeConstraint leaves out: name one of Terms.Shop.Person",
    ]);
    expect(errors({ owners: [{ id: 3 }] }, { mode: "update" })).toEqual([]);
    expect(tv.isItem({ id: 1, owners: [{ "@odata.type": "#Terms.Shop.Party", id: 2 }] })).toBe(false);
    expect(tv.isItem({ id: 1, owners: [{ "@odata.type": "#Terms.Shop.Person", id: 2 }] })).toBe(true);
  });

  const xml = (types: string, annotation: string) => `<?xml version="1.0"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="N" Alias="A" xmlns="http://docs.oasis-open.org/odata/ns/edm">${types}
<ComplexType Name="Base"/><ComplexType Name="One" BaseType="N.Base"/><ComplexType Name="Two" BaseType="N.Base"/><ComplexType Name="Other"/>
<EntityType Name="E"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/>
<Property Name="p" Type="N.Base"><Annotation Term="Org.OData.Validation.V1.DerivedTypeConstraint">${annotation}</Annotation></Property></EntityType>
<EntityContainer Name="C"><EntitySet Name="Es" EntityType="N.E"/></EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`;
  const run = (annotation: string, more: Parameters<typeof generate>[0] extends infer O ? Partial<O> : never = {}) => generate({ inputs: [{ file: "n.xml", content: xml("", annotation) }], ...more });

  test("a list that leaves no type, or no list, is a warning at the annotation and checks nothing; a name no type has a note; Edm.ComplexType allows all", () => {
    const warned = (annotation: string) => {
      const r = run(annotation);
      return [r.diagnostics.filter((d) => d.code === "ODG102").map((d) => `${d.line} ${d.path}: ${d.message}`), (r.files.get("N.validators.ts") ?? "").includes("vr.derivedType")] as const;
    };
    // A name the model lacks is ignored, with a note (Graph v1.0 lists types of its beta).
    const unknown = run("<Collection><String>A.One</String><String>N.Nope</String></Collection>");
    expect(unknown.diagnostics.filter((d) => d.code === "ODG102").map((d) => `${d.severity} ${d.line}: ${d.message}`)).toEqual([
      'info 6: DerivedTypeConstraint names "N.Nope", no type of the model; that name is ignored',
    ]);
    expect(unknown.files.get("N.validators.ts")).toContain('SERVICE, ["N.One"], "N.Base")');
    expect(warned("<Collection><String>N.Other</String></Collection>")).toEqual([
      ["6 N.E/p/@Org.OData.Validation.V1.DerivedTypeConstraint: DerivedTypeConstraint allows no type derived from N.Base; it is not checked"],
      false,
    ]);
    expect(warned('<String>N.One</String>')).toEqual([
      ["6 N.E/p/@Org.OData.Validation.V1.DerivedTypeConstraint: DerivedTypeConstraint is no collection of qualified type names; it is not checked"],
      false,
    ]);
    expect(warned("<Collection><String>Edm.ComplexType</String></Collection>")).toEqual([[], false]);
    // Listing every subtype (the declared type's base included) restricts nothing.
    expect(warned("<Collection><String>N.Base</String></Collection>")).toEqual([[], false]);
  });

  test("a path's cast after a constrained navigation property to a type none of its values is, selects none: odatagen url's problem", () => {
    const model = generate({ inputs: [{ file: "constraints.xml", content: fs.readFileSync(path.join(FIXTURES_DIR, "constraints.xml"), "utf8") }] }).model;
    const problem = (url: string) => {
      const r = resolvePath(url, pathModel(model));
      return r.ok ? "ok" : r.problem;
    };
    expect(problem("/Items(1)/owners/Terms.Shop.Person")).toBe("ok");
    expect(problem("/Items(1)/owners/Shop.Company")).toBe("/Items(1)/owners/Shop.Company: owners holds only Terms.Shop.Person values (Validation.DerivedTypeConstraint): a cast to Terms.Shop.Company selects none");
    // A cast to a base type of an allowed one selects those.
    expect(problem("/Items(1)/owners/Terms.Shop.Party")).toBe("ok");
  });

  test("a slice checks what the whole service allows, and warns only of what it keeps", () => {
    const r = run("<Collection><String>N.Two</String></Collection>", { include: ["N.E"] });
    expect([...r.model.types.keys()]).not.toContain("N.Two");
    expect(r.files.get("N.validators.ts")).toContain('vr.derivedType(v, ctx, key, checkBase, SERVICE, ["N.Two"], "N.Base")');
    expect(r.diagnostics.filter((d) => d.code === "ODG102")).toEqual([]);
  });
});

describe("reading the annotations", () => {
  const xml = (property: string) => `<?xml version="1.0"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Validation.V1.xml"><edmx:Include Namespace="Org.OData.Validation.V1" Alias="Validation"/></edmx:Reference><edmx:DataServices>
<Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm"><ComplexType Name="T">${property}</ComplexType></Schema></edmx:DataServices></edmx:Edmx>`;
  const run = (content: string, file = "n.xml") => generate({ inputs: [{ file, content }] });
  const validators = (r: ReturnType<typeof run>) => r.files.get("N.validators.ts") ?? "";

  test("Exclusive nested in CSDL JSON, before or after the annotation it annotates, and by an alias in XML", () => {
    const json = (members: string) =>
      JSON.stringify({ $Version: "4.0", N: { T: { $Kind: "ComplexType", x: { $Type: "Edm.Int32", ...JSON.parse(`{${members}}`) } } } });
    const after = validators(run(json('"@Org.OData.Validation.V1.Minimum": 0, "@Org.OData.Validation.V1.Minimum@Org.OData.Validation.V1.Exclusive": true'), "n.json"));
    const before = validators(run(json('"@Org.OData.Validation.V1.Maximum@Org.OData.Validation.V1.Exclusive": true, "@Org.OData.Validation.V1.Maximum": 9'), "n.json"));
    expect(after).toContain('{ kind: "number", min: 0, minExclusive: true }');
    expect(before).toContain('{ kind: "number", max: 9, maxExclusive: true }');
    const aliased = validators(run(xml('<Property Name="x" Type="Edm.Int32"><Annotation Term="Validation.Minimum" Int="5"><Annotation Term="Validation.Exclusive"/></Annotation></Property>')));
    expect(aliased).toContain('{ kind: "number", min: 5, minExclusive: true }');
  });

  test("what cannot be checked is a warning at the annotation, and is left out", () => {
    const r = run(xml([
      '<Property Name="a" Type="Edm.String"><Annotation Term="Validation.Pattern" String="(unclosed"/></Property>',
      '<Property Name="b" Type="Edm.Boolean"><Annotation Term="Validation.Minimum" Int="1"/></Property>',
      '<Property Name="c" Type="Edm.Int32"><Annotation Term="Validation.Maximum" String="ten"/></Property>',
      '<Property Name="d" Type="Edm.Int32"><Annotation Term="Validation.MaxItems" Int="3"/></Property>',
      '<Property Name="e" Type="Edm.Int32"><Annotation Term="Validation.AllowedValues"><Collection><String>x</String></Collection></Annotation></Property>',
      '<Property Name="f" Type="Edm.Int32"><Annotation Term="Validation.MultipleOf" Decimal="0"/></Property>',
    ].join("\n")));
    expect(r.diagnostics.filter((d) => d.code === "ODG102").map((d) => `${d.line} ${d.message}`)).toEqual([
      '3 Pattern "(unclosed" is no ECMAScript regular expression (with the u flag); it is not checked',
      "4 Minimum applies to numbers, dates and times; Edm.Boolean is none; it is not checked",
      "5 Maximum is no number; it is not checked",
      "6 MaxItems applies to collections; this is a single value; it is not checked",
      "7 AllowedValues is no collection of records with a Value of Edm.Int32; it is not checked",
      "8 MultipleOf is no positive decimal; it is not checked",
    ]);
    expect(validators(r)).not.toContain("vr.constrained");
    expect(validators(r)).not.toContain("vr.itemCount");
  });

  test("a property's own constraint that cannot be checked leaves its type definition's of that term to check", () => {
    const doc = xml('<Property Name="x" Type="N.Percent"><Annotation Term="Validation.Maximum" String="ten"/></Property>').replace(
      '<ComplexType Name="T">',
      '<TypeDefinition Name="Percent" UnderlyingType="Edm.Int32"><Annotation Term="Validation.Minimum" Int="0"/><Annotation Term="Validation.Maximum" Int="100"/></TypeDefinition><ComplexType Name="T">',
    );
    const r = run(doc);
    expect(r.diagnostics.filter((d) => d.code === "ODG102").map((d) => [d.path, d.message])).toEqual([["N.T/x/@Org.OData.Validation.V1.Maximum", "Maximum is no number; it is not checked"]]);
    // The property is checked by checkPercent, both bounds, as a property of Percent without annotations of its own is.
    expect(validators(r)).toContain('vr.p(o["x"], ctx, "x", checkPercent, vr.NULLABLE');
    expect(validators(r)).toContain('{ kind: "number", min: 0, max: 100 }');
  });

  test("hostile shapes: 50,000 annotations of annotations on one property, a value of 100,000 digits", () => {
    const members = Array.from({ length: 50_000 }, (_, i) => `"@Org.OData.Validation.V1.Minimum#q${i}@Org.OData.Validation.V1.Exclusive": true, "@Org.OData.Validation.V1.Minimum#q${i}": 1`).join(", ");
    const content = `{ "$Version": "4.0", "N": { "T": { "$Kind": "ComplexType", "x": { "$Type": "Edm.Int32", ${members}, "@Org.OData.Validation.V1.Minimum": 0 } } } }`;
    const r = generate({ inputs: [{ file: "n.json", content }] });
    const t = r.model.types.get("N.T");
    const x = t?.kind === "complex" ? t.properties[0] : undefined;
    expect(x?.annotations.length).toBe(50_001);
    expect(x?.annotations.filter((a) => a.annotations?.length === 1).length).toBe(50_000);
    // The digits are more than MultipleOf computes exactly: not checked, and no error.
    expect(tv.validateItem({ id: 1, price: `1${"0".repeat(100_000)}` }).errors).toEqual([]);
    expect(tv.validateItem({ id: 1, price: `1${"0".repeat(900)}.01` }).errors.map((e) => e.message)).toEqual(["not a multiple of its Validation.MultipleOf 0.05"]);
  });

  test("a qualified annotation (for a context a validator does not know) checks nothing", () => {
    const r = run(xml('<Property Name="x" Type="Edm.Int32"><Annotation Term="Validation.Minimum" Qualifier="Draft" Int="5"/></Property>'));
    expect(validators(r)).not.toContain("vr.constrained");
  });
});
