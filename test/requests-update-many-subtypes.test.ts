// An entity typed by its interface goes back as an update's body (a PATCH), also one whose
// navigation property holds an abstract type with many subtypes: Graph's sharedInsight.resource is
// an `entity`, any of 1054 types, and a driveItem reaches it (createdByUser, insights, shared). The
// compiler compared each member of the property's `Any…` union with each member's `Patch`, and gave
// up past about a thousand (TS2859, "Excessive complexity comparing types 'DriveItem' and
// 'Patch<…>'"), TypeScript 7 and 5.9 alike; now each member relates to itself, which the related
// entity also takes (`rt.Patch`'s `Each`). Checked by the real compilers on metadata of that shape,
// made here: an abstract `entity` with 1200 subtypes, and an insight whose navigation properties
// (one single-valued, one a collection) hold it. With plain --strict, as a user's project has it:
// with exactOptionalPropertyTypes (STRICT_OPTIONS) the compiler did not give up. As a PUT's or a
// create's body the same value is refused, since a related entity of the abstract type must name
// its type there: the compiler gave up too (TS2859), where now the message names `@odata.type`
// (the type has no list of its subtypes, `rt.AnyAbstractCast`, and `@odata.type` comes first).
// The generated modules' own code is compiled once (--strict, TypeScript 7 where it runs), which
// writes their declarations; the cases compile against those with each compiler (skipLibCheck: the
// types the modules export, the same diagnostics, without checking the 1200 subtypes' function
// bodies again in each compiler's program: with them, TypeScript 5.9 made 3 times the types for a
// case). TypeScript 5.9 compiles such modules' code in graph-full (Graph's `entity`, 1054 subtypes).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ABSTRACT_ENTITY, edmx, schema } from "./helpers/csdl";
import { GENERATED, generateFixture } from "./helpers/generated";
import { anyCompiler, BASE_OPTIONS, declareModules, forEachCompiler, runTscCases, type TscResult, type UsageCase } from "./helpers/typecheck";

const SUBTYPES = 1200;

/** An abstract entity type with `n` subtypes, each with no properties of its own, and an entity type whose navigation properties hold it. */
function metadata(n: number, abstract = true): string {
  const subtypes = Array.from({ length: n }, (_, i) => `<EntityType Name="kind${i}" BaseType="h.entity" />`);
  return edmx(
    schema(
      "h",
      `${abstract ? ABSTRACT_ENTITY : ABSTRACT_ENTITY.replace(' Abstract="true"', "")}
<EntityType Name="insight" BaseType="h.entity">
  <Property Name="title" Type="Edm.String" />
  <NavigationProperty Name="resource" Type="h.entity" />
  <NavigationProperty Name="related" Type="Collection(h.entity)" />
</EntityType>
${subtypes.join("\n")}
<EntityContainer Name="Service"><EntitySet Name="insights" EntityType="h.insight" /></EntityContainer>`,
    ),
  );
}

/** A program that updates an insight: `values`, then `literals`, one call a line. */
function usage(values: readonly string[], literals: readonly string[]): string {
  return `import * as rt from "./runtime.js";
import { createInsight, insights, updateInsight } from "./h.requests.js";
import type { AnyEntity, Insight, Kind1 } from "./h.types.js";

declare const client: rt.Client;
declare const insight: Insight;
declare const entity: AnyEntity;
declare const entities: AnyEntity[];
declare const kind: Kind1;
const target = insights().byKey("i");

export async function usage(): Promise<void> {
${[...values, ...literals].map((l) => `  ${l}`).join("\n")}
}
`;
}

/** Values typed by the generated interfaces, each taken whole: what made the compiler give up. */
const VALUES = [
  "await updateInsight(client, target, insight);",
  'await updateInsight(client, target, { title: "t", resource: entity, related: entities });',
  "await updateInsight(client, target, { resource: kind, related: [kind, insight] });",
];

/** Calls refused, each compiled alone: the value whole as a PUT's and a create's body, and a related entity of the abstract type without its `@odata.type`. */
const REFUSED = [
  "await updateInsight(client, target, insight, { replace: true });",
  "await createInsight(client, insights(), insight);",
  'await updateInsight(client, target, { id: "i", resource: { id: "r" } }, { replace: true });',
  'await createInsight(client, insights(), { related: [{ id: "r" }] });',
];

/** The same bodies written out with the related entities naming their types (or referenced), taken. */
const TAKEN = [
  'await updateInsight(client, target, { id: "i", title: "t", resource: { "@odata.type": "#h.kind1", id: "r" }, related: [{ "@odata.id": "kinds(\'k\')" }, { "@odata.type": "#h.insight", id: "s", title: "t" }] }, { replace: true });',
  'await createInsight(client, insights(), { resource: { "@odata.type": "#h.insight", title: "t" }, related: [{ "@odata.type": "#h.kind1" }] });',
];

/** With the entity type not abstract: its related entities need not name their types; what is not the type's is still refused. */
const CONCRETE = [
  'await updateInsight(client, target, { id: "i", resource: { id: "r" }, related: [{ id: "s" }, { "@odata.type": "#h.kind1", id: "t" }] }, { replace: true });',
  'await createInsight(client, insights(), { resource: { id: "r" }, related: [{ id: "s" }] });',
  "// @ts-expect-error not a property, in a related entity",
  'await createInsight(client, insights(), { related: [{ id: "s", titel: "t" }] });',
];

