/**
 * Diagnostics about a service's options (a slice pattern that matches nothing, an error) have no
 * file to tell the services apart by: in a run of several services each names its service; alone,
 * it need not.
 */
import * as path from "node:path";
import { copySpec, runCli, sameTree, scratch, snapshot, writeJson } from "./helpers/cli";

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
const errors = (stderr: string) => stderr.split("\n").filter((l) => l.startsWith("error"));

test("with several services, each option error names its service", () => {
  const r = runCli(["generate", "-q"], configWithTwoServices());
  expect(r.code).toBe(1);
  expect(errors(r.stderr)).toEqual([
    "error ODG302: calls: --include nothing.here matches no type, operation or namespace [nothing.here]",
    "error ODG302: sessions: --include zzz.* matches no type, operation or namespace [zzz.*]",
  ]);
});

test("--check names the service too; one service (--service) does not need to", () => {
  const dir = configWithTwoServices();
  expect(errors(runCli(["generate", "--check"], dir).stderr)).toEqual([
    "error ODG302: calls: --include nothing.here matches no type, operation or namespace [nothing.here]",
    "error ODG302: sessions: --include zzz.* matches no type, operation or namespace [zzz.*]",
  ]);
  expect(errors(runCli(["generate", "-s", "sessions"], dir).stderr)).toEqual([
    "error ODG302: --include zzz.* matches no type, operation or namespace [zzz.*]",
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

test("a pattern that matches nothing fails the run (exit 1) and leaves the output exactly as it was, from a flag or the config", () => {
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir);
  expect(runCli(["generate", "-i", "graph-callrecords.xml", "-o", "gen", "--include", "/communications/callRecords/**"], dir).code).toBe(0);
  const before = snapshot(path.join(dir, "gen"));
  const flag = runCli(["generate", "-i", "graph-callrecords.xml", "-o", "gen", "--include", "/communications/callrecords/**"], dir);
  expect(flag.code).toBe(1);
  expect(flag.stderr).toContain(
    "error ODG302: --include /communications/callrecords/** matches no URL path of the service (did you mean /communications/callRecords/**?)",
  );
  expect(flag.stderr).toContain("odatagen: gen: not generated; gen left as it was");
  expect(sameTree(snapshot(path.join(dir, "gen")), before)).toBe(true);
  writeJson(path.join(dir, "odatagen.config.json"), {
    services: [{ input: "graph-callrecords.xml", out: "gen", include: ["/communications/callRecords/**"], exclude: ["microsoft.graph.callRecords.sesion"] }],
  });
  const config = runCli(["generate"], dir);
  expect(config.code).toBe(1);
  expect(config.stderr).toContain("error ODG302: --exclude microsoft.graph.callRecords.sesion matches no type, operation or namespace (did you mean microsoft.graph.callRecords.session?)");
  expect(sameTree(snapshot(path.join(dir, "gen")), before)).toBe(true);
});
