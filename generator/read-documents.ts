/**
 * The documents of a run, read: the inputs, and, when a follower is given (the CLI's is
 * write/follow.ts, which reads the disk; this file does not), each document their `edmx:Reference`s
 * lead to, recursively.
 */
import { Codes, GenerationError, placeOf, type DiagnosticBag } from "./diagnostics";
import { READ_AS_INPUT } from "./followed-note";
import { readCsdl } from "./parse/read";
import type { RawDocument, RawReference } from "./parse/raw";
import { wordingOf } from "./model/wording";
import { selectIncludedAnnotations } from "./model/included-annotations";

export interface InputFile {
  /** The path as the user gave it; shown in diagnostics and in the generated header. */
  file: string;
  content: string;
}

/**
 * What a reference's `Uri` leads to (the CLI's follower, write/follow.ts, reads it from the disk):
 * a document to read as an input too, an input already read (`file` as shown), or nothing, and why
 * — `warn` when that is worth a warning even if no type of it is used (a Uri naming a folder) — or
 * a file that could not be read (an error, as for an input).
 */
export type Followed =
  | { kind: "read"; input: InputFile }
  | { kind: "known"; file: string }
  | { kind: "not-followed"; reason: string; warn?: boolean }
  | { kind: "unreadable"; file: string; reason: string };

/** Follows the `Uri` of a reference written in the input `from` (its `file`). */
export type FollowReference = (uri: string, from: string) => Followed;

/**
 * The documents, read: the inputs, then each document a reference leads to (`follow`), in the order
 * their references are written, each once. A required attribute the reader did not find (ODG101) is
 * read as empty, and the checks that would only repeat it skip it, so that the model's own problems
 * are reported in the same run; a document that could not be read at all stops the run here (its
 * types would all be reported missing). `files` names every document read, as shown. A document read
 * only because a reference leads to it gets the `IncludeAnnotations` that select its annotations.
 */
export function readDocuments(inputs: readonly InputFile[], diags: DiagnosticBag, defer: boolean, follow?: FollowReference): { docs: RawDocument[]; files: string[]; references: boolean } {
  const docs: RawDocument[] = [];
  const queue: { input: InputFile; via?: RawReference }[] = inputs.map((input) => ({ input }));
  let failed = false;
  for (const { input, via } of queue) {
    const before = diags.items.length;
    const doc = readCsdl(input.file, input.content, diags, { deferAnnotationGroups: defer, deferBodies: defer });
    if (!doc) {
      failed = true;
      if (via) concealContent(diags, before, input.file, via);
      continue;
    }
    docs.push(doc);
    if (follow) for (const ref of doc.references) followReference(ref, input.file, follow, diags, (next) => queue.push({ input: next, via: ref }));
  }
  if (failed) throw new GenerationError(diags.items);
  selectIncludedAnnotations(docs, inputs.length, diags);
  return { docs, files: queue.map((q) => q.input.file), references: docs.some((d) => d.references.length > 0) };
}

/** Follows one reference (readDocuments), recording on it where it led or why it did not. */
function followReference(ref: RawReference, from: string, follow: FollowReference, diags: DiagnosticBag, read: (input: InputFile) => void): void {
  const to = follow(ref.uri, from);
  const named = wordingOf(ref.at).reference(ref.uri);
  if (to.kind === "read") {
    ref.followedTo = to.input.file;
    diags.add(Codes.referenceFollowed, "info", `${to.input.file}${READ_AS_INPUT}${named} names it`, "Reference", ref.at);
    read(to.input);
  } else if (to.kind === "known") ref.followedTo = to.file;
  else if (to.kind === "unreadable") {
    ref.notFollowed = `it leads to ${to.file}, which cannot be read: ${to.reason}`;
    diags.error(Codes.fileUnreadable, `cannot read ${to.file}, which ${named} names: ${to.reason}`, "Reference", ref.at);
  } else {
    ref.notFollowed = to.reason;
    if (to.warn) diags.warning(Codes.referenceFollowed, `${named} is not followed: ${to.reason}`, "Reference", ref.at);
  }
}

/**
 * A followed document that is not CSDL (not well-formed, or not OData's) is reported as that alone,
 * at the place of its first problem: the reader's messages may quote what it holds (a JSON member's
 * name, a root element's), and a reference must not be a way to show a file's content.
 */
function concealContent(diags: DiagnosticBag, before: number, file: string, via: RawReference): void {
  const found = diags.items.splice(before);
  const first = found.find((d) => d.severity === "error") ?? found[0];
  const named = `${wordingOf(via.at).reference(via.uri)} at ${placeOf(via.at)}`;
  diags.items.push({
    // The path of a problem of the whole document, as for a given input that is not CSDL (never the element's, which may quote the file).
    code: first?.code ?? Codes.notCsdl, severity: "error", file, line: first?.line ?? 0, column: first?.column ?? 0, path: "(document)",
    message: `not a CSDL XML or CSDL JSON document (read because ${named} names it; what it holds is not shown)`,
  });
}
