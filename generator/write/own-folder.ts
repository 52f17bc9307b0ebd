/**
 * The output folder is replaced as a whole on every change (stage.ts), so it must be a folder of its
 * own: not the working folder or one above it, not the home folder or one above it, not a file
 * system's root (another drive's, on Windows), and not holding an input or the config. Each is
 * checked on the folder as named and on where it really is, through symlinks in it or in a folder
 * above (`-o up` with `up -> ..` is the folder above). The CLI checks its services with it (exit 2),
 * the library's writeOutput its `outDir` (ODG403).
 */
import * as fs from "node:fs";
import { homedir } from "node:os";
import * as path from "node:path";
import { within } from "./within";

const OWN = "give generated code a folder of its own";

/** Why `out` (absolute) cannot be an output folder, or undefined when it can. */
export function notOwnFolder(out: string, cwd: string, inputs: readonly string[] = [], configFile?: string): string | undefined {
  const named = notOwnPlace(out, cwd, homedir());
  if (named) return `${named}; ${OWN}`;
  const real = resolvedPath(out);
  const reached = real === out ? undefined : notOwnPlace(real, resolvedPath(cwd), resolvedPath(homedir()));
  if (reached) return `leads through a symlink to ${real}, which ${reached}; ${OWN}`;
  const isConfig = configFile !== undefined && path.relative(configFile, out) === "";
  if (isConfig || inputs.some((f) => path.relative(f, out) === ""))
    return `is ${isConfig ? "the config file" : "an input"}, not a folder; ${OWN}`;
  if (inputs.some((f) => within(f, out)) || (configFile && within(configFile, out)))
    return `holds an input or the config file; ${OWN}`;
  return undefined;
}

/** Why `out` is a folder the write would replace with others' files in it: the working, home or a root folder. */
function notOwnPlace(out: string, cwd: string, home: string): string | undefined {
  if (within(cwd, out)) return "is the working folder or above it";
  if (within(home, out)) return "is your home folder or above it";
  if (path.parse(out).root === out) return "is the root of a file system";
  return undefined;
}

/**
 * Where `file` (absolute) really is: the real path of the nearest folder of it (or above it) that
 * exists, with the rest of the path after it; `file` itself when none can be resolved.
 */
function resolvedPath(file: string): string {
  const rest: string[] = [];
  let at = file;
  for (;;) {
    try {
      return path.join(fs.realpathSync(at), ...rest);
    } catch {
      const up = path.dirname(at);
      if (up === at) return file;
      rest.unshift(path.basename(at));
      at = up;
    }
  }
}
