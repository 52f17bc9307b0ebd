// After a write, an input is remembered in the stat cache with the hash taken when it was read,
// without reading it again, only while its stat is still the one taken before that read; a file
// hashed within 2 s of its last change is not remembered at all.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { MANIFEST } from "../generator/write/manifest";
import { StatCache } from "../generator/write/statcache";
import { inputDigest, readInputs, rememberOutput, unchangedSinceRead } from "../generator/write/uptodate";
import { regenerate } from "../generator/write/regenerate";
import { scratch } from "./helpers/cli";
import { edmx, schema } from "./helpers/csdl";

// readFileSync watched (and still reading), to tell a hash taken by reading a file again after the write.
jest.mock("node:fs", () => {
  const actual = jest.requireActual<typeof import("node:fs")>("node:fs");
  return { ...actual, readFileSync: jest.fn(actual.readFileSync) };
});

const SPEC = '\ufeff<?xml version="1.0" encoding="utf-8"?>\n<edmx:Edmx Version="4.0">“quoted”</edmx:Edmx>\n';

/** A project folder with a stat cache, an output folder with a manifest, and the spec. */
function project(): { out: string; spec: string } {
  const dir = scratch();
  fs.mkdirSync(path.join(dir, "node_modules"));
  const out = path.join(dir, "gen");
  fs.mkdirSync(out);
  fs.writeFileSync(path.join(out, MANIFEST), JSON.stringify({ generator: "odatagen", files: [] }));
  const spec = path.join(dir, "spec.xml");
  fs.writeFileSync(spec, SPEC);
  return { out, spec };
}

const cached = (out: string, spec: string) => StatCache.forOutput(out).lookup(`input:${spec}`, fs.statSync(spec));

/** The read as if it had been made long after the file's last change (a file changed just before is read again). */
function readLongAfter(out: string, spec: string) {
  const read = readInputs(out, [spec]);
  const entry = read.reads.get(spec)!;
  read.reads.set(spec, { ...entry, at: entry.before.ctimeMs + 60_000 });
  return read;
}

test("an input's recorded hash is its inputDigest, with a byte-order mark, with and without CRs", () => {
  const { out, spec } = project();
  for (const text of [SPEC, SPEC.replace(/\n/g, "\r\n")]) {
    fs.writeFileSync(spec, text);
    const digest = createHash("sha256").update(text.replace(/\r\n/g, "\n")).digest("hex");
    expect(readInputs(out, [spec]).records[0]!.sha256).toBe(digest);
    expect(inputDigest(fs.readFileSync(spec))).toBe(digest);
  }
});

test("an input unchanged since it was read is remembered with the hash taken then", () => {
  const { out, spec } = project();
  const read = readLongAfter(out, spec);
  // Marked, so that a hash taken by reading the file again would tell itself apart.
  read.reads.set(spec, { ...read.reads.get(spec)!, sha256: "taken-when-read" });
  rememberOutput(out, [spec], read.reads);
  expect(cached(out, spec)).toBe("taken-when-read");
});

test("an input changed after it was read is hashed again, and found changed", () => {
  const { out, spec } = project();
  const read = readLongAfter(out, spec);
  fs.writeFileSync(spec, SPEC.replace("quoted", "edited, longer"));
  rememberOutput(out, [spec], read.reads);
  // Hashed again just after its change: not remembered yet (see the racy-stat test below).
  expect(cached(out, spec)).toBeUndefined();
  later(fs.statSync(spec), () => rememberOutput(out, [spec], read.reads));
  expect(cached(out, spec)).toBe(inputDigest(fs.readFileSync(spec)));
  expect(cached(out, spec)).not.toBe(read.records[0]!.sha256);
});

/** Runs `work` with the clock a minute after the file's last change. */
function later(st: fs.Stats, work: () => void): void {
  const now = jest.spyOn(Date, "now").mockReturnValue(Math.max(st.ctimeMs, st.mtimeMs) + 60_000);
  try {
    work();
  } finally {
    now.mockRestore();
  }
}

test("a stat is trusted only when it was taken long enough after the file's last change", () => {
  const { spec } = project();
  const before = fs.statSync(spec);
  expect(unchangedSinceRead({ before, at: before.ctimeMs + 60_000 }, fs.statSync(spec))).toBe(true);
  // Read in the same second as it was written: a second write in that time stamp tick could look the same.
  expect(unchangedSinceRead({ before, at: before.ctimeMs + 100 }, fs.statSync(spec))).toBe(false);
  fs.writeFileSync(spec, SPEC.replace("quoted", "edited, longer"));
  expect(unchangedSinceRead({ before, at: before.ctimeMs + 60_000 }, fs.statSync(spec))).toBe(false);
});

test("a file read just after it was written is read again to be hashed", () => {
  const { out, spec } = project();
  const read = readInputs(out, [spec]);
  const entry = read.reads.get(spec)!;
  read.reads.set(spec, { ...entry, at: entry.before.ctimeMs + 100, sha256: "taken-when-read" });
  later(entry.before, () => rememberOutput(out, [spec], read.reads));
  expect(cached(out, spec)).toBe(inputDigest(fs.readFileSync(spec)));
});

test("a file hashed within 2 s of its last change is not remembered: a write during the read could leave the same stat", () => {
  const { out, spec } = project();
  // No read to go by: the file is read and hashed, as when the cache has no entry for it.
  rememberOutput(out, [spec]);
  expect(cached(out, spec)).toBeUndefined();
  // The same file, hashed a minute after its last change, is remembered.
  later(fs.statSync(spec), () => rememberOutput(out, [spec]));
  expect(cached(out, spec)).toBe(inputDigest(fs.readFileSync(spec)));
});

test("a followed document is remembered with the hash taken when it was read, not read again after the write", async () => {
  const dir = scratch();
  fs.mkdirSync(path.join(dir, "node_modules"));
  const spec = path.join(dir, "main.xml");
  const other = path.join(dir, "shared.xml");
  fs.writeFileSync(spec, edmx(schema("main", `<ComplexType Name="c"><Property Name="a" Type="shared.address"/></ComplexType>`), `<edmx:Reference Uri="shared.xml"><edmx:Include Namespace="shared"/></edmx:Reference>\n`));
  fs.writeFileSync(other, edmx(schema("shared", `<ComplexType Name="address"><Property Name="street" Type="Edm.String"/></ComplexType>`)));
  const out = path.join(dir, "gen");
  // The run a minute after the files' last change, so that what it reads may be remembered.
  const realNow = Date.now.bind(Date);
  const now = jest.spyOn(Date, "now").mockImplementation(() => realNow() + 60_000);
  const reads = fs.readFileSync as unknown as jest.Mock;
  reads.mockClear();
  try {
    const outcome = await regenerate({ service: { name: "s", inputs: [spec], out }, mode: "write", removeStale: true, force: false });
    expect(outcome.status).toBe("written");
    expect(reads.mock.calls.filter(([file]) => file === other)).toEqual([]);
  } finally {
    now.mockRestore();
  }
  const recorded = JSON.parse(fs.readFileSync(path.join(out, MANIFEST), "utf8")).inputs.find((i: { followed?: boolean }) => i.followed);
  expect(cached(out, other)).toBe(recorded.sha256);
});
