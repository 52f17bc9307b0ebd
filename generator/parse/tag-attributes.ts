/**
 * Elements' attributes read from their start tags, as fast-xml-parser would give them, for a parser
 * told to leave attributes out (`ignoreAttributes`): its attribute reading (a regular expression
 * over each tag, match arrays and maps per element) was about a third of its work on Graph. The
 * scan has checked every tag (well-formed.ts), so a tag here is a name, then (whitespace, name =
 * quoted value)*, then `>` or `/>`, with no name twice and no `__proto__`, `constructor` or
 * `prototype`.
 *
 * Each value is the parser's: line ends as line feeds, trimmed with JavaScript's `trim`, then its
 * references expanded; a name the parser stores under another one (markRenamed) is stored so here.
 * An element without attributes gets none (`":@"` absent), as from the parser.
 */
import { XMLParser } from "fast-xml-parser";
import { expandReferences } from "./entities";
import { isXmlSpace } from "./xml-space";
import { isElementTag, markRenamed, startOf, type Attributes, type XNode } from "./xml-nodes";

const NONE: ReadonlyMap<string, string> = new Map();

/**
 * Gives each element of `nodes` (a tree the parser made from `text`) and below the attributes of
 * its start tag; `entities` are the DOCTYPE's, as the parser expanded them.
 */
export function addAttributes(nodes: readonly XNode[], text: string, entities: ReadonlyMap<string, string> = NONE): void {
  for (const node of nodes) {
    let tag = "";
    for (const key in node) {
      tag = key;
      break;
    }
    if (!isElementTag(tag)) continue;
    const attributes = startTagAttributes(text, startOf(node), entities);
    if (attributes !== undefined) node[":@"] = attributes;
    const children = node[tag] as XNode[];
    if (children.length > 0) addAttributes(children, text, entities);
  }
}

/** The attributes of the start tag at `tagStart`, in the order written; undefined when it has none. */
function startTagAttributes(text: string, tagStart: number, entities: ReadonlyMap<string, string>): Attributes | undefined {
  let i = tagStart + 1;
  let c = text.charCodeAt(i);
  while (!isXmlSpace(c) && c !== 0x3e /* > */ && c !== 0x2f /* / */) c = text.charCodeAt(++i);
  let out: Attributes | undefined;
  for (;;) {
    while (isXmlSpace(c)) c = text.charCodeAt(++i);
    if (c === 0x3e /* > */ || c === 0x2f /* / */) return out;
    const nameAt = i;
    while (!isXmlSpace(c) && c !== 0x3d /* = */) c = text.charCodeAt(++i);
    const name = text.slice(nameAt, i);
    i = text.indexOf("=", i) + 1;
    while (isXmlSpace(text.charCodeAt(i))) i++;
    const close = text.indexOf(text.charAt(i), i + 1);
    let value = text.slice(i + 1, close);
    if (value.indexOf("\r") >= 0) value = value.replace(LINE_END, "\n");
    (out ??= {})[storedName(name)] = expandReferences(value.trim(), entities);
    i = close + 1;
    c = text.charCodeAt(i);
  }
}

/** A line end other than a line feed: the parser reads each as one (XML 1.0 §2.11). */
const LINE_END = /\r\n?/g;

/**
 * The parser renames attributes named as properties every object has (`toString`, …: see
 * markRenamed). Which it renames is asked of it, once, for each of `Object.prototype`'s names; an
 * attribute whose first character starts none of them is not looked up.
 */
let renamed: ReadonlyMap<string, string> | undefined;
const firstChars = new Set<number>();

function storedName(name: string): string {
  if (renamed === undefined) renamed = renamedNames();
  if (!firstChars.has(name.charCodeAt(0))) return name;
  return renamed.get(name) ?? name;
}

function renamedNames(): ReadonlyMap<string, string> {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "", onDangerousProperty: markRenamed });
  const out = new Map<string, string>();
  for (const name of Object.getOwnPropertyNames(Object.prototype)) {
    let stored: string | undefined;
    try {
      const [node] = parser.parse(`<a ${name}=""/>`) as XNode[];
      stored = Object.keys((node?.[":@"] ?? {}) as Attributes)[0];
    } catch {
      continue; // refused by the parser (`__proto__`, `constructor`): the scan refuses it first
    }
    if (stored !== undefined && stored !== name) {
      out.set(name, stored);
      firstChars.add(name.charCodeAt(0));
    }
  }
  return out;
}
