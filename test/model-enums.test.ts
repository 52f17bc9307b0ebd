// CSDL §10: enumeration types, member values and IsFlags.
import { build, buildOk, edmx, enumType, schema } from "./helpers/csdl";

function members(body: string, attrs = "") {
  const m = buildOk(edmx(schema("ns", `<EnumType Name="e"${attrs}>${body}</EnumType>`)));
  return enumType(m, "ns.e");
}

describe("enum member values", () => {
  test.each([
    ["no values: 0, 1, 2 in document order", `<Member Name="a"/><Member Name="b"/><Member Name="c"/>`, [["a", 0], ["b", 1], ["c", 2]]],
    ["explicit values, with gaps", `<Member Name="a" Value="0"/><Member Name="b" Value="7"/><Member Name="c" Value="9"/>`, [["a", 0], ["b", 7], ["c", 9]]],
    ["flags values (powers of two)", `<Member Name="r" Value="1"/><Member Name="w" Value="2"/><Member Name="x" Value="4"/>`, [["r", 1], ["w", 2], ["x", 4]]],
    ["negative values", `<Member Name="neg" Value="-1"/><Member Name="zero" Value="0"/>`, [["neg", -1], ["zero", 0]]],
  ])("%s", (_label, body, expected) => {
    expect(members(body).members.map((m) => [m.name, m.value])).toEqual(expected);
  });
});

describe("enum type attributes", () => {
  test.each([
    ["", "Int32", false],
    [` UnderlyingType="Edm.Byte"`, "Byte", false],
    [` UnderlyingType="Edm.Int64" IsFlags="true"`, "Int64", true],
    [` IsFlags="false"`, "Int32", false],
  ])("attributes %j → underlying %s, flags %s", (attrs, underlying, flags) => {
    const e = members(`<Member Name="a" Value="1"/>`, attrs);
    expect(e.underlying).toBe(underlying);
    expect(e.isFlags).toBe(flags);
  });

  test("a non-integer underlying type is an error at the enum's path", () => {
    const b = build(edmx(schema("ns", `<EnumType Name="e" UnderlyingType="Edm.String"><Member Name="a"/></EnumType>`)));
    expect(b.errors).toEqual([expect.objectContaining({ code: "ODG102", path: "ns.e", line: 5, column: 1 })]);
  });

  test("a type defined twice is an error at the later definition, whatever the kinds", () => {
    for (const [first, second] of [["<EnumType Name=\"e\"/>", "<ComplexType Name=\"e\"/>"], ["<EntityType Name=\"e\"/>", "<ComplexType Name=\"e\"/>"]]) {
      const b = build(edmx(schema("ns", `${first}\n${second}`)));
      expect(b.errors).toEqual([expect.objectContaining({ code: "ODG104", path: "ns.e", line: 6 })]);
    }
  });
});
