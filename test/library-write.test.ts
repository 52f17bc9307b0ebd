/**
 * The library's writeOutput (the package's export, as a build tool calls it) gives a caller the CLI's
 * protections: the output folder's lock, and the CLI's diagnostics (ODG401/402/403) as a
 * GenerationError rather than raw system errors about internal paths.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { GenerationError, writeOutput } from "../generator";
import { isBesideAnOutput } from "../generator/write/beside";
import { lockFile, OutputLockedError, withOutputLockNow } from "../generator/write/lock";
import { scratch, snapshot } from "./helpers/cli";

const files = new Map([["a.ts", "export const a = 1;\n"]]);
const procStat = fs.existsSync(`/proc/${process.pid}/stat`);
/** Dates a file `ms` ago. */
const ago = (file: string, ms: number) => {
  const t = new Date(Date.now() - ms);
  fs.utimesSync(file, t, t);
};
/** A process's start time as the lock holds it (Linux). */
const started = (pid: number) => {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
};

function thrown(fn: () => unknown): GenerationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof GenerationError) return e;
    throw e;
  }
  throw new Error("did not throw");
}

describe("the output folder's lock", () => {
  test("held by another live process: ODG402 naming it and the lock file, and nothing is touched", async () => {
    const out = path.join(scratch(), "gen");
    writeOutput(out, files);
    const before = snapshot(out);
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      const lock = path.join(path.dirname(out), ".gen.odatagen-lock");
      fs.writeFileSync(lock, String(other.pid));
      const e = thrown(() => writeOutput(out, new Map([["a.ts", "changed"]])));
      expect(e.diagnostics.map((d) => d.code)).toEqual(["ODG402"]);
      expect(e.message).toContain(`pid ${other.pid}`);
      expect(e.message).toContain(lock);
      expect(snapshot(out)).toEqual(before);
      expect(fs.readFileSync(lock, "utf8")).toBe(String(other.pid));
    } finally {
      other.kill();
    }
  });

  test("held by another writer of this process (a worker thread): ODG402 too; left by a killed process: taken over and removed", () => {
    const out = path.join(scratch(), "gen");
    const lock = path.join(path.dirname(out), ".gen.odatagen-lock");
    fs.writeFileSync(lock, String(process.pid));
    const e = thrown(() => writeOutput(out, files));
    expect(e.diagnostics.map((d) => d.code)).toEqual(["ODG402"]);
    expect(e.message).toContain(`is being written by another writer of this process (pid ${process.pid})`);
    expect(fs.existsSync(out)).toBe(false);
    fs.writeFileSync(lock, "999999999");
    expect(writeOutput(out, files).written).toEqual(["a.ts"]);
    expect(fs.existsSync(lock)).toBe(false);
  });
});

