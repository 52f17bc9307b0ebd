/**
 * `odatagen diff` on facets (CSDL §7.2): narrowing what the generated validators check breaks a
 * client that writes such values; widening, and facets the validators do not check, do not.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { compareSummaries } from "../generator/diff/compare";
import { facetChanges } from "../generator/diff/facets";
import { loadSummary } from "../generator/diff/load";
import { summaryFromJson, summaryToJson, type FacetSummary } from "../generator/diff/summary";
import * as vr from "../templates/static/validation";
import { runCli, scratch } from "./helpers/cli";
import { entity, one, writeDoc } from "./helpers/diff";

const prop = (type: string, facets = "") => entity(`<Property Name="p" Type="${type}"${facets ? ` ${facets}` : ""}/>`);

test("Decimal Precision and Scale: narrowed breaks, widened does not", () => {
  expect(one(prop("Edm.Decimal", 'Precision="10" Scale="2"'), prop("Edm.Decimal", 'Precision="5" Scale="2"'))).toEqual([["changed", "d.t/p", "Precision 10 → 5 (narrowed)", true]]);
  expect(one(prop("Edm.Decimal", 'Precision="5" Scale="2"'), prop("Edm.Decimal", 'Precision="10" Scale="2"'))).toEqual([["changed", "d.t/p", "Precision 5 → 10 (widened)", false]]);
  expect(one(prop("Edm.Decimal", 'Precision="10" Scale="2"'), prop("Edm.Decimal", 'Precision="10" Scale="1"'))).toEqual([["changed", "d.t/p", "Scale 2 → 1 (narrowed)", true]]);
  // A larger Scale at the same Precision leaves fewer digits before the point: 12345678.9 is refused.
  expect(one(prop("Edm.Decimal", 'Precision="10" Scale="2"'), prop("Edm.Decimal", 'Precision="10" Scale="4"'))).toEqual([["changed", "d.t/p", "Scale 2 → 4 (narrowed)", true]]);
  expect(one(prop("Edm.Decimal", 'Precision="10" Scale="2"'), prop("Edm.Decimal", 'Precision="12" Scale="4"'))).toEqual([["changed", "d.t/p", "Precision 10 → 12, Scale 2 → 4 (widened)", false]]);
  expect(one(prop("Edm.Decimal"), prop("Edm.Decimal", 'Precision="10"'))).toEqual([["changed", "d.t/p", "Precision none → 10 (narrowed)", true]]);
  expect(one(prop("Edm.Decimal", 'Precision="10" Scale="floating"'), prop("Edm.Decimal", 'Precision="10" Scale="variable"'))).toEqual([
    ["changed", "d.t/p", "Scale floating → variable (narrowed)", true],
  ]);
});

test("fractional seconds: a smaller Precision of DateTimeOffset, TimeOfDay or Duration breaks", () => {
  for (const type of ["Edm.DateTimeOffset", "Edm.TimeOfDay", "Edm.Duration"]) {
    expect(one(prop(type, 'Precision="7"'), prop(type, 'Precision="3"'))).toEqual([["changed", "d.t/p", "Precision 7 → 3 (narrowed)", true]]);
    expect(one(prop(type, 'Precision="3"'), prop(type))).toEqual([["changed", "d.t/p", "Precision 3 → none (none means 0 by CSDL §7.2.3, which the generated validators do not check)", false]]);
  }
  // Scale is not a facet of these types: nothing checks it.
  expect(one(prop("Edm.Duration", 'Scale="2"'), prop("Edm.Duration", 'Scale="1"'))).toEqual([["changed", "d.t/p", "Scale 2 → 1 (not checked by the generated validators)", false]]);
});

test("SRID and Unicode are not checked by the generated validators: reported, not breaking", () => {
  expect(one(prop("Edm.String"), prop("Edm.String", 'Unicode="false"'))).toEqual([["changed", "d.t/p", "Unicode true → false (not checked by the generated validators)", false]]);
  expect(one(prop("Edm.GeographyPoint", 'SRID="4326"'), prop("Edm.GeographyPoint", 'SRID="3857"'))).toEqual([
    ["changed", "d.t/p", "SRID 4326 → 3857 (not checked by the generated validators)", false],
  ]);
  // 4326 is a geography's default SRID: stating it changes nothing.
  expect(one(prop("Edm.GeographyPoint"), prop("Edm.GeographyPoint", 'SRID="4326"'))).toEqual([]);
});

test("type definitions, parameters and return values", () => {
  const typedef = (facets: string) => `<TypeDefinition Name="money" UnderlyingType="Edm.Decimal" ${facets}/><TypeDefinition Name="code" UnderlyingType="Edm.String" MaxLength="40"/>`;
  expect(one(typedef('Precision="10" Scale="2"'), typedef('Precision="8" Scale="2"'))).toEqual([["changed", "d.money", "Precision 10 → 8 (narrowed)", true]]);
  // A type definition's shorter MaxLength is reported as a property's is.
  expect(one(typedef('Precision="10"'), typedef('Precision="10"').replace('MaxLength="40"', 'MaxLength="20"'))).toEqual([
    ["changed", "d.code", "type Edm.String(40) → Edm.String(20) (narrowed)", true],
  ]);
  // Facets on a property of a type definition apply to its underlying type.
  const onTypedef = (facets: string) => typedef("") + prop("d.money", facets);
  expect(one(onTypedef('Precision="10"'), onTypedef('Precision="6"'))).toEqual([["changed", "d.t/p", "Precision 10 → 6 (narrowed)", true]]);

  // An import calls it (one no import calls has no generated code: workflow-diff-uncalled.test.ts).
  const IMPORT = '<EntityContainer Name="c"><FunctionImport Name="f" Function="d.f"/></EntityContainer>';
  const fn = (param: string, ret: string) => entity("") + `<Function Name="f"><Parameter Name="x" Type="Edm.Decimal" Nullable="false" ${param}/><ReturnType Type="Edm.Decimal" ${ret}/></Function>` + IMPORT;
  expect(one(fn('Precision="10"', ""), fn('Precision="4"', ""))).toEqual([["changed", "d.f()/x", "Precision 10 → 4 (narrowed)", true]]);
  // The client only reads a return value: nothing it sends is refused.
  expect(one(fn("", 'Precision="10"'), fn("", 'Precision="4"'))).toEqual([["changed", "d.f()", "return value Precision 10 → 4 (narrowed)", false]]);
});

test("a summary kept by an older version (format 1, without these facets) compares without reporting them", () => {
  const dir = scratch();
  const a = writeDoc(dir, "a.xml", prop("Edm.Decimal", 'Precision="10"') + '<TypeDefinition Name="money" UnderlyingType="Edm.Decimal" Precision="10"/>');
  const b = writeDoc(dir, "b.xml", prop("Edm.Decimal", 'Precision="5"') + '<TypeDefinition Name="money" UnderlyingType="Edm.Decimal" Precision="5"/>');
  const kept = JSON.parse(summaryToJson(loadSummary([a]))) as { format?: number; types: Record<string, { properties: Record<string, FacetSummary>; facets?: unknown }> };
  expect(kept.format).toBe(15);
  // Format 2 (before URLs and doc comments were kept) has them: compared.
  kept.format = 2;
  expect(compareSummaries(summaryFromJson(JSON.stringify(kept)), loadSummary([b])).breaking).toBe(2);
  delete kept.format;
  delete kept.types["d.t"].properties.p.precision;
  delete kept.types["d.money"].facets;
  const older = summaryFromJson(JSON.stringify(kept));
  expect(compareSummaries(older, loadSummary([b])).changes).toEqual([]);
  expect(compareSummaries(loadSummary([a]), loadSummary([b])).breaking).toBe(2);
});

test("generate: a model summary an older version kept in node_modules/.cache/odatagen still loads", () => {
  const dir = scratch();
  fs.mkdirSync(path.join(dir, "node_modules"));
  const spec = writeDoc(dir, "s.xml", entity('<Property Name="p" Type="Edm.Decimal" Precision="10"/><Property Name="q" Type="Edm.String"/>'));
  expect(runCli(["generate", "-i", "s.xml", "-o", "gen"], dir).code).toBe(0);
  const cache = path.join(dir, "node_modules", ".cache", "odatagen");
  const [kept] = fs.readdirSync(cache).filter((f) => f.endsWith(".model.json"));
  const json = fs.readFileSync(path.join(cache, kept), "utf8");
  expect(json).toMatch(/^\{"format":15,/);
  // As an older version wrote it: no format, no Precision.
  fs.writeFileSync(path.join(cache, kept), json.replace('"format":15,', "").replace(',"precision":10', ""));
  fs.writeFileSync(spec, fs.readFileSync(spec, "utf8").replace('Precision="10"', 'Precision="5"').replace('<Property Name="q" Type="Edm.String"/>', ""));
  const r = runCli(["generate", "-i", "s.xml", "-o", "gen"], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/model changes: 1 change\(s\), 1 breaking/);
  expect(r.stdout).toMatch(/breaking  removed property +d\.t\/q/);
  // Kept again in this version's format: the next change of Precision is reported.
  fs.writeFileSync(spec, fs.readFileSync(spec, "utf8").replace('Precision="5"', 'Precision="4"'));
  expect(runCli(["generate", "-i", "s.xml", "-o", "gen"], dir).stdout).toMatch(/breaking  changed property +d\.t\/p: Precision 5 → 4 \(narrowed\)/);
});

/**
 * The rule against the real check: for Precision/Scale pairs and decimals of up to 12 digits either
 * side of the point (with exponents, and INF), a change judged widened refuses none of the values
 * the old facets accepted, and one judged narrowed refuses at least one.
 */
