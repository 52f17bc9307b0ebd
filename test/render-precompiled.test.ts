/**
 * Precompiled templates (npm run build → dist/templates.precompiled.js): used only while they match
 * the template text and compile options, and they render exactly what a runtime compile renders.
 * Runs against dist/, which jest's globalSetup builds as `npm run build` does.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import Handlebars from "handlebars";

const ROOT = path.resolve(__dirname, "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const render = require(path.join(ROOT, "dist", "emit", "render.js")) as typeof import("../generator/emit/render");

describe("precompiled templates", () => {
  const pre = require(render.PRECOMPILED_FILE) as Record<string, { key: string; spec: TemplateSpecification }>;

  test("the build precompiled every template, keyed by its current text and options", () => {
    const templates = fs.readdirSync(render.TEMPLATES_DIR).filter((f) => f.endsWith(".hbs")).sort();
    expect(Object.keys(pre).sort()).toEqual(templates);
    for (const name of templates) expect(pre[name].key).toBe(render.templateKey(render.templateSource(name), render.compileOptions()));
  });

  test("a changed template or changed options no longer match the key", () => {
    const source = render.templateSource("index.ts.hbs");
    const key = render.templateKey(source, render.compileOptions());
    expect(render.templateKey(source + "\n", render.compileOptions())).not.toBe(key);
    expect(render.templateKey(source, { ...render.compileOptions(), strict: false })).not.toBe(key);
  });

  test("block helper calls carry no template position (an object of three per call, read only by a helper's error)", () => {
    const text = fs.readFileSync(render.PRECOMPILED_FILE, "utf8");
    expect(text).toContain('"name":"if"');
    expect(text).not.toContain('"loc":');
    // What it is taken out of: Handlebars gives one per block helper call.
    expect(Handlebars.precompile(render.templateSource("types.ts.hbs"), render.compileOptions())).toContain('"loc":');
  });

  test("a precompiled template renders what the runtime compile renders", () => {
    const view = {
      header: "// h",
      modules: [{ namespace: "a.b", types: "./a.b.types.js", validators: "./a.b.validators.js", requests: "./a.b.requests.js" }],
    };
    const source = render.templateSource("index.ts.hbs");
    const fromBuild = Handlebars.template(pre["index.ts.hbs"].spec)(view);
    const atRuntime = Handlebars.compile(source, render.compileOptions())(view);
    expect(fromBuild).toBe(atRuntime);
    expect(fromBuild).toContain("a.b");
  });
});
