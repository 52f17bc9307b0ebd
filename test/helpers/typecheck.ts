/**
 * Type checks with the real compilers, each in a child process: TypeScript 5.9 (the `typescript`
 * devDependency), in the jest worker's checker that stays up (./tsc-checker.ts; `tsc` spawned for
 * what it leaves to tsc), and TypeScript 7, the native port (the `typescript7` alias), a `tsc` run
 * each time. A child process keeps the compilers' large heaps out of the jest worker.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as os from "node:os";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { spawnBounded } from "./bounded-spawn";
import { sharedChecker } from "./tsc-checker";

export const REPO = path.resolve(__dirname, "..", "..");

/**
 * --strict, as an ES module with NodeNext resolution, on the ES2022 and DOM libraries, no @types.
 * skipLibCheck: these programs hold no declaration file but TypeScript's own lib files (the
 * generated code is `.ts`, checked in full either way; or its declarations, where `declareModules`
 * checked the code once when it wrote them), and checking lib.dom.d.ts again in every
 * program doubled TypeScript 5.9's time per check. typecheck.test.ts checks generated/ once with
 * `skipLibCheck: false`, as a project that turns it off would.
 */
export const BASE_OPTIONS = {
  strict: true,
  noEmit: true,
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  lib: ["ES2022", "DOM"],
  types: [] as string[],
  skipLibCheck: true,
} as const;

/**
 * The options generated code must compile under: --strict, NodeNext modules (so every relative
 * import must name its `.js` file), ES2022 plus DOM for `fetch`, and no @types packages (the
 * generated code has no dependencies). Plus the stricter checks projects often turn on, so that
 * generated code drops into any of them: no unused names, exact optional properties, checked
 * index access, bracket access for index signatures, and only erasable TypeScript syntax (what
 * Node's type stripping runs).
 */
export const STRICT_OPTIONS = {
  ...BASE_OPTIONS,
  isolatedModules: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noPropertyAccessFromIndexSignature: true,
  allowUnreachableCode: false,
  erasableSyntaxOnly: true,
} as const;

export interface Compiler {
  tsc: string;
  version: string;
  /**
   * TypeScript 7's native executable, run directly: its `tsc` is a Node script that starts it as a
   * child, which a timeout's signal to the script would leave running (and a hung check holding
   * the output pipe, so the test would hang rather than fail).
   */
  exe?: string;
}

const compilers = new Map<string, Compiler | { reason: string }>();

/**
 * A compiler's `tsc` launcher and version, or why it cannot run here. Looked up once per test file,
 * so a file's tests get the same object for a compiler; a compiler found to run is remembered
 * across files and runs (`knownCompiler`).
 */
export function compiler(pkg: "typescript" | "typescript7", major: number): Compiler | { reason: string } {
  const key = `${pkg} ${major}`;
  let found = compilers.get(key);
  if (!found) {
    found = findCompiler(pkg, major);
    compilers.set(key, found);
  }
  return found;
}

function findCompiler(pkg: "typescript" | "typescript7", major: number): Compiler | { reason: string } {
  const tsc = path.join(REPO, "node_modules", pkg, "bin", "tsc");
  if (!fs.existsSync(tsc)) return { reason: `the ${pkg} devDependency is not installed (npm install)` };
  const known = knownCompiler(pkg, major);
  const remembered = known.read();
  if (remembered) return remembered;
  const r = spawnSync(process.execPath, [tsc, "--version"], { encoding: "utf8", timeout: 60000 });
  if (r.status !== 0 || !new RegExp(`Version ${major}\\.`).test(r.stdout)) {
    return { reason: `${pkg}'s tsc does not run here (${(r.stderr || r.stdout || String(r.error)).trim().split("\n")[0]})` };
  }
  const found: Compiler = { tsc, version: r.stdout.trim(), ...(pkg === "typescript7" ? nativeExe(tsc) : {}) };
  known.write(found);
  return found;
}

/**
 * A compiler found to run, remembered in test/.generated/compilers/ under a hash of what the
 * finding depends on (this node, the compiler's package.json and its launcher's path): the lookup
 * starts two or three node processes (~0.6 s of CPU), and two dozen test files look up both
 * compilers. A compiler that does not run is looked up again each time, so that the skip says why.
 */
