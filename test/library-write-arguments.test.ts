/**
 * The library's writeOutput checks its arguments as generate() checks its options: a JavaScript
 * caller's mistake is a TypeError naming the argument and what it takes, and nothing is written.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { writeOutput } from "../generator";
import { scratch } from "./helpers/cli";

const cases: [string, (out: string) => unknown, RegExp][] = [
  ["files as a plain object", (out) => writeOutput(out, { "a.ts": "x" } as never), /^writeOutput\(\): files takes a Map of file name to text, as generate\(\) returns it \(its files\); for an object: new Map\(Object\.entries\(files\)\); got an object$/],
  ["a file's text a number", (out) => writeOutput(out, new Map([["a.ts", 42 as never]])), /^writeOutput\(\): files' "a\.ts" takes the file's text, a string; got 42$/],
  ["a file's text a Buffer", (out) => writeOutput(out, new Map([["a.ts", Buffer.from("x") as never]])), /files' "a\.ts" takes the file's text, a string \(decode the Buffer: buffer\.toString\("utf8"\)\); got a Buffer$/],
  ["a file's text undefined", (out) => writeOutput(out, new Map([["a.ts", undefined as never]])), /files' "a\.ts" takes the file's text, a string; got undefined$/],
  ["outDir a number", () => writeOutput(42 as never, new Map([["a.ts", "x"]])), /^writeOutput\(\): outDir takes the output folder's path, a string; got 42$/],
  ["a misspelt option", (out) => writeOutput(out, new Map([["a.ts", "x"]]), { removeStal: true } as never), /^writeOutput\(\): removeStal is not an option; did you mean removeStale\? \(options: record, removeStale\)$/],
  ["removeStale not a boolean", (out) => writeOutput(out, new Map([["a.ts", "x"]]), { removeStale: "yes" as never }), /^writeOutput\(\): removeStale takes true or false; got "yes"$/],
];

test.each(cases)("%s: a TypeError naming it, nothing written", (_, call, message) => {
  const dir = scratch();
  const out = path.join(dir, "gen");
  expect(() => call(out)).toThrow(TypeError);
  expect(() => call(out)).toThrow(message);
  expect(fs.readdirSync(dir)).toEqual([]);
});

test("a Map of the caller's own kind (any ReadonlyMap) is taken", () => {
  const out = path.join(scratch(), "gen");
  const inner = new Map([["a.ts", "export const a = 1;\n"]]);
  const own: ReadonlyMap<string, string> = { get: (k) => inner.get(k), has: (k) => inner.has(k), keys: () => inner.keys(), values: () => inner.values(), entries: () => inner.entries(), forEach: (f) => inner.forEach(f), size: inner.size, [Symbol.iterator]: () => inner[Symbol.iterator]() };
  expect(writeOutput(out, own).written).toEqual(["a.ts"]);
});
