// test/setup/sequencer.js starts the files test/setup/slow-files.json lists first: each name must be
// a test file (a renamed file would silently lose its place), and the order jest gets must start with them.
import * as fs from "node:fs";
import * as path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Sequencer = require("./setup/sequencer.js") as new (options: object) => { sort(tests: object[]): Promise<{ path: string }[]> };
const { files } = JSON.parse(fs.readFileSync(path.join(__dirname, "setup", "slow-files.json"), "utf8")) as { files: string[] };

test("every listed file is a test file, listed once", () => {
  expect(files.length).toBeGreaterThan(10);
  expect(files.filter((f) => !f.endsWith(".test.ts") || !fs.existsSync(path.join(__dirname, f)))).toEqual([]);
  expect(new Set(files).size).toBe(files.length);
});

test("the listed files come first, in the list's order; the others keep jest's order (by size, with no timings kept)", async () => {
  const all = fs.readdirSync(__dirname).filter((f) => f.endsWith(".test.ts"));
  const context = { config: { cacheDirectory: fs.mkdtempSync(path.join(require("node:os").tmpdir(), "odatagen-seq-")), name: "seq" }, hasteFS: { getSize: (p: string) => fs.statSync(p).size } };
  try {
    const tests = all.map((f) => ({ path: path.join(__dirname, f), context }));
    const sorted = (await new Sequencer({ contexts: [context] }).sort(tests)).map((t) => path.basename(t.path));
    expect(sorted.slice(0, files.length)).toEqual(files);
    const rest = sorted.slice(files.length);
    const size = (f: string) => fs.statSync(path.join(__dirname, f)).size;
    expect(rest.every((f, i) => i === 0 || size(rest[i - 1]) >= size(f))).toBe(true);
    expect(sorted.length).toBe(all.length);
  } finally {
    fs.rmSync(context.config.cacheDirectory, { recursive: true, force: true });
  }
});
