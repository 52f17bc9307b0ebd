/**
 * `odatagen url --from` on a program whose helpers, URL functions and constants are `const`s (or
 * `let`s) with a type annotation that holds `;`, `=`, strings or comments, or spans lines: the
 * annotation is passed over by its brackets (js-declarations.ts) to the `=` that gives the value.
 * Through the CLI on a program in a scratch folder.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";

const LITE = path.join(__dirname, "fixtures", "trippin-lite.xml");

async function requests(text: string): Promise<string[]> {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "app.ts"), text);
  const r = await runCliInProcess(["url", "-i", LITE, "--from", "app.ts", "--json"], dir);
  const json = JSON.parse(r.stdout) as { results: { line: number; column: number; method: string; url: string; ok: boolean }[] };
  return json.results.map((x) => `${x.line}:${x.column} ${x.method} ${x.url} ${x.ok ? "ok" : "refused"}`);
}

const ROOT = 'const ROOT = "https://example.com/odata";';

test("a typed const is a helper, a URL function or a constant whose annotation holds `;` (Prettier's object type), a default generic, an object type in a parameter, a string or a comment, or spans lines", async () => {
  const r = await requests(
    [
      ROOT,
      "const api: { a: (p: string) => Promise<Response>; b: number } = { a: (p) => fetch(ROOT + p), b: 1 };",
      "const g1: <T = string>(p: string) => Promise<T> = (p) => fetch(ROOT + p).then((r) => r.json());",
      "const g2: (p: string, opts?: { top?: number; skip?: number }) => Promise<Response> = (p, opts) => fetch(ROOT + p);",
      "const g3: (",
      "  p: string,",
      ") => Promise<Response> = (p) => fetch(ROOT + p);",
      'const g4: { kind: "a;b=c" } | ((p: string) => Promise<Response>) = (p) => fetch(ROOT + p);',
      "const airport: (code: string /* ; = */) => `${string}('${string}')` = (code) => `${ROOT}/Airports('${code}')`;",
      "let top:",
      "  | string",
      '  | undefined = ROOT + "/People?$top=2";',
      'api.a("/People");',
      'g1("/Airlines");',
      'g2("/Airports");',
      "g3(\"/People('russell')\");",
      "g4(\"/Airlines('AA')\");",
      'fetch(airport("KSEA"));',
      "fetch(top);",
    ].join("\n"),
  );
  // Before, each annotation stopped at its `;`, its `=` or its line's end: the helpers' own `{p}` URLs refused, airport's call and top no request.
  expect(r).toEqual([
    "13:8 GET https://example.com/odata/People ok",
    "14:5 GET https://example.com/odata/Airlines ok",
    "15:5 GET https://example.com/odata/Airports ok",
    "16:5 GET https://example.com/odata/People('russell') ok",
    "17:5 GET https://example.com/odata/Airlines('AA') ok",
    "18:7 GET https://example.com/odata/Airports('KSEA') ok",
    "19:7 GET https://example.com/odata/People?$top=2 ok",
  ]);
});

test("a typed const given no function is no helper; an annotation left open is none and the declarations after it are read", async () => {
  const r = await requests(
    [
      ROOT,
      "declare function make(): (p: string) => Promise<Response>;",
      "const made: { a: 1; b: 2 } & ((p: string) => Promise<Response>) = make();",
      "const bad: { a: (p: string) => Promise<Response>; b: number = (p) => fetch(ROOT + p);",
      "const good: (",
      "  p: string,",
      ") => Promise<Response> = (p) => fetch(ROOT + p);",
      'made("/Nothing");',
      'bad("/People");',
      'good("/Airlines");',
    ].join("\n"),
  );
  // bad's `{` has no `}`: bad is no helper, its own fetch read as it stands.
  expect(r).toEqual(["4:76 GET https://example.com/odata{p} refused", "10:7 GET https://example.com/odata/Airlines ok"]);
});

test("annotations left open many times over are read once each: a `{` open to the file's end, a line of `const a: A<`", async () => {
  const open = ["const a: {", ...Array.from({ length: 20_000 }, (_, k) => `const b${k}: X = 1;`)].join("\n");
  const line = Array.from({ length: 20_000 }, (_, k) => `const c${k}: A<`).join("");
  const r = await requests([ROOT, line, "const get: (", "  p: string,", ") => Promise<Response> = (p) => fetch(ROOT + p);", 'get("/People");', open].join("\n"));
  expect(r).toEqual(["6:6 GET https://example.com/odata/People ok"]);
});

