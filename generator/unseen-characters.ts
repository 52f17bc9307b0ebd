/**
 * Characters a name from the metadata may hold that a reader cannot see: bidirectional controls,
 * which make code and messages read otherwise than they are, and characters that show nothing,
 * which make a name look like another. Names holding them are refused (ModelBuilder.identifier,
 * checkSchemaNames); every diagnostic's message and path shows them escaped (DiagnosticBag).
 */

/** Unicode's bidirectional controls (embeddings, overrides, isolates): they make code read otherwise than it runs ("Trojan Source"). */
export const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Characters that show nothing, which would make a name look like another (`\ufeffCurrency` beside
 * `Currency`): the byte-order mark (a zero-width no-break space inside a text), zero-width spaces,
 * word joiners and invisible operators, the soft hyphen, the Mongolian vowel separator, and the
 * left-to-right, right-to-left and Arabic letter marks. Zero-width joiner and non-joiner are
 * left out: scripts such as Persian and Devanagari write words with them.
 */
export const INVISIBLE = /[\u00ad\u061c\u180e\u200b\u200e\u200f\u2060-\u2064\ufeff]/g;

/** A text with its bidirectional controls and characters that show nothing written as `\uXXXX`, for a message. */
export function unseenEscaped(text: string): string {
  return text.replace(BIDI_CONTROL, escapeOne).replace(INVISIBLE, escapeOne);
}

const escapeOne = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * Why a name cannot be read as written when it holds such a character (the words after "holds"),
 * or undefined. (`match`, not `test`: the patterns are global, and `test` would keep a position.)
 */
export function unseenProblem(name: string): string | undefined {
  if (name.match(BIDI_CONTROL)) return "a bidirectional control character, which makes code and messages read otherwise than they are";
  if (name.match(INVISIBLE)) return "a character that shows nothing, so that it looks like another name";
  return undefined;
}
