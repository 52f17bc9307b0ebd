/**
 * The doc comments of the generated code, as short hashes: a description (Core.Description,
 * Core.LongDescription) or deprecation (Core.Revisions) changed changes the published `.d.ts` and
 * nothing else, a patch. A hash per described element keeps the summary small (Graph: ~0.3 MB).
 */
import { deprecation, description } from "../model/rules";
import type { Annotation } from "../model/types";
import type { ModelSummary } from "./summary";

/** The hash of an element's doc comment text, or undefined when it has none. */
export function docHash(annotations: readonly Annotation[]): string | undefined {
  const d = description(annotations);
  const r = deprecation(annotations);
  return d === undefined && r === undefined ? undefined : fnv1a(`${d ?? ""}\u0000${r ?? ""}`);
}

/** 32-bit FNV-1a, base 36: enough to tell that a text changed. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * The elements both versions have whose doc comment changed (added, removed or reworded); an element
 * added or removed is reported as such, not here. Paths as `summarize` records them, in the new
 * version's names: `renamed` maps an old owner (a type moved to another namespace, an operation
 * whose key names one: compare.ts) to its new name, so that a moved element's doc comment is
 * compared with its own (`a.place/city` with `b.place/city`).
 */
export function changedDocs(a: ModelSummary, b: ModelSummary, renamed: ReadonlyMap<string, string> = new Map()): string[] {
  // A summary kept by an older version (format 2 or before) has none: nothing to compare.
  const da = a.docs;
  const db = b.docs;
  if (!da || !db) return [];
  const back = new Map([...renamed].map(([from, to]) => [to, from]));
  const other = (path: string, names: ReadonlyMap<string, string>) => {
    const slash = path.lastIndexOf("/");
    const owner = slash < 0 ? path : path.slice(0, slash);
    const to = names.get(owner);
    return to === undefined ? path : to + path.slice(owner.length);
  };
  // Each element as [old path, new path].
  const pairs = new Map<string, string>();
  for (const p of Object.keys(da)) pairs.set(other(p, renamed), p);
  for (const p of Object.keys(db)) if (!pairs.has(p)) pairs.set(p, other(p, back));
  // Own entries only: an entity set may be named `constructor` or `__proto__`.
  const own = (docs: Record<string, string>, path: string) => (Object.hasOwn(docs, path) ? docs[path] : undefined);
  return [...pairs].filter(([now, was]) => own(da, was) !== own(db, now) && has(a, was) && has(b, now) && !unknown(a, da, was) && !unknown(b, db, now)).map(([now]) => now);
}

/** The summary format that records an action or function import's doc comment (summary.ts). */
const IMPORT_DOCS_FORMAT = 4;

/**
 * An import's doc comment a summary kept by an older version (format 3 or before) did not record:
 * its hash is missing there though the import may have one, so it is not known, not none.
 */
function unknown(s: ModelSummary, docs: Record<string, string>, path: string): boolean {
  return (s.format ?? 1) < IMPORT_DOCS_FORMAT && !Object.hasOwn(docs, path) && s.imports?.has(path) === true;
}

/**
 * Whether `s` has the element at `path`: an operation (`ns.f(binding)`, its parameters after a `/`),
 * a type (`ns.T`) or its property or navigation property (`ns.T/p`), an entity set, singleton or import.
 */
function has(s: ModelSummary, path: string): boolean {
  const slash = path.lastIndexOf("/");
  const [owner, member] = slash < 0 ? [path, undefined] : [path.slice(0, slash), path.slice(slash + 1)];
  const op = s.operations.get(owner);
  if (op) return member === undefined || op.parameters.some((p) => p.name === member);
  const t = s.types.get(owner);
  if (t) return member === undefined || t.properties.has(member) || t.navigation.has(member);
  return member === undefined && (s.entrySets.has(path) || s.imports?.has(path) === true);
}
