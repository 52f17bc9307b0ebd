// A NavigationPropertyBinding's Target is read one way (model/binding-targets.ts) by the request
// emitter and by diff's summary: diff compares where the generated client's navigation leads.
import { DiagnosticBag } from "../generator/diagnostics";
import { summarize } from "../generator/diff/summary";
import { generate, readModel } from "../generator/generate";

const person =
  '<EntityType Name="person"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>' +
  '<NavigationProperty Name="Friends" Type="Collection(d.person)" ContainsTarget="true"/><NavigationProperty Name="Best" Type="d.person"/></EntityType>';
const doc = (target: string, alias = "", references = "") => `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">${references}<edmx:DataServices>
<Schema Namespace="d"${alias} xmlns="http://docs.oasis-open.org/odata/ns/edm">${person}
<EntityContainer Name="c"><EntitySet Name="People" EntityType="d.person"/>
<EntitySet Name="Others" EntityType="d.person"><NavigationPropertyBinding Path="Best" Target="${target}"/></EntitySet></EntityContainer>
</Schema></edmx:DataServices></edmx:Edmx>`;
/** A second document that declares the alias `y` for `d` (valid in it only, CSDL XML §4.2). */
const other = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
<edmx:Reference Uri="main.xml"><edmx:Include Namespace="d" Alias="y"/></edmx:Reference><edmx:DataServices>
<Schema Namespace="e" xmlns="http://docs.oasis-open.org/odata/ns/edm"><ComplexType Name="unused"/></Schema></edmx:DataServices></edmx:Edmx>`;

/** Where Others/Best leads, as diff's summary records it and as the generated client's bindings name it. */
function bothReadings(inputs: { file: string; content: string }[]) {
  const model = readModel(inputs, new DiagnosticBag());
  const summary = summarize(model).entrySets.get("Others")?.bindings?.Best;
  const requests = generate({ inputs }).files.get("d.requests.ts") ?? "";
  const client = /name: "Others", bindings: \(\) => \(\{ "Best": ([^}]*) \}\)/.exec(requests)?.[1];
  return { summary, client };
}

describe("a binding target is understood the same by diff and by the generated client", () => {
  test("a target named through the schema's alias, with a containment path and a type cast, is the set it names in both", () => {
    expect(bothReadings([{ file: "main.xml", content: doc("x.c/People/d.person/Friends", ' Alias="x"') }])).toEqual({
      summary: "People/Friends",
      client: 'rt.within(people, "Friends")',
    });
    expect(bothReadings([{ file: "main.xml", content: doc("People") }])).toEqual({ summary: "People", client: "people" });
  });

  test("an alias only another document declares names no container here (CSDL XML §4.2): a warning, the binding left out, so neither the client nor diff follows it", () => {
    const inputs = [{ file: "main.xml", content: doc("y.c/People") }, { file: "other.xml", content: other }];
    // Before ODG107 reported a container no input declares, diff's summary kept the target as written.
    expect(bothReadings(inputs)).toEqual({ summary: undefined, client: undefined });
    expect(generate({ inputs }).diagnostics.map((d) => [d.code, d.path])).toEqual([["ODG107", "d.c/Others/Best"]]);
  });
});

test("a binding or an entity set named like a member of Object.prototype (__proto__, constructor) is compared as any other, also across JSON", () => {
  const { compareSummaries } = require("../generator/diff/compare") as typeof import("../generator/diff/compare");
  const { summaryFromJson, summaryToJson } = require("../generator/diff/summary") as typeof import("../generator/diff/summary");
  const named = (bindings: string, setDoc: string) => `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="d" xmlns="http://docs.oasis-open.org/odata/ns/edm"><EntityType Name="person"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>
<NavigationProperty Name="__proto__" Type="Collection(d.person)"/><NavigationProperty Name="constructor" Type="Collection(d.person)"/></EntityType>
<EntityContainer Name="c"><EntitySet Name="People" EntityType="d.person">${bindings}</EntitySet>
<EntitySet Name="constructor" EntityType="d.person">${setDoc}</EntitySet></EntityContainer>
</Schema></edmx:DataServices></edmx:Edmx>`;
  const bound = '<NavigationPropertyBinding Path="__proto__" Target="People"/><NavigationPropertyBinding Path="constructor" Target="People"/>';
  const described = '<Annotation Term="Org.OData.Core.V1.Description" String="Makers"/>';
  const summary = (content: string) => summarize(readModel([{ file: "d.xml", content }], new DiagnosticBag()));
  const [a, b] = [summary(named(bound, described)), summary(named("", ""))];
  expect(Object.keys(a.entrySets.get("People")?.bindings ?? {})).toEqual(["__proto__", "constructor"]);
  const lines = (x: typeof a, y: typeof a) => compareSummaries(x, y).changes.map((c) => `${c.kind} ${c.path}`);
  const want = ["removed People/__proto__", "removed People/constructor", "changed constructor"];
  expect(lines(a, b)).toEqual(want);
  expect(lines(summaryFromJson(summaryToJson(a)), summaryFromJson(summaryToJson(b)))).toEqual(want);
  expect(lines(b, a)).toEqual(["added People/__proto__", "added People/constructor", "changed constructor"]);
});
