/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // Transpile only (isolatedModules in tsconfig.test.json); typecheck.test.ts type-checks the tests.
    "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.test.json", diagnostics: false }],
  },
  // Generated modules import each other as "./x.js" (NodeNext style); jest resolves the .ts source.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  // Builds dist/ once, for the tests that run the real CLI (bin/odatagen.js) as a child process.
  globalSetup: "<rootDir>/test/setup/build.js",
  testTimeout: 120000,
  maxWorkers: 2,
};
