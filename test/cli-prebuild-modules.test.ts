// The no-change prebuild (`odatagen generate` in an npm project, answered from the stat cache in
// node_modules/.cache/odatagen) loads only what that answer needs: Node's modules for hashing
// (node:crypto), for reading a FIFO input (node:net) and for the heap's limit (node:v8) are loaded
// by the runs that hash, read a FIFO or read an input, not by this one.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { BIN, copySpec, runCli, scratch, writeJson } from "./helpers/cli";

/** Runs `odatagen generate` in `dir` with its output and errors in files (a pipe or terminal loads node:net for them), and the built-in modules it loaded. */
function generateLoading(dir: string): { stdout: string; loaded: string[] } {
  const runner = path.join(dir, "runner.js");
  fs.writeFileSync(
    runner,
    `const fs = require("node:fs");
process.argv = [process.argv[0], ${JSON.stringify(BIN)}, "generate"];
process.on("exit", () => fs.writeFileSync(${JSON.stringify(path.join(dir, "loaded.json"))}, JSON.stringify(process.moduleLoadList)));
require(${JSON.stringify(BIN)});
`,
  );
  const out = fs.openSync(path.join(dir, "stdout.txt"), "w");
  const err = fs.openSync(path.join(dir, "stderr.txt"), "w");
  const r = spawnSync(process.execPath, [runner], { cwd: dir, stdio: ["ignore", out, err] });
  fs.closeSync(out);
  fs.closeSync(err);
  expect(fs.readFileSync(path.join(dir, "stderr.txt"), "utf8")).toBe("");
  expect(r.status).toBe(0);
  const loaded = (JSON.parse(fs.readFileSync(path.join(dir, "loaded.json"), "utf8")) as string[]).flatMap((m) => (m.startsWith("NativeModule ") ? [m.slice("NativeModule ".length)] : []));
  return { stdout: fs.readFileSync(path.join(dir, "stdout.txt"), "utf8"), loaded };
}

test("a no-change prebuild answered from the stat cache loads neither node:crypto, node:net nor node:v8", () => {
  const dir = scratch();
  fs.mkdirSync(path.join(dir, "node_modules"));
  copySpec("graph-callrecords.xml", dir);
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ input: "graph-callrecords.xml", out: "gen" }] });
  expect(runCli(["generate", "--quiet"], dir).code).toBe(0);
  // A stat taken within 2 s of a file's last change (ctime) is not trusted, and the file is hashed
  // again: the output, and odatagen's own code that jest's setup has just built, are let age first.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3_000);
  // The second run records the stats the third trusts.
  expect(runCli(["generate"], dir).code).toBe(0);
  const { stdout, loaded } = generateLoading(dir);
  expect(stdout).toMatch(/^odatagen: 1 service up to date \(\d+ ms\)\n$/);
  expect(loaded.filter((m) => m === "crypto" || m === "net" || m === "v8")).toEqual([]);
});

test("a run that must read its input loads them (the module list above tells them apart)", () => {
  const dir = scratch();
  fs.mkdirSync(path.join(dir, "node_modules"));
  copySpec("graph-callrecords.xml", dir);
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ input: "graph-callrecords.xml", out: "gen" }] });
  const { stdout, loaded } = generateLoading(dir);
  expect(stdout).toMatch(/in gen/);
  expect(loaded).toEqual(expect.arrayContaining(["crypto", "v8"]));
});
