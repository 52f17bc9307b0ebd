/**
 * The package as `npm pack` ships it, unpacked into a fresh project's node_modules: a config typed
 * with `odatagen/config.js` type-checks with skipLibCheck off and no Node types, under TypeScript
 * 5.9 (node10, node16, bundler resolution) and 7 (node16, bundler), and `odatagen generate` loads
 * it. The library's own entry ("odatagen") still needs @types/node, as the README says.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { compiler, runTscProject, type Compiler } from "./helpers/typecheck";
import { BIN } from "./helpers/cli";
import { pack, packedProject } from "./helpers/packed";

const CONFIG = (from: string) =>
  `import { defineConfig, type OdatagenConfig } from "${from}";\n` +
  `const config: OdatagenConfig = defineConfig({ services: [{ name: "calls", input: "specs/graph-callrecords.xml", out: "out" }] });\n` +
  `export default config;\n`;

const MODULE = { node10: "commonjs", node16: "node16", bundler: "esnext" } as const;

/** tsc over the project's two configs, one per entry, with the tsconfig `tsc --init` would leave after a resolution is chosen. */
function check(c: Compiler, dir: string, moduleResolution: keyof typeof MODULE, types: string[]): Map<string, string> {
  fs.writeFileSync(path.join(dir, "odatagen.config.ts"), CONFIG("odatagen/config.js"));
  fs.writeFileSync(path.join(dir, "library.config.ts"), CONFIG("odatagen"));
  // lib without DOM: checking lib.dom.d.ts (skipLibCheck off) would triple TypeScript 5.9's time.
  const compilerOptions = { strict: true, noEmit: true, target: "es2022", lib: ["es2022"], module: MODULE[moduleResolution], moduleResolution, types, skipLibCheck: false };
  const tsconfig = path.join(dir, "tsconfig.json");
  fs.writeFileSync(tsconfig, JSON.stringify({ compilerOptions, files: ["odatagen.config.ts", "library.config.ts"] }));
  const { output } = runTscProject(c, tsconfig);
  // The first diagnostic in each file, by the file it is in (a library declaration's for library.config.ts).
  const byFile = new Map<string, string>();
  for (const line of output.split("\n").filter(Boolean)) {
    const file = /^([^(]+)\(/.exec(line)?.[1] ?? "(none)";
    const key = file.startsWith("node_modules/odatagen/dist/") ? "library.config.ts" : file;
    if (!byFile.has(key)) byFile.set(key, line);
  }
  return byFile;
}

/** Per compiler: the resolutions it is checked under, and those also checked with @types/node (skipLibCheck off, TypeScript 5.9 takes seconds to check it). */
const cases: [string, Compiler | { reason: string }, (keyof typeof MODULE)[], (keyof typeof MODULE)[]][] = [
  ["TypeScript 5.9", compiler("typescript", 5), ["node10", "node16", "bundler"], ["node16"]],
  // TypeScript 7 has removed node10 resolution.
  ["TypeScript 7", compiler("typescript7", 7), ["node16", "bundler"], ["node16", "bundler"]],
];

describe("the packed package's odatagen/config.js entry", () => {
  const tarball = pack();
  const bare = packedProject(tarball, { nodeTypes: false });
  const withNode = packedProject(tarball, { nodeTypes: true });

  test("ships config.js and config.d.ts, which name no type of Node's", () => {
    const pkg = path.join(bare, "node_modules", "odatagen");
    const code = (file: string) => fs.readFileSync(path.join(pkg, file), "utf8").split("\n").filter((l) => !/^\s*(\/\/|\/?\*)/.test(l));
    const entry = code("config.d.ts");
    const declarations = code("dist/config/define-config.d.ts");
    expect(entry.filter((l) => /\bfrom\b/.test(l))).toEqual([expect.stringMatching(/ from "\.\/dist\/config\/define-config\.js";$/)]);
    expect(declarations.filter((l) => /\b(from|import|require)\b|Buffer|NodeJS|node:|reference/.test(l))).toEqual([]);
    expect(code("config.js").filter((l) => /require/.test(l))).toEqual(['module.exports = require("./dist/config/define-config.js");']);
  });

  for (const [label, c, resolutions, withNodeTypes] of cases) {
    if ("reason" in c) {
      test.skip(`${label}: ${c.reason}`, () => undefined);
      continue;
    }
    for (const resolution of resolutions) {
      test(`${label}, moduleResolution ${resolution}, skipLibCheck off: odatagen/config.js needs no @types/node; "odatagen" does`, () => {
        const without = check(c, bare, resolution, []);
        expect(without.get("odatagen.config.ts")).toBeUndefined();
        expect(without.get("library.config.ts")).toMatch(/node_modules\/odatagen\/dist\/.*Cannot find name 'Buffer'/);
        expect([...without.keys()].sort()).toEqual(["library.config.ts"]);
        if (withNodeTypes.includes(resolution)) expect(Object.fromEntries(check(c, withNode, resolution, ["node"]))).toEqual({});
      });
    }
  }

  test("odatagen generate loads a .ts config typed with odatagen/config.js, and a .mjs one", () => {
    fs.writeFileSync(path.join(bare, "odatagen.config.ts"), CONFIG("odatagen/config.js"));
    const bin = path.join(bare, "node_modules", "odatagen", "bin", "odatagen.js");
    expect(fs.realpathSync(bin)).not.toBe(fs.realpathSync(BIN));
    const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: bare, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    const ts = run(["generate", "--quiet"]);
    expect(ts.stderr).toBe("");
    expect(ts.status).toBe(0);
    expect(fs.existsSync(path.join(bare, "out", "microsoft.graph.callRecords.types.ts"))).toBe(true);
    fs.writeFileSync(path.join(bare, "c.mjs"), `import { defineConfig } from "odatagen/config.js";\nexport default defineConfig({ services: [{ input: "specs/graph-callrecords.xml", out: "out-mjs" }] });\n`);
    const mjs = run(["generate", "--quiet", "-c", "c.mjs"]);
    expect(mjs.stderr).toBe("");
    expect(mjs.status).toBe(0);
    expect(fs.existsSync(path.join(bare, "out-mjs", "index.ts"))).toBe(true);
    // CommonJS takes it with or without the extension.
    const cjs = spawnSync(process.execPath, ["-e", `console.log(typeof require("odatagen/config").defineConfig, typeof require("odatagen/config.js").defineConfig, typeof require("odatagen").generate)`], { cwd: bare, encoding: "utf8" });
    expect(cjs.stdout).toBe("function function function\n");
  });
});
