/**
 * The media types a service's metadata accepts for a stream (`Core.AcceptableMediaTypes`): on a
 * stream property, or the type definition it is declared with (whose annotation propagates to it,
 * the vocabulary says), and on a media entity type (`HasStream`). Graph lists seven image types
 * for each of its organizational branding's logos: uploaded as `application/octet-stream`, the
 * default for bytes, such a logo is refused. The stream's address builder carries them, in its
 * type (`rt.StreamRef<T, "image/bmp" | …>`, `writeStream`'s `contentType`) and as data, which
 * `rt.writeStream` checks the media's type against before sending.
 */
import { CORE } from "./rules";
import type { Annotation, EntityType, Property } from "./types";

const ACCEPTABLE_MEDIA_TYPES = `${CORE}.AcceptableMediaTypes`;

/** A media type as RFC 9110 §8.3.1 writes one (`type/subtype`, perhaps parameters), `*` allowed for a subtype. */
const MEDIA_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/(?:\*|[A-Za-z0-9!#$&^_.+-]+)(?:[ \t]*;[ -~]*)?$/;

/**
 * The media types accepted for stream property `p` or media entity type `t`, as the metadata
 * writes them; undefined where it names none, names any (`*\/*`), or names something that is no
 * media type (then nothing is checked).
 */
export function acceptableMediaTypes(on: Property | EntityType): string[] | undefined {
  const own = listed(on.annotations);
  if (own !== undefined || on.kind !== "property") return own || undefined;
  const type = on.type.type;
  return (type.kind === "typedef" && listed(type.annotations)) || undefined;
}

/**
 * What the media of a media entity type's family accept (its `$value` builder serves the family,
 * declared on the first type with `HasStream`, `streamRoot`): that type's list with each subtype's
 * own added, so that no subtype's media is refused; undefined where that type names none, or a
 * subtype accepts any (`*\/*`, or a list holding no media type).
 */
export function familyMediaTypes(t: EntityType): string[] | undefined {
  const root = streamRoot(t);
  const own = listed(root.annotations);
  if (!own) return undefined;
  const out = [...own];
  const seen = new Set(own.map((m) => m.toLowerCase()));
  const below = [...root.derived];
  for (let i = 0; i < below.length; i++) {
    const d = below[i]!;
    const list = listed(d.annotations);
    if (list === false) return undefined;
    for (const m of list ?? []) {
      if (seen.has(m.toLowerCase())) continue;
      seen.add(m.toLowerCase());
      out.push(m);
    }
    below.push(...d.derived);
  }
  return out;
}

/** A media type without its parameters, in lower case: what media types are compared by. */
export function mediaEssence(m: string): string {
  return m.split(";", 1)[0]!.trim().toLowerCase();
}

/** The type whose `$value` builder serves `t`'s media: the first of `t` and its base types to declare `HasStream`. */
export function streamRoot(t: EntityType): EntityType {
  let root = t;
  while (root.baseType?.kind === "entity" && root.baseType.hasStream) root = root.baseType;
  return root;
}

/** The list of an unqualified annotation: its strings, false where it accepts any or holds no media type, undefined where there is none. */
function listed(annotations: readonly Annotation[]): string[] | false | undefined {
  const value = annotations.find((a) => a.term === ACCEPTABLE_MEDIA_TYPES && !a.qualifier)?.value;
  if (value === undefined) return undefined;
  if (value.kind !== "collection") return false;
  const items = value.items.map((i) => (i.kind === "constant" ? i.value.trim() : ""));
  if (!items.length || items.some((m) => !MEDIA_TYPE.test(m))) return false;
  return [...new Set(items)];
}
