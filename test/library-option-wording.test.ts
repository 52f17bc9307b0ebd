/**
 * The library's messages name the options its caller gave (`include`, `exclude`, `includeDerived`,
 * `includeNavigation`, `includeRequests`, `requests: false`, `follow`), never the CLI's flags
 * (`--include`, `--include-derived`, `--include @file`, `--no-requests`, `--input`): in
 * diagnostics, in the `why` answers and in urlCalls()'s problems. The CLI keeps its flags.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate, GenerationError, urlCalls, type GenerateOptions, type UrlRequest } from "../generator";
import { runCli, scratch } from "./helpers/cli";
import { FIXTURES_DIR } from "./helpers/fixtures";
import { withValidatorsOverLimit } from "./helpers/render-limit";

const SPEC = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="t" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="thing">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
      </EntityType>
      <EntityType Name="person" BaseType="t.thing">
        <Property Name="name" Type="Edm.String"/>
        <NavigationProperty Name="pal" Type="t.note"/>
      </EntityType>
      <EntityType Name="robot" BaseType="t.thing"/>
      <EntityType Name="note">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
      </EntityType>
      <Action Name="wave" IsBound="true"><Parameter Name="it" Type="t.person"/></Action>
      <EntityContainer Name="c">
        <EntitySet Name="things" EntityType="t.thing"/>
        <EntitySet Name="persons" EntityType="t.person"/>
        <EntitySet Name="notes" EntityType="t.note"/>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

const REFERENCING = `<?xml version="1.0"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:Reference Uri="o.xml"><edmx:Include Namespace="o"/></edmx:Reference>
  <edmx:DataServices>
    <Schema Namespace="n" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <ComplexType Name="c"><Property Name="p" Type="o.Thing"/></ComplexType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

/** What generate() says: its diagnostics' messages (thrown or returned), then each `why` reason. */
function said(options: Partial<GenerateOptions>): string[] {
  try {
    const r = generate({ inputs: [{ file: "t.xml", content: SPEC }], ...options });
    const reasons = (r.slice?.why ?? []).flatMap((w) => w.answers.flatMap((a) => a.chain.map((c) => `why: ${c.reason}`)));
    return [...r.diagnostics.map((d) => d.message), ...reasons];
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    return e.diagnostics.map((d) => d.message);
  }
}

/** urlCalls()'s problems for `requests`. */
function answered(options: Partial<GenerateOptions>, requests: UrlRequest[]): string[] {
  return urlCalls({ inputs: [{ file: "t.xml", content: SPEC }], ...options }, requests).results.flatMap((r) => (r.ok ? [] : [r.problem]));
}

