// CSDL XML §14.2–14.3: an <Annotation> needs a Term and a constant value written as its kind's literal;
// an <Annotations Target> names an element. Each mistake is reported at its element: a warning where
// the generated code reads the term (TERMS_READ), else a note that is not printed.
import { generate } from "../generator/generate";
import { isComputed } from "../generator/model/rules";
import { build, edmx, entity, property, schema } from "./helpers/csdl";

const CORE = `<edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml"><edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/></edmx:Reference>\n`;
const KEYED = `<Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/>`;
const TYPES = `
  <EntityType Name="person">${KEYED}<Property Name="age" Type="Edm.Int32"/><Property Name="home" Type="ns.address"/>
    <NavigationProperty Name="friends" Type="Collection(ns.person)"/></EntityType>
  <EntityType Name="employee" BaseType="ns.person"><Property Name="badge" Type="Edm.String"/></EntityType>
  <ComplexType Name="address"><Property Name="street" Type="Edm.String"/></ComplexType>
  <EnumType Name="color"><Member Name="red"/></EnumType>
  <TypeDefinition Name="code" UnderlyingType="Edm.String"/>
  <Term Name="note" Type="Edm.String"/>
  <Function Name="f"><Parameter Name="x" Type="Edm.Int32"/><ReturnType Type="Edm.Int32"/></Function>
  <Function Name="g" IsBound="true"><Parameter Name="p" Type="ns.person"/><Parameter Name="y" Type="Edm.Int32"/><ReturnType Type="Edm.Int32"/></Function>
  <Action Name="a"><Parameter Name="x" Type="Edm.Int32"/></Action>
  <EntityContainer Name="svc"><EntitySet Name="people" EntityType="ns.person"/><Singleton Name="me" Type="ns.person"/>
    <FunctionImport Name="fi" Function="ns.f"/></EntityContainer>`;

const report = (body: string) =>
  build(edmx(schema("ns", `${TYPES}${body}`, "self"), CORE)).diagnostics.map((d) => [d.severity, d.code, d.path, d.message, d.line > 0]);

describe("<Annotation> Term", () => {
  test("an annotation without a Term, or with an empty one, is a warning at its element and is ignored", () => {
    const b = build(edmx(schema("ns", `<ComplexType Name="t"><Property Name="p" Type="Edm.String">
      <Annotation String="no term"/><Annotation Term="" String="empty term"/></Property></ComplexType>`)));
    expect(b.diagnostics.map((d) => [d.severity, d.code, d.path, d.message, d.line])).toEqual([
      ["warning", "ODG101", "ns.t/p", "<Annotation> has no Term attribute, or an empty one (CSDL XML §14.2: Term is required); the annotation is ignored", 6],
      ["warning", "ODG101", "ns.t/p", "<Annotation> has no Term attribute, or an empty one (CSDL XML §14.2: Term is required); the annotation is ignored", 6],
    ]);
    expect(b.model.types.get("ns.t")).toMatchObject({ properties: [{ annotations: [] }] });
  });

  test("in an <Annotations> block too", () => {
    expect(report(`<Annotations Target="ns.person/age"><Annotation Bool="true"/></Annotations>`)).toEqual([
      ["warning", "ODG101", "ns.person/age", "<Annotation> has no Term attribute, or an empty one (CSDL XML §14.2: Term is required); the annotation is ignored", true],
    ]);
  });
});

