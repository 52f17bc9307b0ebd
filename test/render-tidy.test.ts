// The generated files are tidy as rendered: LF line ends, no trailing blanks, no runs of blank
// lines, one final newline. render() only normalises line ends (text from the spec may bring a CR),
// so the templates and views must keep this; checked on every fixture and corpus document, with
// each combination of artifacts and a slice. And the modules made for each namespace hold no
// character above U+00FF that the spec did not bring: V8 keeps such a string two bytes per character,
// which makes flattening, hashing and writing Graph's 14 MB slower (docs/performance-notes.md).
// No line lists import or export names past LINE_WIDTH (120): a longer list has a name per line.
// Nor does a request function's signature line hold parameters past it: a longer one has a
// parameter per line (its first line, `export function name(`, and its return type's may be longer).
// No type alias, enum `…Values` array, interface's `"@odata.type"` member, validator constant
// (`checkX` of an enum, `validateX`, `isX`, `assertX`), union of subtypes' bodies in an entity's
// update or create (`body:`) or `return rt.send…(…)` passes it on one line: a union has a member a
// line, an array or an enum's members object an item a line, a constant its value on the next
// line, a call an argument a line; a create's or an update's body (one body, or a subtype's in a
// union) its type arguments one a line, a list of names a name a line. Nor does a root function's
// `return rt.root…(…)` (its set info a member a line, its bindings a binding a line), a root's or
// an address builder's return type on its name's line and its `return rt.…<…>(` (a composite key's
// `rt.CollectionRef<T, { … }>` its type arguments one a line), or an
// interface's `extends` line (its bases after `extends` on the next line, or there one a line, or one
// base's type arguments one a line; one base of a plain name stays, as Prettier 3.10 leaves it), nor a navigation property's `rt.Nav<…>` (its type arguments one a
// line, and an `rt.OneOf<…>` in them likewise where its own line would pass). Nor, in a request
// function or an address builder (wrap-code.ts), a return type after `): ` (`Promise<…>`: a type's
// arguments one a line, a union a member a line after `| `, from the outside in), a type parameter
// (`S extends rt.PropertyName<…> = never`, a cast's `R extends A | B = C`: the constraint's type
// arguments one a line, or the constraint after `extends` and the default after `=` on lines of
// their own), a create's or an update's `<P extends …>(` after the name, a parameter (`options?:`,
// `target:`, `params:`: its type broken so, `params`' object type a member a line, each member's
// type likewise), or a call on a line of its own (`return rt.collection<…>(…)`, `rt.functionCall(…)`
// in `rt.send`'s arguments, `return rt.nullable(rt.at<…>(…))`: an argument a line, outermost call
// first, a last argument that is an array hugged by the parentheses, an element a line), a root's
// binding (`"path": rt.within(…)`, its arguments one a line), nor a write type's union member
// (`| (A & { "@odata.type": … })`, the object type a member a line) or `"@odata.type"` member (a
// union a literal a line). Nor, in a validators module (wrap-statement.ts, wrap-code.ts), a
// function's signature (a parameter a line), a check's `if (vr.isType(…)) exactX(…);` (the
// statement on the next line, then the test on a line of its own, then its arguments one a line), a
// switch's head likewise, a call statement (`vr.exact(…)`, a typedef's check), a case's `return
// vr.untyped(…);`, `propsX`'s sum (`return (`, a term a line, `vr.p(…) +`: a term its arguments one
// a line, `) +`), a constant's value (`/* @__PURE__ */ guard<T>(checkT)`, an enum's `vr.enumChecker(…)`: on
// the line of `=` where it fits up to its `(`, else on the next line, its arguments one a line or a
// last members object hugged, a member a line); nor a types module's `Any…` union member (`| (A &
// {`, its object type a member a line), nor checkers.ts's `SERVICE` (a member a line, its aliases
// likewise). (A line that opens such a list, or a value moved to its own line, may still be longer
// where the names in it are, as Prettier leaves `export const isX: vr.Guard<X> =`.)
import * as fs from "node:fs";
import * as path from "node:path";
import { GenerationError } from "../generator/diagnostics";
import { LINE_WIDTH } from "../generator/emit/wrap";
import { generate, type GenerateOptions } from "../generator/generate";
import { FIXTURES_DIR } from "./helpers/fixtures";

