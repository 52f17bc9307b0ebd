/**
 * Reading fast-xml-parser's ordered tree (`preserveOrder: true`): a list of nodes, each
 * `{ [qualified name]: child nodes, ":@"?: attributes }` for an element, `{ "#text": text }` for text
 * (CDATA included) and `{ "?target": ... }` for a processing instruction; with `captureMetaData`, an
 * element node also carries its start offset under a symbol.
 */
import { XMLParser } from "fast-xml-parser";

export type XNode = Record<string, unknown>;
export type Attributes = Record<string, unknown>;

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;
const NO_NODES: readonly XNode[] = Object.freeze([]);
export const NO_ATTRIBUTES: Attributes = Object.freeze({});

/** The element's qualified name (`edmx:Edmx`), "#text" for text, "?xml" for a processing instruction. */
export function tagOf(node: XNode): string {
  for (const key in node) if (key !== ":@") return key;
  return "";
}

/**
 * fast-xml-parser stores an element or attribute named as a property every object has (`toString`,
 * `valueOf`, `hasOwnProperty`, `__defineGetter__`, …) under another name: odatagen's parser puts
 * this mark in front of it (markRenamed), a space, which no XML name holds, so the new name is no
 * name a document can write; writtenName takes it off where a name is shown.
 */
const RENAMED_MARK = 0x20;

/** The name fast-xml-parser stores an element or attribute named `name` under, when it renames it. */
export function markRenamed(name: string): string {
  return String.fromCharCode(RENAMED_MARK) + name;
}

/** An element's or attribute's name as the document writes it (`toString`, which the parser stores as ` toString`). */
export function writtenName(name: string): string {
  return name.charCodeAt(0) === RENAMED_MARK ? name.slice(1) : name;
}

/** The name without its prefix: `edmx:Edmx` → `Edmx`. */
export function localName(tag: string): string {
  const colon = tag.indexOf(":");
  return colon < 0 ? tag : tag.slice(colon + 1);
}

/** Whether a node is an element (not text, not a processing instruction). */
export function isElementTag(tag: string): boolean {
  const c = tag.charCodeAt(0);
  return c !== 0x23 /* # */ && c !== 0x3f /* ? */ && tag !== "";
}

export function childNodes(node: XNode): readonly XNode[] {
  for (const key in node) if (key !== ":@") return node[key] as XNode[];
  return NO_NODES;
}

/** Where the element starts in the text (0 when unknown). */
export function startOf(node: XNode): number {
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
  return meta?.startIndex ?? 0;
}

/**
 * Attributes by local name, as CSDL reads them (`m:HasStream` in EDMX 1.0 is `HasStream`);
 * namespace declarations left out. A later attribute with the same local name wins.
 */
export function localAttributes(raw: Attributes): Attributes {
  const out: Attributes = {};
  for (const key in raw) {
    const colon = key.indexOf(":");
    if (colon < 0) {
      if (key !== "xmlns") out[key] = raw[key];
    } else if (key.slice(0, colon) !== "xmlns") out[key.slice(colon + 1)] = raw[key];
  }
  return out;
}

/**
 * An element's children with the given local names, in one pass: `result[k]` holds the children
 * named `names[k]`, in document order, that `accept` (if given) takes. Each other child (text too)
 * goes to `other`, if given.
 */
export function groupChildren(
  node: XNode,
  names: readonly string[],
  other?: (child: XNode, tag: string, local: string) => void,
  accept?: (child: XNode, tag: string) => boolean,
): (readonly XNode[])[] {
  const groups: XNode[][] = names.map(() => []);
  for (const child of childNodes(node)) {
    const tag = tagOf(child);
    const local = localName(tag);
    const k = names.indexOf(local);
    if (k >= 0) {
      if (accept === undefined || accept(child, tag)) groups[k].push(child);
    } else other?.(child, tag, local);
  }
  return groups;
}
