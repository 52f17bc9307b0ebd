/**
 * The note (ODG113, info) that says a reference led to a document read as an input too
 * (`b.xml is read as an input too: <edmx:Reference Uri="b.xml"> names it`): written by
 * read-documents.ts, read back by the CLI (cli/reference-chain.ts), which loads no reader for it.
 */
import { Codes, type Diagnostic } from "./diagnostics";

/** The words between the followed file and the reference that names it. */
export const READ_AS_INPUT = " is read as an input too: ";

/** The file such a note says a reference led to, or undefined for any other diagnostic. */
export function followedFile(d: Diagnostic): string | undefined {
  if (d.code !== Codes.referenceFollowed || d.severity !== "info") return undefined;
  const at = d.message.indexOf(READ_AS_INPUT);
  return at < 0 ? undefined : d.message.slice(0, at);
}
