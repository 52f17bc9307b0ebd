// Edits that keep a fixture well-formed and reach the emitters: members renamed after
// Object.prototype's members and JavaScript's words, a line of bindings or parameters repeated,
// odd facet values, a schema aliased __proto__. Whatever the edit, generate() either refuses the
// document with positioned errors or writes output that compiles under --strict: one compiler run
// over every output. The kinds of edit are those with which a fuzzing run (session 60) found output
// that did not compile: a binding's path twice, a MaxLength of 10^21, a slice's parameter named twice.
import * as fs from "node:fs";
import * as path from "node:path";
import { GenerationError } from "../generator/diagnostics";
import { generate } from "../generator/generate";
import { random } from "./helpers/random";
import { scratch } from "./helpers/cli";
import { anyCompiler, runTsc, tsFiles } from "./helpers/typecheck";

const FIXTURES = path.join(__dirname, "fixtures");
const DOCUMENTS = ["trippin-lite.xml", "inheritance.xml", "orders.xml", "validation.xml", "constraints.xml", "enums.xml"];
const ODD_NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty", "then", "default", "class", "Promise", "x-y", "rt", "vr", "edm"];
const ODD_FACETS = ["1000000000000000000000", "", "1e3", "0x10", " 7 ", "9007199254740993"];

type Edit = (text: string, rnd: () => number) => string;

const pick = <T>(list: readonly T[], rnd: () => number): T => list[Math.floor(rnd() * list.length)]!;

/** Replaces one match of `pattern` (global) with what `to` makes of it. */
function replaceOne(text: string, pattern: RegExp, rnd: () => number, to: (m: RegExpExecArray) => string): string {
  const all = [...text.matchAll(pattern)];
  if (!all.length) return text;
  const m = pick(all, rnd) as RegExpExecArray;
  return text.slice(0, m.index) + to(m) + text.slice(m.index + m[0].length);
}

const EDITS: Edit[] = [
  // A member, an enum member or a parameter renamed.
  (t, rnd) => replaceOne(t, /<(Property|NavigationProperty|Member|Parameter) Name="[^"]*"/g, rnd, (m) => `<${m[1]} Name="${pick(ODD_NAMES, rnd)}"`),
  // A binding, a parameter or a property repeated on the next line.
  ...["NavigationPropertyBinding", "Parameter", "Property"].map((element): Edit => (t, rnd) => replaceOne(t, new RegExp(`^[ \\t]*<${element}\\b[^\\n]*\\/>[ \\t]*$`, "gm"), rnd, (m) => `${m[0]}\n${m[0]}`)),
  // A facet given an odd value.
  (t, rnd) => replaceOne(t, /(MaxLength|Precision|Scale)="[^"]*"/g, rnd, (m) => `${m[1]}="${pick(ODD_FACETS, rnd)}"`),
  // A String property given a MaxLength.
  (t, rnd) => replaceOne(t, /Type="Edm\.String"/g, rnd, (m) => `${m[0]} MaxLength="${pick(ODD_FACETS, rnd)}"`),
  // The first schema aliased __proto__ (its own alias, where it has one, kept working: every use is rewritten).
  (t) => {
    const alias = /<Schema[^>]*\bAlias="([^"]*)"/.exec(t)?.[1];
    if (alias) return t.split(`"${alias}.`).join('"__proto__.').split(`(${alias}.`).join("(__proto__.").replace(`Alias="${alias}"`, 'Alias="__proto__"');
    return t.replace(/<Schema Namespace="([^"]*)"/, '<Schema Namespace="$1" Alias="__proto__"');
  },
];

test("edits that reach the emitters: refused with positioned errors, or output that compiles", () => {
  const root = scratch();
  const outputs: string[] = [];
  const refused: string[] = [];
  for (const file of DOCUMENTS) {
    const original = fs.readFileSync(path.join(FIXTURES, file), "utf8");
    const rnd = random(file.length * 104729);
    // Each kind of edit, then another at random.
    for (let i = 0; i < EDITS.length; i++) {
      const content = pick(EDITS, rnd)(EDITS[i]!(original, rnd), rnd);
      // Every other a slice of everything (its operations are read lazily, past their first parameter),
      // each kind of edit in a slice of some documents and the whole run of the others.
      const slice = (i + DOCUMENTS.indexOf(file)) % 2 === 1 ? { include: ["**"] } : {};
      try {
        const r = generate({ inputs: [{ file, content }], ...slice });
        const dir = path.join(root, `${path.basename(file, ".xml")}-${i}`);
        fs.mkdirSync(dir);
        for (const [name, text] of r.files) if (name.endsWith(".ts")) fs.writeFileSync(path.join(dir, name), text);
        outputs.push(dir);
      } catch (e) {
        if (!(e instanceof GenerationError)) throw new Error(`edit ${i} of ${file}: ${(e as Error).stack}\n--- input ---\n${content}`);
        for (const d of e.diagnostics.filter((x) => x.severity === "error"))
          expect({ code: d.code, positioned: d.line > 0 && d.column > 0 }).toEqual({ code: d.code, positioned: true });
        refused.push(`${file} ${i}`);
      }
    }
  }
  // Most edits leave a document the generator takes (some break a reference, and are refused).
  expect(outputs.length).toBeGreaterThan(refused.length);
  const r = runTsc(anyCompiler(), root, outputs.flatMap((d) => tsFiles(d)));
  expect(r.output).toBe("");
  expect(r.status).toBe(0);
}, 120_000);