const CORPUS = path.resolve(__dirname, "..", "..", "shared", "corpus");
const corpus = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter((f) => /\.(xml|edmx)$/.test(f)).map((f) => path.join(CORPUS, f)) : [];
if (!corpus.length) console.warn(`SKIPPED: ${CORPUS} is absent (../shared/corpus), so only the fixtures are checked for tidy output`);
const fixtures = [
  ...fs.readdirSync(FIXTURES_DIR).filter((f) => f.endsWith(".xml")).map((f) => path.join(FIXTURES_DIR, f)),
  ...fs.readdirSync(path.join(FIXTURES_DIR, "requests")).map((f) => path.join(FIXTURES_DIR, "requests", f)),
];

const VARIANTS: [string, Omit<GenerateOptions, "inputs">][] = [
  ["all artifacts", {}],
  ["no validators", { validators: false }],
  ["no requests", { requests: false }],
  ["types only", { validators: false, requests: false }],
  ["a slice", { include: ["**"] }],
];

/** A character above U+00FF; the runtime modules, copied as they are (templates/static), are not counted. */
const WIDE = /[^\u0000-\u00ff]/gu;
const STATIC = new Set(fs.readdirSync(path.resolve(__dirname, "..", "templates", "static")));

/** An `import { A, B } from` or `export { A, B } from` line with more than one name (a wrapped list has one per line). */
const NAME_LIST = /^(?:import|export)(?: type)? \{[^}]*, [^}]*\} from /gm;

/** A request function's signature line with parameters in it (not one that opens a parameter a line). */
const SIGNATURE = /^export function [^\n]*\([^)\n][^\n]*$/gm;

