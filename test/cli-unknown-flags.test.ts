/**
 * A misspelt flag is a usage error (exit 2) that names the nearest flag the command takes, the same
 * on the fast path (quick-args.ts declines it) and through yargs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DIFF_OPTIONS, GENERATE_OPTIONS, URL_OPTIONS } from "../generator/cli/commands";
import { quickGenerateArgs } from "../generator/cli/quick-args";
import { booleanValueProblem, diffArgumentProblem, strayArgumentProblem, topLevelFlagProblem, unknownFlagProblem } from "../generator/cli/unknown-flags";
import { nearestName } from "../generator/nearest-name";
import { nearestName as csdlNearestName } from "../generator/parse/csdl-names";
import { BIN, ROOT, runCli, scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";
import { FIXTURES_DIR } from "./helpers/fixtures";

// The real binary here and for --help; the other command lines below run in this process (helpers/cli-in-process.ts).
test("generate --inptu x.xml: exit 2, did you mean --input", () => {
  const r = runCli(["generate", "--inptu", "x.xml"], scratch());
  expect(r.code).toBe(2);
  expect(r.stderr).toBe("odatagen: unknown flag --inptu for generate; did you mean --input?\nRun `odatagen --help` for usage.\n");
});

test("the fast path declines a misspelt flag and the full parser reports it, in any position", async () => {
  expect(quickGenerateArgs(["generate", "--inptu", "x.xml"])).toBeUndefined();
  const dir = scratch();
  // The second command line has --out=o, which only yargs reads: the two paths print the same.
  const quick = await runCliInProcess(["generate", "-i", "a.xml", "-o", "o", "--inptu", "b.xml"], dir);
  const full = await runCliInProcess(["generate", "-i", "a.xml", "--out=o", "--inptu", "b.xml"], dir);
  expect(quick.code).toBe(2);
  expect(full.code).toBe(2);
  expect(full.stderr).toBe(quick.stderr);
  expect(quick.stderr).toMatch(/unknown flag --inptu for generate; did you mean --input\?/);
});

test.each([
  [["--dryrun"], "unknown flag --dryrun for generate; did you mean --dry-run?"],
  [["--no-valdators"], "unknown flag --no-valdators for generate; did you mean --no-validators?"],
  [["--quite"], "unknown flag --quite for generate; did you mean --quiet?"],
  [["--outt=gen"], "unknown flag --outt for generate; did you mean --out?"],
  [["--zzzzzz"], "unknown flag --zzzzzz for generate"],
  [["-x"], "unknown flag -x for generate"],
  [["-qx"], "unknown flag -x for generate"],
])("generate %j: %s", (args, message) => {
  expect(unknownFlagProblem("generate", args, GENERATE_OPTIONS)).toBe(message);
});

test("url given generate's command line with its verb changed: a flag of generate's says so, and to leave it out", async () => {
  const said = (flag: string) =>
    `--${flag} is a flag of generate; url takes the documents, the output folder and the slice (--include, --exclude, --include-derived, --include-navigation, --follow-references), and names the same functions whatever the others say: leave it out`;
  for (const flag of ["key-as-segment", "unqualified-operations", "no-validators", "dry-run"]) expect(unknownFlagProblem("url", [`--${flag}`], URL_OPTIONS, GENERATE_OPTIONS)).toBe(said(flag));
  // A flag of neither is misspelt, as before.
  expect(unknownFlagProblem("url", ["--inclde", "/a"], URL_OPTIONS, GENERATE_OPTIONS)).toBe("unknown flag --inclde for url; did you mean --include?");
  const r = await runCliInProcess(["url", "PATCH", "/communications/callRecords/{id}", "--input", "x.xml", "--out", "src/graph", "--key-as-segment"], scratch());
  expect([r.code, r.stderr]).toEqual([2, `odatagen: ${said("key-as-segment")}\nRun \`odatagen --help\` for usage.\n`]);
});

test("every spelling yargs accepts is known: long, alias, camelCase, --no- forms, help; and nothing after --", () => {
  for (const args of [["--input", "a"], ["-i", "a"], ["--dryRun"], ["--dry-run"], ["--no-clean"], ["--noClean"], ["-qw"], ["--help"], ["-h"], ["--version"], ["--out=o"], ["--", "--whatever"], ["--include", "/a/**"]])
    expect(unknownFlagProblem("generate", args, GENERATE_OPTIONS)).toBeUndefined();
});

test("-h, which the check above takes as --help, prints the help through the real CLI too", () => {
  const dir = scratch();
  for (const [args, first] of [[["-h"], "odatagen <command> [options]"], [["generate", "-h"], "odatagen generate"], [["diff", "-h"], "odatagen diff [old-file] [new-file]"]] as const) {
    const r = runCli([...args], dir);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(r.stdout.split("\n")[0]).toBe(first);
    expect(r.stdout).toBe(runCli([...args.slice(0, -1), "--help"], dir).stdout);
  }
});

test("odatagen --help names every exit code the README's table has, and generate --help what --fail-on-warnings leaves", () => {
  const dir = scratch();
  const top = runCli(["--help"], dir).stdout.replace(/\s+/g, " ");
  expect(top).toMatch(/Exit codes: 0 ok; 1 problems in the input \(errors, or warnings not accepted, with --fail-on-warnings\), or stale output under --check \(fetch --check: the service's metadata differs from the saved file\); 2 bad usage or config; 3 breaking changes under diff --fail-on-breaking; 4 fetch could not download a document \(a network error, the time limit, an HTTP error status, an answer that is not CSDL\); 130, 143, 129 interrupted by SIGINT \(Ctrl\+C\), SIGTERM or SIGHUP \(a terminal closed\), the output being written left as it was \(generate --watch: 0\); 70 an internal error \(a bug in odatagen\), printed with its stack trace; 78 an odatagen that was never built \(no dist\/: reinstall it, see the README's Install\)\./);
  // The README's table has every code the CLI sets (bin/odatagen.js's own too: an internal error, no build).
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const table = readme.slice(readme.indexOf("| exit code | meaning |")).split("\n\n")[0];
  const documented = [...table.matchAll(/^\| ([\d, ]+) \|/gm)].flatMap((m) => m[1].split(", "));
  const set = [...fs.readFileSync(BIN, "utf8").matchAll(/exitCode = (\d+)/g)].map((m) => m[1]);
  expect(set).toEqual(["78", "70"]);
  expect(documented).toEqual(expect.arrayContaining([...set, "0", "1", "2", "3", "4", "130", "143", "129"]));
  const generate = runCli(["generate", "--help"], dir).stdout.replace(/\s+/g, " ");
  expect(generate).toMatch(/--fail-on-warnings Exit 1 on warnings \(but those accepted: --accept-warning, acceptWarnings\), and leave the output as it was/);
});

test("a flag before any command is named too, with the nearest, not answered with 'Name a command'; --help and --version still work", async () => {
  const dir = scratch();
  for (const [args, message] of [
    [["--inptu", "x"], "unknown flag --inptu; did you mean odatagen generate --input?"],
    [["-V"], "unknown flag -V; before a command odatagen takes only --help (-h) and --version"],
  ] as const) {
    const r = await runCliInProcess([...args], dir);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 2, stdout: "", stderr: `odatagen: ${message}\nRun \`odatagen --help\` for usage.\n` });
  }
  const version = runCli(["--version"], dir);
  expect({ code: version.code, stdout: version.stdout, stderr: version.stderr }).toEqual({ code: 0, stdout: `${require("../package.json").version}\n`, stderr: "" });
  const help = runCli(["--help", "generate"], dir);
  expect({ code: help.code, stderr: help.stderr, first: help.stdout.split("\n")[0] }).toEqual({ code: 0, stderr: "", first: "odatagen generate" });
  expect(runCli([], dir).stderr).toMatch(/^odatagen: Name a command/);
});

test.each([
  [["--verison"], "unknown flag --verison; did you mean --version?"],
  [["--fail-on-braking"], "unknown flag --fail-on-braking; did you mean odatagen diff --fail-on-breaking?"],
  [["--input", "x.xml"], "--input is a flag of generate: give the command first, odatagen generate --input"],
  [["-q", "generate"], "-q is a flag of generate: give the command first, odatagen generate -q"],
  [["--json"], "--json is a flag of diff: give the command first, odatagen diff --json"],
  [["-hV"], "unknown flag -V; before a command odatagen takes only --help (-h) and --version"],
  [["--zzzzzz"], "unknown flag --zzzzzz; before a command odatagen takes only --help (-h) and --version"],
  [["--help"], undefined],
  [["-h", "generate", "--inptu"], undefined],
  [["--version"], undefined],
  [["--", "--whatever"], undefined],
])("odatagen %j: %s", (args, message) => {
  expect(topLevelFlagProblem(args, { generate: GENERATE_OPTIONS, diff: DIFF_OPTIONS })).toBe(message);
});

test("diff --nwe: did you mean --new", async () => {
  expect(unknownFlagProblem("diff", ["--old", "a.xml", "--nwe", "b.xml"], DIFF_OPTIONS)).toBe("unknown flag --nwe for diff; did you mean --new?");
  const r = await runCliInProcess(["diff", "--nwe", "b.xml"], scratch());
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^odatagen: unknown flag --nwe for diff; did you mean --new\?/);
});

test("the CLI and the CSDL reader (ODG112) suggest with one function", () => {
  expect(csdlNearestName).toBe(nearestName);
});

test("a misspelt or shortened command names the nearest one; a file given to generate without --input says how to name it", async () => {
  const dir = scratch();
  const genrate = await runCliInProcess(["genrate", "-i", "x.xml"], dir);
  expect(genrate.code).toBe(2);
  expect(genrate.stderr).toBe("odatagen: unknown command genrate; did you mean generate?\nRun `odatagen --help` for usage.\n");
  expect((await runCliInProcess(["gen"], dir)).stderr).toMatch(/^odatagen: unknown command gen; did you mean generate\?/);
  expect((await runCliInProcess(["frobnicate"], dir)).stderr).toMatch(/^odatagen: unknown command frobnicate; the commands are generate, diff, url and fetch\n/);
  const stray = await runCliInProcess(["generate", "spec.xml", "-o", "gen"], dir);
  expect(stray.code).toBe(2);
  expect(stray.stderr).toMatch(/^odatagen: generate takes no argument spec\.xml: name a document with --input \(odatagen generate --input spec\.xml --out <folder>\)/);
});

test.each([
  [["-i", "a.xml", "b.xml", "-o", "gen"], undefined],
  [["--include", "/a/**", "/b/**", "--check"], undefined],
  [["-qi", "a.xml", "-o", "gen"], undefined],
  [["--out=gen", "-i", "a.xml"], undefined],
  [["--", "whatever"], undefined],
  [["-o", "gen", "a.xml"], "a.xml"],
  [["--check", "a.xml"], "a.xml"],
  [["--out=gen", "a.xml"], "a.xml"],
  // yargs takes true or false after an on/off flag as its value; anything else is an argument of its own.
  [["--key-as-segment", "true", "-i", "a.xml"], undefined],
  [["--keyAsSegment", "false", "-i", "a.xml"], undefined],
  [["-q", "true", "-i", "a.xml"], undefined],
  [["--check", "a.xml"], "a.xml"],
  [["--no-validators", "true"], "true"],
])("generate %j: stray argument %s", (args, stray) => {
  const problem = strayArgumentProblem(args, GENERATE_OPTIONS);
  if (stray === undefined) expect(problem).toBeUndefined();
  else expect(problem).toMatch(new RegExp(`^generate takes no argument ${stray.replace(".", "\\.")}:`));
});

test.each([
  [["--key-as-segment=yes"], "--key-as-segment=yes: an on/off flag takes true or false, if anything; write --key-as-segment or --no-key-as-segment"],
  [["--key-as-segment=TRUE"], "--key-as-segment=TRUE: an on/off flag takes true or false, if anything; write --key-as-segment or --no-key-as-segment"],
  [["--keyAsSegment=1"], "--keyAsSegment=1: an on/off flag takes true or false, if anything; write --key-as-segment or --no-key-as-segment"],
  [["--validators="], "--validators=: an on/off flag takes true or false, if anything; write --validators or --no-validators"],
  [["-i", "a.xml", "-q=yes"], "-q=yes: an on/off flag takes true or false, if anything; write --quiet or --no-quiet"],
  [["--no-validators=true"], "--no-validators=true: a --no- flag takes no value; write --validators or --no-validators"],
  [["--noCompleteReads=false"], "--noCompleteReads=false: a --no- flag takes no value; write --complete-reads or --no-complete-reads"],
  // After a space: a word for on or off that is not true or false, or any after a --no- flag.
  [["--key-as-segment", "yes", "-i", "a.xml"], "--key-as-segment yes: an on/off flag takes true or false, if anything; write --key-as-segment or --no-key-as-segment"],
  [["-q", "1"], "-q 1: an on/off flag takes true or false, if anything; write --quiet or --no-quiet"],
  [["--no-validators", "true"], "--no-validators true: a --no- flag takes no value; write --validators or --no-validators"],
])("generate %j: %s", (args, message) => {
  expect(booleanValueProblem(args, GENERATE_OPTIONS)).toBe(message);
});

test("an on/off flag given true or false, a value flag given any value, and what follows -- pass", () => {
  for (const args of [["--key-as-segment=true"], ["--key-as-segment=false"], ["--out=yes"], ["--include=/a/**"], ["-o=gen"], ["--", "--quiet=yes"], ["--key-as-segment", "--no-requests"]])
    expect(booleanValueProblem(args, GENERATE_OPTIONS)).toBeUndefined();
});

test("an on/off flag's value after a space (--validators false), as yargs takes it, is not a stray argument", async () => {
  const dir = scratch();
  fs.copyFileSync(path.join(FIXTURES_DIR, "orders.xml"), path.join(dir, "orders.xml"));
  const r = await runCliInProcess(["generate", "-i", "orders.xml", "-o", "gen", "--validators", "false", "--quiet", "true"], dir);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
  expect(fs.readdirSync(path.join(dir, "gen")).filter((f) => f.endsWith(".validators.ts"))).toEqual([]);
});

test("generate --key-as-segment=yes is a usage error, not a silent false; so is diff --json=1", async () => {
  const dir = scratch();
  const r = await runCliInProcess(["generate", "-i", "a.xml", "-o", "gen", "--key-as-segment=yes"], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe("odatagen: --key-as-segment=yes: an on/off flag takes true or false, if anything; write --key-as-segment or --no-key-as-segment\nRun `odatagen --help` for usage.\n");
  const d = await runCliInProcess(["diff", "a.xml", "b.xml", "--json=1"], dir);
  expect(d.code).toBe(2);
  expect(d.stderr).toMatch(/^odatagen: --json=1: an on\/off flag takes true or false, if anything; write --json or --no-json\n/);
});

test("diff given three files says it takes two, and how to give a version of several documents (not yargs's 'Unknown argument')", async () => {
  const r = await runCliInProcess(["diff", "a.xml", "b.xml", "--json", "c.xml"], scratch());
  expect(r.code).toBe(2);
  expect(r.stderr).toBe("odatagen: diff takes two files, the old version and the new, and was given 3 (a.xml b.xml c.xml); for a version made of several documents, give each with --old or --new\nRun `odatagen --help` for usage.\n");
  for (const args of [["a.xml", "b.xml"], ["--old", "a.xml", "b.xml", "--new", "c.xml"], ["a.xml", "--json", "b.xml"], ["--", "a", "b", "c"]])
    expect(diffArgumentProblem(args, DIFF_OPTIONS)).toBeUndefined();
});
