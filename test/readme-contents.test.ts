/**
 * The README's "Contents" list is its map: every section (`##`) and subsection (`###`) in the order
 * they come, each linked by the anchor GitHub gives its heading. A heading added, renamed or moved
 * without the list fails here, and so does any in-page link (`](#…)`) to an anchor no heading has.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO } from "./helpers/typecheck";

const README = fs.readFileSync(path.join(REPO, "README.md"), "utf8");

interface Heading {
  depth: 2 | 3;
  text: string;
}

/** The `##` and `###` headings outside fenced code blocks (where `# comment` lines of shell examples are). */
function headings(markdown: string): Heading[] {
  const found: Heading[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    const m = fenced ? null : /^(##|###) (.+)$/.exec(line);
    if (m) found.push({ depth: m[1]!.length as 2 | 3, text: m[2]! });
  }
  return found;
}

/** GitHub's anchor for a heading: lower case, punctuation other than `-` and `_` dropped, spaces as `-`. */
function anchor(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\-_ ]/gu, "")
    .replace(/ /g, "-");
}

/** The Contents list's entries: `- [text](#anchor)`, indented two spaces for a subsection. */
function contents(markdown: string): { depth: number; text: string; anchor: string }[] {
  const start = markdown.indexOf("\n## Contents\n");
  if (start < 0) throw new Error("README.md has no ## Contents section");
  const body = markdown.slice(start + "\n## Contents\n".length).split("\n## ")[0]!;
  return body
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const m = /^( *)- \[(.+)\]\(#([^)]+)\)$/.exec(l);
      if (!m) throw new Error(`a line of README.md's Contents is not "- [heading](#anchor)": ${l}`);
      return { depth: m[1]!.length === 0 ? 2 : 3, text: m[2]!, anchor: m[3]! };
    });
}

describe("README.md's Contents", () => {
  const all = headings(README).filter((h) => h.text !== "Contents");

  it("lists every section and subsection, in order, at its depth", () => {
    const listed = contents(README).map((e) => `${"#".repeat(e.depth)} ${e.text}`);
    expect(listed).toEqual(all.map((h) => `${"#".repeat(h.depth)} ${h.text}`));
  });

  it("links each to its heading's anchor", () => {
    for (const e of contents(README)) expect(`${e.text} → #${e.anchor}`).toBe(`${e.text} → #${anchor(e.text)}`);
  });

  it("has no in-page link to an anchor no heading has", () => {
    const anchors = new Set(headings(README).map((h) => anchor(h.text)));
    const broken = [...README.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!).filter((a) => !anchors.has(a));
    expect(broken).toEqual([]);
  });

  it("computes GitHub's anchors for headings with code and punctuation", () => {
    expect(anchor("Which functions make a request: `odatagen url`")).toBe("which-functions-make-a-request-odatagen-url");
    expect(anchor("Dry run, clean, and files odatagen did not write")).toBe("dry-run-clean-and-files-odatagen-did-not-write");
  });
});
