/**
 * Capabilities restrictions between two versions of a service: the request functions' types carry
 * what the metadata forbids at each address builder (requests-types-restrictions), so a restriction
 * added makes calls that compiled fail — breaking, for the request functions only — and one removed
 * lets more compile, not breaking. Before, `diff` saw no change. A summary written before format 6
 * has no restrictions, and none are compared; the JSON form keeps them.
 */
import { compareSummaries } from "../generator/diff/compare";
import { summaryFromJson, summaryToJson, summarize } from "../generator/diff/summary";
import { generate } from "../generator/generate";
import { diff, entity, wrap } from "./helpers/diff";

const CAP = "Org.OData.Capabilities.V1";
const deletable = (value: boolean) => `<Annotation Term="${CAP}.DeleteRestrictions"><Record><PropertyValue Property="Deletable" Bool="${value}"/></Record></Annotation>`;
const insertable = `<Annotation Term="${CAP}.InsertRestrictions"><Record><PropertyValue Property="Insertable" Bool="false"/></Record></Annotation>`;
/** d.t with a contained collection `kids`, annotated `navAnnotations`, and a set `ts`, annotated `setAnnotations`. */
const doc = (navAnnotations = "", setAnnotations = "") =>
  entity("", `<NavigationProperty Name="kids" Type="Collection(d.t)" ContainsTarget="true">${navAnnotations}</NavigationProperty>`) +
  `<EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t">${setAnnotations}</EntitySet></EntityContainer>`;

const changes = (a: string, b: string) => {
  const d = diff(a, b);
  return { bump: d.bump, changes: d.changes.map((c) => [c.kind, c.element, c.path, c.detail, c.breaking]) };
};

test("a restriction added breaks the calls it forbids; one removed does not break", () => {
  expect(changes(doc(), doc(deletable(false), insertable))).toEqual({
    bump: "major",
    changes: [
      ["changed", "restrictions", "d.c/ts", "the metadata now forbids create here (Capabilities restrictions): such calls no longer compile", true],
      ["changed", "restrictions", "d.t/kids", "the metadata now forbids delete here (Capabilities restrictions): such calls no longer compile", true],
    ],
  });
  expect(changes(doc(deletable(false)), doc(deletable(true)))).toEqual({
    bump: "patch",
    changes: [["changed", "restrictions", "d.t/kids", "the metadata no longer forbids delete here (Capabilities restrictions)", false]],
  });
  expect(changes(doc(deletable(false)), doc(deletable(false)))).toEqual({ bump: "none", changes: [] });
});

test("breaking only where the request functions are generated; kept across JSON; not compared with an older summary", () => {
  const summary = (body: string) => summarize(generate({ inputs: [{ file: "d.xml", content: wrap(body) }] }).model);
  const [a, b] = [summary(doc()), summary(doc(deletable(false)))];
  const noRequests = compareSummaries(a, b, { validators: true, requests: false });
  expect(noRequests.changes.map((c) => [c.path, c.breaking, c.detail])).toEqual([
    ["d.t/kids", false, "the metadata now forbids delete here (Capabilities restrictions): such calls no longer compile; it breaks only the request functions, which are not generated"],
  ]);
  const kept = summaryFromJson(summaryToJson(b));
  expect(kept.restrictions).toEqual({ "d.t/kids": ["delete"] });
  expect(compareSummaries(a, kept).breaking).toBe(1);
  const older = { ...summaryFromJson(summaryToJson(a)), format: 5, restrictions: undefined };
  expect(compareSummaries(older, b).changes).toEqual([]);
});

test("a query restriction (format 7) added breaks the lists it forbids; one removed does not; not compared with a summary of format 6", () => {
  const countable = (value: boolean) => `<Annotation Term="${CAP}.CountRestrictions"><Record><PropertyValue Property="Countable" Bool="${value}"/></Record></Annotation>`;
  const top = `<Annotation Term="${CAP}.TopSupported" Bool="false"/>`;
  expect(changes(doc(countable(true)), doc(countable(false), top))).toEqual({
    bump: "major",
    changes: [
      ["changed", "restrictions", "d.c/ts", "the metadata now forbids $top here (Capabilities restrictions): such calls no longer compile", true],
      ["changed", "restrictions", "d.t/kids", "the metadata now forbids $count here (Capabilities restrictions): such calls no longer compile", true],
    ],
  });
  expect(changes(doc(countable(false)), doc())).toEqual({
    bump: "patch",
    changes: [["changed", "restrictions", "d.t/kids", "the metadata no longer forbids $count here (Capabilities restrictions)", false]],
  });
  const summary = (body: string) => summarize(generate({ inputs: [{ file: "d.xml", content: wrap(body) }] }).model);
  const b = summary(doc(countable(false), deletable(false)));
  expect(b.restrictions).toEqual({ "d.c/ts": ["delete"], "d.t/kids": ["count"] });
  // A summary of format 6 records requests only: its lack of query restrictions is no change.
  const older = { ...summaryFromJson(summaryToJson(summary(doc()))), format: 6 };
  expect(compareSummaries(older, b).changes.map((c) => [c.path, c.detail])).toEqual([["d.c/ts", "the metadata now forbids delete here (Capabilities restrictions): such calls no longer compile"]]);
});

test("IndexableByKey made false breaks the byKey calls there; compared between two summaries of format 10 only", () => {
  const noKey = `<Annotation Term="${CAP}.IndexableByKey" Bool="false"/>`;
  expect(changes(doc(), doc(noKey))).toEqual({
    bump: "major",
    changes: [["changed", "restrictions", "d.t/kids", "the metadata now forbids addressing members by key here (Capabilities restrictions): such calls no longer compile", true]],
  });
  expect(changes(doc("", noKey), doc())).toEqual({
    bump: "patch",
    changes: [["changed", "restrictions", "d.c/ts", "the metadata no longer forbids addressing members by key here (Capabilities restrictions)", false]],
  });
  const summary = (body: string) => summarize(generate({ inputs: [{ file: "d.xml", content: wrap(body) }] }).model);
  const [a, b] = [summary(doc()), summary(doc(noKey))];
  expect(compareSummaries({ ...a, format: 9 }, b).changes).toEqual([]);
});

test("a new entity set or navigation property's restrictions are no change of their own: only its addition is reported", () => {
  const withNew = (setAnnotations: string, navAnnotations: string) =>
    entity("", `<NavigationProperty Name="kids" Type="Collection(d.t)" ContainsTarget="true"/><NavigationProperty Name="more" Type="Collection(d.t)" ContainsTarget="true">${navAnnotations}</NavigationProperty>`) +
    `<EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t"/><EntitySet Name="extra" EntityType="d.t">${setAnnotations}</EntitySet></EntityContainer>`;
  const noKey = `<Annotation Term="${CAP}.IndexableByKey" Bool="false"/>`;
  const d = changes(doc(), withNew(deletable(false), noKey));
  expect(d.changes.filter((c) => c[1] === "restrictions")).toEqual([]);
  expect(d.changes.map((c) => `${c[0]} ${c[2]}`)).toEqual(["added d.t/more", "added extra"]);
  expect(d.bump).toBe("minor");
});
