/**
 * SIGINT and SIGTERM during `generate` (and `generate --watch`): the run stops with its lock and
 * staging folder removed, the previous output byte for byte as it was, and exit code 130 or 143.
 * The signal is sent once the run is known to be inside (its lock or staging folder exists).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { exited, whenExists } from "./helpers/child";
import { copySpec, runCli, sameTree, scratch, snapshot, startCli, writeJson } from "./helpers/cli";

const GRAPH = path.resolve(__dirname, "..", "..", "shared", "corpus", "graph-v1.0-clean.xml");

/** A folder with an output generated from `spec` with isTest removed, and the spec as it is now. */
function withOldOutput(spec = "graph-callrecords.xml") {
  const dir = scratch();
  const edited = copySpec(spec, dir, (t) => t.replace('<Property Name="isTest" Type="Edm.Boolean" />', ""));
  expect(fs.readFileSync(edited, "utf8")).not.toMatch(/"isTest"/);
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "calls", input: spec, out: "gen" }] });
  expect(runCli(["generate", "-q"], dir).code).toBe(0);
  const old = snapshot(path.join(dir, "gen"));
  copySpec(spec, dir);
  return { dir, old, lock: path.join(dir, ".gen.odatagen-lock"), staging: path.join(dir, ".gen.odatagen-staging") };
}

function expectLeftAsItWas(dir: string, old: Map<string, Buffer>) {
  expect(sameTree(snapshot(path.join(dir, "gen")), old)).toBe(true);
  expect(fs.readdirSync(dir).sort()).toEqual(["gen", "graph-callrecords.xml", "odatagen.config.json"]);
}

describe("an interrupted generate", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child?.exitCode === null) child.kill("SIGKILL");
    child = undefined;
  });

  (fs.existsSync(GRAPH) ? test : test.skip)(`SIGINT while generating a large document: exit 130, no lock, old output intact${fs.existsSync(GRAPH) ? "" : ` (SKIPPED: ${GRAPH} is absent)`}`, async () => {
    const dir = scratch();
    const out = path.join(dir, "gen");
    expect(runCli(["generate", "-i", GRAPH, "-o", out, "-q", "--no-requests"], dir).code).toBe(0);
    const old = snapshot(out);
    child = startCli(["generate", "-i", GRAPH, "-o", out], dir);
    const done = exited(child);
    await whenExists(path.join(dir, ".gen.odatagen-lock"), child);
    child.kill("SIGINT");
    const { code, stderr } = await done;
    expect(code).toBe(130);
    expect(stderr).toMatch(/odatagen: interrupted \(SIGINT\); gen: not generated; gen left as it was/);
    expect(fs.readdirSync(dir)).toEqual(["gen"]);
    expect(sameTree(snapshot(out), old)).toBe(true);
  });

  test("SIGTERM while the new output is being staged: exit 143, staging folder and lock removed", async () => {
    const { dir, old, staging } = withOldOutput();
    child = startCli(["generate"], dir, { ODATAGEN_TEST_WRITE_DELAY_MS: "30" });
    const done = exited(child);
    await whenExists(staging, child);
    child.kill("SIGTERM");
    const { code, stderr } = await done;
    expect(code).toBe(143);
    expect(stderr).toMatch(/interrupted \(SIGTERM\)/);
    expectLeftAsItWas(dir, old);
    // And the next run is an ordinary one: nothing to take over or recover.
    const next = runCli(["generate"], dir);
    expect(next.code).toBe(0);
    expect(next.stderr).not.toMatch(/restored|interrupted|waiting/);
  });

  test("SIGINT during a first run into a new nested folder: the folders it made are removed again", async () => {
    const dir = scratch();
    copySpec("graph-callrecords.xml", dir);
    child = startCli(["generate", "-i", "graph-callrecords.xml", "-o", "a/b/gen"], dir, { ODATAGEN_TEST_WRITE_DELAY_MS: "30" });
    const done = exited(child);
    await whenExists(path.join(dir, "a", "b", ".gen.odatagen-staging"), child);
    child.kill("SIGINT");
    const { code, stderr } = await done;
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted \(SIGINT\); gen: not generated; nothing written to a\/b\/gen/);
    expect(fs.readdirSync(dir)).toEqual(["graph-callrecords.xml"]);
  });

  test("a signal while the new output is being swapped in: the swap finishes, and the run's own exit code stands", async () => {
    const { dir, staging } = withOldOutput();
    // The backup folder exists only between the swap's two renames: held there for 400 ms, so that
    // the poll sees it however busy the machine is.
    child = startCli(["generate"], dir, { ODATAGEN_TEST_WRITE_DELAY_MS: "30", ODATAGEN_TEST_SWAP_DELAY_MS: "400" });
    const done = exited(child);
    await whenExists(path.join(dir, ".gen.odatagen-backup"), child);
    child.kill("SIGINT");
    const { code, stderr } = await done;
    expect(stderr).toMatch(/odatagen: stopping at the next safe point$/m);
    expect(stderr).toMatch(/odatagen: SIGINT arrived after every service was done; nothing was stopped/);
    expect(stderr).not.toMatch(/interrupted/);
    expect(code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "gen", "microsoft.graph.callRecords.types.ts"), "utf8")).toMatch(/isTest/);
    expect(fs.existsSync(staging)).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual(["gen", "graph-callrecords.xml", "odatagen.config.json"]);
  });

  test("generate --watch: SIGINT during a regeneration stops it, removes lock and staging, keeps the output", async () => {
    const { dir, old, staging } = withOldOutput();
    child = startCli(["generate", "--watch"], dir, { ODATAGEN_TEST_WRITE_DELAY_MS: "30" });
    const done = exited(child);
    await whenExists(staging, child);
    child.kill("SIGINT");
    const { code, stderr } = await done;
    expect(code).toBe(0);
    expect(stderr).toMatch(/interrupted \(SIGINT\); the output being written was left as it was/);
    expectLeftAsItWas(dir, old);
  });
});

