/**
 * Atomic output: generations are killed with SIGKILL at random moments; after each kill the output
 * folder must be the complete old output or the complete new one (or, if the kill fell between
 * the two renames of the swap, absent with the complete old output in the backup, which the next
 * run restores). Hand-written files in the folder survive with their mtime.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { BIN, copySpec, nestedOutputsProject, runCli, sameTree, scratch, snapshot, startCli, withRetried, writeJson } from "./helpers/cli";
import { runBuiltCliInProcess } from "./helpers/cli-in-process";

// The runs that set a folder up, or check what a test left, run the build's CLI in the test's
// process (runBuiltCliInProcess: the binary's code and fingerprint, without a process's start, ~0.3 s
// of CPU a run); the runs killed, held, timed or waiting on another's lock are real processes.

const KILLS = 24;

/** A small seeded generator, so that a failing sequence of delays can be replayed (seed printed). */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Resolves once `ok()` holds, looked at every 5 ms (a watchdog of `ms`, not a measure: the test's assertions say what went wrong). */
async function until(ok: () => boolean, ms = 60000): Promise<void> {
  const t0 = Date.now();
  while (!ok() && Date.now() - t0 < ms) await new Promise((r) => setTimeout(r, 5));
}

/**
 * A writer held between its swap's two renames by `ODATAGEN_TEST_SWAP_GATE` (generator/write/stage.ts,
 * test-only): `held` resolves once it is there (or has exited), `release` lets it go on.
 */
function heldWriter(args: string[], cwd: string): { child: ReturnType<typeof spawn>; gate: string; held: Promise<void>; exited: Promise<number | null>; release(): void } {
  const gate = path.join(scratch(), "swap-gate");
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ODATAGEN_TEST_SWAP_GATE: gate }, stdio: "ignore" });
  const exited = new Promise<number | null>((r) => child.on("exit", r));
  return { child, gate, held: until(() => fs.existsSync(gate) || child.exitCode !== null), exited, release: () => fs.rmSync(gate, { force: true }) };
}

/** Runs the CLI while `writer` is held, and lets the writer go once the run says it waits for it (or has exited). */
function runWhileHeld(args: string[], cwd: string, writer: { release(): void }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const c = startCli(args, cwd);
    let stdout = "";
    let stderr = "";
    c.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
    c.stderr!.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes("odatagen: waiting for pid ")) writer.release();
    });
    c.on("close", (code) => {
      writer.release();
      resolve({ code, stdout, stderr });
    });
  });
}

function runUntilKilled(cwd: string, delayMs: number, env: Record<string, string>): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, "generate", "--quiet"], { cwd, env: { ...process.env, NO_COLOR: "1", ...env }, stdio: "ignore" });
    let killed = false;
    const t = setTimeout(() => {
      killed = child.exitCode === null && child.kill("SIGKILL");
    }, delayMs);
    child.on("exit", (code) => {
      clearTimeout(t);
      resolve({ killed, code });
    });
  });
}

