/**
 * A reader that stops early (`odatagen generate --check | head`) closes the pipe odatagen prints to:
 * the rest of the output is dropped, and the run ends as it would have, with its own exit code and
 * no stack trace.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { BIN, copySpec, runCli, sameTree, scratch, snapshot, writeJson } from "./helpers/cli";

/** Runs the CLI with its stdout closed before it prints anything; resolves with its exit code and stderr. */
function runWithClosedStdout(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    // Closing our end of the pipe at once: the child's first write to stdout fails with EPIPE.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (s: string) => (stderr += s));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

function project(): string {
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir);
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "calls", input: "graph-callrecords.xml", out: "gen" }] });
  return dir;
}

describe("output to a closed pipe", () => {
  test("generate --check on stale output still exits 1, without a stack trace", async () => {
    const dir = project();
    expect(runCli(["generate"], dir).code).toBe(0);
    const types = path.join(dir, "gen", "microsoft.graph.callRecords.types.ts");
    fs.writeFileSync(types, fs.readFileSync(types, "utf8").replace("export interface Session", "export interface SessionRenamed"));
    const r = await runWithClosedStdout(["generate", "--check"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
  });

  test("generate writes the whole output and exits 0", async () => {
    const dir = project();
    const r = await runWithClosedStdout(["generate", "--force"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const written = snapshot(path.join(dir, "gen"));
    const other = project();
    expect(runCli(["generate"], other).code).toBe(0);
    expect(sameTree(written, snapshot(path.join(other, "gen")))).toBe(true);
  });

  test("diff --fail-on-breaking exits 3", async () => {
    const dir = scratch();
    const before = copySpec("graph-callrecords.xml", dir, (t) => t, "v1.xml");
    const after = copySpec("graph-callrecords.xml", dir, (t) => t.replace('<Property Name="isTest" Type="Edm.Boolean" />', ""), "v2.xml");
    const r = await runWithClosedStdout(["diff", before, after, "--fail-on-breaking"], dir);
    expect(r.stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(r.code).toBe(3);
  });
});
