/**
 * The text of one input file. Line and column numbers are computed only when a diagnostic needs
 * them, so a clean run pays nothing for positions.
 */
export class SourceText {
  private lineStarts: number[] | undefined;
  /** The text the XML parser reads: `text`, or a one-byte copy of it with the same offsets (narrow.ts). */
  parsed: string;
  /** Puts back into a value read from `parsed` the characters the copy replaced; absent when none were. */
  restore: ((value: string) => string) | undefined;
  /** The start tags whose attribute values the XML reader takes from the text (WellFormedResult.spacedTags). */
  spacedTags: ReadonlySet<number> | undefined;
  /** Whether an element inside a schema or an include declares a namespace (WellFormedResult.nestedDeclarations). */
  nestedDeclarations = false;

  constructor(
    /** The path as the user gave it (shown in diagnostics). */
    readonly file: string,
    readonly text: string,
    /** The form the document is written in, so that diagnostics name what its author wrote (model/wording.ts). */
    readonly format: "xml" | "json" = "xml",
  ) {
    this.parsed = text;
  }

  /** 1-based line and column of a character offset. */
  position(offset: number): { line: number; column: number } {
    const starts = (this.lineStarts ??= computeLineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** Removes a UTF-8 byte-order mark; Graph's published metadata starts with one. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
