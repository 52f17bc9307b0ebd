/**
 * A `.ts` config where the running Node strips types itself (`module.stripTypeScriptTypes`, Node
 * 22.13+ and 23.2+): loaded without a `typescript` package, as when odatagen is installed from git
 * in a project whose `typescript` is TypeScript 7; and what Node's stripping refuses goes to
 * TypeScript where there is one.
 *
 * The tests on a real Node with the API run on this Node where it has it, else on the one
 * ODATAGEN_TEST_NODE names (a path to a `node` binary); without either they are skipped, saying so.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT, scratch } from "./helpers/cli";
import { pack, packedProject } from "./helpers/packed";

const CONFIG =
  `import { defineConfig, type OdatagenConfig } from "odatagen/config.js";\n` +
  `const config: OdatagenConfig = defineConfig({ services: [{ name: "calls", input: "specs/graph-callrecords.xml", out: "out" }] });\n` +
  `export default config;\n`;

const hasStripper = (node: string) =>
  spawnSync(node, ["-p", `typeof require("node:module").stripTypeScriptTypes`], { encoding: "utf8" }).stdout.trim() === "function";

/** A Node that strips types (this one, or ODATAGEN_TEST_NODE's), or why there is none. */
function strippingNode(): { node: string } | { reason: string } {
  if (hasStripper(process.execPath)) return { node: process.execPath };
  const named = process.env.ODATAGEN_TEST_NODE;
  if (!named) return { reason: `Node ${process.version} has no module.stripTypeScriptTypes (22.13+, 23.2+); set ODATAGEN_TEST_NODE to such a node binary to run these` };
  if (!fs.existsSync(named) || !hasStripper(named)) return { reason: `ODATAGEN_TEST_NODE=${named} is not a node with module.stripTypeScriptTypes` };
  return { node: named };
}

