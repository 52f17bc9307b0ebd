// Name assignment: one resolver per namespace; every name other than the capitalised CSDL name is
// reported as an ODG201 note at the type.
import { generate } from "../generator/generate";
import { Scope } from "../generator/passes/names";
import { edmx, schema } from "./helpers/csdl";

function run(body: string) {
  const { files, diagnostics } = generate({ inputs: [{ file: "n.xml", content: edmx(schema("ns", body)) }] });
  return { types: files.get("ns.types.ts") ?? "", notes: diagnostics.filter((d) => d.code === "ODG201") };
}

test("a plain name is capitalised and not reported", () => {
  const { types, notes } = run(`<ComplexType Name="callRecord"><Property Name="a" Type="Edm.String"/></ComplexType>`);
  expect(types).toContain("export interface CallRecord {");
  expect(notes).toEqual([]);
});

test.each([
  ["a name that clashes after capitalising", `<ComplexType Name="item"/><ComplexType Name="Item"/>`, "ns.Item", "Item2", "Item is taken or reserved"],
  ["a global the generated code uses", `<ComplexType Name="Promise"/>`, "ns.Promise", "PromiseType", "Promise is taken or reserved"],
  ["a companion name (an enum's value list)", `<EnumType Name="color"><Member Name="red"/></EnumType><ComplexType Name="colorValues"/>`, "ns.colorValues", "ColorValues2", "ColorValues is taken or reserved"],
])("%s is renamed and reported at the type", (_, body, element, emitted, why) => {
  const { types, notes } = run(body);
  expect(types).toMatch(new RegExp(`export (interface|type) ${emitted}\\b`));
  expect(notes).toEqual([expect.objectContaining({ severity: "info", path: element, message: `${element} is emitted as ${emitted} (${why})` })]);
  expect(notes[0].line).toBeGreaterThan(0);
});

describe("Scope.claim", () => {
  test("a taken name gets the first free number from 2, also when numbered names were claimed in between", () => {
    const scope = new Scope([]);
    const got = ["f", "f", "f4", "f", "f", "f", "f2", "g"].map((w) => scope.claim(w));
    expect(got).toEqual(["f", "f2", "f4", "f3", "f5", "f6", "f22", "g"]);
  });

  test("thousands of clashes on one name are numbered in order", () => {
    const scope = new Scope([]);
    const got = Array.from({ length: 5000 }, () => scope.claim("x"));
    expect(got.slice(0, 3)).toEqual(["x", "x2", "x3"]);
    expect(got[4999]).toBe("x5000");
    expect(new Set(got).size).toBe(5000);
  });
});
