// `odatagen generate` with no --input and no config in the folder it runs in: the error names that
// folder, and the nearest folder above that has a config (a run from `src/` that meant the project's).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { resolveServices } from "../generator/cli/services";

const made: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-config-missing-"));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const errorsIn = async (cwd: string) => {
  const r = await resolveServices({}, cwd);
  return r.ok ? [] : r.errors;
};

test("names the folder it looked in", async () => {
  const lone = tempDir();
  expect(await errorsIn(lone)).toEqual([`no odatagen.config.json, .mjs or .ts in ${lone}; pass --input and --out, or create a config file`]);
});

test("points to the nearest config above, with the --config that takes it", async () => {
  const root = tempDir();
  const project = path.join(root, "project");
  const deep = path.join(project, "src", "deep");
  fs.mkdirSync(deep, { recursive: true });
  fs.writeFileSync(path.join(root, "odatagen.config.json"), "{}");
  fs.writeFileSync(path.join(project, "odatagen.config.mjs"), "export default {};");
  expect(await errorsIn(deep)).toEqual([
    `no odatagen.config.json, .mjs or .ts in ${deep} (${project} has odatagen.config.mjs: run odatagen there, or pass --config ${path.join("..", "..", "odatagen.config.mjs")}); pass --input and --out, or create a config file`,
  ]);
});
