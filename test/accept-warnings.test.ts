/**
 * Accepted warnings in generate(): which entries are well formed, which warnings an entry accepts
 * (a code alone, or a code and a glob over the element path), how an accepted warning comes back
 * (still in `diagnostics`, marked `accepted`), and how an entry that accepts nothing is reported
 * (ODG501: a warning, a note in a slice, nothing in a run that failed).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { parseAcceptance } from "../generator/accept-warnings";
import { GenerationError, type Diagnostic } from "../generator/diagnostics";
import { xmlToCsdlJson } from "./helpers/csdl-json";

const FILE = "known-warnings.xml";
const SPEC = fs.readFileSync(path.join(__dirname, "fixtures", "accept", FILE), "utf8");
const run = (acceptWarnings?: string | string[], more: Record<string, unknown> = {}) =>
  generate({ inputs: [{ file: FILE, content: SPEC }], ...(acceptWarnings !== undefined && { acceptWarnings }), ...more });
/** Each warning and note as `code path (accepted by)`. */
const seen = (diags: readonly Diagnostic[]) =>
  diags.filter((d) => d.severity !== "info" || d.code === "ODG501").map((d) => `${d.severity} ${d.code} ${d.path}${d.accepted ? ` (accepted: ${d.accepted})` : ""}`);

test("without acceptWarnings the fixture has its three warnings, none marked", () => {
  expect(seen(run().diagnostics)).toEqual([
    "warning ODG112 vendor.meter/label",
    "warning ODG108 vendor.meter/reading",
    "warning ODG108 vendor.meter/peak",
  ]);
});

// Each row: the entries, then what accepts each warning, in the order they are reported (label's ODG112, reading's and peak's ODG108).
test.each([
  ["a code alone accepts every warning of that code", ["ODG108"], ["", "accepted: ODG108", "accepted: ODG108"]],
  ["a code and a path accept that warning only", ["ODG108 vendor.meter/peak"], ["", "", "accepted: ODG108 vendor.meter/peak"]],
  ["* stops at /, within one step", ["ODG108 vendor.meter/*", "ODG112 vendor.*"], ["", "accepted: ODG108 vendor.meter/*", "accepted: ODG108 vendor.meter/*"]],
  ["** crosses /", ["ODG112 vendor.**"], ["accepted: ODG112 vendor.**", "", ""]],
  ["? is one character", ["ODG108 vendor.meter/pea?"], ["", "", "accepted: ODG108 vendor.meter/pea?"]],
  ["the code must match too", ["ODG112 vendor.meter/peak", "ODG108 vendor.meter/label"], ["", "", ""]],
  ["the first entry that matches is named", ["ODG108 vendor.meter/reading", "ODG108"], ["", "accepted: ODG108 vendor.meter/reading", "accepted: ODG108"]],
])("%s", (_, entries, want) => {
  const warnings = run(entries).diagnostics.filter((d) => d.severity === "warning" && d.code !== "ODG501");
  expect(warnings.map((d) => (d.accepted ? `accepted: ${d.accepted}` : ""))).toEqual(want);
});

test("every warning accepted: they stay in diagnostics, marked, and nothing else is reported", () => {
  const r = run(["ODG108", "ODG112 vendor.meter/label"]);
  expect(seen(r.diagnostics)).toEqual([
    "warning ODG112 vendor.meter/label (accepted: ODG112 vendor.meter/label)",
    "warning ODG108 vendor.meter/reading (accepted: ODG108)",
    "warning ODG108 vendor.meter/peak (accepted: ODG108)",
  ]);
  // The generated files do not depend on what is accepted.
  expect(r.files).toEqual(run().files);
});

test("an entry that accepts no warning is a warning itself, ODG501, at the place it is written when one is given", () => {
  const place = { file: "odatagen.config.json", line: 4, column: 22, path: "services[0].acceptWarnings[1]" };
  const r = run(["ODG108", "ODG112 vendor.site/*", "ODG103"], { acceptWarningPlaces: [undefined, place, undefined] });
  const stale = r.diagnostics.filter((d) => d.code === "ODG501");
  expect(stale).toEqual([
    // ODG112's warning is there, at another path: the glob is what to correct.
    { code: "ODG501", severity: "warning", ...place, message: 'accepted warning "ODG112 vendor.site/*" matches no warning of this service: correct its glob: 1 ODG112 warning of the service is not accepted, such as vendor.meter/label; or remove the entry' },
    { code: "ODG501", severity: "warning", file: "", line: 0, column: 0, path: "", message: 'accepted warning "ODG103" matches no warning of this service: remove the entry (the warning it accepted is gone), or correct its code or glob' },
  ]);
});

test("an entry whose * stops at a / short of its code's warnings says so, and the entry with ** that accepts them", () => {
  const r = run(["ODG108", "ODG112 vendor.*"]);
  expect(r.diagnostics.filter((d) => d.code === "ODG501").map((d) => d.message)).toEqual([
    'accepted warning "ODG112 vendor.*" matches no warning of this service: a * stays within one step of the element path (between two /), and "ODG112 vendor.**" accepts 1 ODG112 warning of the service, such as vendor.meter/label',
  ]);
  // That entry accepts it.
  expect(seen(run(["ODG108", "ODG112 vendor.**"]).diagnostics)).toContain("warning ODG112 vendor.meter/label (accepted: ODG112 vendor.**)");
});

