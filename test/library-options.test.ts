/**
 * generate()'s options are checked at the entry (a build tool's plugin is JavaScript, with no compiler
 * to check them): a wrong value or an unknown name is a TypeError naming the option and what it takes,
 * and a single pattern is taken for include/exclude/why, as the config file takes it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator";

const content = fs.readFileSync(path.join(__dirname, "fixtures", "orders.xml"), "utf8");
const inputs = [{ file: "orders.xml", content }];
/** Called as JavaScript calls it: whatever it is given. */
const call = (options: unknown) => () => generate(options as Parameters<typeof generate>[0]);

test.each([
  ["no options", undefined, "generate() takes an options object, { inputs: [{ file, content }], … }; got undefined"],
  ["no inputs", {}, "generate(): inputs takes a list of documents, [{ file, content }]; got undefined"],
  ["an empty input list, which the CLI refuses too", { inputs: [] }, "generate(): inputs is empty; give at least one document, { file, content }"],
  ["an input without its file", { inputs: [{ content }] }, "generate(): inputs[0].file takes the document's name or path, a non-empty string; got undefined"],
  ["a Buffer for the text", { inputs: [{ file: "o.xml", content: Buffer.from(content) }] }, 'generate(): inputs[0].content takes the document\'s text, a string (decode the Buffer: buffer.toString("utf8")); got a Buffer'],
  ["a config's option generate() takes otherwise, spread in from a config's service", { inputs, followReferences: false }, "generate(): followReferences is a config option (got false); generate() follows references through `follow` (createFollower(files).follow) and follows none without it: leave followReferences out"],
  ["a misspelt option", { inputs, keyAsSegmnt: true }, "generate(): keyAsSegmnt is not an option; did you mean keyAsSegment? (options: inputs, follow, keyAsSegment, unqualifiedOperations, includeDerived, includeNavigation, validators, requests, completeReads, include, exclude, why, includeRequests, acceptWarnings, emit, typescript)"],
  ["a string for a boolean", { inputs, validators: "no" }, 'generate(): validators takes true or false; got "no"'],
  ["a number for the patterns", { inputs, include: 5 }, "generate(): include takes a pattern or a list of patterns (strings); got 5"],
  ["a follow that is not a function", { inputs, follow: true }, "generate(): follow takes a function (createFollower(files).follow); got true"],
  ["a list of patterns with one that is not a string: the element and its value", { inputs, exclude: ["shop.a", 7] }, "generate(): exclude[1] takes a pattern (a string); got 7"],
  ["an object for a boolean", { inputs, requests: {} }, "generate(): requests takes true or false; got an object"],
  ["a string for the places", { inputs, includePlaces: "x" }, 'generate(): includePlaces takes a list of places, one per pattern ({ file, line, column, path } or undefined); got "x"'],
  ["a place that is not one", { inputs, include: ["a", "b"], excludePlaces: [undefined, "config.json:3"] }, 'generate(): excludePlaces[1] takes a place, { file: string, line: number, column: number, path: string }, or undefined; got "config.json:3"'],
])("%s: a TypeError that says so", (_what, options, message) => {
  expect(call(options)).toThrow(new TypeError(message));
});

test("a single include or exclude pattern, as the config file takes it, is a list of one", () => {
  const one = generate({ inputs, include: "shop.*", exclude: "shop.store" });
  const list = generate({ inputs, include: ["shop.*"], exclude: ["shop.store"] });
  expect(one.slice).toBeDefined();
  expect(one.files).toEqual(list.files);
});
