/**
 * Model changes as the CLI prints them, in one format wherever they appear: `odatagen diff`, a
 * regeneration after a spec changed, and `--watch`. One line per change, breaking ones marked:
 *
 *     breaking  removed property            ns.session/isTest: property removed (was Edm.Boolean)
 *     ok        added   property            ns.session/joinWebUrl: property added: Edm.String
 *
 * and a summary: `2 change(s), 1 breaking; suggested bump: major`.
 */
import type { Change, DiffResult } from "../diff/compare";
import { shortWords } from "../diagnostics";
import { out, type Style } from "./style";

/**
 * One change: breaking or ok, what happened, to which kind of element, its path and the detail.
 * A name over 1,000 characters in the path or detail is shortened as a printed diagnostic shortens
 * it (its first 200 and last 40 characters); `diff --json` keeps it whole.
 */
export function changeLine(c: Change, s: Style): string {
  return `${c.breaking ? s.red("breaking") : s.green("ok      ")}  ${c.kind.padEnd(7)} ${c.element.padEnd(19)} ${shortWords(c.path)}: ${shortWords(c.detail)}`;
}

/** `2 change(s), 1 breaking; suggested bump: major` */
export function changeSummary(d: DiffResult, s: Style): string {
  return `${d.changes.length} change(s), ${d.breaking} breaking; suggested bump: ${s.bold(d.bump)}`;
}

/**
 * The lines for a list of changes, at most `limit` of them: the breaking ones first, then the
 * others, shown in the list's order, and a last line saying how many more `odatagen diff` lists.
 */
export function changeLines(d: DiffResult, s: Style, limit = Infinity): string[] {
  const picked = new Set([...d.changes.filter((c) => c.breaking), ...d.changes.filter((c) => !c.breaking)].slice(0, limit));
  const lines = d.changes.filter((c) => picked.has(c)).map((c) => changeLine(c, s));
  const more = d.changes.length - picked.size;
  if (more > 0) lines.push(`… ${more} more change(s) (odatagen diff <old> <new> lists every change)`);
  return lines;
}

/** After a regeneration (`generate` after a spec changed, `--watch` after any change) that changed the model: the summary, then up to 20 changes. */
export function printModelChanges(service: string, d: DiffResult): void {
  const s = out.style;
  out.print(`odatagen: ${service}: model changes: ${changeSummary(d, s)}`);
  for (const line of changeLines(d, s, 20)) out.print(`  ${line}`);
  for (const note of d.notes ?? []) out.print(`  ${note}`);
}

/**
 * After a regeneration that replaced an output no model summary was kept for (one checked out from
 * git, generated on another machine or with a cache since cleared): no changes can be listed.
 */
export function printModelChangesUnknown(service: string): void {
  out.print(`odatagen: ${service}: model changes: not known (no model was kept for the output that was in the folder, generated elsewhere or checked out); odatagen diff <old> <new> compares two versions of the spec`);
}
