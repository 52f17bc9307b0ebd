/**
 * The CLI meeting an empty output lock (an older odatagen has created it and not yet written its
 * pid; odatagen's own locks are never empty): a young one is waited for as a run that is starting,
 * never called stale or to be deleted, and taken over once old enough to be a killed run's; an old
 * one is taken over at once.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { copySpec, runCli, scratch, writeJson } from "./helpers/cli";

function project(): { dir: string; lock: string } {
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir);
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "svc", input: "graph-callrecords.xml", out: "gen" }] });
  return { dir, lock: path.join(dir, ".gen.odatagen-lock") };
}

test("a young empty lock: the run says it waits for another odatagen that is starting, then writes; no advice to delete the lock", () => {
  const { dir, lock } = project();
  fs.writeFileSync(lock, "");
  // Dated 4 s ahead, so that it is still young (under 2 s old) when the child first looks, if the
  // child starts within 6 s on a loaded machine; the child takes it over then, 6 s from now.
  const soon = new Date(Date.now() + 4000);
  fs.utimesSync(lock, soon, soon);
  const run = runCli(["generate", "--quiet"], dir);
  expect(run.stderr).toBe(`odatagen: waiting: ${fs.realpathSync(dir)}/gen is locked by ${fs.realpathSync(dir)}/.gen.odatagen-lock, which holds no pid (an older odatagen that is starting, or a run that was killed); it is taken over once 2 s old\n`);
  expect(run.code).toBe(0);
  expect(fs.existsSync(lock)).toBe(false);
  expect(fs.existsSync(path.join(dir, "gen", "microsoft.graph.callRecords.types.ts"))).toBe(true);
});

test("an old empty lock (its run killed between making it and writing its pid): taken over without waiting", () => {
  const { dir, lock } = project();
  fs.writeFileSync(lock, "");
  const old = new Date(Date.now() - 60_000);
  fs.utimesSync(lock, old, old);
  const run = runCli(["generate", "--quiet"], dir);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(fs.existsSync(lock)).toBe(false);
});
