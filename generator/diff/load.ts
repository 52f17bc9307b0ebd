/** Reads CSDL files into a resolved model for comparison (parse and model stages only, no emit). */
import * as fs from "node:fs";
import { Codes, DiagnosticBag, GenerationError, unreadableReason } from "../diagnostics";
import { buildModel } from "../model/build";
import type { RawDocument } from "../parse/raw";
import { readCsdlXml } from "../parse/xml";
import { summarize, type ModelSummary } from "./summary";

/** Throws GenerationError with every problem found when a file cannot be read or has errors. */
export function loadSummary(files: string[]): ModelSummary {
  const diags = new DiagnosticBag();
  const docs: RawDocument[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8").replace(/\r\n?/g, "\n");
    } catch (e) {
      diags.fileError(Codes.fileUnreadable, `cannot read input: ${unreadableReason(e)}`, file);
      continue;
    }
    const doc = readCsdlXml(file, text, diags);
    if (doc) docs.push(doc);
  }
  if (diags.hasErrors) throw new GenerationError(diags.items);
  const model = buildModel(docs, diags);
  if (diags.hasErrors) throw new GenerationError(diags.items);
  return summarize(model);
}
