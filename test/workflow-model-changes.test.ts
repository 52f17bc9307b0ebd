/**
 * The model changes `generate` prints after a spec change are those since the output that was in
 * the folder (its manifest), not since whatever this machine generated last.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runCliAsync, scratch } from "./helpers/cli";
import { entity, writeDoc } from "./helpers/diff";

/** A project with a node_modules folder (where the summaries are kept) and spec `s.xml` holding `props`. */
function project(props: string): { dir: string; spec: (props: string) => void } {
  const dir = scratch();
  fs.mkdirSync(path.join(dir, "node_modules"));
  const spec = (p: string) => void writeDoc(dir, "s.xml", entity(p));
  spec(props);
  return { dir, spec };
}

const generate = (dir: string, out = "gen") => runCliAsync(["generate", "-i", "s.xml", "-o", out], dir);
const modelLines = (stdout: string) => stdout.split("\n").filter((l) => /model changes|^ {2}(ok|breaking) /.test(l));

/** Copies a folder as `git checkout` would bring it back. */
function copyDir(from: string, to: string): void {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}

test.concurrent("after the spec and output are checked out again, the changes are against the output checked out", async () => {
  const { dir, spec } = project('<Property Name="Name" Type="Edm.String"/>');
  expect((await generate(dir)).code).toBe(0);
  copyDir(path.join(dir, "gen"), path.join(dir, "committed"));
  fs.copyFileSync(path.join(dir, "s.xml"), path.join(dir, "committed.xml"));
  spec('<Property Name="Title" Type="Edm.String"/>');
  expect(modelLines((await generate(dir)).stdout)).toHaveLength(3);
  // `git checkout s.xml gen`: the committed spec and output again; then one property added.
  copyDir(path.join(dir, "committed"), path.join(dir, "gen"));
  spec('<Property Name="Name" Type="Edm.String"/><Property Name="X" Type="Edm.String"/>');
  const r = await generate(dir);
  expect(r.code).toBe(0);
  expect(modelLines(r.stdout)).toEqual([
    "odatagen: gen: model changes: 1 change(s), 0 breaking; suggested bump: minor",
    expect.stringMatching(/^ {2}ok +added +property +d\.t\/X: property added: Edm\.String$/),
  ]);
});

test.concurrent("an output folder deleted, or replaced by one generated elsewhere: no changes listed, one line says they are not known", async () => {
  const { dir, spec } = project('<Property Name="a" Type="Edm.String"/>');
  expect((await generate(dir)).code).toBe(0);
  // Deleted, then another spec generated into it: a first generation there, nothing to compare with.
  fs.rmSync(path.join(dir, "gen"), { recursive: true });
  spec('<Property Name="b" Type="Edm.String"/>');
  const fresh = await generate(dir);
  expect(fresh.code).toBe(0);
  expect(modelLines(fresh.stdout)).toEqual([]);
  // An output generated in another folder (another machine, another clone) copied in, then a change.
  spec('<Property Name="c" Type="Edm.String"/>');
  expect((await generate(dir, "elsewhere")).code).toBe(0);
  copyDir(path.join(dir, "elsewhere"), path.join(dir, "gen"));
  spec('<Property Name="c" Type="Edm.String"/><Property Name="d" Type="Edm.String"/>');
  const r = await generate(dir);
  expect(r.code).toBe(0);
  expect(modelLines(r.stdout)).toEqual([expect.stringMatching(/^odatagen: gen: model changes: not known \(no model was kept for the output that was in the folder/)]);
});
