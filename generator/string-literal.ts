/**
 * A string as generated code writes it: in double quotes, as JSON writes it, but for a string
 * holding more `"` than `'`, which is in single quotes (`'we"ird'`), as Prettier 3 writes any
 * string literal, taking the quote that needs fewer escapes. The same value either way: JSON's
 * escapes are JavaScript's, and in single quotes a `"` needs none and a `'` needs one. Shared by
 * the emitters and passes/names.ts (a property's quoted key).
 */

/** What JSON.stringify escapes in a string: `"`, a backslash, control characters and (well-formed JSON.stringify) any half of a surrogate pair, which it escapes when alone. */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `value` as a string literal of TypeScript: `"a"`, `"it's"`, `'we"ird'`. */
export function stringLiteral(value: string): string {
  // Most names hold nothing JSON escapes (so no `"`): quoted as they are, without a call into JSON.stringify,
  // whose native call costs more than the text (every string the emitters write comes here, ~70,000 on Graph).
  if (!ESCAPED.test(value)) return `"${value}"`;
  const json = JSON.stringify(value);
  return json.length === value.length + 2 ? json : singleQuoted(value, json);
}

/** In single quotes where `value` holds more `"` than `'` (Prettier's rule), else `json` as it is (a string with a `\` or a line break but no `"` among them). */
function singleQuoted(value: string, json: string): string {
  let doubles = 0;
  let singles = 0;
  for (const c of value) {
    if (c === '"') doubles++;
    else if (c === "'") singles++;
  }
  if (doubles <= singles) return json;
  // JSON's escapes are kept but `\"`, which needs none; a `'` gets one. `\\` is read as one escape,
  // so the `"` of `\\"` (a backslash, then a quote) is still found escaped.
  return `'${json.slice(1, -1).replace(/\\(.)|'/g, (all, escaped: string | undefined) => (escaped === '"' ? '"' : escaped === undefined ? "\\'" : all))}'`;
}
