// jest globalSetup: the CLI tests run bin/odatagen.js, which loads dist/; build it first, unless
// dist/ is already the build of the current sources (CI's `npm ci` has just built it, by `prepare`).
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

module.exports = async function build() {
  const root = path.resolve(__dirname, "..", "..");
  if (upToDate(root)) return;
  require(path.join(root, "scripts", "clean-dist.js"));
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
  // As `npm run build` does: the CLI tests then run the precompiled templates and static modules.
  execFileSync(process.execPath, [path.join(root, "scripts", "precompile-templates.js")], { cwd: root, stdio: "inherit" });
  execFileSync(process.execPath, [path.join(root, "scripts", "precompile-static-javascript.js")], { cwd: root, stdio: "inherit" });
};

/**
 * Whether dist/ holds exactly a .js and a .d.ts per generator/ source, the precompiled templates
 * and static modules, every one written after the last change to the build's inputs (the sources, the
 * templates, the build's config, scripts and compiler): what `npm run build` would write again.
 */
function upToDate(root) {
  const files = (dir) =>
    fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)])) : [];
  const sources = files(path.join(root, "generator")).filter((f) => f.endsWith(".ts"));
  const built = files(path.join(root, "dist"));
  const expected = new Set([path.join(root, "dist", "templates.precompiled.js"), path.join(root, "dist", "static-javascript.json")]);
  for (const f of sources) {
    const out = path.join(root, "dist", path.relative(path.join(root, "generator"), f)).slice(0, -".ts".length);
    expected.add(`${out}.js`).add(`${out}.d.ts`);
  }
  if (built.length !== expected.size || !built.every((f) => expected.has(f))) return false;
  const inputs = [...sources, ...files(path.join(root, "templates")), ...["tsconfig.json", "package-lock.json", "scripts/clean-dist.js", "scripts/precompile-templates.js", "scripts/precompile-static-javascript.js"].map((f) => path.join(root, f))];
  const newestInput = Math.max(...inputs.map((f) => fs.statSync(f).mtimeMs));
  const oldestOutput = Math.min(...built.map((f) => fs.statSync(f).mtimeMs));
  return oldestOutput > newestInput;
}
