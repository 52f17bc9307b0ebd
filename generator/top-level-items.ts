/**
 * Lists and unions of generated code written in one string (a type's arguments, a call's, a
 * union's members), split where no bracket or string is open. (An annotation target's overload
 * signature is split apart, operation-targets.ts: a type's name holds no strings.)
 */

/**
 * `text` split where `separator` (`,`, ` | `, ` & `, `: `) stands outside brackets and strings
 * (`"…"`, `'…'`, `` `…` ``): `A<B, C> | D` → `A<B, C>`, `D`.
 */
export function topLevelSplit(text: string, separator: string): string[] {
  // Nowhere at all (most unions asked about are one type): one part, without reading it a character at a time.
  if (!text.includes(separator)) return [text];
  const parts: string[] = [];
  let depth = 0;
  let quote = "";
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "<" || c === "{" || c === "(" || c === "[") depth++;
    else if (c === ">" || c === "}" || c === ")" || c === "]") depth--;
    else if (depth === 0 && c === separator[0] && text.startsWith(separator, i)) {
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
  let quote = "";
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "<" || c === "{" || c === "(" || c === "[") depth++;
    else if ((c === ">" || c === "}" || c === ")" || c === "]") && --depth === 0) return i;
  }
  return -1;
}

/** The comma-separated items of `list`, each trimmed: `A<B, C>, Collection(D)` → `A<B, C>`, `Collection(D)`. */
export function topLevelItems(list: string): string[] {
  return topLevelSplit(list, ",").map((item) => item.trim());
}
