// A TypeScript 5.9 checker that stays up: started by test/helpers/tsc-checker.ts (through pipe.js),
// it loads `typescript` once and answers, for each request, what `tsc -p <config> --noEmit --pretty
// false` run in the request's folder prints and the status it exits with. The parsed and bound
// SourceFiles of the files it read are kept for the next request (TypeScript's lib files, generated
// modules that did not change), as the language service's document registry keeps them: a file is
// used again only with the same path, the same text and the same options that affect its parse and
// its binding. Plain JavaScript, as node runs it (jest's transform does not reach a child).
//
// Requests: one JSON line each on stdin, `{ id, cwd, config, noEmitFlag }` or `{ id, stats: true }`. Answers: one
// JSON line each on fd 3, `{ id, status, output, parsed, reused }`, `{ id, fallback }` where the config
// asks for something this does not do as tsc does (tsc is then spawned instead), or `{ id, stats }`.
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const readline = require("node:readline");
const { Worker } = require("node:worker_threads");
const ts = require(process.argv[2]);

/** The most text (in characters) the kept SourceFiles may hold; the least recently used go first. */
const MAX_CHARS = Number(process.argv[3]);
/** A request that runs longer than this (ms) kills this process, even if nobody waits for it any more. */
const TIMEOUT_MS = Number(process.argv[4]);

/** TypeScript's own tsc parses JSDoc only as far as type errors need (its `defaultJSDocParsingMode`). */
const JSDOC_PARSING_MODE = 2;

/** @type {Map<string, { text: string, file: import("typescript").SourceFile }>} key → kept file, oldest use first */
const kept = new Map();
let keptChars = 0;

const answers = fs.createWriteStream("", { fd: 3 });
const watchdog = startWatchdog();

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const request = JSON.parse(line);
  if (request.stats) return answer({ id: request.id, stats: { files: kept.size, chars: keptChars, maxChars: MAX_CHARS, keys: [...kept.keys()] } });
  watchdog.start();
  let result;
  try {
    result = check(request.cwd, request.config, request.noEmitFlag !== false);
  } catch (e) {
    result = { fallback: `the checker failed: ${e && e.stack ? e.stack : String(e)}` };
  }
  watchdog.stop();
  answer({ id: request.id, ...result });
});
// The jest worker is gone (its end of the pipe closed): nothing is left to answer.
process.stdin.on("end", () => process.exit(0));

function answer(message) {
  answers.write(`${JSON.stringify(message)}\n`);
}

/**
 * What `tsc -p config --noEmit --pretty false` in `cwd` prints and exits with (executeCommandLine →
 * performCompilation); without `--noEmit` where `noEmitFlag` is false (a config that does not say
 * `noEmit` is then left to tsc, as is one that asks for emitted files).
 */
function check(cwd, config, noEmitFlag) {
  process.chdir(cwd);
  let output = "";
  const exited = {};
  const system = {
    ...ts.sys,
    // ts.sys remembers the first folder it was asked for (a memoized process.cwd()): each check has its own.
    getCurrentDirectory: () => process.cwd(),
    write: (s) => {
      output += s;
    },
    exit: (status) => {
      throw Object.assign(exited, { status });
    },
  };
  try {
    const status = compile(system, config, noEmitFlag);
    return "fallback" in status ? status : { ...status, output };
  } catch (e) {
    if (e === exited) return { status: exited.status, output, parsed: 0, reused: 0 };
    throw e;
  }
}

