/** The swap and its recovery, on a real folder: each state a kill can leave is brought back to a complete one. */
import * as fs from "node:fs";
import * as path from "node:path";
import { backupDir, recover, replaceOutput, stagingDir } from "../generator/write/stage";
import { InterruptedError, noCheckpoint } from "../generator/write/interrupt";
import { lockFile, withOutputLock } from "../generator/write/lock";
import { MANIFEST, readManifest, writeOutput } from "../generator/write/write";
import { scratch, snapshot } from "./helpers/cli";

function folder(files: Record<string, string>, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [f, c] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), c);
}

/** Symlinks and a literal "/" root: POSIX only (skipped, and reported so, on Windows). */
const posixTest = process.platform === "win32" ? test.skip : test;
const text = (snap: Map<string, Buffer>) => Object.fromEntries([...snap].map(([k, v]) => [k, v.toString()]));

describe("recover()", () => {
  test("killed between the renames (no output, complete backup): the backup is put back", () => {
    const out = path.join(scratch(), "gen");
    folder({ "a.ts": "old" }, backupDir(out));
    folder({ "a.ts": "new", ".odatagen-manifest.json": "{}" }, stagingDir(out));
    expect(recover(out)).toBe("restored-backup");
    expect(text(snapshot(out))).toEqual({ "a.ts": "old" });
    expect(fs.existsSync(backupDir(out)) || fs.existsSync(stagingDir(out))).toBe(false);
  });

  test("killed after the swap, while removing the backup: the new output stays, the backup goes", () => {
    const out = path.join(scratch(), "gen");
    folder({ "a.ts": "new" }, out);
    folder({ "a.ts": "old" }, backupDir(out));
    expect(recover(out)).toBe("removed-leftovers");
    expect(text(snapshot(out))).toEqual({ "a.ts": "new" });
    expect(fs.existsSync(backupDir(out))).toBe(false);
  });

  test("killed while staging: the half-built staging folder is removed, the output untouched", () => {
    const out = path.join(scratch(), "gen");
    folder({ "a.ts": "old" }, out);
    folder({ "a.t": "half" }, stagingDir(out));
    expect(recover(out)).toBe("removed-leftovers");
    expect(text(snapshot(out))).toEqual({ "a.ts": "old" });
    expect(recover(out)).toBe("none");
  });
});

describe("replaceOutput()", () => {
  test("links unchanged and hand-written files (same inode and mtime), writes changed ones, drops stale ones", () => {
    const out = path.join(scratch(), "gen");
    folder({ "same.ts": "same", "changed.ts": "before", "stale.ts": "stale", "mine.ts": "mine" }, out);
    const old = new Date("2021-02-03T04:05:06Z");
    for (const f of fs.readdirSync(out)) fs.utimesSync(path.join(out, f), old, old);
    const inode = (f: string) => fs.statSync(path.join(out, f)).ino;
    const before = { same: inode("same.ts"), mine: inode("mine.ts") };
    replaceOutput(out, {
      files: new Map([["same.ts", "same"], ["changed.ts", "after"], ["added.ts", "added"]]),
      unchanged: new Set(["same.ts"]),
      drop: new Set(["stale.ts"]),
      manifest: "{}\n",
    });
    expect(text(snapshot(out))).toEqual({ "same.ts": "same", "changed.ts": "after", "added.ts": "added", "mine.ts": "mine", ".odatagen-manifest.json": "{}\n" });
    expect(inode("same.ts")).toBe(before.same);
    expect(inode("mine.ts")).toBe(before.mine);
    expect(fs.statSync(path.join(out, "same.ts")).mtime.getTime()).toBe(old.getTime());
    expect(fs.statSync(path.join(out, "changed.ts")).mtime.getTime()).not.toBe(old.getTime());
    expect(fs.readdirSync(path.dirname(out))).toEqual(["gen"]);
  });

  test("leaves out the lock of an output inside this one (its writer's alone), keeping that output", () => {
    const out = path.join(scratch(), "gen");
    folder({ "b.ts": "inner" }, path.join(out, "inner"));
    folder({ "a.ts": "old", ".inner.odatagen-lock": "123 456", ".inner.123-0-abcd.odatagen-lock": "123 456" }, out);
    replaceOutput(out, { files: new Map([["a.ts", "new"]]), unchanged: new Set(), drop: new Set(), manifest: "{}\n" });
    expect(text(snapshot(out))).toEqual({ "a.ts": "new", "inner/b.ts": "inner", ".odatagen-manifest.json": "{}\n" });
  });

  test("when the file system refuses a write, the error is thrown and the old output stays, with no staging folder", () => {
    const out = path.join(scratch(), "gen");
    folder({ "a.ts": "old" }, out);
    // "a.ts/b.ts" needs a folder where the new output has a file: writing it fails with ENOTDIR or EEXIST.
    const files = new Map([["a.ts", "new"], ["a.ts/b.ts", "x"]]);
    expect(() => replaceOutput(out, { files, unchanged: new Set(), drop: new Set(), manifest: "{}\n" })).toThrow(/ENOTDIR|EEXIST/);
    expect(text(snapshot(out))).toEqual({ "a.ts": "old" });
    expect(fs.readdirSync(path.dirname(out))).toEqual(["gen"]);
  });
});

