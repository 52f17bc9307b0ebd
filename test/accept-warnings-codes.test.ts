/**
 * `acceptWarnings` takes the codes a warning can have (WARNING_CODES), a list kept by hand: a code
 * that some code path starts reporting as a warning must be added to it, or users could not accept
 * that warning. This reads every place in generator/ that reports a diagnostic with severity
 * "warning" (`.warning(Codes.x, …)`, `.add(Codes.x, … "warning" …)`, `.addAt(Codes.x, "warning", …)`,
 * `patternProblem("warning", Codes.x, …)`) and checks that its code is in the list, and that each code in the list is reported
 * as a warning somewhere.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { WARNING_CODES } from "../generator/accept-warnings";
import { Codes } from "../generator/diagnostics";
import { REPO } from "./helpers/typecheck";

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    return e.isDirectory() ? sources(file) : e.name.endsWith(".ts") ? [file] : [];
  });
}

/** The `Codes` member names reported as warnings, with a file and line each. */
function reportedAsWarnings(): Map<string, string> {
  const found = new Map<string, string>();
  const calls = [
    /\.warning\(\s*Codes\.(\w+)/g,
    /\.add\(\s*Codes\.(\w+),[^;]*?"warning"/g,
    /\.addAt\(\s*Codes\.(\w+),\s*"warning"/g,
    /patternProblem\(\s*"warning",\s*Codes\.(\w+)/g,
  ];
  for (const file of sources(path.join(REPO, "generator"))) {
    const text = fs.readFileSync(file, "utf8");
    for (const call of calls)
      for (const m of text.matchAll(call)) {
        const line = text.slice(0, m.index).split("\n").length;
        if (!found.has(m[1]!)) found.set(m[1]!, `${path.relative(REPO, file)}:${line}`);
      }
  }
  return found;
}

test("every code reported as a warning can be accepted, and every code acceptWarnings takes is reported as one", () => {
  const codes = Codes as Record<string, string>;
  const reported = reportedAsWarnings();
  expect(reported.size).toBeGreaterThan(10);
  const missing = [...reported].filter(([member]) => !WARNING_CODES.includes(codes[member]!)).map(([member, where]) => `${codes[member]} (${member}, ${where})`);
  expect(missing).toEqual([]);
  const reportedCodes = new Set([...reported.keys()].map((member) => codes[member]));
  expect(WARNING_CODES.filter((code) => !reportedCodes.has(code))).toEqual([]);
});
