/**
 * `odatagen diff --include/--exclude`: the changes of the slice a package generates, as
 * `generate --include …` makes it from each version, through the CLI's main in the jest worker
 * (runCliInProcess); one run, --fail-on-breaking's, through the binary, for its exit code.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { runCliAsync, scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";
import { wrap, writeDoc } from "./helpers/diff";
import { GENERATED } from "./helpers/generated";

// Two entity types, each with an entity set: `d.kept` (the slice) and `d.other` (left out of it).
const doc = (kept: string, other: string, more = "") => `
<EntityType Name="kept"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>${kept}</EntityType>
<EntityType Name="other"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>${other}</EntityType>
${more}
<EntityContainer Name="c"><EntitySet Name="keptSet" EntityType="d.kept"/><EntitySet Name="otherSet" EntityType="d.other"/></EntityContainer>`;

const name = `<Property Name="name" Type="Edm.String"/>`;

test("a change outside the slice is no change of it; one inside is, and --exclude takes out what it names", async () => {
  const dir = scratch();
  const v1 = writeDoc(dir, "v1.xml", doc(name, name));
  const outside = writeDoc(dir, "outside.xml", doc(name, ""));
  const inside = writeDoc(dir, "inside.xml", doc("", name));
  const whole = await runCliInProcess(["diff", v1, outside], dir);
  expect(whole.stdout).toContain("1 change(s), 1 breaking; suggested bump: major");
  const sliced = await runCliInProcess(["diff", v1, outside, "--include", "d.kept"], dir);
  expect(sliced).toMatchObject({ code: 0, stderr: "", stdout: "0 change(s), 0 breaking; suggested bump: none\n" });
  const byPath = await runCliAsync(["diff", v1, inside, "--include", "/keptSet/**", "--fail-on-breaking"], dir);
  expect(byPath.code).toBe(3);
  expect(byPath.stdout).toContain("breaking  removed property            d.kept/name: property removed (was Edm.String)");
  const excluded = await runCliInProcess(["diff", v1, inside, "--exclude", "d.kept", "--json"], dir);
  expect(JSON.parse(excluded.stdout)).toMatchObject({ changes: [], bump: "none" });
});

test("a pattern that matches in one version only is the change it names (a type removed or added), not an error; one matching in neither is ODG302", async () => {
  const dir = scratch();
  const extra = `<ComplexType Name="extra">${name}</ComplexType>`;
  const v1 = writeDoc(dir, "v1.xml", doc(name, name, extra));
  const v2 = writeDoc(dir, "v2.xml", doc(name, name));
  const removed = await runCliInProcess(["diff", v1, v2, "--include", "d.extra", "--include", "d.kept", "--json"], dir);
  expect(removed.stderr).toBe("");
  expect(JSON.parse(removed.stdout).changes).toEqual([expect.objectContaining({ kind: "removed", path: "d.extra", breaking: true })]);
  const added = await runCliInProcess(["diff", v2, v1, "--include", "d.extra", "--include", "d.kept", "--json"], dir);
  expect(JSON.parse(added.stdout).changes).toEqual([expect.objectContaining({ kind: "added", path: "d.extra", breaking: false })]);
  const neither = await runCliInProcess(["diff", v1, v2, "--include", "d.nothing"], dir);
  expect(neither.code).toBe(1);
  expect(neither.stderr).toMatch(/^error ODG302: --include d\.nothing matches no type, operation or namespace/);
  expect(neither.stdout).toBe("");
});

test("a new subtype of a type in the slice, left out of it, is listed (ok, minor), naming its base and --include-derived, which lists it as an added type", async () => {
  const dir = scratch();
  const sub = `<EntityType Name="sub" BaseType="d.kept"><Property Name="extra" Type="Edm.String"/></EntityType>`;
  const v1 = writeDoc(dir, "v1.xml", doc(name, name));
  const v2 = writeDoc(dir, "v2.xml", doc(name, name, sub));
  const sliced = await runCliInProcess(["diff", v1, v2, "--include", "d.kept"], dir);
  expect(sliced).toMatchObject({ code: 0, stderr: "" });
  expect(sliced.stdout).toContain(`ok        added   type                d.sub: ${LEFT_OUT}`);
  expect(sliced.stdout).toContain("1 change(s), 0 breaking; suggested bump: minor");
  const derived = await runCliInProcess(["diff", v1, v2, "--include", "d.kept", "--include-derived", "--json"], dir);
  expect(JSON.parse(derived.stdout).changes).toEqual([{ kind: "added", element: "type", path: "d.sub", detail: "entity type added", breaking: false }]);
  // A subtype of a type outside the slice is none of its changes.
  const other = writeDoc(dir, "other.xml", doc(name, name, `<EntityType Name="sub" BaseType="d.other"/>`));
  expect((await runCliInProcess(["diff", v1, other, "--include", "d.kept"], dir)).stdout).toBe("0 change(s), 0 breaking; suggested bump: none\n");
});

test("an abstract left-out subtype is not listed, as no response names it; a concrete one below it is, at the kept base", async () => {
  const dir = scratch();
  const subs = `<EntityType Name="mid" BaseType="d.kept" Abstract="true"/><EntityType Name="leaf" BaseType="d.mid"/>`;
  const v1 = writeDoc(dir, "v1.xml", doc(name, name));
  const v2 = writeDoc(dir, "v2.xml", doc(name, name, subs));
  const sliced = await runCliInProcess(["diff", v1, v2, "--include", "d.kept", "--json"], dir);
  expect(JSON.parse(sliced.stdout).changes).toEqual([
    { kind: "added", element: "type", path: "d.leaf", detail: expect.stringMatching(/^subtype of d\.kept \(in the slice\) added, left out of the slice: a response may carry it \(@odata\.type "#d\.leaf"\)/), breaking: false },
  ]);
});

test("a type the old version had outside the slice, now a subtype of a type in it, says so rather than 'added'", async () => {
  const dir = scratch();
  const v1 = writeDoc(dir, "v1.xml", doc(name, name, `<EntityType Name="sub" BaseType="d.other"/><EntityType Name="free" Abstract="true"/>`));
  const v2 = writeDoc(dir, "v2.xml", doc(name, name, `<EntityType Name="sub" BaseType="d.kept"/><EntityType Name="free" BaseType="d.kept"/>`));
  const sliced = await runCliInProcess(["diff", v1, v2, "--include", "d.kept", "--json"], dir);
  const tail = (t: string) => `, left out of the slice: a response may carry it (@odata.type "#d.${t}"), which the regenerated validators check as d.kept and the old ones refuse; --include-derived takes it in`;
  expect(JSON.parse(sliced.stdout).changes).toEqual([
    { kind: "added", element: "type", path: "d.sub", detail: `now a subtype of d.kept (in the slice), was a subtype of d.other (not in the slice)${tail("sub")}`, breaking: false },
    { kind: "added", element: "type", path: "d.free", detail: `now a subtype of d.kept (in the slice), had no base type, no longer abstract${tail("free")}`, breaking: false },
  ]);
});

const LEFT_OUT =
  'subtype of d.kept (in the slice) added, left out of the slice: a response may carry it (@odata.type "#d.sub"), which the regenerated validators check as d.kept and the old ones refuse; --include-derived takes it in';

test("what that line says of the validators: the old slice's refuse the new subtype, the regenerated slice's check it as its base", () => {
  const sub = `<EntityType Name="sub" BaseType="d.kept"><Property Name="extra" Type="Edm.String"/></EntityType>`;
  const validators = (tag: string, body: string) => {
    const out = path.join(GENERATED, tag);
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    for (const [file, content] of generate({ inputs: [{ file: "s.xml", content: wrap(body) }], include: ["d.kept"] }).files) fs.writeFileSync(path.join(out, file), content);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(path.join(out, "d.validators")) as { validateKept(v: unknown): { valid: boolean; errors: { path: string; message: string }[] } };
  };
  const value = { "@odata.type": "#d.sub", id: "k1", name: "n", extra: "x" };
  expect(validators("diff-left-out-old", doc(name, name)).validateKept(value).errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
    "/@odata.type: #d.sub is not d.kept or one of its subtypes",
  ]);
  expect(validators("diff-left-out-new", doc(name, name, sub)).validateKept(value)).toMatchObject({ valid: true });
});
