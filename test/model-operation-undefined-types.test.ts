// An action or function whose parameter (other than the binding one) or ReturnType names a type no
// input declares: a warning (ODG103) at that element, the operation (that overload) left out, an
// import with nothing left to call left out with a warning that says why, and the rest generated.
// A type of a referenced document not among the inputs stays ODG110's (read as Edm.Untyped).
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { where } from "./helpers/cli";
import { generateDocs } from "./helpers/cli-in-process";
import { build, edmx, schema } from "./helpers/csdl";
import { GENERATED } from "./helpers/generated";
import { expectSameAsFullSlice, generationErrors } from "./helpers/slice-reference";
import { anyCompiler, runTsc, tsFiles } from "./helpers/typecheck";

const KEYED = `<Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>`;

const SPEC = edmx(schema("ns", `<EntityType Name="thing">${KEYED}</EntityType>
  <Action Name="poke"><Parameter Name="what" Type="ns.thingy"/><Parameter Name="n" Type="Edm.Int32"/></Action>
  <Function Name="find"><Parameter Name="n" Type="Edm.Int32"/><ReturnType Type="Collection(ns.thinG)"/></Function>
  <Function Name="find"><Parameter Name="name" Type="Edm.String"/><ReturnType Type="ns.thing"/></Function>
  <Function Name="peek" IsBound="true"><Parameter Name="it" Type="ns.thing"/><Parameter Name="how" Type="ns.hoe"/><ReturnType Type="Edm.String"/></Function>
  <Function Name="look" IsBound="true"><Parameter Name="it" Type="ns.thing"/><Parameter Name="how" Type="Edm.String"/><ReturnType Type="Edm.String"/></Function>
  <Action Name="reset"/>
  <EntityContainer Name="svc">
    <EntitySet Name="things" EntityType="ns.thing"/>
    <ActionImport Name="pokeNow" Action="ns.poke"/>
    <FunctionImport Name="findIt" Function="ns.find"/>
    <ActionImport Name="resetAll" Action="ns.reset"/>
  </EntityContainer>
  <Annotations Target="ns.poke/what"><Annotation Term="Org.OData.Core.V1.Description" String="What to poke."/></Annotations>`));

const WARNINGS = [
  ["ns.poke/what", "parameter what of action ns.poke is of type ns.thingy, which is not defined (did you mean ns.thing?); the action is left out"],
  ["ns.find/$ReturnType", "function ns.find returns Collection(ns.thinG), which is not defined (did you mean ns.thing?); the function is left out"],
  ["ns.peek/how", "parameter how of function ns.peek is of type ns.hoe, which is not defined; the function is left out"],
  ["ns.svc/pokeNow", "action ns.poke was left out (the type of parameter what is not defined); the import is left out too"],
];

