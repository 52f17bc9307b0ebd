/**
 * Diagnostics about a service's options (a slice pattern that matches nothing, an error): a pattern
 * from the config file is reported where it is written (file, line, column and its path in the
 * config, by the config's key); one from a flag has no file to tell the services apart by, so in a
 * run of several services each names its service; alone, it need not. The CLI runs in the test's
 * process (runCliInProcess), but for a module config (.mjs, .ts), which the binary loads (jest does
 * not run its import() as Node does).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { copySpec, runCli, sameTree, scratch, snapshot, where, writeJson } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";

/** Two services, written by hand so that the places below can be read off it. */
const TWO_SERVICES = `{ "services": [
  { "name": "calls", "input": "graph-callrecords.xml", "out": "gen-calls", "include": ["nothing.here"] },
  { "name": "sessions", "input": "graph-callrecords.xml", "out": "gen-sessions", "include": ["microsoft.graph.callRecords.session", "zzz.*"] }
] }
`;

function configWithTwoServices() {
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir);
  fs.writeFileSync(path.join(dir, "odatagen.config.json"), TWO_SERVICES);
  return dir;
}

const AT_CONFIG = [
  "odatagen.config.json:2:88: error ODG302: include nothing.here matches no type, operation or namespace [services[0].include[0]]",
  "odatagen.config.json:3:133: error ODG302: include zzz.* matches no type, operation or namespace [services[1].include[1]]",
];

const warnings = (stderr: string) => stderr.split("\n").filter((l) => l.startsWith("warning"));
const errors = (stderr: string) => stderr.split("\n").filter((l) => / error ODG|^error/.test(l));

test("a pattern from the config is reported at its line and column, by its key and its path in the config", async () => {
  const r = await runCliInProcess(["generate", "-q"], configWithTwoServices());
  expect(r.code).toBe(1);
  expect(errors(r.stderr)).toEqual(AT_CONFIG);
});

test("--check reports them there too, and so does a run of one service (--service)", async () => {
  const dir = configWithTwoServices();
  expect(errors((await runCliInProcess(["generate", "--check"], dir)).stderr)).toEqual(AT_CONFIG);
  expect(errors((await runCliInProcess(["generate", "-s", "sessions"], dir)).stderr)).toEqual([AT_CONFIG[1]]);
});

test("with several services, an --include flag's error names its service; alone, it need not", async () => {
  const dir = configWithTwoServices();
  expect(errors((await runCliInProcess(["generate", "-q", "--include", "zzz.*"], dir)).stderr)).toEqual([
    "error ODG302: calls: --include zzz.* matches no type, operation or namespace [zzz.*]",
    "error ODG302: sessions: --include zzz.* matches no type, operation or namespace [zzz.*]",
  ]);
  expect(errors((await runCliInProcess(["generate", "-s", "sessions", "--include", "zzz.*"], dir)).stderr)).toEqual([
    "error ODG302: --include zzz.* matches no type, operation or namespace [zzz.*]",
  ]);
});

test("a module config (.mjs): a pattern is placed at its value where the file writes its key once, or once for each service", () => {
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir);
  const services = [
    { name: "calls", input: "graph-callrecords.xml", out: "gen-calls", include: "nothing.here" },
    { name: "none", input: "graph-callrecords.xml", out: "gen-none", exclude: ["microsoft.graph.**"] },
  ];
  const text = `export default { services: ${JSON.stringify(services)} };\n`;
  fs.writeFileSync(path.join(dir, "odatagen.config.mjs"), text);
  expect(errors(runCli(["generate", "-q"], dir).stderr)).toEqual([
    `odatagen.config.mjs:${where(text, '"nothing.here"')}: error ODG302: include nothing.here matches no type, operation or namespace [services[0].include]`,
    `odatagen.config.mjs:${where(text, '"microsoft.graph.**"')}: error ODG302: the slice keeps nothing: exclude microsoft.graph.** removes every type and operation of the document [services[1].exclude]`,
  ]);
});

test("a module config (.ts): an unknown key, an item of a list among comments, and a key written once for services made in code", () => {
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir);
  const text = [
    "// include: not this one, a comment",
    "const outs: string[] = [\"gen-a\", \"gen-b\"];",
    "export default {",
    "  services: outs.map((out) => ({",
    "    input: \"graph-callrecords.xml\", out, include: [",
    "      \"microsoft.graph.callRecords.session\", /* the session, */ \"zzz.*\",",
    "    ],",
    "  })),",
    "};",
    "",
  ].join("\n");
  fs.writeFileSync(path.join(dir, "odatagen.config.ts"), text);
  const r = runCli(["generate", "-q"], dir);
  expect(errors(r.stderr)).toEqual([
    `odatagen.config.ts:${where(text, '"zzz.*"')}: error ODG302: include zzz.* matches no type, operation or namespace [services[0].include[1]]`,
    `odatagen.config.ts:${where(text, '"zzz.*"')}: error ODG302: include zzz.* matches no type, operation or namespace [services[1].include[1]]`,
  ]);
  fs.writeFileSync(path.join(dir, "odatagen.config.ts"), text.replace("include: [", "inlcude: ["));
  expect(runCli(["generate", "-q"], dir).stderr).toContain(`odatagen.config.ts:${where(text, "include: [")}: services[0].inlcude: unknown key; did you mean include?`);
});

