/**
 * A generated file edited by hand: the real run says so on stderr and keeps the edited copy beside
 * the output folder before it overwrites or removes the file; `--check` and `--dry-run` list it as
 * `edited`, apart from files that changed because the spec did.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { copySpec, scratch, snapshot } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";

const GEN = ["generate", "--input", "graph-callrecords.xml", "--out", "gen"];
const EDITS = ".gen.odatagen-edits";

/** A folder where the CLI generated the spec into gen: made once for the file. */
let once: Promise<string> | undefined;

/** A copy of that folder (the same layout, so its manifest describes it as the CLI left it). */
async function generated(): Promise<string> {
  once ??= (async () => {
    const dir = scratch();
    copySpec("graph-callrecords.xml", dir);
    expect((await runCliInProcess(GEN, dir)).code).toBe(0);
    return dir;
  })();
  const dir = scratch();
  fs.cpSync(await once, dir, { recursive: true });
  return dir;
}

const addProperty = (t: string) => t.replace('<Property Name="isTest" Type="Edm.Boolean" />', '<Property Name="isTest" Type="Edm.Boolean" />\n        <Property Name="label" Type="Edm.String" />');

describe("a generated file edited by hand", () => {
  test("the real run warns, keeps the edited copy as <file>.orig beside the output, and restores the file", async () => {
    const dir = await generated();
    const edm = path.join(dir, "gen", "edm.ts");
    const good = fs.readFileSync(edm, "utf8");
    fs.writeFileSync(edm, good + "// my fix\n");
    const editedAt = fs.statSync(edm).mtimeMs;

    const r = await runCliInProcess(GEN, dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^odatagen: gen: 11 files in gen \(1 written, 10 unchanged, 0 removed\) in \d+ ms\n$/);
    expect(r.stderr).toBe(`odatagen: gen/edm.ts was edited since the last run; the edit is overwritten, a copy kept as ${EDITS}/edm.ts.orig\n`);
    expect(fs.readFileSync(edm, "utf8")).toBe(good);
    const copy = path.join(dir, EDITS, "edm.ts.orig");
    expect(fs.readFileSync(copy, "utf8")).toBe(good + "// my fix\n");
    // The edit's time is kept (to the millisecond, as utimes sets it).
    expect(Math.abs(fs.statSync(copy).mtimeMs - editedAt)).toBeLessThan(1);
    // Outside the output folder: the check passes, and the output holds only what odatagen wrote.
    expect((await runCliInProcess([...GEN, "--check"], dir)).code).toBe(0);
    expect(fs.readdirSync(path.join(dir, "gen"))).not.toContain("edm.ts.orig");

    // Another, different edit: kept too, numbered; the first copy stays. The same edit again is not copied twice.
    fs.writeFileSync(edm, good + "// second fix\n");
    expect((await runCliInProcess(GEN, dir)).stderr).toMatch(`a copy kept as ${EDITS}/edm.ts.2.orig\n`);
    fs.writeFileSync(edm, good + "// my fix\n");
    expect((await runCliInProcess(GEN, dir)).stderr).toMatch(`a copy kept as ${EDITS}/edm.ts.orig\n`);
    expect(fs.readdirSync(path.join(dir, EDITS)).sort()).toEqual(["edm.ts.2.orig", "edm.ts.orig"]);
    expect(fs.readFileSync(copy, "utf8")).toBe(good + "// my fix\n");
    expect(fs.readFileSync(path.join(dir, EDITS, "edm.ts.2.orig"), "utf8")).toBe(good + "// second fix\n");
  });

  test("a file that changed because the spec did is rewritten without a warning or a copy", async () => {
    const dir = await generated();
    copySpec("graph-callrecords.xml", dir, addProperty);
    const r = await runCliInProcess(GEN, dir);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/\([1-9]\d* written/);
    expect(fs.existsSync(path.join(dir, EDITS))).toBe(false);
  });

  test("--check and --dry-run list an edited file as edited, a file the spec changed as changed, and write nothing", async () => {
    const dir = await generated();
    copySpec("graph-callrecords.xml", dir, addProperty);
    const edm = path.join(dir, "gen", "edm.ts");
    fs.writeFileSync(edm, fs.readFileSync(edm, "utf8").replace("export type GeoJson", "export type GeoJSON"));
    const before = snapshot(dir);

    const check = await runCliInProcess([...GEN, "--check"], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^ {2}changed {2}microsoft\.graph\.callRecords\.types\.ts$/m);
    expect(check.stdout).toContain(`  edited   edm.ts (edited since odatagen wrote it; \`odatagen generate\` overwrites it, keeping a copy in ${EDITS})\n`);
    expect(check.stdout).toMatch(/- export type GeoJSON/);
    expect(check.stdout).not.toMatch(/changed {2}edm\.ts/);

    const dry = await runCliInProcess([...GEN, "--dry-run"], dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`  edited   edm.ts (edited since odatagen wrote it; \`odatagen generate\` overwrites it, keeping a copy in ${EDITS})\n`);
    expect(dry.stdout).not.toMatch(/chang\w* +edm\.ts/);
    expect(snapshot(dir)).toEqual(before);
  });

  test("an edited file the run removes (no longer generated) is kept too, and said so", async () => {
    const dir = await generated();
    const manifestFile = path.join(dir, "gen", ".odatagen-manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    // As odatagen wrote it: "x" (sha256 of "x"); on disk now: edited.
    manifest.files.push({ path: "old.types.ts", sha256: "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881", size: 1 });
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    fs.writeFileSync(path.join(dir, "gen", "old.types.ts"), "x, edited");

    const check = await runCliInProcess([...GEN, "--check"], dir);
    expect(check.stdout).toContain(`  edited   old.types.ts (edited since odatagen wrote it, and no longer generated; \`odatagen generate\` removes it, keeping a copy in ${EDITS})\n`);
    expect(check.stdout).not.toMatch(/removed {2}old\.types\.ts/);

    // --no-clean keeps the file: nothing is overwritten, nothing said.
    const kept = await runCliInProcess([...GEN, "--no-clean"], dir);
    expect(kept.stderr).not.toMatch(/edited/);
    expect(fs.existsSync(path.join(dir, EDITS))).toBe(false);

    const r = await runCliInProcess(GEN, dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 removed\)/);
    expect(r.stderr).toBe(`odatagen: gen/old.types.ts was edited since the last run; it is removed (no longer generated), a copy kept as ${EDITS}/old.types.ts.orig\n`);
    expect(fs.existsSync(path.join(dir, "gen", "old.types.ts"))).toBe(false);
    expect(fs.readFileSync(path.join(dir, EDITS, "old.types.ts.orig"), "utf8")).toBe("x, edited");
  });

  test("an output folder reached through a symlink keeps the copies beside the folder it leads to, and --dry-run says where", async () => {
    const dir = scratch();
    copySpec("graph-callrecords.xml", dir);
    fs.mkdirSync(path.join(dir, "real", "gen"), { recursive: true });
    fs.symlinkSync("real/gen", path.join(dir, "gen"));
    expect((await runCliInProcess(GEN, dir)).code).toBe(0);
    fs.appendFileSync(path.join(dir, "gen", "edm.ts"), "// mine\n");
    expect((await runCliInProcess([...GEN, "--dry-run"], dir)).stdout).toContain("keeping a copy in real/.gen.odatagen-edits)\n");
    expect((await runCliInProcess(GEN, dir)).stderr).toBe("odatagen: gen/edm.ts was edited since the last run; the edit is overwritten, a copy kept as real/.gen.odatagen-edits/edm.ts.orig\n");
    expect(fs.readFileSync(path.join(dir, "real", ".gen.odatagen-edits", "edm.ts.orig"), "utf8")).toMatch(/\/\/ mine\n$/);
    expect(fs.lstatSync(path.join(dir, "gen")).isSymbolicLink()).toBe(true);
  });

  test("a file whose line ends are CRLF (git's core.autocrlf) is not taken for an edit", async () => {
    const dir = await generated();
    const edm = path.join(dir, "gen", "edm.ts");
    fs.writeFileSync(edm, fs.readFileSync(edm, "utf8").replace(/\n/g, "\r\n"));
    const check = await runCliInProcess([...GEN, "--check"], dir);
    expect(check.stdout).toMatch(/^ {2}changed {2}edm\.ts$/m);
    expect(check.stdout).not.toMatch(/edited/);
    const r = await runCliInProcess(GEN, dir);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(fs.existsSync(path.join(dir, EDITS))).toBe(false);
  });

  test("with the stat cache (node_modules present), an edit is still found, and an untouched file is not", async () => {
    const dir = scratch();
    copySpec("graph-callrecords.xml", dir);
    fs.mkdirSync(path.join(dir, "node_modules"));
    expect((await runCliInProcess(GEN, dir)).code).toBe(0);
    const edm = path.join(dir, "gen", "edm.ts");
    fs.writeFileSync(edm, fs.readFileSync(edm, "utf8") + "// mine\n");
    copySpec("graph-callrecords.xml", dir, addProperty);
    const r = await runCliInProcess(GEN, dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`odatagen: gen/edm.ts was edited since the last run; the edit is overwritten, a copy kept as ${EDITS}/edm.ts.orig\n`);
    expect(fs.readdirSync(path.join(dir, EDITS))).toEqual(["edm.ts.orig"]);
  });
});
