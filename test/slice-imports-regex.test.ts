/**
 * `--include @src/app.ts` over a program that imports odatagen's output and uses regular
 * expressions: a `/*`, a quote or a backtick in one (`/\/*$/`, `/["'`]/g`) starts no comment,
 * string or template in the reader of imports (parse/requests/module-imports.ts), so the names
 * after it are read. Through the CLI on a program in a scratch folder.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";

const LITE = path.join(__dirname, "fixtures", "trippin-lite.xml");

test("the names a program uses after a regular expression holding /* or a backtick are read, and the slice keeps them", async () => {
  const dir = scratch();
  const lines = [
    'import * as lite from "./gen/Travel.Lite.requests.js";',
    'const trim = (s: string) => s.replace(/\\/*$/, "");',
    "const unquote = (s: string) => s.replace(/[\"'`]/g, \"\");",
    "export const drop = (client: never, id: string) => lite.deleteAirline(client, lite.airlines().byKey(trim(unquote(id))));",
  ];
  fs.writeFileSync(path.join(dir, "app.ts"), lines.join("\n"));
  const r = await runCliInProcess(["generate", "-i", LITE, "-o", "gen", "--include", "@app.ts"], dir);
  expect(r.stderr).not.toMatch(/error/);
  expect(r.code).toBe(0);
  const requests = fs.readFileSync(path.join(dir, "gen", "Travel.Lite.requests.ts"), "utf8");
  expect(requests).toMatch(/^export (?:async )?function deleteAirline\b/m);
  expect(requests).toMatch(/^export (?:const|function) airlines\b/m);
  expect(requests).not.toMatch(/^export (?:async )?function listPeople\b/m);
});
