/**
 * The warnings of `odatagen diff`'s two versions, each printed once and labelled with the version
 * it came from: a document given as both versions, or a warning both versions share (the same code,
 * message and element), is one warning of both. One the new version has at another line or column
 * (a line added above it) is printed at its new place, naming the old one.
 */
import * as path from "node:path";
import type { Diagnostic } from "../diagnostics";

/** A warning of one version, or of both (`alsoIn`: the new version's file when it is not the old's; `movedFrom`: the old place of one that moved). */
export interface VersionWarning {
  diagnostic: Diagnostic;
  versions: "old" | "new" | "both";
  alsoIn?: string;
  movedFrom?: string;
}

/** What a warning says apart from its file and place: two versions' warnings alike in this are one. */
function sameWarning(d: Diagnostic): string {
  return JSON.stringify([d.code, d.severity, d.message, d.path]);
}

/** The same, at the same line and column. */
function samePlace(d: Diagnostic): string {
  return JSON.stringify([sameWarning(d), d.line, d.column]);
}

/** Takes the new version's twin of `d` by `key` from `unmatched`: one in the same file first. */
function takeTwin(unmatched: Map<string, Diagnostic[]>, key: string, d: Diagnostic): { twin: Diagnostic; sameFile: boolean } | undefined {
  const twins = unmatched.get(key) ?? [];
  if (!twins.length) return undefined;
  const same = twins.findIndex((n) => path.resolve(n.file) === path.resolve(d.file));
  const [twin] = twins.splice(Math.max(0, same), 1);
  return { twin, sameFile: same >= 0 };
}

/** The new version's warnings by `key`, in their order. */
function byKey(warnings: readonly Diagnostic[], key: (d: Diagnostic) => string): Map<string, Diagnostic[]> {
  const map = new Map<string, Diagnostic[]>();
  for (const d of warnings) map.set(key(d), [...(map.get(key(d)) ?? []), d]);
  return map;
}

export function versionWarnings(oldWarnings: readonly Diagnostic[], newWarnings: readonly Diagnostic[]): VersionWarning[] {
  const atPlace = byKey(newWarnings, samePlace);
  const merged: VersionWarning[] = oldWarnings.map((d) => {
    const found = takeTwin(atPlace, samePlace(d), d);
    if (!found) return { diagnostic: d, versions: "old" };
    return found.sameFile ? { diagnostic: d, versions: "both" } : { diagnostic: d, versions: "both", alsoIn: found.twin.file };
  });
  // Of those left, one the new version has elsewhere (its line moved) is the same warning.
  const left = new Set([...atPlace.values()].flat());
  const moved = byKey(newWarnings.filter((d) => left.has(d)), sameWarning);
  for (const [i, w] of merged.entries()) {
    if (w.versions !== "old") continue;
    const found = takeTwin(moved, sameWarning(w.diagnostic), w.diagnostic);
    if (!found) continue;
    left.delete(found.twin);
    const old = w.diagnostic;
    merged[i] = { diagnostic: found.twin, versions: "both", movedFrom: `${old.file}${old.line ? `:${old.line}:${old.column}` : ""}` };
  }
  for (const d of newWarnings) if (left.has(d)) merged.push({ diagnostic: d, versions: "new" });
  return merged;
}

/** `old version`, `new version`, `old and new versions` (`…; new: v2/main.xml` when its file is another, `…; old: v1/main.xml:6:9` when it moved). */
export function versionLabel(w: VersionWarning): string {
  if (w.versions !== "both") return `${w.versions} version`;
  if (w.movedFrom !== undefined) return `old and new versions; old: ${w.movedFrom}`;
  return w.alsoIn === undefined ? "old and new versions" : `old and new versions; new: ${w.alsoIn}`;
}
