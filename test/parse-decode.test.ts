// Input files are read in the encoding the document declares (XML 1.0 §4.3.3, Appendix F), and bytes
// that are not valid UTF-8 are reported where they are, never turned into U+FFFD in names.
import * as fs from "node:fs";
import * as path from "node:path";
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
  const r = readInputFiles([path.join(dir, "bad.xml"), path.join(dir, "good.xml")]);
  expect(r.unreadable.map((u) => u.reason)).toEqual([expect.stringMatching(/^not UTF-8: byte 0xF6 at line 2/)]);
  expect(r.contents.map((c) => c.content.includes("Größe"))).toEqual([true]);
});
