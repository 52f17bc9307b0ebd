// The V8 flags the CLI sets for its own process (generator/cli/main.ts): only on V8 11 (Node 20),
// where they were measured, and only flags the running V8 knows. V8 12 (Node 22) dropped
// --ticks-before-optimization; setting it there printed "unrecognized flag" on every run and made
// V8 ignore the flags after it.
import { spawnSync } from "node:child_process";
import { compilerFlags } from "../generator/cli/main";
import { ROOT, runCli, scratch } from "./helpers/cli";
import * as path from "node:path";

const NODE20_V8 = "11.3.244.8-node.38";
const NODE22_V8 = "12.4.254.21-node.57";
const NODE24_V8 = "13.6.233.17-node.53";

describe("compilerFlags", () => {
  test("V8 11 (Node 20): no inlining, and optimization after 12 rounds of the interrupt budget", () => {
    expect(compilerFlags(NODE20_V8, [])).toEqual(["--no-turbo-inlining", "--ticks-before-optimization=12"]);
  });

  test("V8 12 and 13 (Node 22, 24: no --ticks-before-optimization, and no gain without inlining): none", () => {
    expect(compilerFlags(NODE22_V8, [])).toEqual([]);
    expect(compilerFlags(NODE24_V8, [])).toEqual([]);
  });

  test("a flag the user gave node is left to the user", () => {
    expect(compilerFlags(NODE20_V8, ["--turbo-inlining"])).toEqual(["--ticks-before-optimization=12"]);
    expect(compilerFlags(NODE20_V8, ["--ticks_before_optimization=5", "--no-turbo_inlining"])).toEqual([]);
  });

  test(`every flag chosen for this Node (${process.version}, V8 ${process.versions.v8}) is one its V8 lists`, () => {
    const known = spawnSync(process.execPath, ["--v8-options"], { encoding: "utf8" }).stdout;
    for (const flag of compilerFlags(process.versions.v8, [])) {
      const name = flag.replace(/^--(no-)?/, "").replace(/=.*$/, "");
      expect(known).toContain(`--${name} `);
    }
  });
});

test("a generation prints nothing on stderr (no V8 complaint about a flag)", () => {
  const dir = scratch();
  const r = runCli(["generate", "--input", path.join(ROOT, "specs", "graph-callrecords.xml"), "--out", path.join(dir, "out")], dir);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
});
