// jest globalSetup: the CLI tests run bin/odatagen.js, which loads dist/; build it once first.
const { execFileSync } = require("node:child_process");
const path = require("node:path");

module.exports = async function build() {
  const root = path.resolve(__dirname, "..", "..");
  require(path.join(root, "scripts", "clean-dist.js"));
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
};
