// Following edmx:Reference to local files (CSDL XML §3.3, CSDL JSON §3.3; RFC 3986 §5 for the Uri),
// through the real CLI: what a reference leads to is read as an input, and what it cannot lead to is
// said in the ODG110/ODG103 message that names the Uri.
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { BIN, runCliAsync, scratch, snapshot, startCli, writeJson } from "./helpers/cli";
import { Output } from "./helpers/child";
import { runCliInProcess } from "./helpers/cli-in-process";
import { edmx, schema } from "./helpers/csdl";
import { createFollower, generate } from "../generator";
import { insideRoots, readInside, realLocation } from "../generator/write/read-inside";

const ref = (uri: string, ns: string) => `<edmx:Reference Uri="${uri}"><edmx:Include Namespace="${ns}"/></edmx:Reference>\n`;
/** A document of namespace `ns` whose entity type `t` has a property of the complex type `type` (`shared.address`). */
const main = (refs: string, type = "shared.address") =>
  edmx(schema("main", `<EntityType Name="t"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><Property Name="home" Type="${type}"/></EntityType><EntityContainer Name="c"><EntitySet Name="ts" EntityType="main.t"/></EntityContainer>`), refs);
const shared = (refs = "", extra = "") => edmx(schema("shared", `<ComplexType Name="address"><Property Name="street" Type="Edm.String"/>${extra}</ComplexType>`), refs);

function write(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
}

/** The generated files but the manifest (which says which inputs were given and which followed). */
function outputs(dir: string): Map<string, string> {
  const files = new Map([...snapshot(dir)].map(([f, b]) => [f, b.toString("utf8")] as const));
  files.delete(".odatagen-manifest.json");
  return files;
}

const diagnostics = (stderr: string) => stderr.split("\n").filter((l) => /^\S+:\d+:\d+: (error|warning|info)/.test(l));

test("a relative Uri is followed: the output is the one of giving both documents, and the manifest says which was followed", async () => {
  const dir = scratch();
  write(dir, { "specs/main.xml": main(ref("./shared/types.xml", "shared")), "specs/shared/types.xml": shared() });
  const followed = await runCliInProcess(["generate", "-i", "specs/main.xml", "-o", "followed", "--verbose"], dir);
  expect(followed.code).toBe(0);
  expect(diagnostics(followed.stderr)).toEqual([
    `specs/main.xml:3:1: info ODG113: specs/shared/types.xml is read as an input too: <edmx:Reference Uri="./shared/types.xml"> names it [Reference]`,
  ]);
  const given = await runCliInProcess(["generate", "-i", "specs/main.xml", "specs/shared/types.xml", "-o", "given", "--no-follow-references"], dir);
  expect(given.code).toBe(0);
  expect(given.stderr).toBe("");
  expect(outputs(path.join(dir, "followed"))).toEqual(outputs(path.join(dir, "given")));
  const types = fs.readFileSync(path.join(dir, "followed", "main.types.ts"), "utf8");
  expect(types).toMatch(/from main\.xml, types\.xml\./);
  expect(types).toMatch(/home\?: Address \| null/);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "followed", ".odatagen-manifest.json"), "utf8"));
  expect(manifest.inputs.map((i: { file: string; followed?: boolean }) => [i.file, i.followed ?? false])).toEqual([["../specs/main.xml", false], ["../specs/shared/types.xml", true]]);
});