test(`output is complete old or complete new after each of ${KILLS} SIGKILLs at random moments`, async () => {
  const seed = Number(process.env.ODATAGEN_KILL_SEED ?? Date.now() % 1e9);
  const random = prng(seed);
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir);
  copySpec("graph-beta-securitycopilot.xml", dir);
  const specs = ["graph-callrecords.xml", "graph-beta-securitycopilot.xml"];
  const useSpec = (i: number) => writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "svc", input: specs[i], out: "gen" }] });
  const gen = path.join(dir, "gen");
  const backup = path.join(dir, ".gen.odatagen-backup");
  const staging = path.join(dir, ".gen.odatagen-staging");

  // The two complete outputs, each with a hand-written file in the folder.
  const snaps: Map<string, Buffer>[] = [];
  for (const i of [1, 0]) {
    useSpec(i);
    expect((await runBuiltCliInProcess(["generate"], dir)).code).toBe(0);
    if (!fs.existsSync(path.join(gen, "mine.ts"))) fs.writeFileSync(path.join(gen, "mine.ts"), "export const mine = true;\n");
    snaps[i] = snapshot(gen);
  }
  expect(sameTree(snaps[0], snaps[1])).toBe(false);
  const mineMtime = fs.statSync(path.join(gen, "mine.ts")).mtimeMs;

  // How long a switch takes (median of a few runs: the machine is shared), unhurried and with the
  // write steps slowed down so that kills can be aimed at the staging and the swap.
  const slow = { ODATAGEN_TEST_WRITE_DELAY_MS: "60" };
  let state = 0; // which output the folder holds
  const median = async (n: number, env: Record<string, string>) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      useSpec((state = 1 - state));
      const t0 = Date.now();
      await runUntilKilled(dir, 1e9, env);
      times.push(Date.now() - t0);
    }
    return times.sort((a, b) => a - b)[n >> 1];
  };
  let plainMs = await median(3, {});
  const slowMs = await median(3, slow);
  const log: string[] = [];
  const outcomes = { killed: 0, completed: 0, missingOut: 0, duringWrite: 0 };

  // Keep going until KILLS runs were killed mid-run (runs that finish first do not count).
  for (let k = 0; outcomes.killed < KILLS && k < 3 * KILLS; k++) {
    const target = 1 - state;
    useSpec(target);
    const slowed = k % 2 === 1;
    // Plain runs: any moment. Slowed runs: aimed at the write phase, after parsing and emitting.
    const delay = Math.floor(slowed ? plainMs * 0.8 + random() * (slowMs - plainMs * 0.8) : random() * plainMs);
    const t0 = Date.now();
    const r = await runUntilKilled(dir, delay, slowed ? slow : {});
    if (!r.killed && !slowed) plainMs = Math.min(plainMs, Date.now() - t0);
    log.push(`run ${k}: ${state}→${target} after ${delay} ms${slowed ? " (slowed)" : ""}: ${r.killed ? "killed" : `exit ${r.code}`}`);
    const why = `seed ${seed}\n${log.join("\n")}`;
    r.killed ? outcomes.killed++ : outcomes.completed++;
    if (fs.existsSync(staging) || fs.existsSync(backup)) outcomes.duringWrite++;

    if (fs.existsSync(gen)) {
      const now = snapshot(gen);
      const which = sameTree(now, snaps[state]) ? state : sameTree(now, snaps[target]) ? target : -1;
      if (which === -1) throw new Error(`output is neither complete old nor complete new\n${why}`);
      state = which;
    } else {
      // Killed between the two renames: the old output is complete in the backup, and the next run restores it.
      outcomes.missingOut++;
      if (!fs.existsSync(backup) || !sameTree(snapshot(backup), snaps[state])) throw new Error(`output missing and no complete backup\n${why}`);
      useSpec(state);
      const again = await runBuiltCliInProcess(["generate"], dir);
      expect(again.stderr).toMatch(/restored gen from an interrupted run/);
      expect(sameTree(snapshot(gen), snaps[state])).toBe(true);
    }
    expect(fs.statSync(path.join(gen, "mine.ts")).mtimeMs).toBe(mineMtime);
  }

  // A final unhurried run completes, cleans up leftovers and gives the complete new output.
  const target = 1 - state;
  useSpec(target);
  expect((await runBuiltCliInProcess(["generate"], dir)).code).toBe(0);
  expect(sameTree(snapshot(gen), snaps[target])).toBe(true);
  expect(fs.existsSync(backup) || fs.existsSync(staging)).toBe(false);
  // Enough kills landed mid-run for the test to mean something.
  console.log(
    `atomic output: seed ${seed}, ${outcomes.killed} killed mid-run (${outcomes.duringWrite} while staging or swapping, ${outcomes.missingOut} between the swap's renames), ${outcomes.completed} completed; full run ${plainMs} ms, slowed ${slowMs} ms`,
  );
  expect(outcomes.killed).toBe(KILLS);
  expect(outcomes.duringWrite).toBeGreaterThanOrEqual(2);
  // Up to 78 runs of the CLI: at a load average of 14 on the 2 cores they took longer than jest's
  // default of 120 s. A watchdog, not a measure: the test asserts nothing about time.
}, 600_000);

test("two runs on one output folder at once: the second waits for the first; a dead writer's lock is taken over", async () => {
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir);
  copySpec("graph-beta-securitycopilot.xml", dir);
  const gen = path.join(dir, "gen");
  const lock = path.join(dir, ".gen.odatagen-lock");
  // A lock left by a process that no longer runs.
  const dead = spawn(process.execPath, ["-e", "0"]);
  await new Promise((r) => dead.on("exit", r));
  fs.writeFileSync(lock, String(dead.pid));
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "svc", input: "graph-callrecords.xml", out: "gen" }] });
  expect((await runBuiltCliInProcess(["generate"], dir)).code).toBe(0);
  expect(fs.existsSync(lock)).toBe(false);

  // A writer switching to the other spec, held (between its swap's renames, the lock its own) until
  // a second run started meanwhile says that it waits for it.
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "svc", input: "graph-beta-securitycopilot.xml", out: "gen" }] });
  const writer = heldWriter(["generate", "--force"], dir);
  const slow = writer.child;
  const slowDone = writer.exited;
  let second: { code: number | null; stderr: string } = { code: null, stderr: "" };
  try {
    await writer.held;
    expect(fs.existsSync(writer.gate)).toBe(true);
    const holder = () => {
      try {
        return fs.readFileSync(lock, "utf8");
      } catch {
        return "";
      }
    };
    // The pid, and on Linux the process's start time (so that a pid used again is not the writer).
    expect(holder().split(" ")[0]).toBe(String(slow.pid));
    second = await runWhileHeld(["generate", "--force", "--quiet"], dir, writer);
  } finally {
    writer.release();
  }
  expect(await slowDone).toBe(0);
  expect(second.code).toBe(0);
  // Said even with --quiet: the wait may be long.
  expect(second.stderr).toBe(`odatagen: waiting for pid ${slow.pid}, which is writing ${fs.realpathSync(gen)} (lock ${fs.realpathSync(dir)}/.gen.odatagen-lock)\n`);
  expect(fs.existsSync(path.join(gen, "microsoft.graph.security.securityCopilot.types.ts"))).toBe(true);
  expect(fs.existsSync(path.join(gen, "microsoft.graph.callRecords.types.ts"))).toBe(false);
  expect((await runBuiltCliInProcess(["generate", "--check"], dir)).code).toBe(0);
  expect(fs.readdirSync(dir).filter((f) => f.startsWith(".gen."))).toEqual([]);
});

