/**
 * Every ```ts block of README.md compiles under --strict with TypeScript 5.9 and 7, as written, against the
 * output its imports name: `./generated/<name>/…` is this repository's committed `generated/<name>`,
 * or, for a fixture of test/fixtures, its golden output (test/golden/<name>) with the runtime files;
 * `odatagen` is this package (its built `dist/`, which jest's global setup builds).
 *
 * A line the README marks `// compile error` must fail to compile: the extracted copy gets a
 * `// @ts-expect-error` above it, which is itself an error when the line compiles. A ```ts block that
 * cannot be compiled is marked with `<!-- readme-examples: skip (why) -->` on the line before its fence;
 * the skipped ones are listed below, so that a new one is a deliberate change. Other fences (sh, json,
 * plain) are not TypeScript and are not compiled.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fixtureNames, generateFixture, GOLDEN_DIR } from "./helpers/fixtures";
import { BASE_OPTIONS, compiler, REPO, runTsc } from "./helpers/typecheck";
import { STATIC_FILES } from "../generator/emit/emit";

/**
 * What the README promises the examples compile under: --strict, as an ES module (top-level await)
 * with NodeNext resolution. (The generated code alone is held to the stricter options of
 * test/typecheck.test.ts; example code such as `p.Trips[0].Name` is not written for
 * noUncheckedIndexedAccess, and an example may leave a value unused.)
 */
const EXAMPLE_OPTIONS = { ...BASE_OPTIONS, skipLibCheck: true } as const;

/** The ```ts blocks the README may skip, by their reason. */
const EXPECTED_SKIPS: string[] = ["Graph v1.0's whole output is not committed; test/graph-alternate-keys.test.ts compiles the same calls against a slice of it"];

interface Block {
  /** README line of the opening fence (1-based). */
  line: number;
  code: string[];
  skip?: string;
}

/** The ```ts blocks of a Markdown text, with the skip marker before each fence if there is one. */
function tsBlocks(markdown: string): Block[] {
  const lines = markdown.split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const code: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) code.push(lines[i]!);
    if (open[1] !== "ts" && open[1] !== "typescript") continue;
    let before = start - 1;
    while (before >= 0 && lines[before]!.trim() === "") before--;
    const skip = before >= 0 ? /^<!--\s*readme-examples:\s*skip\s*\((.*)\)\s*-->$/.exec(lines[before]!.trim()) : null;
    blocks.push({ line: start + 1, code, ...(skip ? { skip: skip[1]! } : {}) });
  }
  return blocks;
}

/** The block as a module: `// @ts-expect-error` above each line marked `compile error`; and, per line, its README line. */
function extract(block: Block): { text: string; readmeLine: number[] } {
  const out: string[] = [];
  const readmeLine: number[] = [];
  block.code.forEach((l, i) => {
    const at = block.line + 1 + i;
    if (/\/\/.*\bcompile error\b/.test(l)) {
      out.push(`${/^\s*/.exec(l)![0]}// @ts-expect-error -- README line ${at} says "compile error"`);
      readmeLine.push(at);
    }
    out.push(l);
    readmeLine.push(at);
  });
  return { text: out.join("\n") + "\n", readmeLine };
}

const README = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
const blocks = tsBlocks(README);
const compiled = blocks.filter((b) => !b.skip);
/** The compilers the generated code is held to; the examples are compiled by each. */
const COMPILERS = [["TypeScript 5.9", compiler("typescript", 5)], ["TypeScript 7", compiler("typescript7", 7)]] as const;
let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-readme-"));
  fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ type: "module", private: true }));
  fs.mkdirSync(path.join(root, "node_modules"));
  fs.symlinkSync(REPO, path.join(root, "node_modules", "odatagen"), "dir");
});

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** Copies the output `./generated/<name>/` stands for into root/generated/<name>; false when there is none. */
function provide(name: string): boolean {
  const dir = path.join(root, "generated", name);
  if (fs.existsSync(dir)) return true;
  const committed = path.join(REPO, "generated", name);
  if (fs.existsSync(committed)) {
    fs.cpSync(committed, dir, { recursive: true });
    return true;
  }
  if (!fixtureNames().includes(name)) return false;
  fs.cpSync(path.join(GOLDEN_DIR, name), dir, { recursive: true });
  const emitted = generateFixture(name);
  for (const f of STATIC_FILES) fs.writeFileSync(path.join(dir, f), emitted.get(f)!);
  return true;
}

test("the README's TypeScript examples are found, and only the expected ones are skipped", () => {
  expect(compiled.length).toBeGreaterThanOrEqual(6);
  expect(blocks.filter((b) => b.skip).map((b) => b.skip)).toEqual(EXPECTED_SKIPS);
  // The README marks lines that must not compile; the test holds them to it.
  expect(compiled.flatMap((b) => b.code).filter((l) => /\/\/.*\bcompile error\b/.test(l)).length).toBeGreaterThanOrEqual(3);
});

// Both compilers are dev dependencies, so one is missing only from a broken install (or TypeScript
// 7's native binary does not run on this platform); the skip then says so in the test's name.
for (const [label, tsc] of COMPILERS) {
  const withCompiler = "reason" in tsc ? test.skip : test;
  withCompiler(`every \`\`\`ts block of the README compiles under --strict as written (${label}${"reason" in tsc ? `; SKIPPED: ${tsc.reason}` : ""})`, () => {
    if ("reason" in tsc) return;
    const files: string[] = [];
    const maps = new Map<string, number[]>();
    for (const b of compiled) {
      const text = b.code.join("\n");
      const names = [...text.matchAll(/from "\.\/generated\/([^/"]+)\//g)].map((m) => m[1]!);
      for (const n of names) expect({ block: b.line, output: n, found: provide(n) }).toEqual({ block: b.line, output: n, found: true });
      const { text: module, readmeLine } = extract(b);
      const file = `readme-L${b.line}.ts`;
      fs.writeFileSync(path.join(root, file), module);
      files.push(file);
      maps.set(file, readmeLine);
    }
    // A copy of the first example with the published example's "String", which the README says is a
    // type error: shows that a README example that stops compiling fails this test.
    const first = compiled[0]!;
    const brokenLine = first.code.findIndex((l) => /modalities: \["audio"\]/.test(l));
    expect(brokenLine).toBeGreaterThanOrEqual(0);
    const broken = first.code.map((l, i) => (i === brokenLine ? l.replace('["audio"]', '["String"]') : l));
    fs.writeFileSync(path.join(root, "broken.ts"), broken.join("\n") + "\n");
    files.push("broken.ts");

    const r = runTsc(tsc, root, files, EXAMPLE_OPTIONS);
    const diagnostics = r.output.split("\n").filter((l) => l.trim() !== "");
    // Every other diagnostic, at the README line it comes from.
    const atReadme = diagnostics
      .filter((d) => !d.startsWith("broken.ts("))
      .map((d) => {
        const m = /^(readme-L\d+\.ts)\((\d+),(\d+)\): (.*)$/.exec(d);
        const line = m ? maps.get(m[1]!)?.[Number(m[2]) - 1] : undefined;
        return line !== undefined ? `README.md:${line}:${m![3]}: ${m![4]}` : d;
      });
    expect(atReadme).toEqual([]);
    const fromBroken = diagnostics.filter((d) => d.startsWith("broken.ts("));
    expect(fromBroken).toHaveLength(1);
    expect(fromBroken[0]).toMatch(new RegExp(`^broken\\.ts\\(${brokenLine + 1},\\d+\\): error TS2322: Type '"String"' is not assignable to type 'Modality'`));
  });
}
