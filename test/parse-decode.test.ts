// Input files are read in the encoding the document declares (XML 1.0 §4.3.3, Appendix F), and bytes
// that are not valid UTF-8 are reported where they are, never turned into U+FFFD in names.
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { decodeInput } from "../generator/parse/decode";
import { readInputFiles } from "../generator/write/uptodate";
import { scratch } from "./helpers/cli";

const doc = (decl: string) => `${decl}\n<edmx:Edmx Version="4.0"><Property Name="Größe"/></edmx:Edmx>\n`;
const text = (r: ReturnType<typeof decodeInput>) => (r.ok ? r.text : `error: ${r.reason}`);

describe("decodeInput", () => {
  test("UTF-8, with or without a byte-order mark or declaration", () => {
    expect(text(decodeInput(Buffer.from(doc(`<?xml version="1.0" encoding="utf-8"?>`), "utf8")))).toContain("Größe");
    expect(text(decodeInput(Buffer.from(doc(""), "utf8")))).toContain("Größe");
    expect(text(decodeInput(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc(`<?xml version="1.0" encoding="UTF8"?>`))])))).toContain("Größe");
  });

  test("UTF-16 by its byte-order mark (either order), or by '<?' without one", () => {
    const s = doc(`<?xml version="1.0" encoding="UTF-16"?>`);
    const le = Buffer.from(s, "utf16le");
    expect(text(decodeInput(Buffer.concat([Buffer.from([0xff, 0xfe]), le])))).toBe(`\uFEFF${s}`);
    expect(text(decodeInput(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()])))).toBe(`\uFEFF${s}`);
    expect(text(decodeInput(le))).toBe(s);
    expect(text(decodeInput(Buffer.from(le).swap16()))).toBe(s);
  });

  test("a declaration of UTF-16 on bytes that are not (no byte-order mark, '<?xml' in ASCII) is read as UTF-8, as .NET's XmlWriter over a string writes it", () => {
    expect(text(decodeInput(Buffer.from(doc(`<?xml version="1.0" encoding="utf-16"?>`), "utf8")))).toContain("Größe");
    expect(text(decodeInput(Buffer.from(doc(`<?xml version="1.0" encoding="UTF-16"?>`), "latin1")))).toMatch(/^error: not UTF-8: byte 0xF6 at line 2, column 44 \(the XML declaration says UTF-16, but without a byte-order mark it must be UTF-8\)/);
  });

  test("a UTF-8 byte-order mark wins over a declared ISO-8859-1", () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc(`<?xml version="1.0" encoding="ISO-8859-1"?>`), "utf8")]);
    expect(text(decodeInput(withBom))).toBe(`\uFEFF${doc(`<?xml version="1.0" encoding="ISO-8859-1"?>`)}`);
  });

  test("ISO-8859-1 as declared", () => {
    expect(text(decodeInput(Buffer.from(doc(`<?xml version="1.0" encoding="ISO-8859-1"?>`), "latin1")))).toContain("Größe");
    expect(text(decodeInput(Buffer.from(doc(`<?xml version='1.0' encoding='latin1'?>`), "latin1")))).toContain("Größe");
  });

  test("bytes that are not UTF-8 where UTF-8 is meant are an error with their line and column", () => {
    const latin = Buffer.from(doc(""), "latin1");
    expect(text(decodeInput(latin))).toBe(
      "error: not UTF-8: byte 0xF6 at line 2, column 44 (the document declares no encoding, so it must be UTF-8); save it as UTF-8, or declare its encoding",
    );
    const declared = Buffer.from(doc(`<?xml version="1.0" encoding="utf-8"?>`), "latin1");
    expect(text(decodeInput(declared))).toMatch(/^error: not UTF-8: byte 0xF6 at line 2, column 44 \(the XML declaration says UTF-8\)/);
    // A truncated sequence at the very end, and an overlong encoding.
    expect(text(decodeInput(Buffer.from([0x3c, 0x61, 0x2f, 0x3e, 0xc3])))).toMatch(/byte 0xC3 at line 1, column 5/);
    expect(text(decodeInput(Buffer.from([0x3c, 0xc0, 0xaf, 0x3e])))).toMatch(/byte 0xC0 at line 1, column 2/);
  });

  test("UTF-16 without a byte-order mark, CSDL JSON or XML not starting with '<', is refused with a hint where it starts, not read as UTF-8 with NULs", () => {
    const json = '{"$Version": "4.01", "ns": {"$Kind": "Schema"}}\n';
    const hint = (at: string) => `error: looks like UTF-16 without a byte-order mark (byte 0x00 at ${at}, and at every other byte after it); save it as UTF-8`;
    expect(text(decodeInput(Buffer.from(json, "utf16le")))).toBe(hint("line 1, column 2"));
    expect(text(decodeInput(Buffer.from(json, "utf16le").swap16()))).toBe(hint("line 1, column 1"));
    expect(text(decodeInput(Buffer.from(`\n  ${doc("")}`, "utf16le")))).toBe(hint("line 2, column 1"));
    // A few non-ASCII characters among the first do not hide it; with '<' first it is read, as XML 1.0 Appendix F reads it.
    expect(text(decodeInput(Buffer.from(`{"$Version": "4.01", "名前": {"$Kind": "Schema"}}`, "utf16le")))).toBe(hint("line 1, column 2"));
    expect(text(decodeInput(Buffer.from(doc("").trimStart(), "utf16le")))).toBe(doc("").trimStart());
    // A lone NUL in UTF-8 text is not UTF-16: the reader reports it where it is.
    expect(text(decodeInput(Buffer.from('{"$Version": "4.01"\u0000}', "utf8")))).toBe('{"$Version": "4.01"\u0000}');
  });

  test("a compressed file (gzip, zip, zstd) is refused saying so, not as bytes that are not UTF-8", () => {
    expect(text(decodeInput(zlib.gzipSync(doc(""))))).toBe("error: gzip-compressed (it starts with 1F 8B), not a text: decompress it first");
    expect(text(decodeInput(Buffer.from("PK\u0003\u0004rest", "latin1")))).toBe("error: a zip archive (it starts with PK), not a text: decompress it first");
    expect(text(decodeInput(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0])))).toBe("error: zstd-compressed (it starts with 28 B5 2F FD), not a text: decompress it first");
  });

  test("UTF-32, by its byte-order mark or by '<' in its first four bytes, is refused saying so, not read as UTF-16 or as UTF-8 with NULs", () => {
    const s = doc(`<?xml version="1.0" encoding="UTF-32"?>`);
    const le = Buffer.alloc(s.length * 4);
    for (let i = 0; i < s.length; i++) le.writeUInt32LE(s.charCodeAt(i), i * 4);
    const be = Buffer.from(le).swap32();
    const mark = (order: "LE" | "BE") => Buffer.from(order === "LE" ? [0xff, 0xfe, 0, 0] : [0, 0, 0xfe, 0xff]);
    const refused = (order: string, start: string) => `error: in UTF-32 (${order}: it starts with ${start}), which odatagen does not read; save it as UTF-8`;
    expect([Buffer.concat([mark("LE"), le]), le, Buffer.concat([mark("BE"), be]), be].map((b) => text(decodeInput(b)))).toEqual([
      refused("little-endian", "FF FE 00 00"), refused("little-endian", "3C 00 00 00"), refused("big-endian", "00 00 FE FF"), refused("big-endian", "00 00 00 3C"),
    ]);
    // UTF-16 stays UTF-16.
    expect(text(decodeInput(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")])))).toBe(`\ufeff${s}`);
  });

  test("an encoding odatagen cannot read is named", () => {
    expect(text(decodeInput(Buffer.from(doc(`<?xml version="1.0" encoding="x-nonsense"?>`))))).toBe(
      "error: the encoding x-nonsense (from the XML declaration) is not one odatagen reads; save it as UTF-8",
    );
  });
});

test("readInputFiles reports an undecodable input as unreadable (ODG001) and reads the others", () => {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "bad.xml"), Buffer.from(doc(""), "latin1"));
  fs.writeFileSync(path.join(dir, "good.xml"), Buffer.from(doc(`<?xml version="1.0" encoding="iso-8859-1"?>`), "latin1"));
  fs.writeFileSync(path.join(dir, "utf16.json"), Buffer.from('{"$Version": "4.01"}', "utf16le"));
  const r = readInputFiles([path.join(dir, "bad.xml"), path.join(dir, "good.xml"), path.join(dir, "utf16.json")]);
  expect(r.unreadable.map((u) => [path.basename(u.file), u.reason])).toEqual([
    ["bad.xml", expect.stringMatching(/^not UTF-8: byte 0xF6 at line 2/)],
    ["utf16.json", expect.stringMatching(/^looks like UTF-16 without a byte-order mark \(byte 0x00 at line 1, column 2/)],
  ]);
  expect(r.contents.map((c) => c.content.includes("Größe"))).toEqual([true]);
});
