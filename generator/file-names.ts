/**
 * The names of a namespace's generated files: `<stem>.types.ts`, `.validators.ts`, `.requests.ts`.
 */

/**
 * A namespace's file stem: the namespace itself, unless its first segment is a device name Windows
 * reserves (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9, COM¹–COM³, LPT¹–LPT³, in any case), which
 * Windows takes for the device whatever extensions follow (`con.types.ts` is CON): then that
 * segment with a `-` after it, `Con-.types.ts`, `aux-.models.types.ts`. No namespace holds a `-`
 * (CSDL §5.1: simple identifiers and dots), so no other namespace's stem is the same.
 */
export function fileStem(namespace: string): string {
  const dot = namespace.indexOf(".");
  const first = dot === -1 ? namespace : namespace.slice(0, dot);
  return DEVICE_NAME.test(first) ? `${first}-${namespace.slice(first.length)}` : namespace;
}

/** A device name Windows reserves, in any case (the part of a file name before its first dot). */
export const DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
