// diff on a binding-heavy service with a set that needs an ETag: every binding retargeted, each
// judged by the walk through bindings (diff/bindings.ts), which is indexed once per version.
// It checks the results only: speed is measured, not asserted (the old walk took 2.4 s here, the
// indexed one 0.4 s, with `odatagen diff`); only jest's timeout would notice a walk gone quadratic.
import { DiagnosticBag } from "../generator/diagnostics";
import { compareSummaries } from "../generator/diff/compare";
import { summarize } from "../generator/diff/summary";
import { readModel } from "../generator/generate";

const N = 40;
const etag = '<Annotation Term="Org.OData.Core.V1.OptimisticConcurrency"><Collection><PropertyPath>id</PropertyPath></Collection></Annotation>';

/** N sets S0…S(N-1) of one type with N navigation properties; in each set n<i> is bound to S<(i + shift) mod N>; `etagSet` needs an ETag (Locked: a set no binding leads to). */
function service(shift: number, etagSet: string) {
  let navs = "";
  for (let i = 0; i < N; i++) navs += `<NavigationProperty Name="n${i}" Type="d.e"/>`;
  let sets = "";
  for (const s of [...Array.from({ length: N }, (_, k) => `S${k}`), "Locked"]) {
    let b = "";
    if (s !== "Locked") for (let i = 0; i < N; i++) b += `<NavigationPropertyBinding Path="n${i}" Target="S${(i + shift) % N}"/>`;
    sets += `<EntitySet Name="${s}" EntityType="d.e">${s === etagSet ? etag : ""}${b}</EntitySet>`;
  }
  const content = `<?xml version="1.0" encoding="utf-8"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="d" xmlns="http://docs.oasis-open.org/odata/ns/edm"><EntityType Name="e"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/>${navs}</EntityType>
<EntityContainer Name="c">${sets}</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`;
  return summarize(readModel([{ file: "s.xml", content }], new DiagnosticBag()));
}

describe(`${N} sets x ${N} bindings, all retargeted (n<i>: S<i> -> S<i+1>)`, () => {
  test("with S0 needing an ETag: each breaks, by the shortest way to S0 from the binding's own path", () => {
    const changes = compareSummaries(service(0, "S0"), service(1, "S0")).changes;
    expect(changes).toHaveLength(N * N);
    expect(changes.every((c) => c.kind === "changed" && c.element === "navigation binding" && c.breaking)).toBe(true);
    const detail = new Map(changes.map((c) => [c.path, c.detail]));
    // n39 now leads to S0 itself; any other through its target's n39 (S<j+1> -> S0 where S<j> was not S0).
    expect(detail.get("S7/n39")).toBe("target S39 → S0; updates and deletes through it now need an ETag (S0 has Core.OptimisticConcurrency)");
    for (const s of [0, 7, 39])
      for (const i of [0, 5, 38])
        expect(detail.get(`S${s}/n${i}`)).toBe(`target S${i} → S${i + 1}; updates and deletes through S${s}/n${i}/n39 now need an ETag (S0 has Core.OptimisticConcurrency)`);
    // Back again: each now leads where S0 was reached before by another way, and S0 is reached by n0.
    const back = compareSummaries(service(1, "S0"), service(0, "S0")).changes;
    expect(back.filter((c) => c.breaking)).toHaveLength(N * N);
    expect(new Map(back.map((c) => [c.path, c.detail])).get("S3/n4")).toBe("target S5 → S4; updates and deletes through S3/n4/n0 now need an ETag (S0 has Core.OptimisticConcurrency)");
  });

  test("with only a set no binding leads to needing an ETag: none breaks, and none says anything about ETags", () => {
    const changes = compareSummaries(service(0, "Locked"), service(1, "Locked")).changes;
    expect(changes).toHaveLength(N * N);
    expect(changes.filter((c) => c.breaking || c.detail.includes("ETag"))).toEqual([]);
    expect(changes[0].detail).toBe("target S0 → S1");
  });
});
