// `odatagen diff --config/--service` and a config's `fetch --diff`: the warnings the service's
// acceptWarnings accept are not printed (with --verbose, labelled with the entry), as generate
// leaves them out; the others are printed as before.
import * as fs from "node:fs";
import * as path from "node:path";
import { scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";
import { edmx, keyed, schema } from "./helpers/csdl";
import { startLoopback } from "./helpers/loopback";

/** A warning (ODG102) each: a collection of streams. */
const clips = '<Property Name="clips" Type="Collection(Edm.Stream)"/>';
const reels = '<Property Name="reels" Type="Collection(Edm.Stream)"/>';
const doc = (...lines: string[]) => edmx(schema("d", keyed("t", lines.join("\n"))));
const warnings = (stderr: string) => stderr.split("\n").filter((l) => / warning ODG/.test(l));

/** A project whose service `d` reads specs/d.xml and accepts clips's warning. */
function project(service: Record<string, unknown> = {}): string {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "odatagen.config.json"), JSON.stringify({ services: [{ name: "d", input: "specs/d.xml", out: "gen", acceptWarnings: ["ODG102 d.t/clips"], ...service }] }));
  return dir;
}

test("diff --service leaves out the warnings the service accepts, and --verbose names the entry", async () => {
  const dir = project();
  fs.mkdirSync(path.join(dir, "v1"));
  fs.writeFileSync(path.join(dir, "v1/d.xml"), doc(clips));
  fs.writeFileSync(path.join(dir, "d.xml"), doc(clips, reels));
  const r = await runCliInProcess(["diff", "v1/d.xml", "d.xml", "--service", "d"], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/added +property +d\.t\/reels/);
  expect(warnings(r.stderr)).toEqual([expect.stringMatching(/^d\.xml:\d+:\d+: warning ODG102: .* \[d\.t\/reels\] \(new version\)$/)]);
  const verbose = await runCliInProcess(["diff", "v1/d.xml", "d.xml", "--service", "d", "--verbose"], dir);
  expect(warnings(verbose.stderr)).toEqual([
    expect.stringMatching(/ \[d\.t\/reels\] \(new version\)$/),
    expect.stringMatching(/^v1\/d\.xml:\d+:\d+: warning ODG102: .* \[d\.t\/clips\] \(old and new versions; new: d\.xml; accepted: ODG102 d\.t\/clips\)$/),
  ]);
  // Without a config, every warning is printed.
  expect(warnings((await runCliInProcess(["diff", "v1/d.xml", "d.xml"], dir)).stderr)).toHaveLength(2);
});

test("fetch --diff of a config's service leaves out the warnings it accepts", async () => {
  let metadata = doc(clips);
  const s = await startLoopback();
  try {
    s.handle(() => ({ headers: { "content-type": "application/xml" }, body: metadata }));
    const dir = project({ url: `${s.url}/svc/$metadata` });
    expect((await runCliInProcess(["fetch"], dir)).code).toBe(0);
    metadata = doc(clips, reels);
    const r = await runCliInProcess(["fetch", "--diff"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/added +property +d\.t\/reels/);
    expect(warnings(r.stderr)).toEqual([expect.stringMatching(/^specs\/d\.xml:\d+:\d+: warning ODG102: .* \[d\.t\/reels\] \(new version\)$/)]);
  } finally {
    await s.close();
  }
});
