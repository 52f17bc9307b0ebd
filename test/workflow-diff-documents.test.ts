/**
 * `odatagen diff` on a service made of several documents: each version is given with `--old` and
 * `--new` (repeatable) and read as `generate --input a.xml b.xml` reads it; two positional files
 * still compare two single documents.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runCli, scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";
import { edmx, schema } from "./helpers/csdl";

/** A main document (namespace `d`) whose entity type uses a complex type of `c`, in a document of its own. */
function version(dir: string, address: string, extra = ""): [string, string] {
  fs.mkdirSync(dir);
  const reference = '<edmx:Reference Uri="common.xml"><edmx:Include Namespace="c"/></edmx:Reference>\n';
  const main = schema("d", `<EntityType Name="t"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><Property Name="home" Type="c.address"/>${extra}</EntityType>`);
  fs.writeFileSync(path.join(dir, "main.xml"), edmx(main, reference));
  fs.writeFileSync(path.join(dir, "common.xml"), edmx(schema("c", `<ComplexType Name="address">${address}</ComplexType>`)));
  return [path.join(path.basename(dir), "main.xml"), path.join(path.basename(dir), "common.xml")];
}

const street = '<Property Name="street" Type="Edm.String"/>';
const zip = '<Property Name="zip" Type="Edm.String"/>';

test("--old and --new, each repeated: the documents of each version are read together", async () => {
  const dir = scratch();
  const [oldMain, oldCommon] = version(path.join(dir, "v1"), street + zip);
  const [newMain, newCommon] = version(path.join(dir, "v2"), street, '<Property Name="note" Type="Edm.String"/>');
  const r = await runCliInProcess(["diff", "--old", oldMain, "--old", oldCommon, "--new", newMain, "--new", newCommon, "--json"], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).changes).toEqual([
    { kind: "added", element: "property", path: "d.t/note", detail: "property added: Edm.String", breaking: false },
    { kind: "removed", element: "property", path: "c.address/zip", detail: "property removed (was Edm.String)", breaking: true },
  ]);
  // Several values after one flag, in another order, as --input takes them.
  const same = await runCliInProcess(["diff", "--old", oldCommon, oldMain, "--new", newMain, newCommon, "--fail-on-breaking"], dir);
  expect(same.code).toBe(3);
  expect(same.stdout).toMatch(/^breaking\s+removed\s+property\s+c\.address\/zip: property removed/m);
  expect(same.stdout).toMatch(/2 change\(s\), 1 breaking; suggested bump: major/);
  // The documents of one version against themselves: nothing changed.
  expect((await runCliInProcess(["diff", "--old", oldMain, "--old", oldCommon, "--new", oldMain, "--new", oldCommon], dir)).stdout.trim()).toBe("0 change(s), 0 breaking; suggested bump: none");
});

test("a version given by its main document alone: each version follows its own reference to the other document", async () => {
  const dir = scratch();
  const [oldMain] = version(path.join(dir, "v1"), street + zip);
  const [newMain] = version(path.join(dir, "v2"), street);
  const r = await runCliInProcess(["diff", oldMain, newMain, "--json"], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).changes).toEqual([{ kind: "removed", element: "property", path: "c.address/zip", detail: "property removed (was Edm.String)", breaking: true }]);
});

test("a version whose referenced document is missing: its types are Edm.Untyped, and the warning says which file was looked for", async () => {
  const dir = scratch();
  const [oldMain] = version(path.join(dir, "v1"), street + zip);
  const [newMain] = version(path.join(dir, "v2"), street);
  for (const v of ["v1", "v2"]) fs.rmSync(path.join(dir, v, "common.xml"));
  const r = await runCliInProcess(["diff", oldMain, newMain], dir);
  expect(r.code).toBe(0);
  expect(r.stdout.trim()).toBe("0 change(s), 0 breaking; suggested bump: none");
  // Each version's warning names its own missing file, so each is printed, labelled with its version.
  expect(r.stderr).toMatch(/^v1\/main\.xml:\d+:\d+: warning ODG110: .*Uri="common\.xml".*there is no file v1\/common\.xml .* \[d\.t\/home\] \(old version\)$/m);
  expect(r.stderr).toMatch(/^v2\/main\.xml:\d+:\d+: warning ODG110: .*Uri="common\.xml".*there is no file v2\/common\.xml .* \[d\.t\/home\] \(new version\)$/m);
});

