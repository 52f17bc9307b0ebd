// An --include whose only matches are operations or imports left out with a warning (ODG103: a type
// an operation names is not defined) says which, where they are and why, as a warning (ODG302), the
// same whether the model left them out when it was built (an import of an operation whose first
// parameter's type is not defined; every operation of a CSDL JSON document, read whole) or the slice
// found it when it read the operation (a type past the first parameter).
import { GenerationError, type Diagnostic } from "../generator/diagnostics";
import { generate, type GenerateOptions } from "../generator/generate";
import { xmlToCsdlJson } from "./helpers/csdl-json";

const SPEC = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="t" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="item">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
      </EntityType>
      <Function Name="getThing">
        <Parameter Name="n" Type="Edm.Int32"/>
        <ReturnType Type="t.missing"/>
      </Function>
      <Action Name="doIt">
        <Parameter Name="x" Type="t.nope"/>
      </Action>
      <EntityContainer Name="c">
        <EntitySet Name="items" EntityType="t.item"/>
        <FunctionImport Name="getThing" Function="t.getThing"/>
        <ActionImport Name="doIt" Action="t.doIt"/>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

/** "line:column" (1-based) of the first `snippet` in `text`. */
function at(text: string, snippet: string): string {
  const before = text.slice(0, text.indexOf(snippet));
  return `${before.split("\n").length}:${before.length - before.lastIndexOf("\n")}`;
}

function diagnostics(file: string, content: string, options: Omit<GenerateOptions, "inputs">): Diagnostic[] {
  try {
    return generate({ inputs: [{ file, content }], ...options }).diagnostics;
  } catch (e) {
    if (e instanceof GenerationError) return e.diagnostics;
    throw e;
  }
}

const slicing = (file: string, content: string, include: string[]) =>
  diagnostics(file, content, { include }).filter((d) => d.code === "ODG302").map((d) => [d.severity, d.path, d.message]);

const doItImport = `action import t.c/doIt, which is left out (ODG103, t.xml:${at(SPEC, '<ActionImport Name="doIt"')}): its action t.doIt is left out (the type of parameter x is not defined)`;
const doIt = `action t.doIt, which is left out (ODG103, t.xml:${at(SPEC, '<Action Name="doIt"')}): the type of parameter x is not defined`;
const getThing = `function t.getThing, which is left out (ODG103, t.xml:${at(SPEC, '<Function Name="getThing"')}): the return type is not defined`;

test("an include that matches only an operation or import left out says which, where and why: a warning, the rest generated", () => {
  // doIt's first parameter is read with the model, which leaves it and its import out; getThing's
  // result is read when the slice keeps it.
  expect(slicing("t.xml", SPEC, ["/items", "/doIt", "t.doIt", "/getThing", "t.getThing"])).toEqual([
    ["warning", "t.doIt", `--include t.doIt matches only ${doIt}`],
    ["warning", "/doIt", `--include /doIt matches only ${doItImport}`],
    ["warning", "/getThing", `--include /getThing matches only ${getThing}`],
    ["warning", "t.getThing", `--include t.getThing matches only ${getThing}`],
  ]);
  expect(slicing("t.xml", SPEC, ["/items", "/get*"])).toEqual([["warning", "/get*", `--include /get* matches only ${getThing}`]]);
  const r = generate({ inputs: [{ file: "t.xml", content: SPEC }], include: ["/items", "/doIt", "/getThing"] });
  expect([...r.model.types.keys()]).toEqual(["t.item"]);
});

test("a pattern that also matches something kept is not warned of; one matching nothing still fails", () => {
  expect(slicing("t.xml", SPEC, ["t.*", "/*"])).toEqual([]);
  expect(slicing("t.xml", SPEC, ["/items", "/nothing"])).toEqual([["error", "/nothing", "--include /nothing matches no URL path of the service"]]);
});

