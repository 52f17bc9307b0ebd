// A namespace whose first segment is a device name Windows reserves (CON, PRN, AUX, NUL, COM0–9,
// LPT0–9, COM¹–³, LPT¹–³, in any case) would name files Windows cannot write: it takes
// `con.types.ts` for the device CON, whatever extensions follow. Such a namespace's files are named
// with a `-` after that segment (`Con-.types.ts`), which no namespace can hold, so no two
// namespaces share a file; the modules import each other by those names and compile.
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { edmx, keyed, schema } from "./helpers/csdl";
import { GENERATED } from "./helpers/generated";
import { anyCompiler, runTsc, tsFiles } from "./helpers/typecheck";

const DEVICES = ["Con", "aux.Models", "NUL", "Com1", "lpt9.x", "PRN"];
// Names that only start like a device name, or hold one later, keep their names.
const PLAIN = ["Console", "Com10", "Models.Con", "Auxiliary"];

const document = edmx([
  ...[...DEVICES, ...PLAIN].map((ns, i) =>
    schema(ns, `${keyed("Thing", `<NavigationProperty Name="next" Type="${[...DEVICES, ...PLAIN][(i + 1) % (DEVICES.length + PLAIN.length)]}.Thing"/>`)}
  <EntityContainer Name="C${i}"><EntitySet Name="Things${i}" EntityType="${ns}.Thing"/></EntityContainer>`),
  ),
].map((s, i) => (i === 0 ? s : s.replace(/<EntityContainer[^]*<\/EntityContainer>/, ""))));

const run = () => generate({ inputs: [{ file: "devices.xml", content: document }] });

test("no generated file is named for a Windows device, and the files compile", () => {
  const { files } = run();
  const names = [...files.keys()];
  const device = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
  expect(names.filter((n) => device.test(n.split(".")[0] as string))).toEqual([]);
  expect(names.filter((n) => n.endsWith(".types.ts")).sort()).toEqual(
    ["Con-.types.ts", "aux-.Models.types.ts", "NUL-.types.ts", "Com1-.types.ts", "lpt9-.x.types.ts", "PRN-.types.ts", "Console.types.ts", "Com10.types.ts", "Models.Con.types.ts", "Auxiliary.types.ts"].sort(),
  );
  // One file per namespace and artifact, also where names differ only in case.
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  // The same names on every run.
  expect([...run().files.keys()]).toEqual(names);
  const dir = path.join(GENERATED, "names-windows-devices");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of files) fs.writeFileSync(path.join(dir, name), content);
  const r = runTsc(anyCompiler(), dir, tsFiles(dir));
  expect(r.output).toBe("");
});