function knownCompiler(pkg: string, major: number): { read(): Compiler | undefined; write(c: Compiler): void } {
  const manifest = path.join(REPO, "node_modules", pkg, "package.json");
  const inputs = [process.execPath, process.version, process.arch, pkg, String(major), fs.existsSync(manifest) ? fs.readFileSync(manifest, "utf8") : ""];
  const file = path.join(REPO, "test", ".generated", "compilers", `${pkg}-${createHash("sha256").update(JSON.stringify(inputs)).digest("hex").slice(0, 16)}.json`);
  return {
    read() {
      try {
        const c = JSON.parse(fs.readFileSync(file, "utf8")) as Compiler;
        return fs.existsSync(c.tsc) && (c.exe === undefined || fs.existsSync(c.exe)) ? c : undefined;
      } catch {
        return undefined;
      }
    },
    write(c) {
      // Written whole under a temporary name, then renamed: the other jest worker may be reading it.
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(c));
      fs.renameSync(tmp, file);
    },
  };
}

/** A compiler to check output with: TypeScript 7 where it runs (several times faster), else 5.9. */
export function anyCompiler(): Compiler {
  const c = [compiler("typescript7", 7), compiler("typescript", 5)].find((x): x is Compiler => !("reason" in x));
  if (!c) throw new Error("no TypeScript compiler runs here");
  return c;
}

/** The executable TypeScript 7's `tsc` script starts (by its own lookup), where it can be found. */
function nativeExe(tsc: string): { exe?: string } {
  const lookup = path.join(path.dirname(tsc), "..", "lib", "getExePath.js");
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", `import f from ${JSON.stringify(pathToFileURL(lookup).href)}; process.stdout.write(f());`], { encoding: "utf8", timeout: 60000 });
  return r.status === 0 && fs.existsSync(r.stdout) ? { exe: r.stdout } : {};
}

export interface TscResult {
  status: number | null;
  /** Diagnostics, one per line, paths relative to the folder the tsconfig was written in. */
  output: string;
}

/** Runs tsc with a tsconfig (STRICT_OPTIONS by default) written in `dir` over `files`. */
export function runTsc(c: Compiler, dir: string, files: string[], compilerOptions: object = STRICT_OPTIONS): TscResult {
  const config = path.join(dir, `tsconfig.check-${process.pid}.json`);
  fs.writeFileSync(config, JSON.stringify({ compilerOptions, files }, null, 2));
  try {
    return runTscProject(c, config);
  } finally {
    fs.rmSync(config);
  }
}