const run = (node: string, dir: string, args: string[]) =>
  spawnSync(node, [path.join(dir, "node_modules", "odatagen", "bin", "odatagen.js"), ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

describe("the packed package: a .ts config loaded by Node's type stripping, where no TypeScript 5 is installed (from git, TypeScript 7 as the project's typescript) and where one is", () => {
  const tarball = pack();
  const found = strippingNode();

  if (hasStripper(process.execPath)) test.skip(`on a Node without the stripping API: this Node (${process.version}) has it`, () => undefined);
  else
    test(`on Node ${process.version}, without the API: the error says which Node would load it`, () => {
      const dir = packedProject(tarball, { typescript7: true });
      fs.writeFileSync(path.join(dir, "odatagen.config.ts"), CONFIG);
      const r = run(process.execPath, dir, ["generate"]);
      expect(r.stderr).toMatch(/^odatagen: odatagen\.config\.ts: a \.ts config is transpiled with TypeScript's JS API .*typescript 7\.\d+\.\d+ .*or run odatagen on Node 22\.13 or later, which strips the types itself\n$/);
      expect(r.status).toBe(2);
    });

  if ("reason" in found) {
    test.skip(`Node's type stripping: ${found.reason}`, () => undefined);
    return;
  }

  test("Node's stripping loads the config: no warning printed, no temporary module left", () => {
    const dir = packedProject(tarball, { typescript7: true });
    fs.writeFileSync(path.join(dir, "odatagen.config.ts"), CONFIG);
    const r = run(found.node, dir, ["generate"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/calls: 11 files in out/);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".mjs"))).toEqual([]);
  });

  test("what Node's stripping refuses, with no TypeScript to take it, is an error saying why (exit 2)", () => {
    const dir = packedProject(tarball, { typescript7: true });
    fs.writeFileSync(path.join(dir, "enum.ts"), `enum Out { Dir = "out" }\nexport default { services: [{ input: "specs/graph-callrecords.xml", out: Out.Dir }] };\n`);
    const e = run(found.node, dir, ["generate", "-c", "enum.ts"]);
    expect(e.stderr).toMatch(/^odatagen: enum\.ts: .*enum.*: Node's type stripping takes only TypeScript whose types can be erased .*npm install --save-dev typescript.*\n$/);
    expect(e.status).toBe(2);
    fs.writeFileSync(path.join(dir, "plain.ts"), CONFIG.replace("type OdatagenConfig", "OdatagenConfig"));
    const p = run(found.node, dir, ["generate", "-c", "plain.ts"]);
    expect(p.stderr).toMatch(/^odatagen: plain\.ts: .*'OdatagenConfig'.* \(Node's type stripping keeps every import: import a type with `import type`, or install the `typescript` package, which leaves such imports out\)\n$/);
    expect(p.status).toBe(2);
    fs.writeFileSync(path.join(dir, "syntax.ts"), `export default { services: [{ input: "specs/graph-callrecords.xml", out: "out" }] ;\n`);
    const s = run(found.node, dir, ["generate", "-c", "syntax.ts"]);
    expect(s.stderr).toMatch(/^odatagen: syntax\.ts: not valid TypeScript \(Node's type stripping\): .*; the `typescript` package .* would say where\n$/);
    expect(s.status).toBe(2);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  test("with a TypeScript 5 found, what Node's stripping refuses is transpiled by it, and a syntax error is placed", () => {
    const dir = packedProject(tarball);
    fs.writeFileSync(path.join(dir, "enum.ts"), `enum Out { Dir = "out-enum" }\nexport default { services: [{ input: "specs/graph-callrecords.xml", out: Out.Dir }] };\n`);
    fs.writeFileSync(path.join(dir, "plain.ts"), CONFIG.replace("type OdatagenConfig", "OdatagenConfig").replace('out: "out"', 'out: "out-plain"'));
    for (const config of ["enum.ts", "plain.ts"]) expect(run(found.node, dir, ["generate", "--quiet", "-c", config])).toMatchObject({ status: 0, stderr: "" });
    expect(fs.existsSync(path.join(dir, "out-enum", "index.ts")) && fs.existsSync(path.join(dir, "out-plain", "index.ts"))).toBe(true);
    fs.writeFileSync(path.join(dir, "syntax.ts"), `export default { services: [{ input: "specs/graph-callrecords.xml", out: "out" }] ;\n`);
    expect(run(found.node, dir, ["generate", "-c", "syntax.ts"])).toMatchObject({ status: 2, stderr: "odatagen: syntax.ts:1:83: ',' expected.\n" });
  });
});

describe("the order: Node's stripping first, TypeScript for what it refuses (any Node, a stripper given)", () => {
  /** Loads `text` as config.ts with loadTsConfig given a stripper (the body of a function of `text`), in a child Node. */
  function load(text: string, stripper: string): { value?: unknown; error?: string } {
    const dir = scratch();
    const file = path.join(dir, "config.ts");
    fs.writeFileSync(file, text);
    const script = `
      const { loadTsConfig } = require(${JSON.stringify(path.join(ROOT, "dist", "config", "load.js"))});
      const strip = (text) => { ${stripper} };
      loadTsConfig(${JSON.stringify(file)}, require("node:fs").readFileSync(${JSON.stringify(file)}, "utf8"), strip)
        .then((value) => console.log(JSON.stringify({ value })), (e) => console.log(JSON.stringify({ error: e.message })));`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    return JSON.parse(r.stdout);
  }

  test("the stripper's output is what is loaded", () => {
    expect(load(`export default { by: "typescript" as string };\n`, `return 'export default { by: "node" };';`)).toEqual({ value: { by: "node" } });
  });

  test("what the stripper refuses is transpiled by TypeScript", () => {
    const refuse = `const e = new Error("TypeScript enum is not supported in strip-only mode"); e.code = "ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX"; throw e;`;
    expect(load(`enum By { T = "typescript" }\nexport default { by: By.T };\n`, refuse)).toEqual({ value: { by: "typescript" } });
  });

  test("a stripped config whose import of a type fails to link is transpiled by TypeScript, which leaves that import out", () => {
    const dir = scratch();
    fs.writeFileSync(path.join(dir, "shape.mjs"), "export const by = 'typescript';\n");
    const text = `import { by, Shape } from ${JSON.stringify(path.join(dir, "shape.mjs"))};\nconst c: Shape = { by };\nexport default c;\n`;
    // A stripper that keeps the import of the type, as Node's does.
    expect(load(text, `return text.replace(": Shape", "");`)).toEqual({ value: { by: "typescript" } });
  });

  test("another error of the stripped config is the config's error, not retried", () => {
    expect(load(`export default { by: "typescript" };\n`, `return 'throw new Error("the config threw");';`)).toEqual({ error: "the config threw" });
  });
});
