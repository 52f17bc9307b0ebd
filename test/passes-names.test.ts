// Name assignment: one resolver per namespace; every name other than the capitalised CSDL name is
// reported as an ODG201 note at the type.
import { generate } from "../generator/generate";
import { plural, Scope } from "../generator/passes/names";
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
  ["the global a stream's result is", `<EntityType Name="blob"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>`, "ns.blob", "BlobType", "Blob is taken or reserved"],
  ["a companion name (an enum's value list)", `<EnumType Name="color"><Member Name="red"/></EnumType><ComplexType Name="colorValues"/>`, "ns.colorValues", "ColorValues2", "ColorValues is taken or reserved"],
  ["a flags enum's member type", `<EnumType Name="color" IsFlags="true"><Member Name="red" Value="1"/></EnumType><ComplexType Name="colorMember"/>`, "ns.colorMember", "ColorMember2", "ColorMember is taken or reserved"],
  ["an entity type's Any… union", `<ComplexType Name="anyItem"/><EntityType Name="item"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>`, "ns.item", "Item2", "Item is taken or reserved"],
])("%s is renamed and reported at the type", (_, body, element, emitted, why) => {
  const { types, notes } = run(body);
  expect(types).toMatch(new RegExp(`export (interface|type) ${emitted}\\b`));
  expect(notes).toEqual([expect.objectContaining({ severity: "info", path: element, message: `${element} is emitted as ${emitted} (${why})` })]);
  expect(notes[0].line).toBeGreaterThan(0);
});

test("a type keeps its name where only a companion another kind of type has would clash", () => {
  // Graph's entity types `conversation` and `conversationMember`: only a flags enum has a `…Member`
  // type, and only an enum a `…Values` list, so neither takes a number.
  const { types, notes } = run(
    `<EntityType Name="conversation"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>` +
      `<EntityType Name="conversationMember"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>` +
      `<EnumType Name="kind"><Member Name="a"/></EnumType><ComplexType Name="kindMember"/>` +
      `<ComplexType Name="point"/><ComplexType Name="pointValues"/><TypeDefinition Name="size" UnderlyingType="Edm.Int32"/><ComplexType Name="anySize"/>`,
  );
  for (const n of ["Conversation", "ConversationMember", "Kind", "KindMember", "Point", "PointValues", "Size", "AnySize"]) {
    expect(types).toMatch(new RegExp(`export (interface|type) ${n} `));
  }
  expect(types).not.toMatch(/export (interface|type) \w+2 /);
  expect(notes).toEqual([]);
});

test("a type has the name it has in the whole service in a slice that leaves out what it was numbered after", () => {
  const key = `<Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/>`;
  const body =
    `<EnumType Name="color"><Member Name="red"/></EnumType><ComplexType Name="colorValues"><Property Name="x" Type="Edm.Int32"/></ComplexType>` +
    `<EntityType Name="Item">${key}<Property Name="c" Type="ns.color"/></EntityType>` +
    `<EntityType Name="item">${key}<Property Name="v" Type="ns.colorValues"/></EntityType>` +
    `<EntityContainer Name="c"><EntitySet Name="Items" EntityType="ns.Item"/><EntitySet Name="items2" EntityType="ns.item"/></EntityContainer>`;
  const inputs = [{ file: "n.xml", content: edmx(schema("ns", body)) }];
  const whole = generate({ inputs });
  const slice = generate({ inputs, include: ["/items2"] });
  expect(slice.slice).toMatchObject({ types: 2 });
  for (const { files } of [whole, slice]) {
    expect(files.get("ns.types.ts")).toMatch(/^export interface Item2 \{\n[^}]*\n {2}v\?: ColorValues2 \| null;/m);
    expect(files.get("ns.requests.ts")).toMatch(/^export function getItem2\b/m);
  }
  // Neither name is given to another type: \`Item\` is ns.Item wherever it is declared.
  expect(slice.files.get("ns.types.ts")).not.toMatch(/export (interface|type) (Item|ColorValues) /);
  // Only the types the slice keeps are reported.
  expect(slice.diagnostics.filter((d) => d.code === "ODG201").map((d) => d.path)).toEqual(["ns.colorValues", "ns.item"]);
});

