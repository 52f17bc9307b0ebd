/**
 * `acceptWarnings` (config) and `--accept-warning` (flag) end to end, through the CLI's main in this
 * process (runCliInProcess; the real binary for a module config, which Node imports, and --watch):
 * accepted warnings are not printed (but with --verbose, marked), are counted apart, and do not fail
 * `--fail-on-warnings`; a new warning still does; an entry that matches nothing is reported at its
 * place in the config; a malformed entry is a config error with its line and column. Then SAP's
 * API_TEST_SRV from ../shared/corpus, whose 23 warnings its users cannot mend.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ChildProcess } from "node:child_process";
import { Output } from "./helpers/child";
import { runCli, sameTree, scratch, snapshot, startCli, where } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";

const FIXTURE = path.join(__dirname, "fixtures", "accept", "known-warnings.xml");

/** A folder with the fixture as spec.xml (edited by `edit`) and a JSON config written as given. */
function project(config: string, edit: (spec: string) => string = (s) => s): string {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "spec.xml"), edit(fs.readFileSync(FIXTURE, "utf8")));
  fs.writeFileSync(path.join(dir, "odatagen.config.json"), config);
  return dir;
}

const ACCEPTING = `{ "services": [
  { "name": "vendor", "input": "spec.xml", "out": "gen",
    "acceptWarnings": ["ODG108 vendor.meter/*", "ODG112 vendor.meter/label"] }
] }
`;

const lines = (text: string) => text.split("\n").filter((l) => l !== "");

test("every warning accepted: --fail-on-warnings exits 0 and writes; the accepted warnings are counted, not printed", async () => {
  const dir = project(ACCEPTING);
  const r = await runCliInProcess(["generate", "--fail-on-warnings"], dir);
  expect(lines(r.stderr)).toEqual(["odatagen: 0 errors, 0 warnings (3 accepted)"]);
  expect(r.code).toBe(0);
  expect(fs.existsSync(path.join(dir, "gen", "vendor.types.ts"))).toBe(true);
});

test("--verbose prints the accepted warnings too, each marked with the entry that accepts it, and they still pass --fail-on-warnings", async () => {
  const r = await runCliInProcess(["generate", "--verbose", "--fail-on-warnings"], project(ACCEPTING));
  expect(lines(r.stderr).filter((l) => / (warning|error) ODG/.test(l) || l.startsWith("odatagen: 0"))).toEqual([
    "spec.xml:12:9: warning ODG108: Edm.Float is not an OData primitive type (did you mean Edm.Single?); it is read as Edm.Untyped [vendor.meter/reading] (accepted: ODG108 vendor.meter/*)",
    "spec.xml:13:9: warning ODG108: Edm.Float is not an OData primitive type (did you mean Edm.Single?); it is read as Edm.Untyped [vendor.meter/peak] (accepted: ODG108 vendor.meter/*)",
    "spec.xml:14:50: warning ODG112: Nulable is not an attribute CSDL defines on <Property>: it is ignored (did you mean Nullable?) [vendor.meter/label] (accepted: ODG112 vendor.meter/label)",
    "odatagen: 0 errors, 0 warnings (3 accepted)",
  ]);
  expect(r.code).toBe(0);
});

test("a new warning fails --fail-on-warnings (exit 1, output left as it was), and only it is printed", async () => {
  const dir = project(ACCEPTING);
  expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
  const before = snapshot(path.join(dir, "gen"));
  // The metadata gains a warning no entry accepts: another unknown type, on another type.
  fs.writeFileSync(path.join(dir, "spec.xml"), fs.readFileSync(path.join(dir, "spec.xml"), "utf8").replace('<Property Name="id" Type="Edm.String" Nullable="false" />\n      </EntityType>\n      <EntityContainer', '<Property Name="id" Type="Edm.String" Nullable="false" />\n        <Property Name="area" Type="Edm.Float" />\n      </EntityType>\n      <EntityContainer'));
  const r = await runCliInProcess(["generate", "--fail-on-warnings"], dir);
  expect(lines(r.stderr)).toEqual([
    "spec.xml:21:9: warning ODG108: Edm.Float is not an OData primitive type (did you mean Edm.Single?); it is read as Edm.Untyped [vendor.site/area]",
    "odatagen: vendor: not generated (--fail-on-warnings); gen left as it was",
    "odatagen: 0 errors, 1 warning (3 accepted)",
    "odatagen: failing on warnings (--fail-on-warnings)",
  ]);
  expect(r.code).toBe(1);
  expect(sameTree(before, snapshot(path.join(dir, "gen")))).toBe(true);
  // --check fails on it too.
  expect((await runCliInProcess(["generate", "--check", "--fail-on-warnings"], dir)).code).toBe(1);
});

