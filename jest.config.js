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
  // With ODATAGEN_TEST_CPU=<file>, each test file's wall time and CPU (its worker's and its children's) is appended to <file>.
  // Two Buffers compared by their bytes at once (test/setup/buffer-equality.js).
  setupFilesAfterEnv: ["<rootDir>/test/setup/cpu-per-file.js", "<rootDir>/test/setup/buffer-equality.js"],
  // The files known to be slow start first (test/setup/slow-files.json): on CI the jest cache is cold,
  // and jest then orders files by size, which left a short, slow file alone on a worker at the end.
  testSequencer: "<rootDir>/test/setup/sequencer.js",
  testTimeout: 120000,
  maxWorkers: 2,
  // How long a worker is given to exit once the run is over before jest kills it and prints "A worker
  // process has failed to exit gracefully": 500 ms by default. A worker that has called fetch has
  // compiled undici's HTTP parser (WebAssembly), and Node waits at exit for V8's background
  // compilation of its hot functions, ~0.5 s on a loaded 2-core machine, nothing left open (a plain
  // `node -e` script that fetches once from a loopback server takes as long to exit; with
  // `--liftoff-only` it exits at once). A real leak (a timer, a server, a child) still gets the message.
  workerGracefulExitTimeout: 3000,
};
