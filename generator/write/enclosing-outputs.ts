/**
 * The output folders that hold an output folder (a config whose service writes `gen/x` and another
 * `gen/x/inner`). Writing the outer one replaces it as a whole, the inner one carried over as it was
 * when staged: an inner output swapped in meanwhile, by another process (a prebuild while `--watch`
 * runs), would be put back to its old files by the outer swap. So a run takes the locks of the
 * outputs around its own, outermost first, before its own: it then waits while an outer one is being
 * written, and an outer writer waits for it (lock.ts). The order is the same in every run, so two
 * runs cannot wait for each other.
 *
 * An inner writer that started before the outer output had a manifest or a lock (the outer one's
 * first run) took only its own lock: the outer writer, holding its own, then waits for the outputs
 * inside it that are being written (innerOutputsLocked). An outer writer can start between the
 * inner writer's look and its lock, and see no inner lock yet: so a writer, holding its locks, looks
 * again (writtenAround), and when an output around its own is now being written, it lets its locks
 * go and starts over, the outer output then locked first. An inner writer holds no lock while it
 * waits for an outer one, so that wait cannot be circular either.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { isBesideAnOutput } from "./beside";
import { lockFile, lockHeld } from "./lock";
import { MANIFEST } from "./manifest";
import { testGate } from "./test-gate";

/** The folders above `outDir` that are an output (they hold a manifest) or are being written (their lock is there), outermost first. */
export function enclosingOutputs(outDir: string): string[] {
  const found = lookAround(outDir);
  afterLook();
  return found;
}

function lookAround(outDir: string): string[] {
  const found: string[] = [];
  for (let dir = path.dirname(outDir); path.dirname(dir) !== dir; dir = path.dirname(dir))
    if (fs.existsSync(path.join(dir, MANIFEST)) || fs.existsSync(lockFile(dir))) found.unshift(dir);
  return found;
}

/** An output around `outDir`, not among the `locked` ones, whose lock another run holds now: the look again, under this run's locks. */
export function writtenAround(outDir: string, locked: readonly string[]): string | undefined {
  return lookAround(outDir).find((dir) => !locked.includes(dir) && lockHeld(dir));
}

/**
 * For the nested-outputs tests: with `ODATAGEN_TEST_AFTER_LOOK` set to a file name, a process makes
 * that file after its first look for the outputs around its own and waits until it is removed, so
 * that a test can start another writer in between. Unset, it costs nothing.
 */
const afterLook = testGate("ODATAGEN_TEST_AFTER_LOOK");

/** The output folders inside `outDir` whose lock is there (another run may be writing them), at any depth; links are not followed. */
export function innerOutputsLocked(outDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // not there (a first run), or unreadable: the write reports it
    }
    for (const e of entries) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.name.endsWith(".odatagen-lock") && isBesideAnOutput(e.name)) found.push(path.join(dir, e.name.slice(1, -".odatagen-lock".length)));
    }
  };
  walk(outDir);
  return found;
}
