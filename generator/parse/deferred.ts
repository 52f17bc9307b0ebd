/**
 * Deferred `<Annotations>` blocks (`readCsdlXml`'s `deferAnnotationGroups`): the well-formedness scan
 * locates each schema's blocks, `maskSpans` hides them from the parser without moving any other
 * element, and `deferredGroups` records where they are and what they target, for a slice to read
 * only those it needs (`readDeferredGroup`). The contents of entity, complex and enum types and of
 * operations are deferred the same way (`deferBodies`, `readBody`): the start tags stay (and an
 * operation's first parameter, which binds it), the rest is read when a slice needs the element.
 */
import type { DeferredGroup, RawSchema } from "./raw";
import type { SourceText } from "./source";
import type { CsdlPrefixes } from "./namespace-scopes";

/**
 * The text with each `[start, end)` span turned into a comment of the same length, so fast-xml-parser
 * skips it and every other element keeps its offset (lines and columns are computed on the original
 * text). `latin1`: the text has no character above U+00FF (the one-byte copy, narrow.ts).
 */
export function maskSpans(text: string, spans: readonly number[], latin1 = false): string {
  if (latin1) return maskLatin1(text, spans);
  const parts: string[] = [];
  let from = 0;
  for (let k = 0; k < spans.length; k += 2) {
    const start = spans[k] as number;
    const end = spans[k + 1] as number;
    parts.push(text.slice(from, start), "<!--", " ".repeat(end - start - 7), "-->");
    from = end;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

const [SPACE, LT, BANG, DASH, GT] = [0x20, 0x3c, 0x21, 0x2d, 0x3e];

/**
 * `maskSpans` of a text with no character above U+00FF (`latin1`): its bytes masked in place, each
 * span one `fill`, and made a string again. Joining ~9,000 pieces of text and spaces (Graph, in a
 * slice) cost twice the instructions.
 */
function maskLatin1(text: string, spans: readonly number[]): string {
  const bytes = Buffer.from(text, "latin1");
  for (let k = 0; k < spans.length; k += 2) {
    const start = spans[k] as number;
    const end = spans[k + 1] as number;
    bytes.fill(SPACE, start + 4, end - 3);
    // "<!--" and "-->", a byte each: a call apiece would cost as much as the fill.
    bytes[start] = LT;
    bytes[start + 1] = BANG;
    bytes[start + 2] = bytes[start + 3] = bytes[end - 3] = bytes[end - 2] = DASH;
    bytes[end - 1] = GT;
  }
  return bytes.toString("latin1");
}

/** Two lists of sorted, disjoint `[start, end)` pairs merged into one (for `maskSpans`). */
export function mergeSpans(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as number) < (b[j] as number))) out.push(a[i++] as number, a[i++] as number);
    else out.push(b[j++] as number, b[j++] as number);
  }
  return out;
}

/**
 * The contents worth deferring, from the scan's triples (start tag, content start, content end): a
 * content shorter than a comment (`<!---->`, 7 characters) is read in place. Returns the spans to
 * mask and each content's `[start, end)` by the offset of its element's start tag.
 */
export function deferredBodies(triples: readonly number[]): { spans: number[]; byTag: Map<number, [number, number]> } {
  const spans: number[] = [];
  const byTag = new Map<number, [number, number]>();
  for (let k = 0; k < triples.length; k += 3) {
    const start = triples[k + 1] as number;
    const end = triples[k + 2] as number;
    if (end - start < 7) continue;
    spans.push(start, end);
    byTag.set(triples[k] as number, [start, end]);
  }
  return { spans, byTag };
}

/** `Target="…"` in an `<Annotations>` start tag, when written without character references. */
const TARGET = /^<[^\s>]+\s[^>]*?\bTarget\s*=\s*(?:"([^"&]*)"|'([^'&]*)')/;

export function deferredGroups(source: SourceText, spans: readonly number[], schemas: readonly RawSchema[],
  csdlOf: (schema: RawSchema) => CsdlPrefixes): DeferredGroup[] {
  const out: DeferredGroup[] = [];
  let s = 0;
  for (let k = 0; k < spans.length; k += 2) {
    const start = spans[k] as number;
    const end = spans[k + 1] as number;
    // The schema a block belongs to: the last one starting before it (schemas are in document order).
    while (s + 1 < schemas.length && (schemas[s + 1] as RawSchema).at.offset < start) s++;
    const m = TARGET.exec(source.text.slice(start, Math.min(end, start + 4096)));
    const schema = schemas[s];
    out.push({ source, namespace: schema?.namespace ?? "", target: m ? (m[1] ?? m[2]) : undefined, csdl: schema ? csdlOf(schema) : new Set(), start, end });
  }
  return out;
}
