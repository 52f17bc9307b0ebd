/**
 * bin/odatagen.js turns on Node's on-disk compile cache where Node has one (22.1+), so that later
 * runs skip compiling odatagen and its dependencies again; on Node 20 it starts as before.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as nodeModule from "node:module";
import { BIN, scratch } from "./helpers/cli";

let work: string;
beforeAll(() => {
  work = scratch("odatagen-compile-cache-");
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function run(env: Record<string, string | undefined>, preload: string[] = []) {
  const r = spawnSync(process.execPath, [...preload, BIN, "--version"], {
    cwd: work,
    env: { ...process.env, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined, ...env },
    encoding: "utf8",
  });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r;
}

test("the CLI asks Node for its compile cache before loading the generator, and runs without one", () => {
  // A stand-in for Node's function records the call and whether the generator was loaded by then.
  const marker = path.join(work, "called.json");
  const stub = path.join(work, "stub.js");
  fs.writeFileSync(
    stub,
    `const m = require("node:module");
     m.enableCompileCache = () => {
       const loaded = Object.keys(require.cache).some((f) => f.includes("dist"));
       require("node:fs").writeFileSync(${JSON.stringify(marker)}, JSON.stringify({ loaded }));
     };`,
  );
  expect(run({}, ["--require", stub]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  expect(JSON.parse(fs.readFileSync(marker, "utf8"))).toEqual({ loaded: false });

  // Node 20 has no enableCompileCache: the CLI must not depend on it.
  const without = path.join(work, "without.js");
  fs.writeFileSync(without, `delete require("node:module").enableCompileCache;`);
  expect(run({}, ["--require", without]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
});

const hasCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === "function";
if (!hasCache) console.warn(`SKIPPED compile-cache file test: Node ${process.version} has no module.enableCompileCache (Node 22.1+ has)`);
(hasCache ? test : test.skip)("on a Node with a compile cache, a run leaves compiled code in the temporary folder, unless NODE_DISABLE_COMPILE_CACHE is set", () => {
  const files = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).length : 0);
  const off = path.join(work, "tmp-off");
  fs.mkdirSync(off);
  run({ TMPDIR: off, NODE_DISABLE_COMPILE_CACHE: "1" });
  expect(files(path.join(off, "node-compile-cache"))).toBe(0);
  const on = path.join(work, "tmp-on");
  fs.mkdirSync(on);
  run({ TMPDIR: on });
  expect(files(path.join(on, "node-compile-cache"))).toBeGreaterThan(10);
});
