/**
 * The headers a service's metadata names for a request (Capabilities vocabulary: the
 * `CustomHeaders` of `ReadRestrictions`, its `ReadByKeyRestrictions`, `InsertRestrictions`,
 * `UpdateRestrictions` and `DeleteRestrictions`): Graph's `ConsistencyLevel: eventual` for the
 * advanced queries of its directory objects, Planner's required `If-Match`. The address's own
 * annotation is read over its entity type's, as the restrictions are (restrictions.ts).
 */
import { bool, member, term } from "./restrictions";
import type { Annotation } from "./types";
import type { RawExpression } from "../parse/raw";

export interface CustomHeader {
  name: string;
  description?: string;
  required: boolean;
  /** The first example value, and what it says. */
  example?: { value: string; description?: string };
  /** The term and property it is read from: `ReadRestrictions/CustomHeaders`. */
  by: string;
}

/** What the metadata says of a header, as a sentence's end: `: Indicates the requested consistency level.`, or `.`. */
export function headerDescription(h: CustomHeader): string {
  return h.description ? `: ${h.description.replace(/\.?$/, ".")}` : ".";
}

/** A request, as the restriction records the headers are in tell them apart. */
export type HeaderRequest = "read" | "readByKey" | "insert" | "update" | "delete";

const RECORDS: Record<HeaderRequest, readonly string[]> = {
  read: ["ReadRestrictions"],
  readByKey: ["ReadRestrictions", "ReadByKeyRestrictions"],
  insert: ["InsertRestrictions"],
  update: ["UpdateRestrictions"],
  delete: ["DeleteRestrictions"],
};

/** The custom headers of `request`: from the last of `layers` (least specific first) that names any. */
export function customHeaders(layers: readonly (readonly Annotation[])[], request: HeaderRequest): readonly CustomHeader[] {
  for (let k = layers.length - 1; k >= 0; k--) {
    const headers = layerHeaders(layers[k]!, request);
    if (headers.length) return headers;
  }
  return [];
}

/**
 * The custom headers one layer's annotations name for `request`, kept per layer: each address asks
 * its entity type's annotations and its own, for up to seven requests (doc comments, `If-Match`).
 */
function layerHeaders(annotations: readonly Annotation[], request: HeaderRequest): readonly CustomHeader[] {
  if (annotations.length === 0) return [];
  let known = byLayer.get(annotations);
  if (!known) byLayer.set(annotations, (known = {}));
  let headers = known[request];
  if (!headers) {
    const [termName, ...inner] = RECORDS[request];
    let record = term(annotations, termName!);
    for (const name of inner) record = member(record, name);
    const list = member(record, "CustomHeaders");
    headers = list?.kind === "collection" ? list.items.flatMap((item) => header(item, BY[request])) : [];
    known[request] = headers;
  }
  return headers;
}
const byLayer = new WeakMap<readonly Annotation[], Partial<Record<HeaderRequest, readonly CustomHeader[]>>>();
const BY = Object.fromEntries(Object.entries(RECORDS).map(([request, names]) => [request, [...names, "CustomHeaders"].join("/")])) as Record<HeaderRequest, string>;

function header(item: RawExpression, by: string): CustomHeader[] {
  const name = text(member(item, "Name"));
  if (!name) return [];
  const description = text(member(item, "Description"));
  const examples = member(item, "ExampleValues");
  const first = examples?.kind === "collection" ? examples.items[0] : undefined;
  const value = text(member(first, "Value"));
  const said = text(member(first, "Description"));
  return [{ name, ...(description ? { description } : {}), required: bool(member(item, "Required")) === true, ...(value ? { example: { value, ...(said ? { description: said } : {}) } } : {}), by }];
}

function text(e: RawExpression | undefined): string | undefined {
  return e?.kind === "constant" && e.type === "String" ? e.value : undefined;
}

/**
 * The changes (update, delete) for which the metadata requires the header `If-Match` (a `Required`
 * custom header of `UpdateRestrictions` or `DeleteRestrictions`; header names are compared without
 * case, RFC 9110 §5.1): Graph's Planner, whose updates Graph refuses without it. The runtime then
 * refuses such a change without an ETag before sending it, as for `Core.OptimisticConcurrency`.
 */
export function ifMatchChanges(layers: readonly (readonly Annotation[])[]): ("update" | "delete")[] {
  const required = (request: HeaderRequest) => customHeaders(layers, request).some((h) => h.required && h.name.toLowerCase() === "if-match");
  return (["update", "delete"] as const).filter(required);
}
