/**
 * Bad input through the real CLI (bin/odatagen.js over dist/, built by the jest globalSetup): a
 * diagnostic with file:line:column, code and element path on stderr, exit code 1, and the output
 * folder exactly as it was.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as v8 from "node:v8";
import { scratch } from "./helpers/cli";
import { FIXTURES_DIR } from "./helpers/fixtures";
import { runCliInProcess } from "./helpers/cli-in-process";
import { spawnLimited } from "./helpers/spawn-limited";
import { generate } from "../generator";
import { isUpToDate } from "../generator/write/uptodate";
import { optionsRecord } from "../generator/write/manifest";

const BIN = path.resolve(__dirname, "..", "bin", "odatagen.js");

// Each test has a folder of its own and runs the CLI without blocking (test.concurrent): the
// runs of different tests overlap, two at a time (helpers/spawn-limited.ts).
async function odatagen(cwd: string, ...args: string[]) {
  const r = await spawnLimited(process.execPath, [BIN, ...args], { cwd });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The same command run by the CLI's main in this process (cli-in-process.ts), ~0.5 s of CPU less a
// run, for the tests of what a message or an exit code says (usage errors, --fail-on-warnings, a
// config's name); only from plain tests (not test.concurrent), which run one at a time. The real
// binary keeps `odatagen`: its exit code set on the process for a bad input, pipes and file
// descriptors as inputs, the heap's limit, a folder as an input (EISDIR, which reads otherwise in
// jest's worker), a config's service left as a binary's run left it, and its start-up unbuilt.
async function inProcess(cwd: string, ...args: string[]) {
  return inProcessWith({}, cwd, ...args);
}

/** inProcess with these environment variables set for the run. */
async function inProcessWith(env: Record<string, string>, cwd: string, ...args: string[]) {
  const r = await runCliInProcess(args, cwd, env);
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

const HEAD = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
`;
const TAIL = `  </edmx:DataServices>
</edmx:Edmx>
`;
const SCHEMA = `    <Schema Namespace="ns" xmlns="http://docs.oasis-open.org/odata/ns/edm">\n`;

const CASES: { name: string; xml: string; where: string; code: string; path: string; message: RegExp }[] = [
  {
    name: "not well-formed XML",
    // line 6: the Property element is never closed, so </EntityType> (line 7, column 7) is wrong.
    xml: `${HEAD}${SCHEMA}      <EntityType Name="thing">\n        <Property Name="a" Type="Edm.String">\n      </EntityType>\n    </Schema>\n${TAIL}`,
    where: "7:7",
    code: "ODG002",
    path: "ns.thing/a",
    message: /not well-formed XML: Expected closing tag 'Property'/,
  },
  {
    name: "a property of an undefined type",
    xml: `${HEAD}${SCHEMA}      <ComplexType Name="thing">\n        <Property Name="ok" Type="Edm.String" />\n        <Property Name="prop" Type="ns.missing" />\n      </ComplexType>\n    </Schema>\n${TAIL}`,
    where: "7:9",
    code: "ODG103",
    path: "ns.thing/prop",
    message: /type ns\.missing is not defined/,
  },
  {
    name: "a document with no Schema",
    xml: `${HEAD}${TAIL}`,
    where: "2:1",
    code: "ODG004",
    path: "Edmx",
    message: /no <Schema>/,
  },
  {
    name: "CSDL JSON that is not well-formed",
    xml: `{\n  "$Version": "4.0",\n  "ns": { "thing": { "$Kind": "ComplexType", } }\n}\n`,
    where: "3:46",
    code: "ODG002",
    path: "ns.thing",
    message: /not well-formed JSON: '}' after a comma \(JSON allows no trailing comma\)/,
  },
  {
    name: "CSDL JSON with a property of an undefined type",
    xml: `{\n  "$Version": "4.0",\n  "ns": {\n    "thing": { "$Kind": "ComplexType",\n      "prop": { "$Type": "ns.missing" } }\n  }\n}\n`,
    where: "5:7",
    code: "ODG103",
    path: "ns.thing/prop",
    message: /type ns\.missing is not defined/,
  },
  {
    name: "OData V2 metadata (EDMX 1.0)",
    // Read as V4 it gave an ODG101 per navigation property (no Type) and function import (no Function).
    xml: `<?xml version="1.0"?>\n<edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx">\n  <edmx:DataServices xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" m:DataServiceVersion="2.0">\n${SCHEMA}      <EntityType Name="p"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/>\n        <NavigationProperty Name="c" Relationship="ns.p_c" FromRole="p" ToRole="c"/></EntityType>\n    </Schema>\n${TAIL}`,
    where: "2:1",
    code: "ODG005",
    path: "Edmx",
    message: /^bad\.xml:2:1: error ODG005: OData V2 metadata \(EDMX 1\.0, DataServiceVersion 2\.0\) is not supported/,
  },
  {
    name: "an empty file",
    xml: "",
    where: "1:1",
    code: "ODG003",
    path: "(document)",
    message: /the input is empty \(no bytes\), not metadata/,
  },
];

interface Snapshot {
  [file: string]: { content: string; mtimeMs: number };
}

/** Every file under a folder with its bytes and modification time. */
function snapshot(dir: string): Snapshot {
  const out: Snapshot = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = { content: fs.readFileSync(p, "latin1"), mtimeMs: fs.statSync(p).mtimeMs };
    }
  };
  walk(dir);
  return out;
}

/** A new folder (removed when the file ends) holding the good fixture as good.xml. */
function fresh(): string {
  const work = scratch("odatagen-cli-");
  fs.copyFileSync(path.join(FIXTURES_DIR, "orders.xml"), path.join(work, "good.xml"));
  return work;
}

/**
 * A folder where the good fixture was generated into `out` by the CLI: once per `out` and runner for
 * the file. By the binary for a test that runs the binary on it next, else in this process: each
 * records its own generator's fingerprint (cli-in-process.ts), which decides what is up to date.
 */
const generatedOnce = new Map<string, Promise<string>>();
function generatedInto(out: string, binary: boolean): Promise<string> {
  let made = generatedOnce.get(`${binary}:${out}`);
  if (!made) {
    made = (async () => {
      const dir = fresh();
      const r = await (binary ? odatagen : inProcess)(dir, "generate", "--input", "good.xml", "--out", out);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(Object.keys(snapshot(path.join(dir, out)))).toEqual(expect.arrayContaining(["shop.types.ts", "shop.validators.ts", "shop.requests.ts", "runtime.ts"]));
      return dir;
    })();
    generatedOnce.set(`${binary}:${out}`, made);
  }
  return made;
}

/**
 * Leaves in `work/out` what a previous run from the good fixture wrote there (a copy of that run's
 * output: same files, manifest and all, as the folders are laid out alike), and snapshots it.
 */
async function previousRun(work: string, out = "out", binary = false): Promise<Snapshot> {
  fs.cpSync(path.join(await generatedInto(out, binary), out), path.join(work, out), { recursive: true });
  return snapshot(path.join(work, out));
}

// In this process (helpers/cli-in-process.ts: the CLI's main, without a child process each), not
// concurrent: jest refuses the CLI's lazy requires from a concurrent test's body outside its turn.
// The tests after these run the real binary on a bad input, its exit code set on the process.
describe.each(CASES)("$name", ({ xml, where, code, path: elementPath, message }) => {
  test(`exit 1, "bad.xml:${where}: error ${code}" with [${elementPath}], previous output untouched`, async () => {
    const work = fresh();
    const before = await previousRun(work);
    fs.writeFileSync(path.join(work, "bad.xml"), xml);

    const r = await runCliInProcess(["generate", "--input", "bad.xml", "--out", "out"], work);

    expect(r.code).toBe(1);
    const first = r.stderr.split("\n")[0];
    expect(first.startsWith(`bad.xml:${where}: error ${code}: `)).toBe(true);
    expect(first).toMatch(message);
    expect(first.endsWith(` [${elementPath}]`)).toBe(true);
    expect(r.stderr).toContain("left as it was");
    expect(r.stderr).toMatch(/\nodatagen: 1 error, 0 warnings\n/);
    expect(snapshot(path.join(work, "out"))).toEqual(before);
  });
});

test.concurrent("a good input beside a bad one changes nothing either", async () => {
  const work = fresh();
  const before = await previousRun(work, "out", true);
  fs.writeFileSync(path.join(work, "bad.xml"), CASES[1].xml);
  const r = await odatagen(work, "generate", "--input", "good.xml", "bad.xml", "--out", "out");
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("bad.xml:7:9: error ODG103");
  expect(snapshot(path.join(work, "out"))).toEqual(before);
});

test("no output folder is created when the input is bad", async () => {
  const work = fresh();
  fs.writeFileSync(path.join(work, "bad.xml"), CASES[1].xml);
  const r = await inProcess(work, "generate", "--input", "bad.xml", "--out", "fresh/out");
  expect(r.status).toBe(1);
  expect(fs.existsSync(path.join(work, "fresh"))).toBe(false);
  expect(r.stderr).toContain("odatagen: out: not generated; nothing written to fresh/out\n");
  expect(fs.readdirSync(work).sort()).toEqual(["bad.xml", "good.xml"]);
});

test("an empty --input, a URL as --input and -o / are usage errors (exit 2) that say what was given", async () => {
  const work = fresh();
  const cases: [string[], string][] = [
    [["-i", "", "-o", "x"], "odatagen: --input: expected a file name, got an empty string\n"],
    [["-i", "https://services.odata.org/V4/TripPinService/$metadata", "-o", "x"],
      "odatagen: --input https://services.odata.org/V4/TripPinService/$metadata: odatagen reads files, not URLs; download the metadata first (curl -o metadata.xml 'https://services.odata.org/V4/TripPinService/$metadata')\n"],
    [["-i", "good.xml", "-o", "/"], "odatagen: /: output folder / is the working folder or above it; give generated code a folder of its own\n"],
    // The working folder itself, given by a path that leads out and back: named by its path, not as ".".
    [["-i", "good.xml", "-o", `../${path.basename(work)}`], `odatagen: ${path.basename(work)}: output folder ${work} is the working folder or above it; give generated code a folder of its own\n`],
  ];
  for (const [args, stderr] of cases) {
    expect(await inProcess(work, "generate", ...args)).toMatchObject({ status: 2, stderr });
  }
  expect(fs.existsSync(path.join(work, "x"))).toBe(false);
});

test("- as a file (standard input or output elsewhere) is a usage error (exit 2) naming its flag, for generate and diff alike", async () => {
  const work = fresh();
  const reads = "odatagen reads files, not standard input; save it to a file first (… > metadata.xml) and name that";
  const usage = "\nRun `odatagen --help` for usage.\n";
  const cases: [string[], string][] = [
    [["generate", "-i", "-", "-o", "x"], `--input -: ${reads}`],
    [["generate", "--input=-", "-o", "x"], `--input -: ${reads}`],
    [["generate", "-i", "good.xml", "-o", "-"], "--out -: odatagen writes a folder of files, not standard output; name a folder"],
    [["generate", "-c", "-"], "--config -: odatagen reads its config from a file, not standard input; name the file"],
    [["diff", "-", "good.xml"], `-: ${reads}`],
    [["diff", "--old", "-", "--new", "good.xml"], `--old -: ${reads}`],
  ];
  for (const [args, message] of cases) expect({ args, ...await inProcess(work, ...args) }).toMatchObject({ args, status: 2, stdout: "", stderr: `odatagen: ${message}${usage}` });
  expect(fs.readdirSync(work).filter((f) => f !== "good.xml")).toEqual([]);
});

test.concurrent("with a config file, the broken service is left as it was and the run fails", async () => {
  const work = fresh();
  const goodBefore = await previousRun(work, "gen/good", true);
  const badBefore = await previousRun(work, "gen/bad", true);
  fs.writeFileSync(path.join(work, "bad.xml"), CASES[1].xml);
  fs.writeFileSync(path.join(work, "odatagen.config.json"), JSON.stringify({
    services: [
      { name: "good", input: "good.xml", out: "gen/good" },
      { name: "bad", input: "bad.xml", out: "gen/bad" },
    ],
  }));
  const r = await odatagen(work, "generate");
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("bad.xml:7:9: error ODG103");
  expect(snapshot(path.join(work, "gen", "bad"))).toEqual(badBefore);
  expect(snapshot(path.join(work, "gen", "good"))).toEqual(goodBefore);
});

test("a missing input file is reported with its name, exit 1", async () => {
  const work = fresh();
  const r = await inProcess(work, "generate", "--input", "nope.xml", "--out", "out");
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/^nope\.xml: error ODG001: cannot read input: no such file \(ENOENT\)\n/);
  expect(fs.existsSync(path.join(work, "out"))).toBe(false);
});

test("a missing input with a file of a near name beside it suggests that file, to generate --input and to diff", async () => {
  const work = fresh();
  fs.writeFileSync(path.join(work, "spec.xml"), "<x/>");
  const r = await inProcess(work, "generate", "--input", "spec.xlm", "--out", "out");
  expect(r.status).toBe(1);
  expect(r.stderr.split("\n")[0]).toBe("spec.xlm: error ODG001: cannot read input: no such file (ENOENT); did you mean spec.xml?");
  const diff = await inProcess(work, "diff", "spec.xm", "spec.xml");
  expect(diff.status).toBe(1);
  expect(diff.stderr.split("\n")[0]).toBe("spec.xm: error ODG001: cannot read input: no such file (ENOENT); did you mean spec.xml?");
});

test("a missing input that is there from the folder npm was run in (INIT_CWD: npx in a workspace runs in the package's folder) says so", async () => {
  const work = fresh();
  fs.mkdirSync(path.join(work, "other"));
  fs.writeFileSync(path.join(work, "other", "here.xml"), "<x/>");
  const r = await inProcessWith({ INIT_CWD: path.join(work, "other") }, work, "generate", "--input", "here.xml", "--out", "out");
  expect(r.status).toBe(1);
  expect(r.stderr.split("\n")[0]).toBe(
    `here.xml: error ODG001: cannot read input: no such file (ENOENT); npm ran odatagen in ${fs.realpathSync(work)} (the package's folder), and it is in ${path.join(work, "other")}, where the command was given: give its path from the package's folder (other${path.sep}here.xml)`,
  );
  // Where npm was run in the same folder, or the file is not there either: no such hint.
  const same = await inProcessWith({ INIT_CWD: path.join(work, "other") }, work, "generate", "--input", "nothing-like-it.xml", "--out", "out");
  expect(same.stderr.split("\n")[0]).toBe("nothing-like-it.xml: error ODG001: cannot read input: no such file (ENOENT)");
});

test.concurrent("a wildcard in a config's input is not expanded, and the error says so; the working folder as input is named '.'", async () => {
  const work = fresh();
  const dir = fs.mkdtempSync(path.join(work, "glob-"));
  fs.writeFileSync(path.join(dir, "odatagen.config.json"), JSON.stringify({ services: [{ input: "specs/*.xml", out: "gen" }, { name: "here", input: ".", out: "gen2" }] }));
  const r = await odatagen(dir, "generate");
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("odatagen.config.json:1:23: error ODG001: cannot read input specs/*.xml: no such file (ENOENT); odatagen does not expand wildcards: list each file [services[0].input]\n");
  expect(r.stderr).toContain("odatagen.config.json:1:73: error ODG001: cannot read input .: it is a folder, not a file (EISDIR) [services[1].input]\n");
});

test.concurrent("an input that is a folder, and a config file that is missing, are reported in words with the error code", async () => {
  const work = fresh();
  fs.mkdirSync(path.join(work, "a-folder.xml"));
  const folder = await odatagen(work, "generate", "--input", "a-folder.xml", "--out", "folder-out");
  expect(folder.status).toBe(1);
  expect(folder.stderr).toMatch(/^a-folder\.xml: error ODG001: cannot read input: it is a folder, not a file \(EISDIR\)\n/);
  expect(fs.existsSync(path.join(work, "folder-out"))).toBe(false);
  const config = await odatagen(work, "generate", "--config", "missing.json");
  expect(config.status).toBe(2);
  expect(config.stderr).toContain("missing.json: cannot read the config file: no such file (ENOENT)");
});

// Reading takes up to 64 bytes of memory a byte of input (150 MB of whitespace in one element ran
// Node's default 4.3 GB heap out and aborted the process, exit 134): an input over the heap's limit
// over 64 is refused before it is read, with the Node option that lets it be read.
const TOO_LARGE = /^big\.xml: error ODG001: cannot read input: the file is 630 MB, more than the (\d+) MB this process reads \(reading takes up to 64 times an input's size in memory\); to read it, give Node more: NODE_OPTIONS=--max-old-space-size=38912$/;

test.concurrent("an input larger than this process can read and parse is reported before it is read, not an out-of-memory abort; a larger heap reads more", async () => {
  const work = fresh();
  // Sparse: 600 MiB of zero bytes that take no disk space.
  const big = path.join(work, "big.xml");
  fs.closeSync(fs.openSync(big, "w"));
  fs.truncateSync(big, 600 * 1024 * 1024);
  try {
    const r = await odatagen(work, "generate", "--input", "big.xml", "--out", "big-out");
    expect(r.status).toBe(1);
    const limit = Number(TOO_LARGE.exec(r.stderr.split("\n")[0]!)?.[1]);
    expect(limit).toBe(Math.ceil(Math.floor(v8.getHeapStatistics().heap_size_limit / 64) / 1e6));
    expect(fs.existsSync(path.join(work, "big-out"))).toBe(false);
    // With a heap of 16 GiB the limit is 268 MB.
    const larger = await spawnLimited(process.execPath, [BIN, "generate", "--input", "big.xml", "--out", "big-out"], { cwd: work, env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=16384" } });
    expect(Number(TOO_LARGE.exec(larger.stderr.split("\n")[0]!)?.[1])).toBeGreaterThanOrEqual(268);
  } finally {
    fs.rmSync(big);
  }
});

// An endless device has no size to refuse it by: it was read until the process ran out of memory.
(fs.existsSync("/dev/zero") ? test.concurrent : test.skip)("an endless input (/dev/zero) is read only up to the size this process reads, then refused as one too large", async () => {
  const work = fresh();
  const r = await odatagen(work, "generate", "--input", "/dev/zero", "--out", "zero-out");
  expect({ status: r.status, stderr: r.stderr.split("\n")[0] }).toEqual({
    status: 1,
    stderr: expect.stringMatching(/^\/dev\/zero: error ODG001: cannot read input: the input is longer than the \d+ MB this process reads \(reading takes up to 64 times an input's size in memory\); to read it, give Node more: NODE_OPTIONS=--max-old-space-size=\d+ \(or more\)$/),
  });
  expect(fs.existsSync(path.join(work, "zero-out"))).toBe(false);
});

test.concurrent("an input that is a pipe (-i /dev/stdin, a shell's <(…)) is read to its end and generated", async () => {
  const work = fresh();
  const xml = `${HEAD}${SCHEMA}      <ComplexType Name="c"><Property Name="p" Type="Edm.String"/></ComplexType>\n    </Schema>\n${TAIL}`;
  const r = await spawnLimited(process.execPath, [BIN, "generate", "--input", "/dev/stdin", "--out", "piped-out"], { cwd: work, input: xml });
  expect(r.status).toBe(0);
  expect(fs.readFileSync(path.join(work, "piped-out", "ns.types.ts"), "utf8")).toContain("export interface C {");
});

test.concurrent("an input from a file descriptor (a shell's <(…) gives /dev/fd/63, another run /dev/fd/62) is named \"a pipe\" in headers, so a rerun rewrites nothing", async () => {
  const work = fresh();
  const xml = path.join(FIXTURES_DIR, "orders.xml");
  const run = async (fd: number) => {
    const input = fs.openSync(xml, "r");
    try {
      const stdio: ("ignore" | "pipe" | number)[] = ["ignore", "pipe", "pipe", ...Array.from({ length: fd - 2 }, () => input)];
      const r = await spawnLimited(process.execPath, [BIN, "generate", "--input", `/dev/fd/${fd}`, "--out", "fd-out"], { cwd: work, stdio });
      return { status: r.status, summary: r.stdout.replace(/ in \d+ ms/, "") };
    } finally {
      fs.closeSync(input);
    }
  };
  expect((await run(3)).status).toBe(0);
  expect(fs.readFileSync(path.join(work, "fd-out", "index.ts"), "utf8").split("\n")[0]).toBe("// Generated by odatagen from a pipe. Do not edit.");
  // The manifest records the input's new path: all that was written, and said so.
  expect(await run(5)).toEqual({ status: 0, summary: "odatagen: fd-out: 8 files in fd-out (0 written, 8 unchanged, 0 removed; updated .odatagen-manifest.json)\n" });
});

test("an output path the file system refuses (a file, or under a file) is ODG403, and the file is untouched", async () => {
  const work = fresh();
  fs.writeFileSync(path.join(work, "a-file"), "mine");
  fs.copyFileSync(path.join(FIXTURES_DIR, "orders.xml"), path.join(work, "orders.xml"));
  for (const out of ["a-file", "a-file/gen"]) {
    const r = await inProcess(work, "generate", "--input", "orders.xml", "--out", out);
    expect({ status: r.status, first: r.stderr.split("\n")[0] }).toEqual({
      status: 1,
      first: `${out}: error ODG403: cannot write the output: a-file is a file, not a folder`,
    });
  }
  expect(fs.readFileSync(path.join(work, "a-file"), "utf8")).toBe("mine");
  expect(fs.readdirSync(work).filter((f) => f.includes("odatagen"))).toEqual([]);
});

test("a namespace that is not CSDL (a path like ../x) is ODG102, and nothing is written anywhere", async () => {
  const work = fresh();
  const xml = (ns: string) =>
    `${HEAD}    <Schema Namespace="${ns}" Alias="s" xmlns="http://docs.oasis-open.org/odata/ns/edm">\n      <ComplexType Name="c"><Property Name="p" Type="s.c"/></ComplexType>\n    </Schema>\n${TAIL}`;
  for (const ns of ["../escaped", "a/b", "x..y", "", "a b"]) {
    fs.writeFileSync(path.join(work, "ns.xml"), xml(ns));
    const r = await inProcess(path.join(work), "generate", "--input", "ns.xml", "--out", "deep/out");
    expect({ ns, status: r.status, first: r.stderr.split("\n")[0] }).toEqual({ ns, status: 1, first: expect.stringMatching(ns ? /^ns\.xml:4:5: error ODG102: / : /^ns\.xml:4:5: error ODG101: <Schema> has an empty Namespace attribute/) });
  }
  expect(fs.readdirSync(work).filter((f) => f.includes("escaped") || f === "deep")).toEqual([]);
});

test("a name with a control character or a line break is printed escaped, on one line", async () => {
  const work = fresh();
  // (XML itself refuses the other control characters, escape included: ODG002.)
  // The tab written as a reference: a literal one in an attribute is a space (XML 1.0 §3.3.3).
  const name = "a&#9;b\u2028c";
  fs.writeFileSync(path.join(work, "esc.xml"), `${HEAD}${SCHEMA}      <ComplexType Name="c"><Property Name="${name}" Type="Edm.String"/></ComplexType>\n    </Schema>\n${TAIL}`);
  const r = await inProcess(work, "generate", "--input", "esc.xml", "--out", "esc-out");
  expect(r.status).toBe(1);
  expect(r.stderr).not.toMatch(/[\t\u2028]/);
  expect(r.stderr.split("\n")[0]).toMatch(/^esc\.xml:5:\d+: error ODG102: property name "a\\tb\\u2028c" holds a control character.* \[ns\.c\/a\\u0009b\\u2028c\]$/);
});

test("a name holding \"@\" (an annotation's start in JSON), a bidirectional control character (Trojan Source) or a character that shows nothing is an error, the latter two printed escaped; the previous output is left", async () => {
  const work = fresh();
  const xml = (name: string) => `${HEAD}${SCHEMA}      <EntityType Name="e"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><Property Name="${name}" Type="Edm.String"/></EntityType>\n    </Schema>\n${TAIL}`;
  fs.writeFileSync(path.join(work, "n.xml"), xml("ok"));
  expect((await inProcess(work, "generate", "--input", "n.xml", "--out", "n-out")).status).toBe(0);
  const before = fs.readFileSync(path.join(work, "n-out", "ns.types.ts"), "utf8");
  fs.writeFileSync(path.join(work, "n.xml"), xml("@odata.type"));
  const at = await inProcess(work, "generate", "--input", "n.xml", "--out", "n-out");
  expect({ status: at.status, first: at.stderr.split("\n")[0] }).toEqual({
    status: 1,
    first: 'n.xml:5:119: error ODG102: property name "@odata.type" holds "@", which a JSON payload reads as the start of an annotation\'s name (JSON Format §20; CSDL §15.2: names are simple identifiers) [ns.e/@odata.type]',
  });
  fs.writeFileSync(path.join(work, "n.xml"), xml("a\u202eb"));
  const bidi = await inProcess(work, "generate", "--input", "n.xml", "--out", "n-out");
  expect(bidi.stderr).not.toMatch(/\u202e/);
  expect({ status: bidi.status, first: bidi.stderr.split("\n")[0] }).toEqual({
    status: 1,
    first: expect.stringMatching(/^n\.xml:5:119: error ODG102: property name "a\\u202eb" holds a bidirectional control character, .* \[ns\.e\/a\\u202eb\]$/),
  });
  expect(fs.readFileSync(path.join(work, "n-out", "ns.types.ts"), "utf8")).toBe(before);
  // A character that shows nothing (a byte-order mark pasted into a name, a zero-width space, a
  // soft hyphen) makes a name look like another: "\ufeffid" printed as "id". Refused, escaped.
  for (const [name, shown] of [["\ufeffok", "\\ufeffok"], ["o\u200bk", "o\\u200bk"], ["o\u00adk", "o\\u00adk"], ["ok\u2060", "ok\\u2060"]] as const) {
    fs.writeFileSync(path.join(work, "n.xml"), xml(name));
    const unseen = await inProcess(work, "generate", "--input", "n.xml", "--out", "n-out");
    expect(unseen.stderr).not.toMatch(/[\ufeff\u200b\u00ad\u2060]/);
    expect({ status: unseen.status, first: unseen.stderr.split("\n")[0] }).toEqual({
      status: 1,
      first: `n.xml:5:119: error ODG102: property name "${shown}" holds a character that shows nothing, so that it looks like another name (CSDL §15.2: names are simple identifiers) [ns.e/${shown}]`,
    });
    expect(fs.readFileSync(path.join(work, "n-out", "ns.types.ts"), "utf8")).toBe(before);
  }
});

test("a namespace or an alias holding a character that shows nothing, or a bidirectional control, is an error printed escaped: no file named by it is written", async () => {
  const work = fresh();
  const xml = (ns: string, alias = "") => `${HEAD}    <Schema Namespace="${ns}"${alias && ` Alias="${alias}"`} xmlns="http://docs.oasis-open.org/odata/ns/edm">\n      <ComplexType Name="c"/>\n    </Schema>\n${TAIL}`;
  for (const [ns, alias, first] of [
    ["n&#x200B;s", "", 'Namespace "n\\u200bs" holds a character that shows nothing, so that it looks like another name'],
    ["n&#x202E;s", "", 'Namespace "n\\u202es" holds a bidirectional control character, which makes code and messages read otherwise than they are'],
    ["ns", "A&#xFEFF;", 'Alias "A\\ufeff" holds a character that shows nothing, so that it looks like another name'],
  ]) {
    fs.writeFileSync(path.join(work, "u.xml"), xml(ns, alias));
    for (const slice of [[], ["--include", "*.c"]]) {
      const r = await inProcess(work, "generate", "--input", "u.xml", "--out", "u-out", ...slice);
      expect(r.stderr).not.toMatch(/[\u200b\u202e\ufeff]/);
      expect({ status: r.status, first: r.stderr.split("\n")[0] }).toEqual({ status: 1, first: expect.stringContaining(`u.xml:4:5: error ODG102: ${first} (CSDL §5.1, §5.2`) });
      expect(fs.existsSync(path.join(work, "u-out"))).toBe(false);
    }
  }
});

describe("--fail-on-warnings fails as errors do: nothing written, the previous output left as it was", () => {
  /** good.xml with one property of a misspelt type: warning ODG108 (read as Edm.Untyped), no error. */
  const warn = (work: string) => fs.writeFileSync(path.join(work, "good.xml"), fs.readFileSync(path.join(FIXTURES_DIR, "orders.xml"), "utf8").replace('Name="sku" Type="Edm.String"', 'Name="sku" Type="Edm.Strnig"'));

  // The first is read by quick-args.ts, the second (--out=) by yargs: both must do the same.
  test.each([
    ["--input", "good.xml", "--out", "out", "--fail-on-warnings"],
    ["--input", "good.xml", "--out=out", "--fail-on-warnings"],
  ])("generate %s %s %s %s %s", async (...args) => {
    const work = fresh();
    const before = await previousRun(work);
    warn(work);
    const r = await inProcess(work, "generate", ...args);
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n")[0]).toMatch(/^good\.xml:\d+:\d+: warning ODG108: Edm\.Strnig /);
    expect(r.stderr).toContain("odatagen: out: not generated (--fail-on-warnings); out left as it was");
    expect(r.stderr).toContain("odatagen: failing on warnings (--fail-on-warnings)");
    expect(snapshot(path.join(work, "out"))).toEqual(before);
    // The next plain run generates (it is not "up to date"), warns again and passes.
    const plain = await inProcess(work, "generate", "--input", "good.xml", "--out", "out");
    expect(plain.status).toBe(0);
    expect(plain.stderr).toMatch(/warning ODG108/);
    expect(plain.stdout).toMatch(/odatagen: out: \d+ files in out \(\d+ written/);
  });

  test("with a config file (the prebuild fast path answers the next run only once the output is written), and under --check", async () => {
    const work = fresh();
    const before = await previousRun(work, "gen/shop");
    fs.writeFileSync(path.join(work, "odatagen.config.json"), JSON.stringify({ services: [{ name: "shop", input: "good.xml", out: "gen/shop" }] }));
    expect((await inProcess(work, "generate")).stdout).toMatch(/1 service up to date/);
    warn(work);
    const r = await inProcess(work, "generate", "--fail-on-warnings");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("odatagen: shop: not generated (--fail-on-warnings); gen/shop left as it was");
    expect(snapshot(path.join(work, "gen/shop"))).toEqual(before);
    expect((await inProcess(work, "generate", "--fail-on-warnings")).status).toBe(1);
    const check = await inProcess(work, "generate", "--check", "--fail-on-warnings");
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/warning ODG108/);
    // The check still says which files a fresh run would change, and why it fails.
    expect(check.stdout).toMatch(/shop: \d+ file\(s\) in gen\/shop differ from a fresh run:\n(.*\n)* {2}changed {2}shop\.types\.ts\n/);
    expect(check.stderr).toContain("odatagen: failing on warnings (--fail-on-warnings)");
    const dry = await inProcess(work, "generate", "--dry-run", "--fail-on-warnings");
    expect(dry.status).toBe(1);
    expect(dry.stdout).toMatch(/shop: would write \d+, remove 0, leave \d+ unchanged in gen\/shop\n(.*\n)* {2}changed {2}shop\.types\.ts\n/);
    expect(snapshot(path.join(work, "gen/shop"))).toEqual(before);
    const plain = await inProcess(work, "generate");
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/shop: \d+ files in gen\/shop/);
    expect(snapshot(path.join(work, "gen/shop"))).not.toEqual(before);
  });

  test("a run with warnings but without --fail-on-warnings writes and passes", async () => {
    const work = fresh();
    await previousRun(work);
    warn(work);
    const r = await inProcess(work, "generate", "--input", "good.xml", "--out", "out");
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/0 errors, 1 warning/);
    expect(fs.readFileSync(path.join(work, "out", "shop.types.ts"), "utf8")).toMatch(/sku: unknown/);
  });
});

describe("a flag given twice, or a list flag given nothing, is a usage error (exit 2), never an internal error", () => {
  /** A folder with a config whose output the CLI (in this process) generated and then answered "up to date". */
  let upToDateConfig: Promise<string>;
  beforeAll(() => {
    upToDateConfig = (async () => {
      const dir = fresh();
      fs.writeFileSync(path.join(dir, "odatagen.config.json"), JSON.stringify({ services: [{ name: "shop", input: "good.xml", out: "gen" }] }));
      expect((await inProcess(dir, "generate")).status).toBe(0);
      expect((await inProcess(dir, "generate")).stdout).toMatch(/^odatagen: 1 service up to date/);
      return dir;
    })();
  });
  const CASES: [string[], string][] = [
    [["-i", "good.xml", "-o", "a", "-o", "b"], '--out was given twice ("a", "b"); give it once'],
    [["-i", "good.xml", "--out=a", "--out=b"], '--out was given twice ("a", "b"); give it once'],
    [["-i", "good.xml", "-o", "a", "--out", "a", "-o", "c"], '--out was given 3 times ("a", "a", "c"); give it once'],
    [["-c", "odatagen.config.json", "-c", "odatagen.config.json"], '--config was given twice ("odatagen.config.json", "odatagen.config.json"); give it once'],
    [["--config=odatagen.config.json", "-c", "other.json"], '--config was given twice ("odatagen.config.json", "other.json"); give it once'],
    // Both are values --emit takes: without the check, the run silently generated TypeScript.
    [["-i", "good.xml", "-o", "out", "--emit", "js", "--emit", "ts"], '--emit was given twice ("js", "ts"); give it once'],
    [["-i", "good.xml", "-o", ""], "--out needs a value"],
    [["--out="], "--out needs a value"],
    [["--config="], "--config needs a value"],
    // What `--include $PATTERN` becomes when PATTERN is empty: nothing after the flag.
    [["-i", "good.xml", "-o", "out", "--include"], "--include needs a value"],
    [["-i", "good.xml", "--include", "-o", "out"], "--include needs a value"],
    [["-i", "good.xml", "-o", "out", "--exclude"], "--exclude needs a value"],
    [["-i", "good.xml", "-o", "out", "--why"], "--why needs a value"],
    [["--service"], "--service needs a value"],
    [["-s", "-q"], "--service needs a value"],
    [["-i", "-o", "out"], "--input needs a value"],
    // --emit names the two values it takes, not yargs' "Invalid values: Argument: emit, Given: …".
    [["-i", "good.xml", "-o", "out", "--emit"], "--emit needs a value: ts (TypeScript modules) or js (JavaScript with declarations)"],
    [["-i", "good.xml", "-o", "out", "--emit", "xyz"], '--emit "xyz": expected ts (TypeScript modules) or js (JavaScript with declarations)'],
    [["-i", "good.xml", "-o", "out", "--emit", "JS"], '--emit "JS": expected ts (TypeScript modules) or js (JavaScript with declarations); did you mean --emit js?'],
  ];
  test.each(CASES)("generate %j", async (args, message) => {
    const work = fresh();
    // An up-to-date config output (copied from one the CLI made and found up to date): the prebuild fast path must not answer these either.
    fs.cpSync(await upToDateConfig, work, { recursive: true });
    expect(isUpToDate(path.join(work, "gen"), optionsRecord({}), [path.join(work, "good.xml")], false)).toBe(true);
    const before = snapshot(work);
    const r = await inProcess(work, "generate", ...args);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 2, stderr: `odatagen: ${message}\nRun \`odatagen --help\` for usage.\n` });
    expect(snapshot(work)).toEqual(before);
  });

  test('an explicit empty pattern (--include "") is still read, and refused as a pattern that matches nothing (ODG302)', async () => {
    const work = fresh();
    const r = await inProcess(work, "generate", "-i", "good.xml", "-o", "out", "--include", "");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`error ODG302: --include "" matches no type`);
  });
});

