// Request functions named `require` or `exports` (an entity set, a singleton or an import of that
// name): compiled to CommonJS, which the README says the output works as, a top-level function of
// either name hides the module's own, so `require("./runtime.js")` calls the request function (found
// by a fuzzer of random names: "Cannot access 'rt' before initialization"). They get a number, as
// `then` and `__proto__` do.
import ts from "typescript";
import { generate } from "../generator/generate";
import { edmx, keyed, schema } from "./helpers/csdl";

const doc = edmx(
  schema(
    "a",
    `${keyed("T")}
<Action Name="act"/>
<EntityContainer Name="C"><EntitySet Name="require" EntityType="a.T"/><Singleton Name="module" Type="a.T"/><ActionImport Name="exports" Action="a.act"/></EntityContainer>`,
  ),
);
const source = generate({ inputs: [{ file: "doc.xml", content: doc }] }).files.get("a.requests.ts")!;

test("the entity set require and the action import exports get require2() and exports2()", () => {
  const exported = [...source.matchAll(/^export function ([^\s(<]+)/gm)].map((m) => m[1]);
  expect(exported).toEqual(expect.arrayContaining(["require2", "exports2", "module"]));
  expect(exported).not.toContain("require");
  expect(exported).not.toContain("exports");
  // Their URLs keep the metadata's names.
  expect(source).toContain(`rt.rootCollection({ name: "require" }`);
  expect(source).toContain(`"/exports"`);
});

test("compiled as CommonJS, the module has no name the compiler reserves (TS2441)", () => {
  const options: ts.CompilerOptions = { noResolve: true, noLib: true, types: [], module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 };
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (name, version) => (name === "a.requests.ts" ? ts.createSourceFile(name, source, version) : undefined);
  const program = ts.createProgram(["a.requests.ts"], options, host);
  const reserved = program.getSemanticDiagnostics(program.getSourceFile("a.requests.ts")).filter((d) => d.code === 2441);
  expect(reserved.map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "))).toEqual([]);
});
