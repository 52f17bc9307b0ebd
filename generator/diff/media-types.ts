/**
 * The change of the media types a stream accepts (Core.AcceptableMediaTypes; absent: any), as the
 * summary records them (format 11): narrowed where a media type the old list took is no longer
 * taken, which breaks the request functions (`rt.writeStream`'s `contentType`, and its check).
 */
import { mediaEssence } from "../model/media-types";

export interface MediaTypesChange {
  detail: string;
  narrowed: boolean;
}

/**
 * Whether `list` takes every media type `type` is typed to take (emit/media-types.ts, without
 * case): the same type; a wildcard (`image/*`) of its type; a type with parameters
 * (`` `text/plain${string}` ``) of its essence, where `type` has no wildcard.
 */
function takes(list: readonly string[], type: string): boolean {
  const t = mediaEssence(type);
  const [kind] = t.split("/");
  return list.some((m) => {
    const e = mediaEssence(m);
    if (e.endsWith("/*")) return e === `${kind}/*`;
    if (t.endsWith("/*")) return false;
    return m.includes(";") ? e === t : !type.includes(";") && e === t;
  });
}

export function mediaTypesChange(a: readonly string[] | undefined, b: readonly string[] | undefined): MediaTypesChange | undefined {
  if (a === undefined && b === undefined) return undefined;
  const term = "Core.AcceptableMediaTypes";
  if (a === undefined) return { detail: `${term} added: only ${b!.join(", ")} (narrowed)`, narrowed: true };
  if (b === undefined) return { detail: `${term} removed: any media type (widened)`, narrowed: false };
  const gone = a.filter((m) => !takes(b, m));
  const added = b.filter((m) => !takes(a, m));
  if (!gone.length && !added.length) return undefined;
  const parts = [added.length && `${added.join(", ")} accepted`, gone.length && `${gone.join(", ")} no longer accepted`].filter(Boolean);
  return { detail: `${term}: ${parts.join("; ")} (${gone.length ? "narrowed" : "widened"})`, narrowed: gone.length > 0 };
}
