// jest testSequencer: the files known to be slow (test/setup/slow-files.json, slowest first) start
// first, then the rest in jest's own order. Jest orders files by the times it kept from the last run,
// but CI starts with no jest cache, and then jest orders by file size: a short file that compiles
// for 40 s (slice-corpus.test.ts, 38 lines) started among the last and ran alone on one worker at
// the end. Files that failed in the last run (a warm cache) still come first. README, "Testing".
const fs = require("node:fs");
const path = require("node:path");
const Sequencer = require("@jest/test-sequencer").default;

const LIST = path.join(__dirname, "slow-files.json");

class SlowFirstSequencer extends Sequencer {
  async sort(tests) {
    const ordered = await super.sort(tests);
    const slow = slowFiles();
    const rank = (t) => {
      const i = slow.indexOf(path.relative(path.join(__dirname, ".."), t.path).split(path.sep).join("/"));
      return i === -1 ? slow.length : i;
    };
    const failed = ordered.filter((t) => this.hasFailed(t));
    const rest = ordered.filter((t) => !this.hasFailed(t));
    // Array.prototype.sort is stable: the files not listed keep jest's order among themselves.
    return [...failed, ...rest.sort((a, b) => rank(a) - rank(b))];
  }
}

/** The listed files, paths relative to test/, slowest first. */
function slowFiles() {
  return JSON.parse(fs.readFileSync(LIST, "utf8")).files;
}

module.exports = SlowFirstSequencer;