test("Decimal: narrowed or widened as templates/static/validation.ts checkDecimal decides", () => {
  const values: string[] = ["INF", "NaN", "1e30", "1e-30", "-5e20"];
  for (let i = 0; i <= 12; i++) for (let f = 0; f <= 12; f++) values.push(`${"9".repeat(i) || "0"}${f ? `.${"9".repeat(f)}` : ""}`);
  const facets: FacetSummary[] = [{}];
  for (let p = 1; p <= 6; p++) {
    facets.push({ precision: p }, { precision: p, scale: "variable" }, { precision: p, scale: "floating" });
    for (let s = 0; s <= p; s++) facets.push({ precision: p, scale: s });
  }
  facets.push({ scale: 2 }, { scale: "floating" }, { scale: "variable" });
  const accepts = (f: FacetSummary, v: string) => vr.test((x, ctx, key) => vr.checkDecimal(x, ctx, key, f.precision, f.scale as number | "variable" | "floating" | undefined), v);
  let checked = 0;
  for (const a of facets)
    for (const b of facets) {
      const [change] = facetChanges("Edm.Decimal", a, b);
      if (!change) continue;
      const refused = values.filter((v) => accepts(a, v) && !accepts(b, v));
      expect({ a, b, narrowed: change.narrowed, refusesSome: refused.length > 0 }).toEqual({ a, b, narrowed: change.narrowed, refusesSome: change.narrowed });
      checked++;
    }
  expect(checked).toBeGreaterThan(1000);
});