test("a service whose output is inside another's, written while the outer one is being swapped in, waits for it rather than being put back to its old files", async () => {
  const dir = nestedOutputsProject();
  expect((await runBuiltCliInProcess(["generate"], dir)).code).toBe(0);
  // Both change: the outer output is staged slowly (a watch's round), the inner one written meanwhile (a prebuild).
  copySpec("graph-beta-securitycopilot.xml", dir, (t) => t, "outer.xml");
  copySpec("graph-beta-securitycopilot.xml", dir, withRetried, "inner.xml");
  const outer = spawn(process.execPath, [BIN, "generate", "--service", "outer"], { cwd: dir, env: { ...process.env, ODATAGEN_TEST_WRITE_DELAY_MS: "150" }, stdio: "ignore" });
  const outerDone = new Promise((r) => outer.on("exit", r));
  // The inner output is all in the outer one's staging folder: from here, an inner swap would be undone by the outer one.
  const staged = path.join(dir, "out/.x.odatagen-staging/inner");
  const count = (d: string) => (fs.existsSync(d) ? fs.readdirSync(d).length : 0);
  const all = count(path.join(dir, "out/x/inner"));
  const t0 = Date.now();
  while (count(staged) < all && Date.now() - t0 < 60000) await new Promise((r) => setTimeout(r, 10));
  expect(count(staged)).toBe(all);
  const inner = runCli(["generate", "--service", "inner"], dir);
  expect(inner.code).toBe(0);
  expect(inner.stderr).toBe(`odatagen: waiting for pid ${outer.pid}, which is writing ${fs.realpathSync(dir)}/out/x (lock ${fs.realpathSync(dir)}/out/.x.odatagen-lock)\n`);
  expect(await outerDone).toBe(0);
  expect(fs.readFileSync(path.join(dir, "out/x/inner/microsoft.graph.security.securityCopilot.types.ts"), "utf8")).toContain("isRetried");
  expect((await runBuiltCliInProcess(["generate", "--check"], dir)).code).toBe(0);
  expect(fs.readdirSync(path.join(dir, "out/x")).filter((f) => f.includes(".odatagen-"))).toEqual([".odatagen-manifest.json"]);
}, 120_000);

test("--check and --dry-run while a generate swaps its output in wait for it, then compare the output it leaves", async () => {
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir, (t) => t, "api.xml");
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "api", input: "api.xml", out: "gen" }] });
  expect((await runBuiltCliInProcess(["generate"], dir)).code).toBe(0);
  const real = fs.realpathSync(dir);
  for (const [spec, mode, answer] of [
    ["graph-beta-securitycopilot.xml", "--check", /^odatagen: api: gen is up to date/],
    ["graph-callrecords.xml", "--dry-run", /^odatagen: api: would write 0, remove 0, leave 11 unchanged in gen/],
  ] as const) {
    copySpec(spec, dir, (t) => t, "api.xml");
    // A writer held between the swap's two renames (no gen, the old output in the backup beside it)
    // until the run started meanwhile says that it waits for it.
    const writer = heldWriter(["generate", "--quiet"], dir);
    const written = writer.exited;
    try {
      await writer.held;
      expect(fs.existsSync(writer.gate)).toBe(true);
      expect([fs.existsSync(path.join(dir, "gen")), fs.existsSync(path.join(dir, ".gen.odatagen-backup"))]).toEqual([false, true]);
      const r = await runWhileHeld(["generate", mode], dir, writer);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: `odatagen: waiting for pid ${writer.child.pid}, which is writing ${real}/gen (lock ${real}/.gen.odatagen-lock)\n` });
      expect(r.stdout).toMatch(answer);
    } finally {
      writer.release();
    }
    expect(await written).toBe(0);
  }
}, 120_000);