function compile(system, config, noEmitFlag) {
  const commandLine = ts.parseCommandLine(["-p", config, ...(noEmitFlag ? ["--noEmit"] : []), "--pretty", "false"], (f) => system.readFile(f));
  const report = ts.createDiagnosticReporter(system, false);
  const project = ts.normalizePath(commandLine.options.project);
  if (system.directoryExists(project)) return { fallback: "the project is a folder" };
  if (!system.fileExists(project)) {
    report(ts.createCompilerDiagnostic(ts.Diagnostics.The_specified_path_does_not_exist_Colon_0, commandLine.options.project));
    return system.exit(1);
  }
  const cwd = system.getCurrentDirectory();
  const commandLineOptions = ts.convertToOptionsWithAbsolutePaths(commandLine.options, (f) => ts.getNormalizedAbsolutePath(f, cwd));
  const host = { ...system, onUnRecoverableConfigFileDiagnostic: (d) => (report(d), system.exit(1)) };
  const parsed = ts.getParsedCommandLineOfConfigFile(project, commandLineOptions, host, new Map(), commandLine.watchOptions);
  const options = parsed.options;
  // What tsc does otherwise (watch, build info, statistics, traces, listings, a pretty reporter) is left to tsc.
  const unusual = ["watch", "incremental", "composite", "build", "showConfig", "diagnostics", "extendedDiagnostics", "generateTrace", "generateCpuProfile", "traceResolution", "listFiles", "listEmittedFiles", "explainFiles", "listFilesOnly", "locale", "pretty", "noEmit"].filter(
    (o) => (o === "pretty" ? options.pretty !== false : o === "noEmit" ? options.noEmit !== true : options[o] !== undefined && options[o] !== false),
  );
  if (unusual.length > 0 || (parsed.projectReferences ?? []).length > 0 || ts.isIncrementalCompilation(options) || ts.isWatchSet(options)) {
    return { fallback: `the config asks for ${unusual.join(", ") || "project references"}` };
  }
  const counts = { parsed: 0, reused: 0 };
  const programHost = ts.createCompilerHostWorker(options, undefined, system);
  programHost.jsDocParsingMode = JSDOC_PARSING_MODE;
  keepSourceFiles(programHost, options, counts);
  const getCanonicalFileName = ts.createGetCanonicalFileName(programHost.useCaseSensitiveFileNames());
  ts.changeCompilerHostLikeToUseCache(programHost, (f) => ts.toPath(f, programHost.getCurrentDirectory(), getCanonicalFileName));
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options,
    projectReferences: parsed.projectReferences,
    host: programHost,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
  });
  shareRuntimeChecks(program, options, counts);
  const status = ts.emitFilesAndReportErrorsAndGetExitStatus(program, report, (s) => system.write(s + system.newLine), undefined);
  evict();
  return { status, ...counts };
}

/** The runtime modules a generated output holds, the same in each: they import only each other. */
const RUNTIME = ["runtime.ts", "validation.ts", "edm.ts"];
const RUNTIME_IMPORT = /^\.\/(runtime|validation|edm)\.js$/;

/** Keys (see runtimeGroups) of runtime modules a check found free of semantic diagnostics. */
const cleanRuntime = new Set();

/** A number for each SourceFile object (kept ones are the same object for the same path, text and options). */
const fileIds = new WeakMap();
function fileId(file) {
  if (!fileIds.has(file)) fileIds.set(file, nextId++);
  return fileIds.get(file);
}
let nextId = 0;

/**
 * The runtime modules of a generated output (RUNTIME: ~430 KB, the same in every output) take most
 * of a check of a small output with its usage code (~2.5 s of CPU here), and they mean the same in
 * every program where their texts, the compiler options, the declaration files (lib files, @types)
 * are the same and no other file can reach into them (a script's global declarations, `declare
 * global`, `declare module`): their semantic diagnostics are then the same. Once a check found such
 * a group free of them, a later check with the same key takes that answer rather than checking the
 * group's bodies again; the other files are checked in full against the group's declarations, and
 * what tsc prints is the same. A group with diagnostics is checked every time (its messages name
 * its own path).
 */
function shareRuntimeChecks(program, options, counts) {
  const groups = runtimeGroups(program, options);
  if (groups.length === 0) return;
  const groupOf = new Map(groups.flatMap((g) => g.files.map((f) => [f, g])));
  const original = program.getSemanticDiagnostics;
  program.getSemanticDiagnostics = (sourceFile, cancellationToken) => {
    if (sourceFile) return original(sourceFile, cancellationToken);
    // In the program's order; a group is taken as checked once its key is known clean, by an
    // earlier check or by an earlier group of this one (cases laid out in several folders).
    const state = new Map();
    const all = [];
    for (const f of program.getSourceFiles()) {
      const g = groupOf.get(f);
      if (g && !state.has(g) && cleanRuntime.has(g.key)) state.set(g, "reused");
      if (g && state.get(g) === "reused") continue;
      const d = original(f, cancellationToken);
      all.push(...d);
      if (!g) continue;
      const s = state.get(g) ?? { checked: 0, diagnostics: 0 };
      s.checked++;
      s.diagnostics += d.length;
      state.set(g, s);
      if (s.checked === g.files.length && s.diagnostics === 0) cleanRuntime.add(g.key);
    }
    counts.runtimeReused = [...state.values()].filter((s) => s === "reused").length;
    return ts.sortAndDeduplicateDiagnostics(all);
  };
}

