// `odatagen fetch --diff`: the previous version's warnings name the file it was saved as, not the
// temporary copy the comparison read it from, which is removed once the run is over.
import * as os from "node:os";
import { scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";
import { edmx, keyed, schema } from "./helpers/csdl";
import { startLoopback } from "./helpers/loopback";

/** A warning (ODG102) each: a collection of streams. */
const clips = '<Property Name="clips" Type="Collection(Edm.Stream)"/>';
const reels = '<Property Name="reels" Type="Collection(Edm.Stream)"/>';
const note = '<Property Name="note" Type="Edm.String"/>';
const doc = (...lines: string[]) => edmx(schema("d", keyed("t", `\n${lines.join("\n")}`)));

test("the old version's warnings are at the saved file's name, labelled with the version they are of", async () => {
  const dir = scratch();
  let metadata = doc(clips, reels);
  const s = await startLoopback();
  try {
    s.handle(() => ({ headers: { "content-type": "application/xml" }, body: metadata }));
    const url = `${s.url}/svc/$metadata`;
    expect((await runCliInProcess(["fetch", url, "--out", "specs/main.xml"], dir)).code).toBe(0);
    const lineOf = (text: string, name: string) => text.split("\n").findIndex((l) => l.includes(`Name="${name}"`)) + 1;
    const old = metadata;
    // A property added above clips (its warning moves a line down), reels removed (its warning is the old version's only).
    metadata = doc(note, clips);
    const r = await runCliInProcess(["fetch", url, "--out", "specs/main.xml", "--diff"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/removed property +d\.t\/reels/);
    const warnings = r.stderr.split("\n").filter((l) => / warning ODG/.test(l));
    expect(warnings).toEqual([
      expect.stringMatching(new RegExp(`^specs/main\\.xml:${lineOf(metadata, "clips")}:\\d+: warning ODG102: .* \\[d\\.t/clips\\] \\(old and new versions; old: specs/main\\.xml:${lineOf(old, "clips")}:\\d+\\)$`)),
      expect.stringMatching(new RegExp(`^specs/main\\.xml:${lineOf(old, "reels")}:\\d+: warning ODG102: .* \\[d\\.t/reels\\] \\(old version\\)$`)),
    ]);
    expect(r.stderr).not.toContain("odatagen-fetch-");
    expect(r.stderr).not.toContain(os.tmpdir());
  } finally {
    await s.close();
  }
});
