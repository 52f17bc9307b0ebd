/**
 * A one-byte copy of a document for the scan and the parser to read.
 *
 * V8 keeps a string at one byte per character only while every character is below U+0100. One
 * character above that (Graph has a byte-order mark and 27 curly quotes and dashes in 3.5 MB) makes
 * the whole text two bytes per character, and with it every name and description sliced from it,
 * and every output module built from those: more bytes to scan, copy, flatten and collect, and
 * UTF-8 encoding (for hashing and writing) on its slow path.
 *
 * So each such character is replaced by a stand-in, a C1 control character (U+0080–U+009F, which
 * the document must not use itself), and the result is copied into a one-byte string. One character
 * stands for one, so every offset, line and column is unchanged. The reader puts the characters
 * back (`restore`) in each attribute value and text it takes from the parser's tree, before anything
 * else sees them.
 *
 * This is exact where the characters stand in text, attribute values, comments and the like: the
 * well-formedness scan treats every character from U+0080 alike there, and the parser only looks
 * for ASCII delimiters. A stand-in is never a name character, so where a replaced character is part
 * of a name the scan of the copy fails and the caller scans (and parses) the original instead.
 * Not done, so the text is read as it is, when a replaced character is one JavaScript's `trim`
 * removes (the parser trims texts) or there are more than 31 different ones (31 stand-ins: U+0085 is
 * left out, as some tools take it for a line break).
 */

export interface NarrowText {
  /** One byte per character, with the original's length and offsets. */
  text: string;
  /** Puts the original characters back into a value read from `text`; absent when none were replaced. */
  restore?: (value: string) => string;
}

/** A character above U+00FF (a UTF-16 code unit: each half of a surrogate pair is one), or a stand-in. */
const WIDE_OR_STAND_IN = /[^\x00-\x7f\xa0-\xff]/g;
const FIRST_STAND_IN = 0x80;
const LAST_STAND_IN = 0x9f;
const SKIPPED = 0x85;
/** What String.prototype.trim removes (WhiteSpace and LineTerminator, ECMAScript §12.2, §12.3). */
const TRIMMED = /^\s$/;

/**
 * The text as one byte per character, or undefined when it is that already or cannot be made so
 * exactly (see above). `twoByte`: the caller knows the text is stored two bytes per character even
 * if no character is above U+00FF (it was sliced from a text with a byte-order mark).
 */
export function narrowText(text: string, twoByte: boolean): NarrowText | undefined {
  const at: number[] = [];
  const codes: number[] = [];
  const standIn = new Map<string, number>();
  let next = FIRST_STAND_IN;
  WIDE_OR_STAND_IN.lastIndex = 0;
  for (let m = WIDE_OR_STAND_IN.exec(text); m; m = WIDE_OR_STAND_IN.exec(text)) {
    const c = m[0];
    if (c.charCodeAt(0) <= LAST_STAND_IN) return undefined; // the document uses a stand-in itself
    let code = standIn.get(c);
    if (code === undefined) {
      if (TRIMMED.test(c) || next > LAST_STAND_IN) return undefined;
      standIn.set(c, (code = next));
      next = next + 1 === SKIPPED ? next + 2 : next + 1;
    }
    at.push(m.index);
    codes.push(code);
  }
  if (at.length === 0 && !twoByte) return undefined;
  // Buffer's latin1 encoding keeps the low byte of each character: right for all but the replaced ones.
  const bytes = Buffer.from(text, "latin1");
  for (let k = 0; k < at.length; k++) bytes[at[k] as number] = codes[k] as number;
  const copy = bytes.toString("latin1");
  if (at.length === 0) return { text: copy };
  const original = new Map<string, string>([...standIn].map(([c, code]) => [String.fromCharCode(code), c]));
  const any = new RegExp(`[${[...original.keys()].join("")}]`);
  const all = new RegExp(any.source, "g");
  return {
    text: copy,
    restore: (value) => (any.test(value) ? value.replace(all, (s) => original.get(s) as string) : value),
  };
}