test("a chain of three documents is followed to its end, a cycle reads each document once, and a slice keeps a followed type", async () => {
  const dir = scratch();
  write(dir, {
    "a.xml": main(ref("b.xml", "shared")),
    "b.xml": shared(ref("sub/c.xml", "third"), `<Property Name="geo" Type="third.point"/>`),
    // c leads back to a (a cycle), by a percent-encoded file: URL-free relative path.
    "sub/c.xml": edmx(schema("third", `<ComplexType Name="point"><Property Name="x" Type="Edm.Double"/></ComplexType>`), ref("../%61.xml", "main")),
  });
  const r = await runCliInProcess(["generate", "-i", "a.xml", "-o", "out", "--verbose"], dir);
  expect(r.code).toBe(0);
  expect(diagnostics(r.stderr).map((l) => l.replace(/ \[.*$/, ""))).toEqual([
    `a.xml:3:1: info ODG113: b.xml is read as an input too: <edmx:Reference Uri="b.xml"> names it`,
    `b.xml:3:1: info ODG113: sub/c.xml is read as an input too: <edmx:Reference Uri="sub/c.xml"> names it`,
  ]);
  expect(fs.readFileSync(path.join(dir, "out", "main.types.ts"), "utf8")).toMatch(/from a\.xml, b\.xml, c\.xml\./);
  expect(fs.readFileSync(path.join(dir, "out", "third.types.ts"), "utf8")).toMatch(/export interface Point/);
  // A slice's include names a type of the end of the chain.
  const slice = await runCliInProcess(["generate", "-i", "a.xml", "-o", "slice", "--include", "third.point"], dir);
  expect(slice.code).toBe(0);
  expect(fs.readFileSync(path.join(dir, "slice", "third.types.ts"), "utf8")).toMatch(/export interface Point/);
});

test("a document given and referenced, or referenced through a symlink or a file: URL, is read once", async () => {
  const dir = scratch();
  write(dir, { "types.xml": shared() });
  fs.symlinkSync("types.xml", path.join(dir, "alias.xml"));
  const url = `file://${path.join(dir, "types.xml").split(path.sep).map(encodeURIComponent).join("/")}`;
  write(dir, { "main.xml": main(ref("alias.xml", "shared") + ref(url, "shared")) });
  // Given too: read once (a second reading would declare namespace shared twice, ODG104).
  const given = await runCliInProcess(["generate", "-i", "main.xml", "types.xml", "-o", "given", "--verbose"], dir);
  expect(given.code).toBe(0);
  expect(diagnostics(given.stderr).filter((l) => !l.includes("is included twice"))).toEqual([]);
  // Not given: the symlink is followed, and the file: URL leads to the same file, already read.
  const followed = await runCliInProcess(["generate", "-i", "main.xml", "-o", "followed", "--verbose"], dir);
  expect(followed.code).toBe(0);
  expect(diagnostics(followed.stderr).filter((l) => !l.includes("is included twice"))).toEqual([
    `main.xml:3:1: info ODG113: alias.xml is read as an input too: <edmx:Reference Uri="alias.xml"> names it [Reference]`,
  ]);
  expect(outputs(path.join(dir, "followed"))).toEqual(new Map([...outputs(path.join(dir, "given"))].map(([f, t]) => [f, t.replace("main.xml, types.xml", "main.xml, alias.xml")])));
});

test("the folder rule compares real paths: a symlink in the folder pointing out of it is not followed; a folder given through a symlink is", async () => {
  const dir = scratch();
  write(dir, { "secret/types.xml": shared(), "checkout/specs/main.xml": main(ref("types.xml", "shared")), "checkout/specs/types.xml": shared() });
  // A monorepo: the project's specs/ is a symlink to a shared checkout, and the input is given through it.
  fs.mkdirSync(path.join(dir, "project"));
  fs.symlinkSync(path.join("..", "checkout", "specs"), path.join(dir, "project", "specs"));
  const through = await runCliInProcess(["generate", "-i", "specs/main.xml", "-o", "out", "--verbose"], path.join(dir, "project"));
  expect(through.code).toBe(0);
  expect(diagnostics(through.stderr)).toEqual([`specs/main.xml:3:1: info ODG113: specs/types.xml is read as an input too: <edmx:Reference Uri="types.xml"> names it [Reference]`]);
  // A file, or a folder, in the input's folder that links out of it leads outside: not read.
  write(dir, { "app/specs/main.xml": main(ref("linked.xml", "shared") + ref("sub/types.xml", "other") + ref("sub/missing.xml", "gone"), "shared.address") });
  fs.symlinkSync(path.join("..", "..", "secret", "types.xml"), path.join(dir, "app", "specs", "linked.xml"));
  fs.symlinkSync(path.join("..", "..", "secret"), path.join(dir, "app", "specs", "sub"));
  const use = (ns: string) => `<Property Name="${ns}" Type="${ns}.x"/>`;
  const file = path.join(dir, "app", "specs", "main.xml");
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace('<Property Name="home"', `${use("other")}${use("gone")}<Property Name="home"`));
  const r = await runCliInProcess(["generate", "-i", "specs/main.xml", "-o", "out"], path.join(dir, "app"));
  expect(r.code).toBe(0);
  const why = (p: string) => diagnostics(r.stderr).find((l) => l.includes("ODG110") && l.endsWith(`[main.t/${p}]`))?.replace(/^.*The reference is not followed: /, "");
  const outside = "outside the folders of the inputs (a document brings in files in its input's folder or below it, never others): give that document as an input too";
  const secret = path.join(dir, "secret");
  expect(why("home")).toBe(`it leads to specs/linked.xml, which is ${path.join(secret, "types.xml")}, ${outside} [main.t/home]`);
  expect(why("other")).toBe(`it leads to specs/sub/types.xml, which is ${path.join(secret, "types.xml")}, ${outside} [main.t/other]`);
  expect(why("gone")).toBe(`it leads to specs/sub/missing.xml, which is ${path.join(secret, "missing.xml")}, ${outside} [main.t/gone]`);
  // Given as an input, the linked file is read (its folder is then one of the inputs' folders).
  expect((await runCliInProcess(["generate", "-i", "specs/main.xml", "specs/linked.xml", "-o", "given"], path.join(dir, "app"))).stderr).not.toMatch(/ODG110.*\[main\.t\/home\]/);
});

