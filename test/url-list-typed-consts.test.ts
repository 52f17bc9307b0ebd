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
