/**
 * A pattern that matches nothing (ODG302) is named as its caller gave it: the CLI's flag
 * (`--include`), a config file's key (`include`, at its place), or the library's option
 * (`generate({ include })`: `include`), not a flag a library user never typed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate, GenerationError, urlCalls, type GenerateOptions } from "../generator";
import { copySpec, runCli, scratch, writeJson } from "./helpers/cli";

const SPEC = "graph-callrecords.xml";
const KEPT = "microsoft.graph.callRecords.session";

/** generate()'s ODG302 and ODG306 messages, thrown or returned. */
function libraryMessages(options: Omit<GenerateOptions, "inputs">): string[] {
  const dir = scratch();
  const inputs = [{ file: "s.xml", content: fs.readFileSync(copySpec(SPEC, dir), "utf8") }];
  let diagnostics;
  try {
    diagnostics = generate({ inputs, ...options }).diagnostics;
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    diagnostics = e.diagnostics;
  }
  return diagnostics.filter((d) => d.code === "ODG302" || d.code === "ODG306").map((d) => `${d.code} ${d.message}`);
}

describe("the library names its options", () => {
  test.each([
    [{ include: ["NoSuch.*"] }, "ODG302 include NoSuch.* matches no type, operation or namespace"],
    [{ include: [KEPT], exclude: ["NoSuch.*"] }, "ODG302 exclude NoSuch.* matches no type, operation or namespace"],
    [{ include: [KEPT], why: ["NoSuch.*"] }, "ODG302 why NoSuch.* matches no type or operation"],
    [{ exclude: ["**"] }, "ODG302 the slice keeps nothing: exclude ** removes every type and operation of the document"],
    [{ why: ["x"] }, "ODG306 why x: there is no slice to explain (no include or exclude); every type is generated"],
  ])("%j", (options, message) => {
    expect(libraryMessages(options)).toEqual([message]);
  });
});

test("urlCalls() too", () => {
  const inputs = [{ file: "s.xml", content: fs.readFileSync(copySpec(SPEC, scratch()), "utf8") }];
  let thrown: unknown;
  try {
    urlCalls({ inputs, include: ["NoSuch.*"] }, [{ path: "/communications/callRecords" }]);
  } catch (e) {
    thrown = e;
  }
  expect(thrown instanceof GenerationError && thrown.diagnostics.filter((d) => d.code === "ODG302").map((d) => d.message)).toEqual(["include NoSuch.* matches no type, operation or namespace"]);
});

test("the CLI names its flags, as before", () => {
  const dir = scratch();
  copySpec(SPEC, dir, undefined, "s.xml");
  const r = runCli(["generate", "-i", "s.xml", "-o", "gen", "--include", "NoSuch.*"], dir);
  expect(r.code).toBe(1);
  expect(r.stderr.split("\n")[0]).toBe("error ODG302: --include NoSuch.* matches no type, operation or namespace [NoSuch.*]");
  const w = runCli(["generate", "-i", "s.xml", "-o", "gen", "--include", KEPT, "--why", "NoSuch.*", "--dry-run"], dir);
  expect(w.stderr).toContain("warning ODG302: --why NoSuch.* matches no type or operation");
});

test("a config run names the config's key, at its place", () => {
  const dir = scratch();
  copySpec(SPEC, dir, undefined, "s.xml");
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "a", input: "s.xml", out: "gen", exclude: ["NoSuch.*"], include: [KEPT] }] });
  const r = runCli(["generate"], dir);
  expect(r.code).toBe(1);
  expect(r.stderr.split("\n")[0]).toMatch(/^odatagen\.config\.json:\d+:\d+: error ODG302: exclude NoSuch\.\* matches no type, operation or namespace \[services\[0\]\.exclude\[0\]\]$/);
});
