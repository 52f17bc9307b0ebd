/**
 * Config files (JSON, .mjs, .ts), two services, flag overrides, bad configs and a run's diagnostics.
 * What a JSON config and the documents decide (messages, exit codes, flags over the config, the
 * fast path reading it, colour by NO_COLOR and FORCE_COLOR) runs through the CLI's main in this
 * process (cli-in-process.ts, in plain tests), ~0.5 s of CPU less a run; module configs, which Node
 * imports, and signals keep the real CLI (bin/odatagen.js).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { findJsonSyntaxProblem, jsonKeyOffsets, jsonValueOffsets } from "../generator/config/json-syntax";
import { loadConfig } from "../generator/config/load";
import { findTypescript } from "../generator/config/typescript-config";
import { moduleSyntaxPlace } from "../generator/config/module-syntax";
import { spawnSync } from "node:child_process";
import { copySpec, ROOT, runCliAsync, sameTree, scratch, snapshot, startCli, where, writeJson } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";

function twoSpecs(): string {
  const dir = scratch();
  fs.mkdirSync(path.join(dir, "specs"));
  copySpec("graph-callrecords.xml", path.join(dir, "specs"));
  copySpec("graph-beta-securitycopilot.xml", path.join(dir, "specs"));
  return dir;
}

const services = [
  { name: "calls", input: "specs/graph-callrecords.xml", out: "out/calls" },
  { name: "copilot", input: ["specs/graph-beta-securitycopilot.xml"], out: "out/copilot", options: { keyAsSegment: true } },
];

describe("config files", () => {
  test("a JSON config with two services generates both, each with its options", async () => {
    const dir = twoSpecs();
    writeJson(path.join(dir, "odatagen.config.json"), { $schema: "./node_modules/odatagen/odatagen.config.schema.json", services });
    const r = await runCliInProcess(["generate"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/calls: 11 files in out\/calls/);
    expect(r.stdout).toMatch(/copilot: 11 files in out\/copilot/);
    expect(fs.existsSync(path.join(dir, "out/calls/microsoft.graph.callRecords.types.ts"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "out/copilot/microsoft.graph.security.securityCopilot.types.ts"))).toBe(true);
    const m = JSON.parse(fs.readFileSync(path.join(dir, "out/copilot/.odatagen-manifest.json"), "utf8"));
    expect(m.options.keyAsSegment).toBe(true);
    expect(m.inputs).toEqual([{ file: "../../specs/graph-beta-securitycopilot.xml", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  });

  test("--service picks one service and flags override the config", async () => {
    const dir = twoSpecs();
    writeJson(path.join(dir, "odatagen.config.json"), { services });
    const r = await runCliInProcess(["generate", "--service", "calls", "--out", "elsewhere", "--key-as-segment"], dir);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, "elsewhere/index.ts"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "elsewhere/.odatagen-manifest.json"), "utf8")).options.keyAsSegment).toBe(true);
    expect((await runCliInProcess(["generate", "--out", "x"], dir)).code).toBe(2);
  });

  test("options.unqualifiedOperations names bound operations alone; the flags override it; the manifest records it when given", async () => {
    const dir = twoSpecs();
    writeJson(path.join(dir, "odatagen.config.json"), { services: [{ ...services[0], options: { unqualifiedOperations: true } }] });
    const requests = () => fs.readFileSync(path.join(dir, "out/calls/microsoft.graph.callRecords.requests.ts"), "utf8");
    const recorded = () => JSON.parse(fs.readFileSync(path.join(dir, "out/calls/.odatagen-manifest.json"), "utf8")).options.unqualifiedOperations;
    expect((await runCliInProcess(["generate"], dir))).toMatchObject({ code: 0, stderr: "" });
    expect(requests()).toContain('rt.functionCall(target.path, "getDirectRoutingCalls", ');
    expect(recorded()).toBe(true);
    // The option changes the output: the manifest does not answer "up to date" for another value.
    expect((await runCliInProcess(["generate", "--no-unqualified-operations"], dir))).toMatchObject({ code: 0, stderr: "" });
    expect(requests()).toContain('rt.functionCall(target.path, "microsoft.graph.callRecords.getDirectRoutingCalls", ');
    expect(recorded()).toBe(false);
    writeJson(path.join(dir, "odatagen.config.json"), { services: [services[0]] });
    expect((await runCliInProcess(["generate", "--unqualified-operations"], dir))).toMatchObject({ code: 0, stderr: "" });
    expect(requests()).toContain('rt.functionCall(target.path, "getDirectRoutingCalls", ');
    // Neither flag nor option: the metadata decides (Graph declares no Core.DefaultNamespace), and none is recorded.
    expect((await runCliInProcess(["generate"], dir))).toMatchObject({ code: 0, stderr: "" });
    expect(requests()).toContain('rt.functionCall(target.path, "microsoft.graph.callRecords.getDirectRoutingCalls", ');
    expect(recorded()).toBeUndefined();
  });

  test("options.unqualifiedOperations must be true or false; misplaced, it is pointed to options", async () => {
    const dir = twoSpecs();
    writeJson(path.join(dir, "odatagen.config.json"), { services: [{ ...services[0], unqualifiedOperations: true }, { ...services[1], options: { unqualifiedOperations: "yes" } }] });
    const r = await runCliInProcess(["generate"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^odatagen: odatagen\.config\.json:\d+:\d+: services\[0\]\.unqualifiedOperations: unknown key here; it belongs in services\[0\]\.options\.unqualifiedOperations$/),
      expect.stringMatching(/odatagen\.config\.json:\d+:\d+: services\[1\]\.options\.unqualifiedOperations: expected true or false$/),
    ]);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  test("--service naming no service suggests the nearest name (exit 2)", async () => {
    const dir = twoSpecs();
    writeJson(path.join(dir, "odatagen.config.json"), { services });
    expect((await runCliInProcess(["generate", "--service", "cals"], dir))).toMatchObject({ code: 2, stderr: "odatagen: --service: no service named cals; did you mean calls? (have calls, copilot)\n" });
    expect((await runCliInProcess(["generate", "--service", "zzzz"], dir))).toMatchObject({ code: 2, stderr: "odatagen: --service: no service named zzzz (have calls, copilot)\n" });
  });

  test.concurrent("an .mjs config is used when there is no JSON config", async () => {
    const dir = twoSpecs();
    fs.writeFileSync(path.join(dir, "odatagen.config.mjs"), `export default { services: ${JSON.stringify([services[0]])} };\n`);
    const r = await runCliAsync(["generate"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/calls: 11 files/);
  });

  test.concurrent("a .ts config typed with defineConfig is transpiled and loaded", async () => {
    const dir = twoSpecs();
    const lib = path.join(ROOT, "dist", "index.js").split(path.sep).join("/");
    fs.writeFileSync(
      path.join(dir, "odatagen.config.ts"),
      `import { defineConfig, type OdatagenConfig } from ${JSON.stringify(lib)};\n` +
        `const name: string = "calls";\n` +
        `const config: OdatagenConfig = defineConfig({ services: [{ name, input: "specs/graph-callrecords.xml", out: "out/ts" }] });\n` +
        `export default config;\n`,
    );
    const r = await runCliAsync(["generate"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, "out/ts/index.ts"))).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".mjs"))).toEqual([]);
  });

  test.concurrent("a .ts config is transpiled once: a later run of the same text imports the kept JavaScript without loading TypeScript, nor the library's stages with defineConfig", async () => {
    const dir = twoSpecs();
    fs.mkdirSync(path.join(dir, "node_modules"));
    const config = path.join(dir, "odatagen.config.ts");
    const lib = path.join(ROOT, "dist", "index.js").split(path.sep).join("/");
    const write = (name: string) =>
      fs.writeFileSync(
        config,
        `import { defineConfig } from ${JSON.stringify(lib)};\nconst name: string = ${JSON.stringify(name)};\n` +
          `export default defineConfig({ services: [{ name, input: "specs/graph-callrecords.xml", out: "out/ts" }] });\n`,
      );
    const log = path.join(dir, "loaded.txt");
    const tracer = path.join(dir, "trace.js");
    fs.writeFileSync(
      tracer,
      `const M = require("module"); const fs = require("fs"); const seen = new Set(); const load = M._load;
       M._load = function (req, ...rest) { seen.add(req); return load.call(this, req, ...rest); };
       process.on("exit", () => fs.writeFileSync(${JSON.stringify(log)}, [...seen].join("\\n")));`,
    );
    const run = async () => {
      const r = await runCliAsync(["generate"], dir, { NODE_OPTIONS: `--require ${tracer}` });
      const loaded = fs.readFileSync(log, "utf8");
      return { ...r, typescript: /[\\/]typescript[\\/]lib[\\/]typescript\.js$/m.test(loaded), stages: /^(fast-xml-parser|handlebars)/m.test(loaded) };
    };
    const kept = () => fs.readdirSync(path.join(dir, "node_modules", ".cache", "odatagen")).filter((f) => /^config-.*\.mjs$/.test(f));
    write("calls");
    expect(await run()).toMatchObject({ code: 0, stderr: "", typescript: true });
    expect(kept()).toHaveLength(1);
    expect(await run()).toMatchObject({ code: 0, stdout: expect.stringMatching(/calls: up to date/), typescript: false, stages: false });
    // An edited config is transpiled again, and replaces what was kept for it.
    write("renamed");
    expect(await run()).toMatchObject({ code: 0, stdout: expect.stringMatching(/renamed: up to date/), typescript: true });
    expect(kept()).toHaveLength(1);
    // A syntax error is never answered from the cache.
    fs.writeFileSync(config, `export default { services: [{ name: "calls" input: "specs/graph-callrecords.xml", out: "out/ts" }] };\n`); // col 45: the missing comma
    expect(await run()).toMatchObject({ code: 2, stderr: expect.stringMatching(/^odatagen: odatagen\.config\.ts:1:45: ',' expected\.\n$/) });
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".mjs"))).toEqual([]);
  });

  test.concurrent("a .ts config in a project whose typescript is TypeScript 7 (no JS API) is transpiled with odatagen's own", async () => {
    const dir = twoSpecs();
    // The real TypeScript 7 package, installed in the project as `typescript`.
    fs.mkdirSync(path.join(dir, "node_modules"));
    fs.symlinkSync(path.join(ROOT, "node_modules", "typescript7"), path.join(dir, "node_modules", "typescript"), "dir");
    expect(require(require.resolve("typescript", { paths: [dir] })).transpileModule).toBeUndefined();
    const lib = path.join(ROOT, "dist", "index.js").split(path.sep).join("/");
    fs.writeFileSync(
      path.join(dir, "odatagen.config.ts"),
      `import { defineConfig } from ${JSON.stringify(lib)};\n` +
        `export default defineConfig({ services: [{ name: "calls" as string, input: "specs/graph-callrecords.xml", out: "out/ts" }] });\n`,
    );
    const r = await runCliAsync(["generate"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, "out/ts/index.ts"))).toBe(true);
  });

  test("when no typescript package found has a JS API, the error names them", () => {
    const dir = scratch();
    const fake = (at: string, version: string) => {
      const pkg = path.join(dir, at, "node_modules", "typescript");
      fs.mkdirSync(pkg, { recursive: true });
      writeJson(path.join(pkg, "package.json"), { name: "typescript", version, main: "index.js" });
      fs.writeFileSync(path.join(pkg, "index.js"), `exports.version = ${JSON.stringify(version)};\n`);
    };
    fake("project", "7.0.2");
    fake("tool", "7.0.1");
    expect(() => findTypescript([path.join(dir, "project"), path.join(dir, "tool")])).toThrow(
      /TypeScript's JS API \(transpileModule\), which none of these gives: typescript 7\.0\.2 \(.*project\/node_modules\/typescript\); typescript 7\.0\.1 \(.*tool\/node_modules\/typescript\) .*odatagen\.config\.mjs/,
    );
    // The same package reached from two folders is named once; a usable one later in the list is taken.
    expect(() => findTypescript([path.join(dir, "project"), path.join(dir, "project")])).toThrow(/which none of these gives: typescript 7\.0\.2 \([^)]*\) \(TypeScript 7/);
    expect(typeof findTypescript([path.join(dir, "project"), ROOT]).transpileModule).toBe("function");
    // A package that fails to load says why, rather than seeming to lack the API.
    fake("broken", "5.8.2");
    fs.writeFileSync(path.join(dir, "broken", "node_modules", "typescript", "index.js"), 'throw new Error("lib/typescript.js is missing");\n');
    expect(() => findTypescript([path.join(dir, "broken")])).toThrow(/typescript 5\.8\.2 \([^)]*\): it could not be loaded \(lib\/typescript\.js is missing\)/);
    expect(typeof findTypescript([path.join(dir, "project"), ROOT]).transpileModule).toBe("function");
  });

  test.concurrent("a .ts config with a syntax error TypeScript would repair is refused at its line and column (exit 2, nothing written)", async () => {
    const dir = twoSpecs();
    // transpileModule would insert the missing `)` and emit a config that runs.
    fs.writeFileSync(
      path.join(dir, "odatagen.config.ts"),
      `const out = "out/ts";\nexport default { services: [{ name: "calls", input: "specs/graph-callrecords.xml", out }] ;\n`,
    );
    expect((await runCliAsync(["generate"], dir))).toMatchObject({ code: 2, stderr: "odatagen: odatagen.config.ts:2:91: ',' expected.\n" });
    expect(fs.readdirSync(dir).sort()).toEqual(["odatagen.config.ts", "specs"]);
  });

  test.concurrent("an .mjs or .cjs config with a syntax error is refused at its line and column (exit 2, nothing written)", async () => {
    const dir = twoSpecs();
    // Node 20's import() gives the SyntaxError no position; the column counts UTF-16 units, a tab as one.
    fs.writeFileSync(path.join(dir, "odatagen.config.mjs"), `export default {\n\tservices: [\n\t\t{ name: "é😀", input: "specs/graph-callrecords.xml" out: "out/m" },\n  ],\n};\n`);
    expect((await runCliAsync(["generate"], dir))).toMatchObject({ code: 2, stderr: "odatagen: odatagen.config.mjs:3:55: Unexpected identifier 'out'\n" });
    fs.writeFileSync(path.join(dir, "odatagen.config.mjs"), `export default {\n  services: [\n`);
    expect((await runCliAsync(["generate"], dir))).toMatchObject({ code: 2, stderr: "odatagen: odatagen.config.mjs:3:1: Unexpected end of input\n" });
    fs.writeFileSync(path.join(dir, "c.cjs"), `module.exports = {\n  services: [{ input: "specs/graph-callrecords.xml", out: "out/c" ]\n};\n`);
    expect((await runCliAsync(["generate", "-c", "c.cjs"], dir))).toMatchObject({ code: 2, stderr: "odatagen: c.cjs:2:67: Unexpected token ']'\n" });
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  test.concurrent("a .mjs or .ts config that never finishes loading (a top-level await nothing settles) is an error, exit 2, also with --check; no temporary file is left", async () => {
    const dir = twoSpecs();
    const stalled = `await new Promise(() => {});\nexport default { services: ${JSON.stringify([services[0]])} };\n`;
    const message = "the config module never finished loading: a top-level await in it (or in a module it imports) waits for a promise that nothing settles";
    fs.writeFileSync(path.join(dir, "odatagen.config.mjs"), stalled);
    expect(await runCliAsync(["generate"], dir)).toMatchObject({ code: 2, stderr: `odatagen: odatagen.config.mjs: ${message}\n` });
    expect(await runCliAsync(["generate", "--check"], dir)).toMatchObject({ code: 2, stderr: `odatagen: odatagen.config.mjs: ${message}\n` });
    fs.writeFileSync(path.join(dir, "c.ts"), stalled);
    expect(await runCliAsync(["generate", "-c", "c.ts"], dir)).toMatchObject({ code: 2, stderr: `odatagen: c.ts: ${message}\n` });
    expect(fs.readdirSync(dir).sort()).toEqual(["c.ts", "odatagen.config.mjs", "specs"]);
  });

  test("Ctrl+C while a .ts config loads ends the run with 130 and a message, and removes its temporary module; one a killed run left is removed by the next", async () => {
    const dir = twoSpecs();
    fs.writeFileSync(path.join(dir, "odatagen.config.ts"), `await new Promise((r) => setTimeout(r, 60_000));\nexport default { services: ${JSON.stringify([services[0]])} };\n`);
    // A module a run killed by SIGKILL left behind, of a process that has ended.
    const ended = spawnSync(process.execPath, ["-e", "0"]).pid;
    const left = `.odatagen.config.${ended}.1700000000000.mjs`;
    fs.writeFileSync(path.join(dir, left), "export default {};\n");
    const child = startCli(["generate"], dir);
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const temporary = () => fs.readdirSync(dir).filter((f) => f.startsWith(".odatagen.config."));
    // Its own temporary module is there (and the left one gone) while the config waits.
    while (temporary().length !== 1 || temporary()[0] === left) await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(stderr).toBe("odatagen: interrupted (SIGINT) while loading the config odatagen.config.ts; nothing written\n");
    expect(fs.readdirSync(dir).sort()).toEqual(["odatagen.config.ts", "specs"]);
  }, 30_000);

  test("Ctrl+C while diff --service loads a .ts config ends diff as it ends generate: 130, a message, its temporary module removed", async () => {
    const dir = twoSpecs();
    fs.writeFileSync(path.join(dir, "odatagen.config.ts"), `await new Promise((r) => setTimeout(r, 60_000));\nexport default { services: ${JSON.stringify([services[0]])} };\n`);
    const child = startCli(["diff", "specs/graph-callrecords.xml", "specs/graph-callrecords.xml", "--service", "calls"], dir);
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const temporary = () => fs.readdirSync(dir).filter((f) => f.startsWith(".odatagen.config."));
    // Its temporary module is there while the config waits.
    while (temporary().length !== 1) await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(stderr).toBe("odatagen: interrupted (SIGINT) while loading the config odatagen.config.ts; nothing written\n");
    expect(fs.readdirSync(dir).sort()).toEqual(["odatagen.config.ts", "specs"]);
  }, 30_000);

  test("a config's import with 60,000 `?` before a CR, or 60,000 spaces after \`from\`, is read in one pass when the config has a syntax error", async () => {
    const dir = scratch();
    const config = path.join(dir, "odatagen.config.mjs");
    // Imports are looked for in comments too; the module it imports has the syntax error.
    fs.writeFileSync(config, `/* import "./a${"?".repeat(60_000)}\r" from${" ".repeat(60_000)}x */\nimport "./b.mjs";\nexport default {};\n`);
    fs.writeFileSync(path.join(dir, "b.mjs"), `export default { a: 1 b: 2 };\n`);
    // Its query cut off by a pattern that backtracked over every `?` took 7 s; the spaces after `from`, 10 s.
    expect(moduleSyntaxPlace(config)).toMatchObject({ file: path.join(dir, "b.mjs"), line: 1, column: 23 });
    await new Promise((r) => setTimeout(r, 0)); // lets the time limit below end the test
  }, 5_000);

  test.concurrent("a syntax error in a module the config imports is reported at that module's line and column, naming the config (exit 2, nothing written)", async () => {
    const dir = twoSpecs();
    fs.mkdirSync(path.join(dir, "lib"));
    // The config imports a module that parses, which imports one that does not (and a package, not checked).
    fs.writeFileSync(path.join(dir, "odatagen.config.mjs"), `import * as path from "node:path";\nimport { out } from "./lib/paths.mjs";\nexport default { services: [{ input: "specs/graph-callrecords.xml", out: out(path.sep) }] };\n`);
    fs.writeFileSync(path.join(dir, "lib", "paths.mjs"), `export { name } from "./names.mjs";\nexport const out = (sep) => "out" + sep + "m";\n`);
    fs.writeFileSync(path.join(dir, "lib", "names.mjs"), `export const name = "calls";\n\nexport const other = { a: 1 b: 2 };\n`);
    expect((await runCliAsync(["generate"], dir))).toMatchObject({
      code: 2,
      stderr: `odatagen: ${path.join("lib", "names.mjs")}:3:29: Unexpected identifier 'b' (in a module the config odatagen.config.mjs imports)\n`,
    });
    // The same from a .ts config (its imports are checked from the config's folder), and from a .cjs config's require.
    fs.rmSync(path.join(dir, "odatagen.config.mjs"));
    fs.writeFileSync(path.join(dir, "odatagen.config.ts"), `import { out } from "./lib/paths.mjs";\nconst o: string = out("/");\nexport default { services: [{ input: "specs/graph-callrecords.xml", out: o }] };\n`);
    expect((await runCliAsync(["generate"], dir))).toMatchObject({
      code: 2,
      stderr: `odatagen: ${path.join("lib", "names.mjs")}:3:29: Unexpected identifier 'b' (in a module the config odatagen.config.ts imports)\n`,
    });
    fs.writeFileSync(path.join(dir, "lib", "dirs.cjs"), `module.exports = { out: "out/c" ;\n`);
    fs.writeFileSync(path.join(dir, "c.cjs"), `const { out } = require("./lib/dirs.cjs");\nmodule.exports = { services: [{ input: "specs/graph-callrecords.xml", out }] };\n`);
    const cjs = await runCliAsync(["generate", "-c", "c.cjs"], dir);
    expect(cjs).toMatchObject({ code: 2, stderr: `odatagen: ${path.join("lib", "dirs.cjs")}:1:33: Unexpected token ';' (in a module the config c.cjs imports)\n` });
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  test("a config in UTF-16, with or without a byte-order mark, is refused saying so and to save it as UTF-8 (exit 2, nothing written)", async () => {
    const dir = twoSpecs();
    const json = `{\n  "services": [{ "input": "specs/graph-callrecords.xml", "out": "out/j" }]\n}\n`;
    const le = Buffer.from(json, "utf16le");
    const cases: [string, Buffer, string][] = [
      ["odatagen.config.json", Buffer.concat([Buffer.from([0xff, 0xfe]), le]), "it is UTF-16 (little-endian: it starts with the byte-order mark FF FE)"],
      ["odatagen.config.json", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]), "it is UTF-16 (big-endian: it starts with the byte-order mark FE FF)"],
      ["odatagen.config.json", le, "it looks like UTF-16 without a byte-order mark (byte 0x00 at line 1, column 2, and at every other byte after it)"],
      ["odatagen.config.mjs", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`export default ${json}`, "utf16le")]), "it is UTF-16 (little-endian: it starts with the byte-order mark FF FE)"],
    ];
    for (const [name, bytes, reason] of cases) {
      fs.writeFileSync(path.join(dir, name), bytes);
      expect([name, (await runCliInProcess(["generate"], dir))]).toMatchObject([name, { code: 2, stderr: `odatagen: ${name}: the config file is not UTF-8: ${reason}; save it as UTF-8\n` }]);
      fs.rmSync(path.join(dir, name));
    }
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
    // The same text in UTF-8 is read.
    fs.writeFileSync(path.join(dir, "odatagen.config.json"), json);
    expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
  });

  test("an unknown key names the nearest known one, or the level where it belongs", async () => {
    const dir = twoSpecs();
    writeJson(path.join(dir, "odatagen.config.json"), {
      service: [],
      input: "specs/graph-callrecords.xml",
      extra: 1,
      services: [
        { inlcude: ["/communications/**"], Exclude: "x", input: "specs/graph-callrecords.xml", out: "out/calls", includeDerived: true, options: { valdators: false, include: "x" } },
      ],
    });
    const r = await runCliInProcess(["generate"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n").map((l) => l.replace(/^odatagen: odatagen\.config\.json:\d+:\d+: /, ""))).toEqual([
      "service: unknown key; did you mean services?",
      "input: unknown key here; it belongs in each service (services[].input)",
      "extra: unknown key (expected one of $schema, services)",
      "services[0].inlcude: unknown key; did you mean include?",
      "services[0].Exclude: unknown key; did you mean exclude?",
      "services[0].includeDerived: unknown key here; it belongs in services[0].options.includeDerived",
      "services[0].options.valdators: unknown key; did you mean validators?",
      "services[0].options.include: unknown key here; it belongs in the service (services[0].include)",
    ]);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  test("unknown keys and wrong types are all reported with their line, column and path; exit 2, nothing written", async () => {
    const dir = twoSpecs();
    writeJson(path.join(dir, "odatagen.config.json"), {
      services: [
        { name: "calls", input: "specs/graph-callrecords.xml", out: "out/calls", keyAsSegmnt: true },
        { name: "copilot", input: ["specs/graph-beta-securitycopilot.xml", 3], out: 42, options: { keyAsSegment: "yes" } },
      ],
      extra: 1,
    });
    const r = await runCliInProcess(["generate"], dir);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    // In the order they are written in the file, though the validator finds `extra` first.
    expect(lines).toEqual([
      "odatagen: odatagen.config.json:7:7: services[0].keyAsSegmnt: unknown key; did you mean services[0].options.keyAsSegment?",
      expect.stringMatching(/odatagen\.config\.json:13:9: services\[1\]\.input\[1\]: expected a string$/),
      expect.stringMatching(/odatagen\.config\.json:15:14: services\[1\]\.out: expected a string$/),
      expect.stringMatching(/odatagen\.config\.json:17:25: services\[1\]\.options\.keyAsSegment: expected true or false$/),
      // An unknown key is pointed at itself, not at its value.
      expect.stringMatching(/odatagen\.config\.json:21:3: extra: unknown key/),
    ]);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  test("config errors are printed by line and column, a missing key at the object it is missing from; the same each run", async () => {
    const dir = twoSpecs();
    // Written by hand: `out` missing from services[0], whose other problems come after it in the file;
    // a top-level key after the list; two problems on one line, in column order.
    fs.writeFileSync(path.join(dir, "odatagen.config.json"), [
      "{",
      '  "services": [',
      '    { "input": "specs/graph-callrecords.xml",',
      '      "name": 7, "options": { "validators": "no" } },',
      '    { "input": 3, "out": "out/b", "nme": "b" }',
      "  ],",
      '  "extra": true',
      "}",
    ].join("\n"));
    const want = [
      "odatagen: odatagen.config.json:3:5: services[0].out: required (the output folder)",
      "odatagen: odatagen.config.json:4:15: services[0].name: expected a string",
      "odatagen: odatagen.config.json:4:45: services[0].options.validators: expected true or false",
      "odatagen: odatagen.config.json:5:16: services[1].input: expected a string or a non-empty list of strings",
      "odatagen: odatagen.config.json:5:35: services[1].nme: unknown key; did you mean name?",
      "odatagen: odatagen.config.json:7:3: extra: unknown key (expected one of $schema, services)",
    ];
    for (let run = 0; run < 2; run++) {
      const r = await runCliInProcess(["generate"], dir);
      expect({ code: r.code, lines: r.stderr.trim().split("\n") }).toEqual({ code: 2, lines: want });
    }
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  test("an empty input or name, and one document listed twice, are config errors (exit 2), as is --input given one file twice", async () => {
    const dir = twoSpecs();
    writeJson(path.join(dir, "odatagen.config.json"), {
      services: [
        { name: "", input: "specs/graph-callrecords.xml", out: "out/calls" },
        { input: "", out: "out/empty" },
        { name: "twice", input: ["specs/graph-callrecords.xml", "./specs/graph-callrecords.xml"], out: "out/twice" },
      ],
    });
    const r = await runCliInProcess(["generate"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/services\[0\]\.name: expected a name, got an empty string \(leave it out to name the service after its output folder\)$/),
      expect.stringMatching(/services\[1\]\.input: expected a file name, got an empty string$/),
      expect.stringMatching(/services\[2\]\.input\[1\]: "\.\/specs\/graph-callrecords\.xml" is the file input\[0\] names already; list each document once$/),
    ]);
    const flags = await runCliInProcess(["generate", "--input", "specs/graph-callrecords.xml", "specs/../specs/graph-callrecords.xml", "--out", "out/x"], dir);
    expect(flags.code).toBe(2);
    expect(flags.stderr).toContain('--input names "specs/../specs/graph-callrecords.xml" again (the same file); give each document once');
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  test("a symlink to a document listed beside it is that document listed twice: a config error or a usage error (exit 2), not an ODG104 for every type", async () => {
    const dir = twoSpecs();
    fs.symlinkSync("graph-callrecords.xml", path.join(dir, "specs/latest.xml"));
    writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "calls", input: ["specs/graph-callrecords.xml", "specs/latest.xml"], out: "out/calls" }] });
    const r = await runCliInProcess(["generate"], dir);
    expect({ code: r.code, lines: r.stderr.trim().split("\n") }).toEqual({
      code: 2,
      lines: [expect.stringMatching(/services\[0\]\.input\[1\]: "specs\/latest\.xml" is the file input\[0\] names already; list each document once$/)],
    });
    const flags = await runCliInProcess(["generate", "--input", "specs/latest.xml", "specs/graph-callrecords.xml", "--out", "out/x"], dir);
    expect({ code: flags.code, stderr: flags.stderr }).toEqual({ code: 2, stderr: 'odatagen: --input names "specs/graph-callrecords.xml" again (the same file); give each document once\n' });
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  test("a config's paths may use Windows' backslash: read as / on every system, the up-to-date fast path too", async () => {
    const dir = twoSpecs();
    writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "calls", input: "specs\\graph-callrecords.xml", out: "out\\calls" }] });
    const r = await runCliInProcess(["generate"], dir);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("calls: 11 files in out/calls");
    expect(fs.readdirSync(dir).sort()).toEqual(["odatagen.config.json", "out", "specs"]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "out/calls/.odatagen-manifest.json"), "utf8")).inputs[0].file).toBe("../../specs/graph-callrecords.xml");
    expect((await runCliInProcess(["generate"], dir)).stdout).toMatch(/^odatagen: 1 service up to date/);
  });

  test("two services with the same name are a config error, exit 2; two unnamed ones whose folders share a name are not", async () => {
    const dir = twoSpecs();
    const [calls, copilot] = services;
    const cases: [unknown[], string[]][] = [
      [[calls, { ...copilot, name: "calls" }], ['services[1].name: services[0] is named "calls" too; each service needs a name of its own']],
      [[{ ...calls, name: undefined, out: "a/calls" }, { ...copilot, name: "calls" }], ['services[1].name: services[0] is named "calls" too (after its output folder); each service needs a name of its own']],
      [[calls, { ...copilot, name: undefined, out: "b/calls" }], ['services[1]: named "calls" after its output folder, as services[0] is named; give it a "name"']],
      // Reported with the other problems, not after they are fixed; the indices are the config's;
      // in the order they are written (services[2]'s name before its out).
      [
        [calls, { ...copilot, optoins: {} }, { ...copilot, name: "calls", out: calls.out }],
        [
          "services[1].optoins: unknown key; did you mean options?",
          'services[2].name: services[0] is named "calls" too; each service needs a name of its own',
          "services[2].out: same output folder as services[0]",
        ],
      ],
    ];
    for (const [list, errors] of cases) {
      writeJson(path.join(dir, "odatagen.config.json"), { services: list });
      const r = await runCliInProcess(["generate"], dir);
      expect(r.code).toBe(2);
      expect(r.stderr.replace(/^odatagen: odatagen\.config\.json:\d+:\d+: /gm, "")).toBe(errors.map((e) => `${e}\n`).join(""));
    }
    expect(fs.readdirSync(dir).sort()).toEqual(["odatagen.config.json", "specs"]);
    writeJson(path.join(dir, "odatagen.config.json"), { services: [{ ...calls, name: undefined, out: "a/gen" }, { ...copilot, name: undefined, out: "b/gen" }] });
    expect((await runCliInProcess(["generate", "-q"], dir))).toMatchObject({ code: 0, stderr: "" });
  });

  test("an output folder without a name of its own (-o /) is named by its path in messages", async () => {
    const dir = twoSpecs();
    expect((await runCliInProcess(["generate", "-i", "specs/graph-callrecords.xml", "-o", "/"], dir))).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^odatagen: \/: output folder \S+ is the working folder or above it/),
    });
  });

  test("invalid JSON, a missing config and --input without --out are usage errors", async () => {
    const dir = twoSpecs();
    expect((await runCliInProcess(["generate"], dir))).toMatchObject({ code: 2, stderr: expect.stringMatching(/no odatagen\.config\.json/) });
    fs.writeFileSync(path.join(dir, "odatagen.config.json"), "{ services: [");
    expect((await runCliInProcess(["generate"], dir))).toMatchObject({ code: 2, stderr: expect.stringMatching(/not valid JSON/) });
    expect((await runCliInProcess(["generate", "-i", "specs/graph-callrecords.xml"], dir))).toMatchObject({ code: 2, stderr: expect.stringMatching(/--out is required/) });
    expect((await runCliInProcess(["generate", "--no-such-flag"], dir)).code).toBe(2);
    // The output folder is swapped as a whole, so it must be a folder of its own.
    expect((await runCliInProcess(["generate", "-i", "specs/graph-callrecords.xml", "-o", "."], dir))).toMatchObject({ code: 2, stderr: expect.stringMatching(/working folder or above it/) });
    expect((await runCliInProcess(["generate", "-i", "specs/graph-callrecords.xml", "-o", "specs"], dir))).toMatchObject({ code: 2, stderr: expect.stringMatching(/holds an input/) });
    // The input itself given as --out (a slip of the keys): said as it is, not as a folder holding it.
    expect((await runCliInProcess(["generate", "-i", "specs/graph-callrecords.xml", "-o", "specs/graph-callrecords.xml"], dir))).toMatchObject({
      code: 2,
      stderr: "odatagen: graph-callrecords.xml: output folder specs/graph-callrecords.xml is an input, not a folder; give generated code a folder of its own\n",
    });
    expect(fs.readdirSync(dir).sort()).toEqual(["odatagen.config.json", "specs"]);
  });

  test("a member named twice in one object of a JSON config is a config error at the later one (exit 2), also where the output is up to date", async () => {
    const dir = twoSpecs();
    writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "calls", input: "specs/graph-callrecords.xml", out: "out/calls" }] });
    expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
    // A merge that kept both lines: JSON.parse takes the last, the output just generated.
    fs.writeFileSync(path.join(dir, "odatagen.config.json"), '{ "services": [\n  { "name": "calls", "input": "specs/graph-callrecords.xml",\n    "out": "out/new", "out": "out/calls" }\n] }\n');
    const want = { code: 2, stderr: "odatagen: odatagen.config.json:3:23: services[0].out: named twice (first at 3:5), and JSON keeps only the last; write it once\n", stdout: "" };
    for (const r of [await runCliInProcess(["generate"], dir), await runCliInProcess(["generate", "--check"], dir)]) expect({ code: r.code, stderr: r.stderr, stdout: r.stdout }).toEqual(want);
    expect(fs.readdirSync(path.join(dir, "out"))).toEqual(["calls"]);
  });

  test("a config's out that cannot be an output folder is reported at its line and column, as the config's other errors are; --out's is not", async () => {
    const dir = twoSpecs();
    fs.writeFileSync(
      path.join(dir, "odatagen.config.json"),
      '{ "services": [\n  { "name": "calls", "input": "specs/graph-callrecords.xml", "out": "." },\n  { "name": "copilot", "input": "specs/graph-beta-securitycopilot.xml", "out": "specs" }\n] }\n',
    );
    const r = await runCliInProcess(["generate"], dir);
    expect({ code: r.code, lines: r.stderr.trim().split("\n") }).toEqual({
      code: 2,
      lines: [
        `odatagen: odatagen.config.json:2:69: services[0].out: output folder ${dir} is the working folder or above it; give generated code a folder of its own`,
        "odatagen: odatagen.config.json:3:80: services[1].out: output folder specs holds an input or the config file; give generated code a folder of its own",
      ],
    });
    const moved = await runCliInProcess(["generate", "--service", "calls", "--out", "specs"], dir);
    expect({ code: moved.code, stderr: moved.stderr }).toEqual({ code: 2, stderr: "odatagen: calls: output folder specs holds an input or the config file; give generated code a folder of its own\n" });
    expect(fs.readdirSync(dir).sort()).toEqual(["odatagen.config.json", "specs"]);
  });


  test("--input reads no config: with --config or --service it is a usage error naming both flags (exit 2), in the quick and the full parser", async () => {
    const dir = twoSpecs();
    writeJson(path.join(dir, "x.json"), { services });
    const withConfig = "odatagen: --input and --config cannot be used together: --input (with --out) generates the documents it names and reads no config; leave --input out to generate the config's services\n";
    const withService = "odatagen: --input and --service cannot be used together: --input (with --out) generates the documents it names and reads no config; leave --input out to generate the services --service picks from the config\n";
    const cases: [string[], string][] = [
      [["-c", "x.json", "-i", "specs/graph-callrecords.xml"], withConfig],
      [["--config", "x.json", "--input", "specs/graph-callrecords.xml", "--out", "out/one"], withConfig],
      // --config=x is read by yargs, not by the quick parser: the same answer.
      [["--config=x.json", "-i", "specs/graph-callrecords.xml", "-o", "out/one"], withConfig],
      [["-i", "specs/graph-callrecords.xml", "-o", "out/one", "-s", "calls"], withService],
      [["-c", "x.json", "-s", "calls", "-i", "specs/graph-callrecords.xml", "-o", "out/one"], withConfig + withService],
    ];
    for (const [args, stderr] of cases) expect({ args, ...(await runCliInProcess(["generate", ...args], dir)) }).toEqual({ args, code: 2, stdout: "", stderr });
    expect(fs.readdirSync(dir).sort()).toEqual(["specs", "x.json"]);
    // Each alone still works: the config's services, or the one --input names.
    expect((await runCliInProcess(["generate", "-c", "x.json", "-s", "calls", "-q"], dir))).toMatchObject({ code: 0, stderr: "" });
    expect((await runCliInProcess(["generate", "-i", "specs/graph-callrecords.xml", "-o", "out/one", "-q"], dir))).toMatchObject({ code: 0, stderr: "" });
  });
  test("a JSON config with a byte-order mark is read, by the full run and by the prebuild fast path", async () => {
    const dir = twoSpecs();
    fs.writeFileSync(path.join(dir, "odatagen.config.json"), `\ufeff${JSON.stringify({ services: [services[0]] }, null, 2)}\n`);
    const first = await runCliInProcess(["generate"], dir);
    expect(first).toMatchObject({ code: 0, stderr: "", stdout: expect.stringMatching(/calls: 11 files in out\/calls/) });
    expect((await runCliInProcess(["generate"], dir))).toMatchObject({ code: 0, stderr: "", stdout: expect.stringMatching(/^odatagen: 1 service up to date/) });
  });

  test.each([
    // [config text, line:column, message]
    ['{\n  "services": [\n    { "name": "a", "input": "a.xml" "out": "gen" }\n  ]\n}\n', "3:37", "expected ',' or '}' after a property value, found '\"'"],
    ['\ufeff{\n  "services": [\n    { "input": "a.xml", "out": "gen", },\n  ]\n}\n', "3:39", "'}' after a comma (JSON allows no trailing comma)"],
    ["{ services: [", "1:3", "expected a property name in double quotes, found 's'"],
    ['{\n  // generated code\n  "services": []\n}', "2:3", "expected a property name in double quotes, found '/' (JSON has no comments)"],
    ['{ "services": [', "1:16", "expected a value, found the end of the file"],
  ])("a JSON syntax error is reported at its line and column: %j", async (text, where, message) => {
    const dir = twoSpecs();
    fs.writeFileSync(path.join(dir, "odatagen.config.json"), text);
    expect((await runCliInProcess(["generate"], dir))).toMatchObject({ code: 2, stderr: `odatagen: odatagen.config.json:${where}: not valid JSON: ${message}\n` });
    expect(fs.readdirSync(dir).sort()).toEqual(["odatagen.config.json", "specs"]);
  });

  test("the JSON syntax check agrees with JSON.parse on 20,000 seeded scraps of JSON", () => {
    const pieces = ["{", "}", "[", "]", ",", ":", '"', '"k"', "a", "1", "-", "0", ".", "e", "+", " ", "\n", "\\", "\\u00e9", "true", "null", "/"];
    let seed = 12345;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    let valid = 0;
    for (let k = 0; k < 20000; k++) {
      let text = "";
      for (let n = 1 + Math.floor(random() * 12); n > 0; n--) text += pieces[Math.floor(random() * pieces.length)];
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      valid += parses ? 1 : 0;
      const problem = findJsonSyntaxProblem(text);
      if (parses !== (problem === undefined) || (problem && problem.offset > text.length))
        throw new Error(`disagrees on ${JSON.stringify(text)}: ${JSON.stringify(problem)}`);
    }
    expect(valid).toBeGreaterThan(200);
  });
});

describe("where a JSON config's values are (for messages about a pattern in it)", () => {
  test("each value's offset by its path; empty containers, escaped names and a member named twice (its last value)", () => {
    const text = '{"services": [ {"include": ["a", "b"], "x": {}, "y": []}, {"in\\u0063lude": "c", "k": 1, "k": [2, [3]]} ]}';
    const offsets = jsonValueOffsets(text);
    const at = (p: string) => text.slice(offsets.get(p));
    expect([...offsets.keys()]).toEqual([
      "", "services", "services[0]", "services[0].include", "services[0].include[0]", "services[0].include[1]", "services[0].x", "services[0].y",
      "services[1]", "services[1].include", "services[1].k", "services[1].k[0]", "services[1].k[1]", "services[1].k[1][0]",
    ]);
    expect(at("services[0].include[1]")).toMatch(/^"b"/);
    expect(at("services[1].include")).toMatch(/^"c"/);
    expect(at("services[1].k")).toMatch(/^\[2, \[3\]\]/);
    expect(at("services[1].k[1][0]")).toMatch(/^3\]/);
    expect(at("services[0].y")).toMatch(/^\[\]/);
    // Each member's name, where an unknown key is reported: its opening quote.
    const keys = jsonKeyOffsets(text);
    expect([...keys.keys()]).toEqual(["services", "services[0].include", "services[0].x", "services[0].y", "services[1].include", "services[1].k"]);
    expect(text.slice(keys.get("services[1].include"))).toMatch(/^"in\\u0063lude": "c"/);
    expect(text.slice(keys.get("services[1].k"))).toMatch(/^"k": \[2/);
  });

  test("a pattern's line and column after a byte-order mark, in CRLF lines, past escapes; columns in UTF-16 units, as for metadata", async () => {
    const file = path.join(scratch(), "odatagen.config.json");
    const text = '\ufeff{ "services": [\r\n  { "input": "a.xml", "out": "gen",\r\n    "incl\\u0075de": ["\u{1F600}", "x"] }\r\n] }\r\n';
    fs.writeFileSync(file, text);
    const loaded = await loadConfig(file);
    expect(loaded.ok && loaded.services[0].includePlaces?.map(({ line, column, path }) => [line, column, path])).toEqual([
      [3, 22, "services[0].include[0]"],
      [3, 28, "services[0].include[1]"],
    ]);
  });
});

describe("diagnostics and exit codes", () => {
  test("all problems of a broken input are printed together with file:line:column, path and code; exit 1; output intact", async () => {
    const dir = twoSpecs();
    writeJson(path.join(dir, "odatagen.config.json"), { services: [services[0]] });
    expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
    const spec = path.join(dir, "specs/graph-callrecords.xml");
    const text = fs.readFileSync(spec, "utf8");
    fs.writeFileSync(
      spec,
      text
        .replace('<Property Name="isTest" Type="Edm.Boolean" />', '<Property Name="isTest" Type="microsoft.graph.callRecords.missing" />')
        .replace('<Property Name="caller" Type="microsoft.graph.callRecords.endpoint" />', '<Property Name="caller" Type="microsoft.graph.callRecords.nowhere" />'),
    );
    const before = fs.readFileSync(path.join(dir, "out/calls/microsoft.graph.callRecords.types.ts"));
    const r = await runCliInProcess(["generate"], dir);
    expect(r.code).toBe(1);
    const diags = r.stderr.split("\n").filter((l) => /: error ODG\d{3}:/.test(l));
    expect(diags.length).toBeGreaterThanOrEqual(2);
    for (const d of diags) expect(d).toMatch(/^specs\/graph-callrecords\.xml:\d+:\d+: error ODG\d{3}: .* \[microsoft\.graph\.callRecords\.(session|segment)\/(isTest|caller)\]/);
    expect(r.stderr).toMatch(/\d+ errors, 0 warnings/);
    expect(r.stderr).toMatch(/calls: not generated; out\/calls left as it was/);
    expect(fs.readFileSync(path.join(dir, "out/calls/microsoft.graph.callRecords.types.ts")).equals(before)).toBe(true);
  });

  test("warnings are printed and exit 0, or exit 1 with --fail-on-warnings (then nothing is written)", async () => {
    const dir = scratch();
    fs.writeFileSync(
      path.join(dir, "demo.xml"),
      `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:Reference Uri="https://example.org/Org.OData.Core.V1.xml">
    <edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/>
  </edmx:Reference>
  <edmx:DataServices>
    <Schema Namespace="demo" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="thing">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
        <Property Name="tag" Type="Core.Tag"/>
      </EntityType>
      <EntityContainer Name="c"><EntitySet Name="things" EntityType="demo.thing"/></EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`,
    );
    const ok = await runCliInProcess(["generate", "-i", "demo.xml", "-o", "gen"], dir);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/^demo\.xml:11:9: warning ODG110: .* \[demo\.thing\/tag\]$/m);
    const strict = await runCliInProcess(["generate", "-i", "demo.xml", "-o", "gen", "--fail-on-warnings"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/0 errors, 1 warning/);
    expect(strict.stderr).toMatch(/gen: not generated \(--fail-on-warnings\); gen left as it was/);
    expect(strict.stderr).toMatch(/failing on warnings \(--fail-on-warnings\)/);
  });

  test("an input the config names that is missing is reported at its place in the config, with a file of a near name; exit 1, output intact", async () => {
    const dir = twoSpecs();
    const config = path.join(dir, "odatagen.config.json");
    writeJson(config, { services: [services[0]] });
    expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
    const before = snapshot(path.join(dir, "out/calls"));
    // A typo (xlm), and a list whose second document was moved away with its folder.
    writeJson(config, {
      services: [
        { ...services[0], input: "specs/graph-callrecords.xlm" },
        { name: "multi", input: ["specs/graph-callrecords.xml", "specs/multi/main.xml"], out: "out/multi" },
      ],
    });
    const text = fs.readFileSync(config, "utf8");
    const r = await runCliInProcess(["generate"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")).toEqual([
      `odatagen.config.json:${where(text, '"specs/graph-callrecords.xlm"')}: error ODG001: cannot read input specs/graph-callrecords.xlm: no such file (ENOENT); did you mean specs/graph-callrecords.xml? [services[0].input]`,
      `odatagen.config.json:${where(text, '"specs/multi/main.xml"')}: error ODG001: cannot read input specs/multi/main.xml: no such file (ENOENT) [services[1].input[1]]`,
      "odatagen: calls: not generated; out/calls left as it was",
      "odatagen: multi: not generated; nothing written to out/multi",
      "odatagen: 2 errors, 0 warnings",
      "",
    ]);
    expect(sameTree(snapshot(path.join(dir, "out/calls")), before)).toBe(true);
    // A module config: at the value of the key it writes once (module-places.ts), and the value's path.
    fs.rmSync(config);
    const module = `export default { services: [{ name: "calls", input: "specs/graph-calrecords.xml", out: "out/calls" }] };\n`;
    fs.writeFileSync(path.join(dir, "odatagen.config.mjs"), module);
    const m = await runCliAsync(["generate"], dir);
    expect(m.code).toBe(1);
    expect(m.stderr.split("\n")[0]).toBe(`odatagen.config.mjs:${where(module, '"specs/graph-calrecords.xml"')}: error ODG001: cannot read input specs/graph-calrecords.xml: no such file (ENOENT); did you mean specs/graph-callrecords.xml? [services[0].input]`);
  });

  test("colour only when forced or on a terminal; NO_COLOR wins", async () => {
    const dir = twoSpecs();
    writeJson(path.join(dir, "odatagen.config.json"), { services: [{ ...services[0], input: "specs/missing.xml" }] });
    expect((await runCliInProcess(["generate"], dir)).stderr).not.toMatch(/\x1b\[/);
    expect((await runCliInProcess(["generate"], dir, { FORCE_COLOR: "1", NO_COLOR: "" })).stderr).toMatch(/\x1b\[31merror ODG001/);
    expect((await runCliInProcess(["generate"], dir, { FORCE_COLOR: "1", NO_COLOR: "1" })).stderr).not.toMatch(/\x1b\[/);
  });
});
