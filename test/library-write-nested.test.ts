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
import { scratch, snapshot } from "./helpers/cli";

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
