/**
 * `odatagen diff` on Core.Computed and Core.Immutable: the generated validators refuse a computed
 * property in create and update bodies and an immutable one in update bodies, so a property that
 * gains either breaks a client that sets it; one that loses it does not. Core.Permissions `Read`
 * alone (read-only) is refused as a computed one is (summary format 10); `Write` alone (write-only)
 * makes a non-nullable property's read optional (summary format 12).
 */
import { compareSummaries } from "../generator/diff/compare";
import { loadSummary } from "../generator/diff/load";
import { summaryFromJson, summaryToJson } from "../generator/diff/summary";
import { generate } from "../generator/generate";
import { scratch } from "./helpers/cli";
import { entity, one, wrap, writeDoc } from "./helpers/diff";

const CORE = "Org.OData.Core.V1";
const p = (annotations = "") => entity(`<Property Name="p" Type="Edm.String">${annotations}</Property>`);
const tag = (term: string) => `<Annotation Term="${CORE}.${term}"/>`;
/** The annotation given from outside, through `<Annotations Target="d.t/p">`. */
const targeted = (term: string) => p() + `<Annotations Target="d.t/p">${tag(term)}</Annotations>`;

test("a property that became Core.Computed or Core.Immutable breaks (inline or through Annotations Target); losing it does not", () => {
  const computed = "became Core.Computed: the generated validators refuse it in create and update bodies";
  const immutable = "became Core.Immutable: the generated validators refuse it in update bodies";
  expect(one(p(), p(tag("Computed")))).toEqual([["changed", "d.t/p", computed, true]]);
  expect(one(p(), targeted("Computed"))).toEqual([["changed", "d.t/p", computed, true]]);
  expect(one(p(), p(tag("Immutable")))).toEqual([["changed", "d.t/p", immutable, true]]);
  expect(one(p(), targeted("Immutable"))).toEqual([["changed", "d.t/p", immutable, true]]);
  // A Tag term with the value false does not apply.
  expect(one(p(), p(`<Annotation Term="${CORE}.Computed" Bool="false"/>`))).toEqual([]);

  // The term itself does not break; d.t's write type, which only it made, goes (workflow-diff-write-types.test.ts).
  const inputGone = (input: string) => ["changed", "d.t", `its write type …${input} in the requests module is gone (now none): code naming it no longer compiles`, true];
  expect(one(p(tag("Computed")), p())).toEqual([inputGone("Input"), ["changed", "d.t/p", "no longer Core.Computed: it may be sent", false]]);
  expect(one(targeted("Immutable"), p())).toEqual([inputGone("UpdateInput"), ["changed", "d.t/p", "no longer Core.Immutable: it may be changed", false]]);
  // Computed already kept it out of updates: Immutable refuses nothing more.
  expect(one(p(tag("Computed")), p(tag("Computed") + tag("Immutable")))).toEqual([["changed", "d.t/p", immutable, false]]);
});

test("the generated validators do read both terms, also through Annotations Target", () => {
  const { files } = generate({ inputs: [{ file: "s.xml", content: wrap(targeted("Computed").replace("</EntityType>", `<Property Name="q" Type="Edm.String">${tag("Immutable")}</Property></EntityType>`)) }], requests: false });
  const validators = files.get("d.validators.ts") ?? "";
  expect(validators).toMatch(/vr\.p\(o\["p"\], ctx, "p", [^\n]*vr\.COMPUTED/);
  expect(validators).toMatch(/vr\.p\(o\["q"\], ctx, "q", [^\n]*vr\.IMMUTABLE/);
});

test("a summary kept by an older version (format 1) does not report every computed property as new", () => {
  const dir = scratch();
  const a = writeDoc(dir, "a.xml", p(tag("Computed")));
  const kept = JSON.parse(summaryToJson(loadSummary([a]))) as { format?: number; types: Record<string, { properties: Record<string, { computed?: true }> }> };
  expect(kept.types["d.t"].properties.p.computed).toBe(true);
  delete kept.format;
  delete kept.types["d.t"].properties.p.computed;
  expect(compareSummaries(summaryFromJson(JSON.stringify(kept)), loadSummary([a])).changes).toEqual([]);
});

test("a property that became read-only by Core.Permissions (Read alone) breaks as a computed one does; losing it, or a summary of format 9, does not", () => {
  const permissions = (value: string) => `<Annotation Term="${CORE}.Permissions"><EnumMember>${value}</EnumMember></Annotation>`;
  const readOnly = permissions(`${CORE}.Permission/Read`);
  expect(one(p(), p(readOnly))).toEqual([["changed", "d.t/p", "became read-only (Core.Permissions Read): the generated validators refuse it in create and update bodies", true]]);
  expect(one(p(permissions(`${CORE}.Permission/ReadWrite`)), p(readOnly))).toEqual([
    ["changed", "d.t/p", "became read-only (Core.Permissions Read): the generated validators refuse it in create and update bodies", true],
  ]);
  // d.t's write type, which only it made, goes (workflow-diff-write-types.test.ts).
  expect(one(p(readOnly), p(permissions(`${CORE}.Permission/ReadWrite`)))).toEqual([
    ["changed", "d.t", "its write type …Input in the requests module is gone (now none): code naming it no longer compiles", true],
    ["changed", "d.t/p", "no longer read-only (Core.Permissions): it may be sent", false],
  ]);
  // Computed already refused it.
  expect(one(p(tag("Computed")), p(tag("Computed") + readOnly))).toEqual([
    ["changed", "d.t/p", "became read-only (Core.Permissions Read): the generated validators refuse it in create and update bodies", false],
  ]);
  // A new non-nullable one is sent by no body.
  const added = entity(`<Property Name="p" Type="Edm.String"/><Property Name="r" Type="Edm.String" Nullable="false">${readOnly}</Property>`);
  expect(one(p(), added)).toEqual([["added", "d.t/r", "property added: Edm.String, not nullable: read-only (Core.Permissions), so no create or replace body sends it", false]]);
  const dir = scratch();
  const [a, b] = [writeDoc(dir, "a.xml", p()), writeDoc(dir, "b.xml", p(readOnly))];
  const old = JSON.parse(summaryToJson(loadSummary([a]))) as { format?: number };
  old.format = 9;
  expect(compareSummaries(summaryFromJson(JSON.stringify(old)), loadSummary([b])).changes).toEqual([]);
});

test("a non-nullable property that became write-only by Core.Permissions (Write alone) breaks its readers, whose read of it is optional; a nullable one, losing it, or a summary of format 11, does not", () => {
  const writeOnly = `<Annotation Term="${CORE}.Permissions" EnumMember="${CORE}.Permission/Write"/>`;
  const required = (annotations = "") => entity(`<Property Name="p" Type="Edm.String" Nullable="false">${annotations}</Property>`);
  expect(one(required(), required(writeOnly))).toEqual([["changed", "d.t/p", "became write-only (Core.Permissions Write): reads do not hold it, and its read is optional", true]]);
  expect(one(p(), p(writeOnly))).toEqual([["changed", "d.t/p", "became write-only (Core.Permissions Write): reads do not hold it", false]]);
  expect(one(required(writeOnly), required())).toEqual([["changed", "d.t/p", "no longer write-only (Core.Permissions): reads hold it", false]]);
  const dir = scratch();
  const [a, b] = [writeDoc(dir, "a.xml", required()), writeDoc(dir, "b.xml", required(writeOnly))];
  const old = JSON.parse(summaryToJson(loadSummary([a]))) as { format?: number };
  old.format = 11;
  expect(compareSummaries(summaryFromJson(JSON.stringify(old)), loadSummary([b])).changes).toEqual([]);
});