describe("replaceOutput() keeps what the swap would lose", () => {
  test("folders of the user's in the output keep their mode (sticky bit too), owner and times; the output folder its mode", () => {
    const out = path.join(scratch(), "gen");
    folder({ "a.ts": "old" }, out);
    folder({ key: "secret" }, path.join(out, "priv", "inner"));
    fs.mkdirSync(path.join(out, "shared"));
    const old = new Date("2020-01-02T03:04:05Z");
    const root = process.getuid?.() === 0;
    if (root) fs.chownSync(path.join(out, "priv"), 65534, 65534);
    fs.chmodSync(path.join(out, "priv", "inner"), 0o750);
    fs.chmodSync(path.join(out, "priv"), 0o700);
    fs.chmodSync(path.join(out, "shared"), 0o1777);
    for (const d of ["priv/inner", "priv", "shared"]) fs.utimesSync(path.join(out, d), old, old);
    fs.chmodSync(out, 0o750);
    const meta = (d: string) => {
      const st = fs.statSync(path.join(out, d));
      return { mode: (st.mode & 0o7777).toString(8), uid: st.uid, mtime: d ? st.mtime.getTime() : 0 };
    };
    const before = ["", "priv", "priv/inner", "shared"].map(meta);
    replaceOutput(out, { files: new Map([["a.ts", "new"]]), unchanged: new Set(), drop: new Set(), manifest: "{}\n" });
    expect(fs.readFileSync(path.join(out, "a.ts"), "utf8")).toBe("new");
    expect(fs.readFileSync(path.join(out, "priv", "inner", "key"), "utf8")).toBe("secret");
    expect(["", "priv", "priv/inner", "shared"].map(meta)).toEqual(before);
    expect(before.map((m) => m.mode)).toEqual(["750", "700", "750", "1777"]);
    if (root) expect(before[1].uid).toBe(65534);
  });

  test("when the output folder cannot be moved aside (a mount point: EBUSY), the error is thrown, the output stays, no staging folder is left", () => {
    const out = path.join(scratch(), "gen");
    folder({ "a.ts": "old" }, out);
    // The module object itself (the namespace import's properties cannot be redefined).
    const nodeFs = require("node:fs") as typeof fs;
    const rename = nodeFs.renameSync;
    const spy = jest.spyOn(nodeFs, "renameSync").mockImplementation((from, to) => {
      if (from === out) throw Object.assign(new Error(`EBUSY: resource busy or locked, rename '${out}'`), { code: "EBUSY", syscall: "rename" });
      rename(from, to);
    });
    try {
      expect(() => replaceOutput(out, { files: new Map([["a.ts", "new"]]), unchanged: new Set(), drop: new Set(), manifest: "{}\n" })).toThrow(/EBUSY/);
    } finally {
      spy.mockRestore();
    }
    expect(text(snapshot(out))).toEqual({ "a.ts": "old" });
    expect(fs.readdirSync(path.dirname(out))).toEqual(["gen"]);
  });
});

