// A slice reads the schemas' <Annotations> blocks only for what it keeps (parse: deferAnnotationGroups,
// generate: readDeferred). What it emits must be exactly what slicing the fully read model emits.
import * as fs from "node:fs";
import * as path from "node:path";
import { DiagnosticBag } from "../generator/diagnostics";
import { generate } from "../generator/generate";
import { readCsdlXml } from "../generator/parse/xml";
import { checkWellFormed } from "../generator/parse/well-formed";
import { expectSameAsFullSlice } from "./helpers/slice-reference";

const SPEC = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="t.core" Alias="c" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="color"><Member Name="red"/><Member Name="blue"/></EnumType>
      <EntityType Name="kept">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
        <Property Name="color" Type="c.color"/>
        <Property Name="made" Type="Edm.DateTimeOffset"/>
      </EntityType>
      <EntityType Name="dropped">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
      </EntityType>
      <Action Name="touch" IsBound="true"><Parameter Name="it" Type="t.core.kept"/></Action>
      <EntityContainer Name="svc">
        <EntitySet Name="kepts" EntityType="t.core.kept"/>
        <EntitySet Name="droppeds" EntityType="t.core.dropped"/>
      </EntityContainer>
      <Annotations Target="t.core.kept">
        <Annotation Term="Org.OData.Core.V1.Description" String="A kept thing."/>
      </Annotations>
      <Annotations Target="c.kept/made">
        <Annotation Term="Org.OData.Core.V1.Computed" Bool="true"/>
        <Annotation Term="Org.OData.Core.V1.Description" String="When it was made."/>
      </Annotations>
      <Annotations Target="t.core.dropped">
        <Annotation Term="Org.OData.Core.V1.Description" String="DROPPED-ONLY"/>
      </Annotations>
      <Annotations Target="t.core.color/blue">
        <Annotation Term="Org.OData.Core.V1.Description" String="The colour of the sky."/>
      </Annotations>
      <Annotations Target="t.core.svc">
        <Annotation Term="Org.OData.Capabilities.V1.KeyAsSegmentSupported" Bool="true"/>
      </Annotations>
      <Annotations Target="t.core.svc/kepts">
        <Annotation Term="Org.OData.Core.V1.OptimisticConcurrency"><Collection><PropertyPath>made</PropertyPath></Collection></Annotation>
      </Annotations>
      <Annotations Target="t.core.touch(t.core.kept)">
        <Annotation Term="Org.OData.Core.V1.Description" String="Touches it."/>
      </Annotations>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;

function expectSame(file: string, content: string, include: string[]): Map<string, string> {
  return expectSameAsFullSlice(file, content, { include });
}

test("a slice emits what slicing the fully read model emits, annotation blocks included", () => {
  const files = expectSame("t.xml", SPEC, ["/kepts/**"]);
  const color = generate({ inputs: [{ file: "t.xml", content: SPEC }], include: ["/kepts/**"] }).model.types.get("t.core.color");
  expect(color?.kind === "enum" && color.members.map((m) => m.annotations.length)).toEqual([0, 1]);
  const all = [...files.values()].join("\n");
  expect(all).toContain("A kept thing.");
  expect(all).toContain("When it was made.");
  expect(all).not.toContain("DROPPED-ONLY");
  // The container's annotation blocks apply too: key-as-segment URLs and the set's ETag.
  expect(files.get("t.core.requests.ts")).toMatch(/segmentKey|etag: true/);
});

test("the inheritance fixture sliced by name", () => {
  const file = path.resolve(__dirname, "fixtures", "inheritance.xml");
  expectSame(file, fs.readFileSync(file, "utf8"), ["**.bird"]);
});

test("the scan locates the schemas' <Annotations> blocks, and only those", () => {
  const spans: number[] = [];
  expect(checkWellFormed(SPEC, { schemaAnnotations: spans }).ok).toBe(true);
  const blocks = [];
  for (let k = 0; k < spans.length; k += 2) blocks.push(SPEC.slice(spans[k], spans[k + 1]));
  expect(blocks).toHaveLength(7);
  for (const b of blocks) expect(b).toMatch(/^<Annotations Target="[^"]+">[\s\S]*<\/Annotations>$/);
  const prefixed = `<e:Edmx xmlns:e="x"><e:DataServices><e:Schema Namespace="n"><e:Annotations Target="n.a"/>` +
    `<e:EntityType Name="a"><e:Annotations Target="not-a-schema-child"/></e:EntityType></e:Schema></e:DataServices></e:Edmx>`;
  const more: number[] = [];
  expect(checkWellFormed(prefixed, { schemaAnnotations: more }).ok).toBe(true);
  expect(more.length).toBe(2);
  expect(prefixed.slice(more[0], more[1])).toBe('<e:Annotations Target="n.a"/>');
});

test("diagnostics keep their lines and columns when blocks are deferred", () => {
  const read = (text: string, defer: boolean) => {
    const diags = new DiagnosticBag();
    readCsdlXml("t.xml", text, diags, { deferAnnotationGroups: defer });
    return diags.items.map((d) => `${d.line}:${d.column} ${d.message}`);
  };
  const failures = (text: string) => {
    try {
      generate({ inputs: [{ file: "t.xml", content: text }], include: ["/kepts/**"] });
    } catch (e) {
      const diagnostics = (e as { diagnostics: { severity: string; line: number; column: number; message: string }[] }).diagnostics;
      return diagnostics.filter((d) => d.severity === "error").map((d) => `${d.line}:${d.column} ${d.message}`);
    }
    return [];
  };
  // An element after the masked blocks' place in the text is reported where it is.
  const badSet = SPEC.replace('<EntitySet Name="droppeds"', '<EntitySet Nom="droppeds"');
  expect(read(badSet, true)).toEqual(["19:9 <EntitySet> has no Name attribute", "19:20 Nom is not an attribute CSDL defines on <EntitySet>: it is ignored"]);
  expect(read(badSet, false)).toEqual(read(badSet, true));
  // A block without a Target may concern anything kept, so a slice reads it and reports it in place.
  const badGroup = SPEC.replace('<Annotations Target="t.core.color/blue">', "<Annotations>");
  expect(read(badGroup, false)).toEqual(["31:7 <Annotations> has no Target attribute"]);
  expect(read(badGroup, true)).toEqual([]);
  expect(failures(badGroup)).toEqual(["31:7 <Annotations> has no Target attribute"]);
});

const GRAPH = path.resolve(__dirname, "..", "..", "shared", "corpus", "graph-v1.0-clean.xml");
const graphTest = fs.existsSync(GRAPH) ? test : test.skip;
if (!fs.existsSync(GRAPH)) console.warn(`SKIPPED: ${GRAPH} is absent (../shared/corpus), so the Graph slices are not compared`);

graphTest("Graph: the callRecords and deviceManagement slices equal slicing the fully read model", () => {
  const content = fs.readFileSync(GRAPH, "utf8");
  expectSame(GRAPH, content, ["/communications/callRecords/**"]);
  expectSame(GRAPH, content, ["microsoft.graph.windows10GeneralConfiguration", "/deviceManagement/managedDevices/**"]);
}, 120000);