describe("the model", () => {
  const b = build(SPEC);

  test("each undefined type is a warning at its element; the operation, or that overload, is left out", () => {
    expect(b.errors).toEqual([]);
    // The annotation block targets the left-out action's parameter: it goes with the action, unreported.
    expect(b.diagnostics.map((d) => [d.path, d.message])).toEqual(WARNINGS);
    expect(b.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(WARNINGS.map(() => "warning ODG103"));
    expect(b.model.schemas[0].operations.map((o) => `${o.name}(${o.parameters.map((p) => p.name).join(", ")})`)).toEqual(["reset()", "find(name)", "look(how)"]);
  });

  test("an import keeps the overloads that are left; one with none left is left out", () => {
    expect(b.model.container?.imports.map((i) => [i.name, i.operations.map((o) => o.parameters.map((p) => p.name).join())])).toEqual([
      ["resetAll", [""]],
      ["findIt", ["name"]],
    ]);
  });

  test("a parameter and the return type both undefined: both reported, the import names both", () => {
    const two = build(edmx(schema("ns", `<Function Name="f"><Parameter Name="a" Type="ns.nope"/><Parameter Name="b" Type="Collection(ns.nada)"/><ReturnType Type="ns.never"/></Function>
      <EntityContainer Name="svc"><FunctionImport Name="callF" Function="ns.f"/></EntityContainer>`)));
    expect(two.diagnostics.map((d) => [d.severity, d.path, d.message])).toEqual([
      ["warning", "ns.f/a", "parameter a of function ns.f is of type ns.nope, which is not defined; the function is left out"],
      ["warning", "ns.f/b", "parameter b of function ns.f is of type Collection(ns.nada), which is not defined; the function is left out"],
      ["warning", "ns.f/$ReturnType", "function ns.f returns ns.never, which is not defined; the function is left out"],
      ["warning", "ns.svc/callF", "function ns.f was left out (the type of parameter a, the type of parameter b and the return type are not defined); the import is left out too"],
    ]);
    expect(two.model.schemas[0].operations).toEqual([]);
    expect(two.model.container?.imports).toEqual([]);
  });

  test("an import of a function whose unbound overload was left out and whose bound one is kept says it was left out", () => {
    const mixed = build(edmx(schema("ns", `<EntityType Name="thing">${KEYED}</EntityType>
      <Function Name="f"><ReturnType Type="ns.thng"/></Function>
      <Function Name="f" IsBound="true"><Parameter Name="it" Type="ns.thing"/><ReturnType Type="ns.thing"/></Function>
      <EntityContainer Name="svc"><FunctionImport Name="callF" Function="ns.f"/></EntityContainer>`)));
    expect(mixed.diagnostics.map((d) => [d.path, d.message])).toEqual([
      ["ns.f/$ReturnType", "function ns.f returns ns.thng, which is not defined (did you mean ns.thing?); the function is left out"],
      ["ns.svc/callF", "function ns.f was left out (the return type is not defined); the import is left out too"],
    ]);
    expect(mixed.model.schemas[0].operations.map((o) => o.bound)).toEqual([true]);
  });

  test("annotations of what was left out go with it, unreported; a target naming a parameter no overload has is still reported", () => {
    const note = (target: string) => `<Annotations Target="${target}"><Annotation Term="Org.OData.Core.V1.Description" String="d"/></Annotations>`;
    const spec = edmx(schema("ns", `<EntityType Name="thing">${KEYED}</EntityType>
      <Function Name="find"><Parameter Name="n" Type="Edm.Int32"/><ReturnType Type="ns.thinG"/></Function>
      <Function Name="find"><Parameter Name="name" Type="Edm.String"/><ReturnType Type="ns.thing"/></Function>
      <Action Name="poke"><Parameter Name="what" Type="ns.thingy"/><Parameter Name="n" Type="Edm.Int32"/></Action>
      <EntityContainer Name="svc"><ActionImport Name="pokeNow" Action="ns.poke"/><FunctionImport Name="findIt" Function="ns.find"/></EntityContainer>
      ${["ns.find(Edm.Int32)/n", "ns.find/nmae", "ns.poke/n", "ns.poke/wht", "ns.svc/pokeNow", "ns.svc/findIt"].map(note).join("\n")}`));
    const targets = (diagnostics: readonly { path: string; message: string }[]) => diagnostics.filter((d) => d.message.startsWith("<Annotations")).map((d) => [d.path, d.message]);
    const expected = [
      ["ns.find/nmae", '<Annotations Target="ns.find/nmae"> names no element of the model (ns.find has no parameter nmae); its annotations are ignored'],
      ["ns.poke/wht", '<Annotations Target="ns.poke/wht"> names no element of the model (ns.poke has no parameter wht); its annotations are ignored'],
    ];
    expect(targets(build(spec).diagnostics)).toEqual(expected);
    // A slice reads poke only to its first parameter: its other parameters' names are not known.
    expect(targets(generate({ inputs: [{ file: "t.xml", content: spec }], include: ["/findIt"] }).diagnostics)).toEqual(expected.slice(0, 1));
  });

  test("a type of a referenced document not among the inputs is still ODG110's, naming the reference; the operation stays", () => {
    const ref = `<edmx:Reference Uri="https://example.com/shared.xml"><edmx:Include Namespace="Shared"/></edmx:Reference>`;
    const far = build(edmx(schema("ns", `<Function Name="far"><Parameter Name="x" Type="Shared.X"/><ReturnType Type="Shared.Y"/></Function>`), ref));
    expect(far.diagnostics.map((d) => [d.severity, d.code, d.path])).toEqual([
      ["warning", "ODG110", "ns.far/x"],
      ["warning", "ODG110", "ns.far/$ReturnType"],
    ]);
    expect(far.diagnostics[0].message).toContain('edmx:Reference Uri="https://example.com/shared.xml"');
    expect(far.model.schemas[0].operations.map((o) => o.name)).toEqual(["far"]);
  });
});

describe("the CLI", () => {
  test("warnings with file, line and column; exit 0 and the rest generated", async () => {
    const r = await generateDocs([["a.xml", SPEC]]);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      `a.xml:${where(SPEC, '<Parameter Name="what"')}: warning ODG103: ${WARNINGS[0][1]} [ns.poke/what]`,
      `a.xml:${where(SPEC, '<ReturnType Type="Collection(ns.thinG)"')}: warning ODG103: ${WARNINGS[1][1]} [ns.find/$ReturnType]`,
      `a.xml:${where(SPEC, '<Parameter Name="how" Type="ns.hoe"')}: warning ODG103: ${WARNINGS[2][1]} [ns.peek/how]`,
      `a.xml:${where(SPEC, '<ActionImport Name="pokeNow"')}: warning ODG103: ${WARNINGS[3][1]} [ns.svc/pokeNow]`,
    ]);
    const requests = r.read("ns.requests.ts");
    expect(requests).toMatch(/export function findIt\b/);
    expect(requests).toMatch(/export function resetAll\b/);
    expect(requests).not.toMatch(/pokeNow|peek/);
  });

  test("--fail-on-warnings fails the run (exit 1) and writes nothing", async () => {
    const r = await generateDocs([["a.xml", SPEC]], ["--fail-on-warnings"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("not generated (--fail-on-warnings)");
  });
});

test("the output compiles under the strict options; what was left out is not there to call", () => {
  const c = anyCompiler();
  const dir = path.join(GENERATED, "operation-undefined-types");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of generate({ inputs: [{ file: "a.xml", content: SPEC }] }).files) fs.writeFileSync(path.join(dir, name), content);
  const usage = (wrong: boolean) => `import * as rt from "./runtime.js";
import * as api from "./ns.requests.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {
  const found = await api.findIt(client, { name: "a" });
  const id: string | undefined = found?.id;
  await api.resetAll(client);
  await api.look(client, api.things().byKey("a"), { how: "x" });
  ${wrong ? "" : "// @ts-expect-error left out: a parameter's type is not defined\n  "}void api.pokeNow;
  void id;
}
`;
  fs.writeFileSync(path.join(dir, "usage.ts"), usage(false));
  fs.writeFileSync(path.join(dir, "usage-wrong.ts"), usage(true));
  const r = runTsc(c, dir, tsFiles(dir));
  expect(r.output.split("\n")).toEqual([expect.stringMatching(/^usage-wrong\.ts\(\d+,\d+\): error TS2339: Property 'pokeNow' does not exist/)]);
});

