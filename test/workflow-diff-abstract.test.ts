/**
 * `odatagen diff` on an abstract type that became concrete: its `Any…` union of concrete subtypes
 * goes and what was typed with it is typed as the type alone, so code naming the union, or
 * narrowing on `@odata.type` to a subtype's property, no longer compiles. Not so for an abstract
 * type without concrete subtypes (it had no union), nor for a complex type whose nested values are
 * then its family's union (the same name, holding the subtypes it held). Checked against the real
 * compiler too.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { scratch } from "./helpers/cli";
import { one, wrap } from "./helpers/diff";
import { forEachCompiler, runTscCases, type Compiler } from "./helpers/typecheck";

const keyed = '<Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>';
/** Entity type `d.animal` (abstract or not), its subtypes, and a keeper whose `pet` is one. */
const zoo = (abstract: boolean, subtypes = '<EntityType Name="bird" BaseType="d.animal"><Property Name="wings" Type="Edm.Int32"/></EntityType>') =>
  `<EntityType Name="animal"${abstract ? ' Abstract="true"' : ""}>${keyed}</EntityType>${subtypes}` +
  `<EntityType Name="keeper">${keyed}<NavigationProperty Name="pet" Type="d.animal"/></EntityType>` +
  '<EntityContainer Name="c"><EntitySet Name="keepers" EntityType="d.keeper"/></EntityContainer>';
const gone = "no longer abstract: its Any… union of concrete subtypes (d.bird) is gone and properties typed with it are typed as it alone, so narrowing on @odata.type to a subtype's property no longer compiles";

test("an abstract entity type with concrete subtypes that became concrete breaks; without them it does not", () => {
  expect(one(zoo(true), zoo(false))).toEqual([["changed", "d.animal", gone, true]]);
  // An abstract subtype below it has no name of its own in the union: only concrete ones are named.
  const deeper = '<EntityType Name="winged" BaseType="d.animal" Abstract="true"/><EntityType Name="bird" BaseType="d.winged"/>';
  expect(one(zoo(true, deeper), zoo(false, deeper))).toEqual([["changed", "d.animal", gone, true]]);
  expect(one(zoo(true, ""), zoo(false, ""))).toEqual([["changed", "d.animal", "no longer abstract", false]]);
  expect(one(zoo(false), zoo(true))).toEqual([["changed", "d.animal", "became abstract", true]]);
});

const shape = (abstract: boolean, circle: string) =>
  `<ComplexType Name="shape"${abstract ? ' Abstract="true"' : ""}/><ComplexType Name="circle" BaseType="d.shape">${circle}</ComplexType>` +
  `<EntityType Name="t">${keyed}<Property Name="s" Type="d.shape"/></EntityType>`;
const nullable = '<Property Name="r" Type="Edm.Double"/>';
// A subtype's non-nullable property keeps a concrete type's values out of a union (emit/context.ts subtypeFamily).
const required = '<Property Name="r" Type="Edm.Double" Nullable="false"/>';

test("an abstract complex type that became concrete breaks only where its nested values stop being a union", () => {
  expect(one(shape(true, nullable), shape(false, nullable))).toEqual([
    ["changed", "d.shape", "no longer abstract", false],
    ["changed", "d.shape", "its nested values are now its Any… union of subtypes, which @odata.type narrows (a value typed as it still fits)", false],
  ]);
  expect(one(shape(true, required), shape(false, required))).toEqual([["changed", "d.shape", gone.replace("d.bird", "d.circle"), true]]);
});

/** The old version's client code: the union named, and a read narrowed to a subtype. */
const USAGE = `
import type { AnyAnimal, Keeper } from "./d.types.js";
export function wings(k: Keeper): number | null | undefined {
  const pet: AnyAnimal | null | undefined = k.pet;
  return pet?.["@odata.type"] === "#d.bird" ? pet.wings : undefined;
}
`;

const SHAPE_USAGE = `
import type { AnyShape, T } from "./d.types.js";
export function radius(t: T): number | string | null | undefined {
  const s: AnyShape | null | undefined = t.s;
  return s?.["@odata.type"] === "#d.circle" ? s.r : undefined;
}
`;

function generated(xml: string): string {
  const dir = scratch();
  const { files } = generate({ inputs: [{ file: "s.xml", content: wrap(xml) }] });
  for (const [name, content] of files) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

forEachCompiler((label: string, c: Compiler) => {
  test(`${label}: the generated code agrees: code naming the union or narrowing to a subtype no longer compiles`, () => {
    const [before, after] = runTscCases(c, [zoo(true), zoo(false)].map((x) => ({ from: [generated(x)], usage: USAGE })));
    expect(before.output).toBe("");
    expect(after.output).toMatch(/^usage\.ts\(2,\d+\): error TS2724: [^\n]*'AnyAnimal'/);
  });

  test(`${label}: and for a complex type, only where diff says it breaks`, () => {
    const xmls = [shape(true, nullable), shape(false, nullable), shape(true, required), shape(false, required)];
    const [before, union, beforeRequired, alone] = runTscCases(c, xmls.map((x) => ({ from: [generated(x)], usage: SHAPE_USAGE })));
    expect([before.output, union.output, beforeRequired.output]).toEqual(["", "", ""]);
    expect(alone.output).toMatch(/^usage\.ts\(2,\d+\): error TS2305: [^\n]*'AnyShape'/);
  });
});
