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
 * was renamed cannot be told). A match: the same key, `match.was` of the removed one's and
 * `match.now` of the added one's; each member's taken once, so that a container losing thousands of
 * sets of one type and gaining as many is compared in linear time, not in their product.
 */
export function likelyRenames<T>(removed: ReadonlyMap<string, T>, added: ReadonlyMap<string, T>, match: RenameMatch<T>): Map<string, string> {
  const pairs = new Map<string, string>();
  if (removed.size === 0 || added.size === 0) return pairs;
  const byKey = (members: ReadonlyMap<string, T>, key: (member: T) => string) => {
    const names = new Map<string, string[]>();
    for (const [name, member] of members) {
      const k = key(member);
      const found = names.get(k);
      if (found) found.push(name);
      else names.set(k, [name]);
    }
    return names;
  };
  const gone = byKey(removed, match.was);
  const gained = byKey(added, match.now);
  for (const [k, was] of gone) {
    const now = gained.get(k);
    if (was.length === 1 && now?.length === 1) pairs.set(was[0]!, now[0]!);
  }
  return pairs;
}

/** What makes a removed member (`was`) and an added one (`now`) a match: the same key. */
export interface RenameMatch<T> {
  was: (member: T) => string;
  now: (member: T) => string;
}

/** A member's path: `owner/name`, or the name alone without an owner. */
const within = (owner: string, name: string) => (owner ? `${owner}/${name}` : name);

/** What a removed or an added member's line gets: the words after its detail, and the other's path. */
export interface RenameHint {
  words: string;
  path: { renamedTo?: string; renamedFrom?: string };
}

/**
 * The likely renames among the members `owner` lost and gained (`match` tells a match; `what` names
 * it in the words: "the same type"), as a hint for each removed and each added member's line (no
 * words and no path where it is none). An empty `owner`: the members are the container's entity
 * sets and singletons, whose paths are their names.
 */
export function renameHints<T>(owner: string, removed: ReadonlyMap<string, T>, added: ReadonlyMap<string, T>, match: RenameMatch<T>, what: string) {
  const to = likelyRenames(removed, added, match);
  const from = new Map([...to].map(([was, now]) => [now, was]));
  const none: RenameHint = { words: "", path: {} };
  return {
    removed: (name: string): RenameHint => {
      const now = to.get(name);
      return now === undefined ? none : { words: `; perhaps renamed to ${now}, added with ${what}`, path: { renamedTo: within(owner, now) } };
    },
    added: (name: string): RenameHint => {
      const was = from.get(name);
      return was === undefined ? none : { words: `; perhaps renamed from ${was}, removed with ${what}`, path: { renamedFrom: within(owner, was) } };
    },
  };
}