test("the home folder, or one above it, is refused as an output folder (exit 2): it would be replaced as a whole", () => {
  const { runCli, copySpec } = require("./helpers/cli") as typeof import("./helpers/cli");
  const dir = scratch();
  const home = path.join(dir, "home", "me");
  const work = path.join(dir, "work");
  fs.mkdirSync(path.join(home, "docs"), { recursive: true });
  fs.mkdirSync(work);
  copySpec("graph-callrecords.xml", work, undefined, "spec.xml");
  for (const out of [home, path.join(dir, "home")]) {
    const r = runCli(["generate", "-i", "spec.xml", "-o", out], work, { HOME: home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is your home folder or above it; give generated code a folder of its own/);
  }
  expect(fs.readdirSync(home)).toEqual(["docs"]);
  expect(runCli(["generate", "-q", "-i", "spec.xml", "-o", path.join(home, "gen")], work, { HOME: home }).code).toBe(0);
});

posixTest("an output folder that leads through a symlink to the folder above the working folder, or to the home folder, is refused as they are (exit 2), nothing written", () => {
  const { runCli, copySpec } = require("./helpers/cli") as typeof import("./helpers/cli");
  const dir = fs.realpathSync(scratch());
  const home = path.join(dir, "home");
  const work = path.join(dir, "work");
  fs.mkdirSync(home);
  fs.mkdirSync(work);
  copySpec("graph-callrecords.xml", work, undefined, "spec.xml");
  fs.symlinkSync("..", path.join(work, "up"));
  fs.symlinkSync(home, path.join(work, "me"));
  fs.symlinkSync("/", path.join(work, "slash"));
  const viaRoot = path.join("slash", path.relative("/", dir));
  for (const [out, why] of [
    ["up", `leads through a symlink to ${dir}, which is the working folder or above it`],
    ["me", `leads through a symlink to ${home}, which is your home folder or above it`],
    [viaRoot, `leads through a symlink to ${dir}, which is the working folder or above it`],
  ]) {
    const r = runCli(["generate", "-i", "spec.xml", "-o", out!], work, { HOME: home });
    expect({ out, code: r.code, stderr: r.stderr }).toEqual({ out, code: 2, stderr: `odatagen: ${path.basename(out!)}: output folder ${out} ${why}; give generated code a folder of its own\n` });
  }
  expect(fs.readdirSync(dir).sort()).toEqual(["home", "work"]);
  expect(fs.readdirSync(home)).toEqual([]);
  expect(fs.readdirSync(work).sort()).toEqual(["me", "slash", "spec.xml", "up"]);
});

posixTest("an output folder that is a symlink to the folder holding the spec is refused as that folder is; a home folder named through a link is refused by its real path (exit 2)", () => {
  const { runCli, copySpec } = require("./helpers/cli") as typeof import("./helpers/cli");
  const dir = fs.realpathSync(scratch());
  const work = path.join(dir, "work");
  const specs = path.join(dir, "specs");
  const home = path.join(dir, "home");
  for (const d of [work, specs, home]) fs.mkdirSync(d);
  copySpec("graph-callrecords.xml", specs, undefined, "spec.xml");
  fs.symlinkSync(specs, path.join(work, "link"));
  fs.symlinkSync(home, path.join(dir, "homelink"));
  const spec = path.join(specs, "spec.xml");
  const viaLink = runCli(["generate", "-i", spec, "-o", "link"], work);
  expect({ code: viaLink.code, stderr: viaLink.stderr }).toEqual({ code: 2, stderr: `odatagen: link: output folder link leads through a symlink to ${specs}, which holds an input or the config file; give generated code a folder of its own\n` });
  const realHome = runCli(["generate", "-i", spec, "-o", home], work, { HOME: path.join(dir, "homelink") });
  expect({ code: realHome.code, stderr: realHome.stderr }).toEqual({ code: 2, stderr: `odatagen: home: output folder ${home} is your home folder or above it (where it really is, through a symlink); give generated code a folder of its own\n` });
  expect(fs.readdirSync(specs)).toEqual(["spec.xml"]);
  expect(fs.readdirSync(home)).toEqual([]);
});

test("an output folder reached through a symlink is replaced where it is; the link stays", async () => {
  const { copySpec } = require("./helpers/cli") as typeof import("./helpers/cli");
  const { runCliInProcess } = require("./helpers/cli-in-process") as typeof import("./helpers/cli-in-process");
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir);
  fs.mkdirSync(path.join(dir, "real"));
  fs.symlinkSync("real", path.join(dir, "gen"));
  expect((await runCliInProcess(["generate", "-i", "graph-callrecords.xml", "-o", "gen"], dir)).code).toBe(0);
  expect(fs.lstatSync(path.join(dir, "gen")).isSymbolicLink()).toBe(true);
  expect(fs.existsSync(path.join(dir, "real", "index.ts"))).toBe(true);
  const spec = path.join(dir, "graph-callrecords.xml");
  fs.writeFileSync(spec, fs.readFileSync(spec, "utf8").replace('Name="isTest"', 'Name="isTrial"'));
  expect((await runCliInProcess(["generate", "-i", "graph-callrecords.xml", "-o", "gen"], dir)).code).toBe(0);
  expect(fs.lstatSync(path.join(dir, "gen")).isSymbolicLink()).toBe(true);
  expect(fs.readFileSync(path.join(dir, "real", "microsoft.graph.callRecords.types.ts"), "utf8")).toMatch(/isTrial/);
  expect(fs.readdirSync(dir).sort()).toEqual(["gen", "graph-callrecords.xml", "real"]);
});