test("a config outside the working folder is named by its absolute path, one inside it relative to it", async () => {
  const work = fs.realpathSync(fresh());
  fs.writeFileSync(path.join(work, "bad.json"), '{"services": 3}');
  fs.mkdirSync(path.join(work, "project", "sub"), { recursive: true });
  const message = ":1:14: services: expected a list of services\n";
  const outside = await inProcess(path.join(work, "project", "sub"), "generate", "-c", "../../bad.json");
  expect({ status: outside.status, stderr: outside.stderr }).toEqual({ status: 2, stderr: `odatagen: ${path.join(work, "bad.json")}${message}` });
  const inside = await inProcess(work, "generate", "-c", "bad.json");
  expect({ status: inside.status, stderr: inside.stderr }).toEqual({ status: 2, stderr: `odatagen: bad.json${message}` });
  if (process.platform !== "win32") expect((await inProcess(work, "generate", "-c", "/dev/null")).stderr).toMatch(/^odatagen: \/dev\/null: unsupported config file type/);
});

test("a deep element path is printed shortened (first and last steps, the count between); --json keeps it whole", async () => {
  const work = fresh();
  const nested = `<Annotation Term="Core.Description">${'<Record><PropertyValue Property="p">'.repeat(150)}`;
  const xml = `${HEAD}${SCHEMA}      <ComplexType Name="thing">\n        <Property Name="p" Type="Edm.String">${nested}\n`;
  fs.writeFileSync(path.join(work, "deep.xml"), xml);
  const r = await inProcess(work, "generate", "-i", "deep.xml", "-o", "out");
  expect(r.status).toBe(1);
  const line = r.stderr.split("\n")[0];
  expect(line).toMatch(/^deep\.xml:\d+:\d+: error ODG002: not well-formed XML: elements are nested more than 256 deep \[ns\.thing\/p\/@Core\.Description\/Record\/…\(245 more\)…\/Record\/PropertyValue\/Record\/PropertyValue\]$/);
  const json = JSON.parse((await inProcess(work, "diff", "deep.xml", "deep.xml", "--json")).stdout);
  expect(json.errors[0].path).toMatch(/^ns\.thing\/p\/@Core\.Description(\/Record\/PropertyValue){120,}$/);
});

