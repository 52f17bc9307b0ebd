/**
 * The output folder is replaced as a whole on every change (stage.ts), so it must be a folder of its
 * own: not the working folder or one above it, not the home folder or one above it, not a file
 * system's root (another drive's, on Windows), and not holding an input or the config. Each is
 * checked on the folder as named and on where it really is, through symlinks in it or in a folder
 * above (`-o up` with `up -> ..` is the folder above; `-o link` with `link` -> the spec's folder holds
 * the spec), against the working and home folders, inputs and config both as named and where they
 * really are. The CLI checks its services with it (exit 2), the library's writeOutput its `outDir` (ODG403).
 */
import { homedir } from "node:os";
import * as path from "node:path";
import { realPathOfNearest } from "./real-path";
import { within } from "./within";

const OWN = "give generated code a folder of its own";

/** Why `out` (absolute) cannot be an output folder, or undefined when it can. */
export function notOwnFolder(out: string, cwd: string, inputs: readonly string[] = [], configFile?: string): string | undefined {
  return ownFolderCheck(cwd)(out, inputs, configFile);
}

/**
 * notOwnFolder for many output folders (a config's services): the working and home folders are
 * resolved once, not once a service.
 */
export function ownFolderCheck(cwd: string): (out: string, inputs?: readonly string[], configFile?: string) => string | undefined {
  const home = homedir();
  const realCwd = realPathOfNearest(cwd);
  const realHome = realPathOfNearest(home);
  return (out, inputs = [], configFile) => {
    const named = notOwnPlace(out, cwd, home);
    if (named) return `${named}; ${OWN}`;
    const real = realPathOfNearest(out);
    const via = real === out ? "" : `leads through a symlink to ${real}, which `;
    // Compared with the real working and home folders also when `out` is a real path itself: a
    // working folder reached through a link is where its real path is.
    const reached = notOwnPlace(real, realCwd, realHome);
    if (reached) return `${via}${reached}${via ? "" : " (where it really is, through a symlink)"}; ${OWN}`;
    const asNamed = holdsInput(out, inputs, configFile);
    if (asNamed) return `${asNamed}; ${OWN}`;
    const asReal = holdsInput(real, inputs.map(realPathOfNearest), configFile === undefined ? undefined : realPathOfNearest(configFile));
    if (asReal) return via ? `${via}${asReal}; ${OWN}` : `${asReal} (where they really are, through a symlink); ${OWN}`;
    return undefined;
  };
}

/** Why `out` is a folder the write would replace with others' files in it: the working, home or a root folder. */
function notOwnPlace(out: string, cwd: string, home: string): string | undefined {
  if (within(cwd, out)) return "is the working folder or above it";
  if (within(home, out)) return "is your home folder or above it";
  if (path.parse(out).root === out) return "is the root of a file system";
  return undefined;
}

/** Why `out` is or holds an input or the config file, or undefined. */
function holdsInput(out: string, inputs: readonly string[], configFile: string | undefined): string | undefined {
  const isConfig = configFile !== undefined && path.relative(configFile, out) === "";
  if (isConfig || inputs.some((f) => path.relative(f, out) === "")) return `is ${isConfig ? "the config file" : "an input"}, not a folder`;
  if (inputs.some((f) => within(f, out)) || (configFile && within(configFile, out))) return "holds an input or the config file";
  return undefined;
}