describe("names in other scripts", () => {
  const body = `
    <EntityType Name="Überweisung"><Key><PropertyRef Name="Nr"/></Key><Property Name="Nr" Type="Edm.Int32" Nullable="false"/><Property Name="Größe" Type="Edm.Decimal"/><Property Name="名前" Type="Edm.String"/></EntityType>
    <ComplexType Name="名前"><Property Name="住所" Type="Edm.String"/></ComplexType>
    <ComplexType Name="b${"\u1C89"}"/>
    <EntityContainer Name="c"><EntitySet Name="Überweisungen" EntityType="ns.Überweisung"/></EntityContainer>`;

  test("are kept as written, as TypeScript identifiers may be; only what an identifier cannot hold becomes _", () => {
    const { files, diagnostics } = generate({ inputs: [{ file: "n.xml", content: edmx(schema("ns", body)) }] });
    const types = files.get("ns.types.ts") ?? "";
    expect(types).toContain("export interface Überweisung {");
    expect(types).toContain("export interface 名前 {");
    expect(types).toMatch(/^ {2}Größe\?: /m);
    expect(types).toMatch(/^ {2}住所\?: /m);
    expect(files.get("ns.requests.ts")).toMatch(/export function getÜberweisung\b[\s\S]*export function listÜberweisungs\b/);
    // (A format character that shows nothing, such as a soft hyphen, which CSDL allows in a name, is
    // refused as ODG102 so that no name looks like another: test/cli-errors.test.ts.)
    // A letter new in Unicode 16, which tsc does not take yet (nor older Node versions know): the
    // output must compile, and be the same whatever Unicode version the Node running odatagen has.
    expect(types).toContain("export interface B_ {");
    expect(diagnostics.filter((d) => d.code === "ODG201").map((d) => d.path)).toEqual(["ns.b\u1c89"]);
  });
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

describe("many names on one identifier", () => {
  test("are numbered in document order from 2, skipping numbers a type or a companion already holds", () => {
    // `a-`, `a+`, `a~`, `a!` and `a_` all become `A_`; `A_3` is a type's own name, `A_4Values` an
    // enum's companion of a type named `A_4` (so `A_4` is taken as well).
    const { types } = run(
      `<ComplexType Name="A_3"/><EnumType Name="A_4"><Member Name="m"/></EnumType>` +
        `<ComplexType Name="a-"/><ComplexType Name="a+"/><ComplexType Name="a~"/><ComplexType Name="a_"/><ComplexType Name="a!"/>`,
    );
    const names = [...types.matchAll(/export (?:interface|type) (\w+)/g)].map((m) => m[1]);
    expect(names).toEqual(expect.arrayContaining(["A_3", "A_4", "A_", "A_2", "A_5", "A_6", "A_7"]));
    expect(types.indexOf("interface A_ ")).toBeLessThan(types.indexOf("interface A_2 "));
    expect(types.indexOf("interface A_5 ")).toBeLessThan(types.indexOf("interface A_6 "));
  });

  test("thousands of them are numbered to the last (bench:hostile times this shape)", () => {
    // `a` and three characters no identifier holds: all 3,000 names become `A___`.
    const marks = "-+~!:%^;,=?|'`#\\";
    const mark = (i: number) => [256, 16, 1].map((d) => marks[Math.floor(i / d) % 16]).join("");
    const body = Array.from({ length: 3000 }, (_, i) => `<ComplexType Name="a${mark(i)}"/>`).join("");
    const { types, notes } = run(body);
    expect(types).toContain("export interface A___ {");
    expect(types).toContain("export interface A___3000 {");
    expect(notes).toHaveLength(3000);
  });
});

describe("imports of one name from many namespaces", () => {
  test("get the namespace's last segments that tell it apart as a prefix, numbered when that clashes too", () => {
    // The four namespaces end in `x`: each is told apart by two segments (names-import-aliases.test.ts).
    // `m` has a type named `P0XC` of its own, so p0.x's `C` is numbered.
    const content = edmx(
      schema("m", `<ComplexType Name="P0XC"/><ComplexType Name="c">${[0, 1, 2, 3].map((i) => `<Property Name="p${i}" Type="p${i}.x.c"/>`).join("")}</ComplexType>`) +
        [0, 1, 2, 3].map((i) => schema(`p${i}.x`, `<ComplexType Name="c"/>`)).join(""),
    );
    const types = generate({ inputs: [{ file: "n.xml", content }] }).files.get("m.types.ts") ?? "";
    expect(types).toContain(`import type { C as P0XC2 } from "./p0.x.types.js";`);
    expect(types).toContain(`import type { C as P1XC } from "./p1.x.types.js";`);
    expect(types).toContain(`import type { C as P3XC } from "./p3.x.types.js";`);
    expect(types).toMatch(/p3\?: P3XC \| null;/);
  });
});

// `analysis` → `analysises`, not `analyses`, which is a plural's own (Graph has both `workbookChartAxis`
// and `workbookChartAxes`: `listWorkbookChartAxises` and `listWorkbookChartAxes`).
test("a list function's plural: -s, -es, -ies, and a name already plural as it is", () => {
  const words = ["session", "policy", "day", "status", "address", "alias", "box", "batch", "wish", "analysis", "settings", "insights", "properties", "analytics", "series"];
  expect(words.map(plural)).toEqual(["sessions", "policies", "days", "statuses", "addresses", "aliases", "boxes", "batches", "wishes", "analysises", "settings", "insights", "properties", "analytics", "series"]);
});
