/** Same inputs and options → byte-identical output, whatever the input's line endings or attribute order. */
import * as fs from "node:fs";
import * as path from "node:path";
import { copySpec, runCli, scratch, snapshot } from "./helpers/cli";

/** Reverses the attributes of every start tag that has more than one. */
function reverseAttributes(xml: string): string {
  return xml.replace(/<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")+)(\s*\/?)>/g, (_m, tag: string, attrs: string, end: string) => {
    const list = attrs.match(/[\w:.-]+\s*=\s*"[^"]*"/g)!;
    return `<${tag} ${[...list].reverse().join(" ")}${end}>`;
  });
}

test("CRLF line endings and reversed attribute order give byte-identical output", () => {
  const a = scratch();
  const b = scratch();
  copySpec("graph-callrecords.xml", a);
  const variant = copySpec("graph-callrecords.xml", b, (t) => reverseAttributes(t).replace(/\n/g, "\r\n"));
  const text = fs.readFileSync(variant, "utf8");
  expect(text).toMatch(/<Property Type="Edm\.Boolean" Name="isTest" \/>\r\n/);
  expect(text).not.toBe(fs.readFileSync(path.join(a, "graph-callrecords.xml"), "utf8"));

  for (const dir of [a, b]) expect(runCli(["generate", "-i", "graph-callrecords.xml", "-o", "gen"], dir).code).toBe(0);
  const sa = snapshot(path.join(a, "gen"));
  const sb = snapshot(path.join(b, "gen"));
  expect([...sb.keys()]).toEqual([...sa.keys()]);
  for (const [file, bytes] of sa) {
    if (file === ".odatagen-manifest.json") continue;
    expect({ file, same: bytes.equals(sb.get(file)!) }).toEqual({ file, same: true });
    expect(bytes.includes("\r")).toBe(false);
  }
  // The manifests differ only in the recorded input hash.
  const ma = JSON.parse(sa.get(".odatagen-manifest.json")!.toString());
  const mb = JSON.parse(sb.get(".odatagen-manifest.json")!.toString());
  expect(ma.inputs[0].sha256).not.toBe(mb.inputs[0].sha256);
  expect({ ...ma, inputs: [] }).toEqual({ ...mb, inputs: [] });
});

test("a second generation later, from a fresh folder, is byte-identical (no timestamps), manifest included", () => {
  const a = scratch();
  copySpec("graph-callrecords.xml", a);
  expect(runCli(["generate", "-i", "graph-callrecords.xml", "-o", "one"], a).code).toBe(0);
  expect(runCli(["generate", "-i", "graph-callrecords.xml", "-o", "two", "--force"], a).code).toBe(0);
  const one = snapshot(path.join(a, "one"));
  const two = snapshot(path.join(a, "two"));
  for (const [file, bytes] of one) expect({ file, same: bytes.equals(two.get(file)!) }).toEqual({ file, same: true });
  expect(one.get(".odatagen-manifest.json")!.toString()).not.toMatch(/20\d\d-\d\d-\d\d|\/tmp\//);
});
