// CSDL §14: annotations, inline and through <Annotations Target>; the Core and Capabilities vocabularies.
import { description } from "../generator/model/rules";
import { keyAsSegment } from "../generator/model/capabilities";
import { buildOk, edmx, enumType, schema, structured, property } from "./helpers/csdl";

const CORE_REF = `<edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml"><edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/></edmx:Reference>\n`;
const desc = (text: string, term = "Org.OData.Core.V1.Description") => `<Annotation Term="${term}" String="${text}"/>`;

describe("Core.Description", () => {
  const model = buildOk(edmx(schema("ns", `
    <ComplexType Name="t">
      ${desc("inline on the type")}
      <Property Name="inline" Type="Edm.String">${desc("inline on a property", "Core.Description")}</Property>
      <Property Name="external" Type="Edm.String"/>
      <Property Name="elementForm" Type="Edm.String"><Annotation Term="Core.Description"><String>as an element</String></Annotation></Property>
    </ComplexType>
    <EnumType Name="e"><Member Name="a"/><Member Name="b"/></EnumType>
    <Annotations Target="ns.t/external">${desc("from Annotations Target", "Core.Description")}</Annotations>
    <Annotations Target="self.e">${desc("on the enum, through the alias")}</Annotations>
    <Annotations Target="ns.e/b">${desc("on a member")}</Annotations>
    <Annotations Target="ns.t/nothing">${desc("names no element")}</Annotations>`, "self"), CORE_REF));
  const t = structured(model, "ns.t");

  test.each([
    ["the type (inline)", () => t.annotations, "inline on the type"],
    ["a property (inline, term through the Core alias)", () => property(t, "inline").annotations, "inline on a property"],
    ["a property (String element form)", () => property(t, "elementForm").annotations, "as an element"],
    ["a property (<Annotations Target>)", () => property(t, "external").annotations, "from Annotations Target"],
    ["an enum (<Annotations Target> through the schema alias)", () => enumType(model, "ns.e").annotations, "on the enum, through the alias"],
    ["an enum member (<Annotations Target>)", () => enumType(model, "ns.e").members[1].annotations, "on a member"],
  ])("reaches %s", (_label, get, text) => {
    expect(description(get())).toBe(text);
  });

  test("the Core alias resolves to the vocabulary's namespace", () => {
    expect(property(t, "inline").annotations[0].term).toBe("Org.OData.Core.V1.Description");
  });

  test("a target that names no model element is kept as an external annotation", () => {
    expect([...model.externalAnnotations.keys()]).toEqual(["ns.t/nothing"]);
  });

  test("Description and LongDescription are joined; a qualified one is not the description", () => {
    const m = buildOk(edmx(schema("ns", `<ComplexType Name="t">
      ${desc("short")}${desc("long", "Org.OData.Core.V1.LongDescription")}
      <Annotation Term="Org.OData.Core.V1.Description" Qualifier="tooltip" String="other"/></ComplexType>`)));
    expect(description(structured(m, "ns.t").annotations)).toBe("short\n\nlong");
  });
});

describe("Capabilities.KeyAsSegmentSupported", () => {
  const container = (inner: string, after = "") =>
    edmx(schema("ns", `<EntityType Name="e"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
      <EntityContainer Name="svc"><EntitySet Name="es" EntityType="ns.e"/>${inner}</EntityContainer>${after}`, "self"),
      `<edmx:Reference Uri="https://example.com/cap.xml"><edmx:Include Namespace="Org.OData.Capabilities.V1" Alias="Capabilities"/></edmx:Reference>\n`);

  test.each([
    ["absent", container(""), false],
    ["inline, tag form", container(`<Annotation Term="Org.OData.Capabilities.V1.KeyAsSegmentSupported"/>`), true],
    ["inline, through the vocabulary alias", container(`<Annotation Term="Capabilities.KeyAsSegmentSupported" Bool="true"/>`), true],
    ["inline, Bool=\"false\"", container(`<Annotation Term="Org.OData.Capabilities.V1.KeyAsSegmentSupported" Bool="false"/>`), false],
    ["via <Annotations Target> on the container", container("", `<Annotations Target="ns.svc"><Annotation Term="Capabilities.KeyAsSegmentSupported"/></Annotations>`), true],
    ["via <Annotations Target> written with the schema alias", container("", `<Annotations Target="self.svc"><Annotation Term="Capabilities.KeyAsSegmentSupported"/></Annotations>`), true],
    ["on another element only", container("", `<Annotations Target="ns.e"><Annotation Term="Capabilities.KeyAsSegmentSupported"/></Annotations>`), false],
  ])("%s → %s", (_label, xml, expected) => {
    expect(keyAsSegment(buildOk(xml))).toBe(expected);
  });

  test("a document with no entity container uses parentheses", () => {
    expect(keyAsSegment(buildOk(edmx(schema("ns", `<ComplexType Name="t"/>`))))).toBe(false);
  });
});