test("an entry that matches no warning is reported at its place in the config (ODG501), and fails --fail-on-warnings", async () => {
  const config = ACCEPTING.replace('"ODG112 vendor.meter/label"]', '"ODG112 vendor.meter/label", "ODG112 vendor.site/*"]');
  const dir = project(config);
  const r = await runCliInProcess(["generate", "--fail-on-warnings"], dir);
  expect(lines(r.stderr)).toEqual([
    `odatagen.config.json:${where(config, '"ODG112 vendor.site/*"')}: warning ODG501: accepted warning "ODG112 vendor.site/*" matches no warning of this service: remove the entry (the warning it accepted is gone), or correct its code or glob [services[0].acceptWarnings[2]]`,
    "odatagen: vendor: not generated (--fail-on-warnings); nothing written to gen",
    "odatagen: 0 errors, 1 warning (3 accepted)",
    "odatagen: failing on warnings (--fail-on-warnings)",
  ]);
  expect(r.code).toBe(1);
});

test("changing the acceptances takes effect on the next --fail-on-warnings run: a refused output is not found up to date", async () => {
  const dir = project(ACCEPTING.replace(', "ODG112 vendor.meter/label"', ""));
  // Written once without the flag, so that the manifest matches the inputs and options.
  expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
  expect((await runCliInProcess(["generate", "--fail-on-warnings"], dir)).code).toBe(1);
  fs.writeFileSync(path.join(dir, "odatagen.config.json"), ACCEPTING);
  const r = await runCliInProcess(["generate", "--fail-on-warnings"], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^odatagen: vendor: 8 files in gen \(0 written, 8 unchanged, 0 removed\)/);
});

test("--accept-warning replaces the config's entries for the services run; a malformed one is a usage error", async () => {
  const dir = project(ACCEPTING);
  const r = await runCliInProcess(["generate", "--fail-on-warnings", "--accept-warning", "ODG108", "--accept-warning", "ODG112"], dir);
  expect(lines(r.stderr)).toEqual(["odatagen: 0 errors, 0 warnings (3 accepted)"]);
  expect(r.code).toBe(0);
  const only = await runCliInProcess(["generate", "--fail-on-warnings", "--accept-warning", "ODG108"], dir);
  expect(lines(only.stderr)[0]).toMatch(/ warning ODG112: .*\[vendor\.meter\/label\]$/);
  expect(only.code).toBe(1);
  const bad = await runCliInProcess(["generate", "--accept-warning", "ODG109"], dir);
  expect(lines(bad.stderr)).toEqual([
    'odatagen: --accept-warning "ODG109": ODG109 is always an error, and errors cannot be accepted (codes a warning can have: ODG005, ODG101, ODG102, ODG103, ODG104, ODG106, ODG107, ODG108, ODG110, ODG112, ODG113, ODG302, ODG303, ODG304, ODG306, ODG308)',
  ]);
  expect(bad.code).toBe(2);
  // With --input (no config) too.
  const input = await runCliInProcess(["generate", "-i", "spec.xml", "-o", "gen2", "--fail-on-warnings", "--accept-warning", "ODG108 vendor.meter/*", "--accept-warning", "ODG112"], dir);
  expect(lines(input.stderr)).toEqual(["odatagen: 0 errors, 0 warnings (3 accepted)"]);
  expect(input.code).toBe(0);
});

test("a request of an --include @file that names nothing in the service (ODG308, a warning) can be accepted, so --fail-on-warnings passes", async () => {
  const dir = project(ACCEPTING);
  fs.writeFileSync(path.join(dir, "requests.txt"), "GET /meters\nGET /nothingHere\n");
  const args = ["generate", "-i", "spec.xml", "-o", "gen3", "--include", "@requests.txt", "--fail-on-warnings", "--accept-warning", "ODG108", "--accept-warning", "ODG112"];
  const refused = await runCliInProcess(args, dir);
  expect(lines(refused.stderr)[0]).toMatch(/^requests\.txt:2:5: warning ODG308: GET \/nothingHere: /);
  expect(refused.code).toBe(1);
  const accepted = await runCliInProcess([...args, "--accept-warning", "ODG308"], dir);
  expect(lines(accepted.stderr).filter((l) => / ODG\d{3}: /.test(l))).toEqual([]);
  expect(accepted.code).toBe(0);
});

