/**
 * The manifest the library's writeOutput writes records what the CLI records for the same run — the
 * generator's version and fingerprint, the options and the inputs — so that `odatagen generate` over
 * the same input and output finds the library's output up to date, and the library finds the CLI's.
 * The first test runs the package's dist/ as a build script loads it, in a child process, and the
 * binary (the fingerprint of dist/ both record); the others run the library and the CLI's `main` from
 * the sources in the test's process (both record the sources' fingerprint), as what they test (the
 * options, inputs and references recorded) is the same code.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { createFollower, generate, writeOutput, type Follower, type GenerateOptions } from "../generator/index";
import { ROOT, runCli, scratch, SPECS } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";
import { edmx, schema } from "./helpers/csdl";

const MANIFEST = ".odatagen-manifest.json";
const LIBRARY = path.join(ROOT, "dist", "index.js");

/**
 * Runs, in `dir`, a program that reads `input`, calls the package's generate() (dist/) and writes the
 * files to `out` with writeOutput. Prints the report's `manifest` and `written`.
 */
function libraryInChild(dir: string, input: string, out: string): { manifest?: { kind: string }; written: string[] } {
  const program = `
    const fs = require("node:fs");
    const { generate, writeOutput } = require(${JSON.stringify(LIBRARY)});
    const { files } = generate({ inputs: [{ file: ${JSON.stringify(input)}, content: fs.readFileSync(${JSON.stringify(input)}, "utf8") }] });
    const report = writeOutput(${JSON.stringify(out)}, files);
    console.log(JSON.stringify({ manifest: report.manifest, written: report.written }));`;
  const r = spawnSync(process.execPath, ["-e", program], { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`the library program failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { manifest?: { kind: string }; written: string[] };
}

/** Runs `body` with `dir` as the working folder (as a build script run there), in this process. */
function inFolder<T>(dir: string, body: () => T): T {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return body();
  } finally {
    process.chdir(before);
  }
}

/**
 * In `dir`, in this process, reads `input`, calls generate() with `options` and writes the files to
 * `out` with writeOutput; `edit` changes the files map in between. The report's `manifest` and `written`.
 */
function library(dir: string, input: string, out: string, options: Partial<GenerateOptions> = {}, edit = (_files: Map<string, string>) => {}) {
  return inFolder(dir, () => {
    const { files } = generate({ inputs: [{ file: input, content: fs.readFileSync(input, "utf8") }], ...options });
    edit(files);
    const report = writeOutput(out, files);
    return JSON.parse(JSON.stringify({ manifest: report.manifest, written: report.written })) as { manifest?: { kind: string }; written: string[] };
  });
}

/** What a CLI run printed (a no-change run prints its line on stdout, a generating one on stderr). */
const said = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;
const manifestOf = (dir: string, out: string) => JSON.parse(fs.readFileSync(path.join(dir, out, MANIFEST), "utf8")) as Record<string, unknown>;

function project(): string {
  const dir = scratch();
  fs.copyFileSync(path.join(SPECS, "graph-callrecords.xml"), path.join(dir, "meta.xml"));
  return dir;
}

test("the package's library output is up to date for the binary: --check passes and generate takes the no-change path, leaving the manifest as it is", () => {
  const dir = project();
  libraryInChild(dir, "meta.xml", "out");
  const written = fs.readFileSync(path.join(dir, "out", MANIFEST), "utf8");
  const m = manifestOf(dir, "out");
  expect(m.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  expect(m.version).toBe((JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version);
  expect(m.inputs).toEqual([{ file: "../meta.xml", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);

  const check = runCli(["generate", "--check", "-i", "meta.xml", "-o", "out"], dir);
  expect(check.code).toBe(0);
  const generate = runCli(["generate", "-i", "meta.xml", "-o", "out"], dir);
  expect(generate.code).toBe(0);
  expect(said(generate)).toMatch(/out: up to date/);
  expect(fs.readFileSync(path.join(dir, "out", MANIFEST), "utf8")).toBe(written);
});

test("the CLI's output is the library's: writing it again changes nothing, the manifest included", async () => {
  const dir = project();
  expect((await runCliInProcess(["generate", "-i", "meta.xml", "-o", "out", "--no-validators"], dir)).code).toBe(0);
  const before = fs.readFileSync(path.join(dir, "out", MANIFEST), "utf8");
  expect(library(dir, "meta.xml", "out", { validators: false })).toEqual({ written: [] });
  expect(fs.readFileSync(path.join(dir, "out", MANIFEST), "utf8")).toBe(before);
});

test("an input with CRLF line ends is recorded as the CLI hashes it (line ends as LF)", async () => {
  const dir = project();
  fs.writeFileSync(path.join(dir, "meta.xml"), fs.readFileSync(path.join(dir, "meta.xml"), "utf8").replace(/\r?\n/g, "\r\n"));
  library(dir, "meta.xml", "out");
  expect(said(await runCliInProcess(["generate", "-i", "meta.xml", "-o", "out"], dir))).toMatch(/out: up to date/);
});

test("other options, or a files map the caller changed, are not up to date for the CLI's run", async () => {
  const dir = project();
  library(dir, "meta.xml", "narrow", { requests: false });
  expect(manifestOf(dir, "narrow").options).toEqual({ keyAsSegment: null, include: [], exclude: [], requests: false });
  expect(said(await runCliInProcess(["generate", "-i", "meta.xml", "-o", "narrow"], dir))).not.toMatch(/up to date/);

  library(dir, "meta.xml", "edited", {}, (files) => files.set("extra.ts", "export {};\n"));
  const m = manifestOf(dir, "edited");
  expect(m.inputs).toEqual([]);
  expect(m.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  expect(said(await runCliInProcess(["generate", "-i", "meta.xml", "-o", "edited"], dir))).not.toMatch(/up to date/);
});

test("a document with references read without following them records followReferences: false, as the CLI's --no-follow-references", async () => {
  const dir = scratch();
  const doc = edmx(
    schema("main", `<ComplexType Name="t"><Property Name="id" Type="Edm.String"/></ComplexType>`),
    `<edmx:Reference Uri="./shared.xml"><edmx:Include Namespace="shared"/></edmx:Reference>\n`,
  );
  fs.writeFileSync(path.join(dir, "main.xml"), doc);
  library(dir, "main.xml", "out");
  expect(manifestOf(dir, "out").options).toEqual({ keyAsSegment: null, include: [], exclude: [], followReferences: false });
  expect(said(await runCliInProcess(["generate", "-i", "main.xml", "-o", "out", "--no-follow-references"], dir))).toMatch(/out: up to date/);
});

describe("a run following references with createFollower's follow", () => {
  const ref = (uri: string, ns: string) => `<edmx:Reference Uri="${uri}"><edmx:Include Namespace="${ns}"/></edmx:Reference>\n`;
  const shared = (extra = "") => edmx(schema("shared", `<ComplexType Name="address"><Property Name="street" Type="Edm.String"/>${extra}</ComplexType>`));
  /** main.xml uses shared.address from shared/types.xml, and references later.xml, which is not there. */
  function referencing(): string {
    const dir = scratch();
    fs.mkdirSync(path.join(dir, "shared"));
    fs.writeFileSync(path.join(dir, "main.xml"), edmx(schema("main", `<ComplexType Name="t"><Property Name="home" Type="shared.address"/></ComplexType>`), ref("shared/types.xml", "shared") + ref("later.xml", "later")));
    fs.writeFileSync(path.join(dir, "shared", "types.xml"), shared());
    return dir;
  }
  type Follow = NonNullable<GenerateOptions["follow"]>;
  /**
   * In `dir`, in this process, makes `follower`, generates main.xml with `follow` (`runs` times) and
   * writes the last run's files to `out`.
   */
  function followingLibrary(
    dir: string,
    out: string,
    follower = (): Follower => createFollower(["main.xml"]),
    follow = (f: Follower): Follow => f.follow,
    runs = 1,
  ): void {
    inFolder(dir, () => {
      const made = follower();
      let files = new Map<string, string>();
      for (let i = 0; i < runs; i++) files = generate({ inputs: [{ file: "main.xml", content: fs.readFileSync("main.xml", "utf8") }], follow: follow(made) }).files;
      writeOutput(out, files);
    });
  }

  test("records the documents it read and looked for as the CLI does: generate finds it up to date and --check passes", async () => {
    const dir = referencing();
    followingLibrary(dir, "out");
    const m = manifestOf(dir, "out");
    expect(m.inputs).toEqual([
      { file: "../main.xml", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      { file: "../shared/types.xml", sha256: expect.stringMatching(/^[0-9a-f]{64}$/), followed: true },
    ]);
    expect(m.lookedFor).toEqual(["../later.xml"]);
    expect(m.options).toEqual({ keyAsSegment: null, include: [], exclude: [] });
    // The CLI's manifest for the same run, into a folder beside it, is the same text.
    expect((await runCliInProcess(["generate", "-i", "main.xml", "-o", "cli"], dir)).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "out", MANIFEST), "utf8")).toBe(fs.readFileSync(path.join(dir, "cli", MANIFEST), "utf8"));
    expect((await runCliInProcess(["generate", "--check", "-i", "main.xml", "-o", "out"], dir)).code).toBe(0);
    expect(said(await runCliInProcess(["generate", "-i", "main.xml", "-o", "out"], dir))).toMatch(/out: up to date/);
  });

  test.each([
    ["an edit of the referenced document", (dir: string) => fs.writeFileSync(path.join(dir, "shared", "types.xml"), shared('<Property Name="zip" Type="Edm.String"/>'))],
    ["the document looked for in vain appearing", (dir: string) => fs.writeFileSync(path.join(dir, "later.xml"), edmx(schema("later", `<ComplexType Name="x"/>`)))],
  ])("after a library write, %s makes generate --check report stale, and generate regenerate", async (_name, edit) => {
    const dir = referencing();
    followingLibrary(dir, "out");
    edit(dir);
    const check = await runCliInProcess(["generate", "--check", "-i", "main.xml", "-o", "out"], dir);
    expect([check.code, check.stdout]).toEqual([1, expect.stringMatching(/output is stale/)]);
    const run = await runCliInProcess(["generate", "-i", "main.xml", "-o", "out"], dir);
    expect(said(run)).toMatch(/out: \d+ files in out \([1-9]\d* written/);
  });

  test("an edit of the referenced document that changes no generated file: --check passes (the files are a fresh run's), generate records the new document", async () => {
    const dir = referencing();
    followingLibrary(dir, "out");
    fs.appendFileSync(path.join(dir, "shared", "types.xml"), "<!-- edited -->\n");
    expect((await runCliInProcess(["generate", "--check", "-i", "main.xml", "-o", "out"], dir)).code).toBe(0);
    expect(said(await runCliInProcess(["generate", "-i", "main.xml", "-o", "out"], dir))).toMatch(/0 written, \d+ unchanged, 0 removed; updated \.odatagen-manifest\.json/);
    expect(said(await runCliInProcess(["generate", "-i", "main.xml", "-o", "out"], dir))).toMatch(/out: up to date/);
  });

  test.each([
    ["a follower given other files than the run's inputs", () => createFollower(["main.xml", "shared/types.xml"]), (f: Follower): Follow => f.follow, 1],
    ["a follower an earlier run used", () => createFollower(["main.xml"]), (f: Follower): Follow => f.follow, 2],
    ["a follow of the caller's own, around a follower's", () => createFollower(["main.xml"]), (f: Follower): Follow => (uri, from) => f.follow(uri, from), 1],
  ] as const)("%s records no inputs: the CLI generates again", async (_name, follower, follow, runs) => {
    const dir = referencing();
    followingLibrary(dir, "out", follower, follow, runs);
    expect(manifestOf(dir, "out").inputs).toEqual([]);
    expect(said(await runCliInProcess(["generate", "-i", "main.xml", "-o", "out"], dir))).not.toMatch(/up to date/);
  });

  test("an off follower's run records followReferences: false, as --no-follow-references", async () => {
    const dir = referencing();
    followingLibrary(dir, "out", () => createFollower(["main.xml"], { off: true }));
    expect(manifestOf(dir, "out")).toMatchObject({ options: { followReferences: false }, inputs: [{ file: "../main.xml" }] });
    expect(said(await runCliInProcess(["generate", "-i", "main.xml", "-o", "out", "--no-follow-references"], dir))).toMatch(/out: up to date/);
  });
});
