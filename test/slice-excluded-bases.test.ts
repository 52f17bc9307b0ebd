// An --exclude of a base type: the types below it that only a wildcard selects (a glob, a namespace,
// or no --include) are left out with it; a type kept for another reason keeps the base type, and the
// warning (ODG303) says which types need it and why each is kept.
import { GenerationError, type Diagnostic } from "../generator/diagnostics";
import { generate, type GenerateOptions } from "../generator/generate";
import { expectSameAsFullSlice } from "./helpers/slice-reference";

const SPEC = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="t" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="thing">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
      </EntityType>
      <EntityType Name="person" BaseType="t.thing">
        <Property Name="name" Type="Edm.String"/>
      </EntityType>
      <EntityType Name="robot" BaseType="t.thing"/>
      <EntityType Name="note">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
      </EntityType>
      <ComplexType Name="shape"><Property Name="area" Type="Edm.Double"/></ComplexType>
      <ComplexType Name="circle" BaseType="t.shape"/>
      <ComplexType Name="square" BaseType="t.shape"/>
      <ComplexType Name="drawing"><Property Name="main" Type="t.circle"/></ComplexType>
      <Action Name="wave" IsBound="true"><Parameter Name="it" Type="t.person"/></Action>
      <EntityContainer Name="c">
        <EntitySet Name="things" EntityType="t.thing"/>
        <EntitySet Name="persons" EntityType="t.person"/>
        <EntitySet Name="notes" EntityType="t.note"/>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

/** "line:column" (1-based) of the first `snippet` in SPEC. */
function at(snippet: string): string {
  const before = SPEC.slice(0, SPEC.indexOf(snippet));
  return `${before.split("\n").length}:${before.length - before.lastIndexOf("\n")}`;
}

function run(options: Omit<GenerateOptions, "inputs">) {
  try {
    const r = generate({ inputs: [{ file: "t.xml", content: SPEC }], ...options });
    const ops = r.model.schemas.flatMap((s) => s.operations.map((o) => o.qualifiedName));
    return { kept: [...r.model.types.keys()].sort(), ops, diagnostics: r.diagnostics, why: r.slice?.why };
  } catch (e) {
    if (e instanceof GenerationError) return { kept: [], ops: [], diagnostics: e.diagnostics, why: undefined };
    throw e;
  }
}

const about = (diagnostics: readonly Diagnostic[], code: string) =>
  diagnostics.filter((d) => d.code === code && d.severity !== "error").map((d) => [d.severity, `${d.line}:${d.column}`, d.path, d.message]);
const reason = "and a derived type's interface extends its base type's (a type that only a glob or a namespace selects is left out with a base type an --exclude names)";

test("a glob's types below an excluded base type, and its operations bound to them, are left out with it", () => {
  const r = run({ include: ["t.*"], exclude: ["t.thing"] });
  expect(r.kept).toEqual(["t.circle", "t.drawing", "t.note", "t.shape", "t.square"]);
  expect(r.ops).toEqual([]);
  expect(about(r.diagnostics, "ODG303")).toEqual([]);
  expect(about(r.diagnostics, "ODG304")).toEqual([
    ["info", "0:0", "t.thing", "--exclude t.thing leaves out with t.thing what only a wildcard selects below it: t.person, t.robot, action t.wave (an --include that names one by its qualified name keeps it, and t.thing as its base type)"],
  ]);
  // From a config: where the pattern is written, by its key.
  const place = { file: "odatagen.config.json", line: 5, column: 20, path: "services[0].exclude[0]" };
  const fromConfig = run({ include: ["t.*"], exclude: ["t.thing"], excludePlaces: [place] }).diagnostics.filter((d) => d.code === "ODG304");
  expect(fromConfig.map(({ file, line, column, path, message }) => ({ file, line, column, path, message }))).toEqual([
    { ...place, message: "exclude t.thing leaves out with t.thing what only a wildcard selects below it: t.person, t.robot, action t.wave (an --include that names one by its qualified name keeps it, and t.thing as its base type)" },
  ]);
  // A namespace selects as a glob does.
  expect(run({ include: ["t"], exclude: ["t.thing"] }).kept).toEqual(r.kept);
});

