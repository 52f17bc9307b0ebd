// A name a module imports under an alias (its own name is taken there) is aliased by its
// namespace's label: the namespace's last segments, as few as tell it from the model's other
// namespaces (`a.B` and `c.B` → `ABItem`, `CBItem`). So an alias says where the name is from, and is
// the same whichever module is imported first; before, it was `BItem` and `BItem2`, by that order.
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { namespaceLabels } from "../generator/emit/imports";
import { edmx, keyed, schema } from "./helpers/csdl";
import { GENERATED } from "./helpers/generated";
import { anyCompiler, runTsc, tsFiles } from "./helpers/typecheck";

const ITEM = `<ComplexType Name="Item"><Property Name="n" Type="Edm.Int32"/></ComplexType>`;

function document(order: string[]): string {
  const uses = order.map((ns, i) => `<Property Name="p${i}" Type="${ns}.Item"/>`).join("");
  return edmx([
    schema("main", `${ITEM}${keyed("Holder", uses)}<EntityContainer Name="C"><EntitySet Name="Holders" EntityType="main.Holder"/></EntityContainer>`),
    schema("a.B", ITEM),
    schema("c.B", ITEM),
    schema("x.y.D", ITEM),
    schema("z.y.D", ITEM),
  ]);
}

const importsOf = (order: string[]) => {
  const { files } = generate({ inputs: [{ file: "aliases.xml", content: document(order) }] });
  return { files, imports: (files.get("main.types.ts") ?? "").split("\n").filter((l) => l.startsWith("import")) };
};

test("an alias names its namespace by the segments that tell it apart, whatever the order of imports", () => {
  const order = ["a.B", "c.B", "x.y.D", "z.y.D"];
  const first = importsOf(order);
  expect(first.imports).toEqual([
    `import type { Item as ABItem } from "./a.B.types.js";`,
    `import type { Item as CBItem } from "./c.B.types.js";`,
    `import type { Item as XYDItem } from "./x.y.D.types.js";`,
    `import type { Item as ZYDItem } from "./z.y.D.types.js";`,
  ]);
  expect(importsOf([...order].reverse()).imports).toEqual(first.imports);
  const dir = path.join(GENERATED, "names-import-aliases");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of first.files) fs.writeFileSync(path.join(dir, name), content);
  expect(runTsc(anyCompiler(), dir, tsFiles(dir)).output).toBe("");
});

test("labels: the last segment where it is the only one, more where namespaces share it (in any case)", () => {
  expect(Object.fromEntries(namespaceLabels(["microsoft.graph", "microsoft.graph.callRecords", "x.b", "y.B", "b"]))).toEqual({
    "microsoft.graph": "Graph",
    "microsoft.graph.callRecords": "CallRecords",
    "x.b": "XB",
    "y.B": "YB",
    b: "B",
  });
});
