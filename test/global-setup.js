// Builds dist/ once before the suite, so tests that run the real CLI (bin/odatagen.js) run the
// current sources.
const { execFileSync } = require("node:child_process");
const path = require("node:path");

module.exports = function globalSetup() {
  const root = path.resolve(__dirname, "..");
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.json")], {
    cwd: root,
    stdio: "inherit",
  });
};
