/**
 * A `*` between segments of a URL path pattern matches one navigation property; keys are ignored.
 * Written where a key was meant (`/groups/*\/members`, as Graph users write it), it matches another
 * path or none: the first is a warning naming both paths, the second's error suggests `{id}`.
 */
import { GenerationError } from "../generator/diagnostics";
import { generate, type GenerateOptions } from "../generator/generate";

const CSDL = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="t" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="group">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
        <NavigationProperty Name="members" Type="Collection(t.member)"/>
        <NavigationProperty Name="team" Type="t.team" ContainsTarget="true"/>
      </EntityType>
      <EntityType Name="member">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
      </EntityType>
      <EntityType Name="team">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
        <NavigationProperty Name="members" Type="Collection(t.teamMember)" ContainsTarget="true"/>
        <NavigationProperty Name="channels" Type="Collection(t.channel)" ContainsTarget="true"/>
      </EntityType>
      <EntityType Name="teamMember">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
      </EntityType>
      <EntityType Name="channel">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
      </EntityType>
      <EntityContainer Name="c">
        <EntitySet Name="groups" EntityType="t.group"/>
        <EntitySet Name="members" EntityType="t.member"/>
        <EntitySet Name="teams" EntityType="t.team"/>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

function run(options: Omit<GenerateOptions, "inputs">) {
  try {
    const r = generate({ inputs: [{ file: "star.xml", content: CSDL }], ...options });
    return { kept: [...r.model.types.keys()].sort(), problems: r.diagnostics.filter((d) => d.code === "ODG302").map((d) => `${d.severity} ${d.message}`) };
  } catch (e) {
    if (e instanceof GenerationError) return { kept: [], problems: e.diagnostics.filter((d) => d.code === "ODG302").map((d) => `${d.severity} ${d.message}`) };
    throw e;
  }
}

describe("a `*` in a URL path pattern where a key was meant", () => {
  test("one that matches a navigation property instead is a warning naming the path it took and the one with {id}", () => {
    const r = run({ include: ["/groups/*/members"] });
    expect(r.problems).toEqual([
      "warning --include /groups/*/members reads each `*` as a navigation property (/groups/{id}/team/members), not as a key: what /groups/{id}/members addresses is not selected; write {id} for a key",
    ]);
    expect(r.kept).toContain("t.teamMember");
    expect(r.kept).not.toContain("t.member");
    // Written with {id}, or where the key reading selects nothing more: no warning.
    expect(run({ include: ["/groups/{id}/members"] }).problems).toEqual([]);
    expect(run({ include: ["/groups/*/members", "/groups/{id}/members"] }).problems).toEqual([]);
    expect(run({ include: ["/groups/*/channels"] }).problems).toEqual([]);
  });

  test("no warning where another include selects by name what the key reading addresses: the slice has that path", () => {
    const r = run({ include: ["/groups/*/members", "t.member"] });
    expect(r.problems).toEqual([]);
    expect(r.kept).toEqual(expect.arrayContaining(["t.member", "t.teamMember"]));
  });

  test("one that matches nothing gets the path with {id} as its did-you-mean, an include's and an exclude's", () => {
    expect(run({ include: ["/teams/*/channels"] }).problems).toEqual([
      "error --include /teams/*/channels matches no URL path of the service (did you mean /teams/{id}/channels?)",
    ]);
    expect(run({ include: ["/groups/**"], exclude: ["/groups/*/team/*/channels"] }).problems).toEqual([
      "error --exclude /groups/*/team/*/channels matches no URL path of the service (did you mean /groups/{id}/team/{id}/channels?)",
    ]);
  });
});
