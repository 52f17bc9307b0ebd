// A slice reads the members of entity and complex types only for the types it looks at (parse:
// deferTypeBodies, model: buildLazyModel's fill). What it emits must be exactly what slicing the
// fully read model emits.
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { checkWellFormed } from "../generator/parse/well-formed";
import { expectSameAsFullSlice, generationErrors } from "./helpers/slice-reference";

const SPEC = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="t.core" Alias="c" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <ComplexType Name="info"><Property Name="id" Type="Edm.Int32" Nullable="false"/></ComplexType>
      <EntityType Name="base" Abstract="true">
        <Property Name="made" Type="Edm.DateTimeOffset"/>
        <Annotation Term="Org.OData.Core.V1.Description" String="The base."/>
      </EntityType>
      <EntityType Name="keyed" BaseType="c.base">
        <Key><PropertyRef Name="info/id" Alias="id"/></Key>
        <Property Name="info" Type="c.info" Nullable="false"/>
        <NavigationProperty Name="next" Type="t.core.leaf"/>
        <NavigationProperty Name="others" Type="Collection(t.core.other)" ContainsTarget="true"/>
      </EntityType>
      <EntityType Name="leaf" BaseType="t.core.keyed"><Property Name="size" Type="Edm.Int64"/></EntityType>
      <EntityType Name="other">
        <Key><PropertyRef Name="name"/></Key>
        <Property Name="name" Type="Edm.String" Nullable="false"/>
      </EntityType>
      <EntityType Name="empty" BaseType="t.core.other"/>
      <EntityContainer Name="svc">
        <EntitySet Name="keyeds" EntityType="t.core.keyed"/>
        <EntitySet Name="others" EntityType="t.core.other"/>
      </EntityContainer>
      <Annotations Target="c.keyed/info">
        <Annotation Term="Org.OData.Core.V1.Description" String="Its info."/>
      </Annotations>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;

const expectSame = expectSameAsFullSlice;

test("the scan locates the contents of the schemas' entity and complex types, and only those", () => {
  const triples: number[] = [];
  expect(checkWellFormed(SPEC, { bodies: triples }).ok).toBe(true);
  const found = [];
  for (let k = 0; k < triples.length; k += 3) {
    expect(SPEC.charCodeAt(triples[k + 1] - 1)).toBe(">".charCodeAt(0));
    expect(SPEC.startsWith("</", triples[k + 2])).toBe(true);
    found.push(/^<\w+ Name="(\w+)"/.exec(SPEC.slice(triples[k]))?.[1]);
  }
  // The empty-element tag `empty` has no content.
  expect(found).toEqual(["info", "base", "keyed", "leaf", "other"]);
});

test("keys through complex properties, inherited keys, own and inherited annotations: same output", () => {
  for (const include of [["/keyeds/**"], ["/keyeds"], ["t.core.leaf"], ["t.core.empty"], ["/keyeds/*"], ["t.core.*"]]) {
    expectSame("t.xml", SPEC, { include });
    expectSame("t.xml", SPEC, { include, includeDerived: true });
    expectSame("t.xml", SPEC, { include, includeNavigation: true });
  }
  const model = generate({ inputs: [{ file: "t.xml", content: SPEC }], include: ["t.core.leaf"] }).model;
  const leaf = model.types.get("t.core.leaf");
  expect(leaf?.kind === "entity" && leaf.keyNames).toEqual(["id"]);
  expect(model.types.get("t.core.base")?.annotations.length).toBe(1);
  expect(model.types.has("t.core.other")).toBe(false);
});

/** Fixture, a name pattern and a path pattern to include, and a name pattern to exclude (each matches something). */
const FIXTURES: [string, string, string | undefined, string][] = [
  ["enums.xml", "paint.*", undefined, "paint.swatch"],
  ["inheritance.xml", "**.bird", "/animals/**", "**.bird"],
  ["orders.xml", "shop.orderLine", "/mainStore/**", "shop.orderLine"],
  ["trippin-lite.xml", "Travel.Lite.Trip", "/People/*/Trips/**", "Travel.Lite.Trip"],
  ["validation.xml", "Test.Validation.Shape", "/People/**", "Test.Validation.Shape"],
  ["requests/campus-bindings.xml", "**", "/*", "Uni.Campus.Note"],
];