/** Each folder's runtime modules in the program, with a key of what their diagnostics depend on; none where another file may change what they mean. */
function runtimeGroups(program, options) {
  const files = program.getSourceFiles();
  const own = files.filter((f) => !f.isDeclarationFile);
  // The program's own record of a file's `declare global` and `declare module "…"` (module
  // augmentations, ambient modules), whatever comments stand between their words.
  if (own.some((f) => !ts.isExternalModule(f) || (f.moduleAugmentations ?? []).length > 0 || (f.ambientModuleNames ?? []).length > 0)) return [];
  const { configFilePath, project, pathsBasePath, ...rest } = options;
  const context = JSON.stringify([rest, files.filter((f) => f.isDeclarationFile).map((f) => [f.fileName, fileId(f)])]);
  const byFolder = new Map();
  for (const f of own.filter((x) => RUNTIME.includes(path.basename(x.fileName)))) {
    const folder = path.dirname(f.fileName);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), f]);
  }
  const groups = [];
  for (const group of byFolder.values()) {
    const names = new Set(group.map((f) => `./${path.basename(f.fileName, ".ts")}.js`));
    const closed = group.every(
      (f) => f.referencedFiles.length === 0 && f.typeReferenceDirectives.length === 0 && f.libReferenceDirectives.length === 0 && (f.imports ?? []).every((i) => RUNTIME_IMPORT.test(i.text) && names.has(i.text)),
    );
    if (!closed) continue;
    // The module format (a package.json's "type" under node16/nodenext) is the file's, not the options'.
    const texts = group.map((f) => [path.basename(f.fileName), f.impliedNodeFormat ?? null, crypto.createHash("sha256").update(f.text).digest("hex")]).sort();
    groups.push({ key: JSON.stringify([context, texts]), files: group });
  }
  return groups;
}

/**
 * Makes `host.getSourceFile` answer a kept SourceFile where the file's path, text and the options its
 * parse and binding depend on are those it was made with (the document registry's key, plus what the
 * binder reads besides), and keep each file it makes.
 */
function keepSourceFiles(host, options, counts) {
  const made = host.getSourceFile;
  const settings = JSON.stringify([
    ts.getKeyForCompilerOptions(options, ts.sourceFileAffectingCompilerOptions),
    ts.getStrictOptionValue(options, "alwaysStrict"),
    ts.shouldPreserveConstEnums(options),
  ]);
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    const text = host.readFile(fileName);
    if (text === undefined || shouldCreateNewSourceFile) return made(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    const o = typeof languageVersionOrOptions === "object" ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions };
    const key = JSON.stringify([path.resolve(fileName), settings, o.languageVersion, o.impliedNodeFormat, o.jsDocParsingMode ?? host.jsDocParsingMode]);
    const found = kept.get(key);
    if (found && found.text === text) {
      kept.delete(key);
      kept.set(key, found);
      counts.reused++;
      return found.file;
    }
    const file = made(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    if (!file) return file;
    counts.parsed++;
    if (found) {
      kept.delete(key);
      keptChars -= found.text.length;
    }
    kept.set(key, { text, file });
    keptChars += text.length;
    return file;
  };
}

/** Drops the least recently used files until the kept text is within MAX_CHARS. */
function evict() {
  for (const [key, { text }] of kept) {
    if (keptChars <= MAX_CHARS) break;
    kept.delete(key);
    keptChars -= text.length;
  }
}

/**
 * A thread that kills this process (SIGKILL) when a request has run TIMEOUT_MS: the jest worker waiting
 * gives up at that time, but if it has been stopped, nobody would be left to stop a check that hangs.
 */
function startWatchdog() {
  const deadline = new Float64Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    `const { workerData } = require("node:worker_threads");
     const deadline = new Float64Array(workerData.buffer);
     const tick = new Int32Array(new SharedArrayBuffer(4));
     for (;;) {
       Atomics.wait(tick, 0, 0, workerData.tick);
       if (deadline[0] > 0 && Date.now() > deadline[0]) process.kill(workerData.pid, "SIGKILL");
     }`,
    { eval: true, workerData: { buffer: deadline.buffer, pid: process.pid, tick: Math.min(1000, TIMEOUT_MS) } },
  );
  worker.unref();
  return {
    start: () => {
      deadline[0] = Date.now() + TIMEOUT_MS;
    },
    stop: () => {
      deadline[0] = 0;
    },
  };
}
