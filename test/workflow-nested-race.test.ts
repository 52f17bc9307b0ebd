/**
 * Two outputs nested (`out/x` and `out/x/inner`) written by two processes at once, the outer one
 * starting between the inner writer's look for outputs around its own and its lock: the outer
 * writer saw no inner lock, and the inner writer saw no outer output. The inner writer, holding its
 * lock, looks again and waits for the outer one, rather than writing an output the outer swap then
 * puts back to its old files. `ODATAGEN_TEST_AFTER_LOOK` holds the inner writer in that window.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { BIN, copySpec, nestedOutputsProject, runCli, withRetried } from "./helpers/cli";

async function until(what: () => boolean): Promise<void> {
  const t0 = Date.now();
  while (!what()) {
    if (Date.now() - t0 > 60000) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
}

test("an inner writer that looked before an outer output's first run began waits for it, and its output is kept", async () => {
  const dir = nestedOutputsProject();
  // The inner output exists, the outer one not yet: out/x holds only inner/.
  expect(runCli(["generate", "--service", "inner"], dir).code).toBe(0);
  copySpec("graph-beta-securitycopilot.xml", dir, withRetried, "inner.xml");
  const start = (service: string, env: Record<string, string>) => {
    const child = spawn(process.execPath, [BIN, "generate", "--service", service], { cwd: dir, env: { ...process.env, NO_COLOR: "1", ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    return { pid: child.pid, done: new Promise<{ code: number | null; stderr: string }>((resolve) => child.on("exit", (code) => resolve({ code, stderr }))) };
  };
  const gate = path.join(dir, "looked");
  const inner = start("inner", { ODATAGEN_TEST_AFTER_LOOK: gate });
  let outer: ReturnType<typeof start>;
  try {
    await until(() => fs.existsSync(gate)); // the inner writer looked: no output around its own
    outer = start("outer", { ODATAGEN_TEST_WRITE_DELAY_MS: "200" });
    // The outer writer holds its lock, found no inner lock, and has staged the inner output as it
    // is: its own files are being written.
    const staging = path.join(dir, "out/.x.odatagen-staging");
    await until(() => fs.existsSync(staging) && fs.readdirSync(staging, { withFileTypes: true }).some((e) => e.isFile()));
  } finally {
    fs.rmSync(gate, { force: true }); // let go however the waits end
  }
  const [i, o] = await Promise.all([inner.done, outer.done]);
  expect(o).toEqual({ code: 0, stderr: "" });
  expect(i.code).toBe(0);
  // Written after the outer swap, not put back to its old files by it.
  expect(fs.readFileSync(path.join(dir, "out/x/inner/microsoft.graph.security.securityCopilot.types.ts"), "utf8")).toContain("isRetried");
  const real = fs.realpathSync(dir);
  expect(i.stderr).toBe(`odatagen: waiting for pid ${outer.pid}, which is writing ${real}/out/x (lock ${real}/out/.x.odatagen-lock)\n`);
  expect(fs.readdirSync(path.join(dir, "out")).filter((n) => n.startsWith("."))).toEqual([]);
  expect(runCli(["generate", "--check"], dir).code).toBe(0);
}, 120_000);
