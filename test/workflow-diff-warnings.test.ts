/**
 * `odatagen diff`'s warnings: each printed once, labelled with the version it is of, and a warning
 * both versions have (the same document given twice, or the same warning of the same element in two
 * documents, at the same place or moved) once for both. Before, `diff a.xml a.xml` printed every warning twice, unlabelled.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";
import { edmx, keyed, schema } from "./helpers/csdl";

const clips = '<Property Name="clips" Type="Collection(Edm.Stream)"/>';
const note = '<Property Name="note" Type="Edm.String"/>';

/** A document whose entity type `t` has `body`: by default `clips`, a `Collection(Edm.Stream)` (ODG102, a warning). */
function write(dir: string, file: string, body = clips): string {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), edmx(schema("d", keyed("t", body))));
  return file;
}

/** The lines of stderr that are warnings. */
const warnings = (stderr: string) => stderr.split("\n").filter((l) => / warning ODG/.test(l));

test("one document given as both versions: each warning once, of both versions", async () => {
  const dir = scratch();
  const a = write(dir, "a.xml");
  const r = await runCliInProcess(["diff", a, a], dir);
  expect(r.code).toBe(0);
  expect(warnings(r.stderr)).toEqual([expect.stringMatching(/^a\.xml:\d+:\d+: warning ODG102: .*Collection\(Edm\.Stream\).* \[d\.t\/clips\] \(old and new versions\)$/)]);
});

test("two documents with the same warning at the same place: once, naming the new version's file", async () => {
  const dir = scratch();
  const r = await runCliInProcess(["diff", write(dir, "v1/a.xml"), write(dir, "v2/a.xml", clips + note)], dir);
  expect(r.code).toBe(0);
  expect(warnings(r.stderr)).toEqual([expect.stringMatching(/^v1\/a\.xml:\d+:\d+: warning ODG102: .* \[d\.t\/clips\] \(old and new versions; new: v2\/a\.xml\)$/)]);
});

test("a warning of one version only is labelled with it", async () => {
  const dir = scratch();
  const plain = write(dir, "plain.xml", note);
  const a = write(dir, "a.xml");
  const added = await runCliInProcess(["diff", plain, a], dir);
  expect(warnings(added.stderr)).toEqual([expect.stringMatching(/^a\.xml:\d+:\d+: warning ODG102: .* \[d\.t\/clips\] \(new version\)$/)]);
  const removed = await runCliInProcess(["diff", a, plain], dir);
  expect(warnings(removed.stderr)).toEqual([expect.stringMatching(/^a\.xml:\d+:\d+: warning ODG102: .* \[d\.t\/clips\] \(old version\)$/)]);
});

test("a warning both versions have at other lines (a line added above it): once, at the new version's place, naming the old one's", async () => {
  const dir = scratch();
  const a = write(dir, "v1/a.xml", `\n${clips}`);
  const b = write(dir, "v2/a.xml", `\n${note}\n${clips}`);
  const r = await runCliInProcess(["diff", a, b], dir);
  expect(r.code).toBe(0);
  const line = (file: string) => fs.readFileSync(path.join(dir, file), "utf8").split("\n").findIndex((l) => l.includes('Name="clips"')) + 1;
  expect(line(b)).toBe(line(a) + 1);
  expect(warnings(r.stderr)).toEqual([expect.stringMatching(new RegExp(`^v2/a\\.xml:${line(b)}:\\d+: warning ODG102: .* \\[d\\.t/clips\\] \\(old and new versions; old: v1/a\\.xml:${line(a)}:\\d+\\)$`))]);
  // At another column of the same line too; a warning of another element is not the same one.
  const moved = await runCliInProcess(["diff", write(dir, "c.xml"), write(dir, "d.xml", note + clips)], dir);
  expect(warnings(moved.stderr)).toEqual([expect.stringMatching(/^d\.xml:.* \[d\.t\/clips\] \(old and new versions; old: c\.xml:\d+:\d+\)$/)]);
  const other = await runCliInProcess(["diff", write(dir, "e.xml"), write(dir, "f.xml", clips.replace("clips", "reels"))], dir);
  expect(warnings(other.stderr)).toEqual([expect.stringMatching(/^e\.xml:.* \[d\.t\/clips\] \(old version\)$/), expect.stringMatching(/^f\.xml:.* \[d\.t\/reels\] \(new version\)$/)]);
});
