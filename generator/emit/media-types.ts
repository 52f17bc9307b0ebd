/**
 * How a stream's address builder carries the media types its metadata accepts
 * (model/media-types.ts): a union for `rt.StreamRef`'s second type argument, the list for
 * `rt.stream`, and a doc comment line.
 */
import { stringLiteral } from "../string-literal";
import { mediaEssence } from "../model/media-types";

/** A type, or a subtype wildcard's (`image/*`), that may stand in a template literal as it is. */
const SAFE = /^[A-Za-z0-9!#&^_.+-]+$/;

/**
 * `"image/bmp" | "image/png"`, in lower case (media types are compared without case, as
 * `rt.writeStream` compares them); `image/*` as `` `image/${string}` ``, any media type of it; a
 * type with parameters (`text/plain; charset=utf-8`) as `` `text/plain${string}` ``, with them or
 * without. Any text where its characters cannot stand in a template. Each member once.
 */
export function mediaTypesTs(accepted: readonly string[]): string {
  const each = accepted.map((listed) => {
    const m = listed.toLowerCase();
    const parameters = m.indexOf(";");
    const essence = mediaEssence(m);
    const [type, subtype] = essence.split("/") as [string, string];
    if (subtype === "*") return SAFE.test(type) ? `\`${type}/\${string}\`` : "string";
    if (parameters < 0) return stringLiteral(m);
    return SAFE.test(type) && SAFE.test(subtype) ? `\`${essence}\${string}\`` : "string";
  });
  return each.includes("string") ? "string" : [...new Set(each)].join(" | ");
}

/** `["image/bmp", "image/png"]`, for `rt.stream`. */
export function mediaTypesList(accepted: readonly string[]): string {
  return `[${accepted.map((m) => stringLiteral(m)).join(", ")}]`;
}

/** The builder's doc comment line: `The metadata accepts \`image/bmp\`, \`image/png\` for it (\`Core.AcceptableMediaTypes\`): …`. */
export function mediaTypesDoc(accepted: readonly string[]): string {
  return `The metadata accepts ${accepted.map((m) => `\`${m}\``).join(", ")} for it (\`Core.AcceptableMediaTypes\`): \`rt.writeStream\` takes one as \`contentType\`, and refuses media of another type (\`rt.unrestricted(address)\` sends it anyway).`;
}
