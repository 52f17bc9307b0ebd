/**
 * The globs an `include` entry's file of requests may be (`@src/**\/*.ts`): expanded to the files
 * they match, sorted, with `node_modules` and dot folders entered only where the pattern names them
 * (generator/write/request-globs.ts). The CLI's use of them: test/cli-include-requests.test.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { expandGlob, isGlob } from "../generator/write/request-globs";
import { scratch } from "./helpers/cli";

function tree(files: string[]): string {
  const dir = scratch();
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), "");
  }
  return dir;
}

const FILES = ["src/a.ts", "src/b.js", "src/api/c.ts", "src/api/deep/d.ts", "src/api/e.http", "src/node_modules/x/f.ts", "src/.cache/g.ts", "src/h.tsx", "other/i.ts"];

test("*, **, ? and {a,b} match as a shell's globstar does; node_modules and dot folders only where named; sorted", () => {
  const dir = tree(FILES);
  const matched = (pattern: string) => {
    const r = expandGlob(dir, pattern);
    if ("problem" in r) throw new Error(r.problem);
    return r.files.map((f) => path.relative(dir, f).split(path.sep).join("/"));
  };
  expect(matched("src/**/*.ts")).toEqual(["src/a.ts", "src/api/c.ts", "src/api/deep/d.ts"]);
  expect(matched("src/*.ts")).toEqual(["src/a.ts"]);
  expect(matched("src/**/*.{ts,http}")).toEqual(["src/a.ts", "src/api/c.ts", "src/api/deep/d.ts", "src/api/e.http"]);
  expect(matched("src/?.ts*")).toEqual(["src/a.ts", "src/h.tsx"]);
  expect(matched("src/api/**")).toEqual(["src/api/c.ts", "src/api/deep/d.ts", "src/api/e.http"]);
  expect(matched("src/node_modules/**/*.ts")).toEqual(["src/node_modules/x/f.ts"]);
  expect(matched("src/.cache/*.ts")).toEqual(["src/.cache/g.ts"]);
  expect(matched("**/i.ts")).toEqual(["other/i.ts"]);
  expect(matched(`${dir}/src/api/*.ts`)).toEqual(["src/api/c.ts"]);
  expect(matched("nowhere/**/*.ts")).toEqual([]);
  expect(matched("src/**/*.(ts)")).toEqual([]);
  expect([isGlob("src/a.ts"), isGlob("src/*.ts"), isGlob("a?.har"), isGlob("{a,b}.http")]).toEqual([false, true, true, true]);
  // An output folder of odatagen's (its manifest marks it) is not entered, nor one given to skip.
  fs.writeFileSync(path.join(dir, "src", "api", "deep", ".odatagen-manifest.json"), "{}");
  expect(matched("src/**/*.ts")).toEqual(["src/a.ts", "src/api/c.ts"]);
  const skipped = expandGlob(dir, "src/**/*.ts", [path.join(dir, "src", "api")]);
  expect("files" in skipped && skipped.files.map((f) => path.basename(f))).toEqual(["a.ts"]);
});
