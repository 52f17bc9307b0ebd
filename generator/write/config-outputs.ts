/**
 * The output folders each config writes, recorded in the tool cache (`config-<hash of the config's
 * path>.json` in `node_modules/.cache/odatagen/`), so that a folder a config no longer writes — its
 * service's `out` changed, or the service was removed — is named while it still holds odatagen's
 * output: code importing from it would go on compiling against types nothing updates. Only the
 * folders recorded are looked at, never the project. A folder another config of the project now
 * writes is not named. Best effort, as the rest of the cache: without one nothing is recorded.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { MANIFEST } from "./manifest";
import { cacheFolderAbove, fnv1a } from "./statcache";

interface OutputsRecord {
  /** The config file (absolute). */
  config: string;
  /** The output folders of its services (absolute), as last run. */
  outs: string[];
  /** Folders it wrote before that still held a manifest when it last ran. */
  left: string[];
}

function recordFile(configFile: string): string | undefined {
  const cache = cacheFolderAbove(path.dirname(configFile));
  return cache && path.join(cache, `config-${fnv1a(configFile)}.json`);
}

function readRecord(file: string): OutputsRecord | undefined {
  try {
    const r = JSON.parse(fs.readFileSync(file, "utf8")) as OutputsRecord;
    return typeof r.config === "string" && Array.isArray(r.outs) && Array.isArray(r.left) ? r : undefined;
  } catch {
    return undefined;
  }
}

function writeRecord(file: string, record: OutputsRecord): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(record));
    fs.renameSync(tmp, file);
  } catch {
    // best effort
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && new Set([...a, ...b]).size === a.length;

/**
 * For the prebuild fast path (one small file read): whether the record says the config writes
 * `outs` and left no folder behind. A config with no record yet gets one, saying so.
 */
export function outputsAsRecorded(configFile: string, outs: string[]): boolean {
  const file = recordFile(configFile);
  if (!file) return true;
  const record = readRecord(file);
  if (!record) {
    writeRecord(file, { config: configFile, outs, left: [] });
    return true;
  }
  return record.left.length === 0 && sameSet(record.outs, [...new Set(outs)]);
}

/**
 * The folders the config wrote before, that none of its services (`outs`) writes now and that still
 * hold odatagen's manifest, unless another config of the project writes there now. With `save`, the
 * record is updated to `outs` and those folders.
 */
export function leftOutputs(configFile: string, outs: string[], save: boolean): string[] {
  const file = recordFile(configFile);
  if (!file) return [];
  const record = readRecord(file);
  const current = [...new Set(outs)];
  const before = record ? [...record.outs, ...record.left] : [];
  // By real path: one folder spelled two ways (through a symlink, in another case where the file
  // system ignores case) is the same folder, not one left behind.
  const writing = new Set(current.map(realPath));
  let left = [...new Set(before)].filter((d) => !writing.has(realPath(d)) && fs.existsSync(path.join(d, MANIFEST)));
  if (left.length) {
    const others = new Set([...otherConfigsOutputs(path.dirname(file), path.basename(file))].map(realPath));
    left = left.filter((d) => !others.has(realPath(d)));
  }
  if (save && (!record || !sameSet(record.outs, current) || !sameSet(record.left, left))) writeRecord(file, { config: configFile, outs: current, left });
  return left;
}

/** A folder's real path (symlinks resolved, the case the file system keeps), else the path as given. */
function realPath(dir: string): string {
  try {
    return fs.realpathSync.native(dir);
  } catch {
    return dir;
  }
}

/** The folders the other configs recorded in the cache write, of those configs that are still there. */
function otherConfigsOutputs(cache: string, mine: string): Set<string> {
  const outs = new Set<string>();
  let names: string[];
  try {
    names = fs.readdirSync(cache);
  } catch {
    return outs; // best effort, as the rest of the cache
  }
  for (const f of names) {
    if (f === mine || !/^config-[0-9a-f]+\.json$/.test(f)) continue;
    const r = readRecord(path.join(cache, f));
    if (r && fs.existsSync(r.config)) for (const d of r.outs) outs.add(d);
  }
  return outs;
}
