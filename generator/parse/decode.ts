/**
 * An input file's bytes as text, in the encoding the document says it is in (XML 1.0 §4.3.3 and
 * Appendix F): a UTF-16 byte-order mark (or `<?` in UTF-16 without one), else the XML declaration's
 * `encoding`, else UTF-8. UTF-8 must be valid: a byte that is not is reported where it is, instead of
 * becoming U+FFFD in a name (an ISO-8859-1 document without its declaration would, silently); so is
 * UTF-16 without a byte-order mark (CSDL JSON, or XML not starting with `<`), with a hint.
 */
import { isUtf8 } from "node:buffer";

/** `utf8`: the text was read as UTF-8, so the bytes are its UTF-8 encoding. */
export type Decoded = { ok: true; text: string; utf8?: true } | { ok: false; reason: string };

export function decodeInput(buf: Buffer): Decoded {
  const packed = compression(buf);
  if (packed) return { ok: false, reason: `${packed}, not a text: decompress it first` };
  const utf32 = utf32Order(buf);
  if (utf32) return { ok: false, reason: `in UTF-32 (${utf32}), which odatagen does not read; save it as UTF-8` };
  if (buf.length >= 2) {
    const [a, b] = [buf[0], buf[1]];
    if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00)) return { ok: true, text: buf.toString("utf16le") };
    if ((a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c)) return { ok: true, text: swapBytes(buf).toString("utf16le") };
  }
  const nul = utf16WithoutBom(buf);
  if (nul !== -1) return { ok: false, reason: `looks like UTF-16 without a byte-order mark (byte 0x00 at ${lineAndColumn(buf, nul)}, and at every other byte after it); save it as UTF-8` };
  // Read this far, the declaration's bytes were ASCII: a document labelled UTF-16 or UTF-32 without a
  // byte-order mark cannot be (XML 1.0 Appendix F). .NET's XmlWriter over a string labels UTF-8 so.
  // A UTF-8 byte-order mark decides, whatever the declaration says (XML 1.0 Appendix F).
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const label = bom ? undefined : declaredEncoding(buf);
  const declared = label && /^(utf-?16|utf-?32|ucs-?2|ucs-?4)/i.test(label) ? undefined : label;
  if (declared === undefined || /^utf-?8$/i.test(declared)) {
    if (isUtf8(buf)) return { ok: true, text: buf.toString("utf8"), utf8: true };
    return { ok: false, reason: `not UTF-8: ${badByte(buf)} (${declared ? "the XML declaration says UTF-8" : label ? `the XML declaration says ${label}, but without a byte-order mark it must be UTF-8` : "the document declares no encoding, so it must be UTF-8"}); save it as UTF-8, or declare its encoding` };
  }
  if (/^(iso-8859-1|latin-?1|l1|us-ascii|ascii)$/i.test(declared)) return { ok: true, text: buf.toString("latin1") };
  try {
    return { ok: true, text: new TextDecoder(declared, { fatal: true }).decode(buf) };
  } catch (e) {
    const known = (e as { code?: string }).code !== "ERR_ENCODING_NOT_SUPPORTED";
    return { ok: false, reason: known ? `not valid ${declared}, the encoding its XML declaration names` : `the encoding ${declared} (from the XML declaration) is not one odatagen reads; save it as UTF-8` };
  }
}

/** What compressed the bytes, by their magic number (gzip: RFC 1952; zip; zstd), or undefined. */
function compression(buf: Buffer): string | undefined {
  if (buf[0] === 0x1f && buf[1] === 0x8b) return "gzip-compressed (it starts with 1F 8B)";
  if (buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) return "a zip archive (it starts with PK)";
  if (buf[0] === 0x28 && buf[1] === 0xb5 && buf[2] === 0x2f && buf[3] === 0xfd) return "zstd-compressed (it starts with 28 B5 2F FD)";
  return undefined;
}

/**
 * The byte order of a text in UTF-32 (XML 1.0 Appendix F: its byte-order mark, or `<` as its first
 * four bytes), or undefined. Checked before UTF-16: `FF FE 00 00` starts as UTF-16's little-endian
 * mark, and `3C 00 00 00` as `<` in UTF-16 without one, but U+0000 is no XML character, so neither
 * can be UTF-16 XML.
 */
