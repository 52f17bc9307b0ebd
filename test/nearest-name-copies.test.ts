// The generated validators suggest names ("did you mean members@odata.bind?") by the generator's own
// rule: templates/static/validation.ts holds a copy of generator/nearest-name.ts, since generated
// code imports nothing from odatagen. The copy must stay the same code (with the generated code's
// `as number` for its stricter compiler options).
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");

/** From `function nearestName` through the end of `editDistance`, without `export`, comments or the casts. */
function rule(file: string): string {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const start = text.indexOf("function nearestName(");
  const edit = text.indexOf("function editDistance(", start);
  const end = text.indexOf("\n}\n", edit);
  expect({ file, start: start >= 0, edit: edit >= 0, end: end >= 0 }).toEqual({ file, start: true, edit: true, end: true });
  return text
    .slice(start, end + 2)
    .replace(/^\s*\/\/.*$|^\s*\/\*\*.*\*\/\s*$/gm, "")
    .replace(/\(([^()]+?) as number\)/g, "$1")
    .replace(/ as number/g, "")
    .replace(/\n+/g, "\n");
}

test("the validators' nearestName is the generator's", () => {
  expect(rule("templates/static/validation.ts")).toBe(rule("generator/nearest-name.ts"));
});
