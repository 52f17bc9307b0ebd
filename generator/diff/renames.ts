/**
 * Guesses at renames within one type. Metadata says nothing of renames: a property renamed is one
 * removed and one added. Where a type lost exactly one member that matches exactly one member it
 * gained (a property or navigation property of the same type, an enum member of the same value),
 * `diff` names each on the other's line as a likely rename, so a reader sees one change rather than
 * two unrelated ones. It stays two changes, the removal breaking: code written against the old name
 * no longer compiles, whatever the reason.
 */

/**
 * Old name → new name, for each removed member whose only match among the added ones has it as its
 * only match among the removed (two removed strings and one added string pair nothing: which one
 * was renamed cannot be told).
 */
export function likelyRenames<T>(removed: ReadonlyMap<string, T>, added: ReadonlyMap<string, T>, same: (was: T, now: T) => boolean): Map<string, string> {
  const pairs = new Map<string, string>();
  if (removed.size === 0 || added.size === 0) return pairs;
  const matches = (was: T) => [...added].filter(([, now]) => same(was, now)).map(([n]) => n);
  for (const [name, was] of removed) {
    const found = matches(was);
    if (found.length !== 1) continue;
    const now = added.get(found[0])!;
    const back = [...removed].filter(([, w]) => same(w, now));
    if (back.length === 1) pairs.set(name, found[0]);
  }
  return pairs;
}

/** The words each line gets: the removed one names the added one, and the other way round. */
export function renameWords(what: string): { to: (name: string) => string; from: (name: string) => string } {
  return {
    to: (name) => `; perhaps renamed to ${name}, added with ${what}`,
    from: (name) => `; perhaps renamed from ${name}, removed with ${what}`,
  };
}

/** New name → old name. */
export function inverse(renames: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...renames].map(([from, to]) => [to, from]));
}
