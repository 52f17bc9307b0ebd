#!/usr/bin/env node
"use strict";
// Node 22.1+ keeps the compiled code of odatagen and its dependencies on disk between runs (in the
// system's temporary folder, as tsc does): start-up ~20 ms faster. Node 20 has no such cache.
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
require("node:module").enableCompileCache?.();
// A reader that stops early (`odatagen generate --check | head`) closes the pipe, and a terminal
// that closed (SIGHUP, which the run answers by cleaning up) fails every write with EIO: what is
// left to print is dropped, and the run ends as it would have, with its own exit code, not a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e.code !== "EPIPE" && e.code !== "ERR_STREAM_DESTROYED" && !(e.code === "EIO" && stream.isTTY)) throw e;
  });
}
// On exit Node sets back the terminal settings of the stdio descriptors that were terminals at its
// start, and Node 20 (as any without nodejs/node#58200, 2025) aborts (SIGABRT, "Assertion failed")
// when the terminal has closed meanwhile. It skips a closed descriptor: one whose terminal is gone
// (isatty no longer says it is one) is closed first, so the run exits with its own code.
// stdout's and stderr's streams (made above) say whether they are terminals; node:tty, which loads
// node:net, a no-change prebuild's run otherwise never needs, is asked about stdin only where it is
// loaded already or stdin may be a terminal (a character device other than /dev/null).
const terminals = [process.stdout.isTTY && 1, process.stderr.isTTY && 2].filter(Boolean);
if ((terminals.length || mayBeTerminal(0)) && require("node:tty").isatty(0)) terminals.unshift(0);
if (terminals.length) {
  process.on("exit", () => {
    const tty = require("node:tty");
    for (const fd of terminals) {
      if (tty.isatty(fd)) continue;
      try {
        require("node:fs").closeSync(fd);
      } catch {
        // closed already
      }
    }
  });
}

/** Whether `fd` is a character device other than /dev/null (no terminal on a system without it). */
function mayBeTerminal(fd) {
  const fs = require("node:fs");
  try {
    const stat = fs.fstatSync(fd);
    return stat.isCharacterDevice() && stat.rdev !== fs.statSync("/dev/null").rdev;
  } catch {
    return false;
  }
}
let cli;
try {
  // First: a Ctrl+C while odatagen loads is said and exits 130, as a later one does.
  require("../dist/cli/start-signals.js").stopWhileStarting();
  cli = require("../dist/cli/main.js");
} catch (e) {
  // Installed from git, odatagen is built by its `prepare` script, which npm may skip (--ignore-scripts,
  // allowScripts). npm does not build a package it finds installed, so the mend is to remove it first.
  const path = require("node:path");
  const root = path.join(__dirname, "..");
  const main = path.join(root, "dist", "cli", "main.js");
  if (!e || e.code !== "MODULE_NOT_FOUND" || require("node:fs").existsSync(main)) throw e;
  const where = path.relative(process.cwd(), root) || ".";
  process.stderr.write(
    path.basename(path.dirname(root)) === "node_modules"
      ? "odatagen: this copy of odatagen is not built (it has no dist/). Installed from git, it is built by its `prepare` script, " +
          "which npm skipped (--ignore-scripts, or an allowScripts that does not approve it: for an install from git, approve the URL " +
          "with its commit, as package-lock.json records it; see odatagen's README, Install). " +
          `Remove ${where} and run \`npm install\` again: npm does not build a package it finds installed.\n`
      : `odatagen: this copy of odatagen is not built (it has no dist/): run \`npm install\` in ${where}, which builds it.\n`,
  );
  // 78 (sysexits' EX_CONFIG): an installation not set up, mended by installing again; 70 is a bug.
  process.exitCode = 78;
}
cli
  ?.main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e) => {
    process.stderr.write(`odatagen: internal error: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 70;
  });
