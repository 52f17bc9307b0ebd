/**
 * The reference map `odatagen fetch` writes beside a document it saves (`specs/sap.xml` →
 * `specs/sap.references.json`): each `http:`/`https:` `edmx:Reference` Uri it downloaded → the file it
 * saved that document in, a path from the map's folder. The follower (write/follow.ts) reads it to
 * follow such a Uri to that file, offline: nothing is fetched at generate time, and the file is
 * followed under the rules of a relative Uri (in an input's folder or below it). Node built-ins only.
 *
 * ```json
 * { "references": { "https://host/vocabularies/Common.xml": "sap.Common.xml" } }
 * ```
 */
import * as path from "node:path";

/** The map file of a document (its path without its extension, then `.references.json`). */
export function referenceMapFile(document: string): string {
  const ext = path.extname(document);
  return `${ext ? document.slice(0, -ext.length) : document}.references.json`;
}

/** A parsed map: Uri → file (as written: a relative path, `/`-separated), or what is wrong with it. */
export type ReferenceMap = { ok: true; references: Map<string, string> } | { ok: false; problem: string };

export function parseReferenceMap(text: string): ReferenceMap {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, problem: `not valid JSON (${(e as Error).message})` };
  }
  const refs = json !== null && typeof json === "object" && !Array.isArray(json) ? (json as { references?: unknown }).references : undefined;
  if (refs === null || typeof refs !== "object" || Array.isArray(refs)) return { ok: false, problem: 'expected an object with a "references" object (Uri → file)' };
  const references = new Map<string, string>();
  for (const [uri, file] of Object.entries(refs as Record<string, unknown>)) {
    const why = typeof file !== "string" ? "is not a string" : mappedFileProblem(file);
    if (why) return { ok: false, problem: `references[${JSON.stringify(uri)}] ${why}` };
    references.set(uri, file as string);
  }
  return { ok: true, references };
}

/**
 * Why a map's file is not one it may name: it must be a relative path going down from the map's
 * folder (no `..` segment, not absolute, no drive), so that a map cannot lead out of the project.
 */
export function mappedFileProblem(file: string): string | undefined {
  if (file === "" || file.includes("\0")) return "names no file";
  if (/^[\\/]/.test(file) || /^[a-z]:/i.test(file)) return `(${JSON.stringify(file)}) is absolute; it must be a path from the map's folder`;
  if (file.split(/[\\/]/).some((s) => s === ".." || s === "")) return `(${JSON.stringify(file)}) must go down from the map's folder (no "..", no empty segment)`;
  return undefined;
}

/** The map's text, as fetch writes it: sorted by Uri, so that the same references give the same bytes. */
export function formatReferenceMap(references: ReadonlyMap<string, string>): string {
  const sorted = [...references].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify({ references: Object.fromEntries(sorted) }, null, 2)}\n`;
}
