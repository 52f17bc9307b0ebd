/**
 * An error in a document no one gave (one a reference led to) is printed with the notes (ODG113)
 * that say how it was reached, up to a given input: `a.xml:3:1: info ODG113: b.xml is read as an
 * input too: <edmx:Reference Uri="b.xml"> names it`, then `b.xml`'s for the document it led to.
 * Notes are otherwise printed only with --verbose.
 */
import type { Diagnostic } from "../diagnostics";
import { followedFile } from "../followed-note";

/** Of `all`, the notes that explain how the files of `printed`'s errors were reached (not in `printed`). */
export function referenceChains(printed: readonly Diagnostic[], all: readonly Diagnostic[]): Diagnostic[] {
  const ledTo = new Map<string, Diagnostic>();
  for (const d of all) {
    const file = followedFile(d);
    if (file !== undefined && !ledTo.has(file)) ledTo.set(file, d);
  }
  if (ledTo.size === 0) return [];
  const notes: Diagnostic[] = [];
  const files = [...new Set(printed.filter((d) => d.severity === "error").map((d) => d.file))];
  for (const file of files) {
    const note = ledTo.get(file);
    if (!note || printed.includes(note) || notes.includes(note)) continue;
    notes.push(note);
    if (!files.includes(note.file)) files.push(note.file);
  }
  return notes;
}