/** Runs tsc on an existing tsconfig file. */
export function runTscProject(c: Compiler, config: string): TscResult {
  const answer = checkerFor(c)?.check(path.dirname(config), config);
  if (answer && !("fallback" in answer)) return { status: answer.status, output: answer.output.trim() };
  const args = ["-p", config, "--noEmit", "--pretty", "false", ...oneChecker(c)];
  const r = spawnBounded(c.exe ?? process.execPath, c.exe ? args : [c.tsc, ...args], 240000, {
    cwd: path.dirname(config),
    encoding: "utf8",
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}${r.error ? String(r.error) : ""}`.trim() };
}

/**
 * `--checkers 1` for TypeScript 7: its tsc checks a program's files with 4 checkers at once by
 * default, each building again the types the files share (the 1200 subtypes' union of
 * requests-update-many-subtypes, 39 s of CPU with 4, 17 s with 1; the diagnostics the same, in the
 * same order). On the test machine's 2 cores, shared by 2 jest workers, the checkers had no core
 * to run on beside each other anyway. Types counted (`typesMadeEach`) are then one checker's, as
 * TypeScript 5.9's are.
 */
function oneChecker(c: Compiler): string[] {
  return /^Version 7\./.test(c.version) ? ["--checkers", "1"] : [];
}

/**
 * Compiles the generated modules of `dirs` (folders beside one another) as one program under
 * `compilerOptions` (--strict: BASE_OPTIONS), writing each module's declarations to `outDir`, under
 * its folder's name (`<outDir>/<folder>/<module>.d.ts`), and answers the compiler's diagnostics
 * (paths relative to the folders' parent). The modules' own code is checked here, once: cases can
 * then compile against the declarations (`UsageCase.from: [<outDir>/<folder>]`), with skipLibCheck,
 * where the compiler reads the types the modules export without checking their bodies again.
 */
export function declareModules(c: Compiler, dirs: readonly string[], outDir: string, compilerOptions: object = BASE_OPTIONS): TscResult {
  const root = path.dirname(dirs[0]);
  if (dirs.some((d) => path.dirname(d) !== root)) throw new Error(`declareModules: the folders are not beside one another: ${dirs.join(", ")}`);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const config = path.join(outDir, "tsconfig.declare.json");
  const options = { ...compilerOptions, noEmit: false, declaration: true, emitDeclarationOnly: true, rootDir: root, outDir };
  fs.writeFileSync(config, JSON.stringify({ compilerOptions: options, files: dirs.flatMap(tsFiles) }, null, 2));
  try {
    const args = ["-p", config, "--pretty", "false", ...oneChecker(c)];
    const r = spawnBounded(c.exe ?? process.execPath, c.exe ? args : [c.tsc, ...args], 240000, { cwd: root, encoding: "utf8" });
    return { status: r.status, output: `${r.stdout}${r.stderr}${r.error ? String(r.error) : ""}`.trim() };
  } finally {
    fs.rmSync(config);
  }
}

/** Every `.ts` file in a directory (not recursive), absolute, sorted. */
export function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).sort().map((f) => path.join(dir, f));
}

/**
 * Runs tsc (STRICT_OPTIONS) over `dir`'s modules and a `use.ts` of `lines` written there (removed
 * afterwards): how a test checks what generated types let a program write.
 */
export function runTscWithUse(c: Compiler, dir: string, lines: string[]): TscResult {
  const use = path.join(dir, "use.ts");
  fs.writeFileSync(use, [...lines, ""].join("\n"));
  try {
    return runTsc(c, dir, tsFiles(dir));
  } finally {
    fs.rmSync(use);
  }
}

/**
 * For TypeScript 5.9 and 7 in turn, `define(label, c)` declares the tests that type-check with it;
 * a compiler that does not run here gets one skipped test that says why.
 */
export function forEachCompiler(define: (label: string, c: Compiler) => void): void {
  const compilers: [string, Compiler | { reason: string }][] = [
    ["TypeScript 5.9", compiler("typescript", 5)],
    ["TypeScript 7", compiler("typescript7", 7)],
  ];
  for (const [label, c] of compilers) {
    if ("reason" in c) test.skip(`${label}: ${c.reason}`, () => undefined);
    else define(label, c);
  }
}

/** One compiler message about a line of `compileCases`: the column it is at (on its first line) and its text. */
export interface CaseMessage {
  column: number;
  text: string;
}

/** Calls to compile, one a line, indented by two spaces inside `head`'s open function, beside the generated modules of `dir`. */
export interface CaseGroup {
  dir: string;
  head: string;
  lines: readonly string[];
}

/**
 * Compiles `lines` (one call each, indented by two spaces inside `head`'s open function) beside the
 * generated modules of `dir`, in a scratch folder; per line (its index), the compiler's messages
 * about it. Anything the compiler says about another line throws.
 */
export function compileCases(c: Compiler, dir: string, head: string, lines: readonly string[]): Map<number, CaseMessage[]> {
  return compileCaseGroups(c, [{ dir, head, lines }])[0];
}

/** `compileCases` for each group, all in one program (see runTscCases). */
export function compileCaseGroups(c: Compiler, groups: readonly CaseGroup[]): Map<number, CaseMessage[]>[] {
  const results = runTscCases(c, groups.map(caseGroupUsage));
  return results.map((r, i) => messagesByLine(r.output, groups[i].head));
}

/** A group's usage file: its lines inside `head`'s open function, beside the modules of its `dir`. */
export function caseGroupUsage(g: CaseGroup): UsageCase {
  return { from: [g.dir], usage: [g.head, ...g.lines.map((l) => `  ${l}`), "}", ""].join("\n") };
}

/** Per line after `head` (its index), the messages of tsc's `output` about usage.ts; anything else throws. */
export function messagesByLine(output: string, head: string): Map<number, CaseMessage[]> {
  const first = head.split("\n").length + 1;
  const byCase = new Map<number, CaseMessage[]>();
  let at = -1;
  let current: CaseMessage | undefined;
  for (const line of output.split("\n")) {
    const m = /^usage\.ts\((\d+),(\d+)\)/.exec(line);
    if (m) {
      at = Number(m[1]) - first;
      current = { column: Number(m[2]), text: "" };
      byCase.set(at, [...(byCase.get(at) ?? []), current]);
    } else if (!line.startsWith(" ")) at = -1;
    if (at === -1 && line.trim()) throw new Error(`unexpected compiler output: ${line}`);
    if (at >= 0 && current) current.text += `${line}\n`;
  }
  return byCase;
}

/** A usage file to compile beside copies of the generated modules of `from` (the first folder's, where two have one). */
export interface UsageCase {
  from: readonly string[];
  usage: string;
}

/**
 * Compiles every case in one tsc run (one program, so the compiler starts and reads its lib files
 * once, not once per case), each usage file in a scratch folder with the generated modules it needs
 * (cases with the same `from` share one). Per case, what `runTsc` over it alone answers: its
 * diagnostics, paths relative to its folder (the usage file as `usage.ts`), and a non-zero status
 * where there are any. A diagnostic in a generated module goes to every case of its folder; one
 * about no file throws.
 */
export function runTscCases(c: Compiler, cases: readonly UsageCase[], compilerOptions: object = STRICT_OPTIONS): TscResult[] {
  const work = scratchFolder("odatagen-cases");
  try {
    const usages = layOutCases(work, cases);
    const r = runTsc(c, work, usages.map((u) => `${u.folder}/${u.file}`), compilerOptions);
    return attributeCases(r.output, r.status, usages);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Cases to compile as one program, with the compiler options of that program. */
export interface CaseSet {
  cases: readonly UsageCase[];
  compilerOptions: object;
}

/**
 * `runTscCases(c, set.cases, set.compilerOptions)` for each set, all in one `tsc -b` run (one
 * process; each set still its own program, with its own options). Per set, per case, what
 * `runTscCases` answers.
 */
export function runTscCaseSets(c: Compiler, sets: readonly CaseSet[]): TscResult[][] {
  const work = scratchFolder("odatagen-case-sets");
  try {
    const laid = sets.map((set, k) => {
      fs.mkdirSync(path.join(work, `s${k}`));
      const usages = layOutCases(path.join(work, `s${k}`), set.cases);
      const config = path.join(work, `s${k}`, `tsconfig.json`);
      fs.writeFileSync(config, JSON.stringify({ compilerOptions: set.compilerOptions, files: usages.map((u) => `${u.folder}/${u.file}`) }, null, 2));
      return { usages, config };
    });
    const { status, sections } = buildEach(c, work, laid.map((l) => l.config));
    return laid.map(({ usages }, k) => {
      const lines = sections[k];
      const prefix = `s${k}/`;
      const ownOutput = lines.map((l) => {
        if (/^\s/.test(l)) return l;
        if (!l.startsWith(prefix)) throw new Error(`unexpected compiler output: ${l}`);
        return l.slice(prefix.length);
      }).join("\n");
      return attributeCases(ownOutput, lines.length > 0 ? (status || 1) : 0, usages);
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * An empty folder `<name>-<pid>` in the system's temporary folder: the same path each time in a
 * process (calls are synchronous, one at a time), so that TypeScript 5.9's checker finds the
 * generated modules a case copies there where it read them last and keeps them parsed (a
 * SourceFile is its path's). Removed by the caller when done.
 */
function scratchFolder(name: string): string {
  const work = path.join(os.tmpdir(), `${name}-${process.pid}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work);
  return work;
}

