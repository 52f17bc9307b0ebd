/**
 * Diagnostics are data: every problem found in an input is collected with its code, its place in the
 * file and the path of the element it concerns, then reported together. Library code never prints.
 */
import type { SourceText } from "./parse/source";
import { unseenEscaped } from "./unseen-characters";

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  /** Stable identifier, e.g. `ODG101`; documented in the README. */
  code: string;
  severity: Severity;
  message: string;
  /** The input file, as the user named it. */
  file: string;
  /** 1-based; 0 when the position is not known. */
  line: number;
  /** 1-based; 0 when the position is not known. */
  column: number;
  /** The element's path, e.g. `microsoft.graph.callRecords.session/modalities`. */
  path: string;
  /**
   * A warning the service accepts (`acceptWarnings`): the entry that accepts it, as written
   * (`ODG108 API_TEST_SRV.*`). It does not fail a run under `--fail-on-warnings`.
   */
  accepted?: string;
}

/** The catalogue of diagnostic codes. The README lists them. */
export const Codes = {
  fileUnreadable: "ODG001",
  xmlMalformed: "ODG002",
  notCsdl: "ODG003",
  noSchema: "ODG004",
  unsupportedInput: "ODG005",
  missingAttribute: "ODG101",
  invalidAttribute: "ODG102",
  undefinedType: "ODG103",
  duplicateName: "ODG104",
  badBaseType: "ODG105",
  badKey: "ODG106",
  undefinedNavigationTarget: "ODG107",
  unknownPrimitive: "ODG108",
  cyclicBaseType: "ODG109",
  nameChanged: "ODG201",
  unresolvedReference: "ODG110",
  baseTypeTooDeep: "ODG111",
  unknownCsdl: "ODG112",
  referenceFollowed: "ODG113",
  badPattern: "ODG301",
  sliceEmpty: "ODG302",
  sliceExcludedBase: "ODG303",
  slicePruned: "ODG304",
  sliceSummary: "ODG305",
  whyWithoutSlice: "ODG306",
  requestsUnread: "ODG307",
  requestOutsideService: "ODG308",
  outputConflict: "ODG401",
  outputLocked: "ODG402",
  outputUnwritable: "ODG403",
  outputTooLarge: "ODG404",
  outputBadName: "ODG405",
  typescriptMissing: "ODG406",
  emitFailed: "ODG407",
  acceptedNothing: "ODG501",
  requestRefused: "ODG601",
  requestAnsweredError: "ODG602",
  requestWithoutHeader: "ODG603",
  requestNotRead: "ODG604",
} as const;

/** Where a raw element came from: a file and a character offset, turned into line/column on demand. */
export interface SourceRef {
  source: SourceText;
  offset: number;
}

/**
 * A place given whole rather than found in a parsed input: a value in a config file (`line` and
 * `column` 0 in a module config, which has no source positions), with its element path there
 * (`services[0].include[1]`).
 */
export interface Place {
  file: string;
  line: number;
  column: number;
  path: string;
}

/** `file:line` of a place, for a message that points at another element (the first of two). */
export function placeOf(at: SourceRef): string {
  return `${at.source.file}:${at.source.position(at.offset).line}`;
}

/**
 * Collects diagnostics for one generation run. A message or path quotes names from the metadata:
 * one holding a bidirectional control or a character that shows nothing (`id\ufeff`, a BOM pasted
 * into a key's name) keeps it escaped (unseenEscaped), or the message would read otherwise than it
 * is, or name what looks like another name (`"id" is not a property (did you mean id?)`).
 */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  add(code: string, severity: Severity, message: string, path: string, at?: SourceRef): void {
    const pos = at ? at.source.position(at.offset) : { line: 0, column: 0 };
    this.items.push({
      code,
      severity,
      message: unseenEscaped(message),
      file: at ? at.source.file : "",
      line: pos.line,
      column: pos.column,
      path: unseenEscaped(path),
    });
  }

  error(code: string, message: string, path: string, at?: SourceRef): void {
    this.add(code, "error", message, path, at);
  }

  /** An error at a place given whole (a config file's value). */
  errorAt(code: string, message: string, place: Place): void {
    this.addAt(code, "error", message, place);
  }

  /** A diagnostic at a place given whole (a config file's value). */
  addAt(code: string, severity: Severity, message: string, place: Place): void {
    this.items.push({ code, severity, message: unseenEscaped(message), file: place.file, line: place.line, column: place.column, path: unseenEscaped(place.path) });
  }

  /** An error about a whole file, with no position in it (it cannot be read, or what it makes is too big). */
  fileError(code: string, message: string, file: string, path = ""): void {
    this.items.push({ code, severity: "error", message: unseenEscaped(message), file, line: 0, column: 0, path: unseenEscaped(path) });
  }

  warning(code: string, message: string, path: string, at?: SourceRef): void {
    this.add(code, "warning", message, path, at);
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }

  /** Whether an error was added after the first `start` items. */
  /** Runs `f`, dropping what it reports: reading done only to choose (a slice's names), whose problems a slice does not report. */
  quietly<T>(f: () => T): T {
    const before = this.items.length;
    try {
      return f();
    } finally {
      this.items.length = before;
    }
  }

  hasErrorsSince(start: number): boolean {
    for (let k = start; k < this.items.length; k++) if (this.items[k]?.severity === "error") return true;
    return false;
  }
}

