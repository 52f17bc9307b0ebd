/**
 * `generate --check`, `--dry-run`, incremental writes and the up-to-date fast path: the CLI's `main`
 * run in this process (runCliInProcess), in plain tests, each in its turn; through the real binary
 * where the process is the subject (which modules a no-change run loads, read with NODE_OPTIONS)
 * and through `npm run generate` in this repository.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnLimited } from "./helpers/spawn-limited";
import { copySpec, runCliAsync, sameTree, scratch, snapshot, writeJson } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";

function project(): string {
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir);
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "calls", input: "graph-callrecords.xml", out: "gen" }] });
  return dir;
}

/** A project the CLI generated (exit 0): made once for the file. */
let once: Promise<string> | undefined;

/** A copy of that project (the same layout, so its manifest describes it as the CLI left it). */
async function generatedProject(): Promise<string> {
  once ??= (async () => {
    const dir = project();
    expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
    return dir;
  })();
  const dir = scratch();
  fs.cpSync(await once, dir, { recursive: true });
  return dir;
}

describe("generate --check", () => {
  test("exits 0 on fresh output and writes nothing", async () => {
    const dir = await generatedProject();
    const before = snapshot(path.join(dir, "gen"));
    const r = await runCliInProcess(["generate", "--check"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/calls: gen is up to date/);
    expect(sameTree(before, snapshot(path.join(dir, "gen")))).toBe(true);
  });

  test("exits 1 on stale output, lists changed, missing and stale files with a short diff, writes nothing", async () => {
    const dir = await generatedProject();
    const gen = path.join(dir, "gen");
    const types = path.join(gen, "microsoft.graph.callRecords.types.ts");
    const older = fs.readFileSync(types, "utf8").replace("export interface Session", "export interface SessionRenamed");
    fs.writeFileSync(types, older);
    fs.rmSync(path.join(gen, "edm.ts"));
    // As an older spec or generator would have left it: the manifest records the files as they are
    // (else they are edits, test/workflow-edits.test.ts), and one a fresh run no longer produces.
    const manifestFile = path.join(gen, ".odatagen-manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    const record = (p: string, text: string) => ({ path: p, sha256: createHash("sha256").update(text).digest("hex"), size: Buffer.byteLength(text) });
    manifest.files = manifest.files.map((f: { path: string }) => (f.path === path.basename(types) ? record(f.path, older) : f));
    manifest.files.push(record("old.types.ts", "x"));
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    fs.writeFileSync(path.join(gen, "old.types.ts"), "x");
    const before = snapshot(gen);

    const r = await runCliInProcess(["generate", "--check"], dir);
    expect(r.code).toBe(1);
    // The whole report on stdout, in order; stderr is for problems in the input (none here).
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^odatagen: calls: 3 file\(s\) in gen differ from a fresh run:\n {2}missing {2}edm\.ts\n {2}changed {2}microsoft\.graph\.callRecords\.types\.ts\n/);
    expect(r.stdout).toMatch(/- export interface SessionRenamed/);
    expect(r.stdout).toMatch(/\+ export interface Session\b/);
    expect(r.stdout).toMatch(/ {2}removed {2}old\.types\.ts \(stale: no longer generated\)\nodatagen: --check: output is stale; run `odatagen generate` and commit the result\n$/);
    expect(sameTree(before, snapshot(gen))).toBe(true);

    expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
    expect((await runCliInProcess(["generate", "--check"], dir)).code).toBe(0);
  });

  test("a missing or unreadable manifest fails the check, as a real run would write it; --dry-run lists it", async () => {
    const dir = await generatedProject();
    const gen = path.join(dir, "gen");
    const manifest = path.join(gen, ".odatagen-manifest.json");
    // --check and --dry-run list it in the same words.
    const cases: Array<[string, string | undefined, string, string]> = [
      ["deleted", undefined, "  missing  .odatagen-manifest.json (the list of the files odatagen wrote; `odatagen generate` writes it)", "wrote the missing .odatagen-manifest.json"],
      ["not JSON", "{bad", "  changed  .odatagen-manifest.json (unreadable: not JSON; `odatagen generate` writes it anew)", "wrote the unreadable .odatagen-manifest.json anew: not JSON"],
      ["not odatagen's", "[]", "  changed  .odatagen-manifest.json (unreadable: not a manifest odatagen wrote; `odatagen generate` writes it anew)", "wrote the unreadable .odatagen-manifest.json anew: not a manifest odatagen wrote"],
    ];
    for (const [, content, checkLine, wroteNote] of cases) {
      if (content === undefined) fs.rmSync(manifest);
      else fs.writeFileSync(manifest, content);
      const before = snapshot(gen);
      const check = await runCliInProcess(["generate", "--check"], dir);
      expect({ code: check.code, stdout: check.stdout, stderr: check.stderr }).toEqual({
        code: 1,
        stdout: `odatagen: calls: 1 file(s) in gen differ from a fresh run:\n${checkLine}\nodatagen: --check: output is stale; run \`odatagen generate\` and commit the result\n`,
        stderr: "",
      });
      const dry = await runCliInProcess(["generate", "--dry-run"], dir);
      expect({ code: dry.code, stdout: dry.stdout }).toEqual({ code: 0, stdout: `odatagen: calls: would write 1, remove 0, leave 11 unchanged in gen\n${checkLine}\n` });
      expect(sameTree(before, snapshot(gen))).toBe(true);
      // The real run writes it, says so, and the check passes again.
      const real = await runCliInProcess(["generate"], dir);
      expect({ code: real.code, stdout: real.stdout.replace(/ in \d+ ms/, "") }).toEqual({ code: 0, stdout: `odatagen: calls: 11 files in gen (0 written, 11 unchanged, 0 removed; ${wroteNote})\n` });
      expect(JSON.parse(fs.readFileSync(manifest, "utf8")).generator).toBe("odatagen");
      expect((await runCliInProcess(["generate", "--check"], dir)).code).toBe(0);
    }
  });

  test("a first run into an output folder made beforehand does not call the manifest missing", async () => {
    const dir = project();
    fs.mkdirSync(path.join(dir, "gen"));
    fs.writeFileSync(path.join(dir, "gen", ".gitkeep"), "");
    const r = await runCliInProcess(["generate"], dir);
    expect({ code: r.code, stdout: r.stdout.replace(/ in \d+ ms/, "") }).toEqual({ code: 0, stdout: "odatagen: calls: 11 files in gen (11 written, 0 unchanged, 0 removed)\n" });
  });

  test.concurrent("runs through npm run generate -- --check in this repository", async () => {
    const r = await spawnLimited("npm", ["run", "--silent", "generate", "--", "--check"], { cwd: path.resolve(__dirname, ".."), env: { ...process.env, NO_COLOR: "1" }, timeoutMs: 0 });
    expect(r.stderr).not.toMatch(/Unknown argument/);
    expect(r.stdout + r.stderr).toMatch(/graph-callrecords: generated\/graph-callrecords (is up to date|.*differ)/);
  });
});

describe("--check and --dry-run", () => {
  test("list the same files in the same words: missing, changed, edited, removed", async () => {
    const dir = await generatedProject();
    const gen = path.join(dir, "gen");
    const spec = path.join(dir, "graph-callrecords.xml");
    fs.writeFileSync(spec, fs.readFileSync(spec, "utf8").replace('<Property Name="isTest" Type="Edm.Boolean" />', '<Property Name="isTest" Type="Edm.Boolean" />\n        <Property Name="label" Type="Edm.String" />'));
    fs.rmSync(path.join(gen, "runtime.ts"));
    fs.appendFileSync(path.join(gen, "edm.ts"), "// mine\n");
    const manifestFile = path.join(gen, ".odatagen-manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    manifest.files.push({ path: "old.types.ts", sha256: createHash("sha256").update("x").digest("hex"), size: 1 });
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    fs.writeFileSync(path.join(gen, "old.types.ts"), "x");

    const check = await runCliInProcess(["generate", "--check"], dir);
    const dry = await runCliInProcess(["generate", "--dry-run"], dir);
    expect([check.code, dry.code]).toEqual([1, 0]);
    // The check's list without its header, diffs and verdict is the dry run's list without its header.
    const checkList = check.stdout.split("\n").filter((l) => /^ {2}\S/.test(l));
    const dryList = dry.stdout.split("\n").filter((l) => /^ {2}\S/.test(l));
    expect(checkList).toEqual(dryList);
    expect(checkList.map((l) => l.trim().split(/ +/).slice(0, 2).join(" "))).toEqual([
      "missing runtime.ts",
      "changed microsoft.graph.callRecords.types.ts",
      "changed microsoft.graph.callRecords.validators.ts",
      "edited edm.ts",
      "removed old.types.ts",
    ]);
    expect(dry.stdout.split("\n")[0]).toBe("odatagen: calls: would write 4, remove 1, leave 7 unchanged in gen");
  });
});

describe("files in the output folder that odatagen did not write", () => {
  test("--check passes and --dry-run writes nothing, each naming them in a note; a run leaves them alone", async () => {
    const dir = await generatedProject();
    const gen = path.join(dir, "gen");
    fs.writeFileSync(path.join(gen, "NOTES.md"), "mine\n");
    fs.mkdirSync(path.join(gen, "extra"));
    fs.writeFileSync(path.join(gen, "extra", "helpers.ts"), "export {};\n");
    const note = "odatagen: calls: note: gen also holds 2 file(s) odatagen did not write, left alone and not checked: NOTES.md, extra/helpers.ts\n";

    const check = await runCliInProcess(["generate", "--check"], dir);
    expect({ code: check.code, stdout: check.stdout.replace(/ \(\d+ ms\)/, ""), stderr: check.stderr }).toEqual({ code: 0, stdout: `odatagen: calls: gen is up to date\n${note}`, stderr: "" });
    const dry = await runCliInProcess(["generate", "--dry-run"], dir);
    expect({ code: dry.code, stdout: dry.stdout }).toEqual({ code: 0, stdout: `odatagen: calls: would write 0, remove 0, leave 11 unchanged in gen\n${note}` });
    // Not a problem: --quiet leaves the note out.
    expect((await runCliInProcess(["generate", "--check", "--quiet"], dir))).toMatchObject({ code: 0, stdout: "" });
    // With differences too, the note follows the list.
    fs.rmSync(path.join(gen, "edm.ts"));
    const stale = await runCliInProcess(["generate", "--check"], dir);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain(`  missing  edm.ts\n${note}odatagen: --check: output is stale`);
    expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
    expect(fs.readFileSync(path.join(gen, "NOTES.md"), "utf8")).toBe("mine\n");
    expect(fs.readFileSync(path.join(gen, "extra", "helpers.ts"), "utf8")).toBe("export {};\n");
  });

  test("another service's output folder inside this one, and the copies of its edits, are not named in the note", async () => {
    const dir = project();
    copySpec("graph-beta-securitycopilot.xml", dir);
    writeJson(path.join(dir, "odatagen.config.json"), {
      services: [
        { name: "calls", input: "graph-callrecords.xml", out: "gen" },
        { name: "copilot", input: "graph-beta-securitycopilot.xml", out: "gen/copilot" },
      ],
    });
    expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
    const gen = path.join(dir, "gen");
    fs.appendFileSync(path.join(gen, "copilot", "edm.ts"), "// mine\n");
    expect((await runCliInProcess(["generate"], dir)).stderr).toContain("a copy kept as gen/.copilot.odatagen-edits/edm.ts.orig");
    fs.writeFileSync(path.join(gen, "NOTES.md"), "mine\n");

    for (const mode of ["--check", "--dry-run"]) {
      const r = await runCliInProcess(["generate", mode], dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("odatagen: calls: note: gen also holds 1 file(s) odatagen did not write, left alone and not checked: NOTES.md\n");
      expect(r.stdout).not.toMatch(/copilot: note/);
    }
  });
});

describe("generate --dry-run", () => {
  test("lists what would be written and writes nothing", async () => {
    const dir = project();
    const r = await runCliInProcess(["generate", "--dry-run"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/would write 11, remove 0, leave 0 unchanged/);
    expect(r.stdout).toMatch(/^ {2}missing {2}microsoft\.graph\.callRecords\.requests\.ts$/m);
    expect(fs.existsSync(path.join(dir, "gen"))).toBe(false);
  });
});

describe("incremental writes and the fast path", () => {
  test("an unchanged file keeps its mtime; a no-change run is answered from the manifest", async () => {
    const dir = await generatedProject();
    const gen = path.join(dir, "gen");
    const old = new Date("2020-01-01T00:00:00Z");
    for (const f of fs.readdirSync(gen)) fs.utimesSync(path.join(gen, f), old, old);

    const fast = await runCliInProcess(["generate"], dir);
    expect(fast.code).toBe(0);
    expect(fast.stdout).toMatch(/1 service up to date/);

    // A real regeneration after a spec edit rewrites only the files whose content changed.
    const spec = path.join(dir, "graph-callrecords.xml");
    fs.writeFileSync(spec, fs.readFileSync(spec, "utf8").replace('<Property Name="isTest" Type="Edm.Boolean" />', '<Property Name="isTest" Type="Edm.Boolean" />\n        <Property Name="label" Type="Edm.String" />'));
    const r = await runCliInProcess(["generate"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/calls: 11 files in gen \((\d+) written, (\d+) unchanged, 0 removed\)/);
    const written = Number(/\((\d+) written/.exec(r.stdout)![1]);
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(11);
    expect(fs.statSync(path.join(gen, "runtime.ts")).mtime.getTime()).toBe(old.getTime());
    expect(fs.statSync(path.join(gen, "microsoft.graph.callRecords.types.ts")).mtime.getTime()).not.toBe(old.getTime());
    expect(fs.readFileSync(path.join(gen, "microsoft.graph.callRecords.types.ts"), "utf8")).toMatch(/label\?: string \| null/);
  });

  test("with a stat cache (node_modules present), an edit that keeps size and mtime is still noticed", async () => {
    const dir = project();
    fs.mkdirSync(path.join(dir, "node_modules"));
    expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
    expect(fs.readdirSync(path.join(dir, "node_modules", ".cache", "odatagen")).filter((f) => !f.endsWith(".model.json") && !f.startsWith("config-"))).toHaveLength(1);
    expect((await runCliInProcess(["generate"], dir)).stdout).toMatch(/1 service up to date/);
    const edm = path.join(dir, "gen", "edm.ts");
    const good = fs.readFileSync(edm, "utf8");
    const st = fs.statSync(edm);
    fs.writeFileSync(edm, good.replace("export", "exPort"));
    fs.utimesSync(edm, st.atime, st.mtime);
    expect(fs.statSync(edm).size).toBe(st.size);
    const r = await runCliInProcess(["generate"], dir);
    expect(r.stdout).toMatch(/1 written, 10 unchanged/);
    expect(fs.readFileSync(edm, "utf8")).toBe(good);
    // The same for an input.
    const spec = path.join(dir, "graph-callrecords.xml");
    const sst = fs.statSync(spec);
    fs.writeFileSync(spec, fs.readFileSync(spec, "utf8").replace('Name="isTest"', 'Name="isTost"'));
    fs.utimesSync(spec, sst.atime, sst.mtime);
    expect((await runCliInProcess(["generate"], dir)).stdout).toMatch(/calls: 11 files in gen \([1-9]\d* written/);
    expect(fs.readFileSync(path.join(dir, "gen", "microsoft.graph.callRecords.types.ts"), "utf8")).toMatch(/isTost/);
  });

  test.concurrent("a no-change run loads neither yargs nor the XML parser nor handlebars", async () => {
    const dir = project();
    fs.mkdirSync(path.join(dir, "node_modules"));
    const tracer = path.join(dir, "trace.js");
    const log = path.join(dir, "loaded.txt");
    fs.writeFileSync(
      tracer,
      `const M = require("module"); const fs = require("fs"); const seen = new Set(); const load = M._load;
       M._load = function (req, ...rest) { seen.add(req); return load.call(this, req, ...rest); };
       process.on("exit", () => fs.writeFileSync(${JSON.stringify(log)}, [...seen].join("\\n")));`,
    );
    const heavy = /^(yargs|handlebars|fast-xml-parser)/m;
    expect((await runCliAsync(["generate"], dir, { NODE_OPTIONS: `--require ${tracer}` })).code).toBe(0);
    expect(fs.readFileSync(log, "utf8")).toMatch(heavy); // a real generation does load them
    const r = await runCliAsync(["generate"], dir, { NODE_OPTIONS: `--require ${tracer}` });
    expect(r.stdout).toMatch(/up to date/);
    expect(fs.readFileSync(log, "utf8")).not.toMatch(heavy);
  });

  test("a generated file edited by hand defeats the fast path and is restored", async () => {
    const dir = await generatedProject();
    const edm = path.join(dir, "gen", "edm.ts");
    const good = fs.readFileSync(edm, "utf8");
    fs.writeFileSync(edm, good + "// hand edit\n");
    const r = await runCliInProcess(["generate"], dir);
    expect(r.stdout).toMatch(/1 written, 10 unchanged/);
    expect(fs.readFileSync(edm, "utf8")).toBe(good);
  });
});
