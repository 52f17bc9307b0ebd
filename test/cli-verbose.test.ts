/**
 * `generate --verbose` prints notes (severity info) too: renamed types, and metadata mistakes that
 * change nothing generated. Without it they are not printed. An up-to-date output is generated again
 * in memory to find them, and is left as it is.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runCli, scratch, snapshot } from "./helpers/cli";

const SPEC = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0">
  <edmx:DataServices>
    <Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="ns">
      <EntityType Name="request">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
      </EntityType>
      <EntityContainer Name="C"><EntitySet Name="requests" EntityType="ns.request"/></EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;

const NOTE = /^spec\.xml:5:7: info ODG201: ns\.request is emitted as RequestType \(Request is taken or reserved\)/m;

describe("generate --verbose", () => {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "spec.xml"), SPEC);
  const args = ["generate", "-i", "spec.xml", "-o", "out"];
  // The first run, without --verbose: the later tests find its output up to date.
  let first: ReturnType<typeof runCli>;
  beforeAll(() => {
    first = runCli(args, dir);
  });

  test("without it, a rename is not printed", () => {
    const r = first;
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(fs.readFileSync(path.join(dir, "out", "ns.types.ts"), "utf8")).toMatch(/export interface RequestType\b/);
  });

  test("with it, the rename is printed where the type is declared, and the count line leaves notes out", () => {
    const before = snapshot(path.join(dir, "out"));
    const r = runCli([...args, "--verbose"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(NOTE);
    expect(r.stderr).not.toMatch(/: (warning|error) ODG/);
    expect(r.stderr).toMatch(/^odatagen: 0 errors, 0 warnings$/m);
    // Up to date before the run: generated again in memory for its notes, nothing rewritten.
    expect(r.stdout).toMatch(/0 written, \d+ unchanged/);
    expect(snapshot(path.join(dir, "out"))).toEqual(before);
  });

  test("--verbose with --quiet is a usage error (exit 2): notes are not problems, which alone --quiet prints; nothing is written", () => {
    const before = snapshot(path.join(dir, "out"));
    const message = "odatagen: --quiet and --verbose cannot be used together: --quiet prints only problems, --verbose notes too\n";
    // Read by the quick parser, and by yargs (--out=out, -q given as --quiet=true).
    for (const flags of [[...args, "--verbose", "--quiet"], [...args, "-q", "--verbose"], ["generate", "-i", "spec.xml", "--out=out", "--quiet=true", "--verbose"]]) {
      expect(runCli(flags, dir)).toEqual({ code: 2, stdout: "", stderr: message });
    }
    // Either alone is taken; --quiet=false with --verbose is --verbose alone.
    expect(runCli([...args, "--quiet=false", "--verbose"], dir)).toMatchObject({ code: 0, stderr: expect.stringMatching(NOTE) });
    expect(snapshot(path.join(dir, "out"))).toEqual(before);
  });
});