test("in a slice an entry that accepts nothing is a note: the slice may have left out the element whose warning it accepts", () => {
  const r = run(["ODG108 vendor.meter/*", "ODG112"], { include: "vendor.site" });
  expect(seen(r.diagnostics)).toEqual([
    expect.stringMatching(/^info ODG501 $/),
    expect.stringMatching(/^info ODG501 $/),
  ]);
  expect(r.diagnostics.find((d) => d.code === "ODG501")?.message).toBe(
    'accepted warning "ODG108 vendor.meter/*" matches no warning in this slice; the slice may leave out the element whose warning it accepts (a run without the slice tells whether the entry is still needed)',
  );
});

test("errors are never accepted; a failed run marks the warnings it accepts and calls no entry stale", () => {
  const broken = SPEC.replace('EntityType="vendor.site"', 'EntityType="vendor.nowhere"');
  let thrown: unknown;
  try {
    generate({ inputs: [{ file: FILE, content: broken }], acceptWarnings: ["ODG108", "ODG112", "ODG104"] });
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(GenerationError);
  expect(seen((thrown as GenerationError).diagnostics)).toEqual([
    "warning ODG112 vendor.meter/label (accepted: ODG112)",
    "warning ODG108 vendor.meter/reading (accepted: ODG108)",
    "warning ODG108 vendor.meter/peak (accepted: ODG108)",
    "error ODG103 vendor.container/sites",
  ]);
});

test.each([
  ["", "expected an accepted warning, got an empty string: write a warning's code (ODG108), or a code, a space and a glob over the element path the warning ends with (\"ODG108 API_TEST_SRV.A_TestEntityType/*\")"],
  ["odg108", '"odg108" is not a diagnostic\'s code; did you mean ODG108? (write a warning\'s code (ODG108), or a code, a space and a glob over the element path the warning ends with ("ODG108 API_TEST_SRV.A_TestEntityType/*"))'],
  ["108 vendor.*", '"108" is not a diagnostic\'s code; did you mean ODG108? (write a warning\'s code (ODG108), or a code, a space and a glob over the element path the warning ends with ("ODG108 API_TEST_SRV.A_TestEntityType/*"))'],
  ["ODG109", "ODG109 is always an error, and errors cannot be accepted (codes a warning can have: ODG005, ODG101, ODG102, ODG103, ODG104, ODG106, ODG107, ODG108, ODG110, ODG112, ODG113, ODG302, ODG303, ODG304, ODG306, ODG308)"],
  ["ODG201", "ODG201 is a note (severity info), which never fails a run: notes need no acceptance"],
  ["ODG501", "ODG501 says that an accepted warning matches nothing: remove that entry rather than accept ODG501"],
  ["ODG603", "ODG603 is a warning of odatagen url --from about a file's requests, which fails no run: it needs no acceptance"],
  ["ODG118", "no diagnostic has the code ODG118; did you mean ODG108? (codes a warning can have: ODG005, ODG101, ODG102, ODG103, ODG104, ODG106, ODG107, ODG108, ODG110, ODG112, ODG113, ODG302, ODG303, ODG304, ODG306, ODG308)"],
  ["ODG108   ", "nothing follows ODG108 but blanks: an empty glob matches no element path; give the path (the [...] a warning ends with), or write ODG108 alone to accept every ODG108 warning"],
])("a malformed entry %j is refused, saying why", (entry, why) => {
  expect(parseAcceptance(entry)).toBe(why);
  expect(() => run([entry])).toThrow(new TypeError(`generate(): acceptWarnings[0]: ${why}`));
});

test("acceptWarnings of the wrong kind is a TypeError naming the option", () => {
  expect(() => run(5 as unknown as string)).toThrow(/^generate\(\): acceptWarnings takes an accepted warning or a list of them/);
  expect(() => run([5] as unknown as string[])).toThrow("generate(): acceptWarnings[0] takes an accepted warning (a string); got 5");
  expect(() => run(undefined, { acceptWarning: "ODG108" })).toThrow(/acceptWarning is not an option; did you mean acceptWarnings\?/);
});

test("a later EDMX Version and its CSDL JSON twin's $Version give ODG005 at one path, Edmx, so one entry accepts both", () => {
  const xml = SPEC.replace(/Version="4\.01?"/, 'Version="4.02"');
  expect(xml).toContain('Version="4.02"');
  for (const [file, content] of [[FILE, xml], ["known-warnings.json", xmlToCsdlJson(FILE, xml)]]) {
    const odg005 = (acceptWarnings?: string) =>
      generate({ inputs: [{ file, content }], ...(acceptWarnings && { acceptWarnings }) }).diagnostics.filter((d) => d.code === "ODG005").map((d) => `${d.path}${d.accepted ? ` (accepted: ${d.accepted})` : ""}`);
    expect([file, odg005()]).toEqual([file, ["Edmx"]]);
    expect([file, odg005("ODG005 Edmx")]).toEqual([file, ["Edmx (accepted: ODG005 Edmx)"]]);
  }
});
