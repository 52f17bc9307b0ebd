// A file or folder whose name starts with two dots (`..main.xml`, `..work`) is in its folder, not
// above it: only `..` as a whole path segment leads out. Through the real CLI.
import * as fs from "node:fs";
import * as path from "node:path";
import { runCli, scratch } from "./helpers/cli";
import { edmx, keyed, schema } from "./helpers/csdl";

const doc = edmx(schema("s", keyed("t")));
const broken = edmx(schema("s", `${keyed("t")}<ComplexType Name="c"><Property Name="p" Type="s.nothing"/></ComplexType>`));

test("an input named ..main.xml in the working folder is named relative to it, and so is an output folder ..out", () => {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "..main.xml"), doc);
  fs.writeFileSync(path.join(dir, "..broken.xml"), broken);
  const r = runCli(["generate", "-i", "..main.xml", "-o", "..out"], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/files in \.\.out \(/);
  const bad = runCli(["generate", "-i", "..broken.xml", "-o", "..bad"], dir);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toMatch(/^\.\.broken\.xml:\d+:\d+: error ODG103: /m);
  expect(bad.stderr).toContain("nothing written to ..bad\n");
});

test("the output folder rules see a ..name as inside: .. from a folder ..work is above it, and -o gen with an input gen/..main.xml holds it", () => {
  const dir = scratch();
  const work = path.join(dir, "..work");
  fs.mkdirSync(work);
  fs.writeFileSync(path.join(work, "main.xml"), doc);
  const above = runCli(["generate", "-i", "main.xml", "-o", ".."], work);
  expect(above.code).toBe(2);
  expect(above.stderr).toContain(`output folder ${dir} is the working folder or above it; give generated code a folder of its own`);
  expect(fs.readdirSync(dir)).toEqual(["..work"]);
  fs.mkdirSync(path.join(work, "gen"));
  fs.writeFileSync(path.join(work, "gen", "..main.xml"), doc);
  const holds = runCli(["generate", "-i", "gen/..main.xml", "-o", "gen"], work);
  expect(holds.code).toBe(2);
  expect(holds.stderr).toContain("output folder gen holds an input or the config file; give generated code a folder of its own");
  expect(fs.readdirSync(path.join(work, "gen"))).toEqual(["..main.xml"]);
  const itself = runCli(["generate", "-i", "..main.xml", "-o", "..main.xml"], path.join(work, "gen"));
  expect(itself.stderr).toContain("output folder ..main.xml is an input, not a folder");
});
