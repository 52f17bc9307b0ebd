/**
 * Attribute values as XML 1.0 §3.3.3 normalizes them, for the start tags where fast-xml-parser's
 * reading differs (the scan finds them: WellFormedResult.spacedTags). The parser keeps a literal tab
 * or line break in a value and trims its ends; XML makes each literal tab, line feed and carriage
 * return (a CR LF pair is one line break) a space, keeps a character reference as the character it
 * names (`&#10;` stays a line feed) and trims nothing, as every attribute is CDATA without a DTD.
 * A reference to one of the DOCTYPE's entities expands to its value normalized the same way.
 */
import { expandReferences } from "./entities";
import { isXmlSpace } from "./xml-space";

/** The start tag's attributes at `tagStart`, by qualified name, normalized; values have their references expanded. */
export function normalizedAttributes(text: string, tagStart: number, entities?: ReadonlyMap<string, string>): Map<string, string> {
  const values = new Map<string, string>();
  // The text is well-formed (the scan checked): name, then (space, name = quoted value)*, then > or />.
  let i = tagStart + 1;
  while (!isSpaceOrEnd(text.charCodeAt(i))) i++;
  for (;;) {
    while (isXmlSpace(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (c === 0x3e /* > */ || c === 0x2f /* / */) return values;
    const nameAt = i;
    while (!isXmlSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x3d /* = */) i++;
    const name = text.slice(nameAt, i);
    i = text.indexOf("=", i) + 1;
    while (isXmlSpace(text.charCodeAt(i))) i++;
    const quote = text.charAt(i);
    const close = text.indexOf(quote, i + 1);
    values.set(name, expandReferences(text.slice(i + 1, close).replace(LITERAL_SPACES, " "), entities && inAttributes(entities)));
    i = close + 1;
  }
}

/**
 * The entities' values as a reference in an attribute value expands to them: XML 1.0 §3.3.3 applies
 * the same normalization to an entity's replacement text, so each tab or line feed in it is a space
 * (a line end in the DOCTYPE is a line feed already, §2.11). Made once per document.
 */
const normalizedEntities = new WeakMap<ReadonlyMap<string, string>, ReadonlyMap<string, string>>();
function inAttributes(entities: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  let out = normalizedEntities.get(entities);
  if (out === undefined) {
    out = new Map([...entities].map(([name, value]) => [name, value.replace(LITERAL_SPACES, " ")]));
    normalizedEntities.set(entities, out);
  }
  return out;
}

const LITERAL_SPACES = /\r\n|[\t\n\r]/g;

function isSpaceOrEnd(c: number): boolean {
  return isXmlSpace(c) || c === 0x3e || c === 0x2f || Number.isNaN(c);
}