test("a file whose name starts with two dots (..shared.xml, ...xml) is in the folder, and is followed", async () => {
  const dir = scratch();
  write(dir, { "specs/main.xml": main(ref("..shared.xml", "shared") + ref("...xml", "third"), "third.point"), "specs/..shared.xml": shared(), "specs/...xml": edmx(schema("third", `<ComplexType Name="point"/>`)) });
  const r = await runCliInProcess(["generate", "-i", "specs/main.xml", "-o", "out", "--verbose"], dir);
  expect(r.code).toBe(0);
  expect(diagnostics(r.stderr)).toEqual([
    `specs/main.xml:3:1: info ODG113: specs/..shared.xml is read as an input too: <edmx:Reference Uri="..shared.xml"> names it [Reference]`,
    `specs/main.xml:4:1: info ODG113: specs/...xml is read as an input too: <edmx:Reference Uri="...xml"> names it [Reference]`,
  ]);
  expect(fs.readFileSync(path.join(dir, "out", "main.types.ts"), "utf8")).toMatch(/home\?: Point \| null/);
});

test("CSDL JSON: a $Reference member's relative URI is followed", async () => {
  const dir = scratch();
  const doc = {
    $Version: "4.01",
    $Reference: { "shared/types.json": { $Include: [{ $Namespace: "shared" }] } },
    main: { t: { $Kind: "EntityType", $Key: ["id"], id: {}, home: { $Type: "shared.address", $Nullable: true } } },
  };
  write(dir, {
    "main.json": JSON.stringify(doc, null, 2),
    "shared/types.json": JSON.stringify({ $Version: "4.01", shared: { address: { $Kind: "ComplexType", street: { $Nullable: true } } } }, null, 2),
  });
  const r = await runCliInProcess(["generate", "-i", "main.json", "-o", "out"], dir);
  expect(r.stderr).toBe("");
  expect(fs.readFileSync(path.join(dir, "out", "main.types.ts"), "utf8")).toMatch(/home\?: Address \| null/);
});

