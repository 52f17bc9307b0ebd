// CSDL §5: a schema's types, terms, actions, functions and entity containers have names unique within
// their namespace; only an operation's overloads share one. A clash with a term or a container is an
// error (ODG104), in CSDL XML as in CSDL JSON (one member name for two elements); an operation named as
// a type, or an action and a function of one name (Graph v1.0 has both), is a note, once a name.
import { generate, GenerationError, type Diagnostic } from "../generator";
import { edmx, schema } from "./helpers/csdl";

function diagnostics(file: string, content: string): Diagnostic[] {
  try {
    return generate({ inputs: [{ file, content }] }).diagnostics;
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    return e.diagnostics;
  }
}
const clashes = (list: Diagnostic[]) => list.filter((d) => d.code === "ODG104").map((d) => [d.severity, d.path, d.message.replace(/; CSDL §5.*$/, "")]);

test("a term or an entity container named as another element of its namespace is an error at the later one", () => {
  const xml = edmx(schema("n", `<ComplexType Name="t"/>
<Term Name="t" Type="Edm.String"/>
<Term Name="u" Type="Edm.String"/>
<Term Name="u" Type="Edm.Int32"/>
<EntityContainer Name="C"/>
<EntityContainer Name="C"/>`));
  expect(clashes(diagnostics("a.xml", xml))).toEqual([
    ["error", "n.t", "n.t is defined more than once (here a term, first a type"],
    ["error", "n.u", "n.u is defined more than once (here a term, first a term"],
    ["error", "n.C", "n.C is defined more than once (here an entity container, first an entity container"],
  ]);
  const json = `{ "$Version": "4.01", "n": { "t": { "$Kind": "ComplexType" }, "t": { "$Kind": "Term" }, "C": { "$Kind": "EntityContainer" }, "C": { "$Kind": "EntityContainer" } } }`;
  expect(clashes(diagnostics("a.json", json))).toEqual([
    ["error", "n.t", "n.t is defined more than once (here a term, first a type"],
    ["error", "n.C", "n.C is defined more than once (here an entity container, first an entity container"],
  ]);
});

test("an operation named as a type, or an action and a function of one name, is a note, once a name; the output is generated", () => {
  const xml = edmx(schema("n", `<ComplexType Name="image"/>
<Function Name="image"><ReturnType Type="Edm.Int32"/></Function>
<Action Name="delta"/>
<Function Name="delta"><ReturnType Type="Edm.Int32"/></Function>
<Function Name="delta"><Parameter Name="x" Type="Edm.Int32"/><ReturnType Type="Edm.Int32"/></Function>`));
  const result = generate({ inputs: [{ file: "a.xml", content: xml }] });
  expect(clashes(result.diagnostics)).toEqual([
    ["info", "n.image", "n.image is defined more than once (here a function, first a type"],
    ["info", "n.delta", "n.delta is defined more than once (here a function, first an action"],
  ]);
});
