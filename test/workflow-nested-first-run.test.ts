/**
 * Two outputs nested (`out/x` and `out/x/inner`) written by two processes at once, on the outer
 * one's first run: the inner writer, started first, saw no outer output (no manifest, no lock) and
 * took only its own lock; the outer writer then waits for it rather than staging the inner output
 * while it is swapped.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { BIN, copySpec, nestedOutputsProject, runCli, withRetried } from "./helpers/cli";

test("an outer output's first run waits for an inner output another process is writing", async () => {
  const dir = nestedOutputsProject();
  // The inner output exists, the outer one not yet: out/x holds only inner/.
  expect(runCli(["generate", "--service", "inner"], dir).code).toBe(0);
  copySpec("graph-beta-securitycopilot.xml", dir, withRetried, "inner.xml");
  const start = (service: string, delayMs: string) => {
    const child = spawn(process.execPath, [BIN, "generate", "--service", service], { cwd: dir, env: { ...process.env, NO_COLOR: "1", ODATAGEN_TEST_WRITE_DELAY_MS: delayMs }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    return new Promise<{ code: number | null; stderr: string }>((resolve) => child.on("exit", (code) => resolve({ code, stderr })));
  };
  const inner = start("inner", "200");
  const innerLock = path.join(dir, "out/x/.inner.odatagen-lock");
  const t0 = Date.now();
  while (!fs.existsSync(innerLock) && Date.now() - t0 < 60000) await new Promise((r) => setTimeout(r, 5));
  const outer = start("outer", "50");
  const [i, o] = await Promise.all([inner, outer]);
  expect(i).toEqual({ code: 0, stderr: "" });
  expect(o.code).toBe(0);
  const real = fs.realpathSync(dir);
  expect(o.stderr).toMatch(new RegExp(`^odatagen: waiting for pid \\d+, which is writing ${real}/out/x/inner \\(lock ${real}/out/x/\\.inner\\.odatagen-lock\\)\\n$`));
  expect(fs.readFileSync(path.join(dir, "out/x/inner/microsoft.graph.security.securityCopilot.types.ts"), "utf8")).toContain("isRetried");
  expect(runCli(["generate", "--check"], dir).code).toBe(0);
}, 120_000);
