/**
 * The prebuild fast path: an output is up to date when its manifest records the same generator,
 * options and input hashes as now, and every file it lists is on disk with the recorded size and
 * hash. Then nothing needs parsing. Uses only Node built-ins, so that a no-change run loads neither
 * the XML parser nor the templates.
 */
import * as fs from "node:fs";
import { readManifest, recordedInputPath, sha256, type ManifestInput, type ManifestOptions } from "./manifest";
import { hasLeftovers } from "./stage";
import * as path from "node:path";

export interface ReadInputs {
  /** Input text with line endings normalised to LF, by absolute path. */
  contents: { file: string; content: string }[];
  records: ManifestInput[];
  /** Inputs that could not be read, with the reason. */
  unreadable: { file: string; reason: string }[];
}

export function readInputs(outDir: string, files: string[]): ReadInputs {
  const result: ReadInputs = { contents: [], records: [], unreadable: [] };
  for (const file of files) {
    let buf: Buffer;
    try {
      buf = fs.readFileSync(file);
    } catch (e) {
      result.unreadable.push({ file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
      continue;
    }
    const text = buf.toString("utf8");
    result.contents.push({ file: display(file), content: text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text });
    result.records.push({ file: recordedInputPath(outDir, file), sha256: sha256(buf) });
  }
  return result;
}

/** An input path as shown in diagnostics: relative to the working folder when inside it. */
export function display(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

export function isUpToDate(
  outDir: string,
  identity: { version: string; fingerprint: string },
  options: ManifestOptions,
  inputs: ManifestInput[],
  removeStale = true,
): boolean {
  const m = readManifest(outDir);
  if (!m || !m.fingerprint || m.version !== identity.version || m.fingerprint !== identity.fingerprint) return false;
  if (JSON.stringify(m.options) !== JSON.stringify(options)) return false;
  if (JSON.stringify(m.inputs) !== JSON.stringify(inputs.map((i) => ({ file: i.file, sha256: i.sha256 })))) return false;
  if (hasLeftovers(outDir)) return false;
  for (const f of m.files) {
    if (f.stale && removeStale) return false;
    let buf: Buffer;
    try {
      const file = path.join(outDir, f.path);
      if (fs.statSync(file).size !== f.size) return false;
      buf = fs.readFileSync(file);
    } catch {
      return false;
    }
    if (sha256(buf) !== f.sha256) return false;
  }
  return true;
}
