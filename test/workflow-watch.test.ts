/** `generate --watch` through the real CLI: picks up edits, survives broken input, reports model changes. */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { exited, Output } from "./helpers/child";
import { BIN, copySpec, scratch, startCli, writeJson } from "./helpers/cli";

describe("generate --watch", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill("SIGKILL");
    child = undefined;
  });

  test("regenerates on an edit, keeps running after an error, and says what changed", async () => {
    const dir = scratch();
    const spec = copySpec("graph-callrecords.xml", dir);
    writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "calls", input: "graph-callrecords.xml", out: "gen" }] });
    child = startCli(["generate", "--watch"], dir, { ODATAGEN_WATCH_DEBOUNCE_MS: "100" });
    const out = new Output(child);
    await out.wait(/watching 2 file\(s\)/, 30000, 0);
    const types = path.join(dir, "gen", "microsoft.graph.callRecords.types.ts");
    expect(fs.readFileSync(types, "utf8")).not.toMatch(/roomName/);
    const original = fs.readFileSync(spec, "utf8");

    // 1. An edit (written twice quickly: one regeneration thanks to the debounce).
    let mark = out.text.length;
    const edited = original.replace('<Property Name="isTest" Type="Edm.Boolean" />', '<Property Name="isTest" Type="Edm.Boolean" />\n        <Property Name="roomName" Type="Edm.String" />');
    fs.writeFileSync(spec, edited.replace("roomName", "roomNam"));
    fs.writeFileSync(spec, edited);
    await out.wait(/regenerated in \d+ ms/, 30000, mark);
    let chunk = out.text.slice(mark);
    expect(chunk).toMatch(/changed: graph-callrecords\.xml/);
    expect(chunk).toMatch(/calls: \d+ written, \d+ unchanged, 0 removed in \d+ ms: .*microsoft\.graph\.callRecords\.types\.ts/);
    // As `odatagen diff` and a regeneration print them.
    expect(chunk).toContain("odatagen: calls: model changes: 1 change(s), 0 breaking; suggested bump: minor\n" +
      "  ok        added   property            microsoft.graph.callRecords.session/roomName: property added: Edm.String\n");
    expect(chunk.match(/regenerated in/g)).toHaveLength(1);
    expect(fs.readFileSync(types, "utf8")).toMatch(/roomName\?: string \| null/);

    // 2. A broken edit: diagnostics printed, output left alone, still watching.
    mark = out.text.length;
    fs.writeFileSync(spec, edited.replace('<Property Name="roomName" Type="Edm.String" />', '<Property Name="roomName" Type="microsoft.graph.callRecords.nowhere" />'));
    await out.wait(/failed \(the output was left as it was\) in \d+ ms/, 30000, mark);
    chunk = out.text.slice(mark);
    expect(chunk).not.toMatch(/regenerated in/);
    expect(chunk).toMatch(/graph-callrecords\.xml:\d+:\d+: error ODG\d+/);
    expect(chunk).toMatch(/calls: not generated; gen left as it was/);
    expect(fs.readFileSync(types, "utf8")).toMatch(/roomName\?: string \| null/);

    // 3. Fixed again, with the property removed: a breaking change, reported as such.
    mark = out.text.length;
    fs.writeFileSync(spec, original);
    await out.wait(/regenerated in \d+ ms/, 30000, mark);
    chunk = out.text.slice(mark);
    expect(chunk).toContain("  breaking  removed property            microsoft.graph.callRecords.session/roomName: property removed (was Edm.String)\n");
    expect(fs.readFileSync(types, "utf8")).not.toMatch(/roomName/);
    expect(child.exitCode).toBeNull();

    child.kill("SIGTERM");
    const code = await new Promise((resolve) => child!.on("exit", resolve));
    expect(code).toBe(0);
  });

  test("follows a spec folder that is replaced, or removed and made again", async () => {
    const dir = scratch();
    const specs = path.join(dir, "specs");
    fs.mkdirSync(specs);
    const spec = copySpec("graph-callrecords.xml", specs);
    const original = fs.readFileSync(spec, "utf8");
    const withProperty = (name: string) => original.replace('<Property Name="isTest" Type="Edm.Boolean" />', `<Property Name="isTest" Type="Edm.Boolean" />\n        <Property Name="${name}" Type="Edm.String" />`);
    const types = path.join(dir, "gen", "microsoft.graph.callRecords.types.ts");
    child = startCli(["generate", "--watch", "--input", "specs/graph-callrecords.xml", "--out", "gen"], dir, { ODATAGEN_WATCH_DEBOUNCE_MS: "100" });
    const out = new Output(child);
    await out.wait(/watching 1 file\(s\)/, 30000, 0);

    /** Does `change` to the files, then waits for `outcome` and for the generated types to hold `property`. */
    const after = async (change: () => void, property: string, outcome = /regenerated in \d+ ms/) => {
      const mark = out.text.length;
      change();
      await out.wait(outcome, 30000, mark);
      expect(fs.readFileSync(types, "utf8")).toMatch(new RegExp(`${property}\\?:`));
    };

    // Replaced, as a download into a fresh folder does: the new folder's file is read, and then its edits.
    await after(() => {
      fs.mkdirSync(path.join(dir, "specs.new"));
      fs.writeFileSync(path.join(dir, "specs.new", "graph-callrecords.xml"), withProperty("roomA"));
      fs.rmSync(specs, { recursive: true });
      fs.renameSync(path.join(dir, "specs.new"), specs);
    }, "roomA");
    await after(() => fs.writeFileSync(spec, withProperty("roomB")), "roomB");

    // Removed (the output stays as it was), then made again.
    await after(() => fs.rmSync(specs, { recursive: true }), "roomB", /failed \(the output was left as it was\)/);
    await after(() => {
      fs.mkdirSync(specs);
      fs.writeFileSync(spec, withProperty("roomC"));
    }, "roomC");

    // Removed and made again at once, so the new folder gets the old one's inode back: still followed.
    await after(() => {
      fs.rmSync(specs, { recursive: true });
      fs.mkdirSync(specs);
      fs.writeFileSync(spec, withProperty("roomD"));
    }, "roomD");
    await after(() => fs.writeFileSync(spec, withProperty("roomE")), "roomE");
  });

  test("follows an input that is a symlink: edits of its target, and the link pointed at another file", async () => {
    const dir = scratch();
    const shared = path.join(dir, "shared");
    const specs = path.join(dir, "specs");
    fs.mkdirSync(shared);
    fs.mkdirSync(specs);
    const target = copySpec("graph-callrecords.xml", shared);
    const original = fs.readFileSync(target, "utf8");
    const withProperty = (name: string) => original.replace('<Property Name="isTest" Type="Edm.Boolean" />', `<Property Name="isTest" Type="Edm.Boolean" />\n        <Property Name="${name}" Type="Edm.String" />`);
    const link = path.join(specs, "graph-callrecords.xml");
    fs.symlinkSync(path.join("..", "shared", "graph-callrecords.xml"), link);
    const types = path.join(dir, "gen", "microsoft.graph.callRecords.types.ts");
    child = startCli(["generate", "--watch", "--input", "specs/graph-callrecords.xml", "--out", "gen"], dir, { ODATAGEN_WATCH_DEBOUNCE_MS: "100" });
    const out = new Output(child);
    await out.wait(/watching 1 file\(s\)/, 30000, 0);
    const after = async (change: () => void, property: string) => {
      const mark = out.text.length;
      change();
      await out.wait(/regenerated in \d+ ms/, 30000, mark);
      expect(fs.readFileSync(types, "utf8")).toMatch(new RegExp(`${property}\\?:`));
    };

    // The target edited in place, and saved by renaming a new file over it (as editors and sed -i do).
    await after(() => fs.writeFileSync(target, withProperty("roomA")), "roomA");
    await after(() => {
      fs.writeFileSync(`${target}.tmp`, withProperty("roomB"));
      fs.renameSync(`${target}.tmp`, target);
    }, "roomB");
    // The link pointed at a file in another folder, then that file edited.
    const other = path.join(dir, "v2");
    fs.mkdirSync(other);
    await after(() => {
      fs.writeFileSync(path.join(other, "spec.xml"), withProperty("roomC"));
      fs.rmSync(link);
      fs.symlinkSync(path.join(other, "spec.xml"), link);
    }, "roomC");
    await after(() => fs.writeFileSync(path.join(other, "spec.xml"), withProperty("roomD")), "roomD");
    // The old target is no longer the input: editing it regenerates nothing.
    const mark = out.text.length;
    fs.writeFileSync(target, withProperty("roomE"));
    fs.writeFileSync(path.join(other, "spec.xml"), withProperty("roomF"));
    await out.wait(/regenerated in \d+ ms/, 30000, mark);
    expect(out.text.slice(mark)).toMatch(/^odatagen: changed: specs\/graph-callrecords\.xml\n/);
    expect(fs.readFileSync(types, "utf8")).toMatch(/roomF\?:/);
  });

  test.each(["json", "mjs"])("reloads the config (.%s) when it changes", async (ext) => {
    const dir = scratch();
    copySpec("graph-callrecords.xml", dir);
    copySpec("graph-beta-securitycopilot.xml", dir);
    const config = path.join(dir, `odatagen.config.${ext}`);
    const writeConfig = (file: string, value: unknown) =>
      ext === "json" ? writeJson(file, value) : fs.writeFileSync(file, `export default ${JSON.stringify(value)};\n`);
    writeConfig(config, { services: [{ name: "calls", input: "graph-callrecords.xml", out: "gen" }] });
    child = startCli(["generate", "--watch"], dir, { ODATAGEN_WATCH_DEBOUNCE_MS: "100" });
    const out = new Output(child);
    await out.wait(/watching 2 file\(s\)/, 30000, 0);
    let mark = out.text.length;
    writeConfig(config, { services: [{ name: "calls", input: "graph-callrecords.xml", out: "gen" }, { name: "copilot", input: "graph-beta-securitycopilot.xml", out: "gen2" }] });
    await out.wait(/watching 3 file\(s\)/, 30000, mark);
    expect(fs.existsSync(path.join(dir, "gen2", "index.ts"))).toBe(true);
    mark = out.text.length;
    writeConfig(config, { services: [{ name: "calls", input: "graph-callrecords.xml", out: 1 }] });
    await out.wait(/config not reloaded; still watching/, 30000, mark);
    expect(out.text.slice(mark)).toMatch(/services\[0\]\.out: expected a string/);
  });

  // The two Graph specs in a fresh folder, for a config of one service (ONE_SERVICE) or both (TWO_SERVICES).
  const ONE_SERVICE = { services: [{ name: "calls", input: "graph-callrecords.xml", out: "gen" }] };
  const TWO_SERVICES = { services: [{ name: "calls", input: "graph-callrecords.xml", out: "gen" }, { name: "copilot", input: "graph-beta-securitycopilot.xml", out: "gen2" }] };
  const twoSpecs = () => {
    const dir = scratch();
    copySpec("graph-callrecords.xml", dir);
    copySpec("graph-beta-securitycopilot.xml", dir);
    return dir;
  };
  /** `generate --watch` in `dir`, the config read again `settleMs` after it was found empty or missing, once it watches `files` files. */
  const watchConfig = async (dir: string, settleMs: number, files: number) => {
    child = startCli(["generate", "--watch"], dir, { ODATAGEN_WATCH_DEBOUNCE_MS: "100", ODATAGEN_WATCH_CONFIG_SETTLE_MS: String(settleMs) });
    const out = new Output(child);
    await out.wait(new RegExp(`watching ${files} file\\(s\\)`), 30000, 0);
    return out;
  };

  test.each([
    ["mjs", ""],
    ["json", " \n"],
  ])("a config (.%s) emptied before it is written (%j) waits for the write, and one that stays empty is reported", async (ext, blank) => {
    const dir = twoSpecs();
    const config = path.join(dir, `odatagen.config.${ext}`);
    const text = (value: unknown) => (ext === "json" ? `${JSON.stringify(value)}\n` : `export default ${JSON.stringify(value)};\n`);
    fs.writeFileSync(config, text(ONE_SERVICE));
    // A settle long enough that only the next write ends the wait (the test waits for output, not time).
    const out = await watchConfig(dir, 600000, 2);

    // Emptied, as an editor does before writing: no error, and the write that follows is read.
    let mark = out.text.length;
    fs.writeFileSync(config, blank);
    await out.wait(/is empty: read again when it is written/, 30000, mark);
    fs.writeFileSync(config, text(TWO_SERVICES));
    await out.wait(/watching 3 file\(s\)/, 30000, mark);
    expect(out.text.slice(mark)).not.toMatch(/config not reloaded|no default export|not valid JSON/);
    expect(fs.existsSync(path.join(dir, "gen2", "index.ts"))).toBe(true);
    child?.kill("SIGKILL");

    // With a short settle, a config still empty after it is read again and reported.
    const again = await watchConfig(dir, 200, 3);
    mark = again.text.length;
    fs.writeFileSync(config, blank);
    await again.wait(/config not reloaded; still watching/, 30000, mark);
    expect(again.text.slice(mark)).toMatch(/is empty: read again when it is written/);
    // Read once settled, which no change ended: said so, not as a change of its own.
    expect(again.text.slice(mark)).toMatch(new RegExp(`odatagen\\.config\\.${ext} is still empty after 200 ms: read as it is\n`));
    expect(again.text.slice(mark)).not.toMatch(/changed: odatagen\.config\.\w+\n/);
  });

  /** The two Graph specs and a one-service config, watched with a settle time of ten minutes. */
  async function watchLongSettle() {
    const dir = twoSpecs();
    const config = path.join(dir, "odatagen.config.json");
    const spec = path.join(dir, "graph-callrecords.xml");
    writeJson(config, ONE_SERVICE);
    const out = await watchConfig(dir, 600000, 2);
    return { dir, config, spec, out, mark: out.text.length };
  }

  test.each([
    ["emptied", "empty", (config: string) => fs.writeFileSync(config, "")],
    ["deleted", "missing", (config: string) => fs.rmSync(config)],
  ])("a config %s during a save still waits for its write when another input is saved meanwhile", async (_how, gap, unwrite) => {
    // A settle long enough that only the config's write can end the wait (the test waits for output, not time).
    const { dir, config, spec, out, mark } = await watchLongSettle();
    unwrite(config);
    await out.wait(new RegExp(`odatagen\\.config\\.json is ${gap}: read again when it is written`), 30000, mark);

    // A spec saved meanwhile, as an editor's "save all" does: it waits with the config, which is not read yet.
    const original = fs.readFileSync(spec, "utf8");
    fs.writeFileSync(spec, original.replace('<Property Name="isTest" Type="Edm.Boolean" />', '<Property Name="isTest" Type="Edm.Boolean" />\n        <Property Name="roomName" Type="Edm.String" />'));
    await out.wait(/still waiting for|config not reloaded/, 30000, mark);
    expect(out.text.slice(mark)).toMatch(new RegExp(`changed: graph-callrecords\\.xml; still waiting for odatagen\\.config\\.json \\(${gap}\\) to be written\n`));

    // The config's write ends the wait: one round reads it and regenerates both.
    writeJson(config, TWO_SERVICES);
    await out.wait(/watching 3 file\(s\)/, 30000, mark);
    const said = out.text.slice(mark);
    expect(said).not.toMatch(/config not reloaded|cannot read the config file|not valid JSON/);
    // Said as the config was found, as the spec waited, and as the round read both.
    expect(said.match(/changed: .*/g)).toEqual([
      `changed: odatagen.config.json; odatagen.config.json is ${gap}: read again when it is written (or in 600000 ms)`,
      `changed: graph-callrecords.xml; still waiting for odatagen.config.json (${gap}) to be written`,
      "changed: odatagen.config.json, graph-callrecords.xml",
    ]);
    expect(fs.readFileSync(path.join(dir, "gen", "microsoft.graph.callRecords.types.ts"), "utf8")).toMatch(/roomName\?: string \| null/);
    expect(fs.existsSync(path.join(dir, "gen2", "index.ts"))).toBe(true);
  });

  test("Ctrl+C during a config's settle wait, with another input saved meanwhile, ends the watch at once: nothing waits for the settle time", async () => {
    // Ten minutes: were the signal to wait for it, the test would time out.
    const { config, spec, out, mark } = await watchLongSettle();
    fs.writeFileSync(config, "");
    await out.wait(/odatagen\.config\.json is empty: read again when it is written/, 30000, mark);
    fs.appendFileSync(spec, "\n");
    await out.wait(/still waiting for odatagen\.config\.json \(empty\)/, 30000, mark);
    const exited = new Promise((resolve) => child!.on("exit", resolve));
    child!.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(out.text.slice(mark)).not.toMatch(/config not reloaded|regenerated/);
  });

  test("a config deleted before it is written again waits for the write, and one that stays missing is reported once", async () => {
    const dir = twoSpecs();
    const config = path.join(dir, "odatagen.config.json");
    writeJson(config, ONE_SERVICE);
    // A settle long enough that only the next write ends the wait (the test waits for output, not time).
    const out = await watchConfig(dir, 600000, 2);

    // Deleted, as an editor does before writing the new one: no error, and the write is read.
    let mark = out.text.length;
    fs.rmSync(config);
    await out.wait(/odatagen\.config\.json is missing: read again when it is written/, 30000, mark);
    writeJson(config, TWO_SERVICES);
    await out.wait(/watching 3 file\(s\)/, 30000, mark);
    expect(out.text.slice(mark)).not.toMatch(/config not reloaded|cannot read the config file/);
    expect(fs.existsSync(path.join(dir, "gen2", "index.ts"))).toBe(true);
    child?.kill("SIGKILL");

    // With a short settle, a config still missing after it is read again and reported, once; its
    // write after that is read as any change.
    const again = await watchConfig(dir, 200, 3);
    mark = again.text.length;
    fs.rmSync(config);
    await again.wait(/config not reloaded; still watching/, 30000, mark);
    writeJson(config, ONE_SERVICE);
    await again.wait(/watching 2 file\(s\)/, 30000, mark);
    const said = again.text.slice(mark);
    expect(said).toMatch(/is missing: read again when it is written \(or in 200 ms\)\n/);
    expect(said).toMatch(/odatagen\.config\.json is still missing after 200 ms: read as it is\n/);
    expect(said.match(/cannot read the config file: no such file/g)).toHaveLength(1);
  });

  test("a save that changes no byte (touch, an editor's save without an edit) says the output is up to date, and writes nothing", async () => {
    const dir = scratch();
    const spec = copySpec("graph-callrecords.xml", dir);
    const config = path.join(dir, "odatagen.config.json");
    writeJson(config, { services: [{ name: "calls", input: "graph-callrecords.xml", out: "gen" }] });
    child = startCli(["generate", "--watch"], dir, { ODATAGEN_WATCH_DEBOUNCE_MS: "100" });
    const out = new Output(child);
    await out.wait(/watching 2 file\(s\)/, 30000, 0);
    const manifest = fs.statSync(path.join(dir, "gen", ".odatagen-manifest.json")).mtimeMs;
    const now = new Date();
    for (const [file, name] of [[spec, "graph-callrecords.xml"], [config, "odatagen.config.json"]]) {
      const mark = out.text.length;
      fs.utimesSync(file, now, now);
      await out.wait(/odatagen: (up to date|regenerated|failed)[^\n]*\n/, 30000, mark);
      expect(out.text.slice(mark)).toMatch(new RegExp(`^odatagen: changed: ${name.replace(/\./g, "\\.")}\nodatagen: up to date \\(no input's content or option changed\\) in \\d+ ms; watching 2 file\\(s\\) for changes \\(Ctrl\\+C stops\\)\n$`));
    }
    // The same bytes written again, as an editor's save with no edit does: the same.
    const mark = out.text.length;
    fs.writeFileSync(spec, fs.readFileSync(spec));
    await out.wait(/odatagen: (up to date|regenerated|failed)[^\n]*\n/, 30000, mark);
    expect(out.text.slice(mark)).toMatch(/odatagen: up to date \(no input's content or option changed\)/);
    expect(fs.statSync(path.join(dir, "gen", ".odatagen-manifest.json")).mtimeMs).toBe(manifest);
  });

  test("a closed standard input does not stop the watch (a tool stops it with SIGTERM, exit 0)", async () => {
    const dir = scratch();
    const spec = copySpec("graph-callrecords.xml", dir);
    writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "calls", input: "graph-callrecords.xml", out: "gen" }] });
    child = spawn(process.execPath, [BIN, "generate", "--watch"], { cwd: dir, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ODATAGEN_WATCH_DEBOUNCE_MS: "100" }, stdio: ["pipe", "pipe", "pipe"] });
    const out = new Output(child);
    const done = exited(child, out);
    await out.wait(/watching 2 file\(s\)/, 30000, 0);
    child.stdin!.end();
    const mark = out.text.length;
    fs.writeFileSync(spec, fs.readFileSync(spec, "utf8").replace('<Property Name="isTest" Type="Edm.Boolean" />', '<Property Name="isTest" Type="Edm.Boolean" />\n        <Property Name="roomName" Type="Edm.String" />'));
    await out.wait(/regenerated in \d+ ms/, 30000, mark);
    expect(fs.readFileSync(path.join(dir, "gen", "microsoft.graph.callRecords.types.ts"), "utf8")).toMatch(/roomName\?:/);
    child.kill("SIGTERM");
    expect((await done).code).toBe(0);
  });
});
