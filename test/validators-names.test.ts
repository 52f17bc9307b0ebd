/**
 * A validators module declares its types' functions, the wrappers that fix a primitive's facets
 * (`checkStringL10`) and imports from other namespaces' modules, all in one scope: none may take a
 * name another holds. `checkStringL10` is both the wrapper for `Edm.String` with `MaxLength="10"`
 * and the check of a type named `StringL10`; when both meet in one module, the module compiles and
 * each property is checked by its own function.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { edmx, schema } from "./helpers/csdl";
import { GENERATED } from "./helpers/generated";
import { compiler, runTsc, tsFiles } from "./helpers/typecheck";

const content = edmx([
  schema("a", `<ComplexType Name="StringL10"><Property Name="x" Type="Edm.String" Nullable="false"/></ComplexType>`),
  schema(
    "b",
    `<ComplexType Name="c"><Property Name="p" Type="a.StringL10"/><Property Name="q" Type="Edm.String" MaxLength="10"/></ComplexType>` +
      // a local type whose check is also a wrapper's name
      `<ComplexType Name="DecimalP5"/><ComplexType Name="d"><Property Name="r" Type="Edm.Decimal" Precision="5"/><Property Name="s" Type="b.DecimalP5"/></ComplexType>`,
  ),
]);

const out = path.join(GENERATED, "validators-names");
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const { files } = generate({ inputs: [{ file: "names.xml", content }] });
for (const [name, text] of files) fs.writeFileSync(path.join(out, name), text);
const b = files.get("b.validators.ts") ?? "";

test("an imported check and a facet wrapper of one name get two names", () => {
  expect(b).toContain(`import { checkStringL10 } from "./a.validators.js";`);
  expect(b).toContain("function checkStringL10_2(v: unknown, ctx: Context, key: vr.Key): void {");
  expect(b).toContain(`vr.p(o["p"], ctx, "p", checkStringL10)`);
  expect(b).toContain(`vr.p(o["q"], ctx, "q", checkStringL10_2)`);
  expect(b).toContain("function checkDecimalP5_2(");
  expect(b).toContain(`vr.p(o["s"], ctx, "s", checkDecimalP5)`);
});

const tsc = compiler("typescript", 5);
("tsc" in tsc ? test : test.skip)("the module compiles under the strict options", () => {
  if (!("tsc" in tsc)) return;
  const r = runTsc(tsc, out, tsFiles(out));
  expect(r.output).toBe("");
  expect(r.status).toBe(0);
});

test("each property is checked by its own function", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const v = require(path.join(out, "b.validators")) as { isC: (x: unknown) => boolean; isD: (x: unknown) => boolean };
  expect(v.isC({ p: { x: "a string longer than ten" }, q: "short" })).toBe(true);
  expect(v.isC({ q: "longer than ten" })).toBe(false);
  expect(v.isC({ p: "not an object" })).toBe(false);
  expect(v.isD({ r: 12345, s: {} })).toBe(true);
  expect(v.isD({ r: 123456 })).toBe(false);
});