test("malformed entries in the config: each reported at its line and column, with did-you-mean, exit 2, nothing written", async () => {
  const config = `{ "services": [
  { "name": "vendor", "input": "spec.xml", "out": "gen",
    "acceptWarnings": ["odg108", "ODG201", "ODG112 ", 12],
    "options": { "acceptWarning": "ODG108" } },
  { "input": "spec.xml", "out": "gen2", "acceptWarning": "ODG108" }
] }
`;
  const dir = project(config);
  const r = await runCliInProcess(["generate"], dir);
  expect(lines(r.stderr)).toEqual([
    `odatagen: odatagen.config.json:${where(config, '"odg108"')}: services[0].acceptWarnings[0]: "odg108" is not a diagnostic's code; did you mean ODG108? (write a warning's code (ODG108), or a code, a space and a glob over the element path the warning ends with ("ODG108 API_TEST_SRV.A_TestEntityType/*"))`,
    `odatagen: odatagen.config.json:${where(config, '"ODG201"')}: services[0].acceptWarnings[1]: ODG201 is a note (severity info), which never fails a run: notes need no acceptance`,
    `odatagen: odatagen.config.json:${where(config, '"ODG112 "')}: services[0].acceptWarnings[2]: nothing follows ODG112 but blanks: an empty glob matches no element path; give the path (the [...] a warning ends with), or write ODG112 alone to accept every ODG112 warning`,
    `odatagen: odatagen.config.json:${where(config, "12]")}: services[0].acceptWarnings[3]: expected a string`,
    `odatagen: odatagen.config.json:${where(config, '"acceptWarning"')}: services[0].options.acceptWarning: unknown key; did you mean the service (services[0].acceptWarnings)?`,
    `odatagen: odatagen.config.json:${where(config, '"acceptWarning"', 1)}: services[1].acceptWarning: unknown key; did you mean acceptWarnings?`,
  ]);
  expect(r.code).toBe(2);
  expect(fs.existsSync(path.join(dir, "gen"))).toBe(false);
});

test("a module config (.mjs) takes acceptWarnings too, and an entry that matches nothing is placed where the file writes it", () => {
  const dir = project("");
  fs.rmSync(path.join(dir, "odatagen.config.json"));
  const mjs = `export default {
  services: [{ input: "spec.xml", out: "gen", acceptWarnings: ["ODG108", "ODG112", "ODG104"] }],
};
`;
  fs.writeFileSync(path.join(dir, "odatagen.config.mjs"), mjs);
  const r = runCli(["generate", "--fail-on-warnings"], dir);
  expect(lines(r.stderr)[0]).toBe(
    `odatagen.config.mjs:${where(mjs, '"ODG104"')}: warning ODG501: accepted warning "ODG104" matches no warning of this service: remove the entry (the warning it accepted is gone), or correct its code or glob [services[0].acceptWarnings[2]]`,
  );
  expect(r.code).toBe(1);
});

const SAP = path.resolve(__dirname, "..", "..", "shared", "corpus", "sap-cloud-sdk-api-test-srv-v4.edmx");
const withSap = fs.existsSync(SAP) ? test : test.skip;
if (!fs.existsSync(SAP)) console.warn(`SKIPPED: ${SAP} is absent (../shared/corpus), so SAP's API_TEST_SRV is not generated with its warnings accepted`);

