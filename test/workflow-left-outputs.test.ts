/**
 * A folder a config wrote that none of its services writes any more (an `out` changed, a service
 * removed) is named while it still holds odatagen's output, by `generate` and by `--check`, whose
 * exit code it does not change.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";
import { entity, writeDoc } from "./helpers/diff";

interface Service {
  name: string;
  out: string;
}

/** A project with node_modules (where odatagen keeps its cache) and one small spec. */
function project(): string {
  const dir = scratch();
  fs.mkdirSync(path.join(dir, "node_modules"));
  writeDoc(dir, "s.xml", entity('<Property Name="a" Type="Edm.String"/>'));
  return dir;
}

function config(dir: string, services: Service[], file = "odatagen.config.json"): void {
  fs.writeFileSync(path.join(dir, file), JSON.stringify({ services: services.map((s) => ({ ...s, input: "s.xml" })) }));
}

const notes = (text: string) => text.split("\n").filter((l) => l.includes("no service of"));
const note = (folder: string, configFile = "odatagen.config.json") =>
  `odatagen: note: ${folder} holds output odatagen wrote (.odatagen-manifest.json) that no service of ${configFile} writes any more (its out changed, or it was removed): delete the folder, and move code that imports from it to the new output`;

test("an out changed: generate and --check name the old folder (exit 0) until it is deleted", async () => {
  const dir = project();
  const three = [{ name: "demo", out: "src/generated/demo" }, { name: "a", out: "src/generated/a" }, { name: "b", out: "src/generated/b" }];
  config(dir, three);
  const first = await runCliInProcess(["generate"], dir);
  expect(first.code).toBe(0);
  expect(notes(first.stdout + first.stderr)).toEqual([]);
  config(dir, [{ name: "demo", out: "src/api/demo" }, ...three.slice(1)]);
  const moved = await runCliInProcess(["generate"], dir);
  expect(moved.code).toBe(0);
  expect(notes(moved.stderr)).toEqual([note("src/generated/demo")]);
  const check = await runCliInProcess(["generate", "--check", "--quiet"], dir);
  expect(check.code).toBe(0);
  expect(notes(check.stdout)).toEqual([note("src/generated/demo")]);
  // Every output up to date: still named, on each run, while the folder is there.
  expect(notes((await runCliInProcess(["generate", "--quiet"], dir)).stderr)).toEqual([note("src/generated/demo")]);
  fs.rmSync(path.join(dir, "src/generated/demo"), { recursive: true });
  const after = await runCliInProcess(["generate"], dir);
  expect(after.code).toBe(0);
  expect(after.stderr).toBe("");
  // Then the prebuild's fast path again.
  expect((await runCliInProcess(["generate"], dir)).stdout).toMatch(/^odatagen: 3 services up to date/);
});

test("a service removed from the config, the others up to date: its folder is named", async () => {
  const dir = project();
  config(dir, [{ name: "a", out: "gen/a" }, { name: "b", out: "gen/b" }]);
  expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
  expect((await runCliInProcess(["generate"], dir)).stdout).toMatch(/^odatagen: 2 services up to date/);
  config(dir, [{ name: "a", out: "gen/a" }]);
  const r = await runCliInProcess(["generate"], dir);
  expect(r.code).toBe(0);
  expect(notes(r.stderr)).toEqual([note(path.join("gen", "b"))]);
});

test("a folder another config of the project now writes is not named", async () => {
  const dir = project();
  config(dir, [{ name: "x", out: "gen/x" }, { name: "y", out: "gen/y" }], "one.json");
  config(dir, [{ name: "z", out: "gen/z" }], "two.json");
  expect((await runCliInProcess(["generate", "--config", "one.json"], dir)).code).toBe(0);
  expect((await runCliInProcess(["generate", "--config", "two.json"], dir)).code).toBe(0);
  // x moves from one.json to two.json.
  config(dir, [{ name: "y", out: "gen/y" }], "one.json");
  config(dir, [{ name: "z", out: "gen/z" }, { name: "x", out: "gen/x" }], "two.json");
  const two = await runCliInProcess(["generate", "--config", "two.json"], dir);
  expect(two.code).toBe(0);
  const one = await runCliInProcess(["generate", "--config", "one.json"], dir);
  expect(one.code).toBe(0);
  expect(notes(one.stdout + one.stderr)).toEqual([]);
  // Removed from two.json too: now named, as a folder of the config that wrote it last.
  config(dir, [{ name: "z", out: "gen/z" }], "two.json");
  expect(notes((await runCliInProcess(["generate", "--config", "two.json"], dir)).stderr)).toEqual([note(path.join("gen", "x"), "two.json")]);
});

test("the same folder spelled another way (through a symlink) is not left behind: no note, and the fast path comes back", async () => {
  const dir = project();
  fs.symlinkSync(".", path.join(dir, "here"));
  config(dir, [{ name: "s", out: "gen" }]);
  expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
  config(dir, [{ name: "s", out: "here/gen" }]);
  const again = await runCliInProcess(["generate"], dir);
  expect(again.code).toBe(0);
  expect(notes(again.stdout + again.stderr)).toEqual([]);
  const check = await runCliInProcess(["generate", "--check"], dir);
  expect({ code: check.code, notes: notes(check.stdout + check.stderr) }).toEqual({ code: 0, notes: [] });
  expect((await runCliInProcess(["generate"], dir)).stdout).toMatch(/^odatagen: 1 service up to date \(\d+ ms\)\n$/);
});