// Not concurrent: generate() in this process loads its templates on first use, and jest refuses a
// require from a concurrent test's body when it runs outside the test's turn.
test("a huge value quoted from the document is printed shortened (its start, end and the count between); generate() keeps it whole", async () => {
  const work = fresh();
  const digits = "9".repeat(100_000);
  const xml = `${HEAD}${SCHEMA}      <ComplexType Name="thing">\n        <Property Name="p" Type="Edm.String" MaxLength="${digits}"/>\n      </ComplexType>\n    </Schema>\n${TAIL}`;
  fs.writeFileSync(path.join(work, "huge.xml"), xml);
  const r = await inProcess(work, "generate", "-i", "huge.xml", "-o", "huge-out", "--fail-on-warnings");
  expect(r.status).toBe(1);
  const line = r.stderr.split("\n")[0];
  expect(line).toBe(`huge.xml:6:9: warning ODG102: MaxLength="${"9".repeat(189)}…(99772 more characters)…${"9".repeat(39)}" is more than 9007199254740991 (2^53 − 1), the largest facet odatagen reads; left out [ns.thing/p]`);
  const { diagnostics: diags } = generate({ inputs: [{ file: "huge.xml", content: xml }] });
  expect(diags.find((d) => d.code === "ODG102")?.message).toContain(digits);
});

