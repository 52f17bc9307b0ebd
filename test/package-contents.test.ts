/**
 * What `npm pack` puts in the tarball a project installs (README "Install"): the built CLI and
 * library, the templates, the config's schema and entry, the manual; not the tests, the benchmarks,
 * the specs or the committed output, which a project would carry for nothing.
 */
import { spawnSync } from "node:child_process";
import { REPO } from "./helpers/typecheck";

test("the tarball holds bin, dist, templates and the docs, and no tests, bench, specs or generated output", () => {
  const r = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO, encoding: "utf8", timeout: 120000 });
  expect(r.status).toBe(0);
  const files: string[] = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
  const tops = [...new Set(files.map((f) => f.split("/")[0]))].sort();
  expect(tops).toEqual(expect.arrayContaining(["README.md", "bin", "config.d.ts", "config.js", "dist", "odatagen.config.schema.json", "package.json", "templates"]));
  expect(tops.filter((t) => ["test", "bench", "specs", "generated", "scripts", "node_modules", ".ci"].includes(t))).toEqual([]);
  expect(files).toContain("bin/odatagen.js");
  expect(files).toContain("dist/index.js");
  expect(files).toContain("templates/static/runtime.ts");
});
