/**
 * `odatagen url --from <program>`: where a name a program calls is its own request helper. A
 * parameter or a local variable by a helper's name hides the helper in its scope, whether the
 * helper is imported or declared by the file itself; a helper declared in a block is that name's
 * in its block all the same.
 */
import * as path from "node:path";
import { runCliInProcess } from "./helpers/cli-in-process";
import { readRequestList } from "../generator/parse/requests/request-list";
import { program } from "./helpers/scratch-program";
import { linearity, PROGRAM_READER } from "./helpers/work-steps";

const LITE = path.join(__dirname, "fixtures", "trippin-lite.xml");
const ODATA = 'const ROOT = "https://example.com/odata";';

async function requests(files: Record<string, string[]>): Promise<string[]> {
  const r = await runCliInProcess(["url", "-i", LITE, "--from", "app.ts", "--json"], program(files));
  return (JSON.parse(r.stdout) as { results: { line: number; method: string; url: string }[] }).results.map((x) => `${x.line} ${x.method} ${x.url}`);
}

test("a parameter or local variable named as a helper the file declares hides it in its scope; a helper declared in a block is not hidden by its own declaration", async () => {
  expect(
    await requests({
      "app.ts": [
        ODATA,
        'const send = (p: string) => fetch(ROOT + p, { method: "DELETE" });',
        "export function run(send: (p: string) => void) {",
        "  send(\"/People('a')\");",
        "}",
        "export const each = (ids: string[]) => ids.forEach((send) => send(\"/People('b')\"));",
        "export function later() {",
        "  let send = console.log;",
        "  send(\"/People('c')\");",
        "}",
        "export function inner() {",
        '  const patch = (p: string) => fetch(ROOT + p, { method: "PATCH" });',
        "  patch(\"/Airlines('d')\");",
        "  if (ROOT) {",
        "    patch(\"/Airlines('e')\");",
        "  }",
        "  return (patch: (p: string) => void) => patch(\"/Airlines('f')\");",
        "}",
        "send(\"/Airports('g')\");",
      ],
    }),
  ).toEqual([
    "13 PATCH https://example.com/odata/Airlines('d')",
    "15 PATCH https://example.com/odata/Airlines('e')",
    "19 DELETE https://example.com/odata/Airports('g')",
  ]);
});

test("a parameter list hides the names it binds, not those of its types and defaults: `(x: typeof del)` leaves del the helper", async () => {
  expect(
    await requests({
      "http.ts": [ODATA, 'export const del = (p: string) => fetch(ROOT + p, { method: "DELETE" });'],
      "app.ts": [
        'import { del } from "./http";',
        "export function typed(x: typeof del, y = del, z: Map<string, typeof del> = new Map(), ...rest: Array<typeof del>) {",
        "  del(\"/People('a')\");",
        "}",
        "export const arrow = (x: Parameters<typeof del>[0] = \"del\") => del(\"/People('b')\");",
        "export function destructured({ path, del }: { path: string; del: typeof console.log }) {",
        "  del(\"/Airlines('c')\");",
        "}",
        "export const nested = ({ opts: { del = console.log } }: { opts: { del?: (p: string) => void } }) => del(\"/Airlines('d')\");",
        "export const listed = ([, del]: ((p: string) => void)[]) => del(\"/Airlines('e')\");",
      ],
    }),
  ).toEqual(["3 DELETE https://example.com/odata/People('a')", "5 DELETE https://example.com/odata/People('b')"]);
});

test("parameter lists made to be slow (patterns nested 20,000 deep, 20,000 typed parameters) are read, not hung on", async () => {
  const deep = `export const f = (${"{ a: ".repeat(20000)}del${" }".repeat(20000)}) => del("/People('a')");`;
  const many = `export function g(${Array.from({ length: 20000 }, (_, k) => `p${k}: Map<string, typeof del> = del`).join(", ")}) { del("/People('b')"); }`;
  expect(
    await requests({
      "app.ts": [ODATA, 'const del = (p: string) => fetch(ROOT + p, { method: "DELETE" });', deep, many],
    }),
  ).toEqual(["4 DELETE https://example.com/odata/People('b')"]);
});

test("arrows whose expression bodies run on without `;` (`const h = (r) => r` lines, bodies left empty, curried, in objects, default exports) are each read once, not each to the file's end: the brackets looked at grow with the file, not with its square", () => {
  const forms = ["const h = (r) => r\n", "const h: (r: R) => void = \n", "const h = (r = \"/x\") => \n", "const h = (r) => (s) => \n", "const h = { a: (r) => \n", "export default (r) => \n", "module.exports = (r) => \n"];
  const file = (form: string, n: number) => [ODATA, 'const del = (p: string) => fetch(ROOT + p, { method: "DELETE" });', form.repeat(n), "del(\"/People('a')\");"].join("\n");
  for (const form of forms) {
    const list = readRequestList(file(form, 500));
    expect("requests" in list && list.requests.map((r) => r.path)).toEqual(["https://example.com/odata/People('a')"]);
    // 44 to 121 steps a line (at most 3 brackets, each paired a few times, characters asked whether they are code); read to the file's end from each arrow, n times more (2,005,017 brackets paired for 2,000 lines).
    expect(linearity(form, PROGRAM_READER, (n) => readRequestList(file(form, n)), 500, 250)).toBe("linear");
  }
});

test("a helper declared in a block is that block's: not read where it is called outside, and one name declared in two functions is each's in its own", async () => {
  expect(
    await requests({
      "app.ts": [
        ODATA,
        "export function guarded(x: boolean) {",
        "  if (x) {",
        '    function get(p: string) { return fetch(ROOT + p, { method: "DELETE" }); }',
        "    get(\"/People('a')\");",
        "  }",
        "  get(\"/People('b')\");",
        "}",
        "export function run() {",
        '  const send = (p: string) => fetch(ROOT + p, { method: "PATCH" });',
        "  send(\"/Airlines('c')\");",
        "}",
        "export function other() {",
        '  const send = (p: string) => fetch(ROOT + p, { method: "POST" });',
        '  send("/Airports");',
        "}",
        "export const later = (get: (p: string) => void, send: (p: string) => void) => [get(\"/People('d')\"), send(\"/People('e')\")];",
      ],
    }),
  ).toEqual(["5 DELETE https://example.com/odata/People('a')", "11 PATCH https://example.com/odata/Airlines('c')", "15 POST https://example.com/odata/Airports"]);
});

test("a helper a module declares in a function is no export of it: a call of that name imported is no request of it", async () => {
  const r = await requests({
    "http.ts": [ODATA, "export function make() {", '  const del = (p: string) => fetch(ROOT + p, { method: "DELETE" });', "  return del;", "}", "export const get = (p: string) => fetch(ROOT + p);"],
    "app.ts": ['import { del, get } from "./http";', "del(\"/People('a')\");", "get(\"/People('b')\");"],
  });
  expect(r).toEqual(["3 GET https://example.com/odata/People('b')"]);
});