describe("constant values", () => {
  const computed = (value: string, where: "inline" | "block" = "inline") => {
    const ann = `<Annotation Term="Core.Computed" ${value}/>`;
    const body = where === "inline"
      ? `<EntityType Name="t">${KEYED}<Property Name="p" Type="Edm.Int32">${ann}</Property></EntityType>`
      : `<EntityType Name="t">${KEYED}<Property Name="p" Type="Edm.Int32"/></EntityType><Annotations Target="ns.t/p">${ann}</Annotations>`;
    const b = build(edmx(schema("ns", body), CORE));
    return { computed: isComputed(property(entity(b.model, "ns.t"), "p")), diagnostics: b.diagnostics.map((d) => [d.severity, d.code, d.path, d.message]) };
  };

  test.each([
    ["true", `Bool="true"`, true],
    ["1 (xs:boolean)", `Bool="1"`, true],
    [" true  (whitespace)", `Bool=" true "`, true],
    ["false", `Bool="false"`, false],
    ["0", `Bool="0"`, false],
    ["no value (a tag)", ``, true],
  ])("Core.Computed with %s is read silently", (_label, value, expected) => {
    expect(computed(value)).toEqual({ computed: expected, diagnostics: [] });
  });

  test.each([["inline"], ["block"]] as const)("a Bool that is not a boolean on a term the code reads is a warning saying how it is read (%s)", (where) => {
    expect(computed(`Bool="maybe"`, where)).toEqual({
      computed: false,
      diagnostics: [["warning", "ODG102", "ns.t/p", `Bool="maybe" is not a boolean (true, false, 1 or 0); Org.OData.Core.V1.Computed is read as false`]],
    });
  });

  test("the element form is checked too", () => {
    const b = build(edmx(schema("ns", `<ComplexType Name="t"><Property Name="p" Type="Edm.Int32"><Annotation Term="Core.Immutable"><Bool>yes</Bool></Annotation></Property></ComplexType>`), CORE));
    expect(b.diagnostics.map((d) => [d.severity, d.message])).toEqual([["warning", `Bool="yes" is not a boolean (true, false, 1 or 0); Org.OData.Core.V1.Immutable is read as false`]]);
  });

  test("a literal that is not one of its kind on another term is a note (not printed); valid literals are silent", () => {
    const b = build(edmx(schema("ns", `<ComplexType Name="t"><Property Name="p" Type="Edm.Int32">
      <Annotation Term="Other.int" Int="12x"/><Annotation Term="Other.bool" Bool="maybe"/><Annotation Term="Other.guid" Guid="nope"/>
      <Annotation Term="Other.ok1" Int="-3"/><Annotation Term="Other.ok2" Float="1.5e3"/><Annotation Term="Other.ok3" Date="2024-02-29"/>
      <Annotation Term="Other.ok4" String="anything"/></Property></ComplexType>`)));
    expect(b.diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([
      ["info", "ODG102", `Int="12x" is not an Edm.Int64 literal; it is kept as written`],
      ["info", "ODG102", `Bool="maybe" is not a boolean (true, false, 1 or 0); it is kept as written`],
      ["info", "ODG102", `Guid="nope" is not an Edm.Guid literal; it is kept as written`],
    ]);
  });
});

describe("<Annotations Target>", () => {
  const block = (target: string, term = "Core.Description") => `<Annotations Target="${target}"><Annotation Term="${term}" String="x"/></Annotations>`;

  test.each([
    "ns", "self", "ns.person", "self.person", "ns.person/age", "ns.employee/age", "ns.person/home/street", "ns.person/friends/age",
    "ns.person/ns.employee/badge", "ns.employee/ns.person/age", "ns.person/@Core.Description", "ns.color", "ns.color/red", "ns.code", "ns.note", "ns.address/street",
    "ns.f", "ns.f(Edm.Int32)", "ns.f/x", "ns.f/$ReturnType", "ns.g/p", "ns.g(ns.person,Edm.Int32)/y", "ns.g(self.person, Edm.Int32)", "ns.svc", "self.svc", "ns.svc/people",
    "ns.svc/people/friends", "ns.svc/me", "ns.svc/fi",
    // Other namespaces: a referenced vocabulary, one not among the inputs.
    "Org.OData.Core.V1.Description", "Core.Computed", "other.thing/x",
  ])("%s names an element (or is not the inputs' to check)", (target) => {
    expect(report(block(target))).toEqual([]);
  });

  test.each([
    ["ns.persn", "ns.persn is not defined"],
    ["ns.person/agee", "ns.person has no property or navigation property agee"],
    ["self.person/home/strete", "ns.address has no property or navigation property strete"],
    ["ns.person/age/x", "x follows a property that is not of a structured type"],
    ["ns.person/ns.nothing/badge", "ns.nothing is not an entity or complex type"],
    // CSDL 4.01 §14.4.1.1: a cast names a type derived from the value's (an entity is no address).
    ["ns.person/ns.address/street", "ns.address is not derived from ns.person, so no value there can be cast to it"],
    ["ns.person/home/ns.employee/badge", "ns.employee is not derived from ns.address, so no value there can be cast to it"],
    ["ns.color/blue", "ns.color has no member blue"],
    ["ns.code/x", "ns.code is a type definition, which has no members"],
    ["ns.f/y", "ns.f has no parameter y"],
    // CSDL §12.8: an action without a ReturnType returns nothing (its Validation constraints would be lost unsaid).
    ["ns.a/$ReturnType", "ns.a has no return type"],
    // CSDL XML §14.2.1: a function's overload is named by all its parameter types.
    ["ns.f(Edm.String)", "no overload of ns.f is ns.f(Edm.String): a function's is named by all its parameter types, an action's by its binding parameter's type"],
    ["ns.g(ns.person)/y", "no overload of ns.g is ns.g(ns.person): a function's is named by all its parameter types, an action's by its binding parameter's type"],
    ["ns.svc/persons", "ns.svc has no entity set, singleton or import persons"],
    ["ns.svc/people/enemies", "ns.person has no property or navigation property enemies"],
    ["ns.note/x", "ns.note is a term, which has no members"],
  ])("%s: a warning at the block when it holds a term the code reads", (target, why) => {
    expect(report(block(target))).toEqual([
      ["warning", "ODG103", target, `<Annotations Target="${target}"> names no element of the model (${why}); its annotations are ignored`, true],
    ]);
  });

  test("a block of terms no generated line reads gets a note (Graph v1.0 has six such blocks of capability restrictions)", () => {
    expect(report(block("ns.person/agee", "Org.OData.Capabilities.V1.UpdateRestrictions")).filter((d) => d[1] === "ODG103").map((d) => d[0])).toEqual(["info"]);
  });

  test("a slice checks the blocks it reads", () => {
    const content = edmx(schema("ns", `${TYPES}${block("ns.person/agee", "Core.Computed")}${block("ns.address/strete")}`), CORE);
    const { diagnostics } = generate({ inputs: [{ file: "s.xml", content }], include: ["ns.person"] });
    expect(diagnostics.filter((d) => d.code === "ODG103").map((d) => [d.severity, d.path])).toEqual([
      ["warning", "ns.person/agee"],
      ["warning", "ns.address/strete"],
    ]);
  });
});