/** A whole declaration or `return rt.send` on one line, in the module kinds that write them. */
const ONE_LINE: [RegExp, RegExp][] = [
  [/\.types\.ts$/, /^(?:export (?:type \w+ = |const \w+Values = )| {2}"@odata\.type"\?: )[^\n]*;$/gm],
  [/\.validators\.ts$/, /^export const \w+: [^\n]*;$/gm],
  [/\.requests\.ts$/, /^ {2}(?:return rt\.send[^\n]*\);|body: rt\.[^\n]*,|return (?:rt\.nullable\()?rt\.root[^\n]*\);)$/gm],
  // A navigation property's `rt.Nav<…>` in an entity type's `…Navigation` interface.
  [/\.requests\.ts$/, /^ {2}[\w"$/.]+: rt\.Nav<[^\n]*>;$/gm],
  // A create's or an update's body on the line after `body:`, or one member of a union of subtypes' bodies.
  [/\.requests\.ts$/, /^ {4}(?:\| )?rt\.(?:UpdateBody|CreateBody|Creation|New|WithType)<[^\n]*>,?$/gm],
  // A request function's or an address builder's return type after `): ` (wrap-code.ts `brokenType`).
  [/\.requests\.ts$/, /^\): [^\n]*\{$/gm],
  // A type parameter on a line of its own, and a create's or an update's after the function's name.
  [/\.requests\.ts$/, /^(?: {2}(?:const )?\w+ extends [^\n]*,|export function \w+<[^\n]*>\()$/gm],
  // A parameter on a line of its own, or a member of a parameter's object type (`params: {`).
  [/\.requests\.ts$/, /^(?: {2}(?:options\?|target|params): [^\n]*,| {4}"[^"\n]+"\??: [^\n]*;)$/gm],
  // A root's or an address builder's return type on its name's line, and its `return rt.…<…>(` (a
  // composite key's `rt.CollectionRef<T, { … }>`: its type arguments one a line where it would pass).
  [/\.requests\.ts$/, /^(?:export function \w+\([^\n]*\): rt\.\w+<[^\n]*, [^\n]*> \{| {2}return rt\.\w+<[^\n]*>\()$/gm],
  // A call on a line of its own: returned, or an argument of another (`rt.send`'s path), or a root's binding (`"path": rt.within(…)`).
  [/\.requests\.ts$/, /^ {2,}(?:return |"[^"\n]+": )?rt\.\w+(?:<[^\n]*>)?\([^\n]*\)[,;]$/gm],
  // A member of a write type's union (`| (A & { "@odata.type": … })`), or its `"@odata.type"` member.
  [/\.requests\.ts$/, /^ {2}(?:\| [^\n]*|"@odata\.type"\?: [^\n]*;)$/gm],
  // An interface's `extends` list (`…WriteNav`'s navigation types, a write type's `rt.Written<…>`) on
  // its name's line; not one base named by a plain name, which Prettier 3.10 leaves there however long.
  [/\.(?:types|requests)\.ts$/, /^export interface \w+ extends (?![\w$]+ \{$)[^\n]*$/gm],
  // A member of an `Any…` union alias (`| (A & { "@odata.type": … })`), or its one member on the line after `=`.
  [/\.types\.ts$/, /^ {2}(?:\| [^\n]*|\([^\n]*\);)$/gm],
  // A validators module's function signature, and in its body: a check's `if (…) exactX(…);` (or its
  // head, or the statement on the line after it), a switch's head, a call (`vr.exact(…)`, a check's
  // call), a case's `return …;`, `propsX`'s sum on the line of `return`, or on its own, or a term
  // of it (`vr.p(…) +`).
  [/\.validators\.ts$/, /^(?:export )?function \w+\([^)\n]+\): \w+ \{$/gm],
  [/\.validators\.ts$/, /^ {2}(?:if \([^\n]*\)(?: [^\n]*;)?|switch \([^\n]*\) \{|[\w$.]+\([^\n]*\);)$/gm],
  [/\.validators\.ts$/, /^(?: {2}return [^\n(][^\n]*;| {4}(?:[\w$.]+\([^\n]*\)(?: \+)?|[\w$]+\([^\n]*\);)| {6}return [^\n]*;)$/gm],
  // A constant's value on the line of `=` up to a bracket it breaks after, or on the next line
  // (`/* @__PURE__ */ guard<T>(checkT)`, `vr.enumChecker(…, {`), and checkers.ts's `SERVICE` and its members.
  [/\.validators\.ts$|^checkers\.ts$/, /^(?:export const \w+: [^\n]* = [^\n]*[({[]| {2}\/\* @__PURE__ \*\/ [^\n]*[;({[])$/gm],
  [/^checkers\.ts$/, /^(?:export const \w+: [^\n]*;| {2}\w+: [^\n]*,)$/gm],
];

/** `file` a document, or a folder of the documents of one service (requests/extends). */
function untidy(file: string, options: Omit<GenerateOptions, "inputs">): string[] {
  const documents = fs.statSync(file).isDirectory() ? fs.readdirSync(file).sort().map((f) => path.join(file, f)) : [file];
  let files: Map<string, string>;
  try {
    files = generate({ inputs: documents.map((d) => ({ file: d, content: fs.readFileSync(d, "utf8") })), ...options }).files;
  } catch (e) {
    if (e instanceof GenerationError) return []; // documents with errors generate nothing
    throw e;
  }
  const problems: string[] = [];
  const fromSpec = new Set(documents.flatMap((d) => fs.readFileSync(d, "utf8").match(WIDE) ?? []));
  for (const [name, text] of files) {
    if (text.includes("\r")) problems.push(`${name}: CR`);
    const wide = STATIC.has(name) ? [] : (text.match(WIDE) ?? []).filter((c) => !fromSpec.has(c));
    if (wide.length) problems.push(`${name}: ${[...new Set(wide)].join("")} above U+00FF, not from the spec`);
    const trailing = /[ \t]$/m.exec(text);
    if (trailing) problems.push(`${name}: trailing blank at offset ${trailing.index}`);
    // TypeScript refuses a trailing comma in wrapped type arguments (TS1009); type parameters (`>(`) take one.
    const comma = /,\n *>(?!\()/.exec(text);
    if (comma) problems.push(`${name}: a trailing comma in type arguments at offset ${comma.index}`);
    if (text.includes("\n\n\n")) problems.push(`${name}: two blank lines in a row at offset ${text.indexOf("\n\n\n")}`);
    if (!text.endsWith("\n") || text.endsWith("\n\n")) problems.push(`${name}: not one final newline`);
    for (const list of text.matchAll(NAME_LIST)) {
      const line = text.slice(list.index, text.indexOf("\n", list.index));
      if (line.length > LINE_WIDTH) problems.push(`${name}: a ${line.length}-character list of names at offset ${list.index}`);
    }
    if (name.endsWith(".requests.ts"))
      for (const signature of text.matchAll(SIGNATURE))
        if (signature[0].length > LINE_WIDTH) problems.push(`${name}: a ${signature[0].length}-character signature at offset ${signature.index}`);
    for (const [module, declaration] of ONE_LINE)
      if (module.test(name))
        for (const line of text.matchAll(declaration))
          if (line[0].length > LINE_WIDTH) problems.push(`${name}: a ${line[0].length}-character line at offset ${line.index}: ${line[0].slice(0, 60)}`);
  }
  return problems;
}

describe.each(VARIANTS)("%s", (_label, options) => {
  test.each(fixtures.map((f) => path.relative(FIXTURES_DIR, f)))("fixture %s", (rel) => {
    expect(untidy(path.join(FIXTURES_DIR, rel), options)).toEqual([]);
  });
});

const corpusTest = corpus.length ? test.each(corpus.map((f) => path.basename(f))) : test.skip.each(["(no corpus)"]);
corpusTest("corpus %s, every artifact", (name) => {
  expect(untidy(path.join(CORPUS, name), {})).toEqual([]);
});

test("a carriage return from the spec becomes a line feed", () => {
  const content = fs.readFileSync(path.join(FIXTURES_DIR, "orders.xml"), "utf8").replace("<EntityType Name=\"order\">", "<EntityType Name=\"order\"><Annotation Term=\"Org.OData.Core.V1.Description\" String=\"one&#13;two\"/>");
  const files = generate({ inputs: [{ file: "orders.xml", content }] }).files;
  for (const text of files.values()) expect(text.includes("\r")).toBe(false);
});

test("an entity type's request functions write a parameter a line, and get and list a type parameter a line (one line would pass 120 characters)", () => {
  const requests = generate({ inputs: [{ file: "orders.xml", content: fs.readFileSync(path.join(FIXTURES_DIR, "orders.xml"), "utf8") }] }).files.get("shop.requests.ts") ?? "";
  for (const fn of ["getOrder", "listOrders", "createOrder", "updateOrder", "deleteOrder"]) {
    const start = requests.indexOf(`export function ${fn}`);
    const signature = requests.slice(start, requests.indexOf(" {\n", start));
    expect(signature).toMatch(/\(\n {2}client: rt\.Client,\n {2}target: [^\n]+,\n(?: {2}body: [^\n]+,\n)? {2}options\?: [^\n]+,\n\): /);
    if (/^(get|list)/.test(fn)) expect(signature).toMatch(/<\n {2}S extends [^\n]+,\n {2}const E extends [^\n]+,\n(?: {2}N extends null = null,\n)?>\(/);
    for (const line of signature.split("\n")) expect(line.length).toBeLessThanOrEqual(120);
  }
});