test("what is not followed says why in the ODG110 message that names the Uri", async () => {
  const dir = scratch();
  write(dir, {
    "specs/main.xml": main(ref("missing/types.xml", "shared") + ref("https://example.com/x.xml", "web") + ref("../outside.xml", "out") + ref("q.xml?v=1", "q") + ref("folder", "dir"), "shared.address"),
    "outside.xml": shared(),
  });
  fs.mkdirSync(path.join(dir, "specs", "folder"));
  const use = (ns: string) => `<Property Name="${ns}" Type="${ns}.x"/>`;
  const text = fs.readFileSync(path.join(dir, "specs/main.xml"), "utf8").replace('<Property Name="home"', `${["web", "out", "q", "dir"].map(use).join("")}<Property Name="home"`);
  fs.writeFileSync(path.join(dir, "specs/main.xml"), text);
  const r = await runCliInProcess(["generate", "-i", "specs/main.xml", "-o", "out"], dir);
  expect(r.code).toBe(0);
  const lines = diagnostics(r.stderr);
  expect(lines).toContain(`specs/main.xml:7:1: warning ODG113: <edmx:Reference Uri="folder"> is not followed: it leads to specs/folder, which is a folder and is not read [Reference]`);
  const why = (path: string) => lines.find((l) => l.includes("ODG110") && l.endsWith(`[main.t/${path}]`))?.replace(/^.*The reference is not followed: /, "");
  expect(why("home")).toBe("there is no file specs/missing/types.xml (looked for there): save the document there, or give it as an input too [main.t/home]");
  expect(why("web")).toBe("odatagen does not fetch https: URIs (a build stays offline and gives the same output each time): save the document and give it as an input too, or save it beside this document and reference it by a relative Uri (odatagen fetch downloads the service's metadata with the documents it needs, and maps their Uris to the files saved) [main.t/web]");
  expect(why("out")).toBe("it leads to outside.xml, outside the folders of the inputs (a document brings in files in its input's folder or below it, never others): give that document as an input too [main.t/out]");
  expect(why("q")).toBe("a Uri with a query or a fragment names no file [main.t/q]");
  expect(why("dir")).toBe("it leads to specs/folder, which is a folder and is not read [main.t/dir]");
});

test("a Uri naming a file longer than the file system allows is not followed, as a missing file is: a warning where its type is used, not a failed run", async () => {
  const dir = scratch();
  const long = `${"x".repeat(300)}.xml`;
  write(dir, { "main.xml": main(ref(long, "shared")) });
  const r = await runCliInProcess(["generate", "-i", "main.xml", "-o", "out"], dir);
  expect(r.code).toBe(0);
  const lines = diagnostics(r.stderr);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^main\.xml:\d+:\d+: warning ODG110: type shared\.address is in namespace shared, .*The reference is not followed: it names no file \(a name longer than the file system allows\) \[main\.t\/home\]$/);
});

test("a header names the first ten documents read and counts the rest, so that a service of many documents does not repeat every name in every file", async () => {
  const dir = scratch();
  // a.xml → d1.xml → … → d11.xml, each namespace's type holding the next one's.
  const files: Record<string, string> = {};
  for (let i = 0; i < 12; i++) {
    const next = i < 11 ? `<Property Name="next" Type="n${i + 1}.t"/>` : "";
    files[i === 0 ? "a.xml" : `d${i}.xml`] = edmx(schema(`n${i}`, `<ComplexType Name="t">${next}</ComplexType>`), i < 11 ? ref(`d${i + 1}.xml`, `n${i + 1}`) : "");
  }
  write(dir, files);
  const r = await runCliInProcess(["generate", "-i", "a.xml", "-o", "out"], dir);
  expect(r.code).toBe(0);
  expect(fs.readFileSync(path.join(dir, "out", "n11.types.ts"), "utf8").split("\n")[0]).toBe(
    "// Generated by odatagen from a.xml, d1.xml, d2.xml, d3.xml, d4.xml, d5.xml, d6.xml, d7.xml, d8.xml, d9.xml and 2 more documents. Do not edit.",
  );
  // The manifest lists them all.
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "out", ".odatagen-manifest.json"), "utf8"));
  expect(manifest.inputs).toHaveLength(12);
});

