/**
 * Golden files: each emitter's output for the fixtures in test/fixtures, compared with
 * test/golden/<fixture>/. After an intended change to an emitter or template, regenerate them with
 *   UPDATE_GOLDEN=1 npx jest golden
 * and review the diff before committing.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { emitterOf, fixtureNames, generateFixture, GOLDEN_DIR, goldenFiles, listFiles } from "./helpers/fixtures";

const UPDATE = process.env.UPDATE_GOLDEN === "1";

test("there are fixtures, and every fixture has a golden folder", () => {
  expect(fixtureNames().length).toBeGreaterThanOrEqual(3);
  if (!UPDATE) expect(listFiles(GOLDEN_DIR).map((f) => f.split("/")[0]).filter((v, i, a) => a.indexOf(v) === i)).toEqual(fixtureNames());
});

describe.each(fixtureNames())("fixture %s", (fixture) => {
  const dir = path.join(GOLDEN_DIR, fixture);
  const files = goldenFiles(generateFixture(fixture));

  if (UPDATE) {
    test("golden files updated", () => {
      fs.rmSync(dir, { recursive: true, force: true });
      for (const [rel, content] of files) {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), content);
      }
      expect(listFiles(dir)).toEqual([...files.keys()].sort());
    });
    return;
  }

  test("emits exactly the files that have goldens", () => {
    expect([...files.keys()].sort()).toEqual(listFiles(dir));
  });

  test.each([...files.keys()].map((f) => [emitterOf(f), f]))("%s emitter: %s matches its golden", (_emitter, rel) => {
    const goldenPath = path.join(dir, rel);
    const expected = fs.existsSync(goldenPath) ? fs.readFileSync(goldenPath, "utf8") : "(no golden file)";
    if (files.get(rel) !== expected) {
      // A readable hint first; the diff follows from toBe.
      console.warn(`${fixture}/${rel} differs from its golden; if the change is intended run: UPDATE_GOLDEN=1 npx jest golden`);
    }
    expect(files.get(rel)).toBe(expected);
  });
});
