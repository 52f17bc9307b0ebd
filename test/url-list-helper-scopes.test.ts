/**
 * `odatagen url --from <program>`: where a name a program calls is its own request helper. A
 * parameter or a local variable by a helper's name hides the helper in its scope, whether the
 * helper is imported or declared by the file itself; a helper declared in a block is that name's
 * in its block all the same.
 */
import * as path from "node:path";
import { runCliInProcess } from "./helpers/cli-in-process";
import { program } from "./helpers/scratch-program";

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