test.each(FIXTURES)("the fixture %s sliced by name and by path, with and without derived types and navigation", (name, pattern, pathPattern, exclude) => {
  const file = path.resolve(__dirname, "fixtures", name);
  const content = fs.readFileSync(file, "utf8");
  for (const include of pathPattern ? [[pattern], [pathPattern]] : [[pattern]]) {
    expectSame(file, content, { include });
    expectSame(file, content, { include, includeDerived: true });
    expectSame(file, content, { include, includeNavigation: true });
  }
  expectSame(file, content, { exclude: [exclude] });
});

const failures = generationErrors;

test("a problem inside a type the slice reads is reported where it is; one it never reads is not", () => {
  // A reader's problem (the attribute is read when the content is) and a model's (the key is checked when it is filled).
  const noType = SPEC.replace('<Property Name="size" Type="Edm.Int64"/>', '<Property Name="size"/>');
  const badKey = SPEC.replace('<PropertyRef Name="name"/>', '<PropertyRef Name="nom"/>');
  const typeError = ["16:55 <Property> has no Type attribute"];
  const keyError = ["18:14 key property nom is not a property of t.core.other"];
  expect(failures(noType, {})).toEqual(typeError);
  expect(failures(noType, { include: ["t.core.leaf"] })).toEqual(typeError);
  expect(failures(noType, { include: ["/keyeds/**"], includeDerived: true })).toEqual(typeError);
  expect(failures(noType, { include: ["t.core.other"] })).toEqual([]);
  expect(failures(badKey, {})).toEqual(keyError);
  expect(failures(badKey, { include: ["/others"] })).toEqual(keyError);
  expect(failures(badKey, { include: ["t.core.empty"] })).toEqual(keyError);
  expect(failures(badKey, { include: ["t.core.leaf"] })).toEqual([]);
});

test("with entities declared in a DOCTYPE, type contents and annotation blocks are read in place (a part could not be parsed alone)", () => {
  const withEntity = SPEC.replace('<edmx:Edmx Version', '<!DOCTYPE edmx:Edmx [<!ENTITY made "made"><!ENTITY info "Its info">]>\n<edmx:Edmx Version')
    .replace('<Property Name="made"', '<Property Name="&made;"')
    .replace('String="Its info."', 'String="&info;."');
  expect(checkWellFormed(withEntity)).toMatchObject({ ok: true, declaresEntities: true });
  expectSame("t.xml", withEntity, { include: ["t.core.leaf"] });
  const files = expectSame("t.xml", withEntity, { include: ["/keyeds/**"] });
  expect([...files.values()].join("\n")).toContain("Its info.");
});

const GRAPH = path.resolve(__dirname, "..", "..", "shared", "corpus", "graph-v1.0-clean.xml");
const graphTest = fs.existsSync(GRAPH) ? test : test.skip;
if (!fs.existsSync(GRAPH)) console.warn(`SKIPPED: ${GRAPH} is absent (../shared/corpus), so the Graph slices are not compared`);

graphTest("Graph: callRecords, user and deviceManagement slices equal slicing the fully read model", () => {
  const content = fs.readFileSync(GRAPH, "utf8");
  expectSame(GRAPH, content, { include: ["/communications/callRecords/**"] });
  expectSame(GRAPH, content, { include: ["microsoft.graph.user"] });
  expectSame(GRAPH, content, { include: ["/deviceManagement/deviceConfigurations/**"] });
  expectSame(GRAPH, content, { include: ["/communications/callRecords/**"], includeDerived: true });
  expectSame(GRAPH, content, { include: ["/communications/callRecords/*"], includeNavigation: true });
}, 240000);
