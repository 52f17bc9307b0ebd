/**
 * The library's writeOutput takes the locks the CLI takes for nested outputs (`out/x` and
 * `out/x/inner`): writing the inner output while another writer holds the outer one's lock, or the
 * outer one while another writer holds an inner one's, is refused (ODG402), nothing touched — the
 * outer swap would otherwise put the inner output back, or fail as it is swapped.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GenerationError, writeOutput } from "../generator";
import { lockFile } from "../generator/write/lock";
import { spawn } from "node:child_process";
import { ROOT, scratch, snapshot } from "./helpers/cli";

const files = new Map([["a.ts", "export const a = 1;\n"]]);

function thrown(fn: () => unknown): GenerationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof GenerationError) return e;
    throw e;
  }
  throw new Error("did not throw");
}

/** Two nested outputs written once; `held` then holds a lock as another writer of this process (a worker thread) does. */
function nested() {
  const dir = scratch();
  const outer = path.join(dir, "out", "x");
  const inner = path.join(outer, "inner");
  writeOutput(outer, files);
  writeOutput(inner, new Map([["b.ts", "export const b = 1;\n"]]));
  const held = (out: string) => fs.writeFileSync(lockFile(out), String(process.pid));
  return { dir, outer, inner, held };
}

test("the inner output while another writer holds the outer one's lock: ODG402 naming the outer output, nothing touched", () => {
  const { outer, inner, held } = nested();
  held(outer);
  const before = snapshot(outer);
  const e = thrown(() => writeOutput(inner, new Map([["b.ts", "export const b = 2;\n"]])));
  expect(e.diagnostics.map((d) => d.code)).toEqual(["ODG402"]);
  expect(e.message).toContain(`${outer} is being written by another writer of this process`);
  expect(snapshot(outer)).toEqual(before);
  expect(fs.existsSync(lockFile(inner))).toBe(false);
});

test("the outer output while another writer holds an inner one's lock: ODG402 naming the inner output, nothing touched", () => {
  const { outer, inner, held } = nested();
  held(inner);
  const before = snapshot(outer);
  const e = thrown(() => writeOutput(outer, new Map([["a.ts", "export const a = 2;\n"]])));
  expect(e.diagnostics.map((d) => d.code)).toEqual(["ODG402"]);
  expect(e.message).toContain(`${inner} is being written by another writer of this process`);
  expect(snapshot(outer)).toEqual(before);
  expect(fs.existsSync(lockFile(outer))).toBe(false);
});

test("unlocked, both are written, and no lock is left", () => {
  const { dir, outer, inner } = nested();
  writeOutput(outer, new Map([["a.ts", "export const a = 3;\n"]]));
  writeOutput(inner, new Map([["b.ts", "export const b = 3;\n"]]));
  expect(fs.readFileSync(path.join(outer, "a.ts"), "utf8")).toBe("export const a = 3;\n");
  expect(fs.readFileSync(path.join(inner, "b.ts"), "utf8")).toBe("export const b = 3;\n");
  expect(fs.readdirSync(path.join(dir, "out")).sort()).toEqual(["x"]);
  expect(fs.readdirSync(outer).filter((f) => f.endsWith("-lock"))).toEqual([]);
});

test("an outer writer that began between the inner write's look and its lock: ODG402 naming the outer output, the inner one not written", async () => {
  // The inner output exists, the outer one not yet (no manifest): the inner write's look finds no output around it.
  const dir = scratch();
  const outer = path.join(dir, "out", "x");
  const inner = path.join(outer, "inner");
  writeOutput(inner, new Map([["b.ts", "export const b = 1;\n"]]));
  const gate = path.join(dir, "looked");
  const script = `try { require(${JSON.stringify(path.join(ROOT, "dist"))}).writeOutput(${JSON.stringify(inner)}, new Map([["b.ts", "export const b = 2;\\n"]])); } catch (e) { process.stdout.write(e.message); }`;
  const child = spawn(process.execPath, ["-e", script], { env: { ...process.env, ODATAGEN_TEST_AFTER_LOOK: gate }, stdio: ["ignore", "pipe", "inherit"] });
  let stdout = "";
  child.stdout!.on("data", (d) => (stdout += d));
  const done = new Promise((resolve) => child.on("exit", resolve));
  try {
    for (const t0 = Date.now(); !fs.existsSync(gate) && Date.now() - t0 < 60000; ) await new Promise((r) => setTimeout(r, 5));
    // Another process (this one) begins the outer output's first write: it holds the outer lock.
    fs.writeFileSync(lockFile(outer), String(process.pid));
  } finally {
    fs.rmSync(gate, { force: true });
  }
  await done;
  expect(stdout).toContain(`${outer} is being written by another odatagen (pid ${process.pid})`);
  expect(fs.readFileSync(path.join(inner, "b.ts"), "utf8")).toBe("export const b = 1;\n");
  expect(fs.existsSync(lockFile(inner))).toBe(false);
}, 60_000);
