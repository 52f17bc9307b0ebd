/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { isolatedModules: true, diagnostics: false }],
  },
  // Generated modules import each other as "./x.js" (NodeNext style); jest resolves the .ts source.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  // Builds dist/ once, for the tests that run the real CLI (bin/odatagen.js) as a child process.
  globalSetup: "<rootDir>/test/setup/build.js",
  testTimeout: 120000,
  maxWorkers: 2,
};