withSap("SAP's API_TEST_SRV: its 23 warnings accepted by code and path, --fail-on-warnings passes; one entry fewer, it fails on that one alone", async () => {
  const dir = scratch();
  fs.copyFileSync(SAP, path.join(dir, "api-test-srv.edmx"));
  const accept = [
    "ODG005",
    "ODG101 API_TEST_SRV.TestFunctionImportNoReturnType",
    "ODG102 API_TEST_SRV.A_TestEnumType_Int64/*",
    "ODG103 API_TEST_SRV.bound*/*",
    "ODG103 API_TEST_SRV.API_TEST_SRV_Entities/*",
    "ODG106",
    "ODG108",
    "ODG112 API_TEST_SRV.A_TestComplexType/ComplexTypeProperty",
    "ODG112 API_TEST_SRV.API_TEST_SRV_Entities/TestFunctionImportMultipleParams",
  ];
  fs.writeFileSync(path.join(dir, "odatagen.config.json"), JSON.stringify({ services: [{ name: "sap", input: "api-test-srv.edmx", out: "gen", acceptWarnings: accept }] }, null, 2));
  const r = await runCliInProcess(["generate", "--fail-on-warnings"], dir);
  expect(lines(r.stderr)).toEqual(["odatagen: 0 errors, 0 warnings (23 accepted)"]);
  expect(r.code).toBe(0);
  const fewer = accept.filter((a) => a !== "ODG101 API_TEST_SRV.TestFunctionImportNoReturnType");
  fs.writeFileSync(path.join(dir, "odatagen.config.json"), JSON.stringify({ services: [{ name: "sap", input: "api-test-srv.edmx", out: "gen", acceptWarnings: fewer }] }, null, 2));
  const again = await runCliInProcess(["generate", "--fail-on-warnings"], dir);
  expect(lines(again.stderr)).toEqual([
    expect.stringMatching(/^api-test-srv\.edmx:\d+:\d+: warning ODG101: <Function> has no <ReturnType> .*\[API_TEST_SRV\.TestFunctionImportNoReturnType\]$/),
    "odatagen: sap: not generated (--fail-on-warnings); gen left as it was",
    "odatagen: 0 errors, 1 warning (22 accepted)",
    "odatagen: failing on warnings (--fail-on-warnings)",
  ]);
  expect(again.code).toBe(1);
});

test("url counts only the warnings the config does not accept (generate prints them), and calls no entry stale (generate does)", async () => {
  const dir = project(ACCEPTING.replace('"ODG112 vendor.meter/label"', '"ODG104"'));
  const r = await runCliInProcess(["url", "/meters"], dir);
  // url prints the metadata's warnings as one count; the two the config still accepts are not in it.
  expect(lines(r.stderr)).toEqual(["odatagen: 1 warning in the metadata (odatagen generate prints them)"]);
  expect(r.code).toBe(0);
});

describe("--watch --fail-on-warnings", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill("SIGKILL");
    child = undefined;
  });

  test("an edit of the config's acceptWarnings takes effect at once: a warning no longer accepted fails the next round", async () => {
    const dir = project(ACCEPTING);
    child = startCli(["generate", "--watch", "--fail-on-warnings"], dir, { ODATAGEN_WATCH_DEBOUNCE_MS: "100" });
    const out = new Output(child);
    await out.wait(/generated in \d+ ms; watching/, 30000, 0);
    expect(out.text).toContain("odatagen: 0 errors, 0 warnings (3 accepted)");
    const mark = out.text.length;
    // The output is up to date with its inputs and options: only the acceptances change.
    fs.writeFileSync(path.join(dir, "odatagen.config.json"), ACCEPTING.replace(', "ODG112 vendor.meter/label"', ""));
    await out.wait(/failed \(the output was left as it was\) in \d+ ms/, 30000, mark);
    const chunk = out.text.slice(mark);
    expect(chunk).toMatch(/spec\.xml:14:50: warning ODG112: .*\[vendor\.meter\/label\]/);
    expect(chunk).toContain("odatagen: vendor: not generated (--fail-on-warnings); gen left as it was");
    expect(chunk).toContain("odatagen: 0 errors, 1 warning (2 accepted)");
  });
});

test("several services, one a slice that leaves the accepted warnings' elements out: its unmatched entries are notes (--verbose), named by service, and do not fail", async () => {
  const config = `{ "services": [
  { "name": "vendor", "input": "spec.xml", "out": "gen" },
  { "name": "sites", "input": "spec.xml", "out": "gen-sites", "include": "vendor.site" }
] }
`;
  const dir = project(config);
  const args = ["generate", "--fail-on-warnings", "--accept-warning", "ODG108", "--accept-warning", "ODG112 vendor.meter/label"];
  const r = await runCliInProcess(args, dir);
  expect(lines(r.stderr)).toEqual(["odatagen: 0 errors, 0 warnings (3 accepted)"]);
  expect(r.code).toBe(0);
  const verbose = await runCliInProcess([...args, "--verbose"], dir);
  expect(lines(verbose.stderr).filter((l) => l.includes("ODG501"))).toEqual([
    'info ODG501: sites: accepted warning "ODG108" matches no warning in this slice; the slice may leave out the element whose warning it accepts (a run without the slice tells whether the entry is still needed)',
    'info ODG501: sites: accepted warning "ODG112 vendor.meter/label" matches no warning in this slice; the slice may leave out the element whose warning it accepts (a run without the slice tells whether the entry is still needed)',
  ]);
  expect(verbose.code).toBe(0);
});
