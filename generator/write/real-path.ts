/**
 * Where a path really is, through symlinks in it or in a folder above it, when it may not exist yet:
 * the config's check that two services do not share an output folder, and own-folder.ts's checks.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The real path of the nearest folder of `file` (absolute), or above it, that exists, with the rest
 * of the path after it; `file` itself when none can be resolved.
 */
export function realPathOfNearest(file: string): string {
  const rest: string[] = [];
  let at = file;
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(at), ...rest);
    } catch {
      const up = path.dirname(at);
      if (up === at) return file;
      rest.unshift(path.basename(at));
      at = up;
    }
  }
}
