/**
 * The options of `generate()` checked at the entry, since a JavaScript caller (a build tool's plugin)
 * has no compiler to check them: a value of the wrong kind, or an unknown name, is a TypeError that
 * names the option and what it takes (with "did you mean" for a near name), not a TypeError from
 * deep inside or an option silently ignored. `include`, `exclude` and `why` take a single string,
 * as the config file does.
 */
import type { CheckedOptions } from "./generate";
import { nearestName } from "./nearest-name";
import { parseAcceptance, type Acceptance } from "./accept-warnings";
import { usable } from "./emit/typescript-api";

const BOOLEANS = ["keyAsSegment", "unqualifiedOperations", "includeDerived", "includeNavigation", "validators", "requests", "completeReads"] as const;
const PATTERNS = ["include", "exclude", "why"] as const;
const PLACES = ["includePlaces", "excludePlaces", "acceptWarningPlaces"] as const;
const KNOWN: readonly string[] = ["inputs", "follow", ...BOOLEANS, ...PATTERNS, "includeRequests", "acceptWarnings", ...PLACES, "emit", "typescript"];

/** `options` as generate() reads them (a single pattern as a list of one), or a TypeError saying what is wrong. */
export function checkedOptions(options: unknown): CheckedOptions {
  if (!isObject(options)) throw new TypeError(`generate() takes an options object, { inputs: [{ file, content }], … }; got ${kind(options)}`);
  for (const key of Object.keys(options)) {
    if (KNOWN.includes(key)) continue;
    // A config's service option that generate() takes otherwise (a plugin spreading a config's options in).
    if (key === "followReferences") throw new TypeError(`generate(): followReferences is a config option (got ${kind(options[key])}); generate() follows references through \`follow\` (createFollower(files).follow) and follows none without it: leave followReferences out`);
    const near = nearestName(key, KNOWN);
    throw new TypeError(`generate(): ${key} is not an option${near ? `; did you mean ${near}?` : ""} (options: ${KNOWN.filter((k) => !k.endsWith("Places")).join(", ")})`);
  }
  const inputs = options.inputs;
  if (!Array.isArray(inputs)) throw new TypeError(`generate(): inputs takes a list of documents, [{ file, content }]; got ${kind(inputs)}`);
  if (!inputs.length) throw new TypeError("generate(): inputs is empty; give at least one document, { file, content }");
  inputs.forEach((input: unknown, i) => {
    if (!isObject(input)) throw new TypeError(`generate(): inputs[${i}] takes a document, { file, content }; got ${kind(input)}`);
    if (typeof input.file !== "string" || input.file === "") throw new TypeError(`generate(): inputs[${i}].file takes the document's name or path, a non-empty string; got ${kind(input.file)}`);
    if (typeof input.content !== "string") throw new TypeError(`generate(): inputs[${i}].content takes the document's text, a string${Buffer.isBuffer(input.content) ? " (decode the Buffer: buffer.toString(\"utf8\"))" : ""}; got ${kind(input.content)}`);
  });
  const requests = options.includeRequests;
  if (requests !== undefined && !Array.isArray(requests)) throw new TypeError(`generate(): includeRequests takes a list of files of requests, [{ file, content }] (a HAR file, an access log, a list); got ${kind(requests)}`);
  (requests ?? []).forEach((r: unknown, i: number) => {
    if (!isObject(r) || typeof r.file !== "string" || r.file === "" || typeof r.content !== "string")
      throw new TypeError(`generate(): includeRequests[${i}] takes a file of requests, { file: string, content: string }; got ${kind(r)}`);
    if (r.place !== undefined && !isPlace(r.place)) throw new TypeError(`generate(): includeRequests[${i}].place takes a place, { file, line, column, path }; got ${kind(r.place)}`);
  });
  if (options.follow !== undefined && typeof options.follow !== "function") throw new TypeError(`generate(): follow takes a function (createFollower(files).follow); got ${kind(options.follow)}`);
  for (const key of BOOLEANS)
    if (options[key] !== undefined && typeof options[key] !== "boolean") throw new TypeError(`generate(): ${key} takes true or false; got ${kind(options[key])}`);
  if (options.emit !== undefined && options.emit !== "ts" && options.emit !== "js") throw new TypeError(`generate(): emit takes "ts" or "js"; got ${kind(options.emit)}`);
  const ts = options.typescript;
  if (ts !== undefined && (typeof ts !== "object" || ts === null || typeof (ts as { createProgram?: unknown }).createProgram !== "function"))
    throw new TypeError(`generate(): typescript takes the typescript module, 5.6 or later (require("typescript")); got ${typeof ts === "object" && ts !== null ? "an object without createProgram" : kind(ts)}`);
  if (ts !== undefined && !usable(String((ts as { version?: unknown }).version)))
    throw new TypeError(`generate(): typescript takes TypeScript 5.6–6.x, which emits declarations without checking; got ${String((ts as { version?: unknown }).version)}`);
  for (const key of PLACES) {
    const value = options[key];
    if (value === undefined) continue;
    if (!Array.isArray(value)) throw new TypeError(`generate(): ${key} takes a list of places, one per pattern ({ file, line, column, path } or undefined); got ${kind(value)}`);
    value.forEach((place: unknown, i) => {
      if (place !== undefined && !isPlace(place)) throw new TypeError(`generate(): ${key}[${i}] takes a place, { file: string, line: number, column: number, path: string }, or undefined; got ${kind(place)}`);
    });
  }
  const checked = { ...options } as Record<string, unknown>;
  for (const key of PATTERNS) {
    const value = options[key];
    if (value === undefined) continue;
    const list = typeof value === "string" ? [value] : value;
    if (!Array.isArray(list)) throw new TypeError(`generate(): ${key} takes a pattern or a list of patterns (strings); got ${kind(value)}`);
    const bad = list.findIndex((p) => typeof p !== "string");
    if (bad !== -1) throw new TypeError(`generate(): ${key}[${bad}] takes a pattern (a string); got ${kind(list[bad])}`);
    checked[key] = list;
    const file = key === "include" ? list.findIndex((p: string) => p.startsWith("@")) : -1;
    if (file !== -1) throw new TypeError(`generate(): include[${file}] ${kind(list[file])} names a file of requests, which generate() does not read: give its text as includeRequests: [{ file, content }]`);
  }
  const accepted = acceptances(options.acceptWarnings, options.acceptWarningPlaces as CheckedOptions["acceptWarningPlaces"]);
  if (accepted) checked.accepting = accepted;
  return checked as unknown as CheckedOptions;
}

/** `acceptWarnings` read (accept-warnings.ts), each with its place; a TypeError names a malformed entry and what is wrong with it. */
function acceptances(value: unknown, places: CheckedOptions["acceptWarningPlaces"]): Acceptance[] | undefined {
  if (value === undefined) return undefined;
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list)) throw new TypeError(`generate(): acceptWarnings takes an accepted warning or a list of them (strings: "ODG108", "ODG108 ns.T/*"); got ${kind(value)}`);
  return list.map((entry: unknown, i) => {
    if (typeof entry !== "string") throw new TypeError(`generate(): acceptWarnings[${i}] takes an accepted warning (a string); got ${kind(entry)}`);
    const read = parseAcceptance(entry);
    if (typeof read === "string") throw new TypeError(`generate(): acceptWarnings[${i}]: ${read}`);
    return { ...read, place: places?.[i] };
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPlace(value: unknown): boolean {
  return isObject(value) && typeof value.file === "string" && typeof value.line === "number" && typeof value.column === "number" && typeof value.path === "string";
}

/** What a wrong value is, for the message: its type, and the value when it is short. */
export function kind(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Buffer.isBuffer(value)) return "a Buffer";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
