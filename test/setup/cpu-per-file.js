// jest setupFilesAfterEnv: with ODATAGEN_TEST_CPU=<file>, appends one JSON line per test file to
// <file>: the file, its wall time and the CPU its jest worker spent on it, in the worker itself and in
// the child processes it waited for (compilers, the CLI), in seconds. Without the variable it does
// nothing. How to find where the suite's time goes: README, "Testing".
const fs = require("node:fs");

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
    };
    fs.appendFileSync(out, `${JSON.stringify(line)}\n`);
  });
}

/** Wall clock, this process's CPU and its waited-for children's CPU, in seconds. */
function sample() {
  const cpu = process.cpuUsage();
  return { wall: performance.now() / 1000, self: (cpu.user + cpu.system) / 1e6, children: childrenCpu() };
}

/** cutime + cstime of /proc/self/stat (Linux), in seconds; 0 elsewhere. */
function childrenCpu() {
  try {
    const stat = fs.readFileSync("/proc/self/stat", "utf8");
    // The fields after the command name (in parentheses, which may hold spaces): cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

function round(s) {
  return Math.round(s * 100) / 100;
}
