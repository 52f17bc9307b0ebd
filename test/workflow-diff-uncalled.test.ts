/**
 * `odatagen diff` on an unbound operation that no function or action import calls: the request
 * functions call an unbound operation through its imports only, so no generated code names it, and
 * its removal or a change of its signature breaks nothing (as its move does: workflow-diff-moves).
 */
import { generate } from "../generator/generate";
import { diff, one, wrap } from "./helpers/diff";

const lone = (more = "") => `<Function Name="lone"><Parameter Name="x" Type="Edm.String"/>${more}<ReturnType Type="Edm.Int32"/></Function>`;
const imported = '<EntityContainer Name="c"><FunctionImport Name="lone" Function="d.lone"/></EntityContainer>';
const bare = '<EntityContainer Name="c"/>';
const y = '<Parameter Name="y" Type="Edm.String"/>';
const words = ": no generated code names it (an unbound function is called through its imports, and none calls it)";

test("an unbound operation no import calls: removed or changed, it breaks nothing (a patch)", () => {
  expect(one(lone() + bare, bare)).toEqual([["removed", "d.lone()", `function removed${words}`, false]]);
  expect(one(lone() + bare, lone(y) + bare)).toEqual([["changed", "d.lone()", `parameter y added (required)${words}`, false]]);
  expect(diff(lone() + bare, lone(y) + bare).bump).toBe("patch");
  // Its generated code is the same in both versions: there is none.
  const files = (body: string) => generate({ inputs: [{ file: "s.xml", content: wrap(body) }] }).files;
  expect(files(lone(y) + bare)).toEqual(files(lone() + bare));
});

test("an unbound operation an import calls still breaks, and one an import calls only in the new version is judged by the import", () => {
  expect(one(lone() + imported, lone(y) + imported)).toEqual([["changed", "d.lone()", "parameter y added (required)", true]]);
  expect(one(lone() + imported, bare)).toEqual([
    ["removed", "d.lone()", "function removed", true],
    ["removed", "lone", "function import removed", true],
  ]);
  expect(one(lone() + bare, lone(y) + imported)).toEqual([
    ["changed", "d.lone()", `parameter y added (required)${words}`, false],
    ["added", "lone", "function import added (of d.lone)", false],
  ]);
});
