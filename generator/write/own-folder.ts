/**
 * The output folder is replaced as a whole on every change (stage.ts), so it must be a folder of its
 * own: not the working folder or one above it, not the home folder or one above it, and not holding
 * an input or the config. The CLI checks its services with it (exit 2), the library's writeOutput
 * its `outDir` (ODG403).
 */
import { homedir } from "node:os";
import * as path from "node:path";
import { within } from "./within";

/** Why `out` (absolute) cannot be an output folder, or undefined when it can. */
export function notOwnFolder(out: string, cwd: string, inputs: readonly string[] = [], configFile?: string): string | undefined {
  const isConfig = configFile !== undefined && path.relative(configFile, out) === "";
  if (within(cwd, out)) return "is the working folder or above it; give generated code a folder of its own";
  if (within(homedir(), out)) return "is your home folder or above it; give generated code a folder of its own";
  if (isConfig || inputs.some((f) => path.relative(f, out) === ""))
    return `is ${isConfig ? "the config file" : "an input"}, not a folder; give generated code a folder of its own`;
  if (inputs.some((f) => within(f, out)) || (configFile && within(configFile, out)))
    return "holds an input or the config file; give generated code a folder of its own";
  return undefined;
}