describe("an empty lock (an older odatagen made it and has not written its pid yet), or one that is old", () => {

  test("young: ODG402 says another run is starting and to try again, not to delete the lock, which is taken over once 2 s old; the lock and folder stay", () => {
    const out = path.join(scratch(), "gen");
    const lock = lockFile(out);
    fs.writeFileSync(lock, "");
    ago(lock, 300);
    const e = thrown(() => writeOutput(out, files));
    expect(e.diagnostics.map((d) => d.code)).toEqual(["ODG402"]);
    const message = e.diagnostics[0]!.message;
    expect(message).toMatch(new RegExp(`^${out} is locked by ${lock}, which holds no pid \\(made \\d+ ms ago: by an older odatagen that is starting, or as a run was killed\\); try again in a moment: such a lock is taken over once 2 s old$`));
    expect(message).not.toContain("delete");
    expect(fs.readFileSync(lock, "utf8")).toBe("");
    expect(fs.existsSync(out)).toBe(false);
  });

  test("old (its run killed between making it and writing its pid): taken over, written, and removed", () => {
    const out = path.join(scratch(), "gen");
    const lock = lockFile(out);
    fs.writeFileSync(lock, "");
    ago(lock, 60_000);
    expect(writeOutput(out, files).written).toEqual(["a.ts"]);
    expect(fs.existsSync(lock)).toBe(false);
  });

  test("a writer known to run (this process) is never advised deleted, however old its lock", () => {
    const out = path.join(scratch(), "gen");
    const lock = lockFile(out);
    fs.writeFileSync(lock, String(process.pid));
    const tryAgain = `${out} is being written by another writer of this process (pid ${process.pid}); try again when it is done (lock ${lock})`;
    expect(thrown(() => writeOutput(out, files)).diagnostics[0]!.message).toBe(tryAgain);
    ago(lock, 60_000);
    expect(thrown(() => writeOutput(out, files)).diagnostics[0]!.message).toBe(tryAgain);
  });

  (procStat ? test : test.skip)("another process's lock: with its start time, known to run, try again however old; without one (its pid may be another process's now), deleting is advised however young (Linux)", () => {
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      const out = path.join(scratch(), "gen");
      const lock = lockFile(out);
      fs.writeFileSync(lock, `${other.pid} ${started(other.pid!)}`);
      ago(lock, 60_000);
      expect(thrown(() => writeOutput(out, files)).diagnostics[0]!.message).toBe(`${out} is being written by another odatagen (pid ${other.pid}); try again when it is done (lock ${lock})`);
      fs.writeFileSync(lock, String(other.pid));
      expect(thrown(() => writeOutput(out, files)).diagnostics[0]!.message).toBe(`${out} is being written by another odatagen (pid ${other.pid}), as far as can be told (pid ${other.pid} runs, but not whether it is the process that made the lock); if it is not odatagen, delete ${lock}`);
      expect(fs.existsSync(lock)).toBe(true);
    } finally {
      other.kill();
    }
  });
});

