/**
 * The TypeScript 5.9 checker that stays up (test/helpers/tsc-checker.ts) answers what a spawned
 * `tsc -p <config> --noEmit --pretty false` answers, while keeping the SourceFiles of unchanged files.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as readline from "node:readline";
import { spawnBounded } from "./helpers/bounded-spawn";
import { REPO, STRICT_OPTIONS, BASE_OPTIONS } from "./helpers/typecheck";
import { TscChecker, type CheckAnswer } from "./helpers/tsc-checker";

const TYPESCRIPT = path.join(REPO, "node_modules", "typescript");
const TSC = path.join(TYPESCRIPT, "bin", "tsc");
const REFERENCE = path.join(__dirname, "helpers", "tsc-checker", "reference.js");

let work: string;
const checkers: TscChecker[] = [];

function checker(options: { maxChars?: number; timeoutMs?: number } = {}): TscChecker {
  const c = new TscChecker({ typescript: TYPESCRIPT, ...options });
  checkers.push(c);
  return c;
}

/**
 * One checker for the tests that need none of their own (a new one costs ~0.6 s of CPU to load the
 * compiler and parse the lib files): what it keeps of one test is the lib files, as the worker's
 * shared checker keeps them between test files; each test's own files are in a folder of its own.
 */
let shared: TscChecker | undefined;
const sharedChecker = (): TscChecker => (shared ??= checker());

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-checker-"));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));
afterAll(async () => {
  await Promise.all(checkers.map((c) => c.close()));
});

/** Writes `files` (path → text) under `work`. */
function write(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(work, name)), { recursive: true });
    fs.writeFileSync(path.join(work, name), text);
  }
}

/** A tsconfig of `compilerOptions` over `files`, as `name`. */
function config(name: string, compilerOptions: object, files: string[]): string {
  write({ [name]: JSON.stringify({ compilerOptions, files }, null, 2) });
  return path.join(work, name);
}

/**
 * What tsc answers for each config, by its path in a folder of files: its status and output, the
 * folder's own path in it as `WORK`. All in one process (./helpers/tsc-checker/reference.js: tsc's
 * own command line, run for each config as a spawned tsc runs it, ~0.4 s of CPU each rather than
 * the ~2.4 s of a tsc spawned for each), started once for the file's tests; with
 * ODATAGEN_TSC_REFERENCE=spawn, a tsc spawned for each (to check the reference itself: the answers
 * must be the same).
 */
async function tscAnswers(cases: { cfg: string; files: [string, string][] }[]): Promise<{ status: number | null; output: string }[]> {
  const folders = cases.map(({ cfg, files }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-checker-"));
    for (const [name, text] of files) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    return { dir, cfg: path.join(dir, cfg) };
  });
  try {
    let answers: { status: number | null; output: string }[];
    if (process.env.ODATAGEN_TSC_REFERENCE === "spawn") {
      answers = folders.map(({ cfg }) => {
        const t = spawnBounded(process.execPath, [TSC, "-p", cfg, "--noEmit", "--pretty", "false"], 240000, { cwd: path.dirname(cfg), encoding: "utf8" });
        return { status: t.status, output: `${t.stdout}${t.stderr}` };
      });
    } else {
      answers = await (reference ??= startReference()).answer(folders.map((f) => f.cfg));
    }
    return answers.map((a, i) => ({ status: a.status, output: a.output.split(folders[i].dir).join(WORK) }));
  } finally {
    for (const f of folders) fs.rmSync(f.dir, { recursive: true, force: true });
  }
}

/** The reference process, started on first use; ended after the file's tests. */
let reference: ReturnType<typeof startReference> | undefined;
afterAll(async () => {
  await reference?.close();
});

/** reference.js, up: `answer(configs)` sends it a job and resolves with its answers, one job at a time. */
function startReference() {
  const child = spawn(process.execPath, [REFERENCE, TYPESCRIPT], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr = (stderr + s).slice(-4000)));
  const exited = new Promise<string>((resolve) => child.on("close", (code, signal) => resolve(`${signal ?? code}`)));
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    async answer(configs: string[]): Promise<{ status: number | null; output: string }[]> {
      child.stdin.write(`${JSON.stringify(configs)}\n`);
      const line = await Promise.race([lines.next(), exited.then(() => ({ done: true as const, value: undefined }))]);
      if (line.done) throw new Error(`the reference tsc exited (${await exited}):\n${stderr}`);
      return JSON.parse(line.value as string) as { status: number | null; output: string }[];
    },
    async close(): Promise<void> {
      child.stdin.end();
      await exited;
    },
  };
}

/** `work`'s own path in an answer. */
const WORK = "\u0000work";