test("a document read from standard input has no folder: its relative Uri is not followed, and the message says so", () => {
  const dir = scratch();
  write(dir, { "shared/types.xml": shared() });
  const r = spawnSync(process.execPath, [BIN, "generate", "-i", "/dev/stdin", "-o", "out"], { cwd: dir, input: main(ref("shared/types.xml", "shared")), encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/warning ODG110: type shared\.address .* The reference is not followed: this document was read from a pipe or standard input, which has no folder to resolve a relative Uri against: give the referenced document as an input too \[main\.t\/home\]/);
});

test("the off switch: --no-follow-references, and followReferences: false in the config", async () => {
  const dir = scratch();
  write(dir, { "main.xml": main(ref("types.xml", "shared")), "types.xml": shared() });
  const off = /warning ODG110: type shared\.address is in namespace shared, which is referenced \(edmx:Reference Uri="types\.xml"\) but not among the inputs; it is read as Edm\.Untyped\. The reference is not followed: references are not followed \(--no-follow-references, or the service's followReferences: false\)/;
  const flag = await runCliInProcess(["generate", "-i", "main.xml", "-o", "out", "--no-follow-references"], dir);
  expect(flag.code).toBe(0);
  expect(flag.stderr).toMatch(off);
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ input: "main.xml", out: "cfg", options: { followReferences: false } }] });
  const config = await runCliInProcess(["generate"], dir);
  expect(config.stderr).toMatch(off);
  expect(fs.readFileSync(path.join(dir, "cfg", "main.types.ts"), "utf8")).toMatch(/home\?: unknown/);
  // The flag overrides the config.
  const on = await runCliInProcess(["generate", "--follow-references"], dir);
  expect(on.stderr).toBe("");
  expect(fs.readFileSync(path.join(dir, "cfg", "main.types.ts"), "utf8")).toMatch(/home\?: Address \| null/);
});

test("an error in a followed document fails the run as for an input, at its own place, and nothing is written", async () => {
  const dir = scratch();
  const broken = edmx(schema("shared", `<ComplexType Name="address"><Property Name="street" Type="shared.nothing"/></ComplexType>`));
  write(dir, { "main.xml": main(ref("types.xml", "shared")), "types.xml": broken });
  const r = await runCliInProcess(["generate", "-i", "main.xml", "-o", "out"], dir);
  expect(r.code).toBe(1);
  // The note saying which reference led to the document comes with its error (without --verbose too).
  expect(diagnostics(r.stderr)).toEqual([
    `main.xml:3:1: info ODG113: types.xml is read as an input too: <edmx:Reference Uri="types.xml"> names it [Reference]`,
    expect.stringMatching(/^types\.xml:\d+:\d+: error ODG103: type shared\.nothing is not defined/),
  ]);
  expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
});

test("an error at the end of a chain of references is printed with the reference of each document that led there, up to the input given", async () => {
  const dir = scratch();
  write(dir, {
    "a.xml": main(ref("b.xml", "shared")),
    "b.xml": shared(ref("sub/c.xml", "third"), `<Property Name="geo" Type="third.point"/>`),
    "sub/c.xml": edmx(schema("third", `<ComplexType Name="point"><Property Name="x" Type="third.missing"/></ComplexType>`)),
    "other.xml": edmx(schema("other", `<ComplexType Name="o"/>`)),
  });
  const r = await runCliInProcess(["generate", "-i", "a.xml", "-o", "out"], dir);
  expect(r.code).toBe(1);
  expect(diagnostics(r.stderr)).toEqual([
    `a.xml:3:1: info ODG113: b.xml is read as an input too: <edmx:Reference Uri="b.xml"> names it [Reference]`,
    `b.xml:3:1: info ODG113: sub/c.xml is read as an input too: <edmx:Reference Uri="sub/c.xml"> names it [Reference]`,
    expect.stringMatching(/^sub\/c\.xml:\d+:\d+: error ODG103: type third\.missing is not defined .*\[third\.point\/x\]$/),
  ]);
  // A run whose followed documents hold no error prints no note.
  write(dir, { "sub/c.xml": edmx(schema("third", `<ComplexType Name="point"/>`)) });
  const ok = await runCliInProcess(["generate", "-i", "a.xml", "-o", "out"], dir);
  expect({ code: ok.code, lines: diagnostics(ok.stderr) }).toEqual({ code: 0, lines: [] });
});