test("--why says so, naming the --exclude and the glob", () => {
  const r = run({ include: ["t.*"], exclude: ["t.thing"], why: ["t.robot", "t.wave"] });
  expect(r.why?.flatMap((w) => w.answers.map((a) => a.chain.map((s) => s.reason)))).toEqual([
    ["not in the slice: a type below t.thing, which --exclude t.thing leaves out, and only a wildcard selects it (selected by --include t.*); an --include of its qualified name keeps it"],
    ["not in the slice: it is bound to a type below t.thing, which --exclude t.thing leaves out, and only a wildcard selects it (selected by --include t.*); an --include of its qualified name keeps it"],
  ]);
});

test("a type an --include names keeps its excluded base type: the warning names it and why it is kept, at the base type", () => {
  const r = run({ include: ["t.person", "t.*"], exclude: ["t.thing"] });
  expect(r.kept).toEqual(["t.circle", "t.drawing", "t.note", "t.person", "t.shape", "t.square", "t.thing"]);
  // Bound to a type kept by name: the glob's operation comes with it.
  expect(r.ops).toEqual(["t.wave"]);
  expect(about(r.diagnostics, "ODG303")).toEqual([
    ["warning", at('<EntityType Name="thing"'), "t.thing", `t.thing is excluded (--exclude t.thing) but kept: it is the base type of t.person (selected by --include t.person), ${reason}`],
  ]);
  expect(about(r.diagnostics, "ODG304").map((d) => d[3])).toEqual([expect.stringMatching(/: t\.robot \(an --include/)]);
});

test("a URL path that addresses a derived type, or a kept type that needs it, keeps the excluded base type, and says so", () => {
  const path = run({ include: ["/persons"], exclude: ["t.thing"] });
  expect(path.kept).toEqual(["t.person", "t.thing"]);
  expect(about(path.diagnostics, "ODG303").map((d) => d[3])).toEqual([
    `t.thing is excluded (--exclude t.thing) but kept: it is the base type of t.person (addressed by /persons (--include /persons)), ${reason}`,
  ]);
  // No --include: everything is selected, as by a glob; drawing's property keeps circle, and so shape.
  const all = run({ exclude: ["t.shape"] });
  expect(all.kept).toEqual(["t.circle", "t.drawing", "t.note", "t.person", "t.robot", "t.shape", "t.thing"]);
  expect(about(all.diagnostics, "ODG303").map((d) => d[3])).toEqual([
    `t.shape is excluded (--exclude t.shape) but kept: it is the base type of t.circle (the type of property main of t.drawing), ${reason}`,
  ]);
  expect(about(all.diagnostics, "ODG304").map((d) => d[3])).toEqual([expect.stringMatching(/below it: t\.square \(/)]);
});

test("an --exclude glob that matches a base type keeps it for the types a wildcard selects below it: only an --exclude that names it takes them along", () => {
  const r = run({ include: ["t.*"], exclude: ["t.th*"] });
  expect(r.kept).toEqual(["t.circle", "t.drawing", "t.note", "t.person", "t.robot", "t.shape", "t.square", "t.thing"]);
  expect(r.ops).toEqual(["t.wave"]);
  expect(about(r.diagnostics, "ODG303").map((d) => d[3])).toEqual([
    `t.thing is excluded (--exclude t.th*) but kept: it is the base type of 2 kept types, t.person (selected by --include t.*), t.robot (selected by --include t.*), ${reason}`,
  ]);
  expect(about(r.diagnostics, "ODG304")).toEqual([]);
  expectSameAsFullSlice("t.xml", SPEC, { include: ["t.*"], exclude: ["t.th*"] });
});

test("a slice a base type's --exclude leaves empty is an error, as any empty slice", () => {
  const r = run({ include: ["t.p*", "t.r*"], exclude: ["t.thing"] });
  expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([
    "the slice keeps nothing: --exclude t.thing removes every type and operation that --include t.p* t.r* selects",
  ]);
});

test("the slice read lazily is the slice of the whole model", () => {
  for (const options of [{ include: ["t.*"], exclude: ["t.thing"] }, { include: ["t.person", "t.*"], exclude: ["t.thing"] }, { exclude: ["t.shape"] }])
    expectSameAsFullSlice("t.xml", SPEC, options);
});