/**
 * Thrown by `generate()` when the inputs have errors; carries every diagnostic found. Its message
 * names the first errors as the CLI prints them, for tools that show only a message (a bundler
 * plugin's overlay), `2 error(s) in the input: spec.xml:3:5: error ODG103: …; … (and 1 more)`.
 */
export class GenerationError extends Error {
  /** `where`: what the errors are in — the input (generate), or writing the output (writeOutput). */
  constructor(readonly diagnostics: Diagnostic[], where = "in the input") {
    const errors = diagnostics.filter((d) => d.severity === "error");
    const shown = errors.slice(0, 3).map(formatDiagnostic).join("; ");
    super(`${errors.length} error(s) ${where}${shown && `: ${shown}`}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ""}`);
    this.name = "GenerationError";
  }
}

/** Why an input file could not be read (ODG001): the system's error code, or in words when it is too large. */
export function unreadableReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const { size, limit, perByte } = e as { size?: number; limit?: number; perByte?: number };
  if (limit !== undefined && perByte !== undefined) return tooLargeReason(limit, perByte, size);
  if (code === "ERR_STRING_TOO_LONG" || code === "ERR_FS_FILE_TOO_LARGE") return "the file is larger than the longest string JavaScript can hold (512 MB)";
  if (code === undefined) return (e as Error).message;
  const words = ERRNO_WORDS[code];
  return words ? `${words} (${code})` : code;
}

/**
 * An input over the `limit` this process reads (its heap's limit over `perByte`, what reading takes a
 * byte at most), of `size` bytes (a pipe's unknown), with the Node option that gives it enough.
 */
function tooLargeReason(limit: number, perByte: number, size?: number): string {
  const mb = (n: number) => Math.ceil(n / 1e6);
  // A pipe's size is not known: enough for twice the limit, a number a shell takes as it is.
  const heap = Math.ceil(((size ?? 2 * limit) * perByte) / 2 ** 30) * 1024;
  return `${size === undefined ? "the input is longer than" : `the file is ${mb(size)} MB, more than`} the ${mb(limit)} MB this process reads (reading takes up to ${perByte} times an input's size in memory); to read it, give Node more: NODE_OPTIONS=--max-old-space-size=${heap}${size === undefined ? " (or more)" : ""}`;
}

/** The file-system refusals a user meets most, in words; the code stays beside them for searching. */
const ERRNO_WORDS: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "a part of the path is a file, not a folder",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "the path is too long",
  EMFILE: "too many open files",
};

/** `file:line:column: severity CODE message (at path)` — the format compilers and editors understand. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}:${d.column}` : ""}: ` : "";
  const at = d.path ? ` [${shortPath(d.path)}]` : "";
  return printable(`${where}${d.severity} ${d.code}: ${shortWords(d.message)}${shortWords(at)}`);
}

/** A word (a run without spaces) a printed diagnostic shows whole: longer than any name or path a person writes. */
const LONGEST_WORD = 1000;

/**
 * A message as a printed diagnostic shows it: a word longer than LONGEST_WORD characters (a
 * 100,000-digit `MaxLength`, a name megabytes long, quoted from a hostile document), or a quoted
 * value that long with spaces in it (a `DefaultValue` of a page of text), keeps its first 200 and
 * last 40 characters, with the count of those between:
 * `MaxLength="99999…(99760 more characters)…99999"`. `Diagnostic.message` keeps the whole text.
 * The CLI's other lines that quote names from a document (`diff`'s changes) are shortened so too.
 */
export function shortWords(text: string): string {
  if (text.length <= LONGEST_WORD) return text;
  // `{n}` then `*`: `{n,}` over a word of millions of characters overflows V8's stack (a RangeError).
  return text.replace(new RegExp(`"[^"\\n]{${LONGEST_WORD + 1}}[^"\\n]*"|\\S{${LONGEST_WORD + 1}}\\S*`, "g"), (word) => {
    const head = cutAt(word, 200);
    const tail = cutAt(word, word.length - 40);
    return `${word.slice(0, head)}…(${tail - head} more characters)…${word.slice(tail)}`;
  });
}

/** `at`, or one before it where `at` would split a surrogate pair (half an emoji is not printable). */
function cutAt(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff ? at - 1 : at;
}

/** Steps of an element path a printed diagnostic shows at most: the first and last half of them. */
const SHOWN_STEPS = 8;

/**
 * An element path as a printed diagnostic shows it: one deeper than a few steps (an annotation's
 * records nested a hundred deep) keeps its first and last steps, with the count of those between,
 * `ns.t/p/Annotation/Record/…(290 more)…/Record/PropertyValue/String`. `Diagnostic.path` and
 * `generate()`'s diagnostics keep the whole path.
 */
export function shortPath(path: string): string {
  const steps = path.split("/");
  const keep = SHOWN_STEPS / 2;
  // Shortened only when that leaves out more than it adds: `…(N more)…` stands for several steps.
  if (steps.length <= SHOWN_STEPS + 2) return path;
  return `${steps.slice(0, keep).join("/")}/…(${steps.length - SHOWN_STEPS} more)…/${steps.slice(-keep).join("/")}`;
}

/**
 * One line of plain text: names come from the spec, and a control character in one (an escape
 * sequence, a line break) must not drive the terminal or split the diagnostic. Half of a surrogate
 * pair (a CSDL JSON `\ud800` escape), which a terminal shows as `�`, is written as its escape too.
 */
function printable(line: string): string {
  return line.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
