/**
 * `--check`'s short diff of a changed file: separate hunks with a few lines of context, as a
 * unified diff has them (not one region from the first difference to the last), capped in length.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { shortDiff } from "../generator/cli/text-diff";
import { copySpec, runCli, scratch, writeJson } from "./helpers/cli";

const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

test("two changes far apart are two hunks with three lines of context each", () => {
  const a = numbered(100);
  const b = [...a];
  b[9] = "changed 10";
  b.splice(80, 0, "new after 80");
  expect(shortDiff(a.join("\n"), b.join("\n"))).toEqual([
    "@@ -7,7 +7,7 @@",
    "  line 7", "  line 8", "  line 9", "- line 10", "+ changed 10", "  line 11", "  line 12", "  line 13",
    "@@ -78,6 +78,7 @@",
    "  line 78", "  line 79", "  line 80", "+ new after 80", "  line 81", "  line 82", "  line 83",
  ]);
});

test("changes closer than twice the context share a hunk; a removal at the end counts lines as unified diffs do", () => {
  const a = numbered(20);
  const b = a.filter((l) => l !== "line 5" && l !== "line 10" && l !== "line 20");
  expect(shortDiff(a.join("\n"), b.join("\n"))).toEqual([
    "@@ -2,12 +2,10 @@",
    "  line 2", "  line 3", "  line 4", "- line 5", "  line 6", "  line 7", "  line 8", "  line 9", "- line 10", "  line 11", "  line 12", "  line 13",
    "@@ -17,4 +15,3 @@",
    "  line 17", "  line 18", "  line 19", "- line 20",
  ]);
});

test("files ending with a line break: no empty line after the last one, in the hunk or its range", () => {
  const a = "one\ntwo\nthree\n";
  expect(shortDiff(a, "one\ntwo\nthree\nfour\n")).toEqual(["@@ -1,3 +1,4 @@", "  one", "  two", "  three", "+ four"]);
  expect(shortDiff("one\ntwo\nthree\n// my edit\n", a)).toEqual(["@@ -1,4 +1,3 @@", "  one", "  two", "  three", "- // my edit"]);
  // Only one of them ends with a line break: that difference still shows.
  expect(shortDiff("one\ntwo", "one\ntwo\n")).toEqual(["@@ -1,2 +1,3 @@", "  one", "  two", "+ "]);
});

test("a long diff is capped: the hunks that fit, then how many more there are", () => {
  const a = numbered(1000);
  const b = a.map((l, i) => (i % 50 === 0 ? `${l} edited` : l));
  const out = shortDiff(a.join("\n"), b.join("\n"), { maxLines: 40 });
  expect(out.length).toBeLessThanOrEqual(40);
  expect(out.filter((l) => l.startsWith("@@"))).toEqual(["@@ -1,4 +1,4 @@", "@@ -48,7 +48,7 @@", "@@ -98,7 +98,7 @@", "@@ -148,7 +148,7 @@"]);
  expect(out[out.length - 1]).toBe("… 16 more hunk(s), 32 changed line(s)");
  // One change too long to show whole is cut inside its hunk.
  const big = shortDiff(a.join("\n"), a.map((l) => `${l}!`).join("\n"), { maxLines: 10 });
  expect(big).toHaveLength(10);
  expect(big[0]).toBe("@@ -1,1000 +1,1000 @@");
  expect(big[9]).toBe("… 992 old and 1000 new line(s) more than 500 edits apart, not matched line by line");
});

test("over 500 edits apart: one hunk, and the cut says how many lines were not matched instead of counting them all as changed", () => {
  // 400 lines edited in 2000 (800 edits): the middle is given as all removed, then all added.
  const a = numbered(2000);
  const b = a.map((l, i) => (i % 5 === 0 ? `${l} edited` : l));
  const out = shortDiff(a.join("\n"), b.join("\n"));
  expect(out).toHaveLength(40);
  expect(out[0]).toBe("@@ -1,1999 +1,1999 @@");
  expect(out.slice(1, 39).every((l) => l.startsWith("- "))).toBe(true);
  expect(out[39]).toBe("… 1958 old and 1996 new line(s) more than 500 edits apart, not matched line by line");
  // Under the cap the same change is matched line by line, and the count is of real changes.
  const matched = shortDiff(a.join("\n"), b.join("\n"), { maxEdits: 1000, maxLines: 5000 });
  expect(matched.filter((l) => /^[-+] /.test(l))).toHaveLength(800);
});

test("each hunk's lines rebuild both texts (random edits)", () => {
  let seed = 7;
  const rnd = (n: number) => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n);
  for (let t = 0; t < 200; t++) {
    const x = Array.from({ length: rnd(30) }, () => "abcde"[rnd(5)]);
    const y = Array.from({ length: rnd(30) }, () => "abcde"[rnd(5)]);
    if (x.join("\n") === y.join("\n")) continue;
    const body = shortDiff(x.join("\n"), y.join("\n"), { context: 100, maxLines: 1000 }).slice(1);
    expect(body.filter((l) => !l.startsWith("+")).map((l) => l.slice(2))).toEqual(x.length ? x : [""]);
    expect(body.filter((l) => !l.startsWith("-")).map((l) => l.slice(2))).toEqual(y.length ? y : [""]);
  }
});

test("generate --check prints a hunk for each of two edits far apart in a generated file", () => {
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir);
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "calls", input: "graph-callrecords.xml", out: "gen" }] });
  expect(runCli(["generate"], dir).code).toBe(0);
  const types = path.join(dir, "gen", "microsoft.graph.callRecords.types.ts");
  const lines = fs.readFileSync(types, "utf8").split("\n");
  expect(lines.length).toBeGreaterThan(100);
  const middle = lines[Math.floor(lines.length / 2)];
  lines[5] = "// edited near the start";
  lines[lines.length - 5] = "// edited near the end";
  fs.writeFileSync(types, lines.join("\n"));
  const r = runCli(["generate", "--check"], dir);
  expect(r.code).toBe(1);
  const shown = r.stdout.split("\n").filter((l) => l.startsWith("      "));
  expect(shown.filter((l) => /^ {6}@@ -\d+,\d+ \+\d+,\d+ @@$/.test(l))).toHaveLength(2);
  expect(shown).toContain("      - // edited near the start");
  expect(shown).toContain("      - // edited near the end");
  expect(shown).not.toContain(`        ${middle}`);
});

test("a file whose line ends are CRLF (a checkout with git's core.autocrlf) is said to differ in its line ends, not shown as every line removed and added again", () => {
  const lf = numbered(60).join("\n") + "\n";
  const crlf = lf.replace(/\n/g, "\r\n");
  expect(shortDiff(crlf, lf)).toEqual([`only its line ends differ: CRLF in the file, LF in the generated output (git's core.autocrlf? see "CI" in odatagen's README)`]);
  // With an edit too: the note, then the edit's hunk alone.
  const out = shortDiff(crlf.replace("line 30\r\n", "line thirty\r\n"), lf);
  expect(out[0]).toMatch(/^its line ends differ too: CRLF in the file, LF/);
  expect(out.slice(1)).toEqual(["@@ -27,7 +27,7 @@", "  line 27", "  line 28", "  line 29", "- line thirty", "+ line 30", "  line 31", "  line 32", "  line 33"]);

  const dir = scratch();
  copySpec("graph-callrecords.xml", dir);
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "calls", input: "graph-callrecords.xml", out: "gen" }] });
  expect(runCli(["generate"], dir).code).toBe(0);
  const edm = path.join(dir, "gen", "edm.ts");
  fs.writeFileSync(edm, fs.readFileSync(edm, "utf8").replace(/\n/g, "\r\n"));
  const r = runCli(["generate", "--check"], dir);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain(`  changed  edm.ts\n      only its line ends differ: CRLF in the file, LF in the generated output`);
  expect(r.stdout).not.toMatch(/^ {6}[-+] /m);
});