test("a followed file that is not CSDL is said to be so, without what it holds, as a problem of the whole document", async () => {
  const dir = scratch();
  write(dir, { "main.xml": main(ref("secret.json", "shared") + ref("notes.xml", "other")), "secret.json": '{"password": "hunter2", oops}', "notes.xml": "<hunter2/>" });
  const r = await runCliInProcess(["generate", "-i", "main.xml", "-o", "out"], dir);
  expect(r.code).toBe(1);
  expect(r.stderr).not.toMatch(/hunter2|password|oops/);
  expect(diagnostics(r.stderr)).toEqual([
    `main.xml:3:1: info ODG113: secret.json is read as an input too: <edmx:Reference Uri="secret.json"> names it [Reference]`,
    `main.xml:4:1: info ODG113: notes.xml is read as an input too: <edmx:Reference Uri="notes.xml"> names it [Reference]`,
    `notes.xml:1:1: error ODG003: not a CSDL XML or CSDL JSON document (read because <edmx:Reference Uri="notes.xml"> at main.xml:4 names it; what it holds is not shown) [(document)]`,
    `secret.json:1:25: error ODG002: not a CSDL XML or CSDL JSON document (read because <edmx:Reference Uri="secret.json"> at main.xml:3 names it; what it holds is not shown) [(document)]`,
  ]);
});

test.concurrent("a Uri naming a FIFO or a socket is not read (a warning), nor a device outside, and a followed file has the inputs' size limit", async () => {
  const dir = scratch();
  expect(spawnSync("mkfifo", [path.join(dir, "pipe.xml")]).status).toBe(0);
  const socket = net.createServer();
  await new Promise<void>((resolve) => socket.listen(path.join(dir, "socket.xml"), resolve));
  fs.symlinkSync("/dev/zero", path.join(dir, "zero.xml"));
  // Sparse: larger than this process reads, without taking the disk space.
  fs.writeFileSync(path.join(dir, "big.xml"), "");
  fs.truncateSync(path.join(dir, "big.xml"), 0x20000000);
  write(dir, { "main.xml": main(ref("pipe.xml", "p") + ref("socket.xml", "s") + ref("zero.xml", "z"), "z.x") });
  const r = await runCliAsync(["generate", "-i", "main.xml", "-o", "out"], dir);
  await new Promise((resolve) => socket.close(resolve));
  expect(r.code).toBe(0);
  expect(diagnostics(r.stderr)).toEqual([
    `main.xml:3:1: warning ODG113: <edmx:Reference Uri="pipe.xml"> is not followed: it leads to pipe.xml, which is a FIFO and is not read [Reference]`,
    `main.xml:4:1: warning ODG113: <edmx:Reference Uri="socket.xml"> is not followed: it leads to socket.xml, which is no regular file (a device or socket) and is not read [Reference]`,
    // A link to a device: its real path is outside the input's folder.
    expect.stringMatching(/^main\.xml:\d+:\d+: warning ODG110: .*Uri="zero\.xml".* The reference is not followed: it leads to zero\.xml, which is \/dev\/zero, outside the folders of the inputs/),
  ]);
  write(dir, { "main.xml": main(ref("big.xml", "shared")) });
  const big = await runCliAsync(["generate", "-i", "main.xml", "-o", "big"], dir);
  expect(big.code).toBe(1);
  expect(diagnostics(big.stderr)).toEqual([
    expect.stringMatching(/^main\.xml:3:1: error ODG001: cannot read big\.xml, which <edmx:Reference Uri="big\.xml"> names: the file is 537 MB, more than the \d+ MB this process reads .* \[Reference\]$/),
    expect.stringMatching(/warning ODG110: .* The reference is not followed: it leads to big\.xml, which cannot be read: the file is 537 MB, more than/),
  ]);
  expect(fs.existsSync(path.join(dir, "big"))).toBe(false);
});

