// The reference test/tsc-checker.test.ts compares the TypeScript 5.9 checker with: tsc's own
// command line (`executeCommandLine`, what `bin/tsc` runs) for each config of a job, `-p <config>
// --noEmit --pretty false` each, one after the other in this one process, which stays up for the
// test file's jobs (a tsc spawned for each config cost ~2.4 s of CPU, a process spawned for each
// test's job ~1.6 s before its first config, most of it loading the compiler). Each run is as a
// spawned tsc's: its own working folder (the config's, which a run asks for anew: the memoized
// process.cwd() of TypeScript's sys is not used), its own program and compiler host, nothing kept
// from the last run; its output what tsc wrote, its status what tsc exited with. Jobs: one JSON
// line each on stdin, the configs' paths; answers: one JSON line each on stdout, [{ status,
// output }] in the configs' order. Not as a spawned tsc's: the statistics and traces of
// `diagnostics`, `extendedDiagnostics` and `generateTrace` (TypeScript reports them only through
// ts.sys itself, and a run is given a copy for its folder; the checker hands such options to tsc,
// see server.js), and an empty folder (a job copies files only: a config in a folder holding none
// fails the run, reported as the reference's failure, not compared).
"use strict";
const path = require("node:path");
const readline = require("node:readline");

const [typescript] = process.argv.slice(2);
const ts = require(path.join(typescript, "lib", "typescript.js"));

const EXIT = Symbol("exit");

/** What tsc prints and exits with for `config`, run in its folder. */
function run(config) {
  process.chdir(path.dirname(config));
  let output = "";
  let status = 0;
  const sys = Object.assign(Object.create(ts.sys), {
    args: ["-p", config, "--noEmit", "--pretty", "false"],
    getCurrentDirectory: () => process.cwd(),
    write: (s) => {
      output += s;
    },
    exit: (code) => {
      status = code ?? 0;
      throw EXIT;
    },
  });
  try {
    ts.executeCommandLine(sys, () => undefined, sys.args);
  } catch (e) {
    if (e !== EXIT) throw e;
  }
  return { status, output };
}

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  process.stdout.write(`${JSON.stringify(JSON.parse(line).map(run))}\n`);
});