test("a module config whose key is written a number of times that tells no one place: the path alone", () => {
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir);
  const text = `const base = { input: "graph-callrecords.xml" };
export default { services: [
  { ...base, out: "gen-a", include: ["nothing.here"] },
  { ...base, out: "gen-b", include: ["microsoft.graph.callRecords.session"] },
  { ...base, out: "gen-c" },
] };
`;
  fs.writeFileSync(path.join(dir, "odatagen.config.mjs"), text);
  expect(errors(runCli(["generate", "-q"], dir).stderr)).toEqual([
    "odatagen.config.mjs: error ODG302: include nothing.here matches no type, operation or namespace [services[0].include[0]]",
  ]);
});

test("a path pattern too long (ODG301) and a slice left empty are reported at the config's pattern too", async () => {
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir);
  const long = "/x".repeat(31);
  fs.writeFileSync(
    path.join(dir, "odatagen.config.json"),
    `{ "services": [\n  { "input": "graph-callrecords.xml", "out": "gen",\n    "exclude": ["microsoft.graph.**", "${long}"] }\n] }\n`,
  );
  expect(errors((await runCliInProcess(["generate", "-q"], dir)).stderr)).toEqual([
    `odatagen.config.json:3:39: error ODG301: path pattern ${long} has more than 30 segments [services[0].exclude[1]]`,
  ]);
  fs.writeFileSync(path.join(dir, "odatagen.config.json"), `{ "services": [\n  { "input": "graph-callrecords.xml", "out": "gen",\n    "exclude": ["microsoft.graph.**"] }\n] }\n`);
  expect(errors((await runCliInProcess(["generate", "-q"], dir)).stderr)).toEqual([
    "odatagen.config.json:3:17: error ODG302: the slice keeps nothing: exclude microsoft.graph.** removes every type and operation of the document [services[0].exclude]",
  ]);
});

test("a warning at a position in a document keeps its file, not the service name", async () => {
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir, (t) => t.replace('<Property Name="isTest" Type="Edm.Boolean" />', '<Property Name="isTest" Type="Edm.Boolean" Nulable="false" />'));
  writeJson(path.join(dir, "odatagen.config.json"), {
    services: [
      { name: "a", input: "graph-callrecords.xml", out: "gen-a" },
      { name: "b", input: "graph-callrecords.xml", out: "gen-b" },
    ],
  });
  const w = warnings((await runCliInProcess(["generate", "-q"], dir)).stderr.replace(/^graph-callrecords\.xml:\d+:\d+: /gm, ""));
  expect(w).toHaveLength(2);
  for (const line of w) expect(line).toMatch(/^warning ODG112: Nulable is not an attribute/);
});

test("a pattern that matches nothing fails the run (exit 1) and leaves the output exactly as it was, from a flag or the config", async () => {
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir);
  expect((await runCliInProcess(["generate", "-i", "graph-callrecords.xml", "-o", "gen", "--include", "/communications/callRecords/**"], dir)).code).toBe(0);
  const before = snapshot(path.join(dir, "gen"));
  const flag = await runCliInProcess(["generate", "-i", "graph-callrecords.xml", "-o", "gen", "--include", "/communications/callrecords/**"], dir);
  expect(flag.code).toBe(1);
  expect(flag.stderr).toContain(
    "error ODG302: --include /communications/callrecords/** matches no URL path of the service (did you mean /communications/callRecords/**?)",
  );
  expect(flag.stderr).toContain("odatagen: gen: not generated; gen left as it was");
  expect(sameTree(snapshot(path.join(dir, "gen")), before)).toBe(true);
  writeJson(path.join(dir, "odatagen.config.json"), {
    services: [{ input: "graph-callrecords.xml", out: "gen", include: ["/communications/callRecords/**"], exclude: ["microsoft.graph.callRecords.sesion"] }],
  });
  const config = await runCliInProcess(["generate"], dir);
  expect(config.code).toBe(1);
  expect(config.stderr).toContain(
    "odatagen.config.json:10:9: error ODG302: exclude microsoft.graph.callRecords.sesion matches no type, operation or namespace (did you mean microsoft.graph.callRecords.session?) [services[0].exclude[0]]",
  );
  expect(sameTree(snapshot(path.join(dir, "gen")), before)).toBe(true);
});
