/**
 * Reads one metadata document, CSDL XML or CSDL JSON, into raw CSDL: a text whose first character
 * (after blanks and a byte-order mark) is `{` or `[` is JSON (XML cannot start so), anything else XML.
 */
import type { DiagnosticBag } from "../diagnostics";
import type { RawDocument } from "./raw";
import { holdBodies } from "./held-bodies";
import { isJsonText } from "./json-text";
import { readCsdlXml, type ReadOptions } from "./xml";

export function readCsdl(file: string, content: string, diags: DiagnosticBag, options: ReadOptions = {}): RawDocument | undefined {
  if (!isJsonText(content)) return readCsdlXml(file, content, diags, options);
  // The JSON reader is loaded for a JSON document only: an XML one does without its ~50 KB.
  const { readCsdlJson } = require("./json") as typeof import("./json");
  const doc = readCsdlJson(file, content, diags, { groups: options.deferAnnotationGroups, problems: options.deferBodies });
  if (doc && options.deferBodies) holdBodies(doc);
  return doc;
}
