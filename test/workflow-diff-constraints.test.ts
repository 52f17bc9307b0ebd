/**
 * `odatagen diff` on a property's Validation vocabulary constraints (diff/constraints.ts): one the
 * generated validators now refuse more values by breaks a client that writes such values; one
 * that refuses fewer, or was taken away, does not.
 */
import { compareSummaries } from "../generator/diff/compare";
import { constraintChanges } from "../generator/diff/constraints";
import { loadSummary } from "../generator/diff/load";
import { summaryFromJson, summaryToJson } from "../generator/diff/summary";
import { scratch } from "./helpers/cli";
import { entity, one, writeDoc } from "./helpers/diff";

const V = "Org.OData.Validation.V1";
const prop = (type: string, annotations = "") => entity(`<Property Name="p" Type="${type}">${annotations}</Property>`);
const min = (value: string, exclusive = false) => `<Annotation Term="${V}.Minimum" Decimal="${value}">${exclusive ? `<Annotation Term="${V}.Exclusive"/>` : ""}</Annotation>`;
const max = (value: string) => `<Annotation Term="${V}.Maximum" Decimal="${value}"/>`;
const term = (name: string, attr: string) => `<Annotation Term="${V}.${name}" ${attr}/>`;
const allowed = (...values: string[]) =>
  `<Annotation Term="${V}.AllowedValues"><Collection>${values.map((v) => `<Record><PropertyValue Property="Value" String="${v}"/></Record>`).join("")}</Collection></Annotation>`;

test("Minimum and Maximum: moved inward, added or made exclusive breaks; moved outward or taken away does not", () => {
  expect(one(prop("Edm.Decimal", min("0")), prop("Edm.Decimal", min("1")))).toEqual([["changed", "d.t/p", "Validation.Minimum 0 → 1 (narrowed)", true]]);
  expect(one(prop("Edm.Decimal", min("1")), prop("Edm.Decimal", min("0.5")))).toEqual([["changed", "d.t/p", "Validation.Minimum 1 → 0.5 (widened)", false]]);
  expect(one(prop("Edm.Decimal", min("0")), prop("Edm.Decimal", min("0", true)))).toEqual([["changed", "d.t/p", "Validation.Minimum 0 → 0 (exclusive) (narrowed)", true]]);
  expect(one(prop("Edm.Decimal"), prop("Edm.Decimal", max("100")))).toEqual([["changed", "d.t/p", "Validation.Maximum none → 100 (narrowed)", true]]);
  expect(one(prop("Edm.Decimal", max("100")), prop("Edm.Decimal", max("99.5")))).toEqual([["changed", "d.t/p", "Validation.Maximum 100 → 99.5 (narrowed)", true]]);
  expect(one(prop("Edm.Decimal", max("100")), prop("Edm.Decimal"))).toEqual([["changed", "d.t/p", "Validation.Maximum 100 → none (widened)", false]]);
  // Unchanged: no change at all.
  expect(one(prop("Edm.Decimal", min("0") + max("1")), prop("Edm.Decimal", min("0") + max("1")))).toEqual([]);
});

test("Pattern, AllowedValues, MultipleOf, MinItems and MaxItems", () => {
  expect(one(prop("Edm.String"), prop("Edm.String", term("Pattern", 'String="^[a-z]+$"')))).toEqual([["changed", "d.t/p", 'Validation.Pattern none → "^[a-z]+$" (narrowed)', true]]);
  expect(one(prop("Edm.String", term("Pattern", 'String="^[a-z]+$"')), prop("Edm.String"))).toEqual([["changed", "d.t/p", 'Validation.Pattern "^[a-z]+$" → none (widened)', false]]);
  expect(one(prop("Edm.String", allowed("S", "M")), prop("Edm.String", allowed("S", "M", "L")))).toEqual([["changed", "d.t/p", 'Validation.AllowedValues ("S", "M") → ("S", "M", "L") (widened)', false]]);
  expect(one(prop("Edm.String", allowed("S", "M")), prop("Edm.String", allowed("S")))).toEqual([["changed", "d.t/p", 'Validation.AllowedValues ("S", "M") → ("S") (narrowed)', true]]);
  // 0.10 → 0.05: every multiple of 0.10 is one of 0.05; the other way not.
  expect(one(prop("Edm.Decimal", term("MultipleOf", 'Decimal="0.10"')), prop("Edm.Decimal", term("MultipleOf", 'Decimal="0.05"')))).toEqual([["changed", "d.t/p", "Validation.MultipleOf 0.10 → 0.05 (widened)", false]]);
  expect(one(prop("Edm.Decimal", term("MultipleOf", 'Decimal="0.05"')), prop("Edm.Decimal", term("MultipleOf", 'Decimal="0.10"')))).toEqual([["changed", "d.t/p", "Validation.MultipleOf 0.05 → 0.10 (narrowed)", true]]);
  expect(one(prop("Collection(Edm.String)", term("MaxItems", 'Int="5"')), prop("Collection(Edm.String)", term("MaxItems", 'Int="3"') + term("MinItems", 'Int="1"')))).toEqual([
    ["changed", "d.t/p", "Validation.MinItems none → 1 (narrowed)", true],
    ["changed", "d.t/p", "Validation.MaxItems 5 → 3 (narrowed)", true],
  ]);
});

