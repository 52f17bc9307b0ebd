/**
 * `odatagen-problem-matcher.json`, shipped in the package for GitHub Actions (`::add-matcher::`):
 * its pattern, applied to what the real CLI prints, finds each error and warning with the file,
 * line, column, severity, code and message `generate()` reports, coloured or not, and nothing else
 * (not notes, not accepted warnings, not the summary).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GenerationError, type Diagnostic } from "../generator/diagnostics";
import { generate } from "../generator/generate";
import { runCli, scratch } from "./helpers/cli";

const REPO = path.resolve(__dirname, "..");
const MATCHER = "odatagen-problem-matcher.json";
const FIXTURE = path.join(__dirname, "fixtures", "problem-matcher", "shop.xml");

interface Pattern { regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number }
const { problemMatcher } = JSON.parse(fs.readFileSync(path.join(REPO, MATCHER), "utf8")) as { problemMatcher: { owner: string; pattern: Pattern[] }[] };

/** What GitHub's runner would annotate: each matching line's fields (the runner's regular expressions are .NET's; this one uses no construct in which .NET and JavaScript differ). */
function annotations(output: string) {
  return problemMatcher.flatMap(({ pattern: [p] }) =>
    output.split("\n").flatMap((line) => {
      const m = new RegExp(p.regexp).exec(line);
      return m ? [{ file: m[p.file], line: m[p.line], column: m[p.column], severity: m[p.severity], code: m[p.code], message: m[p.message] }] : [];
    }),
  );
}

/** The diagnostics of a run that fails (a GenerationError holds them). */
function diagnosticsOf(run: () => unknown): Diagnostic[] {
  try {
    run();
  } catch (e) {
    if (e instanceof GenerationError) return e.diagnostics;
    throw e;
  }
  throw new Error("expected the fixture's run to fail");
}

test("the package ships the matcher", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { files: string[] };
  expect(pkg.files).toContain(MATCHER);
  expect(problemMatcher.map((m) => m.owner)).toEqual(["odatagen"]);
});

test("each error and warning the CLI prints is matched with generate()'s fields, coloured or not; notes, accepted warnings and the summary are not", () => {
  const dir = scratch();
  fs.copyFileSync(FIXTURE, path.join(dir, "shop.xml"));
  const diagnostics = diagnosticsOf(() => generate({ inputs: [{ file: "shop.xml", content: fs.readFileSync(FIXTURE, "utf8") }], acceptWarnings: ["ODG112"] }));
  const expected = diagnostics
    .filter((d) => d.severity !== "info" && d.accepted === undefined)
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map((d) => ({ file: d.file, line: String(d.line), column: String(d.column), severity: d.severity, code: d.code, message: `${d.message} [${d.path}]` }));
  expect(expected.map((a) => `${a.severity} ${a.code}`)).toEqual(["warning ODG108", "error ODG104"]);
  const args = ["generate", "-i", "shop.xml", "-o", "gen", "--verbose", "--accept-warning", "ODG112"];
  const plain = runCli(args, dir);
  expect(plain.code).toBe(1);
  // The accepted warning is printed (--verbose), and so is the summary: neither is an annotation.
  expect(plain.stderr).toMatch(/warning ODG112: .* \(accepted: ODG112\)\n/);
  expect(plain.stderr).toMatch(/^odatagen: 1 error, 1 warning \(1 accepted\)$/m);
  expect(annotations(plain.stderr)).toEqual(expected);
  const coloured = runCli(args, dir, { NO_COLOR: "", FORCE_COLOR: "1" });
  expect(coloured.stderr).toContain("\u001b[33mwarning ODG108\u001b[39m");
  expect(annotations(coloured.stderr)).toEqual(expected);
  // A diagnostic without a line (a whole file's) or without a file is matched as far as it goes.
  expect(annotations("specs/a.xml: warning ODG005: x\nerror ODG001: cannot read")).toEqual([
    { file: "specs/a.xml", line: undefined, column: undefined, severity: "warning", code: "ODG005", message: "x" },
    { file: undefined, line: undefined, column: undefined, severity: "error", code: "ODG001", message: "cannot read" },
  ]);
});

test("url --from's refusals are matched at their line of the requests file, the summary is not", () => {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "requests.txt"), "GET /People\n\nGET /People?$filter=FirstNam eq 'x'\n");
  const r = runCli(["url", "-i", path.join(__dirname, "fixtures", "trippin-lite.xml"), "--from", "requests.txt"], dir, { FORCE_COLOR: "1" });
  expect(r.code).toBe(1);
  expect(annotations(r.stderr)).toEqual([
    { file: "requests.txt", line: "3", column: "5", severity: "error", code: "ODG601", message: "GET /People: $filter=FirstNam eq 'x': Travel.Lite.Person has no property FirstNam; did you mean FirstName?" },
  ]);
});