test("a folder swapped for a symlink out of the inputs' folder between the check and the read: the file opened is checked again, and not read", () => {
  const dir = fs.realpathSync(scratch());
  write(dir, { "specs/sub/types.xml": shared(), "secret/types.xml": "<hunter2/>" });
  const roots = [path.join(dir, "specs")];
  const target = path.join(dir, "specs", "sub", "types.xml");
  // The check by name passes…
  expect(insideRoots(realLocation(target), roots)).toBe(true);
  // …then specs/sub becomes a link to secret/, before the file is read.
  fs.renameSync(path.join(dir, "specs", "sub"), path.join(dir, "specs", "was"));
  fs.symlinkSync(path.join(dir, "secret"), path.join(dir, "specs", "sub"));
  expect(readInside(target, roots)).toEqual({
    reason: `what was opened is ${path.join(dir, "secret", "types.xml")}, outside the folders of the inputs: it was replaced after its folder was checked (a folder on its way, or the file, swapped for another or for a symlink), so it is not read`,
  });
  // Swapped back, the same file is read.
  fs.unlinkSync(path.join(dir, "specs", "sub"));
  fs.renameSync(path.join(dir, "specs", "was"), path.join(dir, "specs", "sub"));
  expect(readInside(target, roots)).toMatchObject({ content: shared(), real: target });
});

test("a file swapped for a FIFO between the check and the read is not read, and opening it does not wait for a writer", () => {
  const dir = fs.realpathSync(scratch());
  write(dir, { "types.xml": shared() });
  const target = path.join(dir, "types.xml");
  expect(insideRoots(realLocation(target), [dir])).toBe(true);
  fs.unlinkSync(target);
  expect(spawnSync("mkfifo", [target]).status).toBe(0);
  // In a child (over dist/, as the CLI runs): an open that waited for a writer would hold it, not the test.
  const script = `console.log(JSON.stringify(require(${JSON.stringify(path.resolve(__dirname, "..", "dist", "write", "read-inside.js"))}).readInside(${JSON.stringify(target)}, [${JSON.stringify(dir)}])))`;
  const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 60000 });
  expect({ status: child.status, stdout: child.stdout.trim() }).toEqual({ status: 0, stdout: JSON.stringify({ notFile: "a FIFO" }) });
});

test("prebuild and --check notice an edit of a followed document, and a looked-for file that appears; an unchanged one stays up to date", async () => {
  const dir = scratch();
  write(dir, { "specs/main.xml": main(ref("types.xml", "shared") + ref("later.xml", "later")), "specs/types.xml": shared() });
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "svc", input: "specs/main.xml", out: "out" }] });
  expect((await runCliInProcess(["generate"], dir)).code).toBe(0);
  expect((await runCliInProcess(["generate"], dir)).stdout).toMatch(/^odatagen: 1 service up to date/);
  // An edit of the followed document: --check finds the output stale, and a plain run regenerates.
  fs.writeFileSync(path.join(dir, "specs/types.xml"), shared("", `<Property Name="zip" Type="Edm.String"/>`));
  const check = await runCliInProcess(["generate", "--check"], dir);
  expect(check.code).toBe(1);
  expect(check.stdout).toMatch(/svc: \d+ file\(s\) in out differ from a fresh run/);
  expect(check.stdout).toMatch(/\+\s+zip\?: string \| null;/);
  const again = await runCliInProcess(["generate"], dir);
  expect(again.stdout).toMatch(/svc: \d+ files in out \(\d+ written/);
  expect((await runCliInProcess(["generate"], dir)).stdout).toMatch(/^odatagen: 1 service up to date/);
  // A file a reference looked for in vain appears: the run reads it.
  fs.writeFileSync(path.join(dir, "specs/later.xml"), edmx(schema("later", `<ComplexType Name="x"/>`)));
  expect((await runCliInProcess(["generate"], dir)).stdout).toMatch(/svc: \d+ files in out \(\d+ written/);
  expect(fs.existsSync(path.join(dir, "out", "later.types.ts"))).toBe(true);
});

