/**
 * Colour for terminals only: on when the stream is a TTY, off with NO_COLOR, forced on with
 * FORCE_COLOR (FORCE_COLOR=0 forces it off).
 */
import { formatDiagnostic, type Diagnostic } from "../diagnostics";

export function colorEnabled(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return Boolean(stream.isTTY);
}

export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export function style(on: boolean): Style {
  const wrap = (open: number, close: number) => (s: string) => (on ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

export const out = {
  get style(): Style {
    return style(colorEnabled(process.stdout));
  },
  print(line = ""): void {
    process.stdout.write(line + "\n");
  },
};

export const err = {
  get style(): Style {
    return style(colorEnabled(process.stderr));
  },
  print(line = ""): void {
    process.stderr.write(line + "\n");
  },
};

/** Diagnostics a text-mode run prints at most; `--verbose` prints them all. */
export const SHOWN_DIAGNOSTICS = 100;

export interface PrintOptions {
  /** A word in parentheses at a line's end (`diff` says which version a warning is of). */
  labelOf?: (d: Diagnostic) => string;
  /** Printed at most; the rest are counted in one line. */
  limit?: number;
  /** Said on that line: how to see the rest (`--verbose prints them all`). */
  rest?: string;
}

/**
 * Diagnostics sorted by file, line and column, one per line, severity coloured. Over `limit`, the
 * errors are chosen first, then warnings, then notes, shown in that sorted order, and a last line
 * counts those left out: `… 49900 more (49900 errors, 0 warnings; --verbose prints them all)`.
 */
export function printDiagnostics(diags: readonly Diagnostic[], options: PrintOptions = {}): void {
  const { labelOf, limit = Infinity, rest } = options;
  const s = err.style;
  const sorted = [...diags].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  const picked = sorted.length <= limit ? sorted : chosen(sorted, limit);
  for (const d of picked) {
    const text = formatDiagnostic(d);
    const tag = `${d.severity} ${d.code}`;
    const coloured = d.severity === "error" ? s.red(tag) : d.severity === "warning" ? s.yellow(tag) : s.dim(tag);
    const label = labelOf?.(d);
    err.print(text.replace(tag, d.accepted === undefined ? coloured : s.dim(tag)) + (label ? ` (${label})` : ""));
  }
  if (picked.length === sorted.length) return;
  const shown = new Set(picked);
  const hidden = sorted.filter((d) => !shown.has(d));
  const notes = hidden.filter((d) => d.severity === "info").length;
  err.print(`… ${hidden.length} more (${countLine(hidden)}${notes ? `, ${notes} note${notes === 1 ? "" : "s"}` : ""}${rest ? `; ${rest}` : ""})`);
}

/** The first `limit` of sorted diagnostics, errors before warnings before notes, in their order. */
function chosen(sorted: readonly Diagnostic[], limit: number): Diagnostic[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const picked = new Set([...sorted].sort((a, b) => rank[a.severity] - rank[b.severity]).slice(0, limit));
  return sorted.filter((d) => picked.has(d));
}

/** `2 errors, 1 warning`; accepted warnings are not counted (the caller says how many there are). */
export function countLine(diags: readonly Diagnostic[]): string {
  const e = diags.filter((d) => d.severity === "error").length;
  const w = diags.filter((d) => d.severity === "warning" && d.accepted === undefined).length;
  return `${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}`;
}