test("a slice of only left-out operations keeps nothing: an error", () => {
  expect(slicing("t.xml", SPEC, ["/doIt"])).toEqual([
    ["warning", "/doIt", `--include /doIt matches only ${doItImport}`],
    ["error", "/doIt", "the slice keeps nothing: --include /doIt matches only operations or imports left out (ODG103)"],
  ]);
});

test("an exclude that matches only what is left out is no misspelling either: the same warning, not 'matches nothing'", () => {
  const excluding = (exclude: string[]) =>
    diagnostics("t.xml", SPEC, { include: ["/items"], exclude }).filter((d) => d.code === "ODG302").map((d) => [d.severity, d.path, d.message]);
  expect(excluding(["t.doIt", "/doIt"])).toEqual([
    ["warning", "t.doIt", `--exclude t.doIt matches only ${doIt}`],
    ["warning", "/doIt", `--exclude /doIt matches only ${doItImport}`],
  ]);
});

test("a CSDL JSON document: its left-out function named at its place in the JSON, as in its XML twin", () => {
  // The JSON reader reads a function whole, but a slice builds its return type only when it needs
  // it (parse/held-bodies.ts), as XML's: getThing is found left out when the slice reads it.
  const json = xmlToCsdlJson("t.xml", SPEC);
  const found = slicing("t.json", json, ["/items", "/getThing"]);
  expect(found).toEqual([["warning", "/getThing", expect.stringMatching(/^--include \/getThing matches only function t\.getThing, which is left out \(ODG103, t\.json:\d+:\d+\): the return type is not defined$/)]]);
  expect(slicing("t.xml", SPEC, ["/items", "/getThing"])).toEqual([["warning", "/getThing", `--include /getThing matches only ${getThing}`]]);
});

test("a pattern from a config is reported where it is written", () => {
  const place = { file: "odatagen.config.json", line: 4, column: 18, path: "services[0].include[1]" };
  const d = diagnostics("t.xml", SPEC, { include: ["/items", "/doIt"], includePlaces: [undefined, place] }).filter((x) => x.code === "ODG302");
  expect(d.map(({ severity, file, line, column, path, message }) => ({ severity, file, line, column, path, message }))).toEqual([
    { severity: "warning", ...place, message: `include /doIt matches only ${doItImport}` },
  ]);
});

test("every path pattern that reaches an operation found left out when read is warned of, not only the first", () => {
  expect(slicing("t.xml", SPEC, ["/items", "/getThing", "/get*", "/*Thing"])).toEqual([
    ["warning", "/getThing", `--include /getThing matches only ${getThing}`],
    ["warning", "/get*", `--include /get* matches only ${getThing}`],
    ["warning", "/*Thing", `--include /*Thing matches only ${getThing}`],
  ]);
  // With a name pattern that reaches it too.
  expect(slicing("t.xml", SPEC, ["/items", "t.getThing", "/get*", "/getThing"]).map(([, p]) => p)).toEqual(["t.getThing", "/get*", "/getThing"]);
});

test("a bound operation found left out when read, reached by two path patterns: each is warned of", () => {
  const lookup = '<Function Name="lookup" IsBound="true"><Parameter Name="it" Type="t.item"/><Parameter Name="q" Type="t.gone"/><ReturnType Type="Edm.String"/></Function>';
  const bound = SPEC.replace('<Action Name="doIt">', `${lookup}\n      <Action Name="doIt">`);
  // Its segment with and without the namespace (a wildcard does not name a bound operation).
  const found = slicing("t.xml", bound, ["/items", "/items/{id}/t.lookup", "/items/{id}/lookup"]);
  const why = `function t.lookup, which is left out (ODG103, t.xml:${at(bound, '<Function Name="lookup"')}): the type of parameter q is not defined`;
  expect(found).toEqual([
    ["warning", "/items/{id}/t.lookup", `--include /items/{id}/t.lookup matches only ${why}`],
    ["warning", "/items/{id}/lookup", `--include /items/{id}/lookup matches only ${why}`],
  ]);
});
