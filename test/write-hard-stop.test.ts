/**
 * A second signal ends the process at once (cli/signals.ts); before it does, write/hard-stop.ts
 * undoes what the run holds: its lock, and a staging folder not yet swapped in (with the folders above
 * the output it made). Here the run is held at its checkpoint, as a signal finds it, and hardStop()
 * is called as the second signal's handler calls it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { hardStop } from "../generator/write/hard-stop";
import { lockFile, withOutputLock } from "../generator/write/lock";
import { stagingDir } from "../generator/write/stage";
import { writeOutputAsync } from "../generator/write/write";
import { noCheckpoint } from "../generator/write/interrupt";
import { scratch } from "./helpers/cli";

/** A checkpoint that holds the run until released, and a promise for the moment it is reached. */
function heldCheckpoint() {
  let reached!: () => void;
  const at = new Promise<void>((r) => (reached = r));
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  return { at, release, checkpoint: async () => (reached(), held) };
}

test("a hard stop while a run holds the lock and a staged output removes both, and the folders it made above the output", async () => {
  const dir = scratch();
  const out = path.join(dir, "a", "b", "gen");
  fs.mkdirSync(path.join(dir, "a"));
  const held = heldCheckpoint();
  const run = writeOutputAsync(out, new Map([["index.ts", "export {};\n"]]), {}, held.checkpoint);
  await held.at;
  expect(fs.existsSync(stagingDir(out))).toBe(true);
  hardStop();
  expect(fs.readdirSync(dir)).toEqual(["a"]);
  expect(fs.readdirSync(path.join(dir, "a"))).toEqual([]);
  held.release();
  await run.catch(() => undefined);
});

test("a hard stop releases the lock of a run in progress; nothing once the run has ended", async () => {
  const out = path.join(scratch(), "gen");
  const held = heldCheckpoint();
  const run = withOutputLock(out, async () => held.checkpoint(), 1000, undefined, noCheckpoint);
  await held.at;
  expect(fs.existsSync(lockFile(out))).toBe(true);
  hardStop();
  expect(fs.existsSync(lockFile(out))).toBe(false);
  held.release();
  await run;
  // A later run's lock is not touched by a hard stop registered for an earlier one.
  fs.writeFileSync(lockFile(out), "another");
  hardStop();
  expect(fs.readFileSync(lockFile(out), "utf8")).toBe("another");
});