/** A test's checks so far, to compare with tsc's answers when it is done (`tscTest`): the config's path in `work`, every file there, the checker's answer. */
let checked: { cfg: string; files: [string, string][]; answer: { status: number | null; output: string } }[] = [];

/**
 * What tsc answered, by config and folder contents (every file under `work`, by its path there):
 * asked again for the same, across this file's tests, tsc answers the same (it reads nothing else
 * that changes: its lib files).
 */
const answeredByTsc = new Map<string, { status: number | null; output: string }>();

/** Expects each check of the test so far to have answered what tsc answers for the same files, all asked of tsc at once. */
async function expectTscAnswered(): Promise<void> {
  const todo = checked;
  checked = [];
  const key = (c: (typeof todo)[number]) => JSON.stringify([c.cfg, c.files]);
  const asked = [...new Map(todo.filter((c) => !answeredByTsc.has(key(c))).map((c) => [key(c), c])).values()];
  if (asked.length > 0) (await tscAnswers(asked)).forEach((a, i) => answeredByTsc.set(key(asked[i]), a));
  for (const c of todo) expect({ cfg: c.cfg, ...c.answer }).toEqual({ cfg: c.cfg, ...answeredByTsc.get(key(c)) });
}

/** A test whose checks (`expectSameAsTsc`) are compared with tsc's answers once it is done, or has failed. */
function tscTest(name: string, fn: () => void): void {
  test(name, async () => {
    checked = [];
    try {
      fn();
    } finally {
      await expectTscAnswered();
    }
  });
}

/** Every file under `dir`: its path there and its text, sorted by path. */
function tree(dir: string, under = ""): [string, string][] {
  return fs.readdirSync(path.join(dir, under), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? tree(dir, path.join(under, e.name)) : [[path.join(under, e.name), fs.readFileSync(path.join(dir, under, e.name), "utf8")] as [string, string]]));
}

function answered(a: CheckAnswer): { status: number | null; output: string } {
  if ("fallback" in a) throw new Error(`the checker left this to tsc: ${a.fallback}`);
  return { status: a.status, output: a.output };
}

/**
 * Checks `cfg` with `c`, to be compared with what tsc answers for the same files once the test is
 * done (`tscTest`); returns the checker's answer.
 */
function expectSameAsTsc(c: TscChecker, cfg: string): Exclude<CheckAnswer, { fallback: string }> {
  const a = c.check(path.dirname(cfg), cfg);
  const { status, output } = answered(a);
  checked.push({ cfg: path.relative(work, cfg), files: tree(work), answer: { status, output: output.split(work).join(WORK) } });
  return a as Exclude<CheckAnswer, { fallback: string }>;
}

const WRONG = [
  'import { f } from "./b.js";',
  'const n: number = f("x");',
  "const o: { a: { b: string } } = { a: { b: 1 } };",
  "export { n, o };",
  "",
].join("\n");
const B = "export function f(x: number): string { return String(x); }\n";