/** Writes each case's usage file into `work`, beside copies of its generated modules (cases with the same `from` share a folder). */
function layOutCases(work: string, cases: readonly UsageCase[]): { folder: string; file: string }[] {
  const folders = new Map<string, string>();
  return cases.map((k, i) => {
    const key = JSON.stringify(k.from);
    let folder = folders.get(key);
    if (folder === undefined) {
      folder = `m${folders.size}`;
      folders.set(key, folder);
      copyModules(k.from, path.join(work, folder));
    }
    fs.writeFileSync(path.join(work, folder, `usage-${i}.ts`), k.usage);
    return { folder, file: `usage-${i}.ts` };
  });
}

/** Per case, its lines of tsc's `output` (paths relative to the folder the cases were laid out in), as `runTscCases` answers them. */
function attributeCases(output: string, status: number | null, usages: readonly { folder: string; file: string }[]): TscResult[] {
  const lines: string[][] = usages.map(() => []);
  let current: number[] = [];
  for (const line of output.split("\n")) {
    if (!line.trim()) continue;
    if (/^\s/.test(line) && current.length > 0) {
      for (const i of current) lines[i].push(line);
      continue;
    }
    const m = /^(m\d+)\/([^/(]+)\(/.exec(line);
    if (!m) throw new Error(`unexpected compiler output: ${line}`);
    const [, folder, file] = m;
    current = usages.flatMap((u, i) => (u.folder === folder && (u.file === file || !file.startsWith("usage-")) ? [i] : []));
    const own = line.slice(folder.length + 1);
    for (const i of current) lines[i].push(file === usages[i].file ? `usage.ts${own.slice(file.length)}` : own);
  }
  return lines.map((l) => ({ status: l.length > 0 ? status : 0, output: l.join("\n") }));
}

/** Copies the `.ts` files of `from` into a new folder `to`, the first folder's where two have one. */
function copyModules(from: readonly string[], to: string): void {
  fs.mkdirSync(to);
  for (const d of from) for (const f of fs.readdirSync(d)) if (f.endsWith(".ts") && !fs.existsSync(path.join(to, f))) fs.copyFileSync(path.join(d, f), path.join(to, f));
}

/** A file to count the compiler's types for: `text`, written as `<name>.ts` beside the generated modules of `folder`. */
export interface CountedFile {
  folder: string;
  name: string;
  text: string;
}

/**
 * How many types the compiler made for each file (its `--extendedDiagnostics` "Types"), each file
 * its own program as `runTsc` over it alone would make, all in one `tsc -b` run (one process: the
 * compiler starts and reads its lib files once). The counts are each program's own, the same as
 * separate runs print. Throws, with the compiler's output, unless every program compiles clean.
 */
export function typesMadeEach(c: Compiler, files: readonly CountedFile[], compilerOptions: object = STRICT_OPTIONS): number[] {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-counts-"));
  const written = files.map((f) => path.join(f.folder, `${f.name}.ts`));
  try {
    const configs = files.map((f, i) => {
      fs.writeFileSync(written[i], f.text);
      const config = path.join(work, `p${i}.json`);
      fs.writeFileSync(config, JSON.stringify({ compilerOptions: { ...compilerOptions, extendedDiagnostics: true }, files: [written[i]] }, null, 2));
      return config;
    });
    const { status, output, sections } = buildEach(c, work, configs);
    const counts = sections.map((lines) => Number(/^Types:\s+(\d+)$/m.exec(lines.join("\n"))?.[1] ?? NaN));
    if (status !== 0 || counts.some((n) => Number.isNaN(n))) throw new Error(`tsc failed or printed no type count:\n${output}`);
    return counts;
  } finally {
    for (const f of written) fs.rmSync(f, { force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** A program for `runTscEach`: its files, its compiler options. */
export interface TscProject {
  files: readonly string[];
  compilerOptions: object;
}

/**
 * `runTsc(c, dir, p.files, p.compilerOptions)` for each project, all in one `tsc -b` run (one
 * process; each project still its own program, with its own options). Per project, its
 * diagnostics (paths relative to `dir`) and a non-zero status where there are any.
 */
export function runTscEach(c: Compiler, dir: string, projects: readonly TscProject[]): TscResult[] {
  const work = fs.mkdtempSync(path.join(dir, `.tsc-each-${process.pid}-`));
  try {
    const configs = projects.map((p, i) => {
      const config = path.join(work, `p${i}.json`);
      fs.writeFileSync(config, JSON.stringify({ compilerOptions: p.compilerOptions, files: p.files.map((f) => path.resolve(dir, f)) }, null, 2));
      return config;
    });
    const { status, sections } = buildEach(c, dir, configs);
    return sections.map((lines) => ({ status: lines.length > 0 ? (status || 1) : 0, output: lines.join("\n") }));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Builds each tsconfig (paths absolute, or relative to `cwd`) in one `tsc -b` run: one process, the
 * compiler started and its lib files read once, each config still its own program. Per config, in
 * order, the lines tsc printed for it (its diagnostics, or its statistics), without blank lines and
 * the timestamped progress lines; throws, with the whole output, where one was not built once.
 */
function buildEach(c: Compiler, cwd: string, configs: readonly string[]): { status: number | null; output: string; sections: string[][] } {
  const checked = checkEach(c, cwd, configs);
  if (checked) return checked;
  const args = ["-b", ...configs, "--verbose", "--pretty", "false", ...oneChecker(c)];
  const r = spawnBounded(c.exe ?? process.execPath, c.exe ? args : [c.tsc, ...args], 240000, { cwd, encoding: "utf8" });
  const output = `${r.stdout}${r.stderr}${r.error ? String(r.error) : ""}`;
  // Each program's lines follow the line "Building project '<its tsconfig>'...".
  const built = output.split(/^.*Building project '/m).slice(1);
  const sections = configs.map((config) => {
    const names = [config, path.relative(cwd, config), `./${path.relative(cwd, config)}`].map((n) => `${n}'`);
    const own = built.filter((b) => names.some((n) => b.startsWith(n)));
    if (own.length !== 1) throw new Error(`tsc -b did not build ${config} once:\n${output}`);
    return own[0].split("\n").slice(1).filter((l) => l.trim() && !/^\[?[\d:. ]+(AM|PM)?\]? - /.test(l));
  });
  return { status: r.status, output, sections };
}

/**
 * TypeScript 5.9's checker for this jest worker (test/helpers/tsc-checker.ts), for `c` where it is
 * TypeScript 5.9 (`ODATAGEN_TSC_CHECKER=0` spawns tsc for every check instead).
 */
function checkerFor(c: Compiler) {
  const typescript = path.join(REPO, "node_modules", "typescript");
  if (process.env.ODATAGEN_TSC_CHECKER === "0" || c.exe || c.tsc !== path.join(typescript, "bin", "tsc")) return undefined;
  return sharedChecker(typescript);
}

/**
 * `buildEach` by TypeScript 5.9's checker, each config its own program as `tsc -b` builds it (no
 * `--noEmit` added: a config that does not say `noEmit` is left to tsc); undefined where tsc must
 * run instead.
 */
function checkEach(c: Compiler, cwd: string, configs: readonly string[]): ReturnType<typeof buildEach> | undefined {
  const checker = checkerFor(c);
  if (!checker) return undefined;
  const sections: string[][] = [];
  let status = 0;
  let output = "";
  for (const config of configs) {
    const a = checker.check(cwd, path.resolve(cwd, config), false);
    if ("fallback" in a) return undefined;
    if (a.status === null) throw new Error(`tsc did not check ${config}:\n${a.output}`);
    sections.push(a.output.split("\n").filter((l) => l.trim()));
    status = Math.max(status, a.status);
    output += a.output;
  }
  return { status, output, sections };
}

/** The lines (1-based) right after each `@ts-expect-error` of `usage`: where its copy without them must report an error. */
export function markedLines(usage: string): number[] {
  return usage.split("\n").flatMap((l, i) => (l.includes("@ts-expect-error") ? [i + 2] : []));
}

/**
 * Compiles `usage` in `dir` as `usage.ts`, where each `@ts-expect-error` must meet an error (an
 * unused one is TS2578), and as `usage-bare.ts` without those comments, which must report errors on
 * exactly the lines they marked (`markedLines`), and nowhere else. Returns the compiler's result, for
 * the messages' words.
 */
export function expectErrorsWhereMarked(c: Compiler, dir: string, usage: string): TscResult {
  fs.writeFileSync(path.join(dir, "usage.ts"), usage);
  fs.writeFileSync(path.join(dir, "usage-bare.ts"), usage.replace(/^ *\/\/ @ts-expect-error.*\n/gm, "\n"));
  const r = runTsc(c, dir, ["usage.ts", "usage-bare.ts"], BASE_OPTIONS);
  const lines = r.output.split("\n").filter((l) => /error TS/.test(l));
  expect(lines.filter((l) => !l.startsWith("usage-bare.ts"))).toEqual([]);
  const bare = [...new Set(lines.map((l) => Number(/\((\d+),/.exec(l)?.[1])))];
  expect(bare).toEqual(markedLines(usage));
  return r;
}
