// The manifest's hash and size of each output: those of its UTF-8 bytes, however long the text and
// wherever its characters beyond U+FFFF fall (the text is encoded a chunk at a time).
import { createHash } from "node:crypto";
import { manifestFiles } from "../generator/write/manifest";

const CHUNK = 64 * 1024;

test.each([
  ["empty", ""],
  ["ASCII over several chunks", "abc\n".repeat(50_000)],
  ["Latin-1 over several chunks", "é".repeat(3 * CHUNK + 7)],
  ["a surrogate pair across a chunk's end", `${"x".repeat(CHUNK - 1)}😀${"y".repeat(10)}`],
  ["surrogate pairs only", "😀".repeat(CHUNK)],
  ["unpaired surrogates, one at a chunk's end", `\udc00${"a".repeat(CHUNK - 2)}\ud800b\ud83d`],
])("%s", (_name, text) => {
  const [entry] = manifestFiles(new Map([["f.ts", text]]));
  expect(entry).toEqual({ path: "f.ts", sha256: createHash("sha256").update(text).digest("hex"), size: Buffer.byteLength(text) });
});