test("--watch watches a followed document as an input, and a file a reference looked for: an edit, or the file appearing, regenerates", async () => {
  const dir = scratch();
  write(dir, { "main.xml": main(ref("shared/types.xml", "shared") + ref("later.xml", "later")), "shared/types.xml": shared() });
  const child = startCli(["generate", "--watch", "-i", "main.xml", "-o", "out"], dir, { ODATAGEN_WATCH_DEBOUNCE_MS: "100" });
  try {
    const out = new Output(child);
    // The given document, the followed one, and the one looked for in vain.
    await out.wait(/generated in \d+ ms; watching 3 file\(s\)/, 30000, 0);
    let mark = out.text.length;
    fs.writeFileSync(path.join(dir, "shared/types.xml"), shared("", `<Property Name="zip" Type="Edm.String"/>`));
    await out.wait(/regenerated in \d+ ms/, 30000, mark);
    expect(out.text.slice(mark)).toMatch(/changed: shared\/types\.xml/);
    expect(fs.readFileSync(path.join(dir, "out", "shared.types.ts"), "utf8")).toMatch(/zip\?: string \| null/);
    mark = out.text.length;
    fs.writeFileSync(path.join(dir, "later.xml"), edmx(schema("later", `<ComplexType Name="x"/>`)));
    await out.wait(/regenerated in \d+ ms/, 30000, mark);
    expect(out.text.slice(mark)).toMatch(/changed: later\.xml/);
    expect(fs.existsSync(path.join(dir, "out", "later.types.ts"))).toBe(true);
  } finally {
    child.kill("SIGKILL");
  }
});

test("in code: generate() reads only its inputs, unless given a follower", () => {
  const dir = scratch();
  write(dir, { "main.xml": main(ref("shared/types.xml", "shared")), "shared/types.xml": shared() });
  const file = path.relative(process.cwd(), path.join(dir, "main.xml"));
  const name = file.startsWith("..") ? path.join(dir, "main.xml") : file;
  const inputs = [{ file: name, content: fs.readFileSync(path.join(dir, "main.xml"), "utf8") }];
  expect(generate({ inputs }).diagnostics.map((d) => d.code)).toEqual(["ODG110"]);
  const follower = createFollower([path.join(dir, "main.xml")]);
  const result = generate({ inputs, follow: follower.follow });
  expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  expect(follower.followed.map((f) => f.file)).toEqual([path.join(dir, "shared", "types.xml")]);
  expect(result.inputs).toEqual([name, path.join(path.dirname(name), "shared", "types.xml")]);
  expect(result.files.get("main.types.ts")).toMatch(/home\?: Address \| null/);
  // Switched off, the reason is the caller's, or says the follower was.
  const why = (options: { off: boolean; offReason?: string }) => generate({ inputs, follow: createFollower([path.join(dir, "main.xml")], options).follow }).diagnostics[0].message.replace(/^.*The reference is not followed: /, "");
  expect(why({ off: true })).toBe("references are not followed (createFollower was given off: true)");
  expect(why({ off: true, offReason: "my tool's --offline" })).toBe("my tool's --offline");
});

test("in code: an input's file and the follower's paths may each be spelled absolute or from the working folder; a file the follower was not given is named as such", () => {
  const dir = scratch();
  write(dir, { "main.xml": main(ref("shared/types.xml", "shared")), "shared/types.xml": shared() });
  const abs = path.join(dir, "main.xml");
  const rel = `.${path.sep}${path.relative(process.cwd(), abs)}`;
  const content = fs.readFileSync(abs, "utf8");
  for (const [file, given] of [[abs, abs], [rel, abs], [abs, rel], [rel, rel]]) {
    const follower = createFollower([given]);
    const result = generate({ inputs: [{ file, content }], follow: follower.follow });
    expect([file, result.diagnostics.filter((d) => d.severity !== "info")]).toEqual([file, []]);
    expect(follower.followed.map((f) => f.file)).toEqual([path.join(dir, "shared", "types.xml")]);
  }
  const other = generate({ inputs: [{ file: abs, content }], follow: createFollower([path.join(dir, "elsewhere.xml")]).follow });
  expect(other.diagnostics.map((d) => d.message.replace(/^.*The reference is not followed: /, ""))).toEqual([
    `${abs} is not among the files given to createFollower, so its folder is not known: give its path there too`,
  ]);
});
