/**
 * The files `--check` and `--dry-run` list, each with one word for how it stands against a fresh
 * run, the same in both modes: `missing` (a fresh run writes it: deleted, or new in this spec),
 * `changed`, `edited` (changed by hand since odatagen wrote it: the run keeps a copy before it
 * overwrites or removes it), `removed` (stale: a fresh run removes it).
 */
import type { Plan } from "../write/plan";
import { MANIFEST } from "../write/manifest";
import type { Style } from "./style";

export type FileState = "missing" | "changed" | "edited" | "removed";

export interface ListedFile {
  state: FileState;
  file: string;
  /** Said after the name, in parentheses; "" for none. */
  note: string;
  /** A generated file whose content on disk differs from the fresh one: `--check` shows the difference. */
  diff: boolean;
}

/**
 * What differs, in order: missing, changed, edited, removed, then the manifest. `removing` is the
 * stale files the run removes (none with `--no-clean`); `edits` the folder the copies of edited
 * files go to, as shown.
 */
export function listPlan(plan: Plan, removing: readonly string[], edits: string): ListedFile[] {
  const removed = new Set(removing);
  const edited = new Set(plan.edited.filter((f) => removed.has(f) || plan.changed.includes(f)));
  const keeps = `keeping a copy in ${edits}`;
  const list: ListedFile[] = [
    ...plan.added.map((file) => ({ state: "missing" as const, file, note: "", diff: false })),
    ...plan.changed.filter((f) => !edited.has(f)).map((file) => ({ state: "changed" as const, file, note: "", diff: true })),
    ...[...edited].map((file) => ({
      state: "edited" as const, file, diff: !removed.has(file),
      note: removed.has(file)
        ? `edited since odatagen wrote it, and no longer generated; \`odatagen generate\` removes it, ${keeps}`
        : `edited since odatagen wrote it; \`odatagen generate\` overwrites it, ${keeps}`,
    })),
    ...removing.filter((f) => !edited.has(f)).map((file) => ({ state: "removed" as const, file, note: "stale: no longer generated", diff: false })),
  ];
  // An output folder without a readable manifest gets one from the run: a difference, said so.
  const m = plan.manifestProblem;
  if (m?.kind === "missing") list.push({ state: "missing", file: MANIFEST, note: "the list of the files odatagen wrote; `odatagen generate` writes it", diff: false });
  else if (m) list.push({ state: "changed", file: MANIFEST, note: `unreadable: ${m.reason}; \`odatagen generate\` writes it anew`, diff: false });
  return list;
}

/** A listed file's line: its state word, coloured and padded so that the names line up, then the name and note. */
export function listedLine(f: ListedFile, s: Style): string {
  const colour = f.state === "missing" ? s.green : f.state === "changed" ? s.yellow : s.red;
  return `  ${colour(f.state)}${" ".repeat(9 - f.state.length)}${f.file}${f.note ? ` (${f.note})` : ""}`;
}
