/**
 * The harness's bound on compiler children (test/helpers/bounded-spawn.ts): a child is killed when
 * its time is up, and still is when the process that started it was killed meanwhile.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnBounded } from "./helpers/bounded-spawn";

const withTimeout = process.platform === "linux" && fs.existsSync("/usr/bin/timeout") ? describe : describe.skip;
if (withTimeout === describe.skip) console.warn("harness-bounded-spawn: SKIPPED — it needs Linux's /proc and coreutils' timeout at /usr/bin/timeout");

/** A child that writes its PID to `file`, then sleeps for a minute. */
const sleeper = (file: string) => [process.execPath, ["-e", `require("fs").writeFileSync(${JSON.stringify(file)}, String(process.pid)); setTimeout(() => {}, 60000);`]] as const;

/** Whether `pid` runs: a killed child whose parent died first is a zombie until init reaps it. */
const alive = (pid: number) => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/^\d+ \(.*\) Z /.test(stat);
  } catch {
    return false;
  }
};

async function until(done: () => boolean, limitMs: number): Promise<boolean> {
  for (const end = Date.now() + limitMs; Date.now() < end; ) {
    if (done()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return done();
}

withTimeout("spawnBounded", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-bounded-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("returns the child's output and status when it ends in time", () => {
    const r = spawnBounded(process.execPath, ["-e", "process.stdout.write('ok'); process.exit(3)"], 30000);
    expect(r.stdout).toBe("ok");
    expect(r.status).toBe(3);
    expect(r.error).toBeUndefined();
  });

  test("kills a child that overruns and reports it as spawnSync does (ETIMEDOUT, no status)", async () => {
    const pidFile = path.join(dir, "pid");
    const [cmd, args] = sleeper(pidFile);
    const r = spawnBounded(cmd, args, 1000);
    expect(r.status).toBeNull();
    expect((r.error as NodeJS.ErrnoException | undefined)?.code).toBe("ETIMEDOUT");
    // `timeout` kills itself right after the child, so the child's end is not waited for here:
    // it is gone (or a zombie) moments later, where it would sleep for a minute unkilled.
    const child = Number(fs.readFileSync(pidFile, "utf8"));
    expect(await until(() => !alive(child), 5000)).toBe(true);
  });

  test("kills the child even when the process waiting for it was killed first", async () => {
    const pidFile = path.join(dir, "pid");
    const helper = path.join(__dirname, "helpers", "bounded-spawn.ts");
    // A parent (like a jest worker) blocked in spawnBounded, killed with SIGKILL while it waits.
    const script = path.join(dir, "parent.js");
    fs.writeFileSync(script, [
      `const { spawnSync } = require("node:child_process");`,
      `const ts = require(${JSON.stringify(require.resolve("typescript"))});`,
      `const src = require("fs").readFileSync(${JSON.stringify(helper)}, "utf8");`,
      `const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;`,
      `const m = { exports: {} }; new Function("require", "module", "exports", js)(require, m, m.exports);`,
      `const [cmd, args] = ${JSON.stringify(sleeper(pidFile))};`,
      `m.exports.spawnBounded(cmd, args, 5000);`,
    ].join("\n"));
    const parent = spawn(process.execPath, [script], { stdio: "ignore" });
    expect(await until(() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, "utf8") !== "", 20000)).toBe(true);
    const child = Number(fs.readFileSync(pidFile, "utf8"));
    parent.kill("SIGKILL");
    await new Promise((r) => parent.once("exit", r));
    // Orphaned now, but bounded: unkilled, it would sleep for a minute.
    expect(await until(() => !alive(child), 15000)).toBe(true);
  }, 60000);
});
