/**
 * `odatagen url --from` on a program whose URL constants are in another of its modules: `import {
 * PEOPLE } from "./config"` then `` fetch(`${PEOPLE}('x')`) ``. The constant is read in the module
 * the import names (found as an imported helper's is), or in the one it re-exports it from; a
 * constant that is no string, a module not found, a name the file declares itself and a cycle of
 * modules stay placeholders, as before.
 */
import * as path from "node:path";
import { runCliInProcess } from "./helpers/cli-in-process";
import { program } from "./helpers/scratch-program";

const LITE = path.join(__dirname, "fixtures", "trippin-lite.xml");

async function requests(files: Record<string, string[]>): Promise<string[]> {
  const r = await runCliInProcess(["url", "-i", LITE, "--from", "app.ts", "--json"], program(files));
  return (JSON.parse(r.stdout) as { results: { line: number; url: string; ok: boolean }[] }).results.map((x) => `${x.line} ${x.url} ${x.ok ? "ok" : "refused"}`);
}

test("a string constant imported from the program's module is read: declared there (a template of its own constants, as const), exported by name, re-exported by export * or export { } from, through a .js specifier and an index file", async () => {
  expect(
    await requests({
      "config.ts": ['const BASE = "https://example.com/odata";', "export const PEOPLE = `${BASE}/People`;", 'export const AIRLINES = "/Airlines" as const;', 'const AIRPORTS = "/Airports";', "export { AIRPORTS };"],
      "root.ts": ['export const ROOT = "https://example.com";'],
      "service.ts": ['import { ROOT } from "./root.js";', "export const SERVICE = `${ROOT}/odata`;"],
      "lib/index.ts": ['export * from "../config";'],
      "names.ts": ['export { PEOPLE as PERSONS } from "./config.js";'],
      "app.ts": [
        'import { PEOPLE, AIRLINES, AIRPORTS } from "./config";',
        'import { PEOPLE as PPL } from "./lib";',
        'import { PERSONS } from "./names.js";',
        'import { SERVICE } from "./service";',
        "fetch(`${PEOPLE}('x')`);",
        "fetch(`${PPL}('y')/Trips`);",
        "fetch(PERSONS + \"('z')\");",
        "fetch(`${SERVICE}${AIRLINES}`);",
        "fetch(SERVICE + AIRPORTS);",
      ],
    }),
  ).toEqual([
    "5 https://example.com/odata/People('x') ok",
    "6 https://example.com/odata/People('y')/Trips ok",
    "7 https://example.com/odata/People('z') ok",
    "8 https://example.com/odata/Airlines ok",
    "9 https://example.com/odata/Airports ok",
  ]);
});

test("an imported constant that is no string, from a module not found, or hidden by the file's own name stays a placeholder; modules making constants of each other end, the name read in its cycle a placeholder", async () => {
  expect(
    await requests({
      "config.ts": ['export const PEOPLE = { path: "/People" };', 'export const MADE = make("/People");', 'import { B } from "./b";', "export const A = `${B}/a`;"],
      "b.ts": ['import { A } from "./config";', "export const B = `${A}/b`;"],
      "app.ts": [
        'import { PEOPLE, MADE, A } from "./config";',
        'import { GONE } from "./missing";',
        'import { AIRLINES } from "./airlines";',
        "fetch(`${PEOPLE}('x')`);",
        "fetch(`${MADE}('x')`);",
        "fetch(`${GONE}('x')`);",
        "fetch(`${A}('x')`);",
        "export const f = (AIRLINES: string) => fetch(`https://example.com/odata${AIRLINES}`);",
      ],
      "airlines.ts": ['export const AIRLINES = "/Airlines";'],
    }),
  // A's B is read in b.ts, whose A is the one being read: a placeholder there, taken for the service root as `${root}/b` is.
  ).toEqual(["4 {PEOPLE}('x') refused", "5 {MADE}('x') refused", "6 {GONE}('x') refused", "7 /b/a('x') refused", "8 https://example.com/odata{AIRLINES} refused"]);
});

test("a constant made of constants imported through 1,000 modules is followed 8 modules deep, each module read once: the name is a placeholder past it", async () => {
  const files: Record<string, string[]> = { "m1000.ts": ['export const C = "https://example.com/odata";'] };
  for (let k = 0; k < 1000; k++) files[`m${k}.ts`] = [`import { C as D } from "./m${k + 1}";`, "export const C = `${D}`;"];
  files["near.ts"] = ['import { C as D } from "./m995";', "export const NEAR = `${D}/People`;"];
  files["app.ts"] = ['import { C } from "./m0";', 'import { NEAR } from "./near";', "fetch(`${C}/People`);", "fetch(NEAR);"];
  // m0's C is read 8 modules deep, where m8's D is a placeholder (taken for the service root); near.ts's, 6 deep, to m1000's string.
  expect(await requests(files)).toEqual(["3 /People ok", "4 https://example.com/odata/People ok"]);
});
