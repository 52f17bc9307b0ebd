/**
 * `odatagen url --from` on a program that writes `fetch("…")` in a comment, a string or a
 * template's text: no request. A fetch inside a template's `${…}` is code, and is one.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";

const LITE = path.join(__dirname, "fixtures", "trippin-lite.xml");

async function run(lines: string[]) {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "app.ts"), lines.join("\n"));
  return runCliInProcess(["url", "-i", LITE, "--from", "app.ts", "--json"], dir);
}

test("fetch calls in comments, strings and templates' text are passed over; one in a template's ${…} is read", async () => {
  const r = await run([
    '// Before: fetch("https://example.com/odata/Peple")',
    '/* fetch("https://example.com/odata/Airports") */',
    'const help = `Call fetch("https://example.com/odata/Airlnes") to list airlines`;',
    "const said = 'fetch(\"https://example.com/odata/Trips\")';",
    'export const people = () => fetch("https://example.com/odata/People");',
    'export const shown = async () => `${(await fetch("https://example.com/odata/Airlines")).status}`;',
    "export { help, said };",
  ]);
  const json = JSON.parse(r.stdout) as { results: { line: number; url: string }[] };
  expect(json.results.map((x) => `${x.line} ${x.url}`)).toEqual(["5 https://example.com/odata/People", "6 https://example.com/odata/Airlines"]);
  expect(r.code).toBe(0);
});

test("a program whose only fetch calls are in comments is said to have no literal URL, not read as a list of lines", async () => {
  const r = await run(['// fetch("https://example.com/odata/People")', "export const x = 1;"]);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/app\.ts:2:1: a program \(JavaScript or TypeScript\) none of whose fetch/);
});
