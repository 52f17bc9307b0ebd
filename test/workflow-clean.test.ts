/**
 * Stale generated files: removed by default (--clean), kept with --no-clean; hand-written files never
 * touched. The first test runs the real binary; the others run the CLI's main in the jest worker
 * (cli-in-process.ts), every run of a test so, as the manifests they write record its fingerprint.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { copySpec, runCli, scratch, writeJson } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";

/** A project generating the callRecords spec, then the Security Copilot spec, into the same folder. */
function project(): { dir: string; gen: string; switchSpec: () => void } {
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir);
  copySpec("graph-beta-securitycopilot.xml", dir);
  const config = (input: string) => writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "svc", input, out: "gen" }] });
  config("graph-callrecords.xml");
  return { dir, gen: path.join(dir, "gen"), switchSpec: () => config("graph-beta-securitycopilot.xml") };
}

const CALLRECORDS_FILES = ["microsoft.graph.callRecords.types.ts", "microsoft.graph.callRecords.validators.ts", "microsoft.graph.callRecords.requests.ts"];

describe("--clean", () => {
  test("removes only the stale files odatagen wrote, sparing hand-written files in the output folder", () => {
    const { dir, gen, switchSpec } = project();
    expect(runCli(["generate"], dir).code).toBe(0);
    // Hand-written files: one beside the generated ones, one named like a generated module, one in a subfolder.
    fs.writeFileSync(path.join(gen, "custom.ts"), "export const mine = 1;\n");
    fs.writeFileSync(path.join(gen, "microsoft.graph.extra.types.ts"), "// mine\n");
    fs.mkdirSync(path.join(gen, "hand"));
    fs.writeFileSync(path.join(gen, "hand", "notes.md"), "notes\n");
    const handMtime = fs.statSync(path.join(gen, "custom.ts")).mtimeMs;

    switchSpec();
    const dry = runCli(["generate", "--clean", "--dry-run"], dir);
    for (const f of CALLRECORDS_FILES) expect(dry.stdout).toMatch(new RegExp(`removed\\s+${f.replace(/\./g, "\\.")}`));
    // Named only in the note on the files odatagen did not write, as left alone.
    expect(dry.stdout).not.toMatch(/^ {2}\w+ +(custom\.ts|microsoft\.graph\.extra|hand)/m);
    expect(dry.stdout).toContain("note: gen also holds 3 file(s) odatagen did not write, left alone and not checked: custom.ts, hand/notes.md, microsoft.graph.extra.types.ts\n");
    expect(fs.existsSync(path.join(gen, CALLRECORDS_FILES[0]))).toBe(true);

    const r = runCli(["generate", "--clean"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 removed/);
    for (const f of CALLRECORDS_FILES) expect(fs.existsSync(path.join(gen, f))).toBe(false);
    expect(fs.existsSync(path.join(gen, "microsoft.graph.security.securityCopilot.types.ts"))).toBe(true);
    expect(fs.readFileSync(path.join(gen, "custom.ts"), "utf8")).toBe("export const mine = 1;\n");
    expect(fs.statSync(path.join(gen, "custom.ts")).mtimeMs).toBe(handMtime);
    expect(fs.readFileSync(path.join(gen, "microsoft.graph.extra.types.ts"), "utf8")).toBe("// mine\n");
    expect(fs.readFileSync(path.join(gen, "hand", "notes.md"), "utf8")).toBe("notes\n");
    const manifest = JSON.parse(fs.readFileSync(path.join(gen, ".odatagen-manifest.json"), "utf8"));
    expect(manifest.files.map((f: { path: string }) => f.path)).not.toContain("custom.ts");
  });

  test("--no-clean keeps stale generated files (still recorded, so a later --clean removes them)", async () => {
    const { dir, gen, switchSpec } = project();
    expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
    switchSpec();
    const kept = (await runCliInProcess(["generate", "--no-clean"], dir));
    expect(kept.code).toBe(0);
    expect(kept.stderr).toMatch(/kept 3 stale generated file\(s\)/);
    for (const f of CALLRECORDS_FILES) expect(fs.existsSync(path.join(gen, f))).toBe(true);
    expect((await runCliInProcess(["generate", "--check"], dir)).code).toBe(1);
    expect((await runCliInProcess(["generate", "--clean"], dir)).stdout).toMatch(/3 removed/);
    for (const f of CALLRECORDS_FILES) expect(fs.existsSync(path.join(gen, f))).toBe(false);
  });

  test("refuses to overwrite a hand-written file at a generated path; nothing is written", async () => {
    const { dir, gen, switchSpec } = project();
    expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
    const mine = path.join(gen, "microsoft.graph.security.securityCopilot.types.ts");
    fs.writeFileSync(mine, "// hand-written\n");
    switchSpec();
    const r = (await runCliInProcess(["generate"], dir));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error ODG401: microsoft\.graph\.security\.securityCopilot\.types\.ts exists and was not written by odatagen/);
    expect(fs.readFileSync(mine, "utf8")).toBe("// hand-written\n");
    expect(fs.existsSync(path.join(gen, CALLRECORDS_FILES[0]))).toBe(true);
  });

  test("the first run into an existing folder without a manifest does not overwrite its files", async () => {
    const { dir, gen } = project();
    fs.mkdirSync(gen);
    fs.writeFileSync(path.join(gen, "index.ts"), "// someone else's index\n");
    const r = (await runCliInProcess(["generate"], dir));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ODG401: index\.ts exists and was not written by odatagen/);
    expect(fs.readdirSync(gen)).toEqual(["index.ts"]);
    fs.rmSync(path.join(gen, "index.ts"));
    expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
  });

  test("the first run into a folder that holds other files names them, once (an output given as src)", async () => {
    const { dir, gen } = project();
    fs.mkdirSync(path.join(gen, "lib"), { recursive: true });
    fs.writeFileSync(path.join(gen, "main.ts"), "export {};\n");
    fs.writeFileSync(path.join(gen, "lib", "util.ts"), "export {};\n");
    fs.writeFileSync(path.join(gen, ".gitkeep"), "");
    const first = (await runCliInProcess(["generate"], dir));
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("odatagen: svc: note: gen also holds 2 file(s) odatagen did not write, left alone, now and by later runs, which do not name them again: lib/util.ts, main.ts\n");
    expect(fs.readFileSync(path.join(gen, "main.ts"), "utf8")).toBe("export {};\n");
    const spec = path.join(dir, "graph-callrecords.xml");
    fs.writeFileSync(spec, fs.readFileSync(spec, "utf8").replace('Name="isTest"', 'Name="isTested"'));
    const second = (await runCliInProcess(["generate"], dir));
    expect(second.stdout).toMatch(/\([1-9]\d* written, /);
    expect(second.stdout).not.toContain("also holds");
    const quiet = project();
    fs.mkdirSync(quiet.gen);
    fs.writeFileSync(path.join(quiet.gen, "main.ts"), "export {};\n");
    expect((await runCliInProcess(["generate", "--quiet"], quiet.dir)).stdout).toBe("");
  });

  test("an output whose manifest was deleted: still refused, and the message says the manifest is missing, not that odatagen did not write the files", async () => {
    const { dir, gen } = project();
    expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
    fs.rmSync(path.join(gen, ".odatagen-manifest.json"));
    const spec = path.join(dir, "graph-callrecords.xml");
    fs.writeFileSync(spec, fs.readFileSync(spec, "utf8").replace('Name="isTest"', 'Name="isTested"'));
    const types = path.join(gen, "microsoft.graph.callRecords.types.ts");
    const before = fs.readFileSync(types);
    // A runtime.ts of another odatagen version (its header names no input, as edm.ts's and validation.ts's).
    fs.appendFileSync(path.join(gen, "runtime.ts"), "// of an older odatagen\n");
    for (const mode of [[], ["--dry-run"], ["--check"]]) {
      const r = (await runCliInProcess(["generate", ...mode], dir));
      expect(r.code).toBe(1);
      for (const f of ["microsoft.graph.callRecords.types.ts", "runtime.ts"])
        expect(r.stderr).toContain(
          `gen/${f}: error ODG401: ${f} has odatagen's header, but gen has no .odatagen-manifest.json (the list of the files odatagen wrote) to say it is the one odatagen wrote there; restore the manifest, or move the folder away to generate it afresh (nothing was written)\n`,
        );
    }
    expect(fs.readFileSync(types).equals(before)).toBe(true);
  });
});