describe("a slice (operations read only when the slice keeps them)", () => {
  const warnings = (include: string[]) =>
    generate({ inputs: [{ file: "t.xml", content: SPEC }], include }).diagnostics.filter((d) => d.code === "ODG103").map((d) => d.path);

  test("emits what slicing the whole model emits", () => {
    for (const include of [["/findIt"], ["/things"], ["/things/{id}/ns.look"], ["ns.thing"], ["ns.*"], ["/resetAll", "/findIt"]])
      expectSameAsFullSlice("t.xml", SPEC, { include });
  });

  test("an undefined type past the first parameter is reported when the slice reads the operation", () => {
    // poke's first parameter is read with the model (it would bind a bound action): every slice reports it.
    expect(warnings(["/resetAll"])).toEqual(["ns.poke/what", "ns.svc/pokeNow"]);
    expect(warnings(["/findIt"])).toEqual(["ns.poke/what", "ns.svc/pokeNow", "ns.find/$ReturnType"]);
    expect(warnings(["ns.thing"])).toEqual(["ns.poke/what", "ns.svc/pokeNow", "ns.peek/how"]);
  });

  test("--why says an overload it selected was left out, and a slice of only such an operation says so", () => {
    const r = generate({ inputs: [{ file: "t.xml", content: SPEC }], include: ["/findIt"], why: ["ns.find"] });
    expect(r.slice?.why?.[0]?.answers.map((a) => [a.kept, a.chain.map((s) => s.reason)])).toEqual([
      [true, ["named by /findIt (--include /findIt)"]],
      [false, ["not in the slice: a type it names is not defined (ODG103), so it is left out"]],
    ]);
    const only = SPEC.replace('<Function Name="find"><Parameter Name="name" Type="Edm.String"/><ReturnType Type="ns.thing"/></Function>', "");
    expect(generationErrors(only, { include: ["ns.find"] })).toEqual([
      expect.stringMatching(/ the slice keeps nothing: --include ns\.find selects only operations that name a type that is not defined \(ODG103\): ns\.find$/),
    ]);
  });

  test("an import whose every operation is left out when read is left out too, with a warning", () => {
    const spec = SPEC.replace('<ActionImport Name="resetAll"', '<FunctionImport Name="gone" Function="ns.gone"/><ActionImport Name="resetAll"')
      .replace("<Action Name=\"reset\"/>", '<Action Name="reset"/><Function Name="gone"><Parameter Name="a" Type="Edm.Int32"/><ReturnType Type="ns.none"/></Function>');
    const r = generate({ inputs: [{ file: "t.xml", content: spec }], include: ["/resetAll", "/gone"] });
    expect(r.diagnostics.filter((d) => d.code === "ODG103").map((d) => [d.path, d.message])).toEqual([
      ["ns.poke/what", WARNINGS[0][1]],
      ["ns.svc/pokeNow", WARNINGS[3][1]],
      ["ns.gone/$ReturnType", "function ns.gone returns ns.none, which is not defined; the function is left out"],
      ["ns.svc/gone", "function ns.gone was left out (the return type is not defined); the import is left out too"],
    ]);
    const requests = r.files.get("ns.requests.ts") ?? "";
    expect(requests).toMatch(/export function resetAll\b/);
    expect(requests).not.toContain("gone");
    expectSameAsFullSlice("t.xml", spec, { include: ["/resetAll", "/gone"] });
  });
});