test("a document of one version that cannot be read is a diagnostic naming it, exit 1", async () => {
  const dir = scratch();
  const [oldMain, oldCommon] = version(path.join(dir, "v1"), street);
  const r = await runCliInProcess(["diff", "--old", oldMain, "--old", oldCommon, "--new", oldMain, "--new", "v2/common.xml"], dir);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^v2\/common\.xml: error ODG001: cannot read input: no such file/m);
});

test("usage errors name the flag and exit 2: a mix of files and flags, a missing side, a flag without a value, a document given twice", async () => {
  const dir = scratch();
  const [main, common] = version(path.join(dir, "v1"), street);
  const usage = async (args: string[]) => {
    const r = await runCliInProcess(["diff", ...args], dir);
    expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: "" });
    return r.stderr.split("\n")[0];
  };
  expect(await usage([main, main, "--old", common])).toBe(`odatagen: ${main} ${main} given with --old: name the two versions either as two files (diff old.xml new.xml) or with --old and --new (each repeated for a version's documents)`);
  expect(await usage([main, "--new", common])).toMatch(/^odatagen: v1\/main\.xml given with --new: /);
  expect(await usage(["--old", main, "--old", common])).toBe("odatagen: --old without --new: give the new version's documents with --new");
  expect(await usage(["--new", main])).toBe("odatagen: --new without --old: give the old version's documents with --old");
  expect(await usage(["--old", "--new", main])).toBe("odatagen: --old needs a value");
  expect(await usage(["--old", main, "--new", main, `./${main}`])).toBe(`odatagen: --new names "./${main}" again (the same file); give each document once`);
  expect(await usage([main])).toMatch(/^odatagen: diff needs two versions: /);
  expect(await usage([main, main, main])).toBe(`odatagen: diff takes two files, the old version and the new, and was given 3 (${main} ${main} ${main}); for a version made of several documents, give each with --old or --new`);
});

test("--no-follow-references: each version is only the documents given, as generate --no-follow-references reads them", async () => {
  const dir = scratch();
  const [oldMain, oldCommon] = version(path.join(dir, "v1"), street + zip);
  const [newMain, newCommon] = version(path.join(dir, "v2"), street);
  // Followed (the default), the removed property shows.
  expect(JSON.parse((await runCliInProcess(["diff", oldMain, newMain, "--json"], dir)).stdout).changes).toHaveLength(1);
  // Not followed: the other document is not read, its type is Edm.Untyped in both versions, and the warning says why.
  const off = await runCliInProcess(["diff", oldMain, newMain, "--no-follow-references"], dir);
  expect(off.code).toBe(0);
  expect(off.stdout.trim()).toBe("0 change(s), 0 breaking; suggested bump: none");
  // The same warning at the same place of each version is printed once.
  expect(off.stderr).toMatch(/^v1\/main\.xml:\d+:\d+: warning ODG110: .*Uri="common\.xml".*The reference is not followed: references are not followed \(--no-follow-references\) \[d\.t\/home\] \(old and new versions; new: v2\/main\.xml\)$/m);
  // The documents given with --old and --new are still read together; --follow-references=false is the same switch.
  const given = await runCliInProcess(["diff", "--old", oldMain, "--old", oldCommon, "--new", newMain, "--new", newCommon, "--follow-references=false", "--json"], dir);
  expect(given.stderr).toBe("");
  expect(JSON.parse(given.stdout).changes).toEqual([{ kind: "removed", element: "property", path: "c.address/zip", detail: "property removed (was Edm.String)", breaking: true }]);
  // The help names it, and a misspelling is answered with it.
  expect(runCli(["diff", "--help"], dir).stdout.replace(/\s+/g, " ")).toMatch(/--follow-references Read the local documents each version's edmx:References name .* --no-follow-references reads only the documents given/);
  const typo = await runCliInProcess(["diff", oldMain, newMain, "--no-follow-refrences"], dir);
  expect({ code: typo.code, stderr: typo.stderr.split("\n")[0] }).toEqual({ code: 2, stderr: "odatagen: unknown flag --no-follow-refrences for diff; did you mean --no-follow-references?" });
});
