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
    fn = Handlebars.compile(source, { noEscape: true, strict: true });
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
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd() + "\n";
}