test("so is a huge quoted value with spaces in it (a DefaultValue of a page of text)", async () => {
  const work = fresh();
  const text = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(" ");
  const xml = `${HEAD}${SCHEMA}      <ComplexType Name="thing">\n        <Property Name="p" Type="Edm.Int32" DefaultValue="${text}"/>\n      </ComplexType>\n    </Schema>\n${TAIL}`;
  fs.writeFileSync(path.join(work, "spaced.xml"), xml);
  const r = await inProcess(work, "generate", "-i", "spaced.xml", "-o", "spaced-out", "--fail-on-warnings");
  expect(r.status).toBe(1);
  const line = r.stderr.split("\n")[0];
  const quoted = `"${text}"`;
  expect(line).toContain(`DefaultValue=${quoted.slice(0, 200)}…(${quoted.length - 240} more characters)…${quoted.slice(-40)} `);
  expect(line.length).toBeLessThan(500);
});

test.concurrent("an odatagen installed without its build (dist/, which a git install's skipped prepare script leaves out) says so and how to mend it: exit 78 (an installation not set up, not 70, a bug), no stack trace", async () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-unbuilt-"));
  fs.mkdirSync(path.join(project, "node_modules", "odatagen", "bin"), { recursive: true });
  fs.copyFileSync(BIN, path.join(project, "node_modules", "odatagen", "bin", "odatagen.js"));
  const r = await spawnLimited(process.execPath, [path.join(project, "node_modules", "odatagen", "bin", "odatagen.js"), "--version"], { cwd: project });
  // npm 11.19.1 answers `npm approve-scripts odatagen` with ENOMATCH for an install from git, and
  // `npm install` again leaves the installed package as it is: only removing it first rebuilds it.
  expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
    status: 78,
    stdout: "",
    stderr:
      "odatagen: this copy of odatagen is not built (it has no dist/). Installed from git, it is built by its `prepare` script, " +
      "which npm skipped (--ignore-scripts, or an allowScripts that does not approve it: for an install from git, approve the URL " +
      "with its commit, as package-lock.json records it; see odatagen's README, Install). " +
      `Remove ${path.join("node_modules", "odatagen")} and run \`npm install\` again: npm does not build a package it finds installed.\n`,
  });
  fs.rmSync(project, { recursive: true, force: true });
});

test.concurrent("a copy of odatagen's repository not built yet is told to run npm install in it (exit 78)", async () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-unbuilt-"));
  fs.mkdirSync(path.join(copy, "bin"));
  fs.copyFileSync(BIN, path.join(copy, "bin", "odatagen.js"));
  const r = await spawnLimited(process.execPath, [path.join(copy, "bin", "odatagen.js"), "--version"], { cwd: copy });
  expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
    status: 78,
    stdout: "",
    stderr: "odatagen: this copy of odatagen is not built (it has no dist/): run `npm install` in ., which builds it.\n",
  });
  fs.rmSync(copy, { recursive: true, force: true });
});
