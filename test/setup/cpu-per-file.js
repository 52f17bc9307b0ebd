// jest setupFilesAfterEnv: with ODATAGEN_TEST_CPU=<file>, appends one JSON line per test file to
// <file>: the file, its wall time and the CPU its jest worker spent on it, in the worker itself and in
// the child processes it waited for (compilers, the CLI), and in the TypeScript 5.9 checker that
// stays up across the worker's files (test/helpers/tsc-checker.ts), in seconds. Without the variable
// it does nothing. How to find where the suite's time goes: README, "Testing".
const fs = require("node:fs");
const { Worker } = require("node:worker_threads");

const out = process.env.ODATAGEN_TEST_CPU;
if (out) {
  const start = sample();
  afterAll(() => {
    const end = sample();
    const line = {
      file: expect.getState().testPath,
      wall: round(end.wall - start.wall),
      self: round(end.self - start.self),
      children: round(end.children - start.children),
      checker: round(end.checker - start.checker),
    };
    fs.appendFileSync(out, `${JSON.stringify(line)}\n`);
  });
}

/** Wall clock, this process's CPU, its waited-for children's CPU and its checkers' CPU, in seconds. */
function sample() {
  const cpu = process.cpuUsage();
  return { wall: performance.now() / 1000, self: (cpu.user + cpu.system) / 1e6, children: statFields("self", 13), checker: checkersCpu() };
}

/** The CPU the worker's running checkers (kept on `Worker` by test/helpers/tsc-checker.ts) have spent: utime + stime. */
function checkersCpu() {
  const checkers = Worker[Symbol.for("odatagen.tscChecker")];
  return [...(checkers?.values() ?? [])].reduce((sum, c) => sum + (c.alive && c.pid > 0 ? statFields(c.pid, 11) : 0), 0);
}

/**
 * Fields `at` and `at + 1` after the command name of /proc/<pid>/stat (Linux), in seconds; 0 elsewhere:
 * utime and stime at 11 (fields 14 and 15), cutime and cstime at 13 (fields 16 and 17).
 */
function statFields(pid, at) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses, and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[at]) + Number(fields[at + 1])) / 100;
  } catch {
    return 0;
  }
}

function round(s) {
  return Math.round(s * 100) / 100;
}
