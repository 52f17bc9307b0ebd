/**
 * The arguments of the library's `writeOutput` checked at the entry, as generate-options.ts checks
 * `generate()`'s: a JavaScript caller (a build tool's plugin) gets a TypeError naming the argument
 * and what it takes, before the disk is touched, not a TypeError from deep inside Node's `fs` (`The
 * "data" argument must be of type string…`) or an option silently ignored.
 */
import { kind } from "../generate-options";
import { nearestName } from "../nearest-name";

const KNOWN = ["record", "removeStale"];

export function checkWriteArguments(outDir: unknown, files: unknown, options: unknown): void {
  if (typeof outDir !== "string") throw new TypeError(`writeOutput(): outDir takes the output folder's path, a string; got ${kind(outDir)}`);
  if (!isMap(files))
    throw new TypeError(`writeOutput(): files takes a Map of file name to text, as generate() returns it (its files)${isPlainObject(files) ? "; for an object: new Map(Object.entries(files))" : ""}; got ${kind(files)}`);
  for (const [name, text] of files)
    if (typeof text !== "string") throw new TypeError(`writeOutput(): files' ${kind(name)} takes the file's text, a string${Buffer.isBuffer(text) ? ' (decode the Buffer: buffer.toString("utf8"))' : ""}; got ${kind(text)}`);
  if (options === undefined) return;
  if (!isPlainObject(options)) throw new TypeError(`writeOutput() takes an options object, { record, removeStale }, as its third argument; got ${kind(options)}`);
  for (const key of Object.keys(options)) {
    if (KNOWN.includes(key)) continue;
    const near = nearestName(key, KNOWN);
    throw new TypeError(`writeOutput(): ${key} is not an option${near ? `; did you mean ${near}?` : ""} (options: ${KNOWN.join(", ")})`);
  }
  const removeStale = options.removeStale;
  if (removeStale !== undefined && typeof removeStale !== "boolean") throw new TypeError(`writeOutput(): removeStale takes true or false; got ${kind(removeStale)}`);
}

/** A Map, or a ReadonlyMap of the caller's own (another realm's Map: a `vm` context's, jest's). */
function isMap(value: unknown): value is ReadonlyMap<unknown, unknown> {
  const map = value as Partial<ReadonlyMap<unknown, unknown>> | null | undefined;
  return typeof map?.get === "function" && typeof map.keys === "function" && typeof map[Symbol.iterator] === "function";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isMap(value);
}
