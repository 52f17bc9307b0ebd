/**
 * Warnings about a service's options (a slice pattern that matches nothing) have no file to tell
 * the services apart by: in a run of several services each names its service; alone, it need not.
 */
import * as path from "node:path";
import { copySpec, runCli, scratch, writeJson } from "./helpers/cli";

function configWithTwoServices() {
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir);
  writeJson(path.join(dir, "odatagen.config.json"), {
    services: [
      { name: "calls", input: "graph-callrecords.xml", out: "gen-calls", include: ["nothing.here"] },
      { name: "sessions", input: "graph-callrecords.xml", out: "gen-sessions", include: ["microsoft.graph.callRecords.session", "zzz.*"] },
    ],
  });
  return dir;
}

const warnings = (stderr: string) => stderr.split("\n").filter((l) => l.startsWith("warning"));

test("with several services, each option warning names its service", () => {
  const r = runCli(["generate", "-q"], configWithTwoServices());
  expect(r.code).toBe(0);
  expect(warnings(r.stderr)).toEqual([
    "warning ODG302: calls: --include nothing.here matches no type, operation or namespace [nothing.here]",
    "warning ODG302: sessions: --include zzz.* matches no type, operation or namespace [zzz.*]",
  ]);
});

test("--check names the service too; one service (--service) does not need to", () => {
  const dir = configWithTwoServices();
  expect(warnings(runCli(["generate", "--check"], dir).stderr)).toEqual([
    "warning ODG302: calls: --include nothing.here matches no type, operation or namespace [nothing.here]",
    "warning ODG302: sessions: --include zzz.* matches no type, operation or namespace [zzz.*]",
  ]);
  expect(warnings(runCli(["generate", "-s", "sessions"], dir).stderr)).toEqual([
    "warning ODG302: --include zzz.* matches no type, operation or namespace [zzz.*]",
  ]);
});

test("a warning at a position in a document keeps its file, not the service name", () => {
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir, (t) => t.replace('<Property Name="isTest" Type="Edm.Boolean" />', '<Property Name="isTest" Type="Edm.Boolean" Nulable="false" />'));
  writeJson(path.join(dir, "odatagen.config.json"), {
    services: [
      { name: "a", input: "graph-callrecords.xml", out: "gen-a" },
      { name: "b", input: "graph-callrecords.xml", out: "gen-b" },
    ],
  });
  const w = warnings(runCli(["generate", "-q"], dir).stderr.replace(/^graph-callrecords\.xml:\d+:\d+: /gm, ""));
  expect(w).toHaveLength(2);
  for (const line of w) expect(line).toMatch(/^warning ODG112: Nulable is not an attribute/);
});