describe("the TypeScript 5.9 checker", () => {
  tscTest("each check's diagnostics name files relative to its own folder, also after a check in another folder (TypeScript's sys remembers the first folder it was asked for)", () => {
    const c = sharedChecker();
    const bad = 'export const n: number = "one";\n';
    write({ "a/x.ts": bad, "b/y.ts": bad });
    const first = expectSameAsTsc(c, config("a/tsconfig.json", STRICT_OPTIONS, ["x.ts"]));
    expect(first.output).toMatch(/^x\.ts\(1,14\): error TS2322/);
    const second = expectSameAsTsc(c, config("b/tsconfig.json", STRICT_OPTIONS, ["y.ts"]));
    expect(second.output).toMatch(/^y\.ts\(1,14\): error TS2322/);
  });

  tscTest("answers a spawned tsc's diagnostics and status: type errors (with chained messages), option errors, syntax errors, files and configs missing, none", () => {
    const c = sharedChecker();
    write({ "a.ts": WRONG, "b.ts": B, "clean.ts": "export const x = 1;\n", "broken.ts": "export const = ;\n" });
    const cases = [
      config("errors.json", STRICT_OPTIONS, ["a.ts", "b.ts"]),
      config("clean.json", STRICT_OPTIONS, ["clean.ts"]),
      // An unknown option, an option that needs another (exactOptionalPropertyTypes without strictNullChecks), a file that is not there.
      config("options.json", { ...BASE_OPTIONS, bogus: true, strict: false, exactOptionalPropertyTypes: true }, ["clean.ts", "missing.ts"]),
      config("syntax.json", STRICT_OPTIONS, ["broken.ts", "a.ts", "b.ts"]),
      config("no-files.json", STRICT_OPTIONS, []),
      path.join(work, "absent.json"),
    ];
    write({ "unreadable.json": "{ compilerOptions: " });
    cases.push(path.join(work, "unreadable.json"));
    const statuses = cases.map((cfg) => expectSameAsTsc(c, cfg).status);
    // The cases are live: errors give a non-zero status, a clean program zero.
    expect(statuses[0]).not.toBe(0);
    expect(statuses[1]).toBe(0);
    expect(statuses.slice(2).every((s) => s !== 0)).toBe(true);
  });

  tscTest("reuses the lib files of the last check, reads a file changed since again, and parses a file of the same text at another path as its own", () => {
    const c = checker();
    write({ "a.ts": WRONG, "b.ts": B });
    const cfg = config("tsconfig.json", STRICT_OPTIONS, ["a.ts", "b.ts"]);
    const first = expectSameAsTsc(c, cfg);
    expect(first.reused).toBe(0);
    const again = expectSameAsTsc(c, cfg);
    expect(again.parsed).toBe(0);
    expect(again.reused).toBe(first.parsed);

    write({ "b.ts": "export function f(x: string): number { return x.length; }\n" });
    const changed = expectSameAsTsc(c, cfg);
    expect(changed.output).not.toEqual(first.output);
    expect(changed.parsed).toBe(1);

    write({ "other/a.ts": WRONG, "other/b.ts": B });
    const moved = expectSameAsTsc(c, config("other.json", STRICT_OPTIONS, ["other/a.ts", "other/b.ts"]));
    expect(moved.output).toContain("other/a.ts(");
    expect(moved.parsed).toBe(2);
  });

  tscTest("checks a generated output's runtime modules once for the same texts, options and declaration files, and again where they differ, have errors, or another file reaches into them", () => {
    const c = sharedChecker();
    // Stand-ins for runtime.ts, validation.ts and edm.ts: importing only each other.
    const runtime = {
      "runtime.ts": 'import { check } from "./validation.js";\nexport const when: Date = new Date();\nexport const year: number = when.getFullYear();\nexport const ok: boolean = check(year);\n',
      "validation.ts": 'import type { Int } from "./edm.js";\nexport function check(n: Int): boolean { return n > 0; }\n',
      "edm.ts": "export type Int = number;\n",
    };
    const usage = 'import { year } from "./runtime.js";\nexport const y: string = year;\n';
    const output = (dir: string, own: Record<string, string>) => {
      write(Object.fromEntries(Object.entries({ ...runtime, ...own }).map(([f, t]) => [`${dir}/${f}`, t])));
      return Object.keys({ ...runtime, ...own });
    };
    const first = expectSameAsTsc(c, config("a/tsconfig.json", STRICT_OPTIONS, output("a", { "usage.ts": usage })));
    expect(first.output).toMatch(/^usage\.ts\(2,14\): error TS2322/);
    expect(first.runtimeReused).toBe(0);
    // Another output, the same runtime: its usage is checked against it, the runtime's bodies not again.
    const second = expectSameAsTsc(c, config("b/tsconfig.json", STRICT_OPTIONS, output("b", { "usage.ts": usage })));
    expect(second.output).toMatch(/^usage\.ts\(2,14\): error TS2322/);
    expect(second.runtimeReused).toBe(1);
    // Other options: checked again.
    expect(expectSameAsTsc(c, config("b/base.json", BASE_OPTIONS, output("b", { "usage.ts": usage }))).runtimeReused).toBe(0);
    // A file declaring globals that reach into the runtime (Date's getFullYear, merged): its error is reported.
    const global = 'export {};\ndeclare global {\n  interface Date { getFullYear(): string }\n}\n';
    const reached = expectSameAsTsc(c, config("g/tsconfig.json", STRICT_OPTIONS, output("g", { "global.ts": global })));
    expect(reached.output).toMatch(/^runtime\.ts\(3,14\): error TS2322/);
    expect(reached.runtimeReused).toBe(0);
    // The same with a comment between `declare` and `global`, as TypeScript takes it.
    const commented = global.replace("declare global", "declare /* the global scope */ global");
    const reachedToo = expectSameAsTsc(c, config("h/tsconfig.json", STRICT_OPTIONS, output("h", { "global.ts": commented })));
    expect(reachedToo.output).toMatch(/^runtime\.ts\(3,14\): error TS2322/);
    // A runtime with an error is checked, and its error reported, every time.
    const broken = { "runtime.ts": runtime["runtime.ts"].replace("year: number", "year: string") };
    for (const dir of ["x", "y"]) {
      const r = expectSameAsTsc(c, config(`${dir}/tsconfig.json`, STRICT_OPTIONS, output(dir, broken)));
      expect(r.output).toMatch(/^runtime\.ts\(3,14\): error TS2322/);
      expect(r.runtimeReused).toBe(0);
    }
    // Two outputs in one program (runTscCases' folders), on a new checker: the second's runtime is not checked again.
    const files = [...output("p/m0", { "usage.ts": usage }).map((f) => `m0/${f}`), ...output("p/m1", { "usage.ts": usage }).map((f) => `m1/${f}`)];
    const both = expectSameAsTsc(checker(), config("p/tsconfig.json", STRICT_OPTIONS, files));
    expect(both.output.split("\n").filter((l) => l.includes("error TS2322"))).toHaveLength(2);
    expect(both.runtimeReused).toBe(1);
  });

  tscTest("checks the runtime modules again in a folder whose package.json makes them another module format (import.meta in CommonJS)", () => {
    const c = sharedChecker();
    const runtime = {
      "runtime.ts": 'import { check } from "./validation.js";\nexport const where: string = import.meta.url;\nexport const ok: boolean = check(1);\n',
      "validation.ts": 'import type { Int } from "./edm.js";\nexport function check(n: Int): boolean { return n > 0; }\n',
      "edm.ts": "export type Int = number;\n",
      "usage.ts": 'import { ok } from "./runtime.js";\nexport const y: boolean = ok;\n',
    };
    const output = (dir: string, type: string) => {
      write({ ...Object.fromEntries(Object.entries(runtime).map(([f, t]) => [`${dir}/${f}`, t])), [`${dir}/package.json`]: JSON.stringify({ type }) });
      return config(`${dir}/tsconfig.json`, STRICT_OPTIONS, Object.keys(runtime));
    };
    expect(expectSameAsTsc(c, output("esm", "module")).output).toBe("");
    expect(expectSameAsTsc(c, output("cjs", "commonjs")).output).toMatch(/^runtime\.ts\(2,30\): error TS1470/);
  });

  tscTest("makes a file anew for options its parse or binding depends on", () => {
    const c = sharedChecker();
    // Unreachable code is reported by the binder, as an error only with allowUnreachableCode: false.
    write({ "u.ts": "export function f(): number {\n  return 1;\n  f();\n}\n" });
    const strict = expectSameAsTsc(c, config("strict.json", STRICT_OPTIONS, ["u.ts"]));
    const base = expectSameAsTsc(c, config("base.json", BASE_OPTIONS, ["u.ts"]));
    expect(strict.output).toContain("TS7027");
    expect(base.output).toBe("");
  });

  tscTest("keeps no more text than its bound, the least recently used going first, and answers the same", () => {
    const c = checker({ maxChars: 100_000 });
    write({ "a.ts": WRONG, "b.ts": B });
    const cfg = config("tsconfig.json", STRICT_OPTIONS, ["a.ts", "b.ts"]);
    const first = expectSameAsTsc(c, cfg);
    const stats = c.stats();
    expect(stats.chars).toBeLessThanOrEqual(100_000);
    // lib.dom.d.ts is larger than the bound: it was not kept, and is made again.
    expect(stats.keys.some((k) => k.includes("lib.dom.d.ts"))).toBe(false);
    const again = expectSameAsTsc(c, cfg);
    expect(again.parsed).toBeGreaterThan(0);
    expect(again.output).toBe(first.output);
  });

  test("a check that runs past its time is killed and answers a timeout, not tsc's output", () => {
    const c = checker({ timeoutMs: 1 });
    write({ "a.ts": WRONG, "b.ts": B });
    const a = c.check(work, config("tsconfig.json", STRICT_OPTIONS, ["a.ts", "b.ts"]));
    expect(a).toMatchObject({ status: null, output: expect.stringContaining("ETIMEDOUT") });
    expect(c.alive).toBe(false);
  });

  test("leaves to tsc what it does not do as tsc does (statistics, project references, emitting files)", () => {
    const c = sharedChecker();
    write({ "clean.ts": "export const x = 1;\n" });
    // As `tsc -b` runs it (no --noEmit added), a config that would emit is tsc's; one that says noEmit is the checker's.
    const { noEmit, ...emitting } = STRICT_OPTIONS;
    expect(noEmit).toBe(true);
    expect(c.check(work, config("emits.json", emitting, ["clean.ts"]), false)).toHaveProperty("fallback");
    expect(c.check(work, config("no-emit.json", STRICT_OPTIONS, ["clean.ts"]), false)).toMatchObject({ status: 0, output: "" });
    expect(c.check(work, config("stats.json", { ...STRICT_OPTIONS, extendedDiagnostics: true }, ["clean.ts"]))).toHaveProperty("fallback");
    write({ "refs.json": JSON.stringify({ compilerOptions: STRICT_OPTIONS, files: ["clean.ts"], references: [{ path: "./stats.json" }] }) });
    expect(c.check(work, path.join(work, "refs.json"))).toHaveProperty("fallback");
  });
});