const FLAG = /(^|[\s(])--[a-z]/;

describe("generate() names its options", () => {
  test.each<[Partial<GenerateOptions>, string]>([
    // ODG304 and the why answers about a base type an exclude leaves out
    [{ include: ["t.*"], exclude: ["t.thing"], why: ["t.robot"] }, "exclude t.thing leaves out with t.thing what only a wildcard selects below it: t.person, t.robot, action t.wave (an include that names one by its qualified name keeps it, and t.thing as its base type)"],
    [{ include: ["t.*"], exclude: ["t.thing"], why: ["t.robot"] }, "why: not in the slice: a type below t.thing, which exclude t.thing leaves out, and only a wildcard selects it (selected by include t.*); an include of its qualified name keeps it"],
    // ODG303
    [{ include: ["t.person", "t.*"], exclude: ["t.thing"] }, "t.thing is excluded (exclude t.thing) but kept: it is the base type of t.person (selected by include t.person), and a derived type's interface extends its base type's (a type that only a glob or a namespace selects is left out with a base type an exclude names)"],
    // ODG304 for an operation and for a type on a URL path
    [{ include: ["t.wave", "t.note"], exclude: ["t.person"] }, "action t.wave is left out: parameter it is of t.person, which exclude t.person leaves out"],
    [{ include: ["/persons/{id}/pal"], exclude: ["t.person"] }, "t.person is on the URL path /persons, on the way to what include /persons/{id}/pal selects, but exclude t.person leaves it out: the slice has no path builder that reaches it"],
    [{ include: ["/persons/{id}/pal"], exclude: ["t.person"], why: ["t.person"] }, "why: not in the slice: exclude t.person leaves it out"],
    // includeDerived, includeNavigation, no include
    [{ include: ["/things"], why: ["t.person"] }, "why: not in the slice: a subtype of t.thing, which is kept (includeDerived keeps subtypes); its values are checked as t.thing, without the properties it adds (by the validators, and by checkerFor given its name), and typed as t.thing with its @odata.type"],
    [{ include: ["/things"], includeDerived: true, why: ["t.person"] }, "why: a subtype of t.thing (includeDerived)"],
    [{ include: ["/things"], includeDerived: true, why: ["t.person"] }, "why: addressed by /things (include /things)"],
    [{ include: ["t.person"], includeNavigation: true, why: ["t.note"] }, "why: the target of navigation property pal of t.person (includeNavigation)"],
    [{ include: ["t.person"], why: ["t.note"] }, "why: not in the slice: the target of navigation property pal of t.person, which is kept (includeNavigation keeps navigation targets)"],
    [{ exclude: ["t.robot"], why: ["t.note"] }, "why: no include: everything not excluded is kept"],
    [{ include: ["/persons/{id}/pal"], why: ["t.person"] }, "why: on the URL path /persons, on the way to what include /persons/{id}/pal selects"],
    [{ include: ["/persons/{id}/pal"], why: ["t.wave"] }, "why: not in the slice: it is bound to t.person, which the slice keeps only on the URL path /persons, on the way to what include /persons/{id}/pal selects; a type's bound operations come with it when a pattern selects the type (by name, or a URL path that ends at it), and a URL path that ends in the operation's name keeps that one"],
    // ODG301
    [{ include: ["t.note"], why: ["/things/*"] }, "why /things/*: a URL path names one path (keys as {id}), without * or ?"],
    // includeRequests: the why answer, and ODG302 for a file or a glob that gives nothing
    [{ includeRequests: [{ file: "r.txt", content: "GET /notes\n" }], why: ["t.note"] }, "why: addressed by /notes (includeRequests r.txt, its request at line 1)"],
    [{ includeRequests: [{ file: "r.txt", content: "GET /nowhere\n" }] }, "includeRequests r.txt: none of its requests names anything in the service"],
    [{ includeRequests: [{ file: "a.txt", content: "GET /nowhere\n", glob: "*.txt" }] }, "includeRequests *.txt: none of the 1 file it matches holds a request that names anything in the service, or imports anything from its generated modules"],
    // ODG110 without a follower
    [{ inputs: [{ file: "n.xml", content: REFERENCING }] }, "type o.Thing is in namespace o, which is referenced (edmx:Reference Uri=\"o.xml\") but not among the inputs; it is read as Edm.Untyped. The reference is not followed: the options have no follow (createFollower(files).follow follows references to local documents); give that document in inputs too"],
  ])("%j", (options, message) => {
    const messages = said(options);
    expect(messages).toContain(message);
    expect(messages.filter((m) => FLAG.test(m))).toEqual([]);
  });

  test("ODG404 names the options that make a module smaller", () => {
    const content = fs.readFileSync(path.join(FIXTURES_DIR, "orders.xml"), "utf8");
    expect(withValidatorsOverLimit(() => said({ inputs: [{ file: "orders.xml", content }] }))).toEqual([
      "shop.validators.ts would be longer than the longest string JavaScript can hold (512 MB): generate a slice (include) or leave artifacts out (validators: false, requests: false)",
    ]);
  });
});

test.each<[Partial<GenerateOptions>, UrlRequest[], string[]]>([
  [{ requests: false }, [{ path: "/notes" }], ["the output has no request functions (requests: false)"]],
  [{ include: ["t.note"] }, [{ path: "/persons" }], ['/persons is not in the slice (its include and exclude leave it out): include "/persons" keeps it']],
  [{ include: ["/things"] }, [{ path: "/things?$select=t.person/name" }], ["GET /things: $select=t.person/name: t.person is no type derived from t.thing in this slice (includeDerived keeps subtypes)"]],
  [{ include: ["/persons"] }, [{ path: "/persons?$expand=pals" }], ["GET /persons: $expand=pals: t.person has no navigation property pals in this slice (a slice keeps the navigation properties its include and exclude reach)"]],
])("urlCalls() names its options too: %j %j", (options, requests, problems) => {
  expect(answered(options, requests)).toEqual(problems);
});

test("the CLI names its flags, as before", () => {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "t.xml"), SPEC);
  const r = runCli(["generate", "-i", "t.xml", "-o", "gen", "--include", "t.person", "--include", "t.*", "--exclude", "t.thing", "--why", "t.robot", "--dry-run"], dir);
  expect(r.stdout + r.stderr).toContain("t.thing is excluded (--exclude t.thing) but kept: it is the base type of t.person (selected by --include t.person)");
  expect(r.stdout + r.stderr).toContain("which --exclude t.thing leaves out, and only a wildcard selects it (selected by --include t.*); an --include of its qualified name keeps it");
  const u = runCli(["url", "-i", "t.xml", "--include", "/things", "GET", "/things?$select=t.person/name"], dir);
  expect(u.stdout + u.stderr).toContain("in this slice (--include-derived keeps subtypes)");
});
