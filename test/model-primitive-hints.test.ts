// A type name meant as an Edm primitive type that is not one (CSDL §4.4) gets a "did you mean":
// misspelt (`Edm.Strin`), in another case (`Edm.bool`, `edm.Boolean`, `EDM.String`), cut short
// (`Edm.Bool`), another type system's name (`Edm.Integer`, `Edm.Long`, `Edm.Float`), V2's
// `DateTime` in another case (`Edm.Datetime`), or without its namespace (`Boolean`).
import { generate, GenerationError } from "../generator";
import { build, edmx, schema } from "./helpers/csdl";

const CASES: [string, string][] = [
  ["Edm.Bool", "Edm.Bool is not an OData primitive type (did you mean Edm.Boolean?); it is read as Edm.Untyped"],
  ["Edm.bool", "Edm.bool is not an OData primitive type (did you mean Edm.Boolean?)"],
  ["Edm.Integer", "Edm.Integer is not an OData primitive type (did you mean Edm.Int32?)"],
  ["Edm.Long", "Edm.Long is not an OData primitive type (did you mean Edm.Int64?)"],
  ["Edm.Float", "Edm.Float is not an OData primitive type (did you mean Edm.Single?)"],
  ["Edm.Datetime", "Edm.Datetime is not an OData primitive type (did you mean Edm.DateTimeOffset?)"],
  ["Edm.DateTimeOfset", "Edm.DateTimeOffset?"],
  ["Edm.Strin", "(did you mean Edm.String?)"],
  ["Collection(Edm.Bool)", "Edm.Bool is not an OData primitive type (did you mean Edm.Boolean?)"],
  ["edm.Boolean", "type edm.Boolean is not defined (did you mean Edm.Boolean?)"],
  ["EDM.String", "type EDM.String is not defined (did you mean Edm.String?)"],
  ["Boolean", "type Boolean is not defined (did you mean Edm.Boolean?)"],
];

describe("a near miss of an Edm primitive type name where a type is expected", () => {
  test.each(CASES)("a property of type %s", (type, message) => {
    const { diagnostics } = build(edmx(schema("ns", `<ComplexType Name="t"><Property Name="f" Type="${type}"/></ComplexType>`)));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ path: "ns.t/f", file: "test.xml" });
    expect(diagnostics[0].line).toBeGreaterThan(0);
    expect(diagnostics[0].message).toContain(message);
  });

  test("a parameter, a return type and a term", () => {
    const { diagnostics } = build(edmx(schema("ns", `<Function Name="fn"><Parameter Name="p" Type="Edm.Bool"/><ReturnType Type="Edm.Integer"/></Function><Term Name="tm" Type="Edm.Long"/>`)));
    expect(diagnostics.map((d) => [d.path, d.message.replace(/ is not .*\(/, " (")])).toEqual([
      ["ns.fn/p", "Edm.Bool (did you mean Edm.Boolean?); it is read as Edm.Untyped"],
      ["ns.fn/$ReturnType", "Edm.Integer (did you mean Edm.Int32?); it is read as Edm.Untyped"],
      ["ns.tm", "Edm.Long (did you mean Edm.Int64?); it is read as Edm.Untyped"],
    ]);
  });

  test("a type definition's underlying type", () => {
    const { diagnostics } = build(edmx(schema("ns", `<TypeDefinition Name="td" UnderlyingType="Edm.Integer"/>`)));
    expect(diagnostics).toEqual([expect.objectContaining({ severity: "error", code: "ODG108", path: "ns.td", message: "type definition's underlying type Edm.Integer is not an Edm primitive type (did you mean Edm.Int32?)" })]);
  });

  test("an operation's parameter read for a slice", () => {
    const xml = edmx(schema("ns", `<ComplexType Name="t"/><Action Name="act"><Parameter Name="p" Type="edm.Boolean"/></Action><EntityContainer Name="c"><ActionImport Name="act" Action="ns.act"/></EntityContainer>`));
    let thrown: unknown;
    try {
      generate({ inputs: [{ file: "a.xml", content: xml }], include: ["ns.act"] });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(GenerationError);
    const messages = (thrown as GenerationError).diagnostics.map((d) => d.message);
    expect(messages).toContainEqual(expect.stringContaining("is of type edm.Boolean, which is not defined (did you mean Edm.Boolean?)"));
  });

  test("no hint where nothing is near, or the name is another namespace's", () => {
    const { diagnostics } = build(edmx(schema("ns", `<ComplexType Name="t"><Property Name="f" Type="Edm.Str"/><Property Name="g" Type="other.Boolean"/></ComplexType>`)));
    expect(diagnostics.map((d) => d.message)).toEqual([
      "Edm.Str is not an OData primitive type; it is read as Edm.Untyped",
      "type other.Boolean is not defined",
    ]);
  });

  test("a name without its namespace that a schema's type has is that type, not a primitive type", () => {
    const types = `<TypeDefinition Name="Text" UnderlyingType="Edm.String"/><ComplexType Name="Boolean"/><EntityType Name="Data"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>`;
    const { diagnostics } = build(edmx(schema("ns", `${types}<ComplexType Name="t"><Property Name="f" Type="Text"/><Property Name="g" Type="Boolean"/><Property Name="h" Type="Data"/><Property Name="i" Type="Integer"/></ComplexType>`)));
    expect(diagnostics.map((d) => d.message)).toEqual([
      "type Text is not defined (did you mean ns.Text?)",
      "type Boolean is not defined (did you mean ns.Boolean?)",
      "type Data is not defined (did you mean ns.Data?)",
      "type Integer is not defined (did you mean Edm.Int32?)",
    ]);
  });
});

describe("a near name that is itself not a name", () => {
  test("a type whose name is reported as unsafe (ODG102) is not suggested for a misspelt reference", () => {
    const xml = edmx(schema("ns", `<ComplexType Name="work*/space"/><ComplexType Name="t"><Property Name="f" Type="ns.workspace"/></ComplexType>`));
    const { diagnostics } = build(xml);
    const undefinedType = diagnostics.find((d) => d.code === "ODG103");
    expect(undefinedType?.message).toBe("type ns.workspace is not defined");
    expect(diagnostics.map((d) => d.code)).toContain("ODG102");
  });
});
