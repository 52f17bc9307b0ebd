/**
 * A concrete complex type with subtypes has an `Any…` union for its nested values, unless a subtype
 * requires a property it lacks (emit/context.ts subtypeFamily). A subtype added so that the union
 * goes breaks code that narrows on `@odata.type`: `diff` reports it at the base type.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { compareSummaries } from "../generator/diff/compare";
import { loadSummary } from "../generator/diff/load";
import { summaryFromJson, summaryToJson } from "../generator/diff/summary";
import { runCli, scratch } from "./helpers/cli";
import { entity, one, writeDoc } from "./helpers/diff";

/** Complex type d.c with subtype d.s, a property of d.t typed d.c, and `more` types. */
const spec = (more = "") =>
  entity('<Property Name="at" Type="d.c"/>') +
  '<ComplexType Name="c"><Property Name="name" Type="Edm.String"/></ComplexType>' +
  '<ComplexType Name="s" BaseType="d.c"><Property Name="extra" Type="Edm.String"/></ComplexType>' +
  more +
  '<EntityContainer Name="x"><EntitySet Name="ts" EntityType="d.t"/></EntityContainer>';
const bot = (nullable: string) => `<ComplexType Name="bot" BaseType="d.c"><Property Name="botId" Type="Edm.String"${nullable}/></ComplexType>`;

test("the generated form: AnyC while every subtype's properties may be absent, C alone after one requires one", () => {
  const dir = scratch();
  writeDoc(dir, "a.xml", spec(bot("")));
  writeDoc(dir, "b.xml", spec(bot(' Nullable="false"')));
  expect(runCli(["generate", "-i", "a.xml", "-o", "a"], dir).code).toBe(0);
  expect(runCli(["generate", "-i", "b.xml", "-o", "b"], dir).code).toBe(0);
  const types = (out: string) => fs.readFileSync(path.join(dir, out, "d.types.ts"), "utf8");
  expect(types("a")).toMatch(/ {2}at\?: AnyC \| null;/);
  expect(types("b")).toMatch(/ {2}at\?: C \| null;/);
  expect(types("b")).not.toMatch(/AnyC/);
});

test("a subtype added that takes the Any… union away breaks; one that keeps it does not", () => {
  expect(one(spec(), spec(bot(' Nullable="false"')))).toEqual([
    ["changed", "d.c", "its nested values are no longer its Any… union (subtype d.bot has a property that is not nullable): the Any… type is gone and properties typed with it are typed as it alone, so narrowing on @odata.type to a subtype's property no longer compiles", true],
    ["added", "d.bot", "complex type added", false],
  ]);
  expect(one(spec(), spec(bot("")))).toEqual([["added", "d.bot", "complex type added", false]]);
  // A type that gains its union (its first subtype): a value typed as it still fits.
  const lone = spec().replace('<ComplexType Name="s" BaseType="d.c"><Property Name="extra" Type="Edm.String"/></ComplexType>', "");
  expect(one(lone, spec())).toEqual([
    ["changed", "d.c", "its nested values are now its Any… union of subtypes, which @odata.type narrows (a value typed as it still fits)", false],
    ["added", "d.s", "complex type added", false],
  ]);
  // A subtype's property that became non-nullable does it too.
  expect(one(spec(bot("")), spec(bot(' Nullable="false"')))).toEqual([
    ["changed", "d.c", expect.stringMatching(/^its nested values are no longer its Any… union \(subtype d\.bot/), true],
    ["changed", "d.bot/botId", "became non-nullable", true],
  ]);
});

test("a summary kept by an older version (format 2) records no unions: not compared", () => {
  const dir = scratch();
  const kept = JSON.parse(summaryToJson(loadSummary([writeDoc(dir, "a.xml", spec())])));
  expect(kept.types["d.c"].union).toBe(true);
  kept.format = 2;
  delete kept.types["d.c"].union;
  expect(compareSummaries(summaryFromJson(JSON.stringify(kept)), loadSummary([writeDoc(dir, "b.xml", spec(bot(' Nullable="false"')))])).changes).toEqual([
    { kind: "added", element: "type", path: "d.bot", detail: "complex type added", breaking: false },
  ]);
});
