/**
 * What the CLI prints stays bounded however hostile the input: a name megabytes long is shortened
 * in the change lists as in diagnostics, and an input with thousands of errors prints the first of
 * them and a count of the rest. Through the CLI's main, in the jest worker (runCliInProcess: what is
 * printed is the command's; the binary's start-up is cli-errors'); each test has a folder of its own.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { changeLine } from "../generator/cli/model-changes";
import { style } from "../generator/cli/style";
import { formatDiagnostic } from "../generator/diagnostics";
import { scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";

const doc = (members: string) => `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="Acme" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="Order">
        <Key><PropertyRef Name="Id"/></Key>
        <Property Name="Id" Type="Edm.Int32" Nullable="false"/>
${members}      </EntityType>
      <EntityContainer Name="Svc">
        <EntitySet Name="Orders" EntityType="Acme.Order"/>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;

describe("a name thousands of characters long in the model changes", () => {
  const name = `n${"x".repeat(20_000)}z`;
  // The path, `Acme.Order/<name>`, is one word: its first 200 characters hold 188 of the name's x's.
  const shortened = `Acme.Order/n${"x".repeat(188)}…(${name.length + 11 - 240} more characters)…${"x".repeat(39)}z:`;

  test("generate prints it shortened (its first 200 and last 40 characters, the count between)", async () => {
    const dir = scratch();
    // The model summary a regeneration compares with is kept in node_modules/.cache.
    fs.mkdirSync(path.join(dir, "node_modules"));
    fs.writeFileSync(path.join(dir, "spec.xml"), doc(""));
    expect((await runCliInProcess(["generate", "-i", "spec.xml", "-o", "gen"], dir)).code).toBe(0);
    fs.writeFileSync(path.join(dir, "spec.xml"), doc(`        <Property Name="${name}" Type="Edm.String"/>\n`));
    const r = await runCliInProcess(["generate", "-i", "spec.xml", "-o", "gen"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[lines.length - 1]).toBe(`  ok        added   property            ${shortened} property added: Edm.String`);
    expect(r.stdout.length).toBeLessThan(2000);
  });

  test("diff prints it shortened; diff --json keeps it whole", async () => {
    const dir = scratch();
    fs.writeFileSync(path.join(dir, "old.xml"), doc(""));
    fs.writeFileSync(path.join(dir, "new.xml"), doc(`        <Property Name="${name}" Type="Edm.String"/>\n`));
    const text = await runCliInProcess(["diff", "old.xml", "new.xml"], dir);
    expect(text.code).toBe(0);
    expect(text.stdout.split("\n")).toEqual([
      `ok        added   property            ${shortened} property added: Edm.String`,
      "1 change(s), 0 breaking; suggested bump: minor",
      "",
    ]);
    const json = JSON.parse((await runCliInProcess(["diff", "old.xml", "new.xml", "--json"], dir)).stdout);
    expect(json.changes[0].path).toBe(`Acme.Order/${name}`);
  });

  test("a name of millions of characters (a 50 MB attribute) is shortened too, in a change and in a diagnostic", () => {
    const huge = "N".repeat(12_000_000);
    const change = changeLine({ kind: "added", element: "property", path: `Acme.Order/${huge}`, detail: "property added: Edm.String", breaking: false }, style(false));
    expect(change).toBe(`ok        added   property            Acme.Order/${"N".repeat(189)}…(${huge.length + 11 - 240} more characters)…${"N".repeat(40)}: property added: Edm.String`);
    const line = formatDiagnostic({ code: "ODG104", severity: "error", message: `${huge} is declared twice`, file: "spec.xml", line: 5, column: 9, path: `Acme.Order/${huge}` });
    expect(line).toBe(`spec.xml:5:9: error ODG104: ${"N".repeat(200)}…(${huge.length - 240} more characters)…${"N".repeat(40)} is declared twice [Acme.Order/${"N".repeat(188)}…(${huge.length + 13 - 240} more characters)…${"N".repeat(39)}]`);
  });
});

describe("an input with hundreds of errors", () => {
  // A warning first in the document (a MaxLength that is no number), then 250 undefined types.
  const errors = 250;
  const members =
    `        <Property Name="name" Type="Edm.String" MaxLength="abc"/>\n` +
    Array.from({ length: errors }, (_, i) => `        <Property Name="p${i}" Type="Acme.missing${i}"/>\n`).join("");
  const errorLine = (i: number) => `bad.xml:${i + 9}:9: error ODG103: type Acme.missing${i} is not defined [Acme.Order/p${i}]`;

  test("generate prints the first 100, errors chosen first, then a count of the rest; the summary counts all; --verbose prints all", async () => {
    const dir = scratch();
    fs.writeFileSync(path.join(dir, "bad.xml"), doc(members));
    const r = await runCliInProcess(["generate", "-i", "bad.xml", "-o", "gen"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")).toEqual([
      ...Array.from({ length: 100 }, (_, i) => errorLine(i)),
      `… 151 more (150 errors, 1 warning; --verbose prints them all)`,
      "odatagen: gen: not generated; nothing written to gen",
      "odatagen: 250 errors, 1 warning",
      "",
    ]);
    const all = await runCliInProcess(["generate", "-i", "bad.xml", "-o", "gen", "--verbose"], dir);
    expect(all.code).toBe(1);
    const lines = all.stderr.split("\n");
    expect(lines.filter((l) => l.includes(" error ODG103: "))).toEqual(Array.from({ length: errors }, (_, i) => errorLine(i)));
    expect(lines[0]).toMatch(/^bad\.xml:8:9: warning ODG102: MaxLength="abc"/);
    expect(lines).toContain("odatagen: 250 errors, 1 warning");
  });

  test("diff prints the first 100 too; diff --verbose prints all; diff --json lists every error", async () => {
    const dir = scratch();
    fs.writeFileSync(path.join(dir, "bad.xml"), doc(members));
    fs.writeFileSync(path.join(dir, "good.xml"), doc(""));
    const text = await runCliInProcess(["diff", "good.xml", "bad.xml"], dir);
    expect(text.code).toBe(1);
    const lines = text.stderr.split("\n");
    expect(lines.slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, i) => errorLine(i)));
    expect(lines.slice(100)).toEqual([`… 151 more (150 errors, 1 warning; --verbose prints them all)`, ""]);
    const all = await runCliInProcess(["diff", "good.xml", "bad.xml", "--verbose"], dir);
    expect(all.code).toBe(1);
    const allLines = all.stderr.split("\n");
    expect(allLines.filter((l) => l.includes(" error ODG103: "))).toEqual(Array.from({ length: errors }, (_, i) => errorLine(i)));
    expect(allLines).toHaveLength(errors + 2);
    const json = await runCliInProcess(["diff", "good.xml", "bad.xml", "--json"], dir);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).errors).toHaveLength(errors);
  });

  test("diff of two versions with hundreds of warnings prints the first 100 and counts the rest; --verbose prints all", async () => {
    const dir = scratch();
    const count = 150;
    const warned = Array.from({ length: count }, (_, i) => `        <Property Name="w${i}" Type="Edm.String" MaxLength="x${i}"/>\n`).join("");
    fs.writeFileSync(path.join(dir, "old.xml"), doc(warned));
    fs.writeFileSync(path.join(dir, "new.xml"), doc(`${warned}        <Property Name="added" Type="Edm.String"/>\n`));
    const text = await runCliInProcess(["diff", "old.xml", "new.xml"], dir);
    expect(text.code).toBe(0);
    const lines = text.stderr.split("\n");
    expect(lines.filter((l) => l.includes(" warning ODG102: "))).toHaveLength(100);
    expect(lines.slice(100)).toEqual([`… ${count - 100} more (0 errors, ${count - 100} warnings; --verbose prints them all)`, ""]);
    expect(text.stdout).toContain("1 change(s), 0 breaking");
    const all = await runCliInProcess(["diff", "old.xml", "new.xml", "--verbose"], dir);
    expect(all.code).toBe(0);
    const allLines = all.stderr.split("\n").filter((l) => l !== "");
    expect(allLines).toHaveLength(count);
    expect(allLines.every((l) => / warning ODG102: .*\(old and new versions; new: new\.xml\)$/.test(l))).toBe(true);
    expect(all.stdout).toBe(text.stdout);
  });
});
