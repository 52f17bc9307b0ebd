/**
 * The JavaScript a `.ts` config was transpiled to, kept in `node_modules/.cache/odatagen/` under the
 * hash of what decides it: the config's path and text, whether Node strips its types, and the
 * `typescript` packages that would transpile it (their paths and versions). A run whose config did not change (the prebuild case)
 * imports it without loading TypeScript's compiler, which costs more than the rest of such a run.
 * Only a transpile without errors is kept, so a hit never hides a syntax error.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { cacheFolderAbove, fnv1a } from "../write/statcache";

/**
 * The cache key of `file`'s transpiled text, given the `typescript` packages (`package.json` path and
 * version) found for it and whether Node strips the types itself (then tried first).
 */
export function transpiledKey(file: string, text: string, packages: readonly { pkg: string; version: string }[], nodeStrips = false): string {
  // node:crypto is loaded here, not with this module: a no-change run with a JSON config does without it.
  const hash = (require("node:crypto") as typeof import("node:crypto")).createHash("sha256");
  hash.update(`${path.resolve(file)}\0${text}\0${nodeStrips ? "strip" : ""}\0`);
  for (const p of packages) hash.update(`${p.pkg}\0${p.version}\0`);
  return hash.digest("hex").slice(0, 32);
}

/** The transpiled text kept for `key`, if any (no `node_modules` above the config: none). */
export function readTranspiled(file: string, key: string): string | undefined {
  const kept = keptFile(file, key);
  try {
    return kept === undefined ? undefined : fs.readFileSync(kept, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Keeps `js` for `key`, written whole (a temporary file renamed), in place of what was kept for the
 * same config before (so a config edited in `--watch` leaves one file); a cache that cannot be
 * written is skipped.
 */
export function keepTranspiled(file: string, key: string, js: string): void {
  const kept = keptFile(file, key);
  if (kept === undefined) return;
  const tmp = `${kept}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(kept), { recursive: true });
    fs.writeFileSync(tmp, js);
    fs.renameSync(tmp, kept);
    const prefix = path.basename(kept).slice(0, -`${key}.mjs`.length);
    for (const name of fs.readdirSync(path.dirname(kept)))
      if (name.startsWith(prefix) && name.endsWith(".mjs") && name !== path.basename(kept)) fs.rmSync(path.join(path.dirname(kept), name), { force: true });
  } catch {
    fs.rmSync(tmp, { force: true });
  }
}

/** `config-<the config's path, hashed>-<key>.mjs` in the cache folder above the config. */
function keptFile(file: string, key: string): string | undefined {
  const folder = cacheFolderAbove(path.dirname(path.resolve(file)));
  return folder && path.join(folder, `config-${fnv1a(path.resolve(file))}-${key}.mjs`);
}
