// A generation loads the code it uses: the CSDL JSON reader for a JSON document only, the model
// summaries (diff/) only for an output with a cache folder to keep them in (node_modules above it).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { BIN, copySpec, scratch } from "./helpers/cli";
import { FIXTURES_DIR } from "./helpers/fixtures";

/** Runs `odatagen generate -i <input> -o gen --quiet` in `dir`; our modules it loaded, relative to dist/. */
function generateLoading(dir: string, input: string): string[] {
  const runner = path.join(dir, "runner.js");
  const loaded = path.join(dir, "loaded.json");
  fs.writeFileSync(
    runner,
    `const fs = require("node:fs");
process.argv = [process.argv[0], ${JSON.stringify(BIN)}, "generate", "-i", ${JSON.stringify(input)}, "-o", "gen", "--quiet"];
process.on("exit", () => fs.writeFileSync(${JSON.stringify(loaded)}, JSON.stringify(Object.keys(require.cache))));
require(${JSON.stringify(BIN)});
`,
  );
  const r = spawnSync(process.execPath, [runner], { cwd: dir, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(fs.existsSync(path.join(dir, "gen"))).toBe(true);
  const dist = path.join(path.dirname(BIN), "..", "dist") + path.sep;
  return (JSON.parse(fs.readFileSync(loaded, "utf8")) as string[]).flatMap((f) => (f.startsWith(dist) ? [f.slice(dist.length).split(path.sep).join("/")] : []));
}

/** The JSON reader, and the model summaries and their comparison (diff/type-kinds.js, a list of words, is emit's too). */
const readerOrDiff = (m: string) => m === "parse/json.js" || m === "diff/summary.js" || m === "diff/compare.js";

test("an XML document into a folder with no cache folder above it loads neither the JSON reader nor the model summaries", () => {
  const dir = scratch();
  const loaded = generateLoading(dir, copySpec("graph-callrecords.xml", dir));
  expect(loaded).toContain("parse/xml.js");
  expect(loaded.filter(readerOrDiff)).toEqual([]);
});

test("a JSON document loads the JSON reader; an npm project's output keeps its model summary", () => {
  const dir = scratch();
  const json = path.join(dir, "twin.json");
  fs.copyFileSync(path.join(FIXTURES_DIR, "csdl-json", "twin.json"), json);
  expect(generateLoading(dir, json).filter(readerOrDiff)).toEqual(["parse/json.js"]);
  const project = scratch();
  fs.mkdirSync(path.join(project, "node_modules"));
  expect(generateLoading(project, copySpec("graph-callrecords.xml", project))).toContain("diff/summary.js");
});
