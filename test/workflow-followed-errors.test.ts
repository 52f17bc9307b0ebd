// `odatagen url` (also with --from) and `odatagen diff` over a service of several documents: an
// error in a document a reference led to comes with the notes (ODG113) that say which references
// led there, as `generate` prints them ("Multi-document services" in the README).
import * as fs from "node:fs";
import * as path from "node:path";
import { scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";
import { edmx, schema } from "./helpers/csdl";

const ref = (uri: string, ns: string) => `<edmx:Reference Uri="${uri}"><edmx:Include Namespace="${ns}"/></edmx:Reference>\n`;
const main = edmx(schema("main", `<EntityType Name="t"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><Property Name="home" Type="shared.address"/></EntityType><EntityContainer Name="c"><EntitySet Name="ts" EntityType="main.t"/></EntityContainer>`), ref("sub/b.xml", "shared"));
/** b.xml, whose complex type has `base` as its base type (`third.point` is defined in sub/deeper/c.xml). */
const shared = (base: string) => edmx(schema("shared", `<ComplexType Name="address" BaseType="${base}"><Property Name="street" Type="Edm.String"/></ComplexType>`), ref("deeper/c.xml", "third"));
const third = edmx(schema("third", `<ComplexType Name="point"><Property Name="x" Type="Edm.Double"/></ComplexType>`));

function write(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
}

/** The place, severity and code of each error and note printed. */
const codes = (stderr: string) => stderr.split("\n").filter((l) => /^\S+:\d+:\d+: (error|info) ODG1/.test(l)).map((l) => l.replace(/^(\S+:\d+:\d+: \w+ ODG\d+).*$/, "$1"));

test("url, url --from and diff print the references that led to a followed document with an error", async () => {
  const dir = scratch();
  write(dir, {
    "v1/a.xml": main, "v1/sub/b.xml": shared("third.point"), "v1/sub/deeper/c.xml": third,
    "v2/a.xml": main, "v2/sub/b.xml": shared("third.pont"), "v2/sub/deeper/c.xml": third,
    "requests.txt": "GET /ts\n",
  });
  const want = ["v2/a.xml:3:1: info ODG113", "v2/sub/b.xml:6:1: error ODG103"];
  const generate = await runCliInProcess(["generate", "-i", "v2/a.xml", "-o", "out"], dir);
  expect(generate.code).toBe(1);
  expect(codes(generate.stderr)).toEqual(want);
  const url = await runCliInProcess(["url", "/ts", "-i", "v2/a.xml"], dir);
  expect(url.code).toBe(1);
  expect(codes(url.stderr)).toEqual(want);
  const from = await runCliInProcess(["url", "--from", "requests.txt", "-i", "v2/a.xml"], dir);
  expect(from.code).toBe(1);
  expect(codes(from.stderr)).toEqual(want);
  const diff = await runCliInProcess(["diff", "v1/a.xml", "v2/a.xml"], dir);
  expect(diff.code).toBe(1);
  expect(codes(diff.stderr)).toEqual(want);
  // With no error, diff prints no note: the same versions compare.
  const same = await runCliInProcess(["diff", "v1/a.xml", "v1/a.xml"], dir);
  expect(same.code).toBe(0);
  expect(same.stderr).not.toMatch(/ODG113/);
});
