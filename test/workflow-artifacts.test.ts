/**
 * --no-validators / --no-requests (config: options.validators / options.requests): the types are
 * always generated; what is left out (with the validators, checkers.ts) is not written, its files
 * are removed when an earlier run wrote them, the manifest records the choice, and what remains
 * compiles under --strict.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { copySpec, scratch, writeJson } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";
import { anyCompiler, runTsc } from "./helpers/typecheck";

const NS = "microsoft.graph.callRecords";

function project(options?: object): { dir: string; gen: string } {
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir);
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "svc", input: "graph-callrecords.xml", out: "gen", ...(options ? { options } : {}) }] });
  return { dir, gen: path.join(dir, "gen") };
}

const tsFiles = (gen: string) => fs.readdirSync(gen).filter((f) => f.endsWith(".ts")).sort();
const manifestOptions = (gen: string) => JSON.parse(fs.readFileSync(path.join(gen, ".odatagen-manifest.json"), "utf8")).options;

test.each([
  [["--no-validators"], ["edm.ts", "index.ts", "runtime.ts", "validation.ts"], ["types", "requests"], { validators: false }],
  [["--no-requests"], ["checkers.ts", "edm.ts", "index.ts", "validation.ts"], ["types", "validators"], { requests: false }],
  [["--no-validators", "--no-requests"], ["edm.ts", "index.ts"], ["types"], { validators: false, requests: false }],
])("generate %j writes only what is asked for, and it compiles", async (flags, statics, artifacts, recorded) => {
  const { dir, gen } = project();
  const r = await runCliInProcess(["generate", ...flags], dir);
  expect(r.code).toBe(0);
  const files = tsFiles(gen);
  expect(files.filter((f) => !f.startsWith("microsoft."))).toEqual(statics);
  // Every namespace has exactly the asked-for modules.
  expect(files.filter((f) => f.startsWith(`${NS}.`))).toEqual(artifacts.map((a) => `${NS}.${a}.ts`).sort());
  const index = fs.readFileSync(path.join(gen, "index.ts"), "utf8");
  expect(index).toContain(`//   ${NS}: ${artifacts.map((a) => `"./${NS}.${a}.js"`).join(", ")}\n`);
  expect(index.includes("./runtime.js")).toBe(statics.includes("runtime.ts"));
  expect(index.includes("./validation.js")).toBe(statics.includes("validation.ts"));
  expect(index.includes("./checkers.js")).toBe(statics.includes("checkers.ts"));
  expect(manifestOptions(gen)).toMatchObject(recorded);
  // That it compiles, not how a compiler treats its types (typecheck.test.ts checks generated/ with both): one compiler.
  const checked = runTsc(anyCompiler(), gen, files);
  expect(checked.output).toBe("");
  expect(checked.status).toBe(0);
}, 120000);

test("leaving validators out later removes their files; the choice counts as an option change, then the output is up to date", async () => {
  const { dir, gen } = project();
  expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
  expect(tsFiles(gen)).toContain(`${NS}.validators.ts`);
  expect(manifestOptions(gen)).not.toHaveProperty("validators");

  const r = await runCliInProcess(["generate", "--no-validators"], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/removed/);
  expect(tsFiles(gen).filter((f) => f.endsWith(".validators.ts") || f === "checkers.ts")).toEqual([]);
  expect(tsFiles(gen)).toContain("validation.ts"); // the request functions' `validate` option uses it
  expect((await runCliInProcess(["generate", "--no-validators"], dir)).stdout).toMatch(/up to date/);
  // Without the flag the validators come back.
  expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
  expect(tsFiles(gen)).toContain(`${NS}.validators.ts`);
});

test("the config file's options.validators / options.requests, which the flags override", async () => {
  const { dir, gen } = project({ requests: false });
  expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
  expect(tsFiles(gen).some((f) => f.endsWith(".requests.ts"))).toBe(false);
  expect((await runCliInProcess(["generate", "--requests"], dir)).code).toBe(0);
  expect(tsFiles(gen)).toContain(`${NS}.requests.ts`);
  // A no-change run straight from the config (the prebuild fast path) honours the option too.
  expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
  expect((await runCliInProcess(["generate"], dir)).stdout).toMatch(/up to date/);
  expect(tsFiles(gen).some((f) => f.endsWith(".requests.ts"))).toBe(false);

  const bad = project({ validators: "no" });
  const r = await runCliInProcess(["generate"], bad.dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("services[0].options.validators: expected true or false");
});

test("completeReads (--complete-reads) types reads without select as whole entities; the choice is recorded, and the flag overrides the config", async () => {
  const getSession = (gen: string) => fs.readFileSync(path.join(gen, `${NS}.requests.ts`), "utf8").match(/export function getSession<[\s\S]*? \{\n/)?.[0];
  const { dir, gen } = project({ completeReads: true });
  expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
  expect(getSession(gen)).toContain('Promise<rt.Selected<Session, S, SessionNavigation, {}, "id" | rt.Whole, E> | N>');
  expect(manifestOptions(gen)).toMatchObject({ completeReads: true });
  expect((await runCliInProcess(["generate"], dir)).stdout).toMatch(/up to date/);

  // By default only the key is sure to be in the service's default set.
  expect((await runCliInProcess(["generate", "--no-complete-reads"], dir)).code).toBe(0);
  expect(getSession(gen)).toContain('Promise<rt.Selected<Session, S, SessionNavigation, {}, "id", E> | N>');
  expect(manifestOptions(gen)).not.toHaveProperty("completeReads");

  const bad = project({ completeReads: 1 });
  const r = await runCliInProcess(["generate"], bad.dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("services[0].options.completeReads: expected true or false");
});
