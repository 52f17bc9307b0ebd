/**
 * `--dry-run` predicts the real run: where `generate` would refuse the output folder, the dry run
 * reports the same diagnostics and exits as it would (1), writing nothing. `--check` reports the
 * same refusals (not permissions: it writes nothing, and a CI checkout may be read-only). The CLI
 * runs in this process (plain tests, each in its turn) but where the runs are made as another user
 * (root's tests of permissions), which takes a process of that user's: those keep bin/odatagen.js.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { BIN, copySpec, runCliAsync, sameTree, scratch, snapshot, type CliResult } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";
import { spawnLimited } from "./helpers/spawn-limited";

/**
 * The three modes on one output folder (by default run in this process: runCliInProcess); the
 * folder's files are the same after the dry run and the check (compared byte for byte by sameTree:
 * jest's toEqual walks a Buffer element by element, ~3 s of CPU for 500 KB).
 */
async function modes(dir: string, out: string, run: (args: string[]) => Promise<CliResult> = (args) => runCliInProcess(args, dir)) {
  const args = ["generate", "--input", "graph-callrecords.xml", "--out", out];
  const before = snapshot(dir);
  const dry = await run([...args, "--dry-run"]);
  expect(sameTree(snapshot(dir), before)).toBe(true);
  const check = await run([...args, "--check"]);
  expect(sameTree(snapshot(dir), before)).toBe(true);
  const real = await run(args);
  return { dry, check, real };
}

