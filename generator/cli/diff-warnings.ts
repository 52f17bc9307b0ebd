/**
 * The warnings of `odatagen diff`'s two versions, each printed once and labelled with the version
 * it came from: a document given as both versions, or a warning both versions share (the same code,
 * message, element and position), is one warning of both.
 */
import * as path from "node:path";
import type { Diagnostic } from "../diagnostics";

/** A warning of one version, or of both (`alsoIn`: the new version's file when it is not the old's). */
export interface VersionWarning {
  diagnostic: Diagnostic;
  versions: "old" | "new" | "both";
  alsoIn?: string;
}

/** What a warning says apart from its file: two versions' warnings alike in this are one. */
function sameWarning(d: Diagnostic): string {
  return JSON.stringify([d.code, d.severity, d.message, d.path, d.line, d.column]);
}

export function versionWarnings(oldWarnings: readonly Diagnostic[], newWarnings: readonly Diagnostic[]): VersionWarning[] {
  const unmatched = new Map<string, Diagnostic[]>();
  for (const d of newWarnings) {
    const key = sameWarning(d);
    unmatched.set(key, [...(unmatched.get(key) ?? []), d]);
  }
  const merged: VersionWarning[] = oldWarnings.map((d) => {
    const twins = unmatched.get(sameWarning(d)) ?? [];
    if (!twins.length) return { diagnostic: d, versions: "old" };
    // The same file in both versions first, then another file with the same warning.
    const same = twins.findIndex((n) => path.resolve(n.file) === path.resolve(d.file));
    const [twin] = twins.splice(Math.max(0, same), 1);
    return same >= 0 ? { diagnostic: d, versions: "both" } : { diagnostic: d, versions: "both", alsoIn: twin.file };
  });
  for (const rest of unmatched.values()) for (const d of rest) merged.push({ diagnostic: d, versions: "new" });
  return merged;
}

/** `old version`, `new version`, `old and new versions` (`…; new: v2/main.xml` when its file is another). */
export function versionLabel(w: VersionWarning): string {
  if (w.versions !== "both") return `${w.versions} version`;
  return w.alsoIn === undefined ? "old and new versions" : `old and new versions; new: ${w.alsoIn}`;
}
