/**
 * Where an element of a module config (`.mjs`, `.ts`) is written, for its errors' line and column.
 * A module's value is made by running it, so its text is not parsed: a key is found by its name
 * written as an object key (`inlcude:`, `"input":`), outside comments and strings. It is placed only
 * where that tells one place: the one such key of that name, or, for a key of one of the config's
 * services (`services[2].input`), the service's own where the file writes that key once for each
 * service, in order. A config that makes its services in code (a `map`) has one key for all, placed
 * there; any other count names no place, as before.
 */

/**
 * Where the element path `at` (`services[2].include`) is written: its key (`key`), else its value,
 * or undefined; for an item of an array written out (`services[2].include[1]`), the item.
 */
export function moduleOffset(text: string, at: string, services: number, key: boolean): number | undefined {
  const item = /^(.*\.[^.[\]]+)\[(\d+)\]$/.exec(at);
  if (item) {
    const from = moduleKeyOffset(text, item[1]!, services);
    return from === undefined ? undefined : itemOffset(text, from, Number(item[2]));
  }
  const from = moduleKeyOffset(text, at, services);
  return from === undefined || key ? from : valueOffset(text, from);
}

/** The offset of the key the element path `at` ends in (`services[2].include`), or undefined. */
function moduleKeyOffset(text: string, at: string, services: number): number | undefined {
  const key = /(?:^|\.)([^.[\]]+)$/.exec(at)?.[1];
  if (key === undefined) return undefined;
  const found = keyOffsets(text, key);
  if (found.length === 1) return found[0];
  const service = /^services\[(\d+)\]\.[^.[\]]+$/.exec(at);
  if (service && found.length === services) return found[Number(service[1])];
  return undefined;
}

/** The offsets of `key` written as an object key, in order; comments and the insides of strings are skipped. */
function keyOffsets(text: string, key: string): number[] {
  const found: number[] = [];
  const quoted = new Set([`"${key}"`, `'${key}'`]);
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    const comment = commentEnd(text, i);
    if (comment !== undefined) i = comment;
    else if (c === '"' || c === "'" || c === "`") {
      const end = stringEnd(text, i);
      if (quoted.has(text.slice(i, end)) && followedByColon(text, end)) found.push(i);
      i = end;
    } else if (/[A-Za-z_$]/.test(c)) {
      let end = i + 1;
      while (end < text.length && /[\w$]/.test(text[end]!)) end++;
      if (text.slice(i, end) === key && followedByColon(text, end) && text[i - 1] !== ".") found.push(i);
      i = end;
    } else i++;
  }
  return found;
}

/** The offset just past the comment that starts at `i` (a line comment to its end, or a block comment), or undefined where none does. */
function commentEnd(text: string, i: number): number | undefined {
  if (text[i] !== "/" || (text[i + 1] !== "/" && text[i + 1] !== "*")) return undefined;
  const end = text[i + 1] === "/" ? text.indexOf("\n", i) : text.indexOf("*/", i + 2);
  return end === -1 ? text.length : text[i + 1] === "/" ? end : end + 2;
}

/** The offset just past the string literal that starts at `start` (its quote). */
function stringEnd(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === quote) return i + 1;
    else if (text[i] === "\n" && quote !== "`") return i;
  }
  return text.length;
}

/** Whether a `:` follows `end`, past spaces (and not `::`, nor the `?:` of an optional type member). */
function followedByColon(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return text[i] === ":" && text[i + 1] !== ":";
}

/** The offset of the value written after the key at `key` (past its `:` and spaces). */
function valueOffset(text: string, key: number): number {
  let i = text.indexOf(":", key) + 1;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** The offset of item `n` of the array literal written as the value of the key at `key`, or undefined. */
function itemOffset(text: string, key: number, n: number): number | undefined {
  let i = valueOffset(text, key);
  if (text[i] !== "[") return undefined;
  let depth = 0;
  let index = 0;
  let start: number | undefined;
  for (i++; i < text.length; ) {
    const c = text[i]!;
    if (depth === 0 && start === undefined && !/\s/.test(c)) {
      if (c === "]") return undefined;
      start = i;
    }
    const comment = commentEnd(text, i);
    if (comment !== undefined) {
      if (start === i) start = undefined;
      i = comment;
    } else if (c === '"' || c === "'" || c === "`") i = stringEnd(text, i);
    else {
      if (c === "[" || c === "{" || c === "(") depth++;
      else if (depth > 0 && (c === "]" || c === "}" || c === ")")) depth--;
      else if (depth === 0 && (c === "," || c === "]")) {
        if (index === n) return start;
        if (c === "]") return undefined;
        index++;
        start = undefined;
      }
      i++;
    }
  }
  return undefined;
}