/** Bodies written out: partial related entities taken, what is not the type's refused, at the top and in a related entity of the abstract type. */
const LITERALS = [
  'await updateInsight(client, target, { resource: { "@odata.type": "#h.insight", title: "t" }, related: [{ "@odata.id": "kinds(\'k\')" }, { "@odata.type": "#h.kind1" }] });',
  "// @ts-expect-error the title is a string",
  "await updateInsight(client, target, { title: 7 });",
  "// @ts-expect-error not a property",
  'await updateInsight(client, target, { titel: "t" });',
  "// @ts-expect-error a misspelt @odata.type",
  'await updateInsight(client, target, { "@odata.tpye": "#h.insight" });',
  "// @ts-expect-error in a related entity of the abstract type too",
  'await updateInsight(client, target, { resource: { "@odata.type": "#h.insight", title: 7 } });',
  "// @ts-expect-error and in one of a collection",
  'await updateInsight(client, target, { related: [{ "@odata.type": "#h.insight", titel: "t" }] });',
];

let manyDir = "";
let fewDir = "";
/** The entity type not abstract, with more subtypes than the generator lists (200). */
let concreteDir = "";
let work = "";
/** The generated modules compiled as one program, with their declarations written: the compiler's diagnostics. */
let declaring: TscResult = { status: null, output: "not compiled" };
/** Where each fixture's declarations are, by its folder. */
const declarations = (dir: string) => path.join(GENERATED, "requests-update-many-subtypes-declared", path.basename(dir));
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-many-subtypes-"));
  const spec = (n: number, abstract = true) => {
    const file = path.join(work, `h${n}${abstract ? "" : "-concrete"}.xml`);
    fs.writeFileSync(file, metadata(n, abstract));
    return file;
  };
  manyDir = generateFixture(spec(SUBTYPES), "requests-update-many-subtypes");
  fewDir = generateFixture(spec(3), "requests-update-many-subtypes-few");
  concreteDir = generateFixture(spec(250, false), "requests-update-many-subtypes-concrete");
  declaring = declareModules(anyCompiler(), [manyDir, fewDir, concreteDir], path.dirname(declarations(manyDir)));
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** The cases of each test below, by name: built once the fixtures are generated. */
function cases(): Record<"values" | "refused" | "concrete", UsageCase[]> {
  const [many, few, concrete] = [manyDir, fewDir, concreteDir].map(declarations);
  return {
    // The literals are checked with 3 subtypes, where they cost the compiler less (each is compared
    // with every member of the union); the types are the same for any number.
    values: [{ from: [many], usage: usage(VALUES, LITERALS.slice(1, 7)) }, { from: [few], usage: usage(VALUES, LITERALS) }],
    refused: [many, few].flatMap((dir) => [...REFUSED.map((l) => ({ from: [dir], usage: usage([l], []) })), { from: [dir], usage: usage(TAKEN, []) }]),
    concrete: [{ from: [concrete], usage: usage(CONCRETE, []).replaceAll("AnyEntity", "Entity") }],
  };
}

test(`the generated modules, of ${SUBTYPES} subtypes, of 3, and of 250 not abstract, compile under --strict`, () => {
  expect([declaring.output, declaring.status]).toEqual(["", 0]);
});

forEachCompiler((label, c) => {
  // Every test's cases compile in one tsc run, made by the first test that asks (one program, so
  // the 1200 subtypes' declarations are read once per compiler, not once per test). If that
  // run fails as a whole (the compiler crashes), each test compiles its own cases alone, so the
  // failure is the one test's whose cases cause it, as with a run per test.
  type Name = keyof ReturnType<typeof cases>;
  let all: Record<Name, TscResult[]> | "alone" | undefined;
  const results = (name: Name): TscResult[] => {
    const byName = cases();
    if (!all) {
      const names = Object.keys(byName) as Name[];
      try {
        const flat = runTscCases(c, names.flatMap((n) => byName[n]), BASE_OPTIONS);
        let at = 0;
        all = Object.fromEntries(names.map((n) => [n, flat.slice(at, (at += byName[n].length))])) as Record<Name, TscResult[]>;
      } catch {
        all = "alone";
      }
    }
    return all === "alone" ? runTscCases(c, byName[name], BASE_OPTIONS) : all[name];
  };

  test(`${label}: an entity whose navigation properties hold any of ${SUBTYPES} subtypes goes back as its PATCH's body; bodies written out keep their checks`, () => {
    const r = results("values");
    expect(r.map((x) => x.output)).toEqual(["", ""]);
    expect(r.map((x) => x.status)).toEqual([0, 0]);
  });

  test(`${label}: that entity as a PUT's or a create's body, or a related entity without @odata.type, is refused with a message naming @odata.type, with ${SUBTYPES} subtypes as with 3; named, taken`, () => {
    const refused = results("refused");
    const taken = [REFUSED.length, 2 * REFUSED.length + 1];
    expect(taken.map((i) => refused[i].output)).toEqual(["", ""]);
    for (const r of refused.filter((_, i) => !taken.includes(i))) {
      expect(r.output).not.toContain("TS2859");
      expect(r.output).toMatch(/^usage\.ts\(\d+,\d+\): error TS(2322|2345): /);
      expect(r.output).toMatch(/[Pp]roperty '"@odata\.type"' (is missing|are incompatible)/);
      expect(r.status).not.toBe(0);
    }
  });

  test(`${label}: a related entity of a type that is not abstract, with more subtypes than are listed, may leave out @odata.type in a PUT's or a create's body`, () => {
    expect(results("concrete").map((r) => [r.output, r.status])).toEqual([["", 0]]);
  });
});
