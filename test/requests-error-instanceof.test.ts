// Two outputs in one app (two services) each have their own runtime.ts: `instanceof ODataError`
// holds for an ODataError of either, by its brand, and for nothing else.
import * as path from "node:path";
import { startLoopback } from "./helpers/loopback";
import { failure } from "./helpers/rejection";

type Runtime = typeof import("../generated/graph-callrecords/runtime");
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
