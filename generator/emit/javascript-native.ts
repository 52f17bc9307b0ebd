/**
 * `emit: "js"` with TypeScript 7 (javascript.ts does it with 5.6–6.x): its package has no
 * JavaScript API but a native `tsc`, which compiles the whole output on all the machine's cores,
 * each module without type checking (`noCheck`, `isolatedDeclarations`): Graph's 14 MB in about
 * 2 s, where 5.9's API takes about 8. The modules are written to a temporary folder, compiled there
 * by one `tsc` run, and read back; the folder is removed whatever happens. The output is what the
 * API's compile gives, byte for byte (emit-javascript checks it), with odatagen's header put back.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { GenerationError, type Diagnostic } from "../diagnostics";
import { finished, undeclarable, withHeader } from "./javascript";
import { TypeScriptMissingError } from "./typescript-api";

/** TypeScript 7 as found in a project: its `tsc` launcher (a Node script that starts the native compiler). */
export interface NativeTypeScript {
  native: true;
  version: string;
  tsc: string;
}

/** The output compiled by TypeScript 7's `tsc`, synchronously (the library's generate()). */
export function nativeJavascriptOutput(files: ReadonlyMap<string, string>, compiler: NativeTypeScript): Map<string, string> {
  const work = prepare(files);
  try {
    const r = spawnSync(process.execPath, [compiler.tsc, "-p", work.config], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    return collect(files, work, compiler, { status: r.status, output: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}` });
  } finally {
    fs.rmSync(work.dir, { recursive: true, force: true });
  }
}

/**
 * nativeJavascriptOutput for the CLI: `between()` (its checkpoint) is awaited while `tsc` runs, and
 * when it throws (Ctrl+C) the compiler is stopped, its folder removed, and the error passed on.
 */
export async function nativeJavascriptOutputAsync(files: ReadonlyMap<string, string>, compiler: NativeTypeScript, between: () => Promise<void>): Promise<Map<string, string>> {
  const work = prepare(files);
  // Its own process group (POSIX), so that stopping it stops the native compiler its launcher started.
  const child = spawn(process.execPath, [compiler.tsc, "-p", work.config], { detached: process.platform !== "win32", stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (output += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (output += d));
  let status: number | null | undefined;
  const done = new Promise<void>((resolve) => {
    child.on("error", (e) => {
      output += String(e);
      status = null;
      resolve();
    });
    child.on("close", (code) => {
      status ??= code;
      resolve();
    });
  });
  try {
    while (status === undefined) {
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 50))]);
      await between();
    }
    return collect(files, work, compiler, { status, output });
  } catch (e) {
    stop(child.pid);
    await done;
    throw e;
  } finally {
    fs.rmSync(work.dir, { recursive: true, force: true });
  }
}

function stop(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === "win32" ? pid : -pid, "SIGKILL");
  } catch {
    // already gone
  }
}

interface Work {
  dir: string;
  config: string;
  modules: string[];
}

/** The modules written to a new temporary folder (`src/`), with the tsconfig.json that compiles them into `out/`. */
function prepare(files: ReadonlyMap<string, string>): Work {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-js-"));
  const modules = [...files.keys()].filter((f) => f.endsWith(".ts"));
  fs.mkdirSync(path.join(dir, "src"));
  for (const f of modules) fs.writeFileSync(path.join(dir, "src", f), files.get(f)!);
  const compilerOptions = {
    target: "es2022",
    module: "esnext",
    moduleResolution: "bundler",
    lib: ["es2022"],
    types: [],
    declaration: true,
    isolatedDeclarations: true,
    noCheck: true,
    skipLibCheck: true,
    newLine: "lf",
    rootDir: "src",
    outDir: "out",
    pretty: false,
  };
  const config = path.join(dir, "tsconfig.json");
  fs.writeFileSync(config, JSON.stringify({ compilerOptions, files: modules.map((f) => `src/${f}`) }));
  return { dir, config, modules };
}

/** What `tsc` made, as javascript.ts returns it; its errors as ODG407, or ODG406 when it did not run. */
function collect(files: ReadonlyMap<string, string>, work: Work, compiler: NativeTypeScript, run: { status: number | null; output: string }): Map<string, string> {
  const problems: Diagnostic[] = [];
  for (const m of run.output.matchAll(/^src[\\/](.+?)\((\d+),(\d+)\): error TS(\d+): (.*)$/gm))
    problems.push(undeclarable({ file: m[1]!, line: Number(m[2]), column: Number(m[3]) }, compiler.version, m[4]!, m[5]!));
  if (problems.length) throw new GenerationError(problems, "in the generated code");
  if (run.status !== 0) throw new TypeScriptMissingError(`emit "js": TypeScript ${compiler.version}'s tsc (${compiler.tsc}) failed (exit ${run.status}): ${run.output.trim().split("\n")[0] ?? ""}`);
  const out = new Map<string, string>();
  for (const [file, text] of files) {
    if (!file.endsWith(".ts")) {
      out.set(file, text);
      continue;
    }
    const base = file.slice(0, -".ts".length);
    for (const ext of [".js", ".d.ts"]) out.set(`${base}${ext}`, withHeader(text, fs.readFileSync(path.join(work.dir, "out", `${base}${ext}`), "utf8")));
  }
  return finished(out);
}
