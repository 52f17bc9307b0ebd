/**
 * Handlebars templates, compiled once with `noEscape` (code is not HTML). "Once" means at build time
 * when the build precompiled them (`npm run build` writes `dist/templates.precompiled.js`, keyed by
 * each template's text and the compile options), else once per process.
 *
 * Generating does not compile them `strict`: strict lookups allocate a location object per mustache
 * (about a million on Graph, ~40 ms of the emit stage). Instead the tests render every fixture with
 * strict templates too (`useStrictTemplates`), where a field the view model lacks is an error, and
 * compare.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
// The runtime alone (about half of Handlebars' load time): templates come precompiled from the build;
// the compiler is loaded only for a template edited since (load below). Its one-file build: the same
// runtime as `handlebars/runtime`, which loads it from 20 modules (~8 ms more of a cold start).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Handlebars = require("handlebars/dist/handlebars.runtime.js") as typeof import("handlebars");

/** The templates folder, beside `generator/` in the source tree and beside `dist/` when installed. */
export const TEMPLATES_DIR = path.resolve(__dirname, "..", "..", "templates");

/** Written by scripts/precompile-templates.js beside the compiled generator (dist/). */
export const PRECOMPILED_FILE = path.resolve(__dirname, "..", "templates.precompiled.js");

export interface Precompiled {
  key: string;
  spec: TemplateSpecification;
}

const compiled = new Map<string, HandlebarsTemplateDelegate>();
let precompiled: Record<string, Precompiled | undefined> | null | undefined;

/** The compile options; knownHelpersOnly makes helper calls direct instead of a lookup per mustache. */
export function compileOptions(): CompileOptions {
  const knownHelpers = Object.fromEntries(Object.keys(Handlebars.helpers).sort().map((h) => [h, true]));
  return strict
    ? { noEscape: true, strict: true, knownHelpersOnly: true, knownHelpers }
    : { noEscape: true, assumeObjects: true, knownHelpersOnly: true, knownHelpers };
}

let strict = false;

/** For tests: compile templates `strict` from now on (a missing view field throws); false goes back. */
export function useStrictTemplates(on: boolean): void {
  if (on === strict) return;
  strict = on;
  compiled.clear();
}

/** What a compiled template depends on: its text, the options and the Handlebars version. */
export function templateKey(source: string, options: CompileOptions): string {
  return createHash("sha256").update(`${Handlebars.VERSION}\n${JSON.stringify(options)}\n${source}`).digest("hex");
}

export function templateSource(template: string): string {
  return fs.readFileSync(path.join(TEMPLATES_DIR, template), "utf8");
}

function load(template: string): HandlebarsTemplateDelegate {
  const source = templateSource(template);
  if (precompiled === undefined) precompiled = readPrecompiled();
  const pre = precompiled?.[template];
  // A stale precompiled template (edited since the build) is never used: its key differs.
  if (pre && pre.key === templateKey(source, compileOptions())) return Handlebars.template(pre.spec);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compiler = require("handlebars") as typeof import("handlebars");
  return compiler.compile(source, compileOptions());
}

function readPrecompiled(): Record<string, Precompiled | undefined> | null {
  if (!fs.existsSync(PRECOMPILED_FILE)) return null;
  return require(PRECOMPILED_FILE) as Record<string, Precompiled | undefined>;
}

export function render(template: string, view: object): string {
  let fn = compiled.get(template);
  if (!fn) compiled.set(template, (fn = load(template)));
  return tidy(fn(view));
}

/**
 * The static files read, once per process as the templates are compiled once: a library caller (or a
 * watch) that generates again and again read their 420 KB from disk each time.
 */
const statics = new Map<string, string>();

/** Static files shipped as-is into every output (runtime helpers the generated code imports). */
export function staticFile(name: string): string {
  let text = statics.get(name);
  if (text === undefined) statics.set(name, (text = fs.readFileSync(path.join(TEMPLATES_DIR, "static", name), "utf8")));
  return text;
}

/**
 * LF endings and one final newline. Nothing else needs tidying: the templates and views write no
 * trailing blanks and no runs of blank lines (test/render-tidy.test.ts checks every fixture and
 * corpus document), and only text from the spec could bring a carriage return.
 */
function tidy(text: string): string {
  const s = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  // Most outputs already end with exactly one line break: keep the (flat) string as it is.
  const end = s.trimEnd();
  return end.length === s.length - 1 && s.endsWith("\n") ? s : end + "\n";
}
