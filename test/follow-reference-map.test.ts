// The reference map `odatagen fetch` writes (`specs/main.references.json`: an http(s) Uri → a file
// saved beside the document), followed by generate offline, under the rules of a relative Uri.
import * as fs from "node:fs";
import * as path from "node:path";
import { runCliAsync, scratch, writeJson } from "./helpers/cli";
import { edmx, schema } from "./helpers/csdl";

const ref = (uri: string, ns: string) => `<edmx:Reference Uri="${uri}"><edmx:Include Namespace="${ns}"/></edmx:Reference>\n`;
const main = (refs: string) =>
  edmx(schema("main", `<EntityType Name="t"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><Property Name="home" Type="shared.address"/></EntityType><EntityContainer Name="c"><EntitySet Name="ts" EntityType="main.t"/></EntityContainer>`), refs);
const shared = edmx(schema("shared", `<ComplexType Name="address"><Property Name="street" Type="Edm.String"/></ComplexType>`));
const URI = "https://example.com/types.xml";

test.concurrent("a mapped https Uri is followed to the file the map names, and a changed map makes generate run again", async () => {
  const dir = scratch();
  fs.mkdirSync(path.join(dir, "specs"));
  fs.writeFileSync(path.join(dir, "specs/main.xml"), main(ref(URI, "shared")));
  fs.writeFileSync(path.join(dir, "specs/main.types.xml"), shared);
  const unmapped = await runCliAsync(["generate", "-i", "specs/main.xml", "-o", "gen"], dir);
  expect(unmapped.stderr).toContain("warning ODG110: type shared.address is in namespace shared");
  writeJson(path.join(dir, "specs/main.references.json"), { references: { [URI]: "main.types.xml" } });
  const r = await runCliAsync(["generate", "-i", "specs/main.xml", "-o", "gen", "--verbose"], dir);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain(`specs/main.xml:3:1: info ODG113: specs/main.types.xml is read as an input too: <edmx:Reference Uri="${URI}"> names it [Reference]`);
  expect(fs.readFileSync(path.join(dir, "gen", "main.types.ts"), "utf8")).toMatch(/home\?: Address \| null/);
  expect((await runCliAsync(["generate", "-i", "specs/main.xml", "-o", "gen"], dir)).stdout).toMatch(/up to date/);
  writeJson(path.join(dir, "specs/main.references.json"), { references: {} });
  const again = await runCliAsync(["generate", "-i", "specs/main.xml", "-o", "gen"], dir);
  expect(again.stdout).not.toMatch(/up to date/);
  expect(again.stderr).toContain("warning ODG110: type shared.address is in namespace shared");
});

test.concurrent("a reference map that leads out of its folder is not followed, with a warning", async () => {
  const dir = scratch();
  fs.mkdirSync(path.join(dir, "specs"));
  fs.writeFileSync(path.join(dir, "specs/main.xml"), main(ref("https://example.com/types.xml", "shared")));
  fs.writeFileSync(path.join(dir, "types.xml"), shared);
  writeJson(path.join(dir, "specs/main.references.json"), { references: { "https://example.com/types.xml": "../types.xml" } });
  const r = await runCliAsync(["generate", "-i", "specs/main.xml", "-o", "gen"], dir);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain(`warning ODG113: <edmx:Reference Uri="https://example.com/types.xml"> is not followed: the reference map specs/main.references.json is not one odatagen reads: references["https://example.com/types.xml"] ("../types.xml") must go down from the map's folder (no "..", no empty segment)`);
});