test("DerivedTypeConstraint on a property and a navigation property: a type no longer allowed, or the constraint added, breaks; a type allowed more does not", () => {
  const hierarchy = [
    '<ComplexType Name="B"/><ComplexType Name="C1" BaseType="d.B"/><ComplexType Name="C2" BaseType="d.B"/>',
    '<EntityType Name="e"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>',
    '<EntityType Name="e1" BaseType="d.e"/><EntityType Name="e2" BaseType="d.e"/>',
  ].join("");
  const only = (...types: string[]) => `<Annotation Term="${V}.DerivedTypeConstraint"><Collection>${types.map((t) => `<String>${t}</String>`).join("")}</Collection></Annotation>`;
  const doc = (p: string, n: string) => hierarchy + entity(`<Property Name="p" Type="d.B">${p}</Property>`, `<NavigationProperty Name="n" Type="Collection(d.e)">${n}</NavigationProperty>`);
  expect(one(doc(only("d.C1", "d.C2"), only("d.e1")), doc(only("d.C1"), only("d.e1", "d.e2")))).toEqual([
    ["changed", "d.t/p", "Validation.DerivedTypeConstraint: d.C2 no longer allowed (narrowed)", true],
    ["changed", "d.t/n", "Validation.DerivedTypeConstraint: d.e2 allowed (widened)", false],
  ]);
  expect(one(doc("", ""), doc("", only("d.e2")))).toEqual([["changed", "d.t/n", "Validation.DerivedTypeConstraint added: only d.e2 (narrowed)", true]]);
  expect(one(doc(only("d.C2"), ""), doc("", ""))).toEqual([["changed", "d.t/p", "Validation.DerivedTypeConstraint removed: any type (widened)", false]]);
  expect(one(doc(only("d.C2"), only("d.e1")), doc(only("d.C2"), only("d.e1")))).toEqual([]);
  // A summary of format 8 recorded none: not compared.
  const dir = scratch();
  const a = loadSummary([writeDoc(dir, "a.xml", doc(only("d.C1", "d.C2"), ""))]);
  const b = loadSummary([writeDoc(dir, "b.xml", doc(only("d.C1"), ""))]);
  expect(compareSummaries(a, b).changes).toHaveLength(1);
  expect(compareSummaries({ ...summaryFromJson(summaryToJson(a)), format: 8 }, b).changes).toEqual([]);
});

test("bounds compare exactly: integers beyond 2^53, decimals with exponents, instants in any offset", () => {
  const bound = (value: number | string, exclusive = false) => ({ value, exclusive });
  expect(constraintChanges({ kind: "number", maximum: bound("9007199254740993") }, { kind: "number", maximum: bound("9007199254740992") })).toEqual([
    { detail: "Validation.Maximum 9007199254740993 → 9007199254740992 (narrowed)", narrowed: true },
  ]);
  expect(constraintChanges({ kind: "number", minimum: bound(1e-7) }, { kind: "number", minimum: bound(0.0000002) })[0]?.narrowed).toBe(true);
  expect(constraintChanges({ kind: "instant", minimum: bound("2020-01-01T00:00:00Z") }, { kind: "instant", minimum: bound("2020-01-01T01:00:00+02:00") })[0]?.narrowed).toBe(false);
});

