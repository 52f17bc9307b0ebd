/**
 * A slice pattern written as documentation and the generated code name a type or operation, without
 * its namespace (`session`, `Session`, `callRecords.session`), matches nothing: patterns match
 * qualified names, and a name without wildcards only itself. ODG302 then suggests the qualified names
 * that end in it, the exact spelling's first, then those that differ in case.
 */

/** How many names the hint lists before it counts the rest. */
const SHOWN = 3;

/** The qualified names ending in `.text`, as "did you mean" lists them; undefined when none does. */
export function namesEndingIn(text: string, names: Iterable<string>): string | undefined {
  if (!text || text.startsWith(".") || /[*?]/.test(text)) return undefined;
  const exact: string[] = [];
  const cased: string[] = [];
  const lower = `.${text.toLowerCase()}`;
  for (const name of names) {
    if (name.endsWith(`.${text}`)) exact.push(name);
    else if (name.toLowerCase().endsWith(lower)) cased.push(name);
  }
  const found = [...exact, ...cased];
  if (!found.length) return undefined;
  if (found.length === 1) return found[0];
  if (found.length <= SHOWN) return `${found.slice(0, -1).join(", ")} or ${found[found.length - 1]}`;
  const more = found.length - SHOWN;
  return `${found.slice(0, SHOWN).join(", ")} or ${more === 1 ? "one more name" : `one of ${more} more names`} ending in .${text}`;
}

/**
 * A pattern without wildcards that is the start of namespaces but none itself (`microsoft`, or
 * `contoso.api` where only `contoso.api.v1` and `contoso.api.v2` hold types) matches nothing, as a
 * namespace names only its own types: the glob `text.**` that takes them all; undefined when no
 * qualified name starts with `text.` (as written: a name in another case is left to `nearestName`).
 * A start written with its dot (`microsoft.`) gets the same glob.
 */
export function namespacePrefix(text: string, names: Iterable<string>): string | undefined {
  const start = text.endsWith(".") ? text.slice(0, -1) : text;
  if (!start || start.endsWith(".") || /[*?]/.test(start)) return undefined;
  for (const name of names) if (name.startsWith(`${start}.`)) return `${start}.**`;
  return undefined;
}