test("an output symlink whose folder does not exist yet (a fresh checkout) gets it made where the link leads, as --dry-run says", async () => {
  const { copySpec } = require("./helpers/cli") as typeof import("./helpers/cli");
  const { runCliInProcess } = require("./helpers/cli-in-process") as typeof import("./helpers/cli-in-process");
  const dir = scratch();
  copySpec("graph-callrecords.xml", dir);
  fs.symlinkSync(path.join("shared", "gen"), path.join(dir, "gen"));
  fs.symlinkSync("gen", path.join(dir, "link"));
  const dry = await runCliInProcess(["generate", "-i", "graph-callrecords.xml", "-o", "link", "--dry-run"], dir);
  expect(dry).toMatchObject({ code: 0, stderr: "" });
  const r = await runCliInProcess(["generate", "-i", "graph-callrecords.xml", "-o", "link"], dir);
  expect(r).toMatchObject({ code: 0, stderr: "" });
  expect(r.stdout).toContain("11 files in link (11 written");
  expect(fs.lstatSync(path.join(dir, "link")).isSymbolicLink()).toBe(true);
  expect(fs.lstatSync(path.join(dir, "gen")).isSymbolicLink()).toBe(true);
  expect(fs.existsSync(path.join(dir, "shared", "gen", "index.ts"))).toBe(true);
  expect(fs.readdirSync(path.join(dir, "shared"))).toEqual(["gen"]);
  expect((await runCliInProcess(["generate", "-i", "graph-callrecords.xml", "-o", "link", "--check"], dir)).code).toBe(0);
});

test("writeOutput refuses a file name that is not a plain name in the output folder, before writing anything", () => {
  const out = path.join(scratch(), "gen");
  for (const rel of ["../outside.ts", "sub/inner.ts", "..", "a\\b.ts"])
    expect(() => writeOutput(out, new Map([["ok.ts", "x"], [rel, "x"]]))).toThrow(/not a file name inside the output folder/);
  expect(fs.readdirSync(path.dirname(out))).toEqual([]);
});

test("a damaged manifest is read as no manifest, or without its bad entries, never as an error", () => {
  const out = path.join(scratch(), "gen");
  fs.mkdirSync(out);
  const read = (text: string) => {
    fs.writeFileSync(path.join(out, MANIFEST), text);
    return readManifest(out);
  };
  for (const text of ["", "garbage", "null", "7", '"s"', "[]", '{"files":"x"}', '{"generator":"other","files":[]}']) expect({ text, m: read(text) }).toEqual({ text, m: undefined });
  const m = read('{"generator":"odatagen","files":["a.ts",{"path":"../x.ts"},{"path":null},{"path":"b.ts","size":2}],"inputs":[null,1,{"file":3},{"file":"s.xml","sha256":"ab"}],"options":null}');
  expect(m?.files.map((f) => f.path)).toEqual(["a.ts", "b.ts"]);
  expect(m?.inputs).toEqual([{ file: "s.xml", sha256: "ab" }]);
});

