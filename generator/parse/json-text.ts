/**
 * Whether a text is JSON rather than XML: its first character after blanks (and a byte-order mark)
 * is `{`, `[` or `"` (a JSON string, which no XML document starts with). A file of its own, so that
 * reading an XML document does not load the JSON reader (parse/json.ts).
 */
export function isJsonText(content: string): boolean {
  for (let i = content.charCodeAt(0) === 0xfeff ? 1 : 0; i < content.length; i++) {
    const c = content[i];
    if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") return c === "{" || c === "[" || c === '"';
  }
  return false;
}
