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

/**
 * Diagnostics sorted by file, line and column, one per line, severity coloured; `labelOf` adds a
 * word in parentheses at a line's end (`diff` says which version a warning is of).
 */
export function printDiagnostics(diags: readonly Diagnostic[], labelOf?: (d: Diagnostic) => string): void {
  const s = err.style;
  const sorted = [...diags].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  for (const d of sorted) {
    const text = formatDiagnostic(d);
    const tag = `${d.severity} ${d.code}`;
    const coloured = d.severity === "error" ? s.red(tag) : d.severity === "warning" ? s.yellow(tag) : s.dim(tag);
    err.print(text.replace(tag, coloured) + (labelOf ? ` (${labelOf(d)})` : ""));
  }
}

/** `2 errors, 1 warning` */
export function countLine(diags: readonly Diagnostic[]): string {
  const e = diags.filter((d) => d.severity === "error").length;
  const w = diags.filter((d) => d.severity === "warning").length;
  return `${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}`;
}