test("not compared with a summary of format 7, kept by a version that recorded no constraints", () => {
  const dir = scratch();
  const a = loadSummary([writeDoc(dir, "a.xml", prop("Edm.Decimal", min("0")))]);
  const b = loadSummary([writeDoc(dir, "b.xml", prop("Edm.Decimal", min("1")))]);
  expect(compareSummaries(a, b).changes.map((c) => c.detail)).toEqual(["Validation.Minimum 0 → 1 (narrowed)"]);
  const older = { ...summaryFromJson(summaryToJson(a)), format: 7 };
  expect(compareSummaries(older, b).changes).toEqual([]);
});

test("an operation's parameter: a narrowed constraint breaks; its return type's never does (a client reading a narrower result is not broken)", () => {
  const op = (param: string, result: string) =>
    `<Action Name="a"><Parameter Name="n" Type="Edm.Decimal">${param}</Parameter><ReturnType Type="Collection(Edm.Decimal)">${result}</ReturnType></Action>` +
    '<EntityContainer Name="C"><ActionImport Name="a" Action="d.a"/></EntityContainer>';
  expect(one(op(min("0"), ""), op(min("1"), ""))).toEqual([["changed", "d.a()/n", "Validation.Minimum 0 → 1 (narrowed)", true]]);
  expect(one(op(min("1"), ""), op("", ""))).toEqual([["changed", "d.a()/n", "Validation.Minimum 1 → none (widened)", false]]);
  expect(one(op("", term("MaxItems", 'Int="3"')), op("", term("MaxItems", 'Int="2"') + max("5")))).toEqual([
    ["changed", "d.a()", "return value Validation.Maximum none → 5 (narrowed)", false],
    ["changed", "d.a()", "return value Validation.MaxItems 3 → 2 (narrowed)", false],
  ]);
  expect(one(op("", max("5")), op("", max("9")))).toEqual([["changed", "d.a()", "return value Validation.Maximum 5 → 9 (widened)", false]]);
  // Not compared with a summary of format 13, which recorded none on operations.
  const dir = scratch();
  const a = loadSummary([writeDoc(dir, "a.xml", op(min("0"), max("5")))]);
  const b = loadSummary([writeDoc(dir, "b.xml", op(min("1"), max("4")))]);
  expect(compareSummaries(a, b).changes).toHaveLength(2);
  expect(compareSummaries({ ...summaryFromJson(summaryToJson(a)), format: 13 }, b).changes).toEqual([]);
});

test("a use of a type definition: its constraints compared only between summaries of format 15 or later (format 14 was written by builds where an own constraint that cannot be checked hid its type definition's)", () => {
  const dir = scratch();
  const percent = `<TypeDefinition Name="Percent" UnderlyingType="Edm.Decimal">${min("0")}</TypeDefinition>`;
  const b = loadSummary([writeDoc(dir, "b.xml", percent + prop("d.Percent", `<Annotation Term="${V}.Minimum" String="x"/>`))]);
  expect(b.format).toBe(15);
  // The same metadata as a build before format 15 summarised it: the unreadable Minimum hid the type definition's.
  const json = JSON.parse(summaryToJson(b)) as { types: Record<string, { properties: Record<string, { constraints?: unknown }> }> };
  expect(json.types["d.t"]!.properties["p"]!.constraints).toEqual({ kind: "number", minimum: { value: 0, exclusive: false } });
  delete json.types["d.t"]!.properties["p"]!.constraints;
  const older = { ...summaryFromJson(JSON.stringify(json)), format: 14 };
  expect(compareSummaries(older, b).changes).toEqual([]);
  // Between two summaries of format 15, and for a use of a primitive type with format 14, still compared.
  const c = loadSummary([writeDoc(dir, "c.xml", percent + prop("d.Percent", min("1")))]);
  expect(compareSummaries(b, c).changes.map((x) => x.detail)).toEqual(["Validation.Minimum 0 → 1 (narrowed)"]);
  const d = loadSummary([writeDoc(dir, "d.xml", prop("Edm.Decimal", min("0")))]);
  const e = loadSummary([writeDoc(dir, "e.xml", prop("Edm.Decimal", min("1")))]);
  expect(compareSummaries({ ...summaryFromJson(summaryToJson(d)), format: 14 }, e).changes.map((x) => x.detail)).toEqual(["Validation.Minimum 0 → 1 (narrowed)"]);
});
