/** Same inputs and options → byte-identical output, whatever the input's line endings or attribute order. */
import * as fs from "node:fs";
import * as path from "node:path";
import { copySpec, sameTree, scratch, snapshot, writeJson } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";

/** Reverses the attributes of every start tag that has more than one. */
function reverseAttributes(xml: string): string {
  return xml.replace(/<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")+)(\s*\/?)>/g, (_m, tag: string, attrs: string, end: string) => {
    const list = attrs.match(/[\w:.-]+\s*=\s*"[^"]*"/g)!;
    return `<${tag} ${[...list].reverse().join(" ")}${end}>`;
  });
}

test("CRLF line endings and reversed attribute order give byte-identical output", async () => {
  const a = scratch();
  const b = scratch();
  copySpec("graph-callrecords.xml", a);
  const variant = copySpec("graph-callrecords.xml", b, (t) => reverseAttributes(t).replace(/\n/g, "\r\n"));
  const text = fs.readFileSync(variant, "utf8");
  expect(text).toMatch(/<Property Type="Edm\.Boolean" Name="isTest" \/>\r\n/);
  expect(text).not.toBe(fs.readFileSync(path.join(a, "graph-callrecords.xml"), "utf8"));

  for (const dir of [a, b]) expect((await runCliInProcess(["generate", "-i", "graph-callrecords.xml", "-o", "gen"], dir)).code).toBe(0);
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

test("a second generation later, from a fresh folder, is byte-identical (no timestamps), manifest included", async () => {
  const a = scratch();
  copySpec("graph-callrecords.xml", a);
  expect((await runCliInProcess(["generate", "-i", "graph-callrecords.xml", "-o", "one"], a)).code).toBe(0);
  expect((await runCliInProcess(["generate", "-i", "graph-callrecords.xml", "-o", "two", "--force"], a)).code).toBe(0);
  const one = snapshot(path.join(a, "one"));
  const two = snapshot(path.join(a, "two"));
  for (const [file, bytes] of one) expect({ file, same: bytes.equals(two.get(file)!) }).toEqual({ file, same: true });
  expect(one.get(".odatagen-manifest.json")!.toString()).not.toMatch(/20\d\d-\d\d-\d\d|\/tmp\//);
});

test("a spec checked out with CRLF line ends (git's core.autocrlf, the default on Windows) finds the committed output up to date, manifest included", async () => {
  const lf = scratch();
  const crlf = scratch();
  copySpec("graph-callrecords.xml", lf);
  copySpec("graph-callrecords.xml", crlf, (t) => t.replace(/\n/g, "\r\n"));
  for (const dir of [lf, crlf]) {
    fs.mkdirSync(path.join(dir, "node_modules")); // the stat cache's home, as in a project
    writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "calls", input: "graph-callrecords.xml", out: "gen" }] });
  }
  expect((await runCliInProcess(["generate"], lf)).code).toBe(0);
  // The CRLF checkout has the output as generated and committed on the LF machine.
  fs.cpSync(path.join(lf, "gen"), path.join(crlf, "gen"), { recursive: true });
  const committed = snapshot(path.join(lf, "gen"));

  // The fast path (a JSON config, no flags) and the full run both find it up to date.
  const fast = await runCliInProcess(["generate"], crlf);
  expect({ code: fast.code, stdout: fast.stdout }).toEqual({ code: 0, stdout: expect.stringMatching(/^odatagen: 1 service up to date/) });
  const full = await runCliInProcess(["generate", "-s", "calls"], crlf);
  expect({ code: full.code, stdout: full.stdout }).toEqual({ code: 0, stdout: expect.stringMatching(/^odatagen: calls: up to date/) });
  expect(sameTree(committed, snapshot(path.join(crlf, "gen")))).toBe(true);

  // Generated afresh from the CRLF spec, the manifest is the LF machine's, byte for byte.
  expect((await runCliInProcess(["generate", "--force"], crlf)).code).toBe(0);
  expect(sameTree(committed, snapshot(path.join(crlf, "gen")))).toBe(true);

  // A real edit is still seen.
  fs.writeFileSync(path.join(crlf, "graph-callrecords.xml"), fs.readFileSync(path.join(crlf, "graph-callrecords.xml"), "utf8").replace('Name="isTest"', 'Name="isTested"'));
  expect((await runCliInProcess(["generate"], crlf)).stdout).toMatch(/calls: 11 files in gen \(2 written/);
});
