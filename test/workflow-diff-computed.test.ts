/**
 * `odatagen diff` on Core.Computed and Core.Immutable: the generated validators refuse a computed
 * property in create and update bodies and an immutable one in update bodies, so a property that
 * gains either breaks a client that sets it; one that loses it does not.
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

  expect(one(p(tag("Computed")), p())).toEqual([["changed", "d.t/p", "no longer Core.Computed: it may be sent", false]]);
  expect(one(targeted("Immutable"), p())).toEqual([["changed", "d.t/p", "no longer Core.Immutable: it may be changed", false]]);
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
