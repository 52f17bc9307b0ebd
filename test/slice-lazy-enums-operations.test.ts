// A slice reads enum members, and operations past their first parameter, only for what it keeps
// (parse: deferBodies; model: buildLazyModel's fill and fillOperation). What it emits must be
// exactly what slicing the fully read model emits.
import { generate } from "../generator/generate";
import { checkWellFormed } from "../generator/parse/well-formed";
import { expectSameAsFullSlice as expectSame, generationErrors } from "./helpers/slice-reference";

const SPEC = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="t.ops" Alias="o" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="color">
        <Annotation Term="Org.OData.Core.V1.Description" String="A color."/>
        <Member Name="red"><Annotation Term="Org.OData.Core.V1.Description" String="Red."/></Member>
        <Member Name="green"/>
      </EnumType>
      <EnumType Name="perm" IsFlags="true" UnderlyingType="Edm.Int16">
        <Member Name="read" Value="1"/><Member Name="write" Value="2"/>
      </EnumType>
      <EnumType Name="short"><Member Name="a"/></EnumType>
      <EnumType Name="none"/>
      <ComplexType Name="paint">
        <Property Name="color" Type="o.color"/>
        <Property Name="perms" Type="Collection(t.ops.perm)"/>
      </ComplexType>
      <EntityType Name="item">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.Int32" Nullable="false"/>
        <Property Name="paint" Type="o.paint"/>
      </EntityType>
      <EntityType Name="other">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
      </EntityType>
      <Action Name="repaint" IsBound="true">
        <Annotation Term="Org.OData.Core.V1.Description" String="Before the binding parameter."/>
        <Parameter Name="it" Type="o.item" Nullable="false">
          <Annotation Term="Org.OData.Core.V1.Description" String="The item."/>
        </Parameter>
        <Parameter Name="color" Type="o.color"/>
        <Parameter Name="perms" Type="Collection(o.perm)" Nullable="false"/>
        <ReturnType Type="o.paint"/>
        <Annotation Term="Org.OData.Core.V1.LongDescription" String="Repaints an item."/>
      </Action>
      <Function Name="shade" IsBound="true">
        <ReturnType Type="o.color" Nullable="false"/>
        <Parameter Name="it" Type="Collection(t.ops.item)"/>
        <Parameter Name="light" Type="Edm.Boolean"/>
      </Function>
      <Function Name="shade" IsBound="true">
        <Parameter Name="it" Type="o.other"/>
        <ReturnType Type="o.short"/>
      </Function>
      <Function Name="count"><ReturnType Type="Edm.Int32"/></Function>
      <Action Name="reset"/>
      <Function Name="find">
        <Parameter Name="color" Type="o.color"/>
        <Parameter Name="max" Type="Edm.Int32"/>
        <ReturnType Type="Collection(o.item)"/>
      </Function>
      <EntityContainer Name="svc">
        <EntitySet Name="items" EntityType="t.ops.item"/>
        <EntitySet Name="others" EntityType="t.ops.other"/>
        <FunctionImport Name="find" Function="o.find" EntitySet="items"/>
        <FunctionImport Name="count" Function="o.count"/>
        <ActionImport Name="reset" Action="o.reset"/>
      </EntityContainer>
      <Annotations Target="o.color/green">
        <Annotation Term="Org.OData.Core.V1.Description" String="Green."/>
      </Annotations>
      <Annotations Target="o.perm">
        <Annotation Term="Org.OData.Core.V1.Description" String="Permissions."/>
      </Annotations>
      <Annotations Target="o.repaint(o.item)/color">
        <Annotation Term="Org.OData.Core.V1.Description" String="The new color."/>
      </Annotations>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;

test("the scan locates enum contents, and operation contents after their first parameter", () => {
  const triples: number[] = [];
  expect(checkWellFormed(SPEC, { bodies: triples }).ok).toBe(true);
  const found: string[] = [];
  for (let k = 0; k < triples.length; k += 3) {
    const [tag, start, end] = [triples[k], triples[k + 1], triples[k + 2]];
    const name = /^<(\w+) Name="(\w+)"/.exec(SPEC.slice(tag))!;
    expect(SPEC.startsWith(`</${name[1]}>`, end)).toBe(true);
    // What is read in place: the start tag, and for an operation everything up to its first parameter's end.
    const inPlace = SPEC.slice(tag, start);
    found.push(`${name[2]}:${inPlace.includes("<Parameter") ? "after-parameter" : "whole"}`);
    expect((inPlace.match(/<Parameter/g) ?? []).length).toBeLessThanOrEqual(1);
    expect(SPEC.slice(start, end).trimStart().startsWith("</")).toBe(false);
  }
  expect(found).toEqual([
    "color:whole", "perm:whole", "short:whole", "paint:whole", "item:whole", "other:whole",
    "repaint:after-parameter", "shade:after-parameter", "shade:after-parameter", "count:whole", "find:after-parameter",
  ]);
});