function utf32Order(buf: Buffer): string | undefined {
  if (buf.length < 4) return undefined;
  const [a, b, c, d] = [buf[0], buf[1], buf[2], buf[3]];
  if (a === 0 && b === 0 && ((c === 0xfe && d === 0xff) || (c === 0 && d === 0x3c))) return `big-endian: it starts with ${hex(buf)}`;
  if (c === 0 && d === 0 && ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0))) return `little-endian: it starts with ${hex(buf)}`;
  return undefined;
}

/** The first four bytes, as `FF FE 00 00`. */
function hex(buf: Buffer): string {
  return [...buf.subarray(0, 4)].map((x) => x.toString(16).toUpperCase().padStart(2, "0")).join(" ");
}

/**
 * Why a file that must be UTF-8 (a config: Node reads modules, and odatagen JSON, as UTF-8) is not,
 * when it is UTF-16, with or without a byte-order mark; undefined otherwise.
 */
export function utf16Reason(buf: Buffer): string | undefined {
  if (buf.length >= 2) {
    if (buf[0] === 0xff && buf[1] === 0xfe) return "it is UTF-16 (little-endian: it starts with the byte-order mark FF FE); save it as UTF-8";
    if (buf[0] === 0xfe && buf[1] === 0xff) return "it is UTF-16 (big-endian: it starts with the byte-order mark FE FF); save it as UTF-8";
  }
  const nul = utf16WithoutBom(buf);
  return nul === -1 ? undefined : `it looks like UTF-16 without a byte-order mark (byte 0x00 at ${lineAndColumn(buf, nul)}, and at every other byte after it); save it as UTF-8`;
}

/** The `encoding` of an XML declaration at the start (after a UTF-8 byte-order mark), if any. */
function declaredEncoding(buf: Buffer): string | undefined {
  const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const head = buf.toString("latin1", start, Math.min(buf.length, start + 256));
  return /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(head)?.[1];
}

/**
 * The offset of the first NUL byte when the document starts as UTF-16 without a byte-order mark (a
 * NUL beside most of its first characters, which are ASCII in CSDL), else -1. XML without a mark
 * that does not start with `<` must be UTF-8 (XML 1.0 Appendix F), and JSON is (RFC 8259 §8.1); read
 * as UTF-8, such a document would fail on a NUL, which neither XML nor JSON text may hold.
 */
function utf16WithoutBom(buf: Buffer): number {
  const pairs = Math.min(128, buf.length >> 1);
  if (pairs < 2) return -1;
  let low = 0;
  let high = 0;
  for (let i = 0; i < pairs; i++) {
    if (buf[2 * i + 1] === 0 && buf[2 * i] !== 0) low++;
    else if (buf[2 * i] === 0 && buf[2 * i + 1] !== 0) high++;
  }
  if (low * 4 >= pairs * 3) return buf.indexOf(0);
  if (high * 4 >= pairs * 3) return buf.indexOf(0);
  return -1;
}

/** `line 2, column 1` of a byte, the text read as UTF-8 up to it. */
function lineAndColumn(buf: Buffer, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = buf.indexOf(0x0a); i !== -1 && i < offset; i = buf.indexOf(0x0a, i + 1)) {
    line++;
    start = i + 1;
  }
  return `line ${line}, column ${buf.toString("utf8", start, offset).length + 1}`;
}

function swapBytes(buf: Buffer): Buffer {
  const copy = Buffer.from(buf.subarray(0, buf.length - (buf.length % 2)));
  return copy.swap16();
}

/** Where the first byte that cannot be UTF-8 is: `byte 0xF6 at line 8, column 34`. */
function badByte(buf: Buffer): string {
  let line = 1;
  let column = 1;
  for (let i = 0; i < buf.length; ) {
    const c = buf[i];
    const length = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > buf.length || !isUtf8(buf.subarray(i, i + length))) {
      return `byte 0x${c.toString(16).toUpperCase().padStart(2, "0")} at line ${line}, column ${column}`;
    }
    if (c === 0x0a) {
      line++;
      column = 1;
    } else column++;
    i += length;
  }
  return "a byte sequence that is not UTF-8";
}