describe("--dry-run and --check where generate refuses the output folder", () => {
  test("a hand-written file at a generated path: the same ODG401 and exit 1 in every mode, no plan printed", async () => {
    const dir = scratch();
    copySpec("graph-callrecords.xml", dir);
    fs.mkdirSync(path.join(dir, "gen"));
    fs.writeFileSync(path.join(dir, "gen", "index.ts"), "// mine\n");
    const { dry, check, real } = await modes(dir, "gen");
    const refused = [
      "gen/index.ts: error ODG401: index.ts exists and was not written by odatagen; move it away (nothing was written)",
      "odatagen: gen: not generated; gen left as it was",
      "odatagen: 1 error, 0 warnings",
    ];
    for (const r of [real, dry, check]) expect({ code: r.code, stdout: r.stdout, stderr: r.stderr.trim().split("\n") }).toEqual({ code: 1, stdout: "", stderr: refused });
    expect(fs.readFileSync(path.join(dir, "gen", "index.ts"), "utf8")).toBe("// mine\n");
  });

  test("a file where the output folder, or a folder above it, should be: the same ODG403 and exit 1 in every mode", async () => {
    const dir = scratch();
    copySpec("graph-callrecords.xml", dir);
    fs.writeFileSync(path.join(dir, "gen"), "mine");
    for (const out of ["gen", "gen/deeper"]) {
      const { dry, check, real } = await modes(dir, out);
      const refused = [
        `${out}: error ODG403: cannot write the output: gen is a file, not a folder`,
        // Something is at gen (the file, left as it was); nothing was ever at gen/deeper.
        `odatagen: ${path.basename(out)}: not generated; ${out === "gen" ? "gen left as it was" : "nothing written to gen/deeper"}`,
        "odatagen: 1 error, 0 warnings",
      ];
      for (const r of [real, dry, check]) expect({ out, code: r.code, stdout: r.stdout, stderr: r.stderr.trim().split("\n") }).toEqual({ out, code: 1, stdout: "", stderr: refused });
    }
    expect(fs.readFileSync(path.join(dir, "gen"), "utf8")).toBe("mine");
  });

  test("an output folder where nothing differs is not refused: the dry run and the check pass", async () => {
    const dir = scratch();
    copySpec("graph-callrecords.xml", dir);
    expect((await runCliInProcess(["generate", "--input", "graph-callrecords.xml", "--out", "gen"], dir)).code).toBe(0);
    const { dry, check } = await modes(dir, "gen");
    expect(dry).toMatchObject({ code: 0, stderr: "" });
    expect(dry.stdout).toMatch(/would write 0, remove 0, leave 11 unchanged in gen/);
    expect(check).toMatchObject({ code: 0, stderr: "" });
  });

  // Root may write anywhere: the refused run is made as another user (nobody) then, which needs a
  // checkout nobody may read (a clone under a private home folder is not); else these two skip, saying so.
  const asRoot = process.getuid?.() === 0;
  const otherCanRun = !asRoot || spawnSync(process.execPath, [BIN, "--version"], { uid: 65534, gid: 65534, stdio: "ignore" }).status === 0;
  if (!otherCanRun) console.warn(`workflow-dry-run: SKIPPED the two permission tests: user nobody cannot run ${BIN}`);
  const asOther = otherCanRun ? test.concurrent : test.skip;
  const other = (dir: string) => async (args: string[]): Promise<CliResult> => {
    const r = await spawnLimited(process.execPath, [BIN, ...args], {
      cwd: dir, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined },
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  /** Makes `ro` unwritable, and the rest readable by the other user when the runs are made as one. */
  const readOnlyParent = (dir: string) => {
    fs.chmodSync(path.join(dir, "ro"), 0o555);
    if (asRoot) {
      fs.chmodSync(dir, 0o777);
      fs.chmodSync(path.join(dir, "graph-callrecords.xml"), 0o644);
    }
  };

  asOther("a parent folder the user may not write in: the dry run reports the real run's ODG403; --check lists the differences", async () => {
    const dir = scratch();
    copySpec("graph-callrecords.xml", dir);
    fs.mkdirSync(path.join(dir, "ro"));
    readOnlyParent(dir);
    try {
      const { dry, check, real } = await modes(dir, "ro/gen", other(dir));
      const refused = ["ro/gen: error ODG403: cannot write the output: no permission to write in ro", "odatagen: gen: not generated; nothing written to ro/gen", "odatagen: 1 error, 0 warnings"];
      for (const r of [real, dry]) expect({ code: r.code, stdout: r.stdout, stderr: r.stderr.trim().split("\n") }).toEqual({ code: 1, stdout: "", stderr: refused });
      expect(check.code).toBe(1);
      expect(check.stdout).toMatch(/^odatagen: gen: 11 file\(s\) in ro\/gen differ from a fresh run:\n {2}missing {2}checkers\.ts\n/);
      expect(check.stderr).not.toMatch(/ODG403/);
      expect(fs.readdirSync(path.join(dir, "ro"))).toEqual([]);
    } finally {
      fs.chmodSync(path.join(dir, "ro"), 0o755);
    }
  });

  asOther("an output folder the user may write in, in a parent folder they may not: ODG403 says the new output is made beside it", async () => {
    const dir = scratch();
    copySpec("graph-callrecords.xml", dir);
    fs.mkdirSync(path.join(dir, "ro"));
    expect((await runCliAsync(["generate", "--input", "graph-callrecords.xml", "--out", "ro/gen", "--no-validators"], dir)).code).toBe(0);
    readOnlyParent(dir);
    fs.chmodSync(path.join(dir, "ro", "gen"), 0o777);
    try {
      const { dry, real } = await modes(dir, "ro/gen", other(dir));
      const refused = [
        "ro/gen: error ODG403: cannot write the output: no permission to write in ro (the new output is made beside ro/gen, then swapped in)",
        "odatagen: gen: not generated; ro/gen left as it was",
        "odatagen: 1 error, 0 warnings",
      ];
      for (const r of [real, dry]) expect({ code: r.code, stdout: r.stdout, stderr: r.stderr.trim().split("\n") }).toEqual({ code: 1, stdout: "", stderr: refused });
    } finally {
      fs.chmodSync(path.join(dir, "ro"), 0o755);
    }
  });

  asOther("an up-to-date output in a folder the user may not write in is up to date (no lock is needed to read it)", async () => {
    const dir = scratch();
    copySpec("graph-callrecords.xml", dir);
    fs.mkdirSync(path.join(dir, "ro"));
    expect((await runCliAsync(["generate", "--input", "graph-callrecords.xml", "--out", "ro/gen"], dir)).code).toBe(0);
    readOnlyParent(dir);
    try {
      const { dry, check, real } = await modes(dir, "ro/gen", other(dir));
      expect(real).toMatchObject({ code: 0, stderr: "" });
      expect(real.stdout).toMatch(/^odatagen: gen: up to date/);
      expect(dry).toMatchObject({ code: 0, stderr: "" });
      expect(check).toMatchObject({ code: 0, stderr: "" });
    } finally {
      fs.chmodSync(path.join(dir, "ro"), 0o755);
    }
  });

  asOther("an output folder its owner made read-only (0555) is regenerated, again and again, and stays 0555", async () => {
    const dir = scratch();
    copySpec("graph-callrecords.xml", dir);
    if (asRoot) fs.chmodSync(dir, 0o777);
    const run = other(dir);
    expect((await run(["generate", "-q", "--input", "graph-callrecords.xml", "--out", "gen"])).code).toBe(0);
    fs.chmodSync(path.join(dir, "gen"), 0o555);
    for (const name of ["joinWebUrl", "joinWebUrl2"]) {
      // A change to the spec, so that the output is swapped each time.
      copySpec("graph-callrecords.xml", dir, (t) => t.replace('<Property Name="isTest"', `<Property Name="${name}" Type="Edm.String" />\n        <Property Name="isTest"`));
      const r = await run(["generate", "-q", "--input", "graph-callrecords.xml", "--out", "gen"]);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
      expect((fs.statSync(path.join(dir, "gen")).mode & 0o777).toString(8)).toBe("555");
      expect(fs.readFileSync(path.join(dir, "gen", "microsoft.graph.callRecords.types.ts"), "utf8")).toContain(`${name}?:`);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(["gen", "graph-callrecords.xml"]);
    fs.chmodSync(path.join(dir, "gen"), 0o755);
  });
});
