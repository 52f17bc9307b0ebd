// Every name a requests module imports is used in it: under `noUnusedLocals` an unused import is an
// error (TS6133/TS6196), and the README says the output compiles with it. Found by a fuzzer of
// random names: a single-valued navigation property to an entity type of another namespace
// imported that type's key type (an enum), which only a collection's builder names.
import ts from "typescript";
import { generate } from "../generator/generate";
import { edmx, keyed, schema } from "./helpers/csdl";

/**
 * The imports tsc reports unused in each requests module (TS6133, TS6192, TS6196), each module
 * checked alone: its imports unresolved, as whether a name is used needs no declaration.
 */
function unusedImports(content: string): Record<string, string[]> {
  const { files } = generate({ inputs: [{ file: "doc.xml", content }] });
  const unused: Record<string, string[]> = {};
  const options: ts.CompilerOptions = { noResolve: true, noLib: true, types: [], noUnusedLocals: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext };
  for (const [file, source] of files) {
    if (!file.endsWith(".requests.ts")) continue;
    const host = ts.createCompilerHost(options);
    host.getSourceFile = (name, version) => (name === file ? ts.createSourceFile(name, source, version) : undefined);
    const program = ts.createProgram([file], options, host);
    const found = program
      .getSemanticDiagnostics(program.getSourceFile(file))
      .filter((d) => [6133, 6192, 6196].includes(d.code))
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "));
    if (found.length) unused[file] = found;
  }
  return unused;
}

const KEYED_BY_ENUM = `<EntityType Name="P"><Key><PropertyRef Name="k"/></Key><Property Name="k" Type="a.E" Nullable="false"/></EntityType>`;
const ENUM = `<EnumType Name="E"><Member Name="x" Value="0"/></EnumType>`;

test.each([
  ["single-valued", `Type="b.P"`],
  ["single-valued, not nullable", `Type="b.P" Nullable="false"`],
  ["collection-valued", `Type="Collection(b.P)"`],
])("a %s navigation property to another namespace's type keyed by an enum: the requests modules import only what they use", (_, type) => {
  const doc = edmx([
    schema("a", `${keyed("A", `<NavigationProperty Name="n" ${type}/>`)}\n${ENUM}`),
    schema("b", `${KEYED_BY_ENUM}\n<EntityContainer Name="C"><EntitySet Name="as" EntityType="a.A"/><EntitySet Name="ps" EntityType="b.P"/></EntityContainer>`),
  ]);
  expect(unusedImports(doc)).toEqual({});
});

// An operation returning an abstract entity type of another namespace: its read type names the
// type's subtypes (`rt.SubtypeOf<SSubtypes>`), never the type's `Any…` union, which an action's
// module imported unused.
test.each(["Action", "Function"])("a bound %s returning a collection of another namespace's abstract entity type: the requests modules import only what they use", (kind) => {
  const doc = edmx([
    schema("t", `<EntityType Name="S" Abstract="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>\n<EntityType Name="A" BaseType="t.S"/>`),
    schema(
      "r",
      `<${kind} Name="op" IsBound="true"><Parameter Name="b" Type="Collection(t.A)" Nullable="false"/><ReturnType Type="Collection(t.S)"/></${kind}>
<EntityContainer Name="C"><EntitySet Name="as" EntityType="t.A"/></EntityContainer>`,
    ),
  ]);
  expect(unusedImports(doc)).toEqual({});
});
