/**
 * The manifest the library's writeOutput writes (the package's dist/, as a build script loads it, in
 * a child process) records what the CLI records for the same run — the generator's version and
 * fingerprint, the options and the inputs — so that `odatagen generate` over the same input and
 * output finds the library's output up to date, and the library finds the CLI's.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT, runCli, scratch, SPECS } from "./helpers/cli";
import { edmx, schema } from "./helpers/csdl";

const MANIFEST = ".odatagen-manifest.json";
const LIBRARY = path.join(ROOT, "dist", "index.js");

/**
 * Runs, in `dir`, a program that reads `input`, calls generate() with `options` and writes the
 * files to `out` with writeOutput; `edit` (a statement over `files`) changes the map in between.
 * Prints the report's `manifest` and `written`.
 */
function library(dir: string, input: string, out: string, options = "{}", edit = ""): { manifest?: { kind: string }; written: string[] } {
  const program = `
    const fs = require("node:fs");
    const { generate, writeOutput } = require(${JSON.stringify(LIBRARY)});
    const { files } = generate({ inputs: [{ file: ${JSON.stringify(input)}, content: fs.readFileSync(${JSON.stringify(input)}, "utf8") }], ...${options} });
    ${edit}
    const report = writeOutput(${JSON.stringify(out)}, files);
    console.log(JSON.stringify({ manifest: report.manifest, written: report.written }));`;
  const r = spawnSync(process.execPath, ["-e", program], { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`the library program failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { manifest?: { kind: string }; written: string[] };
}

/** What a CLI run printed (a no-change run prints its line on stdout, a generating one on stderr). */
const said = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;
const manifestOf = (dir: string, out: string) => JSON.parse(fs.readFileSync(path.join(dir, out, MANIFEST), "utf8")) as Record<string, unknown>;

function project(): string {
  const dir = scratch();
  fs.copyFileSync(path.join(SPECS, "graph-callrecords.xml"), path.join(dir, "meta.xml"));
  return dir;
}

test("the library's output is up to date for the CLI: --check passes and generate takes the no-change path, leaving the manifest as it is", () => {
  const dir = project();
  library(dir, "meta.xml", "out");
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

test("the CLI's output is the library's: writing it again changes nothing, the manifest included", () => {
  const dir = project();
  expect(runCli(["generate", "-i", "meta.xml", "-o", "out", "--no-validators"], dir).code).toBe(0);
  const before = fs.readFileSync(path.join(dir, "out", MANIFEST), "utf8");
  expect(library(dir, "meta.xml", "out", "{ validators: false }")).toEqual({ written: [] });
  expect(fs.readFileSync(path.join(dir, "out", MANIFEST), "utf8")).toBe(before);
});

test("an input with CRLF line ends is recorded as the CLI hashes it (line ends as LF)", () => {
  const dir = project();
  fs.writeFileSync(path.join(dir, "meta.xml"), fs.readFileSync(path.join(dir, "meta.xml"), "utf8").replace(/\r?\n/g, "\r\n"));
  library(dir, "meta.xml", "out");
  expect(said(runCli(["generate", "-i", "meta.xml", "-o", "out"], dir))).toMatch(/out: up to date/);
});

test("other options, or a files map the caller changed, are not up to date for the CLI's run", () => {
  const dir = project();
  library(dir, "meta.xml", "narrow", "{ requests: false }");
  expect(manifestOf(dir, "narrow").options).toEqual({ keyAsSegment: null, include: [], exclude: [], requests: false });
  expect(said(runCli(["generate", "-i", "meta.xml", "-o", "narrow"], dir))).not.toMatch(/up to date/);

  library(dir, "meta.xml", "edited", "{}", `files.set("extra.ts", "export {};\\n");`);
  const m = manifestOf(dir, "edited");
  expect(m.inputs).toEqual([]);
  expect(m.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  expect(said(runCli(["generate", "-i", "meta.xml", "-o", "edited"], dir))).not.toMatch(/up to date/);
});

test("a document with references read without following them records followReferences: false, as the CLI's --no-follow-references", () => {
  const dir = scratch();
  const doc = edmx(
    schema("main", `<ComplexType Name="t"><Property Name="id" Type="Edm.String"/></ComplexType>`),
    `<edmx:Reference Uri="./shared.xml"><edmx:Include Namespace="shared"/></edmx:Reference>\n`,
  );
  fs.writeFileSync(path.join(dir, "main.xml"), doc);
  library(dir, "main.xml", "out");
  expect(manifestOf(dir, "out").options).toEqual({ keyAsSegment: null, include: [], exclude: [], followReferences: false });
  expect(said(runCli(["generate", "-i", "main.xml", "-o", "out", "--no-follow-references"], dir))).toMatch(/out: up to date/);
});