/** Resolves once process `pid` has `file` open (a FIFO is opened without waiting for its writer, and read by the event loop). */
function whenOpen(pid: number, file: string): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      let fds: string[] = [];
      try {
        fds = fs.readdirSync(`/proc/${pid}/fd`).map((fd) => fs.readlinkSync(`/proc/${pid}/fd/${fd}`, "utf8"));
      } catch {
        // gone, or a descriptor closed while read
      }
      if (fds.includes(fs.realpathSync(file))) (clearInterval(poll), resolve());
      else if (Date.now() - started > 30000) (clearInterval(poll), reject(new Error(`never opened ${file}`)));
    }, 10);
  });
}

/** Whether `p` settles before `ms` (a run that hangs fails the test instead of holding it). */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: still running after ${ms} ms`)), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

const mkfifo = (file: string) => spawnSync("mkfifo", [file]).status === 0;
const withFifos = process.platform === "linux" && fs.existsSync("/proc/self/wchan") ? describe : describe.skip;

withFifos(`an input that is a FIFO${process.platform === "linux" ? "" : " (SKIPPED: Linux only)"}`, () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child?.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    child = undefined;
  });

  test("SIGINT while it waits for a writer ends the run at once, saying so, with nothing written or held (the read comes before the lock)", async () => {
    const dir = scratch();
    const fifo = path.join(dir, "in.xml");
    expect(mkfifo(fifo)).toBe(true);
    child = startCli(["generate", "-i", "in.xml", "-o", "gen"], dir);
    const done = exited(child);
    await whenOpen(child.pid!, fifo);
    child.kill("SIGINT");
    const { code, stderr } = await within(done, 10000, "odatagen after SIGINT");
    expect({ code, stderr }).toEqual({ code: 130, stderr: "odatagen: interrupted (SIGINT); nothing written\n" });
    expect(fs.readdirSync(dir)).toEqual(["in.xml"]);
  });

  test("read once per run: a run with a writer, and a second one, generate and end (the first waited after writing for a writer to hash the input again)", async () => {
    const dir = scratch();
    const fifo = path.join(dir, "in.xml");
    expect(mkfifo(fifo)).toBe(true);
    const spec = path.join(__dirname, "..", "specs", "graph-callrecords.xml");
    for (const run of [1, 2]) {
      const writer = spawn("sh", ["-c", 'cat "$0" > "$1"', spec, fifo], { stdio: "ignore" });
      const written = new Promise((resolve) => writer.on("exit", resolve));
      child = startCli(["generate", "-i", "in.xml", "-o", "gen"], dir);
      const { code, stderr } = await within(exited(child), 30000, `run ${run}`);
      expect({ run, code, stderr }).toEqual({ run, code: 0, stderr: "" });
      await written;
    }
    expect(fs.readFileSync(path.join(dir, "gen", "microsoft.graph.callRecords.types.ts"), "utf8")).toMatch(/export interface Session /);
  });
});
