/**
 * Handlebars templates, compiled once per process with `noEscape` (code is not HTML) and `strict`
 * (a field the view model lacks is an error, not an empty string).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import Handlebars from "handlebars";

/** The templates folder, beside `generator/` in the source tree and beside `dist/` when installed. */
export const TEMPLATES_DIR = path.resolve(__dirname, "..", "..", "templates");

const compiled = new Map<string, HandlebarsTemplateDelegate>();

export function render(template: string, view: object): string {
  let fn = compiled.get(template);
  if (!fn) {
    const source = fs.readFileSync(path.join(TEMPLATES_DIR, template), "utf8");
    // knownHelpersOnly: helper calls compile to direct calls instead of a lookup per mustache.
    const knownHelpers = Object.fromEntries(Object.keys(Handlebars.helpers).map((h) => [h, true]));
    fn = Handlebars.compile(source, { noEscape: true, strict: true, knownHelpersOnly: true, knownHelpers });
    compiled.set(template, fn);
  }
  return tidy(fn(view));
}

/** Static files shipped as-is into every output (runtime helpers the generated code imports). */
export function staticFile(name: string): string {
  return fs.readFileSync(path.join(TEMPLATES_DIR, "static", name), "utf8");
}

/** LF endings, no trailing spaces, at most one blank line in a row, one final newline. */
function tidy(text: string): string {
  // Each pass runs only when there is something to fix: the outputs are megabytes long.
  let s = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  if (/[ \t]\n/.test(s)) s = s.replace(/[ \t]+\n/g, "\n");
  if (s.includes("\n\n\n")) s = s.replace(/\n{3,}/g, "\n\n");
  return s.trimEnd() + "\n";
}