test("an annotation goes on at the next line where TypeScript's does: after extends, keyof, typeof, infer and the other keywords of a type, before a conditional type's ? and :", async () => {
  const r = await requests(
    [
      ROOT,
      "const g1: typeof fetch extends (u: string) => infer R",
      "  ? (p: string) => R",
      "  : never = (p) => fetch(ROOT + p);",
      "const g2: keyof",
      "  { a: 1 } extends string ? never : (p: string) => Promise<Response> = (p) => fetch(ROOT + p);",
      "const g3: Parameters<typeof fetch>[0] extends",
      "  string ? (p: string) => Promise<Response> : never = (p) => fetch(ROOT + p);",
      "const g4: (p: string) => typeof // the type of",
      "  fetch extends Function ? Promise<Response> : never = (p) => fetch(ROOT + p);",
      'g1("/People");',
      'g2("/Airlines");',
      'g3("/Airports");',
      "g4(\"/People('russell')\");",
    ].join("\n"),
  );
  // Before, each line's end ended the annotation: no helper, its own URL ({p}) refused in its place.
  expect(r).toEqual([
    "11:5 GET https://example.com/odata/People ok",
    "12:5 GET https://example.com/odata/Airlines ok",
    "13:5 GET https://example.com/odata/Airports ok",
    "14:5 GET https://example.com/odata/People('russell') ok",
  ]);
});

test("a line's end after a name ends a declaration (no keyword of a type is its last word, nor is the next line a type's), and a keyword left at the file's end is none", async () => {
  const r = await requests(
    [
      ROOT,
      "let extendsUrl: string",
      'extendsUrl = ROOT + "/People";',
      "let typed: keyof Foo",
      "typed = 1;",
      'const get: (p: string) => Promise<Response> = (p) => fetch(ROOT + "/Airlines");',
      'get("/People");',
      "fetch(extendsUrl);",
      "const last: keyof",
    ].join("\n"),
  );
  // extendsUrl is assigned after its declaration: a let given no value there, its URL read from the assignment; `keyof` at the end is no value.
  expect(r).toEqual(["6:60 GET https://example.com/odata/Airlines ok", "8:7 GET https://example.com/odata/People ok"]);
});

test("an annotation of any length is read (a union of 200 string literals, 2.6 KB), in time linear in the file: 200 such helpers, and 2 MB of annotations left open by a keyword or a line's end", async () => {
  const union = Array.from({ length: 200 }, (_, k) => `"member${k}"`).join(" | ");
  const helper = `const get: ((p: string) => Promise<Response>) | ${union} = (p) => fetch(ROOT + p);`;
  expect(await requests([ROOT, helper, 'get("/People");'].join("\n"))).toEqual(["3:6 GET https://example.com/odata/People ok"]);
  const many = Array.from({ length: 200 }, (_, k) => helper.replace("const get", `const get${k}`) + `\nget${k}("/People?$top=${k}");`);
  const read = await requests([ROOT, ...many].join("\n"));
  expect(read).toHaveLength(200);
  expect(read.at(-1)).toBe("401:9 GET https://example.com/odata/People?$top=199 ok");
  // Hostile: blank lines (and comments) between an annotation's lines are passed over once, each declaration's reading ends at the next.
  const hostile = [
    ROOT,
    "const a: X" + "\n".repeat(400_000) + "| Y = 1;",
    "const b: X" + "\n// c\n".repeat(100_000) + "| Y = 1;",
    "const c: A<" + "x.let d: B<".repeat(40_000),
    "const e: A |" + " x |".repeat(100_000),
    "const f: keyof\n".repeat(40_000),
    "const get: (p: string) => Promise<Response> = (p) => fetch(ROOT + p);",
    'get("/Airlines");',
  ].join("\n");
  // (Each would be quadratic read from every line or declaration: the test would time out.)
  expect(await requests(hostile)).toEqual([`${hostile.split("\n").length}:6 GET https://example.com/odata/Airlines ok`]);
});
