/**
 * Expands references in attribute values and text for fast-xml-parser (its `entityDecoder`): the
 * predefined entities, character references and the general entities the document's DOCTYPE
 * declares, as the well-formedness scan read them (well-formed.ts: the first declaration of a name
 * binds, values are plain text, and the references' total expansion is bounded there, with a
 * position). The parser never sees the DOCTYPE (xml.ts masks it), so its own DOCTYPE reader and
 * decoder — which left a value that looks like script (`onload=`) unexpanded, kept the last
 * declaration, let a document redefine `&amp;`, and reported its limits at no position — take no part.
 */

const PREDEFINED: ReadonlyMap<string, string> = new Map([["lt", "<"], ["gt", ">"], ["amp", "&"], ["apos", "'"], ["quot", '"']]);
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[^&;\s]+);/g;
const NONE: ReadonlyMap<string, string> = new Map();

/** `text` with its references expanded: character references, the predefined entities and `entities`. */
export function expandReferences(text: string, entities: ReadonlyMap<string, string> = NONE): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(REFERENCE, (whole: string, body: string): string => {
    if (body.charCodeAt(0) === 0x23) {
      const code = body.charCodeAt(1) === 0x78 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return PREDEFINED.get(body) ?? entities.get(body) ?? whole;
  });
}

export class EntityExpander {
  /** The entities of the document being parsed (set around each parse with `declared`). */
  private entities: ReadonlyMap<string, string> = NONE;

  /** Parses with `entities` declared: `parse` runs with them and they are forgotten after. */
  declared<T>(entities: ReadonlyMap<string, string>, parse: () => T): T {
    this.entities = entities;
    try {
      return parse();
    } finally {
      this.entities = NONE;
    }
  }

  decode(text: string): string {
    return expandReferences(text, this.entities);
  }

  // The rest of fast-xml-parser's EntityDecoderOptions: the parser never reads a DOCTYPE (it is
  // masked), and no entity is added by hand.
  reset(): void {}
  setXmlVersion(): void {}
  addInputEntities(): void {}
  setExternalEntities(): void {}
}
