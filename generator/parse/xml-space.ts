/**
 * XML's whitespace (XML 1.0 §2.3 `S`): space, tab, carriage return and line feed, and nothing else.
 * JavaScript's `trim` and `\s` take the no-break space (U+00A0) and other Unicode spaces too, which
 * in XML are text like any other.
 */

export function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * `s` without XML's whitespace at its ends. In loops, in linear time: a regular expression such as
 * `/\s+$/` tries every position of a long run of spaces inside the text (quadratic: a value with
 * 100,000 spaces in it took half a minute).
 */
export function trimXmlSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isXmlSpace(s.charCodeAt(start))) start++;
  while (end > start && isXmlSpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}
