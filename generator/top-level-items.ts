/**
 * Lists and unions of generated code written in one string (a type's arguments, a call's, a
 * union's members), split where no bracket or string is open. (An annotation target's overload
 * signature is split apart, operation-targets.ts: a type's name holds no strings.)
 *
 * The scans read character codes, not one-character strings: they run over millions of characters
 * of a large service's emit, where comparing strings cost several times as much per character
 * (docs/performance-notes.md, "The bracket scans by character code").
 */

/** What a character below U+0080 is to the scans: nothing, a bracket opening or closing, or a quote. */
const OTHER = 0;
const OPEN = 1;
const CLOSE = 2;
const QUOTE = 3;
const KINDS = new Uint8Array(128);
for (const c of "<{([") KINDS[c.charCodeAt(0)] = OPEN;
for (const c of ">})]") KINDS[c.charCodeAt(0)] = CLOSE;
for (const c of "\"'`") KINDS[c.charCodeAt(0)] = QUOTE;
const BACKSLASH = 92;
const COMMA = 44;

/**
 * `text` split where `separator` (`,`, ` | `, ` & `, `: `) stands outside brackets and strings
 * (`"…"`, `'…'`, `` `…` ``): `A<B, C> | D` → `A<B, C>`, `D`.
 */
export function topLevelSplit(text: string, separator: string): string[] {
  // Nowhere at all (most unions asked about are one type): one part, without reading it a character at a time.
  if (!text.includes(separator)) return [text];
  const parts: string[] = [];
  const first = separator.charCodeAt(0);
  let depth = 0;
  let quote = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === BACKSLASH) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    const k = c < 128 ? KINDS[c] : OTHER; // not a function: the CLI runs without TurboFan's inlining
    if (k === QUOTE) quote = c;
    else if (k === OPEN) depth++;
    else if (k === CLOSE) depth--;
    else if (depth === 0 && c === first && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The index of the bracket closing the one at `open`, outside strings as `topLevelSplit` reads them, else -1. */
export function closingBracket(text: string, open: number): number {
  let depth = 0;
  let quote = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === BACKSLASH) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    const k = c < 128 ? KINDS[c] : OTHER; // not a function: the CLI runs without TurboFan's inlining
    if (k === QUOTE) quote = c;
    else if (k === OPEN) depth++;
    else if (k === CLOSE && --depth === 0) return i;
  }
  return -1;
}

/**
 * The comma-separated items between the bracket at `open` and the one closing it, each trimmed,
 * where that one is the text's last character (`f(a, g(b))`, `A<B, C>`), else undefined: what
 * `topLevelItems` gives for the text between them once `closingBracket` has found them, in one scan.
 */
export function bracketedItems(text: string, open: number): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let quote = 0;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === BACKSLASH) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    const k = c < 128 ? KINDS[c] : OTHER;
    if (k === QUOTE) quote = c;
    else if (k === OPEN) depth++;
    else if (k === CLOSE) {
      if (--depth > 0) continue;
      if (i !== text.length - 1) return undefined;
      parts.push(text.slice(start, i).trim());
      return parts;
    } else if (depth === 1 && c === COMMA) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return undefined;
}

/** The comma-separated items of `list`, each trimmed: `A<B, C>, Collection(D)` → `A<B, C>`, `Collection(D)`. */
export function topLevelItems(list: string): string[] {
  return topLevelSplit(list, ",").map((item) => item.trim());
}
