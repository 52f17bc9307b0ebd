/**
 * Operations bound explicitly between two versions of a service: the request functions' types
 * carry which overloads take only an address naming them, and what each address builder names
 * (requests-explicit-bindings), so an overload that now requires explicit binding, or an address
 * that no longer names one, makes calls that compiled fail — breaking, for the request functions
 * only — and the other way round lets more compile. A summary written before format 10 records
 * neither, and they are not compared; the JSON form keeps them.
 */
import { compareSummaries } from "../generator/diff/compare";
import { summaryFromJson, summaryToJson, summarize } from "../generator/diff/summary";
import { generate } from "../generator/generate";
import { diff, entity, wrap } from "./helpers/diff";

const CORE = "Org.OData.Core.V1";
const names = (...ops: string[]) => `<Annotation Term="${CORE}.ExplicitOperationBindings"><Collection>${ops.map((o) => `<String>${o}</String>`).join("")}</Collection></Annotation>`;
/** d.t with a contained collection `kids` (annotated `navAnnotations`), a set `ts`, and `d.poke` bound to a collection of d.t (annotated `opAnnotations`). */
const doc = (opAnnotations: string, navAnnotations = "") =>
  entity("", `<NavigationProperty Name="kids" Type="Collection(d.t)" ContainsTarget="true">${navAnnotations}</NavigationProperty>`) +
  `<Action Name="poke" IsBound="true"><Parameter Name="it" Type="Collection(d.t)"/>${opAnnotations}</Action>` +
  `<EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t"/></EntityContainer>`;
const explicit = `<Annotation Term="${CORE}.RequiresExplicitBinding"/>`;

const changes = (a: string, b: string) => {
  const d = diff(a, b);
  return { bump: d.bump, changes: d.changes.map((c) => [c.kind, c.element, c.path, c.detail, c.breaking]) };
};

test("an overload that now requires explicit binding, or an address that no longer names it, breaks; the other way round does not", () => {
  expect(changes(doc(""), doc(explicit, names("d.poke")))).toEqual({
    bump: "major",
    changes: [
      ["changed", "operation", "d.poke(Collection(d.t))", "now requires explicit binding (Core.RequiresExplicitBinding): its function takes only an address whose metadata names it", true],
      ["changed", "restrictions", "d.t/kids", "the metadata now names d.poke here (Core.ExplicitOperationBindings)", false],
    ],
  });
  expect(changes(doc(explicit, names("d.poke")), doc(explicit))).toEqual({
    bump: "major",
    changes: [["changed", "restrictions", "d.t/kids", "the metadata no longer names d.poke here (Core.ExplicitOperationBindings): calls of it here no longer compile", true]],
  });
  expect(changes(doc(explicit, names("d.poke")), doc(""))).toEqual({
    bump: "major",
    changes: [
      ["changed", "operation", "d.poke(Collection(d.t))", "no longer requires explicit binding (Core.RequiresExplicitBinding): its function takes any address of its binding type", false],
      ["changed", "restrictions", "d.t/kids", "the metadata no longer names d.poke here (Core.ExplicitOperationBindings): calls of it here no longer compile", true],
    ],
  });
  expect(changes(doc(explicit, names("d.poke")), doc(explicit, names("d.poke")))).toEqual({ bump: "none", changes: [] });
});

test("breaking only where the request functions are generated; kept across JSON; not compared with an older summary", () => {
  const summary = (body: string) => summarize(generate({ inputs: [{ file: "d.xml", content: wrap(body) }] }).model);
  const [a, b] = [summary(doc("")), summary(doc(explicit, names("d.poke")))];
  const noRequests = compareSummaries(a, b, { validators: true, requests: false });
  expect(noRequests.breaking).toBe(0);
  const kept = summaryFromJson(summaryToJson(b));
  expect(kept.explicitBindings).toEqual({ "d.t/kids": ["d.poke"] });
  expect(kept.operations.get("d.poke(Collection(d.t))")?.explicit).toBe(true);
  expect(compareSummaries(a, kept).breaking).toBe(1);
  expect(compareSummaries({ ...a, format: 9 }, kept).changes).toEqual([]);
});