describe("the lock is never empty, and a takeover removes only the lock it judged stale (the race of two runs taking over one stale lock)", () => {
  // The node:fs the generator calls: spied on to look at the lock at the moments a run makes it.
  const nodeFs = require("node:fs") as typeof fs;
  afterEach(() => jest.restoreAllMocks());

  test("whenever the lock's name first exists, it already holds its writer's pid, also when taking over an old empty lock", () => {
    const out = path.join(scratch(), "gen");
    const lock = lockFile(out);
    fs.writeFileSync(lock, "");
    ago(lock, 60_000);
    const seen: string[] = [];
    const look = (file: unknown) => {
      if (String(file) === lock && fs.existsSync(lock)) seen.push(fs.readFileSync(lock, "utf8"));
    };
    for (const name of ["openSync", "linkSync", "renameSync", "copyFileSync"] as const) {
      const real = nodeFs[name] as (...a: unknown[]) => unknown;
      jest.spyOn(nodeFs, name).mockImplementation(((...args: unknown[]) => {
        const r = real.apply(nodeFs, args);
        look(args[name === "openSync" ? 0 : 1]);
        return r;
      }) as never);
    }
    expect(withOutputLockNow(out, () => "written")).toBe("written");
    expect(seen.length).toBeGreaterThan(0);
    for (const text of seen) expect(text).toMatch(new RegExp(`^${process.pid}( \\d+)?$`));
    expect(fs.existsSync(lock)).toBe(false);
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
  });

  test("the file the lock is linked from is named as odatagen's files beside an output are, so that one left by a crash is not taken for a user's file", () => {
    const out = path.join(scratch(), "gen");
    const from: string[] = [];
    const real = nodeFs.linkSync;
    jest.spyOn(nodeFs, "linkSync").mockImplementation(((a: fs.PathLike, b: fs.PathLike) => {
      from.push(path.basename(String(a)));
      return real(a, b);
    }) as never);
    withOutputLockNow(out, () => undefined);
    expect(from).toHaveLength(1);
    expect(isBesideAnOutput(from[0]!)).toBe(true);
  });

  test("a stale lock replaced by another run's lock between judging it and removing it stays: this run waits for that one", () => {
    const out = path.join(scratch(), "gen");
    const lock = lockFile(out);
    fs.writeFileSync(lock, "999999999");
    const theirs = String(process.pid);
    const kill = process.kill.bind(process);
    // The moment this run finds pid 999999999 gone, another run takes the lock over first.
    jest.spyOn(process, "kill").mockImplementation(((pid: number, signal?: string | number) => {
      if (pid === 999999999 && fs.readFileSync(lock, "utf8") !== theirs) {
        fs.rmSync(lock);
        fs.writeFileSync(lock, theirs);
      }
      return kill(pid, signal);
    }) as never);
    const e = (() => {
      try {
        withOutputLockNow(out, () => "both write");
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(OutputLockedError);
    expect(fs.readFileSync(lock, "utf8")).toBe(theirs);
  });
});

test("a first write into a folder whose parent does not exist yet holds the lock too (threads writing a fresh generated/x do not all run unlocked)", () => {
  const out = path.join(scratch(), "deep", "er", "gen");
  const lock = lockFile(out);
  expect(withOutputLockNow(out, () => fs.existsSync(lock))).toBe(true);
  expect(fs.existsSync(lock)).toBe(false);
  expect(writeOutput(out, files).written).toEqual(["a.ts"]);
});

describe("the CLI's diagnostics", () => {
  test("a file where the folder should be: ODG403 with the CLI's hint, no raw ENOTDIR", () => {
    const dir = scratch();
    fs.writeFileSync(path.join(dir, "x.xml"), "<x/>");
    const e = thrown(() => writeOutput(path.join(dir, "x.xml", "out"), files));
    expect(e.diagnostics.map((d) => [d.code, d.message])).toEqual([["ODG403", `cannot write the output: ${path.join(dir, "x.xml")} is a file, not a folder`]]);
  });

  test("a hand-written file where a generated one goes: ODG401, nothing written", () => {
    const out = path.join(scratch(), "gen");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "a.ts"), "mine");
    const e = thrown(() => writeOutput(out, files));
    expect(e.diagnostics.map((d) => [d.code, d.message])).toEqual([["ODG401", "a.ts exists and was not written by odatagen; move it away (nothing was written)"]]);
    expect(e.message).toMatch(/^1 error\(s\) writing the output: /);
    expect(fs.readFileSync(path.join(out, "a.ts"), "utf8")).toBe("mine");
  });
});

describe("file names that are not plain names in the output folder", () => {
  test.each([
    ["a way out", "../x.ts", "leads out of the output folder"],
    ["a way out through a folder", "a/../../x.ts", "leads out of the output folder"],
    ["a way out with Windows separators", "..\\x.ts", "leads out of the output folder"],
    ["an absolute path", "/tmp/x.ts", "is an absolute path, not a file name inside the output folder"],
    ["a Windows absolute path", "C:\\x.ts", "is an absolute path, not a file name inside the output folder"],
    ["a subfolder", "sub/x.ts", "holds a folder (`/` or `\\`); generated files are plain names at the top of the output folder"],
    ["the folder itself", ".", "is the output folder itself, not a file in it"],
    ["no name", "", "is empty"],
    ["odatagen's manifest", ".odatagen-manifest.json", "is odatagen's manifest, which the write makes itself"],
    ["odatagen's manifest in capitals (a file system that ignores case)", ".ODATAGEN-MANIFEST.JSON", "is odatagen's manifest, which the write makes itself"],
    ["odatagen's manifest with a trailing dot (which Windows drops)", ".odatagen-manifest.json.", "is odatagen's manifest, which the write makes itself"],
    ["a drive-relative Windows path", "C:x.ts", 'holds ":", which Windows does not allow in a file name (`:` names a drive or a file\'s alternate data stream)'],
    ["an alternate data stream", "a.ts:x", 'holds ":", which Windows does not allow in a file name (`:` names a drive or a file\'s alternate data stream)'],
    ["a character Windows refuses", "a?.ts", 'holds "?", which Windows does not allow in a file name (`:` names a drive or a file\'s alternate data stream)'],
    ["a trailing dot", "a.ts.", "ends with a dot or a space, which Windows drops (another name for the file without them)"],
    ["a trailing space", "a.ts ", "ends with a dot or a space, which Windows drops (another name for the file without them)"],
    ["a device name", "con.ts", 'starts with "con", a device name Windows reserves whatever extensions follow'],
    ["a device name in capitals", "NUL.ts", 'starts with "NUL", a device name Windows reserves whatever extensions follow'],
    ["a numbered device", "com1.ts", 'starts with "com1", a device name Windows reserves whatever extensions follow'],
    ["a device name alone", "lpt1", 'starts with "lpt1", a device name Windows reserves whatever extensions follow'],
    ["the console's input device", "CONIN$.ts", 'starts with "CONIN$", a device name Windows reserves whatever extensions follow'],
    ["a name the first differs from only in case", "A.ts", 'names the same file as "a.ts" where case or Unicode normalization is ignored (Windows, macOS)'],
  ])("%s: ODG405 naming it and why, and nothing is written (no folder made either)", (_what, name, why) => {
    const dir = scratch();
    const out = path.join(dir, "deep", "gen");
    const e = thrown(() => writeOutput(out, new Map([["a.ts", "x"], [name, "x"]])));
    expect(e.diagnostics.map((d) => [d.code, d.file, d.message])).toEqual([["ODG405", out, `cannot write ${JSON.stringify(name)}: the name ${why} (nothing was written)`]]);
    expect(e.message).toMatch(/^1 error\(s\) writing the output: /);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test("two spellings of one accented name (NFC and NFD) are one file on macOS: the second is refused", () => {
    const out = path.join(scratch(), "gen");
    const e = thrown(() => writeOutput(out, new Map([["\u00e9.ts", "x"], ["e\u0301.ts", "y"]])));
    expect(e.diagnostics.map((d) => d.message)).toEqual([`cannot write "e\u0301.ts": the name names the same file as "\u00e9.ts" where case or Unicode normalization is ignored (Windows, macOS) (nothing was written)`]);
  });

  test("names near those are written: a device name's longer cousin, dots inside, a manifest of another name", () => {
    const names = ["console.ts", "com10.ts", "auxiliary.types.ts", "a..b.ts", "odatagen-manifest.json", "nul-.ts"];
    const out = path.join(scratch(), "gen");
    expect(writeOutput(out, new Map(names.map((n) => [n, "x"]))).written.sort()).toEqual([...names].sort());
  });

  test("every bad name is reported, and an existing output stays as it was", () => {
    const out = path.join(scratch(), "gen");
    writeOutput(out, files);
    const before = snapshot(out);
    const e = thrown(() => writeOutput(out, new Map([["../x.ts", "x"], ["a.ts", "changed"], ["/etc/y.ts", "y"]])));
    expect(e.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["ODG405", 'cannot write "../x.ts": the name leads out of the output folder (nothing was written)'],
      ["ODG405", 'cannot write "/etc/y.ts": the name is an absolute path, not a file name inside the output folder (nothing was written)'],
    ]);
    expect(snapshot(out)).toEqual(before);
    expect(fs.readdirSync(path.dirname(out)).sort()).toEqual(["gen"]);
  });
});

describe("a folder of its own", () => {
  // Each case makes symlinks, one to "/": POSIX only.
  // In a child over dist/ (the package as a build tool loads it), with its own working and home
  // folders: without the check, the write would swap them.
  const DIST = path.resolve(__dirname, "..", "dist");
  (process.platform === "win32" ? test.skip : test).each([
    ["the working folder", ".", "is the working folder or above it"],
    ["a folder above it", "..", "is the working folder or above it"],
    ["the home folder", "HOME", "is your home folder or above it"],
    ["a symlink to the folder above the working folder", "LINK:up", "leads through a symlink to ROOT, which is the working folder or above it"],
    ["a symlink to the home folder", "LINK:home", "leads through a symlink to ROOT/home, which is your home folder or above it"],
    ["the folder above the working folder, named through a symlink to / above it", "LINK:slash/ROOT", "leads through a symlink to ROOT, which is the working folder or above it"],
  ])("%s: ODG403, and nothing is written", (_what, given, why) => {
    const root = scratch();
    const cwd = path.join(root, "project");
    const home = path.join(root, "home");
    fs.mkdirSync(cwd);
    fs.mkdirSync(home);
    fs.writeFileSync(path.join(cwd, "keep.txt"), "mine");
    // Links live in a folder of their own, away from the folders checked below.
    const links = scratch();
    fs.symlinkSync(root, path.join(links, "up"));
    fs.symlinkSync(home, path.join(links, "home"));
    fs.symlinkSync("/", path.join(links, "slash"));
    const target = given.startsWith("LINK:") ? path.join(links, given.slice(5).replace("ROOT", path.relative("/", fs.realpathSync(root)))) : given;
    const script = `
      const { writeOutput, GenerationError } = require(${JSON.stringify(DIST)});
      const out = process.argv[1] === "HOME" ? require("node:os").homedir() : process.argv[1];
      try { writeOutput(out, new Map([["a.ts", "x"]])); console.log("written"); }
      catch (e) { console.log(e instanceof GenerationError ? JSON.stringify(e.diagnostics.map((d) => [d.code, d.message])) : String(e)); }`;
    const run = spawnSync(process.execPath, ["-e", script, target], { cwd, env: { ...process.env, HOME: home }, encoding: "utf8" });
    const shown = target === "HOME" ? home : target === "." ? "." : target === ".." ? root : target;
    expect(JSON.parse(run.stdout)).toEqual([["ODG403", `cannot write the output: ${shown} ${why.replace("ROOT", fs.realpathSync(root))}; give generated code a folder of its own`]]);
    expect(fs.readdirSync(cwd)).toEqual(["keep.txt"]);
    expect(fs.readdirSync(root).sort()).toEqual(["home", "project"]);
    expect(fs.readdirSync(home)).toEqual([]);
  });
});

test("two worker threads writing one folder over and over: each write is whole or refused with ODG402, never corrupting the other's", () => {
  const dir = scratch();
  const script = `
    const { Worker, isMainThread, workerData, parentPort } = require("node:worker_threads");
    const { writeOutput, GenerationError } = require(${JSON.stringify(path.resolve(__dirname, "..", "dist"))});
    if (isMainThread) {
      const runs = [0, 1].map((id) => new Promise((ok, fail) => new Worker(__filename, { workerData: id }).on("message", ok).on("error", fail)));
      Promise.all(runs).then((r) => console.log(JSON.stringify(r)));
    } else {
      const { generate } = require(${JSON.stringify(path.resolve(__dirname, "..", "dist"))});
      const content = require("node:fs").readFileSync(${JSON.stringify(path.join(__dirname, "fixtures", "trippin-lite.xml"))}, "utf8");
      const files = generate({ inputs: [{ file: "t.xml", content }], requests: workerData === 0 }).files;
      const codes = {};
      for (let i = 0; i < 1000; i++) {
        try { writeOutput("gen", files); codes.written = (codes.written || 0) + 1; }
        catch (e) { const k = e instanceof GenerationError ? e.diagnostics.map((d) => d.code).join() : e.message; codes[k] = (codes[k] || 0) + 1; }
      }
      parentPort.postMessage(codes);
    }`;
  fs.writeFileSync(path.join(dir, "workers.js"), script);
  const run = spawnSync(process.execPath, ["workers.js"], { cwd: dir, encoding: "utf8" });
  expect(run.stderr).toBe("");
  const codes = (JSON.parse(run.stdout) as Record<string, number>[]).map((c) => Object.keys(c).filter((k) => k !== "written" && k !== "ODG402"));
  expect(codes).toEqual([[], []]);
  expect(fs.readdirSync(dir).sort()).toEqual(["gen", "workers.js"]);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "gen", ".odatagen-manifest.json"), "utf8")) as { files: { path: string }[] };
  expect(fs.readdirSync(path.join(dir, "gen")).sort()).toEqual([".odatagen-manifest.json", ...manifest.files.map((f) => f.path)].sort());
});