test("enums, bound and unbound operations, overloads and imports sliced lazily: same output", () => {
  const includes = [["t.ops.item"], ["t.ops.other"], ["/items/**"], ["/find"], ["/count", "/reset"], ["t.ops.repaint"],
    ["t.ops.paint"], ["t.ops.*"], ["t.ops.shade"], ["/items/{id}/repaint"], ["/items/o.shade"], ["/others/t.ops.shade"]];
  for (const include of includes) {
    expectSame("t.xml", SPEC, { include });
    expectSame("t.xml", SPEC, { include, includeNavigation: true });
  }
  expectSame("t.xml", SPEC, { exclude: ["t.ops.other"] });
  const model = generate({ inputs: [{ file: "t.xml", content: SPEC }], include: ["t.ops.item"] }).model;
  const repaint = model.schemas[0].operations.find((o) => o.name === "repaint")!;
  expect(repaint.parameters.map((p) => p.name)).toEqual(["color", "perms"]);
  expect(repaint.annotations.map((a) => a.value)).toHaveLength(2);
  const color = model.types.get("t.ops.color");
  expect(color?.kind === "enum" && color.members.map((m) => [m.name, m.annotations.length])).toEqual([["red", 1], ["green", 1]]);
  expect(color?.annotations).toHaveLength(1);
  // The block on the overload's parameter is applied to the parameter (operation-targets.ts).
  expect(repaint.parameters.find((p) => p.name === "color")?.annotations.map((a) => a.value)).toEqual([{ kind: "constant", type: "String", value: "The new color." }]);
});

const errors = (text: string, include: string[] | undefined) => generationErrors(text, { include });
const warnings = (text: string, include: string[] | undefined) =>
  generate({ inputs: [{ file: "t.xml", content: text }], include }).diagnostics.filter((d) => d.severity === "warning").map((d) => `${d.line}:${d.column} ${d.message}`);

/** "line:column" (1-based) of the first `snippet` in `text`: where a diagnostic about that element must point. */
function at(text: string, snippet: string): string {
  const before = text.slice(0, text.indexOf(snippet));
  return `${before.split("\n").length}:${before.length - before.lastIndexOf("\n")}`;
}

test("a problem in an enum or operation the slice reads is reported where it is; one it never reads is not", () => {
  const noMemberName = SPEC.replace('<Member Name="write" Value="2"/>', '<Member Value="2"/>');
  const memberError = [`${at(noMemberName, '<Member Value="2"/>')} <Member> has no Name attribute`];
  expect(errors(noMemberName, undefined)).toEqual(memberError);
  expect(errors(noMemberName, ["t.ops.paint"])).toEqual(memberError);
  expect(errors(noMemberName, ["t.ops.other"])).toEqual([]);
  // A parameter of an undefined type leaves its operation out with a warning (model-operation-undefined-types.test.ts).
  const badParameter = SPEC.replace('<Parameter Name="light" Type="Edm.Boolean"/>', '<Parameter Name="light" Type="o.nothing"/>');
  const parameterWarning = [`${at(badParameter, '<Parameter Name="light"')} parameter light of function t.ops.shade is of type o.nothing, which is not defined; the function is left out`];
  expect(warnings(badParameter, undefined)).toEqual(parameterWarning);
  expect(warnings(badParameter, ["/items"])).toEqual(parameterWarning);
  expect(warnings(badParameter, ["t.ops.other"])).toEqual([]);
  expect(errors(badParameter, ["/items"])).toEqual([]);
  // The binding parameter is read with the model: bound to a type no document declares, the
  // operation is left out with a warning, by every slice (model-navigation.test.ts), and no slice fails.
  const badBinding = SPEC.replace('<Parameter Name="it" Type="o.other"/>', '<Parameter Name="it" Type="o.missing"/>');
  expect(errors(badBinding, ["t.ops.item"])).toEqual([]);
  expect(errors(badBinding, undefined)).toEqual([]);
  // A parameter named twice, past the first one read with the model: an error in the slice that
  // reads the operation, as in the whole run (it emitted a params type with the name twice).
  const twice = SPEC.replace('<Parameter Name="light" Type="Edm.Boolean"/>', '<Parameter Name="light" Type="Edm.Boolean"/><Parameter Name="light" Type="Edm.Int32"/>');
  const twiceError = errors(twice, undefined);
  expect(twiceError).toEqual([expect.stringMatching(/^\d+:\d+ t\.ops\.shade declares light more than once/)]);
  expect(errors(twice, ["/items"])).toEqual(twiceError);
  expect(errors(twice, ["t.ops.other"])).toEqual([]);
});
