/**
 * `--emit js` in a JavaScript project that type-checks its JavaScript (`checkJs`, as a
 * jsconfig.json asks), as the README says to set it up: the output's `.js` files excluded, so that
 * its imports are typed by the `.d.ts` beside them (which are checked) and the project sees only its
 * own mistakes, not a thousand in the output's type-less JavaScript.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runCliAsync, scratch } from "./helpers/cli";
import { forEachCompiler, runTscProject } from "./helpers/typecheck";

const SPEC = path.join(__dirname, "fixtures", "trippin-lite.xml");
const TYPESCRIPT = path.dirname(require.resolve("typescript/package.json"));

let dir: string;
beforeAll(async () => {
  dir = scratch("odatagen-emit-js-checkjs-");
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(TYPESCRIPT, path.join(dir, "node_modules", "typescript"), "dir");
  const r = await runCliAsync(["generate", "--input", SPEC, "--out", path.join(dir, "gen"), "--emit", "js"], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  const compilerOptions = { allowJs: true, checkJs: true, strict: true, noEmit: true, skipLibCheck: false, target: "ES2022", module: "NodeNext", lib: ["ES2022", "DOM"], types: [] };
  fs.writeFileSync(path.join(dir, "jsconfig.json"), JSON.stringify({ compilerOptions, include: ["**/*.js"], exclude: ["node_modules", "gen/**/*.js"] }));
  fs.writeFileSync(
    path.join(dir, "app.js"),
    [
      'import { createClient } from "./gen/runtime.js";',
      'import { getPerson, people } from "./gen/Travel.Lite.requests.js";',
      'const client = createClient({ baseUrl: "https://example.org/odata" });',
      'export const p = getPerson(client, people().byKey("russellwhyte"), { select: ["FirstName"] });',
      "// A mistake of the project's own: the check is live, and the declarations type its calls.",
      'export const wrong = getPerson(client, people().byKey(42));',
      "",
    ].join("\n"),
  );
}, 120000);

forEachCompiler((label, c) => {
  test(`${label}: checkJs over the project, the output's .js excluded, reports its mistake and none in the output`, () => {
    const r = runTscProject(c, path.join(dir, "jsconfig.json"));
    expect(r.output.split("\n")).toEqual([expect.stringMatching(/^app\.js\(6,\d+\): error TS2345: Argument of type 'number' is not assignable to parameter of type 'string'/)]);
  }, 240000);
});
