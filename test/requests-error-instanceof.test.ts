// Two outputs in one app (two services) each have their own runtime.ts and validation.ts:
// `instanceof ODataError` holds for an ODataError of either, by its brand, and for nothing else;
// `instanceof ValidationFailedError` likewise.
import * as path from "node:path";
import { startLoopback } from "./helpers/loopback";
import { failure } from "./helpers/rejection";

type Runtime = typeof import("../generated/graph-callrecords/runtime");
type Validation = typeof import("../generated/graph-callrecords/validation");
type CallRecords = typeof import("../generated/graph-callrecords/microsoft.graph.callRecords.validators");
const GENERATED = path.resolve(__dirname, "..", "generated");
const graph: Runtime = require(path.join(GENERATED, "graph-callrecords", "runtime"));
const other: Runtime = require(path.join(GENERATED, "graph-beta-securitycopilot", "runtime"));

test("an ODataError of one output's runtime is an instanceof the other's, and of its own", async () => {
  expect(graph.ODataError).not.toBe(other.ODataError);
  const srv = await startLoopback();
  try {
    srv.handle(() => ({ status: 404, body: { error: { code: "NotFound", message: "no such call" } } }));
    const err = await failure(graph.send(graph.createClient({ baseUrl: srv.url }), "GET", "/x", undefined, undefined));
    expect([err instanceof graph.ODataError, err instanceof other.ODataError, err instanceof Error]).toEqual([true, true, true]);
  } finally {
    await srv.close();
  }
  const made = new other.ODataError(500, "Boom", "boom", undefined, undefined, undefined);
  expect([made instanceof graph.ODataError, made instanceof other.ODataError]).toEqual([true, true]);
});

test("nothing else is an ODataError: another error, a look-alike object, null; and a subclass keeps its own instanceof", () => {
  for (const value of [new Error("x"), new TypeError("x"), { name: "ODataError", status: 400 }, null, undefined, "ODataError"]) {
    expect([value instanceof graph.ODataError, value instanceof other.ODataError]).toEqual([false, false]);
  }
  class Special extends graph.ODataError {}
  expect([new Special(400, "c", "m", undefined, undefined, undefined) instanceof Special, new other.ODataError(400, "c", "m", undefined, undefined, undefined) instanceof Special]).toEqual([true, false]);
});

test("a ValidationFailedError of one output's validators is an instanceof the other's ValidationFailedError; nothing else is", async () => {
  const mine: Validation = require(path.join(GENERATED, "graph-callrecords", "validation"));
  const theirs: Validation = require(path.join(GENERATED, "graph-beta-securitycopilot", "validation"));
  const records: CallRecords = require(path.join(GENERATED, "graph-callrecords", "microsoft.graph.callRecords.validators"));
  expect(mine.ValidationFailedError).not.toBe(theirs.ValidationFailedError);
  const srv = await startLoopback();
  try {
    srv.handle(() => ({ body: { id: 5 } }));
    const read = graph.send(graph.createClient({ baseUrl: srv.url }), "GET", "/sessions/x", undefined, { validate: records.validateSession }, "single");
    const err = await failure(read);
    expect([err.name, err instanceof mine.ValidationFailedError, err instanceof theirs.ValidationFailedError, err instanceof graph.ODataError]).toEqual(["ValidationFailedError", true, true, false]);
  } finally {
    await srv.close();
  }
  for (const value of [new Error("x"), new graph.ODataError(400, "c", "m", undefined, undefined, undefined), { name: "ValidationFailedError", errors: [] }, null]) {
    expect([value instanceof mine.ValidationFailedError, value instanceof theirs.ValidationFailedError]).toEqual([false, false]);
  }
  class Special extends mine.ValidationFailedError {}
  expect([new Special([]) instanceof Special, new theirs.ValidationFailedError([]) instanceof Special]).toEqual([true, false]);
});