describe("the output lock", () => {
  test("a young empty lock (an older odatagen's, between creating it and writing its pid) is waited for, not taken over", async () => {
    const out = path.join(scratch(), "gen");
    fs.writeFileSync(lockFile(out), "");
    let ran = false;
    const told: string[] = [];
    const failed = withOutputLock(out, async () => (ran = true), 200, (m) => told.push(m), noCheckpoint);
    await expect(failed).rejects.toThrow(/^\S+ is locked by \S+, which holds no pid \(made \d+ ms ago: by an older odatagen that is starting, or as a run was killed\); try again in a moment: such a lock is taken over once 2 s old$/);
    expect(told).toEqual([`waiting: ${out} is locked by ${lockFile(out)}, which holds no pid (an older odatagen that is starting, or a run that was killed); it is taken over once 2 s old`]);
    expect(ran).toBe(false);
  });

  test("an empty lock left long ago (its run killed between the two steps) is taken over", async () => {
    const out = path.join(scratch(), "gen");
    fs.writeFileSync(lockFile(out), "");
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockFile(out), old, old);
    expect(await withOutputLock(out, async () => fs.readFileSync(lockFile(out), "utf8"), 200, undefined, noCheckpoint)).toMatch(new RegExp(`^${process.pid}( \\d+)?$`));
    expect(fs.existsSync(lockFile(out))).toBe(false);
  });

  const procStat = fs.existsSync(`/proc/${process.pid}/stat`);
  const started = (pid: number) => {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  };

  (procStat ? test : test.skip)("a lock whose pid now belongs to another process (pid 1 in a container) is taken over: the start time differs (Linux)", async () => {
    const out = path.join(scratch(), "gen");
    fs.writeFileSync(lockFile(out), `1 ${Number(started(1)) + 12345}`);
    expect(await withOutputLock(out, async () => fs.readFileSync(lockFile(out), "utf8"), 200, undefined, noCheckpoint)).toBe(`${process.pid} ${started(process.pid)}`);
  });

  (procStat ? test : test.skip)("a lock held by a writer known to run (its pid and start time) is waited for, said once, then ODG402 says to try again, never to delete the lock, however old", async () => {
    const out = path.join(scratch(), "gen");
    fs.writeFileSync(lockFile(out), `${process.ppid} ${started(process.ppid)}`);
    await expect(withOutputLock(out, async () => 1, 100, undefined, noCheckpoint)).rejects.toThrow(new Error(`${out} is being written by another odatagen (pid ${process.ppid}); try again when it is done (lock ${lockFile(out)})`));
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockFile(out), old, old);
    const told: string[] = [];
    await expect(withOutputLock(out, async () => 1, 300, (m) => told.push(m), noCheckpoint)).rejects.toThrow(new Error(`${out} is being written by another odatagen (pid ${process.ppid}); try again when it is done (lock ${lockFile(out)})`));
    expect(told).toEqual([`waiting for pid ${process.ppid}, which is writing ${out} (lock ${lockFile(out)})`]);
  });

  (procStat ? test : test.skip)("a signal while waiting stops the wait: the other writer's lock stays, the run does not start", async () => {
    const out = path.join(scratch(), "gen");
    const theirs = `${process.ppid} ${started(process.ppid)}`;
    fs.writeFileSync(lockFile(out), theirs);
    let checks = 0;
    const checkpoint = async () => {
      if (++checks === 3) throw new InterruptedError("SIGINT");
    };
    let ran = false;
    await expect(withOutputLock(out, async () => (ran = true), 60000, undefined, checkpoint)).rejects.toThrow(InterruptedError);
    expect(ran).toBe(false);
    expect(fs.readFileSync(lockFile(out), "utf8")).toBe(theirs);
  });
});
